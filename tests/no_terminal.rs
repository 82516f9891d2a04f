//! Issue 21.3: started without a terminal (stdin not a tty, stdout a pipe), the program
//! says how to start it, writes no escape sequence and exits 1 instead of panicking.

#[cfg(unix)]
use crate::common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn start_without_terminal(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sochibo"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env("SOCHIBO_CONFIG", data.with_extension("config"))
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn without_a_terminal_it_says_how_to_start_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let out = start_without_terminal(&dir.path().join("data"), &[]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cần một cửa sổ dòng lệnh"), "{err}");
    assert!(err.contains("MO-SO-CHI-BO.bat"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !out.stdout.contains(&0x1b),
        "escape on stdout: {:?}",
        text(&out.stdout)
    );
    assert!(!out.stderr.contains(&0x1b), "escape on stderr: {err:?}");
    assert!(out.stdout.is_empty(), "{:?}", text(&out.stdout));
}

#[test]
fn without_a_terminal_it_says_how_to_start_in_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let out = start_without_terminal(&dir.path().join("data"), &["--lang", "en", "--demo"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("needs a console window"), "{err}");
    assert!(!err.contains("cửa sổ"), "{err}");
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    assert!(out.stdout.is_empty());
}

#[test]
fn commands_still_run_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = start_without_terminal(&data, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = start_without_terminal(&data, &["export", "members"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 36);
}

/// Issue 21.3, Windows half: started with no console at all, the program opens a console
/// window of its own (`cmd /d /c start`, see `cli::tui::console_plan`, unit-tested there)
/// and that copy, marked by `SOCHIBO_OPENED_WINDOW`, says why and asks before it starts.
/// The copy's side runs here in a real pseudo-terminal.
#[cfg(unix)]
mod opened_window {
    use std::ffi::OsStr;
    use std::path::Path;

    use super::common::pty::{Pty, Spawn};

    fn start(dir: &Path) -> Pty {
        let data = dir.join("data");
        let config = dir.join("config");
        Pty::spawn(Spawn {
            bin: Path::new(env!("CARGO_BIN_EXE_sochibo")),
            args: vec![OsStr::new("--demo"), OsStr::new("--data"), data.as_os_str()],
            config: &config,
            env: vec![("SOCHIBO_OPENED_WINDOW", OsStr::new("1"))],
            cwd: None,
            size: (24, 80),
        })
    }

    #[test]
    fn the_copy_in_its_own_window_says_why_and_starts_on_enter() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = start(dir.path());
        p.wait_for_output("Nhấn Enter để bắt đầu");
        assert!(!p.output().contains("Việc cần làm"), "{}", p.output());
        p.send(b"\r");
        p.wait_for("Việc cần làm");
        p.send(b"\x1b[21~"); // F10
        assert!(p.wait_exit().success());
    }

    #[test]
    fn esc_closes_the_copy_without_starting() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = start(dir.path());
        p.wait_for_output("Nhấn Enter để bắt đầu");
        p.send(b"\x1b");
        let status = p.wait_exit();
        assert!(status.success());
        let out = p.output();
        assert!(out.contains("Đã đóng: chưa bắt đầu"), "{out}");
        assert!(!out.contains("Việc cần làm"), "{out}");
    }
}
