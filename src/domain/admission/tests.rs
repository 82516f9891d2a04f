//! Tests of the admission pipeline.

use super::*;
use crate::domain::calendar;
use crate::domain::meeting::{Meeting, Threshold, Vote};
use crate::domain::member::{EventKind, MemberEvent, Membership, RemovalCause, Status};
use crate::domain::validate::Problem;
use chrono::Datelike;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn official(name: &str, admitted: NaiveDate) -> Member {
    Member {
        full_name: name.into(),
        birth_date: Some(d(1960, 1, 1)),
        events: vec![
            MemberEvent::new(admitted, EventKind::Admitted, ""),
            MemberEvent::new(
                admitted.checked_add_months(Months::new(12)).unwrap(),
                EventKind::Recognized,
                "",
            ),
        ],
        ..Member::default()
    }
}

fn candidate(birth: NaiveDate) -> Candidate {
    Candidate {
        person: Member {
            full_name: "Lê Thị Hà".into(),
            birth_date: Some(birth),
            ..Member::default()
        },
        steps: vec![Step::new(Stage::Listed, d(2025, 1, 10))],
        ..Candidate::default()
    }
}

fn with(mut c: Candidate, stages: &[(Stage, NaiveDate)]) -> Candidate {
    for (s, on) in stages {
        c.steps.push(Step::new(*s, *on));
    }
    c
}

#[test]
fn age_is_18_to_60_in_months_on_the_vote_date() {
    let birth = d(2008, 5, 20);
    // The day before the 18th birthday: too young, and the day it is reached.
    assert_eq!(
        age_checks(Some(birth), d(2026, 5, 19)),
        vec![Check::TooYoung {
            months: 215,
            from: d(2026, 5, 20)
        }]
    );
    assert_eq!(age_checks(Some(birth), d(2026, 5, 20)), vec![]);
    // 60 years: allowed on the 60th birthday and through the month that follows.
    let old = d(1966, 5, 20);
    assert_eq!(age_checks(Some(old), d(2026, 5, 19)), vec![]);
    assert_eq!(age_checks(Some(old), d(2026, 5, 20)), vec![]);
    assert_eq!(age_checks(Some(old), d(2026, 6, 19)), vec![]);
    assert_eq!(
        age_checks(Some(old), d(2026, 6, 20)),
        vec![Check::TooOld { months: 721 }]
    );
    assert!(Check::TooOld { months: 721 }.blocks(), "[V3] blocks");
    // Over 60 needs the provincial committee's agreement, recorded as the reason; under
    // 18 is refused whatever the reason (#22.2).
    assert_eq!(
        Check::TooOld { months: 721 }.treatment(),
        Treatment::WithReason
    );
    assert_eq!(
        Check::TooYoung {
            months: 215,
            from: d(2026, 5, 20)
        }
        .treatment(),
        Treatment::Refused
    );
    assert_eq!(age_checks(None, d(2026, 6, 20)), vec![]);
}

#[test]
fn the_certificate_is_valid_60_months() {
    let issued = d(2021, 3, 15);
    assert_eq!(certificate_valid_until(issued), d(2026, 3, 15));
    assert_eq!(certificate_checks(Some(issued), d(2026, 3, 14)), vec![]);
    assert_eq!(certificate_checks(Some(issued), d(2026, 3, 15)), vec![]);
    assert_eq!(
        certificate_checks(Some(issued), d(2026, 3, 16)),
        vec![Check::CertificateExpired {
            valid_until: d(2026, 3, 15)
        }]
    );
    // Issued on 31 August: the last day of February five years later.
    assert_eq!(certificate_valid_until(d(2020, 8, 31)), d(2025, 8, 31));
    assert_eq!(certificate_valid_until(d(2019, 10, 31)), d(2024, 10, 31));
    assert_eq!(certificate_valid_until(d(2019, 2, 28)), d(2024, 2, 28));
}

#[test]
fn sponsors_are_official_members_now_who_know_the_candidate_12_months() {
    let today = d(2026, 11, 21);
    let a = official("Trần Văn Hùng", d(1990, 1, 1));
    let on = d(2026, 6, 1);
    let s = |name: &str, since| Sponsor {
        member: 1,
        name: name.into(),
        known_since: since,
    };
    // Known since 1 June 2025: 12 months on the day; 2 June: 11 months.
    let ok = [
        (s("A", d(2025, 6, 1)), Some(&a)),
        (s("B", d(2020, 1, 1)), Some(&a)),
    ];
    assert_eq!(sponsor_checks(&ok, false, None, on, today), vec![]);
    let recent = [
        (s("A", d(2025, 6, 2)), Some(&a)),
        (s("B", d(2020, 1, 1)), Some(&a)),
    ];
    assert_eq!(
        sponsor_checks(&recent, false, None, on, today),
        vec![Check::SponsorTooRecent {
            name: "A".into(),
            months: 11
        }]
    );
    // A probationary member, or one who has died since, is not an official member now.
    let prob = Member {
        events: vec![MemberEvent::new(d(2026, 1, 1), EventKind::Admitted, "")],
        ..a.clone()
    };
    let mut dead = a.clone();
    dead.add_event(MemberEvent::new(d(2026, 9, 1), EventKind::Died, ""));
    let bad = [
        (s("P", d(2020, 1, 1)), Some(&prob)),
        (s("D", d(2020, 1, 1)), Some(&dead)),
    ];
    assert_eq!(
        sponsor_checks(&bad, false, None, on, today),
        vec![
            Check::SponsorNotOfficial { name: "P".into() },
            Check::SponsorNotOfficial { name: "D".into() }
        ]
    );
    // One sponsor: too few, unless a Youth Union resolution stands for the second.
    let one = [(s("A", d(2020, 1, 1)), Some(&a))];
    assert_eq!(
        sponsor_checks(&one, false, None, on, today),
        vec![Check::TooFewSponsors { count: 1 }]
    );
    assert_eq!(
        sponsor_checks(&one, true, Some(d(2000, 1, 1)), on, today),
        vec![]
    );
    // The youth route for someone over youth age (Điều lệ Đoàn Đ.1 k.1: 16 to 30) is
    // recorded only with a reason (#22.4: the rule is now cited).
    let w = sponsor_checks(&one, true, Some(d(1990, 1, 1)), on, today);
    assert_eq!(w, vec![Check::YouthRouteTooOld { years: 36 }]);
    assert_eq!(w[0].treatment(), Treatment::WithReason);
    // Boundary: 30 years old on the step's date is still youth age; 31 is not.
    let thirty = on.with_year(on.year() - 30).unwrap();
    assert_eq!(sponsor_checks(&one, true, Some(thirty), on, today), vec![]);
    let thirty_one = on.with_year(on.year() - 31).unwrap();
    assert_eq!(
        sponsor_checks(&one, true, Some(thirty_one), on, today),
        vec![Check::YouthRouteTooOld { years: 31 }]
    );
}

#[test]
fn two_thirds_of_the_denominator() {
    assert!(two_thirds(8, 12));
    assert!(!two_thirds(7, 11));
    assert!(two_thirds(8, 11));
    assert!(!two_thirds(0, 0));
    assert!(two_thirds(2, 3));
    assert!(!two_thirds(1, 2));
}

#[test]
fn ceremony_within_30_working_days_skipping_tet() {
    // Decision Monday 2/2/2026: Tết (16–20/2 on weekdays) is not counted.
    let decision = d(2026, 2, 2);
    let deadline = ceremony_deadline(decision);
    assert_eq!(deadline, d(2026, 3, 23));
    assert_eq!(calendar::working_days_between(decision, deadline), 30);
    assert_eq!(
        ceremony_checks(decision, deadline.pred_opt().unwrap()),
        vec![]
    );
    assert_eq!(ceremony_checks(decision, deadline), vec![]);
    assert_eq!(
        ceremony_checks(decision, d(2026, 3, 24)),
        vec![Check::CeremonyLate {
            working_days: 31,
            deadline
        }]
    );
    assert!(ceremony_checks(decision, d(2026, 3, 24))[0].blocks());
}

#[test]
fn recognition_after_12_months_and_within_30_working_days() {
    let c = with(
        candidate(d(2000, 1, 1)),
        &[(Stage::Ceremony, d(2025, 4, 28))],
    );
    let end = c.probation_end().unwrap();
    assert_eq!(end, d(2026, 4, 28));
    assert_eq!(
        recognition_checks(end, d(2026, 4, 27)),
        vec![Check::ProbationNotOver { ends: end }]
    );
    assert_eq!(recognition_checks(end, end), vec![]);
    // 30 working days skip 30/4 and 1/5.
    let deadline = recognition_deadline(end);
    assert_eq!(deadline, d(2026, 6, 11));
    assert_eq!(recognition_checks(end, deadline), vec![]);
    let late = recognition_checks(end, d(2026, 6, 12));
    assert_eq!(
        late,
        vec![Check::RecognitionLate {
            working_days: 31,
            deadline
        }]
    );
    // #22.2: the same treatment as the ceremony: recorded late only with a reason.
    assert_eq!(late[0].treatment(), Treatment::Late);
    assert_eq!(
        ceremony_checks(d(2026, 2, 2), d(2026, 12, 1))[0].treatment(),
        Treatment::Late
    );
}

#[test]
fn stages_come_in_order_and_the_new_members_course_is_optional() {
    assert_eq!(Stage::after(None), vec![Stage::Listed]);
    assert_eq!(Stage::after(Some(Stage::Listed)), vec![Stage::Course]);
    assert_eq!(
        Stage::after(Some(Stage::Ceremony)),
        vec![Stage::NewMemberCourse, Stage::RecognitionVote]
    );
    assert_eq!(
        Stage::after(Some(Stage::NewMemberCourse)),
        vec![Stage::RecognitionVote]
    );
    assert_eq!(Stage::after(Some(Stage::RecognitionDecision)), vec![]);

    let c = candidate(d(2000, 1, 1));
    let members: Vec<(MemberId, &Member)> = vec![];
    let w = World {
        members: &members,
        meetings: &[],
        today: d(2026, 11, 21),
    };
    let draft = |s: Stage, date: &str| StepDraft {
        stage: Some(s),
        text: vec![(AdmissionField::Date, date.into())],
        ..StepDraft::default()
    };
    // Skipping the course is refused, naming the stage that comes next.
    assert_eq!(
        check_step(&c, &draft(Stage::Application, "01/03/2025"), &w).unwrap_err(),
        vec![(
            AdmissionField::Stage,
            Problem::Admission(AdmissionProblem::OutOfOrder(Some(Stage::Course)))
        )]
    );
    // A date before the previous step is refused.
    assert_eq!(
        check_step(&c, &draft(Stage::Course, "09/01/2025"), &w).unwrap_err(),
        vec![(
            AdmissionField::Date,
            Problem::Admission(AdmissionProblem::BeforePrevious(d(2025, 1, 10)))
        )]
    );
    let step = check_step(&c, &draft(Stage::Course, "10/03/2025"), &w).unwrap();
    assert_eq!(step.stage, Stage::Course);
    let mut c = c;
    assert_eq!(record(&mut c, step, None), RosterChange::None);
    assert_eq!(c.next_stages(), vec![Stage::Application]);
    // Vetting needs its conclusion.
    let c = with(
        c,
        &[
            (Stage::Application, d(2025, 4, 1)),
            (Stage::PersonalRecord, d(2025, 4, 2)),
        ],
    );
    assert_eq!(
        check_step(&c, &draft(Stage::Vetting, "01/05/2025"), &w).unwrap_err(),
        vec![(AdmissionField::Conclusion, Problem::Required)]
    );
}

fn voting_world<'a>(members: &'a [(MemberId, &'a Member)]) -> World<'a> {
    World {
        members,
        meetings: &[],
        today: d(2026, 11, 21),
    }
}

fn vote_draft(date: &str, yes: &str, den: &str, over: &str) -> StepDraft {
    StepDraft {
        stage: Some(Stage::BranchVote),
        text: vec![
            (AdmissionField::Date, date.into()),
            (AdmissionField::VoteYes, yes.into()),
            (AdmissionField::Denominator, den.into()),
            (AdmissionField::Override, over.into()),
        ],
        ..StepDraft::default()
    }
}

#[test]
fn the_branch_vote_checks_age_certificate_and_two_thirds_and_can_be_overridden() {
    let c = with(
        candidate(d(2008, 5, 20)),
        &[
            (Stage::Course, d(2025, 3, 1)),
            (Stage::Application, d(2025, 4, 1)),
            (Stage::PersonalRecord, d(2025, 4, 2)),
            (Stage::Vetting, d(2025, 5, 1)),
            (Stage::Sponsors, d(2026, 4, 1)),
            (Stage::Comments, d(2026, 5, 1)),
        ],
    );
    let members = vec![];
    let w = voting_world(&members);
    let errs = check_step(&c, &vote_draft("19/05/2026", "7", "11", ""), &w).unwrap_err();
    // #22.2: under 18 on the vote date is forbidden in advance: refused alone, and no
    // reason can override it.
    let too_young = vec![(
        AdmissionField::Date,
        Problem::Admission(AdmissionProblem::Rule(Check::TooYoung {
            months: 215,
            from: d(2026, 5, 20),
        })),
    )];
    assert_eq!(errs, too_young);
    assert_eq!(
        check_step(
            &c,
            &vote_draft("19/05/2026", "8", "11", "Cấp ủy cấp trên đồng ý"),
            &w
        )
        .unwrap_err(),
        too_young
    );
    // A short vote on the 18th birthday needs the reason.
    let errs = check_step(&c, &vote_draft("20/05/2026", "7", "11", ""), &w).unwrap_err();
    assert!(errs.contains(&(
        AdmissionField::VoteYes,
        Problem::Admission(AdmissionProblem::Rule(Check::VoteShort {
            yes: 7,
            denominator: 11
        }))
    )));
    assert!(errs.contains(&(
        AdmissionField::Override,
        Problem::Admission(AdmissionProblem::NeedsOverride)
    )));
    // On the 18th birthday with 8 of 11: allowed.
    let ok = check_step(&c, &vote_draft("20/05/2026", "8", "11", ""), &w).unwrap();
    assert!(ok.checks.is_empty());
    assert_eq!(ok.tally.unwrap().denominator, 11);
    // A reason overrides, and the checks are kept with the step.
    let over = check_step(
        &c,
        &vote_draft("20/05/2026", "7", "11", "Cấp ủy cấp trên đồng ý"),
        &w,
    )
    .unwrap();
    assert_eq!(over.override_reason, "Cấp ủy cấp trên đồng ý");
    assert_eq!(over.checks.len(), 1);
    // More votes than the denominator is impossible.
    assert_eq!(
        check_step(&c, &vote_draft("20/05/2026", "12", "11", ""), &w).unwrap_err(),
        vec![(AdmissionField::VoteYes, Problem::TallyTooLarge(12, 11))]
    );
}

#[test]
fn the_ceremony_makes_a_probationary_member_and_recognition_dates_from_probation_end() {
    let mut c = with(
        candidate(d(1995, 1, 1)),
        &[
            (Stage::Course, d(2025, 3, 1)),
            (Stage::Application, d(2025, 4, 1)),
            (Stage::PersonalRecord, d(2025, 4, 2)),
            (Stage::Vetting, d(2025, 5, 1)),
            (Stage::Sponsors, d(2025, 6, 1)),
            (Stage::Comments, d(2025, 6, 5)),
            (Stage::BranchVote, d(2025, 6, 10)),
        ],
    );
    let mut dec = Step::new(Stage::Decision, d(2025, 7, 1));
    dec.document.number = "215-QĐ/ĐU".into();
    c.steps.push(dec);
    assert_eq!(
        next_deadline(&c),
        Some(Deadline {
            kind: DeadlineKind::Ceremony,
            date: d(2025, 8, 12),
            not_before: None
        })
    );
    let members = vec![];
    let w = voting_world(&members);
    let draft = StepDraft {
        stage: Some(Stage::Ceremony),
        text: vec![(AdmissionField::Date, "13/08/2025".into())],
        ..StepDraft::default()
    };
    let errs = check_step(&c, &draft, &w).unwrap_err();
    assert!(matches!(
        errs[0].1,
        Problem::Admission(AdmissionProblem::Rule(Check::CeremonyLate { .. }))
    ));
    let draft = StepDraft {
        stage: Some(Stage::Ceremony),
        text: vec![(AdmissionField::Date, "12/08/2025".into())],
        ..StepDraft::default()
    };
    let step = check_step(&c, &draft, &w).unwrap();
    let RosterChange::Create(m) = record(&mut c, step, None) else {
        panic!("the ceremony creates the member")
    };
    assert_eq!(m.full_name, "Lê Thị Hà");
    assert_eq!(m.admitted_on(), Some(d(2025, 8, 12)));
    assert_eq!(m.events[0].papers.decision, "215-QĐ/ĐU");
    assert_eq!(m.status_at(d(2026, 8, 11)), Status::Probationary);
    assert_eq!(c.probation_end(), Some(d(2026, 8, 12)));
    assert_eq!(
        next_deadline(&c).map(|d| (d.date, d.not_before)),
        Some((d(2026, 9, 25), Some(d(2026, 8, 12))))
    );
    // Recognised late: official from the end of probation all the same.
    c.member = Some(7);
    let mut vote = Step::new(Stage::RecognitionVote, d(2026, 10, 20));
    vote.tally = Some(Tally {
        yes: 9,
        no: 0,
        abstain: 0,
        denominator: 10,
        meeting: None,
    });
    c.steps.push(vote);
    let dec = Step::new(Stage::RecognitionDecision, d(2026, 11, 15));
    let RosterChange::Update(7, m) = record(&mut c, dec, Some(&m)) else {
        panic!("recognition updates the member")
    };
    assert_eq!(m.recognized_on(), Some(d(2026, 8, 12)));
    assert_eq!(m.status_at(d(2026, 8, 12)), Status::Official);
    assert_eq!(c.standing(), Standing::Official);
    assert!(c.next_stages().is_empty());
}

#[test]
fn failing_recognition_proposes_removal_on_the_timeline() {
    let mut c = with(
        candidate(d(1995, 1, 1)),
        &[(Stage::Ceremony, d(2025, 8, 12))],
    );
    c.member = Some(3);
    let m = official("Lê Thị Hà", d(2025, 8, 12));
    let mut vote = Step::new(Stage::RecognitionVote, d(2026, 8, 20));
    vote.propose_removal = true;
    let RosterChange::Update(3, m) = record(&mut c, vote, Some(&m)) else {
        panic!()
    };
    let e = m.events.last().unwrap();
    assert_eq!(e.kind, EventKind::RemovalProposed);
    assert_eq!(e.papers.removal_cause, Some(RemovalCause::FailedProbation));
    assert_eq!(c.standing(), Standing::RemovalProposed);
    assert_eq!(can_undo(&c), Err(AdmissionProblem::InRoster));
}

#[test]
fn deadlines_before_the_vote_are_the_certificate_and_the_age_limit() {
    let c = with(candidate(d(1966, 7, 10)), &[(Stage::Course, d(2022, 1, 5))]);
    // Turns 60 on 10/7/2026: the last day counted as 60 in months is 9/8/2026.
    assert_eq!(
        next_deadline(&c),
        Some(Deadline {
            kind: DeadlineKind::AgeLimit,
            date: d(2026, 8, 9),
            not_before: None
        })
    );
    let young = with(candidate(d(2000, 1, 1)), &[(Stage::Course, d(2022, 1, 5))]);
    assert_eq!(
        next_deadline(&young).map(|x| (x.kind, x.date)),
        Some((DeadlineKind::CertificateExpires, d(2027, 1, 5)))
    );
    assert_eq!(next_deadline(&candidate(d(2000, 1, 1))), None);
    assert_eq!(
        readiness(&young, d(2027, 1, 6)),
        vec![Check::CertificateExpired {
            valid_until: d(2027, 1, 5)
        }]
    );
}

#[test]
fn the_board_puts_overdue_first() {
    let today = d(2026, 11, 21);
    let a = candidate(d(2000, 1, 1));
    let b = with(
        candidate(d(2000, 1, 1)),
        &[
            (Stage::Course, d(2025, 3, 1)),
            (Stage::Application, d(2025, 4, 1)),
            (Stage::PersonalRecord, d(2025, 4, 2)),
            (Stage::Vetting, d(2025, 5, 1)),
            (Stage::Sponsors, d(2025, 6, 1)),
            (Stage::Comments, d(2025, 6, 5)),
            (Stage::BranchVote, d(2025, 6, 10)),
            (Stage::Decision, d(2026, 9, 1)),
        ],
    );
    let rows = board(&[(1, &a), (2, &b)], today);
    assert_eq!(rows[0].id, 2);
    assert!(rows[0].overdue);
    assert_eq!(rows[0].next, Some(Stage::Ceremony));
    assert_eq!(rows[0].days, 81);
    assert!(matches!(rows[0].blockers[0], Check::CeremonyLate { .. }));
    assert_eq!(rows[1].id, 1);
    assert!(!rows[1].overdue);
}

#[test]
fn a_vote_step_takes_its_figures_and_the_section_2_denominator_from_a_meeting() {
    use crate::domain::meeting::{AttendanceRow, Mark, MeetingKind};
    let row = |member, membership, status, mark| AttendanceRow {
        member,
        name: format!("ĐV {member}"),
        status,
        membership,
        mark,
    };
    let meeting = Meeting {
        attendance: vec![
            row(1, Membership::Official, Status::Official, Mark::Present),
            row(2, Membership::Official, Status::Official, Mark::Present),
            row(3, Membership::Official, Status::Official, Mark::Unexcused),
            // Exempted and absent: not counted; probationary: never counted.
            row(4, Membership::Official, Status::Exempt, Mark::Unmarked),
            row(
                5,
                Membership::Probationary,
                Status::Probationary,
                Mark::Present,
            ),
        ],
        votes: vec![
            Vote {
                subject: "Đề nghị kết nạp".into(),
                threshold: Threshold::TwoThirds,
                yes: 2,
                no: 0,
                abstain: 0,
            },
            Vote {
                subject: "Nghị quyết tháng".into(),
                threshold: Threshold::Majority,
                yes: 2,
                no: 0,
                abstain: 0,
            },
        ],
        ..Meeting::empty(4, 2025, MeetingKind::Regular, d(2026, 7, 15))
    };
    let c = with(
        candidate(d(2000, 1, 1)),
        &[
            (Stage::Course, d(2025, 3, 1)),
            (Stage::Application, d(2025, 4, 1)),
            (Stage::PersonalRecord, d(2025, 4, 2)),
            (Stage::Vetting, d(2025, 5, 1)),
            (Stage::Sponsors, d(2026, 4, 1)),
            (Stage::Comments, d(2026, 5, 1)),
        ],
    );
    let members = vec![];
    let meetings = vec![(9, &meeting)];
    let w = World {
        members: &members,
        meetings: &meetings,
        today: d(2026, 11, 21),
    };
    assert_eq!(meeting_votes(&meetings).len(), 1, "two-thirds votes only");
    let draft = |date: &str, vote: usize| StepDraft {
        stage: Some(Stage::BranchVote),
        text: vec![(AdmissionField::Date, date.into())],
        meeting_vote: Some((9, vote)),
        ..StepDraft::default()
    };
    let step = check_step(&c, &draft("15/07/2026", 0), &w).unwrap();
    assert_eq!(
        step.tally,
        Some(Tally {
            yes: 2,
            no: 0,
            abstain: 0,
            denominator: 3,
            meeting: Some((9, 0))
        })
    );
    assert_eq!(
        check_step(&c, &draft("16/07/2026", 0), &w).unwrap_err(),
        vec![(
            AdmissionField::Date,
            Problem::Admission(AdmissionProblem::NotTheMeetingDate(d(2026, 7, 15)))
        )]
    );
    assert_eq!(
        check_step(&c, &draft("15/07/2026", 1), &w).unwrap_err(),
        vec![(
            AdmissionField::MeetingVote,
            Problem::Admission(AdmissionProblem::NotTwoThirds)
        )]
    );
    // #22.8 quorum: the same vote at a meeting where only 2 of the 4 who must attend came
    // (the probationary member absent) does not count.
    let mut thin = meeting.clone();
    thin.attendance[4].mark = Mark::Unexcused;
    let meetings = vec![(9, &thin)];
    let w = World {
        members: &members,
        meetings: &meetings,
        today: d(2026, 11, 21),
    };
    assert_eq!(
        check_step(&c, &draft("15/07/2026", 0), &w).unwrap_err(),
        vec![(
            AdmissionField::MeetingVote,
            Problem::Rule(crate::domain::validate::RuleProblem::Refused(
                crate::domain::acts::Refusal::NoQuorum(crate::domain::acts::Quorum {
                    present: 2,
                    must_attend: 4,
                    needed: 3
                })
            ))
        )]
    );
}

#[test]
fn the_default_denominator_leaves_out_probationary_away_and_exempt_members() {
    let on = d(2026, 11, 21);
    let a = official("A", d(1990, 1, 1));
    let mut away = official("B", d(1990, 1, 1));
    away.add_event(MemberEvent::new(
        d(2026, 1, 1),
        EventKind::TemporaryTransferOutStarted,
        "",
    ));
    let mut exempt = official("C", d(1990, 1, 1));
    exempt.add_event(MemberEvent::new(
        d(2026, 1, 1),
        EventKind::ExemptionStarted { full: true },
        "",
    ));
    let prob = Member {
        events: vec![MemberEvent::new(d(2026, 1, 1), EventKind::Admitted, "")],
        ..a.clone()
    };
    let ms = [(1, &a), (2, &away), (3, &exempt), (4, &prob)];
    assert_eq!(default_denominator(&ms, on), 1);
}

fn recognition_draft(date: &str, yes: &str, no: &str, den: &str) -> StepDraft {
    StepDraft {
        stage: Some(Stage::RecognitionVote),
        text: vec![
            (AdmissionField::Date, date.into()),
            (AdmissionField::VoteYes, yes.into()),
            (AdmissionField::VoteNo, no.into()),
            (AdmissionField::Denominator, den.into()),
        ],
        ..StepDraft::default()
    }
}

#[test]
fn rule_23_3_three_recognition_votes_without_two_thirds_go_to_the_superior() {
    // QĐ 24 điểm 4.2.3: probation ends 12/08/2026; three votes, 2/3 neither way.
    let mut c = with(
        candidate(d(1995, 1, 1)),
        &[(Stage::Ceremony, d(2025, 8, 12))],
    );
    c.member = Some(3);
    let members = vec![];
    let w = voting_world(&members);
    for (round, day) in ["20/08/2026", "27/08/2026", "03/09/2026"]
        .iter()
        .enumerate()
    {
        assert_eq!(c.standing(), Standing::InProgress, "round {round}");
        // 6 of 10 for, 4 against: neither reaches 2/3 (7 of 10).
        let step = check_step(&c, &recognition_draft(day, "6", "4", "10"), &w)
            .expect("recorded as what happened, no override needed");
        assert!(step.inconclusive());
        assert!(step.checks.contains(&Check::VoteShort {
            yes: 6,
            denominator: 10
        }));
        assert_eq!(record(&mut c, step, None), RosterChange::None);
        if round < 2 {
            assert_eq!(c.next_stages(), vec![Stage::RecognitionVote], "vote again");
        }
    }
    assert_eq!(c.standing(), Standing::AwaitingSuperior);
    assert_eq!(c.next_stages(), vec![Stage::RecognitionDecision]);
    assert_eq!(c.inconclusive_votes().len(), 3);
    let refs = [(9, &c)];
    assert_eq!(
        awaiting_superior(&refs),
        vec![(9, "Lê Thị Hà".to_string(), d(2026, 9, 3))]
    );
    assert_eq!(board(&refs, d(2026, 9, 4)).len(), 1, "still on the board");
    // The home screen's item and the figures take the same list.
    let extra = crate::domain::todo::Extra::default().with_admission(&refs);
    let items = crate::domain::todo::collect_with(&[], &[], &extra, d(2026, 9, 4));
    assert!(items.iter().any(|i| i.kind
        == crate::domain::todo::TodoKind::Check(crate::domain::todo::Check::AwaitingSuperior(
            9,
            "Lê Thị Hà".into(),
            d(2026, 9, 3)
        ))));
    // Two inconclusive votes only: still the branch's to decide.
    c.steps.pop();
    assert_eq!(c.standing(), Standing::InProgress);
    // A vote reaching 2/3 against (3 for, 7 against) is not inconclusive: it still
    // needs the override like any short vote.
    assert!(check_step(&c, &recognition_draft("03/09/2026", "3", "7", "10"), &w).is_err());
    // 7 of 10 for: recognised, the decision comes next.
    let step = check_step(&c, &recognition_draft("03/09/2026", "7", "3", "10"), &w).unwrap();
    assert!(!step.inconclusive());
    record(&mut c, step, None);
    assert_eq!(c.next_stages(), vec![Stage::RecognitionDecision]);
    assert_eq!(c.standing(), Standing::InProgress);
}

#[test]
fn rule_22_1_the_number_entitled_to_vote_is_computed_or_typed_over_with_a_reason() {
    // QĐ 294 điểm 9.3.2: three official members on the vote date, one probationary.
    let ms: Vec<Member> = (0..3)
        .map(|i| official(&format!("Đảng viên {i}"), d(1990, 1, 1)))
        .collect();
    let prob = Member {
        events: vec![MemberEvent::new(d(2026, 1, 1), EventKind::Admitted, "")],
        ..ms[0].clone()
    };
    let members: Vec<(MemberId, &Member)> = vec![(1, &ms[0]), (2, &ms[1]), (3, &ms[2]), (4, &prob)];
    let w = voting_world(&members);
    let c = with(
        candidate(d(1990, 5, 20)),
        &[
            (Stage::Course, d(2025, 3, 1)),
            (Stage::Application, d(2025, 4, 1)),
            (Stage::PersonalRecord, d(2025, 4, 2)),
            (Stage::Vetting, d(2025, 5, 1)),
            (Stage::Sponsors, d(2026, 4, 1)),
            (Stage::Comments, d(2026, 5, 1)),
        ],
    );
    // The computed 3: recorded as is.
    let step = check_step(&c, &vote_draft("20/05/2026", "3", "3", ""), &w).unwrap();
    assert_eq!(step.tally.map(|t| t.denominator), Some(3));
    // "2 of 3" typed as "2 of 2" would pass 2/3: refused without a reason.
    let errs = check_step(&c, &vote_draft("20/05/2026", "2", "2", ""), &w).unwrap_err();
    assert_eq!(
        errs,
        vec![
            (
                AdmissionField::Denominator,
                Problem::Admission(AdmissionProblem::DenominatorTypedOver(3))
            ),
            (
                AdmissionField::Override,
                Problem::Admission(AdmissionProblem::NeedsOverride)
            ),
        ]
    );
    // With a reason the figure is recorded and the reason kept in the record.
    let step = check_step(
        &c,
        &vote_draft(
            "20/05/2026",
            "2",
            "2",
            "Một đồng chí chuyển đi chưa cập nhật",
        ),
        &w,
    )
    .unwrap();
    assert_eq!(step.tally.map(|t| t.denominator), Some(2));
    assert_eq!(step.override_reason, "Một đồng chí chuyển đi chưa cập nhật");
}

#[test]
fn after_the_ceremony_the_member_record_is_the_one_truth_of_identity() {
    let mut c = candidate(d(1995, 3, 4));
    c.person.notes = "ghi chú của hồ sơ kết nạp".into();
    let mut m = official("Lê Thị Hoa", d(2026, 1, 10));
    m.birth_date = Some(d(1995, 4, 3));
    m.hometown = "Nam Định".into();
    m.card_number = "31001277".into();
    m.notes = "ghi chú của đảng viên".into();
    let followed = follow_member(&c, &m).expect("the candidate differs from the member");
    assert_eq!(followed.person.full_name, "Lê Thị Hoa");
    assert_eq!(followed.person.birth_date, Some(d(1995, 4, 3)));
    assert_eq!(followed.person.hometown, "Nam Định");
    // Each record keeps its own card number, notes and timeline.
    assert_eq!(followed.person.card_number, c.person.card_number);
    assert_eq!(followed.person.notes, "ghi chú của hồ sơ kết nạp");
    assert!(followed.person.events.is_empty());
    assert_eq!(followed.steps, c.steps);
    // Once it follows, there is nothing more to follow.
    assert_eq!(follow_member(&followed, &m), None);
    // The other way: the candidate's identity written into the member keeps the member's own.
    let mut m2 = m.clone();
    share_identity(&c.person, &mut m2);
    assert_eq!(m2.full_name, c.person.full_name);
    assert_eq!(m2.card_number, "31001277");
    assert_eq!(m2.events, m.events);
    assert_eq!(m2.notes, "ghi chú của đảng viên");
}
