//! Party documents in the layout of HD 36-HD/VPTW (rules.md §10), as a small model rendered
//! twice: as a Word `.docx` (Office Open XML, opened by Word and LibreOffice) and as plain
//! text of a fixed width.
//!
//! A report builds one [`Document`] (header, title, body blocks, signature) and calls
//! [`Document::to_docx`] and [`Document::to_text`], so the printed and the Word versions
//! never disagree. [`DocBuilder`] is the lower level the `.docx` side stands on: raw
//! paragraphs, runs and tables into a package; other reports may use it directly.
//!
//! Every text is stripped of control characters here, whatever the caller passed, and
//! XML-escaped on the way into the package.

use chrono::{Datelike, NaiveDate};

use crate::domain::text::{self, split_at_width, width};

/// The fixed first line of the right header block (component 1 of HD 36).
/// Document text, not UI text: always Vietnamese.
pub const PARTY_TITLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
/// The short rule under the summary (HD 36 §1.5.2).
pub const SUMMARY_RULE: &str = "-----";

/// Twips (1/20 pt) per millimetre, rounded: 1 mm = 56.69 twips.
const fn mm(n: u32) -> u32 {
    (n * 5669 + 50) / 100
}

/// A4 width in twips.
pub const PAGE_WIDTH: u32 = 11906;
/// A4 height in twips.
pub const PAGE_HEIGHT: u32 = 16838;
/// Top margin (20 mm).
pub const MARGIN_TOP: u32 = mm(20);
/// Bottom margin (20 mm).
pub const MARGIN_BOTTOM: u32 = mm(20);
/// Left margin (30 mm).
pub const MARGIN_LEFT: u32 = mm(30);
/// Right margin (15 mm).
pub const MARGIN_RIGHT: u32 = mm(15);
/// Width of the text area in twips.
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Body font.
pub const FONT: &str = "Times New Roman";
/// Body size in points.
pub const BODY_PT: u32 = 14;
/// Size of the document type ("BIÊN BẢN") and of the Party title, in points.
pub const TITLE_PT: u32 = 15;
/// First-line indent of body paragraphs (1 cm).
pub const FIRST_LINE_INDENT: u32 = mm(10);
/// Width of the header's left column (the issuing body): 88 mm, so that a long name such
/// as "CHI BỘ TỔ DÂN PHỐ HÒA BÌNH" or "ĐẢNG ỦY PHƯỜNG HẢI THÀNH" stays on one line (#22.6).
pub const HEADER_LEFT_WIDTH: u32 = mm(88);
/// Size of the recipients' lines ("Nơi nhận"), in points (HD 36 component 9).
pub const RECIPIENTS_PT: u32 = 12;
/// Heading of the recipients' block (HD 36 component 9).
pub const RECIPIENTS_LABEL: &str = "Nơi nhận:";
/// What stands for a report number still to be written in by hand (#22.6).
pub const NUMBER_BLANK: &str = "……";

// ---------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------

/// A piece of text with one formatting. `\n` is a line break within the paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
}

impl Run {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            italic: true,
            ..Run::plain(text)
        }
    }

    /// The same run, underlined.
    pub fn underlined(self) -> Run {
        Run {
            underline: true,
            ..self
        }
    }
}

/// The issuing-body and title blocks at the top of a Party document (HD 36 components 1–4).
/// Renderers put the names in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartyHeader {
    /// The superior party organisation, e.g. "Đảng bộ phường Dương Kinh".
    pub superior: String,
    /// The issuing body, e.g. "Chi bộ Tổ dân phố số 5" (bold).
    pub issuer: String,
    /// Number and code, e.g. "Số 03-BB/CB".
    pub number: String,
    /// Place and date, e.g. "Hải Phòng, ngày 05 tháng 3 năm 2026" (italic).
    pub place_date: String,
}

/// One side of the signature block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignatureColumn {
    /// Authority and title lines, e.g. ["T/M CHI BỘ", "CHỦ TRÌ"] (bold capitals).
    pub titles: Vec<String>,
    /// Full name under the space for the signature (bold).
    pub name: String,
}

/// The signature block: two columns; titles are aligned at the bottom, names on one line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signature {
    /// Left column (e.g. the minutes' secretary).
    pub left: SignatureColumn,
    /// Right column (the authority signing for the body).
    pub right: SignatureColumn,
}

/// A body element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading on its own line, bold ("I. THỜI GIAN, ĐỊA ĐIỂM").
    Heading(String),
    /// A body paragraph: justified, first line indented in Word.
    Para(Vec<Run>),
    /// A list item: `marker` ("-", "1.", "a)") then the text. Text output indents each
    /// level by three columns and hangs the continuation lines under the text; Word
    /// indents the first line like a paragraph, each level one more centimetre.
    Item {
        /// Nesting level, 0 for the outermost.
        level: u8,
        /// The marker.
        marker: String,
        /// The text.
        runs: Vec<Run>,
    },
    /// A centered line (notes such as a draft mark).
    Centered(Vec<Run>),
}

/// A Party document: header, type and summary, body, signature, and blocks after the
/// signature (annexes, later amendments).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Header blocks.
    pub header: PartyHeader,
    /// Document type, e.g. "BIÊN BẢN" (bold, size 15).
    pub kind: String,
    /// Summary lines under the type (bold), followed by [`SUMMARY_RULE`].
    pub summary: Vec<String>,
    /// The body.
    pub body: Vec<Block>,
    /// The signature block.
    pub signature: Signature,
    /// Recipients ("Nơi nhận", HD 36 component 9), one line each, e.g. "- Lưu chi bộ.";
    /// printed at the bottom left of the signature block. Empty: no block.
    pub recipients: Vec<String>,
    /// Blocks after the signature.
    pub after: Vec<Block>,
}

/// The recipients' line for the superior organisation ("- Đảng bộ phường X (để báo cáo),"),
/// or `None` when the branch has not named it.
pub fn to_superior(superior: &str) -> Option<String> {
    let superior = text::clean(superior);
    (!superior.is_empty()).then(|| format!("- {superior} (để báo cáo),"))
}

/// Who issues a report (BÁO CÁO) and signs it: HD 36 components 2, 3 and 7.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Issuer {
    /// The superior organisation, first header line (may be empty).
    pub superior: String,
    /// The issuing body, e.g. "Chi bộ Tổ dân phố số 5" or "Đảng ủy phường Dương Kinh".
    pub name: String,
    /// The document code after the number, e.g. "BC/CB".
    pub code: String,
    /// On whose behalf it is signed, e.g. "T/M CHI BỘ".
    pub on_behalf: String,
    /// The signer's title, e.g. "BÍ THƯ".
    pub title: String,
    /// The signer's full name (empty: left for the signer to write).
    pub signer: String,
    /// The report's number in the issuer's register; `None` leaves a blank to write in.
    pub number: Option<u32>,
}

impl Issuer {
    /// A branch's report, signed by its secretary on behalf of the branch.
    pub fn branch(b: &crate::domain::branch::Branch) -> Issuer {
        Issuer {
            superior: b.superior.clone(),
            name: b.name.clone(),
            code: "BC/CB".into(),
            on_behalf: "T/M CHI BỘ".into(),
            title: "BÍ THƯ".into(),
            signer: b.secretary.clone(),
            number: None,
        }
    }

    /// The same issuer with the report's number (from the register) filled in.
    pub fn numbered(self, number: Option<u32>) -> Issuer {
        Issuer { number, ..self }
    }

    /// "Số 03-BC/CB", or "Số ……-BC/CB" with a blank to write the number in (HD 36 §1.3:
    /// number, hyphen, type code, slash, issuer code; two digits at least).
    pub fn number_line(&self) -> String {
        match self.number {
            Some(n) => format!("Số {n:02}-{}", self.code),
            None => format!("Số {NUMBER_BLANK}-{}", self.code),
        }
    }

    /// The usual recipients of a report: the superior organisation, for its information,
    /// and the issuer's own file.
    pub fn recipients(&self) -> Vec<String> {
        let mut out: Vec<String> = to_superior(&self.superior).into_iter().collect();
        out.push("- Lưu.".to_string());
        out
    }

    /// A report of this issuer: the Party header with a blank number to be filled in,
    /// "BÁO CÁO" and its summary line, the body, and the signature on the right.
    pub fn report(
        &self,
        summary: String,
        body: Vec<Block>,
        place: &str,
        on: NaiveDate,
    ) -> Document {
        Document {
            header: PartyHeader {
                superior: self.superior.clone(),
                issuer: self.name.clone(),
                number: self.number_line(),
                place_date: place_and_date(place, on),
            },
            kind: "BÁO CÁO".into(),
            summary: vec![summary],
            body,
            signature: Signature {
                left: SignatureColumn::default(),
                right: SignatureColumn {
                    titles: vec![self.on_behalf.clone(), self.title.clone()],
                    name: self.signer.clone(),
                },
            },
            recipients: self.recipients(),
            after: Vec::new(),
        }
    }
}

/// "ngày 05 tháng 3 năm 2026": the date in words as Party documents write it. A day below
/// 10 and the months January and February take a leading zero (HD 36, like NĐ 30/2020).
pub fn date_in_words(date: NaiveDate) -> String {
    let month = if date.month() < 3 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// "Hải Phòng, ngày 05 tháng 3 năm 2026" (HD 36 component 4); an empty place is left as
/// dots for the secretary to fill in by hand.
pub fn place_and_date(place: &str, date: NaiveDate) -> String {
    let place = text::clean(place);
    let place = if place.is_empty() {
        "……".to_string()
    } else {
        place
    };
    format!("{place}, {}", date_in_words(date))
}

// ---------------------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------------------

/// Removes control characters (keeping `\n`) so nothing reaches the output as an escape
/// sequence; tabs become spaces.
fn safe(s: &str) -> String {
    text::sanitize(&s.replace('\t', " "))
}

/// Wraps `s` at word boundaries to `cols` columns. Line breaks in `s` are kept. The first
/// line starts with `first`, the others with `indent` spaces. A word longer than a line is
/// cut. Returns at least one line.
pub fn wrap(s: &str, cols: usize, first: &str, indent: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let pad = " ".repeat(indent);
    let mut line = first.to_string();
    let mut has_word = false;
    for (i, hard) in safe(s).split('\n').enumerate() {
        if i > 0 {
            out.push(std::mem::replace(&mut line, pad.clone()));
            has_word = false;
        }
        for word in hard.split_whitespace() {
            if has_word && width(&line) + 1 + width(word) > cols {
                out.push(std::mem::replace(&mut line, pad.clone()));
                has_word = false;
            }
            if has_word {
                line.push(' ');
            }
            // A word longer than a whole line is cut (at least one character per line,
            // so this always ends).
            let mut rest = word;
            loop {
                let room = cols.saturating_sub(width(&line)).max(1);
                if width(rest) <= room {
                    line.push_str(rest);
                    break;
                }
                let (mut head, mut tail) = split_at_width(rest, room);
                if head.is_empty() {
                    let first = rest.chars().next().map_or(rest.len(), char::len_utf8);
                    (head, tail) = rest.split_at(first);
                }
                line.push_str(head);
                rest = tail;
                out.push(std::mem::replace(&mut line, pad.clone()));
            }
            has_word = true;
        }
    }
    out.push(line);
    out.into_iter().map(|l| l.trim_end().to_string()).collect()
}

/// `s` centered in `cols` columns (left-aligned when longer), trailing spaces kept so
/// columns can be joined; the caller trims the joined line.
fn center(s: &str, cols: usize) -> String {
    let w = width(s);
    let left = cols.saturating_sub(w) / 2;
    let right = cols.saturating_sub(w + left);
    format!("{}{}{}", " ".repeat(left), s, " ".repeat(right))
}

/// Each line of `s` wrapped to `cols` and centered.
fn centered_lines(s: &str, cols: usize) -> Vec<String> {
    wrap(s, cols, "", 0)
        .iter()
        .map(|l| center(l, cols).trim_end().to_string())
        .collect()
}

/// Two columns side by side, each line centered in its column; the shorter column is
/// padded at the top when `bottom` is set, else at the bottom.
fn side_by_side(
    left: &[String],
    right: &[String],
    lw: usize,
    rw: usize,
    bottom: bool,
) -> Vec<String> {
    let n = left.len().max(right.len());
    let get = |col: &[String], i: usize| -> String {
        let skip = if bottom { n - col.len() } else { 0 };
        i.checked_sub(skip)
            .and_then(|j| col.get(j))
            .cloned()
            .unwrap_or_default()
    };
    (0..n)
        .map(|i| {
            let line = format!(
                "{}{}",
                center(&get(left, i), lw),
                center(&get(right, i), rw)
            );
            line.trim_end().to_string()
        })
        .collect()
}

/// Wraps every line of a column to `cols`.
fn column(lines: &[String], cols: usize) -> Vec<String> {
    lines.iter().flat_map(|l| wrap(l, cols, "", 0)).collect()
}

fn runs_text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

fn caps(s: &str) -> String {
    text::clean(s).to_uppercase()
}

fn blocks_text(blocks: &[Block], cols: usize, out: &mut Vec<String>) {
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Heading(h) => {
                if i > 0 {
                    out.push(String::new());
                }
                out.extend(wrap(h, cols, "", 0));
            }
            Block::Para(runs) => out.extend(wrap(&runs_text(runs), cols, "", 0)),
            Block::Item {
                level,
                marker,
                runs,
            } => {
                let first = format!("{}{} ", " ".repeat(3 * usize::from(*level)), safe(marker));
                let indent = width(&first);
                out.extend(wrap(&runs_text(runs), cols, &first, indent));
            }
            Block::Centered(runs) => out.extend(centered_lines(&runs_text(runs), cols)),
        }
    }
}

impl Document {
    /// The document as plain text, every line at most `cols` columns (`\n` line ends,
    /// ending with a newline). Header and signature blocks are laid out side by side.
    pub fn to_text(&self, cols: usize) -> String {
        let h = &self.header;
        let lw = cols * 9 / 20;
        let rw = cols - lw;
        let left = column(
            &[
                caps(&h.superior),
                caps(&h.issuer),
                "*".to_string(),
                text::clean(&h.number),
            ],
            lw,
        );
        let right = column(
            &[
                PARTY_TITLE.to_string(),
                "─".repeat(width(PARTY_TITLE)),
                text::clean(&h.place_date),
            ],
            rw,
        );
        let mut out = side_by_side(&left, &right, lw, rw, false);
        out.push(String::new());
        out.extend(centered_lines(&caps(&self.kind), cols));
        // A long summary wraps narrower than the page, like a centered title in Word.
        let summary_cols = (cols * 4 / 5).max(1);
        for s in &self.summary {
            out.extend(
                wrap(s, summary_cols, "", 0)
                    .iter()
                    .map(|l| center(l, cols).trim_end().to_string()),
            );
        }
        out.extend(centered_lines(SUMMARY_RULE, cols));
        out.push(String::new());
        blocks_text(&self.body, cols, &mut out);
        out.push(String::new());

        let half = cols / 2;
        let sig = &self.signature;
        let titles = |c: &SignatureColumn| -> Vec<String> {
            column(&c.titles.iter().map(|t| caps(t)).collect::<Vec<_>>(), half)
        };
        out.extend(side_by_side(
            &titles(&sig.left),
            &titles(&sig.right),
            half,
            cols - half,
            true,
        ));
        out.extend(std::iter::repeat_n(String::new(), 3));
        out.extend(side_by_side(
            &column(&[text::clean(&sig.left.name)], half),
            &column(&[text::clean(&sig.right.name)], cols - half),
            half,
            cols - half,
            false,
        ));
        if !self.recipients.is_empty() {
            out.push(String::new());
            out.push(RECIPIENTS_LABEL.to_string());
            for r in &self.recipients {
                out.extend(wrap(r, half, "", 2));
            }
        }
        if !self.after.is_empty() {
            out.push(String::new());
            blocks_text(&self.after, cols, &mut out);
        }
        let mut s = out.join("\n");
        s.push('\n');
        s
    }

    /// The document as a `.docx` package in the HD 36 layout: A4, Times New Roman 14.
    pub fn to_docx(&self) -> Result<Vec<u8>, DocxError> {
        let title = [self.kind.as_str()]
            .into_iter()
            .chain(self.summary.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        let mut d = DocBuilder::new(&title);
        d.party_header(&self.header);
        d.title_block(&self.kind, &self.summary);
        for b in &self.body {
            d.block(b);
        }
        d.signature(&self.signature);
        d.recipients(&self.recipients);
        for b in &self.after {
            d.block(b);
        }
        d.finish()
    }
}

// ---------------------------------------------------------------------------------------
// Office Open XML
// ---------------------------------------------------------------------------------------

/// Escapes text for XML content and attribute values (`& < > " '`) and drops every
/// character XML 1.0 does not allow, plus all control characters except `\n` and `\t`.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Left.
    #[default]
    Left,
    /// Centered.
    Center,
    /// Right.
    Right,
    /// Justified (both edges).
    Justify,
}

/// A `.docx` paragraph: runs plus layout. Sizes are in points, indents and spacing in
/// twips (1/20 pt; 567 twips = 1 cm).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    /// The runs.
    pub runs: Vec<Run>,
    /// Alignment.
    pub align: Align,
    /// Font size for every run; `None` is the body size.
    pub size: Option<u32>,
    /// Left indent.
    pub indent_left: u32,
    /// First-line indent.
    pub indent_first: u32,
    /// Space before.
    pub space_before: u32,
    /// Space after.
    pub space_after: u32,
    /// Keep with the next paragraph (headings).
    pub keep_next: bool,
}

impl Paragraph {
    /// A left-aligned paragraph of these runs.
    pub fn new(runs: Vec<Run>) -> Paragraph {
        Paragraph {
            runs,
            ..Paragraph::default()
        }
    }

    /// An empty paragraph (a blank line).
    pub fn empty() -> Paragraph {
        Paragraph::default()
    }

    /// Centered.
    pub fn center(self) -> Paragraph {
        Paragraph {
            align: Align::Center,
            ..self
        }
    }

    /// Justified.
    pub fn justify(self) -> Paragraph {
        Paragraph {
            align: Align::Justify,
            ..self
        }
    }

    /// Font size in points.
    pub fn size(self, pt: u32) -> Paragraph {
        Paragraph {
            size: Some(pt),
            ..self
        }
    }

    /// First-line indent in twips.
    pub fn first_line(self, twips: u32) -> Paragraph {
        Paragraph {
            indent_first: twips,
            ..self
        }
    }

    /// Space before and after in twips.
    pub fn spacing(self, before: u32, after: u32) -> Paragraph {
        Paragraph {
            space_before: before,
            space_after: after,
            ..self
        }
    }

    /// Kept on the same page as the next paragraph.
    pub fn keep_next(self) -> Paragraph {
        Paragraph {
            keep_next: true,
            ..self
        }
    }
}

/// A simple table: fixed column widths (twips), rows of cells, each cell a list of
/// paragraphs; with or without single borders.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column widths in twips.
    pub widths: Vec<u32>,
    /// Rows of cells; missing cells are filled with an empty paragraph.
    pub rows: Vec<Vec<Vec<Paragraph>>>,
    /// Single borders around every cell (`false`: a layout table).
    pub borders: bool,
}

fn run_xml(out: &mut String, run: &Run, size: u32) {
    out.push_str("<w:r><w:rPr>");
    out.push_str(&format!(
        r#"<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>"#
    ));
    if run.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if run.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    let half = size * 2;
    out.push_str(&format!(
        r#"<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>"#
    ));
    if run.underline {
        out.push_str(r#"<w:u w:val="single"/>"#);
    }
    out.push_str(r#"<w:lang w:val="vi-VN"/></w:rPr>"#);
    let text = xml_escape(&run.text.replace("\r\n", "\n"));
    let mut piece = String::new();
    let flush = |out: &mut String, piece: &mut String| {
        if !piece.is_empty() {
            out.push_str(r#"<w:t xml:space="preserve">"#);
            out.push_str(piece);
            out.push_str("</w:t>");
            piece.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\n' => {
                flush(out, &mut piece);
                out.push_str("<w:br/>");
            }
            '\t' => {
                flush(out, &mut piece);
                out.push_str("<w:tab/>");
            }
            c => piece.push(c),
        }
    }
    flush(out, &mut piece);
    out.push_str("</w:r>");
}

fn paragraph_xml(out: &mut String, p: &Paragraph) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    out.push_str(&format!(
        r#"<w:spacing w:before="{}" w:after="{}"/>"#,
        p.space_before, p.space_after
    ));
    if p.indent_left > 0 || p.indent_first > 0 {
        out.push_str(&format!(
            r#"<w:ind w:left="{}" w:firstLine="{}"/>"#,
            p.indent_left, p.indent_first
        ));
    }
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    };
    out.push_str(&format!(r#"<w:jc w:val="{jc}"/>"#));
    out.push_str("</w:pPr>");
    let size = p.size.unwrap_or(BODY_PT);
    for r in &p.runs {
        run_xml(out, r, size);
    }
    out.push_str("</w:p>");
}

fn table_xml(out: &mut String, t: &Table) {
    let total: u32 = t.widths.iter().sum();
    let border = if t.borders {
        r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#
    } else {
        r#"w:val="nil""#
    };
    out.push_str("<w:tbl><w:tblPr>");
    out.push_str(&format!(r#"<w:tblW w:w="{total}" w:type="dxa"/>"#));
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!("<w:{side} {border}/>"));
    }
    out.push_str("</w:tblBorders>");
    out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
    out.push_str(
        r#"<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>"#,
    );
    out.push_str("</w:tblPr><w:tblGrid>");
    for w in &t.widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    for row in &t.rows {
        out.push_str("<w:tr>");
        for (i, w) in t.widths.iter().enumerate() {
            out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>"#
            ));
            match row.get(i) {
                Some(cell) if !cell.is_empty() => {
                    for p in cell {
                        paragraph_xml(out, p);
                    }
                }
                // A cell must hold at least one paragraph.
                _ => paragraph_xml(out, &Paragraph::empty()),
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"</Types>"#
);

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"</Relationships>"#
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    r#"</Relationships>"#
);

fn styles_xml() -> String {
    let half = BODY_PT * 2;
    format!(
        concat!(
            "{decl}",
            r#"<w:styles xmlns:w="{w}"><w:docDefaults><w:rPrDefault><w:rPr>"#,
            r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>"#,
            r#"<w:sz w:val="{half}"/><w:szCs w:val="{half}"/><w:lang w:val="vi-VN"/>"#,
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#,
            r#"<w:spacing w:after="0" w:line="264" w:lineRule="auto"/>"#,
            r#"</w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
            r#"<w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal">"#,
            r#"<w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#,
            r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
            r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#,
            r#"</w:tblPr></w:style></w:styles>"#
        ),
        decl = XML_DECL,
        w = NS_W,
        f = FONT,
        half = half
    )
}

/// The footer of every page: the page number (a PAGE field), centered, size 12, so a
/// long report's pages can be put back in order (#22.6).
fn footer_xml() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:ftr xmlns:w="{w}" xmlns:r="{r}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>1</w:t></w:r>"#,
            r#"<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>"#,
            "</w:p></w:ftr>"
        ),
        decl = XML_DECL,
        w = NS_W,
        r = NS_R
    )
}

fn core_xml(title: &str) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>Sổ chi bộ</dc:creator>",
            "<dc:language>vi-VN</dc:language></cp:coreProperties>"
        ),
        decl = XML_DECL,
        title = xml_escape(&text::clean(title))
    )
}

/// Builds a `.docx` package: A4 with the HD 36 margins, Times New Roman 14, paragraphs and
/// tables in the order they are added, plus helpers for the Party document parts.
#[derive(Debug, Clone, Default)]
pub struct DocBuilder {
    title: String,
    body: String,
    ends_with_table: bool,
}

impl DocBuilder {
    /// An empty document; `title` goes into the document properties.
    pub fn new(title: &str) -> DocBuilder {
        DocBuilder {
            title: title.to_string(),
            ..DocBuilder::default()
        }
    }

    /// Appends a paragraph.
    pub fn paragraph(&mut self, p: &Paragraph) -> &mut Self {
        paragraph_xml(&mut self.body, p);
        self.ends_with_table = false;
        self
    }

    /// Appends a table.
    pub fn table(&mut self, t: &Table) -> &mut Self {
        table_xml(&mut self.body, t);
        self.ends_with_table = true;
        self
    }

    /// Appends a model block with the body layout: headings bold, paragraphs justified
    /// with a first-line indent, items like paragraphs led by their marker.
    pub fn block(&mut self, b: &Block) -> &mut Self {
        let p = match b {
            Block::Heading(h) => Paragraph::new(vec![Run::bold(h.clone())])
                .spacing(120, 60)
                .keep_next(),
            Block::Para(runs) => Paragraph::new(runs.clone())
                .justify()
                .first_line(FIRST_LINE_INDENT)
                .spacing(0, 60),
            Block::Item {
                level,
                marker,
                runs,
            } => {
                let mut all = vec![Run::plain(format!("{marker} "))];
                all.extend(runs.iter().cloned());
                Paragraph {
                    indent_left: u32::from(*level) * FIRST_LINE_INDENT,
                    ..Paragraph::new(all)
                        .justify()
                        .first_line(FIRST_LINE_INDENT)
                        .spacing(0, 60)
                }
            }
            Block::Centered(runs) => Paragraph::new(runs.clone()).center().spacing(60, 60),
        };
        self.paragraph(&p)
    }

    /// The header as a borderless two-column table: on the left the superior body, the
    /// issuer in bold, "*" and the number; on the right the Party title in bold and
    /// underlined, then the place and date in italics (HD 36 components 1–4).
    pub fn party_header(&mut self, h: &PartyHeader) -> &mut Self {
        let left_w = HEADER_LEFT_WIDTH;
        let line = |r: Run| Paragraph::new(vec![r]).center();
        let left = vec![
            line(Run::plain(caps(&h.superior))),
            line(Run::bold(caps(&h.issuer))),
            line(Run::plain("*")),
            line(Run::plain(text::clean(&h.number))),
        ];
        let right = vec![
            line(Run::bold(PARTY_TITLE).underlined()).size(TITLE_PT),
            line(Run::italic(text::clean(&h.place_date))).spacing(200, 0),
        ];
        self.table(&Table {
            widths: vec![left_w, TEXT_WIDTH - left_w],
            rows: vec![vec![left, right]],
            borders: false,
        })
    }

    /// The document type (bold, size 15, centered), its summary lines (bold) and the short
    /// rule under them.
    pub fn title_block(&mut self, kind: &str, summary: &[String]) -> &mut Self {
        self.paragraph(
            &Paragraph::new(vec![Run::bold(caps(kind))])
                .center()
                .size(TITLE_PT)
                .spacing(360, 0),
        );
        for s in summary {
            self.paragraph(&Paragraph::new(vec![Run::bold(text::clean(s))]).center());
        }
        self.paragraph(
            &Paragraph::new(vec![Run::plain(SUMMARY_RULE)])
                .center()
                .spacing(0, 240),
        )
    }

    /// The signature block as a borderless two-column table: titles bold and aligned at
    /// the bottom, room for the signatures, then the names in bold.
    pub fn signature(&mut self, s: &Signature) -> &mut Self {
        let n = s.left.titles.len().max(s.right.titles.len());
        let cell = |c: &SignatureColumn| -> Vec<Paragraph> {
            let mut ps: Vec<Paragraph> = (c.titles.len()..n).map(|_| Paragraph::empty()).collect();
            ps.extend(
                c.titles
                    .iter()
                    .map(|t| Paragraph::new(vec![Run::bold(caps(t))]).center()),
            );
            ps.extend((0..3).map(|_| Paragraph::empty()));
            ps.push(Paragraph::new(vec![Run::bold(text::clean(&c.name))]).center());
            ps
        };
        let half = TEXT_WIDTH / 2;
        self.paragraph(&Paragraph::empty());
        self.table(&Table {
            widths: vec![half, TEXT_WIDTH - half],
            rows: vec![vec![cell(&s.left), cell(&s.right)]],
            borders: false,
        })
    }

    /// The recipients' block (HD 36 component 9): "Nơi nhận:" underlined, then one line
    /// per recipient in size 12, at the left under the signatures. Nothing when empty.
    pub fn recipients(&mut self, lines: &[String]) -> &mut Self {
        if lines.is_empty() {
            return self;
        }
        self.paragraph(
            &Paragraph::new(vec![Run::bold(RECIPIENTS_LABEL).underlined()]).spacing(240, 0),
        );
        for l in lines {
            self.paragraph(&Paragraph::new(vec![Run::plain(text::clean(l))]).size(RECIPIENTS_PT));
        }
        self
    }

    /// The package's bytes. Fails only if the zip writer does (never for a document this
    /// program builds: a few kilobytes).
    pub fn finish(mut self) -> Result<Vec<u8>, DocxError> {
        if self.ends_with_table {
            // Word wants a paragraph between a table and the section properties.
            self.paragraph(&Paragraph::empty());
        }
        let document = format!(
            concat!(
                "{decl}",
                r#"<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body>{body}"#,
                r#"<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>"#,
                r#"<w:pgSz w:w="{pw}" w:h="{ph}"/>"#,
                r#"<w:pgMar w:top="{mt}" w:right="{mr}" w:bottom="{mb}" w:left="{ml}" "#,
                r#"w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
            ),
            decl = XML_DECL,
            w = NS_W,
            r = NS_R,
            body = self.body,
            pw = PAGE_WIDTH,
            ph = PAGE_HEIGHT,
            mt = MARGIN_TOP,
            mr = MARGIN_RIGHT,
            mb = MARGIN_BOTTOM,
            ml = MARGIN_LEFT,
        );
        package(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", PACKAGE_RELS.as_bytes()),
            ("word/document.xml", document.as_bytes()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
            ("word/styles.xml", styles_xml().as_bytes()),
            ("word/footer1.xml", footer_xml().as_bytes()),
            ("docProps/core.xml", core_xml(&self.title).as_bytes()),
        ])
    }
}

/// Why a `.docx` package could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The zip writer refused an entry.
    #[error(transparent)]
    Zip(#[from] zip::result::ZipError),
    /// Writing an entry's bytes failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The files as a zip package (the `zip` crate, deflated), in the order given. Every entry
/// carries the date 1980-01-01 00:00, so the same document gives the same bytes.
fn package(files: &[(&str, &[u8])]) -> Result<Vec<u8>, DocxError> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in files {
        z.start_file(*name, options)?;
        z.write_all(data)?;
    }
    Ok(z.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a package back with the zip crate: every entry's name and bytes, in order
    /// (the reader checks each CRC as it reads).
    fn read_back(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
                let mut data = Vec::new();
                f.read_to_end(&mut data).unwrap();
                (f.name().unwrap().into_owned(), data)
            })
            .collect()
    }

    #[test]
    fn packages_read_back_entry_for_entry_and_are_deterministic() {
        let files: [(&str, &[u8]); 4] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", "Biên bản".as_bytes()),
            ("empty", b""),
            ("thư mục/tệp.txt", b"x"),
        ];
        let bytes = package(&files).unwrap();
        let back = read_back(&bytes);
        let want: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, d)| ((*n).to_string(), d.to_vec()))
            .collect();
        assert_eq!(back, want);
        assert_eq!(package(&files).unwrap(), bytes, "the same bytes every time");
        assert!(package(&[]).is_ok_and(|b| read_back(&b).is_empty()));
    }

    #[test]
    fn a_document_holds_the_seven_parts_of_a_word_package() {
        let mut d = DocBuilder::new("Biên bản họp chi bộ");
        d.paragraph(&Paragraph::empty());
        let back = read_back(&d.finish().unwrap());
        let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "[Content_Types].xml",
                "_rels/.rels",
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "word/styles.xml",
                "word/footer1.xml",
                "docProps/core.xml"
            ]
        );
        let doc = String::from_utf8(back[2].1.clone()).unwrap();
        assert!(
            doc.starts_with(XML_DECL) && doc.ends_with("</w:document>"),
            "{doc}"
        );
        let core = String::from_utf8(back[6].1.clone()).unwrap();
        assert!(core.contains("Biên bản họp chi bộ"), "{core}");
        assert_eq!(back[0].1, CONTENT_TYPES.as_bytes());
    }

    #[test]
    fn place_and_date_pads_day_and_early_months() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            place_and_date("Hải Phòng", d(2026, 3, 5)),
            "Hải Phòng, ngày 05 tháng 3 năm 2026"
        );
        assert_eq!(
            place_and_date(" Hải  Phòng ", d(2026, 2, 15)),
            "Hải Phòng, ngày 15 tháng 02 năm 2026"
        );
        assert_eq!(
            place_and_date("", d(2026, 12, 31)),
            "……, ngày 31 tháng 12 năm 2026"
        );
        assert_eq!(date_in_words(d(2026, 1, 9)), "ngày 09 tháng 01 năm 2026");
    }

    #[test]
    fn margins_in_twips() {
        assert_eq!(
            (MARGIN_TOP, MARGIN_LEFT, MARGIN_RIGHT, TEXT_WIDTH),
            (1134, 1701, 850, 9355)
        );
    }

    #[test]
    fn wrap_keeps_words_and_vietnamese_intact() {
        let s =
            "Đồng chí Nguyễn Văn An: đề nghị chi bộ quan tâm hơn đến công tác vệ sinh môi trường";
        let lines = wrap(s, 30, "- ", 2);
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert_eq!(lines[0], "- Đồng chí Nguyễn Văn An: đề");
        assert!(lines[1..].iter().all(|l| l.starts_with("  ")));
        let joined: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(joined.join(" "), format!("- {s}"));
        // Hard breaks are kept; a word longer than the line is cut.
        assert_eq!(wrap("a\nb", 10, "", 0), vec!["a", "b"]);
        assert_eq!(wrap("abcdefghij", 4, "", 0), vec!["abcd", "efgh", "ij"]);
        assert_eq!(
            wrap("x abcdefghij", 4, "", 0),
            vec!["x", "abcd", "efgh", "ij"]
        );
        assert_eq!(wrap("", 10, "", 0), vec![""]);
        // Control characters never survive.
        assert_eq!(wrap("a\u{1b}[31mb", 20, "", 0), vec!["a[31mb"]);
    }

    #[test]
    fn xml_escape_covers_markup_and_controls() {
        assert_eq!(
            xml_escape("<b>&\"'\u{7}\u{1b}x\u{FFFF}"),
            "&lt;b&gt;&amp;&quot;&apos;x"
        );
    }

    #[test]
    fn side_by_side_aligns_bottom() {
        let l = vec!["THƯ KÝ".to_string()];
        let r = vec!["T/M CHI BỘ".to_string(), "CHỦ TRÌ".to_string()];
        let lines = side_by_side(&l, &r, 20, 20, true);
        assert_eq!(lines[0].trim(), "T/M CHI BỘ");
        assert!(lines[1].starts_with("       THƯ KÝ"));
        assert!(lines[1].ends_with("CHỦ TRÌ"));
    }
}
