//! A member's life in the branch: recording dated events with their papers (exemptions,
//! transfers, suspension, discipline, removal, death), checking them, and the reminders
//! they raise (rules.md §5, §7). Status everywhere is derived from these events.

use chrono::{Datelike, NaiveDate};

use super::calendar;
use super::date;
use super::member::{
    DisciplineLevel, EventKind, EventPapers, ExemptionReason, Gender, Member, MemberEvent,
    RemovalCause, Status,
};
use super::rules::{self, RuleId};
use super::text;
use super::validate::Problem;

/// The events the secretary records by hand (admission and recognition come from the
/// member form and the admission pipeline), in form order.
pub const RECORDABLE: &[EventKind] = &[
    EventKind::ExemptionStarted { full: false },
    EventKind::ExemptionStarted { full: true },
    EventKind::ExemptionEnded,
    EventKind::TemporaryTransferOutStarted,
    EventKind::TemporaryTransferOutEnded,
    EventKind::TemporaryTransferInStarted,
    EventKind::TemporaryTransferInEnded,
    EventKind::TransferredOut,
    EventKind::TransferredIn,
    EventKind::Suspended,
    EventKind::SuspensionEnded,
    EventKind::Disciplined,
    EventKind::Rewarded,
    EventKind::RemovalProposed,
    EventKind::Removed,
    EventKind::Expelled,
    EventKind::Died,
];

/// The fields of the event form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventField {
    /// Loại sự kiện.
    Kind,
    /// Ngày (hiệu lực).
    Date,
    /// Lý do miễn (category).
    ExemptionReason,
    /// Hình thức kỷ luật.
    Discipline,
    /// Lý do xóa tên.
    RemovalCause,
    /// Tổ chức đảng nơi đi / đến.
    Organisation,
    /// Ngày đơn.
    AppliedOn,
    /// Số nghị quyết / quyết định.
    Decision,
    /// Ngày nghị quyết / quyết định.
    DecidedOn,
    /// Ngày báo cáo cấp trên.
    ReportedOn,
    /// Đến ngày.
    EndsOn,
    /// Đảng phí đã đóng đến tháng (mm/yyyy).
    DuesPaidTo,
    /// Ghi chú / lý do cụ thể.
    Note,
    /// Cấp quyết định (rewards, discipline).
    Issuer,
}

/// The fields the form shows for an event kind, in order.
pub fn fields_for(kind: EventKind) -> Vec<EventField> {
    use EventField as F;
    use EventKind as K;
    let mut v = vec![F::Kind, F::Date];
    v.extend(match kind {
        K::ExemptionStarted { full: false } => {
            vec![
                F::ExemptionReason,
                F::EndsOn,
                F::AppliedOn,
                F::Decision,
                F::DecidedOn,
                F::ReportedOn,
            ]
        }
        K::ExemptionStarted { full: true } => vec![
            F::ExemptionReason,
            F::AppliedOn,
            F::Decision,
            F::DecidedOn,
            F::ReportedOn,
        ],
        K::ExemptionEnded => vec![F::AppliedOn, F::Decision, F::DecidedOn],
        K::TemporaryTransferOutStarted | K::TemporaryTransferInStarted => {
            vec![F::Organisation, F::EndsOn, F::DuesPaidTo]
        }
        K::TransferredOut | K::TransferredIn => {
            vec![F::Organisation, F::Decision, F::DecidedOn, F::DuesPaidTo]
        }
        K::Suspended => vec![F::Decision, F::DecidedOn, F::EndsOn],
        K::Disciplined => vec![F::Discipline, F::Decision, F::DecidedOn, F::Issuer],
        K::Rewarded => vec![F::Decision, F::DecidedOn, F::Issuer],
        K::RemovalProposed => vec![F::RemovalCause],
        K::Removed => vec![F::RemovalCause, F::Decision, F::DecidedOn],
        K::Expelled => vec![F::Decision, F::DecidedOn],
        _ => vec![],
    });
    v.push(F::Note);
    v
}

/// Whether a field must be filled for an event kind.
pub fn required(kind: EventKind, f: EventField) -> bool {
    use EventField as F;
    matches!(
        (kind, f),
        (_, F::Kind | F::Date)
            | (EventKind::ExemptionStarted { .. }, F::ExemptionReason)
            | (EventKind::ExemptionStarted { full: false }, F::EndsOn)
            | (
                EventKind::TemporaryTransferOutStarted | EventKind::TemporaryTransferInStarted,
                F::EndsOn
            )
            | (EventKind::Disciplined, F::Discipline)
            | (
                EventKind::RemovalProposed | EventKind::Removed,
                F::RemovalCause
            )
    )
}

/// The event form's values, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventDraft {
    /// Index into [`RECORDABLE`].
    pub kind: Option<usize>,
    /// Text per field.
    pub text: Vec<(EventField, String)>,
    /// Exemption reason.
    pub exemption_reason: Option<ExemptionReason>,
    /// Discipline level.
    pub discipline: Option<DisciplineLevel>,
    /// Removal cause.
    pub removal_cause: Option<RemovalCause>,
}

impl EventDraft {
    fn get(&self, f: EventField) -> &str {
        self.text
            .iter()
            .find(|(x, _)| *x == f)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A warning raised by an event or by the passing of time, naming its rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifeWarning {
    /// A temporary exemption ends within the reminder window (end date).
    ExemptionEndingSoon(NaiveDate),
    /// A temporary exemption is past its end and no return was recorded.
    ExemptionOverdue(NaiveDate),
    /// A full exemption for someone younger than the parameter (age, rule).
    ExemptionYoung(i32, RuleId),
    /// A full exemption without a health reason.
    ExemptionNoHealthReason,
    /// A temporary exemption longer than the usual maximum (months).
    ExemptionTooLong(i32),
    /// A temporary transfer ends soon or is over (end date).
    TemporaryTransferEnding(NaiveDate),
    /// An official transfer took longer than the working-day limit (working days).
    TransferLate(u32),
    /// Old and often absent: maybe an exemption rather than a removal (months absent).
    MaybeExemption(u32),
    /// Absent without reason in this many months of the year: the removal rule's count.
    UnexcusedAbsences(u32),
    /// An official transfer is decided and must be completed by this date (60 working days).
    TransferDue(NaiveDate),
}

/// Parses "mm/yyyy" (also "m/yyyy").
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let (m, y) = s.trim().split_once('/')?;
    let (m, y): (u32, i32) = (m.trim().parse().ok()?, y.trim().parse().ok()?);
    ((1..=12).contains(&m) && (1900..=2100).contains(&y)).then_some((y, m))
}

/// Checks an event for a member. Returns the event and its warnings, or the refused fields.
/// What `check_event` gives: the event and its warnings, or each bad field and why.
pub type EventCheck = Result<(MemberEvent, Vec<LifeWarning>), Vec<(EventField, Problem)>>;

/// The timeline must stay coherent: an exemption, transfer or suspension can only end if
/// it is in force; nothing happens to someone who left the Party before that date.
pub fn check_event(draft: &EventDraft, member: &Member, today: NaiveDate) -> EventCheck {
    use EventField as F;
    let mut errors = Vec::new();
    let Some(kind) = draft.kind.and_then(|i| RECORDABLE.get(i).copied()) else {
        return Err(vec![(F::Kind, Problem::Required)]);
    };
    let mut day =
        |f: EventField| match date::parse_user_opt_date(draft.get(f), today, date::DateRole::Event)
        {
            Ok(d) => d,
            Err(e) => {
                errors.push((f, Problem::Date(e)));
                None
            }
        };
    let when = day(F::Date);
    let papers = EventPapers {
        applied_on: day(F::AppliedOn),
        decided_on: day(F::DecidedOn),
        reported_on: day(F::ReportedOn),
        ends_on: day(F::EndsOn),
        decision: text::clean(draft.get(F::Decision)),
        organisation: text::clean(draft.get(F::Organisation)),
        dues_paid_to: None,
        exemption_reason: draft.exemption_reason,
        discipline: draft.discipline,
        removal_cause: draft.removal_cause,
        issuer: text::clean(draft.get(F::Issuer)),
    };
    let mut papers = papers;
    let dues = draft.get(F::DuesPaidTo);
    if !dues.trim().is_empty() {
        match parse_month(dues) {
            Some(m) => papers.dues_paid_to = Some(m),
            None => errors.push((F::DuesPaidTo, Problem::MonthFormat)),
        }
    }
    for f in fields_for(kind) {
        let empty = match f {
            F::ExemptionReason => papers.exemption_reason.is_none(),
            F::Discipline => papers.discipline.is_none(),
            F::RemovalCause => papers.removal_cause.is_none(),
            F::Kind => false,
            other => draft.get(other).trim().is_empty(),
        };
        if empty && required(kind, f) && !errors.iter().any(|(x, _)| *x == f) {
            errors.push((f, Problem::Required));
        }
    }
    let Some(when) = when else {
        return Err(errors);
    };
    if let Some(end) = papers.ends_on
        && end <= when
    {
        errors.push((F::EndsOn, Problem::EndBeforeStart));
    }
    // A temporary exemption longer than the rules allow is refused in advance (#22.2).
    if let (EventKind::ExemptionStarted { full: false }, Some(end)) = (kind, papers.ends_on)
        && end > when
        && let Err(r) = super::acts::exemption_length(when, end)
    {
        errors.push((
            F::EndsOn,
            Problem::Rule(super::validate::RuleProblem::Refused(r)),
        ));
    }
    // Coherence with the timeline on that date.
    let status = member.status_at(when);
    let in_force = match kind {
        EventKind::ExemptionEnded => status.is_exempt(),
        EventKind::TemporaryTransferOutEnded => member
            .last_event_of(
                &[
                    EventKind::TemporaryTransferOutStarted,
                    EventKind::TemporaryTransferOutEnded,
                ],
                when,
            )
            .is_some_and(|e| e.kind == EventKind::TemporaryTransferOutStarted),
        EventKind::TemporaryTransferInEnded => status == Status::TemporarilyHosted,
        EventKind::SuspensionEnded => status == Status::Suspended,
        EventKind::TransferredIn => true,
        _ => status.is_active(),
    };
    if member.admitted_on().is_none_or(|a| when < a) && kind != EventKind::TransferredIn {
        errors.push((F::Date, Problem::BeforeAdmission));
    } else if !in_force {
        errors.push((F::Date, Problem::NotInForce));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let event = MemberEvent {
        date: when,
        kind,
        note: text::clean_multiline(draft.get(F::Note)),
        papers,
    };
    let warnings = event_warnings(member, &event, today);
    Ok((event, warnings))
}

/// Rules HD 27-HD/BTCTW 2009 (full exemption: old age and poor health, both): warnings,
/// never blocks (the definitions are unverified since the Labour Code 2019). A temporary
/// exemption longer than the rules table's limit is refused by [`check_event`]; the warning
/// remains for one recorded before that.
pub fn event_warnings(member: &Member, e: &MemberEvent, today: NaiveDate) -> Vec<LifeWarning> {
    let mut w = Vec::new();
    match e.kind {
        EventKind::ExemptionStarted { full: true } => {
            let rule = match member.gender {
                Some(Gender::Female) => RuleId::FullExemptionMinAgeFemale,
                _ => RuleId::FullExemptionMinAgeMale,
            };
            if let Some(b) = member.birth_date {
                let age = date::age_years(b, e.date);
                if i64::from(age) < rules::value(rule) {
                    w.push(LifeWarning::ExemptionYoung(age, rule));
                }
            }
            let health = matches!(
                e.papers.exemption_reason,
                Some(ExemptionReason::OldAndWeak | ExemptionReason::LongTreatment)
            );
            if !health {
                w.push(LifeWarning::ExemptionNoHealthReason);
            }
        }
        EventKind::ExemptionStarted { full: false } => {
            if let Some(end) = e.papers.ends_on {
                let months = date::months_between(e.date, end);
                if i64::from(months) > rules::value(RuleId::TemporaryExemptionMaxMonths) {
                    w.push(LifeWarning::ExemptionTooLong(months));
                }
            }
        }
        EventKind::TransferredOut => {
            if let Some(decided) = e.papers.decided_on {
                let days = calendar::working_days_between(decided, e.date);
                if i64::from(days) > rules::value(RuleId::TransferWorkingDays) {
                    w.push(LifeWarning::TransferLate(days));
                }
            }
        }
        _ => {}
    }
    let _ = today;
    w
}

/// Reminders for a member today: temporary exemptions or transfers ending within the
/// window or overdue; an old member absent without reason for months who may need an
/// exemption rather than a removal (`unexcused_months` from the meetings of the year).
pub fn reminders(member: &Member, today: NaiveDate, unexcused_months: u32) -> Vec<LifeWarning> {
    let mut w = Vec::new();
    let window = rules::value(RuleId::EndingSoonDays);
    let status = member.status_at(today);
    if let Some(e) = member.exemption_at(today)
        && let (EventKind::ExemptionStarted { full: false }, Some(end)) = (e.kind, e.papers.ends_on)
    {
        let left = (end - today).num_days();
        if left < 0 {
            w.push(LifeWarning::ExemptionOverdue(end));
        } else if left <= window {
            w.push(LifeWarning::ExemptionEndingSoon(end));
        }
    }
    if matches!(status, Status::TemporarilyAway | Status::TemporarilyHosted) {
        let kinds = [
            EventKind::TemporaryTransferOutStarted,
            EventKind::TemporaryTransferInStarted,
        ];
        if let Some(end) = member
            .last_event_of(&kinds, today)
            .and_then(|e| e.papers.ends_on)
            && (end - today).num_days() <= window
        {
            w.push(LifeWarning::TemporaryTransferEnding(end));
        }
    }
    // QĐ 294 điểm 6.3.1a: a decided official transfer (recorded ahead of its date) must be
    // done within 60 working days of the decision.
    for e in member
        .events
        .iter()
        .filter(|e| e.kind == EventKind::TransferredOut && e.date > today)
    {
        let from = e.papers.decided_on.unwrap_or(today);
        let deadline =
            calendar::add_working_days(from, rules::value(RuleId::TransferWorkingDays) as u32);
        w.push(LifeWarning::TransferDue(deadline));
    }
    let old = member.birth_date.is_some_and(|b| {
        i64::from(date::age_years(b, today)) >= rules::value(RuleId::SuggestExemptionAge)
    });
    let active = status.is_active() && !status.is_exempt();
    if active && super::meeting::absence_flag(unexcused_months) {
        w.push(LifeWarning::UnexcusedAbsences(unexcused_months));
    }
    if old && active && unexcused_months >= 2 {
        w.push(LifeWarning::MaybeExemption(unexcused_months));
    }
    w
}

/// One row of the list of exempted members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptRow {
    /// Full or temporary.
    pub full: bool,
    /// Why.
    pub reason: Option<ExemptionReason>,
    /// The reason in words.
    pub note: String,
    /// Since.
    pub since: NaiveDate,
    /// Until (temporary).
    pub until: Option<NaiveDate>,
    /// The decision ("03-NQ/CB, 28/02/2024").
    pub decision: String,
}

/// The exemption in force on `on`, as a list row.
pub fn exempt_row(member: &Member, on: NaiveDate) -> Option<ExemptRow> {
    let e = member.exemption_at(on)?;
    let decision = match (e.papers.decision.is_empty(), e.papers.decided_on) {
        (false, Some(d)) => format!("{}, {}", e.papers.decision, date::format_date(d)),
        (false, None) => e.papers.decision.clone(),
        (true, Some(d)) => date::format_date(d),
        (true, None) => String::new(),
    };
    Some(ExemptRow {
        full: e.kind == EventKind::ExemptionStarted { full: true },
        reason: e.papers.exemption_reason,
        note: e.note.clone(),
        since: e.date,
        until: e.papers.ends_on,
        decision,
    })
}

/// Every exemption period of a member: the start event and the date it ended (the
/// recorded return), `None` while still in force.
pub fn exemption_periods(member: &Member) -> Vec<(&MemberEvent, Option<NaiveDate>)> {
    let mut out: Vec<(&MemberEvent, Option<NaiveDate>)> = Vec::new();
    for e in &member.events {
        match e.kind {
            EventKind::ExemptionStarted { .. } => out.push((e, None)),
            EventKind::ExemptionEnded => {
                if let Some(last) = out.last_mut().filter(|(_, end)| end.is_none()) {
                    last.1 = Some(e.date);
                }
            }
            _ => {}
        }
    }
    out
}

/// The exemption rows of a member for a year: periods that overlap it.
pub fn exempt_rows_in_year(member: &Member, year: i32) -> Vec<ExemptRow> {
    exemption_periods(member)
        .into_iter()
        .filter(|(start, end)| start.date.year() <= year && end.is_none_or(|d| d.year() >= year))
        .filter_map(|(start, _)| exempt_row(member, start.date))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member() -> Member {
        Member {
            full_name: "Trần Văn Bảy".into(),
            gender: Some(Gender::Male),
            birth_date: Some(d(1980, 1, 1)),
            events: vec![
                MemberEvent::new(d(2005, 1, 1), EventKind::Admitted, ""),
                MemberEvent::new(d(2006, 1, 1), EventKind::Recognized, ""),
            ],
            ..Member::default()
        }
    }

    fn draft(kind: EventKind, fields: &[(EventField, &str)]) -> EventDraft {
        EventDraft {
            kind: RECORDABLE.iter().position(|k| *k == kind),
            text: fields.iter().map(|(f, v)| (*f, v.to_string())).collect(),
            exemption_reason: Some(ExemptionReason::WorkingAway),
            ..EventDraft::default()
        }
    }

    #[test]
    fn a_temporary_exemption_needs_its_end_and_reason() {
        let m = member();
        let today = d(2026, 11, 21);
        let mut dr = draft(
            EventKind::ExemptionStarted { full: false },
            &[(EventField::Date, "01/03/2026")],
        );
        dr.exemption_reason = None;
        let errs = check_event(&dr, &m, today).unwrap_err();
        assert!(errs.contains(&(EventField::EndsOn, Problem::Required)));
        assert!(errs.contains(&(EventField::ExemptionReason, Problem::Required)));
        let dr = draft(
            EventKind::ExemptionStarted { full: false },
            &[
                (EventField::Date, "01/03/2026"),
                (EventField::EndsOn, "01/06/2027"),
                (EventField::Decision, "05-NQ/CB"),
            ],
        );
        // Longer than the rules table's maximum: refused on the end date, nothing made.
        let errs = check_event(&dr, &m, today).unwrap_err();
        assert_eq!(
            errs,
            vec![(
                EventField::EndsOn,
                Problem::Rule(crate::domain::validate::RuleProblem::Refused(
                    crate::domain::acts::Refusal::EndsTooLate {
                        rule: RuleId::TemporaryExemptionMaxMonths,
                        months: 12,
                        latest: d(2027, 3, 1),
                    }
                ))
            )]
        );
        let mut dr = dr;
        dr.text.retain(|(f, _)| *f != EventField::EndsOn);
        dr.text.push((EventField::EndsOn, "01/03/2027".into()));
        let (e, w) = check_event(&dr, &m, today).unwrap();
        assert_eq!(e.papers.decision, "05-NQ/CB");
        assert_eq!(w, vec![]);
    }

    #[test]
    fn an_exemption_can_only_end_if_in_force() {
        let mut m = member();
        let today = d(2026, 11, 21);
        let end = draft(
            EventKind::ExemptionEnded,
            &[(EventField::Date, "01/10/2026")],
        );
        assert_eq!(
            check_event(&end, &m, today).unwrap_err(),
            vec![(EventField::Date, Problem::NotInForce)]
        );
        m.add_event(MemberEvent::new(
            d(2026, 3, 1),
            EventKind::ExemptionStarted { full: false },
            "",
        ));
        let (e, _) = check_event(&end, &m, today).unwrap();
        m.add_event(e);
        assert_eq!(m.status_at(d(2026, 9, 30)), Status::TemporarilyExempt);
        assert_eq!(m.status_at(d(2026, 10, 1)), Status::Official);
        let before = draft(EventKind::Died, &[(EventField::Date, "01/01/2000")]);
        assert_eq!(
            check_event(&before, &m, today).unwrap_err(),
            vec![(EventField::Date, Problem::BeforeAdmission)]
        );
    }

    #[test]
    fn full_exemption_of_a_young_member_warns_with_the_rule() {
        let m = member();
        let mut dr = draft(
            EventKind::ExemptionStarted { full: true },
            &[(EventField::Date, "01/03/2026")],
        );
        dr.exemption_reason = Some(ExemptionReason::Other);
        let (_, w) = check_event(&dr, &m, d(2026, 11, 21)).unwrap();
        assert_eq!(
            w,
            vec![
                LifeWarning::ExemptionYoung(46, RuleId::FullExemptionMinAgeMale),
                LifeWarning::ExemptionNoHealthReason
            ]
        );
    }

    #[test]
    fn reminders_for_endings_and_long_absence() {
        let mut m = member();
        let mut e = MemberEvent::new(
            d(2026, 6, 1),
            EventKind::ExemptionStarted { full: false },
            "",
        );
        e.papers.ends_on = Some(d(2026, 12, 10));
        m.add_event(e);
        assert_eq!(reminders(&m, d(2026, 11, 9), 0), vec![]);
        assert_eq!(
            reminders(&m, d(2026, 11, 10), 0),
            vec![LifeWarning::ExemptionEndingSoon(d(2026, 12, 10))]
        );
        assert_eq!(
            reminders(&m, d(2026, 12, 11), 0),
            vec![LifeWarning::ExemptionOverdue(d(2026, 12, 10))]
        );
        let mut old = member();
        old.birth_date = Some(d(1950, 1, 1));
        assert_eq!(
            reminders(&old, d(2026, 11, 21), 2),
            vec![LifeWarning::MaybeExemption(2)]
        );
        assert_eq!(reminders(&old, d(2026, 11, 21), 1), vec![]);
        assert_eq!(
            reminders(&old, d(2026, 11, 21), 3),
            vec![
                LifeWarning::UnexcusedAbsences(3),
                LifeWarning::MaybeExemption(3)
            ]
        );
    }

    #[test]
    fn a_decided_transfer_reminds_of_its_deadline() {
        let mut m = member();
        let mut e = MemberEvent::new(d(2026, 12, 15), EventKind::TransferredOut, "");
        e.papers.decided_on = Some(d(2026, 11, 2));
        m.add_event(e);
        assert_eq!(
            m.status_at(d(2026, 11, 21)),
            Status::Official,
            "not gone yet"
        );
        let deadline = calendar::add_working_days(d(2026, 11, 2), 60);
        assert_eq!(
            reminders(&m, d(2026, 11, 21), 0),
            vec![LifeWarning::TransferDue(deadline)]
        );
        assert_eq!(
            reminders(&m, d(2026, 12, 15), 0),
            vec![],
            "done on its date"
        );
    }

    #[test]
    fn a_late_official_transfer_is_flagged_in_working_days() {
        let m = member();
        let mut e = MemberEvent::new(d(2026, 5, 8), EventKind::TransferredOut, "");
        e.papers.decided_on = Some(d(2026, 2, 2));
        assert_eq!(
            event_warnings(&m, &e, d(2026, 11, 21)),
            vec![LifeWarning::TransferLate(61)]
        );
        e.date = d(2026, 5, 7);
        assert_eq!(event_warnings(&m, &e, d(2026, 11, 21)), vec![]);
    }

    #[test]
    fn periods_overlap_years() {
        let mut m = member();
        m.add_event(MemberEvent::new(
            d(2024, 5, 1),
            EventKind::ExemptionStarted { full: false },
            "",
        ));
        m.add_event(MemberEvent::new(
            d(2025, 2, 1),
            EventKind::ExemptionEnded,
            "",
        ));
        m.add_event(MemberEvent::new(
            d(2026, 3, 1),
            EventKind::ExemptionStarted { full: true },
            "",
        ));
        assert_eq!(exemption_periods(&m).len(), 2);
        assert_eq!(exempt_rows_in_year(&m, 2024).len(), 1);
        assert_eq!(exempt_rows_in_year(&m, 2025).len(), 1);
        assert_eq!(exempt_rows_in_year(&m, 2026).len(), 1);
        assert!(exempt_rows_in_year(&m, 2026)[0].full);
        assert_eq!(exempt_rows_in_year(&m, 2023).len(), 0);
    }

    #[test]
    fn months_parse() {
        assert_eq!(parse_month("3/2026"), Some((2026, 3)));
        assert_eq!(parse_month("13/2026"), None);
        assert_eq!(parse_month("x"), None);
    }
}
