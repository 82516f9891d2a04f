//! The liaison tree's frozen schema (golden bytes), its history and undo, and the
//! backup and ward bundle carrying it.

use crate::common::d;
use sochibo::domain::liaison::{Contact, Liaison, LiaisonKind, YearComment};
use sochibo::store::Store;
use sochibo::store::schema::{decode_liaison, encode_liaison};

fn golden_liaison() -> Liaison {
    Liaison {
        full_name: "Trần Thị Ngọc Ánh".into(),
        birth_year: Some(1984),
        address: "Số 12, ngõ 45 phố Hòa Bình".into(),
        workplace: "Bệnh viện Hữu nghị Việt Tiệp".into(),
        workplace_party: "Chi bộ Khoa Nội tổng hợp".into(),
        letter_number: "15-GGT/ĐU".into(),
        letter_received: Some(d(2025, 3, 15)),
        kind: LiaisonKind::ExemptFromActivity,
        phone: "0912345678".into(),
        notes: "Trực đêm thứ Năm".into(),
        member: Some(42),
        contacts: vec![Contact {
            date: d(2026, 3, 8),
            what: "Dự sinh hoạt chi bộ mở rộng".into(),
        }],
        comments: vec![
            YearComment {
                year: 2025,
                comment: "Gương mẫu.".into(),
                front_opinion: "Nhất trí.".into(),
                sent_on: Some(d(2025, 10, 20)),
            },
            YearComment {
                year: 2026,
                comment: "Tích cực.".into(),
                front_opinion: String::new(),
                sent_on: None,
            },
        ],
    }
}

const LIAISON_V1: &[u8] = include_bytes!("fixtures/liaison_v1.bin");

#[test]
fn liaison_v1_bytes_decode_forever() {
    assert_eq!(LIAISON_V1[0], 1, "version byte");
    assert_eq!(decode_liaison(LIAISON_V1).unwrap(), golden_liaison());
    assert_eq!(encode_liaison(&golden_liaison()).unwrap(), LIAISON_V1);
    let mut longer = LIAISON_V1.to_vec();
    longer.push(0);
    assert!(decode_liaison(&longer).is_err(), "trailing bytes");
    assert!(decode_liaison(&[9, 0]).is_err(), "unknown version");
}

#[test]
#[ignore = "writes the golden fixture of the liaison tree; run once per new schema version, never again"]
fn write_liaison_fixture() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/liaison_v1.bin");
    let empty = std::fs::metadata(&path).map_or(true, |m| m.len() == 0);
    if empty {
        std::fs::write(path, encode_liaison(&golden_liaison()).unwrap()).unwrap();
    }
}

#[test]
fn a_backup_carries_the_liaison_members_and_the_ward_bundle_their_figures_only() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("a")).unwrap();
    let id = s.save_liaison(None, &golden_liaison()).unwrap();
    let backup = dir.path().join("b.sochibo");
    s.write_backup(&backup).unwrap();
    let reg = s.register().unwrap();
    assert_eq!(reg.liaisons, vec![(id, golden_liaison())]);
    let ward = reg.for_ward();
    assert_eq!(ward.liaisons.len(), 1);
    let kept = &ward.liaisons[0].1;
    assert!(kept.full_name.is_empty() && kept.workplace.is_empty());
    assert_eq!(kept.kind, LiaisonKind::ExemptFromActivity);
    assert!(kept.sent(2025) && !kept.sent(2026));
    drop(s);
    let target = dir.path().join("c");
    sochibo::store::recover::restore_backup(&target, &backup).unwrap();
    let t = Store::open(&target).unwrap();
    assert_eq!(t.liaisons().unwrap(), vec![(id, golden_liaison())]);
}
