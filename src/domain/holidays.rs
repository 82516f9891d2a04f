//! The branch's own days of the calendar (rules are data): each year the government
//! announces the Tết days and the swapped days (a weekday off for a Saturday worked), so
//! a branch adds them here with their source instead of waiting for a new program. An
//! entry overrides the built-in table of [`super::calendar`] for its date: a
//! [`DayKind::DayOff`] makes the date a holiday, a [`DayKind::WorkDay`] a working day
//! (Labour Code 2019 Art. 112). Installed process-wide like the rule settings
//! ([`install`]), so every working-day deadline follows.

use chrono::{Datelike, NaiveDate};

use super::date::{BadDate, DateRole, parse_user_date};
use super::text::clean;

/// Years a branch entry may have (inclusive).
pub const YEARS: (i32, i32) = (2000, 2100);

/// What a branch entry makes of its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayKind {
    /// A day off (a holiday, or a weekday given in exchange for a Saturday worked).
    DayOff,
    /// A working day (a Saturday worked in exchange, or a built-in holiday moved).
    WorkDay,
}

impl DayKind {
    /// The kinds in form order.
    pub const ALL: &'static [DayKind] = &[DayKind::DayOff, DayKind::WorkDay];
}

/// A branch's day of the calendar, with its source, who added it, why and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayEntry {
    /// The date.
    pub date: NaiveDate,
    /// Day off or working day.
    pub kind: DayKind,
    /// What the day is ("Nghỉ bù Tết Đinh Mùi").
    pub name: String,
    /// The notice or law it comes from.
    pub source: String,
    /// Who added it.
    pub who: String,
    /// Why.
    pub reason: String,
    /// When it was added or last changed.
    pub at: NaiveDate,
}

/// The fields of a branch entry on the "Ngày nghỉ" section of the rules screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HolidayField {
    /// The date.
    Date,
    /// Day off or working day.
    Kind,
    /// The day's name.
    Name,
    /// Its source.
    Source,
    /// Who adds it.
    Who,
    /// Why.
    Reason,
}

impl HolidayField {
    /// The fields in form order.
    pub const ALL: &'static [HolidayField] = &[
        HolidayField::Date,
        HolidayField::Kind,
        HolidayField::Name,
        HolidayField::Source,
        HolidayField::Who,
        HolidayField::Reason,
    ];
}

/// Why a branch entry is refused (nothing is saved); each names its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HolidayError {
    /// The date does not parse (the wrong part named).
    #[error("date: {0}")]
    BadDate(BadDate),
    /// The year is outside [`YEARS`].
    #[error("date: year {0} is outside {min}..={max}", min = YEARS.0, max = YEARS.1)]
    Year(i32),
    /// No kind chosen.
    #[error("kind is missing")]
    NoKind,
    /// No name.
    #[error("name is missing")]
    NoName,
    /// No source.
    #[error("source is missing")]
    NoSource,
    /// Nobody named.
    #[error("who is missing")]
    NoWho,
    /// No reason.
    #[error("reason is missing")]
    NoReason,
}

impl HolidayError {
    /// The field the refusal names.
    pub fn field(self) -> HolidayField {
        match self {
            HolidayError::BadDate(_) | HolidayError::Year(_) => HolidayField::Date,
            HolidayError::NoKind => HolidayField::Kind,
            HolidayError::NoName => HolidayField::Name,
            HolidayError::NoSource => HolidayField::Source,
            HolidayError::NoWho => HolidayField::Who,
            HolidayError::NoReason => HolidayField::Reason,
        }
    }
}

/// An entry as typed in the form.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typed<'a> {
    /// The date as typed (every shape [`parse_user_date`] takes).
    pub date: &'a str,
    /// The kind chosen.
    pub kind: Option<DayKind>,
    /// The name.
    pub name: &'a str,
    /// The source.
    pub source: &'a str,
    /// Who.
    pub who: &'a str,
    /// Why.
    pub reason: &'a str,
}

/// Checks an entry as typed: a date of 2000–2100, a kind, a name, a source, who and why.
/// The entry to save (dated `today`), or every refusal, in form order.
pub fn check_entry(t: &Typed, today: NaiveDate) -> Result<DayEntry, Vec<HolidayError>> {
    let mut errors = Vec::new();
    let date = match parse_user_date(t.date, today, DateRole::Meeting) {
        Ok(d) if (YEARS.0..=YEARS.1).contains(&d.year()) => Some(d),
        Ok(d) => {
            errors.push(HolidayError::Year(d.year()));
            None
        }
        Err(e) => {
            errors.push(HolidayError::BadDate(e));
            None
        }
    };
    if t.kind.is_none() {
        errors.push(HolidayError::NoKind);
    }
    let [name, source, who, reason] = [t.name, t.source, t.who, t.reason].map(clean);
    for (text, e) in [
        (&name, HolidayError::NoName),
        (&source, HolidayError::NoSource),
        (&who, HolidayError::NoWho),
        (&reason, HolidayError::NoReason),
    ] {
        if text.is_empty() {
            errors.push(e);
        }
    }
    match (date, t.kind) {
        (Some(date), Some(kind)) if errors.is_empty() => Ok(DayEntry {
            date,
            kind,
            name,
            source,
            who,
            reason,
            at: today,
        }),
        _ => Err(errors),
    }
}

/// The branch's entries in force, in date order (one per date).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BranchDays {
    /// The entries, sorted by date.
    pub entries: Vec<DayEntry>,
}

impl BranchDays {
    /// The entries, sorted by date, the last of a date kept.
    pub fn new(mut entries: Vec<DayEntry>) -> BranchDays {
        entries.sort_by_key(|e| e.date);
        entries.dedup_by(|later, earlier| {
            let same = later.date == earlier.date;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
        BranchDays { entries }
    }

    /// The branch's entry of a date.
    pub fn get(&self, d: NaiveDate) -> Option<&DayEntry> {
        self.entries
            .binary_search_by_key(&d, |e| e.date)
            .ok()
            .and_then(|i| self.entries.get(i))
    }
}

thread_local! {
    static DAYS: std::cell::RefCell<BranchDays> = std::cell::RefCell::new(BranchDays::default());
}

/// Puts a branch's days in force on this thread (the app and the command line install
/// them when the register is opened and after each change, as [`super::rules::install`]).
pub fn install(days: BranchDays) {
    DAYS.with(|s| *s.borrow_mut() = days);
}

/// The branch's days in force on this thread.
pub fn installed() -> BranchDays {
    DAYS.with(|s| s.borrow().clone())
}

/// What the branch made of a date, if it has an entry for it.
pub fn kind_of(d: NaiveDate) -> Option<DayKind> {
    DAYS.with(|s| s.borrow().get(d).map(|e| e.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn typed(date: &str) -> Typed<'_> {
        Typed {
            date,
            kind: Some(DayKind::DayOff),
            name: "Nghỉ bù",
            source: "Thông báo 6150/TB-BNV",
            who: "Trần Văn Hùng",
            reason: "Thông báo của Bộ Nội vụ",
        }
    }

    #[test]
    fn an_entry_takes_every_date_shape_and_needs_each_field() {
        let today = d(2026, 12, 6);
        for shape in ["05/02/2027", "5/2/2027", "5.2.27", "05022027", "2027-02-05"] {
            assert_eq!(
                check_entry(&typed(shape), today).unwrap().date,
                d(2027, 2, 5)
            );
        }
        let e = check_entry(&typed("hôm nay"), today).unwrap();
        assert_eq!((e.date, e.at), (today, today));
        assert_eq!(
            check_entry(&typed("31/02/2027"), today).unwrap_err()[0].field(),
            HolidayField::Date
        );
        assert!(matches!(
            check_entry(&typed("mùng 5"), today).unwrap_err()[..],
            [HolidayError::BadDate(BadDate::Shape)]
        ));
        assert_eq!(
            check_entry(&typed("01/01/1999"), today).unwrap_err(),
            vec![HolidayError::Year(1999)]
        );
        assert_eq!(
            check_entry(&typed("01/01/2101"), today).unwrap_err(),
            vec![HolidayError::Year(2101)]
        );
        assert!(check_entry(&typed("01/01/2000"), today).is_ok());
        assert!(check_entry(&typed("31/12/2100"), today).is_ok());
        let empty = Typed {
            date: "05/02/2027",
            kind: None,
            name: " ",
            source: "",
            who: "\u{200b}",
            reason: "",
        };
        let fields: Vec<HolidayField> = check_entry(&empty, today)
            .unwrap_err()
            .into_iter()
            .map(HolidayError::field)
            .collect();
        assert_eq!(fields, &HolidayField::ALL[1..]);
    }

    #[test]
    fn the_last_entry_of_a_date_wins_and_entries_are_in_date_order() {
        let today = d(2026, 12, 6);
        let a = check_entry(&typed("10/02/2027"), today).unwrap();
        let b = check_entry(&typed("05/02/2027"), today).unwrap();
        let c = DayEntry {
            kind: DayKind::WorkDay,
            ..a.clone()
        };
        let days = BranchDays::new(vec![a, b.clone(), c.clone()]);
        assert_eq!(days.entries, vec![b, c]);
        assert_eq!(
            days.get(d(2027, 2, 10)).map(|e| e.kind),
            Some(DayKind::WorkDay)
        );
        assert_eq!(days.get(d(2027, 2, 11)), None);
    }
}
