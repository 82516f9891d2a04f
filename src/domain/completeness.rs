//! The completeness check of the member record (#18.3): which members of the roster lack,
//! or hold an implausible value in, a field the party-member database asks for.
//!
//! Column order: the order the items appear on the Phiếu đảng viên (mẫu 2-HSĐV, issued
//! with HD 12-HD/BTCTW of 17/5/2012, kept by HD 09-HD/BTCTW of 05/6/2017), whose header
//! carries the card number and whose items run name, birth date, hometown, residence,
//! ethnicity, religion, occupation, levels, then the dates of joining and of becoming
//! official. The form's name and number, the card number in its header and the
//! order hometown → ethnicity → religion → schooling → residence → occupation of the
//! application (mẫu 1-KNĐ of the same guide) were verified in stored copies of those
//! guides; the exact order of the later items on mẫu 2-HSĐV could NOT be verified (no
//! full copy of the form was found) and follows the guide's description of the items.

use chrono::{Datelike, NaiveDate};

use super::member::{Member, MemberId, Membership};
use super::validate::{self, CARD_DIGITS, Field, MIN_BIRTH_YEAR};

/// The fields checked, in the column order of the database's update form (see the
/// module's note on the source).
pub const FORM_ORDER: &[Field] = &[
    Field::CardNumber,
    Field::BirthDate,
    Field::Hometown,
    Field::Address,
    Field::Ethnicity,
    Field::Religion,
    Field::Occupation,
    Field::Education,
    Field::PoliticalTheory,
    Field::AdmittedOn,
    Field::RecognizedOn,
];

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Not filled in.
    Missing,
    /// A date after today.
    InFuture,
    /// A birth year before [`MIN_BIRTH_YEAR`].
    TooOld,
    /// Joined outside the admission age (QĐ 294 điểm 1.1.1, in the rules table).
    AdmissionAge,
    /// Official before joining, or before the probation ends.
    BeforeProbationEnd,
    /// Card number not of [`CARD_DIGITS`] digits.
    CardShape,
}

/// One member with what their record lacks, field by field in [`FORM_ORDER`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    /// Who.
    pub member: MemberId,
    /// The field and its gap, in form order.
    pub gaps: Vec<(Field, Gap)>,
}

impl Incomplete {
    /// The gap of `field`, if any.
    pub fn gap(&self, field: Field) -> Option<Gap> {
        self.gaps.iter().find(|(f, _)| *f == field).map(|(_, g)| *g)
    }
}

/// The gap of one field of `m` on `today` (`None`: complete and plausible).
pub fn gap(m: &Member, field: Field, today: NaiveDate) -> Option<Gap> {
    let text = |s: &str| s.trim().is_empty().then_some(Gap::Missing);
    let future = |d: NaiveDate| (d > today).then_some(Gap::InFuture);
    let official = m.membership_at(today) == Some(Membership::Official);
    match field {
        Field::CardNumber => {
            let digits = validate::card_key(&m.card_number).len();
            if m.card_number.trim().is_empty() {
                // A probationary member has no card yet.
                official.then_some(Gap::Missing)
            } else {
                (!(CARD_DIGITS.0..=CARD_DIGITS.1).contains(&digits)).then_some(Gap::CardShape)
            }
        }
        Field::BirthDate => match m.birth_date {
            None => Some(Gap::Missing),
            Some(b) if b.year() < MIN_BIRTH_YEAR => Some(Gap::TooOld),
            Some(b) => future(b),
        },
        Field::Hometown => text(&m.hometown),
        Field::Address => text(&m.address),
        Field::Ethnicity => text(&m.ethnicity),
        Field::Religion => text(&m.religion),
        Field::Occupation => m.occupation.is_none().then_some(Gap::Missing),
        Field::Education => text(&m.education),
        Field::PoliticalTheory => m.political_theory.is_none().then_some(Gap::Missing),
        Field::AdmittedOn => match m.admitted_on() {
            None => Some(Gap::Missing),
            Some(a) => future(a).or_else(|| {
                validate::admission_age_warning(m.birth_date, Some(a)).map(|_| Gap::AdmissionAge)
            }),
        },
        Field::RecognizedOn => match (m.admitted_on(), m.recognized_on()) {
            (Some(a), None) => (validate::probation_end(a) < today).then_some(Gap::Missing),
            (None, None) => None,
            (a, Some(r)) => future(r).or_else(|| {
                a.filter(|a| r < validate::probation_end(*a))
                    .map(|_| Gap::BeforeProbationEnd)
            }),
        },
        _ => None,
    }
}

/// Every member on the roster on `today` whose record has a gap, in the order given.
pub fn check(members: &[(MemberId, Member)], today: NaiveDate) -> Vec<Incomplete> {
    members
        .iter()
        .filter(|(_, m)| m.status_at(today).is_active())
        .filter_map(|(id, m)| {
            let gaps: Vec<(Field, Gap)> = FORM_ORDER
                .iter()
                .filter_map(|f| gap(m, *f, today).map(|g| (*f, g)))
                .collect();
            (!gaps.is_empty()).then_some(Incomplete { member: *id, gaps })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent, Occupation, PoliticalTheory};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 21)
    }

    fn full() -> Member {
        Member {
            full_name: "Nguyễn Văn An".into(),
            birth_date: Some(d(1950, 3, 5)),
            ethnicity: "Kinh".into(),
            religion: "Không".into(),
            hometown: "Thái Bình".into(),
            address: "Số 12 Mạc Đăng Doanh".into(),
            card_number: "31.001234".into(),
            education: "10/10".into(),
            political_theory: Some(PoliticalTheory::Elementary),
            occupation: Some(Occupation::Retired),
            events: vec![
                MemberEvent::new(d(1975, 1, 10), EventKind::Admitted, ""),
                MemberEvent::new(d(1976, 1, 10), EventKind::Recognized, ""),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_full_record_has_no_gap() {
        assert!(check(&[(1, full())], today()).is_empty());
    }

    #[test]
    fn gaps_come_in_form_order_with_what_is_wrong() {
        let mut m = full();
        m.hometown.clear();
        m.card_number = "12".into();
        m.occupation = None;
        m.events[1].date = d(1975, 6, 1);
        let rows = check(&[(7, m)], today());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].member, 7);
        assert_eq!(
            rows[0].gaps,
            [
                (Field::CardNumber, Gap::CardShape),
                (Field::Hometown, Gap::Missing),
                (Field::Occupation, Gap::Missing),
                (Field::RecognizedOn, Gap::BeforeProbationEnd),
            ]
        );
        assert_eq!(rows[0].gap(Field::Hometown), Some(Gap::Missing));
        assert_eq!(rows[0].gap(Field::Address), None);
    }

    #[test]
    fn implausible_dates_are_named() {
        let mut m = full();
        m.birth_date = Some(d(1890, 1, 1));
        assert_eq!(gap(&m, Field::BirthDate, today()), Some(Gap::TooOld));
        m.birth_date = Some(d(2030, 1, 1));
        assert_eq!(gap(&m, Field::BirthDate, today()), Some(Gap::InFuture));
        // Joined at 16.
        m.birth_date = Some(d(1959, 1, 1));
        assert_eq!(gap(&m, Field::AdmittedOn, today()), Some(Gap::AdmissionAge));
    }

    #[test]
    fn a_probationary_member_lacks_neither_card_nor_official_date_yet() {
        let mut m = full();
        m.card_number.clear();
        m.events = vec![MemberEvent::new(d(2026, 5, 1), EventKind::Admitted, "")];
        m.birth_date = Some(d(1990, 1, 1));
        assert!(check(&[(1, m.clone())], today()).is_empty());
        // A year and more on: both are due.
        m.events[0].date = d(2025, 5, 1);
        let rows = check(&[(1, m)], today());
        assert_eq!(
            rows[0].gaps,
            [(Field::RecognizedOn, Gap::Missing)],
            "still probationary on paper: the card waits for recognition"
        );
    }

    #[test]
    fn members_who_left_are_not_checked() {
        let mut m = full();
        m.hometown.clear();
        m.add_event(MemberEvent::new(d(2020, 1, 1), EventKind::Died, ""));
        assert!(check(&[(1, m)], today()).is_empty());
    }
}
