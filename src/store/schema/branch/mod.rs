//! The branch profile (meta key `branch`): v1 (read only), v2 (written).

pub mod v1;
pub mod v2;

use crate::domain::branch::Branch;
use crate::store::codec::{self, CodecError};

/// Encodes the branch profile in the current schema (v2).
pub fn encode(b: &Branch) -> Result<Vec<u8>, CodecError> {
    codec::encode(v2::VERSION, &v2::BranchV2::from(b))
}

/// Decodes a branch profile written by any known schema version (v1 → v2 → domain).
pub fn decode(bytes: &[u8]) -> Result<Branch, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => {
            Ok(v2::BranchV2::from(codec::decode_payload::<v1::BranchV1>(p)?).into())
        }
        (v2::VERSION, p) => Ok(codec::decode_payload::<v2::BranchV2>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
