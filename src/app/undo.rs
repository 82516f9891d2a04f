//! Undo (`u`) and redo (`Ctrl-R`). The undo stack is derived from the store's history:
//! after every action, the history entries it appended form one group. Undoing a group
//! writes each record back to its previous bytes through [`Store::revert`], which is an
//! ordinary durable save with its own history entries (the history only grows). Approved
//! minutes are never changed by undo or redo, and changes to records undo does not know
//! (other trees) are refused by the store.
//!
//! [`Store::revert`]: crate::store::Store::revert

use chrono::NaiveDate;

use super::{App, Notice};
use crate::domain::meeting::document_number;
use crate::i18n::{ChangeKind, Cli, RecordLabel};
use crate::keymap::action::Action;
use crate::store::history::{Change, Revert};
use crate::store::schema;
use crate::store::{TREE_MEETINGS, TREE_MEMBERS, TREE_META};

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
/// of an undo or redo itself are only passed over). A new change clears the redo stack.
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
    app.undo
        .done
        .push(entries.into_iter().map(|(_, h)| h).collect());
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
    let reverts: Vec<Revert> = if back {
        group
            .iter()
            .rev()
            .map(|h| Revert {
                tree: h.tree.clone(),
                key: h.key,
                expect: h.new.clone(),
                to: h.old.clone(),
            })
            .collect()
    } else {
        group
            .iter()
            .map(|h| Revert {
                tree: h.tree.clone(),
                key: h.key,
                expect: h.old.clone(),
                to: h.new.clone(),
            })
            .collect()
    };
    if let Err(e) = app.store.revert(&reverts) {
        app.notice = Some(Notice::Store(e));
        return;
    }
    for r in &reverts {
        show(app, &r.tree, r.key, r.to.as_deref());
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
    if h.tree != TREE_MEETINGS {
        return None;
    }
    [&h.old, &h.new]
        .into_iter()
        .flatten()
        .filter_map(|b| schema::decode_meeting(b).ok())
        .find_map(|m| m.approved.map(|d| (document_number(m.number), d)))
}

/// Puts a record's new value (or its absence) into the screens' state.
fn show(app: &mut App, tree: &str, key: u64, value: Option<&[u8]>) {
    match tree {
        TREE_MEMBERS => match value.and_then(|b| schema::decode_member(b).ok()) {
            Some(m) => app.roster.upsert(key, m),
            None => {
                app.roster.remove(key);
                if app.detail == Some(key) {
                    app.detail = None;
                }
            }
        },
        TREE_MEETINGS => match value.and_then(|b| schema::decode_meeting(b).ok()) {
            Some(m) => app.meetings.upsert(key, m),
            None => {
                app.meetings.remove(key);
                if app.meetings.open == Some(key) {
                    app.meetings.open = None;
                }
            }
        },
        TREE_META => app.branch = value.and_then(|b| schema::decode_branch(b).ok()),
        _ => {}
    }
}

/// "sửa hồ sơ Nguyễn Văn An": what the group's (last) change did, in the app's language.
pub fn describe(app: &App, group: &[Change]) -> String {
    let Some(h) = group.last() else {
        return String::new();
    };
    let kind = match (&h.old, &h.new) {
        (None, _) => ChangeKind::Created,
        (_, None) => ChangeKind::Deleted,
        _ => ChangeKind::Changed,
    };
    let value = h.new.as_deref().or(h.old.as_deref()).unwrap_or_default();
    let name;
    let record = match h.tree.as_str() {
        TREE_MEMBERS => {
            name = schema::decode_member(value)
                .map(|m| m.full_name)
                .unwrap_or_default();
            RecordLabel::Member(&name)
        }
        TREE_MEETINGS => {
            name = schema::decode_meeting(value)
                .map(|m| document_number(m.number))
                .unwrap_or_default();
            RecordLabel::Meeting(&name)
        }
        TREE_META => RecordLabel::Branch,
        other => RecordLabel::Other(other),
    };
    app.lang.cat().change(kind, &record)
}
