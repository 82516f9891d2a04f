//! English (`--lang en`).

use super::{
    Catalogue, ChangeKind, Cli, MeetingTab as Tab, Msg, RecordLabel, ReviewMsg, ReviewNotice,
};
use crate::domain::branch::BranchField;
use crate::domain::lifecycle::{EventField, LifeWarning};
use crate::domain::meeting::{Counts, MeetingField, MeetingKind, Threshold};
use crate::domain::member::{
    DisciplineLevel, EventKind, ExemptionReason, Gender, Occupation, PoliticalTheory, Professional,
    RemovalCause, Status,
};
use crate::domain::review::{Exclusion, Grade, ReviewField, ReviewWarning};
use crate::domain::rules::{self, RuleId};
use crate::domain::todo::TodoItem;
use crate::domain::validate::{Field, Problem, Warning};
use crate::keymap::KeymapProblem;
use crate::keymap::action::{Action, Context};
use crate::store::Damage;

/// The English catalogue.
#[derive(Debug, Clone, Copy)]
pub struct En;

impl Catalogue for En {
    fn screen_short(&self, number: u8) -> &'static str {
        match number {
            0 => "Todo",
            1 => "Mem",
            2 => "Br",
            3 => "Meet",
            4 => "Dues",
            5 => "Exm",
            6 => "Rep",
            7 => "Adm",
            8 => "Rev",
            9 => "213",
            11 => "Res",
            10 => "Rule",
            _ => "",
        }
    }

    fn msg(&self, m: Msg) -> &'static str {
        use Msg::*;
        match m {
            AppName => "Branch Register",
            DemoBanner => " SAMPLE DATA ",
            ScreenMembers => "Members",
            ScreenBranch => "Branch",
            SearchPrompt => "Find: ",
            NoMatch => "No member matches.",
            EmptyRoster => "No members yet. Press F7 (or Insert) to add one.",
            ColNo => "No.",
            ColName => "Full name",
            ColBorn => "Born",
            ColStatus => "Status",
            ColAdmitted => "Admitted",
            ColCard => "Card no.",
            ColPhone => "Phone",
            FilterActive => "Active",
            FilterAll => "All",
            FilterOfficial => "Official",
            FilterProbationary => "Probationary",
            FilterExempt => "Exempt",
            FilterLeft => "Left",
            Comrades => "members",
            FormNewMember => "New member",
            FormEditMember => "Edit member",
            FormBranchSetup => "Set up the branch",
            FormEditBranch => "Edit branch profile",
            SetupIntro => {
                "Welcome! Before you start, enter your branch's profile. Fields marked * are required."
            }
            FormHint => "Ctrl-S save · Tab/↓ next · ↑ previous · Esc cancel",
            ChoiceHint => "←/→ or Space to choose",
            DateHint => "dd/mm/yyyy",
            TermHint => "e.g. 2025-2030",
            NotSet => "—",
            Saved => "Saved.",
            Deleted => "Deleted",
            FormHasErrors => {
                "Not saved: some fields are wrong (in red). Fix them and press Ctrl-S."
            }
            ConfirmTitle => "Confirm",
            ConfirmDelete => "Delete the record of",
            ConfirmQuitDirty => "The form has unsaved changes. Quit and discard them?",
            ConfirmDiscard => "Discard the unsaved changes in the form?",
            HelpTitle => "Help — keys",
            HelpFooter => "Esc or F1 to close · type to filter · ↑/↓ scroll",
            TooSmall => {
                "The window is too small. It needs at least 80×24 characters; please enlarge it."
            }
            DetailTitle => "Member record",
            SectionIdentity => "Identity",
            SectionParty => "Party",
            SectionLevels => "Education and occupation",
            SectionTimeline => "Timeline",
            KindOfficial => "Official",
            KindProbationary => "Probationary",
            LabelKind => "Membership",
            LabelStatus => "Status",
            LabelAge => "Age",
            Years => "years",
            NoBranch => {
                "No branch set up yet. Run sochibo to set it up, or sochibo --demo to try the sample data."
            }
            KeymapErrors => {
                "The keymap file has errors; those lines are ignored and the default keys apply:"
            }
            PressEnter => "Press Enter to continue…",
            NothingSelected => "No member selected.",
            LabelTerm => "Term",
            WarningPrefix => "Note: ",
            KeymapConflict => "conflict",
            ScreenMeetings => "Meetings",
            NoMeetings => "No meetings this year. Press F7 to create one.",
            ColNumber => "No.",
            ColDate => "Date",
            ColKind => "Kind",
            ColContent => "Content",
            ColAttendance => "Present",
            ColState => "Minutes",
            StateDraft => "Draft",
            StateApproved => "Approved",
            FormNewMeeting => "New meeting",
            FormMeetingInfo => "Meeting information",
            FormSpeech => "Speech",
            FormItem => "Agenda item",
            FormConclusion => "Chair's conclusion",
            FormVote => "Vote",
            FormTask => "Task",
            FormAmendment => "Amendment to approved minutes",
            FormAbsence => "Excused absence",
            MarkPresent => "Present",
            MarkExcused => "Excused",
            MarkUnexcused => "Unexcused",
            MarkUnmarked => "·",
            LabelConclusion => "Conclusion",
            NoConclusion => "(no conclusion yet)",
            Passed => "Passed",
            NotPassed => "Not passed",
            TallyInvalid => "Invalid tally",
            LabelDenominator => "Members entitled to vote",
            MissingRegular => "Months without a regular meeting",
            MissingThematic => "Quarters without a thematic meeting",
            AttendanceTitle => "Attendance this year (unexcused absences)",
            AbsenceFlag => {
                "⚠ unexcused absence in ≥ 3 months (Party Charter Art. 8; QĐ 01-QĐ/TW): review"
            }
            ApprovedOn => "Approved on",
            Amendments => "Amendments",
            DraftRestored => "The form you were typing last time has been restored.",
            ExportedTo => "Minutes exported:",
            ConfirmApprove => {
                "Approve the minutes? After approval they cannot be edited; only amendments can be added."
            }
            ConfirmDeleteMeeting => "Delete the draft minutes",
            ConfirmDeletePart => "Delete the selected part of the minutes?",
            Year => "Year",
            RollHint => {
                "Enter present · F4 excused · F5 unexcused · F6 all present · type a name to find"
            }
            NothingYet => "Nothing yet. Press F7 to add.",
            SectionTasks => "Tasks assigned",
            MonthHint => "mm/yyyy",
            FormEvent => "Record a member's event",
            ScreenExemptions => "Exemptions, reminders",
            ExemptedHeading => "Members exempted from party work and meetings",
            RemindersHeading => "Needs attention",
            NothingToRemind => "No exempted members and nothing to remind.",
            ColSince => "Since",
            ColUntil => "Until",
            ColReason => "Reason",
            ColDecision => "Decision",
            FullExempt => "Full",
            TemporaryExempt => "Temporary",
            EventSaved => "Event recorded.",
            ConfirmRemoveEvent => "Remove the most recent event of",
            TimelineHint => "F4 record an event · F6 remove the latest",
            HistoryTitle => "Change history",
            HistoryHint => "Esc close · ↑/↓ scroll",
            HistoryEmpty => "No change recorded yet.",
            ChangeCreated => "Created",
            ChangeEdited => "Changed",
            ChangeDeleted => "Deleted",
            HistoryUnreadable => "(content cannot be read)",
            PartChanged => "changed",
            NothingToUndo => "Nothing changed in this session to undo.",
            NothingToRedo => "Nothing to redo.",
            ScreenHome => "To do",
            HomeHeading => "What needs doing, soonest first (select and Enter to open)",
            HomeNothing => "Nothing to remind you of.",
            HomeNow => "now",
            LabelGuests => "Guests",
            ScreenReports => "Reports",
            ReportStats => "Structure",
            ReportMovements => "Movements",
            ReportMeetings => "Meetings",
            ReportAssessments => "Review",
            ReportAdmission => "Admission",
            ReportExemptions => "Exempted",
            ReportDues => "Dues",
            ReportsYear => "Year",
            ReportExportedTo => "Report exported:",
            BundleWrittenTo => "Bundle for the ward written:",
            BundleMembers => "members",
        }
    }

    fn field(&self, f: Field) -> &'static str {
        match f {
            Field::FullName => "Full name",
            Field::OtherName => "Other name",
            Field::Gender => "Sex",
            Field::BirthDate => "Date of birth",
            Field::Ethnicity => "Ethnicity",
            Field::Religion => "Religion",
            Field::Hometown => "Home town",
            Field::ResidentialGroup => "Residential group",
            Field::Address => "Address",
            Field::NationalId => "Citizen ID (CCCD)",
            Field::Phone => "Phone",
            Field::CardNumber => "Party card no.",
            Field::AdmittedOn => "Admitted on",
            Field::RecognizedOn => "Official since",
            Field::Education => "General education",
            Field::Professional => "Qualification",
            Field::PoliticalTheory => "Political theory",
            Field::Occupation => "Occupation",
            Field::Notes => "Notes",
        }
    }

    fn branch_field(&self, f: BranchField) -> &'static str {
        match f {
            BranchField::Name => "Branch name",
            BranchField::Superior => "Superior committee",
            BranchField::Address => "Address",
            BranchField::Secretary => "Secretary",
            BranchField::Deputy => "Deputy secretary",
            BranchField::Term => "Term",
            BranchField::UsualDay => "Usual meeting day",
        }
    }

    fn gender(&self, g: Gender) -> &'static str {
        match g {
            Gender::Male => "Male",
            Gender::Female => "Female",
        }
    }

    fn professional(&self, p: Professional) -> &'static str {
        match p {
            Professional::None => "None",
            Professional::Elementary => "Elementary",
            Professional::Intermediate => "Intermediate",
            Professional::College => "College",
            Professional::University => "University",
            Professional::Master => "Master",
            Professional::Doctor => "Doctorate",
        }
    }

    fn political_theory(&self, p: PoliticalTheory) -> &'static str {
        match p {
            PoliticalTheory::None => "None",
            PoliticalTheory::Elementary => "Elementary",
            PoliticalTheory::Intermediate => "Intermediate",
            PoliticalTheory::Advanced => "Advanced",
            PoliticalTheory::Bachelor => "Bachelor",
        }
    }

    fn occupation(&self, o: Occupation) -> &'static str {
        match o {
            Occupation::CivilServant => "Civil servant",
            Occupation::Retired => "Retired",
            Occupation::Freelance => "Self-employed",
            Occupation::Business => "Business",
            Occupation::Student => "Student",
            Occupation::Worker => "Worker",
            Occupation::ArmedForces => "Armed forces",
            Occupation::Other => "Other",
        }
    }

    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::NotYet => "Not yet a member",
            Status::Official => "Official",
            Status::Probationary => "Probationary",
            Status::Exempt => "Exempt",
            Status::TemporarilyExempt => "Temp. exempt",
            Status::TemporarilyAway => "Temp. away",
            Status::TemporarilyHosted => "Temp. hosted",
            Status::Suspended => "Suspended",
            Status::TransferredOut => "Transferred out",
            Status::Removed => "Removed",
            Status::Expelled => "Expelled",
            Status::Deceased => "Deceased",
        }
    }

    fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::Liaison(p) => super::liaison::of(super::Lang::En).problem(p),
            Problem::MonthFormat => "enter a month as mm/yyyy, e.g. 03/2026.".into(),
            Problem::AmountFormat => "enter an amount in digits, e.g. 5,432,000.".into(),
            Problem::MonthOrder => "the last month must not be before the first.".into(),
            Problem::ReliefTooLong(n) => {
                format!(
                    "one exemption or reduction covers at most {n} months ({}).",
                    rules::rule(RuleId::DuesReliefMaxMonths).source
                )
            }
            Problem::Required => "must not be empty.".into(),
            Problem::DateFormat => "expects a date as dd/mm/yyyy, e.g. 05/03/1960.".into(),
            Problem::NotADay => "is not a day on the calendar (check day and month).".into(),
            Problem::InFuture => "must not be after today.".into(),
            Problem::TooEarly => "the year of birth must be 1900 or later.".into(),
            Problem::BirthNotBeforeAdmission => "must be after the date of birth.".into(),
            Problem::RecognitionBeforeAdmission => "must not be before the admission date.".into(),
            Problem::RecognitionWithoutAdmission => "needs the admission date first.".into(),
            Problem::DigitsExactly(n) => format!("expects exactly {n} digits."),
            Problem::DigitsBetween(a, b) => format!("expects {a} to {b} digits."),
            Problem::CardTaken(name) => format!("this card number belongs to {name}."),
            Problem::TooLong(n) => format!("is longer than {n} characters."),
            Problem::UnknownChoice => "is not one of the listed values.".into(),
            Problem::TermFormat => "expects two years, the first smaller, e.g. 2025-2030.".into(),
            Problem::TimeFormat => "expects a time as HH:MM, e.g. 19:30.".into(),
            Problem::EndBeforeStart => "the end time must be after the start time.".into(),
            Problem::NotANumber => "expects a whole number, e.g. 12.".into(),
            Problem::TallyTooLarge(c, p) => {
                format!("the votes ({c}) are more than the official members present ({p}).")
            }
            Problem::Approved(d) => format!(
                "the minutes were approved on {}; only an amendment can change them (key m).",
                crate::domain::date::format_date(*d)
            ),
            Problem::BeforeAdmission => "this date is before the member joined the Party.".into(),
            Problem::NotInForce => "on this date there is no exemption / transfer / suspension in force to end, or the member has left the rolls.".into(),
            Problem::Admission(p) => self.admission().problem(p),
            Problem::Date(e) => super::checks::of(super::Lang::En).bad_date(*e),
            Problem::Rule(p) => super::checks::of(super::Lang::En).rule_problem(p),
            Problem::Month(p) => super::month::of(super::Lang::En).problem(p),
            Problem::OutOfRange(a, b) => format!("must be a number from {a} to {b}."),
            Problem::DuplicateInFile(name) => {
                format!("repeats an earlier row of the file ({name}); this row is skipped.")
            }
        }
    }

    fn warning(&self, w: &Warning) -> String {
        match w {
            Warning::AdmissionAge { months, rule } => {
                let r = rules::rule(*rule);
                let (lo, hi) = (
                    rules::value(RuleId::AdmissionMinAgeMonths) / 12,
                    rules::value(RuleId::AdmissionMaxAgeMonths) / 12,
                );
                format!(
                    "age at admission was {} years {} months, outside {lo}–{hi} years ({}).",
                    months / 12,
                    months % 12,
                    r.source
                )
            }
        }
    }

    fn cli(&self, c: Cli<'_>) -> String {
        match c {
            Cli::AlreadyOpen(p) => format!(
                "The data in {p} is open in another Sổ chi bộ window. Close that window and try again. Nothing was changed."
            ),
            Cli::OpenFailed(p, d) => format!(
                "Cannot open the data in {p}: {d}. Is the disk full, or the folder read-only or not writable? Nothing was changed."
            ),
            Cli::NewerSchema(found, ours) => format!(
                "The data was written by a newer version (schema {found}; this one reads up to {ours}). Please update Sổ chi bộ."
            ),
            Cli::Corrupt(d) => format!("A record is damaged and cannot be read: {d}"),
            Cli::Disk(d) => {
                format!("Disk error (full or read-only?): {d}. The change was not saved.")
            }
            Cli::CardTaken(n) => format!("That party card number belongs to {n}. Not saved."),
            Cli::ReadFile(p, d) => format!("Cannot read {p}: {d}"),
            Cli::WriteFile(p, d) => format!("Cannot write {p}: {d}"),
            Cli::ImportRow(line, col, why) => format!("Line {line}, column \"{col}\": {why}"),
            Cli::ImportSummary(a, u, r) => {
                format!("Imported: {a} added, {u} updated, {r} rows refused.")
            }
            Cli::ImportStrictRefused(r) => format!(
                "{r} rows have errors; with --strict nothing was imported. No data changed."
            ),
            Cli::CsvNotUtf8 => "The file is not UTF-8 text. In Excel, use Save As \"CSV UTF-8\".".into(),
            Cli::CsvEmpty => "The file is empty: no header row.".into(),
            Cli::CsvNoName => "The header row has no \"Họ và tên\" (full name) column; see the header in the README.".into(),
            Cli::CsvBroken(d) => format!("Cannot read the CSV file: {d}"),
            Cli::ImportIgnored(cols) => format!("Columns not used (ignored): {cols}"),
            Cli::ImportWarning(line, w) => format!("Line {line}: note: {w}"),
            Cli::Exported(n, p) => format!("Exported {n} members to {p}."),
            Cli::DemoWritten(n, p) => format!("Wrote the sample branch ({n} members) to {p}."),
            Cli::DemoNotEmpty(p) => {
                format!("{p} already holds data; not overwriting it with sample data.")
            }
            Cli::BadLang(l) => format!("Language \"{l}\" is not supported; use vi or en."),
            Cli::KeymapLine(f, l, d) => format!("{f}, line {l}: {d}"),
            Cli::Usage => "The command line is not right. See: sochibo --help".into(),
            Cli::MeetingNotFound(w) => format!("No meeting \"{w}\". Give the minutes number in the term (e.g. 5) or a date dd/mm/yyyy."),
            Cli::MeetingAmbiguous(w) => format!("Several meetings match \"{w}\"; give the minutes number."),
            Cli::DocxNeedsFile => "A .docx needs a file: add -o NAME.docx".into(),
            Cli::XlsxNeedsFile => "An Excel file (.xlsx) cannot be printed on the screen: add -o NAME.xlsx".into(),
            Cli::XlsxBroken(d) => format!("Cannot read the Excel file (.xlsx): {d}. Open it in Excel and save it again as \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8\". Nothing was changed."),
            Cli::XlsOld => "Excel 97–2003 files (.xls) cannot be read yet. In Excel, use Save As \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8\" and import that file. Nothing was changed.".into(),
            Cli::Written(p) => format!("Wrote {p}."),
            Cli::BadDate(d) => format!("The date \"{d}\" is wrong; expected dd/mm/yyyy, e.g. 01/03/2026."),
            Cli::BundleBad(f, why) => format!("Skipped {f}: not a valid branch bundle, or damaged ({why})."),
            Cli::BundleSealed(f) => format!("Skipped {f}: the data is encrypted; the branch must export it unencrypted (sochibo decrypt)."),
            Cli::BundleDuplicate(f, b) => format!("Skipped {f}: {b} is already in an earlier file (duplicate)."),
            Cli::BundleWritten(p, n) => format!("Exported the branch bundle ({n} members) to {p}. Send this file to the ward committee."),
            Cli::WardWritten(b, n, d) => format!("Wrote {b} sample bundles ({n} members) to {d}."),
            Cli::RollupHeading(b, n, d) => format!("WARD ROLL-UP\n{b} party organisations, {n} members (as of {d})"),
            Cli::RollupShare(n, o, p) => format!("{n:>5} (full {o}, probationary {p})"),
            Cli::BundleNeedsPlain => "No full bundle written: the data is encrypted, so the receiver could not read it. The ward's bundle (without --full) can still be exported; for a full one, turn encryption off (sochibo decrypt), export it, then turn encryption back on (sochibo encrypt).".into(),
            Cli::NoDocxForThis => "This report has no Word (.docx) form yet: use --format txt, csv or xlsx.".into(),
            Cli::BundleNoBranch => "no branch profile".into(),
            Cli::Error(d) => format!("Error: {d}"),

            // --- Backups, restore and damaged data (issue 8) ---
            Cli::Damaged(dir, why) => {
                let why = match why {
                    Damage::Sled(d) => format!("the database cannot be read ({d})"),
                    Damage::Lost { .. } => {
                        "the database opens, but some changes that were saved are missing from it".to_string()
                    }
                };
                format!("The data in {dir} is damaged: {why}. Nothing more was written to it.")
            }
            Cli::DamagedMovedAside(p) => {
                format!("The damaged files were moved to {p} (kept as they are, nothing deleted).")
            }
            Cli::NewestBackup(p, n, when, cmd) => format!(
                "Newest good backup: {p} ({n} members, made {when}).\nTo restore it, run:\n    {cmd}"
            ),
            Cli::NoGoodBackup(dir) => format!(
                "No good backup in {dir}. If you have a backup elsewhere (a USB stick), run: sochibo restore <backup file>"
            ),
            Cli::StartsEmpty => "If you open Sổ chi bộ without restoring, the register starts empty; the backups stay as they are for a later restore.".into(),
            Cli::OfferRestore => "Restore from this backup now? Type \"yes\" and Enter to agree, just Enter to quit: ".into(),
            Cli::BackupWritten(n, p, bytes) => format!(
                "Backed up {n} members to {p} ({} KB). The file was read back and checked.",
                bytes.div_ceil(1024)
            ),
            Cli::BackupReplaced(p) => format!("Replaced an older backup of the same branch at {p}."),
            Cli::BackupNoData(dir) => format!("{dir} holds no data to back up."),
            Cli::BackupTargetForeign(p) => format!(
                "{p} already exists and is not a Sổ chi bộ backup; not overwriting it. Choose another name."
            ),
            Cli::BackupTargetOtherBranch(p, other) => format!(
                "{p} is a backup of another branch ({other}); not overwriting it. Choose another name."
            ),
            Cli::RestoreUnreadable(d) => {
                format!("Cannot read the backup file: {d}. The current data was not changed.")
            }
            Cli::RestoreBadFile(p, d) => format!(
                "Not restored: {p} is not a valid Sổ chi bộ backup, or it is damaged or truncated ({d}). The current data was not changed."
            ),
            Cli::RestoreNeedsYes(dir, n) => format!(
                "{dir} holds data ({n} members) and there is no terminal to ask, so nothing was restored. To replace it with the backup, run the command again with --yes. Nothing was changed."
            ),
            Cli::RestoreSafetyBackup(p) => {
                format!("Backed up the current data to {p} before restoring.")
            }
            Cli::RestoreConfirm(dir, n, file, m, when) => format!(
                "Replace all data in {dir} ({n} members) with the backup {file} ({m} members, made {when})? Type \"yes\" and Enter to agree: "
            ),
            Cli::RestoreCancelled => "Cancelled. The current data was not changed.".into(),
            Cli::Restored(n, file, dir) => format!("Restored {n} members from {file} into {dir}."),
            Cli::RestorePrevious(p) => format!("The data from before the restore is kept in {p}."),
            Cli::RestoreFailed(d) => {
                format!("The restore failed: {d}. The current data was not changed.")
            }

            // --- History, undo and encryption (issue 8) ---
            Cli::RecordChanged => "Not undone: the record has changed since. Nothing was changed.".into(),
            Cli::FiguresOnly => "This file is a bundle for the ward (figures only: no names, addresses or minutes), so it cannot be restored as the branch's data. Choose a backup file (sochibo backup) or a full bundle (sochibo export bundle --full). Nothing was changed.".into(),
            Cli::NotUndoable(_) => "This change cannot be undone. Nothing was changed.".into(),
            Cli::Locked => "The data is encrypted; the passphrase is needed to open it.".into(),
            Cli::WrongPassphrase => "Wrong passphrase (or recovery code). The data was not changed.".into(),
            Cli::Undone(what) => format!("Undone: {what}"),
            Cli::Redone(what) => format!("Redone: {what}"),
            Cli::UndoApproved(doc, date) => format!(
                "Not undone: minutes {doc} were approved on {date} and cannot be changed, not even by undo. To correct them, add an amendment."
            ),
            Cli::Changes(n) => format!("{n} changes"),
            Cli::UnlockPrompt => "The data is encrypted. Passphrase (or recovery code): ".into(),
            Cli::NewPassphrase => "New passphrase (not shown as you type): ".into(),
            Cli::NewPassphraseAgain => "Type the passphrase again: ".into(),
            Cli::PassphraseMismatch => "The two passphrases differ. Nothing was changed.".into(),
            Cli::PassphraseTooShort(n) => format!("The passphrase needs at least {n} characters. Nothing was changed."),
            Cli::PassphraseNeedsTerminal => "A passphrase is needed but there is no terminal to ask on. Use --passphrase-file FILE (its first line is the passphrase). Nothing was changed.".into(),
            Cli::PassphraseFile(p, d) => format!("Cannot read the passphrase file {p}: {d}. Nothing was changed."),
            Cli::AlreadyEncrypted => "The data is already encrypted.".into(),
            Cli::NotEncrypted => "The data is not encrypted; nothing to decrypt.".into(),
            Cli::Encrypted(n, dir) => format!(
                "Encrypted the data ({n} members) in {dir}. From now on Sổ chi bộ asks for the passphrase when it opens."
            ),
            Cli::RecoveryCode(code) => format!(
                "RECOVERY CODE (shown only once; write it on paper and keep it away from this computer):\n\n    {code}\n\nIf the passphrase is forgotten, type this code instead. LOSING BOTH THE PASSPHRASE AND THE RECOVERY CODE MEANS LOSING THE DATA: nobody can get it back."
            ),
            Cli::BackupsSealed(n) => format!("Encrypted {n} automatic backups in the backups folder."),
            Cli::ClearCopiesLeft(list) => format!(
                "Note: these are still not encrypted (older or damaged copies; the program deletes nothing by itself). Delete them yourself if not needed: {list}. Backups copied to a USB stick before are not encrypted either."
            ),
            Cli::Decrypted(n, dir) => format!(
                "Decrypted the data ({n} members) in {dir}. Sổ chi bộ no longer asks for a passphrase; older encrypted backups still need the old one."
            ),
        }
    }

    fn action_here(&self, a: Action, ctx: Context) -> Option<&'static str> {
        use Action as A;
        use Context as C;
        Some(match (ctx, a) {
            (C::Members, A::Open) => "Open the selected member's record",
            (C::Members, A::Edit) | (C::Member, A::Edit) => "Edit the member's record",
            (C::Members, A::Delete) | (C::Member, A::Delete) => {
                "Delete the member from the register (asks first, undoable)"
            }
            (C::Home, A::Open) => "Go to the screen of the selected item",
            (C::Exemptions, A::Open) => "Open the selected member's record",
            (C::Branch, A::Edit) => "Edit the branch's details",
            (C::Meetings, A::New) => "New meeting (filled in from the last one)",
            (C::Meetings, A::Open) => "Open the selected meeting",
            (C::Meetings, A::Delete) => "Delete the meeting (asks first)",
            (C::Meeting, A::New) => "New speech, vote or task (by the tab shown)",
            (C::Meeting, A::Edit) => "Edit the selected line",
            (C::Meeting, A::Delete) => "Delete the selected line (asks first)",
            (C::Roll, A::Edit) => "Edit the selected member's reason of absence",
            (C::Dues, A::Edit) => "Edit the selected member's dues rate",
            (C::Badges, A::Delete) => "Delete the recorded badge award (asks first)",
            (C::Rules, A::NextTab) | (C::Rules, A::PrevTab) => {
                "To the days off (the law's calendar and the branch's days)"
            }
            (C::Holidays, A::NextTab) | (C::Holidays, A::PrevTab) => "Back to the rules",
            (C::Holidays, A::New) => "Add a branch's day off or working day",
            (C::Holidays, A::Edit) => "Edit the selected branch day",
            (C::Holidays, A::Delete) => "Remove the selected branch day (asks first)",
            _ => return None,
        })
    }

    fn action(&self, a: Action) -> &'static str {
        match a {
            Action::Screen9 => "Screen 9: members working elsewhere who live here (QĐ 213)",
            Action::LiaisonContact => "Record a contact (meeting attended, task taken)",
            Action::LiaisonComment => "Write the yearly comment for the workplace",
            Action::LiaisonExport => "Export the year's comments (Word and text)",
            Action::LiaisonJoin => "Transfer into this branch (makes a member record)",
            Action::LiaisonFromMember => "A member who transferred out stays in touch here",
            Action::Screen4 => "Screen 4: party dues and badges",
            Action::PrevPeriod => "Previous period (month, badge presentation date, report year)",
            Action::NextPeriod => "Next period (month, badge presentation date, report year)",
            Action::PayCash => "Paid in cash; go to the next member",
            Action::PayOnline => "Paid online (confirmed); go to the next member",
            Action::ClearPayment => "Clear this month's payment",
            Action::RecordAward => "Record a Party badge award (date, decision)",
            Action::ToggleIllness => "Mark or unmark serious illness (early award)",
            Action::AllMembers => "Length of membership and next badge of every member",
            Action::Help => "Open help (list of keys)",
            Action::Quit => "Quit (asks if a form is unsaved)",
            Action::ForceQuit => "Quit from anywhere",
            Action::Screen1 => "Screen 1: Members",
            Action::Screen2 => "Screen 2: Branch",
            Action::Screen3 => "Screen 3: Branch meetings",
            Action::PrevYear => "Previous year",
            Action::NextYear => "Next year",
            Action::ToggleAttendance => "Members' attendance in the year",
            Action::NextTab => {
                "Next part (information, roll call, minutes, votes, tasks, proposals)"
            }
            Action::PrevTab => "Previous part",
            Action::NewItem => "Add an agenda item",
            Action::MarkPresent => "Present",
            Action::MarkExcused => "Excused absence (give the reason)",
            Action::MarkUnexcused => "Unexcused absence",
            Action::MarkCycle => "Cycle the roll-call mark",
            Action::MarkAllPresent => "Mark everyone not yet marked present (except exempted)",
            Action::Approve => "Approve the minutes (no more edits)",
            Action::Amend => "Amend approved minutes",
            Action::ExportMinutes => "Export the minutes (.txt and .docx)",
            Action::ExportNotice => "Write the meeting notice (.txt to paste, .docx to print)",
            Action::ExportResolution => "Write the branch's monthly resolution (.txt and .docx)",
            Action::TaskDone => "Mark the task done / not done",
            Action::MeetingDues => "Dues of the meeting's month (Esc comes back)",
            Action::ExportReceipts => {
                "Print the month's dues receipt list (.txt and .docx, with a column to sign)"
            }
            Action::PayByOther => "Paid, handed in by someone else (name who paid)",
            Action::HandOn => "Record the dues handed on to the committee above this month",
            Action::AdmissionWithdraw => "The candidate withdraws (date, reason)",
            Action::Screen5 => "Screen 5: Exemptions and reminders",
            Action::AddEvent => {
                "Record an event (exemption, transfer, discipline, removal, death…)"
            }
            Action::RemoveLastEvent => "Remove the most recent event (asks first)",
            Action::Screen0 => "Screen 0: What needs doing",
            Action::Screen6 => "Screen 6: Reports and figures",
            Action::ExportReport => "Export the report shown to files (.txt, .csv, .xlsx, .docx)",
            Action::ExportBundle => "Export the branch's bundle for the ward roll-up",
            Action::Screen8 => "Screen 8: annual review of members",
            Action::ScreenRules => "Rules screen (Alt+Q): values, sources, branch settings",
            Action::ReviewPrevYear => "Previous year",
            Action::ReviewNextYear => "Next year",
            Action::ReviewPlan => "The member's self-improvement plan for the year",
            Action::ReviewSelf => "Year-end self-review (score, self-proposed grade)",
            Action::ReviewBranch => "Branch comments, proposed grade and vote",
            Action::ReviewFinal => "Ward committee's final grade (locks the record)",
            Action::ReviewBranchGrade => "The branch's own classification for the year",
            Action::ReviewHistory => "The member's grades across years",
            Action::MonthlySelfAssessment => "Monthly self-assessment (thematic meeting)",
            Action::Search => "Find a member (name without accents, card, phone)",
            Action::New => "Add a member",
            Action::Open => "Open the record",
            Action::Edit => "Edit",
            Action::Delete => "Delete (asks first)",
            Action::Up => "Up",
            Action::Down => "Down",
            Action::PageUp => "Page up",
            Action::PageDown => "Page down",
            Action::Top => "To the top",
            Action::Bottom => "To the bottom",
            Action::NextFilter => "Status filter: next",
            Action::PrevFilter => "Status filter: previous",
            Action::Back => "Back / clear the search",
            Action::SearchAccept => "Keep the results, back to the list",
            Action::Save => "Save the form",
            Action::Cancel => "Cancel the form",
            Action::NextField => "Next field",
            Action::PrevField => "Previous field",
            Action::Yes => "Yes",
            Action::No => "No",
            Action::SwitchAnswer => "Switch the chosen answer (Yes / No)",
            Action::Answer => "Answer with the chosen answer",
            Action::Noop => "Nothing",
            Action::Screen7 => "Screen 7: Admission of new members",
            Action::AdmissionNew => "Add a candidate to the sympathiser list",
            Action::AdmissionOpen => "Open the candidate's history",
            Action::AdmissionEdit => "Edit the candidate",
            Action::AdmissionStep => "Record the next step (checked against the rules)",
            Action::AdmissionUndo => "Remove the last recorded step (asks first)",
            Action::AdmissionTarget => "Set the yearly target for new members",
            Action::AdmissionBack => "Back to the board",
            Action::History => "Change history of the record / minutes",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the change just undone",
            Action::RestoreBackup => {
                "Restore the newest good backup (when the data was found damaged)"
            }
            Action::DismissDamage => "Dismiss the damage warning (the damaged copy is kept)",
            Action::ScreenStudy => "Screen H: resolution study",
            Action::StudyMakeUp => "Record the selected member's make-up study",
            Action::StudySave => "Save the session with the ticked members",
        }
    }

    fn context(&self, c: Context) -> &'static str {
        match c {
            Context::Liaison => "Liaison members (living here)",
            Context::LiaisonCard => "Liaison member's card",
            Context::Dues => "Party dues",
            Context::Badges => "Party badges",
            Context::Global => "Everywhere",
            Context::Members => "Member list",
            Context::Member => "Member record",
            Context::Branch => "Branch profile",
            Context::Search => "Search line",
            Context::Form => "Forms",
            Context::Confirm => "Questions",
            Context::Help => "Help",
            Context::Review => "Annual review",
            Context::Home => "What needs doing",
            Context::Reports => "Reports and figures",
            Context::Rules => "Rules (values, sources, branch settings)",
            Context::Holidays => "Days off (the law's calendar and the branch's days)",
            Context::List => "Every list",
            Context::Exemptions => "Exemptions and reminders",
            Context::Meetings => "Meeting list",
            Context::Meeting => "A meeting",
            Context::Roll => "Roll call",
            Context::Admission => "Admission board",
            Context::Candidate => "Candidate's history",
            Context::History => "Change history",
            Context::Study => "Resolution study",
            Context::Resolution => "Who studied a resolution",
            Context::StudyPick => "Ticking who attended a session",
            Context::Completeness => "Member records with gaps",
        }
    }

    fn keymap(&self, p: &KeymapProblem) -> String {
        match p {
            KeymapProblem::Syntax(d) => format!("TOML syntax error: {d}"),
            KeymapProblem::UnknownContext(c) => format!("there is no section [{c}]"),
            KeymapProblem::BadKey(k) => format!("cannot read the key {k}"),
            KeymapProblem::UnknownAction(a) => format!("there is no action \"{a}\""),
            KeymapProblem::WrongContext(a, c) => format!("action \"{a}\" cannot be used in [{c}]"),
            KeymapProblem::Duplicate(k) => format!("a key is bound twice: {k}"),
            KeymapProblem::PrefixClash(a, b) => {
                format!("\"{a}\" is the start of \"{b}\"; \"{b}\" is dropped")
            }
            KeymapProblem::ImeSequence(k) => format!(
                "a Vietnamese IME (Telex/VNI) would turn \"{k}\" into a letter; choose another key"
            ),
            KeymapProblem::PrintableInForm(k) => {
                format!("the printable key \"{k}\" in [form] would block typing")
            }
        }
    }

    fn hint(&self, a: Action) -> &'static str {
        match a {
            Action::Screen9 => "Liaison",
            Action::ScreenRules => "Rules",
            Action::LiaisonContact => "Contact",
            Action::LiaisonComment => "Comment",
            Action::LiaisonExport => "Export",
            Action::LiaisonJoin => "Transfer in",
            Action::LiaisonFromMember => "Transferred out",
            Action::PayCash => "Cash",
            Action::PayOnline => "Transfer",
            Action::ClearPayment => "Clear",
            Action::RecordAward => "Award",
            Action::ToggleIllness => "Ill",
            Action::AllMembers => "All",
            Action::PrevPeriod => "Earlier",
            Action::NextPeriod => "Later",
            Action::PrevYear => "Prev year",
            Action::NextYear => "Next year",
            Action::ReviewPrevYear => "Prev year",
            Action::ReviewNextYear => "Next year",
            Action::Help => "Help",
            Action::Quit => "Quit",
            Action::ForceQuit => "Quit",
            Action::Search => "Find",
            Action::New => "New",
            Action::Open => "Open",
            Action::Edit => "Edit",
            Action::Delete => "Delete",
            Action::NextFilter => "Filter",
            Action::PrevFilter => "Filter",
            Action::Back => "Back",
            Action::SearchAccept => "Open",
            Action::Save => "Save",
            Action::Cancel => "Cancel",
            Action::NextField => "Next",
            Action::PrevField => "Previous",
            Action::Yes => "Yes",
            Action::No => "No",
            Action::SwitchAnswer => "Choose",
            Action::Answer => "Answer",
            Action::Approve => "Approve",
            Action::Amend => "Amend",
            Action::ExportMinutes => "Export",
            Action::ExportNotice => "Notice",
            Action::ExportResolution => "Resolution",
            Action::TaskDone => "Done",
            Action::MeetingDues => "Dues",
            Action::ExportReceipts => "Receipts",
            Action::PayByOther => "Paid by other",
            Action::HandOn => "Hand on",
            Action::AdmissionWithdraw => "Withdraw",
            Action::ExportReport => "Export",
            Action::ExportBundle => "Ward bundle",
            Action::StudyMakeUp => "Make-up",
            Action::StudySave => "Save session",
            Action::NextTab => "Next part",
            Action::PrevTab => "Prev part",
            Action::NewItem => "New item",
            Action::ToggleAttendance => "Attendance",
            Action::AddEvent => "Add event",
            Action::RemoveLastEvent => "Remove event",
            Action::AdmissionNew => "New",
            Action::AdmissionOpen => "Open",
            Action::AdmissionEdit => "Edit",
            Action::AdmissionStep => "Record step",
            Action::AdmissionUndo => "Remove step",
            Action::AdmissionTarget => "Target",
            Action::AdmissionBack => "Back",
            Action::History => "History",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::RestoreBackup => "Restore",
            Action::DismissDamage => "Dismiss warning",
            Action::MarkPresent => "Present",
            Action::MarkExcused => "Excused",
            Action::MarkUnexcused => "Unexcused",
            Action::MarkAllPresent => "All present",
            Action::MarkCycle => "Cycle",
            Action::MonthlySelfAssessment => "Self-assess",
            Action::ReviewPlan => "Plan",
            Action::ReviewSelf => "Self-review",
            Action::ReviewBranch => "Branch",
            Action::ReviewFinal => "Final",
            Action::ReviewBranchGrade => "Branch grade",
            Action::ReviewHistory => "Years",
            Action::Up => "Move",
            Action::Down => "Move",
            Action::PageUp => "Page",
            Action::PageDown => "Page",
            Action::Top => "Top",
            Action::Bottom => "Bottom",
            _ => "",
        }
    }

    fn event(&self, k: EventKind) -> &'static str {
        match k {
            EventKind::Admitted => "Admitted to the Party",
            EventKind::Recognized => "Recognised as official member",
            EventKind::ExemptionStarted { full: true } => "Exempted from party work and meetings",
            EventKind::ExemptionStarted { full: false } => "Temporarily exempted",
            EventKind::ExemptionEnded => "Exemption ended",
            EventKind::TemporaryTransferOutStarted => "Temporary transfer out",
            EventKind::TemporaryTransferOutEnded => "Back from temporary transfer",
            EventKind::TemporaryTransferInStarted => "Temporary transfer in",
            EventKind::TemporaryTransferInEnded => "Hosted temporary transfer ended",
            EventKind::TransferredOut => "Transferred out",
            EventKind::TransferredIn => "Transferred in",
            EventKind::Suspended => "Suspended",
            EventKind::SuspensionEnded => "Suspension ended",
            EventKind::Removed => "Removed from the rolls",
            EventKind::Expelled => "Expelled",
            EventKind::Died => "Deceased",
            EventKind::Disciplined => "Disciplined",
            EventKind::RemovalProposed => "Proposed for removal",
            EventKind::Rewarded => "Reward",
        }
    }

    fn meeting_field(&self, f: MeetingField) -> &'static str {
        use MeetingField::*;
        match f {
            Kind => "Kind of meeting",
            Topic => "Topic",
            Date => "Date",
            Start => "Starts",
            End => "Ends",
            Place => "Place",
            Chair => "Chair",
            Secretary => "Secretary",
            Guests => "Guests",
            Speaker => "Speaker",
            Gist => "What was said",
            ItemTitle => "Item",
            Conclusion => "Conclusion",
            VoteSubject => "Voted on",
            VoteThreshold => "Needs",
            VoteYes => "For",
            VoteNo => "Against",
            VoteAbstain => "Abstaining",
            TaskWho => "Who",
            TaskWhat => "What",
            TaskDue => "By",
            AmendReason => "Reason",
            AmendText => "Corrected text",
            AbsenceReason => "Reason",
            ProposalWho => "Raised by",
            ProposalText => "Proposal",
            ProposalAnswer => "Branch's answer",
        }
    }

    fn meeting_kind(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::Regular => "Regular",
            MeetingKind::Thematic => "Thematic",
            MeetingKind::Extraordinary => "Extraordinary",
            MeetingKind::YearEndReview => "Year-end review",
        }
    }

    fn threshold(&self, t: Threshold) -> &'static str {
        match t {
            Threshold::Majority => "More than half",
            Threshold::TwoThirds => "Two thirds",
        }
    }

    fn tab(&self, t: Tab) -> &'static str {
        match t {
            Tab::Info => "Information",
            Tab::Roll => "Roll call",
            Tab::Minutes => "Minutes",
            Tab::Votes => "Votes",
            Tab::Tasks => "Tasks",
            Tab::Proposals => "Proposals",
        }
    }

    fn figures(&self, c: &Counts, denominator: u32) -> String {
        format!(
            "Total {} (official {}, probationary {}) · exempt {} · away {} · hosted {} · expected {} · present {} · excused {} · unexcused {} · entitled to vote {}",
            c.total,
            c.official,
            c.probationary,
            c.exempt,
            c.away,
            c.hosted,
            c.must_attend,
            c.present,
            c.excused,
            c.unexcused,
            denominator
        )
    }

    fn event_field(&self, f: EventField) -> &'static str {
        use EventField::*;
        match f {
            Kind => "Event",
            Date => "Effective on",
            ExemptionReason => "Reason",
            Discipline => "Discipline",
            RemovalCause => "Cause",
            Organisation => "From / to organisation",
            AppliedOn => "Applied on",
            Decision => "Resolution no.",
            DecidedOn => "Resolution date",
            ReportedOn => "Reported upward on",
            EndsOn => "Until",
            DuesPaidTo => "Dues paid up to",
            Note => "Note",
            Issuer => "Decided by",
        }
    }

    fn exemption_reason(&self, r: ExemptionReason) -> &'static str {
        match r {
            ExemptionReason::OldAndWeak => "Old age and poor health",
            ExemptionReason::LongTreatment => "Long medical treatment",
            ExemptionReason::Abroad => "Abroad",
            ExemptionReason::WorkingAway => "Working far away",
            ExemptionReason::Maternity => "Maternity",
            ExemptionReason::Other => "Other",
        }
    }

    fn discipline(&self, d: DisciplineLevel) -> &'static str {
        match d {
            DisciplineLevel::Reprimand => "Reprimand",
            DisciplineLevel::Warning => "Warning",
            DisciplineLevel::Dismissal => "Dismissal from post",
            DisciplineLevel::Expulsion => "Expulsion",
        }
    }

    fn removal_cause(&self, r: RemovalCause) -> &'static str {
        match r {
            RemovalCause::AbsenceOrDues => "No meetings or no dues for 3 months in a year",
            RemovalCause::Card => "Returned or destroyed the party card",
            RemovalCause::NoProgress => "No progress 12 months after education",
            RemovalCause::Standards => "Breached member standards two years running",
            RemovalCause::FailedProbation => "Probationary member not recognised",
            RemovalCause::Other => "Other",
        }
    }

    fn life_warning(&self, w: &LifeWarning) -> String {
        use crate::domain::date::format_date;
        match w {
            LifeWarning::ExemptionEndingSoon(d) => format!(
                "temporary exemption ends on {}: prepare the return.",
                format_date(*d)
            ),
            LifeWarning::ExemptionOverdue(d) => format!(
                "temporary exemption ended on {} and no return was recorded.",
                format_date(*d)
            ),
            LifeWarning::ExemptionYoung(age, rule) => format!(
                "full exemption at age {age}, under {} ({}; rule not checked against newer texts).",
                rules::value(*rule),
                rules::rule(*rule).source
            ),
            LifeWarning::ExemptionNoHealthReason => {
                "a full exemption needs old age and poor health (HD 27-HD/BTCTW).".into()
            }
            LifeWarning::ExemptionTooLong(m) => format!(
                "temporary exemption of {m} months, longer than the usual {} ({}).",
                rules::value(RuleId::TemporaryExemptionMaxMonths),
                rules::rule(RuleId::TemporaryExemptionMaxMonths).source
            ),
            LifeWarning::TemporaryTransferEnding(d) => {
                format!("temporary transfer ends on {}.", format_date(*d))
            }
            LifeWarning::TransferLate(days) => format!(
                "transfer done after {days} working days, more than {} ({}).",
                rules::value(RuleId::TransferWorkingDays),
                rules::rule(RuleId::TransferWorkingDays).source
            ),
            LifeWarning::UnexcusedAbsences(m) => format!(
                "absent without reason in {m} months this year (from {}: consider removal, {}).",
                rules::value(RuleId::RemovalAbsenceMonths),
                rules::rule(RuleId::RemovalAbsenceMonths).source
            ),
            LifeWarning::TransferDue(d) => format!(
                "the official transfer must be completed by {} ({} working days, {}).",
                format_date(*d),
                rules::value(RuleId::TransferWorkingDays),
                rules::rule(RuleId::TransferWorkingDays).source
            ),
            LifeWarning::MaybeExemption(m) => format!(
                "old and absent without reason in {m} months this year: consider an exemption rather than removal ({}).",
                rules::rule(RuleId::SuggestExemptionAge).source
            ),
        }
    }

    fn admission(&self) -> &'static dyn super::admission::AdmissionTexts {
        &super::admission_en::AdmEn
    }

    fn change(&self, kind: ChangeKind, record: &RecordLabel<'_>) -> String {
        use ChangeKind::{Changed, Created, Deleted};
        let verb = match kind {
            Created => "created",
            Changed => "changed",
            Deleted => "deleted",
        };
        // What is recorded is "recorded" rather than "created".
        let noted = match kind {
            Created => "recorded",
            Changed => "changed",
            Deleted => "deleted",
        };
        match *record {
            RecordLabel::Liaison(name) => super::liaison::of(super::Lang::En).change(kind, name),
            RecordLabel::Member(name) => format!("{verb} the record of {name}"),
            RecordLabel::MemberEvent(name, k) => {
                format!("{noted} the event “{}” of {name}", self.event(k))
            }
            RecordLabel::Meeting(doc) => format!("{verb} minutes {doc}"),
            RecordLabel::Branch => format!("{verb} the branch profile"),
            RecordLabel::DuesPayment(name, month) => {
                format!("{noted} the party dues of {month} of {name}")
            }
            RecordLabel::DuesPayments(name) => format!("{noted} the dues payments of {name}"),
            RecordLabel::DuesRate(name) => format!("{noted} the dues rate of {name}"),
            RecordLabel::Badge(name, years) => {
                format!("{noted} the {years}-year Party badge of {name}")
            }
            RecordLabel::BadgeIllness(name, true) => {
                format!("marked {name} as seriously ill (early badge)")
            }
            RecordLabel::BadgeIllness(name, false) => {
                format!("removed the serious-illness mark of {name}")
            }
            RecordLabel::BadgeRecord(name) => format!("{noted} the badge record of {name}"),
            RecordLabel::Review(name, year) => format!("{noted} the {year} review of {name}"),
            RecordLabel::BranchYear(year) => {
                format!("{noted} the branch's classification of {year}")
            }
            RecordLabel::RuleSetting(rule) => format!("{noted} the branch's rule “{rule}”"),
            RecordLabel::Candidate(name) => format!("{verb} the admission file of {name}"),
            RecordLabel::AdmissionStep(name, stage) => format!(
                "{noted} the admission step “{}” of {name}",
                self.admission().stage(stage)
            ),
            RecordLabel::Target(year) => match kind {
                Deleted => format!("deleted the admission target of {year}"),
                _ => format!("set the admission target of {year}"),
            },
        }
    }

    fn todo(&self, item: &TodoItem) -> String {
        use crate::domain::todo::TodoKind as K;
        match &item.kind {
            K::RegularThisMonth(_, m) => format!(
                "Regular meeting of month {m}: not held yet (Party Charter Art. 24: monthly)."
            ),
            K::MonthWithoutRegular(_, m) => {
                format!("Month {m} had no regular meeting (Party Charter Art. 24).")
            }
            K::QuarterWithoutThematic(_, q) => {
                format!("Quarter {q} had no thematic meeting (HD 12-HD/BTCTW: at least quarterly).")
            }
            K::DraftMinutes(_, n) => format!(
                "Minutes {} are still a draft: approve or complete them.",
                crate::domain::meeting::document_number(*n)
            ),
            K::Task(_, who, what) => format!("Task: {what} ({who})."),
            K::Member(_, name, w) => format!("{name}: {}", self.life_warning(w)),
            K::DuesArrears(_, name, n) => format!(
                "{name}: dues unpaid for {n} months this year (QĐ 01-QĐ/TW 2026: from 3, the branch considers action)."
            ),
            K::Badge(_, name, y, d) => format!(
                "{name}: {y} years of membership, propose the badge for {} (HD 01-HD/TW 2021, 18).",
                crate::domain::date::format_date(*d)
            ),
            K::Candidate(_, name, d) => format!(
                "Admission of {name}: the next step is due by {} (screen 7).",
                crate::domain::date::format_date(*d)
            ),
            K::Check(c) => super::checks::of(super::Lang::En).todo(c),
            K::LiaisonComment(_, name, y) => super::liaison::of(super::Lang::En).due(name, *y),
            K::ReviewSeason(y, n) => {
                format!("Annual review {y}: {n} members still without a grade (screen 8).")
            }
            K::Recognition(_, name, end) => format!(
                "{name}: probation ends on {}; the branch considers recognition within 30 working days (QĐ 294-QĐ/TW, 4.2).",
                crate::domain::date::format_date(*end)
            ),
        }
    }

    fn dues(&self) -> &'static dyn crate::i18n::dues::DuesCatalogue {
        &crate::i18n::dues::DuesEn
    }

    fn rules(&self) -> &'static dyn crate::i18n::rules::RulesCatalogue {
        &crate::i18n::rules::RulesEn
    }

    fn review_msg(&self, m: ReviewMsg) -> &'static str {
        use ReviewMsg::*;
        match m {
            Screen => "Review",
            FormPlan => "Self-improvement plan for the year",
            FormSelf => "Year-end self-review",
            FormBranch => "Branch comments and proposed grade",
            FormFinal => "Ward committee's final grade",
            FormMonthly => "Monthly self-assessment",
            FormBranchYear => "The branch's classification for the year",
            Heading => "Annual review and classification of members,",
            BranchLabel => "Branch",
            NoGrade => "not graded yet",
            ColSelf => "Self",
            ColBranch => "Branch",
            ColWard => "Ward",
            Plan => "Plan",
            Monthly => "Monthly self-assessments",
            Sections => "Self-review",
            History => "Grades across years",
            Pending => "no result yet",
            NotGraded => "not graded",
            Empty => "No members in this year's list.",
            Provisional => "(branch proposals; not all decided by the ward yet)",
            Keys => {
                "F4 plan · F5 self-review · F6 branch · F9 ward · Ctrl+G branch grade · Ctrl+L across years · ←/→ year"
            }
            Vote => "vote",
        }
    }

    fn review_field(&self, f: ReviewField) -> &'static str {
        match f {
            ReviewField::Plan => "Plan",
            ReviewField::Monthly => "Self-assessment",
            ReviewField::Strengths => "Strengths",
            ReviewField::Weaknesses => "Shortcomings",
            ReviewField::Causes => "Causes",
            ReviewField::Remedies => "Remedies",
            ReviewField::SelfScore => "Self-score (0–100)",
            ReviewField::SelfGrade => "Self-proposed grade",
            ReviewField::Comments => "Branch comments",
            ReviewField::Proposed => "Proposed grade",
            ReviewField::VoteYes => "For",
            ReviewField::VoteNo => "Against",
            ReviewField::VoteAbstain => "Abstaining",
            ReviewField::FinalGrade => "Grade",
            ReviewField::Decision => "Decision number",
            ReviewField::DecidedOn => "Decision date",
            ReviewField::BranchGrade => "Branch grade",
            ReviewField::BranchNote => "Note",
        }
    }

    fn grade(&self, g: Grade) -> &'static str {
        match g {
            Grade::Excellent => "Excellent (HTXSNV)",
            Grade::Good => "Good (HTTNV)",
            Grade::Completed => "Completed (HTNV)",
            Grade::NotCompleted => "Not completed (KHTNV)",
        }
    }

    fn exclusion(&self, x: &Exclusion) -> String {
        match x {
            Exclusion::Exempt => {
                "exempt from party work and meetings: not reviewed or graded (HD 21-HD/BTCTW 2019)".into()
            }
            Exclusion::Suspended => "suspended: not graded (HD 21-HD/BTCTW 2019)".into(),
            Exclusion::JoinedLate(d) => format!(
                "admitted {}, fewer than {} months before 31/12: not graded yet ({}; unverified)",
                crate::domain::date::format_date(*d),
                rules::value(RuleId::ReviewMinMonthsSinceAdmission),
                rules::rule(RuleId::ReviewMinMonthsSinceAdmission).source
            ),
            Exclusion::Left(s) => format!("{}: no longer in the branch", self.status(*s)),
            Exclusion::Hosted => {
                "on temporary transfer here: reviewed where the membership is held (QĐ 294-QĐ/TW 6.3.2)".into()
            }
        }
    }

    fn review_warning(&self, w: &ReviewWarning) -> String {
        match w {
            ReviewWarning::ScoreBand { score, band, grade } => format!(
                "self-score {score} is in the band \"{}\" but the grade is \"{}\" (QĐ 366-QĐ/TW Art. 11: ≥ {} excellent, {}–< {} good, {}–< {} completed).",
                self.grade(*band),
                self.grade(*grade),
                rules::value(RuleId::ReviewExcellentMinScore),
                rules::value(RuleId::ReviewGoodMinScore),
                rules::value(RuleId::ReviewExcellentMinScore),
                rules::value(RuleId::ReviewCompletedMinScore),
                rules::value(RuleId::ReviewGoodMinScore),
            ),
            ReviewWarning::OverCap {
                excellent,
                good,
                cap,
            } => format!(
                "{excellent} excellent exceeds {}% of the {good} graded good (at most {cap}; {}; the ward committee applies the cap).",
                rules::value(RuleId::ReviewExcellentCapPercent),
                rules::rule(RuleId::ReviewExcellentCapPercent).source
            ),
            ReviewWarning::DisciplinedAboveCeiling { on, ceiling } => format!(
                "disciplined on {} this year: the highest grade is \"{}\" ({}).",
                crate::domain::date::format_date(*on),
                self.grade(*ceiling),
                rules::rule(RuleId::ReviewDisciplinedCeiling).source
            ),
            ReviewWarning::ExcludedGraded(x) => {
                format!("grading a member who is not graded: {}.", self.exclusion(x))
            }
            ReviewWarning::VoteFailed { yes, denominator } => format!(
                "the proposed grade got {yes}/{denominator} votes for, not more than half (Party Statute, Art. 10)."
            ),
        }
    }

    fn review_notice(&self, n: &ReviewNotice) -> String {
        match n {
            ReviewNotice::Saved(w) if w.is_empty() => "Saved.".into(),
            ReviewNotice::Saved(w) => {
                let ws: Vec<String> = w.iter().map(|w| self.review_warning(w)).collect();
                format!("Saved. Note: {}", ws.join(" "))
            }
            ReviewNotice::Locked(g, decision) => format!(
                "The ward committee has decided \"{}\" ({decision}): the record is locked.",
                self.grade(*g)
            ),
            ReviewNotice::NotThematic => {
                "Monthly self-assessments are made in thematic meetings; this one is not thematic."
                    .into()
            }
        }
    }
}
