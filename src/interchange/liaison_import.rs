//! Importing liaison members from CSV or `.xlsx` with the member import's readers and
//! bounds (`members_csv::raw_rows`, `xlsx_read::read_first_sheet`). The columns are those
//! of the export ([`super::liaison::HEADERS`], matched ignoring case and diacritics); each
//! row is checked like the form (a branch member's name and birth year is refused). The
//! import is all or nothing: one refused row and nothing is saved.

use chrono::NaiveDate;

use super::members_csv::{self, BrokenLine, HeaderError};
use crate::domain::liaison::{self, Liaison, LiaisonField as F, LiaisonId, LiaisonKind};
use crate::domain::member::{Member, MemberId};
use crate::domain::text;
use crate::domain::validate::Problem;
use crate::i18n::Lang;

/// The field each export header names (the comment columns are export only).
const COLUMNS: [Option<F>; 11] = [
    Some(F::FullName),
    Some(F::BirthYear),
    Some(F::Address),
    Some(F::Workplace),
    Some(F::WorkplaceParty),
    Some(F::LetterNumber),
    Some(F::LetterReceived),
    Some(F::Kind),
    Some(F::Phone),
    None,
    None,
];

/// A header cell as compared: folded, letters and digits only.
fn key(s: &str) -> String {
    text::fold(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The field a header cell names (Vietnamese export header or English label).
fn header_field(cell: &str) -> Option<F> {
    let k = key(cell);
    let en = crate::i18n::liaison::of(Lang::En);
    super::liaison::HEADERS
        .iter()
        .zip(COLUMNS)
        .find(|(h, _)| key(h) == k)
        .and_then(|(_, f)| f)
        .or_else(|| {
            COLUMNS
                .iter()
                .flatten()
                .find(|f| key(en.field(**f)) == k)
                .copied()
        })
}

/// The kind a cell names: any language's label, its short form, "1.1" or "1.2"; empty is
/// the ordinary kind.
fn kind_of(cell: &str) -> Result<LiaisonKind, Problem> {
    let k = key(cell);
    if k.is_empty() {
        return Ok(LiaisonKind::Ordinary);
    }
    for kind in LiaisonKind::ALL {
        for lang in [Lang::Vi, Lang::En] {
            let t = crate::i18n::liaison::of(lang);
            if key(t.kind(*kind)) == k || key(t.kind_short(*kind)) == k {
                return Ok(*kind);
            }
        }
    }
    match k.as_str() {
        "11" => Ok(LiaisonKind::ExemptFromActivity),
        "12" => Ok(LiaisonKind::ExemptFromIntroduction),
        _ => Err(Problem::UnknownChoice),
    }
}

/// A refused cell: the row's line, the column's field, what is wrong.
pub type RowError = (usize, F, Problem);

/// What an import would save.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The records to save: an existing id (same name and birth year: updated, its log and
    /// comments kept) or `None` (added).
    pub items: Vec<(Option<LiaisonId>, Liaison)>,
    /// How many are new.
    pub added: usize,
    /// How many update an existing record.
    pub updated: usize,
    /// Refused cells; any of them and nothing is saved.
    pub rejected: Vec<RowError>,
    /// Lines refused for their quotation marks.
    pub broken: Vec<BrokenLine>,
    /// Header cells that name no column, as written.
    pub ignored_columns: Vec<String>,
}

/// The rows of a file: a workbook by its content, else CSV. Header first.
pub fn rows(bytes: &[u8]) -> Result<members_csv::RawRows, HeaderError> {
    if super::xlsx::looks_like_xlsx(bytes) {
        let rows = super::xlsx_read::read_first_sheet(bytes).map_err(HeaderError::Xlsx)?;
        Ok((rows, Vec::new()))
    } else {
        members_csv::raw_rows(bytes)
    }
}

/// Plans the import of `rows` (header first) against the records and the branch's members.
pub fn plan(
    rows: &[(usize, Vec<String>)],
    broken: Vec<BrokenLine>,
    existing: &[(LiaisonId, Liaison)],
    members: &[(MemberId, Member)],
    today: NaiveDate,
) -> Result<Plan, HeaderError> {
    let Some(((_, header), data)) = rows.split_first() else {
        return Err(HeaderError::Empty);
    };
    let fields: Vec<Option<F>> = header.iter().map(|h| header_field(h)).collect();
    if !fields.contains(&Some(F::FullName)) {
        return Err(HeaderError::NoNameColumn);
    }
    let mut plan = Plan {
        broken,
        ignored_columns: header
            .iter()
            .zip(&fields)
            // The export's comment columns are known, only not read back.
            .filter(|(h, f)| {
                f.is_none()
                    && !h.trim().is_empty()
                    && !super::liaison::HEADERS.iter().any(|x| key(x) == key(h))
            })
            .map(|(h, _)| text::clean(h))
            .collect(),
        ..Plan::default()
    };
    let others = || members.iter().map(|(i, m)| (*i, m));
    let mut seen: Vec<(String, Option<i32>)> = Vec::new();
    for (line, cells) in data {
        let mut values = Vec::new();
        let mut kind = Ok(LiaisonKind::Ordinary);
        for (i, f) in fields.iter().enumerate() {
            let (Some(f), Some(cell)) = (f, cells.get(i)) else {
                continue;
            };
            if *f == F::Kind {
                kind = kind_of(cell);
            } else if !values.iter().any(|(x, _)| x == f) {
                values.push((*f, cell.clone()));
            }
        }
        if let Err(p) = &kind {
            plan.rejected.push((*line, F::Kind, p.clone()));
        }
        let name = text::clean(
            &values
                .iter()
                .find(|(f, _)| *f == F::FullName)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        );
        let year = values
            .iter()
            .find(|(f, _)| *f == F::BirthYear)
            .and_then(|(_, v)| text::clean(v).parse::<i32>().ok());
        let same =
            |l: &Liaison| l.full_name.to_lowercase() == name.to_lowercase() && l.birth_year == year;
        let id = existing.iter().find(|(_, l)| same(l)).map(|(id, _)| *id);
        let base = id.and_then(|id| existing.iter().find(|(i, _)| *i == id).map(|(_, l)| l));
        let key = (name.to_lowercase(), year);
        if seen.contains(&key) {
            plan.rejected
                .push((*line, F::FullName, Problem::DuplicateInFile(name.clone())));
            continue;
        }
        seen.push(key);
        match liaison::check_liaison(&values, kind.clone().ok(), base, others(), today) {
            Ok(l) if kind.is_ok() => {
                if id.is_some() {
                    plan.updated += 1;
                } else {
                    plan.added += 1;
                }
                plan.items.push((id, l));
            }
            Ok(_) => {}
            Err(es) => plan
                .rejected
                .extend(es.into_iter().map(|(f, p)| (*line, f, p))),
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn an_export_reads_back_and_a_bad_row_refuses_the_whole_file() {
        let list = vec![(
            1,
            Liaison {
                full_name: "Đỗ Quang Hưng".into(),
                birth_year: Some(1990),
                workplace: "Bộ Chỉ huy Quân sự".into(),
                kind: LiaisonKind::ExemptFromActivity,
                ..Liaison::default()
            },
        )];
        let csv = super::super::liaison::csv(&list, 2026);
        let (rows, broken) = rows(csv.as_bytes()).unwrap();
        let p = plan(&rows, broken, &[], &[], today()).unwrap();
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.added, 1);
        assert_eq!(p.items[0].1.kind, LiaisonKind::ExemptFromActivity);
        assert_eq!(p.ignored_columns, Vec::<String>::new());
        // The same file over the record updates it.
        let again = plan(&rows, Vec::new(), &list, &[], today()).unwrap();
        assert_eq!((again.added, again.updated), (0, 1));

        let bad = "Họ và tên;Năm sinh;Nơi công tác;Diện;Ghi gì đó\n\
                   Lê Văn A;1980;Sở Y tế;1.2;x\n\
                   Lê Văn B;19x0;Sở Y tế;;\n\
                   Lê Văn C;1981;;lạ;\n";
        let (rows, broken) = super::rows(bad.as_bytes()).unwrap();
        let p = plan(&rows, broken, &[], &[], today()).unwrap();
        assert_eq!(p.ignored_columns, vec!["Ghi gì đó".to_string()]);
        assert_eq!(p.items.len(), 1);
        assert_eq!(p.items[0].1.kind, LiaisonKind::ExemptFromIntroduction);
        assert!(p.rejected.contains(&(3, F::BirthYear, Problem::NotANumber)));
        assert!(p.rejected.contains(&(4, F::Kind, Problem::UnknownChoice)));
        assert!(p.rejected.contains(&(4, F::Workplace, Problem::Required)));
        assert!(matches!(
            plan(&[(1, vec!["Tên gì".into()])], Vec::new(), &[], &[], today()),
            Err(HeaderError::NoNameColumn)
        ));
    }
}
