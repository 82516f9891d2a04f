//! One module per screen: its state, the actions it handles, its contexts and its key
//! hints. [`TABLE`] lists them; `App` routes an action to the active screen through it,
//! and the key bar and help are built from each screen's hints and the keymap.
//!
//! A new screen: a module here with its `DEF` (and the enum of its forms, turned into a
//! [`FormKind`] and back), a view in `ui/screens`, a line in `TABLE` (and in
//! `ui::screens::draw`), a `Screen` variant, its keymap section and its catalogue
//! strings. Nothing else changes.

pub mod admission;
pub mod branch;
pub mod dues;
pub mod exemptions;
pub mod home;
pub mod liaison;
pub mod meetings;
pub mod members;
pub mod reports;
pub mod review;
pub mod rules;
pub mod study;

use super::form::{FieldRef, Form, FormKind};
use super::{App, Confirm, Screen};
use crate::i18n::Lang;
use crate::keymap::action::{Action, Context};

/// What the app needs to know of a screen.
pub struct ScreenDef {
    /// Which screen.
    pub screen: Screen,
    /// Its name on the tab bar and in the help.
    pub name: fn(Lang) -> &'static str,
    /// The context of the screen in its current state (the innermost one).
    pub context: fn(&App) -> Context,
    /// Handles an action in one of the screen's contexts; false if it is not its action.
    pub handle: fn(&mut App, Action, Context) -> bool,
    /// The commands the key bar shows in a context, most used first.
    pub hints: fn(Context) -> &'static [Action],
    /// Type-to-find: applies what was typed to the list on screen; false when the context
    /// has no list to find in (the search over everyone opens instead).
    pub find: fn(&mut App, Context, &str) -> bool,
    /// The numbers of this screen's forms in the saved-draft format (unique over all screens).
    pub form_tags: &'static [u8],
    /// The heading of one of this screen's forms (naming whom it is about, where it says).
    pub form_title: fn(&App, FormKind) -> String,
    /// One of this screen's forms, filled from the current records (opening it, or for a
    /// saved draft).
    pub form_for: fn(&App, FormKind) -> Option<Form>,
    /// Puts the screen where one of its forms belongs, before a saved draft reopens it.
    pub restore: fn(&mut App, FormKind),
    /// Saves the open form if it is one of this screen's; true if it was.
    pub save: fn(&mut App, FormKind) -> bool,
    /// The words of a question this screen asks (exactly what would change); `None` if
    /// it is not one of its questions.
    pub question: fn(&App, &Confirm) -> Option<String>,
    /// Carries out a question of this screen answered yes; true if it was one.
    pub confirmed: fn(&mut App, &Confirm) -> bool,
}

/// What follows a changed field of the open form: the fields of a life event follow its
/// kind, an admission step's fields follow its stage and its computed count its date.
pub fn field_changed(app: &mut App, field: FieldRef) {
    use crate::domain::admission::AdmissionField as AF;
    use crate::domain::lifecycle::EventField;
    match field {
        FieldRef::Event(EventField::Kind) => {
            if let Some(form) = &mut app.form {
                crate::app::lifecycle::refresh(form);
            }
        }
        FieldRef::Admission(AF::Stage) => admission::restage(app),
        FieldRef::Admission(AF::Date) => admission::redate(app),
        _ => {}
    }
}

/// Every screen.
pub const TABLE: &[ScreenDef] = &[
    home::DEF,
    members::DEF,
    branch::DEF,
    meetings::DEF,
    dues::DEF,
    exemptions::DEF,
    reports::DEF,
    admission::DEF,
    review::DEF,
    study::DEF,
    liaison::DEF,
    rules::DEF,
];

/// The definition of a screen.
pub fn def(s: Screen) -> &'static ScreenDef {
    TABLE.iter().find(|d| d.screen == s).unwrap_or(&TABLE[0])
}

/// For screens without forms of their own.
pub fn no_form(_: &App, _: FormKind) -> Option<Form> {
    None
}

/// For screens without forms of their own.
pub fn no_title(_: &App, _: FormKind) -> String {
    String::new()
}

/// For screens whose forms need no place on screen restored.
pub fn no_restore(_: &mut App, _: FormKind) {}

/// The form a saved draft's number and ids name, if a screen owns that number.
pub fn form_kind(tag: u8, ids: &[u64]) -> Option<FormKind> {
    TABLE
        .iter()
        .find(|d| d.form_tags.contains(&tag))
        .map(|d| FormKind::new(d.screen, tag, ids))
}

/// For screens without forms of their own.
pub fn no_save(_: &mut App, _: FormKind) -> bool {
    false
}

/// For screens that ask no question.
pub fn no_question(_: &mut App, _: &Confirm) -> bool {
    false
}

/// For screens that ask no question.
pub fn no_words(_: &App, _: &Confirm) -> Option<String> {
    None
}

/// The words of a question, from the screen that asks it.
pub fn question_words(app: &App, ask: &Confirm) -> Option<String> {
    TABLE.iter().find_map(|d| (d.question)(app, ask))
}

/// For screens without a list to find in.
pub fn no_find(_: &mut App, _: Context, _: &str) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_is_in_the_table_once() {
        for s in Screen::ALL {
            assert_eq!(TABLE.iter().filter(|d| d.screen == *s).count(), 1, "{s:?}");
        }
        assert_eq!(TABLE.len(), Screen::ALL.len());
    }

    #[test]
    fn every_form_comes_back_from_its_saved_number_and_ids() {
        use admission::AdmissionForm as A;
        use dues::DuesForm as D;
        use meetings::MeetingForm as M;
        use members::MemberForm as P;
        use review::ReviewForm as R;
        let kinds: Vec<FormKind> = vec![
            P::New.into(),
            P::Edit(7).into(),
            P::NewEvent(7).into(),
            branch::kind(true),
            branch::kind(false),
            M::New.into(),
            M::Info(3).into(),
            M::NewSpeech(3, 1).into(),
            M::EditSpeech(3, 1, 2).into(),
            M::NewItem(3, 0).into(),
            M::EditItem(3, 4).into(),
            M::Conclusion(3, 4).into(),
            M::NewVote(3).into(),
            M::EditVote(3, 1).into(),
            M::NewTask(3).into(),
            M::EditTask(3, 1).into(),
            M::Amendment(3).into(),
            M::Absence(3, 9).into(),
            D::Profile(7, 24_311).into(),
            D::Award(7, 40).into(),
            D::Payer(7, 24_311).into(),
            D::HandOn(24_311).into(),
            R::Plan(7, 2026).into(),
            R::SelfReview(7, 2026).into(),
            R::BranchReview(7, 2026).into(),
            R::FinalGrade(7, 2026).into(),
            R::Monthly(3, 2).into(),
            R::BranchYear(2026).into(),
            A::NewCandidate.into(),
            A::EditCandidate(5).into(),
            A::Step(5).into(),
            A::Target.into(),
            liaison::LiaisonForm::New.into(),
            liaison::LiaisonForm::Comment(4, 2026).into(),
            rules::kind(crate::domain::rules::RuleId::QuorumPercent),
            rules::holiday_kind(None),
            rules::holiday_kind(chrono::NaiveDate::from_ymd_opt(2027, 2, 12)),
            study::StudyForm::Resolution(None).into(),
            study::StudyForm::Resolution(Some(4)).into(),
            study::StudyForm::Session(4).into(),
            study::StudyForm::MakeUp(4, 9).into(),
        ];
        for k in &kinds {
            assert_eq!(form_kind(k.tag, k.ids()), Some(*k), "{k:?}");
        }
        // Each screen reads back its own forms and no other screen's.
        for k in &kinds {
            let owners = [
                P::of(*k).is_some(),
                M::of(*k).is_some(),
                D::of(*k).is_some(),
                R::of(*k).is_some(),
                A::of(*k).is_some(),
                study::StudyForm::of(*k).is_some(),
                liaison::LiaisonForm::of(*k).is_some(),
                k.screen == Screen::Branch,
                k.screen == Screen::Rules,
            ];
            assert_eq!(owners.iter().filter(|x| **x).count(), 1, "{k:?}");
        }
        assert_eq!(
            M::of(M::EditSpeech(3, 1, 2).into()),
            Some(M::EditSpeech(3, 1, 2))
        );
        assert_eq!(
            D::of(D::Profile(7, 24_311).into()),
            Some(D::Profile(7, 24_311))
        );
        assert_eq!(form_kind(200, &[]), None);
    }

    #[test]
    fn every_form_number_belongs_to_one_screen() {
        let mut seen = std::collections::HashSet::new();
        for d in TABLE {
            for t in d.form_tags {
                assert!(
                    seen.insert(*t),
                    "form number {t} of {:?} is taken",
                    d.screen
                );
            }
        }
    }
}
