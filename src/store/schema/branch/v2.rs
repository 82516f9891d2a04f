//! Branch profile, schema version 2 (#17): v1 plus the usual meeting day of the month.
//! FROZEN: once released, never edit these types; add `v3.rs` instead.
//!
//! Golden bytes: `tests/fixtures/branch_v2.bin` (checked byte for byte by
//! `tests/usual_day.rs`).

use serde::{Deserialize, Serialize};

use super::v1::BranchV1;
use crate::domain::branch::Branch;

/// The version byte of this schema.
pub const VERSION: u8 = 2;

/// Branch profile, v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchV2 {
    /// Everything of v1.
    pub base: BranchV1,
    /// The usual meeting day of the month (1–31), if the branch has one.
    pub usual_day: Option<u8>,
}

impl From<BranchV1> for BranchV2 {
    fn from(base: BranchV1) -> Self {
        BranchV2 {
            base,
            usual_day: None,
        }
    }
}

impl From<&Branch> for BranchV2 {
    fn from(b: &Branch) -> Self {
        BranchV2 {
            base: BranchV1::from(b),
            usual_day: b.usual_day.and_then(|d| u8::try_from(d).ok()),
        }
    }
}

impl From<BranchV2> for Branch {
    fn from(b: BranchV2) -> Self {
        Branch {
            usual_day: b.usual_day.map(u32::from),
            ..Branch::from(b.base)
        }
    }
}
