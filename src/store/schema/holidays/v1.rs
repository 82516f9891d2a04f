//! A branch's day of the calendar (tree `holidays`, keyed by the date as days since
//! 1 January of year 1, big-endian, so the tree iterates in date order), version 1.
//! FROZEN once released: a change adds `v2.rs` with a `From<DayEntryV1>` conversion.

use serde::{Deserialize, Serialize};

use crate::domain::holidays::{DayEntry, DayKind};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of these records.
pub const VERSION: u8 = 1;

/// What the entry makes of its date, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKindV1 {
    /// A day off.
    DayOff,
    /// A working day.
    WorkDay,
}

crate::store::schema::mirror_enum!(DayKind, DayKindV1, [DayOff, WorkDay]);

/// An entry, v1: the date, its kind, name and source, who added it, why and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayEntryV1 {
    /// The date.
    pub date: DayV1,
    /// Day off or working day.
    pub kind: DayKindV1,
    /// The day's name.
    pub name: String,
    /// Its source.
    pub source: String,
    /// Who added it.
    pub who: String,
    /// Why.
    pub reason: String,
    /// When it was added or last changed.
    pub at: DayV1,
}

impl From<&DayEntry> for DayEntryV1 {
    fn from(e: &DayEntry) -> Self {
        DayEntryV1 {
            date: day(e.date),
            kind: e.kind.into(),
            name: e.name.clone(),
            source: e.source.clone(),
            who: e.who.clone(),
            reason: e.reason.clone(),
            at: day(e.at),
        }
    }
}

impl From<DayEntryV1> for DayEntry {
    fn from(e: DayEntryV1) -> Self {
        DayEntry {
            date: date(e.date),
            kind: e.kind.into(),
            name: e.name,
            source: e.source,
            who: e.who,
            reason: e.reason,
            at: date(e.at),
        }
    }
}
