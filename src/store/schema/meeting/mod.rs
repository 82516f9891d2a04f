//! Meeting records (tree `meetings`): v1 (read only), v2 (written).

pub mod v1;
pub mod v2;

use crate::domain::meeting::Meeting;
use crate::store::codec::{self, CodecError};

/// Encodes a meeting in the current schema (v2).
pub fn encode(m: &Meeting) -> Result<Vec<u8>, CodecError> {
    codec::encode(v2::VERSION, &v2::MeetingV2::from(m))
}

/// Decodes a meeting written by any known schema version (v1 → v2 → domain).
pub fn decode(bytes: &[u8]) -> Result<Meeting, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => {
            Ok(v2::MeetingV2::from(codec::decode_payload::<v1::MeetingV1>(p)?).into())
        }
        (v2::VERSION, p) => Ok(v2::decode(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
