//! The string catalogue: every user-facing text, one catalogue per language
//! (`vi.rs`, `en.rs`). Each language implements [`Catalogue`], so a missing text is a
//! compile error, not a blank on screen.

pub mod admission;
mod admission_en;
mod admission_vi;
pub mod checks;
pub mod console;
pub mod dues;
mod en;
pub mod import;
pub mod keys;
pub mod liaison;
pub mod month;
pub mod platform;
pub mod receipts;
pub mod record;
pub mod recovery;
pub mod restore;
pub mod rules;
mod vi;
pub mod ward;

use crate::domain::branch::BranchField;
use crate::domain::lifecycle::{EventField, LifeWarning};
use crate::domain::meeting::{Counts, MeetingField, MeetingKind, Threshold};
use crate::domain::member::{
    DisciplineLevel, EventKind, ExemptionReason, Gender, Occupation, PoliticalTheory, Professional,
    RemovalCause, Status,
};
use crate::domain::review::{Exclusion, Grade, ReviewField, ReviewWarning};
use crate::domain::todo::TodoItem;
use crate::domain::validate::{Field, Problem, Warning};
use crate::keymap::KeymapProblem;
use crate::keymap::action::{Action, Context};

pub use en::En;
pub use vi::Vi;

/// The parts of an open meeting, switched with Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingTab {
    /// Thông tin.
    Info,
    /// Điểm danh.
    Roll,
    /// Nội dung (agenda and discussion).
    Minutes,
    /// Biểu quyết.
    Votes,
    /// Nhiệm vụ.
    Tasks,
    /// Kiến nghị (members' proposals and the answers).
    Proposals,
}

impl MeetingTab {
    /// Every tab, in order.
    pub const ALL: &'static [MeetingTab] = &[
        MeetingTab::Info,
        MeetingTab::Roll,
        MeetingTab::Minutes,
        MeetingTab::Votes,
        MeetingTab::Tasks,
        MeetingTab::Proposals,
    ];
}

/// What the status line says about the review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewNotice {
    /// Saved, with the warnings that now apply.
    Saved(Vec<ReviewWarning>),
    /// The ward has decided this grade: the record is read-only.
    Locked(Grade, String),
    /// Monthly self-assessments are made in thematic meetings.
    NotThematic,
}

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English (`--lang en`).
    En,
}

impl Lang {
    /// Parses "vi" or "en" (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The catalogue of this language.
    pub fn cat(self) -> &'static dyn Catalogue {
        match self {
            Lang::Vi => &Vi,
            Lang::En => &En,
        }
    }
}

/// Short texts identified by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// App name.
    AppName,
    /// Banner for sample data.
    DemoBanner,
    /// Title of the roster screen.
    ScreenMembers,
    /// Title of the branch profile screen.
    ScreenBranch,
    /// Search prompt.
    SearchPrompt,
    /// Placeholder when nothing matches.
    NoMatch,
    /// No members yet.
    EmptyRoster,
    /// Roster column: STT.
    ColNo,
    /// Roster column: name.
    ColName,
    /// Roster column: birth year / age.
    ColBorn,
    /// Roster column: status.
    ColStatus,
    /// Roster column: admitted.
    ColAdmitted,
    /// Roster column: card.
    ColCard,
    /// Roster column: phone.
    ColPhone,
    /// Filter: active members.
    FilterActive,
    /// Filter: all records.
    FilterAll,
    /// Filter: official.
    FilterOfficial,
    /// Filter: probationary.
    FilterProbationary,
    /// Filter: exempt.
    FilterExempt,
    /// Filter: left the branch.
    FilterLeft,
    /// Count suffix: "đồng chí".
    Comrades,
    /// Title of the add form.
    FormNewMember,
    /// Title of the edit form.
    FormEditMember,
    /// Title of the branch setup form (first run).
    FormBranchSetup,
    /// Title of the branch edit form.
    FormEditBranch,
    /// Intro text of the first-run setup.
    SetupIntro,
    /// Form hint line.
    FormHint,
    /// Choice-field hint.
    ChoiceHint,
    /// Date-field hint.
    DateHint,
    /// Term-field hint.
    TermHint,
    /// Value not set.
    NotSet,
    /// "Đã lưu".
    Saved,
    /// "Đã xóa".
    Deleted,
    /// Errors in the form: fix the fields in red.
    FormHasErrors,
    /// Confirm dialog title.
    ConfirmTitle,
    /// Confirm delete question prefix.
    ConfirmDelete,
    /// Confirm quit with unsaved form.
    ConfirmQuitDirty,
    /// Confirm discard form changes.
    ConfirmDiscard,
    /// Help title.
    HelpTitle,
    /// Help footer.
    HelpFooter,
    /// Terminal too small.
    TooSmall,
    /// Member detail title.
    DetailTitle,
    /// Section: identity.
    SectionIdentity,
    /// Section: party.
    SectionParty,
    /// Section: levels.
    SectionLevels,
    /// Section: timeline.
    SectionTimeline,
    /// Membership: official.
    KindOfficial,
    /// Membership: probationary.
    KindProbationary,
    /// Label: membership kind.
    LabelKind,
    /// Label: status.
    LabelStatus,
    /// Label: age.
    LabelAge,
    /// "tuổi".
    Years,
    /// No branch yet (CLI).
    NoBranch,
    /// Keymap file had errors; defaults in use.
    KeymapErrors,
    /// Press Enter to continue.
    PressEnter,
    /// Nothing selected.
    NothingSelected,
    /// Label for the term.
    LabelTerm,
    /// Warning prefix.
    WarningPrefix,
    /// Keymap conflict note.
    KeymapConflict,
    /// Title of the meetings screen.
    ScreenMeetings,
    /// No meetings in the year.
    NoMeetings,
    /// Column: number.
    ColNumber,
    /// Column: date.
    ColDate,
    /// Column: kind.
    ColKind,
    /// Column: content.
    ColContent,
    /// Column: attendance.
    ColAttendance,
    /// Column: state.
    ColState,
    /// Draft minutes.
    StateDraft,
    /// Approved minutes.
    StateApproved,
    /// Title: new meeting.
    FormNewMeeting,
    /// Title: meeting information.
    FormMeetingInfo,
    /// Title: speech.
    FormSpeech,
    /// Title: agenda item.
    FormItem,
    /// Title: conclusion.
    FormConclusion,
    /// Title: vote.
    FormVote,
    /// Title: task.
    FormTask,
    /// Title: amendment.
    FormAmendment,
    /// Title: absence reason.
    FormAbsence,
    /// Roll mark: present.
    MarkPresent,
    /// Roll mark: excused.
    MarkExcused,
    /// Roll mark: unexcused.
    MarkUnexcused,
    /// Roll mark: not marked.
    MarkUnmarked,
    /// Label: conclusion.
    LabelConclusion,
    /// No conclusion yet.
    NoConclusion,
    /// Vote passed.
    Passed,
    /// Vote not passed.
    NotPassed,
    /// Vote tally invalid.
    TallyInvalid,
    /// Label: denominator.
    LabelDenominator,
    /// Month without a regular meeting.
    MissingRegular,
    /// Quarter without a thematic meeting.
    MissingThematic,
    /// Attendance view title.
    AttendanceTitle,
    /// Flag: 3 months of unexcused absence.
    AbsenceFlag,
    /// Approved on.
    ApprovedOn,
    /// Amendments heading.
    Amendments,
    /// Restored draft notice.
    DraftRestored,
    /// Exported notice prefix.
    ExportedTo,
    /// Confirm approving minutes.
    ConfirmApprove,
    /// Confirm deleting a meeting.
    ConfirmDeleteMeeting,
    /// Confirm deleting part of a meeting.
    ConfirmDeletePart,
    /// Year label.
    Year,
    /// Hint on the roll tab.
    RollHint,
    /// No votes / tasks yet.
    NothingYet,
    /// Label: guests.
    LabelGuests,
    /// Section: tasks assigned at meetings.
    SectionTasks,
    /// Hint for month fields.
    MonthHint,
    /// Title of the event form.
    FormEvent,
    /// Title of the exemptions screen.
    ScreenExemptions,
    /// Heading: exempted members.
    ExemptedHeading,
    /// Heading: reminders.
    RemindersHeading,
    /// No exempted members and no reminders.
    NothingToRemind,
    /// Column: since.
    ColSince,
    /// Column: until.
    ColUntil,
    /// Column: reason.
    ColReason,
    /// Column: decision.
    ColDecision,
    /// Full exemption.
    FullExempt,
    /// Temporary exemption.
    TemporaryExempt,
    /// Event recorded.
    EventSaved,
    /// Confirm removing the last event.
    ConfirmRemoveEvent,
    /// Hint under the member card timeline.
    TimelineHint,

    // --- History, undo (issue 8) ---
    /// Title of the history overlay ("Lịch sử thay đổi").
    HistoryTitle,
    /// Keys of the history overlay.
    HistoryHint,
    /// No change recorded for the record.
    HistoryEmpty,
    /// A history entry: the record was created.
    ChangeCreated,
    /// A history entry: the record was changed.
    ChangeEdited,
    /// A history entry: the record was deleted.
    ChangeDeleted,
    /// A history entry whose values cannot be read.
    HistoryUnreadable,
    /// A part of a meeting that changed ("đã sửa").
    PartChanged,
    /// Undo with nothing done in this session.
    NothingToUndo,
    /// Redo with nothing undone.
    NothingToRedo,
    /// Title of the home screen.
    ScreenHome,
    /// Heading of the home screen.
    HomeHeading,
    /// Nothing to do.
    HomeNothing,
    /// Due now.
    HomeNow,
    /// Title of the reports screen.
    ScreenReports,
    /// The member structure report (tab name).
    ReportStats,
    /// The movements report (tab name).
    ReportMovements,
    /// The meetings report (tab name).
    ReportMeetings,
    /// The review report (tab name).
    ReportAssessments,
    /// The admission report (tab name).
    ReportAdmission,
    /// The exemptions list (tab name).
    ReportExemptions,
    /// The dues report (tab name).
    ReportDues,
    /// "Year" before the reports screen's year.
    ReportsYear,
    /// Report exported notice prefix.
    ReportExportedTo,
    /// Bundle written notice prefix.
    BundleWrittenTo,
    /// "members" after the bundle's member count.
    BundleMembers,
}

/// One language's texts. Every method must be implemented by every language.
pub trait Catalogue: Sync {
    /// A short text.
    fn msg(&self, m: Msg) -> &'static str;
    /// A screen's short name (two to four letters) for a narrow tab bar, by its number.
    fn screen_short(&self, number: u8) -> &'static str;
    /// Label of a member field.
    fn field(&self, f: Field) -> &'static str;
    /// Label of a branch field.
    fn branch_field(&self, f: BranchField) -> &'static str;
    /// Label of a sex.
    fn gender(&self, g: Gender) -> &'static str;
    /// Label of a professional level.
    fn professional(&self, p: Professional) -> &'static str;
    /// Label of a political theory level.
    fn political_theory(&self, p: PoliticalTheory) -> &'static str;
    /// Label of an occupation.
    fn occupation(&self, o: Occupation) -> &'static str;
    /// Label of a status.
    fn status(&self, s: Status) -> &'static str;
    /// What is expected, for a refused field.
    fn problem(&self, p: &Problem) -> String;
    /// A warning, naming its rule.
    fn warning(&self, w: &Warning) -> String;
    /// Error and report texts of the command line and the store.
    fn cli(&self, c: Cli<'_>) -> String;
    /// What an action does, for the help screen.
    fn action(&self, a: Action) -> &'static str;
    /// What an action does in one context, where that says more than [`Catalogue::action`]
    /// ("New" adds a member on the roster, a meeting on the meetings list).
    fn action_in(&self, a: Action, ctx: Context) -> &'static str {
        self.action_here(a, ctx).unwrap_or_else(|| self.action(a))
    }
    /// The context's own words for an action, if it has them.
    fn action_here(&self, a: Action, ctx: Context) -> Option<&'static str>;
    /// The heading of a keymap context in the help screen.
    fn context(&self, c: Context) -> &'static str;
    /// A keymap problem.
    fn keymap(&self, p: &KeymapProblem) -> String;
    /// A one- or two-word label of an action for the status-line hints.
    fn hint(&self, a: Action) -> &'static str;
    /// Label of a timeline event.
    fn event(&self, k: EventKind) -> &'static str;
    /// Label of a meeting form field.
    fn meeting_field(&self, f: MeetingField) -> &'static str;
    /// Label of a meeting kind.
    fn meeting_kind(&self, k: MeetingKind) -> &'static str;
    /// Label of a vote threshold.
    fn threshold(&self, t: Threshold) -> &'static str;
    /// Label of a meeting tab.
    fn tab(&self, t: MeetingTab) -> &'static str;
    /// The attendance figures line under an open meeting.
    fn figures(&self, c: &Counts, denominator: u32) -> String;
    /// Label of an event form field.
    fn event_field(&self, f: EventField) -> &'static str;
    /// Label of an exemption reason.
    fn exemption_reason(&self, r: ExemptionReason) -> &'static str;
    /// Label of a discipline level.
    fn discipline(&self, d: DisciplineLevel) -> &'static str;
    /// Label of a removal cause.
    fn removal_cause(&self, r: RemovalCause) -> &'static str;
    /// A reminder or warning about a member's events, naming its rule.
    fn life_warning(&self, w: &LifeWarning) -> String;
    /// The texts of the admission pipeline.
    fn admission(&self) -> &'static dyn admission::AdmissionTexts;
    /// What a change did, for undo's status line: "sửa hồ sơ Nguyễn Văn An".
    fn change(&self, kind: ChangeKind, record: &RecordLabel<'_>) -> String;
    /// A text of the annual review screen.
    fn review_msg(&self, m: ReviewMsg) -> &'static str;
    /// A review form field's label.
    fn review_field(&self, f: ReviewField) -> &'static str;
    /// A grade in full.
    fn grade(&self, g: Grade) -> &'static str;
    /// Why a member is not reviewed, naming the rule.
    fn exclusion(&self, x: &Exclusion) -> String;
    /// A review warning, naming the rule.
    fn review_warning(&self, w: &ReviewWarning) -> String;
    /// A status-line notice of the review.
    fn review_notice(&self, n: &ReviewNotice) -> String;
    /// One item of "what needs doing", with why.
    fn todo(&self, item: &TodoItem) -> String;
    /// The texts of the dues and badges screen and reports.
    fn dues(&self) -> &'static dyn dues::DuesCatalogue;
    /// The texts of the handbook, the rules screen and the rules' refusals.
    fn rules(&self) -> &'static dyn rules::RulesCatalogue;
}

/// What a change did to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Created it.
    Created,
    /// Changed it.
    Changed,
    /// Deleted it.
    Deleted,
}

/// Which record a change touched, for people (never a store's tree name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordLabel<'a> {
    /// A member, by name.
    Member(&'a str),
    /// An event of a member's timeline (member's name, event).
    MemberEvent(&'a str, EventKind),
    /// A meeting's minutes, by document number.
    Meeting(&'a str),
    /// The branch profile.
    Branch,
    /// A member's dues payment of a month (member's name, month).
    DuesPayment(&'a str, crate::domain::dues::YearMonth),
    /// A member's dues payments, no single month (member's name).
    DuesPayments(&'a str),
    /// A member's dues rate (member's name).
    DuesRate(&'a str),
    /// A member's badge of a milestone (member's name, years).
    Badge(&'a str, u32),
    /// The serious-illness mark of a member's badge record (member's name, mark set).
    BadgeIllness(&'a str, bool),
    /// A member's badge record otherwise (member's name).
    BadgeRecord(&'a str),
    /// A member's review of a year (member's name, year).
    Review(&'a str, i32),
    /// The branch's classification of a year.
    BranchYear(i32),
    /// A candidate's admission file (candidate's name).
    Candidate(&'a str),
    /// A step of a candidate's admission (candidate's name, step).
    AdmissionStep(&'a str, crate::domain::admission::Stage),
    /// The admission target of a year.
    Target(i32),
    /// A liaison member's record (name).
    Liaison(&'a str),
    /// The branch's setting of a rule (the rule's name).
    RuleSetting(&'a str),
}

/// Command-line and store messages that carry values.
#[derive(Debug, Clone)]
pub enum Cli<'a> {
    /// Another copy has the data open.
    AlreadyOpen(&'a str),
    /// The store could not be opened.
    OpenFailed(&'a str, &'a str),
    /// Data written by a newer version.
    NewerSchema(u32, u32),
    /// A record cannot be read.
    Corrupt(&'a str),
    /// Disk error.
    Disk(&'a str),
    /// Card taken by someone.
    CardTaken(&'a str),
    /// A file could not be read.
    ReadFile(&'a str, &'a str),
    /// A file could not be written.
    WriteFile(&'a str, &'a str),
    /// One refused row of an import: line, column, reason.
    ImportRow(usize, &'a str, &'a str),
    /// Import summary: added, updated, refused.
    ImportSummary(usize, usize, usize),
    /// Strict import refused everything.
    ImportStrictRefused(usize),
    /// The CSV file is not UTF-8.
    CsvNotUtf8,
    /// The CSV file is empty.
    CsvEmpty,
    /// The CSV header has no name column.
    CsvNoName,
    /// The CSV file cannot be read as CSV.
    CsvBroken(&'a str),
    /// Columns of the file that were not read.
    ImportIgnored(&'a str),
    /// A row warning: line, text.
    ImportWarning(usize, &'a str),
    /// Exported N members to a file.
    Exported(usize, &'a str),
    /// Sample branch written to a directory.
    DemoWritten(usize, &'a str),
    /// The data directory already has data (demo refused).
    DemoNotEmpty(&'a str),
    /// Unknown language.
    BadLang(&'a str),
    /// A keymap error at a line.
    KeymapLine(&'a str, usize, &'a str),
    /// Generic error wrapper.
    Error(&'a str),
    /// A command line that could not be understood.
    Usage,
    /// No meeting matches.
    MeetingNotFound(&'a str),
    /// Several meetings match (e.g. two on one date).
    MeetingAmbiguous(&'a str),
    /// A docx needs `-o FILE`.
    DocxNeedsFile,
    /// An xlsx needs `-o FILE` (a binary file is never written to the screen).
    XlsxNeedsFile,
    /// The `.xlsx` file cannot be read: why.
    XlsxBroken(&'a str),
    /// An Excel 97–2003 `.xls` file was given: save it as `.xlsx` or CSV UTF-8.
    XlsOld,
    /// A file was written.
    Written(&'a str),
    /// A date option that is not dd/mm/yyyy.
    BadDate(&'a str),
    /// A bundle cannot be used: file, why.
    BundleBad(&'a str, &'a str),
    /// A bundle is encrypted.
    BundleSealed(&'a str),
    /// The same branch twice: file, branch.
    BundleDuplicate(&'a str, &'a str),
    /// A bundle was written: path, members.
    BundleWritten(&'a str, usize),
    /// Ward sample written: branches, members, folder.
    WardWritten(usize, usize, &'a str),
    /// Heading of the ward roll-up: branches, members, as-of date.
    RollupHeading(&'a str, &'a str, &'a str),
    /// A branch's share in the roll-up: members, official, probationary.
    RollupShare(&'a str, u32, u32),
    /// `export bundle` on encrypted data: the ward could not read it.
    BundleNeedsPlain,
    /// `--format docx` for a report that has no Word form.
    NoDocxForThis,
    /// A bundle with no branch profile in it.
    BundleNoBranch,

    // --- Backups, restore and damaged data (issue 8) ---
    /// The database in a directory is damaged: directory, what was found.
    Damaged(&'a str, &'a crate::store::Damage),
    /// The damaged database folder was moved aside to this path.
    DamagedMovedAside(&'a str),
    /// The newest good backup: path, members, when made, the exact restore command.
    NewestBackup(&'a str, usize, &'a str, &'a str),
    /// No good backup in this folder.
    NoGoodBackup(&'a str),
    /// After a damaged database was put aside: what happens if not restored.
    StartsEmpty,
    /// Question: restore from the newest backup now?
    OfferRestore,
    /// A backup file was written: members, path, size in bytes.
    BackupWritten(usize, &'a str, u64),
    /// An older backup of the same branch at that path was replaced.
    BackupReplaced(&'a str),
    /// No data to back up in this directory.
    BackupNoData(&'a str),
    /// The target exists and is not a Sổ chi bộ backup.
    BackupTargetForeign(&'a str),
    /// The target is a backup of another branch: path, its branch.
    BackupTargetOtherBranch(&'a str, &'a str),
    /// The file to restore cannot be read: its error.
    RestoreUnreadable(&'a str),
    /// The file to restore is not a valid backup: path, why.
    RestoreBadFile(&'a str, &'a str),
    /// Restore over existing data without a terminal and without --yes: dir, members.
    RestoreNeedsYes(&'a str, usize),
    /// The current data was backed up before restoring, to this file.
    RestoreSafetyBackup(&'a str),
    /// Confirmation question: dir, members now, file, members in it, when made.
    RestoreConfirm(&'a str, usize, &'a str, usize, &'a str),
    /// The restore was not confirmed.
    RestoreCancelled,
    /// Restored: members, from file, into dir.
    Restored(usize, &'a str, &'a str),
    /// The data that was there before is kept in this folder.
    RestorePrevious(&'a str),
    /// The restore failed; nothing changed: why.
    RestoreFailed(&'a str),

    // --- History, undo and encryption (issue 8) ---
    /// Undo or redo found the record changed since.
    RecordChanged,
    /// Changes to records of this tree cannot be undone.
    NotUndoable(&'a str),
    /// `restore` of a ward bundle (figures only, no names).
    FiguresOnly,
    /// The data is encrypted and was not unlocked.
    Locked,
    /// The passphrase or recovery code does not unlock the data.
    WrongPassphrase,
    /// What was undone.
    Undone(&'a str),
    /// What was redone.
    Redone(&'a str),
    /// Undo refused: these minutes (document number) were approved on this date.
    UndoApproved(&'a str, &'a str),
    /// A number of changes ("3 thay đổi").
    Changes(usize),
    /// Prompt for the passphrase that unlocks the data.
    UnlockPrompt,
    /// Prompt for a new passphrase.
    NewPassphrase,
    /// Prompt to type the new passphrase again.
    NewPassphraseAgain,
    /// The two passphrases differ.
    PassphraseMismatch,
    /// The passphrase is shorter than this many characters.
    PassphraseTooShort(usize),
    /// A passphrase is needed and there is no terminal to ask on.
    PassphraseNeedsTerminal,
    /// The passphrase file cannot be read: path, why.
    PassphraseFile(&'a str, &'a str),
    /// `encrypt` on data that is already encrypted.
    AlreadyEncrypted,
    /// `decrypt` on data that is not encrypted.
    NotEncrypted,
    /// Encryption is on: members, data directory.
    Encrypted(usize, &'a str),
    /// The recovery code, shown once.
    RecoveryCode(&'a str),
    /// Automatic backups rewritten sealed: how many.
    BackupsSealed(usize),
    /// Files or folders still holding data in clear (older copies): their list.
    ClearCopiesLeft(&'a str),
    /// Encryption is off: members, data directory.
    Decrypted(usize, &'a str),
}

/// Problem text with the field label: "Ngày sinh: …".
pub fn field_error(lang: Lang, f: Field, p: &Problem) -> String {
    let c = lang.cat();
    format!("{}: {}", c.field(f), c.problem(p))
}

/// A store error in the user's language.
pub fn store_error(lang: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    let c = lang.cat();
    match e {
        E::AlreadyOpen(p) => c.cli(Cli::AlreadyOpen(&p.display().to_string())),
        E::Open { path, detail } => c.cli(Cli::OpenFailed(&path.display().to_string(), detail)),
        E::Io(d) => c.cli(Cli::Disk(d)),
        E::Corrupt { tree, key, source } => c.cli(Cli::Corrupt(&format!("{tree}/{key}: {source}"))),
        E::NewerSchema { found, supported } => c.cli(Cli::NewerSchema(*found, *supported)),
        E::CardTaken(n) => c.cli(Cli::CardTaken(n)),
        E::Damaged { path, why } => c.cli(Cli::Damaged(&path.display().to_string(), why)),
        E::NotFound | E::Encode(_) => c.cli(Cli::Error(&e.to_string())),
        E::Changed => c.cli(Cli::RecordChanged),
        E::NotUndoable(t) => c.cli(Cli::NotUndoable(t)),
        E::Locked => c.cli(Cli::Locked),
        E::WrongPassphrase => c.cli(Cli::WrongPassphrase),
        E::FiguresOnly => c.cli(Cli::FiguresOnly),
    }
}

/// Texts of the annual review screen (issue 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewMsg {
    /// Tab name of screen 8.
    Screen,
    /// Form title: plan.
    FormPlan,
    /// Form title: self-review.
    FormSelf,
    /// Form title: branch review.
    FormBranch,
    /// Form title: final grade.
    FormFinal,
    /// Form title: monthly self-assessment.
    FormMonthly,
    /// Form title: branch classification.
    FormBranchYear,
    /// Heading of the year.
    Heading,
    /// "Chi bộ:" label of the collective classification.
    BranchLabel,
    /// No grade yet.
    NoGrade,
    /// Column: self-assessment.
    ColSelf,
    /// Column: branch proposal.
    ColBranch,
    /// Column: ward decision.
    ColWard,
    /// Label: plan.
    Plan,
    /// Label: monthly self-assessments.
    Monthly,
    /// Label: the self-review sections filled.
    Sections,
    /// Title of the grades across years.
    History,
    /// Not yet graded (count label).
    Pending,
    /// Not graded (count label).
    NotGraded,
    /// Nobody in the year's list.
    Empty,
    /// Marks a proposed (not final) summary.
    Provisional,
    /// Key hints of the screen.
    Keys,
    /// Vote passed / not passed label prefix.
    Vote,
}
