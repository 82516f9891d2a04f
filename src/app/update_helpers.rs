//! Derived lists shared by the update function and the views (no state changes here).

use super::App;

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
    extra.review_pending = super::screens::review::pending_in_season(app);
    todo::collect_with(&members, &meetings, &extra, app.today)
}
