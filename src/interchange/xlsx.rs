//! Spreadsheets (`.xlsx`) the way a Vietnamese ward office uses them, and the one table
//! model that both the CSV and the `.xlsx` exports are built from.
//!
//! Every list and report builds its rows once, as typed [`Cell`]s in a [`Sheet`]:
//! [`Sheet::to_csv`] renders them as the CSV text the exports always wrote (dates
//! dd/mm/yyyy, percentages "85,7%"), and [`to_xlsx`] writes a workbook with a bold,
//! frozen header row, column widths from the content, dates as real Excel dates shown
//! dd/mm/yyyy, counts and amounts as numbers, and shares as numbers with a percent format
//! (the rounded shares, so a section still adds up to 100,0% as in the CSV).
//!
//! Reading: [`read_first_sheet`] (in `xlsx_read`, streamed and bounded) gives the first
//! worksheet of an `.xlsx` as text cells by row number, for the member import (dates as
//! dd/mm/yyyy, whole numbers without ".0").

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use crate::domain::date::format_date;
use crate::domain::stats::format_permille;

/// Excel's limit on a sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;
/// Widest column the writer sets, in character widths (longer text still shows when the
/// cell is selected, and wraps when printed).
const MAX_WIDTH: f64 = 60.0;
/// Narrowest column.
const MIN_WIDTH: f64 = 4.0;
/// Width of a date shown dd/mm/yyyy.
const DATE_WIDTH: usize = 10;

/// One typed cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, written as text (never run as a formula).
    Text(String),
    /// A whole number (a count, a number in a list, a score).
    Int(i64),
    /// An amount of money in đồng, shown with thousands separators.
    Amount(i64),
    /// A share in permille (857 = 85,7%), shown as a percentage with one decimal.
    Percent(u32),
    /// A calendar date, shown dd/mm/yyyy.
    Date(NaiveDate),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A whole number.
    pub fn int(n: impl Into<i64>) -> Cell {
        Cell::Int(n.into())
    }

    /// A date, or nothing.
    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    /// A whole number, or nothing.
    pub fn opt_int(n: Option<impl Into<i64>>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Int(n.into()))
    }

    /// The cell as the CSV exports write it: [`Cell::plain`], except that text a
    /// spreadsheet would run as a formula gets an apostrophe in front (see `members_csv`).
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(s) => protect(s),
            _ => self.plain(),
        }
    }

    /// The cell as plain text (for the 80-column reports): dates dd/mm/yyyy, shares
    /// "85,7%", numbers without separators.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) | Cell::Amount(n) => n.to_string(),
            Cell::Percent(p) => format_permille(*p),
            Cell::Date(d) => format_date(*d),
        }
    }

    /// How many characters the cell shows in a spreadsheet (for the column width).
    fn shown_width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            Cell::Text(s) => s
                .lines()
                .map(|l| l.chars().filter(|c| !is_mark(*c)).count())
                .max()
                .unwrap_or(0),
            // Thousands separators: one every three digits.
            Cell::Amount(n) => {
                let digits = n.unsigned_abs().to_string().len();
                digits + (digits - 1) / 3 + usize::from(*n < 0)
            }
            Cell::Int(n) => n.to_string().len(),
            Cell::Percent(p) => format_permille(*p).chars().count(),
            Cell::Date(_) => DATE_WIDTH,
        }
    }
}

/// A combining mark (takes no column of its own in NFD text).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// One table: a header row and data rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet's name in a workbook (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// The header row (Vietnamese column names, the same words as the CSV).
    pub header: Vec<String>,
    /// The data rows; a row may be shorter than the header.
    pub rows: Vec<Vec<Cell>>,
    /// Indexes into `rows` before which the spreadsheet leaves one empty row, to
    /// separate the sections of a report. The CSV, read by programs, has no gaps.
    pub gaps: Vec<usize>,
}

impl Sheet {
    /// An empty sheet with a name and a header.
    pub fn new<S: Into<String>>(name: &str, header: impl IntoIterator<Item = S>) -> Sheet {
        Sheet {
            name: name.to_string(),
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            gaps: Vec::new(),
        }
    }

    /// Starts a new section: the spreadsheet leaves an empty row before the next row
    /// (not before the first one).
    pub fn section_break(&mut self) {
        if !self.rows.is_empty() {
            self.gaps.push(self.rows.len());
        }
    }

    /// The table as CSV for Excel: UTF-8 with BOM, `,`, CRLF, quoting where needed.
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer("\u{feff}".as_bytes().to_vec());
        // Writing to memory cannot fail.
        let _ = w.write_record(&self.header);
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(Cell::csv));
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Column widths in character units: the widest cell or header of each column, plus
    /// a margin, within [`MIN_WIDTH`]..[`MAX_WIDTH`].
    fn widths(&self) -> Vec<f64> {
        let n = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0);
        (0..n)
            .map(|i| {
                let head = self.header.get(i).map_or(0, |h| {
                    // Bold is a little wider.
                    (h.chars().filter(|c| !is_mark(*c)).count() * 11).div_ceil(10)
                });
                let body = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(Cell::shown_width)
                    .max()
                    .unwrap_or(0);
                (head.max(body) as f64 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
            })
            .collect()
    }
}

/// The Excel serial number of a date (days since 30/12/1899), for dates Excel can show:
/// from 01/03/1900 (Excel's calendar counts a 29/02/1900 that never was) to 31/12/9999.
pub fn excel_serial(d: NaiveDate) -> Option<f64> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let first = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    (d >= first && d.year() <= 9999).then(|| (d - epoch).num_days() as f64)
}

/// A sheet name Excel accepts: forbidden characters replaced, at most 31 characters,
/// not empty, and unique in the workbook (" (2)" added if needed).
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let base = if clean.is_empty() {
        "Sheet".to_string()
    } else {
        clean
    };
    let fit = |s: &str, room: usize| s.chars().take(room).collect::<String>();
    let mut out = fit(&base, SHEET_NAME_MAX);
    let mut n = 2;
    while taken.iter().any(|t| t.to_lowercase() == out.to_lowercase()) {
        let tail = format!(" ({n})");
        out = format!("{}{tail}", fit(&base, SHEET_NAME_MAX - tail.len()));
        n += 1;
    }
    out
}

/// A column index as the writer takes it (a table never has 16,384 columns; clamped).
fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Writes the sheets as an `.xlsx` workbook, one worksheet each, in order.
pub fn to_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let amount = Format::new().set_num_format("#,##0");
    let percent = Format::new().set_num_format("0.0%");
    let text = Format::new().set_text_wrap();
    let mut names: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &names);
        let ws = wb.add_worksheet();
        ws.set_name(name.as_str())?;
        names.push(name);
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, col(c), h, &header)?;
        }
        ws.set_freeze_panes(1, 0)?;
        // Ready to print (#22.6): A4 landscape, every column on one page's width, the
        // header row repeated on each page.
        ws.set_paper_size(9);
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        for (c, w) in sheet.widths().into_iter().enumerate() {
            ws.set_column_width(col(c), w)?;
        }
        let mut r: u32 = 1;
        for (i, row) in sheet.rows.iter().enumerate() {
            if sheet.gaps.contains(&i) {
                r += 1;
            }
            for (c, cell) in row.iter().enumerate() {
                let c = col(c);
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) if s.contains('\n') => {
                        ws.write_string_with_format(r, c, s, &text)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, c, *n as f64)?;
                    }
                    Cell::Amount(n) => {
                        ws.write_number_with_format(r, c, *n as f64, &amount)?;
                    }
                    Cell::Percent(p) => {
                        ws.write_number_with_format(r, c, f64::from(*p) / 1000.0, &percent)?;
                    }
                    Cell::Date(d) => match excel_serial(*d) {
                        Some(serial) => {
                            ws.write_number_with_format(r, c, serial, &date)?;
                        }
                        None => {
                            ws.write_string(r, c, format_date(*d))?;
                        }
                    },
                }
            }
            r += 1;
        }
    }
    wb.save_to_buffer()
}

/// Whether the bytes look like an `.xlsx` (a zip archive: `PK\x03\x04`).
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether the bytes look like an Excel 97–2003 `.xls` (an OLE compound file).
pub fn looks_like_xls(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

pub use super::xlsx_read::{ReadError, TextRow, read_first_sheet};

/// (so that [`unprotect`] can tell the added apostrophe from one in the data).
pub fn needs_guard(s: &str) -> bool {
    is_formula(s.trim_start_matches('\''))
}

/// Whether a spreadsheet would read the cell as a formula.
pub fn is_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '@') => true,
        // "+84 912 345 678", "-5" and "- ghi chú" are harmless; "-2+3+cmd|…" is not.
        Some('+' | '-') => chars.next().is_some_and(|c| {
            c != ' '
                && !s
                    .chars()
                    .all(|c| c.is_ascii_digit() || " .-+()/".contains(c))
        }),
        _ => false,
    }
}

/// The cell as written to the file: formula-like text gets a leading apostrophe.
pub fn protect(s: &str) -> String {
    if needs_guard(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn serials_match_excel() {
        assert_eq!(excel_serial(ymd(1900, 3, 1)), Some(61.0));
        assert_eq!(excel_serial(ymd(2026, 11, 21)), Some(46347.0));
        assert_eq!(excel_serial(ymd(1955, 9, 2)), Some(20334.0));
        assert_eq!(
            excel_serial(ymd(1900, 2, 28)),
            None,
            "before Excel's leap bug"
        );
        assert_eq!(excel_serial(ymd(1899, 1, 1)), None);
    }

    #[test]
    fn csv_cells_are_what_the_exports_always_wrote() {
        assert_eq!(Cell::Date(ymd(2026, 3, 5)).csv(), "05/03/2026");
        assert_eq!(Cell::Percent(857).csv(), "85,7%");
        assert_eq!(Cell::Amount(120_000).csv(), "120000");
        assert_eq!(Cell::Int(-2).csv(), "-2");
        assert_eq!(Cell::text("=SUM(A1)").csv(), "'=SUM(A1)");
        assert_eq!(Cell::Empty.csv(), "");
        let mut s = Sheet::new("x", ["Họ và tên", "Ngày"]);
        s.rows
            .push(vec![Cell::text("An, Bình"), Cell::Date(ymd(2026, 1, 2))]);
        s.section_break();
        s.rows.push(vec![Cell::text("C")]);
        assert_eq!(
            s.to_csv(),
            "\u{feff}Họ và tên,Ngày\r\n\"An, Bình\",02/01/2026\r\nC\r\n"
        );
        assert_eq!(s.gaps, vec![1]);
    }

    #[test]
    fn widths_follow_the_content_in_characters_not_bytes() {
        let mut s = Sheet::new("x", ["STT", "Họ và tên", "Ngày sinh", "Số tiền"]);
        s.rows.push(vec![
            Cell::int(1),
            Cell::text("Nguyễn Thị Phượng"),
            Cell::Date(ymd(1950, 1, 1)),
            Cell::Amount(1_234_567),
        ]);
        let w = s.widths();
        assert_eq!(w[0], 6.0, "STT bold: 4 + 2");
        assert_eq!(w[1], 19.0, "17 characters, not 24 bytes");
        assert_eq!(w[2], 12.0);
        assert_eq!(w[3], 11.0, "1.234.567");
        s.rows.push(vec![Cell::Empty, Cell::text("x".repeat(200))]);
        assert_eq!(s.widths()[1], MAX_WIDTH);
    }

    #[test]
    fn sheet_names_are_legal_and_unique() {
        assert_eq!(sheet_name("Đảng phí 2026", &[]), "Đảng phí 2026");
        assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
        assert_eq!(sheet_name("", &[]), "Sheet");
        let long = "Danh sách đảng viên được miễn sinh hoạt Đảng";
        assert_eq!(sheet_name(long, &[]).chars().count(), 31);
        let taken = vec!["Cơ cấu".to_string()];
        assert_eq!(sheet_name("cơ cấu", &taken), "cơ cấu (2)");
    }

    #[test]
    fn a_written_workbook_reads_back_as_typed() {
        let mut s = Sheet::new("Đảng viên", ["Họ và tên", "Ngày sinh", "Số thẻ", "Tỷ lệ"]);
        s.rows.push(vec![
            Cell::text("Trần Thị Bình"),
            Cell::Date(ymd(1955, 9, 2)),
            Cell::int(1234),
            Cell::Percent(500),
        ]);
        s.section_break();
        s.rows.push(vec![Cell::text("dòng 1\ndòng 2"), Cell::Empty]);
        let bytes = to_xlsx(&[s]).unwrap();
        assert!(looks_like_xlsx(&bytes));
        let rows = read_first_sheet(&bytes).unwrap();
        assert_eq!(
            rows,
            vec![
                (
                    1,
                    vec![
                        "Họ và tên".to_string(),
                        "Ngày sinh".into(),
                        "Số thẻ".into(),
                        "Tỷ lệ".into()
                    ]
                ),
                (
                    2,
                    vec![
                        "Trần Thị Bình".to_string(),
                        "02/09/1955".into(),
                        "1234".into(),
                        "0.5".into()
                    ]
                ),
                // Row 3 is the gap between sections, and is skipped.
                (4, vec!["dòng 1\ndòng 2".to_string()]),
            ]
        );
    }

    #[test]
    fn numbers_read_as_typed() {
        use crate::interchange::xlsx_read::number_text;
        assert_eq!(number_text(1234.0), "1234");
        assert_eq!(number_text(912345678.0), "912345678");
        assert_eq!(number_text(-5.0), "-5");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(1e20), "100000000000000000000");
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        assert!(matches!(
            read_first_sheet(b"PK\x03\x04 not really a zip"),
            Err(ReadError::Broken(_))
        ));
        assert!(looks_like_xls(&[
            0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0
        ]));
    }
}
