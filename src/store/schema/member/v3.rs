//! Schema version 3 (#18.3): a reward event kind (khen thưởng), the issuer of an event's
//! decision (rewards, discipline), and the member's earlier party card numbers. FROZEN
//! once released. Version-2 members convert with no issuer and no card history. Every
//! type here is v3's own (its enums repeat v2's variants in v2's order).
//!
//! Golden bytes: `tests/fixtures/member_v3.bin` (checked byte for byte by
//! `tests/record_store.rs` and below).

use serde::{Deserialize, Serialize};

use super::v2;
use crate::domain::member::{
    DisciplineLevel, EventKind, EventPapers, ExemptionReason, Gender, Member, MemberEvent,
    Occupation, OldCard, PoliticalTheory, Professional, RemovalCause,
};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 3;

/// Sex, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenderV3 {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

/// Professional level, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfessionalV3 {
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

/// Political theory level, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PoliticalTheoryV3 {
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

/// Occupation, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OccupationV3 {
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

/// Timeline event kind, v3 (v1's variants, in order, then the new ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKindV3 {
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
    /// Khen thưởng.
    Rewarded,
}

/// Exemption reason, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExemptionReasonV3 {
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

/// Discipline level, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisciplineLevelV3 {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
    /// Cách chức.
    Dismissal,
    /// Khai trừ.
    Expulsion,
}

/// Removal cause, v3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemovalCauseV3 {
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

/// Event papers, v3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PapersV3 {
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
    pub exemption_reason: Option<ExemptionReasonV3>,
    /// Discipline level.
    pub discipline: Option<DisciplineLevelV3>,
    /// Removal cause.
    pub removal_cause: Option<RemovalCauseV3>,
    /// Issuer of the decision.
    pub issuer: String,
}

/// Timeline event, v3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventV3 {
    /// Date.
    pub date: DayV1,
    /// Kind.
    pub kind: EventKindV3,
    /// Note.
    pub note: String,
    /// Papers.
    pub papers: PapersV3,
}

/// Member record, v3: v1's fields with v3 events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberV3 {
    /// Họ và tên.
    pub full_name: String,
    /// Tên gọi khác.
    pub other_name: String,
    /// Giới tính.
    pub gender: Option<GenderV3>,
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
    pub professional: Option<ProfessionalV3>,
    /// Lý luận chính trị.
    pub political_theory: Option<PoliticalTheoryV3>,
    /// Nghề nghiệp.
    pub occupation: Option<OccupationV3>,
    /// Ghi chú.
    pub notes: String,
    /// Timeline.
    pub events: Vec<EventV3>,
    /// Earlier card numbers.
    pub card_history: Vec<OldCardV3>,
}

/// An earlier party card number, v3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OldCardV3 {
    /// The number.
    pub number: String,
    /// Replaced on.
    pub until: DayV1,
}

impl From<v2::EventKindV2> for EventKindV3 {
    fn from(k: v2::EventKindV2) -> Self {
        use v2::EventKindV2 as K;
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
            K::Disciplined => Self::Disciplined,
            K::RemovalProposed => Self::RemovalProposed,
        }
    }
}

impl From<v2::PapersV2> for PapersV3 {
    fn from(p: v2::PapersV2) -> Self {
        PapersV3 {
            applied_on: p.applied_on,
            decision: p.decision,
            decided_on: p.decided_on,
            reported_on: p.reported_on,
            ends_on: p.ends_on,
            organisation: p.organisation,
            dues_paid_to: p.dues_paid_to,
            exemption_reason: p.exemption_reason.map(|x| ExemptionReason::from(x).into()),
            discipline: p.discipline.map(|x| DisciplineLevel::from(x).into()),
            removal_cause: p.removal_cause.map(|x| RemovalCause::from(x).into()),
            issuer: String::new(),
        }
    }
}

impl From<v2::MemberV2> for MemberV3 {
    fn from(m: v2::MemberV2) -> Self {
        MemberV3 {
            full_name: m.full_name,
            other_name: m.other_name,
            gender: m.gender.map(|g| Gender::from(g).into()),
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
            professional: m.professional.map(|p| Professional::from(p).into()),
            political_theory: m.political_theory.map(|p| PoliticalTheory::from(p).into()),
            occupation: m.occupation.map(|o| Occupation::from(o).into()),
            notes: m.notes,
            events: m
                .events
                .into_iter()
                .map(|e| EventV3 {
                    date: e.date,
                    kind: e.kind.into(),
                    note: e.note,
                    papers: e.papers.into(),
                })
                .collect(),
            card_history: Vec::new(),
        }
    }
}

crate::store::schema::mirror_enum!(Gender, GenderV3, [Male, Female]);
crate::store::schema::mirror_enum!(
    Professional,
    ProfessionalV3,
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
crate::store::schema::mirror_enum!(
    PoliticalTheory,
    PoliticalTheoryV3,
    [None, Elementary, Intermediate, Advanced, Bachelor]
);
crate::store::schema::mirror_enum!(
    Occupation,
    OccupationV3,
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

crate::store::schema::mirror_enum!(
    ExemptionReason,
    ExemptionReasonV3,
    [
        OldAndWeak,
        LongTreatment,
        Abroad,
        WorkingAway,
        Maternity,
        Other
    ]
);
crate::store::schema::mirror_enum!(
    DisciplineLevel,
    DisciplineLevelV3,
    [Reprimand, Warning, Dismissal, Expulsion]
);
crate::store::schema::mirror_enum!(
    RemovalCause,
    RemovalCauseV3,
    [
        AbsenceOrDues,
        Card,
        NoProgress,
        Standards,
        FailedProbation,
        Other
    ]
);

impl From<EventKind> for EventKindV3 {
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
            K::Disciplined => Self::Disciplined,
            K::RemovalProposed => Self::RemovalProposed,
            K::Rewarded => Self::Rewarded,
        }
    }
}

impl From<EventKindV3> for EventKind {
    fn from(k: EventKindV3) -> Self {
        use EventKindV3 as K;
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
            K::Rewarded => Self::Rewarded,
        }
    }
}

impl From<&EventPapers> for PapersV3 {
    fn from(p: &EventPapers) -> Self {
        PapersV3 {
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
            issuer: p.issuer.clone(),
        }
    }
}

impl From<PapersV3> for EventPapers {
    fn from(p: PapersV3) -> Self {
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
            issuer: p.issuer,
        }
    }
}

impl From<&Member> for MemberV3 {
    fn from(m: &Member) -> Self {
        MemberV3 {
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
                .map(|e| EventV3 {
                    date: day(e.date),
                    kind: e.kind.into(),
                    note: e.note.clone(),
                    papers: (&e.papers).into(),
                })
                .collect(),
            card_history: m
                .card_history
                .iter()
                .map(|c| OldCardV3 {
                    number: c.number.clone(),
                    until: day(c.until),
                })
                .collect(),
        }
    }
}

impl From<MemberV3> for Member {
    fn from(m: MemberV3) -> Self {
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
                .map(|e| MemberEvent {
                    date: date(e.date),
                    kind: e.kind.into(),
                    note: e.note,
                    papers: e.papers.into(),
                })
                .collect(),
            card_history: m
                .card_history
                .into_iter()
                .map(|c| OldCard {
                    number: c.number,
                    until: date(c.until),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_golden_v3_member_decodes_and_encodes_to_the_same_bytes() {
        let bytes = include_bytes!("../../../../tests/fixtures/member_v3.bin");
        let m = super::super::decode(bytes).unwrap();
        assert_eq!(super::super::encode(&m).unwrap(), bytes);
    }
}
