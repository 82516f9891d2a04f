//! The keys of a complete monthly meeting (#17), counted by `tests/month_tui.rs`
//! (`a_complete_regular_meeting_and_its_keys`, which asserts this figure): row 8.

/// Keys besides the text typed, today.
pub const KEYS: usize = 35;

/// The same script on the old keys, counted by hand in issue 17.
pub const OLD_KEYS: usize = 54;

/// The target.
pub const TARGET: usize = 45;
