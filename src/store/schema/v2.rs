//! Schema version 2: member events carry their papers (application, decision, report,
//! end date, organisation, dues paid to, reason, discipline level, removal cause) and two
//! new event kinds. FROZEN once released. Version-1 members convert with empty papers.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::v1::{self, DayV1, GenderV1, OccupationV1, PoliticalTheoryV1, ProfessionalV1};
use crate::domain::member::{
    DisciplineLevel, EventKind, EventPapers, ExemptionReason, Member, MemberEvent, RemovalCause,
};

/// The version byte of this schema.
pub const VERSION: u8 = 2;

fn day(d: NaiveDate) -> DayV1 {
    d.num_days_from_ce()
}

fn date(d: DayV1) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default()
}

/// Timeline event kind, v2 (v1's variants, in order, then the new ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKindV2 {
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
    /// Kỷ luật.
    Disciplined,
    /// Đề nghị xóa tên.
    RemovalProposed,
}

/// Exemption reason, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExemptionReasonV2 {
    /// Tuổi cao, sức khỏe yếu.
    OldAndWeak,
    /// Chữa bệnh dài ngày.
    LongTreatment,
    /// Ra nước ngoài.
    Abroad,
    /// Đi làm ăn xa.
    WorkingAway,
    /// Thai sản.
    Maternity,
    /// Khác.
    Other,
}

/// Discipline level, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisciplineLevelV2 {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
    /// Cách chức.
    Dismissal,
    /// Khai trừ.
    Expulsion,
}

/// Removal cause, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemovalCauseV2 {
    /// (a).
    AbsenceOrDues,
    /// (b).
    Card,
    /// (c).
    NoProgress,
    /// (d).
    Standards,
    /// (f).
    FailedProbation,
    /// Other.
    Other,
}

/// Event papers, v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PapersV2 {
    /// Application date.
    pub applied_on: Option<DayV1>,
    /// Decision number.
    pub decision: String,
    /// Decision date.
    pub decided_on: Option<DayV1>,
    /// Reported upward on.
    pub reported_on: Option<DayV1>,
    /// Ends on.
    pub ends_on: Option<DayV1>,
    /// Organisation.
    pub organisation: String,
    /// Dues paid to (year, month).
    pub dues_paid_to: Option<(i32, u32)>,
    /// Exemption reason.
    pub exemption_reason: Option<ExemptionReasonV2>,
    /// Discipline level.
    pub discipline: Option<DisciplineLevelV2>,
    /// Removal cause.
    pub removal_cause: Option<RemovalCauseV2>,
}

/// Timeline event, v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventV2 {
    /// Date.
    pub date: DayV1,
    /// Kind.
    pub kind: EventKindV2,
    /// Note.
    pub note: String,
    /// Papers.
    pub papers: PapersV2,
}

/// Member record, v2: v1's fields with v2 events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberV2 {
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
    pub events: Vec<EventV2>,
}

impl From<v1::EventKindV1> for EventKindV2 {
    fn from(k: v1::EventKindV1) -> Self {
        use v1::EventKindV1 as K;
        match k {
            K::Admitted => Self::Admitted,
            K::Recognized => Self::Recognized,
            K::ExemptionStarted(f) => Self::ExemptionStarted(f),
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

impl From<v1::MemberV1> for MemberV2 {
    fn from(m: v1::MemberV1) -> Self {
        MemberV2 {
            full_name: m.full_name,
            other_name: m.other_name,
            gender: m.gender,
            birth_date: m.birth_date,
            ethnicity: m.ethnicity,
            religion: m.religion,
            hometown: m.hometown,
            residential_group: m.residential_group,
            address: m.address,
            national_id: m.national_id,
            phone: m.phone,
            card_number: m.card_number,
            education: m.education,
            professional: m.professional,
            political_theory: m.political_theory,
            occupation: m.occupation,
            notes: m.notes,
            events: m
                .events
                .into_iter()
                .map(|e| EventV2 {
                    date: e.date,
                    kind: e.kind.into(),
                    note: e.note,
                    papers: PapersV2::default(),
                })
                .collect(),
        }
    }
}

macro_rules! mirror {
    ($dom:ident, $v:ident, [$($var:ident),*]) => {
        impl From<$dom> for $v { fn from(x: $dom) -> Self { match x { $($dom::$var => $v::$var),* } } }
        impl From<$v> for $dom { fn from(x: $v) -> Self { match x { $($v::$var => $dom::$var),* } } }
    };
}
mirror!(
    ExemptionReason,
    ExemptionReasonV2,
    [
        OldAndWeak,
        LongTreatment,
        Abroad,
        WorkingAway,
        Maternity,
        Other
    ]
);
mirror!(
    DisciplineLevel,
    DisciplineLevelV2,
    [Reprimand, Warning, Dismissal, Expulsion]
);
mirror!(
    RemovalCause,
    RemovalCauseV2,
    [
        AbsenceOrDues,
        Card,
        NoProgress,
        Standards,
        FailedProbation,
        Other
    ]
);

impl From<EventKind> for EventKindV2 {
    fn from(k: EventKind) -> Self {
        use EventKind as K;
        match k {
            K::Disciplined => Self::Disciplined,
            K::RemovalProposed => Self::RemovalProposed,
            other => v1::EventKindV1::from(other).into(),
        }
    }
}

impl From<EventKindV2> for EventKind {
    fn from(k: EventKindV2) -> Self {
        use EventKindV2 as K;
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
            K::Disciplined => Self::Disciplined,
            K::RemovalProposed => Self::RemovalProposed,
        }
    }
}

impl From<&EventPapers> for PapersV2 {
    fn from(p: &EventPapers) -> Self {
        PapersV2 {
            applied_on: p.applied_on.map(day),
            decision: p.decision.clone(),
            decided_on: p.decided_on.map(day),
            reported_on: p.reported_on.map(day),
            ends_on: p.ends_on.map(day),
            organisation: p.organisation.clone(),
            dues_paid_to: p.dues_paid_to,
            exemption_reason: p.exemption_reason.map(Into::into),
            discipline: p.discipline.map(Into::into),
            removal_cause: p.removal_cause.map(Into::into),
        }
    }
}

impl From<PapersV2> for EventPapers {
    fn from(p: PapersV2) -> Self {
        EventPapers {
            applied_on: p.applied_on.map(date),
            decision: p.decision,
            decided_on: p.decided_on.map(date),
            reported_on: p.reported_on.map(date),
            ends_on: p.ends_on.map(date),
            organisation: p.organisation,
            dues_paid_to: p.dues_paid_to,
            exemption_reason: p.exemption_reason.map(Into::into),
            discipline: p.discipline.map(Into::into),
            removal_cause: p.removal_cause.map(Into::into),
        }
    }
}

impl From<&Member> for MemberV2 {
    fn from(m: &Member) -> Self {
        let base = v1::MemberV1::from(m);
        MemberV2 {
            events: m
                .events
                .iter()
                .map(|e| EventV2 {
                    date: day(e.date),
                    kind: e.kind.into(),
                    note: e.note.clone(),
                    papers: (&e.papers).into(),
                })
                .collect(),
            ..MemberV2::from(v1::MemberV1 {
                events: Vec::new(),
                ..base
            })
        }
    }
}

impl From<MemberV2> for Member {
    fn from(m: MemberV2) -> Self {
        let events = m
            .events
            .into_iter()
            .map(|e| MemberEvent {
                date: date(e.date),
                kind: e.kind.into(),
                note: e.note,
                papers: e.papers.into(),
            })
            .collect();
        let shell = v1::MemberV1 {
            full_name: m.full_name,
            other_name: m.other_name,
            gender: m.gender,
            birth_date: m.birth_date,
            ethnicity: m.ethnicity,
            religion: m.religion,
            hometown: m.hometown,
            residential_group: m.residential_group,
            address: m.address,
            national_id: m.national_id,
            phone: m.phone,
            card_number: m.card_number,
            education: m.education,
            professional: m.professional,
            political_theory: m.political_theory,
            occupation: m.occupation,
            notes: m.notes,
            events: Vec::new(),
        };
        Member {
            events,
            ..Member::from(shell)
        }
    }
}
