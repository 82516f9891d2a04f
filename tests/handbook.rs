//! `sochibo handbook [topic]` run as a user would (#22.5): a procedure's numbered steps with
//! deadlines from the rules table, the forms, the document and article of each step and
//! the app's keys from the keymap in force; diacritic-blind topics; a Word copy.

use crate::common;
use std::io::Read;

use common::{sochibo, text};

#[test]
fn ket_nap_prints_the_admission_procedure_with_its_citations() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = sochibo(&["handbook", "ket", "nap"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.starts_with("KẾT NẠP ĐẢNG VIÊN\n"), "{t}");
    // Numbered steps, each with its source.
    for n in 1..=10 {
        assert!(t.contains(&format!("\n{n}. ")), "step {n}: {t}");
    }
    assert_eq!(t.matches("- Căn cứ: ").count(), 10, "{t}");
    // Phrases are checked with the lines joined (the text wraps at 80 columns).
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    // Deadlines and numbers come from the rules table.
    assert!(
        t.contains("trong 30 ngày làm việc kể từ ngày nhận quyết định"),
        "{t}"
    );
    assert!(t.contains("ít nhất 2/3 số đảng viên chính"), "{t}");
    assert!(t.contains("tuổi từ 18 đến 60"), "{t}");
    assert!(t.contains("dự bị 12 tháng"), "{t}");
    // Forms named; article cited; the app's screen and key.
    assert!(t.contains("Mẫu 1-KNĐ (Đơn xin vào Đảng)"), "{t}");
    assert!(t.contains("HD 06-HD/TW (09/6/2025), điểm 3.6b"), "{t}");
    assert!(
        t.contains("Alt+7 Kết nạp đảng viên › Quá trình của quần chúng: F4"),
        "{t}"
    );
    assert!(
        text(&out.stdout).lines().all(|l| l.chars().count() <= 80),
        "{t}"
    );
    // No register was needed.
    assert!(!data.exists());
}

#[test]
fn every_topic_is_found_with_or_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for (typed, title) in [
        ("chuyen chinh thuc", "CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC"),
        ("chuyển sinh hoạt", "CHUYỂN SINH HOẠT ĐẢNG"),
        ("mien sinh hoat", "MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG"),
        ("xoa ten", "XÓA TÊN ĐẢNG VIÊN"),
        ("danh gia", "KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI"),
        ("Huy Hiệu", "TẶNG HUY HIỆU ĐẢNG"),
        ("dang phi", "THU, NỘP ĐẢNG PHÍ"),
        ("dang vien 213", "QUY ĐỊNH 213"),
    ] {
        let out = sochibo(&["handbook", typed], &data);
        assert!(out.status.success(), "{typed}: {}", text(&out.stderr));
        let t = text(&out.stdout);
        assert!(t.lines().next().unwrap().contains(title), "{typed}: {t}");
        assert!(t.contains("Căn cứ: "), "{typed}");
    }
}

#[test]
fn an_unknown_topic_is_refused_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let out = sochibo(&["handbook", "nau", "com"], &dir.path().join("data"));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("Không có quy trình \"nau com\""), "{err}");
    assert!(
        err.contains("ket nap") && err.contains("dang vien 213"),
        "{err}"
    );
    // No topic: the list, successfully.
    let out = sochibo(&["handbook"], &dir.path().join("data"));
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("chuyen chinh thuc"));
}

#[test]
fn the_handbook_prints_to_word() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("so-tay.docx");
    let out = sochibo(
        &["handbook", "--format", "docx", "-o", file.to_str().unwrap()],
        &dir.path().join("data"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&file).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut doc = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut doc)
        .unwrap();
    assert!(doc.contains("SỔ TAY NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN"));
    for title in ["1. KẾT NẠP ĐẢNG VIÊN", "9. ĐẢNG VIÊN GIỮ MỐI LIÊN HỆ"] {
        assert!(doc.contains(title), "{title}");
    }
    assert!(doc.contains("trong 30 ngày làm việc"));
    assert!(doc.contains("Mẫu 6-KNĐ"));
    // Without -o a Word file is refused.
    let out = sochibo(&["handbook", "--format", "docx"], &dir.path().join("data"));
    assert!(!out.status.success());
}

/// F1 then typing searches the handbook too, diacritic-blind: the ceremony's step shows
/// under the keys.
#[test]
fn the_help_finds_handbook_steps() {
    let mut h = common::Harness::demo(&[]);
    h.keys("<F1>le ket nap");
    let screen = h.screen();
    assert!(screen.contains("SỔ TAY NGHIỆP VỤ"), "{screen}");
    assert!(
        screen.contains("Kết nạp đảng viên — 9. Chi bộ tổ chức lễ kết nạp"),
        "{screen}"
    );
    // The scroll range counts the handbook's lines too.
    let n = sochibo::app::parts::help::line_count(&h.app);
    let hits = sochibo::app::parts::help::handbook_hits(&h.app, "le ket nap", false).len();
    assert!(hits >= 1 && n > hits, "{n} {hits}");
}
