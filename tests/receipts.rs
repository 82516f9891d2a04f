//! The receipt list of the dues collected in a month (#17 item 6): the document (Word XML
//! and text, Vietnamese intact), one key in the dues view reached from a meeting, the
//! command line, and a month with nobody paid.

use crate::common;
use crate::common::{d, ym};

use std::collections::BTreeMap;

use common::{Harness, docx_words, docx_xml, flat, sochibo, text, today};
use sochibo::app::Screen;
use sochibo::domain::branch::Branch;
use sochibo::domain::dues::{self, Due, Ledger, Method, Payment, YearMonth};
use sochibo::domain::member::Member;
use sochibo::interchange::receipts::{self, receipts_base};

fn branch() -> Branch {
    Branch {
        name: "Chi bộ Tổ dân phố số 5".into(),
        superior: "Đảng bộ phường Dương Kinh".into(),
        address: "Nhà văn hóa TDP số 5, Hải Phòng".into(),
        secretary: "Trần Văn Hùng".into(),
        term_start: 2025,
        term_end: 2030,
        ..Branch::default()
    }
}

fn named(name: &str) -> Member {
    Member {
        full_name: name.into(),
        ..Member::default()
    }
}

fn pay(l: &mut Ledger, month: YearMonth, amount: i64, method: Method, on: chrono::NaiveDate) {
    l.pay(Payment {
        month,
        amount,
        method,
        date: on,
        payer: String::new(),
    });
}

/// November 2026: Bình pays October (back-pay) and November in cash at the meeting, Ánh
/// pays November online, Cường paid November in October (in advance: not this month's).
fn november() -> receipts::Receipts {
    let members = [
        (1, named("Trần Văn Bình")),
        (2, named("Nguyễn Thị Ánh")),
        (3, named("Lê Văn Cường")),
    ];
    let mut ledgers = BTreeMap::new();
    let mut a = Ledger::default();
    pay(&mut a, ym(2026, 11), 30_000, Method::Cash, d(2026, 11, 5));
    pay(&mut a, ym(2026, 10), 30_000, Method::Cash, d(2026, 11, 5));
    ledgers.insert(1, a);
    let mut b = Ledger::default();
    pay(&mut b, ym(2026, 11), 12_500, Method::Online, d(2026, 11, 2));
    ledgers.insert(2, b);
    let mut c = Ledger::default();
    pay(&mut c, ym(2026, 11), 5_000, Method::Cash, d(2026, 10, 28));
    ledgers.insert(3, c);
    receipts::receipts(members.iter().map(|(i, m)| (*i, m)), &ledgers, ym(2026, 11))
}

#[test]
fn the_word_list_has_the_rows_the_total_and_the_signatures() {
    let r = november();
    assert_eq!(r.total, 72_500);
    let bytes = receipts::receipts_docx(&branch(), &r, "Hải Phòng", d(2026, 11, 21)).unwrap();
    let xml = docx_xml(&bytes);
    assert!(xml.contains(r#"w:val="single""#), "a bordered table");
    let words = docx_words(&bytes, " ");
    for want in [
        "DANH SÁCH THU ĐẢNG PHÍ",
        "Tháng 11 năm 2026",
        "ĐẢNG BỘ PHƯỜNG DƯƠNG KINH",
        "CHI BỘ TỔ DÂN PHỐ SỐ 5",
        "Hải Phòng, ngày 21 tháng 11 năm 2026",
        "STT",
        "Họ và tên",
        "Đóng cho tháng",
        "Số tiền (đồng)",
        "Ký nhận",
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
        "10, 11/2026",
        "60.000",
        "đóng bù 10/2026",
        "nộp trực tuyến",
        "12.500",
        "Cộng",
        "72.500",
        "Tổng số tiền đã thu: 72.500 đồng",
        "tiền mặt 60.000 đồng",
        "Số tiền phải nộp Đảng bộ phường Dương Kinh (70% số đã thu): 50.750 đồng",
        "NGƯỜI THU",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Trần Văn Hùng",
        "Nơi nhận",
    ] {
        assert!(words.contains(want), "{want}: {words}");
    }
    // Cường paid in October: not in November's list.
    assert!(!words.contains("Cường"), "{words}");
    // Name order (Ánh before Bình), numbered from 1.
    let a = words.find("Nguyễn Thị Ánh").unwrap();
    let b = words.find("Trần Văn Bình").unwrap();
    assert!(a < b, "{words}");
    // Header row, two members, the total: four rows of the bordered table, besides the
    // one-row header and signature tables.
    assert_eq!(xml.matches("<w:tr>").count(), 4 + 2, "{xml}");
}

#[test]
fn the_text_list_is_one_item_a_member_within_80_columns() {
    let r = november();
    let t = receipts::receipts_text(&branch(), &r, "Hải Phòng", d(2026, 11, 21));
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
    let f = flat(&t);
    for want in [
        "DANH SÁCH THU ĐẢNG PHÍ",
        "Tháng 11 năm 2026",
        "1. Nguyễn Thị Ánh — tháng 11/2026: 12.500 đồng (nộp trực tuyến). 2.",
        "2. Trần Văn Bình — tháng 10, 11/2026: 60.000 đồng (đóng bù 10/2026). Ký nhận:",
        "Tổng số tiền đã thu: 72.500 đồng (tiền mặt 60.000 đồng; nộp trực tuyến 12.500 đồng), của 2 đồng chí.",
        "NGƯỜI THU",
        "BÍ THƯ",
        "Trần Văn Hùng",
    ] {
        assert!(f.contains(want), "{want}: {t}");
    }
    assert!(!f.contains("Cường"), "{t}");
}

#[test]
fn from_the_meeting_one_key_writes_the_months_list_back_pay_included() {
    let mut h = Harness::demo_with_meetings(&[], today());
    let (oct, nov) = (ym(2026, 10), ym(2026, 11));
    // A member who owes October and November, October not paid yet.
    let (id, name) = h
        .app
        .roster
        .entries()
        .iter()
        .find_map(|e| {
            let l = h.app.dues.ledger(e.id);
            let owes = |m| matches!(dues::due(&e.member, &l, m), Due::Owed(_));
            (owes(oct) && owes(nov)).then(|| (e.id, e.member.full_name.clone()))
        })
        .expect("a member who pays dues");
    let mut l = h.app.dues.ledger(id);
    l.clear(oct);
    l.clear(nov);
    h.app.store.save_dues_payments(id, &l).unwrap();
    h.app.dues.reload(&h.app.store).unwrap();

    // From the meeting: Ctrl+P to the dues of its month; the key bar offers the list.
    h.keys("<A-3><F7><C-s><C-p>");
    assert_eq!(h.app.screen, Screen::Dues);
    assert!(h.key_bar().contains("F9"), "{}", h.key_bar());
    // October (back-pay) and November for the member, in cash, today.
    let find = sochibo::domain::text::fold(&name);
    h.keys("<Left>");
    h.keys(&find);
    h.keys("<F4><Right>");
    h.keys(&find);
    h.keys("<F4>");
    let l = h.app.store.dues().unwrap().remove(&id).unwrap();
    assert_eq!(l.payment(oct).map(|p| p.date), Some(today()));
    assert_eq!(l.payment(nov).map(|p| p.date), Some(today()));

    h.keys("<F9>");
    let base = receipts_base(nov);
    assert!(h.status_line().contains(&base), "{}", h.screen());
    let txt = String::from_utf8(h.exported(&format!("{base}.txt")).expect("the text")).unwrap();
    assert!(txt.contains("\r\n"), "CRLF for Notepad");
    let f = flat(&txt);
    assert!(f.contains("DANH SÁCH THU ĐẢNG PHÍ"), "{txt}");
    assert!(
        f.contains(&format!("{name} — tháng 10, 11/2026:")),
        "{name}: {txt}"
    );
    assert!(f.contains("đóng bù 10/2026"), "{txt}");
    // The total is what the month's payments add up to (the same list as the CLI's).
    let members = h.app.roster.entries().iter().map(|e| (e.id, &e.member));
    let r = receipts::receipts(members, &h.app.dues.ledgers, nov);
    let total = dues::group_thousands(r.total, '.');
    assert!(
        f.contains(&format!("Tổng số tiền đã thu: {total} đồng")),
        "{total}: {txt}"
    );
    let words = docx_words(
        &h.exported(&format!("{base}.docx")).expect("the Word file"),
        " ",
    );
    assert!(words.contains(&name), "{words}");
    assert!(words.contains("Ký nhận"), "{words}");

    // December: nobody has paid yet; a clear message, no empty document.
    h.keys("<Right><F9>");
    assert!(
        h.status_line()
            .contains("Tháng 12/2026 chưa ghi nhận khoản đảng phí nào được thu"),
        "{}",
        h.screen()
    );
    let dec = receipts_base(ym(2026, 12));
    assert!(h.exported(&format!("{dec}.txt")).is_none());
    assert!(h.exported(&format!("{dec}.docx")).is_none());
    // Esc still goes back to the meeting.
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Meetings);
}

#[test]
fn the_help_of_the_dues_view_names_the_key() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-4><F1>");
    let screen = h.screen();
    assert!(
        screen.contains("In danh sách thu đảng phí của tháng"),
        "{screen}"
    );
}

#[test]
fn export_receipts_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());
    let out = sochibo(&["export", "receipts", "--month", "11/2026"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    let f = flat(&t);
    assert!(f.contains("DANH SÁCH THU ĐẢNG PHÍ"), "{t}");
    assert!(f.contains("Tháng 11 năm 2026"), "{t}");
    assert!(f.contains("Tổng số tiền đã thu:"), "{t}");
    assert!(f.contains("1. ") && f.contains("Ký nhận:"), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");

    let path = dir.path().join("thu.docx");
    let out = sochibo(
        &[
            "export",
            "receipts",
            "--month",
            "11/2026",
            "--format",
            "docx",
            "--out",
            path.to_str().unwrap(),
        ],
        &data,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("thu.docx"), "names the file");
    let words = docx_words(&std::fs::read(&path).unwrap(), " ");
    assert!(words.contains("DANH SÁCH THU ĐẢNG PHÍ"), "{words}");
    assert!(
        words.contains("NGƯỜI THU") && words.contains("BÍ THƯ"),
        "{words}"
    );

    // Word needs a file.
    let out = sochibo(
        &[
            "export", "receipts", "--month", "11/2026", "--format", "docx",
        ],
        &data,
    );
    assert_eq!(out.status.code(), Some(1));
    // A month with nobody paid: a clear message, nothing written.
    let empty = dir.path().join("empty.txt");
    let out = sochibo(
        &[
            "export",
            "receipts",
            "--month",
            "01/2020",
            "-o",
            empty.to_str().unwrap(),
        ],
        &data,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Tháng 01/2020 chưa ghi nhận khoản đảng phí nào được thu"),
        "{}",
        text(&out.stderr)
    );
    assert!(!empty.exists());
    // Not a month: says what is expected.
    let out = sochibo(&["export", "receipts", "--month", "13/2026"], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("mm/yyyy"),
        "{}",
        text(&out.stderr)
    );
}
