//! Our own backup file, independent of sled's on-disk format: a [`snapshot`] of every
//! tree in the snapshot file format, written to a temporary file, synced, read back and
//! verified, then renamed into place (see [`super::atomic`]): a file under a backup's
//! name is always a complete, checked one. The automatic backups in `backups/`, the ward
//! bundle, and reading a bundle's register.

use std::fs;
use std::path::{Path, PathBuf};

use super::seal::{KeyringV1, Sealer, reseal_trees};
use super::snapshot;
use super::{Result, Store, StoreError, schema};
use crate::domain::register::Register;

pub use super::snapshot::{KeyValue, MAGIC, SnapshotV1, looks_like_backup, parse as parse_backup};

/// Folder of the automatic backups inside the data directory.
pub const BACKUP_DIR: &str = "backups";
/// Automatic backups kept.
pub const KEEP_BACKUPS: usize = 30;
/// Seconds after which a new automatic backup is made even without changes.
pub const DAILY_SECS: u64 = 24 * 60 * 60;
/// File extension of backup files.
pub const EXTENSION: &str = "scb";
/// What a verified backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// Members in it.
    pub members: usize,
    /// Its size in bytes.
    pub bytes: u64,
    /// When it was made, Unix seconds.
    pub created_at: i64,
    /// The branch's name, if the profile was set up (`None` too when sealed and not
    /// opened with its key).
    pub branch: Option<String>,
    /// Whether its values are sealed (made while encryption was on).
    pub sealed: bool,
}

impl Store {
    /// Writes a verified backup file at `path` (replacing it atomically): the file is
    /// synced, read back and fully verified ([`read_backup`]) before it takes the name.
    pub fn write_backup(&self, path: &Path) -> Result<BackupInfo> {
        write_verified(path, &self.snapshot()?, self.sealer())
    }

    /// Writes a backup file whose checksum is verified after writing but whose records
    /// are not decoded: the safety copy taken before a restore, which must be possible
    /// even when a record is damaged. Returns its size in bytes.
    pub fn write_backup_unchecked(&self, path: &Path) -> Result<u64> {
        snapshot::write_file(path, &self.snapshot()?)
    }

    /// Writes the bundle the ward reads for its roll-up: [`Register::for_ward`] (the
    /// figures without names, contacts, notes or minutes), as a verified backup file of
    /// the current schema marked "figures only", which `restore` refuses. It carries no
    /// change history and is written in the clear, also from encrypted data.
    /// Format 2 ([`super::bundle`]): it also carries the dues and the admission pipeline,
    /// computed today from the full register; format 3 also the candidates' late flags.
    pub fn write_ward_bundle(&self, path: &Path) -> Result<BackupInfo> {
        let full = self.register()?;
        let today = chrono::Local::now().date_naive();
        let f = crate::domain::ward::bundle_figures(&full, today);
        let figures = super::bundle::encode_figures(&f)?;
        let late = super::bundle::encode_late(f.late.as_deref().unwrap_or_default())?;
        let snap = super::register::ward_snapshot(
            &full.for_ward(),
            self.schema_version()?,
            figures,
            late,
        )?;
        write_verified(path, &snap, None)
    }

    /// Makes an automatic backup in `backups/` when `changed` or when the newest one is
    /// older than a day, and keeps the newest [`KEEP_BACKUPS`]. A blank store is not
    /// backed up: after a damaged store was put aside, opening and closing the empty
    /// register day after day would otherwise push the last good backups out. A read-only
    /// store is not backed up either.
    pub fn auto_backup(&self, changed: bool) -> Result<Option<BackupInfo>> {
        // Nothing can be written next to read-only data, and nothing changed there.
        if self.read_only_reason().is_some() || self.is_blank()? {
            return Ok(None);
        }
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
        let info = self.write_backup(&auto_backup_path(&dir, chrono::Local::now()))?;
        existing = list_backups(&dir);
        while existing.len() > KEEP_BACKUPS {
            let _ = fs::remove_file(existing.remove(0));
        }
        Ok(Some(info))
    }
}

/// A name for an automatic backup made at `now` that no backup in `dir` has: to the
/// millisecond, and one millisecond on while the name is taken, so two backups in one
/// second never overwrite each other and the names still sort oldest first (#23.6).
pub fn auto_backup_path(dir: &Path, now: chrono::DateTime<chrono::Local>) -> PathBuf {
    let mut at = now;
    loop {
        let path = dir.join(format!(
            "sochibo-{}.{EXTENSION}",
            at.format("%Y%m%d-%H%M%S-%3f")
        ));
        if !path.exists() {
            return path;
        }
        at += chrono::Duration::milliseconds(1);
    }
}

/// The automatic backups in a folder, oldest first.
pub fn list_backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The newest backup in `dir` (normally the data directory's `backups/`) that passes
/// [`read_backup`]; damaged ones are skipped.
pub fn newest_good_backup(dir: &Path) -> Option<BackupInfo> {
    list_backups(dir)
        .into_iter()
        .rev()
        .find_map(|p| read_backup(&p).ok())
}

/// Writes `snap` as a verified backup file at `path` (replacing it atomically): synced,
/// read back and fully verified (opened with `sealer` when sealed) before it takes the name.
fn write_verified(path: &Path, snap: &SnapshotV1, sealer: Option<&Sealer>) -> Result<BackupInfo> {
    let bytes = snapshot::encode(snap)?;
    let mut info = None;
    super::atomic::write_atomically(path, &bytes, true, |tmp| {
        let checked = load_backup_with(tmp, sealer)
            .map(|(_, i)| i)
            .map_err(std::io::Error::other)?;
        info = Some(checked);
        Ok(())
    })
    .map_err(|e| StoreError::Io(format!("{}: {e}", path.display())))?;
    let mut info = info.ok_or(StoreError::NotFound)?;
    info.path = path.to_path_buf();
    Ok(info)
}

/// Reads and fully verifies a backup file: magic, format, length, checksum, and that
/// every member record (and the branch profile) decodes. A sealed backup is checked only
/// up to its checksum and structure here (see [`load_backup_with`]).
pub fn read_backup(path: &Path) -> Result<BackupInfo> {
    load_backup(path).map(|(_, info)| info)
}

/// Reads, verifies and returns a backup file's content (see [`read_backup`]).
pub fn load_backup(path: &Path) -> Result<(SnapshotV1, BackupInfo)> {
    load_backup_with(path, None)
}

/// Reads a backup file; a sealed one is fully verified only when `sealer` is given
/// (its values opened and decoded with it), else just counted.
pub fn load_backup_with(path: &Path, sealer: Option<&Sealer>) -> Result<(SnapshotV1, BackupInfo)> {
    let bytes = fs::read(path).map_err(|e| StoreError::Io(format!("{}: {e}", path.display())))?;
    let snap = snapshot::parse(&bytes).map_err(|source| StoreError::Corrupt {
        tree: "backup",
        key: 0,
        source,
    })?;
    let sealed = snapshot::is_sealed(&snap.trees);
    let (members, branch) = check_snapshot(&snap, if sealed { sealer } else { None }, sealed)?;
    let info = BackupInfo {
        path: path.to_path_buf(),
        members,
        bytes: bytes.len() as u64,
        created_at: snap.created_at,
        branch,
        sealed,
    };
    Ok((snap, info))
}

/// The whole register of a backup file (the ward roll-up reads each branch's bundle this
/// way). The file is verified, then restored into a temporary store that is removed
/// afterwards, so a bundle is decoded, and an older one migrated, exactly as the branch's
/// own data would be. A sealed file gives its info only: nothing can be read without the
/// branch's passphrase.
pub fn load_register(path: &Path) -> Result<(BackupInfo, Option<Register>)> {
    let (snap, info) = load_backup(path)?;
    load_register_of(info, &snap)
}

/// [`load_register`] of a snapshot already read and verified ([`load_backup`]).
pub(super) fn load_register_of(
    info: BackupInfo,
    snap: &SnapshotV1,
) -> Result<(BackupInfo, Option<Register>)> {
    if info.sealed {
        return Ok((info, None));
    }
    // A bundle of the current schema is decoded directly; an older one is restored into
    // a temporary store, so it is migrated exactly as the branch's own data would be.
    if let Some(reg) = super::register::register_of_snapshot(snap)? {
        return Ok((info, Some(reg)));
    }
    let work = temporary_dir("bundle");
    let read = super::restore::restore_snapshot(&work, snap)
        .and_then(|_| Store::open(&work))
        .and_then(|store| store.register());
    let _ = fs::remove_dir_all(&work);
    Ok((info, Some(read?)))
}

/// A bundle as the ward reads it.
#[derive(Debug, Clone)]
pub struct LoadedBundle {
    /// The file's verified facts.
    pub info: BackupInfo,
    /// The register (`None` when sealed).
    pub register: Option<Register>,
    /// The figures-only bundle format (`None`: a full copy of the branch's data).
    pub figures_only: Option<u8>,
    /// The figures it carries (format 2 and later; the late flags from format 3).
    pub figures: Option<crate::domain::ward::BundleFigures>,
}

fn meta_value<'a>(snap: &'a SnapshotV1, key: &[u8]) -> Option<&'a [u8]> {
    snap.trees
        .iter()
        .find(|(n, _)| n == super::TREE_META)
        .and_then(|(_, pairs)| pairs.iter().find(|(k, _)| k == key))
        .map(|(_, v)| v.as_slice())
}

/// Reads a bundle (or any backup file) for the ward: verified as a backup, its register,
/// its format and figures. A damaged figures record is refused like a damaged member.
pub fn load_bundle(path: &Path) -> Result<LoadedBundle> {
    let (snap, info) = load_backup(path)?;
    let figures_only =
        meta_value(&snap, super::META_FIGURES_ONLY).map(|v| v.first().copied().unwrap_or(1));
    let figures = meta_value(&snap, super::META_WARD_FIGURES)
        .map(|v| {
            super::bundle::decode_figures(v).map_err(|source| StoreError::Corrupt {
                tree: super::TREE_META,
                key: 0,
                source,
            })
        })
        .transpose()?;
    // Format 3: the candidates' late flags, beside the figures.
    let late = meta_value(&snap, super::bundle::META_WARD_LATE)
        .map(|v| {
            super::bundle::decode_late(v).map_err(|source| StoreError::Corrupt {
                tree: super::TREE_META,
                key: 0,
                source,
            })
        })
        .transpose()?;
    let figures = figures.map(|f| crate::domain::ward::BundleFigures { late, ..f });
    let (info, register) = load_register_of(info, &snap)?;
    Ok(LoadedBundle {
        info,
        register,
        figures_only,
        figures,
    })
}

/// A fresh folder name under the system's temporary folder for a short-lived store
/// (`what` names its use), not yet created; the caller removes it.
pub fn temporary_dir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "sochibo-{what}-{}-{}",
        std::process::id(),
        TEMP_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    dir
}

/// Numbers the temporary stores of [`temporary_dir`] within this process.
static TEMP_SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Checks that every member record and the branch profile of a snapshot decode (opened
/// with `sealer` when sealed; a sealed one without it is only counted). Returns the
/// member count and the branch's name.
pub fn check_snapshot(
    snap: &SnapshotV1,
    sealer: Option<&Sealer>,
    sealed: bool,
) -> Result<(usize, Option<String>)> {
    let corrupt = |key, source| StoreError::Corrupt {
        tree: "backup",
        key,
        source,
    };
    let mut members = 0;
    let mut branch = None;
    for (name, pairs) in &snap.trees {
        if sealed && sealer.is_none() {
            if name == super::TREE_MEMBERS {
                members = pairs.len();
            }
            continue;
        }
        let open = |k: &[u8], v: &[u8]| -> Result<Vec<u8>> {
            match sealer {
                Some(s) => s.open(name, k, v).map_err(|e| corrupt(0, e)),
                None => Ok(v.to_vec()),
            }
        };
        if name == super::TREE_MEMBERS {
            for (k, v) in pairs {
                let key = <[u8; 8]>::try_from(k.as_slice()).map_or(0, u64::from_be_bytes);
                let v = open(k, v)?;
                schema::decode_member(&v).map_err(|source| StoreError::Corrupt {
                    tree: "backup",
                    key,
                    source,
                })?;
                members += 1;
            }
        } else if name == super::TREE_META
            && let Some((k, v)) = pairs.iter().find(|(k, _)| k == super::META_BRANCH)
        {
            let b = schema::decode_branch(&open(k, v)?).map_err(|source| corrupt(0, source))?;
            branch = Some(b.name);
        }
    }
    Ok((members, branch))
}

/// Rewrites the backup files in `dir` (the automatic backups) sealed with `sealer` and
/// `keyring`: each readable unsealed one is replaced atomically by its sealed copy.
/// Returns how many were sealed and the files that could not be read (left as they are).
pub fn seal_backups_in(
    dir: &Path,
    sealer: &Sealer,
    keyring: &KeyringV1,
) -> (usize, Vec<std::path::PathBuf>) {
    let mut sealed = 0;
    let mut skipped = Vec::new();
    for path in list_backups(dir) {
        let done = std::fs::read(&path)
            .ok()
            .and_then(|b| snapshot::parse(&b).ok())
            .map(|snap| {
                if snapshot::is_sealed(&snap.trees) {
                    return Ok(false);
                }
                let trees = reseal_trees(&snap.trees, None, Some(sealer), Some(keyring))?;
                let snap = SnapshotV1 { trees, ..snap };
                snapshot::write_file(&path, &snap).map(|_| true)
            });
        match done {
            Some(Ok(true)) => sealed += 1,
            Some(Ok(false)) => {}
            _ => skipped.push(path),
        }
    }
    (sealed, skipped)
}

/// The default backup file name: `sochibo-<branch>-YYYYMMDD-HHMMSS.scb`.
pub fn default_name(branch: Option<&str>, now: chrono::DateTime<chrono::Local>) -> String {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let slug = branch.map(slug).unwrap_or_default();
    if slug.is_empty() {
        format!("sochibo-{stamp}.{}", EXTENSION)
    } else {
        format!("sochibo-{slug}-{stamp}.{}", EXTENSION)
    }
}

/// A branch name as a file-name part: "Chi bộ Tổ dân phố 5" → "chi-bo-to-dan-pho-5".
fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in crate::domain::text::fold(name).chars() {
        if ch.is_ascii_alphanumeric() {
            if out.len() >= 40 {
                break;
            }
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    #[test]
    fn default_names_carry_the_branch_without_accents() {
        let now = chrono::Local::now();
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        assert_eq!(
            default_name(Some("Chi bộ Tổ dân phố số 5 / Đông Hải"), now),
            format!("sochibo-chi-bo-to-dan-pho-so-5-dong-hai-{stamp}.scb")
        );
        assert_eq!(default_name(None, now), format!("sochibo-{stamp}.scb"));
        assert_eq!(
            default_name(Some("../..\u{1b}[2J"), now),
            format!("sochibo-2j-{stamp}.scb"),
            "no path separators or escapes get into the name"
        );
    }

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

    /// Header + checksum around an arbitrary payload, as a crafted file would have.
    fn wrap(payload: &[u8]) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.push(snapshot::FORMAT);
        b.extend_from_slice(&crate::store::codec::checksum(payload).to_le_bytes());
        b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        b.extend_from_slice(payload);
        b
    }

    #[test]
    fn backups_of_more_than_a_mebibyte_of_records_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        for (i, mut m) in demo::demo_members(1, 3, today).into_iter().enumerate() {
            m.notes = format!("{i}").repeat(600_000);
            s.save_member(None, &m).unwrap();
        }
        let info = s.write_backup(&dir.path().join("big.scb")).unwrap();
        assert_eq!(info.members, 3);
        assert!(info.bytes > 1_800_000, "{}", info.bytes);
    }

    #[test]
    fn a_crafted_length_prefix_is_refused_without_allocating_it() {
        // created_at 0, schema 1, one tree whose name claims 2^60 bytes (varint 0xFD +
        // u64). Decoding without a limit asks for that much memory and aborts.
        let mut payload = vec![0, 1, 1, 0xFD];
        payload.extend_from_slice(&(1u64 << 60).to_le_bytes());
        payload.extend_from_slice(b"members");
        assert!(parse_backup(&wrap(&payload)).is_err());
        // A tree claiming 2^60 pairs: refused when the bytes run out.
        let mut payload = vec![0, 1, 1, 7];
        payload.extend_from_slice(b"members");
        payload.push(0xFD);
        payload.extend_from_slice(&(1u64 << 60).to_le_bytes());
        assert!(parse_backup(&wrap(&payload)).is_err());
    }

    #[test]
    fn written_backups_name_their_branch_and_time_and_leave_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("data")).unwrap();
        s.save_branch(&demo::demo_branch()).unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        let info = s.write_backup(&out.join("b.scb")).unwrap();
        assert_eq!(info.branch, Some(demo::demo_branch().name));
        assert!(info.created_at > 1_700_000_000);
        assert_eq!(read_backup(&out.join("b.scb")).unwrap(), info);
        let names: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.scb"]);
        // A newer but damaged file is skipped when looking for the newest good one.
        fs::write(out.join("z.scb"), b"SCBBACK\x01 truncated").unwrap();
        assert_eq!(
            newest_good_backup(&out).map(|i| i.path),
            Some(out.join("b.scb"))
        );
    }

    #[test]
    fn two_automatic_backups_in_one_second_keep_both_newest_last() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        s.save_branch(&demo::demo_branch()).unwrap();
        let bdir = dir.path().join(BACKUP_DIR);
        // The same instant twice: the second name moves on instead of overwriting.
        let now = chrono::Local::now();
        fs::create_dir_all(&bdir).unwrap();
        let first = auto_backup_path(&bdir, now);
        fs::write(&first, b"first").unwrap();
        let second = auto_backup_path(&bdir, now);
        assert_ne!(first, second);
        fs::write(&second, b"second").unwrap();
        let listed = list_backups(&bdir);
        assert_eq!(listed, vec![first.clone(), second.clone()], "oldest first");
        // Two real backups in a row, within a second, are two files.
        fs::remove_file(&first).unwrap();
        fs::remove_file(&second).unwrap();
        assert!(s.auto_backup(true).unwrap().is_some());
        assert!(s.auto_backup(true).unwrap().is_some());
        assert_eq!(list_backups(&bdir).len(), 2);
    }

    #[test]
    fn auto_backup_only_after_changes_or_a_day_and_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        assert!(s.auto_backup(true).unwrap().is_none(), "nothing to back up");
        s.save_branch(&demo::demo_branch()).unwrap();
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

    #[test]
    fn a_snapshot_decodes_to_the_same_register_as_the_store_and_an_older_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("data")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        crate::cli::write_demo(&store, today).unwrap();
        let file = dir.path().join("b.scb");
        store.write_backup(&file).unwrap();
        let (mut snap, _) = load_backup(&file).unwrap();
        let direct = super::super::register::register_of_snapshot(&snap)
            .unwrap()
            .expect("current schema");
        let mine = store.register().unwrap();
        assert_eq!(direct, mine);
        assert!(!mine.meetings.is_empty() && !mine.reviews.is_empty() && !mine.dues.is_empty());
        // Through the file, the same register (decoded directly here).
        let (_, read) = load_register(&file).unwrap();
        assert_eq!(read.unwrap(), mine);
        // An older schema is not decoded directly: it must be migrated by a restore.
        snap.schema_version -= 1;
        assert!(
            super::super::register::register_of_snapshot(&snap)
                .unwrap()
                .is_none()
        );
    }
}
