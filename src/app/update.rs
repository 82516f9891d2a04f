//! Turning events into state changes. Keys go top-down: the focused text input, then the
//! focused context's keymap, then the global keymap.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};

use super::action::{Action, Context};
use super::form::{FieldRef, Form, FormKind};
use super::keymap::{KeyChord, Lookup};
use super::{App, Confirm, Notice, Screen};
use crate::domain::branch;
use crate::domain::text;
use crate::domain::validate::{self, FieldKind, MemberDraft, Problem};
use crate::store::StoreError;

/// Handles one terminal event.
pub fn handle_event(app: &mut App, ev: &Event) {
    match ev {
        Event::Key(key) if key.kind == KeyEventKind::Press => handle_key(app, key),
        Event::Paste(s) => paste(app, s),
        _ => {}
    }
}

fn paste(app: &mut App, s: &str) {
    let clean = text::clean(s);
    if let Some(form) = &mut app.form {
        let f = form.focused();
        if !matches!(f.field.kind(), FieldKind::Choice(_)) {
            f.input.insert_str(&clean);
            form.dirty = true;
        }
    } else if app.roster.searching {
        app.roster.query.insert_str(&clean);
        app.roster.refresh();
    }
}

fn handle_key(app: &mut App, key: &KeyEvent) {
    if app.pending.is_empty() && edit_focused_input(app, key) {
        return;
    }
    let Some(chord) = KeyChord::from_event(key) else {
        return;
    };
    app.pending.push(chord);
    let ctx = app.context();
    let found = match app.keymap.lookup(ctx, &app.pending) {
        Lookup::None => app.keymap.lookup(Context::Global, &app.pending),
        other => other,
    };
    match found {
        Lookup::Action(a) => {
            app.pending.clear();
            update(app, a);
        }
        Lookup::Pending => {}
        Lookup::None => app.pending.clear(),
    }
}

/// Gives the key to the focused text input or choice; true if it took it.
fn edit_focused_input(app: &mut App, key: &KeyEvent) -> bool {
    if app.confirm.is_some() || app.help.is_some() {
        return false;
    }
    if let Some(form) = &mut app.form {
        let f = form.focused();
        if let FieldKind::Choice(n) = f.field.kind() {
            let next = match key.code {
                KeyCode::Right | KeyCode::Char(' ') => Some(f.choice.map_or(0, |c| (c + 1) % n)),
                KeyCode::Left => Some(f.choice.map_or(n - 1, |c| (c + n - 1) % n)),
                KeyCode::Backspace | KeyCode::Delete => None,
                _ => return false,
            };
            if f.choice != next {
                f.choice = next;
                f.error = None;
                form.dirty = true;
            }
            return true;
        }
        return match f.input.handle_key(key) {
            Some(changed) => {
                if changed {
                    f.error = None;
                    form.dirty = true;
                }
                true
            }
            None => false,
        };
    }
    if app.screen == Screen::Members
        && app.roster.searching
        && app.detail.is_none()
        && let Some(changed) = app.roster.query.handle_key(key)
    {
        if changed {
            app.roster.refresh();
        }
        return true;
    }
    false
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    let ctx = app.context();
    // A notice stays while the user only moves around.
    if !matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
    ) {
        app.notice = None;
    }
    if let Some(n) = action.screen_number() {
        if app.form.is_none()
            && app.confirm.is_none()
            && let Some(s) = Screen::ALL.get(usize::from(n) - 1)
        {
            app.screen = *s;
            app.help = None;
        }
        return;
    }
    match action {
        Action::Noop => {}
        Action::Help => app.help = Some(0),
        Action::Quit => request_quit(app),
        Action::ForceQuit => {
            if app.confirm == Some(Confirm::Quit) {
                app.should_quit = true;
            } else {
                request_quit(app);
            }
        }
        Action::Search => {
            app.detail = None;
            app.roster.searching = true;
        }
        Action::SearchAccept => app.roster.searching = false,
        Action::Back => back(app, ctx),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_cursor(app, ctx, action),
        Action::NextFilter => app.roster.cycle_filter(1),
        Action::PrevFilter => app.roster.cycle_filter(-1),
        Action::Open => match app.roster.selected_id() {
            Some(id) => app.detail = Some(id),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::New => {
            let draft = MemberDraft {
                ethnicity: "Kinh".into(),
                religion: "Không".into(),
                residential_group: most_common_group(app),
                ..MemberDraft::default()
            };
            app.form = Some(Form::member(FormKind::NewMember, &draft));
        }
        Action::Edit => edit(app, ctx),
        Action::Delete => {
            let id = if ctx == Context::Member {
                app.detail
            } else {
                app.roster.selected_id()
            };
            match id.and_then(|id| app.roster.get(id)) {
                Some(e) => app.confirm = Some(Confirm::Delete(e.id, e.member.full_name.clone())),
                None => app.notice = Some(Notice::NothingSelected),
            }
        }
        Action::Save => save(app),
        Action::Cancel => {
            if app.form.as_ref().is_some_and(|f| f.dirty) {
                app.confirm = Some(Confirm::Discard);
            } else {
                app.form = None;
            }
        }
        Action::NextField | Action::PrevField => {
            if let Some(f) = &mut app.form {
                f.move_focus(if action == Action::NextField { 1 } else { -1 });
            }
        }
        Action::Yes => confirm_yes(app),
        Action::No => app.confirm = None,
        Action::Screen1 | Action::Screen2 => {}
    }
}

fn request_quit(app: &mut App) {
    if app.form.as_ref().is_some_and(|f| f.dirty) {
        app.help = None;
        app.confirm = Some(Confirm::Quit);
    } else {
        app.should_quit = true;
    }
}

fn back(app: &mut App, ctx: Context) {
    match ctx {
        Context::Help => app.help = None,
        Context::Search => {
            app.roster.searching = false;
            app.roster.query.set("");
            app.roster.refresh();
        }
        Context::Member => app.detail = None,
        _ => {
            if !app.roster.query.text().is_empty() {
                app.roster.query.set("");
                app.roster.refresh();
            }
        }
    }
}

fn move_cursor(app: &mut App, ctx: Context, action: Action) {
    let page = app.page_rows.max(1) as isize;
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        _ => isize::MAX / 2,
    };
    match ctx {
        Context::Help => {
            let h = app.help.unwrap_or(0) as isize;
            app.help = Some((h.saturating_add(delta)).clamp(0, 500) as usize);
        }
        Context::Member => {
            app.roster.move_by(delta);
            app.detail = app.roster.selected_id();
        }
        _ => app.roster.move_by(delta),
    }
}

fn most_common_group(app: &App) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in app.roster.entries() {
        let g = e.member.residential_group.as_str();
        match counts.iter_mut().find(|(k, _)| *k == g) {
            Some((_, n)) => *n += 1,
            None => counts.push((g, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(g, _)| g.to_string())
        .unwrap_or_default()
}

fn edit(app: &mut App, ctx: Context) {
    if ctx == Context::Branch {
        app.form = Some(Form::branch(app.branch.as_ref(), false));
        return;
    }
    let id = if ctx == Context::Member {
        app.detail
    } else {
        app.roster.selected_id()
    };
    match id.and_then(|id| app.roster.get(id)) {
        Some(e) => {
            app.form = Some(Form::member(
                FormKind::EditMember(e.id),
                &MemberDraft::from_member(&e.member),
            ))
        }
        None => app.notice = Some(Notice::NothingSelected),
    }
}

fn store_notice(e: &StoreError) -> Notice {
    Notice::Store(e.clone())
}

fn save(app: &mut App) {
    let Some(form) = &mut app.form else { return };
    match form.kind {
        FormKind::Branch { .. } => match branch::check_branch(&form.branch_values()) {
            Err(errors) => {
                let errs: Vec<_> = errors
                    .into_iter()
                    .map(|(f, p)| (FieldRef::Branch(f), p))
                    .collect();
                form.set_errors(&errs);
                app.notice = Some(Notice::FormHasErrors);
            }
            Ok(b) => match app.store.save_branch(&b) {
                Ok(()) => {
                    app.branch = Some(b);
                    app.form = None;
                    app.changed = true;
                    app.notice = Some(Notice::Saved(Vec::new()));
                }
                Err(e) => app.notice = Some(store_notice(&e)),
            },
        },
        FormKind::NewMember | FormKind::EditMember(_) => {
            let id = match form.kind {
                FormKind::EditMember(id) => Some(id),
                _ => None,
            };
            let base = id
                .and_then(|id| app.roster.get(id))
                .map(|e| e.member.clone());
            let others = app.roster.entries().iter().map(|e| (e.id, &e.member));
            match validate::check_member(&form.member_draft(), base.as_ref(), id, others, app.today)
            {
                Err(errors) => {
                    let errs: Vec<_> = errors
                        .into_iter()
                        .map(|e| (FieldRef::Member(e.field), e.problem))
                        .collect();
                    form.set_errors(&errs);
                    app.notice = Some(Notice::FormHasErrors);
                }
                Ok(checked) => match app.store.save_member(id, &checked.member) {
                    Ok(new_id) => {
                        app.roster.upsert(new_id, checked.member);
                        app.form = None;
                        app.changed = true;
                        if app.detail.is_some() {
                            app.detail = Some(new_id);
                        }
                        app.notice = Some(Notice::Saved(checked.warnings));
                    }
                    Err(StoreError::CardTaken(name)) => {
                        form.set_errors(&[(
                            FieldRef::Member(validate::Field::CardNumber),
                            Problem::CardTaken(name),
                        )]);
                        app.notice = Some(Notice::FormHasErrors);
                    }
                    Err(e) => app.notice = Some(store_notice(&e)),
                },
            }
        }
    }
}

fn confirm_yes(app: &mut App) {
    let Some(c) = app.confirm.take() else { return };
    match c {
        Confirm::Quit => app.should_quit = true,
        Confirm::Discard => app.form = None,
        Confirm::Delete(id, name) => match app.store.delete_member(id) {
            Ok(_) => {
                app.roster.remove(id);
                app.detail = None;
                app.changed = true;
                app.notice = Some(Notice::Deleted(name));
            }
            Err(e) => app.notice = Some(store_notice(&e)),
        },
    }
}
