//! `sochibo encrypt` / `decrypt` run as a user would (with `--passphrase-file`, since the
//! tests have no terminal): round trip, wrong passphrase, the recovery code, sealed backups,
//! and no names left in clear in the files.

use crate::common;
use common::text;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sochibo::store::Store;
use sochibo::store::backup::{MAGIC, read_backup};
use sochibo::store::history::Revert;

const PASS: &str = "Chi bộ Hòa Bình 2026";

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sochibo"))
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

fn failed(out: Output) -> String {
    assert!(!out.status.success(), "{}", text(&out.stdout));
    text(&out.stderr)
}

/// A temp folder with `data/` (the demo branch), a passphrase file and a wrong one.
struct Setup {
    dir: tempfile::TempDir,
    data: PathBuf,
    pass: String,
    wrong: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(run(&data, &["demo"]));
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "Chi bộ Hòa Bình 2025\n").unwrap();
    Setup {
        data,
        pass: pass.display().to_string(),
        wrong: wrong.display().to_string(),
        dir,
    }
}

/// The members as CSV (the export needs the passphrase once encrypted).
fn export(data: &Path, pass: Option<&str>) -> String {
    let mut args = vec!["export", "members"];
    if let Some(p) = pass {
        args.extend(["--passphrase-file", p]);
    }
    text(&ok(run(data, &args)).stdout)
}

/// The recovery code printed by `encrypt`: six groups of four.
fn recovery_code(said: &str) -> String {
    said.split_whitespace()
        .find(|w| w.len() == 29 && w.split('-').count() == 6)
        .expect("a recovery code")
        .to_string()
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A member's name and card number from the data, before encryption.
fn a_member(data: &Path) -> (String, String) {
    let s = Store::open(data).unwrap();
    let (_, m) = s
        .members()
        .unwrap()
        .into_iter()
        .find(|(_, m)| !m.card_number.is_empty())
        .unwrap();
    (m.full_name, m.card_number)
}

#[test]
fn encrypt_and_decrypt_round_trip_and_nothing_is_left_in_clear() {
    let s = setup();
    let before = export(&s.data, None);
    let (name, card) = a_member(&s.data);
    // Automatic backups exist before encryption (`demo` left one, as every command-line
    // write does, and one more is put there): they get sealed too.
    std::fs::create_dir_all(s.data.join("backups")).unwrap();
    ok(run(
        &s.data,
        &[
            "backup",
            "-o",
            &s.data.join("backups").display().to_string(),
        ],
    ));
    let plain_files = files(&s.data);
    assert!(
        plain_files
            .iter()
            .any(|(_, b)| contains(b, name.as_bytes())),
        "the test looks for a name that is there in clear before"
    );

    let out = ok(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    let said = text(&out.stdout);
    assert!(said.contains("Đã mã hóa dữ liệu (35 đảng viên)"), "{said}");
    assert!(said.contains("Đã mã hóa 2 bản sao lưu"), "{said}");
    assert!(said.contains("MẤT CẢ MẬT KHẨU LẪN MÃ KHÔI PHỤC"), "{said}");
    recovery_code(&said);

    // No name, card number or the passphrase anywhere in the data folder.
    for (path, bytes) in files(&s.data) {
        assert!(
            !contains(&bytes, name.as_bytes()),
            "{name} in {}",
            path.display()
        );
        assert!(
            !contains(&bytes, card.as_bytes()),
            "{card} in {}",
            path.display()
        );
        assert!(
            !contains(&bytes, PASS.as_bytes()),
            "passphrase in {}",
            path.display()
        );
    }
    let names: Vec<_> = std::fs::read_dir(&s.data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with("sled.")),
        "the clear copy is gone: {names:?}"
    );
    let backups = sochibo::store::backup::list_backups(&s.data.join("backups"));
    assert_eq!(backups.len(), 2);
    assert!(backups.iter().all(|b| read_backup(b).unwrap().sealed));

    // Without the passphrase (and no terminal): refused, saying how.
    let err = failed(run(&s.data, &["export", "members"]));
    assert!(err.contains("--passphrase-file"), "{err}");
    // With it: the same data.
    assert_eq!(export(&s.data, Some(&s.pass)), before);
    // Encrypting twice is refused.
    let err = failed(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    assert!(err.contains("đã được mã hóa rồi"), "{err}");

    let out = ok(run(&s.data, &["decrypt", "--passphrase-file", &s.pass]));
    assert!(
        text(&out.stdout).contains("Đã giải mã"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(export(&s.data, None), before);
    assert!(!Store::open(&s.data).unwrap().is_sealed());
    let err = failed(run(&s.data, &["decrypt"]));
    assert!(err.contains("chưa được mã hóa"), "{err}");
}

#[test]
fn a_wrong_passphrase_is_a_clear_message_and_touches_nothing() {
    let s = setup();
    let before = export(&s.data, None);
    ok(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    let snapshot = |data: &Path| {
        let st = Store::open(data).unwrap();
        st.unlock(PASS).unwrap();
        (
            st.members().unwrap(),
            st.meetings().unwrap(),
            st.history().unwrap(),
        )
    };
    let records = snapshot(&s.data);
    let sled = files(&s.data.join("sled"));
    for args in [
        vec!["export", "members"],
        vec!["decrypt"],
        vec!["backup", "-o", "x.scb"],
    ] {
        let mut args = args.clone();
        args.extend(["--passphrase-file", &s.wrong]);
        let err = failed(run(&s.data, &args));
        assert!(err.contains("Sai mật khẩu"), "{args:?}: {err}");
        assert!(err.contains("không bị thay đổi"), "{err}");
    }
    assert_eq!(
        files(&s.data.join("sled")),
        sled,
        "the database files, byte for byte"
    );
    assert_eq!(snapshot(&s.data), records);
    assert!(Store::open(&s.data).unwrap().is_sealed());
    assert_eq!(export(&s.data, Some(&s.pass)), before);
}

#[test]
fn the_recovery_code_unlocks() {
    let s = setup();
    let before = export(&s.data, None);
    let out = ok(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    let code = recovery_code(&text(&out.stdout));
    let code_file = s.dir.path().join("code.txt");
    // Typed in lower case with spaces: still the code.
    std::fs::write(&code_file, code.to_lowercase().replace('-', " ")).unwrap();
    let code_file = code_file.display().to_string();
    assert_eq!(export(&s.data, Some(&code_file)), before);
    ok(run(&s.data, &["decrypt", "--passphrase-file", &code_file]));
    assert_eq!(export(&s.data, None), before);
}

#[test]
fn a_sealed_backup_restores_only_with_the_passphrase() {
    let s = setup();
    let before = export(&s.data, None);
    // An unsealed backup made before encryption stays readable without a passphrase.
    let old = s.dir.path().join("old.scb");
    ok(run(&s.data, &["backup", "-o", &old.display().to_string()]));
    ok(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    let file = s.dir.path().join("sealed.scb");
    let shown = file.display().to_string();
    ok(run(
        &s.data,
        &["backup", "-o", &shown, "--passphrase-file", &s.pass],
    ));
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..MAGIC.len()], MAGIC);
    assert_eq!(bytes[MAGIC.len()], 2, "format 2: sealed");
    let (name, _) = {
        let st = Store::open(&s.data).unwrap();
        st.unlock(PASS).unwrap();
        let (_, m) = st.members().unwrap().remove(0);
        (m.full_name, ())
    };
    assert!(!contains(&bytes, name.as_bytes()));
    // The same backup replaced by a newer one: our key opens it, same branch.
    ok(run(
        &s.data,
        &["backup", "-o", &shown, "--passphrase-file", &s.pass],
    ));

    let target = s.dir.path().join("laptop2");
    let err = failed(run(&target, &["restore", &shown]));
    assert!(err.contains("--passphrase-file"), "{err}");
    let err = failed(run(
        &target,
        &["restore", &shown, "--passphrase-file", &s.wrong],
    ));
    assert!(err.contains("Sai mật khẩu"), "{err}");
    assert!(!sochibo::store::restore::has_database(&target));
    ok(run(
        &target,
        &["restore", &shown, "--passphrase-file", &s.pass],
    ));
    assert!(Store::open(&target).unwrap().is_sealed());
    assert_eq!(export(&target, Some(&s.pass)), before);

    let target = s.dir.path().join("laptop3");
    ok(run(&target, &["restore", &old.display().to_string()]));
    assert_eq!(export(&target, None), before);
}

#[test]
fn history_and_undo_work_on_sealed_data() {
    let s = setup();
    ok(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    let st = Store::open(&s.data).unwrap();
    assert!(matches!(
        st.members(),
        Err(sochibo::store::StoreError::Locked)
    ));
    st.unlock(PASS).unwrap();
    let (id, m) = st
        .members()
        .unwrap()
        .into_iter()
        .find(|(_, m)| !m.card_number.is_empty())
        .unwrap();
    let mut edited = m.clone();
    edited.phone = "0900000000".into();
    st.save_member(Some(id), &edited).unwrap();
    let h = st.history_of("members", id).unwrap();
    assert_eq!(
        h[0].new.as_ref().map(|b| b[0]),
        Some(sochibo::store::schema::member::v3::VERSION),
        "plain codec bytes"
    );
    st.revert(&[Revert {
        tree: "members".into(),
        key: id,
        expect: h[0].new.clone(),
        to: h[0].old.clone(),
    }])
    .unwrap();
    assert_eq!(st.member(id).unwrap().unwrap(), m);
    // Card numbers are indexed by keyed hash: a duplicate is still caught.
    let mut dup = m.clone();
    dup.full_name = "Người Khác".into();
    assert!(matches!(
        st.save_member(None, &dup),
        Err(sochibo::store::StoreError::CardTaken(n)) if n == m.full_name
    ));
}

#[test]
fn encrypted_data_writes_the_wards_bundle_but_no_full_copy_the_ward_could_not_read() {
    let s = setup();
    ok(run(&s.data, &["encrypt", "--passphrase-file", &s.pass]));
    let full = s.dir.path().join("day-du.scb");
    let out = run(
        &s.data,
        &[
            "export",
            "bundle",
            "--full",
            "-o",
            full.to_str().unwrap(),
            "--passphrase-file",
            &s.pass,
        ],
    );
    let said = failed(out);
    assert!(said.contains("sochibo decrypt"), "{said}");
    assert!(!full.exists());
    // The ward's bundle has no names, so it is written in the clear and read by the ward.
    let bundle = s.dir.path().join("goi.scb");
    ok(run(
        &s.data,
        &[
            "export",
            "bundle",
            "-o",
            bundle.to_str().unwrap(),
            "--passphrase-file",
            &s.pass,
        ],
    ));
    let (info, reg) = sochibo::store::backup::load_register(&bundle).unwrap();
    assert!(!info.sealed);
    let reg = reg.unwrap();
    assert!(!reg.members.is_empty());
    assert!(reg.members.iter().all(|(_, m)| m.full_name.is_empty()));
    ok(run(&s.data, &["decrypt", "--passphrase-file", &s.pass]));
    ok(run(
        &s.data,
        &["export", "bundle", "--full", "-o", full.to_str().unwrap()],
    ));
    assert!(full.exists());
}
