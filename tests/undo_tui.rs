//! History ("Lịch sử thay đổi") and undo/redo driven by keys, as a secretary would.

use crate::common;

use common::{Harness, member, today};
use sochibo::domain::meeting::Mark;
use sochibo::store::StoreError;

fn an() -> sochibo::domain::member::Member {
    member("Nguyễn Văn An", "05/03/1950", "10/01/1975", "12345678")
}

fn an_id(h: &Harness) -> Option<u64> {
    h.member_named("Nguyễn Văn An").map(|(id, _)| id)
}

fn status_line(h: &Harness) -> String {
    h.status_line()
}

#[test]
fn a_change_is_shown_in_the_history_then_undone_and_redone() {
    let mut h = Harness::demo(&[an()]);
    h.keys("nguyen van an<Enter>");
    let id = h.app.detail.expect("the card is open");
    // Tên gọi khác (second field) and Điện thoại (eleventh).
    h.keys("<F2><Tab>Út<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>0912345678<C-s>");
    let edited = h.app.store.member(id).unwrap().unwrap();
    assert_eq!(edited.other_name, "Út");
    assert_eq!(edited.phone, "0912345678");

    h.keys("<C-l>");
    let screen = h.screen();
    assert!(
        screen.contains("Lịch sử thay đổi: Nguyễn Văn An"),
        "{screen}"
    );
    assert!(screen.contains("Tên gọi khác: — → Út"), "{screen}");
    assert!(screen.contains("Điện thoại: — → 0912345678"), "{screen}");
    assert!(screen.contains("Thêm mới"), "{screen}");
    let stamp = chrono::Local::now().format("%d/%m/%Y").to_string();
    assert!(
        screen.contains(&stamp),
        "local date of the change: {screen}"
    );
    // Newest first: the change is above the creation.
    let changed_at = screen.find("Sửa").unwrap();
    assert!(changed_at < screen.find("Thêm mới").unwrap(), "{screen}");
    // Typing "u" or Ctrl+Z inside the history overlay does nothing; Esc closes it.
    h.keys("u<C-z>");
    assert_eq!(h.app.store.member(id).unwrap().unwrap(), edited);
    h.keys("<Esc>");
    assert!(h.app.history.is_none());

    h.keys("<C-z>");
    let back = h.app.store.member(id).unwrap().unwrap();
    assert_eq!(back, an(), "the record is as it was before the edit");
    assert_eq!(
        h.app.roster.get(id).unwrap().member,
        back,
        "and so is the screen"
    );
    assert!(
        status_line(&h).contains("Đã hoàn tác: sửa hồ sơ Nguyễn Văn An"),
        "{}",
        h.screen()
    );
    h.keys("<C-y>");
    assert_eq!(h.app.store.member(id).unwrap().unwrap(), edited);
    assert!(
        status_line(&h).contains("Đã làm lại: sửa hồ sơ Nguyễn Văn An"),
        "{}",
        h.screen()
    );
    // Nothing more to redo.
    h.keys("<C-y>");
    assert!(status_line(&h).contains("Không có gì để làm lại"));

    // The history only grew: creation, edit, undo, redo; the undo reads old → new.
    let entries = h.app.store.history_of("members", id).unwrap();
    assert_eq!(entries.len(), 4);
    h.keys("<C-l>");
    let screen = h.screen();
    assert!(screen.contains("Tên gọi khác: Út → —"), "{screen}");
}

#[test]
fn undo_survives_a_restart_as_an_ordinary_saved_change() {
    let mut h = Harness::demo(&[an()]);
    h.keys("nguyen van an<Enter><F2><Tab>Út<C-s>");
    let id = h.app.detail.unwrap();
    h.keys("<C-z>");
    let dir = h.dir.path().to_path_buf();
    let Harness { app, dir: tmp, .. } = h;
    drop(app);
    let store = sochibo::store::Store::open(&dir).unwrap();
    assert_eq!(store.member(id).unwrap().unwrap().other_name, "");
    drop(store);
    drop(tmp);
}

#[test]
fn undo_of_a_deletion_recreates_the_member_with_the_card_number() {
    let mut h = Harness::demo(&[an()]);
    let id = an_id(&h).unwrap();
    h.keys("nguyen van an<F8><Right><Enter>");
    assert_eq!(an_id(&h), None);
    h.keys("<C-z>");
    assert_eq!(an_id(&h), Some(id), "same record, same id");
    assert_eq!(h.app.store.member(id).unwrap().unwrap(), an());
    assert!(h.app.roster.get(id).is_some());
    assert!(
        status_line(&h).contains("Đã hoàn tác: xóa hồ sơ Nguyễn Văn An"),
        "{}",
        h.screen()
    );
    // The card number is indexed again: nobody else may take it.
    let mut other = member("Lê Văn Bình", "01/01/1960", "01/01/1990", "");
    other.card_number = "12345678".into();
    assert!(matches!(
        h.app.store.save_member(None, &other),
        Err(StoreError::CardTaken(name)) if name == "Nguyễn Văn An"
    ));
    // Redo deletes it again (and frees the number).
    h.keys("<C-y>");
    assert_eq!(an_id(&h), None);
    h.app.store.save_member(None, &other).unwrap();
}

#[test]
fn u_typed_in_a_text_field_is_a_letter() {
    let mut h = Harness::demo(&[an()]);
    h.keys("nguyen van an<Enter><F2><Tab>Út<C-s>");
    let id = h.app.detail.unwrap();
    h.keys("<F2><Tab>u<C-y>");
    let form = h.app.form.as_ref().expect("the form is still open");
    assert_eq!(form.values()[1], "Útu");
    assert_eq!(h.app.store.member(id).unwrap().unwrap().other_name, "Út");
    h.keys("<C-s>");
    assert_eq!(h.app.store.member(id).unwrap().unwrap().other_name, "Útu");
    // Two saves in this session: two undos, then nothing more.
    h.keys("<C-z><C-z>");
    assert_eq!(h.app.store.member(id).unwrap().unwrap().other_name, "");
    h.keys("<C-z>");
    assert!(
        status_line(&h).contains("Không có thay đổi nào"),
        "changes made before the session are not undone: {}",
        h.screen()
    );
}

#[test]
fn approved_minutes_are_never_changed_by_undo() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-3><F7><C-s>");
    let (id, _) = h.app.meetings.current().expect("the new meeting is open");
    // A roll mark on the draft can be undone.
    h.keys("<Enter>");
    let marked = h.app.meetings.get(id).unwrap().attendance[0].mark.clone();
    assert_eq!(marked, Mark::Present);
    h.keys("<C-z>");
    assert_eq!(
        h.app
            .store
            .meetings()
            .unwrap()
            .into_iter()
            .find(|(i, _)| *i == id)
            .unwrap()
            .1
            .attendance[0]
            .mark,
        Mark::Unmarked
    );
    assert!(
        status_line(&h).contains("Đã hoàn tác: sửa biên bản"),
        "{}",
        h.screen()
    );
    h.keys("<C-y>");

    // The minutes' history lists the changes.
    h.keys("<C-l>");
    assert!(
        h.screen().contains("Điểm danh: 1 thay đổi"),
        "{}",
        h.screen()
    );
    h.keys("<Esc>");

    // Approve, then undo is refused, naming why, and nothing changes.
    h.keys("<F9><Right><Enter>");
    let stored = |h: &Harness| {
        h.app
            .store
            .meetings()
            .unwrap()
            .into_iter()
            .find(|(i, _)| *i == id)
            .unwrap()
            .1
    };
    let approved = stored(&h);
    assert_eq!(approved.approved, Some(today()));
    let history = h.app.store.history_last().unwrap();
    h.keys("<C-z>");
    let line = status_line(&h);
    assert!(line.contains("Không hoàn tác"), "{line:?} {}", h.screen());
    assert!(line.contains("đã thông qua"), "{}", h.screen());
    assert_eq!(stored(&h), approved);
    assert_eq!(
        h.app.store.history_last().unwrap(),
        history,
        "nothing written"
    );
    // Still refused the second time: the approval cannot be stepped over.
    h.keys("<C-z>");
    assert_eq!(stored(&h), approved);
}
