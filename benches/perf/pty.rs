//! A program in a real pseudo-terminal, its screen kept by a `vt100` parser, with the
//! moment the first frame became visible recorded by the reader thread itself; and what
//! /proc says about the process (peak RSS, CPU time, wake-ups).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Terminal size: the app's minimum.
pub const ROWS: u16 = 24;
/// Terminal size: the app's minimum.
pub const COLS: u16 = 80;
/// The longest any single wait may take.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// "Today" for every run (the tests' date).
pub const TODAY: &str = "21/11/2026";

/// Variables from the outer environment that would change what the program shows.
const SCRUBBED: &[&str] = &["NO_COLOR", "SOCHIBO_LANG", "SOCHIBO_DATA", "COLORTERM"];

struct Shared {
    parser: vt100::Parser,
    needles: Vec<String>,
    seen: Option<Instant>,
}

/// A program running in a pseudo-terminal.
pub struct Term {
    shared: Arc<Mutex<Shared>>,
    started: Instant,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    _dirs: Vec<tempfile::TempDir>,
}

impl Term {
    /// Spawns `bin args` at 80×24; the first frame is the moment every one of `needles`
    /// is on the screen.
    pub fn spawn(bin: &Path, args: &[&str], needles: &[&str]) -> Term {
        let config = tempfile::tempdir().expect("temp dir");
        let tmp = tempfile::tempdir().expect("temp dir");
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
        cmd.env("TERM", "xterm-256color");
        cmd.env("SOCHIBO_TODAY", TODAY);
        cmd.env("SOCHIBO_CONFIG", config.path());
        cmd.env("TMPDIR", tmp.path());
        cmd.cwd(tmp.path());
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            needles: needles.iter().map(|s| s.to_string()).collect(),
            seen: None,
        }));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let reader = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                let mut buf = [0u8; 16384];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let now = Instant::now();
                            let mut s = shared.lock().unwrap();
                            s.parser.process(&buf[..n]);
                            if s.seen.is_none() {
                                let text = s.parser.screen().contents();
                                if s.needles.iter().all(|n| text.contains(n.as_str())) {
                                    s.seen = Some(now);
                                }
                            }
                        }
                    }
                }
            })
        };
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        Term {
            shared,
            started,
            writer: Some(writer),
            master: Some(pair.master),
            child,
            reader: Some(reader),
            _dirs: vec![config, tmp],
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// The screen as text.
    pub fn text(&self) -> String {
        self.shared.lock().unwrap().parser.screen().contents()
    }

    /// Waits for the first frame and returns the time from spawn to it.
    pub fn first_frame(&mut self) -> Duration {
        let t0 = Instant::now();
        loop {
            if let Some(seen) = self.shared.lock().unwrap().seen {
                return seen - self.started;
            }
            if let Ok(Some(st)) = self.child.try_wait() {
                panic!(
                    "exited with {st:?} before its first frame:\n{}",
                    self.text()
                );
            }
            assert!(
                t0.elapsed() < TIMEOUT,
                "no first frame within {TIMEOUT:?}:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_micros(500));
        }
    }

    /// Waits until `pred` holds for the screen text.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let t0 = Instant::now();
        loop {
            if pred(&self.text()) {
                return;
            }
            assert!(
                t0.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits until the screen contains `needle`.
    pub fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("{needle:?}"), |s| s.contains(needle));
    }

    /// Writes bytes as a keyboard would.
    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("pty writer");
        w.write_all(bytes).expect("write to pty");
        w.flush().expect("flush pty");
    }

    /// Sends a key and waits until the screen changes.
    pub fn send_and_wait_change(&mut self, bytes: &[u8], what: &str) {
        let before = self.text();
        self.send(bytes);
        self.wait_until(what, |s| s != before);
    }

    /// Types text one character at a time, pausing like a person (and so that no
    /// character is glued to an Esc as Alt+key).
    pub fn type_str(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Sends F10 (quit) and waits for a clean exit.
    pub fn quit(mut self) {
        self.send(b"\x1b[21~");
        let t0 = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                assert!(st.success(), "exit status {st:?}:\n{}", self.text());
                break;
            }
            assert!(t0.elapsed() < TIMEOUT, "did not exit:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(2));
        }
        self.close();
    }

    fn close(&mut self) {
        self.writer.take();
        self.master.take();
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close();
    }
}

/// Peak resident set size (VmHWM) in bytes.
pub fn peak_rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// CPU time used so far by every thread of the process, in nanoseconds
/// (/proc/PID/task/*/schedstat; the clock-tick fields of /proc/PID/stat as a fallback).
pub fn cpu_ns(pid: u32) -> u64 {
    let mut total = 0u64;
    let mut found = false;
    if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for t in tasks.flatten() {
            if let Ok(s) = std::fs::read_to_string(t.path().join("schedstat"))
                && let Some(ns) = s
                    .split_whitespace()
                    .next()
                    .and_then(|x| x.parse::<u64>().ok())
            {
                total += ns;
                found = true;
            }
        }
    }
    if found {
        return total;
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the ")" that ends the command name: utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    (f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)) * 10_000_000
}

/// Context switches (voluntary + involuntary) of every thread: how often it woke up.
pub fn wakeups(pid: u32) -> u64 {
    wakeups_of(pid, None)
}

/// Context switches of the main thread only (the app's event loop).
pub fn main_thread_wakeups(pid: u32) -> u64 {
    wakeups_of(pid, Some(pid))
}

/// CPU time of the main thread only, in nanoseconds.
pub fn main_thread_cpu_ns(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/schedstat"))
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn wakeups_of(pid: u32, only: Option<u32>) -> u64 {
    let mut total = 0;
    if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for t in tasks.flatten() {
            if only.is_some_and(|tid| t.file_name().to_str() != Some(&tid.to_string())) {
                continue;
            }
            let s = std::fs::read_to_string(t.path().join("status")).unwrap_or_default();
            for l in s.lines() {
                if let Some(v) = l
                    .strip_prefix("voluntary_ctxt_switches:")
                    .or_else(|| l.strip_prefix("nonvoluntary_ctxt_switches:"))
                {
                    total += v.trim().parse::<u64>().unwrap_or(0);
                }
            }
        }
    }
    total
}

/// Bytes the process has read through read(2) and friends (`rchar` of /proc/PID/io):
/// what a cold start must fetch from the disk.
pub fn bytes_read(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/io"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("rchar:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// Number of threads of the process.
pub fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |d| d.count())
}
