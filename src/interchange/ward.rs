//! The ward roll-up: the registers of many branches (read from their bundles) added up into
//! the ward's figures, each branch's share named, in sections ([`Section`]) — structure,
//! movements, meetings (each branch, each month), review grades, dues, admission,
//! exemptions, badges due — as text, CSV, `.xlsx` or Word reports of the ward's Party
//! committee, the whole roll-up or one section. Totals are computed over all members and
//! meetings together, so they equal the sum of the branches' own reports by construction.
//! A figure a bundle does not carry is named "không có trong gói", never counted as 0.
//! Document text, like every Party document of the program, is Vietnamese.

use chrono::{Datelike, NaiveDate};

use super::docx::{Block, Document, Issuer, Run};
use super::figures::Period;
use super::reports::{self, Figures};
use super::xlsx::{Cell, Sheet};
use crate::domain::dues::{YearMonth, group_thousands};
use crate::domain::meeting::MeetingKind;
use crate::domain::register::Register;
use crate::domain::review::{self, Grade, YearRow};
use crate::domain::stages::Stage;
use crate::domain::stats::{
    self, MeetingFigures, Movements, Structure, format_int, format_permille,
};
use crate::domain::ward::{
    self as wf, BundleFigures, CandidateLate, DuesYear, Exemptions, MonthMeetings, Pipeline,
};
use crate::domain::{admission, date, text};
use crate::i18n::ward::WardText;
use crate::i18n::{Catalogue, Cli as C, Lang, Vi};

pub use crate::i18n::ward::NOT_IN_BUNDLE;

/// What a bundle gives beyond its register for the dues and the admission pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// A full copy of the branch's data: computed from the register as of the day the
    /// bundle was made.
    Full(NaiveDate),
    /// A figures-only bundle of format 2 or later: the figures it carries.
    Figures(BundleFigures),
    /// A figures-only bundle of format 1: neither dues nor pipeline.
    Missing,
}

impl Carried {
    /// The dues of `year`, if the bundle gives them.
    pub fn dues(&self, reg: &Register, year: i32) -> Option<DuesYear> {
        match self {
            Carried::Full(on) => Some(wf::dues_year(reg, year, *on)),
            Carried::Figures(f) => f.dues.iter().find(|d| d.year == year).copied(),
            Carried::Missing => None,
        }
    }

    /// The admission pipeline, if the bundle gives it.
    pub fn pipeline(&self, reg: &Register) -> Option<Pipeline> {
        match self {
            Carried::Full(on) => Some(wf::pipeline(reg, *on)),
            Carried::Figures(f) => Some(f.pipeline.clone()),
            Carried::Missing => None,
        }
    }

    /// The candidates' late flags of acts done from `from` to `to`, if the bundle gives
    /// them (format 3, or a full copy).
    pub fn late(
        &self,
        reg: &Register,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<Vec<CandidateLate>> {
        let all = match self {
            Carried::Full(_) => wf::late_flags(reg),
            Carried::Figures(f) => f.late.clone()?,
            Carried::Missing => return None,
        };
        Some(
            all.into_iter()
                .filter(|c| (from..=to).contains(&c.flag.done))
                .collect(),
        )
    }
}

/// One branch as received: its register and what its bundle carries besides.
#[derive(Debug, Clone)]
pub struct Sent {
    /// The register (a ward copy for a figures-only bundle).
    pub register: Register,
    /// The dues and pipeline.
    pub carried: Carried,
}

/// One branch's line in the roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The branch's name.
    pub name: String,
    /// Members at the date of the structure.
    pub total: u32,
    /// Official members.
    pub official: u32,
    /// Probationary members.
    pub probationary: u32,
    /// Meetings held in the period.
    pub meetings: u32,
    /// Attendance over those meetings, in tenths of a percent.
    pub attendance: u32,
    /// Regular and thematic meetings of each month of the period's year.
    pub months: [MonthMeetings; 12],
    /// The year's dues (`None`: not in the bundle).
    pub dues: Option<DuesYear>,
    /// The admission pipeline (`None`: not in the bundle).
    pub pipeline: Option<Pipeline>,
    /// The candidates' late flags of the period (`None`: not in the bundle).
    pub late: Option<Vec<CandidateLate>>,
    /// Members admitted in the year.
    pub admitted: u32,
    /// The year's admission target, if set.
    pub target: Option<u32>,
    /// Exemptions in the year.
    pub exemptions: Exemptions,
    /// Members reaching a badge milestone in the next year.
    pub badges: u32,
    /// Members working elsewhere who live in the group (QĐ 213), and the year's comments.
    pub liaison: crate::domain::liaison::LiaisonFigures,
    /// Who studied the resolutions issued in the year (n of m).
    pub study: crate::domain::study::StudyFigure,
}

/// The ward's figures.
#[derive(Debug, Clone)]
pub struct Ward {
    /// The ward's Party organisation(s) named in the bundles ("Đảng bộ phường …").
    pub committee: String,
    /// Each branch, in the order given.
    pub shares: Vec<Share>,
    /// Member structure of all members together.
    pub structure: Structure,
    /// Movements of all members together.
    pub movements: Movements,
    /// Meetings of all branches together.
    pub meetings: MeetingFigures,
    /// The review rows of the period's year, all branches.
    pub review: Vec<YearRow>,
    /// The dues of the branches whose bundle gives them.
    pub dues: DuesYear,
    /// The pipeline of the branches whose bundle gives it.
    pub pipeline: Pipeline,
    /// Members admitted in the year, all branches.
    pub admitted: u32,
    /// The sum of the targets set (`None` when no branch set one).
    pub target: Option<u32>,
    /// Exemptions in the year, all branches.
    pub exemptions: Exemptions,
    /// Members reaching each badge milestone in the next year: (milestone, members).
    pub badges: Vec<(u32, u32)>,
    /// Liaison members (QĐ 213) of all branches, and the year's comments.
    pub liaison: crate::domain::liaison::LiaisonFigures,
    /// Resolution study of the year, all branches (n of m).
    pub study: crate::domain::study::StudyFigure,
}

/// Adds up full registers over the period (each one's dues and pipeline computed on the
/// period's date).
pub fn ward(regs: &[Register], p: Period) -> Ward {
    let sent: Vec<Sent> = regs
        .iter()
        .map(|r| Sent {
            register: r.clone(),
            carried: Carried::Full(p.at),
        })
        .collect();
    ward_of(&sent, p)
}

/// Adds up the branches as received over the period (borrowed: a screen that keeps its
/// bundles does not copy them).
pub fn ward_of<'a>(sent: impl IntoIterator<Item = &'a Sent>, p: Period) -> Ward {
    let mut committees: Vec<String> = Vec::new();
    let (mut everyone, mut shares, mut review) = (Vec::new(), Vec::new(), Vec::new());
    let mut meetings = MeetingFigures::default();
    let year = p.to.year();
    let mut w_dues = DuesYear {
        year,
        ..DuesYear::default()
    };
    let mut w_pipeline = Pipeline::default();
    let (mut admitted, mut target) = (0, None::<u32>);
    let mut exemptions = Exemptions::default();
    let mut liaison = crate::domain::liaison::LiaisonFigures::default();
    let mut study = crate::domain::study::StudyFigure::default();
    let mut badges: Vec<(u32, u32)> = crate::domain::badges::milestones()
        .into_iter()
        .map(|y| (y, 0))
        .collect();
    for s in sent {
        let reg = &s.register;
        let people = reg.people();
        let st = stats::structure(&people, p.at);
        let m = stats::meeting_figures(reg.meetings.iter().map(|(_, m)| m), p.from, p.to);
        let dues = s.carried.dues(reg, year);
        let pipeline = s.carried.pipeline(reg);
        if let Some(d) = dues {
            w_dues += d;
        }
        if let Some(pl) = &pipeline {
            w_pipeline.add(pl);
        }
        let own_admitted = admission::admitted_in_year(people.iter(), year);
        admitted += own_admitted;
        let own_target = reg.targets.iter().find(|t| t.year == year).map(|t| t.count);
        if let Some(t) = own_target {
            target = Some(target.unwrap_or(0) + t);
        }
        let ex = wf::exemptions(reg, year);
        exemptions.members += ex.members;
        exemptions.full += ex.full;
        let own_badges = wf::badges_due(reg, year + 1, p.at);
        for (all, (_, n)) in badges.iter_mut().zip(&own_badges) {
            all.1 += n;
        }
        let own_liaison =
            crate::domain::liaison::figures(reg.liaisons.iter().map(|(_, l)| l), year);
        liaison.members += own_liaison.members;
        liaison.yearly += own_liaison.yearly;
        liaison.sent += own_liaison.sent;
        let own_study = crate::domain::study::year_figure(
            reg.resolutions.iter().map(|(_, r)| r),
            &reg.members,
            year,
        );
        study.studied += own_study.studied;
        study.expected += own_study.expected;
        shares.push(Share {
            name: reg.branch.name.clone(),
            total: st.total,
            official: st.official,
            probationary: st.probationary,
            meetings: m.held.iter().sum(),
            attendance: m.rate(),
            months: wf::meetings_by_month(reg, year),
            dues,
            pipeline,
            late: s.carried.late(reg, p.from, p.to),
            admitted: own_admitted,
            target: own_target,
            exemptions: ex,
            badges: own_badges.iter().map(|(_, n)| n).sum(),
            liaison: own_liaison,
            study: own_study,
        });
        for (all, one) in meetings.held.iter_mut().zip(m.held) {
            *all += one;
        }
        meetings.attendance.extend(m.attendance);
        let on = review::review_date(year, reg.meetings.iter().map(|(_, m)| m));
        review.extend(review::year_rows(year, &reg.members, &reg.reviews, on));
        if !committees.contains(&reg.branch.superior) {
            committees.push(reg.branch.superior.clone());
        }
        everyone.extend(people);
    }
    meetings.attendance.sort_by_key(|a| a.0);
    Ward {
        committee: committees.join(", "),
        shares,
        structure: stats::structure(&everyone, p.at),
        movements: stats::movements(&everyone, p.from, p.to),
        meetings,
        review,
        dues: w_dues,
        pipeline: w_pipeline,
        admitted,
        target,
        exemptions,
        badges,
        liaison,
        study,
    }
}

/// The sections of the ward's figures, in the order the screen and the reports show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Member structure.
    Structure,
    /// Admissions, transfers, removals and deaths.
    Movements,
    /// Meetings held, each branch each month.
    Meetings,
    /// The year's review grades.
    Review,
    /// Dues collected and owed.
    Dues,
    /// The admission pipeline and the year's target.
    Admission,
    /// Exemptions from work and meetings.
    Exemptions,
    /// Badges due in the coming year.
    Badges,
    /// Members working elsewhere who live here (QĐ 213) and resolution study.
    Residence,
}

impl Section {
    /// Every section, in order.
    pub const ALL: &'static [Section] = &[
        Section::Structure,
        Section::Movements,
        Section::Meetings,
        Section::Review,
        Section::Dues,
        Section::Admission,
        Section::Exemptions,
        Section::Badges,
        Section::Residence,
    ];

    /// The file name stem of an exported section (ASCII).
    pub fn slug(self) -> &'static str {
        match self {
            Section::Structure => "phuong-co-cau-dang-vien",
            Section::Movements => "phuong-bien-dong-dang-vien",
            Section::Meetings => "phuong-sinh-hoat-chi-bo",
            Section::Review => "phuong-danh-gia-xep-loai",
            Section::Dues => "phuong-dang-phi",
            Section::Admission => "phuong-ket-nap-dang",
            Section::Exemptions => "phuong-mien-sinh-hoat",
            Section::Badges => "phuong-huy-hieu-dang",
            Section::Residence => "phuong-noi-cu-tru-hoc-tap-nghi-quyet",
        }
    }

    /// The summary line of the section's own report.
    pub fn summary(self, p: Period) -> String {
        let year = p.to.year();
        match self {
            Section::Structure => "Cơ cấu đội ngũ đảng viên".into(),
            Section::Movements => "Biến động đảng viên".into(),
            Section::Meetings => "Sinh hoạt chi bộ".into(),
            Section::Review => format!("Kết quả đánh giá, xếp loại đảng viên năm {year}"),
            Section::Dues => format!("Thu, nộp đảng phí năm {year}"),
            Section::Admission => format!("Công tác phát triển đảng viên năm {year}"),
            Section::Exemptions => {
                format!("Đảng viên miễn công tác và sinh hoạt đảng năm {year}")
            }
            Section::Badges => format!("Huy hiệu Đảng đến hạn năm {}", year + 1),
            Section::Residence => {
                format!("Đảng viên giữ mối liên hệ nơi cư trú, học tập nghị quyết năm {year}")
            }
        }
    }

    /// The section's heading in the ward's report.
    pub fn heading(self, p: Period) -> String {
        let year = p.to.year();
        match self {
            Section::Structure => "CƠ CẤU ĐỘI NGŨ ĐẢNG VIÊN".into(),
            Section::Movements => "BIẾN ĐỘNG ĐẢNG VIÊN".into(),
            Section::Meetings => "SINH HOẠT CHI BỘ".into(),
            Section::Review => format!("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {year}"),
            Section::Dues => format!("THU, NỘP ĐẢNG PHÍ NĂM {year}"),
            Section::Admission => format!("CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM {year}"),
            Section::Exemptions => format!("ĐẢNG VIÊN MIỄN CÔNG TÁC VÀ SINH HOẠT NĂM {year}"),
            Section::Badges => format!("HUY HIỆU ĐẢNG ĐẾN HẠN NĂM {}", year + 1),
            Section::Residence => {
                format!("ĐẢNG VIÊN GIỮ MỐI LIÊN HỆ NƠI CƯ TRÚ, HỌC TẬP NGHỊ QUYẾT NĂM {year}")
            }
        }
    }
}

/// A sum of money as the reports write it ("1.250.000 đồng").
fn money(n: i64) -> String {
    format!("{} đồng", group_thousands(n, '.'))
}

fn count(n: u32) -> String {
    format_int(u64::from(n))
}

/// The branch names of the shares a figure is missing from.
fn missing<T>(w: &Ward, f: impl Fn(&Share) -> Option<T>) -> Vec<&str> {
    w.shares
        .iter()
        .filter(|s| f(s).is_none())
        .map(|s| s.name.as_str())
        .collect()
}

/// "- 2 chi bộ: không có trong gói (gói cũ) — …" when any bundle lacks the figure (the
/// branches are named in the section's table).
fn missing_line(names: &[&str]) -> Option<String> {
    (!names.is_empty()).then(|| {
        format!(
            "- {} chi bộ: {NOT_IN_BUNDLE} (gói cũ), chưa cộng vào số trên",
            names.len()
        )
    })
}

/// The review summary with counts only (the ward is not sent the names of the members
/// who were not graded), ward-sized numbers ("1.204", "0").
fn review_lines(w: &Ward) -> Vec<String> {
    super::assessments::grade_lines(&review::summary(&w.review), count)
}

/// The meetings held by kind and the ward's attendance, as text lines.
fn meeting_lines(m: &MeetingFigures) -> Vec<String> {
    let mut out: Vec<String> = MeetingKind::ALL
        .iter()
        .zip(m.held)
        .map(|(k, n)| {
            format!(
                "  {:<22} {:>5} buổi",
                Vi.meeting_kind(*k),
                format_int(u64::from(n))
            )
        })
        .collect();
    out.push(format!(
        "Tỷ lệ đảng viên dự sinh hoạt bình quân: {}",
        format_permille(m.rate())
    ));
    out
}

/// The months of the period's year that are over on its last day (a month still running
/// is not "missing").
fn months_over(p: Period) -> usize {
    let year = p.to.year();
    (1..=12)
        .filter_map(|m| YearMonth::new(year, m))
        .filter(|m| m.last_day() <= p.to)
        .count()
}

/// A branch's month as two letters: "T" regular held, "C" thematic held, "-" no regular
/// meeting in a month that is over, blank for a month to come.
fn month_cell(m: MonthMeetings, over: bool) -> String {
    let r = if m.regular > 0 {
        'T'
    } else if over {
        '-'
    } else {
        ' '
    };
    let t = if m.thematic > 0 { 'C' } else { ' ' };
    format!("{r}{t}")
}

/// Each branch's months as a grid of at most 80 columns, then the branches that missed
/// a regular meeting.
fn month_grid(w: &Ward, p: Period) -> Vec<String> {
    let over = months_over(p);
    let mut out = vec![
        format!("Từng chi bộ, từng tháng năm {}", p.to.year()),
        "(T: thường kỳ, C: chuyên đề, -: không sinh hoạt thường kỳ)".to_string(),
        format!(
            "  {:<30}{}",
            "Chi bộ",
            (1..=12).map(|m| format!(" {m:<2}")).collect::<String>()
        ),
    ];
    let mut short = Vec::new();
    for s in &w.shares {
        let cells: String = s
            .months
            .iter()
            .enumerate()
            .map(|(i, m)| format!(" {}", month_cell(*m, i < over)))
            .collect();
        out.push(format!("  {:<30}{cells}", text::ellipsize(&s.name, 30)));
        let gaps: Vec<String> = s.months[..over]
            .iter()
            .enumerate()
            .filter(|(_, m)| m.regular == 0)
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if !gaps.is_empty() {
            short.push(format!("- {}: tháng {}", s.name, gaps.join(", ")));
        }
    }
    out.push(String::new());
    out.push(format!(
        "Chi bộ không sinh hoạt thường kỳ đủ các tháng: {}/{}",
        count(short.len() as u32),
        count(w.shares.len() as u32)
    ));
    out.extend(short);
    out
}

fn dues_lines(w: &Ward) -> Vec<String> {
    let d = &w.dues;
    let with_arrears = w
        .shares
        .iter()
        .filter(|s| s.dues.is_some_and(|d| d.in_arrears > 0))
        .count() as u32;
    let mut out = vec![
        format!("- Phải thu: {}", money(d.expected)),
        format!("- Đã thu: {}", money(d.collected)),
        format!(
            "- Còn nợ (các tháng đã qua): {} ({} đảng viên)",
            money(d.unpaid),
            count(d.in_arrears)
        ),
        format!("- Đảng viên nợ từ 3 tháng trở lên: {}", count(d.flagged)),
        format!(
            "- Chi bộ có đảng viên nợ đảng phí: {}/{}",
            count(with_arrears),
            count(w.shares.len() as u32)
        ),
    ];
    if d.unknown > 0 {
        out.push(format!(
            "- Đảng viên chưa có mức đóng: {}",
            count(d.unknown)
        ));
    }
    out.extend(missing_line(&missing(w, |s| s.dues)));
    out.push(String::new());
    out.push(format!(
        "  {:<34} {:>14} {:>14} {:>5}",
        "Chi bộ", "Đã thu", "Còn nợ", "Nợ"
    ));
    for s in &w.shares {
        let name = text::ellipsize(&s.name, 34);
        out.push(match s.dues {
            Some(d) => format!(
                "  {name:<34} {:>14} {:>14} {:>5}",
                group_thousands(d.collected, '.'),
                group_thousands(d.unpaid, '.'),
                d.in_arrears
            ),
            None => format!("  {name:<34} {NOT_IN_BUNDLE}"),
        });
    }
    out
}

fn admission_lines(w: &Ward) -> Vec<String> {
    let p = &w.pipeline;
    let target = w.target.map_or("chưa giao chỉ tiêu".to_string(), |t| {
        format!("chỉ tiêu {}", count(t))
    });
    let mut out = vec![
        format!("- Đã kết nạp trong năm: {} ({target})", count(w.admitted)),
        format!(
            "- Quần chúng đang trong các bước kết nạp: {}",
            count(p.total())
        ),
        format!(
            "- Quá hạn: {}; chờ cấp trên quyết định: {}",
            count(p.overdue),
            count(p.awaiting_superior)
        ),
    ];
    for (i, stage) in Stage::ALL.iter().enumerate() {
        let n = p.by_stage.get(i).copied().unwrap_or(0);
        if n > 0 {
            out.push(format!(
                "  + {}: {}",
                Vi.admission().stage(*stage),
                count(n)
            ));
        }
    }
    if p.unstaged > 0 {
        out.push(format!("  + Chưa ghi bước nào: {}", count(p.unstaged)));
    }
    out.extend(missing_line(&missing(w, |s| s.pipeline.clone())));
    out.extend(late_lines(w));
    out.push(String::new());
    let wt = crate::i18n::ward::of(Lang::Vi);
    out.push(format!(
        "  {:<40} {:>10} {:>12} {:>8}",
        "Chi bộ",
        "Kết nạp",
        "Đang theo dõi",
        wt.text(WardText::ColLate)
    ));
    for s in &w.shares {
        let done = match s.target {
            Some(t) => format!("{}/{t}", s.admitted),
            None => s.admitted.to_string(),
        };
        let following = s
            .pipeline
            .as_ref()
            .map_or(NOT_IN_BUNDLE.to_string(), |p| p.total().to_string());
        let late = s
            .late
            .as_ref()
            .map_or(NOT_IN_BUNDLE.to_string(), |l| l.len().to_string());
        out.push(format!(
            "  {:<40} {done:>10} {following:>12} {late:>8}",
            text::ellipsize(&s.name, 40)
        ));
    }
    out
}

/// The candidates' late flags (#22.2): how many, by rule, then each one by branch and
/// candidate number (no names), and the branches whose older bundle carries none.
fn late_lines(w: &Ward) -> Vec<String> {
    let wt = crate::i18n::ward::of(Lang::Vi);
    let rc = crate::i18n::rules::catalogue(Lang::Vi);
    let flags: Vec<(&str, &CandidateLate)> = w
        .shares
        .iter()
        .flat_map(|s| s.late.iter().flatten().map(move |c| (s.name.as_str(), c)))
        .collect();
    let mut out = vec![wt.text(WardText::LateFlags(flags.len() as u32))];
    for rule in crate::domain::rules::RuleId::ALL {
        let n = flags.iter().filter(|(_, c)| c.flag.rule == *rule).count() as u32;
        if n > 0 {
            out.push(wt.text(WardText::LateByRule(rc.rule(*rule), n)));
        }
    }
    for (branch, c) in &flags {
        out.push(wt.text(WardText::LateCandidate(
            &text::ellipsize(branch, 40),
            c.candidate,
        )));
        out.push(wt.text(WardText::LateRule(rc.rule(c.flag.rule))));
        out.push(wt.text(WardText::LateDates(c.flag.due, c.flag.done)));
        out.push(wt.text(WardText::LateReason(&c.flag.reason)));
    }
    let old = missing(w, |s| s.late.clone()).len();
    if old > 0 {
        out.push(wt.text(WardText::LateNotInBundle(old)));
    }
    out
}

fn exemption_lines(w: &Ward) -> Vec<String> {
    let mut out = vec![
        format!(
            "- Được miễn, tạm miễn công tác và sinh hoạt trong năm: {} đồng chí",
            count(w.exemptions.members)
        ),
        format!(
            "- Trong đó miễn công tác và sinh hoạt: {} đồng chí",
            count(w.exemptions.full)
        ),
    ];
    for s in w.shares.iter().filter(|s| s.exemptions.members > 0) {
        out.push(format!(
            "  + {}: {}",
            text::ellipsize(&s.name, 60),
            s.exemptions.members
        ));
    }
    out
}

/// The liaison members (QĐ 213) and the resolution study of the year, with each branch
/// that has any.
fn residence_lines(w: &Ward, year: i32) -> Vec<String> {
    let l = &w.liaison;
    let mut out = vec![
        format!(
            "- Đảng viên đang công tác giữ mối liên hệ với nơi cư trú (QĐ 213): {} đồng chí",
            l.members
        ),
        format!(
            "- Thuộc diện nhận xét hằng năm: {}; đã gửi nhận xét năm {year}: {}",
            l.yearly, l.sent
        ),
    ];
    for s in w.shares.iter().filter(|s| s.liaison.members > 0) {
        out.push(format!(
            "  + {}: {} (đã gửi nhận xét {}/{})",
            text::ellipsize(&s.name, 50),
            s.liaison.members,
            s.liaison.sent,
            s.liaison.yearly
        ));
    }
    out.push(format!(
        "- Học tập nghị quyết ban hành năm {year}: {}/{} lượt đảng viên đã học ({})",
        count(w.study.studied),
        count(w.study.expected),
        crate::domain::stats::format_permille(w.study.permille())
    ));
    for s in w.shares.iter().filter(|s| s.study.expected > 0) {
        out.push(format!(
            "  + {}: {}/{}",
            text::ellipsize(&s.name, 60),
            s.study.studied,
            s.study.expected
        ));
    }
    out
}

fn badge_lines(w: &Ward) -> Vec<String> {
    let total: u32 = w.badges.iter().map(|(_, n)| n).sum();
    let mut out = vec![format!(
        "- Đảng viên đến hạn xét tặng Huy hiệu Đảng: {} đồng chí",
        count(total)
    )];
    for (y, n) in w.badges.iter().filter(|(_, n)| *n > 0) {
        out.push(format!("  + Huy hiệu {y} năm tuổi Đảng: {}", count(*n)));
    }
    for s in w.shares.iter().filter(|s| s.badges > 0) {
        out.push(format!(
            "  {:<60} {:>4}",
            text::ellipsize(&s.name, 60),
            s.badges
        ));
    }
    out
}

/// A section's figures as text lines of at most 80 columns (without its heading).
pub fn section_lines(w: &Ward, s: Section, p: Period) -> Vec<String> {
    let lines = |t: String| -> Vec<String> {
        t.lines()
            .skip_while(|l| !l.is_empty())
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    let mut out = match s {
        Section::Structure => lines(reports::structure_report(
            &w.committee,
            &w.structure,
            p.at,
            false,
        )),
        Section::Movements => lines(reports::movements_report(
            &w.committee,
            &w.movements,
            p.from,
            p.to,
            false,
        )),
        Section::Meetings => {
            let mut v = meeting_lines(&w.meetings);
            v.push(String::new());
            v.extend(month_grid(w, p));
            v
        }
        Section::Review => {
            if has_review(w) {
                review_lines(w)
            } else {
                vec!["Chưa có kết quả đánh giá, xếp loại của năm.".into()]
            }
        }
        Section::Dues => dues_lines(w),
        Section::Admission => admission_lines(w),
        Section::Exemptions => exemption_lines(w),
        Section::Badges => badge_lines(w),
        Section::Residence => residence_lines(w, p.to.year()),
    };
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.into_iter().map(|l| text::ellipsize(&l, 80)).collect()
}

/// Whether any member of the ward has a grade (proposed or final) for the year.
fn has_review(w: &Ward) -> bool {
    w.review
        .iter()
        .any(|r| r.review.final_grade.is_some() || r.review.proposed.is_some())
}

/// The roll-up as text of at most 80 columns: the heading (in the interface language),
/// each branch's share, then every section.
pub fn ward_text(w: &Ward, p: Period, lang: Lang) -> String {
    let c = lang.cat();
    let mut t = c.cli(C::RollupHeading(
        &format_int(w.shares.len() as u64),
        &format_int(u64::from(w.structure.total)),
        &date::format_date(p.at),
    ));
    t.push_str("\n\n");
    for s in &w.shares {
        let share = c.cli(C::RollupShare(
            &format_int(u64::from(s.total)),
            s.official,
            s.probationary,
        ));
        t.push_str(&format!("  {:<40} {share}\n", text::ellipsize(&s.name, 40)));
    }
    for (i, s) in Section::ALL.iter().enumerate() {
        let when = match s {
            Section::Structure => format!("tính đến ngày {}", date::format_date(p.at)),
            _ => format!(
                "từ ngày {} đến ngày {}",
                date::format_date(p.from),
                date::format_date(p.to)
            ),
        };
        t.push_str(&format!(
            "\n{}. {}\n{}\n\n",
            i + 1,
            s.heading(p),
            text::ellipsize(&format!("{} — {when}", w.committee), 80)
        ));
        for l in section_lines(w, *s, p) {
            t.push_str(&l);
            t.push('\n');
        }
    }
    t
}

/// The branches' lines with the ward's total.
fn branches_sheet(w: &Ward) -> Sheet {
    let mut branches = Sheet::new(
        "Các chi bộ",
        [
            "Tổ chức đảng",
            "Đảng viên",
            "Chính thức",
            "Dự bị",
            "Buổi sinh hoạt",
            "Tỷ lệ dự sinh hoạt",
        ],
    );
    for s in &w.shares {
        branches.rows.push(vec![
            Cell::text(&s.name),
            Cell::int(s.total),
            Cell::int(s.official),
            Cell::int(s.probationary),
            Cell::int(s.meetings),
            Cell::Percent(s.attendance),
        ]);
    }
    branches.rows.push(vec![
        Cell::text("Cộng"),
        Cell::int(w.structure.total),
        Cell::int(w.structure.official),
        Cell::int(w.structure.probationary),
        Cell::int(w.meetings.held.iter().sum::<u32>()),
        Cell::Percent(w.meetings.rate()),
    ]);
    branches
}

/// A cell that is a number, or "không có trong gói".
fn opt_cell(n: Option<i64>) -> Cell {
    n.map_or(Cell::text(NOT_IN_BUNDLE), Cell::int)
}

/// A section as a table for the `.xlsx` export (and the CSV).
pub fn section_sheet(w: &Ward, s: Section, p: Period) -> Sheet {
    match s {
        Section::Structure => reports::structure_sheet(&w.structure),
        Section::Movements => reports::movements_sheet(&w.movements),
        Section::Meetings => {
            let over = months_over(p);
            let mut header = vec!["Tổ chức đảng".to_string()];
            header.extend((1..=12).map(|m| format!("Tháng {m}")));
            header.push("Số buổi".into());
            header.push("Tỷ lệ dự sinh hoạt".into());
            let mut sh = Sheet::new("Sinh hoạt từng tháng", header);
            for sh_row in &w.shares {
                let mut row = vec![Cell::text(&sh_row.name)];
                row.extend(
                    sh_row
                        .months
                        .iter()
                        .enumerate()
                        .map(|(i, m)| Cell::text(month_cell(*m, i < over).trim_end())),
                );
                row.push(Cell::int(sh_row.meetings));
                row.push(Cell::Percent(sh_row.attendance));
                sh.rows.push(row);
            }
            sh
        }
        Section::Review => {
            let sum = review::summary(&w.review);
            let mut sh = Sheet::new("Xếp loại", ["Mức xếp loại", "Số đảng viên", "Tỷ lệ"]);
            for (i, g) in Grade::ALL.iter().enumerate() {
                sh.rows.push(vec![
                    Cell::text(Vi.grade(*g)),
                    Cell::int(sum.counts[i]),
                    Cell::Percent(sum.permille[i]),
                ]);
            }
            sh.rows.push(vec![
                Cell::text("Chưa có kết quả xếp loại"),
                Cell::int(sum.pending),
            ]);
            sh.rows.push(vec![
                Cell::text("Không xếp loại"),
                Cell::int(sum.not_graded.len() as u32),
            ]);
            sh
        }
        Section::Dues => {
            let mut sh = Sheet::new(
                "Đảng phí",
                [
                    "Tổ chức đảng",
                    "Phải thu (đồng)",
                    "Đã thu (đồng)",
                    "Còn nợ (đồng)",
                    "Đảng viên nợ",
                    "Nợ từ 3 tháng",
                ],
            );
            for s in &w.shares {
                let d = s.dues;
                sh.rows.push(vec![
                    Cell::text(&s.name),
                    opt_cell(d.map(|d| d.expected)),
                    opt_cell(d.map(|d| d.collected)),
                    opt_cell(d.map(|d| d.unpaid)),
                    opt_cell(d.map(|d| i64::from(d.in_arrears))),
                    opt_cell(d.map(|d| i64::from(d.flagged))),
                ]);
            }
            let d = w.dues;
            sh.rows.push(vec![
                Cell::text("Cộng"),
                Cell::int(d.expected),
                Cell::int(d.collected),
                Cell::int(d.unpaid),
                Cell::int(d.in_arrears),
                Cell::int(d.flagged),
            ]);
            sh
        }
        Section::Admission => {
            let mut header = vec![
                "Tổ chức đảng".to_string(),
                "Kết nạp trong năm".into(),
                "Chỉ tiêu".into(),
                "Đang theo dõi".into(),
                "Quá hạn".into(),
            ];
            header.extend(
                Stage::ALL
                    .iter()
                    .map(|s| Vi.admission().stage(*s).to_string()),
            );
            header.push(crate::i18n::ward::of(Lang::Vi).text(WardText::ColLate));
            let mut sh = Sheet::new("Kết nạp đảng viên", header);
            let row = |name: &str,
                       admitted: u32,
                       target: Option<u32>,
                       p: Option<&Pipeline>,
                       late: Option<i64>| {
                let mut r = vec![
                    Cell::text(name),
                    Cell::int(admitted),
                    Cell::opt_int(target),
                    opt_cell(p.map(|p| i64::from(p.total()))),
                    opt_cell(p.map(|p| i64::from(p.overdue))),
                ];
                r.extend((0..Stage::ALL.len()).map(|i| {
                    opt_cell(p.map(|p| i64::from(p.by_stage.get(i).copied().unwrap_or(0))))
                }));
                r.push(opt_cell(late));
                r
            };
            let late = |s: &Share| s.late.as_ref().map(|l| l.len() as i64);
            for s in &w.shares {
                sh.rows.push(row(
                    &s.name,
                    s.admitted,
                    s.target,
                    s.pipeline.as_ref(),
                    late(s),
                ));
            }
            let all_late = w.shares.iter().filter_map(late).sum();
            sh.rows.push(row(
                "Cộng",
                w.admitted,
                w.target,
                Some(&w.pipeline),
                Some(all_late),
            ));
            sh
        }
        Section::Exemptions => {
            let mut sh = Sheet::new(
                "Miễn sinh hoạt",
                ["Tổ chức đảng", "Miễn, tạm miễn", "Miễn toàn bộ"],
            );
            for s in &w.shares {
                sh.rows.push(vec![
                    Cell::text(&s.name),
                    Cell::int(s.exemptions.members),
                    Cell::int(s.exemptions.full),
                ]);
            }
            sh.rows.push(vec![
                Cell::text("Cộng"),
                Cell::int(w.exemptions.members),
                Cell::int(w.exemptions.full),
            ]);
            sh
        }
        Section::Residence => {
            let mut sh = Sheet::new(
                "Nơi cư trú, học tập NQ",
                [
                    "Tổ chức đảng",
                    "ĐV giữ mối liên hệ (QĐ 213)",
                    "Diện nhận xét hằng năm",
                    "Đã gửi nhận xét",
                    "Lượt đã học nghị quyết",
                    "Lượt phải học",
                ],
            );
            let n = |x: usize| Cell::int(i64::try_from(x).unwrap_or(i64::MAX));
            let row = |name: &str,
                       l: &crate::domain::liaison::LiaisonFigures,
                       st: &crate::domain::study::StudyFigure| {
                vec![
                    Cell::text(name),
                    n(l.members),
                    n(l.yearly),
                    n(l.sent),
                    Cell::int(st.studied),
                    Cell::int(st.expected),
                ]
            };
            for s in &w.shares {
                sh.rows.push(row(&s.name, &s.liaison, &s.study));
            }
            sh.rows.push(row("Cộng", &w.liaison, &w.study));
            sh
        }
        Section::Badges => {
            let mut sh = Sheet::new("Huy hiệu Đảng", ["Huy hiệu", "Số đảng viên"]);
            for (y, n) in &w.badges {
                sh.rows.push(vec![
                    Cell::text(format!("Huy hiệu {y} năm tuổi Đảng")),
                    Cell::int(*n),
                ]);
            }
            sh
        }
    }
}

/// The roll-up as tables: each branch's line (with the ward's total), then every
/// section, for the CSV and the `.xlsx` export.
pub fn ward_sheets(w: &Ward, p: Period) -> Vec<Sheet> {
    let mut out = vec![branches_sheet(w)];
    out.extend(Section::ALL.iter().map(|s| section_sheet(w, *s, p)));
    out
}

/// The roll-up as CSV for Excel (UTF-8 with BOM, CRLF): the tables of [`ward_sheets`],
/// one after another with an empty line between them.
pub fn ward_csv(w: &Ward, p: Period) -> String {
    let parts: Vec<String> = ward_sheets(w, p)
        .iter()
        .map(|s| s.to_csv().trim_start_matches('\u{feff}').to_string())
        .collect();
    format!("\u{feff}{}", parts.join("\r\n"))
}

/// The ward's issuer: its Party committee, under `superior` (e.g. "Đảng bộ thành phố Hải
/// Phòng"), signed on behalf of the committee with the name left blank.
fn ward_issuer(w: &Ward, superior: &str) -> Issuer {
    let committee = w
        .committee
        .strip_prefix("Đảng bộ ")
        .map_or(w.committee.clone(), |rest| format!("Đảng ủy {rest}"));
    Issuer {
        superior: superior.to_string(),
        name: committee,
        code: "BC/ĐU".into(),
        on_behalf: "T/M ĐẢNG ỦY".into(),
        title: "BÍ THƯ".into(),
        signer: String::new(),
        number: None,
    }
}

/// Text lines as document blocks: "- …" as list items, "  + …" as second-level items,
/// the rest as paragraphs; blank lines and the fixed-width tables' header are dropped.
fn line_blocks(lines: &[String]) -> Vec<Block> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let t = l.trim();
            if let Some(rest) = t.strip_prefix("- ") {
                Block::Item {
                    level: 0,
                    marker: "-".into(),
                    runs: vec![Run::plain(rest)],
                }
            } else if let Some(rest) = t.strip_prefix("+ ") {
                Block::Item {
                    level: 1,
                    marker: "+".into(),
                    runs: vec![Run::plain(rest)],
                }
            } else {
                Block::Para(vec![Run::plain(
                    t.split_whitespace().collect::<Vec<_>>().join(" "),
                )])
            }
        })
        .collect()
}

/// A section's body blocks in a Word report.
fn section_blocks(w: &Ward, s: Section, p: Period) -> Vec<Block> {
    let item = |s: String| Block::Item {
        level: 0,
        marker: "-".into(),
        runs: vec![Run::plain(s)],
    };
    match s {
        Section::Structure => reports::figures_blocks(Figures::Structure(&w.structure, p.at)).1,
        Section::Movements => {
            reports::figures_blocks(Figures::Movements(&w.movements, p.from, p.to)).1
        }
        Section::Meetings => {
            // The ward wants the totals and each branch's gaps, not every meeting.
            let mut v: Vec<Block> = meeting_lines(&w.meetings)
                .into_iter()
                .map(|l| item(l.trim().to_string()))
                .collect();
            let grid = month_grid(w, p);
            let gaps_from = grid
                .iter()
                .position(|l| l.starts_with("Chi bộ không sinh hoạt"))
                .unwrap_or(grid.len());
            v.extend(line_blocks(&grid[gaps_from..]));
            v
        }
        _ => {
            // The fixed-width per-branch tables stay in the text and the spreadsheet.
            let lines = section_lines(w, s, p);
            let end = lines
                .iter()
                .position(|l| l.is_empty())
                .unwrap_or(lines.len());
            line_blocks(&lines[..end])
        }
    }
}

/// The whole roll-up as the ward committee's Party document (BÁO CÁO, rules.md §10).
pub fn ward_document(w: &Ward, p: Period, superior: &str, place: &str, on: NaiveDate) -> Document {
    let item = |s: String| Block::Item {
        level: 0,
        marker: "-".into(),
        runs: vec![Run::plain(s)],
    };
    let mut body = vec![
        Block::Heading("I. CÁC TỔ CHỨC ĐẢNG TRỰC THUỘC".into()),
        Block::Para(vec![Run::plain(format!(
            "Toàn đảng bộ có {} tổ chức đảng trực thuộc với {} đảng viên (chính thức {}, dự bị {}).",
            format_int(w.shares.len() as u64),
            format_int(u64::from(w.structure.total)),
            format_int(u64::from(w.structure.official)),
            format_int(u64::from(w.structure.probationary)),
        ))]),
    ];
    body.extend(w.shares.iter().map(|s| {
        item(format!(
            "{}: {} đảng viên (chính thức {}, dự bị {}); {} buổi sinh hoạt, tỷ lệ dự {}.",
            s.name,
            format_int(u64::from(s.total)),
            s.official,
            s.probationary,
            s.meetings,
            format_permille(s.attendance)
        ))
    }));
    for (i, s) in Section::ALL.iter().enumerate() {
        body.push(Block::Heading(format!(
            "{}. {}",
            ROMAN.get(i + 2).copied().unwrap_or("X"),
            s.heading(p)
        )));
        body.extend(section_blocks(w, *s, p));
    }
    let summary = format!(
        "Tổng hợp tình hình đội ngũ đảng viên toàn đảng bộ đến ngày {}",
        date::format_date(p.at)
    );
    ward_issuer(w, superior).report(summary, body, place, on)
}

/// Roman numerals of the report's parts.
const ROMAN: [&str; 11] = [
    "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
];

/// One section as the ward committee's Party document.
pub fn section_document(
    w: &Ward,
    s: Section,
    p: Period,
    superior: &str,
    place: &str,
    on: NaiveDate,
) -> Document {
    let body = section_blocks(w, s, p);
    let summary = format!(
        "{} toàn đảng bộ (từ ngày {} đến ngày {})",
        s.summary(p),
        date::format_date(p.from),
        date::format_date(p.to)
    );
    ward_issuer(w, superior).report(summary, body, place, on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::text;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn branch(n: u64, size: usize) -> Register {
        let members: Vec<_> = demo::demo_members(1000 + n, size, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let mut b = demo::demo_branch();
        b.name = format!("Chi bộ Tổ dân phố số {n}");
        let meetings = demo::demo_meetings(&members, &b, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        Register {
            branch: b,
            members,
            meetings,
            ..Register::default()
        }
    }

    #[test]
    fn liaison_members_and_resolution_study_add_up_over_the_branches() {
        let mut regs = [branch(1, 20), branch(2, 31)];
        let liaisons: Vec<_> = crate::domain::liaison::demo_liaisons(today())
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i as u64 + 1, l))
            .collect();
        regs[0].liaisons = liaisons.clone();
        regs[1].liaisons = liaisons[..1].to_vec();
        for r in &mut regs {
            r.resolutions = crate::domain::study::demo_resolutions(&r.members, today())
                .into_iter()
                .enumerate()
                .map(|(i, x)| (i as u64 + 1, x))
                .collect();
        }
        let p = Period::year(2026, today());
        let w = ward(&regs, p);
        let own: Vec<_> = regs
            .iter()
            .map(|r| crate::domain::liaison::figures(r.liaisons.iter().map(|(_, l)| l), 2026))
            .collect();
        assert_eq!(w.liaison.members, liaisons.len() + 1);
        assert_eq!(w.liaison.sent, own[0].sent + own[1].sent);
        let studied: Vec<_> = regs
            .iter()
            .map(|r| {
                crate::domain::study::year_figure(
                    r.resolutions.iter().map(|(_, x)| x),
                    &r.members,
                    2026,
                )
            })
            .collect();
        assert!(
            studied[0].expected > 0,
            "the sample resolutions of 2026 are to be studied"
        );
        assert_eq!(w.study.studied, studied[0].studied + studied[1].studied);
        assert_eq!(w.study.expected, studied[0].expected + studied[1].expected);
        let lines = section_lines(&w, Section::Residence, p);
        let t = lines.join("\n");
        assert!(
            t.contains(&format!("(QĐ 213): {} đồng chí", liaisons.len() + 1)),
            "{t}"
        );
        assert!(
            t.contains(&format!("{}/{} lượt", w.study.studied, w.study.expected)),
            "{t}"
        );
        assert!(lines.iter().all(|l| text::width(l) <= 80), "{t}");
    }

    #[test]
    fn the_ward_is_the_sum_of_its_branches() {
        let regs = [branch(1, 20), branch(2, 31), branch(3, 17)];
        let p = Period::year(2026, today());
        let w = ward(&regs, p);
        assert_eq!(w.shares.len(), 3);
        let own: Vec<_> = regs
            .iter()
            .map(|r| stats::structure(&r.people(), p.at))
            .collect();
        assert_eq!(w.structure.total, own.iter().map(|s| s.total).sum::<u32>());
        assert_eq!(w.structure.women, own.iter().map(|s| s.women).sum::<u32>());
        for i in 0..4 {
            let held: u32 = regs
                .iter()
                .map(|r| {
                    stats::meeting_figures(r.meetings.iter().map(|(_, m)| m), p.from, p.to).held[i]
                })
                .sum();
            assert_eq!(w.meetings.held[i], held);
        }
        assert!(w.meetings.held[0] > 0, "the sample branches meet");
        let mv: u32 = regs
            .iter()
            .map(|r| stats::movements(&r.people(), p.from, p.to).admitted)
            .sum();
        assert_eq!(w.movements.admitted, mv);
        let t = ward_text(&w, p, Lang::Vi);
        assert!(t.contains("3 tổ chức đảng trực thuộc"), "{t}");
        assert!(t.contains("Chi bộ Tổ dân phố số 2"), "{t}");
        assert!(t.lines().all(|l| text::width(l) <= 80), "{t}");
        let csv = ward_csv(&w, p);
        assert!(csv.starts_with("\u{feff}Tổ chức đảng,Đảng viên"), "{csv}");
        assert!(csv.contains("Chi bộ Tổ dân phố số 3,17,"), "{csv}");
        assert!(
            csv.contains(&format!("Cộng,{},", w.structure.total)),
            "{csv}"
        );
        assert_eq!(ward_sheets(&w, p).len(), 1 + Section::ALL.len());
    }

    #[test]
    fn the_ward_document_is_signed_for_the_ward_committee() {
        let regs = [branch(1, 12), branch(2, 14)];
        let p = Period::year(2026, today());
        let w = ward(&regs, p);
        let d = ward_document(&w, p, "Đảng bộ thành phố Hải Phòng", "Hải Phòng", today());
        let t = d.to_text(80);
        assert!(t.contains("ĐẢNG ỦY PHƯỜNG"), "{t}");
        assert!(t.contains("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"), "{t}");
        assert!(t.contains("T/M ĐẢNG ỦY"), "{t}");
        assert!(t.contains("-BC/ĐU"), "{t}");
        assert!(
            t.contains("Toàn đảng bộ có 2 tổ chức đảng trực thuộc"),
            "{t}"
        );
        assert!(t.contains("IV. SINH HOẠT CHI BỘ"), "{t}");
        assert!(d.to_docx().is_ok());
    }
}
