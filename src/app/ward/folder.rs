//! The ward's folder: the bundles the branches sent, the ward's list of branches
//! ([`LIST_FILE`], the one file the screen edits) and the screen's notes ([`NOTES_FILE`]:
//! what it has seen, so a bundle older than one received before is recognised even after
//! the newer file was removed). Reading the folder changes nothing in it; only the list and
//! the notes are ever written, each atomically, and a read-only folder is read all the same.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::text;
use crate::interchange::bundle::{self, BundleError, Received};

/// The ward's list of branches, beside the bundles.
pub const LIST_FILE: &str = "sochibo-phuong.toml";
/// What the screen learnt about the bundles, beside them.
pub const NOTES_FILE: &str = "sochibo-phuong-ghi-nho.toml";
/// Files in the folder looked at, at most (a folder of a ward holds tens).
pub const MAX_FILES: usize = 2000;
/// Characters of a branch name, at most.
pub const MAX_NAME: usize = 120;

/// The list file: the ward's branches and the superior organisation for the documents'
/// header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListFile {
    /// The ward's superior ("Đảng bộ thành phố Hải Phòng"), for the Word header.
    #[serde(default, rename = "cap_tren")]
    pub superior: String,
    /// The branches, in the ward's order.
    #[serde(default, rename = "chi_bo")]
    pub branches: Vec<String>,
}

/// One bundle the screen has seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// File name in the folder.
    #[serde(rename = "tep")]
    pub file: String,
    /// The branch.
    #[serde(rename = "chi_bo")]
    pub branch: String,
    /// When it was made, Unix seconds.
    #[serde(rename = "lap_luc")]
    pub created_at: i64,
    /// The day the screen first saw it (dd/mm/yyyy).
    #[serde(rename = "nhan_ngay")]
    pub first_seen: String,
}

/// The notes file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    /// Every bundle seen, in the order first seen.
    #[serde(default, rename = "goi")]
    pub seen: Vec<Seen>,
}

/// The key two branch names are the same under (composed, spaces squeezed, any case).
pub fn name_key(name: &str) -> String {
    text::clean(name).to_lowercase()
}

/// What one file of the folder is.
#[derive(Debug, Clone)]
pub enum FileKind {
    /// A readable bundle.
    Bundle(Box<Received>),
    /// A bundle refused, with why.
    Refused(BundleError),
    /// Not a bundle.
    Other,
}

/// One file of the folder.
#[derive(Debug, Clone)]
pub struct FolderFile {
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: FileKind,
}

/// What was read from the folder.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// The list file (`None`: there is none yet).
    pub list: Option<ListFile>,
    /// Why the list file could not be read (it is then not used and not overwritten
    /// without the user's edit).
    pub list_error: Option<String>,
    /// The notes (empty when none or unreadable).
    pub notes: Notes,
    /// The files, by name.
    pub files: Vec<FolderFile>,
    /// Whether the folder cannot be written.
    pub read_only: bool,
}

/// Whether `dir` refuses writing (its permissions say so). A write that fails later is
/// reported where it happens.
pub fn is_read_only(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
}

/// Reads the folder: the list, the notes and every file (at most [`MAX_FILES`]), each
/// bundle verified. Writes nothing.
pub fn scan(dir: &Path) -> std::io::Result<Scan> {
    let mut s = Scan {
        read_only: is_read_only(dir),
        ..Scan::default()
    };
    match std::fs::read_to_string(dir.join(LIST_FILE)) {
        Ok(t) => match toml::from_str::<ListFile>(&t) {
            Ok(l) => s.list = Some(l),
            Err(e) => s.list_error = Some(e.message().to_string()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => s.list_error = Some(e.to_string()),
    }
    if let Ok(t) = std::fs::read_to_string(dir.join(NOTES_FILE)) {
        s.notes = toml::from_str(&t).unwrap_or_default();
    }
    let mut names: Vec<(String, PathBuf)> = std::fs::read_dir(dir)?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(n, _)| n != LIST_FILE && n != NOTES_FILE && !n.starts_with('.'))
        .collect();
    names.sort();
    names.truncate(MAX_FILES);
    for (name, path) in names {
        let kind = match bundle::read(&path) {
            Ok(r) => FileKind::Bundle(Box::new(r)),
            Err(BundleError::NotABundle) => FileKind::Other,
            Err(e) => FileKind::Refused(e),
        };
        s.files.push(FolderFile { name, kind });
    }
    Ok(s)
}

/// Writes `text` as `dir/name` atomically.
pub fn write(dir: &Path, name: &str, text: &str) -> std::io::Result<()> {
    crate::store::atomic::write_file(&dir.join(name), text.as_bytes())
}

/// The list file's text: a comment saying what it is, then the list.
pub fn list_text(l: &ListFile) -> String {
    let body = toml::to_string(l).unwrap_or_default();
    format!(
        "# Danh sách chi bộ của Đảng ủy phường (Sổ chi bộ, màn hình `sochibo ward`).\n\
         # Sửa trong chương trình (F7 thêm, F2 đổi tên, F8 bỏ) hoặc bằng Notepad.\n{body}"
    )
}

/// The notes file's text.
pub fn notes_text(n: &Notes) -> String {
    let body = toml::to_string(n).unwrap_or_default();
    format!("# Sổ ghi nhớ của màn hình phường: các gói đã nhận. Đừng sửa tay.\n{body}")
}

/// The notes with the bundles of this scan added (first seen `today`); `None` if nothing
/// is new.
pub fn learnt(scan: &Scan, today: &str) -> Option<Notes> {
    let mut notes = scan.notes.clone();
    let mut changed = false;
    for f in &scan.files {
        let FileKind::Bundle(r) = &f.kind else {
            continue;
        };
        let known = notes
            .seen
            .iter()
            .any(|s| s.file == f.name && s.created_at == r.created_at);
        if !known {
            notes.seen.push(Seen {
                file: f.name.clone(),
                branch: r.branch().to_string(),
                created_at: r.created_at,
                first_seen: today.to_string(),
            });
            changed = true;
        }
    }
    changed.then_some(notes)
}

/// The newest bundle of each branch the notes remember (by [`name_key`]).
pub fn newest_seen(notes: &Notes) -> BTreeMap<String, i64> {
    let mut m: BTreeMap<String, i64> = BTreeMap::new();
    for s in &notes.seen {
        let e = m.entry(name_key(&s.branch)).or_insert(s.created_at);
        *e = (*e).max(s.created_at);
    }
    m
}
