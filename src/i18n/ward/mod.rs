//! Texts of the ward office's screen (`sochibo ward DIR`) and of the bundles it refuses,
//! one catalogue per language, reached with [`of`].

mod en;
mod vi;

use chrono::NaiveDate;

use super::Lang;
use crate::store::bundle::BundleError;

pub use en::WardEn;
pub use vi::WardVi;

/// How a figure missing from a figures-only bundle of an older format is shown in the
/// ward's roll-up (a Vietnamese document, whatever the screen's language).
pub const NOT_IN_BUNDLE: &str = "không có trong gói";

/// A text of the ward screen.
#[derive(Debug, Clone)]
pub enum WardText<'a> {
    /// The title line (the folder).
    Title(&'a str),
    /// Column: branch (or file).
    ColBranch,
    /// Column: the day the bundle was made.
    ColMade,
    /// Column: the period the bundle covers.
    ColPeriod,
    /// Column: state.
    ColState,
    /// The period of a bundle: from 1 January to the day it was made.
    Period(NaiveDate, NaiveDate),
    /// Received and in the figures.
    Received,
    /// Received; a newer bundle that replaces an older file in the folder.
    Replaces(&'a str),
    /// Older than a bundle of the branch received before (on that day); still counted.
    OlderThanReceived(NaiveDate),
    /// An older file of a branch whose newer bundle is counted.
    Superseded(&'a str),
    /// The same branch made at the same moment as another file: not counted.
    Duplicate(&'a str),
    /// A bundle of a branch not on the ward's list: not counted.
    NotListed,
    /// A listed branch without a bundle.
    NotReceived,
    /// A refused file, with why.
    Refused(&'a BundleError),
    /// A file that is not a bundle.
    OtherFile,
    /// The counts line under the list.
    Counts {
        /// Branches on the list.
        listed: usize,
        /// Of those, received.
        received: usize,
        /// Files refused or not counted.
        refused: usize,
    },
    /// The folder cannot be written: the screen works without its notes.
    ReadOnly,
    /// The notes file could not be written.
    NotesFailed(&'a str, &'a str),
    /// No list file yet: the list is taken from the bundles.
    ListFromBundles(&'a str),
    /// The folder has no bundle.
    Empty(&'a str),
    /// Prompt of the add field.
    AddPrompt,
    /// Prompt of the rename field (old name).
    RenamePrompt(&'a str),
    /// The name field is empty.
    NameEmpty,
    /// The name is already on the list.
    NameTaken(&'a str),
    /// The name is too long (limit in characters).
    NameTooLong(usize),
    /// The drop question.
    DropQuestion(&'a str),
    /// Added.
    Added(&'a str),
    /// Renamed (old, new).
    Renamed(&'a str, &'a str),
    /// Dropped.
    Dropped(&'a str),
    /// The list file could not be written (file, why).
    ListNotSaved(&'a str, &'a str),
    /// Exported (what was written).
    Exported(&'a str),
    /// Export failed (why).
    ExportFailed(&'a str),
    /// The cursor is on a file row, not a branch.
    NotABranchRow,
    /// The find line.
    Find(&'a str),
    /// Nothing matches what was typed.
    NoMatch(&'a str),
    /// The figures pane's title (section, year).
    Figures(&'a str, i32),
    /// Key bar: rename.
    HintRename,
    /// Key bar: previous section.
    HintPrevSection,
    /// The name of an edit of the list, for undo: added.
    EditAdd(&'a str),
    /// … renamed (old, new).
    EditRename(&'a str, &'a str),
    /// … dropped.
    EditDrop(&'a str),
    /// Help: the page keys scroll the figures.
    HelpScroll,
    /// Help title.
    HelpTitle,
    /// Help: how typing finds.
    HelpFind,
    /// Help: how to close it.
    HelpClose,
    /// Admission: candidates' acts recorded late with a reason (the flags counted).
    LateFlags(u32),
    /// Admission: late flags of one rule (the rule's name, count).
    LateByRule(&'a str, u32),
    /// Admission: a branch's candidate with a flag, by number only (branch, number).
    LateCandidate(&'a str, u32),
    /// Admission: the rule of a flag (its name).
    LateRule(&'a str),
    /// Admission: the deadline of a flag and when the act was done.
    LateDates(NaiveDate, NaiveDate),
    /// Admission: why it was late.
    LateReason(&'a str),
    /// Admission: branches whose older bundle carries no late flags (how many).
    LateNotInBundle(usize),
    /// Admission table column: the late flags.
    ColLate,
}

/// The names of the figure sections, in `interchange::ward::Section::ALL` order.
pub const SECTIONS: usize = 9;

/// The texts of the ward screen in one language.
pub trait WardCatalogue: Sync {
    /// A text.
    fn text(&self, t: WardText<'_>) -> String;
    /// The short name of a figure section (its tab), by index in `Section::ALL`.
    fn section(&self, i: usize) -> &'static str;
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn WardCatalogue {
    match lang {
        Lang::Vi => &WardVi,
        Lang::En => &WardEn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_names_its_reason_in_both_languages() {
        let errors = [
            BundleError::Unreadable("x".into()),
            BundleError::NotABundle,
            BundleError::TooLarge(1),
            BundleError::Newer,
            BundleError::Damaged(crate::store::StoreError::NotFound),
            BundleError::Sealed,
            BundleError::NoBranch,
        ];
        for lang in [Lang::Vi, Lang::En] {
            let mut seen = std::collections::BTreeSet::new();
            for e in &errors {
                let t = of(lang).text(WardText::Refused(e));
                assert!(t.len() > 12, "{t}");
                assert!(seen.insert(t), "each reason is its own");
            }
            for i in 0..SECTIONS {
                assert!(!of(lang).section(i).is_empty());
            }
        }
    }
}
