//! The secretary's month in the release binary, in a real pseudo-terminal (#17): the
//! notice of next month's meeting, the meeting itself (roll call, a unanimous vote, a
//! task), then its resolution; the documents are checked on disk with Vietnamese intact.

use crate::common;

use std::ffi::OsStr;
use std::path::Path;

use common::pty::{Pty, Spawn, release_binary, run_release};

/// What a terminal sends for these keys.
const ALT_3: &[u8] = b"\x1b3";
const F6: &[u8] = b"\x1b[17~";
const F7: &[u8] = b"\x1b[18~";
const F10: &[u8] = b"\x1b[21~";
const TAB: &[u8] = b"\t";
const CTRL_S: &[u8] = b"\x13";
const CTRL_N: &[u8] = b"\x0e";
const CTRL_R: &[u8] = b"\x12";

/// The words of a text, one space between them.
fn flat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The one file in `dir` whose name starts with `prefix` and ends with `ext`.
fn file(dir: &Path, prefix: &str, ext: &str) -> Vec<u8> {
    let found: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n.starts_with(prefix) && n.ends_with(ext)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{prefix}*{ext} in {}: {found:?}",
        dir.display()
    );
    std::fs::read(&found[0]).unwrap()
}

#[test]
fn notice_meeting_resolution_in_the_release_binary() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    assert!(
        run_release(&["demo", "--data", dir], config.path())
            .status
            .success()
    );

    let mut p = Pty::spawn(Spawn {
        bin: release_binary(),
        args: vec![OsStr::new("--data"), OsStr::new(dir)],
        config: config.path(),
        env: Vec::new(),
        cwd: None,
        size: (24, 80),
    });
    p.wait_past_keys_moved("Việc cần làm");
    // November has its regular meeting: the new one falls on December's usual day.
    p.send(ALT_3);
    p.wait_for("Sinh hoạt");
    p.send(F7);
    p.wait_for("Tạo buổi sinh hoạt");
    p.send(CTRL_S);
    p.wait_for("Điểm danh");
    // Before the meeting: the notice.
    p.send(CTRL_N);
    p.wait_for("thong-bao-");
    // The meeting: everyone present, a unanimous vote, a task.
    p.send(F6);
    p.wait_for("Có mặt");
    p.send(TAB);
    p.send(TAB);
    p.wait_for("Chưa có. Nhấn F7");
    p.send(F7);
    p.wait_for("Nội dung biểu quyết");
    p.type_str("Thông qua nghị quyết tháng 12");
    p.send(CTRL_S);
    p.wait_for("Thông qua nghị quyết tháng 12");
    // Tasks (last month's open ones are listed, carried): a new one.
    p.send(TAB);
    p.send(F7);
    p.wait_for("Người thực hiện");
    p.type_str("Chi ủy");
    p.send(TAB);
    p.type_str("Nộp báo cáo quý IV");
    p.send(TAB);
    p.type_str("20/12/2026");
    p.send(CTRL_S);
    p.wait_for("Nộp báo cáo quý IV");
    // After the meeting: the resolution.
    p.send(CTRL_R);
    p.wait_for("nghi-quyet-");
    p.send(F10);
    assert!(p.wait_exit().success());

    let exports = data.path().join("exports");
    let notice = String::from_utf8(file(&exports, "thong-bao-", ".txt")).unwrap();
    assert!(notice.contains("THÔNG BÁO"), "{notice}");
    assert!(
        notice.contains("Triệu tập sinh hoạt chi bộ thường kỳ tháng 12 năm 2026"),
        "{notice}"
    );
    assert!(file(&exports, "thong-bao-", ".docx").starts_with(b"PK\x03\x04"));
    let resolution = flat(&String::from_utf8(file(&exports, "nghi-quyet-", ".txt")).unwrap());
    assert!(resolution.contains("NGHỊ QUYẾT"), "{resolution}");
    assert!(
        resolution.contains("Nộp báo cáo quý IV (thực hiện: Chi ủy; thời hạn: 20/12/2026)"),
        "{resolution}"
    );
    assert!(file(&exports, "nghi-quyet-", ".docx").starts_with(b"PK\x03\x04"));
}
