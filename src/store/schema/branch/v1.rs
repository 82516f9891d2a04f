//! Branch profile, schema version 1. FROZEN: once released, never edit these types.
//!
//! Golden bytes: `tests/fixtures/branch_v1.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

use crate::domain::branch::Branch;

/// The version byte of this schema.
pub const VERSION: u8 = 1;

/// Branch profile, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchV1 {
    /// Tên chi bộ.
    pub name: String,
    /// Đảng bộ cấp trên.
    pub superior: String,
    /// Địa chỉ.
    pub address: String,
    /// Bí thư.
    pub secretary: String,
    /// Phó bí thư.
    pub deputy: String,
    /// Term start year.
    pub term_start: i32,
    /// Term end year.
    pub term_end: i32,
}

impl From<&Branch> for BranchV1 {
    fn from(b: &Branch) -> Self {
        BranchV1 {
            name: b.name.clone(),
            superior: b.superior.clone(),
            address: b.address.clone(),
            secretary: b.secretary.clone(),
            deputy: b.deputy.clone(),
            term_start: b.term_start,
            term_end: b.term_end,
        }
    }
}

impl From<BranchV1> for Branch {
    fn from(b: BranchV1) -> Self {
        Branch {
            name: b.name,
            superior: b.superior,
            address: b.address,
            secretary: b.secretary,
            deputy: b.deputy,
            term_start: b.term_start,
            term_end: b.term_end,
            usual_day: None,
        }
    }
}
