//! The bounds of an import, checked before and while a file is read, so that no file —
//! a zip bomb, a sheet with one cell at XFD1048576, `/dev/zero`, a sparse 4 GiB CSV —
//! takes more memory than a 2 GB laptop can spare (the whole import stays under 64 MB).
//!
//! [`read_file`] reads at most [`MAX_FILE_BYTES`]; the CSV and `.xlsx` readers refuse
//! more than [`MAX_ROWS`] data rows, [`MAX_COLUMNS`] columns and cells longer than
//! [`MAX_CELL_CHARS`], and the `.xlsx` reader bounds every decompressed part.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest import file read, in bytes (8 MiB: a 10,000-member CSV is about 4 MB, the
/// same list as `.xlsx` about 1 MB).
pub const MAX_FILE_BYTES: u64 = 8 << 20;
/// Most data rows of an import (rows with at least one non-empty cell, header excluded).
pub const MAX_ROWS: usize = 10_000;
/// Most columns read: a cell with a value further right is refused (the member list has
/// about 20 columns).
pub const MAX_COLUMNS: usize = 100;
/// Longest cell, in characters (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most text, in bytes, that all the cells of a workbook may expand to (a short shared
/// string repeated in every cell still counts once per cell): as much as a CSV file may hold.
pub const MAX_TEXT_BYTES: usize = MAX_FILE_BYTES as usize;
/// Largest decompressed worksheet XML of an `.xlsx`.
pub const MAX_SHEET_XML_BYTES: u64 = 48 << 20;
/// Largest decompressed shared-strings XML of an `.xlsx` (they are held in memory).
pub const MAX_SHARED_XML_BYTES: u64 = 8 << 20;
/// Largest decompressed small part of an `.xlsx` (workbook, relations, styles).
pub const MAX_SMALL_XML_BYTES: u64 = 4 << 20;
/// Most entries of an `.xlsx` archive (Excel writes about ten).
pub const MAX_ZIP_ENTRIES: usize = 2_000;

/// Why an import file was not read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", file.display())]
    Read {
        /// The file as given.
        file: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`] (or endless, like `/dev/zero`).
    #[error("{} is larger than {limit} bytes", file.display())]
    TooLarge {
        /// The file as given.
        file: PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
}

/// Reads an import file whole, refusing it before reading when its size is over
/// [`MAX_FILE_BYTES`], and while reading when it keeps going (a device, a pipe, a file
/// that grows): at most `MAX_FILE_BYTES + 1` bytes are ever held.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file_within(path, MAX_FILE_BYTES)
}

/// [`read_file`] with another limit (for tests).
pub fn read_file_within(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let read_err = |source| FileError::Read {
        file: path.to_path_buf(),
        source,
    };
    let too_large = || FileError::TooLarge {
        file: path.to_path_buf(),
        limit,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large());
    }
    let cap = if meta.is_file() { meta.len() } else { 0 };
    let mut bytes = Vec::with_capacity(usize::try_from(cap.min(limit)).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A limit in whole mebibytes, for messages ("8 MB").
pub fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_over_the_limit_are_refused_before_and_while_reading() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("a.csv");
        std::fs::write(&small, b"0123456789").unwrap();
        assert_eq!(read_file_within(&small, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_file_within(&small, 9),
            Err(FileError::TooLarge { limit: 9, .. })
        ));
        // A sparse file of 4 GiB is refused by its size, without reading it.
        let sparse = dir.path().join("sparse.csv");
        let f = std::fs::File::create(&sparse).unwrap();
        f.set_len(4 << 30).unwrap();
        assert!(matches!(
            read_file(&sparse),
            Err(FileError::TooLarge { .. })
        ));
        assert!(matches!(read_file(dir.path()), Err(FileError::Read { .. })));
        assert!(matches!(
            read_file(&dir.path().join("missing")),
            Err(FileError::Read { .. })
        ));
        assert_eq!(mib(MAX_FILE_BYTES), 8);
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_is_cut_at_the_limit() {
        assert!(matches!(
            read_file_within(Path::new("/dev/zero"), 1 << 16),
            Err(FileError::TooLarge { limit: 65536, .. })
        ));
    }
}
