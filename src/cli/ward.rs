//! `sochibo ward DIR`: the ward office's screen over a folder of bundles, run beside the
//! register's session with the same terminal setup and keymap.

use std::path::Path;

use super::{CliError, data_dir, today, tui};
use crate::app::ward::WardApp;
use crate::i18n::Lang;
use crate::ui::{self, theme::Theme};

/// Opens the folder (the list, the notes, every bundle verified) before the terminal
/// changes mode, then runs the screen. Exports go to the folder's `bao-cao`, or to the
/// data folder's exports when the folder is read-only.
pub(super) fn cmd_ward(
    dir: &Path,
    data: Option<&Path>,
    ascii: bool,
    lang: Lang,
) -> Result<(), CliError> {
    let keymap = tui::load_keymap(lang);
    let fallback = crate::interchange::exports_dir(&data_dir(data));
    let mut app =
        WardApp::open(dir, lang, keymap, today(), &fallback).map_err(|source| CliError::Read {
            file: dir.to_path_buf(),
            source,
        })?;
    let theme = Theme::from_env(ascii);
    tui::on_terminal(|terminal| ui::run_terminal(terminal, &mut app, &theme))?
        .map_err(CliError::Terminal)
}
