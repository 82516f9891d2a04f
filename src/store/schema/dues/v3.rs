//! A member's dues payments (tree `dues_payments`), version 3 (#17 item 6): v2 plus what the
//! branch handed on of each month's dues to the committee above. The branch's hand-overs
//! are one record of the tree under the reserved key `store::DUES_HANDED_KEY` (its
//! payments empty); a member's record has no hand-overs. FROZEN: once released, never
//! edit these types; add `v4.rs` instead.
//!
//! Golden bytes: `tests/fixtures/dues_payments_v3.bin` (checked byte for byte by
//! `tests/dues_handed.rs`).

use serde::{Deserialize, Serialize};

use super::v2::{DuesPaymentsV2, PaymentV2};
use crate::domain::dues::{HandOver, Ledger, YearMonth};
use crate::store::schema::days::{DayV1, MonthV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 3;

/// What was handed on of a month's dues, v3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandOverV3 {
    /// The month whose dues were handed on.
    pub month: MonthV1,
    /// When.
    pub date: DayV1,
    /// Amount, đồng.
    pub amount: i64,
    /// To whom.
    pub to: String,
    /// Note.
    pub note: String,
}

/// A record of the `dues_payments` tree, v3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesPaymentsV3 {
    /// Payments by month (a member's record).
    pub payments: Vec<PaymentV2>,
    /// Hand-overs by month (the branch's record).
    pub handed: Vec<HandOverV3>,
}

impl From<DuesPaymentsV2> for DuesPaymentsV3 {
    fn from(v: DuesPaymentsV2) -> Self {
        DuesPaymentsV3 {
            payments: v.payments,
            handed: Vec::new(),
        }
    }
}

impl From<&Ledger> for DuesPaymentsV3 {
    fn from(l: &Ledger) -> Self {
        DuesPaymentsV3 {
            payments: DuesPaymentsV2::from(l).payments,
            handed: Vec::new(),
        }
    }
}

impl From<&[HandOver]> for DuesPaymentsV3 {
    fn from(list: &[HandOver]) -> Self {
        DuesPaymentsV3 {
            payments: Vec::new(),
            handed: list
                .iter()
                .map(|h| HandOverV3 {
                    month: h.month.index(),
                    date: day(h.date),
                    amount: h.amount,
                    to: h.to.clone(),
                    note: h.note.clone(),
                })
                .collect(),
        }
    }
}

impl From<DuesPaymentsV3> for Vec<HandOver> {
    fn from(v: DuesPaymentsV3) -> Self {
        v.handed
            .into_iter()
            .map(|h| HandOver {
                month: YearMonth::from_index(h.month),
                date: date(h.date),
                amount: h.amount,
                to: h.to,
                note: h.note,
            })
            .collect()
    }
}
