//! Screen 7, the admission pipeline: the board of candidates, a candidate's card, and
//! the forms to add a candidate, record the next step and set the yearly target. Every
//! change is saved at once; the ceremony adds the new member to the roster in the same
//! transaction.

use chrono::{Datelike, NaiveDate};

use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::admission::{
    self as adm, AdmissionField as AF, AdmissionProblem, BoardEntry, Candidate, CandidateDraft,
    CandidateId, Check, RosterChange, Source, Stage, StepDraft, Target, World,
};
use crate::domain::date;
use crate::domain::meeting::{Meeting, MeetingId};
use crate::domain::member::{Member, MemberId};
use crate::domain::validate::{self, Field, MemberDraft, Problem};
use crate::i18n::admission::AdmMsg;
use crate::keymap::action::{Action, Context};

/// What the status line says about the pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdmNotice {
    /// A step was recorded, with its warnings (and the overridden checks).
    StepSaved(Vec<Check>),
    /// The ceremony made this candidate a probationary member.
    Admitted(String),
    /// This member was recognised as official.
    Recognized(String),
    /// Removal of this probationary member was proposed.
    RemovalProposed(String),
    /// An action was refused.
    Refused(AdmissionProblem),
    /// No candidate is selected.
    NothingSelected,
    /// The candidate has no step left to record.
    NoNextStep,
}

/// The admission screen's state.
#[derive(Debug, Clone, Default)]
pub struct Admission {
    /// Every candidate, in key order.
    pub list: Vec<(CandidateId, Candidate)>,
    /// The yearly targets.
    pub targets: Vec<Target>,
    /// The selected row of the board.
    pub cursor: usize,
    /// The candidate whose card is open.
    pub open: Option<CandidateId>,
}

impl Admission {
    /// The screen over these candidates and targets.
    pub fn new(list: Vec<(CandidateId, Candidate)>, targets: Vec<Target>) -> Admission {
        Admission {
            list,
            targets,
            cursor: 0,
            open: None,
        }
    }

    /// Shows the identity of each admitted candidate from the member record made at the
    /// ceremony (the one truth after it); returns the candidates that changed.
    pub fn follow(&mut self, roster: &crate::app::roster::Roster) -> Vec<(CandidateId, Candidate)> {
        let mut changed = Vec::new();
        for (id, c) in &mut self.list {
            let Some(e) = c.member.and_then(|m| roster.get(m)) else {
                continue;
            };
            if let Some(n) = adm::follow_member(c, &e.member) {
                *c = n.clone();
                changed.push((*id, n));
            }
        }
        changed
    }

    /// A candidate by id.
    pub fn get(&self, id: CandidateId) -> Option<&Candidate> {
        self.list.iter().find(|(i, _)| *i == id).map(|(_, c)| c)
    }

    /// Replaces or adds a candidate.
    pub fn upsert(&mut self, id: CandidateId, c: Candidate) {
        match self.list.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => slot.1 = c,
            None => self.list.push((id, c)),
        }
    }

    /// The board rows, in display order (overdue first, then by stage).
    pub fn board(&self, today: NaiveDate) -> Vec<BoardEntry> {
        let refs: Vec<(CandidateId, &Candidate)> = self.list.iter().map(|(i, c)| (*i, c)).collect();
        adm::board(&refs, today)
    }

    /// The candidate under the cursor.
    pub fn selected_id(&self, today: NaiveDate) -> Option<CandidateId> {
        self.board(today).get(self.cursor).map(|e| e.id)
    }

    /// Moves the cursor to a candidate (if on the board).
    pub fn select(&mut self, id: CandidateId, today: NaiveDate) {
        if let Some(i) = self.board(today).iter().position(|e| e.id == id) {
            self.cursor = i;
        }
    }

    /// The target of a year.
    pub fn target(&self, year: i32) -> Option<u32> {
        self.targets
            .iter()
            .find(|t| t.year == year)
            .map(|t| t.count)
    }
}

/// Official members today, in roster order: the helpers and sponsors offered.
pub fn official_members(app: &App) -> Vec<(MemberId, String)> {
    app.roster
        .entries()
        .iter()
        .filter(|e| adm::is_official_member(&e.member, app.today))
        .map(|e| (e.id, e.member.full_name.clone()))
        .collect()
}

fn meetings(app: &App) -> Vec<(MeetingId, &Meeting)> {
    app.meetings.list.iter().map(|(i, m)| (*i, m)).collect()
}

fn members(app: &App) -> Vec<(MemberId, &Member)> {
    app.roster
        .entries()
        .iter()
        .map(|e| (e.id, &e.member))
        .collect()
}

/// The meeting votes offered for a vote step: two-thirds votes, newest first.
fn vote_choices(app: &App) -> Vec<(MeetingId, usize, String)> {
    let ms = meetings(app);
    adm::meeting_votes(&ms)
        .into_iter()
        .map(|(id, i, m, v)| {
            (
                id,
                i,
                format!(
                    "{} {}: {} ({}/{})",
                    date::format_date(m.date),
                    crate::domain::meeting::document_number(m.number),
                    v.subject,
                    v.yes,
                    crate::domain::meeting::vote_denominator(&m.attendance)
                ),
            )
        })
        .collect()
}

fn text(f: AF, v: &str) -> FormField {
    FormField::text(FieldRef::Admission(f), v)
}

fn choice(f: AF, c: Option<usize>, options: Vec<String>) -> FormField {
    FormField::choice(FieldRef::Admission(f), c, options)
}

fn required(mut ff: FormField) -> FormField {
    ff.required = true;
    ff
}

/// The candidate form: the member record's identity fields (so nothing is typed twice
/// at the ceremony), the source, the helper and the listing.
pub fn candidate_form(app: &App, id: Option<CandidateId>) -> Option<Form> {
    let c = match id {
        Some(id) => Some(app.admission.get(id)?),
        None => None,
    };
    let mut draft = c.map_or_else(
        || MemberDraft {
            ethnicity: crate::domain::member::DEFAULT_ETHNICITY.into(),
            religion: crate::domain::member::DEFAULT_RELIGION.into(),
            residential_group: app.roster.most_common_group(),
            ..MemberDraft::default()
        },
        |c| MemberDraft::from_member(&c.person),
    );
    draft.card_number.clear();
    let member = |f: Field| match draft.text(f) {
        Some(t) => FormField::text(FieldRef::Member(f), t),
        None => FormField::choice(FieldRef::Member(f), draft.choice(f), Vec::new()),
    };
    let helpers = official_members(app);
    let helper = c
        .and_then(|c| c.helper)
        .and_then(|h| helpers.iter().position(|(i, _)| *i == h));
    let listed = c.and_then(|c| c.step(Stage::Listed));
    let mut fields = vec![
        member(Field::FullName),
        member(Field::Gender),
        required(member(Field::BirthDate)),
        choice(
            AF::Source,
            c.and_then(|c| c.source)
                .and_then(|s| Source::ALL.iter().position(|x| *x == s)),
            Vec::new(),
        ),
        text(AF::SourceUnit, c.map_or("", |c| c.source_unit.as_str())),
        required(choice(
            AF::Helper,
            helper,
            helpers.into_iter().map(|(_, n)| n).collect(),
        )),
        required(text(
            AF::ListedOn,
            &date::format_date(listed.map_or(app.today, |s| s.date)),
        )),
        text(
            AF::ListDecision,
            listed.map_or("", |s| s.document.number.as_str()),
        ),
    ];
    for f in [
        Field::OtherName,
        Field::Ethnicity,
        Field::Religion,
        Field::Hometown,
        Field::ResidentialGroup,
        Field::Address,
        Field::NationalId,
        Field::Phone,
        Field::Education,
        Field::Professional,
        Field::PoliticalTheory,
        Field::Occupation,
        Field::Notes,
    ] {
        fields.push(member(f));
    }
    let kind = id.map_or(AdmissionForm::NewCandidate, AdmissionForm::EditCandidate);
    Some(Form::new(kind.into(), fields))
}

/// The step form of a candidate, for `stage` (the first allowed one when `None`).
pub fn step_form(app: &App, id: CandidateId, stage: Option<Stage>) -> Option<Form> {
    let c = app.admission.get(id)?;
    let next = c.next_stages();
    let stage = stage
        .filter(|s| next.contains(s))
        .or_else(|| c.next_required())
        .or_else(|| next.first().copied())?;
    let cat = app.lang.cat().admission();
    let branch = app.branch.clone().unwrap_or_default();
    let officials = official_members(app);
    let names: Vec<String> = officials.iter().map(|(_, n)| n.clone()).collect();
    let mut votes = vec![cat.msg(AdmMsg::ManualVote).to_string()];
    votes.extend(vote_choices(app).into_iter().map(|(_, _, l)| l));
    let responsible = match stage {
        Stage::Course
        | Stage::Application
        | Stage::PersonalRecord
        | Stage::Sponsors
        | Stage::Comments
        | Stage::NewMemberCourse => c.helper_name.clone(),
        _ => branch.secretary.clone(),
    };
    let issuer = match stage {
        Stage::Decision | Stage::RecognitionDecision | Stage::PersonalRecord => {
            branch.superior.clone()
        }
        Stage::Vetting
        | Stage::Sponsors
        | Stage::Comments
        | Stage::BranchVote
        | Stage::Ceremony
        | Stage::RecognitionVote => branch.name.clone(),
        _ => String::new(),
    };
    let ms = members(app);
    let den = adm::default_denominator(&ms, app.today);
    let mut fields = Vec::new();
    for f in adm::step_fields(stage) {
        let mut ff = match f {
            AF::Stage => choice(
                f,
                next.iter().position(|s| *s == stage),
                next.iter().map(|s| cat.stage(*s).to_string()).collect(),
            ),
            AF::Date => text(f, &date::format_date(app.today)),
            AF::Sponsor1 | AF::Sponsor2 => choice(f, None, names.clone()),
            AF::MeetingVote => choice(f, Some(0), votes.clone()),
            AF::Outcome => choice(f, Some(0), Vec::new()),
            AF::VoteNo | AF::VoteAbstain => text(f, "0"),
            AF::Denominator => FormField::computed(FieldRef::Admission(f), &den.to_string()),
            AF::Responsible => text(f, &responsible),
            AF::Issuer => text(f, &issuer),
            _ => text(f, ""),
        };
        ff.required = adm::step_required(stage, f);
        fields.push(ff);
    }
    Some(Form::new(AdmissionForm::Step(id).into(), fields))
}

/// Rebuilds the step form after its stage was changed, keeping what was typed in the
/// fields that stay.
pub fn restage(app: &mut App) {
    let Some(form) = &app.form else { return };
    let Some(AdmissionForm::Step(id)) = AdmissionForm::of(form.kind) else {
        return;
    };
    let Some(c) = app.admission.get(id) else {
        return;
    };
    let next = c.next_stages();
    let stage = form
        .fields
        .iter()
        .find(|f| f.field == FieldRef::Admission(AF::Stage))
        .and_then(|f| f.choice)
        .and_then(|i| next.get(i).copied());
    let Some(mut new) = step_form(app, id, stage) else {
        return;
    };
    if let Some(old) = &app.form {
        for ff in &mut new.fields {
            if ff.field == FieldRef::Admission(AF::Stage) {
                continue;
            }
            if let Some(prev) = old.fields.iter().find(|x| x.field == ff.field) {
                let required = ff.required;
                *ff = prev.clone();
                ff.required = required;
            }
        }
        new.focus = old.focus.min(new.fields.len().saturating_sub(1));
        new.dirty = true;
        new.unsaved_draft = true;
    }
    app.form = Some(new);
}

/// Recomputes the members entitled to vote of a step form for the date now typed (the
/// vote's date, not today's: a vote recorded after the fact counts the roll of its day),
/// unless the user typed over the count.
pub fn redate(app: &mut App) {
    let Some(form) = &app.form else { return };
    if !matches!(AdmissionForm::of(form.kind), Some(AdmissionForm::Step(_))) {
        return;
    }
    let typed = form
        .fields
        .iter()
        .find(|f| f.field == FieldRef::Admission(AF::Date))
        .map(FormField::value)
        .unwrap_or_default();
    let Ok(day) = date::parse_user_date(&typed, app.today, date::DateRole::Event) else {
        return;
    };
    let den = adm::default_denominator(&members(app), day).to_string();
    if let Some(ff) = app.form.as_mut().and_then(|f| {
        f.fields
            .iter_mut()
            .find(|f| f.field == FieldRef::Admission(AF::Denominator))
    }) {
        ff.recompute(&den);
    }
}

/// The yearly target form (this year, prefilled with the target already set).
pub fn target_form(app: &App) -> Form {
    let year = app.today.year();
    let count = app
        .admission
        .target(year)
        .map(|n| n.to_string())
        .unwrap_or_default();
    Form::new(
        AdmissionForm::Target.into(),
        vec![
            required(text(AF::TargetYear, &year.to_string())),
            required(text(AF::TargetCount, &count)),
        ],
    )
}

const NEW: u8 = 70;
const EDIT: u8 = 71;
const STEP: u8 = 72;
const TARGET: u8 = 73;
const WITHDRAW: u8 = 42;

/// The forms of the admission board and a candidate's card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdmissionForm {
    /// A new candidate for the sympathiser list.
    NewCandidate,
    /// A candidate's identity, source and helper.
    EditCandidate(CandidateId),
    /// The next step of a candidate.
    Step(CandidateId),
    /// The yearly target for new members.
    Target,
    /// A candidate withdraws (date, reason).
    Withdraw(CandidateId),
}

impl From<AdmissionForm> for FormKind {
    fn from(f: AdmissionForm) -> FormKind {
        let new = |tag, ids: &[u64]| FormKind::new(Screen::Admission, tag, ids);
        match f {
            AdmissionForm::NewCandidate => new(NEW, &[]),
            AdmissionForm::EditCandidate(id) => new(EDIT, &[id]),
            AdmissionForm::Step(id) => new(STEP, &[id]),
            AdmissionForm::Target => new(TARGET, &[]),
            AdmissionForm::Withdraw(id) => new(WITHDRAW, &[id]),
        }
    }
}

impl AdmissionForm {
    /// The admission form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<AdmissionForm> {
        if kind.screen != Screen::Admission {
            return None;
        }
        Some(match kind.tag {
            NEW => AdmissionForm::NewCandidate,
            EDIT => AdmissionForm::EditCandidate(kind.id(0)?),
            STEP => AdmissionForm::Step(kind.id(0)?),
            TARGET => AdmissionForm::Target,
            WITHDRAW => AdmissionForm::Withdraw(kind.id(0)?),
            _ => return None,
        })
    }
}

/// The form of an admission kind, filled from the current records.
fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    match AdmissionForm::of(kind)? {
        AdmissionForm::NewCandidate => candidate_form(app, None),
        AdmissionForm::EditCandidate(id) => candidate_form(app, Some(id)),
        AdmissionForm::Step(id) => step_form(app, id, None),
        AdmissionForm::Target => Some(target_form(app)),
        AdmissionForm::Withdraw(id) => withdraw_form(app, id),
    }
}

/// The withdrawal form (#17.7): the date (today) and the reason, both required.
pub fn withdraw_form(app: &App, id: CandidateId) -> Option<Form> {
    app.admission.get(id)?;
    Some(Form::new(
        AdmissionForm::Withdraw(id).into(),
        vec![
            required(text(AF::Date, &date::format_date(app.today))),
            required(text(AF::Note, "")),
        ],
    ))
}

/// Records a withdrawal: the candidate leaves the board and the home screen (undone with
/// Ctrl-Z like every save).
fn save_withdraw(app: &mut App, id: CandidateId) -> Saved {
    let Some(form) = &app.form else {
        return Saved::Failed;
    };
    let get = |f: AF| {
        form_text(form)
            .into_iter()
            .find(|(x, _)| *x == f)
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    let mut errors: Errors = Vec::new();
    let day = match date::parse_user_date(&get(AF::Date), app.today, date::DateRole::Event) {
        Ok(d) if d > app.today => {
            errors.push((FieldRef::Admission(AF::Date), Problem::InFuture));
            None
        }
        Ok(d) => Some(d),
        Err(bad) => {
            errors.push((FieldRef::Admission(AF::Date), Problem::Date(bad)));
            None
        }
    };
    let reason = crate::domain::text::clean(&get(AF::Note));
    if reason.is_empty() {
        errors.push((FieldRef::Admission(AF::Note), Problem::Required));
    } else if reason.chars().count() > validate::MAX_TEXT {
        errors.push((
            FieldRef::Admission(AF::Note),
            Problem::TooLong(validate::MAX_TEXT),
        ));
    }
    let (Some(day), true) = (day, errors.is_empty()) else {
        return Saved::Errors(errors);
    };
    let Some(mut c) = app.admission.get(id).cloned() else {
        return Saved::Failed;
    };
    c.withdrawn = Some((day, reason));
    match app.store.save_candidate(Some(id), &c) {
        Ok(_) => {
            app.admission.upsert(id, c);
            app.admission.open = None;
            let n = app.admission.board(app.today).len();
            app.admission.cursor = app.admission.cursor.min(n.saturating_sub(1));
            Saved::Done(Notice::Saved(Vec::new()))
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            Saved::Failed
        }
    }
}

fn form_title(app: &App, kind: FormKind) -> String {
    if let Some(AdmissionForm::Withdraw(id)) = AdmissionForm::of(kind) {
        let name = app
            .admission
            .get(id)
            .map_or("", |c| c.person.full_name.as_str());
        return crate::i18n::month::of(app.lang).withdraw_title(name);
    }
    let (m, whom) = match AdmissionForm::of(kind) {
        Some(AdmissionForm::NewCandidate) => (AdmMsg::FormNew, None),
        Some(AdmissionForm::EditCandidate(id)) => (AdmMsg::FormEdit, Some(id)),
        Some(AdmissionForm::Step(id)) => (AdmMsg::FormStep, Some(id)),
        _ => (AdmMsg::FormTarget, None),
    };
    let title = app.lang.cat().admission().msg(m);
    // A form about a candidate names them.
    match whom.and_then(|id| app.admission.get(id)) {
        Some(c) => format!("{title}: {}", c.person.full_name),
        None => title.to_string(),
    }
}

/// The candidate an action applies to: the open card, else the selected row.
fn current(app: &App) -> Option<CandidateId> {
    app.admission
        .open
        .or_else(|| app.admission.selected_id(app.today))
}

/// Applies an admission action.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::AdmissionNew => app.form = candidate_form(app, None),
        Action::AdmissionOpen => match app.admission.selected_id(app.today) {
            Some(id) => app.admission.open = Some(id),
            None => app.notice = Some(Notice::Admission(AdmNotice::NothingSelected)),
        },
        Action::AdmissionEdit => match current(app) {
            Some(id) => app.form = candidate_form(app, Some(id)),
            None => app.notice = Some(Notice::Admission(AdmNotice::NothingSelected)),
        },
        Action::AdmissionStep => match current(app) {
            Some(id) => match step_form(app, id, None) {
                Some(f) => app.form = Some(f),
                None => app.notice = Some(Notice::Admission(AdmNotice::NoNextStep)),
            },
            None => app.notice = Some(Notice::Admission(AdmNotice::NothingSelected)),
        },
        Action::AdmissionUndo => {
            let Some(id) = current(app) else {
                app.notice = Some(Notice::Admission(AdmNotice::NothingSelected));
                return;
            };
            let Some(c) = app.admission.get(id) else {
                return;
            };
            match adm::can_undo(c) {
                Ok(()) => {
                    let stage = c
                        .stage()
                        .map_or("", |s| app.lang.cat().admission().stage(s));
                    let label = format!("{}: {stage}", c.person.full_name);
                    app.ask(Confirm::UndoStep(id, label));
                }
                Err(p) => app.notice = Some(Notice::Admission(AdmNotice::Refused(p))),
            }
        }
        Action::AdmissionTarget => app.form = Some(target_form(app)),
        Action::AdmissionWithdraw => match current(app) {
            // Only a candidate still on the board (not yet a member) withdraws.
            Some(id) if app.admission.board(app.today).iter().any(|e| e.id == id) => {
                app.form = withdraw_form(app, id);
            }
            _ => app.notice = Some(Notice::Admission(AdmNotice::NothingSelected)),
        },
        Action::AdmissionBack => app.admission.open = None,
        _ => {}
    }
}

/// Removes the last step of a candidate (after the question was answered yes).
pub fn undo(app: &mut App, id: CandidateId) {
    let Some(mut c) = app.admission.get(id).cloned() else {
        return;
    };
    if let Err(p) = adm::can_undo(&c) {
        app.notice = Some(Notice::Admission(AdmNotice::Refused(p)));
        return;
    }
    c.steps.pop();
    match app.store.save_candidate(Some(id), &c) {
        Ok(_) => {
            app.admission.upsert(id, c);
            app.changed = true;
            app.notice = Some(Notice::Saved(Vec::new()));
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
}

type Errors = Vec<(FieldRef, Problem)>;

fn to_refs(errors: Vec<(AF, Problem)>) -> Errors {
    errors
        .into_iter()
        .map(|(f, p)| (FieldRef::Admission(f), p))
        .collect()
}

fn form_text(form: &Form) -> Vec<(AF, String)> {
    form.fields
        .iter()
        .filter_map(|ff| match ff.field {
            FieldRef::Admission(f) => Some((f, ff.value())),
            _ => None,
        })
        .collect()
}

fn form_choice(form: &Form, f: AF) -> Option<usize> {
    form.fields
        .iter()
        .find(|x| x.field == FieldRef::Admission(f))
        .and_then(|x| x.choice)
}

/// What saving an admission form did, for the caller to close the form.
pub enum Saved {
    /// Saved; close the form with this notice.
    Done(Notice),
    /// Refused fields.
    Errors(Errors),
    /// The store failed (the notice is set).
    Failed,
}

/// Saves the open admission form.
pub fn save(app: &mut App) -> Saved {
    let Some(form) = &app.form else {
        return Saved::Failed;
    };
    match AdmissionForm::of(form.kind) {
        Some(AdmissionForm::NewCandidate | AdmissionForm::EditCandidate(_)) => save_candidate(app),
        Some(AdmissionForm::Step(id)) => save_step(app, id),
        Some(AdmissionForm::Target) => save_target(app),
        Some(AdmissionForm::Withdraw(id)) => save_withdraw(app, id),
        None => Saved::Failed,
    }
}

fn save_candidate(app: &mut App) -> Saved {
    let Some(form) = &app.form else {
        return Saved::Failed;
    };
    let id = match AdmissionForm::of(form.kind) {
        Some(AdmissionForm::EditCandidate(id)) => Some(id),
        _ => None,
    };
    let base = id.and_then(|id| app.admission.get(id)).cloned();
    let mut draft = form.member_draft();
    draft.card_number.clear();
    let mut errors: Errors = Vec::new();
    if draft.birth_date.trim().is_empty() {
        errors.push((FieldRef::Member(Field::BirthDate), Problem::Required));
    }
    let person = match validate::check_member(
        &draft,
        base.as_ref().map(|c| &c.person),
        None,
        [],
        app.today,
    ) {
        Ok(checked) => Some(checked.member),
        Err(es) => {
            errors.extend(
                es.into_iter()
                    .map(|e| (FieldRef::Member(e.field), e.problem)),
            );
            None
        }
    };
    let helpers = official_members(app);
    let cd = CandidateDraft {
        source: form_choice(form, AF::Source).and_then(|i| Source::ALL.get(i).copied()),
        text: form_text(form),
        helper: form_choice(form, AF::Helper).and_then(|i| helpers.get(i).map(|(id, _)| *id)),
    };
    let ms = members(app);
    let mts = meetings(app);
    let w = World {
        members: &ms,
        meetings: &mts,
        today: app.today,
    };
    let checked = adm::check_candidate(base.as_ref(), person.clone().unwrap_or_default(), &cd, &w);
    let c = match checked {
        Err(es) => {
            errors.extend(to_refs(es));
            return Saved::Errors(errors);
        }
        Ok(c) if errors.is_empty() && person.is_some() => c,
        Ok(_) => return Saved::Errors(errors),
    };
    // After the ceremony the member record is the one truth: the edit goes there too.
    if let Some(mid) = c.member
        && let Some(e) = app.roster.get(mid)
    {
        let mut m = e.member.clone();
        adm::share_identity(&c.person, &mut m);
        if m != e.member {
            match app.store.save_member(Some(mid), &m) {
                Ok(_) => app.roster.upsert(mid, m),
                Err(e) => {
                    app.notice = Some(Notice::Store(e));
                    return Saved::Failed;
                }
            }
        }
    }
    match app.store.save_candidate(id, &c) {
        Ok(new_id) => {
            app.admission.upsert(new_id, c);
            app.admission.select(new_id, app.today);
            Saved::Done(Notice::Saved(Vec::new()))
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            Saved::Failed
        }
    }
}

fn save_step(app: &mut App, id: CandidateId) -> Saved {
    let (Some(form), Some(c)) = (&app.form, app.admission.get(id).cloned()) else {
        return Saved::Failed;
    };
    let next = c.next_stages();
    let officials = official_members(app);
    let votes = vote_choices(app);
    let pick = |f: AF| {
        form_choice(form, f)
            .and_then(|i| officials.get(i))
            .map(|(id, _)| *id)
    };
    let draft = StepDraft {
        stage: form_choice(form, AF::Stage).and_then(|i| next.get(i).copied()),
        text: form_text(form),
        sponsors: [pick(AF::Sponsor1), pick(AF::Sponsor2)],
        meeting_vote: form_choice(form, AF::MeetingVote)
            .filter(|i| *i > 0)
            .and_then(|i| votes.get(i - 1))
            .map(|(m, v, _)| (*m, *v)),
        propose_removal: form_choice(form, AF::Outcome) == Some(1),
    };
    let ms = members(app);
    let mts = meetings(app);
    let w = World {
        members: &ms,
        meetings: &mts,
        today: app.today,
    };
    let step = match adm::check_step(&c, &draft, &w) {
        Ok(s) => s,
        Err(es) => return Saved::Errors(to_refs(es)),
    };
    let checks = step.checks.clone();
    let stage = step.stage;
    let mut c = c;
    let linked = c
        .member
        .and_then(|mid| app.roster.get(mid).map(|e| e.member.clone()));
    let change = adm::record(&mut c, step, linked.as_ref());
    let name = c.person.full_name.clone();
    let saved = match change {
        RosterChange::None => app.store.save_candidate(Some(id), &c).map(|_| (c, None)),
        RosterChange::Create(m) => app
            .store
            .save_candidate_and_member(id, &c, None, &m)
            .map(|(c, mid)| (c, Some((mid, m)))),
        RosterChange::Update(mid, m) => app
            .store
            .save_candidate_and_member(id, &c, Some(mid), &m)
            .map(|(c, mid)| (c, Some((mid, m)))),
    };
    match saved {
        Ok((c, member)) => {
            let removal = c.standing() == adm::Standing::RemovalProposed;
            app.admission.upsert(id, c);
            if let Some((mid, m)) = member {
                app.roster.upsert(mid, m);
            }
            let notice = match stage {
                Stage::Ceremony => AdmNotice::Admitted(name),
                Stage::RecognitionDecision => AdmNotice::Recognized(name),
                Stage::RecognitionVote if removal => AdmNotice::RemovalProposed(name),
                _ => AdmNotice::StepSaved(checks),
            };
            if app.admission.board(app.today).iter().all(|e| e.id != id) {
                app.admission.open = None;
            }
            let n = app.admission.board(app.today).len();
            app.admission.cursor = app.admission.cursor.min(n.saturating_sub(1));
            Saved::Done(Notice::Admission(notice))
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            Saved::Failed
        }
    }
}

fn save_target(app: &mut App) -> Saved {
    let Some(form) = &app.form else {
        return Saved::Failed;
    };
    let get = |f: AF| {
        form_text(form)
            .into_iter()
            .find(|(x, _)| *x == f)
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    let mut errors: Errors = Vec::new();
    let year = get(AF::TargetYear).trim().parse::<i32>().ok();
    if !year.is_some_and(|y| (1930..=2100).contains(&y)) {
        errors.push((FieldRef::Admission(AF::TargetYear), Problem::NotANumber));
    }
    let count = get(AF::TargetCount).trim().parse::<u32>().ok();
    if count.is_none() {
        errors.push((FieldRef::Admission(AF::TargetCount), Problem::NotANumber));
    }
    let (Some(year), Some(count), true) = (year, count, errors.is_empty()) else {
        return Saved::Errors(errors);
    };
    let t = Target { year, count };
    match app.store.save_admission_target(&t) {
        Ok(()) => {
            app.admission.targets.retain(|x| x.year != year);
            app.admission.targets.push(t);
            Saved::Done(Notice::Saved(Vec::new()))
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            Saved::Failed
        }
    }
}

/// The board and a candidate's card.
pub const DEF: super::ScreenDef = super::ScreenDef {
    screen: crate::app::Screen::Admission,
    name: |l| {
        l.cat()
            .admission()
            .msg(crate::i18n::admission::AdmMsg::Screen)
    },
    context: |app| match app.admission.open {
        Some(_) => Context::Candidate,
        None => Context::Admission,
    },
    handle: |app, action, _| {
        if let Some(d) = crate::app::parts::list::delta(action, app.page_rows) {
            let n = app.admission.board(app.today).len();
            app.admission.cursor = crate::app::parts::list::moved(app.admission.cursor, n, d);
            if app.admission.open.is_some() {
                app.admission.open = app.admission.selected_id(app.today);
            }
            return true;
        }
        match action {
            Action::AdmissionNew
            | Action::AdmissionOpen
            | Action::AdmissionEdit
            | Action::AdmissionStep
            | Action::AdmissionUndo
            | Action::AdmissionWithdraw
            | Action::AdmissionTarget => update(app, action),
            Action::AdmissionBack | Action::Back => {
                app.admission.open = None;
                if let Some(s) = app.return_to.take() {
                    app.screen = s;
                }
            }
            _ => return false,
        }
        true
    },
    hints: |ctx| match ctx {
        Context::Candidate => &[
            Action::AdmissionStep,
            Action::AdmissionEdit,
            Action::AdmissionUndo,
            Action::AdmissionWithdraw,
            Action::AdmissionBack,
        ],
        _ => &[
            Action::AdmissionOpen,
            Action::AdmissionNew,
            Action::AdmissionEdit,
            Action::AdmissionStep,
            Action::AdmissionTarget,
        ],
    },
    find: |app, ctx, typed| {
        if ctx != Context::Admission {
            return false;
        }
        let names: Vec<String> = app
            .admission
            .board(app.today)
            .iter()
            .filter_map(|b| app.admission.get(b.id).map(|c| c.person.full_name.clone()))
            .collect();
        if let Some(i) = crate::app::parts::find::first_match(&names, typed) {
            app.admission.cursor = i;
        }
        true
    },
    form_tags: &[NEW, EDIT, STEP, TARGET, WITHDRAW],
    form_title,
    form_for,
    restore: super::no_restore,
    save: |app, kind| {
        if AdmissionForm::of(kind).is_none() {
            return false;
        }
        match save(app) {
            Saved::Done(notice) => app.form_saved(notice),
            Saved::Errors(errors) => app.form_refused(&errors),
            Saved::Failed => {}
        }
        true
    },
    question: question_words,
    confirmed: |app, c| match *c {
        Confirm::UndoStep(id, _) => {
            undo(app, id);
            true
        }
        _ => false,
    },
};

impl Admission {
    /// Reads the candidates and targets again from the store (after an undo or redo);
    /// a candidate no longer there is closed.
    pub fn reload(&mut self, store: &crate::store::Store) -> Result<(), crate::store::StoreError> {
        self.list = store.candidates()?;
        self.targets = store.admission_targets()?;
        if let Some(id) = self.open
            && self.get(id).is_none()
        {
            self.open = None;
        }
        self.cursor = self.cursor.min(self.list.len().saturating_sub(1));
        Ok(())
    }
}

/// The words of the admission screen's question: remove a candidate's last step.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    match ask {
        Confirm::UndoStep(_, label) => Some(format!(
            "{} {label}?",
            app.lang.cat().admission().msg(AdmMsg::ConfirmUndo)
        )),
        _ => None,
    }
}
