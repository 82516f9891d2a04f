//! Resolutions and their study (tree `resolutions`): v1.

pub mod v1;

use crate::domain::study::Resolution;
use crate::store::codec::{self, CodecError};

/// Encodes a resolution with its sessions in the current schema.
pub fn encode(r: &Resolution) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::ResolutionV1::from(r))
}

/// Decodes a resolution written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<Resolution, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::ResolutionV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
