//! English texts of the month.

use chrono::NaiveDate;

use super::{MonthCatalogue, day, numbered};
use crate::domain::meeting::{MonthNotice, MonthProblem};

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

    fn proposal_title(&self) -> &'static str {
        "Member's proposal"
    }

    fn delete_proposal(&self, who: &str, text: &str) -> String {
        format!("Delete the proposal of {who}: “{text}”?")
    }

    fn proposal_line(&self, who: &str, text: &str, answer: &str) -> String {
        if answer.is_empty() {
            format!("{who}: {text} → (no answer yet)")
        } else {
            format!("{who}: {text} → {answer}")
        }
    }

    fn task_done(&self, on: NaiveDate) -> String {
        format!("done {}", day(on))
    }

    fn second_regular(&self, number: &str, date: NaiveDate) -> String {
        format!(
            "This month already has a regular meeting ({number}, {}). Create another regular meeting anyway?",
            day(date)
        )
    }

    fn withdraw_title(&self, name: &str) -> String {
        format!("Withdrawal from admission — {name}: date and reason")
    }

    fn usual_day(&self, day: u32) -> String {
        format!("day {day} of each month")
    }

    fn notice(&self, n: &MonthNotice) -> String {
        match *n {
            MonthNotice::NoticeAfterMeeting => {
                "A notice is written before the meeting; this one has been held (or approved)."
                    .into()
            }
            MonthNotice::DuesOfMonth { month, year, owing } => {
                format!(
                    "Dues of {month}/{year}: {owing} members still to pay · Esc: back to the meeting"
                )
            }
        }
    }
}
