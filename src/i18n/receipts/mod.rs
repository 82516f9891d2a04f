//! Texts around the receipt list of the dues collected in a month (#17 item 6): the
//! notices of the dues screen and the command line's refusals. The list itself is a Party
//! document, always in Vietnamese (`interchange::receipts`). One catalogue per language,
//! reached with [`of`].

mod en;
mod vi;

use super::Lang;
use crate::domain::dues::YearMonth;

pub use en::ReceiptsEn;
pub use vi::ReceiptsVi;

/// A status-line notice about the receipt list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptsNotice {
    /// No payment was recorded in this month: no list is written.
    NobodyPaid(YearMonth),
    /// A month's payment recorded (member, month, who handed it in; empty: the member).
    Paid(String, YearMonth, String),
    /// What was handed on of a month's dues recorded (month, amount in đồng, to whom).
    HandedOn(YearMonth, i64, String),
}

impl ReceiptsNotice {
    /// Whether the notice reports a save (shown as such, not as a warning).
    pub fn is_saved(&self) -> bool {
        !matches!(self, ReceiptsNotice::NobodyPaid(_))
    }
}

/// The texts of the receipt list in one language.
pub trait ReceiptsCatalogue: Sync {
    /// A status-line notice.
    fn notice(&self, n: &ReceiptsNotice) -> String;
    /// `--month` that is not a month (as typed).
    fn bad_month(&self, typed: &str) -> String;
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn ReceiptsCatalogue {
    match lang {
        Lang::Vi => &ReceiptsVi,
        Lang::En => &ReceiptsEn,
    }
}
