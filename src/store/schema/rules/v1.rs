//! A branch's setting of a rule (tree `rule_settings`, keyed by the rule's code), version
//! 1. FROZEN once released: a change adds `v2.rs` with a `From<RuleSettingV1>` conversion.

use serde::{Deserialize, Serialize};

use crate::domain::rules::{Override, RuleId};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of these records.
pub const VERSION: u8 = 1;

/// A setting, v1: the rule's code (`RuleId::code`), its value, who changed it, when
/// and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSettingV1 {
    /// The rule's stored code.
    pub code: u64,
    /// The value.
    pub value: i64,
    /// Who changed it.
    pub who: String,
    /// When.
    pub on: DayV1,
    /// Why.
    pub reason: String,
}

impl From<&Override> for RuleSettingV1 {
    fn from(o: &Override) -> Self {
        RuleSettingV1 {
            code: o.id.code(),
            value: o.value,
            who: o.who.clone(),
            on: day(o.on),
            reason: o.reason.clone(),
        }
    }
}

impl TryFrom<RuleSettingV1> for Override {
    type Error = u64;

    /// The override, or the unknown code (a rule from a newer program).
    fn try_from(s: RuleSettingV1) -> Result<Self, u64> {
        Ok(Override {
            id: RuleId::from_code(s.code).ok_or(s.code)?,
            value: s.value,
            who: s.who,
            on: date(s.on),
            reason: s.reason,
        })
    }
}
