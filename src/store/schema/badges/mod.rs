//! A member's badge record (tree `badges`): v1.

pub mod v1;

use crate::domain::badges::BadgeRecord;
use crate::store::codec::{self, CodecError};

/// Encodes a member's badge record in the current schema.
pub fn encode(r: &BadgeRecord) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::BadgeRecordV1::from(r))
}

/// Decodes a member's badge record written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<BadgeRecord, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::BadgeRecordV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
