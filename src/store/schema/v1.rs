//! Schema version 1. FROZEN: once released, never edit these types (field order, enum
//! variant order and types are the on-disk format). Add `v2.rs` instead.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::branch::Branch;
use crate::domain::member::{
    EventKind, Gender, Member, MemberEvent, Occupation, PoliticalTheory, Professional,
};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

/// A date as days since 1 January of year 1 (chrono's `num_days_from_ce`).
pub type DayV1 = i32;

fn day(d: NaiveDate) -> DayV1 {
    d.num_days_from_ce()
}

fn date(d: DayV1) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default()
}

/// Sex, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenderV1 {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

/// Professional level, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfessionalV1 {
    /// Chưa qua đào tạo.
    None,
    /// Sơ cấp.
    Elementary,
    /// Trung cấp.
    Intermediate,
    /// Cao đẳng.
    College,
    /// Đại học.
    University,
    /// Thạc sĩ.
    Master,
    /// Tiến sĩ.
    Doctor,
}

/// Political theory level, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PoliticalTheoryV1 {
    /// Chưa qua đào tạo.
    None,
    /// Sơ cấp.
    Elementary,
    /// Trung cấp.
    Intermediate,
    /// Cao cấp.
    Advanced,
    /// Cử nhân.
    Bachelor,
}

/// Occupation, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OccupationV1 {
    /// Cán bộ, công chức, viên chức.
    CivilServant,
    /// Hưu trí.
    Retired,
    /// Lao động tự do.
    Freelance,
    /// Kinh doanh.
    Business,
    /// Học sinh, sinh viên.
    Student,
    /// Công nhân.
    Worker,
    /// Lực lượng vũ trang.
    ArmedForces,
    /// Khác.
    Other,
}

/// Timeline event kind, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKindV1 {
    /// Kết nạp.
    Admitted,
    /// Công nhận chính thức.
    Recognized,
    /// Miễn / tạm miễn begins.
    ExemptionStarted(bool),
    /// Exemption ends.
    ExemptionEnded,
    /// SHT đi begins.
    TemporaryTransferOutStarted,
    /// SHT đi ends.
    TemporaryTransferOutEnded,
    /// SHT đến begins.
    TemporaryTransferInStarted,
    /// SHT đến ends.
    TemporaryTransferInEnded,
    /// Chuyển đi chính thức.
    TransferredOut,
    /// Chuyển đến chính thức.
    TransferredIn,
    /// Đình chỉ.
    Suspended,
    /// Hết đình chỉ.
    SuspensionEnded,
    /// Xóa tên.
    Removed,
    /// Khai trừ.
    Expelled,
    /// Từ trần.
    Died,
}

/// Timeline event, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventV1 {
    /// Date.
    pub date: DayV1,
    /// Kind.
    pub kind: EventKindV1,
    /// Note.
    pub note: String,
}

/// Member record, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberV1 {
    /// Họ và tên.
    pub full_name: String,
    /// Tên gọi khác.
    pub other_name: String,
    /// Giới tính.
    pub gender: Option<GenderV1>,
    /// Ngày sinh.
    pub birth_date: Option<DayV1>,
    /// Dân tộc.
    pub ethnicity: String,
    /// Tôn giáo.
    pub religion: String,
    /// Quê quán.
    pub hometown: String,
    /// Tổ dân phố.
    pub residential_group: String,
    /// Địa chỉ.
    pub address: String,
    /// CCCD.
    pub national_id: String,
    /// Điện thoại.
    pub phone: String,
    /// Số thẻ.
    pub card_number: String,
    /// Học vấn.
    pub education: String,
    /// Chuyên môn.
    pub professional: Option<ProfessionalV1>,
    /// Lý luận chính trị.
    pub political_theory: Option<PoliticalTheoryV1>,
    /// Nghề nghiệp.
    pub occupation: Option<OccupationV1>,
    /// Ghi chú.
    pub notes: String,
    /// Timeline.
    pub events: Vec<EventV1>,
}

/// Branch profile, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchV1 {
    /// Tên chi bộ.
    pub name: String,
    /// Đảng bộ cấp trên.
    pub superior: String,
    /// Địa chỉ.
    pub address: String,
    /// Bí thư.
    pub secretary: String,
    /// Phó bí thư.
    pub deputy: String,
    /// Term start year.
    pub term_start: i32,
    /// Term end year.
    pub term_end: i32,
}

/// One entry of the append-only change history, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryV1 {
    /// When, as Unix seconds.
    pub at: i64,
    /// The tree the record lives in.
    pub tree: String,
    /// The record's key.
    pub key: u64,
    /// The stored bytes before the change (`None` for a creation).
    pub old: Option<Vec<u8>>,
    /// The stored bytes after the change (`None` for a deletion).
    pub new: Option<Vec<u8>>,
}

macro_rules! mirror_enum {
    ($dom:ident, $v1:ident, [$($var:ident),* $(,)?]) => {
        impl From<$dom> for $v1 {
            fn from(x: $dom) -> Self { match x { $($dom::$var => $v1::$var),* } }
        }
        impl From<$v1> for $dom {
            fn from(x: $v1) -> Self { match x { $($v1::$var => $dom::$var),* } }
        }
    };
}

mirror_enum!(Gender, GenderV1, [Male, Female]);
mirror_enum!(
    Professional,
    ProfessionalV1,
    [
        None,
        Elementary,
        Intermediate,
        College,
        University,
        Master,
        Doctor
    ]
);
mirror_enum!(
    PoliticalTheory,
    PoliticalTheoryV1,
    [None, Elementary, Intermediate, Advanced, Bachelor]
);
mirror_enum!(
    Occupation,
    OccupationV1,
    [
        CivilServant,
        Retired,
        Freelance,
        Business,
        Student,
        Worker,
        ArmedForces,
        Other
    ]
);

impl From<EventKind> for EventKindV1 {
    fn from(k: EventKind) -> Self {
        use EventKind as K;
        match k {
            K::Admitted => Self::Admitted,
            K::Recognized => Self::Recognized,
            K::ExemptionStarted { full } => Self::ExemptionStarted(full),
            K::ExemptionEnded => Self::ExemptionEnded,
            K::TemporaryTransferOutStarted => Self::TemporaryTransferOutStarted,
            K::TemporaryTransferOutEnded => Self::TemporaryTransferOutEnded,
            K::TemporaryTransferInStarted => Self::TemporaryTransferInStarted,
            K::TemporaryTransferInEnded => Self::TemporaryTransferInEnded,
            K::TransferredOut => Self::TransferredOut,
            K::TransferredIn => Self::TransferredIn,
            K::Suspended => Self::Suspended,
            K::SuspensionEnded => Self::SuspensionEnded,
            K::Removed => Self::Removed,
            K::Expelled => Self::Expelled,
            K::Died => Self::Died,
            // Kinds added in v2 are never written as v1 (v2 converts them itself).
            K::Disciplined | K::RemovalProposed => Self::Died,
        }
    }
}

impl From<EventKindV1> for EventKind {
    fn from(k: EventKindV1) -> Self {
        use EventKindV1 as K;
        match k {
            K::Admitted => Self::Admitted,
            K::Recognized => Self::Recognized,
            K::ExemptionStarted(full) => Self::ExemptionStarted { full },
            K::ExemptionEnded => Self::ExemptionEnded,
            K::TemporaryTransferOutStarted => Self::TemporaryTransferOutStarted,
            K::TemporaryTransferOutEnded => Self::TemporaryTransferOutEnded,
            K::TemporaryTransferInStarted => Self::TemporaryTransferInStarted,
            K::TemporaryTransferInEnded => Self::TemporaryTransferInEnded,
            K::TransferredOut => Self::TransferredOut,
            K::TransferredIn => Self::TransferredIn,
            K::Suspended => Self::Suspended,
            K::SuspensionEnded => Self::SuspensionEnded,
            K::Removed => Self::Removed,
            K::Expelled => Self::Expelled,
            K::Died => Self::Died,
        }
    }
}

impl From<&Member> for MemberV1 {
    fn from(m: &Member) -> Self {
        MemberV1 {
            full_name: m.full_name.clone(),
            other_name: m.other_name.clone(),
            gender: m.gender.map(Into::into),
            birth_date: m.birth_date.map(day),
            ethnicity: m.ethnicity.clone(),
            religion: m.religion.clone(),
            hometown: m.hometown.clone(),
            residential_group: m.residential_group.clone(),
            address: m.address.clone(),
            national_id: m.national_id.clone(),
            phone: m.phone.clone(),
            card_number: m.card_number.clone(),
            education: m.education.clone(),
            professional: m.professional.map(Into::into),
            political_theory: m.political_theory.map(Into::into),
            occupation: m.occupation.map(Into::into),
            notes: m.notes.clone(),
            events: m
                .events
                .iter()
                .map(|e| EventV1 {
                    date: day(e.date),
                    kind: e.kind.into(),
                    note: e.note.clone(),
                })
                .collect(),
        }
    }
}

impl From<MemberV1> for Member {
    fn from(m: MemberV1) -> Self {
        Member {
            full_name: m.full_name,
            other_name: m.other_name,
            gender: m.gender.map(Into::into),
            birth_date: m.birth_date.map(date),
            ethnicity: m.ethnicity,
            religion: m.religion,
            hometown: m.hometown,
            residential_group: m.residential_group,
            address: m.address,
            national_id: m.national_id,
            phone: m.phone,
            card_number: m.card_number,
            education: m.education,
            professional: m.professional.map(Into::into),
            political_theory: m.political_theory.map(Into::into),
            occupation: m.occupation.map(Into::into),
            notes: m.notes,
            events: m
                .events
                .into_iter()
                .map(|e| MemberEvent::new(date(e.date), e.kind.into(), &e.note))
                .collect(),
        }
    }
}

impl From<&Branch> for BranchV1 {
    fn from(b: &Branch) -> Self {
        BranchV1 {
            name: b.name.clone(),
            superior: b.superior.clone(),
            address: b.address.clone(),
            secretary: b.secretary.clone(),
            deputy: b.deputy.clone(),
            term_start: b.term_start,
            term_end: b.term_end,
        }
    }
}

impl From<BranchV1> for Branch {
    fn from(b: BranchV1) -> Self {
        Branch {
            name: b.name,
            superior: b.superior,
            address: b.address,
            secretary: b.secretary,
            deputy: b.deputy,
            term_start: b.term_start,
            term_end: b.term_end,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Meetings (added before the first release; frozen like the rest of v1).

use crate::domain::meeting::{
    AgendaItem, Amendment, AttendanceRow, Guest, Mark, Meeting, MeetingKind, Speaker, Speech, Task,
    Threshold, Vote,
};
use crate::domain::member::{Membership, Status};

/// Meeting kind, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingKindV1 {
    /// Thường kỳ.
    Regular,
    /// Chuyên đề.
    Thematic,
    /// Bất thường.
    Extraordinary,
    /// Kiểm điểm cuối năm.
    YearEndReview,
}

/// Member status, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusV1 {
    /// Not yet.
    NotYet,
    /// Chính thức.
    Official,
    /// Dự bị.
    Probationary,
    /// Miễn.
    Exempt,
    /// Tạm miễn.
    TemporarilyExempt,
    /// SHT đi.
    TemporarilyAway,
    /// SHT đến.
    TemporarilyHosted,
    /// Đình chỉ.
    Suspended,
    /// Chuyển đi.
    TransferredOut,
    /// Xóa tên.
    Removed,
    /// Khai trừ.
    Expelled,
    /// Từ trần.
    Deceased,
}

/// Membership, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MembershipV1 {
    /// Dự bị.
    Probationary,
    /// Chính thức.
    Official,
}

/// Roll-call mark, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkV1 {
    /// Not marked.
    Unmarked,
    /// Present.
    Present,
    /// Excused, with reason.
    Excused(String),
    /// Unexcused.
    Unexcused,
}

/// Roll-call row, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceV1 {
    /// Member id.
    pub member: u64,
    /// Name then.
    pub name: String,
    /// Status then.
    pub status: StatusV1,
    /// Membership then.
    pub membership: MembershipV1,
    /// Mark.
    pub mark: MarkV1,
}

/// Speaker, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpeakerV1 {
    /// Member id and name.
    Member(u64, String),
    /// Guest name and position.
    Guest(String, String),
}

/// Speech, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeechV1 {
    /// Who.
    pub speaker: SpeakerV1,
    /// Gist.
    pub gist: String,
}

/// Agenda item, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItemV1 {
    /// Title.
    pub title: String,
    /// Speeches.
    pub speeches: Vec<SpeechV1>,
    /// Conclusion.
    pub conclusion: String,
}

/// Threshold, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThresholdV1 {
    /// More than half.
    Majority,
    /// Two thirds.
    TwoThirds,
}

/// Vote, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteV1 {
    /// Subject.
    pub subject: String,
    /// Threshold.
    pub threshold: ThresholdV1,
    /// Yes.
    pub yes: u32,
    /// No.
    pub no: u32,
    /// Abstain.
    pub abstain: u32,
}

/// Task, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskV1 {
    /// Who.
    pub who: String,
    /// What.
    pub what: String,
    /// Due.
    pub due: Option<DayV1>,
}

/// Amendment, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentV1 {
    /// Date.
    pub date: DayV1,
    /// Reason.
    pub reason: String,
    /// Text.
    pub text: String,
}

/// Guest, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestV1 {
    /// Name.
    pub name: String,
    /// Position.
    pub position: String,
}

/// Meeting, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingV1 {
    /// Number in term.
    pub number: u32,
    /// Term start.
    pub term_start: i32,
    /// Kind.
    pub kind: MeetingKindV1,
    /// Topic.
    pub topic: String,
    /// Date.
    pub date: DayV1,
    /// Start.
    pub start: String,
    /// End.
    pub end: String,
    /// Place.
    pub place: String,
    /// Chair.
    pub chair: String,
    /// Secretary.
    pub secretary: String,
    /// Guests.
    pub guests: Vec<GuestV1>,
    /// Roll call.
    pub attendance: Vec<AttendanceV1>,
    /// Agenda.
    pub agenda: Vec<AgendaItemV1>,
    /// Votes.
    pub votes: Vec<VoteV1>,
    /// Tasks.
    pub tasks: Vec<TaskV1>,
    /// Approved on.
    pub approved: Option<DayV1>,
    /// Amendments.
    pub amendments: Vec<AmendmentV1>,
}

mirror_enum!(
    MeetingKind,
    MeetingKindV1,
    [Regular, Thematic, Extraordinary, YearEndReview]
);
mirror_enum!(
    Status,
    StatusV1,
    [
        NotYet,
        Official,
        Probationary,
        Exempt,
        TemporarilyExempt,
        TemporarilyAway,
        TemporarilyHosted,
        Suspended,
        TransferredOut,
        Removed,
        Expelled,
        Deceased
    ]
);
mirror_enum!(Membership, MembershipV1, [Probationary, Official]);
mirror_enum!(Threshold, ThresholdV1, [Majority, TwoThirds]);

impl From<&Mark> for MarkV1 {
    fn from(m: &Mark) -> Self {
        match m {
            Mark::Unmarked => MarkV1::Unmarked,
            Mark::Present => MarkV1::Present,
            Mark::Excused(r) => MarkV1::Excused(r.clone()),
            Mark::Unexcused => MarkV1::Unexcused,
        }
    }
}

impl From<MarkV1> for Mark {
    fn from(m: MarkV1) -> Self {
        match m {
            MarkV1::Unmarked => Mark::Unmarked,
            MarkV1::Present => Mark::Present,
            MarkV1::Excused(r) => Mark::Excused(r),
            MarkV1::Unexcused => Mark::Unexcused,
        }
    }
}

impl From<&Meeting> for MeetingV1 {
    fn from(m: &Meeting) -> Self {
        MeetingV1 {
            number: m.number,
            term_start: m.term_start,
            kind: m.kind.into(),
            topic: m.topic.clone(),
            date: day(m.date),
            start: m.start.clone(),
            end: m.end.clone(),
            place: m.place.clone(),
            chair: m.chair.clone(),
            secretary: m.secretary.clone(),
            guests: m
                .guests
                .iter()
                .map(|g| GuestV1 {
                    name: g.name.clone(),
                    position: g.position.clone(),
                })
                .collect(),
            attendance: m
                .attendance
                .iter()
                .map(|r| AttendanceV1 {
                    member: r.member,
                    name: r.name.clone(),
                    status: r.status.into(),
                    membership: r.membership.into(),
                    mark: (&r.mark).into(),
                })
                .collect(),
            agenda: m
                .agenda
                .iter()
                .map(|a| AgendaItemV1 {
                    title: a.title.clone(),
                    speeches: a
                        .speeches
                        .iter()
                        .map(|s| SpeechV1 {
                            speaker: match &s.speaker {
                                Speaker::Member(id, n) => SpeakerV1::Member(*id, n.clone()),
                                Speaker::Guest(n, p) => SpeakerV1::Guest(n.clone(), p.clone()),
                            },
                            gist: s.gist.clone(),
                        })
                        .collect(),
                    conclusion: a.conclusion.clone(),
                })
                .collect(),
            votes: m
                .votes
                .iter()
                .map(|v| VoteV1 {
                    subject: v.subject.clone(),
                    threshold: v.threshold.into(),
                    yes: v.yes,
                    no: v.no,
                    abstain: v.abstain,
                })
                .collect(),
            tasks: m
                .tasks
                .iter()
                .map(|t| TaskV1 {
                    who: t.who.clone(),
                    what: t.what.clone(),
                    due: t.due.map(day),
                })
                .collect(),
            approved: m.approved.map(day),
            amendments: m
                .amendments
                .iter()
                .map(|a| AmendmentV1 {
                    date: day(a.date),
                    reason: a.reason.clone(),
                    text: a.text.clone(),
                })
                .collect(),
        }
    }
}

impl From<MeetingV1> for Meeting {
    fn from(m: MeetingV1) -> Self {
        Meeting {
            number: m.number,
            term_start: m.term_start,
            kind: m.kind.into(),
            topic: m.topic,
            date: date(m.date),
            start: m.start,
            end: m.end,
            place: m.place,
            chair: m.chair,
            secretary: m.secretary,
            guests: m
                .guests
                .into_iter()
                .map(|g| Guest {
                    name: g.name,
                    position: g.position,
                })
                .collect(),
            attendance: m
                .attendance
                .into_iter()
                .map(|r| AttendanceRow {
                    member: r.member,
                    name: r.name,
                    status: r.status.into(),
                    membership: r.membership.into(),
                    mark: r.mark.into(),
                })
                .collect(),
            agenda: m
                .agenda
                .into_iter()
                .map(|a| AgendaItem {
                    title: a.title,
                    speeches: a
                        .speeches
                        .into_iter()
                        .map(|s| Speech {
                            speaker: match s.speaker {
                                SpeakerV1::Member(id, n) => Speaker::Member(id, n),
                                SpeakerV1::Guest(n, p) => Speaker::Guest(n, p),
                            },
                            gist: s.gist,
                        })
                        .collect(),
                    conclusion: a.conclusion,
                })
                .collect(),
            votes: m
                .votes
                .into_iter()
                .map(|v| Vote {
                    subject: v.subject,
                    threshold: v.threshold.into(),
                    yes: v.yes,
                    no: v.no,
                    abstain: v.abstain,
                })
                .collect(),
            tasks: m
                .tasks
                .into_iter()
                .map(|t| Task {
                    who: t.who,
                    what: t.what,
                    due: t.due.map(date),
                })
                .collect(),
            approved: m.approved.map(date),
            amendments: m
                .amendments
                .into_iter()
                .map(|a| Amendment {
                    date: date(a.date),
                    reason: a.reason,
                    text: a.text,
                })
                .collect(),
        }
    }
}

/// An open form's text, saved as the user types so nothing is lost in a crash, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraftV1 {
    /// Which form (`app::form::FormKind::to_tag`).
    pub tag: u8,
    /// The record ids and indexes of the form.
    pub ids: Vec<u64>,
    /// Each field's text.
    pub values: Vec<String>,
    /// Each field's choice.
    pub choices: Vec<Option<u32>>,
    /// The focused field.
    pub focus: u32,
    /// The screen (1-based) the form was opened on.
    pub screen: u8,
}

// ---------------------------------------------------------------------------------------
// Dues and badges (added before the first release; frozen like the rest of v1).

use crate::domain::badges::{Award, BadgeRecord};
use crate::domain::dues::{
    Category, Ledger, Method, Payment, Profile, Relief, ReliefKind, YearMonth,
};

/// A calendar month as months since January of year 0 (`YearMonth::index`).
pub type MonthV1 = i32;

/// Dues rate category, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryV1 {
    /// 1% of the BHXH salary.
    Salary,
    /// 0.5% of the pension.
    Pension,
    /// Student, fixed amount.
    Student,
    /// Amount entered.
    Fixed,
    /// Social pension: exempt.
    SocialPension,
}

/// Hardship relief kind, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReliefKindV1 {
    /// Exempt, special hardship.
    SpecialHardship,
    /// Exempt, other hardship.
    Exempt,
    /// Reduced by this percentage.
    Reduce(u32),
}

/// Hardship relief, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReliefV1 {
    /// Kind.
    pub kind: ReliefKindV1,
    /// Decision.
    pub decision: String,
    /// First month.
    pub from: MonthV1,
    /// Last month.
    pub to: MonthV1,
}

/// Dues profile from a month on, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesProfileV1 {
    /// First month.
    pub from: MonthV1,
    /// Category.
    pub category: CategoryV1,
    /// Base amount, đồng.
    pub base: i64,
    /// Relief.
    pub relief: Option<ReliefV1>,
}

/// Payment method, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MethodV1 {
    /// Cash.
    Cash,
    /// Online, confirmed.
    Online,
}

/// Payment of a month, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentV1 {
    /// Month paid for.
    pub month: MonthV1,
    /// Amount, đồng.
    pub amount: i64,
    /// Method.
    pub method: MethodV1,
    /// Paid or confirmed on.
    pub date: DayV1,
}

/// A member's dues profiles (value of the `dues_profiles` tree), v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesProfilesV1 {
    /// Profiles by first month.
    pub profiles: Vec<DuesProfileV1>,
}

/// A member's dues payments (value of the `dues_payments` tree), v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesPaymentsV1 {
    /// Payments by month.
    pub payments: Vec<PaymentV1>,
}

/// Badge award, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardV1 {
    /// Milestone, years.
    pub milestone: u32,
    /// Date presented.
    pub date: DayV1,
    /// Decision number.
    pub decision: String,
}

/// A member's badge record (value of the `badges` tree), v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeRecordV1 {
    /// Bệnh hiểm nghèo.
    pub serious_illness: bool,
    /// Awards.
    pub awards: Vec<AwardV1>,
}

mirror_enum!(
    Category,
    CategoryV1,
    [Salary, Pension, Student, Fixed, SocialPension]
);
mirror_enum!(Method, MethodV1, [Cash, Online]);

fn month(m: MonthV1) -> YearMonth {
    YearMonth::from_index(m)
}

impl From<ReliefKind> for ReliefKindV1 {
    fn from(k: ReliefKind) -> Self {
        match k {
            ReliefKind::SpecialHardship => Self::SpecialHardship,
            ReliefKind::Exempt => Self::Exempt,
            ReliefKind::Reduce(p) => Self::Reduce(p),
        }
    }
}

impl From<ReliefKindV1> for ReliefKind {
    fn from(k: ReliefKindV1) -> Self {
        match k {
            ReliefKindV1::SpecialHardship => Self::SpecialHardship,
            ReliefKindV1::Exempt => Self::Exempt,
            ReliefKindV1::Reduce(p) => Self::Reduce(p),
        }
    }
}

impl From<&Ledger> for DuesProfilesV1 {
    fn from(l: &Ledger) -> Self {
        DuesProfilesV1 {
            profiles: l
                .profiles
                .iter()
                .map(|p| DuesProfileV1 {
                    from: p.from.index(),
                    category: p.category.into(),
                    base: p.base,
                    relief: p.relief.as_ref().map(|r| ReliefV1 {
                        kind: r.kind.into(),
                        decision: r.decision.clone(),
                        from: r.from.index(),
                        to: r.to.index(),
                    }),
                })
                .collect(),
        }
    }
}

impl From<DuesProfilesV1> for Vec<Profile> {
    fn from(v: DuesProfilesV1) -> Self {
        v.profiles
            .into_iter()
            .map(|p| Profile {
                from: month(p.from),
                category: p.category.into(),
                base: p.base,
                relief: p.relief.map(|r| Relief {
                    kind: r.kind.into(),
                    decision: r.decision,
                    from: month(r.from),
                    to: month(r.to),
                }),
            })
            .collect()
    }
}

impl From<&Ledger> for DuesPaymentsV1 {
    fn from(l: &Ledger) -> Self {
        DuesPaymentsV1 {
            payments: l
                .payments
                .iter()
                .map(|p| PaymentV1 {
                    month: p.month.index(),
                    amount: p.amount,
                    method: p.method.into(),
                    date: day(p.date),
                })
                .collect(),
        }
    }
}

impl From<DuesPaymentsV1> for Vec<Payment> {
    fn from(v: DuesPaymentsV1) -> Self {
        v.payments
            .into_iter()
            .map(|p| Payment {
                month: month(p.month),
                amount: p.amount,
                method: p.method.into(),
                date: date(p.date),
            })
            .collect()
    }
}

impl From<&BadgeRecord> for BadgeRecordV1 {
    fn from(r: &BadgeRecord) -> Self {
        BadgeRecordV1 {
            serious_illness: r.serious_illness,
            awards: r
                .awards
                .iter()
                .map(|a| AwardV1 {
                    milestone: a.milestone,
                    date: day(a.date),
                    decision: a.decision.clone(),
                })
                .collect(),
        }
    }
}

impl From<BadgeRecordV1> for BadgeRecord {
    fn from(r: BadgeRecordV1) -> Self {
        BadgeRecord {
            serious_illness: r.serious_illness,
            awards: r
                .awards
                .into_iter()
                .map(|a| Award {
                    milestone: a.milestone,
                    date: date(a.date),
                    decision: a.decision,
                })
                .collect(),
        }
    }
}
