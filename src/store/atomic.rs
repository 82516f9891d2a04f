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
        ".{}.{}.sochibo-tmp",
        name.to_string_lossy(),
        std::process::id()
    );
    Ok(path.with_file_name(tmp))
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
