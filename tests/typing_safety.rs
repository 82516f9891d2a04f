//! Typing is never a command (issue 16): one key-driven regression test per trap the
//! issue found, on the demo branch in Vietnamese. Each types what a Vietnamese typist's
//! keyboard sends (with Unikey: letters, then Backspace-and-replace bursts) where a letter
//! used to be a command, and checks that nothing was saved and that the typing found.

use crate::common;

use common::{Harness, member};
use sochibo::app::Screen;
use sochibo::domain::text::fold;

/// What Unikey (Telex) sends for "Đức" (typed "Dduwcs"): each modifier key erases the
/// letters it changes and types them again.
const DUC_UNIKEY: &str = "D<Backspace>Đu<Backspace>ưc<Backspace><Backspace>ức";

/// What Unikey (Telex) sends for "xác" (typed "xacs").
const XAC_UNIKEY: &str = "xac<Backspace><Backspace>ác";

fn an() -> sochibo::domain::member::Member {
    member("Nguyễn Văn An", "05/03/1950", "10/01/1975", "12345678")
}

#[test]
fn typing_a_name_on_the_roster_deletes_nobody_and_narrows_the_list() {
    let mut h = Harness::demo(&[]);
    assert_eq!(h.app.screen, Screen::Members);
    assert_eq!(h.app.roster.selected, 0, "the cursor is on the first row");
    let first = h.app.roster.selected().unwrap().member.full_name.clone();
    let before = h.stored();
    assert_eq!(before.members.len(), 35);

    h.keys(DUC_UNIKEY);
    assert_eq!(h.stored(), before, "nothing saved");
    assert_eq!(h.stored().members.len(), 35);
    assert!(h.stored_names().contains(&first));
    assert!(h.app.confirm.is_none(), "typing asks nothing");
    assert_eq!(h.app.find.text(), "Đức");
    let shown = h.app.roster.visible_len();
    assert!((1..33).contains(&shown), "narrowed to the Đức: {shown}");
    assert!(
        h.app
            .roster
            .visible()
            .all(|e| fold(&e.member.full_name).contains("duc")),
        "{}",
        h.screen()
    );
    assert!(h.status_line().contains("Đức"), "{}", h.screen());

    // The raw Telex keys (no IME) find too, and change nothing either.
    h.keys("<Esc>dduwcs");
    assert_eq!(h.stored(), before);
    assert!(h.app.confirm.is_none());
    assert_eq!(h.app.find.text(), "dduwcs");
    h.keys("<Esc>");
    assert_eq!(h.app.find.text(), "");
    assert_eq!(h.app.roster.visible_len(), 33);
}

#[test]
fn typing_on_a_member_card_removes_no_event_and_opens_the_search() {
    let mut h = Harness::demo(&[]);
    // Trần Quang Hùng is exempted: his last event is the exemption the old "x" removed.
    h.keys("tran quang hung<Enter>");
    let id = h.app.detail.expect("the card is open");
    let events = h.app.store.member(id).unwrap().unwrap().events;
    assert!(!events.is_empty());
    let before = h.stored();

    h.keys(XAC_UNIKEY);
    assert_eq!(h.app.store.member(id).unwrap().unwrap().events, events);
    assert_eq!(h.stored(), before, "nothing saved");
    assert!(h.app.confirm.is_none(), "typing asks nothing");
    let search = h
        .app
        .search
        .as_ref()
        .expect("the search over everyone opened");
    assert_eq!(search.query.text(), "xác");
    assert!(h.screen().contains("Tìm: xác"), "{}", h.screen());
    assert!(!h.screen().contains("Đã lưu"), "{}", h.screen());
}

#[test]
fn typing_on_the_home_screen_after_an_edit_does_not_undo_it() {
    let mut h = Harness::demo(&[an()]);
    h.keys("nguyen van an<Enter><F2><Tab>Út<C-s>");
    let id = h.app.detail.expect("the card is open");
    assert_eq!(h.app.store.member(id).unwrap().unwrap().other_name, "Út");
    let before = h.stored();

    h.keys("<A-0>");
    assert_eq!(h.app.screen, Screen::Home);
    h.keys("/nguyen");
    assert_eq!(
        h.app.search.as_ref().map(|s| s.query.text().to_string()),
        Some("nguyen".to_string())
    );
    h.keys("<Esc>");
    assert!(h.app.search.is_none());
    h.keys("u");
    assert_eq!(h.app.store.member(id).unwrap().unwrap().other_name, "Út");
    assert_eq!(h.stored(), before, "nothing undone, nothing saved");
    assert!(!h.status_line().contains("hoàn tác"), "{}", h.screen());
    // "u" found: the search opened with it.
    assert_eq!(
        h.app.search.as_ref().map(|s| s.query.text().to_string()),
        Some("u".to_string())
    );
}

#[test]
fn typing_on_the_dues_screen_records_no_payment() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-4>");
    assert_eq!(h.app.screen, Screen::Dues);
    let before = h.stored();
    h.keys("thoa");
    assert_eq!(h.stored(), before, "no payment recorded");
    assert!(h.app.form.is_none() && h.app.confirm.is_none());
    assert_eq!(h.app.find.text(), "thoa");
    assert!(!h.status_line().contains("Đã ghi"), "{}", h.screen());
}

#[test]
fn typing_a_name_on_screens_4_and_8_opens_no_form() {
    let mut h = Harness::demo(&[]);
    let before = h.stored();
    // "e" was the dues-rate form; the name has three of them.
    h.keys("<A-4>le van khanh");
    assert!(h.app.form.is_none(), "{}", h.screen());
    assert!(h.app.confirm.is_none());
    assert_eq!(h.app.find.text(), "le van khanh");
    // The cursor jumped to the name typed.
    let screen = h.screen();
    assert!(
        screen
            .lines()
            .any(|l| l.contains('▶') && l.contains("Lê Văn Khánh")),
        "{screen}"
    );
    assert!(h.app.dues.cursor > 0, "{screen}");
    // "s" was the self-assessment form of the review screen.
    h.keys("<Esc><A-8>s");
    assert_eq!(h.app.screen, Screen::Review);
    assert!(h.app.form.is_none(), "{}", h.screen());
    assert!(h.app.confirm.is_none());
    h.keys("ang");
    assert!(h.app.form.is_none(), "{}", h.screen());
    assert_eq!(h.stored(), before, "nothing saved");
}

#[test]
fn a_question_ignores_typing_starts_on_no_and_names_the_member() {
    let mut h = Harness::demo(&[]);
    let name = h.app.roster.selected().unwrap().member.full_name.clone();
    let before = h.stored();
    h.keys("<F8>");
    let q = h.app.confirm.as_ref().expect("F8 asks");
    assert!(!q.yes, "the question opens on the safe answer");
    let screen = h.screen();
    assert!(
        screen.contains(&format!("Xóa hồ sơ đảng viên {name}?")),
        "{screen}"
    );
    assert!(
        screen.contains("Không") && screen.contains("Có"),
        "{screen}"
    );

    for k in ["c", "y", "k", "<Space>", "1", "C", "đ", "<Backspace>"] {
        h.keys(k);
        let q = h
            .app
            .confirm
            .as_ref()
            .unwrap_or_else(|| panic!("{k} closed it"));
        assert!(!q.yes, "{k} changed the answer");
        assert_eq!(h.stored(), before, "{k} deleted");
    }
    let screen = h.screen();
    assert!(
        screen.contains("Gõ chữ không trả lời câu hỏi"),
        "the hint shows\n{screen}"
    );

    // Enter right away answers "Không".
    h.keys("<Enter>");
    assert!(h.app.confirm.is_none());
    assert_eq!(h.stored(), before);
    assert!(h.stored_names().contains(&name));

    // → chooses "Có"; Enter deletes.
    h.keys("<F8><Right><Enter>");
    assert!(h.app.confirm.is_none());
    assert!(!h.stored_names().contains(&name));
    assert_eq!(h.stored().members.len(), 34);
}

#[test]
fn esc_on_a_card_opened_from_the_search_returns_to_where_the_user_was() {
    let mut h = Harness::demo(&[an()]);
    h.keys("<A-3>");
    assert_eq!(h.app.screen, Screen::Meetings);
    h.keys("/nguyen van an");
    assert!(h.app.search.is_some());
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Members);
    let id = h.app.detail.expect("the card is open");
    assert_eq!(
        h.app.store.member(id).unwrap().unwrap().full_name,
        "Nguyễn Văn An"
    );
    assert!(
        h.screen().contains("Hồ sơ đảng viên: Nguyễn Văn An"),
        "{}",
        h.screen()
    );
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Meetings, "{}", h.screen());
    assert!(h.app.search.is_none());
}
