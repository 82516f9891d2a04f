//! Screen 4: party dues (đảng phí) and party badges (Huy hiệu Đảng), two tabs.
//!
//! Dues: one month at a time, one row per member of the branch that month, so collecting
//! at the monthly meeting is one pass down the roster (a key marks paid and moves on).
//! Badges: the list for one presentation date, or every member's length of membership.
//! Every change is saved at once.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::app::roster::{Roster, RosterEntry};
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::badges::{self, Award, BadgeField, BadgeRecord, Candidate};
use crate::domain::date;
use crate::domain::dues::{
    self, Category, Due, DuesField, HandOver, Ledger, Method, Payment, Profile, Relief, ReliefKind,
    YearMonth,
};
use crate::domain::member::MemberId;
use crate::domain::rules::{self, RuleId};
use crate::domain::text;
use crate::domain::validate::Problem;
use crate::keymap::action::{Action, Context};
use crate::store::{Store, StoreError};

/// The tabs of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuesTab {
    /// Đảng phí: the month's collection.
    Dues,
    /// Huy hiệu Đảng.
    Badges,
}

/// The state of the dues and badges screen.
#[derive(Debug, Clone)]
pub struct DuesScreen {
    /// Every member's dues ledger.
    pub ledgers: BTreeMap<MemberId, Ledger>,
    /// Every member's badge record.
    pub badges: BTreeMap<MemberId, BadgeRecord>,
    /// What the branch handed on of each month's dues, by month.
    pub handed: Vec<HandOver>,
    /// The tab shown.
    pub tab: DuesTab,
    /// The month shown on the dues tab.
    pub month: YearMonth,
    /// Selected row on the dues tab.
    pub cursor: usize,
    /// The presentation date shown on the badges tab.
    pub presentation: NaiveDate,
    /// Selected row on the badges tab.
    pub badge_cursor: usize,
    /// Whether the badges tab lists every member instead of one presentation date.
    pub all_members: bool,
}

impl DuesScreen {
    /// The screen over these records, showing today's month and the next presentation date.
    pub fn new(
        ledgers: BTreeMap<MemberId, Ledger>,
        badges: BTreeMap<MemberId, BadgeRecord>,
        today: NaiveDate,
    ) -> DuesScreen {
        DuesScreen {
            ledgers,
            badges,
            handed: Vec::new(),
            tab: DuesTab::Dues,
            month: YearMonth::of(today),
            cursor: 0,
            presentation: badges::next_presentation(today).unwrap_or(today),
            badge_cursor: 0,
            all_members: false,
        }
    }

    /// The screen with the branch's hand-overs of dues (read from the store).
    pub fn with_handed(mut self, handed: Vec<HandOver>) -> DuesScreen {
        self.handed = handed;
        self
    }

    /// A member's ledger (empty if none yet).
    pub fn ledger(&self, id: MemberId) -> Ledger {
        self.ledgers.get(&id).cloned().unwrap_or_default()
    }
}

/// The members of the dues tab: everyone in the branch in the month, in name order.
pub fn dues_rows(roster: &Roster, month: YearMonth) -> Vec<&RosterEntry> {
    roster
        .entries()
        .iter()
        .filter(|e| dues::in_branch(&e.member, month))
        .collect()
}

/// A row of the badges tab.
#[derive(Debug, Clone)]
pub enum BadgeRow<'a> {
    /// A member on the presentation list.
    Candidate(&'a RosterEntry, Candidate),
    /// A member of the branch (the all-members view).
    Member(&'a RosterEntry),
}

impl<'a> BadgeRow<'a> {
    /// The member of the row.
    pub fn entry(&self) -> &'a RosterEntry {
        match self {
            BadgeRow::Candidate(e, _) | BadgeRow::Member(e) => e,
        }
    }
}

/// The rows of the badges tab.
pub fn badge_rows<'a>(app: &'a App) -> Vec<BadgeRow<'a>> {
    let d = &app.dues;
    let entries = app.roster.entries();
    if d.all_members {
        return entries
            .iter()
            .filter(|e| e.status.is_active())
            .map(BadgeRow::Member)
            .collect();
    }
    badges::candidates(
        entries.iter().map(|e| (e.id, &e.member)),
        &d.badges,
        d.presentation,
    )
    .into_iter()
    .filter_map(|c| {
        let e = app.roster.get(c.member)?;
        Some(BadgeRow::Candidate(e, c))
    })
    .collect()
}

fn row_count(app: &App) -> usize {
    match app.dues.tab {
        DuesTab::Dues => dues_rows(&app.roster, app.dues.month).len(),
        DuesTab::Badges => badge_rows(app).len(),
    }
}

/// Moves the cursor of the tab shown by `delta` rows.
pub fn move_cursor(app: &mut App, delta: isize) {
    let len = row_count(app);
    let cur = match app.dues.tab {
        DuesTab::Dues => &mut app.dues.cursor,
        DuesTab::Badges => &mut app.dues.badge_cursor,
    };
    *cur = (*cur as isize)
        .saturating_add(delta)
        .clamp(0, len.saturating_sub(1) as isize) as usize;
}

fn clamp_cursors(app: &mut App) {
    move_cursor(app, 0);
}

/// Switches between the dues and badges tabs.
pub fn switch_tab(app: &mut App) {
    app.dues.tab = match app.dues.tab {
        DuesTab::Dues => DuesTab::Badges,
        DuesTab::Badges => DuesTab::Dues,
    };
}

/// Applies one of the screen's own actions.
pub fn act(app: &mut App, action: Action) {
    match action {
        Action::PrevPeriod | Action::NextPeriod => {
            let forward = action == Action::NextPeriod;
            match app.dues.tab {
                DuesTab::Dues => app.dues.month = app.dues.month.plus(if forward { 1 } else { -1 }),
                DuesTab::Badges => {
                    let p = app.dues.presentation;
                    let next = if forward {
                        p.succ_opt().and_then(badges::next_presentation)
                    } else {
                        badges::previous_presentation(p)
                    };
                    app.dues.presentation = next.unwrap_or(p);
                    app.dues.all_members = false;
                }
            }
            clamp_cursors(app);
        }
        Action::PayCash => pay(app, Some(Method::Cash)),
        Action::PayOnline => pay(app, Some(Method::Online)),
        Action::ClearPayment => pay(app, None),
        Action::PayByOther => open_payer_form(app),
        Action::HandOn => app.open_form(DuesForm::HandOn(app.dues.month.index()).into()),
        Action::RecordAward => record_award(app),
        Action::ToggleIllness => toggle_illness(app),
        Action::AllMembers => {
            app.dues.all_members = !app.dues.all_members;
            app.dues.badge_cursor = 0;
        }
        _ => {}
    }
}

/// Marks the selected member's month paid (and moves to the next row), or clears it.
fn pay(app: &mut App, method: Option<Method>) {
    let month = app.dues.month;
    let rows = dues_rows(&app.roster, month);
    let Some(e) = rows.get(app.dues.cursor) else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    let (id, name) = (e.id, e.member.full_name.clone());
    let mut ledger = app.dues.ledger(id);
    let due = dues::due(&e.member, &ledger, month);
    let len = rows.len();
    match method {
        None => {
            if ledger.clear(month) {
                save_payments(app, id, ledger);
            }
            return;
        }
        // Already paid: one pass never overwrites a payment (clear it first to change it).
        Some(_) if ledger.payment(month).is_some() => {}
        Some(method) => match due {
            Due::Owed(amount) => {
                ledger.pay(Payment {
                    month,
                    amount,
                    method,
                    date: app.today,
                    payer: String::new(),
                });
                if !save_payments(app, id, ledger) {
                    return;
                }
            }
            Due::Unknown => {
                app.notice = Some(Notice::NoDuesProfile(name));
                return;
            }
            Due::Exempt(_) | Due::NotOwed => {}
        },
    }
    // One pass over the roster: move on to the next member.
    app.dues.cursor = (app.dues.cursor + 1).min(len.saturating_sub(1));
}

fn save_payments(app: &mut App, id: MemberId, ledger: Ledger) -> bool {
    match app.store.save_dues_payments(id, &ledger) {
        Ok(()) => {
            app.dues.ledgers.insert(id, ledger);
            app.changed = true;
            true
        }
        Err(e) => {
            app.notice = Some(Notice::Store(e));
            false
        }
    }
}

/// Opens the form naming who handed in the selected member's dues of the month shown
/// (paid by someone else). A member whose amount is unknown gets the profile notice; one
/// who owes nothing gets nothing to mark.
fn open_payer_form(app: &mut App) {
    let month = app.dues.month;
    let rows = dues_rows(&app.roster, month);
    let Some(e) = rows.get(app.dues.cursor) else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    let ledger = app.dues.ledger(e.id);
    match dues::due(&e.member, &ledger, month) {
        Due::Owed(_) => {}
        _ if ledger.payment(month).is_some() => {}
        Due::Unknown => {
            app.notice = Some(Notice::NoDuesProfile(e.member.full_name.clone()));
            return;
        }
        Due::Exempt(_) | Due::NotOwed => {
            app.notice = Some(Notice::NothingSelected);
            return;
        }
    }
    let kind = DuesForm::Payer(e.id, month.index());
    app.open_form(kind.into());
}

/// Checks the payer form: the name cleaned, at most [`dues::PAYER_MAX_CHARS`] characters
/// (empty: the member paid).
pub fn check_payer(form: &Form) -> Result<String, Errors> {
    let f = FieldRef::Dues(DuesField::Payer);
    let payer = text::clean(&value(form, f));
    if payer.chars().count() > dues::PAYER_MAX_CHARS {
        return Err(vec![(f, Problem::TooLong(dues::PAYER_MAX_CHARS))]);
    }
    Ok(payer)
}

/// Records the month paid in cash and handed in by `payer` (or names the payer of a
/// payment already recorded); the status-line notice names both.
fn save_payer(
    app: &mut App,
    id: MemberId,
    month: YearMonth,
    payer: String,
) -> Result<Notice, StoreError> {
    let Some(e) = app.roster.get(id) else {
        return Ok(Notice::NothingSelected);
    };
    let name = e.member.full_name.clone();
    let mut ledger = app.dues.ledger(id);
    let payment = match (ledger.payment(month), dues::due(&e.member, &ledger, month)) {
        (Some(p), _) => Payment {
            payer: payer.clone(),
            ..p.clone()
        },
        (None, Due::Owed(amount)) => Payment {
            month,
            amount,
            method: Method::Cash,
            date: app.today,
            payer: payer.clone(),
        },
        (None, Due::Unknown) => return Ok(Notice::NoDuesProfile(name)),
        (None, _) => return Ok(Notice::NothingSelected),
    };
    ledger.pay(payment);
    app.store.save_dues_payments(id, &ledger)?;
    app.dues.ledgers.insert(id, ledger);
    // One pass over the roster: move on to the next member.
    let len = dues_rows(&app.roster, month).len();
    app.dues.cursor = (app.dues.cursor + 1).min(len.saturating_sub(1));
    Ok(Notice::Receipts(
        crate::i18n::receipts::ReceiptsNotice::Paid(name, month, payer),
    ))
}

/// The figures of a month's hand-over: collected in it, the share, what was handed on.
pub fn hand_on_figures(app: &App, month: YearMonth) -> dues::HandOnFigures {
    let members = app.roster.entries().iter().map(|e| (e.id, &e.member));
    dues::hand_on_figures(members, &app.dues.ledgers, &app.dues.handed, month)
}

/// Checks the hand-over form of `month`: a date not after today, an amount of money (not
/// negative), whom to (required) and a note, each at most
/// [`dues::HAND_OVER_TEXT_MAX_CHARS`].
pub fn check_hand_on(form: &Form, month: YearMonth, today: NaiveDate) -> Result<HandOver, Errors> {
    let mut e = Vec::new();
    let f = FieldRef::Dues;
    let raw = value(form, f(DuesField::HandedDate));
    let when = match date::parse_user_date(&raw, today, date::DateRole::Event) {
        _ if raw.trim().is_empty() => {
            e.push((f(DuesField::HandedDate), Problem::Required));
            None
        }
        Ok(d) if d > today => {
            e.push((f(DuesField::HandedDate), Problem::InFuture));
            None
        }
        Ok(d) => Some(d),
        Err(bad) => {
            e.push((f(DuesField::HandedDate), Problem::Date(bad)));
            None
        }
    };
    let raw = value(form, f(DuesField::HandedAmount));
    let amount = if raw.trim().is_empty() {
        e.push((f(DuesField::HandedAmount), Problem::Required));
        None
    } else {
        let a = dues::parse_amount(&raw);
        if a.is_none() {
            e.push((f(DuesField::HandedAmount), Problem::AmountFormat));
        }
        a
    };
    let mut text_field = |field: DuesField, required: bool| {
        let v = text::clean(&value(form, f(field)));
        if required && v.is_empty() {
            e.push((f(field), Problem::Required));
        } else if v.chars().count() > dues::HAND_OVER_TEXT_MAX_CHARS {
            e.push((f(field), Problem::TooLong(dues::HAND_OVER_TEXT_MAX_CHARS)));
        }
        v
    };
    let to = text_field(DuesField::HandedTo, true);
    let note = text_field(DuesField::HandedNote, false);
    match (when, amount, e.is_empty()) {
        (Some(date), Some(amount), true) => Ok(HandOver {
            month,
            date,
            amount,
            to,
            note,
        }),
        _ => Err(e),
    }
}

/// Saves a month's hand-over durably (replacing an earlier one of the month); the
/// status-line notice names the amount and to whom.
fn save_hand_on(app: &mut App, h: HandOver) -> Result<Notice, StoreError> {
    let mut list = app.dues.handed.clone();
    let notice = crate::i18n::receipts::ReceiptsNotice::HandedOn(h.month, h.amount, h.to.clone());
    dues::set_hand_over(&mut list, h);
    app.store.save_dues_handed(&list)?;
    app.dues.handed = list;
    Ok(Notice::Receipts(notice))
}

fn selected_badge_row(app: &App) -> Option<(MemberId, Option<u32>)> {
    let rows = badge_rows(app);
    let row = rows.get(app.dues.badge_cursor)?;
    Some(match row {
        BadgeRow::Candidate(e, c) => (e.id, Some(c.milestone)),
        BadgeRow::Member(e) => (e.id, None),
    })
}

/// The milestone to record for a member chosen in the all-members view: the highest one
/// reached and not yet awarded, else the next one.
fn milestone_for(app: &App, id: MemberId) -> Option<u32> {
    let m = &app.roster.get(id)?.member;
    let rec = app.dues.badges.get(&id);
    let reached = badges::membership_years(m, app.today).unwrap_or(0);
    let done = |y: u32| rec.is_some_and(|r| r.award(y).is_some());
    badges::milestones()
        .into_iter()
        .rfind(|y| *y <= reached)
        .filter(|y| !done(*y))
        .or_else(|| badges::next_milestone(m, app.today).map(|(y, _)| y))
}

fn record_award(app: &mut App) {
    let Some((id, milestone)) = selected_badge_row(app) else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    let Some(milestone) = milestone.or_else(|| milestone_for(app, id)) else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    app.open_form(DuesForm::Award(id, milestone).into());
}

fn toggle_illness(app: &mut App) {
    let Some((id, _)) = selected_badge_row(app) else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    let mut rec = app.dues.badges.get(&id).cloned().unwrap_or_default();
    rec.serious_illness = !rec.serious_illness;
    save_badges(app, id, rec);
}

/// Saves a member's badge record durably and keeps the screen's copy in step.
fn save_badges(app: &mut App, id: MemberId, rec: BadgeRecord) {
    match app.store.save_badges(id, &rec) {
        Ok(()) => {
            app.dues.badges.insert(id, rec);
            app.changed = true;
            app.notice = Some(Notice::Saved(Vec::new()));
            clamp_cursors(app);
        }
        Err(e) => app.notice = Some(Notice::Store(e)),
    }
}

/// Opens the dues profile form of the selected member (dues tab).
pub fn edit_profile(app: &mut App) {
    let rows = dues_rows(&app.roster, app.dues.month);
    match rows.get(app.dues.cursor) {
        Some(e) => {
            let kind = DuesForm::Profile(e.id, app.dues.month.index());
            app.open_form(kind.into());
        }
        None => app.notice = Some(Notice::NothingSelected),
    }
}

/// Writes the receipt list of the month shown (what was collected in it, back-pay
/// included) as text and Word into the exports folder and names the files on the status
/// line; a month with no payment gets a notice, not an empty list.
pub fn export_receipts(app: &mut App) {
    use crate::interchange::receipts;
    let month = app.dues.month;
    let members = app.roster.entries().iter().map(|e| (e.id, &e.member));
    let r = receipts::receipts(members, &app.dues.ledgers, month).with_handed(&app.dues.handed);
    if r.rows.is_empty() {
        app.notice = Some(Notice::Receipts(
            crate::i18n::receipts::ReceiptsNotice::NobodyPaid(month),
        ));
        return;
    }
    let branch = app.branch.clone().unwrap_or_default();
    let dir = crate::interchange::exports_dir(app.store.dir());
    app.notice = Some(
        match receipts::receipts_files(&branch, &r, app.today, &dir) {
            Ok(paths) => Notice::Exported(paths),
            Err(e) => Notice::Store(StoreError::Io(e.to_string())),
        },
    );
}

/// Asks to delete the selected award (badges tab).
pub fn delete_award(app: &mut App) {
    let Some((id, milestone)) = selected_badge_row(app) else {
        app.notice = Some(Notice::NothingSelected);
        return;
    };
    let rec = app.dues.badges.get(&id);
    let milestone = milestone.or_else(|| rec?.awards.last().map(|a| a.milestone));
    match (milestone, app.roster.get(id)) {
        (Some(y), Some(e)) if rec.is_some_and(|r| r.award(y).is_some()) => {
            app.ask(Confirm::DeleteAward(id, y, e.member.full_name.clone()));
        }
        _ => app.notice = Some(Notice::NothingSelected),
    }
}

/// Deletes an award after confirmation.
pub fn confirm_delete_award(app: &mut App, id: MemberId, milestone: u32) {
    let Some(mut rec) = app.dues.badges.get(&id).cloned() else {
        return;
    };
    rec.awards.retain(|a| a.milestone != milestone);
    save_badges(app, id, rec);
}

fn tf(f: FieldRef, v: &str) -> FormField {
    FormField::text(f, v)
}

/// The relief choice index of the form (0 = none).
fn relief_choice(r: Option<&Relief>) -> usize {
    r.and_then(|r| ReliefKind::choices().iter().position(|k| *k == r.kind))
        .map_or(0, |i| i + 1)
}

/// The form of a dues profile or badge award, filled from the records.
fn form_for(app: &App, kind: FormKind) -> Option<Form> {
    match DuesForm::of(kind)? {
        DuesForm::Profile(id, month) => {
            let month = YearMonth::from_index(month);
            let ledger = app.dues.ledger(id);
            let p = ledger.profile_at(month);
            let from = p.map_or(month, |p| p.from);
            let r = p.and_then(|p| p.relief.as_ref());
            let cat = p.and_then(|p| Category::ALL.iter().position(|c| *c == p.category));
            let base = p
                .filter(|p| p.category.needs_base())
                .map(|p| dues::group_thousands(p.base, '.'))
                .unwrap_or_default();
            let f = FieldRef::Dues;
            Some(Form::new(
                kind,
                vec![
                    tf(f(DuesField::From), &from.to_string()),
                    FormField::choice(f(DuesField::Category), cat, Vec::new()),
                    tf(f(DuesField::Base), &base),
                    FormField::choice(f(DuesField::Relief), Some(relief_choice(r)), Vec::new()),
                    tf(
                        f(DuesField::Decision),
                        r.map_or("", |r| r.decision.as_str()),
                    ),
                    tf(
                        f(DuesField::ReliefFrom),
                        &r.map(|r| r.from.to_string()).unwrap_or_default(),
                    ),
                    tf(
                        f(DuesField::ReliefTo),
                        &r.map(|r| r.to.to_string()).unwrap_or_default(),
                    ),
                ],
            ))
        }
        DuesForm::Payer(id, month) => {
            let month = YearMonth::from_index(month);
            let payer = app
                .dues
                .ledger(id)
                .payment(month)
                .map(|p| p.payer.clone())
                .unwrap_or_default();
            // The branch's other members, offered with ↑ ↓; any other name may be typed.
            let others = dues_rows(&app.roster, month)
                .into_iter()
                .filter(|e| e.id != id)
                .map(|e| e.member.full_name.clone())
                .collect();
            Some(Form::new(
                kind,
                vec![FormField::text_with_options(
                    FieldRef::Dues(DuesField::Payer),
                    &payer,
                    others,
                )],
            ))
        }
        DuesForm::HandOn(month) => {
            let month = YearMonth::from_index(month);
            let f = FieldRef::Dues;
            let existing = app.dues.handed.iter().find(|h| h.month == month);
            // Filled with the share computed from the rule and the branch's superior.
            let amount = existing.map_or_else(|| hand_on_figures(app, month).share, |h| h.amount);
            let to = existing.map_or_else(
                || {
                    app.branch
                        .as_ref()
                        .map(|b| b.superior.clone())
                        .unwrap_or_default()
                },
                |h| h.to.clone(),
            );
            Some(Form::new(
                kind,
                vec![
                    tf(
                        f(DuesField::HandedDate),
                        &date::format_date(existing.map_or(app.today, |h| h.date)),
                    ),
                    tf(
                        f(DuesField::HandedAmount),
                        &dues::group_thousands(amount, '.'),
                    ),
                    tf(f(DuesField::HandedTo), &to),
                    tf(
                        f(DuesField::HandedNote),
                        existing.map_or("", |h| h.note.as_str()),
                    ),
                ],
            ))
        }
        DuesForm::Award(id, milestone) => {
            let existing = app.dues.badges.get(&id).and_then(|r| r.award(milestone));
            let when = existing.map_or_else(
                || {
                    if app.dues.all_members {
                        app.today
                    } else {
                        app.dues.presentation.min(app.today)
                    }
                },
                |a| a.date,
            );
            let choice = badges::milestones().iter().position(|y| *y == milestone);
            let f = FieldRef::Badge;
            Some(Form::new(
                kind,
                vec![
                    FormField::choice(f(BadgeField::Milestone), choice, Vec::new()),
                    tf(f(BadgeField::Date), &date::format_date(when)),
                    tf(
                        f(BadgeField::Decision),
                        existing.map_or("", |a| a.decision.as_str()),
                    ),
                ],
            ))
        }
    }
}

/// Where a restored draft of these forms belongs.
fn restore(app: &mut App, kind: FormKind) {
    match DuesForm::of(kind) {
        Some(DuesForm::Profile(..) | DuesForm::Payer(..) | DuesForm::HandOn(..)) => {
            app.dues.tab = DuesTab::Dues
        }
        Some(DuesForm::Award(..)) => app.dues.tab = DuesTab::Badges,
        None => {}
    }
}

const PROFILE: u8 = 17;
const AWARD: u8 = 18;
const PAYER: u8 = 60;
const HAND_ON: u8 = 61;

/// The forms of the dues and badges tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuesForm {
    /// A member's dues profile in force in a month (`YearMonth::index`).
    Profile(MemberId, i32),
    /// The award of a badge milestone (years) to a member.
    Award(MemberId, u32),
    /// Who handed in a member's dues of a month (`YearMonth::index`).
    Payer(MemberId, i32),
    /// What the branch handed on of a month's dues (`YearMonth::index`).
    HandOn(i32),
}

impl From<DuesForm> for FormKind {
    fn from(f: DuesForm) -> FormKind {
        match f {
            DuesForm::Profile(id, month) => FormKind::new(
                Screen::Dues,
                PROFILE,
                &[id, u64::try_from(month).unwrap_or(0)],
            ),
            DuesForm::Award(id, years) => {
                FormKind::new(Screen::Dues, AWARD, &[id, u64::from(years)])
            }
            DuesForm::Payer(id, month) => FormKind::new(
                Screen::Dues,
                PAYER,
                &[id, u64::try_from(month).unwrap_or(0)],
            ),
            DuesForm::HandOn(month) => {
                FormKind::new(Screen::Dues, HAND_ON, &[u64::try_from(month).unwrap_or(0)])
            }
        }
    }
}

impl DuesForm {
    /// The dues form a form kind is, if it is one.
    pub fn of(kind: FormKind) -> Option<DuesForm> {
        if kind.screen != Screen::Dues {
            return None;
        }
        Some(match kind.tag {
            PROFILE => DuesForm::Profile(kind.id(0)?, i32::try_from(kind.id(1)?).ok()?),
            AWARD => DuesForm::Award(kind.id(0)?, u32::try_from(kind.id(1)?).ok()?),
            PAYER => DuesForm::Payer(kind.id(0)?, i32::try_from(kind.id(1)?).ok()?),
            HAND_ON => DuesForm::HandOn(i32::try_from(kind.id(0)?).ok()?),
            _ => return None,
        })
    }
}

type Errors = Vec<(FieldRef, Problem)>;

fn value(form: &Form, f: FieldRef) -> String {
    form.fields
        .iter()
        .find(|x| x.field == f)
        .map(FormField::value)
        .unwrap_or_default()
}

fn choice(form: &Form, f: FieldRef) -> Option<usize> {
    form.fields
        .iter()
        .find(|x| x.field == f)
        .and_then(|x| x.choice)
}

fn month_field(form: &Form, f: DuesField, e: &mut Errors) -> Option<YearMonth> {
    let raw = value(form, FieldRef::Dues(f));
    if raw.trim().is_empty() {
        e.push((FieldRef::Dues(f), Problem::Required));
        return None;
    }
    let m = YearMonth::parse(&raw);
    if m.is_none() {
        e.push((FieldRef::Dues(f), Problem::MonthFormat));
    }
    m
}

/// Rules QĐ 01-QĐ/TW 2026: checks the profile form. A base amount is needed for salary,
/// pension and fixed amounts; a relief needs its decision and months, at most
/// `DuesReliefMaxMonths` for all but special hardship.
pub fn check_profile(form: &Form) -> Result<Profile, Errors> {
    let mut e = Vec::new();
    let from = month_field(form, DuesField::From, &mut e);
    let category = choice(form, FieldRef::Dues(DuesField::Category))
        .and_then(|i| Category::ALL.get(i).copied());
    if category.is_none() {
        e.push((FieldRef::Dues(DuesField::Category), Problem::Required));
    }
    let raw_base = value(form, FieldRef::Dues(DuesField::Base));
    let base = if category.is_some_and(Category::needs_base) {
        if raw_base.trim().is_empty() {
            e.push((FieldRef::Dues(DuesField::Base), Problem::Required));
            0
        } else {
            dues::parse_amount(&raw_base).unwrap_or_else(|| {
                e.push((FieldRef::Dues(DuesField::Base), Problem::AmountFormat));
                0
            })
        }
    } else {
        0
    };
    let relief_kind = choice(form, FieldRef::Dues(DuesField::Relief))
        .filter(|i| *i > 0)
        .and_then(|i| ReliefKind::choices().get(i - 1).copied());
    let relief = match relief_kind {
        None => None,
        Some(kind) => {
            let decision = text::clean(&value(form, FieldRef::Dues(DuesField::Decision)));
            if decision.is_empty() {
                e.push((FieldRef::Dues(DuesField::Decision), Problem::Required));
            }
            let rf = month_field(form, DuesField::ReliefFrom, &mut e);
            let rt = month_field(form, DuesField::ReliefTo, &mut e);
            match (rf, rt) {
                (Some(a), Some(b)) => {
                    let r = Relief {
                        kind,
                        decision,
                        from: a,
                        to: b,
                    };
                    let max = rules::value(RuleId::DuesReliefMaxMonths);
                    if b < a {
                        e.push((FieldRef::Dues(DuesField::ReliefTo), Problem::MonthOrder));
                    } else if kind.time_limited() && i64::from(r.months()) > max {
                        e.push((
                            FieldRef::Dues(DuesField::ReliefTo),
                            Problem::ReliefTooLong(max),
                        ));
                    }
                    Some(r)
                }
                _ => None,
            }
        }
    };
    match (from, category, e.is_empty()) {
        (Some(from), Some(category), true) => Ok(Profile {
            from,
            category,
            base,
            relief,
        }),
        _ => Err(e),
    }
}

/// Checks the award form: a milestone, a date not after today, and the decision.
pub fn check_award(form: &Form, today: NaiveDate) -> Result<Award, Errors> {
    let mut e = Vec::new();
    let f = FieldRef::Badge;
    let milestone =
        choice(form, f(BadgeField::Milestone)).and_then(|i| badges::milestones().get(i).copied());
    if milestone.is_none() {
        e.push((f(BadgeField::Milestone), Problem::Required));
    }
    let raw = value(form, f(BadgeField::Date));
    let when = match date::parse_user_date(&raw, today, date::DateRole::Event) {
        _ if raw.trim().is_empty() => {
            e.push((f(BadgeField::Date), Problem::Required));
            None
        }
        Ok(d) if d > today => {
            e.push((f(BadgeField::Date), Problem::InFuture));
            None
        }
        Ok(d) => Some(d),
        Err(bad) => {
            e.push((f(BadgeField::Date), Problem::Date(bad)));
            None
        }
    };
    let decision = text::clean(&value(form, f(BadgeField::Decision)));
    if decision.is_empty() {
        e.push((f(BadgeField::Decision), Problem::Required));
    }
    match (milestone, when, e.is_empty()) {
        (Some(milestone), Some(date), true) => Ok(Award {
            milestone,
            date,
            decision,
        }),
        _ => Err(e),
    }
}

/// Saves a dues profile or badge award form: `Ok(Err(errors))` when the form is refused.
pub fn save_form(
    form: &Form,
    screen: &mut DuesScreen,
    store: &Store,
    today: NaiveDate,
) -> Result<Result<(), Errors>, StoreError> {
    match DuesForm::of(form.kind) {
        Some(DuesForm::Profile(id, _)) => match check_profile(form) {
            Err(e) => Ok(Err(e)),
            Ok(p) => {
                let mut ledger = screen.ledger(id);
                ledger.set_profile(p);
                store.save_dues_profiles(id, &ledger)?;
                screen.ledgers.insert(id, ledger);
                Ok(Ok(()))
            }
        },
        Some(DuesForm::Award(id, old)) => match check_award(form, today) {
            Err(e) => Ok(Err(e)),
            Ok(a) => {
                let mut rec = screen.badges.get(&id).cloned().unwrap_or_default();
                if a.milestone != old {
                    rec.awards.retain(|x| x.milestone != old);
                }
                rec.set_award(a);
                store.save_badges(id, &rec)?;
                screen.badges.insert(id, rec);
                Ok(Ok(()))
            }
        },
        // Saved by `save_payer`, which needs the roster.
        Some(DuesForm::Payer(..) | DuesForm::HandOn(..)) | None => Ok(Ok(())),
    }
}

/// The dues and badges tabs.
pub const DEF: super::ScreenDef = super::ScreenDef {
    screen: crate::app::Screen::Dues,
    name: |l| l.cat().dues().msg(crate::i18n::dues::DuesMsg::ScreenName),
    context: |app| match app.dues.tab {
        DuesTab::Dues => Context::Dues,
        DuesTab::Badges => Context::Badges,
    },
    handle,
    hints: |ctx| match ctx {
        Context::Badges => &[
            Action::RecordAward,
            Action::ToggleIllness,
            Action::AllMembers,
            Action::Delete,
            Action::PrevPeriod,
            Action::NextTab,
        ],
        _ => &[
            Action::PayCash,
            Action::PayOnline,
            // The month's list before the rarer keys: at 80 columns F8 (also Delete) is
            // the one the bar leaves out.
            Action::ExportReceipts,
            Action::PayByOther,
            Action::HandOn,
            Action::Edit,
            Action::ClearPayment,
            Action::PrevPeriod,
            Action::NextTab,
        ],
    },
    find: |app, ctx, typed| {
        let names: Vec<String> = match ctx {
            Context::Badges => badge_rows(app)
                .iter()
                .map(|r| r.entry().member.full_name.clone())
                .collect(),
            _ => dues_rows(&app.roster, app.dues.month)
                .iter()
                .map(|e| e.member.full_name.clone())
                .collect(),
        };
        if let Some(i) = crate::app::parts::find::first_match(&names, typed) {
            match ctx {
                Context::Badges => app.dues.badge_cursor = i,
                _ => app.dues.cursor = i,
            }
        }
        true
    },
    form_tags: &[PROFILE, AWARD, PAYER, HAND_ON],
    form_title: |app, kind| {
        let d = app.lang.cat().dues();
        match DuesForm::of(kind) {
            Some(DuesForm::Award(..)) => d.msg(crate::i18n::dues::DuesMsg::FormAward).to_string(),
            Some(DuesForm::Payer(id, month)) => format!(
                "{} {} ({})",
                d.msg(crate::i18n::dues::DuesMsg::FormPayer),
                app.roster
                    .get(id)
                    .map_or("", |e| e.member.full_name.as_str()),
                YearMonth::from_index(month)
            ),
            Some(DuesForm::HandOn(month)) => format!(
                "{} {}",
                d.msg(crate::i18n::dues::DuesMsg::FormHandOn),
                YearMonth::from_index(month)
            ),
            _ => d.msg(crate::i18n::dues::DuesMsg::FormProfile).to_string(),
        }
    },
    form_for,
    restore,
    save: |app, kind| {
        if DuesForm::of(kind).is_none() {
            return false;
        }
        let Some(form) = &app.form else { return true };
        if let Some(DuesForm::Payer(id, month)) = DuesForm::of(kind) {
            match check_payer(form) {
                Err(errors) => app.form_refused(&errors),
                Ok(payer) => match save_payer(app, id, YearMonth::from_index(month), payer) {
                    Ok(n) => app.form_saved(n),
                    Err(e) => app.notice = Some(Notice::Store(e)),
                },
            }
            return true;
        }
        if let Some(DuesForm::HandOn(month)) = DuesForm::of(kind) {
            match check_hand_on(form, YearMonth::from_index(month), app.today) {
                Err(errors) => app.form_refused(&errors),
                Ok(h) => match save_hand_on(app, h) {
                    Ok(n) => app.form_saved(n),
                    Err(e) => app.notice = Some(Notice::Store(e)),
                },
            }
            return true;
        }
        match save_form(form, &mut app.dues, &app.store, app.today) {
            Ok(Ok(())) => app.form_saved(Notice::Saved(Vec::new())),
            Ok(Err(errors)) => app.form_refused(&errors),
            Err(e) => app.notice = Some(Notice::Store(e)),
        }
        true
    },
    question: question_words,
    confirmed: |app, c| match *c {
        Confirm::DeleteAward(id, milestone, _) => {
            confirm_delete_award(app, id, milestone);
            true
        }
        _ => false,
    },
};

fn handle(app: &mut App, action: Action, ctx: Context) -> bool {
    if let Some(d) = crate::app::parts::list::delta(action, app.page_rows) {
        move_cursor(app, d);
        return true;
    }
    match (ctx, action) {
        (_, Action::NextTab | Action::PrevTab) => switch_tab(app),
        (Context::Dues, Action::Edit) => edit_profile(app),
        (Context::Dues, Action::ExportReceipts) => export_receipts(app),
        (Context::Badges, Action::Delete) => delete_award(app),
        (Context::Badges, Action::Back) => app.dues.all_members = false,
        // Reached from a meeting (#17): Esc goes back to it.
        (Context::Dues, Action::Back) if app.return_to.is_some() => {
            app.screen = app.return_to.take().unwrap_or(app.screen);
        }
        (
            _,
            Action::PrevPeriod
            | Action::NextPeriod
            | Action::PayCash
            | Action::PayOnline
            | Action::ClearPayment
            | Action::PayByOther
            | Action::HandOn
            | Action::RecordAward
            | Action::ToggleIllness
            | Action::AllMembers,
        ) => act(app, action),
        _ => return false,
    }
    true
}

impl DuesScreen {
    /// Reads every ledger and badge record again from the store (after an undo or redo).
    pub fn reload(&mut self, store: &crate::store::Store) -> Result<(), crate::store::StoreError> {
        self.ledgers = store.dues()?;
        self.badges = store.badges()?;
        self.handed = store.dues_handed()?;
        Ok(())
    }
}

/// The words of the badges tab's question: delete a recorded award.
fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    let d = app.lang.cat().dues();
    match ask {
        Confirm::DeleteAward(_, y, name) => Some(format!(
            "{} {name} ({})?",
            d.msg(crate::i18n::dues::DuesMsg::ConfirmDeleteAward),
            d.text(crate::i18n::dues::DuesText::Milestone(*y))
        )),
        _ => None,
    }
}
