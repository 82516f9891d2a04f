//! A member's badge record (tree `badges`), version 1 (added before the first release).
//! FROZEN: never edit these types.
//!
//! Golden bytes: `tests/fixtures/badges_v1.bin` (checked byte for byte by
//! `tests/store_migrations.rs` and below).

use serde::{Deserialize, Serialize};

use crate::domain::badges::{Award, BadgeRecord};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

/// Badge award, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardV1 {
    /// Milestone, years.
    pub milestone: u32,
    /// Date presented.
    pub date: DayV1,
    /// Decision number.
    pub decision: String,
}

/// A member's badge record (value of the `badges` tree), v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeRecordV1 {
    /// Bệnh hiểm nghèo.
    pub serious_illness: bool,
    /// Awards.
    pub awards: Vec<AwardV1>,
}

impl From<&BadgeRecord> for BadgeRecordV1 {
    fn from(r: &BadgeRecord) -> Self {
        BadgeRecordV1 {
            serious_illness: r.serious_illness,
            awards: r
                .awards
                .iter()
                .map(|a| AwardV1 {
                    milestone: a.milestone,
                    date: day(a.date),
                    decision: a.decision.clone(),
                })
                .collect(),
        }
    }
}

impl From<BadgeRecordV1> for BadgeRecord {
    fn from(r: BadgeRecordV1) -> Self {
        BadgeRecord {
            serious_illness: r.serious_illness,
            awards: r
                .awards
                .into_iter()
                .map(|a| Award {
                    milestone: a.milestone,
                    date: date(a.date),
                    decision: a.decision,
                })
                .collect(),
        }
    }
}
