//! The documents of the secretary's month (#17) through the keys and the command line: the
//! notice before a meeting, the proposals in the minutes, the resolution after it, the
//! dues of the meeting's month.

use crate::common;
use crate::common::d;

use common::{Harness, docx_words, flat, sochibo, text, today};
use sochibo::app::Screen;

#[test]
fn one_key_writes_the_notice_of_a_meeting_ahead() {
    let mut h = Harness::demo_with_meetings(&[], today());
    // A meeting on 05/12/2026 (a Saturday) with a proposal noted before it.
    h.keys("<A-3><F7><Tab><Tab>");
    for _ in 0..12 {
        h.keys("<Backspace>");
    }
    h.keys("5/12<C-s><Tab><Tab><Tab><Tab><F7>Chi ủy<Tab>Sửa đèn đường ngõ 12<C-s>");
    let (_, m) = h.newest_meeting();
    assert_eq!(m.date, d(2026, 12, 5));
    assert_eq!(m.proposals.len(), 1);
    h.keys("<C-n>");
    assert!(h.status_line().contains("thong-bao-"), "{}", h.screen());
    let base = sochibo::interchange::notice::notice_base(&m);
    let txt = String::from_utf8(
        h.exported(&format!("{base}.txt"))
            .expect("the exported file"),
    )
    .unwrap();
    assert!(txt.contains("THÔNG BÁO"), "{txt}");
    assert!(txt.contains("Thứ Bảy, ngày 05/12/2026"), "{txt}");
    assert!(txt.contains(&format!("Địa điểm: {}", m.place)), "{txt}");
    assert!(
        txt.contains(&format!("Chủ trì: đồng chí {}", m.chair)),
        "{txt}"
    );
    assert!(txt.contains("Đánh giá kết quả tháng trước"), "{txt}");
    assert!(txt.contains("Chi ủy: Sửa đèn đường ngõ 12"), "{txt}");
    assert!(txt.contains("\r\n"), "CRLF for Notepad");
    let words = docx_words(
        &h.exported(&format!("{base}.docx"))
            .expect("the exported file"),
        "",
    );
    assert!(words.contains("THÔNG BÁO"), "{words}");
    assert!(words.contains("Số 01-TB/CB"), "{words}");
    assert!(
        words.contains("Triệu tập sinh hoạt chi bộ thường kỳ tháng 12 năm 2026"),
        "{words}"
    );
    assert!(words.contains("Sửa đèn đường ngõ 12"), "{words}");
    // "Nơi nhận" once, from the shared Party layout (HD 36), with the members and the file.
    assert_eq!(words.matches("Nơi nhận").count(), 1, "{words}");
    assert!(words.contains("- Lưu chi bộ."), "{words}");
}

#[test]
fn a_meeting_already_held_has_no_notice() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7><Tab><Tab>");
    for _ in 0..12 {
        h.keys("<Backspace>");
    }
    h.keys("20/11<C-s><C-n>");
    assert!(
        h.status_line()
            .contains("Thông báo triệu tập viết trước buổi họp"),
        "{}",
        h.screen()
    );
    let dir = sochibo::interchange::exports_dir(h.app.store.dir());
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none());
}

#[test]
fn the_resolution_comes_from_the_meeting_and_the_minutes_list_the_proposals() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7><C-s><F6><Tab>");
    // Conclude "Đánh giá kết quả tháng trước…" (item 5), assign a task, answer a proposal.
    h.keys("danh gia<Down><F2>Hoàn thành tốt.<C-s>");
    h.keys("<Tab><Tab><F7>Chi ủy<Tab>Nộp báo cáo quý IV<Tab>20/12/2026<C-s>");
    h.keys("<Tab><F7>Chi ủy<Tab>Sửa đèn đường<Tab>Đề nghị phường sửa trong tháng 12<C-s>");
    let (_, m) = h.newest_meeting();
    assert_eq!(m.tasks.len(), 1, "{}", h.screen());
    assert_eq!(m.proposals[0].answer, "Đề nghị phường sửa trong tháng 12");
    h.keys("<C-r>");
    assert!(h.status_line().contains("nghi-quyet-"), "{}", h.screen());
    let base = sochibo::interchange::resolution::resolution_base(&m);
    let txt = flat(
        &String::from_utf8(
            h.exported(&format!("{base}.txt"))
                .expect("the exported file"),
        )
        .unwrap(),
    );
    assert!(txt.contains("NGHỊ QUYẾT"), "{txt}");
    assert!(txt.contains("Hoàn thành tốt."), "{txt}");
    assert!(
        txt.contains("Nộp báo cáo quý IV (thực hiện: Chi ủy; thời hạn:"),
        "{txt}"
    );
    assert!(
        txt.contains("Sửa đèn đường — đề nghị phường sửa trong tháng 12"),
        "{txt}"
    );
    let words = docx_words(
        &h.exported(&format!("{base}.docx"))
            .expect("the exported file"),
        "",
    );
    assert!(words.contains("NHIỆM VỤ THÁNG 12/2026"), "{words}");
    assert!(words.contains("Nộp báo cáo quý IV"), "{words}");
    assert_eq!(words.matches("Nơi nhận").count(), 1, "{words}");
    // The first recipient is the branch's own superior, as in every report.
    assert!(
        words.contains("- Đảng bộ phường Hải Thành (để báo cáo),"),
        "{words}"
    );
    // The minutes list each proposal with the branch's answer.
    h.keys("<F5>");
    let minutes = flat(
        &String::from_utf8(
            h.exported(&format!(
                "bien-ban-{:02}-{}.txt",
                m.number,
                m.date.format("%Y%m%d")
            ))
            .expect("the exported file"),
        )
        .unwrap(),
    );
    assert!(minutes.contains("KIẾN NGHỊ CỦA ĐẢNG VIÊN"), "{minutes}");
    assert!(
        minutes.contains("Chi bộ trả lời: Đề nghị phường sửa trong tháng 12."),
        "{minutes}"
    );
}

#[test]
fn from_the_meeting_one_key_reaches_the_dues_of_its_month_and_esc_returns() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7><C-s><C-p>");
    assert_eq!(h.app.screen, Screen::Dues);
    assert_eq!((h.app.dues.month.year, h.app.dues.month.month), (2026, 11));
    // One line says who still owes and how to go back; the money stays on the screen:
    // the month's totals and what is handed on to the ward (nothing covers them).
    let status = h.status_line();
    assert!(
        status.contains("Đảng phí tháng 11/2026: còn") && status.contains("Esc: về buổi họp"),
        "{status}"
    );
    let members = h.app.roster.entries().iter().map(|e| (e.id, &e.member));
    let t = sochibo::domain::dues::month_totals(
        members,
        &h.app.dues.ledgers,
        sochibo::domain::dues::YearMonth::of(today()),
    );
    let collected = h.app.lang.cat().dues().money(t.collected);
    let screen = h.screen();
    assert!(
        screen.contains(&format!("đã thu {collected}")),
        "{screen} / {collected}"
    );
    assert!(screen.contains("Phải nộp cấp trên"), "{screen}");
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Meetings);
    assert!(h.app.meetings.open.is_some(), "back on the meeting");
}

#[test]
fn export_notice_and_resolution_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(sochibo(&["demo"], &data).status.success());
    let out = sochibo(&["export", "notice", "--meeting", "02"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("THÔNG BÁO") && t.contains("Thời gian:"), "{t}");
    let out = sochibo(&["export", "resolution", "--meeting", "02"], &data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("NGHỊ QUYẾT") && t.contains("Số 02-NQ/CB"), "{t}");
    assert!(t.lines().all(|l| l.chars().count() <= 80));
    for what in ["notice", "resolution"] {
        let path = dir.path().join(format!("{what}.docx"));
        let out = sochibo(
            &[
                "export",
                what,
                "--meeting",
                "2",
                "--format",
                "docx",
                "-o",
                path.to_str().unwrap(),
            ],
            &data,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let words = docx_words(&std::fs::read(&path).unwrap(), "");
        assert!(words.contains("CHI BỘ"), "{what}: {words}");
    }
    let out = sochibo(&["export", "notice", "--meeting", "99"], &data);
    assert_eq!(out.status.code(), Some(1));
}
