//! The resolution-study export (#18.2, `sochibo export studies`): one row per resolution
//! and member who had to study it, as CSV for Excel or an `.xlsx` sheet (the same columns
//! the study import reads back), and an 80-column text with the figures "n of m members
//! studied (= x%)" per resolution and per year. Column headers are document text, always
//! Vietnamese.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::domain::date::format_date;
use crate::domain::member::{Member, MemberId};
use crate::domain::study::{self, Resolution, ResolutionId};
use crate::domain::text::{compare_names, ellipsize};
use crate::i18n::Lang;
use crate::i18n::record::{self, RecordMsg, RecordText};

use super::xlsx::{Cell, Sheet};

/// The header row of the study list (the import reads the same words).
pub const STUDY_HEADERS: [&str; 8] = [
    "Số hiệu",
    "Trích yếu",
    "Cấp",
    "Ngày ban hành",
    "Họ và tên",
    "Ngày sinh",
    "Ngày học",
    "Hình thức",
];

/// "Hình thức" of a member who studied in a session.
pub const IN_SESSION: &str = "Học tập";
/// "Hình thức" of a make-up study.
pub const MAKE_UP: &str = "Học bù";
/// "Hình thức" of a member who has not studied yet.
pub const NOT_YET: &str = "Chưa học";

/// The resolutions by date issued, then number.
fn ordered(resolutions: &[(ResolutionId, Resolution)]) -> Vec<&Resolution> {
    let mut v: Vec<&Resolution> = resolutions.iter().map(|(_, r)| r).collect();
    v.sort_by(|a, b| a.date.cmp(&b.date).then(a.number.cmp(&b.number)));
    v
}

/// The members who had to study `r`, by name.
fn due<'a>(r: &Resolution, members: &'a [(MemberId, Member)]) -> Vec<(MemberId, &'a Member)> {
    let expected = r.expected(members);
    let mut v: Vec<(MemberId, &Member)> = members
        .iter()
        .filter(|(id, _)| expected.contains(id))
        .map(|(id, m)| (*id, m))
        .collect();
    v.sort_by(|a, b| compare_names(&a.1.full_name, &b.1.full_name));
    v
}

/// Whether `member` studied `r` in a session on `date` (else a make-up).
fn in_session(r: &Resolution, member: MemberId, date: chrono::NaiveDate) -> bool {
    r.sessions
        .iter()
        .any(|s| s.date == date && s.attendees.binary_search(&member).is_ok())
}

/// The study list as a table, for the CSV and the `.xlsx` export.
pub fn studies_sheet(
    resolutions: &[(ResolutionId, Resolution)],
    members: &[(MemberId, Member)],
) -> Sheet {
    let vi = record::of(Lang::Vi);
    let mut sheet = Sheet::new("Học tập nghị quyết", STUDY_HEADERS);
    for r in ordered(resolutions) {
        sheet.section_break();
        for (id, m) in due(r, members) {
            let (when, how) = match r.studied_on(id) {
                Some(d) if in_session(r, id, d) => (Cell::Date(d), IN_SESSION),
                Some(d) => (Cell::Date(d), MAKE_UP),
                None => (Cell::Empty, NOT_YET),
            };
            sheet.rows.push(vec![
                Cell::text(&r.number),
                Cell::text(&r.title),
                r.level
                    .map_or(Cell::Empty, |l| Cell::text(vi.level_short(l))),
                Cell::Date(r.date),
                Cell::text(&m.full_name),
                Cell::opt_date(m.birth_date),
                when,
                Cell::text(how),
            ]);
        }
    }
    sheet
}

/// The study list as CSV for Excel.
pub fn studies_csv(
    resolutions: &[(ResolutionId, Resolution)],
    members: &[(MemberId, Member)],
) -> String {
    studies_sheet(resolutions, members).to_csv()
}

/// The study report as text that fits 80 columns: each year's figure, then each
/// resolution with its figure, its sessions and who has not studied it yet.
pub fn studies_txt(
    lang: Lang,
    branch: &str,
    resolutions: &[(ResolutionId, Resolution)],
    members: &[(MemberId, Member)],
) -> String {
    let c = record::of(lang);
    let mut out = format!("{}\n", c.msg(RecordMsg::StudiesTitle).to_uppercase());
    if !branch.is_empty() {
        out.push_str(&format!("{branch}\n"));
    }
    out.push('\n');
    let rs = ordered(resolutions);
    if rs.is_empty() {
        out.push_str(c.msg(RecordMsg::NoResolutions));
        out.push('\n');
        return out;
    }
    let years: BTreeMap<i32, ()> = rs.iter().map(|r| (r.date.year(), ())).collect();
    for y in years.keys() {
        let f = study::year_figure(rs.iter().copied(), members, *y);
        out.push_str(&c.text(RecordText::YearFigure(*y, f)));
        out.push('\n');
    }
    let names: BTreeMap<MemberId, &str> = members
        .iter()
        .map(|(id, m)| (*id, m.full_name.as_str()))
        .collect();
    for r in rs {
        out.push('\n');
        let level = r.level.map(|l| c.level_short(l)).unwrap_or("");
        out.push_str(&ellipsize(
            &format!(
                "{} ({}, {}) {}",
                r.number,
                format_date(r.date),
                level,
                r.title
            ),
            80,
        ));
        out.push('\n');
        out.push_str(&format!(
            "  {}\n",
            c.text(RecordText::Figure(r.figure(members)))
        ));
        let sessions: Vec<String> = r
            .sessions
            .iter()
            .map(|s| c.text(RecordText::Session(s.date, s.attendees.len())))
            .collect();
        if !sessions.is_empty() {
            out.push_str(&wrap(
                &format!("  {}: {}", c.msg(RecordMsg::Sessions), sessions.join("; ")),
                80,
            ));
        }
        let mut missing: Vec<&str> = r
            .missing(members)
            .iter()
            .filter_map(|id| names.get(id).copied())
            .collect();
        missing.sort_by(|a, b| compare_names(a, b));
        if !missing.is_empty() {
            out.push_str(&wrap(
                &format!("  {}: {}", c.msg(RecordMsg::ColMissing), missing.join(", ")),
                80,
            ));
        }
    }
    out
}

/// Word-wraps `s` at `width` columns, continuation lines indented by four spaces.
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in s.split(' ') {
        let len = crate::domain::text::width(&line) + 1 + crate::domain::text::width(word);
        if !line.trim().is_empty() && len > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = "    ".to_string();
        } else if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent};
    use crate::domain::study::{Level, MakeUp, Session};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn members() -> Vec<(MemberId, Member)> {
        ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Cường"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    i as u64 + 1,
                    Member {
                        full_name: (*n).into(),
                        events: vec![MemberEvent::new(d(1980, 1, 1), EventKind::Admitted, "")],
                        ..Default::default()
                    },
                )
            })
            .collect()
    }

    fn resolutions() -> Vec<(ResolutionId, Resolution)> {
        vec![(
            10,
            Resolution {
                number: "21-NQ/TW".into(),
                title: "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng".into(),
                level: Some(Level::Central),
                date: d(2026, 3, 1),
                sessions: vec![Session {
                    date: d(2026, 3, 20),
                    attendees: vec![1],
                    note: String::new(),
                }],
                makeups: vec![MakeUp {
                    member: 2,
                    date: d(2026, 4, 2),
                }],
            },
        )]
    }

    #[test]
    fn the_sheet_has_a_row_per_member_due_with_how_they_studied() {
        let s = studies_sheet(&resolutions(), &members());
        assert_eq!(s.header, STUDY_HEADERS);
        let rows: Vec<Vec<String>> = s
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::plain).collect())
            .collect();
        assert_eq!(rows.len(), 3);
        // By name: An, Bình, Cường (Vietnamese order on the given name).
        assert_eq!(rows[0][4], "Nguyễn Thị An");
        assert_eq!(rows[0][6], "02/04/2026");
        assert_eq!(rows[0][7], MAKE_UP);
        assert_eq!(rows[1][4], "Trần Văn Bình");
        assert_eq!(rows[1][7], IN_SESSION);
        assert_eq!(rows[1][2], "TW");
        assert_eq!(rows[2][4], "Lê Văn Cường");
        assert_eq!(rows[2][7], NOT_YET);
        assert!(studies_csv(&resolutions(), &members()).starts_with("\u{feff}Số hiệu,"));
    }

    #[test]
    fn the_text_gives_the_figures_and_who_has_not_studied() {
        let t = studies_txt(
            Lang::Vi,
            "Chi bộ Tổ dân phố số 5",
            &resolutions(),
            &members(),
        );
        assert!(
            t.contains("Năm 2026: 2/3 lượt đảng viên đã học (66,7%)"),
            "{t}"
        );
        assert!(t.contains("2/3 đảng viên đã học (66,7%)"), "{t}");
        assert!(t.contains("Chưa học: Lê Văn Cường"), "{t}");
        assert!(t.contains("20/03/2026: 1 người"), "{t}");
        assert!(
            t.lines().all(|l| crate::domain::text::width(l) <= 80),
            "{t}"
        );
        let empty = studies_txt(Lang::Vi, "", &[], &members());
        assert!(empty.contains("Chưa có nghị quyết"), "{empty}");
    }
}
