//! The branch profile (meta key `branch`): v1.

pub mod v1;

use crate::domain::branch::Branch;
use crate::store::codec::{self, CodecError};

/// Encodes the branch profile in the current schema.
pub fn encode(b: &Branch) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::BranchV1::from(b))
}

/// Decodes a branch profile written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<Branch, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::BranchV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
