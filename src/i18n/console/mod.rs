//! Texts that keep the screen readable on any console: words that say what a colour or a
//! mark says (overdue, the month strip's legend), one catalogue per language, reached
//! with [`texts`].

mod en;
mod vi;

use super::Lang;

pub use en::ConsoleEn;
pub use vi::ConsoleVi;

/// Fixed texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleMsg {
    /// Put before a to-do whose date has passed (the row is also red).
    Overdue,
    /// ASCII was chosen for a console without VT support or with a raster font; how to
    /// switch.
    AsciiChosen,
}

/// A language's texts that keep the screen readable on any console.
pub trait ConsoleCatalogue: Sync {
    /// A fixed text.
    fn msg(&self, m: ConsoleMsg) -> &'static str;
    /// The legend of the meetings' month strip, given the marks drawn for a month with
    /// a regular meeting, with a thematic one, and with no regular meeting.
    fn month_legend(&self, regular: &str, thematic: &str, none: &str) -> String;
}

/// The catalogue of `lang`.
pub fn texts(lang: Lang) -> &'static dyn ConsoleCatalogue {
    match lang {
        Lang::Vi => &ConsoleVi,
        Lang::En => &ConsoleEn,
    }
}
