//! Reading the change history per record, and writing a record back to an earlier (or
//! later) value for undo and redo. A revert is an ordinary change: it goes through the
//! same trees, index and sealing as a save, in one transaction, and appends its own
//! history entries; nothing is ever removed from the history.

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::schema::v1::HistoryV1;
use super::{
    META_BRANCH, Result, Store, StoreError, TREE_HISTORY, TREE_MEETINGS, TREE_MEMBERS, TREE_META,
    key_id, map_tx, schema,
};

/// One record set back to a value: `(tree, key)` must currently hold `expect` (plain
/// codec bytes; `None`: absent) and is given `to` (`None`: removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revert {
    /// The record's tree.
    pub tree: String,
    /// The record's key.
    pub key: u64,
    /// What the record must hold now.
    pub expect: Option<Vec<u8>>,
    /// What it is set to.
    pub to: Option<Vec<u8>>,
}

/// The trees whose records undo can write back.
pub fn undoable_tree(tree: &str) -> bool {
    matches!(tree, TREE_MEMBERS | TREE_MEETINGS | TREE_META)
}

impl Store {
    /// History entries after position `after`, oldest first, with their positions.
    pub fn history_after(&self, after: u64) -> Result<Vec<(u64, HistoryV1)>> {
        let start = after.saturating_add(1).to_be_bytes();
        self.history
            .range(start..)
            .map(|kv| {
                let (k, v) = kv?;
                let v = self.open_value(TREE_HISTORY, &k, &v)?;
                let h = schema::decode_history(&v).map_err(|source| StoreError::Corrupt {
                    tree: TREE_HISTORY,
                    key: key_id(&k),
                    source,
                })?;
                Ok((key_id(&k), h))
            })
            .collect()
    }

    /// The changes of one record (`tree`, `key`), newest first.
    pub fn history_of(&self, tree: &str, key: u64) -> Result<Vec<HistoryV1>> {
        let mut all: Vec<HistoryV1> = self
            .history_after(0)?
            .into_iter()
            .map(|(_, h)| h)
            .filter(|h| h.tree == tree && h.key == key)
            .collect();
        all.reverse();
        Ok(all)
    }

    /// Sets records back (or forward) in one transaction, each through its normal save
    /// path (members keep the card index), with a history entry each; then flushes.
    /// [`StoreError::Changed`] if a record no longer holds what it is expected to,
    /// [`StoreError::NotUndoable`] for a tree undo does not know; nothing is written then.
    pub fn revert(&self, items: &[Revert]) -> Result<()> {
        if let Some(r) = items.iter().find(|r| !undoable_tree(&r.tree)) {
            return Err(StoreError::NotUndoable(r.tree.clone()));
        }
        let mut prepared = Vec::with_capacity(items.len());
        for r in items {
            let (name, key) = stored_key(r);
            let stored =
                r.to.as_ref()
                    .map(|b| self.seal_value(name, &key, b))
                    .transpose()?;
            if r.tree == TREE_MEMBERS
                && let Some(b) = &r.to
            {
                schema::decode_member(b)?;
            }
            prepared.push((name, key, stored, self.db.generate_id()?));
        }
        let now = chrono::Utc::now().timestamp();
        let result = (
            &self.members,
            &self.cards,
            &self.meetings,
            &self.meta,
            &self.history,
        )
            .transaction(|(members, cards, meetings, meta, history)| {
                for (r, (name, key, stored, hid)) in items.iter().zip(&prepared) {
                    let tree: &TransactionalTree = match *name {
                        TREE_MEMBERS => members,
                        TREE_MEETINGS => meetings,
                        _ => meta,
                    };
                    let current = tree.get(key)?.map(|v| self.plain_or_raw(name, key, &v));
                    if current != r.expect {
                        return Err(ConflictableTransactionError::Abort(StoreError::Changed));
                    }
                    if *name == TREE_MEMBERS {
                        let new = r.to.as_deref().and_then(|b| schema::decode_member(b).ok());
                        self.reindex_card(cards, members, r.key, current.as_deref(), new.as_ref())?;
                    }
                    match stored {
                        Some(b) => tree.insert(key.as_slice(), b.clone())?,
                        None => tree.remove(key.as_slice())?,
                    };
                    let entry = HistoryV1 {
                        at: now,
                        tree: r.tree.clone(),
                        key: r.key,
                        old: current,
                        new: r.to.clone(),
                    };
                    self.put_history(history, *hid, &entry)?;
                }
                Ok(())
            });
        map_tx(result)?;
        self.flush()
    }
}

/// The tree name and the stored key of a revert's record (the branch profile is
/// history key 0 of `meta`, stored under [`META_BRANCH`]).
fn stored_key(r: &Revert) -> (&'static str, Vec<u8>) {
    match r.tree.as_str() {
        TREE_MEMBERS => (TREE_MEMBERS, r.key.to_be_bytes().to_vec()),
        TREE_MEETINGS => (TREE_MEETINGS, r.key.to_be_bytes().to_vec()),
        _ => (TREE_META, META_BRANCH.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn reverting_a_deletion_recreates_the_member_and_its_card() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let m = demo::demo_members(1, 1, today()).remove(0);
        assert!(!m.card_number.is_empty());
        let id = s.save_member(None, &m).unwrap();
        let before = s.history_last().unwrap();
        s.delete_member(id).unwrap();
        let h = s.history_after(before).unwrap();
        assert_eq!(h.len(), 1);
        let old = h[0].1.old.clone();
        s.revert(&[Revert {
            tree: TREE_MEMBERS.into(),
            key: id,
            expect: None,
            to: old.clone(),
        }])
        .unwrap();
        assert_eq!(s.member(id).unwrap(), Some(m.clone()));
        // The card index knows the number again: another member cannot take it.
        let mut other = demo::demo_members(2, 1, today()).remove(0);
        other.card_number = m.card_number.clone();
        assert!(matches!(
            s.save_member(None, &other),
            Err(StoreError::CardTaken(_))
        ));
        // The revert is in the history, which only grew.
        assert_eq!(s.history_of(TREE_MEMBERS, id).unwrap().len(), 3);
        // A stale expectation changes nothing.
        assert!(matches!(
            s.revert(&[Revert {
                tree: TREE_MEMBERS.into(),
                key: id,
                expect: None,
                to: None,
            }]),
            Err(StoreError::Changed)
        ));
        assert!(matches!(
            s.revert(&[Revert {
                tree: "dues".into(),
                key: 1,
                expect: None,
                to: None,
            }]),
            Err(StoreError::NotUndoable(_))
        ));
        assert_eq!(s.history_of(TREE_MEMBERS, id).unwrap().len(), 3);
    }
}
