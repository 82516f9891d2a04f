//! `sochibo export candidates` run as a user would: the demo's candidates with their
//! current step and next deadline, as 80-column text and as CSV for Excel.

use crate::common;
use common::{sochibo, text};

#[test]
fn export_candidates_as_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());

    let out = sochibo(&["export", "candidates"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(
        t.starts_with("DANH SÁCH QUẦN CHÚNG TRONG QUY TRÌNH KẾT NẠP ĐẢNG"),
        "{t}"
    );
    assert!(t.contains("Đến ngày 21/11/2026"), "{t}");
    assert!(t.contains("đang theo dõi 5 · quá hạn 1"), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
    // The overdue candidate comes first, with the step it is overdue for.
    let first = t.lines().find(|l| l.starts_with(" 1. ")).unwrap();
    assert!(first.contains("Vũ Đức Thắng"), "{t}");
    assert!(
        t.contains("[QUÁ HẠN] Hạn: tổ chức lễ kết nạp chậm nhất 03/11/2026"),
        "{t}"
    );
    // The probationary member due for recognition next month.
    assert!(
        t.contains("Hạn: xét công nhận chính thức từ 15/12/2026 đến"),
        "{t}"
    );

    let csv = dir.path().join("ket-nap.csv");
    let out = sochibo(
        &[
            "export",
            "candidates",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ket-nap.csv"));
    let bytes = std::fs::read(&csv).unwrap();
    let c = text(&bytes);
    assert!(
        c.starts_with("\u{feff}Họ và tên,Ngày sinh,Nguồn,Đảng viên giúp đỡ,Bước hiện tại,"),
        "{c}"
    );
    assert!(c.contains("\r\n"), "CRLF for Excel");
    assert_eq!(c.lines().count(), 6, "header and five candidates\n{c}");
    let overdue = c.lines().nth(1).unwrap();
    assert!(
        overdue.starts_with("Vũ Đức Thắng,") && overdue.ends_with(",Quá hạn"),
        "{overdue}"
    );

    // In English the messages change, the document stays Vietnamese.
    let out = sochibo(&["--lang", "en", "export", "candidates"], &data);
    assert!(text(&out.stdout).contains("Lễ kết nạp"));
}
