//! Opening without ever losing the register (issue 20): [`open`] is how the program opens
//! its data. Around [`Store::open`] it
//!
//! 1. finishes a restore a crash stopped in the middle of its swap
//!    ([`restore::finish_interrupted`]);
//! 2. when sled refuses the database, sets aside what sled's own format marks as
//!    incomplete — a snapshot file still named `snap.<n>.generating`, left by a kill
//!    between writing it and renaming it (sled 0.34.7 then refuses the whole database,
//!    spacejam/sled#1527) — into a kept side folder `sled.incomplete-<time>`, and opens
//!    again (nothing is deleted; sled itself only ever reads a finished `snap.<n>`);
//! 3. if the database is still damaged, moves it aside (`sled.damaged-<time>`), rebuilds
//!    the register from the newest good automatic backup, and writes a damage report
//!    ([`DAMAGE_FILE`]) that every later start shows until the user restores or
//!    dismisses it ([`damage_report`], [`dismiss_damage`]): a damaged store is never
//!    replaced silently, and never by an empty one when a backup exists;
//! 4. when the data directory can be read but not written (read-only medium, full disk),
//!    opens a copy of it in a scratch folder that shows everything and refuses every
//!    save with the system's reason ([`Store::read_only_reason`]);
//! 5. after a good, writable open, removes what killed runs left behind
//!    ([`clean_leftovers`]).

use std::fs;
use std::path::{Path, PathBuf};

use super::backup::{self, BACKUP_DIR, BackupInfo};
use super::restore::{self, BEFORE_RESTORE, RESTORED, RESTORING};
use super::{DB_DIR, Damage, Result, STAMP_FILE, Store, StoreError, atomic};

/// Name stem of the side folder that keeps the files sled's format marks incomplete.
pub const INCOMPLETE: &str = "sled.incomplete";
/// File in the data directory that records damage found at an open, until the user
/// restores or dismisses it.
pub const DAMAGE_FILE: &str = "store.damage";
const DAMAGE_HEADER: &str = "sochibo damage report 1";
/// Copies of replaced databases (`sled.before-restore-*`) kept; older ones are removed.
pub const KEEP_BEFORE_RESTORE: usize = 2;

/// A scratch folder holding the copy behind a read-only store; removed when dropped.
#[derive(Debug)]
pub struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The backup the register was rebuilt from after damage was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoredFrom {
    /// The backup file.
    pub path: PathBuf,
    /// When it was made, Unix seconds: saves after this may be only in the damaged copy.
    pub created_at: i64,
    /// Members it held.
    pub members: usize,
}

/// Damage found when the data was opened, kept in [`DAMAGE_FILE`] until the user
/// restores a backup or dismisses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamageReport {
    /// The data directory.
    pub dir: PathBuf,
    /// When it was found, Unix seconds.
    pub found_at: i64,
    /// What was found.
    pub why: Damage,
    /// Where the damaged database is kept (`None` if it could not be moved).
    pub damaged: Option<PathBuf>,
    /// The backup the register was rebuilt from (`None`: none could be used, the
    /// register started empty).
    pub restored: Option<RestoredFrom>,
    /// The newest good backup now in `backups/` (looked up when the report is read).
    pub newest_backup: Option<BackupInfo>,
}

impl DamageReport {
    /// Whether the register is empty because of the damage (no backup could be used).
    pub fn started_empty(&self) -> bool {
        self.restored.is_none()
    }
}

/// What [`open`] did besides opening.
#[derive(Debug)]
pub struct Opened {
    /// The open store (read-only when [`Store::read_only_reason`] says so).
    pub store: Store,
    /// Damage found by this very open (also in [`damage_report`] from now on).
    pub damage: Option<DamageReport>,
    /// Where files of an interrupted snapshot were set aside, if any.
    pub set_aside: Option<PathBuf>,
}

/// Opens the data in `dir` as the program should: see the module documentation.
/// Errors are what no recovery could get round: another copy of the program has the
/// data open, a newer schema, a damaged database on a medium that cannot be written…
pub fn open(dir: &Path) -> Result<Opened> {
    if super::create_private_dir(dir).is_ok() {
        let _ = restore::finish_interrupted(dir);
    }
    let mut set_aside = None;
    let mut opened = Store::open(dir);
    if let Err(StoreError::Damaged {
        why: Damage::Sled(_),
        ..
    }) = &opened
        && let Ok(Some(folder)) = set_aside_incomplete(dir)
    {
        set_aside = Some(folder);
        opened = Store::open(dir);
    }
    match opened {
        Ok(store) => {
            clean_leftovers(dir);
            Ok(Opened {
                store,
                damage: None,
                set_aside,
            })
        }
        Err(StoreError::Damaged { why, .. }) => {
            let (store, report) = fall_back(dir, why)?;
            Ok(Opened {
                store,
                damage: Some(report),
                set_aside,
            })
        }
        Err(e @ (StoreError::Open { .. } | StoreError::Io(_))) => {
            let why = match &e {
                StoreError::Open { detail, .. } | StoreError::Io(detail) => {
                    // sled's prefix says nothing the user needs.
                    detail.trim_start_matches("IO error: ").to_string()
                }
                _ => String::new(),
            };
            match open_read_only(dir, &why) {
                Ok(store) => Ok(Opened {
                    store,
                    damage: None,
                    set_aside,
                }),
                Err(ro @ StoreError::Damaged { .. }) => Err(ro),
                Err(_) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// The files in database folder `db` that sled's format marks as incomplete: snapshot
/// files still named `snap.<n>.generating` (sled writes a snapshot under that name and
/// renames it to `snap.<n>` once it is complete and synced).
pub fn incomplete_files(db: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(db)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.starts_with("snap.") && n.ends_with(".generating")
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Moves the [`incomplete_files`] of `dir`'s database into a new side folder
/// `sled.incomplete-<time>` (kept, never deleted); returns it, or `None` when there
/// was nothing to move.
pub fn set_aside_incomplete(dir: &Path) -> Result<Option<PathBuf>> {
    let files = incomplete_files(&dir.join(DB_DIR));
    if files.is_empty() {
        return Ok(None);
    }
    let folder = restore::unused_name(dir, INCOMPLETE);
    super::create_private_dir(&folder)?;
    for f in &files {
        let to = folder.join(f.file_name().unwrap_or_default());
        restore::rename_retrying(f, &to).map_err(io_err(f))?;
    }
    atomic::sync_parent(&dir.join(DB_DIR).join("db"));
    atomic::sync_parent(&folder.join("x"));
    Ok(Some(folder))
}

/// The database is damaged: move it aside, rebuild the register from the newest good
/// backup that can be used without a passphrase, record the damage, open what is there.
fn fall_back(dir: &Path, why: Damage) -> Result<(Store, DamageReport)> {
    let damaged = restore::quarantine(dir)?;
    let mut restored = None;
    for path in backup::list_backups(&dir.join(BACKUP_DIR))
        .into_iter()
        .rev()
    {
        let Ok((snap, info)) = backup::load_backup(&path) else {
            continue;
        };
        if info.sealed || super::snapshot::is_figures_only(&snap) {
            // Sealed: only the user's passphrase can open it (they are told where it is).
            continue;
        }
        if let Ok(done) = restore::restore_snapshot(dir, &snap) {
            restored = Some(RestoredFrom {
                path,
                created_at: info.created_at,
                members: done.members,
            });
            break;
        }
    }
    let mut report = DamageReport {
        dir: dir.to_path_buf(),
        found_at: chrono::Utc::now().timestamp(),
        why,
        damaged,
        restored,
        newest_backup: None,
    };
    write_report(&report)?;
    let store = Store::open(dir)?;
    report.newest_backup = backup::newest_good_backup(&dir.join(BACKUP_DIR));
    Ok((store, report))
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io(format!("{}: {e}", path.display()))
}

/// One line of the report file: newlines would break its line format.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn write_report(r: &DamageReport) -> Result<()> {
    let mut text = format!("{DAMAGE_HEADER}\nfound {}\n", r.found_at);
    match &r.why {
        Damage::Sled(d) => text.push_str(&format!("sled {}\n", one_line(d))),
        Damage::Lost { saved, found } => text.push_str(&format!("lost {saved} {found}\n")),
    }
    if let Some(d) = &r.damaged {
        text.push_str(&format!("damaged {}\n", one_line(&d.display().to_string())));
    }
    if let Some(b) = &r.restored {
        text.push_str(&format!(
            "restored {} {} {}\n",
            b.created_at,
            b.members,
            one_line(&b.path.display().to_string())
        ));
    }
    let path = r.dir.join(DAMAGE_FILE);
    atomic::write_atomically(&path, text.as_bytes(), true, |_| Ok(())).map_err(io_err(&path))
}

/// The damage recorded in data directory `dir`, if the user has neither restored nor
/// dismissed it; with the newest good backup looked up now. An unreadable report file
/// still counts as damage (with what could be read of it): it is never ignored.
pub fn damage_report(dir: &Path) -> Option<DamageReport> {
    let text = fs::read_to_string(dir.join(DAMAGE_FILE)).ok()?;
    let mut r = DamageReport {
        dir: dir.to_path_buf(),
        found_at: 0,
        why: Damage::Sled(String::new()),
        damaged: None,
        restored: None,
        newest_backup: backup::newest_good_backup(&dir.join(BACKUP_DIR)),
    };
    for line in text.lines().skip_while(|l| *l == DAMAGE_HEADER) {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "found" => r.found_at = rest.trim().parse().unwrap_or(0),
            "sled" => r.why = Damage::Sled(rest.to_string()),
            "lost" => {
                let mut n = rest.split(' ').map(|x| x.parse().unwrap_or(0));
                r.why = Damage::Lost {
                    saved: n.next().unwrap_or(0),
                    found: n.next().unwrap_or(0),
                };
            }
            "damaged" => r.damaged = Some(PathBuf::from(rest)),
            "restored" => {
                let mut parts = rest.splitn(3, ' ');
                let created_at = parts.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                let members = parts.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                let path = PathBuf::from(parts.next().unwrap_or_default());
                r.restored = Some(RestoredFrom {
                    path,
                    created_at,
                    members,
                });
            }
            _ => {}
        }
    }
    Some(r)
}

impl Store {
    /// The damage recorded for this store's data directory (see [`damage_report`]).
    pub fn damage_report(&self) -> Option<DamageReport> {
        damage_report(&self.dir)
    }
}

/// Removes the damage report of `dir` (the user dismissed it, or restored a backup).
/// The damaged copy itself stays where the report said. `Ok(false)` if there was none.
pub fn dismiss_damage(dir: &Path) -> Result<bool> {
    let path = dir.join(DAMAGE_FILE);
    match fs::remove_file(&path) {
        Ok(()) => {
            atomic::sync_parent(&path);
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_err(&path)(e)),
    }
}

/// Restores backup file `file` into `dir` (the store must be closed) and, once it is
/// in place, removes the damage report: what the interactive session calls when the
/// user takes the restore the damage warning offers. Returns what the restore did.
pub fn restore_backup(dir: &Path, file: &Path) -> Result<restore::Restored> {
    let (snap, _) = backup::load_backup(file)?;
    if super::snapshot::is_figures_only(&snap) {
        return Err(StoreError::FiguresOnly);
    }
    let done = restore::restore_snapshot(dir, &snap)?;
    dismiss_damage(dir)?;
    Ok(done)
}

/// Where a read-only store's copy is made: memory-backed `/dev/shm` on Linux (a full
/// disk has no room for it), else the system's temporary folder.
fn scratch_dir() -> PathBuf {
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let name = format!(
        "sochibo-readonly-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let shm = Path::new("/dev/shm");
    if cfg!(target_os = "linux") && shm.is_dir() {
        return shm.join(name);
    }
    std::env::temp_dir().join(name)
}

/// Copies folder `from` into `to` (created), leaving out sled's incomplete snapshots.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    let skip = incomplete_files(from);
    for e in fs::read_dir(from)? {
        let e = e?;
        let path = e.path();
        if skip.contains(&path) {
            continue;
        }
        if e.file_type()?.is_dir() {
            copy_folder(&path, &to.join(e.file_name()))?;
        } else {
            fs::copy(&path, to.join(e.file_name()))?;
        }
    }
    Ok(())
}

/// Opens data directory `dir`, which cannot be written (`why`: the system's reason),
/// through a copy of its database in a scratch folder: everything can be read, and
/// every save is refused with `why` (nothing written to the copy would be kept). A copy
/// with acknowledged saves missing is [`StoreError::Damaged`], as for [`Store::open`].
pub fn open_read_only(dir: &Path, why: &str) -> Result<Store> {
    let live = dir.join(DB_DIR);
    if !live.is_dir() {
        return Err(StoreError::Open {
            path: dir.to_path_buf(),
            detail: why.to_string(),
        });
    }
    let scratch = scratch_dir();
    let guard = Scratch(scratch.clone());
    copy_folder(&live, &scratch).map_err(io_err(&scratch))?;
    let mut store = Store::open_at(dir, &scratch, false)?;
    let found = store.history_last()?;
    if let Some(saved) = super::read_stamp(dir)
        && found < saved
    {
        return Err(StoreError::Damaged {
            path: dir.to_path_buf(),
            why: Damage::Lost { saved, found },
        });
    }
    store.migrate(super::MIGRATIONS)?;
    store.read_only = Some(why.to_string());
    store.scratch = Some(guard);
    Ok(store)
}

/// Removes what killed runs left in data directory `dir`, once its database opened
/// (so none of it is the only good copy): restores' unfinished copies
/// (`sled.restoring-*`, and `sled.restored-*` beside a live database: each was built
/// from a backup file that is still there), temporary files of interrupted writes
/// (`*.sochibo-tmp` here and in `backups/`, `store.stamp.tmp-*`) of processes no longer
/// running, and all but the newest [`KEEP_BEFORE_RESTORE`] `sled.before-restore-*`
/// copies. Damaged copies and set-aside files are never removed. Best effort.
pub fn clean_leftovers(dir: &Path) {
    if !restore::has_database(dir) {
        return;
    }
    for stem in [RESTORING, RESTORED] {
        for folder in restore::named_folders(dir, stem) {
            let _ = fs::remove_dir_all(folder);
        }
    }
    let mut before = restore::named_folders(dir, BEFORE_RESTORE);
    while before.len() > KEEP_BEFORE_RESTORE {
        let _ = fs::remove_dir_all(before.remove(0));
    }
    atomic::clean_stale_temps(dir);
    atomic::clean_stale_temps(&dir.join(BACKUP_DIR));
    let stamp_tmp = format!("{STAMP_FILE}.tmp-");
    if let Ok(rd) = fs::read_dir(dir) {
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix(&stamp_tmp)
                && pid.parse::<u32>().is_ok_and(atomic::process_gone)
            {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn filled(dir: &Path, n: usize) {
        let s = Store::open(dir).unwrap();
        s.save_branch(&demo::demo_branch()).unwrap();
        for m in demo::demo_members(3, n, today()) {
            s.save_member(None, &m).unwrap();
        }
    }

    /// The snapshot files sled has written (`snap.<16 hex digits>`).
    fn snapshots(db: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(db)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("snap.") && !n.ends_with(".generating"))
            .collect();
        v.sort();
        v
    }

    /// A stray `snap.<last + 1>.generating`, as a kill during sled's snapshot leaves.
    fn stray_snapshot(db: &Path) -> PathBuf {
        let last = snapshots(db).pop().expect("sled wrote a snapshot");
        let n = u64::from_str_radix(&last["snap.".len()..], 16).unwrap();
        let stray = db.join(format!("snap.{:016X}.generating", n + 1));
        fs::write(&stray, b"").unwrap();
        stray
    }

    #[test]
    fn a_stray_generating_snapshot_is_set_aside_and_every_member_is_there() {
        let dir = tempfile::tempdir().unwrap();
        filled(dir.path(), 7);
        drop(Store::open(dir.path()).unwrap());
        let stray = stray_snapshot(&dir.path().join(DB_DIR));
        // sled itself refuses the whole database (spacejam/sled#1527).
        assert!(matches!(
            Store::open(dir.path()),
            Err(StoreError::Damaged { .. })
        ));
        let opened = open(dir.path()).unwrap();
        assert!(opened.damage.is_none());
        assert_eq!(opened.store.members().unwrap().len(), 7);
        let aside = opened.set_aside.unwrap();
        assert!(aside.join(stray.file_name().unwrap()).exists(), "kept");
        assert!(!stray.exists());
        assert!(damage_report(dir.path()).is_none());
    }

    #[test]
    fn a_damaged_store_falls_back_to_the_newest_good_backup_and_says_so_until_dismissed() {
        let dir = tempfile::tempdir().unwrap();
        filled(dir.path(), 5);
        {
            let s = Store::open(dir.path()).unwrap();
            s.auto_backup(true).unwrap().unwrap();
            s.save_member(None, &demo::demo_members(4, 1, today())[0])
                .unwrap();
        }
        fs::write(dir.path().join(DB_DIR).join("conf"), b"\x00garbage\xff").unwrap();
        let opened = open(dir.path()).unwrap();
        let report = opened.damage.clone().unwrap();
        assert_eq!(opened.store.members().unwrap().len(), 5, "the backup's 5");
        let restored = report.restored.clone().unwrap();
        assert_eq!(restored.members, 5);
        let damaged = report.damaged.clone().unwrap();
        assert!(damaged.join("conf").exists(), "the damaged copy is kept");
        drop(opened);
        // Every later open says so, with the same facts.
        let again = open(dir.path()).unwrap();
        assert!(again.damage.is_none(), "not found again: recorded");
        let later = again.store.damage_report().unwrap();
        assert_eq!(later.damaged, Some(damaged));
        assert_eq!(later.restored, Some(restored));
        assert_eq!(later.why, report.why);
        assert!(later.newest_backup.is_some());
        assert!(dismiss_damage(dir.path()).unwrap());
        assert!(again.store.damage_report().is_none());
        assert!(!dismiss_damage(dir.path()).unwrap());
    }

    #[test]
    fn damage_without_a_backup_is_recorded_as_an_empty_start() {
        let dir = tempfile::tempdir().unwrap();
        filled(dir.path(), 3);
        fs::write(dir.path().join(DB_DIR).join("conf"), b"\x00garbage\xff").unwrap();
        let opened = open(dir.path()).unwrap();
        assert!(opened.store.is_blank().unwrap());
        drop(opened);
        let r = damage_report(dir.path()).unwrap();
        assert!(r.started_empty());
        assert!(matches!(r.why, Damage::Sled(_)));
        assert!(r.newest_backup.is_none());
    }

    #[test]
    fn a_read_only_copy_reads_everything_and_refuses_every_save() {
        let dir = tempfile::tempdir().unwrap();
        filled(dir.path(), 4);
        let s = open_read_only(dir.path(), "Read-only file system (os error 30)").unwrap();
        assert_eq!(s.members().unwrap().len(), 4);
        assert_eq!(
            s.read_only_reason(),
            Some("Read-only file system (os error 30)")
        );
        let m = &demo::demo_members(9, 1, today())[0];
        s.flush().unwrap();
        assert!(s.auto_backup(true).unwrap().is_none());
        match s.save_member(None, m) {
            Err(StoreError::Io(d)) => assert!(d.contains("os error 30"), "{d}"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(s.save_branch(&demo::demo_branch()).is_err());
        assert!(s.delete_member(s.members().unwrap()[0].0).is_err());
        let scratch = s.scratch.as_ref().unwrap().0.clone();
        assert!(scratch.exists());
        drop(s);
        assert!(!scratch.exists(), "the scratch copy is removed");
        // Nothing reached the real data.
        assert_eq!(Store::open(dir.path()).unwrap().members().unwrap().len(), 4);
    }

    #[test]
    fn leftovers_of_killed_runs_are_cleaned_but_not_damaged_copies() {
        let dir = tempfile::tempdir().unwrap();
        filled(dir.path(), 2);
        let d = dir.path();
        for name in [
            "sled.restoring-20261201-100000",
            "sled.restored-20261201-100001",
            "sled.before-restore-20261201-090000",
            "sled.before-restore-20261202-090000",
            "sled.before-restore-20261202-090000-2",
            "sled.before-restore-20261203-090000",
            "sled.damaged-20261101-080000",
            "sled.incomplete-20261101-080000",
        ] {
            fs::create_dir_all(d.join(name)).unwrap();
            fs::write(d.join(name).join("db"), b"x").unwrap();
        }
        fs::create_dir_all(d.join(BACKUP_DIR)).unwrap();
        // No process has a PID that large: leftovers of processes that are gone.
        let dead = [
            d.join("store.stamp.tmp-999999999"),
            d.join(".export.csv.999999999.sochibo-tmp"),
            d.join(BACKUP_DIR)
                .join(".sochibo-20261201-1.scb.999999999.sochibo-tmp"),
        ];
        for f in &dead {
            fs::write(f, b"partial").unwrap();
        }
        let mine = d.join(format!(".x.scb.{}.sochibo-tmp", std::process::id()));
        fs::write(&mine, b"in use").unwrap();
        drop(open(d).unwrap());
        let mut left: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                format!(".x.scb.{}.sochibo-tmp", std::process::id()).as_str(),
                "backups",
                "keys-moved-v2.seen",
                "sled",
                "sled.before-restore-20261202-090000-2",
                "sled.before-restore-20261203-090000",
                "sled.damaged-20261101-080000",
                "sled.incomplete-20261101-080000",
                "store.stamp",
            ]
        );
        assert!(fs::read_dir(d.join(BACKUP_DIR)).unwrap().next().is_none());
    }

    #[test]
    fn a_restore_killed_between_its_two_renames_is_finished_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        filled(&d.join("src"), 6);
        let snap = Store::open(&d.join("src")).unwrap().snapshot().unwrap();
        let data = d.join("data");
        filled(&data, 2);
        restore::restore_snapshot(&data, &snap).unwrap();
        // Undo the last rename by hand: the state a kill between the renames leaves.
        fs::rename(
            data.join(DB_DIR),
            data.join("sled.restored-20261205-120000"),
        )
        .unwrap();
        fs::remove_file(data.join(STAMP_FILE)).unwrap();
        let opened = open(&data).unwrap();
        assert_eq!(opened.store.members().unwrap().len(), 6);
        assert!(restore::named_folders(&data, RESTORED).is_empty());
    }
}
