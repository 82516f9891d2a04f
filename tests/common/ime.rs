//! Vietnamese key streams for tests (issue 16.6): what a typist's keyboard sends for a
//! Vietnamese text, as raw Telex, as raw VNI, and as Unikey (Telex mode) sends it to the
//! program: the letters, then Backspace-and-replace bursts as the marks are typed.
//!
//! Every stream types the marks the usual way: the shape key (`dd`, `aa`, `aw`, `ow`, `uw`;
//! VNI `9`, `6`, `8`, `7`) right after its letter, the tone key (`s f r x j`; VNI `1`–`5`)
//! at the end of the word. Uppercase letters carry `SHIFT`, as crossterm reports them.
//! The corpus is `tests/data/vn_names.txt` ([`corpus`]).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_normalization::UnicodeNormalization;

/// The corpus file: names and phrases, one per line, NFC.
pub const CORPUS: &str = include_str!("../data/vn_names.txt");

/// The corpus entries (blank lines and `#` comments skipped).
pub fn corpus() -> Vec<&'static str> {
    CORPUS
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// One key of a stream, before it becomes a crossterm event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// The Backspace key.
    Backspace,
}

impl Key {
    /// The crossterm key press for this key (uppercase letters with `SHIFT`).
    pub fn event(self) -> KeyEvent {
        match self {
            Key::Char(c) if c.is_uppercase() => {
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
            }
            Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Key::Backspace => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
        }
    }
}

/// Raw Telex: "Đức" → `D d u w c s`.
pub fn telex(text: &str) -> Vec<KeyEvent> {
    events(&telex_keys(text))
}

/// Raw VNI: "Đức" → `D 9 u 7 c 1`.
pub fn vni(text: &str) -> Vec<KeyEvent> {
    events(&vni_keys(text))
}

/// What Unikey in Telex mode sends: "Đức" → `D`, BS `Đ`, `u`, BS `ư`, `c`, BS BS `ứ c`.
pub fn unikey_telex(text: &str) -> Vec<KeyEvent> {
    events(&unikey_telex_keys(text))
}

/// The text a plain editor holds after `keys` (a char pushes, Backspace pops one char).
pub fn typed(keys: &[KeyEvent]) -> String {
    let mut s = String::new();
    for k in keys {
        match k.code {
            KeyCode::Char(c) => s.push(c),
            KeyCode::Backspace => {
                s.pop();
            }
            other => panic!("not a typing key: {other:?}"),
        }
    }
    s
}

/// Raw Telex keys of `text`.
pub fn telex_keys(text: &str) -> Vec<Key> {
    raw_keys(text, Method::Telex)
}

/// Raw VNI keys of `text`.
pub fn vni_keys(text: &str) -> Vec<Key> {
    raw_keys(text, Method::Vni)
}

/// Unikey (Telex) keys of `text`: after each raw key, Backspaces back to the first
/// changed character, then the rest of the word as it now reads.
pub fn unikey_telex_keys(text: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut shown: Vec<char> = Vec::new();
    for state in displays(text) {
        let state: Vec<char> = state.chars().collect();
        let same = shown.iter().zip(&state).take_while(|(a, b)| a == b).count();
        keys.extend(std::iter::repeat_n(Key::Backspace, shown.len() - same));
        keys.extend(state[same..].iter().map(|&c| Key::Char(c)));
        shown = state;
    }
    keys
}

fn events(keys: &[Key]) -> Vec<KeyEvent> {
    keys.iter().map(|k| k.event()).collect()
}

#[derive(Clone, Copy)]
enum Method {
    Telex,
    Vni,
}

/// The mark that changes a letter's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    /// â ê ô
    Circumflex,
    /// ă
    Breve,
    /// ơ ư
    Horn,
    /// đ
    Stroke,
}

/// Sắc, huyền, hỏi, ngã, nặng.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Acute,
    Grave,
    Hook,
    Tilde,
    Dot,
}

/// A Vietnamese letter: an ASCII base, a shape and a tone.
#[derive(Debug, Clone, Copy)]
struct Letter {
    base: char,
    shape: Shape,
    tone: Option<Tone>,
}

impl Letter {
    /// The letter of `c`, or None when `c` is not a (Vietnamese) Latin letter.
    fn of(c: char) -> Option<Letter> {
        match c {
            'đ' | 'Đ' => {
                return Some(Letter {
                    base: if c == 'đ' { 'd' } else { 'D' },
                    shape: Shape::Stroke,
                    tone: None,
                });
            }
            _ => {}
        }
        let mut parts = std::iter::once(c).nfd();
        let base = parts.next()?;
        if !base.is_ascii_alphabetic() {
            return None;
        }
        let mut letter = Letter {
            base,
            shape: Shape::Plain,
            tone: None,
        };
        for mark in parts {
            match mark {
                '\u{302}' => letter.shape = Shape::Circumflex,
                '\u{306}' => letter.shape = Shape::Breve,
                '\u{31B}' => letter.shape = Shape::Horn,
                '\u{301}' => letter.tone = Some(Tone::Acute),
                '\u{300}' => letter.tone = Some(Tone::Grave),
                '\u{309}' => letter.tone = Some(Tone::Hook),
                '\u{303}' => letter.tone = Some(Tone::Tilde),
                '\u{323}' => letter.tone = Some(Tone::Dot),
                _ => return None,
            }
        }
        Some(letter)
    }

    /// The letter with its shape but without its tone.
    fn shaped(self) -> char {
        match self.shape {
            Shape::Plain => self.base,
            Shape::Stroke => {
                if self.base.is_uppercase() {
                    'Đ'
                } else {
                    'đ'
                }
            }
            shape => {
                let mark = match shape {
                    Shape::Circumflex => '\u{302}',
                    Shape::Breve => '\u{306}',
                    _ => '\u{31B}',
                };
                let s: String = [self.base, mark].into_iter().nfc().collect();
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => panic!("{}{mark:?} is not one character", self.base),
                }
            }
        }
    }

    /// The key that gives this letter its shape, if it has one.
    fn shape_key(self, method: Method) -> Option<char> {
        let lower = self.base.to_ascii_lowercase();
        Some(match (method, self.shape) {
            (_, Shape::Plain) => return None,
            (Method::Telex, Shape::Circumflex) => lower,
            (Method::Telex, Shape::Stroke) => 'd',
            (Method::Telex, Shape::Breve | Shape::Horn) => 'w',
            (Method::Vni, Shape::Circumflex) => '6',
            (Method::Vni, Shape::Breve) => '8',
            (Method::Vni, Shape::Horn) => '7',
            (Method::Vni, Shape::Stroke) => '9',
        })
    }
}

fn tone_key(tone: Tone, method: Method) -> char {
    let (telex, vni) = match tone {
        Tone::Acute => ('s', '1'),
        Tone::Grave => ('f', '2'),
        Tone::Hook => ('r', '3'),
        Tone::Tilde => ('x', '4'),
        Tone::Dot => ('j', '5'),
    };
    match method {
        Method::Telex => telex,
        Method::Vni => vni,
    }
}

/// A run of `text`: a word of letters, or one other character (space, digit, '/', …).
enum Run {
    Word(Vec<Letter>, String),
    Other(char),
}

fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut word: Vec<Letter> = Vec::new();
    let mut spelled = String::new();
    for c in text.chars() {
        match Letter::of(c) {
            Some(l) => {
                word.push(l);
                spelled.push(c);
            }
            None => {
                if !word.is_empty() {
                    out.push(Run::Word(
                        std::mem::take(&mut word),
                        std::mem::take(&mut spelled),
                    ));
                }
                out.push(Run::Other(c));
            }
        }
    }
    if !word.is_empty() {
        out.push(Run::Word(word, spelled));
    }
    for run in &out {
        if let Run::Word(letters, spelled) = run {
            let tones = letters.iter().filter(|l| l.tone.is_some()).count();
            assert!(
                tones <= 1,
                "{spelled:?} has {tones} tone marks: not one syllable"
            );
        }
    }
    out
}

fn raw_keys(text: &str, method: Method) -> Vec<Key> {
    let mut keys = Vec::new();
    for run in runs(text) {
        match run {
            Run::Other(c) => keys.push(Key::Char(c)),
            Run::Word(letters, _) => {
                for l in &letters {
                    keys.push(Key::Char(l.base));
                    keys.extend(l.shape_key(method).map(Key::Char));
                }
                if let Some(t) = letters.iter().find_map(|l| l.tone) {
                    keys.push(Key::Char(tone_key(t, method)));
                }
            }
        }
    }
    keys
}

/// What the screen shows after each raw Telex key, as Unikey composes it.
fn displays(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut done = String::new();
    for run in runs(text) {
        match run {
            Run::Other(c) => {
                done.push(c);
                out.push(done.clone());
            }
            Run::Word(letters, spelled) => {
                let mut word = String::new();
                for l in &letters {
                    word.push(l.base);
                    out.push(format!("{done}{word}"));
                    if l.shape != Shape::Plain {
                        word.pop();
                        word.push(l.shaped());
                        out.push(format!("{done}{word}"));
                    }
                }
                if letters.iter().any(|l| l.tone.is_some()) {
                    out.push(format!("{done}{spelled}"));
                }
                done.push_str(&spelled);
            }
        }
    }
    out
}
