//! The ward's figures from bundles: a figures-only bundle (format 2, no names, no ledgers,
//! no candidates) gives the same figures, section by section, as a full copy of the same
//! branch; a format-1 bundle still reads and its missing figures say "không có trong
//! gói"; `sochibo rollup` prints the same sections and names each refused file.

use crate::common;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use common::{member, sochibo, text};
use sochibo::domain::branch::Branch;
use sochibo::interchange::bundle::{self, BundleError};
use sochibo::interchange::figures::Period;
use sochibo::interchange::ward::{self, Carried, NOT_IN_BUNDLE, Section};
use sochibo::store::Store;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Branch `n`: the sample register under its own name, with `n` more members, both
/// bundles written into `dir`.
fn both_bundles(dir: &Path, n: usize) {
    let work = tempfile::tempdir().unwrap();
    let store = Store::open(&work.path().join("data")).unwrap();
    let today = chrono::Local::now().date_naive();
    sochibo::cli::write_demo(&store, today).unwrap();
    let mut b: Branch = store.branch().unwrap().unwrap();
    b.name = format!("Chi bộ Tổ dân phố số {n}");
    store.save_branch(&b).unwrap();
    let extra: Vec<_> = (0..n)
        .map(|i| {
            (
                None,
                member(
                    &format!("Lê Văn Thêm {i}"),
                    "01/01/1960",
                    &format!("0{}/03/199{i}", i + 1),
                    &format!("8800{n}{i:03}"),
                ),
            )
        })
        .collect();
    store.save_members(&extra).unwrap();
    store
        .write_ward_bundle(&dir.join(format!("so-lieu-{n}.scb")))
        .unwrap();
    store
        .write_backup(&dir.join(format!("day-du-{n}.scb")))
        .unwrap();
}

#[test]
fn figures_only_bundles_give_the_figures_of_full_bundles() {
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=3 {
        both_bundles(dir.path(), n);
    }
    let read = |prefix: &str| -> Vec<ward::Sent> {
        (1..=3)
            .map(|n| {
                bundle::read(&dir.path().join(format!("{prefix}-{n}.scb")))
                    .unwrap()
                    .sent
            })
            .collect()
    };
    let (figs, full) = (read("so-lieu"), read("day-du"));
    assert!(
        figs.iter()
            .all(|s| matches!(s.carried, Carried::Figures(_)))
    );
    assert!(full.iter().all(|s| matches!(s.carried, Carried::Full(_))));
    // The figures-only copy carries no names, no ledgers, no candidates.
    for s in &figs {
        assert!(
            s.register
                .members
                .iter()
                .all(|(_, m)| m.full_name.is_empty())
        );
        assert!(s.register.dues.is_empty() && s.register.candidates.is_empty());
    }
    let today = chrono::Local::now().date_naive();
    for year in [today.year(), today.year() - 1] {
        let p = Period::year(year, today);
        let (a, b) = (ward::ward_of(&figs, p), ward::ward_of(&full, p));
        for s in Section::ALL {
            assert_eq!(
                ward::section_lines(&a, *s, p),
                ward::section_lines(&b, *s, p),
                "{s:?} of {year}"
            );
        }
        assert_eq!(a.dues, b.dues);
        assert_eq!(a.pipeline, b.pipeline);
        if year == today.year() {
            assert!(
                a.dues.collected > 0,
                "the sample branches pay dues: {:?}",
                a.dues
            );
            assert!(a.pipeline.total() > 0, "and follow candidates");
        }
        assert_eq!(
            ward::ward_text(&a, p, sochibo::i18n::Lang::Vi),
            ward::ward_text(&b, p, sochibo::i18n::Lang::Vi)
        );
    }
}

#[test]
fn a_format_1_bundle_still_reads_and_its_missing_figures_are_not_zero() {
    let old = bundle::read(&fixture("ward_bundle_format1.scb")).unwrap();
    assert!(matches!(old.sent.carried, Carried::Missing));
    assert_eq!(old.branch(), "Chi bộ Tổ dân phố Hòa Bình");
    let on = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let p = Period::year(2026, on);
    let w = ward::ward_of(std::slice::from_ref(&old.sent), p);
    assert!(w.structure.total > 30);
    for s in [Section::Dues, Section::Admission] {
        let lines = ward::section_lines(&w, s, p).join("\n");
        assert!(lines.contains(NOT_IN_BUNDLE), "{s:?}: {lines}");
    }
    // What the old bundle has is counted: admissions against the members.
    let adm = ward::section_lines(&w, Section::Admission, p).join("\n");
    assert!(adm.contains("- Đã kết nạp trong năm:"), "{adm}");
    let sheet = ward::section_sheet(&w, Section::Dues, p).to_csv();
    assert!(sheet.contains(NOT_IN_BUNDLE), "{sheet}");
}

#[test]
fn the_reader_names_what_is_wrong_with_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture("ward_bundle_format1.scb");
    let bytes = std::fs::read(&good).unwrap();
    let write = |name: &str, b: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, b).unwrap();
        p
    };
    let mut future = bytes.clone();
    future[8] = 7;
    assert!(matches!(
        bundle::read(&write("f.scb", &future)),
        Err(BundleError::Newer)
    ));
    assert!(matches!(
        bundle::read(&write("t.scb", &bytes[..bytes.len() - 100])),
        Err(BundleError::Damaged(_))
    ));
    let mut altered = bytes.clone();
    altered[bytes.len() / 2] ^= 1;
    assert!(matches!(
        bundle::read(&write("a.scb", &altered)),
        Err(BundleError::Damaged(_))
    ));
    assert!(matches!(
        bundle::read(&write("n.txt", b"hello")),
        Err(BundleError::NotABundle)
    ));
    assert!(matches!(
        bundle::read(&write("e.scb", b"")),
        Err(BundleError::NotABundle)
    ));
}

#[test]
fn rollup_prints_every_section_and_names_each_refused_file() {
    let dir = tempfile::tempdir().unwrap();
    both_bundles(dir.path(), 1);
    std::fs::remove_file(dir.path().join("day-du-1.scb")).unwrap();
    std::fs::copy(
        fixture("ward_bundle_format1.scb"),
        dir.path().join("cu.scb"),
    )
    .unwrap();
    let bytes = std::fs::read(dir.path().join("cu.scb")).unwrap();
    std::fs::write(dir.path().join("hong.scb"), &bytes[..200]).unwrap();
    let files: Vec<String> = ["so-lieu-1.scb", "cu.scb", "hong.scb"]
        .iter()
        .map(|f| dir.path().join(f).display().to_string())
        .collect();
    let mut args = vec!["rollup"];
    args.extend(files.iter().map(String::as_str));
    let out = sochibo(&args, &dir.path().join("data"));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "a refused file: exit 1");
    assert!(stderr.contains("hong.scb"), "{stderr}");
    assert!(
        stderr.contains("đã hỏng, bị cắt cụt hoặc bị sửa"),
        "{stderr}"
    );
    let p = Period::year(2026, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    for s in Section::ALL {
        assert!(stdout.contains(&s.heading(p)), "{s:?}: {stdout}");
    }
    assert!(stdout.contains("2 tổ chức đảng trực thuộc"), "{stdout}");
    assert!(stdout.contains(NOT_IN_BUNDLE), "{stdout}");
    assert!(!stdout.contains(" 00 đồng chí"), "{stdout}");
    assert!(
        stdout
            .lines()
            .all(|l| sochibo::domain::text::width(l) <= 80)
    );
}

#[test]
fn the_ward_screen_needs_a_terminal_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = sochibo(
        &["ward", &dir.path().display().to_string()],
        &dir.path().join("data"),
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(!text(&out.stdout).contains('\u{1b}'), "no escape sequence");
    assert!(!text(&out.stderr).is_empty());
    // Nothing was written into the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
