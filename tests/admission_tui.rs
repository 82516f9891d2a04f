//! The admission pipeline through the keys: a candidate put on the sympathiser list is
//! taken through every stage to the ceremony; the roster gains a probationary member
//! with the right dates, and the board shows the recognition deadline. Rules that are
//! not met stop a step until a reason is given.

use crate::common;
use crate::common::d;

use common::{Harness, today};
use sochibo::domain::admission::{self, Stage, Standing};
use sochibo::domain::date::format_date;
use sochibo::domain::member::{EventKind, Status};

/// Keys that clear a prefilled one-line field and type `s`.
fn retype(s: &str) -> String {
    format!("{}{s}", "<Backspace>".repeat(12))
}

/// The number entitled to vote on `on`, computed from the roll (#22.1: the form's figure
/// must match it unless a reason is given).
fn computed_den(h: &Harness, on: chrono::NaiveDate) -> u32 {
    let ms = h.app.store.members().unwrap();
    let refs: Vec<_> = ms.iter().map(|(id, m)| (*id, m)).collect();
    admission::default_denominator(&refs, on)
}

/// Opens the step form, replaces the date, types the rest and saves.
fn step(h: &mut Harness, date: &str, rest: &str) {
    h.keys(&format!("<F4><Tab>{}{rest}<C-s>", retype(date)));
}

fn candidate(h: &Harness, name: &str) -> (u64, admission::Candidate) {
    h.app
        .store
        .candidates()
        .unwrap()
        .into_iter()
        .find(|(_, c)| c.person.full_name == name)
        .expect("the candidate is stored")
}

#[test]
fn a_candidate_from_the_sympathiser_list_to_the_ceremony() {
    let mut h = Harness::demo(&[]);
    let members_before = h.app.store.members().unwrap().len();
    h.keys("<A-7>");
    assert!(h.screen().contains("7 Kết nạp"), "{}", h.screen());

    // Put on the list: name, sex, birth date, source, unit, helper, listing date and resolution.
    h.keys("<F7>");
    assert!(
        h.screen()
            .contains("Thêm quần chúng vào danh sách cảm tình Đảng")
    );
    h.keys(&format!(
        "Trịnh Minh Khôi<Tab><Right><Tab>12/03/1998<Tab><Right><Tab>Chi đoàn TDP Hòa Bình<Tab><Right><Tab>{}<Tab>01-NQ/CB<C-s>",
        retype("10/01/2026")
    ));
    let screen = h.screen();
    assert!(h.status_line().contains("Đã lưu"), "{screen}");
    assert!(screen.contains("Trịnh Minh Khôi"), "{screen}");
    let (_, c) = candidate(&h, "Trịnh Minh Khôi");
    assert_eq!(c.stage(), Some(Stage::Listed));
    assert_eq!(c.steps[0].date, d(2026, 1, 10));
    assert_eq!(c.steps[0].document.number, "01-NQ/CB");
    assert!(c.helper.is_some());

    // The new candidate is selected: open the card.
    h.keys("<Enter>");
    let screen = h.screen();
    assert!(screen.contains("Quần chúng: Trịnh Minh Khôi"), "{screen}");
    assert!(
        screen.contains("Học lớp bồi dưỡng nhận thức về Đảng"),
        "{screen}"
    );

    // Skipping ahead is impossible: the step form only offers the next stage.
    h.keys("<F4>");
    assert!(
        h.screen()
            .contains("‹ Học lớp bồi dưỡng nhận thức về Đảng ›")
    );
    h.keys("<Esc>");

    step(&mut h, "15/03/2026", "<Tab>112/GCN");
    assert_eq!(
        candidate(&h, "Trịnh Minh Khôi").1.stage(),
        Some(Stage::Course)
    );
    // A mistake is taken back with x (asked first), then recorded again.
    h.keys("<F8>");
    assert!(
        h.screen()
            .contains("Xóa bước ghi gần nhất của Trịnh Minh Khôi"),
        "{}",
        h.screen()
    );
    h.keys("<A-c>");
    assert_eq!(
        candidate(&h, "Trịnh Minh Khôi").1.stage(),
        Some(Stage::Listed)
    );
    step(&mut h, "15/03/2026", "<Tab>112/GCN");
    step(&mut h, "01/04/2026", "");
    step(&mut h, "05/04/2026", "");
    // Vetting needs its conclusion.
    step(&mut h, "20/05/2026", "");
    assert!(h.screen().contains("không được để trống"), "{}", h.screen());
    // The form focuses the refused field.
    h.keys("Lý lịch rõ ràng<C-s>");
    assert!(h.status_line().contains("Đã ghi bước"), "{}", h.screen());

    // Sponsors: the second one has known the candidate for only 10 months: refused…
    step(
        &mut h,
        "01/06/2026",
        "<Tab><Right><Tab>01/01/2020<Tab><Right><Right><Tab>02/07/2025",
    );
    let screen = h.screen();
    assert!(screen.contains("mới quen biết người xin vào"), "{screen}");
    assert!(screen.contains("cần ít nhất 12 tháng"), "{screen}");
    assert_eq!(
        candidate(&h, "Trịnh Minh Khôi").1.stage(),
        Some(Stage::Vetting)
    );
    // … until the date is corrected to 12 months (the refused field has the focus).
    h.keys(&format!("{}<C-s>", retype("01/06/2025")));
    assert!(h.status_line().contains("Đã ghi bước"), "{}", h.screen());
    let (_, c) = candidate(&h, "Trịnh Minh Khôi");
    assert_eq!(c.step(Stage::Sponsors).unwrap().sponsors.len(), 2);

    step(&mut h, "10/06/2026", "");
    // The branch vote on the computed number entitled to vote: 14 of 25 is short of two
    // thirds, and 25 typed over the computed figure needs a reason (#22.1).
    let den = computed_den(&h, d(2026, 7, 15));
    assert_ne!(den, 25);
    step(
        &mut h,
        "15/07/2026",
        &format!("<Tab><Tab>14<Tab><Tab><Tab>{}", retype("25")),
    );
    let screen = h.screen();
    assert!(screen.contains("chưa đủ 2/3"), "{screen}");
    assert!(
        screen.contains(&format!("ngày biểu quyết là {den}")),
        "{screen}"
    );
    // The focus is on the first refused field (the yes votes), then on the figure.
    let yes = den * 2 / 3 + 1;
    h.keys(&format!("{}<C-s>", retype(&yes.to_string())));
    assert!(!h.screen().contains("Đã ghi bước"), "{}", h.screen());
    h.keys(&format!("{}<C-s>", retype(&den.to_string())));
    assert!(h.status_line().contains("Đã ghi bước"), "{}", h.screen());
    let (_, c) = candidate(&h, "Trịnh Minh Khôi");
    let tally = c.step(Stage::BranchVote).unwrap().tally.unwrap();
    assert_eq!((tally.yes, tally.denominator), (yes, den));

    // The ward committee's decision needs its number.
    step(&mut h, "03/09/2026", "");
    assert!(h.screen().contains("không được để trống"), "{}", h.screen());
    h.keys("215-QĐ/ĐU<C-s>");
    // The ceremony, 20 working days after the decision.
    step(&mut h, "01/10/2026", "");
    let screen = h.screen();
    assert!(
        h.status_line()
            .contains("Đã kết nạp, thêm vào danh sách đảng viên dự bị: Trịnh Minh Khôi"),
        "{screen}"
    );

    // The roster gained a probationary member with the ceremony's date.
    let members = h.app.store.members().unwrap();
    assert_eq!(members.len(), members_before + 1);
    let (mid, m) = members
        .iter()
        .find(|(_, m)| m.full_name == "Trịnh Minh Khôi")
        .unwrap();
    assert_eq!(m.admitted_on(), Some(d(2026, 10, 1)));
    assert_eq!(m.recognized_on(), None);
    assert_eq!(m.status_at(today()), Status::Probationary);
    assert_eq!(m.birth_date, Some(d(1998, 3, 12)));
    let admitted = m
        .events
        .iter()
        .find(|e| e.kind == EventKind::Admitted)
        .unwrap();
    assert_eq!(admitted.papers.decision, "215-QĐ/ĐU");
    assert_eq!(admitted.papers.decided_on, Some(d(2026, 9, 3)));
    let (_, c) = candidate(&h, "Trịnh Minh Khôi");
    assert_eq!(c.member, Some(*mid));
    assert_eq!(c.standing(), Standing::InProgress);
    assert_eq!(c.probation_end(), Some(d(2027, 10, 1)));

    // The card shows the recognition deadline; so does the board.
    let deadline = admission::recognition_deadline(d(2027, 10, 1));
    let screen = h.screen();
    assert!(
        screen.contains("Dự bị (Ngày vào Đảng: 01/10/2026)"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "xét công nhận chính thức từ 01/10/2027 đến {}",
            format_date(deadline)
        )),
        "{screen}"
    );
    h.keys("<Esc>");
    let screen = h.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("Trịnh Minh Khôi"))
        .expect("the board lists the new member until recognition");
    assert!(row.contains("Xét chính thức"), "{row}");
    assert!(
        row.contains(&format!("01/10/2027–{}", format_date(deadline))),
        "{row}"
    );

    // On screen 1, the new member is there as dự bị.
    h.keys("<A-1>trinh minh khoi<Enter>");
    assert!(h.screen().contains("Dự bị"), "{}", h.screen());

    // After the ceremony the member record is the one truth (issue 23 item 1): editing the
    // candidate changes the member, editing the member changes the candidate, and one undo
    // takes back both records of one save.
    let names = |h: &Harness| {
        let (_, c) = h
            .app
            .store
            .candidates()
            .unwrap()
            .into_iter()
            .find(|(_, c)| c.member.is_some() && c.person.full_name.starts_with("Trịnh Minh Khôi"))
            .expect("the admitted candidate");
        let m = h.app.store.members().unwrap();
        let member = &m.iter().find(|(id, _)| Some(*id) == c.member).unwrap().1;
        (c.person.full_name.clone(), member.full_name.clone())
    };
    let wipe = "<Backspace>".repeat(40);
    h.keys(&format!(
        "<Esc><A-7>trinh minh khoi<Enter><F2>{wipe}Trịnh Minh Khôi Nguyên<C-s>"
    ));
    let both = "Trịnh Minh Khôi Nguyên".to_string();
    assert_eq!(names(&h), (both.clone(), both.clone()), "{}", h.screen());
    h.keys(&format!(
        "<Esc><A-1>trinh minh khoi nguyen<Enter><F2>{wipe}Trịnh Minh Khôi<C-s>"
    ));
    let back = "Trịnh Minh Khôi".to_string();
    assert_eq!(names(&h), (back.clone(), back), "{}", h.screen());
    h.keys("<Esc><C-z>");
    assert_eq!(names(&h), (both.clone(), both), "{}", h.screen());
}

#[test]
fn a_late_ceremony_needs_a_recorded_reason() {
    let mut h = Harness::demo(&[]);
    // The demo's overdue candidate is first on the board.
    h.keys("<A-7>");
    let screen = h.screen();
    assert!(screen.contains("Quá hạn (1)"), "{screen}");
    h.keys("<Enter>");
    assert!(
        h.screen().contains("Quần chúng: Vũ Đức Thắng"),
        "{}",
        h.screen()
    );
    assert!(h.screen().contains("quá 30 ngày"), "{}", h.screen());
    let before = h.app.store.members().unwrap().len();
    h.keys("<F4><C-s>");
    let screen = h.screen();
    assert!(h.status_line().contains("Chưa lưu"), "{screen}");
    assert_eq!(
        h.app.store.members().unwrap().len(),
        before,
        "nothing saved"
    );
    // The refused date has the focus; the reason field comes after the responsible person.
    h.keys("<Tab><Tab><Tab><Tab><Tab>Đảng ủy phường đồng ý ngày 10/11/2026<C-s>");
    let screen = h.screen();
    assert!(h.status_line().contains("Đã kết nạp"), "{screen}");
    assert_eq!(h.app.store.members().unwrap().len(), before + 1);
    let (_, c) = candidate(&h, "Vũ Đức Thắng");
    let ceremony = c.step(Stage::Ceremony).unwrap();
    assert_eq!(
        ceremony.override_reason,
        "Đảng ủy phường đồng ý ngày 10/11/2026"
    );
    assert!(matches!(
        ceremony.checks[0],
        admission::Check::CeremonyLate { .. }
    ));
    // Next comes the recognition vote; the optional new members' course can be chosen
    // instead, and the form follows the chosen step.
    h.keys("<F4>");
    assert!(h.screen().contains("‹ Chi bộ xét công nhận chính thức ›"));
    assert!(h.screen().contains("Tán thành"));
    h.keys("<Right>");
    assert!(h.screen().contains("‹ Lớp bồi dưỡng đảng viên mới ›"));
    assert!(!h.screen().contains("Tán thành"), "{}", h.screen());
    h.keys("<Esc><A-c>");
    assert!(h.app.form.is_none(), "{}", h.screen());
    // The ceremony is on the roster: it cannot be undone from here.
    h.keys("<F8>");
    assert!(
        h.status_line().contains("không xóa ở đây"),
        "{}",
        h.screen()
    );
}

#[test]
fn the_yearly_target_and_progress() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-7>");
    assert!(
        h.screen()
            .contains("Năm 2026: chưa đặt chỉ tiêu, đã kết nạp")
    );
    h.keys(&format!("<F6><Tab>{}<C-s>", retype("5")));
    let screen = h.screen();
    let admitted =
        admission::admitted_in_year(h.app.store.members().unwrap().iter().map(|(_, m)| m), 2026);
    assert!(
        screen.contains(&format!(
            "Năm 2026: chỉ tiêu 5, đã kết nạp {admitted}, còn {}",
            5 - admitted
        )),
        "{screen}"
    );
    assert_eq!(
        h.app.store.admission_targets().unwrap(),
        vec![admission::Target {
            year: 2026,
            count: 5
        }]
    );
}

#[test]
fn recognition_from_the_end_of_probation_and_failing_it() {
    // The demo's probationary member whose probation ends on 15/12/2026.
    let mut h = Harness::demo(&[]);
    h.keys("<A-7>");
    let screen = h.screen();
    let row = screen.lines().find(|l| l.contains("Tô Văn Ước")).unwrap();
    assert!(row.contains("15/12/2026–"), "due next month\n{row}");
    let (cid, c) = candidate(&h, "Tô Văn Ước");
    let mid = c.member.unwrap();
    // Today is before the end of probation: the card says why the vote must wait.
    h.app.admission.select(cid, today());
    h.keys("<Enter>");
    assert!(
        h.screen()
            .contains("chưa hết 12 tháng dự bị (hết ngày 15/12/2026)"),
        "{}",
        h.screen()
    );
    // Weeks later, the branch votes to propose removal instead.
    h.app.today = d(2027, 1, 20);
    h.app.roster = sochibo::app::roster::Roster::new(h.app.store.members().unwrap(), h.app.today);
    let den = computed_den(&h, d(2027, 1, 20));
    h.keys(&format!(
        "<F4><Tab>{}<Tab><Right><Tab><Tab>{den}<Tab><Tab><Tab>{}<C-s>",
        retype("20/01/2027"),
        retype(&den.to_string())
    ));
    let screen = h.screen();
    assert!(
        h.status_line()
            .contains("Đã ghi đề nghị xóa tên vào hồ sơ đảng viên: Tô Văn Ước"),
        "{screen}"
    );
    let m = h.app.store.member(mid).unwrap().unwrap();
    let e = m.events.last().unwrap();
    assert_eq!(e.kind, EventKind::RemovalProposed);
    assert_eq!(
        e.papers.removal_cause,
        Some(sochibo::domain::member::RemovalCause::FailedProbation)
    );
    assert_eq!(e.date, d(2027, 1, 20));
    assert_eq!(
        candidate(&h, "Tô Văn Ước").1.standing(),
        Standing::RemovalProposed
    );
}

#[test]
fn recognition_dates_from_the_end_of_probation_even_when_late() {
    let mut h = Harness::demo(&[]);
    let (cid, c) = candidate(&h, "Tô Văn Ước");
    let mid = c.member.unwrap();
    // Seen on 10/02/2027: probation ended on 15/12/2026, the vote is late: like a late
    // ceremony, recorded only with a reason, kept as the step's flag (#22.2).
    h.app.today = d(2027, 2, 10);
    h.app.roster = sochibo::app::roster::Roster::new(h.app.store.members().unwrap(), h.app.today);
    h.keys("<A-7>");
    h.app.admission.select(cid, h.app.today);
    h.keys("<Enter>");
    assert!(h.screen().contains("quá 30 ngày"), "{}", h.screen());
    let den = computed_den(&h, d(2027, 2, 5));
    h.keys(&format!(
        "<F4><Tab>{}<Tab><Tab><Tab>{den}<Tab><Tab><Tab>{}<C-s>",
        retype("05/02/2027"),
        retype(&den.to_string())
    ));
    let screen = h.screen();
    assert!(h.status_line().contains("Chưa lưu"), "{screen}");
    // The refused date has the focus; the reason field is the eleventh after it.
    h.keys(&format!(
        "{}Chi bộ họp chậm do Tết<C-s>",
        "<Tab>".repeat(11)
    ));
    let screen = h.screen();
    assert!(
        h.status_line()
            .contains("Đã ghi bước. Lưu ý: xét công nhận chính thức sau"),
        "{screen}"
    );
    let (_, c) = candidate(&h, "Tô Văn Ước");
    let vote = c.step(Stage::RecognitionVote).unwrap();
    assert_eq!(vote.override_reason, "Chi bộ họp chậm do Tết");
    h.keys(&format!(
        "<F4><Tab>{}<Tab>45-QĐ/ĐU<C-s>",
        retype("09/02/2027")
    ));
    let screen = h.screen();
    assert!(
        h.status_line()
            .contains("Đã công nhận đảng viên chính thức: Tô Văn Ước"),
        "{screen}"
    );
    let m = h.app.store.member(mid).unwrap().unwrap();
    assert_eq!(m.recognized_on(), Some(d(2026, 12, 15)), "end of probation");
    assert_eq!(m.status_at(d(2026, 12, 15)), Status::Official);
    let (_, c) = candidate(&h, "Tô Văn Ước");
    assert_eq!(c.standing(), Standing::Official);
    // Done: off the board, back on the board view.
    assert!(h.app.admission.open.is_none());
    assert!(
        !h.screen()
            .lines()
            .any(|l| l.contains("Tô Văn Ước") && l.contains("ngày")),
        "{}",
        h.screen()
    );
}

/// The step form's number entitled to vote, as shown.
fn den_field(h: &Harness) -> String {
    let form = h.app.form.as_ref().expect("the step form is open");
    form.fields
        .iter()
        .find(|f| {
            f.field
                == sochibo::app::form::FieldRef::Admission(admission::AdmissionField::Denominator)
        })
        .expect("the step has the number entitled to vote")
        .value()
}

#[test]
fn the_number_entitled_to_vote_follows_the_votes_date_until_typed_over() {
    let mut h = Harness::demo(&[]);
    let now = computed_den(&h, today());
    // The latest earlier day on which the roll gave another number.
    let then = (1..2000)
        .map(|n| today() - chrono::Days::new(n))
        .find(|day| computed_den(&h, *day) != now)
        .expect("the demo roll changed in the last years");
    let then_den = computed_den(&h, then);

    // The candidate whose next step is the branch vote; its form counts today's roll…
    h.keys("<A-7>nhung<Enter><F4>");
    assert!(h.screen().contains("Đỗ Thị Hồng Nhung"), "{}", h.screen());
    assert_eq!(den_field(&h), now.to_string());
    // … and the roll of the vote's day once that day is typed (a vote recorded after it).
    h.keys(&format!("<Tab>{}", retype(&format_date(then))));
    assert_eq!(den_field(&h), then_den.to_string());
    h.keys(&retype(&format_date(today())));
    assert_eq!(den_field(&h), now.to_string());

    // A figure typed over is the user's: a new date leaves it (the save asks for a reason).
    h.keys("<Tab><Tab><Tab><Tab><Tab>");
    h.keys(&retype("7"));
    h.keys("<S-Tab><S-Tab><S-Tab><S-Tab><S-Tab>");
    h.keys(&retype(&format_date(then)));
    assert_eq!(den_field(&h), "7");
}
