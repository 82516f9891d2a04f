//! Branch meetings (sinh hoạt chi bộ): types and agenda templates (rules.md §3.2), the roll
//! call and its counts (§3.3), votes with the §2 denominator, tasks, approval and
//! amendments, Party document numbering (§10), the year at a glance and absence flags (§7).

use chrono::{Datelike, NaiveDate};

use super::member::{Member, MemberId, Membership, Status};
use super::rules::{self, RuleId};

/// Store key of a meeting.
pub type MeetingId = u64;

/// The kind of a branch meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingKind {
    /// Thường kỳ (monthly).
    Regular,
    /// Chuyên đề (thematic, with a topic).
    Thematic,
    /// Bất thường.
    Extraordinary,
    /// Kiểm điểm cuối năm.
    YearEndReview,
}

impl MeetingKind {
    /// Every kind, in form order.
    pub const ALL: &'static [MeetingKind] = &[
        MeetingKind::Regular,
        MeetingKind::Thematic,
        MeetingKind::Extraordinary,
        MeetingKind::YearEndReview,
    ];
}

/// How a member answered the roll call.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mark {
    /// Not marked yet.
    #[default]
    Unmarked,
    /// Có mặt.
    Present,
    /// Vắng có lý do (the reason).
    Excused(String),
    /// Vắng không lý do.
    Unexcused,
}

/// One row of the roll call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    /// The member.
    pub member: MemberId,
    /// The name when the roll was taken (kept for the minutes even if the record goes).
    pub name: String,
    /// The member's status on the meeting date when the roll was taken.
    pub status: Status,
    /// Official or probationary on that date.
    pub membership: Membership,
    /// The answer.
    pub mark: Mark,
}

/// A guest of the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guest {
    /// Họ và tên.
    pub name: String,
    /// Chức vụ, e.g. "Đảng ủy viên phụ trách chi bộ".
    pub position: String,
}

/// Who spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// A member of the branch (id and name at the time).
    Member(MemberId, String),
    /// A guest (name and position at the time).
    Guest(String, String),
}

impl Speaker {
    /// The speaker's name.
    pub fn name(&self) -> &str {
        match self {
            Speaker::Member(_, n) | Speaker::Guest(n, _) => n,
        }
    }
}

/// One contribution to the discussion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// Who spoke.
    pub speaker: Speaker,
    /// The gist of what was said.
    pub gist: String,
}

/// One agenda item with its discussion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgendaItem {
    /// The item.
    pub title: String,
    /// Who said what, in order.
    pub speeches: Vec<Speech>,
    /// The chair's conclusion on the item.
    pub conclusion: String,
}

/// Which threshold a vote needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// More than half of the denominator (Điều lệ Đ.10).
    Majority,
    /// At least two thirds (admission, recognition).
    TwoThirds,
}

/// A recorded vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// What was voted on.
    pub subject: String,
    /// The threshold it needs.
    pub threshold: Threshold,
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết / phiếu trắng.
    pub abstain: u32,
}

/// A task assigned at the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// Who (a name, or a group).
    pub who: String,
    /// What.
    pub what: String,
    /// By when.
    pub due: Option<NaiveDate>,
    /// When it was marked done (none: still open).
    pub done: Option<NaiveDate>,
}

/// A member's proposal (kiến nghị), noted before the meeting, answered in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proposal {
    /// Who raised it.
    pub who: String,
    /// What is proposed.
    pub text: String,
    /// The branch's answer (empty until the meeting gives one).
    pub answer: String,
}

/// A correction made after approval, shown with the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// When.
    pub date: NaiveDate,
    /// Why.
    pub reason: String,
    /// The corrected text.
    pub text: String,
}

/// A branch meeting and its minutes (biên bản).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Document number within the committee term (Số 05-BB/CB).
    pub number: u32,
    /// First year of the committee term the number belongs to.
    pub term_start: i32,
    /// Kind.
    pub kind: MeetingKind,
    /// Topic of a thematic meeting.
    pub topic: String,
    /// Date.
    pub date: NaiveDate,
    /// Start time "HH:MM".
    pub start: String,
    /// End time "HH:MM".
    pub end: String,
    /// Địa điểm.
    pub place: String,
    /// Chủ trì.
    pub chair: String,
    /// Thư ký.
    pub secretary: String,
    /// Khách mời.
    pub guests: Vec<Guest>,
    /// The roll call.
    pub attendance: Vec<AttendanceRow>,
    /// Agenda and discussion.
    pub agenda: Vec<AgendaItem>,
    /// Votes.
    pub votes: Vec<Vote>,
    /// Tasks assigned.
    pub tasks: Vec<Task>,
    /// When the minutes were approved (thông qua); read-only from then on.
    pub approved: Option<NaiveDate>,
    /// Corrections after approval.
    pub amendments: Vec<Amendment>,
    /// Members' proposals with the branch's answers.
    pub proposals: Vec<Proposal>,
}

impl Meeting {
    /// A meeting with only its number, term, kind and date: no roll call, minutes or
    /// anything else yet.
    pub fn empty(number: u32, term_start: i32, kind: MeetingKind, date: NaiveDate) -> Meeting {
        Meeting {
            number,
            term_start,
            kind,
            topic: String::new(),
            date,
            start: String::new(),
            end: String::new(),
            place: String::new(),
            chair: String::new(),
            secretary: String::new(),
            guests: Vec::new(),
            attendance: Vec::new(),
            agenda: Vec::new(),
            votes: Vec::new(),
            tasks: Vec::new(),
            approved: None,
            amendments: Vec::new(),
            proposals: Vec::new(),
        }
    }
}

/// The agenda a meeting of this kind starts with (rules.md §3.2 order).
pub fn agenda_template(kind: MeetingKind, topic: &str) -> Vec<String> {
    let mut items: Vec<String> = vec![
        "Khai mạc, giới thiệu đại biểu, cử thư ký".into(),
        "Điểm danh, báo cáo tình hình đảng viên và thu đảng phí".into(),
        "Thông qua chương trình".into(),
    ];
    match kind {
        MeetingKind::Regular => items.extend([
            "Thông tin thời sự, phổ biến chỉ thị, nghị quyết của cấp trên".to_string(),
            "Đánh giá kết quả tháng trước, nhiệm vụ tháng tới".to_string(),
            "Thảo luận, phê bình và tự phê bình".to_string(),
            "Công tác tổ chức, đảng viên (nếu có)".to_string(),
        ]),
        MeetingKind::Thematic => items.extend([
            format!("Báo cáo chuyên đề: {topic}"),
            "Thảo luận chuyên đề".to_string(),
            "Đảng viên tự đánh giá việc thực hiện cam kết, kế hoạch rèn luyện".to_string(),
        ]),
        MeetingKind::Extraordinary => items.push(format!("Nội dung: {topic}")),
        MeetingKind::YearEndReview => items.extend([
            "Kiểm điểm tập thể chi bộ".to_string(),
            "Đảng viên trình bày bản tự kiểm điểm; chi bộ góp ý".to_string(),
            "Biểu quyết đề xuất xếp loại đảng viên".to_string(),
        ]),
    }
    items.extend([
        "Chủ trì kết luận, giao nhiệm vụ, biểu quyết nghị quyết".to_string(),
        "Tự đánh giá chất lượng buổi sinh hoạt".to_string(),
        "Thư ký đọc biên bản; chi bộ thông qua biên bản".to_string(),
    ]);
    items
}

/// The roll for a meeting on `date`: every member still in the branch on that date.
pub fn roll_for<'a>(
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
    date: NaiveDate,
) -> Vec<AttendanceRow> {
    members
        .into_iter()
        .filter_map(|(id, m)| {
            let status = m.status_at(date);
            let membership = m.membership_at(date)?;
            status.is_active().then(|| AttendanceRow {
                member: id,
                name: m.full_name.clone(),
                status,
                membership,
                // Members away on a temporary transfer are not expected here.
                mark: Mark::Unmarked,
            })
        })
        .collect()
}

/// The figures a biên bản records about attendance (rules.md §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Tổng số đảng viên of the branch (hosted members excluded).
    pub total: u32,
    /// Chính thức.
    pub official: u32,
    /// Dự bị.
    pub probationary: u32,
    /// Miễn or tạm miễn sinh hoạt.
    pub exempt: u32,
    /// Sinh hoạt tạm thời nơi khác (SHT đi).
    pub away: u32,
    /// Sinh hoạt tạm thời tại chi bộ (SHT đến).
    pub hosted: u32,
    /// Phải có mặt: total − exempt − away.
    pub must_attend: u32,
    /// Có mặt (everyone present, hosted and exempt included).
    pub present: u32,
    /// Present official members.
    pub present_official: u32,
    /// Present probationary members.
    pub present_probationary: u32,
    /// Present hosted members.
    pub present_hosted: u32,
    /// Present among those who must attend (exempt, away and hosted members who come are
    /// welcome but not counted): never more than `must_attend` (#22.7).
    pub present_expected: u32,
    /// Vắng có lý do.
    pub excused: u32,
    /// Vắng không lý do.
    pub unexcused: u32,
}

/// Computes the attendance counts of a roll call (never typed by hand).
pub fn counts(rows: &[AttendanceRow]) -> Counts {
    let mut c = Counts::default();
    for r in rows {
        let hosted = r.status == Status::TemporarilyHosted;
        if hosted {
            c.hosted += 1;
        } else {
            c.total += 1;
            match r.membership {
                Membership::Official => c.official += 1,
                Membership::Probationary => c.probationary += 1,
            }
            if r.status.is_exempt() {
                c.exempt += 1;
            }
            if r.status == Status::TemporarilyAway {
                c.away += 1;
            }
        }
        match &r.mark {
            Mark::Present => {
                c.present += 1;
                if !hosted && !r.status.is_exempt() && r.status != Status::TemporarilyAway {
                    c.present_expected += 1;
                }
                if hosted {
                    c.present_hosted += 1;
                } else if r.membership == Membership::Official {
                    c.present_official += 1;
                } else {
                    c.present_probationary += 1;
                }
            }
            Mark::Excused(_) => c.excused += 1,
            Mark::Unexcused => c.unexcused += 1,
            Mark::Unmarked => {}
        }
    }
    c.must_attend = c.total - c.exempt - c.away;
    c
}

/// Rule QĐ 294 điểm 9.3.2 (rules.md §2): the denominator of every vote is the official
/// members, minus those on temporary transfer elsewhere, minus exempted members who are
/// absent. Present exempted members count; absent non-exempt members still count;
/// probationary and hosted members never count.
pub fn vote_denominator(rows: &[AttendanceRow]) -> u32 {
    rows.iter()
        .filter(|r| r.membership == Membership::Official && r.status != Status::TemporarilyHosted)
        .filter(|r| r.status != Status::TemporarilyAway)
        .filter(|r| !(r.status.is_exempt() && r.mark != Mark::Present))
        .count() as u32
}

/// Official members present who may vote (the most a tally can hold).
pub fn voters_present(rows: &[AttendanceRow]) -> u32 {
    rows.iter()
        .filter(|r| r.membership == Membership::Official && r.status != Status::TemporarilyHosted)
        .filter(|r| r.status != Status::TemporarilyAway && r.mark == Mark::Present)
        .count() as u32
}

/// The outcome of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The §2 denominator.
    pub denominator: u32,
    /// Whether the threshold is reached.
    pub passed: bool,
    /// Yes votes as a percentage of the denominator, in tenths of a percent (667 = 66,7%).
    pub permille: u32,
}

/// Why a tally was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyError {
    /// More votes than official members present.
    MoreThanPresent {
        /// Votes counted.
        counted: u32,
        /// Voters present.
        present: u32,
    },
}

/// Rules Điều lệ Đ.10 (more than half) and HD 06 §3.6b (two thirds): the outcome of a
/// vote, refusing a tally larger than the voters present.
pub fn vote_outcome(vote: &Vote, rows: &[AttendanceRow]) -> Result<Outcome, TallyError> {
    let present = voters_present(rows);
    let counted = vote.yes + vote.no + vote.abstain;
    if counted > present {
        return Err(TallyError::MoreThanPresent { counted, present });
    }
    let denominator = vote_denominator(rows);
    let yes = u64::from(vote.yes);
    let den = u64::from(denominator);
    let passed = den > 0
        && match vote.threshold {
            Threshold::Majority => yes * 100 > den * rules::value(RuleId::MajorityPercent) as u64,
            Threshold::TwoThirds => {
                yes * rules::value(RuleId::QualifiedMajorityDenominator) as u64
                    >= den * rules::value(RuleId::QualifiedMajorityNumerator) as u64
            }
        };
    let permille = permille(yes, den);
    Ok(Outcome {
        denominator,
        passed,
        permille,
    })
}

/// Tenths of a percent of `part` in `whole`, rounded half up; 0 when `whole` is 0.
pub fn permille(part: u64, whole: u64) -> u32 {
    (part * 1000 + whole / 2).checked_div(whole).unwrap_or(0) as u32
}

/// Formats tenths of a percent the Vietnamese way: 667 → "66,7%".
pub fn format_permille(p: u32) -> String {
    format!("{},{}%", p / 10, p % 10)
}

/// Rule HD 36-HD/VPTW §II.1 (rules.md §10): document numbers restart at 1 in each
/// committee term. The next number for a meeting in the term starting `term_start`.
pub fn next_number<'a>(meetings: impl IntoIterator<Item = &'a Meeting>, term_start: i32) -> u32 {
    meetings
        .into_iter()
        .filter(|m| m.term_start == term_start)
        .map(|m| m.number)
        .max()
        .unwrap_or(0)
        + 1
}

/// The document number as printed: "Số 05-BB/CB".
pub fn document_number(n: u32) -> String {
    format!("Số {n:02}-BB/CB")
}

/// Rule Điều lệ Đ.8 / QĐ 01-2026 (rules.md §7 cause a): months of `year` in which the
/// member was absent without reason from a meeting.
pub fn unexcused_months<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    member: MemberId,
    year: i32,
) -> u32 {
    let mut months = [false; 12];
    for m in meetings.into_iter().filter(|m| m.date.year() == year) {
        if m.attendance
            .iter()
            .any(|r| r.member == member && r.mark == Mark::Unexcused)
        {
            months[m.date.month0() as usize] = true;
        }
    }
    months.iter().filter(|x| **x).count() as u32
}

/// Whether the unexcused absences reach the removal rule's count (a flag, never automatic).
pub fn absence_flag(months: u32) -> bool {
    i64::from(months) >= rules::value(RuleId::RemovalAbsenceMonths)
}

/// One year at a glance: which months had a regular meeting, which quarters a thematic one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearGlance {
    /// Meetings per month (index 0 = January) and kind.
    pub by_month: [[u32; 4]; 12],
    /// Months (1–12) that are over (before `today`) with no regular meeting.
    pub months_without_regular: Vec<u32>,
    /// Quarters (1–4) that are over with no thematic meeting.
    pub quarters_without_thematic: Vec<u32>,
}

/// Rules Điều lệ Đ.24 (a regular meeting every month) and HD 12-2018 (a thematic meeting
/// at least every quarter): the year at a glance, flagging months and quarters already
/// ended without them.
pub fn year_glance<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    year: i32,
    today: NaiveDate,
) -> YearGlance {
    let mut g = YearGlance::default();
    for m in meetings.into_iter().filter(|m| m.date.year() == year) {
        let k = MeetingKind::ALL
            .iter()
            .position(|k| *k == m.kind)
            .unwrap_or(0);
        g.by_month[m.date.month0() as usize][k] += 1;
    }
    let month_over = |month: u32| (year, month) < (today.year(), today.month());
    for month in 1..=12u32 {
        if month_over(month) && g.by_month[month as usize - 1][0] == 0 {
            g.months_without_regular.push(month);
        }
    }
    for q in 1..=4u32 {
        let thematic: u32 = (0..3)
            .map(|i| g.by_month[((q - 1) * 3 + i) as usize][1])
            .sum();
        if month_over(q * 3) && thematic == 0 {
            g.quarters_without_thematic.push(q);
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64, membership: Membership, status: Status, mark: Mark) -> AttendanceRow {
        AttendanceRow {
            member: id,
            name: format!("M{id}"),
            status,
            membership,
            mark,
        }
    }

    fn branch() -> Vec<AttendanceRow> {
        use Membership::*;
        vec![
            row(1, Official, Status::Official, Mark::Present),
            row(2, Official, Status::Official, Mark::Present),
            row(3, Official, Status::Official, Mark::Unexcused),
            row(4, Official, Status::Exempt, Mark::Unmarked), // absent exempt: not counted
            row(5, Official, Status::TemporarilyExempt, Mark::Present), // present exempt: counted
            row(6, Probationary, Status::Probationary, Mark::Present), // never counted
            row(7, Official, Status::TemporarilyAway, Mark::Unmarked), // away: not counted
            row(8, Official, Status::TemporarilyHosted, Mark::Present), // hosted: not counted
            row(9, Official, Status::Official, Mark::Excused("ốm".into())),
        ]
    }

    #[test]
    fn denominator_follows_the_section_2_rule() {
        // Official: 1,2,3,4,5,7,9 (8 is hosted) → minus away 7 → minus absent exempt 4 = 1,2,3,5,9.
        assert_eq!(vote_denominator(&branch()), 5);
        assert_eq!(voters_present(&branch()), 3);
    }

    #[test]
    fn majority_is_more_than_half_and_two_thirds_is_at_least() {
        let rows = branch(); // denominator 5, 3 voters present
        let v = |yes, t| Vote {
            subject: "x".into(),
            threshold: t,
            yes,
            no: 0,
            abstain: 0,
        };
        assert!(
            vote_outcome(&v(3, Threshold::Majority), &rows)
                .unwrap()
                .passed
        ); // 3/5 > 1/2
        assert!(
            !vote_outcome(&v(2, Threshold::Majority), &rows)
                .unwrap()
                .passed
        );
        let o = vote_outcome(&v(3, Threshold::TwoThirds), &rows).unwrap();
        assert!(!o.passed, "3/5 = 60% < 2/3");
        assert_eq!(format_permille(o.permille), "60,0%");
        // Exactly half is not more than half; exactly 2/3 passes.
        let six: Vec<_> = (1..=6)
            .map(|i| row(i, Membership::Official, Status::Official, Mark::Present))
            .collect();
        assert!(
            !vote_outcome(&v(3, Threshold::Majority), &six)
                .unwrap()
                .passed
        );
        let o = vote_outcome(&v(4, Threshold::TwoThirds), &six).unwrap();
        assert!(o.passed);
        assert_eq!(format_permille(o.permille), "66,7%");
    }

    #[test]
    fn a_tally_larger_than_those_present_is_refused() {
        let v = Vote {
            subject: "x".into(),
            threshold: Threshold::Majority,
            yes: 3,
            no: 1,
            abstain: 0,
        };
        assert_eq!(
            vote_outcome(&v, &branch()),
            Err(TallyError::MoreThanPresent {
                counted: 4,
                present: 3
            })
        );
    }

    #[test]
    fn counts_of_section_3_3() {
        let c = counts(&branch());
        assert_eq!(c.total, 8);
        assert_eq!(
            (c.official, c.probationary, c.exempt, c.away, c.hosted),
            (7, 1, 2, 1, 1)
        );
        assert_eq!(c.must_attend, 5);
        assert_eq!(
            (
                c.present,
                c.present_official,
                c.present_probationary,
                c.present_hosted
            ),
            (5, 3, 1, 1)
        );
        assert_eq!((c.excused, c.unexcused), (1, 1));
    }

    fn meeting(date: NaiveDate, kind: MeetingKind, number: u32, term: i32) -> Meeting {
        Meeting {
            number,
            term_start: term,
            kind,
            topic: String::new(),
            date,
            start: "19:30".into(),
            end: "21:00".into(),
            place: String::new(),
            chair: String::new(),
            secretary: String::new(),
            guests: vec![],
            attendance: vec![],
            agenda: vec![],
            votes: vec![],
            tasks: vec![],
            approved: None,
            amendments: vec![],
            proposals: Vec::new(),
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbering_restarts_with_each_term() {
        let ms = vec![
            meeting(d(2024, 11, 5), MeetingKind::Regular, 41, 2020),
            meeting(d(2025, 10, 5), MeetingKind::Regular, 2, 2025),
        ];
        assert_eq!(next_number(&ms, 2025), 3);
        assert_eq!(next_number(&ms, 2020), 42);
        assert_eq!(next_number(&ms, 2030), 1);
        assert_eq!(document_number(5), "Số 05-BB/CB");
    }

    #[test]
    fn three_months_of_unexcused_absence_are_flagged() {
        let mut ms = Vec::new();
        for (month, mark) in [
            (1, Mark::Unexcused),
            (2, Mark::Present),
            (3, Mark::Unexcused),
            (5, Mark::Excused("ốm".into())),
            (7, Mark::Unexcused),
        ] {
            let mut m = meeting(d(2026, month, 10), MeetingKind::Regular, month, 2025);
            m.attendance
                .push(row(1, Membership::Official, Status::Official, mark));
            ms.push(m);
        }
        // A second unexcused absence in the same month counts once.
        let mut extra = meeting(d(2026, 7, 20), MeetingKind::Thematic, 99, 2025);
        extra.attendance.push(row(
            1,
            Membership::Official,
            Status::Official,
            Mark::Unexcused,
        ));
        ms.push(extra);
        assert_eq!(unexcused_months(&ms, 1, 2026), 3);
        assert!(absence_flag(3));
        assert!(!absence_flag(2));
        assert_eq!(unexcused_months(&ms, 1, 2025), 0);
    }

    #[test]
    fn year_glance_flags_missing_months_and_quarters() {
        let ms: Vec<_> = [1, 2, 4, 5, 6, 7, 8, 9, 10]
            .iter()
            .map(|m| meeting(d(2026, *m, 10), MeetingKind::Regular, *m, 2025))
            .chain([meeting(d(2026, 5, 20), MeetingKind::Thematic, 50, 2025)])
            .collect();
        let g = year_glance(&ms, 2026, d(2026, 11, 21));
        assert_eq!(g.months_without_regular, vec![3]);
        assert_eq!(g.quarters_without_thematic, vec![1, 3]);
        assert_eq!(g.by_month[4], [1, 1, 0, 0]);
    }

    #[test]
    fn tasks_are_found_by_folded_name() {
        let mut m = meeting(d(2026, 3, 5), MeetingKind::Regular, 1, 2025);
        m.tasks.push(Task {
            who: "Đ/c Nguyễn Văn An, tổ trưởng".into(),
            what: "Thu đảng phí".into(),
            due: Some(d(2026, 3, 15)),
            done: None,
        });
        m.tasks.push(Task {
            who: "Chi ủy".into(),
            what: "Báo cáo".into(),
            due: None,
            done: None,
        });
        let ms = [m];
        assert_eq!(tasks_of(&ms, "Nguyễn Văn An").len(), 1);
        assert_eq!(tasks_of(&ms, "Nguyễn Văn Bình").len(), 0);
    }

    #[test]
    fn templates_follow_the_section_3_2_order() {
        let t = agenda_template(
            MeetingKind::Thematic,
            "Học tập và làm theo tư tưởng Hồ Chí Minh",
        );
        assert!(t[0].starts_with("Khai mạc"));
        assert!(t.iter().any(|i| i.contains("Học tập và làm theo")));
        assert!(t.last().unwrap().contains("thông qua biên bản"));
    }
}

/// Tasks assigned at meetings whose "who" names this member (folded, so "Đ/c Nguyễn Văn
/// An" and "nguyen van an" both match), with the meeting date, soonest due first.
pub fn tasks_of<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    full_name: &str,
) -> Vec<(NaiveDate, &'a Task)> {
    let name = super::text::fold(full_name);
    if name.is_empty() {
        return Vec::new();
    }
    let mut v: Vec<(NaiveDate, &Task)> = meetings
        .into_iter()
        .flat_map(|m| m.tasks.iter().map(move |t| (m.date, t)))
        .filter(|(_, t)| super::text::fold(&t.who).contains(&name))
        .collect();
    v.sort_by_key(|(d, t)| (t.due.is_none(), t.due, *d));
    v
}

/// The fields of the meeting forms (information, speech, item, vote, task, amendment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingField {
    /// Loại buổi sinh hoạt.
    Kind,
    /// Chủ đề.
    Topic,
    /// Ngày.
    Date,
    /// Bắt đầu (HH:MM).
    Start,
    /// Kết thúc (HH:MM).
    End,
    /// Địa điểm.
    Place,
    /// Chủ trì.
    Chair,
    /// Thư ký.
    Secretary,
    /// Khách mời: "Tên — chức vụ; Tên — chức vụ".
    Guests,
    /// Người phát biểu.
    Speaker,
    /// Nội dung phát biểu.
    Gist,
    /// Nội dung (agenda item title).
    ItemTitle,
    /// Kết luận của chủ trì.
    Conclusion,
    /// Nội dung biểu quyết.
    VoteSubject,
    /// Tỷ lệ cần đạt.
    VoteThreshold,
    /// Tán thành.
    VoteYes,
    /// Không tán thành.
    VoteNo,
    /// Không biểu quyết.
    VoteAbstain,
    /// Người thực hiện.
    TaskWho,
    /// Công việc.
    TaskWhat,
    /// Thời hạn.
    TaskDue,
    /// Lý do sửa đổi.
    AmendReason,
    /// Nội dung sửa đổi, bổ sung.
    AmendText,
    /// Lý do vắng.
    AbsenceReason,
    /// Người kiến nghị.
    ProposalWho,
    /// Nội dung kiến nghị.
    ProposalText,
    /// Chi bộ trả lời.
    ProposalAnswer,
}

/// Parses a time "19:30" (also "19h30", "7:05").
pub fn parse_time(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().to_lowercase();
    let (h, m) = s.split_once([':', 'h', 'g'])?;
    let (h, m): (u32, u32) = (
        h.trim().parse().ok()?,
        if m.trim().is_empty() {
            0
        } else {
            m.trim().parse().ok()?
        },
    );
    (h < 24 && m < 60).then_some((h, m))
}

/// Formats a time as "19:30".
pub fn format_time((h, m): (u32, u32)) -> String {
    format!("{h:02}:{m:02}")
}

/// Parses the guests line "Tên — chức vụ; Tên — chức vụ" (also "-" or "," between name
/// and position).
pub fn parse_guests(s: &str) -> Vec<Guest> {
    s.split([';', '\n'])
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(|g| {
            let (name, position) = g
                .split_once(" — ")
                .or_else(|| g.split_once(" - "))
                .or_else(|| g.split_once(','))
                .unwrap_or((g, ""));
            Guest {
                name: super::text::clean(name),
                position: super::text::clean(position),
            }
        })
        .collect()
}

/// Formats guests for the form line.
pub fn format_guests(gs: &[Guest]) -> String {
    gs.iter()
        .map(|g| {
            if g.position.is_empty() {
                g.name.clone()
            } else {
                format!("{} — {}", g.name, g.position)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn times_and_guests() {
        assert_eq!(parse_time("19:30"), Some((19, 30)));
        assert_eq!(parse_time("7h05"), Some((7, 5)));
        assert_eq!(parse_time("19h"), Some((19, 0)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("abc"), None);
        assert_eq!(format_time((7, 5)), "07:05");
        let g = parse_guests(
            "Phạm Văn Tuấn — Đảng ủy viên phụ trách chi bộ; Lê Thị Hoa - Tổ trưởng TDP",
        );
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].position, "Tổ trưởng TDP");
        assert_eq!(parse_guests(&format_guests(&g)), g);
    }
}

/// The meeting held last before `date` (any kind), if any.
pub fn last_before<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    date: NaiveDate,
) -> Option<&'a Meeting> {
    meetings
        .into_iter()
        .filter(|m| m.date <= date)
        .max_by_key(|m| (m.date, m.number))
}

/// The meeting of this kind held last before `date`, if any.
pub fn last_of_kind<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    kind: MeetingKind,
    date: NaiveDate,
) -> Option<&'a Meeting> {
    last_before(meetings.into_iter().filter(|m| m.kind == kind), date)
}

/// Reasons of excused absences typed before, most recent first, each once (compared
/// without diacritics or case), at most `max`.
pub fn earlier_reasons<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    max: usize,
) -> Vec<String> {
    let mut ms: Vec<&Meeting> = meetings.into_iter().collect();
    ms.sort_by_key(|m| std::cmp::Reverse((m.date, m.number)));
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for r in ms.iter().flat_map(|m| m.attendance.iter()) {
        if let Mark::Excused(reason) = &r.mark {
            let reason = reason.trim();
            if !reason.is_empty() && seen.insert(super::text::fold(reason)) {
                out.push(reason.to_string());
                if out.len() == max {
                    break;
                }
            }
        }
    }
    out
}

/// The earlier reason after (`delta` 1) or before (`delta` -1) `current` in `reasons`,
/// cycling; the first (or last) when `current` is not one of them.
pub fn cycle_reason(reasons: &[String], current: &str, delta: isize) -> Option<String> {
    if reasons.is_empty() {
        return None;
    }
    let n = reasons.len() as isize;
    let folded = super::text::fold(current.trim());
    let next = match reasons.iter().position(|r| super::text::fold(r) == folded) {
        Some(i) => (i as isize + delta).rem_euclid(n),
        None if delta < 0 => n - 1,
        None => 0,
    };
    Some(reasons[next as usize].clone())
}

/// The agenda items (index and title) with no conclusion yet.
pub fn items_without_conclusion(m: &Meeting) -> Vec<(usize, &str)> {
    m.agenda
        .iter()
        .enumerate()
        .filter(|(_, it)| it.conclusion.trim().is_empty())
        .map(|(i, it)| (i, it.title.as_str()))
        .collect()
}

/// What the secretary's month refuses beyond the shared problems (texts in
/// `i18n::month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthProblem {
    /// A meeting dated after the end of next month (the last day allowed).
    TooFar(NaiveDate),
}

/// What the status line says about the secretary's month (texts in `i18n::month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthNotice {
    /// A notice is written before the meeting; this one is held (or approved).
    NoticeAfterMeeting,
    /// The dues of the meeting's month, reached from the meeting: members still owing
    /// (the money is in the dues view's totals, which this one line leaves visible).
    DuesOfMonth {
        /// Month, 1–12.
        month: u32,
        /// Year.
        year: i32,
        /// Members still owing.
        owing: u32,
    },
}

/// Checks a meeting date planned from `today`: no later than the end of next month.
pub fn check_meeting_date(date: NaiveDate, today: NaiveDate) -> Result<(), MonthProblem> {
    let latest = latest_meeting_date(today);
    if date > latest {
        Err(MonthProblem::TooFar(latest))
    } else {
        Ok(())
    }
}

/// The last day a meeting may be dated, planned from `today`: the end of next month.
pub fn latest_meeting_date(today: NaiveDate) -> NaiveDate {
    let first_next = today
        .with_day(1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(2)))
        .unwrap_or(today);
    first_next.pred_opt().unwrap_or(today)
}

/// A regular meeting in the month of `date`, if any (the caller leaves out the meeting
/// being edited).
pub fn regular_in_month<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    date: NaiveDate,
) -> Option<&'a Meeting> {
    meetings.into_iter().find(|m| {
        m.kind == MeetingKind::Regular
            && (m.date.year(), m.date.month()) == (date.year(), date.month())
    })
}

/// The branch's usual meeting day: the day of the month of its last regular meeting.
pub fn usual_day<'a>(meetings: impl IntoIterator<Item = &'a Meeting>) -> Option<u32> {
    meetings
        .into_iter()
        .filter(|m| m.kind == MeetingKind::Regular)
        .max_by_key(|m| (m.date, m.number))
        .map(|m| m.date.day())
}

/// Day `day` of the month of `in_month`, or that month's last day when it is shorter.
fn day_in_month(in_month: NaiveDate, day: u32) -> NaiveDate {
    let first = in_month.with_day(1).unwrap_or(in_month);
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    first.with_day(day.min(last.day())).unwrap_or(last)
}

/// The date a new meeting starts with: when this month has no regular meeting yet, its
/// usual day if still ahead, else today; when it has one, the usual day of next month
/// (today's day when there is no usual day yet).
pub fn next_meeting_date<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting> + Clone,
    usual: Option<u32>,
    today: NaiveDate,
) -> NaiveDate {
    let usual = usual.or_else(|| usual_day(meetings.clone()));
    if regular_in_month(meetings, today).is_none() {
        return usual
            .map(|d| day_in_month(today, d))
            .filter(|d| *d >= today)
            .unwrap_or(today);
    }
    let next = today
        .with_day(1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .unwrap_or(today);
    day_in_month(next, usual.unwrap_or(today.day()))
}

/// The title of the agenda item that reviews the previous meeting's tasks.
pub const PREVIOUS_TASKS_TITLE: &str = "Kiểm điểm việc thực hiện nhiệm vụ kỳ trước";

/// The first agenda item of a meeting after one that assigned `tasks` (held on `prev`):
/// each task with its assignee and due date, marked done (with the day) or carried over;
/// the secretary deletes a task finished since from the new meeting's tasks.
pub fn previous_tasks_item(prev: NaiveDate, tasks: &[Task]) -> AgendaItem {
    let lines: Vec<String> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let due = t
                .due
                .map(|d| format!(", hạn {}", super::date::format_date(d)))
                .unwrap_or_default();
            let state = match t.done {
                Some(d) => format!("đã xong ngày {}", super::date::format_date(d)),
                None => "chuyển sang kỳ này".to_string(),
            };
            format!("{}. {} ({}{due}): {state}.", i + 1, t.what, t.who)
        })
        .collect();
    AgendaItem {
        title: PREVIOUS_TASKS_TITLE.to_string(),
        speeches: Vec::new(),
        conclusion: format!(
            "Nhiệm vụ giao tại buổi sinh hoạt ngày {}:\n{}",
            super::date::format_date(prev),
            lines.join("\n")
        ),
    }
}

/// The tasks of the previous meeting that carry into the next: those not marked done (a
/// task finished since is removed from the new meeting with F8, or marked done there).
pub fn carried_tasks(prev: &Meeting) -> Vec<Task> {
    prev.tasks
        .iter()
        .filter(|t| t.done.is_none())
        .cloned()
        .collect()
}

/// Marks task `i` done on `on`, or open again if it was done; false if there is no such
/// task.
pub fn toggle_done(m: &mut Meeting, i: usize, on: NaiveDate) -> bool {
    let Some(t) = m.tasks.get_mut(i) else {
        return false;
    };
    t.done = match t.done {
        Some(_) => None,
        None => Some(on),
    };
    true
}

#[cfg(test)]
mod month_tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn excused(m: &mut Meeting, reason: &str) {
        m.attendance.push(AttendanceRow {
            member: m.attendance.len() as u64,
            name: "X".into(),
            status: Status::Official,
            membership: Membership::Official,
            mark: Mark::Excused(reason.into()),
        });
    }

    #[test]
    fn earlier_reasons_are_recent_first_and_once() {
        let mut old = Meeting::empty(1, 2025, MeetingKind::Regular, d(2026, 9, 5));
        excused(&mut old, "Đi công tác");
        excused(&mut old, "Ốm");
        let mut new = Meeting::empty(2, 2025, MeetingKind::Regular, d(2026, 10, 5));
        excused(&mut new, "ốm");
        let ms = [old, new];
        assert_eq!(earlier_reasons(&ms, 10), vec!["ốm", "Đi công tác"]);
        assert_eq!(earlier_reasons(&ms, 1), vec!["ốm"]);
        let rs = earlier_reasons(&ms, 10);
        assert_eq!(cycle_reason(&rs, "", 1).as_deref(), Some("ốm"));
        assert_eq!(cycle_reason(&rs, "om", 1).as_deref(), Some("Đi công tác"));
        assert_eq!(cycle_reason(&rs, "Đi công tác", 1).as_deref(), Some("ốm"));
        assert_eq!(cycle_reason(&rs, "", -1).as_deref(), Some("Đi công tác"));
        assert_eq!(cycle_reason(&[], "", 1), None);
    }

    #[test]
    fn a_meeting_may_be_planned_to_the_end_of_next_month() {
        assert_eq!(latest_meeting_date(d(2026, 11, 21)), d(2026, 12, 31));
        assert_eq!(latest_meeting_date(d(2026, 12, 1)), d(2027, 1, 31));
        assert_eq!(latest_meeting_date(d(2027, 1, 31)), d(2027, 2, 28));
        assert_eq!(check_meeting_date(d(2026, 12, 31), d(2026, 11, 21)), Ok(()));
        assert_eq!(
            check_meeting_date(d(2027, 1, 1), d(2026, 11, 21)),
            Err(MonthProblem::TooFar(d(2026, 12, 31)))
        );
    }

    #[test]
    fn the_next_meeting_falls_on_the_usual_day() {
        let oct = Meeting::empty(1, 2025, MeetingKind::Regular, d(2026, 10, 31));
        let today = d(2026, 11, 21);
        // November has none yet: the usual day (31 → 30) is still ahead.
        assert_eq!(usual_day([&oct]), Some(31));
        assert_eq!(next_meeting_date([&oct], None, today), d(2026, 11, 30));
        // A usual day already past this month: today.
        assert_eq!(next_meeting_date([&oct], Some(5), today), today);
        // November has its meeting: the usual day of December.
        let nov = Meeting::empty(2, 2025, MeetingKind::Regular, d(2026, 11, 5));
        assert_eq!(next_meeting_date([&oct, &nov], None, today), d(2026, 12, 5));
        assert_eq!(next_meeting_date([&nov], Some(31), today), d(2026, 12, 31));
        // No meeting at all: today.
        assert_eq!(next_meeting_date(std::iter::empty(), None, today), today);
        let jan = d(2027, 1, 31);
        assert_eq!(day_in_month(d(2027, 2, 10), jan.day()), d(2027, 2, 28));
    }

    #[test]
    fn done_tasks_are_listed_done_and_not_carried() {
        let mut prev = Meeting::empty(1, 2025, MeetingKind::Regular, d(2026, 10, 5));
        for what in ["Một", "Hai"] {
            prev.tasks.push(Task {
                who: "Chi ủy".into(),
                what: what.into(),
                due: None,
                done: None,
            });
        }
        assert!(toggle_done(&mut prev, 0, d(2026, 10, 20)));
        assert!(!toggle_done(&mut prev, 5, d(2026, 10, 20)));
        let carried = carried_tasks(&prev);
        assert_eq!(carried.len(), 1);
        assert_eq!(carried[0].what, "Hai");
        let item = previous_tasks_item(prev.date, &prev.tasks);
        assert!(
            item.conclusion
                .contains("1. Một (Chi ủy): đã xong ngày 20/10/2026."),
            "{}",
            item.conclusion
        );
        assert!(
            item.conclusion
                .contains("2. Hai (Chi ủy): chuyển sang kỳ này.")
        );
        assert!(toggle_done(&mut prev, 0, d(2026, 10, 21)));
        assert_eq!(prev.tasks[0].done, None, "a second press opens it again");
    }

    #[test]
    fn last_meetings_and_regular_of_the_month() {
        let a = Meeting::empty(1, 2025, MeetingKind::Regular, d(2026, 10, 5));
        let b = Meeting::empty(2, 2025, MeetingKind::Thematic, d(2026, 10, 20));
        let ms = [a.clone(), b.clone()];
        assert_eq!(last_before(&ms, d(2026, 11, 21)), Some(&b));
        assert_eq!(
            last_of_kind(&ms, MeetingKind::Regular, d(2026, 11, 21)),
            Some(&a)
        );
        assert_eq!(regular_in_month(&ms, d(2026, 10, 28)), Some(&a));
        assert_eq!(regular_in_month(&ms[1..], d(2026, 10, 28)), None);
        assert_eq!(regular_in_month(&ms, d(2026, 11, 5)), None);
        let mut c = a.clone();
        c.agenda = vec![
            AgendaItem {
                title: "Một".into(),
                conclusion: "Xong".into(),
                ..AgendaItem::default()
            },
            AgendaItem {
                title: "Hai".into(),
                ..AgendaItem::default()
            },
        ];
        assert_eq!(items_without_conclusion(&c), vec![(1, "Hai")]);
    }
}
