//! The snapshot: a raw copy of every tree of the store (values stay in their versioned,
//! possibly sealed, encoding), and its file format — the one format of backups, ward
//! bundles and the copies a restore, a compaction or `encrypt` rebuild a database from.
//! Backup, register, restore and seal use this module and not each other.
//!
//! A file is: [`MAGIC`], a format byte ([`FORMAT`], or [`FORMAT_SEALED`] when the values
//! are sealed), a checksum and the length of the payload (both little-endian `u64`), then
//! the payload: [`SnapshotV1`] in bincode's standard configuration. FROZEN: the golden
//! backups of the tests read back byte for byte.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::codec::{self, CodecError};
use super::{META_FIGURES_ONLY, META_KEYRING, Result, Store, StoreError, TREE_META};

/// First bytes of every backup file.
pub const MAGIC: &[u8; 8] = b"SCBBACK\x01";
/// Format 1: values as the store encodes them.
pub const FORMAT: u8 = 1;
/// Format 2: the same content, with every record value sealed and the keyring in `meta`
/// (encryption at rest). Older programs refuse it rather than misread it.
pub const FORMAT_SEALED: u8 = 2;
/// Smallest decoding limit for a backup's payload (see [`decode_payload`]). Not part
/// of the format.
const PARSE_LIMIT: usize = 1 << 20;

/// One stored record: key bytes, value bytes.
pub type KeyValue = (Vec<u8>, Vec<u8>);
/// One tree of a snapshot: its name and its key/value pairs.
pub type Tree = (String, Vec<KeyValue>);

/// The content of a backup file, format 1. FROZEN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotV1 {
    /// When it was made, Unix seconds.
    pub created_at: i64,
    /// The store's schema version.
    pub schema_version: u32,
    /// Every tree: name, then its key/value pairs in key order.
    pub trees: Vec<(String, Vec<KeyValue>)>,
}

impl Store {
    /// Every tree of the store, as stored, in a canonical order.
    pub(crate) fn snapshot(&self) -> Result<SnapshotV1> {
        let mut trees = Vec::new();
        for name in self.db.tree_names() {
            let name = String::from_utf8_lossy(&name).to_string();
            if name == "__sled__default" {
                continue;
            }
            let tree = self.db.open_tree(&name)?;
            let pairs = tree
                .iter()
                .map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            trees.push((name, pairs));
        }
        // Canonical order, whatever order sled created the trees in.
        trees.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(SnapshotV1 {
            created_at: chrono::Utc::now().timestamp(),
            schema_version: self.schema_version()?,
            trees,
        })
    }
}

/// Whether a snapshot's trees carry a keyring (their values are sealed).
pub fn is_sealed(trees: &[Tree]) -> bool {
    trees
        .iter()
        .find(|(n, _)| n == TREE_META)
        .is_some_and(|(_, pairs)| pairs.iter().any(|(k, _)| k == META_KEYRING))
}

/// Whether a snapshot is a ward bundle (figures only): restoring it as the branch's
/// data would lose every name, so `restore` refuses it.
pub fn is_figures_only(snap: &SnapshotV1) -> bool {
    snap.trees
        .iter()
        .any(|(name, pairs)| name == TREE_META && pairs.iter().any(|(k, _)| k == META_FIGURES_ONLY))
}

/// The file's bytes: magic, format, checksum, length, payload.
pub fn encode(snap: &SnapshotV1) -> Result<Vec<u8>> {
    let payload = bincode::serde::encode_to_vec(snap, bincode::config::standard())
        .map_err(|e| StoreError::Encode(CodecError::Encode(e.to_string())))?;
    let mut bytes = Vec::with_capacity(payload.len() + 25);
    bytes.extend_from_slice(MAGIC);
    bytes.push(if is_sealed(&snap.trees) {
        FORMAT_SEALED
    } else {
        FORMAT
    });
    bytes.extend_from_slice(&codec::checksum(&payload).to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&payload);
    Ok(bytes)
}

/// Whether `bytes` start like a Sổ chi bộ backup (of any format), damaged or not.
pub fn looks_like_backup(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Decodes a backup's payload under a bincode limit of at least twice its length.
///
/// The limit bounds what bincode may allocate on the word of a length prefix before
/// checking that the bytes are there, so a crafted file cannot make us allocate
/// gigabytes. But every byte of every key and value counts against it too (bincode
/// claims each `u8` it reads), so a fixed 1 MiB refused every genuine backup of more
/// than 1 MiB of records (measured: a 1.1 MB value gives `LimitExceeded`). Twice the
/// payload lets every genuine file through and still bounds a lie to twice the file.
fn decode_payload(payload: &[u8]) -> std::result::Result<(SnapshotV1, usize), CodecError> {
    fn with<const N: usize>(p: &[u8]) -> std::result::Result<(SnapshotV1, usize), CodecError> {
        let config = bincode::config::standard().with_limit::<N>();
        bincode::serde::decode_from_slice::<SnapshotV1, _>(p, config)
            .map_err(|e| CodecError::Payload(e.to_string()))
    }
    match payload.len().saturating_mul(2) {
        n if n <= PARSE_LIMIT => with::<PARSE_LIMIT>(payload),
        n if n <= PARSE_LIMIT << 3 => with::<{ PARSE_LIMIT << 3 }>(payload),
        n if n <= PARSE_LIMIT << 6 => with::<{ PARSE_LIMIT << 6 }>(payload),
        n if n <= PARSE_LIMIT << 8 => with::<{ PARSE_LIMIT << 8 }>(payload),
        _ => with::<{ PARSE_LIMIT << 10 }>(payload),
    }
}

/// Walks a payload's structure (bincode's standard varint encoding of [`SnapshotV1`])
/// and refuses any length prefix that claims more than the bytes left, counting in
/// `u64`. bincode itself casts a decoded `u64` length to `usize` (`val as usize`), so
/// on a 32-bit target a length of 2^60 would wrap to a small number and a crafted file
/// be misread instead of refused; after this walk every length fits the payload, hence
/// `usize`, on any target.
fn check_lengths(payload: &[u8]) -> std::result::Result<(), CodecError> {
    struct Walk<'a> {
        rest: &'a [u8],
    }
    impl Walk<'_> {
        fn bad(what: &str) -> CodecError {
            CodecError::Payload(format!("{what}: the file is damaged"))
        }
        fn take(&mut self, n: u64, what: &str) -> std::result::Result<&[u8], CodecError> {
            if n > self.rest.len() as u64 {
                return Err(Self::bad(what));
            }
            let (head, tail) = self.rest.split_at(n as usize);
            self.rest = tail;
            Ok(head)
        }
        /// A varint: one byte below 251, else a marker and 2, 4 or 8 little-endian bytes.
        fn varint(&mut self, what: &str) -> std::result::Result<u64, CodecError> {
            let first = self.take(1, what)?[0];
            let wide = |b: &[u8]| b.iter().rev().fold(0u64, |n, &x| (n << 8) | u64::from(x));
            Ok(match first {
                0..=250 => u64::from(first),
                251 => wide(self.take(2, what)?),
                252 => wide(self.take(4, what)?),
                253 => wide(self.take(8, what)?),
                _ => return Err(Self::bad(what)),
            })
        }
        /// A length-prefixed run of bytes (a string or a `Vec<u8>`).
        fn bytes(&mut self, what: &str) -> std::result::Result<(), CodecError> {
            let n = self.varint(what)?;
            self.take(n, what).map(|_| ())
        }
        /// A sequence's count: each element takes at least `min` bytes.
        fn count(&mut self, min: u64, what: &str) -> std::result::Result<u64, CodecError> {
            let n = self.varint(what)?;
            if n.saturating_mul(min) > self.rest.len() as u64 {
                return Err(Self::bad(what));
            }
            Ok(n)
        }
    }
    let mut w = Walk { rest: payload };
    w.varint("created_at")?;
    w.varint("schema_version")?;
    // A tree is at least a name length and a pair count; a pair two lengths.
    for _ in 0..w.count(2, "trees")? {
        w.bytes("tree name")?;
        for _ in 0..w.count(2, "pairs")? {
            w.bytes("key")?;
            w.bytes("value")?;
        }
    }
    Ok(())
}

/// Parses a file's bytes, refusing anything damaged or foreign. Never panics, and never
/// allocates much more than the input on the word of a length prefix.
pub fn parse(bytes: &[u8]) -> std::result::Result<SnapshotV1, CodecError> {
    let header = MAGIC.len() + 1 + 8 + 8;
    if bytes.len() < header || &bytes[..MAGIC.len()] != MAGIC {
        return Err(CodecError::Payload("not a Sổ chi bộ backup".into()));
    }
    let format = bytes[MAGIC.len()];
    if format != FORMAT && format != FORMAT_SEALED {
        return Err(CodecError::UnknownVersion(format));
    }
    let at = MAGIC.len() + 1;
    let sum = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    let len = u64::from_le_bytes(bytes[at + 8..at + 16].try_into().unwrap_or_default());
    let payload = &bytes[header..];
    if payload.len() as u64 != len || codec::checksum(payload) != sum {
        return Err(CodecError::Payload(
            "checksum mismatch: the file is damaged or truncated".into(),
        ));
    }
    check_lengths(payload)?;
    let (snap, used) = decode_payload(payload)?;
    if used != payload.len() {
        return Err(CodecError::Trailing(payload.len() - used));
    }
    if is_sealed(&snap.trees) != (format == FORMAT_SEALED) {
        return Err(CodecError::Payload(
            "the format byte and the content disagree on sealing".into(),
        ));
    }
    Ok(snap)
}

/// Writes a snapshot as a file at `path` (atomically), checking only its checksum and
/// structure after writing (its records are not decoded); returns its size in bytes.
pub fn write_file(path: &Path, snap: &SnapshotV1) -> Result<u64> {
    let bytes = encode(snap)?;
    super::atomic::write_atomically(path, &bytes, true, |tmp| {
        let back = fs::read(tmp)?;
        parse(&back).map_err(std::io::Error::other)?;
        Ok(())
    })
    .map_err(|e| StoreError::Io(format!("{}: {e}", path.display())))?;
    Ok(bytes.len() as u64)
}
