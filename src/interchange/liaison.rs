//! Liaison members (QĐ 213) out of the app: the list as CSV/`.xlsx`/text, the comment
//! document of one member (BẢN NHẬN XÉT, Party layout) and the list of a year's comments
//! (`.docx` and text). Document text is always Vietnamese.

use chrono::NaiveDate;

use super::docx::{Block, Document, PartyHeader, Run, Signature, SignatureColumn, place_and_date};
use super::xlsx::{Cell, Sheet};
use crate::domain::branch::Branch;
use crate::domain::date::format_date;
use crate::domain::liaison::{self, Liaison, LiaisonId, LiaisonKind};
use crate::domain::rules::{self, RuleId};
use crate::i18n::Lang;

/// Width of the text exports.
pub const TEXT_WIDTH: usize = 80;

/// The header row of the list (also what an import reads).
pub const HEADERS: [&str; 11] = [
    "Họ và tên",
    "Năm sinh",
    "Địa chỉ nơi cư trú",
    "Nơi công tác",
    "Tổ chức đảng nơi công tác",
    "Số giấy giới thiệu",
    "Ngày nhận giấy giới thiệu",
    "Diện",
    "Điện thoại",
    "Nhận xét năm",
    "Ngày gửi nhận xét",
];

/// The sheet's name.
pub const SHEET_NAME: &str = "Liên hệ nơi cư trú";

/// The list as a table for CSV and `.xlsx`: everyone, by name, with the comment of `year`.
pub fn sheet(list: &[(LiaisonId, Liaison)], year: i32) -> Sheet {
    let vi = crate::i18n::liaison::of(Lang::Vi);
    let text = |s: &str| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::text(s)
        }
    };
    let mut sheet = Sheet::new(SHEET_NAME, HEADERS);
    sheet.rows = liaison::sorted(list)
        .into_iter()
        .map(|(_, l)| {
            let c = l.comment(year);
            vec![
                text(&l.full_name),
                Cell::opt_int(l.birth_year),
                text(&l.address),
                text(&l.workplace),
                text(&l.workplace_party),
                text(&l.letter_number),
                Cell::opt_date(l.letter_received),
                Cell::text(vi.kind(l.kind)),
                text(&l.phone),
                c.map_or(Cell::Empty, |c| Cell::int(c.year)),
                Cell::opt_date(c.and_then(|c| c.sent_on)),
            ]
        })
        .collect();
    sheet
}

/// The list as CSV for Excel.
pub fn csv(list: &[(LiaisonId, Liaison)], year: i32) -> String {
    sheet(list, year).to_csv()
}

/// The signing authority: "T/M CHI ỦY" where the branch has a committee (a deputy
/// secretary is set), else "T/M CHI BỘ".
pub fn on_behalf(branch: &Branch) -> &'static str {
    if branch.deputy.trim().is_empty() {
        "T/M CHI BỘ"
    } else {
        "T/M CHI ỦY"
    }
}

fn header(branch: &Branch, place: &str, on: NaiveDate) -> PartyHeader {
    PartyHeader {
        superior: branch.superior.clone(),
        issuer: branch.name.clone(),
        number: "Số     -NX/CB".into(),
        place_date: place_and_date(place, on),
    }
}

fn signature(branch: &Branch) -> Signature {
    Signature {
        left: SignatureColumn::default(),
        right: SignatureColumn {
            titles: vec![on_behalf(branch).into(), "BÍ THƯ".into()],
            name: branch.secretary.clone(),
        },
    }
}

fn para(s: &str) -> Block {
    Block::Para(vec![Run::plain(s)])
}

/// Paragraphs of a multi-line text (an empty text gives a dotted line to fill by hand).
fn paras(s: &str) -> Vec<Block> {
    let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return vec![para("……………………………………………………")];
    }
    lines.into_iter().map(para).collect()
}

fn who(l: &Liaison) -> String {
    match l.birth_year {
        Some(y) => format!("{}, sinh năm {y}", l.full_name),
        None => l.full_name.clone(),
    }
}

/// The comment document of one member for `year` (BẢN NHẬN XÉT): addressed to the
/// workplace's party organisation, the branch's comment, the front committee's opinion,
/// signed for the committee or the branch by the secretary.
pub fn comment_document(
    branch: &Branch,
    l: &Liaison,
    year: i32,
    place: &str,
    on: NaiveDate,
) -> Document {
    let c = l.comment(year).cloned().unwrap_or_default();
    let date = c.sent_on.unwrap_or(on);
    let mut body = vec![
        para(&format!(
            "Kính gửi: {}",
            if l.workplace_party.is_empty() {
                &l.workplace
            } else {
                &l.workplace_party
            }
        )),
        para(&format!(
            "Thực hiện Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị về trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú, sau khi lấy ý kiến Ban công tác Mặt trận, {} nhận xét đồng chí:",
            branch.name
        )),
        Block::Item {
            level: 0,
            marker: "-".into(),
            runs: vec![Run::plain(format!("Họ và tên: {}", who(l)))],
        },
        Block::Item {
            level: 0,
            marker: "-".into(),
            runs: vec![Run::plain(format!("Nơi cư trú: {}", l.address))],
        },
        Block::Item {
            level: 0,
            marker: "-".into(),
            runs: vec![Run::plain(format!("Nơi công tác: {}", l.workplace))],
        },
        Block::Heading("1. Nhận xét của chi bộ".into()),
    ];
    body.extend(paras(&c.comment));
    body.push(Block::Heading("2. Ý kiến của Ban công tác Mặt trận".into()));
    body.extend(paras(&c.front_opinion));
    Document {
        header: header(branch, place, date),
        kind: "BẢN NHẬN XÉT".into(),
        summary: vec![
            "Đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú"
                .into(),
            format!("Năm {year}"),
        ],
        body,
        signature: signature(branch),
        recipients: Vec::new(),
        after: Vec::new(),
    }
}

/// The list of a year's comments (DANH SÁCH): everyone, by name, with the comment and
/// the front committee's opinion, the day each was sent, and the exempt kinds marked.
pub fn year_document(
    branch: &Branch,
    list: &[(LiaisonId, Liaison)],
    year: i32,
    place: &str,
    on: NaiveDate,
) -> Document {
    let f = liaison::figures(list.iter().map(|(_, l)| l), year);
    let mut body = vec![para(&format!(
        "Chi bộ có {} đảng viên giữ mối liên hệ với nơi cư trú; {} thuộc diện nhận xét hằng năm; đã gửi {} bản nhận xét năm {year}.",
        f.members, f.yearly, f.sent
    ))];
    for (i, (_, l)) in liaison::sorted(list).into_iter().enumerate() {
        body.push(Block::Item {
            level: 0,
            marker: format!("{}.", i + 1),
            runs: vec![Run::bold(who(l)), Run::plain(format!(" — {}", l.workplace))],
        });
        let mut line = |s: String| {
            body.push(Block::Item {
                level: 1,
                marker: "-".into(),
                runs: vec![Run::plain(s)],
            })
        };
        if !l.kind.yearly_comment() {
            let rule = match l.kind {
                LiaisonKind::ExemptFromIntroduction => RuleId::LiaisonIntroductionExemptNoComment,
                _ => RuleId::LiaisonActivityExemptNoComment,
            };
            line(format!(
                "Không nhận xét hằng năm ({}).",
                rules::rule(rule).source
            ));
        }
        match l.comment(year) {
            Some(c) => {
                line(format!("Nhận xét: {}", c.comment.replace('\n', " ")));
                if !c.front_opinion.is_empty() {
                    line(format!(
                        "Ý kiến Ban công tác Mặt trận: {}",
                        c.front_opinion.replace('\n', " ")
                    ));
                }
                line(match c.sent_on {
                    Some(d) => format!("Đã gửi ngày {}.", format_date(d)),
                    None => "Chưa gửi.".into(),
                });
            }
            None if l.kind.yearly_comment() => line("Chưa nhận xét.".into()),
            None => {}
        }
    }
    Document {
        header: header(branch, place, on),
        kind: "DANH SÁCH".into(),
        summary: vec![format!(
            "Nhận xét đảng viên giữ mối liên hệ với nơi cư trú năm {year}"
        )],
        body,
        signature: signature(branch),
        recipients: Vec::new(),
        after: Vec::new(),
    }
}

/// The list of a year's comments as text of [`TEXT_WIDTH`] columns.
pub fn year_text(
    branch: &Branch,
    list: &[(LiaisonId, Liaison)],
    year: i32,
    place: &str,
    on: NaiveDate,
) -> String {
    year_document(branch, list, year, place, on).to_text(TEXT_WIDTH)
}

/// The branch figures' line on liaison members (document text), `None` when the branch
/// has none: how many, how many are commented on yearly, how many comments of `year` were
/// sent. The structure report prints it under the member structure.
pub fn figures_line(list: &[(LiaisonId, Liaison)], year: i32) -> Option<String> {
    let f = liaison::figures(list.iter().map(|(_, l)| l), year);
    (f.members > 0).then(|| figures_text(&f, year))
}

/// "Đảng viên đang công tác giữ mối liên hệ với nơi cư trú (QĐ 213): …" for figures.
pub fn figures_text(f: &liaison::LiaisonFigures, year: i32) -> String {
    format!(
        "Đảng viên đang công tác giữ mối liên hệ với nơi cư trú (QĐ 213): {} đồng chí; {} thuộc diện nhận xét hằng năm; đã gửi nhận xét năm {year}: {}.",
        f.members, f.yearly, f.sent
    )
}

/// The ward's figures on liaison members: the sum over the branches' registers (their
/// bundles keep each record's kind and the days comments were sent).
pub fn ward_figures<'a>(
    regs: impl IntoIterator<Item = &'a crate::domain::register::Register>,
    year: i32,
) -> liaison::LiaisonFigures {
    let mut sum = liaison::LiaisonFigures::default();
    for r in regs {
        let f = liaison::figures(r.liaisons.iter().map(|(_, l)| l), year);
        sum.members += f.members;
        sum.yearly += f.yearly;
        sum.sent += f.sent;
    }
    sum
}

/// A file name part for a person: the name folded to ASCII, words joined by `-`.
pub fn slug(name: &str) -> String {
    crate::domain::text::fold(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Writes the comment of one member for `year` as `nhan-xet-<name>-<year>.docx` and
/// `.txt` into `dir`; returns what was written, for the user.
pub fn write_comment(
    dir: &std::path::Path,
    branch: &Branch,
    l: &Liaison,
    year: i32,
    on: NaiveDate,
) -> Result<String, std::io::Error> {
    let place = super::place_name(branch);
    let doc = comment_document(branch, l, year, &place, on);
    let docx = doc.to_docx().map_err(std::io::Error::other)?;
    let text = super::minutes::to_crlf(&doc.to_text(TEXT_WIDTH));
    super::write_files(
        dir,
        &format!("nhan-xet-{}-{year}", slug(&l.full_name)),
        &[("docx", docx), ("txt", text.into_bytes())],
    )
}

/// Writes the list of a year's comments as `nhan-xet-<year>.docx` and `.txt` into `dir`;
/// returns what was written, for the user.
pub fn write_year(
    dir: &std::path::Path,
    branch: &Branch,
    list: &[(LiaisonId, Liaison)],
    year: i32,
    on: NaiveDate,
) -> Result<String, std::io::Error> {
    let place = super::place_name(branch);
    let doc = year_document(branch, list, year, &place, on);
    let docx = doc.to_docx().map_err(std::io::Error::other)?;
    let text = super::minutes::to_crlf(&doc.to_text(TEXT_WIDTH));
    super::write_files(
        dir,
        &format!("nhan-xet-{year}"),
        &[("docx", docx), ("txt", text.into_bytes())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::liaison::YearComment;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The text of `word/document.xml` in a `.docx` package.
    fn document_xml(bytes: &[u8]) -> String {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut f = zip.by_name("word/document.xml").unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        s
    }

    fn sample() -> Vec<(LiaisonId, Liaison)> {
        let mut a = Liaison {
            full_name: "Trần Thị Ngọc Ánh".into(),
            birth_year: Some(1984),
            workplace: "Bệnh viện Việt Tiệp".into(),
            workplace_party: "Chi bộ Khoa Nội".into(),
            ..Liaison::default()
        };
        a.put_comment(YearComment {
            year: 2026,
            comment: "Gương mẫu chấp hành chủ trương của Đảng ở nơi cư trú.".into(),
            front_opinion: "Nhất trí.".into(),
            sent_on: Some(d(2026, 10, 20)),
        });
        let b = Liaison {
            full_name: "Đỗ Quang Hưng".into(),
            kind: LiaisonKind::ExemptFromActivity,
            workplace: "Bộ Chỉ huy Quân sự".into(),
            ..Liaison::default()
        };
        vec![(1, a), (2, b)]
    }

    #[test]
    fn the_comment_document_keeps_vietnamese_and_signs_for_the_committee() {
        let mut branch = crate::domain::demo::demo_branch();
        branch.deputy = "Lê Văn Bình".into();
        let list = sample();
        let doc = comment_document(&branch, &list[0].1, 2026, "Hải Phòng", d(2026, 11, 1));
        let bytes = doc.to_docx().unwrap();
        let xml = document_xml(&bytes);
        assert!(xml.contains("BẢN NHẬN XÉT"), "{xml}");
        assert!(xml.contains("Trần Thị Ngọc Ánh, sinh năm 1984"));
        assert!(xml.contains("Kính gửi: Chi bộ Khoa Nội"));
        assert!(xml.contains("T/M CHI ỦY"));
        assert!(xml.contains("ngày 20 tháng 10 năm 2026"));
        branch.deputy.clear();
        let t = comment_document(&branch, &list[0].1, 2026, "Hải Phòng", d(2026, 11, 1))
            .to_text(TEXT_WIDTH);
        assert!(t.contains("T/M CHI BỘ"), "{t}");
    }

    #[test]
    fn the_year_list_marks_exempt_kinds_and_the_csv_has_everyone() {
        let branch = crate::domain::demo::demo_branch();
        let list = sample();
        let t = year_text(&branch, &list, 2026, "Hải Phòng", d(2026, 11, 1));
        assert!(t.contains("đã gửi 1 bản nhận xét năm 2026"), "{t}");
        assert!(t.contains("HD 33-HD/BTCTW, điểm 1.1"), "{t}");
        assert!(t.contains("Đã gửi ngày 20/10/2026"), "{t}");
        let csv = csv(&list, 2026);
        assert!(csv.contains("Đỗ Quang Hưng") && csv.contains("Trần Thị Ngọc Ánh"));
        assert_eq!(slug("Đỗ Quang Hưng"), "do-quang-hung");
        assert_eq!(
            figures_line(&list, 2026).as_deref(),
            Some(
                "Đảng viên đang công tác giữ mối liên hệ với nơi cư trú (QĐ 213): 2 đồng chí; 1 thuộc diện nhận xét hằng năm; đã gửi nhận xét năm 2026: 1."
            )
        );
        assert_eq!(figures_line(&[], 2026), None);
        let reg = crate::domain::register::Register {
            liaisons: list.clone(),
            ..Default::default()
        };
        let ward = [reg.for_ward(), reg.for_ward()];
        let f = ward_figures(&ward, 2026);
        assert_eq!((f.members, f.yearly, f.sent), (4, 2, 2));
    }
}
