//! The ward office's screen (`sochibo ward DIR`), its own mode beside the register: one
//! row per branch of the ward's list (the day its bundle was made, the period it covers,
//! received / older than one received before / not received), then a row per file that is
//! not counted (an older copy, a duplicate, a branch not on the list, a refused bundle,
//! another file), and the ward's figures in sections. State and actions only: no terminal
//! (the view is `ui::ward`, the loop `cli::ward`).
//!
//! Keys follow the product's rules: typing finds a branch; the commands are the keymap's
//! own keys of the register's lists (F7/Insert add, F2 rename, F8/Delete drop with a
//! question that opens on "Không", Tab/Shift+Tab the figure sections, ←/→ the year, F5
//! export, Ctrl+Z/Ctrl+Y undo and redo an edit of the list, F1 help, F10 quit).

pub mod folder;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::input::TextInput;
use crate::app::parts::{find, list};
use crate::domain::date;
use crate::i18n::Lang;
use crate::i18n::ward::{WardText, of};
use crate::interchange::bundle::{BundleError, made_on};
use crate::interchange::figures::Period;
use crate::interchange::ward::{self as rollup, Section, Ward};
use crate::keymap::action::{Action, Context};
use crate::keymap::{KeyChord, Keymap, Lookup};
use folder::{FileKind, ListFile, Scan, name_key};

/// The keymap contexts the ward screen reads its keys from, in order: the reports' tabs,
/// year and export; the list's add, rename and drop; movement; help and quit.
pub const CONTEXTS: [Context; 4] = [
    Context::Reports,
    Context::Members,
    Context::List,
    Context::Global,
];

/// The commands the key bar shows, in order (help and quit always).
pub const BAR: [Action; 8] = [
    Action::New,
    Action::Edit,
    Action::Delete,
    Action::NextTab,
    Action::ExportReport,
    Action::Undo,
    Action::Help,
    Action::Quit,
];

/// Where a row stands.
#[derive(Debug, Clone)]
pub enum RowState {
    /// A listed branch's bundle, counted.
    Received,
    /// Counted; it replaces an older file of the branch in the folder.
    Replaces(String),
    /// Counted, but older than a bundle of the branch received before (made that day).
    OlderThanReceived(NaiveDate),
    /// A listed branch with no bundle.
    NotReceived,
    /// An older file of a branch whose newer bundle is counted.
    Superseded(String),
    /// The same branch made at the same moment as the named file: not counted.
    Duplicate(String),
    /// A bundle of a branch not on the list: not counted.
    NotListed,
    /// A refused bundle.
    Refused(BundleError),
    /// Not a bundle.
    Other,
}

impl RowState {
    /// Whether the row's bundle is in the figures.
    pub fn counted(&self) -> bool {
        matches!(
            self,
            RowState::Received | RowState::Replaces(_) | RowState::OlderThanReceived(_)
        )
    }

    /// The state in words.
    pub fn text(&self, lang: Lang) -> String {
        let c = of(lang);
        c.text(match self {
            RowState::Received => WardText::Received,
            RowState::Replaces(f) => WardText::Replaces(f),
            RowState::OlderThanReceived(d) => WardText::OlderThanReceived(*d),
            RowState::NotReceived => WardText::NotReceived,
            RowState::Superseded(f) => WardText::Superseded(f),
            RowState::Duplicate(f) => WardText::Duplicate(f),
            RowState::NotListed => WardText::NotListed,
            RowState::Refused(e) => WardText::Refused(e),
            RowState::Other => WardText::OtherFile,
        })
    }
}

/// One row of the list.
#[derive(Debug, Clone)]
pub struct Row {
    /// The branch's name, or the file's.
    pub label: String,
    /// Its index in the ward's list, for a listed branch.
    pub listed: Option<usize>,
    /// The bundle's file.
    pub file: Option<String>,
    /// The day the bundle was made.
    pub made: Option<NaiveDate>,
    /// Where it stands.
    pub state: RowState,
}

impl Row {
    /// The period the bundle covers: from 1 January of the year it was made to that day.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let made = self.made?;
        Some((NaiveDate::from_ymd_opt(made.year(), 1, 1)?, made))
    }
}

/// The rows of a folder for a list of branches, and the bundles counted (indexes into
/// `scan.files`), in list order.
pub fn rows(list: &[String], scan: &Scan) -> (Vec<Row>, Vec<usize>) {
    let newest_seen = folder::newest_seen(&scan.notes);
    // Readable bundles by branch, newest first.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in scan.files.iter().enumerate() {
        if let FileKind::Bundle(r) = &f.kind {
            let key = name_key(r.branch());
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push(i),
                None => groups.push((key, vec![i])),
            }
        }
    }
    let bundle = |i: usize| match &scan.files[i].kind {
        FileKind::Bundle(r) => Some(r.as_ref()),
        _ => None,
    };
    let created = |i: usize| bundle(i).map_or(0, |r| r.created_at);
    for (_, v) in &mut groups {
        v.sort_by(|a, b| created(*b).cmp(&created(*a)).then(a.cmp(b)));
    }
    let (mut out, mut extra, mut used) = (Vec::new(), Vec::new(), Vec::new());
    // The older copies and duplicates of a group, as rows of their own.
    let others = |v: &[usize], extra: &mut Vec<Row>| {
        let newest = v[0];
        for &i in &v[1..] {
            let state = if created(i) == created(newest) {
                RowState::Duplicate(scan.files[newest].name.clone())
            } else {
                RowState::Superseded(scan.files[newest].name.clone())
            };
            extra.push(Row {
                label: scan.files[i].name.clone(),
                listed: None,
                file: Some(scan.files[i].name.clone()),
                made: bundle(i).map(|r| r.made_on()),
                state,
            });
        }
    };
    let mut listed_keys = Vec::new();
    for (li, name) in list.iter().enumerate() {
        let key = name_key(name);
        listed_keys.push(key.clone());
        let Some((_, v)) = groups.iter().find(|(k, _)| *k == key) else {
            out.push(Row {
                label: name.clone(),
                listed: Some(li),
                file: None,
                made: None,
                state: RowState::NotReceived,
            });
            continue;
        };
        let newest = v[0];
        let before = newest_seen.get(&key).copied().unwrap_or(i64::MIN);
        let superseded = v[1..].iter().find(|i| created(**i) < created(newest));
        let state = if before > created(newest) {
            RowState::OlderThanReceived(made_on(before))
        } else if let Some(old) = superseded {
            RowState::Replaces(scan.files[*old].name.clone())
        } else {
            RowState::Received
        };
        out.push(Row {
            label: name.clone(),
            listed: Some(li),
            file: Some(scan.files[newest].name.clone()),
            made: bundle(newest).map(|r| r.made_on()),
            state,
        });
        used.push(newest);
        others(v, &mut extra);
    }
    for (key, v) in &groups {
        if listed_keys.contains(key) {
            continue;
        }
        for &i in v.iter() {
            let state = if i == v[0] {
                RowState::NotListed
            } else if created(i) == created(v[0]) {
                RowState::Duplicate(scan.files[v[0]].name.clone())
            } else {
                RowState::Superseded(scan.files[v[0]].name.clone())
            };
            extra.push(Row {
                label: format!(
                    "{} ({})",
                    bundle(i).map_or("", |r| r.branch()),
                    scan.files[i].name
                ),
                listed: None,
                file: Some(scan.files[i].name.clone()),
                made: bundle(i).map(|r| r.made_on()),
                state,
            });
        }
    }
    for f in &scan.files {
        let state = match &f.kind {
            FileKind::Bundle(_) => continue,
            FileKind::Refused(e) => RowState::Refused(e.clone()),
            FileKind::Other => RowState::Other,
        };
        extra.push(Row {
            label: f.name.clone(),
            listed: None,
            file: Some(f.name.clone()),
            made: None,
            state,
        });
    }
    out.extend(extra);
    (out, used)
}

/// The branch-name field open for adding or renaming.
#[derive(Debug, Clone)]
pub struct Edit {
    /// `None`: adding; `Some(i)`: renaming list entry `i`.
    pub rename: Option<usize>,
    /// The name typed.
    pub input: TextInput,
    /// Why the last Enter was refused (names the field and what is expected).
    pub error: Option<String>,
}

/// The drop question: the list entry and the dialog's state (it opens on "Không").
#[derive(Debug, Clone)]
pub struct Drop {
    /// The list entry.
    pub index: usize,
    /// The branch's name.
    pub name: String,
    /// Whether "Có" is the chosen answer (the question opens on "Không").
    pub yes: bool,
    /// A printable key was pressed: the dialog says how to answer.
    pub typed: bool,
}

/// The ward screen's state.
pub struct WardApp {
    /// The folder of bundles.
    pub dir: PathBuf,
    /// Where exports are written (the folder's `bao-cao`, or elsewhere when it is
    /// read-only).
    pub export_dir: PathBuf,
    /// The interface language.
    pub lang: Lang,
    /// The keymap.
    pub keymap: Keymap,
    /// Today.
    pub today: NaiveDate,
    /// The ward's list of branches.
    pub list: ListFile,
    /// Whether the list file exists (otherwise the list was taken from the bundles).
    pub list_saved: bool,
    /// What the folder holds.
    pub scan: Scan,
    /// The rows.
    pub rows: Vec<Row>,
    /// The selected row.
    pub cursor: usize,
    /// The figures' section (index into [`Section::ALL`]).
    pub section: usize,
    /// The figures' year.
    pub year: i32,
    /// The ward's figures of the counted bundles.
    pub figures: Ward,
    /// Lines the figures pane is scrolled by.
    pub scroll: usize,
    /// What was typed to find a branch.
    pub typed: String,
    /// The open name field.
    pub edit: Option<Edit>,
    /// The open drop question.
    pub drop: Option<Drop>,
    /// Whether the help is open.
    pub help: bool,
    /// The last action's message (error or not).
    pub status: Option<(String, bool)>,
    /// What the screen could not do with its notes (read-only folder, failed write).
    pub notes_problem: Option<String>,
    /// The list before each edit of this session, with the edit's name (Ctrl+Z).
    pub undo: Vec<(ListFile, String)>,
    /// Edits undone, to redo (Ctrl+Y).
    pub redo: Vec<(ListFile, String)>,
    /// Rows of the list the view shows at once (paging).
    pub page_rows: usize,
    /// The user asked to quit.
    pub should_quit: bool,
}

impl WardApp {
    /// Opens the folder: reads it, learns the new bundles into the notes (written unless
    /// the folder is read-only), and computes the figures of the current year.
    pub fn open(
        dir: &Path,
        lang: Lang,
        keymap: Keymap,
        today: NaiveDate,
        fallback_export: &Path,
    ) -> std::io::Result<WardApp> {
        let scan = folder::scan(dir)?;
        let export_dir = if scan.read_only {
            fallback_export.to_path_buf()
        } else {
            dir.join("bao-cao")
        };
        let mut app = WardApp {
            dir: dir.to_path_buf(),
            export_dir,
            lang,
            keymap,
            today,
            list: ListFile::default(),
            list_saved: false,
            scan,
            rows: Vec::new(),
            cursor: 0,
            section: 0,
            year: today.year(),
            figures: rollup::ward_of(&[], Period::year(today.year(), today)),
            scroll: 0,
            typed: String::new(),
            edit: None,
            drop: None,
            help: false,
            status: None,
            notes_problem: None,
            undo: Vec::new(),
            redo: Vec::new(),
            page_rows: 10,
            should_quit: false,
        };
        app.keep_notes();
        if app.notes_problem.is_some() {
            // The folder refused the notes (a write-protected stick not marked read-only):
            // exports go elsewhere too.
            app.export_dir = fallback_export.to_path_buf();
        }
        app.list_from_scan();
        app.refresh();
        Ok(app)
    }

    fn text(&self, t: WardText<'_>) -> String {
        of(self.lang).text(t)
    }

    /// The list from the list file, or from the bundles' branches when there is none.
    fn list_from_scan(&mut self) {
        match &self.scan.list {
            Some(l) => {
                self.list = l.clone();
                self.list_saved = true;
            }
            None => {
                let mut names: Vec<String> = Vec::new();
                for f in &self.scan.files {
                    if let FileKind::Bundle(r) = &f.kind
                        && !names.iter().any(|n| name_key(n) == name_key(r.branch()))
                    {
                        names.push(r.branch().to_string());
                    }
                }
                names.sort_by(|a, b| text_order(a, b));
                self.list = ListFile {
                    branches: names,
                    ..ListFile::default()
                };
                self.list_saved = false;
            }
        }
    }

    /// Adds the new bundles to the notes file (the screen's only write on opening).
    fn keep_notes(&mut self) {
        if self.scan.read_only {
            self.notes_problem = Some(self.text(WardText::ReadOnly));
            return;
        }
        let Some(notes) = folder::learnt(&self.scan, &date::format_date(self.today)) else {
            return;
        };
        if let Err(e) = folder::write(&self.dir, folder::NOTES_FILE, &folder::notes_text(&notes)) {
            self.notes_problem =
                Some(self.text(WardText::NotesFailed(folder::NOTES_FILE, &e.to_string())));
        }
        // Even unwritten, what was learnt counts for this session.
        self.scan.notes = notes;
    }

    /// Recomputes the rows and the figures.
    pub fn refresh(&mut self) {
        let (rows, used) = rows(&self.list.branches, &self.scan);
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
        let period = self.period();
        let sent = used.iter().filter_map(|i| match &self.scan.files[*i].kind {
            FileKind::Bundle(r) => Some(&r.sent),
            _ => None,
        });
        self.figures = rollup::ward_of(sent, period);
    }

    /// The figures' period: the year, cut at today.
    pub fn period(&self) -> Period {
        Period::year(self.year, self.today)
    }

    /// The current section.
    pub fn current_section(&self) -> Section {
        Section::ALL[self.section.min(Section::ALL.len() - 1)]
    }

    /// The current section's lines.
    pub fn section_lines(&self) -> Vec<String> {
        rollup::section_lines(&self.figures, self.current_section(), self.period())
    }

    /// Branches on the list, and of those received.
    pub fn counts(&self) -> (usize, usize, usize) {
        let listed = self.rows.iter().filter(|r| r.listed.is_some()).count();
        let received = self
            .rows
            .iter()
            .filter(|r| r.listed.is_some() && r.state.counted())
            .count();
        let refused = self
            .rows
            .iter()
            .filter(|r| r.listed.is_none() && !matches!(r.state, RowState::Other))
            .count();
        (listed, received, refused)
    }

    /// The line under the list: the last action's message, else what the screen cannot
    /// do, else how the list was made, else the counts.
    pub fn status_line(&self) -> (String, bool) {
        if let Some(s) = &self.status {
            return s.clone();
        }
        if let Some(p) = &self.notes_problem {
            return (p.clone(), true);
        }
        if let Some(e) = &self.scan.list_error {
            return (
                self.text(WardText::ListNotSaved(folder::LIST_FILE, e)),
                true,
            );
        }
        if self.scan.files.is_empty() {
            return (
                self.text(WardText::Empty(&self.dir.display().to_string())),
                false,
            );
        }
        if !self.list_saved {
            return (
                self.text(WardText::ListFromBundles(folder::LIST_FILE)),
                false,
            );
        }
        let (listed, received, refused) = self.counts();
        (
            self.text(WardText::Counts {
                listed,
                received,
                refused,
            }),
            false,
        )
    }

    /// Handles one terminal event.
    pub fn handle_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(k),
            Event::Paste(t) => {
                if let Some(e) = &mut self.edit {
                    e.input.insert_str(t);
                }
            }
            _ => {}
        }
    }

    /// The action bound to a key in the screen's contexts (first match wins).
    fn action(&self, key: &KeyEvent, contexts: &[Context]) -> Option<Action> {
        let chord = KeyChord::from_event(key)?;
        contexts.iter().find_map(
            |c| match self.keymap.lookup(*c, std::slice::from_ref(&chord)) {
                Lookup::Action(a) => Some(a),
                _ => None,
            },
        )
    }

    /// Handles one key.
    pub fn handle_key(&mut self, key: &KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.should_quit = true;
            return;
        }
        if self.edit.is_some() {
            self.edit_key(key);
        } else if self.drop.is_some() {
            self.drop_key(key);
        } else if self.help {
            match self.action(key, &[Context::Help, Context::Global]) {
                Some(Action::Back | Action::Help) => self.help = false,
                Some(Action::Quit) => self.should_quit = true,
                _ if key.code == KeyCode::Esc => self.help = false,
                _ => {}
            }
        } else {
            self.list_key(key);
        }
    }

    fn list_key(&mut self, key: &KeyEvent) {
        let action = self.action(key, &CONTEXTS);
        // Typing finds (printable keys and Backspace never command).
        let typing = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if typing && !matches!(action, Some(Action::Help)) {
            if let KeyCode::Char(c) = key.code {
                self.typed.push(c);
                self.find();
            }
            return;
        }
        if key.code == KeyCode::Backspace {
            self.typed.pop();
            self.find();
            return;
        }
        let Some(action) = action else { return };
        if !matches!(action, Action::Back) {
            self.typed.clear();
        }
        // Page keys scroll the figures; the other movement keys move in the list.
        if let Some(d) = matches!(action, Action::PageUp | Action::PageDown)
            .then(|| list::delta(action, self.page_rows))
            .flatten()
        {
            let last = self.section_lines().len().saturating_sub(1);
            self.scroll = list::moved(self.scroll, last + 1, d);
            return;
        }
        if let Some(d) = list::delta(action, self.page_rows) {
            self.cursor = list::moved(self.cursor, self.rows.len(), d);
            self.status = None;
            return;
        }
        match action {
            Action::NextTab | Action::NextFilter => {
                self.section = (self.section + 1) % Section::ALL.len();
                self.scroll = 0;
            }
            Action::PrevTab | Action::PrevFilter => {
                self.section = (self.section + Section::ALL.len() - 1) % Section::ALL.len();
                self.scroll = 0;
            }
            Action::PrevPeriod => self.set_year(self.year - 1),
            Action::NextPeriod => self.set_year(self.year + 1),
            Action::New => {
                self.status = None;
                self.edit = Some(Edit {
                    rename: None,
                    input: TextInput::default(),
                    error: None,
                });
            }
            Action::Edit => self.start_rename(),
            Action::Delete => self.ask_drop(),
            Action::ExportReport => self.export(),
            Action::Help => self.help = true,
            Action::Quit | Action::ForceQuit => self.should_quit = true,
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::Back => {
                self.typed.clear();
                self.status = None;
            }
            _ => {}
        }
    }

    fn set_year(&mut self, year: i32) {
        if year < 1930 || year > self.today.year() {
            return;
        }
        self.year = year;
        self.scroll = 0;
        self.refresh();
    }

    /// Jumps to the first row whose label matches what was typed.
    fn find(&mut self) {
        if self.typed.trim().is_empty() {
            self.status = None;
            return;
        }
        match find::first_match(self.rows.iter().map(|r| r.label.as_str()), &self.typed) {
            Some(i) => {
                self.cursor = i;
                self.status = Some((self.text(WardText::Find(&self.typed)), false));
            }
            None => self.status = Some((self.text(WardText::NoMatch(&self.typed)), true)),
        }
    }

    /// The list entry of the selected row, or a message saying a file row is not one.
    fn selected_entry(&mut self) -> Option<usize> {
        let i = self.rows.get(self.cursor).and_then(|r| r.listed);
        if i.is_none() {
            self.status = Some((self.text(WardText::NotABranchRow), true));
        }
        i
    }

    fn start_rename(&mut self) {
        let Some(i) = self.selected_entry() else {
            return;
        };
        self.status = None;
        self.edit = Some(Edit {
            rename: Some(i),
            input: TextInput::new(&self.list.branches[i]),
            error: None,
        });
    }

    fn ask_drop(&mut self) {
        let Some(i) = self.selected_entry() else {
            return;
        };
        self.status = None;
        self.drop = Some(Drop {
            index: i,
            name: self.list.branches[i].clone(),
            yes: false,
            typed: false,
        });
    }

    fn edit_key(&mut self, key: &KeyEvent) {
        let Some(e) = &mut self.edit else { return };
        match key.code {
            KeyCode::Esc => self.edit = None,
            KeyCode::Enter => self.commit_edit(),
            _ => {
                e.input.handle_key(key);
            }
        }
    }

    /// Checks the typed name (the field and what is expected named in the message) and
    /// saves the list; a refused name or a failed write changes nothing.
    fn commit_edit(&mut self) {
        let Some(e) = self.edit.clone() else { return };
        let name = crate::domain::text::clean(e.input.text());
        let taken = self
            .list
            .branches
            .iter()
            .enumerate()
            .any(|(i, n)| Some(i) != e.rename && name_key(n) == name_key(&name));
        let error = if name.is_empty() {
            Some(self.text(WardText::NameEmpty))
        } else if name.chars().count() > folder::MAX_NAME {
            Some(self.text(WardText::NameTooLong(folder::MAX_NAME)))
        } else if taken {
            Some(self.text(WardText::NameTaken(&name)))
        } else {
            None
        };
        if let Some(err) = error {
            if let Some(ed) = &mut self.edit {
                ed.error = Some(err);
            }
            return;
        }
        let mut list = self.list.clone();
        let (done, label) = match e.rename {
            None => {
                list.branches.push(name.clone());
                (
                    self.text(WardText::Added(&name)),
                    self.text(WardText::EditAdd(&name)),
                )
            }
            Some(i) => {
                let old = std::mem::replace(&mut list.branches[i], name.clone());
                (
                    self.text(WardText::Renamed(&old, &name)),
                    self.text(WardText::EditRename(&old, &name)),
                )
            }
        };
        let before = self.list.clone();
        match self.save_list(list) {
            Ok(()) => {
                self.edit = None;
                self.undo.push((before, label));
                self.redo.clear();
                self.status = Some((done, false));
                if e.rename.is_none() {
                    self.cursor = self.list.branches.len() - 1;
                }
            }
            Err(why) => {
                if let Some(ed) = &mut self.edit {
                    ed.error = Some(why);
                }
            }
        }
    }

    /// Writes the list file, then uses it; on failure nothing changes and the message
    /// says why.
    fn save_list(&mut self, list: ListFile) -> Result<(), String> {
        let failed = |why: &str| of(self.lang).text(WardText::ListNotSaved(folder::LIST_FILE, why));
        if self.scan.read_only {
            return Err(failed(&self.text(WardText::ReadOnly)));
        }
        // A list file that could not be read is not overwritten: it is fixed by hand first.
        if let Some(e) = &self.scan.list_error {
            return Err(failed(e));
        }
        folder::write(&self.dir, folder::LIST_FILE, &folder::list_text(&list))
            .map_err(|e| failed(&e.to_string()))?;
        self.list = list;
        self.list_saved = true;
        self.scan.list = Some(self.list.clone());
        self.scan.list_error = None;
        self.refresh();
        Ok(())
    }

    /// Undoes the last edit of the list (or redoes the last undone one), saving the list
    /// as it was and naming what was undone; a failed write changes nothing.
    fn undo_redo(&mut self, undo: bool) {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((list, label)) = from.pop() else {
            let c = self.lang.cat();
            self.status = Some((
                c.msg(if undo {
                    crate::i18n::Msg::NothingToUndo
                } else {
                    crate::i18n::Msg::NothingToRedo
                })
                .to_string(),
                true,
            ));
            return;
        };
        let current = self.list.clone();
        to.push((current, label.clone()));
        match self.save_list(list.clone()) {
            Ok(()) => {
                let c = self.lang.cat();
                let words = if undo {
                    crate::i18n::Cli::Undone(&label)
                } else {
                    crate::i18n::Cli::Redone(&label)
                };
                self.status = Some((c.cli(words), false));
            }
            Err(why) => {
                // Nothing changed: put the step back where it was.
                let (from, to) = if undo {
                    (&mut self.undo, &mut self.redo)
                } else {
                    (&mut self.redo, &mut self.undo)
                };
                to.pop();
                from.push((list, label));
                self.status = Some((why, true));
            }
        }
    }

    fn drop_key(&mut self, key: &KeyEvent) {
        let action = self.action(key, &[Context::Confirm]);
        let Some(d) = &mut self.drop else { return };
        match action {
            Some(Action::SwitchAnswer) => d.yes = !d.yes,
            Some(Action::Yes) => d.yes = true,
            Some(Action::No) => self.drop = None,
            Some(Action::Answer) => {
                let d = self.drop.take();
                if let Some(d) = d.filter(|d| d.yes) {
                    let before = self.list.clone();
                    let mut list = self.list.clone();
                    list.branches.remove(d.index);
                    match self.save_list(list) {
                        Ok(()) => {
                            let done = self.text(WardText::Dropped(&d.name));
                            self.undo
                                .push((before, self.text(WardText::EditDrop(&d.name))));
                            self.redo.clear();
                            self.status = Some((done, false))
                        }
                        Err(why) => self.status = Some((why, true)),
                    }
                }
            }
            _ => {
                if matches!(key.code, KeyCode::Char(_)) {
                    d.typed = true;
                }
            }
        }
    }

    /// Writes the current section as `.docx` (Party layout, signed for the ward
    /// committee) and `.xlsx` into the export folder.
    pub fn export(&mut self) {
        let s = self.current_section();
        let p = self.period();
        let place = self
            .scan
            .files
            .iter()
            .find_map(|f| match &f.kind {
                FileKind::Bundle(r) => {
                    Some(crate::interchange::place_name(&r.sent.register.branch))
                }
                _ => None,
            })
            .unwrap_or_default();
        let doc =
            rollup::section_document(&self.figures, s, p, &self.list.superior, &place, self.today);
        let sheet = rollup::section_sheet(&self.figures, s, p);
        let result = doc.to_docx().map_err(|e| e.to_string()).and_then(|docx| {
            let xlsx = crate::interchange::xlsx::to_xlsx(&[sheet]).map_err(|e| e.to_string())?;
            crate::interchange::write_files(
                &self.export_dir,
                &format!("{}-{}", s.slug(), p.to.year()),
                &[("docx", docx), ("xlsx", xlsx)],
            )
            .map_err(|e| e.to_string())
        });
        self.status = Some(match result {
            Ok(w) => (self.text(WardText::Exported(&w)), false),
            Err(why) => (self.text(WardText::ExportFailed(&why)), true),
        });
    }
}

/// Vietnamese name order for the list taken from the bundles.
fn text_order(a: &str, b: &str) -> std::cmp::Ordering {
    crate::domain::text::fold(a)
        .cmp(&crate::domain::text::fold(b))
        .then(a.cmp(b))
}
