//! The release binary in a real pseudo-terminal: what a secretary's terminal actually sees.
//!
//! Each test spawns `target/release/sochibo` (built once per test run) in an 80×24 PTY,
//! feeds its output to a `vt100` screen and waits for text to appear — never a fixed sleep.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use sochibo::domain::text::fold;

const ROWS: u16 = 24;
const COLS: u16 = 80;
const TIMEOUT: Duration = Duration::from_secs(20);
const TODAY: &str = "21/11/2026";

/// Builds the release binary once per test process and returns its path.
fn release_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| manifest.join("target"));
        // Cargo inherits CARGO_TARGET_DIR from our environment when it is set.
        let status = std::process::Command::new(env!("CARGO"))
            .args(["build", "--release", "--bin", "sochibo"])
            .current_dir(manifest)
            .status()
            .expect("run cargo build --release");
        assert!(status.success(), "cargo build --release failed: {status}");
        let bin = target
            .join("release")
            .join(format!("sochibo{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.is_file(), "no release binary at {}", bin.display());
        bin
    })
}

/// The environment every run gets, whatever the developer's shell has.
fn base_env(config: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("TERM", "xterm-256color".into()),
        ("SOCHIBO_TODAY", TODAY.into()),
        ("SOCHIBO_CONFIG", config.display().to_string()),
    ]
}

/// Variables from the outer environment that would change what the app shows.
const SCRUBBED: &[&str] = &["NO_COLOR", "SOCHIBO_LANG", "SOCHIBO_DATA", "COLORTERM"];

/// The app running in a pseudo-terminal.
struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    /// Temp dirs (config, TMPDIR for the demo directory) kept alive for the run.
    _dirs: Vec<tempfile::TempDir>,
}

impl Pty {
    /// Spawns the release binary with `args` and extra `env` at 80×24.
    fn spawn(args: &[&str], env: &[(&str, &str)]) -> Pty {
        let bin = release_binary();
        let config = tempfile::tempdir().unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        for k in SCRUBBED {
            cmd.env_remove(k);
        }
        for (k, v) in base_env(config.path()) {
            cmd.env(k, v);
        }
        // `--demo` puts its throwaway directory under the temp dir: keep it ours.
        cmd.env("TMPDIR", tmp.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(tmp.path());
        let child = pair.slave.spawn_command(cmd).expect("spawn sochibo");
        // Only the child holds the slave now, so the reader sees EOF/EIO when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let reader = {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
            })
        };
        Pty {
            parser,
            raw,
            writer: Some(writer),
            master: Some(pair.master),
            child,
            reader: Some(reader),
            _dirs: vec![config, tmp],
        }
    }

    /// The visible screen as text.
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the current screen.
    fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until `pred` holds for the screen; panics with the screen text on timeout.
    fn wait_until(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&pred) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; screen:\n{}",
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `needle`.
    fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("{needle:?}"), |s| s.contents().contains(needle));
    }

    /// Writes bytes to the terminal, as a keyboard would.
    fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("pty writer open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Types `text` one character per write, with a tiny pause like a person typing.
    fn type_str(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits for the app to exit, then closes our end and waits for the reader to drain.
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                break st;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!(
                    "sochibo did not exit within {TIMEOUT:?}; screen:\n{}",
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        self.close();
        status
    }

    /// Drops the writer and master and joins the reader (which ends on EOF/EIO).
    fn close(&mut self) {
        self.writer.take();
        self.master.take();
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }

    /// Every byte the app wrote to the terminal so far.
    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // After a kill the slave is closed, so the reader ends too.
        self.close();
    }
}

/// The screen rows, trailing spaces removed.
fn rows(s: &vt100::Screen) -> Vec<String> {
    s.rows(0, COLS).map(|r| r.trim_end().to_string()).collect()
}

/// Whether a name matches "ng v": a word starting "ng", later a word starting "v".
fn matches_ng_v(name: &str) -> bool {
    let folded = fold(name).to_lowercase();
    let mut words = folded.split_whitespace();
    words.any(|w| w.starts_with("ng")) && words.any(|w| w.starts_with('v'))
}

/// The names in the roster table: the text of the "Họ và tên" column under the header,
/// up to the first blank row.
fn roster_names(s: &vt100::Screen) -> Vec<String> {
    let rows = rows(s);
    let Some(h) = rows.iter().position(|r| r.contains("Họ và tên")) else {
        return Vec::new();
    };
    let header: Vec<char> = rows[h].chars().collect();
    let col = |label: &str| {
        let l: Vec<char> = label.chars().collect();
        header
            .windows(l.len())
            .position(|w| w == l.as_slice())
            .unwrap_or_else(|| panic!("no {label:?} in header {:?}", rows[h]))
    };
    let (from, to) = (col("Họ và tên"), col("Năm sinh"));
    rows[h + 1..]
        .iter()
        .take_while(|r| !r.trim().is_empty())
        // The last row is the status bar when the table fills the screen.
        .filter(|r| r.chars().take(from).any(|c| c.is_ascii_digit()))
        .map(|r| {
            r.chars()
                .skip(from)
                .take(to - from)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

/// The demo members active "today", as `--demo` generates them.
fn demo_active_names() -> Vec<String> {
    let today = sochibo::domain::date::parse_date(TODAY).unwrap();
    sochibo::domain::demo::demo_members(sochibo::cli::DEMO_SEED, sochibo::cli::DEMO_MEMBERS, today)
        .into_iter()
        .filter(|m| m.status_at(today).is_active())
        .map(|m| m.full_name)
        .collect()
}

#[test]
fn demo_search_and_quit() {
    let mut p = Pty::spawn(&["--demo"], &[]);
    p.wait_for("DỮ LIỆU MẪU");
    // The app starts on "Việc cần làm"; 1 opens the roster.
    p.wait_for("Việc cần làm");
    p.send(b"1");
    p.send(b"1");
    p.wait_for("Đang sinh hoạt");
    p.wait_for("Họ và tên");
    // With colour on, the title bar has a background (the control for `english_and_no_color`).
    assert!(
        p.with_screen(|s| s.cell(0, 1).unwrap().bgcolor() != vt100::Color::Default),
        "title bar without background colour"
    );

    p.send(b"/");
    std::thread::sleep(Duration::from_millis(30));
    p.type_str("ng v");
    p.wait_for("Tìm: ng v");

    // Every matching active demo member, and nobody else, is in the table.
    let mut expected: Vec<String> = demo_active_names()
        .into_iter()
        .filter(|n| matches_ng_v(n))
        .collect();
    expected.sort();
    assert!(
        !expected.is_empty() && expected.len() < 15,
        "the demo should have a few Ng… V… members: {expected:?}"
    );
    p.wait_until("the narrowed roster", |s| {
        let mut names = roster_names(s);
        names.sort();
        names == expected
    });
    let screen = p.text();
    assert!(
        ["Nguyễn Văn", "Ngô Văn"].iter().any(|n| screen.contains(n)),
        "{screen}"
    );
    for name in demo_active_names().iter().filter(|n| !matches_ng_v(n)) {
        assert!(!screen.contains(name.as_str()), "{name} shown:\n{screen}");
    }

    // Esc clears the search: the full roster comes back.
    p.send(b"\x1b");
    p.wait_until("the search line to go away", |s| {
        !s.contents().contains("Tìm:") && roster_names(s).len() > expected.len()
    });
    // Screen 6: the figures with their bars; Tab to the meetings report.
    p.send(b"6");
    p.wait_for("CƠ CẤU ĐỘI NGŨ ĐẢNG VIÊN");
    p.wait_for("█");
    p.send(b"\t\t");
    p.wait_for("SINH HOẠT CHI BỘ");
    p.send(b"q");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    // The terminal was given back: the last mode change leaves the alternate screen, and
    // nothing after it but harmless cursor-visibility sequences.
    let raw = p.raw();
    let leave = b"\x1b[?1049l";
    let at = raw
        .windows(leave.len())
        .rposition(|w| w == leave)
        .unwrap_or_else(|| panic!("never left the alternate screen"));
    let tail = &raw[at + leave.len()..];
    let tail_ok = tail.is_empty() || tail == b"\x1b[?25h";
    assert!(
        tail_ok,
        "output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
    assert!(
        raw.windows(8).any(|w| w == b"\x1b[?2004l"),
        "bracketed paste not turned off"
    );
    assert!(!p.with_screen(|s| s.alternate_screen()));
}

#[test]
fn persisted_data_and_second_instance() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let run = |args: &[&str]| {
        let mut cmd = std::process::Command::new(release_binary());
        cmd.args(args).stdin(std::process::Stdio::null());
        for k in SCRUBBED {
            cmd.env_remove(k);
        }
        for (k, v) in base_env(config.path()) {
            cmd.env(k, v);
        }
        cmd.output().expect("run sochibo")
    };

    let out = run(&["demo", "--data", dir]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("35"), "{stdout}");

    let mut p = Pty::spawn(&["--data", dir], &[]);
    p.send(b"1");
    p.wait_for("Đang sinh hoạt");
    p.wait_for("Họ và tên");
    // The roster shows the persisted sample members (not the demo banner's throwaway copy).
    let first = demo_active_names();
    p.wait_until("persisted members in the roster", |s| {
        let names = roster_names(s);
        names.len() >= 10 && names.iter().all(|n| first.contains(n))
    });

    // A second copy on the same directory refuses before touching the terminal.
    let started = Instant::now();
    let second = run(&["--data", dir]);
    assert!(started.elapsed() < TIMEOUT, "second instance hung");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("đang được mở"), "{stderr}");
    assert!(stderr.contains(dir), "{stderr}");
    assert!(
        second.stdout.is_empty(),
        "second instance wrote to stdout: {:?}",
        String::from_utf8_lossy(&second.stdout)
    );

    // The first copy is unaffected and quits cleanly.
    p.wait_for("Họ và tên");
    p.send(b"q");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn english_and_no_color() {
    let mut p = Pty::spawn(&["--demo", "--lang", "en"], &[("NO_COLOR", "1")]);
    p.wait_for("SAMPLE DATA");
    p.wait_for("? Help");
    p.send(b"1");
    p.wait_for("Full name");
    // No colour anywhere: not in the title row, nor elsewhere on the screen.
    p.with_screen(|s| {
        for y in 0..ROWS {
            for x in 0..COLS {
                let cell = s.cell(y, x).expect("cell on screen");
                assert_eq!(
                    (cell.bgcolor(), cell.fgcolor()),
                    (vt100::Color::Default, vt100::Color::Default),
                    "cell ({y}, {x}) {:?} is coloured under NO_COLOR",
                    cell.contents()
                );
            }
        }
    });
    p.send(b"q");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn ctrl_h_is_backspace_in_search() {
    let mut p = Pty::spawn(&["--demo"], &[]);
    p.send(b"1");
    p.wait_for("Đang sinh hoạt");
    p.wait_for("Họ và tên");
    p.send(b"/");
    std::thread::sleep(Duration::from_millis(30));
    p.type_str("nga");
    p.wait_for("Tìm: nga");
    p.send(&[0x08]);
    p.wait_until("the search line to read \"Tìm: ng\"", |s| {
        rows(s).iter().any(|r| r == "Tìm: ng")
    });
    p.send(b"\x1b");
    p.wait_until("the search line to go away", |s| {
        !s.contents().contains("Tìm:")
    });
    p.send(b"q");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn encrypted_data_asks_the_passphrase_before_the_screen_without_echo() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().join("data");
    let dir = dir.to_str().unwrap();
    let pass = data.path().join("pass.txt");
    std::fs::write(&pass, "mật khẩu chi bộ\n").unwrap();
    let run = |args: &[&str]| {
        let mut cmd = std::process::Command::new(release_binary());
        cmd.args(args).stdin(std::process::Stdio::null());
        for k in SCRUBBED {
            cmd.env_remove(k);
        }
        for (k, v) in base_env(config.path()) {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run sochibo");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["demo", "--data", dir]);
    run(&[
        "encrypt",
        "--data",
        dir,
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);

    let mut p = Pty::spawn(&["--data", dir], &[]);
    p.wait_for("Nhập mật khẩu");
    p.type_str("sai rồi xyz\r");
    p.wait_for("Sai mật khẩu");
    p.type_str("mật khẩu chi bộ\r");
    p.wait_for("Việc cần làm");
    p.send(b"1");
    p.wait_for("Họ và tên");
    let raw = String::from_utf8_lossy(&p.raw()).to_string();
    assert!(!raw.contains("xyz"), "the typed passphrase was echoed");
    assert!(!raw.contains("chi bộ\r"), "the typed passphrase was echoed");
    p.send(b"q");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}
