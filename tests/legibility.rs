//! Legible on light and dark terminals (issue 23, item 7): with colour, the app paints its
//! own ground, so no cell leaves a fixed colour on the terminal's default background
//! (light grey on a white terminal is invisible); without colour, nothing is coloured.

use crate::common;

use common::Harness;
use ratatui::style::Color;
use sochibo::ui::theme::Theme;

/// Every screen and the overlays a user sees most.
const VIEWS: &[&str] = &[
    "<A-0>",
    "<A-1>",
    "<A-1><Enter>",
    "<A-2>",
    "<A-3>",
    "<A-3><Enter>",
    "<A-4>",
    "<A-4><Tab>",
    "<A-5>",
    "<A-6>",
    "<A-7>",
    "<A-8>",
    "<A-1><F1>",
    "<A-1>/nguyen",
    "<A-1><F8>",
    "<A-1><F7>",
];

#[test]
fn with_colour_every_cell_stands_on_the_apps_own_ground() {
    for keys in VIEWS {
        let mut h = Harness::demo(&[]);
        h.keys(keys);
        let buf = h.term.backend().buffer().clone();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let cell = &buf[(x, y)];
                assert_ne!(
                    cell.bg,
                    Color::Reset,
                    "{keys}: cell ({x},{y}) {:?} is on the terminal's own background\n{}",
                    cell.symbol(),
                    h.screen()
                );
            }
        }
    }
}

#[test]
fn without_colour_nothing_is_coloured() {
    for keys in VIEWS {
        let mut h = Harness::demo(&[]);
        h.theme = Theme {
            color: false,
            ascii: false,
        };
        h.keys(keys);
        let buf = h.term.backend().buffer().clone();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let cell = &buf[(x, y)];
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{keys}: cell ({x},{y}) {:?} has a colour under NO_COLOR",
                    cell.symbol()
                );
            }
        }
    }
}
