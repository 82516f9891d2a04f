//! A one-line text input that behaves well with Vietnamese IMEs: only Press events,
//! Backspace and Ctrl+H delete one character (code point), text is kept raw while typing
//! and NFC-normalised when committed (`domain::text::clean`).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A single-line editable text with a cursor counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    /// An input holding `s`, cursor at the end.
    pub fn new(s: &str) -> Self {
        TextInput {
            text: s.to_string(),
            cursor: s.chars().count(),
        }
    }

    /// The text as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor position, in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text as drawn, composed (NFC) because old Windows consoles draw combining marks
    /// badly and an IME may send them while typing, with the cursor's column in it. The
    /// text itself stays as typed until `domain::text::clean` commits it.
    pub fn shown(&self) -> (String, usize) {
        use unicode_normalization::UnicodeNormalization;
        let text: String = self.text.nfc().collect();
        let before = self.text[..self.byte_at(self.cursor)].nfc().count();
        let column = before.min(text.chars().count());
        (text, column)
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, s: &str) {
        *self = TextInput::new(s);
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor (newlines and control characters become spaces).
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(if c.is_control() { ' ' } else { c });
        }
    }

    fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Handles an editing key. Returns `Some(changed)` if the key was an editing key,
    /// `None` if it is not for the input (so the keymap gets it).
    pub fn handle_key(&mut self, key: &KeyEvent) -> Option<bool> {
        if key.kind != KeyEventKind::Press {
            return Some(false);
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        // Windows reports AltGr as Ctrl+Alt with the character it types ('@', '€', … on
        // many layouts), so Ctrl+Alt+character is text, like a character alone.
        let plain = ctrl == alt;
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char('h') if ctrl && !alt => Some(self.backspace()),
            KeyCode::Char(c) if plain && !c.is_control() => {
                self.insert(c);
                Some(true)
            }
            KeyCode::Backspace => Some(self.backspace()),
            KeyCode::Delete => {
                if self.cursor < len {
                    let at = self.byte_at(self.cursor);
                    self.text.remove(at);
                    Some(true)
                } else {
                    Some(false)
                }
            }
            KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                Some(false)
            }
            KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(len);
                Some(false)
            }
            KeyCode::Home => {
                self.cursor = 0;
                Some(false)
            }
            KeyCode::End => {
                self.cursor = len;
                Some(false)
            }
            _ => None,
        }
    }

    fn backspace(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        self.text.remove(at);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(keys: &[KeyEvent]) -> String {
        let mut t = TextInput::default();
        for k in keys {
            t.handle_key(k);
        }
        t.text().to_string()
    }

    #[test]
    fn unikey_style_rewrites_compose_viet() {
        // v i e BS ê BS ế t, as Unikey sends it.
        let keys = [
            press(KeyCode::Char('v')),
            press(KeyCode::Char('i')),
            press(KeyCode::Char('e')),
            press(KeyCode::Backspace),
            press(KeyCode::Char('ê')),
            KeyEvent::new(KeyCode::Char('h'), KeyModifiers::CONTROL), // 0x08 from some IMEs
            press(KeyCode::Char('ế')),
            press(KeyCode::Char('t')),
        ];
        assert_eq!(typed(&keys), "viết");
    }

    #[test]
    fn altgr_characters_are_typed_and_other_chords_are_not() {
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let keys = [
            press(KeyCode::Char('a')),
            KeyEvent::new(KeyCode::Char('@'), altgr), // AltGr+Q on a German layout, on Windows
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT),
        ];
        assert_eq!(typed(&keys), "a@");
        let mut t = TextInput::default();
        assert_eq!(
            t.handle_key(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(
            t.handle_key(&KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT)),
            None
        );
    }

    #[test]
    fn shown_text_is_composed_with_the_cursor_after_what_precedes_it() {
        let mut t = TextInput::new("Nguye\u{302}\u{303}n");
        assert_eq!(t.shown(), ("Nguyễn".to_string(), 6));
        t.handle_key(&press(KeyCode::Left));
        assert_eq!(t.shown(), ("Nguyễn".to_string(), 5));
        t.handle_key(&press(KeyCode::Left));
        assert_eq!(
            t.shown().1,
            5,
            "between a letter and its marks: after the letter"
        );
        assert_eq!(t.text(), "Nguye\u{302}\u{303}n", "kept as typed");
    }

    #[test]
    fn backspace_deletes_one_code_point_of_nfd_text() {
        let keys = [
            press(KeyCode::Char('e')),
            press(KeyCode::Char('\u{302}')),
            press(KeyCode::Char('\u{301}')),
            press(KeyCode::Backspace),
        ];
        assert_eq!(typed(&keys), "e\u{302}");
    }

    #[test]
    fn release_events_and_cursor_moves() {
        let mut t = TextInput::new("An");
        let mut release = press(KeyCode::Char('x'));
        release.kind = KeyEventKind::Release;
        assert_eq!(t.handle_key(&release), Some(false));
        t.handle_key(&press(KeyCode::Home));
        t.handle_key(&press(KeyCode::Char('B')));
        t.handle_key(&press(KeyCode::Delete));
        assert_eq!(t.text(), "Bn");
        assert_eq!(t.handle_key(&press(KeyCode::Esc)), None);
        t.insert_str("a\nb");
        assert_eq!(t.text(), "Ba bn");
    }
}
