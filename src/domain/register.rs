//! The whole register of one branch in memory, as plain data: what every report is built
//! from, whether it was read from the open store or from a branch's bundle.

use std::collections::BTreeMap;

use super::admission::{Candidate, CandidateId, Target};
use super::branch::Branch;
use super::dues::Ledger;
use super::meeting::{Meeting, MeetingId};
use super::member::{Member, MemberId};
use super::review::{BranchYear, MemberReview};

/// One branch's records, read once for a report.
#[derive(Debug, Clone, Default)]
pub struct Register {
    /// The branch profile (default when not set up yet).
    pub branch: Branch,
    /// Members with their ids.
    pub members: Vec<(MemberId, Member)>,
    /// Meetings with their ids.
    pub meetings: Vec<(MeetingId, Meeting)>,
    /// Each member's review of each year, by (year, member).
    pub reviews: BTreeMap<(i32, MemberId), MemberReview>,
    /// The branch's own review of each year.
    pub branch_years: Vec<(i32, BranchYear)>,
    /// Candidates in the admission pipeline.
    pub candidates: Vec<(CandidateId, Candidate)>,
    /// Admission targets by year.
    pub targets: Vec<Target>,
    /// Dues ledgers by member.
    pub dues: BTreeMap<MemberId, Ledger>,
}

impl Register {
    /// The members without their ids.
    pub fn people(&self) -> Vec<Member> {
        self.members.iter().map(|(_, m)| m.clone()).collect()
    }
}
