//! The roster: members sorted the Vietnamese way, filtered by status and by the search
//! line, with a selection. Sort keys and search folds are computed once per member.

use chrono::NaiveDate;

use crate::domain::member::{Member, MemberId, Status};
use crate::domain::search::{Query, SearchEntry};
use crate::domain::text::{NameKey, name_key};

/// A status filter tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Everyone still in the branch (default).
    Active,
    /// Every record, including those who left.
    All,
    /// Chính thức (and not exempt or away).
    Official,
    /// Dự bị.
    Probationary,
    /// Miễn or tạm miễn.
    Exempt,
    /// Transferred out, removed, expelled, deceased.
    Left,
}

impl Filter {
    /// The tabs, in order.
    pub const ALL: &'static [Filter] = &[
        Filter::Active,
        Filter::All,
        Filter::Official,
        Filter::Probationary,
        Filter::Exempt,
        Filter::Left,
    ];

    /// Whether a member with this status is shown under the filter.
    pub fn admits(self, s: Status) -> bool {
        match self {
            Filter::Active => s.is_active(),
            Filter::All => true,
            Filter::Official => s == Status::Official,
            Filter::Probationary => s == Status::Probationary,
            Filter::Exempt => s.is_exempt(),
            Filter::Left => !s.is_active() && s != Status::NotYet,
        }
    }
}

/// A member as the roster holds it.
#[derive(Debug, Clone)]
pub struct RosterEntry {
    /// Store key.
    pub id: MemberId,
    /// The record.
    pub member: Member,
    /// Status today.
    pub status: Status,
    key: NameKey,
    search: SearchEntry,
}

impl RosterEntry {
    /// Whether the member matches a search (name, other name, card, phone, CCCD).
    pub fn matches(&self, q: &Query) -> bool {
        q.matches(&self.search)
    }

    fn new(id: MemberId, member: Member, today: NaiveDate) -> Self {
        RosterEntry {
            id,
            status: member.status_at(today),
            key: name_key(&member.full_name),
            search: SearchEntry::new(&member),
            member,
        }
    }
}

/// The roster state.
#[derive(Debug, Clone)]
pub struct Roster {
    entries: Vec<RosterEntry>,
    visible: Vec<usize>,
    /// Index into the visible rows.
    pub selected: usize,
    /// The active status filter.
    pub filter: Filter,
    /// What was typed to find (the app's find box, applied here to narrow the list).
    query: String,
    today: NaiveDate,
}

impl Roster {
    /// A roster of these members as of `today`.
    pub fn new(members: Vec<(MemberId, Member)>, today: NaiveDate) -> Self {
        let mut r = Roster {
            entries: members
                .into_iter()
                .map(|(id, m)| RosterEntry::new(id, m, today))
                .collect(),
            visible: Vec::new(),
            selected: 0,
            filter: Filter::Active,
            query: String::new(),
            today,
        };
        r.sort();
        r.refresh();
        r
    }

    fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            a.key
                .cmp(&b.key)
                .then(a.member.birth_date.cmp(&b.member.birth_date))
                .then(a.id.cmp(&b.id))
        });
    }

    /// Recomputes the visible rows after a filter or search change, keeping the
    /// selected member selected when still visible.
    pub fn refresh(&mut self) {
        let keep = self.selected_id();
        let q = Query::new(&self.query);
        self.visible = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.filter.admits(e.status) && q.matches(&e.search))
            .map(|(i, _)| i)
            .collect();
        self.selected = keep
            .and_then(|id| self.visible.iter().position(|i| self.entries[*i].id == id))
            .unwrap_or(0)
            .min(self.visible.len().saturating_sub(1));
        if !q.is_empty() {
            // While searching, the best match is the first one.
            self.selected = 0;
        }
    }

    /// The visible rows.
    pub fn visible(&self) -> impl ExactSizeIterator<Item = &RosterEntry> {
        self.visible.iter().map(|i| &self.entries[*i])
    }

    /// Number of visible rows.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// All entries (for counts).
    pub fn entries(&self) -> &[RosterEntry] {
        &self.entries
    }

    /// How many members the filter admits (ignoring the search).
    pub fn count(&self, f: Filter) -> usize {
        self.entries.iter().filter(|e| f.admits(e.status)).count()
    }

    /// The selected entry.
    pub fn selected(&self) -> Option<&RosterEntry> {
        self.visible.get(self.selected).map(|i| &self.entries[*i])
    }

    /// The selected member's id.
    pub fn selected_id(&self) -> Option<MemberId> {
        self.selected().map(|e| e.id)
    }

    /// A member by id.
    pub fn get(&self, id: MemberId) -> Option<&RosterEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Moves the selection by `delta` rows, staying in the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }

    /// Selects a member if visible.
    pub fn select(&mut self, id: MemberId) {
        if let Some(p) = self.visible.iter().position(|i| self.entries[*i].id == id) {
            self.selected = p;
        }
    }

    /// Adds or replaces a member, keeping the order, and selects it.
    pub fn upsert(&mut self, id: MemberId, m: Member) {
        self.entries.retain(|e| e.id != id);
        self.entries.push(RosterEntry::new(id, m, self.today));
        self.sort();
        self.refresh();
        self.select(id);
    }

    /// Removes a member.
    pub fn remove(&mut self, id: MemberId) {
        self.entries.retain(|e| e.id != id);
        self.refresh();
    }

    /// Narrows the list to the members matching what was typed.
    pub fn set_query(&mut self, typed: &str) {
        if self.query != typed {
            self.query = typed.to_string();
            self.refresh();
        }
    }

    /// Shows every record: no filter, nothing typed.
    pub fn show_all(&mut self) {
        self.filter = Filter::All;
        self.set_query("");
        self.refresh();
    }

    /// The residential group most members live in (the default for a new record).
    pub fn most_common_group(&self) -> String {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for e in &self.entries {
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

    /// Cycles the status filter by `delta` tabs.
    pub fn cycle_filter(&mut self, delta: isize) {
        let n = Filter::ALL.len() as isize;
        let i = Filter::ALL
            .iter()
            .position(|f| *f == self.filter)
            .unwrap_or(0) as isize;
        self.filter = Filter::ALL[(i + delta).rem_euclid(n) as usize];
        self.refresh();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    #[test]
    fn sorted_filtered_and_searched() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let members: Vec<_> = demo::demo_members(7, 35, today)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let mut r = Roster::new(members, today);
        let names: Vec<String> = r.visible().map(|e| e.member.full_name.clone()).collect();
        let mut sorted = names.clone();
        sorted.sort_by(|a, b| crate::domain::text::compare_names(a, b));
        assert_eq!(names, sorted);
        // One transferred out and one deceased are not on the active roster.
        assert_eq!(r.visible_len(), 33);
        assert_eq!(r.count(Filter::All), 35);
        assert_eq!(r.count(Filter::Left), 2);
        r.filter = Filter::Probationary;
        r.refresh();
        assert!(r.visible().all(|e| e.status == Status::Probationary));
        assert!(r.visible_len() >= 2);
        r.filter = Filter::Active;
        r.refresh();
        let target = r
            .visible()
            .nth(10)
            .map(|e| e.member.full_name.clone())
            .unwrap_or_default();
        r.set_query(&crate::domain::text::fold(&target));
        // The first match folds to the same text ("Lê Văn Ân" and "Lê Văn An" both match).
        let fold = crate::domain::text::fold;
        assert_eq!(
            r.selected().map(|e| fold(&e.member.full_name)),
            Some(fold(&target))
        );
    }
}
