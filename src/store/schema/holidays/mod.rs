//! The branch's own days of the calendar (tree `holidays`, keyed by the date): v1.

pub mod v1;

use crate::domain::holidays::DayEntry;
use crate::store::codec::{self, CodecError};

/// Encodes an entry in the current schema.
pub fn encode(e: &DayEntry) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::DayEntryV1::from(e))
}

/// Decodes an entry written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<DayEntry, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::DayEntryV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
