//! English: texts of the dues and badges screen.

use super::{DuesCatalogue, DuesMsg, DuesText};
use crate::domain::badges::{BadgeField, Basis};
use crate::domain::date::format_date;
use crate::domain::dues::{
    Category, Due, DuesField, Exemption, Method, ReliefKind, format_rate, group_thousands,
};
use crate::domain::rules::{self, RuleId};

/// The English texts of the dues and badges screen.
#[derive(Debug, Clone, Copy)]
pub struct DuesEn;

impl DuesCatalogue for DuesEn {
    fn msg(&self, m: DuesMsg) -> &'static str {
        use DuesMsg::*;
        match m {
            ScreenName => "Dues",
            TabDues => "Party dues",
            TabBadges => "Party badges",
            ColDue => "Due",
            ColThisMonth => "This month",
            ColPaidThrough => "Paid to",
            ColArrears => "Arrears (year)",
            ColCategory => "Category",
            ColMonthly => "Monthly",
            ColArrearsMonths => "Months unpaid",
            ColArrearsAmount => "Amount unpaid",
            ColFlag => "Warning",
            ColPresentation => "Presentation",
            ColMilestone => "Badge",
            ColReached => "Reached on",
            ColBasis => "Basis",
            ColAwarded => "Awarded",
            ColAwardDate => "Award date",
            ColDecision => "Decision no.",
            ColTenure => "Membership",
            ColNextMilestone => "Next badge",
            ColMonth => "Month",
            ColExpected => "Expected",
            ColCollected => "Collected",
            ColUnpaid => "Unpaid",
            ColOwed => "Owed",
            Total => "Total",
            Unpaid => "unpaid",
            NotAwarded => "not yet",
            NoProfile => "no rate yet (key e)",
            Illness => "serious illness",
            NoCandidates => "Nobody reaches a badge milestone for this presentation date.",
            NoMembers => "No members in the branch this month.",
            ReliefNone => "None",
            FormProfile => "Party dues rate",
            FormAward => "Record a Party badge award",
            FormPayer => "Dues handed in by someone else for",
            FormHandOn => "Dues handed on to the committee above, month",
            MonthHint => "mm/yyyy",
            AmountHint => "đồng, e.g. 5,432,000",
            ConfirmDeleteAward => "Delete the recorded badge award of",
            NeedsProfile => "No dues rate entered yet (press F2 to enter it) for",
            Legend => "✓ paid · . unpaid · – nothing due (exempt, or not in the branch)",
            MonthlyHeading => "Totals by month:",
            PresentationHeading => "PRESENTATION",
        }
    }

    fn text(&self, t: DuesText<'_>) -> String {
        match t {
            DuesText::Month(m) => format!("Month {m}"),
            DuesText::MonthShort(n) => format!("M{n}"),
            DuesText::Paid(method, d) => {
                let how = match method {
                    Method::Cash => "cash",
                    Method::Online => "online",
                };
                format!("✓ {how} {}", d.format("%d/%m"))
            }
            DuesText::ArrearsCell(a) if a.months.is_empty() => String::new(),
            DuesText::ArrearsCell(a) => format!(
                "{} mo · {}{}",
                a.months.len(),
                self.amount(a.amount),
                if a.flagged() { " ⚠" } else { "" }
            ),
            DuesText::MonthTotals(m, t) => {
                let mut s = format!(
                    "Month {m}: expected {} · collected {} · unpaid {}",
                    self.money(t.expected),
                    self.money(t.collected),
                    self.money(t.unpaid)
                );
                if t.unknown > 0 {
                    s.push_str(&format!(" · {} without a rate", t.unknown));
                }
                s
            }
            DuesText::Collected(h) => format!(
                "Collected this month {} (cash {}, online {})",
                self.money(h.collected),
                self.money(h.cash),
                self.money(h.online())
            ),
            DuesText::HandOn(h) => format!(
                "To hand on {}%: {} · handed on {} · difference {}",
                h.percent,
                self.money(h.share),
                h.handed
                    .map_or_else(|| "not recorded (F7)".to_string(), |a| self.money(a)),
                self.money(h.difference())
            ),
            DuesText::YearTotals(y, t, last) => format!(
                "Year {y} to M{}: expected {} · collected {} · arrears {}",
                last.month,
                self.money(t.expected),
                self.money(t.collected),
                self.money(t.unpaid)
            ),
            DuesText::Rate(p, due) => {
                let base = match p.category {
                    Category::Salary | Category::Pension if matches!(due, Due::Owed(_)) => {
                        format!("{} → ", self.money(p.base))
                    }
                    _ => String::new(),
                };
                let sep = if base.is_empty() { " · " } else { ": " };
                let mut s = format!("{}{sep}{base}", self.category(p.category));
                s.push_str(&match due {
                    Due::Owed(a) => format!("{}/month", self.money(a)),
                    Due::Exempt(e) => self.exemption(e),
                    Due::Unknown | Due::NotOwed => String::new(),
                });
                if let Some(r) = &p.relief {
                    s.push_str(&format!(
                        " · {} {}–{} ({})",
                        self.relief(r.kind),
                        r.from,
                        r.to,
                        r.decision
                    ));
                }
                s
            }
            DuesText::PaidThrough(Some(m)) => format!("paid to {m}"),
            DuesText::PaidThrough(None) => "nothing paid yet".into(),
            DuesText::ArrearsMonths(a) if a.months.is_empty() => "no arrears".into(),
            DuesText::ArrearsMonths(a) => {
                let ms: Vec<String> = a.months.iter().map(ToString::to_string).collect();
                format!("unpaid {}: {}", ms.join(", "), self.money(a.amount))
            }
            DuesText::FlagRule => format!(
                "⚠ {}+ months unpaid this year ({}): consider proposing removal",
                rules::value(RuleId::RemovalAbsenceMonths),
                rules::rule(RuleId::DuesSalaryBasisPoints).source
            ),
            DuesText::Presentation(p, prev) => format!(
                "Presentation {} · milestones reached {} to {}",
                format_date(p),
                format_date(prev.succ_opt().unwrap_or(prev)),
                format_date(p)
            ),
            DuesText::Milestone(y) => format!("{y} years"),
            DuesText::Tenure(months) => format!("{} y {} mo", months / 12, months % 12),
            DuesText::Awarded(a) => format!("✓ {}", format_date(a.date)),
            DuesText::AwardLine(a) => format!(
                "{}-year badge awarded on {}, decision no. {}",
                a.milestone,
                format_date(a.date),
                a.decision
            ),
            DuesText::BadgeSummary(total, due, early, posthumous, awarded) => format!(
                "{total} members: {due} due, {early} early (serious illness), {posthumous} posthumous; {awarded} awarded"
            ),
            DuesText::AllMembers(d) => format!(
                "Length of membership and next badge of every member (as of {})",
                format_date(d)
            ),
            DuesText::DuesReportTitle(branch, y) => format!("{branch}\nPARTY DUES, YEAR {y}"),
            DuesText::BadgesReportTitle(branch, y) => {
                format!("{branch}\nMEMBERS REACHING A PARTY BADGE MILESTONE, YEAR {y}")
            }
            DuesText::DuesSheet(y) => format!("Party dues {y}"),
            DuesText::BadgesSheet(y) => format!("Party badges {y}"),
            DuesText::MadeOn(d) => format!("Made on {}", format_date(d)),
            DuesText::FlaggedHeading => format!(
                "Members with {} or more unpaid months in the year ({}):",
                rules::value(RuleId::RemovalAbsenceMonths),
                rules::rule(RuleId::DuesSalaryBasisPoints).source
            ),
            DuesText::FlaggedMember(name, n) => format!("- {name}: {n} months"),
        }
    }

    fn field(&self, f: DuesField) -> &'static str {
        match f {
            DuesField::From => "From month",
            DuesField::Category => "Category",
            DuesField::Base => "Salary/pension/amount",
            DuesField::Relief => "Exemption/reduction",
            DuesField::Decision => "Relief decision",
            DuesField::ReliefFrom => "Relief from month",
            DuesField::ReliefTo => "Relief to month",
            DuesField::Payer => "Handed in by",
            DuesField::HandedDate => "Handed on, date",
            DuesField::HandedAmount => "Amount handed on (đồng)",
            DuesField::HandedTo => "Handed to",
            DuesField::HandedNote => "Note",
        }
    }

    fn badge_field(&self, f: BadgeField) -> &'static str {
        match f {
            BadgeField::Milestone => "Badge",
            BadgeField::Date => "Date awarded",
            BadgeField::Decision => "Decision no.",
        }
    }

    fn category(&self, c: Category) -> String {
        let rate = |id| format_rate(rules::value(id), '.');
        match c {
            Category::Salary => format!("BHXH salary ({})", rate(RuleId::DuesSalaryBasisPoints)),
            Category::Pension => format!("Pension ({})", rate(RuleId::DuesPensionBasisPoints)),
            Category::Student => format!(
                "Student ({})",
                self.money(rules::value(RuleId::DuesStudentMonthly))
            ),
            Category::Fixed => "Other: fixed amount".into(),
            Category::SocialPension => "Social pension (exempt)".into(),
        }
    }

    fn relief(&self, k: ReliefKind) -> String {
        match k {
            ReliefKind::SpecialHardship => "Exempt: special hardship".into(),
            ReliefKind::Exempt => "Exempt: hardship".into(),
            ReliefKind::Reduce(p) => format!("Reduced by {p}%"),
        }
    }

    fn exemption(&self, e: Exemption) -> String {
        match e {
            Exemption::LongMembership => format!(
                "exempt: {}+ years of membership",
                rules::value(RuleId::DuesExemptMembershipYears)
            ),
            Exemption::SocialPension => "exempt: social pension".into(),
            Exemption::Hardship => "exempt: hardship".into(),
        }
    }

    fn basis(&self, b: Basis) -> &'static str {
        match b {
            Basis::Due => "due",
            Basis::EarlyIllness => "early: serious illness",
            Basis::Posthumous => "posthumous",
        }
    }

    fn amount(&self, n: i64) -> String {
        group_thousands(n, ',')
    }

    fn money(&self, n: i64) -> String {
        format!("{} VND", group_thousands(n, ','))
    }
}
