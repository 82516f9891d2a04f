//! Dates the Vietnamese way: typed and shown as dd/mm/yyyy; ages counted in whole months.

use chrono::{Datelike, NaiveDate};

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape d/m/yyyy (or with `-` or `.` separators).
    Format,
    /// Of the right shape but not a real calendar day (31/02/2020).
    NotADay,
}

/// Parses "dd/mm/yyyy", also "d/m/yyyy" and `-` or `.` as separators.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3 {
        return Err(DateError::Format);
    }
    let all_digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if !parts.iter().all(|p| all_digits(p))
        || parts[0].len() > 2
        || parts[1].len() > 2
        || parts[2].len() != 4
    {
        return Err(DateError::Format);
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| DateError::Format);
    let (d, m, y) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateError::NotADay)
}

/// Parses an optional date: empty text is `None`.
pub fn parse_opt_date(s: &str) -> Result<Option<NaiveDate>, DateError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(s).map(Some)
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
    }

    #[test]
    fn refuses_bad_dates() {
        assert_eq!(parse_date("31/02/2020"), Err(DateError::NotADay));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::NotADay));
        assert_eq!(parse_date("1960-03-05"), Err(DateError::Format));
        assert_eq!(parse_date("5/3/60"), Err(DateError::Format));
        assert_eq!(parse_date("abc"), Err(DateError::Format));
        assert_eq!(parse_date("1/1/+200"), Err(DateError::Format));
        assert_eq!(parse_opt_date("  "), Ok(None));
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
