//! The annual review (kiểm điểm, đánh giá, xếp loại chất lượng đảng viên, rules.md §4):
//! grades and their score bands, who is reviewed, the member's yearly record (plan,
//! monthly self-assessments, year-end self-review, the branch's proposal and vote, the
//! ward's final grade), the warnings that name their rule, and the year's summary as
//! superiors report it. Pure: every number comes from the rules table.

use chrono::{Datelike, NaiveDate};

use super::date::months_between;
use super::meeting::{self, AttendanceRow, Mark, Meeting, MeetingKind, Outcome, TallyError};
use super::member::{EventKind, Member, MemberEvent, MemberId, Status};
use super::rules::{self, RuleId};

/// The four grades of QĐ 366 Đ.11, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV).
    Excellent,
    /// Hoàn thành tốt nhiệm vụ (HTTNV).
    Good,
    /// Hoàn thành nhiệm vụ (HTNV).
    Completed,
    /// Không hoàn thành nhiệm vụ (KHTNV).
    NotCompleted,
}

impl Grade {
    /// Every grade, best first (the order of forms and reports).
    pub const ALL: &'static [Grade] = &[
        Grade::Excellent,
        Grade::Good,
        Grade::Completed,
        Grade::NotCompleted,
    ];

    /// 1 for the best grade … 4 for KHTNV (the rank the rules table uses).
    pub fn rank(self) -> i64 {
        match self {
            Grade::Excellent => 1,
            Grade::Good => 2,
            Grade::Completed => 3,
            Grade::NotCompleted => 4,
        }
    }

    /// The grade of a rank (ranks outside 1–4 clamp).
    pub fn from_rank(r: i64) -> Grade {
        match r {
            i64::MIN..=1 => Grade::Excellent,
            2 => Grade::Good,
            3 => Grade::Completed,
            _ => Grade::NotCompleted,
        }
    }

    /// The abbreviation used in lists (HTXSNV, HTTNV, HTNV, KHTNV).
    pub fn code(self) -> &'static str {
        match self {
            Grade::Excellent => "HTXSNV",
            Grade::Good => "HTTNV",
            Grade::Completed => "HTNV",
            Grade::NotCompleted => "KHTNV",
        }
    }
}

/// Rule QĐ 366 Đ.11: the grade band a score (0–100) falls in — ≥ 90, 70 to < 90,
/// 50 to < 70, < 50.
pub fn band(score: u8) -> Grade {
    let s = i64::from(score);
    if s >= rules::value(RuleId::ReviewExcellentMinScore) {
        Grade::Excellent
    } else if s >= rules::value(RuleId::ReviewGoodMinScore) {
        Grade::Good
    } else if s >= rules::value(RuleId::ReviewCompletedMinScore) {
        Grade::Completed
    } else {
        Grade::NotCompleted
    }
}

/// Rule HD 21-2019 (20% of HTTNV, a parameter): the most members that may be graded
/// HTXSNV when `good` are graded HTTNV, rounded down ("không vượt quá").
pub fn excellent_cap(good: u32) -> u32 {
    let pct = rules::value(RuleId::ReviewExcellentCapPercent).max(0) as u64;
    (u64::from(good) * pct / 100) as u32
}

/// The fields of the review forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewField {
    /// Kế hoạch phấn đấu, rèn luyện.
    Plan,
    /// A monthly self-assessment.
    Monthly,
    /// Ưu điểm.
    Strengths,
    /// Hạn chế, khuyết điểm.
    Weaknesses,
    /// Nguyên nhân.
    Causes,
    /// Biện pháp khắc phục.
    Remedies,
    /// Tự chấm điểm.
    SelfScore,
    /// Tự xếp loại.
    SelfGrade,
    /// Ý kiến của chi bộ.
    Comments,
    /// Chi bộ đề xuất xếp loại.
    Proposed,
    /// Tán thành.
    VoteYes,
    /// Không tán thành.
    VoteNo,
    /// Không biểu quyết.
    VoteAbstain,
    /// Đảng ủy quyết định xếp loại.
    FinalGrade,
    /// Số quyết định.
    Decision,
    /// Ngày quyết định.
    DecidedOn,
    /// Xếp loại chi bộ.
    BranchGrade,
    /// Ghi chú về xếp loại chi bộ.
    BranchNote,
}

/// Why a member is not reviewed in a year (rules.md §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// Miễn or tạm miễn công tác và sinh hoạt đảng on the review date (HD 21-2019).
    Exempt,
    /// Đình chỉ sinh hoạt đảng on the review date (HD 21-2019).
    Suspended,
    /// Admitted on this date, fewer months before 31/12 than the rules table's threshold.
    JoinedLate(NaiveDate),
    /// No longer in the branch on the review date (transferred, removed, expelled, died).
    Left(Status),
    /// Hosted on a temporary transfer: reviewed where the membership is held.
    Hosted,
}

/// The date a year's review looks at: the year-end review meeting if held, else 31/12.
pub fn review_date<'a>(year: i32, meetings: impl IntoIterator<Item = &'a Meeting>) -> NaiveDate {
    year_end_meeting(year, meetings)
        .map(|m| m.date)
        .or_else(|| NaiveDate::from_ymd_opt(year, 12, 31))
        .unwrap_or_default()
}

/// The year's year-end review meeting (kiểm điểm cuối năm), the latest if several.
pub fn year_end_meeting<'a>(
    year: i32,
    meetings: impl IntoIterator<Item = &'a Meeting>,
) -> Option<&'a Meeting> {
    meetings
        .into_iter()
        .filter(|m| m.kind == MeetingKind::YearEndReview && m.date.year() == year)
        .max_by_key(|m| m.date)
}

/// Whether the member belongs in the year's list at all: admitted by 31/12 and still in
/// the branch on 1/1.
pub fn in_year_list(m: &Member, year: i32) -> bool {
    let (Some(jan1), Some(dec31)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return false;
    };
    let start = m.status_at(jan1);
    m.membership_at(dec31).is_some() && (start.is_active() || start == Status::NotYet)
}

/// Rules HD 21-2019 (exempt and suspended members are not graded), the rules table's
/// "joined too late" threshold (unverified), and membership on the review date: why the
/// member is not reviewed in `year`, or `None` when the member is.
pub fn exclusion(m: &Member, year: i32, on: NaiveDate) -> Option<Exclusion> {
    let status = m.status_at(on);
    if !status.is_active() && status != Status::NotYet {
        return Some(Exclusion::Left(status));
    }
    if status.is_exempt() {
        return Some(Exclusion::Exempt);
    }
    if status == Status::Suspended {
        return Some(Exclusion::Suspended);
    }
    if status == Status::TemporarilyHosted {
        return Some(Exclusion::Hosted);
    }
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31)?;
    let admitted = m.admitted_on()?;
    let min = rules::value(RuleId::ReviewMinMonthsSinceAdmission);
    (i64::from(months_between(admitted, dec31)) < min).then_some(Exclusion::JoinedLate(admitted))
}

/// The discipline events of the member dated in `year`.
pub fn disciplined_in(m: &Member, year: i32) -> Option<&MemberEvent> {
    m.events
        .iter()
        .find(|e| e.kind == EventKind::Disciplined && e.date.year() == year)
}

/// A short self-assessment made in a (thematic) meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyNote {
    /// The meeting's date.
    pub date: NaiveDate,
    /// What the member said about keeping the year's plan.
    pub text: String,
}

/// The branch's vote on the proposed grade, frozen when recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GradeVote {
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết.
    pub abstain: u32,
    /// The §2 denominator at the time of the vote.
    pub denominator: u32,
    /// Whether more than half of the denominator approved.
    pub passed: bool,
}

/// One member's review record for one year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemberReview {
    /// Kế hoạch phấn đấu, rèn luyện (entered early in the year).
    pub plan: String,
    /// Monthly self-assessments, oldest first.
    pub monthly: Vec<MonthlyNote>,
    /// Ưu điểm.
    pub strengths: String,
    /// Hạn chế, khuyết điểm.
    pub weaknesses: String,
    /// Nguyên nhân.
    pub causes: String,
    /// Biện pháp khắc phục.
    pub remedies: String,
    /// The member's own score, 0–100.
    pub self_score: Option<u8>,
    /// The grade the member proposes for themself.
    pub self_grade: Option<Grade>,
    /// The branch's comments (ý kiến của chi bộ).
    pub comments: String,
    /// The grade the branch proposes.
    pub proposed: Option<Grade>,
    /// The branch's vote on it.
    pub vote: Option<GradeVote>,
    /// The ward committee's decision; the record locks once it is set.
    pub final_grade: Option<Grade>,
    /// Number of the ward's decision.
    pub decision: String,
    /// Date of the ward's decision.
    pub decided_on: Option<NaiveDate>,
}

impl MemberReview {
    /// Whether the record is locked (the ward has decided).
    pub fn locked(&self) -> bool {
        self.final_grade.is_some()
    }

    /// The grade that counts: the final one, else the branch's proposal unless its vote
    /// failed (#22.2: a proposal the branch voted down is not the branch's grade).
    pub fn grade(&self) -> Option<Grade> {
        self.final_grade
            .or(self.proposed.filter(|_| self.vote.is_none_or(|v| v.passed)))
    }

    /// Adds or replaces the note of a meeting (one per meeting date), keeping date order.
    pub fn set_monthly(&mut self, date: NaiveDate, text: &str) {
        self.monthly.retain(|n| n.date != date);
        if !text.trim().is_empty() {
            self.monthly.push(MonthlyNote {
                date,
                text: text.to_string(),
            });
        }
        self.monthly.sort_by_key(|n| n.date);
    }
}

/// The branch's own collective classification for a year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BranchYear {
    /// The grade the superior committee gave the branch (or the branch's self-grade).
    pub grade: Option<Grade>,
    /// A note (decision number, remarks).
    pub note: String,
}

/// A warning about a review, naming its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewWarning {
    /// QĐ 366 Đ.11: the score's band differs from the grade.
    ScoreBand {
        /// The self-score.
        score: u8,
        /// Its band.
        band: Grade,
        /// The grade proposed.
        grade: Grade,
    },
    /// HD 21-2019: HTXSNV exceeds the cap within the branch.
    OverCap {
        /// HTXSNV graded or proposed.
        excellent: u32,
        /// HTTNV graded or proposed.
        good: u32,
        /// The most allowed.
        cap: u32,
    },
    /// HD 21-2019: a member disciplined in the year is proposed above the ceiling.
    DisciplinedAboveCeiling {
        /// The date of the discipline.
        on: NaiveDate,
        /// The highest grade allowed.
        ceiling: Grade,
    },
    /// HD 21-2019: a member who is not reviewed (exempt, suspended…) is being graded.
    ExcludedGraded(Exclusion),
    /// Điều lệ Đ.10: the proposal did not get more than half of the denominator.
    VoteFailed {
        /// Yes votes.
        yes: u32,
        /// The §2 denominator.
        denominator: u32,
    },
}

/// Warnings about one member's record (not the branch-wide cap).
pub fn member_warnings(
    r: &MemberReview,
    m: &Member,
    year: i32,
    excluded: Option<Exclusion>,
) -> Vec<ReviewWarning> {
    let mut out = Vec::new();
    if let Some(score) = r.self_score {
        let b = band(score);
        for g in [r.self_grade, r.grade()].into_iter().flatten() {
            let w = ReviewWarning::ScoreBand {
                score,
                band: b,
                grade: g,
            };
            if g != b && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    if let (Some(e), Some(g)) = (disciplined_in(m, year), r.grade()) {
        let ceiling = Grade::from_rank(rules::value(RuleId::ReviewDisciplinedCeiling));
        if g.rank() < ceiling.rank() {
            out.push(ReviewWarning::DisciplinedAboveCeiling {
                on: e.date,
                ceiling,
            });
        }
    }
    if let Some(x) = excluded
        && (r.grade().is_some() || r.self_grade.is_some())
    {
        out.push(ReviewWarning::ExcludedGraded(x));
    }
    out
}

/// The branch-wide cap check over the year's grades (final, else proposed).
pub fn cap_warning(grades: impl IntoIterator<Item = Grade>) -> Option<ReviewWarning> {
    let (mut excellent, mut good) = (0, 0);
    for g in grades {
        match g {
            Grade::Excellent => excellent += 1,
            Grade::Good => good += 1,
            _ => {}
        }
    }
    let cap = excellent_cap(good);
    (excellent > cap).then_some(ReviewWarning::OverCap {
        excellent,
        good,
        cap,
    })
}

/// The roll the grade vote is counted on: the year-end review meeting's attendance if one
/// was held, else every member on `on` with the non-exempt marked present (so the
/// denominator is the official members not exempt and not away).
pub fn vote_rows(
    members: &[(MemberId, Member)],
    meeting: Option<&Meeting>,
    on: NaiveDate,
) -> Vec<AttendanceRow> {
    if let Some(m) = meeting {
        return m.attendance.clone();
    }
    let mut rows = meeting::roll_for(members.iter().map(|(id, m)| (*id, m)), on);
    for r in &mut rows {
        if !r.status.is_exempt() {
            r.mark = Mark::Present;
        }
    }
    rows
}

/// Rules Điều lệ Đ.10 and QĐ 294 điểm 9.3.2: the outcome of the grade vote on `rows`.
pub fn grade_vote(
    yes: u32,
    no: u32,
    abstain: u32,
    rows: &[AttendanceRow],
) -> Result<GradeVote, TallyError> {
    let v = meeting::Vote {
        subject: String::new(),
        threshold: meeting::Threshold::Majority,
        yes,
        no,
        abstain,
    };
    let Outcome {
        denominator,
        passed,
        ..
    } = meeting::vote_outcome(&v, rows)?;
    Ok(GradeVote {
        yes,
        no,
        abstain,
        denominator,
        passed,
    })
}

/// Shares of a total in tenths of a percent adding up to exactly 1000: the one rounding
/// rule of every table ([`super::stats::shares`], largest remainder).
pub fn shares_permille(counts: &[u32]) -> Vec<u32> {
    super::stats::shares(counts)
}

/// A member's line in the year's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRow {
    /// The member.
    pub id: MemberId,
    /// Full name.
    pub name: String,
    /// Why the member is not reviewed, if not.
    pub excluded: Option<Exclusion>,
    /// The record (empty if none yet).
    pub review: MemberReview,
    /// Warnings about the record.
    pub warnings: Vec<ReviewWarning>,
}

/// The year's list: every member in it, sorted by name, with exclusions and warnings.
pub fn year_rows(
    year: i32,
    members: &[(MemberId, Member)],
    reviews: &std::collections::BTreeMap<(i32, MemberId), MemberReview>,
    on: NaiveDate,
) -> Vec<YearRow> {
    let mut rows: Vec<YearRow> = members
        .iter()
        .filter(|(_, m)| in_year_list(m, year))
        .map(|(id, m)| {
            let excluded = exclusion(m, year, on);
            let review = reviews.get(&(year, *id)).cloned().unwrap_or_default();
            let warnings = member_warnings(&review, m, year, excluded);
            YearRow {
                id: *id,
                name: m.full_name.clone(),
                excluded,
                review,
                warnings,
            }
        })
        .collect();
    rows.sort_by(|a, b| super::text::compare_names(&a.name, &b.name));
    rows
}

/// The one definition of "not yet graded" (#23.2): a member on the year's list who is
/// reviewed (not excluded) and has no grade that counts ([`MemberReview::grade`]: the
/// ward's final grade, else the branch's proposal whose vote did not fail). The review
/// screen's "chưa có kết quả", the home screen's review-season item and the reports use it.
pub fn not_yet_graded(row: &YearRow) -> bool {
    row.excluded.is_none() && row.review.grade().is_none()
}

/// How many of the year's rows are [`not_yet_graded`].
pub fn count_not_yet_graded(rows: &[YearRow]) -> u32 {
    rows.iter().filter(|r| not_yet_graded(r)).count() as u32
}

/// The review-season item of the home screen: from the season's month in the rules table
/// to the end of the year, the year and how many members are [`not_yet_graded`] (None out
/// of season or when nobody is left). `rows` are [`year_rows`] of today's year.
pub fn season_pending(rows: &[YearRow], today: NaiveDate) -> Option<(i32, u32)> {
    if i64::from(today.month()) < rules::value(RuleId::ReviewSeasonStartMonth) {
        return None;
    }
    let n = count_not_yet_graded(rows);
    (n > 0).then_some((today.year(), n))
}

/// The year's summary figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Members graded, per grade in [`Grade::ALL`] order.
    pub counts: [u32; 4],
    /// Their shares in tenths of a percent (adding up to 1000 when anyone is graded).
    pub permille: [u32; 4],
    /// Reviewed but without a grade yet ([`not_yet_graded`]).
    pub pending: u32,
    /// Not graded, with the reason.
    pub not_graded: Vec<(String, Exclusion)>,
    /// Whether every grade is the ward's final one.
    pub all_final: bool,
    /// The cap warning, if any.
    pub cap: Option<ReviewWarning>,
}

/// The summary of a year's rows.
pub fn summary(rows: &[YearRow]) -> Summary {
    let mut counts = [0u32; 4];
    let mut pending = 0;
    let mut all_final = true;
    let mut not_graded = Vec::new();
    for r in rows {
        if let Some(x) = r.excluded {
            not_graded.push((r.name.clone(), x));
            continue;
        }
        if not_yet_graded(r) {
            pending += 1;
        }
        if let Some(g) = r.review.grade() {
            counts[(g.rank() - 1) as usize] += 1;
            all_final &= r.review.final_grade.is_some();
        }
    }
    let shares = shares_permille(&counts);
    let mut permille = [0u32; 4];
    permille.copy_from_slice(&shares);
    let cap = cap_warning(
        rows.iter()
            .filter(|r| r.excluded.is_none())
            .filter_map(|r| r.review.grade()),
    );
    Summary {
        counts,
        permille,
        pending,
        not_graded,
        all_final,
        cap,
    }
}

/// Tenths of a percent the Vietnamese way, as superiors write it: 80 → "8,0%".
pub fn format_share(permille: u32) -> String {
    meeting::format_permille(permille)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{MemberEvent, Membership};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn official(admitted: NaiveDate) -> Member {
        let mut m = Member {
            full_name: "Nguyễn Văn A".into(),
            ..Member::default()
        };
        m.add_event(MemberEvent::new(admitted, EventKind::Admitted, ""));
        if let Some(r) = admitted.checked_add_months(chrono::Months::new(12)) {
            m.add_event(MemberEvent::new(r, EventKind::Recognized, ""));
        }
        m
    }

    #[test]
    fn score_bands_at_their_boundaries() {
        assert_eq!(band(100), Grade::Excellent);
        assert_eq!(band(90), Grade::Excellent);
        assert_eq!(band(89), Grade::Good);
        assert_eq!(band(70), Grade::Good);
        assert_eq!(band(69), Grade::Completed);
        assert_eq!(band(50), Grade::Completed);
        assert_eq!(band(49), Grade::NotCompleted);
        assert_eq!(band(0), Grade::NotCompleted);
    }

    #[test]
    fn the_cap_is_twenty_percent_of_good_rounded_down() {
        assert_eq!(excellent_cap(0), 0);
        assert_eq!(excellent_cap(4), 0);
        assert_eq!(excellent_cap(5), 1);
        assert_eq!(excellent_cap(9), 1);
        assert_eq!(excellent_cap(10), 2);
        assert_eq!(excellent_cap(111), 22);
        let g = |e: usize, good: usize| {
            std::iter::repeat_n(Grade::Excellent, e).chain(std::iter::repeat_n(Grade::Good, good))
        };
        assert_eq!(cap_warning(g(1, 5)), None);
        assert_eq!(
            cap_warning(g(2, 9)),
            Some(ReviewWarning::OverCap {
                excellent: 2,
                good: 9,
                cap: 1
            })
        );
        assert_eq!(cap_warning(g(2, 10)), None);
    }

    #[test]
    fn exclusions_name_their_reason() {
        let on = d(2025, 12, 31);
        let m = official(d(2000, 1, 1));
        assert_eq!(exclusion(&m, 2025, on), None);

        let mut ex = m.clone();
        ex.add_event(MemberEvent::new(
            d(2025, 3, 1),
            EventKind::ExemptionStarted { full: true },
            "",
        ));
        assert_eq!(exclusion(&ex, 2025, on), Some(Exclusion::Exempt));

        let mut su = m.clone();
        su.add_event(MemberEvent::new(d(2025, 6, 1), EventKind::Suspended, ""));
        assert_eq!(exclusion(&su, 2025, on), Some(Exclusion::Suspended));

        let mut left = m.clone();
        left.add_event(MemberEvent::new(
            d(2025, 5, 1),
            EventKind::TransferredOut,
            "",
        ));
        assert_eq!(
            exclusion(&left, 2025, on),
            Some(Exclusion::Left(Status::TransferredOut))
        );
        assert!(in_year_list(&left, 2025));
        assert!(!in_year_list(&left, 2026));

        // Six months before 31/12 is enough; one day less is not.
        let on_time = official(d(2025, 6, 30));
        assert_eq!(on_time.membership_at(on), Some(Membership::Probationary));
        assert_eq!(exclusion(&on_time, 2025, on), None);
        let late = official(d(2025, 7, 1));
        assert_eq!(
            exclusion(&late, 2025, on),
            Some(Exclusion::JoinedLate(d(2025, 7, 1)))
        );
        assert!(!in_year_list(&official(d(2026, 1, 2)), 2025));
    }

    #[test]
    fn a_member_disciplined_in_the_year_is_capped_at_the_ceiling() {
        let mut m = official(d(2000, 1, 1));
        m.add_event(MemberEvent::new(d(2025, 4, 2), EventKind::Disciplined, ""));
        let mut r = MemberReview {
            proposed: Some(Grade::Completed),
            ..MemberReview::default()
        };
        let w = member_warnings(&r, &m, 2025, None);
        assert_eq!(
            w,
            vec![ReviewWarning::DisciplinedAboveCeiling {
                on: d(2025, 4, 2),
                ceiling: Grade::NotCompleted
            }]
        );
        r.proposed = Some(Grade::NotCompleted);
        assert!(member_warnings(&r, &m, 2025, None).is_empty());
        // A discipline of another year does not count.
        r.proposed = Some(Grade::Good);
        assert!(member_warnings(&r, &m, 2026, None).is_empty());
    }

    #[test]
    fn score_band_and_exempt_graded_warnings() {
        let m = official(d(2000, 1, 1));
        let r = MemberReview {
            self_score: Some(85),
            self_grade: Some(Grade::Excellent),
            proposed: Some(Grade::Good),
            ..MemberReview::default()
        };
        assert_eq!(
            member_warnings(&r, &m, 2025, Some(Exclusion::Exempt)),
            vec![
                ReviewWarning::ScoreBand {
                    score: 85,
                    band: Grade::Good,
                    grade: Grade::Excellent
                },
                ReviewWarning::ExcludedGraded(Exclusion::Exempt)
            ]
        );
    }

    #[test]
    fn shares_add_up_with_the_largest_remainder() {
        // The seed's 125 members: 10, 111, 4 → 8,0% 88,8% 3,2%.
        assert_eq!(shares_permille(&[10, 111, 4, 0]), vec![80, 888, 32, 0]);
        // Thirds: 33,4 + 33,3 + 33,3.
        assert_eq!(shares_permille(&[1, 1, 1, 0]), vec![334, 333, 333, 0]);
        // 1/7, 2/7, 4/7 = 142,857 / 285,714 / 571,428 → 142+286+572 = 1000.
        assert_eq!(shares_permille(&[1, 2, 4]), vec![143, 286, 571]);
        for counts in [[3u32, 7, 11, 0], [1, 1, 1, 4], [2, 29, 3, 1]] {
            assert_eq!(shares_permille(&counts).iter().sum::<u32>(), 1000);
        }
        assert_eq!(shares_permille(&[0, 0]), vec![0, 0]);
        assert_eq!(format_share(80), "8,0%");
        assert_eq!(format_share(888), "88,8%");
    }

    fn row(name: &str, review: MemberReview) -> YearRow {
        YearRow {
            id: 1,
            name: name.into(),
            excluded: None,
            review,
            warnings: Vec::new(),
        }
    }

    fn voted(passed: bool) -> MemberReview {
        MemberReview {
            proposed: Some(Grade::Good),
            vote: Some(GradeVote {
                yes: if passed { 15 } else { 14 },
                no: 0,
                abstain: 0,
                denominator: 28,
                passed,
            }),
            ..MemberReview::default()
        }
    }

    #[test]
    fn rule_22_2_a_failed_grade_vote_is_not_counted_as_good() {
        // Điều lệ Đ.10: 14 of 28 is not more than half; 15 of 28 is.
        let rows = [row("A", voted(false)), row("B", voted(true))];
        let s = summary(&rows);
        assert_eq!(s.counts, [0, 1, 0, 0]);
        assert_eq!(s.pending, 1);
        assert_eq!(rows[0].review.grade(), None);
        assert_eq!(rows[1].review.grade(), Some(Grade::Good));
        // The ward's final grade counts whatever the branch's vote was.
        let mut decided = voted(false);
        decided.final_grade = Some(Grade::Completed);
        assert_eq!(decided.grade(), Some(Grade::Completed));
    }

    #[test]
    fn rule_23_2_one_definition_of_not_yet_graded() {
        let proposed_no_vote = MemberReview {
            proposed: Some(Grade::Good),
            ..MemberReview::default()
        };
        let mut excluded = row("E", MemberReview::default());
        excluded.excluded = Some(Exclusion::Exempt);
        let rows = [
            row("A", MemberReview::default()),
            row("B", voted(false)),
            row("C", voted(true)),
            row("D", proposed_no_vote),
            excluded,
        ];
        let flags: Vec<bool> = rows.iter().map(not_yet_graded).collect();
        assert_eq!(flags, [true, true, false, false, false]);
        assert_eq!(count_not_yet_graded(&rows), 2);
        // The review screen's count, the home screen's item and the to-do list agree.
        assert_eq!(summary(&rows).pending, 2);
        let season = d(2026, 11, 21);
        assert_eq!(season_pending(&rows, season), Some((2026, 2)));
        assert_eq!(
            season_pending(&rows, d(2026, 10, 31)),
            None,
            "before the season"
        );
        let extra = crate::domain::todo::Extra::default().with_review(&rows, season);
        let items = crate::domain::todo::collect_with(&[], &[], &extra, season);
        assert!(
            items
                .iter()
                .any(|i| i.kind == crate::domain::todo::TodoKind::ReviewSeason(2026, 2))
        );
    }
}
