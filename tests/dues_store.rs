//! Golden bytes of the dues and badge records, schema v1: written once by
//! `write_fixtures` (ignored) and never regenerated.

use crate::common::{d, ym};
use sochibo::domain::badges::{Award, BadgeRecord};
use sochibo::domain::dues::{Category, Ledger, Method, Payment, Profile, Relief, ReliefKind};
use sochibo::store::schema::{
    decode_badges, decode_dues_payments, decode_dues_profiles, encode_badges, encode_dues_payments,
    encode_dues_profiles,
};

fn golden_ledger() -> Ledger {
    Ledger {
        profiles: vec![
            Profile {
                from: ym(2026, 1),
                category: Category::Pension,
                base: 6_543_000,
                relief: None,
            },
            Profile {
                from: ym(2026, 7),
                category: Category::Salary,
                base: 9_800_000,
                relief: Some(Relief {
                    kind: ReliefKind::Reduce(50),
                    decision: "Nghị quyết số 04-NQ/CB".into(),
                    from: ym(2026, 7),
                    to: ym(2026, 12),
                }),
            },
        ],
        payments: vec![
            Payment {
                month: ym(2026, 1),
                amount: 32_715,
                method: Method::Cash,
                date: d(2026, 1, 12),
                payer: String::new(),
            },
            Payment {
                month: ym(2026, 7),
                amount: 49_000,
                method: Method::Online,
                date: d(2026, 7, 30),
                payer: String::new(),
            },
        ],
    }
}

fn golden_badges() -> BadgeRecord {
    BadgeRecord {
        serious_illness: true,
        awards: vec![Award {
            milestone: 45,
            date: d(2026, 9, 2),
            decision: "Số 142-QĐ/TU".into(),
        }],
    }
}

const PROFILES_V1: &[u8] = include_bytes!("fixtures/dues_profiles_v1.bin");
const PAYMENTS_V1: &[u8] = include_bytes!("fixtures/dues_payments_v1.bin");
const BADGES_V1: &[u8] = include_bytes!("fixtures/badges_v1.bin");

#[test]
fn dues_and_badges_v1_bytes_decode_forever() {
    let l = golden_ledger();
    assert_eq!(PROFILES_V1[0], 1, "version byte");
    assert_eq!(decode_dues_profiles(PROFILES_V1).unwrap(), l.profiles);
    assert_eq!(encode_dues_profiles(&l).unwrap(), PROFILES_V1);
    assert_eq!(decode_dues_payments(PAYMENTS_V1).unwrap(), l.payments);
    // Payments are written as v2 since #17 item 6 (golden bytes: tests/dues_payer.rs); the
    // v1 types still give these bytes.
    let v1 = sochibo::store::schema::dues::v1::DuesPaymentsV1::from(&l);
    assert_eq!(sochibo::store::codec::encode(1, &v1).unwrap(), PAYMENTS_V1);
    assert_eq!(encode_dues_payments(&l).unwrap()[0], 3);
    assert_eq!(decode_badges(BADGES_V1).unwrap(), golden_badges());
    assert_eq!(encode_badges(&golden_badges()).unwrap(), BADGES_V1);
    let mut future = BADGES_V1.to_vec();
    future[0] = 99;
    assert!(decode_badges(&future).is_err());
    assert!(decode_dues_payments(&PAYMENTS_V1[..PAYMENTS_V1.len() - 2]).is_err());
}

#[test]
#[ignore = "writes the golden fixtures; run once per new schema version, never again"]
fn write_fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let l = golden_ledger();
    std::fs::write(
        dir.join("dues_profiles_v1.bin"),
        encode_dues_profiles(&l).unwrap(),
    )
    .unwrap();
    // Payments are written as v2 now: the v1 fixture is never written again.
    assert!(dir.join("dues_payments_v1.bin").exists());
    std::fs::write(
        dir.join("badges_v1.bin"),
        encode_badges(&golden_badges()).unwrap(),
    )
    .unwrap();
}
