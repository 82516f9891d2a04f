//! Late flags in the ward bundle (#22.2, bundle format 3): a branch records a late
//! ceremony with its reason; its figures-only bundle carries the flag (candidate by number,
//! rule, due and done dates, reason; no name); the ward screen's admission section and
//! `sochibo rollup` show it. Bundles of formats 1 and 2 still read, their flags "không có
//! trong gói".

use crate::common;

use std::path::Path;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sochibo::app::ward::WardApp;
use sochibo::domain::rules::RuleId;
use sochibo::i18n::Lang;
use sochibo::interchange::bundle;
use sochibo::interchange::figures::Period;
use sochibo::interchange::ward::{self, Carried, NOT_IN_BUNDLE, Section};
use sochibo::keymap::{Keymap, parse_key_string};
use sochibo::ui::{self, theme::Theme};

use common::{Harness, screen_of, sochibo, text, today};

const REASON: &str = "Đảng ủy phường đồng ý ngày 10/11/2026";

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The sample branch with a ceremony recorded late, with its reason, through the keys;
/// its figures-only bundle written as `dir/hoa-binh.scb`.
fn late_bundle(dir: &Path) -> std::path::PathBuf {
    let mut h = Harness::demo(&[]);
    h.keys("<A-7><Enter><F4><C-s>");
    h.keys(&format!("<Tab><Tab><Tab><Tab><Tab>{REASON}<C-s>"));
    assert!(h.status_line().contains("Đã kết nạp"), "{}", h.screen());
    let path = dir.join("hoa-binh.scb");
    h.app.store.write_ward_bundle(&path).unwrap();
    path
}

#[test]
fn a_late_ceremony_goes_in_the_bundle_and_shows_on_the_ward_screen() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("phuong");
    std::fs::create_dir(&dir).unwrap();
    let path = late_bundle(&dir);

    // The bundle carries the flag, and no candidate's name.
    let got = bundle::read(&path).unwrap();
    let Carried::Figures(f) = &got.sent.carried else {
        panic!("a figures-only bundle: {:?}", got.sent.carried)
    };
    let late = f.late.as_ref().expect("format 3 carries the late flags");
    let flag = late
        .iter()
        .find(|c| c.flag.reason == REASON)
        .expect("the late ceremony");
    assert_eq!(flag.flag.rule, RuleId::CeremonyWorkingDays);
    assert!(flag.flag.done > flag.flag.due, "{flag:?}");
    assert!(
        got.sent.register.candidates.is_empty(),
        "no candidates' names"
    );

    // The ward's admission section: counted by rule, each flag with its dates and reason.
    let p = Period::year(2026, today());
    let w = ward::ward_of(std::slice::from_ref(&got.sent), p);
    let lines = ward::section_lines(&w, Section::Admission, p).join("\n");
    assert!(
        lines.contains("- Việc làm quá hạn, có ghi lý do (cờ MUỘN): 1"),
        "{lines}"
    );
    assert!(
        lines.contains("  + Lễ kết nạp sau quyết định (ngày làm việc): 1"),
        "{lines}"
    );
    let due = sochibo::domain::date::format_date(flag.flag.due);
    let done = sochibo::domain::date::format_date(flag.flag.done);
    assert!(
        lines.contains(&format!(
            "  Chi bộ Tổ dân phố Hòa Bình — quần chúng số {}:\n    [MUỘN] Lễ kết nạp sau \
             quyết định (ngày làm việc)\n    hạn {due}, làm ngày {done}\n    lý do: {REASON}",
            flag.candidate
        )),
        "{lines}"
    );
    assert!(!lines.contains(NOT_IN_BUNDLE), "{lines}");
    let sheet = ward::section_sheet(&w, Section::Admission, p).to_csv();
    let rows: Vec<&str> = sheet.lines().collect();
    assert!(rows[0].ends_with("Cờ muộn"), "{sheet}");
    assert!(rows[1].ends_with(",1"), "{sheet}");
    assert!(
        rows[2].starts_with("Cộng") && rows[2].ends_with(",1"),
        "{sheet}"
    );

    // The ward screen, on the admission section (the sixth).
    let fallback = root.path().join("exports");
    let mut app = WardApp::open(&dir, Lang::Vi, Keymap::defaults(), today(), &fallback).unwrap();
    let mut term = Terminal::new(TestBackend::new(100, 50)).unwrap();
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let events: Vec<Event> = parse_key_string("<Tab><Tab><Tab><Tab><Tab>")
        .unwrap()
        .into_iter()
        .map(Event::Key)
        .collect();
    ui::run(&mut term, &mut app, &theme, events).unwrap();
    let s = screen_of(&term);
    assert!(s.contains("Kết nạp — năm 2026"), "{s}");
    assert!(s.contains("(cờ MUỘN): 1"), "{s}");
    assert!(s.contains("[MUỘN] Lễ kết nạp sau quyết định"), "{s}");
    assert!(s.contains(&format!("lý do: {REASON}")), "{s}");

    // `sochibo rollup` prints them too.
    let out = sochibo(
        &["rollup", &path.display().to_string()],
        &root.path().join("data"),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains("[MUỘN] Lễ kết nạp sau quyết định"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("lý do: {REASON}")), "{stdout}");
}

#[test]
fn bundles_of_formats_1_and_2_still_read_without_late_flags() {
    let p = Period::year(2026, today());
    for (file, format2) in [
        ("ward_bundle_format1.scb", false),
        ("ward_bundle_format2.scb", true),
    ] {
        let old = bundle::read(&fixture(file)).unwrap();
        match &old.sent.carried {
            Carried::Figures(f) => {
                assert!(format2, "{file}");
                assert_eq!(f.late, None, "{file}");
                assert!(f.pipeline.total() > 0, "format 2 keeps its pipeline");
            }
            Carried::Missing => assert!(!format2, "{file}"),
            other => panic!("{file}: {other:?}"),
        }
        let w = ward::ward_of(std::slice::from_ref(&old.sent), p);
        let lines = ward::section_lines(&w, Section::Admission, p).join("\n");
        assert!(
            lines.contains(&format!(
                "- Cờ MUỘN: 1 chi bộ {NOT_IN_BUNDLE} (gói cũ), chưa cộng vào số trên"
            )),
            "{file}: {lines}"
        );
        assert!(
            lines.contains("- Việc làm quá hạn, có ghi lý do (cờ MUỘN): 0"),
            "{file}: {lines}"
        );
        let sheet = ward::section_sheet(&w, Section::Admission, p).to_csv();
        let branch = sheet.lines().nth(1).unwrap();
        assert!(branch.ends_with(NOT_IN_BUNDLE), "{file}: {sheet}");
    }
}
