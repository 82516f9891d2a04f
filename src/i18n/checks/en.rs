//! English: texts of typed dates and rule checks.

use chrono::Weekday;

use super::ChecksCatalogue;
use crate::domain::date::{BadDate, YEAR_RANGE, format_date};
use crate::domain::rules::{self, RuleId};
use crate::domain::todo::Check;
use crate::domain::validate::RuleProblem;

/// The English texts of dates and rule checks.
#[derive(Debug, Clone, Copy)]
pub struct ChecksEn;

impl ChecksCatalogue for ChecksEn {
    fn weekday(&self, w: Weekday) -> &'static str {
        match w {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        }
    }

    fn bad_date(&self, e: BadDate) -> String {
        match e {
            BadDate::Shape => {
                "expects a date such as 05/11/2026, 5/11, 5.11.26, 05112026 or \"today\".".into()
            }
            BadDate::Day {
                day,
                month,
                year,
                last,
            } => format!("wrong day: {month:02}/{year} has no day {day} (the last is {last})."),
            BadDate::Month(m) => format!("wrong month: {m} (months are 1 to 12)."),
            BadDate::Year(y) => format!(
                "wrong year: {y} (four digits, {} to {}, or two digits).",
                YEAR_RANGE.0, YEAR_RANGE.1
            ),
        }
    }

    fn rule_problem(&self, p: &RuleProblem) -> String {
        match p {
            RuleProblem::RecognizedTooSoon { earliest } => {
                let r = rules::rule(RuleId::ProbationMonths);
                format!(
                    "the official date must follow the admission by the {} months of probation, \
                     {} at the earliest — {}.",
                    r.value,
                    format_date(*earliest),
                    r.source
                )
            }
            RuleProblem::Refused(r) => {
                crate::i18n::rules::catalogue(crate::i18n::Lang::En).refusal(r)
            }
        }
    }

    fn todo(&self, c: &Check) -> String {
        match c {
            Check::FewOfficialMembers(n, min) => format!(
                "The branch has only {n} official members and needs at least {min}; report to \
                 the superior committee to add members or merge — {}.",
                rules::rule(RuleId::MinOfficialMembers).source
            ),
            Check::AwaitingSuperior(_, name, on) => format!(
                "{name}: awaiting the superior committee's decision — the branch has voted 3 \
                 times (last on {}) on recognition as an official member without reaching 2/3; \
                 report upward (QĐ 24-QĐ/TW, point 4.2.3).",
                format_date(*on)
            ),
        }
    }

    fn awaiting_superior_count(&self, n: usize) -> String {
        format!("awaiting the superior committee {n}")
    }
}
