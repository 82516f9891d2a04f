//! `.xlsx` export and import, run as a user would, each workbook opened by Python's
//! standard zipfile and XML parser (python3 is on every CI machine; openpyxl is not
//! needed): headers, cell types, number formats, column widths, the frozen header row;
//! and an `.xlsx` import that reports exactly what the CSV import reports.

use crate::common;
use common::{sochibo, text};

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use sochibo::interchange::xlsx::{Cell, Sheet, to_xlsx};

/// One cell as Python read it from the first worksheet.
#[derive(Debug, Clone, PartialEq)]
struct XCell {
    /// "s" (shared string), "inlineStr", "str", "n" (number).
    kind: String,
    /// The text, or the number as written.
    value: String,
    /// The number format of the cell's style ("General" if none).
    format: String,
}

/// What Python found in a workbook's first worksheet.
struct Book {
    cells: HashMap<String, XCell>,
    /// `<col>` widths.
    widths: Vec<f64>,
    /// The pane: "ySplit state" ("1 frozen").
    pane: String,
    /// The sheet names in order.
    sheets: Vec<String>,
}

impl Book {
    fn cell(&self, r: &str) -> &XCell {
        self.cells
            .get(r)
            .unwrap_or_else(|| panic!("no cell {r}: {:?}", self.cells.keys()))
    }
    fn text(&self, r: &str) -> &str {
        self.cells.get(r).map_or("", |c| c.value.as_str())
    }
    /// The header row, A1 onwards.
    fn header(&self) -> Vec<String> {
        (0..)
            .map(|i| format!("{}1", col(i)))
            .map_while(|r| self.cells.get(&r).map(|c| c.value.clone()))
            .collect()
    }
}

fn col(i: usize) -> String {
    let mut s = String::new();
    let mut n = i + 1;
    while n > 0 {
        s.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

/// Opens `path` with zipfile + ElementTree: every part must parse; prints the first
/// worksheet's cells (reference, type, value with shared strings resolved, number format),
/// the column widths, the pane and the sheet names.
fn open(path: &Path) -> Book {
    let script = r#"
import zipfile, sys, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        ET.fromstring(z.read(n))
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
styles = ET.fromstring(z.read('xl/styles.xml'))
codes = {n.get('numFmtId'): n.get('formatCode') for n in styles.iter('{%s}numFmt' % ns['m'])}
builtin = {'0': 'General', '3': '#,##0', '10': '0.00%', '14': 'mm-dd-yy'}
xfs = [x.get('numFmtId', '0') for x in styles.find('m:cellXfs', ns).findall('m:xf', ns)]
wb = ET.fromstring(z.read('xl/workbook.xml'))
for s in wb.iter('{%s}sheet' % ns['m']):
    print('SHEET\t' + s.get('name'))
ws = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
for c in ws.iter('{%s}col' % ns['m']):
    print('COL\t' + c.get('min') + '\t' + c.get('max') + '\t' + c.get('width'))
for p in ws.iter('{%s}pane' % ns['m']):
    print('PANE\t' + (p.get('ySplit') or '') + ' ' + (p.get('state') or ''))
for c in ws.iter('{%s}c' % ns['m']):
    t = c.get('t', 'n')
    v = c.find('m:v', ns)
    if t == 's':
        val = shared[int(v.text)]
    elif t == 'inlineStr':
        val = ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))
    else:
        val = v.text if v is not None else ''
    fid = xfs[int(c.get('s', '0'))]
    fmt = codes.get(fid, builtin.get(fid, 'id' + fid))
    print('CELL\t' + c.get('r') + '\t' + t + '\t' + val.replace('\n', '\\n') + '\t' + fmt)
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut book = Book {
        cells: HashMap::new(),
        widths: Vec::new(),
        pane: String::new(),
        sheets: Vec::new(),
    };
    for line in text(&out.stdout).lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "SHEET" => book.sheets.push(f[1].to_string()),
            "COL" => {
                let (a, b): (usize, usize) = (f[1].parse().unwrap(), f[2].parse().unwrap());
                for _ in a..=b {
                    book.widths.push(f[3].parse().unwrap());
                }
            }
            "PANE" => book.pane = f[1].to_string(),
            "CELL" => {
                book.cells.insert(
                    f[1].to_string(),
                    XCell {
                        kind: f[2].to_string(),
                        value: f[3].to_string(),
                        format: f[4].to_string(),
                    },
                );
            }
            _ => panic!("{line}"),
        }
    }
    book
}

/// The Excel serial of a dd/mm/yyyy date.
fn serial(s: &str) -> String {
    let d = NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap();
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (d - epoch).num_days().to_string()
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let out = sochibo(&["demo"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    data
}

#[test]
fn members_export_as_a_real_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let path = dir.path().join("danh-sach.xlsx");
    let out = sochibo(
        &[
            "export",
            "members",
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Đã xuất 35 đảng viên"));
    let book = open(&path);
    assert_eq!(book.sheets, vec!["Danh sách đảng viên".to_string()]);

    // The same header words as the CSV, bold row frozen.
    let csv = text(&sochibo(&["export", "members"], &data).stdout);
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let csv_header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(book.header(), csv_header);
    assert_eq!(book.cell("A1").kind, "s", "headers are shared strings");
    assert_eq!(book.pane, "1 frozen");

    // The first member in the CSV is the first row, as text; the birth date is a number
    // with the dd/mm/yyyy format, equal to the CSV's date.
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(book.text("A2"), first[0]);
    assert!(!first[0].is_empty());
    let birth_col = csv_header.iter().position(|h| h == "Ngày sinh").unwrap();
    let birth = book.cell(&format!("{}2", col(birth_col)));
    assert_eq!(birth.kind, "n", "{birth:?}");
    assert_eq!(birth.format, "dd/mm/yyyy");
    assert_eq!(birth.value, serial(first[birth_col]));
    // The card number stays text (its leading zeros and dots are the card's).
    let card_col = csv_header
        .iter()
        .position(|h| h == "Số thẻ đảng viên")
        .unwrap();
    assert_eq!(book.cell(&format!("{}2", col(card_col))).kind, "s");

    // Widths from the content: every column has one, the name column is wider than the
    // gender column, and a date column fits dd/mm/yyyy.
    assert_eq!(book.widths.len(), csv_header.len());
    let gender_col = csv_header.iter().position(|h| h == "Giới tính").unwrap();
    assert!(
        book.widths[0] > book.widths[gender_col],
        "{:?}",
        book.widths
    );
    assert!(book.widths[birth_col] >= 10.0, "{:?}", book.widths);

    // Binary files are never written to the terminal.
    let out = sochibo(&["export", "members", "--format", "xlsx"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("không in ra màn hình được: thêm -o"),
        "{}",
        text(&out.stderr)
    );
    let out = sochibo(
        &["export", "members", "--format", "xlsx", "--lang", "en"],
        &data,
    );
    assert!(text(&out.stderr).contains("add -o NAME.xlsx"));
}

#[test]
fn reports_and_lists_as_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let run = |args: &[&str], name: &str| {
        let path = dir.path().join(name);
        let mut all = args.to_vec();
        all.extend(["--format", "xlsx", "-o", path.to_str().unwrap()]);
        let out = sochibo(&all, &data);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        open(&path)
    };

    // Member structure: the CSV's columns, counts as numbers, shares as numbers with a
    // percent format adding up to 100% per section, an empty row between sections.
    let book = run(&["report", "stats", "--at", "21/11/2026"], "cocau.xlsx");
    assert_eq!(book.header(), ["Mục", "Chỉ tiêu", "Số đảng viên", "Tỷ lệ"]);
    assert_eq!(book.text("A2"), "Loại đảng viên");
    assert_eq!(book.text("B2"), "Chính thức");
    assert_eq!(book.cell("C2").kind, "n");
    assert_eq!(book.cell("C2").value, "30");
    assert_eq!(book.cell("D2").format, "0.0%");
    assert_eq!(book.cell("D2").value, "0.909");
    assert!(
        !book.cells.contains_key("A4"),
        "empty row after the section"
    );
    assert_eq!(book.text("A5"), "Giới tính");
    let mut sums: Vec<(String, f64)> = Vec::new();
    for r in 2..200 {
        let Some(section) = book.cells.get(&format!("A{r}")) else {
            continue;
        };
        let share: f64 = book.cell(&format!("D{r}")).value.parse().unwrap();
        match sums.last_mut() {
            Some((s, sum)) if *s == section.value => *sum += share,
            _ => sums.push((section.value.clone(), share)),
        }
    }
    assert!(sums.len() >= 9, "{sums:?}");
    for (s, sum) in &sums {
        assert!((sum - 1.0).abs() < 1e-9, "{s}: {sum}");
    }

    // Meetings: real dates.
    let book = run(&["report", "meetings"], "sinhhoat.xlsx");
    assert_eq!(book.header()[0], "Ngày");
    assert_eq!(book.cell("A2").kind, "n");
    assert_eq!(book.cell("A2").format, "dd/mm/yyyy");
    assert_eq!(book.cell("E2").format, "0.0%");

    // Movements: the net change is a signed number.
    let book = run(&["report", "movements"], "biendong.xlsx");
    assert_eq!(book.header(), ["Biến động", "Số đảng viên"]);
    assert_eq!(book.text("A8"), "Tăng (+) / giảm (-)");
    assert_eq!(book.cell("B8").kind, "n");

    // Dues: amounts with thousands separators; in English the headers follow the CSV's.
    let book = run(&["export", "dues"], "dangphi.xlsx");
    assert_eq!(book.sheets, ["Đảng phí 2026"]);
    assert_eq!(&book.header()[..2], ["STT", "Họ và tên"]);
    assert_eq!(book.cell("E2").format, "#,##0");
    let csv = text(
        &sochibo(
            &["export", "dues", "--format", "csv", "--lang", "en"],
            &data,
        )
        .stdout,
    );
    let book = run(&["export", "dues", "--lang", "en"], "dues-en.xlsx");
    let en_header: Vec<String> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(book.header(), en_header);

    // The other lists carry the CSV's headers too.
    let book = run(&["export", "badges"], "huyhieu.xlsx");
    assert_eq!(book.cell("B2").format, "dd/mm/yyyy");
    let book = run(&["export", "candidates"], "ketnap.xlsx");
    assert_eq!(book.header()[..2], ["Họ và tên", "Ngày sinh"]);
    let book = run(&["report", "admission"], "ketnap2.xlsx");
    assert_eq!(book.header()[..2], ["Họ và tên", "Ngày sinh"]);
    let book = run(&["export", "exemptions", "--year", "2026"], "mien.xlsx");
    assert_eq!(book.header()[0], "Họ và tên");
    assert_eq!(book.cell("E2").format, "dd/mm/yyyy");
    let book = run(&["export", "assessments", "--year", "2025"], "danhgia.xlsx");
    assert_eq!(book.header()[..2], ["STT", "Họ và tên"]);
    assert_eq!(book.cell("A2").kind, "n");

    // The ward roll-up: branches, then each section of the ward's figures.
    let ward = dir.path().join("ward");
    assert!(
        sochibo(
            &["demo-ward", ward.to_str().unwrap(), "--branches", "3"],
            &data
        )
        .status
        .success()
    );
    let bundles: Vec<String> = (1..=3)
        .map(|b| {
            ward.join(format!("chi-bo-{b:02}.scb"))
                .display()
                .to_string()
        })
        .collect();
    let mut args = vec!["rollup"];
    args.extend(bundles.iter().map(String::as_str));
    let book = run(&args, "phuong.xlsx");
    assert_eq!(
        book.sheets,
        [
            "Các chi bộ",
            "Cơ cấu đảng viên",
            "Biến động",
            "Sinh hoạt từng tháng",
            "Xếp loại",
            "Đảng phí",
            "Kết nạp đảng viên",
            "Miễn sinh hoạt",
            "Huy hiệu Đảng",
            "Nơi cư trú, học tập NQ"
        ]
    );
    assert_eq!(book.text("A2"), "Chi bộ Tổ dân phố số 1");
    assert_eq!(book.text("A5"), "Cộng");
    let n: u32 = (2..=4)
        .map(|r| book.cell(&format!("B{r}")).value.parse::<u32>().unwrap())
        .sum();
    assert_eq!(book.cell("B5").value, n.to_string());

    // xlsx without -o is refused for reports and the roll-up as for the member list.
    for args in [
        vec!["report", "stats", "--format", "xlsx"],
        vec!["export", "dues", "--format", "xlsx"],
        vec!["rollup", bundles[0].as_str(), "--format", "xlsx"],
    ] {
        let out = sochibo(&args, &data);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(text(&out.stderr).contains("-o TÊN_TỆP.xlsx"), "{args:?}");
    }
}

/// The bad rows of `tests/cli.rs`'s CSV import test, as a workbook: real date cells where
/// the date exists, a text cell where it does not, card numbers as numbers, an empty row.
fn bad_rows_workbook() -> Vec<u8> {
    let d = |y, m, day| Cell::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    let mut s = Sheet::new("Sheet1", ["Ho va ten", "Ngay sinh", "So the dang vien"]);
    s.rows = vec![
        vec![Cell::text("Lê Văn A"), Cell::text("31/02/1960")],
        vec![Cell::Empty, d(1960, 1, 1)],
        vec![Cell::text("Trần Thị B"), d(1960, 1, 1), Cell::Int(12345678)],
    ];
    s.section_break(); // row 5 is empty
    s.rows.push(vec![
        Cell::text("Phạm C"),
        d(1962, 2, 2),
        Cell::Int(12345678),
    ]);
    to_xlsx(&[s]).unwrap()
}

const BAD_ROWS_CSV: &str = "\u{feff}Ho va ten;Ngay sinh;So the dang vien\r\nLê Văn A;31/02/1960;\r\n;01/01/1960;\r\nTrần Thị B;01/01/1960;12345678\r\n\r\nPhạm C;02/02/1962;12345678\r\n";

#[test]
fn xlsx_import_reports_what_the_csv_import_reports() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bad.xlsx");
    std::fs::write(&xlsx, bad_rows_workbook()).unwrap();
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, BAD_ROWS_CSV).unwrap();

    for extra in [&["--strict"][..], &[][..], &["--lang", "en"][..]] {
        let (a, b) = (
            dir.path().join(format!("a{}", extra.len())),
            dir.path().join(format!("b{}", extra.len())),
        );
        let mut args = vec!["import", "members", csv.to_str().unwrap()];
        args.extend(extra);
        let from_csv = sochibo(&args, &a);
        args[2] = xlsx.to_str().unwrap();
        let from_xlsx = sochibo(&args, &b);
        assert_eq!(from_csv.status.code(), Some(1), "{extra:?}");
        assert_eq!(from_xlsx.status.code(), from_csv.status.code(), "{extra:?}");
        assert_eq!(text(&from_xlsx.stderr), text(&from_csv.stderr), "{extra:?}");
        assert_eq!(text(&from_xlsx.stdout), text(&from_csv.stdout), "{extra:?}");
        let listed = |d: &Path| text(&sochibo(&["export", "members"], d).stdout);
        assert_eq!(listed(&b), listed(&a), "{extra:?}");
    }
    // What they say, so that "the same" is not "the same nothing".
    let out = sochibo(
        &["import", "members", xlsx.to_str().unwrap()],
        &dir.path().join("c"),
    );
    let err = text(&out.stderr);
    assert!(err.contains("Dòng 2, cột \"Ngày sinh\""), "{err}");
    assert!(err.contains("Dòng 3, cột \"Họ và tên\""), "{err}");
    assert!(err.contains("Dòng 6, cột \"Số thẻ đảng viên\""), "{err}");
    assert!(
        text(&out.stdout).contains("thêm mới 1, cập nhật 0, bỏ qua 3"),
        "{}",
        text(&out.stdout)
    );
    let listed = text(&sochibo(&["export", "members"], &dir.path().join("c")).stdout);
    assert!(listed.contains("Trần Thị B,,,01/01/1960,"), "{listed}");
    assert!(
        listed.contains(",12345678,"),
        "card 12345678, not 12345678.0: {listed}"
    );
}

#[test]
fn members_round_trip_through_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    // A name for the file without the .xlsx extension: recognised by its content.
    let path = dir.path().join("danh-sach.bang");
    let out = sochibo(
        &[
            "export",
            "members",
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = dir.path().join("danh-sach.csv");
    assert!(
        sochibo(&["export", "members", "-o", csv.to_str().unwrap()], &data)
            .status
            .success()
    );

    // Into an empty register: the same members as importing the CSV gives.
    let (x, c) = (dir.path().join("x"), dir.path().join("c"));
    let out = sochibo(&["import", "members", path.to_str().unwrap()], &x);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("thêm mới 35, cập nhật 0, bỏ qua 0"));
    assert!(
        sochibo(&["import", "members", csv.to_str().unwrap()], &c)
            .status
            .success()
    );
    let listed = |d: &Path| sochibo(&["export", "members", "--format", "csv"], d).stdout;
    assert_eq!(listed(&x), listed(&c));
    // Every field but the status (derived from events, which a list does not carry) is
    // the original's.
    let fields = |b: Vec<u8>| -> Vec<String> {
        text(&b)
            .lines()
            .map(|l| l.rsplit_once(',').unwrap().0.to_string())
            .collect()
    };
    assert_eq!(fields(listed(&x)), fields(listed(&data)));

    // Imported over the register it came from: every member updated, none added.
    let out = sochibo(&["import", "members", path.to_str().unwrap()], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("thêm mới 0, cập nhật 35"));
}

#[test]
fn unreadable_workbooks_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let before = sochibo(&["export", "members"], &data).stdout;
    let broken = dir.path().join("hong.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 this is not a workbook").unwrap();
    let old = dir.path().join("cu.xls");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    std::fs::write(&old, ole).unwrap();
    let no_name = dir.path().join("khong-ten.xlsx");
    let s = Sheet::new("x", ["Ngày sinh", "Địa chỉ"]);
    std::fs::write(&no_name, to_xlsx(&[s]).unwrap()).unwrap();
    for (f, says) in [
        (&broken, "Không đọc được tệp Excel (.xlsx)"),
        (&old, "Excel 97–2003 (.xls)"),
        (&no_name, "không có cột \"Họ và tên\""),
    ] {
        let out = sochibo(&["import", "members", f.to_str().unwrap()], &data);
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
    }
    assert_eq!(sochibo(&["export", "members"], &data).stdout, before);
}

#[test]
fn damaged_workbooks_are_errors_not_panics() {
    use sochibo::interchange::members_csv::{parse_xlsx, plan};
    let good = bad_rows_workbook();
    assert!(parse_xlsx(&good).is_ok());
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let mut tried = 0;
    for i in (0..good.len()).step_by(7) {
        for delta in [1u8, 0x80] {
            let mut changed = good.clone();
            changed[i] = changed[i].wrapping_add(delta);
            // Whatever survives the change goes on to the checks, which must not panic either.
            if let Ok(p) = parse_xlsx(&changed) {
                let _ = plan(&p.rows, &[], today);
            }
            tried += 1;
        }
        assert!(parse_xlsx(&good[..i]).is_err(), "cut at {i}");
    }
    assert!(tried > 100);
}
