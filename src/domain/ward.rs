//! The figures a ward asks of each branch beyond structure, movements and meetings: dues,
//! the admission pipeline, exemptions, badges due and the month-by-month meetings. Pure:
//! computed from one branch's [`Register`]. A figures-only bundle carries the dues and the
//! pipeline already computed ([`BundleFigures`]), since it carries no ledgers (salaries)
//! and no candidates (names); a full bundle has them computed from its register by the
//! same functions, so both give the same figures.

use chrono::{Datelike, NaiveDate};

use super::admission;
use super::badges;
use super::dues;
use super::lifecycle;
use super::meeting::MeetingKind;
use super::register::Register;
use super::stages::Stage;

/// A branch's dues of a year, as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DuesYear {
    /// The year.
    pub year: i32,
    /// What the members owed for the months up to the day, đồng.
    pub expected: i64,
    /// What was paid for those months, đồng.
    pub collected: i64,
    /// Owed and not paid for the months that are over (arrears), đồng.
    pub unpaid: i64,
    /// Members with arrears.
    pub in_arrears: u32,
    /// Of those, members unpaid for the months that flag a removal.
    pub flagged: u32,
    /// Members in the branch without a dues profile (amount unknown).
    pub unknown: u32,
}

impl std::ops::AddAssign for DuesYear {
    fn add_assign(&mut self, o: DuesYear) {
        self.expected += o.expected;
        self.collected += o.collected;
        self.unpaid += o.unpaid;
        self.in_arrears += o.in_arrears;
        self.flagged += o.flagged;
        self.unknown += o.unknown;
    }
}

/// The admission pipeline on a day: candidates still in progress.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pipeline {
    /// Candidates by their last recorded stage, in [`Stage::ALL`] order.
    pub by_stage: Vec<u32>,
    /// Candidates with nothing recorded yet.
    pub unstaged: u32,
    /// Candidates whose next deadline has passed.
    pub overdue: u32,
    /// Candidates waiting for the superior committee (three votes without 2/3).
    pub awaiting_superior: u32,
}

impl Pipeline {
    /// Candidates in progress.
    pub fn total(&self) -> u32 {
        self.by_stage.iter().sum::<u32>() + self.unstaged
    }

    /// Adds another branch's pipeline.
    pub fn add(&mut self, o: &Pipeline) {
        if self.by_stage.len() < o.by_stage.len() {
            self.by_stage.resize(o.by_stage.len(), 0);
        }
        for (a, b) in self.by_stage.iter_mut().zip(&o.by_stage) {
            *a += b;
        }
        self.unstaged += o.unstaged;
        self.overdue += o.overdue;
        self.awaiting_superior += o.awaiting_superior;
    }
}

/// What a figures-only bundle carries beyond the ward copy of the register: the dues of
/// the year it was made and the year before, and the pipeline, as of the day it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFigures {
    /// The day the figures were computed.
    pub made_on: NaiveDate,
    /// Dues of `made_on`'s year and the year before (older first).
    pub dues: Vec<DuesYear>,
    /// The admission pipeline on `made_on`.
    pub pipeline: Pipeline,
    /// The candidates' late flags (bundle format 3; `None` in older bundles).
    pub late: Option<Vec<CandidateLate>>,
}

/// A late flag of one of a branch's candidates, as the ward receives it: the candidate
/// only by number (no name), the rule, the deadline, when it was done and why (#22.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateLate {
    /// The candidate's number in the branch's list of candidates (from 1).
    pub candidate: u32,
    /// The flag.
    pub flag: super::acts::LateFlag,
}

/// Every late flag of the branch's candidates ([`super::admission::Candidate::late_flags`]), each
/// candidate numbered by its place in the register's list.
pub fn late_flags(reg: &Register) -> Vec<CandidateLate> {
    let mut out = Vec::new();
    for (i, (_, c)) in reg.candidates.iter().enumerate() {
        let candidate = u32::try_from(i + 1).unwrap_or(u32::MAX);
        out.extend(
            c.late_flags()
                .into_iter()
                .map(|flag| CandidateLate { candidate, flag }),
        );
    }
    out
}

/// The dues of `year` on `on` (rules of [`dues::year_totals`] and [`dues::arrears`]).
pub fn dues_year(reg: &Register, year: i32, on: NaiveDate) -> DuesYear {
    let members = reg.members.iter().map(|(id, m)| (*id, m));
    let t = dues::year_totals(members, &reg.dues, year, on);
    let empty = dues::Ledger::default();
    let (mut in_arrears, mut flagged) = (0, 0);
    for (id, m) in &reg.members {
        let a = dues::arrears(m, reg.dues.get(id).unwrap_or(&empty), year, on);
        if a.amount > 0 {
            in_arrears += 1;
        }
        if a.flagged() {
            flagged += 1;
        }
    }
    DuesYear {
        year,
        expected: t.expected,
        collected: t.collected,
        unpaid: t.unpaid,
        in_arrears,
        flagged,
        unknown: t.unknown,
    }
}

/// The admission pipeline on `on`.
pub fn pipeline(reg: &Register, on: NaiveDate) -> Pipeline {
    let refs: Vec<_> = reg.candidates.iter().map(|(id, c)| (*id, c)).collect();
    let mut p = Pipeline {
        by_stage: vec![0; Stage::ALL.len()],
        ..Pipeline::default()
    };
    for e in admission::board(&refs, on) {
        match e
            .stage
            .and_then(|s| Stage::ALL.iter().position(|x| *x == s))
        {
            Some(i) => p.by_stage[i] += 1,
            None => p.unstaged += 1,
        }
        if e.overdue {
            p.overdue += 1;
        }
    }
    p.awaiting_superior = admission::awaiting_superior(&refs).len() as u32;
    p
}

/// The figures a figures-only bundle made on `on` carries.
pub fn bundle_figures(reg: &Register, on: NaiveDate) -> BundleFigures {
    BundleFigures {
        made_on: on,
        dues: vec![
            dues_year(reg, on.year() - 1, on),
            dues_year(reg, on.year(), on),
        ],
        pipeline: pipeline(reg, on),
        late: Some(late_flags(reg)),
    }
}

/// Members exempted from activities during a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exemptions {
    /// Members with an exemption in force at some time of the year.
    pub members: u32,
    /// Of those, fully exempted (from work and meetings).
    pub full: u32,
}

/// The exemptions of `year`.
pub fn exemptions(reg: &Register, year: i32) -> Exemptions {
    let mut e = Exemptions::default();
    for (_, m) in &reg.members {
        let rows = lifecycle::exempt_rows_in_year(m, year);
        if !rows.is_empty() {
            e.members += 1;
            if rows.iter().any(|r| r.full) {
                e.full += 1;
            }
        }
    }
    e
}

/// Members of the branch on `on` who reach a badge milestone in `year`: per milestone in
/// [`badges::milestones`] order.
pub fn badges_due(reg: &Register, year: i32, on: NaiveDate) -> Vec<(u32, u32)> {
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(on);
    let mut out: Vec<(u32, u32)> = badges::milestones().into_iter().map(|y| (y, 0)).collect();
    for (_, m) in &reg.members {
        if !m.status_at(on).is_active() {
            continue;
        }
        for (y, n) in out.iter_mut() {
            if badges::milestone_date(m, *y, end).is_some_and(|d| d.year() == year) {
                *n += 1;
            }
        }
    }
    out
}

/// One month of a branch's meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MonthMeetings {
    /// Regular meetings held.
    pub regular: u32,
    /// Thematic meetings held.
    pub thematic: u32,
}

/// The branch's regular and thematic meetings of each month of `year`.
pub fn meetings_by_month(reg: &Register, year: i32) -> [MonthMeetings; 12] {
    let mut out = [MonthMeetings::default(); 12];
    for (_, m) in &reg.meetings {
        if m.date.year() != year {
            continue;
        }
        let cell = &mut out[m.date.month0() as usize];
        match m.kind {
            MeetingKind::Regular => cell.regular += 1,
            MeetingKind::Thematic => cell.thematic += 1,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn register() -> Register {
        let members: Vec<_> = demo::demo_members(3, 40, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let branch = demo::demo_branch();
        let meetings = demo::demo_meetings(&members, &branch, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let ledgers = demo::demo_ledgers(&members, today());
        let candidates = demo::demo_candidates(&members, &branch, today())
            .into_iter()
            .enumerate()
            .map(|(i, c)| (i as u64 + 1, c))
            .collect();
        Register {
            branch,
            members,
            meetings,
            candidates,
            dues: ledgers.dues.into_iter().collect(),
            ..Register::default()
        }
    }

    #[test]
    fn the_sample_branch_has_dues_candidates_and_monthly_meetings() {
        let reg = register();
        let d = dues_year(&reg, 2026, today());
        assert!(d.collected > 0 && d.expected >= d.collected, "{d:?}");
        let p = pipeline(&reg, today());
        assert_eq!(p.by_stage.len(), Stage::ALL.len());
        assert!(p.total() > 0, "{p:?}");
        let months = meetings_by_month(&reg, 2026);
        assert!(months[..10].iter().all(|m| m.regular > 0), "{months:?}");
        let f = bundle_figures(&reg, today());
        assert_eq!(f.dues.len(), 2);
        assert_eq!(f.dues[1], d);
        assert_eq!(f.pipeline, p);
    }

    #[test]
    fn pipelines_and_dues_add_up() {
        let reg = register();
        let p = pipeline(&reg, today());
        let mut two = Pipeline::default();
        two.add(&p);
        two.add(&p);
        assert_eq!(two.total(), 2 * p.total());
        let mut d = dues_year(&reg, 2026, today());
        let one = d;
        d += one;
        assert_eq!(d.collected, 2 * one.collected);
    }
}
