//! The texts of the member import's bounds, refused lines and conflicts (issue 20), one
//! catalogue per language, reached with [`catalogue`]. Plain values only (this module
//! imports nothing but chrono): `interchange::import` turns the import's errors into these.
//! Messages that existed before (not UTF-8, no name column, an unreadable workbook) stay in
//! the main catalogue's `Cli`.

mod en;
mod vi;

use chrono::NaiveDate;

use super::Lang;

pub use en::ImportEn;
pub use vi::ImportVi;

/// Texts of the import that carry values.
#[derive(Debug, Clone, Copy)]
pub enum ImportText<'a> {
    /// The file is over the size limit (file, limit in MB).
    FileTooLarge(&'a str, u64),
    /// More data rows than the limit.
    TooManyRows(usize),
    /// A CSV line with more cells than the limit (line, limit).
    TooManyColumns(usize, usize),
    /// A workbook cell with a value right of the last column read (cell, limit).
    CellBeyond(&'a str, usize),
    /// A cell longer than the limit (cell or part, limit in characters).
    CellTooLong(&'a str, usize),
    /// A workbook part that decompresses past its limit (part, limit in MB).
    PartTooLarge(&'a str, u64),
    /// The workbook's cells hold more text than the limit (MB).
    TooMuchText(u64),
    /// The archive has more entries than a workbook (limit).
    TooManyEntries(usize),
    /// A quotation mark opened on this line never closes.
    UnclosedQuote(usize),
    /// A quoted one-line cell runs over lines (first line, last line, column).
    QuoteAcrossLines(usize, usize, &'a str),
    /// A row held back: its card number is another person's (line, card, the member's
    /// name and birth date, the row's name and birth date).
    CardOwner(
        usize,
        &'a str,
        &'a str,
        Option<NaiveDate>,
        &'a str,
        Option<NaiveDate>,
    ),
    /// A row held back: it would add a look-alike of a member (line, the row's name and
    /// birth date, the member's name and birth date).
    LooksLike(
        usize,
        &'a str,
        Option<NaiveDate>,
        &'a str,
        Option<NaiveDate>,
    ),
    /// Invisible characters removed from a cell (line, column, how many).
    Cleaned(usize, &'a str, usize),
    /// How many rows were held back as conflicts, and what to do.
    ConflictsHeld(usize),
}

/// The import texts of one language.
pub trait ImportCatalogue: Sync {
    /// A text with its values.
    fn text(&self, t: ImportText<'_>) -> String;
}

/// The import catalogue of a language.
pub fn catalogue(lang: Lang) -> &'static dyn ImportCatalogue {
    match lang {
        Lang::Vi => &ImportVi,
        Lang::En => &ImportEn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_written_in_both_languages_with_its_values() {
        let (a, b) = (
            NaiveDate::from_ymd_opt(1950, 5, 1),
            NaiveDate::from_ymd_opt(1950, 1, 1),
        );
        let texts = [
            (ImportText::FileTooLarge("a.csv", 8), vec!["a.csv", "8"]),
            (ImportText::TooManyRows(10_000), vec!["10000"]),
            (ImportText::TooManyColumns(4, 100), vec!["4", "100"]),
            (
                ImportText::CellBeyond("XFD1048576", 100),
                vec!["XFD1048576", "100"],
            ),
            (ImportText::CellTooLong("B7", 32767), vec!["B7", "32767"]),
            (
                ImportText::PartTooLarge("xl/worksheets/sheet1.xml", 48),
                vec!["sheet1.xml", "48"],
            ),
            (ImportText::TooMuchText(24), vec!["24"]),
            (ImportText::TooManyEntries(2000), vec!["2000"]),
            (ImportText::UnclosedQuote(12), vec!["12"]),
            (
                ImportText::QuoteAcrossLines(3, 9, "Họ và tên"),
                vec!["3", "9", "Họ và tên"],
            ),
            (
                ImportText::CardOwner(7, "31001277", "Nguyễn Ngọc Ánh", a, "Kẻ Mạo Danh", b),
                vec![
                    "7",
                    "31001277",
                    "Nguyễn Ngọc Ánh",
                    "01/05/1950",
                    "Kẻ Mạo Danh",
                    "01/01/1950",
                ],
            ),
            (
                ImportText::LooksLike(8, "Nguyễn Văn\u{200B} An", None, "Nguyễn Văn An", a),
                vec!["8", "Nguyễn Văn An", "01/05/1950"],
            ),
            (
                ImportText::Cleaned(5, "Họ và tên", 2),
                vec!["5", "Họ và tên", "2"],
            ),
            (ImportText::ConflictsHeld(2), vec!["2"]),
        ];
        for (t, values) in texts {
            let vi = ImportVi.text(t);
            let en = ImportEn.text(t);
            assert_ne!(vi, en, "{t:?}");
            for v in values {
                assert!(vi.contains(v), "{vi} lacks {v}");
                assert!(en.contains(v), "{en} lacks {v}");
            }
        }
    }
}
