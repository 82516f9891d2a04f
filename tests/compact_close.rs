//! Compaction on a clean close (issue 23.5): the interactive session closes its store
//! with `Store::close`, which compacts a folder grown past its threshold there, so the
//! next start does not; a store that was not closed cleanly (killed, or only dropped)
//! is still checked and compacted at its next open.

use std::path::Path;

use sochibo::domain::demo;
use sochibo::store::compact::{self, SESSION, folder_bytes};
use sochibo::store::{DB_DIR, Store};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// A heavy session: 30 members with long notes, each saved `rounds` more times with a
/// new phone number (sled keeps every rewritten value). The store is left open.
fn heavy_session(dir: &Path, rounds: usize) -> Store {
    let s = Store::open(dir).unwrap();
    let mut ms = demo::demo_members(8, 30, today());
    for m in &mut ms {
        m.notes = "Ghi chú về đảng viên. ".repeat(150);
    }
    let items: Vec<_> = ms.iter().map(|m| (None, m.clone())).collect();
    let ids = s.save_members(&items).unwrap();
    for r in 0..rounds {
        for (id, m) in ids.iter().zip(&mut ms) {
            m.phone = format!("09{r:02}{id:06}");
            s.save_member(Some(*id), m).unwrap();
        }
    }
    s
}

fn sled_bytes(dir: &Path) -> u64 {
    folder_bytes(&dir.join(DB_DIR))
}

#[test]
fn a_clean_close_compacts_a_grown_store_and_the_next_open_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let s = heavy_session(dir.path(), 40);
    let members = s.members().unwrap();
    let history = s.history().unwrap();
    let grown = sled_bytes(dir.path());
    assert!(
        grown > compact::MIN_BYTES,
        "{grown} bytes: not heavy enough"
    );
    assert!(
        dir.path().join(SESSION).exists(),
        "an open store marks its session"
    );
    let closed = s.close().unwrap();
    assert!(closed.compacted, "{closed:?}");
    let after_close = sled_bytes(dir.path());
    assert!(
        after_close < grown / 3,
        "{grown} → {after_close} bytes at the close"
    );
    assert!(
        !dir.path().join(SESSION).exists(),
        "a clean close ends the session"
    );
    for leftover in [compact::STAGING, compact::ASIDE, compact::READY] {
        assert!(!dir.path().join(leftover).exists(), "{leftover}");
    }
    // The next open finds nothing to do: the folder is the one the close left.
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.members().unwrap(), members);
    assert_eq!(s.history().unwrap(), history);
    assert!(!s.needs_compaction_for_tests(), "compacted already");
    // A clean close of a store with nothing to do leaves the folder alone.
    let before = sled_bytes(dir.path());
    assert!(!s.close().unwrap().compacted);
    assert!(sled_bytes(dir.path()) <= before + 64 * 1024);
}

#[test]
fn a_store_not_closed_cleanly_is_compacted_at_its_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let s = heavy_session(dir.path(), 40);
    let members = s.members().unwrap();
    let history = s.history().unwrap();
    // Dropped without a close while due for compaction (as a one-off command leaves
    // it; a kill leaves the same).
    drop(s);
    let grown = sled_bytes(dir.path());
    assert!(dir.path().join(SESSION).exists());
    let s = Store::open(dir.path()).unwrap();
    let reopened = sled_bytes(dir.path());
    assert!(
        reopened < grown / 3,
        "{grown} → {reopened} bytes at the open"
    );
    assert_eq!(s.members().unwrap(), members);
    assert_eq!(s.history().unwrap(), history);
    assert!(
        dir.path().join(SESSION).exists(),
        "the new session is marked"
    );
}

#[test]
fn after_a_clean_close_the_open_does_not_compact() {
    let dir = tempfile::tempdir().unwrap();
    let s = heavy_session(dir.path(), 40);
    drop(s);
    // The session ended cleanly (as a close that found the folder under its threshold
    // leaves it): the open does not spend the start on a compaction.
    let _ = std::fs::remove_file(dir.path().join(SESSION));
    let grown = sled_bytes(dir.path());
    let s = Store::open(dir.path()).unwrap();
    assert!(
        sled_bytes(dir.path()) >= grown,
        "no compaction at an open after a clean close"
    );
    // The close compacts it instead.
    assert!(s.close().unwrap().compacted);
    assert!(sled_bytes(dir.path()) < grown / 3);
}
