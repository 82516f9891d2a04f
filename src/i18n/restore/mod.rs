//! The texts of the damage warning on the home screen and its one-key restore (issue 20),
//! one catalogue per language, reached with [`catalogue`].

mod en;
mod vi;

use super::Lang;

pub use en::RestoreEn;
pub use vi::RestoreVi;

/// A text of the home screen's damage warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreText<'a> {
    /// The newest good backup: file, members, made when (local time).
    NewestBackup(&'a str, usize, &'a str),
    /// No good backup in this folder.
    NoBackup(&'a str),
    /// What the keys do: the restore key (`None`: nothing to restore), the dismiss key.
    Keys(Option<&'a str>, &'a str),
    /// The question before a restore: file, members, made when (local time).
    AskRestore(&'a str, usize, &'a str),
    /// The question before dismissing: where the damaged copy stays (if known).
    AskDismiss(Option<&'a str>),
    /// Done: members restored, from which file.
    Restored(usize, &'a str),
    /// The restore failed (why); nothing changed.
    Failed(&'a str),
}

/// One language's texts of the damage warning.
pub trait RestoreCatalogue: Sync {
    /// A text with values.
    fn text(&self, t: RestoreText<'_>) -> String;
}

/// The catalogue of `lang`.
pub fn catalogue(lang: Lang) -> &'static dyn RestoreCatalogue {
    match lang {
        Lang::Vi => &RestoreVi,
        Lang::En => &RestoreEn,
    }
}
