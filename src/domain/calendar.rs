//! Working days: weekends and Vietnamese public holidays, for deadlines counted in working
//! days (the 60-working-day transfer, the 30-working-day ceremony). The holiday table is
//! data with its source; extend it each year when the government announces the dates.

use chrono::{Datelike, NaiveDate, Weekday};

use super::rules::{self, RuleId};

/// Version of the holiday table.
pub const HOLIDAYS_VERSION: &str = "2027.1";

/// Days off (besides weekends), as (year, month, day). Source: the Labour Code 2019 Art. 112
/// (1/1, Tết 5 days, Giỗ Tổ 10/3 âm lịch, 30/4, 1/5, 2/9 + one adjacent day; a holiday on a
/// weekend is made up on the next working day, k.3) and the yearly notices of the Prime
/// Minister / Ministry of Home Affairs for Tết and swapped days.
///
/// Lunar dates converted with Hồ Ngọc Đức's algorithm (UTC+7) and checked against the
/// notices of 2025 and 2026: Tết Ất Tỵ 29/1/2025, Giỗ Tổ 7/4/2025; Tết Bính Ngọ 17/2/2026,
/// Giỗ Tổ 26/4/2026 (Sunday); Tết Đinh Mùi 6/2/2027 (Saturday), Giỗ Tổ 16/4/2027 (Friday).
///
/// 2027 is derived from the Labour Code, not from a notice: searched in 12/2026, no notice
/// for 2027 was found. Its Tết days are not here but follow the branch setting
/// [`RuleId::Tet2027DaysBefore`] ([`tet_2027`]); Ngày Văn hóa Việt Nam (24/11, NQ 80-NQ/TW
/// 07/01/2026) counts only when the branch sets [`RuleId::CultureDayOff`] (no law found).
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
    // 2027 (Labour Code, no notice found): 1/1 (Friday); Tết by [`tet_2027`]; Giỗ Tổ 16/4
    // (Friday); 30/4 (Friday); 1/5 (Saturday, made up on Monday 3/5); 2/9 (Thursday) and
    // the adjacent Friday 3/9 (the Prime Minister picks the adjacent day each year).
    (2027, 1, 1),
    (2027, 4, 16),
    (2027, 4, 30),
    (2027, 5, 1),
    (2027, 5, 3),
    (2027, 9, 2),
    (2027, 9, 3),
];

/// Mùng Một Tết Đinh Mùi (lunar new year 2027).
pub const TET_2027: (i32, u32, u32) = (2027, 2, 6);

/// The days of the Tết Âm lịch a law gives (Labour Code 2019 Art. 112 k.1 b).
const TET_DAYS: u32 = 5;

/// The weekdays off for Tết 2027 (Labour Code Art. 112): the five Tết days start the
/// branch's setting of days before mùng Một, and each of them on a weekend is made up on
/// the next weekday after them (k.3).
pub fn tet_2027() -> Vec<NaiveDate> {
    let (y, m, d) = TET_2027;
    let Some(tet) = NaiveDate::from_ymd_opt(y, m, d) else {
        return Vec::new();
    };
    let before = rules::value(RuleId::Tet2027DaysBefore).clamp(0, i64::from(TET_DAYS) - 1);
    let first = tet - chrono::Days::new(before.unsigned_abs());
    let mut off = Vec::new();
    let mut made_up = 0;
    for day in first.iter_days().take(TET_DAYS as usize) {
        if is_weekend(day) {
            made_up += 1;
        } else {
            off.push(day);
        }
    }
    let mut day = first + chrono::Days::new(u64::from(TET_DAYS));
    while made_up > 0 {
        if !is_weekend(day) {
            off.push(day);
            made_up -= 1;
        }
        day = day.succ_opt().unwrap_or(day);
    }
    off
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether `d` is a public holiday: the table, Tết 2027 and, when the branch set it,
/// Ngày Văn hóa Việt Nam (24/11, from 2026).
pub fn is_holiday(d: NaiveDate) -> bool {
    if HOLIDAYS.contains(&(d.year(), d.month(), d.day())) {
        return true;
    }
    if (d.month(), d.day()) == (11, 24)
        && d.year() >= 2026
        && rules::value(RuleId::CultureDayOff) == 1
    {
        return true;
    }
    d.year() == TET_2027.0 && d.month() <= 3 && tet_2027().contains(&d)
}

/// Whether `d` is a working day (Monday–Friday and not a public holiday).
pub fn is_working_day(d: NaiveDate) -> bool {
    !is_weekend(d) && !is_holiday(d)
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

    #[test]
    fn tet_2027_days_before_five_days_of_tet_made_up_after_the_weekend() {
        // Mùng Một is Saturday 6/2/2027; one day before it by default: Friday 5/2 to Tuesday
        // 9/2, and Saturday and Sunday made up on Wednesday 10/2 and Thursday 11/2.
        assert_eq!(rules::value(RuleId::Tet2027DaysBefore), 1);
        assert_eq!(
            tet_2027(),
            vec![
                d(2027, 2, 5),
                d(2027, 2, 8),
                d(2027, 2, 9),
                d(2027, 2, 10),
                d(2027, 2, 11)
            ]
        );
        assert!(is_working_day(d(2027, 2, 4)));
        assert!(!is_working_day(d(2027, 2, 5)));
        assert!(!is_working_day(d(2027, 2, 11)));
        assert!(is_working_day(d(2027, 2, 12)));
        // The branch sets two days before (as in 2025) when the notice says so.
        let o = rules::check_override(
            RuleId::Tet2027DaysBefore,
            "2",
            "A",
            "Thông báo nghỉ Tết 2027",
            d(2026, 12, 5),
        );
        rules::install(rules::Settings {
            overrides: vec![o.unwrap()],
        });
        let two = tet_2027();
        let thursday_4 = is_working_day(d(2027, 2, 4));
        rules::install(rules::Settings::default());
        assert_eq!(
            two,
            vec![
                d(2027, 2, 4),
                d(2027, 2, 5),
                d(2027, 2, 8),
                d(2027, 2, 9),
                d(2027, 2, 10)
            ]
        );
        assert!(!thursday_4);
    }

    #[test]
    fn ceremony_working_days_thirty_working_days_across_tet_2027() {
        // A decision on Monday 25/1/2027: the 30 working days skip the five of Tết (5, 8, 9,
        // 10, 11/2) and end on Monday 15/3/2027; Friday 12/3 is one short.
        let decision = d(2027, 1, 25);
        let due = add_working_days(decision, 30);
        assert_eq!(due, d(2027, 3, 15));
        assert_eq!(working_days_between(decision, due), 30);
        assert_eq!(working_days_between(decision, d(2027, 3, 12)), 29);
        // The ceremony on the last day is on time; the next day is late (a reason needed).
        assert_eq!(crate::domain::acts::ceremony(decision, due, ""), Ok(None));
        assert!(crate::domain::acts::ceremony(decision, d(2027, 3, 16), "").is_err());
    }

    #[test]
    fn holidays_2027_from_the_labour_code() {
        // 1/5/2027 is a Saturday: made up on Monday 3/5.
        assert!(!is_working_day(d(2027, 5, 3)));
        assert!(is_working_day(d(2027, 5, 4)));
        assert!(!is_working_day(d(2027, 4, 16)), "Giỗ Tổ 10/3 âm lịch");
        assert!(!is_working_day(d(2027, 9, 2)));
        // 24/11 (Wednesday in 2027) only when the branch sets Ngày Văn hóa Việt Nam.
        assert!(is_working_day(d(2027, 11, 24)));
        let o = rules::check_override(RuleId::CultureDayOff, "1", "A", "Luật", d(2026, 12, 5));
        rules::install(rules::Settings {
            overrides: vec![o.unwrap()],
        });
        let off = (
            is_working_day(d(2027, 11, 24)),
            is_working_day(d(2025, 11, 24)),
        );
        rules::install(rules::Settings::default());
        assert_eq!(off, (false, true), "from 2026 on only");
    }
}
