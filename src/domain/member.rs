//! A party member: identity, party data, levels, and the dated event timeline from which
//! the member's status is derived (rules.md §2's status list).

use chrono::NaiveDate;

/// Dân tộc prefilled in a new member form (the record's data, always Vietnamese).
pub const DEFAULT_ETHNICITY: &str = "Kinh";
/// Tôn giáo prefilled in a new member form.
pub const DEFAULT_RELIGION: &str = "Không";

/// Store key of a member.
pub type MemberId = u64;

/// Sex as recorded in the party-member file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Nam.
    Male,
    /// Nữ.
    Female,
}

impl Gender {
    /// Every value, in the order forms offer them.
    pub const ALL: &'static [Gender] = &[Gender::Male, Gender::Female];
}

/// Professional qualification (trình độ chuyên môn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Professional {
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

impl Professional {
    /// Every value, in the order forms offer them.
    pub const ALL: &'static [Professional] = &[
        Professional::None,
        Professional::Elementary,
        Professional::Intermediate,
        Professional::College,
        Professional::University,
        Professional::Master,
        Professional::Doctor,
    ];
}

/// Political theory level (lý luận chính trị).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PoliticalTheory {
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

impl PoliticalTheory {
    /// Every value, in the order forms offer them.
    pub const ALL: &'static [PoliticalTheory] = &[
        PoliticalTheory::None,
        PoliticalTheory::Elementary,
        PoliticalTheory::Intermediate,
        PoliticalTheory::Advanced,
        PoliticalTheory::Bachelor,
    ];
}

/// Occupation group, as the ward's member-structure report counts them (seed 004 §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Occupation {
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

impl Occupation {
    /// Every value, in the order forms offer them.
    pub const ALL: &'static [Occupation] = &[
        Occupation::CivilServant,
        Occupation::Retired,
        Occupation::Freelance,
        Occupation::Business,
        Occupation::Student,
        Occupation::Worker,
        Occupation::ArmedForces,
        Occupation::Other,
    ];
}

/// What happened to a member on a date. New kinds are only ever appended (the store
/// encodes variants by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Kết nạp: admitted as a probationary member (ngày vào Đảng).
    Admitted,
    /// Công nhận chính thức: became an official member (ngày chính thức).
    Recognized,
    /// Miễn (full) or tạm miễn (temporary) công tác và sinh hoạt đảng begins.
    ExemptionStarted {
        /// `true` for a full exemption (tuổi cao, sức khỏe yếu), `false` for a temporary one.
        full: bool,
    },
    /// The exemption ends: the member returns to activities.
    ExemptionEnded,
    /// Leaves on a temporary transfer to another organisation (SHT đi).
    TemporaryTransferOutStarted,
    /// Returns from a temporary transfer.
    TemporaryTransferOutEnded,
    /// Arrives on a temporary transfer from another organisation (SHT đến).
    TemporaryTransferInStarted,
    /// A hosted temporary transfer ends.
    TemporaryTransferInEnded,
    /// Official transfer to another organisation (chuyển sinh hoạt chính thức đi).
    TransferredOut,
    /// Official transfer into this branch.
    TransferredIn,
    /// Đình chỉ sinh hoạt đảng begins.
    Suspended,
    /// The suspension ends.
    SuspensionEnded,
    /// Xóa tên.
    Removed,
    /// Khai trừ.
    Expelled,
    /// Từ trần.
    Died,
    /// Kỷ luật (khiển trách, cảnh cáo, …): no change of status, read by the annual review.
    Disciplined,
    /// Đề nghị xóa tên: a proposal with its cause; `Removed` follows when decided.
    RemovalProposed,
    /// Khen thưởng (#18.3): a reward with its decision (number, date, issuer); the note
    /// says what (Giấy khen, Bằng khen …). No change of status.
    Rewarded,
}

/// Why a member is exempted (rules.md §5). The list is long-standing practice; "Khác"
/// takes free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExemptionReason {
    /// Tuổi cao, sức khỏe yếu (full exemption).
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

impl ExemptionReason {
    /// Every reason, in form order.
    pub const ALL: &'static [ExemptionReason] = &[
        ExemptionReason::OldAndWeak,
        ExemptionReason::LongTreatment,
        ExemptionReason::Abroad,
        ExemptionReason::WorkingAway,
        ExemptionReason::Maternity,
        ExemptionReason::Other,
    ];
}

/// Discipline levels (QĐ 296-QĐ/TW; the branch may decide the first two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DisciplineLevel {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
    /// Cách chức (decided above).
    Dismissal,
    /// Khai trừ (decided above; also an `Expelled` event).
    Expulsion,
}

impl DisciplineLevel {
    /// Every level, in form order.
    pub const ALL: &'static [DisciplineLevel] = &[
        DisciplineLevel::Reprimand,
        DisciplineLevel::Warning,
        DisciplineLevel::Dismissal,
        DisciplineLevel::Expulsion,
    ];
}

/// Causes of removal from the rolls (rules.md §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemovalCause {
    /// (a) 3 months without attending meetings or paying dues in a year, without reason.
    AbsenceOrDues,
    /// (b) Returned or destroyed the party card.
    Card,
    /// (c) Lost drive, no progress 12 months after education.
    NoProgress,
    /// (d) Breached member standards two years in a row.
    Standards,
    /// (f) Probationary member not qualifying for recognition.
    FailedProbation,
    /// Other.
    Other,
}

impl RemovalCause {
    /// Every cause, in form order.
    pub const ALL: &'static [RemovalCause] = &[
        RemovalCause::AbsenceOrDues,
        RemovalCause::Card,
        RemovalCause::NoProgress,
        RemovalCause::Standards,
        RemovalCause::FailedProbation,
        RemovalCause::Other,
    ];
}

/// The papers behind an event: application, decision, report upward, end date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventPapers {
    /// Ngày đơn (the member's application).
    pub applied_on: Option<NaiveDate>,
    /// Số nghị quyết / quyết định ("05-NQ/CB").
    pub decision: String,
    /// Ngày nghị quyết / quyết định.
    pub decided_on: Option<NaiveDate>,
    /// Ngày báo cáo Đảng ủy cấp trên.
    pub reported_on: Option<NaiveDate>,
    /// Đến ngày (temporary exemption or transfer).
    pub ends_on: Option<NaiveDate>,
    /// Tổ chức đảng nơi đi / nơi đến (transfers).
    pub organisation: String,
    /// Đảng phí đã đóng đến tháng (transfers), as (year, month).
    pub dues_paid_to: Option<(i32, u32)>,
    /// The reason category (exemptions).
    pub exemption_reason: Option<ExemptionReason>,
    /// The discipline level.
    pub discipline: Option<DisciplineLevel>,
    /// The removal cause.
    pub removal_cause: Option<RemovalCause>,
    /// Cấp / cơ quan quyết định (rewards and discipline, #18.3).
    pub issuer: String,
}

/// A party card number the member held before (#18.3: cards were re-issued in 2025).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OldCard {
    /// The old number.
    pub number: String,
    /// The day it was replaced (the record was changed).
    pub until: NaiveDate,
}

/// A dated event in a member's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberEvent {
    /// When it took effect.
    pub date: NaiveDate,
    /// What happened.
    pub kind: EventKind,
    /// Free note (reason in words, details).
    pub note: String,
    /// The papers behind it.
    pub papers: EventPapers,
}

impl MemberEvent {
    /// For an admission: the day party age counts from, the decision's date when it is
    /// recorded and not after the ceremony, else the ceremony's (rules.md §13).
    pub fn party_age_start(&self) -> NaiveDate {
        self.papers
            .decided_on
            .filter(|d| *d <= self.date)
            .unwrap_or(self.date)
    }

    /// An event with a note and no papers.
    pub fn new(date: NaiveDate, kind: EventKind, note: &str) -> MemberEvent {
        MemberEvent {
            date,
            kind,
            note: note.to_string(),
            papers: EventPapers::default(),
        }
    }
}

/// A member's status on a date (rules.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not yet admitted on that date.
    NotYet,
    /// Chính thức.
    Official,
    /// Dự bị.
    Probationary,
    /// Miễn công tác và sinh hoạt đảng.
    Exempt,
    /// Tạm miễn công tác và sinh hoạt đảng.
    TemporarilyExempt,
    /// Sinh hoạt tạm thời nơi khác (SHT đi).
    TemporarilyAway,
    /// Sinh hoạt tạm thời tại chi bộ (SHT đến).
    TemporarilyHosted,
    /// Đình chỉ sinh hoạt đảng.
    Suspended,
    /// Đã chuyển sinh hoạt đi.
    TransferredOut,
    /// Xóa tên.
    Removed,
    /// Khai trừ.
    Expelled,
    /// Từ trần.
    Deceased,
}

impl Status {
    /// Whether the member still belongs to the branch's active roster on that date.
    pub fn is_active(self) -> bool {
        !matches!(
            self,
            Status::NotYet
                | Status::TransferredOut
                | Status::Removed
                | Status::Expelled
                | Status::Deceased
        )
    }

    /// Whether the status is an exemption (full or temporary).
    pub fn is_exempt(self) -> bool {
        matches!(self, Status::Exempt | Status::TemporarilyExempt)
    }
}

/// Official or probationary membership (loại đảng viên).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    /// Dự bị.
    Probationary,
    /// Chính thức.
    Official,
}

/// A party member's record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Member {
    /// Họ và tên (required).
    pub full_name: String,
    /// Tên gọi khác.
    pub other_name: String,
    /// Giới tính.
    pub gender: Option<Gender>,
    /// Ngày sinh.
    pub birth_date: Option<NaiveDate>,
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
    /// Số CCCD (citizen identity card).
    pub national_id: String,
    /// Điện thoại.
    pub phone: String,
    /// Số thẻ đảng viên.
    pub card_number: String,
    /// Trình độ giáo dục phổ thông, e.g. "12/12".
    pub education: String,
    /// Trình độ chuyên môn.
    pub professional: Option<Professional>,
    /// Lý luận chính trị.
    pub political_theory: Option<PoliticalTheory>,
    /// Nghề nghiệp.
    pub occupation: Option<Occupation>,
    /// Ghi chú.
    pub notes: String,
    /// The dated timeline, kept sorted by date.
    pub events: Vec<MemberEvent>,
    /// Earlier party card numbers, oldest first (#18.3).
    pub card_history: Vec<OldCard>,
}

impl Member {
    fn first_event(&self, kind: EventKind) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .min()
    }

    /// Ngày vào Đảng (the admission event's date).
    pub fn admitted_on(&self) -> Option<NaiveDate> {
        self.first_event(EventKind::Admitted)
    }

    /// The day party age (tuổi đảng) counts from: the admission decision's date, not the
    /// ceremony's (Điều lệ Đ.5 k.4; QĐ 24-QĐ/TW §4.5.1; HD 01-HD/TW 2021; rules.md §13,
    /// #22.5). Without a recorded decision date (or one after the ceremony, a typing
    /// error), the date of joining is used, as the party card's "ngày vào Đảng" is.
    /// Probation still counts from the ceremony ([`Member::admitted_on`]).
    pub fn party_age_from(&self) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|e| e.kind == EventKind::Admitted)
            .min_by_key(|e| e.date)
            .map(MemberEvent::party_age_start)
    }

    /// Ngày chính thức (the recognition event's date).
    pub fn recognized_on(&self) -> Option<NaiveDate> {
        self.first_event(EventKind::Recognized)
    }

    /// Replaces the date of the first event of `kind` (or removes it when `None`).
    pub fn set_event_date(&mut self, kind: EventKind, date: Option<NaiveDate>) {
        let pos = self.events.iter().position(|e| e.kind == kind);
        match (pos, date) {
            (Some(i), Some(d)) => self.events[i].date = d,
            (Some(i), None) => {
                self.events.remove(i);
            }
            (None, Some(d)) => self.events.push(MemberEvent::new(d, kind, "")),
            (None, None) => {}
        }
        self.events.sort_by_key(|e| e.date);
    }

    /// Official or probationary on `date`, if a member at all.
    pub fn membership_at(&self, date: NaiveDate) -> Option<Membership> {
        match (self.admitted_on(), self.recognized_on()) {
            (_, Some(r)) if r <= date => Some(Membership::Official),
            (Some(a), _) if a <= date => Some(Membership::Probationary),
            _ => None,
        }
    }

    /// The last event of one of these kinds on or before `date`.
    pub fn last_event_of(&self, kinds: &[EventKind], date: NaiveDate) -> Option<&MemberEvent> {
        self.events
            .iter()
            .rfind(|e| e.date <= date && kinds.contains(&e.kind))
    }

    /// The exemption in force on `date` (its start event), if any.
    pub fn exemption_at(&self, date: NaiveDate) -> Option<&MemberEvent> {
        let last = self.last_event_of(
            &[
                EventKind::ExemptionStarted { full: true },
                EventKind::ExemptionStarted { full: false },
                EventKind::ExemptionEnded,
            ],
            date,
        )?;
        matches!(last.kind, EventKind::ExemptionStarted { .. }).then_some(last)
    }

    /// Adds an event, keeping the timeline in date order (same-day events keep their order).
    pub fn add_event(&mut self, e: MemberEvent) {
        let at = self
            .events
            .iter()
            .position(|x| x.date > e.date)
            .unwrap_or(self.events.len());
        self.events.insert(at, e);
    }

    /// The member's status on `date`, derived from the timeline (rules.md §2).
    pub fn status_at(&self, date: NaiveDate) -> Status {
        let Some(membership) = self.membership_at(date) else {
            return Status::NotYet;
        };
        let mut exempt: Option<bool> = None;
        let (mut away, mut hosted, mut suspended) = (false, false, false);
        let mut ended: Option<Status> = None;
        for e in self.events.iter().filter(|e| e.date <= date) {
            match e.kind {
                EventKind::Admitted | EventKind::Recognized => {}
                EventKind::ExemptionStarted { full } => exempt = Some(full),
                EventKind::ExemptionEnded => exempt = None,
                EventKind::TemporaryTransferOutStarted => away = true,
                EventKind::TemporaryTransferOutEnded => away = false,
                EventKind::TemporaryTransferInStarted => hosted = true,
                EventKind::TemporaryTransferInEnded => {
                    hosted = false;
                    ended = Some(Status::TransferredOut);
                }
                EventKind::TransferredOut => ended = Some(Status::TransferredOut),
                EventKind::TransferredIn => ended = None,
                EventKind::Suspended => suspended = true,
                EventKind::SuspensionEnded => suspended = false,
                EventKind::Removed => ended = Some(Status::Removed),
                EventKind::Expelled => ended = Some(Status::Expelled),
                EventKind::Died => ended = Some(Status::Deceased),
                EventKind::Disciplined | EventKind::RemovalProposed | EventKind::Rewarded => {}
            }
        }
        if let Some(end) = ended {
            return end;
        }
        if suspended {
            return Status::Suspended;
        }
        match exempt {
            Some(true) => return Status::Exempt,
            Some(false) => return Status::TemporarilyExempt,
            None => {}
        }
        if away {
            return Status::TemporarilyAway;
        }
        if hosted {
            return Status::TemporarilyHosted;
        }
        match membership {
            Membership::Official => Status::Official,
            Membership::Probationary => Status::Probationary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ev(date: NaiveDate, kind: EventKind) -> MemberEvent {
        MemberEvent::new(date, kind, "")
    }

    fn member() -> Member {
        Member {
            full_name: "Nguyễn Văn An".into(),
            events: vec![
                ev(d(2000, 1, 10), EventKind::Admitted),
                ev(d(2001, 1, 10), EventKind::Recognized),
            ],
            ..Member::default()
        }
    }

    #[test]
    fn membership_follows_admission_and_recognition() {
        let m = member();
        assert_eq!(m.status_at(d(1999, 12, 31)), Status::NotYet);
        assert_eq!(m.status_at(d(2000, 1, 10)), Status::Probationary);
        assert_eq!(m.status_at(d(2001, 1, 9)), Status::Probationary);
        assert_eq!(m.status_at(d(2001, 1, 10)), Status::Official);
    }

    #[test]
    fn status_at_a_date_ignores_later_events() {
        let mut m = member();
        m.events.push(ev(
            d(2026, 3, 1),
            EventKind::ExemptionStarted { full: false },
        ));
        m.events.push(ev(d(2026, 9, 1), EventKind::ExemptionEnded));
        m.events.push(ev(d(2026, 10, 1), EventKind::Died));
        assert_eq!(m.status_at(d(2026, 2, 28)), Status::Official);
        assert_eq!(m.status_at(d(2026, 3, 1)), Status::TemporarilyExempt);
        assert_eq!(m.status_at(d(2026, 9, 1)), Status::Official);
        assert_eq!(m.status_at(d(2026, 10, 1)), Status::Deceased);
        assert!(!Status::Deceased.is_active());
    }

    #[test]
    fn exemption_outranks_a_temporary_transfer() {
        let mut m = member();
        m.events
            .push(ev(d(2026, 1, 1), EventKind::TemporaryTransferOutStarted));
        m.events.push(ev(
            d(2026, 2, 1),
            EventKind::ExemptionStarted { full: true },
        ));
        assert_eq!(m.status_at(d(2026, 1, 15)), Status::TemporarilyAway);
        assert_eq!(m.status_at(d(2026, 2, 1)), Status::Exempt);
    }

    #[test]
    fn set_event_date_adds_moves_and_removes() {
        let mut m = member();
        m.set_event_date(EventKind::Recognized, Some(d(2001, 2, 1)));
        assert_eq!(m.recognized_on(), Some(d(2001, 2, 1)));
        m.set_event_date(EventKind::Recognized, None);
        assert_eq!(m.recognized_on(), None);
        assert_eq!(m.status_at(d(2020, 1, 1)), Status::Probationary);
    }
}
