//! Annual reviews (tree `reviews`) and the branch's yearly classification (tree
//! `review_years`): v1.

pub mod v1;

use crate::domain::review::{BranchYear, MemberReview};
use crate::store::codec::{self, CodecError};

/// Encodes a member's yearly review in the current schema.
pub fn encode(r: &MemberReview) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::ReviewV1::from(r))
}

/// Decodes a member's yearly review written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<MemberReview, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::ReviewV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes the branch's classification of a year in the current schema.
pub fn encode_branch_year(b: &BranchYear) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::BranchYearV1::from(b))
}

/// Decodes the branch's classification of a year.
pub fn decode_branch_year(bytes: &[u8]) -> Result<BranchYear, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::BranchYearV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
