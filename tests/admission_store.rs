//! Golden bytes of the admission trees: candidates and yearly targets written by version 1
//! of their schema stay readable forever. The fixtures were written once by
//! `write_admission_fixtures` (ignored) and are never regenerated.

use crate::common::d;
use sochibo::domain::admission::{
    Candidate, Check, Document, Source, Sponsor, Stage, Step, Tally, Target,
};
use sochibo::domain::member::{Gender, Member, Occupation};
use sochibo::store::schema::{decode_candidate, decode_target, encode_candidate, encode_target};

fn golden_candidate() -> Candidate {
    let mut sponsors = Step::new(Stage::Sponsors, d(2025, 6, 1));
    sponsors.sponsors = vec![
        Sponsor {
            member: 7,
            name: "Trần Văn Hùng".into(),
            known_since: d(2019, 2, 28),
        },
        Sponsor {
            member: 12,
            name: "Nguyễn Thị Mai".into(),
            known_since: d(2024, 6, 1),
        },
    ];
    let mut vote = Step::new(Stage::BranchVote, d(2025, 7, 15));
    vote.tally = Some(Tally {
        yes: 19,
        no: 1,
        abstain: 0,
        denominator: 21,
        meeting: Some((33, 1)),
    });
    vote.document = Document {
        number: "08-NQ/CB".into(),
        date: Some(d(2025, 7, 15)),
        issuer: "Chi bộ Tổ dân phố số 5".into(),
    };
    let mut ceremony = Step::new(Stage::Ceremony, d(2025, 10, 20));
    ceremony.checks = vec![
        Check::CeremonyLate {
            working_days: 31,
            deadline: d(2025, 10, 17),
        },
        Check::YouthRouteTooOld { years: 31 },
    ];
    ceremony.override_reason = "Đảng ủy phường đồng ý".into();
    ceremony.responsible = "Trần Văn Hùng".into();
    ceremony.note = "Dòng 1\nDòng 2".into();
    let mut vetting = Step::new(Stage::Vetting, d(2025, 5, 2));
    vetting.conclusion = "Lý lịch rõ ràng".into();
    Candidate {
        person: Member {
            full_name: "Lê Thị Ngọc Ẩn".into(),
            gender: Some(Gender::Female),
            birth_date: Some(d(2000, 2, 29)),
            ethnicity: "Kinh".into(),
            religion: "Không".into(),
            address: "Số 5 Mạc Đăng Doanh".into(),
            occupation: Some(Occupation::Freelance),
            notes: "Đoàn viên ưu tú".into(),
            ..Member::default()
        },
        source: Some(Source::YouthUnion),
        source_unit: "Chi đoàn TDP số 5".into(),
        helper: Some(7),
        helper_name: "Trần Văn Hùng".into(),
        steps: vec![
            Step::new(Stage::Listed, d(2024, 12, 1)),
            vetting,
            sponsors,
            vote,
            ceremony,
        ],
        member: Some(40),
        withdrawn: Some((d(2026, 1, 2), "Chuyển nơi ở".into())),
    }
}

const CANDIDATE_V1: &[u8] = include_bytes!("fixtures/candidate_v1.bin");
const TARGET_V1: &[u8] = include_bytes!("fixtures/admission_target_v1.bin");

#[test]
fn candidate_v1_bytes_decode_forever() {
    assert_eq!(CANDIDATE_V1[0], 1, "version byte");
    assert_eq!(decode_candidate(CANDIDATE_V1).unwrap(), golden_candidate());
    assert_eq!(encode_candidate(&golden_candidate()).unwrap(), CANDIDATE_V1);
    let mut longer = CANDIDATE_V1.to_vec();
    longer.push(0);
    assert!(decode_candidate(&longer).is_err(), "trailing bytes");
    assert!(decode_candidate(&[9, 0]).is_err(), "unknown version");
}

#[test]
fn admission_target_v1_bytes_decode_forever() {
    let t = Target {
        year: 2026,
        count: 3,
    };
    assert_eq!(decode_target(TARGET_V1).unwrap(), t);
    assert_eq!(encode_target(&t).unwrap(), TARGET_V1);
}

#[test]
#[ignore = "writes the golden fixtures of the admission trees; run once per new schema version, never again"]
fn write_admission_fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = [
        (
            "candidate_v1.bin",
            encode_candidate(&golden_candidate()).unwrap(),
        ),
        (
            "admission_target_v1.bin",
            encode_target(&Target {
                year: 2026,
                count: 3,
            })
            .unwrap(),
        ),
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        let empty = std::fs::metadata(&path).map_or(true, |m| m.len() == 0);
        if empty {
            std::fs::write(path, bytes).unwrap();
        }
    }
}
