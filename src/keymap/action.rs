//! The one registry of named actions: the keymap files, the help screen and the hints
//! all read it. Descriptions live in the string catalogue (`i18n`).

/// Where a key is looked up. Input goes top-down: the text editor, then the context of
/// the focused overlay or screen, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Everywhere, after the focused context.
    Global,
    /// The member roster.
    Members,
    /// A member's card.
    Member,
    /// The branch profile screen.
    Branch,
    /// The search line above the roster.
    Search,
    /// Any form.
    Form,
    /// A yes/no question.
    Confirm,
    /// The help overlay.
    Help,
    /// The list of meetings.
    Meetings,
    /// An open meeting (all its tabs).
    Meeting,
    /// The roll-call tab of an open meeting (before `Meeting`).
    Roll,
    /// The list of exempted members and reminders.
    Exemptions,
    /// The admission board (screen 7).
    Admission,
    /// A candidate's card with the history of the admission.
    Candidate,
    /// The change history of a record.
    History,
    /// The annual review of a year.
    Review,
    /// The home screen (what needs doing).
    Home,
    /// The dues tab: one month's collection.
    Dues,
    /// The badges tab.
    Badges,
    /// The reports screen.
    Reports,
    /// The list of resolutions (study screen).
    Study,
    /// An open resolution: who studied it.
    Resolution,
    /// Ticking who attended a study session.
    StudyPick,
    /// Members whose record lacks a field (the study screen's second tab).
    Completeness,
    /// The rules screen (Quy định): every rule, its value and source; settings edited.
    Rules,
    /// The rules screen's second section: the days off (built-in and the branch's own).
    Holidays,
    /// Movement shared by every list (looked up after the context and its parent).
    List,
    /// The list of liaison members (screen 9, QĐ 213).
    Liaison,
    /// A liaison member's card.
    LiaisonCard,
}

impl Context {
    /// Every context, in help-screen order.
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Members,
        Context::Member,
        Context::Branch,
        Context::Search,
        Context::Form,
        Context::Confirm,
        Context::Help,
        Context::Meetings,
        Context::Meeting,
        Context::Roll,
        Context::Exemptions,
        Context::Admission,
        Context::Candidate,
        Context::History,
        Context::Review,
        Context::Home,
        Context::Dues,
        Context::Badges,
        Context::Reports,
        Context::Study,
        Context::Resolution,
        Context::StudyPick,
        Context::Completeness,
        Context::Rules,
        Context::Holidays,
        Context::List,
        Context::Liaison,
        Context::LiaisonCard,
    ];

    /// The section name used in keymap files.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Members => "members",
            Context::Member => "member",
            Context::Branch => "branch",
            Context::Search => "search",
            Context::Form => "form",
            Context::Confirm => "confirm",
            Context::Help => "help",
            Context::Meetings => "meetings",
            Context::Meeting => "meeting",
            Context::Roll => "roll",
            Context::Exemptions => "exemptions",
            Context::Admission => "admission",
            Context::Candidate => "candidate",
            Context::History => "history",
            Context::Review => "review",
            Context::Home => "home",
            Context::Dues => "dues",
            Context::Badges => "badges",
            Context::Reports => "reports",
            Context::Study => "study",
            Context::Resolution => "resolution",
            Context::StudyPick => "study_pick",
            Context::Completeness => "completeness",
            Context::Rules => "rules",
            Context::Holidays => "holidays",
            Context::List => "list",
            Context::Liaison => "liaison",
            Context::LiaisonCard => "liaison_card",
        }
    }

    /// The context looked up after this one, before `List` and `Global`.
    pub fn parent(self) -> Option<Context> {
        match self {
            Context::Roll => Some(Context::Meeting),
            _ => None,
        }
    }

    /// The contexts to look a key up in, innermost first: the context, its parent, the
    /// shared list movement (not in forms and questions, where keys mean other things),
    /// then `Global`.
    pub fn chain(self) -> Vec<Context> {
        let mut out = vec![self];
        out.extend(self.parent());
        if !matches!(self, Context::Form | Context::Confirm | Context::Global) {
            out.push(Context::List);
        }
        if self != Context::Global {
            out.push(Context::Global);
        }
        out
    }

    /// The context of a keymap section name.
    pub fn from_name(s: &str) -> Option<Context> {
        Context::ALL.iter().copied().find(|c| c.name() == s)
    }
}

macro_rules! actions {
    ($($variant:ident = $name:literal in [$($ctx:ident),+]),* $(,)?) => {
        /// A named thing the user can do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in keymap files.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// The contexts where the action may be bound.
            pub fn contexts(self) -> &'static [Context] {
                match self { $(Action::$variant => &[$(Context::$ctx),+]),* }
            }
        }
    };
}

actions! {
    Help = "help" in [Global],
    Quit = "quit" in [Global],
    ForceQuit = "force_quit" in [Global],
    Screen0 = "screen_0" in [Global],
    Screen1 = "screen_1" in [Global],
    Screen2 = "screen_2" in [Global],
    Screen3 = "screen_3" in [Global],
    Screen4 = "screen_4" in [Global],
    Screen5 = "screen_5" in [Global],
    Search = "search" in [Global],
    New = "new" in [Members, Meetings, Meeting, Study, Resolution, Liaison, Holidays],
    Open = "open" in [Members, Meetings, Exemptions, Home, Study, Completeness, Liaison],
    Edit = "edit" in [Members, Member, Branch, Meeting, Roll, Dues, Study, Resolution, Liaison, LiaisonCard, Rules, Holidays],
    Delete = "delete" in [Members, Member, Meetings, Meeting, Badges, Study, Liaison, LiaisonCard, Holidays],
    Up = "up" in [List, Members, Search, Help, Member, Meetings, Meeting, Exemptions, Home, Dues, Badges, History, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    Down = "down" in [List, Members, Search, Help, Member, Meetings, Meeting, Exemptions, Home, Dues, Badges, History, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    PageUp = "page_up" in [List, Members, Help, Meetings, Meeting, Dues, Badges, History, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    PageDown = "page_down" in [List, Members, Help, Meetings, Meeting, Dues, Badges, History, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    Top = "top" in [List, Members, Help, Meetings, Meeting, Dues, Badges, History, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    Bottom = "bottom" in [List, Members, Help, Meetings, Meeting, Dues, Badges, History, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    NextFilter = "next_filter" in [Members],
    PrevFilter = "prev_filter" in [Members],
    Back = "back" in [List, Members, Member, Search, Help, Meetings, Meeting, Badges, History, Resolution, StudyPick, LiaisonCard],
    PrevYear = "prev_year" in [Meetings, Liaison],
    NextYear = "next_year" in [Meetings, Liaison],
    ToggleAttendance = "attendance" in [Meetings],
    NextTab = "next_tab" in [Meeting, Dues, Badges, Reports, Study, Completeness, Rules, Holidays],
    PrevTab = "prev_tab" in [Meeting, Dues, Badges, Reports, Study, Completeness, Rules, Holidays],
    NewItem = "new_item" in [Meeting],
    MarkPresent = "mark_present" in [Roll, StudyPick],
    MarkExcused = "mark_excused" in [Roll],
    MarkUnexcused = "mark_unexcused" in [Roll],
    MarkCycle = "mark_cycle" in [Roll],
    MarkAllPresent = "mark_all_present" in [Roll, StudyPick],
    Approve = "approve" in [Meeting],
    Amend = "amend" in [Meeting],
    ExportMinutes = "export_minutes" in [Meeting],
    AddEvent = "add_event" in [Member],
    RemoveLastEvent = "remove_last_event" in [Member],
    PrevPeriod = "prev_period" in [Dues, Badges, Reports],
    NextPeriod = "next_period" in [Dues, Badges, Reports],
    PayCash = "pay_cash" in [Dues],
    PayOnline = "pay_online" in [Dues],
    ClearPayment = "clear_payment" in [Dues],
    RecordAward = "record_award" in [Badges],
    ToggleIllness = "toggle_illness" in [Badges],
    AllMembers = "all_members" in [Badges],
    SearchAccept = "search_accept" in [Search],
    Save = "save" in [Form],
    Cancel = "cancel" in [Form],
    NextField = "next_field" in [Form],
    PrevField = "prev_field" in [Form],
    Yes = "yes" in [Confirm],
    SwitchAnswer = "switch_answer" in [Confirm],
    Answer = "answer" in [Confirm],
    No = "no" in [Confirm],
    Noop = "noop" in [Global, List, Members, Member, Branch, Search, Form, Confirm, Help, Meetings, Meeting, Roll, Exemptions, Home, Dues, Badges, History, Admission, Candidate, Reports, Study, Resolution, StudyPick, Completeness, Rules, Holidays],
    Screen7 = "screen_7" in [Global],
    AdmissionNew = "admission_new" in [Admission],
    AdmissionOpen = "admission_open" in [Admission],
    AdmissionEdit = "admission_edit" in [Admission, Candidate],
    AdmissionStep = "admission_step" in [Admission, Candidate],
    AdmissionUndo = "admission_undo" in [Candidate],
    AdmissionTarget = "admission_target" in [Admission],
    AdmissionBack = "admission_back" in [Candidate],
    History = "history" in [Member, Meeting, History],
    Undo = "undo" in [Global],
    Redo = "redo" in [Global],
    Screen8 = "screen_8" in [Global],
    ReviewPrevYear = "review_prev_year" in [Review],
    ReviewNextYear = "review_next_year" in [Review],
    ReviewPlan = "review_plan" in [Review],
    ReviewSelf = "review_self" in [Review],
    ReviewBranch = "review_branch" in [Review],
    ReviewFinal = "review_final" in [Review],
    ReviewBranchGrade = "review_branch_grade" in [Review],
    ReviewHistory = "review_history" in [Review],
    MonthlySelfAssessment = "monthly_self_assessment" in [Roll],
    Screen6 = "screen_6" in [Global],
    ExportReport = "export_report" in [Reports],
    ExportBundle = "export_bundle" in [Reports],
    RestoreBackup = "restore_backup" in [Home],
    DismissDamage = "dismiss_damage" in [Home],
    ScreenStudy = "screen_study" in [Global],
    StudyMakeUp = "study_makeup" in [Resolution],
    StudySave = "study_save" in [StudyPick],
    Screen9 = "screen_9" in [Global],
    LiaisonContact = "liaison_contact" in [Liaison, LiaisonCard],
    LiaisonComment = "liaison_comment" in [Liaison, LiaisonCard],
    LiaisonExport = "liaison_export" in [Liaison, LiaisonCard],
    LiaisonJoin = "liaison_join" in [LiaisonCard],
    LiaisonFromMember = "liaison_from_member" in [Liaison],
    ExportNotice = "export_notice" in [Meeting],
    ExportResolution = "export_resolution" in [Meeting],
    TaskDone = "task_done" in [Meeting],
    MeetingDues = "meeting_dues" in [Meeting],
    ExportReceipts = "export_receipts" in [Dues],
    AdmissionWithdraw = "admission_withdraw" in [Candidate],
    ScreenRules = "screen_rules" in [Global],
    PayByOther = "pay_by_other" in [Dues],
    HandOn = "hand_on" in [Dues],
}

impl Action {
    /// The action of a keymap name (older names of merged actions still load).
    pub fn from_name(s: &str) -> Option<Action> {
        let s = match s {
            "admission_up" | "review_up" => "up",
            "admission_down" | "review_down" => "down",
            other => other,
        };
        Action::ALL.iter().copied().find(|a| a.name() == s)
    }

    /// The screen number of a `screen_N` action.
    pub fn screen_number(self) -> Option<u8> {
        let n = match self {
            Action::Screen0 => 0,
            Action::Screen1 => 1,
            Action::Screen2 => 2,
            Action::Screen3 => 3,
            Action::Screen5 => 5,
            Action::Screen6 => 6,
            Action::Screen7 => 7,
            Action::Screen8 => 8,
            Action::Screen9 => 9,
            Action::Screen4 => 4,
            Action::ScreenStudy => 11,
            Action::ScreenRules => 10,
            _ => return None,
        };
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
        }
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        for c in Context::ALL {
            assert_eq!(Context::from_name(c.name()), Some(*c));
        }
    }
}
