//! Reading the first worksheet of an `.xlsx` as text rows, streamed and bounded.
//!
//! A workbook is a zip of XML parts. The worksheet is decompressed and parsed as it is
//! read (the zip crate and quick-xml), one row at a time, and only rows with a value are
//! handed on: the sheet's `<dimension>` is never trusted and nothing is allocated by the
//! row or column number, so a header in A1 and one cell at XFD1048576 costs two cells. Every
//! decompressed part has a ceiling ([`import`](super::import) limits), checked against the
//! size the archive declares before reading and counted while reading (the declaration may
//! lie); a run of text longer than a cell can be stops the read at once, so a zip bomb of
//! one 2 GiB cell is refused after its first megabyte.
//!
//! Cell values become the text an import reads: dates (numbers with a date format) as
//! dd/mm/yyyy, whole numbers without ".0", other numbers with a dot, booleans TRUE/FALSE,
//! error cells as their code ("#VALUE!"), text as it is (Excel's `_x000D_` escapes undone).

use std::io::{BufReader, Read};

use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};

use super::import::{
    MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_SHARED_XML_BYTES, MAX_SHEET_XML_BYTES,
    MAX_SMALL_XML_BYTES, MAX_TEXT_BYTES, MAX_ZIP_ENTRIES,
};
use crate::domain::date::format_date;

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The file is not a readable zip archive (the zip reader's explanation).
    #[error("not a readable workbook: {0}")]
    Broken(String),
    /// A part of the workbook is not well-formed XML.
    #[error("{part}: {why}")]
    Xml {
        /// The part's name in the archive ("xl/worksheets/sheet1.xml").
        part: String,
        /// The XML reader's explanation.
        why: String,
    },
    /// The workbook has no worksheet.
    #[error("the workbook has no worksheet")]
    NoSheet,
    /// The archive has more entries than a workbook has.
    #[error("the archive has more than {limit} entries")]
    TooManyEntries {
        /// The limit.
        limit: usize,
    },
    /// A part decompresses to more than its limit (a zip bomb, or not a member list).
    #[error("{part} decompresses to more than {limit} bytes")]
    PartTooLarge {
        /// The part's name in the archive.
        part: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A cell is longer than [`MAX_CELL_CHARS`].
    #[error("cell {cell} is longer than {limit} characters")]
    CellTooLong {
        /// The cell's reference ("B7"), or the row ("row 7") when it has none.
        cell: String,
        /// The limit, in characters.
        limit: usize,
    },
    /// A cell with a value lies right of column [`MAX_COLUMNS`].
    #[error("cell {cell} is beyond column {limit}")]
    TooManyColumns {
        /// The cell's reference ("XFD1048576").
        cell: String,
        /// The limit (a column count).
        limit: usize,
    },
    /// More than [`MAX_ROWS`] rows have a value.
    #[error("more than {limit} rows")]
    TooManyRows {
        /// The limit.
        limit: usize,
    },
    /// The cells together hold more than [`MAX_TEXT_BYTES`] of text.
    #[error("the cells hold more than {limit} bytes of text")]
    TooMuchText {
        /// The limit, in bytes.
        limit: usize,
    },
}

/// One row of a worksheet with at least one value: its 1-based row number as Excel shows
/// it, and its cells as text from column A (trailing empty cells dropped).
pub type TextRow = (usize, Vec<String>);

/// Calls `f` with each row of the first worksheet that has a non-blank cell, in order,
/// reading the sheet as a stream. `f` counts the rows it keeps (a header and title rows are
/// not data) and may stop the read by returning an error.
pub fn each_row<E: From<ReadError>>(
    bytes: &[u8],
    mut f: impl FnMut(TextRow) -> Result<(), E>,
) -> Result<(), E> {
    if eocd_entries(bytes).is_some_and(|n| n > MAX_ZIP_ENTRIES as u64) {
        return Err(ReadError::TooManyEntries {
            limit: MAX_ZIP_ENTRIES,
        }
        .into());
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Broken(e.to_string()))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ReadError::TooManyEntries {
            limit: MAX_ZIP_ENTRIES,
        }
        .into());
    }
    let book = workbook(&mut zip)?;
    let styles = match part(&mut zip, "xl/styles.xml", MAX_SMALL_XML_BYTES)? {
        Some(r) => date_styles(r)?,
        None => Vec::new(),
    };
    let shared = match part(&mut zip, "xl/sharedStrings.xml", MAX_SHARED_XML_BYTES)? {
        Some(r) => shared_strings(r)?,
        None => Shared::default(),
    };
    let sheet = part(&mut zip, &book.sheet, MAX_SHEET_XML_BYTES)?.ok_or(ReadError::NoSheet)?;
    let ctx = Context {
        shared: &shared,
        styles: &styles,
        date1904: book.date1904,
    };
    read_sheet(sheet, &ctx, &mut f)
}

/// The first worksheet as rows with a value (see [`each_row`]), collected: at most
/// [`MAX_ROWS`] rows (one more is [`ReadError::TooManyRows`]).
pub fn read_first_sheet(bytes: &[u8]) -> Result<Vec<TextRow>, ReadError> {
    let mut out = Vec::new();
    each_row(bytes, |row| {
        if out.len() == MAX_ROWS {
            return Err(ReadError::TooManyRows { limit: MAX_ROWS });
        }
        out.push(row);
        Ok(())
    })?;
    Ok(out)
}

/// The number of entries the archive's end record declares, if it has one.
fn eocd_entries(bytes: &[u8]) -> Option<u64> {
    const SIG: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let at = (from..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(&SIG))?;
    let n = u16::from_le_bytes([*bytes.get(at + 10)?, *bytes.get(at + 11)?]);
    // 0xFFFF means "see the ZIP64 record": more than a workbook ever has.
    Some(if n == u16::MAX {
        u64::MAX
    } else {
        u64::from(n)
    })
}

type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// Opens a part for streaming, or `None` if the archive has no such entry. A part that
/// declares more than `limit` bytes is refused before reading.
fn part<'z>(
    zip: &'z mut Zip<'_>,
    name: &str,
    limit: u64,
) -> Result<Option<Part<impl Read + 'z>>, ReadError> {
    let Some(index) = zip.index_for_name(name).or_else(|| {
        (0..zip.len()).find(|&i| {
            zip.name_for_index(i)
                .is_some_and(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
        })
    }) else {
        return Ok(None);
    };
    let file = zip
        .by_index(index)
        .map_err(|e| ReadError::Broken(e.to_string()))?;
    if file.size() > limit {
        return Err(ReadError::PartTooLarge {
            part: name.to_string(),
            limit,
        });
    }
    let guard = Guard {
        inner: file,
        total: 0,
        limit,
        run: 0,
        tripped: None,
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(1 << 16, guard));
    let config = reader.config_mut();
    config.trim_text(false);
    config.expand_empty_elements = false;
    Ok(Some(Part {
        name: name.to_string(),
        reader,
        buf: Vec::new(),
    }))
}

/// A decompressed part being read: its name (for messages), the XML reader and its buffer.
struct Part<R> {
    name: String,
    reader: quick_xml::Reader<BufReader<Guard<R>>>,
    buf: Vec<u8>,
}

/// What stopped a guarded read.
#[derive(Debug, Clone, Copy)]
enum Trip {
    /// More bytes than the part's limit.
    Total,
    /// A run of text or of one tag longer than a cell can be.
    Run,
}

/// Longest run of bytes without `<` or `>` (the text of one cell, escaped, or one tag):
/// a cell of [`MAX_CELL_CHARS`] characters, each written as a 6-byte entity at worst.
const MAX_RUN: usize = MAX_CELL_CHARS * 6 + 1024;

/// Counts what passes through a decompressing reader and stops it at the part's limit or
/// at a run longer than [`MAX_RUN`], so neither the XML reader's buffer nor the time spent
/// decompressing grows with a hostile file.
struct Guard<R> {
    inner: R,
    total: u64,
    limit: u64,
    run: usize,
    tripped: Option<Trip>,
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.tripped.is_some() {
            return Err(std::io::Error::other("import limit"));
        }
        let n = self.inner.read(out)?;
        self.total += n as u64;
        if self.total > self.limit {
            self.tripped = Some(Trip::Total);
            return Err(std::io::Error::other("import limit"));
        }
        for &b in &out[..n] {
            if b == b'<' || b == b'>' {
                self.run = 0;
            } else {
                self.run += 1;
            }
        }
        if self.run > MAX_RUN {
            self.tripped = Some(Trip::Run);
            return Err(std::io::Error::other("import limit"));
        }
        Ok(n)
    }
}

impl<R: Read> Part<R> {
    /// The next event (its bytes borrowed from the part's buffer), or the error that says
    /// which limit stopped the read or what is wrong with the XML.
    fn next(&mut self) -> Result<Event<'_>, ReadError> {
        self.buf.clear();
        match self.reader.read_event_into(&mut self.buf) {
            Ok(e) => Ok(e),
            Err(e) => {
                let guard = self.reader.get_ref().get_ref();
                Err(match guard.tripped {
                    Some(Trip::Total) => ReadError::PartTooLarge {
                        part: self.name.clone(),
                        limit: guard.limit,
                    },
                    Some(Trip::Run) => ReadError::CellTooLong {
                        cell: self.name.clone(),
                        limit: MAX_CELL_CHARS,
                    },
                    None => ReadError::Xml {
                        part: self.name.clone(),
                        why: e.to_string(),
                    },
                })
            }
        }
    }

    fn xml_error(&self, why: impl std::fmt::Display) -> ReadError {
        ReadError::Xml {
            part: self.name.clone(),
            why: why.to_string(),
        }
    }
}

/// An attribute's value by local name ("r", "t", "id" of "r:id"), unescaped.
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Appends the text of a text, CDATA or entity event to `out`; `false` if the event is
/// none of these.
fn push_text(ev: &Event<'_>, out: &mut String) -> bool {
    match ev {
        Event::Text(t) => out.push_str(&t.xml10_content()),
        Event::CData(t) => out.push_str(&t.xml10_content()),
        Event::GeneralRef(r) => {
            let c = match r.resolve_char_ref() {
                Ok(Some(c)) => Some(c),
                _ => match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                },
            };
            if let Some(c) = c {
                out.push(c);
            }
        }
        _ => return false,
    }
    true
}

/// What the workbook part says: where the first sheet is and the date system.
struct Book {
    sheet: String,
    date1904: bool,
}

/// Finds the first worksheet through `xl/workbook.xml` and its relations; a workbook
/// without them is read from `xl/worksheets/sheet1.xml`.
fn workbook(zip: &mut Zip<'_>) -> Result<Book, ReadError> {
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let (mut rid, mut date1904) = (None, false);
    if let Some(mut p) = part(zip, "xl/workbook.xml", MAX_SMALL_XML_BYTES)? {
        loop {
            match p.next()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "workbookPr" => {
                        date1904 = attr(&e, "date1904")
                            .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
                    }
                    "sheet" if rid.is_none() => {
                        rid = Some(attr(&e, "id").unwrap_or_default());
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let Some(rid) = rid else {
        return Ok(Book {
            sheet: fallback,
            date1904,
        });
    };
    let mut target = None;
    if let Some(mut p) = part(zip, "xl/_rels/workbook.xml.rels", MAX_SMALL_XML_BYTES)? {
        loop {
            match p.next()? {
                Event::Start(e) | Event::Empty(e)
                    if e.local_name().as_ref() == "Relationship"
                        && attr(&e, "Id").as_deref() == Some(rid.as_str()) =>
                {
                    target = attr(&e, "Target");
                    break;
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let sheet = target.map_or(fallback, |t| resolve(&t));
    Ok(Book { sheet, date1904 })
}

/// A relation target as an archive path: absolute ("/xl/…") or relative to `xl/`.
fn resolve(target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Per cell style (index into `cellXfs`), whether its number format shows a date.
fn date_styles(mut p: Part<impl Read>) -> Result<Vec<bool>, ReadError> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_xfs = false;
    loop {
        let ev = p.next()?;
        let start = matches!(ev, Event::Start(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id = attr(&e, "numFmtId").and_then(|v| v.parse().ok());
                    if let Some(id) = id {
                        let code = attr(&e, "formatCode").unwrap_or_default();
                        custom.push((id, is_date_code(&code)));
                    }
                }
                "cellXfs" => in_xfs = start,
                "xf" if in_xfs => {
                    let id: u32 = attr(&e, "numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let date = custom
                        .iter()
                        .find(|(c, _)| *c == id)
                        .map_or_else(|| is_date_id(id), |(_, d)| *d);
                    styles.push(date);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => return Ok(styles),
            _ => {}
        }
    }
}

/// Built-in number formats that show a date (not a time alone).
fn is_date_id(id: u32) -> bool {
    matches!(id, 14..=17 | 22 | 27..=36 | 50..=58)
}

/// Whether a custom number format shows a date: it has a day or year code outside quoted
/// text, `[…]` sections and escaped characters ("dd/mm/yyyy", "[$-42A]d mmm yyyy").
fn is_date_code(code: &str) -> bool {
    let mut chars = code.chars();
    let (mut quoted, mut bracket) = (false, false);
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            'd' | 'D' | 'y' | 'Y' => return true,
            _ => {}
        }
    }
    false
}

/// The shared strings, in one buffer.
#[derive(Default)]
struct Shared {
    text: String,
    ends: Vec<u32>,
}

impl Shared {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }
}

/// Reads `xl/sharedStrings.xml`: each `<si>`'s text (its `<t>` runs, without the
/// phonetic `<rPh>` runs). The declared count is not trusted.
fn shared_strings(mut p: Part<impl Read>) -> Result<Shared, ReadError> {
    let mut s = Shared::default();
    let (mut in_t, mut in_rph) = (false, false);
    let mut item = String::new();
    loop {
        let ev = p.next()?;
        match &ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => item.clear(),
                "t" => in_t = true,
                "rPh" => in_rph = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => {
                item.clear();
                push_shared(&mut s, "", &p)?;
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" => in_rph = false,
                "si" => {
                    let text = unescape_x(&item);
                    push_shared(&mut s, &text, &p)?;
                }
                _ => {}
            },
            Event::Eof => return Ok(s),
            ev if in_t && !in_rph => {
                push_text(ev, &mut item);
                if item.len() > MAX_RUN {
                    return Err(ReadError::CellTooLong {
                        cell: p.name.clone(),
                        limit: MAX_CELL_CHARS,
                    });
                }
            }
            _ => {}
        }
    }
}

fn push_shared<R: Read>(s: &mut Shared, text: &str, p: &Part<R>) -> Result<(), ReadError> {
    s.text.push_str(text);
    let end = u32::try_from(s.text.len()).map_err(|_| p.xml_error("too much text"))?;
    s.ends.push(end);
    Ok(())
}

/// Undoes Excel's `_xHHHH_` escapes of characters XML cannot hold ("_x000D_" is a
/// carriage return, "_x005F_" a literal underscore).
fn unescape_x(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let code = tail
            .get(2..6)
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a cell needs besides its own XML.
struct Context<'a> {
    shared: &'a Shared,
    styles: &'a [bool],
    date1904: bool,
}

/// One cell being read.
#[derive(Default)]
struct CellState {
    reference: Option<String>,
    kind: String,
    style: usize,
    value: String,
    inline: String,
}

/// Streams the worksheet, row by row.
fn read_sheet<E: From<ReadError>>(
    mut p: Part<impl Read>,
    ctx: &Context<'_>,
    f: &mut impl FnMut(TextRow) -> Result<(), E>,
) -> Result<(), E> {
    let mut text_bytes = 0usize;
    let mut row_no = 0usize;
    let mut cells: Vec<String> = Vec::new();
    let mut next_col = 0usize;
    let mut cell: Option<CellState> = None;
    // Where text goes: the `<v>` value, an inline string's `<t>`, or nowhere.
    #[derive(PartialEq)]
    enum In {
        Nothing,
        Value,
        Inline,
        Phonetic,
    }
    let mut inside = In::Nothing;
    let mut in_sheet_data = false;
    loop {
        let ev = p.next()?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.local_name().as_ref() {
                    "sheetData" => in_sheet_data = !empty,
                    "row" if in_sheet_data => {
                        // Rows come in order; a number that is missing, not after the
                        // last one (a damaged or hostile file) counts as the next row.
                        row_no = attr(e, "r")
                            .and_then(|r| r.parse().ok())
                            .filter(|r| *r > row_no)
                            .unwrap_or(row_no.saturating_add(1));
                        cells.clear();
                        next_col = 0;
                    }
                    "c" if in_sheet_data => {
                        let reference = attr(e, "r");
                        let col = reference.as_deref().and_then(column_of).unwrap_or(next_col);
                        next_col = col.saturating_add(1);
                        if empty {
                            continue;
                        }
                        cell = Some(CellState {
                            reference: Some(reference.unwrap_or_else(|| cell_ref(col, row_no))),
                            kind: attr(e, "t").unwrap_or_default(),
                            style: attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0),
                            ..CellState::default()
                        });
                    }
                    "v" if cell.is_some() && !empty => inside = In::Value,
                    "t" if cell.is_some() && !empty && inside != In::Phonetic => {
                        inside = In::Inline;
                    }
                    "rPh" if cell.is_some() && !empty => inside = In::Phonetic,
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" if inside != In::Phonetic => inside = In::Nothing,
                "rPh" => inside = In::Nothing,
                "c" => {
                    inside = In::Nothing;
                    let Some(c) = cell.take() else { continue };
                    let reference = c.reference.clone().unwrap_or_default();
                    let text = cell_text(&c, ctx, &reference)?;
                    if text.is_empty() {
                        continue;
                    }
                    let col = column_of(&reference).unwrap_or(next_col.saturating_sub(1));
                    if col >= MAX_COLUMNS {
                        return Err(ReadError::TooManyColumns {
                            cell: reference,
                            limit: MAX_COLUMNS,
                        }
                        .into());
                    }
                    if text.chars().count() > MAX_CELL_CHARS {
                        return Err(ReadError::CellTooLong {
                            cell: reference,
                            limit: MAX_CELL_CHARS,
                        }
                        .into());
                    }
                    text_bytes += text.len();
                    if text_bytes > MAX_TEXT_BYTES {
                        return Err(ReadError::TooMuchText {
                            limit: MAX_TEXT_BYTES,
                        }
                        .into());
                    }
                    if cells.len() <= col {
                        cells.resize(col + 1, String::new());
                    }
                    cells[col] = text;
                }
                "row" => {
                    if cells.iter().any(|c| !c.trim().is_empty()) {
                        while cells.last().is_some_and(String::is_empty) {
                            cells.pop();
                        }
                        f((row_no, std::mem::take(&mut cells)))?;
                    }
                    cells.clear();
                }
                "sheetData" => in_sheet_data = false,
                _ => {}
            },
            Event::Eof => return Ok(()),
            ev => {
                if let Some(c) = cell.as_mut() {
                    let target = match inside {
                        In::Value => &mut c.value,
                        In::Inline => &mut c.inline,
                        _ => continue,
                    };
                    push_text(ev, target);
                    if target.len() > MAX_RUN {
                        return Err(ReadError::CellTooLong {
                            cell: c.reference.clone().unwrap_or_default(),
                            limit: MAX_CELL_CHARS,
                        }
                        .into());
                    }
                }
            }
        }
    }
}

/// The 0-based column of a reference ("A1" → 0, "XFD1048576" → 16383); `None` if it has
/// no letters. Long runs of letters saturate instead of overflowing.
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .collect::<Vec<_>>();
    if letters.is_empty() {
        return None;
    }
    let n = letters.iter().fold(0usize, |n, b| {
        n.saturating_mul(26)
            .saturating_add(usize::from(b.to_ascii_uppercase() - b'A') + 1)
    });
    Some(n - 1)
}

/// "B7" from a 0-based column and a row number.
fn cell_ref(col: usize, row: usize) -> String {
    let mut s = String::new();
    let mut n = col + 1;
    while n > 0 {
        s.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    format!("{s}{row}")
}

/// The text of one finished cell.
fn cell_text(c: &CellState, ctx: &Context<'_>, reference: &str) -> Result<String, ReadError> {
    let v = c.value.trim();
    Ok(match c.kind.as_str() {
        "s" => {
            let i: usize = v.parse().map_err(|_| ReadError::Xml {
                part: reference.to_string(),
                why: format!("shared string index {v:?}"),
            })?;
            ctx.shared
                .get(i)
                .ok_or_else(|| ReadError::Xml {
                    part: reference.to_string(),
                    why: format!("no shared string {i}"),
                })?
                .to_string()
        }
        "inlineStr" => unescape_x(&c.inline),
        "str" => unescape_x(&c.value),
        "b" => if v == "1" || v.eq_ignore_ascii_case("true") {
            "TRUE"
        } else {
            "FALSE"
        }
        .to_string(),
        "e" | "d" => v.to_string(),
        _ if v.is_empty() => String::new(),
        _ => match v.parse::<f64>() {
            Ok(f) if ctx.styles.get(c.style).copied().unwrap_or(false) => {
                serial_date(f, ctx.date1904).map_or_else(|| number_text(f), format_date)
            }
            Ok(f) => number_text(f),
            Err(_) => v.to_string(),
        },
    })
}

/// The day of an Excel serial number (the time of day dropped): Excel's 1900 calendar,
/// with its 29/02/1900 that never was, or the 1904 calendar of old Mac workbooks.
fn serial_date(serial: f64, date1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let (epoch, days) = if date1904 {
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, days)
    } else if days < 60 {
        (NaiveDate::from_ymd_opt(1899, 12, 31)?, days)
    } else if days == 60 {
        return None;
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 30)?, days)
    };
    let d = epoch.checked_add_signed(chrono::Duration::days(days))?;
    (chrono::Datelike::year(&d) <= 9999).then_some(d)
}

/// A number as typed: whole numbers without ".0" (a card number, a phone number whose
/// leading 0 Excel dropped), others in Rust's shortest form with a dot.
pub(crate) fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_formats() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("AB12"), Some(27));
        assert_eq!(column_of("XFD1048576"), Some(16383));
        assert_eq!(column_of("12"), None);
        assert!(column_of(&"Z".repeat(40)).is_some());
        assert_eq!(cell_ref(27, 12), "AB12");
        assert!(is_date_code("dd/mm/yyyy"));
        assert!(is_date_code("[$-42A]d mmm yyyy"));
        assert!(!is_date_code("#,##0"));
        assert!(!is_date_code("0.0%"));
        assert!(!is_date_code("\"ngày\" 0"));
        assert!(!is_date_code("General"));
        assert!(is_date_id(14) && !is_date_id(20) && !is_date_id(9));
        assert_eq!(resolve("worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("/xl/worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(resolve("../xl/./worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(unescape_x("a_x000D_b_x005F_x_xZZ"), "a\rb_x_xZZ");
    }

    #[test]
    fn serials_are_excel_days() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(serial_date(1.0, false), ymd(1900, 1, 1));
        assert_eq!(serial_date(59.0, false), ymd(1900, 2, 28));
        assert_eq!(serial_date(60.0, false), None);
        assert_eq!(serial_date(61.0, false), ymd(1900, 3, 1));
        assert_eq!(serial_date(20334.75, false), ymd(1955, 9, 2));
        assert_eq!(serial_date(0.0, true), None);
        assert_eq!(serial_date(1.0, true), ymd(1904, 1, 2));
        assert_eq!(serial_date(f64::NAN, false), None);
        assert_eq!(serial_date(1e12, false), None);
    }
}
