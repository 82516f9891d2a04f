//! The whole member record in the store (#18.3): schema v3 of members (a reward event,
//! the issuer of a decision, earlier card numbers) with its golden bytes; v2 members
//! still read; a v2 record rewritten as v3.

use crate::common::d;
use sochibo::domain::member::{
    DisciplineLevel, EventKind, EventPapers, Gender, Member, MemberEvent, Occupation, OldCard,
    PoliticalTheory, Professional,
};
use sochibo::store::schema::{decode_member, encode_member};

fn golden_member_v3() -> Member {
    let mut reward = MemberEvent::new(
        d(2025, 5, 19),
        EventKind::Rewarded,
        "Giấy khen đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền",
    );
    reward.papers = EventPapers {
        decision: "125-QĐ/ĐU".into(),
        decided_on: Some(d(2025, 5, 10)),
        issuer: "Đảng ủy phường Dương Kinh".into(),
        ..EventPapers::default()
    };
    let mut discipline = MemberEvent::new(d(2023, 6, 1), EventKind::Disciplined, "Vi phạm quy chế");
    discipline.papers = EventPapers {
        decision: "02-QĐ/CB".into(),
        decided_on: Some(d(2023, 5, 30)),
        discipline: Some(DisciplineLevel::Reprimand),
        issuer: "Chi bộ Tổ dân phố số 5".into(),
        ..EventPapers::default()
    };
    Member {
        full_name: "Nguyễn Thị Ngọc Ẩn".into(),
        other_name: "Bà Ba".into(),
        gender: Some(Gender::Female),
        birth_date: Some(d(1948, 2, 29)),
        ethnicity: "Kinh".into(),
        religion: "Phật giáo".into(),
        hometown: "Thái Bình".into(),
        residential_group: "Tổ dân phố số 5".into(),
        address: "Số 12 Mạc Đăng Doanh".into(),
        national_id: "031148000123".into(),
        phone: "0912 345 678".into(),
        card_number: "31.012345".into(),
        education: "10/10".into(),
        professional: Some(Professional::Intermediate),
        political_theory: Some(PoliticalTheory::Elementary),
        occupation: Some(Occupation::Retired),
        notes: "Đổi thẻ năm 2025".into(),
        events: vec![
            MemberEvent::new(d(1970, 5, 19), EventKind::Admitted, ""),
            MemberEvent::new(d(1971, 5, 19), EventKind::Recognized, ""),
            discipline,
            reward,
        ],
        card_history: vec![OldCard {
            number: "31.001234".into(),
            until: d(2025, 9, 2),
        }],
    }
}

const MEMBER_V3: &[u8] = include_bytes!("fixtures/member_v3.bin");
const MEMBER_V2: &[u8] = include_bytes!("fixtures/member_v2.bin");

#[test]
fn member_v3_bytes_decode_forever_and_are_what_the_store_writes() {
    assert_eq!(MEMBER_V3[0], 3, "version byte");
    assert_eq!(decode_member(MEMBER_V3).unwrap(), golden_member_v3());
    assert_eq!(encode_member(&golden_member_v3()).unwrap(), MEMBER_V3);
}

#[test]
fn a_v2_member_reads_with_no_issuer_and_no_card_history_and_is_rewritten_as_v3() {
    let m = decode_member(MEMBER_V2).unwrap();
    assert!(m.card_history.is_empty());
    assert!(m.events.iter().all(|e| e.papers.issuer.is_empty()));
    let dir = tempfile::tempdir().unwrap();
    let store = sochibo::store::Store::open(dir.path()).unwrap();
    let id = store.insert_raw_member_for_tests(MEMBER_V2).unwrap();
    let mut changed = store.member(id).unwrap().unwrap();
    changed.card_history.push(OldCard {
        number: "31.000001".into(),
        until: d(2025, 9, 2),
    });
    store.save_member(Some(id), &changed).unwrap();
    drop(store);
    let store = sochibo::store::Store::open(dir.path()).unwrap();
    assert_eq!(store.member(id).unwrap().unwrap(), changed);
}

#[test]
fn damaged_v3_members_are_errors_not_panics() {
    assert!(decode_member(&MEMBER_V3[..MEMBER_V3.len() / 2]).is_err());
    let mut future = MEMBER_V3.to_vec();
    future[0] = 77;
    assert!(decode_member(&future).is_err());
}

#[test]
#[ignore = "writes the golden fixture of members v3; run once, never again"]
fn write_fixture() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/member_v3.bin");
    if std::fs::metadata(&path).map_or(true, |m| m.len() == 0) {
        std::fs::write(path, encode_member(&golden_member_v3()).unwrap()).unwrap();
    }
}
