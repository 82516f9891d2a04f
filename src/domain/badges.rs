//! Party badges (Huy hiệu Đảng, rules.md §8): length of membership, milestones, the list
//! of members to propose before each presentation date with the early-award flags, and
//! the awards made. Every number comes from the rules table.
//!
//! Length of membership (tuổi đảng) counts from the first admission (ngày vào Đảng, the
//! `Admitted` event) and leaves out the periods outside the Party that the timeline shows:
//! from a `Removed` or `Expelled` event to a later `Admitted` (readmission). It stops at
//! death (`Died`) and at a removal or expulsion that is not followed by a readmission.
//! Transfers, exemptions and suspensions do not interrupt it.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use super::date::months_between;
use super::member::{EventKind, Member, MemberId, Status};
use super::rules::{self, RuleId};

/// A badge awarded to a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    /// The milestone in years of membership (30, 40, …).
    pub milestone: u32,
    /// When it was presented.
    pub date: NaiveDate,
    /// The number of the decision (quyết định) awarding it.
    pub decision: String,
}

/// What the branch records about a member's badges: the serious-illness flag that allows
/// an early award, and the awards made. Kept apart from the member record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BadgeRecord {
    /// Bệnh hiểm nghèo: the member may receive the next badge early.
    pub serious_illness: bool,
    /// Badges awarded, oldest first.
    pub awards: Vec<Award>,
}

impl BadgeRecord {
    /// The award of a milestone, if made.
    pub fn award(&self, milestone: u32) -> Option<&Award> {
        self.awards.iter().find(|a| a.milestone == milestone)
    }

    /// Records (or replaces) the award of a milestone, keeping awards in milestone order.
    pub fn set_award(&mut self, award: Award) {
        self.awards.retain(|a| a.milestone != award.milestone);
        self.awards.push(award);
        self.awards.sort_by_key(|a| a.milestone);
    }

    /// Whether the record holds nothing worth storing.
    pub fn is_empty(&self) -> bool {
        !self.serious_illness && self.awards.is_empty()
    }
}

fn years(id: RuleId) -> u32 {
    u32::try_from(rules::value(id)).unwrap_or(0)
}

/// Rule HD 01-HD/TW 2021 điểm 18: the milestones in years of membership (30, 40, 45, …
/// 90), ascending.
pub fn milestones() -> Vec<u32> {
    let first = years(RuleId::BadgeFirstMilestoneYears);
    let second = years(RuleId::BadgeSecondMilestoneYears);
    let step = years(RuleId::BadgeMilestoneStepYears).max(1);
    let last = years(RuleId::BadgeLastMilestoneYears);
    let mut v = vec![first];
    let mut y = second;
    while y <= last {
        v.push(y);
        y += step;
    }
    v
}

/// The periods the member was in the Party, `[start, end)`, in date order; `None` as end
/// for a period still running. A period starts on the admission decision's date
/// ([`super::member::MemberEvent::party_age_start`], Điều lệ Đ.5 k.4, QĐ 24 §4.5.1).
pub fn periods_in_party(m: &Member) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut events: Vec<_> = m.events.iter().collect();
    events.sort_by_key(|e| e.date);
    let mut out: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    let mut open: Option<NaiveDate> = None;
    for e in events {
        match e.kind {
            // rules.md §13 (#22.5): party age runs from the admission decision.
            EventKind::Admitted if open.is_none() => open = Some(e.party_age_start()),
            EventKind::Removed | EventKind::Expelled | EventKind::Died => {
                if let Some(start) = open.take() {
                    out.push((start, Some(e.date)));
                }
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push((start, None));
    }
    out
}

/// The first admission moved later by every gap outside the Party before `on`: the date
/// from which membership counts as if it had never been interrupted. `None` before the
/// first admission.
fn counted_from(periods: &[(NaiveDate, Option<NaiveDate>)], on: NaiveDate) -> Option<NaiveDate> {
    let first = periods.first().filter(|p| p.0 <= on)?.0;
    let mut start = first;
    for w in periods.windows(2) {
        if let (Some(end), next) = (w[0].1, w[1].0)
            && next <= on
        {
            start += next - end;
        }
    }
    Some(start)
}

/// Rule Điều lệ Đ.5 k.4 (rules.md §6.2 step 16, §8): length of membership in whole
/// months on `on`, without the periods outside the Party. `None` before admission.
pub fn membership_months(m: &Member, on: NaiveDate) -> Option<u32> {
    let periods = periods_in_party(m);
    let start = counted_from(&periods, on)?;
    let last = periods.iter().rev().find(|p| p.0 <= on)?;
    let until = match last.1 {
        Some(end) if end <= on => end,
        _ => on,
    };
    u32::try_from(months_between(start, until)).ok()
}

/// Whole years of membership on `on` (tuổi đảng).
pub fn membership_years(m: &Member, on: NaiveDate) -> Option<u32> {
    membership_months(m, on).map(|n| n / 12)
}

/// The day the member reaches `years` of membership, counting the gaps known on `on`;
/// for a member out of the Party (or dead) on `on`, the day they would have reached it.
pub fn milestone_date(m: &Member, years: u32, on: NaiveDate) -> Option<NaiveDate> {
    let periods = periods_in_party(m);
    let start = counted_from(&periods, on)?;
    start.checked_add_months(Months::new(years * 12))
}

/// The next milestone the member has not reached on `on`, with the day it is reached.
pub fn next_milestone(m: &Member, on: NaiveDate) -> Option<(u32, NaiveDate)> {
    milestones().into_iter().find_map(|y| {
        let d = milestone_date(m, y, on)?;
        (d > on).then_some((y, d))
    })
}

/// Rule HD 01-HD/TW 2021 điểm 18: how many months early a seriously ill member may receive
/// the badge of `milestone` (12 for 30–65 years, 24 for 70–90).
pub fn early_months(milestone: u32) -> u32 {
    let id = if milestone >= years(RuleId::BadgeLongEarlyFromYears) {
        RuleId::BadgeLongEarlyMonths
    } else {
        RuleId::BadgeEarlyMonths
    };
    years(id)
}

fn month_day(id: RuleId) -> (u32, u32) {
    let v = years(id);
    (v / 100, v % 100)
}

/// Rule HD 01-HD/TW 2021 điểm 18: the presentation dates of a year (3/2, 19/5, 2/9, 7/11).
pub fn presentation_dates(year: i32) -> Vec<NaiveDate> {
    let mut v: Vec<NaiveDate> = [
        RuleId::BadgePresentationFeb3,
        RuleId::BadgePresentationMay19,
        RuleId::BadgePresentationSep2,
        RuleId::BadgePresentationNov7,
    ]
    .into_iter()
    .filter_map(|id| {
        let (m, d) = month_day(id);
        NaiveDate::from_ymd_opt(year, m, d)
    })
    .collect();
    v.sort();
    v
}

/// The first presentation date on or after `on`.
pub fn next_presentation(on: NaiveDate) -> Option<NaiveDate> {
    (on.year()..=on.year() + 1)
        .flat_map(presentation_dates)
        .find(|p| *p >= on)
}

/// The presentation date before `p`.
pub fn previous_presentation(p: NaiveDate) -> Option<NaiveDate> {
    (p.year() - 1..=p.year())
        .flat_map(presentation_dates)
        .filter(|d| *d < p)
        .max()
}

/// Why a member is on a presentation list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The milestone is reached since the previous presentation date.
    Due,
    /// Serious illness: the milestone is reached within the early window after the date.
    EarlyIllness,
    /// Died within the posthumous window before the milestone, or after reaching it.
    Posthumous,
}

/// A member to propose for a badge at a presentation date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The member.
    pub member: MemberId,
    /// The milestone in years.
    pub milestone: u32,
    /// The day the milestone is (or would have been) reached.
    pub reached_on: NaiveDate,
    /// Why the member is on the list.
    pub basis: Basis,
    /// The award, if already recorded.
    pub awarded: Option<Award>,
}

/// Rule HD 01-HD/TW 2021 điểm 18 (rules.md §8): the list for presentation date `p`.
///
/// A member of the branch is on it for a milestone reached after the previous presentation
/// date and on or before `p`; a seriously ill member also for a milestone reached within
/// the early window after `p` (12 months for 30–65 years, 24 for 70–90). A member who died
/// since the previous presentation date is on it (posthumously) for a milestone reached
/// before death, or within the posthumous window after it. An award recorded on or before
/// the previous presentation date takes the milestone off later lists. Sorted by the day
/// the milestone is reached.
pub fn candidates<'a>(
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
    records: &BTreeMap<MemberId, BadgeRecord>,
    p: NaiveDate,
) -> Vec<Candidate> {
    let prev = previous_presentation(p).unwrap_or(NaiveDate::MIN);
    let posthumous = years(RuleId::BadgePosthumousEarlyMonths);
    let empty = BadgeRecord::default();
    let mut out = Vec::new();
    for (id, m) in members {
        let rec = records.get(&id).unwrap_or(&empty);
        let status = m.status_at(p);
        let died = m
            .events
            .iter()
            .find(|e| e.kind == EventKind::Died)
            .map(|e| e.date);
        for y in milestones() {
            let Some(reached) = milestone_date(m, y, p) else {
                continue;
            };
            let awarded = rec.award(y).cloned();
            if awarded.as_ref().is_some_and(|a| a.date <= prev) {
                continue;
            }
            let in_window = reached > prev && reached <= p;
            let basis = match (status, died) {
                (Status::Deceased, Some(d)) if d > prev && d <= p => {
                    let limit = d.checked_add_months(Months::new(posthumous));
                    (reached > prev && limit.is_some_and(|l| reached <= l))
                        .then_some(Basis::Posthumous)
                }
                (s, _) if s.is_active() && in_window => Some(Basis::Due),
                (s, _) if s.is_active() && rec.serious_illness && reached > p => {
                    let limit = p.checked_add_months(Months::new(early_months(y)));
                    limit
                        .is_some_and(|l| reached <= l)
                        .then_some(Basis::EarlyIllness)
                }
                _ => None,
            };
            if let Some(basis) = basis {
                out.push(Candidate {
                    member: id,
                    milestone: y,
                    reached_on: reached,
                    basis,
                    awarded,
                });
            }
            if reached > p {
                // Only the next milestone can be awarded early.
                break;
            }
        }
    }
    out.sort_by_key(|c| (c.reached_on, c.member));
    out
}

/// The fields of the award form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BadgeField {
    /// Huy hiệu (the milestone).
    Milestone,
    /// Ngày trao.
    Date,
    /// Số quyết định.
    Decision,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::MemberEvent;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ev(date: NaiveDate, kind: EventKind) -> MemberEvent {
        MemberEvent::new(date, kind, "")
    }

    fn member(admitted: NaiveDate) -> Member {
        Member {
            full_name: "Nguyễn Văn An".into(),
            events: vec![
                ev(admitted, EventKind::Admitted),
                ev(
                    admitted + chrono::Duration::days(365),
                    EventKind::Recognized,
                ),
            ],
            ..Member::default()
        }
    }

    #[test]
    fn milestones_and_presentation_dates_come_from_the_table() {
        assert_eq!(
            milestones(),
            vec![30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
        );
        assert_eq!(
            presentation_dates(2026),
            vec![d(2026, 2, 3), d(2026, 5, 19), d(2026, 9, 2), d(2026, 11, 7)]
        );
        assert_eq!(next_presentation(d(2026, 11, 7)), Some(d(2026, 11, 7)));
        assert_eq!(next_presentation(d(2026, 11, 8)), Some(d(2027, 2, 3)));
        assert_eq!(previous_presentation(d(2027, 2, 3)), Some(d(2026, 11, 7)));
        assert_eq!(previous_presentation(d(2026, 5, 19)), Some(d(2026, 2, 3)));
        assert_eq!(early_months(30), 12);
        assert_eq!(early_months(65), 12);
        assert_eq!(early_months(70), 24);
        assert_eq!(early_months(90), 24);
    }

    #[test]
    fn years_of_membership_at_the_anniversary() {
        let m = member(d(1996, 5, 19));
        assert_eq!(membership_years(&m, d(1996, 5, 18)), None);
        assert_eq!(membership_years(&m, d(2026, 5, 18)), Some(29));
        assert_eq!(membership_years(&m, d(2026, 5, 19)), Some(30));
        assert_eq!(milestone_date(&m, 30, d(2026, 1, 1)), Some(d(2026, 5, 19)));
        assert_eq!(
            next_milestone(&m, d(2026, 5, 18)),
            Some((30, d(2026, 5, 19)))
        );
        assert_eq!(
            next_milestone(&m, d(2026, 5, 19)),
            Some((40, d(2036, 5, 19)))
        );
        // Admitted on 29 February: the anniversary is the last day of February.
        let leap = member(d(1996, 2, 29));
        assert_eq!(membership_years(&leap, d(2026, 2, 27)), Some(29));
        assert_eq!(membership_years(&leap, d(2026, 2, 28)), Some(30));
        assert_eq!(
            milestone_date(&leap, 30, d(2026, 1, 1)),
            Some(d(2026, 2, 28))
        );
    }

    #[test]
    fn periods_outside_the_party_are_not_counted() {
        let mut m = member(d(1980, 3, 1));
        m.events.push(ev(d(1990, 3, 1), EventKind::Removed));
        m.events.push(ev(d(1992, 3, 1), EventKind::Admitted));
        m.events.sort_by_key(|e| e.date);
        // Out of the Party for 731 days (29/02/1992 included): the 30 years move as much.
        assert_eq!(
            membership_years(&m, d(1991, 6, 1)),
            Some(10),
            "stopped at removal"
        );
        assert_eq!(membership_years(&m, d(2012, 3, 1)), Some(29));
        assert_eq!(membership_years(&m, d(2012, 3, 2)), Some(30));
        assert_eq!(milestone_date(&m, 30, d(2026, 1, 1)), Some(d(2012, 3, 2)));
        // Death stops the count.
        m.events.push(ev(d(2020, 3, 1), EventKind::Died));
        assert_eq!(membership_years(&m, d(2026, 1, 1)), Some(37));
    }

    fn records(id: MemberId, ill: bool) -> BTreeMap<MemberId, BadgeRecord> {
        let mut r = BTreeMap::new();
        r.insert(
            id,
            BadgeRecord {
                serious_illness: ill,
                awards: vec![],
            },
        );
        r
    }

    #[test]
    fn a_milestone_belongs_to_the_first_presentation_date_on_or_after_it() {
        // 30 years on 19/05/2026: on the 19/5 list (same day), not on the 3/2 list.
        let m = member(d(1996, 5, 19));
        let none = BTreeMap::new();
        let on = |p| candidates([(1, &m)], &none, p);
        assert!(on(d(2026, 2, 3)).is_empty());
        let c = on(d(2026, 5, 19));
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].milestone, c[0].basis), (30, Basis::Due));
        assert!(on(d(2026, 9, 2)).is_empty());
        // One day later it goes to 2/9.
        let m2 = member(d(1996, 5, 20));
        assert!(candidates([(2, &m2)], &none, d(2026, 5, 19)).is_empty());
        assert_eq!(candidates([(2, &m2)], &none, d(2026, 9, 2)).len(), 1);
    }

    #[test]
    fn seriously_ill_members_may_be_awarded_early() {
        // 30 years on 19/05/2027: 12 months early reaches back to 19/05/2026.
        let m = member(d(1997, 5, 19));
        let ill = records(1, true);
        let well = records(1, false);
        let early = |r: &BTreeMap<_, _>, p| candidates([(1, &m)], r, p);
        assert!(early(&ill, d(2026, 2, 3)).is_empty(), "15 months early");
        let c = early(&ill, d(2026, 5, 19));
        assert_eq!((c[0].milestone, c[0].basis), (30, Basis::EarlyIllness));
        assert!(early(&well, d(2026, 5, 19)).is_empty());
        // 70 years: 24 months early.
        let old = member(d(1958, 9, 2));
        let c = candidates([(1, &old)], &ill, d(2026, 9, 2));
        assert_eq!((c[0].milestone, c[0].basis), (70, Basis::EarlyIllness));
        assert_eq!(c[0].reached_on, d(2028, 9, 2));
        assert!(candidates([(1, &old)], &ill, d(2026, 5, 19)).is_empty());
        // 65 years (on 02/09/2027): only 12 months.
        let sixty_five = member(d(1962, 9, 2));
        assert!(candidates([(1, &sixty_five)], &ill, d(2026, 5, 19)).is_empty());
        let c = candidates([(1, &sixty_five)], &ill, d(2026, 9, 2));
        assert_eq!((c[0].milestone, c[0].basis), (65, Basis::EarlyIllness));
        assert_eq!(
            candidates([(1, &sixty_five)], &ill, d(2027, 9, 2))[0].basis,
            Basis::Due
        );
    }

    #[test]
    fn an_award_takes_the_milestone_off_later_lists() {
        let m = member(d(1997, 5, 19));
        let mut r = records(1, true);
        if let Some(rec) = r.get_mut(&1) {
            rec.set_award(Award {
                milestone: 30,
                date: d(2026, 9, 2),
                decision: "QĐ 123".into(),
            });
        }
        let c = candidates([(1, &m)], &r, d(2026, 9, 2));
        assert_eq!(
            c[0].awarded.as_ref().map(|a| a.decision.as_str()),
            Some("QĐ 123")
        );
        assert!(candidates([(1, &m)], &r, d(2026, 11, 7)).is_empty());
        assert!(candidates([(1, &m)], &r, d(2027, 5, 19)).is_empty());
    }

    #[test]
    fn a_badge_may_be_awarded_posthumously_up_to_12_months_early() {
        let mut m = member(d(1996, 12, 1)); // 30 years on 01/12/2026
        m.events.push(ev(d(2026, 4, 10), EventKind::Died));
        let none = BTreeMap::new();
        let c = candidates([(1, &m)], &none, d(2026, 5, 19));
        assert_eq!((c[0].milestone, c[0].basis), (30, Basis::Posthumous));
        assert!(candidates([(1, &m)], &none, d(2026, 12, 1)).is_empty());
        // More than 12 months before the milestone: no badge.
        let mut far = member(d(1997, 6, 1));
        far.events.push(ev(d(2026, 4, 10), EventKind::Died));
        assert!(candidates([(1, &far)], &none, d(2026, 5, 19)).is_empty());
    }

    #[test]
    fn rule_22_5_party_age_counts_from_the_decision_and_probation_from_the_ceremony() {
        // rules.md §13 (Điều lệ Đ.5 k.4, QĐ 24 §4.5.1): decided 10/01/1996, ceremony
        // 03/02/1996. The 30-year badge is reached on 10/01/2026, not 03/02/2026.
        let mut m = member(d(1996, 2, 3));
        m.events[0].papers.decided_on = Some(d(1996, 1, 10));
        assert_eq!(m.admitted_on(), Some(d(1996, 2, 3)), "joining = ceremony");
        assert_eq!(m.party_age_from(), Some(d(1996, 1, 10)));
        assert_eq!(milestone_date(&m, 30, d(2026, 1, 1)), Some(d(2026, 1, 10)));
        assert_eq!(membership_years(&m, d(2026, 1, 9)), Some(29));
        assert_eq!(membership_years(&m, d(2026, 1, 10)), Some(30));
        // Probation (12 months) still ends a year after the ceremony.
        assert_eq!(
            crate::domain::validate::probation_end(m.admitted_on().unwrap()),
            d(1997, 2, 3)
        );
        // No decision date recorded (or one after the ceremony): the date of joining.
        m.events[0].papers.decided_on = Some(d(1996, 3, 1));
        assert_eq!(m.party_age_from(), Some(d(1996, 2, 3)));
        m.events[0].papers.decided_on = None;
        assert_eq!(membership_years(&m, d(2026, 2, 2)), Some(29));
        assert_eq!(membership_years(&m, d(2026, 2, 3)), Some(30));
    }
}
