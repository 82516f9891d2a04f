//! The texts of the dues and badges screen (4) and of their exports, one catalogue per
//! language, reached from the main catalogue with [`Catalogue::dues`](super::Catalogue::dues).

mod en;
mod vi;

use chrono::NaiveDate;

use crate::domain::badges::{Award, BadgeField, Basis};
use crate::domain::dues::{
    Arrears, Category, Due, DuesField, Exemption, Method, Profile, ReliefKind, Totals, YearMonth,
};

pub use en::DuesEn;
pub use vi::DuesVi;

/// Short texts of the dues and badges screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuesMsg {
    /// The screen's name in the tab bar.
    ScreenName,
    /// The dues tab.
    TabDues,
    /// The badges tab.
    TabBadges,
    /// Column: amount due.
    ColDue,
    /// Column: this month's payment.
    ColThisMonth,
    /// Column: paid through month.
    ColPaidThrough,
    /// Column: arrears in the year.
    ColArrears,
    /// Column: rate category.
    ColCategory,
    /// Column: monthly amount.
    ColMonthly,
    /// Column: months in arrears.
    ColArrearsMonths,
    /// Column: amount in arrears.
    ColArrearsAmount,
    /// Column: warning.
    ColFlag,
    /// Column: presentation date.
    ColPresentation,
    /// Column: badge milestone.
    ColMilestone,
    /// Column: day the milestone is reached.
    ColReached,
    /// Column: why on the list.
    ColBasis,
    /// Column: award made.
    ColAwarded,
    /// Column: award date.
    ColAwardDate,
    /// Column: decision number.
    ColDecision,
    /// Column: length of membership.
    ColTenure,
    /// Column: next milestone.
    ColNextMilestone,
    /// Column: month.
    ColMonth,
    /// Column: expected.
    ColExpected,
    /// Column: collected.
    ColCollected,
    /// Column: unpaid.
    ColUnpaid,
    /// Column: owed for months over (arrears).
    ColOwed,
    /// Totals row.
    Total,
    /// Not paid this month.
    Unpaid,
    /// Badge not awarded yet.
    NotAwarded,
    /// No dues profile yet.
    NoProfile,
    /// Serious illness mark.
    Illness,
    /// Nobody on the presentation list.
    NoCandidates,
    /// Nobody in the branch that month.
    NoMembers,
    /// No relief.
    ReliefNone,
    /// Title of the profile form.
    FormProfile,
    /// Title of the award form.
    FormAward,
    /// Title of the form of a payment handed in by someone else (the member's name follows).
    FormPayer,
    /// Title of the form of the dues handed on to the committee above (the month follows).
    FormHandOn,
    /// Month field hint.
    MonthHint,
    /// Amount field hint.
    AmountHint,
    /// Confirm deleting an award (name follows).
    ConfirmDeleteAward,
    /// Notice: enter the dues profile first (name follows).
    NeedsProfile,
    /// Report legend of the month marks.
    Legend,
    /// Report heading of the monthly totals.
    MonthlyHeading,
    /// Report: a presentation date heading prefix.
    PresentationHeading,
}

/// Texts of the dues and badges screen that carry values.
#[derive(Debug, Clone, Copy)]
pub enum DuesText<'a> {
    /// "Tháng 11/2026".
    Month(YearMonth),
    /// "T11" (a month column).
    MonthShort(u32),
    /// A payment in the month cell.
    Paid(Method, NaiveDate),
    /// The arrears cell of a row.
    ArrearsCell(&'a Arrears),
    /// The month's totals line.
    MonthTotals(YearMonth, &'a Totals),
    /// The year's totals line (the year, its totals, the last month counted).
    YearTotals(i32, &'a Totals, YearMonth),
    /// The money collected in the month, cash and online.
    Collected(&'a crate::domain::dues::HandOnFigures),
    /// The share to hand on (rule), what was handed on and the difference.
    HandOn(&'a crate::domain::dues::HandOnFigures),
    /// How the selected member's amount is reckoned.
    Rate(&'a Profile, Due),
    /// "Đã đóng đến tháng".
    PaidThrough(Option<YearMonth>),
    /// The unpaid months of the year.
    ArrearsMonths(&'a Arrears),
    /// The removal flag with its rule.
    FlagRule,
    /// The presentation list heading (date, previous date).
    Presentation(NaiveDate, NaiveDate),
    /// "30 năm".
    Milestone(u32),
    /// Length of membership in months, as years and months.
    Tenure(u32),
    /// The award cell.
    Awarded(&'a Award),
    /// The award with its decision.
    AwardLine(&'a Award),
    /// Counts of the presentation list: total, due, early, posthumous, awarded.
    BadgeSummary(usize, usize, usize, usize, usize),
    /// The all-members view heading (as of this date).
    AllMembers(NaiveDate),
    /// Title of the yearly dues report (branch name, year).
    DuesReportTitle(&'a str, i32),
    /// Title of the yearly badges report (branch name, year).
    BadgesReportTitle(&'a str, i32),
    /// Name of the dues sheet in an `.xlsx` workbook (year; at most 31 characters).
    DuesSheet(i32),
    /// Name of the badges sheet in an `.xlsx` workbook (year; at most 31 characters).
    BadgesSheet(i32),
    /// Report footer: made on this date.
    MadeOn(NaiveDate),
    /// Report heading of the members flagged for unpaid months.
    FlaggedHeading,
    /// A flagged member in the report (name, months unpaid).
    FlaggedMember(&'a str, usize),
}

/// One language's texts of the dues and badges screen.
pub trait DuesCatalogue: Sync {
    /// A short text.
    fn msg(&self, m: DuesMsg) -> &'static str;
    /// A text with values.
    fn text(&self, t: DuesText<'_>) -> String;
    /// Label of a profile form field.
    fn field(&self, f: DuesField) -> &'static str;
    /// Label of an award form field.
    fn badge_field(&self, f: BadgeField) -> &'static str;
    /// Label of a rate category, with its rate.
    fn category(&self, c: Category) -> String;
    /// Label of a relief.
    fn relief(&self, k: ReliefKind) -> String;
    /// Why nothing is due, with the rule.
    fn exemption(&self, e: Exemption) -> String;
    /// Why a member is on a presentation list.
    fn basis(&self, b: Basis) -> &'static str;
    /// An amount of money without unit, digits grouped ("30.000").
    fn amount(&self, n: i64) -> String;
    /// An amount of money with its unit ("30.000 đ").
    fn money(&self, n: i64) -> String;
}
