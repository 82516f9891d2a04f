//! The release binary in a real pseudo-terminal: what a secretary's terminal actually sees.
//!
//! Each test spawns `target/release/sochibo` (built once per test run) in an 80×24 PTY,
//! feeds its output to a `vt100` screen and waits for text to appear — never a fixed sleep.

use crate::common;

use std::ffi::OsStr;
use std::time::{Duration, Instant};

use common::pty::{Pty, Spawn, TIMEOUT, release_binary, run_release};
use sochibo::domain::text::fold;

const ROWS: u16 = 24;
const COLS: u16 = 80;
const TODAY: &str = "21/11/2026";

/// What a terminal sends for Alt+1 (screen 1), Alt+6 (screen 6) and F10 (quit).
const ALT_1: &[u8] = b"\x1b1";
const ALT_6: &[u8] = b"\x1b6";
const F10: &[u8] = b"\x1b[21~";

/// Spawns the release binary with `args` and extra `env` at 80×24, in a temporary folder
/// that is also its TMPDIR (where `--demo` puts its throwaway data), with its own config.
fn spawn(args: &[&str], env: &[(&str, &str)]) -> Pty {
    let config = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut vars: Vec<(&str, &OsStr)> = vec![("TMPDIR", tmp.path().as_os_str())];
    vars.extend(env.iter().map(|(k, v)| (*k, OsStr::new(*v))));
    Pty::spawn(Spawn {
        bin: release_binary(),
        args: args.iter().map(OsStr::new).collect(),
        config: config.path(),
        env: vars,
        cwd: Some(tmp.path()),
        size: (ROWS, COLS),
    })
    .keep(config)
    .keep(tmp)
}

/// The screen rows, trailing spaces removed.
fn rows(s: &vt100::Screen) -> Vec<String> {
    s.rows(0, COLS).map(|r| r.trim_end().to_string()).collect()
}

/// Whether a name matches "ng v": a word starting "ng", later a word starting "v".
fn matches_ng_v(name: &str) -> bool {
    let folded = fold(name).to_lowercase();
    let mut words = folded.split_whitespace();
    words.any(|w| w.starts_with("ng")) && words.any(|w| w.starts_with('v'))
}

/// The names in the roster table: the text of the "Họ và tên" column under the header,
/// up to the first blank row.
fn roster_names(s: &vt100::Screen) -> Vec<String> {
    let rows = rows(s);
    let Some(h) = rows.iter().position(|r| r.contains("Họ và tên")) else {
        return Vec::new();
    };
    let header: Vec<char> = rows[h].chars().collect();
    let col = |label: &str| {
        let l: Vec<char> = label.chars().collect();
        header
            .windows(l.len())
            .position(|w| w == l.as_slice())
            .unwrap_or_else(|| panic!("no {label:?} in header {:?}", rows[h]))
    };
    let (from, to) = (col("Họ và tên"), col("Năm sinh"));
    // The last two rows are the status line and the key bar.
    rows[h + 1..rows.len().saturating_sub(2).max(h + 1)]
        .iter()
        .take_while(|r| !r.trim().is_empty())
        // The last row is the status bar when the table fills the screen.
        .filter(|r| r.chars().take(from).any(|c| c.is_ascii_digit()))
        .map(|r| {
            r.chars()
                .skip(from)
                .take(to - from)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

/// The demo members active "today", as `--demo` generates them.
fn demo_active_names() -> Vec<String> {
    let today = sochibo::domain::date::parse_date(TODAY).unwrap();
    sochibo::domain::demo::demo_members(sochibo::cli::DEMO_SEED, sochibo::cli::DEMO_MEMBERS, today)
        .into_iter()
        .filter(|m| m.status_at(today).is_active())
        .map(|m| m.full_name)
        .collect()
}

#[test]
fn demo_search_and_quit() {
    let mut p = spawn(&["--demo"], &[]);
    p.wait_for("DỮ LIỆU MẪU");
    // The app starts on "Việc cần làm"; Alt+1 opens the roster.
    p.wait_for("Việc cần làm");
    p.send(ALT_1);
    p.wait_for("Đang sinh hoạt");
    p.wait_for("Họ và tên");
    // With colour on, the title bar has a background (the control for `english_and_no_color`).
    assert!(
        p.with_screen(|s| s.cell(0, 1).unwrap().bgcolor() != vt100::Color::Default),
        "title bar without background colour"
    );

    // Typing on the roster narrows it: no key to press first.
    p.type_str("ng v");
    p.wait_for("Tìm trong danh sách: ng v");

    // Every matching active demo member, and nobody else, is in the table.
    let mut expected: Vec<String> = demo_active_names()
        .into_iter()
        .filter(|n| matches_ng_v(n))
        .collect();
    expected.sort();
    assert!(
        !expected.is_empty() && expected.len() < 15,
        "the demo should have a few Ng… V… members: {expected:?}"
    );
    p.wait_until("the narrowed roster", |s| {
        let mut names = roster_names(s);
        names.sort();
        names == expected
    });
    let screen = p.text();
    assert!(
        ["Nguyễn Văn", "Ngô Văn"].iter().any(|n| screen.contains(n)),
        "{screen}"
    );
    for name in demo_active_names().iter().filter(|n| !matches_ng_v(n)) {
        assert!(!screen.contains(name.as_str()), "{name} shown:\n{screen}");
    }

    // Esc clears the search: the full roster comes back.
    p.send(b"\x1b");
    p.wait_until("the search line to go away", |s| {
        !s.contents().contains("Tìm trong danh sách") && roster_names(s).len() > expected.len()
    });
    // Screen 6: the figures with their bars; Tab to the meetings report.
    p.send(ALT_6);
    p.wait_for("CƠ CẤU ĐỘI NGŨ ĐẢNG VIÊN");
    p.wait_for("█");
    p.send(b"\t\t");
    p.wait_for("SINH HOẠT CHI BỘ");
    p.send(F10);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    // The terminal was given back: the last mode change leaves the alternate screen, and
    // nothing after it but harmless cursor-visibility sequences.
    let raw = p.raw();
    let leave = b"\x1b[?1049l";
    let at = raw
        .windows(leave.len())
        .rposition(|w| w == leave)
        .unwrap_or_else(|| panic!("never left the alternate screen"));
    let tail = &raw[at + leave.len()..];
    // ratatui::restore shows the cursor, and so may the terminal's drop after it.
    let show = b"\x1b[?25h";
    let tail_ok =
        tail.len().is_multiple_of(show.len()) && tail.chunks(show.len()).all(|c| c == show);
    assert!(
        tail_ok,
        "output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
    assert!(
        raw.windows(8).any(|w| w == b"\x1b[?2004l"),
        "bracketed paste not turned off"
    );
    assert!(!p.with_screen(|s| s.alternate_screen()));
}

#[test]
fn persisted_data_and_second_instance() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let run = |args: &[&str]| run_release(args, config.path());

    let out = run(&["demo", "--data", dir]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("35"), "{stdout}");

    let mut p = spawn(&["--data", dir], &[]);
    p.send(ALT_1);
    p.wait_past_keys_moved("Họ và tên");
    p.wait_for("Đang sinh hoạt");
    // The roster shows the persisted sample members (not the demo banner's throwaway copy).
    let first = demo_active_names();
    p.wait_until("persisted members in the roster", |s| {
        let names = roster_names(s);
        names.len() >= 10 && names.iter().all(|n| first.contains(n))
    });

    // A second copy on the same directory refuses before touching the terminal.
    let started = Instant::now();
    let second = run(&["--data", dir]);
    assert!(started.elapsed() < TIMEOUT, "second instance hung");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("đang được mở"), "{stderr}");
    assert!(stderr.contains(dir), "{stderr}");
    assert!(
        second.stdout.is_empty(),
        "second instance wrote to stdout: {:?}",
        String::from_utf8_lossy(&second.stdout)
    );

    // The first copy is unaffected and quits cleanly.
    p.wait_for("Họ và tên");
    p.send(F10);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn english_and_no_color() {
    let mut p = spawn(&["--demo", "--lang", "en"], &[("NO_COLOR", "1")]);
    p.wait_for("SAMPLE DATA");
    p.wait_for("F1 Help");
    p.send(ALT_1);
    p.wait_for("Full name");
    // No colour anywhere: not in the title row, nor elsewhere on the screen.
    p.with_screen(|s| {
        for y in 0..ROWS {
            for x in 0..COLS {
                let cell = s.cell(y, x).expect("cell on screen");
                assert_eq!(
                    (cell.bgcolor(), cell.fgcolor()),
                    (vt100::Color::Default, vt100::Color::Default),
                    "cell ({y}, {x}) {:?} is coloured under NO_COLOR",
                    cell.contents()
                );
            }
        }
    });
    p.send(F10);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn ctrl_h_is_backspace_in_search() {
    let mut p = spawn(&["--demo"], &[]);
    p.send(ALT_1);
    p.wait_for("Đang sinh hoạt");
    p.wait_for("Họ và tên");
    p.send(b"/");
    std::thread::sleep(Duration::from_millis(30));
    p.type_str("nga");
    p.wait_for("Tìm: nga");
    p.send(&[0x08]);
    // The search box is an overlay: its row is "│Tìm: ng   …│" over the roster.
    p.wait_until("the search line to read \"Tìm: ng\"", |s| {
        rows(s).iter().any(|r| {
            r.split_once("Tìm: ")
                .is_some_and(|(_, rest)| rest.split('│').next().unwrap().trim() == "ng")
        })
    });
    p.send(b"\x1b");
    p.wait_until("the search line to go away", |s| {
        !s.contents().contains("Tìm:")
    });
    // The same in the roster's own find box (typing without `/`).
    p.type_str("nga");
    p.wait_for("Tìm trong danh sách: nga");
    p.send(&[0x08]);
    p.wait_until("the find box to read \"ng\"", |s| {
        let c = s.contents();
        c.contains("Tìm trong danh sách: ng") && !c.contains("Tìm trong danh sách: nga")
    });
    p.send(F10);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn encrypted_data_asks_the_passphrase_before_the_screen_without_echo() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().join("data");
    let dir = dir.to_str().unwrap();
    let pass = data.path().join("pass.txt");
    std::fs::write(&pass, "mật khẩu chi bộ\n").unwrap();
    let run = |args: &[&str]| {
        let out = run_release(args, config.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["demo", "--data", dir]);
    run(&[
        "encrypt",
        "--data",
        dir,
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);

    let mut p = spawn(&["--data", dir], &[]);
    p.wait_for("Nhập mật khẩu");
    p.type_str("sai rồi xyz\r");
    p.wait_for("Sai mật khẩu");
    p.type_str("mật khẩu chi bộ\r");
    p.wait_for("Việc cần làm");
    p.send(ALT_1);
    p.wait_past_keys_moved("Họ và tên");
    let raw = String::from_utf8_lossy(&p.raw()).to_string();
    assert!(!raw.contains("xyz"), "the typed passphrase was echoed");
    assert!(!raw.contains("chi bộ\r"), "the typed passphrase was echoed");
    p.send(F10);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_name_typed_on_the_home_screen_opens_the_card_with_enter() {
    let mut p = spawn(&["--demo"], &[]);
    p.wait_for("Việc cần làm");
    // The home screen has no list of names: typing opens the search over everyone.
    p.type_str("nguyen ngoc anh");
    p.wait_for("Tìm: nguyen ngoc anh");
    p.wait_for("Nguyễn Ngọc Ánh");
    p.send(b"\r");
    p.wait_for("Hồ sơ đảng viên: Nguyễn Ngọc Ánh");
    // Typing changed nothing and asked nothing; F10 quits.
    let screen = p.text();
    assert!(!screen.contains("Đã xóa"), "{screen}");
    p.send(F10);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_register_from_before_the_keys_moved_shows_what_moved_once() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    assert!(
        run_release(&["demo", "--data", dir], config.path())
            .status
            .success()
    );
    // A register made by this version is marked; one made before it is not.
    let seen = data.path().join(sochibo::store::KEYS_MOVED_SEEN);
    assert!(seen.exists(), "a new register is marked");
    std::fs::remove_file(&seen).unwrap();

    let mut p = spawn(&["--data", dir], &[]);
    p.wait_for("Phím đã đổi");
    p.wait_for("Alt+1 … Alt+8");
    p.send(b"\x1b");
    // The home screen's own list shows once the page is closed.
    p.wait_for("việc sắp đến hạn trước");
    p.send(F10);
    assert!(p.wait_exit().success());
    assert!(seen.exists(), "seen once, the page is not shown again");

    let mut p = spawn(&["--data", dir], &[]);
    p.wait_for("việc sắp đến hạn trước");
    assert!(!p.text().contains("Phím đã đổi"), "{}", p.text());
    p.send(F10);
    assert!(p.wait_exit().success());
}
