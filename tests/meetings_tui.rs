//! Meetings through the keys: create a monthly meeting, take the roll, write an opinion,
//! record a vote, approve; then edits are refused and an amendment is accepted.

use crate::common;

use common::{Harness, today};
use sochibo::app::App;
use sochibo::domain::meeting::{Mark, Threshold};
use sochibo::i18n::Lang;
use sochibo::keymap::Keymap;
use sochibo::store::Store;

#[test]
fn a_monthly_meeting_from_roll_call_to_approval() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7>");
    assert!(h.screen().contains("Tạo buổi sinh hoạt"), "{}", h.screen());
    h.keys("<C-s>");
    let (id, m) = h.newest_meeting();
    assert_eq!(m.number, 1, "first document of the term");
    assert!(m.agenda[0].title.starts_with("Khai mạc"));
    let active = h.app.roster.count(sochibo::app::roster::Filter::Active);
    assert_eq!(
        m.attendance.len(),
        active,
        "every member in the branch on that date"
    );
    assert_eq!(
        active, 33,
        "35 in the demo, one transferred out, one deceased"
    );
    assert!(h.screen().contains("Điểm danh"));

    // Roll call in one pass: everyone present, then two absences.
    h.keys("<F6>");
    h.keys("<Home><F5>");
    h.keys("<F4>Ốm nằm viện<C-s>");
    let (_, m) = h.newest_meeting();
    assert_eq!(m.attendance[0].mark, Mark::Unexcused);
    assert_eq!(m.attendance[1].mark, Mark::Excused("Ốm nằm viện".into()));
    let exempt: Vec<_> = m
        .attendance
        .iter()
        .filter(|r| r.status.is_exempt())
        .collect();
    assert_eq!(exempt.len(), 2);
    assert!(
        exempt.iter().all(|r| r.mark == Mark::Unmarked),
        "exempted members are not marked present by F6"
    );
    let counts = sochibo::domain::meeting::counts(&m.attendance);
    assert_eq!(counts.unexcused, 1);
    assert_eq!(counts.excused, 1);
    assert!(h.screen().contains("vắng có lý do 1"), "{}", h.screen());

    // An opinion under "Đánh giá kết quả tháng trước…" (item 5): speaker by ← →, then the gist.
    h.keys("<Tab>");
    for _ in 0..5 {
        h.keys("<Down>");
    }
    h.keys("<F7><Right><Tab>Đề nghị tăng cường<Enter>vệ sinh môi trường.<C-s>");
    let (_, m) = h.newest_meeting();
    let speeches: Vec<_> = m.agenda.iter().flat_map(|a| a.speeches.iter()).collect();
    assert_eq!(speeches.len(), 1, "{:?}", m.agenda);
    assert_eq!(speeches[0].gist, "Đề nghị tăng cường\nvệ sinh môi trường.");

    // A vote: more than those present is refused; a valid tally passes with its percentage.
    h.keys("<Tab><F7>Thông qua nghị quyết tháng<Tab><Tab>99<C-s>");
    assert!(
        h.screen().contains("lớn hơn số đảng viên chính thức"),
        "{}",
        h.screen()
    );
    assert!(h.newest_meeting().1.votes.is_empty());
    let voters = sochibo::domain::meeting::voters_present(&h.newest_meeting().1.attendance);
    h.keys(&format!("<Backspace><Backspace>{voters}<C-s>"));
    let (_, m) = h.newest_meeting();
    assert_eq!(m.votes.len(), 1);
    assert_eq!(m.votes[0].threshold, Threshold::Majority);
    assert!(h.screen().contains("→ Thông qua"), "{}", h.screen());

    // Approve: read-only afterwards; an amendment is accepted and the original kept.
    h.keys("<F9>");
    assert!(h.screen().contains("Thông qua biên bản?"));
    h.keys("<A-c>");
    let (_, m) = h.newest_meeting();
    assert_eq!(m.approved, Some(today()));
    h.keys("<S-Tab><S-Tab><S-Tab><F2>");
    assert!(h.app.form.is_none());
    assert!(
        h.screen().contains("biên bản đã thông qua"),
        "{}",
        h.screen()
    );
    h.keys("<F6>Ghi nhầm giờ kết thúc<Tab>Kết thúc lúc 21 giờ 15.<C-s>");
    let (id2, m2) = h.newest_meeting();
    assert_eq!(id2, id);
    assert_eq!(m2.amendments.len(), 1);
    assert_eq!(m2.amendments[0].reason, "Ghi nhầm giờ kết thúc");
    assert_eq!(m2.end, m.end, "the original is unchanged");
    assert_eq!(m2.votes, m.votes);

    // F5 writes the minutes, amendment included, as text and Word into exports/.
    h.keys("<F5>");
    let screen = h.screen();
    assert!(screen.contains("Đã xuất biên bản:"), "{screen}");
    let base = format!("bien-ban-{:02}-{}", m2.number, m2.date.format("%Y%m%d"));
    assert!(screen.contains(&format!("{base}.txt, .docx")), "{screen}");
    let dir = sochibo::interchange::exports_dir(h.app.store.dir());
    let branch = h.app.branch.clone().unwrap();
    let place = sochibo::interchange::place_name(&branch);
    let txt = std::fs::read_to_string(dir.join(format!("{base}.txt"))).unwrap();
    assert_eq!(
        txt,
        sochibo::interchange::minutes::to_crlf(&sochibo::interchange::minutes::minutes_text(
            &branch, &m2, &place
        ))
    );
    assert!(txt.contains("Kết thúc lúc 21 giờ 15."), "{txt}");
    let docx = std::fs::read(dir.join(format!("{base}.docx"))).unwrap();
    assert_eq!(
        docx,
        sochibo::interchange::minutes::minutes_docx(&branch, &m2, &place)
    );
}

#[test]
fn an_exempted_member_is_shown_as_exempt_and_may_be_present() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7><C-s>");
    let (_, m) = h.newest_meeting();
    let before = sochibo::domain::meeting::vote_denominator(&m.attendance);
    let row = m
        .attendance
        .iter()
        .position(|r| r.status == sochibo::domain::member::Status::Exempt)
        .unwrap();
    assert!(h.screen().contains("Miễn SH"), "{}", h.screen());
    h.keys("<Home>");
    for _ in 0..row {
        h.keys("<Down>");
    }
    h.keys("<Enter>");
    let (_, m) = h.newest_meeting();
    assert_eq!(m.attendance[row].mark, Mark::Present);
    assert_eq!(
        sochibo::domain::meeting::vote_denominator(&m.attendance),
        before + 1,
        "a present exempted member counts"
    );
}

#[test]
fn a_draft_being_typed_survives_dropping_the_app() {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7><C-s><Tab><Down><Down><Down><Down><Down><F7><Right><Tab>Ý kiến đang gõ dở");
    // Moving between fields saves the draft; nothing was saved with Ctrl-S.
    h.keys("<S-Tab>");
    let dir = h.dir.path().to_path_buf();
    let Harness { app, dir: tmp, .. } = h;
    drop(app); // the terminal closes, the process dies: no save, no cleanup
    let store = Store::open(&dir).unwrap();
    let app = App::new(store, Lang::Vi, Keymap::defaults(), today()).unwrap();
    let form = app.form.as_ref().expect("the form is back");
    assert_eq!(
        form.get(sochibo::domain::meeting::MeetingField::Gist),
        "Ý kiến đang gõ dở"
    );
    assert!(
        form.get_choice(sochibo::domain::meeting::MeetingField::Speaker)
            .is_some()
    );
    assert_eq!(app.screen, sochibo::app::Screen::Meetings);
    drop(tmp);
}

#[test]
fn year_view_flags_and_attendance_view() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-3>");
    let screen = h.screen();
    assert!(
        screen.contains("Quý chưa sinh hoạt chuyên đề: 3"),
        "{screen}"
    );
    assert!(screen.contains("Đã thông qua"));
    h.keys("<F6>");
    let screen = h.screen();
    assert!(screen.contains("Chuyên cần trong năm"), "{screen}");
    assert!(screen.contains("vắng không lý do ≥ 3 tháng"), "{screen}");
}

#[test]
fn a_task_assigned_at_a_meeting_shows_on_the_member() {
    let mut h = Harness::demo_with_meetings(&[], today());
    let name = h.app.roster.entries()[0].member.full_name.clone();
    h.keys("<A-3><F7><C-s><Tab><Tab><Tab><F7>");
    h.keys(&format!(
        "{name}<Tab>Vận động các hộ đóng quỹ vì người nghèo<Tab>30/11/2026<C-s>"
    ));
    assert_eq!(h.newest_meeting().1.tasks.len(), 1);
    h.keys("<Esc><A-1>");
    h.keys(&format!("{}<Enter>", sochibo::domain::text::fold(&name)));
    let screen = h.screen();
    assert!(screen.contains("Nhiệm vụ được giao"), "{screen}");
    assert!(screen.contains("30/11/2026  Vận động các hộ"), "{screen}");
}
