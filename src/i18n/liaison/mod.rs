//! Texts of the liaison members' screen (9, QĐ 213): labels, columns, problems, the
//! home item and undo's words. One catalogue per language, reached with [`of`].

mod en;
mod vi;

use super::{ChangeKind, Lang};
use crate::domain::liaison::{LiaisonField, LiaisonFigures, LiaisonKind, LiaisonProblem};

pub use en::LiaisonEn;
pub use vi::LiaisonVi;

/// Short texts of the liaison screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiaisonMsg {
    /// The screen's name in the tab bar.
    ScreenName,
    /// The list's heading.
    ListTitle,
    /// Column: name.
    ColName,
    /// Column: birth year.
    ColBirthYear,
    /// Column: workplace.
    ColWorkplace,
    /// Column: kind.
    ColKind,
    /// Column: this year's comment.
    ColComment,
    /// The list is empty.
    Empty,
    /// Heading of the contact log on the card.
    Contacts,
    /// Heading of the yearly comments on the card.
    Comments,
    /// No contacts yet.
    NoContacts,
    /// No comments yet.
    NoComments,
    /// The comment was written, not sent.
    NotSent,
    /// The comment is due and not written.
    Due,
    /// No yearly comment for this kind.
    NotYearly,
    /// Form title: new liaison member.
    FormNew,
    /// Form title: edit.
    FormEdit,
    /// Form title: add a contact.
    FormContact,
    /// Form title: the yearly comment.
    FormComment,
    /// Form title: transfer into the branch (a member record is made).
    FormJoin,
    /// Form title: a member who transferred out becomes a liaison member.
    FormFromMember,
    /// Question: delete the liaison member.
    ConfirmDelete,
    /// Card label: linked branch member.
    Linked,
    /// Card label: introduction letter.
    Letter,
    /// Nothing selected.
    NothingSelected,
    /// No member transferred out to choose from.
    NoneTransferred,
    /// Status line: transferred in (made a member).
    Joined,
    /// Status line: documents written.
    Exported,
    /// Status line: already linked to a branch member.
    AlreadyLinked,
}

/// The texts of the liaison screen in one language.
pub trait LiaisonCatalogue: Sync {
    /// A short text.
    fn msg(&self, m: LiaisonMsg) -> &'static str;
    /// A form field's label.
    fn field(&self, f: LiaisonField) -> &'static str;
    /// A kind (HD 33 §1).
    fn kind(&self, k: LiaisonKind) -> &'static str;
    /// A kind, short, for the list column.
    fn kind_short(&self, k: LiaisonKind) -> &'static str;
    /// What a conflict is, naming it.
    fn problem(&self, p: &LiaisonProblem) -> String;
    /// Undo's words for a change of a liaison record.
    fn change(&self, kind: ChangeKind, name: &str) -> String;
    /// The figures line of a year.
    fn figures(&self, year: i32, f: &LiaisonFigures) -> String;
    /// The home item: the comment of `year` not sent, naming the person and the rule.
    fn due(&self, name: &str, year: i32) -> String;
    /// The command line found no liaison member of this name.
    fn not_found(&self, name: &str) -> String;
    /// "Đã gửi 20/10/2026".
    fn sent(&self, on: chrono::NaiveDate) -> String;
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn LiaisonCatalogue {
    match lang {
        Lang::Vi => &LiaisonVi,
        Lang::En => &LiaisonEn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn conflicts_name_what_they_conflict_with() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let vi = of(Lang::Vi).problem(&LiaisonProblem::SameAsMember("Nguyễn Văn An".into(), 1980));
        assert!(vi.contains("Nguyễn Văn An") && vi.contains("1980"), "{vi}");
        let vi = of(Lang::Vi).problem(&LiaisonProblem::CommentSent(2026, d));
        assert!(vi.contains("2026") && vi.contains("20/10/2026"), "{vi}");
        let en = of(Lang::En).problem(&LiaisonProblem::CommentSent(2026, d));
        assert!(en.contains("already sent"), "{en}");
        assert!(of(Lang::Vi).due("Lê Hoa", 2026).contains("213"));
    }
}
