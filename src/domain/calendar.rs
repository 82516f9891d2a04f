//! Working days: weekends and Vietnamese public holidays, for deadlines counted in working
//! days (the 60-working-day transfer, the 30-working-day ceremony). The holiday table is
//! data with its source; extend it each year when the government announces the dates.

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::{self, DayKind};
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

/// Whether `d` is a public holiday: the branch's entry for the date if it has one
/// ([`holidays`]), else the table, Tết 2027 and, when the branch set it, Ngày Văn hóa
/// Việt Nam (24/11, from 2026).
pub fn is_holiday(d: NaiveDate) -> bool {
    match holidays::kind_of(d) {
        Some(DayKind::DayOff) => true,
        Some(DayKind::WorkDay) => false,
        None => is_builtin_holiday(d),
    }
}

/// Whether `d` is a holiday of the built-in table (Tết 2027 and Ngày Văn hóa Việt Nam
/// following the branch's settings), whatever the branch's own entries say.
pub fn is_builtin_holiday(d: NaiveDate) -> bool {
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

/// Whether `d` is a working day: the branch's entry for the date if it has one (a
/// Saturday worked in exchange is one), else Monday–Friday and not a public holiday.
pub fn is_working_day(d: NaiveDate) -> bool {
    match holidays::kind_of(d) {
        Some(kind) => kind == DayKind::WorkDay,
        None => !is_weekend(d) && !is_builtin_holiday(d),
    }
}

/// What a built-in day off is (Labour Code 2019 Art. 112 k.1), for the rules screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feast {
    /// Tết Dương lịch (1/1).
    NewYear,
    /// Tết Âm lịch (five days, with the days around them of the yearly notice).
    Tet,
    /// Giỗ Tổ Hùng Vương (10/3 âm lịch).
    HungKings,
    /// Ngày Chiến thắng (30/4).
    Victory,
    /// Ngày Quốc tế Lao động (1/5).
    Labour,
    /// Quốc khánh (2/9 and an adjacent day).
    National,
    /// Made up for a holiday on a weekend (k.3).
    MadeUp,
    /// Ngày Văn hóa Việt Nam (24/11), when the branch set it.
    Culture,
}

/// The source of the built-in table, as the rules screen shows it.
pub const BUILTIN_SOURCE: &str = "Bộ luật Lao động 2019, Điều 112; thông báo nghỉ lễ, Tết hằng năm của Thủ tướng Chính phủ / Bộ Nội vụ (2027: suy từ Bộ luật Lao động)";

/// The first and last year of the built-in table.
pub const BUILTIN_YEARS: (i32, i32) = (2025, 2027);

/// What a built-in day off is, by its place in the year.
fn feast_of(d: NaiveDate) -> Feast {
    match (d.month(), d.day()) {
        (1, 1) => Feast::NewYear,
        (1..=3, _) => Feast::Tet,
        (4, 30) => Feast::Victory,
        (4, _) => Feast::HungKings,
        (5, 1) => Feast::Labour,
        (11, 24) => Feast::Culture,
        (9, _) => Feast::National,
        _ => Feast::MadeUp,
    }
}

/// The built-in days off of a year (Tết 2027 and 24/11 following the branch's settings),
/// in date order, whatever the branch's own entries say.
pub fn builtin_days(year: i32) -> Vec<(NaiveDate, Feast)> {
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter(|d| is_builtin_holiday(*d))
        .map(|d| (d, feast_of(d)))
        .collect()
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
        let (two, thursday_4) = rules::with_setting(RuleId::Tet2027DaysBefore, "2", || {
            (tet_2027(), is_working_day(d(2027, 2, 4)))
        });
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
        let off = rules::with_setting(RuleId::CultureDayOff, "1", || {
            (
                is_working_day(d(2027, 11, 24)),
                is_working_day(d(2025, 11, 24)),
            )
        });
        assert_eq!(off, (false, true), "from 2026 on only");
    }

    fn entry(y: i32, m: u32, day: u32, kind: DayKind) -> holidays::DayEntry {
        holidays::DayEntry {
            date: d(y, m, day),
            kind,
            name: "Ngày của chi bộ".into(),
            source: "Thông báo của Bộ Nội vụ".into(),
            who: "Trần Văn Hùng".into(),
            reason: "Theo thông báo".into(),
            at: d(2026, 12, 6),
        }
    }

    /// `f` under some branch entries, the branch's days put back after.
    fn with_days<T>(entries: Vec<holidays::DayEntry>, f: impl FnOnce() -> T) -> T {
        holidays::install(holidays::BranchDays::new(entries));
        let out = f();
        holidays::install(holidays::BranchDays::default());
        out
    }

    #[test]
    fn labour_code_art_112_branch_day_off_moves_a_30_working_day_deadline_by_one_day() {
        // A decision on Monday 2/11/2026: 30 working days end on Monday 14/12/2026.
        let decision = d(2026, 11, 2);
        let due = add_working_days(decision, 30);
        assert_eq!(due, d(2026, 12, 14));
        // A day off the branch adds on Wednesday 25/11 moves it to Tuesday 15/12.
        let moved = with_days(vec![entry(2026, 11, 25, DayKind::DayOff)], || {
            add_working_days(decision, 30)
        });
        assert_eq!(moved, d(2026, 12, 15));
        // After the deadline, the day off changes nothing.
        let after = with_days(vec![entry(2026, 12, 16, DayKind::DayOff)], || {
            add_working_days(decision, 30)
        });
        assert_eq!(after, due);
    }

    #[test]
    fn labour_code_art_112_a_saturday_worked_in_exchange_shortens_the_deadline() {
        // Saturday 28/11/2026 worked (a swapped day): the 30th working day is Friday 11/12.
        let decision = d(2026, 11, 2);
        let (short, saturday) = with_days(vec![entry(2026, 11, 28, DayKind::WorkDay)], || {
            (
                add_working_days(decision, 30),
                is_working_day(d(2026, 11, 28)),
            )
        });
        assert_eq!(short, d(2026, 12, 11));
        assert!(saturday);
        assert!(!is_working_day(d(2026, 11, 28)), "back to a Saturday");
    }

    #[test]
    fn labour_code_art_112_a_built_in_holiday_made_a_working_day_by_the_branch() {
        // 3/9/2027 (the day adjacent to Quốc khánh, chosen by the Prime Minister each year)
        // moved by the notice: the branch makes it a working day.
        assert!(!is_working_day(d(2027, 9, 3)));
        let decision = d(2027, 8, 30);
        let before = add_working_days(decision, 30);
        let after = with_days(vec![entry(2027, 9, 3, DayKind::WorkDay)], || {
            add_working_days(decision, 30)
        });
        assert_eq!(after, before.pred_opt().unwrap());
        let (working, builtin) = with_days(vec![entry(2027, 9, 3, DayKind::WorkDay)], || {
            (
                is_working_day(d(2027, 9, 3)),
                is_builtin_holiday(d(2027, 9, 3)),
            )
        });
        assert!(working && builtin);
    }

    #[test]
    fn the_built_in_days_of_a_year_are_named_by_their_feast() {
        let days = builtin_days(2026);
        assert_eq!(days.len(), HOLIDAYS.iter().filter(|h| h.0 == 2026).count());
        assert_eq!(days[0], (d(2026, 1, 1), Feast::NewYear));
        assert!(days.contains(&(d(2026, 2, 17), Feast::Tet)));
        assert!(days.contains(&(d(2026, 4, 27), Feast::HungKings)));
        assert!(days.contains(&(d(2026, 4, 30), Feast::Victory)));
        assert!(days.contains(&(d(2026, 5, 1), Feast::Labour)));
        assert!(days.contains(&(d(2026, 9, 1), Feast::National)));
        let y2027 = builtin_days(2027);
        assert!(
            y2027.contains(&(d(2027, 2, 5), Feast::Tet)),
            "Tết 2027 by the setting"
        );
        assert!(y2027.contains(&(d(2027, 5, 3), Feast::MadeUp)));
        assert!(
            builtin_days(2028).is_empty(),
            "the built-in table ends with 2027"
        );
    }
}
