//! Texts of the resolution-study screen, its exports and the completeness check of the
//! member record (#18.2, #18.3), one catalogue per language, reached with [`of`].

mod en;
mod vi;

use chrono::NaiveDate;

use super::{ChangeKind, Lang};
use crate::domain::completeness::Gap;
use crate::domain::study::RowProblem;
use crate::domain::study::{Level, StudyError, StudyFigure};

pub use en::RecordEn;
pub use vi::RecordVi;

/// The fields of the study forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StudyField {
    /// Số hiệu.
    Number,
    /// Trích yếu.
    Title,
    /// Cấp ban hành.
    Level,
    /// Ngày ban hành.
    Date,
    /// Ngày học (a session or a make-up).
    StudyDate,
    /// Ghi chú.
    Note,
}

/// Short texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordMsg {
    /// The screen's name in the tab bar.
    ScreenName,
    /// Column: number.
    ColNumber,
    /// Column: title.
    ColTitle,
    /// Column: level.
    ColLevel,
    /// Column: date issued.
    ColDate,
    /// Column: sessions.
    ColSessions,
    /// Column: studied n/m.
    ColStudied,
    /// Column: name.
    ColName,
    /// Column: when studied.
    ColStudy,
    /// Not studied yet.
    NotStudied,
    /// Nothing entered yet.
    NoResolutions,
    /// Title of the new-resolution form.
    FormNewResolution,
    /// Title of the resolution form.
    FormEditResolution,
    /// Title of the session form.
    FormSession,
    /// Title of the make-up form (name follows).
    FormMakeUp,
    /// The pick list's heading.
    PickHeading,
    /// Heading of the sessions line.
    Sessions,
    /// No session yet.
    NoSessions,
    /// Title of the completeness report.
    CompletenessTitle,
    /// Nobody lacks anything.
    AllComplete,
    /// Column: what is missing, in the report.
    ColGaps,
    /// Confirm deleting a resolution (number follows).
    ConfirmDelete,
    /// Title of the studies export.
    StudiesTitle,
    /// Column: who studied, in the export.
    ColWho,
    /// Column: who has not, in the export.
    ColMissing,
    /// The marker of a ticked member in the pick list.
    Ticked,
    /// An import refused as a whole.
    NothingImported,
}

/// Texts with values.
#[derive(Debug, Clone, Copy)]
pub enum RecordText<'a> {
    /// "12/15 đảng viên đã học (80,0%)".
    Figure(StudyFigure),
    /// The year's figure.
    YearFigure(i32, StudyFigure),
    /// One session: its date and how many attended.
    Session(NaiveDate, usize),
    /// When a member studied (`true`: a make-up).
    StudiedOn(NaiveDate, bool),
    /// Why a resolution, session or make-up was refused (a member's name where it says).
    Refused(&'a StudyError, &'a str),
    /// Undo's words for a change of a resolution (its number).
    Change(ChangeKind, &'a str),
    /// The session saved (how many attended).
    SessionSaved(usize),
    /// How many members lack something (of how many on the roll).
    IncompleteCount(usize, usize),
    /// The pick list's count of ticked members.
    Ticked(usize),
    /// An import saved (resolutions created or changed, study records added).
    Imported(usize, usize),
    /// A refused import row (its line and why).
    ImportRow(usize, &'a RowProblem),
    /// A member's earlier card numbers, after the current one on their card.
    OldCards(&'a [crate::domain::member::OldCard]),
}

/// One language's texts of the study screen and the completeness check.
pub trait RecordCatalogue: Sync {
    /// A short text.
    fn msg(&self, m: RecordMsg) -> &'static str;
    /// A text with values.
    fn text(&self, t: RecordText<'_>) -> String;
    /// A form field's label.
    fn field(&self, f: StudyField) -> &'static str;
    /// A level in full.
    fn level(&self, l: Level) -> &'static str;
    /// A level in short ("TW").
    fn level_short(&self, l: Level) -> &'static str;
    /// What is wrong with a profile field.
    fn gap(&self, g: Gap) -> &'static str;
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn RecordCatalogue {
    match lang {
        Lang::Vi => &RecordVi,
        Lang::En => &RecordEn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_figure_reads_n_of_m_with_the_share() {
        let f = StudyFigure {
            studied: 12,
            expected: 15,
        };
        assert_eq!(
            of(Lang::Vi).text(RecordText::Figure(f)),
            "12/15 đảng viên đã học (80,0%)"
        );
        assert_eq!(
            of(Lang::En).text(RecordText::Figure(f)),
            "12 of 15 members studied (80.0%)"
        );
    }

    #[test]
    fn a_session_before_the_resolution_names_both_dates_and_the_field() {
        let e = StudyError::BeforeResolution {
            study: d(2026, 2, 28),
            resolution: d(2026, 3, 1),
        };
        let t = of(Lang::Vi).text(RecordText::Refused(&e, ""));
        assert!(t.contains("Ngày học"), "{t}");
        assert!(t.contains("28/02/2026") && t.contains("01/03/2026"), "{t}");
        let e = StudyError::AlreadyStudied {
            member: 3,
            on: d(2026, 3, 20),
        };
        let t = of(Lang::Vi).text(RecordText::Refused(&e, "Trần Thị Bình"));
        assert!(
            t.contains("Trần Thị Bình") && t.contains("20/03/2026"),
            "{t}"
        );
    }
}
