//! One view per screen, drawn from the app's state; `draw` is the one table from a
//! screen to its view.

pub mod admission;
pub mod branch;
pub mod detail;
pub mod dues;
pub mod exemptions;
pub mod home;
pub mod liaison;
pub mod meetings;
pub mod reports;
pub mod review;
pub mod roster;
pub mod rules;
pub mod study;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::{App, Screen};

/// Draws the active screen in the body area.
pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, body: Rect) {
    match app.screen {
        Screen::Home => home::draw(f, app, theme, body),
        Screen::Members => {
            roster::draw(f, app, theme, body);
            if let Some(id) = app.detail {
                detail::draw(f, app, theme, body, id);
            }
        }
        Screen::Branch => branch::draw(f, app, theme, body),
        Screen::Meetings => meetings::draw(f, app, theme, body),
        Screen::Dues => dues::draw(f, app, theme, body),
        Screen::Exemptions => exemptions::draw(f, app, theme, body),
        Screen::Reports => reports::draw(f, app, theme, body),
        Screen::Admission => admission::draw(f, app, theme, body),
        Screen::Review => review::draw(f, app, theme, body),
        Screen::Study => study::draw(f, app, theme, body),
        Screen::Liaison => liaison::draw(f, app, theme, body),
        Screen::Rules => rules::draw(f, app, theme, body),
    }
}
