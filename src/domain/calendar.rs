//! Working days: weekends and Vietnamese public holidays, for deadlines counted in working
//! days (the 60-working-day transfer, the 30-working-day ceremony). The holiday table is
//! data with its source; extend it each year when the government announces the dates.

use chrono::{Datelike, NaiveDate, Weekday};

/// Version of the holiday table.
pub const HOLIDAYS_VERSION: &str = "2026.1";

/// Days off (besides weekends), as (year, month, day). Source: the Labour Code 2019 Art. 112
/// (1/1, Tết, Giỗ Tổ 10/3 âm lịch, 30/4, 1/5, 2/9 + one adjacent day) and the yearly
/// notices of the Ministry of Home Affairs for Tết and swapped days. Lunar dates are
/// converted by hand [M: confirm each year against the official notice].
pub const HOLIDAYS: &[(i32, u32, u32)] = &[
    // 2025: Tết 25/1–2/2; Giỗ Tổ 7/4; 30/4–1/5; 1–2/9.
    (2025, 1, 1),
    (2025, 1, 25),
    (2025, 1, 26),
    (2025, 1, 27),
    (2025, 1, 28),
    (2025, 1, 29),
    (2025, 1, 30),
    (2025, 1, 31),
    (2025, 2, 1),
    (2025, 2, 2),
    (2025, 4, 7),
    (2025, 4, 30),
    (2025, 5, 1),
    (2025, 9, 1),
    (2025, 9, 2),
    // 2026: Tết 14/2–22/2; Giỗ Tổ 26/4 (Sunday, off on 27/4); 30/4–1/5; 1–2/9.
    (2026, 1, 1),
    (2026, 2, 14),
    (2026, 2, 15),
    (2026, 2, 16),
    (2026, 2, 17),
    (2026, 2, 18),
    (2026, 2, 19),
    (2026, 2, 20),
    (2026, 2, 21),
    (2026, 2, 22),
    (2026, 4, 27),
    (2026, 4, 30),
    (2026, 5, 1),
    (2026, 9, 1),
    (2026, 9, 2),
    // 2027: Tết around 5/2–9/2; Giỗ Tổ 16/4; 30/4–1/5; 2–3/9.
    (2027, 1, 1),
    (2027, 2, 5),
    (2027, 2, 6),
    (2027, 2, 7),
    (2027, 2, 8),
    (2027, 2, 9),
    (2027, 2, 10),
    (2027, 4, 16),
    (2027, 4, 30),
    (2027, 5, 1),
    (2027, 9, 2),
    (2027, 9, 3),
];

/// Whether `d` is a working day (Monday–Friday and not a public holiday).
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
        && !HOLIDAYS.contains(&(d.year(), d.month(), d.day()))
}

/// The date `n` working days after `from` (not counting `from` itself).
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut d = from;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap_or(d);
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// Working days after `from` up to and including `to` (0 if `to` is not later).
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| is_working_day(*d))
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        assert!(is_working_day(d(2026, 2, 13))); // Friday before Tết
        assert!(!is_working_day(d(2026, 2, 16))); // Tết
        assert!(!is_working_day(d(2026, 11, 21))); // Saturday
        assert!(!is_working_day(d(2026, 9, 2)));
    }

    #[test]
    fn sixty_working_days_skip_tet() {
        // From Monday 2/2/2026, 60 working days skip Tết (5 weekdays), 27/4, 30/4 and 1/5.
        let deadline = add_working_days(d(2026, 2, 2), 60);
        assert_eq!(deadline, d(2026, 5, 7));
        assert_eq!(working_days_between(d(2026, 2, 2), deadline), 60);
        assert_eq!(
            working_days_between(d(2026, 2, 2), deadline.pred_opt().unwrap()),
            59
        );
        assert_eq!(add_working_days(d(2026, 2, 13), 1), d(2026, 2, 23));
    }
}
