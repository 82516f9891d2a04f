//! Reading the whole register at once, for reports.

use super::{Result, Store};
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
}
