//! Resolution study through the keys (#18.2): a new resolution, a session refused before
//! the resolution's date, then entered with who attended ticked on the roll (type-to-find),
//! a make-up study, undo, deleting with a question; typing is never a command.

use crate::common;

use common::Harness;
use sochibo::app::screens::study::{pick_rows, resolution_rows};
use sochibo::domain::study::Resolution;

const BACK10: &str = "<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>";

fn stored(h: &Harness, number: &str) -> Option<Resolution> {
    h.app
        .store
        .resolutions()
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .find(|r| r.number == number)
}

#[test]
fn a_resolution_its_session_and_a_make_up_are_entered_with_keys_and_undone() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-h>");
    let screen = h.screen();
    assert!(screen.contains("Học tập nghị quyết"), "{screen}");
    assert!(
        screen.contains("21-NQ/TW"),
        "the demo's resolutions: {screen}"
    );
    assert!(screen.contains("lượt đảng viên đã học"), "{screen}");
    assert!(screen.contains("đảng viên đã học ("), "{screen}");
    let bar = h.key_bar();
    assert!(bar.contains("Thêm") && bar.contains("Xem"), "{bar}");

    // A new resolution: number, title, level by typing its name, date.
    h.keys("<F7>01-NQ/ĐU<Tab>Về công tác xây dựng Đảng năm 2026<Tab>tinh<Tab>01/10/2026<F2>");
    let r = stored(&h, "01-NQ/ĐU").expect("saved");
    assert_eq!(r.title, "Về công tác xây dựng Đảng năm 2026");
    assert_eq!(r.level, Some(sochibo::domain::study::Level::Province));
    assert!(
        h.status_line().contains("thêm nghị quyết 01-NQ/ĐU"),
        "{}",
        h.status_line()
    );

    // The same number again is refused, naming the resolution that has it.
    let before = h.app.store.history_last().unwrap();
    h.keys("<F7>01-nq/đu<Tab>Khác<Tab><Tab>02/10/2026<F2>");
    assert!(
        h.status_line()
            .contains("đã là nghị quyết «Về công tác xây dựng Đảng năm 2026»"),
        "{}",
        h.status_line()
    );
    assert_eq!(h.app.store.history_last().unwrap(), before, "nothing saved");
    h.keys("<Esc>");
    if h.app.confirm.is_some() {
        h.keys("<A-c>");
    }
    assert!(h.app.form.is_none());

    // Open it (newest first, selected after saving) and add a session dated too early.
    h.keys("<Enter>");
    assert!(
        h.screen().contains("01-NQ/ĐU — Về công tác"),
        "{}",
        h.screen()
    );
    h.keys(&format!("<F7>{BACK10}30/09/2026<F2>"));
    let status = h.status_line();
    assert!(
        status.contains("Ngày học: 30/09/2026 trước ngày ban hành nghị quyết 01/10/2026"),
        "{status}"
    );
    assert_eq!(h.app.store.history_last().unwrap(), before, "nothing saved");
    assert!(h.app.form.is_some(), "the form stays open to be corrected");

    // Corrected: the roll opens; Enter ticks the first, typing finds a name, F2 saves.
    h.keys(&format!("{BACK10}05/10/2026<F2>"));
    assert!(h.app.study.pick.is_some());
    assert!(h.screen().contains("[ ]"), "{}", h.screen());
    let date = h.app.study.pick.as_ref().unwrap().date;
    let rows = pick_rows(&h.app, date);
    let first = rows[0];
    let last = *rows.last().unwrap();
    let last_name = h.app.roster.get(last).unwrap().member.full_name.clone();
    let before = h.app.store.history_last().unwrap();
    h.keys("<Enter>");
    h.keys(&last_name);
    h.keys("<Enter>");
    assert_eq!(
        h.app.store.history_last().unwrap(),
        before,
        "ticking saves nothing"
    );
    assert!(h.screen().contains("Đã chọn 2 người"), "{}", h.screen());
    h.keys("<F2>");
    assert!(
        h.status_line().contains("2 người dự"),
        "{}",
        h.status_line()
    );
    let r = stored(&h, "01-NQ/ĐU").unwrap();
    assert_eq!(r.sessions.len(), 1);
    let mut want = vec![first, last];
    want.sort_unstable();
    assert_eq!(r.sessions[0].attendees, want);
    assert!(h.screen().contains("Học ngày 05/10/2026"), "{}", h.screen());

    // A make-up for the first member who has not studied.
    let rows = resolution_rows(&h.app, &r);
    let i = rows
        .iter()
        .position(|id| r.studied_on(*id).is_none())
        .unwrap();
    let who = rows[i];
    h.keys(&format!(
        "<Home>{}<F4>{BACK10}20/10/2026<F2>",
        "<Down>".repeat(i)
    ));
    let r = stored(&h, "01-NQ/ĐU").unwrap();
    assert_eq!(r.makeups.len(), 1);
    assert_eq!(r.makeups[0].member, who);
    assert!(
        h.screen().contains("Học bù ngày 20/10/2026"),
        "{}",
        h.screen()
    );
    // A second make-up for the same member is refused, naming them and the day.
    let name = h.app.roster.get(who).unwrap().member.full_name.clone();
    h.keys(&format!("<F4>{BACK10}21/10/2026<F2>"));
    let status = h.status_line();
    assert!(
        status.contains(&name) && status.contains("20/10/2026"),
        "{status}"
    );
    h.keys("<Esc>");
    if h.app.confirm.is_some() {
        h.keys("<A-c>");
    }

    // Undo takes the make-up back.
    h.keys("<C-z>");
    assert!(stored(&h, "01-NQ/ĐU").unwrap().makeups.is_empty());
    assert!(
        !h.screen().contains("Học bù ngày 20/10/2026"),
        "{}",
        h.screen()
    );
}

#[test]
fn typing_on_the_study_screens_only_finds_and_delete_asks_first() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-h>");
    let before = h.app.store.history_last().unwrap();
    let count = h.app.study.list.len();
    // Typing finds a resolution by its number or title, diacritic-blind.
    h.keys("khoa hoc cong nghe");
    let sel = h.app.study.selected().unwrap();
    assert_eq!(h.app.study.get(sel).unwrap().number, "57-NQ/TW");
    h.keys("<Esc><Enter>xoa sua them q y n");
    assert_eq!(h.app.store.history_last().unwrap(), before);
    // Esc clears what was typed, then closes the resolution.
    h.keys("<Esc><Esc>");
    assert!(h.app.study.open.is_none());

    // F8 asks; the safe answer keeps it; yes deletes it; undo brings it back.
    h.keys("<F8>");
    assert!(h.screen().contains("Xóa nghị quyết"), "{}", h.screen());
    h.keys("<Enter>");
    assert_eq!(h.app.study.list.len(), count);
    h.keys("<F8><A-c>");
    assert_eq!(h.app.store.resolutions().unwrap().len(), count - 1);
    h.keys("<C-z>");
    assert_eq!(h.app.store.resolutions().unwrap().len(), count);
    assert_eq!(h.app.study.list.len(), count);
}

#[test]
fn the_completeness_tab_lists_what_each_record_lacks_and_opens_the_card() {
    let extra = common::member("Hà Văn Thiếu", "01/01/1960", "01/01/1990", "");
    let mut h = Harness::demo(&[extra]);
    h.keys("<A-h><Tab>");
    let screen = h.screen();
    assert!(screen.contains("Hồ sơ đảng viên còn thiếu"), "{screen}");
    assert!(
        screen.contains("đảng viên còn thiếu mục trong hồ sơ"),
        "{screen}"
    );
    let before = h.app.store.history_last().unwrap();
    // Typing finds the member; Enter opens their card on the roster.
    h.keys("thieu");
    let rows = sochibo::app::screens::study::gap_rows(&h.app);
    let row = &rows[h.app.study.gap_cursor];
    let id = row.member;
    assert_eq!(
        h.app.roster.get(id).unwrap().member.full_name,
        "Hà Văn Thiếu"
    );
    use sochibo::domain::completeness::Gap;
    use sochibo::domain::validate::Field;
    // Joined in 1990 with no official date: that is missing (the card waits for it).
    assert_eq!(row.gap(Field::RecognizedOn), Some(Gap::Missing));
    assert_eq!(row.gap(Field::CardNumber), None);
    assert_eq!(row.gap(Field::Hometown), Some(Gap::Missing));
    assert!(h.screen().contains("Quê quán: chưa có"), "{}", h.screen());
    h.keys("<Esc><Enter>");
    assert_eq!(h.app.detail, Some(id));
    assert_eq!(h.app.store.history_last().unwrap(), before, "nothing saved");
    // Tab goes back to the resolutions.
    h.keys("<A-h>");
    if h.app.study.tab != sochibo::app::screens::study::StudyTab::Resolutions {
        h.keys("<Tab>");
    }
    assert!(h.screen().contains("21-NQ/TW"), "{}", h.screen());
}
