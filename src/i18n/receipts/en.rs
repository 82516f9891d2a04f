//! English texts of the receipt list.

use super::{ReceiptsCatalogue, ReceiptsNotice};

/// English.
pub struct ReceiptsEn;

impl ReceiptsCatalogue for ReceiptsEn {
    fn notice(&self, n: &ReceiptsNotice) -> String {
        match n {
            ReceiptsNotice::NobodyPaid(m) => format!(
                "No dues payment is recorded in {m}: no empty receipt list is written. Record who paid first, then print again."
            ),
            ReceiptsNotice::Paid(member, m, payer) if payer.is_empty() => {
                format!("Recorded: {member} paid for {m}")
            }
            ReceiptsNotice::Paid(member, m, payer) => {
                format!("Recorded: {member} paid for {m} — handed in by {payer}")
            }
            ReceiptsNotice::HandedOn(m, amount, to) => format!(
                "Recorded: {} đồng of the dues of {m} handed on to {to}",
                crate::domain::dues::group_thousands(*amount, ',')
            ),
        }
    }

    fn bad_month(&self, typed: &str) -> String {
        format!("--month: \"{typed}\" is not a month; expected mm/yyyy, e.g. 11/2026.")
    }
}
