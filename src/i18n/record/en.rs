//! English: texts of the study screen and the completeness check.

use super::{RecordCatalogue, RecordMsg, RecordText, StudyField};
use crate::domain::completeness::Gap;
use crate::domain::date::format_date;
use crate::domain::study::RowProblem;
use crate::domain::study::{Level, StudyError};
use crate::i18n::ChangeKind;

/// The English texts of the study screen and the completeness check.
#[derive(Debug, Clone, Copy)]
pub struct RecordEn;

fn pct(p: u32) -> String {
    format!("{}.{}%", p / 10, p % 10)
}

impl RecordCatalogue for RecordEn {
    fn msg(&self, m: RecordMsg) -> &'static str {
        use RecordMsg::*;
        match m {
            ScreenName => "Resolution study",
            ColNumber => "Number",
            ColTitle => "Title",
            ColLevel => "Level",
            ColDate => "Issued",
            ColSessions => "Sessions",
            ColStudied => "Studied",
            ColName => "Name",
            ColStudy => "Study",
            NotStudied => "Not yet",
            NoResolutions => "No resolution yet. F7 or Insert: add one.",
            FormNewResolution => "New resolution",
            FormEditResolution => "Edit resolution",
            FormSession => "Study session",
            FormMakeUp => "Make-up study",
            PickHeading => "Tick who attended: Enter ticks, F6 ticks all, F2 saves, Esc cancels",
            Sessions => "Sessions",
            NoSessions => "No session yet. F7 or Insert: add a session.",
            CompletenessTitle => "Member records with gaps",
            AllComplete => "Every member's record has every field the update form asks for.",
            ColGaps => "Missing",
            ConfirmDelete => "Delete resolution",
            StudiesTitle => "Resolution study",
            ColWho => "Studied",
            ColMissing => "Not yet",
            Ticked => "[x]",
            NothingImported => {
                "Nothing imported: correct the lines above and import the whole file again."
            }
        }
    }

    fn text(&self, t: RecordText<'_>) -> String {
        match t {
            RecordText::Figure(f) => format!(
                "{} of {} members studied ({})",
                f.studied,
                f.expected,
                pct(f.permille())
            ),
            RecordText::YearFigure(y, f) => format!(
                "{y}: {} of {} member-resolutions studied ({})",
                f.studied,
                f.expected,
                pct(f.permille())
            ),
            RecordText::Session(d, n) => format!("{}: {n} present", format_date(d)),
            RecordText::StudiedOn(d, false) => format!("Studied {}", format_date(d)),
            RecordText::StudiedOn(d, true) => format!("Make-up {}", format_date(d)),
            RecordText::Refused(e, name) => refused(e, name),
            RecordText::Change(kind, number) => {
                let verb = match kind {
                    ChangeKind::Created => "add",
                    ChangeKind::Changed => "change",
                    ChangeKind::Deleted => "delete",
                };
                format!("{verb} resolution {number} and its study")
            }
            RecordText::SessionSaved(n) => format!("Session saved, {n} present."),
            RecordText::IncompleteCount(n, of) => {
                format!("{n} of {of} members have gaps in their record")
            }
            RecordText::Ticked(n) => format!("{n} ticked"),
            RecordText::Imported(r, n) => {
                format!("Imported {n} study records into {r} resolutions.")
            }
            RecordText::ImportRow(line, p) => format!("Line {line}: {}", import_problem(p)),
            RecordText::OldCards(cards) => {
                let list: Vec<String> = cards
                    .iter()
                    .map(|c| format!("{} (until {})", c.number, format_date(c.until)))
                    .collect();
                format!("formerly {}", list.join(", "))
            }
        }
    }

    fn field(&self, f: StudyField) -> &'static str {
        match f {
            StudyField::Number => "Number",
            StudyField::Title => "Title",
            StudyField::Level => "Issued by",
            StudyField::Date => "Date issued",
            StudyField::StudyDate => "Study date",
            StudyField::Note => "Note",
        }
    }

    fn level(&self, l: Level) -> &'static str {
        match l {
            Level::Central => "Central Committee",
            Level::Province => "Provincial committee",
            Level::Local => "District or ward committee",
        }
    }

    fn level_short(&self, l: Level) -> &'static str {
        match l {
            Level::Central => "Central",
            Level::Province => "Province",
            Level::Local => "District/ward",
        }
    }

    fn gap(&self, g: Gap) -> &'static str {
        match g {
            Gap::Missing => "missing",
            Gap::InFuture => "after today",
            Gap::TooOld => "birth year too early",
            Gap::AdmissionAge => "joined outside ages 18–60",
            Gap::BeforeProbationEnd => "before the 12-month probation ends",
            Gap::CardShape => "card number of the wrong length",
        }
    }
}

fn refused(e: &StudyError, name: &str) -> String {
    match e {
        StudyError::NoNumber => "Number: enter the resolution's number, e.g. 21-NQ/TW.".into(),
        StudyError::NoTitle => "Title: enter the resolution's title.".into(),
        StudyError::NumberTaken { number, title } => format!(
            "Number: {number} is already resolution \"{title}\"; enter another number or edit that one."
        ),
        StudyError::BeforeResolution { study, resolution } => format!(
            "Study date: {} is before the resolution's date {}; use {} or later.",
            format_date(*study),
            format_date(*resolution),
            format_date(*resolution)
        ),
        StudyError::AlreadyStudied { on, .. } => format!(
            "{name} already studied this resolution on {}; no make-up needed.",
            format_date(*on)
        ),
        StudyError::NobodyAttended => "Attendees: nobody is ticked; Enter ticks a member.".into(),
    }
}

fn import_problem(p: &RowProblem) -> String {
    match p {
        RowProblem::MissingColumn(c) => format!("the header has no column \"{c}\"."),
        RowProblem::Empty(c) => format!("{c}: empty."),
        RowProblem::BadDate(c, t) => format!("{c}: \"{t}\" is not a date like 05/11/2026."),
        RowProblem::UnknownLevel(t) => {
            format!("Level: \"{t}\" is unknown; write TW, Tỉnh or Huyện/Phường.")
        }
        RowProblem::UnknownHow(t) => {
            format!("How: \"{t}\" is unknown; write Học tập, Học bù or Chưa học.")
        }
        RowProblem::NoSuchMember(n) => {
            format!("Name: no member of the branch is called \"{n}\" (check name, birth date).")
        }
        RowProblem::SameName(n) => {
            format!("Name: several members are called \"{n}\"; add the birth date.")
        }
        RowProblem::Refused(e, name) => refused(e, name),
    }
}
