//! The notice of a branch meeting (thông báo triệu tập, #17): date and time, place, chair,
//! agenda and the proposals received, as a short plain text to paste into a chat app or
//! print, and as a Word document in the Party layout of HD 36 (the minutes' layout).
//!
//! Document text, not UI text: like the minutes, the notice is always in Vietnamese.

use chrono::{Datelike, NaiveDate};

use super::docx::{self, Block, Document, PartyHeader, Run, Signature, SignatureColumn};
use super::minutes::{clock, summary_line, value};
use crate::domain::branch::Branch;
use crate::domain::meeting::Meeting;
use crate::domain::text;

const KIND: &str = "THÔNG BÁO";
const ABOUT: &str = "Triệu tập";
const LABEL_TIME: &str = "Thời gian";
const LABEL_PLACE: &str = "Địa điểm";
const LABEL_CHAIR: &str = "Chủ trì";
const LABEL_AGENDA: &str = "Nội dung";
const LABEL_PROPOSALS: &str = "Kiến nghị của đảng viên đã nhận (chi bộ trả lời tại buổi họp)";
const PLEASE: &str = "Đề nghị các đồng chí đảng viên đến dự đầy đủ, đúng giờ; đồng chí nào vắng mặt báo lý do với bí thư chi bộ trước buổi sinh hoạt.";
const TO_MEMBERS: &str = "- Các đồng chí đảng viên,";
/// The branch's own copy, last of the recipients of its notices and resolutions.
pub(super) const TO_FILE: &str = "- Lưu chi bộ.";
const SIGN_FOR_BRANCH: &str = "T/M CHI BỘ";
const SIGN_SECRETARY: &str = "BÍ THƯ";

/// "Thứ Năm, ngày 05/11/2026".
pub(super) fn day_with_weekday(d: NaiveDate) -> String {
    let w = crate::i18n::checks::of(crate::i18n::Lang::Vi).weekday(d.weekday());
    format!("{w}, ngày {}", crate::domain::date::format_date(d))
}

/// The first letter in lower case ("Sinh hoạt …" → "sinh hoạt …").
pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "Số 08-TB/CB": the notice takes the meeting's number.
pub fn notice_number(m: &Meeting) -> String {
    format!("Số {:02}-TB/CB", m.number)
}

/// The agenda titles a notice lists (the review of last month's tasks included).
fn agenda(m: &Meeting) -> Vec<String> {
    m.agenda
        .iter()
        .map(|it| text::clean(&it.title))
        .filter(|t| !t.is_empty())
        .collect()
}

/// "19 giờ 30 phút, Thứ Bảy, ngày 05/12/2026".
fn when(m: &Meeting) -> String {
    format!("{}, {}", clock(&m.start), day_with_weekday(m.date))
}

/// The notice as a [`Document`] in the Party layout, dated `issued` (the day it is
/// written); `place_name` as for the minutes.
pub fn notice_document(
    branch: &Branch,
    m: &Meeting,
    place_name: &str,
    issued: NaiveDate,
) -> Document {
    let issuer = value(&branch.name);
    let mut body = vec![Block::Para(vec![Run::plain(format!(
        "{issuer} thông báo triệu tập {}, cụ thể như sau:",
        lower_first(&summary_line(m))
    ))])];
    let line = |n: &str, label: &str, v: String| Block::Item {
        level: 0,
        marker: n.to_string(),
        runs: vec![Run::bold(format!("{label}:")), Run::plain(format!(" {v}."))],
    };
    body.push(line("1.", LABEL_TIME, when(m)));
    body.push(line("2.", LABEL_PLACE, value(&m.place)));
    body.push(line(
        "3.",
        LABEL_CHAIR,
        format!("đồng chí {}", value(&m.chair)),
    ));
    body.push(Block::Item {
        level: 0,
        marker: "4.".into(),
        runs: vec![Run::bold(format!("{LABEL_AGENDA}:"))],
    });
    for t in agenda(m) {
        body.push(Block::Item {
            level: 1,
            marker: "-".into(),
            runs: vec![Run::plain(format!("{t};"))],
        });
    }
    if !m.proposals.is_empty() {
        body.push(Block::Item {
            level: 0,
            marker: "5.".into(),
            runs: vec![Run::bold(format!("{LABEL_PROPOSALS}:"))],
        });
        for p in &m.proposals {
            body.push(Block::Item {
                level: 1,
                marker: "-".into(),
                runs: vec![Run::plain(format!(
                    "{}: {}",
                    value(&p.who),
                    text::clean(&p.text)
                ))],
            });
        }
    }
    body.push(Block::Para(vec![Run::plain(PLEASE)]));
    Document {
        header: PartyHeader {
            superior: branch.superior.clone(),
            issuer: branch.name.clone(),
            number: notice_number(m),
            place_date: docx::place_and_date(place_name, issued),
        },
        kind: KIND.to_string(),
        summary: vec![format!("{ABOUT} {}", lower_first(&summary_line(m)))],
        body,
        recipients: [TO_MEMBERS, TO_FILE]
            .iter()
            .map(|t| t.to_string())
            .collect(),
        signature: for_the_branch(branch, m),
        after: Vec::new(),
    }
}

/// The signature of a document the branch issues about a meeting: "T/M CHI BỘ / BÍ THƯ"
/// on the right, the branch's secretary (the meeting's chair when it names none).
pub(super) fn for_the_branch(branch: &Branch, m: &Meeting) -> Signature {
    Signature {
        left: SignatureColumn::default(),
        right: SignatureColumn {
            titles: vec![SIGN_FOR_BRANCH.to_string(), SIGN_SECRETARY.to_string()],
            name: if branch.secretary.trim().is_empty() {
                m.chair.clone()
            } else {
                branch.secretary.clone()
            },
        },
    }
}

/// The notice as a short message to paste into a chat app (or print): no header, one
/// fact a line, `\n` line ends.
pub fn notice_text(branch: &Branch, m: &Meeting) -> String {
    let mut out = vec![
        format!("{} — {}", value(&branch.name), KIND),
        format!("{ABOUT} {}", lower_first(&summary_line(m))),
        String::new(),
        format!("{LABEL_TIME}: {}", when(m)),
        format!("{LABEL_PLACE}: {}", value(&m.place)),
        format!("{LABEL_CHAIR}: đồng chí {}", value(&m.chair)),
        format!("{LABEL_AGENDA}:"),
    ];
    for (i, t) in agenda(m).iter().enumerate() {
        out.push(format!("  {}. {t}", i + 1));
    }
    if !m.proposals.is_empty() {
        out.push(format!("{LABEL_PROPOSALS}:"));
        for p in &m.proposals {
            out.push(format!("  - {}: {}", value(&p.who), text::clean(&p.text)));
        }
    }
    out.push(String::new());
    out.push(PLEASE.to_string());
    out.join("\n") + "\n"
}

/// The notice as a Word `.docx` file.
pub fn notice_docx(branch: &Branch, m: &Meeting, place_name: &str, issued: NaiveDate) -> Vec<u8> {
    // As for the minutes: a notice cannot reach ZIP's limits.
    notice_document(branch, m, place_name, issued)
        .to_docx()
        .unwrap_or_default()
}

/// Whether `m` is still to be held (a notice is written before the meeting): not approved
/// and dated today or later.
pub fn is_ahead(m: &Meeting, today: NaiveDate) -> bool {
    m.approved.is_none() && m.date >= today
}

/// Writes the notice as `<base>.txt` (the chat message, CRLF) and `<base>.docx` into
/// `dir`, each atomically; returns what was written, for the user.
pub fn notice_files(
    branch: &Branch,
    m: &Meeting,
    issued: NaiveDate,
    dir: &std::path::Path,
) -> std::io::Result<String> {
    let place = super::place_name(branch);
    super::write_files(
        dir,
        &notice_base(m),
        &[
            (
                "txt",
                super::minutes::to_crlf(&notice_text(branch, m)).into_bytes(),
            ),
            ("docx", notice_docx(branch, m, &place, issued)),
        ],
    )
}

/// "thong-bao-08-20261205": the file name of a meeting's notice.
pub fn notice_base(m: &Meeting) -> String {
    format!("thong-bao-{:02}-{}", m.number, m.date.format("%Y%m%d"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{AgendaItem, MeetingKind, PREVIOUS_TASKS_TITLE, Proposal};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn meeting() -> Meeting {
        let mut m = Meeting::empty(8, 2025, MeetingKind::Regular, d(2026, 12, 5));
        m.start = "08:00".into();
        m.place = "Nhà văn hóa tổ dân phố số 3".into();
        m.chair = "Trần Văn Hùng".into();
        m.agenda = [PREVIOUS_TASKS_TITLE, "Đánh giá kết quả tháng 11"]
            .iter()
            .map(|t| AgendaItem {
                title: t.to_string(),
                ..AgendaItem::default()
            })
            .collect();
        m.proposals.push(Proposal {
            who: "Lê Văn A".into(),
            text: "Sửa đèn đường".into(),
            answer: String::new(),
        });
        m
    }

    #[test]
    fn the_notice_says_when_where_who_and_what() {
        let b = Branch {
            name: "Chi bộ Tổ dân phố số 3".into(),
            superior: "Đảng bộ phường Hải Thành".into(),
            secretary: "Trần Văn Hùng".into(),
            ..Branch::default()
        };
        let t = notice_text(&b, &meeting());
        assert!(
            t.contains("Triệu tập sinh hoạt chi bộ thường kỳ tháng 12 năm 2026"),
            "{t}"
        );
        assert!(
            t.contains("Thời gian: 8 giờ 00 phút, Thứ Bảy, ngày 05/12/2026"),
            "{t}"
        );
        assert!(t.contains("Địa điểm: Nhà văn hóa tổ dân phố số 3"), "{t}");
        assert!(t.contains("Chủ trì: đồng chí Trần Văn Hùng"), "{t}");
        assert!(t.contains(&format!("  1. {PREVIOUS_TASKS_TITLE}")), "{t}");
        assert!(t.contains("  - Lê Văn A: Sửa đèn đường"), "{t}");
        let issued = d(2026, 11, 28);
        let doc = notice_document(&b, &meeting(), "Hải Phòng", issued).to_text(80);
        assert!(doc.contains("THÔNG BÁO"), "{doc}");
        assert!(doc.contains("Số 08-TB/CB"), "{doc}");
        assert!(doc.contains("ngày 28 tháng 11 năm 2026"), "{doc}");
        assert!(doc.contains("T/M CHI BỘ"), "{doc}");
        assert!(!notice_docx(&b, &meeting(), "Hải Phòng", issued).is_empty());
    }

    #[test]
    fn only_a_meeting_ahead_has_a_notice() {
        let m = meeting();
        assert!(is_ahead(&m, d(2026, 12, 5)));
        assert!(!is_ahead(&m, d(2026, 12, 6)));
    }
}
