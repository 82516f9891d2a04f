//! `sochibo export studies` and `sochibo report completeness` run as a user would (#18).

mod common;
use common::{sochibo, text};

use std::path::Path;

fn demo(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let out = sochibo(&["demo"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    data
}

#[test]
fn export_studies_gives_the_figures_as_text_and_a_row_per_member_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let out = sochibo(&["export", "studies"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("KẾT QUẢ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT"), "{t}");
    assert!(t.contains("21-NQ/TW (16/06/2022, TW)"), "{t}");
    assert!(t.contains("đảng viên đã học ("), "{t}");
    assert!(t.contains("lượt đảng viên đã học"), "{t}");
    assert!(t.contains("Chưa học: "), "{t}");
    for line in t.lines() {
        assert!(sochibo::domain::text::width(line) <= 80, "{line}");
    }

    let out = sochibo(&["export", "studies", "--format", "csv"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with(
            "\u{feff}Số hiệu,Trích yếu,Cấp,Ngày ban hành,Họ và tên,Ngày sinh,Ngày học,Hình thức\r\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains(",Học bù\r\n") && csv.contains(",Chưa học\r\n"),
        "{csv}"
    );

    let xlsx = dir.path().join("hoc-tap.xlsx");
    let out = sochibo(
        &[
            "export",
            "studies",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows =
        sochibo::interchange::xlsx_read::read_first_sheet(&std::fs::read(&xlsx).unwrap()).unwrap();
    assert_eq!(rows[0].1[0], "Số hiệu");
    assert!(
        rows.iter()
            .any(|(_, r)| r.get(7).is_some_and(|c| c == "Học tập"))
    );
    // xlsx needs a file.
    let out = sochibo(&["export", "studies", "--format", "xlsx"], &data);
    assert!(!out.status.success());
}

#[test]
fn report_completeness_lists_members_with_gaps_in_the_form_order() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let out = sochibo(&["report", "completeness", "--format", "csv"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with(
            "\u{feff}Họ và tên,Số thẻ đảng viên,Ngày sinh,Quê quán,Địa chỉ,Dân tộc,Tôn giáo,\
             Nghề nghiệp,Trình độ học vấn,Lý luận chính trị,Ngày vào Đảng,Ngày chính thức\r\n"
        ),
        "{csv}"
    );
    let out = sochibo(&["report", "completeness"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.starts_with("HỒ SƠ ĐẢNG VIÊN CÒN THIẾU"), "{t}");
    let out = sochibo(
        &["report", "completeness", "--format", "docx", "-o", "x.docx"],
        &data,
    );
    assert!(!out.status.success());
}
