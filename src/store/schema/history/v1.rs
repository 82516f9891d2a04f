//! Change history entry, schema version 1: whole values before and after. FROZEN. Only
//! read now: entries are written as [`super::v2`].
//!
//! Golden bytes: `tests/fixtures/history_v1.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

/// One entry of the append-only change history, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryV1 {
    /// When, as Unix seconds.
    pub at: i64,
    /// The tree the record lives in.
    pub tree: String,
    /// The record's key.
    pub key: u64,
    /// The stored bytes before the change (`None` for a creation).
    pub old: Option<Vec<u8>>,
    /// The stored bytes after the change (`None` for a deletion).
    pub new: Option<Vec<u8>>,
}
