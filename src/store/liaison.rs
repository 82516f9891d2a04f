//! Liaison members (QĐ 213, tree `liaison`, `u64` keys). A member who transfers in from
//! the liaison list is saved with the liaison record in one transaction, both linked.

use sled::Transactional;

use super::history::entry;
use super::schema;
use super::{Result, Store, TREE_LIAISON, TREE_MEMBERS, map_tx};
use crate::domain::liaison::{Liaison, LiaisonId};
use crate::domain::member::{Member, MemberId};

impl Store {
    /// All liaison members with their ids, in key order.
    pub fn liaisons(&self) -> Result<Vec<(LiaisonId, Liaison)>> {
        super::register::liaisons(self)
    }

    /// Saves a liaison member (`None` creates it) durably, with its history entry.
    pub fn save_liaison(&self, id: Option<LiaisonId>, l: &Liaison) -> Result<LiaisonId> {
        let id = match id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let bytes = schema::encode_liaison(l)?;
        self.put_with_history(&self.liaison, TREE_LIAISON, id, Some(bytes))?;
        Ok(id)
    }

    /// Deletes a liaison member durably (undo brings it back).
    pub fn delete_liaison(&self, id: LiaisonId) -> Result<()> {
        self.put_with_history(&self.liaison, TREE_LIAISON, id, None)
    }

    /// Saves a liaison record (`id` `None` creates it) and a new branch member in one
    /// transaction, durably, linking the record to the member: a liaison member who
    /// transfers into the branch, or a member who transfers out and stays in touch, keeps
    /// one history. The member must carry no card number (the card index is not touched).
    /// Returns the liaison's and the new member's ids.
    pub fn save_liaison_and_member(
        &self,
        id: Option<LiaisonId>,
        l: &Liaison,
        member_id: Option<MemberId>,
        m: &Member,
    ) -> Result<(LiaisonId, MemberId)> {
        self.writable()?;
        let lid = match id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let mid = match member_id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let mut l = l.clone();
        l.member = Some(mid);
        let l_bytes = schema::encode_liaison(&l)?;
        let m_bytes = schema::encode_member(m)?;
        let (h1, h2) = (self.new_id()?, self.new_id()?);
        let now = chrono::Utc::now().timestamp();
        let (lkey, mkey) = (lid.to_be_bytes(), mid.to_be_bytes());
        let m_stored = self.seal_value(TREE_MEMBERS, &mkey, &m_bytes)?;
        let l_stored = self.seal_value(TREE_LIAISON, &lkey, &l_bytes)?;
        let result = (&self.liaison, &self.members, &self.history).transaction(
            |(liaison, members, history)| {
                let old_m = members
                    .insert(&mkey, m_stored.clone())?
                    .map(|v| self.plain_or_raw(TREE_MEMBERS, &mkey, &v));
                let old_l = liaison
                    .insert(&lkey, l_stored.clone())?
                    .map(|v| self.plain_or_raw(TREE_LIAISON, &lkey, &v));
                self.put_history(
                    history,
                    h1,
                    &entry(now, TREE_MEMBERS, mid, old_m.as_deref(), Some(&m_bytes)),
                )?;
                self.put_history(
                    history,
                    h2,
                    &entry(now, TREE_LIAISON, lid, old_l.as_deref(), Some(&l_bytes)),
                )?;
                Ok(())
            },
        );
        map_tx(result)?;
        self.flush()?;
        Ok((lid, mid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::liaison::{Contact, LiaisonKind, YearComment};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn liaison_members_round_trip_with_history_and_a_transfer_in_links_both() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut l = Liaison {
            full_name: "Phạm Quốc Việt".into(),
            birth_year: Some(1979),
            workplace: "Sở Xây dựng".into(),
            kind: LiaisonKind::ExemptFromActivity,
            ..Liaison::default()
        };
        l.add_contact(Contact {
            date: d(2026, 3, 8),
            what: "Dự họp tổ dân phố".into(),
        });
        l.put_comment(YearComment {
            year: 2025,
            comment: "Gương mẫu".into(),
            front_opinion: "Đồng ý".into(),
            sent_on: Some(d(2025, 10, 20)),
        });
        let before = s.history().unwrap().len();
        let id = s.save_liaison(None, &l).unwrap();
        assert_eq!(s.liaisons().unwrap(), vec![(id, l.clone())]);
        assert_eq!(s.history().unwrap().len(), before + 1);
        let m = crate::domain::liaison::to_member(&l);
        let (lid, mid) = s.save_liaison_and_member(Some(id), &l, None, &m).unwrap();
        assert_eq!(lid, id);
        assert_eq!(s.member(mid).unwrap(), Some(m));
        assert_eq!(s.liaisons().unwrap()[0].1.member, Some(mid));
        assert_eq!(s.history().unwrap().len(), before + 3);
        s.delete_liaison(id).unwrap();
        assert!(s.liaisons().unwrap().is_empty());
    }
}
