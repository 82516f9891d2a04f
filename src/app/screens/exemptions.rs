//! Screen 5: exempted members and reminders about members' events. Enter opens the card;
//! typing a name jumps to it.

use super::ScreenDef;
use crate::app::parts::{find, list};
use crate::app::update_helpers::exemption_rows;
use crate::app::{App, Screen};
use crate::keymap::action::{Action, Context};

/// The exemptions screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Exemptions,
    context: |_| Context::Exemptions,
    handle,
    hints: |_| &[Action::Open],
    find: find_row,
    form_for: super::no_form,
    save: super::no_save,
    confirmed: super::no_question,
};

fn handle(app: &mut App, action: Action, _: Context) -> bool {
    if let Some(d) = list::delta(action, app.page_rows) {
        let n = exemption_rows(app).len();
        app.exempt_cursor = list::moved(app.exempt_cursor, n, d);
        return true;
    }
    if action != Action::Open {
        return false;
    }
    if let Some(id) = exemption_rows(app).get(app.exempt_cursor) {
        app.screen = Screen::Members;
        app.roster.select(*id);
        app.detail = Some(*id);
        app.return_to = Some(Screen::Exemptions);
    }
    true
}

fn find_row(app: &mut App, _: Context, typed: &str) -> bool {
    let names: Vec<String> = exemption_rows(app)
        .iter()
        .filter_map(|id| app.roster.get(*id).map(|e| e.member.full_name.clone()))
        .collect();
    if let Some(i) = find::first_match(&names, typed) {
        app.exempt_cursor = i;
    }
    true
}
