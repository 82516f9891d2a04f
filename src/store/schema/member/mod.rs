//! Member records (tree `members`): v1 and v2 (read only), v3 (written).

pub mod v1;
pub mod v2;
pub mod v3;

use crate::domain::member::Member;
use crate::store::codec::{self, CodecError};

/// Encodes a member in the current schema (v3).
pub fn encode(m: &Member) -> Result<Vec<u8>, CodecError> {
    codec::encode(v3::VERSION, &v3::MemberV3::from(m))
}

/// Decodes a member written by any known schema version (v1 → v2 → v3 → domain).
pub fn decode(bytes: &[u8]) -> Result<Member, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(v3::MemberV3::from(v2::MemberV2::from(v1::decode(p)?)).into()),
        (v2::VERSION, p) => {
            Ok(v3::MemberV3::from(codec::decode_payload::<v2::MemberV2>(p)?).into())
        }
        (v3::VERSION, p) => Ok(codec::decode_payload::<v3::MemberV3>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
