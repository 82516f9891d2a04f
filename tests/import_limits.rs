//! Bounded imports (issue 20, items 3–4), run as a user would: each hostile file is built
//! here (a far cell, a zip bomb, a sheet of empty rows, Excel's maximum row count, a huge
//! line, `/dev/zero`, a sparse 4 GiB file, wrong encodings) and imported with the real
//! binary. Each must be refused with a clear message that names the limit, or imported,
//! never abort; and the importing process's peak resident memory (`VmHWM`) must stay at
//! or under 64 MB. A 10,000-member roster must import, CSV and `.xlsx`.

use crate::common;
use common::text;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use sochibo::interchange::import::{MAX_FILE_BYTES, MAX_ROWS};

/// The memory bound of any import, in kilobytes (64 MB).
const PEAK_KB: i64 = 64 * 1024;

/// What a measured run gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    /// Peak resident set of the run, in kilobytes.
    peak_kb: i64,
}

/// Runs `sochibo ARGS --data DATA` in a fresh process and measures its peak resident
/// memory. The process is this test binary again, running only [`measured_child`], which
/// calls the command line's `run` and then reads its own `VmHWM` (a fresh process image's
/// high-water mark; `wait4`'s `ru_maxrss` would include the test process's own memory,
/// which Linux carries over through `vfork` and `exec`). The test harness around it adds
/// a little, so the figure errs high.
fn run(args: &[&str], data: &Path) -> Run {
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_string()).collect();
    all.push("--data".into());
    all.push(data.display().to_string());
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "import_limits::measured_child",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .args(["--test-threads", "1", "-q"])
        .env("SOCHIBO_MEASURED_ARGS", all.join("\u{1f}"))
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env_remove("SOCHIBO_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    let peak_kb = stderr
        .lines()
        .find_map(|l| l.strip_prefix("PEAK_KB="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak reported (an abort?): {stderr}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: text(&out.stdout),
        stderr,
        peak_kb,
    }
}

/// The measured process of [`run`]: does nothing unless started by it.
#[test]
#[ignore = "a helper: started by run() in a fresh process, to measure its memory"]
fn measured_child() {
    use clap::Parser;
    let Ok(args) = std::env::var("SOCHIBO_MEASURED_ARGS") else {
        return;
    };
    let args = std::iter::once("sochibo").chain(args.split('\u{1f}'));
    let code = sochibo::cli::run(sochibo::cli::Args::parse_from(args));
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .unwrap()
        .trim()
        .trim_end_matches("kB")
        .trim()
        .to_string();
    eprintln!("\nPEAK_KB={peak}");
    std::process::exit(if code == std::process::ExitCode::SUCCESS {
        0
    } else {
        1
    });
}

/// Imports `file` into a fresh data folder (with the demo branch) and checks the bound.
fn import(dir: &Path, file: &Path, extra: &[&str]) -> Run {
    let data = dir.join("data");
    if !data.exists() {
        let r = run(&["demo"], &data);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let mut args = vec!["import", "members", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let r = run(&args, &data);
    assert!(
        r.code == 0 || r.code == 1,
        "exit {} (an abort?) for {}: {}",
        r.code,
        file.display(),
        r.stderr
    );
    eprintln!("{}: peak {} kB", file.display(), r.peak_kb);
    assert!(
        r.peak_kb <= PEAK_KB,
        "{}: peak {} kB over {PEAK_KB} kB",
        file.display(),
        r.peak_kb
    );
    r
}

/// Asserts a refusal that imported nothing and says `needle`.
fn refused(r: &Run, needle: &str) {
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains(needle), "{needle:?} not in: {}", r.stderr);
    assert!(!r.stdout.contains("Đã nhập"), "{}", r.stdout);
}

/// An `.xlsx` whose first sheet is `sheet_xml` (the `<sheetData>` content is written by
/// `rows`, streamed into the archive), with the parts Excel writes around it.
fn workbook(rows: impl FnOnce(&mut dyn Write)) -> Vec<u8> {
    workbook_at(1, rows)
}

/// [`workbook`] compressed at `level` (9 for the densest bomb).
fn workbook_at(level: i64, rows: impl FnOnce(&mut dyn Write)) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(level));
    let add = |z: &mut zip::ZipWriter<_>, name: &str, body: &str| {
        z.start_file(name, opt).unwrap();
        z.write_all(body.as_bytes()).unwrap();
    };
    add(
        &mut z,
        "[Content_Types].xml",
        r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    );
    add(
        &mut z,
        "_rels/.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    add(
        &mut z,
        "xl/workbook.xml",
        r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    add(
        &mut z,
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    );
    z.start_file("xl/worksheets/sheet1.xml", opt).unwrap();
    z.write_all(
        br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>"#,
    )
    .unwrap();
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, &mut z);
        rows(&mut w);
        w.flush().unwrap();
    }
    z.write_all(b"</sheetData></worksheet>").unwrap();
    z.finish().unwrap().into_inner()
}

/// One row of inline-string cells, from column A.
fn row(w: &mut dyn Write, r: usize, cells: &[&str]) {
    write!(w, "<row r=\"{r}\">").unwrap();
    for (i, c) in cells.iter().enumerate() {
        let col = (b'A' + i as u8) as char;
        write!(
            w,
            "<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{c}</t></is></c>"
        )
        .unwrap();
    }
    w.write_all(b"</row>").unwrap();
}

fn header(w: &mut dyn Write) {
    row(w, 1, &["Họ và tên", "Ngày sinh", "Số thẻ đảng viên"]);
}

#[test]
fn a_far_cell_is_refused_by_its_reference_and_a_far_empty_cell_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    // The 1.6 KB file of the issue: a header in A1 and one cell at XFD1048576.
    let far = dir.path().join("far.xlsx");
    std::fs::write(
        &far,
        workbook(|w| {
            header(w);
            write!(
                w,
                "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
            )
            .unwrap();
        }),
    )
    .unwrap();
    refused(&import(dir.path(), &far, &[]), "XFD1048576");
    let aaa = dir.path().join("aaa.xlsx");
    std::fs::write(
        &aaa,
        workbook(|w| {
            header(w);
            write!(w, "<row r=\"50000\"><c r=\"AAA50000\"><v>1</v></c></row>").unwrap();
        }),
    )
    .unwrap();
    refused(&import(dir.path(), &aaa, &[]), "AAA50000");
    // A formatted but empty cell far away (Excel leaves these) is nothing.
    let styled = dir.path().join("styled.xlsx");
    std::fs::write(
        &styled,
        workbook(|w| {
            header(w);
            row(w, 2, &["Đinh Thị Xa", "02/09/1960"]);
            write!(w, "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row>").unwrap();
        }),
    )
    .unwrap();
    let r = import(dir.path(), &styled, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("thêm mới 1,"), "{}", r.stdout);
}

#[test]
fn zip_bombs_are_refused_by_their_declared_size_or_after_a_cell_s_worth() {
    let dir = tempfile::tempdir().unwrap();
    // One cell of 2 GiB, 2 MB compressed: refused by the size the archive declares.
    let bomb = |cell_mib: usize| {
        workbook_at(9, |w| {
            header(w);
            w.write_all(b"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>")
                .unwrap();
            let chunk = vec![b'A'; 1 << 20];
            for _ in 0..cell_mib {
                w.write_all(&chunk).unwrap();
            }
            w.write_all(b"</t></is></c></row>").unwrap();
        })
    };
    let big = bomb(2048);
    assert!(
        big.len() < 3 << 20,
        "a bomb of {} bytes, not 2 MB",
        big.len()
    );
    let path = dir.path().join("bomb.xlsx");
    std::fs::write(&path, &big).unwrap();
    refused(&import(dir.path(), &path, &[]), "giải nén ra quá lớn");
    // One cell of 40 MB, under the part's limit: stopped at the first run of text longer
    // than a cell can be, whatever the archive declares.
    let path = dir.path().join("cell.xlsx");
    std::fs::write(&path, bomb(40)).unwrap();
    refused(&import(dir.path(), &path, &[]), "32767 ký tự");
}

#[test]
fn a_sheet_of_empty_rows_imports_and_excels_maximum_of_full_rows_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Every row Excel can have, all empty but the header and the last.
    let empty = dir.path().join("empty-rows.xlsx");
    std::fs::write(
        &empty,
        workbook(|w| {
            header(w);
            for r in 2..1_048_576 {
                write!(w, "<row r=\"{r}\"/>").unwrap();
            }
            row(w, 1_048_576, &["Đinh Thị Xa", "02/09/1960"]);
        }),
    )
    .unwrap();
    let r = import(dir.path(), &empty, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("thêm mới 1,"), "{}", r.stdout);
    // Every row Excel can have, each with a name: refused (84 MB of XML).
    let full = dir.path().join("full.xlsx");
    std::fs::write(
        &full,
        workbook(|w| {
            header(w);
            for r in 2..=1_048_576 {
                row(w, r, &["Nguyễn Văn An"]);
            }
        }),
    )
    .unwrap();
    refused(&import(dir.path(), &full, &[]), "MB");
    // One row more than the limit: refused by the row count, with the limit.
    let over = dir.path().join("over.xlsx");
    std::fs::write(
        &over,
        workbook(|w| {
            header(w);
            for r in 2..=MAX_ROWS + 2 {
                row(w, r, &[&format!("Nguyễn Văn An {r}")]);
            }
        }),
    )
    .unwrap();
    refused(
        &import(dir.path(), &over, &[]),
        &format!("tối đa {MAX_ROWS} dòng"),
    );
}

#[test]
fn endless_sparse_and_oversized_files_are_refused_by_size_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    refused(&import(dir.path(), Path::new("/dev/zero"), &[]), "8 MB");
    let sparse = dir.path().join("sparse.csv");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(4 << 30)
        .unwrap();
    refused(&import(dir.path(), &sparse, &[]), "8 MB");
    // Just over the limit, with real content.
    let big = dir.path().join("big.csv");
    let mut body = b"Ho va ten\n".to_vec();
    body.resize(MAX_FILE_BYTES as usize + 1, b'a');
    std::fs::write(&big, &body).unwrap();
    refused(&import(dir.path(), &big, &[]), "lớn hơn 8 MB");
}

#[test]
fn huge_lines_and_wrong_encodings_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    // One line of 7 MB of separators.
    let wide = dir.path().join("wide.csv");
    let mut body = "Họ và tên,Ngày sinh\n".as_bytes().to_vec();
    body.extend(std::iter::repeat_n(b',', 7 << 20));
    std::fs::write(&wide, &body).unwrap();
    refused(&import(dir.path(), &wide, &[]), "Dòng 2 có hơn 100 ô");
    // One cell of 7 MB: the row is refused as too long, the rest imports.
    let long = dir.path().join("long.csv");
    let mut body = "Họ và tên,Ngày sinh\nĐinh Thị Xa,02/09/1960\n".to_string();
    body.push_str(&"x".repeat(7 << 20));
    body.push_str(",01/01/1950\n");
    std::fs::write(&long, body).unwrap();
    let r = import(dir.path(), &long, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("Dòng 3, cột \"Họ và tên\""),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("thêm mới 1,"), "{}", r.stdout);
    // UTF-16 (Excel's "Unicode Text") and Windows-1258.
    let utf16 = dir.path().join("utf16.csv");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Họ và tên\tNgày sinh\r\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    refused(&import(dir.path(), &utf16, &[]), "CSV UTF-8");
    let cp1258 = dir.path().join("cp1258.csv");
    std::fs::write(&cp1258, b"H\xf5 va t\xean\r\nL\xea V\xe3n\r\n").unwrap();
    refused(&import(dir.path(), &cp1258, &[]), "CSV UTF-8");
}

/// A roster of `n` distinct members as CSV.
fn roster_csv(n: usize) -> String {
    let mut s = String::from("Họ và tên,Ngày sinh,Số thẻ đảng viên,Địa chỉ,Ghi chú\r\n");
    for i in 0..n {
        s.push_str(&format!(
            "Nguyễn Văn Thành {i},{:02}/{:02}/19{:02},{},\"Số {i}, đường Lạch Tray, Hải Phòng\",ghi chú {i}\r\n",
            1 + i % 28,
            1 + i % 12,
            40 + i % 50,
            10_000_000 + i
        ));
    }
    s
}

#[test]
fn a_roster_of_the_row_limit_imports_and_one_row_more_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("roster.csv");
    std::fs::write(&csv, roster_csv(MAX_ROWS)).unwrap();
    let r = import(dir.path(), &csv, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("thêm mới {MAX_ROWS},")),
        "{}",
        r.stdout
    );
    let over = dir.path().join("over.csv");
    std::fs::write(&over, roster_csv(MAX_ROWS + 1)).unwrap();
    refused(
        &import(dir.path(), &over, &[]),
        &format!("tối đa {MAX_ROWS} dòng"),
    );
    // The same roster as a workbook, into a fresh register.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("roster.xlsx");
    std::fs::write(
        &xlsx,
        workbook(|w| {
            header(w);
            for i in 0..MAX_ROWS {
                row(
                    w,
                    i + 2,
                    &[
                        &format!("Trần Thị Hoa {i}"),
                        &format!("{:02}/{:02}/1960", 1 + i % 28, 1 + i % 12),
                        &(20_000_000 + i).to_string(),
                    ],
                );
            }
        }),
    )
    .unwrap();
    let r = import(dir.path(), &xlsx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("thêm mới {MAX_ROWS},")),
        "{}",
        r.stdout
    );
}
