//! Reading one branch's bundle for the ward: verified, decoded, with what it carries
//! besides the register ([`Carried`]), or refused with the reason. Reading never changes
//! the file (an older schema is migrated in a temporary store elsewhere).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::ward::{Carried, Sent};
use crate::store::StoreError;
use crate::store::backup;
use crate::store::bundle::BUNDLE_FORMAT;
use crate::store::codec::CodecError;

/// Files larger than this are not read as bundles (a bundle of a branch of a thousand
/// members is a few megabytes).
pub const MAX_BUNDLE_BYTES: u64 = 64 << 20;

pub use crate::store::bundle::BundleError;

/// A bundle as received.
#[derive(Debug, Clone)]
pub struct Received {
    /// The file.
    pub file: PathBuf,
    /// When it was made, Unix seconds.
    pub created_at: i64,
    /// The branch and its figures.
    pub sent: Sent,
}

impl Received {
    /// The branch's name.
    pub fn branch(&self) -> &str {
        &self.sent.register.branch.name
    }

    /// The local day it was made.
    pub fn made_on(&self) -> NaiveDate {
        made_on(self.created_at)
    }
}

/// The local day of a bundle's Unix time.
pub fn made_on(created_at: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(created_at, 0)
        .map(|t| t.with_timezone(&chrono::Local).date_naive())
        .unwrap_or_default()
}

/// The store's refusal as the ward names it.
fn classify(e: StoreError) -> BundleError {
    match e {
        StoreError::Io(why) => BundleError::Unreadable(why),
        StoreError::NewerSchema { .. }
        | StoreError::Corrupt {
            source: CodecError::UnknownVersion(_),
            ..
        } => BundleError::Newer,
        other => BundleError::Damaged(other),
    }
}

/// Reads and verifies a bundle.
pub fn read(path: &Path) -> Result<Received, BundleError> {
    let meta = std::fs::metadata(path).map_err(|e| BundleError::Unreadable(e.to_string()))?;
    if meta.len() > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge(meta.len()));
    }
    let mut head = [0u8; 9];
    {
        use std::io::Read;
        let mut f =
            std::fs::File::open(path).map_err(|e| BundleError::Unreadable(e.to_string()))?;
        let n = f
            .read(&mut head)
            .map_err(|e| BundleError::Unreadable(e.to_string()))?;
        if n < head.len() || !crate::store::backup::looks_like_backup(&head) {
            return Err(BundleError::NotABundle);
        }
    }
    let loaded = backup::load_bundle(path).map_err(classify)?;
    if loaded.figures_only.is_some_and(|f| f > BUNDLE_FORMAT) && loaded.figures.is_none() {
        return Err(BundleError::Newer);
    }
    let Some(register) = loaded.register.filter(|_| !loaded.info.sealed) else {
        return Err(BundleError::Sealed);
    };
    if register.branch.name.trim().is_empty() {
        return Err(BundleError::NoBranch);
    }
    let created_at = loaded.info.created_at;
    let carried = match (loaded.figures_only, loaded.figures) {
        (None, _) => Carried::Full(made_on(created_at)),
        (Some(_), Some(f)) => Carried::Figures(f),
        (Some(_), None) => Carried::Missing,
    };
    Ok(Received {
        file: path.to_path_buf(),
        created_at,
        sent: Sent { register, carried },
    })
}
