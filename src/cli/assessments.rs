//! `sochibo export assessments --year YYYY --format txt|csv|docx|xlsx`: the year's review.

use std::path::Path;

use super::{Args, C, data_dir, open_store, today, write_output};
use crate::domain::review as rv;
use crate::i18n::{self, Lang};
use crate::interchange::{assessments, minutes, place_name};

/// Formats of a report (the review, the figures): text, CSV, Word or Excel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Plain text, 80 columns.
    Txt,
    /// CSV for Excel.
    Csv,
    /// Word document in the Party layout.
    Docx,
    /// Excel workbook (needs -o).
    Xlsx,
}

/// Writes the year's review.
pub(super) fn cmd_export_assessments(
    args: &Args,
    lang: Lang,
    year: i32,
    format: ReportFormat,
    out: Option<&Path>,
) -> Result<(), String> {
    let c = lang.cat();
    if format == ReportFormat::Xlsx && out.is_none() {
        return Err(c.cli(C::XlsxNeedsFile));
    }
    let err = |e: crate::store::StoreError| i18n::store_error(lang, &e);
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let branch = store
        .branch()
        .map_err(err)?
        .ok_or_else(|| c.msg(i18n::Msg::NoBranch).to_string())?;
    let members = store.members().map_err(err)?;
    let meetings = store.meetings().map_err(err)?;
    let reviews = store.reviews().map_err(err)?.into_iter().collect();
    let branch_year = store
        .branch_years()
        .map_err(err)?
        .into_iter()
        .find(|(y, _)| *y == year)
        .map(|(_, b)| b);
    let on = rv::review_date(year, meetings.iter().map(|(_, m)| m));
    let rows = rv::year_rows(year, &members, &reviews, on);
    let doc = || {
        assessments::assessments_document(
            &branch,
            year,
            &rows,
            branch_year.as_ref(),
            &place_name(&branch),
            today(),
        )
    };
    let bytes = match format {
        ReportFormat::Csv => assessments::assessments_csv(&rows).into_bytes(),
        ReportFormat::Xlsx => {
            super::xlsx_bytes(lang, &[assessments::assessments_sheet(year, &rows)])?
        }
        ReportFormat::Txt => {
            let t = doc().to_text(assessments::TEXT_WIDTH);
            if out.is_some() {
                minutes::to_crlf(&t).into_bytes()
            } else {
                t.into_bytes()
            }
        }
        ReportFormat::Docx => {
            if out.is_none() {
                return Err(c.cli(C::DocxNeedsFile));
            }
            doc()
                .to_docx()
                .map_err(|e| c.cli(C::Error(&e.to_string())))?
        }
    };
    write_output(lang, out, &bytes)
}
