//! Meeting records (tree `meetings`): v1.

pub mod v1;

use crate::domain::meeting::Meeting;
use crate::store::codec::{self, CodecError};

/// Encodes a meeting in the current schema.
pub fn encode(m: &Meeting) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::MeetingV1::from(m))
}

/// Decodes a meeting written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<Meeting, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::MeetingV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
