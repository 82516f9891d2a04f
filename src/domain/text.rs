//! Vietnamese text: NFC normalisation, diacritic folding for search, collation for sorting,
//! sanitising of control and invisible characters, and look-alike keys of names.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Normalises to Unicode NFC (IMEs and pasted text may send decomposed marks),
/// drops control characters and trims surrounding whitespace.
pub fn clean(s: &str) -> String {
    let nfc: String = sanitize(s).nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Like [`clean`] but keeps line breaks (for multi-line notes).
pub fn clean_multiline(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(clean).collect();
    lines.join("\n").trim().to_string()
}

/// Removes control characters (including ESC, so no terminal escape sequence survives)
/// and invisible ones ([`is_invisible`]: zero-width spaces, direction overrides), but
/// keeps `\n` and `\t` as spaces-or-newlines the caller decides about.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || !(c.is_control() || is_invisible(*c)))
        .collect()
}

/// A character that shows nothing but changes what text is, or how it is shown: zero-width
/// spaces and joiners, the soft hyphen, word joiners, byte-order marks, the bidirectional
/// marks, embeddings, overrides and isolates (U+202E turns "An" into "nA" on screen),
/// Mongolian and Hangul fillers, and Unicode tag characters. A name never needs one; a
/// name with one looks like another member's and is not equal to it.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F
            | 0x1160
            | 0x17B4
            | 0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF9..=0xFFFB
            | 0xE0000..=0xE0FFF
    )
}

/// How many [`is_invisible`] characters `s` holds (they are dropped by [`clean`]).
pub fn count_invisible(s: &str) -> usize {
    s.chars().filter(|c| is_invisible(*c)).count()
}

/// The key under which two names look the same on screen: compatibility forms folded
/// (NFKC: full-width letters, ligatures), invisible characters dropped, diacritics and
/// case folded ([`fold`]), Cyrillic and Greek letters that look Latin mapped to the Latin
/// letter ("Nguyễn Vаn An" with a Cyrillic "а" → "nguyen van an"), spaces collapsed.
pub fn lookalike_key(name: &str) -> String {
    let nfkc: String = name.nfkc().filter(|c| !is_invisible(*c)).collect();
    let mapped: String = nfkc.chars().map(latin_lookalike).collect();
    fold(&mapped)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Latin letter a Cyrillic or Greek letter is mistaken for, or the letter itself.
fn latin_lookalike(c: char) -> char {
    match c {
        'А' | 'Α' | 'а' | 'α' => 'a',
        'В' | 'Β' | 'в' | 'β' => 'b',
        'С' | 'с' | 'Ϲ' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'Е' | 'Ε' | 'е' | 'ε' => 'e',
        'Н' | 'Η' | 'һ' => 'h',
        'І' | 'Ι' | 'і' | 'ι' | 'Ӏ' | 'ӏ' => 'i',
        'Ј' | 'ј' => 'j',
        'К' | 'Κ' | 'к' | 'κ' => 'k',
        'М' | 'Μ' | 'м' => 'm',
        'Ν' | 'ν' => 'n',
        'О' | 'Ο' | 'о' | 'ο' | '0' => 'o',
        'Р' | 'Ρ' | 'р' | 'ρ' => 'p',
        'Ѕ' | 'ѕ' => 's',
        'Т' | 'Τ' | 'т' | 'τ' => 't',
        'υ' => 'u',
        'Х' | 'Χ' | 'х' | 'χ' => 'x',
        'У' | 'Υ' | 'у' | 'γ' => 'y',
        'Ζ' => 'z',
        c => c,
    }
}

/// Folds text for diacritic-insensitive search: NFD, combining marks removed, `đ`→`d`,
/// lowercase. "Nguyễn Văn Đức" → "nguyen van duc".
pub fn fold(s: &str) -> String {
    strip_marks(s)
        .chars()
        .flat_map(char::to_lowercase)
        .collect()
}

/// `s` without its diacritics, case kept: NFD, combining marks removed, `đ`→`d`,
/// `Đ`→`D`. "Nguyễn Văn Đức" → "Nguyen Van Duc" (for consoles that show only ASCII).
pub fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Vietnamese alphabet order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y),
/// with the foreign letters f j w z placed where Latin puts them.
const ALPHABET: &[&str] = &[
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
    "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];

/// Tone order as a secondary level: ngang < huyền < hỏi < ngã < sắc < nặng.
fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{300}' => Some(1), // huyền
        '\u{309}' => Some(2), // hỏi
        '\u{303}' => Some(3), // ngã
        '\u{301}' => Some(4), // sắc
        '\u{323}' => Some(5), // nặng
        _ => None,
    }
}

/// Collation key of one word: letters first, then tones, then case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct WordKey {
    letters: Vec<u16>,
    tones: Vec<u8>,
    case: Vec<u8>,
}

/// Collation key of one word in Vietnamese dictionary order.
pub fn word_key(word: &str) -> WordKey {
    let mut key = WordKey::default();
    let mut chars = word.nfd().peekable();
    while let Some(base) = chars.next() {
        if is_combining(base) {
            continue;
        }
        let lower: String = base.to_lowercase().collect();
        let upper = base.is_uppercase();
        let mut modifier = None;
        let mut tone = 0u8;
        while let Some(&m) = chars.peek() {
            if !is_combining(m) {
                break;
            }
            chars.next();
            if let Some(t) = tone_rank(m) {
                tone = t;
            } else if matches!(m, '\u{306}' | '\u{302}' | '\u{31B}') {
                modifier = Some(m);
            }
        }
        let letter: String = match modifier {
            Some(m) => format!("{lower}{m}").nfc().collect(),
            None => lower,
        };
        let rank = ALPHABET
            .iter()
            .position(|l| *l == letter)
            .map(|p| p as u16 + 1)
            // Digits and other characters sort after the alphabet, by code point.
            .unwrap_or_else(|| 100 + letter.chars().next().map_or(0, |c| c as u32 % 60000) as u16);
        key.letters.push(rank);
        key.tones.push(tone);
        key.case.push(u8::from(upper));
    }
    key
}

/// Sort key of a Vietnamese full name: given name (last word) first, then the middle
/// names in order, then the family name (first word).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct NameKey(Vec<WordKey>);

/// Builds the [`NameKey`] of a full name ("Nguyễn Văn An" sorts under "An").
pub fn name_key(full_name: &str) -> NameKey {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let mut keys = Vec::with_capacity(words.len());
    if let Some((given, rest)) = words.split_last() {
        keys.push(word_key(given));
        if let Some((family, middle)) = rest.split_first() {
            keys.extend(middle.iter().map(|w| word_key(w)));
            keys.push(word_key(family));
        }
    }
    NameKey(keys)
}

/// Compares two full names the Vietnamese way (see [`name_key`]).
pub fn compare_names(a: &str, b: &str) -> Ordering {
    name_key(a).cmp(&name_key(b))
}

/// Keeps only the ASCII digits of `s` ("0912 345.678" → "0912345678").
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// How many columns `s` takes on a terminal or in a fixed-width text: combining marks
/// (NFD tones) take none, wide glyphs (CJK, most emoji) two. Not a character count.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest start of `s` that fits in `cols` columns, and the rest. Combining marks
/// stay with their letter; the start may be empty (a wide glyph and `cols` = 1).
pub fn split_at_width(s: &str, cols: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cols {
            return s.split_at(i);
        }
        used += w;
    }
    (s, "")
}

/// Cuts `s` to at most `max` columns, adding "…" when cut (for display only).
pub fn ellipsize(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = split_at_width(s, max.saturating_sub(1)).0.to_string();
    out.push('…');
    out
}

/// `s` cut (with "…") or padded with spaces to exactly `w` columns, left-aligned (one
/// column less when a wide glyph does not fit).
pub fn cell(s: &str, w: usize) -> String {
    let s = ellipsize(s, w);
    let pad = w.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// `s` cut (with "…") or padded with spaces to exactly `w` columns, right-aligned.
pub fn rcell(s: &str, w: usize) -> String {
    let s = ellipsize(s, w);
    let pad = w.saturating_sub(width(&s));
    format!("{}{s}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_dropped_and_lookalikes_share_a_key() {
        assert_eq!(clean("Nguyễn\u{200B} Văn An"), "Nguyễn Văn An");
        assert_eq!(clean("\u{202E}nA năV nễyugN"), "nA năV nễyugN");
        assert_eq!(clean("Lê\u{00AD}Thị\u{FEFF} Hoa"), "LêThị Hoa");
        assert_eq!(count_invisible("a\u{200B}b\u{202E}c\u{2066}"), 3);
        assert_eq!(count_invisible("Nguyễn Văn An"), 0);
        let real = lookalike_key("Nguyễn Văn An");
        assert_eq!(real, "nguyen van an");
        // Cyrillic а and о, a zero-width space, full-width letters, doubled spaces.
        for fake in [
            "Nguyễn Vаn An",
            "Nguyễn Văn\u{200B} An",
            "Ｎguyễn  Văn An",
            "NGUYEN VAN AN",
            "Nguyễn Văn Аn",
        ] {
            assert_eq!(lookalike_key(fake), real, "{fake}");
        }
        assert_ne!(lookalike_key("Nguyễn Văn Anh"), real);
    }

    #[test]
    fn cells_are_exactly_their_width() {
        assert_eq!(cell("Đảng", 6), "Đảng  ");
        assert_eq!(rcell("12", 4), "  12");
        assert_eq!(cell("Nguyễn Văn An", 6), "Nguyễ…");
        assert_eq!(rcell("Nguyễn Văn An", 6).chars().count(), 6);
    }

    #[test]
    fn widths_count_columns_not_characters() {
        // NFD: 16 characters, 13 columns (tone marks take none).
        let nfd: String = "Nguyễn Văn An".nfd().collect();
        assert_eq!(nfd.chars().count(), 16);
        assert_eq!(width(&nfd), 13);
        assert_eq!(width("Nguyễn Văn An"), 13);
        // A wide glyph takes two columns.
        assert_eq!(width("中a"), 3);
        assert_eq!(width("Đảng 👍"), 7);
    }

    #[test]
    fn nfd_text_fills_cells_like_nfc() {
        let nfd: String = "Nguyễn Văn An".nfd().collect();
        // Fits: padded by columns, not by characters.
        assert_eq!(cell(&nfd, 15), format!("{nfd}  "));
        assert_eq!(width(&rcell(&nfd, 15)), 15);
        assert!(rcell(&nfd, 15).starts_with("  N"));
        assert_eq!(ellipsize(&nfd, 13), nfd);
        // Cut: the same letters as NFC, the marks kept with their letter.
        let cut = cell(&nfd, 6);
        assert_eq!(width(&cut), 6);
        assert_eq!(cut.nfc().collect::<String>(), "Nguyễ…");
        assert_eq!(cell("Nguyễn Văn An", 6), "Nguyễ…");
    }

    #[test]
    fn wide_glyphs_are_cut_and_padded_by_columns() {
        assert_eq!(cell("中文", 4), "中文");
        assert_eq!(cell("中文", 5), "中文 ");
        assert_eq!(rcell("中", 3), " 中");
        // "中文字" is 6 columns: in 4, one glyph and "…" (3) plus one space.
        assert_eq!(cell("中文字", 4), "中… ");
        assert_eq!(width(&cell("中文字", 4)), 4);
        assert_eq!(split_at_width("中a", 1), ("", "中a"));
        assert_eq!(split_at_width("中a", 2), ("中", "a"));
    }

    #[test]
    fn fold_strips_tones_and_maps_d_bar() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("Lê Hoàng Đức"), "le hoang duc");
        assert_eq!(fold("ĐẶNG"), "dang");
        // NFD input folds the same as NFC.
        let nfd: String = "Nguyễn".nfd().collect();
        assert_ne!(nfd, "Nguyễn");
        assert_eq!(fold(&nfd), "nguyen");
    }

    #[test]
    fn clean_normalises_nfd_and_strips_controls() {
        let nfd: String = "Việt".nfd().collect();
        assert_eq!(clean(&format!("  {nfd}\u{1b}[31m  Nam \t")), "Việt[31m Nam");
        assert_eq!(clean("a\u{7}b"), "ab");
        assert_eq!(
            clean_multiline("dòng 1\r\ndòng\u{1b} 2\n"),
            "dòng 1\ndòng 2"
        );
    }

    #[test]
    fn alphabet_order_beats_byte_order() {
        let mut names = vec![
            "Yến", "Ánh", "Đông", "Dũng", "Ân", "Ăn", "Ước", "Uyên", "Ơn", "Ông", "Oanh", "Bình",
        ];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(
            names,
            vec![
                "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đông", "Oanh", "Ông", "Ơn", "Uyên", "Ước",
                "Yến"
            ]
        );
    }

    #[test]
    fn tones_are_secondary_in_icu_order() {
        let mut words = vec![
            "bạ", "bá", "bã", "bả", "bà", "ba", "bác", "bạc", "bắc", "băng", "bâng",
        ];
        words.sort_by(|a, b| compare_names(a, b));
        assert_eq!(
            words,
            vec![
                "ba", "bà", "bả", "bã", "bá", "bạ", "bác", "bạc", "bắc", "băng", "bâng"
            ]
        );
    }

    #[test]
    fn sorts_by_given_then_middle_then_family() {
        let mut names = vec![
            "Nguyễn Văn Bình",
            "Trần Văn An",
            "Lê Thị An",
            "Nguyễn Văn An",
            "Đỗ An",
        ];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(
            names,
            vec![
                "Đỗ An",
                "Lê Thị An",
                "Nguyễn Văn An",
                "Trần Văn An",
                "Nguyễn Văn Bình"
            ]
        );
    }

    #[test]
    fn nfd_and_nfc_names_compare_equal() {
        let nfd: String = "Hoàng Thị Ngọc Ẩn".nfd().collect();
        assert_eq!(compare_names(&nfd, "Hoàng Thị Ngọc Ẩn"), Ordering::Equal);
    }

    #[test]
    fn digits_and_ellipsis() {
        assert_eq!(digits("0912 345.678"), "0912345678");
        assert_eq!(ellipsize("Nguyễn Văn An", 6), "Nguyễ…");
        assert_eq!(ellipsize("An", 6), "An");
    }
}
