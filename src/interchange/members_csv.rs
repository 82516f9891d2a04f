//! The member list as CSV, the way Excel on a Vietnamese Windows PC opens and saves it.
//!
//! [`export`] writes the register; [`parse`] reads a file the secretary filled in or edited
//! (Excel's own "CSV UTF-8" with `;` or `,`, with or without a BOM, headers with or without
//! diacritics); [`plan`] checks every row against the register and says what an import
//! would add, update and refuse, without saving anything. No file or terminal I/O here.
//!
//! Formula protection: a spreadsheet runs a cell as a formula when it starts with `=`, `@`,
//! or `+`/`-` not followed by a space, unless the whole cell is number-like (digits,
//! spaces and `.-+()/`). [`export`] prefixes such
//! text with an apostrophe (`=SUM(A1)` is written `'=SUM(A1)`), and [`parse`] removes that
//! apostrophe again, so a round trip is lossless. Phone numbers like `+84 912 345 678` and
//! notes like `- đã đóng đảng phí` are left as they are. A value that itself starts with
//! apostrophes in front of such text gets one more on export, so it too survives the trip.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::import::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use super::xlsx::{Cell, Sheet, needs_guard};
use super::xlsx_read::ReadError;
use crate::domain::date;
use crate::domain::member::{Gender, Member, MemberId, Occupation, PoliticalTheory, Professional};
use crate::domain::text;
use crate::domain::validate::{self, Field, FieldKind, MemberDraft, Problem, Warning};
use crate::i18n::{Catalogue, En, Vi};

/// Header of the informational status column [`export`] appends after the fields.
/// [`parse`] recognises it (and "Status") and ignores its cells.
pub const STATUS_COLUMN: &str = "Trạng thái";

const BOM: &str = "\u{feff}";

/// Why an import file cannot be read at all (problems of single rows are reported per
/// row, or as [`BrokenLine`]s).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    /// The file is not UTF-8 text (for example saved from Excel as plain "CSV", which uses
    /// the Windows code page; "CSV UTF-8" is needed).
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    /// The file has no header line.
    #[error("the file is empty")]
    Empty,
    /// The header has no full-name column ("Họ và tên").
    #[error("the header has no full-name column")]
    NoNameColumn,
    /// More data rows than [`MAX_ROWS`].
    #[error("more than {limit} rows")]
    TooManyRows {
        /// The limit.
        limit: usize,
    },
    /// A line of the CSV has more cells than [`MAX_COLUMNS`].
    #[error("line {line} has more than {limit} cells")]
    TooManyColumns {
        /// The line where the row starts.
        line: usize,
        /// The limit.
        limit: usize,
    },
    /// The `.xlsx` workbook cannot be read.
    #[error("the workbook cannot be read: {0}")]
    Xlsx(#[from] ReadError),
}

/// Why a line of a CSV file was refused before its cells could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// A quotation mark opened on this line is never closed: read as written, the rest
    /// of the file would be one cell. The next line is read as a new row.
    UnclosedQuote,
    /// A quoted cell of a one-line column (a name, a date, a number) runs from this line
    /// to line `to`: a quotation mark is missing, and the lines in between were swallowed.
    QuoteAcrossLines {
        /// The last line of the cell.
        to: usize,
        /// The column's header, as written in the file.
        column: String,
    },
}

/// A refused line of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLine {
    /// The line (1-based, physical).
    pub line: usize,
    /// What is wrong.
    pub problem: LineProblem,
}

/// One data row of an imported file, before checking against the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based physical line where the row starts in the file (the header is line 1 unless
    /// blank lines precede it; a quoted cell spanning lines moves later rows down).
    pub line: usize,
    /// The row's cells, formula protection removed, not yet cleaned or checked.
    pub draft: MemberDraft,
    /// Cells that could not be read (an unknown choice value), by field.
    pub errors: Vec<(Field, Problem)>,
    /// Fields with no column in the file. Importing over an existing member keeps that
    /// member's values for these; a new member gets them empty.
    pub absent: Vec<Field>,
}

/// A parsed CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The data rows in file order; rows whose cells are all empty are skipped.
    pub rows: Vec<CsvRow>,
    /// Header cells that name no field, as written in the file; their cells are ignored.
    /// Also lists a second column for a field already seen (only the first is read).
    pub ignored_columns: Vec<String>,
    /// Fields with no column in the file (the same list as each row's `absent`).
    pub missing_columns: Vec<Field>,
    /// The separator found in the header line: `b','` or `b';'` (0 for an `.xlsx`).
    pub separator: u8,
    /// Lines refused because of their quotation marks (CSV only), in file order.
    pub broken: Vec<BrokenLine>,
}

/// One refused cell of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row's line in the file (see [`CsvRow::line`]).
    pub line: usize,
    /// The column.
    pub field: Field,
    /// What is wrong.
    pub problem: Problem,
}

/// What an import would do. Nothing is saved until the caller saves `items`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// Members to save, in file order: `Some(id)` updates that member, `None` adds one.
    /// Ready for `Store::save_members`.
    pub items: Vec<(Option<MemberId>, Member)>,
    /// How many items are new members.
    pub added: usize,
    /// How many items update existing members.
    pub updated: usize,
    /// Every problem of every refused row (a row may have several); refused rows are not
    /// in `items`.
    pub rejected: Vec<RowError>,
    /// Non-blocking warnings of accepted rows, with their line.
    pub warnings: Vec<(usize, Warning)>,
    /// Rows that would rewrite or repeat an existing member by accident, in file order;
    /// they are not in `items` (the user decides: correct the file, or the member).
    pub conflicts: Vec<Conflict>,
    /// Cells of accepted or refused rows from which invisible or direction-control
    /// characters were removed: (line, field, how many).
    pub cleaned: Vec<(usize, Field, usize)>,
}

impl ImportPlan {
    /// Number of refused rows (distinct lines in `rejected`).
    pub fn rejected_rows(&self) -> usize {
        self.rejected
            .iter()
            .map(|e| e.line)
            .collect::<HashSet<_>>()
            .len()
    }
}

/// Why a row was held back as a possible mistake about who the person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// The row's card number is an existing member's, but the row's name is another
    /// person's and its birth date does not confirm it (it differs, or is not given):
    /// importing it would rewrite that member as someone else.
    CardOwner,
    /// The row would add a member whose name looks the same as an existing member's
    /// (equal but for diacritics, case, spacing, invisible characters or Cyrillic/Greek
    /// look-alike letters, see [`text::lookalike_key`]), and the birth dates do not tell
    /// them apart: probably the same person, added twice.
    LooksLike,
}

/// One row held back, with both sides shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The row's line in the file.
    pub line: usize,
    /// What kind of conflict.
    pub kind: ConflictKind,
    /// The existing member.
    pub id: MemberId,
    /// The existing member's name.
    pub existing_name: String,
    /// The existing member's birth date.
    pub existing_birth: Option<NaiveDate>,
    /// The row's name (cleaned).
    pub row_name: String,
    /// The row's birth date, if it has a valid one.
    pub row_birth: Option<NaiveDate>,
    /// The card number as written in the row (may be empty).
    pub card: String,
}

// ---------------------------------------------------------------------------------------
// Export

/// The member list as CSV for Excel: UTF-8 with BOM, `,` separator, CRLF line ends,
/// quoting where needed. The header row is the Vietnamese field labels in
/// [`Field::ALL`] order, then [`STATUS_COLUMN`] (the status on `today`, for reading only).
/// Dates are dd/mm/yyyy, choices their Vietnamese labels, rows in Vietnamese name order
/// (given name first). Text that a spreadsheet would run as a formula gets an apostrophe
/// in front (see the module documentation); [`parse`] removes it again.
pub fn export(members: &[(MemberId, Member)], today: NaiveDate) -> String {
    sheet(members, today).to_csv()
}

/// The member list as one table, for [`export`] (CSV) and the `.xlsx` export: the same
/// header, rows and order; dates are [`Cell::Date`], everything else text.
pub fn sheet(members: &[(MemberId, Member)], today: NaiveDate) -> Sheet {
    let mut sorted: Vec<&Member> = members.iter().map(|(_, m)| m).collect();
    sorted.sort_by(|a, b| text::compare_names(&a.full_name, &b.full_name));

    let mut header: Vec<String> = Field::ALL
        .iter()
        .map(|f| Vi.field(*f).to_string())
        .collect();
    header.push(STATUS_COLUMN.to_string());
    let mut out = Sheet::new(SHEET_NAME, header);
    for m in sorted {
        let draft = MemberDraft::from_member(m);
        let mut row: Vec<Cell> = Field::ALL.iter().map(|f| export_cell(&draft, *f)).collect();
        row.push(Cell::text(Vi.status(m.status_at(today))));
        out.rows.push(row);
    }
    out
}

/// Name of the member list's sheet in a workbook (document text).
pub const SHEET_NAME: &str = "Danh sách đảng viên";

fn export_cell(d: &MemberDraft, f: Field) -> Cell {
    let label = match f {
        Field::Gender => d.gender.map(|g| Vi.gender(g)),
        Field::Professional => d.professional.map(|p| Vi.professional(p)),
        Field::PoliticalTheory => d.political_theory.map(|p| Vi.political_theory(p)),
        Field::Occupation => d.occupation.map(|o| Vi.occupation(o)),
        // Control characters (ESC of a terminal escape, …) never reach the file, even
        // from a record that did not come through the form (a restored backup); form
        // and import already strip them, so for those this changes nothing.
        _ => {
            let t = text::sanitize(d.text(f).map_or("", String::as_str));
            return match date::parse_date(&t) {
                Ok(day) if f.kind() == FieldKind::Date => Cell::Date(day),
                _ if t.is_empty() => Cell::Empty,
                _ => Cell::Text(t),
            };
        }
    };
    label.map_or(Cell::Empty, Cell::text)
}

/// Undoes [`protect`]: removes one apostrophe that guards formula-like text.
fn unprotect(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

// ---------------------------------------------------------------------------------------
// Parse

/// Reads a CSV file of members. Accepts UTF-8 with or without BOM, `,` or `;` as the
/// separator (whichever occurs more outside quotes in the header line; an Excel `sep=;`
/// first line is honoured too), CRLF, LF or CR line ends and rows of any length. Header cells
/// are matched to fields ignoring case, diacritics and punctuation, against the Vietnamese
/// and English labels and a few common short forms ("Họ tên", "CCCD", "SĐT"); other
/// columns are listed in [`Parsed::ignored_columns`]. The full-name column is required.
/// Choice cells are matched the same way against both languages' labels and common short
/// forms ("ĐH", "CBCCVC", "hưu"); an unknown value is a row error, not a file error.
///
/// Bounded: at most [`MAX_ROWS`] data rows and [`MAX_COLUMNS`] cells a line (more is a
/// [`HeaderError`]). A quotation mark that never closes refuses its line only, and a quoted
/// name, date or number that runs over several lines refuses those lines
/// ([`Parsed::broken`]), instead of swallowing the rows after it.
pub fn parse(bytes: &[u8]) -> Result<Parsed, HeaderError> {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| HeaderError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(HeaderError::Empty);
    }
    let (separator, body_start) = match sep_hint(text) {
        Some((sep, after)) => (sep, after),
        None => (sniff_separator(text), 0),
    };
    let first_line = 1 + usize::from(body_start > 0);
    let mut reader = CsvReader::new(
        text.get(body_start..).unwrap_or_default(),
        separator,
        first_line,
    );
    let mut broken = Vec::new();
    let header = loop {
        match reader.next()? {
            None => return Err(HeaderError::Empty),
            Some(Err(line)) => broken.push(BrokenLine {
                line,
                problem: LineProblem::UnclosedQuote,
            }),
            Some(Ok(r)) if r.is_blank_line() => {}
            Some(Ok(r)) => break r,
        }
    };
    let columns = Columns::from_header(header.fields.iter().map(String::as_str))?;
    let choices = Choices::new();
    let mut rows = Vec::new();
    while let Some(next) = reader.next()? {
        let record = match next {
            Err(line) => {
                broken.push(BrokenLine {
                    line,
                    problem: LineProblem::UnclosedQuote,
                });
                continue;
            }
            Ok(r) => r,
        };
        if record.fields.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() + broken.len() >= MAX_ROWS {
            return Err(HeaderError::TooManyRows { limit: MAX_ROWS });
        }
        // A line break inside a cell of a one-line column: a quotation mark is missing.
        let swallowed = record.fields.iter().enumerate().find(|(i, cell)| {
            cell.contains(['\n', '\r'])
                && !matches!(
                    columns.fields.get(*i),
                    Some(Some(Field::Notes | Field::Address))
                )
        });
        if let Some((i, _)) = swallowed {
            broken.push(BrokenLine {
                line: record.line,
                problem: LineProblem::QuoteAcrossLines {
                    to: record.end_line,
                    column: header
                        .fields
                        .get(i)
                        .map_or_else(String::new, |h| text::clean(h)),
                },
            });
            continue;
        }
        rows.push(columns.row(&choices, record.line, |i| {
            unprotect(record.fields.get(i).map_or("", String::as_str))
        }));
    }
    let mut parsed = columns.parsed(rows, separator);
    parsed.broken = broken;
    Ok(parsed)
}

/// Rows of a file with their lines (header first), and the lines refused for their quotes.
pub(crate) type RawRows = (Vec<(usize, Vec<String>)>, Vec<BrokenLine>);

/// The rows of a CSV file as [`parse`] reads them (BOM, `,`/`;`/`sep=`, quotes, the
/// bounds of [`MAX_ROWS`] and [`MAX_COLUMNS`], formula protection removed), without
/// mapping columns to member fields: `(line, cells)` per non-blank row, the header row
/// first, and the lines refused for their quotation marks. For imports with their own
/// columns (liaison members).
pub(crate) fn raw_rows(bytes: &[u8]) -> Result<RawRows, HeaderError> {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| HeaderError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(HeaderError::Empty);
    }
    let (separator, body_start) = match sep_hint(text) {
        Some((sep, after)) => (sep, after),
        None => (sniff_separator(text), 0),
    };
    let first_line = 1 + usize::from(body_start > 0);
    let mut reader = CsvReader::new(
        text.get(body_start..).unwrap_or_default(),
        separator,
        first_line,
    );
    let (mut rows, mut broken) = (Vec::new(), Vec::new());
    while let Some(next) = reader.next()? {
        match next {
            Err(line) => broken.push(BrokenLine {
                line,
                problem: LineProblem::UnclosedQuote,
            }),
            Ok(r) if r.fields.iter().all(|c| c.trim().is_empty()) => {}
            Ok(r) => {
                if rows.len() + broken.len() > MAX_ROWS {
                    return Err(HeaderError::TooManyRows { limit: MAX_ROWS });
                }
                let cells = r.fields.iter().map(|c| unprotect(c).to_string()).collect();
                rows.push((r.line, cells));
            }
        }
    }
    Ok((rows, broken))
}

/// The most bytes kept of one CSV cell: [`MAX_CELL_CHARS`] characters of up to four bytes.
/// A longer cell is cut (and then refused as too long for any field), so one endless cell
/// costs no more memory than this.
const CELL_BYTES_MAX: usize = MAX_CELL_CHARS * 4;

fn push_capped(field: &mut Vec<u8>, b: u8) {
    if field.len() < CELL_BYTES_MAX {
        field.push(b);
    }
}

/// One record of a CSV text.
struct Record {
    /// The physical line it starts on.
    line: usize,
    /// The physical line it ends on (later than `line` when a quoted cell spans lines).
    end_line: usize,
    /// Its cells, quotes removed.
    fields: Vec<String>,
}

impl Record {
    /// An empty line (no separator, nothing).
    fn is_blank_line(&self) -> bool {
        self.fields.len() == 1 && self.fields[0].is_empty()
    }
}

/// Splits CSV text into records the way Excel and the `csv` crate read it: a cell that
/// starts with `"` is quoted (`""` inside is one `"`; text after the closing quote is
/// kept); a `"` elsewhere is a character; `\r\n`, `\n` and `\r` end a line. Counts
/// physical lines, and bounds the cells of a record.
struct CsvReader<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
    sep: u8,
}

impl<'a> CsvReader<'a> {
    fn new(text: &'a str, sep: u8, first_line: usize) -> Self {
        CsvReader {
            text: text.as_bytes(),
            pos: 0,
            line: first_line,
            sep,
        }
    }

    /// Steps over one line break at `pos` (if any), counting it.
    fn line_break(&mut self) {
        match self.text.get(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if self.text.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
            }
            _ => {}
        }
    }

    /// The next record; `Some(Err(line))` for a quotation mark opened on `line` that never
    /// closes (reading then resumes on the line after it); `None` at the end.
    #[allow(clippy::type_complexity)]
    fn next(&mut self) -> Result<Option<Result<Record, usize>>, HeaderError> {
        if self.pos >= self.text.len() {
            return Ok(None);
        }
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            let mut field = Vec::new();
            if self.text.get(self.pos) == Some(&b'"') {
                let (quote_at, quote_line) = (self.pos, self.line);
                self.pos += 1;
                loop {
                    match self.text.get(self.pos) {
                        None => {
                            // Never closed: refuse the line of the quote, go on after it.
                            self.pos = quote_at;
                            self.line = quote_line;
                            while self
                                .text
                                .get(self.pos)
                                .is_some_and(|b| *b != b'\n' && *b != b'\r')
                            {
                                self.pos += 1;
                            }
                            self.line_break();
                            return Ok(Some(Err(quote_line)));
                        }
                        Some(b'"') if self.text.get(self.pos + 1) == Some(&b'"') => {
                            push_capped(&mut field, b'"');
                            self.pos += 2;
                        }
                        Some(b'"') => {
                            self.pos += 1;
                            break;
                        }
                        Some(&b) => {
                            if b == b'\n'
                                || (b == b'\r' && self.text.get(self.pos + 1) != Some(&b'\n'))
                            {
                                self.line += 1;
                            }
                            push_capped(&mut field, b);
                            self.pos += 1;
                        }
                    }
                }
            }
            while let Some(&b) = self.text.get(self.pos) {
                if b == self.sep || b == b'\n' || b == b'\r' {
                    break;
                }
                push_capped(&mut field, b);
                self.pos += 1;
            }
            // Split at ASCII bytes of valid UTF-8, each cell is valid UTF-8 unless it was cut.
            fields.push(
                String::from_utf8(field)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            );
            if fields.len() > MAX_COLUMNS {
                return Err(HeaderError::TooManyColumns {
                    line,
                    limit: MAX_COLUMNS,
                });
            }
            match self.text.get(self.pos) {
                Some(&b) if b == self.sep => self.pos += 1,
                _ => break,
            }
        }
        let end_line = self.line;
        self.line_break();
        Ok(Some(Ok(Record {
            line,
            end_line,
            fields,
        })))
    }
}

/// How many non-empty rows above the header an `.xlsx` import passes over (a title, the
/// unit, a date).
const TITLE_ROWS_MAX: usize = 10;

/// Reads the first worksheet of an `.xlsx` workbook of members, with the same header
/// matching, choice matching and row checks as [`parse`]: the header is the first row
/// with a full-name column (title rows above it, at most [`TITLE_ROWS_MAX`], are passed
/// over), empty rows are skipped, and each row's `line` is its row number in Excel.
/// Date cells arrive as dd/mm/yyyy and whole-number cells without ".0" (see
/// [`super::xlsx_read`]); cells are taken as they are (an `.xlsx` cell is text or a
/// number, never a formula to guard against, so no apostrophe is removed).
/// [`Parsed::separator`] is 0. The sheet is streamed and bounded (see
/// [`super::xlsx_read::each_row`]): each row becomes a [`CsvRow`] as it is read.
pub fn parse_xlsx(bytes: &[u8]) -> Result<Parsed, HeaderError> {
    let choices = Choices::new();
    let mut columns: Option<Columns> = None;
    let mut seen = 0usize;
    let mut rows = Vec::new();
    super::xlsx_read::each_row(bytes, |(line, cells)| {
        match &columns {
            Some(_) if rows.len() == MAX_ROWS => {
                return Err(HeaderError::TooManyRows { limit: MAX_ROWS });
            }
            Some(c) => {
                rows.push(c.row(&choices, line, |i| cells.get(i).map_or("", String::as_str)))
            }
            None => {
                // Office sheets often have a title (and a date, a unit) above the table:
                // the header is the first of the first rows that has a full-name column.
                seen += 1;
                match Columns::from_header(cells.iter().map(String::as_str)) {
                    Ok(c) => columns = Some(c),
                    Err(e) if seen > TITLE_ROWS_MAX => return Err(e),
                    Err(_) => {}
                }
            }
        }
        Ok(())
    })?;
    match columns {
        Some(c) => Ok(c.parsed(rows, 0)),
        None if seen == 0 => Err(HeaderError::Empty),
        None => Err(HeaderError::NoNameColumn),
    }
}

/// The columns of an import file: which field each header cell names.
struct Columns {
    /// Per column, the field it fills (`None`: ignored or the status column).
    fields: Vec<Option<Field>>,
    /// Header cells that name no field, or a field already seen.
    ignored: Vec<String>,
    /// Fields with no column.
    missing: Vec<Field>,
}

impl Columns {
    /// Matches the header cells to fields; the full-name column is required.
    fn from_header<'a>(header: impl Iterator<Item = &'a str>) -> Result<Columns, HeaderError> {
        let mut fields = Vec::new();
        let mut ignored = Vec::new();
        let mut seen = HashSet::new();
        for cell in header {
            let k = key(cell);
            let field = if k.is_empty() || is_status_header(&k) {
                None
            } else {
                match header_field(&k) {
                    Some(f) if seen.insert(f) => Some(f),
                    _ => {
                        ignored.push(text::clean(cell));
                        None
                    }
                }
            };
            fields.push(field);
        }
        if !seen.contains(&Field::FullName) {
            return Err(HeaderError::NoNameColumn);
        }
        let missing = Field::ALL
            .iter()
            .copied()
            .filter(|f| !seen.contains(f))
            .collect();
        Ok(Columns {
            fields,
            ignored,
            missing,
        })
    }

    /// One data row from its cells (`cell(i)` is column `i`, "" past the end).
    fn row<'c>(&self, choices: &Choices, line: usize, cell: impl Fn(usize) -> &'c str) -> CsvRow {
        let mut draft = MemberDraft::default();
        let mut errors = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            let Some(f) = *field else { continue };
            let cell = cell(i);
            if let Some(t) = draft.text_mut(f) {
                *t = restore_leading_zero(f, cell);
            } else {
                match choices.find(f, cell) {
                    Ok(v) => draft.set_choice(f, v),
                    Err(()) => errors.push((f, Problem::UnknownChoice)),
                }
            }
        }
        CsvRow {
            line,
            draft,
            errors,
            absent: self.missing.clone(),
        }
    }

    fn parsed(self, rows: Vec<CsvRow>, separator: u8) -> Parsed {
        Parsed {
            rows,
            ignored_columns: self.ignored,
            missing_columns: self.missing,
            separator,
            broken: Vec::new(),
        }
    }
}

/// Excel's optional first line `sep=;`: the separator and where the header starts.
fn sep_hint(text: &str) -> Option<(u8, usize)> {
    let first = text.lines().next()?;
    let sep = match first.trim().to_ascii_lowercase().as_str() {
        "sep=;" => b';',
        "sep=," => b',',
        _ => return None,
    };
    let after = text.find('\n').map_or(text.len(), |i| i + 1);
    Some((sep, after))
}

/// `;` if the first non-blank line has more semicolons than commas outside quotes, else `,`.
fn sniff_separator(text: &str) -> u8 {
    let (mut commas, mut semicolons) = (0usize, 0usize);
    let (mut quoted, mut started) = (false, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => {
                if started {
                    break;
                }
                continue;
            }
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            c if c.is_whitespace() => continue,
            _ => {}
        }
        started = true;
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Matching key of a header or choice cell: folded (no case, no diacritics, `đ` → `d`),
/// words of letters and digits joined by single spaces. "Cán bộ, công chức" → "can bo cong chuc".
fn key(s: &str) -> String {
    let folded = text::fold(s);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

fn is_status_header(k: &str) -> bool {
    k == key(STATUS_COLUMN) || k == "status"
}

/// Common header spellings besides the catalogue labels.
const HEADER_ALIASES: &[(&str, Field)] = &[
    ("ho ten", Field::FullName),
    ("ten goi khac", Field::OtherName),
    ("cccd", Field::NationalId),
    ("can cuoc cong dan", Field::NationalId),
    ("so can cuoc cong dan", Field::NationalId),
    ("so dien thoai", Field::Phone),
    ("sdt", Field::Phone),
    ("so the", Field::CardNumber),
    ("so the dang", Field::CardNumber),
    ("trinh do chuyen mon", Field::Professional),
    ("trinh do ly luan chinh tri", Field::PoliticalTheory),
    ("hoc van", Field::Education),
];

fn header_field(k: &str) -> Option<Field> {
    Field::ALL
        .iter()
        .copied()
        .find(|f| key(Vi.field(*f)) == k || key(En.field(*f)) == k)
        .or_else(|| {
            HEADER_ALIASES
                .iter()
                .find(|(a, _)| *a == k)
                .map(|(_, f)| *f)
        })
}

/// Common short forms of choice values besides the catalogue labels.
const PROFESSIONAL_ALIASES: &[(&str, Professional)] = &[
    ("dh", Professional::University),
    ("cu nhan", Professional::University),
    ("ky su", Professional::University),
    ("cd", Professional::College),
    ("tc", Professional::Intermediate),
    ("ths", Professional::Master),
    ("ts", Professional::Doctor),
    ("khong", Professional::None),
];
const THEORY_ALIASES: &[(&str, PoliticalTheory)] = &[
    ("sc", PoliticalTheory::Elementary),
    ("tc", PoliticalTheory::Intermediate),
    ("cc", PoliticalTheory::Advanced),
    ("khong", PoliticalTheory::None),
];
const OCCUPATION_ALIASES: &[(&str, Occupation)] = &[
    ("cbccvc", Occupation::CivilServant),
    ("cb cc vc", Occupation::CivilServant),
    ("can bo", Occupation::CivilServant),
    ("cong chuc", Occupation::CivilServant),
    ("vien chuc", Occupation::CivilServant),
    ("can bo cong chuc", Occupation::CivilServant),
    ("huu", Occupation::Retired),
    ("nghi huu", Occupation::Retired),
    ("tu do", Occupation::Freelance),
    ("hoc sinh", Occupation::Student),
    ("sinh vien", Occupation::Student),
    ("quan doi", Occupation::ArmedForces),
    ("cong an", Occupation::ArmedForces),
];

/// Matching keys of every choice value, per choice field.
struct Choices(HashMap<Field, HashMap<String, usize>>);

impl Choices {
    fn new() -> Self {
        fn table<T: Copy + PartialEq>(
            all: &[T],
            vi: impl Fn(T) -> &'static str,
            en: impl Fn(T) -> &'static str,
            aliases: &[(&str, T)],
        ) -> HashMap<String, usize> {
            let mut t = HashMap::new();
            for (i, v) in all.iter().enumerate() {
                t.insert(key(vi(*v)), i);
                t.entry(key(en(*v))).or_insert(i);
            }
            for (alias, v) in aliases {
                if let Some(i) = all.iter().position(|x| x == v) {
                    t.entry((*alias).to_string()).or_insert(i);
                }
            }
            t
        }
        let mut m = HashMap::new();
        m.insert(
            Field::Gender,
            table(Gender::ALL, |g| Vi.gender(g), |g| En.gender(g), &[]),
        );
        m.insert(
            Field::Professional,
            table(
                Professional::ALL,
                |p| Vi.professional(p),
                |p| En.professional(p),
                PROFESSIONAL_ALIASES,
            ),
        );
        m.insert(
            Field::PoliticalTheory,
            table(
                PoliticalTheory::ALL,
                |p| Vi.political_theory(p),
                |p| En.political_theory(p),
                THEORY_ALIASES,
            ),
        );
        m.insert(
            Field::Occupation,
            table(
                Occupation::ALL,
                |o| Vi.occupation(o),
                |o| En.occupation(o),
                OCCUPATION_ALIASES,
            ),
        );
        Choices(m)
    }

    /// The value's index in its type's `ALL`: `Ok(None)` for an empty cell, `Err` if unknown.
    fn find(&self, f: Field, cell: &str) -> Result<Option<usize>, ()> {
        let k = key(cell);
        if k.is_empty() {
            return Ok(None);
        }
        self.0
            .get(&f)
            .and_then(|t| t.get(&k))
            .map(|i| Some(*i))
            .ok_or(())
    }
}

// ---------------------------------------------------------------------------------------
// Plan

/// Checks every row and decides what importing them would do; saves nothing.
///
/// Each row is checked like the member form ([`validate::check_member`]), and all its
/// problems are collected, together with its parse errors. A row is the same person as an
/// existing member when the card number matches ([`validate::card_key`]), or else when the
/// folded full name and the birth date match; it then updates that member (keeping their
/// other timeline events and, for columns missing from the file, their values) instead of
/// adding a duplicate. Within the file, a card number, an existing member, or a new
/// member's name and birth date may appear only once: later rows are refused with
/// [`Problem::CardTaken`] naming the first row's member on the card-number column, or
/// [`Problem::DuplicateInFile`] on the full-name column when the match was by name and
/// birth date.
pub fn plan(rows: &[CsvRow], existing: &[(MemberId, Member)], today: NaiveDate) -> ImportPlan {
    // Every member holding each card number (one, unless the register is already wrong).
    let mut by_card: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_person: HashMap<(String, NaiveDate), usize> = HashMap::new();
    let mut by_look: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, m)) in existing.iter().enumerate() {
        let card = validate::card_key(&m.card_number);
        if !card.is_empty() {
            by_card.entry(card).or_default().push(i);
        }
        if let Some(b) = m.birth_date {
            by_person.entry((name_key(&m.full_name), b)).or_insert(i);
        }
        by_look
            .entry(text::lookalike_key(&m.full_name))
            .or_default()
            .push(i);
    }

    let mut out = ImportPlan::default();
    // First row's name for each card number, existing member and new person in the file.
    let mut cards_seen: HashMap<String, String> = HashMap::new();
    let mut members_seen: HashMap<MemberId, String> = HashMap::new();
    let mut persons_seen: HashMap<(String, NaiveDate), String> = HashMap::new();

    for row in rows {
        for f in Field::ALL {
            let n = row.draft.text(*f).map_or(0, |t| text::count_invisible(t));
            if n > 0 {
                out.cleaned.push((row.line, *f, n));
            }
        }
        let name = text::clean(&row.draft.full_name);
        let card = validate::card_key(&row.draft.card_number);
        let birth = date::parse_user_opt_date(&row.draft.birth_date, today, date::DateRole::Birth)
            .ok()
            .flatten();
        let person = birth.map(|b| (name_key(&name), b));
        let card_holders = Some(&card)
            .filter(|c| !c.is_empty())
            .and_then(|c| by_card.get(c));
        let by_card_match = card_holders.and_then(|v| v.first());
        let matched = by_card_match
            .or_else(|| person.as_ref().and_then(|p| by_person.get(p)))
            .and_then(|&i| existing.get(i));

        // Who the row is: a card number of another person, or a second copy of a member.
        let conflict = match matched {
            Some((id, m)) if by_card_match.is_some() && !name.is_empty() => {
                let other_name = name_key(&name) != name_key(&m.full_name);
                let unconfirmed = birth.is_none_or(|b| m.birth_date != Some(b));
                (other_name && unconfirmed).then_some((ConflictKind::CardOwner, *id, m))
            }
            Some(_) => None,
            None if name.is_empty() => None,
            None => by_look
                .get(&text::lookalike_key(&name))
                .into_iter()
                .flatten()
                .filter_map(|&i| existing.get(i))
                .find(|(_, m)| match (birth, m.birth_date) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                })
                .map(|(id, m)| (ConflictKind::LooksLike, *id, m)),
        };
        if let Some((kind, id, m)) = conflict {
            out.conflicts.push(Conflict {
                line: row.line,
                kind,
                id,
                existing_name: m.full_name.clone(),
                existing_birth: m.birth_date,
                row_name: name.clone(),
                row_birth: birth,
                card: text::clean(&row.draft.card_number),
            });
            if !card.is_empty() {
                cards_seen.entry(card).or_insert_with(|| name.clone());
            }
            continue;
        }
        let match_field = if by_card_match.is_some() {
            Field::CardNumber
        } else {
            Field::FullName
        };

        let draft = match matched {
            Some((_, m)) if !row.absent.is_empty() => keep_absent(&row.draft, m, &row.absent),
            _ => row.draft.clone(),
        };
        // Only the holders of the row's card number can make it taken.
        let others = card_holders
            .into_iter()
            .flatten()
            .filter_map(|&i| existing.get(i))
            .map(|(id, m)| (*id, m));
        let checked = validate::check_member(
            &draft,
            matched.map(|(_, m)| m),
            matched.map(|(id, _)| *id),
            others,
            today,
        );

        let mut problems: Vec<(Field, Problem)> = row.errors.clone();
        let checked = match checked {
            Ok(c) => Some(c),
            Err(errs) => {
                problems.extend(errs.into_iter().map(|e| (e.field, e.problem)));
                None
            }
        };

        let duplicate = if let Some(first) = cards_seen.get(&card) {
            Some((Field::CardNumber, first.clone()))
        } else if let Some(first) = matched.and_then(|(id, _)| members_seen.get(id)) {
            Some((match_field, first.clone()))
        } else if matched.is_none() {
            person
                .as_ref()
                .and_then(|p| persons_seen.get(p))
                .map(|first| (Field::FullName, first.clone()))
        } else {
            None
        };
        if let Some((field, first)) = duplicate {
            let problem = if field == Field::CardNumber {
                Problem::CardTaken(first)
            } else {
                Problem::DuplicateInFile(first)
            };
            problems.push((field, problem));
        }
        if !card.is_empty() {
            cards_seen.entry(card).or_insert_with(|| name.clone());
        }
        match (matched, person) {
            (Some((id, _)), _) => {
                members_seen.entry(*id).or_insert_with(|| name.clone());
            }
            (None, Some(p)) => {
                persons_seen.entry(p).or_insert_with(|| name.clone());
            }
            (None, None) => {}
        }

        match checked {
            Some(c) if problems.is_empty() => {
                out.warnings
                    .extend(c.warnings.into_iter().map(|w| (row.line, w)));
                let id = matched.map(|(id, _)| *id);
                if id.is_some() {
                    out.updated += 1;
                } else {
                    out.added += 1;
                }
                out.items.push((id, c.member));
            }
            _ => out
                .rejected
                .extend(problems.into_iter().map(|(field, problem)| RowError {
                    line: row.line,
                    field,
                    problem,
                })),
        }
    }
    out
}

/// Excel opens phone and CCCD cells as numbers and drops their leading zero when the
/// sheet is saved back. Every Vietnamese phone number and CCCD starts with 0, so a cell of
/// one digit too few that does not start with 0 gets it back ("912345678" → "0912345678").
fn restore_leading_zero(f: Field, cell: &str) -> String {
    let full = match f {
        Field::Phone => validate::PHONE_DIGITS.0,
        Field::NationalId => validate::NATIONAL_ID_DIGITS,
        _ => return cell.to_string(),
    };
    let t = cell.trim();
    if t.len() + 1 == full && !t.starts_with('0') && t.chars().all(|c| c.is_ascii_digit()) {
        format!("0{t}")
    } else {
        cell.to_string()
    }
}

/// How full names are compared to recognise the same person: folded, spaces collapsed.
fn name_key(name: &str) -> String {
    text::fold(&text::clean(name))
}

/// The row's draft with the fields that had no column taken from the existing member.
fn keep_absent(draft: &MemberDraft, existing: &Member, absent: &[Field]) -> MemberDraft {
    let current = MemberDraft::from_member(existing);
    let mut d = draft.clone();
    for &f in absent {
        match (d.text_mut(f), current.text(f)) {
            (Some(dst), Some(src)) => dst.clone_from(src),
            _ => d.set_choice(f, current.choice(f)),
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::xlsx::protect;
    use unicode_normalization::UnicodeNormalization;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn parse_str(s: &str) -> Parsed {
        parse(s.as_bytes()).unwrap()
    }

    #[test]
    fn xlsx_rows_take_the_csv_path_below_a_title() {
        use crate::interchange::xlsx::{Cell, Sheet, to_xlsx};
        let nfd: String = "Nguyễn Thị Hoà".nfd().collect();
        let mut s = Sheet::new("DS", ["DANH SÁCH ĐẢNG VIÊN CHI BỘ"]);
        s.rows = vec![
            vec![Cell::text("Tính đến ngày 21/11/2026")],
            vec![],
            vec![
                Cell::text("STT"),
                Cell::text("Họ và tên"),
                Cell::text("Ngày sinh"),
                Cell::text("Điện thoại"),
                Cell::text("Số thẻ đảng viên"),
                Cell::text("Giới tính"),
            ],
            vec![
                Cell::Int(1),
                Cell::Text(nfd.clone()),
                Cell::Date(NaiveDate::from_ymd_opt(1955, 9, 2).unwrap()),
                Cell::Int(912_345_678),
                Cell::Int(31_001_234),
                Cell::text("nữ"),
            ],
            vec![],
            vec![
                Cell::Int(2),
                Cell::text("Lê Văn Cường"),
                Cell::text("31/02/1960"),
            ],
        ];
        let p = parse_xlsx(&to_xlsx(&[s]).unwrap()).unwrap();
        assert_eq!(p.separator, 0);
        assert_eq!(p.ignored_columns, vec!["STT".to_string()]);
        let lines: Vec<usize> = p.rows.iter().map(|r| r.line).collect();
        assert_eq!(
            lines,
            vec![5, 7],
            "Excel row numbers; title and empty rows skipped"
        );
        let d = &p.rows[0].draft;
        assert_eq!(d.birth_date, "02/09/1955");
        assert_eq!(d.phone, "0912345678", "Excel's dropped zero comes back");
        assert_eq!(d.card_number, "31001234", "not 31001234.0");
        assert_eq!(d.gender, Some(Gender::Female));
        let plan = plan(&p.rows, &[], today());
        assert_eq!(plan.items.len(), 1);
        assert_eq!(
            plan.items[0].1.full_name, "Nguyễn Thị Hoà",
            "NFC as from a CSV"
        );
        assert_ne!(plan.items[0].1.full_name, nfd);
        assert_eq!(
            plan.rejected,
            vec![RowError {
                line: 7,
                field: Field::BirthDate,
                problem: Problem::Date(crate::domain::date::BadDate::Day {
                    day: 31,
                    month: 2,
                    year: 1960,
                    last: 29
                })
            }]
        );
        // No full-name column in the first rows: refused like a CSV.
        let s = Sheet::new("x", ["Ngày sinh"]);
        assert_eq!(
            parse_xlsx(&to_xlsx(&[s]).unwrap()),
            Err(HeaderError::NoNameColumn)
        );
    }

    #[test]
    fn separator_is_sniffed_outside_quotes() {
        assert_eq!(
            sniff_separator("Họ và tên;Ngày sinh;Địa chỉ\r\nA,B;C;D"),
            b';'
        );
        assert_eq!(sniff_separator("Họ và tên,Ngày sinh\n"), b',');
        // Semicolons inside a quoted header do not count.
        assert_eq!(sniff_separator("\"a;b;c\",Ngày sinh,Địa chỉ\n"), b',');
        // Commas inside quotes do not count either; leading blank lines are skipped.
        assert_eq!(
            sniff_separator("\r\n\n\"Họ, tên\";Ngày sinh\n1,2,3,4\n"),
            b';'
        );

        let p = parse_str("Họ và tên;Địa chỉ\r\nNguyễn Văn An;\"Số 5, ngõ 12; Lạch Tray\"\r\n");
        assert_eq!(p.separator, b';');
        assert_eq!(p.rows[0].draft.full_name, "Nguyễn Văn An");
        assert_eq!(p.rows[0].draft.address, "Số 5, ngõ 12; Lạch Tray");
    }

    #[test]
    fn excel_sep_line_is_honoured() {
        let p = parse_str("sep=;\r\nHọ và tên;Ghi chú\r\nTrần Thị Bình;a,b,c\r\n");
        assert_eq!(p.separator, b';');
        assert_eq!(p.rows[0].draft.notes, "a,b,c");
        assert_eq!(p.rows[0].line, 3);
    }

    #[test]
    fn bom_is_optional_and_bad_encoding_is_refused() {
        let plain = "Họ và tên,Giới tính\nLê Văn Cường,Nam\n";
        let with_bom = format!("{BOM}{plain}");
        let a = parse_str(plain);
        let b = parse_str(&with_bom);
        assert_eq!(a, b);
        assert_eq!(b.rows[0].draft.full_name, "Lê Văn Cường");
        assert!(b.ignored_columns.is_empty());
        // "Họ" in Windows-1258 is not UTF-8.
        assert_eq!(parse(b"H\xf5 va t\xean\n"), Err(HeaderError::NotUtf8));
        assert_eq!(parse(BOM.as_bytes()), Err(HeaderError::Empty));
        assert_eq!(parse(b" \r\n\r\n"), Err(HeaderError::Empty));
        assert_eq!(
            parse("Ngày sinh,Địa chỉ\n01/01/1960,x\n".as_bytes()),
            Err(HeaderError::NoNameColumn)
        );
    }

    #[test]
    fn headers_match_without_case_or_diacritics_and_in_english() {
        let p = parse_str(
            "HO VA TEN,ngay sinh,So the dang vien,Phone,  Gioi Tinh ,Số CCCD,STT,Trạng thái,Họ tên\n\
             Phạm Thị Dung,02/09/1955,01.234567,0912345678,nữ,031155001234,1,Chính thức,x\n",
        );
        let d = &p.rows[0].draft;
        assert_eq!(d.full_name, "Phạm Thị Dung");
        assert_eq!(d.birth_date, "02/09/1955");
        assert_eq!(d.card_number, "01.234567");
        assert_eq!(d.phone, "0912345678");
        assert_eq!(d.gender, Some(Gender::Female));
        assert_eq!(d.national_id, "031155001234");
        // Unknown and repeated columns are listed; the status column is known and skipped.
        assert_eq!(
            p.ignored_columns,
            vec!["STT".to_string(), "Họ tên".to_string()]
        );
        assert!(p.missing_columns.contains(&Field::Address));
        assert!(!p.missing_columns.contains(&Field::Gender));
        assert_eq!(p.rows[0].absent, p.missing_columns);
    }

    #[test]
    fn choices_match_labels_in_both_languages_and_short_forms() {
        let c = Choices::new();
        let idx = |f, s| c.find(f, s);
        let pos = |all: &[Occupation], o| all.iter().position(|x| *x == o);
        assert_eq!(idx(Field::Gender, "NAM"), Ok(Some(0)));
        assert_eq!(idx(Field::Gender, "Nu"), Ok(Some(1)));
        assert_eq!(idx(Field::Gender, "Female"), Ok(Some(1)));
        assert_eq!(idx(Field::Gender, "  "), Ok(None));
        assert_eq!(idx(Field::Gender, "Không rõ"), Err(()));
        let civil = pos(Occupation::ALL, Occupation::CivilServant);
        for s in [
            "CBCCVC",
            "cán bộ",
            "Công chức",
            "viên chức",
            "Cán bộ, công chức, viên chức",
        ] {
            assert_eq!(idx(Field::Occupation, s), Ok(civil), "{s}");
        }
        let retired = pos(Occupation::ALL, Occupation::Retired);
        assert_eq!(idx(Field::Occupation, "hưu"), Ok(retired));
        assert_eq!(idx(Field::Occupation, "Retired"), Ok(retired));
        let uni = Professional::ALL
            .iter()
            .position(|p| *p == Professional::University);
        for s in ["Đại học", "ĐH", "cử nhân", "University"] {
            assert_eq!(idx(Field::Professional, s), Ok(uni), "{s}");
        }
        let th = |p: PoliticalTheory| Ok(PoliticalTheory::ALL.iter().position(|x| *x == p));
        assert_eq!(
            idx(Field::PoliticalTheory, "cao cấp"),
            th(PoliticalTheory::Advanced)
        );
        assert_eq!(
            idx(Field::PoliticalTheory, "Trung cap"),
            th(PoliticalTheory::Intermediate)
        );
        assert_eq!(
            idx(Field::PoliticalTheory, "sơ cấp"),
            th(PoliticalTheory::Elementary)
        );
        assert_eq!(
            idx(Field::PoliticalTheory, "Cử nhân"),
            th(PoliticalTheory::Bachelor)
        );
        // "Cao cấp" is a theory level, not a professional one.
        assert_eq!(idx(Field::Professional, "cao cấp"), Err(()));

        let p = parse_str("Họ và tên,Giới tính,Nghề nghiệp\nĐỗ Văn Hải,Không rõ,hưu\n");
        let row = &p.rows[0];
        assert_eq!(row.errors, vec![(Field::Gender, Problem::UnknownChoice)]);
        assert_eq!(row.draft.gender, None);
        assert_eq!(row.draft.occupation, Some(Occupation::Retired));
    }

    #[test]
    fn excel_dropped_zeros_come_back() {
        assert_eq!(
            restore_leading_zero(Field::Phone, "912345678"),
            "0912345678"
        );
        assert_eq!(
            restore_leading_zero(Field::NationalId, "31205001234"),
            "031205001234"
        );
        assert_eq!(
            restore_leading_zero(Field::Phone, "0912345678"),
            "0912345678"
        );
        assert_eq!(restore_leading_zero(Field::Phone, "9.12E+8"), "9.12E+8");
        assert_eq!(
            restore_leading_zero(Field::CardNumber, "1234567"),
            "1234567"
        );
    }

    #[test]
    fn formula_protection_keeps_phones_and_round_trips() {
        assert_eq!(protect("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(protect("@cmd"), "'@cmd");
        assert_eq!(protect("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(protect("-Đi họp"), "'-Đi họp");
        assert_eq!(protect("+84 912 345 678"), "+84 912 345 678");
        assert_eq!(protect("-5"), "-5");
        assert_eq!(protect("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(protect("- gạch đầu dòng"), "- gạch đầu dòng");
        assert_eq!(protect("-"), "-");
        assert_eq!(protect("'ngoặc"), "'ngoặc");
        assert_eq!(protect("'=x"), "''=x");
        for s in [
            "=SUM(A1)",
            "@x",
            "+x",
            "-x",
            "+84 912 345 678",
            "'=x",
            "''@y",
            "'abc",
            "'",
            "",
            "-",
        ] {
            assert_eq!(unprotect(&protect(s)), s, "{s:?}");
        }

        let m = Member {
            full_name: "=HYPERLINK(\"http://x\")".into(),
            phone: "+84 912 345 678".into(),
            address: "-Ngõ 5".into(),
            notes: "'=giữ nguyên\ndòng hai".into(),
            ..Member::default()
        };
        let csv = export(&[(1, m.clone())], today());
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
        assert!(csv.contains(",+84 912 345 678,"), "{csv}");
        assert!(csv.contains(",'-Ngõ 5,"), "{csv}");
        let p = parse(csv.as_bytes()).unwrap();
        let d = &p.rows[0].draft;
        assert_eq!(d.full_name, m.full_name);
        assert_eq!(d.phone, m.phone);
        assert_eq!(d.address, m.address);
        assert_eq!(d.notes, m.notes);
    }

    #[test]
    fn export_is_excel_shaped_and_sorted_the_vietnamese_way() {
        let mk = |name: &str| Member {
            full_name: name.into(),
            gender: Some(Gender::Male),
            ..Member::default()
        };
        let ms = vec![
            (1, mk("Nguyễn Văn Bình")),
            (2, mk("Trần Văn An")),
            (3, mk("Lê Đức Ân")),
        ];
        let csv = export(&ms, today());
        assert!(csv.starts_with(BOM));
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(lines.len(), 5, "{lines:?}"); // header, 3 rows, empty after the last CRLF
        assert!(lines[0].starts_with("Họ và tên,Tên gọi khác,Giới tính,Ngày sinh,"));
        assert!(lines[0].ends_with(",Nghề nghiệp,Ghi chú,Trạng thái"));
        assert!(lines[1].starts_with("Trần Văn An,,Nam,"));
        assert!(lines[2].starts_with("Lê Đức Ân,"));
        assert!(lines[3].starts_with("Nguyễn Văn Bình,"));
        assert!(lines[1].ends_with(",Chưa vào Đảng"));
        assert_eq!(lines[4], "");
    }

    #[test]
    fn lines_count_physical_lines_and_skip_empty_rows() {
        let p = parse_str(
            "\r\nHọ và tên;Ghi chú\r\nA An;\"dòng 1\r\ndòng 2\"\r\n;\r\n\r\nB Bình;\r\nC Chi\r\n",
        );
        let got: Vec<(usize, &str)> = p
            .rows
            .iter()
            .map(|r| (r.line, r.draft.full_name.as_str()))
            .collect();
        assert_eq!(got, vec![(3, "A An"), (7, "B Bình"), (8, "C Chi")]);
        assert_eq!(p.rows[0].draft.notes, "dòng 1\r\ndòng 2");
    }

    #[test]
    fn plan_updates_by_card_or_name_and_birth_and_refuses_duplicates() {
        let existing_draft = MemberDraft {
            full_name: "Nguyễn Văn An".into(),
            birth_date: "05/03/1950".into(),
            card_number: "01234567".into(),
            admitted_on: "10/01/1975".into(),
            ..MemberDraft::default()
        };
        let mut an = validate::check_member(&existing_draft, None, None, [], today())
            .unwrap()
            .member;
        an.events.push(crate::domain::member::MemberEvent {
            date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            kind: crate::domain::member::EventKind::ExemptionStarted { full: true },
            note: String::new(),
            papers: Default::default(),
        });
        let existing = vec![(9, an.clone())];
        let nfd: String = "nguyễn văn an".nfd().collect();
        let p = parse_str(&format!(
            "Họ và tên,Ngày sinh,Số thẻ đảng viên,Điện thoại\n\
             {nfd},05/03/1950,,0912345678\n\
             Nguyễn Văn An,05/03/1950,01.234.567,\n\
             Lê Thị Hoa,01/01/1970,99999999,\n\
             Lê Thị Hoa,01/01/1970,,\n\
             Đỗ Văn Hải,31/02/1960,99.999.999,\n"
        ));
        let plan = plan(&p.rows, &existing, today());
        assert_eq!((plan.added, plan.updated), (1, 1));
        assert_eq!(plan.items[0].0, Some(9));
        let updated = &plan.items[0].1;
        assert_eq!(updated.full_name, "nguyễn văn an");
        assert_eq!(updated.phone, "0912345678");
        // Columns missing from the file keep the member's values; events are kept.
        assert_eq!(updated.admitted_on(), an.admitted_on());
        assert_eq!(updated.card_number, "");
        assert_eq!(updated.events, an.events);
        assert_eq!(plan.items[1], (None, plan.items[1].1.clone()));
        assert_eq!(plan.items[1].1.full_name, "Lê Thị Hoa");
        assert_eq!(
            plan.rejected,
            vec![
                RowError {
                    line: 3,
                    field: Field::CardNumber,
                    problem: Problem::CardTaken("nguyễn văn an".into())
                },
                RowError {
                    line: 5,
                    field: Field::FullName,
                    problem: Problem::DuplicateInFile("Lê Thị Hoa".into())
                },
                RowError {
                    line: 6,
                    field: Field::BirthDate,
                    problem: Problem::Date(crate::domain::date::BadDate::Day {
                        day: 31,
                        month: 2,
                        year: 1960,
                        last: 29
                    })
                },
                RowError {
                    line: 6,
                    field: Field::CardNumber,
                    problem: Problem::CardTaken("Lê Thị Hoa".into())
                },
            ]
        );
        assert_eq!(plan.rejected_rows(), 3);
    }
}
