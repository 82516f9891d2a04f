//! Lists the ward asks for, as 80-column text or as CSV for Excel (UTF-8 BOM, CRLF):
//! the exempted members. Column headers are document text, always Vietnamese.

use crate::domain::date;
use crate::domain::lifecycle::ExemptRow;
use crate::domain::member::Member;
use crate::domain::text::{compare_names, ellipsize};
use crate::i18n::{Catalogue, Vi};

use super::xlsx::{Cell, Sheet};

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

fn cells(m: &Member, r: &ExemptRow) -> [Cell; 7] {
    let text = |s: &str| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::text(s)
        }
    };
    [
        text(&m.full_name),
        Cell::text(if r.full { "Miễn" } else { "Tạm miễn" }),
        r.reason
            .map_or(Cell::Empty, |x| Cell::text(Vi.exemption_reason(x))),
        text(&r.note),
        Cell::Date(r.since),
        Cell::opt_date(r.until),
        text(&r.decision),
    ]
}

fn sorted(rows: &[(Member, ExemptRow)]) -> Vec<&(Member, ExemptRow)> {
    let mut v: Vec<_> = rows.iter().collect();
    v.sort_by(|a, b| compare_names(&a.0.full_name, &b.0.full_name).then(a.1.since.cmp(&b.1.since)));
    v
}

/// The exemptions list as CSV for Excel.
pub fn exemptions_csv(rows: &[(Member, ExemptRow)]) -> String {
    exemptions_sheet(rows).to_csv()
}

/// The exemptions list as a table, for the CSV and the `.xlsx` export.
pub fn exemptions_sheet(rows: &[(Member, ExemptRow)]) -> Sheet {
    let mut sheet = Sheet::new("Miễn sinh hoạt", EXEMPTION_HEADERS);
    sheet.rows = sorted(rows)
        .into_iter()
        .map(|(m, r)| cells(m, r).to_vec())
        .collect();
    sheet
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
        let c = cells(m, r).map(|c| c.plain());
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
) -> [Cell; 10] {
    let a = Vi.admission();
    // Cleaned: no control characters, NFC, single spaces (free text typed in the app).
    let text = |s: &str| {
        let s = crate::domain::text::clean(s);
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    };
    [
        text(&c.person.full_name),
        Cell::opt_date(c.person.birth_date),
        text(&a.source_line(c)),
        text(&c.helper_name),
        e.stage.map_or(Cell::Empty, |s| text(a.stage(s))),
        Cell::opt_date(e.since),
        Cell::int(e.days),
        e.next.map_or(Cell::Empty, |s| text(a.stage(s))),
        e.deadline.map_or(Cell::Empty, |d| text(&a.deadline(&d))),
        if e.overdue {
            Cell::text("Quá hạn")
        } else {
            Cell::Empty
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
) -> Vec<[Cell; 10]> {
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
    candidates_sheet(cands, on).to_csv()
}

/// The candidates list as a table, for the CSV and the `.xlsx` export.
pub fn candidates_sheet(
    cands: &[(
        crate::domain::admission::CandidateId,
        crate::domain::admission::Candidate,
    )],
    on: chrono::NaiveDate,
) -> Sheet {
    let mut sheet = Sheet::new("Quần chúng kết nạp", CANDIDATE_HEADERS);
    sheet.rows = candidate_rows(cands, on)
        .into_iter()
        .map(|r| r.to_vec())
        .collect();
    sheet
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
    let refs: Vec<_> = cands.iter().map(|(id, c)| (*id, c)).collect();
    let flags: Vec<Vec<crate::domain::acts::LateFlag>> = crate::domain::admission::board(&refs, on)
        .iter()
        .filter_map(|e| cands.iter().find(|(id, _)| *id == e.id))
        .map(|(_, c)| c.late_flags())
        .collect();
    let vi = crate::i18n::rules::catalogue(crate::i18n::Lang::Vi);
    for (i, c) in candidate_rows(cands, on).into_iter().enumerate() {
        let c = c.map(|c| c.plain());
        // #22.2: a step recorded late shows its flag and reason.
        let late: Vec<String> = flags
            .get(i)
            .map(|fs| fs.iter().map(|f| vi.late_flag(f)).collect())
            .unwrap_or_default();
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
        for l in late {
            for line in super::docx::wrap(&l, 80, "    ", 6) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// The admission pipeline as the branch's Party report (BÁO CÁO, rules.md §10): the year's
/// progress against the target, then each candidate with the current step, the next one
/// and its deadline, overdue ones first.
pub fn candidates_document(
    branch: &crate::domain::branch::Branch,
    cands: &[(
        crate::domain::admission::CandidateId,
        crate::domain::admission::Candidate,
    )],
    on: chrono::NaiveDate,
    progress: &str,
    place: &str,
) -> super::docx::Document {
    use super::docx::{Block, Issuer, Run};
    let mut body = vec![
        Block::Heading("I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU".into()),
        Block::Para(vec![Run::plain(progress)]),
        Block::Heading("II. QUẦN CHÚNG TRONG QUY TRÌNH KẾT NẠP".into()),
    ];
    let rows = candidate_rows(cands, on);
    if rows.is_empty() {
        body.push(Block::Para(vec![Run::plain(
            "Hiện chi bộ chưa có quần chúng trong quy trình kết nạp.",
        )]));
    }
    for (i, c) in rows.into_iter().enumerate() {
        let c = c.map(|c| c.plain());
        let mut text = format!("{} (sinh ngày {}; {}): {}", c[0], c[1], c[2], c[4]);
        if !c[5].is_empty() {
            text.push_str(&format!(" từ ngày {}", c[5]));
        }
        if !c[7].is_empty() {
            text.push_str(&format!("; bước tiếp theo: {}", c[7]));
        }
        if !c[8].is_empty() {
            text.push_str(&format!(" ({})", c[8]));
        }
        if !c[9].is_empty() {
            text.push_str(" — quá hạn");
        }
        text.push('.');
        body.push(Block::Item {
            level: 0,
            marker: format!("{}.", i + 1),
            runs: vec![Run::plain(text)],
        });
    }
    Issuer::branch(branch).report(
        format!(
            "Tình hình công tác phát triển đảng viên đến ngày {}",
            date::format_date(on)
        ),
        body,
        place,
        on,
    )
}
