//! Member record, schema version 1. FROZEN: once released, never edit these types (field
//! order, enum variant order and types are the on-disk format). Only read now: members
//! are written as [`super::v2`]; a v1 member is decoded and converted.
//!
//! Golden bytes: `tests/fixtures/member_v1.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

use crate::domain::member::{
    EventKind, Gender, Member, MemberEvent, Occupation, PoliticalTheory, Professional,
};
use crate::store::schema::days::{DayV1, date};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

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

crate::store::schema::mirror_enum!(Gender, GenderV1, [Male, Female]);
crate::store::schema::mirror_enum!(
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
crate::store::schema::mirror_enum!(
    PoliticalTheory,
    PoliticalTheoryV1,
    [None, Elementary, Intermediate, Advanced, Bachelor]
);
crate::store::schema::mirror_enum!(
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
            card_history: Vec::new(),
        }
    }
}

/// Decodes a v1 member's payload.
pub fn decode(payload: &[u8]) -> Result<MemberV1, crate::store::codec::CodecError> {
    crate::store::codec::decode_payload(payload)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_golden_v1_member_decodes() {
        let bytes = include_bytes!("../../../../tests/fixtures/member_v1.bin");
        let m = super::super::decode(bytes).unwrap();
        assert!(!m.full_name.is_empty() && !m.events.is_empty());
    }
}
