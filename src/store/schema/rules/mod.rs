//! A branch's settings of the rules that are settings (tree `rule_settings`): v1.

pub mod v1;

use crate::domain::rules::Override;
use crate::store::codec::{self, CodecError};

/// Encodes a setting in the current schema.
pub fn encode(o: &Override) -> Result<Vec<u8>, CodecError> {
    codec::encode(v1::VERSION, &v1::RuleSettingV1::from(o))
}

/// Decodes a setting written by any known schema version.
pub fn decode(bytes: &[u8]) -> Result<Override, CodecError> {
    match codec::split(bytes)? {
        (v1::VERSION, p) => codec::decode_payload::<v1::RuleSettingV1>(p)?
            .try_into()
            .map_err(|code| CodecError::Payload(format!("unknown rule code {code}"))),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}
