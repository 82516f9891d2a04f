//! English: texts of the member import's bounds, refused lines and conflicts.

use super::{ImportCatalogue, ImportText};
use crate::domain::date::format_date;

/// The English import texts.
#[derive(Debug, Clone, Copy)]
pub struct ImportEn;

const UNCHANGED: &str = "Nothing was changed.";

fn born(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(
        || "no birth date".to_string(),
        |d| format!("born {}", format_date(d)),
    )
}

impl ImportCatalogue for ImportEn {
    fn text(&self, t: ImportText<'_>) -> String {
        use ImportText::*;
        match t {
            FileTooLarge(f, mb) => format!(
                "{f} is larger than {mb} MB, too large for a member list. Choose the right file, or split the list into smaller files. {UNCHANGED}"
            ),
            TooManyRows(n) => format!(
                "The file has more than {n} data rows; one import reads at most {n}. Split the list into several files. {UNCHANGED}"
            ),
            TooManyColumns(line, n) => format!(
                "Line {line} has more than {n} cells; a member list has about 20 columns. The file may not be a member list, or its separator is wrong. {UNCHANGED}"
            ),
            CellBeyond(cell, n) => format!(
                "Cell {cell} has a value but lies beyond the first {n} columns that are read. Clear it (or copy the table to a new sheet) and import again. {UNCHANGED}"
            ),
            CellTooLong(cell, n) => format!(
                "Cell {cell} is longer than {n} characters (Excel's limit): the file is damaged or not a member list. {UNCHANGED}"
            ),
            PartTooLarge(part, mb) => format!(
                "The workbook expands to too much data ({part} is over {mb} MB): it is damaged or may be hostile. {UNCHANGED}"
            ),
            TooMuchText(mb) => format!(
                "The workbook's cells hold more than {mb} MB of text, too much for a member list. {UNCHANGED}"
            ),
            TooManyEntries(n) => format!(
                "The archive has more than {n} parts; it is not an ordinary Excel workbook. {UNCHANGED}"
            ),
            UnclosedQuote(line) => format!(
                "Line {line}: a quotation mark (\") opened on this line is never closed; the line is refused and the lines after it are still read. Fix the quotation marks in the file."
            ),
            QuoteAcrossLines(line, to, col) => format!(
                "Lines {line}–{to}: the \"{col}\" cell opens a quotation mark on line {line} that closes only on line {to}, swallowing the lines between; they are refused. Fix the quotation marks in the file."
            ),
            CardOwner(line, card, who, who_born, row, row_born) => format!(
                "Line {line}: card number {card} belongs to {who} ({}), but this line says {row} ({}). A different person, so NOT overwritten; check the card number in the file.",
                born(who_born),
                born(row_born)
            ),
            LooksLike(line, row, row_born, who, who_born) => format!(
                "Line {line}: \"{row}\" ({}) looks like the existing member \"{who}\" ({}): possibly the same person, so NOT added. If it is someone else, give the birth date to tell them apart and import again.",
                born(row_born),
                born(who_born)
            ),
            Cleaned(line, col, n) => format!(
                "Line {line}, column \"{col}\": removed {n} invisible or text-direction characters (such as U+200B, U+202E)."
            ),
            ConflictsHeld(n) => format!(
                "{n} rows held back because they may be about the wrong person: fix the file (or the member's record) and import those rows again."
            ),
        }
    }
}
