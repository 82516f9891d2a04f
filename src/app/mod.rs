//! Application state, actions and the update function. No terminal code here: the `ui`
//! draws an `&App`, and `main` feeds it events.

pub mod form;
pub mod history;
pub mod input;
pub mod lifecycle;
pub mod parts;
pub mod roster;
pub mod screens;
pub mod undo;
mod update;
pub mod ward;
/// Old paths of the keymap leaf, kept while the command line moves over.
pub use crate::keymap::{self as keymap, action};

use chrono::NaiveDate;

use crate::domain::branch::Branch;
use crate::domain::meeting::MeetingId;
use crate::domain::member::MemberId;
use crate::domain::validate::Warning;
use crate::i18n::Lang;
use crate::keymap::action::Context;
use crate::keymap::{KeyChord, Keymap};
use crate::store::{Store, StoreError};
use form::Form;
use roster::Roster;
use screens::dues::DuesScreen;
use screens::meetings::Meetings;

/// The top-level screens, switched with 1…9 / F1…F9 / Alt+digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// 0: what needs doing (the first screen after start).
    Home,
    /// 1: the member roster.
    Members,
    /// 2: the branch profile.
    Branch,
    /// 3: meetings and minutes.
    Meetings,
    /// 5: exempted members and reminders about members' events.
    Exemptions,
    /// 7: the admission pipeline (kết nạp).
    Admission,
    /// 8: the annual review and classification of members.
    Review,
    /// 4: party dues and party badges.
    Dues,
    /// 6: the reports (figures on screen, exports, the bundle for the ward).
    Reports,
    /// 11 (Alt+H): resolution study.
    Study,
    /// 9: members working elsewhere who live in the group (QĐ 213).
    Liaison,
    /// 9: the rules (Quy định): each rule's value, source and certainty; settings edited.
    Rules,
}

impl Screen {
    /// The screens that exist. Saved form drafts record a screen by its position here,
    /// so new screens are added at the end; the tab bar orders them by number.
    pub const ALL: &'static [Screen] = &[
        Screen::Home,
        Screen::Members,
        Screen::Branch,
        Screen::Meetings,
        Screen::Dues,
        Screen::Exemptions,
        Screen::Admission,
        Screen::Review,
        Screen::Reports,
        Screen::Study,
        Screen::Liaison,
        Screen::Rules,
    ];

    /// The screen's number (1-based), as shown in the tab bar and switched with digits.
    pub fn number(self) -> u8 {
        match self {
            Screen::Home => 0,
            Screen::Members => 1,
            Screen::Branch => 2,
            Screen::Meetings => 3,
            Screen::Dues => 4,
            Screen::Exemptions => 5,
            Screen::Admission => 7,
            Screen::Review => 8,
            Screen::Reports => 6,
            Screen::Rules => 10,
            Screen::Study => 11,
            Screen::Liaison => 9,
        }
    }

    /// What the tab bar shows before the screen's name: the digit of its Alt chord, or
    /// for the screens past 9 the letter of theirs (Alt+H: study).
    pub fn key(self) -> String {
        match self {
            Screen::Study => "H".into(),
            Screen::Rules => "Q".into(),
            s => s.number().to_string(),
        }
    }

    /// The screen of a number.
    pub fn from_number(n: u8) -> Option<Screen> {
        Screen::ALL.iter().copied().find(|s| s.number() == n)
    }
}

/// A question waiting for yes or no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Delete this member (the name is shown in the question).
    Delete(MemberId, String),
    /// Quit although a form has unsaved changes.
    Quit,
    /// Delete a draft meeting (its document number is shown).
    DeleteMeeting(MeetingId, u32),
    /// Delete a part of the open meeting (a speech, item, vote or task).
    DeletePart(MeetingId, Part),
    /// Approve the minutes (they become read-only).
    Approve(MeetingId),
    /// Remove the most recent event of a member's timeline (member name, event label key).
    RemoveLastEvent(MemberId, String),
    /// Close a form and lose its changes.
    Discard,
    /// Remove the last recorded step of a candidate ("name: step" is shown).
    UndoStep(crate::domain::admission::CandidateId, String),
    /// Delete a recorded badge award (member, milestone, name shown).
    DeleteAward(MemberId, u32, String),
    /// Restore this backup over data found damaged (the home screen's warning).
    RestoreBackup(crate::store::backup::BackupInfo),
    /// Dismiss the warning about data found damaged (the damaged copy stays).
    DismissDamage,
    /// Delete a resolution with its study (its number is shown).
    DeleteResolution(crate::domain::study::ResolutionId, String),
    /// Delete a liaison member (the name is shown).
    DeleteLiaison(crate::domain::liaison::LiaisonId, String),
    /// A question of the secretary's month (asked and answered by the meetings screen).
    Month(screens::meetings::MonthAsk),
    /// Remove the branch's own day of the calendar on this date (the rules screen).
    DeleteHoliday(NaiveDate),
}

/// The question dialog: what it asks, and which answer is chosen. It opens on the safe
/// answer ("Không"); only Enter on the chosen answer (or Esc for no) answers it, so no
/// typed letter can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// What is asked (it names exactly what would change).
    pub ask: Confirm,
    /// Whether "Có" is the chosen answer.
    pub yes: bool,
    /// A printable key was pressed: the dialog says how to answer.
    pub typed: bool,
}

impl Question {
    /// A question with the safe answer chosen.
    pub fn new(ask: Confirm) -> Question {
        Question {
            ask,
            yes: false,
            typed: false,
        }
    }
}

/// The help overlay: its scroll and what the user typed to filter it.
#[derive(Debug, Clone, Default)]
pub struct HelpView {
    /// First line shown.
    pub scroll: usize,
    /// Typed filter (diacritic-blind, over keys and descriptions).
    pub filter: input::TextInput,
}

/// A deletable part of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Agenda item `i` with its discussion.
    Item(usize),
    /// Speech `s` of item `i`.
    Speech(usize, usize),
    /// Vote `i`.
    Vote(usize),
    /// Task `i`.
    Task(usize),
}

/// What the status line says after an action.
#[derive(Debug, Clone)]
pub enum Notice {
    /// ASCII was chosen because the console has no VT support (how to switch is said).
    AsciiChosen,
    /// The save is durable.
    Saved(Vec<Warning>),
    /// A member was deleted.
    Deleted(String),
    /// The form has errors.
    FormHasErrors,
    /// An action needs a selected member.
    NothingSelected,
    /// The card has no event that can be removed (admission and recognition are edited
    /// in the member's record).
    NoEventToRemove,
    /// The store failed; nothing was acknowledged.
    Store(StoreError),
    /// Approved minutes cannot be edited (approval date).
    Approved(NaiveDate),
    /// Minutes written to these files.
    Exported(String),
    /// The form that was open when the app stopped has been restored.
    DraftRestored,
    /// An event was recorded, with its warnings.
    EventSaved(Vec<crate::domain::lifecycle::LifeWarning>),
    /// Something about the admission pipeline.
    Admission(screens::admission::AdmNotice),
    /// A change was undone (the status-line text).
    Undone(String),
    /// A change was redone (the status-line text).
    Redone(String),
    /// Nothing to undo.
    NothingToUndo,
    /// Nothing to redo.
    NothingToRedo,
    /// Undo refused: approved minutes (document number, approval date).
    UndoApproved(String, NaiveDate),
    /// About the annual review.
    Review(screens::review::ReviewNotice),
    /// A notice of the rules screen.
    Rules(crate::i18n::rules::RulesNotice),
    /// A payment needs the member's dues profile first (the name is shown).
    NoDuesProfile(String),
    /// A report written to these files.
    ReportExported(String),
    /// The bundle for the ward written (path, members in it).
    BundleWritten(String, usize),
    /// About the resolution study.
    Study(screens::study::StudyNotice),
    /// About the liaison members' screen.
    Liaison(screens::liaison::LiaisonNotice),
    /// About the secretary's month (#17).
    Month(crate::domain::meeting::MonthNotice),
    /// About the month's dues receipt list (#17).
    Receipts(crate::i18n::receipts::ReceiptsNotice),
}

/// The whole application state.
pub struct App {
    /// UI language.
    pub lang: Lang,
    /// The open store.
    pub store: Store,
    /// Active keymap.
    pub keymap: Keymap,
    /// "Today" for statuses and date checks.
    pub today: NaiveDate,
    /// Whether the data is the sample branch.
    pub demo: bool,
    /// The branch profile, once set up.
    pub branch: Option<Branch>,
    /// The member roster.
    pub roster: Roster,
    /// The meetings screen.
    pub meetings: Meetings,
    /// The dues and badges screen.
    pub dues: DuesScreen,
    /// The current screen.
    pub screen: Screen,
    /// The member card open over the roster.
    pub detail: Option<MemberId>,
    /// Selected row of the exemptions screen.
    pub exempt_cursor: usize,
    /// The selected row of the rules screen.
    pub rules_cursor: usize,
    /// The rules screen's section of the days off (shown, and its selected day).
    pub holidays: screens::rules::HolidaysView,
    /// Selected row of the home screen.
    pub home_cursor: usize,
    /// The open form.
    pub form: Option<Form>,
    /// The open question.
    pub confirm: Option<Question>,
    /// The help overlay, when open.
    pub help: Option<HelpView>,
    /// The find box of the list on screen (type-to-find); cleared when the list changes.
    pub find: input::TextInput,
    /// The context the find box belongs to.
    pub find_in: Option<Context>,
    /// The search over all members and candidates (`/`, Ctrl+F, F3), when open.
    pub search: Option<parts::search::GlobalSearch>,
    /// Where Esc returns to after a card was opened from the search.
    pub return_to: Option<Screen>,
    /// The page that lists the keys that moved, shown once after the keyboard changed.
    pub keys_moved: bool,
    /// The last notice for the status line.
    pub notice: Option<Notice>,
    /// Keys of a sequence typed so far.
    pub pending: Vec<KeyChord>,
    /// Rows of the list area at the last draw (for PageUp/PageDown).
    pub page_rows: usize,
    /// Set when the app should exit.
    pub should_quit: bool,
    /// The admission pipeline (screen 7).
    pub admission: screens::admission::Admission,
    /// Whether anything was written this session.
    pub changed: bool,
    /// Undo and redo stacks of this session.
    pub undo: undo::UndoLog,
    /// What the last action saved, in the user's words ("ghi đảng phí tháng 12/2026 của
    /// Đỗ Quang Ân"), for the status line's "Đã lưu: …"; cleared by undo and redo.
    pub last_saved: Option<String>,
    /// The open change-history overlay.
    pub history: Option<history::HistoryView>,
    /// The annual review screen.
    pub review: screens::review::ReviewState,
    /// The reports screen.
    pub reports: screens::reports::ReportsState,
    /// The warning about data found damaged, shown on the home screen (issue 20).
    pub damage: screens::home::DamageWarning,
    /// The resolution-study screen.
    pub study: screens::study::StudyState,
    /// The liaison members' screen (9).
    pub liaison: screens::liaison::LiaisonState,
}

impl App {
    /// Loads the app state from an open store. Starts the branch setup when the store
    /// has no branch profile yet.
    pub fn new(
        store: Store,
        lang: Lang,
        keymap: Keymap,
        today: NaiveDate,
    ) -> Result<App, StoreError> {
        let branch = store.branch()?;
        // The branch's settings of the rules are in force before any rule is evaluated.
        crate::domain::rules::install(store.rule_settings()?);
        crate::domain::holidays::install(store.holidays()?);
        let demo = store.is_demo()?;
        let roster = Roster::new(store.members()?, today);
        let meetings = Meetings::new(store.meetings()?, today);
        let dues = DuesScreen::new(store.dues()?, store.badges()?, today)
            .with_handed(store.dues_handed()?);
        let form = if branch.is_none() {
            Some(screens::branch::form(None, true))
        } else {
            None
        };
        let review =
            screens::review::ReviewState::new(store.reviews()?, store.branch_years()?, today);
        let draft = store.draft()?;
        let mut admission =
            screens::admission::Admission::new(store.candidates()?, store.admission_targets()?);
        // A store from before issue 23 may hold a candidate edited after the ceremony:
        // the member record is what it shows.
        admission.follow(&roster);
        let study = screens::study::StudyState::new(store.resolutions()?);
        let liaison = screens::liaison::LiaisonState::new(store.liaisons()?, today);
        let seen = store.history_last()?;
        let damage = screens::home::DamageWarning::of(&store);
        let mut app = App {
            lang,
            store,
            keymap,
            today,
            demo,
            branch,
            roster,
            meetings,
            dues,
            screen: Screen::Members,
            detail: None,
            exempt_cursor: 0,
            rules_cursor: 0,
            holidays: screens::rules::HolidaysView::default(),
            home_cursor: 0,
            form,
            confirm: None,
            help: None,
            find: input::TextInput::default(),
            find_in: None,
            search: None,
            return_to: None,
            keys_moved: false,
            notice: None,
            pending: Vec::new(),
            page_rows: 10,
            should_quit: false,
            admission,
            changed: false,
            undo: undo::UndoLog::starting_at(seen),
            last_saved: None,
            history: None,
            review,
            reports: screens::reports::ReportsState::new(today),
            damage,
            study,
            liaison,
        };
        if let Some(d) = draft {
            update::restore_draft(&mut app, &d);
        }
        Ok(app)
    }

    /// The context keys are looked up in, from the top overlay down, then the screen's.
    pub fn context(&self) -> Context {
        if self.confirm.is_some() {
            Context::Confirm
        } else if self.help.is_some() || self.keys_moved {
            Context::Help
        } else if self.history.is_some() {
            Context::History
        } else if self.form.is_some() {
            Context::Form
        } else if self.search.is_some() {
            Context::Search
        } else {
            self.screen_context()
        }
    }

    /// The context of the screen under any overlay.
    pub fn screen_context(&self) -> Context {
        (screens::def(self.screen).context)(self)
    }

    /// Opens the form of a kind, filled by the screen that owns it.
    pub fn open_form(&mut self, kind: form::FormKind) {
        update::open_form(self, kind);
    }

    /// Asks a question (it opens on the safe answer).
    pub fn ask(&mut self, ask: Confirm) {
        self.confirm = Some(Question::new(ask));
    }

    /// A form was saved: close it, say what was saved, forget its draft.
    pub fn form_saved(&mut self, notice: Notice) {
        self.form = None;
        self.changed = true;
        self.notice = Some(notice);
        if let Err(e) = self.store.save_draft(None) {
            self.notice = Some(Notice::Store(e));
        }
    }

    /// A form was refused: mark its fields; nothing was saved.
    pub fn form_refused(&mut self, errors: &[(form::FieldRef, crate::domain::validate::Problem)]) {
        if let Some(f) = &mut self.form {
            f.set_errors(errors);
        }
        self.notice = Some(Notice::FormHasErrors);
    }
}

pub use update::{autosave, handle_event, update};
