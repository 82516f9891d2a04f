//! "Việc cần làm": the home screen lists what needs attention with why, soonest first, and
//! Enter jumps to the record.

use crate::common;

use common::Harness;
use sochibo::app::Screen;

#[test]
fn the_home_screen_lists_overdue_items_and_enter_opens_the_record() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-0>");
    let screen = h.screen();
    assert!(screen.contains("Việc cần làm"), "{screen}");
    assert!(
        screen.contains("Quý 3 chưa sinh hoạt chuyên đề"),
        "{screen}"
    );
    assert!(
        screen.contains("vắng sinh hoạt không lý do"),
        "the member absent 3+ months\n{screen}"
    );
    // Go to the item about a member and open it.
    let items = sochibo::app::screens::home::todo_items(&h.app);
    let row = items
        .iter()
        .position(|i| i.member().is_some())
        .expect("an item about a member");
    for _ in 0..row {
        h.keys("<Down>");
    }
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Members);
    assert_eq!(h.app.detail, items[row].member());
    assert!(h.screen().contains("Hồ sơ đảng viên"));
}

#[test]
fn an_item_about_minutes_opens_the_meeting() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-0>");
    let items = sochibo::app::screens::home::todo_items(&h.app);
    let row = items
        .iter()
        .position(|i| i.meeting().is_some())
        .expect("draft minutes");
    for _ in 0..row {
        h.keys("<Down>");
    }
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Meetings);
    assert_eq!(h.app.meetings.open, items[row].meeting());
}

#[test]
fn dues_badges_candidates_and_the_review_season_plug_into_the_list() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-0>");
    let screen = h.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    let items = sochibo::app::screens::home::todo_items(&h.app);
    use sochibo::domain::todo::TodoKind as K;
    assert!(
        items.iter().any(|i| matches!(i.kind, K::DuesArrears(..))),
        "the demo member in arrears"
    );
    assert!(
        items.iter().any(|i| matches!(i.kind, K::Candidate(..))),
        "the overdue candidate"
    );
    assert!(
        items
            .iter()
            .any(|i| matches!(i.kind, K::ReviewSeason(2026, _))),
        "November: review season"
    );
    assert!(
        items.iter().any(|i| matches!(i.kind, K::Recognition(..))),
        "due for recognition next month"
    );
    assert!(screen.contains("chưa đóng đảng phí"), "{screen}");
}
