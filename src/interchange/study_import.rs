//! The resolution-study import (#18.2, `sochibo import studies FILE`): the rows the study
//! export writes ([`super::study::STUDY_HEADERS`]), from CSV (UTF-8, `,` or `;`) or the
//! first sheet of an `.xlsx` workbook, read through the member import's bounded readers
//! ([`super::import::read_file`], [`super::xlsx_read::read_first_sheet`]). Every row is
//! checked; one bad row and nothing is imported (each bad row named with its line).
//! Importing the export again changes nothing.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::import::{MAX_COLUMNS, MAX_ROWS};
use super::members_csv::HeaderError;
use super::study::{IN_SESSION, MAKE_UP, NOT_YET, STUDY_HEADERS};
use super::xlsx_read::TextRow;
use crate::domain::date::parse_date;
use crate::domain::member::{Member, MemberId};
use crate::domain::study::{Level, MakeUp, Resolution, ResolutionId, Session};
use crate::domain::text::{clean, fold};

/// Title rows an office sheet may have above its header.
const TITLE_ROWS_MAX: usize = 5;

pub use crate::domain::study::RowProblem;

/// A refused row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line (CSV) or row (Excel) number.
    pub line: usize,
    /// Why.
    pub problem: RowProblem,
}

/// What an import would save: the resolutions created or changed, and how many study
/// records (attendances and make-ups) it adds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StudyPlan {
    /// The records to save (`None`: new).
    pub items: Vec<(Option<ResolutionId>, Resolution)>,
    /// Attendances and make-ups added.
    pub added: usize,
}

/// The rows of a CSV file (UTF-8 with or without BOM, `,` or `;`), bounded like the
/// member import: at most [`MAX_ROWS`] rows and [`MAX_COLUMNS`] cells a row.
pub fn csv_rows(bytes: &[u8]) -> Result<Vec<TextRow>, HeaderError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| HeaderError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(HeaderError::Empty);
    }
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in reader.records() {
        let Ok(rec) = rec else { continue };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rec.len() > MAX_COLUMNS {
            return Err(HeaderError::TooManyColumns {
                line,
                limit: MAX_COLUMNS,
            });
        }
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.len() > MAX_ROWS {
            return Err(HeaderError::TooManyRows { limit: MAX_ROWS });
        }
        out.push((line, rec.iter().map(str::to_string).collect()));
    }
    Ok(out)
}

/// The rows of a file: a workbook by its content, else CSV.
pub fn rows_of(bytes: &[u8]) -> Result<Vec<TextRow>, HeaderError> {
    if super::xlsx::looks_like_xlsx(bytes) {
        Ok(super::xlsx_read::read_first_sheet(bytes)?)
    } else {
        csv_rows(bytes)
    }
}

/// How a member studied, as the "Hình thức" cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Session,
    MakeUp,
    NotYet,
}

/// A level from its cell: a level's short or long name in either language, or a common
/// way of writing it, diacritic-blind.
fn level_of(s: &str) -> Option<Level> {
    use crate::i18n::{Lang, record};
    const ALIASES: [(&str, Level); 8] = [
        ("trung uong", Level::Central),
        ("tinh uy", Level::Province),
        ("thanh uy", Level::Province),
        ("huyen", Level::Local),
        ("quan", Level::Local),
        ("phuong", Level::Local),
        ("xa", Level::Local),
        ("dang uy phuong", Level::Local),
    ];
    let f = fold(s.trim());
    Level::ALL
        .iter()
        .copied()
        .find(|l| {
            [Lang::Vi, Lang::En].iter().any(|lang| {
                let c = record::of(*lang);
                fold(c.level_short(*l)) == f || fold(c.level(*l)) == f
            })
        })
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == f).map(|(_, l)| *l))
}

fn how_of(s: &str) -> Option<How> {
    let f = fold(s.trim());
    [
        (IN_SESSION, How::Session),
        (MAKE_UP, How::MakeUp),
        (NOT_YET, How::NotYet),
    ]
    .into_iter()
    .find(|(name, _)| fold(name) == f)
    .map(|(_, h)| h)
}

/// Which column each header word is in.
struct Columns([Option<usize>; 8]);

impl Columns {
    fn of(cells: &[String]) -> Columns {
        let mut at = [None; 8];
        for (i, h) in STUDY_HEADERS.iter().enumerate() {
            at[i] = cells.iter().position(|c| fold(c.trim()) == fold(h));
        }
        Columns(at)
    }

    /// Number, date issued, name and how are needed.
    fn missing(&self) -> Option<&'static str> {
        [0, 3, 4, 7]
            .into_iter()
            .find(|i| self.0[*i].is_none())
            .map(|i| STUDY_HEADERS[i])
    }

    fn get<'a>(&self, row: &'a [String], i: usize) -> &'a str {
        self.0[i].and_then(|c| row.get(c)).map_or("", |s| s.trim())
    }
}

/// Plans the import of `rows` into the branch's `existing` resolutions: rows are grouped
/// by resolution number (an existing resolution with that number takes them); "Học tập"
/// rows join the session of their date, "Học bù" rows are make-ups, "Chưa học" rows are
/// passed over. Every problem is listed; any problem and the plan is refused.
pub fn plan(
    rows: &[TextRow],
    existing: &[(ResolutionId, Resolution)],
    members: &[(MemberId, Member)],
) -> Result<StudyPlan, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut header = None;
    for (i, (line, cells)) in rows.iter().enumerate().take(TITLE_ROWS_MAX + 1) {
        let c = Columns::of(cells);
        if c.0[0].is_some() || i == TITLE_ROWS_MAX {
            match c.missing() {
                Some(name) => {
                    return Err(vec![RowError {
                        line: *line,
                        problem: RowProblem::MissingColumn(name),
                    }]);
                }
                None => header = Some((i, c)),
            }
            break;
        }
    }
    let Some((at, cols)) = header else {
        return Err(vec![RowError {
            line: rows.first().map_or(1, |r| r.0),
            problem: RowProblem::MissingColumn(STUDY_HEADERS[0]),
        }]);
    };
    // Working copies by folded number: (id if existing, record, changed).
    let mut work: BTreeMap<String, (Option<ResolutionId>, Resolution, bool)> = existing
        .iter()
        .map(|(id, r)| (fold(r.number.trim()), (Some(*id), r.clone(), false)))
        .collect();
    let mut added = 0;
    for (line, cells) in &rows[at + 1..] {
        let line = *line;
        let mut bad = |p: RowProblem| errors.push(RowError { line, problem: p });
        let number = clean(cols.get(cells, 0));
        let name = clean(cols.get(cells, 4));
        if number.is_empty() {
            bad(RowProblem::Empty(STUDY_HEADERS[0]));
            continue;
        }
        let date = |i: usize| -> Result<Option<NaiveDate>, RowProblem> {
            let raw = cols.get(cells, i);
            if raw.is_empty() {
                return Ok(None);
            }
            parse_date(raw)
                .map(Some)
                .map_err(|_| RowProblem::BadDate(STUDY_HEADERS[i], raw.to_string()))
        };
        let (issued, birth, studied) = match (date(3), date(5), date(6)) {
            (Ok(a), Ok(b), Ok(c)) => (a, b, c),
            (a, b, c) => {
                for e in [a.err(), b.err(), c.err()].into_iter().flatten() {
                    bad(e);
                }
                continue;
            }
        };
        let Some(issued) = issued else {
            bad(RowProblem::Empty(STUDY_HEADERS[3]));
            continue;
        };
        let level_cell = cols.get(cells, 2);
        let level = level_of(level_cell);
        if level.is_none() && !level_cell.is_empty() {
            bad(RowProblem::UnknownLevel(level_cell.to_string()));
            continue;
        }
        let how_cell = cols.get(cells, 7);
        let Some(how) = how_of(how_cell) else {
            bad(RowProblem::UnknownHow(how_cell.to_string()));
            continue;
        };
        let entry = work.entry(fold(&number)).or_insert_with(|| {
            (
                None,
                Resolution {
                    number: number.clone(),
                    title: clean(cols.get(cells, 1)),
                    level,
                    date: issued,
                    ..Resolution::default()
                },
                true,
            )
        });
        if how == How::NotYet {
            continue;
        }
        if name.is_empty() {
            bad(RowProblem::Empty(STUDY_HEADERS[4]));
            continue;
        }
        let key = fold(&name);
        let same: Vec<MemberId> = members
            .iter()
            .filter(|(_, m)| fold(&m.full_name) == key)
            .filter(|(_, m)| birth.is_none() || m.birth_date == birth)
            .map(|(id, _)| *id)
            .collect();
        let member = match same.as_slice() {
            [one] => *one,
            [] => {
                bad(RowProblem::NoSuchMember(name));
                continue;
            }
            _ => {
                bad(RowProblem::SameName(name));
                continue;
            }
        };
        let Some(on) = studied else {
            bad(RowProblem::Empty(STUDY_HEADERS[6]));
            continue;
        };
        let r = &mut entry.1;
        let result = match how {
            How::Session => match r.sessions.iter_mut().find(|s| s.date == on) {
                Some(s) if s.attendees.binary_search(&member).is_ok() => continue,
                Some(s) => {
                    s.attendees.push(member);
                    s.attendees.sort_unstable();
                    Ok(())
                }
                None => r.add_session(Session {
                    date: on,
                    attendees: vec![member],
                    note: String::new(),
                }),
            },
            _ if r.makeups.iter().any(|m| m.member == member && m.date == on) => continue,
            _ => r.add_makeup(MakeUp { member, date: on }),
        };
        match result {
            Ok(()) => {
                entry.2 = true;
                added += 1;
            }
            Err(e) => bad(RowProblem::Refused(e, name)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(StudyPlan {
        items: work
            .into_values()
            .filter(|(_, _, changed)| *changed)
            .map(|(id, r, _)| (id, r))
            .collect(),
        added,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent};
    use crate::domain::study::StudyError;
    use crate::interchange::study::studies_sheet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn members() -> Vec<(MemberId, Member)> {
        ["Nguyễn Thị An", "Trần Văn Bình", "Lê Văn Cường"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    i as u64 + 1,
                    Member {
                        full_name: (*n).into(),
                        birth_date: Some(d(1950 + i as i32, 1, 1)),
                        events: vec![MemberEvent::new(d(1980, 1, 1), EventKind::Admitted, "")],
                        ..Default::default()
                    },
                )
            })
            .collect()
    }

    fn csv(body: &str) -> Vec<TextRow> {
        csv_rows(body.as_bytes()).unwrap()
    }

    const HEAD: &str =
        "Số hiệu;Trích yếu;Cấp;Ngày ban hành;Họ và tên;Ngày sinh;Ngày học;Hình thức\n";

    #[test]
    fn rows_become_sessions_and_make_ups_of_new_resolutions() {
        let rows = csv(&format!(
            "{HEAD}21-NQ/TW;Về tổ chức cơ sở đảng;TW;16/06/2022;nguyen thi an;;05/08/2022;Học tập\n\
             21-NQ/TW;;;16/06/2022;Trần Văn Bình;;05/08/2022;học tập\n\
             21-NQ/TW;;;16/06/2022;Lê Văn Cường;;02/09/2022;Học bù\n\
             21-NQ/TW;;;16/06/2022;Lê Văn Cường;;;Chưa học\n"
        ));
        let p = plan(&rows, &[], &members()).unwrap();
        assert_eq!(p.added, 3);
        assert_eq!(p.items.len(), 1);
        let (id, r) = &p.items[0];
        assert_eq!(*id, None);
        assert_eq!(r.level, Some(Level::Central));
        assert_eq!(r.sessions[0].attendees, [1, 2]);
        assert_eq!(
            r.makeups,
            [MakeUp {
                member: 3,
                date: d(2022, 9, 2)
            }]
        );
    }

    #[test]
    fn every_bad_row_is_named_and_nothing_is_planned() {
        let rows = csv(&format!(
            "{HEAD}21-NQ/TW;T;TW;16/06/2022;Nguyễn Thị An;;05/06/2022;Học tập\n\
             21-NQ/TW;T;TW;16/06/2022;Không Có Ai;;05/08/2022;Học tập\n\
             21-NQ/TW;T;Xã hội;16/06/2022;Trần Văn Bình;;05/08/2022;Học tập\n\
             21-NQ/TW;T;TW;16/06/2022;Trần Văn Bình;;5 tháng 8;Học tập\n\
             21-NQ/TW;T;TW;16/06/2022;Trần Văn Bình;;05/08/2022;Đã học\n"
        ));
        let e = plan(&rows, &[], &members()).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6]);
        assert!(matches!(
            e[0].problem,
            RowProblem::Refused(StudyError::BeforeResolution { .. }, _)
        ));
        assert_eq!(e[1].problem, RowProblem::NoSuchMember("Không Có Ai".into()));
        assert_eq!(e[2].problem, RowProblem::UnknownLevel("Xã hội".into()));
        assert_eq!(
            e[3].problem,
            RowProblem::BadDate("Ngày học", "5 tháng 8".into())
        );
        assert_eq!(e[4].problem, RowProblem::UnknownHow("Đã học".into()));
        let e = plan(&csv("Họ và tên;Ngày học\nA;01/01/2020\n"), &[], &members()).unwrap_err();
        assert_eq!(e[0].problem, RowProblem::MissingColumn("Số hiệu"));
    }

    #[test]
    fn importing_the_export_again_changes_nothing() {
        let members = members();
        let r = Resolution {
            number: "21-NQ/TW".into(),
            title: "T".into(),
            level: Some(Level::Central),
            date: d(2022, 6, 16),
            sessions: vec![Session {
                date: d(2022, 8, 5),
                attendees: vec![1, 2],
                note: String::new(),
            }],
            makeups: vec![MakeUp {
                member: 3,
                date: d(2022, 9, 2),
            }],
        };
        let existing = vec![(7, r)];
        let sheet = studies_sheet(&existing, &members);
        let csv_text = sheet.to_csv();
        let rows = csv_rows(csv_text.as_bytes()).unwrap();
        let p = plan(&rows, &existing, &members).unwrap();
        assert_eq!(p, StudyPlan::default());
    }
}
