//! The date primitives every schema version stores, FROZEN: a day as days since 1 January
//! of year 1 (chrono's `num_days_from_ce`), a month as months since January of year 0
//! (`YearMonth::index`). Plain integers, so no version's types are shared through them.

use chrono::{Datelike, NaiveDate};

/// A date as days since 1 January of year 1 (chrono's `num_days_from_ce`).
pub type DayV1 = i32;

/// A calendar month as months since January of year 0 (`YearMonth::index`).
pub type MonthV1 = i32;

/// The stored form of a date.
pub fn day(d: NaiveDate) -> DayV1 {
    d.num_days_from_ce()
}

/// The date of a stored day (1 January of year 1 if out of range).
pub fn date(d: DayV1) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default()
}
