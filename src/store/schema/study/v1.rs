//! Resolutions and their study, version 1 (tree `resolutions`). FROZEN once released: a
//! change adds `v2.rs` with a `From<ResolutionV1>` conversion.

use serde::{Deserialize, Serialize};

use crate::domain::study::{Level, MakeUp, Resolution, Session};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of these records.
pub const VERSION: u8 = 1;

/// Level of the issuer, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LevelV1 {
    /// Trung ương.
    Central,
    /// Tỉnh, thành.
    Province,
    /// Huyện, phường.
    Local,
}

crate::store::schema::mirror_enum!(Level, LevelV1, [Central, Province, Local]);

/// A study session, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionV1 {
    /// Date.
    pub date: DayV1,
    /// Member ids present.
    pub attendees: Vec<u64>,
    /// Note.
    pub note: String,
}

/// A make-up study, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MakeUpV1 {
    /// Member id.
    pub member: u64,
    /// Date.
    pub date: DayV1,
}

/// A resolution, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionV1 {
    /// Number.
    pub number: String,
    /// Title.
    pub title: String,
    /// Level.
    pub level: Option<LevelV1>,
    /// Date issued.
    pub date: DayV1,
    /// Sessions.
    pub sessions: Vec<SessionV1>,
    /// Make-up studies.
    pub makeups: Vec<MakeUpV1>,
}

impl From<&Resolution> for ResolutionV1 {
    fn from(r: &Resolution) -> Self {
        ResolutionV1 {
            number: r.number.clone(),
            title: r.title.clone(),
            level: r.level.map(Into::into),
            date: day(r.date),
            sessions: r
                .sessions
                .iter()
                .map(|s| SessionV1 {
                    date: day(s.date),
                    attendees: s.attendees.clone(),
                    note: s.note.clone(),
                })
                .collect(),
            makeups: r
                .makeups
                .iter()
                .map(|m| MakeUpV1 {
                    member: m.member,
                    date: day(m.date),
                })
                .collect(),
        }
    }
}

impl From<ResolutionV1> for Resolution {
    fn from(r: ResolutionV1) -> Self {
        Resolution {
            number: r.number,
            title: r.title,
            level: r.level.map(Into::into),
            date: date(r.date),
            sessions: r
                .sessions
                .into_iter()
                .map(|s| Session {
                    date: date(s.date),
                    attendees: s.attendees,
                    note: s.note,
                })
                .collect(),
            makeups: r
                .makeups
                .into_iter()
                .map(|m| MakeUp {
                    member: m.member,
                    date: date(m.date),
                })
                .collect(),
        }
    }
}
