//! Quorum at the vote (#22.8) through the keys: a vote saved while those present are
//! below the quorum of the members who must attend is refused with "rule — source" and
//! nothing is saved; the roll call itself is recorded; one more present and it saves.

use crate::common;

use common::{Harness, today};
use sochibo::domain::acts;
use sochibo::domain::meeting::{self, Meeting};

/// An app with the demo members, no meetings, and a new meeting with its roll unmarked.
fn new_meeting() -> Harness {
    let mut h = Harness::demo_with_meetings(&[], today());
    h.keys("<A-3><F7><C-s>");
    assert!(h.screen().contains("Điểm danh"), "{}", h.screen());
    h
}

/// Marks members present one by one (Enter) until `present` of those who must attend are.
fn mark_until(h: &mut Harness, present: u32) {
    h.keys("<Home>");
    while meeting::counts(&(h).newest_meeting().1.attendance).present_expected < present {
        h.keys("<Enter>");
    }
    assert_eq!(
        meeting::counts(&(h).newest_meeting().1.attendance).present_expected,
        present
    );
}

#[test]
fn quorum_percent_a_vote_below_quorum_is_refused_and_one_more_present_saves_it() {
    let mut h = new_meeting();
    let c = meeting::counts(&h.newest_meeting().1.attendance);
    let q = acts::quorum(0, c.must_attend);
    assert_eq!(c.must_attend, 31, "33 in the branch, 2 exempt");
    assert_eq!(q.needed, 16, "more than half of 31");

    // One short of the quorum: the roll call is recorded, the vote is refused.
    mark_until(&mut h, q.needed - 1);
    h.keys("<Tab><Tab><F7>Thông qua nghị quyết tháng<C-s>");
    let screen = h.screen();
    assert!(h.app.form.is_some(), "the form stays open: {screen}");
    assert!(h.newest_meeting().1.votes.is_empty(), "nothing saved");
    let expected = format!(
        "Chưa biểu quyết được: cần hơn 50% số đảng viên phải dự họp có mặt, tức ít nhất 16/31 \
         (có mặt 15/31) — {}",
        sochibo::domain::rules::rule(sochibo::domain::rules::RuleId::QuorumPercent).source
    );
    let words = sochibo::i18n::rules::catalogue(sochibo::i18n::Lang::Vi).refusal(
        &acts::Refusal::NoQuorum(acts::Quorum {
            present: 15,
            must_attend: 31,
            needed: 16,
        }),
    );
    assert_eq!(words, expected);
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Chưa biểu quyết được"), "{screen}");

    // Back to the roll: one more present; the same vote now saves.
    h.keys("<Esc>");
    if h.app.form.is_some() {
        // A form with typed text asks before discarding it.
        h.keys("<A-c>");
    }
    h.keys("<S-Tab><S-Tab>");
    mark_until(&mut h, q.needed);
    h.keys("<Tab><Tab><F7>Thông qua nghị quyết tháng<C-s>");
    let m = h.newest_meeting().1;
    assert_eq!(m.votes.len(), 1, "{}", h.screen());
    assert_eq!(m.votes[0].yes, meeting::voters_present(&m.attendance));
}

#[test]
fn quorum_percent_exempt_members_present_do_not_make_the_quorum() {
    // The exempt members come (they may), but they are not counted towards the quorum.
    let mut h = new_meeting();
    let m = h.newest_meeting().1;
    let exempt: Vec<usize> = m
        .attendance
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status.is_exempt())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(exempt.len(), 2);
    mark_until(&mut h, 15);
    let mut m = h.newest_meeting().1;
    for i in &exempt {
        m.attendance[*i].mark = meeting::Mark::Present;
    }
    let id = h.app.store.meetings().unwrap()[0].0;
    h.app.store.save_meeting(Some(id), &m).unwrap();
    h.app.meetings.upsert(id, m.clone());
    assert_eq!(meeting::counts(&m.attendance).present, 17);
    h.keys("<Tab><Tab><F7>Thông qua nghị quyết tháng<C-s>");
    assert!(h.newest_meeting().1.votes.is_empty(), "{}", h.screen());
}

#[test]
fn the_vote_has_no_typed_present_count() {
    // The count present comes from the roll call only: the vote form asks the subject,
    // the threshold and the tally, never how many were present (#22.1).
    let mut h = new_meeting();
    mark_until(&mut h, 20);
    h.keys("<Tab><Tab><F7>");
    let form = h.app.form.as_ref().expect("the vote form");
    let fields: Vec<String> = form
        .fields
        .iter()
        .map(|f| format!("{:?}", f.field))
        .collect();
    assert_eq!(
        fields,
        [
            "Meeting(VoteSubject)",
            "Meeting(VoteThreshold)",
            "Meeting(VoteYes)",
            "Meeting(VoteNo)",
            "Meeting(VoteAbstain)"
        ]
    );
}

#[test]
fn quorum_percent_a_grade_vote_at_the_year_end_meeting_needs_its_quorum() {
    use sochibo::app::screens::review as ar;
    use sochibo::domain::meeting::{Mark, MeetingKind};
    let mut h = new_meeting();
    // The year-end review meeting of 2026, its roll one short of the quorum.
    let members = ar::members(&h.app);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let mut m = Meeting::empty(9, 2025, MeetingKind::YearEndReview, date);
    m.attendance = meeting::roll_for(members.iter().map(|(id, m)| (*id, m)), date);
    let must = meeting::counts(&m.attendance).must_attend;
    let needed = acts::quorum(0, must).needed;
    let mut marked = 0;
    for r in m.attendance.iter_mut() {
        if !r.status.is_exempt() && r.status != sochibo::domain::member::Status::TemporarilyAway {
            if marked + 1 < needed {
                r.mark = Mark::Present;
                marked += 1;
            } else {
                r.mark = Mark::Unexcused;
            }
        }
    }
    let id = h.app.store.save_meeting(None, &m).unwrap();
    h.app.meetings.upsert(id, m.clone());

    h.keys("<A-8>");
    let rows = ar::rows(&h.app);
    let i = rows.iter().position(|r| r.excluded.is_none()).unwrap();
    h.keys(&"<Down>".repeat(i));
    let member = rows[i].id;
    let before = h.app.store.reviews().unwrap();
    h.keys("<F6>Chi bộ nhất trí<Tab><Right><Right><Tab>10<Tab>1<Tab>0<C-s>");
    assert!(h.app.form.is_some(), "refused: {}", h.screen());
    assert_eq!(h.app.store.reviews().unwrap(), before, "nothing saved");
    let flat: String = h.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Chưa biểu quyết được"), "{}", h.screen());

    // One more present at that meeting: the same vote saves.
    h.keys("<Esc>");
    if h.app.form.is_some() {
        h.keys("<A-c>");
    }
    let row = m
        .attendance
        .iter()
        .position(|r| r.mark == Mark::Unexcused)
        .unwrap();
    m.attendance[row].mark = Mark::Present;
    h.app.store.save_meeting(Some(id), &m).unwrap();
    h.app.meetings.upsert(id, m);
    h.keys("<F6>Chi bộ nhất trí<Tab><Right><Right><Tab>10<Tab>1<Tab>0<C-s>");
    assert!(h.app.form.is_none(), "{}", h.screen());
    let v = h.app.review.record(2026, member).vote.unwrap();
    assert_eq!((v.yes, v.no), (10, 1));
}
