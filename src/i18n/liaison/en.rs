//! English: texts of the liaison members' screen.

use super::{LiaisonCatalogue, LiaisonMsg};
use crate::domain::date::format_date;
use crate::domain::liaison::{LiaisonField, LiaisonFigures, LiaisonKind, LiaisonProblem};
use crate::domain::rules::{self, RuleId};
use crate::i18n::ChangeKind;

/// The English texts of the liaison screen.
#[derive(Debug, Clone, Copy)]
pub struct LiaisonEn;

impl LiaisonCatalogue for LiaisonEn {
    fn msg(&self, m: LiaisonMsg) -> &'static str {
        use LiaisonMsg::*;
        match m {
            ScreenName => "Liaison",
            ListTitle => "Members working elsewhere who live here (QĐ 213-QĐ/TW)",
            ColName => "Full name",
            ColBirthYear => "Born",
            ColWorkplace => "Workplace",
            ColKind => "Kind",
            ColComment => "Comment",
            Empty => "No liaison members yet.",
            Contacts => "Contacts",
            Comments => "Yearly comments",
            NoContacts => "No contact recorded yet.",
            NoComments => "No comment yet.",
            NotSent => "Written, not sent",
            Due => "Not commented",
            NotYearly => "No yearly comment",
            FormNew => "New liaison member",
            FormEdit => "Edit liaison member",
            FormContact => "Record a contact",
            FormComment => "Yearly comment for the workplace",
            FormJoin => "Transfer into this branch",
            FormFromMember => "A member who transferred out stays in touch here",
            ConfirmDelete => "Delete liaison member",
            Linked => "Branch member record",
            Letter => "Introduction letter",
            NothingSelected => "Nobody is selected in the list.",
            NoneTransferred => "No member has transferred out officially.",
            Joined => "Transferred in: a member record was made and linked.",
            Exported => "Comments written to",
            AlreadyLinked => "This person already has a member record in this branch (linked).",
        }
    }

    fn field(&self, f: LiaisonField) -> &'static str {
        use LiaisonField as F;
        match f {
            F::FullName => "Full name",
            F::BirthYear => "Birth year",
            F::Kind => "Kind (HD 33 §1)",
            F::Address => "Address here",
            F::Workplace => "Workplace",
            F::WorkplaceParty => "Workplace party org.",
            F::LetterNumber => "Letter number",
            F::LetterReceived => "Letter received on",
            F::Phone => "Phone",
            F::Notes => "Notes",
            F::ContactDate => "Date",
            F::ContactWhat => "What",
            F::CommentYear => "Year",
            F::Comment => "Branch's comment",
            F::FrontOpinion => "Front committee",
            F::SentOn => "Sent on",
            F::JoinDate => "Transfer date",
            F::FromMember => "Member who transferred out",
        }
    }

    fn kind(&self, k: LiaisonKind) -> &'static str {
        match k {
            LiaisonKind::Ordinary => "Introduced, commented on yearly",
            LiaisonKind::ExemptFromActivity => {
                "Introduced, exempt from residential activity (HD 33 §1.1)"
            }
            LiaisonKind::ExemptFromIntroduction => "Exempt from introduction (HD 33 §1.2)",
        }
    }

    fn kind_short(&self, k: LiaisonKind) -> &'static str {
        match k {
            LiaisonKind::Ordinary => "Ordinary",
            LiaisonKind::ExemptFromActivity => "Exempt (1.1)",
            LiaisonKind::ExemptFromIntroduction => "No intro (1.2)",
        }
    }

    fn problem(&self, p: &LiaisonProblem) -> String {
        match p {
            LiaisonProblem::SameAsMember(name, year) => format!(
                "same name and birth year as {name} ({year}), a member of this branch: branch members are not liaison members; if they transferred out, use \"member who transferred out\" on this screen."
            ),
            LiaisonProblem::CommentSent(year, on) => format!(
                "the comment of {year} was already sent on {}: it is not written again; pick another year, or undo (Ctrl+Z) a mistake.",
                format_date(*on)
            ),
            LiaisonProblem::BirthYear(lo, hi) => {
                format!("type a four-digit birth year from {lo} to {hi}.")
            }
        }
    }

    fn change(&self, kind: ChangeKind, name: &str) -> String {
        let verb = match kind {
            ChangeKind::Created => "add",
            ChangeKind::Changed => "edit",
            ChangeKind::Deleted => "delete",
        };
        format!("{verb} the liaison record of {name}")
    }

    fn figures(&self, year: i32, f: &LiaisonFigures) -> String {
        format!(
            "{} liaison members; comments of {year} sent: {}/{}",
            f.members, f.sent, f.yearly
        )
    }

    fn due(&self, name: &str, year: i32) -> String {
        format!(
            "The {year} comment on {name} (liaison member) is not sent ({}; from month {}).",
            rules::rule(RuleId::LiaisonCommentMonth).source,
            rules::value(RuleId::LiaisonCommentMonth)
        )
    }

    fn not_found(&self, name: &str) -> String {
        format!("No liaison member named \"{name}\" (see: sochibo export liaison).")
    }

    fn sent(&self, on: chrono::NaiveDate) -> String {
        format!("Sent {}", format_date(on))
    }
}
