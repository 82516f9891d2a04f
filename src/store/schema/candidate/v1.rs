//! Candidates (the admission pipeline) and yearly admission targets, version 1 of their
//! trees. FROZEN once released: never edit these types (field order, variant order and
//! types are the on-disk format); add `v2.rs` with a `From` conversion instead.
//! The identity of a candidate is a frozen member record (`MemberV2`, events empty).
//!
//! Golden bytes: `tests/fixtures/candidate_v1.bin`, `admission_target_v1.bin`.

use serde::{Deserialize, Serialize};

use crate::domain::admission::{
    Candidate, Check, Document, Source, Sponsor, Stage, Step, Tally, Target,
};
use crate::domain::member::Member;
use crate::store::schema::days::{DayV1, date, day};
use crate::store::schema::member::v2::MemberV2;

/// The version byte of candidate and target values.
pub const VERSION: u8 = 1;

/// Source organisation, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceV1 {
    /// Đoàn Thanh niên.
    YouthUnion,
    /// Hội Phụ nữ.
    WomenUnion,
    /// Hội Cựu chiến binh.
    Veterans,
    /// Công đoàn.
    TradeUnion,
    /// Tổ dân phố.
    ResidentialGroup,
    /// Khác.
    Other,
}

/// Stage, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StageV1 {
    /// Cảm tình Đảng.
    Listed,
    /// Lớp nhận thức.
    Course,
    /// Đơn.
    Application,
    /// Lý lịch.
    PersonalRecord,
    /// Thẩm tra.
    Vetting,
    /// Giới thiệu.
    Sponsors,
    /// Nhận xét.
    Comments,
    /// NQ chi bộ.
    BranchVote,
    /// QĐ kết nạp.
    Decision,
    /// Lễ kết nạp.
    Ceremony,
    /// Lớp đảng viên mới.
    NewMemberCourse,
    /// Xét chính thức.
    RecognitionVote,
    /// QĐ chính thức.
    RecognitionDecision,
}

/// A rule check kept with a step, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckV1 {
    /// Too young (months, from).
    TooYoung(i32, DayV1),
    /// Too old (months).
    TooOld(i32),
    /// Certificate expired (valid until).
    CertificateExpired(DayV1),
    /// Sponsor not official (name).
    SponsorNotOfficial(String),
    /// Sponsor too recent (name, months).
    SponsorTooRecent(String, i32),
    /// Too few sponsors (count).
    TooFewSponsors(u32),
    /// Youth route too old (years).
    YouthRouteTooOld(i32),
    /// Vote short (yes, denominator).
    VoteShort(u32, u32),
    /// Ceremony late (working days, deadline).
    CeremonyLate(u32, DayV1),
    /// Probation not over (ends).
    ProbationNotOver(DayV1),
    /// Recognition late (working days, deadline).
    RecognitionLate(u32, DayV1),
}

/// A sponsor, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SponsorV1 {
    /// Member id.
    pub member: u64,
    /// Name when recorded.
    pub name: String,
    /// Known since.
    pub known_since: DayV1,
}

/// Vote figures, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyV1 {
    /// Yes.
    pub yes: u32,
    /// No.
    pub no: u32,
    /// Abstaining.
    pub abstain: u32,
    /// Denominator.
    pub denominator: u32,
    /// Meeting id and vote index.
    pub meeting: Option<(u64, u32)>,
}

/// A recorded step, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepV1 {
    /// Stage.
    pub stage: StageV1,
    /// Date.
    pub date: DayV1,
    /// Document number.
    pub doc_number: String,
    /// Document date.
    pub doc_date: Option<DayV1>,
    /// Issuer.
    pub issuer: String,
    /// Responsible.
    pub responsible: String,
    /// Note.
    pub note: String,
    /// Vetting conclusion.
    pub conclusion: String,
    /// Sponsors.
    pub sponsors: Vec<SponsorV1>,
    /// Youth Union resolution.
    pub youth_resolution: String,
    /// Vote figures.
    pub tally: Option<TallyV1>,
    /// Proposes removal.
    pub propose_removal: bool,
    /// Checks raised.
    pub checks: Vec<CheckV1>,
    /// Override reason.
    pub override_reason: String,
}

/// A candidate, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateV1 {
    /// Identity (a member record without events).
    pub person: MemberV2,
    /// Source.
    pub source: Option<SourceV1>,
    /// Source unit.
    pub source_unit: String,
    /// Helper's member id.
    pub helper: Option<u64>,
    /// Helper's name.
    pub helper_name: String,
    /// Steps, oldest first.
    pub steps: Vec<StepV1>,
    /// The member record made at the ceremony.
    pub member: Option<u64>,
    /// Withdrawn (date, reason).
    pub withdrawn: Option<(DayV1, String)>,
}

/// A yearly target, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetV1 {
    /// Year.
    pub year: i32,
    /// New members.
    pub count: u32,
}

crate::store::schema::mirror_enum!(
    Source,
    SourceV1,
    [
        YouthUnion,
        WomenUnion,
        Veterans,
        TradeUnion,
        ResidentialGroup,
        Other
    ]
);
crate::store::schema::mirror_enum!(
    Stage,
    StageV1,
    [
        Listed,
        Course,
        Application,
        PersonalRecord,
        Vetting,
        Sponsors,
        Comments,
        BranchVote,
        Decision,
        Ceremony,
        NewMemberCourse,
        RecognitionVote,
        RecognitionDecision
    ]
);

impl From<&Check> for CheckV1 {
    fn from(c: &Check) -> Self {
        match c {
            Check::TooYoung { months, from } => CheckV1::TooYoung(*months, day(*from)),
            Check::TooOld { months } => CheckV1::TooOld(*months),
            Check::CertificateExpired { valid_until } => {
                CheckV1::CertificateExpired(day(*valid_until))
            }
            Check::SponsorNotOfficial { name } => CheckV1::SponsorNotOfficial(name.clone()),
            Check::SponsorTooRecent { name, months } => {
                CheckV1::SponsorTooRecent(name.clone(), *months)
            }
            Check::TooFewSponsors { count } => CheckV1::TooFewSponsors(*count),
            Check::YouthRouteTooOld { years } => CheckV1::YouthRouteTooOld(*years),
            Check::VoteShort { yes, denominator } => CheckV1::VoteShort(*yes, *denominator),
            Check::CeremonyLate {
                working_days,
                deadline,
            } => CheckV1::CeremonyLate(*working_days, day(*deadline)),
            Check::ProbationNotOver { ends } => CheckV1::ProbationNotOver(day(*ends)),
            Check::RecognitionLate {
                working_days,
                deadline,
            } => CheckV1::RecognitionLate(*working_days, day(*deadline)),
        }
    }
}

impl From<CheckV1> for Check {
    fn from(c: CheckV1) -> Self {
        match c {
            CheckV1::TooYoung(months, from) => Check::TooYoung {
                months,
                from: date(from),
            },
            CheckV1::TooOld(months) => Check::TooOld { months },
            CheckV1::CertificateExpired(d) => Check::CertificateExpired {
                valid_until: date(d),
            },
            CheckV1::SponsorNotOfficial(name) => Check::SponsorNotOfficial { name },
            CheckV1::SponsorTooRecent(name, months) => Check::SponsorTooRecent { name, months },
            CheckV1::TooFewSponsors(count) => Check::TooFewSponsors { count },
            CheckV1::YouthRouteTooOld(years) => Check::YouthRouteTooOld { years },
            CheckV1::VoteShort(yes, denominator) => Check::VoteShort { yes, denominator },
            CheckV1::CeremonyLate(working_days, d) => Check::CeremonyLate {
                working_days,
                deadline: date(d),
            },
            CheckV1::ProbationNotOver(d) => Check::ProbationNotOver { ends: date(d) },
            CheckV1::RecognitionLate(working_days, d) => Check::RecognitionLate {
                working_days,
                deadline: date(d),
            },
        }
    }
}

impl From<&Step> for StepV1 {
    fn from(s: &Step) -> Self {
        StepV1 {
            stage: s.stage.into(),
            date: day(s.date),
            doc_number: s.document.number.clone(),
            doc_date: s.document.date.map(day),
            issuer: s.document.issuer.clone(),
            responsible: s.responsible.clone(),
            note: s.note.clone(),
            conclusion: s.conclusion.clone(),
            sponsors: s
                .sponsors
                .iter()
                .map(|x| SponsorV1 {
                    member: x.member,
                    name: x.name.clone(),
                    known_since: day(x.known_since),
                })
                .collect(),
            youth_resolution: s.youth_resolution.clone(),
            tally: s.tally.map(|t| TallyV1 {
                yes: t.yes,
                no: t.no,
                abstain: t.abstain,
                denominator: t.denominator,
                meeting: t.meeting,
            }),
            propose_removal: s.propose_removal,
            checks: s.checks.iter().map(CheckV1::from).collect(),
            override_reason: s.override_reason.clone(),
        }
    }
}

impl From<StepV1> for Step {
    fn from(s: StepV1) -> Self {
        Step {
            stage: s.stage.into(),
            date: date(s.date),
            document: Document {
                number: s.doc_number,
                date: s.doc_date.map(date),
                issuer: s.issuer,
            },
            responsible: s.responsible,
            note: s.note,
            conclusion: s.conclusion,
            sponsors: s
                .sponsors
                .into_iter()
                .map(|x| Sponsor {
                    member: x.member,
                    name: x.name,
                    known_since: date(x.known_since),
                })
                .collect(),
            youth_resolution: s.youth_resolution,
            tally: s.tally.map(|t| Tally {
                yes: t.yes,
                no: t.no,
                abstain: t.abstain,
                denominator: t.denominator,
                meeting: t.meeting,
            }),
            propose_removal: s.propose_removal,
            checks: s.checks.into_iter().map(Check::from).collect(),
            override_reason: s.override_reason,
        }
    }
}

impl From<&Candidate> for CandidateV1 {
    fn from(c: &Candidate) -> Self {
        let person = Member {
            events: Vec::new(),
            ..c.person.clone()
        };
        CandidateV1 {
            person: MemberV2::from(&person),
            source: c.source.map(Into::into),
            source_unit: c.source_unit.clone(),
            helper: c.helper,
            helper_name: c.helper_name.clone(),
            steps: c.steps.iter().map(StepV1::from).collect(),
            member: c.member,
            withdrawn: c.withdrawn.as_ref().map(|(d, r)| (day(*d), r.clone())),
        }
    }
}

impl From<CandidateV1> for Candidate {
    fn from(c: CandidateV1) -> Self {
        Candidate {
            person: Member::from(c.person),
            source: c.source.map(Into::into),
            source_unit: c.source_unit,
            helper: c.helper,
            helper_name: c.helper_name,
            steps: c.steps.into_iter().map(Step::from).collect(),
            member: c.member,
            withdrawn: c.withdrawn.map(|(d, r)| (date(d), r)),
        }
    }
}

impl From<&Target> for TargetV1 {
    fn from(t: &Target) -> Self {
        TargetV1 {
            year: t.year,
            count: t.count,
        }
    }
}

impl From<TargetV1> for Target {
    fn from(t: TargetV1) -> Self {
        Target {
            year: t.year,
            count: t.count,
        }
    }
}
