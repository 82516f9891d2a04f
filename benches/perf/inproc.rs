//! In-process measurements: search keystroke → frame, acknowledged saves, bytes on disk.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sochibo::app::{App, handle_event};
use sochibo::domain::benchdata::{self, BenchData};
use sochibo::i18n::Lang;
use sochibo::keymap::{Keymap, parse_key_string};
use sochibo::store::{Store, schema};
use sochibo::ui::{self, theme::Theme};

use super::kinds;

/// What typing a search costs, per keystroke: wall clock, and CPU time of this thread
/// (which a busy machine's other processes cannot inflate).
pub struct SearchTimes {
    /// `handle_event` + `draw` for each typed character and each Backspace, wall clock.
    pub keystroke: Vec<Duration>,
    /// A redraw of the same screen with no event (the frame alone), wall clock.
    pub frame: Vec<Duration>,
    /// The same keystrokes, thread CPU time.
    pub keystroke_cpu: Vec<Duration>,
    /// The same redraws, thread CPU time.
    pub frame_cpu: Vec<Duration>,
    /// Members in the roster.
    pub members: usize,
}

/// CPU time of the calling thread: `clock_gettime(CLOCK_THREAD_CPUTIME_ID)` on Unix
/// (nanosecond resolution); elsewhere `None`, and the wall clock stands in.
pub struct ThreadClock;

impl ThreadClock {
    /// The clock of the calling thread.
    pub fn new() -> ThreadClock {
        ThreadClock
    }

    /// Nanoseconds this thread has run, if known.
    pub fn now(&mut self) -> Option<u64> {
        #[cfg(unix)]
        {
            let mut ts = libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            // SAFETY: `ts` is a valid, writable timespec for the call's duration.
            #[allow(unsafe_code)]
            let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
            (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
        }
        #[cfg(not(unix))]
        {
            None
        }
    }

    /// Runs `f`, returning (wall clock, thread CPU time or wall clock).
    pub fn time(&mut self, f: impl FnOnce()) -> (Duration, Duration) {
        let c0 = self.now();
        let t = Instant::now();
        f();
        let wall = t.elapsed();
        let cpu = match (c0, self.now()) {
            (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
            _ => wall,
        };
        (wall, cpu)
    }
}

/// The query typed, then erased with Backspace.
pub const QUERY: &str = "nguyen van an";

/// Types `/` + [`QUERY`] then as many Backspaces, `rounds` times, on an app over a
/// store holding `data`, drawing to an 80×24 `TestBackend`.
pub fn search(data: &BenchData, dir: &Path, rounds: usize) -> SearchTimes {
    let store = Store::open(dir).expect("open store");
    kinds::load(&store, data).expect("load data");
    let (keymap, errors) = Keymap::load(None);
    assert!(errors.is_empty());
    let mut app = App::new(store, Lang::Vi, keymap, benchdata::bench_today()).expect("app");
    let members = app.roster.entries().len();
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let theme = Theme {
        color: true,
        ascii: false,
    };
    app.page_rows = ui::list_rows(24);
    term.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
    let key = |s: &str| -> Vec<Event> {
        parse_key_string(s)
            .expect("keys")
            .into_iter()
            .map(Event::Key)
            .collect()
    };
    // On the roster, typing narrows the list at once (no key opens the find box).
    let open = key("");
    let typed = key(QUERY);
    let erase = key(&"<Backspace>".repeat(QUERY.chars().count()));
    let close = key("<Esc>");
    let mut out = SearchTimes {
        keystroke: Vec::new(),
        frame: Vec::new(),
        keystroke_cpu: Vec::new(),
        frame_cpu: Vec::new(),
        members,
    };
    let mut clock = ThreadClock::new();
    for _ in 0..rounds {
        for ev in &open {
            handle_event(&mut app, ev);
            term.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
        }
        for ev in typed.iter().chain(&erase) {
            let (wall, cpu) = clock.time(|| {
                handle_event(&mut app, ev);
                term.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
            });
            out.keystroke.push(wall);
            out.keystroke_cpu.push(cpu);
            let (wall, cpu) = clock.time(|| {
                term.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
            });
            out.frame.push(wall);
            out.frame_cpu.push(cpu);
        }
        for ev in &close {
            handle_event(&mut app, ev);
            term.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
        }
    }
    assert!(app.find.text().is_empty() && app.search.is_none());
    out
}

/// Acknowledged saves against writing and fsyncing the same bytes to a plain file.
pub struct SaveTimes {
    /// `Store::save_member` of an edited member.
    pub member: Vec<Duration>,
    /// The member's encoded bytes written + `sync_all` to a plain file.
    pub member_plain: Vec<Duration>,
    /// `Store::save_meeting` of the newest meeting, edited.
    pub meeting: Vec<Duration>,
    /// The meeting's encoded bytes written + `sync_all` to a plain file.
    pub meeting_plain: Vec<Duration>,
    /// Encoded size of the member saved.
    pub member_bytes: usize,
    /// Encoded size of the meeting saved, and its attendance rows.
    pub meeting_bytes: usize,
    /// Attendance rows of that meeting.
    pub meeting_rows: usize,
}

fn plain_write(path: &Path, bytes: &[u8]) -> Duration {
    let t = Instant::now();
    let mut f = File::create(path).expect("create plain file");
    f.write_all(bytes).expect("write plain file");
    f.sync_all().expect("fsync plain file");
    t.elapsed()
}

/// `runs` saves of each kind, interleaved with their plain-file baselines, on `store`.
pub fn saves(store: &Store, data: &mut BenchData, plain_dir: &Path, runs: usize) -> SaveTimes {
    let plain = plain_dir.join("plain-file.bin");
    let mut out = SaveTimes {
        member: Vec::new(),
        member_plain: Vec::new(),
        meeting: Vec::new(),
        meeting_plain: Vec::new(),
        member_bytes: 0,
        meeting_bytes: 0,
        meeting_rows: 0,
    };
    for run in 0..runs {
        let i = run % data.members.len();
        let (id, m) = &mut data.members[i];
        benchdata::edit_member(m, 100 + run as u32);
        let bytes = schema::encode_member(m).expect("encode");
        out.member_bytes = bytes.len();
        let t = Instant::now();
        store.save_member(Some(*id), m).expect("save member");
        out.member.push(t.elapsed());
        out.member_plain.push(plain_write(&plain, &bytes));

        let Some((id, m)) = data.meetings.last_mut() else {
            continue;
        };
        benchdata::edit_meeting(m, 100 + run as u32);
        let bytes = schema::encode_meeting(m).expect("encode");
        out.meeting_bytes = bytes.len();
        out.meeting_rows = m.attendance.len();
        let t = Instant::now();
        store.save_meeting(Some(*id), m).expect("save meeting");
        out.meeting.push(t.elapsed());
        out.meeting_plain.push(plain_write(&plain, &bytes));
    }
    out
}

/// Bytes of every file under `dir`: (apparent size as `du -sb`, allocated blocks).
pub fn dir_bytes(dir: &Path) -> (u64, u64) {
    let mut apparent = 0;
    let mut allocated = 0;
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let Ok(md) = e.metadata() else { continue };
            if md.is_dir() {
                let (a, b) = dir_bytes(&e.path());
                apparent += a;
                allocated += b;
            } else {
                apparent += md.len();
                #[cfg(unix)]
                {
                    use std::os::unix::fs::MetadataExt;
                    allocated += md.blocks() * 512;
                }
                #[cfg(not(unix))]
                {
                    allocated += md.len();
                }
            }
        }
    }
    (apparent, allocated)
}

/// Logical content of a store, from its backup snapshot: (tree name, keys + values bytes).
pub fn logical_trees(store: &Store, path: &Path) -> Vec<(String, u64)> {
    store.write_backup(path).expect("backup");
    let bytes = std::fs::read(path).expect("read backup");
    let snap = sochibo::store::backup::parse_backup(&bytes).expect("parse backup");
    snap.trees
        .iter()
        .map(|(name, pairs)| {
            (
                name.clone(),
                pairs.iter().map(|(k, v)| (k.len() + v.len()) as u64).sum(),
            )
        })
        .collect()
}

/// Compaction by our own backup: restores the backup file at `backup` (but the trees in
/// `skip`) into a fresh sled database in `fresh` (the app's configuration), then checks
/// it opens as a store with the same members. Returns the fresh store's bytes on disk.
pub fn restore_into_fresh(backup: &Path, fresh: &Path, members: usize, skip: &[&str]) -> u64 {
    write_fresh(backup, fresh, skip);
    let store = Store::open(fresh).expect("restored store opens");
    assert_eq!(store.members().expect("members").len(), members);
    drop(store);
    dir_bytes(&fresh.join(sochibo::store::DB_DIR)).0
}

/// Writes the backup file at `backup` into a fresh sled database in `fresh` as is,
/// without opening it as a store; returns its bytes on disk.
pub fn sled_from_backup(backup: &Path, fresh: &Path) -> u64 {
    write_fresh(backup, fresh, &[]);
    dir_bytes(&fresh.join(sochibo::store::DB_DIR)).0
}

/// Keys and values bytes of one tree of the backup file at `backup`.
pub fn tree_bytes(backup: &Path, tree: &str) -> u64 {
    let bytes = std::fs::read(backup).expect("read backup");
    let snap = sochibo::store::backup::parse_backup(&bytes).expect("parse backup");
    snap.trees
        .iter()
        .filter(|(n, _)| n == tree)
        .flat_map(|(_, pairs)| pairs.iter().map(|(k, v)| (k.len() + v.len()) as u64))
        .sum()
}

fn write_fresh(backup: &Path, fresh: &Path, skip: &[&str]) {
    let bytes = std::fs::read(backup).expect("read backup");
    let snap = sochibo::store::backup::parse_backup(&bytes).expect("parse backup");
    let db = sled::Config::new()
        .path(fresh.join(sochibo::store::DB_DIR))
        .cache_capacity(sochibo::store::CACHE_BYTES)
        .open()
        .expect("open fresh sled");
    for (name, pairs) in snap
        .trees
        .iter()
        .filter(|(n, _)| !skip.contains(&n.as_str()))
    {
        let tree = db.open_tree(name).expect("tree");
        let mut batch = sled::Batch::default();
        for (k, v) in pairs {
            batch.insert(k.as_slice(), v.as_slice());
        }
        tree.apply_batch(batch).expect("restore tree");
    }
    db.flush().expect("flush");
}
