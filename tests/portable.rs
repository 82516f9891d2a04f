//! Portable mode (issue 21.7): a `sochibo-data` folder beside the program holds the data
//! (a USB stick); without it the data goes to the user's folder, as before.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A copy of the built program in `dir`, as on a USB stick.
fn copy_program(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let exe = dir.join("sochibo");
    std::fs::copy(env!("CARGO_BIN_EXE_sochibo"), &exe).unwrap();
    exe
}

/// Runs `exe` with `home` as the only place the environment names.
fn run(exe: &Path, home: &Path, args: &[&str], data_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(exe);
    cmd.args(args)
        .env("HOME", home)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env_remove("SOCHIBO_LANG")
        .env_remove("SOCHIBO_DATA")
        .env_remove("SOCHIBO_CONFIG")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME");
    if let Some(d) = data_env {
        cmd.env("SOCHIBO_DATA", d);
    }
    // A copy just written can be "busy" for a moment: another test's fork may still hold
    // the copy's write handle until its exec (a Linux race of parallel tests), so retry.
    for _ in 0..100 {
        match cmd.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other.unwrap(),
        }
    }
    cmd.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_sochibo_data_folder_beside_the_program_holds_the_data() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let stick = tmp.path().join("usb");
    let exe = copy_program(&stick);
    let portable = stick.join("sochibo-data");
    std::fs::create_dir(&portable).unwrap();

    let out = run(&exe, &home, &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains(&portable.display().to_string()), "{said}");
    assert!(portable.join("sled").is_dir());
    assert!(
        !home.join(".local").exists(),
        "nothing written to the user's folder"
    );

    // The next start reads the same data: 35 members and a header.
    let out = run(&exe, &home, &["export", "members"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 36);

    // SOCHIBO_DATA still wins over the folder beside the program.
    let elsewhere = tmp.path().join("elsewhere");
    let out = run(&exe, &home, &["demo"], Some(&elsewhere));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(elsewhere.join("sled").is_dir());
}

#[test]
fn without_the_folder_the_data_goes_to_the_users_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let exe = copy_program(&tmp.path().join("bin"));
    // A file of that name is not a data folder.
    std::fs::write(tmp.path().join("bin").join("sochibo-data"), b"").unwrap();

    let out = run(&exe, &home, &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected = home.join(".local/share/sochibo");
    assert!(
        text(&out.stdout).contains(&expected.display().to_string()),
        "{}",
        text(&out.stdout)
    );
    assert!(expected.join("sled").is_dir());
}
