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

/// The home screen's items for today.
pub fn todo_items(app: &App) -> Vec<crate::domain::todo::TodoItem> {
    let members: Vec<_> = app
        .roster
        .entries()
        .iter()
        .map(|e| (e.id, &e.member))
        .collect();
    let meetings: Vec<_> = app.meetings.list.iter().map(|(id, m)| (*id, m)).collect();
    crate::domain::todo::collect(&members, &meetings, app.today)
}
