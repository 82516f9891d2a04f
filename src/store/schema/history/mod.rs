//! Change history entries (tree `history`): v1 (read only), v2 (written).

pub mod v1;
pub mod v2;

use crate::store::codec::{self, CodecError};

/// A history entry as stored, in whichever version it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryEntry {
    /// A v1 entry: whole values before and after.
    V1(v1::HistoryV1),
    /// A v2 entry: a step back from the value after (see [`v2`]).
    V2(v2::HistoryV2),
}

impl HistoryEntry {
    /// The tree of the changed record.
    pub fn tree(&self) -> &str {
        match self {
            HistoryEntry::V1(h) => &h.tree,
            HistoryEntry::V2(h) => &h.tree,
        }
    }

    /// The key of the changed record.
    pub fn key(&self) -> u64 {
        match self {
            HistoryEntry::V1(h) => h.key,
            HistoryEntry::V2(h) => h.key,
        }
    }

    /// When the change was made, Unix seconds.
    pub fn at(&self) -> i64 {
        match self {
            HistoryEntry::V1(h) => h.at,
            HistoryEntry::V2(h) => h.at,
        }
    }
}

/// Encodes one history entry in the current schema (v2).
pub fn encode(h: &v2::HistoryV2) -> Result<Vec<u8>, CodecError> {
    codec::encode(v2::VERSION, h)
}

/// Decodes a history entry written by any known version.
pub fn decode(bytes: &[u8]) -> Result<HistoryEntry, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => codec::decode_payload(p).map(HistoryEntry::V1),
        (v2::VERSION, p) => codec::decode_payload(p).map(HistoryEntry::V2),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
