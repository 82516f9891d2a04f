//! `sochibo export dues|badges` run as a user would: text that fits 80 columns, CSV for
//! Excel (BOM, CRLF, Vietnamese headers), files written atomically, the year option.

use crate::common;
use common::{sochibo, text};

use std::path::Path;

fn demo(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let out = sochibo(&["demo"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    data
}

#[test]
fn export_dues_as_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let out = sochibo(&["export", "dues"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("TÌNH HÌNH THU ĐẢNG PHÍ NĂM 2026"), "{t}");
    assert!(t.contains("Tổng hợp theo tháng:"), "{t}");
    assert!(
        t.contains("QĐ 01-QĐ/TW 2026"),
        "the flagged member is listed with the rule"
    );
    for line in t.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    assert!(!t.contains('\r'), "LF on the screen");

    let csv = dir.path().join("dang-phi.csv");
    let out = sochibo(
        &[
            "export",
            "dues",
            "--year",
            "2026",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Đã ghi"),
        "{}",
        text(&out.stdout)
    );
    let bytes = std::fs::read(&csv).unwrap();
    assert!(
        bytes.starts_with("\u{feff}STT,Họ và tên,Số thẻ,Đối tượng,Mức đóng/tháng,T1,".as_bytes())
    );
    let body = text(&bytes);
    let rows: Vec<&str> = body.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(rows.len(), 1 + 35 + 1, "header, 35 members, totals");
    assert!(rows.iter().any(|r| r.contains("xem xét đề nghị xóa tên")));
    assert!(rows.last().unwrap().starts_with(",Cộng,"));
    // A year without records: every member, nothing paid.
    let out = sochibo(
        &["export", "dues", "--year", "2025", "--format", "csv"],
        &data,
    );
    assert!(out.status.success());
    assert!(!text(&out.stdout).contains("QĐ 01"));
}

#[test]
fn export_badges_as_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let out = sochibo(&["export", "badges", "--year", "2026"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    for p in ["03/02/2026", "19/05/2026", "02/09/2026", "07/11/2026"] {
        assert!(t.contains(&format!("ĐỢT TRAO {p}")), "{t}");
    }
    assert!(t.contains("Đã trao Huy hiệu"), "awards of the year: {t}");
    assert!(t.contains("sớm: bệnh hiểm nghèo"), "{t}");
    for line in t.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let file = dir.path().join("huy-hieu.txt");
    let out = sochibo(&["export", "badges", "-o", file.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&std::fs::read(&file).unwrap()).contains("\r\n"),
        "CRLF in files"
    );

    let out = sochibo(&["export", "badges", "--format", "csv"], &data);
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with("\u{feff}STT,Đợt trao,Họ và tên,Số thẻ,Vào Đảng,Huy hiệu,Ngày đủ,Diện,Ngày trao,Số quyết định\r\n"),
        "{csv}"
    );
    assert!(csv.contains(",đến hạn,"), "{csv}");
    // English headers with --lang en.
    let out = sochibo(
        &["--lang", "en", "export", "badges", "--format", "csv"],
        &data,
    );
    assert!(text(&out.stdout).contains("Presentation,Full name"));
}

#[test]
fn bad_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = sochibo(&["export", "dues", "--format", "docx"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Lệnh gõ chưa đúng"));
}
