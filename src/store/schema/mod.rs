//! Frozen on-disk schemas, one module per released version. A released `vN` module is
//! never edited: a change adds `vN+1` with a `From<vN>` conversion, and decoding matches
//! on the version byte so old records stay readable forever.

pub mod candidates_v1;
pub mod history_v2;
pub mod review_v1;
pub mod v1;
pub mod v2;

use super::codec::{self, CodecError};
use crate::domain::branch::Branch;
use crate::domain::member::Member;

/// Encodes a member in the current schema (v2).
pub fn encode_member(m: &Member) -> Result<Vec<u8>, CodecError> {
    codec::encode(v2::VERSION, &v2::MemberV2::from(m))
}

/// Decodes a member written by any known schema version (v1 → v2 → domain).
pub fn decode_member(bytes: &[u8]) -> Result<Member, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => {
            Ok(v2::MemberV2::from(codec::decode_payload::<v1::MemberV1>(p)?).into())
        }
        (v2::VERSION, p) => Ok(codec::decode_payload::<v2::MemberV2>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes the branch profile in the current schema.
pub fn encode_branch(b: &Branch) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::BranchV1::from(b))
}

/// Decodes a branch profile written by any known schema version.
pub fn decode_branch(bytes: &[u8]) -> Result<Branch, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::BranchV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// A history entry as stored, in whichever version it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryEntry {
    /// A v1 entry: whole values before and after.
    V1(v1::HistoryV1),
    /// A v2 entry: a step back from the value after (see [`history_v2`]).
    V2(history_v2::HistoryV2),
}

impl HistoryEntry {
    /// The tree of the changed record.
    pub fn tree(&self) -> &str {
        match self {
            HistoryEntry::V1(h) => &h.tree,
            HistoryEntry::V2(h) => &h.tree,
        }
    }

    /// The key of the changed record.
    pub fn key(&self) -> u64 {
        match self {
            HistoryEntry::V1(h) => h.key,
            HistoryEntry::V2(h) => h.key,
        }
    }

    /// When the change was made, Unix seconds.
    pub fn at(&self) -> i64 {
        match self {
            HistoryEntry::V1(h) => h.at,
            HistoryEntry::V2(h) => h.at,
        }
    }
}

/// Encodes one history entry in the current schema (v2).
pub fn encode_history(h: &history_v2::HistoryV2) -> Result<Vec<u8>, CodecError> {
    codec::encode(history_v2::VERSION, h)
}

/// Decodes a history entry written by any known version.
pub fn decode_history(bytes: &[u8]) -> Result<HistoryEntry, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => codec::decode_payload(p).map(HistoryEntry::V1),
        (history_v2::VERSION, p) => codec::decode_payload(p).map(HistoryEntry::V2),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a meeting in the current schema.
pub fn encode_meeting(m: &crate::domain::meeting::Meeting) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::MeetingV1::from(m))
}

/// Decodes a meeting written by any known schema version.
pub fn decode_meeting(bytes: &[u8]) -> Result<crate::domain::meeting::Meeting, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::MeetingV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a candidate in the current schema of the candidates tree.
pub fn encode_candidate(c: &crate::domain::admission::Candidate) -> Result<Vec<u8>, CodecError> {
    codec::encode(candidates_v1::VERSION, &candidates_v1::CandidateV1::from(c))
}

/// Decodes a candidate written by any known version of the candidates tree.
pub fn decode_candidate(bytes: &[u8]) -> Result<crate::domain::admission::Candidate, CodecError> {
    match codec::split(bytes)? {
        (candidates_v1::VERSION, p) => {
            Ok(codec::decode_payload::<candidates_v1::CandidateV1>(p)?.into())
        }
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a yearly admission target.
pub fn encode_target(t: &crate::domain::admission::Target) -> Result<Vec<u8>, CodecError> {
    codec::encode(candidates_v1::VERSION, &candidates_v1::TargetV1::from(t))
}

/// Decodes a yearly admission target.
pub fn decode_target(bytes: &[u8]) -> Result<crate::domain::admission::Target, CodecError> {
    match codec::split(bytes)? {
        (candidates_v1::VERSION, p) => {
            Ok(codec::decode_payload::<candidates_v1::TargetV1>(p)?.into())
        }
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a member's yearly review in the current schema.
pub fn encode_review(r: &crate::domain::review::MemberReview) -> Result<Vec<u8>, CodecError> {
    codec::encode(review_v1::VERSION, &review_v1::ReviewV1::from(r))
}

/// Decodes a member's yearly review written by any known schema version.
pub fn decode_review(bytes: &[u8]) -> Result<crate::domain::review::MemberReview, CodecError> {
    match codec::split(bytes)? {
        (review_v1::VERSION, p) => Ok(codec::decode_payload::<review_v1::ReviewV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes the branch's classification of a year in the current schema.
pub fn encode_branch_year(b: &crate::domain::review::BranchYear) -> Result<Vec<u8>, CodecError> {
    codec::encode(review_v1::VERSION, &review_v1::BranchYearV1::from(b))
}

/// Decodes the branch's classification of a year.
pub fn decode_branch_year(bytes: &[u8]) -> Result<crate::domain::review::BranchYear, CodecError> {
    match codec::split(bytes)? {
        (review_v1::VERSION, p) => Ok(codec::decode_payload::<review_v1::BranchYearV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a member's dues profiles in the current schema.
pub fn encode_dues_profiles(l: &crate::domain::dues::Ledger) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::DuesProfilesV1::from(l))
}

/// Decodes a member's dues profiles written by any known schema version.
pub fn decode_dues_profiles(bytes: &[u8]) -> Result<Vec<crate::domain::dues::Profile>, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::DuesProfilesV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a member's dues payments in the current schema.
pub fn encode_dues_payments(l: &crate::domain::dues::Ledger) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::DuesPaymentsV1::from(l))
}

/// Decodes a member's dues payments written by any known schema version.
pub fn decode_dues_payments(bytes: &[u8]) -> Result<Vec<crate::domain::dues::Payment>, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::DuesPaymentsV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a member's badge record in the current schema.
pub fn encode_badges(r: &crate::domain::badges::BadgeRecord) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::BadgeRecordV1::from(r))
}

/// Decodes a member's badge record written by any known schema version.
pub fn decode_badges(bytes: &[u8]) -> Result<crate::domain::badges::BadgeRecord, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::BadgeRecordV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
