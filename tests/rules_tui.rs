//! The "Quy định" screen (Alt+Q, #22.4), keys only: every rule with its value, source and
//! certainty; a rule that is a branch setting changes with who and why, refused without
//! a reason, saved once, named and undone with Ctrl+Z; a verified rule is no setting.

use crate::common;

use common::Harness;
use sochibo::domain::rules::{self, RuleId};

#[test]
fn the_rules_screen_lists_values_sources_and_certainty() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-q>");
    let screen = h.screen();
    assert!(screen.contains("Quy định"), "{screen}");
    assert!(
        screen.contains("Tuổi tối thiểu khi kết nạp (tháng)"),
        "{screen}"
    );
    assert!(screen.contains("216"), "{screen}");
    assert!(screen.contains("QĐ 294-QĐ/TW, điểm 1.1.1"), "{screen}");
    assert!(screen.contains("qua trích dẫn"), "{screen}");
    // The quorum, near the end, is a setting, shown as such.
    h.keys("<End>");
    let screen = h.screen();
    assert!(screen.contains("Số đảng viên dự họp tối thiểu"), "{screen}");
    assert!(
        screen.contains("chưa đối chiếu (chi bộ tự đặt)"),
        "{screen}"
    );
}

#[test]
fn a_setting_is_changed_with_who_and_why_and_undone() {
    let mut h = Harness::demo(&[]);
    rules::install(Default::default());
    // The quorum is the fourth rule from the end (after it come the QĐ 213 rules).
    h.keys("<A-q><End><Up><Up><Up><Enter>");
    let screen = h.screen();
    assert!(h.app.form.is_some(), "{screen}");
    assert!(screen.contains("Giá trị mới"), "{screen}");
    assert!(
        screen.contains("Trần Văn Hùng"),
        "who: the secretary, {screen}"
    );
    // Out of range, and no reason: refused, nothing saved.
    h.keys("<Backspace><Backspace>101<C-s>");
    assert!(h.status_line().contains("Chưa lưu"), "{}", h.screen());
    assert!(
        h.screen().contains("phải là số từ 0 đến 100"),
        "{}",
        h.screen()
    );
    assert_eq!(h.app.store.rule_settings().unwrap(), Default::default());
    h.keys("<Backspace><Backspace><Backspace>66<Tab><Tab>Nghị quyết chi bộ tháng 11<C-s>");
    let status = h.status_line();
    assert!(
        status.contains("Đã lưu: ghi quy định «Số đảng viên dự họp tối thiểu"),
        "{}",
        h.screen()
    );
    let saved = h.app.store.rule_settings().unwrap();
    assert_eq!(saved.overrides.len(), 1);
    assert_eq!(saved.overrides[0].value, 66);
    assert_eq!(saved.overrides[0].who, "Trần Văn Hùng");
    assert_eq!(saved.overrides[0].reason, "Nghị quyết chi bộ tháng 11");
    assert_eq!(rules::value(RuleId::QuorumPercent), 66, "in force at once");
    // The next key closes the message; the row shows the branch's value and why.
    h.keys("<Up><Down>");
    let screen = h.screen();
    assert!(screen.contains("chi bộ đã đổi"), "{screen}");
    assert!(screen.contains("chi bộ đặt 66"), "{screen}");
    // Ctrl+Z names the rule and puts the table's value back.
    h.keys("<C-z>");
    assert!(
        h.status_line()
            .contains("quy định «Số đảng viên dự họp tối thiểu"),
        "{}",
        h.screen()
    );
    assert_eq!(h.app.store.rule_settings().unwrap(), Default::default());
    assert_eq!(rules::value(RuleId::QuorumPercent), 50);
    h.keys("<C-y>");
    assert_eq!(rules::value(RuleId::QuorumPercent), 66);
    rules::install(Default::default());
}

#[test]
fn a_verified_rule_is_not_a_setting_and_typing_changes_nothing() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-q><Enter>");
    assert!(h.app.form.is_none());
    assert!(
        h.status_line().contains("đã đối chiếu văn bản"),
        "{}",
        h.screen()
    );
    // Typing is never a command on this screen.
    h.keys("<Esc><A-q>66");
    assert!(h.app.form.is_none());
    assert_eq!(h.app.store.rule_settings().unwrap(), Default::default());
}

#[test]
fn the_2027_holidays_show_as_unverified_settings_with_their_sources() {
    // #22.4: no official 2027 notice found; the Tết days and 24/11 are branch settings.
    let mut h = Harness::demo(&[]);
    h.keys("<A-q><End>");
    let screen = h.screen();
    assert!(
        screen.contains("Tết 2027: số ngày nghỉ trước mùng Một"),
        "{screen}"
    );
    assert!(screen.contains("Ngày Văn hóa Việt Nam 24/11"), "{screen}");
    for id in [RuleId::Tet2027DaysBefore, RuleId::CultureDayOff] {
        let r = rules::rule(id);
        assert_eq!(r.certainty, rules::Certainty::Unverified, "{id:?}");
        assert!(r.setting.is_some(), "{id:?}");
    }
    assert!(
        rules::rule(RuleId::Tet2027DaysBefore)
            .source
            .contains("Chưa tìm thấy thông báo chính thức lịch nghỉ Tết 2027")
    );
    assert!(
        rules::rule(RuleId::CultureDayOff)
            .source
            .contains("Nghị quyết 80-NQ/TW (07/01/2026)")
    );
}
