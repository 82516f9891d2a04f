//! Screen 8: the annual review of a year (kiểm điểm, đánh giá, xếp loại): the state, the
//! review forms, and saving them. The monthly self-assessment is entered from a meeting's
//! roll call and stored in the member's review of that year.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::{App, Notice, Screen};
use crate::domain::date;
use crate::domain::meeting::MeetingId;
use crate::domain::meeting::{MeetingKind, TallyError};
use crate::domain::member::{Member, MemberId};
use crate::domain::review::{
    self as rv, BranchYear, Grade, MemberReview, ReviewField as RF, ReviewWarning, YearRow,
};
use crate::domain::validate::{FieldKind, Problem};
use crate::keymap::action::{Action, Context};

pub use crate::i18n::ReviewNotice;

/// The review screen's state.
#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    /// The year shown.
    pub year: i32,
    /// Selected row.
    pub cursor: usize,
    /// Whether the selected member's grades across years are shown.
    pub history: bool,
    /// Every review record, by (year, member).
    pub records: BTreeMap<(i32, MemberId), MemberReview>,
    /// The branch's classification, by year.
    pub years: BTreeMap<i32, BranchYear>,
}

impl ReviewState {
    /// The state from the stored records, showing the year of `today`.
    pub fn new(
        records: Vec<((i32, MemberId), MemberReview)>,
        years: Vec<(i32, BranchYear)>,
        today: NaiveDate,
    ) -> ReviewState {
        ReviewState {
            year: today.year(),
            cursor: 0,
            history: false,
            records: records.into_iter().collect(),
            years: years.into_iter().collect(),
        }
    }

    /// A member's record of a year (empty if none).
    pub fn record(&self, year: i32, id: MemberId) -> MemberReview {
        self.records.get(&(year, id)).cloned().unwrap_or_default()
    }

    /// A member's grades by year (final, else proposed with `false`).
    pub fn grades_of(&self, id: MemberId) -> Vec<(i32, Grade, bool)> {
        self.records
            .iter()
            .filter(|((_, m), _)| *m == id)
            .filter_map(|((y, _), r)| r.grade().map(|g| (*y, g, r.final_grade.is_some())))
            .collect()
    }
}

/// Every member with id, as the domain functions take them.
pub fn members(app: &App) -> Vec<(MemberId, Member)> {
    app.roster
        .entries()
        .iter()
        .map(|e| (e.id, e.member.clone()))
        .collect()
}

/// The review date of the year shown.
pub fn review_date(app: &App, year: i32) -> NaiveDate {
    rv::review_date(year, app.meetings.list.iter().map(|(_, m)| m))
}

/// The rows of the year shown.
pub fn rows(app: &App) -> Vec<YearRow> {
    let year = app.review.year;
    rv::year_rows(
        year,
        &members(app),
        &app.review.records,
        review_date(app, year),
    )
}

/// In the review season (from the month in the rules table to the end of the year): the
/// year and how many members to be reviewed still have no final grade.
pub fn pending_in_season(app: &App) -> Option<(i32, u32)> {
    use chrono::Datelike;
    let year = app.today.year();
    let rows = rv::year_rows(
        year,
        &members(app),
        &app.review.records,
        review_date(app, year),
    );
    // The one definition of "not yet graded" (domain::review::season_pending), shared
    // with the review screen's summary and the reports.
    rv::season_pending(&rows, app.today)
}

/// The selected member's id.
pub fn selected(app: &App) -> Option<MemberId> {
    rows(app).get(app.review.cursor).map(|r| r.id)
}

fn text(f: RF, v: &str) -> FormField {
    FormField::text(FieldRef::Review(f), v)
}

fn grade(f: RF, g: Option<Grade>) -> FormField {
    let i = g.and_then(|g| Grade::ALL.iter().position(|x| *x == g));
    FormField::choice(FieldRef::Review(f), i, Vec::new())
}

fn num(n: Option<impl ToString>) -> String {
    n.map(|x| x.to_string()).unwrap_or_default()
}

const PLAN: u8 = 19;
const SELF: u8 = 20;
const BRANCH: u8 = 21;
const FINAL: u8 = 22;
const MONTHLY: u8 = 23;
const BRANCH_YEAR: u8 = 24;

/// The forms of the annual review (and the monthly self-assessment of a thematic meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewForm {
    /// A member's self-improvement plan for a year.
    Plan(MemberId, i32),
    /// A member's year-end self-review.
    SelfReview(MemberId, i32),
    /// The branch's comments, proposed grade and vote on a member.
    BranchReview(MemberId, i32),
    /// The ward's final grade of a member.
    FinalGrade(MemberId, i32),
    /// The monthly self-assessment of roll row `row` of a meeting.
    Monthly(MeetingId, usize),
    /// The branch's own classification for a year.
    BranchYear(i32),
}

impl From<ReviewForm> for FormKind {
    fn from(f: ReviewForm) -> FormKind {
        let new = |tag, ids: &[u64]| FormKind::new(Screen::Review, tag, ids);
        let y = |y: i32| y as u64;
        match f {
            ReviewForm::Plan(id, yr) => new(PLAN, &[id, y(yr)]),
            ReviewForm::SelfReview(id, yr) => new(SELF, &[id, y(yr)]),
            ReviewForm::BranchReview(id, yr) => new(BRANCH, &[id, y(yr)]),
            ReviewForm::FinalGrade(id, yr) => new(FINAL, &[id, y(yr)]),
            ReviewForm::Monthly(m, row) => new(MONTHLY, &[m, row as u64]),
            ReviewForm::BranchYear(yr) => new(BRANCH_YEAR, &[y(yr)]),
        }
    }
}

impl ReviewForm {
    /// The review form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<ReviewForm> {
        if kind.screen != Screen::Review {
            return None;
        }
        let member_year = || Some((kind.id(0)?, kind.id(1)? as i32));
        Some(match kind.tag {
            PLAN => member_year().map(|(m, y)| ReviewForm::Plan(m, y))?,
            SELF => member_year().map(|(m, y)| ReviewForm::SelfReview(m, y))?,
            BRANCH => member_year().map(|(m, y)| ReviewForm::BranchReview(m, y))?,
            FINAL => member_year().map(|(m, y)| ReviewForm::FinalGrade(m, y))?,
            MONTHLY => ReviewForm::Monthly(kind.id(0)?, kind.index(1)?),
            BRANCH_YEAR => ReviewForm::BranchYear(kind.id(0)? as i32),
            _ => return None,
        })
    }
}

/// The heading of a review form (the monthly self-assessment names the member).
fn form_title(app: &App, kind: FormKind) -> String {
    use crate::i18n::ReviewMsg as R;
    let c = app.lang.cat();
    let with_year = |m: R, y: i32| format!("{} {y}", c.review_msg(m));
    match ReviewForm::of(kind) {
        Some(ReviewForm::Plan(_, y)) => with_year(R::FormPlan, y),
        Some(ReviewForm::SelfReview(_, y)) => with_year(R::FormSelf, y),
        Some(ReviewForm::BranchReview(_, y)) => with_year(R::FormBranch, y),
        Some(ReviewForm::FinalGrade(_, y)) => with_year(R::FormFinal, y),
        Some(ReviewForm::BranchYear(y)) => with_year(R::FormBranchYear, y),
        Some(ReviewForm::Monthly(..)) | None => {
            let title = c.review_msg(R::FormMonthly).to_string();
            match target(app, kind).and_then(|(id, _)| app.roster.get(id)) {
                Some(e) => crate::i18n::month::of(app.lang).titled(&title, &e.member.full_name),
                None => title,
            }
        }
    }
}

/// The form of a review kind, filled from the records.
fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    let fields = match ReviewForm::of(kind)? {
        ReviewForm::Plan(id, y) => vec![text(RF::Plan, &app.review.record(y, id).plan)],
        ReviewForm::SelfReview(id, y) => {
            let r = app.review.record(y, id);
            vec![
                text(RF::Strengths, &r.strengths),
                text(RF::Weaknesses, &r.weaknesses),
                text(RF::Causes, &r.causes),
                text(RF::Remedies, &r.remedies),
                text(RF::SelfScore, &num(r.self_score)),
                grade(RF::SelfGrade, r.self_grade),
            ]
        }
        ReviewForm::BranchReview(id, y) => {
            let r = app.review.record(y, id);
            vec![
                text(RF::Comments, &r.comments),
                grade(RF::Proposed, r.proposed),
                text(RF::VoteYes, &num(r.vote.map(|v| v.yes))),
                text(RF::VoteNo, &num(r.vote.map(|v| v.no))),
                text(RF::VoteAbstain, &num(r.vote.map(|v| v.abstain))),
            ]
        }
        ReviewForm::FinalGrade(id, y) => {
            let r = app.review.record(y, id);
            vec![
                grade(RF::FinalGrade, r.final_grade.or(r.proposed)),
                text(RF::Decision, &r.decision),
                text(
                    RF::DecidedOn,
                    &r.decided_on
                        .map(date::format_date)
                        .unwrap_or_else(|| date::format_date(app.today)),
                ),
            ]
        }
        ReviewForm::Monthly(m, row) => {
            let mt = app.meetings.get(m)?;
            let member = mt.attendance.get(row)?.member;
            let r = app.review.record(mt.date.year(), member);
            let existing = r
                .monthly
                .iter()
                .find(|n| n.date == mt.date)
                .map(|n| n.text.clone())
                .unwrap_or_default();
            vec![text(RF::Monthly, &existing)]
        }
        ReviewForm::BranchYear(y) => {
            let b = app.review.years.get(&y).cloned().unwrap_or_default();
            vec![
                grade(RF::BranchGrade, b.grade),
                text(RF::BranchNote, &b.note),
            ]
        }
    };
    Some(Form::new(kind, fields))
}

/// The member and year a review form writes to.
fn target(app: &App, kind: FormKind) -> Option<(MemberId, i32)> {
    match ReviewForm::of(kind)? {
        ReviewForm::Plan(id, y)
        | ReviewForm::SelfReview(id, y)
        | ReviewForm::BranchReview(id, y)
        | ReviewForm::FinalGrade(id, y) => Some((id, y)),
        ReviewForm::Monthly(m, row) => {
            let mt = app.meetings.get(m)?;
            Some((mt.attendance.get(row)?.member, mt.date.year()))
        }
        ReviewForm::BranchYear(_) => None,
    }
}

/// Opens a review form, refusing a locked record or a non-thematic meeting.
pub fn open(app: &mut App, form: ReviewForm) {
    let kind = FormKind::from(form);
    if let ReviewForm::Monthly(m, _) = form
        && app.meetings.get(m).map(|m| m.kind) != Some(MeetingKind::Thematic)
    {
        app.notice = Some(Notice::Review(ReviewNotice::NotThematic));
        return;
    }
    if let Some((id, y)) = target(app, kind) {
        let r = app.review.record(y, id);
        if let Some(g) = r.final_grade {
            app.notice = Some(Notice::Review(ReviewNotice::Locked(g, r.decision)));
            return;
        }
    }
    app.open_form(kind);
}

/// Opens the form `make` builds for the selected member of the year shown.
pub fn open_for_selected(app: &mut App, make: fn(MemberId, i32) -> ReviewForm) {
    match selected(app) {
        Some(id) => open(app, make(id, app.review.year)),
        None => app.notice = Some(Notice::NothingSelected),
    }
}

type Errors = Vec<(FieldRef, Problem)>;

fn parse_num(form: &Form, f: RF, max: u32, errors: &mut Errors) -> Option<u32> {
    let s = form.review_text(f);
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<u32>() {
        Ok(n) if n <= max => Some(n),
        Ok(_) => {
            errors.push((FieldRef::Review(f), Problem::OutOfRange(0, max)));
            None
        }
        Err(_) => {
            errors.push((FieldRef::Review(f), Problem::NotANumber));
            None
        }
    }
}

/// Applies a review form to the record; the errors by field if it is not valid.
fn apply(app: &App, form: &Form, r: &mut MemberReview) -> Result<(), Errors> {
    let mut errors = Errors::new();
    let Some(kind) = ReviewForm::of(form.kind) else {
        return Ok(());
    };
    match kind {
        ReviewForm::Plan(..) => r.plan = form.review_text(RF::Plan),
        ReviewForm::SelfReview(..) => {
            r.strengths = form.review_text(RF::Strengths);
            r.weaknesses = form.review_text(RF::Weaknesses);
            r.causes = form.review_text(RF::Causes);
            r.remedies = form.review_text(RF::Remedies);
            r.self_score = parse_num(form, RF::SelfScore, 100, &mut errors).map(|n| n as u8);
            r.self_grade = form.review_grade(RF::SelfGrade);
        }
        ReviewForm::BranchReview(_, y) => {
            r.comments = form.review_text(RF::Comments);
            r.proposed = form.review_grade(RF::Proposed);
            let yes = parse_num(form, RF::VoteYes, u32::MAX, &mut errors);
            let no = parse_num(form, RF::VoteNo, u32::MAX, &mut errors);
            let abstain = parse_num(form, RF::VoteAbstain, u32::MAX, &mut errors);
            r.vote = None;
            if yes.is_some() || no.is_some() || abstain.is_some() {
                let on = review_date(app, y);
                let meetings = app.meetings.list.iter().map(|(_, m)| m);
                let meeting = rv::year_end_meeting(y, meetings);
                let rows = rv::vote_rows(&members(app), meeting, on);
                // #22.8: a grade vote taken at the year-end meeting needs its quorum.
                if let Some(Err(refusal)) =
                    meeting.map(|m| crate::domain::acts::vote_quorum(&m.attendance))
                {
                    errors.push((
                        FieldRef::Review(RF::VoteYes),
                        Problem::Rule(crate::domain::validate::RuleProblem::Refused(refusal)),
                    ));
                }
                match rv::grade_vote(
                    yes.unwrap_or(0),
                    no.unwrap_or(0),
                    abstain.unwrap_or(0),
                    &rows,
                ) {
                    Ok(v) => r.vote = Some(v),
                    Err(TallyError::MoreThanPresent { counted, present }) => errors.push((
                        FieldRef::Review(RF::VoteYes),
                        Problem::TallyTooLarge(counted, present),
                    )),
                }
            }
        }
        ReviewForm::FinalGrade(..) => {
            r.final_grade = form.review_grade(RF::FinalGrade);
            if r.final_grade.is_none() {
                errors.push((FieldRef::Review(RF::FinalGrade), Problem::Required));
            }
            r.decision = form.review_text(RF::Decision).trim().to_string();
            if r.decision.is_empty() {
                errors.push((FieldRef::Review(RF::Decision), Problem::Required));
            }
            match date::parse_user_date(
                &form.review_text(RF::DecidedOn),
                app.today,
                date::DateRole::Event,
            ) {
                Ok(d) if d > app.today => {
                    errors.push((FieldRef::Review(RF::DecidedOn), Problem::InFuture))
                }
                Ok(d) => r.decided_on = Some(d),
                Err(bad) => errors.push((FieldRef::Review(RF::DecidedOn), Problem::Date(bad))),
            }
        }
        ReviewForm::Monthly(m, _) => {
            let text = form.review_text(RF::Monthly);
            if text.trim().is_empty() {
                errors.push((FieldRef::Review(RF::Monthly), Problem::Required));
            } else if let Some(mt) = app.meetings.get(m) {
                r.set_monthly(mt.date, &text);
            }
        }
        ReviewForm::BranchYear(_) => {}
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The warnings about a member's record of a year, the branch-wide cap included.
pub fn warnings_after_save(app: &App, id: MemberId, year: i32) -> Vec<ReviewWarning> {
    let rows = rv::year_rows(
        year,
        &members(app),
        &app.review.records,
        review_date(app, year),
    );
    let mut out: Vec<ReviewWarning> = rows
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.warnings.clone())
        .unwrap_or_default();
    if let Some(v) = app.review.records.get(&(year, id)).and_then(|r| r.vote)
        && !v.passed
    {
        out.push(ReviewWarning::VoteFailed {
            yes: v.yes,
            denominator: v.denominator,
        });
    }
    out.extend(rv::summary(&rows).cap);
    out
}

/// Saves the open review form; false if there is none.
fn save(app: &mut App) -> bool {
    let Some(form) = app.form.clone() else {
        return false;
    };
    if let Some(ReviewForm::BranchYear(y)) = ReviewForm::of(form.kind) {
        let b = BranchYear {
            grade: form.review_grade(RF::BranchGrade),
            note: form.review_text(RF::BranchNote),
        };
        match app.store.save_branch_year(y, &b) {
            Ok(()) => {
                app.review.years.insert(y, b);
                done(app, Vec::new());
            }
            Err(e) => app.notice = Some(Notice::Store(e)),
        }
        return true;
    }
    let Some((id, year)) = target(app, form.kind) else {
        return false;
    };
    let mut r = app.review.record(year, id);
    if let Some(g) = r.final_grade {
        app.notice = Some(Notice::Review(ReviewNotice::Locked(g, r.decision)));
        return true;
    }
    if let Err(errors) = apply(app, &form, &mut r) {
        if let Some(f) = &mut app.form {
            f.set_errors(&errors);
        }
        app.notice = Some(Notice::FormHasErrors);
        return true;
    }
    match app.store.save_review(year, id, &r) {
        Ok(()) => {
            app.review.records.insert((year, id), r);
            let w = warnings_after_save(app, id, year);
            done(app, w);
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
    true
}

fn done(app: &mut App, w: Vec<ReviewWarning>) {
    app.form = None;
    app.changed = true;
    app.notice = Some(Notice::Review(ReviewNotice::Saved(w)));
    if let Err(e) = app.store.save_draft(None) {
        app.notice = Some(Notice::Store(e));
    }
}

/// Whether a field kind is a review choice (used by the form's labels).
pub fn is_grade_field(f: FieldRef) -> bool {
    matches!(f, FieldRef::Review(_)) && matches!(f.kind(), FieldKind::Choice(_))
}

/// The annual review of a year.
pub const DEF: super::ScreenDef = super::ScreenDef {
    screen: crate::app::Screen::Review,
    name: |l| l.cat().review_msg(crate::i18n::ReviewMsg::Screen),
    context: |_| Context::Review,
    handle: |app, action, _| {
        if let Some(d) = crate::app::parts::list::delta(action, app.page_rows) {
            let n = rows(app).len();
            app.review.cursor = crate::app::parts::list::moved(app.review.cursor, n, d);
            return true;
        }
        let st = &mut app.review;
        match action {
            Action::ReviewPrevYear | Action::ReviewNextYear => {
                st.year += if action == Action::ReviewNextYear {
                    1
                } else {
                    -1
                };
                st.cursor = 0;
            }
            Action::ReviewHistory => st.history = !st.history,
            Action::ReviewPlan => open_for_selected(app, ReviewForm::Plan),
            Action::ReviewSelf => open_for_selected(app, ReviewForm::SelfReview),
            Action::ReviewBranch => open_for_selected(app, ReviewForm::BranchReview),
            Action::ReviewFinal => open_for_selected(app, ReviewForm::FinalGrade),
            Action::ReviewBranchGrade => open(app, ReviewForm::BranchYear(app.review.year)),
            _ => return false,
        }
        true
    },
    hints: |_| {
        &[
            Action::ReviewSelf,
            Action::ReviewBranch,
            Action::ReviewFinal,
            Action::ReviewPlan,
            Action::ReviewBranchGrade,
            Action::ReviewPrevYear,
            Action::ReviewHistory,
        ]
    },
    find: |app, _, typed| {
        let names: Vec<String> = rows(app).into_iter().map(|r| r.name).collect();
        if let Some(i) = crate::app::parts::find::first_match(&names, typed) {
            app.review.cursor = i;
        }
        true
    },
    form_tags: &[PLAN, SELF, BRANCH, FINAL, MONTHLY, BRANCH_YEAR],
    form_title,
    form_for,
    restore: |app, kind| {
        if let Some(ReviewForm::Monthly(m, _)) = ReviewForm::of(kind) {
            app.meetings.open = Some(m);
        }
    },
    save: |app, kind| {
        if ReviewForm::of(kind).is_some() {
            save(app);
        }
        ReviewForm::of(kind).is_some()
    },
    question: super::no_words,
    confirmed: super::no_question,
};

impl ReviewState {
    /// Reads every review record and branch classification again from the store (after
    /// an undo or redo).
    pub fn reload(&mut self, store: &crate::store::Store) -> Result<(), crate::store::StoreError> {
        self.records = store.reviews()?.into_iter().collect();
        self.years = store.branch_years()?.into_iter().collect();
        Ok(())
    }
}
