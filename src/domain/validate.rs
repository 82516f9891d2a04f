//! Checking a member form (or an imported row) field by field. Errors name the field and
//! what is expected; warnings name the rule and never block.

use chrono::NaiveDate;

use super::date::{self, BadDate, DateRole};
use super::member::{
    EventKind, Gender, Member, MemberId, Occupation, PoliticalTheory, Professional,
};
use super::rules::{self, RuleId};
use super::text;

/// Longest accepted single-line text field, in characters.
pub const MAX_TEXT: usize = 200;
/// Longest accepted notes field, in characters.
pub const MAX_NOTES: usize = 4000;
/// A CCCD has exactly this many digits.
pub const NATIONAL_ID_DIGITS: usize = 12;
/// Accepted phone number lengths (digits, after dropping +84 for a leading 0).
pub const PHONE_DIGITS: (usize, usize) = (10, 11);
/// Accepted party card number lengths (digits; dots allowed between them).
pub const CARD_DIGITS: (usize, usize) = (6, 12);
/// Earliest plausible birth year.
pub const MIN_BIRTH_YEAR: i32 = 1900;

/// The fields of a member record, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Họ và tên.
    FullName,
    /// Tên gọi khác.
    OtherName,
    /// Giới tính.
    Gender,
    /// Ngày sinh.
    BirthDate,
    /// Dân tộc.
    Ethnicity,
    /// Tôn giáo.
    Religion,
    /// Quê quán.
    Hometown,
    /// Tổ dân phố.
    ResidentialGroup,
    /// Địa chỉ.
    Address,
    /// CCCD.
    NationalId,
    /// Điện thoại.
    Phone,
    /// Số thẻ đảng viên.
    CardNumber,
    /// Ngày vào Đảng.
    AdmittedOn,
    /// Ngày chính thức.
    RecognizedOn,
    /// Trình độ học vấn.
    Education,
    /// Chuyên môn.
    Professional,
    /// Lý luận chính trị.
    PoliticalTheory,
    /// Nghề nghiệp.
    Occupation,
    /// Ghi chú.
    Notes,
}

impl Field {
    /// Every field, in form and CSV column order.
    pub const ALL: &'static [Field] = &[
        Field::FullName,
        Field::OtherName,
        Field::Gender,
        Field::BirthDate,
        Field::Ethnicity,
        Field::Religion,
        Field::Hometown,
        Field::ResidentialGroup,
        Field::Address,
        Field::NationalId,
        Field::Phone,
        Field::CardNumber,
        Field::AdmittedOn,
        Field::RecognizedOn,
        Field::Education,
        Field::Professional,
        Field::PoliticalTheory,
        Field::Occupation,
        Field::Notes,
    ];

    /// How the field is entered.
    pub fn kind(self) -> FieldKind {
        match self {
            Field::Gender => FieldKind::Choice(Gender::ALL.len()),
            Field::Professional => FieldKind::Choice(Professional::ALL.len()),
            Field::PoliticalTheory => FieldKind::Choice(PoliticalTheory::ALL.len()),
            Field::Occupation => FieldKind::Choice(Occupation::ALL.len()),
            Field::BirthDate | Field::AdmittedOn | Field::RecognizedOn => FieldKind::Date,
            _ => FieldKind::Text,
        }
    }
}

/// How a field is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// A date typed dd/mm/yyyy.
    Date,
    /// One of `n` values (index into the type's `ALL`), or none.
    Choice(usize),
    /// Several lines of text.
    Multiline,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The field must not be empty.
    Required,
    /// Not a date of the shape dd/mm/yyyy.
    DateFormat,
    /// Not a real calendar day.
    NotADay,
    /// A date after today.
    InFuture,
    /// A birth date before [`MIN_BIRTH_YEAR`].
    TooEarly,
    /// Ngày sinh must be before ngày vào Đảng.
    BirthNotBeforeAdmission,
    /// Ngày chính thức must not be before ngày vào Đảng.
    RecognitionBeforeAdmission,
    /// Ngày chính thức given without ngày vào Đảng.
    RecognitionWithoutAdmission,
    /// Must have exactly this many digits.
    DigitsExactly(usize),
    /// Must have between these many digits.
    DigitsBetween(usize, usize),
    /// The card number already belongs to this member.
    CardTaken(String),
    /// Longer than this many characters.
    TooLong(usize),
    /// Not one of the offered values.
    UnknownChoice,
    /// A committee term must be two years, "2025-2030".
    TermFormat,
    /// An imported row repeats an earlier row of the same file (that row's name).
    DuplicateInFile(String),
    /// Not a time of the shape HH:MM.
    TimeFormat,
    /// The end time is not after the start time.
    EndBeforeStart,
    /// Not a whole number.
    NotANumber,
    /// More votes than official members present (counted, present).
    TallyTooLarge(u32, u32),
    /// The minutes are approved: only an amendment can change them (approval date).
    Approved(NaiveDate),
    /// Not a month of the shape mm/yyyy.
    MonthFormat,
    /// The date is before the member joined the Party.
    BeforeAdmission,
    /// What this event ends is not in force on that date.
    NotInForce,
    /// A problem of the admission pipeline (stage order, a rule, an override).
    Admission(super::stages::AdmissionProblem),
    /// A typed date that is not a date, naming the wrong part (#17.5).
    Date(BadDate),
    /// A refusal by a rule of the regulations (#22).
    Rule(RuleProblem),
    /// A number outside the allowed range (inclusive).
    OutOfRange(u32, u32),
    /// Not an amount of money in đồng.
    AmountFormat,
    /// The last month is before the first.
    MonthOrder,
    /// A hardship relief longer than this many months (QĐ 01-QĐ/TW 2026).
    ReliefTooLong(i64),
    /// A conflict of a liaison member's record (QĐ 213), naming what it conflicts with.
    Liaison(LiaisonProblem),
    /// A problem of the secretary's month (#17): texts in `i18n::month`.
    Month(super::meeting::MonthProblem),
}

/// A refusal by a rule of the regulations, naming the rule (its text cites the source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleProblem {
    /// Điều lệ Đ.5: the official date is less than the probation after the admission (the
    /// earliest allowed day).
    RecognizedTooSoon {
        /// Admission date plus the probation months.
        earliest: NaiveDate,
    },
    /// An act the rules forbid in advance (a vote without quorum, an exemption longer than
    /// the limit): shown as "rule — source" in one line (`i18n::rules`).
    Refused(super::acts::Refusal),
}

/// The earliest official date of a member admitted on `admitted`: the end of the
/// probation (Điều lệ Đ.5 k.1; QĐ 24 4.2.2 dates the recognition from it).
pub fn probation_end(admitted: NaiveDate) -> NaiveDate {
    let months = rules::value(RuleId::ProbationMonths) as u32;
    admitted
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(admitted)
}

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Which field.
    pub field: Field,
    /// What is wrong.
    pub problem: Problem,
}

/// Something worth the secretary's attention that does not block saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Age at admission outside the rule's window, in whole months.
    AdmissionAge {
        /// Age on the admission date, in months.
        months: i32,
        /// The rule that sets the window.
        rule: RuleId,
    },
}

/// The text of a member form or an imported row, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemberDraft {
    /// Họ và tên.
    pub full_name: String,
    /// Tên gọi khác.
    pub other_name: String,
    /// Giới tính.
    pub gender: Option<Gender>,
    /// Ngày sinh, as typed.
    pub birth_date: String,
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
    /// Số thẻ đảng viên.
    pub card_number: String,
    /// Ngày vào Đảng, as typed.
    pub admitted_on: String,
    /// Ngày chính thức, as typed.
    pub recognized_on: String,
    /// Trình độ học vấn.
    pub education: String,
    /// Chuyên môn.
    pub professional: Option<Professional>,
    /// Lý luận chính trị.
    pub political_theory: Option<PoliticalTheory>,
    /// Nghề nghiệp.
    pub occupation: Option<Occupation>,
    /// Ghi chú.
    pub notes: String,
}

impl MemberDraft {
    /// The draft that shows an existing member.
    pub fn from_member(m: &Member) -> Self {
        MemberDraft {
            full_name: m.full_name.clone(),
            other_name: m.other_name.clone(),
            gender: m.gender,
            birth_date: date::format_opt_date(m.birth_date),
            ethnicity: m.ethnicity.clone(),
            religion: m.religion.clone(),
            hometown: m.hometown.clone(),
            residential_group: m.residential_group.clone(),
            address: m.address.clone(),
            national_id: m.national_id.clone(),
            phone: m.phone.clone(),
            card_number: m.card_number.clone(),
            admitted_on: date::format_opt_date(m.admitted_on()),
            recognized_on: date::format_opt_date(m.recognized_on()),
            education: m.education.clone(),
            professional: m.professional,
            political_theory: m.political_theory,
            occupation: m.occupation,
            notes: m.notes.clone(),
        }
    }

    /// The text of a text or date field (`None` for choice fields).
    pub fn text(&self, f: Field) -> Option<&String> {
        Some(match f {
            Field::FullName => &self.full_name,
            Field::OtherName => &self.other_name,
            Field::BirthDate => &self.birth_date,
            Field::Ethnicity => &self.ethnicity,
            Field::Religion => &self.religion,
            Field::Hometown => &self.hometown,
            Field::ResidentialGroup => &self.residential_group,
            Field::Address => &self.address,
            Field::NationalId => &self.national_id,
            Field::Phone => &self.phone,
            Field::CardNumber => &self.card_number,
            Field::AdmittedOn => &self.admitted_on,
            Field::RecognizedOn => &self.recognized_on,
            Field::Education => &self.education,
            Field::Notes => &self.notes,
            Field::Gender | Field::Professional | Field::PoliticalTheory | Field::Occupation => {
                return None;
            }
        })
    }

    /// Mutable text of a text or date field (`None` for choice fields).
    pub fn text_mut(&mut self, f: Field) -> Option<&mut String> {
        Some(match f {
            Field::FullName => &mut self.full_name,
            Field::OtherName => &mut self.other_name,
            Field::BirthDate => &mut self.birth_date,
            Field::Ethnicity => &mut self.ethnicity,
            Field::Religion => &mut self.religion,
            Field::Hometown => &mut self.hometown,
            Field::ResidentialGroup => &mut self.residential_group,
            Field::Address => &mut self.address,
            Field::NationalId => &mut self.national_id,
            Field::Phone => &mut self.phone,
            Field::CardNumber => &mut self.card_number,
            Field::AdmittedOn => &mut self.admitted_on,
            Field::RecognizedOn => &mut self.recognized_on,
            Field::Education => &mut self.education,
            Field::Notes => &mut self.notes,
            Field::Gender | Field::Professional | Field::PoliticalTheory | Field::Occupation => {
                return None;
            }
        })
    }

    /// Index of a choice field's value in its type's `ALL` (`None` if unset or not a choice).
    pub fn choice(&self, f: Field) -> Option<usize> {
        fn idx<T: PartialEq>(all: &[T], v: &Option<T>) -> Option<usize> {
            v.as_ref().and_then(|v| all.iter().position(|x| x == v))
        }
        match f {
            Field::Gender => idx(Gender::ALL, &self.gender),
            Field::Professional => idx(Professional::ALL, &self.professional),
            Field::PoliticalTheory => idx(PoliticalTheory::ALL, &self.political_theory),
            Field::Occupation => idx(Occupation::ALL, &self.occupation),
            _ => None,
        }
    }

    /// Sets a choice field by index into its type's `ALL` (`None` clears it).
    pub fn set_choice(&mut self, f: Field, i: Option<usize>) {
        fn pick<T: Copy>(all: &[T], i: Option<usize>) -> Option<T> {
            i.and_then(|i| all.get(i).copied())
        }
        match f {
            Field::Gender => self.gender = pick(Gender::ALL, i),
            Field::Professional => self.professional = pick(Professional::ALL, i),
            Field::PoliticalTheory => self.political_theory = pick(PoliticalTheory::ALL, i),
            Field::Occupation => self.occupation = pick(Occupation::ALL, i),
            _ => {}
        }
    }
}

/// A checked member, ready to save, with the warnings to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The member to save.
    pub member: Member,
    /// Non-blocking warnings, each naming its rule.
    pub warnings: Vec<Warning>,
}

/// Checks a draft. `base` is the member being edited (its other events are kept);
/// `others` are the other members (for card-number uniqueness), `today` bounds dates.
pub fn check_member<'a>(
    draft: &MemberDraft,
    base: Option<&Member>,
    self_id: Option<MemberId>,
    others: impl IntoIterator<Item = (MemberId, &'a Member)>,
    today: NaiveDate,
) -> Result<Checked, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut err = |field, problem| errors.push(FieldError { field, problem });

    // Text fields: cleaned (NFC, no control characters), length-checked.
    let mut t = |f: Field, s: &str| -> String {
        let v = if f == Field::Notes {
            text::clean_multiline(s)
        } else {
            text::clean(s)
        };
        let max = if f == Field::Notes {
            MAX_NOTES
        } else {
            MAX_TEXT
        };
        if v.chars().count() > max {
            err(f, Problem::TooLong(max));
        }
        v
    };
    let full_name = t(Field::FullName, &draft.full_name);
    let other_name = t(Field::OtherName, &draft.other_name);
    let ethnicity = t(Field::Ethnicity, &draft.ethnicity);
    let religion = t(Field::Religion, &draft.religion);
    let hometown = t(Field::Hometown, &draft.hometown);
    let residential_group = t(Field::ResidentialGroup, &draft.residential_group);
    let address = t(Field::Address, &draft.address);
    let national_id = t(Field::NationalId, &draft.national_id);
    let phone = t(Field::Phone, &draft.phone);
    let card_number = t(Field::CardNumber, &draft.card_number);
    let education = t(Field::Education, &draft.education);
    let notes = t(Field::Notes, &draft.notes);

    if full_name.is_empty() {
        err(Field::FullName, Problem::Required);
    }

    let mut d = |f: Field, s: &str| {
        let role = if f == Field::BirthDate {
            DateRole::Birth
        } else {
            DateRole::Event
        };
        match date::parse_user_opt_date(s, today, role) {
            Ok(Some(v)) if v > today => {
                err(f, Problem::InFuture);
                None
            }
            Ok(v) => v,
            Err(e) => {
                err(f, Problem::Date(e));
                None
            }
        }
    };
    let birth = d(Field::BirthDate, &draft.birth_date);
    let admitted = d(Field::AdmittedOn, &draft.admitted_on);
    let recognized = d(Field::RecognizedOn, &draft.recognized_on);

    if let Some(b) = birth {
        if chrono::Datelike::year(&b) < MIN_BIRTH_YEAR {
            err(Field::BirthDate, Problem::TooEarly);
        }
        if admitted.is_some_and(|a| a <= b) {
            err(Field::AdmittedOn, Problem::BirthNotBeforeAdmission);
        }
    }
    match (admitted, recognized) {
        (Some(a), Some(r)) if r < a => {
            err(Field::RecognizedOn, Problem::RecognitionBeforeAdmission)
        }
        // #22.4: no official date inside the probation.
        (Some(a), Some(r)) if r < probation_end(a) => err(
            Field::RecognizedOn,
            Problem::Rule(RuleProblem::RecognizedTooSoon {
                earliest: probation_end(a),
            }),
        ),
        (None, Some(_)) if draft.admitted_on.trim().is_empty() => {
            err(Field::RecognizedOn, Problem::RecognitionWithoutAdmission)
        }
        _ => {}
    }

    if !national_id.is_empty()
        && (text::digits(&national_id).len() != NATIONAL_ID_DIGITS
            || national_id.chars().any(|c| !c.is_ascii_digit() && c != ' '))
    {
        err(
            Field::NationalId,
            Problem::DigitsExactly(NATIONAL_ID_DIGITS),
        );
    }
    if !phone.is_empty() {
        let mut digits = text::digits(&phone);
        if phone.starts_with("+84") {
            digits = format!("0{}", &digits[2..]);
        }
        let shape_ok = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " .-+()".contains(c));
        if !shape_ok
            || !(PHONE_DIGITS.0..=PHONE_DIGITS.1).contains(&digits.len())
            || !digits.starts_with('0')
        {
            err(
                Field::Phone,
                Problem::DigitsBetween(PHONE_DIGITS.0, PHONE_DIGITS.1),
            );
        }
    }
    let card = card_key(&card_number);
    if !card_number.is_empty() {
        let shape_ok = card_number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ' ');
        if !shape_ok || !(CARD_DIGITS.0..=CARD_DIGITS.1).contains(&card.len()) {
            err(
                Field::CardNumber,
                Problem::DigitsBetween(CARD_DIGITS.0, CARD_DIGITS.1),
            );
        } else if let Some((_, other)) = others
            .into_iter()
            // A number another member holds, or held before a re-issue (#18.3).
            .find(|(id, m)| {
                Some(*id) != self_id
                    && (card_key(&m.card_number) == card
                        || m.card_history.iter().any(|c| card_key(&c.number) == card))
            })
        {
            err(
                Field::CardNumber,
                Problem::CardTaken(other.full_name.clone()),
            );
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }

    let mut member = base.cloned().unwrap_or_default();
    member.full_name = full_name;
    member.other_name = other_name;
    member.gender = draft.gender;
    member.birth_date = birth;
    member.ethnicity = ethnicity;
    member.religion = religion;
    member.hometown = hometown;
    member.residential_group = residential_group;
    member.address = address;
    member.national_id = national_id;
    member.phone = phone;
    // A re-issued card keeps the old number in the history (#18.3).
    if let Some(old) = base.map(|b| b.card_number.trim())
        && !old.is_empty()
        && card_key(old) != card_key(&card_number)
    {
        member.card_history.push(super::member::OldCard {
            number: old.to_string(),
            until: today,
        });
    }
    member.card_number = card_number;
    member.education = education;
    member.professional = draft.professional;
    member.political_theory = draft.political_theory;
    member.occupation = draft.occupation;
    member.notes = notes;
    member.set_event_date(EventKind::Admitted, admitted);
    member.set_event_date(EventKind::Recognized, recognized);

    let warnings = admission_age_warning(birth, admitted).into_iter().collect();
    Ok(Checked { member, warnings })
}

/// The card number reduced to its digits, as compared for uniqueness.
pub fn card_key(card: &str) -> String {
    text::digits(card)
}

/// Rule QĐ 294 điểm 1.1.1: age at admission is 18–60 years counted in months. Applied
/// to the admission date as a warning (the vote date is not known to the roster).
pub fn admission_age_warning(
    birth: Option<NaiveDate>,
    admitted: Option<NaiveDate>,
) -> Option<Warning> {
    let (b, a) = (birth?, admitted?);
    let months = date::months_between(b, a);
    if i64::from(months) < rules::value(RuleId::AdmissionMinAgeMonths) {
        Some(Warning::AdmissionAge {
            months,
            rule: RuleId::AdmissionMinAgeMonths,
        })
    } else if i64::from(months) > rules::value(RuleId::AdmissionMaxAgeMonths) {
        Some(Warning::AdmissionAge {
            months,
            rule: RuleId::AdmissionMaxAgeMonths,
        })
    } else {
        None
    }
}

/// A conflict that refuses a liaison save, naming what it conflicts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiaisonProblem {
    /// Same name and birth year as a member of this branch (that member's name and year).
    SameAsMember(String, i32),
    /// The comment of this year was already sent on that day.
    CommentSent(i32, chrono::NaiveDate),
    /// A birth year outside the plausible range (lowest, highest).
    BirthYear(i32, i32),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn sample() -> MemberDraft {
        MemberDraft {
            full_name: "  Nguyễn   Văn An ".into(),
            birth_date: "5/3/1950".into(),
            admitted_on: "10/01/1975".into(),
            recognized_on: "10/01/1976".into(),
            card_number: "01.234567".into(),
            phone: "0912 345 678".into(),
            ..MemberDraft::default()
        }
    }

    fn problems(r: Result<Checked, Vec<FieldError>>) -> Vec<(Field, Problem)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_good_draft_becomes_a_member() {
        let c = check_member(&sample(), None, None, [], today()).unwrap();
        assert_eq!(c.member.full_name, "Nguyễn Văn An");
        assert_eq!(c.member.admitted_on(), NaiveDate::from_ymd_opt(1975, 1, 10));
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn name_is_required_and_dates_must_be_real() {
        let mut dr = sample();
        dr.full_name = "   ".into();
        dr.birth_date = "31/02/1950".into();
        dr.admitted_on = "1975-13-10".into();
        let p = problems(check_member(&dr, None, None, [], today()));
        assert!(p.contains(&(Field::FullName, Problem::Required)));
        assert!(p.contains(&(
            Field::BirthDate,
            Problem::Date(BadDate::Day {
                day: 31,
                month: 2,
                year: 1950,
                last: 28
            })
        )));
        assert!(p.contains(&(Field::AdmittedOn, Problem::Date(BadDate::Month(13)))));
    }

    #[test]
    fn rule_17_5_member_dates_take_two_digit_years_by_role() {
        let mut dr = sample();
        dr.birth_date = "5/3/50".into();
        dr.admitted_on = "10/1/75".into();
        let m = check_member(&dr, None, None, [], today()).unwrap().member;
        assert_eq!(m.birth_date, NaiveDate::from_ymd_opt(1950, 3, 5));
        assert_eq!(m.admitted_on(), NaiveDate::from_ymd_opt(1975, 1, 10));
    }

    #[test]
    fn rule_22_4_no_official_date_inside_the_probation() {
        // Điều lệ Đ.5: 12 months of probation from the ceremony (admitted 10/01/1975).
        let mut dr = sample();
        dr.recognized_on = "09/01/1976".into();
        let earliest = NaiveDate::from_ymd_opt(1976, 1, 10).unwrap();
        assert_eq!(
            problems(check_member(&dr, None, None, [], today())),
            vec![(
                Field::RecognizedOn,
                Problem::Rule(RuleProblem::RecognizedTooSoon { earliest })
            )]
        );
        dr.recognized_on = "10/01/1976".into();
        assert!(check_member(&dr, None, None, [], today()).is_ok());
        assert_eq!(
            probation_end(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
            NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()
        );
    }

    #[test]
    fn date_order_is_enforced() {
        let mut dr = sample();
        dr.recognized_on = "09/01/1975".into();
        assert_eq!(
            problems(check_member(&dr, None, None, [], today())),
            vec![(Field::RecognizedOn, Problem::RecognitionBeforeAdmission)]
        );
        dr.recognized_on = String::new();
        dr.admitted_on = "05/03/1950".into();
        assert_eq!(
            problems(check_member(&dr, None, None, [], today())),
            vec![(Field::AdmittedOn, Problem::BirthNotBeforeAdmission)]
        );
        let mut dr = sample();
        dr.admitted_on = "01/01/2027".into();
        assert!(
            problems(check_member(&dr, None, None, [], today()))
                .contains(&(Field::AdmittedOn, Problem::InFuture))
        );
    }

    #[test]
    fn a_reissued_card_keeps_the_old_number_and_nobody_else_may_take_it() {
        let first = check_member(&sample(), None, None, [], today())
            .unwrap()
            .member;
        let mut dr = sample();
        dr.card_number = "31.009876".into();
        let second = check_member(&dr, Some(&first), Some(1), [], today())
            .unwrap()
            .member;
        assert_eq!(second.card_number, "31.009876");
        assert_eq!(
            second.card_history,
            [crate::domain::member::OldCard {
                number: first.card_number.clone(),
                until: today()
            }]
        );
        // Saving again with the same number adds nothing.
        let third = check_member(&dr, Some(&second), Some(1), [], today())
            .unwrap()
            .member;
        assert_eq!(third.card_history.len(), 1);
        // Another member cannot take the old number: refused naming its holder.
        let mut other = sample();
        other.full_name = "Trần Văn Bình".into();
        other.card_number = first.card_number.clone();
        let e = check_member(&other, None, Some(2), [(1, &second)], today()).unwrap_err();
        assert_eq!(
            e[0],
            FieldError {
                field: Field::CardNumber,
                problem: Problem::CardTaken(second.full_name.clone())
            }
        );
    }

    #[test]
    fn card_number_is_unique_except_for_self() {
        let other = check_member(&sample(), None, None, [], today())
            .unwrap()
            .member;
        let mut dr = sample();
        dr.full_name = "Trần Thị Bình".into();
        dr.card_number = "01234567".into();
        let p = problems(check_member(&dr, None, None, [(7, &other)], today()));
        assert_eq!(
            p,
            vec![(
                Field::CardNumber,
                Problem::CardTaken("Nguyễn Văn An".into())
            )]
        );
        assert!(check_member(&dr, Some(&other), Some(7), [(7, &other)], today()).is_ok());
    }

    #[test]
    fn formats_of_ids_and_phones() {
        let mut dr = sample();
        dr.national_id = "03120500123".into();
        dr.phone = "12345".into();
        let p = problems(check_member(&dr, None, None, [], today()));
        assert!(p.contains(&(Field::NationalId, Problem::DigitsExactly(12))));
        assert!(p.contains(&(Field::Phone, Problem::DigitsBetween(10, 11))));
        dr.national_id = "031205001234".into();
        dr.phone = "+84 912 345 678".into();
        assert!(check_member(&dr, None, None, [], today()).is_ok());
    }

    #[test]
    fn admission_age_is_a_warning_at_the_boundary() {
        let mut dr = sample();
        dr.birth_date = "10/01/1957".into();
        dr.admitted_on = "09/01/1975".into(); // one day short of 18 years
        dr.recognized_on = String::new();
        let c = check_member(&dr, None, None, [], today()).unwrap();
        assert_eq!(
            c.warnings,
            vec![Warning::AdmissionAge {
                months: 215,
                rule: RuleId::AdmissionMinAgeMonths
            }]
        );
        dr.admitted_on = "10/01/1975".into(); // the 18th birthday
        assert!(
            check_member(&dr, None, None, [], today())
                .unwrap()
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn editing_keeps_other_events() {
        let mut base = check_member(&sample(), None, None, [], today())
            .unwrap()
            .member;
        base.events.push(crate::domain::member::MemberEvent {
            date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            kind: EventKind::ExemptionStarted { full: true },
            note: String::new(),
            papers: Default::default(),
        });
        let c = check_member(
            &MemberDraft::from_member(&base),
            Some(&base),
            Some(1),
            [],
            today(),
        )
        .unwrap();
        assert_eq!(c.member, base);
    }
}
