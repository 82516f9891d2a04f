//! Screen 1: the member roster and a member's card. Typing narrows the roster; Enter
//! opens the card; F7/Insert adds, F2 edits, F8/Delete deletes (after a question that
//! names the member); on the card F4 adds an event and F6 removes the last one.

use super::ScreenDef;
use crate::app::form::{FieldRef, Form, FormKind};
use crate::app::parts::list;
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::member::{EventKind, MemberId};
use crate::domain::validate::{self, MemberDraft, Problem};
use crate::i18n::Msg;
use crate::keymap::action::{Action, Context};
use crate::store::StoreError;

/// The roster and the member card.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Members,
    name: |l| l.cat().msg(crate::i18n::Msg::ScreenMembers),
    context: |app| {
        if app.detail.is_some() {
            Context::Member
        } else {
            Context::Members
        }
    },
    handle,
    hints: |ctx| match ctx {
        Context::Member => &[
            Action::Edit,
            Action::AddEvent,
            Action::RemoveLastEvent,
            Action::Delete,
            Action::History,
            Action::Back,
        ],
        _ => &[
            Action::Open,
            Action::Edit,
            Action::New,
            Action::Delete,
            Action::NextFilter,
        ],
    },
    find: |app, ctx, typed| {
        if ctx != Context::Members {
            return false;
        }
        app.roster.set_query(typed);
        true
    },
    form_tags: &[NEW, EDIT, EVENT],
    form_title: |app, kind| {
        let m = match MemberForm::of(kind) {
            Some(MemberForm::New) => Msg::FormNewMember,
            Some(MemberForm::Edit(_)) => Msg::FormEditMember,
            _ => Msg::FormEvent,
        };
        app.lang.cat().msg(m).to_string()
    },
    form_for,
    restore: super::no_restore,
    save,
    question: question_words,
    confirmed,
};

const NEW: u8 = 0;
const EDIT: u8 = 1;
const EVENT: u8 = 16;

/// The forms of the roster and the member card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberForm {
    /// A new member.
    New,
    /// An existing member.
    Edit(MemberId),
    /// A new event in a member's timeline.
    NewEvent(MemberId),
}

impl From<MemberForm> for FormKind {
    fn from(f: MemberForm) -> FormKind {
        let new = |tag, ids: &[u64]| FormKind::new(Screen::Members, tag, ids);
        match f {
            MemberForm::New => new(NEW, &[]),
            MemberForm::Edit(id) => new(EDIT, &[id]),
            MemberForm::NewEvent(id) => new(EVENT, &[id]),
        }
    }
}

impl MemberForm {
    /// The member form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<MemberForm> {
        if kind.screen != Screen::Members {
            return None;
        }
        Some(match kind.tag {
            NEW => MemberForm::New,
            EDIT => MemberForm::Edit(kind.id(0)?),
            EVENT => MemberForm::NewEvent(kind.id(0)?),
            _ => return None,
        })
    }
}

fn handle(app: &mut App, action: Action, ctx: Context) -> bool {
    if let Some(d) = list::delta(action, app.page_rows) {
        app.roster.move_by(d);
        if ctx == Context::Member {
            app.detail = app.roster.selected_id();
        }
        return true;
    }
    let selected = if ctx == Context::Member {
        app.detail
    } else {
        app.roster.selected_id()
    };
    match action {
        Action::Open => match app.roster.selected_id() {
            Some(id) => app.detail = Some(id),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::New => app.open_form(MemberForm::New.into()),
        Action::Edit => match selected {
            Some(id) => app.open_form(MemberForm::Edit(id).into()),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::Delete => match selected.and_then(|id| app.roster.get(id)) {
            Some(e) => {
                let ask = Confirm::Delete(e.id, e.member.full_name.clone());
                app.ask(ask);
            }
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::NextFilter => app.roster.cycle_filter(1),
        Action::PrevFilter => app.roster.cycle_filter(-1),
        Action::AddEvent => match app.detail {
            Some(id) => app.open_form(MemberForm::NewEvent(id).into()),
            None => app.notice = Some(Notice::NothingSelected),
        },
        Action::RemoveLastEvent => remove_last_event(app),
        Action::History => crate::app::history::open(app, ctx),
        Action::Back if ctx == Context::Member => {
            app.detail = None;
            if let Some(s) = app.return_to.take() {
                app.screen = s;
            }
        }
        Action::Back => {}
        _ => return false,
    }
    true
}

fn remove_last_event(app: &mut App) {
    let last = app.detail.and_then(|id| app.roster.get(id)).and_then(|e| {
        let ev = e.member.events.last()?;
        // Admission and recognition belong to the member form.
        (!matches!(ev.kind, EventKind::Admitted | EventKind::Recognized)).then(|| {
            (
                e.id,
                format!(
                    "{} {}",
                    app.lang.cat().event(ev.kind),
                    crate::domain::date::format_date(ev.date)
                ),
            )
        })
    });
    match last {
        Some((id, label)) => app.ask(Confirm::RemoveLastEvent(id, label)),
        None if app.detail.is_some() => app.notice = Some(Notice::NoEventToRemove),
        None => app.notice = Some(Notice::NothingSelected),
    }
}

fn new_member_draft(app: &App) -> MemberDraft {
    MemberDraft {
        ethnicity: crate::domain::member::DEFAULT_ETHNICITY.into(),
        religion: crate::domain::member::DEFAULT_RELIGION.into(),
        residential_group: app.roster.most_common_group(),
        ..MemberDraft::default()
    }
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    match MemberForm::of(kind)? {
        MemberForm::New => Some(Form::member(kind, &new_member_draft(app))),
        MemberForm::Edit(id) => Some(Form::member(
            kind,
            &MemberDraft::from_member(&app.roster.get(id)?.member),
        )),
        MemberForm::NewEvent(_) => Some(crate::app::lifecycle::event_form(kind, app.today)),
    }
}

fn save(app: &mut App, kind: FormKind) -> bool {
    match MemberForm::of(kind) {
        Some(MemberForm::New) => save_member(app, None),
        Some(MemberForm::Edit(id)) => save_member(app, Some(id)),
        Some(MemberForm::NewEvent(id)) => save_event(app, id),
        None => return false,
    }
    true
}

fn save_member(app: &mut App, id: Option<MemberId>) {
    let Some(form) = &mut app.form else { return };
    let base = id
        .and_then(|id| app.roster.get(id))
        .map(|e| e.member.clone());
    let others = app.roster.entries().iter().map(|e| (e.id, &e.member));
    match validate::check_member(&form.member_draft(), base.as_ref(), id, others, app.today) {
        Err(errors) => {
            let errors: Vec<_> = errors
                .into_iter()
                .map(|e| (FieldRef::Member(e.field), e.problem))
                .collect();
            app.form_refused(&errors);
        }
        Ok(checked) => match app.store.save_member(id, &checked.member) {
            Ok(new_id) => {
                app.roster.upsert(new_id, checked.member);
                if app.detail.is_some() {
                    app.detail = Some(new_id);
                }
                // The candidate record of an admitted member shows the same identity.
                for (cid, c) in app.admission.follow(&app.roster) {
                    if let Err(e) = app.store.save_candidate(Some(cid), &c) {
                        app.notice = Some(Notice::Store(e));
                        return;
                    }
                }
                app.form_saved(Notice::Saved(checked.warnings));
            }
            Err(StoreError::CardTaken(name)) => app.form_refused(&[(
                FieldRef::Member(validate::Field::CardNumber),
                Problem::CardTaken(name),
            )]),
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
    }
}

fn save_event(app: &mut App, id: crate::domain::member::MemberId) {
    let Some(base) = app.roster.get(id).map(|e| e.member.clone()) else {
        return;
    };
    let Some(form) = &app.form else { return };
    match crate::app::lifecycle::apply(form, &base, app.today) {
        Err(errors) => app.form_refused(&errors),
        Ok((m, warnings)) => match app.store.save_member(Some(id), &m) {
            Ok(_) => {
                app.roster.upsert(id, m);
                app.detail = Some(id);
                app.form_saved(Notice::EventSaved(warnings));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
    }
}

fn confirmed(app: &mut App, c: &Confirm) -> bool {
    match c {
        Confirm::Delete(id, name) => match app.store.delete_member(*id) {
            Ok(_) => {
                app.roster.remove(*id);
                app.detail = None;
                app.changed = true;
                app.notice = Some(Notice::Deleted(name.clone()));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
        Confirm::RemoveLastEvent(id, _) => {
            let Some(mut m) = app.roster.get(*id).map(|e| e.member.clone()) else {
                return true;
            };
            m.events.pop();
            match app.store.save_member(Some(*id), &m) {
                Ok(_) => {
                    app.roster.upsert(*id, m);
                    app.changed = true;
                    app.notice = Some(Notice::Saved(Vec::new()));
                }
                Err(e) => app.notice = Some(Notice::Store(e)),
            }
        }
        _ => return false,
    }
    true
}

/// The words of the roster's questions: delete a member, remove a card's last event.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    let cat = app.lang.cat();
    Some(match ask {
        Confirm::Delete(_, name) => format!("{} {}?", cat.msg(Msg::ConfirmDelete), name),
        Confirm::RemoveLastEvent(id, label) => {
            let name = app
                .roster
                .get(*id)
                .map(|e| e.member.full_name.clone())
                .unwrap_or_default();
            format!("{} {name}: {label}?", cat.msg(Msg::ConfirmRemoveEvent))
        }
        _ => return None,
    })
}
