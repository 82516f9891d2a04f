//! `sochibo export liaison` and `sochibo export comments` run as a user would, on the demo
//! branch: the list in every format, the year's comments and one member's comment
//! document as Word with Vietnamese intact, and a clear message for an unknown name.

use crate::common;

use std::io::Read;

use common::{sochibo, text};

/// The XML of the document part of a `.docx` file.
fn document_xml(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut f = zip.by_name("word/document.xml").unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_liaison_list_and_the_comments_of_a_year() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());

    let out = sochibo(&["export", "liaison"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(
        t.contains("Trần Thị Ngọc Ánh") && t.contains("Đỗ Quang Hưng"),
        "{t}"
    );
    assert!(t.contains("HD 33-HD/BTCTW, điểm 1.1"), "{t}");

    let out = sochibo(&["export", "liaison", "--format", "csv"], &data);
    let csv = text(&out.stdout);
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        csv.contains("Họ và tên") && csv.contains("Phạm Quốc Việt"),
        "{csv}"
    );

    let xlsx = dir.path().join("lien-he.xlsx");
    let out = sochibo(
        &[
            "export",
            "liaison",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 0);

    let docx = dir.path().join("nhan-xet-2026.docx");
    let out = sochibo(
        &[
            "export",
            "comments",
            "--year",
            "2026",
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = document_xml(&docx);
    assert!(xml.contains("DANH SÁCH"), "{xml}");
    assert!(xml.contains("Nhận xét đảng viên giữ mối liên hệ với nơi cư trú năm 2026"));
    assert!(xml.contains("Phạm Quốc Việt, sinh năm 1979"));
    assert!(xml.contains("T/M CHI"));

    let one = dir.path().join("viet.docx");
    let out = sochibo(
        &[
            "export",
            "comments",
            "--year",
            "2026",
            "--name",
            "pham quoc viet",
            "--format",
            "docx",
            "-o",
            one.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = document_xml(&one);
    assert!(xml.contains("BẢN NHẬN XÉT"), "{xml}");
    assert!(xml.contains("Kính gửi: Đảng bộ Sở Xây dựng"), "{xml}");
    assert!(xml.contains("Quy định số 213-QĐ/TW"), "{xml}");

    let out = sochibo(
        &["export", "comments", "--year", "2026", "--format", "txt"],
        &data,
    );
    let t = text(&out.stdout);
    assert!(t.contains("Chưa nhận xét."), "{t}");

    // A docx needs a file; an unknown name says so.
    let out = sochibo(
        &["export", "comments", "--year", "2026", "--format", "docx"],
        &data,
    );
    assert!(!out.status.success());
    let out = sochibo(
        &[
            "export",
            "comments",
            "--year",
            "2026",
            "--name",
            "Không Có Ai",
        ],
        &data,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("Không Có Ai"),
        "{}",
        text(&out.stderr)
    );

    // The structure report counts them.
    let out = sochibo(&["report", "stats"], &data);
    let t = text(&out.stdout);
    assert!(
        t.contains("giữ mối liên hệ với nơi cư trú (QĐ 213): 4 đồng chí"),
        "{t}"
    );
}

#[test]
fn import_liaison_reads_the_export_back_and_refuses_a_bad_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    assert!(sochibo(&["demo"], &demo).status.success());
    let csv = dir.path().join("lien-he.csv");
    let out = sochibo(
        &[
            "export",
            "liaison",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
        &demo,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let fresh = dir.path().join("fresh");
    let out = sochibo(&["import", "liaison", csv.to_str().unwrap()], &fresh);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = sochibo(&["export", "liaison", "--format", "csv"], &fresh);
    let t = text(&list.stdout);
    for name in [
        "Trần Thị Ngọc Ánh",
        "Phạm Quốc Việt",
        "Đỗ Quang Hưng",
        "Nguyễn Thu Trang",
    ] {
        assert!(t.contains(name), "{name}: {t}");
    }

    // One bad row: nothing is saved, and the row and column are named.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Họ và tên;Năm sinh;Nơi công tác\nLê Văn Hải;1980;Sở Y tế\nLê Văn Bảo;19x0;Sở Y tế\n",
    )
    .unwrap();
    let other = dir.path().join("other");
    let out = sochibo(&["import", "liaison", bad.to_str().unwrap()], &other);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("Dòng 3") && err.contains("Năm sinh"), "{err}");
    assert!(err.contains("Không nhập gì"), "{err}");
    let list = sochibo(&["export", "liaison", "--format", "csv"], &other);
    assert!(!text(&list.stdout).contains("Lê Văn Hải"));
}
