//! The whole member record through the keys (#18.3): a reward recorded on the member's
//! timeline with its decision and issuer; a re-issued card keeps the old number, which
//! no other member may then take.

use crate::common;

use common::{Harness, member};
use sochibo::domain::member::{EventKind, Member};

fn stored(h: &Harness, name: &str) -> Member {
    h.member_named(name).unwrap().1
}

#[test]
fn a_reward_is_recorded_with_its_decision_and_issuer() {
    let mut h = Harness::demo(&[member("Nguyễn Văn An", "05/03/1950", "10/01/1975", "")]);
    h.keys("nguyen van an<Enter><F4>");
    // The kind: → until "Khen thưởng" (after "Kỷ luật").
    let mut tries = 0;
    while !h.screen().contains("Khen thưởng") && tries < 20 {
        h.keys("<Right>");
        tries += 1;
    }
    let screen = h.screen();
    assert!(screen.contains("Cấp quyết định"), "{screen}");
    h.keys("<Tab><Tab>125-QĐ/ĐU<Tab>10/11/2026<Tab>Đảng ủy phường Dương Kinh<Tab>Giấy khen<C-s>");
    let m = stored(&h, "Nguyễn Văn An");
    let e = m
        .events
        .iter()
        .find(|e| e.kind == EventKind::Rewarded)
        .expect("saved");
    assert_eq!(e.papers.decision, "125-QĐ/ĐU");
    assert_eq!(e.papers.issuer, "Đảng ủy phường Dương Kinh");
    assert_eq!(e.note, "Giấy khen");
    let screen = h.screen();
    assert!(screen.contains("Khen thưởng — 125-QĐ/ĐU;"), "{screen}");
    assert!(
        screen.contains("Đảng ủy phường Dương Kinh; Giấy khen"),
        "{screen}"
    );
    // Undo takes it back.
    h.keys("<C-z>");
    let m = stored(&h, "Nguyễn Văn An");
    assert!(m.events.iter().all(|e| e.kind != EventKind::Rewarded));
}

#[test]
fn a_reissued_card_keeps_the_old_number_which_nobody_else_may_take() {
    let mut h = Harness::demo(&[
        member("Nguyễn Văn An", "05/03/1950", "10/01/1975", "99001234"),
        member("Trần Văn Bình", "05/03/1952", "10/01/1976", ""),
    ]);
    let clear = "<Backspace>".repeat(12);
    let to_card = "<Tab>".repeat(11);
    h.keys(&format!(
        "nguyen van an<Enter><F2>{to_card}{clear}31009876<C-s>"
    ));
    let m = stored(&h, "Nguyễn Văn An");
    assert_eq!(m.card_number, "31009876");
    assert_eq!(m.card_history.len(), 1);
    assert_eq!(m.card_history[0].number, "99001234");
    assert!(h.screen().contains("31009876 (số cũ: 99"), "{}", h.screen());

    // Another member given the old number: refused, naming who held it; nothing saved.
    let before = h.app.store.history_last().unwrap();
    h.keys(&format!(
        "<Esc><Esc>tran van binh<Enter><F2>{to_card}99001234<C-s>"
    ));
    assert!(h.screen().contains("Nguyễn Văn An"), "{}", h.screen());
    assert_eq!(h.app.store.history_last().unwrap(), before);
    assert_eq!(stored(&h, "Trần Văn Bình").card_number, "");
}
