//! A member's dues profiles (tree `dues_profiles`, v1) and payments (tree `dues_payments`:
//! v1 and v2 read only, v3 written), and the branch's hand-overs (a v3 record of
//! `dues_payments` under a reserved key).

pub mod v1;
pub mod v2;
pub mod v3;

use crate::domain::dues::{HandOver, Ledger, Payment, Profile};
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
    codec::encode(v3::VERSION, &v3::DuesPaymentsV3::from(l))
}

/// Encodes the branch's hand-overs in the current schema.
pub fn encode_handed(list: &[HandOver]) -> Result<Vec<u8>, CodecError> {
    codec::encode(v3::VERSION, &v3::DuesPaymentsV3::from(list))
}

/// Any version of a `dues_payments` record, as v3.
fn decode_v3(bytes: &[u8]) -> Result<v3::DuesPaymentsV3, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => Ok(v3::DuesPaymentsV3::from(v2::DuesPaymentsV2::from(
            codec::decode_payload::<v1::DuesPaymentsV1>(p)?,
        ))),
        (v2::VERSION, p) => Ok(codec::decode_payload::<v2::DuesPaymentsV2>(p)?.into()),
        (v3::VERSION, p) => codec::decode_payload::<v3::DuesPaymentsV3>(p),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

/// Decodes a member's dues payments written by any known schema version.
pub fn decode_payments(bytes: &[u8]) -> Result<Vec<Payment>, CodecError> {
    Ok(v2::DuesPaymentsV2 {
        payments: decode_v3(bytes)?.payments,
    }
    .into())
}

/// Decodes the branch's hand-overs (none in a v1 or v2 record).
pub fn decode_handed(bytes: &[u8]) -> Result<Vec<HandOver>, CodecError> {
    Ok(decode_v3(bytes)?.into())
}
