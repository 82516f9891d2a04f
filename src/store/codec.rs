//! The one codec: a version byte, then bincode 2.0.1 (serde, standard config, 1 MiB limit).
//! `CODEC` is part of the on-disk format and must never change.

use bincode::config::{Configuration, Limit, LittleEndian, Varint};
use serde::{Serialize, de::DeserializeOwned};

/// The decoding limit of [`CODEC`], in bytes.
pub const LIMIT: usize = 1 << 20;

/// The bincode configuration of every stored value. Never change it.
pub const CODEC: Configuration<LittleEndian, Varint, Limit<LIMIT>> =
    bincode::config::standard().with_limit::<LIMIT>();

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    /// No bytes at all (not even the version byte).
    #[error("empty value")]
    Empty,
    /// A version this build does not know (written by a newer app?).
    #[error("unknown version {0}")]
    UnknownVersion(u8),
    /// bincode refused the payload.
    #[error("undecodable payload: {0}")]
    Payload(String),
    /// The payload decoded but bytes were left over: corruption or a wrong schema.
    #[error("{0} trailing bytes")]
    Trailing(usize),
    /// Encoding failed (a value over the size limit).
    #[error("cannot encode: {0}")]
    Encode(String),
}

/// Encodes `value` as `[version][bincode]`. bincode's limit only applies when decoding,
/// so a value over [`LIMIT`] bytes is refused here: it would be saved (and the save
/// acknowledged) but could never be read back.
pub fn encode<T: Serialize>(version: u8, value: &T) -> Result<Vec<u8>, CodecError> {
    let mut out = vec![version];
    let body = bincode::serde::encode_to_vec(value, CODEC)
        .map_err(|e| CodecError::Encode(e.to_string()))?;
    if body.len() > LIMIT {
        return Err(CodecError::Encode(format!(
            "{} bytes, over the {LIMIT}-byte limit of a stored value",
            body.len()
        )));
    }
    out.extend_from_slice(&body);
    Ok(out)
}

/// Splits a stored value into its version byte and payload.
pub fn split(bytes: &[u8]) -> Result<(u8, &[u8]), CodecError> {
    bytes
        .split_first()
        .map(|(v, rest)| (*v, rest))
        .ok_or(CodecError::Empty)
}

/// Decodes a payload (without its version byte), refusing trailing bytes.
pub fn decode_payload<T: DeserializeOwned>(payload: &[u8]) -> Result<T, CodecError> {
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(payload, CODEC)
        .map_err(|e| CodecError::Payload(e.to_string()))?;
    if used != payload.len() {
        return Err(CodecError::Trailing(payload.len() - used));
    }
    Ok(value)
}

/// FNV-1a 64-bit checksum, used by backup files to detect damage.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_version_byte() {
        let bytes = encode(1, &("Nguyễn Văn An".to_string(), 42u32)).unwrap();
        assert_eq!(bytes[0], 1);
        let (v, payload) = split(&bytes).unwrap();
        assert_eq!(v, 1);
        let back: (String, u32) = decode_payload(payload).unwrap();
        assert_eq!(back, ("Nguyễn Văn An".to_string(), 42));
    }

    #[test]
    fn refuses_trailing_bytes_empty_input_and_garbage() {
        let mut bytes = encode(1, &7u32).unwrap();
        bytes.push(0);
        assert_eq!(
            decode_payload::<u32>(&bytes[1..]),
            Err(CodecError::Trailing(1))
        );
        assert_eq!(split(&[]), Err(CodecError::Empty));
        // A huge length prefix must not allocate: the limit turns it into an error.
        let garbage = [0xFC, 0xFF, 0xFF, 0xFF, 0xFF];
        assert!(decode_payload::<String>(&garbage).is_err());
    }

    #[test]
    fn values_too_big_to_read_back_are_not_written() {
        let huge = "x".repeat(LIMIT + 1);
        assert!(matches!(encode(1, &huge), Err(CodecError::Encode(_))));
        // Just under the limit still round-trips.
        let big = "x".repeat(LIMIT - 8);
        let bytes = encode(1, &big).unwrap();
        assert_eq!(decode_payload::<String>(&bytes[1..]).unwrap(), big);
    }

    #[test]
    fn checksum_detects_a_flipped_bit() {
        assert_ne!(checksum(b"abc"), checksum(b"abd"));
        assert_eq!(checksum(b""), 0xcbf2_9ce4_8422_2325);
    }
}
