//! Reading the change history per record, and writing a record back to an earlier (or
//! later) value for undo and redo. A revert is an ordinary change: it goes through the
//! same trees, index and sealing as a save, in one transaction, and appends its own
//! history entries; nothing is ever removed from the history.

use std::collections::HashMap;

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::codec::{self, CodecError};
use super::schema::HistoryEntry;
use super::schema::history::v2::{ChangeV2, HistoryV2};
use super::{
    META_BRANCH, Result, Store, StoreError, TREE_BADGES, TREE_CANDIDATES, TREE_CARDS,
    TREE_DUES_PAYMENTS, TREE_DUES_PROFILES, TREE_HISTORY, TREE_HOLIDAYS, TREE_LIAISON,
    TREE_MEETINGS, TREE_MEMBERS, TREE_META, TREE_RESOLUTIONS, TREE_REVIEW_YEARS, TREE_REVIEWS,
    TREE_RULE_SETTINGS, TREE_TARGETS, key_id, map_tx, review_key_parts, schema,
};
use crate::domain::admission::CandidateId;
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;

/// One change of one record, with its whole values before and after (plain codec
/// bytes), as the rest of the app reads the history. On disk the values are not kept
/// whole (see [`schema::history::v2`]); they are rebuilt from the record's current value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// When, as Unix seconds.
    pub at: i64,
    /// The tree the record lives in.
    pub tree: String,
    /// The record's key.
    pub key: u64,
    /// The value before the change (`None`: the record did not exist).
    pub old: Option<Vec<u8>>,
    /// The value after the change (`None`: the record was removed).
    pub new: Option<Vec<u8>>,
}

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

impl Revert {
    /// The writes that take a group of changes back (`back`: newest first, each record to
    /// its old value) or forward again (oldest first, to its new value).
    pub fn of_group(group: &[Change], back: bool) -> Vec<Revert> {
        let one = |h: &Change| {
            let (expect, to) = if back {
                (h.new.clone(), h.old.clone())
            } else {
                (h.old.clone(), h.new.clone())
            };
            Revert {
                tree: h.tree.clone(),
                key: h.key,
                expect,
                to,
            }
        };
        if back {
            group.iter().rev().map(one).collect()
        } else {
            group.iter().map(one).collect()
        }
    }
}

/// The record a change touched, as the app names it (tree names stay inside the store).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// A member.
    Member(MemberId),
    /// A meeting and its minutes.
    Meeting(MeetingId),
    /// The branch profile.
    Branch,
    /// An admission candidate.
    Candidate(CandidateId),
    /// The admission target of a year.
    Target(i32),
    /// A member's dues profiles (rates).
    DuesProfiles(MemberId),
    /// A member's dues payments.
    DuesPayments(MemberId),
    /// A member's badge record.
    Badges(MemberId),
    /// A member's review of a year: (year, member).
    Review(i32, MemberId),
    /// The branch's classification of a year.
    BranchYear(i32),
    /// A resolution and its study.
    Resolution(crate::domain::study::ResolutionId),
    /// A liaison member (QĐ 213).
    Liaison(u64),
    /// The branch's setting of a rule (the rule's code).
    RuleSetting(u64),
    /// The branch's day of the calendar (the date as days since 1 January of year 1).
    Holiday(u64),
}

/// The record of history key `key` of `tree`; `None` for what is not a record.
pub fn record_of(tree: &str, key: u64) -> Option<Record> {
    let year = i32::try_from(key).ok();
    Some(match tree {
        TREE_MEMBERS => Record::Member(key),
        TREE_MEETINGS => Record::Meeting(key),
        TREE_META if key == 0 => Record::Branch,
        TREE_CANDIDATES => Record::Candidate(key),
        TREE_TARGETS => Record::Target(year?),
        TREE_DUES_PROFILES => Record::DuesProfiles(key),
        TREE_DUES_PAYMENTS => Record::DuesPayments(key),
        TREE_BADGES => Record::Badges(key),
        TREE_REVIEWS => {
            let (y, m) = review_key_parts(key);
            Record::Review(y, m)
        }
        TREE_REVIEW_YEARS => Record::BranchYear(year?),
        TREE_RESOLUTIONS => Record::Resolution(key),
        TREE_LIAISON => Record::Liaison(key),
        TREE_RULE_SETTINGS => Record::RuleSetting(key),
        TREE_HOLIDAYS => Record::Holiday(key),
        _ => return None,
    })
}

impl Change {
    /// The record this change touched (`None`: not a record undo knows).
    pub fn record(&self) -> Option<Record> {
        record_of(&self.tree, self.key)
    }
}

/// Every record tree the history logs, which undo can write back.
const RECORD_TREES: &[&str] = &[
    TREE_MEMBERS,
    TREE_MEETINGS,
    TREE_META,
    TREE_CANDIDATES,
    TREE_TARGETS,
    TREE_DUES_PROFILES,
    TREE_DUES_PAYMENTS,
    TREE_BADGES,
    TREE_REVIEWS,
    TREE_REVIEW_YEARS,
    TREE_RESOLUTIONS,
    TREE_LIAISON,
    TREE_RULE_SETTINGS,
    TREE_HOLIDAYS,
];

/// The trees whose records undo can write back: every record tree the history logs.
pub fn undoable_tree(tree: &str) -> bool {
    RECORD_TREES.contains(&tree)
}

/// The stored key of history key `key` of `tree`: the branch profile is key 0 of
/// [`TREE_META`], stored under [`META_BRANCH`]; `None` for another key of `meta`.
fn stored_key(tree: &str, key: u64) -> Option<Vec<u8>> {
    match tree {
        TREE_META if key == 0 => Some(META_BRANCH.to_vec()),
        TREE_META => None,
        _ => Some(key.to_be_bytes().to_vec()),
    }
}

/// Checks that `bytes` decode as a record of `tree` (a revert never writes a value its
/// readers would refuse).
fn check_decodes(tree: &str, bytes: &[u8]) -> std::result::Result<(), CodecError> {
    match tree {
        TREE_MEMBERS => schema::decode_member(bytes).map(drop),
        TREE_MEETINGS => schema::decode_meeting(bytes).map(drop),
        TREE_META => schema::decode_branch(bytes).map(drop),
        TREE_CANDIDATES => schema::decode_candidate(bytes).map(drop),
        TREE_TARGETS => schema::decode_target(bytes).map(drop),
        TREE_DUES_PROFILES => schema::decode_dues_profiles(bytes).map(drop),
        TREE_DUES_PAYMENTS => schema::decode_dues_payments(bytes).map(drop),
        TREE_BADGES => schema::decode_badges(bytes).map(drop),
        TREE_REVIEWS => schema::decode_review(bytes).map(drop),
        TREE_REVIEW_YEARS => schema::decode_branch_year(bytes).map(drop),
        TREE_RESOLUTIONS => schema::decode_resolution(bytes).map(drop),
        TREE_LIAISON => schema::decode_liaison(bytes).map(drop),
        TREE_RULE_SETTINGS => schema::decode_rule_setting(bytes).map(drop),
        TREE_HOLIDAYS => schema::decode_holiday(bytes).map(drop),
        _ => Err(CodecError::Payload(format!("no record tree {tree}"))),
    }
}

/// The `check` of a v2 entry whose record holds `new` after the change.
fn check_of(new: Option<&[u8]>) -> u32 {
    new.map_or(0, |b| codec::checksum(b) as u32)
}

/// The v2 history entry of a change of `(tree, key)` from `old` to `new` (plain codec
/// bytes): only the step back from `new` is kept.
pub fn entry(at: i64, tree: &str, key: u64, old: Option<&[u8]>, new: Option<&[u8]>) -> HistoryV2 {
    let change = match (old, new) {
        (None, _) => ChangeV2::Created,
        (Some(old), None) => ChangeV2::Deleted { old: old.to_vec() },
        (Some(old), Some(new)) => {
            let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
            let room = old.len().min(new.len()) - prefix;
            let suffix = old
                .iter()
                .rev()
                .zip(new.iter().rev())
                .take(room)
                .take_while(|(a, b)| a == b)
                .count();
            // Values are at most 1 MiB (`codec::LIMIT`), far below `u32::MAX`; a
            // longer one just keeps everything in `old_mid`.
            match (u32::try_from(prefix), u32::try_from(suffix)) {
                (Ok(p), Ok(s)) => ChangeV2::Changed {
                    prefix: p,
                    suffix: s,
                    old_mid: old[prefix..old.len() - suffix].to_vec(),
                },
                _ => ChangeV2::Changed {
                    prefix: 0,
                    suffix: 0,
                    old_mid: old.to_vec(),
                },
            }
        }
    };
    HistoryV2 {
        at,
        tree: tree.to_string(),
        key,
        check: check_of(new),
        change,
    }
}

/// The value before a v2 change, given the value after it; `None` if the entry does not
/// fit that value (the chain is broken).
fn step_back(h: &HistoryV2, after: Option<&[u8]>) -> Option<Option<Vec<u8>>> {
    if check_of(after) != h.check {
        return None;
    }
    match (&h.change, after) {
        (ChangeV2::Created, _) => Some(None),
        (ChangeV2::Deleted { old }, None) => Some(Some(old.clone())),
        (ChangeV2::Deleted { .. }, Some(_)) | (ChangeV2::Changed { .. }, None) => None,
        (
            ChangeV2::Changed {
                prefix,
                suffix,
                old_mid,
            },
            Some(after),
        ) => {
            let (p, s) = (*prefix as usize, *suffix as usize);
            if p.checked_add(s)? > after.len() {
                return None;
            }
            let mut old = Vec::with_capacity(p + old_mid.len() + s);
            old.extend_from_slice(&after[..p]);
            old.extend_from_slice(old_mid);
            old.extend_from_slice(&after[after.len() - s..]);
            Some(Some(old))
        }
    }
}

/// The error of a history entry that cannot be read back.
fn broken(position: u64) -> StoreError {
    StoreError::Corrupt {
        tree: TREE_HISTORY,
        key: position,
        source: CodecError::Payload(
            "the change does not follow from the record's current value".into(),
        ),
    }
}

impl Store {
    /// The history entries from position `first` on as stored (not yet rebuilt), oldest
    /// first, with their positions. Positions start at 0.
    pub(crate) fn raw_history_from(&self, first: u64) -> Result<Vec<(u64, HistoryEntry)>> {
        self.history
            .range(first.to_be_bytes()..)
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

    /// Whether the history still holds v1 entries (whole values, written before the
    /// compact format) that can be read now (a sealed store must be unlocked). Cheap:
    /// v1 entries are the oldest ones (every build since writes v2), so only the first
    /// entry is looked at; a store whose first entry is v1 is scanned by
    /// [`Store::convertible_v1`].
    pub(crate) fn starts_with_v1(&self) -> Result<bool> {
        if !self.is_unlocked() {
            return Ok(false);
        }
        let Some((k, v)) = self.history.first()? else {
            return Ok(false);
        };
        let v = self.open_value(TREE_HISTORY, &k, &v)?;
        Ok(codec::split(&v).is_ok_and(|(version, _)| version == schema::history::v1::VERSION))
    }

    /// The v1 history entries that can be rewritten as v2 without changing what the
    /// history says: by position, the stored (sealed when encryption is on) bytes of the
    /// v2 entry. A v1 entry is converted when its whole value after the change is the
    /// value its record's chain reaches at that point (walking back from the record's
    /// current value, as [`Store::history`] does), and its v2 form, decoded, steps back
    /// from that value to exactly its value before; one that does not fit (a record
    /// changed without a history entry) stays v1, an anchor as before. Holds the stored
    /// history once in memory (no more than the history tree's size).
    pub(crate) fn convertible_v1(&self) -> Result<Vec<(u64, Vec<u8>)>> {
        if !self.starts_with_v1()? {
            return Ok(Vec::new());
        }
        let raw = self.raw_history_from(0)?;
        // Per record: the value after the entry being looked at (`None`: unknown, the
        // chain is broken further on).
        let mut chains: HashMap<(String, u64), Option<Option<Vec<u8>>>> = HashMap::new();
        let mut out = Vec::new();
        for (pos, h) in raw.into_iter().rev() {
            let id = (h.tree().to_string(), h.key());
            let after = match chains.remove(&id) {
                Some(v) => v,
                None => Some(self.current_of(&id.0, id.1)?),
            };
            let before = match h {
                HistoryEntry::V2(h) => after.and_then(|a| step_back(&h, a.as_deref())),
                HistoryEntry::V1(h) => {
                    if after.as_ref() == Some(&h.new) {
                        let e = entry(h.at, &h.tree, h.key, h.old.as_deref(), h.new.as_deref());
                        let plain = schema::encode_history(&e)?;
                        // Checked as it will be read: decoded, one step back from the
                        // value after it gives the value before, as the v1 entry says.
                        let same = match schema::decode_history(&plain) {
                            Ok(HistoryEntry::V2(back)) => {
                                back.at == h.at
                                    && step_back(&back, h.new.as_deref()) == Some(h.old.clone())
                            }
                            _ => false,
                        };
                        if same {
                            let key = pos.to_be_bytes();
                            out.push((pos, self.seal_value(TREE_HISTORY, &key, &plain)?));
                        }
                    }
                    Some(h.old)
                }
            };
            chains.insert(id, before);
        }
        out.reverse();
        Ok(out)
    }

    /// Rewrites every history entry in the old v1 format (whole values before and
    /// after), as a build from before the compact format left them: only for tests and
    /// the benchmark of the conversion. Refused on a sealed store. Returns how many.
    #[doc(hidden)]
    pub fn rewrite_history_as_v1_for_tests(&self) -> Result<u64> {
        if self.sealed {
            return Err(StoreError::Locked);
        }
        let all = self.rebuild(self.raw_history_from(0)?)?;
        for (pos, c) in &all {
            let v1 = schema::history::v1::HistoryV1 {
                at: c.at,
                tree: c.tree.clone(),
                key: c.key,
                old: c.old.clone(),
                new: c.new.clone(),
            };
            let bytes = codec::encode(schema::history::v1::VERSION, &v1)?;
            self.history.insert(pos.to_be_bytes(), bytes)?;
        }
        self.flush()?;
        Ok(all.len() as u64)
    }

    /// How many history entries are stored in each format: (v1, v2). Reads every entry.
    pub fn history_formats(&self) -> Result<(u64, u64)> {
        let mut counts = (0, 0);
        for (_, h) in self.raw_history_from(0)? {
            match h {
                HistoryEntry::V1(_) => counts.0 += 1,
                HistoryEntry::V2(_) => counts.1 += 1,
            }
        }
        Ok(counts)
    }

    /// The bytes of the history as stored (keys and values).
    pub fn history_bytes(&self) -> Result<u64> {
        let mut n = 0;
        for kv in self.history.iter() {
            let (k, v) = kv?;
            n += (k.len() + v.len()) as u64;
        }
        Ok(n)
    }

    /// Checks that every history entry opens and decodes, without rebuilding values
    /// (what a restore verifies: a backup is never refused for its history's chains).
    pub fn check_history(&self) -> Result<u64> {
        Ok(self.raw_history_from(0)?.len() as u64)
    }

    /// The plain value a history entry of `(tree, key)` is anchored at: the record as
    /// stored now (`None`: absent, or a tree the history does not know). A value that
    /// cannot be opened counts as its stored bytes, as the writers record it.
    pub(crate) fn current_of(&self, tree: &str, key: u64) -> Result<Option<Vec<u8>>> {
        let (Some((name, t)), Some(k)) = (self.record_tree(tree), stored_key(tree, key)) else {
            return Ok(None);
        };
        Ok(t.get(&k)?.map(|v| self.plain_or_raw(name, &k, &v)))
    }

    /// A record tree by name, with its name as a `'static` (`None`: not a record tree).
    fn record_tree(&self, tree: &str) -> Option<(&'static str, &sled::Tree)> {
        Some(match tree {
            TREE_MEMBERS => (TREE_MEMBERS, &self.members),
            TREE_MEETINGS => (TREE_MEETINGS, &self.meetings),
            TREE_META => (TREE_META, &self.meta),
            TREE_CANDIDATES => (TREE_CANDIDATES, &self.candidates),
            TREE_TARGETS => (TREE_TARGETS, &self.targets),
            TREE_DUES_PROFILES => (TREE_DUES_PROFILES, &self.dues_profiles),
            TREE_DUES_PAYMENTS => (TREE_DUES_PAYMENTS, &self.dues_payments),
            TREE_BADGES => (TREE_BADGES, &self.badges),
            TREE_REVIEWS => (TREE_REVIEWS, &self.reviews),
            TREE_REVIEW_YEARS => (TREE_REVIEW_YEARS, &self.review_years),
            TREE_RESOLUTIONS => (TREE_RESOLUTIONS, &self.resolutions),
            TREE_LIAISON => (TREE_LIAISON, &self.liaison),
            TREE_RULE_SETTINGS => (TREE_RULE_SETTINGS, &self.rule_settings),
            TREE_HOLIDAYS => (TREE_HOLIDAYS, &self.holidays),
            _ => return None,
        })
    }

    /// Rebuilds whole values for stored entries (oldest first, a suffix of the history:
    /// every entry after some position): per record, from its current value back
    /// through its entries, newest first. A v1 entry's values are taken as written.
    fn rebuild(&self, raw: Vec<(u64, HistoryEntry)>) -> Result<Vec<(u64, Change)>> {
        let mut chains: HashMap<(String, u64), Option<Vec<u8>>> = HashMap::new();
        let mut out = Vec::with_capacity(raw.len());
        for (pos, h) in raw.into_iter().rev() {
            let id = (h.tree().to_string(), h.key());
            let after = match chains.remove(&id) {
                Some(v) => v,
                None => self.current_of(&id.0, id.1)?,
            };
            let change = match h {
                HistoryEntry::V1(h) => Change {
                    at: h.at,
                    tree: h.tree,
                    key: h.key,
                    old: h.old,
                    new: h.new,
                },
                HistoryEntry::V2(h) => {
                    let old = step_back(&h, after.as_deref()).ok_or_else(|| broken(pos))?;
                    Change {
                        at: h.at,
                        tree: h.tree,
                        key: h.key,
                        old,
                        new: after,
                    }
                }
            };
            chains.insert(id, change.old.clone());
            out.push((pos, change));
        }
        out.reverse();
        Ok(out)
    }

    /// History entries after position `after`, oldest first, with their positions and
    /// whole values. Reads only those entries and the current values of their records.
    pub fn history_after(&self, after: u64) -> Result<Vec<(u64, Change)>> {
        let raw = self.raw_history_from(after.saturating_add(1))?;
        self.rebuild(raw)
    }

    /// The changes of one record (`tree`, `key`), newest first.
    pub fn history_of(&self, tree: &str, key: u64) -> Result<Vec<Change>> {
        let raw: Vec<_> = self
            .raw_history_from(0)?
            .into_iter()
            .filter(|(_, h)| h.tree() == tree && h.key() == key)
            .collect();
        let mut all: Vec<Change> = self.rebuild(raw)?.into_iter().map(|(_, c)| c).collect();
        all.reverse();
        Ok(all)
    }

    /// The whole change history, oldest first.
    pub fn history(&self) -> Result<Vec<Change>> {
        let raw = self.raw_history_from(0)?;
        Ok(self.rebuild(raw)?.into_iter().map(|(_, c)| c).collect())
    }

    /// Sets records back (or forward) in one sled transaction over every tree involved
    /// (the records' trees, the card index for members, the history), each record with
    /// its history entry, members keeping the card index; then flushes.
    /// [`StoreError::Changed`] if a record no longer holds what it is expected to,
    /// [`StoreError::NotUndoable`] for a record undo does not know, a codec error for a
    /// value that does not decode as its record; nothing is written then.
    pub fn revert(&self, items: &[Revert]) -> Result<()> {
        self.writable()?;
        // The trees of the transaction, by name; the history first.
        let mut names: Vec<&'static str> = vec![TREE_HISTORY];
        let mut trees: Vec<&sled::Tree> = vec![&self.history];
        let mut prepared = Vec::with_capacity(items.len());
        for r in items {
            let (Some((name, tree)), Some(key)) =
                (self.record_tree(&r.tree), stored_key(&r.tree, r.key))
            else {
                return Err(StoreError::NotUndoable(r.tree.clone()));
            };
            if let Some(b) = &r.to {
                check_decodes(name, b)?;
            }
            let stored =
                r.to.as_ref()
                    .map(|b| self.seal_value(name, &key, b))
                    .transpose()?;
            if !names.contains(&name) {
                names.push(name);
                trees.push(tree);
            }
            prepared.push((name, key, stored, self.new_id()?));
        }
        if names.contains(&TREE_MEMBERS) {
            names.push(TREE_CARDS);
            trees.push(&self.cards);
        }
        let at = |name: &str| names.iter().position(|n| *n == name).unwrap_or(0);
        let now = chrono::Utc::now().timestamp();
        let result = trees
            .as_slice()
            .transaction(|views: &Vec<TransactionalTree>| {
                let history = &views[0];
                for (r, (name, key, stored, hid)) in items.iter().zip(&prepared) {
                    let tree = &views[at(name)];
                    let current = tree.get(key)?.map(|v| self.plain_or_raw(name, key, &v));
                    if current != r.expect {
                        return Err(ConflictableTransactionError::Abort(StoreError::Changed));
                    }
                    if *name == TREE_MEMBERS {
                        let new = r.to.as_deref().and_then(|b| schema::decode_member(b).ok());
                        let cards = &views[at(TREE_CARDS)];
                        self.reindex_card(cards, tree, r.key, current.as_deref(), new.as_ref())?;
                    }
                    match stored {
                        Some(b) => tree.insert(key.as_slice(), b.clone())?,
                        None => tree.remove(key.as_slice())?,
                    };
                    let entry = entry(now, &r.tree, r.key, current.as_deref(), r.to.as_deref());
                    self.put_history(history, *hid, &entry)?;
                }
                Ok(())
            });
        map_tx(result)?;
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::store::schema::history::v1::HistoryV1;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_step_back_gives_the_old_value(
            old in prop::option::of(prop::collection::vec(0u8..4, 0..40)),
            new in prop::option::of(prop::collection::vec(0u8..4, 0..40)),
        ) {
            let e = entry(7, TREE_MEMBERS, 3, old.as_deref(), new.as_deref());
            prop_assert_eq!(step_back(&e, new.as_deref()), Some(old.clone()));
            // Encoded and decoded, the entry is the same.
            let bytes = schema::encode_history(&e).unwrap();
            prop_assert_eq!(schema::decode_history(&bytes).unwrap(), HistoryEntry::V2(e));
        }
    }

    #[test]
    fn an_edit_keeps_only_the_changed_bytes() {
        let old = b"Nguyen Van An, 0912345678, Ha Noi".to_vec();
        let new = b"Nguyen Van An, 0988345678, Ha Noi".to_vec();
        let e = entry(1, TREE_MEMBERS, 1, Some(&old), Some(&new));
        assert_eq!(
            e.change,
            ChangeV2::Changed {
                prefix: 17,
                suffix: 14,
                old_mid: b"12".to_vec()
            }
        );
        // A value that does not fit is refused, never made up.
        assert_eq!(step_back(&e, Some(&old)), None);
        assert_eq!(step_back(&e, None), None);
        let created = entry(1, TREE_MEMBERS, 1, None, Some(&new));
        assert_eq!(created.change, ChangeV2::Created);
        assert_eq!(step_back(&created, Some(&new)), Some(None));
        let deleted = entry(1, TREE_MEMBERS, 1, Some(&old), None);
        assert_eq!(step_back(&deleted, None), Some(Some(old.clone())));
        assert_eq!(step_back(&deleted, Some(&new)), None);
    }

    #[test]
    fn every_kind_of_record_rebuilds_its_history_from_the_stored_value() {
        use crate::domain::review::{BranchYear, MemberReview};
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut b = demo::demo_branch();
        s.save_branch(&b).unwrap();
        b.name.push_str(" (sửa)");
        s.save_branch(&b).unwrap();
        let mut ms = demo::demo_members(3, 2, today());
        let id = s.save_member(None, &ms[0]).unwrap();
        ms[0].phone = "0900000001".into();
        s.save_member(Some(id), &ms[0]).unwrap();
        let review = MemberReview::default();
        s.save_review(2025, id, &review).unwrap();
        s.save_review(2025, id, &review).unwrap();
        s.save_branch_year(2025, &BranchYear::default()).unwrap();
        let other = s.save_member(None, &ms[1]).unwrap();
        s.delete_member(other).unwrap();
        let all = s.history().unwrap();
        assert_eq!(all.len(), 9);
        // Each record's chain: creation from nothing, each step's old = the previous new,
        // the last new = what is stored.
        let mut last: HashMap<(String, u64), Option<Vec<u8>>> = HashMap::new();
        for c in &all {
            let prev = last.insert((c.tree.clone(), c.key), c.new.clone());
            assert_eq!(c.old, prev.flatten(), "{} {}", c.tree, c.key);
        }
        for ((tree, key), value) in last {
            assert_eq!(value, s.current_of(&tree, key).unwrap(), "{tree} {key}");
        }
        assert_eq!(
            s.history_of(TREE_META, 0).unwrap()[0].new,
            Some(schema::encode_branch(&b).unwrap())
        );
        let h = s.history_of(TREE_MEMBERS, other).unwrap();
        assert_eq!(h[0].old, Some(schema::encode_member(&ms[1]).unwrap()));
        assert_eq!(h[0].new, None);
        // Positions: the entries after one position are the same, rebuilt from the end.
        let with_pos = s.history_after(0).unwrap();
        let tail = s.history_after(with_pos[4].0).unwrap();
        assert_eq!(tail, with_pos[5..].to_vec());
    }

    #[test]
    fn v1_entries_and_v2_entries_chain_together() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut m = demo::demo_members(4, 1, today()).remove(0);
        let a = schema::encode_member(&m).unwrap();
        // What an older build left: the record and its v1 creation entry.
        let id = s.save_member(None, &m).unwrap();
        let pos = s.history_last().unwrap();
        let v1 = HistoryV1 {
            at: 5,
            tree: TREE_MEMBERS.into(),
            key: id,
            old: None,
            new: Some(a.clone()),
        };
        s.history
            .insert(pos.to_be_bytes(), codec::encode(1, &v1).unwrap())
            .unwrap();
        m.phone = "0911222333".into();
        s.save_member(Some(id), &m).unwrap();
        let b = schema::encode_member(&m).unwrap();
        // A v1 edit after the v2 one, then v2 again.
        m.notes = "ghi chú".into();
        let c = schema::encode_member(&m).unwrap();
        s.members.insert(id.to_be_bytes(), c.clone()).unwrap();
        let v1 = HistoryV1 {
            at: 6,
            tree: TREE_MEMBERS.into(),
            key: id,
            old: Some(b.clone()),
            new: Some(c.clone()),
        };
        s.history
            .insert(
                s.new_id().unwrap().to_be_bytes(),
                codec::encode(1, &v1).unwrap(),
            )
            .unwrap();
        m.notes.clear();
        s.save_member(Some(id), &m).unwrap();
        let d = schema::encode_member(&m).unwrap();
        let h = s.history_of(TREE_MEMBERS, id).unwrap();
        let pairs: Vec<_> = h.iter().map(|c| (c.old.clone(), c.new.clone())).collect();
        assert_eq!(
            pairs,
            vec![
                (Some(c.clone()), Some(d)),
                (Some(b.clone()), Some(c)),
                (Some(a.clone()), Some(b)),
                (None, Some(a)),
            ]
        );
    }

    #[test]
    fn a_record_changed_behind_the_history_is_an_error_not_a_made_up_value() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut m = demo::demo_members(5, 1, today()).remove(0);
        let id = s.save_member(None, &m).unwrap();
        m.phone = "0911222333".into();
        s.save_member(Some(id), &m).unwrap();
        m.phone = "0944555666".into();
        s.members
            .insert(id.to_be_bytes(), schema::encode_member(&m).unwrap())
            .unwrap();
        assert!(matches!(
            s.history_of(TREE_MEMBERS, id),
            Err(StoreError::Corrupt {
                tree: TREE_HISTORY,
                ..
            })
        ));
        // Every entry still decodes (a restore checks no more than that).
        assert_eq!(s.check_history().unwrap(), 2);
    }

    #[test]
    fn a_small_edit_of_a_big_record_adds_a_small_entry() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut m = demo::demo_members(6, 1, today()).remove(0);
        m.notes = "x".repeat(4000);
        let id = s.save_member(None, &m).unwrap();
        m.phone = "0911222333".into();
        s.save_member(Some(id), &m).unwrap();
        let (_, v) = s.history.last().unwrap().unwrap();
        assert!(v.len() < 100, "{} bytes", v.len());
        let (_, v) = s.history.first().unwrap().unwrap();
        assert!(
            v.len() < 100,
            "a creation holds no value: {} bytes",
            v.len()
        );
    }

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

    /// Undoes (then redoes) the changes after `before` as one group, as the app does.
    fn undo_redo(s: &Store, before: u64) {
        let group: Vec<Change> = s
            .history_after(before)
            .unwrap()
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        s.revert(&Revert::of_group(&group, true)).unwrap();
        for h in &group {
            assert_eq!(s.current_of(&h.tree, h.key).unwrap(), h.old, "{}", h.tree);
        }
        s.revert(&Revert::of_group(&group, false)).unwrap();
        for h in &group {
            assert_eq!(s.current_of(&h.tree, h.key).unwrap(), h.new, "{}", h.tree);
        }
    }

    #[test]
    fn every_record_tree_reverts_in_one_transaction() {
        use crate::domain::admission::{Candidate, Stage, Step, Target};
        use crate::domain::badges::{Award, BadgeRecord};
        use crate::domain::dues::{Category, Ledger, Method, Payment, Profile, YearMonth};
        use crate::domain::review::{BranchYear, Grade, MemberReview};
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let m = demo::demo_members(7, 1, today()).remove(0);
        let id = s.save_member(None, &m).unwrap();
        let month = YearMonth::new(2026, 12).unwrap();
        let mut l = Ledger::default();
        l.set_profile(Profile {
            from: month,
            category: Category::Pension,
            base: 6_000_000,
            relief: None,
        });
        s.save_dues_profiles(id, &l).unwrap();
        s.save_dues_payments(id, &l).unwrap();
        s.save_badges(id, &BadgeRecord::default()).unwrap();
        s.save_review(2026, id, &MemberReview::default()).unwrap();
        s.save_admission_target(&Target {
            year: 2027,
            count: 1,
        })
        .unwrap();
        let c = Candidate {
            person: m.clone(),
            steps: vec![Step::new(Stage::Listed, today())],
            ..Candidate::default()
        };
        let cid = s.save_candidate(None, &c).unwrap();
        // Each kind on its own: a later save undone and redone.
        let edits: Vec<Box<dyn Fn()>> = vec![
            Box::new(|| {
                let mut l = l.clone();
                l.pay(Payment {
                    month,
                    amount: 30_000,
                    method: Method::Cash,
                    date: today(),
                    payer: String::new(),
                });
                s.save_dues_payments(id, &l).unwrap();
            }),
            Box::new(|| {
                let mut l = l.clone();
                l.set_profile(Profile {
                    from: month,
                    category: Category::Pension,
                    base: 7_000_000,
                    relief: None,
                });
                s.save_dues_profiles(id, &l).unwrap();
            }),
            Box::new(|| {
                let r = BadgeRecord {
                    serious_illness: false,
                    awards: vec![Award {
                        milestone: 40,
                        date: today(),
                        decision: "12-QĐ/TU".into(),
                    }],
                };
                s.save_badges(id, &r).unwrap();
            }),
            Box::new(|| {
                let r = MemberReview {
                    proposed: Some(Grade::Good),
                    ..MemberReview::default()
                };
                s.save_review(2026, id, &r).unwrap();
            }),
            Box::new(|| {
                let y = BranchYear {
                    grade: Some(Grade::Excellent),
                    note: String::new(),
                };
                s.save_branch_year(2026, &y).unwrap();
            }),
            Box::new(|| {
                s.save_admission_target(&Target {
                    year: 2027,
                    count: 3,
                })
                .unwrap();
            }),
            Box::new(|| {
                let mut c = c.clone();
                c.steps.push(Step::new(Stage::Course, today()));
                s.save_candidate(Some(cid), &c).unwrap();
            }),
            Box::new(|| s.delete_candidate(cid).unwrap()),
        ];
        for edit in &edits {
            let before = s.history_last().unwrap();
            edit();
            undo_redo(&s, before);
        }
        // A group over three trees and the card index: the ceremony makes a member.
        s.save_candidate(Some(cid), &c).unwrap();
        let stored_c = s.candidates().unwrap();
        let mut admitted = demo::demo_members(8, 1, today()).remove(0);
        admitted.card_number = "77001234".into();
        let before = s.history_last().unwrap();
        let (_, mid) = s
            .save_candidate_and_member(cid, &c, None, &admitted)
            .unwrap();
        let group = s.history_after(before).unwrap();
        let back: Vec<Revert> = group
            .iter()
            .rev()
            .map(|(_, h)| Revert {
                tree: h.tree.clone(),
                key: h.key,
                expect: h.new.clone(),
                to: h.old.clone(),
            })
            .collect();
        s.revert(&back).unwrap();
        assert_eq!(s.member(mid).unwrap(), None);
        assert_eq!(s.candidates().unwrap(), stored_c);
        // The card number is free again.
        let mut other = demo::demo_members(9, 1, today()).remove(0);
        other.card_number = admitted.card_number.clone();
        s.save_member(None, &other).unwrap();
        // The redo now meets a taken card number: refused whole, nothing written.
        let forth: Vec<Revert> = group
            .iter()
            .map(|(_, h)| Revert {
                tree: h.tree.clone(),
                key: h.key,
                expect: h.old.clone(),
                to: h.new.clone(),
            })
            .collect();
        let last = s.history_last().unwrap();
        assert!(matches!(s.revert(&forth), Err(StoreError::CardTaken(_))));
        assert_eq!(s.history_last().unwrap(), last);
        assert_eq!(s.candidates().unwrap(), stored_c);
        // A value that is not a record of its tree is refused before anything is written.
        assert!(matches!(
            s.revert(&[Revert {
                tree: TREE_BADGES.into(),
                key: id,
                expect: s.current_of(TREE_BADGES, id).unwrap(),
                to: Some(vec![9, 9, 9]),
            }]),
            Err(StoreError::Encode(_))
        ));
        assert_eq!(s.history_last().unwrap(), last);
        // Another key of meta is not a record undo knows.
        assert!(matches!(
            s.revert(&[Revert {
                tree: TREE_META.into(),
                key: 5,
                expect: None,
                to: None,
            }]),
            Err(StoreError::NotUndoable(_))
        ));
    }
}
