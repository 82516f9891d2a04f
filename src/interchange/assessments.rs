//! The year's review as superiors ask for it (document text, always Vietnamese): the
//! summary in the shape of the ward's reports ("- Hoàn thành xuất sắc nhiệm vụ: 10 đồng
//! chí (= 8,0%)"), the members not graded with the reason, each member's review, as text,
//! CSV for Excel, or a Word document in the Party layout.

use chrono::NaiveDate;

use super::docx::{Block, Document, Issuer, Run};
use crate::domain::branch::Branch;
use crate::domain::date;
use crate::domain::review::{self as rv, BranchYear, Grade, YearRow};
use crate::i18n::{Catalogue, Vi};

use super::xlsx::{Cell, Sheet};

/// Column width of the text export.
pub const TEXT_WIDTH: usize = 80;

/// The CSV header row.
pub const CSV_HEADERS: [&str; 12] = [
    "STT",
    "Họ và tên",
    "Tự chấm điểm",
    "Tự xếp loại",
    "Chi bộ đề xuất",
    "Tán thành",
    "Tổng số biểu quyết",
    "Đảng ủy xếp loại",
    "Số quyết định",
    "Ngày quyết định",
    "Không xếp loại (lý do)",
    "Tự đánh giá hằng tháng",
];

/// The head of a year's grading summary as the ward's reports write it: how many were
/// reviewed, each grade with its count and share, those pending and those not graded.
/// `count` writes the figures after the total (a branch pads them to two digits, the ward
/// groups thousands); the total is written with thousands grouped.
pub fn grade_lines(s: &rv::Summary, count: impl Fn(u32) -> String) -> Vec<String> {
    let graded: u32 = s.counts.iter().sum();
    let mut out = vec![format!(
        "Tổng số {} đồng chí được kiểm điểm, đánh giá{}:",
        crate::domain::stats::format_int(u64::from(graded)),
        if s.all_final || graded == 0 {
            ""
        } else {
            " (theo đề xuất của chi bộ)"
        }
    )];
    for (i, g) in Grade::ALL.iter().enumerate() {
        out.push(format!(
            "- {}: {} đồng chí (= {})",
            Vi.grade(*g),
            count(s.counts[i]),
            rv::format_share(s.permille[i])
        ));
    }
    if s.pending > 0 {
        out.push(format!(
            "- Chưa có kết quả xếp loại: {} đồng chí",
            count(s.pending)
        ));
    }
    if !s.not_graded.is_empty() {
        out.push(format!(
            "- Không xếp loại: {} đồng chí",
            count(s.not_graded.len() as u32)
        ));
    }
    out
}

/// The summary lines exactly as the ward's reports write them, then the members not
/// graded with their reason.
pub fn summary_lines(rows: &[YearRow]) -> Vec<String> {
    let s = rv::summary(rows);
    let mut out = grade_lines(&s, |n| format!("{n:02}"));
    for (name, why) in &s.not_graded {
        out.push(format!("  + Đồng chí {name}: {}", Vi.exclusion(why)));
    }
    if let Some(w) = s.cap {
        out.push(format!("Lưu ý: {}", Vi.review_warning(&w)));
    }
    out
}

/// The summary as text lines joined with `\n`.
pub fn summary_text(rows: &[YearRow]) -> String {
    let mut t = summary_lines(rows).join("\n");
    t.push('\n');
    t
}

fn grade_code(g: Option<Grade>) -> String {
    g.map(|g| g.code().to_string()).unwrap_or_default()
}

/// Each member's review as document blocks.
fn member_blocks(rows: &[YearRow]) -> Vec<Block> {
    let mut out = Vec::new();
    let item = |level: u8, marker: &str, text: String| Block::Item {
        level,
        marker: marker.into(),
        runs: vec![Run::plain(text)],
    };
    let mut n = 0;
    for r in rows.iter().filter(|r| r.excluded.is_none()) {
        n += 1;
        let rec = &r.review;
        out.push(Block::Item {
            level: 0,
            marker: format!("{n}."),
            runs: vec![Run::bold(format!("Đồng chí {}", r.name))],
        });
        let opt = |label: &str, v: &str| (!v.trim().is_empty()).then(|| format!("{label}: {v}"));
        let mut lines: Vec<String> = [
            opt("Kế hoạch phấn đấu, rèn luyện", &rec.plan),
            opt("Ưu điểm", &rec.strengths),
            opt("Hạn chế, khuyết điểm", &rec.weaknesses),
            opt("Nguyên nhân", &rec.causes),
            opt("Biện pháp khắc phục", &rec.remedies),
        ]
        .into_iter()
        .flatten()
        .collect();
        for m in &rec.monthly {
            lines.push(format!(
                "Tự đánh giá ngày {}: {}",
                date::format_date(m.date),
                m.text
            ));
        }
        if rec.self_score.is_some() || rec.self_grade.is_some() {
            lines.push(format!(
                "Tự chấm {} điểm, tự xếp loại: {}",
                rec.self_score
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "—".into()),
                rec.self_grade.map_or("—", |g| Vi.grade(g))
            ));
        }
        if let Some(c) = opt("Ý kiến của chi bộ", &rec.comments) {
            lines.push(c);
        }
        if let Some(g) = rec.proposed {
            let vote = rec
                .vote
                .map(|v| {
                    format!(
                        " ({}/{} đồng chí tán thành, {} không tán thành, {} không biểu quyết, \
                         vắng: {}; {})",
                        v.yes,
                        v.denominator,
                        v.no,
                        v.abstain,
                        v.denominator.saturating_sub(v.yes + v.no + v.abstain),
                        if v.passed { "đạt" } else { "không đạt" }
                    )
                })
                .unwrap_or_default();
            lines.push(format!("Chi bộ đề xuất: {}{vote}", Vi.grade(g)));
        }
        if let Some(g) = rec.final_grade {
            lines.push(format!(
                "Đảng ủy xếp loại: {} (Quyết định số {} ngày {})",
                Vi.grade(g),
                rec.decision,
                date::format_opt_date(rec.decided_on)
            ));
        }
        for w in &r.warnings {
            lines.push(format!("Lưu ý: {}", Vi.review_warning(w)));
        }
        out.extend(lines.into_iter().map(|l| item(1, "-", l)));
    }
    out
}

/// The year's review as a Party document: the summary, then each member.
pub fn assessments_document(
    branch: &Branch,
    year: i32,
    rows: &[YearRow],
    branch_year: Option<&BranchYear>,
    place: &str,
    on: NaiveDate,
) -> Document {
    let mut body = vec![Block::Heading(
        "I. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN".into(),
    )];
    for l in summary_lines(rows) {
        body.push(Block::Para(vec![Run::plain(l)]));
    }
    if let Some(g) = branch_year.and_then(|b| b.grade) {
        let note = branch_year
            .map(|b| b.note.trim().to_string())
            .filter(|n| !n.is_empty())
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        body.push(Block::Para(vec![Run::plain(format!(
            "Chi bộ được xếp loại: {}{note}.",
            Vi.grade(g)
        ))]));
    }
    body.push(Block::Heading("II. KẾT QUẢ CỦA TỪNG ĐẢNG VIÊN".into()));
    body.extend(member_blocks(rows));
    Issuer::branch(branch).report(
        format!("Kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {year}"),
        body,
        place,
        on,
    )
}

/// The year's list as CSV for Excel (UTF-8 with BOM, CRLF).
pub fn assessments_csv(rows: &[YearRow]) -> String {
    assessments_sheet(0, rows).to_csv()
}

/// The year's list as a table, for the CSV and the `.xlsx` export (`year` names the
/// sheet): scores and votes as numbers, the decision date as a date.
pub fn assessments_sheet(year: i32, rows: &[YearRow]) -> Sheet {
    let mut sheet = Sheet::new(&format!("Đánh giá, xếp loại {year}"), CSV_HEADERS);
    let text = |s: String| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    };
    for (i, r) in rows.iter().enumerate() {
        let rec = &r.review;
        let monthly: Vec<String> = rec
            .monthly
            .iter()
            .map(|m| format!("{}: {}", date::format_date(m.date), m.text))
            .collect();
        sheet.rows.push(vec![
            Cell::int(i as i64 + 1),
            text(r.name.clone()),
            Cell::opt_int(rec.self_score),
            text(grade_code(rec.self_grade)),
            text(grade_code(rec.proposed)),
            Cell::opt_int(rec.vote.map(|v| v.yes)),
            Cell::opt_int(rec.vote.map(|v| v.denominator)),
            text(grade_code(rec.final_grade)),
            text(rec.decision.clone()),
            Cell::opt_date(rec.decided_on),
            text(r.excluded.map(|x| Vi.exclusion(&x)).unwrap_or_default()),
            text(monthly.join(" | ")),
        ]);
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::{Exclusion, MemberReview};

    fn row(name: &str, g: Option<Grade>, excluded: Option<Exclusion>) -> YearRow {
        YearRow {
            id: 1,
            name: name.into(),
            excluded,
            review: MemberReview {
                final_grade: g,
                decision: "01-QĐ/ĐU".into(),
                ..MemberReview::default()
            },
            warnings: Vec::new(),
        }
    }

    #[test]
    fn the_summary_has_the_reports_shape_and_adds_up() {
        let mut rows = Vec::new();
        rows.extend((0..10).map(|_| row("A", Some(Grade::Excellent), None)));
        rows.extend((0..111).map(|_| row("B", Some(Grade::Good), None)));
        rows.extend((0..4).map(|_| row("C", Some(Grade::Completed), None)));
        rows.push(row("Trần Văn Miễn", None, Some(Exclusion::Exempt)));
        let t = summary_text(&rows);
        assert!(
            t.starts_with("Tổng số 125 đồng chí được kiểm điểm, đánh giá:\n"),
            "{t}"
        );
        assert!(
            t.contains("- Hoàn thành xuất sắc nhiệm vụ: 10 đồng chí (= 8,0%)\n"),
            "{t}"
        );
        assert!(
            t.contains("- Hoàn thành tốt nhiệm vụ: 111 đồng chí (= 88,8%)\n"),
            "{t}"
        );
        assert!(
            t.contains("- Hoàn thành nhiệm vụ: 04 đồng chí (= 3,2%)\n"),
            "{t}"
        );
        assert!(
            t.contains("- Không hoàn thành nhiệm vụ: 00 đồng chí (= 0,0%)\n"),
            "{t}"
        );
        assert!(
            t.contains("- Không xếp loại: 01 đồng chí\n  + Đồng chí Trần Văn Miễn: miễn công tác"),
            "{t}"
        );
    }
}
