//! Parts every screen shares: list movement, type-to-find, and the search over all
//! members and candidates. The question dialog is [`super::Question`]; the key bar is
//! drawn from each screen's hints and the keymap (`ui::parts`).

pub mod find;
pub mod help;
pub mod list;
pub mod search;
