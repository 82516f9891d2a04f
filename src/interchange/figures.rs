//! Every report of one branch, built from its register: the one place that knows which
//! builder serves which report in which format. The command line (`sochibo report …`) and
//! the reports screen (6) both call it, so a report reads the same wherever it is made.

use chrono::{Datelike, NaiveDate};

use super::docx::Document;
use super::xlsx::Sheet;
use super::{assessments, dues_badges, lists, place_name, reports};
use crate::domain::register::Register;
use crate::domain::{admission, lifecycle, review, stats};
use crate::i18n::{Catalogue, Lang, Vi};

/// The reports a branch produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// Member structure at a date (seed 004 §2.1).
    Stats,
    /// Admissions, transfers, removals and deaths in a period.
    Movements,
    /// Meetings held and attendance in a period.
    Meetings,
    /// The year's review and classification.
    Assessments,
    /// The admission pipeline and the year's target.
    Admission,
    /// Members exempted from activities during the year.
    Exemptions,
    /// Dues collected in the year.
    Dues,
}

impl ReportKind {
    /// Every report, in the order of the reports screen.
    pub const ALL: &'static [ReportKind] = &[
        ReportKind::Stats,
        ReportKind::Movements,
        ReportKind::Meetings,
        ReportKind::Assessments,
        ReportKind::Admission,
        ReportKind::Exemptions,
        ReportKind::Dues,
    ];

    /// The file name stem of an exported report (ASCII, as Windows tools like it).
    pub fn slug(self) -> &'static str {
        match self {
            ReportKind::Stats => "co-cau-dang-vien",
            ReportKind::Movements => "bien-dong-dang-vien",
            ReportKind::Meetings => "sinh-hoat-chi-bo",
            ReportKind::Assessments => "danh-gia-xep-loai",
            ReportKind::Admission => "ket-nap-dang",
            ReportKind::Exemptions => "mien-sinh-hoat",
            ReportKind::Dues => "dang-phi",
        }
    }

    /// Whether the report has a Word form in the Party layout.
    pub fn has_document(self) -> bool {
        matches!(
            self,
            ReportKind::Stats
                | ReportKind::Movements
                | ReportKind::Meetings
                | ReportKind::Assessments
                | ReportKind::Admission
        )
    }
}

/// What a report covers: the structure is counted `at` a date, the others over
/// `from..=to`; yearly reports (review, exemptions, dues, admission target) take the year
/// of `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The date of the structure.
    pub at: NaiveDate,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
}

impl Period {
    /// A calendar year, cut at `today` when it is the current year (a report does not
    /// count days that have not come yet).
    pub fn year(year: i32, today: NaiveDate) -> Period {
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
        let to = if year == today.year() { today } else { end };
        Period {
            at: to,
            from: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(to),
            to,
        }
    }
}

/// The review rows of the period's year and the date of its review.
fn review_rows(reg: &Register, year: i32) -> Vec<review::YearRow> {
    let on = review::review_date(year, reg.meetings.iter().map(|(_, m)| m));
    review::year_rows(year, &reg.members, &reg.reviews, on)
}

/// Each member's exemption rows in force during `year`.
fn exemption_rows(
    reg: &Register,
    year: i32,
) -> Vec<(crate::domain::member::Member, lifecycle::ExemptRow)> {
    reg.members
        .iter()
        .flat_map(|(_, m)| {
            lifecycle::exempt_rows_in_year(m, year)
                .into_iter()
                .map(move |r| (m.clone(), r))
        })
        .collect()
}

/// The admission progress line of `year` (document text, Vietnamese).
fn admission_progress(reg: &Register, year: i32, today: NaiveDate) -> String {
    let refs: Vec<_> = reg.candidates.iter().map(|(id, c)| (*id, c)).collect();
    let board = admission::board(&refs, today);
    let line = Vi.admission().progress(
        year,
        reg.targets.iter().find(|t| t.year == year).map(|t| t.count),
        admission::admitted_in_year(reg.members.iter().map(|(_, m)| m), year),
        board.len(),
        board.iter().filter(|e| e.overdue).count(),
    );
    // #23.3: candidates after three recognition votes without 2/3 are counted apart.
    match admission::awaiting_superior(&refs).len() {
        0 => line,
        n => format!(
            "{line} · {}",
            crate::i18n::checks::of(Lang::Vi).awaiting_superior_count(n)
        ),
    }
}

/// The figures of a structure, movements or meetings report.
fn figures_text(reg: &Register, kind: ReportKind, p: Period, csv: bool) -> String {
    let people = reg.people();
    let name = &reg.branch.name;
    match kind {
        ReportKind::Movements => reports::movements_report(
            name,
            &stats::movements(&people, p.from, p.to),
            p.from,
            p.to,
            csv,
        ),
        ReportKind::Meetings => {
            let f = stats::meeting_figures(reg.meetings.iter().map(|(_, m)| m), p.from, p.to);
            reports::meetings_report(name, &f, p.from, p.to, csv)
        }
        _ => reports::structure_report(name, &stats::structure(&people, p.at), p.at, csv),
    }
}

/// The report as 80-column text (LF line ends; see `minutes::to_crlf` for files).
pub fn text(reg: &Register, kind: ReportKind, p: Period, today: NaiveDate, lang: Lang) -> String {
    let year = p.to.year();
    match kind {
        ReportKind::Stats => {
            let mut t = figures_text(reg, kind, p, false);
            // #18: the liaison members (QĐ 213) under the member structure.
            if let Some(line) = super::liaison::figures_line(&reg.liaisons, p.at.year()) {
                t.push('\n');
                for l in super::docx::wrap(&line, 80, "", 0) {
                    t.push_str(&l);
                    t.push('\n');
                }
            }
            // #18: who studied the resolutions issued in the year (n of m).
            let study = crate::domain::study::year_figure(
                reg.resolutions.iter().map(|(_, r)| r),
                &reg.members,
                p.at.year(),
            );
            if study.expected > 0 {
                let line = crate::i18n::record::of(lang).text(
                    crate::i18n::record::RecordText::YearFigure(p.at.year(), study),
                );
                t.push('\n');
                for l in super::docx::wrap(&line, 80, "", 0) {
                    t.push_str(&l);
                    t.push('\n');
                }
            }
            t
        }
        ReportKind::Movements | ReportKind::Meetings => figures_text(reg, kind, p, false),
        ReportKind::Assessments => document(reg, kind, p, today)
            .map(|d| d.to_text(assessments::TEXT_WIDTH))
            .unwrap_or_default(),
        ReportKind::Admission => lists::candidates_txt(
            &reg.candidates,
            today,
            &admission_progress(reg, year, today),
        ),
        ReportKind::Exemptions => {
            lists::exemptions_txt(Some(year), today, &exemption_rows(reg, year))
        }
        ReportKind::Dues => {
            dues_badges::dues_text(lang, &reg.branch.name, &reg.members, &reg.dues, year, today)
        }
    }
}

/// The report as CSV for Excel (UTF-8 with BOM, CRLF).
pub fn csv(reg: &Register, kind: ReportKind, p: Period, today: NaiveDate, lang: Lang) -> String {
    let year = p.to.year();
    match kind {
        ReportKind::Stats | ReportKind::Movements | ReportKind::Meetings => {
            figures_text(reg, kind, p, true)
        }
        ReportKind::Assessments => assessments::assessments_csv(&review_rows(reg, year)),
        ReportKind::Admission => lists::candidates_csv(&reg.candidates, today),
        ReportKind::Exemptions => lists::exemptions_csv(&exemption_rows(reg, year)),
        ReportKind::Dues => dues_badges::dues_csv(lang, &reg.members, &reg.dues, year, today),
    }
}

/// The report as tables for the `.xlsx` export (the same rows as [`csv`]).
pub fn sheets(
    reg: &Register,
    kind: ReportKind,
    p: Period,
    today: NaiveDate,
    lang: Lang,
) -> Vec<Sheet> {
    let year = p.to.year();
    let people = reg.people();
    vec![match kind {
        ReportKind::Stats => reports::structure_sheet(&stats::structure(&people, p.at)),
        ReportKind::Movements => reports::movements_sheet(&stats::movements(&people, p.from, p.to)),
        ReportKind::Meetings => reports::meetings_sheet(&stats::meeting_figures(
            reg.meetings.iter().map(|(_, m)| m),
            p.from,
            p.to,
        )),
        ReportKind::Assessments => assessments::assessments_sheet(year, &review_rows(reg, year)),
        ReportKind::Admission => lists::candidates_sheet(&reg.candidates, today),
        ReportKind::Exemptions => lists::exemptions_sheet(&exemption_rows(reg, year)),
        ReportKind::Dues => dues_badges::dues_sheet(lang, &reg.members, &reg.dues, year, today),
    }]
}

/// The report as a Party document (BÁO CÁO, rules.md §10), dated `today`; `None` for the
/// lists that have no Word form.
pub fn document(reg: &Register, kind: ReportKind, p: Period, today: NaiveDate) -> Option<Document> {
    let place = place_name(&reg.branch);
    let people = reg.people();
    let (structure, movements, meetings);
    let figures = match kind {
        ReportKind::Stats => {
            structure = stats::structure(&people, p.at);
            reports::Figures::Structure(&structure, p.at)
        }
        ReportKind::Movements => {
            movements = stats::movements(&people, p.from, p.to);
            reports::Figures::Movements(&movements, p.from, p.to)
        }
        ReportKind::Meetings => {
            meetings = stats::meeting_figures(reg.meetings.iter().map(|(_, m)| m), p.from, p.to);
            reports::Figures::Meetings(&meetings, p.from, p.to)
        }
        ReportKind::Assessments => {
            let year = p.to.year();
            let branch_year = reg
                .branch_years
                .iter()
                .find(|(y, _)| *y == year)
                .map(|(_, b)| b);
            return Some(assessments::assessments_document(
                &reg.branch,
                year,
                &review_rows(reg, year),
                branch_year,
                &place,
                today,
            ));
        }
        ReportKind::Admission => {
            let progress = admission_progress(reg, p.to.year(), today);
            return Some(lists::candidates_document(
                &reg.branch,
                &reg.candidates,
                today,
                &progress,
                &place,
            ));
        }
        ReportKind::Exemptions | ReportKind::Dues => return None,
    };
    Some(reports::figures_document(
        &reg.branch,
        figures,
        &place,
        today,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn demo_register() -> Register {
        let members = demo::demo_members(1, 30, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        Register {
            branch: demo::demo_branch(),
            members,
            ..Register::default()
        }
    }

    #[test]
    fn a_past_year_ends_on_31_12_and_the_current_one_today() {
        let p = Period::year(2025, today());
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        assert_eq!(p.to, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert_eq!(p.at, p.to);
        let p = Period::year(2026, today());
        assert_eq!(p.to, today());
        // A year to come (a plan) keeps its own year.
        assert_eq!(Period::year(2027, today()).to.year(), 2027);
    }

    #[test]
    fn every_report_is_made_in_text_and_csv_and_the_figures_as_documents() {
        let reg = demo_register();
        let p = Period::year(2026, today());
        for &k in ReportKind::ALL {
            let t = text(&reg, k, p, today(), Lang::Vi);
            assert!(!t.trim().is_empty(), "{k:?}");
            let c = csv(&reg, k, p, today(), Lang::Vi);
            assert!(c.starts_with('\u{feff}'), "{k:?} csv has a BOM");
            let sh = sheets(&reg, k, p, today(), Lang::Vi);
            assert_eq!(sh.len(), 1);
            assert!(!sh[0].header.is_empty(), "{k:?}");
            if !matches!(k, ReportKind::Stats) {
                assert_eq!(sh[0].to_csv(), c, "{k:?}: the CSV is the sheet");
            }
            assert_eq!(
                document(&reg, k, p, today()).is_some(),
                k.has_document(),
                "{k:?}"
            );
        }
        let t = text(&reg, ReportKind::Stats, p, today(), Lang::Vi);
        let s = stats::structure(&reg.people(), today());
        assert!(
            t.contains(&format!("Tổng số: {} đảng viên", s.total)),
            "{t}"
        );
    }

    #[test]
    fn slugs_are_distinct_ascii_file_stems() {
        let mut seen = std::collections::BTreeSet::new();
        for k in ReportKind::ALL {
            assert!(
                k.slug()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-')
            );
            assert!(seen.insert(k.slug()));
        }
    }
}
