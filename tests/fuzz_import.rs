//! Fuzzing the import readers with a memory limit (issue 20): random and mutated CSV files
//! and `.xlsx` workbooks (a real export with bytes flipped, cut or repeated; sheets built
//! from hostile XML pieces: far cells, huge and odd references, entities, phonetic runs,
//! bad shared-string indexes, deep nesting) go through `parse`/`parse_xlsx` and `plan`.
//! Each must return (never panic), with a bounded result (no more than the row limit, no
//! cell longer than the cell limit, line numbers in order), and the process's peak
//! resident memory during the case (Linux: `VmHWM`, reset before each case through
//! `/proc/self/clear_refs`) must grow by no more than 64 MB.
//!
//! Briefly in CI (64 cases a property); at length on demand:
//! `PROPTEST_CASES=20000 cargo test --release --test suite fuzz_import::`
//! (failures are saved in `tests/fuzz_import.proptest-regressions` and replayed first).

use std::io::Write;
use std::sync::Mutex;

use chrono::NaiveDate;
use proptest::prelude::*;

use sochibo::domain::demo;
use sochibo::interchange::import::{MAX_CELL_CHARS, MAX_ROWS};
use sochibo::interchange::members_csv::{self, Parsed};
use sochibo::interchange::xlsx::to_xlsx;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// How many cases a property runs: `PROPTEST_CASES`, else 64.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    ProptestConfig::with_cases(cases)
}

/// The memory one case may add to the process's peak, in kilobytes.
const CASE_PEAK_KB: u64 = 64 * 1024;

/// Serialises the measured cases: the peak is the whole process's.
static MEASURE: Mutex<()> = Mutex::new(());

fn status_kb(field: &str) -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix(field))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Runs `f` and checks that the process's peak resident memory grew by at most
/// [`CASE_PEAK_KB`] (where Linux lets the peak be reset; elsewhere `f` just runs).
fn bounded<T>(f: impl FnOnce() -> T) -> T {
    let _one_at_a_time = MEASURE.lock().unwrap_or_else(|e| e.into_inner());
    let measured = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = status_kb("VmRSS:").unwrap_or(0);
    let out = f();
    if measured {
        let peak = status_kb("VmHWM:").unwrap_or(0);
        assert!(
            peak.saturating_sub(before) <= CASE_PEAK_KB,
            "peak {peak} kB from {before} kB"
        );
    }
    out
}

/// A real member list as CSV and as a workbook.
fn real_files() -> &'static (Vec<u8>, Vec<u8>) {
    static FILES: std::sync::OnceLock<(Vec<u8>, Vec<u8>)> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let members: Vec<_> = demo::demo_members(7, 12, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let csv = members_csv::export(&members, today()).into_bytes();
        let xlsx = to_xlsx(&[members_csv::sheet(&members, today())]).unwrap();
        (csv, xlsx)
    })
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    /// Set the byte at (position modulo length).
    Set(usize, u8),
    /// Insert bytes at (position modulo length + 1).
    Insert(usize, Vec<u8>),
    /// Remove up to n bytes at a position.
    Remove(usize, usize),
    /// Repeat a slice (position, length) n times in place.
    Repeat(usize, usize, usize),
    /// Cut the file at a position.
    Cut(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let piece = prop_oneof![
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just("\u{200B}".as_bytes().to_vec()),
        Just("\u{202E}".as_bytes().to_vec()),
        Just("\u{feff}".as_bytes().to_vec()),
        Just(b"\xff\xfe".to_vec()),
        prop::collection::vec(any::<u8>(), 1..16),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Set(p, b)),
        (any::<usize>(), piece).prop_map(|(p, v)| Mutation::Insert(p, v)),
        (any::<usize>(), 1usize..64).prop_map(|(p, n)| Mutation::Remove(p, n)),
        (any::<usize>(), 1usize..256, 1usize..64).prop_map(|(p, l, n)| Mutation::Repeat(p, l, n)),
        any::<usize>().prop_map(Mutation::Cut),
    ]
}

fn mutate(mut bytes: Vec<u8>, ms: &[Mutation]) -> Vec<u8> {
    for m in ms {
        let len = bytes.len().max(1);
        match m {
            Mutation::Set(p, b) => {
                if let Some(x) = bytes.get_mut(p % len) {
                    *x = *b;
                }
            }
            Mutation::Insert(p, v) => {
                let at = p % (bytes.len() + 1);
                bytes.splice(at..at, v.iter().copied());
            }
            Mutation::Remove(p, n) => {
                let at = p % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Repeat(p, l, n) => {
                let at = p % len;
                let end = (at + l).min(bytes.len());
                if at < end {
                    let slice = bytes[at..end].to_vec();
                    for _ in 0..*n {
                        bytes.splice(at..at, slice.iter().copied());
                    }
                }
            }
            Mutation::Cut(p) => bytes.truncate(p % len),
        }
    }
    bytes
}

/// What a successful parse may give, whatever the input.
fn check_bounded(p: &Parsed) {
    assert!(p.rows.len() <= MAX_ROWS);
    assert!(
        p.rows.windows(2).all(|w| w[0].line < w[1].line),
        "lines in order"
    );
    assert!(p.rows.iter().all(|r| r.line >= 1));
    for r in &p.rows {
        for f in sochibo::domain::validate::Field::ALL {
            if let Some(t) = r.draft.text(*f) {
                // Cells are cut at the cell limit (CSV: in bytes of up to 4 a character).
                assert!(t.chars().count() <= MAX_CELL_CHARS * 4, "{f:?}");
            }
        }
    }
    // Planning against an empty register accounts for every row exactly once.
    let plan = members_csv::plan(&p.rows, &[], today());
    let refused = plan
        .rejected
        .iter()
        .map(|e| e.line)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(
        plan.items.len() + refused + plan.conflicts.len(),
        p.rows.len()
    );
}

/// Pieces of sheet XML, hostile and ordinary.
fn sheet_piece() -> impl Strategy<Value = String> {
    let reference = prop_oneof![
        Just("A1".to_string()),
        Just("B2".to_string()),
        Just("XFD1048576".to_string()),
        Just("AAA50000".to_string()),
        Just("ZZZZZZZZZZZZZZZZZZZZ1".to_string()),
        Just("A99999999999999999999".to_string()),
        Just(String::new()),
        "[A-Z]{1,3}[0-9]{1,7}",
    ];
    let value = prop_oneof![
        Just("Nguyễn Văn An".to_string()),
        Just("&amp;&lt;&#x1F600;&#0;&bogus;".to_string()),
        Just("_x000D__x005F_".to_string()),
        Just("1e308".to_string()),
        Just("-0".to_string()),
        Just("20334".to_string()),
        Just("NaN".to_string()),
        "\\PC{0,40}".prop_map(|s| s.replace(['<', '&'], "")),
    ];
    prop_oneof![
        (any::<u32>()).prop_map(|r| format!("<row r=\"{r}\">")),
        Just("<row>".to_string()),
        Just("</row>".to_string()),
        Just("<row/>".to_string()),
        (reference.clone(), value.clone())
            .prop_map(|(r, v)| format!("<c r=\"{r}\"><v>{v}</v></c>")),
        (reference.clone(), value.clone()).prop_map(|(r, v)| format!(
            "<c r=\"{r}\" t=\"inlineStr\"><is><t>{v}</t><rPh><t>x</t></rPh></is></c>"
        )),
        (reference.clone(), 0u32..40)
            .prop_map(|(r, i)| format!("<c r=\"{r}\" t=\"s\"><v>{i}</v></c>")),
        (reference.clone(), 0u32..10, value.clone())
            .prop_map(|(r, s, v)| format!("<c r=\"{r}\" s=\"{s}\"><v>{v}</v></c>")),
        (
            reference,
            prop_oneof![Just("b"), Just("e"), Just("str"), Just("d"), Just("zz")],
            value
        )
            .prop_map(|(r, t, v)| format!("<c r=\"{r}\" t=\"{t}\"><v>{v}</v></c>")),
        Just("<c><v>1</v></c>".to_string()),
        Just("<c r=\"A1\"/>".to_string()),
        Just("</c>".to_string()),
        Just("<v>".to_string()),
        Just("<![CDATA[x]]>".to_string()),
        Just("<x><y><z></z></y></x>".to_string()),
        Just("&".to_string()),
    ]
}

/// A workbook with the given sheet XML, shared strings and styles.
fn workbook(sheet: &str, shared: &[String]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opt = SimpleFileOptions::default();
    let mut add = |name: &str, body: &str| {
        z.start_file(name, opt).unwrap();
        z.write_all(body.as_bytes()).unwrap();
    };
    add(
        "xl/workbook.xml",
        r#"<workbook xmlns:r="r"><workbookPr date1904="0"/><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>"#,
    );
    add(
        "xl/_rels/workbook.xml.rels",
        r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
    );
    add(
        "xl/styles.xml",
        r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf/></cellXfs></styleSheet>"#,
    );
    let si: String = shared
        .iter()
        .map(|s| format!("<si><t xml:space=\"preserve\">{s}</t></si>"))
        .collect();
    add(
        "xl/sharedStrings.xml",
        &format!("<sst count=\"4294967295\">{si}</sst>"),
    );
    add(
        "xl/worksheets/sheet1.xml",
        &format!(
            "<worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>{sheet}</sheetData></worksheet>"
        ),
    );
    z.finish().unwrap().into_inner()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_break_either_reader(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        bounded(|| {
            if let Ok(p) = members_csv::parse(&bytes) {
                check_bounded(&p);
            }
            let mut zipped = b"PK\x03\x04".to_vec();
            zipped.extend_from_slice(&bytes);
            if let Ok(p) = members_csv::parse_xlsx(&zipped) {
                check_bounded(&p);
            }
        });
    }

    #[test]
    fn mutated_csv_files_are_read_or_refused(ms in prop::collection::vec(mutation(), 1..12)) {
        let bytes = mutate(real_files().0.clone(), &ms);
        bounded(|| {
            if let Ok(p) = members_csv::parse(&bytes) {
                check_bounded(&p);
            }
        });
    }

    #[test]
    fn mutated_workbooks_are_read_or_refused(ms in prop::collection::vec(mutation(), 1..6)) {
        let bytes = mutate(real_files().1.clone(), &ms);
        bounded(|| {
            if let Ok(p) = members_csv::parse_xlsx(&bytes) {
                check_bounded(&p);
            }
        });
    }

    #[test]
    fn hostile_sheets_are_read_or_refused(
        pieces in prop::collection::vec(sheet_piece(), 0..60),
        shared in prop::collection::vec("\\PC{0,12}".prop_map(|s| s.replace(['<', '&'], "")), 0..8),
        repeat in 1usize..2000,
    ) {
        let sheet = pieces.concat().repeat(repeat.min(20_000 / (pieces.len() + 1)));
        let bytes = workbook(&sheet, &shared);
        bounded(|| {
            if let Ok(p) = members_csv::parse_xlsx(&bytes) {
                check_bounded(&p);
            }
        });
    }
}
