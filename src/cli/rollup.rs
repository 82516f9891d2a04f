//! The ward roll-up: each branch exports a bundle (our verified backup file: versioned, with
//! a checksum, readable by later versions), and the ward adds the figures of many bundles.

use std::collections::BTreeSet;

use chrono::Datelike;
use std::path::{Path, PathBuf};

use super::report::ReportFormat;
use super::{BundleProblem, CliError, data_dir, date_option, open_store, today, write_output};
use crate::domain::{demo_ward, stats, text};
use crate::i18n::{Cli as C, Lang};
use crate::interchange::bundle::{self, Received};
use crate::interchange::figures::Period;
use crate::interchange::ward;
use crate::store::{Store, backup};

/// Reads a bundle, or the roll-up's refusal naming it.
fn read_bundle(path: &Path) -> Result<Received, CliError> {
    bundle::read(path).map_err(|e| CliError::Bundle {
        file: path.to_path_buf(),
        problem: BundleProblem::Ward(e),
    })
}

/// `sochibo export bundle [-o FILE]`: the branch's bundle for the ward.
pub(super) fn cmd_export_bundle(
    data: Option<&Path>,
    lang: Lang,
    full: bool,
    out: Option<&Path>,
) -> Result<(), CliError> {
    let c = lang.cat();
    let store = open_store(&data_dir(data), lang)?;
    // The ward's bundle holds no names and is written in the clear even from encrypted
    // data; a full copy of encrypted data would be unreadable to the ward.
    if full && store.is_sealed() {
        return Err(CliError::BundleNeedsPlain);
    }
    let branch = store.branch()?.map(|b| b.name).unwrap_or_default();
    let default = PathBuf::from(backup::default_name(Some(&branch), chrono::Local::now()));
    let path = out.map(Path::to_path_buf).unwrap_or(default);
    let written = if full {
        store.write_backup(&path)
    } else {
        store.write_ward_bundle(&path)
    };
    let info = written?;
    println!(
        "{}",
        c.cli(C::BundleWritten(&path.display().to_string(), info.members))
    );
    Ok(())
}

/// `sochibo rollup FILE…`: the ward's figures from many bundles (member structure,
/// movements, meetings, the year's review), each branch's contribution named; a corrupt,
/// encrypted or duplicate bundle is refused by name and the others are still reported
/// (exit 1 if any was refused).
pub(super) fn cmd_rollup(
    files: &[PathBuf],
    [at, from, to]: [Option<&str>; 3],
    format: ReportFormat,
    superior: Option<&str>,
    out: Option<&Path>,
    lang: Lang,
) -> Result<(), CliError> {
    if format == ReportFormat::Xlsx && out.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let at = date_option(at, today())?;
    let to = date_option(to, at)?;
    let from = date_option(from, stats::year_start(to))?;
    if format == ReportFormat::Docx && out.is_none() {
        return Err(CliError::DocxNeedsFile);
    }
    let mut seen = BTreeSet::new();
    let mut refused = 0;
    let mut registers = Vec::new();
    for f in files {
        match read_bundle(f) {
            Err(e) => {
                eprintln!("{}", e.message(lang));
                refused += 1;
            }
            Ok(b) => {
                let key = (
                    text::fold(&b.sent.register.branch.superior),
                    text::fold(b.branch()),
                );
                if !seen.insert(key) {
                    let dup = CliError::BundleDuplicate {
                        branch: b.branch().to_string(),
                        file: b.file,
                    };
                    eprintln!("{}", dup.message(lang));
                    refused += 1;
                    continue;
                }
                registers.push(b.sent);
            }
        }
    }
    if registers.is_empty() {
        return Err(CliError::Reported); // every file was refused, each with its message
    }
    let period = Period { at, from, to };
    let w = ward::ward_of(&registers, period);
    let bytes = match format {
        ReportFormat::Csv => ward::ward_csv(&w, period).into_bytes(),
        ReportFormat::Txt => {
            let t = ward::ward_text(&w, period, lang);
            if out.is_some() {
                crate::interchange::minutes::to_crlf(&t).into_bytes()
            } else {
                t.into_bytes()
            }
        }
        ReportFormat::Xlsx => super::xlsx_bytes(&ward::ward_sheets(&w, period))?,
        ReportFormat::Docx => {
            let place = crate::interchange::place_name(&registers[0].register.branch);
            ward::ward_document(&w, period, superior.unwrap_or(""), &place, today()).to_docx()?
        }
    };
    write_output(lang, out, &bytes)?;
    if refused > 0 {
        Err(CliError::Reported)
    } else {
        Ok(())
    }
}

/// `sochibo demo-ward DIR [--branches N]`: a sample ward in DIR, to try the roll-up and
/// the ward screen: branches of different kinds and sizes (`domain::demo_ward`), each one's
/// bundle as a branch sends it (figures only; one a full copy; a few made weeks ago; a few
/// not sent), and the ward's list of branches (deterministic). With `full`, every bundle
/// sent is the branch's full copy.
pub(super) fn cmd_demo_ward(
    dir: &Path,
    branches: u32,
    full: bool,
    lang: Lang,
) -> Result<(), CliError> {
    let c = lang.cat();
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(CliError::write(dir))?;
    let now = today();
    let (mut total, mut written) = (0, 0);
    let mut list = crate::app::ward::folder::ListFile {
        superior: "Đảng bộ thành phố Hải Phòng".into(),
        branches: Vec::new(),
    };
    for b in 1..=branches {
        let sample = demo_ward::sample_branch(b, branches);
        list.branches.push(sample.branch.name.clone());
        if sample.sends == demo_ward::Sends::Nothing {
            continue;
        }
        let work = backup::temporary_dir("demo-ward");
        let store = Store::open(&work)?;
        let members = demo_ward::members(&sample, now);
        let n = super::write_sample_members(&store, members, &sample.branch, now, true)?;
        for (i, (id, _)) in store.candidates()?.into_iter().enumerate() {
            if !demo_ward::keeps_candidate(&sample, i) {
                store.delete_candidate(id)?;
            }
        }
        let mut held = store.meetings()?;
        held.sort_by_key(|(_, m)| m.date);
        for (i, (id, m)) in held.iter().enumerate() {
            if demo_ward::skips_meeting(&sample, i, m.kind) {
                store.delete_meeting(*id)?;
            }
        }
        if let Some(count) = demo_ward::target(&sample, now.year()) {
            store.save_admission_target(&crate::domain::admission::Target {
                year: now.year(),
                count,
            })?;
        }
        store.mark_demo()?;
        let file = dir.join(format!("chi-bo-{b:02}.scb"));
        let info = if full || sample.sends == demo_ward::Sends::Full {
            store.write_backup(&file)
        } else {
            store.write_ward_bundle(&file)
        };
        drop(store);
        let _ = std::fs::remove_dir_all(&work);
        info?;
        if let demo_ward::Sends::Late(days) = sample.sends {
            // Made weeks ago: the same bundle with an earlier time (checksum rewritten).
            let (mut snap, _) = backup::load_backup(&file)?;
            snap.created_at -= days * 86_400;
            crate::store::snapshot::write_file(&file, &snap)?;
        }
        total += n;
        written += 1;
    }
    crate::app::ward::folder::write(
        dir,
        crate::app::ward::folder::LIST_FILE,
        &crate::app::ward::folder::list_text(&list),
    )
    .map_err(CliError::write(
        &dir.join(crate::app::ward::folder::LIST_FILE),
    ))?;
    println!("{}", c.cli(C::WardWritten(written, total, &shown)));
    Ok(())
}
