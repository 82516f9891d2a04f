//! Screen 0: what needs doing today. Enter opens the item's member, meeting, candidate
//! or review; typing a name searches everyone.

use super::ScreenDef;
use crate::app::parts::list;
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
    form_tags: &[],
    form_title: super::no_title,
    form_for: super::no_form,
    restore: super::no_restore,
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
    } else if let TodoKind::Check(crate::domain::todo::Check::AwaitingSuperior(id, ..)) = item.kind
    {
        app.screen = Screen::Admission;
        app.admission.select(id, app.today);
        app.admission.open = Some(id);
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

/// The home screen's items for today: the meetings' and members' own, plus what dues,
/// badges, admissions and the annual review contribute, each by its own rules.
pub fn todo_items(app: &App) -> Vec<crate::domain::todo::TodoItem> {
    use crate::domain::rules::{self, RuleId};
    use crate::domain::{admission, badges, dues, todo};
    use chrono::Datelike;
    let members: Vec<_> = app
        .roster
        .entries()
        .iter()
        .map(|e| (e.id, &e.member))
        .collect();
    let meetings: Vec<_> = app.meetings.list.iter().map(|(id, m)| (*id, m)).collect();
    let name = |id: u64| {
        app.roster
            .get(id)
            .map(|e| e.member.full_name.clone())
            .unwrap_or_default()
    };
    let year = app.today.year();
    let mut extra = todo::Extra::default();
    for e in app.roster.entries().iter().filter(|e| e.status.is_active()) {
        if let Some(l) = app.dues.ledgers.get(&e.id) {
            let a = dues::arrears(&e.member, l, year, app.today);
            if a.flagged() {
                extra
                    .dues
                    .push((e.id, e.member.full_name.clone(), a.flag_months));
            }
        }
    }
    if let Some(p) = badges::next_presentation(app.today) {
        for c in badges::candidates(members.iter().copied(), &app.dues.badges, p) {
            if c.awarded.is_none() {
                extra
                    .badges
                    .push((c.member, name(c.member), c.milestone, p));
            }
        }
    }
    let soon = rules::value(RuleId::EndingSoonDays);
    for (id, c) in &app.admission.list {
        if let Some(d) = admission::next_deadline(c)
            && (d.date - app.today).num_days() <= soon
        {
            extra
                .candidates
                .push((*id, c.person.full_name.clone(), d.date));
        }
    }
    extra.review_pending = super::review::pending_in_season(app);
    let candidates: Vec<_> = app.admission.list.iter().map(|(id, c)| (*id, c)).collect();
    let extra = extra.with_admission(&candidates);
    todo::collect_with(&members, &meetings, &extra, app.today)
}
