//! The restore of damaged data in one key (issue 20): a store found damaged when no
//! backup could be used starts empty; once a good backup is there, the interactive
//! session's home screen says where the damaged copy and the newest good backup are,
//! and F5 (a key no typing produces, shown in the key bar) asks — opening on "Không" —
//! and restores it on Enter/Alt+C. F6 dismisses the warning. Driven by keys on a
//! `TestBackend`, and end to end on the release binary in a pseudo-terminal.

use crate::common;

use std::path::{Path, PathBuf};

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sochibo::app::App;
use sochibo::app::screens::home;
use sochibo::i18n::Lang;
use sochibo::keymap::{Keymap, parse_key_string};
use sochibo::store::backup::BACKUP_DIR;
use sochibo::store::recover::{self, DAMAGE_FILE};
use sochibo::store::{DB_DIR, Store};
use sochibo::ui::{self, theme::Theme};

use common::{screen_of, today};

/// A data folder in `root` whose database was found damaged at a start that had no
/// backup to use (the register started empty), and that has a good automatic backup
/// again now (copied back from a USB stick, say). Returns the folder and the names of
/// the members the backup holds, sorted.
fn damaged_with_a_good_backup(root: &Path) -> (PathBuf, Vec<String>) {
    let data = root.join("data");
    let names = {
        let s = Store::open(&data).unwrap();
        sochibo::cli::write_demo(&s, today()).unwrap();
        s.auto_backup(true)
            .unwrap()
            .expect("a backup of the demo branch");
        let mut n: Vec<String> = s
            .members()
            .unwrap()
            .into_iter()
            .map(|(_, m)| m.full_name)
            .collect();
        n.sort();
        n
    };
    let usb = root.join("usb");
    std::fs::rename(data.join(BACKUP_DIR), &usb).unwrap();
    std::fs::write(data.join(DB_DIR).join("conf"), b"\x00garbage\xff").unwrap();
    let opened = recover::open(&data).unwrap();
    let report = opened.damage.as_ref().expect("the damage is found");
    assert!(
        report.started_empty(),
        "no backup: the register starts empty"
    );
    assert!(opened.store.members().unwrap().is_empty());
    drop(opened);
    std::fs::remove_dir_all(data.join(BACKUP_DIR)).ok();
    std::fs::rename(&usb, data.join(BACKUP_DIR)).unwrap();
    (data, names)
}

/// The screen's text with its line breaks and borders taken out (a long path wraps).
fn flat(term: &Terminal<TestBackend>) -> String {
    screen_of(term)
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn keys(term: &mut Terminal<TestBackend>, app: &mut App, s: &str) {
    let theme = Theme {
        color: true,
        ascii: false,
    };
    let events: Vec<Event> = parse_key_string(s)
        .unwrap()
        .into_iter()
        .map(Event::Key)
        .collect();
    ui::run(term, app, &theme, events).unwrap();
}

fn names(app: &App) -> Vec<String> {
    let mut n: Vec<String> = app
        .store
        .members()
        .unwrap()
        .into_iter()
        .map(|(_, m)| m.full_name)
        .collect();
    n.sort();
    n
}

#[test]
fn f5_on_the_home_screen_restores_the_newest_good_backup_after_a_question() {
    let root = tempfile::tempdir().unwrap();
    let (data, expected) = damaged_with_a_good_backup(root.path());
    // The session's start (cli/tui.rs): the program's open, the app, the warning first.
    let opened = recover::open(&data).unwrap();
    let mut app = App::new(opened.store, Lang::Vi, Keymap::defaults(), today()).unwrap();
    home::show_damage_first(&mut app);
    assert!(
        app.form.is_none(),
        "the warning comes before the first-run setup"
    );
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    keys(&mut term, &mut app, "");
    let shown = flat(&term);
    let backup = recover::damage_report(&data)
        .and_then(|r| r.newest_backup)
        .expect("a good backup");
    for needle in [
        "bị hỏng",
        "sled.damaged-",
        "sổ hiện đang trống",
        "Bản sao lưu tốt mới nhất",
        &backup.path.file_name().unwrap().to_string_lossy(),
        "Nhấn F5 để phục hồi",
    ] {
        assert!(
            shown.contains(needle),
            "{needle:?} not on screen:\n{}",
            screen_of(&term)
        );
    }
    let bar = screen_of(&term).lines().last().unwrap().to_string();
    assert!(
        bar.contains("F5 Phục hồi") && bar.contains("F6 Bỏ cảnh báo"),
        "{bar}"
    );

    // Typing is never a command: letters find, nothing is restored.
    keys(&mut term, &mut app, "phuc hoi");
    assert!(app.confirm.is_none() && app.damage.restore.is_none());
    keys(&mut term, &mut app, "<Esc>");
    // F5 asks, on "Không": Enter answers no and changes nothing.
    keys(&mut term, &mut app, "<F5>");
    assert!(app.confirm.as_ref().is_some_and(|q| !q.yes));
    assert!(
        flat(&term).contains("Phục hồi 35 đảng viên"),
        "{}",
        screen_of(&term)
    );
    keys(&mut term, &mut app, "<Enter>");
    assert!(app.confirm.is_none() && app.damage.restore.is_none() && !app.should_quit);
    assert!(names(&app).is_empty());
    // F5 again, Alt+C: yes. The session then restores and reloads.
    keys(&mut term, &mut app, "<F5><A-c>");
    assert!(app.should_quit, "the event loop ends for the restore");
    let chosen = app.damage.restore.take().expect("the restore is asked for");
    assert_eq!(chosen.path, backup.path);
    let mut app = home::restore_and_reload(app, &chosen).unwrap();
    assert_eq!(names(&app), expected, "every saved member is back");
    assert!(!data.join(DAMAGE_FILE).exists(), "the warning is gone");
    assert!(app.damage.report.is_none());
    assert!(!app.should_quit);
    keys(&mut term, &mut app, "");
    let shown = flat(&term);
    assert!(
        shown.contains("Đã phục hồi 35 đảng viên"),
        "{}",
        screen_of(&term)
    );
    assert!(!shown.contains("bị hỏng"));
    assert!(!screen_of(&term).lines().last().unwrap().contains("F5"));
    // The damaged copy is still kept.
    assert!(std::fs::read_dir(&data).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("sled.damaged-")
    }));
}

#[test]
fn f6_dismisses_the_warning_after_a_question_and_keeps_the_damaged_copy() {
    let root = tempfile::tempdir().unwrap();
    let (data, _) = damaged_with_a_good_backup(root.path());
    let opened = recover::open(&data).unwrap();
    let mut app = App::new(opened.store, Lang::Vi, Keymap::defaults(), today()).unwrap();
    home::show_damage_first(&mut app);
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    keys(&mut term, &mut app, "<F6>");
    assert!(
        flat(&term).contains("Bỏ cảnh báo dữ liệu hỏng?"),
        "{}",
        screen_of(&term)
    );
    keys(&mut term, &mut app, "<Esc>");
    assert!(data.join(DAMAGE_FILE).exists(), "Esc answers no");
    keys(&mut term, &mut app, "<F6><Right><Enter>");
    assert!(!data.join(DAMAGE_FILE).exists());
    assert!(app.damage.report.is_none());
    assert!(
        app.damage
            .outcome
            .as_deref()
            .is_some_and(|t| t.contains("Đã bỏ cảnh báo dữ liệu hỏng")),
        "{:?}",
        app.damage.outcome
    );
    // The register is empty: the first-run setup opens, as on a first start.
    assert!(app.form.is_some());
    assert!(
        flat(&term).contains("Khai báo chi bộ"),
        "{}",
        screen_of(&term)
    );
    assert!(std::fs::read_dir(&data).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("sled.damaged-")
    }));
}

#[cfg(unix)]
mod on_a_terminal {
    use super::*;
    use common::pty::{Pty, Spawn, release_binary};
    use std::ffi::OsStr;

    /// What a terminal sends for F5, Alt+C, Alt+1 and F10.
    const F5: &[u8] = b"\x1b[15~";
    const ALT_C: &[u8] = b"\x1bc";
    const ALT_1: &[u8] = b"\x1b1";
    const F10: &[u8] = b"\x1b[21~";

    /// Waits for `needle` on the screen, whatever rows its words wrapped onto.
    fn wait_text(p: &Pty, needle: &str) {
        let flat = |s: &vt100::Screen| {
            s.contents()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        p.wait_until(needle, |s| flat(s).contains(needle));
    }

    #[test]
    fn the_release_binary_restores_a_damaged_store_on_f5() {
        let root = tempfile::tempdir().unwrap();
        let (data, expected) = damaged_with_a_good_backup(root.path());
        let config = root.path().join("config");
        let mut p = Pty::spawn(Spawn {
            bin: release_binary(),
            args: vec![OsStr::new("--data"), data.as_os_str()],
            config: &config,
            env: Vec::new(),
            cwd: Some(root.path()),
            size: (30, 100),
        });
        // No line prompt before the screen: the home screen says it all.
        wait_text(&p, "Nhấn F5 để phục hồi");
        assert!(!p.output().contains("Gõ \"co\""));
        wait_text(&p, "sled.damaged-");
        wait_text(&p, "Bản sao lưu tốt mới nhất");
        p.send(F5);
        wait_text(&p, "Phục hồi 35 đảng viên");
        p.send(ALT_C);
        wait_text(&p, "Đã phục hồi 35 đảng viên");
        p.send(ALT_1);
        p.wait_past_keys_moved("Tất cả 35");
        p.send(F10);
        assert_eq!(p.wait_exit().exit_code(), 0, "{}", p.output());
        let s = Store::open(&data).unwrap();
        let mut found: Vec<String> = s
            .members()
            .unwrap()
            .into_iter()
            .map(|(_, m)| m.full_name)
            .collect();
        found.sort();
        assert_eq!(found, expected, "every saved member is back");
        assert!(recover::damage_report(&data).is_none());
    }
}
