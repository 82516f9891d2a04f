//! Stages 1–8, before the branch's vote: age, the course certificate, the sponsors.

use chrono::{Months, NaiveDate};

use super::*;
use crate::domain::date;
use crate::domain::member::{Member, Membership, Status};
use crate::domain::rules::{self, RuleId};

/// The day someone born on `birth` reaches `months` months of age.
pub(super) fn months_after(birth: NaiveDate, months: i64) -> Option<NaiveDate> {
    birth.checked_add_months(Months::new(u32::try_from(months).ok()?))
}

/// Rule QĐ 294 điểm 1.1.1 (rules.md §6.1): aged 18 to 60 inclusive, counted in whole
/// months, on the date the branch votes.
pub fn age_checks(birth: Option<NaiveDate>, vote: NaiveDate) -> Vec<Check> {
    let Some(b) = birth else { return Vec::new() };
    let months = date::months_between(b, vote);
    let min = rules::value(RuleId::AdmissionMinAgeMonths);
    let max = rules::value(RuleId::AdmissionMaxAgeMonths);
    if i64::from(months) < min {
        let from = months_after(b, min).unwrap_or(vote);
        vec![Check::TooYoung { months, from }]
    } else if i64::from(months) > max {
        vec![Check::TooOld { months }]
    } else {
        Vec::new()
    }
}

/// Rule HD 06-HD/TW §5.4 (rules.md §6.2 step 2): the last day a certificate issued on
/// `issued` is valid (60 months later, the same day of the month).
pub fn certificate_valid_until(issued: NaiveDate) -> NaiveDate {
    months_after(issued, rules::value(RuleId::CertificateValidityMonths)).unwrap_or(issued)
}

/// Rule HD 06-HD/TW §5.4: the certificate is at most 60 months old on the vote date.
pub fn certificate_checks(issued: Option<NaiveDate>, vote: NaiveDate) -> Vec<Check> {
    match issued {
        Some(i) if vote > certificate_valid_until(i) => vec![Check::CertificateExpired {
            valid_until: certificate_valid_until(i),
        }],
        _ => Vec::new(),
    }
}

/// Whether a member is an official member of the branch on `on` (not someone who left,
/// nor a hosted member from another branch).
pub fn is_official_member(m: &Member, on: NaiveDate) -> bool {
    let status = m.status_at(on);
    m.membership_at(on) == Some(Membership::Official)
        && status.is_active()
        && status != Status::TemporarilyHosted
}

/// Rule QĐ 294 điểm 3.2.1 / Điều lệ Đ.4 (rules.md §6.2 step 6): two sponsors who are
/// official members of the branch now (and on the step's date), each having known the
/// candidate for at least 12 months; or, for youth, one sponsor and a resolution of the
/// Youth Union committee (youth age is an unverified parameter: a warning).
pub fn sponsor_checks(
    sponsors: &[(Sponsor, Option<&Member>)],
    youth_resolution: bool,
    birth: Option<NaiveDate>,
    on: NaiveDate,
    today: NaiveDate,
) -> Vec<Check> {
    let mut out = Vec::new();
    for (s, m) in sponsors {
        if !m.is_some_and(|m| is_official_member(m, today) && is_official_member(m, on)) {
            out.push(Check::SponsorNotOfficial {
                name: s.name.clone(),
            });
        }
        let months = date::months_between(s.known_since, on);
        if i64::from(months) < rules::value(RuleId::SponsorAcquaintanceMonths) {
            out.push(Check::SponsorTooRecent {
                name: s.name.clone(),
                months,
            });
        }
    }
    let needed = rules::value(RuleId::SponsorsRequired);
    let count = sponsors.len() as i64 + i64::from(youth_resolution);
    if count < needed {
        out.push(Check::TooFewSponsors {
            count: sponsors.len() as u32,
        });
    }
    if youth_resolution
        && (sponsors.len() as i64) < needed
        && let Some(b) = birth
    {
        let years = date::age_years(b, on);
        if i64::from(years) > rules::value(RuleId::YouthUnionMaxAgeYears) {
            out.push(Check::YouthRouteTooOld { years });
        }
    }
    out
}
