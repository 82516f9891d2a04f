//! Meeting record, schema version 2 (#17): v1 plus the day each task was marked done and
//! the members' proposals with the branch's answers. FROZEN: once released, never edit
//! these types; add `v3.rs` instead.
//!
//! Golden bytes: `tests/fixtures/meeting_v2.bin` (checked byte for byte by
//! `tests/store_migrations.rs`).

use serde::{Deserialize, Serialize};

use super::v1::MeetingV1;
use crate::domain::meeting::{Meeting, Proposal};
use crate::store::codec::{self, CodecError};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of this schema.
pub const VERSION: u8 = 2;

/// Proposal (kiến nghị), v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalV2 {
    /// Who raised it.
    pub who: String,
    /// What.
    pub text: String,
    /// The branch's answer.
    pub answer: String,
}

/// Meeting, v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingV2 {
    /// Everything of v1.
    pub base: MeetingV1,
    /// For each task of `base`, in order: the day it was marked done.
    pub done: Vec<Option<DayV1>>,
    /// Proposals.
    pub proposals: Vec<ProposalV2>,
}

/// Decodes a v2 payload.
pub fn decode(payload: &[u8]) -> Result<MeetingV2, CodecError> {
    codec::decode_payload::<MeetingV2>(payload)
}

impl From<MeetingV1> for MeetingV2 {
    fn from(base: MeetingV1) -> Self {
        MeetingV2 {
            done: vec![None; base.tasks.len()],
            base,
            proposals: Vec::new(),
        }
    }
}

impl From<&Meeting> for MeetingV2 {
    fn from(m: &Meeting) -> Self {
        MeetingV2 {
            base: MeetingV1::from(m),
            done: m.tasks.iter().map(|t| t.done.map(day)).collect(),
            proposals: m
                .proposals
                .iter()
                .map(|p| ProposalV2 {
                    who: p.who.clone(),
                    text: p.text.clone(),
                    answer: p.answer.clone(),
                })
                .collect(),
        }
    }
}

impl From<MeetingV2> for Meeting {
    fn from(m: MeetingV2) -> Self {
        let mut out = Meeting::from(m.base);
        for (t, d) in out.tasks.iter_mut().zip(m.done) {
            t.done = d.map(date);
        }
        out.proposals = m
            .proposals
            .into_iter()
            .map(|p| Proposal {
                who: p.who,
                text: p.text,
                answer: p.answer,
            })
            .collect();
        out
    }
}
