//! One treatment of acts against the rules (#22.2) and the meeting quorum (#22.8).
//!
//! - Recording what happened after a deadline of the rules table is allowed with a stated
//!   reason, and carries a visible [`LateFlag`] (in the record, the minutes, the reports
//!   and the ward bundle).
//! - Doing in advance what a rule forbids (a ceremony before the decision, recognition
//!   before probation ends, an admission vote outside the age window or on an expired
//!   certificate, an exemption longer than its limit) is refused, whatever the reason.
//!
//! Every refusal names its rule, so it can be shown as "rule — source" in one line.

use chrono::NaiveDate;

use super::calendar;
use super::date;
use super::rules::{self, RuleId};
use super::text;

/// The flag a late act carries: which deadline, when it fell, when the act was done and
/// why it was late.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateFlag {
    /// The rule whose deadline passed.
    pub rule: RuleId,
    /// The last day within the rule.
    pub due: NaiveDate,
    /// When the act was done.
    pub done: NaiveDate,
    /// Why (never empty).
    pub reason: String,
}

/// Why an act is refused (nothing is saved).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Done after the rule's deadline with no reason given.
    #[error("{rule:?}: late (due {due}) and no reason given")]
    LateWithoutReason {
        /// The rule.
        rule: RuleId,
        /// The last day within the rule.
        due: NaiveDate,
    },
    /// Done before the rule allows it.
    #[error("{rule:?}: not before {from}")]
    TooEarly {
        /// The rule.
        rule: RuleId,
        /// The first day allowed.
        from: NaiveDate,
    },
    /// A number above the rule's limit.
    #[error("{rule:?}: {value} is above {limit}")]
    AboveLimit {
        /// The rule.
        rule: RuleId,
        /// The number asked for.
        value: i64,
        /// The limit.
        limit: i64,
    },
    /// A number below the rule's minimum.
    #[error("{rule:?}: {value} is below {limit}")]
    BelowLimit {
        /// The rule.
        rule: RuleId,
        /// The number asked for.
        value: i64,
        /// The minimum.
        limit: i64,
    },
    /// A period that ends later than the rule's longest allows (an exemption).
    #[error("{rule:?}: ends after {latest} (at most {months} months)")]
    EndsTooLate {
        /// The rule.
        rule: RuleId,
        /// The longest period, in months.
        months: i64,
        /// The last end date allowed.
        latest: NaiveDate,
    },
    /// Too few members present for the meeting to decide.
    #[error("no quorum: {0:?}")]
    NoQuorum(Quorum),
}

impl Refusal {
    /// The rule the refusal names.
    pub fn rule(&self) -> RuleId {
        match self {
            Refusal::LateWithoutReason { rule, .. }
            | Refusal::TooEarly { rule, .. }
            | Refusal::AboveLimit { rule, .. }
            | Refusal::BelowLimit { rule, .. }
            | Refusal::EndsTooLate { rule, .. } => *rule,
            Refusal::NoQuorum(_) => RuleId::QuorumPercent,
        }
    }
}

/// The one treatment of a deadline: on or before `due`, fine; after it, recorded only with
/// a reason, and then flagged.
pub fn deadline(
    rule: RuleId,
    due: NaiveDate,
    done: NaiveDate,
    reason: &str,
) -> Result<Option<LateFlag>, Refusal> {
    if done <= due {
        return Ok(None);
    }
    let reason = text::clean(reason);
    if reason.is_empty() {
        return Err(Refusal::LateWithoutReason { rule, due });
    }
    Ok(Some(LateFlag {
        rule,
        due,
        done,
        reason,
    }))
}

/// A bound the rules set in advance: not before `from`.
pub fn not_before(rule: RuleId, from: NaiveDate, done: NaiveDate) -> Result<(), Refusal> {
    if done < from {
        Err(Refusal::TooEarly { rule, from })
    } else {
        Ok(())
    }
}

/// A bound the rules set in advance: at most the rule's value.
pub fn at_most(rule: RuleId, value: i64) -> Result<(), Refusal> {
    let limit = rules::value(rule);
    if value > limit {
        Err(Refusal::AboveLimit { rule, value, limit })
    } else {
        Ok(())
    }
}

/// The working-day deadline `rule` sets after `from` (ceremony, recognition, transfer).
pub fn working_day_deadline(rule: RuleId, from: NaiveDate) -> NaiveDate {
    let days = u32::try_from(rules::value(rule).max(0)).unwrap_or(0);
    calendar::add_working_days(from, days)
}

/// The admission ceremony (QĐ 294 Điều 5): not before the decision; within the working
/// days after it, or late with a reason (the superior committee's agreement).
pub fn ceremony(
    decision: NaiveDate,
    ceremony: NaiveDate,
    reason: &str,
) -> Result<Option<LateFlag>, Refusal> {
    not_before(RuleId::CeremonyWorkingDays, decision, ceremony)?;
    let due = working_day_deadline(RuleId::CeremonyWorkingDays, decision);
    deadline(RuleId::CeremonyWorkingDays, due, ceremony, reason)
}

/// The end of probation: the months of the rule after the ceremony.
pub fn probation_end(ceremony: NaiveDate) -> NaiveDate {
    let months = u32::try_from(rules::value(RuleId::ProbationMonths).max(0)).unwrap_or(0);
    ceremony
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(ceremony)
}

/// The recognition vote (Điều lệ Đ.5; QĐ 294 điểm 4.2): never before probation ends
/// (refused); within the working days after it, or late with a reason.
pub fn recognition(
    ceremony: NaiveDate,
    vote: NaiveDate,
    reason: &str,
) -> Result<Option<LateFlag>, Refusal> {
    let end = probation_end(ceremony);
    not_before(RuleId::ProbationMonths, end, vote)?;
    let due = working_day_deadline(RuleId::RecognitionWorkingDays, end);
    deadline(RuleId::RecognitionWorkingDays, due, vote, reason)
}

/// The admission vote's bounds set in advance: at least the youngest age in months on the
/// vote date (QĐ 294 điểm 1.1.1) and a certificate still valid (HD 06 điểm 5.4). Refused,
/// never flagged. (Over 60 is no bound: it needs the provincial committee's agreement,
/// recorded as the reason.)
pub fn admission_vote(
    birth: NaiveDate,
    certificate: Option<NaiveDate>,
    vote: NaiveDate,
) -> Result<(), Refusal> {
    let months = i64::from(date::months_between(birth, vote));
    let min = rules::value(RuleId::AdmissionMinAgeMonths);
    if months < min {
        return Err(Refusal::BelowLimit {
            rule: RuleId::AdmissionMinAgeMonths,
            value: months,
            limit: min,
        });
    }
    if let Some(issued) = certificate {
        let valid = i64::from(date::months_between(issued, vote));
        at_most(RuleId::CertificateValidityMonths, valid)?;
    }
    Ok(())
}

/// A temporary exemption's length: it ends at most the rule's months after it starts (a
/// branch setting: no text found). Longer is refused in advance, whatever the reason.
pub fn exemption_length(start: NaiveDate, end: NaiveDate) -> Result<(), Refusal> {
    let rule = RuleId::TemporaryExemptionMaxMonths;
    let months = rules::value(rule).max(0);
    let latest = start
        .checked_add_months(chrono::Months::new(u32::try_from(months).unwrap_or(0)))
        .unwrap_or(start);
    if end > latest {
        Err(Refusal::EndsTooLate {
            rule,
            months,
            latest,
        })
    } else {
        Ok(())
    }
}

/// A meeting's quorum: who had to attend, who came, and how many were needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    /// Members present (who count towards the quorum).
    pub present: u32,
    /// Members who had to attend.
    pub must_attend: u32,
    /// Fewest present for the quorum: more than the rule's percentage of `must_attend`.
    pub needed: u32,
}

impl Quorum {
    /// Whether enough members came.
    pub fn met(&self) -> bool {
        self.present >= self.needed
    }
}

/// The quorum of a meeting where `present` of `must_attend` came: more than the
/// percentage of the quorum rule (a branch setting).
pub fn quorum(present: u32, must_attend: u32) -> Quorum {
    let pct = u64::try_from(rules::value(RuleId::QuorumPercent).clamp(0, 100)).unwrap_or(50);
    // More than pct%: the smallest n with n × 100 > must × pct.
    let needed = if must_attend == 0 {
        0
    } else {
        (u64::from(must_attend) * pct / 100 + 1).min(u64::from(must_attend))
    };
    Quorum {
        present,
        must_attend,
        needed: u32::try_from(needed).unwrap_or(u32::MAX),
    }
}

/// A meeting may decide (vote) only with its quorum.
pub fn check_quorum(present: u32, must_attend: u32) -> Result<Quorum, Refusal> {
    let q = quorum(present, must_attend);
    if q.met() {
        Ok(q)
    } else {
        Err(Refusal::NoQuorum(q))
    }
}

/// The quorum of a vote taken in a meeting, from its roll call (never typed): those
/// present among the members who must attend (exempt, away and hosted members are not
/// counted, present or not). Every save of a vote taken in a meeting asks this first.
pub fn vote_quorum(rows: &[super::meeting::AttendanceRow]) -> Result<Quorum, Refusal> {
    let c = super::meeting::counts(rows);
    check_quorum(c.present_expected, c.must_attend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{AttendanceRow, Mark};
    use crate::domain::member::{Membership, Status};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_late_ceremony_is_recorded_with_a_reason_and_flagged() {
        let decision = d(2026, 2, 2);
        let due = working_day_deadline(RuleId::CeremonyWorkingDays, decision);
        assert_eq!(
            ceremony(decision, due, ""),
            Ok(None),
            "the last day is on time"
        );
        let late = due.succ_opt().unwrap();
        assert_eq!(
            ceremony(decision, late, "  "),
            Err(Refusal::LateWithoutReason {
                rule: RuleId::CeremonyWorkingDays,
                due
            })
        );
        let flag = ceremony(decision, late, "Cấp ủy cấp trên đồng ý")
            .unwrap()
            .unwrap();
        assert_eq!((flag.due, flag.done), (due, late));
        assert_eq!(flag.reason, "Cấp ủy cấp trên đồng ý");
        // Before the decision: refused, whatever the reason.
        assert!(matches!(
            ceremony(decision, d(2026, 2, 1), "lý do"),
            Err(Refusal::TooEarly { .. })
        ));
    }

    #[test]
    fn recognition_is_never_before_probation_ends_and_late_needs_a_reason() {
        let c = d(2025, 8, 12);
        assert_eq!(probation_end(c), d(2026, 8, 12));
        assert_eq!(
            recognition(c, d(2026, 8, 11), "xin sớm"),
            Err(Refusal::TooEarly {
                rule: RuleId::ProbationMonths,
                from: d(2026, 8, 12)
            })
        );
        assert_eq!(recognition(c, d(2026, 8, 12), ""), Ok(None));
        let due = working_day_deadline(RuleId::RecognitionWorkingDays, d(2026, 8, 12));
        assert_eq!(recognition(c, due, ""), Ok(None));
        let late = due.succ_opt().unwrap();
        assert!(matches!(
            recognition(c, late, ""),
            Err(Refusal::LateWithoutReason { .. })
        ));
        assert!(recognition(c, late, "Chi bộ họp chậm").unwrap().is_some());
    }

    #[test]
    fn the_admission_vote_is_refused_outside_age_and_certificate_bounds() {
        let birth = d(2008, 5, 20);
        assert!(matches!(
            admission_vote(birth, None, d(2026, 5, 19)),
            Err(Refusal::BelowLimit { value: 215, .. })
        ));
        assert_eq!(admission_vote(birth, None, d(2026, 5, 20)), Ok(()));
        // Over 60: an exception with the provincial committee's agreement, not refused here.
        let old = d(1966, 5, 20);
        assert_eq!(admission_vote(old, None, d(2026, 6, 20)), Ok(()));
        // The certificate: 60 months valid, refused at 61.
        let b = d(1990, 1, 1);
        assert_eq!(
            admission_vote(b, Some(d(2021, 5, 20)), d(2026, 5, 20)),
            Ok(())
        );
        assert_eq!(
            admission_vote(b, Some(d(2021, 5, 20)), d(2026, 6, 20)),
            Err(Refusal::AboveLimit {
                rule: RuleId::CertificateValidityMonths,
                value: 61,
                limit: 60
            })
        );
    }

    #[test]
    fn temporary_exemption_max_months_an_exemption_longer_than_the_setting_is_refused() {
        // 12 months by default: from 1/3/2026 it ends on 1/3/2027 at the latest.
        assert_eq!(exemption_length(d(2026, 3, 1), d(2027, 3, 1)), Ok(()));
        let refused = Err(Refusal::EndsTooLate {
            rule: RuleId::TemporaryExemptionMaxMonths,
            months: 12,
            latest: d(2027, 3, 1),
        });
        assert_eq!(exemption_length(d(2026, 3, 1), d(2027, 3, 2)), refused);
        // The month's end: from 31/1 the months end on the last day of the month.
        assert_eq!(exemption_length(d(2026, 1, 31), d(2027, 1, 31)), Ok(()));
        assert!(exemption_length(d(2026, 1, 31), d(2027, 2, 1)).is_err());
        // The branch's setting moves the bound.
        let six = rules::with_setting(RuleId::TemporaryExemptionMaxMonths, "6", || {
            (
                exemption_length(d(2026, 3, 1), d(2026, 9, 1)),
                exemption_length(d(2026, 3, 1), d(2026, 9, 2)),
            )
        });
        assert_eq!(six.0, Ok(()));
        assert!(matches!(six.1, Err(Refusal::EndsTooLate { months: 6, .. })));
    }

    #[test]
    fn quorum_is_more_than_half_of_those_who_must_attend() {
        // 8 must attend: 5 needed (4 is exactly half, not more).
        assert_eq!(quorum(4, 8).needed, 5);
        assert!(!quorum(4, 8).met());
        assert!(quorum(5, 8).met());
        // 7 must attend: 4 needed.
        assert_eq!(quorum(4, 7).needed, 4);
        assert!(matches!(check_quorum(3, 7), Err(Refusal::NoQuorum(_))));
        assert_eq!(quorum(0, 0).needed, 0);
        assert_eq!(quorum(1, 1).needed, 1);
    }

    fn row(status: Status, mark: Mark) -> AttendanceRow {
        AttendanceRow {
            member: 1,
            name: "Đảng viên".into(),
            status,
            membership: Membership::Official,
            mark,
        }
    }

    #[test]
    fn quorum_percent_a_vote_is_refused_below_the_quorum_of_those_who_must_attend() {
        // 8 must attend (2 exempt and 1 away do not count, present or not): 5 needed.
        let mut rows = vec![
            row(Status::Exempt, Mark::Present),
            row(Status::Exempt, Mark::Present),
            row(Status::TemporarilyAway, Mark::Present),
            row(Status::TemporarilyHosted, Mark::Present),
        ];
        rows.extend((0..4).map(|_| row(Status::Official, Mark::Present)));
        rows.extend((0..4).map(|_| row(Status::Official, Mark::Unexcused)));
        assert_eq!(
            vote_quorum(&rows),
            Err(Refusal::NoQuorum(Quorum {
                present: 4,
                must_attend: 8,
                needed: 5
            }))
        );
        rows[8].mark = Mark::Present;
        assert_eq!(vote_quorum(&rows).map(|q| q.present), Ok(5));
        // The branch's setting decides the fraction: two thirds (66%) of 8 needs 6.
        let refused = rules::with_setting(RuleId::QuorumPercent, "66", || vote_quorum(&rows));
        assert!(matches!(
            refused,
            Err(Refusal::NoQuorum(Quorum { needed: 6, .. }))
        ));
    }
}
