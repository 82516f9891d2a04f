//! Keys → named actions, per context. Defaults come from `keymaps/default.toml` (compiled
//! in); a user file overrides them per key sequence (`"noop"` unbinds). Every problem is
//! reported with its file and line, and the defaults stay in force for that entry.

pub mod action;

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use action::{Action, Context};

/// The default keymap, compiled in.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymaps/default.toml");

/// Why key text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// Text that names no key, as written (an unknown name or modifier, a control
    /// character, an unclosed `<`).
    #[error("not a key: \"{0}\"")]
    BadKey(String),
    /// A key sequence with no key in it.
    #[error("no key given")]
    Empty,
}

/// One key with its modifiers, canonical: SHIFT is dropped on characters (the character
/// already says it) and Shift+Tab is `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    code: KeyCodeOrd,
    mods: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(u8),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
];

const CTRL: u8 = 1;
const ALT: u8 = 2;
const SHIFT: u8 = 4;

impl KeyChord {
    /// The canonical chord of a key event, or `None` for keys we never bind (releases,
    /// media keys, …). Ctrl+H is Backspace (some IMEs send 0x08).
    pub fn from_event(e: &KeyEvent) -> Option<KeyChord> {
        if e.kind != KeyEventKind::Press {
            return None;
        }
        let mut mods = 0;
        if e.modifiers.contains(KeyModifiers::CONTROL) {
            mods |= CTRL;
        }
        if e.modifiers.contains(KeyModifiers::ALT) {
            mods |= ALT;
        }
        if e.modifiers.contains(KeyModifiers::SHIFT) {
            mods |= SHIFT;
        }
        let code = match e.code {
            KeyCode::Char('h') if mods == CTRL => {
                return Some(KeyChord::named(KeyCode::Backspace, 0));
            }
            KeyCode::Char(c) => {
                // Ctrl+Shift+letter keeps its Shift (Ctrl+Shift+Z is redo); elsewhere the
                // character already says it.
                let shifted = mods & CTRL != 0 && (mods & SHIFT != 0 || c.is_ascii_uppercase());
                mods &= !SHIFT;
                if shifted {
                    mods |= SHIFT;
                }
                let c = if mods & CTRL != 0 {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                if c == ' ' {
                    KeyCodeOrd::Named(named_index(KeyCode::Char(' '))?)
                } else {
                    KeyCodeOrd::Char(c)
                }
            }
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::BackTab => {
                mods &= !SHIFT;
                KeyCodeOrd::Named(named_index(KeyCode::BackTab)?)
            }
            other => KeyCodeOrd::Named(named_index(other)?),
        };
        Some(KeyChord { code, mods })
    }

    fn named(code: KeyCode, mods: u8) -> KeyChord {
        KeyChord {
            code: KeyCodeOrd::Named(named_index(code).unwrap_or(0)),
            mods,
        }
    }

    /// Whether this is a plain printable character (no Ctrl or Alt).
    pub fn is_plain_char(&self) -> bool {
        matches!(self.code, KeyCodeOrd::Char(_)) && self.mods & (CTRL | ALT) == 0
    }

    fn plain_char(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if self.mods == 0 => Some(c),
            _ => None,
        }
    }
}

impl KeyChord {
    /// The key event this chord stands for (for replaying key strings).
    pub fn to_event(&self) -> KeyEvent {
        let mut mods = KeyModifiers::NONE;
        if self.mods & CTRL != 0 {
            mods |= KeyModifiers::CONTROL;
        }
        if self.mods & ALT != 0 {
            mods |= KeyModifiers::ALT;
        }
        if self.mods & SHIFT != 0 {
            mods |= KeyModifiers::SHIFT;
        }
        let code = match self.code {
            KeyCodeOrd::Char(c) => KeyCode::Char(c),
            KeyCodeOrd::F(n) => KeyCode::F(n),
            KeyCodeOrd::Named(i) => NAMED.get(i as usize).map_or(KeyCode::Null, |(_, c)| *c),
        };
        KeyEvent::new(code, mods)
    }
}

/// Parses a string of typed keys: plain characters are typed as they are, `<...>` is one
/// chord in keymap notation, `<lt>` is a literal `<`. "/nguyen van<Enter>" types a
/// search and presses Enter. Used to replay keys in tests and benchmarks.
pub fn parse_key_string(s: &str) -> Result<Vec<KeyEvent>, KeyParseError> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest
                .find('>')
                .ok_or_else(|| KeyParseError::BadKey(rest.into()))?;
            let token = &rest[..=end];
            if token == "<lt>" {
                out.push(KeyEvent::new(KeyCode::Char('<'), KeyModifiers::NONE));
            } else {
                out.push(parse_chord(token)?.to_event());
            }
            rest = &rest[end + 1..];
        } else {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(out)
}

fn named_index(code: KeyCode) -> Option<u8> {
    NAMED.iter().position(|(_, c)| *c == code).map(|i| i as u8)
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut prefix = String::new();
        if self.mods & CTRL != 0 {
            prefix.push_str("C-");
        }
        if self.mods & ALT != 0 {
            prefix.push_str("A-");
        }
        if self.mods & SHIFT != 0 {
            prefix.push_str("S-");
        }
        let name = match self.code {
            KeyCodeOrd::Char(c) if prefix.is_empty() => return write!(f, "{c}"),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
            KeyCodeOrd::Named(i) => NAMED.get(i as usize).map_or("?", |(n, _)| n).to_string(),
        };
        write!(f, "<{prefix}{name}>")
    }
}

impl KeyChord {
    /// The chord as people read it on a key bar: "Ctrl+Z", "Alt+1", "F8", "Enter",
    /// "Shift+Tab"; arrows are ↑ ↓ ← → unless `ascii`.
    pub fn label(&self, ascii: bool) -> String {
        let mut out = String::new();
        if self.mods & CTRL != 0 {
            out.push_str("Ctrl+");
        }
        if self.mods & ALT != 0 {
            out.push_str("Alt+");
        }
        if self.mods & SHIFT != 0 {
            out.push_str("Shift+");
        }
        let name = match self.code {
            KeyCodeOrd::Char(c) if self.mods & (CTRL | ALT) != 0 => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
            KeyCodeOrd::Named(i) => {
                let code = NAMED.get(i as usize).map_or(KeyCode::Null, |(_, c)| *c);
                match code {
                    KeyCode::Up if !ascii => "↑",
                    KeyCode::Down if !ascii => "↓",
                    KeyCode::Left if !ascii => "←",
                    KeyCode::Right if !ascii => "→",
                    KeyCode::BackTab => "Shift+Tab",
                    KeyCode::Delete => "Del",
                    KeyCode::Insert => "Ins",
                    KeyCode::PageUp => "PgUp",
                    KeyCode::PageDown => "PgDn",
                    _ => NAMED.get(i as usize).map_or("?", |(n, _)| n),
                }
                .to_string()
            }
        };
        out.push_str(&name);
        out
    }

    /// Which key of an action the key bar shows: a function or named key alone first
    /// (F2, Enter), then chords (Ctrl+S), then typed characters.
    fn bar_rank(&self) -> u8 {
        match self.code {
            KeyCodeOrd::Char(_) if self.mods == 0 => 3,
            KeyCodeOrd::F(_) if self.mods == 0 => 0,
            _ if self.mods == 0 => 1,
            _ => 2,
        }
    }

    /// Whether typing produces this key: a character without Ctrl or Alt, Space, or
    /// Backspace (which an IME sends in its rewrite bursts).
    pub fn is_typing(&self) -> bool {
        self.is_plain_char()
            || self.code == KeyCodeOrd::Named(named_index(KeyCode::Char(' ')).unwrap_or(0))
            || self.code == KeyCodeOrd::Named(named_index(KeyCode::Backspace).unwrap_or(0))
    }
}

/// A key sequence as people read it ("Ctrl+Z", "F8").
pub fn sequence_label(seq: &[KeyChord], ascii: bool) -> String {
    seq.iter()
        .map(|k| k.label(ascii))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses one chord: `q`, `?`, `<C-s>`, `<A-1>`, `<F2>`, `<S-Tab>`, `<Enter>`.
pub fn parse_chord(s: &str) -> Result<KeyChord, KeyParseError> {
    let bad = || KeyParseError::BadKey(s.into());
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() || c == ' ' {
            return Err(bad());
        }
        return Ok(KeyChord {
            code: KeyCodeOrd::Char(c),
            mods: 0,
        });
    }
    let inner = s
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .ok_or_else(bad)?;
    let mut mods = 0;
    let mut rest = inner;
    while let Some((m, tail)) = rest.split_once('-') {
        if tail.is_empty() {
            break; // "<C-->": the key is '-'
        }
        mods |= match m {
            "C" | "c" => CTRL,
            "A" | "a" | "M" | "m" => ALT,
            "S" | "s" => SHIFT,
            _ => return Err(bad()),
        };
        rest = tail;
    }
    let mut rc = rest.chars();
    let code = if let (Some(c), None) = (rc.next(), rc.next()) {
        if mods & SHIFT != 0 && mods & CTRL != 0 {
            KeyCodeOrd::Char(c.to_ascii_lowercase())
        } else if mods & SHIFT != 0 {
            mods &= !SHIFT;
            KeyCodeOrd::Char(c.to_ascii_uppercase())
        } else {
            KeyCodeOrd::Char(if mods & CTRL != 0 {
                c.to_ascii_lowercase()
            } else {
                c
            })
        }
    } else if let Some(n) = rest
        .strip_prefix('F')
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n))
    {
        KeyCodeOrd::F(n)
    } else if rest.eq_ignore_ascii_case("Tab") && mods & SHIFT != 0 {
        mods &= !SHIFT;
        KeyCodeOrd::Named(named_index(KeyCode::BackTab).unwrap_or(0))
    } else {
        let i = NAMED
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(rest))
            .ok_or_else(bad)?;
        KeyCodeOrd::Named(i as u8)
    };
    if code == KeyCodeOrd::Char('h') && mods == CTRL {
        // Ctrl+H is Backspace for IMEs that send 0x08: never a command.
        return Ok(KeyChord::named(KeyCode::Backspace, 0));
    }
    Ok(KeyChord { code, mods })
}

/// Parses a space-separated key sequence: `g g`, `<C-x> s`.
pub fn parse_sequence(s: &str) -> Result<Vec<KeyChord>, KeyParseError> {
    let seq: Vec<KeyChord> = s
        .split_whitespace()
        .map(parse_chord)
        .collect::<Result<_, _>>()?;
    if seq.is_empty() {
        Err(KeyParseError::Empty)
    } else {
        Ok(seq)
    }
}

/// Formats a key sequence the way it is written in keymap files.
pub fn format_sequence(seq: &[KeyChord]) -> String {
    seq.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a Vietnamese IME (Telex or VNI) could compose this sequence of plain keys
/// into a letter: doubled vowels or `dd` (aa, ee, oo, dd), `w` after a vowel, a tone
/// key (s f r x j z) after a letter, or a digit after a letter (VNI).
pub fn ime_composes(seq: &[KeyChord]) -> bool {
    seq.windows(2).any(|w| {
        let (Some(a), Some(b)) = (w[0].plain_char(), w[1].plain_char()) else {
            return false;
        };
        let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
        a.is_ascii_alphabetic()
            && ((a == b && "aeod".contains(a)) || "sfrxjzw".contains(b) || b.is_ascii_digit())
    })
}

/// A keymap problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// The file ("default.toml" or the user file's path).
    pub file: String,
    /// 1-based line (0 if unknown).
    pub line: usize,
    /// What is wrong, in the UI language's words built by `i18n` from `kind`.
    pub kind: KeymapProblem,
}

/// What is wrong with a keymap entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapProblem {
    /// The file is not valid TOML.
    Syntax(String),
    /// A section that is not a context.
    UnknownContext(String),
    /// A key that cannot be parsed.
    BadKey(String),
    /// An action name that does not exist.
    UnknownAction(String),
    /// An action that cannot be used in this context.
    WrongContext(String, String),
    /// The same key sequence bound twice in one context.
    Duplicate(String),
    /// One sequence is the start of another in the same context.
    PrefixClash(String, String),
    /// A sequence a Vietnamese IME would turn into a letter.
    ImeSequence(String),
    /// A printable key bound in the form context (it would steal typing).
    PrintableInForm(String),
}

/// The result of looking up the keys typed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// A complete binding.
    Action(Action),
    /// The keys so far start a longer binding: wait for the next key.
    Pending,
    /// Nothing bound.
    None,
}

/// The active keymap: per context, key sequences → actions.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: BTreeMap<Context, BTreeMap<Vec<KeyChord>, Action>>,
}

type Entry = (Context, Vec<KeyChord>, Action, usize);

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

fn parse_file(file: &str, src: &str, errors: &mut Vec<KeymapError>) -> Vec<Entry> {
    type Raw =
        BTreeMap<toml::Spanned<String>, BTreeMap<toml::Spanned<String>, toml::Spanned<String>>>;
    let raw: Raw = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            let line = e.span().map_or(0, |s| line_of(src, s.start));
            let msg = e.message().to_string();
            errors.push(KeymapError {
                file: file.into(),
                line,
                kind: KeymapProblem::Syntax(msg),
            });
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let mut err = |line, kind| {
        errors.push(KeymapError {
            file: file.into(),
            line,
            kind,
        })
    };
    for (section, table) in raw {
        let Some(ctx) = Context::from_name(section.get_ref()) else {
            err(
                line_of(src, section.span().start),
                KeymapProblem::UnknownContext(section.into_inner()),
            );
            continue;
        };
        let mut seen: BTreeMap<Vec<KeyChord>, String> = BTreeMap::new();
        let mut entries: Vec<_> = table.into_iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        for (key, action) in entries {
            let line = line_of(src, key.span().start);
            let seq = match parse_sequence(key.get_ref()) {
                Ok(s) => s,
                Err(_) => {
                    err(line, KeymapProblem::BadKey(key.into_inner()));
                    continue;
                }
            };
            let Some(act) = Action::from_name(action.get_ref()) else {
                err(line, KeymapProblem::UnknownAction(action.into_inner()));
                continue;
            };
            if !act.contexts().contains(&ctx) {
                err(
                    line,
                    KeymapProblem::WrongContext(action.into_inner(), section.get_ref().clone()),
                );
                continue;
            }
            if ime_composes(&seq) {
                err(line, KeymapProblem::ImeSequence(key.into_inner()));
                continue;
            }
            if ctx == Context::Form && seq.iter().any(KeyChord::is_plain_char) {
                err(line, KeymapProblem::PrintableInForm(key.into_inner()));
                continue;
            }
            if let Some(first) = seen.insert(seq.clone(), key.get_ref().clone()) {
                err(
                    line,
                    KeymapProblem::Duplicate(format!("{first} = {}", key.get_ref())),
                );
                continue;
            }
            out.push((ctx, seq, act, line));
        }
    }
    out
}

impl Keymap {
    /// Builds the keymap from the defaults and an optional user file `(path, text)`.
    /// Returns every problem found; problem entries are skipped.
    pub fn load(user: Option<(&str, &str)>) -> (Keymap, Vec<KeymapError>) {
        let mut errors = Vec::new();
        let mut km = Keymap::default();
        let mut lines: BTreeMap<(Context, Vec<KeyChord>), (String, usize)> = BTreeMap::new();
        let mut files = vec![("default.toml", DEFAULT_KEYMAP)];
        files.extend(user);
        for (file, src) in files {
            for (ctx, seq, act, line) in parse_file(file, src, &mut errors) {
                lines.insert((ctx, seq.clone()), (file.to_string(), line));
                let map = km.bindings.entry(ctx).or_default();
                if act == Action::Noop {
                    map.remove(&seq);
                } else {
                    map.insert(seq, act);
                }
            }
        }
        // Prefix clashes after merging: "g" and "g g" cannot both be bound.
        for (ctx, map) in &mut km.bindings {
            let seqs: Vec<Vec<KeyChord>> = map.keys().cloned().collect();
            for long in &seqs {
                for short in &seqs {
                    if short.len() < long.len() && long.starts_with(short) {
                        let (file, line) = lines
                            .get(&(*ctx, long.clone()))
                            .cloned()
                            .unwrap_or_default();
                        errors.push(KeymapError {
                            file,
                            line,
                            kind: KeymapProblem::PrefixClash(
                                format_sequence(short),
                                format_sequence(long),
                            ),
                        });
                        map.remove(long);
                    }
                }
            }
        }
        (km, errors)
    }

    /// The defaults alone.
    pub fn defaults() -> Keymap {
        Keymap::load(None).0
    }

    /// Looks up the keys typed so far in one context.
    pub fn lookup(&self, ctx: Context, keys: &[KeyChord]) -> Lookup {
        let Some(map) = self.bindings.get(&ctx) else {
            return Lookup::None;
        };
        if let Some(a) = map.get(keys) {
            return Lookup::Action(*a);
        }
        if map
            .keys()
            .any(|k| k.len() > keys.len() && k.starts_with(keys))
        {
            return Lookup::Pending;
        }
        Lookup::None
    }

    /// The bindings of one context, for the help screen.
    pub fn bindings(&self, ctx: Context) -> impl Iterator<Item = (&Vec<KeyChord>, Action)> {
        self.bindings
            .get(&ctx)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, a)| (k, *a)))
    }

    /// The first keys bound to an action along a context's lookup chain.
    pub fn first_keys(&self, ctx: Context, action: Action) -> Option<&Vec<KeyChord>> {
        ctx.chain().into_iter().find_map(|c| {
            self.bindings(c)
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| k)
                .min_by_key(|k| (k.len(), k.iter().map(KeyChord::bar_rank).max()))
        })
    }

    /// Looks keys up along a context's chain (the context, its parent, the shared list
    /// movement, then `Global`).
    pub fn lookup_chain(&self, ctx: Context, keys: &[KeyChord]) -> Lookup {
        let mut pending = false;
        for c in ctx.chain() {
            match self.lookup(c, keys) {
                Lookup::Action(a) => return Lookup::Action(a),
                Lookup::Pending => pending = true,
                Lookup::None => {}
            }
        }
        if pending {
            Lookup::Pending
        } else {
            Lookup::None
        }
    }

    /// Bindings of printable keys to commands outside text fields, as "context: key =
    /// action" (the defaults have only `?` for help and `/` for search): each one gives
    /// up the safety that typing never acts, and the user is told on start.
    pub fn typing_bindings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (ctx, map) in &self.bindings {
            for (seq, a) in map {
                let harmless = matches!(a, Action::Help | Action::Search | Action::Back);
                if *ctx != Context::Form && !harmless && seq.iter().any(KeyChord::is_typing) {
                    out.push(format!(
                        "[{}] {} = {}",
                        ctx.name(),
                        format_sequence(seq),
                        a.name()
                    ));
                }
            }
        }
        out
    }

    /// The keys bound to an action in a context, formatted ("<C-s>", "e").
    pub fn keys_for(&self, ctx: Context, action: Action) -> Vec<String> {
        self.bindings(ctx)
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| format_sequence(k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_default_keymap_is_clean_and_complete() {
        let (km, errors) = Keymap::load(None);
        assert_eq!(errors, vec![]);
        for a in Action::ALL {
            if *a == Action::Noop {
                continue;
            }
            let bound = Context::ALL.iter().any(|c| !km.keys_for(*c, *a).is_empty());
            assert!(bound, "{} has no default key", a.name());
        }
        // Typing is never a command: no default binds a typing key to anything but
        // help and search (which change nothing).
        assert_eq!(km.typing_bindings(), Vec::<String>::new());
    }

    #[test]
    fn a_user_binding_of_a_letter_is_reported_as_giving_up_safety() {
        let (km, errors) = Keymap::load(Some(("keymap.toml", "[members]\n\"x\" = \"delete\"\n")));
        assert_eq!(errors, vec![]);
        assert_eq!(
            km.typing_bindings(),
            vec!["[members] x = delete".to_string()]
        );
    }

    #[test]
    fn keys_are_labelled_as_people_read_them() {
        let label = |s: &str| sequence_label(&parse_sequence(s).unwrap(), false);
        assert_eq!(label("<C-z>"), "Ctrl+Z");
        assert_eq!(label("<A-1>"), "Alt+1");
        assert_eq!(label("<F8>"), "F8");
        assert_eq!(label("<S-Tab>"), "Shift+Tab");
        assert_eq!(label("<C-S-z>"), "Ctrl+Shift+Z");
        assert_eq!(sequence_label(&parse_sequence("<Up>").unwrap(), true), "Up");
        // Ctrl+Shift+Z from the terminal is the chord the keymap names.
        let ev = KeyEvent::new(
            KeyCode::Char('Z'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(
            KeyChord::from_event(&ev),
            Some(parse_chord("<C-S-z>").unwrap())
        );
        let km = Keymap::defaults();
        let f3 = km
            .first_keys(Context::Members, Action::Search)
            .map(|k| sequence_label(k, false));
        assert_eq!(f3.as_deref(), Some("F3"));
    }

    #[test]
    fn notation_round_trips() {
        for s in [
            "q",
            "?",
            "/",
            "G",
            "<C-s>",
            "<A-1>",
            "<F2>",
            "<Enter>",
            "<Esc>",
            "<BackTab>",
            "<PageDown>",
            "<Space>",
            "<C-r>",
        ] {
            assert_eq!(parse_chord(s).unwrap().to_string(), s, "{s}");
        }
        assert_eq!(parse_chord("<S-Tab>").unwrap().to_string(), "<BackTab>");
        assert_eq!(parse_chord("<S-g>").unwrap(), parse_chord("G").unwrap());
        assert_eq!(
            parse_chord("<C-h>").unwrap(),
            parse_chord("<Backspace>").unwrap()
        );
        assert_eq!(
            parse_chord("<Hyper-x>"),
            Err(KeyParseError::BadKey("<Hyper-x>".into()))
        );
        assert_eq!(parse_chord("qq"), Err(KeyParseError::BadKey("qq".into())));
        assert_eq!(parse_chord("\t"), Err(KeyParseError::BadKey("\t".into())));
        assert_eq!(parse_sequence("  "), Err(KeyParseError::Empty));
        assert_eq!(
            parse_sequence("g <Nope>"),
            Err(KeyParseError::BadKey("<Nope>".into()))
        );
        assert_eq!(format_sequence(&parse_sequence("g  g").unwrap()), "g g");
    }

    #[test]
    fn events_are_canonicalised() {
        let shift_g = ev(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            KeyChord::from_event(&shift_g),
            Some(parse_chord("G").unwrap())
        );
        let ctrl_h = ev(KeyCode::Char('h'), KeyModifiers::CONTROL);
        assert_eq!(
            KeyChord::from_event(&ctrl_h),
            Some(parse_chord("<Backspace>").unwrap())
        );
        let backtab = ev(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            KeyChord::from_event(&backtab),
            Some(parse_chord("<S-Tab>").unwrap())
        );
        let mut release = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(KeyChord::from_event(&release), None);
    }

    #[test]
    fn key_strings_replay() {
        let keys = parse_key_string("/ă<Enter><C-s><lt>").unwrap();
        assert_eq!(keys.len(), 5);
        assert_eq!(keys[1].code, KeyCode::Char('ă'));
        assert_eq!(keys[2].code, KeyCode::Enter);
        assert_eq!(
            keys[3],
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)
        );
        assert_eq!(keys[4].code, KeyCode::Char('<'));
        assert_eq!(
            parse_key_string("a<Enter"),
            Err(KeyParseError::BadKey("<Enter".into()))
        );
    }

    #[test]
    fn telex_and_vni_sequences_are_refused() {
        for s in ["d d", "a a", "o w", "u w", "a s", "e 1", "o o"] {
            assert!(ime_composes(&parse_sequence(s).unwrap()), "{s}");
        }
        for s in ["g g", "<C-x> s", "g t", "q"] {
            assert!(!ime_composes(&parse_sequence(s).unwrap()), "{s}");
        }
    }

    #[test]
    fn user_file_overrides_unbinds_and_reports_lines() {
        let user = "[members]\n\"a\" = \"new\"\n\"n\" = \"noop\"\n\"x\" = \"explode\"\n\"d d\" = \"delete\"\n\"<Hyper-q>\" = \"quit\"\n[form]\n\"s\" = \"save\"\n[nowhere]\n\"q\" = \"quit\"\n";
        let (km, errors) = Keymap::load(Some(("keymap.toml", user)));
        let a = parse_sequence("a").unwrap();
        let n = parse_sequence("n").unwrap();
        assert_eq!(km.lookup(Context::Members, &a), Lookup::Action(Action::New));
        assert_eq!(km.lookup(Context::Members, &n), Lookup::None);
        let got: Vec<(usize, &KeymapProblem)> = errors.iter().map(|e| (e.line, &e.kind)).collect();
        assert!(
            got.contains(&(4, &KeymapProblem::UnknownAction("explode".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&(5, &KeymapProblem::ImeSequence("d d".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&(6, &KeymapProblem::BadKey("<Hyper-q>".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&(8, &KeymapProblem::PrintableInForm("s".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&(9, &KeymapProblem::UnknownContext("nowhere".into()))),
            "{got:?}"
        );
        assert!(errors.iter().all(|e| e.file == "keymap.toml"));
    }

    #[test]
    fn duplicates_prefixes_and_syntax_errors_are_reported() {
        let user = "[members]\n\"G\" = \"bottom\"\n\"<S-g>\" = \"top\"\n\"g\" = \"top\"\n\"g t\" = \"bottom\"\n";
        let (km, errors) = Keymap::load(Some(("k.toml", user)));
        assert!(
            errors
                .iter()
                .any(|e| matches!(e.kind, KeymapProblem::Duplicate(_)) && e.line == 3),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| matches!(e.kind, KeymapProblem::PrefixClash(_, _))),
            "{errors:?}"
        );
        assert_eq!(
            km.lookup(Context::Members, &parse_sequence("g").unwrap()),
            Lookup::Action(Action::Top)
        );
        let (_, errors) = Keymap::load(Some(("k.toml", "[members\n")));
        assert!(matches!(errors[0].kind, KeymapProblem::Syntax(_)));
        assert_eq!(errors[0].line, 1);
    }

    #[test]
    fn sequences_wait_for_the_next_key() {
        let (km, errors) = Keymap::load(Some((
            "k.toml",
            "[members]\n\"g\" = \"noop\"\n\"g g\" = \"top\"\n",
        )));
        assert_eq!(errors, vec![]);
        let g = parse_chord("g").unwrap();
        assert_eq!(km.lookup(Context::Members, &[g]), Lookup::Pending);
        assert_eq!(
            km.lookup(Context::Members, &[g, g]),
            Lookup::Action(Action::Top)
        );
    }
}
