//! The meetings screen: the list of meetings of a year, and one open meeting with its
//! roll call, minutes, votes and tasks. Every change is saved at once.

use chrono::{Datelike, NaiveDate};

use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::domain::branch::Branch;
use crate::domain::date;
use crate::domain::meeting::{
    self, AgendaItem, Amendment, Mark, Meeting, MeetingField as MF, MeetingId, MeetingKind,
    Speaker, Speech, Task, Threshold, Vote,
};
use crate::domain::text;
use crate::domain::validate::Problem;

pub use crate::i18n::MeetingTab as Tab;

/// A row of the minutes tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesRow {
    /// Agenda item `i`.
    Item(usize),
    /// Speech `s` of item `i`.
    Speech(usize, usize),
    /// The conclusion of item `i`.
    Conclusion(usize),
}

/// The rows of the minutes tab, in display order.
pub fn minutes_rows(m: &Meeting) -> Vec<MinutesRow> {
    let mut rows = Vec::new();
    for (i, item) in m.agenda.iter().enumerate() {
        rows.push(MinutesRow::Item(i));
        rows.extend((0..item.speeches.len()).map(|s| MinutesRow::Speech(i, s)));
        rows.push(MinutesRow::Conclusion(i));
    }
    rows
}

/// The meetings screen state.
#[derive(Debug, Clone)]
pub struct Meetings {
    /// All meetings, newest first.
    pub list: Vec<(MeetingId, Meeting)>,
    /// The year shown.
    pub year: i32,
    /// Selected row among the year's meetings.
    pub selected: usize,
    /// The open meeting.
    pub open: Option<MeetingId>,
    /// The open meeting's tab.
    pub tab: Tab,
    /// The cursor row inside the tab.
    pub cursor: usize,
    /// Whether the members' attendance of the year is shown instead of the list.
    pub attendance_view: bool,
}

impl Meetings {
    /// The screen over these meetings, showing the year of `today`.
    pub fn new(mut list: Vec<(MeetingId, Meeting)>, today: NaiveDate) -> Meetings {
        list.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
        Meetings {
            list,
            year: today.year(),
            selected: 0,
            open: None,
            tab: Tab::Info,
            cursor: 0,
            attendance_view: false,
        }
    }

    /// The meetings of the year shown, newest first.
    pub fn of_year(&self) -> Vec<&(MeetingId, Meeting)> {
        self.list
            .iter()
            .filter(|(_, m)| m.date.year() == self.year)
            .collect()
    }

    /// The selected meeting's id.
    pub fn selected_id(&self) -> Option<MeetingId> {
        self.of_year().get(self.selected).map(|(id, _)| *id)
    }

    /// A meeting by id.
    pub fn get(&self, id: MeetingId) -> Option<&Meeting> {
        self.list.iter().find(|(i, _)| *i == id).map(|(_, m)| m)
    }

    /// The open meeting.
    pub fn current(&self) -> Option<(MeetingId, &Meeting)> {
        let id = self.open?;
        self.get(id).map(|m| (id, m))
    }

    /// Replaces or adds a meeting, keeping the order.
    pub fn upsert(&mut self, id: MeetingId, m: Meeting) {
        self.list.retain(|(i, _)| *i != id);
        self.list.push((id, m));
        self.list
            .sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
    }

    /// Removes a meeting.
    pub fn remove(&mut self, id: MeetingId) {
        self.list.retain(|(i, _)| *i != id);
        self.selected = self.selected.min(self.of_year().len().saturating_sub(1));
    }

    /// How many rows the open tab has.
    pub fn rows_in_tab(&self) -> usize {
        let Some((_, m)) = self.current() else {
            return self.of_year().len();
        };
        match self.tab {
            Tab::Info => 0,
            Tab::Roll => m.attendance.len(),
            Tab::Minutes => minutes_rows(m).len(),
            Tab::Votes => m.votes.len(),
            Tab::Tasks => m.tasks.len(),
        }
    }
}

fn tf(f: MF, v: &str) -> FormField {
    FormField::text(FieldRef::Meeting(f), v)
}

/// The form for a new meeting, pre-filled from the branch profile.
pub fn new_meeting_form(branch: Option<&Branch>, today: NaiveDate) -> Form {
    let b = branch.cloned().unwrap_or_default();
    Form::new(
        FormKind::NewMeeting,
        vec![
            FormField::choice(FieldRef::Meeting(MF::Kind), Some(0), Vec::new()),
            tf(MF::Topic, ""),
            tf(MF::Date, &date::format_date(today)),
            tf(MF::Start, "19:30"),
            tf(MF::End, "21:00"),
            tf(MF::Place, &b.address),
            tf(MF::Chair, &b.secretary),
            tf(MF::Secretary, &b.deputy),
            tf(MF::Guests, ""),
        ],
    )
}

/// The form showing a meeting's information.
pub fn info_form(id: MeetingId, m: &Meeting) -> Form {
    let kind = MeetingKind::ALL.iter().position(|k| *k == m.kind);
    Form::new(
        FormKind::MeetingInfo(id),
        vec![
            FormField::choice(FieldRef::Meeting(MF::Kind), kind, Vec::new()),
            tf(MF::Topic, &m.topic),
            tf(MF::Date, &date::format_date(m.date)),
            tf(MF::Start, &m.start),
            tf(MF::End, &m.end),
            tf(MF::Place, &m.place),
            tf(MF::Chair, &m.chair),
            tf(MF::Secretary, &m.secretary),
            tf(MF::Guests, &meeting::format_guests(&m.guests)),
        ],
    )
}

/// Who may speak: the members present first, then the guests.
pub fn speakers(m: &Meeting) -> Vec<Speaker> {
    let mut v: Vec<Speaker> = m
        .attendance
        .iter()
        .filter(|r| r.mark == Mark::Present)
        .map(|r| Speaker::Member(r.member, r.name.clone()))
        .collect();
    v.extend(
        m.attendance
            .iter()
            .filter(|r| r.mark != Mark::Present)
            .map(|r| Speaker::Member(r.member, r.name.clone())),
    );
    v.extend(
        m.guests
            .iter()
            .map(|g| Speaker::Guest(g.name.clone(), g.position.clone())),
    );
    v
}

fn speaker_labels(m: &Meeting) -> Vec<String> {
    speakers(m)
        .into_iter()
        .map(|s| match s {
            Speaker::Member(_, n) => n,
            Speaker::Guest(n, p) if p.is_empty() => n,
            Speaker::Guest(n, p) => format!("{n} ({p})"),
        })
        .collect()
}

/// The form for a speech (new when `speech` is `None`).
pub fn speech_form(id: MeetingId, m: &Meeting, item: usize, speech: Option<usize>) -> Form {
    let existing = speech.and_then(|s| m.agenda.get(item)?.speeches.get(s));
    let choice = existing.and_then(|sp| speakers(m).iter().position(|x| x == &sp.speaker));
    let kind = match speech {
        Some(s) => FormKind::EditSpeech(id, item, s),
        None => FormKind::NewSpeech(id, item),
    };
    Form::new(
        kind,
        vec![
            FormField::choice(FieldRef::Meeting(MF::Speaker), choice, speaker_labels(m)),
            tf(MF::Gist, existing.map_or("", |s| s.gist.as_str())),
        ],
    )
}

/// The form for a vote (new when `i` is `None`).
pub fn vote_form(id: MeetingId, m: &Meeting, i: Option<usize>) -> Form {
    let v = i.and_then(|i| m.votes.get(i));
    let kind = i.map_or(FormKind::NewVote(id), |i| FormKind::EditVote(id, i));
    let num = |x: Option<u32>| x.map(|n| n.to_string()).unwrap_or_default();
    Form::new(
        kind,
        vec![
            tf(MF::VoteSubject, v.map_or("", |v| v.subject.as_str())),
            FormField::choice(
                FieldRef::Meeting(MF::VoteThreshold),
                Some(usize::from(
                    v.is_some_and(|v| v.threshold == Threshold::TwoThirds),
                )),
                Vec::new(),
            ),
            tf(MF::VoteYes, &num(v.map(|v| v.yes))),
            tf(MF::VoteNo, &num(v.map(|v| v.no).or(Some(0)))),
            tf(MF::VoteAbstain, &num(v.map(|v| v.abstain).or(Some(0)))),
        ],
    )
}

/// The form for a task (new when `i` is `None`).
pub fn task_form(id: MeetingId, m: &Meeting, i: Option<usize>) -> Form {
    let t = i.and_then(|i| m.tasks.get(i));
    let kind = i.map_or(FormKind::NewTask(id), |i| FormKind::EditTask(id, i));
    Form::new(
        kind,
        vec![
            tf(MF::TaskWho, t.map_or("", |t| t.who.as_str())),
            tf(MF::TaskWhat, t.map_or("", |t| t.what.as_str())),
            tf(MF::TaskDue, &date::format_opt_date(t.and_then(|t| t.due))),
        ],
    )
}

/// A one-field form: item title, conclusion, absence reason.
pub fn single_form(kind: FormKind, field: MF, value: &str) -> Form {
    Form::new(kind, vec![tf(field, value)])
}

/// The amendment form.
pub fn amendment_form(id: MeetingId) -> Form {
    Form::new(
        FormKind::Amendment(id),
        vec![tf(MF::AmendReason, ""), tf(MF::AmendText, "")],
    )
}

type Errors = Vec<(FieldRef, Problem)>;

fn err(f: MF, p: Problem) -> (FieldRef, Problem) {
    (FieldRef::Meeting(f), p)
}

fn required(form: &Form, f: MF, errors: &mut Errors) -> String {
    let v = if matches!(f, MF::Gist | MF::Conclusion | MF::AmendText) {
        text::clean_multiline(&form.get(f))
    } else {
        text::clean(&form.get(f))
    };
    if v.is_empty() && FieldRef::Meeting(f).required() {
        errors.push(err(f, Problem::Required));
    }
    v
}

fn check_info(form: &Form, base: &mut Meeting, today: NaiveDate) -> Result<(), Errors> {
    let mut e = Vec::new();
    let kind = MeetingKind::ALL
        .get(form.get_choice(MF::Kind).unwrap_or(0))
        .copied()
        .unwrap_or(MeetingKind::Regular);
    let topic = text::clean(&form.get(MF::Topic));
    if topic.is_empty() && matches!(kind, MeetingKind::Thematic | MeetingKind::Extraordinary) {
        e.push(err(MF::Topic, Problem::Required));
    }
    let day = match date::parse_date(&form.get(MF::Date)) {
        Ok(d) => Some(d),
        Err(date::DateError::Format) => {
            e.push(err(MF::Date, Problem::DateFormat));
            None
        }
        Err(date::DateError::NotADay) => {
            e.push(err(MF::Date, Problem::NotADay));
            None
        }
    };
    let _ = today;
    let time = |f: MF, e: &mut Errors| {
        let raw = form.get(f);
        if raw.trim().is_empty() {
            return Some(None);
        }
        match meeting::parse_time(&raw) {
            Some(t) => Some(Some(t)),
            None => {
                e.push(err(f, Problem::TimeFormat));
                None
            }
        }
    };
    let start = time(MF::Start, &mut e);
    let end = time(MF::End, &mut e);
    if let (Some(Some(s)), Some(Some(t))) = (start, end)
        && t <= s
    {
        e.push(err(MF::End, Problem::EndBeforeStart));
    }
    if !e.is_empty() {
        return Err(e);
    }
    base.kind = kind;
    base.topic = topic;
    if let Some(d) = day {
        base.date = d;
    }
    base.start = start
        .flatten()
        .map(meeting::format_time)
        .unwrap_or_default();
    base.end = end.flatten().map(meeting::format_time).unwrap_or_default();
    base.place = text::clean(&form.get(MF::Place));
    base.chair = text::clean(&form.get(MF::Chair));
    base.secretary = text::clean(&form.get(MF::Secretary));
    base.guests = meeting::parse_guests(&form.get(MF::Guests));
    Ok(())
}

/// A new meeting from the new-meeting form: number in the branch's term, agenda from the
/// kind's template, the roll of the members in the branch on that date.
pub fn create_meeting<'a>(
    form: &Form,
    branch: Option<&Branch>,
    existing: impl IntoIterator<Item = &'a Meeting>,
    members: impl IntoIterator<Item = (u64, &'a crate::domain::member::Member)>,
    today: NaiveDate,
) -> Result<Meeting, Errors> {
    let mut m = Meeting::empty(
        0,
        branch.map_or(today.year(), |b| b.term_start),
        MeetingKind::Regular,
        today,
    );
    check_info(form, &mut m, today)?;
    m.number = meeting::next_number(existing, m.term_start);
    m.agenda = meeting::agenda_template(m.kind, &m.topic)
        .into_iter()
        .map(|title| AgendaItem {
            title,
            ..AgendaItem::default()
        })
        .collect();
    m.attendance = meeting::roll_for(members, m.date);
    Ok(m)
}

fn parse_count(form: &Form, f: MF, e: &mut Errors) -> u32 {
    let raw = form.get(f);
    if raw.trim().is_empty() {
        return 0;
    }
    raw.trim().parse().unwrap_or_else(|_| {
        e.push(err(f, Problem::NotANumber));
        0
    })
}

/// Applies a meeting form (other than a new meeting) to the meeting. Approved minutes
/// accept only an amendment.
pub fn apply_form(form: &Form, m: &mut Meeting, today: NaiveDate) -> Result<(), Errors> {
    if let (Some(d), false) = (m.approved, matches!(form.kind, FormKind::Amendment(_))) {
        return Err(vec![(form.fields[0].field, Problem::Approved(d))]);
    }
    let mut e = Vec::new();
    match form.kind {
        FormKind::MeetingInfo(_) => check_info(form, m, today)?,
        FormKind::NewSpeech(_, item) | FormKind::EditSpeech(_, item, _) => {
            let gist = required(form, MF::Gist, &mut e);
            let speaker = form
                .get_choice(MF::Speaker)
                .and_then(|i| speakers(m).get(i).cloned());
            if speaker.is_none() {
                e.push(err(MF::Speaker, Problem::Required));
            }
            let (Some(speaker), true) = (speaker, e.is_empty()) else {
                return Err(e);
            };
            let Some(it) = m.agenda.get_mut(item) else {
                return Err(e);
            };
            let sp = Speech { speaker, gist };
            match form.kind {
                FormKind::EditSpeech(_, _, s) if s < it.speeches.len() => it.speeches[s] = sp,
                _ => it.speeches.push(sp),
            }
        }
        FormKind::NewItem(_, after) => {
            let title = required(form, MF::ItemTitle, &mut e);
            if !e.is_empty() {
                return Err(e);
            }
            let at = (after + 1).min(m.agenda.len());
            m.agenda.insert(
                at,
                AgendaItem {
                    title,
                    ..AgendaItem::default()
                },
            );
        }
        FormKind::EditItem(_, i) => {
            let title = required(form, MF::ItemTitle, &mut e);
            if !e.is_empty() {
                return Err(e);
            }
            if let Some(it) = m.agenda.get_mut(i) {
                it.title = title;
            }
        }
        FormKind::Conclusion(_, i) => {
            let c = required(form, MF::Conclusion, &mut e);
            if let Some(it) = m.agenda.get_mut(i) {
                it.conclusion = c;
            }
        }
        FormKind::NewVote(_) | FormKind::EditVote(_, _) => {
            let subject = required(form, MF::VoteSubject, &mut e);
            let threshold = if form.get_choice(MF::VoteThreshold) == Some(1) {
                Threshold::TwoThirds
            } else {
                Threshold::Majority
            };
            let yes = parse_count(form, MF::VoteYes, &mut e);
            let no = parse_count(form, MF::VoteNo, &mut e);
            let abstain = parse_count(form, MF::VoteAbstain, &mut e);
            let vote = Vote {
                subject,
                threshold,
                yes,
                no,
                abstain,
            };
            if e.is_empty()
                && let Err(meeting::TallyError::MoreThanPresent { counted, present }) =
                    meeting::vote_outcome(&vote, &m.attendance)
            {
                e.push(err(MF::VoteYes, Problem::TallyTooLarge(counted, present)));
            }
            if !e.is_empty() {
                return Err(e);
            }
            match form.kind {
                FormKind::EditVote(_, i) if i < m.votes.len() => m.votes[i] = vote,
                _ => m.votes.push(vote),
            }
        }
        FormKind::NewTask(_) | FormKind::EditTask(_, _) => {
            let who = text::clean(&form.get(MF::TaskWho));
            let what = required(form, MF::TaskWhat, &mut e);
            let due = match date::parse_opt_date(&form.get(MF::TaskDue)) {
                Ok(d) => d,
                Err(date::DateError::Format) => {
                    e.push(err(MF::TaskDue, Problem::DateFormat));
                    None
                }
                Err(date::DateError::NotADay) => {
                    e.push(err(MF::TaskDue, Problem::NotADay));
                    None
                }
            };
            if !e.is_empty() {
                return Err(e);
            }
            let t = Task { who, what, due };
            match form.kind {
                FormKind::EditTask(_, i) if i < m.tasks.len() => m.tasks[i] = t,
                _ => m.tasks.push(t),
            }
        }
        FormKind::Amendment(_) => {
            let reason = required(form, MF::AmendReason, &mut e);
            let text = required(form, MF::AmendText, &mut e);
            if !e.is_empty() {
                return Err(e);
            }
            m.amendments.push(Amendment {
                date: today,
                reason,
                text,
            });
        }
        FormKind::AbsenceReason(_, row) => {
            let reason = required(form, MF::AbsenceReason, &mut e);
            if !e.is_empty() {
                return Err(e);
            }
            if let Some(r) = m.attendance.get_mut(row) {
                r.mark = Mark::Excused(reason);
            }
        }
        _ => {}
    }
    if e.is_empty() { Ok(()) } else { Err(e) }
}
