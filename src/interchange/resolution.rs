//! The monthly branch resolution (nghị quyết chi bộ, #17), generated from a meeting: the
//! month's assessment from the chair's conclusions, the review of last month's tasks, the
//! tasks for the next month with assignees and deadlines, and the answers to members'
//! proposals; text and Word in the Party layout of HD 36 (the minutes' layout).
//!
//! Document text, not UI text: always in Vietnamese.

use chrono::{Datelike, NaiveDate};

use super::docx::{self, Block, Document, PartyHeader, Run};
use super::minutes::{TEXT_WIDTH, value};
use super::notice::{TO_FILE, for_the_branch, lower_first};
use crate::domain::branch::Branch;
use crate::domain::date::format_date;
use crate::domain::meeting::{Meeting, PREVIOUS_TASKS_TITLE, document_number};
use crate::domain::text;

const KIND: &str = "NGHỊ QUYẾT";
const SECTION_RESULTS: &str = "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG";
const SECTION_TASKS: &str = "NHIỆM VỤ THÁNG";
const SECTION_PROPOSALS: &str = "TRẢ LỜI KIẾN NGHỊ CỦA ĐẢNG VIÊN";
const SECTION_DOING: &str = "TỔ CHỨC THỰC HIỆN";
const DOING: &str = "Chi ủy lãnh đạo, chỉ đạo, phân công đảng viên thực hiện nghị quyết; đảng viên được giao nhiệm vụ báo cáo kết quả tại buổi sinh hoạt chi bộ tháng sau.";
const NO_RESULTS: &str = "(Chưa có kết luận của chủ trì trong biên bản.)";
const NO_TASKS: &str = "(Biên bản chưa giao nhiệm vụ nào.)";
const LABEL_DUE: &str = "thời hạn";
const LABEL_WHO: &str = "thực hiện";
/// The superior's line when the branch has not named its superior.
const TO_SUPERIOR: &str = "- Đảng ủy cấp trên (để báo cáo),";
const TO_MEMBERS: &str = "- Đảng viên trong chi bộ,";

/// "Số 08-NQ/CB": the resolution takes its meeting's number.
pub fn resolution_number(m: &Meeting) -> String {
    format!("Số {:02}-NQ/CB", m.number)
}

/// The month (month, year) a meeting plans for: the one after the meeting's.
fn next_month(d: NaiveDate) -> (u32, i32) {
    if d.month() == 12 {
        (1, d.year() + 1)
    } else {
        (d.month() + 1, d.year())
    }
}

/// The resolution as a [`Document`]; `place_name` as for the minutes.
pub fn resolution_document(branch: &Branch, m: &Meeting, place_name: &str) -> Document {
    let (month, year) = (m.date.month(), m.date.year());
    let (next, next_year) = next_month(m.date);
    let issuer = value(&branch.name);
    let mut body = vec![
        Block::Para(vec![Run::plain(format!(
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam; căn cứ kết quả buổi sinh hoạt chi bộ ngày {} ({}),",
            format_date(m.date),
            document_number(m.number)
        ))]),
        Block::Para(vec![Run::bold(format!("{issuer} quyết nghị:"))]),
    ];
    body.push(Block::Heading(format!(
        "I. {SECTION_RESULTS} {month}/{year}"
    )));
    let mut any = false;
    for it in &m.agenda {
        let concl = text::clean_multiline(&it.conclusion);
        if concl.is_empty() {
            continue;
        }
        any = true;
        if it.title == PREVIOUS_TASKS_TITLE {
            body.push(Block::Para(vec![Run::bold(format!(
                "{PREVIOUS_TASKS_TITLE}:"
            ))]));
            for line in concl.lines().filter(|l| !l.trim().is_empty()) {
                body.push(Block::Item {
                    level: 1,
                    marker: "-".into(),
                    runs: vec![Run::plain(line.trim())],
                });
            }
            continue;
        }
        body.push(Block::Item {
            level: 0,
            marker: "-".into(),
            runs: vec![
                Run::bold(format!("{}:", text::clean(&it.title))),
                Run::plain(format!(" {}", concl.replace('\n', " "))),
            ],
        });
    }
    if !any {
        body.push(Block::Para(vec![Run::italic(NO_RESULTS)]));
    }
    body.push(Block::Heading(format!(
        "II. {SECTION_TASKS} {next}/{next_year}"
    )));
    let open: Vec<_> = m.tasks.iter().filter(|t| t.done.is_none()).collect();
    if open.is_empty() {
        body.push(Block::Para(vec![Run::italic(NO_TASKS)]));
    }
    for (i, t) in open.iter().enumerate() {
        let due = t
            .due
            .map(|d| format!("; {LABEL_DUE}: {}", format_date(d)))
            .unwrap_or_default();
        body.push(Block::Item {
            level: 0,
            marker: format!("{}.", i + 1),
            runs: vec![
                Run::plain(text::clean(&t.what).trim_end_matches('.').to_string()),
                Run::plain(" ("),
                Run::bold(format!("{LABEL_WHO}: {}", value(&t.who))),
                Run::plain(format!("{due}).")),
            ],
        });
    }
    let mut section = 3;
    let answered: Vec<_> = m
        .proposals
        .iter()
        .filter(|p| !p.answer.trim().is_empty())
        .collect();
    if !answered.is_empty() {
        body.push(Block::Heading(format!("III. {SECTION_PROPOSALS}")));
        section += 1;
        for p in answered {
            body.push(Block::Item {
                level: 0,
                marker: "-".into(),
                runs: vec![
                    Run::bold(format!("{}:", value(&p.who))),
                    Run::plain(format!(
                        " {} — {}",
                        text::clean(&p.text),
                        lower_first(&text::clean(&p.answer))
                    )),
                ],
            });
        }
    }
    let roman = ["I", "II", "III", "IV"];
    body.push(Block::Heading(format!(
        "{}. {SECTION_DOING}",
        roman[(section - 1).min(3)]
    )));
    body.push(Block::Para(vec![Run::plain(DOING)]));
    Document {
        header: PartyHeader {
            superior: branch.superior.clone(),
            issuer: branch.name.clone(),
            number: resolution_number(m),
            place_date: docx::place_and_date(place_name, m.date),
        },
        kind: KIND.to_string(),
        summary: vec![format!(
            "Về kết quả tháng {month} và nhiệm vụ tháng {next} năm {next_year}"
        )],
        body,
        recipients: vec![
            docx::to_superior(&branch.superior).unwrap_or_else(|| TO_SUPERIOR.to_string()),
            TO_MEMBERS.to_string(),
            TO_FILE.to_string(),
        ],
        signature: for_the_branch(branch, m),
        after: Vec::new(),
    }
}

/// The resolution as plain text, [`TEXT_WIDTH`] columns, `\n` line ends.
pub fn resolution_text(branch: &Branch, m: &Meeting, place_name: &str) -> String {
    resolution_document(branch, m, place_name).to_text(TEXT_WIDTH)
}

/// The resolution as a Word `.docx` file.
pub fn resolution_docx(branch: &Branch, m: &Meeting, place_name: &str) -> Vec<u8> {
    // As for the minutes: a resolution cannot reach ZIP's limits.
    resolution_document(branch, m, place_name)
        .to_docx()
        .unwrap_or_default()
}

/// "nghi-quyet-08-20261205": the file name of a meeting's resolution.
pub fn resolution_base(m: &Meeting) -> String {
    format!("nghi-quyet-{:02}-{}", m.number, m.date.format("%Y%m%d"))
}

/// Writes the resolution as `<base>.txt` (CRLF) and `<base>.docx` into `dir`, each
/// atomically; returns what was written, for the user.
pub fn resolution_files(
    branch: &Branch,
    m: &Meeting,
    dir: &std::path::Path,
) -> std::io::Result<String> {
    let place = super::place_name(branch);
    super::write_files(
        dir,
        &resolution_base(m),
        &[
            (
                "txt",
                super::minutes::to_crlf(&resolution_text(branch, m, &place)).into_bytes(),
            ),
            ("docx", resolution_docx(branch, m, &place)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{AgendaItem, MeetingKind, Proposal, Task, previous_tasks_item};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_resolution_comes_from_the_conclusions_and_the_open_tasks() {
        let mut m = Meeting::empty(8, 2025, MeetingKind::Regular, d(2026, 12, 5));
        let prev = [Task {
            who: "Chi ủy".into(),
            what: "Báo cáo đảng ủy phường".into(),
            due: Some(d(2026, 11, 30)),
            done: Some(d(2026, 11, 28)),
        }];
        m.agenda = vec![
            previous_tasks_item(d(2026, 11, 5), &prev),
            AgendaItem {
                title: "Đánh giá kết quả tháng trước, nhiệm vụ tháng tới".into(),
                conclusion: "Chi bộ hoàn thành tốt nhiệm vụ tháng 11.".into(),
                ..AgendaItem::default()
            },
            AgendaItem {
                title: "Thảo luận".into(),
                ..AgendaItem::default()
            },
        ];
        m.tasks = vec![
            Task {
                who: "Nguyễn Văn Hùng".into(),
                what: "Thu quỹ vì người nghèo".into(),
                due: Some(d(2026, 12, 18)),
                done: None,
            },
            Task {
                who: "Chi ủy".into(),
                what: "Việc đã xong".into(),
                due: None,
                done: Some(d(2026, 12, 5)),
            },
        ];
        m.proposals.push(Proposal {
            who: "Lê Văn A".into(),
            text: "Sửa đèn đường".into(),
            answer: "Chi bộ đề nghị phường sửa".into(),
        });
        let b = Branch {
            name: "Chi bộ Tổ dân phố số 3".into(),
            secretary: "Trần Văn Hùng".into(),
            ..Branch::default()
        };
        // Words only: the text wraps at 80 columns.
        let t = resolution_text(&b, &m, "Hải Phòng")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(t.contains("NGHỊ QUYẾT"), "{t}");
        assert!(t.contains("Số 08-NQ/CB"), "{t}");
        assert!(
            t.contains("Về kết quả tháng 12 và nhiệm vụ tháng 1 năm 2027"),
            "{t}"
        );
        assert!(
            t.contains("Chi bộ hoàn thành tốt nhiệm vụ tháng 11."),
            "{t}"
        );
        assert!(t.contains("đã xong ngày 28/11/2026"), "{t}");
        assert!(!t.contains("Thảo luận:"), "no conclusion, not listed: {t}");
        assert!(t.contains("II. NHIỆM VỤ THÁNG 1/2027"), "{t}");
        assert!(
            t.contains(
                "1. Thu quỹ vì người nghèo (thực hiện: Nguyễn Văn Hùng; thời hạn: 18/12/2026)."
            ),
            "{t}"
        );
        assert!(!t.contains("Việc đã xong"), "{t}");
        assert!(t.contains("III. TRẢ LỜI KIẾN NGHỊ"), "{t}");
        assert!(t.contains("IV. TỔ CHỨC THỰC HIỆN"), "{t}");
        assert!(!resolution_docx(&b, &m, "Hải Phòng").is_empty());
    }
}
