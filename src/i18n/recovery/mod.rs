//! The texts of opening after a crash, damaged data and a data folder that can only be
//! read (issue 20), one catalogue per language, reached with [`catalogue`].

mod en;
mod vi;

use super::Lang;

pub use en::RecoveryEn;
pub use vi::RecoveryVi;

/// A text about damaged or read-only data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryText<'a> {
    /// Damage found at an open: data directory, when (local time), and sled's refusal
    /// (`None`: the database opened with saved changes missing).
    DamageFound(&'a str, &'a str, Option<&'a str>),
    /// Where the damaged database is kept.
    DamagedKept(&'a str),
    /// The register was rebuilt from this backup: file, members, made when (local time).
    RestoredFrom(&'a str, usize, &'a str),
    /// No backup could be used: the register is empty.
    StartedEmpty,
    /// How the warning goes away: the command that dismisses it.
    HowToDismiss(&'a str),
    /// A command refused because the register is empty because of the damage.
    EmptyRefused,
    /// The warning was dismissed; the damaged copy stays where it was (if known).
    Dismissed(Option<&'a str>),
    /// There was no warning to dismiss (data directory).
    NothingToDismiss(&'a str),
    /// The data directory can only be read: folder, the system's reason.
    ReadOnly(&'a str, &'a str),
}

/// One language's texts about damaged or read-only data.
pub trait RecoveryCatalogue: Sync {
    /// A text with values.
    fn text(&self, t: RecoveryText<'_>) -> String;
}

/// The catalogue of `lang`.
pub fn catalogue(lang: Lang) -> &'static dyn RecoveryCatalogue {
    match lang {
        Lang::Vi => &RecoveryVi,
        Lang::En => &RecoveryEn,
    }
}
