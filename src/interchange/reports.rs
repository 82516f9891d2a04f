//! The figures reports (báo cáo thống kê) as 80-column text with simple bar charts, or as
//! CSV for Excel. Labels are document text in Vietnamese, as the ward receives them.

use chrono::NaiveDate;

use crate::domain::branch::Branch;
use crate::domain::date::format_date;
use crate::domain::meeting::MeetingKind;
use crate::domain::member::{Occupation, PoliticalTheory, Professional};
use crate::domain::stats::{
    self, MeetingFigures, Movements, Structure, format_int, format_permille,
};
use crate::i18n::{Catalogue, Vi};

use super::docx::{Block, Document, Issuer, Run};
use super::xlsx::{Cell, Sheet};

/// One section of a report: title and rows of (label, count).
pub type Section = (String, Vec<(String, u32)>);

/// The sections of the member-structure report, in the order of seed 004 §2.1.
pub fn structure_sections(s: &Structure) -> Vec<Section> {
    let with_unknown = |labels: Vec<String>, counts: &[u32]| -> Vec<(String, u32)> {
        let mut v: Vec<(String, u32)> = labels.into_iter().zip(counts.iter().copied()).collect();
        if let Some(last) = counts.last().filter(|n| **n > 0) {
            v.push(("Chưa ghi".into(), *last));
        }
        v
    };
    vec![
        (
            "Loại đảng viên".into(),
            vec![
                ("Chính thức".into(), s.official),
                ("Dự bị".into(), s.probationary),
            ],
        ),
        (
            "Giới tính".into(),
            vec![("Nữ".into(), s.women), ("Nam".into(), s.total - s.women)],
        ),
        (
            "Độ tuổi".into(),
            with_unknown(
                vec![
                    "Dưới 30 tuổi".into(),
                    "Từ 30 đến dưới 40".into(),
                    "Từ 40 đến dưới 60".into(),
                    "Từ 60 tuổi trở lên".into(),
                ],
                &s.ages,
            ),
        ),
        (
            "Trình độ học vấn".into(),
            with_unknown(
                vec![
                    "Trung học phổ thông".into(),
                    "Trung học cơ sở".into(),
                    "Tiểu học".into(),
                ],
                &s.schooling,
            ),
        ),
        (
            "Trình độ chuyên môn".into(),
            with_unknown(
                Professional::ALL
                    .iter()
                    .map(|p| Vi.professional(*p).to_string())
                    .collect(),
                &s.professional,
            ),
        ),
        (
            "Lý luận chính trị".into(),
            with_unknown(
                PoliticalTheory::ALL
                    .iter()
                    .map(|p| Vi.political_theory(*p).to_string())
                    .collect(),
                &s.theory,
            ),
        ),
        (
            "Nghề nghiệp".into(),
            with_unknown(
                Occupation::ALL
                    .iter()
                    .map(|o| Vi.occupation(*o).to_string())
                    .collect(),
                &s.occupation,
            ),
        ),
        ("Dân tộc".into(), s.ethnicity.clone()),
        ("Tôn giáo".into(), s.religion.clone()),
    ]
}

/// The glyph the printed reports draw their bars with (the screen recolours it, and
/// draws `#` on consoles without block glyphs).
pub const BAR: char = '█';

fn bar(permille: u32, width: usize) -> String {
    let n = (permille as usize * width + 500) / 1000;
    BAR.to_string().repeat(n)
}

/// Sections as text: each row with its count, its share (adding up to 100,0%) and a bar.
pub fn sections_txt(title: &str, subtitle: &str, total_line: &str, sections: &[Section]) -> String {
    let mut out = format!("{title}\n{subtitle}\n\n{total_line}\n");
    for (name, rows) in sections {
        out.push_str(&format!("\n{name}\n"));
        let counts: Vec<u32> = rows.iter().map(|(_, n)| *n).collect();
        for ((label, n), p) in rows.iter().zip(stats::shares(&counts)) {
            let label = crate::domain::text::ellipsize(label, 30);
            out.push_str(&format!(
                "  {label:<30} {:>6} {:>7}  {}\n",
                format_int(u64::from(*n)),
                format_permille(p),
                bar(p, 25)
            ));
        }
    }
    out
}

/// Sections as CSV rows: section, label, count, percent.
pub fn sections_csv(sections: &[Section]) -> String {
    sections_sheet("", sections).to_csv()
}

/// Sections as one table (section, label, count, share), for the CSV and the `.xlsx`
/// export; in the spreadsheet an empty row separates the sections, so each one is a
/// block to select and paste, and each row still names its section.
pub fn sections_sheet(name: &str, sections: &[Section]) -> Sheet {
    let mut sheet = Sheet::new(name, ["Mục", "Chỉ tiêu", "Số đảng viên", "Tỷ lệ"]);
    for (title, rows) in sections {
        sheet.section_break();
        let counts: Vec<u32> = rows.iter().map(|(_, n)| *n).collect();
        for ((label, n), p) in rows.iter().zip(stats::shares(&counts)) {
            sheet.rows.push(vec![
                Cell::text(title),
                Cell::text(label),
                Cell::int(*n),
                Cell::Percent(p),
            ]);
        }
    }
    sheet
}

/// Name of the member-structure sheet.
pub const STRUCTURE_SHEET: &str = "Cơ cấu đảng viên";

/// The member-structure report as a table (see [`sections_sheet`]).
pub fn structure_sheet(s: &Structure) -> Sheet {
    sections_sheet(STRUCTURE_SHEET, &structure_sections(s))
}

/// The member-structure report.
pub fn structure_report(branch: &str, s: &Structure, at: NaiveDate, csv: bool) -> String {
    let sections = structure_sections(s);
    if csv {
        return sections_csv(&sections);
    }
    let total = format!(
        "Tổng số: {} đảng viên (chính thức {}, dự bị {}); miễn, tạm miễn sinh hoạt: {}.",
        format_int(u64::from(s.total)),
        format_int(u64::from(s.official)),
        format_int(u64::from(s.probationary)),
        format_int(u64::from(s.exempt))
    );
    sections_txt(
        "CƠ CẤU ĐỘI NGŨ ĐẢNG VIÊN",
        &format!("{branch} — tính đến ngày {}", format_date(at)),
        &total,
        &sections,
    )
}

/// The rows of the movements report, in the order the ward reports them.
fn movement_rows(m: &Movements) -> Vec<(String, u32)> {
    vec![
        ("Kết nạp mới".to_string(), m.admitted),
        ("Chuyển đến".into(), m.transferred_in),
        ("Chuyển đi".into(), m.transferred_out),
        ("Xóa tên".into(), m.removed),
        ("Từ trần".into(), m.deceased),
        ("Khai trừ".into(), m.expelled),
    ]
}

/// "Số lượng đảng viên biến động theo hướng tăng 2 đồng chí." (or "không thay đổi").
fn net_sentence(net: i64) -> String {
    if net == 0 {
        return "Số lượng đảng viên không thay đổi.".into();
    }
    let dir = if net > 0 { "tăng" } else { "giảm" };
    format!(
        "Số lượng đảng viên biến động theo hướng {dir} {} đồng chí.",
        net.unsigned_abs()
    )
}

/// The movements report for a period.
pub fn movements_report(
    branch: &str,
    m: &Movements,
    from: NaiveDate,
    to: NaiveDate,
    csv: bool,
) -> String {
    if csv {
        return movements_sheet(m).to_csv();
    }
    let rows = movement_rows(m);
    let net = m.net();
    let mut out = format!(
        "BIẾN ĐỘNG ĐẢNG VIÊN\n{branch} — từ ngày {} đến ngày {}\n\n",
        format_date(from),
        format_date(to)
    );
    for (l, n) in rows {
        out.push_str(&format!("  {l:<20} {:>6}\n", format_int(u64::from(n))));
    }
    out.push_str(&format!("\n{}\n", net_sentence(net)));
    out
}

/// The movements report as a table: each movement with its count, then the net change
/// (a signed number), for the CSV and the `.xlsx` export.
pub fn movements_sheet(m: &Movements) -> Sheet {
    let mut sheet = Sheet::new("Biến động", ["Biến động", "Số đảng viên"]);
    for (l, n) in movement_rows(m) {
        sheet.rows.push(vec![Cell::Text(l), Cell::int(n)]);
    }
    sheet
        .rows
        .push(vec![Cell::text("Tăng (+) / giảm (-)"), Cell::Int(m.net())]);
    sheet
}

/// The attendance of each meeting as a table (date, kind, present, expected, rate), for
/// the CSV and the `.xlsx` export.
pub fn meetings_sheet(f: &MeetingFigures) -> Sheet {
    let mut sheet = Sheet::new(
        "Sinh hoạt chi bộ",
        ["Ngày", "Loại", "Có mặt", "Phải có mặt", "Tỷ lệ"],
    );
    for (d, k, p, e) in &f.attendance {
        sheet.rows.push(vec![
            Cell::Date(*d),
            Cell::text(Vi.meeting_kind(*k)),
            Cell::int(*p),
            Cell::int(*e),
            Cell::Percent(stats::permille(u64::from(*p), u64::from(*e))),
        ]);
    }
    sheet
}

/// The meetings report for a period: meetings held by kind and attendance per meeting.
pub fn meetings_report(
    branch: &str,
    f: &MeetingFigures,
    from: NaiveDate,
    to: NaiveDate,
    csv: bool,
) -> String {
    if csv {
        return meetings_sheet(f).to_csv();
    }
    let mut out = format!(
        "SINH HOẠT CHI BỘ\n{branch} — từ ngày {} đến ngày {}\n\n",
        format_date(from),
        format_date(to)
    );
    for (k, n) in MeetingKind::ALL.iter().zip(f.held) {
        out.push_str(&format!("  {:<22} {:>4} buổi\n", Vi.meeting_kind(*k), n));
    }
    out.push_str(&format!(
        "\nTỷ lệ đảng viên dự sinh hoạt bình quân: {}\n\n",
        format_permille(f.rate())
    ));
    for (d, k, p, e) in &f.attendance {
        let rate = stats::permille(u64::from(*p), u64::from(*e));
        out.push_str(&format!(
            "  {} {:<20} {:>3}/{:<3} {:>7}  {}\n",
            format_date(*d),
            Vi.meeting_kind(*k),
            p,
            e,
            format_permille(rate),
            bar(rate, 20)
        ));
    }
    let named = f.named_members();
    if !named.is_empty() {
        out.push_str("\nTỷ lệ dự sinh hoạt của từng đảng viên\n\n");
        for (name, p, e) in named {
            let rate = stats::permille(u64::from(*p), u64::from(*e));
            out.push_str(&format!(
                "  {:<31} {:>3}/{:<3} {:>7}  {}\n",
                crate::domain::text::ellipsize(name, 31),
                p,
                e,
                format_permille(rate),
                bar(rate, 20)
            ));
        }
    }
    out
}

/// Which figures report a Word document holds, with its data.
pub enum Figures<'a> {
    /// Member structure at a date.
    Structure(&'a Structure, NaiveDate),
    /// Movements in a period.
    Movements(&'a Movements, NaiveDate, NaiveDate),
    /// Meetings in a period.
    Meetings(&'a MeetingFigures, NaiveDate, NaiveDate),
}

/// A figures report as a Party document (BÁO CÁO, rules.md §10) of the branch: header,
/// summary line, then the figures as in [`figures_blocks`].
pub fn figures_document(branch: &Branch, figures: Figures, place: &str, on: NaiveDate) -> Document {
    let (summary, body) = figures_blocks(figures);
    Issuer::branch(branch).report(summary, body, place, on)
}

/// The summary line and body of a figures report: each section as a heading and its
/// rows as "- label: count (share)".
pub fn figures_blocks(figures: Figures) -> (String, Vec<Block>) {
    let item = |text: String| Block::Item {
        level: 0,
        marker: "-".into(),
        runs: vec![Run::plain(text)],
    };
    let counted = |rows: &[(String, u32)], unit: &str| -> Vec<Block> {
        let counts: Vec<u32> = rows.iter().map(|(_, n)| *n).collect();
        rows.iter()
            .zip(stats::shares(&counts))
            .map(|((label, n), p)| {
                item(format!(
                    "{label}: {} {unit} ({})",
                    format_int(u64::from(*n)),
                    format_permille(p)
                ))
            })
            .collect()
    };
    let mut body = Vec::new();
    let summary = match figures {
        Figures::Structure(s, at) => {
            body.push(Block::Para(vec![Run::plain(format!(
                "Tổng số: {} đảng viên (chính thức {}, dự bị {}); miễn, tạm miễn sinh hoạt: {}.",
                format_int(u64::from(s.total)),
                format_int(u64::from(s.official)),
                format_int(u64::from(s.probationary)),
                format_int(u64::from(s.exempt))
            ))]));
            for (i, (name, rows)) in structure_sections(s).iter().enumerate() {
                body.push(Block::Heading(format!("{}. {}", i + 1, name)));
                body.extend(counted(rows, "đồng chí"));
            }
            format!("Cơ cấu đội ngũ đảng viên tính đến ngày {}", format_date(at))
        }
        Figures::Movements(m, from, to) => {
            for (label, n) in movement_rows(m) {
                body.push(item(format!(
                    "{label}: {} đồng chí",
                    format_int(u64::from(n))
                )));
            }
            body.push(Block::Para(vec![Run::plain(net_sentence(m.net()))]));
            format!(
                "Biến động đảng viên từ ngày {} đến ngày {}",
                format_date(from),
                format_date(to)
            )
        }
        Figures::Meetings(f, from, to) => {
            body.push(Block::Heading("1. Số buổi sinh hoạt".into()));
            for (k, n) in MeetingKind::ALL.iter().zip(f.held) {
                body.push(item(format!("{}: {n} buổi", Vi.meeting_kind(*k))));
            }
            body.push(Block::Heading("2. Tỷ lệ đảng viên dự sinh hoạt".into()));
            body.push(Block::Para(vec![Run::plain(format!(
                "Bình quân: {}.",
                format_permille(f.rate())
            ))]));
            for (d, k, p, e) in &f.attendance {
                let rate = stats::permille(u64::from(*p), u64::from(*e));
                body.push(item(format!(
                    "{} ({}): {p}/{e} đồng chí ({})",
                    format_date(*d),
                    Vi.meeting_kind(*k),
                    format_permille(rate)
                )));
            }
            let named = f.named_members();
            if !named.is_empty() {
                body.push(Block::Heading(
                    "3. Tỷ lệ dự sinh hoạt của từng đảng viên".into(),
                ));
                for (name, p, e) in named {
                    let rate = stats::permille(u64::from(*p), u64::from(*e));
                    body.push(item(format!(
                        "Đồng chí {name}: {p}/{e} buổi ({})",
                        format_permille(rate)
                    )));
                }
            }
            format!(
                "Tình hình sinh hoạt chi bộ từ ngày {} đến ngày {}",
                format_date(from),
                format_date(to)
            )
        }
    };
    (summary, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::text;

    #[test]
    fn reports_fit_80_columns_and_percentages_add_up() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let ms = demo::demo_members(2026, 35, today);
        let s = stats::structure(&ms, today);
        let t = structure_report("Chi bộ Tổ dân phố Hòa Bình", &s, today, false);
        assert!(t.lines().all(|l| text::width(l) <= 80), "{t}");
        assert!(t.contains(&format!("Tổng số: {} đảng viên", s.total)));
        for (_, rows) in structure_sections(&s) {
            let counts: Vec<u32> = rows.iter().map(|(_, n)| *n).collect();
            if counts.iter().sum::<u32>() > 0 {
                assert_eq!(stats::shares(&counts).iter().sum::<u32>(), 1000);
            }
        }
        let c = structure_report("x", &s, today, true);
        assert!(c.starts_with("\u{feff}Mục,Chỉ tiêu"));
        let mv = stats::movements(&ms, stats::year_start(today), today);
        let t = movements_report("x", &mv, stats::year_start(today), today, false);
        assert!(
            t.contains("Từ trần") && t.contains("Số lượng đảng viên"),
            "{t}"
        );
    }

    #[test]
    fn the_net_change_says_up_down_or_unchanged() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let say = |m: stats::Movements| movements_report("x", &m, d, d, false);
        let up = stats::Movements {
            admitted: 3,
            deceased: 1,
            ..Default::default()
        };
        assert!(say(up).contains("theo hướng tăng 2 đồng chí"));
        let down = stats::Movements {
            transferred_out: 2,
            ..Default::default()
        };
        assert!(say(down).contains("theo hướng giảm 2 đồng chí"));
        let even = stats::Movements {
            admitted: 1,
            removed: 1,
            ..Default::default()
        };
        let t = say(even);
        assert!(t.contains("không thay đổi") && !t.contains("tăng 0"), "{t}");
    }
}
