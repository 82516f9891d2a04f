//! The change history overlay ("Lịch sử thay đổi") of a member's card or an open meeting:
//! that record's history entries, newest first. The view decodes and compares them.

use super::{App, Notice};
use crate::domain::meeting::document_number;
use crate::keymap::action::Context;
use crate::store::history::Change;
use crate::store::{TREE_MEETINGS, TREE_MEMBERS};

/// The open history overlay.
#[derive(Debug, Clone)]
pub struct HistoryView {
    /// The record's tree.
    pub tree: &'static str,
    /// Who or what it is, for the title.
    pub title: String,
    /// Its changes, newest first.
    pub entries: Vec<Change>,
    /// Scroll offset in lines.
    pub scroll: usize,
}

/// Opens the history of the member card or the open meeting.
pub fn open(app: &mut App, ctx: Context) {
    let target = match ctx {
        Context::Member => app.detail.and_then(|id| {
            let name = app.roster.get(id)?.member.full_name.clone();
            Some((TREE_MEMBERS, id, name))
        }),
        Context::Meeting | Context::Roll => app
            .meetings
            .current()
            .map(|(id, m)| (TREE_MEETINGS, id, document_number(m.number))),
        _ => None,
    };
    let Some((tree, key, title)) = target else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    match app.store.history_of(tree, key) {
        Ok(entries) => {
            app.history = Some(HistoryView {
                tree,
                title,
                entries,
                scroll: 0,
            })
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
}

/// Unix seconds as dd/mm/yyyy HH:MM, local time.
pub fn local_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}
