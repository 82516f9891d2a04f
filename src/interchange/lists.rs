//! Lists the ward asks for, as 80-column text or as CSV for Excel (UTF-8 BOM, CRLF):
//! the exempted members. Column headers are document text, always Vietnamese.

use crate::domain::date;
use crate::domain::lifecycle::ExemptRow;
use crate::domain::member::Member;
use crate::domain::text::{compare_names, ellipsize};
use crate::i18n::{Catalogue, Vi};

/// The header row of the exemptions list.
pub const EXEMPTION_HEADERS: [&str; 7] = [
    "Họ và tên",
    "Hình thức",
    "Lý do",
    "Ghi chú",
    "Từ ngày",
    "Đến ngày",
    "Nghị quyết/Quyết định",
];

fn cells(m: &Member, r: &ExemptRow) -> [String; 7] {
    [
        m.full_name.clone(),
        if r.full {
            "Miễn".into()
        } else {
            "Tạm miễn".into()
        },
        r.reason
            .map(|x| Vi.exemption_reason(x).to_string())
            .unwrap_or_default(),
        r.note.clone(),
        date::format_date(r.since),
        date::format_opt_date(r.until),
        r.decision.clone(),
    ]
}

fn sorted(rows: &[(Member, ExemptRow)]) -> Vec<&(Member, ExemptRow)> {
    let mut v: Vec<_> = rows.iter().collect();
    v.sort_by(|a, b| compare_names(&a.0.full_name, &b.0.full_name).then(a.1.since.cmp(&b.1.since)));
    v
}

/// The exemptions list as CSV for Excel.
pub fn exemptions_csv(rows: &[(Member, ExemptRow)]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(EXEMPTION_HEADERS);
    for (m, r) in sorted(rows) {
        let _ = w.write_record(cells(m, r));
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&body))
}

/// Title of the exemptions list (document text).
const EXEMPTIONS_TITLE: &str = "DANH SÁCH ĐẢNG VIÊN ĐƯỢC MIỄN, TẠM MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG";

/// The exemptions list as text that fits 80 columns: for a year, or in force on a date.
pub fn exemptions_txt(
    year: Option<i32>,
    on: chrono::NaiveDate,
    rows: &[(Member, ExemptRow)],
) -> String {
    let period = match year {
        Some(y) => format!("Năm {y}"),
        None => format!("Đến ngày {}", date::format_date(on)),
    };
    let mut out = format!("{EXEMPTIONS_TITLE}\n{period}\n\n");
    for (i, (m, r)) in sorted(rows).into_iter().enumerate() {
        let c = cells(m, r);
        out.push_str(&format!(
            "{:>2}. {:<26} {:<8} {}\n",
            i + 1,
            ellipsize(&c[0], 26),
            c[1],
            ellipsize(&c[2], 40)
        ));
        let mut tail = format!(
            "    {} → {}",
            c[4],
            if c[5].is_empty() { "—" } else { &c[5] }
        );
        if !c[6].is_empty() {
            tail.push_str(&format!("; {}", c[6]));
        }
        if !c[3].is_empty() {
            tail.push_str(&format!("; {}", c[3]));
        }
        out.push_str(&ellipsize(&tail, 80));
        out.push('\n');
    }
    out
}

/// The header row of the candidates list.
pub const CANDIDATE_HEADERS: [&str; 10] = [
    "Họ và tên",
    "Ngày sinh",
    "Nguồn",
    "Đảng viên giúp đỡ",
    "Bước hiện tại",
    "Từ ngày",
    "Số ngày",
    "Bước tiếp theo",
    "Hạn",
    "Quá hạn",
];

/// Title of the candidates list (document text).
const CANDIDATES_TITLE: &str = "DANH SÁCH QUẦN CHÚNG TRONG QUY TRÌNH KẾT NẠP ĐẢNG";

fn candidate_cells(
    c: &crate::domain::admission::Candidate,
    e: &crate::domain::admission::BoardEntry,
) -> [String; 10] {
    let a = Vi.admission();
    let source = a.source_line(c);
    [
        c.person.full_name.clone(),
        date::format_opt_date(c.person.birth_date),
        source,
        c.helper_name.clone(),
        e.stage.map(|s| a.stage(s).to_string()).unwrap_or_default(),
        date::format_opt_date(e.since),
        e.days.to_string(),
        e.next.map(|s| a.stage(s).to_string()).unwrap_or_default(),
        e.deadline.map(|d| a.deadline(&d)).unwrap_or_default(),
        if e.overdue {
            "Quá hạn".into()
        } else {
            String::new()
        },
    ]
}

/// Everyone in the admission pipeline on `on`, as the board orders them (overdue first),
/// with their current step and next deadline.
fn candidate_rows(
    cands: &[(
        crate::domain::admission::CandidateId,
        crate::domain::admission::Candidate,
    )],
    on: chrono::NaiveDate,
) -> Vec<[String; 10]> {
    let refs: Vec<_> = cands.iter().map(|(id, c)| (*id, c)).collect();
    crate::domain::admission::board(&refs, on)
        .iter()
        .filter_map(|e| {
            let c = cands.iter().find(|(id, _)| *id == e.id)?;
            Some(candidate_cells(&c.1, e))
        })
        .collect()
}

/// The candidates list as CSV for Excel.
pub fn candidates_csv(
    cands: &[(
        crate::domain::admission::CandidateId,
        crate::domain::admission::Candidate,
    )],
    on: chrono::NaiveDate,
) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(CANDIDATE_HEADERS);
    for row in candidate_rows(cands, on) {
        let _ = w.write_record(row.iter().map(|c| crate::domain::text::clean(c)));
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&body))
}

/// The candidates list as text that fits 80 columns, with the year's target when set.
pub fn candidates_txt(
    cands: &[(
        crate::domain::admission::CandidateId,
        crate::domain::admission::Candidate,
    )],
    on: chrono::NaiveDate,
    progress: &str,
) -> String {
    let mut out = format!(
        "{CANDIDATES_TITLE}\nĐến ngày {}\n{}\n\n",
        date::format_date(on),
        ellipsize(progress, 80)
    );
    for (i, c) in candidate_rows(cands, on).into_iter().enumerate() {
        let flag = if c[9].is_empty() { "" } else { "[QUÁ HẠN] " };
        out.push_str(&ellipsize(
            &format!(
                "{:>2}. {:<26} {:<10} {}",
                i + 1,
                ellipsize(&c[0], 26),
                c[1],
                c[2]
            ),
            80,
        ));
        out.push('\n');
        out.push_str(&ellipsize(
            &format!("    {} (từ {}, {} ngày)", c[4], c[5], c[6]),
            80,
        ));
        out.push('\n');
        if !c[7].is_empty() {
            out.push_str(&ellipsize(&format!("    Tiếp theo: {}", c[7]), 80));
            out.push('\n');
        }
        if !c[8].is_empty() {
            out.push_str(&ellipsize(&format!("    {flag}Hạn: {}", c[8]), 80));
            out.push('\n');
        }
    }
    out
}
