//! The whole register of one branch in memory, as plain data: what every report is built
//! from, whether it was read from the open store or from a branch's bundle.

use std::collections::BTreeMap;

use super::admission::{Candidate, CandidateId, Target};
use super::branch::Branch;
use super::dues::Ledger;
use super::liaison::{Liaison, LiaisonId, YearComment};
use super::meeting::{Meeting, MeetingId};
use super::member::{Member, MemberId};
use super::review::{BranchYear, MemberReview};

/// One branch's records, read once for a report.
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// Resolutions with who studied them.
    pub resolutions: Vec<(super::study::ResolutionId, super::study::Resolution)>,
    /// Liaison members (QĐ 213).
    pub liaisons: Vec<(LiaisonId, Liaison)>,
}

impl Register {
    /// The members without their ids.
    pub fn people(&self) -> Vec<Member> {
        self.members.iter().map(|(_, m)| m.clone()).collect()
    }
}

impl Register {
    /// What the ward needs for its figures and nothing more (the default bundle): every
    /// member's dated events, sex, birth date, education, professional level, political
    /// theory, occupation, ethnicity, religion and residential group; each meeting's kind,
    /// date and roll call; each review's grades and vote; the branch profile, its yearly
    /// grades and admission targets; the resolutions and who studied them (by id). Names,
    /// identity and card numbers, addresses, phones, notes, the minutes' text, candidates
    /// and dues are left out. The figures of the result are those of the whole register.
    pub fn for_ward(&self) -> Register {
        let members = self
            .members
            .iter()
            .map(|(id, m)| {
                let events = m
                    .events
                    .iter()
                    .map(|e| super::member::MemberEvent {
                        date: e.date,
                        kind: e.kind,
                        note: String::new(),
                        papers: super::member::EventPapers {
                            ends_on: e.papers.ends_on,
                            exemption_reason: e.papers.exemption_reason,
                            discipline: e.papers.discipline,
                            removal_cause: e.papers.removal_cause,
                            ..Default::default()
                        },
                    })
                    .collect();
                let kept = Member {
                    gender: m.gender,
                    birth_date: m.birth_date,
                    ethnicity: m.ethnicity.clone(),
                    religion: m.religion.clone(),
                    residential_group: m.residential_group.clone(),
                    education: m.education.clone(),
                    professional: m.professional,
                    political_theory: m.political_theory,
                    occupation: m.occupation,
                    events,
                    ..Member::default()
                };
                (*id, kept)
            })
            .collect();
        let meetings = self
            .meetings
            .iter()
            .map(|(id, m)| {
                let attendance = m
                    .attendance
                    .iter()
                    .map(|r| super::meeting::AttendanceRow {
                        name: String::new(),
                        mark: match &r.mark {
                            super::meeting::Mark::Excused(_) => {
                                super::meeting::Mark::Excused(String::new())
                            }
                            other => other.clone(),
                        },
                        ..r.clone()
                    })
                    .collect();
                let kept = Meeting {
                    attendance,
                    approved: m.approved,
                    ..Meeting::empty(m.number, m.term_start, m.kind, m.date)
                };
                (*id, kept)
            })
            .collect();
        let reviews = self
            .reviews
            .iter()
            .map(|(k, r)| {
                let kept = MemberReview {
                    self_score: r.self_score,
                    self_grade: r.self_grade,
                    proposed: r.proposed,
                    vote: r.vote,
                    final_grade: r.final_grade,
                    decided_on: r.decided_on,
                    ..MemberReview::default()
                };
                (*k, kept)
            })
            .collect();
        Register {
            branch: self.branch.clone(),
            members,
            meetings,
            reviews,
            branch_years: self.branch_years.clone(),
            candidates: Vec::new(),
            targets: self.targets.clone(),
            dues: BTreeMap::new(),
            resolutions: self
                .resolutions
                .iter()
                .map(|(id, r)| {
                    let mut r = r.clone();
                    for s in &mut r.sessions {
                        s.note.clear();
                    }
                    (*id, r)
                })
                .collect(),
            liaisons: self
                .liaisons
                .iter()
                .map(|(id, l)| (*id, liaison_for_ward(l)))
                .collect(),
        }
    }
}

/// What the ward's copy keeps of a liaison member: the kind and the year and day each
/// comment was sent (its figures), no name, workplace or text.
fn liaison_for_ward(l: &Liaison) -> Liaison {
    Liaison {
        kind: l.kind,
        comments: l
            .comments
            .iter()
            .map(|c| YearComment {
                year: c.year,
                sent_on: c.sent_on,
                ..YearComment::default()
            })
            .collect(),
        ..Liaison::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{demo, review, stats};
    use chrono::NaiveDate;

    #[test]
    fn the_ward_copy_has_the_same_figures_and_no_names() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let members: Vec<_> = demo::demo_members(7, 40, today)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let branch = demo::demo_branch();
        let meetings: Vec<_> = demo::demo_meetings(&members, &branch, today)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let ms: Vec<_> = meetings.iter().map(|(_, m)| m.clone()).collect();
        let (reviews, years) = demo::demo_reviews(&members, &ms, today);
        let full = Register {
            branch,
            members,
            meetings,
            reviews: reviews.into_iter().collect(),
            branch_years: years.into_iter().collect(),
            ..Register::default()
        };
        let ward = full.for_ward();
        for at in [today, NaiveDate::from_ymd_opt(2020, 6, 30).unwrap()] {
            assert_eq!(
                stats::structure(&ward.people(), at),
                stats::structure(&full.people(), at)
            );
        }
        let from = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
        assert_eq!(
            stats::movements(&ward.people(), from, today),
            stats::movements(&full.people(), from, today)
        );
        let figures = |r: &Register| {
            let f = stats::meeting_figures(r.meetings.iter().map(|(_, m)| m), from, today);
            // Per member without the names (which the ward's copy does not have).
            let mut counts: Vec<_> = f.per_member.iter().map(|(_, p, e)| (*p, *e)).collect();
            counts.sort_unstable();
            (f.held, f.attendance, counts)
        };
        assert_eq!(figures(&ward), figures(&full));
        let summary = |r: &Register| {
            let rows = review::year_rows(2025, &r.members, &r.reviews, today);
            review::summary(&rows).counts
        };
        assert_eq!(summary(&ward), summary(&full));
        assert!(ward.members.iter().all(|(_, m)| {
            m.full_name.is_empty()
                && m.card_number.is_empty()
                && m.address.is_empty()
                && m.phone.is_empty()
                && m.national_id.is_empty()
                && m.events
                    .iter()
                    .all(|e| e.note.is_empty() && e.papers.decision.is_empty())
        }));
        assert!(ward.meetings.iter().all(|(_, m)| m.agenda.is_empty()
            && m.chair.is_empty()
            && m.attendance.iter().all(|r| r.name.is_empty())));
        assert!(
            ward.reviews
                .values()
                .all(|r| r.comments.is_empty() && r.plan.is_empty())
        );
    }
}
