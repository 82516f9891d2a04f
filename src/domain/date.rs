//! Dates the Vietnamese way: typed as people type them (d/m/yyyy, dd.mm.yyyy, ddmmyyyy, d/m,
//! two-digit years, "hôm nay"), shown as dd/mm/yyyy; ages counted in whole months.

use chrono::{Datelike, NaiveDate};

use super::text;

/// Why a typed date was refused, in the two kinds older screens tell apart.
/// New code uses [`BadDate`], which names the wrong part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of a date's shape.
    Format,
    /// Of the right shape but not a real calendar day (31/02/2020).
    NotADay,
}

/// What a typed date is for. It decides the century of a two-digit year (#17.5):
/// - `Birth`: the latest century that does not put the day after today (a birth date is
///   never in the future): on 05/12/2026 "3/2/27" is 03/02/1927, "3/2/26" is 03/02/2026;
/// - `Event` (joining, decisions, exemptions: mostly past): the year falls in the 100 years
///   ending 20 years after today's year (on 2026: 1947–2046);
/// - `Meeting` (a meeting, a task, a due date: near today): the year nearest today's
///   (on 2026: 1977–2076).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// A birth date.
    Birth,
    /// A recorded event: joining, a decision, an exemption, a transfer.
    Event,
    /// A meeting or something planned near today.
    Meeting,
}

/// The part of a typed date that is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The day of the month.
    Day,
    /// The month.
    Month,
    /// The year.
    Year,
}

/// Lowest and highest year a typed date may have (any four-digit year: whether a year is
/// plausible for a field is the field's check, e.g. a birth date before 1900).
pub const YEAR_RANGE: (i32, i32) = (1000, 9999);

/// Why a typed date was refused, naming the wrong part (#17.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadDate {
    /// Not a date's shape at all (letters, one number, four parts …).
    #[error("not a date")]
    Shape,
    /// The day is 0 or past the month's last day (`last`).
    #[error("day {day} is not in {month:02}/{year} (last day {last})")]
    Day {
        /// The day typed.
        day: u32,
        /// The month.
        month: u32,
        /// The year.
        year: i32,
        /// The last day of that month.
        last: u32,
    },
    /// The month is not 1–12.
    #[error("month {0} is not 1-12")]
    Month(u32),
    /// The year is outside [`YEAR_RANGE`] (or has three digits, or one).
    #[error("year {0} is out of range")]
    Year(i32),
}

impl BadDate {
    /// The wrong part, if the shape was a date's.
    pub fn part(self) -> Option<DatePart> {
        match self {
            BadDate::Shape => None,
            BadDate::Day { .. } => Some(DatePart::Day),
            BadDate::Month(_) => Some(DatePart::Month),
            BadDate::Year(_) => Some(DatePart::Year),
        }
    }
}

impl From<BadDate> for DateError {
    fn from(e: BadDate) -> Self {
        match e {
            BadDate::Shape => DateError::Format,
            _ => DateError::NotADay,
        }
    }
}

/// The one date parser (#17.5). Accepts d/m/yyyy with `/`, `.` or `-` between the parts,
/// ddmmyyyy and ddmmyy, d/m (this year), two-digit years (century by `role`), yyyy-mm-dd,
/// and "hôm nay" / "hom nay" / "hn" (diacritic-blind, any case). A wrong date names the
/// wrong part.
pub fn parse_user_date(s: &str, today: NaiveDate, role: DateRole) -> Result<NaiveDate, BadDate> {
    parse_with(s, Some(today), role)
}

/// [`parse_user_date`] for an optional field: empty text is `None`.
pub fn parse_user_opt_date(
    s: &str,
    today: NaiveDate,
    role: DateRole,
) -> Result<Option<NaiveDate>, BadDate> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_user_date(s, today, role).map(Some)
    }
}

/// Parses a date with a four-digit year (every shape of [`parse_user_date`] that does not
/// need today's date). Kept for callers that have no `today`; prefer [`parse_user_date`].
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    parse_with(s, None, DateRole::Event).map_err(DateError::from)
}

/// Parses an optional date: empty text is `None`. Prefer [`parse_user_opt_date`].
pub fn parse_opt_date(s: &str) -> Result<Option<NaiveDate>, DateError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(s).map(Some)
    }
}

/// Whether the folded text means today.
fn is_today_word(folded: &str) -> bool {
    let words: Vec<&str> = folded.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["hom", "nay"] | ["homnay"] | ["hn"] | ["today"]
    )
}

fn parse_with(s: &str, today: Option<NaiveDate>, role: DateRole) -> Result<NaiveDate, BadDate> {
    let s = s.trim();
    if let Some(t) = today
        && is_today_word(&text::fold(s))
    {
        return Ok(t);
    }
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = if digits(s) {
        match s.len() {
            8 => vec![&s[0..2], &s[2..4], &s[4..8]],
            6 => vec![&s[0..2], &s[2..4], &s[4..6]],
            _ => return Err(BadDate::Shape),
        }
    } else {
        s.split(['/', '-', '.']).map(str::trim).collect()
    };
    if !parts.iter().all(|p| digits(p)) {
        return Err(BadDate::Shape);
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| BadDate::Shape);
    // yyyy-mm-dd (as spreadsheets write it): a four-digit first part.
    let (d, m, y) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && d.len() <= 2 => (num(d)?, num(m)?, YearText::Full(num(y)?)),
        [d, m, y] => {
            let year = match y.len() {
                4 => YearText::Full(num(y)?),
                2 => YearText::Short(num(y)?),
                _ => return Err(BadDate::Year(num(y)? as i32)),
            };
            (num(d)?, num(m)?, year)
        }
        [d, m] => (num(d)?, num(m)?, YearText::ThisYear),
        _ => return Err(BadDate::Shape),
    };
    if !(1..=12).contains(&m) {
        return Err(BadDate::Month(m));
    }
    let year = match (y, today) {
        (YearText::Full(y), _) => y as i32,
        (_, None) => return Err(BadDate::Shape),
        (YearText::ThisYear, Some(t)) => t.year(),
        (YearText::Short(yy), Some(t)) => century(yy as i32, d, m, t, role),
    };
    if !(YEAR_RANGE.0..=YEAR_RANGE.1).contains(&year) {
        return Err(BadDate::Year(year));
    }
    let last = last_day_of_month(year, m);
    if d == 0 || d > last {
        return Err(BadDate::Day {
            day: d,
            month: m,
            year,
            last,
        });
    }
    NaiveDate::from_ymd_opt(year, m, d).ok_or(BadDate::Day {
        day: d,
        month: m,
        year,
        last,
    })
}

/// How the year was typed.
#[derive(Clone, Copy)]
enum YearText {
    Full(u32),
    Short(u32),
    ThisYear,
}

/// The full year of a two-digit year `yy` by the rule of `role` (see [`DateRole`]).
fn century(yy: i32, day: u32, month: u32, today: NaiveDate, role: DateRole) -> i32 {
    let now = today.year();
    let base = now - now.rem_euclid(100) + yy;
    match role {
        DateRole::Birth => {
            if (base, month, day) > (now, today.month(), today.day()) {
                base - 100
            } else {
                base
            }
        }
        DateRole::Event => shift_into(base, now - 79, now + 20),
        DateRole::Meeting => shift_into(base, now - 49, now + 50),
    }
}

/// Moves `year` by whole centuries into `lo..=hi` (a 100-year window).
fn shift_into(year: i32, lo: i32, hi: i32) -> i32 {
    if year > hi {
        year - 100
    } else if year < lo {
        year + 100
    } else {
        year
    }
}

/// Formats as dd/mm/yyyy.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Formats an optional date; `None` is empty text.
pub fn format_opt_date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

/// Whole months from `from` to `to` (negative if `to` is earlier). A month is complete on
/// the same day-of-month, or on the last day of a shorter month.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    if to < from {
        return -months_between(to, from);
    }
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let month_end = last_day_of_month(to.year(), to.month());
    if to.day() < from.day() && to.day() != month_end {
        months -= 1;
    }
    months
}

/// Age in whole years on `on`.
pub fn age_years(birth: NaiveDate, on: NaiveDate) -> i32 {
    months_between(birth, on).div_euclid(12)
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_common_shapes() {
        assert_eq!(parse_date("05/03/1960"), Ok(d(1960, 3, 5)));
        assert_eq!(parse_date("5/3/1960"), Ok(d(1960, 3, 5)));
        assert_eq!(parse_date(" 5-3-1960 "), Ok(d(1960, 3, 5)));
        assert_eq!(parse_date("29.02.2024"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("05031960"), Ok(d(1960, 3, 5)));
        assert_eq!(parse_date("1960-03-05"), Ok(d(1960, 3, 5)));
    }

    #[test]
    fn refuses_bad_dates() {
        assert_eq!(parse_date("31/02/2020"), Err(DateError::NotADay));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::NotADay));
        // Without today's date, shapes that need it are not dates.
        assert_eq!(parse_date("5/3/60"), Err(DateError::Format));
        assert_eq!(parse_date("5/3"), Err(DateError::Format));
        assert_eq!(parse_date("hôm nay"), Err(DateError::Format));
        assert_eq!(parse_date("abc"), Err(DateError::Format));
        assert_eq!(parse_date("1/1/+200"), Err(DateError::Format));
        assert_eq!(parse_opt_date("  "), Ok(None));
    }

    const TODAY: (i32, u32, u32) = (2026, 12, 5);

    fn user(s: &str, role: DateRole) -> Result<NaiveDate, BadDate> {
        parse_user_date(s, d(TODAY.0, TODAY.1, TODAY.2), role)
    }

    #[test]
    fn rule_17_5_dates_as_people_type_them() {
        use DateRole::*;
        for s in [
            "5/11/2026",
            "05.11.2026",
            "05-11-2026",
            "05112026",
            "5/11",
            "5.11",
            "051126",
        ] {
            assert_eq!(user(s, Event), Ok(d(2026, 11, 5)), "{s}");
        }
        for s in ["hôm nay", "Hôm Nay", "hom nay", "HN", "hn", "  hôm  nay "] {
            assert_eq!(user(s, Meeting), Ok(d(2026, 12, 5)), "{s}");
        }
        assert_eq!(user("3/2/27", Meeting), Ok(d(2027, 2, 3)));
        assert_eq!(user("01/12/26", Meeting), Ok(d(2026, 12, 1)));
        assert_eq!(parse_user_opt_date(" ", d(2026, 1, 1), Event), Ok(None));
    }

    #[test]
    fn rule_17_5_a_two_digit_birth_year_is_never_in_the_future() {
        use DateRole::*;
        // Today is 05/12/2026: the boundary is today itself.
        assert_eq!(user("5/12/26", Birth), Ok(d(2026, 12, 5)));
        assert_eq!(user("6/12/26", Birth), Ok(d(1926, 12, 6)));
        assert_eq!(user("3/2/27", Birth), Ok(d(1927, 2, 3)));
        assert_eq!(user("3/2/60", Birth), Ok(d(1960, 2, 3)));
        assert_eq!(user("29/2/00", Birth), Ok(d(2000, 2, 29)));
        // An event: the 100 years ending 20 years after this year (1947–2046).
        assert_eq!(user("3/2/46", Event), Ok(d(2046, 2, 3)));
        assert_eq!(user("3/2/47", Event), Ok(d(1947, 2, 3)));
        assert_eq!(user("19/5/75", Event), Ok(d(1975, 5, 19)));
        // A meeting: the year nearest this one (1977–2076).
        assert_eq!(user("1/1/76", Meeting), Ok(d(2076, 1, 1)));
        assert_eq!(user("1/1/77", Meeting), Ok(d(1977, 1, 1)));
    }

    #[test]
    fn rule_17_5_a_wrong_date_names_the_wrong_part() {
        use DateRole::*;
        assert_eq!(
            user("31/02/2020", Event),
            Err(BadDate::Day {
                day: 31,
                month: 2,
                year: 2020,
                last: 29
            })
        );
        assert_eq!(
            user("0/3/2020", Event).map_err(BadDate::part),
            Err(Some(DatePart::Day))
        );
        assert_eq!(
            user("29/02/23", Event).map_err(BadDate::part),
            Err(Some(DatePart::Day))
        );
        assert_eq!(user("5/13/2020", Event), Err(BadDate::Month(13)));
        assert_eq!(user("5/0", Event), Err(BadDate::Month(0)));
        assert_eq!(user("5/3/196", Event), Err(BadDate::Year(196)));
        assert_eq!(user("5/3/0999", Event), Err(BadDate::Year(999)));
        assert_eq!(user("5/3/20260", Event), Err(BadDate::Year(20260)));
        assert_eq!(user("hôm kia", Event), Err(BadDate::Shape));
        assert_eq!(user("5/3/2020/1", Event), Err(BadDate::Shape));
        assert_eq!(user("1234", Event), Err(BadDate::Shape));
        assert_eq!(user("", Event), Err(BadDate::Shape));
        assert_eq!(BadDate::Shape.part(), None);
    }

    #[test]
    fn formats_dd_mm_yyyy() {
        assert_eq!(format_date(d(2026, 1, 9)), "09/01/2026");
        assert_eq!(format_opt_date(None), "");
    }

    #[test]
    fn months_and_ages_at_boundaries() {
        let birth = d(2008, 5, 20);
        assert_eq!(months_between(birth, d(2026, 5, 19)), 215);
        assert_eq!(months_between(birth, d(2026, 5, 20)), 216);
        assert_eq!(age_years(birth, d(2026, 5, 19)), 17);
        assert_eq!(age_years(birth, d(2026, 5, 20)), 18);
        // Born on 31 Jan: a month is complete on the last day of February.
        assert_eq!(months_between(d(2020, 1, 31), d(2020, 2, 29)), 1);
        assert_eq!(months_between(d(2020, 1, 31), d(2020, 2, 28)), 0);
        assert_eq!(months_between(d(2026, 5, 20), d(2008, 5, 20)), -216);
    }
}
