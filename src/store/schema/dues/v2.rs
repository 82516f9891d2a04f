//! A member's dues payments (tree `dues_payments`), version 2 (#17 item 6): v1 plus who
//! handed the payment in when not the member. Profiles stay v1. FROZEN: once released,
//! never edit these types; add `v3.rs` instead.
//!
//! Golden bytes: `tests/fixtures/dues_payments_v2.bin` (checked byte for byte by
//! `tests/dues_payer.rs`).

use serde::{Deserialize, Serialize};

use super::v1::{DuesPaymentsV1, PaymentV1};
use crate::domain::dues::{Ledger, Payment, YearMonth};
use crate::store::schema::days::{date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 2;

/// Payment of a month, v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentV2 {
    /// Everything of v1.
    pub base: PaymentV1,
    /// Who handed it in when not the member (empty: the member).
    pub payer: String,
}

/// A member's dues payments (value of the `dues_payments` tree), v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesPaymentsV2 {
    /// Payments by month.
    pub payments: Vec<PaymentV2>,
}

impl From<DuesPaymentsV1> for DuesPaymentsV2 {
    fn from(v: DuesPaymentsV1) -> Self {
        DuesPaymentsV2 {
            payments: v
                .payments
                .into_iter()
                .map(|base| PaymentV2 {
                    base,
                    payer: String::new(),
                })
                .collect(),
        }
    }
}

impl From<&Ledger> for DuesPaymentsV2 {
    fn from(l: &Ledger) -> Self {
        DuesPaymentsV2 {
            payments: l
                .payments
                .iter()
                .map(|p| PaymentV2 {
                    base: PaymentV1 {
                        month: p.month.index(),
                        amount: p.amount,
                        method: p.method.into(),
                        date: day(p.date),
                    },
                    payer: p.payer.clone(),
                })
                .collect(),
        }
    }
}

impl From<DuesPaymentsV2> for Vec<Payment> {
    fn from(v: DuesPaymentsV2) -> Self {
        v.payments
            .into_iter()
            .map(|p| Payment {
                month: YearMonth::from_index(p.base.month),
                amount: p.base.amount,
                method: p.base.method.into(),
                date: date(p.base.date),
                payer: p.payer,
            })
            .collect()
    }
}
