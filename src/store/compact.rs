//! Compaction: sled 0.34 never gives back the space of values it rewrote (measured: a
//! year of edits left the large branch's database at 7× its content), and its own
//! cleaning options are no-ops in 0.34.7. When the database folder has grown past
//! [`RATIO`] times what it holds, the store copies its content byte for byte into a
//! fresh database beside it, checks the copy, and swaps the folders.
//!
//! Crash safety: the live folder is never changed. The copy is built in [`STAGING`] and
//! checked (every tree equal to what was read, the history ending at the same entry);
//! only then is [`READY`] written and synced, and the folders are swapped by two
//! renames (live → [`ASIDE`], copy → live). [`recover`], run before every open, finishes
//! or undoes a swap that a crash interrupted: with [`READY`] present, the checked copy
//! takes the live name if the live folder is missing, and is dropped if the live folder
//! is still the original; without it, an unfinished copy is dropped. The old folder is
//! removed only after the new one has its name.
//!
//! The same copy converts the history's old v1 entries (whole values before and after)
//! to the compact v2 format (issue 23.4): each converted entry is checked to say the
//! same as before (see [`Store::convertible_v1`]), and the copy must hold exactly those
//! bytes, every entry readable, before the swap. Run again, it finds nothing to convert.
//!
//! When it runs (issue 23.5): on a clean close ([`Store::close`], what the interactive
//! session does when it ends), so that the next start does not pay for it. A store that
//! was not closed cleanly (killed, or dropped while due for compaction, as one-off
//! commands leave it) still has its [`SESSION`] file at the next open, which then checks
//! and compacts as before. v1 history entries are converted at the first open that can read them, or at
//! the close of an unlocked encrypted store.

use std::fs;
use std::path::Path;

use super::META_COMPACTION_CHECKED as META_CHECKED;
use super::restore::rename_retrying;
use super::{DB_DIR, Result, Store, StoreError, TREE_HISTORY, atomic};

/// Compaction starts when the database folder is more than this many times the bytes
/// of its keys and values.
pub const RATIO: u64 = 4;
/// …and at least this large (sled's fixed overhead dominates small stores).
pub const MIN_BYTES: u64 = 4 << 20;
/// Folder where the compacted copy is built.
pub const STAGING: &str = "sled.compacting";
/// Folder the old database is moved to during the swap.
pub const ASIDE: &str = "sled.before-compaction";
/// File marking the copy in [`STAGING`] as complete and checked.
pub const READY: &str = "sled.compacting.ready";
/// File in the data directory while a store is open for writing: written by every open,
/// removed by a clean close ([`Store::close`], or a drop when no compaction is due).
/// Found at an open, it says the last session was killed or left a compaction to do,
/// so that open checks for compaction itself.
pub const SESSION: &str = "store.session";

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io(format!("{}: {e}", path.display()))
}

fn remove_dir_if_there(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_err(path)(e)),
        _ => Ok(()),
    }
}

/// Bytes of every file under `dir` (apparent sizes).
pub fn folder_bytes(dir: &Path) -> u64 {
    fs::read_dir(dir).map_or(0, |rd| {
        rd.flatten()
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => folder_bytes(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    })
}

/// Whether a folder of `disk` bytes holding `content` bytes should be compacted.
pub fn worth_compacting(disk: u64, content: u64) -> bool {
    disk >= MIN_BYTES && disk > content.saturating_mul(RATIO)
}

/// Whether the last session in data directory `dir` ended without a clean close.
pub(crate) fn unclean(dir: &Path) -> bool {
    dir.join(SESSION).exists()
}

/// Marks a session as begun in `dir` (best effort: without the file, the next open
/// only skips its compaction check).
pub(crate) fn begin_session(dir: &Path) {
    let _ = fs::write(dir.join(SESSION), b"open\n");
}

/// Marks the session in `dir` as closed cleanly.
pub(crate) fn end_session(dir: &Path) {
    let path = dir.join(SESSION);
    if fs::remove_file(&path).is_ok() {
        atomic::sync_parent(&path);
    }
}

/// What [`Store::close`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Closed {
    /// Whether the database was copied into a fresh one (compacted).
    pub compacted: bool,
    /// How many v1 history entries were converted to v2 by that copy.
    pub converted: u64,
}

/// Finishes or undoes a compaction a crash interrupted in data directory `dir` (see the
/// module documentation). Does nothing when none was under way.
pub(crate) fn recover(dir: &Path) -> Result<()> {
    let (live, staging) = (dir.join(DB_DIR), dir.join(STAGING));
    let (aside, ready) = (dir.join(ASIDE), dir.join(READY));
    if !ready.exists() {
        // Stopped before the copy was checked: the live folder is the original.
        return remove_dir_if_there(&staging);
    }
    if !live.exists() {
        let from = if staging.exists() { &staging } else { &aside };
        rename_retrying(from, &live).map_err(io_err(&live))?;
        atomic::sync_parent(&live);
    }
    remove_dir_if_there(&staging)?;
    remove_dir_if_there(&aside)?;
    fs::remove_file(&ready).map_err(io_err(&ready))?;
    atomic::sync_parent(&live);
    Ok(())
}

impl Store {
    /// Whether this store's folder has grown past [`RATIO`] times its content. Cheap
    /// unless the folder has doubled since it was last measured.
    pub(crate) fn needs_compaction(&self) -> Result<bool> {
        let disk = folder_bytes(&self.dir.join(DB_DIR));
        let checked = self
            .meta
            .get(META_CHECKED)?
            .and_then(|v| <[u8; 8]>::try_from(v.as_ref()).ok())
            .map_or(0, u64::from_be_bytes);
        if disk < MIN_BYTES || disk < checked.saturating_mul(2) {
            return Ok(false);
        }
        let mut content = 0u64;
        for name in self.db.tree_names() {
            for kv in self.db.open_tree(&name)?.iter() {
                let (k, v) = kv?;
                content += (k.len() + v.len()) as u64;
            }
        }
        let worth = worth_compacting(disk, content);
        if !worth {
            self.remember_size()?;
        }
        Ok(worth)
    }

    /// [`Store::needs_compaction`] for the tests of the close (errors count as no).
    #[doc(hidden)]
    pub fn needs_compaction_for_tests(&self) -> bool {
        self.needs_compaction().unwrap_or(false)
    }

    /// Records the folder's current size as measured (see [`Store::needs_compaction`]).
    pub(crate) fn remember_size(&self) -> Result<()> {
        let disk = folder_bytes(&self.dir.join(DB_DIR));
        self.meta.insert(META_CHECKED, &disk.to_be_bytes())?;
        self.flush()
    }

    /// Whether compacting now is worth it: the folder is over its threshold, or v1
    /// history entries can be converted.
    pub(crate) fn compaction_due(&self, check_size: bool) -> bool {
        (check_size && self.needs_compaction().unwrap_or(false))
            || self.starts_with_v1().unwrap_or(false)
                && self.convertible_v1().is_ok_and(|v| !v.is_empty())
    }

    /// Closes the store cleanly (what the interactive session does when it ends): if the
    /// folder is over its threshold or v1 history entries can be converted, compacts it
    /// now, so that the next start does not; then marks the session closed. A
    /// compaction that fails leaves the database as it was (and is not tried again
    /// until the folder has doubled). A read-only or staging store is just dropped.
    pub fn close(self) -> Result<Closed> {
        if self.read_only.is_some() || !self.stamps {
            return Ok(Closed::default());
        }
        let dir = self.dir.clone();
        self.flush()?;
        let mut closed = Closed::default();
        if self.compaction_due(true) {
            let result = self.compact();
            // Measured now, so that the next open does not measure it again.
            let reopened = Store::open_at(&dir, &dir.join(DB_DIR), true);
            if let Ok(s) = &reopened {
                let _ = s.remember_size();
            }
            drop(reopened);
            end_session(&dir);
            closed = Closed {
                compacted: true,
                converted: result?,
            };
        } else {
            drop(self);
            end_session(&dir);
        }
        Ok(closed)
    }

    /// Compacts the database: copies every tree into a fresh database, with the v1
    /// history entries that can be converted rewritten as v2, checks the copy and swaps
    /// it in (see the module documentation). Consumes the store: the caller opens the
    /// data directory again. On an error the live database is untouched. Returns how
    /// many history entries were converted.
    pub(crate) fn compact(self) -> Result<u64> {
        let dir = self.dir.clone();
        let (live, staging) = (dir.join(DB_DIR), dir.join(STAGING));
        let (aside, ready) = (dir.join(ASIDE), dir.join(READY));
        remove_dir_if_there(&staging)?;
        let plan = self.plan_copy()?;
        self.flush()?;
        drop(self);
        if let Err(e) = build_copy(&dir, &staging, &plan) {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
        atomic::write_atomically(&ready, b"checked\n", true, |_| Ok(())).map_err(io_err(&ready))?;
        rename_retrying(&live, &aside).map_err(io_err(&live))?;
        atomic::sync_parent(&live);
        rename_retrying(&staging, &live).map_err(io_err(&live))?;
        atomic::sync_parent(&live);
        remove_dir_if_there(&aside)?;
        fs::remove_file(&ready).map_err(io_err(&ready))?;
        atomic::sync_parent(&live);
        Ok(plan.converted)
    }

    /// What the compacted copy holds and is checked against: every tree as stored, with
    /// the convertible v1 history entries replaced by their v2 form.
    fn plan_copy(&self) -> Result<Plan> {
        let mut snap = self.snapshot()?;
        let last = self.history_last()?;
        let converted = self.convertible_v1()?;
        if let Some((_, pairs)) = snap.trees.iter_mut().find(|(n, _)| n == TREE_HISTORY) {
            let mut by_key: std::collections::HashMap<[u8; 8], &Vec<u8>> = converted
                .iter()
                .map(|(pos, v)| (pos.to_be_bytes(), v))
                .collect();
            for (k, v) in pairs.iter_mut() {
                if let Some(new) = <[u8; 8]>::try_from(k.as_slice())
                    .ok()
                    .and_then(|k| by_key.remove(&k))
                {
                    *v = new.clone();
                }
            }
        }
        Ok(Plan {
            snap,
            last,
            sealer: self.sealer().cloned(),
            converted: converted.len() as u64,
        })
    }
}

/// A compacted copy to build: its trees and what it is checked against besides them.
struct Plan {
    /// Every tree, as the copy must hold it.
    snap: super::snapshot::SnapshotV1,
    /// The last history position.
    last: u64,
    /// The key of a sealed store (to read its converted history back).
    sealer: Option<super::seal::Sealer>,
    /// How many history entries were converted.
    converted: u64,
}

/// Writes the planned copy into a new database at `staging` and checks it: every tree
/// equal to the plan (each converted entry was checked to say what its v1 entry said,
/// see [`Store::convertible_v1`]), the history ending at the same entry and, when
/// entries were converted, every entry readable.
fn build_copy(dir: &Path, staging: &Path, plan: &Plan) -> Result<()> {
    {
        let store = Store::open_at(dir, staging, false)?;
        for (name, pairs) in &plan.snap.trees {
            let mut batch = sled::Batch::default();
            for (k, v) in pairs {
                batch.insert(k.as_slice(), v.as_slice());
            }
            store.db.open_tree(name)?.apply_batch(batch)?;
        }
        store.db.flush()?;
    }
    let store = Store::open_at(dir, staging, false)?;
    for (name, pairs) in &plan.snap.trees {
        let found = store
            .db
            .open_tree(name)?
            .iter()
            .map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        if &found != pairs {
            return Err(StoreError::Io(format!(
                "{}: tree {name} differs after copying",
                staging.display()
            )));
        }
    }
    if store.history_last()? != plan.last {
        return Err(StoreError::Io(format!(
            "{}: the history differs after copying",
            staging.display()
        )));
    }
    if plan.converted > 0 {
        // Every entry, converted ones included, opens and decodes in the copy.
        if let Some(s) = &plan.sealer {
            store.unlock_with(s);
        }
        store.check_history()?;
    }
    store.db.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    /// A store whose members were each saved `rounds` times.
    fn bloated(dir: &Path, rounds: usize) -> Store {
        let s = Store::open(dir).unwrap();
        let mut ms = demo::demo_members(8, 30, today());
        let items: Vec<_> = ms.iter().map(|m| (None, m.clone())).collect();
        let ids = s.save_members(&items).unwrap();
        for r in 0..rounds {
            for (id, m) in ids.iter().zip(&mut ms) {
                m.notes = format!("{r} ").repeat(200);
                s.save_member(Some(*id), m).unwrap();
            }
        }
        s
    }

    #[test]
    fn compaction_keeps_every_byte_and_gives_the_space_back() {
        let dir = tempfile::tempdir().unwrap();
        let s = bloated(dir.path(), 20);
        let mut before = s.snapshot().unwrap();
        let history = s.history().unwrap();
        let disk = folder_bytes(&dir.path().join(DB_DIR));
        s.compact().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut after = s.snapshot().unwrap();
        after.created_at = before.created_at;
        before.trees.retain(|(n, _)| n != "__sled__default");
        assert_eq!(after, before, "every tree, byte for byte");
        assert_eq!(s.history().unwrap(), history);
        let now = folder_bytes(&dir.path().join(DB_DIR));
        assert!(now < disk / 4 * 3, "{disk} → {now} bytes");
        for leftover in [STAGING, ASIDE, READY] {
            assert!(!dir.path().join(leftover).exists(), "{leftover}");
        }
        // Saves go on above the copied ids and history.
        let last = s.history_last().unwrap();
        let id = s
            .save_member(None, &demo::demo_members(9, 1, today())[0])
            .unwrap();
        assert_eq!(s.members().unwrap().len(), 31);
        assert!(s.history_last().unwrap() > last);
        assert_eq!(
            s.history_of(super::super::TREE_MEMBERS, id).unwrap().len(),
            1
        );
    }

    #[test]
    fn only_big_and_mostly_empty_folders_are_compacted() {
        assert!(!worth_compacting(MIN_BYTES - 1, 1));
        assert!(!worth_compacting(MIN_BYTES * 4, MIN_BYTES));
        assert!(worth_compacting(MIN_BYTES * 4 + 1, MIN_BYTES));
        let dir = tempfile::tempdir().unwrap();
        let s = bloated(dir.path(), 1);
        assert!(
            !s.needs_compaction().unwrap(),
            "a small store is left alone"
        );
    }

    #[test]
    fn an_encrypted_store_converts_its_v1_history_at_a_close_once_unlocked() {
        use crate::store::seal::{KeyringV1, reseal_trees};
        use crate::store::snapshot::SnapshotV1;
        let dir = tempfile::tempdir().unwrap();
        let s = bloated(dir.path(), 2);
        let history = s.history().unwrap();
        s.rewrite_history_as_v1_for_tests().unwrap();
        let snap = s.snapshot().unwrap();
        drop(s);
        // `sochibo encrypt` after an older build: every value sealed, v1 entries too.
        let (keyring, sealer, _) = KeyringV1::create("mật khẩu dài").unwrap();
        let trees = reseal_trees(&snap.trees, None, Some(&sealer), Some(&keyring)).unwrap();
        let sealed = SnapshotV1 { trees, ..snap };
        crate::store::restore::restore_snapshot_with(dir.path(), &sealed, Some(&sealer)).unwrap();
        // Locked, the open cannot read the history: nothing is converted.
        let s = Store::open(dir.path()).unwrap();
        s.unlock("mật khẩu dài").unwrap();
        let n = history.len() as u64;
        assert_eq!(s.history_formats().unwrap(), (n, 0));
        // Unlocked (as in the session), the clean close converts them.
        assert_eq!(s.close().unwrap().converted, n);
        let s = Store::open(dir.path()).unwrap();
        s.unlock("mật khẩu dài").unwrap();
        assert_eq!(s.history_formats().unwrap(), (0, n));
        assert_eq!(s.history().unwrap(), history);
        // Still sealed: no entry in the clear.
        for kv in s.history.iter() {
            assert_eq!(kv.unwrap().1[0], crate::store::seal::SEALED);
        }
    }

    /// Sets up the folders a crash during compaction can leave, then opens.
    fn crashed(
        ready: bool,
        live: bool,
        staging: bool,
        v1: bool,
    ) -> (
        tempfile::TempDir,
        Vec<Vec<u8>>,
        Vec<crate::store::history::Change>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let s = bloated(dir.path(), 2);
        let history = s.history().unwrap();
        if v1 {
            s.rewrite_history_as_v1_for_tests().unwrap();
            assert_eq!(s.history().unwrap(), history);
        }
        let plan = s.plan_copy().unwrap();
        assert_eq!(plan.converted > 0, v1);
        let member_keys: Vec<Vec<u8>> = s
            .members
            .iter()
            .keys()
            .map(|k| k.unwrap().to_vec())
            .collect();
        drop(s);
        let d = dir.path();
        if staging {
            build_copy(d, &d.join(STAGING), &plan).unwrap();
        }
        if ready {
            fs::write(d.join(READY), b"checked\n").unwrap();
        }
        if !live {
            fs::rename(d.join(DB_DIR), d.join(ASIDE)).unwrap();
        }
        (dir, member_keys, history)
    }

    #[test]
    fn a_compaction_cut_short_is_finished_or_undone_at_the_next_open() {
        // (ready, live folder present, copy present): every state the steps can leave.
        for (ready, live, staging) in [
            (false, true, true),  // copy unfinished: dropped
            (true, true, true),   // checked, not swapped: dropped, the original stays
            (true, false, true),  // live moved aside: the copy takes its name
            (true, false, false), // impossible, but the old folder is not lost either
            (true, true, false),  // swapped, the old folder not yet removed
        ] {
            for v1 in [false, true] {
                let (dir, keys, history) = crashed(ready, live, staging, v1);
                let s = Store::open(dir.path()).unwrap();
                let found: Vec<Vec<u8>> = s
                    .members
                    .iter()
                    .keys()
                    .map(|k| k.unwrap().to_vec())
                    .collect();
                assert_eq!(found, keys, "{ready} {live} {staging} {v1}");
                // Converted or not yet, the history says the same; after this open
                // every entry is v2 (the open converts what the crash left as v1).
                assert_eq!(s.history().unwrap(), history, "{ready} {live} {staging}");
                assert_eq!(
                    s.history_formats().unwrap().0,
                    0,
                    "{ready} {live} {staging}"
                );
                for leftover in [STAGING, ASIDE, READY] {
                    assert!(
                        !dir.path().join(leftover).exists(),
                        "{leftover}: {ready} {live} {staging} {v1}"
                    );
                }
            }
        }
    }
}
