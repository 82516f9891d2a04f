//! Screen H (Alt+H): resolution study (học tập, quán triệt nghị quyết, #18.2).
//!
//! The list of resolutions with "n of m members studied (= x%)" and the year's figure;
//! Enter opens one: who had to study it and when each did (in a session or a make-up).
//! A session is entered in two steps: its date (a form, refused before the resolution's
//! date), then who attended, ticked on the roll with type-to-find; F2 saves it. Every save
//! is one undoable change of the resolution's record.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::ScreenDef;
use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::parts::{find, list};
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::date::{DateRole, parse_user_date};
use crate::domain::member::{Member, MemberId};
use crate::domain::study::{Level, MakeUp, Resolution, ResolutionId, Session, StudyError};
use crate::domain::validate::Problem;
use crate::i18n::record::{self, RecordMsg, StudyField};
use crate::keymap::action::{Action, Context};
use crate::store::{Store, StoreError};

/// Who attended a session being entered (not saved yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// The resolution.
    pub resolution: ResolutionId,
    /// The session's date (checked).
    pub date: NaiveDate,
    /// The session's note.
    pub note: String,
    /// Who is ticked.
    pub ticked: BTreeSet<MemberId>,
    /// The selected row.
    pub cursor: usize,
}

/// The tabs of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StudyTab {
    /// Resolutions and who studied them.
    #[default]
    Resolutions,
    /// Members whose record lacks a field the database asks for (#18.3).
    Completeness,
}

/// The state of the study screen.
#[derive(Debug, Clone, Default)]
pub struct StudyState {
    /// The tab shown.
    pub tab: StudyTab,
    /// The selected member of the completeness tab.
    pub gap_cursor: usize,
    /// Every resolution, newest first.
    pub list: Vec<(ResolutionId, Resolution)>,
    /// The selected resolution.
    pub cursor: usize,
    /// The open resolution.
    pub open: Option<ResolutionId>,
    /// The selected member of the open resolution.
    pub member_cursor: usize,
    /// The session being entered.
    pub pick: Option<Pick>,
}

impl StudyState {
    /// The screen over these resolutions.
    pub fn new(list: Vec<(ResolutionId, Resolution)>) -> StudyState {
        let mut s = StudyState {
            list,
            ..StudyState::default()
        };
        s.sort();
        s
    }

    fn sort(&mut self) {
        self.list
            .sort_by(|a, b| b.1.date.cmp(&a.1.date).then(a.1.number.cmp(&b.1.number)));
    }

    /// Reads the resolutions again (after an undo or redo).
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.list = store.resolutions()?;
        self.sort();
        if let Some(id) = self.open
            && self.get(id).is_none()
        {
            self.open = None;
        }
        self.pick = None;
        self.cursor = self.cursor.min(self.list.len().saturating_sub(1));
        Ok(())
    }

    /// A resolution by id.
    pub fn get(&self, id: ResolutionId) -> Option<&Resolution> {
        self.list.iter().find(|(i, _)| *i == id).map(|(_, r)| r)
    }

    fn put(&mut self, id: ResolutionId, r: Resolution) {
        match self.list.iter_mut().find(|(i, _)| *i == id) {
            Some(x) => x.1 = r,
            None => self.list.push((id, r)),
        }
        self.sort();
    }

    /// The selected resolution's id.
    pub fn selected(&self) -> Option<ResolutionId> {
        self.list.get(self.cursor).map(|(id, _)| *id)
    }
}

/// What the status line says about the study.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StudyNotice {
    /// A save refused (the member's name where the reason names one).
    Refused(StudyError, String),
    /// A session saved with this many attending.
    SessionSaved(usize),
}

/// The roster as (id, member), for the domain's figures.
pub fn members(app: &App) -> Vec<(MemberId, Member)> {
    app.roster
        .entries()
        .iter()
        .map(|e| (e.id, e.member.clone()))
        .collect()
}

/// The rows of an open resolution: who had to study it, in roster order.
pub fn resolution_rows(app: &App, r: &Resolution) -> Vec<MemberId> {
    let expected = r.expected(&members(app));
    app.roster
        .entries()
        .iter()
        .filter(|e| expected.contains(&e.id))
        .map(|e| e.id)
        .collect()
}

/// The rows of the attendance pick: members in the branch on the session's date.
pub fn pick_rows(app: &App, date: NaiveDate) -> Vec<MemberId> {
    app.roster
        .entries()
        .iter()
        .filter(|e| e.member.status_at(date).is_active())
        .map(|e| e.id)
        .collect()
}

/// The year's figure of the resolutions issued in the year of the selected one (or this
/// year): (year, figure).
pub fn year_figure(app: &App) -> (i32, crate::domain::study::StudyFigure) {
    let s = &app.study;
    let year = s
        .list
        .get(s.cursor)
        .map_or(app.today.year(), |(_, r)| r.date.year());
    let f = crate::domain::study::year_figure(s.list.iter().map(|(_, r)| r), &members(app), year);
    (year, f)
}

/// The study screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Study,
    name: |l| crate::i18n::record::of(l).msg(crate::i18n::record::RecordMsg::ScreenName),
    context,
    handle,
    hints: |ctx| match ctx {
        Context::StudyPick => &[
            Action::MarkPresent,
            Action::MarkAllPresent,
            Action::StudySave,
            Action::Back,
        ],
        Context::Resolution => &[Action::New, Action::StudyMakeUp, Action::Edit, Action::Back],
        _ => &[Action::Open, Action::New, Action::Edit, Action::Delete],
    },
    find: find_row,
    form_tags: &[RESOLUTION, SESSION, MAKEUP],
    form_title,
    form_for,
    restore,
    save,
    question: question_words,
    confirmed,
};

fn context(app: &App) -> Context {
    if app.study.tab == StudyTab::Completeness {
        Context::Completeness
    } else if app.study.pick.is_some() {
        Context::StudyPick
    } else if app.study.open.is_some() {
        Context::Resolution
    } else {
        Context::Study
    }
}

const RESOLUTION: u8 = 100;
const SESSION: u8 = 101;
const MAKEUP: u8 = 102;

/// The forms of the study screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StudyForm {
    /// A resolution (`None`: a new one).
    Resolution(Option<ResolutionId>),
    /// A new session of a resolution: its date and note.
    Session(ResolutionId),
    /// A member's make-up study of a resolution.
    MakeUp(ResolutionId, MemberId),
}

impl From<StudyForm> for FormKind {
    fn from(f: StudyForm) -> FormKind {
        match f {
            StudyForm::Resolution(id) => {
                FormKind::new(Screen::Study, RESOLUTION, &[id.unwrap_or(0)])
            }
            StudyForm::Session(id) => FormKind::new(Screen::Study, SESSION, &[id]),
            StudyForm::MakeUp(id, m) => FormKind::new(Screen::Study, MAKEUP, &[id, m]),
        }
    }
}

impl StudyForm {
    /// The study form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<StudyForm> {
        if kind.screen != Screen::Study {
            return None;
        }
        Some(match kind.tag {
            RESOLUTION => StudyForm::Resolution(kind.id(0).filter(|id| *id != 0)),
            SESSION => StudyForm::Session(kind.id(0)?),
            MAKEUP => StudyForm::MakeUp(kind.id(0)?, kind.id(1)?),
            _ => return None,
        })
    }
}

fn field(f: StudyField) -> FieldRef {
    FieldRef::Study(f)
}

fn form_title(app: &App, kind: FormKind) -> String {
    let c = record::of(app.lang);
    match StudyForm::of(kind) {
        Some(StudyForm::Resolution(None)) => c.msg(RecordMsg::FormNewResolution).into(),
        Some(StudyForm::Resolution(Some(_))) => c.msg(RecordMsg::FormEditResolution).into(),
        Some(StudyForm::Session(id)) => {
            let number = app.study.get(id).map(|r| r.number.as_str()).unwrap_or("");
            format!("{} — {number}", c.msg(RecordMsg::FormSession))
        }
        Some(StudyForm::MakeUp(id, m)) => {
            let number = app.study.get(id).map(|r| r.number.as_str()).unwrap_or("");
            let name = app
                .roster
                .get(m)
                .map(|e| e.member.full_name.as_str())
                .unwrap_or("");
            format!("{} — {number}: {name}", c.msg(RecordMsg::FormMakeUp))
        }
        None => String::new(),
    }
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    let c = record::of(app.lang);
    let today = crate::domain::date::format_date(app.today);
    let fields = match StudyForm::of(kind)? {
        StudyForm::Resolution(id) => {
            let r = id
                .and_then(|id| app.study.get(id))
                .cloned()
                .unwrap_or_default();
            let levels: Vec<String> = Level::ALL.iter().map(|l| c.level(*l).into()).collect();
            let date = if id.is_some() {
                crate::domain::date::format_date(r.date)
            } else {
                String::new()
            };
            vec![
                FormField::text(field(StudyField::Number), &r.number),
                FormField::text(field(StudyField::Title), &r.title),
                FormField::choice(
                    field(StudyField::Level),
                    r.level
                        .and_then(|l| Level::ALL.iter().position(|x| *x == l)),
                    levels,
                ),
                FormField::text(field(StudyField::Date), &date),
            ]
        }
        StudyForm::Session(_) => vec![
            FormField::text(field(StudyField::StudyDate), &today),
            FormField::text(field(StudyField::Note), ""),
        ],
        StudyForm::MakeUp(..) => vec![FormField::text(field(StudyField::StudyDate), &today)],
    };
    Some(Form::new(kind, fields))
}

fn restore(app: &mut App, kind: FormKind) {
    match StudyForm::of(kind) {
        Some(StudyForm::Session(id) | StudyForm::MakeUp(id, _)) => {
            app.study.open = Some(id);
            app.study.pick = None;
        }
        Some(StudyForm::Resolution(_)) => app.study.open = None,
        None => {}
    }
}

fn value(form: &Form, f: StudyField) -> String {
    form.fields
        .iter()
        .find(|x| x.field == field(f))
        .map(FormField::value)
        .unwrap_or_default()
}

type Errors = Vec<(FieldRef, Problem)>;

fn date_field(form: &Form, f: StudyField, today: NaiveDate, e: &mut Errors) -> Option<NaiveDate> {
    let raw = value(form, f);
    if raw.trim().is_empty() {
        e.push((field(f), Problem::Required));
        return None;
    }
    match parse_user_date(&raw, today, DateRole::Event) {
        Ok(d) if d > today => {
            e.push((field(f), Problem::InFuture));
            None
        }
        Ok(d) => Some(d),
        Err(b) => {
            e.push((field(f), Problem::Date(b)));
            None
        }
    }
}

/// The refusal of a study rule: the form stays open, the status line says why.
fn refuse(app: &mut App, e: StudyError) {
    let name = match &e {
        StudyError::AlreadyStudied { member, .. } => app
            .roster
            .get(*member)
            .map(|x| x.member.full_name.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let (f, p) = match &e {
        StudyError::NoNumber => (Some(StudyField::Number), Some(Problem::Required)),
        StudyError::NoTitle => (Some(StudyField::Title), Some(Problem::Required)),
        _ => (None, None),
    };
    if let (Some(f), Some(p), Some(form)) = (f, p, app.form.as_mut()) {
        form.set_errors(&[(field(f), p)]);
    }
    app.notice = Some(Notice::Study(StudyNotice::Refused(e, name)));
}

/// Saves a resolution durably and shows it; false (with the notice) if the store failed.
fn store_resolution(
    app: &mut App,
    id: Option<ResolutionId>,
    r: Resolution,
) -> Option<ResolutionId> {
    match app.store.save_resolution(id, &r) {
        Ok(id) => {
            app.study.put(id, r);
            app.changed = true;
            Some(id)
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            None
        }
    }
}

fn save(app: &mut App, kind: FormKind) -> bool {
    let Some(which) = StudyForm::of(kind) else {
        return false;
    };
    let Some(form) = app.form.clone() else {
        return true;
    };
    let today = app.today;
    let mut errors = Vec::new();
    match which {
        StudyForm::Resolution(id) => {
            let date = date_field(&form, StudyField::Date, today, &mut errors);
            let level = form
                .fields
                .iter()
                .find(|x| x.field == field(StudyField::Level))
                .and_then(|x| x.choice)
                .and_then(|i| Level::ALL.get(i).copied());
            let Some(date) = date.filter(|_| errors.is_empty()) else {
                app.form_refused(&errors);
                return true;
            };
            let mut r = id
                .and_then(|id| app.study.get(id))
                .cloned()
                .unwrap_or_default();
            r.number = crate::domain::text::clean(&value(&form, StudyField::Number));
            r.title = crate::domain::text::clean(&value(&form, StudyField::Title));
            r.level = level;
            r.date = date;
            let others = app
                .study
                .list
                .iter()
                .filter(|(i, _)| Some(*i) != id)
                .map(|(_, r)| r);
            if let Err(e) = r.check(others) {
                refuse(app, e);
                return true;
            }
            if let Some(new) = store_resolution(app, id, r) {
                app.study.cursor = app
                    .study
                    .list
                    .iter()
                    .position(|(i, _)| *i == new)
                    .unwrap_or(0);
                app.form_saved(Notice::Saved(Vec::new()));
            }
        }
        StudyForm::Session(id) => {
            let Some(date) = date_field(&form, StudyField::StudyDate, today, &mut errors) else {
                app.form_refused(&errors);
                return true;
            };
            let Some(r) = app.study.get(id) else {
                return true;
            };
            // Checked now, so the roll is never ticked for a session that cannot be saved.
            let mut probe = r.clone();
            if let Err(e) = probe.add_session(Session {
                date,
                attendees: vec![0],
                note: String::new(),
            }) {
                refuse(app, e);
                return true;
            }
            app.form = None;
            let _ = app.store.save_draft(None);
            app.study.pick = Some(Pick {
                resolution: id,
                date,
                note: crate::domain::text::clean(&value(&form, StudyField::Note)),
                ticked: BTreeSet::new(),
                cursor: 0,
            });
            app.notice = None;
        }
        StudyForm::MakeUp(id, member) => {
            let Some(date) = date_field(&form, StudyField::StudyDate, today, &mut errors) else {
                app.form_refused(&errors);
                return true;
            };
            let Some(mut r) = app.study.get(id).cloned() else {
                return true;
            };
            if let Err(e) = r.add_makeup(MakeUp { member, date }) {
                refuse(app, e);
                return true;
            }
            if store_resolution(app, Some(id), r).is_some() {
                app.form_saved(Notice::Saved(Vec::new()));
            }
        }
    }
    true
}

fn confirmed(app: &mut App, c: &Confirm) -> bool {
    let Confirm::DeleteResolution(id, _) = c else {
        return false;
    };
    match app.store.delete_resolution(*id) {
        Ok(()) => {
            app.study.list.retain(|(i, _)| i != id);
            app.study.cursor = app.study.cursor.min(app.study.list.len().saturating_sub(1));
            app.changed = true;
            app.notice = Some(Notice::Saved(Vec::new()));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
    true
}

fn handle(app: &mut App, action: Action, ctx: Context) -> bool {
    if matches!(action, Action::NextTab | Action::PrevTab)
        && matches!(ctx, Context::Study | Context::Completeness)
    {
        app.study.tab = match app.study.tab {
            StudyTab::Resolutions => StudyTab::Completeness,
            StudyTab::Completeness => StudyTab::Resolutions,
        };
        return true;
    }
    match ctx {
        Context::Completeness => handle_gaps(app, action),
        Context::StudyPick => handle_pick(app, action),
        Context::Resolution => handle_open(app, action),
        _ => handle_list(app, action),
    }
}

fn handle_list(app: &mut App, action: Action) -> bool {
    if let Some(d) = list::delta(action, app.page_rows) {
        app.study.cursor = list::moved(app.study.cursor, app.study.list.len(), d);
        return true;
    }
    match action {
        Action::New => app.open_form(StudyForm::Resolution(None).into()),
        Action::Edit => match app.study.selected() {
            Some(id) => app.open_form(StudyForm::Resolution(Some(id)).into()),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::Open => match app.study.selected() {
            Some(id) => {
                app.study.open = Some(id);
                app.study.member_cursor = 0;
            }
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::Delete => match app.study.list.get(app.study.cursor) {
            Some((id, r)) => {
                let ask = Confirm::DeleteResolution(*id, r.number.clone());
                app.ask(ask);
            }
            None => app.notice = Some(Notice::NothingSelected),
        },
        _ => return false,
    }
    true
}

/// The members listed on the completeness tab, in roster order, with their gaps.
pub fn gap_rows(app: &App) -> Vec<crate::domain::completeness::Incomplete> {
    crate::domain::completeness::check(&members(app), app.today)
}

fn handle_gaps(app: &mut App, action: Action) -> bool {
    let rows = gap_rows(app);
    if let Some(d) = list::delta(action, app.page_rows) {
        app.study.gap_cursor = list::moved(app.study.gap_cursor, rows.len(), d);
        return true;
    }
    if action != Action::Open {
        return false;
    }
    match rows.get(app.study.gap_cursor) {
        Some(r) => {
            app.screen = Screen::Members;
            app.roster.select(r.member);
            app.detail = Some(r.member);
            app.return_to = Some(Screen::Study);
        }
        None => app.notice = Some(Notice::NothingSelected),
    }
    true
}

fn handle_open(app: &mut App, action: Action) -> bool {
    let Some(id) = app.study.open else {
        return false;
    };
    let Some(r) = app.study.get(id).cloned() else {
        app.study.open = None;
        return true;
    };
    let rows = resolution_rows(app, &r);
    if let Some(d) = list::delta(action, app.page_rows) {
        app.study.member_cursor = list::moved(app.study.member_cursor, rows.len(), d);
        return true;
    }
    match action {
        Action::New => app.open_form(StudyForm::Session(id).into()),
        Action::Edit => app.open_form(StudyForm::Resolution(Some(id)).into()),
        Action::StudyMakeUp => match rows.get(app.study.member_cursor) {
            Some(m) => app.open_form(StudyForm::MakeUp(id, *m).into()),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::Back => app.study.open = None,
        _ => return false,
    }
    true
}

fn handle_pick(app: &mut App, action: Action) -> bool {
    let Some(pick) = app.study.pick.clone() else {
        return false;
    };
    let rows = pick_rows(app, pick.date);
    if let Some(d) = list::delta(action, app.page_rows) {
        if let Some(p) = app.study.pick.as_mut() {
            p.cursor = list::moved(p.cursor, rows.len(), d);
        }
        return true;
    }
    match action {
        Action::MarkPresent => {
            if let (Some(p), Some(m)) = (app.study.pick.as_mut(), rows.get(pick.cursor)) {
                if !p.ticked.remove(m) {
                    p.ticked.insert(*m);
                }
                p.cursor = (p.cursor + 1).min(rows.len().saturating_sub(1));
            }
        }
        Action::MarkAllPresent => {
            if let Some(p) = app.study.pick.as_mut() {
                p.ticked.extend(rows.iter().copied());
            }
        }
        Action::StudySave => save_pick(app, pick),
        Action::Back => app.study.pick = None,
        _ => return false,
    }
    true
}

fn save_pick(app: &mut App, pick: Pick) {
    let Some(mut r) = app.study.get(pick.resolution).cloned() else {
        app.study.pick = None;
        return;
    };
    let n = pick.ticked.len();
    let session = Session {
        date: pick.date,
        attendees: pick.ticked.into_iter().collect(),
        note: pick.note,
    };
    if let Err(e) = r.add_session(session) {
        refuse(app, e);
        return;
    }
    if store_resolution(app, Some(pick.resolution), r).is_some() {
        app.study.pick = None;
        app.notice = Some(Notice::Study(StudyNotice::SessionSaved(n)));
    }
}

fn find_row(app: &mut App, ctx: Context, typed: &str) -> bool {
    match ctx {
        Context::Completeness => {
            let ids: Vec<MemberId> = gap_rows(app).iter().map(|r| r.member).collect();
            if let Some(i) = find::first_match(names(app, &ids), typed) {
                app.study.gap_cursor = i;
            }
        }
        Context::StudyPick => {
            let Some(date) = app.study.pick.as_ref().map(|p| p.date) else {
                return false;
            };
            let names = names(app, &pick_rows(app, date));
            if let (Some(i), Some(p)) = (find::first_match(&names, typed), app.study.pick.as_mut())
            {
                p.cursor = i;
            }
        }
        Context::Resolution => {
            let Some(r) = app.study.open.and_then(|id| app.study.get(id)).cloned() else {
                return false;
            };
            let names = names(app, &resolution_rows(app, &r));
            if let Some(i) = find::first_match(&names, typed) {
                app.study.member_cursor = i;
            }
        }
        _ => {
            let labels: Vec<String> = app
                .study
                .list
                .iter()
                .map(|(_, r)| format!("{} {}", r.number, r.title))
                .collect();
            if let Some(i) = find::first_match(&labels, typed) {
                app.study.cursor = i;
            }
        }
    }
    true
}

fn names(app: &App, ids: &[MemberId]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            app.roster
                .get(*id)
                .map(|e| e.member.full_name.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// The words of the study screen's question: delete a resolution with its study.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    match ask {
        Confirm::DeleteResolution(_, number) => Some(format!(
            "{} {number}?",
            crate::i18n::record::of(app.lang).msg(crate::i18n::record::RecordMsg::ConfirmDelete)
        )),
        _ => None,
    }
}
