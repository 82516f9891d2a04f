//! `sochibo export studies`, `sochibo import studies` and `sochibo report completeness`
//! (#18.2, #18.3).

use std::path::Path;

use chrono::NaiveDate;

use super::report::ReportFormat;
use super::{Args, CliError, ListFormat, data_dir, open_store, write_output, xlsx_bytes};
use crate::i18n::Lang;
use crate::interchange::{completeness, minutes, study};

/// Text for stdout, or with Windows line ends for a file.
fn text_bytes(t: String, out: Option<&Path>) -> Vec<u8> {
    if out.is_some() {
        minutes::to_crlf(&t).into_bytes()
    } else {
        t.into_bytes()
    }
}

/// `export studies`.
pub(super) fn export_studies(
    args: &Args,
    lang: Lang,
    format: ListFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    if format == ListFormat::Xlsx && out.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let branch = store.branch()?.unwrap_or_default();
    let members = store.members()?;
    let resolutions = store.resolutions()?;
    let bytes = match format {
        ListFormat::Xlsx => xlsx_bytes(&[study::studies_sheet(&resolutions, &members)])?,
        ListFormat::Csv => study::studies_csv(&resolutions, &members).into_bytes(),
        ListFormat::Txt => text_bytes(
            study::studies_txt(lang, &branch.name, &resolutions, &members),
            out,
        ),
    };
    write_output(lang, out, &bytes)
}

/// `report completeness` (as of `--at`, default today).
pub(super) fn report_completeness(
    args: &Args,
    lang: Lang,
    at: NaiveDate,
    format: ReportFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    match format {
        ReportFormat::Docx => return Err(CliError::NoDocxForThis),
        ReportFormat::Xlsx if out.is_none() => return Err(CliError::XlsxNeedsFile),
        _ => {}
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let branch = store.branch()?.unwrap_or_default();
    let members = store.members()?;
    let bytes = match format {
        ReportFormat::Xlsx => xlsx_bytes(&[completeness::completeness_sheet(lang, &members, at)])?,
        ReportFormat::Csv => completeness::completeness_csv(lang, &members, at).into_bytes(),
        _ => text_bytes(
            completeness::completeness_txt(lang, &branch.name, &members, at),
            out,
        ),
    };
    write_output(lang, out, &bytes)
}

/// `import studies FILE`: every row checked; any bad row and nothing is saved, else all
/// of it in one transaction.
pub(super) fn import_studies(args: &Args, lang: Lang, file: &Path) -> Result<(), CliError> {
    use crate::i18n::record::{self, RecordMsg, RecordText};
    use crate::interchange::{import, study_import};
    let c = record::of(lang);
    let bytes = import::read_file(file)?;
    if crate::interchange::xlsx::looks_like_xls(&bytes) {
        return Err(CliError::XlsOld);
    }
    let rows = study_import::rows_of(&bytes)?;
    drop(bytes);
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let plan = study_import::plan(&rows, &store.resolutions()?, &store.members()?);
    match plan {
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", c.text(RecordText::ImportRow(e.line, &e.problem)));
            }
            eprintln!("{}", c.msg(RecordMsg::NothingImported));
            Err(CliError::Reported)
        }
        Ok(plan) => {
            store.save_resolutions(&plan.items)?;
            println!(
                "{}",
                c.text(RecordText::Imported(plan.items.len(), plan.added))
            );
            Ok(())
        }
    }
}
