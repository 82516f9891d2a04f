//! `sochibo export studies` and `sochibo report completeness` run as a user would (#18).

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

    // `report studies` is the same report.
    let out = sochibo(&["report", "studies"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), t);

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

#[test]
fn import_studies_takes_all_rows_or_none_and_the_export_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let resolutions = || {
        let s = sochibo::store::Store::open(&data).unwrap();
        s.resolutions().unwrap()
    };
    // The export read back changes nothing.
    let csv = dir.path().join("hoc-tap.csv");
    let out = sochibo(
        &[
            "export",
            "studies",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = resolutions();
    let out = sochibo(&["import", "studies", csv.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Đã nhập 0 lượt"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(resolutions(), before);

    // A file with one bad row: every bad row named, nothing saved.
    let name = before[0]
        .1
        .studied()
        .into_iter()
        .next()
        .and_then(|id| {
            let s = sochibo::store::Store::open(&data).unwrap();
            s.member(id).unwrap().map(|m| m.full_name)
        })
        .unwrap();
    let file = dir.path().join("moi.csv");
    std::fs::write(
        &file,
        format!(
            "Số hiệu;Trích yếu;Cấp;Ngày ban hành;Họ và tên;Ngày sinh;Ngày học;Hình thức\n\
             09-NQ/ĐU;Về công tác dân vận;Huyện/Phường;01/09/2026;{name};;15/09/2026;Học tập\n\
             09-NQ/ĐU;Về công tác dân vận;Huyện/Phường;01/09/2026;{name};;20/08/2026;Học bù\n"
        ),
    )
    .unwrap();
    let out = sochibo(&["import", "studies", file.to_str().unwrap()], &data);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("Dòng 3: Ngày học: 20/08/2026 trước ngày ban hành"),
        "{err}"
    );
    assert!(err.contains("Không nhập gì"), "{err}");
    assert_eq!(resolutions(), before);

    // Corrected, it is saved whole.
    std::fs::write(
        &file,
        format!(
            "Số hiệu;Trích yếu;Cấp;Ngày ban hành;Họ và tên;Ngày sinh;Ngày học;Hình thức\n\
             09-NQ/ĐU;Về công tác dân vận;Huyện/Phường;01/09/2026;{name};;15/09/2026;Học tập\n"
        ),
    )
    .unwrap();
    let out = sochibo(&["import", "studies", file.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Đã nhập 1 lượt học tập vào 1 nghị quyết"),
        "{}",
        text(&out.stdout)
    );
    let after = resolutions();
    assert_eq!(after.len(), before.len() + 1);
    let r = after.iter().find(|(_, r)| r.number == "09-NQ/ĐU").unwrap();
    assert_eq!(r.1.sessions.len(), 1);
}

#[test]
fn the_structure_report_gives_the_years_study_figure() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let t = text(&sochibo(&["report", "stats"], &data).stdout);
    let line = t
        .lines()
        .find(|l| l.contains("lượt đảng viên đã học"))
        .unwrap_or_else(|| panic!("{t}"));
    assert!(line.starts_with("Năm 2026: "), "{line}");
}
