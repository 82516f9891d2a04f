//! Screen 10 (Alt+Q): the rules (Quy định). Every rule of the rules table with its value in force,
//! its source and how sure we are of it; a rule no text could be found for is a branch
//! setting, and Enter or F2 changes its value with who and why (one undoable save).

use super::ScreenDef;
use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::parts::list;
use crate::app::{App, Notice, Screen};
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
    context: |_| Context::Rules,
    handle,
    hints: |_| &[Action::Edit],
    find: super::no_find,
    form_tags: &[FORM],
    form_title,
    form_for,
    restore,
    save,
    question: super::no_words,
    confirmed: super::no_question,
};

/// The setting form's number in the saved-draft format.
const FORM: u8 = 25;

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

fn handle(app: &mut App, action: Action, _: Context) -> bool {
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
    rule_of(kind).map_or_else(String::new, |id| {
        format!(
            "{}: {}",
            c.msg(crate::i18n::rules::RulesMsg::ScreenName),
            c.rule(id)
        )
    })
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    rule_of(kind).map(|id| form(app, id))
}

fn restore(app: &mut App, kind: FormKind) {
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

fn save(app: &mut App, kind: FormKind) -> bool {
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
