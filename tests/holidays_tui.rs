//! The branch's own days of the calendar (#22, rules are data): the record's frozen v1
//! bytes, saved through the history (undone, redone, moved to another date in one step),
//! kept across closing the store; and on the "Ngày nghỉ" section of the rules screen,
//! driven with keys.

mod common;

use chrono::NaiveDate;
use sochibo::domain::holidays::{BranchDays, DayEntry, DayKind};
use sochibo::store::Store;
use sochibo::store::history::{Record, Revert};
use sochibo::store::schema::{decode_holiday, encode_holiday};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn golden() -> DayEntry {
    DayEntry {
        date: d(2027, 2, 12),
        kind: DayKind::DayOff,
        name: "Nghỉ bù Tết Đinh Mùi".into(),
        source: "Thông báo số 01/TB-BNV ngày 05/12/2026 của Bộ Nội vụ".into(),
        who: "Trần Văn Hùng".into(),
        reason: "Đổi ngày làm việc thứ Bảy 20/02/2027".into(),
        at: d(2026, 12, 6),
    }
}

const HOLIDAY_V1: &[u8] = include_bytes!("fixtures/holiday_v1.bin");

#[test]
#[ignore = "rewrites tests/fixtures/holiday_v1.bin; only before v1 is released"]
fn write_golden() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/holiday_v1.bin");
    std::fs::write(path, encode_holiday(&golden()).unwrap()).unwrap();
}

#[test]
fn holiday_v1_bytes_decode_forever() {
    assert_eq!(HOLIDAY_V1[0], 1, "version byte");
    assert_eq!(decode_holiday(HOLIDAY_V1).unwrap(), golden());
    assert_eq!(encode_holiday(&golden()).unwrap(), HOLIDAY_V1);
    let work = DayEntry {
        kind: DayKind::WorkDay,
        ..golden()
    };
    assert_eq!(
        decode_holiday(&encode_holiday(&work).unwrap()).unwrap(),
        work
    );
}

#[test]
fn a_branch_day_is_saved_undone_redone_moved_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.holidays().unwrap(), BranchDays::default());
    let late = DayEntry {
        date: d(2027, 2, 20),
        kind: DayKind::WorkDay,
        ..golden()
    };
    store.save_holiday(&late, None).unwrap();
    store.save_holiday(&golden(), None).unwrap();
    // In date order, whatever the order they were saved in.
    let dates: Vec<NaiveDate> = store
        .holidays()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.date)
        .collect();
    assert_eq!(dates, vec![d(2027, 2, 12), d(2027, 2, 20)]);
    let history = store.history().unwrap();
    let last = history.last().unwrap().clone();
    assert!(matches!(last.record(), Some(Record::Holiday(_))));
    store
        .revert(&Revert::of_group(std::slice::from_ref(&last), true))
        .unwrap();
    assert_eq!(store.holidays().unwrap().entries, vec![late.clone()]);
    store
        .revert(&Revert::of_group(std::slice::from_ref(&last), false))
        .unwrap();
    assert_eq!(store.holidays().unwrap().entries.len(), 2);
    // Its date edited: the old date goes and the new one comes in one step of two entries.
    let before = store.history().unwrap().len();
    let moved = DayEntry {
        date: d(2027, 2, 15),
        ..golden()
    };
    store.save_holiday(&moved, Some(d(2027, 2, 12))).unwrap();
    let history = store.history().unwrap();
    assert_eq!(history.len(), before + 2);
    let step = &history[before..];
    assert_eq!(
        store.holidays().unwrap().entries,
        vec![moved.clone(), late.clone()]
    );
    store.revert(&Revert::of_group(step, true)).unwrap();
    assert_eq!(
        store.holidays().unwrap().entries,
        vec![golden(), late.clone()]
    );
    // Removing is a history step too, and a removed day stays removed after reopening.
    store.remove_holiday(d(2027, 2, 20)).unwrap();
    assert!(
        store.remove_holiday(d(2027, 2, 20)).is_err(),
        "nothing to remove"
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.holidays().unwrap().entries, vec![golden()]);
}
