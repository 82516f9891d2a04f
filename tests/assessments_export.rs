//! The year's review export: the summary text of the demo branch's last finished year
//! matches a golden file (regenerate with `cargo test --test suite assessments_export:: -- --ignored`
//! and check it by eye); the CSV and the Word document are produced.

use crate::common;

use std::path::PathBuf;

use chrono::Datelike;
use common::today;
use sochibo::domain::review as rv;
use sochibo::interchange::{assessments, place_name};
use sochibo::store::Store;

fn golden() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/assessments_summary_2025.txt")
}

fn demo_rows(year: i32) -> (tempfile::TempDir, Store, Vec<rv::YearRow>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    sochibo::cli::write_demo(&store, today()).unwrap();
    let members = store.members().unwrap();
    let meetings = store.meetings().unwrap();
    let reviews = store.reviews().unwrap().into_iter().collect();
    let on = rv::review_date(year, meetings.iter().map(|(_, m)| m));
    let rows = rv::year_rows(year, &members, &reviews, on);
    (dir, store, rows)
}

#[test]
#[ignore = "writes the golden file"]
fn write_golden_summary() {
    let (_d, _s, rows) = demo_rows(today().year() - 1);
    std::fs::write(golden(), assessments::summary_text(&rows)).unwrap();
}

#[test]
fn the_summary_of_a_finished_year_matches_the_golden_file() {
    let (_d, _s, rows) = demo_rows(today().year() - 1);
    let want = std::fs::read_to_string(golden()).unwrap();
    assert_eq!(assessments::summary_text(&rows), want);
    // Every grade is the ward's final one, and the shares add up to 100,0%.
    let s = rv::summary(&rows);
    assert!(s.all_final);
    assert_eq!(s.permille.iter().sum::<u32>(), 1000);
    assert_eq!(s.cap, None, "the demo stays within the cap");
}

#[test]
fn csv_and_docx_are_written() {
    let year = today().year() - 1;
    let (_d, store, rows) = demo_rows(year);
    let csv = assessments::assessments_csv(&rows);
    assert!(csv.starts_with("\u{feff}STT,Họ và tên,"));
    assert_eq!(csv.lines().count(), rows.len() + 1);
    let branch = store.branch().unwrap().unwrap();
    let doc = assessments::assessments_document(
        &branch,
        year,
        &rows,
        None,
        &place_name(&branch),
        today(),
    );
    let text = doc.to_text(assessments::TEXT_WIDTH);
    assert!(text.contains("BÁO CÁO"), "{text}");
    assert!(text.contains("Hoàn thành tốt nhiệm vụ"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    let docx = doc.to_docx().unwrap();
    assert_eq!(&docx[..2], b"PK");
}
