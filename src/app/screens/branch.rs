//! Screen 2: the branch profile. F2 or Enter edits it.

use super::ScreenDef;
use crate::app::form::FormField;
use crate::app::form::{FieldRef, Form, FormKind};
use crate::app::{App, Notice, Screen};
use crate::domain::branch::{self, Branch, BranchField};
use crate::i18n::Msg;
use crate::keymap::action::{Action, Context};

/// The branch screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Branch,
    name: |l| l.cat().msg(crate::i18n::Msg::ScreenBranch),
    context: |_| Context::Branch,
    handle,
    hints: |_| &[Action::Edit],
    find: super::no_find,
    form_tags: &[FORM],
    form_title,
    form_for,
    restore: super::no_restore,
    save,
    question: super::no_words,
    confirmed: super::no_question,
};

/// The branch form's number (its id 0 is 1 on the first start).
const FORM: u8 = 2;

/// The branch form; `first_run` when the app walks a new user through it.
pub fn kind(first_run: bool) -> FormKind {
    FormKind::new(Screen::Branch, FORM, &[u64::from(first_run)])
}

/// Whether a form is the first-run branch form (it shows an introduction).
pub fn is_setup(kind: FormKind) -> bool {
    kind.screen == Screen::Branch && kind.id(0) == Some(1)
}

/// A branch form showing `b` (empty for the first run).
pub fn form(b: Option<&Branch>, first_run: bool) -> Form {
    let values = b
        .map(branch::branch_values)
        .unwrap_or_else(|| vec![String::new(); BranchField::ALL.len()]);
    let fields = BranchField::ALL
        .iter()
        .zip(values)
        .map(|(f, v)| FormField::text(FieldRef::Branch(*f), &v))
        .collect();
    Form::new(kind(first_run), fields)
}

fn form_title(app: &App, kind: FormKind) -> String {
    let m = if is_setup(kind) {
        Msg::FormBranchSetup
    } else {
        Msg::FormEditBranch
    };
    app.lang.cat().msg(m).to_string()
}

fn handle(app: &mut App, action: Action, _: Context) -> bool {
    if action != Action::Edit {
        return false;
    }
    app.form = Some(form(app.branch.as_ref(), false));
    true
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    (kind.screen == Screen::Branch && kind.tag == FORM)
        .then(|| form(app.branch.as_ref(), is_setup(kind)))
}

fn save(app: &mut App, kind: FormKind) -> bool {
    if kind.screen != Screen::Branch {
        return false;
    }
    let Some(form) = &app.form else { return true };
    match branch::check_branch(&form.values()) {
        Err(errors) => {
            let errors: Vec<_> = errors
                .into_iter()
                .map(|(f, p)| (FieldRef::Branch(f), p))
                .collect();
            app.form_refused(&errors);
        }
        Ok(b) => match app.store.save_branch(&b) {
            Ok(()) => {
                app.branch = Some(b);
                app.form_saved(Notice::Saved(Vec::new()));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
    }
    true
}
