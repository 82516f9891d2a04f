//! Liaison members (tree `liaison`): v1.

pub mod v1;

use crate::domain::liaison::Liaison;
use crate::store::codec::{self, CodecError};

/// Encodes a liaison member in the current schema of the liaison tree.
pub fn encode(l: &Liaison) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::LiaisonV1::from(l))
}

/// Decodes a liaison member written by any known version of the liaison tree.
pub fn decode(bytes: &[u8]) -> Result<Liaison, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::LiaisonV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
