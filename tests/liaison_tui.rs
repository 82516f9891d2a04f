//! Liaison members (screen 9, QĐ 213) through the keys: the demo's list and figures, a new
//! record, the conflicts that change nothing (a branch member, a comment already sent),
//! type-to-find, a contact, the yearly comment sent, undo, delete with a question, the
//! home item, and a transfer into the branch that makes a linked member record.

use crate::common;

use common::Harness;
use sochibo::domain::liaison::Liaison;

fn liaison(h: &Harness, name: &str) -> Option<(u64, Liaison)> {
    h.app
        .store
        .liaisons()
        .unwrap()
        .into_iter()
        .find(|(_, l)| l.full_name == name)
}

#[test]
fn the_liaison_screen_through_the_keys() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-9>");
    let screen = h.screen();
    // At 80 columns the other tabs show short names; the active one is named in brackets.
    assert!(screen.contains("[9 Liên hệ cư trú]"), "{screen}");
    assert!(screen.contains("(QĐ 213-QĐ/TW)"), "{screen}");
    assert!(screen.contains("Trần Thị Ngọc Ánh"), "{screen}");
    assert!(
        screen.contains("4 đảng viên giữ mối liên hệ; nhận xét năm 2026: đã gửi 1/3"),
        "{screen}"
    );
    assert!(screen.contains("Không NX hằng năm"), "{screen}");

    // A new record.
    h.keys("<F7>Lê Minh Tuấn<Tab>1985<Tab><Tab>Số 5 phố Hòa Bình<Tab>Công an quận Kiến An<C-s>");
    assert!(h.status_line().contains("Đã lưu"), "{}", h.screen());
    let (_, l) = liaison(&h, "Lê Minh Tuấn").expect("saved");
    assert_eq!(l.birth_year, Some(1985));
    assert_eq!(l.workplace, "Công an quận Kiến An");

    // A branch member is not a liaison member: refused, naming them; nothing saved.
    let members = h.app.store.members().unwrap();
    let (_, m) = members
        .iter()
        .find(|(_, m)| m.birth_date.is_some())
        .expect("a demo member with a birth date");
    let year = chrono::Datelike::year(&m.birth_date.unwrap());
    let before = h.app.store.liaisons().unwrap().len();
    let history = h.app.store.history().unwrap().len();
    h.keys(&format!(
        "<F7>{}<Tab>{year}<Tab><Tab><Tab>Sở Y tế<C-s>",
        m.full_name
    ));
    let screen = h.screen();
    assert!(screen.contains("trùng họ tên và năm sinh"), "{screen}");
    assert!(screen.contains(&m.full_name), "{screen}");
    assert_eq!(h.app.store.liaisons().unwrap().len(), before);
    assert_eq!(h.app.store.history().unwrap().len(), history);
    h.keys("<Esc>");
    if h.app.confirm.is_some() {
        h.keys("<A-c>");
    }
    assert!(h.app.form.is_none());

    // Typing finds; Enter opens the card; a contact is recorded.
    h.keys("trang<Enter>");
    let screen = h.screen();
    assert!(screen.contains("Nguyễn Thu Trang"), "{screen}");
    assert!(screen.contains("Sổ liên hệ"), "{screen}");
    h.keys("<F4><Tab>Dự họp tổ dân phố tháng 11<C-s>");
    let (tid, t) = liaison(&h, "Nguyễn Thu Trang").unwrap();
    assert_eq!(t.contacts.len(), 1);
    assert_eq!(t.contacts[0].what, "Dự họp tổ dân phố tháng 11");
    assert!(h.screen().contains("Dự họp tổ dân phố tháng 11"));

    // The yearly comment, written earlier, is sent today.
    h.keys("<F6><Tab><Tab><Tab>20/11/2026<C-s>");
    assert!(h.status_line().contains("Đã lưu"), "{}", h.screen());
    let (_, t) = liaison(&h, "Nguyễn Thu Trang").unwrap();
    assert!(t.sent(2026));
    assert!(h.screen().contains("Đã gửi 20/11/2026"), "{}", h.screen());

    // A comment already sent is not written again.
    let history = h.app.store.history().unwrap().len();
    h.keys("<F6><C-s>");
    let screen = h.screen();
    assert!(
        screen.contains("nhận xét năm 2026 đã gửi ngày 20/11/2026"),
        "{screen}"
    );
    assert_eq!(h.app.store.history().unwrap().len(), history);
    h.keys("<Esc>");
    if h.app.confirm.is_some() {
        h.keys("<A-c>");
    }

    // Undo takes the sending back, naming the record.
    h.keys("<C-z>");
    assert!(
        h.status_line()
            .contains("liên hệ nơi cư trú của Nguyễn Thu Trang"),
        "{}",
        h.status_line()
    );
    assert!(!liaison(&h, "Nguyễn Thu Trang").unwrap().1.sent(2026));
    assert!(
        !h.app.liaison.get(tid).unwrap().sent(2026),
        "the screen reloads"
    );

    // The home screen lists the comments of this year not sent; exempt kinds get none.
    h.keys("<Esc><A-0>");
    assert!(
        h.screen().contains("Chưa gửi nhận xét năm 2026"),
        "{}",
        h.screen()
    );
    let items = sochibo::app::screens::home::todo_items(&h.app);
    let c = h.app.lang.cat();
    let texts: Vec<String> = items.iter().map(|i| c.todo(i)).collect();
    assert!(
        texts.iter().any(|t| t.contains("Trần Thị Ngọc Ánh")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Nguyễn Thu Trang")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("Đỗ Quang Hưng")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("Phạm Quốc Việt")),
        "{texts:?}"
    );

    // Transfer in: a member record is made, linked both ways, in one save.
    h.keys("<A-9>ánh<Enter><F9><C-s>");
    assert!(
        h.status_line().contains("Đã chuyển sinh hoạt về chi bộ"),
        "{}",
        h.screen()
    );
    let (_, anh) = liaison(&h, "Trần Thị Ngọc Ánh").unwrap();
    let mid = anh.member.expect("linked");
    let m = h.app.store.member(mid).unwrap().expect("member saved");
    assert_eq!(m.full_name, "Trần Thị Ngọc Ánh");
    assert!(
        h.screen().contains("Hồ sơ đảng viên của chi bộ"),
        "{}",
        h.screen()
    );
    // The member's card names the liaison record: one history, linked both ways.
    h.app.screen = sochibo::app::Screen::Members;
    h.app.roster.select(mid);
    h.app.detail = Some(mid);
    h.keys("");
    assert!(
        h.screen().contains("Có hồ sơ liên hệ nơi cư trú"),
        "{}",
        h.screen()
    );
    h.keys("<Esc><A-9>");

    // Delete asks first; the answer yes deletes.
    h.keys("<Esc>");
    let before = h.app.store.liaisons().unwrap().len();
    h.keys("tuấn<F8>");
    assert!(
        h.screen()
            .contains("Xóa đảng viên giữ mối liên hệ Lê Minh Tuấn?"),
        "{}",
        h.screen()
    );
    h.keys("<A-c>");
    assert_eq!(h.app.store.liaisons().unwrap().len(), before - 1);
    assert!(liaison(&h, "Lê Minh Tuấn").is_none());
}
