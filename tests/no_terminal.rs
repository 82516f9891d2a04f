//! Issue 21.3: started without a terminal (stdin not a tty, stdout a pipe), the program
//! says how to start it, writes no escape sequence and exits 1 instead of panicking.

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
