//! The ward roll-up: the registers of many branches (read from their bundles) added up into
//! the ward's figures, each branch's share named, as text, CSV or a Word report of the
//! ward's Party committee. Totals are computed over all members and meetings together, so
//! they equal the sum of the branches' own reports by construction.

use chrono::{Datelike, NaiveDate};

use super::assessments::summary_lines;
use super::docx::{Block, Document, Issuer, Run};
use super::figures::Period;
use super::reports::{self, Figures};
use super::xlsx::{Cell, Sheet};
use crate::domain::meeting::MeetingKind;
use crate::domain::register::Register;
use crate::domain::review::{self, YearRow};
use crate::domain::stats::{
    self, MeetingFigures, Movements, Structure, format_int, format_permille,
};
use crate::domain::{date, text};
use crate::i18n::{Catalogue, Cli as C, Lang, Vi};

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
}

/// Adds up the branches' registers over the period.
pub fn ward(regs: &[Register], p: Period) -> Ward {
    let mut committees: Vec<String> = Vec::new();
    let (mut everyone, mut shares, mut review) = (Vec::new(), Vec::new(), Vec::new());
    let mut meetings = MeetingFigures::default();
    let year = p.to.year();
    for reg in regs {
        let people = reg.people();
        let s = stats::structure(&people, p.at);
        let m = stats::meeting_figures(reg.meetings.iter().map(|(_, m)| m), p.from, p.to);
        shares.push(Share {
            name: reg.branch.name.clone(),
            total: s.total,
            official: s.official,
            probationary: s.probationary,
            meetings: m.held.iter().sum(),
            attendance: m.rate(),
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
    }
}

/// The review summary with counts only: the ward is not sent the names of the members
/// who were not graded (each branch's own report has them).
fn review_lines(w: &Ward) -> Vec<String> {
    summary_lines(&w.review)
        .into_iter()
        .filter(|l| !l.starts_with("  + "))
        .collect()
}

/// Whether any member of the ward has a grade (proposed or final) for the year.
fn has_review(w: &Ward) -> bool {
    w.review
        .iter()
        .any(|r| r.review.final_grade.is_some() || r.review.proposed.is_some())
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

/// The roll-up as text of at most 80 columns: the heading (in the interface language),
/// each branch's share, then the ward's structure, movements, meetings and review.
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
    t.push('\n');
    t.push_str(&reports::structure_report(
        &w.committee,
        &w.structure,
        p.at,
        false,
    ));
    t.push('\n');
    t.push_str(&reports::movements_report(
        &w.committee,
        &w.movements,
        p.from,
        p.to,
        false,
    ));
    t.push_str(&format!(
        "\nSINH HOẠT CHI BỘ\n{} — từ ngày {} đến ngày {}\n\n",
        w.committee,
        date::format_date(p.from),
        date::format_date(p.to)
    ));
    for l in meeting_lines(&w.meetings) {
        t.push_str(&l);
        t.push('\n');
    }
    t.push('\n');
    for s in &w.shares {
        t.push_str(&format!(
            "  {:<44} {:>3} buổi {:>7}\n",
            text::ellipsize(&s.name, 44),
            s.meetings,
            format_permille(s.attendance)
        ));
    }
    if has_review(w) {
        t.push_str(&format!(
            "\nKẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {}\n\n",
            p.to.year()
        ));
        for l in review_lines(w) {
            t.push_str(&text::ellipsize(&l, 80));
            t.push('\n');
        }
    }
    t
}

/// The roll-up as tables: each branch's line (with the ward's total), the member
/// structure, the movements and the meetings held, for the CSV and the `.xlsx` export.
pub fn ward_sheets(w: &Ward) -> Vec<Sheet> {
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
    let mut held = Sheet::new("Số buổi sinh hoạt", ["Loại buổi sinh hoạt", "Số buổi"]);
    for (k, n) in MeetingKind::ALL.iter().zip(w.meetings.held) {
        held.rows
            .push(vec![Cell::text(Vi.meeting_kind(*k)), Cell::int(n)]);
    }
    vec![
        branches,
        reports::structure_sheet(&w.structure),
        reports::movements_sheet(&w.movements),
        held,
    ]
}

/// The roll-up as CSV for Excel (UTF-8 with BOM, CRLF): the tables of [`ward_sheets`],
/// one after another with an empty line between them.
pub fn ward_csv(w: &Ward) -> String {
    let parts: Vec<String> = ward_sheets(w)
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

/// The roll-up as the ward committee's Party document (BÁO CÁO, rules.md §10).
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
    let sections = [
        (
            "II. CƠ CẤU ĐỘI NGŨ ĐẢNG VIÊN",
            Figures::Structure(&w.structure, p.at),
        ),
        (
            "III. BIẾN ĐỘNG ĐẢNG VIÊN",
            Figures::Movements(&w.movements, p.from, p.to),
        ),
        (
            "IV. SINH HOẠT CHI BỘ",
            Figures::Meetings(&w.meetings, p.from, p.to),
        ),
    ];
    for (heading, figures) in sections {
        let meetings = matches!(figures, Figures::Meetings(..));
        let (_, blocks) = reports::figures_blocks(figures);
        body.push(Block::Heading(heading.into()));
        if meetings {
            // The ward wants the totals, not every meeting of every branch.
            body.extend(
                meeting_lines(&w.meetings)
                    .into_iter()
                    .map(|l| item(l.trim().to_string())),
            );
        } else {
            body.extend(blocks);
        }
    }
    if has_review(w) {
        body.push(Block::Heading(format!(
            "V. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {}",
            p.to.year()
        )));
        body.extend(
            review_lines(w)
                .into_iter()
                .map(|l| Block::Para(vec![Run::plain(l)])),
        );
    }
    let summary = format!(
        "Tổng hợp tình hình đội ngũ đảng viên toàn đảng bộ đến ngày {}",
        date::format_date(p.at)
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
        let csv = ward_csv(&w);
        assert!(csv.starts_with("\u{feff}Tổ chức đảng,Đảng viên"), "{csv}");
        assert!(csv.contains("Chi bộ Tổ dân phố số 3,17,"), "{csv}");
        assert!(
            csv.contains(&format!("Cộng,{},", w.structure.total)),
            "{csv}"
        );
        assert_eq!(ward_sheets(&w).len(), 4);
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
