//! English: texts that keep the screen readable on any console.

use super::{ConsoleCatalogue, ConsoleMsg};

/// The English texts.
#[derive(Debug, Clone, Copy)]
pub struct ConsoleEn;

impl ConsoleCatalogue for ConsoleEn {
    fn msg(&self, m: ConsoleMsg) -> &'static str {
        match m {
            ConsoleMsg::Overdue => "overdue",
            ConsoleMsg::AsciiChosen => {
                "This console cannot show marks and frames: drawing in ASCII. Open it in Windows Terminal, or run with --unicode to draw them."
            }
        }
    }

    fn month_legend(&self, regular: &str, thematic: &str, none: &str) -> String {
        format!("{regular} regular  {thematic} thematic  {none} none yet")
    }
}
