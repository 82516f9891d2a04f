//! Screen 6, the reports, through the keys: the figures on screen follow the data, Tab and
//! ←/→ choose the report and the year, F5 writes the report's files and F6 the bundle
//! for the ward, and what is written is what the shared report builder makes.

use crate::common;

use common::{Harness, member, today};
use sochibo::domain::stats;
use sochibo::i18n::Lang;
use sochibo::interchange::figures::{self, Period, ReportKind};
use sochibo::interchange::minutes::to_crlf;
use sochibo::store::backup;

fn total_line(h: &Harness) -> String {
    let people: Vec<_> = h
        .app
        .store
        .members()
        .unwrap()
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    format!(
        "Tổng số: {} đảng viên",
        stats::structure(&people, today()).total
    )
}

#[test]
fn the_structure_is_on_screen_with_bars_and_follows_the_data() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-6>");
    let screen = h.screen();
    assert!(screen.contains("6 Báo cáo"), "{screen}");
    // At 80 columns the other tabs carry their short names.
    assert!(
        screen.contains(" 1 ĐV ") && screen.contains(" 8 ĐG "),
        "{screen}"
    );
    assert!(screen.contains("▶Cơ cấu"), "{screen}");
    assert!(screen.contains("Năm 2026"), "{screen}");
    assert!(screen.contains("CƠ CẤU ĐỘI NGŨ ĐẢNG VIÊN"), "{screen}");
    assert!(screen.contains("tính đến ngày 21/11/2026"), "{screen}");
    assert!(screen.contains(&total_line(&h)), "{screen}");
    assert!(screen.contains('█'), "the shares have bars: {screen}");
    // The hints come from the keymap.
    assert!(screen.contains("F5 Xuất tệp"), "{screen}");
    assert!(screen.contains("F6 Gói gửi phường"), "{screen}");

    // A member added elsewhere is counted when the screen is shown again.
    let before = total_line(&h);
    h.keys("<A-1>");
    h.app
        .store
        .save_member(
            None,
            &member("Phạm Văn Mới", "02/03/1990", "01/02/2020", "00999001"),
        )
        .unwrap();
    h.keys("<A-6>");
    let after = total_line(&h);
    assert_ne!(before, after);
    assert!(h.screen().contains(&after), "{}", h.screen());
}

#[test]
fn tab_and_arrows_choose_the_report_and_the_year_but_not_a_year_to_come() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-6><Tab>");
    let screen = h.screen();
    assert!(screen.contains("▶Biến động"), "{screen}");
    assert!(screen.contains("BIẾN ĐỘNG ĐẢNG VIÊN"), "{screen}");
    assert!(
        screen.contains("từ ngày 01/01/2026 đến ngày 21/11/2026"),
        "{screen}"
    );
    h.keys("<Tab>");
    assert!(h.screen().contains("SINH HOẠT CHI BỘ"), "{}", h.screen());
    h.keys("<Left>");
    let screen = h.screen();
    assert!(screen.contains("Năm 2025"), "{screen}");
    assert!(
        screen.contains("từ ngày 01/01/2025 đến ngày 31/12/2025"),
        "{screen}"
    );
    h.keys("<Right><Right><Right>");
    assert!(h.screen().contains("Năm 2026"), "{}", h.screen());
    assert!(!h.screen().contains("Năm 2027"), "{}", h.screen());
    h.keys("<S-Tab><S-Tab><S-Tab>");
    assert!(
        h.screen().contains("▶Đảng phí"),
        "wraps around: {}",
        h.screen()
    );
    assert!(
        h.screen().contains("TÌNH HÌNH THU ĐẢNG PHÍ NĂM 2026"),
        "{}",
        h.screen()
    );
}

#[test]
fn every_report_can_be_shown_and_scrolled_to_its_end() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-6>");
    for _ in ReportKind::ALL {
        let first = h.app.reports.lines.first().cloned().unwrap_or_default();
        assert!(!first.is_empty(), "{:?} has a title", h.app.reports.kind);
        assert!(h.screen().contains(first.trim()), "{}", h.screen());
        h.keys("<End>");
        let last = h
            .app
            .reports
            .lines
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .cloned()
            .unwrap();
        let tail: String = last.trim().chars().take(30).collect();
        assert!(h.screen().contains(&tail), "{tail:?} in {}", h.screen());
        h.keys("<Home><Down>");
        assert_eq!(h.app.reports.scroll, 1);
        h.keys("<Tab>");
        assert_eq!(h.app.reports.scroll, 0, "a new report starts at its top");
    }
}

#[test]
fn f5_writes_the_shown_report_as_text_csv_excel_and_word() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-6><Tab><Tab><Left><F5>");
    let screen = h.screen();
    assert!(screen.contains("Đã xuất báo cáo:"), "{screen}");
    assert!(
        screen.contains("sinh-hoat-chi-bo-2025.txt, .csv, .xlsx, .docx"),
        "the names come before the folder: {screen}"
    );
    let dir = h.app.store.dir().join("exports");
    let reg = h.app.store.register().unwrap();
    let p = Period::year(2025, today());
    let txt = std::fs::read_to_string(dir.join("sinh-hoat-chi-bo-2025.txt")).unwrap();
    assert_eq!(
        txt,
        to_crlf(&figures::text(
            &reg,
            ReportKind::Meetings,
            p,
            today(),
            Lang::Vi
        ))
    );
    assert!(txt.contains("SINH HOẠT CHI BỘ"));
    let csv = std::fs::read_to_string(dir.join("sinh-hoat-chi-bo-2025.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "{csv}");
    assert_eq!(
        csv,
        figures::csv(&reg, ReportKind::Meetings, p, today(), Lang::Vi)
    );
    let book = std::fs::read(dir.join("sinh-hoat-chi-bo-2025.xlsx")).unwrap();
    assert!(book.starts_with(b"PK\x03\x04"));
    assert!(book.windows(15).any(|w| w == b"xl/workbook.xml"));
    let docx = std::fs::read(dir.join("sinh-hoat-chi-bo-2025.docx")).unwrap();
    assert!(docx.starts_with(b"PK\x03\x04"));
    assert!(docx.windows(17).any(|w| w == b"word/document.xml"));

    // The admission report is a Word report too; a list with no Word form (exemptions)
    // gets text, CSV and Excel only.
    h.keys("<Tab><Tab><F5>");
    assert!(dir.join("ket-nap-dang-2025.docx").exists());
    h.keys("<Tab><F5>");
    assert!(dir.join("mien-sinh-hoat-2025.txt").exists());
    assert!(dir.join("mien-sinh-hoat-2025.csv").exists());
    assert!(dir.join("mien-sinh-hoat-2025.xlsx").exists());
    assert!(!dir.join("mien-sinh-hoat-2025.docx").exists());
}

#[test]
fn f6_writes_a_bundle_the_ward_roll_up_reads() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-6><F6>");
    let screen = h.screen();
    assert!(screen.contains("Đã xuất gói gửi phường:"), "{screen}");
    let dir = h.app.store.dir().join("exports");
    let bundle = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == backup::EXTENSION))
        .expect("a bundle in exports");
    let (info, reg) = backup::load_register(&bundle).unwrap();
    assert!(!info.sealed);
    let reg = reg.unwrap();
    let mine = h.app.store.register().unwrap();
    assert_eq!(reg.branch.name, mine.branch.name);
    // The ward's copy: the same records, their figures and no names.
    assert_eq!(reg.members.len(), mine.members.len());
    assert!(reg.members.iter().all(|(_, m)| m.full_name.is_empty()));
    let p = Period::year(2026, today());
    for kind in [
        ReportKind::Stats,
        ReportKind::Movements,
        ReportKind::Meetings,
    ] {
        // The meetings report ends with each member's attendance by name: not for the ward.
        let upto = |t: String| {
            let head = t.split("Tỷ lệ dự sinh hoạt của từng đảng viên").next();
            head.unwrap().trim_end().to_string()
        };
        assert_eq!(
            upto(figures::text(&reg, kind, p, today(), Lang::Vi)),
            upto(figures::text(&mine, kind, p, today(), Lang::Vi))
        );
    }
    let theirs = figures::text(&reg, ReportKind::Meetings, p, today(), Lang::Vi);
    assert!(!theirs.contains("từng đảng viên"), "{theirs}");
}

#[test]
fn the_screen_speaks_english_and_draws_ascii_bars() {
    let mut h = Harness::build(true, &[], None, Lang::En);
    h.theme.ascii = true;
    h.keys("<A-6>");
    let screen = h.screen();
    assert!(screen.contains("6 Reports"), "{screen}");
    assert!(screen.contains(">Structure"), "{screen}");
    assert!(screen.contains("Year 2026"), "{screen}");
    assert!(screen.contains("###"), "{screen}");
    assert!(!screen.contains('█'), "{screen}");
    h.keys("<F5>");
    assert!(h.screen().contains("Report exported:"), "{}", h.screen());
}

#[test]
fn the_help_lists_the_reports_keys_from_the_keymap() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-6><F1>");
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&h.screen());
        h.keys("<PageDown>");
    }
    assert!(seen.contains("Báo cáo, thống kê"), "{seen}");
    assert!(seen.contains("Xuất báo cáo đang xem ra tệp"), "{seen}");
    assert!(
        seen.contains("Xuất gói dữ liệu của chi bộ gửi phường"),
        "{seen}"
    );
}

#[test]
fn a_wide_terminal_names_every_tab_in_full() {
    let mut h = Harness::demo(&[]);
    h.term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 30)).unwrap();
    h.keys("<A-6>");
    let screen = h.screen();
    for name in ["0 Việc cần làm", "1 Đảng viên", "6 Báo cáo", "7 Kết nạp"] {
        assert!(screen.contains(name), "{name}: {screen}");
    }
    assert!(!screen.contains(" 1 ĐV "), "{screen}");
}
