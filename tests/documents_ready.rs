//! Documents ready to sign (#22.6), checked in the `.docx` and `.xlsx` XML: a header column
//! wide enough for a long branch name, a report number or a blank to write it in, "Nơi
//! nhận", page numbers, shares that add up to 100%, votes that state the absent, and
//! spreadsheets set up to print.

use crate::common;
use crate::common::d;

use std::io::Read;

use sochibo::domain::branch::Branch;
use sochibo::domain::meeting::{Meeting, MeetingKind, Threshold, Vote};
use sochibo::interchange::docx::{Block, HEADER_LEFT_WIDTH, Issuer, Run};
use sochibo::interchange::minutes::minutes_text;
use sochibo::interchange::xlsx::{Cell, Sheet, to_xlsx};

/// The entry `name` of a zip package, as text.
fn entry(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut f = z.by_name(name).unwrap_or_else(|_| panic!("no {name}"));
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

fn branch() -> Branch {
    Branch {
        name: "Chi bộ Tổ dân phố Hòa Bình".into(),
        superior: "Đảng bộ phường Hải Thành".into(),
        address: String::new(),
        secretary: "Trần Văn Hùng".into(),
        deputy: String::new(),
        term_start: 2025,
        term_end: 2030,
        usual_day: None,
    }
}

fn report(issuer: Issuer) -> Vec<u8> {
    issuer
        .report(
            "Kết quả sinh hoạt chi bộ quý I năm 2026".into(),
            vec![Block::Para(vec![Run::plain("Nội dung.")])],
            "Hải Phòng",
            d(2026, 3, 31),
        )
        .to_docx()
        .unwrap()
}

#[test]
fn the_header_column_is_88_mm_wide() {
    // 88 mm = 4989 twips; the old 75 mm (4252) wrapped "CHI BỘ TỔ DÂN PHỐ HÒA BÌNH".
    assert_eq!(HEADER_LEFT_WIDTH, 4989);
    let doc = entry(&report(Issuer::branch(&branch())), "word/document.xml");
    assert!(doc.contains(r#"<w:gridCol w:w="4989"/>"#), "{doc}");
    assert!(doc.contains("CHI BỘ TỔ DÂN PHỐ HÒA BÌNH"));
    assert!(!doc.contains(r#"<w:gridCol w:w="4252"/>"#));
}

#[test]
fn a_report_has_a_number_or_a_blank_to_write_it_in() {
    let blank = entry(&report(Issuer::branch(&branch())), "word/document.xml");
    assert!(blank.contains("Số ……-BC/CB"), "{blank}");
    let numbered = entry(
        &report(Issuer::branch(&branch()).numbered(Some(7))),
        "word/document.xml",
    );
    assert!(numbered.contains("Số 07-BC/CB"));
    assert!(!numbered.contains("……-BC"));
    // The text version keeps the blank visible too (spaces would collapse).
    let text = Issuer::branch(&branch())
        .report("x".into(), vec![], "Hải Phòng", d(2026, 3, 31))
        .to_text(80);
    assert!(text.contains("Số ……-BC/CB"), "{text}");
}

#[test]
fn a_report_names_its_recipients() {
    let doc = entry(&report(Issuer::branch(&branch())), "word/document.xml");
    let at = doc.find("Nơi nhận:").expect("Nơi nhận");
    let sig = doc.find("T/M CHI BỘ").unwrap();
    assert!(at > sig, "recipients come after the signature");
    assert!(doc[at..].contains("- Đảng bộ phường Hải Thành (để báo cáo),"));
    assert!(doc[at..].contains("- Lưu."));
    let text = Issuer::branch(&branch())
        .report("x".into(), vec![], "Hải Phòng", d(2026, 3, 31))
        .to_text(80);
    assert!(
        text.contains("Nơi nhận:\n- Đảng bộ phường Hải Thành"),
        "{text}"
    );
}

#[test]
fn every_page_carries_its_number() {
    let bytes = report(Issuer::branch(&branch()));
    let doc = entry(&bytes, "word/document.xml");
    assert!(doc.contains(r#"<w:footerReference w:type="default" r:id="rId2"/>"#));
    let rels = entry(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rId2""#) && rels.contains(r#"Target="footer1.xml""#));
    let types = entry(&bytes, "[Content_Types].xml");
    assert!(types.contains(r#"PartName="/word/footer1.xml""#));
    let footer = entry(&bytes, "word/footer1.xml");
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(footer.contains(r#"<w:jc w:val="center"/>"#));
}

/// A vote of 28 entitled members, 19 for, 2 against, 1 abstaining: 6 were absent.
#[test]
fn a_vote_states_the_absent_and_its_shares_add_up() {
    let mut m = Meeting::empty(3, 2025, MeetingKind::Regular, d(2026, 3, 5));
    // No attendance: the denominator is the official roll, here 28 rows.
    use sochibo::domain::meeting::{AttendanceRow, Mark};
    use sochibo::domain::member::{Membership, Status};
    m.attendance = (0..28)
        .map(|i| AttendanceRow {
            member: i,
            name: format!("Đảng viên {i}"),
            status: Status::Official,
            membership: Membership::Official,
            mark: if i < 22 {
                Mark::Present
            } else {
                Mark::Excused("ốm".into())
            },
        })
        .collect();
    m.votes = vec![Vote {
        subject: "Nghị quyết".into(),
        threshold: Threshold::Majority,
        yes: 19,
        no: 2,
        abstain: 1,
    }];
    let text = minutes_text(&branch(), &m, "Hải Phòng");
    assert!(
        text.contains("Tổng số đảng viên có quyền biểu quyết: 28"),
        "{text}"
    );
    assert!(text.contains("Vắng mặt: 6/28 đồng chí"), "{text}");
    // 19, 2, 1, 6 of 28: 67,9 + 7,1 + 3,6 + 21,4 = 100,0.
    for want in ["67,9%", "7,1%", "3,6%", "21,4%"] {
        assert!(text.contains(want), "{want} in {text}");
    }
}

#[test]
fn spreadsheets_print_landscape_fit_to_width_with_the_header_repeated() {
    let mut s = Sheet::new("Đảng phí 2026", ["STT", "Họ và tên", "Tháng 1", "Tháng 2"]);
    for i in 0..100 {
        s.rows.push(vec![
            Cell::int(i + 1),
            Cell::text(format!("Đảng viên {i}")),
            Cell::Amount(50_000),
            Cell::Amount(50_000),
        ]);
    }
    let bytes = to_xlsx(&[s]).unwrap();
    let sheet = entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{sheet}");
    assert!(sheet.contains(r#"orientation="landscape""#), "{sheet}");
    assert!(sheet.contains(r#"fitToHeight="0""#), "{sheet}");
    assert!(sheet.contains(r#"paperSize="9""#), "{sheet}");
    let book = entry(&bytes, "xl/workbook.xml");
    assert!(
        book.contains(r#"name="_xlnm.Print_Titles""#) && book.contains("$1:$1"),
        "{book}"
    );
}

/// #22.8: the minutes say whether the quorum was met, and name the rule when it was not.
#[test]
fn the_minutes_state_the_quorum() {
    use sochibo::domain::meeting::{AttendanceRow, Mark};
    use sochibo::domain::member::{Membership, Status};
    sochibo::domain::rules::install(Default::default());
    let roll = |present: u64| -> Vec<AttendanceRow> {
        (0..8)
            .map(|i| AttendanceRow {
                member: i,
                name: format!("Đảng viên {i}"),
                status: Status::Official,
                membership: Membership::Official,
                mark: if i < present {
                    Mark::Present
                } else {
                    Mark::Unexcused
                },
            })
            .collect()
    };
    let mut m = Meeting::empty(3, 2025, MeetingKind::Regular, d(2026, 3, 5));
    m.attendance = roll(5);
    let text = minutes_text(&branch(), &m, "Hải Phòng");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Số đảng viên dự họp: đủ theo quy định (có mặt 5/8, cần ít nhất 5)."),
        "{text}"
    );
    m.attendance = roll(4);
    let text = minutes_text(&branch(), &m, "Hải Phòng");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Số đảng viên dự họp: KHÔNG ĐỦ theo quy định (có mặt 4/8, cần ít nhất 5) — "),
        "{text}"
    );
    assert!(flat.contains("chi bộ tự đặt"), "{text}");
}

/// #22.2: a ceremony recorded late, with its reason, carries a visible flag in the
/// candidates' report.
#[test]
fn a_late_step_is_flagged_in_the_candidates_report() {
    let mut h = common::Harness::demo(&[]);
    h.keys("<A-7><Enter><F4><C-s>");
    h.keys("<Tab><Tab><Tab><Tab><Tab>Đảng ủy phường đồng ý ngày 10/11/2026<C-s>");
    assert!(h.status_line().contains("Đã kết nạp"), "{}", h.screen());
    let text = sochibo::interchange::lists::candidates_txt(
        &h.app.store.candidates().unwrap(),
        common::today(),
        "",
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("[MUỘN] Lễ kết nạp sau quyết định (ngày làm việc): hạn"),
        "{text}"
    );
    assert!(
        flat.contains("lý do: Đảng ủy phường đồng ý ngày 10/11/2026"),
        "{text}"
    );
}
