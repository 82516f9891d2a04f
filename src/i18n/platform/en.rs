//! English: texts about how and where the program runs.

use super::{PlatformCatalogue, PlatformMsg};

/// The English texts about how and where the program runs.
#[derive(Debug, Clone, Copy)]
pub struct PlatformEn;

impl PlatformCatalogue for PlatformEn {
    fn msg(&self, m: PlatformMsg) -> &'static str {
        match m {
            PlatformMsg::NoTerminal => {
                "Sổ chi bộ needs a console window to show its screens, but it was started \
                 without one (or the console could not be used).\n\
                 To start it:\n\
                 - On Windows: double-click MO-SO-CHI-BO.bat next to sochibo.exe;\n  \
                 or open Command Prompt (cmd) and type: sochibo\n\
                 - On Linux or macOS: open a terminal and type: sochibo\n\
                 Commands such as \"sochibo export members\" work without a console."
            }
            PlatformMsg::OpenedWindow => {
                "Sổ chi bộ opened this window itself: it was started without a console window.\n\
                 Press Enter to start, Esc to close (the window closes by itself after 60 seconds).\n\
                 Next time, start it with MO-SO-CHI-BO.bat next to sochibo.exe."
            }
            PlatformMsg::OpenedWindowClosed => {
                "Closed without starting. Start it again with MO-SO-CHI-BO.bat next to sochibo.exe."
            }
        }
    }
}
