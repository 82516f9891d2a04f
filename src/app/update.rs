//! Turning events into state changes. Keys go top-down: the focused text field, then the
//! context's chain in the keymap (the context, its parent, list movement, global); a
//! typing key no binding took finds. What is shared (overlays, forms, questions, undo)
//! is handled here; everything else goes to the active screen through its `ScreenDef`.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::form::{Form, FormKind};
use super::{App, Confirm, HelpView, Notice, Screen};
use crate::domain::text;
use crate::domain::validate::FieldKind;
use crate::keymap::action::{Action, Context};
use crate::keymap::{KeyChord, Lookup};
use crate::store::schema::draft::v1::FormDraftV1;

/// Handles one terminal event.
pub fn handle_event(app: &mut App, ev: &Event) {
    match ev {
        Event::Key(key) if key.kind == KeyEventKind::Press => handle_key(app, key),
        Event::Paste(s) => paste(app, s),
        _ => {}
    }
}

fn paste(app: &mut App, s: &str) {
    if let Some(form) = &mut app.form {
        let f = form.focused();
        if let Some(area) = &mut f.area {
            area.insert_str(text::clean_multiline(s));
        } else if !matches!(f.field.kind(), FieldKind::Choice(_)) {
            f.input.insert_str(&text::clean(s));
        } else {
            return;
        }
        form.dirty = true;
        form.unsaved_draft = true;
        save_draft(app);
    } else if let Some(search) = &mut app.search {
        search.query.insert_str(&text::clean(s));
        search.cursor = 0;
    }
}

fn handle_key(app: &mut App, key: &KeyEvent) {
    if app.pending.is_empty() && edit_focused_input(app, key) {
        return;
    }
    let Some(chord) = KeyChord::from_event(key) else {
        return;
    };
    let ctx = app.context();
    // Over a question, the help and the search, typing is never looked up in the keymap:
    // it filters, searches, or (over a question) only earns a hint.
    if app.pending.is_empty()
        && chord.is_typing()
        && matches!(ctx, Context::Confirm | Context::Help | Context::Search)
    {
        typed(app, ctx, key);
        return;
    }
    app.pending.push(chord);
    match app.keymap.lookup_chain(ctx, &app.pending) {
        Lookup::Action(a) => {
            app.pending.clear();
            update(app, a);
        }
        Lookup::Pending => {}
        Lookup::None => {
            let alone = app.pending.len() == 1;
            app.pending.clear();
            if alone && chord.is_typing() {
                typed(app, ctx, key);
            }
        }
    }
}

/// A typing key no binding took: it finds, and never changes data. In a list it goes to
/// the list's find box; where the screen has no list it opens the search over everyone.
fn typed(app: &mut App, ctx: Context, key: &KeyEvent) {
    match ctx {
        Context::Confirm => {
            if let Some(q) = &mut app.confirm {
                q.typed = true;
            }
        }
        Context::Help => {
            if let Some(h) = &mut app.help {
                h.filter.handle_key(key);
                h.scroll = 0;
            }
        }
        Context::Search => {
            if let Some(s) = &mut app.search
                && s.query.handle_key(key) == Some(true)
            {
                s.cursor = 0;
            }
        }
        Context::Form | Context::History | Context::Global | Context::List => {}
        _ => {
            if app.find_in != Some(ctx) {
                app.find.set("");
                app.find_in = Some(ctx);
            }
            if app.find.handle_key(key) != Some(true) {
                return;
            }
            let text = app.find.text().to_string();
            let def = super::screens::def(app.screen);
            if !(def.find)(app, ctx, &text) {
                app.find.set("");
                app.find_in = None;
                if !text.trim().is_empty() {
                    super::parts::search::open(app, &text);
                }
            }
        }
    }
}

/// Empties the find box and lets the list show everything again.
fn clear_find(app: &mut App) {
    if let Some(ctx) = app.find_in.take() {
        app.find.set("");
        let def = super::screens::def(app.screen);
        (def.find)(app, ctx, "");
    }
}

/// Gives the key to the focused text input, text area or choice; true if it took it.
fn edit_focused_input(app: &mut App, key: &KeyEvent) -> bool {
    if app.confirm.is_some() || app.help.is_some() {
        return false;
    }
    if let Some(form) = &mut app.form {
        let f = form.focused();
        let changed = if let FieldKind::Choice(_) = f.field.kind()
            && f.find_key(key)
        {
            // A choice of names (the speaker) finds as the user types.
            true
        } else if let FieldKind::Choice(_) = f.field.kind() {
            let n = f.choice_count().max(1);
            let next = match key.code {
                KeyCode::Right | KeyCode::Char(' ') => Some(f.choice.map_or(0, |c| (c + 1) % n)),
                KeyCode::Left => Some(f.choice.map_or(n - 1, |c| (c + n - 1) % n)),
                KeyCode::Backspace | KeyCode::Delete => None,
                _ => return false,
            };
            let changed = f.choice != next;
            f.choice = next;
            changed
        } else if let Some(area) = &mut f.area {
            // Tab, Shift-Tab, Esc and Ctrl-S belong to the form; the rest is editing.
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                // Function keys are commands (F2 saves), never text.
                KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc | KeyCode::F(_) => return false,
                KeyCode::Char('s' | 'c') if ctrl => return false,
                KeyCode::Up if area.cursor().0 == 0 => return false,
                KeyCode::Down if area.cursor().0 + 1 >= area.lines().len() => return false,
                _ => area.input(*key),
            }
        } else if !f.options.is_empty() && matches!(key.code, KeyCode::Up | KeyCode::Down) {
            // A field with earlier answers (an absence's reason): ↑/↓ go through them.
            f.cycle_option(if key.code == KeyCode::Up { -1 } else { 1 })
        } else {
            match f.input.handle_key(key) {
                Some(changed) => changed,
                None => return false,
            }
        };
        if changed {
            f.error = None;
            let field = f.field;
            form.dirty = true;
            form.unsaved_draft = true;
            super::screens::field_changed(app, field);
        }
        return true;
    }
    false
}

/// Saves the open form's text as a draft if it changed since the last save (called on
/// every field change and by the terminal loop every few seconds).
pub fn autosave(app: &mut App) {
    if app.form.as_ref().is_some_and(|f| f.unsaved_draft) {
        save_draft(app);
    }
}

fn save_draft(app: &mut App) {
    let Some(form) = &mut app.form else { return };
    let d = FormDraftV1 {
        tag: form.kind.tag,
        ids: form.kind.ids().to_vec(),
        values: form.values(),
        choices: form
            .fields
            .iter()
            .map(|f| f.choice.map(|c| c as u32))
            .collect(),
        focus: form.focus as u32,
        screen: Screen::ALL
            .iter()
            .position(|s| *s == app.screen)
            .map_or(1, |i| i as u8 + 1),
    };
    match app.store.save_draft(Some(&d)) {
        Ok(()) => form.unsaved_draft = false,
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
}

fn clear_draft(app: &mut App) {
    if let Err(e) = app.store.save_draft(None) {
        app.notice = Some(Notice::Store(e));
    }
}

/// Reopens the form that was open when the app stopped, with what had been typed.
pub(super) fn restore_draft(app: &mut App, d: &FormDraftV1) {
    let Some(kind) = super::screens::form_kind(d.tag, &d.ids) else {
        return;
    };
    if let Some(s) = Screen::ALL.get(usize::from(d.screen).saturating_sub(1)) {
        app.screen = *s;
    }
    (super::screens::def(kind.screen).restore)(app, kind);
    let Some(mut form) = form_for(app, kind) else {
        return;
    };
    if form.fields.len() != d.values.len() {
        return;
    }
    for (i, f) in form.fields.iter_mut().enumerate() {
        if matches!(f.field.kind(), FieldKind::Choice(_)) {
            f.choice = d.choices.get(i).copied().flatten().map(|c| c as usize);
        } else {
            f.set_value(&d.values[i]);
        }
    }
    form.focus = (d.focus as usize).min(form.fields.len().saturating_sub(1));
    form.dirty = true;
    app.form = Some(form);
    app.notice = Some(Notice::DraftRestored);
}

/// The form of a kind, filled from the current records by the screen that owns it.
fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    (super::screens::def(kind.screen).form_for)(app, kind)
}

/// Opens the form of a kind.
pub(super) fn open_form(app: &mut App, kind: FormKind) {
    app.form = form_for(app, kind);
}

/// Applies one action; the changes it wrote become one undo group.
pub fn update(app: &mut App, action: Action) {
    let screen = app.screen;
    let movement = super::parts::list::delta(action, app.page_rows).is_some();
    apply(app, action);
    super::undo::after_action(app, action);
    if app.screen != screen {
        app.find.set("");
        app.find_in = None;
    } else if !movement {
        // A command ends the finding: the next letters start a new find, and the roster
        // shows everyone again (the cursor stays on the member found).
        clear_find(app);
    }
    if app.screen == Screen::Reports && app.form.is_none() {
        super::screens::reports::refresh(app);
    }
}

fn apply(app: &mut App, action: Action) {
    let ctx = app.context();
    let movement = super::parts::list::delta(action, app.page_rows).is_some();
    // A notice (and the name of what was saved) stays while the user only moves around.
    if !movement {
        app.notice = None;
        app.last_saved = None;
    }
    if let Some(n) = action.screen_number() {
        if let (None, None, Some(s)) = (&app.form, &app.confirm, Screen::from_number(n)) {
            app.screen = s;
            app.help = None;
            app.history = None;
            app.search = None;
            app.return_to = None;
        }
        return;
    }
    match action {
        Action::Noop => {}
        Action::Help => {
            if app.help.is_none() {
                app.help = Some(HelpView::default());
            }
        }
        Action::Quit => request_quit(app),
        Action::ForceQuit => {
            if app.confirm.as_ref().is_some_and(|q| q.ask == Confirm::Quit) {
                app.should_quit = true;
            } else {
                request_quit(app);
            }
        }
        // The search opens over a screen, not under a question, a form or a change history
        // (typing there stays where it is); from the help it replaces the help.
        Action::Search if ctx == Context::Help => {
            app.help = None;
            app.keys_moved = false;
            super::parts::search::open(app, "");
        }
        Action::Search
            if !matches!(
                ctx,
                Context::Search | Context::Confirm | Context::Form | Context::History
            ) =>
        {
            super::parts::search::open(app, "")
        }
        Action::SearchAccept => super::parts::search::accept(app),
        Action::Undo => super::undo::undo(app),
        Action::Redo => super::undo::redo(app),
        Action::Save => save(app),
        Action::Cancel => {
            if app.form.as_ref().is_some_and(|f| f.dirty) {
                app.ask(Confirm::Discard);
            } else {
                app.form = None;
                clear_draft(app);
            }
        }
        Action::NextField | Action::PrevField => {
            if let Some(f) = &mut app.form {
                f.move_focus(if action == Action::NextField { 1 } else { -1 });
            }
            // Every field change saves the draft.
            autosave(app);
        }
        Action::Yes => confirm_yes(app),
        Action::No => app.confirm = None,
        Action::SwitchAnswer => {
            if let Some(q) = &mut app.confirm {
                q.yes = !q.yes;
            }
        }
        Action::Answer => match app.confirm.as_ref().map(|q| q.yes) {
            Some(true) => confirm_yes(app),
            _ => app.confirm = None,
        },
        Action::History if ctx == Context::History => app.history = None,
        Action::Back => back(app, ctx),
        _ if movement && matches!(ctx, Context::Help | Context::History | Context::Search) => {
            move_in_overlay(app, ctx, action)
        }
        _ => {
            let def = super::screens::def(app.screen);
            (def.handle)(app, action, ctx);
        }
    }
}

fn request_quit(app: &mut App) {
    if app.form.as_ref().is_some_and(|f| f.dirty) {
        app.help = None;
        app.ask(Confirm::Quit);
    } else {
        app.should_quit = true;
    }
}

/// Esc: closes the overlay on top; on a screen it first empties the find box, then goes
/// back as the screen says.
fn back(app: &mut App, ctx: Context) {
    match ctx {
        Context::Help => {
            app.help = None;
            app.keys_moved = false;
        }
        Context::History => app.history = None,
        Context::Search => app.search = None,
        _ if app.find_in == Some(ctx) && !app.find.text().is_empty() => clear_find(app),
        _ => {
            let def = super::screens::def(app.screen);
            (def.handle)(app, Action::Back, ctx);
        }
    }
}

fn move_in_overlay(app: &mut App, ctx: Context, action: Action) {
    let Some(delta) = super::parts::list::delta(action, app.page_rows) else {
        return;
    };
    match ctx {
        Context::Help => {
            // Scroll over the lines there are, less the last page the view shows (page_rows
            // + 1: the help has no table header), so after End, Up moves at once.
            let n = super::parts::help::line_count(app);
            let last = n.saturating_sub(app.page_rows + 1) + 1;
            if let Some(h) = &mut app.help {
                h.scroll = super::parts::list::moved(h.scroll, last, delta);
            }
        }
        Context::History => {
            if let Some(v) = &mut app.history {
                v.scroll = super::parts::list::moved(v.scroll, 100_000, delta);
            }
        }
        _ => {
            let n = app
                .search
                .as_ref()
                .map_or(0, |s| super::parts::search::hits(app, s.query.text()).len());
            if let Some(s) = &mut app.search {
                s.cursor = super::parts::list::moved(s.cursor, n, delta);
            }
        }
    }
}

/// Saves the open form through the screen it belongs to.
fn save(app: &mut App) {
    let Some(kind) = app.form.as_ref().map(|f| f.kind) else {
        return;
    };
    (super::screens::def(kind.screen).save)(app, kind);
}

/// Carries out the question's act (answered yes).
fn confirm_yes(app: &mut App) {
    let Some(q) = app.confirm.take() else { return };
    match q.ask {
        Confirm::Quit => app.should_quit = true,
        Confirm::Discard => {
            app.form = None;
            clear_draft(app);
        }
        ref c => {
            for d in super::screens::TABLE {
                if (d.confirmed)(app, c) {
                    return;
                }
            }
        }
    }
}
