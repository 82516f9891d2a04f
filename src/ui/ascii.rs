//! `--ascii`: the screen in ASCII only, for old consoles whose raster or legacy fonts
//! show anything else as `?` or a box. After every draw, [`fold_buffer`] turns each
//! cell into ASCII: Vietnamese letters lose their diacritics ("Nguyễn" → "Nguyen",
//! "Đ" → "D"), every mark and box-drawing glyph takes its ASCII form ([`mark`]), and
//! what has none shows as `?`. Widths stay: every form is one column, except "…" and
//! "≥"/"≤", which take the room around them ("...", ">=").

use std::borrow::Cow;

use ratatui::buffer::Buffer;

use crate::domain::text;

/// The one-column ASCII form of a mark, an arrow, a dash or a box-drawing glyph.
pub fn mark(c: char) -> Option<char> {
    Some(match c {
        '●' | '•' | '■' | '★' => '*',
        '○' | '◦' | '□' => 'o',
        '◆' | '◇' | '♦' => '+',
        '✓' | '✔' | '✗' | '✘' | '×' => 'x',
        '‹' | '←' | '◀' | '≤' => '<',
        '›' | '→' | '▶' | '≥' => '>',
        '«' | '»' | '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '·' | '…' => '.',
        '–' | '—' | '−' => '-',
        '⚠' | '‼' => '!',
        '§' => 'S',
        '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
        '█' | '▓' | '▒' | '░' | '▌' | '▐' | '▀' | '▄' => '#',
        '\u{2500}'..='\u{257f}' => box_drawing(c),
        _ => return None,
    })
}

/// A box-drawing glyph as `-`, `|` or `+`.
fn box_drawing(c: char) -> char {
    match c {
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '╴' | '╶' | '╸' | '╺' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' => {
            '|'
        }
        _ => '+',
    }
}

/// The ASCII form of one cell's text (a letter with its combining marks, a mark…).
pub fn fold_symbol(symbol: &str) -> Cow<'_, str> {
    if symbol.is_ascii() {
        return Cow::Borrowed(symbol);
    }
    let stripped = text::strip_marks(symbol);
    if stripped.is_ascii() && !stripped.is_empty() {
        return Cow::Owned(stripped);
    }
    let mut chars = stripped.chars();
    match (chars.next().and_then(mark), chars.next()) {
        (Some(m), None) => Cow::Owned(m.to_string()),
        _ => Cow::Borrowed("?"),
    }
}

/// Turns every cell of `buf` into ASCII (see the module's text).
pub fn fold_buffer(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let sym = buf[(x, y)].symbol().to_string();
            if sym.is_ascii() {
                continue;
            }
            match sym.as_str() {
                "…" => ellipsis(buf, x, y),
                "≥" | "≤" if blank(buf, x + 1, y) && x + 1 < area.right() => {
                    buf[(x, y)].set_symbol(if sym == "≥" { ">" } else { "<" });
                    buf[(x + 1, y)].set_symbol("=");
                }
                _ => {
                    let folded = fold_symbol(&sym).into_owned();
                    buf[(x, y)].set_symbol(&folded);
                }
            }
        }
    }
}

/// Whether the cell at (x, y) is inside the buffer and blank.
fn blank(buf: &Buffer, x: u16, y: u16) -> bool {
    buf.area.contains((x, y).into()) && buf[(x, y)].symbol() == " "
}

/// "…" becomes "...": forward over the blanks after it at the end of a text, over the
/// blanks around it between words, else over the two columns before it (a cut text
/// loses two more letters, not its meaning; a frame is never overwritten).
fn ellipsis(buf: &mut Buffer, x: u16, y: u16) {
    let left = buf.area.left();
    let text = |buf: &Buffer, cx: u16| {
        let s = buf[(cx, y)].symbol();
        !s.chars()
            .any(|c| ('\u{2500}'..='\u{257f}').contains(&c) || c == '|' || c == '+')
    };
    let cells: Vec<u16> = if (1..=3).all(|d| blank(buf, x + d, y)) {
        vec![x, x + 1, x + 2]
    } else if x > left && blank(buf, x - 1, y) && blank(buf, x + 1, y) {
        // Between words ("1 … 8"): "1...8".
        vec![x - 1, x, x + 1]
    } else {
        let mut v: Vec<u16> = (1..=2)
            .take_while(|&d| x >= left + d && text(buf, x - d))
            .map(|d| x - d)
            .collect();
        v.push(x);
        v
    };
    for cx in cells {
        buf[(cx, y)].set_symbol(".");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn folded(s: &str, width: u16) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        buf.set_string(0, 0, s, ratatui::style::Style::new());
        fold_buffer(&mut buf);
        (0..width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn letters_lose_their_diacritics_and_keep_their_case() {
        assert_eq!(folded("Nguyễn Văn Đức, ưu tú", 21), "Nguyen Van Duc, uu tu");
        assert_eq!(folded("ĐẢNG ỦY", 7), "DANG UY");
    }

    #[test]
    fn marks_and_frames_take_their_ascii_forms() {
        assert_eq!(
            folded("┌─┐│└┘ ● ○ ◆ ✓ ‹ › · – ⚠ ▶", 26),
            "+-+|++ * o + x < > . - ! >"
        );
    }

    #[test]
    fn an_ellipsis_takes_three_columns_and_at_least_does_not_hide_a_neighbour() {
        // At the end of a text: forward over the blanks.
        assert_eq!(folded("tiếp tục…    ", 13), "tiep tuc...  ");
        // A cut text: over the letters before it.
        assert_eq!(folded("Nguyễ…|x", 8), "Ngu...|x");
        assert_eq!(folded("làm (…", 6), "lam...");
        // Between words: over the blanks on both sides.
        assert_eq!(folded("1 … 8", 5), "1...8");
        // ≥ before a blank takes it: ">=".
        assert_eq!(folded("≥ 3 tháng", 9), ">=3 thang");
    }

    #[test]
    fn what_has_no_ascii_form_shows_as_a_question_mark() {
        assert_eq!(folded("☃", 1), "?");
        assert!(folded("中文", 4).is_ascii());
    }
}
