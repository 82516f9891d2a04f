//! The admission pipeline's trees: candidates (`candidates`, `u64` keys) and the yearly
//! targets (`admission_targets`, keyed by year). A step that changes the roster (the
//! ceremony, recognition, a removal proposal) saves the candidate and the member in one
//! transaction, with both history entries.

use sled::Transactional;

use super::history::entry;
use super::schema;
use super::{Result, Store, TREE_CANDIDATES, TREE_MEMBERS, TREE_TARGETS, map_tx};
use crate::domain::admission::{Candidate, CandidateId, Target};
use crate::domain::member::{Member, MemberId};

impl Store {
    /// All candidates with their ids, in key order.
    pub fn candidates(&self) -> Result<Vec<(CandidateId, Candidate)>> {
        super::register::candidates(self)
    }

    /// Saves a candidate (`None` creates it) durably, with its history entry.
    pub fn save_candidate(&self, id: Option<CandidateId>, c: &Candidate) -> Result<CandidateId> {
        let id = match id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let bytes = schema::encode_candidate(c)?;
        self.put_with_history(&self.candidates, TREE_CANDIDATES, id, Some(bytes))?;
        Ok(id)
    }

    /// Deletes a candidate durably.
    pub fn delete_candidate(&self, id: CandidateId) -> Result<()> {
        self.put_with_history(&self.candidates, TREE_CANDIDATES, id, None)
    }

    /// Saves a candidate and a member in one transaction, durably. `member_id` `None`
    /// creates the member, and the candidate is linked to it (`Candidate::member`).
    /// Returns the candidate as saved and the member's id. A card number used by another
    /// member aborts everything.
    pub fn save_candidate_and_member(
        &self,
        cid: CandidateId,
        c: &Candidate,
        member_id: Option<MemberId>,
        m: &Member,
    ) -> Result<(Candidate, MemberId)> {
        self.writable()?;
        let mid = match member_id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let mut c = c.clone();
        c.member = Some(mid);
        let cand_bytes = schema::encode_candidate(&c)?;
        let member_bytes = schema::encode_member(m)?;
        let (h1, h2) = (self.new_id()?, self.new_id()?);
        let now = chrono::Utc::now().timestamp();
        let (ckey, mkey) = (cid.to_be_bytes(), mid.to_be_bytes());
        // Values are sealed when encryption is on, and the card index goes through the
        // store's own re-indexing (hashed card numbers), like every member save.
        let member_stored = self.seal_value(TREE_MEMBERS, &mkey, &member_bytes)?;
        let cand_stored = self.seal_value(TREE_CANDIDATES, &ckey, &cand_bytes)?;
        let result = (&self.candidates, &self.members, &self.cards, &self.history).transaction(
            |(cands, members, cards, history)| {
                let old_m = members
                    .get(mkey)?
                    .map(|v| self.plain_or_raw(TREE_MEMBERS, &mkey, &v));
                self.reindex_card(cards, members, mid, old_m.as_deref(), Some(m))?;
                members.insert(&mkey, member_stored.clone())?;
                let old_c = cands
                    .insert(&ckey, cand_stored.clone())?
                    .map(|v| self.plain_or_raw(TREE_CANDIDATES, &ckey, &v));
                self.put_history(
                    history,
                    h1,
                    &entry(
                        now,
                        TREE_MEMBERS,
                        mid,
                        old_m.as_deref(),
                        Some(&member_bytes),
                    ),
                )?;
                self.put_history(
                    history,
                    h2,
                    &entry(
                        now,
                        TREE_CANDIDATES,
                        cid,
                        old_c.as_deref(),
                        Some(&cand_bytes),
                    ),
                )?;
                Ok(())
            },
        );
        map_tx(result)?;
        self.flush()?;
        Ok((c, mid))
    }

    /// The yearly admission targets, oldest year first.
    pub fn admission_targets(&self) -> Result<Vec<Target>> {
        super::register::targets(self)
    }

    /// Saves the target of a year durably, with its history entry.
    pub fn save_admission_target(&self, t: &Target) -> Result<()> {
        let key = u64::try_from(t.year).unwrap_or(0);
        let bytes = schema::encode_target(t)?;
        self.put_with_history(&self.targets, TREE_TARGETS, key, Some(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::admission::{Stage, Step};
    use crate::domain::member::EventKind;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn candidates_and_targets_round_trip_and_the_ceremony_saves_both_records() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut c = Candidate {
            person: Member {
                full_name: "Lê Thị Hà".into(),
                birth_date: Some(d(2000, 1, 2)),
                ..Member::default()
            },
            helper: Some(9),
            helper_name: "Trần Văn Hùng".into(),
            steps: vec![Step::new(Stage::Listed, d(2025, 1, 10))],
            ..Candidate::default()
        };
        let mut ceremony = Step::new(Stage::Ceremony, d(2026, 3, 1));
        ceremony
            .checks
            .push(crate::domain::admission::Check::CeremonyLate {
                working_days: 31,
                deadline: d(2026, 2, 27),
            });
        ceremony.override_reason = "Đảng ủy đồng ý".into();
        c.steps.push(ceremony);
        let id = s.save_candidate(None, &c).unwrap();
        assert_eq!(s.candidates().unwrap(), vec![(id, c.clone())]);
        s.save_admission_target(&Target {
            year: 2026,
            count: 3,
        })
        .unwrap();
        s.save_admission_target(&Target {
            year: 2025,
            count: 2,
        })
        .unwrap();
        assert_eq!(
            s.admission_targets().unwrap(),
            vec![
                Target {
                    year: 2025,
                    count: 2
                },
                Target {
                    year: 2026,
                    count: 3
                }
            ]
        );
        let mut m = c.person.clone();
        m.add_event(crate::domain::member::MemberEvent::new(
            d(2026, 3, 1),
            EventKind::Admitted,
            "",
        ));
        let before = s.history().unwrap().len();
        let (saved, mid) = s.save_candidate_and_member(id, &c, None, &m).unwrap();
        assert_eq!(saved.member, Some(mid));
        assert_eq!(s.member(mid).unwrap(), Some(m));
        assert_eq!(s.candidates().unwrap()[0].1.member, Some(mid));
        assert_eq!(s.history().unwrap().len(), before + 2);
        s.delete_candidate(id).unwrap();
        assert!(s.candidates().unwrap().is_empty());
    }
}
