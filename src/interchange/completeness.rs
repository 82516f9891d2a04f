//! The completeness report of the member record (#18.3, `sochibo report completeness`):
//! the members whose record lacks, or holds an implausible value in, a field the
//! party-member database's update form asks for, in that form's column order
//! ([`completeness::FORM_ORDER`], whose source is named there). As 80-column text, CSV
//! for Excel or an `.xlsx` sheet.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::completeness::{self, FORM_ORDER, Incomplete};
use crate::domain::date::format_date;
use crate::domain::member::{Member, MemberId};
use crate::domain::text::compare_names;
use crate::i18n::Lang;
use crate::i18n::record::{self, RecordMsg, RecordText};

use super::xlsx::{Cell, Sheet};

/// The members with gaps, by name, with their record.
fn rows(members: &[(MemberId, Member)], today: NaiveDate) -> Vec<(&Member, Incomplete)> {
    let by_id: BTreeMap<MemberId, &Member> = members.iter().map(|(id, m)| (*id, m)).collect();
    let mut v: Vec<(&Member, Incomplete)> = completeness::check(members, today)
        .into_iter()
        .filter_map(|r| by_id.get(&r.member).map(|m| (*m, r)))
        .collect();
    v.sort_by(|a, b| compare_names(&a.0.full_name, &b.0.full_name));
    v
}

/// The report as a table: the name, then one column per field in the form's order, each
/// cell saying what is wrong (empty: complete).
pub fn completeness_sheet(lang: Lang, members: &[(MemberId, Member)], today: NaiveDate) -> Sheet {
    let (c, r) = (lang.cat(), record::of(lang));
    let header = std::iter::once(r.msg(RecordMsg::ColName).to_string())
        .chain(FORM_ORDER.iter().map(|f| c.field(*f).to_string()));
    let mut sheet = Sheet::new("Hồ sơ còn thiếu", header);
    for (m, inc) in rows(members, today) {
        let mut row = vec![Cell::text(&m.full_name)];
        row.extend(
            FORM_ORDER
                .iter()
                .map(|f| inc.gap(*f).map_or(Cell::Empty, |g| Cell::text(r.gap(g)))),
        );
        sheet.rows.push(row);
    }
    sheet
}

/// The report as CSV for Excel.
pub fn completeness_csv(lang: Lang, members: &[(MemberId, Member)], today: NaiveDate) -> String {
    completeness_sheet(lang, members, today).to_csv()
}

/// The report as text: a count, then each member with the fields that need work.
pub fn completeness_txt(
    lang: Lang,
    branch: &str,
    members: &[(MemberId, Member)],
    today: NaiveDate,
) -> String {
    let (c, r) = (lang.cat(), record::of(lang));
    let rows = rows(members, today);
    let on_roll = members
        .iter()
        .filter(|(_, m)| m.status_at(today).is_active())
        .count();
    let mut out = format!("{}\n", r.msg(RecordMsg::CompletenessTitle).to_uppercase());
    if !branch.is_empty() {
        out.push_str(&format!("{branch}\n"));
    }
    out.push_str(&format!("{}\n\n", format_date(today)));
    if rows.is_empty() {
        out.push_str(r.msg(RecordMsg::AllComplete));
        out.push('\n');
        return out;
    }
    out.push_str(&r.text(RecordText::IncompleteCount(rows.len(), on_roll)));
    out.push_str("\n\n");
    for (i, (m, inc)) in rows.iter().enumerate() {
        out.push_str(&format!("{:>2}. {}\n", i + 1, m.full_name));
        for (f, g) in &inc.gaps {
            out.push_str(&format!("    {}: {}\n", c.field(*f), r.gap(*g)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent, Occupation, PoliticalTheory};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn full(name: &str) -> Member {
        Member {
            full_name: name.into(),
            birth_date: Some(d(1950, 3, 5)),
            ethnicity: "Kinh".into(),
            religion: "Không".into(),
            hometown: "Thái Bình".into(),
            address: "Số 12".into(),
            card_number: "31001234".into(),
            education: "10/10".into(),
            political_theory: Some(PoliticalTheory::Elementary),
            occupation: Some(Occupation::Retired),
            events: vec![
                MemberEvent::new(d(1975, 1, 10), EventKind::Admitted, ""),
                MemberEvent::new(d(1976, 1, 10), EventKind::Recognized, ""),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn columns_follow_the_form_and_cells_say_what_is_wrong() {
        let mut a = full("Phạm Văn Dũng");
        a.hometown.clear();
        a.birth_date = None;
        let members = vec![(1, full("Nguyễn Văn An")), (2, a)];
        let s = completeness_sheet(Lang::Vi, &members, d(2026, 11, 21));
        assert_eq!(
            s.header,
            [
                "Họ và tên",
                "Số thẻ đảng viên",
                "Ngày sinh",
                "Quê quán",
                "Địa chỉ",
                "Dân tộc",
                "Tôn giáo",
                "Nghề nghiệp",
                "Trình độ học vấn",
                "Lý luận chính trị",
                "Ngày vào Đảng",
                "Ngày chính thức",
            ]
        );
        assert_eq!(s.rows.len(), 1);
        let row: Vec<String> = s.rows[0].iter().map(Cell::plain).collect();
        assert_eq!(row[0], "Phạm Văn Dũng");
        assert_eq!(row[2], "chưa có");
        assert_eq!(row[3], "chưa có");
        assert_eq!(row[1], "");
        let t = completeness_txt(Lang::Vi, "Chi bộ 5", &members, d(2026, 11, 21));
        assert!(t.contains("1/2 đảng viên còn thiếu"), "{t}");
        assert!(t.contains("    Quê quán: chưa có"), "{t}");
        let ok = completeness_txt(Lang::Vi, "", &members[..1], d(2026, 11, 21));
        assert!(ok.contains("đã đủ"), "{ok}");
    }
}
