//! A member's events through the keys: a temporary exemption recorded from the member's
//! application changes the roll call and the vote denominator; ending it brings the
//! member back.

use crate::common;
use crate::common::official;

use common::{Harness, today};
use sochibo::domain::meeting::vote_denominator;
use sochibo::domain::member::{EventKind, ExemptionReason, Status};

#[test]
fn a_temporary_exemption_changes_the_roll_and_the_denominator_until_it_ends() {
    let mut h = Harness::demo(&[official("Nguyễn Văn An")]);
    h.keys("nguyen van an<Enter><F4>");
    assert!(
        h.screen().contains("Ghi sự kiện của đảng viên"),
        "{}",
        h.screen()
    );
    // Kind: "Tạm miễn…" is first. Reason: ← → to "Chữa bệnh dài ngày". Until, application, resolution.
    h.keys("<Tab><Tab><Right><Right><Tab>21/05/2027<Tab>15/11/2026<Tab>09-NQ/CB<C-s>");
    let screen = h.screen();
    assert!(screen.contains("Đã ghi sự kiện"), "{screen}");
    let (_, m) = h.member_named("Nguyễn Văn An").unwrap();
    let e = m.events.last().unwrap();
    assert_eq!(e.kind, EventKind::ExemptionStarted { full: false });
    assert_eq!(
        e.papers.exemption_reason,
        Some(ExemptionReason::LongTreatment)
    );
    assert_eq!(e.papers.decision, "09-NQ/CB");
    assert_eq!(m.status_at(today()), Status::TemporarilyExempt);
    assert!(
        screen.contains("Tạm miễn công tác"),
        "the timeline shows it\n{screen}"
    );

    // The next roll call shows "Tạm miễn SH"; absent, the member leaves the denominator.
    h.keys("<Esc><Esc><A-3><F7><C-s>");
    let with_exemption = h.newest_meeting().1;
    let row = with_exemption
        .attendance
        .iter()
        .find(|r| r.name == "Nguyễn Văn An")
        .unwrap();
    assert_eq!(row.status, Status::TemporarilyExempt);
    assert!(h.screen().contains("Tạm miễn SH"), "{}", h.screen());
    let d1 = vote_denominator(&with_exemption.attendance);

    // End the exemption on the member's return: the member is back.
    h.keys("<Esc><A-1>nguyen van an<Enter><F4><Right><Right><C-s>");
    assert!(h.status_line().contains("Đã ghi sự kiện"), "{}", h.screen());
    let (_, m) = h.member_named("Nguyễn Văn An").unwrap();
    assert_eq!(m.status_at(today()), Status::Official);
    assert_eq!(
        m.events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::ExemptionStarted { .. }))
            .count(),
        1,
        "history kept"
    );
    // A second regular meeting in December: asked, answered "Có".
    h.keys("<Esc><Esc><A-3><F7><C-s><A-c>");
    let after = h.newest_meeting().1;
    assert_eq!(
        after
            .attendance
            .iter()
            .find(|r| r.name == "Nguyễn Văn An")
            .unwrap()
            .status,
        Status::Official
    );
    assert_eq!(vote_denominator(&after.attendance), d1 + 1);
}

#[test]
fn ending_an_exemption_that_is_not_in_force_is_refused() {
    let mut h = Harness::demo(&[official("Nguyễn Văn An")]);
    let before = h.app.store.members().unwrap();
    h.keys("nguyen van an<Enter><F4><Right><Right><C-s>");
    assert!(h.screen().contains("không có việc miễn"), "{}", h.screen());
    assert_eq!(h.app.store.members().unwrap(), before, "nothing saved");
}

#[test]
fn exemptions_screen_lists_exempted_members_and_reminders() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-5>");
    let screen = h.screen();
    assert!(screen.contains("Đảng viên được miễn"), "{screen}");
    assert!(screen.contains("Tuổi cao, sức khỏe yếu"), "{screen}");
    assert!(screen.contains("03-NQ/CB"), "{screen}");
    assert!(
        screen.contains("tạm miễn sinh hoạt hết hạn ngày 11/12/2026"),
        "the temporary one ends in 20 days\n{screen}"
    );
    // ↓ moves to the second row; Enter opens that member's card.
    h.keys("<Down><Enter>");
    assert_eq!(
        h.app
            .detail
            .and_then(|id| h.app.roster.get(id))
            .map(|e| e.status),
        Some(Status::TemporarilyExempt)
    );
    assert!(h.app.detail.is_some());
    assert!(h.screen().contains("Hồ sơ đảng viên"));
}

#[test]
fn f6_removes_the_last_event_after_asking_and_no_keeps_it() {
    let mut h = Harness::demo(&[official("Nguyễn Văn An")]);
    let events = |h: &Harness| h.member_named("Nguyễn Văn An").unwrap().1.events;
    let before = events(&h);
    h.keys("nguyen van an<Enter><F4>");
    h.keys("<Tab><Tab><Right><Right><Tab>21/05/2027<Tab>15/11/2026<Tab>09-NQ/CB<C-s>");
    assert_eq!(events(&h).len(), before.len() + 1);

    // The question names the member and the event; it opens on "Không": Enter keeps it.
    h.keys("<F6>");
    let screen = h.screen();
    assert!(
        screen.contains("Xóa sự kiện ghi gần nhất của đồng chí Nguyễn Văn An: Tạm")
            && screen.contains("21/11/2026?"),
        "{screen}"
    );
    h.keys("<Enter>");
    assert!(h.app.confirm.is_none());
    assert_eq!(events(&h).len(), before.len() + 1);

    // Yes removes it, durably; the member is back on the roll.
    h.keys("<F6><Right><Enter>");
    assert_eq!(events(&h), before);
    assert!(h.screen().contains("Đã lưu"), "{}", h.screen());

    // The admission itself is not removed this way (it belongs to the member form).
    h.keys("<F6>");
    assert!(h.app.confirm.is_none(), "{}", h.screen());
    assert_eq!(events(&h), before);
}
