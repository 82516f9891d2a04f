//! Frozen on-disk schemas, one folder per kind of record (`<record>/v1.rs`, `v2.rs` …),
//! each version's types beside its golden fixture (`tests/fixtures/<record>_vN.bin`). A
//! released `vN` module is never edited: a change adds `vN+1` with its own types and a
//! `From<vN>` conversion (a new version never encodes through an older version's types),
//! and decoding matches on the version byte so old records stay readable forever. This
//! module gathers each record's current encoder and its decoder of every version.

/// `From` both ways between a domain enum and its frozen mirror with the same variants.
macro_rules! mirror_enum {
    ($dom:ident, $v1:ident, [$($var:ident),* $(,)?]) => {
        impl From<$dom> for $v1 {
            fn from(x: $dom) -> Self { match x { $($dom::$var => $v1::$var),* } }
        }
        impl From<$v1> for $dom {
            fn from(x: $v1) -> Self { match x { $($v1::$var => $dom::$var),* } }
        }
    };
}
pub(crate) use mirror_enum;

pub mod badges;
pub mod branch;
pub mod candidate;
pub mod days;
pub mod draft;
pub mod dues;
pub mod history;
pub mod holidays;
pub mod liaison;
pub mod meeting;
pub mod member;
pub mod review;
pub mod rules;
pub mod study;

pub use badges::{decode as decode_badges, encode as encode_badges};
pub use branch::{decode as decode_branch, encode as encode_branch};
pub use candidate::{
    decode as decode_candidate, decode_target, encode as encode_candidate, encode_target,
};
pub use dues::{
    decode_handed as decode_dues_handed, decode_payments as decode_dues_payments,
    decode_profiles as decode_dues_profiles, encode_handed as encode_dues_handed,
    encode_payments as encode_dues_payments, encode_profiles as encode_dues_profiles,
};
pub use history::{HistoryEntry, decode as decode_history, encode as encode_history};
pub use holidays::{decode as decode_holiday, encode as encode_holiday};
pub use liaison::{decode as decode_liaison, encode as encode_liaison};
pub use meeting::{decode as decode_meeting, encode as encode_meeting};
pub use member::{decode as decode_member, encode as encode_member};
pub use review::{
    decode as decode_review, decode_branch_year, encode as encode_review, encode_branch_year,
};
pub use rules::{decode as decode_rule_setting, encode as encode_rule_setting};
pub use study::{decode as decode_resolution, encode as encode_resolution};
