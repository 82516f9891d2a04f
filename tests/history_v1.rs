//! Old history entries (issue 23.4): a store made before the compact history format
//! keeps v1 entries (whole values before and after). The first open that can read them
//! converts them once, through the compaction's verified copy: the history says exactly
//! the same afterwards, takes fewer bytes, and a second open finds nothing to do.

use std::path::Path;

use sochibo::domain::demo;
#[cfg(unix)]
use sochibo::store::DB_DIR;
use sochibo::store::Store;
use sochibo::store::recover;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// A store as an older build left it: members created, edited (small edits of big
/// records), one deleted, a meeting and the branch, every history entry in v1.
fn old_store(dir: &Path) -> Store {
    let s = Store::open(dir).unwrap();
    s.save_branch(&demo::demo_branch()).unwrap();
    let mut ms = demo::demo_members(3, 12, today());
    for m in &mut ms {
        m.notes = "ghi chú dài ".repeat(100);
    }
    let items: Vec<_> = ms.iter().map(|m| (None, m.clone())).collect();
    let ids = s.save_members(&items).unwrap();
    for round in 0..5 {
        for (id, m) in ids.iter().zip(&mut ms) {
            m.phone = format!("09{round}{id:07}");
            s.save_member(Some(*id), m).unwrap();
        }
    }
    s.delete_member(ids[0]).unwrap();
    let n = s.rewrite_history_as_v1_for_tests().unwrap();
    assert!(n > 60);
    s
}

#[cfg(unix)]
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

#[test]
fn old_history_entries_are_converted_once_and_say_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let s = old_store(dir.path());
    let history = s.history().unwrap();
    let members = s.members().unwrap();
    let (v1, v2) = s.history_formats().unwrap();
    assert_eq!((v1 as usize, v2), (history.len(), 0));
    let bytes_v1 = s.history_bytes().unwrap();
    s.close().unwrap();

    // The program's open (a clean close before it: the conversion does not wait for a
    // kill or a grown folder).
    let opened = recover::open(dir.path()).unwrap();
    let s = opened.store;
    assert!(opened.damage.is_none());
    assert_eq!(s.history_formats().unwrap(), (0, history.len() as u64));
    assert_eq!(s.history().unwrap(), history, "the history says the same");
    assert_eq!(s.members().unwrap(), members);
    let bytes_v2 = s.history_bytes().unwrap();
    assert!(
        bytes_v2 * 3 < bytes_v1,
        "the history shrinks: {bytes_v1} → {bytes_v2} bytes"
    );
    for leftover in ["sled.compacting", "sled.before-compaction"] {
        assert!(!dir.path().join(leftover).exists(), "{leftover}");
    }
    // Undo still works on converted entries: the last change goes back.
    let last = history.last().unwrap().clone();
    s.revert(&sochibo::store::history::Revert::of_group(
        std::slice::from_ref(&last),
        true,
    ))
    .unwrap();
    drop(s);

    // Idempotent: the next opens find nothing to convert and leave the folder alone.
    #[cfg(unix)]
    let folder = inode(&dir.path().join(DB_DIR));
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.history_formats().unwrap().0, 0);
    assert_eq!(s.history().unwrap()[..history.len()], history[..]);
    assert!(s.close().unwrap().converted == 0);
    let s = Store::open(dir.path()).unwrap();
    #[cfg(unix)]
    assert_eq!(inode(&dir.path().join(DB_DIR)), folder, "not copied again");
    drop(s);
}

#[test]
fn an_entry_that_does_not_fit_its_record_stays_v1_and_is_not_tried_at_every_open() {
    let dir = tempfile::tempdir().unwrap();
    let s = old_store(dir.path());
    let history = s.history().unwrap();
    // An older build changed one record without a history entry: its newest v1 entry no
    // longer ends at the stored value. Converting it would make up a different history.
    let (id, m) = s.members().unwrap().remove(0);
    let mut changed = m.clone();
    changed.phone = "0999999999".into();
    let raw = sochibo::store::schema::encode_member(&changed).unwrap();
    s.insert_raw_member_at_for_tests(id, &raw).unwrap();
    let before = s.history().unwrap();
    drop(s);
    let s = Store::open(dir.path()).unwrap();
    let (v1, v2) = s.history_formats().unwrap();
    assert!(v1 >= 1 && v2 > 0, "({v1}, {v2})");
    assert_eq!(s.history().unwrap(), before, "the history says the same");
    assert_eq!(before.len(), history.len());
    drop(s);
    #[cfg(unix)]
    let folder = inode(&dir.path().join(DB_DIR));
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.history_formats().unwrap().0, v1);
    #[cfg(unix)]
    assert_eq!(inode(&dir.path().join(DB_DIR)), folder, "not copied again");
    drop(s);
}
