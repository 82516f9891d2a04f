//! English texts of the month.

use super::{MonthCatalogue, numbered};

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
}
