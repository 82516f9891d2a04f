//! Every screen and overlay a user can reach, as key strings from the demo data (shared
//! by tests/ascii.rs and tests/legible.rs), and helpers to read a rendered buffer.
#![allow(dead_code)]

use ratatui::buffer::Buffer;

/// Each screen with the demo data, a member card and its history, a meeting on each tab,
/// the forms, the question dialog, help and search.
pub const VIEWS: &[&str] = &[
    // Screens, and their tabs and filters.
    "<A-0>",
    "<A-1>",
    "<A-1><Tab>",
    "<A-1><Tab><Tab><Tab>",
    "<A-1><S-Tab>",
    "<A-1>nguyen",
    "<A-2>",
    "<A-3>",
    "<A-3><F6>",
    "<A-4>",
    "<A-4><Tab>",
    "<A-5>",
    "<A-5><Enter>",
    "<A-6>",
    "<A-6><Tab>",
    "<A-6><Tab><Tab>",
    "<A-6><Tab><Tab><Tab>",
    "<A-6><Tab><Tab><Tab><Tab>",
    "<A-6><Tab><Tab><Tab><Tab><Tab>",
    "<A-6><Tab><Tab><Tab><Tab><Tab><Tab>",
    "<A-7>",
    "<A-7><Enter>",
    "<A-8>",
    "<A-8><Down><Down>",
    // The liaison members (QĐ 213): the list, a card, the new-member form.
    "<A-9>",
    "<A-9><Enter>",
    "<A-9><F7>",
    // The record of resolutions studied: the list, its completeness, a resolution, the
    // new-resolution form.
    "<A-h>",
    "<A-h><Tab>",
    "<A-h><Enter>",
    "<A-h><F7>",
    // The rules screen, its days off (a day of the law refused removal), the day's form.
    "<A-q>",
    "<A-q><Tab>",
    "<A-q><Tab><F8>",
    "<A-q><Tab><F7>",
    // A member card, its history, the home screen's jump to a record.
    "<A-1><Enter>",
    "<A-1><Enter><C-l>",
    "<A-0><Enter>",
    // A meeting on each tab (a thematic draft), a regular one, its history.
    "<A-3><Enter>",
    "<A-3><Enter><Tab>",
    "<A-3><Enter><Tab><Tab>",
    "<A-3><Enter><Tab><Tab><Tab>",
    "<A-3><Enter><Tab><Tab><Tab><Tab>",
    "<A-3><Down><Down><Enter>",
    "<A-3><Enter><C-l>",
    // Forms.
    "<A-1><F2>",
    "<A-1><F7>",
    "<A-1><Enter><F4>",
    "<A-2><F2>",
    "<A-3><F7>",
    "<A-3><Enter><F2>",
    "<A-4><F2>",
    "<A-4><Tab><F4>",
    "<A-7><F7>",
    "<A-7><Enter><F4>",
    "<A-8><F5>",
    // The question dialog (a deletion, an approval naming open agenda items).
    "<A-1><F8>",
    "<A-3><Enter><F9>",
    // Help, the search over everyone.
    "<A-0><F1>",
    "<A-3><Enter><F1>",
    "<A-1>/nguyen",
];

/// Row `y` of `buf` as text.
pub fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The whole buffer as text, one line per row.
pub fn text(buf: &Buffer) -> String {
    (0..buf.area.height).map(|y| row(buf, y) + "\n").collect()
}
