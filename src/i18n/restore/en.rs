//! English: the damage warning on the home screen and its restore.

use super::{RestoreCatalogue, RestoreText};

/// The English texts of the damage warning.
#[derive(Debug, Clone, Copy)]
pub struct RestoreEn;

impl RestoreCatalogue for RestoreEn {
    fn text(&self, t: RestoreText<'_>) -> String {
        match t {
            RestoreText::NewestBackup(p, n, when) => {
                format!("Newest good backup: {p} ({n} members, made {when}).")
            }
            RestoreText::NoBackup(dir) => format!("There is no good backup in {dir} yet."),
            RestoreText::Keys(Some(restore), dismiss) => format!(
                "Press {restore} to restore this backup, {dismiss} to dismiss the warning (the damaged copy is kept)."
            ),
            RestoreText::Keys(None, dismiss) => {
                format!("Press {dismiss} to dismiss the warning (the damaged copy is kept).")
            }
            RestoreText::AskRestore(p, n, when) => format!(
                "Restore {n} members from the backup {p} (made {when})? The data open now is kept whole in a sled.before-restore folder."
            ),
            RestoreText::AskDismiss(Some(p)) => {
                format!("Dismiss the damage warning? The damaged copy stays in {p}.")
            }
            RestoreText::AskDismiss(None) => "Dismiss the damage warning?".into(),
            RestoreText::Restored(n, p) => format!("Restored {n} members from the backup {p}."),
            RestoreText::Failed(why) => {
                format!("The restore did not succeed: {why}. The current data is unchanged.")
            }
        }
    }
}
