//! `sochibo export liaison` (the list of liaison members) and `sochibo export comments
//! --year YYYY` (the year's comments, or one member's comment document).

use std::path::Path;

use chrono::Datelike;

use super::{
    CliError, DocFormat, ListFormat, data_dir, open_store, today, write_output, xlsx_bytes,
};
use crate::i18n::Lang;
use crate::interchange::liaison as out;
use crate::interchange::minutes::to_crlf;

/// The list of liaison members with the comment of `year` (default: this year).
pub(super) fn export_list(
    data: Option<&Path>,
    lang: Lang,
    year: Option<i32>,
    format: ListFormat,
    output: Option<&Path>,
) -> Result<(), CliError> {
    if format == ListFormat::Xlsx && output.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let store = open_store(&data_dir(data), lang)?;
    let list = store.liaisons()?;
    let year = year.unwrap_or(today().year());
    let bytes = match format {
        ListFormat::Xlsx => xlsx_bytes(&[out::sheet(&list, year)])?,
        ListFormat::Csv => out::csv(&list, year).into_bytes(),
        ListFormat::Txt => {
            let branch = store.branch()?.unwrap_or_default();
            let place = crate::interchange::place_name(&branch);
            let t = out::year_text(&branch, &list, year, &place, today());
            if output.is_some() { to_crlf(&t) } else { t }.into_bytes()
        }
    };
    write_output(lang, output, &bytes)
}

/// The comments of a year: the list of all of them, or with `name` one member's comment
/// document (the first whose name matches, diacritic-blind).
pub(super) fn export_comments(
    data: Option<&Path>,
    lang: Lang,
    year: i32,
    name: Option<&str>,
    format: DocFormat,
    output: Option<&Path>,
) -> Result<(), CliError> {
    if format == DocFormat::Docx && output.is_none() {
        return Err(CliError::DocxNeedsFile);
    }
    let store = open_store(&data_dir(data), lang)?;
    let list = store.liaisons()?;
    let branch = store.branch()?.unwrap_or_default();
    let place = crate::interchange::place_name(&branch);
    let doc = match name {
        Some(n) => {
            let q = crate::domain::search::Query::new(n);
            let l = list
                .iter()
                .map(|(_, l)| l)
                .find(|l| q.matches_label(&l.full_name))
                .ok_or_else(|| CliError::LiaisonNotFound(n.to_string()))?;
            out::comment_document(&branch, l, year, &place, today())
        }
        None => out::year_document(&branch, &list, year, &place, today()),
    };
    let bytes = match format {
        DocFormat::Docx => doc
            .to_docx()
            .map_err(|e| CliError::Store(crate::store::StoreError::Io(e.to_string())))?,
        DocFormat::Txt => {
            let t = doc.to_text(out::TEXT_WIDTH);
            if output.is_some() { to_crlf(&t) } else { t }.into_bytes()
        }
    };
    write_output(lang, output, &bytes)
}
