//! What went wrong with an import, in the user's language (for the command line and the
//! import screen alike): the file, its header, broken lines, conflicts, cleaned cells.

use super::import::{FileError, mib};
use super::members_csv::{BrokenLine, Conflict, ConflictKind, HeaderError, LineProblem};
use super::xlsx_read::ReadError;
use crate::domain::validate::Field;
use crate::i18n::import::{ImportText, catalogue as import_texts};
use crate::i18n::{Cli, Lang};

/// Why an import file could not be read, in the user's language.
pub fn file_error_text(lang: Lang, e: &FileError) -> String {
    match e {
        FileError::Read { file, source } => lang.cat().cli(Cli::ReadFile(
            &file.display().to_string(),
            &source.to_string(),
        )),
        FileError::TooLarge { file, limit } => import_texts(lang).text(ImportText::FileTooLarge(
            &file.display().to_string(),
            mib(*limit),
        )),
    }
}

/// Why a file's rows could not be read at all, in the user's language.
pub fn header_error_text(lang: Lang, e: &HeaderError) -> String {
    let c = lang.cat();
    let t = import_texts(lang);
    match e {
        HeaderError::NotUtf8 => c.cli(Cli::CsvNotUtf8),
        HeaderError::Empty | HeaderError::Xlsx(ReadError::NoSheet) => c.cli(Cli::CsvEmpty),
        HeaderError::NoNameColumn => c.cli(Cli::CsvNoName),
        HeaderError::TooManyRows { limit }
        | HeaderError::Xlsx(ReadError::TooManyRows { limit }) => {
            t.text(ImportText::TooManyRows(*limit))
        }
        HeaderError::TooManyColumns { line, limit } => {
            t.text(ImportText::TooManyColumns(*line, *limit))
        }
        HeaderError::Xlsx(ReadError::TooManyColumns { cell, limit }) => {
            t.text(ImportText::CellBeyond(cell, *limit))
        }
        HeaderError::Xlsx(ReadError::CellTooLong { cell, limit }) => {
            t.text(ImportText::CellTooLong(cell, *limit))
        }
        HeaderError::Xlsx(ReadError::PartTooLarge { part, limit }) => {
            t.text(ImportText::PartTooLarge(part, mib(*limit)))
        }
        HeaderError::Xlsx(ReadError::TooMuchText { limit }) => {
            t.text(ImportText::TooMuchText(mib(*limit as u64)))
        }
        HeaderError::Xlsx(ReadError::TooManyEntries { limit }) => {
            t.text(ImportText::TooManyEntries(*limit))
        }
        HeaderError::Xlsx(e @ (ReadError::Broken(_) | ReadError::Xml { .. })) => {
            c.cli(Cli::XlsxBroken(&e.to_string()))
        }
    }
}

/// A refused line of a CSV file, in the user's language.
pub fn broken_line_text(lang: Lang, b: &BrokenLine) -> String {
    let t = import_texts(lang);
    match &b.problem {
        LineProblem::UnclosedQuote => t.text(ImportText::UnclosedQuote(b.line)),
        LineProblem::QuoteAcrossLines { to, column } => {
            t.text(ImportText::QuoteAcrossLines(b.line, *to, column))
        }
    }
}

/// A row held back as a conflict, both sides shown, in the user's language.
pub fn conflict_text(lang: Lang, c: &Conflict) -> String {
    import_texts(lang).text(match c.kind {
        ConflictKind::CardOwner => ImportText::CardOwner(
            c.line,
            &c.card,
            &c.existing_name,
            c.existing_birth,
            &c.row_name,
            c.row_birth,
        ),
        ConflictKind::LooksLike => ImportText::LooksLike(
            c.line,
            &c.row_name,
            c.row_birth,
            &c.existing_name,
            c.existing_birth,
        ),
    })
}

/// Invisible characters removed from a cell, in the user's language.
pub fn cleaned_text(lang: Lang, line: usize, field: Field, count: usize) -> String {
    import_texts(lang).text(ImportText::Cleaned(line, lang.cat().field(field), count))
}

/// How many rows were held back as conflicts, in the user's language.
pub fn conflicts_held_text(lang: Lang, n: usize) -> String {
    import_texts(lang).text(ImportText::ConflictsHeld(n))
}
