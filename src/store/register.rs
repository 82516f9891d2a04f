//! Reading the whole register at once, for reports; and the ward's copy of it (the
//! default bundle), which carries the figures and not the people.

use std::path::Path;

use super::backup::SnapshotV1;
use super::backup::{self, BackupInfo};
use super::{META_FIGURES_ONLY, Result, Store, TREE_META};
use crate::domain::register::Register;

impl Store {
    /// Every record a report may need, read in one pass over the trees.
    pub fn register(&self) -> Result<Register> {
        Ok(Register {
            branch: self.branch()?.unwrap_or_default(),
            members: self.members()?,
            meetings: self.meetings()?,
            reviews: self.reviews()?.into_iter().collect(),
            branch_years: self.branch_years()?,
            candidates: self.candidates()?,
            targets: self.admission_targets()?,
            dues: self.dues()?,
        })
    }

    /// Writes the bundle the ward reads for its roll-up: [`Register::for_ward`] (the
    /// figures without names, contacts, notes or minutes), built in a temporary store and
    /// written as a verified backup file marked "figures only", which `restore` refuses.
    pub fn write_ward_bundle(&self, path: &Path) -> Result<BackupInfo> {
        let reg = self.register()?.for_ward();
        let work = backup::temporary_dir("ward");
        let written = (|| {
            let tmp = Store::open(&work)?;
            tmp.save_branch(&reg.branch)?;
            let members: Vec<_> = reg
                .members
                .iter()
                .map(|(id, m)| (Some(*id), m.clone()))
                .collect();
            tmp.save_members(&members)?;
            for (id, m) in &reg.meetings {
                tmp.save_meeting(Some(*id), m)?;
            }
            for ((year, id), r) in &reg.reviews {
                tmp.save_review(*year, *id, r)?;
            }
            for (year, b) in &reg.branch_years {
                tmp.save_branch_year(*year, b)?;
            }
            for t in &reg.targets {
                tmp.save_admission_target(t)?;
            }
            tmp.meta.insert(META_FIGURES_ONLY, &[1])?;
            tmp.flush()?;
            tmp.write_backup(path)
        })();
        let _ = std::fs::remove_dir_all(&work);
        written
    }
}

/// Whether a backup's content is a ward bundle (figures only): restoring it as the
/// branch's data would lose every name, so `restore` refuses it.
pub fn is_figures_only(snap: &SnapshotV1) -> bool {
    snap.trees
        .iter()
        .any(|(name, pairs)| name == TREE_META && pairs.iter().any(|(k, _)| k == META_FIGURES_ONLY))
}
