//! CSV import and export end to end: parse a file, plan the import against a real store,
//! save the plan, read the store back.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use sochibo::domain::demo::demo_members;
use sochibo::domain::member::{
    EventKind, Gender, Member, Occupation, PoliticalTheory, Professional,
};
use sochibo::domain::validate::{Field, Problem};
use sochibo::interchange::members_csv::{self, ImportPlan, RowError};
use sochibo::store::Store;
use unicode_normalization::UnicodeNormalization;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn plan_into(store: &Store, bytes: &[u8]) -> ImportPlan {
    let parsed = members_csv::parse(bytes).unwrap();
    members_csv::plan(&parsed.rows, &store.members().unwrap(), today())
}

fn names(store: &Store) -> Vec<String> {
    let mut v: Vec<String> = store
        .members()
        .unwrap()
        .into_iter()
        .map(|(_, m)| m.full_name)
        .collect();
    v.sort();
    v
}

fn err(line: usize, field: Field, problem: Problem) -> RowError {
    RowError {
        line,
        field,
        problem,
    }
}

#[test]
fn bad_rows_are_reported_by_line_and_field_and_only_good_rows_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let plan = plan_into(&store, &fixture("members_bad_rows.csv"));

    // Line 2's notes span two physical lines, so later rows start one line further down.
    assert_eq!(
        plan.rejected,
        vec![
            err(
                4,
                Field::BirthDate,
                Problem::Date(sochibo::domain::date::BadDate::Day {
                    day: 31,
                    month: 2,
                    year: 1960,
                    last: 29
                })
            ),
            err(5, Field::FullName, Problem::Required),
            err(
                7,
                Field::CardNumber,
                Problem::CardTaken("Phạm Văn Hùng".into())
            ),
            err(8, Field::Gender, Problem::UnknownChoice),
        ]
    );
    assert_eq!(plan.rejected_rows(), 4);
    assert_eq!((plan.added, plan.updated), (4, 0));

    store.save_members(&plan.items).unwrap();
    assert_eq!(
        names(&store),
        vec![
            "Bùi Thị Hạnh",
            "Lương Đức Toàn",
            "Nguyễn Văn Thắng",
            "Phạm Văn Hùng"
        ]
    );
    let members = store.members().unwrap();
    let thang = &members
        .iter()
        .find(|(_, m)| m.full_name == "Nguyễn Văn Thắng")
        .unwrap()
        .1;
    assert_eq!(
        thang.notes,
        "Nguyên tổ trưởng tổ dân phố\nnhiệm kỳ 2015-2020"
    );
    assert_eq!(thang.card_number, "01.000.101");
    assert_eq!(thang.occupation, Some(Occupation::Retired));
    assert_eq!(thang.recognized_on(), NaiveDate::from_ymd_opt(1981, 2, 3));
}

#[test]
fn several_problems_of_one_row_are_all_reported() {
    let csv = "Họ và tên,Ngày sinh,Điện thoại,Số CCCD,Chuyên môn\n\
               ,1/13/60,12345,0312,tiến sĩ luật\n";
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let plan = plan_into(&store, csv.as_bytes());
    let fields: Vec<Field> = plan.rejected.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::Professional,
            Field::FullName,
            Field::BirthDate,
            Field::NationalId,
            Field::Phone
        ]
    );
    assert!(plan.rejected.iter().all(|e| e.line == 2));
    assert_eq!(plan.rejected_rows(), 1);
    assert!(plan.items.is_empty());
}

#[test]
fn a_strict_caller_sees_the_refusals_and_saving_nothing_leaves_the_store_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let plan = plan_into(&store, &fixture("members_bad_rows.csv"));
    assert!(!plan.rejected.is_empty());
    assert!(!plan.items.is_empty(), "the good rows are still planned");
    let strict = true;
    if !strict || plan.rejected.is_empty() {
        store.save_members(&plan.items).unwrap();
    }
    assert!(store.members().unwrap().is_empty());
    assert_eq!(store.member_count(), 0);
}

#[test]
fn bom_semicolon_and_plain_comma_files_both_import() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();

    let bytes = fixture("members_bom_semicolon.csv");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"));
    let parsed = members_csv::parse(&bytes).unwrap();
    assert_eq!(parsed.separator, b';');
    assert_eq!(parsed.ignored_columns, vec!["STT".to_string()]);
    let plan = members_csv::plan(&parsed.rows, &[], today());
    assert_eq!(plan.rejected, vec![]);
    assert_eq!(plan.added, 3);
    store.save_members(&plan.items).unwrap();

    let plan = plan_into(&store, &fixture("members_plain_comma.csv"));
    assert_eq!(plan.rejected, vec![]);
    assert_eq!((plan.added, plan.updated), (2, 0));
    store.save_members(&plan.items).unwrap();

    let members: HashMap<String, Member> = store
        .members()
        .unwrap()
        .into_iter()
        .map(|(_, m)| (m.full_name.clone(), m))
        .collect();
    assert_eq!(members.len(), 5);
    let huong = &members["Hoàng Thị Thu Hương"];
    assert_eq!(huong.address, "Số 12, ngõ 34 Lạch Tray");
    assert_eq!(huong.phone, "+84 912 345 678");
    assert_eq!(huong.professional, Some(Professional::University));
    assert_eq!(huong.political_theory, Some(PoliticalTheory::Intermediate));
    assert_eq!(huong.occupation, Some(Occupation::Retired));
    let vinh = &members["Đinh Quang Vinh"];
    assert_eq!(vinh.birth_date, NaiveDate::from_ymd_opt(1979, 9, 2));
    assert_eq!(vinh.occupation, Some(Occupation::CivilServant));
    let yen = &members["Tô Thị Yến"];
    assert_eq!(yen.gender, Some(Gender::Female));
    assert_eq!(yen.recognized_on(), None);
    let cuong = &members["Lê Văn Cường"];
    assert_eq!(cuong.occupation, Some(Occupation::Retired));
    assert_eq!(
        cuong.notes,
        "Thương binh hạng 3/4; tham gia kháng chiến chống Mỹ"
    );
    assert_eq!(members["Ngô Thị Ánh"].gender, Some(Gender::Female));
}

/// What a CSV carries of a member: everything but the timeline events other than
/// admission and recognition.
fn csv_view(m: &Member) -> Member {
    let mut m = m.clone();
    m.events
        .retain(|e| matches!(e.kind, EventKind::Admitted | EventKind::Recognized));
    m
}

fn by_card(store: &Store) -> HashMap<String, (u64, Member)> {
    store
        .members()
        .unwrap()
        .into_iter()
        .map(|(id, m)| (m.card_number.clone(), (id, m)))
        .collect()
}

#[test]
fn export_then_import_round_trips_and_reimport_updates_instead_of_duplicating() {
    let demo = demo_members(7, 35, today());
    let src_dir = tempfile::tempdir().unwrap();
    let src = Store::open(src_dir.path()).unwrap();
    let items: Vec<(Option<u64>, Member)> = demo.iter().map(|m| (None, m.clone())).collect();
    src.save_members(&items).unwrap();
    let before = by_card(&src);
    assert_eq!(before.len(), 35);

    let exported = members_csv::export(&src.members().unwrap(), today());
    let parsed = members_csv::parse(exported.as_bytes()).unwrap();
    assert!(parsed.ignored_columns.is_empty());
    assert!(parsed.missing_columns.is_empty());
    assert_eq!(parsed.rows.len(), 35);

    // Into a fresh store: the same members, except for timeline events a CSV cannot carry.
    let dst_dir = tempfile::tempdir().unwrap();
    let dst = Store::open(dst_dir.path()).unwrap();
    let plan = members_csv::plan(&parsed.rows, &dst.members().unwrap(), today());
    assert_eq!(plan.rejected, vec![]);
    assert_eq!((plan.added, plan.updated), (35, 0));
    dst.save_members(&plan.items).unwrap();
    let copied = by_card(&dst);
    assert_eq!(copied.len(), 35);
    let mut identical = 0;
    for (card, (_, m)) in &before {
        let (_, c) = &copied[card];
        assert_eq!(c, &csv_view(m), "{}", m.full_name);
        identical += usize::from(c == m);
    }
    // The demo has one fully and one temporarily exempted member, one transferred in, one
    // transferred out and one deceased: their extra events do not travel in a CSV.
    assert_eq!(identical, 30);

    // Importing the same file again updates every member and adds nobody.
    let plan = members_csv::plan(&parsed.rows, &dst.members().unwrap(), today());
    assert_eq!(plan.rejected, vec![]);
    assert_eq!((plan.added, plan.updated), (0, 35));
    dst.save_members(&plan.items).unwrap();
    assert_eq!(dst.member_count(), 35);
    assert_eq!(by_card(&dst), copied);

    // Into the store it came from: nothing changes, exemptions included.
    let plan = members_csv::plan(&parsed.rows, &src.members().unwrap(), today());
    assert_eq!((plan.added, plan.updated), (0, 35));
    src.save_members(&plan.items).unwrap();
    assert_eq!(src.member_count(), 35);
    assert_eq!(by_card(&src), before);
    assert_eq!(
        members_csv::export(&src.members().unwrap(), today()),
        exported
    );
}

#[test]
fn decomposed_vietnamese_is_stored_composed_and_matches_on_reimport() {
    let name = "Nguyễn Thị Phượng";
    let address = "Số 7 ngõ Hòa Nghĩa, phường Hải Thành";
    let nfd = |s: &str| -> String { s.nfd().collect() };
    assert_ne!(nfd(name), name);
    let csv = format!(
        "{},{},{},{}\r\n{},\"{}\",{},21/03/1971\r\n",
        nfd("Họ và tên"),
        nfd("Địa chỉ"),
        nfd("Nghề nghiệp"),
        nfd("Ngày sinh"),
        nfd(name),
        nfd(address),
        nfd("Lao động tự do"),
    );

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let plan = plan_into(&store, csv.as_bytes());
    assert_eq!(plan.rejected, vec![]);
    store.save_members(&plan.items).unwrap();
    let members = store.members().unwrap();
    assert_eq!(members.len(), 1);
    let m = &members[0].1;
    assert_eq!(m.full_name, name);
    assert_eq!(m.address, address);
    assert_eq!(m.occupation, Some(Occupation::Freelance));

    // No card number: the same name (composed or not, any case) and birth date is the same person.
    let again = "Họ và tên,Ngày sinh,Điện thoại\nNGUYỄN THỊ PHƯỢNG,21/03/1971,0912 000 111\n";
    let plan = plan_into(&store, again.as_bytes());
    assert_eq!((plan.added, plan.updated), (0, 1));
    assert_eq!(plan.items[0].0, Some(members[0].0));
    store.save_members(&plan.items).unwrap();
    let m = store.member(members[0].0).unwrap().unwrap();
    assert_eq!(m.phone, "0912 000 111");
    // Columns the second file did not have are kept.
    assert_eq!(m.address, address);
    assert_eq!(m.occupation, Some(Occupation::Freelance));
    assert_eq!(store.member_count(), 1);
}

/// A store holding one member, saved through an import of `csv`.
fn store_with(dir: &std::path::Path, csv: &str) -> Store {
    let store = Store::open(dir).unwrap();
    let plan = plan_into(&store, csv.as_bytes());
    assert!(
        plan.rejected.is_empty() && plan.conflicts.is_empty(),
        "{plan:?}"
    );
    store.save_members(&plan.items).unwrap();
    store
}

const ANH: &str = "Họ và tên,Ngày sinh,Số thẻ đảng viên\nNguyễn Ngọc Ánh,01/05/1950,31001277\n";

#[test]
fn a_card_number_of_another_person_is_a_conflict_not_an_update() {
    use members_csv::ConflictKind;
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), ANH);
    let anh = store.members().unwrap()[0].clone();

    // The row of the issue: another name and another birth date on Ánh's card.
    let plan = plan_into(
        &store,
        "Họ và tên,Ngày sinh,Số thẻ đảng viên\nKẻ Mạo Danh,01/01/1950,31001277\n".as_bytes(),
    );
    assert_eq!((plan.added, plan.updated), (0, 0));
    assert!(plan.items.is_empty());
    let [c] = plan.conflicts.as_slice() else {
        panic!("{plan:?}")
    };
    assert_eq!((c.line, c.kind, c.id), (2, ConflictKind::CardOwner, anh.0));
    assert_eq!(
        (
            c.existing_name.as_str(),
            c.row_name.as_str(),
            c.card.as_str()
        ),
        ("Nguyễn Ngọc Ánh", "Kẻ Mạo Danh", "31001277")
    );
    assert_eq!(c.existing_birth, NaiveDate::from_ymd_opt(1950, 5, 1));
    assert_eq!(c.row_birth, NaiveDate::from_ymd_opt(1950, 1, 1));
    // Another name without a birth date to confirm it: held back too.
    let plan = plan_into(
        &store,
        "Họ và tên,Số thẻ đảng viên\nKẻ Mạo Danh,31001277\n".as_bytes(),
    );
    assert_eq!(plan.conflicts.len(), 1);
    assert!(plan.items.is_empty());

    // Corrections are still updates: the name's spelling with the same birth date, the
    // birth date under the same name, the name without diacritics.
    for row in [
        "Nguyễn Ngọc Anh,01/05/1950,31001277",
        "Nguyễn Ngọc Ánh,02/05/1950,31001277",
        "NGUYEN NGOC ANH,,31.001.277",
    ] {
        let plan = plan_into(
            &store,
            format!("Họ và tên,Ngày sinh,Số thẻ đảng viên\n{row}\n").as_bytes(),
        );
        assert!(plan.conflicts.is_empty(), "{row}: {plan:?}");
        assert_eq!((plan.added, plan.updated), (0, 1), "{row}");
        assert_eq!(plan.items[0].0, Some(anh.0));
    }
    // Nothing was saved by planning.
    assert_eq!(names(&store), vec!["Nguyễn Ngọc Ánh".to_string()]);
}

#[test]
fn an_unbalanced_quote_refuses_its_line_not_the_rest_of_the_file() {
    use members_csv::{BrokenLine, LineProblem};
    // The quote on line 3 never closes: line 3 is refused, line 4 is still a row.
    let p = members_csv::parse(
        "Họ và tên,Ngày sinh\nA An,01/01/1950\n\"B Bình,02/02/1960\nC Chi,03/03/1970\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(
        p.broken,
        vec![BrokenLine {
            line: 3,
            problem: LineProblem::UnclosedQuote
        }]
    );
    let rows: Vec<(usize, &str)> = p
        .rows
        .iter()
        .map(|r| (r.line, r.draft.full_name.as_str()))
        .collect();
    assert_eq!(rows, vec![(2, "A An"), (4, "C Chi")]);

    // A quote that closes lines later, inside a name: those lines are refused together.
    let p = members_csv::parse(
        "Họ và tên;Ghi chú\r\n\"A An;x\r\nB Bình;y\r\nC\" Chi;z\r\nD Dũng;\"dòng 1\r\ndòng 2\"\r\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        p.broken,
        vec![BrokenLine {
            line: 2,
            problem: LineProblem::QuoteAcrossLines {
                to: 4,
                column: "Họ và tên".into()
            }
        }]
    );
    // Notes may hold line breaks: that row is read, with its line number.
    assert_eq!(p.rows.len(), 1);
    assert_eq!(
        (p.rows[0].line, p.rows[0].draft.notes.as_str()),
        (5, "dòng 1\r\ndòng 2")
    );

    // An unclosed quote in the header line: reported, and the next line is the header.
    let p = members_csv::parse("\"Cũ\nHọ và tên\nE Em\n".as_bytes()).unwrap();
    assert_eq!(p.broken[0].line, 1);
    assert_eq!(
        (p.rows[0].line, p.rows[0].draft.full_name.as_str()),
        (3, "E Em")
    );
}

#[test]
fn invisible_characters_are_removed_with_a_warning_and_look_alikes_are_held_back() {
    use members_csv::ConflictKind;
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(
        dir.path(),
        "Họ và tên,Ngày sinh\nNguyễn Văn An,05/03/1950\nLê Thị Hoa,\n",
    );
    let file = "Họ và tên,Ngày sinh,Ghi chú\n\
                Nguyễn Văn\u{200B} An,05/03/1950,\n\
                Nguyễn Văn\u{200B} An,,\n\
                Nguyễn Vаn Аn,,\n\
                Lê Thị Hoa,01/01/1970,\n\
                \u{202E}nóS ũĐ,01/01/1960,ghi\u{2066} chú\n\
                Nguyễn Văn An,07/07/1977,\n";
    let plan = plan_into(&store, file.as_bytes());
    // Line 2: the zero-width space is dropped, and the row is An himself (same birth date).
    assert_eq!(plan.items[0].0, Some(store.members().unwrap()[0].0));
    assert_eq!(plan.items[0].1.full_name, "Nguyễn Văn An");
    // Lines 3 and 4: An's name with an invisible space or Cyrillic letters and no birth date
    // to tell them apart; line 5: Hoa has no birth date on record.
    let held: Vec<(usize, ConflictKind, &str)> = plan
        .conflicts
        .iter()
        .map(|c| (c.line, c.kind, c.existing_name.as_str()))
        .collect();
    assert_eq!(
        held,
        vec![
            (3, ConflictKind::LooksLike, "Nguyễn Văn An"),
            (4, ConflictKind::LooksLike, "Nguyễn Văn An"),
            (5, ConflictKind::LooksLike, "Lê Thị Hoa"),
        ]
    );
    // Line 6: the right-to-left override is not stored; line 7: a namesake born another
    // day is another person, added.
    let added: Vec<&str> = plan.items[1..]
        .iter()
        .map(|(_, m)| m.full_name.as_str())
        .collect();
    assert_eq!(added, vec!["nóS ũĐ", "Nguyễn Văn An"]);
    assert_eq!(plan.items[1].1.notes, "ghi chú");
    assert_eq!((plan.added, plan.updated), (2, 1));
    assert_eq!(
        plan.cleaned,
        vec![
            (2, Field::FullName, 1),
            (3, Field::FullName, 1),
            (6, Field::FullName, 1),
            (6, Field::Notes, 1),
        ]
    );
}
