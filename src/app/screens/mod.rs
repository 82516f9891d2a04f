//! One module per screen: its state, the actions it handles, its contexts and its key
//! hints. [`TABLE`] lists them; `App` routes an action to the active screen through it,
//! and the key bar and help are built from each screen's hints and the keymap.
//!
//! A new screen: a module here with its `DEF`, a view in `ui/screens`, a line in `TABLE`
//! (and in `ui::screens::draw`), a `Screen` variant, its keymap section and its
//! catalogue strings. Nothing else changes.

pub mod admission;
pub mod branch;
pub mod dues;
pub mod exemptions;
pub mod home;
pub mod meetings;
pub mod members;
pub mod reports;
pub mod review;

use super::form::{Form, FormKind};
use super::{App, Confirm, Screen};
use crate::keymap::action::{Action, Context};

/// What the app needs to know of a screen.
pub struct ScreenDef {
    /// Which screen.
    pub screen: Screen,
    /// The context of the screen in its current state (the innermost one).
    pub context: fn(&App) -> Context,
    /// Handles an action in one of the screen's contexts; false if it is not its action.
    pub handle: fn(&mut App, Action, Context) -> bool,
    /// The commands the key bar shows in a context, most used first.
    pub hints: fn(Context) -> &'static [Action],
    /// Type-to-find: applies what was typed to the list on screen; false when the context
    /// has no list to find in (the search over everyone opens instead).
    pub find: fn(&mut App, Context, &str) -> bool,
    /// A form of this screen rebuilt from the current records (for a saved draft).
    pub form_for: fn(&App, FormKind) -> Option<Form>,
    /// Saves the open form if it is one of this screen's; true if it was.
    pub save: fn(&mut App, FormKind) -> bool,
    /// Carries out a question of this screen answered yes; true if it was one.
    pub confirmed: fn(&mut App, &Confirm) -> bool,
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
pub fn no_save(_: &mut App, _: FormKind) -> bool {
    false
}

/// For screens that ask no question.
pub fn no_question(_: &mut App, _: &Confirm) -> bool {
    false
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
}
