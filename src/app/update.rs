//! Turning events into state changes. Keys go top-down: the focused text input, then the
//! focused context's keymap (and its parent), then the global keymap.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::keymap::action::{Action, Context};
use super::screens::dues as du;
use super::form::{FieldRef, Form, FormKind};
use crate::keymap::{KeyChord, Lookup};
use super::screens::meetings::{self as mt, MinutesRow, Tab};
use super::{App, Confirm, Notice, Part, Screen};
use crate::domain::branch;
use crate::domain::meeting::{Mark, MeetingField as MF, MeetingId};
use crate::domain::text;
use crate::domain::validate::{self, FieldKind, MemberDraft, Problem};
use crate::store::StoreError;
use crate::store::schema::v1::FormDraftV1;

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
    } else if app.roster.searching {
        app.roster.query.insert_str(&text::clean(s));
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
    let mut found = app.keymap.lookup(ctx, &app.pending);
    if let (Lookup::None, Some(parent)) = (found, ctx.parent()) {
        found = app.keymap.lookup(parent, &app.pending);
    }
    if found == Lookup::None {
        found = app.keymap.lookup(Context::Global, &app.pending);
    }
    match found {
        Lookup::Action(a) => {
            app.pending.clear();
            update(app, a);
        }
        Lookup::Pending => {}
        Lookup::None => app.pending.clear(),
    }
}

/// Gives the key to the focused text input, text area or choice; true if it took it.
fn edit_focused_input(app: &mut App, key: &KeyEvent) -> bool {
    if app.confirm.is_some() || app.help.is_some() {
        return false;
    }
    if let Some(form) = &mut app.form {
        let f = form.focused();
        let changed = if let FieldKind::Choice(_) = f.field.kind() {
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
                KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => return false,
                KeyCode::Char('s' | 'c') if ctrl => return false,
                KeyCode::Up if area.cursor().0 == 0 => return false,
                KeyCode::Down if area.cursor().0 + 1 >= area.lines().len() => return false,
                _ => area.input(*key),
            }
        } else {
            match f.input.handle_key(key) {
                Some(changed) => changed,
                None => return false,
            }
        };
        let f_is_stage =
            f.field == FieldRef::Admission(crate::domain::admission::AdmissionField::Stage);
        if changed {
            f.error = None;
            let kind_changed =
                f.field == FieldRef::Event(crate::domain::lifecycle::EventField::Kind);
            form.dirty = true;
            form.unsaved_draft = true;
            if kind_changed {
                super::lifecycle::refresh(form);
            }
            let stage_changed = f_is_stage;
            if stage_changed {
                super::screens::admission::restage(app);
            }
        }
        return true;
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

/// Saves the open form's text as a draft if it changed since the last save (called on
/// every field change and by the terminal loop every few seconds).
pub fn autosave(app: &mut App) {
    if app.form.as_ref().is_some_and(|f| f.unsaved_draft) {
        save_draft(app);
    }
}

fn save_draft(app: &mut App) {
    let Some(form) = &mut app.form else { return };
    let (tag, ids) = form.kind.to_tag();
    let d = FormDraftV1 {
        tag,
        ids,
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
    let Some(kind) = FormKind::from_tag(d.tag, &d.ids) else {
        return;
    };
    if let Some(s) = Screen::ALL.get(usize::from(d.screen).saturating_sub(1)) {
        app.screen = *s;
    }
    if let Some(m) = kind.meeting() {
        app.meetings.open = Some(m);
    }
    du::restore(app, kind);
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

/// The form of a kind, filled from the current records.
fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    let meeting = |id| app.meetings.get(id);
    Some(match kind {
        FormKind::NewMember => Form::member(kind, &new_member_draft(app)),
        FormKind::EditMember(id) => {
            Form::member(kind, &MemberDraft::from_member(&app.roster.get(id)?.member))
        }
        FormKind::Branch { first_run } => Form::branch(app.branch.as_ref(), first_run),
        FormKind::NewMeeting => mt::new_meeting_form(app.branch.as_ref(), app.today),
        FormKind::MeetingInfo(id) => mt::info_form(id, meeting(id)?),
        FormKind::NewSpeech(id, item) => mt::speech_form(id, meeting(id)?, item, None),
        FormKind::EditSpeech(id, item, s) => mt::speech_form(id, meeting(id)?, item, Some(s)),
        FormKind::NewItem(_, _) => mt::single_form(kind, MF::ItemTitle, ""),
        FormKind::EditItem(id, i) => {
            mt::single_form(kind, MF::ItemTitle, &meeting(id)?.agenda.get(i)?.title)
        }
        FormKind::Conclusion(id, i) => mt::single_form(
            kind,
            MF::Conclusion,
            &meeting(id)?.agenda.get(i)?.conclusion,
        ),
        FormKind::NewVote(id) => mt::vote_form(id, meeting(id)?, None),
        FormKind::EditVote(id, i) => mt::vote_form(id, meeting(id)?, Some(i)),
        FormKind::NewTask(id) => mt::task_form(id, meeting(id)?, None),
        FormKind::EditTask(id, i) => mt::task_form(id, meeting(id)?, Some(i)),
        FormKind::Amendment(id) => mt::amendment_form(id),
        FormKind::NewEvent(id) => super::lifecycle::event_form(id, app.today),
        FormKind::NewCandidate
        | FormKind::EditCandidate(_)
        | FormKind::Step(_)
        | FormKind::AdmissionTarget => return super::screens::admission::form_for(app, kind),
        FormKind::ReviewPlan(..)
        | FormKind::SelfReview(..)
        | FormKind::BranchReview(..)
        | FormKind::FinalGrade(..)
        | FormKind::MonthlyAssessment(..)
        | FormKind::BranchYear(_) => super::screens::review::form_for(app, kind)?,
        FormKind::AbsenceReason(id, r) => {
            let reason = match &meeting(id)?.attendance.get(r)?.mark {
                Mark::Excused(r) => r.clone(),
                _ => String::new(),
            };
            mt::single_form(kind, MF::AbsenceReason, &reason)
        }
        FormKind::DuesProfile(..) | FormKind::BadgeAward(..) => du::form_for(app, kind)?,
    })
}

fn new_member_draft(app: &App) -> MemberDraft {
    MemberDraft {
        ethnicity: crate::domain::member::DEFAULT_ETHNICITY.into(),
        religion: crate::domain::member::DEFAULT_RELIGION.into(),
        residential_group: most_common_group(app),
        ..MemberDraft::default()
    }
}

fn open_form(app: &mut App, kind: FormKind) {
    if let Some(id) = kind.meeting()
        && let Some(d) = app.meetings.get(id).and_then(|m| m.approved)
        && !matches!(kind, FormKind::Amendment(_))
    {
        app.notice = Some(Notice::Approved(d));
        return;
    }
    app.form = form_for(app, kind);
}

/// Applies one action; the changes it wrote become one undo group.
pub fn update(app: &mut App, action: Action) {
    apply(app, action);
    super::undo::after_action(app, action);
    if app.screen == Screen::Reports && app.form.is_none() {
        super::screens::reports::refresh(app);
    }
}

fn apply(app: &mut App, action: Action) {
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
        if let (None, None, Some(s)) = (&app.form, &app.confirm, Screen::from_number(n)) {
            app.screen = s;
            app.help = None;
            app.history = None;
        }
        return;
    }
    match action {
        Action::Noop
        | Action::Screen0
        | Action::Screen1
        | Action::Screen2
        | Action::Screen3
        | Action::Screen4
        | Action::Screen5
        | Action::Screen6 => {}
        Action::AddEvent => match app.detail {
            Some(id) => app.form = Some(super::lifecycle::event_form(id, app.today)),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::RemoveLastEvent => {
            let last = app.detail.and_then(|id| app.roster.get(id)).and_then(|e| {
                let ev = e.member.events.last()?;
                // Admission and recognition belong to the member form.
                (!matches!(
                    ev.kind,
                    crate::domain::member::EventKind::Admitted
                        | crate::domain::member::EventKind::Recognized
                ))
                .then(|| (e.id, crate::domain::date::format_date(ev.date), ev.kind))
            });
            match last {
                Some((id, when, kind)) => {
                    let label = format!("{} {when}", app.lang.cat().event(kind));
                    app.confirm = Some(Confirm::RemoveLastEvent(id, label));
                }
                None => app.notice = Some(Notice::NothingSelected),
            }
        }
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
        Action::Open => match ctx {
            Context::Home => {
                let items = super::update_helpers::todo_items(app);
                if let Some(item) = items.get(app.home_cursor) {
                    if let Some(id) = item.member() {
                        app.screen = Screen::Members;
                        app.roster.select(id);
                        app.detail = Some(id);
                    } else if let crate::domain::todo::TodoKind::Candidate(..) = item.kind {
                        app.screen = Screen::Admission;
                    } else if let crate::domain::todo::TodoKind::ReviewSeason(..) = item.kind {
                        app.screen = Screen::Review;
                    } else if let Some(id) = item.meeting() {
                        app.screen = Screen::Meetings;
                        app.meetings.open = Some(id);
                        app.meetings.tab = Tab::Info;
                    } else {
                        app.screen = Screen::Meetings;
                    }
                }
            }
            Context::Exemptions => {
                let ids = super::update_helpers::exemption_rows(app);
                if let Some(id) = ids.get(app.exempt_cursor) {
                    app.screen = Screen::Members;
                    app.roster.select(*id);
                    app.detail = Some(*id);
                }
            }
            Context::Meetings => match app.meetings.selected_id() {
                Some(id) => {
                    app.meetings.open = Some(id);
                    app.meetings.tab = Tab::Info;
                    app.meetings.cursor = 0;
                }
                None => app.notice = Some(Notice::NothingSelected),
            },
            _ => match app.roster.selected_id() {
                Some(id) => app.detail = Some(id),
                None => app.notice = Some(Notice::NothingSelected),
            },
        },
        Action::New => match ctx {
            Context::Meetings => open_form(app, FormKind::NewMeeting),
            Context::Meeting | Context::Roll => new_in_meeting(app),
            _ => open_form(app, FormKind::NewMember),
        },
        Action::Edit => edit(app, ctx),
        Action::Delete => delete(app, ctx),
        Action::Save => save(app),
        Action::Cancel => {
            if app.form.as_ref().is_some_and(|f| f.dirty) {
                app.confirm = Some(Confirm::Discard);
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
        Action::PrevYear | Action::NextYear => {
            app.meetings.year += if action == Action::NextYear { 1 } else { -1 };
            app.meetings.selected = 0;
        }
        Action::ToggleAttendance => app.meetings.attendance_view = !app.meetings.attendance_view,
        Action::NextTab
        | Action::PrevTab
        | Action::PrevPeriod
        | Action::NextPeriod
        | Action::ExportReport
        | Action::ExportBundle
            if ctx == Context::Reports =>
        {
            super::screens::reports::act(app, action)
        }
        Action::ExportReport | Action::ExportBundle => {}
        Action::NextTab | Action::PrevTab if matches!(ctx, Context::Dues | Context::Badges) => {
            du::switch_tab(app)
        }
        Action::NextTab | Action::PrevTab => {
            let n = Tab::ALL.len() as isize;
            let i = Tab::ALL
                .iter()
                .position(|t| *t == app.meetings.tab)
                .unwrap_or(0) as isize;
            let d = if action == Action::NextTab { 1 } else { -1 };
            app.meetings.tab = Tab::ALL[(i + d).rem_euclid(n) as usize];
            app.meetings.cursor = 0;
        }
        Action::NewItem => {
            if let Some((id, m)) = app.meetings.current() {
                let after = current_item(m, app.meetings.cursor)
                    .unwrap_or(m.agenda.len().saturating_sub(1));
                app.meetings.tab = Tab::Minutes;
                open_form(app, FormKind::NewItem(id, after));
            }
        }
        Action::MarkPresent
        | Action::MarkUnexcused
        | Action::MarkCycle
        | Action::MarkAllPresent => mark(app, action),
        Action::MarkExcused => {
            if let Some((id, _)) = app.meetings.current() {
                let row = app.meetings.cursor;
                open_form(app, FormKind::AbsenceReason(id, row));
            }
        }
        Action::Approve => {
            if let Some((id, m)) = app.meetings.current() {
                match m.approved {
                    Some(d) => app.notice = Some(Notice::Approved(d)),
                    None => app.confirm = Some(Confirm::Approve(id)),
                }
            }
        }
        Action::Amend => {
            if let Some((id, m)) = app.meetings.current() {
                if m.approved.is_some() {
                    app.form = Some(mt::amendment_form(id));
                } else {
                    // A draft is simply edited; there is nothing to amend yet.
                    edit(app, ctx);
                }
            }
        }
        Action::ExportMinutes => export_minutes(app),
        Action::PrevPeriod
        | Action::NextPeriod
        | Action::PayCash
        | Action::PayOnline
        | Action::ClearPayment
        | Action::RecordAward
        | Action::ToggleIllness
        | Action::AllMembers => du::act(app, action),
        Action::Screen8 => {}
        Action::Screen7 => {}
        Action::AdmissionNew
        | Action::AdmissionOpen
        | Action::AdmissionEdit
        | Action::AdmissionStep
        | Action::AdmissionUndo
        | Action::AdmissionTarget
        | Action::AdmissionUp
        | Action::AdmissionDown
        | Action::AdmissionBack => super::screens::admission::update(app, action),
        Action::History => super::history::open(app, ctx),
        Action::Undo => super::undo::undo(app),
        Action::Redo => super::undo::redo(app),
        Action::ReviewUp
        | Action::ReviewDown
        | Action::ReviewPrevYear
        | Action::ReviewNextYear
        | Action::ReviewPlan
        | Action::ReviewSelf
        | Action::ReviewBranch
        | Action::ReviewFinal
        | Action::ReviewBranchGrade
        | Action::ReviewHistory
        | Action::MonthlySelfAssessment => review_action(app, action),
    }
}

fn review_action(app: &mut App, action: Action) {
    use super::screens::review as rv;
    let n = rv::rows(app).len();
    let st = &mut app.review;
    match action {
        Action::ReviewUp => st.cursor = st.cursor.saturating_sub(1),
        Action::ReviewDown => st.cursor = (st.cursor + 1).min(n.saturating_sub(1)),
        Action::ReviewPrevYear | Action::ReviewNextYear => {
            st.year += if action == Action::ReviewNextYear {
                1
            } else {
                -1
            };
            st.cursor = 0;
        }
        Action::ReviewHistory => st.history = !st.history,
        Action::ReviewPlan => rv::open_for_selected(app, FormKind::ReviewPlan),
        Action::ReviewSelf => rv::open_for_selected(app, FormKind::SelfReview),
        Action::ReviewBranch => rv::open_for_selected(app, FormKind::BranchReview),
        Action::ReviewFinal => rv::open_for_selected(app, FormKind::FinalGrade),
        Action::ReviewBranchGrade => rv::open(app, FormKind::BranchYear(app.review.year)),
        Action::MonthlySelfAssessment => {
            if let Some((id, _)) = app.meetings.current() {
                let row = app.meetings.cursor;
                rv::open(app, FormKind::MonthlyAssessment(id, row));
            }
        }
        _ => {}
    }
}

fn export_minutes(app: &mut App) {
    let Some((_, m)) = app.meetings.current() else {
        return;
    };
    let branch = app.branch.clone().unwrap_or_default();
    let dir = crate::interchange::exports_dir(app.store.dir());
    let base = format!("bien-ban-{:02}-{}", m.number, m.date.format("%Y%m%d"));
    let result = crate::interchange::minutes_files(&branch, m, &dir, &base);
    app.notice = Some(match result {
        Ok(paths) => Notice::Exported(paths),
        Err(e) => Notice::Store(StoreError::Io(e.to_string())),
    });
}

fn current_item(m: &crate::domain::meeting::Meeting, cursor: usize) -> Option<usize> {
    match mt::minutes_rows(m).get(cursor)? {
        MinutesRow::Item(i) | MinutesRow::Speech(i, _) | MinutesRow::Conclusion(i) => Some(*i),
    }
}

fn new_in_meeting(app: &mut App) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    let kind = match app.meetings.tab {
        Tab::Minutes => match current_item(m, app.meetings.cursor) {
            Some(i) => FormKind::NewSpeech(id, i),
            None => FormKind::NewItem(id, 0),
        },
        Tab::Votes => FormKind::NewVote(id),
        Tab::Tasks => FormKind::NewTask(id),
        Tab::Info | Tab::Roll => return,
    };
    open_form(app, kind);
}

fn mark(app: &mut App, action: Action) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    if let Some(d) = m.approved {
        app.notice = Some(Notice::Approved(d));
        return;
    }
    let mut m = m.clone();
    let cursor = app.meetings.cursor;
    match action {
        Action::MarkAllPresent => {
            for r in m
                .attendance
                .iter_mut()
                .filter(|r| r.mark == Mark::Unmarked && !r.status.is_exempt())
            {
                r.mark = Mark::Present;
            }
        }
        _ => {
            let Some(r) = m.attendance.get_mut(cursor) else {
                return;
            };
            r.mark = match (action, &r.mark) {
                (Action::MarkPresent, _) => Mark::Present,
                (Action::MarkUnexcused, _) => Mark::Unexcused,
                (_, Mark::Unmarked) => Mark::Present,
                (_, Mark::Present) => Mark::Unexcused,
                _ => Mark::Unmarked,
            };
            // One pass over the roster: move on to the next member.
            app.meetings.cursor = (cursor + 1).min(m.attendance.len().saturating_sub(1));
        }
    }
    persist_meeting(app, id, m);
}

fn persist_meeting(app: &mut App, id: MeetingId, m: crate::domain::meeting::Meeting) -> bool {
    match app.store.save_meeting(Some(id), &m) {
        Ok(_) => {
            app.meetings.upsert(id, m);
            app.changed = true;
            true
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            false
        }
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
        Context::History => app.history = None,
        Context::Search => {
            app.roster.searching = false;
            app.roster.query.set("");
            app.roster.refresh();
        }
        Context::Member => app.detail = None,
        Context::Meeting | Context::Roll => app.meetings.open = None,
        Context::Meetings => app.meetings.attendance_view = false,
        Context::Badges => app.dues.all_members = false,
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
    let clamp = |cur: usize, len: usize| {
        (cur as isize)
            .saturating_add(delta)
            .clamp(0, len.saturating_sub(1) as isize) as usize
    };
    match ctx {
        Context::Help => {
            let h = app.help.unwrap_or(0) as isize;
            app.help = Some((h.saturating_add(delta)).clamp(0, 500) as usize);
        }
        Context::History => {
            if let Some(v) = &mut app.history {
                v.scroll = (v.scroll as isize).saturating_add(delta).clamp(0, 100_000) as usize;
            }
        }
        Context::Member => {
            app.roster.move_by(delta);
            app.detail = app.roster.selected_id();
        }
        Context::Meetings => {
            app.meetings.selected = clamp(app.meetings.selected, app.meetings.of_year().len())
        }
        Context::Meeting | Context::Roll => {
            app.meetings.cursor = clamp(app.meetings.cursor, app.meetings.rows_in_tab())
        }
        Context::Exemptions => {
            let n = super::update_helpers::exemption_rows(app).len();
            app.exempt_cursor = clamp(app.exempt_cursor, n);
        }
        Context::Home => {
            let n = super::update_helpers::todo_items(app).len();
            app.home_cursor = clamp(app.home_cursor, n);
        }
        Context::Dues | Context::Badges => du::move_cursor(app, delta),
        Context::Reports => super::screens::reports::scroll(app, delta),
        _ => app.roster.move_by(delta),
    }
}

pub(super) fn most_common_group(app: &App) -> String {
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
    match ctx {
        Context::Branch => app.form = Some(Form::branch(app.branch.as_ref(), false)),
        Context::Dues => du::edit_profile(app),
        Context::Meeting | Context::Roll => {
            let Some((id, m)) = app.meetings.current() else {
                return;
            };
            let c = app.meetings.cursor;
            let kind = match app.meetings.tab {
                Tab::Info => FormKind::MeetingInfo(id),
                Tab::Roll => FormKind::AbsenceReason(id, c),
                Tab::Minutes => match mt::minutes_rows(m).get(c) {
                    Some(MinutesRow::Item(i)) => FormKind::EditItem(id, *i),
                    Some(MinutesRow::Speech(i, s)) => FormKind::EditSpeech(id, *i, *s),
                    Some(MinutesRow::Conclusion(i)) => FormKind::Conclusion(id, *i),
                    None => return,
                },
                Tab::Votes if c < m.votes.len() => FormKind::EditVote(id, c),
                Tab::Tasks if c < m.tasks.len() => FormKind::EditTask(id, c),
                _ => return,
            };
            open_form(app, kind);
        }
        _ => {
            let id = if ctx == Context::Member {
                app.detail
            } else {
                app.roster.selected_id()
            };
            match id {
                Some(id) => open_form(app, FormKind::EditMember(id)),
                None => app.notice = Some(Notice::NothingSelected),
            }
        }
    }
}

fn delete(app: &mut App, ctx: Context) {
    match ctx {
        Context::Badges => du::delete_award(app),
        Context::Meetings => {
            let Some(id) = app.meetings.selected_id() else {
                return;
            };
            let Some(m) = app.meetings.get(id) else {
                return;
            };
            match m.approved {
                Some(d) => app.notice = Some(Notice::Approved(d)),
                None => app.confirm = Some(Confirm::DeleteMeeting(id, m.number)),
            }
        }
        Context::Meeting | Context::Roll => {
            let Some((id, m)) = app.meetings.current() else {
                return;
            };
            if let Some(d) = m.approved {
                app.notice = Some(Notice::Approved(d));
                return;
            }
            let c = app.meetings.cursor;
            let part = match app.meetings.tab {
                Tab::Minutes => match mt::minutes_rows(m).get(c) {
                    Some(MinutesRow::Item(i)) => Part::Item(*i),
                    Some(MinutesRow::Speech(i, s)) => Part::Speech(*i, *s),
                    _ => return,
                },
                Tab::Votes if c < m.votes.len() => Part::Vote(c),
                Tab::Tasks if c < m.tasks.len() => Part::Task(c),
                _ => return,
            };
            app.confirm = Some(Confirm::DeletePart(id, part));
        }
        _ => {
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
    }
}

fn save(app: &mut App) {
    if super::screens::review::save(app) {
        return;
    }
    let Some(form) = &mut app.form else { return };
    let kind = form.kind;
    if matches!(
        kind,
        FormKind::NewCandidate
            | FormKind::EditCandidate(_)
            | FormKind::Step(_)
            | FormKind::AdmissionTarget
    ) {
        return save_admission(app);
    }
    let result: Result<(), Vec<(FieldRef, Problem)>> = match kind {
        FormKind::Branch { .. } => match branch::check_branch(&form.values()) {
            Err(errors) => Err(errors
                .into_iter()
                .map(|(f, p)| (FieldRef::Branch(f), p))
                .collect()),
            Ok(b) => match app.store.save_branch(&b) {
                Ok(()) => {
                    app.branch = Some(b);
                    Ok(())
                }
                Err(e) => return store_failed(app, e),
            },
        },
        FormKind::NewMember | FormKind::EditMember(_) => {
            let id = match kind {
                FormKind::EditMember(id) => Some(id),
                _ => None,
            };
            let base = id
                .and_then(|id| app.roster.get(id))
                .map(|e| e.member.clone());
            let others = app.roster.entries().iter().map(|e| (e.id, &e.member));
            match validate::check_member(&form.member_draft(), base.as_ref(), id, others, app.today)
            {
                Err(errors) => Err(errors
                    .into_iter()
                    .map(|e| (FieldRef::Member(e.field), e.problem))
                    .collect()),
                Ok(checked) => match app.store.save_member(id, &checked.member) {
                    Ok(new_id) => {
                        app.roster.upsert(new_id, checked.member);
                        if app.detail.is_some() {
                            app.detail = Some(new_id);
                        }
                        form.warnings = checked.warnings;
                        Ok(())
                    }
                    Err(StoreError::CardTaken(name)) => Err(vec![(
                        FieldRef::Member(validate::Field::CardNumber),
                        Problem::CardTaken(name),
                    )]),
                    Err(e) => return store_failed(app, e),
                },
            }
        }
        FormKind::NewEvent(id) => {
            let Some(base) = app.roster.get(id).map(|e| e.member.clone()) else {
                return;
            };
            match super::lifecycle::apply(form, &base, app.today) {
                Err(e) => Err(e),
                Ok((m, warnings)) => match app.store.save_member(Some(id), &m) {
                    Ok(_) => {
                        app.roster.upsert(id, m);
                        app.detail = Some(id);
                        app.form = None;
                        app.changed = true;
                        app.notice = Some(Notice::EventSaved(warnings));
                        clear_draft(app);
                        return;
                    }
                    Err(e) => return store_failed(app, e),
                },
            }
        }
        FormKind::NewMeeting => {
            let members = app.roster.entries().iter().map(|e| (e.id, &e.member));
            let existing = app.meetings.list.iter().map(|(_, m)| m);
            match mt::create_meeting(form, app.branch.as_ref(), existing, members, app.today) {
                Err(e) => Err(e),
                Ok(m) => match app.store.save_meeting(None, &m) {
                    Ok(id) => {
                        app.meetings.upsert(id, m);
                        app.meetings.open = Some(id);
                        app.meetings.tab = Tab::Roll;
                        app.meetings.cursor = 0;
                        Ok(())
                    }
                    Err(e) => return store_failed(app, e),
                },
            }
        }
        FormKind::DuesProfile(..) | FormKind::BadgeAward(..) => {
            match du::save_form(form, &mut app.dues, &app.store, app.today) {
                Ok(r) => r,
                Err(e) => return store_failed(app, e),
            }
        }
        _ => {
            let Some(id) = kind.meeting() else { return };
            let Some(mut m) = app.meetings.get(id).cloned() else {
                return;
            };
            match mt::apply_form(form, &mut m, app.today) {
                Err(e) => Err(e),
                Ok(()) => {
                    if !persist_meeting(app, id, m) {
                        return;
                    }
                    Ok(())
                }
            }
        }
    };
    let Some(form) = &mut app.form else { return };
    match result {
        Err(errors) => {
            form.set_errors(&errors);
            app.notice = Some(Notice::FormHasErrors);
        }
        Ok(()) => {
            let warnings = std::mem::take(&mut form.warnings);
            app.form = None;
            app.changed = true;
            app.notice = Some(Notice::Saved(warnings));
            clear_draft(app);
        }
    }
}

fn save_admission(app: &mut App) {
    use super::screens::admission::Saved;
    match super::screens::admission::save(app) {
        Saved::Done(notice) => {
            app.form = None;
            app.changed = true;
            app.notice = Some(notice);
            clear_draft(app);
        }
        Saved::Errors(errors) => {
            if let Some(form) = &mut app.form {
                form.set_errors(&errors);
            }
            app.notice = Some(Notice::FormHasErrors);
        }
        Saved::Failed => {}
    }
}

fn store_failed(app: &mut App, e: StoreError) {
    app.notice = Some(Notice::Store(e));
}

fn confirm_yes(app: &mut App) {
    let Some(c) = app.confirm.take() else { return };
    match c {
        Confirm::Quit => app.should_quit = true,
        Confirm::Discard => {
            app.form = None;
            clear_draft(app);
        }
        Confirm::UndoStep(id, _) => super::screens::admission::undo(app, id),
        Confirm::Delete(id, name) => match app.store.delete_member(id) {
            Ok(_) => {
                app.roster.remove(id);
                app.detail = None;
                app.changed = true;
                app.notice = Some(Notice::Deleted(name));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
        Confirm::DeleteMeeting(id, number) => match app.store.delete_meeting(id) {
            Ok(()) => {
                app.meetings.remove(id);
                app.changed = true;
                app.notice = Some(Notice::Deleted(crate::domain::meeting::document_number(
                    number,
                )));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
        Confirm::DeletePart(id, part) => {
            let Some(mut m) = app.meetings.get(id).cloned() else {
                return;
            };
            match part {
                Part::Item(i) if i < m.agenda.len() => {
                    m.agenda.remove(i);
                }
                Part::Speech(i, s) => {
                    if let Some(it) = m.agenda.get_mut(i).filter(|it| s < it.speeches.len()) {
                        it.speeches.remove(s);
                    }
                }
                Part::Vote(i) if i < m.votes.len() => {
                    m.votes.remove(i);
                }
                Part::Task(i) if i < m.tasks.len() => {
                    m.tasks.remove(i);
                }
                _ => return,
            }
            if persist_meeting(app, id, m) {
                app.meetings.cursor = app
                    .meetings
                    .cursor
                    .min(app.meetings.rows_in_tab().saturating_sub(1));
                app.notice = Some(Notice::Saved(Vec::new()));
            }
        }
        Confirm::RemoveLastEvent(id, _) => {
            let Some(mut m) = app.roster.get(id).map(|e| e.member.clone()) else {
                return;
            };
            m.events.pop();
            match app.store.save_member(Some(id), &m) {
                Ok(_) => {
                    app.roster.upsert(id, m);
                    app.changed = true;
                    app.notice = Some(Notice::Saved(Vec::new()));
                }
                Err(e) => app.notice = Some(Notice::Store(e)),
            }
        }
        Confirm::DeleteAward(id, milestone, _) => du::confirm_delete_award(app, id, milestone),
        Confirm::Approve(id) => {
            let Some(mut m) = app.meetings.get(id).cloned() else {
                return;
            };
            m.approved = Some(app.today);
            if persist_meeting(app, id, m) {
                app.notice = Some(Notice::Saved(Vec::new()));
            }
        }
    }
}
