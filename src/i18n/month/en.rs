//! English texts of the month.

use chrono::NaiveDate;

use super::{MonthCatalogue, day, numbered};
use crate::domain::meeting::MonthProblem;

/// English.
pub struct MonthEn;

impl MonthCatalogue for MonthEn {
    fn no_conclusion(&self, items: &[(usize, &str)]) -> String {
        format!(
            "Note: {} agenda items have no conclusion: {}. Choose “No” to go back and write them.",
            items.len(),
            numbered(items)
        )
    }

    fn earlier_reasons(&self, reasons: &[String]) -> String {
        format!(
            "Reasons used before (↑ ↓ to choose): {}",
            reasons.join(" · ")
        )
    }

    fn problem(&self, p: &MonthProblem) -> String {
        match p {
            MonthProblem::TooFar(latest) => format!(
                "meetings are planned up to the end of next month: enter a date no later than {}.",
                day(*latest)
            ),
        }
    }

    fn second_regular(&self, number: &str, date: NaiveDate) -> String {
        format!(
            "This month already has a regular meeting ({number}, {}). Create another regular meeting anyway?",
            day(date)
        )
    }
}
