//! The ward roll-up: each branch exports a bundle (our verified backup file: versioned, with
//! a checksum, readable by later versions), and the ward adds the figures of many bundles.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{ListFormat, data_dir, date_option, open_store, today, write_output};
use crate::domain::{date, demo, stats, text};
use crate::i18n::{self, Cli as C, Lang};
use crate::interchange::reports;
use crate::store::{Store, StoreError, backup};

/// One branch read from a bundle.
struct Bundle {
    file: String,
    branch: String,
    superior: String,
    members: Vec<crate::domain::member::Member>,
}

fn read_bundle(path: &Path, lang: Lang) -> Result<Bundle, String> {
    let c = lang.cat();
    let file = path.display().to_string();
    let (info, branch, members) = backup::load_register(path).map_err(|e| match e {
        StoreError::Io(why) => c.cli(C::ReadFile(&file, &why)),
        e => c.cli(C::BundleBad(&file, &i18n::store_error(lang, &e))),
    })?;
    if info.sealed {
        return Err(c.cli(C::BundleSealed(&file)));
    }
    let branch = branch.unwrap_or_default();
    let out = Bundle {
        file: file.clone(),
        branch: branch.name,
        superior: branch.superior,
        members,
    };
    if out.branch.is_empty() {
        return Err(c.cli(C::BundleBad(&file, &c.cli(C::BundleNoBranch))));
    }
    Ok(out)
}

/// `sochibo export bundle [-o FILE]`: the branch's bundle for the ward.
pub(super) fn cmd_export_bundle(
    data: Option<&Path>,
    lang: Lang,
    out: Option<&Path>,
) -> Result<(), String> {
    let c = lang.cat();
    let store = open_store(&data_dir(data), lang)?;
    if store.is_sealed() {
        return Err(c.cli(C::BundleNeedsPlain));
    }
    let branch = store
        .branch()
        .map_err(|e| i18n::store_error(lang, &e))?
        .map(|b| b.name)
        .unwrap_or_default();
    let default = PathBuf::from(super::safety::default_backup_name(
        Some(&branch),
        chrono::Local::now(),
    ));
    let path = out.map(Path::to_path_buf).unwrap_or(default);
    let info = store
        .write_backup(&path)
        .map_err(|e| i18n::store_error(lang, &e))?;
    println!(
        "{}",
        c.cli(C::BundleWritten(&path.display().to_string(), info.members))
    );
    Ok(())
}

/// `sochibo rollup FILE…`: the ward's member structure and movements from many bundles,
/// each branch's contribution named; a corrupt, encrypted or duplicate bundle is refused by name and the
/// others are still reported (exit 1 if any was refused).
pub(super) fn cmd_rollup(
    files: &[PathBuf],
    [at, from, to]: [Option<&str>; 3],
    format: ListFormat,
    out: Option<&Path>,
    lang: Lang,
) -> Result<(), String> {
    let c = lang.cat();
    if format == ListFormat::Xlsx && out.is_none() {
        return Err(c.cli(C::XlsxNeedsFile));
    }
    let at = date_option(at, today(), lang)?;
    let to = date_option(to, at, lang)?;
    let from = date_option(from, stats::year_start(to), lang)?;
    let mut seen = BTreeSet::new();
    let mut refused = 0;
    let mut contributions = Vec::new();
    let mut superiors = BTreeSet::new();
    let mut everyone = Vec::new();
    for f in files {
        match read_bundle(f, lang) {
            Err(msg) => {
                eprintln!("{msg}");
                refused += 1;
            }
            Ok(b) => {
                let key = (text::fold(&b.superior), text::fold(&b.branch));
                if !seen.insert(key) {
                    eprintln!("{}", c.cli(C::BundleDuplicate(&b.file, &b.branch)));
                    refused += 1;
                    continue;
                }
                let s = stats::structure(&b.members, at);
                superiors.insert(b.superior.clone());
                contributions.push((b.branch, s.total, s.official, s.probationary));
                everyone.extend(b.members);
            }
        }
    }
    if contributions.is_empty() {
        return Err(String::new()); // every file was refused, each with its message
    }
    let total = stats::structure(&everyone, at);
    if format == ListFormat::Xlsx {
        let moved = stats::movements(&everyone, from, to);
        let sheets = reports::rollup_sheets(&contributions, &total, &moved);
        write_output(lang, out, &super::xlsx_bytes(lang, &sheets)?)?;
        return if refused > 0 {
            Err(String::new())
        } else {
            Ok(())
        };
    }
    let csv = format == ListFormat::Csv;
    let superior = superiors.into_iter().collect::<Vec<_>>().join(", ");
    let moved = reports::movements_report(
        &superior,
        &stats::movements(&everyone, from, to),
        from,
        to,
        csv,
    );
    let mut text = if csv {
        let mut t = reports::structure_report(&superior, &total, at, true);
        t.push_str("\r\n");
        t.push_str(moved.trim_start_matches('\u{feff}'));
        t
    } else {
        let mut t = c.cli(C::RollupHeading(
            &stats::format_int(contributions.len() as u64),
            &stats::format_int(u64::from(total.total)),
            &date::format_date(at),
        ));
        t.push_str("\n\n");
        for (name, n, o, p) in &contributions {
            let share = c.cli(C::RollupShare(&stats::format_int(u64::from(*n)), *o, *p));
            t.push_str(&format!("  {:<40} {share}\n", text::ellipsize(name, 40)));
        }
        t.push('\n');
        t.push_str(&reports::structure_report(&superior, &total, at, false));
        t.push('\n');
        t.push_str(&moved);
        t
    };
    if out.is_some() && !csv {
        text = crate::interchange::minutes::to_crlf(&text);
    }
    write_output(lang, out, text.as_bytes())?;
    if refused > 0 {
        Err(String::new())
    } else {
        Ok(())
    }
}

/// `sochibo demo-ward DIR [--branches N]`: sample bundles of a whole ward, to try the
/// roll-up (deterministic; 15–45 members a branch).
pub(super) fn cmd_demo_ward(dir: &Path, branches: u32, lang: Lang) -> Result<(), String> {
    let c = lang.cat();
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| c.cli(C::WriteFile(&shown, &e.to_string())))?;
    let now = today();
    let mut total = 0;
    for b in 1..=branches {
        let work = dir.join(format!(".tao-chi-bo-{b}"));
        let _ = std::fs::remove_dir_all(&work);
        let store = Store::open(&work).map_err(|e| i18n::store_error(lang, &e))?;
        let mut rng = demo::Rng::new(u64::from(b));
        let n = 15 + rng.below(31) as usize;
        let members = demo::demo_members(1000 + u64::from(b), n, now);
        let items: Vec<_> = members.into_iter().map(|m| (None, m)).collect();
        store
            .save_members(&items)
            .map_err(|e| i18n::store_error(lang, &e))?;
        let mut branch = demo::demo_branch();
        branch.name = format!("Chi bộ Tổ dân phố số {b}");
        store
            .save_branch(&branch)
            .map_err(|e| i18n::store_error(lang, &e))?;
        store.mark_demo().map_err(|e| i18n::store_error(lang, &e))?;
        store
            .write_backup(&dir.join(format!("chi-bo-{b:02}.scb")))
            .map_err(|e| i18n::store_error(lang, &e))?;
        drop(store);
        let _ = std::fs::remove_dir_all(&work);
        total += n;
    }
    println!(
        "{}",
        c.cli(C::WardWritten(branches as usize, total, &shown))
    );
    Ok(())
}
