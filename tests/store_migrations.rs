//! Golden bytes: records (and history entries) written by every schema version stay
//! readable forever. The fixtures were written once by `write_fixtures` (ignored) and are
//! never regenerated.

use crate::common::d;
use sochibo::domain::branch::Branch;
use sochibo::domain::meeting::{
    AgendaItem, Amendment, AttendanceRow, Guest, Mark, Meeting, MeetingKind, Speaker, Speech, Task,
    Threshold, Vote,
};
use sochibo::domain::member::{
    DisciplineLevel, EventKind, EventPapers, ExemptionReason, Gender, Member, MemberEvent,
    Occupation, PoliticalTheory, Professional,
};
use sochibo::domain::member::{Membership, Status};
use sochibo::store::history::entry;
use sochibo::store::schema::history::v1::HistoryV1;
use sochibo::store::schema::history::v2::{ChangeV2, HistoryV2};
use sochibo::store::schema::{
    HistoryEntry, decode_branch, decode_history, decode_meeting, decode_member, encode_branch,
    encode_history, encode_meeting, encode_member,
};

fn golden_member() -> Member {
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
        card_number: "31.001234".into(),
        education: "10/10".into(),
        professional: Some(Professional::Intermediate),
        political_theory: Some(PoliticalTheory::Elementary),
        occupation: Some(Occupation::Retired),
        notes: "Dòng 1\nDòng 2".into(),
        events: vec![
            MemberEvent::new(d(1970, 5, 19), EventKind::Admitted, ""),
            MemberEvent::new(d(1971, 5, 19), EventKind::Recognized, ""),
            MemberEvent::new(
                d(2024, 3, 1),
                EventKind::ExemptionStarted { full: true },
                "NQ 03",
            ),
        ],
        card_history: Vec::new(),
    }
}

fn golden_branch() -> Branch {
    Branch {
        name: "Chi bộ Tổ dân phố số 5".into(),
        superior: "Đảng bộ phường Dương Kinh".into(),
        address: "Nhà văn hóa TDP số 5".into(),
        secretary: "Trần Văn Hùng".into(),
        deputy: String::new(),
        term_start: 2025,
        term_end: 2027,
        usual_day: None,
    }
}

fn golden_meeting() -> Meeting {
    Meeting {
        number: 5,
        term_start: 2025,
        kind: MeetingKind::Thematic,
        topic: "Học tập và làm theo tư tưởng Hồ Chí Minh".into(),
        date: d(2026, 3, 20),
        start: "19:30".into(),
        end: "21:00".into(),
        place: "Nhà văn hóa".into(),
        chair: "Trần Văn Hùng".into(),
        secretary: "Nguyễn Thị Lan".into(),
        guests: vec![Guest {
            name: "Phạm Văn Tuấn".into(),
            position: "Đảng ủy viên".into(),
        }],
        attendance: vec![
            AttendanceRow {
                member: 7,
                name: "Lê Văn A".into(),
                status: Status::Official,
                membership: Membership::Official,
                mark: Mark::Present,
            },
            AttendanceRow {
                member: 9,
                name: "Đỗ Thị B".into(),
                status: Status::Exempt,
                membership: Membership::Official,
                mark: Mark::Excused("Ốm".into()),
            },
        ],
        agenda: vec![AgendaItem {
            title: "Thảo luận".into(),
            speeches: vec![
                Speech {
                    speaker: Speaker::Member(7, "Lê Văn A".into()),
                    gist: "Ý kiến\nhai dòng".into(),
                },
                Speech {
                    speaker: Speaker::Guest("Phạm Văn Tuấn".into(), "Đảng ủy viên".into()),
                    gist: "Góp ý".into(),
                },
            ],
            conclusion: "Thống nhất".into(),
        }],
        votes: vec![Vote {
            subject: "Nghị quyết".into(),
            threshold: Threshold::TwoThirds,
            yes: 1,
            no: 0,
            abstain: 0,
        }],
        tasks: vec![Task {
            who: "Chi ủy".into(),
            what: "Thu đảng phí".into(),
            due: Some(d(2026, 3, 31)),
            done: None,
        }],
        approved: Some(d(2026, 3, 20)),
        amendments: vec![Amendment {
            date: d(2026, 4, 1),
            reason: "Sửa lỗi".into(),
            text: "Đúng là 21:15".into(),
        }],
        proposals: Vec::new(),
    }
}

const MEETING_V1: &[u8] = include_bytes!("fixtures/meeting_v1.bin");

#[test]
fn meeting_v1_bytes_decode_forever() {
    use sochibo::store::schema::meeting::v1::MeetingV1;
    assert_eq!(MEETING_V1[0], 1);
    assert_eq!(decode_meeting(MEETING_V1).unwrap(), golden_meeting());
    // v1 is read only now; its types still give exactly these bytes.
    let v1 = sochibo::store::codec::encode(1, &MeetingV1::from(&golden_meeting())).unwrap();
    assert_eq!(v1, MEETING_V1);
}

/// v2 (#17): a task marked done and the members' proposals.
fn golden_meeting_v2() -> Meeting {
    let mut m = golden_meeting();
    m.tasks.push(Task {
        who: "Nguyễn Thị Lan".into(),
        what: "Vận động ủng hộ quỹ".into(),
        due: None,
        done: Some(d(2026, 3, 25)),
    });
    m.proposals = vec![
        sochibo::domain::meeting::Proposal {
            who: "Lê Văn A".into(),
            text: "Sửa đèn đường ngõ 12".into(),
            answer: "Chi bộ đề nghị phường sửa trong tháng 4".into(),
        },
        sochibo::domain::meeting::Proposal {
            who: "Đỗ Thị B".into(),
            text: "Đổi giờ họp".into(),
            answer: String::new(),
        },
    ];
    m
}

const MEETING_V2: &[u8] = include_bytes!("fixtures/meeting_v2.bin");

#[test]
fn meeting_v2_bytes_decode_forever() {
    assert_eq!(MEETING_V2[0], 2);
    assert_eq!(decode_meeting(MEETING_V2).unwrap(), golden_meeting_v2());
    // The current schema writes exactly these bytes.
    assert_eq!(encode_meeting(&golden_meeting_v2()).unwrap(), MEETING_V2);
}

const MEMBER_V1: &[u8] = include_bytes!("fixtures/member_v1.bin");
const BRANCH_V1: &[u8] = include_bytes!("fixtures/branch_v1.bin");

#[test]
fn member_v1_bytes_decode_forever() {
    assert_eq!(MEMBER_V1[0], 1, "version byte");
    // v1 → v2 → domain: events come back with empty papers.
    assert_eq!(decode_member(MEMBER_V1).unwrap(), golden_member());
}

/// The v2 golden member: the v1 one plus papers on its exemption and a discipline event.
fn golden_member_v2() -> Member {
    let mut m = golden_member();
    m.events[2].papers = EventPapers {
        applied_on: Some(d(2024, 2, 15)),
        decision: "03-NQ/CB".into(),
        decided_on: Some(d(2024, 2, 28)),
        reported_on: Some(d(2024, 3, 2)),
        exemption_reason: Some(ExemptionReason::OldAndWeak),
        ..EventPapers::default()
    };
    let mut e = MemberEvent::new(d(2025, 6, 1), EventKind::Disciplined, "Vi phạm quy định");
    e.papers.discipline = Some(DisciplineLevel::Reprimand);
    e.papers.dues_paid_to = Some((2025, 5));
    m.events.push(e);
    m
}

const MEMBER_V2: &[u8] = include_bytes!("fixtures/member_v2.bin");

#[test]
fn member_v2_bytes_decode_forever() {
    assert_eq!(MEMBER_V2[0], 2, "version byte");
    assert_eq!(decode_member(MEMBER_V2).unwrap(), golden_member_v2());
    // Members are written as v3 since #18.3 (its golden bytes: tests/record_store.rs).
    assert_eq!(encode_member(&golden_member_v2()).unwrap()[0], 3);
}

#[test]
fn a_store_holding_v1_records_reads_them_and_rewrites_as_v2() {
    let dir = tempfile::tempdir().unwrap();
    let store = sochibo::store::Store::open(dir.path()).unwrap();
    let id = store.insert_raw_member_for_tests(MEMBER_V1).unwrap();
    assert_eq!(store.member(id).unwrap().unwrap(), golden_member());
    store.save_member(Some(id), &golden_member_v2()).unwrap();
    drop(store);
    let store = sochibo::store::Store::open(dir.path()).unwrap();
    assert_eq!(store.member(id).unwrap().unwrap(), golden_member_v2());
}

#[test]
fn branch_v1_bytes_decode_forever() {
    use sochibo::store::schema::branch::v1::BranchV1;
    assert_eq!(BRANCH_V1[0], 1);
    // v1 → v2 → domain: no usual meeting day.
    assert_eq!(decode_branch(BRANCH_V1).unwrap(), golden_branch());
    // v1 is read only now (the branch is written as v2 since #17, golden bytes in
    // tests/usual_day.rs); its types still give exactly these bytes.
    let v1 = sochibo::store::codec::encode(1, &BranchV1::from(&golden_branch())).unwrap();
    assert_eq!(v1, BRANCH_V1);
    assert_eq!(encode_branch(&golden_branch()).unwrap()[0], 2);
}

#[test]
fn damaged_or_future_records_are_errors_not_panics() {
    let mut future = MEMBER_V1.to_vec();
    future[0] = 99;
    assert!(decode_member(&future).is_err());
    assert!(decode_member(&MEMBER_V1[..MEMBER_V1.len() - 3]).is_err());
    let mut longer = MEMBER_V1.to_vec();
    longer.push(0);
    assert!(
        decode_member(&longer).is_err(),
        "trailing bytes mean corruption"
    );
    assert!(decode_member(&[]).is_err());
}

/// The golden v1 history entry: an edit with both whole values.
fn golden_history_v1() -> HistoryV1 {
    HistoryV1 {
        at: 1_767_225_600,
        tree: "members".into(),
        key: 42,
        old: Some(b"\x02old value".to_vec()),
        new: Some(b"\x02new value!".to_vec()),
    }
}

/// The golden v2 history entries: a creation, an edit and a deletion.
fn golden_history_v2() -> [HistoryV2; 3] {
    let at = 1_767_225_600;
    [
        entry(at, "meetings", 7, None, Some(b"\x01first")),
        entry(
            at,
            "members",
            42,
            Some(b"\x02old value"),
            Some(b"\x02new value"),
        ),
        entry(at, "meta", 0, Some(b"\x01branch"), None),
    ]
}

const HISTORY_V1: &[u8] = include_bytes!("fixtures/history_v1.bin");
const HISTORY_V2: [&[u8]; 3] = [
    include_bytes!("fixtures/history_v2_created.bin"),
    include_bytes!("fixtures/history_v2_changed.bin"),
    include_bytes!("fixtures/history_v2_deleted.bin"),
];

#[test]
fn history_v1_bytes_decode_forever() {
    assert_eq!(HISTORY_V1[0], 1, "version byte");
    assert_eq!(
        decode_history(HISTORY_V1).unwrap(),
        HistoryEntry::V1(golden_history_v1())
    );
}

#[test]
fn history_v2_bytes_decode_forever() {
    let golden = golden_history_v2();
    assert_eq!(
        golden[1].change,
        ChangeV2::Changed {
            prefix: 1,
            suffix: 6,
            old_mid: b"old".to_vec()
        }
    );
    for (bytes, h) in HISTORY_V2.iter().zip(golden) {
        assert_eq!(bytes[0], 2, "version byte");
        assert_eq!(decode_history(bytes).unwrap(), HistoryEntry::V2(h.clone()));
        // The current schema writes exactly these bytes.
        assert_eq!(encode_history(&h).unwrap(), *bytes);
    }
}

#[test]
#[ignore = "writes the golden fixtures of the current schema; run once per new schema version, never again"]
fn write_fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Only missing (or empty) fixtures are written: an existing one is never regenerated.
    let [created, changed, deleted] = golden_history_v2();
    let files: [(&str, Vec<u8>); 9] = [
        ("branch_v1.bin", Vec::new()), // v1 branches can no longer be written: keep the old file
        ("meeting_v1.bin", Vec::new()), // v1 meetings can no longer be written: keep the old file
        (
            "meeting_v2.bin",
            encode_meeting(&golden_meeting_v2()).unwrap(),
        ),
        ("member_v2.bin", encode_member(&golden_member_v2()).unwrap()),
        ("member_v1.bin", Vec::new()), // v1 members can no longer be written: keep the old file
        (
            "history_v1.bin",
            sochibo::store::codec::encode(1, &golden_history_v1()).unwrap(),
        ),
        ("history_v2_created.bin", encode_history(&created).unwrap()),
        ("history_v2_changed.bin", encode_history(&changed).unwrap()),
        ("history_v2_deleted.bin", encode_history(&deleted).unwrap()),
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        let empty = std::fs::metadata(&path).map_or(true, |m| m.len() == 0);
        if empty && !bytes.is_empty() {
            std::fs::write(path, bytes).unwrap();
        }
    }
}
