//! Undo (`Ctrl+Z`) and redo (`Ctrl+Y`). The undo stack is derived from the store's history:
//! after every action, the history entries it appended form one group. Undoing a group
//! writes each record back to its previous bytes through [`Store::revert`], which is an
//! ordinary durable save with its own history entries (the history only grows). Approved
//! minutes are never changed by undo or redo. Every record kind the history logs can be
//! undone, and every group is named in the user's words ([`describe`]).
//!
//! [`Store::revert`]: crate::store::Store::revert

use chrono::NaiveDate;

use super::{App, Notice};
use crate::domain::meeting::document_number;
use crate::domain::member::MemberId;
use crate::i18n::{ChangeKind, Cli, RecordLabel};
use crate::keymap::action::Action;
use crate::store::StoreError;
use crate::store::history::{Change, Record, Revert, record_of};
use crate::store::schema;

/// Groups kept for undo; older ones drop off.
pub const MAX_GROUPS: usize = 200;

/// The changes of one action.
pub type Group = Vec<Change>;

/// This session's undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct UndoLog {
    /// The history position already looked at.
    pub seen: u64,
    /// Groups that can be undone, oldest first.
    pub done: Vec<Group>,
    /// Groups undone that can be redone, most recently undone last.
    pub undone: Vec<Group>,
}

impl UndoLog {
    /// A log starting at history position `seen` (changes before it are not undone).
    pub fn starting_at(seen: u64) -> UndoLog {
        UndoLog {
            seen,
            ..UndoLog::default()
        }
    }
}

/// After an action: the history entries it appended become one undo group (the entries
/// of an undo or redo itself are only passed over), named in [`App::last_saved`]; an
/// action that saved without a notice gets [`Notice::Saved`]. A new change clears the
/// redo stack.
pub fn after_action(app: &mut App, action: Action) {
    let Ok(entries) = app.store.history_after(app.undo.seen) else {
        return;
    };
    let Some((last, _)) = entries.last() else {
        return;
    };
    app.undo.seen = *last;
    if matches!(action, Action::Undo | Action::Redo) {
        return;
    }
    let group: Group = entries.into_iter().map(|(_, h)| h).collect();
    app.last_saved = Some(describe(app, &group)).filter(|d| !d.is_empty());
    // A save that said nothing (a payment marked from the list) still says it saved.
    if app.notice.is_none() {
        app.notice = Some(Notice::Saved(Vec::new()));
    }
    app.undo.done.push(group);
    if app.undo.done.len() > MAX_GROUPS {
        app.undo.done.remove(0);
    }
    app.undo.undone.clear();
}

/// Whether undo and redo are possible now: not while a form, question or overlay is open.
fn idle(app: &App) -> bool {
    app.form.is_none() && app.confirm.is_none() && app.help.is_none() && app.history.is_none()
}

/// Undoes the last group of changes.
pub fn undo(app: &mut App) {
    step(app, true);
}

/// Redoes the last undone group.
pub fn redo(app: &mut App) {
    step(app, false);
}

fn step(app: &mut App, back: bool) {
    if !idle(app) {
        return;
    }
    let stack = if back {
        &app.undo.done
    } else {
        &app.undo.undone
    };
    let Some(group) = stack.last().cloned() else {
        app.notice = Some(if back {
            Notice::NothingToUndo
        } else {
            Notice::NothingToRedo
        });
        return;
    };
    if let Some((doc, date)) = group.iter().find_map(approved) {
        app.notice = Some(Notice::UndoApproved(doc, date));
        return;
    }
    let reverts = Revert::of_group(&group, back);
    if let Err(e) = app.store.revert(&reverts) {
        app.notice = Some(Notice::Store(e));
        return;
    }
    app.last_saved = None;
    for r in &reverts {
        show(app, &r.tree, r.key, r.to.as_deref());
    }
    if let Err(e) = reload(app, &reverts) {
        app.notice = Some(Notice::Store(e));
        return;
    }
    app.changed = true;
    let what = describe(app, &group);
    let c = app.lang.cat();
    if back {
        app.undo.done.pop();
        app.undo.undone.push(group);
        app.notice = Some(Notice::Undone(c.cli(Cli::Undone(&what))));
    } else {
        app.undo.undone.pop();
        app.undo.done.push(group);
        app.notice = Some(Notice::Redone(c.cli(Cli::Redone(&what))));
    }
}

/// The minutes' number and approval date if a change touches approved minutes (before
/// or after it).
fn approved(h: &Change) -> Option<(String, NaiveDate)> {
    if !matches!(h.record(), Some(Record::Meeting(_))) {
        return None;
    }
    [&h.old, &h.new]
        .into_iter()
        .flatten()
        .filter_map(|b| schema::decode_meeting(b).ok())
        .find_map(|m| m.approved.map(|d| (document_number(m.number), d)))
}

/// Puts a member's, meeting's or the branch's new value (or its absence) into the
/// screens' state; the other records are read again by [`reload`].
fn show(app: &mut App, tree: &str, key: u64, value: Option<&[u8]>) {
    match record_of(tree, key) {
        Some(Record::Member(key)) => match value.and_then(|b| schema::decode_member(b).ok()) {
            Some(m) => app.roster.upsert(key, m),
            None => {
                app.roster.remove(key);
                if app.detail == Some(key) {
                    app.detail = None;
                }
            }
        },
        Some(Record::Meeting(key)) => match value.and_then(|b| schema::decode_meeting(b).ok()) {
            Some(m) => app.meetings.upsert(key, m),
            None => {
                app.meetings.remove(key);
                if app.meetings.open == Some(key) {
                    app.meetings.open = None;
                }
            }
        },
        Some(Record::Branch) => app.branch = value.and_then(|b| schema::decode_branch(b).ok()),
        _ => {}
    }
}

/// Reads again from the store what the screens hold of the other records the reverts
/// touched: the dues ledgers and badges, the reviews, the candidates and targets.
fn reload(app: &mut App, reverts: &[Revert]) -> Result<(), StoreError> {
    let (mut dues, mut review, mut admission, mut liaison) = (false, false, false, false);
    for r in reverts {
        match record_of(&r.tree, r.key) {
            Some(Record::DuesProfiles(_) | Record::DuesPayments(_) | Record::Badges(_)) => {
                dues = true
            }
            Some(Record::Review(..) | Record::BranchYear(_)) => review = true,
            Some(Record::Candidate(_) | Record::Target(_)) => admission = true,
            Some(Record::Resolution(_)) => app.study.reload(&app.store)?,
            Some(Record::Liaison(_)) => liaison = true,
            _ => {}
        }
    }
    if dues {
        app.dues.reload(&app.store)?;
    }
    if review {
        app.review.reload(&app.store)?;
    }
    if admission {
        app.admission.reload(&app.store)?;
        app.admission.follow(&app.roster);
    }
    if liaison {
        app.liaison.reload(&app.store)?;
    }
    if reverts
        .iter()
        .any(|r| matches!(record_of(&r.tree, r.key), Some(Record::RuleSetting(_))))
    {
        crate::domain::rules::install(app.store.rule_settings()?);
    }
    if reverts
        .iter()
        .any(|r| matches!(record_of(&r.tree, r.key), Some(Record::Holiday(_))))
    {
        crate::domain::holidays::install(app.store.holidays()?);
    }
    Ok(())
}

/// What changed between two lists of parts of a record: the first part added, else the
/// first removed, else the first changed, matched by `key`.
fn diff<'a, T: PartialEq, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> Option<(ChangeKind, &'a T)> {
    let find = |list: &'a [T], x: &T| list.iter().find(|y| key(y) == key(x));
    if let Some(n) = new.iter().find(|n| find(old, n).is_none()) {
        return Some((ChangeKind::Created, n));
    }
    if let Some(o) = old.iter().find(|o| find(new, o).is_none()) {
        return Some((ChangeKind::Deleted, o));
    }
    new.iter()
        .find(|n| find(old, n).is_some_and(|o| o != *n))
        .map(|n| (ChangeKind::Changed, n))
}

/// Decodes a change's old and new values with `decode` (an absent or unreadable value
/// counts as the default).
fn both<T: Default>(
    h: &Change,
    decode: impl Fn(&[u8]) -> Result<T, crate::store::codec::CodecError>,
) -> (T, T) {
    let get = |v: &Option<Vec<u8>>| {
        v.as_deref()
            .and_then(|b| decode(b).ok())
            .unwrap_or_default()
    };
    (get(&h.old), get(&h.new))
}

/// A member's name as the roster has it.
fn member_name(app: &App, id: MemberId) -> String {
    // The branch's hand-overs of dues are the payments record under a reserved key.
    if id == crate::store::DUES_HANDED_KEY {
        return app
            .branch
            .as_ref()
            .map(|b| b.name.clone())
            .unwrap_or_default();
    }
    app.roster
        .get(id)
        .map(|e| e.member.full_name.clone())
        .unwrap_or_default()
}

/// "ghi đảng phí tháng 12/2026 của Đỗ Quang Ân": what the group's (last) change did, in
/// the app's language, naming the record as the user knows it.
pub fn describe(app: &App, group: &[Change]) -> String {
    let Some(h) = group.last() else {
        return String::new();
    };
    let whole = match (&h.old, &h.new) {
        (None, _) => ChangeKind::Created,
        (_, None) => ChangeKind::Deleted,
        _ => ChangeKind::Changed,
    };
    let value = h.new.as_deref().or(h.old.as_deref()).unwrap_or_default();
    let c = app.lang.cat();
    let Some(record) = h.record() else {
        return String::new();
    };
    match record {
        Record::Member(_) => {
            let (old, new) = both(h, schema::decode_member);
            let name = if new.full_name.is_empty() {
                old.full_name.clone()
            } else {
                new.full_name.clone()
            };
            match diff(&old.events, &new.events, |e| (e.date, e.kind)) {
                Some((kind, e)) if whole == ChangeKind::Changed => {
                    c.change(kind, &RecordLabel::MemberEvent(&name, e.kind))
                }
                _ => c.change(whole, &RecordLabel::Member(&name)),
            }
        }
        Record::Meeting(_) => {
            let doc = schema::decode_meeting(value)
                .map(|m| document_number(m.number))
                .unwrap_or_default();
            c.change(whole, &RecordLabel::Meeting(&doc))
        }
        Record::Branch => c.change(whole, &RecordLabel::Branch),
        Record::DuesPayments(id) => {
            let name = member_name(app, id);
            let (old, new) = both(h, schema::decode_dues_payments);
            match diff(&old, &new, |p| p.month) {
                Some((kind, p)) => c.change(kind, &RecordLabel::DuesPayment(&name, p.month)),
                None => c.change(whole, &RecordLabel::DuesPayments(&name)),
            }
        }
        Record::DuesProfiles(id) => c.change(whole, &RecordLabel::DuesRate(&member_name(app, id))),
        Record::Badges(id) => {
            let name = member_name(app, id);
            let (old, new) = both(h, schema::decode_badges);
            match diff(&old.awards, &new.awards, |a| a.milestone) {
                Some((kind, a)) => c.change(kind, &RecordLabel::Badge(&name, a.milestone)),
                None if old.serious_illness != new.serious_illness => c.change(
                    ChangeKind::Changed,
                    &RecordLabel::BadgeIllness(&name, new.serious_illness),
                ),
                None => c.change(whole, &RecordLabel::BadgeRecord(&name)),
            }
        }
        Record::Review(year, id) => {
            c.change(whole, &RecordLabel::Review(&member_name(app, id), year))
        }
        Record::BranchYear(year) => c.change(whole, &RecordLabel::BranchYear(year)),
        Record::RuleSetting(code) => {
            let name = crate::domain::rules::RuleId::from_code(code)
                .map_or("", |id| crate::i18n::rules::catalogue(app.lang).rule(id));
            c.change(whole, &RecordLabel::RuleSetting(name))
        }
        Record::Candidate(_) => {
            let (old, new) = both(h, schema::decode_candidate);
            let name = if new.person.full_name.is_empty() {
                old.person.full_name.clone()
            } else {
                new.person.full_name.clone()
            };
            match diff(&old.steps, &new.steps, |s| s.stage) {
                Some((kind, s)) if whole == ChangeKind::Changed => {
                    c.change(kind, &RecordLabel::AdmissionStep(&name, s.stage))
                }
                _ => c.change(whole, &RecordLabel::Candidate(&name)),
            }
        }
        Record::Target(year) => c.change(whole, &RecordLabel::Target(year)),
        Record::Resolution(_) => {
            let number = schema::decode_resolution(value)
                .map(|r| r.number)
                .unwrap_or_default();
            crate::i18n::record::of(app.lang)
                .text(crate::i18n::record::RecordText::Change(whole, &number))
        }
        Record::Liaison(_) => {
            let (old, new) = both(h, schema::decode_liaison);
            let name = if new.full_name.is_empty() {
                old.full_name
            } else {
                new.full_name
            };
            c.change(whole, &RecordLabel::Liaison(&name))
        }
        Record::Holiday(_) => {
            let (old, new) = (&h.old, &h.new);
            let entry = [new, old]
                .into_iter()
                .flatten()
                .find_map(|b| schema::decode_holiday(b).ok());
            // A day whose date was edited is two changes (the old date removed, the new
            // one written): one edit.
            let kind = if group.len() > 1 {
                ChangeKind::Changed
            } else {
                whole
            };
            entry.map_or_else(String::new, |e| {
                crate::i18n::rules::catalogue(app.lang).holiday_change(kind, &e)
            })
        }
    }
}
