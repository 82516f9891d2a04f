//! Legible on any console (issue 21, items 5 and 6; issue 23, item 7), on every screen
//! and overlay of tests/ascii_views at 80×24: no state by colour alone, nothing cut
//! mid-word (a cut text ends in "…" and the selected one is shown whole), and no
//! fixed colour left on the terminal's own background, whatever that is.

use crate::ascii_views;
use crate::common;

use ascii_views::{VIEWS, row, text};
use common::{Harness, today};
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn render(keys: &str) -> (Harness, Buffer) {
    let mut h = Harness::demo(&[]);
    h.keys(keys);
    let buf = h.term.backend().buffer().clone();
    (h, buf)
}

/// The colour of the selected row, tab and answer (theme.selected()).
const SELECTED_BG: Color = Color::Cyan;

#[test]
fn with_colour_every_selection_also_carries_a_mark() {
    for keys in VIEWS {
        let (_, buf) = render(keys);
        // The key bar (the bottom row) paints the same colour as its ground.
        // Where a row shows a selection, a mark comes first: the row marker, a bracket,
        // an answer's ">", a period chooser's "‹".
        for y in 0..buf.area.height - 1 {
            let Some(x) = (0..buf.area.width).find(|&x| buf[(x, y)].bg == SELECTED_BG) else {
                continue;
            };
            let marked = (0..=x).any(|i| ["▶", "[", ">", "‹"].contains(&buf[(i, y)].symbol()));
            assert!(
                marked,
                "{keys}: row {y} marks a selection by colour alone at column {x}: {}\n{}",
                row(&buf, y),
                text(&buf)
            );
        }
    }
}

#[test]
fn the_current_tab_and_filter_are_in_brackets_and_overdue_rows_say_so() {
    let (_, buf) = render("<A-1>");
    assert!(row(&buf, 1).contains("[1 Đảng viên]"), "{}", text(&buf));
    assert!(
        row(&buf, 2).starts_with("[Đang sinh hoạt 33]"),
        "{}",
        text(&buf)
    );
    let (_, buf) = render("<A-3><Enter><Tab>");
    assert!(row(&buf, 3).contains("[Điểm danh]"), "{}", text(&buf));
    let (_, buf) = render("<A-4><Tab>");
    assert!(row(&buf, 2).contains("[Huy hiệu Đảng]"), "{}", text(&buf));
    let (_, buf) = render("<A-q><Tab>");
    assert!(row(&buf, 2).contains("[Ngày nghỉ]"), "{}", text(&buf));
    // The record screen's two tabs: the current one in brackets, then the other.
    for keys in ["<A-h>", "<A-h><Tab>"] {
        let (_, buf) = render(keys);
        let tabs = row(&buf, 2);
        let second = keys.ends_with("<Tab>");
        let open = tabs
            .find('[')
            .unwrap_or_else(|| panic!("{keys}: {}", text(&buf)));
        let words_before = tabs[..open].split_whitespace().count();
        assert_eq!(words_before > 0, second, "{keys}: {tabs}");
    }

    // Home: every row dated before today says "quá hạn"; the others do not.
    let (_, buf) = render("<A-0>");
    let mut overdue = 0;
    for y in 3..buf.area.height - 2 {
        let r = row(&buf, y);
        let Some(date) = r.get(2..).and_then(|s| s.split_whitespace().next()) else {
            continue;
        };
        let Ok(d) = chrono::NaiveDate::parse_from_str(date, "%d/%m/%Y") else {
            continue;
        };
        assert_eq!(r.contains("quá hạn:"), d < today(), "{r}");
        overdue += usize::from(d < today());
    }
    assert!(overdue >= 3, "{}", text(&buf));
}

/// Whether `s` is a letter (a cut word shows as a letter against the edge).
fn letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

#[test]
fn at_80x24_labels_counts_states_and_the_key_bar_are_whole() {
    for keys in VIEWS {
        let (_, buf) = render(keys);
        let all = text(&buf);
        // Each tab is a number and a word.
        let tabs = row(&buf, 1).replace(['[', ']'], " ");
        let words: Vec<&str> = tabs.split_whitespace().collect();
        for n in 0..=8 {
            let i = words.iter().position(|w| *w == n.to_string());
            let i = i.unwrap_or_else(|| panic!("{keys}: no tab {n}\n{all}"));
            assert!(
                words.get(i + 1).is_some_and(|w| letter(w)),
                "{keys}: tab {n} has no word\n{all}"
            );
        }
        // The key bar drops a command whole rather than cut it.
        let bar = row(&buf, buf.area.height - 1);
        assert!(bar.ends_with(' '), "{keys}: key bar cut: {bar}");
        // No text runs into the right edge mid-word on one-line elements: the tab bar, a
        // screen's tabs or filters or a window's title, a meeting's tabs, the key bar.
        let meeting_tabs = keys.starts_with("<A-3><Enter>") && !keys.contains("<F");
        let rows = [1, 2, buf.area.height - 1]
            .into_iter()
            .chain(meeting_tabs.then_some(3));
        for y in rows {
            let r: Vec<String> = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            let n = r.len();
            let framed = r[n - 1] == "┐" || r[n - 1] == "│";
            let (last, before) = if framed {
                (&r[n - 2], &r[n - 3])
            } else {
                (&r[n - 1], &r[n - 2])
            };
            // A window's top border ends in "─┐" when its title fits.
            assert!(
                !(letter(last) && letter(before)),
                "{keys}: row {y} is cut at the edge: {}\n{all}",
                row(&buf, y)
            );
        }
    }
}

#[test]
fn a_roster_filter_shows_every_count() {
    let (h, buf) = render("<A-1>");
    let r = row(&buf, 2);
    for f in sochibo::app::roster::Filter::ALL {
        let n = h.app.roster.count(*f).to_string();
        assert!(
            r.split(|c: char| !c.is_ascii_digit()).any(|w| w == n),
            "{f:?} count {n} missing: {r}"
        );
    }
    assert!(
        r.trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == ']'),
        "{r}"
    );
}

#[test]
fn a_meetings_topic_and_state_are_never_cut_mid_word() {
    let (h, buf) = render("<A-3>");
    let all = text(&buf);
    let meetings = h.app.store.meetings().unwrap();
    let topics: Vec<&str> = meetings
        .iter()
        .map(|(_, m)| m.topic.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let mut cut = 0;
    for y in 6..buf.area.height - 2 {
        let r = row(&buf, y);
        if let Some(t) = topics.iter().find(|t| {
            let head: String = t.chars().take(12).collect();
            r.contains(&head)
        }) {
            if !r.contains(*t) {
                // Cut: with "…", and the state column whole.
                assert!(r.contains('…'), "topic cut without an ellipsis: {r}\n{all}");
                cut += 1;
            }
            assert!(r.contains("Dự thảo") || r.contains("Đã thông qua"), "{r}");
        }
    }
    assert!(
        cut > 0,
        "the demo has a topic too long for 80 columns\n{all}"
    );
    // An open meeting: its title ends with its whole state; the Info tab (Enter) shows
    // the topic whole.
    let (_, buf) = render("<A-3><Enter>");
    let title = row(&buf, 2);
    assert!(
        title
            .trim_end_matches(['┐', '─', ' '])
            .ends_with(" · Dự thảo"),
        "{title}"
    );
    let info = text(&buf);
    assert!(topics.iter().any(|t| info.contains(t)), "{info}");
}

#[test]
fn a_cut_home_row_is_shown_whole_under_the_list() {
    let (h, buf) = render("<A-0>");
    let all = text(&buf);
    let first = row(&buf, 3);
    assert!(first.trim_end().ends_with('…'), "{all}");
    let items = sochibo::app::screens::home::todo_items(&h.app);
    let full = h.app.lang.cat().todo(&items[0]);
    // Its words, in order, below the list.
    let below: String = (4..buf.area.height - 2)
        .map(|y| row(&buf, y))
        .skip_while(|r| !r.starts_with('─'))
        .collect::<Vec<_>>()
        .join(" ");
    let flat = below.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&full), "{full}\n{all}");
    // Moving down shows the next one.
    let mut h = h;
    h.keys("<Down><Down><Down><Down>");
    let s = h.screen();
    let next = h.app.lang.cat().todo(&items[4]);
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&next), "{next}\n{s}");
}

/// xterm's default palette (what a light or dark terminal shows for the 16 names).
fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    Some(match c {
        Color::Black => (0, 0, 0),
        Color::Red => (0xcd, 0, 0),
        Color::Green => (0, 0xcd, 0),
        Color::Yellow => (0xcd, 0xcd, 0),
        Color::Blue => (0, 0, 0xee),
        Color::Magenta => (0xcd, 0, 0xcd),
        Color::Cyan => (0, 0xcd, 0xcd),
        Color::Gray => (0xe5, 0xe5, 0xe5),
        Color::DarkGray => (0x7f, 0x7f, 0x7f),
        Color::LightRed => (0xff, 0, 0),
        Color::LightGreen => (0, 0xff, 0),
        Color::LightYellow => (0xff, 0xff, 0),
        Color::LightBlue => (0x5c, 0x5c, 0xff),
        Color::LightMagenta => (0xff, 0, 0xff),
        Color::LightCyan => (0, 0xff, 0xff),
        Color::White => (0xff, 0xff, 0xff),
        Color::Rgb(r, g, b) => (r, g, b),
        _ => return None,
    })
}

/// WCAG contrast ratio of two colours.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let lum = |(r, g, b): (u8, u8, u8)| {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Cells unreadable on a light or a dark terminal: a fixed foreground on the default
/// background (light grey on a white terminal), the default foreground on a fixed
/// background (black text on dark blue on a light terminal), or two fixed colours under
/// 4.5:1 in xterm's palette.
fn ground_problems(buf: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.symbol() == " " && cell.bg == Color::Reset {
                continue;
            }
            let (fg, bg) = (rgb(cell.fg), rgb(cell.bg));
            let what = format!(
                "({x},{y}) {:?}: {:?} on {:?}",
                cell.symbol(),
                cell.fg,
                cell.bg
            );
            match (fg, bg) {
                (Some(fg), Some(bg)) if cell.symbol() != " " && contrast(fg, bg) < 4.5 => {
                    out.push(format!("{what} is {:.1}:1", contrast(fg, bg)));
                }
                (Some(_), None) | (None, Some(_)) => out.push(what),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn the_ground_check_sees_light_grey_on_the_terminals_white() {
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
    buf.set_string(0, 0, "a", Style::new().fg(Color::Gray));
    buf.set_string(1, 0, "b", Style::new().bg(Color::Blue));
    buf.set_string(2, 0, "c", Style::new().fg(Color::White).bg(Color::Yellow));
    assert_eq!(
        ground_problems(&buf).len(),
        3,
        "{:?}",
        ground_problems(&buf)
    );
    let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
    buf.set_string(0, 0, "a", Style::new().fg(Color::Black).bg(Color::Cyan));
    buf.set_string(1, 0, "b", Style::new());
    assert!(ground_problems(&buf).is_empty());
}

#[test]
fn no_cell_leaves_a_fixed_colour_on_the_terminals_own_ground_and_all_reach_4_5_to_1() {
    for keys in VIEWS {
        let (_, buf) = render(keys);
        let bad = ground_problems(&buf);
        assert!(bad.is_empty(), "{keys}: {bad:#?}\n{}", text(&buf));
    }
}
