//! A member's dues profiles and payments (trees `dues_profiles`, `dues_payments`),
//! version 1 (added before the first release). FROZEN: never edit these types.
//!
//! Golden bytes: `tests/fixtures/dues_profiles_v1.bin`, `tests/fixtures/dues_payments_v1.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

use crate::domain::dues::{
    Category, Ledger, Method, Payment, Profile, Relief, ReliefKind, YearMonth,
};

use crate::store::schema::days::{DayV1, MonthV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

/// Dues rate category, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryV1 {
    /// 1% of the BHXH salary.
    Salary,
    /// 0.5% of the pension.
    Pension,
    /// Student, fixed amount.
    Student,
    /// Amount entered.
    Fixed,
    /// Social pension: exempt.
    SocialPension,
}

/// Hardship relief kind, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReliefKindV1 {
    /// Exempt, special hardship.
    SpecialHardship,
    /// Exempt, other hardship.
    Exempt,
    /// Reduced by this percentage.
    Reduce(u32),
}

/// Hardship relief, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReliefV1 {
    /// Kind.
    pub kind: ReliefKindV1,
    /// Decision.
    pub decision: String,
    /// First month.
    pub from: MonthV1,
    /// Last month.
    pub to: MonthV1,
}

/// Dues profile from a month on, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesProfileV1 {
    /// First month.
    pub from: MonthV1,
    /// Category.
    pub category: CategoryV1,
    /// Base amount, đồng.
    pub base: i64,
    /// Relief.
    pub relief: Option<ReliefV1>,
}

/// Payment method, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MethodV1 {
    /// Cash.
    Cash,
    /// Online, confirmed.
    Online,
}

/// Payment of a month, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentV1 {
    /// Month paid for.
    pub month: MonthV1,
    /// Amount, đồng.
    pub amount: i64,
    /// Method.
    pub method: MethodV1,
    /// Paid or confirmed on.
    pub date: DayV1,
}

/// A member's dues profiles (value of the `dues_profiles` tree), v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesProfilesV1 {
    /// Profiles by first month.
    pub profiles: Vec<DuesProfileV1>,
}

/// A member's dues payments (value of the `dues_payments` tree), v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesPaymentsV1 {
    /// Payments by month.
    pub payments: Vec<PaymentV1>,
}

crate::store::schema::mirror_enum!(
    Category,
    CategoryV1,
    [Salary, Pension, Student, Fixed, SocialPension]
);
crate::store::schema::mirror_enum!(Method, MethodV1, [Cash, Online]);

fn month(m: MonthV1) -> YearMonth {
    YearMonth::from_index(m)
}

impl From<ReliefKind> for ReliefKindV1 {
    fn from(k: ReliefKind) -> Self {
        match k {
            ReliefKind::SpecialHardship => Self::SpecialHardship,
            ReliefKind::Exempt => Self::Exempt,
            ReliefKind::Reduce(p) => Self::Reduce(p),
        }
    }
}

impl From<ReliefKindV1> for ReliefKind {
    fn from(k: ReliefKindV1) -> Self {
        match k {
            ReliefKindV1::SpecialHardship => Self::SpecialHardship,
            ReliefKindV1::Exempt => Self::Exempt,
            ReliefKindV1::Reduce(p) => Self::Reduce(p),
        }
    }
}

impl From<&Ledger> for DuesProfilesV1 {
    fn from(l: &Ledger) -> Self {
        DuesProfilesV1 {
            profiles: l
                .profiles
                .iter()
                .map(|p| DuesProfileV1 {
                    from: p.from.index(),
                    category: p.category.into(),
                    base: p.base,
                    relief: p.relief.as_ref().map(|r| ReliefV1 {
                        kind: r.kind.into(),
                        decision: r.decision.clone(),
                        from: r.from.index(),
                        to: r.to.index(),
                    }),
                })
                .collect(),
        }
    }
}

impl From<DuesProfilesV1> for Vec<Profile> {
    fn from(v: DuesProfilesV1) -> Self {
        v.profiles
            .into_iter()
            .map(|p| Profile {
                from: month(p.from),
                category: p.category.into(),
                base: p.base,
                relief: p.relief.map(|r| Relief {
                    kind: r.kind.into(),
                    decision: r.decision,
                    from: month(r.from),
                    to: month(r.to),
                }),
            })
            .collect()
    }
}

impl From<&Ledger> for DuesPaymentsV1 {
    fn from(l: &Ledger) -> Self {
        DuesPaymentsV1 {
            payments: l
                .payments
                .iter()
                .map(|p| PaymentV1 {
                    month: p.month.index(),
                    amount: p.amount,
                    method: p.method.into(),
                    date: day(p.date),
                })
                .collect(),
        }
    }
}

impl From<DuesPaymentsV1> for Vec<Payment> {
    fn from(v: DuesPaymentsV1) -> Self {
        v.payments
            .into_iter()
            .map(|p| Payment {
                month: month(p.month),
                amount: p.amount,
                method: p.method.into(),
                date: date(p.date),
                payer: String::new(),
            })
            .collect()
    }
}
