//! Schema version 2 (members are written as v3 since #18.3; a candidate's person is still
//! written in this shape by `candidate::v1`, without what v2 cannot hold): member events carry their papers (application, decision, report,
//! end date, organisation, dues paid to, reason, discipline level, removal cause) and two
//! new event kinds. FROZEN once released. Version-1 members convert with empty papers.
//! Every type here is v2's own (its enums repeat v1's variants in v1's order, so the
//! bytes are the same): writing a member never goes through a v1 type.
//!
//! Golden bytes: `tests/fixtures/member_v2.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

use super::v1;
use crate::domain::member::{
    DisciplineLevel, EventKind, EventPapers, ExemptionReason, Gender, Member, MemberEvent,
    Occupation, PoliticalTheory, Professional, RemovalCause,
};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 2;

/// Sex, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenderV2 {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

/// Professional level, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfessionalV2 {
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

/// Political theory level, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PoliticalTheoryV2 {
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

/// Occupation, v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OccupationV2 {
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
    pub gender: Option<GenderV2>,
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
    pub professional: Option<ProfessionalV2>,
    /// Lý luận chính trị.
    pub political_theory: Option<PoliticalTheoryV2>,
    /// Nghề nghiệp.
    pub occupation: Option<OccupationV2>,
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

crate::store::schema::mirror_enum!(Gender, GenderV2, [Male, Female]);
crate::store::schema::mirror_enum!(
    Professional,
    ProfessionalV2,
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
    PoliticalTheoryV2,
    [None, Elementary, Intermediate, Advanced, Bachelor]
);
crate::store::schema::mirror_enum!(
    Occupation,
    OccupationV2,
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
crate::store::schema::mirror_enum!(
    DisciplineLevel,
    DisciplineLevelV2,
    [Reprimand, Warning, Dismissal, Expulsion]
);
crate::store::schema::mirror_enum!(
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

impl EventKindV2 {
    /// The v2 kind of a domain kind; `None` for kinds added after v2 (a reward).
    fn of(k: EventKind) -> Option<Self> {
        use EventKind as K;
        Some(match k {
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
            K::Rewarded => return None,
        })
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
            issuer: String::new(),
        }
    }
}

impl From<&Member> for MemberV2 {
    fn from(m: &Member) -> Self {
        MemberV2 {
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
                .filter_map(|e| {
                    Some(EventV2 {
                        date: day(e.date),
                        kind: EventKindV2::of(e.kind)?,
                        note: e.note.clone(),
                        papers: (&e.papers).into(),
                    })
                })
                .collect(),
        }
    }
}

impl From<MemberV2> for Member {
    fn from(m: MemberV2) -> Self {
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
            card_history: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_golden_v2_member_decodes_and_its_v2_shape_gives_the_same_bytes() {
        let bytes = include_bytes!("../../../../tests/fixtures/member_v2.bin");
        let m = super::super::decode(bytes).unwrap();
        assert!(m.card_history.is_empty());
        let v2 = crate::store::codec::encode(super::VERSION, &super::MemberV2::from(&m)).unwrap();
        assert_eq!(v2, bytes);
    }
}
