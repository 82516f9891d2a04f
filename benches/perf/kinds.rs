//! The store side of each record kind of `sochibo::domain::benchdata::RECORD_KINDS`:
//! how its records are saved, edited and sized. A new kind adds one entry here (the
//! `load` check refuses data whose kinds this list does not cover).

use sochibo::domain::benchdata::{self, BenchData, RECORD_KINDS};
use sochibo::store::{Result, Store, schema};

/// How one record kind goes into the store.
pub struct StoreKind {
    /// The kind's name (as in `RECORD_KINDS`).
    pub name: &'static str,
    /// Saves every record of the kind (acknowledged saves, as the app makes them).
    pub save_all: fn(&Store, &BenchData) -> Result<()>,
    /// Edits every record once (edit number `round`) and saves each edit.
    pub edit_all: fn(&Store, &mut BenchData, u32) -> Result<usize>,
    /// Encoded bytes of every record, as the store writes them (version byte included).
    pub encoded: fn(&BenchData) -> usize,
}

/// The store side of every record kind, in the same order as `RECORD_KINDS`.
pub const STORE_KINDS: &[StoreKind] = &[
    StoreKind {
        name: "members",
        save_all: |s, d| {
            for chunk in d.members.chunks(500) {
                let items: Vec<_> = chunk.iter().map(|(id, m)| (Some(*id), m.clone())).collect();
                s.save_members(&items)?;
            }
            Ok(())
        },
        edit_all: |s, d, round| {
            for (id, m) in &mut d.members {
                benchdata::edit_member(m, round);
                s.save_member(Some(*id), m)?;
            }
            Ok(d.members.len())
        },
        encoded: |d| {
            d.members
                .iter()
                .map(|(_, m)| schema::encode_member(m).map_or(0, |b| b.len()))
                .sum()
        },
    },
    StoreKind {
        name: "meetings",
        save_all: |s, d| {
            for (id, m) in &d.meetings {
                s.save_meeting(Some(*id), m)?;
            }
            Ok(())
        },
        edit_all: |s, d, round| {
            for (id, m) in &mut d.meetings {
                benchdata::edit_meeting(m, round);
                s.save_meeting(Some(*id), m)?;
            }
            Ok(d.meetings.len())
        },
        encoded: |d| {
            d.meetings
                .iter()
                .map(|(_, m)| schema::encode_meeting(m).map_or(0, |b| b.len()))
                .sum()
        },
    },
];

/// Panics unless every generated record kind has its store side here.
pub fn check_kinds() {
    let generated: Vec<&str> = RECORD_KINDS.iter().map(|k| k.name).collect();
    let stored: Vec<&str> = STORE_KINDS.iter().map(|k| k.name).collect();
    assert_eq!(
        generated, stored,
        "benches/perf/kinds.rs must cover every record kind of domain::benchdata"
    );
}

/// Writes the whole data set into an open, empty store.
pub fn load(store: &Store, data: &BenchData) -> Result<()> {
    check_kinds();
    store.save_branch(&data.branch)?;
    for k in STORE_KINDS {
        (k.save_all)(store, data)?;
    }
    Ok(())
}

/// Encoded bytes of every record of every kind, plus the branch profile.
pub fn encoded_bytes(data: &BenchData) -> usize {
    schema::encode_branch(&data.branch).map_or(0, |b| b.len())
        + STORE_KINDS.iter().map(|k| (k.encoded)(data)).sum::<usize>()
}

/// Edits every record of every kind once; returns the number of saves.
pub fn edit_everything(store: &Store, data: &mut BenchData, round: u32) -> Result<usize> {
    let mut n = 0;
    for k in STORE_KINDS {
        n += (k.edit_all)(store, data, round)?;
    }
    Ok(n)
}
