//! Screen 2: the branch profile. F2 or Enter edits it.

use super::ScreenDef;
use crate::app::form::{FieldRef, Form, FormKind};
use crate::app::{App, Notice, Screen};
use crate::domain::branch;
use crate::keymap::action::{Action, Context};

/// The branch screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Branch,
    context: |_| Context::Branch,
    handle,
    hints: |_| &[Action::Edit],
    find: super::no_find,
    form_for,
    save,
    confirmed: super::no_question,
};

fn handle(app: &mut App, action: Action, _: Context) -> bool {
    if action != Action::Edit {
        return false;
    }
    app.form = Some(Form::branch(app.branch.as_ref(), false));
    true
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    match kind {
        FormKind::Branch { first_run } => Some(Form::branch(app.branch.as_ref(), first_run)),
        _ => None,
    }
}

fn save(app: &mut App, kind: FormKind) -> bool {
    if !matches!(kind, FormKind::Branch { .. }) {
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
