//! English: texts of the ward screen.

use super::{WardCatalogue, WardText};
use crate::domain::date::format_date;
use crate::store::bundle::BundleError;

/// The English texts of the ward screen.
#[derive(Debug, Clone, Copy)]
pub struct WardEn;

fn reason(e: &BundleError) -> String {
    match e {
        BundleError::Unreadable(why) => format!("cannot read the file ({why})"),
        BundleError::NotABundle => "not a Sổ chi bộ bundle".into(),
        BundleError::TooLarge(n) => format!("file too large ({n} bytes) for a branch's bundle"),
        BundleError::Newer => "made by a newer version of Sổ chi bộ: update the program".into(),
        BundleError::Damaged(_) => {
            "damaged, truncated or altered (checksum mismatch): ask the branch to send it again"
                .into()
        }
        BundleError::Sealed => {
            "encrypted: the branch must export a figures bundle (F6 on the Reports screen)".into()
        }
        BundleError::NoBranch => "the bundle has no branch name (branch not set up)".into(),
    }
}

impl WardCatalogue for WardEn {
    fn text(&self, t: WardText<'_>) -> String {
        match t {
            WardText::Title(dir) => format!("Sổ chi bộ · Ward committee · {dir}"),
            WardText::ColBranch => "Branch / file".into(),
            WardText::ColMade => "Made".into(),
            WardText::ColPeriod => "Period".into(),
            WardText::ColState => "State".into(),
            WardText::Period(a, b) => format!("{}–{}", &format_date(a)[..5], &format_date(b)[..5]),
            WardText::Received => "Received".into(),
            WardText::Replaces(f) => format!("Received (replaces older {f})"),
            WardText::OlderThanReceived(d) => {
                format!(
                    "Older than a bundle received before (made {})",
                    format_date(d)
                )
            }
            WardText::Superseded(f) => format!("Older bundle: replaced by {f}"),
            WardText::Duplicate(f) => {
                format!("Same as {f} (same branch, same moment): not counted")
            }
            WardText::NotListed => "Branch not on the ward's list: not counted (F7 to add)".into(),
            WardText::NotReceived => "Not received".into(),
            WardText::Refused(e) => format!("Refused: {}", reason(e)),
            WardText::OtherFile => "Not a bundle: ignored".into(),
            WardText::Counts {
                listed,
                received,
                refused,
            } => format!(
                "Received {received}/{listed} branches; {} missing; {refused} files refused or not counted.",
                listed.saturating_sub(received)
            ),
            WardText::ReadOnly => {
                "Read-only folder: the screen works but cannot keep its notes or the branch list."
                    .into()
            }
            WardText::NotesFailed(f, why) => format!("Cannot write the notes {f}: {why}"),
            WardText::ListFromBundles(f) => format!(
                "No branch list yet ({f}): taken from the bundles. F7 add, F2 rename, F8 drop to make the list."
            ),
            WardText::Empty(dir) => {
                format!("No bundle in the folder yet. Copy the branches' .scb files into {dir}.")
            }
            WardText::AddPrompt => "Add a branch — its name (Enter: save, Esc: cancel):".into(),
            WardText::RenamePrompt(old) => {
                format!("Rename «{old}» — new name (Enter: save, Esc: cancel):")
            }
            WardText::NameEmpty => {
                "Branch name: type a name, e.g. «Chi bộ Tổ dân phố số 5».".into()
            }
            WardText::NameTaken(n) => format!("Branch name: «{n}» is already on the list."),
            WardText::NameTooLong(n) => format!("Branch name: too long, at most {n} characters."),
            WardText::DropQuestion(n) => format!(
                "Drop «{n}» from the ward's list? The bundles in the folder are not deleted."
            ),
            WardText::Added(n) => format!("Added «{n}» to the list."),
            WardText::Renamed(a, b) => format!("Renamed «{a}» to «{b}»."),
            WardText::Dropped(n) => format!("Dropped «{n}» from the list."),
            WardText::ListNotSaved(f, why) => {
                format!("Cannot save the branch list ({f}): {why}. The list is unchanged.")
            }
            WardText::Exported(w) => format!("Exported {w}"),
            WardText::ExportFailed(why) => format!("Cannot export: {why}"),
            WardText::NotABranchRow => {
                "This row is a file, not a branch on the list: pick a branch.".into()
            }
            WardText::Find(t) => format!("Find: {t}"),
            WardText::NoMatch(t) => format!("No «{t}»."),
            WardText::Figures(s, y) => format!("{s} — {y}"),
            WardText::HintRename => "Rename".into(),
            WardText::HintPrevSection => "Previous part".into(),
            WardText::EditAdd(n) => format!("add «{n}» to the list"),
            WardText::EditRename(a, b) => format!("rename «{a}» to «{b}»"),
            WardText::EditDrop(n) => format!("drop «{n}» from the list"),
            WardText::HelpScroll => "Scroll the figures".into(),
            WardText::HelpTitle => "Keys of the ward committee screen".into(),
            WardText::HelpFind => {
                "Typing finds a branch in the list (Backspace removes a letter).".into()
            }
            WardText::HelpClose => "Esc or F1: close the help.".into(),
            WardText::LateFlags(n) => format!("- Acts done late, with a reason (LATE flag): {n}"),
            WardText::LateByRule(rule, n) => format!("  + {rule}: {n}"),
            WardText::LateCandidate(branch, k) => format!("  {branch} — candidate no. {k}:"),
            WardText::LateRule(rule) => format!("    [LATE] {rule}"),
            WardText::LateDates(due, done) => {
                format!("    due {}, done {}", format_date(due), format_date(done))
            }
            WardText::LateReason(why) => format!("    reason: {why}"),
            WardText::LateNotInBundle(n) => format!(
                "- LATE flags: not in the bundle for {n} branches (older bundles), not counted above"
            ),
            WardText::ColLate => "Late".into(),
        }
    }

    fn section(&self, i: usize) -> &'static str {
        [
            "Structure",
            "Movements",
            "Meetings",
            "Review",
            "Dues",
            "Admission",
            "Exemptions",
            "Badges",
            "Residence",
        ]
        .get(i)
        .copied()
        .unwrap_or("")
    }
}
