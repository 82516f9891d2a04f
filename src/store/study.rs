//! The resolutions and their study (tree `resolutions`, generated `u64` keys), #18.2.

use sled::Transactional;

use super::history::entry;
use super::schema;
use super::{Result, Store, TREE_RESOLUTIONS, map_tx};
use crate::domain::study::{Resolution, ResolutionId};

impl Store {
    /// Every resolution with its id, in key order (the order they were entered).
    pub fn resolutions(&self) -> Result<Vec<(ResolutionId, Resolution)>> {
        super::register::resolutions(self)
    }

    /// Saves a resolution with its sessions (`None` creates it) durably, with its
    /// history entry; returns its id.
    pub fn save_resolution(
        &self,
        id: Option<ResolutionId>,
        r: &Resolution,
    ) -> Result<ResolutionId> {
        let id = match id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let bytes = schema::encode_resolution(r)?;
        self.put_with_history(&self.resolutions, TREE_RESOLUTIONS, id, Some(bytes))?;
        Ok(id)
    }

    /// Deletes a resolution durably.
    pub fn delete_resolution(&self, id: ResolutionId) -> Result<()> {
        self.put_with_history(&self.resolutions, TREE_RESOLUTIONS, id, None)
    }

    /// Saves resolutions in one transaction (an import): all or nothing, each with its
    /// history entry; `None` ids are created. Durable when it returns.
    pub fn save_resolutions(
        &self,
        items: &[(Option<ResolutionId>, Resolution)],
    ) -> Result<Vec<ResolutionId>> {
        self.writable()?;
        let mut rows = Vec::with_capacity(items.len());
        for (id, r) in items {
            let id = match id {
                Some(id) => *id,
                None => self.new_id()? + 1,
            };
            let plain = schema::encode_resolution(r)?;
            let key = id.to_be_bytes();
            let stored = self.seal_value(TREE_RESOLUTIONS, &key, &plain)?;
            rows.push((id, plain, stored, self.new_id()?));
        }
        let now = chrono::Utc::now().timestamp();
        let result = (&self.resolutions, &self.history).transaction(|(t, history)| {
            for (id, plain, stored, hid) in &rows {
                let key = id.to_be_bytes();
                let old = t
                    .insert(&key, stored.clone())?
                    .map(|v| self.plain_or_raw(TREE_RESOLUTIONS, &key, &v));
                let e = entry(now, TREE_RESOLUTIONS, *id, old.as_deref(), Some(plain));
                self.put_history(history, *hid, &e)?;
            }
            Ok(())
        });
        map_tx(result)?;
        self.flush()?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::study::{Level, MakeUp, Session};
    use crate::store::history::{Record, Revert};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn nq() -> Resolution {
        Resolution {
            number: "21-NQ/TW".into(),
            title: "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng".into(),
            level: Some(Level::Central),
            date: d(2022, 6, 16),
            sessions: vec![Session {
                date: d(2022, 8, 5),
                attendees: vec![1, 2],
                note: "Nhà văn hóa".into(),
            }],
            makeups: vec![MakeUp {
                member: 3,
                date: d(2022, 9, 1),
            }],
        }
    }

    #[test]
    fn resolutions_round_trip_with_history_and_undo() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let id = s.save_resolution(None, &nq()).unwrap();
        let mut changed = nq();
        changed.title.push_str(" (sửa)");
        s.save_resolution(Some(id), &changed).unwrap();
        drop(s);
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.resolutions().unwrap(), vec![(id, changed.clone())]);
        let h = s.history().unwrap();
        let last = h.last().unwrap();
        assert_eq!(last.record(), Some(Record::Resolution(id)));
        // Undo the edit: the record is back as first saved.
        s.revert(&Revert::of_group(std::slice::from_ref(last), true))
            .unwrap();
        assert_eq!(s.resolutions().unwrap(), vec![(id, nq())]);
        s.delete_resolution(id).unwrap();
        assert!(s.resolutions().unwrap().is_empty());
        assert!(s.register().unwrap().resolutions.is_empty());
    }

    #[test]
    fn an_import_saves_every_resolution_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let mut b = nq();
        b.number = "01-NQ/ĐU".into();
        let ids = s
            .save_resolutions(&[(None, nq()), (None, b.clone())])
            .unwrap();
        assert_eq!(ids.len(), 2);
        let reg = s.register().unwrap();
        assert_eq!(reg.resolutions.len(), 2);
        assert_eq!(reg.resolutions[1].1, b);
    }
}
