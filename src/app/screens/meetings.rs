//! The meetings screen: the list of meetings of a year, and one open meeting with its
//! roll call, minutes, votes and tasks. Every change is saved at once.

use chrono::{Datelike, NaiveDate};

use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::domain::branch::Branch;
use crate::domain::date;
use crate::domain::meeting::{
    self, AgendaItem, Amendment, Mark, Meeting, MeetingField as MF, MeetingId, MeetingKind,
    Proposal, Speaker, Speech, Task, Threshold, Vote,
};
use crate::domain::text;
use crate::domain::validate::Problem;
use crate::i18n::Msg;

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
            Tab::Proposals => m.proposals.len(),
        }
    }
}

fn tf(f: MF, v: &str) -> FormField {
    FormField::text(FieldRef::Meeting(f), v)
}

/// The form for a new meeting, pre-filled from the branch profile, and place, chair,
/// secretary and times from the last meeting when there is one; its date is the next
/// usual meeting day ([`meeting::next_meeting_date`]): the branch's setting, else the
/// day of the last regular meeting.
pub fn new_meeting_form<'a>(
    branch: Option<&Branch>,
    existing: impl IntoIterator<Item = &'a Meeting>,
    today: NaiveDate,
) -> Form {
    let existing: Vec<&Meeting> = existing.into_iter().collect();
    let usual = branch.and_then(|b| b.usual_day);
    let day = meeting::next_meeting_date(existing.iter().copied(), usual, today);
    let mut b = branch.cloned().unwrap_or_default();
    let (mut start, mut end) = ("19:30".to_string(), "21:00".to_string());
    if let Some(last) = meeting::last_before(existing.iter().copied(), today) {
        let keep = |from: &str, to: &mut String| {
            if !from.trim().is_empty() {
                *to = from.to_string();
            }
        };
        keep(&last.place, &mut b.address);
        keep(&last.chair, &mut b.secretary);
        keep(&last.secretary, &mut b.deputy);
        keep(&last.start, &mut start);
        keep(&last.end, &mut end);
    }
    Form::new(
        MeetingForm::New.into(),
        vec![
            FormField::choice(FieldRef::Meeting(MF::Kind), Some(0), Vec::new()),
            tf(MF::Topic, ""),
            tf(MF::Date, &date::format_date(day)),
            tf(MF::Start, &start),
            tf(MF::End, &end),
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
        MeetingForm::Info(id).into(),
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
        Some(s) => MeetingForm::EditSpeech(id, item, s),
        None => MeetingForm::NewSpeech(id, item),
    };
    Form::new(
        kind.into(),
        vec![
            FormField::choice(FieldRef::Meeting(MF::Speaker), choice, speaker_labels(m)),
            tf(MF::Gist, existing.map_or("", |s| s.gist.as_str())),
        ],
    )
}

/// The form for a vote (new when `i` is `None`).
pub fn vote_form(id: MeetingId, m: &Meeting, i: Option<usize>) -> Form {
    let v = i.and_then(|i| m.votes.get(i));
    let kind = i.map_or(MeetingForm::NewVote(id), |i| MeetingForm::EditVote(id, i));
    let num = |x: Option<u32>| x.map(|n| n.to_string()).unwrap_or_default();
    Form::new(
        kind.into(),
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
    let kind = i.map_or(MeetingForm::NewTask(id), |i| MeetingForm::EditTask(id, i));
    Form::new(
        kind.into(),
        vec![
            tf(MF::TaskWho, t.map_or("", |t| t.who.as_str())),
            tf(MF::TaskWhat, t.map_or("", |t| t.what.as_str())),
            tf(MF::TaskDue, &date::format_opt_date(t.and_then(|t| t.due))),
        ],
    )
}

/// The form for a member's proposal (new when `i` is `None`): who, what, the answer.
pub fn proposal_form(id: MeetingId, m: &Meeting, i: Option<usize>) -> Form {
    let p = i.and_then(|i| m.proposals.get(i));
    let kind = i.map_or(MeetingForm::NewProposal(id), |i| {
        MeetingForm::EditProposal(id, i)
    });
    Form::new(
        kind.into(),
        vec![
            tf(MF::ProposalWho, p.map_or("", |p| p.who.as_str())),
            tf(MF::ProposalText, p.map_or("", |p| p.text.as_str())),
            tf(MF::ProposalAnswer, p.map_or("", |p| p.answer.as_str())),
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
        MeetingForm::Amendment(id).into(),
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
    // A one-line field (a reason, a task, a proposal) holds at most MAX_TEXT characters.
    if FieldRef::Meeting(f).kind() == crate::domain::validate::FieldKind::Text
        && v.chars().count() > crate::domain::validate::MAX_TEXT
    {
        errors.push(err(f, Problem::TooLong(crate::domain::validate::MAX_TEXT)));
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
    let day = match date::parse_user_date(&form.get(MF::Date), today, date::DateRole::Meeting) {
        Ok(d) => match meeting::check_meeting_date(d, today) {
            Ok(()) => Some(d),
            Err(p) => {
                e.push(err(MF::Date, Problem::Month(p)));
                None
            }
        },
        Err(bad) => {
            e.push(err(MF::Date, Problem::Date(bad)));
            None
        }
    };
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
    let existing: Vec<&Meeting> = existing.into_iter().collect();
    m.number = meeting::next_number(existing.iter().copied(), m.term_start);
    // The agenda of the last meeting of the same kind (its titles only), else the
    // kind's template. A thematic or extraordinary meeting takes its topic's template.
    let same_kind = meeting::last_of_kind(existing.iter().copied(), m.kind, m.date)
        .filter(|_| matches!(m.kind, MeetingKind::Regular | MeetingKind::YearEndReview));
    let titles: Vec<String> = match same_kind {
        Some(last) if !last.agenda.is_empty() => last
            .agenda
            .iter()
            .map(|it| it.title.clone())
            .filter(|t| t != meeting::PREVIOUS_TASKS_TITLE)
            .collect(),
        _ => meeting::agenda_template(m.kind, &m.topic),
    };
    m.agenda = titles
        .into_iter()
        .map(|title| AgendaItem {
            title,
            ..AgendaItem::default()
        })
        .collect();
    // The previous meeting's tasks: listed in the first agenda item and carried into
    // this meeting's tasks (one done is deleted here with F8).
    if let Some(prev) = meeting::last_before(existing.iter().copied(), m.date)
        && !prev.tasks.is_empty()
    {
        m.tasks = meeting::carried_tasks(prev);
        m.agenda
            .insert(0, meeting::previous_tasks_item(prev.date, &prev.tasks));
    }
    m.attendance = meeting::roll_for(members, m.date);
    Ok(m)
}

/// Who a task goes to: a member of the roll when what was typed finds exactly one
/// (diacritic-blind, by word starts: "nguyen van an", "ng v an"), else the text as typed
/// (a group such as "Chi ủy", or a name outside the roll).
pub fn assignee(m: &Meeting, typed: &str) -> String {
    if typed.is_empty() {
        return String::new();
    }
    let q = crate::domain::search::Query::new(typed);
    let mut hits = m.attendance.iter().filter(|r| q.matches_label(&r.name));
    match (hits.next(), hits.next()) {
        (Some(r), None) => r.name.clone(),
        _ => typed.to_string(),
    }
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
    let kind = MeetingForm::of(form.kind);
    if let (Some(d), false) = (m.approved, matches!(kind, Some(MeetingForm::Amendment(_)))) {
        return Err(vec![(form.fields[0].field, Problem::Approved(d))]);
    }
    let mut e = Vec::new();
    let Some(kind) = kind else { return Ok(()) };
    match kind {
        MeetingForm::Info(_) => check_info(form, m, today)?,
        MeetingForm::NewSpeech(_, item) | MeetingForm::EditSpeech(_, item, _) => {
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
            match kind {
                MeetingForm::EditSpeech(_, _, s) if s < it.speeches.len() => it.speeches[s] = sp,
                _ => it.speeches.push(sp),
            }
        }
        MeetingForm::NewItem(_, after) => {
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
        MeetingForm::EditItem(_, i) => {
            let title = required(form, MF::ItemTitle, &mut e);
            if !e.is_empty() {
                return Err(e);
            }
            if let Some(it) = m.agenda.get_mut(i) {
                it.title = title;
            }
        }
        MeetingForm::Conclusion(_, i) => {
            let c = required(form, MF::Conclusion, &mut e);
            if let Some(it) = m.agenda.get_mut(i) {
                it.conclusion = c;
            }
        }
        MeetingForm::NewVote(_) | MeetingForm::EditVote(_, _) => {
            let subject = required(form, MF::VoteSubject, &mut e);
            let threshold = if form.get_choice(MF::VoteThreshold) == Some(1) {
                Threshold::TwoThirds
            } else {
                Threshold::Majority
            };
            let no = parse_count(form, MF::VoteNo, &mut e);
            let abstain = parse_count(form, MF::VoteAbstain, &mut e);
            // A blank "Tán thành" is everyone else present: the tally starts from the
            // members present, all in favour, so a unanimous vote is only its subject.
            let yes = if form.get(MF::VoteYes).trim().is_empty() {
                meeting::voters_present(&m.attendance).saturating_sub(no + abstain)
            } else {
                parse_count(form, MF::VoteYes, &mut e)
            };
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
            // #22.8: a meeting decides only with its quorum, counted from the roll call
            // (never typed); recording the meeting itself stays allowed.
            if e.is_empty()
                && let Err(r) = crate::domain::acts::vote_quorum(&m.attendance)
            {
                e.push(err(
                    MF::VoteYes,
                    Problem::Rule(crate::domain::validate::RuleProblem::Refused(r)),
                ));
            }
            if !e.is_empty() {
                return Err(e);
            }
            match kind {
                MeetingForm::EditVote(_, i) if i < m.votes.len() => m.votes[i] = vote,
                _ => m.votes.push(vote),
            }
        }
        MeetingForm::NewTask(_) | MeetingForm::EditTask(_, _) => {
            let who = assignee(m, &required(form, MF::TaskWho, &mut e));
            let what = required(form, MF::TaskWhat, &mut e);
            let due = match date::parse_user_opt_date(
                &form.get(MF::TaskDue),
                today,
                date::DateRole::Meeting,
            ) {
                Ok(d) => d,
                Err(bad) => {
                    e.push(err(MF::TaskDue, Problem::Date(bad)));
                    None
                }
            };
            if !e.is_empty() {
                return Err(e);
            }
            let done = match kind {
                MeetingForm::EditTask(_, i) => m.tasks.get(i).and_then(|t| t.done),
                _ => None,
            };
            let t = Task {
                who,
                what,
                due,
                done,
            };
            match kind {
                MeetingForm::EditTask(_, i) if i < m.tasks.len() => m.tasks[i] = t,
                _ => m.tasks.push(t),
            }
        }
        MeetingForm::Amendment(_) => {
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
        MeetingForm::NewProposal(_) | MeetingForm::EditProposal(..) => {
            let who = assignee(m, &required(form, MF::ProposalWho, &mut e));
            let text = required(form, MF::ProposalText, &mut e);
            if text.is_empty() {
                e.push(err(MF::ProposalText, Problem::Required));
            }
            let answer = required(form, MF::ProposalAnswer, &mut e);
            if !e.is_empty() {
                return Err(e);
            }
            let p = Proposal { who, text, answer };
            match kind {
                MeetingForm::EditProposal(_, i) if i < m.proposals.len() => m.proposals[i] = p,
                _ => m.proposals.push(p),
            }
        }
        MeetingForm::Absence(_, row) => {
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

/// The meetings list, an open meeting and its roll call.
pub const DEF: super::ScreenDef = super::ScreenDef {
    screen: crate::app::Screen::Meetings,
    name: |l| l.cat().msg(crate::i18n::Msg::ScreenMeetings),
    context: |app| match app.meetings.open {
        Some(_) if app.meetings.tab == Tab::Roll => Context::Roll,
        Some(_) => Context::Meeting,
        None => Context::Meetings,
    },
    handle,
    hints: |ctx| match ctx {
        Context::Meetings => &[
            Action::Open,
            Action::New,
            Action::Delete,
            Action::PrevYear,
            Action::ToggleAttendance,
        ],
        Context::Roll => &[
            Action::MarkPresent,
            Action::MarkExcused,
            Action::MarkUnexcused,
            Action::MarkAllPresent,
            Action::NextTab,
            Action::Approve,
            Action::Back,
        ],
        _ => &[
            Action::Edit,
            Action::New,
            Action::NewItem,
            Action::Delete,
            Action::NextTab,
            Action::Approve,
            Action::Amend,
            Action::ExportMinutes,
            Action::ExportNotice,
            Action::ExportResolution,
            Action::TaskDone,
            Action::MeetingDues,
            Action::Back,
        ],
    },
    find: find_in_roll,
    form_tags: &[
        NEW,
        INFO,
        NEW_SPEECH,
        EDIT_SPEECH,
        NEW_ITEM,
        EDIT_ITEM,
        CONCLUSION,
        NEW_VOTE,
        EDIT_VOTE,
        NEW_TASK,
        EDIT_TASK,
        AMENDMENT,
        ABSENCE,
        NEW_PROPOSAL,
        EDIT_PROPOSAL,
    ],
    form_title,
    form_for,
    restore: |app, kind| {
        if let Some(m) = MeetingForm::of(kind).and_then(MeetingForm::meeting) {
            app.meetings.open = Some(m);
        }
    },
    save,
    question: question_words,
    confirmed,
};

use crate::app::parts::{find, list};
use crate::app::{App, Confirm, Notice, Part, Screen};
use crate::keymap::action::{Action, Context};
use crate::store::StoreError;

fn handle(app: &mut App, action: Action, ctx: Context) -> bool {
    if let Some(d) = list::delta(action, app.page_rows) {
        let st = &mut app.meetings;
        if ctx == Context::Meetings {
            st.selected = list::moved(st.selected, st.of_year().len(), d);
        } else {
            st.cursor = list::moved(st.cursor, st.rows_in_tab(), d);
        }
        return true;
    }
    match (ctx, action) {
        (Context::Meetings, Action::Open) => match app.meetings.selected_id() {
            Some(id) => {
                app.meetings.open = Some(id);
                app.meetings.tab = Tab::Info;
                app.meetings.cursor = 0;
            }
            None => app.notice = Some(Notice::NothingSelected),
        },
        (Context::Meetings, Action::New) => open(app, MeetingForm::New),
        (Context::Meetings, Action::Delete) => ask_delete_meeting(app),
        (Context::Meetings, Action::PrevYear | Action::NextYear) => {
            app.meetings.year += if action == Action::NextYear { 1 } else { -1 };
            app.meetings.selected = 0;
        }
        (Context::Meetings, Action::ToggleAttendance) => {
            app.meetings.attendance_view = !app.meetings.attendance_view;
        }
        (Context::Meetings, Action::Back) => app.meetings.attendance_view = false,
        (Context::Meetings, _) => return false,
        (_, Action::Back) => {
            app.meetings.open = None;
            if let Some(s) = app.return_to.take() {
                app.screen = s;
            }
        }
        (_, Action::NextTab | Action::PrevTab) => {
            let n = Tab::ALL.len() as isize;
            let i = Tab::ALL
                .iter()
                .position(|t| *t == app.meetings.tab)
                .unwrap_or(0) as isize;
            let d = if action == Action::NextTab { 1 } else { -1 };
            app.meetings.tab = Tab::ALL[(i + d).rem_euclid(n) as usize];
            app.meetings.cursor = 0;
        }
        (_, Action::NewItem) => {
            if let Some((id, m)) = app.meetings.current() {
                let after = current_item(m, app.meetings.cursor)
                    .unwrap_or(m.agenda.len().saturating_sub(1));
                app.meetings.tab = Tab::Minutes;
                open(app, MeetingForm::NewItem(id, after));
            }
        }
        (_, Action::New) => new_in_meeting(app),
        (_, Action::Edit) => edit(app),
        (_, Action::Delete) => ask_delete_part(app),
        (_, Action::Approve) => {
            if let Some((id, m)) = app.meetings.current() {
                match m.approved {
                    Some(d) => app.notice = Some(Notice::Approved(d)),
                    None => {
                        // Items with no conclusion (named by the question): on the
                        // minutes, the cursor goes to the first one's conclusion, so
                        // "Không" leaves the user there to write it.
                        let rows = minutes_rows(m);
                        let first = meeting::items_without_conclusion(m)
                            .first()
                            .map(|(i, _)| *i);
                        if app.meetings.tab == Tab::Minutes
                            && let Some(row) = first.and_then(|i| {
                                rows.iter().position(|r| *r == MinutesRow::Conclusion(i))
                            })
                        {
                            app.meetings.cursor = row;
                        }
                        app.ask(Confirm::Approve(id));
                    }
                }
            }
        }
        (_, Action::Amend) => {
            if let Some((id, m)) = app.meetings.current() {
                if m.approved.is_some() {
                    app.form = Some(amendment_form(id));
                } else {
                    // A draft is simply edited; there is nothing to amend yet.
                    edit(app);
                }
            }
        }
        (_, Action::ExportMinutes) => export_minutes(app),
        (_, Action::ExportNotice) => export_notice(app),
        (_, Action::ExportResolution) => export_resolution(app),
        (_, Action::TaskDone) => task_done(app),
        (_, Action::MeetingDues) => to_dues(app),
        (_, Action::History) => crate::app::history::open(app, ctx),
        (
            Context::Roll,
            Action::MarkPresent
            | Action::MarkUnexcused
            | Action::MarkCycle
            | Action::MarkAllPresent,
        ) => mark(app, action),
        (Context::Roll, Action::MarkExcused) => {
            if let Some((id, _)) = app.meetings.current() {
                let row = app.meetings.cursor;
                open(app, MeetingForm::Absence(id, row));
            }
        }
        (Context::Roll, Action::MonthlySelfAssessment) => {
            if let Some((id, _)) = app.meetings.current() {
                let row = app.meetings.cursor;
                super::review::open(app, super::review::ReviewForm::Monthly(id, row));
            }
        }
        _ => return false,
    }
    true
}

fn find_in_roll(app: &mut App, ctx: Context, typed: &str) -> bool {
    if ctx == Context::Meeting && app.meetings.tab == Tab::Minutes {
        return find_in_minutes(app, typed);
    }
    if ctx != Context::Roll {
        return false;
    }
    let Some((_, m)) = app.meetings.current() else {
        return false;
    };
    if let Some(i) = find::first_match(m.attendance.iter().map(|r| r.name.as_str()), typed) {
        app.meetings.cursor = i;
    }
    true
}

/// Type-to-find on the minutes: the cursor jumps to the first agenda item whose title
/// has the typed words ("danh gia" → "Đánh giá kết quả tháng trước…"); when no item has
/// them, false, and the search over everyone opens as on the other tabs.
fn find_in_minutes(app: &mut App, typed: &str) -> bool {
    let Some((_, m)) = app.meetings.current() else {
        return false;
    };
    if typed.trim().is_empty() {
        return true;
    }
    let q = crate::domain::search::Query::new(typed);
    let Some(item) = m.agenda.iter().position(|it| q.matches_label(&it.title)) else {
        return false;
    };
    if let Some(row) = minutes_rows(m)
        .iter()
        .position(|r| *r == MinutesRow::Item(item))
    {
        app.meetings.cursor = row;
    }
    true
}

fn ask_delete_meeting(app: &mut App) {
    let Some(id) = app.meetings.selected_id() else {
        return;
    };
    let Some(m) = app.meetings.get(id) else {
        return;
    };
    match m.approved {
        Some(d) => app.notice = Some(Notice::Approved(d)),
        None => {
            let n = m.number;
            app.ask(Confirm::DeleteMeeting(id, n));
        }
    }
}

fn ask_delete_part(app: &mut App) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    if let Some(d) = m.approved {
        app.notice = Some(Notice::Approved(d));
        return;
    }
    let c = app.meetings.cursor;
    let part = match app.meetings.tab {
        Tab::Minutes => match minutes_rows(m).get(c) {
            Some(MinutesRow::Item(i)) => Part::Item(*i),
            Some(MinutesRow::Speech(i, s)) => Part::Speech(*i, *s),
            _ => return,
        },
        Tab::Votes if c < m.votes.len() => Part::Vote(c),
        Tab::Tasks if c < m.tasks.len() => Part::Task(c),
        Tab::Proposals if c < m.proposals.len() => {
            app.ask(Confirm::Month(MonthAsk::DeleteProposal(id, c)));
            return;
        }
        _ => return,
    };
    app.ask(Confirm::DeletePart(id, part));
}

fn export_minutes(app: &mut App) {
    let Some((_, m)) = app.meetings.current() else {
        return;
    };
    let branch = app.branch.clone().unwrap_or_default();
    let dir = crate::interchange::exports_dir(app.store.dir());
    let base = format!("bien-ban-{:02}-{}", m.number, m.date.format("%Y%m%d"));
    let result = crate::interchange::minutes_files(&branch, m, &dir, &base);
    app.notice = Some(match result {
        Ok(paths) => Notice::Exported(paths),
        Err(e) => Notice::Store(StoreError::Io(e.to_string())),
    });
}

/// Marks the task under the cursor done today, or open again (saved, undoable).
fn task_done(app: &mut App) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    if app.meetings.tab != Tab::Tasks {
        return;
    }
    if let Some(d) = m.approved {
        app.notice = Some(Notice::Approved(d));
        return;
    }
    let mut m = m.clone();
    if meeting::toggle_done(&mut m, app.meetings.cursor, app.today) && persist(app, id, m) {
        app.notice = Some(Notice::Saved(Vec::new()));
    }
}

fn current_item(m: &Meeting, cursor: usize) -> Option<usize> {
    match minutes_rows(m).get(cursor)? {
        MinutesRow::Item(i) | MinutesRow::Speech(i, _) | MinutesRow::Conclusion(i) => Some(*i),
    }
}

fn new_in_meeting(app: &mut App) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    let kind = match app.meetings.tab {
        Tab::Minutes => match current_item(m, app.meetings.cursor) {
            Some(i) => MeetingForm::NewSpeech(id, i),
            None => MeetingForm::NewItem(id, 0),
        },
        Tab::Votes => MeetingForm::NewVote(id),
        Tab::Tasks => MeetingForm::NewTask(id),
        Tab::Proposals => MeetingForm::NewProposal(id),
        Tab::Info | Tab::Roll => return,
    };
    open(app, kind);
}

fn edit(app: &mut App) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    let c = app.meetings.cursor;
    let kind = match app.meetings.tab {
        Tab::Info => MeetingForm::Info(id),
        Tab::Roll => MeetingForm::Absence(id, c),
        Tab::Minutes => match minutes_rows(m).get(c) {
            Some(MinutesRow::Item(i)) => MeetingForm::EditItem(id, *i),
            Some(MinutesRow::Speech(i, s)) => MeetingForm::EditSpeech(id, *i, *s),
            Some(MinutesRow::Conclusion(i)) => MeetingForm::Conclusion(id, *i),
            None => return,
        },
        Tab::Votes if c < m.votes.len() => MeetingForm::EditVote(id, c),
        Tab::Tasks if c < m.tasks.len() => MeetingForm::EditTask(id, c),
        Tab::Proposals if c < m.proposals.len() => MeetingForm::EditProposal(id, c),
        _ => return,
    };
    open(app, kind);
}

fn mark(app: &mut App, action: Action) {
    let Some((id, m)) = app.meetings.current() else {
        return;
    };
    if let Some(d) = m.approved {
        app.notice = Some(Notice::Approved(d));
        return;
    }
    let mut m = m.clone();
    let cursor = app.meetings.cursor;
    match action {
        Action::MarkAllPresent => {
            for r in m
                .attendance
                .iter_mut()
                .filter(|r| r.mark == Mark::Unmarked && !r.status.is_exempt())
            {
                r.mark = Mark::Present;
            }
        }
        _ => {
            let Some(r) = m.attendance.get_mut(cursor) else {
                return;
            };
            r.mark = match (action, &r.mark) {
                (Action::MarkPresent, _) => Mark::Present,
                (Action::MarkUnexcused, _) => Mark::Unexcused,
                (_, Mark::Unmarked) => Mark::Present,
                (_, Mark::Present) => Mark::Unexcused,
                _ => Mark::Unmarked,
            };
            // One pass over the roster: move on to the next member.
            app.meetings.cursor = (cursor + 1).min(m.attendance.len().saturating_sub(1));
        }
    }
    if persist(app, id, m) {
        app.notice = Some(Notice::Saved(Vec::new()));
    }
}

/// Saves a meeting and shows it; false (with the store's message) if the save failed.
pub fn persist(app: &mut App, id: MeetingId, m: Meeting) -> bool {
    match app.store.save_meeting(Some(id), &m) {
        Ok(_) => {
            app.meetings.upsert(id, m);
            app.changed = true;
            true
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            false
        }
    }
}

/// The heading of a meeting form; the absence form names the member ("Vắng có lý do —
/// Nguyễn Văn An").
fn form_title(app: &App, kind: FormKind) -> String {
    use MeetingForm as F;
    let c = app.lang.cat();
    let m = match MeetingForm::of(kind) {
        Some(F::New) => Msg::FormNewMeeting,
        Some(F::Info(_)) => Msg::FormMeetingInfo,
        Some(F::NewSpeech(..) | F::EditSpeech(..)) => Msg::FormSpeech,
        Some(F::NewItem(..) | F::EditItem(..)) => Msg::FormItem,
        Some(F::Conclusion(..)) => Msg::FormConclusion,
        Some(F::NewVote(_) | F::EditVote(..)) => Msg::FormVote,
        Some(F::NewTask(_) | F::EditTask(..)) => Msg::FormTask,
        Some(F::Amendment(_)) => Msg::FormAmendment,
        Some(F::NewProposal(_) | F::EditProposal(..)) => {
            return crate::i18n::month::of(app.lang)
                .proposal_title()
                .to_string();
        }
        Some(F::Absence(id, row)) => {
            let title = c.msg(Msg::FormAbsence);
            return match app.meetings.get(id).and_then(|m| m.attendance.get(row)) {
                Some(r) => crate::i18n::month::of(app.lang).titled(title, &r.name),
                None => title.to_string(),
            };
        }
        None => return String::new(),
    };
    c.msg(m).to_string()
}

const NEW: u8 = 3;
const INFO: u8 = 4;
const NEW_SPEECH: u8 = 5;
const EDIT_SPEECH: u8 = 6;
const NEW_ITEM: u8 = 7;
const EDIT_ITEM: u8 = 8;
const CONCLUSION: u8 = 9;
const NEW_VOTE: u8 = 10;
const EDIT_VOTE: u8 = 11;
const NEW_TASK: u8 = 12;
const EDIT_TASK: u8 = 13;
const AMENDMENT: u8 = 14;
const ABSENCE: u8 = 15;
const NEW_PROPOSAL: u8 = 40;
const EDIT_PROPOSAL: u8 = 41;

/// The forms of the meetings screen. Ids say which meeting; indexes say which part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingForm {
    /// A new meeting.
    New,
    /// A meeting's information.
    Info(MeetingId),
    /// A new speech under agenda item `item`.
    NewSpeech(MeetingId, usize),
    /// Speech `speech` of agenda item `item`.
    EditSpeech(MeetingId, usize, usize),
    /// A new agenda item after item `after`.
    NewItem(MeetingId, usize),
    /// The title of agenda item `item`.
    EditItem(MeetingId, usize),
    /// The chair's conclusion on agenda item `item`.
    Conclusion(MeetingId, usize),
    /// A new vote.
    NewVote(MeetingId),
    /// Vote `i`.
    EditVote(MeetingId, usize),
    /// A new task.
    NewTask(MeetingId),
    /// Task `i`.
    EditTask(MeetingId, usize),
    /// An amendment to approved minutes.
    Amendment(MeetingId),
    /// The reason of an excused absence for roll row `row`.
    Absence(MeetingId, usize),
    /// A new member's proposal.
    NewProposal(MeetingId),
    /// Proposal `i` (its text or the branch's answer).
    EditProposal(MeetingId, usize),
}

impl From<MeetingForm> for FormKind {
    fn from(f: MeetingForm) -> FormKind {
        use MeetingForm as F;
        let new = |tag, ids: &[u64]| FormKind::new(Screen::Meetings, tag, ids);
        let u = |x: usize| x as u64;
        match f {
            F::New => new(NEW, &[]),
            F::Info(m) => new(INFO, &[m]),
            F::NewSpeech(m, i) => new(NEW_SPEECH, &[m, u(i)]),
            F::EditSpeech(m, i, s) => new(EDIT_SPEECH, &[m, u(i), u(s)]),
            F::NewItem(m, i) => new(NEW_ITEM, &[m, u(i)]),
            F::EditItem(m, i) => new(EDIT_ITEM, &[m, u(i)]),
            F::Conclusion(m, i) => new(CONCLUSION, &[m, u(i)]),
            F::NewVote(m) => new(NEW_VOTE, &[m]),
            F::EditVote(m, i) => new(EDIT_VOTE, &[m, u(i)]),
            F::NewTask(m) => new(NEW_TASK, &[m]),
            F::EditTask(m, i) => new(EDIT_TASK, &[m, u(i)]),
            F::Amendment(m) => new(AMENDMENT, &[m]),
            F::Absence(m, r) => new(ABSENCE, &[m, u(r)]),
            F::NewProposal(m) => new(NEW_PROPOSAL, &[m]),
            F::EditProposal(m, i) => new(EDIT_PROPOSAL, &[m, u(i)]),
        }
    }
}

impl MeetingForm {
    /// The meeting form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<MeetingForm> {
        use MeetingForm as F;
        if kind.screen != Screen::Meetings {
            return None;
        }
        let m = || kind.id(0);
        let i = |n| kind.index(n);
        Some(match kind.tag {
            NEW => F::New,
            INFO => F::Info(m()?),
            NEW_SPEECH => F::NewSpeech(m()?, i(1)?),
            EDIT_SPEECH => F::EditSpeech(m()?, i(1)?, i(2)?),
            NEW_ITEM => F::NewItem(m()?, i(1)?),
            EDIT_ITEM => F::EditItem(m()?, i(1)?),
            CONCLUSION => F::Conclusion(m()?, i(1)?),
            NEW_VOTE => F::NewVote(m()?),
            EDIT_VOTE => F::EditVote(m()?, i(1)?),
            NEW_TASK => F::NewTask(m()?),
            EDIT_TASK => F::EditTask(m()?, i(1)?),
            AMENDMENT => F::Amendment(m()?),
            ABSENCE => F::Absence(m()?, i(1)?),
            NEW_PROPOSAL => F::NewProposal(m()?),
            EDIT_PROPOSAL => F::EditProposal(m()?, i(1)?),
            _ => return None,
        })
    }

    /// The meeting the form belongs to (none for a new meeting).
    pub fn meeting(self) -> Option<MeetingId> {
        use MeetingForm as F;
        match self {
            F::New => None,
            F::Info(m)
            | F::NewSpeech(m, _)
            | F::EditSpeech(m, _, _)
            | F::NewItem(m, _)
            | F::EditItem(m, _)
            | F::Conclusion(m, _)
            | F::NewVote(m)
            | F::EditVote(m, _)
            | F::NewTask(m)
            | F::EditTask(m, _)
            | F::Amendment(m)
            | F::Absence(m, _)
            | F::NewProposal(m)
            | F::EditProposal(m, _) => Some(m),
        }
    }
}

/// Opens a meeting form, unless it edits approved minutes (which are amended).
fn open(app: &mut App, form: MeetingForm) {
    if let Some(d) = form
        .meeting()
        .and_then(|id| app.meetings.get(id))
        .and_then(|m| m.approved)
        && !matches!(form, MeetingForm::Amendment(_))
    {
        app.notice = Some(Notice::Approved(d));
        return;
    }
    app.open_form(form.into());
}

/// The warning the approval question gives: the agenda items with no conclusion, by
/// number and title; `None` when every item has one.
pub fn approve_warning(app: &App, id: MeetingId) -> Option<String> {
    let m = app.meetings.get(id)?;
    let items = meeting::items_without_conclusion(m);
    (!items.is_empty()).then(|| crate::i18n::month::of(app.lang).no_conclusion(&items))
}

fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    let meeting = |id| app.meetings.get(id);
    Some(match MeetingForm::of(kind)? {
        MeetingForm::New => new_meeting_form(
            app.branch.as_ref(),
            app.meetings.list.iter().map(|(_, m)| m),
            app.today,
        ),
        MeetingForm::Info(id) => info_form(id, meeting(id)?),
        MeetingForm::NewSpeech(id, item) => speech_form(id, meeting(id)?, item, None),
        MeetingForm::EditSpeech(id, item, s) => speech_form(id, meeting(id)?, item, Some(s)),
        MeetingForm::NewItem(_, _) => single_form(kind, MF::ItemTitle, ""),
        MeetingForm::EditItem(id, i) => {
            single_form(kind, MF::ItemTitle, &meeting(id)?.agenda.get(i)?.title)
        }
        MeetingForm::Conclusion(id, i) => single_form(
            kind,
            MF::Conclusion,
            &meeting(id)?.agenda.get(i)?.conclusion,
        ),
        MeetingForm::NewVote(id) => vote_form(id, meeting(id)?, None),
        MeetingForm::EditVote(id, i) => vote_form(id, meeting(id)?, Some(i)),
        MeetingForm::NewTask(id) => task_form(id, meeting(id)?, None),
        MeetingForm::EditTask(id, i) => task_form(id, meeting(id)?, Some(i)),
        MeetingForm::Amendment(id) => amendment_form(id),
        MeetingForm::NewProposal(id) => proposal_form(id, meeting(id)?, None),
        MeetingForm::EditProposal(id, i) => proposal_form(id, meeting(id)?, Some(i)),
        MeetingForm::Absence(id, r) => {
            let reason = match &meeting(id)?.attendance.get(r)?.mark {
                Mark::Excused(r) => r.clone(),
                _ => String::new(),
            };
            let earlier = meeting::earlier_reasons(app.meetings.list.iter().map(|(_, m)| m), 8);
            Form::new(
                kind,
                vec![FormField::text_with_options(
                    FieldRef::Meeting(MF::AbsenceReason),
                    &reason,
                    earlier,
                )],
            )
        }
    })
}

fn save(app: &mut App, kind: FormKind) -> bool {
    let Some(form_kind) = MeetingForm::of(kind) else {
        return false;
    };
    let Some(id) = form_kind.meeting() else {
        save_new(app, false);
        return true;
    };
    let (Some(form), Some(mut m)) = (&app.form, app.meetings.get(id).cloned()) else {
        return true;
    };
    match apply_form(form, &mut m, app.today) {
        Err(errors) => app.form_refused(&errors),
        Ok(()) => {
            if persist(app, id, m) {
                if let MeetingForm::Absence(_, row) = form_kind {
                    // The roll call moves on to the next member, as a mark does.
                    let n = app.meetings.rows_in_tab();
                    app.meetings.cursor = (row + 1).min(n.saturating_sub(1));
                }
                if let (MeetingForm::NewSpeech(_, item), Some((_, m))) =
                    (form_kind, app.meetings.current())
                {
                    // The cursor goes to the new speech: the next one and the item's
                    // conclusion are just below.
                    let last = m.agenda.get(item).map_or(0, |it| it.speeches.len());
                    let row = minutes_rows(m)
                        .iter()
                        .position(|r| *r == MinutesRow::Speech(item, last.saturating_sub(1)));
                    if let Some(row) = row {
                        app.meetings.cursor = row;
                    }
                }
                app.form_saved(Notice::Saved(Vec::new()));
            }
        }
    }
    true
}

/// A question the meetings screen asks (see [`question_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthAsk {
    /// The new meeting is a second regular one in its month (the one already there).
    SecondRegular(MeetingId),
    /// Delete proposal `i` of a meeting.
    DeleteProposal(MeetingId, usize),
}

/// The words of a question of the meetings screen.
pub fn question_text(app: &App, ask: &MonthAsk) -> String {
    match *ask {
        MonthAsk::SecondRegular(id) => {
            let (number, date) = app
                .meetings
                .get(id)
                .map_or((0, app.today), |m| (m.number, m.date));
            crate::i18n::month::of(app.lang).second_regular(&meeting::document_number(number), date)
        }
        MonthAsk::DeleteProposal(id, i) => {
            let p = app.meetings.get(id).and_then(|m| m.proposals.get(i));
            crate::i18n::month::of(app.lang).delete_proposal(
                p.map_or("", |p| p.who.as_str()),
                p.map_or("", |p| p.text.as_str()),
            )
        }
    }
}

/// Saves the new-meeting form; a second regular meeting in one month is asked about first
/// (`anyway` is the answer "Có").
fn save_new(app: &mut App, anyway: bool) {
    let Some(form) = &app.form else { return };
    let members = app.roster.entries().iter().map(|e| (e.id, &e.member));
    let existing = app.meetings.list.iter().map(|(_, m)| m);
    let made = create_meeting(form, app.branch.as_ref(), existing, members, app.today);
    if let (Ok(m), false) = (&made, anyway)
        && m.kind == MeetingKind::Regular
        && let Some(other) = app
            .meetings
            .list
            .iter()
            .find(|(_, o)| meeting::regular_in_month([o], m.date).is_some())
            .map(|(id, _)| *id)
    {
        app.ask(Confirm::Month(MonthAsk::SecondRegular(other)));
        return;
    }
    match made {
        Err(errors) => app.form_refused(&errors),
        Ok(m) => match app.store.save_meeting(None, &m) {
            Ok(id) => {
                app.meetings.upsert(id, m);
                app.meetings.open = Some(id);
                app.meetings.tab = Tab::Roll;
                app.meetings.cursor = 0;
                app.form_saved(Notice::Saved(Vec::new()));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
    }
}

fn confirmed(app: &mut App, c: &Confirm) -> bool {
    match *c {
        Confirm::DeleteMeeting(id, number) => match app.store.delete_meeting(id) {
            Ok(()) => {
                app.meetings.remove(id);
                app.changed = true;
                app.notice = Some(Notice::Deleted(meeting::document_number(number)));
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        },
        Confirm::DeletePart(id, part) => {
            let Some(mut m) = app.meetings.get(id).cloned() else {
                return true;
            };
            match part {
                Part::Item(i) if i < m.agenda.len() => {
                    m.agenda.remove(i);
                }
                Part::Speech(i, s) => {
                    if let Some(it) = m.agenda.get_mut(i).filter(|it| s < it.speeches.len()) {
                        it.speeches.remove(s);
                    }
                }
                Part::Vote(i) if i < m.votes.len() => {
                    m.votes.remove(i);
                }
                Part::Task(i) if i < m.tasks.len() => {
                    m.tasks.remove(i);
                }
                _ => return true,
            }
            if persist(app, id, m) {
                let n = app.meetings.rows_in_tab();
                app.meetings.cursor = app.meetings.cursor.min(n.saturating_sub(1));
                app.notice = Some(Notice::Saved(Vec::new()));
            }
        }
        Confirm::Approve(id) => {
            let Some(mut m) = app.meetings.get(id).cloned() else {
                return true;
            };
            m.approved = Some(app.today);
            if persist(app, id, m) {
                app.notice = Some(Notice::Saved(Vec::new()));
            }
        }
        Confirm::Month(MonthAsk::SecondRegular(_)) => save_new(app, true),
        Confirm::Month(MonthAsk::DeleteProposal(id, i)) => {
            let Some(mut m) = app.meetings.get(id).cloned() else {
                return true;
            };
            if i < m.proposals.len() {
                m.proposals.remove(i);
                if persist(app, id, m) {
                    let n = app.meetings.rows_in_tab();
                    app.meetings.cursor = app.meetings.cursor.min(n.saturating_sub(1));
                    app.notice = Some(Notice::Saved(Vec::new()));
                }
            }
        }
        _ => return false,
    }
    true
}

/// Writes the notice of the open meeting (not yet held) as text and Word.
fn export_notice(app: &mut App) {
    let Some((_, m)) = app.meetings.current() else {
        return;
    };
    if !crate::interchange::notice::is_ahead(m, app.today) {
        app.notice = Some(Notice::Month(meeting::MonthNotice::NoticeAfterMeeting));
        return;
    }
    let branch = app.branch.clone().unwrap_or_default();
    let dir = crate::interchange::exports_dir(app.store.dir());
    let result = crate::interchange::notice::notice_files(&branch, m, app.today, &dir);
    app.notice = Some(match result {
        Ok(paths) => Notice::Exported(paths),
        Err(e) => Notice::Store(StoreError::Io(e.to_string())),
    });
}

/// Writes the open meeting's resolution as text and Word.
fn export_resolution(app: &mut App) {
    let Some((_, m)) = app.meetings.current() else {
        return;
    };
    let branch = app.branch.clone().unwrap_or_default();
    let dir = crate::interchange::exports_dir(app.store.dir());
    let result = crate::interchange::resolution::resolution_files(&branch, m, &dir);
    app.notice = Some(match result {
        Ok(paths) => Notice::Exported(paths),
        Err(e) => Notice::Store(StoreError::Io(e.to_string())),
    });
}

/// Goes to the dues list of the meeting's month, saying what was collected that month;
/// Esc there comes back to the meeting.
fn to_dues(app: &mut App) {
    use crate::domain::dues::{self, YearMonth};
    let Some((_, m)) = app.meetings.current() else {
        return;
    };
    let month = YearMonth::of(m.date);
    let members = app.roster.entries().iter().map(|e| (e.id, &e.member));
    let owing = members
        .filter(|(id, member)| {
            let l = app.dues.ledger(*id);
            matches!(dues::due(member, &l, month), dues::Due::Owed(_)) && l.payment(month).is_none()
        })
        .count() as u32;
    app.dues.tab = crate::app::screens::dues::DuesTab::Dues;
    app.dues.month = month;
    app.dues.cursor = 0;
    app.return_to = Some(Screen::Meetings);
    app.screen = Screen::Dues;
    app.notice = Some(Notice::Month(meeting::MonthNotice::DuesOfMonth {
        month: month.month,
        year: month.year,
        owing,
    }));
}

/// The words of the meetings screen's questions: exactly what would change.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    use crate::i18n::keys::{self, KeysMsg};
    let cat = app.lang.cat();
    let k = |m| keys::text(app.lang, m);
    Some(match ask {
        Confirm::DeleteMeeting(_, n) => format!(
            "{} {}?",
            cat.msg(Msg::ConfirmDeleteMeeting),
            meeting::document_number(*n)
        ),
        Confirm::DeletePart(id, part) => {
            let m = app.meetings.get(*id);
            let what = match (*part, m) {
                (Part::Item(i), Some(m)) => format!(
                    "{} {} «{}» ({})",
                    k(KeysMsg::PartItem),
                    i + 1,
                    m.agenda.get(i).map_or("", |a| a.title.as_str()),
                    k(KeysMsg::WithSpeeches)
                ),
                (Part::Speech(i, s), Some(m)) => format!(
                    "{} {} ({} {})",
                    k(KeysMsg::PartSpeech),
                    m.agenda
                        .get(i)
                        .and_then(|a| a.speeches.get(s))
                        .map_or("", |sp| sp.speaker.name()),
                    k(KeysMsg::PartItem),
                    i + 1
                ),
                (Part::Vote(i), Some(m)) => format!(
                    "{} «{}»",
                    k(KeysMsg::PartVote),
                    m.votes.get(i).map_or("", |v| v.subject.as_str())
                ),
                (Part::Task(i), Some(m)) => format!(
                    "{} «{}»",
                    k(KeysMsg::PartTask),
                    m.tasks.get(i).map_or("", |t| t.what.as_str())
                ),
                _ => String::new(),
            };
            format!("{}: {what}?", k(KeysMsg::DeleteFromMinutes))
        }
        Confirm::Month(ask) => question_text(app, ask),
        Confirm::Approve(id) => {
            let n = app.meetings.get(*id).map_or(0, |m| m.number);
            // Agenda items with no conclusion are named in the question (#17).
            let missing = approve_warning(app, *id)
                .map(|w| format!(" {w}"))
                .unwrap_or_default();
            format!(
                "{} — {}{missing}",
                meeting::document_number(n),
                cat.msg(Msg::ConfirmApprove)
            )
        }
        _ => return None,
    })
}
