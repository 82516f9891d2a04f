//! Writing a whole file or nothing: a temporary file beside the target, synced, checked,
//! then renamed over the target. On any failure (disk full, read-only, unplugged USB
//! stick) the temporary file is removed and the target is left as it was, so no
//! half-written file ever carries the real name.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary name used while writing `path`: hidden, beside it, unique to this
/// process, and never the name of a file a user would have (`.NAME.PID.sochibo-tmp`).
pub fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a file name", path.display()),
        )
    })?;
    let tmp = format!(
        ".{}.{}{TEMP_SUFFIX}",
        name.to_string_lossy(),
        std::process::id()
    );
    Ok(path.with_file_name(tmp))
}

/// Suffix of the temporary files of [`temp_path`].
pub const TEMP_SUFFIX: &str = ".sochibo-tmp";
/// How old a temporary file must be before it counts as left behind where it cannot
/// be told whether its process still runs.
const STALE_SECS: u64 = 24 * 60 * 60;

/// Whether process `pid` has ended (so a temporary file it named is left behind):
/// on Linux, whether `/proc/<pid>` is gone; elsewhere unknown, so `false`. Our own
/// process never counts as gone.
pub fn process_gone(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists()
}

/// Removes from `dir` the temporary files of [`temp_path`] that a killed write left:
/// those whose process has ended, or (where that cannot be told) older than a day. A
/// temporary file never holds the only copy of anything: it takes its real name only
/// once complete and checked. Best effort.
pub fn clean_stale_temps(dir: &Path) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
            .and_then(|n| n.rsplit_once('.'))
            .and_then(|(_, pid)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let old = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= STALE_SECS);
        if pid != std::process::id() && (process_gone(pid) || old) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes `bytes` to `path` atomically. `private` makes the file owner-only on Unix
/// (backups hold personal data). `check` runs on the synced temporary file before it is
/// renamed into place; an error there also leaves the target untouched.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    private: bool,
    check: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = temp_path(path)?;
    // Temporary files of earlier writes that were killed (on a USB stick, say).
    if let Some(parent) = path.parent() {
        clean_stale_temps(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        });
    }
    let result = write_then_rename(&tmp, path, bytes, private, check);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_rename(
    tmp: &Path,
    path: &Path,
    bytes: &[u8],
    private: bool,
    check: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    // A leftover of this very name can only be from an earlier run of ours that died.
    let _ = fs::remove_file(tmp);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    {
        let mut f = options.open(tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    check(tmp)?;
    fs::rename(tmp, path)?;
    sync_parent(path);
    Ok(())
}

/// Makes a rename in `path`'s folder durable (Unix; best effort: some file systems of
/// USB sticks refuse to sync a folder, and the file itself is already synced).
pub fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let _ = fs::File::open(parent).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Writes an exported file atomically (temporary file, sync, rename), so an interrupted
/// export never leaves half a file under the real name.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically(path, bytes, false, |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_and_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write_atomically(&p, b"one", false, |_| Ok(())).unwrap();
        write_atomically(&p, b"two", false, |_| Ok(())).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    #[test]
    fn a_failed_check_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.scb");
        fs::write(&p, b"old").unwrap();
        let err = write_atomically(&p, b"new", true, |_| Err(io::Error::other("bad"))).unwrap_err();
        assert_eq!(err.to_string(), "bad");
        assert_eq!(fs::read(&p).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["b.scb"]);
    }

    #[test]
    fn a_user_file_named_like_the_old_temporary_is_never_touched() {
        // The old writers used `NAME.tmp` / `NAME.tmp-sochibo`, which could be a user's file.
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.tmp"), b"mine").unwrap();
        write_atomically(&dir.path().join("x.scb"), b"b", false, |_| Ok(())).unwrap();
        assert_eq!(fs::read(dir.path().join("x.tmp")).unwrap(), b"mine");
    }

    #[test]
    fn temporaries_of_ended_processes_are_removed_by_the_next_write_there() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join(".b.scb.999999999.sochibo-tmp");
        let mine = temp_path(&dir.path().join("c.scb")).unwrap();
        fs::write(&gone, b"half").unwrap();
        fs::write(&mine, b"mine").unwrap();
        fs::write(dir.path().join("user.sochibo-tmp"), b"not ours").unwrap();
        write_file(&dir.path().join("a.csv"), b"x").unwrap();
        let left = names(dir.path());
        if cfg!(target_os = "linux") {
            assert!(!left.contains(&".b.scb.999999999.sochibo-tmp".to_string()));
        }
        assert!(left.contains(&"user.sochibo-tmp".to_string()), "{left:?}");
        assert!(mine.exists(), "our own process's file is kept");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.scb");
        write_atomically(&p, b"x", true, |_| Ok(())).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
