//! The program in a real pseudo-terminal, for the tests that need a terminal: its output
//! is collected as it comes and fed to a `vt100` screen; tests wait for text to appear,
//! never for a fixed time.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test fails with the screen in its message.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Variables from the outer environment that would change what the app shows.
pub const SCRUBBED: &[&str] = &["NO_COLOR", "SOCHIBO_LANG", "SOCHIBO_DATA", "COLORTERM"];

/// The environment every run gets, whatever the developer's shell has: a colour
/// terminal, the tests' fixed date, and `config` as the config folder.
pub fn base_env(config: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("TERM", "xterm-256color".into()),
        ("SOCHIBO_TODAY", "21/11/2026".into()),
        ("SOCHIBO_CONFIG", config.display().to_string()),
    ]
}

/// Runs the release binary with `args` (no terminal, no stdin) in the tests' environment
/// with `config` as its config folder, and returns what it did.
pub fn run_release(args: &[&str], config: &Path) -> std::process::Output {
    let mut cmd = std::process::Command::new(release_binary());
    cmd.args(args).stdin(std::process::Stdio::null());
    for k in SCRUBBED {
        cmd.env_remove(k);
    }
    for (k, v) in base_env(config) {
        cmd.env(k, v);
    }
    cmd.output().expect("run sochibo")
}

/// How to start the program.
pub struct Spawn<'a> {
    /// The executable.
    pub bin: &'a Path,
    /// Its arguments.
    pub args: Vec<&'a OsStr>,
    /// The config folder (`SOCHIBO_CONFIG`), so the developer's keymap is not read.
    pub config: &'a Path,
    /// Extra environment, after the fixed one (TERM, SOCHIBO_TODAY, SOCHIBO_CONFIG).
    pub env: Vec<(&'a str, &'a OsStr)>,
    /// Working directory (default: inherited).
    pub cwd: Option<&'a Path>,
    /// Rows and columns of the terminal.
    pub size: (u16, u16),
}

/// The program running in a pseudo-terminal.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    /// Temporary folders the run needs, removed when it is dropped.
    keep: Vec<tempfile::TempDir>,
}

impl Pty {
    /// Starts the program as `s` says, on the tests' fixed date.
    pub fn spawn(s: Spawn) -> Pty {
        let (rows, cols) = s.size;
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(s.bin);
        cmd.args(&s.args);
        for k in SCRUBBED {
            cmd.env_remove(k);
        }
        for (k, v) in base_env(s.config) {
            cmd.env(k, v);
        }
        for (k, v) in &s.env {
            cmd.env(k, v);
        }
        if let Some(dir) = s.cwd {
            cmd.cwd(dir);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn sochibo");
        // Only the child holds the slave now, so the reader sees EOF/EIO when it exits.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
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
            keep: Vec::new(),
        }
    }

    /// Keeps `dir` until the run is dropped.
    pub fn keep(mut self, dir: tempfile::TempDir) -> Pty {
        self.keep.push(dir);
        self
    }

    /// The visible screen as text.
    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything the program wrote, as text (for line-mode prompts before any screen).
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).to_string()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Runs `f` on the current screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until `pred` holds for the screen; fails with the screen on timeout.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&pred) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; screen:\n{}\noutput:\n{}",
                    self.text(),
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `needle`.
    pub fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("{needle:?}"), |s| s.contents().contains(needle));
    }

    /// Waits until the screen contains `needle`, first closing (with Esc) the page of keys
    /// that moved if it is up: an existing register shows it once, on top of the screen.
    pub fn wait_past_keys_moved(&mut self, needle: &str) {
        const MOVED: &str = "Phím đã đổi";
        self.wait_until(&format!("{needle:?} or the keys-moved page"), |s| {
            let c = s.contents();
            c.contains(needle) || c.contains(MOVED)
        });
        if self.text().contains(MOVED) {
            self.send(b"\x1b");
            self.wait_until("the keys-moved page to close", |s| {
                !s.contents().contains(MOVED)
            });
        }
        self.wait_for(needle);
    }

    /// Waits until the output so far contains `needle` (a prompt printed line by line).
    pub fn wait_for_output(&self, needle: &str) {
        let start = Instant::now();
        while !self.output().contains(needle) {
            assert!(
                start.elapsed() < TIMEOUT,
                "never saw {needle:?}; output so far:\n{}",
                self.output()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Writes bytes to the terminal, as a keyboard would.
    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("pty writer open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Types `text` one character per write, with a tiny pause like a person typing.
    pub fn type_str(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits for the program to exit, then closes our end and lets the reader drain.
    pub fn wait_exit(&mut self) -> ExitStatus {
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

/// Builds the release binary once per test process and returns its path (under
/// `CARGO_TARGET_DIR` when set: cargo inherits it from our environment).
pub fn release_binary() -> &'static Path {
    static BIN: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        // Cargo reads a relative CARGO_TARGET_DIR from where it was started: the manifest's
        // folder here (the binary is then spawned from elsewhere).
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .filter(|d| !d.is_empty())
            .map(|d| manifest.join(d))
            .unwrap_or_else(|| manifest.join("target"));
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
