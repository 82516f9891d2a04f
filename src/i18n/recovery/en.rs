//! English: texts about damaged or read-only data.

use super::{RecoveryCatalogue, RecoveryText};

/// The English texts about damaged or read-only data.
#[derive(Debug, Clone, Copy)]
pub struct RecoveryEn;

impl RecoveryCatalogue for RecoveryEn {
    fn text(&self, t: RecoveryText<'_>) -> String {
        match t {
            RecoveryText::DamageFound(dir, when, why) => {
                let why = match why {
                    Some(d) => format!("the database cannot be read ({d})"),
                    None => "some saved changes are missing from the database".to_string(),
                };
                format!("WARNING: at {when}, the data in {dir} was found damaged: {why}.")
            }
            RecoveryText::DamagedKept(p) => {
                format!("The damaged copy is kept as it was in {p} (nothing deleted).")
            }
            RecoveryText::RestoredFrom(p, n, when) => format!(
                "The register was restored automatically from the backup {p} ({n} members, made at {when}). Changes saved after that may be only in the damaged copy."
            ),
            RecoveryText::StartedEmpty => {
                "No backup could be used to restore automatically: the register is empty.".into()
            }
            RecoveryText::HowToDismiss(cmd) => format!(
                "This warning shows at every start until a backup is restored or it is dismissed with:\n    {cmd}"
            ),
            RecoveryText::EmptyRefused => "Not run: the register is empty because the data was damaged, not because the branch has no members. Restore a backup, or dismiss the warning to start a new register.".into(),
            RecoveryText::Dismissed(Some(p)) => {
                format!("Damage warning dismissed. The damaged copy is still kept in {p}.")
            }
            RecoveryText::Dismissed(None) => "Damage warning dismissed.".into(),
            RecoveryText::NothingToDismiss(dir) => {
                format!("The data in {dir} has no damage warning.")
            }
            RecoveryText::ReadOnly(dir, why) => format!(
                "The data folder {dir} can be read but not written ({why}): viewing, printing and exporting elsewhere work, but no change can be saved. Is the disk full, the card or USB stick write-protected, or writing not permitted?"
            ),
        }
    }
}
