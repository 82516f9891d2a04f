//! Every record kind, saved through the keys as a secretary would, is named in
//! Vietnamese, undone with Ctrl+Z (the store and the screen are back) and redone with
//! Ctrl+Y; no message shows an internal name.

use crate::common;

use std::collections::BTreeMap;

use common::{Harness, member, today};
use sochibo::app::Notice;
use sochibo::app::screens::{dues as ad, review as ar};
use sochibo::domain::dues::{self, Due, YearMonth};
use sochibo::domain::meeting::document_number;
use sochibo::i18n::Lang;

/// The store's tree names, which no message may show.
const INTERNAL: &[&str] = &[
    "members",
    "meetings",
    "meta",
    "candidates",
    "admission_targets",
    "dues_profiles",
    "dues_payments",
    "badges",
    "reviews",
    "review_years",
    "history",
];

/// Keys that clear a prefilled one-line field and type `s`.
fn retype(s: &str) -> String {
    format!("{}{s}", "<Backspace>".repeat(12))
}

/// Every record of every kind, as the store holds it.
fn stored(h: &Harness) -> String {
    let s = &h.app.store;
    format!(
        "{:?}",
        (
            s.members().unwrap(),
            s.meetings().unwrap(),
            s.branch().unwrap(),
            s.dues().unwrap(),
            s.badges().unwrap(),
            s.reviews().unwrap(),
            s.branch_years().unwrap(),
            s.candidates().unwrap(),
            s.admission_targets().unwrap(),
        )
    )
}

/// The screens hold what the store holds, for every kind.
fn screens_match_store(h: &Harness) {
    let s = &h.app.store;
    let roster: BTreeMap<_, _> = h
        .app
        .roster
        .entries()
        .iter()
        .map(|e| (e.id, e.member.clone()))
        .collect();
    assert_eq!(roster, s.members().unwrap().into_iter().collect());
    assert_eq!(h.app.branch, s.branch().unwrap());
    assert_eq!(h.app.dues.ledgers, s.dues().unwrap());
    assert_eq!(h.app.dues.badges, s.badges().unwrap());
    assert_eq!(
        h.app.review.records,
        s.reviews().unwrap().into_iter().collect()
    );
    assert_eq!(
        h.app.review.years,
        s.branch_years().unwrap().into_iter().collect()
    );
    assert_eq!(h.app.admission.list, s.candidates().unwrap());
    assert_eq!(h.app.admission.targets, s.admission_targets().unwrap());
}

/// The status-line notice's text after an undo or redo.
fn notice(h: &Harness) -> String {
    match &h.app.notice {
        Some(Notice::Undone(t) | Notice::Redone(t)) => t.clone(),
        other => panic!("no undo notice: {other:?}\n{}", h.screen()),
    }
}

/// Saves with `save`, checks it is named `what`, undoes it (store and screens back),
/// redoes it (store and screens as after the save).
fn save_undo_redo(h: &mut Harness, save: &str, what: &str) {
    save_undo_redo_with(h, save, |_| what.to_string());
}

/// [`save_undo_redo`], the name read after the save by `what`.
fn save_undo_redo_with(h: &mut Harness, save: &str, what: impl Fn(&Harness) -> String) {
    let before = stored(h);
    h.keys(save);
    let after = stored(h);
    assert!(before != after, "the keys saved nothing: {}", h.screen());
    assert!(h.app.form.is_none(), "the form closed: {}", h.screen());
    let what = &what(h);
    assert_eq!(h.app.last_saved.as_deref(), Some(what.as_str()));
    let saved = format!("Đã lưu: {what}");
    if saved.chars().count() < 70 {
        assert!(h.screen().contains(&saved), "{}", h.screen());
    }
    screens_match_store(h);

    h.keys("<C-z>");
    assert!(stored(h) == before, "undo puts every record back");
    screens_match_store(h);
    let text = notice(h);
    assert_eq!(text, format!("Đã hoàn tác: {what}"));
    for name in INTERNAL {
        assert!(!text.contains(name), "{text}");
    }
    assert_eq!(h.app.last_saved, None);
    if text.chars().count() < 70 {
        assert!(h.screen().contains(&text), "{}", h.screen());
    }

    h.keys("<C-y>");
    assert!(stored(h) == after, "redo puts the save back");
    screens_match_store(h);
    assert_eq!(notice(h), format!("Đã làm lại: {what}"));
}

/// Moves the dues tab's cursor to the first member who owes this month and has not
/// paid; returns their id and name.
fn go_to_unpaid(h: &mut Harness) -> (u64, String) {
    let month = h.app.dues.month;
    let rows = ad::dues_rows(&h.app.roster, month);
    let i = rows
        .iter()
        .position(|e| {
            let l = h.app.dues.ledger(e.id);
            l.payment(month).is_none() && matches!(dues::due(&e.member, &l, month), Due::Owed(_))
        })
        .expect("someone owes this month");
    let (id, name) = (rows[i].id, rows[i].member.full_name.clone());
    h.keys(&format!("<Home>{}", "<Down>".repeat(i)));
    (id, name)
}

#[test]
fn a_dues_payment() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-4>");
    let (id, name) = go_to_unpaid(&mut h);
    let month = YearMonth::of(today());
    save_undo_redo(
        &mut h,
        "<F4>",
        &format!("ghi đảng phí tháng {month} của {name}"),
    );
    assert!(h.app.dues.ledger(id).payment(month).is_some());
    // Cleared, then the clearing undone.
    h.keys(&format!(
        "<Home>{}",
        "<Down>".repeat(
            ad::dues_rows(&h.app.roster, month)
                .iter()
                .position(|e| e.id == id)
                .unwrap()
        )
    ));
    save_undo_redo(
        &mut h,
        "<F8>",
        &format!("xóa khoản đảng phí tháng {month} của {name}"),
    );
    assert!(h.app.dues.ledger(id).payment(month).is_none());
}

#[test]
fn a_dues_rate() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-4>");
    let (id, name) = go_to_unpaid(&mut h);
    let verb = if h.app.dues.ledger(id).profiles.is_empty() {
        "ghi"
    } else {
        "sửa"
    };
    save_undo_redo(
        &mut h,
        &format!(
            "<F2>{}<Tab><Right><Right><Tab>6.000.000<F2>",
            retype("01/2026")
        ),
        &format!("{verb} mức đóng đảng phí của {name}"),
    );
}

#[test]
fn a_badge_award_and_the_illness_mark() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-4><Tab>");
    let early = h
        .app
        .dues
        .badges
        .iter()
        .find(|(_, r)| r.serious_illness)
        .map(|(id, _)| *id)
        .expect("the demo has a member marked ill");
    let name = h.app.roster.get(early).unwrap().member.full_name.clone();
    // The previous presentation date lists the early badge.
    h.keys("<Left>");
    let rows = ad::badge_rows(&h.app);
    let i = rows.iter().position(|r| r.entry().id == early).unwrap();
    h.keys(&format!("<Home>{}", "<Down>".repeat(i)));
    let before = h.app.dues.badges[&early].awards.len();
    save_undo_redo_with(
        &mut h,
        &format!(
            "<F4><Tab>{}07/11/2026<Tab>Số 2150-QĐ/TU<F2>",
            "<Backspace>".repeat(10)
        ),
        |h| {
            let award = h.app.store.badges().unwrap()[&early].awards.last().cloned();
            let years = award.expect("an award was recorded").milestone;
            format!("ghi Huy hiệu {years} năm tuổi Đảng của {name}")
        },
    );
    assert_eq!(h.app.dues.badges[&early].awards.len(), before + 1);

    // Every member listed; F6 takes the illness mark off.
    h.keys("<F5>");
    let rows = ad::badge_rows(&h.app);
    let i = rows.iter().position(|r| r.entry().id == early).unwrap();
    h.keys(&format!("<Home>{}", "<Down>".repeat(i)));
    save_undo_redo(
        &mut h,
        "<F6>",
        &format!("bỏ đánh dấu bệnh hiểm nghèo của {name}"),
    );
    assert!(!h.app.dues.badges[&early].serious_illness);
}

/// Moves the review cursor to the first member who is reviewed; returns id and name.
fn go_to_first_reviewable(h: &mut Harness) -> (u64, String) {
    let rows = ar::rows(&h.app);
    let i = rows.iter().position(|r| r.excluded.is_none()).unwrap();
    h.keys(&format!("<Home>{}", "<Down>".repeat(i)));
    let id = rows[i].id;
    (id, h.app.roster.get(id).unwrap().member.full_name.clone())
}

#[test]
fn a_review_and_the_branch_classification() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-8>");
    let (id, name) = go_to_first_reviewable(&mut h);
    let year = h.app.review.year;
    let verb = if h.app.review.records.contains_key(&(year, id)) {
        "sửa"
    } else {
        "ghi"
    };
    save_undo_redo(
        &mut h,
        "<F5>Gương mẫu, nhiệt tình<Tab>Còn chậm đổi mới<Tab>Tuổi cao<Tab>Học tập thêm<Tab>85<Tab><Right><Right><F2>",
        &format!("{verb} đánh giá năm {year} của {name}"),
    );
    assert_eq!(h.app.review.record(year, id).self_score, Some(85));

    let verb = if h.app.review.years.contains_key(&year) {
        "sửa"
    } else {
        "ghi"
    };
    // Ctrl+S: F2 is taken as text by a multi-line field (the note) on main today.
    save_undo_redo(
        &mut h,
        "<C-g><Right><Tab>Số 15-QĐ/ĐU<C-s>",
        &format!("{verb} xếp loại chi bộ năm {year}"),
    );
}

#[test]
fn a_candidate_a_step_and_the_yearly_target() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-7>");
    save_undo_redo(
        &mut h,
        &format!(
            "<F7>Trịnh Minh Khôi<Tab><Right><Tab>12/03/1998<Tab><Right><Tab>Chi đoàn TDP Hòa Bình<Tab><Right><Tab>{}<Tab>01-NQ/CB<F2>",
            retype("10/01/2026")
        ),
        "thêm hồ sơ kết nạp của Trịnh Minh Khôi",
    );
    // The card of the new candidate, and its next step: the course.
    let (cid, _) = h
        .app
        .admission
        .list
        .iter()
        .find(|(_, c)| c.person.full_name == "Trịnh Minh Khôi")
        .cloned()
        .unwrap();
    h.app.admission.select(cid, today());
    h.keys("<Enter>");
    assert_eq!(h.app.admission.open, Some(cid), "{}", h.screen());
    save_undo_redo(
        &mut h,
        &format!("<F4><Tab>{}<F2>", retype("20/02/2026")),
        "ghi bước kết nạp «Học lớp bồi dưỡng nhận thức về Đảng» của Trịnh Minh Khôi",
    );
    h.keys("<Esc>");
    assert_eq!(h.app.admission.open, None);
    save_undo_redo(
        &mut h,
        &format!("<F6><Tab>{}<F2>", retype("5")),
        "đặt chỉ tiêu kết nạp năm 2026",
    );
    assert_eq!(h.app.admission.target(2026), Some(5));
}

fn an() -> sochibo::domain::member::Member {
    member("Nguyễn Văn An", "05/03/1950", "10/01/1975", "12345678")
}

#[test]
fn a_member_an_event_and_the_branch_profile() {
    let mut h = Harness::demo(&[an()]);
    h.keys("<A-1>/nguyen van an<Enter>");
    let id = h.app.detail.expect("the card is open");
    save_undo_redo(&mut h, "<F2><Tab>Út<F2>", "sửa hồ sơ Nguyễn Văn An");
    assert_eq!(h.app.roster.get(id).unwrap().member.other_name, "Út");
    // An exemption, recorded on the card.
    save_undo_redo_with(
        &mut h,
        "<F4><Tab><Tab><Right><Right><Tab>21/05/2027<Tab>15/11/2026<Tab>09-NQ/CB<F2>",
        |h| {
            let m = h.app.store.member(id).unwrap().unwrap();
            let kind = m.events.last().unwrap().kind;
            format!(
                "ghi sự kiện «{}» của Nguyễn Văn An",
                Lang::Vi.cat().event(kind)
            )
        },
    );
    h.keys("<Esc><A-2>");
    save_undo_redo(&mut h, "<F2> mới<F2>", "sửa thông tin chi bộ");
    assert_eq!(
        h.app.branch.as_ref().unwrap().name,
        "Chi bộ Tổ dân phố Hòa Bình mới"
    );
}

#[test]
fn a_meeting() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-3>");
    let before: Vec<u64> = h
        .app
        .store
        .meetings()
        .unwrap()
        .iter()
        .map(|(id, _)| *id)
        .collect();
    save_undo_redo_with(&mut h, "<F7><F2>", |h| {
        let (_, m) = h
            .app
            .store
            .meetings()
            .unwrap()
            .into_iter()
            .find(|(id, _)| !before.contains(id))
            .expect("a new meeting");
        format!("thêm biên bản {}", document_number(m.number))
    });
}

#[test]
fn the_ceremony_saves_the_candidate_and_the_new_member_and_undoes_both() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-7>");
    let (cid, _) = h
        .app
        .admission
        .list
        .iter()
        .find(|(_, c)| c.person.full_name == "Vũ Đức Thắng")
        .cloned()
        .expect("the demo has a candidate at the decision");
    h.app.admission.select(cid, today());
    h.keys("<Enter>");
    let members = h.app.roster.entries().len();
    save_undo_redo(
        &mut h,
        "<F4><Tab><Tab><Tab><Tab><Tab><Tab>Đảng ủy phường đồng ý<F2>",
        "ghi bước kết nạp «Lễ kết nạp» của Vũ Đức Thắng",
    );
    assert_eq!(h.app.roster.entries().len(), members + 1);
    h.keys("<C-z>");
    assert_eq!(h.app.roster.entries().len(), members);
    assert!(h.app.admission.get(cid).unwrap().member.is_none());
}

#[test]
fn in_english_too() {
    let mut h = Harness::build(true, &[], None, Lang::En);
    h.keys("<A-4>");
    let (_, name) = go_to_unpaid(&mut h);
    h.keys("<F4>");
    let month = YearMonth::of(today());
    let what = format!("recorded the party dues of {month} of {name}");
    assert_eq!(h.app.last_saved.as_deref(), Some(what.as_str()));
    h.keys("<C-z>");
    let text = notice(&h);
    assert_eq!(text, format!("Undone: {what}"));
    assert!(h.screen().contains(&text), "{}", h.screen());
}
