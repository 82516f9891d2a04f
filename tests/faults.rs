//! Disk full and read-only: a save that fails is not acknowledged and leaves no partial
//! record; a backup or export that fails leaves no partial file (and an older file of
//! that name intact); every failure is a clear message.
//!
//! Techniques, since tests may run as root (where file permissions do not bind):
//! - a full standard output: `/dev/full`;
//! - a file-size limit (`ulimit -f`, SIGXFSZ ignored) under the stress writer: sled's
//!   writes fail like on a full disk, with no privileges needed;
//! - a real full disk and a real read-only folder: a small tmpfs and a read-only bind
//!   mount inside a private mount namespace (`unshare -rm`), which works as root and,
//!   where user namespaces are allowed, as a normal user. Where it is not available
//!   those tests say so and are skipped (a normal user gets a `chmod` fallback for the
//!   read-only case).

use crate::common;
use common::text;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use sochibo::domain::member::Member;
use sochibo::store::Store;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_sochibo")
}

fn sochibo(data: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .arg("--data")
        .arg(data)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn demo_data(data: &Path) {
    let out = sochibo(data, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Whether `unshare -rm` lets us mount a tmpfs in a private mount namespace here.
fn private_mounts() -> bool {
    static OK: OnceLock<bool> = OnceLock::new();
    *OK.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("unshare")
            .args([
                "-rm",
                "sh",
                "-c",
                "mount -t tmpfs -o size=64k tmpfs \"$1\"",
                "sh",
            ])
            .arg(dir.path())
            .stdin(Stdio::null())
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!(
                "SKIPPED: `unshare -rm` cannot mount here (no user/mount namespaces): the \
                 tmpfs and read-only-mount cases do not run on this machine"
            );
        }
        ok
    })
}

/// Runs `script` with `sh` in a private mount namespace; `$1`, `$2`, … are `args`.
fn in_namespace(script: &str, args: &[&OsStr]) -> Output {
    Command::new("unshare")
        .args(["-rm", "sh", "-c", script, "sh"])
        .args(args)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// What a stress writer acknowledged (`ack <id> <name>`), by id (latest name wins).
fn acks(stdout: &str) -> HashMap<u64, String> {
    stdout
        .lines()
        .filter_map(|l| {
            let mut p = l.splitn(3, ' ');
            match (p.next(), p.next(), p.next()) {
                (Some("ack"), Some(id), Some(name)) => Some((id.parse().ok()?, name.into())),
                _ => None,
            }
        })
        .collect()
}

/// Checks a data directory after a writer failed: it opens, every record decodes,
/// every acknowledged save is there, and at most one more (the failed one) is there,
/// whole. Returns how many members are stored.
fn check_after_failed_writer(data: &Path, acked: &HashMap<u64, String>, writer_out: &str) -> usize {
    let store = Store::open(data).expect("the store opens after the failed save");
    let members: HashMap<u64, Member> = store
        .members()
        .expect("every record decodes")
        .into_iter()
        .collect();
    store.history().expect("every history entry decodes");
    for (id, name) in acked {
        let m = members
            .get(id)
            .unwrap_or_else(|| panic!("acknowledged {id} {name} missing"));
        let last_try_was_this_edit = writer_out
            .lines()
            .last()
            .is_some_and(|l| l.starts_with(&format!("try {id} ")) && l.ends_with(&m.full_name));
        assert!(
            m.full_name == *name || last_try_was_this_edit,
            "{id}: {} ≠ {name}",
            m.full_name
        );
    }
    let extra: Vec<_> = members
        .keys()
        .filter(|id| !acked.contains_key(id))
        .collect();
    assert!(extra.len() <= 1, "unacknowledged members: {extra:?}");
    for m in members.values() {
        assert!(
            m.notes.starts_with(&format!("{}: ", m.full_name)),
            "a partial record: {m:?}"
        );
    }
    members.len()
}

#[test]
fn a_full_stdout_is_an_error_not_a_silent_short_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    demo_data(&data);
    let out = Command::new(bin())
        .args(["export", "members", "--data"])
        .arg(&data)
        .stdin(Stdio::null())
        .stdout(File::options().write(true).open("/dev/full").unwrap())
        .stderr(Stdio::piped())
        .env_remove("SOCHIBO_LANG")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Không ghi được tệp stdout: No space left on device"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn saves_that_hit_the_file_size_limit_are_not_acknowledged_and_leave_nothing_partial() {
    // sled's db file may not grow past 1 MiB (dash counts 512-byte blocks; bash 1 KiB).
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = Command::new("sh")
        .args(["-c", "ulimit -f 2048; trap '' XFSZ; exec \"$0\" \"$@\""])
        .arg(bin())
        .args(["__stress-writer", "--data"])
        .arg(&data)
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("Lỗi ghi/đọc ổ đĩa") && stderr.contains("Thay đổi chưa được lưu"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let acked = acks(&stdout);
    assert!(acked.len() > 10, "some saves fit: {}", acked.len());
    let stored = check_after_failed_writer(&data, &acked, &stdout);
    assert!(stored >= acked.len());
}

#[test]
fn a_full_disk_refuses_saves_backups_and_exports_cleanly_and_recovers_when_freed() {
    if !private_mounts() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (disk, work) = (dir.path().join("disk"), dir.path().join("work"));
    std::fs::create_dir_all(&disk).unwrap();
    std::fs::create_dir_all(&work).unwrap();
    // A 4 MiB disk with 2 MiB of ballast: the writer fills it, the ballast is then
    // deleted as a user would free space, and the data must open and be complete.
    // Freeing must leave room for what the backup needs: sled's new 512 KiB segment at
    // open plus the backup file (about half of what the writer stored). With 1 MiB of
    // ballast that was sometimes too little, and the test failed for lack of space.
    let script = r#"
        set -u
        mount -t tmpfs -o size=4m tmpfs "$1" || exit 99
        head -c 2097152 /dev/zero > "$1/ballast"
        "$2" __stress-writer --data "$1/data" > "$3/acks" 2> "$3/writer.err"
        echo "writer=$?"
        "$2" export members --data "$1/data" > /dev/null 2> "$3/full-open.err"
        echo "open-while-full=$?"
        "$2" backup -o "$1/b.scb" --data "$1/data" > /dev/null 2> "$3/full-backup.err"
        echo "backup-while-full=$?"
        "$2" export members -o "$1/ds.csv" --data "$1/data" > /dev/null 2> "$3/full-export.err"
        echo "export-while-full=$?"
        ls -A "$1" > "$3/listing"
        rm "$1/ballast"
        cp -a "$1/data" "$3/data"
        "$2" backup -o "$1/b.scb" --data "$1/data" > /dev/null 2> "$3/freed-backup.err"
        echo "backup-after-freeing=$?"
    "#;
    let out = in_namespace(
        script,
        &[disk.as_os_str(), OsStr::new(bin()), work.as_os_str()],
    );
    let said = text(&out.stdout);
    let read = |f: &str| std::fs::read_to_string(work.join(f)).unwrap_or_default();
    assert!(said.contains("writer=1"), "{said} {}", read("writer.err"));
    assert!(
        read("writer.err").contains("No space left on device"),
        "{}",
        read("writer.err")
    );
    // Whatever happened while full, it was an error with a message, never a panic.
    for (step, file) in [
        ("open-while-full", "full-open.err"),
        ("backup-while-full", "full-backup.err"),
        ("export-while-full", "full-export.err"),
    ] {
        let msg = read(file);
        assert!(!msg.contains("panicked"), "{step}: {msg}");
        if !said.contains(&format!("{step}=0")) {
            assert!(said.contains(&format!("{step}=1")), "{said}");
            assert!(msg.contains("No space left on device"), "{step}: {msg}");
        }
    }
    // No partial backup or export, no temporary file left on the full disk.
    let listing = read("listing");
    assert!(
        listing.lines().all(|n| n == "ballast" || n == "data"),
        "left on the full disk: {listing}"
    );
    assert!(
        said.contains("backup-after-freeing=0"),
        "{said} {}",
        read("freed-backup.err")
    );
    let acks_out = read("acks");
    let acked = acks(&acks_out);
    assert!(!acked.is_empty());
    check_after_failed_writer(&work.join("data"), &acked, &acks_out);
}

#[test]
fn a_backup_to_a_full_usb_stick_keeps_the_older_backup_and_leaves_no_partial_file() {
    if !private_mounts() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    demo_data(&data);
    let older = dir.path().join("older.scb");
    let out = sochibo(&data, &["backup", "-o", older.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stick = dir.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let script = r#"
        set -u
        mount -t tmpfs -o size=2m tmpfs "$1" || exit 99
        cp "$2" "$1/sochibo.scb"
        head -c 4000000 /dev/zero > "$1/ballast" 2>/dev/null
        "$3" backup -o "$1/sochibo.scb" --data "$4"; echo "backup=$?"
        "$3" export members -o "$1/ds.csv" --data "$4"; echo "export=$?"
        cmp -s "$2" "$1/sochibo.scb" && echo "older-intact"
        ls -A "$1"
    "#;
    let out = in_namespace(
        script,
        &[
            stick.as_os_str(),
            older.as_os_str(),
            OsStr::new(bin()),
            data.as_os_str(),
        ],
    );
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(
        said.contains("backup=1") && said.contains("export=1"),
        "{said} {err}"
    );
    assert!(said.contains("older-intact"), "{said}");
    let shown = stick.join("sochibo.scb").display().to_string();
    assert!(
        err.contains(&format!("Không ghi được tệp {shown}")) && err.contains("No space left"),
        "{err}"
    );
    assert!(
        err.contains("Không ghi được tệp") && err.contains("ds.csv"),
        "{err}"
    );
    let files: Vec<&str> = said
        .lines()
        .filter(|l| !l.contains('=') && *l != "older-intact")
        .collect();
    assert_eq!(files, ["ballast", "sochibo.scb"], "{said}");
}

/// Whether this process may write into a folder it has made read-only (root can).
fn permissions_do_not_bind() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o500)).unwrap();
    let wrote = std::fs::write(dir.path().join("x"), b"x").is_ok();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    wrote
}

fn assert_read_only_outcome(data: &Path, writer: &Output, export: &Output, backup: &Output) {
    let err = text(&writer.stderr);
    assert_eq!(writer.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "Không mở được dữ liệu trong thư mục {}",
            data.display()
        )),
        "{err}"
    );
    assert!(
        acks(&text(&writer.stdout)).is_empty(),
        "nothing acknowledged"
    );
    assert_eq!(export.status.code(), Some(1));
    assert!(text(&export.stderr).contains("Không ghi được tệp"));
    assert_eq!(backup.status.code(), Some(1));
    assert!(text(&backup.stderr).contains("Không ghi được tệp"));
}

#[test]
fn a_read_only_data_directory_is_a_clear_message_and_nothing_is_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    demo_data(&data);
    let other_dir = tempfile::tempdir().unwrap();
    let elsewhere = other_dir.path().join("other");
    demo_data(&elsewhere);
    if private_mounts() {
        // A read-only mount: what a write-protected USB stick or a file system the
        // kernel turned read-only after errors looks like.
        let script = r#"
            set -u
            mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
            "$2" __stress-writer --count 5 --data "$1/data" > "$1.writer.out" 2> "$1.writer.err"
            echo "$?" > "$1.writer.rc"
            "$2" export members -o "$1/ds.csv" --data "$3" > /dev/null 2> "$1.export.err"
            echo "$?" > "$1.export.rc"
            "$2" backup -o "$1/b.scb" --data "$3" > /dev/null 2> "$1.backup.err"
            echo "$?" > "$1.backup.rc"
        "#;
        let out = in_namespace(
            script,
            &[
                dir.path().as_os_str(),
                OsStr::new(bin()),
                elsewhere.as_os_str(),
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let base = dir.path().display().to_string();
        let read = |ext: &str| std::fs::read(format!("{base}.{ext}")).unwrap();
        let output = |name: &str| Output {
            status: std::os::unix::process::ExitStatusExt::from_raw(
                text(&read(&format!("{name}.rc")))
                    .trim()
                    .parse::<i32>()
                    .unwrap()
                    << 8,
            ),
            stdout: if name == "writer" {
                read("writer.out")
            } else {
                vec![]
            },
            stderr: read(&format!("{name}.err")),
        };
        assert_read_only_outcome(
            &data,
            &output("writer"),
            &output("export"),
            &output("backup"),
        );
        for ext in [
            "writer.out",
            "writer.err",
            "writer.rc",
            "export.err",
            "export.rc",
            "backup.err",
            "backup.rc",
        ] {
            let _ = std::fs::remove_file(format!("{base}.{ext}"));
        }
    } else if !permissions_do_not_bind() {
        use std::os::unix::fs::PermissionsExt;
        let ro =
            |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
        let sled = data.join("sled");
        let mut files: Vec<_> = std::fs::read_dir(&sled)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.push(sled.clone());
        files.push(data.clone());
        for f in &files {
            ro(f, if f.is_dir() { 0o500 } else { 0o400 }).unwrap();
        }
        let writer = sochibo(&data, &["__stress-writer", "--count", "5"]);
        let export = sochibo(
            &elsewhere,
            &[
                "export",
                "members",
                "-o",
                data.join("ds.csv").to_str().unwrap(),
            ],
        );
        let backup = sochibo(
            &elsewhere,
            &["backup", "-o", data.join("b.scb").to_str().unwrap()],
        );
        for f in &files {
            ro(f, if f.is_dir() { 0o700 } else { 0o600 }).unwrap();
        }
        assert_read_only_outcome(&data, &writer, &export, &backup);
    } else {
        eprintln!(
            "SKIPPED: running with privileges that ignore file permissions and without \
             mount namespaces: the read-only case cannot be set up here"
        );
        return;
    }
    // Nothing changed, nothing partial.
    assert_eq!(Store::open(&data).unwrap().members().unwrap().len(), 35);
    let left = entries(&data);
    assert!(
        left.iter()
            .all(|n| ["sled", "store.stamp", "backups", "keys-moved-v2.seen"].contains(&n.as_str())),
        "{left:?}"
    );
}

/// Entries of the scratch folder read-only stores copy their data to.
fn scratch_copies() -> Vec<String> {
    std::fs::read_dir("/dev/shm")
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("sochibo-readonly-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_read_only_or_full_data_directory_still_reads_exports_and_lists_what_needs_doing() {
    if !private_mounts() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (ro, full, work) = (
        dir.path().join("ro"),
        dir.path().join("full"),
        dir.path().join("work"),
    );
    for d in [&ro, &full, &work] {
        std::fs::create_dir_all(d).unwrap();
    }
    demo_data(&ro.join("data"));
    let expected = sochibo(&ro.join("data"), &["export", "members"]);
    assert!(expected.status.success());
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/members_plain_comma.csv");
    let scratch_before = scratch_copies();
    // $1: the folder made read-only, or filled to the last byte; $2 the program; $3 a
    // writable folder for what the runs say; $4 a file to import.
    let script = r#"
        set -u
        case "$5" in
          ro) mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99 ;;
          full) mount -t tmpfs -o size=8m tmpfs "$1" || exit 99
                cp -a "$3/../ro/data" "$1/data"
                head -c 16777216 /dev/zero > "$1/ballast" 2>/dev/null ;;
        esac
        "$2" export members --data "$1/data" > "$3/$5.export.out" 2> "$3/$5.export.err"
        echo "export=$?"
        "$2" todo --data "$1/data" > "$3/$5.todo.out" 2> "$3/$5.todo.err"
        echo "todo=$?"
        "$2" export members -o "$3/$5.ds.csv" --data "$1/data" > /dev/null 2> "$3/$5.file.err"
        echo "export-elsewhere=$?"
        "$2" import members "$4" --data "$1/data" > /dev/null 2> "$3/$5.import.err"
        echo "import=$?"
        "$2" export members --data "$1/data" > "$3/$5.after.out" 2> /dev/null
    "#;
    for case in ["ro", "full"] {
        let target = if case == "ro" { &ro } else { &full };
        let out = in_namespace(
            script,
            &[
                target.as_os_str(),
                OsStr::new(bin()),
                work.as_os_str(),
                csv.as_os_str(),
                OsStr::new(case),
            ],
        );
        let said = text(&out.stdout);
        let read = |f: &str| std::fs::read_to_string(work.join(format!("{case}.{f}"))).unwrap();
        // On the full disk sled may still have room inside its own files for a small
        // import: then it is saved (and must be complete), else refused.
        let import_saved = case == "full" && said.contains("import=0");
        let import = if import_saved { "import=0" } else { "import=1" };
        for step in ["export=0", "todo=0", "export-elsewhere=0", import] {
            assert!(
                said.contains(step),
                "{case}: {step} in {said} {}",
                text(&out.stderr)
            );
        }
        // Everything is read as it is on disk.
        assert_eq!(read("export.out"), text(&expected.stdout), "{case}");
        assert_eq!(read("ds.csv").lines().count(), 36, "{case}");
        assert!(read("todo.out").contains("cần làm"), "{case}");
        // Saving is impossible, and the program says so and why, at every start.
        let reason = if case == "ro" {
            "Read-only file system"
        } else {
            "No space left on device"
        };
        for f in ["export.err", "todo.err", "import.err"] {
            let err = read(f);
            if case == "full" && !err.contains("chỉ đọc được") {
                // sled may open a full disk normally; then the refusal comes at the save.
                assert!(f == "import.err" || err.is_empty(), "{case} {f}: {err}");
                continue;
            }
            assert!(
                err.contains("chỉ đọc được") && err.contains("không lưu được"),
                "{case} {f}: {err}"
            );
            assert!(err.contains(reason), "{case} {f}: {err}");
        }
        if import_saved {
            assert!(read("after.out").lines().count() > 36, "{case}: imported");
            continue;
        }
        let err = read("import.err");
        assert!(
            err.contains("Thay đổi chưa được lưu") && err.contains(reason),
            "{case}: {err}"
        );
        // The refused import changed nothing.
        assert_eq!(read("after.out"), text(&expected.stdout), "{case}");
    }
    assert_eq!(scratch_copies(), scratch_before, "no scratch copy left");
    assert_eq!(
        Store::open(&ro.join("data"))
            .unwrap()
            .members()
            .unwrap()
            .len(),
        35
    );
}
