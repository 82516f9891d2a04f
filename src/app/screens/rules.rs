//! Screen 10 (Alt+Q): the rules (Quy định). Every rule of the rules table with its value in force,
//! its source and how sure we are of it; a rule no text could be found for is a branch
//! setting, and Enter or F2 changes its value with who and why (one undoable save).
//! Tab switches to the second section, the days off ("Ngày nghỉ"): the built-in days of
//! the Labour Code and the branch's own days (Insert/F7 adds, F2/Enter edits, Delete/F8
//! removes after a question), each with its source and who set it.

use chrono::NaiveDate;

use super::ScreenDef;
use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::parts::list;
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::calendar::{BUILTIN_YEARS, Feast, builtin_days};
use crate::domain::date::format_date;
use crate::domain::holidays::{self, DayEntry, DayKind, HolidayError, HolidayField};
use crate::domain::rules::{self, RuleField, RuleId, SettingError};
use crate::domain::validate::Problem;
use crate::i18n::rules::RulesNotice;
use crate::keymap::action::{Action, Context};

/// The rules screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Rules,
    name: |l| {
        l.cat()
            .rules()
            .msg(crate::i18n::rules::RulesMsg::ScreenName)
    },
    context: |app| {
        if app.holidays.shown {
            Context::Holidays
        } else {
            Context::Rules
        }
    },
    handle,
    hints: |ctx| match ctx {
        Context::Holidays => &[Action::New, Action::Edit, Action::Delete, Action::NextTab],
        _ => &[Action::Edit, Action::NextTab],
    },
    find: super::no_find,
    form_tags: &[FORM, HOLIDAY],
    form_title,
    form_for,
    restore,
    save,
    question,
    confirmed,
};

/// The setting form's number in the saved-draft format.
const FORM: u8 = 25;
/// The form of a branch's day (ids: none to add, the day's key to edit).
const HOLIDAY: u8 = 26;

/// The days-off section of the rules screen: whether it is shown (Tab) and its selected
/// day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HolidaysView {
    /// Whether the days off are shown instead of the rules.
    pub shown: bool,
    /// The selected day (index into [`day_rows`]).
    pub cursor: usize,
}

/// One day of the days-off section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayRow {
    /// A day off of the built-in table (the law); `true` when the branch has an entry
    /// for the same date (which is then in force).
    Builtin(NaiveDate, Feast, bool),
    /// The branch's own day.
    Branch(DayEntry),
}

impl DayRow {
    /// The day's date.
    pub fn date(&self) -> NaiveDate {
        match self {
            DayRow::Builtin(d, ..) => *d,
            DayRow::Branch(e) => e.date,
        }
    }
}

/// The days of the section in date order: the built-in days of every year of the table
/// and each of the branch's days (after the built-in day of the same date).
pub fn day_rows() -> Vec<DayRow> {
    let branch = holidays::installed();
    let mut rows: Vec<DayRow> = (BUILTIN_YEARS.0..=BUILTIN_YEARS.1)
        .flat_map(builtin_days)
        .map(|(d, f)| DayRow::Builtin(d, f, branch.get(d).is_some()))
        .collect();
    rows.extend(branch.entries.into_iter().map(DayRow::Branch));
    rows.sort_by_key(|r| (r.date(), matches!(r, DayRow::Branch(_))));
    rows
}

/// The stored key of a day (days since 1 January of year 1), as a form's id.
fn day_key(d: NaiveDate) -> u64 {
    u64::try_from(chrono::Datelike::num_days_from_ce(&d)).unwrap_or(0)
}

fn key_day(k: u64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(k).ok()?)
}

/// The form that adds a branch's day (`None`) or edits the one of a date.
pub fn holiday_kind(edit: Option<NaiveDate>) -> FormKind {
    match edit {
        Some(d) => FormKind::new(Screen::Rules, HOLIDAY, &[day_key(d)]),
        None => FormKind::new(Screen::Rules, HOLIDAY, &[]),
    }
}

/// The form of a branch's day: `Some(date)` edits the entry of that date, `None` adds.
fn holiday_of(kind: FormKind) -> Option<Option<NaiveDate>> {
    (kind.screen == Screen::Rules && kind.tag == HOLIDAY).then(|| kind.id(0).and_then(key_day))
}

/// The form of a branch's day: empty with the secretary as who adds it, or the entry's.
pub fn holiday_form(app: &App, edit: Option<&DayEntry>) -> Form {
    let c = app.lang.cat().rules();
    let secretary = app.branch.as_ref().map_or("", |b| b.secretary.as_str());
    let text = |f: HolidayField, v: &str| FormField::text(FieldRef::Holiday(f), v);
    let kind = edit.map_or(DayKind::DayOff, |e| e.kind);
    let fields = vec![
        text(
            HolidayField::Date,
            &edit.map(|e| format_date(e.date)).unwrap_or_default(),
        ),
        FormField::choice(
            FieldRef::Holiday(HolidayField::Kind),
            DayKind::ALL.iter().position(|k| *k == kind),
            DayKind::ALL
                .iter()
                .map(|k| c.day_kind(*k).to_string())
                .collect(),
        ),
        text(HolidayField::Name, edit.map_or("", |e| e.name.as_str())),
        text(HolidayField::Source, edit.map_or("", |e| e.source.as_str())),
        text(
            HolidayField::Who,
            edit.map_or(secretary, |e| e.who.as_str()),
        ),
        text(HolidayField::Reason, edit.map_or("", |e| e.reason.as_str())),
    ];
    Form::new(holiday_kind(edit.map(|e| e.date)), fields)
}

/// The days-off section's keys: movement, Tab back to the rules, add, edit, remove.
fn handle_holidays(app: &mut App, action: Action) -> bool {
    let rows = day_rows();
    if let Some(d) = list::delta(action, app.page_rows) {
        app.holidays.cursor = list::moved(app.holidays.cursor, rows.len(), d);
        return true;
    }
    let current = rows.get(app.holidays.cursor.min(rows.len().saturating_sub(1)));
    match action {
        Action::NextTab | Action::PrevTab => app.holidays.shown = false,
        Action::New => app.form = Some(holiday_form(app, None)),
        Action::Edit => match current {
            Some(DayRow::Branch(e)) => app.form = Some(holiday_form(app, Some(e))),
            Some(DayRow::Builtin(d, ..)) => {
                app.notice = Some(Notice::Rules(RulesNotice::BuiltinDay(*d)));
            }
            None => {}
        },
        Action::Delete => match current {
            Some(DayRow::Branch(e)) => app.ask(Confirm::DeleteHoliday(e.date)),
            Some(DayRow::Builtin(d, ..)) => {
                app.notice = Some(Notice::Rules(RulesNotice::BuiltinDay(*d)));
            }
            None => {}
        },
        _ => return false,
    }
    true
}

/// The rules in the screen's order (the table's).
pub fn rows() -> Vec<RuleId> {
    rules::all().iter().map(|r| r.id).collect()
}

/// The form that changes a rule's setting.
pub fn kind(id: RuleId) -> FormKind {
    FormKind::new(Screen::Rules, FORM, &[id.code()])
}

fn rule_of(kind: FormKind) -> Option<RuleId> {
    (kind.screen == Screen::Rules && kind.tag == FORM)
        .then(|| kind.id(0).and_then(RuleId::from_code))
        .flatten()
}

/// The form for a setting: its value in force, the branch secretary as who changes it,
/// and an empty reason.
pub fn form(app: &App, id: RuleId) -> Form {
    let who = app.branch.as_ref().map_or("", |b| b.secretary.as_str());
    let values = [rules::value(id).to_string(), who.to_string(), String::new()];
    let fields = RuleField::ALL
        .iter()
        .zip(values)
        .map(|(f, v)| FormField::text(FieldRef::Rule(*f), &v))
        .collect();
    Form::new(kind(id), fields)
}

fn handle(app: &mut App, action: Action, ctx: Context) -> bool {
    if ctx == Context::Holidays {
        return handle_holidays(app, action);
    }
    if matches!(action, Action::NextTab | Action::PrevTab) {
        // The days off open on the first day from today on (the year being planned).
        let today = app.today;
        let rows = day_rows();
        app.holidays = HolidaysView {
            shown: true,
            cursor: rows
                .iter()
                .position(|r| r.date() >= today)
                .unwrap_or(rows.len().saturating_sub(1)),
        };
        return true;
    }
    let ids = rows();
    if let Some(d) = list::delta(action, app.page_rows) {
        app.rules_cursor = list::moved(app.rules_cursor, ids.len(), d);
        return true;
    }
    if action != Action::Edit {
        return false;
    }
    let Some(id) = ids.get(app.rules_cursor).copied() else {
        return true;
    };
    if rules::rule(id).setting.is_none() {
        app.notice = Some(Notice::Rules(RulesNotice::NotASetting(id)));
        return true;
    }
    app.form = Some(form(app, id));
    true
}

fn form_title(app: &App, kind: FormKind) -> String {
    let c = app.lang.cat().rules();
    if let Some(edit) = holiday_of(kind) {
        return match edit {
            Some(d) => format!(
                "{} {}",
                c.msg(crate::i18n::rules::RulesMsg::HolidayEdit),
                format_date(d)
            ),
            None => c.msg(crate::i18n::rules::RulesMsg::HolidayNew).to_string(),
        };
    }
    rule_of(kind).map_or_else(String::new, |id| {
        format!(
            "{}: {}",
            c.msg(crate::i18n::rules::RulesMsg::ScreenName),
            c.rule(id)
        )
    })
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    if let Some(edit) = holiday_of(kind) {
        return match edit {
            Some(d) => holidays::installed()
                .get(d)
                .map(|e| holiday_form(app, Some(e))),
            None => Some(holiday_form(app, None)),
        };
    }
    rule_of(kind).map(|id| form(app, id))
}

fn restore(app: &mut App, kind: FormKind) {
    if let Some(edit) = holiday_of(kind) {
        app.screen = Screen::Rules;
        app.holidays.shown = true;
        if let Some(d) = edit {
            let rows = day_rows();
            app.holidays.cursor = rows
                .iter()
                .position(|r| matches!(r, DayRow::Branch(e) if e.date == d))
                .unwrap_or(0);
        }
        return;
    }
    if let Some(id) = rule_of(kind) {
        app.screen = Screen::Rules;
        app.rules_cursor = rows().iter().position(|r| *r == id).unwrap_or(0);
    }
}

/// The refused fields of a setting's change.
fn refusal(e: &SettingError) -> (FieldRef, Problem) {
    let clamp = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
    match e {
        SettingError::BadValue { min, max, .. } => (
            FieldRef::Rule(RuleField::Value),
            Problem::OutOfRange(clamp(*min), clamp(*max)),
        ),
        SettingError::NotASetting(_) => (FieldRef::Rule(RuleField::Value), Problem::NotInForce),
        SettingError::NoWho => (FieldRef::Rule(RuleField::Who), Problem::Required),
        SettingError::NoReason => (FieldRef::Rule(RuleField::Reason), Problem::Required),
    }
}

/// The refused field of a branch's day.
fn holiday_refusal(e: HolidayError) -> (FieldRef, Problem) {
    let problem = match e {
        HolidayError::BadDate(b) => Problem::Date(b),
        HolidayError::Year(_) => {
            let (min, max) = holidays::YEARS;
            Problem::OutOfRange(min.unsigned_abs(), max.unsigned_abs())
        }
        HolidayError::NoKind
        | HolidayError::NoName
        | HolidayError::NoSource
        | HolidayError::NoWho
        | HolidayError::NoReason => Problem::Required,
    };
    (FieldRef::Holiday(e.field()), problem)
}

/// Saves the form of a branch's day: every field checked, an added date the branch
/// already has refused (nothing is replaced unseen), then one undoable save, flushed,
/// and the days put in force at once.
fn save_holiday(app: &mut App, edit: Option<NaiveDate>) {
    let Some(form) = &app.form else { return };
    let v = form.values();
    let get = |i: usize| v.get(i).map(String::as_str).unwrap_or("");
    let kind = form
        .fields
        .get(1)
        .and_then(|f| f.choice)
        .and_then(|i| DayKind::ALL.get(i).copied());
    let typed = holidays::Typed {
        date: get(0),
        kind,
        name: get(2),
        source: get(3),
        who: get(4),
        reason: get(5),
    };
    let entry = match holidays::check_entry(&typed, app.today) {
        Ok(e) => e,
        Err(errors) => {
            let errors: Vec<_> = errors.into_iter().map(holiday_refusal).collect();
            app.form_refused(&errors);
            return;
        }
    };
    if edit != Some(entry.date) && holidays::installed().get(entry.date).is_some() {
        app.form_refused(&[]);
        app.notice = Some(Notice::Rules(RulesNotice::HolidayTaken(entry.date)));
        return;
    }
    let saved = app
        .store
        .save_holiday(&entry, edit)
        .and_then(|()| app.store.holidays());
    match saved {
        Ok(days) => {
            holidays::install(days);
            app.holidays.shown = true;
            app.holidays.cursor = day_rows()
                .iter()
                .position(|r| matches!(r, DayRow::Branch(e) if e.date == entry.date))
                .unwrap_or(0);
            app.form_saved(Notice::Saved(Vec::new()));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
}

/// The words of the screen's question: remove a branch's day.
fn question(app: &App, ask: &Confirm) -> Option<String> {
    let Confirm::DeleteHoliday(d) = ask else {
        return None;
    };
    let days = holidays::installed();
    let e = days.get(*d)?;
    Some(app.lang.cat().rules().holiday_delete(e))
}

/// Removes a branch's day once the question was answered yes (one undoable save).
fn confirmed(app: &mut App, ask: &Confirm) -> bool {
    let Confirm::DeleteHoliday(d) = ask else {
        return false;
    };
    match app
        .store
        .remove_holiday(*d)
        .and_then(|()| app.store.holidays())
    {
        Ok(days) => {
            holidays::install(days);
            let n = day_rows().len();
            app.holidays.cursor = app.holidays.cursor.min(n.saturating_sub(1));
            app.changed = true;
            app.notice = Some(Notice::Saved(Vec::new()));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
    true
}

fn save(app: &mut App, kind: FormKind) -> bool {
    if let Some(edit) = holiday_of(kind) {
        save_holiday(app, edit);
        return true;
    }
    let Some(id) = rule_of(kind) else {
        return false;
    };
    let Some(form) = &app.form else { return true };
    let v = form.values();
    let get = |i: usize| v.get(i).map(String::as_str).unwrap_or("");
    // Every field is checked, so the secretary sees every problem at once: the value
    // alone, then who and why.
    let mut errors = Vec::new();
    if let Err(e) = rules::check_override(id, get(0), "-", "-", app.today) {
        errors.push(refusal(&e));
    }
    let placeholder = rules::value(id).to_string();
    for (who, reason) in [(get(1), "-"), ("-", get(2))] {
        if let Err(e) = rules::check_override(id, &placeholder, who, reason, app.today) {
            errors.push(refusal(&e));
        }
    }
    let o = match rules::check_override(id, get(0), get(1), get(2), app.today) {
        Ok(o) if errors.is_empty() => o,
        _ => {
            app.form_refused(&errors);
            return true;
        }
    };
    let saved = app
        .store
        .save_rule_setting(&o)
        .and_then(|()| app.store.rule_settings());
    match saved {
        Ok(settings) => {
            rules::install(settings);
            app.form_saved(Notice::Saved(Vec::new()));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
    true
}
