//! The roster builds only the rows on screen (issue 9: a ward has thousands of members);
//! scrolling must still show the selection with the right row numbers.

use crate::common;

use common::Harness;
use sochibo::domain::benchdata::{Spec, generate};

/// The row numbers shown in the table, top to bottom (the lines under the header).
fn numbers(screen: &str) -> Vec<usize> {
    screen
        .lines()
        .skip_while(|l| !l.contains("Họ và tên"))
        .skip(1)
        .filter_map(|l| {
            // Rows start with the number (after the selection mark); the key bar does not.
            let t = l.trim_start_matches(['▶', '>', ' ']);
            t.split_whitespace().next()?.parse().ok()
        })
        .collect()
}

#[test]
fn a_long_roster_scrolls_to_the_selection_with_its_numbers() {
    let extra: Vec<_> = generate(&Spec::ward(120))
        .members
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let mut h = Harness::demo(&extra);
    let total = h.app.roster.visible_len();
    assert!(total > 100, "{total}");
    let rows = sochibo::ui::list_rows(24);

    let first = numbers(&h.screen());
    assert_eq!(first.first(), Some(&1), "{}", h.screen());

    h.keys("<End>");
    let shown = numbers(&h.screen());
    assert_eq!(shown.last(), Some(&total), "{}", h.screen());
    let n = shown.len();
    assert!(n >= rows.min(total) - 1, "{n} rows shown:\n{}", h.screen());
    assert!(shown.windows(2).all(|w| w[1] == w[0] + 1), "{shown:?}");
    let selected = h.app.roster.selected().unwrap().member.full_name.clone();
    let screen = h.screen();
    let last_line = screen
        .lines()
        .skip_while(|l| !l.contains("Họ và tên"))
        .find(|l| {
            l.trim_start_matches(['▶', '>', ' '])
                .starts_with(&format!("{total} "))
        })
        .unwrap()
        .to_string();
    assert!(
        last_line.contains(&selected),
        "{last_line} / selected {selected} / total {total}\n{screen}"
    );

    h.keys("<Home>");
    assert_eq!(numbers(&h.screen()).first(), Some(&1));
    h.keys("<PageDown><PageDown>");
    let shown = numbers(&h.screen());
    let sel = h.app.roster.selected;
    assert!(shown.contains(&(sel + 1)), "{sel} not in {shown:?}");
}
