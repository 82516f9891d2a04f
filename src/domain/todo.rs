//! "Việc cần làm": everything that needs the secretary's attention, soonest first, each
//! with why (the rule). Each capability adds its items here.

use chrono::{Datelike, Months, NaiveDate};

use super::lifecycle::{self, LifeWarning};
use super::meeting::{self, Meeting, MeetingId, MeetingKind};
use super::member::{Member, MemberId, Status};
use super::review;
use super::rules::{self, RuleId};

/// What needs doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TodoKind {
    /// No regular meeting yet this month (year, month).
    RegularThisMonth(i32, u32),
    /// A past month of this year without a regular meeting.
    MonthWithoutRegular(i32, u32),
    /// A past quarter of this year without a thematic meeting.
    QuarterWithoutThematic(i32, u32),
    /// Minutes still a draft (meeting, document number).
    DraftMinutes(MeetingId, u32),
    /// A task assigned at a meeting falls due (meeting, who, what).
    Task(MeetingId, String, String),
    /// A reminder about a member.
    Member(MemberId, String, LifeWarning),
    /// A probationary member's 12 months end: the recognition vote is due by the date
    /// (member, name, end of probation).
    Recognition(MemberId, String, NaiveDate),
    /// Unpaid dues in this many months of the year (member, name, months).
    DuesArrears(MemberId, String, u32),
    /// A member reaches a badge milestone before the next presentation date
    /// (member, name, years, presentation date).
    Badge(MemberId, String, u32, NaiveDate),
    /// A candidate's next step is due or overdue (candidate, name, last day).
    Candidate(u64, String, NaiveDate),
    /// The review season is open and members still have no result (year, how many).
    ReviewSeason(i32, u32),
    /// A check of a rule of the regulations (#22, #23); its text names the rule.
    Check(Check),
    /// A liaison member's comment of the year is not sent (QĐ 213; id, name, year).
    LiaisonComment(u64, String, i32),
}

/// Items from rule checks added by #22 and #23 (texts in `i18n::checks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Điều lệ Đ.24 k.1: the branch has fewer official members than the rule's minimum
    /// (official members today, the minimum).
    FewOfficialMembers(u32, u32),
    /// QĐ 24 4.2.3: three recognition votes without 2/3 either way; the superior
    /// committee decides (candidate, name, date of the third vote).
    AwaitingSuperior(u64, String, NaiveDate),
}

/// Official members of the branch on `on` (exempt and away members included: they remain
/// the branch's members; hosted ones are members elsewhere).
pub fn official_members<'a>(members: impl IntoIterator<Item = &'a Member>, on: NaiveDate) -> u32 {
    members
        .into_iter()
        .filter(|m| {
            let s = m.status_at(on);
            s.is_active() && s != Status::TemporarilyHosted
        })
        .filter(|m| m.membership_at(on) == Some(super::member::Membership::Official))
        .count() as u32
}

/// Rule Điều lệ Đ.24 k.1 (#22.3): the warning when a branch with members on its roll has
/// fewer official members than the minimum.
pub fn few_official_members<'a>(
    members: impl IntoIterator<Item = &'a Member>,
    on: NaiveDate,
) -> Option<Check> {
    let mut any = false;
    let n = official_members(members.into_iter().inspect(|_| any = true), on);
    let min = rules::value(RuleId::MinOfficialMembers) as u32;
    (any && n < min).then_some(Check::FewOfficialMembers(n, min))
}

/// What the other capabilities contribute to the list, computed by their own rules.
#[derive(Debug, Clone, Default)]
pub struct Extra {
    /// Members flagged for unpaid dues: id, name, months.
    pub dues: Vec<(MemberId, String, u32)>,
    /// Badge proposals for the next presentation date: id, name, years, date.
    pub badges: Vec<(MemberId, String, u32, NaiveDate)>,
    /// Candidates whose next step is due soon or overdue: id, name, last day.
    pub candidates: Vec<(u64, String, NaiveDate)>,
    /// Candidates awaiting the superior committee (#23.3): id, name, date of the last vote
    /// ([`super::admission::awaiting_superior`]).
    pub awaiting_superior: Vec<(u64, String, NaiveDate)>,
    /// Members of this year's review without a result, when the season is open: fill it
    /// with [`Extra::with_review`] (the one definition of "not yet graded", #23.2).
    pub review_pending: Option<(i32, u32)>,
    /// Liaison members whose comment of this year is due and not sent: fill it with
    /// [`Extra::with_liaison`].
    pub liaison: Vec<(u64, String, i32)>,
}

impl Extra {
    /// Sets the candidates awaiting the superior committee (#23.3).
    pub fn with_admission(
        mut self,
        cands: &[(super::admission::CandidateId, &super::admission::Candidate)],
    ) -> Self {
        self.awaiting_superior = super::admission::awaiting_superior(cands);
        self
    }

    /// Sets the liaison members whose comment of `today`'s year is due and not sent
    /// ([`super::liaison::comments_due`]: from the rules table's month, no exempt kind).
    pub fn with_liaison(
        mut self,
        list: &[(super::liaison::LiaisonId, super::liaison::Liaison)],
        today: NaiveDate,
    ) -> Self {
        let due = super::liaison::comments_due(list, today);
        self.liaison = super::liaison::sorted(list)
            .into_iter()
            .filter(|(id, _)| due.contains(id))
            .map(|(id, l)| (id, l.full_name.clone(), today.year()))
            .collect();
        self
    }

    /// Sets the review-season item from today's year's review rows
    /// ([`review::season_pending`], counting [`review::not_yet_graded`]).
    pub fn with_review(mut self, rows: &[review::YearRow], today: NaiveDate) -> Self {
        self.review_pending = review::season_pending(rows, today);
        self
    }
}

/// One item of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoItem {
    /// When it is due (None: as soon as possible).
    pub due: Option<NaiveDate>,
    /// What.
    pub kind: TodoKind,
}

impl TodoItem {
    /// The member the item is about, if any.
    pub fn member(&self) -> Option<MemberId> {
        match &self.kind {
            TodoKind::Member(id, ..)
            | TodoKind::Recognition(id, ..)
            | TodoKind::DuesArrears(id, ..)
            | TodoKind::Badge(id, ..) => Some(*id),
            _ => None,
        }
    }

    /// The meeting the item is about, if any.
    pub fn meeting(&self) -> Option<MeetingId> {
        match &self.kind {
            TodoKind::DraftMinutes(id, _) | TodoKind::Task(id, ..) => Some(*id),
            _ => None,
        }
    }
}

fn month_end(year: i32, month: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first)
}

/// Collects the items for `today`, soonest first (undated ones first: they are overdue).
pub fn collect<'a>(
    members: &[(MemberId, &'a Member)],
    meetings: &[(MeetingId, &'a Meeting)],
    today: NaiveDate,
) -> Vec<TodoItem> {
    collect_with(members, meetings, &Extra::default(), today)
}

/// [`collect`] with the items of dues, badges, admissions and the review.
pub fn collect_with<'a>(
    members: &[(MemberId, &'a Member)],
    meetings: &[(MeetingId, &'a Meeting)],
    extra: &Extra,
    today: NaiveDate,
) -> Vec<TodoItem> {
    let mut items = Vec::new();
    let year = today.year();
    let this_year: Vec<&Meeting> = meetings
        .iter()
        .map(|(_, m)| *m)
        .filter(|m| m.date.year() == year)
        .collect();
    // Điều lệ Đ.24: a regular meeting every month; HD 12-2018: a thematic one each quarter.
    let regular_this_month = this_year
        .iter()
        .any(|m| m.kind == MeetingKind::Regular && m.date.month() == today.month());
    if !regular_this_month {
        items.push(TodoItem {
            due: Some(month_end(year, today.month())),
            kind: TodoKind::RegularThisMonth(year, today.month()),
        });
    }
    let g = meeting::year_glance(this_year.iter().copied(), year, today);
    for m in g.months_without_regular {
        items.push(TodoItem {
            due: Some(month_end(year, m)),
            kind: TodoKind::MonthWithoutRegular(year, m),
        });
    }
    for q in g.quarters_without_thematic {
        items.push(TodoItem {
            due: Some(month_end(year, q * 3)),
            kind: TodoKind::QuarterWithoutThematic(year, q),
        });
    }
    let soon = rules::value(RuleId::EndingSoonDays);
    for (id, m) in meetings {
        if m.approved.is_none() && m.date <= today {
            items.push(TodoItem {
                due: Some(m.date),
                kind: TodoKind::DraftMinutes(*id, m.number),
            });
        }
        for t in &m.tasks {
            if let Some(due) = t.due {
                let days = (due - today).num_days();
                if (-soon..=soon).contains(&days) {
                    items.push(TodoItem {
                        due: Some(due),
                        kind: TodoKind::Task(*id, t.who.clone(), t.what.clone()),
                    });
                }
            }
        }
    }
    let all_meetings: Vec<&Meeting> = meetings.iter().map(|(_, m)| *m).collect();
    for (id, m) in members {
        let months = meeting::unexcused_months(all_meetings.iter().copied(), *id, year);
        for w in lifecycle::reminders(m, today, months) {
            let due = match w {
                LifeWarning::ExemptionEndingSoon(d)
                | LifeWarning::ExemptionOverdue(d)
                | LifeWarning::TemporaryTransferEnding(d)
                | LifeWarning::TransferDue(d) => Some(d),
                _ => None,
            };
            items.push(TodoItem {
                due,
                kind: TodoKind::Member(*id, m.full_name.clone(), w),
            });
        }
        // QĐ 294 điểm 4.2: the recognition vote within 30 working days after 12 months.
        if (m.status_at(today) == Status::Probationary
            || (m.status_at(today).is_exempt() && m.recognized_on().is_none()))
            && let Some(admitted) = m.admitted_on()
        {
            let months = rules::value(RuleId::ProbationMonths) as u32;
            let end = admitted
                .checked_add_months(Months::new(months))
                .unwrap_or(admitted);
            if (end - today).num_days() <= soon * 2 {
                let deadline = super::admission::recognition_deadline(end);
                items.push(TodoItem {
                    due: Some(deadline),
                    kind: TodoKind::Recognition(*id, m.full_name.clone(), end),
                });
            }
        }
    }
    for (id, name, months) in &extra.dues {
        items.push(TodoItem {
            due: None,
            kind: TodoKind::DuesArrears(*id, name.clone(), *months),
        });
    }
    for (id, name, years, date) in &extra.badges {
        items.push(TodoItem {
            due: Some(*date),
            kind: TodoKind::Badge(*id, name.clone(), *years, *date),
        });
    }
    for (id, name, date) in &extra.candidates {
        items.push(TodoItem {
            due: Some(*date),
            kind: TodoKind::Candidate(*id, name.clone(), *date),
        });
    }
    for (id, name, last) in &extra.awaiting_superior {
        items.push(TodoItem {
            due: None,
            kind: TodoKind::Check(Check::AwaitingSuperior(*id, name.clone(), *last)),
        });
    }
    if let Some(c) = few_official_members(members.iter().map(|(_, m)| *m), today) {
        items.push(TodoItem {
            due: None,
            kind: TodoKind::Check(c),
        });
    }
    if let Some((year, n)) = extra.review_pending {
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
        items.push(TodoItem {
            due: Some(end),
            kind: TodoKind::ReviewSeason(year, n),
        });
    }
    for (id, name, year) in &extra.liaison {
        items.push(TodoItem {
            due: NaiveDate::from_ymd_opt(*year, 12, 31),
            kind: TodoKind::LiaisonComment(*id, name.clone(), *year),
        });
    }
    items.sort_by(|a, b| {
        a.due
            .is_some()
            .cmp(&b.due.is_some())
            .then(a.due.cmp(&b.due))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_probationary_member_due_for_recognition_is_listed_with_the_deadline() {
        let m = Member {
            full_name: "Lê Văn Mới".into(),
            events: vec![MemberEvent::new(d(2025, 12, 10), EventKind::Admitted, "")],
            ..Member::default()
        };
        let items = collect(&[(1, &m)], &[], d(2026, 11, 21));
        let rec = items
            .iter()
            .find(|i| matches!(i.kind, TodoKind::Recognition(..)))
            .expect("listed");
        // 12 months end on 10/12/2026; 30 working days later is 21/01/2027.
        assert_eq!(
            rec.kind,
            TodoKind::Recognition(1, "Lê Văn Mới".into(), d(2026, 12, 10))
        );
        assert_eq!(
            rec.due,
            Some(crate::domain::calendar::add_working_days(
                d(2026, 12, 10),
                30
            ))
        );
        assert_eq!(rec.member(), Some(1));
        let none = collect(&[(1, &m)], &[], d(2026, 8, 1));
        assert!(
            !none
                .iter()
                .any(|i| matches!(i.kind, TodoKind::Recognition(..))),
            "not yet"
        );
    }

    #[test]
    fn no_regular_meeting_this_month_is_listed_and_items_are_sorted() {
        let items = collect(&[], &[], d(2026, 3, 5));
        assert_eq!(items[0].kind, TodoKind::MonthWithoutRegular(2026, 1));
        assert!(
            items
                .iter()
                .any(|i| i.kind == TodoKind::RegularThisMonth(2026, 3))
        );
        let dues: Vec<_> = items.iter().map(|i| i.due).collect();
        let mut sorted = dues.clone();
        sorted.sort();
        assert_eq!(dues, sorted);
    }

    fn official(name: &str, admitted: NaiveDate) -> Member {
        let mut m = Member {
            full_name: name.into(),
            ..Member::default()
        };
        m.add_event(MemberEvent::new(admitted, EventKind::Admitted, ""));
        m.add_event(MemberEvent::new(
            admitted.checked_add_months(Months::new(12)).unwrap(),
            EventKind::Recognized,
            "",
        ));
        m
    }

    #[test]
    fn rule_22_3_a_branch_needs_three_official_members() {
        // Điều lệ Đ.24 k.1: at least 3 official members.
        let a = official("A", d(2000, 1, 1));
        let b = official("B", d(2000, 1, 1));
        let c = official("C", d(2025, 12, 10)); // official from 10/12/2026
        let today = d(2026, 12, 9);
        let few = |ms: &[(MemberId, &Member)], on| {
            collect(ms, &[], on)
                .into_iter()
                .filter(|i| matches!(i.kind, TodoKind::Check(Check::FewOfficialMembers(..))))
                .collect::<Vec<_>>()
        };
        let all = [(1, &a), (2, &b), (3, &c)];
        assert_eq!(
            few(&all, today)[0].kind,
            TodoKind::Check(Check::FewOfficialMembers(2, 3))
        );
        assert!(
            few(&all, d(2026, 12, 10)).is_empty(),
            "3 official: no warning"
        );
        assert!(
            few(&[], today).is_empty(),
            "an empty register is not warned"
        );
    }
}
