//! The figures superiors ask for (seed 004 §2.1): member structure at a date, movements in
//! a period, meeting attendance; percentages that add up, written the Vietnamese way
//! (1.239 đảng viên, 77,4%).

use chrono::{Datelike, NaiveDate};

use super::date;
use super::meeting::{self, Meeting, MeetingKind};
use super::member::{
    EventKind, Gender, Member, Membership, Occupation, PoliticalTheory, Professional, Status,
};

/// Formats a whole number with a dot between thousands: 1239 → "1.239".
pub fn format_int(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Formats tenths of a percent with a decimal comma: 774 → "77,4%".
pub fn format_permille(p: u32) -> String {
    meeting::format_permille(p)
}

/// Tenths of a percent of `part` in `whole` (see [`meeting::permille`]).
pub fn permille(part: u64, whole: u64) -> u32 {
    meeting::permille(part, whole)
}

/// Shares of a total in tenths of a percent that add up to exactly 1000 (largest
/// remainder method), so a report's parts sum to 100,0%. All zero when the total is 0.
pub fn shares(counts: &[u32]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|c| u64::from(*c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let exact: Vec<(u32, u64)> = counts
        .iter()
        .map(|c| {
            let x = u64::from(*c) * 1000;
            ((x / total) as u32, x % total)
        })
        .collect();
    let mut out: Vec<u32> = exact.iter().map(|(q, _)| *q).collect();
    let mut left = 1000 - out.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

/// A category's rows: label key and count.
pub type Rows = Vec<(String, u32)>;

/// General education as reported: from "12/12"-style text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schooling {
    /// Trung học phổ thông (10–12).
    Upper,
    /// Trung học cơ sở (6–9).
    Lower,
    /// Tiểu học (1–5).
    Primary,
    /// Not recorded.
    Unknown,
}

/// Reads the grade from "12/12", "10/10", "9/12", "7".
pub fn schooling(education: &str) -> Schooling {
    let grade: Option<u32> = education
        .split('/')
        .next()
        .and_then(|g| g.trim().parse().ok());
    match grade {
        Some(g) if g >= 10 => Schooling::Upper,
        Some(g) if g >= 6 => Schooling::Lower,
        Some(_) => Schooling::Primary,
        None => Schooling::Unknown,
    }
}

/// Age brackets of the report.
pub const AGE_BRACKETS: [(i32, i32); 4] = [(0, 30), (30, 40), (40, 60), (60, 200)];

/// The member structure at a date (members of the branch on that date; hosted members
/// belong to their own branch and are not counted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    /// The date.
    pub at: Option<NaiveDate>,
    /// Total.
    pub total: u32,
    /// Chính thức.
    pub official: u32,
    /// Dự bị.
    pub probationary: u32,
    /// Nữ.
    pub women: u32,
    /// Per age bracket of [`AGE_BRACKETS`], then unknown.
    pub ages: [u32; 5],
    /// Per schooling: upper, lower, primary, unknown.
    pub schooling: [u32; 4],
    /// Per professional level (in `Professional::ALL` order), then unknown.
    pub professional: Vec<u32>,
    /// Per political theory level (in `PoliticalTheory::ALL` order), then unknown.
    pub theory: Vec<u32>,
    /// Per occupation (in `Occupation::ALL` order), then unknown.
    pub occupation: Vec<u32>,
    /// Dân tộc: name and count, largest first.
    pub ethnicity: Rows,
    /// Tôn giáo: name and count, largest first.
    pub religion: Rows,
    /// Miễn / tạm miễn sinh hoạt.
    pub exempt: u32,
}

fn tally(rows: &mut Rows, key: &str) {
    let key = if key.trim().is_empty() {
        "—"
    } else {
        key.trim()
    };
    match rows.iter_mut().find(|(k, _)| k == key) {
        Some((_, n)) => *n += 1,
        None => rows.push((key.to_string(), 1)),
    }
}

fn index_of<T: PartialEq>(all: &[T], v: Option<T>) -> usize {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .unwrap_or(all.len())
}

/// The member structure on `at`.
pub fn structure<'a>(members: impl IntoIterator<Item = &'a Member>, at: NaiveDate) -> Structure {
    let mut s = Structure {
        at: Some(at),
        professional: vec![0; Professional::ALL.len() + 1],
        theory: vec![0; PoliticalTheory::ALL.len() + 1],
        occupation: vec![0; Occupation::ALL.len() + 1],
        ..Structure::default()
    };
    for m in members {
        let status = m.status_at(at);
        if !status.is_active() || status == Status::TemporarilyHosted {
            continue;
        }
        s.total += 1;
        match m.membership_at(at) {
            Some(Membership::Official) => s.official += 1,
            _ => s.probationary += 1,
        }
        if status.is_exempt() {
            s.exempt += 1;
        }
        if m.gender == Some(Gender::Female) {
            s.women += 1;
        }
        let age_slot = m.birth_date.map_or(4, |b| {
            let age = date::age_years(b, at);
            AGE_BRACKETS
                .iter()
                .position(|(lo, hi)| age >= *lo && age < *hi)
                .unwrap_or(4)
        });
        s.ages[age_slot] += 1;
        s.schooling[match schooling(&m.education) {
            Schooling::Upper => 0,
            Schooling::Lower => 1,
            Schooling::Primary => 2,
            Schooling::Unknown => 3,
        }] += 1;
        s.professional[index_of(Professional::ALL, m.professional)] += 1;
        s.theory[index_of(PoliticalTheory::ALL, m.political_theory)] += 1;
        s.occupation[index_of(Occupation::ALL, m.occupation)] += 1;
        tally(&mut s.ethnicity, &m.ethnicity);
        tally(&mut s.religion, &m.religion);
    }
    s.ethnicity
        .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    s.religion.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    s
}

/// Movements in a period (both ends included), as the ward reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Movements {
    /// Kết nạp mới.
    pub admitted: u32,
    /// Chuyển đến.
    pub transferred_in: u32,
    /// Chuyển đi.
    pub transferred_out: u32,
    /// Xóa tên.
    pub removed: u32,
    /// Từ trần.
    pub deceased: u32,
    /// Khai trừ.
    pub expelled: u32,
}

impl Movements {
    /// Net change: in minus out.
    pub fn net(&self) -> i64 {
        i64::from(self.admitted) + i64::from(self.transferred_in)
            - i64::from(self.transferred_out)
            - i64::from(self.removed)
            - i64::from(self.deceased)
            - i64::from(self.expelled)
    }
}

/// Counts the timeline events of each kind dated within [from, to].
pub fn movements<'a>(
    members: impl IntoIterator<Item = &'a Member>,
    from: NaiveDate,
    to: NaiveDate,
) -> Movements {
    let mut mv = Movements::default();
    for m in members {
        for e in m.events.iter().filter(|e| e.date >= from && e.date <= to) {
            match e.kind {
                EventKind::Admitted => mv.admitted += 1,
                EventKind::TransferredIn => mv.transferred_in += 1,
                EventKind::TransferredOut => mv.transferred_out += 1,
                EventKind::Removed => mv.removed += 1,
                EventKind::Died => mv.deceased += 1,
                EventKind::Expelled => mv.expelled += 1,
                _ => {}
            }
        }
    }
    mv
}

/// Meeting figures in a period: meetings held per kind and the average attendance rate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeetingFigures {
    /// Meetings per kind, in `MeetingKind::ALL` order.
    pub held: [u32; 4],
    /// Per meeting: date, kind, present, expected.
    pub attendance: Vec<(NaiveDate, MeetingKind, u32, u32)>,
    /// Per member who was expected at least once: name (at the latest roll call), present,
    /// expected; in Vietnamese name order. Expected means on the roll and not exempted,
    /// away on a temporary transfer or hosted from elsewhere on the day (§3.3).
    pub per_member: Vec<(String, u32, u32)>,
}

impl MeetingFigures {
    /// The members' lines that carry a name (a ward's copy of a register has none).
    pub fn named_members(&self) -> Vec<&(String, u32, u32)> {
        self.per_member
            .iter()
            .filter(|(n, ..)| !n.is_empty())
            .collect()
    }

    /// Attendance over all meetings, in tenths of a percent.
    pub fn rate(&self) -> u32 {
        let (p, e) = self
            .attendance
            .iter()
            .fold((0u64, 0u64), |(p, e), (_, _, a, b)| {
                (p + u64::from(*a), e + u64::from(*b))
            });
        meeting::permille(p, e)
    }
}

/// Meeting figures for meetings dated within [from, to].
pub fn meeting_figures<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    from: NaiveDate,
    to: NaiveDate,
) -> MeetingFigures {
    let mut f = MeetingFigures::default();
    let mut ms: Vec<&Meeting> = meetings
        .into_iter()
        .filter(|m| m.date >= from && m.date <= to)
        .collect();
    ms.sort_by_key(|m| m.date);
    let mut members: std::collections::BTreeMap<u64, (String, u32, u32)> = Default::default();
    for m in &ms {
        for r in &m.attendance {
            let expected = r.status != Status::TemporarilyHosted
                && !r.status.is_exempt()
                && r.status != Status::TemporarilyAway;
            if expected {
                let e = members.entry(r.member).or_default();
                e.0.clone_from(&r.name);
                e.2 += 1;
                if r.mark == meeting::Mark::Present {
                    e.1 += 1;
                }
            }
        }
    }
    f.per_member = members.into_values().collect();
    f.per_member
        .sort_by(|a, b| super::text::compare_names(&a.0, &b.0));
    for m in ms {
        let k = MeetingKind::ALL
            .iter()
            .position(|k| *k == m.kind)
            .unwrap_or(0);
        f.held[k] += 1;
        let c = meeting::counts(&m.attendance);
        // #22.7: an exempt member who attends is welcome but not expected, so the rate
        // counts only the expected who came and never exceeds 100%.
        f.attendance
            .push((m.date, m.kind, c.present_expected, c.must_attend));
    }
    f
}

/// First day of the year of `d`.
pub fn year_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::MemberEvent;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(format_int(1239), "1.239");
        assert_eq!(format_int(45), "45");
        assert_eq!(format_int(1_000_000), "1.000.000");
        assert_eq!(format_permille(774), "77,4%");
    }

    #[test]
    fn shares_add_up_to_a_hundred_percent() {
        let s = shares(&[1, 1, 1]);
        assert_eq!(s.iter().sum::<u32>(), 1000);
        assert_eq!(s, vec![334, 333, 333]);
        assert_eq!(shares(&[10, 111, 4]).iter().sum::<u32>(), 1000);
        assert_eq!(shares(&[10, 111, 4]), vec![80, 888, 32]);
        assert_eq!(shares(&[0, 0]), vec![0, 0]);
    }

    fn member(birth: NaiveDate, admitted: NaiveDate, extra: &[MemberEvent]) -> Member {
        let mut m = Member {
            full_name: "A".into(),
            birth_date: Some(birth),
            education: "12/12".into(),
            ethnicity: "Kinh".into(),
            religion: "Không".into(),
            gender: Some(Gender::Female),
            events: vec![MemberEvent::new(admitted, EventKind::Admitted, "")],
            ..Member::default()
        };
        for e in extra {
            m.add_event(e.clone());
        }
        m
    }

    #[test]
    fn structure_at_a_date_before_and_after_later_events() {
        let died = MemberEvent::new(d(2026, 5, 1), EventKind::Died, "");
        let ms = vec![
            member(d(1990, 1, 1), d(2015, 1, 1), &[]),
            member(d(1950, 1, 1), d(1975, 1, 1), &[died]),
            member(d(2000, 6, 1), d(2026, 2, 1), &[]),
        ];
        let before = structure(&ms, d(2026, 3, 1));
        assert_eq!(
            (before.total, before.official, before.probationary),
            (3, 0, 3)
        );
        assert_eq!(before.ages, [1, 1, 0, 1, 0]);
        let after = structure(&ms, d(2026, 6, 1));
        assert_eq!(after.total, 2);
        assert_eq!(after.ages, [1, 1, 0, 0, 0]);
        let early = structure(&ms, d(2020, 1, 1));
        assert_eq!(early.total, 2, "the third was admitted later");
        assert_eq!(after.ethnicity, vec![("Kinh".to_string(), 2)]);
        assert_eq!(schooling("9/12"), Schooling::Lower);
        assert_eq!(schooling(""), Schooling::Unknown);
    }

    #[test]
    fn movements_in_a_period_and_the_net_change() {
        let out = MemberEvent::new(d(2026, 2, 1), EventKind::TransferredOut, "");
        let ms = vec![
            member(d(1990, 1, 1), d(2025, 8, 1), &[out]),
            member(d(1960, 1, 1), d(1980, 1, 1), &[]),
        ];
        let mv = movements(&ms, d(2025, 7, 1), d(2026, 3, 1));
        assert_eq!((mv.admitted, mv.transferred_out), (1, 1));
        assert_eq!(mv.net(), 0);
        assert_eq!(movements(&ms, d(2025, 9, 1), d(2026, 3, 1)).net(), -1);
    }

    #[test]
    fn attendance_per_member_counts_only_the_days_a_member_was_expected() {
        use crate::domain::meeting::{AttendanceRow, Mark};
        let row = |member, name: &str, status, mark| AttendanceRow {
            member,
            name: name.into(),
            status,
            membership: Membership::Official,
            mark,
        };
        let meeting = |day, rows| {
            let branch = crate::domain::demo::demo_branch();
            let mut m = crate::domain::demo::demo_meetings(&[], &branch, d(2026, 11, 21))
                .into_iter()
                .next()
                .expect("a sample meeting");
            m.date = d(2026, 3, day);
            m.attendance = rows;
            m
        };
        let ms = [
            meeting(
                5,
                vec![
                    row(1, "Trần Văn Bình", Status::Official, Mark::Present),
                    row(2, "Lê Thị An", Status::Official, Mark::Unexcused),
                    row(3, "Khách Tạm Trú", Status::TemporarilyHosted, Mark::Present),
                ],
            ),
            meeting(
                20,
                vec![
                    row(
                        1,
                        "Trần Văn Bình",
                        Status::Official,
                        Mark::Excused("ốm".into()),
                    ),
                    row(2, "Lê Thị An", Status::TemporarilyExempt, Mark::Present),
                ],
            ),
        ];
        let f = meeting_figures(ms.iter(), d(2026, 1, 1), d(2026, 12, 31));
        // An (given name first in Vietnamese order) expected once (exempt on the 20th);
        // Bình expected twice; the hosted guest is not the branch's member.
        assert_eq!(
            f.per_member,
            vec![
                ("Lê Thị An".to_string(), 0, 1),
                ("Trần Văn Bình".to_string(), 1, 2),
            ]
        );
        let expected: u32 = f.per_member.iter().map(|m| m.2).sum();
        assert_eq!(expected, f.attendance.iter().map(|a| a.3).sum::<u32>());
        // Rule #22.7: the exempt An who came on the 20th is not counted (0 of 1, not 1 of 1).
        assert_eq!(f.attendance[1].2, 0);
        assert_eq!(f.attendance[1].3, 1);
    }

    #[test]
    fn rule_22_7_attendance_never_exceeds_a_hundred_percent() {
        use crate::domain::meeting::{AttendanceRow, Mark};
        // 31 must attend and all came, and so did one exempt and one away member: 31/31.
        let mut rows: Vec<AttendanceRow> = (0..31)
            .map(|i| AttendanceRow {
                member: i,
                name: format!("M{i}"),
                status: Status::Official,
                membership: Membership::Official,
                mark: Mark::Present,
            })
            .collect();
        for (id, status) in [(40, Status::Exempt), (41, Status::TemporarilyAway)] {
            rows.push(AttendanceRow {
                member: id,
                name: format!("M{id}"),
                status,
                membership: Membership::Official,
                mark: Mark::Present,
            });
        }
        let branch = crate::domain::demo::demo_branch();
        let mut m = crate::domain::demo::demo_meetings(&[], &branch, d(2026, 11, 21))
            .into_iter()
            .next()
            .expect("a sample meeting");
        m.date = d(2026, 3, 5);
        m.attendance = rows;
        let f = meeting_figures([&m], d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(f.attendance[0].2, 31);
        assert_eq!(f.attendance[0].3, 31);
        assert_eq!(f.rate(), 1000);
        let c = crate::domain::meeting::counts(&m.attendance);
        assert_eq!((c.present, c.present_expected, c.must_attend), (33, 31, 31));
    }

    #[test]
    fn rule_22_one_rounding_rule_for_the_shares_of_a_table() {
        // 5 of 33 beside 28 of 33: rounded alone 15,2% + 84,8% = 100,0%; beside 10 and 18,
        // the largest remainder keeps the sum at 100,0% too.
        for counts in [
            vec![5, 28],
            vec![5, 10, 18],
            vec![1, 1, 1],
            vec![2, 2, 2, 1],
        ] {
            assert_eq!(shares(&counts).iter().sum::<u32>(), 1000, "{counts:?}");
        }
        assert_eq!(shares(&[5, 28]), vec![152, 848]);
        assert_eq!(
            crate::domain::review::shares_permille(&[5, 10, 18]),
            shares(&[5, 10, 18])
        );
    }
}
