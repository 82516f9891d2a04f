//! The interactive session: open the store (printing a lock or damage error before the
//! terminal changes mode), set the terminal up, run, and always restore it.

use std::io::{self, BufRead, IsTerminal, Write};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;

use super::{Args, CliError, data_dir, keymap_path, safety, today, write_demo};
use crate::app::keymap::Keymap;
use crate::i18n::{self, Cli as C, Lang, Msg};
use crate::store::KEYS_MOVED_SEEN;
use crate::ui::{self, theme::Theme};

/// A throwaway directory for `--demo`, removed when the session ends.
struct DemoDir(std::path::PathBuf);

impl Drop for DemoDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Loads the keymap, printing any problem in the user's language and waiting for Enter.
pub(super) fn load_keymap(lang: Lang) -> Keymap {
    let path = keymap_path();
    let text = path.as_ref().and_then(|p| std::fs::read_to_string(p).ok());
    let shown = path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let (km, errors) = Keymap::load(text.as_deref().map(|t| (shown.as_str(), t)));
    // Typing keys the user bound to commands give up "typing is never a command": say so.
    let typing = km.typing_bindings();
    if !typing.is_empty() {
        eprintln!(
            "{}",
            i18n::keys::text(lang, i18n::keys::KeysMsg::TypingBindings)
        );
        for b in &typing {
            eprintln!("  {shown}: {b}");
        }
    }
    if !errors.is_empty() {
        let c = lang.cat();
        eprintln!("{}", c.msg(Msg::KeymapErrors));
        for e in &errors {
            eprintln!(
                "  {}",
                c.cli(C::KeymapLine(&e.file, e.line, &c.keymap(&e.kind)))
            );
        }
    }
    if (!errors.is_empty() || !typing.is_empty()) && io::stdin().is_terminal() {
        eprint!("{}", lang.cat().msg(Msg::PressEnter));
        let _ = io::stderr().flush();
        let _ = io::stdin().lock().read_line(&mut String::new());
    }
    km
}

/// Runs `run` on the terminal set up (raw mode, alternate screen, bracketed paste) and
/// always restored; without a terminal, [`CliError::NoTerminal`] before anything is
/// drawn. The register's session and the ward screen both run this way.
pub(super) fn on_terminal<T>(
    run: impl FnOnce(&mut ratatui::DefaultTerminal) -> T,
) -> Result<T, CliError> {
    // Without a terminal (a pipe, a scheduled task, no console) nothing can be drawn: say
    // how to start it, with no escape sequence on stdout. ratatui's init installs a panic
    // hook that restores the terminal before the message.
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        return Err(CliError::NoTerminal);
    }
    let mut terminal = ratatui::try_init().map_err(|_| {
        let _ = crossterm::terminal::disable_raw_mode();
        CliError::NoTerminal
    })?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = run(&mut terminal);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    Ok(result)
}

/// Runs the TUI on the data directory (or a throwaway demo directory).
pub(super) fn session(args: &Args, lang: Lang) -> Result<(), CliError> {
    let keymap = load_keymap(lang);
    let today = today();
    let (dir, _guard) = if args.demo {
        let dir = std::env::temp_dir().join(format!("sochibo-demo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        (dir.clone(), Some(DemoDir(dir)))
    } else {
        (data_dir(args.data.as_deref()), None)
    };
    // A damaged store or record is explained (with the newest backup) before the
    // terminal changes mode, and a restore is offered.
    let mut app = safety::start_app(&dir, lang, keymap, today, |store| {
        if args.demo {
            write_demo(store, today)?;
        }
        Ok(())
    })?;
    let theme = Theme::from_env(args.ascii);
    // The first screen is "what needs doing", unless a form is open (first-run setup, or a
    // draft restored after a crash), which stays where it was.
    if app.form.is_none() {
        app.screen = crate::app::Screen::Home;
    }
    // Someone who learnt the old keys sees, once, what moved.
    let moved_seen = dir.join(KEYS_MOVED_SEEN);
    app.keys_moved = !args.demo && app.branch.is_some() && !moved_seen.exists();

    let result = on_terminal(|terminal| ui::run_terminal(terminal, &mut app, &theme))?;
    if !args.demo && !moved_seen.exists() && app.branch.is_some() && !app.keys_moved {
        let _ = std::fs::write(&moved_seen, b"");
    }
    let flushed = app.store.flush();
    result.map_err(CliError::Terminal)?;
    flushed?;
    if !args.demo {
        // Our own verified backup, independent of sled (kept in backups/).
        app.store.auto_backup(app.changed)?;
    }
    Ok(())
}
