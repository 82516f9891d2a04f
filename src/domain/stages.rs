//! The vocabulary of the admission pipeline: its stages, the rule checks and the refusals.
//! A leaf over the rules table, so `validate` can name an admission problem without
//! importing the pipeline (which imports `validate` for the common field problems).

use chrono::NaiveDate;

use super::rules::{self, Certainty, RuleId};

/// The stages of rules.md §6.2, in the order they must happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// 1. Put on the sympathiser list (danh sách cảm tình Đảng), a helper assigned.
    Listed,
    /// 2. Awareness course (lớp bồi dưỡng nhận thức về Đảng): the certificate.
    Course,
    /// 3. Application to join (đơn xin vào Đảng).
    Application,
    /// 4. Personal record (lý lịch người xin vào Đảng).
    PersonalRecord,
    /// 5. Vetting (thẩm tra lý lịch), with its conclusion.
    Vetting,
    /// 6. Two sponsors (giới thiệu), or one and a Youth Union resolution.
    Sponsors,
    /// 7. Comments of the mass organisations and the place of residence (nhận xét).
    Comments,
    /// 8. The branch's vote proposing admission (nghị quyết đề nghị kết nạp).
    BranchVote,
    /// 9. The ward committee's admission decision (quyết định kết nạp).
    Decision,
    /// 10. The admission ceremony (lễ kết nạp): the candidate becomes a probationary member.
    Ceremony,
    /// 11. The political course for new members during probation (optional to record).
    NewMemberCourse,
    /// 13. The branch's vote on recognition as an official member (or on removal).
    RecognitionVote,
    /// 14. The ward committee's recognition decision: official from the end of probation.
    RecognitionDecision,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: &'static [Stage] = &[
        Stage::Listed,
        Stage::Course,
        Stage::Application,
        Stage::PersonalRecord,
        Stage::Vetting,
        Stage::Sponsors,
        Stage::Comments,
        Stage::BranchVote,
        Stage::Decision,
        Stage::Ceremony,
        Stage::NewMemberCourse,
        Stage::RecognitionVote,
        Stage::RecognitionDecision,
    ];

    /// Whether the stage may be skipped (it is recorded when known, never required).
    pub fn optional(self) -> bool {
        self == Stage::NewMemberCourse
    }

    /// Whether the stage is a vote of the branch (needs a tally).
    pub fn is_vote(self) -> bool {
        matches!(self, Stage::BranchVote | Stage::RecognitionVote)
    }

    /// The stages that may be recorded after `last` (none recorded yet: `None`), in order.
    pub fn after(last: Option<Stage>) -> Vec<Stage> {
        let start = match last {
            None => 0,
            Some(s) => match Stage::ALL.iter().position(|x| *x == s) {
                Some(i) => i + 1,
                None => return Vec::new(),
            },
        };
        let mut out = Vec::new();
        for s in &Stage::ALL[start.min(Stage::ALL.len())..] {
            out.push(*s);
            if !s.optional() {
                break;
            }
        }
        out
    }
}

/// Why a step is not allowed (yet), or is late. Each names its rule in the rules table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Under 18 on the vote date (age in months; the date the candidate turns 18).
    TooYoung {
        /// Age in whole months on the date checked.
        months: i32,
        /// The day the minimum age is reached.
        from: NaiveDate,
    },
    /// Over 60 on the vote date (age in months).
    TooOld {
        /// Age in whole months on the date checked.
        months: i32,
    },
    /// The awareness-course certificate is older than its validity on the vote date.
    CertificateExpired {
        /// The last day it was valid.
        valid_until: NaiveDate,
    },
    /// A sponsor is not an official member of the branch (now, or on the step's date).
    SponsorNotOfficial {
        /// The sponsor's name.
        name: String,
    },
    /// A sponsor has known the candidate for fewer months than the rule asks.
    SponsorTooRecent {
        /// The sponsor's name.
        name: String,
        /// Whole months known on the step's date.
        months: i32,
    },
    /// Fewer sponsors than the rule asks, and no Youth Union resolution.
    TooFewSponsors {
        /// Sponsors recorded.
        count: u32,
    },
    /// The Youth Union route for a candidate older than youth age (years).
    YouthRouteTooOld {
        /// Age in years on the step's date.
        years: i32,
    },
    /// The vote did not reach two thirds of the denominator.
    VoteShort {
        /// Yes votes.
        yes: u32,
        /// The §2 denominator.
        denominator: u32,
    },
    /// The ceremony comes more working days after the decision than the rule allows.
    CeremonyLate {
        /// Working days after the decision.
        working_days: u32,
        /// The last day within the rule.
        deadline: NaiveDate,
    },
    /// Probation is not over yet (the recognition vote waits for it).
    ProbationNotOver {
        /// The day probation ends.
        ends: NaiveDate,
    },
    /// The recognition vote comes later than the rule's working days after probation.
    RecognitionLate {
        /// Working days after the end of probation.
        working_days: u32,
        /// The last day within the rule.
        deadline: NaiveDate,
    },
}

impl Check {
    /// The rule behind the check.
    pub fn rule(&self) -> RuleId {
        match self {
            Check::TooYoung { .. } => RuleId::AdmissionMinAgeMonths,
            Check::TooOld { .. } => RuleId::AdmissionMaxAgeMonths,
            Check::CertificateExpired { .. } => RuleId::CertificateValidityMonths,
            Check::SponsorNotOfficial { .. } | Check::TooFewSponsors { .. } => {
                RuleId::SponsorsRequired
            }
            Check::SponsorTooRecent { .. } => RuleId::SponsorAcquaintanceMonths,
            Check::YouthRouteTooOld { .. } => RuleId::YouthUnionMaxAgeYears,
            Check::VoteShort { .. } => RuleId::QualifiedMajorityNumerator,
            Check::CeremonyLate { .. } => RuleId::CeremonyWorkingDays,
            Check::ProbationNotOver { .. } => RuleId::ProbationMonths,
            Check::RecognitionLate { .. } => RuleId::RecognitionWorkingDays,
        }
    }

    /// How the rules treat the step (#22.2, one treatment for every deadline and bound):
    /// a bound set in advance (under age, certificate, probation) refuses whatever the reason; a
    /// passed deadline (ceremony, recognition) and the other checks are recorded only with
    /// a reason, kept with the step as its flag; unverified rules only warn.
    pub fn treatment(&self) -> Treatment {
        if rules::rule(self.rule()).certainty == Certainty::Unverified {
            return Treatment::Warns;
        }
        // Over 60 is not forbidden: it needs the provincial committee's agreement (HD 06
        // điểm 1.1), recorded as the reason.
        match self {
            Check::TooYoung { .. }
            | Check::CertificateExpired { .. }
            | Check::ProbationNotOver { .. } => Treatment::Refused,
            Check::CeremonyLate { .. } | Check::RecognitionLate { .. } => Treatment::Late,
            _ => Treatment::WithReason,
        }
    }

    /// Whether the check stops the step (refused, or recorded only with a reason).
    pub fn blocks(&self) -> bool {
        self.treatment() != Treatment::Warns
    }
}

/// How the rules treat an act that breaks a check (#22.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Forbidden in advance: refused, whatever the reason.
    Refused,
    /// A deadline passed: recorded with a reason and shown flagged "muộn".
    Late,
    /// Recorded only with a reason, kept with the step.
    WithReason,
    /// An unverified rule: a warning.
    Warns,
}

/// What is wrong with a step (beyond the common field problems).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdmissionProblem {
    /// A rule blocks the step (override it with a reason).
    Rule(Check),
    /// Blocking rules were found: a reason is needed to record the step anyway.
    NeedsOverride,
    /// This stage cannot be recorded now: the stage that comes next.
    OutOfOrder(Option<Stage>),
    /// The date is before the previous step's date.
    BeforePrevious(NaiveDate),
    /// The same member cannot sponsor twice.
    SameSponsor,
    /// The date is not the date of the chosen meeting vote.
    NotTheMeetingDate(NaiveDate),
    /// The chosen meeting vote is not a two-thirds vote.
    NotTwoThirds,
    /// The helper must be an official member of the branch.
    HelperNotOfficial,
    /// The recorded step changed the roster; correct it on the member's card.
    InRoster,
    /// The number entitled to vote differs from the one computed from the roll on the
    /// vote date (the computed number): recorded only with a reason (#22.1).
    DenominatorTypedOver(u32),
}
