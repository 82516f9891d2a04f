//! Shared test helpers: an app on a temporary store, key replay, screen text.
#![allow(dead_code)]

pub mod ime;
pub mod pty;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sochibo::app::App;
use sochibo::domain::badges::BadgeRecord;
use sochibo::domain::dues::Ledger;
use sochibo::domain::meeting::{Meeting, MeetingId};
use sochibo::domain::member::{Member, MemberId};
use sochibo::domain::validate::{MemberDraft, check_member};
use sochibo::i18n::Lang;
use sochibo::keymap::{Keymap, parse_key_string};
use sochibo::store::Store;
use sochibo::ui::{self, theme::Theme};

/// The fixed "today" of the tests.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// A date, as the tests write them: `d(2026, 11, 21)`.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A month of the dues.
pub fn ym(y: i32, m: u32) -> sochibo::domain::dues::YearMonth {
    sochibo::domain::dues::YearMonth::new(y, m).unwrap()
}

/// An official member: born 1950, admitted 1975, recognised 1976.
pub fn official(name: &str) -> Member {
    let d = MemberDraft {
        full_name: name.into(),
        birth_date: "05/03/1950".into(),
        admitted_on: "10/01/1975".into(),
        recognized_on: "10/01/1976".into(),
        card_number: "12345678".into(),
        ..MemberDraft::default()
    };
    check_member(&d, None, None, [], today()).unwrap().member
}

/// A test harness: app + terminal + the temp dir that holds the store.
pub struct Harness {
    pub app: App,
    pub term: Terminal<TestBackend>,
    pub theme: Theme,
    pub dir: tempfile::TempDir,
}

/// A member from a few fields, checked like the form does.
pub fn member(name: &str, birth: &str, admitted: &str, card: &str) -> Member {
    let d = MemberDraft {
        full_name: name.into(),
        birth_date: birth.into(),
        admitted_on: admitted.into(),
        card_number: card.into(),
        ..MemberDraft::default()
    };
    check_member(&d, None, None, [], today())
        .expect("valid test member")
        .member
}

impl Harness {
    /// An app on the demo branch plus `extra` members, in Vietnamese, 80×24.
    pub fn demo(extra: &[Member]) -> Harness {
        Self::build(true, extra, None, Lang::Vi)
    }

    /// An app on an empty store (first run).
    pub fn empty() -> Harness {
        Self::build(false, &[], None, Lang::Vi)
    }

    /// Full control.
    pub fn build(demo: bool, extra: &[Member], user_keymap: Option<&str>, lang: Lang) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        if demo {
            sochibo::cli::write_demo(&store, today()).unwrap();
        }
        let items: Vec<_> = extra.iter().cloned().map(|m| (None, m)).collect();
        store.save_members(&items).unwrap();
        let (keymap, errors) = Keymap::load(user_keymap.map(|k| ("keymap.toml", k)));
        assert!(errors.is_empty(), "{errors:?}");
        let app = App::new(store, lang, keymap, today()).unwrap();
        let term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut h = Harness {
            app,
            term,
            theme: Theme {
                color: true,
                ascii: false,
            },
            dir,
        };
        h.keys("");
        h
    }

    /// Types a key string ("/nguyen<Enter>", see `parse_key_string`) and redraws.
    pub fn keys(&mut self, s: &str) -> &mut Self {
        let events: Vec<Event> = parse_key_string(s)
            .unwrap()
            .into_iter()
            .map(Event::Key)
            .collect();
        ui::run(&mut self.term, &mut self.app, &self.theme, events).unwrap();
        self
    }

    /// The screen as text, one string per row.
    pub fn screen(&self) -> String {
        screen_of(&self.term)
    }

    /// The demo branch with no meetings but `earlier`, on `on` (the app's today).
    pub fn demo_with_meetings(earlier: &[Meeting], on: NaiveDate) -> Harness {
        let mut h = Harness::demo(&[]);
        for (id, _) in h.app.store.meetings().unwrap() {
            h.app.store.delete_meeting(id).unwrap();
        }
        for m in earlier {
            h.app.store.save_meeting(None, m).unwrap();
        }
        h.app.today = on;
        h.app.meetings =
            sochibo::app::screens::meetings::Meetings::new(h.app.store.meetings().unwrap(), on);
        h
    }

    /// The stored member of that name, with its id.
    pub fn member_named(&self, name: &str) -> Option<(MemberId, Member)> {
        self.app
            .store
            .members()
            .unwrap()
            .into_iter()
            .find(|(_, m)| m.full_name == name)
    }

    /// The newest meeting stored, with its id.
    pub fn newest_meeting(&self) -> (MeetingId, Meeting) {
        self.app
            .store
            .meetings()
            .unwrap()
            .into_iter()
            .max_by_key(|(id, _)| *id)
            .expect("a meeting")
    }

    /// A file the app wrote into its exports folder.
    pub fn exported(&self, name: &str) -> Option<Vec<u8>> {
        let dir = sochibo::interchange::exports_dir(self.app.store.dir());
        std::fs::read(dir.join(name)).ok()
    }

    /// The status line (notices, the find box): the row above the key bar, after the text
    /// of the small window a long notice opens in just above it (its lines joined by spaces).
    pub fn status_line(&self) -> String {
        let screen = self.screen();
        let rows: Vec<&str> = screen.lines().collect();
        let status = rows.len().saturating_sub(2);
        let mut out = String::new();
        if status > 0 && rows[status - 1].starts_with('└') {
            let bottom = status - 1;
            let top = (0..bottom)
                .rev()
                .find(|&i| rows[i].starts_with('┌'))
                .unwrap_or(bottom);
            for r in &rows[top + 1..bottom] {
                out.push_str(r.trim_matches(|c: char| c == '│' || c.is_whitespace()));
                out.push(' ');
            }
        }
        out.push_str(rows[status]);
        out
    }

    /// The key bar: the bottom row ("F2 Sửa  F7 Thêm … F10 Thoát").
    pub fn key_bar(&self) -> String {
        self.screen().lines().last().unwrap_or_default().to_string()
    }

    /// What the store holds of the records typing might touch (members, meetings, dues,
    /// badges) and the last history stamp (every save writes one): equal before and after
    /// means nothing was saved.
    pub fn stored(&self) -> Stored {
        let s = &self.app.store;
        Stored {
            members: s.members().unwrap(),
            meetings: s.meetings().unwrap(),
            dues: s.dues().unwrap(),
            badges: s.badges().unwrap(),
            history_last: s.history_last().unwrap(),
        }
    }

    /// Names of the members in the store.
    pub fn stored_names(&self) -> Vec<String> {
        self.app
            .store
            .members()
            .unwrap()
            .into_iter()
            .map(|(_, m)| m.full_name)
            .collect()
    }
}

/// A comparable picture of the store (see `Harness::stored`).
#[derive(Debug, PartialEq)]
pub struct Stored {
    pub members: Vec<(MemberId, Member)>,
    pub meetings: Vec<(MeetingId, Meeting)>,
    pub dues: BTreeMap<MemberId, Ledger>,
    pub badges: BTreeMap<MemberId, BadgeRecord>,
    pub history_last: u64,
}

/// Runs the built program on `data` as a user would: the fixed test date, Vietnamese.
pub fn sochibo(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sochibo"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("SOCHIBO_TODAY", "21/11/2026")
        .env_remove("SOCHIBO_LANG")
        .output()
        .unwrap()
}

/// A program's output as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

/// A terminal's screen as text, one string per row.
pub fn screen_of(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The XML of a `.docx`'s document part: the archive and the XML must read.
pub fn docx_xml(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .expect("the document part")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    xml
}

/// The text runs of a `.docx` (every `<w:t>`), joined with `sep`.
pub fn docx_words(bytes: &[u8], sep: &str) -> String {
    let xml = docx_xml(bytes);
    let runs: Vec<&str> = xml
        .split("<w:t")
        .skip(1)
        .map(|part| {
            let body = part.split_once('>').map_or("", |(_, b)| b);
            body.split("</w:t>").next().unwrap_or("")
        })
        .collect();
    runs.join(sep)
}

/// The words of a text, one space between them (the documents wrap at 80 columns).
pub fn flat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}
