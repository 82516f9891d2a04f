//! Screen 0: what needs doing today. Enter opens the item's member, meeting, candidate
//! or review; typing a name searches everyone.
//!
//! While the data is recorded as found damaged (issue 20), the screen first says where
//! the damaged copy is and which good backup is the newest, and offers its restore on
//! one key (F5, `restore_backup`) and the dismissal on another (F6, `dismiss_damage`),
//! each after a question. The restore itself needs the store closed: the answer asks
//! the session for it ([`DamageWarning::restore`]), which ends the event loop, calls
//! [`restore_and_reload`] and goes on with the restored data.

use std::path::PathBuf;

use super::ScreenDef;
use crate::app::parts::list;
use crate::app::{App, Confirm, Screen};
use crate::domain::todo::TodoKind;
use crate::i18n::restore::{self as texts, RestoreText};
use crate::keymap::action::{Action, Context};
use crate::store::backup::BackupInfo;
use crate::store::recover::{self, DamageReport};
use crate::store::{Store, StoreError};

/// The home screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Home,
    name: |l| l.cat().msg(crate::i18n::Msg::ScreenHome),
    context: |_| Context::Home,
    handle,
    hints: |_| &[Action::Open],
    find: super::no_find,
    form_tags: &[],
    form_title: super::no_title,
    form_for: super::no_form,
    restore: super::no_restore,
    save: super::no_save,
    question: question_words,
    confirmed,
};

/// The warning about data found damaged, as the home screen shows it.
#[derive(Debug, Clone, Default)]
pub struct DamageWarning {
    /// The damage recorded for the data directory (until restored or dismissed).
    pub report: Option<DamageReport>,
    /// The backup the user chose to restore: the session closes the store, restores it
    /// and reloads ([`restore_and_reload`]).
    pub restore: Option<BackupInfo>,
    /// What the last restore or dismissal did, shown on the home screen.
    pub outcome: Option<String>,
}

impl DamageWarning {
    /// The warning recorded for `store`'s data directory, if any.
    pub fn of(store: &Store) -> DamageWarning {
        DamageWarning {
            report: store.damage_report(),
            ..DamageWarning::default()
        }
    }

    /// The backup the warning offers to restore: the newest good one, unless the
    /// register was already rebuilt from it.
    pub fn offer(&self) -> Option<&BackupInfo> {
        let r = self.report.as_ref()?;
        r.newest_backup
            .as_ref()
            .filter(|b| r.restored.as_ref().is_none_or(|from| from.path != b.path))
    }
}

/// The commands the key bar adds on the home screen while a damage warning is shown.
pub fn damage_hints(app: &App, ctx: Context) -> &'static [Action] {
    match (&app.damage.report, ctx) {
        (Some(_), Context::Home) if app.damage.offer().is_some() => {
            &[Action::RestoreBackup, Action::DismissDamage]
        }
        (Some(_), Context::Home) => &[Action::DismissDamage],
        _ => &[],
    }
}

/// Shows the damage warning first: when the data was found damaged, the session starts
/// on the home screen, not in the first-run setup of an empty register (which opens
/// again once the warning is dismissed).
pub fn show_damage_first(app: &mut App) {
    if app.damage.report.is_some() {
        if app.branch.is_none() {
            app.form = None;
        }
        app.screen = Screen::Home;
    }
}

fn confirmed(app: &mut App, ask: &Confirm) -> bool {
    match ask {
        Confirm::RestoreBackup(b) => {
            // The store must be closed for the restore: the session does it.
            app.damage.restore = Some(b.clone());
            app.should_quit = true;
        }
        Confirm::DismissDamage => {
            let dir = app.store.dir().to_path_buf();
            match recover::dismiss_damage(&dir) {
                Ok(_) => {
                    let kept = app
                        .damage
                        .report
                        .take()
                        .and_then(|r| r.damaged)
                        .map(|p| p.display().to_string());
                    app.damage.outcome = Some(crate::i18n::recovery::catalogue(app.lang).text(
                        crate::i18n::recovery::RecoveryText::Dismissed(kept.as_deref()),
                    ));
                    if app.branch.is_none() && app.form.is_none() {
                        // An empty register: its first-run setup, as on a first start.
                        app.form = Some(super::branch::form(None, true));
                    }
                }
                Err(e) => app.notice = Some(crate::app::Notice::Store(e)),
            }
        }
        _ => return false,
    }
    true
}

/// Closes `app`'s store, restores backup `b` into its data directory (the data there is
/// kept as `sled.before-restore-*`, the damage report removed) and opens it again: the
/// app the session goes on with, on the home screen, saying what was restored. When
/// the restore fails nothing changed, and the same data is opened again with the
/// reason shown. An error only when the data cannot be opened again.
pub fn restore_and_reload(app: App, b: &BackupInfo) -> Result<App, StoreError> {
    let App {
        store,
        lang,
        keymap,
        today,
        ..
    } = app;
    let dir: PathBuf = store.dir().to_path_buf();
    let sealer = store.sealer().cloned();
    drop(store);
    let done = recover::restore_backup(&dir, &b.path);
    let store = Store::open(&dir)?;
    if let Some(s) = &sealer {
        store.unlock_with_sealer(s);
    }
    let mut app = App::new(store, lang, keymap, today)?;
    let t = texts::catalogue(lang);
    app.damage.outcome = Some(match done {
        Ok(r) => t.text(RestoreText::Restored(
            r.members,
            &b.path.display().to_string(),
        )),
        Err(e) => t.text(RestoreText::Failed(&crate::i18n::store_error(lang, &e))),
    });
    app.screen = Screen::Home;
    show_damage_first(&mut app);
    Ok(app)
}

fn handle(app: &mut App, action: Action, _: Context) -> bool {
    match action {
        Action::RestoreBackup => {
            if let Some(b) = app.damage.offer().cloned() {
                app.ask(Confirm::RestoreBackup(b));
            }
            return true;
        }
        Action::DismissDamage => {
            if app.damage.report.is_some() {
                app.ask(Confirm::DismissDamage);
            }
            return true;
        }
        _ => {}
    }
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
    } else if let TodoKind::LiaisonComment(id, ..) = item.kind {
        app.screen = Screen::Liaison;
        app.liaison.select(id);
        app.liaison.open = Some(id);
        app.return_to = Some(Screen::Home);
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
    for (id, c) in app
        .admission
        .list
        .iter()
        .filter(|(_, c)| c.withdrawn.is_none())
    {
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
    let extra = extra
        .with_admission(&candidates)
        .with_liaison(&app.liaison.list, app.today);
    todo::collect_with(&members, &meetings, &extra, app.today)
}

/// The words of the home screen's questions: restore the newest good backup, dismiss
/// the damage warning.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    use crate::app::history::local_time;
    let t = texts::catalogue(app.lang);
    Some(match ask {
        Confirm::RestoreBackup(b) => t.text(RestoreText::AskRestore(
            &b.path.display().to_string(),
            b.members,
            &local_time(b.created_at),
        )),
        Confirm::DismissDamage => {
            let kept = app
                .damage
                .report
                .as_ref()
                .and_then(|r| r.damaged.as_ref())
                .map(|p| p.display().to_string());
            t.text(RestoreText::AskDismiss(kept.as_deref()))
        }
        _ => return None,
    })
}
