//! The admission pipeline (rules.md §6): a candidate (quần chúng ưu tú) moves through the
//! stages of §6.2 in order, each recorded with its date, its document and who is
//! responsible. Every stage is checked against the rules table; a rule that is not
//! verified only warns, and a blocking rule can be overridden with a recorded reason.
//! The ceremony makes the candidate a probationary member; the recognition decision makes
//! them official from the end of probation, even when the branch is late.
//!
//! One file per stage group: `eligibility` (stages 1–8: age, certificate, sponsors),
//! `probation` (stages 9–14: ceremony and recognition deadlines), `deadlines` (what is
//! due next), `form` (checking a step or a candidate), `record` (recording a step
//! and what it changes on the roster) and `board` (the board, the target, the figures).
//! The stages, checks and refusals live in [`super::stages`] and are re-exported here.

mod board;
mod deadlines;
mod eligibility;
mod form;
mod probation;
mod record;

pub use super::stages::{AdmissionProblem, Check, Stage, Treatment};
pub use board::*;
pub use deadlines::*;
pub use eligibility::*;
pub use form::*;
pub use probation::*;
pub use record::*;

use chrono::{Months, NaiveDate};

use super::acts::LateFlag;
use super::meeting::MeetingId;
use super::member::{Member, MemberId};
use super::rules::{self, RuleId};

/// Store key of a candidate.
pub type CandidateId = u64;

/// Where a candidate comes from (the mass organisation or place that proposed them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Đoàn Thanh niên Cộng sản Hồ Chí Minh.
    YouthUnion,
    /// Hội Liên hiệp Phụ nữ.
    WomenUnion,
    /// Hội Cựu chiến binh.
    Veterans,
    /// Công đoàn.
    TradeUnion,
    /// Tổ dân phố, Ban công tác Mặt trận.
    ResidentialGroup,
    /// Khác.
    Other,
}

impl Source {
    /// Every source, in form order.
    pub const ALL: &'static [Source] = &[
        Source::YouthUnion,
        Source::WomenUnion,
        Source::Veterans,
        Source::TradeUnion,
        Source::ResidentialGroup,
        Source::Other,
    ];
}

/// A document behind a stage: number, date and who issued it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Số văn bản ("12-NQ/CB", the certificate's number).
    pub number: String,
    /// Ngày văn bản.
    pub date: Option<NaiveDate>,
    /// Cơ quan ban hành / nơi cấp.
    pub issuer: String,
}

/// An official member who sponsors (giới thiệu) the candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sponsor {
    /// The member.
    pub member: MemberId,
    /// The member's name when recorded.
    pub name: String,
    /// Since when they have worked, studied or lived with the candidate.
    pub known_since: NaiveDate,
}

/// The figures of a branch vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết.
    pub abstain: u32,
    /// The §2 denominator.
    pub denominator: u32,
    /// The meeting vote it was taken from (meeting, vote index), if any.
    pub meeting: Option<(MeetingId, u32)>,
}

impl Tally {
    /// Rule HD 06 §3.6b: at least two thirds of the denominator voted yes.
    pub fn passed(&self) -> bool {
        two_thirds(self.yes, self.denominator)
    }
}

/// Rule HD 06-HD/TW §3.6b (rules.md §6.2 steps 8 and 13): `yes` reaches two thirds of the
/// §2 denominator (numbers from the rules table).
pub fn two_thirds(yes: u32, denominator: u32) -> bool {
    let num = rules::value(RuleId::QualifiedMajorityNumerator).max(1) as u64;
    let den = rules::value(RuleId::QualifiedMajorityDenominator).max(1) as u64;
    denominator > 0 && u64::from(yes) * den >= u64::from(denominator) * num
}

/// One recorded stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Which stage.
    pub stage: Stage,
    /// When it happened (certificate date, vote date, ceremony date, …).
    pub date: NaiveDate,
    /// The document behind it.
    pub document: Document,
    /// Who is responsible (người phụ trách).
    pub responsible: String,
    /// Free note.
    pub note: String,
    /// Conclusion of the vetting (kết luận thẩm tra).
    pub conclusion: String,
    /// The sponsors (Sponsors stage).
    pub sponsors: Vec<Sponsor>,
    /// Number of the Youth Union committee's resolution, when it stands for a sponsor.
    pub youth_resolution: String,
    /// The figures of a vote stage.
    pub tally: Option<Tally>,
    /// A recognition vote that proposes removal (xóa tên) instead of recognition.
    pub propose_removal: bool,
    /// The checks raised when it was recorded (warnings, and blocks that were overridden).
    pub checks: Vec<Check>,
    /// Why the secretary recorded it despite blocking checks.
    pub override_reason: String,
}

impl Step {
    /// A recognition vote that reached two thirds neither for nor against its proposal
    /// (QĐ 24 điểm 4.2.3): the branch votes again.
    pub fn inconclusive(&self) -> bool {
        self.stage == Stage::RecognitionVote
            && self.tally.is_some_and(|t| {
                !two_thirds(t.yes, t.denominator) && !two_thirds(t.no, t.denominator)
            })
    }

    /// A step of `stage` on `date` with nothing else filled in.
    pub fn new(stage: Stage, date: NaiveDate) -> Step {
        Step {
            stage,
            date,
            document: Document::default(),
            responsible: String::new(),
            note: String::new(),
            conclusion: String::new(),
            sponsors: Vec::new(),
            youth_resolution: String::new(),
            tally: None,
            propose_removal: false,
            checks: Vec::new(),
            override_reason: String::new(),
        }
    }
}

/// A candidate for admission and the stages recorded so far.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Candidate {
    /// Identity, in the member record's fields (events and card number stay empty), so
    /// the member record is built from it at the ceremony. `notes` are the candidate's.
    pub person: Member,
    /// Where the candidate comes from.
    pub source: Option<Source>,
    /// The unit of that organisation ("Chi đoàn Tổ dân phố Hòa Bình").
    pub source_unit: String,
    /// The official member assigned to help (đảng viên giúp đỡ).
    pub helper: Option<MemberId>,
    /// The helper's name when assigned.
    pub helper_name: String,
    /// The recorded stages, oldest first.
    pub steps: Vec<Step>,
    /// The member record made at the ceremony.
    pub member: Option<MemberId>,
    /// No longer followed (date, reason).
    pub withdrawn: Option<(NaiveDate, String)>,
}

/// Where a candidate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Moving through the stages.
    InProgress,
    /// Recognised as an official member: done.
    Official,
    /// The branch proposed removal at the end of probation.
    RemovalProposed,
    /// The branch voted on recognition as many times as the rule allows without 2/3
    /// either way: "chờ cấp trên quyết định" (QĐ 24 điểm 4.2.3).
    AwaitingSuperior,
    /// No longer followed.
    Withdrawn,
}

impl Candidate {
    /// The late flags of the recorded steps: each step recorded after a deadline of the
    /// rules (ceremony, recognition) with the reason it was recorded with.
    pub fn late_flags(&self) -> Vec<LateFlag> {
        let mut out = Vec::new();
        for s in &self.steps {
            for ch in &s.checks {
                let due = match ch {
                    Check::CeremonyLate { deadline, .. }
                    | Check::RecognitionLate { deadline, .. } => *deadline,
                    _ => continue,
                };
                out.push(LateFlag {
                    rule: ch.rule(),
                    due,
                    done: s.date,
                    reason: s.override_reason.clone(),
                });
            }
        }
        out
    }

    /// The last recorded step.
    pub fn last(&self) -> Option<&Step> {
        self.steps.last()
    }

    /// The current stage (the last one recorded).
    pub fn stage(&self) -> Option<Stage> {
        self.last().map(|s| s.stage)
    }

    /// The step of a stage, if recorded.
    pub fn step(&self, stage: Stage) -> Option<&Step> {
        self.steps.iter().find(|s| s.stage == stage)
    }

    /// Where the candidate stands.
    pub fn standing(&self) -> Standing {
        if self.withdrawn.is_some() {
            Standing::Withdrawn
        } else if self.step(Stage::RecognitionDecision).is_some() {
            Standing::Official
        } else if self
            .steps
            .iter()
            .any(|s| s.stage == Stage::RecognitionVote && s.propose_removal && !s.inconclusive())
        {
            Standing::RemovalProposed
        } else if self.superior_decides() {
            Standing::AwaitingSuperior
        } else {
            Standing::InProgress
        }
    }

    /// The recognition votes that reached two thirds neither way, oldest first.
    pub fn inconclusive_votes(&self) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|s| s.stage == Stage::RecognitionVote && s.inconclusive())
            .collect()
    }

    /// Rule QĐ 24 điểm 4.2.3 (rules.md §6.2 step 15, #23.3): after this many recognition
    /// votes without 2/3 either way the case goes to the superior committee.
    fn superior_decides(&self) -> bool {
        let rounds = rules::value(RuleId::RecognitionVoteRounds).max(1) as usize;
        self.inconclusive_votes().len() >= rounds
    }

    /// The stages that may be recorded next, in order (empty when done). After a
    /// recognition vote without 2/3 either way the branch votes again; once the superior
    /// committee decides, only its decision is left.
    pub fn next_stages(&self) -> Vec<Stage> {
        match self.standing() {
            Standing::InProgress => {}
            Standing::AwaitingSuperior => return vec![Stage::RecognitionDecision],
            _ => return Vec::new(),
        }
        if self.last().is_some_and(Step::inconclusive) {
            return vec![Stage::RecognitionVote];
        }
        Stage::after(self.stage())
    }

    /// The first stage that must still be recorded (skipping optional ones).
    pub fn next_required(&self) -> Option<Stage> {
        self.next_stages().into_iter().find(|s| !s.optional())
    }

    /// Rule Điều lệ Đ.5 (rules.md §6.2 step 12): probation is 12 months from the ceremony.
    /// The day it ends, which is also the day official membership dates from.
    pub fn probation_end(&self) -> Option<NaiveDate> {
        let ceremony = self.step(Stage::Ceremony)?.date;
        let months = u32::try_from(rules::value(RuleId::ProbationMonths)).unwrap_or(12);
        ceremony.checked_add_months(Months::new(months))
    }
}

#[cfg(test)]
mod tests;
