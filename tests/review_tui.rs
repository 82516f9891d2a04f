//! The annual review through the keys: a self-review, the branch's proposal with its vote,
//! the ward's final grade and the lock; the HTXSNV cap warning; a monthly self-assessment
//! entered from a thematic meeting's roll call.

use crate::common;

use chrono::Datelike;
use common::{Harness, today};
use sochibo::app::screens::review::{self as ar, ReviewNotice};
use sochibo::app::{Notice, Screen};
use sochibo::domain::meeting::{MeetingKind, Threshold, Vote, vote_outcome};
use sochibo::domain::review::{self as rv, Grade};

/// Moves the cursor to the first member who is reviewed; returns the id.
fn go_to_first_reviewable(h: &mut Harness) -> u64 {
    let rows = ar::rows(&h.app);
    let i = rows.iter().position(|r| r.excluded.is_none()).unwrap();
    h.keys(&"<Down>".repeat(i));
    rows[i].id
}

#[test]
fn self_review_proposal_vote_final_grade_then_the_record_locks() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-8>");
    assert!(
        h.screen()
            .contains("xếp loại chất lượng đảng viên năm 2026"),
        "{}",
        h.screen()
    );
    let id = go_to_first_reviewable(&mut h);
    let year = today().year();

    // The year-end self-review: four sections, score 85, self-proposed grade HTTNV.
    h.keys("<F5>");
    assert!(
        h.screen().contains("Bản tự kiểm điểm cuối năm"),
        "{}",
        h.screen()
    );
    h.keys("Gương mẫu, nhiệt tình<Tab>Còn chậm đổi mới<Tab>Tuổi cao<Tab>Học tập thêm<Tab>85<Tab><Right><Right><C-s>");
    assert!(h.screen().contains("Đã lưu"), "{}", h.screen());
    let r = h
        .app
        .store
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(k, _)| *k == (year, id))
        .unwrap()
        .1;
    assert_eq!(r.strengths, "Gương mẫu, nhiệt tình");
    assert_eq!(r.remedies, "Học tập thêm");
    assert_eq!(r.self_score, Some(85));
    assert_eq!(r.self_grade, Some(Grade::Good));

    // The branch proposes HTTNV; 12 for, 1 against. No year-end meeting in the demo year,
    // so the denominator is every official member not exempt and not away.
    h.keys("<F6>");
    assert!(
        h.screen().contains("Chi bộ nhận xét, đề xuất xếp loại"),
        "{}",
        h.screen()
    );
    h.keys("Chi bộ nhất trí<Tab><Right><Right><Tab>20<Tab>1<Tab>0<C-s>");
    let members = ar::members(&h.app);
    let rows = rv::vote_rows(&members, None, rv::review_date(year, []));
    let expected = vote_outcome(
        &Vote {
            subject: String::new(),
            threshold: Threshold::Majority,
            yes: 20,
            no: 1,
            abstain: 0,
        },
        &rows,
    )
    .unwrap();
    let r = h.app.review.record(year, id);
    assert_eq!(r.proposed, Some(Grade::Good));
    let v = r.vote.unwrap();
    assert_eq!(
        (v.yes, v.no, v.denominator, v.passed),
        (20, 1, expected.denominator, true)
    );
    assert!(
        v.denominator > 20 && expected.passed,
        "the demo branch has more official members"
    );

    // The ward decides; the record locks.
    h.keys("<F9><Tab>15-QĐ/ĐU<C-s>");
    let r = h
        .app
        .store
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(k, _)| *k == (year, id))
        .unwrap()
        .1;
    assert_eq!(r.final_grade, Some(Grade::Good));
    assert_eq!(r.decision, "15-QĐ/ĐU");
    assert_eq!(r.decided_on, Some(today()));
    assert!(h.screen().contains("HTTNV 15-QĐ/ĐU"), "{}", h.screen());
    assert!(
        h.screen()
            .contains("Đảng ủy đã quyết định xếp loại \"Hoàn thành tốt"),
        "{}",
        h.screen()
    );

    for key in ["<F5>", "<F6>", "<F9>", "<F4>"] {
        h.keys(key);
        assert!(
            h.app.form.is_none(),
            "{key} opened a form on a locked record"
        );
        assert!(
            matches!(
                h.app.notice,
                Some(Notice::Review(ReviewNotice::Locked(Grade::Good, _)))
            ),
            "{:?}",
            h.app.notice
        );
    }
    assert!(
        h.screen().contains("Đảng ủy đã quyết định xếp loại"),
        "{}",
        h.screen()
    );
}

#[test]
fn an_excellent_proposal_over_the_cap_shows_the_warning() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-8>");
    go_to_first_reviewable(&mut h);
    // HTXSNV (first choice) while few are proposed HTTNV this year: over 20% of them.
    h.keys("<F6><Tab><Right><C-s>");
    let screen = h.screen();
    assert!(screen.contains("vượt 20%"), "{screen}");
    match &h.app.notice {
        Some(Notice::Review(ReviewNotice::Saved(w))) => assert!(
            w.iter().any(|w| matches!(
                w,
                rv::ReviewWarning::OverCap { excellent, good, cap }
                    if *excellent > *cap && *cap == rv::excellent_cap(*good)
            )),
            "{w:?}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_monthly_self_assessment_is_entered_from_a_thematic_meeting_roll_call() {
    let mut h = Harness::demo(&[]);
    let (mid, m) = h
        .app
        .meetings
        .list
        .iter()
        .find(|(_, m)| m.kind == MeetingKind::Thematic)
        .cloned()
        .unwrap();
    let row = m
        .attendance
        .iter()
        .position(|r| !r.status.is_exempt())
        .unwrap();
    let member = m.attendance[row].member;
    // Open the meeting's roll call on that row (the list navigation is tested elsewhere).
    h.app.screen = Screen::Meetings;
    h.app.meetings.open = Some(mid);
    h.app.meetings.tab = sochibo::app::screens::meetings::Tab::Roll;
    h.app.meetings.cursor = row;
    h.keys("<C-t>");
    assert!(
        h.screen().contains("Đảng viên tự đánh giá trong tháng"),
        "{}",
        h.screen()
    );
    h.keys("Đã thực hiện đúng kế hoạch<C-s>");
    let r = h.app.review.record(m.date.year(), member);
    let notes: Vec<_> = r.monthly.iter().filter(|n| n.date == m.date).collect();
    assert_eq!(notes.len(), 1, "one note per meeting, replaced");
    assert_eq!(notes[0].text, "Đã thực hiện đúng kế hoạch");
    // Visible month by month in the review.
    h.keys("<A-8>");
    let i = ar::rows(&h.app)
        .iter()
        .position(|r| r.id == member)
        .unwrap();
    h.keys(&"<Down>".repeat(i));
    let want = format!("T{}: Đã thực hiện", m.date.month());
    // The note may wrap across lines of the detail pane.
    let flat = h.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&want), "{}", h.screen());

    // A regular meeting refuses.
    let (rid, _) = h
        .app
        .meetings
        .list
        .iter()
        .find(|(_, m)| m.kind == MeetingKind::Regular)
        .cloned()
        .unwrap();
    h.app.screen = Screen::Meetings;
    h.app.meetings.open = Some(rid);
    h.app.meetings.cursor = 0;
    h.keys("<C-t>");
    assert!(h.app.form.is_none());
    assert!(matches!(
        h.app.notice,
        Some(Notice::Review(ReviewNotice::NotThematic))
    ));
}

#[test]
fn ctrl_l_shows_the_selected_members_grades_across_the_years() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-8>");
    let id = go_to_first_reviewable(&mut h);
    let name = ar::rows(&h.app)
        .into_iter()
        .find(|r| r.id == id)
        .unwrap()
        .name;
    assert!(
        !h.screen().contains("Xếp loại qua các năm"),
        "{}",
        h.screen()
    );
    h.keys("<C-l>");
    let screen = h.screen();
    assert!(
        screen.contains(&format!("{name} — Xếp loại qua các năm")),
        "{screen}"
    );
    // Each year the member has a grade for, as the store holds it.
    let grades = h.app.review.grades_of(id);
    assert!(
        !grades.is_empty(),
        "the sample member was graded in earlier years"
    );
    for (y, g, _) in grades {
        assert!(
            screen.contains(&format!("{y}: {}", g.code())),
            "{y} {screen}"
        );
    }
    h.keys("<C-l>");
    assert!(
        !h.screen().contains("Xếp loại qua các năm"),
        "Ctrl+L toggles back"
    );
}
