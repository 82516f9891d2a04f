//! The branch profile (thông tin chi bộ).

use super::text;
use super::validate::{MAX_TEXT, Problem};

/// The branch profile, entered once when the app is first run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Branch {
    /// Tên chi bộ, e.g. "Chi bộ Tổ dân phố số 5".
    pub name: String,
    /// Đảng bộ cấp trên, e.g. "Đảng bộ phường Dương Kinh".
    pub superior: String,
    /// Địa chỉ.
    pub address: String,
    /// Bí thư.
    pub secretary: String,
    /// Phó bí thư.
    pub deputy: String,
    /// First year of the committee term (nhiệm kỳ).
    pub term_start: i32,
    /// Last year of the committee term.
    pub term_end: i32,
    /// The usual meeting day of the month ("ngày 5 hằng tháng"), 1–31; `None`: not fixed
    /// (a new meeting's date then follows the last regular meeting).
    pub usual_day: Option<u32>,
}

/// The fields of the branch profile form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BranchField {
    /// Tên chi bộ.
    Name,
    /// Đảng bộ cấp trên.
    Superior,
    /// Địa chỉ.
    Address,
    /// Bí thư.
    Secretary,
    /// Phó bí thư.
    Deputy,
    /// Nhiệm kỳ, typed "2025-2030".
    Term,
    /// Ngày họp thường kỳ: a day of the month 1–31, or blank.
    UsualDay,
}

impl BranchField {
    /// Every field, in form order.
    pub const ALL: &'static [BranchField] = &[
        BranchField::Name,
        BranchField::Superior,
        BranchField::Address,
        BranchField::Secretary,
        BranchField::Deputy,
        BranchField::Term,
        BranchField::UsualDay,
    ];
}

/// The days of the month a usual meeting day may take.
pub const USUAL_DAYS: (u32, u32) = (1, 31);

/// Earliest and latest accepted term years.
pub const TERM_YEARS: (i32, i32) = (1930, 2100);

/// Checks the branch form, given its text per field in [`BranchField::ALL`] order.
pub fn check_branch(values: &[String]) -> Result<Branch, Vec<(BranchField, Problem)>> {
    let mut errors = Vec::new();
    let get = |f: BranchField| {
        let i = BranchField::ALL.iter().position(|x| *x == f).unwrap_or(0);
        text::clean(values.get(i).map_or("", String::as_str))
    };
    let mut b = Branch {
        name: get(BranchField::Name),
        superior: get(BranchField::Superior),
        address: get(BranchField::Address),
        secretary: get(BranchField::Secretary),
        deputy: get(BranchField::Deputy),
        ..Branch::default()
    };
    for (f, v) in [
        (BranchField::Name, &b.name),
        (BranchField::Superior, &b.superior),
        (BranchField::Address, &b.address),
        (BranchField::Secretary, &b.secretary),
        (BranchField::Deputy, &b.deputy),
    ] {
        if v.chars().count() > MAX_TEXT {
            errors.push((f, Problem::TooLong(MAX_TEXT)));
        }
    }
    if b.name.is_empty() {
        errors.push((BranchField::Name, Problem::Required));
    }
    if b.superior.is_empty() {
        errors.push((BranchField::Superior, Problem::Required));
    }
    match parse_term(&get(BranchField::Term)) {
        Some((s, e)) => (b.term_start, b.term_end) = (s, e),
        None => errors.push((BranchField::Term, Problem::TermFormat)),
    }
    match parse_usual_day(&get(BranchField::UsualDay)) {
        Ok(d) => b.usual_day = d,
        Err(p) => errors.push((BranchField::UsualDay, p)),
    }
    if errors.is_empty() {
        Ok(b)
    } else {
        Err(errors)
    }
}

/// Parses a term "2025-2030" (also "2025–2030" or "2025 - 2030").
pub fn parse_term(s: &str) -> Option<(i32, i32)> {
    let (a, b) = s.split_once(['-', '–', '/'])?;
    let (a, b): (i32, i32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    let ok = |y: i32| (TERM_YEARS.0..=TERM_YEARS.1).contains(&y);
    (ok(a) && ok(b) && a < b).then_some((a, b))
}

/// Parses the usual meeting day: blank is `None`, else a whole number 1–31 ("5", or
/// "ngày 5" as people say it).
pub fn parse_usual_day(s: &str) -> Result<Option<u32>, Problem> {
    let s = s.trim();
    let s = ["ngày", "ngay", "Ngày", "Ngay"]
        .iter()
        .fold(s, |s, p| s.strip_prefix(p).unwrap_or(s))
        .trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (lo, hi) = USUAL_DAYS;
    match s.parse::<u32>() {
        Ok(d) if (lo..=hi).contains(&d) => Ok(Some(d)),
        _ => Err(Problem::OutOfRange(lo, hi)),
    }
}

/// Formats a term as "2025–2030".
pub fn format_term(b: &Branch) -> String {
    if b.term_start == 0 {
        String::new()
    } else {
        format!("{}–{}", b.term_start, b.term_end)
    }
}

/// The branch form's text for an existing profile.
pub fn branch_values(b: &Branch) -> Vec<String> {
    vec![
        b.name.clone(),
        b.superior.clone(),
        b.address.clone(),
        b.secretary.clone(),
        b.deputy.clone(),
        format_term(b),
        b.usual_day.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(term: &str) -> Vec<String> {
        [
            "Chi bộ Tổ dân phố số 5",
            "Đảng bộ phường Dương Kinh",
            "",
            "Trần Văn Hùng",
            "",
            term,
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn checks_term_and_required_fields() {
        let b = check_branch(&vals("2025 – 2030")).unwrap();
        assert_eq!((b.term_start, b.term_end), (2025, 2030));
        assert_eq!(format_term(&b), "2025–2030");
        assert_eq!(
            check_branch(&vals("2030-2025")).unwrap_err(),
            vec![(BranchField::Term, Problem::TermFormat)]
        );
        let mut v = vals("2025-2030");
        v[0] = " ".into();
        assert_eq!(
            check_branch(&v).unwrap_err(),
            vec![(BranchField::Name, Problem::Required)]
        );
        assert_eq!(check_branch(&branch_values(&b)).unwrap(), b);
    }

    #[test]
    fn checks_the_usual_meeting_day() {
        let mut v = vals("2025-2030");
        assert_eq!(check_branch(&v).unwrap().usual_day, None);
        v[6] = " 5 ".into();
        let b = check_branch(&v).unwrap();
        assert_eq!(b.usual_day, Some(5));
        assert_eq!(check_branch(&branch_values(&b)).unwrap(), b);
        v[6] = "ngày 31".into();
        assert_eq!(check_branch(&v).unwrap().usual_day, Some(31));
        for bad in ["0", "32", "năm", "5.5", "-1"] {
            v[6] = bad.into();
            assert_eq!(
                check_branch(&v).unwrap_err(),
                vec![(BranchField::UsualDay, Problem::OutOfRange(1, 31))],
                "{bad}"
            );
        }
    }
}
