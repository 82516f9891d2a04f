//! Screen 9: members working elsewhere who live in the group (QĐ 213). The list (typing
//! finds a name; ←/→ change the comment year), a card with the contact log and the
//! yearly comments, and the forms: new/edit, a contact, the yearly comment, a member who
//! transferred out kept in touch here, and a liaison member transferring into the branch.
//! Every change is saved at once and is undoable.

use chrono::{Datelike, NaiveDate};

use super::ScreenDef;
use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::parts::{find, list};
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::date::{self, DateRole};
use crate::domain::liaison::{self as dom, Liaison, LiaisonField as LF, LiaisonId, LiaisonKind};
use crate::domain::member::{EventKind, MemberEvent, MemberId, Status};
use crate::domain::validate::Problem;
use crate::i18n::liaison::{self as texts, LiaisonMsg};
use crate::keymap::action::{Action, Context};
use crate::store::StoreError;

/// What the status line says about the liaison screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiaisonNotice {
    /// Nobody is selected.
    NothingSelected,
    /// No member transferred out to choose from.
    NoneTransferred,
    /// The liaison member transferred in: a member record was made and linked.
    Joined,
    /// The record is already linked to a member of the branch.
    AlreadyLinked,
}

/// The liaison screen's state.
#[derive(Debug, Clone, Default)]
pub struct LiaisonState {
    /// Every liaison member, in key order.
    pub list: Vec<(LiaisonId, Liaison)>,
    /// The selected row (in name order).
    pub cursor: usize,
    /// The card open, if any.
    pub open: Option<LiaisonId>,
    /// The year whose comments the list shows.
    pub year: i32,
}

impl LiaisonState {
    /// The screen over these records, showing this year's comments.
    pub fn new(list: Vec<(LiaisonId, Liaison)>, today: NaiveDate) -> LiaisonState {
        LiaisonState {
            list,
            cursor: 0,
            open: None,
            year: today.year(),
        }
    }

    /// The rows in display order (by name).
    pub fn rows(&self) -> Vec<(LiaisonId, &Liaison)> {
        dom::sorted(&self.list)
    }

    /// A record by id.
    pub fn get(&self, id: LiaisonId) -> Option<&Liaison> {
        self.list.iter().find(|(i, _)| *i == id).map(|(_, l)| l)
    }

    /// The selected row's id.
    pub fn selected(&self) -> Option<LiaisonId> {
        self.rows().get(self.cursor).map(|(id, _)| *id)
    }

    /// The record an action applies to: the open card, else the selected row.
    pub fn current(&self) -> Option<LiaisonId> {
        self.open.or_else(|| self.selected())
    }

    /// Replaces or adds a record and selects it.
    pub fn upsert(&mut self, id: LiaisonId, l: Liaison) {
        match self.list.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => slot.1 = l,
            None => self.list.push((id, l)),
        }
        if let Some(i) = self.rows().iter().position(|(x, _)| *x == id) {
            self.cursor = i;
        }
    }

    /// Puts the cursor on a record.
    pub fn select(&mut self, id: LiaisonId) {
        if let Some(i) = self.rows().iter().position(|(x, _)| *x == id) {
            self.cursor = i;
        }
    }

    /// Reads the records again from the store (after an undo or redo); a card no longer
    /// there is closed.
    pub fn reload(&mut self, store: &crate::store::Store) -> Result<(), StoreError> {
        self.list = store.liaisons()?;
        if let Some(id) = self.open
            && self.get(id).is_none()
        {
            self.open = None;
        }
        self.cursor = self.cursor.min(self.list.len().saturating_sub(1));
        Ok(())
    }
}

const NEW: u8 = 90;
const EDIT: u8 = 91;
const CONTACT: u8 = 92;
const COMMENT: u8 = 93;
const JOIN: u8 = 94;
const FROM_MEMBER: u8 = 95;

/// The forms of the liaison screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiaisonForm {
    /// A new liaison member.
    New,
    /// A liaison member's record.
    Edit(LiaisonId),
    /// A contact with a liaison member.
    Contact(LiaisonId),
    /// The comment of a year.
    Comment(LiaisonId, i32),
    /// The liaison member transfers into the branch.
    Join(LiaisonId),
    /// A member who transferred out stays in touch here.
    FromMember,
}

impl From<LiaisonForm> for FormKind {
    fn from(f: LiaisonForm) -> FormKind {
        let new = |tag, ids: &[u64]| FormKind::new(Screen::Liaison, tag, ids);
        match f {
            LiaisonForm::New => new(NEW, &[]),
            LiaisonForm::Edit(id) => new(EDIT, &[id]),
            LiaisonForm::Contact(id) => new(CONTACT, &[id]),
            LiaisonForm::Comment(id, y) => new(COMMENT, &[id, u64::try_from(y).unwrap_or(0)]),
            LiaisonForm::Join(id) => new(JOIN, &[id]),
            LiaisonForm::FromMember => new(FROM_MEMBER, &[]),
        }
    }
}

impl LiaisonForm {
    /// The liaison form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<LiaisonForm> {
        if kind.screen != Screen::Liaison {
            return None;
        }
        Some(match kind.tag {
            NEW => LiaisonForm::New,
            EDIT => LiaisonForm::Edit(kind.id(0)?),
            CONTACT => LiaisonForm::Contact(kind.id(0)?),
            COMMENT => LiaisonForm::Comment(kind.id(0)?, i32::try_from(kind.id(1)?).ok()?),
            JOIN => LiaisonForm::Join(kind.id(0)?),
            FROM_MEMBER => LiaisonForm::FromMember,
            _ => return None,
        })
    }
}

fn text(f: LF, v: &str) -> FormField {
    FormField::text(FieldRef::Liaison(f), v)
}

fn kind_field(app: &App, k: LiaisonKind) -> FormField {
    let t = texts::of(app.lang);
    FormField::choice(
        FieldRef::Liaison(LF::Kind),
        LiaisonKind::ALL.iter().position(|x| *x == k),
        LiaisonKind::ALL
            .iter()
            .map(|k| t.kind(*k).to_string())
            .collect(),
    )
}

/// Members who transferred out officially and have no liaison record yet.
pub fn transferred_out(app: &App) -> Vec<(MemberId, String)> {
    app.roster
        .entries()
        .iter()
        .filter(|e| e.status == Status::TransferredOut)
        .filter(|e| dom::liaison_of_member(&app.liaison.list, e.id).is_none())
        .map(|e| (e.id, e.member.full_name.clone()))
        .collect()
}

/// The form of a liaison kind, filled from the current records.
pub fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    let f = LiaisonForm::of(kind)?;
    let fields = match f {
        LiaisonForm::New | LiaisonForm::Edit(_) => {
            let base = match f {
                LiaisonForm::Edit(id) => app.liaison.get(id)?.clone(),
                _ => Liaison::default(),
            };
            dom::record_values(&base)
                .into_iter()
                .map(|(field, v)| match field {
                    LF::Kind => kind_field(app, base.kind),
                    _ => text(field, &v),
                })
                .collect()
        }
        LiaisonForm::Contact(id) => {
            app.liaison.get(id)?;
            vec![
                text(LF::ContactDate, &date::format_date(app.today)),
                text(LF::ContactWhat, ""),
            ]
        }
        LiaisonForm::Comment(id, year) => {
            let c = app
                .liaison
                .get(id)?
                .comment(year)
                .cloned()
                .unwrap_or_default();
            vec![
                text(LF::CommentYear, &year.to_string()),
                text(LF::Comment, &c.comment),
                text(LF::FrontOpinion, &c.front_opinion),
                text(LF::SentOn, &date::format_opt_date(c.sent_on)),
            ]
        }
        LiaisonForm::Join(id) => {
            app.liaison.get(id)?;
            vec![text(LF::JoinDate, &date::format_date(app.today))]
        }
        LiaisonForm::FromMember => {
            let names = transferred_out(app).into_iter().map(|(_, n)| n).collect();
            vec![
                FormField::choice(FieldRef::Liaison(LF::FromMember), None, names),
                text(LF::Workplace, ""),
                text(LF::WorkplaceParty, ""),
                kind_field(app, LiaisonKind::Ordinary),
            ]
        }
    };
    Some(Form::new(kind, fields))
}

fn form_title(app: &App, kind: FormKind) -> String {
    let t = texts::of(app.lang);
    let m = match LiaisonForm::of(kind) {
        Some(LiaisonForm::New) => LiaisonMsg::FormNew,
        Some(LiaisonForm::Edit(_)) => LiaisonMsg::FormEdit,
        Some(LiaisonForm::Contact(_)) => LiaisonMsg::FormContact,
        Some(LiaisonForm::Comment(..)) => LiaisonMsg::FormComment,
        Some(LiaisonForm::Join(_)) => LiaisonMsg::FormJoin,
        _ => LiaisonMsg::FormFromMember,
    };
    let subject = match LiaisonForm::of(kind) {
        Some(
            LiaisonForm::Edit(id)
            | LiaisonForm::Contact(id)
            | LiaisonForm::Comment(id, _)
            | LiaisonForm::Join(id),
        ) => app.liaison.get(id).map(|l| l.full_name.clone()),
        _ => None,
    };
    match subject {
        Some(name) => crate::i18n::month::of(app.lang).titled(t.msg(m), &name),
        None => t.msg(m).to_string(),
    }
}

fn restore(app: &mut App, kind: FormKind) {
    app.screen = Screen::Liaison;
    if let Some(
        LiaisonForm::Edit(id)
        | LiaisonForm::Contact(id)
        | LiaisonForm::Comment(id, _)
        | LiaisonForm::Join(id),
    ) = LiaisonForm::of(kind)
    {
        app.liaison.open = Some(id);
    }
}

fn values(form: &Form) -> Vec<(LF, String)> {
    form.fields
        .iter()
        .filter_map(|ff| match ff.field {
            FieldRef::Liaison(f) => Some((f, ff.value())),
            _ => None,
        })
        .collect()
}

fn choice(form: &Form, f: LF) -> Option<usize> {
    form.fields
        .iter()
        .find(|x| x.field == FieldRef::Liaison(f))
        .and_then(|x| x.choice)
}

type Errors = Vec<(FieldRef, Problem)>;

fn refs(errors: dom::Errors) -> Errors {
    errors
        .into_iter()
        .map(|(f, p)| (FieldRef::Liaison(f), p))
        .collect()
}

/// Saves the open form if it is a liaison form.
fn save(app: &mut App, kind: FormKind) -> bool {
    let Some(f) = LiaisonForm::of(kind) else {
        return false;
    };
    let Some(form) = &app.form else { return true };
    let vals = values(form);
    let kind_choice = choice(form, LF::Kind).and_then(|i| LiaisonKind::ALL.get(i).copied());
    let today = app.today;
    let members: Vec<(MemberId, crate::domain::member::Member)> = app
        .roster
        .entries()
        .iter()
        .map(|e| (e.id, e.member.clone()))
        .collect();
    let others = || members.iter().map(|(i, m)| (*i, m));
    let checked: Result<(Option<LiaisonId>, Liaison), Errors> = match f {
        LiaisonForm::New => dom::check_liaison(&vals, kind_choice, None, others(), today)
            .map(|l| (None, l))
            .map_err(refs),
        LiaisonForm::Edit(id) => {
            let Some(base) = app.liaison.get(id).cloned() else {
                return true;
            };
            dom::check_liaison(&vals, kind_choice, Some(&base), others(), today)
                .map(|l| (Some(id), l))
                .map_err(refs)
        }
        LiaisonForm::Contact(id) => {
            let Some(mut l) = app.liaison.get(id).cloned() else {
                return true;
            };
            dom::check_contact(&vals, today)
                .map(|c| {
                    l.add_contact(c);
                    (Some(id), l)
                })
                .map_err(refs)
        }
        LiaisonForm::Comment(id, _) => {
            let Some(mut l) = app.liaison.get(id).cloned() else {
                return true;
            };
            dom::check_comment(&l, &vals, today)
                .map(|c| {
                    l.put_comment(c);
                    (Some(id), l)
                })
                .map_err(refs)
        }
        LiaisonForm::Join(id) => {
            join(app, id, &vals);
            return true;
        }
        LiaisonForm::FromMember => {
            let picked = choice(form, LF::FromMember)
                .and_then(|i| transferred_out(app).get(i).map(|(id, _)| *id));
            match picked {
                None => Err(vec![(FieldRef::Liaison(LF::FromMember), Problem::Required)]),
                Some(mid) => {
                    let m = &members
                        .iter()
                        .find(|(i, _)| *i == mid)
                        .map(|(_, m)| m.clone())
                        .unwrap_or_default();
                    let mut base = dom::from_member(mid, m);
                    base.kind = kind_choice.unwrap_or_default();
                    let mut record = dom::record_values(&base);
                    for (field, v) in &vals {
                        if let Some(slot) = record.iter_mut().find(|(x, _)| x == field) {
                            slot.1 = v.clone();
                        }
                    }
                    dom::check_liaison(&record, Some(base.kind), Some(&base), others(), today)
                        .map(|l| (None, l))
                        .map_err(refs)
                }
            }
        }
    };
    match checked {
        Err(errors) => app.form_refused(&errors),
        Ok((id, l)) => match app.store.save_liaison(id, &l) {
            Ok(id) => {
                app.liaison.upsert(id, l);
                app.form_saved(Notice::Saved(Vec::new()));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
    }
    true
}

/// The liaison member transfers into the branch: a member record (identity, the
/// transfer-in event) is saved with the liaison record, linked, in one transaction.
fn join(app: &mut App, id: LiaisonId, vals: &[(LF, String)]) {
    let Some(l) = app.liaison.get(id).cloned() else {
        return;
    };
    let typed = vals
        .iter()
        .find(|(f, _)| *f == LF::JoinDate)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let on = match date::parse_user_date(&typed, app.today, DateRole::Event) {
        Ok(d) if d > app.today => Err(Problem::InFuture),
        Ok(d) => Ok(d),
        Err(e) => Err(Problem::Date(e)),
    };
    let on = match on {
        Ok(d) => d,
        Err(p) => {
            app.form_refused(&[(FieldRef::Liaison(LF::JoinDate), p)]);
            return;
        }
    };
    let mut m = dom::to_member(&l);
    m.add_event(MemberEvent::new(on, EventKind::TransferredIn, ""));
    match app.store.save_liaison_and_member(Some(id), &l, None, &m) {
        Ok((lid, mid)) => {
            let mut l = l;
            l.member = Some(mid);
            app.liaison.upsert(lid, l);
            app.roster.upsert(mid, m);
            app.form_saved(Notice::Liaison(LiaisonNotice::Joined));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
}

/// Writes the year's comments (on the list) or the open card's comment document into
/// the data folder's `exports`.
fn export(app: &mut App) {
    let dir = crate::interchange::exports_dir(app.store.dir());
    let branch = app.branch.clone().unwrap_or_default();
    let year = app.liaison.year;
    let written = match app.liaison.open.and_then(|id| app.liaison.get(id)) {
        Some(l) => crate::interchange::liaison::write_comment(&dir, &branch, l, year, app.today),
        None => crate::interchange::liaison::write_year(
            &dir,
            &branch,
            &app.liaison.list,
            year,
            app.today,
        ),
    };
    app.notice = Some(match written {
        Ok(paths) => Notice::ReportExported(paths),
        Err(e) => Notice::Store(StoreError::Io(e.to_string())),
    });
}

fn nothing(app: &mut App) {
    app.notice = Some(Notice::Liaison(LiaisonNotice::NothingSelected));
}

fn handle(app: &mut App, action: Action, ctx: Context) -> bool {
    if let Some(d) = list::delta(action, app.page_rows) {
        let n = app.liaison.list.len();
        app.liaison.cursor = list::moved(app.liaison.cursor, n, d);
        if app.liaison.open.is_some() {
            app.liaison.open = app.liaison.selected();
        }
        return true;
    }
    let current = app.liaison.current();
    match action {
        Action::Open => match app.liaison.selected() {
            Some(id) => app.liaison.open = Some(id),
            None => nothing(app),
        },
        Action::Back if ctx == Context::LiaisonCard => {
            app.liaison.open = None;
            if let Some(s) = app.return_to.take() {
                app.screen = s;
            }
        }
        Action::New => app.open_form(LiaisonForm::New.into()),
        Action::Edit => match current {
            Some(id) => app.open_form(LiaisonForm::Edit(id).into()),
            None => nothing(app),
        },
        Action::Delete => match current.and_then(|id| app.liaison.get(id).map(|l| (id, l))) {
            Some((id, l)) => {
                let name = l.full_name.clone();
                app.ask(Confirm::DeleteLiaison(id, name));
            }
            None => nothing(app),
        },
        Action::LiaisonContact => match current {
            Some(id) => app.open_form(LiaisonForm::Contact(id).into()),
            None => nothing(app),
        },
        Action::LiaisonComment => match current {
            Some(id) => app.open_form(LiaisonForm::Comment(id, app.liaison.year).into()),
            None => nothing(app),
        },
        Action::LiaisonExport => export(app),
        Action::LiaisonJoin => match current.and_then(|id| app.liaison.get(id).map(|l| (id, l))) {
            Some((_, l)) if l.member.is_some() => {
                app.notice = Some(Notice::Liaison(LiaisonNotice::AlreadyLinked))
            }
            Some((id, _)) => app.open_form(LiaisonForm::Join(id).into()),
            None => nothing(app),
        },
        Action::LiaisonFromMember => {
            if transferred_out(app).is_empty() {
                app.notice = Some(Notice::Liaison(LiaisonNotice::NoneTransferred));
            } else {
                app.open_form(LiaisonForm::FromMember.into());
            }
        }
        Action::PrevYear => app.liaison.year -= 1,
        Action::NextYear => app.liaison.year += 1,
        _ => return false,
    }
    true
}

fn find_row(app: &mut App, ctx: Context, typed: &str) -> bool {
    if ctx != Context::Liaison {
        return false;
    }
    let names: Vec<String> = app
        .liaison
        .rows()
        .iter()
        .map(|(_, l)| l.full_name.clone())
        .collect();
    if let Some(i) = find::first_match(&names, typed) {
        app.liaison.cursor = i;
    }
    true
}

fn confirmed(app: &mut App, c: &Confirm) -> bool {
    let Confirm::DeleteLiaison(id, name) = c else {
        return false;
    };
    match app.store.delete_liaison(*id) {
        Ok(()) => {
            app.liaison.list.retain(|(i, _)| i != id);
            if app.liaison.open == Some(*id) {
                app.liaison.open = None;
            }
            let n = app.liaison.list.len();
            app.liaison.cursor = app.liaison.cursor.min(n.saturating_sub(1));
            app.changed = true;
            app.notice = Some(Notice::Deleted(name.clone()));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
    true
}

/// The liaison screen.
pub const DEF: ScreenDef = ScreenDef {
    screen: Screen::Liaison,
    name: |l| crate::i18n::liaison::of(l).msg(crate::i18n::liaison::LiaisonMsg::ScreenName),
    context: |app| match app.liaison.open {
        Some(_) => Context::LiaisonCard,
        None => Context::Liaison,
    },
    handle,
    hints: |ctx| match ctx {
        Context::LiaisonCard => &[
            Action::LiaisonContact,
            Action::LiaisonComment,
            Action::Edit,
            Action::LiaisonJoin,
            Action::Back,
        ],
        _ => &[
            Action::Open,
            Action::New,
            Action::LiaisonContact,
            Action::LiaisonComment,
            Action::LiaisonExport,
            Action::LiaisonFromMember,
        ],
    },
    find: find_row,
    form_tags: &[NEW, EDIT, CONTACT, COMMENT, JOIN, FROM_MEMBER],
    form_title,
    form_for,
    restore,
    save,
    question: question_words,
    confirmed,
};

/// The words of the liaison screen's question: delete a liaison member.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    match ask {
        Confirm::DeleteLiaison(_, name) => Some(format!(
            "{} {name}?",
            crate::i18n::liaison::of(app.lang).msg(crate::i18n::liaison::LiaisonMsg::ConfirmDelete)
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_liaison_form_comes_back_from_its_saved_number_and_ids() {
        let kinds = [
            LiaisonForm::New,
            LiaisonForm::Edit(7),
            LiaisonForm::Contact(7),
            LiaisonForm::Comment(7, 2026),
            LiaisonForm::Join(7),
            LiaisonForm::FromMember,
        ];
        for f in kinds {
            let k: FormKind = f.into();
            assert_eq!(super::super::form_kind(k.tag, k.ids()), Some(k), "{f:?}");
            assert_eq!(LiaisonForm::of(k), Some(f));
        }
        let other = FormKind::new(Screen::Admission, NEW, &[]);
        assert_eq!(LiaisonForm::of(other), None);
    }
}
