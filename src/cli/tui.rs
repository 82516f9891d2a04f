//! The interactive session: open the store (printing a lock or damage error before the
//! terminal changes mode), set the terminal up, run, and always restore it.

use std::io::{self, BufRead, IsTerminal, Write};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;

use super::{Args, CliError, data_dir, keymap_path, safety, today, write_demo};
use crate::app::keymap::Keymap;
use crate::app::screens::home;
use crate::i18n::{self, Cli as C, Lang, Msg};
use crate::store::KEYS_MOVED_SEEN;
use crate::ui::{self, theme::Theme};

pub mod console_font;

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

/// Set in the environment of the copy of the program started in a console window of its
/// own (see [`console_plan`]): that copy asks before it starts.
pub const OPENED_WINDOW_ENV: &str = "SOCHIBO_OPENED_WINDOW";

/// Seconds the copy in its own window waits for Enter before it closes (nobody there: a
/// scheduled task).
pub const OPENED_WINDOW_WAIT_SECS: u64 = 60;

/// What to do about the console at the start of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsolePlan {
    /// A terminal is there: run.
    Run,
    /// On Windows with no console at all (no standard handle is one): start a copy of the
    /// program in a console window of its own, say how to start it, and end with 1.
    OpenWindow,
    /// Something is redirected, or the program already tried a window of its own: say
    /// how to start it, and end with 1.
    Explain,
}

/// The plan, given whether stdin, stdout and stderr are terminals, whether this is the
/// copy started in its own window, and whether this is Windows. A pipe from a console
/// (stderr still a terminal) is deliberate and only explained; on Linux nothing changes.
pub fn console_plan(tty: [bool; 3], opened_window: bool, windows: bool) -> ConsolePlan {
    match tty {
        [true, true, _] => ConsolePlan::Run,
        [false, false, false] if windows && !opened_window => ConsolePlan::OpenWindow,
        _ => ConsolePlan::Explain,
    }
}

/// The command line that starts `exe` with `args` in a new console window through
/// `cmd /d /c start` (each argument quoted; `None` if one cannot be quoted safely for
/// cmd: a quote, `%`, `^`, `!` or a line break).
pub fn start_command_line(exe: &std::path::Path, args: &[std::ffi::OsString]) -> Option<String> {
    let quote =
        |s: &str| (!s.contains(['"', '%', '^', '!', '\n', '\r'])).then(|| format!("\"{s}\""));
    let mut line = format!("/d /c start \"Sổ chi bộ\" {}", quote(exe.to_str()?)?);
    for a in args {
        line.push(' ');
        line.push_str(&quote(a.to_str()?)?);
    }
    Some(line)
}

/// Starts a copy of this program, with the same arguments, in a console window of its
/// own (Windows: `cmd /d /c start`, cmd itself without a window).
fn open_console_window() -> io::Result<()> {
    let exe = std::env::current_exe()?;
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let line = start_command_line(&exe, &args)
        .ok_or_else(|| io::Error::other("an argument cannot be passed through cmd"))?;
    let mut cmd = std::process::Command::new("cmd");
    cmd.env(OPENED_WINDOW_ENV, "1");
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        cmd.raw_arg(&line).creation_flags(CREATE_NO_WINDOW);
    }
    #[cfg(not(windows))]
    cmd.arg(&line);
    cmd.spawn().map(|_| ())
}

/// In the window the program opened for itself: says why it is there and waits for
/// Enter (start) or Esc (close), closing by itself after [`OPENED_WINDOW_WAIT_SECS`].
/// Whether to start.
fn confirm_opened_window(lang: Lang) -> bool {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind};
    use i18n::platform::{PlatformMsg, texts};
    let t = texts(lang);
    // Raw mode first, so a key pressed as soon as the question shows is read as a key
    // (not a line-buffered newline); lines then end in "\r\n".
    if crossterm::terminal::enable_raw_mode().is_err() {
        return false;
    }
    print!(
        "{}\r\n",
        t.msg(PlatformMsg::OpenedWindow).replace('\n', "\r\n")
    );
    let _ = io::stdout().flush();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(OPENED_WINDOW_WAIT_SECS);
    let mut start = false;
    while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
        match event::poll(left).and_then(|ready| {
            if ready {
                event::read().map(Some)
            } else {
                Ok(None)
            }
        }) {
            Ok(Some(Event::Key(k))) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Enter => {
                    start = true;
                    break;
                }
                KeyCode::Esc => break,
                _ => {}
            },
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    let _ = crossterm::terminal::disable_raw_mode();
    if !start {
        println!("{}", t.msg(PlatformMsg::OpenedWindowClosed));
    }
    start
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

/// Whether the console understands VT sequences (always on Linux; on Windows, a legacy
/// console such as Windows 7's does not, and its raster fonts lack most marks).
fn console_has_vt() -> bool {
    #[cfg(windows)]
    {
        crossterm::ansi_support::supports_ansi()
    }
    #[cfg(not(windows))]
    {
        true
    }
}

/// Whether to draw in pure ASCII, and whether to tell the user it was chosen for them:
/// when asked (`--ascii`), or, unless `--unicode` says otherwise, on a console without VT
/// support or whose window draws with a raster font (issue 21 item 4).
pub fn choose_ascii(asked: bool, unicode: bool, vt: bool, raster_font: bool) -> (bool, bool) {
    let chosen = !asked && !unicode && (!vt || raster_font);
    (asked || chosen, chosen)
}

/// Whether the console window draws with a raster font (Windows only, read from the
/// registry by [`console_font::console_lacks_unicode_font`]). Asked only when it can
/// change the choice: neither `--ascii` nor `--unicode`, VT present (without VT ASCII is
/// chosen anyway), and not Windows Terminal (`WT_SESSION`), which has its own font.
fn raster_font_matters(args: &Args, vt: bool) -> bool {
    cfg!(windows)
        && !args.ascii
        && !args.unicode
        && vt
        && std::env::var_os("WT_SESSION").is_none()
        && console_font::console_lacks_unicode_font()
}

/// Set (to anything) to print the drawing choice and its inputs as one line on stdout
/// and exit, instead of starting: how `.ci/test-windows` reads the choice under Wine,
/// whose text console cannot show the status line. A diagnostic, not for users.
pub const PROBE_DRAWING_ENV: &str = "SOCHIBO_PROBE_DRAWING";

/// The probe's line: `drawing: ascii|unicode; told: yes|no; vt: yes|no; raster font: yes|no`.
pub fn probe_line(ascii: bool, told: bool, vt: bool, raster_font: bool) -> String {
    let yn = |b: bool| if b { "yes" } else { "no" };
    format!(
        "drawing: {}; told: {}; vt: {}; raster font: {}",
        if ascii { "ascii" } else { "unicode" },
        yn(told),
        yn(vt),
        yn(raster_font)
    )
}

/// Runs the TUI on the data directory (or a throwaway demo directory).
pub(super) fn session(args: &Args, lang: Lang) -> Result<(), CliError> {
    // The drawing choice is made from the console before anything else.
    let vt = console_has_vt();
    let raster_font = raster_font_matters(args, vt);
    let (ascii, told) = choose_ascii(args.ascii, args.unicode, vt, raster_font);
    if std::env::var_os(PROBE_DRAWING_ENV).is_some() {
        println!("{}", probe_line(ascii, told, vt, raster_font));
        return Ok(());
    }
    // Started on Windows with no console at all (a shortcut or task that gives none):
    // open a window of its own rather than fail; that copy asks before it starts.
    let tty = [
        io::stdin().is_terminal(),
        io::stdout().is_terminal(),
        io::stderr().is_terminal(),
    ];
    let opened_window = std::env::var_os(OPENED_WINDOW_ENV).is_some();
    match console_plan(tty, opened_window, cfg!(windows)) {
        ConsolePlan::OpenWindow => {
            // Say how to start it (on stderr, wherever it goes, with exit 1) and open a
            // console window where a copy of the program asks to start.
            let _ = open_console_window();
            return Err(CliError::NoTerminal);
        }
        ConsolePlan::Run if opened_window && !confirm_opened_window(lang) => return Ok(()),
        ConsolePlan::Run | ConsolePlan::Explain => {}
    }
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
    let theme = Theme::from_env(ascii);
    if told {
        app.notice = Some(crate::app::Notice::AsciiChosen);
    }
    // The first screen is "what needs doing", unless a form is open (first-run setup, or a
    // draft restored after a crash), which stays where it was.
    if app.form.is_none() {
        app.screen = crate::app::Screen::Home;
    }
    // Data found damaged: the home screen says where the damaged copy and the newest
    // good backup are, and restores it on one key (issue 20).
    home::show_damage_first(&mut app);
    // Someone who learnt the old keys sees, once, what moved.
    let moved_seen = dir.join(KEYS_MOVED_SEEN);
    app.keys_moved = !args.demo && app.branch.is_some() && !moved_seen.exists();

    let (result, app) = on_terminal(|terminal| {
        let mut app = app;
        loop {
            let r = ui::run_terminal(terminal, &mut app, &theme);
            match app.damage.restore.take() {
                // The restore the home screen's warning offered: the store is closed, the
                // backup restored, and the session goes on with the restored data.
                Some(b) if r.is_ok() => match home::restore_and_reload(app, &b) {
                    Ok(next) => {
                        app = next;
                        let _ = terminal.clear();
                    }
                    Err(e) => return Err(e),
                },
                _ => return Ok((r, app)),
            }
        }
    })??;
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
    // A clean close: a store grown past its threshold is compacted now, not at the next
    // start (issue 23.5). A compaction that fails leaves the data as it was.
    let _ = app.store.close();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;
    use std::path::Path;

    #[test]
    fn an_old_console_gets_ascii_and_is_told_how_to_switch() {
        // (asked, unicode, vt, raster font) → (ascii, told)
        assert_eq!(choose_ascii(false, false, true, false), (false, false));
        assert_eq!(choose_ascii(true, false, true, false), (true, false));
        // No VT (Windows 7's console): ASCII, and the status line says so.
        assert_eq!(choose_ascii(false, false, false, false), (true, true));
        assert_eq!(choose_ascii(false, true, false, false), (false, false));
        assert_eq!(choose_ascii(true, false, false, false), (true, false));
        // VT but a raster font (a Windows 10 console set to "Terminal"): the same.
        assert_eq!(choose_ascii(false, false, true, true), (true, true));
        assert_eq!(choose_ascii(false, true, true, true), (false, false));
        assert_eq!(choose_ascii(true, false, true, true), (true, false));
        assert_eq!(choose_ascii(false, false, false, true), (true, true));
    }

    #[test]
    fn the_probe_line_names_the_choice_and_its_inputs() {
        assert_eq!(
            probe_line(true, true, true, true),
            "drawing: ascii; told: yes; vt: yes; raster font: yes"
        );
        assert_eq!(
            probe_line(false, false, true, false),
            "drawing: unicode; told: no; vt: yes; raster font: no"
        );
    }

    #[test]
    fn only_windows_with_no_console_at_all_opens_a_window() {
        use ConsolePlan::*;
        for windows in [false, true] {
            assert_eq!(console_plan([true, true, true], false, windows), Run);
            assert_eq!(console_plan([true, true, false], true, windows), Run);
            // A pipe from a console: explained, never a window.
            assert_eq!(console_plan([false, false, true], false, windows), Explain);
            assert_eq!(console_plan([true, false, true], false, windows), Explain);
        }
        assert_eq!(console_plan([false, false, false], false, true), OpenWindow);
        // Linux unchanged; and a window already tried is not tried again.
        assert_eq!(console_plan([false, false, false], false, false), Explain);
        assert_eq!(console_plan([false, false, false], true, true), Explain);
    }

    #[test]
    fn the_window_is_started_through_cmd_start_with_every_argument_quoted() {
        let exe = Path::new(r"C:\Users\Nguyễn Văn A\Sổ chi bộ\sochibo.exe");
        let args: Vec<OsString> = ["--data", r"D:\sochibo-data", "--ascii"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(
            start_command_line(exe, &args).unwrap(),
            r#"/d /c start "Sổ chi bộ" "C:\Users\Nguyễn Văn A\Sổ chi bộ\sochibo.exe" "--data" "D:\sochibo-data" "--ascii""#
        );
        // What cmd would read as something else is refused (the user is told instead).
        for bad in ["100%", "a\"b", "x^y", "hi!"] {
            assert_eq!(
                start_command_line(exe, &[OsString::from(bad)]),
                None,
                "{bad}"
            );
        }
    }
}
