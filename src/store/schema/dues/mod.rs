//! A member's dues profiles (tree `dues_profiles`, v1) and payments (tree `dues_payments`:
//! v1 read only, v2 written).

pub mod v1;
pub mod v2;

use crate::domain::dues::{Ledger, Payment, Profile};
use crate::store::codec::{self, CodecError};

/// Encodes a member's dues profiles in the current schema.
pub fn encode_profiles(l: &Ledger) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::DuesProfilesV1::from(l))
}

/// Decodes a member's dues profiles written by any known schema version.
pub fn decode_profiles(bytes: &[u8]) -> Result<Vec<Profile>, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(codec::decode_payload::<v1::DuesProfilesV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Encodes a member's dues payments in the current schema.
pub fn encode_payments(l: &Ledger) -> Result<Vec<u8>, CodecError> {
    codec::encode(v2::VERSION, &v2::DuesPaymentsV2::from(l))
}

/// Decodes a member's dues payments written by any known schema version.
pub fn decode_payments(bytes: &[u8]) -> Result<Vec<Payment>, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => {
            Ok(v2::DuesPaymentsV2::from(codec::decode_payload::<v1::DuesPaymentsV1>(p)?).into())
        }
        (v2::VERSION, p) => Ok(codec::decode_payload::<v2::DuesPaymentsV2>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
