//! Screen 0: what needs doing today. Enter opens the item's member, meeting, candidate
//! or review; typing a name searches everyone.

use super::ScreenDef;
use crate::app::parts::list;
use crate::app::update_helpers::todo_items;
use crate::app::{App, Screen};
use crate::domain::todo::TodoKind;
use crate::keymap::action::{Action, Context};

/// The home screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Home,
    context: |_| Context::Home,
    handle,
    hints: |_| &[Action::Open],
    find: super::no_find,
    form_for: super::no_form,
    save: super::no_save,
    confirmed: super::no_question,
};

fn handle(app: &mut App, action: Action, _: Context) -> bool {
    if let Some(d) = list::delta(action, app.page_rows) {
        let n = todo_items(app).len();
        app.home_cursor = list::moved(app.home_cursor, n, d);
        return true;
    }
    if action != Action::Open {
        return false;
    }
    let items = todo_items(app);
    let Some(item) = items.get(app.home_cursor) else {
        return true;
    };
    if let Some(id) = item.member() {
        app.screen = Screen::Members;
        app.roster.select(id);
        app.detail = Some(id);
        app.return_to = Some(Screen::Home);
    } else if let TodoKind::Candidate(..) = item.kind {
        app.screen = Screen::Admission;
    } else if let TodoKind::ReviewSeason(..) = item.kind {
        app.screen = Screen::Review;
    } else if let Some(id) = item.meeting() {
        app.screen = Screen::Meetings;
        app.meetings.open = Some(id);
        app.meetings.tab = super::meetings::Tab::Info;
    } else {
        app.screen = Screen::Meetings;
    }
    true
}
