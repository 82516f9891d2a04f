//! Stages 9–14, from the decision to recognition: the ceremony and recognition deadlines.

use chrono::NaiveDate;

use super::*;
use crate::domain::calendar;
use crate::domain::rules::{self, RuleId};

/// The last day of the ceremony rule: 30 working days after the decision.
pub fn ceremony_deadline(decision: NaiveDate) -> NaiveDate {
    let days = u32::try_from(rules::value(RuleId::CeremonyWorkingDays)).unwrap_or(30);
    calendar::add_working_days(decision, days)
}

/// Rule QĐ 294 Điều 5 (rules.md §6.2 step 10): the ceremony within 30 working days of the
/// decision (later needs the superior committee's agreement: an override with its reason).
pub fn ceremony_checks(decision: NaiveDate, ceremony: NaiveDate) -> Vec<Check> {
    let working_days = calendar::working_days_between(decision, ceremony);
    if i64::from(working_days) > rules::value(RuleId::CeremonyWorkingDays) {
        vec![Check::CeremonyLate {
            working_days,
            deadline: ceremony_deadline(decision),
        }]
    } else {
        Vec::new()
    }
}

/// The last day of the recognition rule: 30 working days after probation ends.
pub fn recognition_deadline(probation_end: NaiveDate) -> NaiveDate {
    let days = u32::try_from(rules::value(RuleId::RecognitionWorkingDays)).unwrap_or(30);
    calendar::add_working_days(probation_end, days)
}

/// Rule QĐ 294 điểm 4.2 (rules.md §6.2 step 13): the recognition vote after the 12 months
/// and within 30 working days of their end (lateness warns: membership still dates from
/// the end of probation).
pub fn recognition_checks(probation_end: NaiveDate, vote: NaiveDate) -> Vec<Check> {
    if vote < probation_end {
        return vec![Check::ProbationNotOver {
            ends: probation_end,
        }];
    }
    let working_days = calendar::working_days_between(probation_end, vote);
    if i64::from(working_days) > rules::value(RuleId::RecognitionWorkingDays) {
        vec![Check::RecognitionLate {
            working_days,
            deadline: recognition_deadline(probation_end),
        }]
    } else {
        Vec::new()
    }
}
