//! `sochibo backup` and `sochibo restore`, run as a user would: files, messages, exit
//! codes, what is refused and what is kept; the questions on a real (pseudo-)terminal.

use crate::common;
use common::text;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sochibo::store::Store;
use sochibo::store::backup::{BACKUP_DIR, MAGIC, SnapshotV1, read_backup};
use sochibo::store::codec::checksum;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_sochibo")
}

/// Runs the binary in `cwd` with no terminal.
fn run_in(cwd: &Path, data: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .current_dir(cwd)
        .args(args)
        .arg("--data")
        .arg(data)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A temp folder with `data/` holding the demo branch (35 members).
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(run_in(dir.path(), &data, &["demo"]));
    (dir, data)
}

fn export(data: &Path) -> Vec<u8> {
    ok(run_in(Path::new("."), data, &["export", "members"])).stdout
}

#[test]
fn backup_writes_a_verified_owner_only_file_with_the_branch_in_its_name() {
    let (dir, data) = demo();
    let out = ok(run_in(dir.path(), &data, &["backup"]));
    let said = text(&out.stdout);
    assert!(
        said.contains("Đã sao lưu 35 đảng viên vào sochibo-chi-bo-to-dan-pho-hoa-binh-"),
        "{said}"
    );
    let name = entries(dir.path())
        .into_iter()
        .find(|n| n.ends_with(".scb"))
        .unwrap();
    assert!(said.contains(&name), "the message names the file: {said}");
    let info = read_backup(&dir.path().join(&name)).unwrap();
    assert_eq!(info.members, 35);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(&name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "backups hold personal data");
    }
    // -o with a folder (a USB stick) puts the default name there.
    let stick = dir.path().join("usb");
    std::fs::create_dir(&stick).unwrap();
    ok(run_in(
        dir.path(),
        &data,
        &["backup", "-o", stick.to_str().unwrap()],
    ));
    let on_stick = entries(&stick);
    assert_eq!(on_stick.len(), 1);
    assert!(on_stick[0].starts_with("sochibo-chi-bo-to-dan-pho-hoa-binh-"));
    // English.
    let out = ok(run_in(
        dir.path(),
        &data,
        &["--lang", "en", "backup", "-o", "x.scb"],
    ));
    assert!(text(&out.stdout).contains("Backed up 35 members to x.scb"));
}

#[test]
fn backup_replaces_only_an_older_backup_of_the_same_branch() {
    let (dir, data) = demo();
    let target = dir.path().join("usb.scb");
    let t = target.to_str().unwrap();
    ok(run_in(dir.path(), &data, &["backup", "-o", t]));
    let out = ok(run_in(dir.path(), &data, &["backup", "-o", t]));
    assert!(text(&out.stdout).contains("Đã thay bản sao lưu cũ cùng chi bộ"));

    // Somebody else's file of that name is never overwritten.
    let foreign = dir.path().join("bao-cao.scb");
    std::fs::write(&foreign, b"a report, not a backup").unwrap();
    let out = run_in(
        dir.path(),
        &data,
        &["backup", "-o", foreign.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("không phải bản sao lưu của Sổ chi bộ; không ghi đè"));
    assert_eq!(std::fs::read(&foreign).unwrap(), b"a report, not a backup");

    // Nor is another branch's backup.
    let other = dir.path().join("other");
    ok(run_in(dir.path(), &other, &["demo"]));
    {
        let s = Store::open(&other).unwrap();
        let mut b = s.branch().unwrap().unwrap();
        b.name = "Chi bộ Tổ dân phố số 7".into();
        s.save_branch(&b).unwrap();
    }
    let before = std::fs::read(&target).unwrap();
    let out = run_in(dir.path(), &other, &["backup", "-o", t]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("là bản sao lưu của chi bộ khác (Chi bộ Tổ dân phố Hòa Bình)"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[test]
fn backup_of_nothing_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("none");
    let out = run_in(dir.path(), &data, &["backup"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("chưa có dữ liệu nào để sao lưu"));
    assert!(!data.exists(), "no empty store was created");
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn restore_refuses_damaged_truncated_and_foreign_files_and_changes_nothing() {
    let (dir, data) = demo();
    let good = dir.path().join("good.scb");
    ok(run_in(
        dir.path(),
        &data,
        &["backup", "-o", good.to_str().unwrap()],
    ));
    let bytes = std::fs::read(&good).unwrap();
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x10;
    let newer = {
        let snap = SnapshotV1 {
            created_at: 0,
            schema_version: 99,
            trees: vec![],
        };
        let payload = bincode::serde::encode_to_vec(&snap, bincode::config::standard()).unwrap();
        let mut b = MAGIC.to_vec();
        b.push(1);
        b.extend_from_slice(&checksum(&payload).to_le_bytes());
        b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        b.extend_from_slice(&payload);
        b
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("flipped.scb", flipped, "đã hỏng hay bị cắt cụt"),
        (
            "truncated.scb",
            bytes[..bytes.len() - 100].to_vec(),
            "đã hỏng hay bị cắt cụt",
        ),
        (
            "danh-sach.csv",
            b"Ho va ten\r\nLe Van A\r\n".to_vec(),
            "không phải bản sao lưu hợp lệ",
        ),
        ("empty.scb", vec![], "không phải bản sao lưu hợp lệ"),
        ("newer.scb", newer, "phiên bản mới hơn"),
    ];
    let before_export = export(&data);
    let before_files = entries(&data);
    for (name, content, expected) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        for extra in [&[][..], &["--yes"][..]] {
            let mut args = vec!["restore", file.to_str().unwrap()];
            args.extend_from_slice(extra);
            let out = run_in(dir.path(), &data, &args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name}: {err}");
            assert!(err.contains(expected), "{name}: {err}");
            if name != "newer.scb" {
                assert!(err.contains(name), "the message names the file: {err}");
            }
            assert_eq!(entries(&data), before_files, "{name}: nothing written");
            assert_eq!(export(&data), before_export, "{name}: data unchanged");
        }
    }
    let out = run_in(
        dir.path(),
        &data,
        &["restore", "/nonexistent/x.scb", "--yes"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Không đọc được tệp sao lưu: /nonexistent/x.scb"));
    assert!(text(&out.stderr).contains("không thay đổi"));
}

#[test]
fn restore_into_an_empty_directory_needs_no_question() {
    let (dir, data) = demo();
    let file = dir.path().join("b.scb");
    ok(run_in(
        dir.path(),
        &data,
        &["backup", "-o", file.to_str().unwrap()],
    ));
    let fresh = dir.path().join("new-laptop");
    let out = ok(run_in(
        dir.path(),
        &fresh,
        &["restore", file.to_str().unwrap()],
    ));
    assert!(text(&out.stdout).contains("Đã phục hồi 35 đảng viên"));
    assert_eq!(export(&fresh), export(&data));
    // A store that was opened once but holds nothing counts as empty too.
    let blank = dir.path().join("blank");
    drop(Store::open(&blank).unwrap());
    ok(run_in(
        dir.path(),
        &blank,
        &["restore", file.to_str().unwrap()],
    ));
    assert_eq!(export(&blank), export(&data));
}

#[test]
fn restore_over_data_backs_it_up_keeps_it_and_asks_or_needs_yes() {
    let (dir, data) = demo();
    let file = dir.path().join("b.scb");
    ok(run_in(
        dir.path(),
        &data,
        &["backup", "-o", file.to_str().unwrap()],
    ));
    let at_backup = export(&data);
    // Change the data after the backup.
    {
        let s = Store::open(&data).unwrap();
        let (id, m) = s.members().unwrap().remove(0);
        s.delete_member(id).unwrap();
        assert!(!m.full_name.is_empty());
    }
    let changed = export(&data);
    assert_ne!(changed, at_backup);

    // No terminal, no --yes: refused, nothing written at all.
    let files = entries(&data);
    let out = run_in(dir.path(), &data, &["restore", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("34 đảng viên"));
    assert!(text(&out.stderr).contains("--yes"));
    assert_eq!(entries(&data), files);
    assert_eq!(export(&data), changed);

    // --yes: the current data is backed up first and its folder kept.
    let out = ok(run_in(
        dir.path(),
        &data,
        &["restore", file.to_str().unwrap(), "--yes"],
    ));
    let said = text(&out.stdout);
    assert!(said.contains("Đã sao lưu dữ liệu hiện tại vào"), "{said}");
    assert!(said.contains("Đã phục hồi 35 đảng viên"), "{said}");
    assert_eq!(export(&data), at_backup, "exactly the backed-up data");
    // Beside the automatic backups (the command-line writes leave one too), one safety copy.
    let safety: Vec<String> = entries(&data.join(BACKUP_DIR))
        .into_iter()
        .filter(|n| n.contains("truoc-phuc-hoi"))
        .collect();
    assert_eq!(safety.len(), 1, "{safety:?}");
    assert!(safety[0].ends_with("-truoc-phuc-hoi.scb"));
    assert!(said.contains(&safety[0]));
    let safety_info = read_backup(&data.join(BACKUP_DIR).join(&safety[0])).unwrap();
    assert_eq!(
        safety_info.members, 34,
        "the safety copy holds the replaced data"
    );
    let kept: Vec<_> = entries(&data)
        .into_iter()
        .filter(|n| n.starts_with("sled.before-restore-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(said.contains(&kept[0]));
    // And that safety copy restores the replaced data again.
    let back = data.join(BACKUP_DIR).join(&safety[0]);
    ok(run_in(
        dir.path(),
        &data,
        &["restore", back.to_str().unwrap(), "--yes"],
    ));
    assert_eq!(export(&data), changed);
}

#[test]
fn restore_respects_the_lock_of_a_running_copy() {
    let (dir, data) = demo();
    let file = dir.path().join("b.scb");
    ok(run_in(
        dir.path(),
        &data,
        &["backup", "-o", file.to_str().unwrap()],
    ));
    let open = Store::open(&data).unwrap();
    let files = entries(&data);
    let out = run_in(
        dir.path(),
        &data,
        &["restore", file.to_str().unwrap(), "--yes"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("đang được mở ở một cửa sổ Sổ chi bộ khác"));
    assert_eq!(entries(&data), files);
    assert_eq!(open.members().unwrap().len(), 35);
    let out = run_in(dir.path(), &data, &["backup", "-o", "y.scb"]);
    assert_eq!(out.status.code(), Some(1), "backup needs the lock too");
}

// ---------------------------------------------------------------------------------------
// On a terminal

#[cfg(unix)]
mod on_a_terminal {
    use super::*;
    use common::pty::{Pty, Spawn};
    use sochibo::store::DB_DIR;
    use sochibo::store::backup;
    use std::ffi::OsStr;

    /// The program (debug build) in a 24×100 pseudo-terminal.
    fn spawn(args: &[&OsStr], config: &Path) -> Pty {
        Pty::spawn(Spawn {
            bin: Path::new(bin()),
            args: args.to_vec(),
            config,
            env: Vec::new(),
            cwd: None,
            size: (24, 100),
        })
    }

    #[test]
    fn restore_asks_on_a_terminal_and_only_co_or_yes_goes_ahead() {
        let (dir, data) = demo();
        let file = dir.path().join("b.scb");
        ok(run_in(
            dir.path(),
            &data,
            &["backup", "-o", file.to_str().unwrap()],
        ));
        {
            let s = Store::open(&data).unwrap();
            let (id, _) = s.members().unwrap().remove(0);
            s.delete_member(id).unwrap();
        }
        let changed = export(&data);
        let args = [
            OsStr::new("restore"),
            file.as_os_str(),
            OsStr::new("--data"),
            data.as_os_str(),
        ];
        let config = dir.path().join("config");

        // Anything but co/yes cancels and changes nothing.
        let mut p = spawn(&args, &config);
        p.wait_for_output("Gõ \"co\" rồi Enter để đồng ý");
        assert!(p.output().contains("34 đảng viên") && p.output().contains("35 đảng viên"));
        p.type_str("khong\r");
        p.wait_for_output("Đã hủy");
        assert_eq!(p.wait_exit().exit_code(), 1);
        assert_eq!(export(&data), changed);

        // "có" (with its accent, as a Vietnamese keyboard types it) goes ahead.
        let mut p = spawn(&args, &config);
        p.wait_for_output("Gõ \"co\"");
        p.type_str("có\r");
        p.wait_for_output("Đã phục hồi 35 đảng viên");
        assert_eq!(p.wait_exit().exit_code(), 0);
        assert_eq!(export(&data).len(), {
            let fresh = dir.path().join("check");
            ok(run_in(
                dir.path(),
                &fresh,
                &["restore", file.to_str().unwrap()],
            ));
            export(&fresh).len()
        });
    }

    #[test]
    fn the_app_restores_a_damaged_store_from_the_newest_backup_says_so_and_opens_it() {
        let (dir, data) = demo();
        {
            let s = Store::open(&data).unwrap();
            s.auto_backup(true).unwrap().unwrap();
        }
        let expected = export(&data);
        std::fs::write(data.join(DB_DIR).join("conf"), b"\x00garbage\xff").unwrap();
        let config = dir.path().join("config");
        // At every start until dismissed, the home screen says what was found, where
        // the damaged copy is, what the register was rebuilt from, and how to stop the
        // warning (no line prompt before the screen: issue 20).
        for round in 0..2 {
            let mut p = spawn(&[OsStr::new("--data"), data.as_os_str()], &config);
            let flat = |s: &vt100::Screen| {
                s.contents()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            p.wait_until("the damage warning", |s| flat(s).contains("để bỏ cảnh báo"));
            let shown = p.with_screen(flat);
            assert!(
                shown.contains("bị hỏng")
                    && shown.contains("sled.damaged-")
                    && shown.contains("tự động phục hồi từ bản sao lưu"),
                "start {round}: {shown}"
            );
            assert!(!p.output().contains("Nhấn Enter để tiếp tục"));
            // The register opens on the restored data (on "Việc cần làm"; Alt+1 shows the
            // roster; F10 quits).
            p.wait_for("Việc cần làm");
            p.send(b"\x1b1");
            p.wait_past_keys_moved("Tất cả 35");
            p.send(b"\x1b[21~");
            assert_eq!(p.wait_exit().exit_code(), 0, "{}", p.output());
        }
        assert_eq!(export(&data), expected);
        assert!(
            entries(&data)
                .iter()
                .any(|n| n.starts_with("sled.damaged-")),
            "the damaged files are still kept"
        );
        // The automatic backups are still there.
        assert!(backup::newest_good_backup(&data.join(BACKUP_DIR)).is_some());
    }
}
