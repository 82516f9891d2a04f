//! Backups, restore and damaged data on the command line (issue 8): `sochibo backup`,
//! `sochibo restore`, what the program says and does when the data cannot be read, and
//! the hidden `__stress-writer` used by the crash tests. Kept in its own file so that it
//! merges easily with other work on `cli/mod.rs`.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::error::{StuckDamage, aside_line, backup_hint_line, restore_command};
use super::{Args, CliError, data_dir};
use crate::app::App;
use crate::app::keymap::Keymap;
use crate::domain::member::{Member, MemberId};
use crate::domain::text;
use crate::i18n::recovery::{self, RecoveryText as R};
use crate::i18n::{self, Cli as C, Lang};
use crate::store::backup::{self, BACKUP_DIR, BackupInfo};
use crate::store::recover::{self, DamageReport};
use crate::store::restore::{self, has_database};
use crate::store::seal::{self, KeyringV1, Sealer};
use crate::store::{Damage, MIGRATIONS, Store, StoreError};

/// The subcommands of this module (flattened into [`super::Command`]).
#[derive(Debug, Subcommand)]
pub enum SafetyCommand {
    /// Write one verified backup file (-o FILE, or a folder such as a USB stick).
    ///
    /// By default `sochibo-<branch>-<time>.scb` in the current folder. An existing file
    /// is replaced only if it is an older backup of the same branch.
    Backup {
        /// Output file, or a folder to put the default name in.
        #[arg(short, long, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
    },
    /// Restore a backup file (checked first; current data is backed up and kept).
    ///
    /// A damaged, truncated or foreign file is refused and nothing changes. Data already
    /// in the data directory is backed up to `backups/`, kept aside as
    /// `sled.before-restore-<time>`, and you are asked before it is replaced.
    Restore {
        /// The backup file (.scb).
        file: PathBuf,
        /// Do not ask (needed when there is no terminal, e.g. in scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Turn encryption on: asks a new passphrase twice and shows a recovery code once.
    ///
    /// Every record, the history and the automatic backups are sealed; from then on the
    /// program asks the passphrase (or the recovery code) before opening the data.
    Encrypt,
    /// Turn encryption off (asks the passphrase or the recovery code).
    Decrypt,
    /// Stop the warning about damaged data shown at every start (the damaged copy is
    /// kept where the warning said; restoring a backup also stops it).
    #[command(name = "dismiss-damage")]
    DismissDamage,
    /// TEST ONLY, hidden from help: saves members one by one with `Store::save_member`
    /// and prints `try <id|new> <name>` before and `ack <id> <name>` right after each
    /// save returned (that is, after it was flushed), for the crash and disk-full tests
    /// (`tests/kill.rs`, `tests/faults.rs`), which kill it or starve it of disk space.
    /// Every fourth step edits an earlier member of the same run instead of adding one.
    #[command(name = "__stress-writer", hide = true)]
    StressWriter {
        /// How many saves (default: until killed or a save fails).
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
        /// Start of the generated names, to tell runs apart.
        #[arg(long, default_value = "w")]
        prefix: String,
    },
}

/// Runs one of this module's subcommands.
pub(super) fn run(args: &Args, lang: Lang, cmd: &SafetyCommand) -> Result<(), CliError> {
    let dir = data_dir(args.data.as_deref());
    match cmd {
        SafetyCommand::Backup { output } => cmd_backup(&dir, lang, output.as_deref()),
        SafetyCommand::Restore { file, yes } => restore_flow(&dir, lang, file, *yes),
        SafetyCommand::StressWriter { count, prefix } => stress_writer(&dir, *count, prefix),
        SafetyCommand::Encrypt => cmd_encrypt(&dir, lang),
        SafetyCommand::Decrypt => cmd_decrypt(&dir, lang),
        SafetyCommand::DismissDamage => cmd_dismiss_damage(&dir, lang),
    }
}

// ---------------------------------------------------------------------------------------
// Opening, with damaged data explained

/// Opens the store for any command (see [`recover::open`]): files of an interrupted
/// snapshot are set aside, a damaged database is moved aside (never deleted) and the
/// register rebuilt from the newest good backup, read-only data is opened for reading.
/// Every start says so on stderr until the damage is restored or dismissed; a command
/// is refused while the register is empty because of the damage. Saves made through
/// the store leave an automatic backup when it closes.
pub(crate) fn open_store_explained(dir: &Path, lang: Lang) -> Result<Store, CliError> {
    let store = match recover::open(dir) {
        Ok(opened) => opened.store,
        Err(error @ StoreError::Damaged { .. }) => {
            // Damaged where nothing could be moved or rebuilt (a read-only medium).
            let aside = restore::quarantine(dir);
            let newest = backup::newest_good_backup(&dir.join(BACKUP_DIR));
            return Err(CliError::DamagedStuck(Box::new(StuckDamage {
                dir: dir.to_path_buf(),
                error,
                aside,
                newest,
            })));
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(why) = store.read_only_reason() {
        eprintln!("{}", read_only_line(dir, why, lang));
    }
    if let Some(report) = store.damage_report() {
        for line in damage_lines(&report, lang) {
            eprintln!("{line}");
        }
        if report.started_empty() && store.is_blank().unwrap_or(false) {
            return Err(CliError::EmptyAfterDamage);
        }
    }
    unlock_store(&store, lang)?;
    store.backup_on_close();
    Ok(store)
}

/// The line saying that data directory `dir` can only be read, and why.
pub fn read_only_line(dir: &Path, why: &str, lang: Lang) -> String {
    recovery::catalogue(lang).text(R::ReadOnly(&dir.display().to_string(), why))
}

/// The lines of a damage warning, in the user's language: what was found and when,
/// where the damaged copy is, the backup the register was rebuilt from (or that it is
/// empty), the newest good backup with the command that restores it, and the command
/// that dismisses the warning. The interactive session shows the same lines.
pub fn damage_lines(r: &DamageReport, lang: Lang) -> Vec<String> {
    let (c, rc) = (lang.cat(), recovery::catalogue(lang));
    let time = crate::ui::history::local_time;
    let dir = r.dir.display().to_string();
    let sled = match &r.why {
        Damage::Sled(d) => Some(d.as_str()),
        Damage::Lost { .. } => None,
    };
    let mut lines = vec![rc.text(R::DamageFound(&dir, &time(r.found_at), sled))];
    if let Some(p) = &r.damaged {
        lines.push(rc.text(R::DamagedKept(&p.display().to_string())));
    }
    match &r.restored {
        Some(b) => lines.push(rc.text(R::RestoredFrom(
            &b.path.display().to_string(),
            b.members,
            &time(b.created_at),
        ))),
        None => lines.push(rc.text(R::StartedEmpty)),
    }
    match &r.newest_backup {
        Some(info) if r.restored.as_ref().is_none_or(|b| b.path != info.path) => {
            lines.push(c.cli(C::NewestBackup(
                &info.path.display().to_string(),
                info.members,
                &time(info.created_at),
                &restore_command(&r.dir, &info.path),
            )));
        }
        Some(_) => {}
        None => lines.push(c.cli(C::NoGoodBackup(
            &r.dir.join(BACKUP_DIR).display().to_string(),
        ))),
    }
    lines.push(rc.text(R::HowToDismiss(&dismiss_command(&r.dir))));
    lines
}

/// The exact command that dismisses the damage warning of `dir`.
pub fn dismiss_command(dir: &Path) -> String {
    format!("sochibo dismiss-damage --data \"{}\"", dir.display())
}

fn cmd_dismiss_damage(dir: &Path, lang: Lang) -> Result<(), CliError> {
    let rc = recovery::catalogue(lang);
    let Some(report) = recover::damage_report(dir) else {
        println!(
            "{}",
            rc.text(R::NothingToDismiss(&dir.display().to_string()))
        );
        return Ok(());
    };
    recover::dismiss_damage(dir)?;
    let kept = report.damaged.map(|p| p.display().to_string());
    println!("{}", rc.text(R::Dismissed(kept.as_deref())));
    Ok(())
}

/// Moves the damaged database aside; the line saying where (or why it could not).
fn put_aside(dir: &Path, lang: Lang) -> Option<String> {
    aside_line(lang, &restore::quarantine(dir))
}

/// The newest good automatic backup and the text naming it with its restore command.
fn backup_hint(dir: &Path, lang: Lang) -> (String, Option<BackupInfo>) {
    let newest = backup::newest_good_backup(&dir.join(BACKUP_DIR));
    (backup_hint_line(dir, lang, newest.as_ref()), newest)
}

/// Whether a typed answer agrees: "co", "có" or "yes" (any case or accents).
fn agrees(answer: &str) -> bool {
    matches!(text::fold(answer.trim()).as_str(), "co" | "yes")
}

/// Asks on the terminal; `None` if there is none (or nothing could be read).
fn ask(question: &str) -> Option<String> {
    if !io::stdin().is_terminal() {
        return None;
    }
    eprint!("{question}");
    let _ = io::stderr().flush();
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line).ok()?;
    Some(line)
}

/// Opens the store (see [`recover::open`]) and builds the app for the interactive
/// session. Before the terminal changes mode this says, in the user's language, that the
/// data can only be read, or that a record cannot be read (then, on a terminal, it
/// offers to restore the newest good backup, `co`/`yes`, and the session starts on the
/// restored data). Data found damaged (at this start or an earlier one not yet restored
/// or dismissed) is said by the home screen, which restores the newest good backup on
/// one key (see `app::screens::home`); without a terminal it is said here and the
/// session does not start.
pub(super) fn start_app(
    dir: &Path,
    lang: Lang,
    keymap: Keymap,
    today: chrono::NaiveDate,
    prepare: impl Fn(&Store) -> Result<(), CliError>,
) -> Result<App, CliError> {
    let c = lang.cat();
    let (problem, offer) = match recover::open(dir) {
        Ok(opened) => {
            let store = opened.store;
            if let Some(why) = store.read_only_reason() {
                eprintln!("{}", read_only_line(dir, why, lang));
            }
            // Damage found now or earlier: without a terminal it is said here; in the
            // session the home screen says it and offers the restore on one key.
            if let Some(report) = store.damage_report()
                && !io::stdin().is_terminal()
            {
                for line in damage_lines(&report, lang) {
                    eprintln!("{line}");
                }
                return Err(CliError::Reported);
            }
            unlock_store(&store, lang)?;
            prepare(&store)?;
            match App::new(store, lang, keymap.clone(), today) {
                Ok(app) => return Ok(app),
                Err(e @ StoreError::Corrupt { .. }) => (vec![i18n::store_error(lang, &e)], true),
                Err(e) => return Err(e.into()),
            }
        }
        Err(e @ StoreError::Damaged { .. }) => {
            let mut lines = vec![i18n::store_error(lang, &e)];
            lines.extend(put_aside(dir, lang));
            (lines, true)
        }
        Err(e) => return Err(e.into()),
    };
    for line in &problem {
        eprintln!("{line}");
    }
    let (hint, newest) = if problem.is_empty() {
        (
            String::new(),
            backup::newest_good_backup(&dir.join(BACKUP_DIR)),
        )
    } else {
        backup_hint(dir, lang)
    };
    if !hint.is_empty() {
        eprintln!("{hint}");
    }
    let Some(info) = newest.filter(|_| offer) else {
        return Err(CliError::Reported);
    };
    match ask(&c.cli(C::OfferRestore)) {
        Some(answer) if agrees(&answer) => {}
        _ => return Err(CliError::Cancelled),
    }
    restore_flow(dir, lang, &info.path, true)?;
    let store = Store::open(dir)?;
    unlock_store(&store, lang)?;
    Ok(App::new(store, lang, keymap, today)?)
}

// ---------------------------------------------------------------------------------------
// sochibo backup

/// Whether a backup may be written at `target`: `Ok(true)` if it replaces an older
/// backup of the same branch (or a damaged backup file), `Ok(false)` if nothing is there.
/// Anything else there (another program's file, another branch's backup) is refused.
fn check_target(
    target: &Path,
    branch: Option<&str>,
    sealer: Option<&Sealer>,
) -> Result<bool, CliError> {
    let bytes = match std::fs::read(target) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(CliError::Read {
                file: target.to_path_buf(),
                source,
            });
        }
    };
    if !backup::looks_like_backup(&bytes) {
        return Err(CliError::BackupTargetForeign(target.to_path_buf()));
    }
    // A sealed backup is compared only if our key opens it; one it does not open may
    // belong to another branch and is never replaced.
    let read = match backup::read_backup(target) {
        Ok(info) if info.sealed => Some(
            backup::load_backup_with(target, sealer)
                .ok()
                .filter(|(_, i)| sealer.is_some() && i.sealed)
                .map(|(_, i)| i.branch),
        ),
        Ok(info) => Some(Some(info.branch)),
        Err(_) => None,
    };
    match read {
        Some(Some(b)) if b.as_deref() == branch => Ok(true),
        Some(other) => {
            let branch = other.flatten().unwrap_or_else(|| "?".into());
            Err(CliError::BackupTargetOtherBranch {
                file: target.to_path_buf(),
                branch,
            })
        }
        None => Ok(true),
    }
}

fn cmd_backup(dir: &Path, lang: Lang, output: Option<&Path>) -> Result<(), CliError> {
    let c = lang.cat();
    if !has_database(dir) {
        return Err(CliError::BackupNoData(dir.to_path_buf()));
    }
    let store = open_store_explained(dir, lang)?;
    let branch = store.branch()?.map(|b| b.name);
    let name = backup::default_name(branch.as_deref(), chrono::Local::now());
    let target = match output {
        None => PathBuf::from(name),
        Some(p) if p.is_dir() => p.join(name),
        Some(p) => p.to_path_buf(),
    };
    let shown = target.display().to_string();
    let replacing = check_target(&target, branch.as_deref(), store.sealer())?;
    let info = store
        .write_backup(&target)
        .map_err(|source| CliError::BackupWrite {
            file: target.clone(),
            source,
        })?;
    println!(
        "{}",
        c.cli(C::BackupWritten(info.members, &shown, info.bytes))
    );
    if replacing {
        println!("{}", c.cli(C::BackupReplaced(&shown)));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// sochibo restore

/// Restores `file` into `dir`: checks the file first (nothing changes if it is damaged,
/// truncated or foreign); into an empty directory it restores at once; over data it
/// first backs that data up to `backups/`, then asks (unless `confirmed`), and refuses
/// without a terminal. The replaced database folder is kept as `sled.before-restore-*`.
pub(crate) fn restore_flow(
    dir: &Path,
    lang: Lang,
    file: &Path,
    confirmed: bool,
) -> Result<(), CliError> {
    let c = lang.cat();
    let shown = file.display().to_string();
    let shown_dir = dir.display().to_string();
    let bad_file = |source| CliError::RestoreBadFile {
        file: file.to_path_buf(),
        source,
    };
    let (snap, mut info) = backup::load_backup(file).map_err(bad_file)?;
    if crate::store::snapshot::is_figures_only(&snap) {
        return Err(StoreError::FiguresOnly.into());
    }
    // A sealed backup restores only with its passphrase or recovery code, and is fully
    // checked with it before anything changes.
    let sealer = match seal::keyring_of(&snap.trees) {
        None => None,
        Some(Err(source)) => {
            return Err(CliError::RestoreBadKeyring {
                file: file.to_path_buf(),
                source,
            });
        }
        Some(Ok(keyring)) => {
            let sealer = unlock_keyring(&keyring, lang)?;
            let (members, branch) =
                backup::check_snapshot(&snap, Some(&sealer), true).map_err(bad_file)?;
            info.members = members;
            info.branch = branch;
            Some(sealer)
        }
    };
    let supported = MIGRATIONS.len() as u32 + 1;
    if snap.schema_version > supported {
        let e = StoreError::NewerSchema {
            found: snap.schema_version,
            supported,
        };
        return Err(e.into());
    }

    let current = if has_database(dir) {
        match Store::open(dir) {
            Ok(s) if s.is_blank().unwrap_or(false) => None,
            Ok(s) => Some(s),
            Err(e @ StoreError::Damaged { .. }) => {
                eprintln!("{}", i18n::store_error(lang, &e));
                if let Some(line) = put_aside(dir, lang) {
                    eprintln!("{line}");
                }
                None
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };

    if let Some(store) = current {
        let n = store.member_count();
        if !confirmed && !io::stdin().is_terminal() {
            return Err(CliError::RestoreNeedsYes {
                dir: dir.to_path_buf(),
                members: n,
            });
        }
        let folder = dir.join(BACKUP_DIR);
        let safety = folder.join(format!(
            "sochibo-{}-truoc-phuc-hoi.{}",
            chrono::Local::now().format("%Y%m%d-%H%M%S"),
            backup::EXTENSION
        ));
        crate::store::create_private_dir(&folder)
            .and_then(|()| store.write_backup_unchecked(&safety))
            .map_err(CliError::RestoreFailed)?;
        println!(
            "{}",
            c.cli(C::RestoreSafetyBackup(&safety.display().to_string()))
        );
        if !confirmed {
            let question = c.cli(C::RestoreConfirm(
                &shown_dir,
                n,
                &shown,
                info.members,
                &crate::ui::history::local_time(info.created_at),
            ));
            match ask(&question) {
                Some(answer) if agrees(&answer) => {}
                _ => return Err(CliError::RestoreCancelled),
            }
        }
        drop(store);
    }

    let done = restore::restore_snapshot_with(dir, &snap, sealer.as_ref())
        .map_err(CliError::RestoreFailed)?;
    // The user restored: the damage warning, if any, has been answered.
    let _ = recover::dismiss_damage(dir);
    println!("{}", c.cli(C::Restored(done.members, &shown, &shown_dir)));
    if let Some(previous) = done.previous {
        println!(
            "{}",
            c.cli(C::RestorePrevious(&previous.display().to_string()))
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Passphrases, sochibo encrypt, sochibo decrypt

static PASSPHRASE_FILE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Remembers `--passphrase-file` for every place that needs the passphrase.
pub(super) fn set_passphrase_file(path: Option<PathBuf>) {
    let _ = PASSPHRASE_FILE.set(path);
}

fn passphrase_file() -> Option<&'static PathBuf> {
    PASSPHRASE_FILE.get().and_then(Option::as_ref)
}

/// Reads a line from the terminal without showing it (raw mode, so nothing is echoed);
/// `None` without a terminal or when cancelled with Esc or Ctrl-C.
fn read_hidden(prompt: &str) -> Option<String> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    struct Raw;
    impl Drop for Raw {
        fn drop(&mut self) {
            let _ = crossterm::terminal::disable_raw_mode();
            eprintln!();
        }
    }
    if !io::stdin().is_terminal() {
        return None;
    }
    eprint!("{prompt}");
    let _ = io::stderr().flush();
    crossterm::terminal::enable_raw_mode().ok()?;
    let _raw = Raw;
    let mut typed = String::new();
    loop {
        match event::read().ok()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => return Some(typed),
                KeyCode::Esc => return None,
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => return None,
                KeyCode::Backspace => {
                    typed.pop();
                }
                KeyCode::Char(ch) => typed.push(ch),
                _ => {}
            },
            Event::Paste(p) => typed.push_str(&p),
            _ => {}
        }
    }
}

/// The first line of the `--passphrase-file`, if one was given.
fn secret_from_file() -> Option<Result<String, CliError>> {
    let path = passphrase_file()?;
    Some(
        std::fs::read_to_string(path)
            .map(|t| t.lines().next().unwrap_or_default().to_string())
            .map_err(|source| CliError::PassphraseFile {
                file: path.clone(),
                source,
            }),
    )
}

/// Unlocks a keyring with the passphrase file, or by asking on the terminal (three
/// tries). A wrong secret is a clear message; nothing is written either way.
fn unlock_keyring(keyring: &KeyringV1, lang: Lang) -> Result<Sealer, CliError> {
    let c = lang.cat();
    if let Some(secret) = secret_from_file() {
        return keyring
            .unlock(&secret?)
            .map_err(CliError::PassphraseRefused);
    }
    if !io::stdin().is_terminal() {
        return Err(CliError::PassphraseNeedsTerminal);
    }
    for attempt in 1..=3 {
        let Some(secret) = read_hidden(&c.cli(C::UnlockPrompt)) else {
            return Err(CliError::Cancelled);
        };
        match keyring.unlock(&secret) {
            Ok(s) => return Ok(s),
            Err(e) if attempt == 3 => return Err(CliError::PassphraseRefused(e)),
            Err(e) => eprintln!("{}", i18n::store_error(lang, &e)),
        }
    }
    Err(CliError::Cancelled)
}

/// Unlocks an encrypted store (nothing to do for one that is not).
pub(crate) fn unlock_store(store: &Store, lang: Lang) -> Result<(), CliError> {
    if store.is_unlocked() {
        return Ok(());
    }
    let keyring = store.keyring()?.ok_or(StoreError::Locked)?;
    let sealer = unlock_keyring(&keyring, lang)?;
    store.unlock_with_sealer(&sealer);
    Ok(())
}

/// A new passphrase: from the file, or typed twice on the terminal.
fn new_passphrase(lang: Lang) -> Result<String, CliError> {
    let c = lang.cat();
    let pass = match secret_from_file() {
        Some(p) => p?,
        None => {
            if !io::stdin().is_terminal() {
                return Err(CliError::PassphraseNeedsTerminal);
            }
            let first = read_hidden(&c.cli(C::NewPassphrase)).ok_or(CliError::Cancelled)?;
            let again = read_hidden(&c.cli(C::NewPassphraseAgain)).ok_or(CliError::Cancelled)?;
            if first != again {
                return Err(CliError::PassphraseMismatch);
            }
            first
        }
    };
    if pass.trim().chars().count() < seal::MIN_PASSPHRASE {
        return Err(CliError::PassphraseTooShort(seal::MIN_PASSPHRASE));
    }
    Ok(pass)
}

/// Folders and files in the data directory that may still hold data in clear: database
/// folders kept aside by earlier restores or damage, and backups that could not be sealed.
fn clear_copies(dir: &Path, skipped: &[PathBuf]) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.starts_with("sled.before-restore-") || n.starts_with("sled.damaged-")
                })
                .map(|e| e.path().display().to_string())
                .collect()
        })
        .unwrap_or_default();
    out.extend(skipped.iter().map(|p| p.display().to_string()));
    out.sort();
    out
}

/// Rebuilds the database in `dir` from `trees` (all or nothing, verified, see
/// [`restore::restore_snapshot_with`]) and deletes the folder it replaced: that folder
/// holds the same records in the other form (in clear, when encrypting).
fn rewrite_store(
    dir: &Path,
    store: Store,
    trees: Vec<seal::Tree>,
    sealer: Option<&Sealer>,
) -> Result<Option<PathBuf>, CliError> {
    let snap = store.snapshot()?;
    drop(store);
    let snap = crate::store::snapshot::SnapshotV1 { trees, ..snap };
    let done = restore::restore_snapshot_with(dir, &snap, sealer).map_err(CliError::Rewrite)?;
    // On Windows sled's threads may hold the old files a moment after the store closed.
    let deadline = std::time::Instant::now() + crate::store::LOCK_WAIT;
    Ok(done.previous.and_then(|p| {
        loop {
            match std::fs::remove_dir_all(&p) {
                Ok(()) => return None,
                Err(_) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(_) => return Some(p),
            }
        }
    }))
}

fn cmd_encrypt(dir: &Path, lang: Lang) -> Result<(), CliError> {
    let c = lang.cat();
    let store = open_store_explained(dir, lang)?;
    if store.is_sealed() {
        return Err(CliError::AlreadyEncrypted);
    }
    let pass = new_passphrase(lang)?;
    let (keyring, sealer, code) = KeyringV1::create(&pass)?;
    let members = store.member_count();
    let snap = store.snapshot()?;
    let trees = seal::reseal_trees(&snap.trees, None, Some(&sealer), Some(&keyring))?;
    let left = rewrite_store(dir, store, trees, Some(&sealer))?;
    let (sealed, skipped) = backup::seal_backups_in(&dir.join(BACKUP_DIR), &sealer, &keyring);
    let shown = dir.display().to_string();
    println!("{}", c.cli(C::Encrypted(members, &shown)));
    if sealed > 0 {
        println!("{}", c.cli(C::BackupsSealed(sealed)));
    }
    println!();
    println!("{}", c.cli(C::RecoveryCode(&code)));
    let mut clear = clear_copies(dir, &skipped);
    clear.extend(left.map(|p| p.display().to_string()));
    if !clear.is_empty() {
        println!();
        println!("{}", c.cli(C::ClearCopiesLeft(&clear.join(", "))));
    }
    Ok(())
}

fn cmd_decrypt(dir: &Path, lang: Lang) -> Result<(), CliError> {
    let c = lang.cat();
    let store = open_store_explained(dir, lang)?;
    let Some(sealer) = store.sealer().cloned() else {
        return Err(CliError::NotEncrypted);
    };
    let members = store.member_count();
    let snap = store.snapshot()?;
    let trees = seal::reseal_trees(&snap.trees, Some(&sealer), None, None)?;
    rewrite_store(dir, store, trees, None)?;
    println!(
        "{}",
        c.cli(C::Decrypted(members, &dir.display().to_string()))
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// __stress-writer (tests only)

fn stress_writer(dir: &Path, count: u64, prefix: &str) -> Result<(), CliError> {
    let store = Store::open(dir)?;
    let mut out = io::stdout().lock();
    let mut say = |line: String| -> Result<(), CliError> {
        writeln!(out, "{line}")
            .and_then(|()| out.flush())
            .map_err(CliError::stdout)
    };
    let mut added: Vec<MemberId> = Vec::new();
    for i in 0..count {
        let edit = (i % 4 == 3).then(|| added.get((i as usize * 7) % added.len().max(1)));
        let (id, name) = match edit.flatten() {
            Some(id) => (Some(*id), format!("{prefix} {i} sửa")),
            None => (None, format!("{prefix} {i}")),
        };
        let m = Member {
            full_name: name.clone(),
            notes: format!("{name}: {}", "ghi chú ".repeat(20 + (i % 150) as usize)),
            ..Member::default()
        };
        let shown_id = id.map_or_else(|| "new".to_string(), |id| id.to_string());
        say(format!("try {shown_id} {name}"))?;
        let saved = store.save_member(id, &m)?;
        say(format!("ack {saved} {name}"))?;
        if id.is_none() {
            added.push(saved);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_words() {
        for yes in ["co", "có", "Có\n", " CO ", "yes", "YES"] {
            assert!(agrees(yes), "{yes:?}");
        }
        for no in ["", "\n", "c", "không", "no", "y", "coo"] {
            assert!(!agrees(no), "{no:?}");
        }
    }
}
