//! The minutes of a branch meeting (biên bản sinh hoạt chi bộ): what rules.md §3.3 says
//! they must record, in the Party document layout of HD 36-HD/VPTW (§10).
//!
//! [`minutes_document`] builds the content once; [`minutes_text`] (80 columns, for the
//! terminal, printing or a `.txt`) and [`minutes_docx`] (Word) render that same
//! [`Document`], so the two never disagree. Every figure comes from the domain
//! ([`counts`], [`vote_outcome`]); nothing is typed twice. The original minutes are never
//! changed: later amendments are printed after the signatures.

use super::docx::{self, Block, Document, PartyHeader, Run, Signature, SignatureColumn};
use crate::domain::branch::Branch;
use crate::domain::date::format_date;
use crate::domain::meeting::{
    Mark, Meeting, MeetingKind, Speaker, TallyError, Threshold, Vote, counts, document_number,
    format_permille, vote_outcome,
};
use crate::domain::member::Status;
use crate::domain::rules::RuleId;
use crate::domain::text;

/// Width of the plain-text minutes in columns.
pub const TEXT_WIDTH: usize = 80;

// Document text, not UI text: the minutes are an official Vietnamese Party document and
// are always written in Vietnamese, whatever the UI language. Wording of the fixed parts.
const KIND: &str = "BIÊN BẢN";
const SECTION_TIME_PLACE: &str = "THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN";
const SECTION_ATTENDANCE: &str = "TÌNH HÌNH ĐẢNG VIÊN DỰ SINH HOẠT";
const SECTION_AGENDA: &str = "NỘI DUNG SINH HOẠT";
const SECTION_VOTES: &str = "BIỂU QUYẾT";
const SECTION_TASKS: &str = "PHÂN CÔNG NHIỆM VỤ";
const SECTION_PROPOSALS: &str = "KIẾN NGHỊ CỦA ĐẢNG VIÊN VÀ TRẢ LỜI CỦA CHI BỘ";
const LABEL_ANSWER: &str = "Chi bộ trả lời";
const NO_ANSWER: &str = "chưa trả lời";
const COMRADE: &str = "Đồng chí";
const COMRADE_LC: &str = "đồng chí";
const CHAIR_IS_SECRETARY: &str = "Bí thư chi bộ";
const CHAIR_IS_DEPUTY: &str = "Phó Bí thư chi bộ";
const LABEL_TIME: &str = "Thời gian: bắt đầu lúc";
const LABEL_PLACE: &str = "Địa điểm";
const LABEL_CHAIR: &str = "Chủ trì";
const LABEL_SECRETARY: &str = "Thư ký";
const LABEL_GUESTS: &str = "Khách mời";
const NONE: &str = "không có";
const LABEL_TOTAL: &str = "Tổng số đảng viên của chi bộ";
const LABEL_OFFICIAL: &str = "chính thức";
const LABEL_PROBATIONARY: &str = "dự bị";
const LABEL_EXEMPT: &str = "Miễn sinh hoạt";
const LABEL_AWAY: &str = "Sinh hoạt tạm thời nơi khác (SHT đi)";
const LABEL_HOSTED: &str = "Sinh hoạt tạm thời tại chi bộ (SHT đến)";
const LABEL_HOSTED_SHORT: &str = "SHT đến";
const LABEL_MUST_ATTEND: &str = "Số đảng viên phải có mặt";
const LABEL_PRESENT: &str = "Có mặt";
const LABEL_EXCUSED: &str = "Vắng có lý do";
const LABEL_QUORUM: &str = "Số đảng viên dự họp";
const LABEL_PRESENT_LC: &str = "có mặt";
const QUORUM_MET: &str = "đủ theo quy định";
const QUORUM_NOT_MET: &str = "KHÔNG ĐỦ theo quy định";
const NEEDED: &str = "cần ít nhất";
const LABEL_UNEXCUSED: &str = "Vắng không lý do";
const LABEL_UNMARKED: &str = "Chưa điểm danh";
const LABEL_REASON: &str = "lý do";
const INCLUDING: &str = "gồm";
const NO_AGENDA: &str = "(Chưa ghi nội dung.)";
const LABEL_CONCLUSION: &str = "Kết luận của chủ trì";
const LABEL_VOTE_SUBJECT: &str = "Nội dung biểu quyết";
const LABEL_DENOMINATOR: &str = "Tổng số đảng viên có quyền biểu quyết";
const LABEL_YES: &str = "Tán thành";
const LABEL_NO: &str = "Không tán thành";
const LABEL_ABSTAIN: &str = "Không biểu quyết";
/// Members entitled to vote who were not there (#22.6: a vote states the absent).
const LABEL_ABSENT: &str = "Vắng mặt";
const LABEL_REQUIRED: &str = "Yêu cầu";
const REQUIRED_MAJORITY: &str = "hơn một nửa tổng số đảng viên có quyền biểu quyết tán thành";
const REQUIRED_TWO_THIRDS: &str =
    "ít nhất hai phần ba tổng số đảng viên có quyền biểu quyết tán thành";
const LABEL_RESULT: &str = "Kết quả";
const PASSED: &str = "Thông qua";
const NOT_PASSED: &str = "Không thông qua";
const INVALID: &str = "không hợp lệ";
const LABEL_DUE: &str = "thời hạn";
const ENDED_AT: &str = "Buổi sinh hoạt kết thúc lúc";
const SAME_DAY: &str = "cùng ngày";
const APPROVED: &str = "Biên bản đã được đọc lại và được chi bộ thông qua";
const DRAFT: &str = "(Dự thảo, chưa thông qua)";
const AMENDED: &str = "Sửa đổi, bổ sung ngày";
const SIGN_SECRETARY: &str = "THƯ KÝ";
const SIGN_FOR_BRANCH: &str = "T/M CHI BỘ";
const SIGN_CHAIR: &str = "CHỦ TRÌ";
const UNKNOWN: &str = "…";
const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/// The summary line under "BIÊN BẢN": "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
/// "Sinh hoạt chuyên đề quý I năm 2026: <topic>", "Sinh hoạt chi bộ bất thường: <topic>",
/// "Sinh hoạt chi bộ kiểm điểm cuối năm 2026".
pub fn summary_line(meeting: &Meeting) -> String {
    use chrono::Datelike;
    let (month, year) = (meeting.date.month(), meeting.date.year());
    let base = match meeting.kind {
        MeetingKind::Regular => {
            return format!("Sinh hoạt chi bộ thường kỳ tháng {month} năm {year}");
        }
        MeetingKind::Thematic => {
            let q = ROMAN.get((month as usize - 1) / 3).copied().unwrap_or("I");
            format!("Sinh hoạt chuyên đề quý {q} năm {year}")
        }
        MeetingKind::Extraordinary => "Sinh hoạt chi bộ bất thường".to_string(),
        MeetingKind::YearEndReview => format!("Sinh hoạt chi bộ kiểm điểm cuối năm {year}"),
    };
    let topic = text::clean(&meeting.topic);
    if topic.is_empty() {
        base
    } else {
        format!("{base}: {topic}")
    }
}

/// "19:30" → "19 giờ 30 phút"; other text is kept as typed; empty is "…".
pub(super) fn clock(s: &str) -> String {
    let s = text::clean(s);
    let parsed = s.split_once([':', 'h', 'g']).and_then(|(h, m)| {
        let h: u32 = h.trim().parse().ok()?;
        let m: u32 = m.trim().parse().ok()?;
        (h < 24 && m < 60).then(|| format!("{h} giờ {m:02} phút"))
    });
    match parsed {
        Some(t) => t,
        None if s.is_empty() => UNKNOWN.to_string(),
        None => s,
    }
}

/// `s` ending with a full stop unless it already ends with punctuation.
fn sentence(s: &str) -> String {
    let s = s.trim_end();
    if s.is_empty() || s.ends_with(['.', '!', '?', '…', ':', ';']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// A cleaned single-line value, or "…" when empty.
pub(super) fn value(s: &str) -> String {
    let s = text::clean(s);
    if s.is_empty() { UNKNOWN.to_string() } else { s }
}

/// Tenths of a percent of `part` in `whole`, rounded as [`vote_outcome`] rounds.
#[cfg(test)]
fn permille(part: u32, whole: u32) -> u32 {
    crate::domain::meeting::permille(u64::from(part), u64::from(whole))
}

fn item(level: u8, marker: &str, runs: Vec<Run>) -> Block {
    Block::Item {
        level,
        marker: marker.to_string(),
        runs,
    }
}

/// A top-level "- " line.
fn dash(s: impl Into<String>) -> Block {
    item(0, "-", vec![Run::plain(s)])
}

/// A "- " line under a numbered item.
fn sub(s: impl Into<String>) -> Block {
    item(1, "-", vec![Run::plain(s)])
}

/// "<label>: n đồng chí, gồm: A; B." or "<label>: 0."
fn people(label: &str, names: &[String]) -> String {
    if names.is_empty() {
        format!("{label}: 0.")
    } else {
        format!(
            "{label}: {} {COMRADE_LC}, {INCLUDING}: {}.",
            names.len(),
            names.join("; ")
        )
    }
}

fn chair_line(branch: &Branch, chair: &str) -> String {
    let chair = text::clean(chair);
    if chair.is_empty() {
        return format!("{LABEL_CHAIR}: {UNKNOWN}");
    }
    let role = if chair == text::clean(&branch.secretary) {
        format!(", {CHAIR_IS_SECRETARY}")
    } else if chair == text::clean(&branch.deputy) {
        format!(", {CHAIR_IS_DEPUTY}")
    } else {
        String::new()
    };
    format!("{LABEL_CHAIR}: {COMRADE_LC} {chair}{role}.")
}

fn person_with_position(name: &str, position: &str) -> String {
    let (name, position) = (value(name), text::clean(position));
    if position.is_empty() {
        name
    } else {
        format!("{name}, {position}")
    }
}

fn time_place_section(branch: &Branch, m: &Meeting, out: &mut Vec<Block>) {
    out.push(dash(format!(
        "{LABEL_TIME} {}, {}.",
        clock(&m.start),
        docx::date_in_words(m.date)
    )));
    out.push(dash(format!(
        "{LABEL_PLACE}: {}",
        sentence(&value(&m.place))
    )));
    out.push(dash(chair_line(branch, &m.chair)));
    out.push(dash(format!(
        "{LABEL_SECRETARY}: {COMRADE_LC} {}.",
        value(&m.secretary)
    )));
    let guests: Vec<String> = m
        .guests
        .iter()
        .map(|g| {
            format!(
                "{COMRADE_LC} {}",
                person_with_position(&g.name, &g.position)
            )
        })
        .collect();
    out.push(dash(if guests.is_empty() {
        format!("{LABEL_GUESTS}: {NONE}.")
    } else {
        format!("{LABEL_GUESTS}: {}.", guests.join("; "))
    }));
}

fn attendance_section(m: &Meeting, out: &mut Vec<Block>) {
    let c = counts(&m.attendance);
    let hosted = |s: Status| s == Status::TemporarilyHosted;
    let names = |keep: &dyn Fn(&crate::domain::meeting::AttendanceRow) -> bool| -> Vec<String> {
        m.attendance
            .iter()
            .filter(|r| keep(r))
            .map(|r| value(&r.name))
            .collect()
    };
    out.push(dash(format!(
        "{LABEL_TOTAL}: {} {COMRADE_LC} ({LABEL_OFFICIAL}: {}, {LABEL_PROBATIONARY}: {}).",
        c.total, c.official, c.probationary
    )));
    let exempt = names(&|r| !hosted(r.status) && r.status.is_exempt());
    let away = names(&|r| r.status == Status::TemporarilyAway);
    let hosted_names = names(&|r| hosted(r.status));
    debug_assert_eq!(exempt.len() as u32, c.exempt);
    out.push(dash(people(LABEL_EXEMPT, &exempt)));
    out.push(dash(people(LABEL_AWAY, &away)));
    out.push(dash(people(LABEL_HOSTED, &hosted_names)));
    out.push(dash(format!(
        "{LABEL_MUST_ATTEND}: {} {COMRADE_LC}.",
        c.must_attend
    )));
    out.push(dash(format!(
        "{LABEL_PRESENT}: {} {COMRADE_LC} ({LABEL_OFFICIAL}: {}, {LABEL_PROBATIONARY}: {}, \
         {LABEL_HOSTED_SHORT}: {}).",
        c.present, c.present_official, c.present_probationary, c.present_hosted
    )));
    // #22.8: the quorum of the rules table (a branch setting), named with its source
    // when it is not met.
    if c.must_attend > 0 {
        let q = crate::domain::acts::quorum(c.present_expected, c.must_attend);
        let (verdict, source) = if q.met() {
            (QUORUM_MET, String::new())
        } else {
            (
                QUORUM_NOT_MET,
                format!(
                    " — {}",
                    crate::i18n::rules::source(crate::i18n::Lang::Vi, RuleId::QuorumPercent)
                ),
            )
        };
        out.push(dash(format!(
            "{LABEL_QUORUM}: {verdict} ({LABEL_PRESENT_LC} {}/{}, {NEEDED} {}){source}.",
            q.present, q.must_attend, q.needed
        )));
    }
    let excused: Vec<String> = m
        .attendance
        .iter()
        .filter_map(|r| match &r.mark {
            Mark::Excused(reason) => {
                let reason = text::clean(reason);
                Some(if reason.is_empty() {
                    value(&r.name)
                } else {
                    format!("{} ({LABEL_REASON}: {reason})", value(&r.name))
                })
            }
            _ => None,
        })
        .collect();
    out.push(dash(people(LABEL_EXCUSED, &excused)));
    let unexcused = names(&|r| r.mark == Mark::Unexcused);
    out.push(dash(people(LABEL_UNEXCUSED, &unexcused)));
    // Members expected at the meeting but not marked yet (a draft roll call).
    let unmarked = names(&|r| {
        r.mark == Mark::Unmarked
            && !hosted(r.status)
            && !r.status.is_exempt()
            && r.status != Status::TemporarilyAway
    });
    if !unmarked.is_empty() {
        out.push(dash(people(LABEL_UNMARKED, &unmarked)));
    }
}

fn agenda_section(m: &Meeting, out: &mut Vec<Block>) {
    if m.agenda.is_empty() {
        out.push(Block::Para(vec![Run::plain(NO_AGENDA)]));
    }
    for (i, a) in m.agenda.iter().enumerate() {
        out.push(item(
            0,
            &format!("{}.", i + 1),
            vec![Run::bold(sentence(&value(&a.title)))],
        ));
        for s in &a.speeches {
            let who = match &s.speaker {
                Speaker::Member(_, name) => format!("{COMRADE} {}", value(name)),
                Speaker::Guest(name, position) => {
                    let position = text::clean(position);
                    if position.is_empty() {
                        format!("{COMRADE} {}", value(name))
                    } else {
                        format!("{COMRADE} {} ({position})", value(name))
                    }
                }
            };
            out.push(item(
                1,
                "-",
                vec![
                    Run::italic(format!("{who}:")),
                    Run::plain(format!(" {}", sentence(&text::clean_multiline(&s.gist)))),
                ],
            ));
        }
        let conclusion = text::clean_multiline(&a.conclusion);
        if !conclusion.is_empty() {
            out.push(item(
                1,
                "-",
                vec![
                    Run::bold(format!("{LABEL_CONCLUSION}:")),
                    Run::plain(format!(" {}", sentence(&conclusion))),
                ],
            ));
        }
    }
}

fn vote_blocks(n: usize, v: &Vote, m: &Meeting, out: &mut Vec<Block>) {
    out.push(item(
        0,
        &format!("{n}."),
        vec![Run::bold(format!(
            "{LABEL_VOTE_SUBJECT}: {}",
            sentence(&value(&v.subject))
        ))],
    ));
    match vote_outcome(v, &m.attendance) {
        Ok(o) => {
            let den = o.denominator;
            out.push(sub(format!("{LABEL_DENOMINATOR}: {den} {COMRADE_LC}.")));
            // The four parts add up to the denominator, and their shares to 100,0% (#22.6).
            let absent = den.saturating_sub(v.yes + v.no + v.abstain);
            let p = crate::domain::stats::shares(&[v.yes, v.no, v.abstain, absent]);
            for (label, x, p) in [
                (LABEL_YES, v.yes, p[0]),
                (LABEL_NO, v.no, p[1]),
                (LABEL_ABSTAIN, v.abstain, p[2]),
                (LABEL_ABSENT, absent, p[3]),
            ] {
                out.push(sub(format!(
                    "{label}: {x}/{den} {COMRADE_LC}, {}.",
                    format_permille(p)
                )));
            }
            let required = match v.threshold {
                Threshold::Majority => REQUIRED_MAJORITY,
                Threshold::TwoThirds => REQUIRED_TWO_THIRDS,
            };
            out.push(sub(format!("{LABEL_REQUIRED}: {required}.")));
            let result = if o.passed { PASSED } else { NOT_PASSED };
            out.push(item(
                1,
                "-",
                vec![
                    Run::plain(format!("{LABEL_RESULT}: ")),
                    Run::bold(format!("{result}.")),
                ],
            ));
        }
        Err(TallyError::MoreThanPresent { counted, present }) => {
            out.push(sub(format!(
                "{LABEL_YES}: {}; {}: {}; {}: {}.",
                v.yes,
                LABEL_NO.to_lowercase(),
                v.no,
                LABEL_ABSTAIN.to_lowercase(),
                v.abstain
            )));
            out.push(sub(format!(
                "{LABEL_RESULT}: {INVALID} (số phiếu {counted} nhiều hơn số đảng viên có quyền \
                 biểu quyết có mặt: {present})."
            )));
        }
    }
}

fn tasks_section(m: &Meeting, out: &mut Vec<Block>) {
    for (i, t) in m.tasks.iter().enumerate() {
        let what = text::clean(&t.what);
        let what = what.trim_end_matches('.');
        let due = t
            .due
            .map(|d| format!(" ({LABEL_DUE}: {})", format_date(d)))
            .unwrap_or_default();
        out.push(item(
            0,
            &format!("{}.", i + 1),
            vec![
                Run::bold(format!("{}:", value(&t.who))),
                Run::plain(format!(" {what}{due}.")),
            ],
        ));
    }
}

/// Each proposal (kiến nghị) with who raised it and the branch's answer (#17).
fn proposals_section(m: &Meeting, out: &mut Vec<Block>) {
    for (i, p) in m.proposals.iter().enumerate() {
        let answer = text::clean(&p.answer);
        out.push(item(
            0,
            &format!("{}.", i + 1),
            vec![
                Run::bold(format!("{}:", value(&p.who))),
                Run::plain(format!(" {}", sentence(&text::clean(&p.text)))),
            ],
        ));
        out.push(sub(format!(
            "{LABEL_ANSWER}: {}",
            if answer.is_empty() {
                format!("{NO_ANSWER}.")
            } else {
                sentence(&answer)
            }
        )));
    }
}

/// The minutes as a [`Document`]: the content both renderers share. `place_name` is the
/// place in the dateline ("Hải Phòng" in "Hải Phòng, ngày 05 tháng 3 năm 2026").
pub fn minutes_document(branch: &Branch, meeting: &Meeting, place_name: &str) -> Document {
    let m = meeting;
    let mut body = Vec::new();
    let mut sections = 0usize;
    let mut heading = |body: &mut Vec<Block>, title: &str| {
        let numeral = ROMAN.get(sections).copied().unwrap_or("*");
        sections += 1;
        body.push(Block::Heading(format!("{numeral}. {title}")));
    };

    heading(&mut body, SECTION_TIME_PLACE);
    time_place_section(branch, m, &mut body);
    heading(&mut body, SECTION_ATTENDANCE);
    attendance_section(m, &mut body);
    heading(&mut body, SECTION_AGENDA);
    agenda_section(m, &mut body);
    if !m.votes.is_empty() {
        heading(&mut body, SECTION_VOTES);
        for (i, v) in m.votes.iter().enumerate() {
            vote_blocks(i + 1, v, m, &mut body);
        }
    }
    if !m.tasks.is_empty() {
        heading(&mut body, SECTION_TASKS);
        tasks_section(m, &mut body);
    }
    if !m.proposals.is_empty() {
        heading(&mut body, SECTION_PROPOSALS);
        proposals_section(m, &mut body);
    }

    body.push(Block::Para(vec![Run::plain("")]));
    body.push(Block::Para(vec![Run::plain(format!(
        "{ENDED_AT} {} {SAME_DAY}.",
        clock(&m.end)
    ))]));
    match m.approved {
        Some(d) if d == m.date => body.push(Block::Para(vec![Run::plain(format!("{APPROVED}."))])),
        Some(d) => body.push(Block::Para(vec![Run::plain(format!(
            "{APPROVED} ngày {}.",
            format_date(d)
        ))])),
        None => body.push(Block::Centered(vec![Run::italic(DRAFT)])),
    }

    let mut after = Vec::new();
    for a in &m.amendments {
        let reason = text::clean(&a.reason);
        after.push(Block::Heading(format!(
            "{AMENDED} {} — {LABEL_REASON}: {}",
            format_date(a.date),
            if reason.is_empty() { UNKNOWN } else { &reason }
        )));
        for line in text::clean_multiline(&a.text).lines() {
            after.push(Block::Para(vec![Run::plain(line)]));
        }
    }

    Document {
        header: PartyHeader {
            superior: branch.superior.clone(),
            issuer: branch.name.clone(),
            number: document_number(m.number),
            place_date: docx::place_and_date(place_name, m.date),
        },
        kind: KIND.to_string(),
        summary: vec![summary_line(m)],
        body,
        signature: Signature {
            left: SignatureColumn {
                titles: vec![SIGN_SECRETARY.to_string()],
                name: m.secretary.clone(),
            },
            right: SignatureColumn {
                titles: vec![SIGN_FOR_BRANCH.to_string(), SIGN_CHAIR.to_string()],
                name: m.chair.clone(),
            },
        },
        recipients: Vec::new(),
        after,
    }
}

/// The minutes as plain text, at most [`TEXT_WIDTH`] columns a line, `\n` line ends
/// (see [`to_crlf`] for Windows).
pub fn minutes_text(branch: &Branch, meeting: &Meeting, place_name: &str) -> String {
    minutes_document(branch, meeting, place_name).to_text(TEXT_WIDTH)
}

/// The minutes as a Word `.docx` file in the HD 36 layout.
pub fn minutes_docx(branch: &Branch, meeting: &Meeting, place_name: &str) -> Vec<u8> {
    // The package is a few kilobytes; ZIP's 4 GiB limit, the only failure, cannot be
    // reached by a meeting's minutes, so the impossible error gives an empty file
    // rather than a panic.
    minutes_document(branch, meeting, place_name)
        .to_docx()
        .unwrap_or_default()
}

/// Converts line ends to CRLF (for Notepad on older Windows), leaving existing CRLF alone.
pub fn to_crlf(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_and_sentence() {
        assert_eq!(clock("19:30"), "19 giờ 30 phút");
        assert_eq!(clock("7h05"), "7 giờ 05 phút");
        assert_eq!(clock(""), "…");
        assert_eq!(clock("sau bữa tối"), "sau bữa tối");
        assert_eq!(sentence("Thông qua"), "Thông qua.");
        assert_eq!(sentence("Thông qua."), "Thông qua.");
    }

    #[test]
    fn crlf_is_idempotent() {
        assert_eq!(to_crlf("a\nb\r\nc\n"), "a\r\nb\r\nc\r\n");
        assert_eq!(to_crlf(&to_crlf("a\nb")), "a\r\nb");
    }

    #[test]
    fn percentages_round_like_the_outcome() {
        assert_eq!(permille(2, 3), 667);
        assert_eq!(permille(1, 7), 143);
        assert_eq!(permille(0, 0), 0);
    }
}
