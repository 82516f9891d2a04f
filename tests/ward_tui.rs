//! The ward office's screen (`sochibo ward DIR`) through its keys, on a `TestBackend`:
//! one row per branch with its state, typing finds and never commands, the list is edited
//! with F7/F2/F8 (the question opens on "Không"), Tab moves between the figure sections,
//! F5 writes the section's `.docx` and `.xlsx`; bad files are each named with their reason,
//! the rest roll up, and reading the folder changes nothing in it.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sochibo::app::ward::folder::{LIST_FILE, NOTES_FILE};
use sochibo::app::ward::{RowState, WardApp};
use sochibo::domain::branch::Branch;
use sochibo::i18n::Lang;
use sochibo::keymap::{Keymap, parse_key_string};
use sochibo::store::Store;
use sochibo::store::backup;
use sochibo::ui::{self, theme::Theme};

use common::today;

/// A branch's store with the sample data under another name.
fn branch_store(name: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).unwrap();
    sochibo::cli::write_demo(&store, today()).unwrap();
    let mut b: Branch = store.branch().unwrap().unwrap();
    b.name = name.into();
    store.save_branch(&b).unwrap();
    (dir, store)
}

/// Writes `name`'s figures-only bundle as `dir/file`.
fn bundle(dir: &Path, file: &str, name: &str) -> PathBuf {
    let (_keep, store) = branch_store(name);
    let path = dir.join(file);
    store.write_ward_bundle(&path).unwrap();
    path
}

/// The same bundle made `days` earlier (its time rewritten, the checksum with it).
fn made_earlier(src: &Path, dst: &Path, days: i64) {
    let (mut snap, _) = backup::load_backup(src).unwrap();
    snap.created_at -= days * 86_400;
    sochibo::store::snapshot::write_file(dst, &snap).unwrap();
}

fn write_list(dir: &Path, names: &[&str]) {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    std::fs::write(
        dir.join(LIST_FILE),
        format!(
            "cap_tren = \"Đảng bộ thành phố Hải Phòng\"\nchi_bo = [{}]\n",
            quoted.join(", ")
        ),
    )
    .unwrap();
}

struct Ward {
    app: WardApp,
    term: Terminal<TestBackend>,
    theme: Theme,
}

impl Ward {
    fn open(dir: &Path) -> Ward {
        let fallback = dir.parent().unwrap().join("exports-fallback");
        let app = WardApp::open(dir, Lang::Vi, Keymap::defaults(), today(), &fallback).unwrap();
        let mut w = Ward {
            app,
            term: Terminal::new(TestBackend::new(100, 30)).unwrap(),
            theme: Theme {
                color: true,
                ascii: false,
            },
        };
        w.keys("");
        w
    }

    fn keys(&mut self, s: &str) -> &mut Self {
        let events: Vec<Event> = parse_key_string(s)
            .unwrap()
            .into_iter()
            .map(Event::Key)
            .collect();
        ui::run(&mut self.term, &mut self.app, &self.theme, events).unwrap();
        self
    }

    fn screen(&self) -> String {
        common::screen_of(&self.term)
    }

    fn row(&self, label: &str) -> &RowState {
        &self
            .app
            .rows
            .iter()
            .find(|r| r.label.contains(label))
            .unwrap_or_else(|| panic!("no row {label}: {}", self.screen()))
            .state
    }
}

/// Every file of a folder (not its subfolders) with its bytes and modification time.
fn contents(dir: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            let p = e.path();
            (
                e.file_name().to_string_lossy().into_owned(),
                (
                    std::fs::read(&p).unwrap(),
                    p.metadata().unwrap().modified().unwrap(),
                ),
            )
        })
        .collect()
}

const A: &str = "Chi bộ Tổ dân phố số 1";
const B: &str = "Chi bộ Tổ dân phố số 2";
const C: &str = "Chi bộ Trạm Y tế phường";

/// A folder with three listed branches, two of which sent a bundle.
fn two_of_three() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("phuong");
    std::fs::create_dir(&dir).unwrap();
    bundle(&dir, "a.scb", A);
    bundle(&dir, "b.scb", B);
    write_list(&dir, &[A, B, C]);
    (root, dir)
}

#[test]
fn each_branch_has_a_row_with_its_state_and_the_key_bar_says_the_keys() {
    let (_root, dir) = two_of_three();
    let w = Ward::open(&dir);
    let s = w.screen();
    assert!(s.contains(A) && s.contains(B) && s.contains(C), "{s}");
    assert!(s.contains("Đã nhận"), "{s}");
    assert!(s.contains("Chưa nhận"), "{s}");
    let made = sochibo::domain::date::format_date(chrono::Local::now().date_naive());
    assert!(s.contains(&made), "the day each bundle was made: {s}");
    assert!(matches!(w.row(C), RowState::NotReceived));
    assert!(s.contains("Đã nhận 2/3 chi bộ; chưa nhận 1"), "{s}");
    let bar = s.lines().last().unwrap();
    for k in [
        "F7 Thêm",
        "F2 Đổi tên",
        "F8 Xóa",
        "Tab Phần sau",
        "F5 Xuất tệp",
        "F1 Trợ giúp",
        "F10 Thoát",
    ] {
        assert!(bar.contains(k), "{k} in {bar}");
    }
    // The figures are the two received branches'.
    assert_eq!(w.app.figures.shares.len(), 2);
    let total = w.app.figures.structure.total;
    assert!(total > 50);
    assert!(s.contains(&format!("Tổng số: {total} đảng viên")), "{s}");
}

#[test]
fn typing_finds_a_branch_and_changes_nothing() {
    let (_root, dir) = two_of_three();
    let before = contents(&dir);
    let mut w = Ward::open(&dir);
    // Letters that are keys elsewhere (q, d, n, y …) only find.
    w.keys("tram y te");
    assert_eq!(w.app.rows[w.app.cursor].label, C);
    assert!(w.screen().contains("Tìm: tram y te"));
    w.keys("<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>dan pho so 2");
    assert_eq!(w.app.rows[w.app.cursor].label, B);
    w.keys("qxyzn");
    assert!(!w.app.should_quit);
    assert!(w.app.edit.is_none() && w.app.drop.is_none());
    let after = contents(&dir);
    // The screen's only write is its notes; the list and the bundles are as they were.
    for (name, v) in &before {
        assert_eq!(after.get(name), Some(v), "{name} unchanged");
    }
    assert!(after.contains_key(NOTES_FILE));
}

#[test]
fn f7_adds_f2_renames_and_f8_drops_after_a_question_that_opens_on_no() {
    let (_root, dir) = two_of_three();
    let mut w = Ward::open(&dir);
    let list = || std::fs::read_to_string(dir.join(LIST_FILE)).unwrap();
    // An empty name is refused, naming the field; nothing is written.
    let before = list();
    w.keys("<F7><Enter>");
    assert!(
        w.screen().contains("Tên chi bộ: cần nhập tên"),
        "{}",
        w.screen()
    );
    assert_eq!(list(), before);
    // A name already on the list (any case, any spacing) is refused.
    w.keys("chi bộ  tổ dân phố SỐ 1<Enter>");
    assert!(
        w.screen().contains("đã có trong danh sách"),
        "{}",
        w.screen()
    );
    assert_eq!(list(), before);
    w.keys("<Esc><F7>Chi bộ Tổ dân phố số 9<Enter>");
    assert!(list().contains("Chi bộ Tổ dân phố số 9"), "{}", list());
    assert!(
        w.screen()
            .contains("Đã thêm chi bộ «Chi bộ Tổ dân phố số 9»")
    );
    assert!(matches!(w.row("số 9"), RowState::NotReceived));
    // Rename the selected (new) branch.
    w.keys("<F2><Backspace>10<Enter>");
    assert!(
        list().contains("số 10") && !list().contains("số 9\""),
        "{}",
        list()
    );
    // F8 asks; Enter on the default answer ("Không") keeps the branch.
    w.keys("<F8>");
    let s = w.screen();
    assert!(
        s.contains("Bỏ chi bộ «Chi bộ Tổ dân phố số 10» khỏi danh sách"),
        "{s}"
    );
    assert!(s.contains("> Không <"), "{s}");
    w.keys("y<Enter>");
    assert!(
        list().contains("số 10"),
        "typing y did not answer: {}",
        list()
    );
    // Switch to "Có", then Enter drops it; the bundles stay.
    w.keys("<F8><Left><Enter>");
    assert!(!list().contains("số 10"), "{}", list());
    assert!(w.screen().contains("Đã bỏ chi bộ"));
    assert!(dir.join("a.scb").exists() && dir.join("b.scb").exists());
    // Every edit of the list is named and undone with Ctrl+Z, redone with Ctrl+Y.
    let dropped = list();
    w.keys("<C-z>");
    assert!(list().contains("số 10"), "{}", list());
    assert!(
        w.screen()
            .contains("Đã hoàn tác: bỏ chi bộ «Chi bộ Tổ dân phố số 10»"),
        "{}",
        w.screen()
    );
    w.keys("<C-y>");
    assert_eq!(list(), dropped);
    w.keys("<C-z><C-z><C-z>");
    let names = |t: String| {
        t.lines()
            .find(|l| l.starts_with("chi_bo"))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        names(list()),
        names(before.clone()),
        "back to the list as it was"
    );
    w.keys("<C-z>");
    assert!(
        w.screen().contains("Không có thay đổi nào"),
        "{}",
        w.screen()
    );
    // A file row cannot be renamed or dropped.
    std::fs::write(dir.join("ghi-chu.txt"), "không phải gói").unwrap();
    let mut w = Ward::open(&dir);
    w.keys("ghi chu<F8>");
    assert!(w.app.drop.is_none());
    assert!(w.screen().contains("Dòng này là một tệp"), "{}", w.screen());
}

#[test]
fn tab_moves_between_sections_and_f5_exports_the_section_for_the_ward_committee() {
    let (_root, dir) = two_of_three();
    let mut w = Ward::open(&dir);
    assert!(w.screen().contains("Cơ cấu — năm"), "{}", w.screen());
    w.keys("<Tab><Tab>");
    let s = w.screen();
    assert!(s.contains("Sinh hoạt — năm"), "{s}");
    assert!(s.contains("T: thường kỳ, C: chuyên đề"), "{s}");
    w.keys("<Tab><Tab>");
    let s = w.screen();
    assert!(s.contains("Đảng phí — năm"), "{s}");
    assert!(s.contains("- Đã thu:"), "{s}");
    w.keys("<S-Tab>");
    assert!(w.screen().contains("Xếp loại — năm"));
    w.keys("<Tab><Tab>");
    assert!(
        w.screen()
            .contains("Quần chúng đang trong các bước kết nạp")
    );
    w.keys("<F5>");
    let out = dir.join("bao-cao");
    let year = chrono::Datelike::year(&today());
    let docx = out.join(format!("phuong-ket-nap-dang-{year}.docx"));
    let xlsx = out.join(format!("phuong-ket-nap-dang-{year}.xlsx"));
    assert!(docx.exists() && xlsx.exists(), "{}", w.screen());
    assert!(
        w.screen().contains("Đã xuất phuong-ket-nap-dang"),
        "{}",
        w.screen()
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("T/M ĐẢNG ỦY"), "signed for the committee");
    assert!(
        xml.contains("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"),
        "the list's superior"
    );
    // Esc leaves nothing open; F10 quits.
    w.keys("<F1>");
    assert!(w.screen().contains("Phím của màn hình Đảng ủy phường"));
    w.keys("<Esc><F10>");
    assert!(w.app.should_quit);
}

#[test]
fn bad_files_are_each_named_with_their_reason_and_the_rest_roll_up() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("phuong");
    std::fs::create_dir(&dir).unwrap();
    let a = bundle(&dir, "a.scb", A);
    bundle(&dir, "b.scb", B);
    bundle(&dir, "x.scb", "Chi bộ Khu phố lạ");
    let bytes = std::fs::read(&a).unwrap();
    // From a future version: the format byte after the magic.
    let mut future = bytes.clone();
    future[8] = 9;
    std::fs::write(dir.join("tuong-lai.scb"), &future).unwrap();
    // Truncated, and altered (one byte of the payload changed).
    std::fs::write(dir.join("cut.scb"), &bytes[..bytes.len() / 2]).unwrap();
    let mut altered = bytes.clone();
    let last = altered.len() - 10;
    altered[last] ^= 0x55;
    std::fs::write(dir.join("sua.scb"), &altered).unwrap();
    // The same bundle twice (same branch, same moment), and another file.
    std::fs::write(dir.join("a-ban-sao.scb"), &bytes).unwrap();
    std::fs::write(dir.join("doc-toi.txt"), "Gửi phường các gói tháng 11").unwrap();
    write_list(&dir, &[A, B]);
    let before = contents(&dir);
    let w = Ward::open(&dir);
    let s = w.screen();
    assert!(
        matches!(w.row("tuong-lai.scb"), RowState::Refused(_)),
        "{s}"
    );
    let text = |label: &str| w.row(label).text(Lang::Vi);
    assert!(text("tuong-lai.scb").contains("phiên bản Sổ chi bộ mới hơn"));
    assert!(text("cut.scb").contains("đã hỏng, bị cắt cụt hoặc bị sửa"));
    assert!(text("sua.scb").contains("đã hỏng, bị cắt cụt hoặc bị sửa"));
    let dups: Vec<String> = w
        .app
        .rows
        .iter()
        .filter(|r| matches!(r.state, RowState::Duplicate(_)))
        .map(|r| r.state.text(Lang::Vi))
        .collect();
    assert_eq!(dups.len(), 1, "{s}");
    assert!(dups[0].starts_with("Trùng với a"), "{dups:?}");
    assert!(matches!(w.row("Chi bộ Khu phố lạ"), RowState::NotListed));
    assert!(text("Chi bộ Khu phố lạ").contains("không có trong danh sách"));
    assert!(matches!(w.row("doc-toi.txt"), RowState::Other));
    // The two listed branches roll up, once each.
    assert_eq!(w.app.figures.shares.len(), 2);
    assert!(matches!(w.row(A), RowState::Received));
    let after = contents(&dir);
    for (name, v) in &before {
        assert_eq!(after.get(name), Some(v), "{name} unchanged by reading");
    }
    assert_eq!(
        after
            .keys()
            .filter(|k| !before.contains_key(*k))
            .collect::<Vec<_>>(),
        vec![NOTES_FILE]
    );
}

#[test]
fn a_newer_bundle_replaces_an_older_one_and_an_older_one_is_named_after() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("phuong");
    std::fs::create_dir(&dir).unwrap();
    let new = bundle(&dir, "a-moi.scb", A);
    made_earlier(&new, &dir.join("a-cu.scb"), 30);
    write_list(&dir, &[A]);
    let w = Ward::open(&dir);
    assert!(
        matches!(w.row(A), RowState::Replaces(f) if f == "a-cu.scb"),
        "{}",
        w.screen()
    );
    assert!(w.screen().contains("Đã nhận (thay gói cũ a-cu.scb)"));
    assert!(matches!(w.row("a-cu.scb"), RowState::Superseded(_)));
    assert_eq!(w.app.figures.shares.len(), 1);
    // The newer file goes; the notes remember it, so the older one is named as older.
    std::fs::remove_file(&new).unwrap();
    let w = Ward::open(&dir);
    assert!(
        matches!(w.row(A), RowState::OlderThanReceived(_)),
        "{}",
        w.screen()
    );
    assert!(w.screen().contains("Cũ hơn gói đã nhận trước đây"));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_works_and_says_it_cannot_keep_its_notes() {
    use std::os::unix::fs::PermissionsExt;
    let (_root, dir) = two_of_three();
    let before = contents(&dir);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut w = Ward::open(&dir);
    let s = w.screen();
    assert!(s.contains("Thư mục chỉ đọc"), "{s}");
    assert_eq!(w.app.figures.shares.len(), 2, "it still rolls up");
    w.keys("<F7>Chi bộ mới<Enter>");
    assert!(
        w.screen().contains("Không lưu được danh sách chi bộ"),
        "{}",
        w.screen()
    );
    w.keys("<Esc><Tab><F5>");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(contents(&dir), before, "nothing written in the folder");
    assert!(!dir.join("bao-cao").exists());
    assert!(w.app.export_dir.ends_with("exports-fallback"));
}

#[test]
fn a_list_file_that_cannot_be_read_is_named_and_never_overwritten() {
    let (_root, dir) = two_of_three();
    std::fs::write(
        dir.join(LIST_FILE),
        "chi_bo = [\"Chi bộ Tổ dân phố số 1\",\n",
    )
    .unwrap();
    let before = std::fs::read(dir.join(LIST_FILE)).unwrap();
    let mut w = Ward::open(&dir);
    let s = w.screen();
    assert!(
        s.contains("Không lưu được danh sách chi bộ (sochibo-phuong.toml)"),
        "{s}"
    );
    // The bundles still roll up, the list taken from them.
    assert_eq!(w.app.figures.shares.len(), 2);
    w.keys("<F7>Chi bộ Tổ dân phố số 8<Enter>");
    assert!(w.app.edit.as_ref().is_some_and(|e| e.error.is_some()));
    assert_eq!(std::fs::read(dir.join(LIST_FILE)).unwrap(), before);
}
