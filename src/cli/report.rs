//! `sochibo report …` and `sochibo export assessments`: a report of the branch written as
//! text, CSV, Word or Excel, built by `interchange::figures` (the same builder as the
//! reports screen).

use std::path::Path;

use super::{Args, CliError, data_dir, open_store, today, write_output, xlsx_bytes};
use crate::i18n::Lang;
use crate::interchange::figures::{self, Period, ReportKind};
use crate::interchange::minutes;

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

impl From<super::ListFormat> for ReportFormat {
    fn from(f: super::ListFormat) -> ReportFormat {
        match f {
            super::ListFormat::Txt => ReportFormat::Txt,
            super::ListFormat::Csv => ReportFormat::Csv,
            super::ListFormat::Xlsx => ReportFormat::Xlsx,
        }
    }
}

/// Writes one report of the branch over `period` to `out` (stdout for text and CSV).
/// Word and Excel need a file; a report without a Word form says so; a Word report needs
/// the branch profile (its header names the branch).
pub(super) fn write_report(
    args: &Args,
    lang: Lang,
    kind: ReportKind,
    period: Period,
    format: ReportFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    match format {
        ReportFormat::Xlsx if out.is_none() => return Err(CliError::XlsxNeedsFile),
        ReportFormat::Docx if !kind.has_document() => return Err(CliError::NoDocxForThis),
        ReportFormat::Docx if out.is_none() => return Err(CliError::DocxNeedsFile),
        _ => {}
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let reg = store.register()?;
    let now = today();
    let bytes = match format {
        ReportFormat::Txt => {
            let t = figures::text(&reg, kind, period, now, lang);
            if out.is_some() {
                minutes::to_crlf(&t).into_bytes()
            } else {
                t.into_bytes()
            }
        }
        ReportFormat::Csv => figures::csv(&reg, kind, period, now, lang).into_bytes(),
        ReportFormat::Xlsx => xlsx_bytes(&figures::sheets(&reg, kind, period, now, lang))?,
        ReportFormat::Docx => {
            if reg.branch.name.is_empty() {
                return Err(CliError::NoBranch);
            }
            figures::document(&reg, kind, period, now)
                .ok_or(CliError::NoDocxForThis)?
                .to_docx()?
        }
    };
    write_output(lang, out, &bytes)
}
