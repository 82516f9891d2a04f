//! The store: the only module that touches sled. One `Db`, one named tree per entity,
//! big-endian `u64` keys, every value versioned (see `schema`), every acknowledged save
//! flushed to disk before it returns.

pub mod atomic;
pub mod backup;
pub mod bundle;
mod candidates;
pub mod codec;
pub mod compact;
pub mod history;
mod liaison;
pub mod recover;
pub mod register;
pub mod restore;
pub mod schema;
pub mod seal;
pub mod snapshot;
mod study;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::{Db, Transactional, Tree};

use std::collections::BTreeMap;

use crate::domain::badges::BadgeRecord;
use crate::domain::branch::Branch;
use crate::domain::dues::Ledger;
use crate::domain::meeting::{Meeting, MeetingId};
use crate::domain::member::{Member, MemberId};
use crate::domain::review::{BranchYear, MemberReview};
use crate::domain::validate::card_key;
use codec::CodecError;
use schema::history::v2::HistoryV2;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;
/// sled's page cache, sized for a 2 GB laptop (sled's default is 1 GiB).
pub const CACHE_BYTES: u64 = 8 << 20;
/// Folder of the sled database inside the data directory.
pub const DB_DIR: &str = "sled";

/// A file in the data folder: the page of keys that moved (typing is never a command)
/// was seen, or the register was made after the keys moved.
pub const KEYS_MOVED_SEEN: &str = "keys-moved-v2.seen";
/// File beside [`DB_DIR`] recording how far the history had got at the last
/// acknowledged save (see [`Store::flush`]). sled silently drops everything after a
/// damaged spot in its log when it opens; comparing with this file turns that silent
/// loss into [`StoreError::Damaged`].
pub const STAMP_FILE: &str = "store.stamp";
const STAMP_HEADER: &str = "sochibo store stamp 1";
/// How long a database lock held by someone else is waited for before giving up.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Tree of members.
pub const TREE_MEMBERS: &str = "members";
/// Tree of meetings.
pub const TREE_MEETINGS: &str = "meetings";
const TREE_CARDS: &str = "cardnumber_memberid";
/// Tree of the branch profile and settings (the branch is history key 0).
pub const TREE_META: &str = "meta";
const TREE_HISTORY: &str = "history";
const TREE_CANDIDATES: &str = "candidates";
const TREE_TARGETS: &str = "admission_targets";
const TREE_DUES_PROFILES: &str = "dues_profiles";
const TREE_DUES_PAYMENTS: &str = "dues_payments";
/// The key of the branch's hand-overs in the `dues_payments` tree (never a member id).
pub const DUES_HANDED_KEY: u64 = u64::MAX;
const TREE_BADGES: &str = "badges";
const TREE_REVIEWS: &str = "reviews";
const TREE_REVIEW_YEARS: &str = "review_years";
const TREE_RESOLUTIONS: &str = "resolutions";
/// Tree of liaison members (QĐ 213).
const TREE_LIAISON: &str = "liaison";
/// A branch's settings of the rules that are settings, keyed by the rule's code.
const TREE_RULE_SETTINGS: &str = "rule_settings";
/// The branch's own days of the calendar, keyed by the date (days since 1 January of
/// year 1, big-endian: the tree iterates in date order).
const TREE_HOLIDAYS: &str = "holidays";
const META_SCHEMA: &[u8] = b"schema_version";
const META_BRANCH: &[u8] = b"branch";
const META_DEMO: &[u8] = b"demo";
const META_DRAFT: &[u8] = b"form_draft";
/// Meta key: the database folder's size when it was last measured against its content
/// (see [`compact`]; it is measured again only once the folder has doubled). Kept in the
/// clear, also in an encrypted store.
const META_COMPACTION_CHECKED: &[u8] = b"compaction_checked_bytes";
/// Marks a ward bundle: figures only, not a copy of the branch to restore.
const META_FIGURES_ONLY: &[u8] = b"figures_only";
/// A ward bundle's computed dues and pipeline (bundle format 2, see [`bundle`]).
const META_WARD_FIGURES: &[u8] = b"ward_figures";
/// Key of the keyring in the `meta` tree (stored in clear: it holds only wrapped keys;
/// see [`seal`]). Its presence marks the values as sealed.
pub const META_KEYRING: &[u8] = b"keyring";

/// What can go wrong in the store. Each variant is shown to the user in their language.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// Another copy of the program has the data open.
    #[error("data directory {0} is already open in another copy of the program")]
    AlreadyOpen(PathBuf),
    /// sled could not open the data (damaged, or no permission).
    #[error("cannot open data in {path}: {detail}")]
    Open {
        /// The data directory.
        path: PathBuf,
        /// sled's or the OS's message.
        detail: String,
    },
    /// Reading or writing failed (disk full, read-only, …).
    #[error("disk error: {0}")]
    Io(String),
    /// A stored record could not be decoded.
    #[error("record {key} in {tree} cannot be read: {source}")]
    Corrupt {
        /// The tree.
        tree: &'static str,
        /// The key.
        key: u64,
        /// Why.
        source: CodecError,
    },
    /// The data was written by a newer version of the app.
    #[error("data schema {found} is newer than this program ({supported})")]
    NewerSchema {
        /// Version found on disk.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// The card number belongs to another member.
    #[error("card number already used by {0}")]
    CardTaken(String),
    /// The record does not exist (deleted meanwhile).
    #[error("record not found")]
    NotFound,
    /// A value could not be encoded.
    #[error("cannot encode: {0}")]
    Encode(#[from] CodecError),
    /// The database is damaged: sled refused it, panicked on it, or opened it with
    /// acknowledged changes missing. Nothing was written to it by us.
    #[error("data in {path} is damaged: {why}")]
    Damaged {
        /// The data directory.
        path: PathBuf,
        /// What was found.
        why: Damage,
    },
    /// The record is no longer what the change being undone or redone left.
    #[error("the record changed since")]
    Changed,
    /// A change to this kind of record cannot be undone.
    #[error("changes to {0} cannot be undone")]
    NotUndoable(String),
    /// A ward bundle (figures only, no names) cannot be restored as the branch's data.
    #[error("this file is a ward bundle with figures only; it cannot be restored as data")]
    FiguresOnly,
    /// The data is encrypted and has not been unlocked.
    #[error("the data is encrypted: unlock it with the passphrase")]
    Locked,
    /// The passphrase or recovery code does not unlock the data.
    #[error("wrong passphrase or recovery code")]
    WrongPassphrase,
}

/// How a damaged database showed itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    /// sled refused to open it (its message).
    #[error("{0}")]
    Sled(String),
    /// sled opened it, but changes that were acknowledged are missing: the history
    /// ends at entry `found` although entry `saved` had been written and flushed.
    #[error("history ends at {found}, but {saved} had been saved")]
    Lost {
        /// Last history entry known to have been saved.
        saved: u64,
        /// Last history entry found.
        found: u64,
    },
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Io(e.to_string())
    }
}

/// Store result.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A migration step from `from` to `from + 1`.
pub type Migration = fn(&Db) -> Result<()>;

/// The ordered migration steps: entry `i` migrates version `i + 1` to `i + 2`.
/// Empty while only schema 1 exists.
pub const MIGRATIONS: &[Migration] = &[];

/// The open store of one branch.
pub struct Store {
    db: Db,
    members: Tree,
    meetings: Tree,
    cards: Tree,
    meta: Tree,
    history: Tree,
    candidates: Tree,
    targets: Tree,
    dues_profiles: Tree,
    dues_payments: Tree,
    badges: Tree,
    reviews: Tree,
    review_years: Tree,
    resolutions: Tree,
    liaison: Tree,
    rule_settings: Tree,
    holidays: Tree,
    dir: PathBuf,
    /// The history position last written to [`STAMP_FILE`].
    stamped: AtomicU64,
    /// Whether this store keeps the stamp (not a restore's staging copy).
    stamps: bool,
    /// Whether the values are sealed (encryption at rest is on).
    sealed: bool,
    /// The key that seals and opens values, once unlocked.
    sealer: std::sync::OnceLock<seal::Sealer>,
    /// The lowest id [`Store::new_id`] may hand out: above every key already used.
    id_floor: AtomicU64,
    /// Why nothing can be saved, when the data directory could only be read (read-only
    /// medium, full disk): the store is then a copy in a scratch folder (see
    /// [`recover`]) and every save is refused with this reason.
    read_only: Option<String>,
    /// Whether a save was acknowledged since the store was opened.
    changed: std::sync::atomic::AtomicBool,
    /// Whether dropping the store makes an automatic backup when something changed
    /// (the command line, see [`Store::backup_on_close`]).
    backup_on_close: std::sync::atomic::AtomicBool,
    /// The scratch copy behind a read-only store, removed after the database closes
    /// (declared last: fields drop in order).
    scratch: Option<recover::Scratch>,
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.backup_on_close.load(Ordering::SeqCst)
            && self.changed.load(Ordering::SeqCst)
            && self.read_only.is_none()
        {
            let _ = self.auto_backup(true);
        }
        // A store dropped without [`Store::close`] ended its session cleanly unless it
        // is due for compaction: then the next open compacts it (see [`compact`]).
        if self.stamps && self.read_only.is_none() && !self.needs_compaction().unwrap_or(true) {
            compact::end_session(&self.dir);
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish()
    }
}

/// Creates a directory (and parents) readable only by its owner on Unix.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    let made = {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    };
    #[cfg(not(unix))]
    let made = std::fs::create_dir_all(dir);
    made.map_err(|e| StoreError::Open {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })
}

/// Whether sled's open error means another process holds the database lock. sled words
/// it "could not acquire lock on …" on every platform, followed by the OS error: on Linux
/// `EWOULDBLOCK` (os error 11), on Windows `ERROR_LOCK_VIOLATION` (os error 33, "another
/// process has locked a portion of the file"), which also counts on its own.
fn is_lock_error(detail: &str) -> bool {
    detail.contains("could not acquire lock")
        || detail.contains("os error 33")
        || detail.contains("Os { code: 33,")
}

impl Store {
    /// Opens (or creates) the store in data directory `dir`, running migrations.
    pub fn open(dir: &Path) -> Result<Store> {
        Self::open_with(dir, MIGRATIONS)
    }

    /// Opens with an explicit migration list (tests use their own steps).
    ///
    /// Never panics on damaged files: sled's errors and panics become
    /// [`StoreError::Damaged`] (or [`StoreError::Open`] for OS errors such as a missing
    /// permission), and a database that opens with acknowledged changes missing is
    /// refused before anything is written to it.
    ///
    /// A compaction a crash interrupted is finished or undone first. When the last
    /// session was not closed cleanly ([`compact::SESSION`] still there), a database
    /// grown past [`compact::RATIO`] times its content is compacted before it is used;
    /// after a clean close, [`Store::close`] did that already. History entries still in
    /// the old v1 format are converted (once) by the same verified copy. A compaction
    /// that fails leaves the database as it was (see [`compact`]).
    pub fn open_with(dir: &Path, migrations: &[Migration]) -> Result<Store> {
        if create_private_dir(dir).is_ok() {
            // A compaction cut short is finished first: its copy may be the database.
            compact::recover(dir)?;
        }
        let fresh = !dir.join(DB_DIR).exists();
        let unclean = compact::unclean(dir);
        let store = Self::open_checked(dir, migrations)?;
        if fresh {
            // A register made by this version never knew the keys of older ones.
            let _ = std::fs::write(dir.join(KEYS_MOVED_SEEN), b"");
        }
        let store = if fresh || !store.compaction_due(unclean) {
            store
        } else if store.compact().is_err() {
            let store = Self::open_checked(dir, migrations)?;
            // Not tried again until the folder has doubled.
            let _ = store.remember_size();
            store
        } else {
            let store = Self::open_checked(dir, migrations)?;
            let _ = store.remember_size();
            store
        };
        compact::begin_session(dir);
        Ok(store)
    }

    /// [`Store::open_with`] without the compaction.
    fn open_checked(dir: &Path, migrations: &[Migration]) -> Result<Store> {
        create_private_dir(dir)?;
        compact::recover(dir)?;
        let store = Self::open_at(dir, &dir.join(DB_DIR), true)?;
        let saved = read_stamp(dir);
        let found = store.history_last()?;
        if let Some(saved) = saved
            && found < saved
        {
            return Err(StoreError::Damaged {
                path: dir.to_path_buf(),
                why: Damage::Lost { saved, found },
            });
        }
        store.stamped.store(saved.unwrap_or(0), Ordering::SeqCst);
        store.migrate(migrations)?;
        if saved.is_none() {
            // A new store, or one made before stamps: record where it stands now.
            store.write_stamp_now()?;
        }
        Ok(store)
    }

    /// Opens the sled database at `db_path` for data directory `dir`, without the
    /// stamp check or migrations; `stamps` false for a restore's staging copy, which
    /// must not touch the data directory's stamp. sled's refusals and panics become
    /// errors.
    ///
    /// sled's I/O threads can keep the database file, and so its lock, for a moment
    /// after a store is dropped (measured: a writer started right after the test process
    /// dropped its store was refused), so a held lock is retried for up to
    /// [`LOCK_WAIT`] before [`StoreError::AlreadyOpen`] is reported.
    pub(crate) fn open_at(dir: &Path, db_path: &Path, stamps: bool) -> Result<Store> {
        let deadline = std::time::Instant::now() + LOCK_WAIT;
        loop {
            match Self::open_once(dir, db_path, stamps).and_then(|s| s.with_id_floor()) {
                Err(StoreError::AlreadyOpen(_)) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                other => return other,
            }
        }
    }

    fn open_once(dir: &Path, db_path: &Path, stamps: bool) -> Result<Store> {
        let opened = std::panic::catch_unwind(|| {
            let db = sled::Config::new()
                .path(db_path)
                .cache_capacity(CACHE_BYTES)
                // Every save flushes before it returns; sled's own 500 ms flusher thread
                // would only add wake-ups while the app sits idle.
                .flush_every_ms(None)
                .open()
                .map_err(|e| sled_open_error(e, dir))?;
            let meta = db.open_tree(TREE_META)?;
            let sealed = meta.get(META_KEYRING)?.is_some();
            Ok::<_, StoreError>(Store {
                members: db.open_tree(TREE_MEMBERS)?,
                meetings: db.open_tree(TREE_MEETINGS)?,
                dues_profiles: db.open_tree(TREE_DUES_PROFILES)?,
                dues_payments: db.open_tree(TREE_DUES_PAYMENTS)?,
                badges: db.open_tree(TREE_BADGES)?,
                reviews: db.open_tree(TREE_REVIEWS)?,
                review_years: db.open_tree(TREE_REVIEW_YEARS)?,
                resolutions: db.open_tree(TREE_RESOLUTIONS)?,
                liaison: db.open_tree(TREE_LIAISON)?,
                rule_settings: db.open_tree(TREE_RULE_SETTINGS)?,
                holidays: db.open_tree(TREE_HOLIDAYS)?,
                cards: db.open_tree(TREE_CARDS)?,
                meta,
                history: db.open_tree(TREE_HISTORY)?,
                candidates: db.open_tree(TREE_CANDIDATES)?,
                targets: db.open_tree(TREE_TARGETS)?,
                db,
                dir: dir.to_path_buf(),
                stamped: AtomicU64::new(0),
                stamps,
                sealed,
                sealer: std::sync::OnceLock::new(),
                id_floor: AtomicU64::new(0),
                read_only: None,
                changed: std::sync::atomic::AtomicBool::new(false),
                backup_on_close: std::sync::atomic::AtomicBool::new(false),
                scratch: None,
            })
        });
        opened.unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(StoreError::Damaged {
                path: dir.to_path_buf(),
                why: Damage::Sled(format!("sled panicked: {what}")),
            })
        })
    }

    /// Sets the id floor above the last key of every tree whose keys are generated ids.
    fn with_id_floor(self) -> Result<Store> {
        let mut top = 0;
        for t in [
            &self.history,
            &self.members,
            &self.meetings,
            &self.candidates,
            &self.resolutions,
            &self.liaison,
        ] {
            if let Some((k, _)) = t.last()? {
                top = top.max(key_id(&k));
            }
        }
        self.id_floor.store(top.saturating_add(1), Ordering::SeqCst);
        Ok(self)
    }

    /// A new id for a record (callers add 1) or a history position: sled's counter, but
    /// never at or below a key already used. sled starts its counter again from 0 in a
    /// database rebuilt from a backup (a restore, a compaction), where it would hand out
    /// the ids of existing records and history entries.
    fn new_id(&self) -> Result<u64> {
        let generated = self.db.generate_id()?;
        let mut id = generated;
        let _ = self
            .id_floor
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |floor| {
                id = generated.max(floor);
                Some(id.saturating_add(1))
            });
        Ok(id)
    }

    /// The key of the newest history entry (0 when there is none). History is
    /// append-only, so this only grows; [`STAMP_FILE`] relies on that: a change that
    /// ever removes history entries must rewrite the stamp.
    pub fn history_last(&self) -> Result<u64> {
        Ok(self.history.last()?.map_or(0, |(k, _)| key_id(&k)))
    }

    /// Records the current history position in [`STAMP_FILE`].
    pub(crate) fn write_stamp_now(&self) -> Result<()> {
        let last = self.history_last()?;
        write_stamp(&self.dir, last)
            .map_err(|e| StoreError::Io(format!("{}: {e}", self.dir.join(STAMP_FILE).display())))?;
        self.stamped.store(last, Ordering::SeqCst);
        Ok(())
    }

    /// Why nothing can be saved (`None` when saves work): the data directory could only
    /// be read, and this store is a copy of it that shows everything but keeps nothing.
    /// The text is the system's reason (e.g. "Read-only file system (os error 30)").
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Refuses a save on a read-only store with a disk error naming the folder and why.
    pub(crate) fn writable(&self) -> Result<()> {
        match &self.read_only {
            None => Ok(()),
            Some(why) => Err(StoreError::Io(format!("{}: {why}", self.dir.display()))),
        }
    }

    /// Makes dropping this store write an automatic backup (see [`Store::auto_backup`])
    /// if anything was saved meanwhile: the command line's writes (import, demo, …)
    /// then leave a backup behind as the interactive session does when it closes.
    pub fn backup_on_close(&self) {
        self.backup_on_close.store(true, Ordering::SeqCst);
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .meta
            .get(META_SCHEMA)?
            .and_then(|v| <[u8; 4]>::try_from(v.as_ref()).ok())
            .map_or(0, u32::from_be_bytes))
    }

    fn migrate(&self, migrations: &[Migration]) -> Result<()> {
        let target = migrations.len() as u32 + 1;
        let mut version = self.schema_version()?;
        if version == 0 {
            // A new store, or one written before the version key: both are version 1.
            version = 1;
        }
        if version > target {
            return Err(StoreError::NewerSchema {
                found: version,
                supported: target,
            });
        }
        while version < target {
            migrations[(version - 1) as usize](&self.db)?;
            version += 1;
            self.meta.insert(META_SCHEMA, &version.to_be_bytes())?;
            self.flush()?;
        }
        if self.schema_version()? != version {
            self.meta.insert(META_SCHEMA, &version.to_be_bytes())?;
            self.flush()?;
        }
        Ok(())
    }

    /// Makes everything written so far durable, then records in [`STAMP_FILE`] how far
    /// the history has got. The stamp is written only after sled's flush returned, so it
    /// never claims more than is on disk; if writing it fails (disk full) it just lags
    /// behind, which is harmless: the check on open only catches history *missing*.
    pub fn flush(&self) -> Result<()> {
        if self.read_only.is_some() {
            // A scratch copy: every save was refused before writing, nothing to keep.
            return Ok(());
        }
        self.db.flush()?;
        self.changed.store(true, Ordering::SeqCst);
        if self.stamps
            && let Ok(last) = self.history_last()
            && last > self.stamped.load(Ordering::SeqCst)
            && write_stamp(&self.dir, last).is_ok()
        {
            self.stamped.store(last, Ordering::SeqCst);
        }
        Ok(())
    }

    /// The branch profile, if set up.
    pub fn branch(&self) -> Result<Option<Branch>> {
        register::branch(self)
    }

    /// Saves the branch profile durably, with its history entry (history key 0 of
    /// [`TREE_META`]) in the same transaction.
    pub fn save_branch(&self, b: &Branch) -> Result<()> {
        self.writable()?;
        let bytes = schema::encode_branch(b)?;
        let stored = self.seal_value(TREE_META, META_BRANCH, &bytes)?;
        let hid = self.new_id()?;
        let now = chrono::Utc::now().timestamp();
        let result = (&self.meta, &self.history).transaction(|(meta, history)| {
            let old = meta
                .insert(META_BRANCH, stored.clone())?
                .map(|v| self.plain_or_raw(TREE_META, META_BRANCH, &v));
            let entry = history::entry(now, TREE_META, 0, old.as_deref(), Some(&bytes));
            self.put_history(history, hid, &entry)?;
            Ok(())
        });
        map_tx(result)?;
        self.flush()
    }

    /// Whether this store holds the sample branch.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.meta.get(META_DEMO)?.is_some())
    }

    /// Marks the store as holding sample data (shown as "DỮ LIỆU MẪU").
    pub fn mark_demo(&self) -> Result<()> {
        self.writable()?;
        self.meta.insert(META_DEMO, &[1])?;
        self.flush()
    }

    /// The saved text of a form that was open when the app last stopped.
    pub fn draft(&self) -> Result<Option<schema::draft::v1::FormDraftV1>> {
        match self.meta.get(META_DRAFT)? {
            None => Ok(None),
            Some(v) => match codec::split(&self.open_value(TREE_META, META_DRAFT, &v)?)? {
                (schema::draft::v1::VERSION, p) => Ok(Some(codec::decode_payload(p)?)),
                (v, _) => Err(StoreError::Encode(CodecError::UnknownVersion(v))),
            },
        }
    }

    /// Saves (or with `None` clears) the open form's text durably.
    pub fn save_draft(&self, d: Option<&schema::draft::v1::FormDraftV1>) -> Result<()> {
        self.writable()?;
        match d {
            Some(d) => {
                let plain = codec::encode(schema::draft::v1::VERSION, d)?;
                self.meta
                    .insert(META_DRAFT, self.seal_value(TREE_META, META_DRAFT, &plain)?)?
            }
            None => self.meta.remove(META_DRAFT)?,
        };
        self.flush()
    }

    /// All members with their ids, in key order.
    pub fn members(&self) -> Result<Vec<(MemberId, Member)>> {
        register::members(self)
    }

    /// One member.
    pub fn member(&self, id: MemberId) -> Result<Option<Member>> {
        self.members
            .get(id.to_be_bytes())?
            .map(|v| {
                let v = self.open_value(TREE_MEMBERS, &id.to_be_bytes(), &v)?;
                schema::decode_member(&v).map_err(|source| StoreError::Corrupt {
                    tree: TREE_MEMBERS,
                    key: id,
                    source,
                })
            })
            .transpose()
    }

    /// Stores raw value bytes as a new member, bypassing the codec: only for tests that
    /// prove old schema versions stay readable.
    #[doc(hidden)]
    pub fn insert_raw_member_for_tests(&self, bytes: &[u8]) -> Result<MemberId> {
        let id = self.new_id()? + 1;
        self.members.insert(id.to_be_bytes(), bytes)?;
        self.flush()?;
        Ok(id)
    }

    /// Stores raw value bytes as member `id`, bypassing the codec, the card index and
    /// the history: only for tests of a record changed behind the history's back.
    #[doc(hidden)]
    pub fn insert_raw_member_at_for_tests(&self, id: MemberId, bytes: &[u8]) -> Result<()> {
        self.members.insert(id.to_be_bytes(), bytes)?;
        self.flush()
    }

    /// Number of members stored.
    pub fn member_count(&self) -> usize {
        self.members.len()
    }

    /// Saves members in one transaction: `None` ids are created. Returns their ids.
    /// Durable when it returns. A card number used by another member aborts everything.
    pub fn save_members(&self, items: &[(Option<MemberId>, Member)]) -> Result<Vec<MemberId>> {
        self.writable()?;
        let mut ids = Vec::with_capacity(items.len());
        let mut encoded = Vec::with_capacity(items.len());
        for (id, m) in items {
            ids.push(match id {
                Some(id) => *id,
                None => self.new_id()? + 1,
            });
            let plain = schema::encode_member(m)?;
            let key = ids[ids.len() - 1].to_be_bytes();
            let stored = self.seal_value(TREE_MEMBERS, &key, &plain)?;
            encoded.push((plain, stored));
        }
        let mut history_ids = Vec::with_capacity(items.len());
        for _ in items {
            history_ids.push(self.new_id()?);
        }
        let now = chrono::Utc::now().timestamp();
        let result =
            (&self.members, &self.cards, &self.history).transaction(|(members, cards, history)| {
                for (i, (_, m)) in items.iter().enumerate() {
                    let key = ids[i].to_be_bytes();
                    let old = members
                        .get(key)?
                        .map(|v| self.plain_or_raw(TREE_MEMBERS, &key, &v));
                    self.reindex_card(cards, members, ids[i], old.as_deref(), Some(m))?;
                    members.insert(&key, encoded[i].1.clone())?;
                    let entry = history::entry(
                        now,
                        TREE_MEMBERS,
                        ids[i],
                        old.as_deref(),
                        Some(&encoded[i].0),
                    );
                    self.put_history(history, history_ids[i], &entry)?;
                }
                Ok(())
            });
        map_tx(result)?;
        self.flush()?;
        Ok(ids)
    }

    /// Saves one member (`None` creates it) durably and returns its id.
    pub fn save_member(&self, id: Option<MemberId>, m: &Member) -> Result<MemberId> {
        let ids = self.save_members(&[(id, m.clone())])?;
        ids.first().copied().ok_or(StoreError::NotFound)
    }

    /// Deletes a member durably, returning the removed record.
    pub fn delete_member(&self, id: MemberId) -> Result<Member> {
        self.writable()?;
        let hid = self.new_id()?;
        let now = chrono::Utc::now().timestamp();
        let key = id.to_be_bytes();
        let result =
            (&self.members, &self.cards, &self.history).transaction(|(members, cards, history)| {
                let Some(old) = members.remove(&key)? else {
                    return Err(ConflictableTransactionError::Abort(StoreError::NotFound));
                };
                let old = self
                    .open_value(TREE_MEMBERS, &key, &old)
                    .map_err(ConflictableTransactionError::Abort)?;
                let m = schema::decode_member(&old).map_err(|source| {
                    ConflictableTransactionError::Abort(StoreError::Corrupt {
                        tree: TREE_MEMBERS,
                        key: id,
                        source,
                    })
                })?;
                let card = card_key(&m.card_number);
                if !card.is_empty() {
                    cards.remove(
                        self.card_index(&card)
                            .map_err(ConflictableTransactionError::Abort)?,
                    )?;
                }
                let entry = history::entry(now, TREE_MEMBERS, id, Some(&old), None);
                self.put_history(history, hid, &entry)?;
                Ok(m)
            });
        let m = map_tx(result)?;
        self.flush()?;
        Ok(m)
    }

    /// All meetings with their ids, oldest id first.
    pub fn meetings(&self) -> Result<Vec<(MeetingId, Meeting)>> {
        register::meetings(self)
    }

    /// Saves a meeting (`None` creates it) durably, with its history entry; returns its id.
    pub fn save_meeting(&self, id: Option<MeetingId>, m: &Meeting) -> Result<MeetingId> {
        let id = match id {
            Some(id) => id,
            None => self.new_id()? + 1,
        };
        let bytes = schema::encode_meeting(m)?;
        self.put_with_history(&self.meetings, TREE_MEETINGS, id, Some(bytes))?;
        Ok(id)
    }

    /// Deletes a meeting durably.
    pub fn delete_meeting(&self, id: MeetingId) -> Result<()> {
        self.put_with_history(&self.meetings, TREE_MEETINGS, id, None)
    }

    /// Every member's dues ledger (profiles and payments), by member id.
    pub fn dues(&self) -> Result<BTreeMap<MemberId, Ledger>> {
        register::dues(self)
    }

    /// Saves a member's dues profiles durably, with history.
    pub fn save_dues_profiles(&self, id: MemberId, l: &Ledger) -> Result<()> {
        let bytes = schema::encode_dues_profiles(l)?;
        self.put_with_history(&self.dues_profiles, TREE_DUES_PROFILES, id, Some(bytes))
    }

    /// Saves a member's dues payments durably, with history.
    pub fn save_dues_payments(&self, id: MemberId, l: &Ledger) -> Result<()> {
        let bytes = schema::encode_dues_payments(l)?;
        self.put_with_history(&self.dues_payments, TREE_DUES_PAYMENTS, id, Some(bytes))
    }

    /// What the branch handed on of each month's dues (#17 item 6), by month.
    pub fn dues_handed(&self) -> Result<Vec<crate::domain::dues::HandOver>> {
        register::dues_handed(self)
    }

    /// Saves what the branch handed on of each month's dues durably, with history (the
    /// record of the `dues_payments` tree under [`DUES_HANDED_KEY`]).
    pub fn save_dues_handed(&self, list: &[crate::domain::dues::HandOver]) -> Result<()> {
        let bytes = schema::encode_dues_handed(list)?;
        self.put_with_history(
            &self.dues_payments,
            TREE_DUES_PAYMENTS,
            DUES_HANDED_KEY,
            Some(bytes),
        )
    }

    /// Every member's badge record, by member id.
    pub fn badges(&self) -> Result<BTreeMap<MemberId, BadgeRecord>> {
        self.badges
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                let id = key_id(&k);
                let v = self.open_value(TREE_BADGES, &k, &v)?;
                let r = schema::decode_badges(&v).map_err(|source| StoreError::Corrupt {
                    tree: TREE_BADGES,
                    key: id,
                    source,
                })?;
                Ok((id, r))
            })
            .collect()
    }

    /// Saves a member's badge record durably, with history.
    pub fn save_badges(&self, id: MemberId, r: &BadgeRecord) -> Result<()> {
        let bytes = schema::encode_badges(r)?;
        self.put_with_history(&self.badges, TREE_BADGES, id, Some(bytes))
    }

    /// Saves many dues ledgers and badge records in one transaction (the sample branch),
    /// with history, then flushes once.
    pub fn save_dues_and_badges(
        &self,
        dues: &[(MemberId, Ledger)],
        badges: &[(MemberId, BadgeRecord)],
    ) -> Result<()> {
        self.writable()?;
        let mut writes: Vec<(usize, u64, Vec<u8>)> = Vec::new();
        for (id, l) in dues {
            writes.push((0, *id, schema::encode_dues_profiles(l)?));
            writes.push((1, *id, schema::encode_dues_payments(l)?));
        }
        for (id, r) in badges {
            writes.push((2, *id, schema::encode_badges(r)?));
        }
        let names = [TREE_DUES_PROFILES, TREE_DUES_PAYMENTS, TREE_BADGES];
        let sealed: Vec<Vec<u8>> = writes
            .iter()
            .map(|(t, id, b)| self.seal_value(names[*t], &id.to_be_bytes(), b))
            .collect::<Result<_>>()?;
        let mut hids = Vec::with_capacity(writes.len());
        for _ in &writes {
            hids.push(self.new_id()?);
        }
        let now = chrono::Utc::now().timestamp();
        let result = (
            &self.dues_profiles,
            &self.dues_payments,
            &self.badges,
            &self.history,
        )
            .transaction(|(profiles, payments, badges, history)| {
                for (i, (t, id, bytes)) in writes.iter().enumerate() {
                    let tree = match t {
                        0 => profiles,
                        1 => payments,
                        _ => badges,
                    };
                    let key = id.to_be_bytes();
                    let old = tree.insert(&key, sealed[i].clone())?;
                    let old = old.map(|v| self.plain_or_raw(names[*t], &key, &v));
                    let entry = history::entry(now, names[*t], *id, old.as_deref(), Some(bytes));
                    self.put_history(history, hids[i], &entry)?;
                }
                Ok(())
            });
        map_tx(result)?;
        self.flush()
    }

    /// Writes (or with `None` removes) one value and its history entry in one
    /// transaction, then flushes.
    fn put_with_history(
        &self,
        tree: &Tree,
        name: &'static str,
        id: u64,
        new: Option<Vec<u8>>,
    ) -> Result<()> {
        self.writable()?;
        let hid = self.new_id()?;
        let now = chrono::Utc::now().timestamp();
        let key = id.to_be_bytes();
        let stored = new
            .as_ref()
            .map(|b| self.seal_value(name, &key, b))
            .transpose()?;
        let result = (tree, &self.history).transaction(|(t, history)| {
            let old = match &stored {
                Some(bytes) => t.insert(&key, bytes.clone())?,
                None => t.remove(&key)?,
            };
            if new.is_none() && old.is_none() {
                return Err(ConflictableTransactionError::Abort(StoreError::NotFound));
            }
            let old = old.map(|v| self.plain_or_raw(name, &key, &v));
            let entry = history::entry(now, name, id, old.as_deref(), new.as_deref());
            self.put_history(history, hid, &entry)?;
            Ok(())
        });
        map_tx(result)?;
        self.flush()
    }

    /// Every member's yearly review: ((year, member), record).
    pub fn reviews(&self) -> Result<Vec<((i32, MemberId), MemberReview)>> {
        register::reviews(self)
    }

    /// Saves a member's review of a year durably, with its history entry.
    pub fn save_review(&self, year: i32, member: MemberId, r: &MemberReview) -> Result<()> {
        let key = review_key(year, member).ok_or(StoreError::NotFound)?;
        let bytes = schema::encode_review(r)?;
        self.put_with_history(&self.reviews, TREE_REVIEWS, key, Some(bytes))
    }

    /// The branch's classification of every year that has one.
    pub fn branch_years(&self) -> Result<Vec<(i32, BranchYear)>> {
        register::branch_years(self)
    }

    /// The branch's settings of the rules (each rule's change, with who, when and why).
    pub fn rule_settings(&self) -> Result<crate::domain::rules::Settings> {
        register::rule_settings(self)
    }

    /// Saves a branch's setting of a rule durably, as one undoable change (its history
    /// entry names the rule).
    pub fn save_rule_setting(&self, o: &crate::domain::rules::Override) -> Result<()> {
        let bytes = schema::encode_rule_setting(o)?;
        self.put_with_history(
            &self.rule_settings,
            TREE_RULE_SETTINGS,
            o.id.code(),
            Some(bytes),
        )
    }

    /// Puts a rule back to the table's value (removes the branch's setting), undoably.
    pub fn clear_rule_setting(&self, id: crate::domain::rules::RuleId) -> Result<()> {
        self.put_with_history(&self.rule_settings, TREE_RULE_SETTINGS, id.code(), None)
    }

    /// The branch's own days of the calendar, in date order.
    pub fn holidays(&self) -> Result<crate::domain::holidays::BranchDays> {
        register::holidays(self)
    }

    /// Saves a branch's day of the calendar durably, as one undoable change; when it
    /// `replaces` the entry of another date (its date was edited), that entry is removed
    /// in the same transaction (one undo step).
    pub fn save_holiday(
        &self,
        e: &crate::domain::holidays::DayEntry,
        replaces: Option<chrono::NaiveDate>,
    ) -> Result<()> {
        let bytes = schema::encode_holiday(e)?;
        let key = holiday_key(e.date);
        match replaces.map(holiday_key).filter(|old| *old != key) {
            None => self.put_with_history(&self.holidays, TREE_HOLIDAYS, key, Some(bytes)),
            Some(old_key) => {
                self.writable()?;
                let hids = [self.new_id()?, self.new_id()?];
                let now = chrono::Utc::now().timestamp();
                let (okey, nkey) = (old_key.to_be_bytes(), key.to_be_bytes());
                let stored = self.seal_value(TREE_HOLIDAYS, &nkey, &bytes)?;
                let result = (&self.holidays, &self.history).transaction(|(t, history)| {
                    let Some(old) = t.remove(&okey)? else {
                        return Err(ConflictableTransactionError::Abort(StoreError::NotFound));
                    };
                    let old = self.plain_or_raw(TREE_HOLIDAYS, &okey, &old);
                    let gone = history::entry(now, TREE_HOLIDAYS, old_key, Some(&old), None);
                    self.put_history(history, hids[0], &gone)?;
                    let was = t.insert(&nkey, stored.clone())?;
                    let was = was.map(|v| self.plain_or_raw(TREE_HOLIDAYS, &nkey, &v));
                    let made =
                        history::entry(now, TREE_HOLIDAYS, key, was.as_deref(), Some(&bytes));
                    self.put_history(history, hids[1], &made)?;
                    Ok(())
                });
                map_tx(result)?;
                self.flush()
            }
        }
    }

    /// Removes the branch's entry of a date, undoably.
    pub fn remove_holiday(&self, date: chrono::NaiveDate) -> Result<()> {
        self.put_with_history(&self.holidays, TREE_HOLIDAYS, holiday_key(date), None)
    }

    /// Saves the branch's classification of a year durably.
    pub fn save_branch_year(&self, year: i32, b: &BranchYear) -> Result<()> {
        let key = u64::try_from(year).map_err(|_| StoreError::NotFound)?;
        let bytes = schema::encode_branch_year(b)?;
        self.put_with_history(&self.review_years, TREE_REVIEW_YEARS, key, Some(bytes))
    }

    /// Writes one history entry inside a transaction (sealed when encryption is on).
    fn put_history(
        &self,
        history: &TransactionalTree,
        id: u64,
        entry: &HistoryV2,
    ) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
        let key = id.to_be_bytes();
        let bytes = schema::encode_history(entry)
            .map_err(StoreError::Encode)
            .and_then(|b| self.seal_value(TREE_HISTORY, &key, &b))
            .map_err(ConflictableTransactionError::Abort)?;
        history.insert(&key, bytes)?;
        Ok(())
    }

    /// Keeps the card-number index right when member `id` changes from `old` (stored
    /// plain bytes) to `new` inside a transaction; aborts with [`StoreError::CardTaken`]
    /// if the new card number belongs to someone else.
    fn reindex_card(
        &self,
        cards: &TransactionalTree,
        members: &TransactionalTree,
        id: MemberId,
        old: Option<&[u8]>,
        new: Option<&Member>,
    ) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
        let abort = ConflictableTransactionError::Abort;
        if let Some(old) = old
            && let Ok(old_m) = schema::decode_member(old)
        {
            let old_card = card_key(&old_m.card_number);
            if !old_card.is_empty() {
                cards.remove(self.card_index(&old_card).map_err(abort)?)?;
            }
        }
        let Some(m) = new else { return Ok(()) };
        let card = card_key(&m.card_number);
        if card.is_empty() {
            return Ok(());
        }
        let index = self.card_index(&card).map_err(abort)?;
        if let Some(owner) = cards.get(&index)?
            && key_id(&owner) != id
        {
            let name = members
                .get(&owner)?
                .and_then(|v| self.open_value(TREE_MEMBERS, &owner, &v).ok())
                .and_then(|v| schema::decode_member(&v).ok())
                .map(|m| m.full_name)
                .unwrap_or_default();
            return Err(abort(StoreError::CardTaken(name)));
        }
        cards.insert(index, &id.to_be_bytes())?;
        Ok(())
    }
}

fn map_tx<T>(r: std::result::Result<T, TransactionError<StoreError>>) -> Result<T> {
    r.map_err(|e| match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => StoreError::Io(e.to_string()),
    })
}

/// Turns sled's refusal to open into our error: the lock held by another process,
/// an OS error (permissions, not a directory), or damage.
fn sled_open_error(e: sled::Error, dir: &Path) -> StoreError {
    let detail = e.to_string();
    match e {
        sled::Error::Io(_) if is_lock_error(&detail) => StoreError::AlreadyOpen(dir.to_path_buf()),
        sled::Error::Io(_) => StoreError::Open {
            path: dir.to_path_buf(),
            detail,
        },
        _ => StoreError::Damaged {
            path: dir.to_path_buf(),
            why: Damage::Sled(detail),
        },
    }
}

/// The history position recorded in the stamp file, if it is there and readable. An
/// unreadable stamp counts as absent: it can only make the check miss, never alarm.
pub fn read_stamp(dir: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(dir.join(STAMP_FILE)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != STAMP_HEADER {
        return None;
    }
    lines.next()?.strip_prefix("history ")?.trim().parse().ok()
}

/// Writes the stamp file (temporary file, then rename). Not synced: losing it on a
/// power cut leaves an older or no stamp, which is safe.
pub(crate) fn write_stamp(dir: &Path, last: u64) -> std::io::Result<()> {
    let tmp = dir.join(format!("{STAMP_FILE}.tmp-{}", std::process::id()));
    let written = std::fs::write(&tmp, format!("{STAMP_HEADER}\nhistory {last}\n"))
        .and_then(|()| std::fs::rename(&tmp, dir.join(STAMP_FILE)));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

fn key_id(k: &[u8]) -> u64 {
    <[u8; 8]>::try_from(k).map_or(0, u64::from_be_bytes)
}

/// The key of a branch's day of the calendar: the date as days since 1 January of year 1
/// (the dates of [`crate::domain::holidays::YEARS`] are all after it).
fn holiday_key(d: chrono::NaiveDate) -> u64 {
    u64::try_from(schema::days::day(d)).unwrap_or(0)
}

/// The key of a review: the year in the high bits, the member id (< 2^40) below.
fn review_key(year: i32, member: MemberId) -> Option<u64> {
    let y = u64::try_from(year).ok()?;
    (member < 1 << 40 && y < 1 << 20).then_some((y << 40) | member)
}

fn review_key_parts(key: u64) -> (i32, MemberId) {
    ((key >> 40) as i32, key & ((1 << 40) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn save_reopen_update_delete() {
        let dir = tempfile::tempdir().unwrap();
        let members = demo::demo_members(1, 5, today());
        let id;
        {
            let s = Store::open(dir.path()).unwrap();
            id = s.save_member(None, &members[0]).unwrap();
            s.save_member(None, &members[1]).unwrap();
            s.save_branch(&demo::demo_branch()).unwrap();
        }
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.member(id).unwrap().unwrap(), members[0]);
        assert_eq!(s.members().unwrap().len(), 2);
        assert_eq!(s.branch().unwrap().unwrap(), demo::demo_branch());
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let mut edited = members[0].clone();
        edited.phone = "0988000111".into();
        s.save_member(Some(id), &edited).unwrap();
        assert_eq!(s.member(id).unwrap().unwrap().phone, "0988000111");
        assert_eq!(s.delete_member(id).unwrap(), edited);
        assert_eq!(s.member(id).unwrap(), None);
        assert!(matches!(s.delete_member(id), Err(StoreError::NotFound)));
        // Every change is in the history, with old and new values.
        let h = s.history().unwrap();
        assert_eq!(h.len(), 5);
        assert!(h[3].old.is_some() && h[3].new.is_some());
        assert!(h[4].new.is_none());
    }

    #[test]
    fn card_numbers_are_unique_in_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let ms = demo::demo_members(2, 2, today());
        let a = s.save_member(None, &ms[0]).unwrap();
        let mut dup = ms[1].clone();
        dup.card_number = ms[0].card_number.clone();
        match s.save_member(None, &dup) {
            Err(StoreError::CardTaken(name)) => assert_eq!(name, ms[0].full_name),
            other => panic!("expected CardTaken, got {other:?}"),
        }
        assert_eq!(s.members().unwrap().len(), 1);
        // Changing the owner's own card frees the old number.
        let mut moved = ms[0].clone();
        moved.card_number = "99999999".into();
        s.save_member(Some(a), &moved).unwrap();
        s.save_member(None, &dup).unwrap();
        assert_eq!(s.members().unwrap().len(), 2);
    }

    #[test]
    fn dues_and_badges_round_trip_with_history() {
        use crate::domain::badges::Award;
        use crate::domain::dues::{Category, Method, Payment, Profile, YearMonth};
        let dir = tempfile::tempdir().unwrap();
        let month = YearMonth::new(2026, 3).unwrap();
        let mut l = Ledger::default();
        l.set_profile(Profile {
            from: month,
            category: Category::Pension,
            base: 6_000_000,
            relief: None,
        });
        l.pay(Payment {
            month,
            amount: 30_000,
            method: Method::Online,
            date: today(),
            payer: String::new(),
        });
        let r = BadgeRecord {
            serious_illness: true,
            awards: vec![Award {
                milestone: 40,
                date: today(),
                decision: "Số 12-QĐ/TU".into(),
            }],
        };
        {
            let s = Store::open(dir.path()).unwrap();
            s.save_dues_profiles(7, &l).unwrap();
            s.save_dues_payments(7, &l).unwrap();
            s.save_badges(7, &r).unwrap();
            s.save_dues_and_badges(&[(8, l.clone())], &[(8, r.clone())])
                .unwrap();
        }
        let s = Store::open(dir.path()).unwrap();
        let dues = s.dues().unwrap();
        assert_eq!(dues.get(&7), Some(&l));
        assert_eq!(dues.get(&8), Some(&l));
        assert_eq!(s.badges().unwrap().get(&7), Some(&r));
        assert_eq!(s.history().unwrap().len(), 6);
    }

    #[test]
    fn a_second_open_is_refused_with_already_open() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::open(dir.path()).unwrap();
        match Store::open(dir.path()) {
            Err(StoreError::AlreadyOpen(p)) => assert_eq!(p, dir.path()),
            other => panic!("expected AlreadyOpen, got {other:?}"),
        }
    }

    #[test]
    fn lock_errors_are_recognised_in_linux_and_windows_wording() {
        let linux = r#"IO error: could not acquire lock on "/home/a/.local/share/sochibo/sled/db": Os { code: 11, kind: WouldBlock, message: "Resource temporarily unavailable" }"#;
        let windows = r#"IO error: could not acquire lock on "C:\\Users\\a\\AppData\\Roaming\\sochibo\\data\\sled\\db": Os { code: 33, kind: Uncategorized, message: "The process cannot access the file because another process has locked a portion of the file." }"#;
        assert!(is_lock_error(linux));
        assert!(is_lock_error(windows));
        // Windows' wording without sled's prefix (Display form of the OS error).
        assert!(is_lock_error(
            "The process cannot access the file because another process has locked a portion of the file. (os error 33)"
        ));
        assert!(!is_lock_error(
            r#"IO error: Os { code: 13, kind: PermissionDenied, message: "Permission denied" }"#
        ));
        assert!(!is_lock_error(
            "Read corrupted data at file offset None backtrace ()"
        ));
    }

    #[test]
    fn migrations_run_in_order_and_newer_data_is_refused() {
        fn step(db: &Db) -> Result<()> {
            db.open_tree("migrated")?.insert(b"done", &[1])?;
            Ok(())
        }
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        {
            let s = Store::open_with(dir.path(), &[step]).unwrap();
            assert_eq!(s.schema_version().unwrap(), 2);
            assert!(
                s.db.open_tree("migrated")
                    .unwrap()
                    .get(b"done")
                    .unwrap()
                    .is_some()
            );
        }
        match Store::open(dir.path()) {
            Err(StoreError::NewerSchema {
                found: 2,
                supported: 1,
            }) => {}
            other => panic!("expected NewerSchema, got {other:?}"),
        }
    }

    #[test]
    fn a_corrupt_record_is_reported_not_panicked() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        s.members
            .insert(7u64.to_be_bytes(), &[1, 0xFF, 0xFF])
            .unwrap();
        match s.members() {
            Err(StoreError::Corrupt { key: 7, .. }) => {}
            other => panic!("expected Corrupt, got {other:?}"),
        }
        s.members.insert(8u64.to_be_bytes(), &[9, 0]).unwrap();
        assert!(matches!(
            s.member(8),
            Err(StoreError::Corrupt {
                source: CodecError::UnknownVersion(9),
                ..
            })
        ));
    }

    /// Saves `n` members one by one (one log write each), closes the store.
    fn saved_one_by_one(dir: &Path, n: usize) {
        let s = Store::open(dir).unwrap();
        for m in demo::demo_members(9, n, today()) {
            s.save_member(None, &m).unwrap();
        }
    }

    #[test]
    fn the_stamp_follows_every_save() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(read_stamp(dir.path()), Some(0), "a new store is stamped");
        let m = &demo::demo_members(1, 1, today())[0];
        s.save_member(None, m).unwrap();
        assert_eq!(read_stamp(dir.path()), Some(s.history_last().unwrap()));
        assert!(s.history_last().unwrap() > 0);
    }

    #[test]
    fn a_stamp_behind_the_data_is_fine_and_catches_up() {
        // A crash between sled's flush and the stamp write leaves the stamp behind.
        let dir = tempfile::tempdir().unwrap();
        saved_one_by_one(dir.path(), 3);
        write_stamp(dir.path(), 1).unwrap();
        let s = Store::open(dir.path()).unwrap();
        s.save_member(None, &demo::demo_members(2, 1, today())[0])
            .unwrap();
        assert_eq!(read_stamp(dir.path()), Some(s.history_last().unwrap()));
        // A missing or unreadable stamp is no alarm either.
        drop(s);
        std::fs::write(dir.path().join(STAMP_FILE), b"\xff garbage").unwrap();
        assert_eq!(read_stamp(dir.path()), None);
        drop(Store::open(dir.path()).unwrap());
        std::fs::remove_file(dir.path().join(STAMP_FILE)).unwrap();
        drop(Store::open(dir.path()).unwrap());
    }

    #[test]
    fn a_database_that_opens_with_saves_missing_is_refused() {
        // sled opens a log damaged in the middle without complaint, keeping only what
        // came before the damage (measured: one flipped byte kept 9 of 90 records).
        let dir = tempfile::tempdir().unwrap();
        saved_one_by_one(dir.path(), 40);
        let db = dir.path().join(DB_DIR).join("db");
        let len = std::fs::metadata(&db).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.set_len(len / 3).unwrap();
        drop(f);
        match Store::open(dir.path()) {
            Err(StoreError::Damaged {
                why: Damage::Lost { saved, found },
                ..
            }) => assert!(found < saved),
            Err(StoreError::Damaged { .. }) => {}
            other => panic!("expected Damaged, got {other:?}"),
        }
        // Refused before anything was written: the stamp still says what was saved.
        assert!(read_stamp(dir.path()).unwrap() > 0);
    }

    #[test]
    fn sled_refusals_are_errors_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        saved_one_by_one(dir.path(), 2);
        std::fs::write(dir.path().join(DB_DIR).join("conf"), b"garbage\x00\xff").unwrap();
        assert!(matches!(
            Store::open(dir.path()),
            Err(StoreError::Damaged {
                why: Damage::Sled(_),
                ..
            })
        ));
        // The database folder being a file is an OS error, not damage.
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join(DB_DIR), b"x").unwrap();
        assert!(matches!(
            Store::open(other.path()),
            Err(StoreError::Open { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn data_dir_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        drop(Store::open(&data).unwrap());
        let mode = std::fs::metadata(&data).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
