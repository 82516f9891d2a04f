//! Our own backup file, independent of sled's on-disk format: a raw copy of every tree
//! (values stay in their versioned encoding), with a magic header and a checksum, written
//! to a temporary file, synced, renamed into place, then read back and verified.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::codec::{self, CodecError};
use super::{Result, Store, StoreError, schema};

/// First bytes of every backup file.
pub const MAGIC: &[u8; 8] = b"SCBBACK\x01";
/// Folder of the automatic backups inside the data directory.
pub const BACKUP_DIR: &str = "backups";
/// Automatic backups kept.
pub const KEEP_BACKUPS: usize = 30;
/// Seconds after which a new automatic backup is made even without changes.
pub const DAILY_SECS: u64 = 24 * 60 * 60;
const FORMAT: u8 = 1;

/// The content of a backup file, format 1. FROZEN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotV1 {
    /// When it was made, Unix seconds.
    pub created_at: i64,
    /// The store's schema version.
    pub schema_version: u32,
    /// Every tree: name, then its key/value pairs in key order.
    pub trees: Vec<(String, Vec<(Vec<u8>, Vec<u8>)>)>,
}

/// What a verified backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// Members in it.
    pub members: usize,
    /// Its size in bytes.
    pub bytes: u64,
}

impl Store {
    fn snapshot(&self) -> Result<SnapshotV1> {
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
        Ok(SnapshotV1 {
            created_at: chrono::Utc::now().timestamp(),
            schema_version: self.schema_version()?,
            trees,
        })
    }

    /// Writes a verified backup file at `path` (replacing it atomically).
    pub fn write_backup(&self, path: &Path) -> Result<BackupInfo> {
        let snap = self.snapshot()?;
        let payload = bincode::serde::encode_to_vec(&snap, bincode::config::standard())
            .map_err(|e| StoreError::Encode(CodecError::Encode(e.to_string())))?;
        let mut bytes = Vec::with_capacity(payload.len() + 25);
        bytes.extend_from_slice(MAGIC);
        bytes.push(FORMAT);
        bytes.extend_from_slice(&codec::checksum(&payload).to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let io = |e: std::io::Error| StoreError::Io(format!("{}: {e}", path.display()));
        let tmp = path.with_extension("tmp");
        {
            let mut f = File::create(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        fs::rename(&tmp, path).map_err(io)?;
        #[cfg(unix)]
        if let Some(parent) = path.parent() {
            File::open(parent).and_then(|d| d.sync_all()).map_err(io)?;
        }
        let members = read_backup(path)?.members;
        Ok(BackupInfo {
            path: path.to_path_buf(),
            members,
            bytes: bytes.len() as u64,
        })
    }

    /// Makes an automatic backup in `backups/` when `changed` or when the newest one is
    /// older than a day, and keeps the newest [`KEEP_BACKUPS`].
    pub fn auto_backup(&self, changed: bool) -> Result<Option<BackupInfo>> {
        let dir = self.dir.join(BACKUP_DIR);
        super::create_private_dir(&dir)?;
        let mut existing = list_backups(&dir);
        let stale = existing
            .last()
            .and_then(|p| p.metadata().ok()?.modified().ok()?.elapsed().ok())
            .is_none_or(|age| age.as_secs() >= DAILY_SECS);
        if !changed && !stale {
            return Ok(None);
        }
        let name = format!(
            "sochibo-{}.scb",
            chrono::Local::now().format("%Y%m%d-%H%M%S")
        );
        let info = self.write_backup(&dir.join(name))?;
        existing = list_backups(&dir);
        while existing.len() > KEEP_BACKUPS {
            let _ = fs::remove_file(existing.remove(0));
        }
        Ok(Some(info))
    }
}

/// The automatic backups in a folder, oldest first.
pub fn list_backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "scb"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Reads and fully verifies a backup file: magic, format, length, checksum, and that
/// every member record decodes.
pub fn read_backup(path: &Path) -> Result<BackupInfo> {
    let bytes = fs::read(path).map_err(|e| StoreError::Io(format!("{}: {e}", path.display())))?;
    let snap = parse_backup(&bytes).map_err(|source| StoreError::Corrupt {
        tree: "backup",
        key: 0,
        source,
    })?;
    let mut members = 0;
    for (name, pairs) in &snap.trees {
        if name == "members" {
            for (k, v) in pairs {
                let key = <[u8; 8]>::try_from(k.as_slice()).map_or(0, u64::from_be_bytes);
                schema::decode_member(v).map_err(|source| StoreError::Corrupt {
                    tree: "backup",
                    key,
                    source,
                })?;
                members += 1;
            }
        }
    }
    Ok(BackupInfo {
        path: path.to_path_buf(),
        members,
        bytes: bytes.len() as u64,
    })
}

/// Parses backup bytes, refusing anything damaged or foreign.
pub fn parse_backup(bytes: &[u8]) -> std::result::Result<SnapshotV1, CodecError> {
    let header = MAGIC.len() + 1 + 8 + 8;
    if bytes.len() < header || &bytes[..MAGIC.len()] != MAGIC {
        return Err(CodecError::Payload("not a Sổ chi bộ backup".into()));
    }
    let format = bytes[MAGIC.len()];
    if format != FORMAT {
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
    let (snap, used) =
        bincode::serde::decode_from_slice::<SnapshotV1, _>(payload, bincode::config::standard())
            .map_err(|e| CodecError::Payload(e.to_string()))?;
    if used != payload.len() {
        return Err(CodecError::Trailing(payload.len() - used));
    }
    Ok(snap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    #[test]
    fn backup_round_trips_and_refuses_damage() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("data")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let items: Vec<_> = demo::demo_members(3, 12, today)
            .into_iter()
            .map(|m| (None, m))
            .collect();
        s.save_members(&items).unwrap();
        let path = dir.path().join("b.scb");
        let info = s.write_backup(&path).unwrap();
        assert_eq!(info.members, 12);
        let snap = parse_backup(&fs::read(&path).unwrap()).unwrap();
        assert!(
            snap.trees
                .iter()
                .any(|(n, p)| n == "members" && p.len() == 12)
        );
        // A flipped byte or a truncation is refused by name.
        let mut bytes = fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(parse_backup(&bytes).is_err());
        assert!(parse_backup(&bytes[..bytes.len() / 2]).is_err());
        assert!(parse_backup(b"PK\x03\x04 a zip file").is_err());
    }

    #[test]
    fn auto_backup_only_after_changes_or_a_day_and_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        assert!(
            s.auto_backup(false).unwrap().is_some(),
            "the first one is made"
        );
        assert!(
            s.auto_backup(false).unwrap().is_none(),
            "no change, same day: none"
        );
        let bdir = dir.path().join(BACKUP_DIR);
        for i in 0..(KEEP_BACKUPS + 3) {
            fs::write(bdir.join(format!("sochibo-2000{i:04}.scb")), b"old").unwrap();
        }
        assert!(s.auto_backup(true).unwrap().is_some());
        assert_eq!(list_backups(&bdir).len(), KEEP_BACKUPS);
        assert!(
            list_backups(&bdir)
                .last()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sochibo-20")
        );
    }
}
