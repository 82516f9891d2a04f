//! What is due next for a candidate, and why it cannot be done today.

use chrono::NaiveDate;

use super::eligibility::months_after;
use super::*;
use crate::domain::rules::{self, RuleId};

/// What the next deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineKind {
    /// The branch must vote before the course certificate expires.
    CertificateExpires,
    /// The branch must vote before the candidate is over the age limit.
    AgeLimit,
    /// The ceremony must be held by this day.
    Ceremony,
    /// The recognition vote must be held by this day (not before probation ends).
    Recognition,
}

/// The next deadline of a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// What it is about.
    pub kind: DeadlineKind,
    /// The last day.
    pub date: NaiveDate,
    /// The earliest day the step is allowed (the end of probation).
    pub not_before: Option<NaiveDate>,
}

impl Deadline {
    /// Whether the last day has passed.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        today > self.date
    }
}

/// The next deadline the rules set for a candidate in progress.
pub fn next_deadline(c: &Candidate) -> Option<Deadline> {
    let next = c.next_required()?;
    match next {
        Stage::Application
        | Stage::PersonalRecord
        | Stage::Vetting
        | Stage::Sponsors
        | Stage::Comments
        | Stage::BranchVote => {
            let cert = c
                .step(Stage::Course)
                .map(|s| certificate_valid_until(s.date));
            let age = c.person.birth_date.and_then(|b| {
                months_after(b, rules::value(RuleId::AdmissionMaxAgeMonths) + 1)
                    .and_then(|d| d.pred_opt())
            });
            let pick = |d: Option<NaiveDate>, k| {
                d.map(|date| Deadline {
                    kind: k,
                    date,
                    not_before: None,
                })
            };
            match (
                pick(cert, DeadlineKind::CertificateExpires),
                pick(age, DeadlineKind::AgeLimit),
            ) {
                (Some(a), Some(b)) => Some(if b.date < a.date { b } else { a }),
                (a, b) => a.or(b),
            }
        }
        Stage::Ceremony => c.step(Stage::Decision).map(|d| Deadline {
            kind: DeadlineKind::Ceremony,
            date: ceremony_deadline(d.date),
            not_before: None,
        }),
        Stage::RecognitionVote => c.probation_end().map(|end| Deadline {
            kind: DeadlineKind::Recognition,
            date: recognition_deadline(end),
            not_before: Some(end),
        }),
        _ => None,
    }
}

/// Why the next step cannot be taken today, or is late: the checks that would apply if
/// it were recorded today (shown on the card and the board).
pub fn readiness(c: &Candidate, today: NaiveDate) -> Vec<Check> {
    let Some(next) = c.next_required() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if c.step(Stage::Course).is_some() && next <= Stage::BranchVote {
        out.extend(age_checks(c.person.birth_date, today));
        out.extend(certificate_checks(
            c.step(Stage::Course).map(|s| s.date),
            today,
        ));
    }
    match next {
        Stage::Ceremony => {
            if let Some(d) = c.step(Stage::Decision) {
                out.extend(ceremony_checks(d.date, today));
            }
        }
        Stage::RecognitionVote => {
            if let Some(end) = c.probation_end() {
                out.extend(recognition_checks(end, today));
            }
        }
        _ => {}
    }
    out
}
