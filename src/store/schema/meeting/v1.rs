//! Meeting record, schema version 1 (added before the first release; read only since v2). FROZEN: once
//! released, never edit these types; add `v2.rs` instead.
//!
//! Golden bytes: `tests/fixtures/meeting_v1.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

use crate::domain::meeting::{
    AgendaItem, Amendment, AttendanceRow, Guest, Mark, Meeting, MeetingKind, Speaker, Speech, Task,
    Threshold, Vote,
};
use crate::domain::member::{Membership, Status};

use crate::store::schema::days::{DayV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

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

crate::store::schema::mirror_enum!(
    MeetingKind,
    MeetingKindV1,
    [Regular, Thematic, Extraordinary, YearEndReview]
);
crate::store::schema::mirror_enum!(
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
crate::store::schema::mirror_enum!(Membership, MembershipV1, [Probationary, Official]);
crate::store::schema::mirror_enum!(Threshold, ThresholdV1, [Majority, TwoThirds]);

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
                    done: None,
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
            proposals: Vec::new(),
        }
    }
}
