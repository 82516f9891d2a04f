//! Restoring a backup into a data directory, all or nothing, and putting a damaged
//! database aside. Nothing here ever deletes the user's data: what is replaced is renamed
//! (`sled.before-restore-<time>`, `sled.damaged-<time>`) and stays in the data directory.
//!
//! A restore builds the new database in a sibling folder (`sled.restoring-<time>`),
//! verifies it there (every tree equal to the backup, then opened as a store with every
//! record decoded), renames it `sled.restored-<time>` (complete and checked), and only
//! then swaps folders with two renames. A crash before the swap leaves the current data
//! as it was (and a `sled.restoring-*` or `sled.restored-*` folder, which the next start
//! removes); a crash between the two renames is finished at the
//! next start ([`finish_interrupted`]); nothing is ever half-restored.

use std::fs;
use std::path::{Path, PathBuf};

use super::snapshot::SnapshotV1;
use super::{DB_DIR, META_SCHEMA, MIGRATIONS, STAMP_FILE, Store, StoreError, TREE_META};
use super::{Result, atomic, create_private_dir};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Members now in the store.
    pub members: usize,
    /// Where the data that was there before now is (`None` if there was none).
    pub previous: Option<PathBuf>,
}

impl Store {
    /// Whether the store holds nothing anyone entered: every tree empty except the
    /// schema version. A restore into such a store needs no confirmation.
    pub fn is_blank(&self) -> Result<bool> {
        for name in self.db.tree_names() {
            if name.as_ref() == b"__sled__default" {
                continue;
            }
            let tree = self.db.open_tree(&name)?;
            if name.as_ref() == TREE_META.as_bytes() {
                for key in tree.iter().keys() {
                    if key?.as_ref() != META_SCHEMA {
                        return Ok(false);
                    }
                }
            } else if !tree.is_empty() {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Name stem of the folder a restore builds and checks the new database in.
pub const RESTORING: &str = "sled.restoring";
/// Name stem of that folder once its copy is complete and checked, just before the swap.
pub const RESTORED: &str = "sled.restored";
/// Name stem of the folder the replaced database is kept in.
pub const BEFORE_RESTORE: &str = "sled.before-restore";
/// Name stem of the folder a damaged database is moved to.
pub const DAMAGED: &str = "sled.damaged";

/// Whether the data directory has a database folder (even a damaged one).
pub fn has_database(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(DB_DIR)).is_ok()
}

/// The folders in `dir` whose names start with `stem-` (as [`unused_name`] makes them),
/// oldest first: by the time in the name, then by the `-2`, `-3` … added to a taken name.
pub fn named_folders(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let prefix = format!("{stem}-");
    let mut found: Vec<((String, u32), PathBuf)> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let rest = name.strip_prefix(&prefix)?;
                    // "20261205-153000" or "20261205-153000-2"
                    let (time, n) = match rest.get(15..) {
                        Some(tail) if !tail.is_empty() => (
                            rest[..15].to_string(),
                            tail.trim_start_matches('-').parse().ok()?,
                        ),
                        _ => (rest.to_string(), 1),
                    };
                    Some(((time, n), e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Finishes a restore that a crash stopped in the middle of its swap: the database
/// folder is missing, and a complete, checked copy waits under [`RESTORED`]; it takes
/// the database's name. Returns whether it did. Run before the store opens.
pub fn finish_interrupted(dir: &Path) -> Result<bool> {
    if has_database(dir) {
        return Ok(false);
    }
    let Some(ready) = named_folders(dir, RESTORED).pop() else {
        return Ok(false);
    };
    let live = dir.join(DB_DIR);
    rename_retrying(&ready, &live).map_err(io_err(&live))?;
    atomic::sync_parent(&live);
    Ok(true)
}

/// `dir/<stem>-<local time>`, with `-2`, `-3`, … added if that name is taken.
pub(crate) fn unused_name(dir: &Path, stem: &str) -> PathBuf {
    let base = format!("{stem}-{}", chrono::Local::now().format("%Y%m%d-%H%M%S"));
    let mut candidate = dir.join(&base);
    let mut n = 2;
    while fs::symlink_metadata(&candidate).is_ok() {
        candidate = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// Renames, retrying for up to [`super::LOCK_WAIT`]: on Windows a folder cannot be
/// renamed while a file in it is open, and sled's I/O threads keep its files open for a
/// moment after the store is dropped. On Unix the first try succeeds.
pub(crate) fn rename_retrying(from: &Path, to: &Path) -> std::io::Result<()> {
    let deadline = std::time::Instant::now() + super::LOCK_WAIT;
    loop {
        match fs::rename(from, to) {
            Err(_) if std::time::Instant::now() < deadline && from.exists() && !to.exists() => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            other => return other,
        }
    }
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io(format!("{}: {e}", path.display()))
}

/// Moves a damaged database folder aside as `sled.damaged-<time>` (never deletes it),
/// together with the stamp, so that the next start begins with an empty store and the
/// damaged files stay for inspection. Returns where it went, or `None` if there was no
/// database folder.
pub fn quarantine(dir: &Path) -> Result<Option<PathBuf>> {
    let live = dir.join(DB_DIR);
    if !has_database(dir) {
        return Ok(None);
    }
    let aside = unused_name(dir, DAMAGED);
    rename_retrying(&live, &aside).map_err(io_err(&live))?;
    let stamp = dir.join(STAMP_FILE);
    if stamp.exists() {
        let mut kept = aside.clone().into_os_string();
        kept.push(".stamp");
        fs::rename(&stamp, PathBuf::from(kept)).map_err(io_err(&stamp))?;
    }
    atomic::sync_parent(&live);
    Ok(Some(aside))
}

/// Replaces the data in `dir` by the backup `snap`, all or nothing (see the module
/// documentation). The store must not be open: if another process has it open this
/// fails with [`StoreError::AlreadyOpen`] and changes nothing. The current database
/// folder, if any, is kept as `sled.before-restore-<time>`; callers that want a backup
/// file of it as well (the `restore` command does) write one first.
pub fn restore_snapshot(dir: &Path, snap: &SnapshotV1) -> Result<Restored> {
    restore_snapshot_with(dir, snap, None)
}

/// [`restore_snapshot`] of a snapshot whose values are sealed: `sealer` opens them for
/// the verification (a sealed snapshot without it is refused with [`StoreError::Locked`]).
pub fn restore_snapshot_with(
    dir: &Path,
    snap: &SnapshotV1,
    sealer: Option<&super::seal::Sealer>,
) -> Result<Restored> {
    if super::snapshot::is_sealed(&snap.trees) && sealer.is_none() {
        return Err(StoreError::Locked);
    }
    let supported = MIGRATIONS.len() as u32 + 1;
    if snap.schema_version > supported {
        return Err(StoreError::NewerSchema {
            found: snap.schema_version,
            supported,
        });
    }
    create_private_dir(dir)?;
    let live = dir.join(DB_DIR);
    if has_database(dir) {
        // Respect the lock: opening fails at once if another process holds it. A
        // damaged or unreadable database is not opened by us further: it is moved aside.
        match Store::open_at(dir, &live, false) {
            Ok(s) => drop(s),
            Err(e @ StoreError::AlreadyOpen(_)) => return Err(e),
            Err(_) => {}
        }
    }
    let building = unused_name(dir, RESTORING);
    let built = build_and_verify(dir, &building, snap, sealer);
    let (members, last) = match built {
        Ok(v) => v,
        Err(e) => {
            let _ = fs::remove_dir_all(&building);
            return Err(e);
        }
    };
    // Checked: from now on the copy is named as such, so that a crash in the swap
    // below can be finished at the next start (see [`finish_interrupted`]).
    let staging = unused_name(dir, RESTORED);
    if let Err(e) = rename_retrying(&building, &staging) {
        let _ = fs::remove_dir_all(&building);
        return Err(io_err(&staging)(e));
    }
    atomic::sync_parent(&staging);

    // The stamp describes the old data: remove it first, so that a crash anywhere in
    // the swap leaves no stamp (no check) rather than a wrong one.
    match fs::remove_file(dir.join(STAMP_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            let _ = fs::remove_dir_all(&staging);
            return Err(io_err(&dir.join(STAMP_FILE))(e));
        }
        _ => {}
    }
    let previous = if has_database(dir) {
        let aside = unused_name(dir, BEFORE_RESTORE);
        if let Err(e) = rename_retrying(&live, &aside) {
            let _ = fs::remove_dir_all(&staging);
            return Err(io_err(&live)(e));
        }
        Some(aside)
    } else {
        None
    };
    if let Err(e) = rename_retrying(&staging, &live) {
        if let Some(aside) = &previous {
            let _ = rename_retrying(aside, &live);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(io_err(&live)(e));
    }
    atomic::sync_parent(&live);
    super::write_stamp(dir, last).map_err(io_err(&dir.join(STAMP_FILE)))?;
    Ok(Restored { members, previous })
}

/// Writes `snap` into a new database at `staging`, checks every tree against it, then
/// opens it as a store (running migrations if the backup is older) and decodes every
/// record. Returns the member count and the last history key.
fn build_and_verify(
    dir: &Path,
    staging: &Path,
    snap: &SnapshotV1,
    sealer: Option<&super::seal::Sealer>,
) -> Result<(usize, u64)> {
    {
        let store = Store::open_at(dir, staging, false)?;
        for (name, pairs) in &snap.trees {
            let tree = store.db.open_tree(name)?;
            let mut batch = sled::Batch::default();
            for (k, v) in pairs {
                batch.insert(k.as_slice(), v.as_slice());
            }
            tree.apply_batch(batch)?;
        }
        store.db.flush()?;
        for (name, pairs) in &snap.trees {
            let tree = store.db.open_tree(name)?;
            let found = tree
                .iter()
                .map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            if &found != pairs {
                return Err(StoreError::Io(format!(
                    "{}: tree {name} differs from the backup after writing",
                    staging.display()
                )));
            }
        }
    }
    let store = Store::open_at(dir, staging, false)?;
    if let Some(s) = sealer {
        store.unlock_with(s);
    }
    store.migrate(MIGRATIONS)?;
    let members = store.members()?.len();
    store.branch()?;
    store.check_history()?;
    let last = store.history_last()?;
    store.flush()?;
    Ok((members, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::store::backup::load_backup;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn filled(dir: &Path, seed: u64, n: usize) -> Store {
        let s = Store::open(dir).unwrap();
        let items: Vec<_> = demo::demo_members(seed, n, today())
            .into_iter()
            .map(|m| (None, m))
            .collect();
        s.save_members(&items).unwrap();
        s.save_branch(&demo::demo_branch()).unwrap();
        s
    }

    #[test]
    fn restore_into_an_empty_directory_gives_back_every_tree() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        let file = dir.path().join("b.scb");
        drop(filled(&src, 1, 9));
        // Each reopen moves sled's id counter far ahead (it skips what it may have
        // handed out unsaved), so the source's ids are far above a fresh database's.
        for _ in 0..3 {
            let s = Store::open(&src).unwrap();
            s.save_branch(&demo::demo_branch()).unwrap();
        }
        let before = {
            let s = Store::open(&src).unwrap();
            s.write_backup(&file).unwrap();
            s.snapshot().unwrap()
        };
        let (snap, _) = load_backup(&file).unwrap();
        let target = dir.path().join("new");
        let r = restore_snapshot(&target, &snap).unwrap();
        assert_eq!(r.members, 9);
        assert_eq!(r.previous, None);
        let s = Store::open(&target).unwrap();
        let mut after = s.snapshot().unwrap();
        after.created_at = before.created_at;
        assert_eq!(after, before, "every tree, byte for byte");
        assert_eq!(
            super::super::read_stamp(&target),
            Some(s.history_last().unwrap())
        );
        // sled's id counter starts from 0 in the new database: new records and history
        // entries must still get ids above the restored ones, never overwrite them.
        let last = s.history_last().unwrap();
        let m = demo::demo_members(7, 1, today()).remove(0);
        let id = s.save_member(None, &m).unwrap();
        assert_eq!(s.members().unwrap().len(), 10);
        assert!(s.history_last().unwrap() > last);
        assert_eq!(s.history().unwrap().len(), 14);
        assert_eq!(
            s.history_of(crate::store::TREE_MEMBERS, id).unwrap().len(),
            1
        );
    }

    #[test]
    fn restore_over_data_keeps_the_old_folder_and_a_lower_history_is_not_damage() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("small.scb");
        {
            let s = filled(&dir.path().join("a"), 2, 3);
            s.write_backup(&file).unwrap();
        }
        let data = dir.path().join("data");
        drop(filled(&data, 3, 20));
        let (snap, _) = load_backup(&file).unwrap();
        let r = restore_snapshot(&data, &snap).unwrap();
        let previous = r.previous.unwrap();
        assert!(
            previous
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("sled.before-restore-")
        );
        // The old data is intact in its folder; the restored store opens (its history
        // is shorter than the old stamp said, but the stamp was replaced).
        assert_eq!(Store::open(&data).unwrap().members().unwrap().len(), 3);
        let old = Store::open_at(&data, &previous, false).unwrap();
        assert_eq!(old.members().unwrap().len(), 20);
    }

    #[test]
    fn restore_refuses_while_the_store_is_open_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let s = filled(dir.path(), 4, 5);
        let snap = s.snapshot().unwrap();
        match restore_snapshot(dir.path(), &snap) {
            Err(StoreError::AlreadyOpen(_)) => {}
            other => panic!("expected AlreadyOpen, got {other:?}"),
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.contains("restoring")), "{names:?}");
        assert_eq!(s.members().unwrap().len(), 5);
    }

    #[test]
    fn a_backup_with_a_bad_record_is_not_restored_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        drop(filled(&data, 5, 4));
        let mut snap = Store::open(&data).unwrap().snapshot().unwrap();
        for (name, pairs) in &mut snap.trees {
            if name == "members" {
                pairs[0].1 = vec![1, 0xFF, 0xFF];
            }
        }
        assert!(matches!(
            restore_snapshot(&data, &snap),
            Err(StoreError::Corrupt { .. })
        ));
        assert_eq!(Store::open(&data).unwrap().members().unwrap().len(), 4);
        let left: Vec<_> = fs::read_dir(&data)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            left.iter().all(|n| !n.starts_with("sled.")),
            "no staging or moved folder left: {left:?}"
        );
    }

    #[test]
    fn newer_backups_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let snap = SnapshotV1 {
            created_at: 0,
            schema_version: 99,
            trees: vec![],
        };
        assert!(matches!(
            restore_snapshot(dir.path(), &snap),
            Err(StoreError::NewerSchema { found: 99, .. })
        ));
        assert!(!has_database(dir.path()));
    }

    #[test]
    fn blank_stores_and_quarantine() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = Store::open(dir.path()).unwrap();
            assert!(s.is_blank().unwrap());
            s.save_branch(&demo::demo_branch()).unwrap();
            assert!(!s.is_blank().unwrap());
        }
        let aside = quarantine(dir.path()).unwrap().unwrap();
        assert!(aside.join("db").exists(), "the files are kept");
        assert!(!has_database(dir.path()));
        assert!(!dir.path().join(STAMP_FILE).exists());
        // The next start is an empty store, not an alarm.
        assert!(Store::open(dir.path()).unwrap().is_blank().unwrap());
    }
}
