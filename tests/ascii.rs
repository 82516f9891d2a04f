//! `--ascii` draws nothing outside ASCII (issue 21, item 4): every screen and overlay at
//! 80×24, with colour, every cell is ASCII; Vietnamese letters lose their diacritics and
//! every mark has an ASCII form of its own (none falls back to `?`).

use crate::ascii_views;
use crate::common;

use ascii_views::{VIEWS, text};
use common::Harness;
use sochibo::ui::theme::Theme;

fn render(keys: &str, ascii: bool) -> String {
    let mut h = Harness::demo(&[]);
    h.theme = Theme { color: true, ascii };
    h.keys(keys);
    text(h.term.backend().buffer())
}

#[test]
fn with_ascii_every_cell_of_every_view_is_ascii() {
    for keys in VIEWS {
        let plain = render(keys, false);
        let ascii = render(keys, true);
        let odd: String = ascii.chars().filter(|c| !c.is_ascii()).collect();
        assert!(odd.is_empty(), "{keys}: not ASCII: {odd:?}\n{ascii}");
        // Every mark has its own form: no `?` that the plain screen does not have.
        let q = |s: &str| s.matches('?').count();
        assert_eq!(
            q(&ascii),
            q(&plain),
            "{keys}: a glyph fell back to '?'\n{ascii}"
        );
    }
}

#[test]
fn without_ascii_the_screen_keeps_its_letters_and_marks() {
    let plain = render("<A-3>", false);
    assert!(plain.contains("Sổ chi bộ"), "{plain}");
    assert!(plain.contains("T1:●"), "{plain}");
}

#[test]
fn ascii_folds_names_and_draws_marks_frames_and_the_month_legend() {
    let s = render("<A-3>", true);
    assert!(s.contains("So chi bo"), "{s}");
    // The month strip: its marks and their legend.
    assert!(s.contains("T1:*"), "{s}");
    assert!(s.contains("* thuong ky  + chuyen de  o chua hop"), "{s}");
    assert!(s.contains("[3 Sinh hoat]"), "{s}");
    let card = render("<A-1><Enter>", true);
    assert!(
        card.contains("+ Ho so dang vien: Nguyen Ngoc Anh --"),
        "{card}"
    );
    assert!(
        card.lines().any(|l| l.starts_with('|') && l.ends_with('|')),
        "{card}"
    );
    let dues = render("<A-4>", true);
    assert!(dues.contains("tuoi Dang >=50 nam"), "{dues}");
}

#[test]
fn the_month_strip_has_a_legend_in_unicode_too() {
    let s = render("<A-3>", false);
    assert!(s.contains("● thường kỳ  ◆ chuyên đề  ○ chưa họp"), "{s}");
}
