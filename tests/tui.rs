//! The TUI driven by key events on a `TestBackend`, as a secretary would use it.

use crate::common;

use common::{Harness, member};
use sochibo::i18n::Lang;

#[test]
fn search_without_diacritics_finds_the_member() {
    let mut h = Harness::demo(&[member(
        "Nguyễn Văn An",
        "05/03/1950",
        "10/01/1975",
        "12345678",
    )]);
    // Typing on the roster narrows it directly: no `/` needed.
    h.keys("nguyen van an");
    let screen = h.screen();
    assert!(
        screen.contains("Tìm trong danh sách: nguyen van an"),
        "{screen}"
    );
    assert!(screen.contains("Nguyễn Văn An"), "{screen}");
    assert_eq!(h.app.roster.visible_len(), 1);
    // Initials, "đ" typed as "d", a card number: each narrows on every keystroke.
    h.keys("<Esc>ng v an");
    assert_eq!(
        h.app.roster.selected().unwrap().member.full_name,
        "Nguyễn Văn An"
    );
    h.keys("<Esc>12345678");
    assert_eq!(h.app.roster.visible_len(), 1);
    h.keys("<Esc>duc");
    assert!(
        h.app
            .roster
            .visible()
            .all(|e| sochibo::domain::text::fold(&e.member.full_name).contains("duc"))
    );
    assert!(h.app.roster.visible_len() >= 1);
    // Esc clears the search and shows everyone again.
    h.keys("<Esc>");
    assert_eq!(
        h.app.roster.visible_len(),
        34,
        "33 active demo members and the one added"
    );
}

#[test]
fn add_a_member_through_the_form() {
    let mut h = Harness::demo(&[]);
    let before = h.stored_names().len();
    // Name, then Giới tính (→ Nữ with Right twice), then Ngày sinh.
    h.keys("<F7>Trần Thị Bích<Tab><Tab><Right><Right><Tab>05/03/1960");
    assert!(h.screen().contains("Thêm đảng viên"));
    h.keys("<Down><Down><Down><Down><Down><Down><Down><Down><Down>10/01/1990<C-s>");
    let screen = h.screen();
    assert!(screen.contains("Đã lưu"), "{screen}");
    assert_eq!(h.stored_names().len(), before + 1);
    let (_, m) = h.member_named("Trần Thị Bích").unwrap();
    assert_eq!(m.gender, Some(sochibo::domain::member::Gender::Female));
    assert_eq!(m.birth_date, chrono::NaiveDate::from_ymd_opt(1960, 3, 5));
    assert_eq!(m.ethnicity, "Kinh");
    assert_eq!(
        m.admitted_on(),
        chrono::NaiveDate::from_ymd_opt(1990, 1, 10)
    );
    // The roster shows and selects the new member.
    assert_eq!(
        h.app.roster.selected().unwrap().member.full_name,
        "Trần Thị Bích"
    );
}

#[test]
fn a_wrong_date_shows_the_message_and_saves_nothing() {
    let mut h = Harness::demo(&[]);
    let before = h.stored_names().len();
    h.keys("<F7>Lê Văn Tám<Down><Down><Down>31/02/1960<C-s>");
    let screen = h.screen();
    assert!(screen.contains("không có ngày 31"), "{screen}");
    assert!(screen.contains("Chưa lưu"), "{screen}");
    assert_eq!(h.stored_names().len(), before);
    assert!(
        h.app.form.is_some(),
        "the form stays open with what was typed"
    );
    // Fixing the field and saving works.
    h.keys("<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>28/02/1960<C-s>");
    assert_eq!(h.stored_names().len(), before + 1);
}

#[test]
fn name_is_required_and_card_numbers_are_unique() {
    let mut h = Harness::demo(&[member(
        "Nguyễn Văn An",
        "05/03/1950",
        "10/01/1975",
        "12345678",
    )]);
    let before = h.stored_names().len();
    h.keys("<F7><C-s>");
    assert!(h.screen().contains("không được để trống"));
    h.keys("Phạm Thị Cúc<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>12345678<C-s>");
    let screen = h.screen();
    assert!(
        screen.contains("đã thuộc về đồng chí Nguyễn Văn An"),
        "{screen}"
    );
    assert_eq!(h.stored_names().len(), before);
}

#[test]
fn delete_asks_naming_the_member_then_removes() {
    let mut h = Harness::demo(&[member(
        "Nguyễn Văn An",
        "05/03/1950",
        "10/01/1975",
        "12345678",
    )]);
    h.keys("nguyen van an<F8>");
    let screen = h.screen();
    assert!(
        screen.contains("Xóa hồ sơ đảng viên Nguyễn Văn An?"),
        "{screen}"
    );
    // The question opens on "Không": Enter right away keeps the member.
    h.keys("<Enter>");
    assert!(h.app.confirm.is_none());
    assert!(h.stored_names().contains(&"Nguyễn Văn An".to_string()));
    h.keys("<Delete><Right><Enter>");
    assert!(!h.stored_names().contains(&"Nguyễn Văn An".to_string()));
    assert!(
        h.status_line().contains("Đã xóa: Nguyễn Văn An"),
        "{}",
        h.screen()
    );
}

#[test]
fn a_telex_dd_and_stray_backspace_in_the_list_destroy_nothing() {
    let mut h = Harness::demo(&[]);
    let before = h.stored_names();
    // Telex "dd": the IME sends d, then Backspace + đ. Typing only finds.
    h.keys("d<Backspace>đ");
    assert_eq!(h.stored_names(), before);
    assert!(h.app.confirm.is_none(), "typing asks nothing");
    assert_eq!(h.app.find.text(), "đ");
    assert!(h.app.roster.visible_len() < 33, "the roster is narrowed");
    assert!(h.app.roster.visible().all(|e| {
        sochibo::domain::text::fold(&e.member.full_name)
            .split(' ')
            .any(|w| w.starts_with('d'))
    }));
    // Stray Backspaces empty the find box and show everyone again.
    h.keys("<Backspace><Backspace>");
    assert_eq!(h.app.find.text(), "");
    assert_eq!(h.app.roster.visible_len(), 33);
    assert!(h.app.confirm.is_none());
    h.keys("<Esc>");
    assert!(h.app.confirm.is_none());
    assert_eq!(h.stored_names(), before);
}

#[test]
fn help_is_built_from_the_keymap() {
    let mut h = Harness::demo(&[]);
    // The key bar at the bottom says where help is.
    let screen = h.screen();
    let bar = screen.lines().last().unwrap();
    assert!(bar.contains("F1 Trợ giúp"), "{screen}");
    assert!(bar.contains("F10 Thoát"), "{screen}");
    h.keys("?");
    let screen = h.screen();
    assert!(screen.contains("Trợ giúp"), "{screen}");
    assert!(screen.contains("Thêm đảng viên"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("F7") && l.contains("Thêm đảng viên")),
        "{screen}"
    );
    h.keys("<Esc>");
    assert!(h.app.help.is_none());
}

#[test]
fn a_user_keymap_override_works_and_shows_in_help() {
    let mut h = Harness::build(
        true,
        &[],
        Some("[members]\n\"<F11>\" = \"new\"\n\"<F7>\" = \"noop\"\n"),
        Lang::Vi,
    );
    h.keys("<F7>");
    assert!(h.app.form.is_none(), "F7 was unbound");
    h.keys("?");
    let screen = h.screen();
    assert!(
        screen
            .lines()
            .any(|l| l.contains("F11") && l.contains("Thêm đảng viên")),
        "{screen}"
    );
    h.keys("<Esc><F11>");
    assert!(h.screen().contains("Thêm đảng viên"));
    assert!(h.app.form.is_some());
}

#[test]
fn first_run_walks_through_the_branch_profile() {
    let mut h = Harness::empty();
    let screen = h.screen();
    assert!(screen.contains("Khai báo chi bộ"), "{screen}");
    assert!(screen.contains("Tên chi bộ*"), "{screen}");
    h.keys("Chi bộ Tổ dân phố số 7<C-s>");
    assert!(h.screen().contains("Đảng bộ cấp trên"));
    assert!(
        h.app.store.branch().unwrap().is_none(),
        "required fields missing: nothing saved"
    );
    // The failed save put the cursor on the first field in error.
    h.keys("Đảng bộ phường Dương Kinh<Tab>Số 12 Mạc Đăng Doanh<Tab>Trần Văn Hùng<Tab><Tab>2025-2030<C-s>");
    let b = h.app.store.branch().unwrap().expect("branch saved");
    assert_eq!(b.name, "Chi bộ Tổ dân phố số 7");
    assert_eq!((b.term_start, b.term_end), (2025, 2030));
    assert!(h.screen().contains("Sổ chi bộ · Chi bộ Tổ dân phố số 7"));
    // Screen 2 shows the profile; F2 edits it.
    h.keys("<A-2>");
    assert!(h.screen().contains("Đảng bộ phường Dương Kinh"));
    h.keys("<F2>");
    assert!(h.screen().contains("Sửa thông tin chi bộ"));
}

#[test]
fn quit_asks_only_when_a_form_is_dirty() {
    let mut h = Harness::demo(&[]);
    h.keys("<F7><Tab><Tab>");
    h.keys("q"); // q on a choice field is not text, and typing is never a command
    assert!(!h.app.should_quit && h.app.form.is_some());
    h.keys("<F10>");
    assert!(h.app.should_quit, "a clean form quits at once");
    let mut h = Harness::demo(&[]);
    h.keys("<F7>An<Tab><Tab><C-c>");
    assert!(!h.app.should_quit);
    assert!(h.screen().contains("chưa lưu"));
    h.keys("k");
    assert!(h.app.confirm.is_some(), "typing does not answer");
    h.keys("<Enter>"); // the question opens on "Không"
    assert!(!h.app.should_quit && h.app.form.is_some());
    h.keys("<C-c><C-c>");
    assert!(h.app.should_quit);
}

#[test]
fn detail_card_shows_status_and_timeline() {
    let mut h = Harness::demo(&[member(
        "Nguyễn Văn An",
        "05/03/1950",
        "10/01/1975",
        "12345678",
    )]);
    h.keys("nguyen van an<Enter>");
    let screen = h.screen();
    assert!(
        screen.contains("Hồ sơ đảng viên: Nguyễn Văn An"),
        "{screen}"
    );
    assert!(screen.contains("10/01/1975  Kết nạp vào Đảng"), "{screen}");
    assert!(
        screen.contains("Dự bị"),
        "no recognition date: probationary\n{screen}"
    );
    h.keys("<Esc>");
    assert!(h.app.detail.is_none());
}

#[test]
fn filter_tabs_cycle_by_status() {
    let mut h = Harness::demo(&[]);
    h.keys("<Tab><Tab><Tab>");
    assert!(
        h.app
            .roster
            .visible()
            .all(|e| e.status == sochibo::domain::member::Status::Probationary)
    );
    h.keys("<Tab>");
    assert!(h.app.roster.visible().all(|e| e.status.is_exempt()));
    assert_eq!(h.app.roster.visible_len(), 2);
    h.keys("<S-Tab><S-Tab><S-Tab>");
    assert_eq!(h.app.roster.visible_len(), 35, "Tất cả");
    h.keys("<S-Tab>");
    assert_eq!(h.app.roster.visible_len(), 33, "Đang sinh hoạt");
    h.keys("<S-Tab>");
    assert!(h.app.roster.visible().all(|e| !e.status.is_active()));
    assert_eq!(
        h.app.roster.visible_len(),
        2,
        "Đã ra khỏi danh sách: transferred out, deceased"
    );
}

#[test]
fn english_ui_and_small_terminal() {
    let mut h = Harness::build(true, &[], None, Lang::En);
    h.keys("");
    let screen = h.screen();
    assert!(
        screen.contains("Members") && screen.contains("SAMPLE DATA") && screen.contains("F1 Help"),
        "{screen}"
    );
    h.term.backend_mut().resize(60, 20);
    h.keys("<Down>");
    assert!(h.screen().contains("at least 80×24"));
}

#[test]
fn monochrome_selection_is_marked_without_colour() {
    let mut h = Harness::demo(&[]);
    h.theme = sochibo::ui::theme::Theme {
        color: false,
        ascii: true,
    };
    h.keys("<Down>");
    let screen = h.screen();
    let selected = screen
        .lines()
        .find(|l| l.starts_with('>'))
        .expect("a marked row");
    // --ascii shows names without diacritics (see ui::ascii).
    let name = &h.app.roster.selected().unwrap().member.full_name;
    assert!(
        selected.contains(&sochibo::domain::text::strip_marks(name)),
        "{screen}"
    );
    h.keys("<A-2>");
    assert!(h.screen().contains("+-"), "ascii borders");
}

#[test]
fn text_typed_as_combining_marks_is_drawn_composed() {
    // An IME in "Unicode tổ hợp" mode (or Windows' own Vietnamese keyboard) sends tone
    // marks as combining characters; old Windows consoles draw those badly, so the
    // search box and form fields show the composed (NFC) form, cursor after it.
    let mut h = Harness::demo(&[]);
    h.keys("/Nguye\u{302}\u{303}n");
    let screen = h.screen();
    assert!(screen.contains("Tìm: Nguyễn"), "{screen}");
    assert!(!screen.contains('\u{302}') && !screen.contains('\u{303}'));
    let row = screen.lines().position(|l| l.contains("Tìm: ")).unwrap();
    let col = screen.lines().nth(row).unwrap().find("Tìm: ").unwrap();
    let col = screen.lines().nth(row).unwrap()[..col].chars().count();
    let cursor = h.term.get_cursor_position().unwrap();
    assert_eq!(
        (cursor.x as usize, cursor.y as usize),
        (col + "Tìm: Nguyễn".chars().count(), row)
    );
    h.keys("<Esc><F7>Tra\u{302}\u{300}n");
    assert!(h.app.form.is_some());
    let screen = h.screen();
    assert!(screen.contains("Trần"), "{screen}");
    assert!(!screen.contains('\u{300}') && !screen.contains('\u{302}'));
}

#[test]
fn the_key_bar_keeps_help_and_quit_whole_on_every_screen() {
    let mut h = Harness::demo(&[]);
    let mut places: Vec<(&str, &str)> = (0..=8)
        .map(|n| {
            (
                [
                    "<A-0>", "<A-1>", "<A-2>", "<A-3>", "<A-4>", "<A-5>", "<A-6>", "<A-7>", "<A-8>",
                ][n],
                "",
            )
        })
        .collect();
    // A member card and an open meeting have the longest bars.
    places.push(("<A-1><Enter>", "a member card"));
    places.push(("<Esc><A-3><Enter>", "a meeting"));
    for (keys, what) in places {
        h.keys(keys);
        let bar = h.key_bar();
        assert!(
            bar.contains("F1 Trợ giúp") && bar.trim_end().ends_with("F10 Thoát"),
            "{keys} {what}: {bar:?}\n{}",
            h.screen()
        );
    }
}

#[test]
fn help_opens_at_the_screens_keys_filters_as_typed_and_scrolls_back_after_end() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-1><F1>");
    let screen = h.screen();
    // The roster's keys come first, written as people read them.
    assert!(screen.contains("Danh sách đảng viên"), "{screen}");
    assert!(screen.contains("F8"), "{screen}");
    assert!(!screen.contains("<F8>"), "{screen}");
    // After End, Up moves at once.
    h.keys("<End>");
    let end = h.app.help.as_ref().unwrap().scroll;
    assert!(end > 0);
    let at_end = h.screen();
    h.keys("<Up>");
    assert_eq!(h.app.help.as_ref().unwrap().scroll, end - 1);
    assert_ne!(h.screen(), at_end, "the text moved");
    h.keys("<PageUp>");
    assert_eq!(
        h.app.help.as_ref().unwrap().scroll,
        end - 1 - h.app.page_rows
    );
    h.keys("<Home>");
    assert_eq!(h.app.help.as_ref().unwrap().scroll, 0);
    // Typing filters, diacritic-blind; a typing key never closes or acts.
    h.keys("hoan tac");
    let screen = h.screen();
    assert!(screen.contains("Ctrl+Z"), "{screen}");
    assert!(!screen.contains("Alt+1"), "{screen}");
    assert!(h.app.help.is_some());
    h.keys("<Esc>");
    assert!(h.app.help.is_none());
}
