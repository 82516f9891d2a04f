//! The built-in sample branch ("DỮ LIỆU MẪU"): realistic, deterministic from a seed, so the
//! demo, the tests and the benchmark all see the same people.

use chrono::{Datelike, Duration, NaiveDate};

use super::branch::Branch;
use super::member::{
    EventKind, ExemptionReason, Gender, Member, MemberEvent, Occupation, PoliticalTheory,
    Professional,
};

/// A small deterministic pseudo-random generator (SplitMix64), enough for sample data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
    "Đỗ", "Ngô", "Dương", "Lý", "Đinh", "Phan", "Tô", "Lương",
];
const MIDDLE_M: &[&str] = &[
    "Văn", "Văn", "Đức", "Quang", "Minh", "Hữu", "Xuân", "Đình", "Công", "Thanh",
];
const MIDDLE_F: &[&str] = &[
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng",
];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong",
    "Quân", "Sơn", "Thắng", "Toàn", "Tuấn", "Việt", "Vinh", "Ước", "Ân", "Định",
];
const GIVEN_F: &[&str] = &[
    "Anh",
    "Ánh",
    "Chi",
    "Dung",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Liên",
    "Mai",
    "Nga",
    "Oanh",
    "Phượng",
    "Thảo",
    "Thủy",
    "Trang",
    "Uyên",
    "Yến",
    "Ẩn",
];
const HOMETOWNS: &[&str] = &[
    "Hải Phòng",
    "Thái Bình",
    "Nam Định",
    "Hải Dương",
    "Hưng Yên",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Nội",
    "Quảng Ninh",
    "Ninh Bình",
];
const STREETS: &[&str] = &[
    "Phạm Văn Đồng",
    "Mạc Đăng Doanh",
    "Tân Thành",
    "Hòa Nghĩa",
    "Đồng Hòa",
];

/// The sample branch profile.
pub fn demo_branch() -> Branch {
    Branch {
        name: "Chi bộ Tổ dân phố Hòa Bình".into(),
        superior: "Đảng bộ phường Hải Thành".into(),
        address: "Nhà văn hóa Tổ dân phố Hòa Bình, phường Hải Thành, TP Hải Phòng".into(),
        secretary: "Trần Văn Hùng".into(),
        deputy: "Nguyễn Thị Mai".into(),
        term_start: 2025,
        term_end: 2027,
        usual_day: None,
    }
}

/// Branch `n` of the sample ward (`sochibo demo-ward`): the sample profile under another
/// name.
pub fn ward_branch(n: u32) -> Branch {
    Branch {
        name: format!("Chi bộ Tổ dân phố số {n}"),
        ..demo_branch()
    }
}

/// Seed and member count of branch `n` of the sample ward (15–45 members).
pub fn ward_branch_size(n: u32) -> (u64, usize) {
    let mut rng = Rng::new(u64::from(n));
    (1000 + u64::from(n), 15 + rng.below(31) as usize)
}

fn ev(date: NaiveDate, kind: EventKind, note: &str) -> MemberEvent {
    MemberEvent::new(date, kind, note)
}

fn date_in_year(rng: &mut Rng, year: i32) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    start + Duration::days(rng.below(365) as i64)
}

/// `count` sample members of a residential-group branch as of `today`: ages 25–90, many
/// retirees, a few probationary members, one fully and one temporarily exempted.
pub fn demo_members(seed: u64, count: usize, today: NaiveDate) -> Vec<Member> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let female = rng.below(100) < 42;
        let (middle, given) = if female {
            (MIDDLE_F, GIVEN_F)
        } else {
            (MIDDLE_M, GIVEN_M)
        };
        let full_name = format!(
            "{} {} {}",
            rng.pick(FAMILY),
            rng.pick(middle),
            rng.pick(given)
        );
        // Residential branches are old: about 60% over 60.
        let probationary = i % 12 == 5;
        let age = if i == 3 {
            88
        } else if probationary {
            22 + rng.below(20)
        } else if rng.below(100) < 60 {
            60 + rng.below(31)
        } else {
            25 + rng.below(35)
        } as i32;
        let birth = date_in_year(&mut rng, today.year() - age);
        let mut admitted = if probationary {
            today - Duration::days(30 + rng.below(300) as i64)
        } else {
            let join_age = 19 + rng.below((age as u64 - 20).clamp(1, 30)) as i32;
            date_in_year(&mut rng, birth.year() + join_age).max(birth + Duration::days(18 * 366))
        }
        .min(today - Duration::days(30));
        if i == 5 {
            // The pipeline's sample: probation ends next month (see `demo_candidates`).
            admitted = due_next_month(today);
        }
        let mut events = vec![ev(admitted, EventKind::Admitted, "")];
        if !probationary {
            let recognized = super::validate::probation_end(admitted);
            events.push(ev(recognized.min(today), EventKind::Recognized, ""));
        }
        let retired = age >= 60 && !probationary;
        let occupation = if retired {
            Occupation::Retired
        } else {
            *rng.pick(&[
                Occupation::CivilServant,
                Occupation::Freelance,
                Occupation::Business,
                Occupation::Worker,
            ])
        };
        let n = 1000 + i as u64 * 37 + rng.below(30);
        let mut m = Member {
            full_name,
            other_name: String::new(),
            gender: Some(if female { Gender::Female } else { Gender::Male }),
            birth_date: Some(birth),
            ethnicity: if rng.below(30) == 0 {
                "Tày".into()
            } else {
                "Kinh".into()
            },
            religion: if rng.below(12) == 0 {
                "Công giáo".into()
            } else {
                "Không".into()
            },
            hometown: rng.pick(HOMETOWNS).to_string(),
            residential_group: "Tổ dân phố Hòa Bình".into(),
            address: format!("Số {} đường {}", 1 + rng.below(200), rng.pick(STREETS)),
            national_id: format!(
                "031{}{:08}",
                if female { 1 } else { 0 },
                rng.below(100_000_000)
            ),
            phone: format!("09{:08}", rng.below(100_000_000)),
            card_number: format!("{:08}", 31_000_000 + n),
            education: if age > 75 && rng.below(3) == 0 {
                "10/10".into()
            } else {
                "12/12".into()
            },
            professional: Some(*rng.pick(Professional::ALL)),
            political_theory: Some(*rng.pick(&[
                PoliticalTheory::Elementary,
                PoliticalTheory::Elementary,
                PoliticalTheory::Intermediate,
                PoliticalTheory::Advanced,
            ])),
            occupation: Some(occupation),
            notes: String::new(),
            events,
            card_history: Vec::new(),
        };
        if i == 3 {
            // An old member fully exempted for age and health.
            let mut e = ev(
                today - Duration::days(400),
                EventKind::ExemptionStarted { full: true },
                "",
            );
            e.papers.exemption_reason = Some(ExemptionReason::OldAndWeak);
            e.papers.applied_on = Some(today - Duration::days(420));
            e.papers.decision = "03-NQ/CB".into();
            e.papers.decided_on = Some(today - Duration::days(400));
            e.papers.reported_on = Some(today - Duration::days(395));
            m.events.push(e);
            m.notes = "Tuổi cao, sức khỏe yếu; đã báo cáo Đảng ủy phường.".into();
        }
        if i == 10 && !probationary {
            // Working away, temporarily exempted; the exemption ends in three weeks.
            let mut e = ev(
                today - Duration::days(150),
                EventKind::ExemptionStarted { full: false },
                "Đi làm ăn xa (Bình Dương)",
            );
            e.papers.exemption_reason = Some(ExemptionReason::WorkingAway);
            e.papers.ends_on = Some(today + Duration::days(20));
            e.papers.decision = "07-NQ/CB".into();
            e.papers.decided_on = Some(today - Duration::days(150));
            m.events.push(e);
        }
        if i == 15 {
            let mut e = ev(today - Duration::days(700), EventKind::TransferredIn, "");
            e.papers.organisation = "Chi bộ Khu dân cư số 2, phường Lê Chân".into();
            e.papers.dues_paid_to = Some((
                (today - Duration::days(730)).year(),
                (today - Duration::days(730)).month(),
            ));
            m.events.push(e);
        }
        if i == 20 && !probationary {
            let mut e = ev(
                today - Duration::days(90),
                EventKind::TransferredOut,
                "Chuyển về ở cùng con",
            );
            e.papers.organisation = "Chi bộ Tổ dân phố 3, phường Ngô Quyền".into();
            e.papers.decided_on = Some(today - Duration::days(120));
            e.papers.decision = "QĐ 112-QĐ/ĐU".into();
            e.papers.dues_paid_to = Some((
                (today - Duration::days(95)).year(),
                (today - Duration::days(95)).month(),
            ));
            m.events.push(e);
        }
        if i == 25 {
            m.events.push(ev(
                today - Duration::days(160),
                EventKind::Died,
                "Từ trần tại nhà riêng",
            ));
        }
        m.events.sort_by_key(|e| e.date);
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::Status;

    #[test]
    fn demo_is_deterministic_and_realistic() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let a = demo_members(7, 35, today);
        assert_eq!(a, demo_members(7, 35, today));
        let statuses: Vec<Status> = a.iter().map(|m| m.status_at(today)).collect();
        assert!(
            statuses
                .iter()
                .filter(|s| **s == Status::Probationary)
                .count()
                >= 2
        );
        assert!(statuses.contains(&Status::Exempt));
        assert!(statuses.contains(&Status::TemporarilyExempt));
        for m in &a {
            let age = crate::domain::date::age_years(m.birth_date.unwrap(), today);
            assert!((25..=90).contains(&age), "{} is {age}", m.full_name);
            assert!(m.admitted_on().unwrap() > m.birth_date.unwrap());
        }
        assert!(
            a.iter()
                .filter(|m| m.occupation == Some(Occupation::Retired))
                .count()
                >= 15
        );
    }
}

/// A year of realistic sample meetings up to `today`: a regular meeting every month, a
/// thematic meeting in most quarters (one quarter is missing, so the flag shows), excused
/// and unexcused absences (one member reaches three months), votes, tasks, approved
/// minutes and one amendment. The current month's meeting is left as a draft.
pub fn demo_meetings(
    members: &[(super::member::MemberId, Member)],
    branch: &Branch,
    today: NaiveDate,
) -> Vec<super::meeting::Meeting> {
    use super::meeting::{
        self as mt, AgendaItem, Amendment, Mark, MeetingKind, Speaker, Speech, Task, Threshold,
        Vote,
    };
    let mut rng = Rng::new(99);
    let mut out: Vec<mt::Meeting> = Vec::new();
    let year = today.year();
    let topics = [
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Xây dựng tổ dân phố văn minh, sạch đẹp",
        "",
        "Thực hiện quy chế dân chủ ở cơ sở",
    ];
    let mut dates = Vec::new();
    for month in 1..=today.month() {
        let Some(d) = NaiveDate::from_ymd_opt(year, month, 5 + rng.below(10) as u32) else {
            continue;
        };
        if d < today {
            dates.push((d, MeetingKind::Regular, String::new()));
        }
        let quarter = (month - 1) / 3;
        if month % 3 == 2
            && !topics[quarter as usize].is_empty()
            && let Some(t) = NaiveDate::from_ymd_opt(year, month, 20).filter(|t| *t < today)
        {
            dates.push((
                t,
                MeetingKind::Thematic,
                topics[quarter as usize].to_string(),
            ));
        }
    }
    let absentee = members
        .iter()
        .find(|(_, m)| m.status_at(today).is_active() && !m.status_at(today).is_exempt());
    for (i, (date, kind, topic)) in dates.into_iter().enumerate() {
        let mut attendance = mt::roll_for(members.iter().map(|(id, m)| (*id, m)), date);
        for r in &mut attendance {
            let roll = rng.below(100);
            r.mark = if r.status.is_exempt() {
                Mark::Unmarked
            } else if Some(r.member) == absentee.map(|a| a.0) && i % 3 == 1 {
                Mark::Unexcused
            } else if roll < 8 {
                Mark::Excused(
                    (*rng.pick(&[
                        "Ốm",
                        "Đi công tác",
                        "Về quê có việc gia đình",
                        "Trông cháu ốm",
                    ]))
                    .to_string(),
                )
            } else if roll < 10 {
                Mark::Unexcused
            } else {
                Mark::Present
            };
        }
        let present: Vec<_> = attendance
            .iter()
            .filter(|r| r.mark == Mark::Present)
            .cloned()
            .collect();
        let speaker = |k: usize| {
            present
                .get(k % present.len().max(1))
                .map(|r| Speaker::Member(r.member, r.name.clone()))
                .unwrap_or_else(|| {
                    Speaker::Guest(
                        "Phạm Văn Tuấn".into(),
                        "Đảng ủy viên phụ trách chi bộ".into(),
                    )
                })
        };
        let mut agenda: Vec<AgendaItem> = mt::agenda_template(kind, &topic)
            .into_iter()
            .map(|title| AgendaItem {
                title,
                ..AgendaItem::default()
            })
            .collect();
        if let Some(item) = agenda.get_mut(4) {
            item.speeches = vec![
                Speech { speaker: speaker(1), gist: "Đề nghị tăng cường vệ sinh môi trường khu dân cư, vận động các hộ phân loại rác.".into() },
                Speech { speaker: speaker(2), gist: "Đồng ý với báo cáo; đề nghị quan tâm thăm hỏi các gia đình chính sách.".into() },
            ];
            item.conclusion =
                "Chi bộ thống nhất các nội dung báo cáo và phương hướng tháng tới.".into();
        }
        let voters = mt::voters_present(&attendance);
        let votes = vec![Vote {
            subject: "Thông qua nghị quyết tháng".into(),
            threshold: Threshold::Majority,
            yes: voters,
            no: 0,
            abstain: 0,
        }];
        let approved = (date.month() < today.month()).then_some(date);
        let mut m = mt::Meeting {
            number: 0,
            term_start: branch.term_start,
            kind,
            topic,
            date,
            start: "19:30".into(),
            end: "21:15".into(),
            place: "Nhà văn hóa Tổ dân phố Hòa Bình".into(),
            chair: branch.secretary.clone(),
            secretary: branch.deputy.clone(),
            guests: if kind == MeetingKind::Thematic {
                vec![mt::Guest {
                    name: "Phạm Văn Tuấn".into(),
                    position: "Đảng ủy viên phụ trách chi bộ".into(),
                }]
            } else {
                Vec::new()
            },
            attendance,
            agenda,
            votes,
            tasks: vec![Task {
                who: branch.deputy.clone(),
                what: "Thu đảng phí và nộp lên Đảng ủy phường".into(),
                due: date.checked_add_days(chrono::Days::new(10)),
                done: None,
            }],
            approved,
            amendments: Vec::new(),
            proposals: Vec::new(),
        };
        if i == 2 {
            m.amendments.push(Amendment {
                date: date + Duration::days(35),
                reason: "Ghi nhầm số đảng viên vắng có lý do".into(),
                text: "Sửa: vắng có lý do 2 đồng chí (không phải 3).".into(),
            });
        }
        m.number = mt::next_number(&out, m.term_start);
        out.push(m);
    }
    out
}

/// An admission date whose 12 months of probation end on the 15th of next month.
fn due_next_month(today: NaiveDate) -> NaiveDate {
    let next = today
        .with_day(1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .and_then(|d| d.with_day(15))
        .unwrap_or(today);
    next.checked_sub_months(chrono::Months::new(12))
        .unwrap_or(today)
}

/// Sample candidates of the admission pipeline (rules.md §6.2) as of `today`: one just put
/// on the sympathiser list, one who has applied, one ready for the branch vote, one whose
/// ceremony is overdue (the decision came 60 days ago), and the record of member 5 of
/// [`demo_members`], a probationary member whose recognition falls due next month.
pub fn demo_candidates(
    members: &[(super::member::MemberId, Member)],
    branch: &Branch,
    today: NaiveDate,
) -> Vec<super::admission::Candidate> {
    use super::admission::{self as adm, Candidate, Source, Sponsor, Stage, Step, Tally};
    let refs: Vec<(super::member::MemberId, &Member)> =
        members.iter().map(|(id, m)| (*id, m)).collect();
    let officials: Vec<(super::member::MemberId, &Member)> = refs
        .iter()
        .filter(|(_, m)| adm::is_official_member(m, today) && m.exemption_at(today).is_none())
        .copied()
        .collect();
    let official = |k: usize| officials.get(k % officials.len().max(1)).copied();
    let ago = |days: i64| today - Duration::days(days);
    let step = |stage: Stage, on: NaiveDate, number: &str, issuer: &str, who: &str| {
        let mut s = Step::new(stage, on);
        s.document.number = number.into();
        s.document.date = (!number.is_empty()).then_some(on);
        s.document.issuer = issuer.into();
        s.responsible = who.into();
        s
    };
    let vote = |stage: Stage, on: NaiveDate| {
        let den = adm::default_denominator(&refs, on);
        let mut s = step(stage, on, "", &branch.name, &branch.secretary);
        s.tally = Some(Tally {
            yes: den.saturating_sub(1),
            no: 0,
            abstain: u32::from(den > 0),
            denominator: den,
            meeting: None,
        });
        s
    };
    let sponsors = |on: NaiveDate| {
        [official(1), official(2)]
            .into_iter()
            .flatten()
            .map(|(id, m)| Sponsor {
                member: id,
                name: m.full_name.clone(),
                known_since: on - Duration::days(3 * 365),
            })
            .collect::<Vec<_>>()
    };
    // Steps 1–9 of §6.2, ending `days_before` the given date.
    let through = |last: Stage, end: NaiveDate, helper: &str| {
        let at = |d: i64| end - Duration::days(d);
        let mut v = vec![step(
            Stage::Listed,
            at(420),
            "02-NQ/CB",
            &branch.name,
            helper,
        )];
        let plan = [
            (Stage::Course, 360, "215/GCN", "Đảng ủy phường"),
            (Stage::Application, 330, "", ""),
            (Stage::PersonalRecord, 320, "", ""),
            (Stage::Vetting, 260, "", ""),
            (Stage::Sponsors, 200, "", ""),
            (Stage::Comments, 150, "", ""),
            (Stage::BranchVote, 60, "08-NQ/CB", ""),
            (Stage::Decision, 25, "312-QĐ/ĐU", ""),
        ];
        for (stage, d, number, issuer) in plan {
            if stage > last {
                break;
            }
            let on = at(d);
            let mut s = match stage {
                Stage::BranchVote => vote(stage, on),
                _ => step(stage, on, number, issuer, helper),
            };
            match stage {
                Stage::Vetting => s.conclusion = "Lý lịch rõ ràng, đủ điều kiện".into(),
                Stage::Sponsors => s.sponsors = sponsors(on),
                Stage::BranchVote => s.document.number = number.into(),
                Stage::Decision => {
                    s.document.number = number.into();
                    s.document.date = Some(on);
                    s.document.issuer = branch.superior.clone();
                }
                _ => {}
            }
            v.push(s);
        }
        v
    };
    let helper = |k: usize| {
        official(k).map_or((None, String::new()), |(id, m)| {
            (Some(id), m.full_name.clone())
        })
    };
    let person = |name: &str, female: bool, birth: NaiveDate, n: u32| Member {
        full_name: name.into(),
        gender: Some(if female { Gender::Female } else { Gender::Male }),
        birth_date: Some(birth),
        ethnicity: "Kinh".into(),
        religion: "Không".into(),
        hometown: "Hải Phòng".into(),
        residential_group: "Tổ dân phố Hòa Bình".into(),
        address: format!("Số {n} đường Tân Thành"),
        phone: format!("0903{:06}", 120_000 + n * 7),
        education: "12/12".into(),
        occupation: Some(if female {
            Occupation::Freelance
        } else {
            Occupation::Worker
        }),
        ..Member::default()
    };
    let year = |y: i32| today.year() - y;
    let mut out = Vec::new();

    // 1. Just put on the sympathiser list.
    let (h, hn) = helper(0);
    out.push(Candidate {
        person: person(
            "Nguyễn Thu Trang",
            true,
            NaiveDate::from_ymd_opt(year(24), 4, 12).unwrap_or(today),
            12,
        ),
        source: Some(Source::YouthUnion),
        source_unit: "Chi đoàn Tổ dân phố Hòa Bình".into(),
        helper: h,
        helper_name: hn.clone(),
        steps: vec![step(Stage::Listed, ago(40), "11-NQ/CB", &branch.name, &hn)],
        ..Candidate::default()
    });
    // 2. Applied after the course.
    let (h, hn) = helper(3);
    let mut steps = vec![
        step(Stage::Listed, ago(300), "05-NQ/CB", &branch.name, &hn),
        step(Stage::Course, ago(150), "188/GCN", "Đảng ủy phường", &hn),
        step(Stage::Application, ago(50), "", "", &hn),
    ];
    steps[2].note = "Đơn viết tay, đã nộp chi ủy".into();
    out.push(Candidate {
        person: person(
            "Phạm Quang Minh",
            false,
            NaiveDate::from_ymd_opt(year(31), 9, 3).unwrap_or(today),
            47,
        ),
        source: Some(Source::ResidentialGroup),
        helper: h,
        helper_name: hn,
        steps,
        ..Candidate::default()
    });
    // 3. Ready for the branch vote.
    let (h, hn) = helper(4);
    out.push(Candidate {
        person: person(
            "Đỗ Thị Hồng Nhung",
            true,
            NaiveDate::from_ymd_opt(year(27), 1, 25).unwrap_or(today),
            88,
        ),
        source: Some(Source::WomenUnion),
        source_unit: "Chi hội Phụ nữ Tổ dân phố Hòa Bình".into(),
        helper: h,
        helper_name: hn.clone(),
        steps: through(Stage::Comments, ago(-140), &hn),
        ..Candidate::default()
    });
    // 4. Decision received 60 days ago, no ceremony yet: overdue.
    let (h, hn) = helper(5);
    out.push(Candidate {
        person: person(
            "Vũ Đức Thắng",
            false,
            NaiveDate::from_ymd_opt(year(35), 6, 18).unwrap_or(today),
            131,
        ),
        source: Some(Source::Veterans),
        source_unit: "Chi hội Cựu chiến binh Tổ dân phố Hòa Bình".into(),
        helper: h,
        helper_name: hn.clone(),
        steps: through(Stage::Decision, ago(35), &hn),
        ..Candidate::default()
    });
    // 5. The probationary member whose recognition falls due next month.
    if let Some((id, m)) = members.get(5)
        && let Some(admitted) = m.admitted_on()
    {
        let (h, hn) = helper(6);
        let mut steps = through(Stage::Decision, admitted, &hn);
        let mut ceremony = step(
            Stage::Ceremony,
            admitted,
            "",
            &branch.name,
            &branch.secretary,
        );
        ceremony.note = "Lễ kết nạp tại nhà văn hóa tổ dân phố".into();
        steps.push(ceremony);
        let course = admitted + Duration::days(90);
        if course <= today {
            steps.push(step(
                Stage::NewMemberCourse,
                course,
                "77/GCN",
                "Đảng ủy phường",
                &hn,
            ));
        }
        out.push(Candidate {
            person: Member {
                events: Vec::new(),
                card_number: String::new(),
                ..m.clone()
            },
            source: Some(Source::ResidentialGroup),
            helper: h,
            helper_name: hn,
            steps,
            member: Some(*id),
            ..Candidate::default()
        });
    }
    out
}

#[cfg(test)]
mod admission_tests {
    use super::*;
    use crate::domain::admission::{self as adm, DeadlineKind, Stage};

    #[test]
    fn demo_candidates_are_at_several_stages_one_overdue_one_due_next_month() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let members: Vec<_> = demo_members(2026, 35, today)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let cands = demo_candidates(&members, &demo_branch(), today);
        let refs: Vec<_> = cands
            .iter()
            .enumerate()
            .map(|(i, c)| (i as u64, c))
            .collect();
        let board = adm::board(&refs, today);
        assert_eq!(board.len(), 5);
        assert_eq!(board.iter().filter(|e| e.overdue).count(), 1);
        assert_eq!(board[0].next, Some(Stage::Ceremony));
        let mut stages: Vec<_> = cands.iter().filter_map(|c| c.stage()).collect();
        stages.dedup();
        assert_eq!(stages.len(), 5, "five different stages");
        for c in &cands {
            assert!(
                c.steps
                    .windows(2)
                    .all(|w| w[0].date <= w[1].date && w[0].stage < w[1].stage)
            );
            assert!(c.steps.iter().all(|s| s.date <= today));
            assert!(c.helper.is_some());
        }
        // The probationary member 5: probation ends on 15 December, next month.
        let due = cands.iter().find(|c| c.member == Some(6)).unwrap();
        let d = adm::next_deadline(due).unwrap();
        assert_eq!(d.kind, DeadlineKind::Recognition);
        assert_eq!(d.not_before, NaiveDate::from_ymd_opt(2026, 12, 15));
        assert_eq!(
            members[5].1.admitted_on(),
            NaiveDate::from_ymd_opt(2025, 12, 15)
        );
        // The candidate ready for the vote may vote today.
        let ready = cands
            .iter()
            .find(|c| c.stage() == Some(Stage::Comments))
            .unwrap();
        assert_eq!(adm::readiness(ready, today), vec![]);
    }
}

/// Sample dues ledgers and badge records for the sample branch, as of `today`.
pub struct DemoLedgers {
    /// Dues ledgers by member.
    pub dues: Vec<(super::member::MemberId, super::dues::Ledger)>,
    /// Badge records by member.
    pub badges: Vec<(super::member::MemberId, super::badges::BadgeRecord)>,
}

/// A year of sample dues up to `today` and this year's badges.
///
/// Dues: pensioners pay 0.5% of a pension of 4–8 million đồng, members with social
/// insurance 1% of a salary of 6–15 million, the others a fixed amount; members with 50
/// years of membership are exempt. Months are paid at the monthly meeting, in cash or
/// online; one member has a 50% hardship reduction; one member has left four months
/// unpaid (flagged) and one member one month; this month's collection is under way.
/// Badges: the milestones of this year's presentation dates already past are awarded with
/// a decision number; one member with a milestone within the early window of the next
/// presentation date is marked seriously ill.
pub fn demo_ledgers(
    members: &[(super::member::MemberId, Member)],
    today: NaiveDate,
) -> DemoLedgers {
    use super::badges::{self, Award, BadgeRecord};
    use super::dues::{
        self, Category, Due, Ledger, Method, Payment, Profile, Relief, ReliefKind, YearMonth,
    };
    let mut rng = Rng::new(4242);
    let now = YearMonth::of(today);
    let january = YearMonth {
        year: today.year(),
        month: 1,
    };
    let mut ledgers: Vec<(super::member::MemberId, Ledger)> = Vec::new();
    for (id, m) in members {
        if !dues::in_branch(m, january) && !dues::in_branch(m, now) {
            continue;
        }
        let (category, base) = match m.occupation {
            Some(Occupation::Retired) => (Category::Pension, 4_000_000 + rng.below(400) * 10_000),
            Some(Occupation::CivilServant | Occupation::Worker | Occupation::ArmedForces) => {
                (Category::Salary, 6_000_000 + rng.below(900) * 10_000)
            }
            Some(Occupation::Student) => (Category::Student, 0),
            _ => (Category::Fixed, 20_000 + rng.below(7) * 5_000),
        };
        let mut l = Ledger::default();
        l.set_profile(Profile {
            from: january,
            category,
            base: base as i64,
            relief: None,
        });
        ledgers.push((*id, l));
    }
    // Who owes money this year (not exempt by length of membership).
    let owing: Vec<usize> = ledgers
        .iter()
        .enumerate()
        .filter(|(_, (id, l))| {
            members.iter().any(|(mid, m)| {
                mid == id
                    && matches!(dues::due(m, l, now), Due::Owed(_))
                    && m.status_at(today).is_active()
                    && !m.status_at(today).is_exempt()
            })
        })
        .map(|(i, _)| i)
        .collect();
    let late = owing.get(2).copied();
    let one_month = owing.get(6).copied();
    let reduced = owing.get(4).copied();
    if let Some((_, l)) = reduced.and_then(|i| ledgers.get_mut(i))
        && let Some(p) = l.profiles.first_mut()
    {
        p.relief = Some(Relief {
            kind: ReliefKind::choices()
                .get(3)
                .copied()
                .unwrap_or(ReliefKind::Exempt),
            decision: "Nghị quyết chi bộ số 04-NQ/CB ngày 10/03".into(),
            from: YearMonth {
                year: today.year(),
                month: 3,
            },
            to: YearMonth {
                year: today.year(),
                month: 8,
            },
        });
    }
    for (i, (id, l)) in ledgers.iter_mut().enumerate() {
        let Some((_, m)) = members.iter().find(|(mid, _)| mid == id) else {
            continue;
        };
        let away = m.status_at(today).is_exempt();
        for month in january.through(now) {
            let Due::Owed(amount) = dues::due(m, l, month) else {
                continue;
            };
            let skip = (Some(i) == late && month.month + 6 > now.month && month < now)
                || (Some(i) == one_month && month.month + 2 == now.month)
                || (month == now && (rng.below(3) == 0 || Some(i) == late));
            if skip {
                continue;
            }
            let online = away || rng.below(5) == 0;
            let day = if month == now {
                today
            } else {
                month.first_day() + Duration::days(9 + rng.below(5) as i64)
            };
            l.pay(Payment {
                month,
                amount,
                method: if online { Method::Online } else { Method::Cash },
                date: day,
                payer: String::new(),
            });
        }
    }

    // Badges: awards at this year's past presentation dates; one early candidate.
    let mut records: std::collections::BTreeMap<super::member::MemberId, BadgeRecord> =
        std::collections::BTreeMap::new();
    let mut decision = 100 + rng.below(50);
    for p in badges::presentation_dates(today.year()) {
        if p > today {
            continue;
        }
        for c in badges::candidates(members.iter().map(|(id, m)| (*id, m)), &records, p) {
            decision += 1;
            records.entry(c.member).or_default().set_award(Award {
                milestone: c.milestone,
                date: p,
                decision: format!("{decision}-QĐ/TU"),
            });
        }
    }
    if let Some(next) = badges::next_presentation(today) {
        let early = members.iter().find(|(_, m)| {
            m.status_at(today).is_active()
                && badges::next_milestone(m, next).is_some_and(|(y, d)| {
                    d > next
                        && d.checked_sub_months(chrono::Months::new(badges::early_months(y)))
                            .is_some_and(|start| start <= next)
                })
        });
        if let Some((id, _)) = early {
            records.entry(*id).or_default().serious_illness = true;
        }
    }
    DemoLedgers {
        dues: ledgers,
        badges: records.into_iter().collect(),
    }
}

/// Review records of the sample branch and its classification: two finished years (final
/// grades decided by the ward, within the HTXSNV cap) and the current year in progress
/// (plans, monthly self-assessments from the thematic meetings, some self-reviews and
/// proposals).
#[allow(clippy::type_complexity)]
pub fn demo_reviews(
    members: &[(super::member::MemberId, Member)],
    meetings: &[super::meeting::Meeting],
    today: NaiveDate,
) -> (
    Vec<((i32, super::member::MemberId), super::review::MemberReview)>,
    Vec<(i32, super::review::BranchYear)>,
) {
    use super::meeting::{Mark, MeetingKind};
    use super::review::{self as rv, BranchYear, Grade, MemberReview};
    let mut rng = Rng::new(4);
    let mut out = Vec::new();
    let mut years = Vec::new();
    let plans = [
        "Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước; tham gia đầy đủ sinh hoạt chi bộ; vận động gia đình thực hiện nếp sống văn minh.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; tích cực tham gia công tác của tổ dân phố.",
        "Đóng đảng phí đầy đủ, đúng hạn; tham gia phong trào bảo vệ an ninh trật tự khu dân cư.",
    ];
    for (k, year) in [today.year() - 2, today.year() - 1, today.year()]
        .into_iter()
        .enumerate()
    {
        let finished = k < 2;
        let Some(dec31) = NaiveDate::from_ymd_opt(year, 12, 31) else {
            continue;
        };
        let rows = rv::vote_rows(members, None, dec31);
        let voters = super::meeting::voters_present(&rows);
        let mut excellent = 0u32;
        let mut good = 0u32;
        let mut n = 0;
        for (id, m) in members.iter().filter(|(_, m)| rv::in_year_list(m, year)) {
            n += 1;
            let excluded = rv::exclusion(m, year, dec31).is_some();
            let mut r = MemberReview {
                plan: (*rng.pick(&plans)).to_string(),
                ..MemberReview::default()
            };
            for mt in meetings.iter().filter(|mt| {
                mt.kind == MeetingKind::Thematic
                    && mt.date.year() == year
                    && mt
                        .attendance
                        .iter()
                        .any(|a| a.member == *id && a.mark == Mark::Present)
            }) {
                let notes = [
                    "Thực hiện tốt kế hoạch rèn luyện đã đăng ký.",
                    "Cơ bản thực hiện kế hoạch; cần tích cực hơn trong công tác vận động.",
                    "Tham gia đầy đủ các hoạt động của tổ dân phố.",
                ];
                let note = *rng.pick(&notes);
                r.set_monthly(mt.date, note);
            }
            if excluded {
                out.push(((year, *id), r));
                continue;
            }
            if finished || n % 3 == 0 {
                let roll = rng.below(100);
                // Keep HTXSNV within the cap of the members graded HTTNV so far.
                let grade = if roll < 15 && excellent < rv::excellent_cap(good + 4) {
                    Grade::Excellent
                } else if roll < 90 {
                    Grade::Good
                } else {
                    Grade::Completed
                };
                match grade {
                    Grade::Excellent => excellent += 1,
                    Grade::Good => good += 1,
                    _ => {}
                }
                let score = match grade {
                    Grade::Excellent => 90 + rng.below(8) as u8,
                    Grade::Good => 72 + rng.below(16) as u8,
                    _ => 55 + rng.below(12) as u8,
                };
                r.strengths =
                    "Có lập trường chính trị vững vàng; gương mẫu, đoàn kết, gần gũi nhân dân."
                        .into();
                r.weaknesses = "Có lúc chưa mạnh dạn phê bình và tự phê bình.".into();
                r.causes = "Tuổi cao, sức khỏe hạn chế; còn nể nang.".into();
                r.remedies = "Tích cực học tập, nêu cao tinh thần tự phê bình và phê bình.".into();
                r.self_score = Some(score);
                r.self_grade = Some(grade);
                if finished || n % 2 == 0 {
                    r.comments = "Chi bộ nhất trí với bản tự kiểm điểm của đồng chí.".into();
                    r.proposed = Some(grade);
                    let yes = voters.saturating_sub(rng.below(3) as u32);
                    r.vote = rv::grade_vote(yes, voters - yes, 0, &rows).ok();
                }
                if finished {
                    r.final_grade = Some(grade);
                    r.decision = format!("{:02}-QĐ/ĐU", 10 + k);
                    r.decided_on = NaiveDate::from_ymd_opt(year + 1, 1, 15).filter(|d| *d <= today);
                }
            }
            out.push(((year, *id), r));
        }
        if finished {
            years.push((
                year,
                BranchYear {
                    grade: Some(Grade::Good),
                    note: format!("Quyết định số {:02}-QĐ/ĐU của Đảng ủy phường", 20 + k),
                },
            ));
        }
    }
    (out, years)
}
