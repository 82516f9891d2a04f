//! Candidates (tree `candidates`) and yearly admission targets (tree
//! `admission_targets`): v1.

pub mod v1;

use crate::domain::admission::{Candidate, Target};
use crate::store::codec::{self, CodecError};

/// Encodes a candidate in the current schema of the candidates tree.
pub fn encode(c: &Candidate) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::CandidateV1::from(c))
}

/// Decodes a candidate written by any known version of the candidates tree.
pub fn decode(bytes: &[u8]) -> Result<Candidate, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::CandidateV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a yearly admission target.
pub fn encode_target(t: &Target) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::TargetV1::from(t))
}

/// Decodes a yearly admission target.
pub fn decode_target(bytes: &[u8]) -> Result<Target, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::TargetV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
