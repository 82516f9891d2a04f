//! Forms: every form (member, branch, meeting, speech, vote, task, amendment) is a list of
//! fields of a few kinds, edited the same way and saved with one key.

use ratatui_textarea::TextArea;

use super::Screen;
use super::input::TextInput;
use crate::domain::badges::BadgeField;
use crate::domain::branch::BranchField;
use crate::domain::dues::{Category, DuesField, ReliefKind};
use crate::domain::lifecycle::{self, EventField};
use crate::domain::meeting::MeetingField;
use crate::domain::member::{DisciplineLevel, ExemptionReason, RemovalCause};
use crate::domain::review::{Grade, ReviewField};
use crate::domain::validate::{Field, FieldKind, MemberDraft, Problem, Warning};

/// What a form edits, as the screen that owns the form describes it: the screen, the form's
/// number in the saved-draft format, and up to three ids (records, rows, years). Each screen
/// turns its own typed enum into this and back (`From` and `of`); nothing outside the screen
/// looks inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormKind {
    /// The screen whose `save` stores the form.
    pub screen: Screen,
    /// The form's number (unique over all screens; see each screen's `FORM_TAGS`).
    pub tag: u8,
    ids: [u64; 3],
    len: u8,
}

impl FormKind {
    /// A form of `screen` numbered `tag` about `ids` (at most three; more are dropped).
    pub fn new(screen: Screen, tag: u8, ids: &[u64]) -> FormKind {
        let mut all = [0; 3];
        let len = ids.len().min(3);
        all[..len].copy_from_slice(&ids[..len]);
        FormKind {
            screen,
            tag,
            ids: all,
            len: len as u8,
        }
    }

    /// Its ids, in order.
    pub fn ids(&self) -> &[u64] {
        &self.ids[..usize::from(self.len)]
    }

    /// Id `i`, if there is one.
    pub fn id(&self, i: usize) -> Option<u64> {
        self.ids().get(i).copied()
    }

    /// Id `i` as an index.
    pub fn index(&self, i: usize) -> Option<usize> {
        self.id(i).and_then(|x| usize::try_from(x).ok())
    }
}

/// Which field a form row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRef {
    /// A member field.
    Member(Field),
    /// A branch field.
    Branch(BranchField),
    /// A meeting field.
    Meeting(MeetingField),
    /// A member-event field.
    Event(EventField),
    /// A field of the admission forms (candidate, step, target).
    Admission(crate::domain::admission::AdmissionField),
    /// A field of the annual review.
    Review(ReviewField),
    /// A dues profile field.
    Dues(DuesField),
    /// A badge award field.
    Badge(BadgeField),
    /// A field of the resolution-study forms.
    Study(crate::i18n::record::StudyField),
    /// A field of the liaison forms (QĐ 213).
    Liaison(crate::domain::liaison::LiaisonField),
    /// A field of a rule's setting.
    Rule(crate::domain::rules::RuleField),
    /// A field of a branch's day of the calendar.
    Holiday(crate::domain::holidays::HolidayField),
}

impl FieldRef {
    /// How the field is entered (`Choice(0)` means the options come with the field).
    pub fn kind(self) -> FieldKind {
        use MeetingField as M;
        match self {
            FieldRef::Member(f) => f.kind(),
            FieldRef::Branch(_) => FieldKind::Text,
            FieldRef::Meeting(M::Kind) => {
                FieldKind::Choice(crate::domain::meeting::MeetingKind::ALL.len())
            }
            FieldRef::Meeting(M::VoteThreshold) => FieldKind::Choice(2),
            FieldRef::Meeting(M::Speaker) => FieldKind::Choice(0),
            FieldRef::Meeting(M::Date | M::TaskDue) => FieldKind::Date,
            FieldRef::Meeting(M::Gist | M::Conclusion | M::AmendText) => FieldKind::Multiline,
            FieldRef::Meeting(_) => FieldKind::Text,
            FieldRef::Event(EventField::Kind) => FieldKind::Choice(lifecycle::RECORDABLE.len()),
            FieldRef::Event(EventField::ExemptionReason) => {
                FieldKind::Choice(ExemptionReason::ALL.len())
            }
            FieldRef::Event(EventField::Discipline) => {
                FieldKind::Choice(DisciplineLevel::ALL.len())
            }
            FieldRef::Event(EventField::RemovalCause) => FieldKind::Choice(RemovalCause::ALL.len()),
            FieldRef::Event(
                EventField::Date
                | EventField::AppliedOn
                | EventField::DecidedOn
                | EventField::ReportedOn
                | EventField::EndsOn,
            ) => FieldKind::Date,
            FieldRef::Event(EventField::Note) => FieldKind::Multiline,
            FieldRef::Event(_) => FieldKind::Text,
            FieldRef::Admission(a) => admission_field_kind(a),
            FieldRef::Review(f) => review_kind(f),
            FieldRef::Dues(DuesField::Category) => FieldKind::Choice(Category::ALL.len()),
            FieldRef::Dues(DuesField::Relief) => FieldKind::Choice(ReliefKind::choices().len() + 1),
            FieldRef::Dues(_) => FieldKind::Text,
            FieldRef::Badge(BadgeField::Milestone) => {
                FieldKind::Choice(crate::domain::badges::milestones().len())
            }
            FieldRef::Badge(BadgeField::Date) => FieldKind::Date,
            FieldRef::Badge(_) => FieldKind::Text,
            FieldRef::Study(f) => {
                use crate::i18n::record::StudyField as S;
                match f {
                    S::Level => FieldKind::Choice(0),
                    S::Date | S::StudyDate => FieldKind::Date,
                    S::Number | S::Title | S::Note => FieldKind::Text,
                }
            }
            FieldRef::Liaison(f) => liaison_kind(f),
            FieldRef::Rule(_) => FieldKind::Text,
            FieldRef::Holiday(f) => {
                use crate::domain::holidays::HolidayField as H;
                match f {
                    H::Date => FieldKind::Date,
                    H::Kind => FieldKind::Choice(0),
                    H::Name | H::Source | H::Who | H::Reason => FieldKind::Text,
                }
            }
        }
    }

    /// Whether the field must be filled in.
    pub fn required(self) -> bool {
        use MeetingField as M;
        matches!(
            self,
            FieldRef::Member(Field::FullName)
                | FieldRef::Branch(BranchField::Name | BranchField::Superior | BranchField::Term)
                | FieldRef::Meeting(
                    M::Date
                        | M::Gist
                        | M::ItemTitle
                        | M::VoteSubject
                        | M::TaskWhat
                        | M::TaskWho
                        | M::AmendReason
                        | M::AmendText
                        | M::AbsenceReason
                        | M::Speaker
                )
                | FieldRef::Review(
                    ReviewField::Monthly
                        | ReviewField::FinalGrade
                        | ReviewField::Decision
                        | ReviewField::DecidedOn
                )
                | FieldRef::Dues(DuesField::From | DuesField::Category)
                | FieldRef::Badge(_)
                | FieldRef::Study(
                    crate::i18n::record::StudyField::Number
                        | crate::i18n::record::StudyField::Title
                        | crate::i18n::record::StudyField::Date
                        | crate::i18n::record::StudyField::StudyDate
                )
                | FieldRef::Rule(_)
                | FieldRef::Holiday(_)
        ) || matches!(self, FieldRef::Liaison(f) if f.required())
    }
}

/// How a liaison field is entered (the kind and the member offered come with their options).
fn liaison_kind(f: crate::domain::liaison::LiaisonField) -> FieldKind {
    use crate::domain::liaison::LiaisonField as L;
    match f {
        L::Kind | L::FromMember => FieldKind::Choice(0),
        f if f.is_date() => FieldKind::Date,
        f if f.is_multiline() => FieldKind::Multiline,
        _ => FieldKind::Text,
    }
}

/// How a review field is entered.
fn review_kind(f: ReviewField) -> FieldKind {
    use ReviewField as R;
    match f {
        R::SelfGrade | R::Proposed | R::FinalGrade | R::BranchGrade => {
            FieldKind::Choice(Grade::ALL.len())
        }
        R::DecidedOn => FieldKind::Date,
        R::SelfScore | R::VoteYes | R::VoteNo | R::VoteAbstain | R::Decision => FieldKind::Text,
        R::Plan
        | R::Monthly
        | R::Strengths
        | R::Weaknesses
        | R::Causes
        | R::Remedies
        | R::Comments
        | R::BranchNote => FieldKind::Multiline,
    }
}

/// One row of a form.
#[derive(Debug, Clone)]
pub struct FormField {
    /// Which field.
    pub field: FieldRef,
    /// Its text (text and date fields).
    pub input: TextInput,
    /// Its text (multi-line fields).
    pub area: Option<TextArea<'static>>,
    /// Its value (choice fields): an index into the options.
    pub choice: Option<usize>,
    /// The options of a choice field whose options are not a fixed type (speakers).
    pub options: Vec<String>,
    /// What is wrong with it after the last save attempt.
    pub error: Option<Problem>,
    /// Whether it must be filled (shown with `*`).
    pub required: bool,
    /// What was typed to find an option of a choice field (speaker, assignee), or the
    /// earlier answers a text field offers (absence reasons): see [`FormField::find_key`].
    pub find: String,
    /// The value the app computed for this field (a count from the roll), while the field
    /// still holds it: the app recomputes it when what it depends on changes (the vote's
    /// date), and leaves a value the user typed over alone ([`FormField::recompute`]).
    pub computed: Option<String>,
}

impl FormField {
    /// A text, date or multi-line field holding `value`.
    pub fn text(field: FieldRef, value: &str) -> FormField {
        let area = (field.kind() == FieldKind::Multiline).then(|| {
            let mut ta = TextArea::new(value.lines().map(str::to_string).collect());
            ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
            ta.move_cursor(ratatui_textarea::CursorMove::End);
            ta
        });
        FormField {
            field,
            input: TextInput::new(value),
            area,
            choice: None,
            options: Vec::new(),
            error: None,
            required: field.required(),
            find: String::new(),
            computed: None,
        }
    }

    /// A choice field; `options` empty means the field's fixed type gives them.
    pub fn choice(field: FieldRef, choice: Option<usize>, options: Vec<String>) -> FormField {
        FormField {
            field,
            input: TextInput::default(),
            area: None,
            choice,
            options,
            error: None,
            required: field.required(),
            find: String::new(),
            computed: None,
        }
    }

    /// A text field that offers earlier answers (`options`), cycled with
    /// [`FormField::cycle_option`].
    pub fn text_with_options(field: FieldRef, value: &str, options: Vec<String>) -> FormField {
        FormField {
            options,
            ..FormField::text(field, value)
        }
    }

    /// Type-to-find in a choice field with its own options (speaker, assignee): a typed
    /// character is added to what was typed (Backspace takes one off) and the first option
    /// whose words start with the typed words, diacritic-blind, is chosen. Returns whether
    /// the key was taken (a character or Backspace on such a field).
    pub fn find_key(&mut self, key: &crossterm::event::KeyEvent) -> bool {
        use crossterm::event::{KeyCode, KeyModifiers};
        if self.field.kind() != FieldKind::Choice(0) || self.options.is_empty() {
            return false;
        }
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match key.code {
            KeyCode::Char(c) => self.find.push(c),
            KeyCode::Backspace if !self.find.is_empty() => {
                self.find.pop();
            }
            _ => return false,
        }
        self.find_option();
        true
    }

    /// Chooses the first option matching what was typed (see [`FormField::find_key`]);
    /// false (the choice unchanged) when none matches.
    pub fn find_option(&mut self) -> bool {
        let q = crate::domain::search::Query::new(&self.find);
        match self.options.iter().position(|o| q.matches_label(o)) {
            Some(i) => {
                self.choice = Some(i);
                true
            }
            None => false,
        }
    }

    /// Replaces a text field's text by the next (`delta` 1) or previous (-1) of the
    /// answers it offers (earlier reasons, the branch's members); false when it offers
    /// none. Typed text that is not one of them narrows them: "binh" then ↓ offers only
    /// the names with a word starting "binh", diacritic-blind (a word typed that matches
    /// nothing offers them all).
    pub fn cycle_option(&mut self, delta: isize) -> bool {
        if self.field.kind() == FieldKind::Choice(0) || self.options.is_empty() {
            return false;
        }
        let current = self.value();
        let folded = crate::domain::text::fold(current.trim());
        if !self
            .options
            .iter()
            .any(|o| crate::domain::text::fold(o) == folded)
        {
            self.find = current.trim().to_string();
        }
        let q = crate::domain::search::Query::new(&self.find);
        let narrowed: Vec<String> = self
            .options
            .iter()
            .filter(|o| q.matches_label(o))
            .cloned()
            .collect();
        let offered = if narrowed.is_empty() {
            &self.options
        } else {
            &narrowed
        };
        match crate::domain::meeting::cycle_reason(offered, &current, delta) {
            Some(next) => {
                self.set_value(&next);
                true
            }
            None => false,
        }
    }

    /// How many options a choice field has.
    pub fn choice_count(&self) -> usize {
        match self.field.kind() {
            FieldKind::Choice(0) => self.options.len(),
            FieldKind::Choice(n) => n,
            _ => 0,
        }
    }

    /// The field's text (multi-line fields joined with newlines).
    pub fn value(&self) -> String {
        match &self.area {
            Some(a) => a.lines().join("\n"),
            None => self.input.text().to_string(),
        }
    }

    /// A text field holding a value the app computed (see [`FormField::computed`]).
    pub fn computed(field: FieldRef, value: &str) -> FormField {
        FormField {
            computed: Some(value.to_string()),
            ..FormField::text(field, value)
        }
    }

    /// Replaces a computed value with `v` if the field still holds the one computed
    /// before (the user has not typed over it); true if it did.
    pub fn recompute(&mut self, v: &str) -> bool {
        if self.computed.as_deref() != Some(self.value().as_str()) {
            return false;
        }
        self.set_value(v);
        self.computed = Some(v.to_string());
        true
    }

    /// Replaces the field's text.
    pub fn set_value(&mut self, v: &str) {
        *self = FormField {
            choice: self.choice,
            options: std::mem::take(&mut self.options),
            find: std::mem::take(&mut self.find),
            computed: self.computed.take(),
            ..FormField::text(self.field, v)
        };
    }
}

/// An open form.
#[derive(Debug, Clone)]
pub struct Form {
    /// What it edits.
    pub kind: FormKind,
    /// Its rows, in order.
    pub fields: Vec<FormField>,
    /// The focused row.
    pub focus: usize,
    /// Whether anything was changed since it opened.
    pub dirty: bool,
    /// Whether anything changed since the draft was last saved.
    pub unsaved_draft: bool,
    /// Warnings of the last save (shown after saving).
    pub warnings: Vec<Warning>,
}

impl Form {
    /// A form of these fields.
    pub fn new(kind: FormKind, fields: Vec<FormField>) -> Form {
        Form {
            kind,
            fields,
            focus: 0,
            dirty: false,
            unsaved_draft: false,
            warnings: Vec::new(),
        }
    }

    /// A member form showing `draft`.
    pub fn member(kind: FormKind, draft: &MemberDraft) -> Form {
        let fields = Field::ALL
            .iter()
            .map(|f| match draft.text(*f) {
                Some(t) => FormField::text(FieldRef::Member(*f), t),
                None => FormField::choice(FieldRef::Member(*f), draft.choice(*f), Vec::new()),
            })
            .collect();
        Form::new(kind, fields)
    }

    /// The member draft the form holds.
    pub fn member_draft(&self) -> MemberDraft {
        let mut d = MemberDraft::default();
        for ff in &self.fields {
            if let FieldRef::Member(f) = ff.field {
                if let Some(t) = d.text_mut(f) {
                    *t = ff.value();
                } else {
                    d.set_choice(f, ff.choice);
                }
            }
        }
        d
    }

    /// The form's text per field, in order.
    pub fn values(&self) -> Vec<String> {
        self.fields.iter().map(FormField::value).collect()
    }

    /// The text of a meeting field.
    pub fn get(&self, f: MeetingField) -> String {
        self.fields
            .iter()
            .find(|x| x.field == FieldRef::Meeting(f))
            .map(FormField::value)
            .unwrap_or_default()
    }

    /// The text of an event field.
    pub fn event_text(&self, f: EventField) -> String {
        self.fields
            .iter()
            .find(|x| x.field == FieldRef::Event(f))
            .map(FormField::value)
            .unwrap_or_default()
    }

    /// The choice of an event field.
    pub fn event_choice(&self, f: EventField) -> Option<usize> {
        self.fields
            .iter()
            .find(|x| x.field == FieldRef::Event(f))
            .and_then(|x| x.choice)
    }

    /// The text of a review field.
    pub fn review_text(&self, f: ReviewField) -> String {
        self.fields
            .iter()
            .find(|x| x.field == FieldRef::Review(f))
            .map(FormField::value)
            .unwrap_or_default()
    }

    /// The grade chosen in a review field.
    pub fn review_grade(&self, f: ReviewField) -> Option<Grade> {
        self.fields
            .iter()
            .find(|x| x.field == FieldRef::Review(f))
            .and_then(|x| x.choice)
            .and_then(|i| Grade::ALL.get(i).copied())
    }

    /// The choice of a meeting field.
    pub fn get_choice(&self, f: MeetingField) -> Option<usize> {
        self.fields
            .iter()
            .find(|x| x.field == FieldRef::Meeting(f))
            .and_then(|x| x.choice)
    }

    /// The focused row.
    pub fn focused(&mut self) -> &mut FormField {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }

    /// Clears all errors, then marks these fields and focuses the first.
    pub fn set_errors(&mut self, errors: &[(FieldRef, Problem)]) {
        for f in &mut self.fields {
            f.error = errors
                .iter()
                .find(|(r, _)| *r == f.field)
                .map(|(_, p)| p.clone());
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
        }
    }

    /// Moves the focus by `delta` rows, staying inside the form.
    pub fn move_focus(&mut self, delta: isize) {
        let last = self.fields.len().saturating_sub(1) as isize;
        self.focus = (self.focus as isize + delta).clamp(0, last) as usize;
    }
}

/// How a field of the admission forms is entered.
fn admission_field_kind(f: crate::domain::admission::AdmissionField) -> FieldKind {
    match f {
        crate::domain::admission::AdmissionField::Source => {
            FieldKind::Choice(crate::domain::admission::Source::ALL.len())
        }
        crate::domain::admission::AdmissionField::Outcome => FieldKind::Choice(2),
        crate::domain::admission::AdmissionField::Helper
        | crate::domain::admission::AdmissionField::Stage
        | crate::domain::admission::AdmissionField::Sponsor1
        | crate::domain::admission::AdmissionField::Sponsor2
        | crate::domain::admission::AdmissionField::MeetingVote => FieldKind::Choice(0),
        crate::domain::admission::AdmissionField::ListedOn
        | crate::domain::admission::AdmissionField::Date
        | crate::domain::admission::AdmissionField::DocDate
        | crate::domain::admission::AdmissionField::Sponsor1Since
        | crate::domain::admission::AdmissionField::Sponsor2Since => FieldKind::Date,
        crate::domain::admission::AdmissionField::Note => FieldKind::Multiline,
        _ => FieldKind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name field offering four members.
    fn payer(typed: &str) -> FormField {
        let names = [
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Lê Bình Minh",
            "Phạm Cường",
        ];
        FormField::text_with_options(
            FieldRef::Dues(DuesField::Payer),
            typed,
            names.iter().map(|n| n.to_string()).collect(),
        )
    }

    #[test]
    fn a_computed_value_follows_until_typed_over() {
        use crate::domain::admission::AdmissionField as AF;
        let mut f = FormField::computed(FieldRef::Admission(AF::Denominator), "28");
        assert!(f.recompute("27"));
        assert_eq!(f.value(), "27");
        f.set_value("7");
        assert!(!f.recompute("28"), "a typed figure is the user's");
        assert_eq!(f.value(), "7");
        let mut plain = FormField::text(FieldRef::Admission(AF::Denominator), "28");
        assert!(
            !plain.recompute("27"),
            "only a computed field is recomputed"
        );
    }

    #[test]
    fn typed_text_narrows_the_names_down_cycles_through() {
        let mut f = payer("binh");
        assert!(f.cycle_option(1));
        assert_eq!(f.value(), "Trần Thị Bình");
        assert!(f.cycle_option(1));
        assert_eq!(f.value(), "Lê Bình Minh");
        assert!(f.cycle_option(1));
        assert_eq!(
            f.value(),
            "Trần Thị Bình",
            "only the two that match, in turn"
        );
        assert!(f.cycle_option(-1));
        assert_eq!(f.value(), "Lê Bình Minh");
    }

    #[test]
    fn nothing_typed_or_nothing_matching_offers_every_name() {
        let mut f = payer("");
        assert!(f.cycle_option(1));
        assert_eq!(f.value(), "Nguyễn Văn An");
        let mut f = payer("xyz");
        assert!(f.cycle_option(-1));
        assert_eq!(f.value(), "Phạm Cường");
    }
}
