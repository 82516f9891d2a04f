//! The texts about starting the program on the user's machine (no terminal, portable
//! mode), one catalogue per language, reached with [`texts`].

mod en;
mod vi;

use super::Lang;

pub use en::PlatformEn;
pub use vi::PlatformVi;

/// Texts about how and where the program runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformMsg {
    /// Started without a usable terminal: how to start it (several lines).
    NoTerminal,
    /// In the console window the program opened for itself: why, and Enter or Esc.
    OpenedWindow,
    /// That window's copy closes without starting (Esc, or nobody pressed Enter).
    OpenedWindowClosed,
}

/// A language's texts about how and where the program runs.
pub trait PlatformCatalogue: Sync {
    /// A fixed text.
    fn msg(&self, m: PlatformMsg) -> &'static str;
}

/// The catalogue of `lang`.
pub fn texts(lang: Lang) -> &'static dyn PlatformCatalogue {
    match lang {
        Lang::Vi => &PlatformVi,
        Lang::En => &PlatformEn,
    }
}
