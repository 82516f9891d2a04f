//! Damaged data: a store sled refuses, a store sled opens with saves missing, a record
//! that cannot be decoded. Each gives a clear message naming the directory, keeps the
//! damaged files aside, names the newest good backup with the exact command that
//! restores it, never panics and never leaves the terminal in a broken state.

use crate::common;
use common::text;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sochibo::domain::demo;
use sochibo::store::backup::BACKUP_DIR;
use sochibo::store::{DB_DIR, Damage, Store, StoreError};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Runs the binary with no terminal (stdin closed), a private config folder and
/// Vietnamese unless `args` say otherwise.
fn sochibo(data: &Path, args: &[&str]) -> Output {
    let config = data.with_extension("config");
    Command::new(env!("CARGO_BIN_EXE_sochibo"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env("SOCHIBO_CONFIG", &config)
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A data directory with `n` members saved one by one and an automatic backup.
fn data_with_backup(data: &Path, n: usize) -> PathBuf {
    let s = Store::open(data).unwrap();
    s.save_branch(&demo::demo_branch()).unwrap();
    for m in demo::demo_members(8, n, today()) {
        s.save_member(None, &m).unwrap();
    }
    s.auto_backup(true).unwrap().unwrap().path
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The restore command the message tells the user to type, split into arguments.
fn advised_restore(stderr: &str) -> Vec<String> {
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("sochibo restore "))
        .unwrap_or_else(|| panic!("no restore command in: {stderr}"));
    let quoted: Vec<String> = line.split('"').map(str::to_string).collect();
    // sochibo restore "FILE" --data "DIR"
    assert_eq!(quoted.len(), 5, "{line}");
    vec![
        "restore".into(),
        quoted[1].clone(),
        "--data".into(),
        quoted[3].clone(),
    ]
}

/// The last snapshot file sled wrote in database folder `db` (`snap.<16 hex digits>`).
fn last_snapshot(db: &Path) -> String {
    entries(db)
        .into_iter()
        .filter(|n| n.starts_with("snap.") && !n.ends_with(".generating"))
        .max()
        .unwrap_or_else(|| panic!("no snapshot in {}: {:?}", db.display(), entries(db)))
}

#[test]
fn an_open_killed_while_sled_wrote_its_snapshot_loses_nothing() {
    // Issue 20's reproduction: `sochibo demo --data D; sochibo --data D export members;
    // : > D/sled/snap.<last + 1>.generating; sochibo --data D export members`. sled
    // 0.34.7 refuses the whole database over such a file (spacejam/sled#1527).
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = sochibo(&data, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = sochibo(&data, &["export", "members"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let db = data.join(DB_DIR);
    let last = last_snapshot(&db);
    let n = u64::from_str_radix(&last["snap.".len()..], 16).unwrap();
    let stray = format!("snap.{:016X}.generating", n + 1);
    std::fs::write(db.join(&stray), b"").unwrap();

    let again = sochibo(&data, &["export", "members"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(
        text(&again.stdout),
        text(&first.stdout),
        "every member is there"
    );
    assert_eq!(
        text(&again.stdout).lines().count(),
        36,
        "35 members and the header"
    );
    assert!(text(&again.stderr).is_empty(), "{}", text(&again.stderr));
    // The stray file is kept in a side folder, not deleted; nothing was called damaged.
    let names = entries(&data);
    let aside = names
        .iter()
        .find(|n| n.starts_with("sled.incomplete-"))
        .unwrap_or_else(|| panic!("{names:?}"));
    assert!(data.join(aside).join(&stray).exists());
    assert!(!names.iter().any(|n| n.contains("damaged")), "{names:?}");
    assert!(!db.join(&stray).exists());
}

#[test]
fn a_store_sled_cannot_open_is_rebuilt_from_the_newest_backup_and_said_until_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let backup = data_with_backup(&data, 12);
    std::fs::write(data.join(DB_DIR).join("conf"), b"\x00garbage\xff").unwrap();

    // Any command: a clear message, never a panic; the command runs on the backup's data.
    let out = sochibo(&data, &["export", "members"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        text(&out.stdout).lines().count(),
        13,
        "the backup's 12 members"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains(&format!("dữ liệu trong thư mục {} bị hỏng", data.display())),
        "{err}"
    );
    assert!(err.contains("sled.damaged-"), "{err}");
    assert!(err.contains(&backup.display().to_string()), "{err}");
    assert!(err.contains("12 đảng viên"), "{err}");

    // The damaged files are kept, nothing deleted; the damaged folder is out of the way.
    let names = entries(&data);
    let aside = names
        .iter()
        .find(|n| n.starts_with("sled.damaged-") && !n.ends_with(".stamp"))
        .unwrap_or_else(|| panic!("{names:?}"));
    assert!(data.join(aside).join("conf").exists() && data.join(aside).join("db").exists());
    assert_eq!(Store::open(&data).unwrap().members().unwrap().len(), 12);

    // Every later start says it again, naming the same damaged folder.
    for cmd in [&["todo"][..], &["export", "members"]] {
        let out = sochibo(&data, cmd);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{cmd:?}: {err}");
        assert!(
            err.contains(aside.as_str()) && err.contains("bị hỏng"),
            "{cmd:?}: {err}"
        );
    }

    // The command it advises, typed as shown, stops the warning; the copy stays.
    let line = err
        .lines()
        .find(|l| l.trim_start().starts_with("sochibo dismiss-damage "))
        .unwrap_or_else(|| panic!("no dismiss command in: {err}"));
    let shown_dir = line.split('"').nth(1).unwrap();
    assert_eq!(shown_dir, data.display().to_string());
    let out = sochibo(&data, &["dismiss-damage"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(aside.as_str()));
    let out = sochibo(&data, &["todo"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
    assert!(data.join(aside).join("db").exists());
}

#[test]
fn a_store_that_opens_with_saves_missing_is_not_used_silently() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    data_with_backup(&data, 30);
    // Cut the log: sled opens what is left without a word (see store::tests).
    let db = data.join(DB_DIR).join("db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    // The interactive start, with no terminal: message, backup, no terminal mode.
    let out = sochibo(&data, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bị hỏng"), "{err}");
    assert!(
        err.contains("các thay đổi đã lưu không còn") || err.contains("không đọc được"),
        "{err}"
    );
    assert!(err.contains("tự động phục hồi từ bản sao lưu"), "{err}");
    assert!(err.contains("sochibo dismiss-damage"), "{err}");
    assert!(
        !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
        "no terminal escape: the terminal was never switched"
    );
    // The register is the backup's, never an empty one; the warning stays.
    assert_eq!(Store::open(&data).unwrap().members().unwrap().len(), 30);
    let out = sochibo(&data, &["todo"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("bị hỏng"));
}

#[test]
fn no_backup_at_all_refuses_every_command_until_restored() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let s = Store::open(&data).unwrap();
        for m in demo::demo_members(8, 4, today()) {
            s.save_member(None, &m).unwrap();
        }
    }
    // A backup on a USB stick, not in the data directory's backups/.
    let stick = dir.path().join("stick.scb");
    let out = sochibo(&data, &["backup", "-o", stick.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!data.join(BACKUP_DIR).exists() || entries(&data.join(BACKUP_DIR)).is_empty());
    std::fs::write(data.join(DB_DIR).join("conf"), b"\x00garbage\xff").unwrap();
    // Not once, but at every start: the register is empty because of the damage.
    for cmd in [
        &["export", "members"][..],
        &["todo"],
        &["export", "members"],
    ] {
        let mut args = vec!["--lang", "en"];
        args.extend_from_slice(cmd);
        let out = sochibo(&data, &args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{cmd:?}: {err}");
        assert!(out.stdout.is_empty(), "{cmd:?}");
        assert!(err.contains("was found damaged"), "{err}");
        assert!(err.contains("sled.damaged-"), "{err}");
        assert!(
            err.contains(&format!(
                "No good backup in {}",
                data.join(BACKUP_DIR).display()
            )),
            "{err}"
        );
        assert!(
            err.contains("the register is empty because the data was damaged"),
            "{err}"
        );
    }
    // Restoring the stick's backup answers the warning.
    let out = sochibo(&data, &["restore", stick.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = sochibo(&data, &["export", "members"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 5);
}

#[test]
fn a_record_that_cannot_be_decoded_is_named_at_start_with_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    data_with_backup(&data, 5);
    // Damage one record's bytes behind the store's back (sled itself is fine).
    {
        let db = sled::open(data.join(DB_DIR)).unwrap();
        let members = db.open_tree("members").unwrap();
        let (key, _) = members.first().unwrap().unwrap();
        members.insert(key, &[1u8, 0xFF, 0xFF][..]).unwrap();
        db.flush().unwrap();
    }
    let id = {
        let s = Store::open(&data).unwrap();
        match s.members() {
            Err(StoreError::Corrupt { tree, key, .. }) => {
                assert_eq!(tree, "members");
                key
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
    };
    let out = sochibo(&data, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("Có bản ghi bị hỏng, không đọc được: members/{id}")),
        "{err}"
    );
    assert!(err.contains("Bản sao lưu tốt gần nhất"), "{err}");
    assert!(err.contains("sochibo restore \""), "{err}");
    assert!(!out.stderr.contains(&0x1b));
    // sled was fine, so nothing was moved aside.
    assert!(data.join(DB_DIR).exists());
    assert!(!entries(&data).iter().any(|n| n.contains("damaged")));

    // Restoring over it works although the current data has a bad record: the safety
    // copy taken first does not need every record to decode.
    let args = advised_restore(&err);
    let out = Command::new(env!("CARGO_BIN_EXE_sochibo"))
        .args(&args)
        .arg("--yes")
        .stdin(Stdio::null())
        .env_remove("SOCHIBO_LANG")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("truoc-phuc-hoi.scb"));
    assert_eq!(Store::open(&data).unwrap().members().unwrap().len(), 5);
}

/// xorshift64*, seeded: reproducible damage.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[test]
fn random_damage_to_the_database_files_never_panics_and_never_loses_silently() {
    // 60 members saved one by one, then one file of the database damaged at random
    // (a flipped bit, a cut, a run of garbage). Opening must either fail with an error
    // or give back all 60 members, every one decodable: never a panic, never fewer.
    let dir = tempfile::tempdir().unwrap();
    let golden = dir.path().join("golden");
    {
        let s = Store::open(&golden).unwrap();
        for m in demo::demo_members(21, 60, today()) {
            s.save_member(None, &m).unwrap();
        }
    }
    let files: Vec<String> = entries(&golden.join(DB_DIR))
        .into_iter()
        .filter(|n| golden.join(DB_DIR).join(n).is_file())
        .collect();
    let mut rng = Rng(0xda_3a_6e_d0);
    let (mut refused, mut caught_by_stamp, mut intact) = (0, 0, 0);
    for case in 0..60 {
        let d = dir.path().join(format!("case{case}"));
        std::fs::create_dir_all(d.join(DB_DIR)).unwrap();
        std::fs::copy(golden.join("store.stamp"), d.join("store.stamp")).unwrap();
        for f in &files {
            std::fs::copy(golden.join(DB_DIR).join(f), d.join(DB_DIR).join(f)).unwrap();
        }
        let victim = &files[rng.next() as usize % files.len()];
        let path = d.join(DB_DIR).join(victim);
        let mut bytes = std::fs::read(&path).unwrap();
        if bytes.is_empty() {
            continue;
        }
        let at = rng.next() as usize % bytes.len();
        let how = rng.next() % 3;
        match how {
            0 => bytes[at] ^= 1 << (rng.next() % 8),
            1 => bytes.truncate(at),
            _ => {
                for b in bytes.iter_mut().skip(at).take(64) {
                    *b = rng.next() as u8;
                }
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| match Store::open(&d) {
            Ok(s) => Ok(s.members().map(|m| m.len())),
            Err(e) => Err(e),
        });
        let what = format!("case {case}: {victim} damaged ({how}) at {at}");
        match outcome {
            Err(_) => panic!("panicked: {what}"),
            Ok(Err(StoreError::Damaged {
                why: Damage::Lost { .. },
                ..
            })) => caught_by_stamp += 1,
            Ok(Err(_)) | Ok(Ok(Err(_))) => refused += 1,
            Ok(Ok(Ok(n))) => {
                assert_eq!(n, 60, "opened with members silently missing: {what}");
                intact += 1;
            }
        }
        let _ = std::fs::remove_dir_all(&d);
    }
    eprintln!(
        "random damage: {refused} refused by sled, {caught_by_stamp} opened by sled with \
         saves missing and refused by the stamp check, {intact} opened intact"
    );
    assert!(
        refused + caught_by_stamp > 0,
        "the damage should have been noticed"
    );
}
