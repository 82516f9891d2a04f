//! Screen 5: exempted members and reminders about members' events. Enter opens the card;
//! typing a name jumps to it.

use super::ScreenDef;
use crate::app::parts::{find, list};
use crate::app::{App, Screen};
use crate::keymap::action::{Action, Context};

/// The exemptions screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Exemptions,
    name: |l| l.cat().msg(crate::i18n::Msg::ScreenExemptions),
    context: |_| Context::Exemptions,
    handle,
    hints: |_| &[Action::Open],
    find: find_row,
    form_tags: &[],
    form_title: super::no_title,
    form_for: super::no_form,
    restore: super::no_restore,
    save: super::no_save,
    question: super::no_words,
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

/// The members listed on the exemptions screen: exempted ones first, then those with a
/// reminder, in roster order.
pub fn exemption_rows(app: &App) -> Vec<crate::domain::member::MemberId> {
    let mut exempt = Vec::new();
    let mut reminded = Vec::new();
    for e in app.roster.entries() {
        if e.status.is_exempt() {
            exempt.push(e.id);
        } else if !member_reminders(app, e.id).is_empty() {
            reminded.push(e.id);
        }
    }
    exempt.extend(reminded);
    exempt
}

/// Reminders about one member today (rules.md §5, §7).
pub fn member_reminders(
    app: &App,
    id: crate::domain::member::MemberId,
) -> Vec<crate::domain::lifecycle::LifeWarning> {
    let Some(e) = app.roster.get(id) else {
        return Vec::new();
    };
    let year = chrono::Datelike::year(&app.today);
    let months = crate::domain::meeting::unexcused_months(
        app.meetings.list.iter().map(|(_, m)| m),
        id,
        year,
    );
    crate::domain::lifecycle::reminders(&e.member, app.today, months)
}
