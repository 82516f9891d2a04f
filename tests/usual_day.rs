//! The branch's usual meeting day (#17 item 2, "ngày 5 hằng tháng"): a row of the branch
//! form, saved in branch schema v2 (golden bytes), shown on screen 2, undoable, and the
//! date a new meeting opens on.

use crate::common;
use crate::common::d;

use common::{Harness, today};
use sochibo::domain::branch::Branch;
use sochibo::domain::meeting::{Meeting, MeetingKind};
use sochibo::domain::validate::Problem;
use sochibo::store::schema::{decode_branch, encode_branch};

/// The keys from anywhere to the branch form's usual-day field, cleared.
const TO_USUAL_DAY: &str = "<A-2><F2><Tab><Tab><Tab><Tab><Tab><Tab><End>";

/// Sets the usual day through the branch form and saves it (F2).
fn set_usual_day(h: &mut Harness, typed: &str) {
    h.keys(TO_USUAL_DAY);
    for _ in 0..12 {
        h.keys("<Backspace>");
    }
    h.keys(typed);
    h.keys("<F2>");
}

/// The date the new-meeting form opens on (its third field).
fn new_meeting_date(h: &mut Harness) -> String {
    h.keys("<A-3><F7>");
    let form = h.app.form.as_ref().expect("the new meeting form");
    let v = form.fields[2].value();
    h.keys("<Esc>");
    if h.app.form.is_some() {
        h.keys("<Esc>");
    }
    v
}

fn regular(number: u32, on: chrono::NaiveDate) -> Meeting {
    Meeting::empty(number, 2025, MeetingKind::Regular, on)
}

#[test]
fn the_branch_form_sets_the_day_and_screen_2_shows_it() {
    let mut h = Harness::demo_with_meetings(&[], d(2026, 11, 2));
    set_usual_day(&mut h, "5");
    assert!(h.app.form.is_none(), "saved: {}", h.screen());
    assert_eq!(h.app.store.branch().unwrap().unwrap().usual_day, Some(5));
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, Some(5));
    let screen = h.screen();
    assert!(screen.contains("Ngày họp thường kỳ"), "{screen}");
    assert!(screen.contains("ngày 5 hằng tháng"), "{screen}");
    // No regular meeting yet this month and the 5th is ahead: this month's 5th.
    assert_eq!(new_meeting_date(&mut h), "05/11/2026");
}

#[test]
fn after_this_months_regular_meeting_the_next_is_next_months_day() {
    let mut h = Harness::demo_with_meetings(&[regular(1, d(2026, 11, 3))], today());
    set_usual_day(&mut h, "5");
    assert_eq!(new_meeting_date(&mut h), "05/12/2026");
}

#[test]
fn a_day_the_month_lacks_is_its_last_day() {
    // November has 30 days.
    let mut h = Harness::demo_with_meetings(&[], today());
    set_usual_day(&mut h, "31");
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, Some(31));
    assert_eq!(new_meeting_date(&mut h), "30/11/2026");
    // February of a common year: the 28th.
    let mut h = Harness::demo_with_meetings(&[regular(1, d(2027, 1, 9))], d(2027, 1, 20));
    set_usual_day(&mut h, "31");
    assert_eq!(new_meeting_date(&mut h), "28/02/2027");
}

#[test]
fn with_no_day_set_the_date_follows_the_last_regular_meeting() {
    let mut h = Harness::demo_with_meetings(&[regular(1, d(2026, 11, 7))], today());
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, None);
    assert_eq!(new_meeting_date(&mut h), "07/12/2026");
    // The setting wins over the last meeting's day.
    set_usual_day(&mut h, "ngày 12");
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, Some(12));
    assert_eq!(new_meeting_date(&mut h), "12/12/2026");
    // Blank again: back to the last meeting's day.
    set_usual_day(&mut h, "");
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, None);
    assert_eq!(new_meeting_date(&mut h), "07/12/2026");
}

#[test]
fn bad_days_are_refused_naming_the_field_and_nothing_changes() {
    let mut h = Harness::demo_with_meetings(&[], today());
    set_usual_day(&mut h, "5");
    for bad in ["0", "32", "năm", "5/12"] {
        let before = h.app.store.branch().unwrap();
        let last = h.app.store.history_last().unwrap();
        set_usual_day(&mut h, bad);
        let form = h.app.form.as_ref().expect("the form stays open");
        assert_eq!(
            form.fields[6].error,
            Some(Problem::OutOfRange(1, 31)),
            "{bad}"
        );
        let screen = h.screen();
        assert!(screen.contains("Ngày họp thường kỳ"), "{screen}");
        assert!(screen.contains("phải là số từ 1 đến 31"), "{bad}: {screen}");
        assert_eq!(h.app.store.branch().unwrap(), before, "{bad}");
        assert_eq!(h.app.store.history_last().unwrap(), last, "{bad}");
        assert_eq!(h.app.branch.as_ref().unwrap().usual_day, Some(5));
        h.keys("<Esc>");
        if h.app.form.is_some() {
            // A changed form asks before closing: leave without saving.
            h.keys("<Esc>");
        }
    }
}

#[test]
fn undo_of_the_branch_save_restores_the_old_day() {
    let mut h = Harness::demo_with_meetings(&[], today());
    set_usual_day(&mut h, "5");
    set_usual_day(&mut h, "20");
    assert_eq!(h.app.store.branch().unwrap().unwrap().usual_day, Some(20));
    h.keys("<C-z>");
    assert_eq!(h.app.store.branch().unwrap().unwrap().usual_day, Some(5));
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, Some(5));
    assert!(h.screen().contains("ngày 5 hằng tháng"), "{}", h.screen());
    h.keys("<C-z>");
    assert_eq!(h.app.branch.as_ref().unwrap().usual_day, None);
    h.keys("<C-y>");
    assert_eq!(h.app.store.branch().unwrap().unwrap().usual_day, Some(5));
    // The 5th of this month is past and no regular meeting is held yet: today.
    assert_eq!(new_meeting_date(&mut h), "21/11/2026");
}

/// The v2 golden branch: the v1 one (tests/store_migrations.rs) with a usual day.
fn golden_branch_v2() -> Branch {
    Branch {
        name: "Chi bộ Tổ dân phố số 5".into(),
        superior: "Đảng bộ phường Dương Kinh".into(),
        address: "Nhà văn hóa TDP số 5".into(),
        secretary: "Trần Văn Hùng".into(),
        deputy: String::new(),
        term_start: 2025,
        term_end: 2027,
        usual_day: Some(5),
    }
}

const BRANCH_V2: &[u8] = include_bytes!("fixtures/branch_v2.bin");

#[test]
fn branch_v2_bytes_decode_forever() {
    assert_eq!(BRANCH_V2[0], 2, "version byte");
    assert_eq!(decode_branch(BRANCH_V2).unwrap(), golden_branch_v2());
    // The current schema writes exactly these bytes.
    assert_eq!(encode_branch(&golden_branch_v2()).unwrap(), BRANCH_V2);
    // No day round-trips as no day.
    let none = Branch {
        usual_day: None,
        ..golden_branch_v2()
    };
    assert_eq!(decode_branch(&encode_branch(&none).unwrap()).unwrap(), none);
}

#[test]
#[ignore = "writes the golden fixture of branch v2; run once, never again"]
fn write_fixture() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/branch_v2.bin");
    if std::fs::metadata(&path).map_or(true, |m| m.len() == 0) {
        std::fs::write(path, encode_branch(&golden_branch_v2()).unwrap()).unwrap();
    }
}
