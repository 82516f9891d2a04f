//! Change history entries, version 2 (tree `history`). FROZEN once released: never edit
//! these types (field order, variant order and types are the on-disk format); add
//! `v3.rs` instead.
//!
//! Golden bytes: `tests/fixtures/history_v2_created.bin`, `history_v2_changed.bin`,
//! `history_v2_deleted.bin` (checked byte for byte by `tests/store_migrations.rs`).
//!
//! A v1 entry ([`super::v1::HistoryV1`]) holds the whole value before and after the
//! change. A v2 entry holds only what is needed to go one step back from the value after
//! the change: the entries of one record form a chain anchored at the record's current
//! value. Walking them newest first, starting from the value stored now (or its absence),
//! each entry's "after" is the value reached so far and its "before" follows from it and
//! the entry's [`ChangeV2`]. `check` catches a chain that does not fit the stored value
//! (a record changed without a history entry), so a wrong value is never made up.

use serde::{Deserialize, Serialize};

/// The version byte of a v2 history entry.
pub const VERSION: u8 = 2;

/// How to get the value before a change from the value after it (plain codec bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeV2 {
    /// The record did not exist before.
    Created,
    /// The record existed before and after: `before` is the first `prefix` bytes of
    /// `after`, then `old_mid`, then the last `suffix` bytes of `after`.
    Changed {
        /// Bytes at the start that did not change.
        prefix: u32,
        /// Bytes at the end that did not change.
        suffix: u32,
        /// The bytes between them before the change.
        old_mid: Vec<u8>,
    },
    /// The record was removed: its whole value before (the chain has nothing to
    /// anchor on after a deletion).
    Deleted {
        /// The value before.
        old: Vec<u8>,
    },
}

/// One entry of the append-only change history, v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryV2 {
    /// When, as Unix seconds.
    pub at: i64,
    /// The tree the record lives in.
    pub tree: String,
    /// The record's key.
    pub key: u64,
    /// The low 32 bits of the FNV-1a checksum (`codec::checksum`) of the plain value
    /// after the change; 0 when the record is absent after it.
    pub check: u32,
    /// How to go back to the value before.
    pub change: ChangeV2,
}
