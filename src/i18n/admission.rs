//! The texts of the admission pipeline (screen 7), one implementation per language
//! (`admission_vi.rs`, `admission_en.rs`), reached through [`super::Catalogue::admission`].

use crate::domain::admission::{
    AdmissionField, AdmissionProblem, Candidate, Check, Deadline, Source, Stage, Standing, Tally,
};

/// Short texts of the admission screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdmMsg {
    /// Tab name of screen 7.
    Screen,
    /// Title of the new-candidate form.
    FormNew,
    /// Title of the edit-candidate form.
    FormEdit,
    /// Title of the step form.
    FormStep,
    /// Title of the target form.
    FormTarget,
    /// The board has no candidates.
    BoardEmpty,
    /// Heading of the overdue group.
    Overdue,
    /// Title of a candidate's card.
    Card,
    /// Label: current step.
    Current,
    /// Label: next step.
    Next,
    /// Label: next deadline.
    Deadline,
    /// Heading: history.
    History,
    /// Label: helper.
    Helper,
    /// Label: source.
    Source,
    /// Nothing more to record.
    NoNextStep,
    /// A step was recorded.
    StepSaved,
    /// The candidate became a probationary member (name follows).
    Admitted,
    /// The member became official (name follows).
    Recognized,
    /// Removal was proposed (name follows).
    RemovalProposed,
    /// Question: remove the last step?
    ConfirmUndo,
    /// Choice: no meeting vote, type the figures.
    ManualVote,
    /// Outcome: propose recognition.
    OutcomeRecognize,
    /// Outcome: propose removal.
    OutcomeRemove,
    /// Label before an override's reason.
    Overridden,
    /// Heading of the checks that stop the next step today.
    WhyNotYet,
    /// Hint line on the card.
    CardHint,
    /// Hint line on the board.
    BoardHint,
    /// Label: sponsors.
    Sponsors,
    /// Label: vetting conclusion.
    Conclusion,
    /// Label: document.
    Document,
    /// Label: responsible.
    Responsible,
    /// Label: the member record made at the ceremony.
    InRoster,
    /// Label: the Youth Union resolution.
    YouthResolution,
    /// Label: vote figures.
    Vote,
    /// Column: candidate.
    ColCandidate,
    /// Column: days in the step.
    ColDays,
    /// Column: next step.
    ColNext,
    /// Column: deadline.
    ColDeadline,
    /// Nothing is due.
    NoDeadline,
    /// No candidate selected.
    NothingSelected,
    /// Label: "from" before a date.
    Since,
}

/// The admission texts of one language. Every method must be implemented by every
/// language, so a missing text is a compile error.
pub trait AdmissionTexts: Sync {
    /// A short text.
    fn msg(&self, m: AdmMsg) -> &'static str;
    /// The name of a stage.
    fn stage(&self, s: Stage) -> &'static str;
    /// A short name of a stage (board columns), at most 20 characters.
    fn stage_short(&self, s: Stage) -> &'static str;
    /// The name of a source organisation.
    fn source(&self, s: Source) -> &'static str;
    /// The label of a form field (at most 22 characters).
    fn field(&self, f: AdmissionField) -> &'static str;
    /// Why a step is not allowed, or is late, naming the rule's source.
    fn check(&self, c: &Check) -> String;
    /// A refused field of the admission forms.
    fn problem(&self, p: &AdmissionProblem) -> String;
    /// The next deadline, in words.
    fn deadline(&self, d: &Deadline) -> String;
    /// "12 ngày".
    fn days(&self, n: i64) -> String;
    /// The yearly target line: year, target, admitted, in progress, overdue.
    fn progress(
        &self,
        year: i32,
        target: Option<u32>,
        admitted: u32,
        in_progress: usize,
        overdue: usize,
    ) -> String;
    /// The figures of a vote.
    fn tally(&self, t: &Tally) -> String;
    /// Where a candidate stands.
    fn standing(&self, s: Standing) -> &'static str;

    /// The candidate's source and unit: "Hội Phụ nữ — Chi hội Phụ nữ TDP 5".
    fn source_line(&self, c: &Candidate) -> String {
        match (c.source, c.source_unit.is_empty()) {
            (Some(s), true) => self.source(s).to_string(),
            (Some(s), false) => format!("{} — {}", self.source(s), c.source_unit),
            (None, _) => c.source_unit.clone(),
        }
    }
}

/// The yes votes a two-thirds vote needs out of `denominator` (rules table).
pub fn needed(denominator: u32) -> u32 {
    let num = crate::domain::rules::value(crate::domain::rules::RuleId::QualifiedMajorityNumerator)
        .max(1) as u64;
    let den =
        crate::domain::rules::value(crate::domain::rules::RuleId::QualifiedMajorityDenominator)
            .max(1) as u64;
    (u64::from(denominator) * num).div_ceil(den) as u32
}

/// A percentage with one decimal, the Vietnamese way ("66,7%").
pub fn percent(yes: u32, denominator: u32) -> String {
    if denominator == 0 {
        return "—".into();
    }
    use crate::domain::meeting;
    meeting::format_permille(meeting::permille(u64::from(yes), u64::from(denominator)))
}
