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

fn sorted<'a>(rows: &'a [(Member, ExemptRow)]) -> Vec<&'a (Member, ExemptRow)> {
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
