//! Resolution study in the store (#18.2): golden bytes of the frozen schema, and the
//! backup and the ward bundle carry the resolutions with who studied them.

use crate::common::d;
use sochibo::domain::study::{Level, MakeUp, Resolution, Session};
use sochibo::store::Store;
use sochibo::store::backup::load_register;
use sochibo::store::schema::{decode_resolution, encode_resolution};

fn golden() -> Resolution {
    Resolution {
        number: "21-NQ/TW".into(),
        title: "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng \
                đội ngũ đảng viên trong giai đoạn mới"
            .into(),
        level: Some(Level::Central),
        date: d(2022, 6, 16),
        sessions: vec![
            Session {
                date: d(2022, 8, 5),
                attendees: vec![1, 2, 5],
                note: "Nhà văn hóa tổ dân phố số 5; đồng chí Bí thư quán triệt".into(),
            },
            Session {
                date: d(2022, 8, 19),
                attendees: vec![7],
                note: String::new(),
            },
        ],
        makeups: vec![MakeUp {
            member: 9,
            date: d(2022, 9, 2),
        }],
    }
}

const RESOLUTION_V1: &[u8] = include_bytes!("fixtures/resolution_v1.bin");

#[test]
fn resolution_v1_bytes_decode_forever() {
    assert_eq!(RESOLUTION_V1[0], 1, "version byte");
    assert_eq!(decode_resolution(RESOLUTION_V1).unwrap(), golden());
    assert_eq!(encode_resolution(&golden()).unwrap(), RESOLUTION_V1);
}

#[test]
fn damaged_or_future_resolutions_are_errors_not_panics() {
    let mut future = RESOLUTION_V1.to_vec();
    future[0] = 99;
    assert!(decode_resolution(&future).is_err());
    assert!(decode_resolution(&RESOLUTION_V1[..RESOLUTION_V1.len() / 2]).is_err());
    assert!(decode_resolution(&[]).is_err());
}

#[test]
fn backup_and_ward_bundle_carry_the_resolutions() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    let id = store.save_resolution(None, &golden()).unwrap();
    let backup = dir.path().join("sao-luu.scb");
    store.write_backup(&backup).unwrap();
    let bundle = dir.path().join("gui-phuong.scb");
    store.write_ward_bundle(&bundle).unwrap();
    drop(store);
    let (_, reg) = load_register(&backup).unwrap();
    assert_eq!(reg.unwrap().resolutions, vec![(id, golden())]);
    // The ward's copy keeps who studied (ids, for the figures) without the notes.
    let (_, ward) = load_register(&bundle).unwrap();
    let ward = ward.unwrap();
    assert_eq!(ward.resolutions.len(), 1);
    let r = &ward.resolutions[0].1;
    assert_eq!(r.studied(), golden().studied());
    assert!(r.sessions.iter().all(|s| s.note.is_empty()));
}

#[test]
#[ignore = "writes the golden fixture of resolutions v1; run once, never again"]
fn write_fixture() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/resolution_v1.bin");
    if std::fs::metadata(&path).map_or(true, |m| m.len() == 0) {
        std::fs::write(path, encode_resolution(&golden()).unwrap()).unwrap();
    }
}
