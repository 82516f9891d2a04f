//! The command line, run as a user would: exit codes, messages, files.

use crate::common;
use common::{sochibo, text};

use std::path::Path;
use std::process::Command;

#[test]
fn version_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = sochibo(&["--version"], dir.path());
    assert!(out.status.success());
    assert!(text(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    let out = sochibo(&["frobnicate"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("Lệnh gõ chưa đúng"),
        "{}",
        text(&out.stderr)
    );
    let out = sochibo(&["--lang", "xx", "export", "members"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("không hỗ trợ"));
}

#[test]
fn demo_export_import_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = sochibo(&["demo"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("35 đảng viên"));
    // A second demo into the same directory is refused and changes nothing.
    let out = sochibo(&["demo"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("đã có dữ liệu"));

    let csv = dir.path().join("ds.csv");
    let out = sochibo(&["export", "members", "-o", csv.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(
        bytes.starts_with("\u{feff}Họ và tên,".as_bytes()),
        "BOM and Vietnamese header"
    );
    assert!(text(&bytes).contains("\r\n"), "CRLF for Windows tools");
    // Export to stdout gives the same text.
    let out = sochibo(&["export", "members"], &data);
    assert_eq!(out.stdout, bytes);

    // Importing it back updates the same 35 members, adds none.
    let out = sochibo(&["import", "members", csv.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("thêm mới 0, cập nhật 35"),
        "{}",
        text(&out.stdout)
    );
    let again = sochibo(&["export", "members"], &data);
    assert_eq!(again.stdout, bytes, "lossless round trip");
}

#[test]
fn import_reports_bad_rows_and_strict_imports_none() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "\u{feff}Ho va ten;Ngay sinh;So the dang vien\r\nLê Văn A;31/02/1960;\r\n;01/01/1960;\r\nTrần Thị B;01/01/1960;12345678\r\nPhạm C;02/02/1962;12345678\r\n",
    )
    .unwrap();
    let out = sochibo(
        &["import", "members", csv.to_str().unwrap(), "--strict"],
        &data,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("Dòng 2, cột \"Ngày sinh\""), "{err}");
    assert!(err.contains("Dòng 3, cột \"Họ và tên\""), "{err}");
    assert!(err.contains("Dòng 5, cột \"Số thẻ đảng viên\""), "{err}");
    assert!(err.contains("không nhập dòng nào"), "{err}");
    let listed = sochibo(&["export", "members"], &data);
    assert_eq!(
        text(&listed.stdout).lines().count(),
        1,
        "strict: only the header, nothing imported"
    );

    let out = sochibo(
        &["import", "members", csv.to_str().unwrap(), "--lang", "en"],
        &data,
    );
    assert_eq!(out.status.code(), Some(1), "rows were refused");
    assert!(
        text(&out.stdout).contains("1 added"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("Line 2, column \"Date of birth\""),
        "{}",
        text(&out.stderr)
    );
    let listed = text(&sochibo(&["export", "members"], &data).stdout);
    assert!(
        listed.contains("Trần Thị B") && !listed.contains("Phạm C") && !listed.contains("Lê Văn A")
    );
}

#[test]
fn unreadable_files_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = sochibo(&["import", "members", "/nonexistent/x.csv"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Không đọc được tệp /nonexistent/x.csv"));
    let latin = dir.path().join("latin1.csv");
    std::fs::write(&latin, b"H\xe4 v\xe0 t\xean\n").unwrap();
    let out = sochibo(&["import", "members", latin.to_str().unwrap()], &data);
    assert!(
        text(&out.stderr).contains("CSV UTF-8"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn export_minutes_by_number_or_date() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());
    let out = sochibo(&["export", "minutes", "--meeting", "02"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let minutes = text(&out.stdout);
    assert!(
        minutes.contains("Số 02-BB/CB") && minutes.contains("BIÊN BẢN"),
        "{minutes}"
    );
    assert!(minutes.lines().all(|l| l.chars().count() <= 80));
    let date_line = minutes
        .lines()
        .find(|l| l.contains("- Thời gian:"))
        .unwrap()
        .to_string();
    assert!(date_line.contains("năm 2026"));

    let docx = dir.path().join("bb.docx");
    let out = sochibo(
        &[
            "export",
            "minutes",
            "--meeting",
            "2",
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));

    let out = sochibo(&["export", "minutes", "--meeting", "99"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Không tìm thấy buổi sinh hoạt \"99\""));
    let out = sochibo(
        &["export", "minutes", "--meeting", "1", "--format", "docx"],
        &data,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("-o"));
}

#[test]
fn export_exemptions_as_text_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());
    let out = sochibo(&["export", "exemptions"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("Đến ngày 21/11/2026"), "{t}");
    assert!(
        t.contains("Miễn     Tuổi cao, sức khỏe yếu") && t.contains("Tạm miễn Đi làm ăn xa"),
        "{t}"
    );
    assert!(t.contains("03-NQ/CB"));
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
    let csv = dir.path().join("mien.csv");
    let out = sochibo(
        &[
            "export",
            "exemptions",
            "--year",
            "2026",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success());
    let c = text(&std::fs::read(&csv).unwrap());
    assert!(c.starts_with("\u{feff}Họ và tên,Hình thức,Lý do"));
    assert_eq!(
        c.lines().count(),
        3,
        "header and the two exempted members\n{c}"
    );
}

#[test]
fn todo_and_figures_reports() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());
    let out = sochibo(&["todo"], &data);
    assert!(out.status.success());
    let t = text(&out.stdout);
    assert!(t.contains("Quý 3 chưa sinh hoạt chuyên đề"), "{t}");
    assert!(
        t.contains("tạm miễn sinh hoạt hết hạn ngày 11/12/2026"),
        "{t}"
    );

    let out = sochibo(&["report", "stats", "--at", "21/11/2026"], &data);
    let t = text(&out.stdout);
    assert!(t.contains("Tổng số: 33 đảng viên"), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80));
    // A year earlier, before the transfer out and the death of the demo, two more.
    let t = text(&sochibo(&["report", "stats", "--at", "01/01/2026"], &data).stdout);
    assert!(t.contains("tính đến ngày 01/01/2026"), "{t}");
    let out = sochibo(
        &[
            "report",
            "movements",
            "--from",
            "01/01/2026",
            "--to",
            "21/11/2026",
            "--format",
            "csv",
        ],
        &data,
    );
    let c = text(&out.stdout);
    assert!(c.starts_with("\u{feff}Biến động,Số đảng viên"), "{c}");
    assert!(c.contains("Từ trần,1") && c.contains("Chuyển đi,1"), "{c}");
    let t = text(&sochibo(&["report", "meetings"], &data).stdout);
    assert!(t.contains("Tỷ lệ đảng viên dự sinh hoạt bình quân"), "{t}");
    let t = text(&sochibo(&["report", "assessments", "--to", "31/12/2025"], &data).stdout);
    assert!(
        t.contains("Hoàn thành tốt nhiệm vụ:") && t.contains("2025"),
        "{t}"
    );
    let t = text(&sochibo(&["report", "admission"], &data).stdout);
    assert!(t.contains("QUẦN CHÚNG TRONG QUY TRÌNH KẾT NẠP"), "{t}");
    let out = sochibo(&["report", "stats", "--at", "31/02/2026"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("dd/mm/yyyy"));
}

/// The count on the movements line starting with `label`.
fn moved(report: &str, label: &str) -> u32 {
    let line = report
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .expect(report);
    line.split_whitespace().last().unwrap().parse().unwrap()
}

/// The number of meetings of a kind ("  Thường kỳ   11 buổi") in a meetings report.
fn held(report: &str, kind: &str) -> u32 {
    let line = report
        .lines()
        .find(|l| l.trim_start().starts_with(kind) && l.ends_with("buổi"))
        .expect(report);
    line.split_whitespace()
        .rev()
        .nth(1)
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap()
}

/// The "Tổng số: N đảng viên" figure of a structure report.
fn total_in(report: &str) -> u32 {
    let line = report
        .lines()
        .find(|l| l.starts_with("Tổng số: "))
        .expect(report);
    line["Tổng số: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap()
}

#[test]
fn ward_rollup_adds_the_branch_bundles_and_refuses_bad_ones_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let ward = dir.path().join("ward");
    let scratch = dir.path().join("scratch");
    let out = sochibo(
        &[
            "demo-ward",
            ward.to_str().unwrap(),
            "--branches",
            "3",
            "--full",
        ],
        &scratch,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bundles: Vec<_> = (1..=3)
        .map(|b| ward.join(format!("chi-bo-{b:02}.scb")))
        .collect();

    // Each branch's own report, from its bundle restored into its own data directory.
    let mut sum = 0;
    let (mut admitted, mut out_, mut regular) = (0, 0, 0);
    for (i, b) in bundles.iter().enumerate() {
        let data = dir.path().join(format!("branch{i}"));
        let out = sochibo(&["restore", b.to_str().unwrap()], &data);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let out = sochibo(&["report", "stats", "--at", "21/11/2026"], &data);
        sum += total_in(&text(&out.stdout));
        let period = ["--from", "01/01/2026", "--to", "21/11/2026"];
        let mut args = vec!["report", "movements"];
        args.extend(period);
        let t = text(&sochibo(&args, &data).stdout);
        admitted += moved(&t, "Kết nạp mới");
        out_ += moved(&t, "Chuyển đi");
        let mut args = vec!["report", "meetings"];
        args.extend(period);
        regular += held(&text(&sochibo(&args, &data).stdout), "Thường kỳ");
    }
    assert!(regular > 0, "the sample branches meet");
    assert!(admitted > 0 && out_ > 0, "the sample ward has movements");
    let mut args = vec!["rollup"];
    args.extend(bundles.iter().map(|b| b.to_str().unwrap()));
    args.extend(["--at", "21/11/2026"]);
    let out = sochibo(&args, &scratch);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("3 tổ chức đảng trực thuộc"), "{t}");
    assert!(t.contains("Chi bộ Tổ dân phố số 2"), "{t}");
    assert_eq!(total_in(&t), sum, "{t}");
    assert!(t.contains("từ ngày 01/01/2026 đến ngày 21/11/2026"), "{t}");
    assert_eq!(moved(&t, "Kết nạp mới"), admitted, "{t}");
    assert_eq!(moved(&t, "Chuyển đi"), out_, "{t}");
    assert_eq!(held(&t, "Thường kỳ"), regular, "{t}");
    assert!(
        t.contains("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2026"),
        "{t}"
    );
    assert!(
        !t.contains("+ Đồng chí"),
        "no names in the ward's review summary: {t}"
    );
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");

    // The same roll-up as the ward committee's Word report.
    let doc = dir.path().join("tong-hop.docx");
    let mut args = vec!["rollup"];
    args.extend(bundles.iter().map(|b| b.to_str().unwrap()));
    args.extend([
        "--at",
        "21/11/2026",
        "--format",
        "docx",
        "--superior",
        "Đảng bộ thành phố Hải Phòng",
        "-o",
        doc.to_str().unwrap(),
    ]);
    let out = sochibo(&args, &scratch);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let d = docx_text(&doc);
    for want in [
        "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
        "ĐẢNG ỦY PHƯỜNG",
        "BÁO CÁO",
        "T/M ĐẢNG ỦY",
        "Toàn đảng bộ có 3 tổ chức đảng trực thuộc",
        "Chi bộ Tổ dân phố số 2",
        "IV. SINH HOẠT CHI BỘ",
    ] {
        assert!(d.contains(want), "{want} in {d}");
    }
    assert!(d.contains(&format!("với {sum} đảng viên")), "{d}");
    let out = sochibo(
        &["rollup", bundles[0].to_str().unwrap(), "--format", "docx"],
        &scratch,
    );
    assert_eq!(out.status.code(), Some(1), "docx needs -o");

    // A truncated bundle and a second copy of a branch are refused by name; the rest counts.
    let bad = ward.join("hong.scb");
    let bytes = std::fs::read(&bundles[0]).unwrap();
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).unwrap();
    let copy = ward.join("ban-sao.scb");
    std::fs::copy(&bundles[1], &copy).unwrap();
    let mut args = vec!["rollup"];
    args.extend(bundles.iter().map(|b| b.to_str().unwrap()));
    args.extend([
        bad.to_str().unwrap(),
        copy.to_str().unwrap(),
        "--at",
        "21/11/2026",
    ]);
    let out = sochibo(&args, &scratch);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("hong.scb") && err.contains("đã hỏng"), "{err}");
    assert!(
        err.contains("ban-sao.scb") && err.contains("trùng"),
        "{err}"
    );
    assert_eq!(total_in(&text(&out.stdout)), sum);

    // A missing file is named as unreadable; with nothing to add up, no empty report.
    let out = sochibo(&["rollup", "khong-co.scb"], &scratch);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("khong-co.scb") && !err.contains("ổ đầy"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));

    // A branch exports its own bundle; the ward reads it.
    let data = dir.path().join("demo");
    assert!(sochibo(&["demo"], &data).status.success());
    let mine = dir.path().join("cua-toi.scb");
    let out = sochibo(&["export", "bundle", "-o", mine.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = sochibo(
        &["rollup", mine.to_str().unwrap(), "--at", "21/11/2026"],
        &scratch,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(total_in(&text(&out.stdout)), 33);
    // It carries the figures, not the people: no name, card number or minutes in it, and
    // it cannot be restored as a branch's data.
    let bytes = std::fs::read(&mine).unwrap();
    let export = text(&sochibo(&["export", "members"], &data).stdout);
    let some_name = export
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    assert!(some_name.chars().count() > 5, "{export}");
    let has = |b: &[u8], s: &str| b.windows(s.len()).any(|w| w == s.as_bytes());
    assert!(
        !has(&bytes, &some_name),
        "{some_name} is in the ward's bundle"
    );
    let out = sochibo(
        &["restore", mine.to_str().unwrap()],
        &dir.path().join("elsewhere"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("gói gửi phường"),
        "{}",
        text(&out.stderr)
    );
    // A full copy carries everything and restores.
    let whole = dir.path().join("day-du.scb");
    let out = sochibo(
        &["export", "bundle", "--full", "-o", whole.to_str().unwrap()],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(has(&std::fs::read(&whole).unwrap(), &some_name));
    let out = sochibo(
        &["restore", whole.to_str().unwrap()],
        &dir.path().join("elsewhere"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = sochibo(
        &["rollup", whole.to_str().unwrap(), "--at", "21/11/2026"],
        &scratch,
    );
    assert_eq!(total_in(&text(&out.stdout)), 33);
}

/// The text of `word/document.xml` read by Python's zipfile and XML parser (python3 is on
/// every CI machine), so a malformed archive or XML fails the test.
fn docx_text(path: &Path) -> String {
    let script = "import zipfile,sys,xml.dom.minidom as d\n\
                  z=zipfile.ZipFile(sys.argv[1])\n\
                  assert z.testzip() is None\n\
                  [d.parseString(z.read(n)) for n in z.namelist()]\n\
                  x=d.parseString(z.read('word/document.xml'))\n\
                  print('\\n'.join(''.join(t.firstChild.data for t in p.getElementsByTagName('w:t') if t.firstChild) for p in x.getElementsByTagName('w:p')))\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn figures_reports_as_word_documents() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());
    let file = |n: &str| dir.path().join(n);
    let run = |what: &str, name: &str, extra: &[&str]| {
        let path = file(name);
        let mut args = vec![
            "report",
            what,
            "--format",
            "docx",
            "-o",
            path.to_str().unwrap(),
        ];
        args.extend(extra);
        let out = sochibo(&args, &data);
        assert!(out.status.success(), "{}", text(&out.stderr));
        docx_text(&path)
    };
    let t = run("stats", "cocau.docx", &["--at", "21/11/2026"]);
    assert!(t.contains("BÁO CÁO"), "{t}");
    assert!(t.contains("Tổng số: 33 đảng viên"), "{t}");
    assert!(
        t.contains("Cơ cấu đội ngũ đảng viên tính đến ngày 21/11/2026"),
        "{t}"
    );
    assert!(t.contains("Chính thức: 30 đồng chí (90,9%)"), "{t}");
    assert!(t.contains("T/M CHI BỘ"), "{t}");
    let t = run("movements", "biendong.docx", &["--from", "01/01/2026"]);
    assert!(
        t.contains("Từ trần: 1 đồng chí") && t.contains("Chuyển đi: 1 đồng chí"),
        "{t}"
    );
    let t = run("meetings", "sinhhoat.docx", &[]);
    assert!(
        t.contains("Tỷ lệ đảng viên dự sinh hoạt") && t.contains("buổi"),
        "{t}"
    );

    // The admission pipeline: the year's progress and each candidate's step.
    let t = run("admission", "ketnap.docx", &[]);
    assert!(
        t.contains("Tình hình công tác phát triển đảng viên")
            && t.contains("I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU")
            && t.contains("bước tiếp theo")
            && t.contains("T/M CHI BỘ"),
        "{t}"
    );

    // docx needs a file: it says so and writes nothing.
    let out = sochibo(&["report", "stats", "--format", "docx"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("-o"), "{}", text(&out.stderr));
}

#[test]
fn import_never_rewrites_a_member_by_accident_and_says_why_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = dir.path().join("first.csv");
    std::fs::write(
        &first,
        "Họ và tên,Ngày sinh,Số thẻ đảng viên\nNguyễn Ngọc Ánh,01/05/1950,31001277\n",
    )
    .unwrap();
    let out = sochibo(&["import", "members", first.to_str().unwrap()], &data);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // The impostor, an unbalanced quote, a zero-width space and a good row.
    let second = dir.path().join("second.csv");
    std::fs::write(
        &second,
        "Họ và tên,Ngày sinh,Số thẻ đảng viên\n\
         Kẻ Mạo Danh,01/01/1950,31001277\n\
         \"Trần Văn Bình,02/02/1960,\n\
         Nguyễn Ngọc\u{200B} Ánh,,\n\
         Lê Thị Cúc,03/03/1970,\n",
    )
    .unwrap();
    let strict = sochibo(
        &["import", "members", second.to_str().unwrap(), "--strict"],
        &data,
    );
    assert_eq!(strict.status.code(), Some(1));
    assert!(text(&strict.stderr).contains("với --strict không nhập dòng nào"));

    let out = sochibo(&["import", "members", second.to_str().unwrap()], &data);
    assert_eq!(out.status.code(), Some(1), "rows were held back");
    let err = text(&out.stderr);
    assert!(
        err.contains("Dòng 2: số thẻ 31001277 là của đảng viên Nguyễn Ngọc Ánh (sinh 01/05/1950), nhưng dòng này ghi Kẻ Mạo Danh (sinh 01/01/1950)"),
        "{err}"
    );
    assert!(err.contains("KHÔNG ghi đè"), "{err}");
    assert!(err.contains("Dòng 3: dấu ngoặc kép"), "{err}");
    assert!(
        err.contains("Dòng 4, cột \"Họ và tên\": đã bỏ 1 ký tự vô hình"),
        "{err}"
    );
    assert!(err.contains("Dòng 4: \"Nguyễn Ngọc Ánh\""), "{err}");
    assert!(err.contains("2 dòng bị giữ lại"), "{err}");
    assert!(
        text(&out.stdout).contains("thêm mới 1, cập nhật 0, bỏ qua 3 dòng lỗi"),
        "{}",
        text(&out.stdout)
    );
    let listed = text(&sochibo(&["export", "members"], &data).stdout);
    assert!(listed.contains("Nguyễn Ngọc Ánh,,,01/05/1950"), "{listed}");
    assert!(
        !listed.contains("Mạo Danh") && !listed.contains("Bình"),
        "{listed}"
    );
    assert_eq!(listed.matches("Ánh").count(), 1, "{listed}");
    assert!(listed.contains("Lê Thị Cúc"), "{listed}");

    // In English too.
    let out = sochibo(
        &[
            "import",
            "members",
            second.to_str().unwrap(),
            "--lang",
            "en",
        ],
        &data,
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("Line 2: card number 31001277 belongs to Nguyễn Ngọc Ánh"),
        "{err}"
    );
    assert!(err.contains("Line 3: a quotation mark"), "{err}");
}
