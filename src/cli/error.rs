//! Why a command failed: one typed error for the commands of `mod.rs`, `report.rs` and
//! `rollup.rs`, turned into the user's language only when it is printed ([`CliError::message`]).
//! Every error makes the program exit 1.

use std::path::PathBuf;

use crate::i18n::{self, Cli as C, Lang};
use crate::interchange::import::{self, FileError};
use crate::interchange::members_csv::HeaderError;
use crate::store::StoreError;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Already said: the refused rows or files were reported one by one on stderr, and
    /// nothing more is printed.
    #[error("some rows or files were refused (reported above)")]
    Reported,
    /// A message already in the user's language, from the backup and terminal modules
    /// (`safety.rs`, `tui.rs`), which explain their own errors.
    #[error("{0}")]
    Said(String),
    /// The register could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file could not be written (`file` is "stdout" for the standard output).
    #[error("cannot write {file}: {source}")]
    Write {
        /// The file, as given.
        file: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The import file could not be read (too large, missing, a folder).
    #[error(transparent)]
    ImportFile(#[from] FileError),
    /// The import file's rows could not be read at all.
    #[error(transparent)]
    ImportRows(#[from] HeaderError),
    /// An Excel 97–2003 `.xls` was given to import.
    #[error("Excel 97-2003 .xls files cannot be read")]
    XlsOld,
    /// `--strict` and this many rows were refused: nothing was imported.
    #[error("{0} rows refused; --strict imports none")]
    StrictRefused(usize),
    /// An `.xlsx` output needs `-o FILE`.
    #[error("an .xlsx file needs -o FILE")]
    XlsxNeedsFile,
    /// A `.docx` output needs `-o FILE`.
    #[error("a .docx file needs -o FILE")]
    DocxNeedsFile,
    /// This report has no Word form.
    #[error("this report has no Word form")]
    NoDocxForThis,
    /// The branch profile is not filled in (a document names the branch).
    #[error("the branch profile is empty")]
    NoBranch,
    /// A date option that is not dd/mm/yyyy (as typed).
    #[error("not a date: {0}")]
    BadDate(String),
    /// `demo` into a data folder that already holds a register.
    #[error("{} is not empty", .0.display())]
    DemoNotEmpty(PathBuf),
    /// No meeting has this number or date.
    #[error("no meeting {0}")]
    MeetingNotFound(String),
    /// Several meetings have this date.
    #[error("several meetings on {0}")]
    MeetingAmbiguous(String),
    /// A workbook could not be written.
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A Word document could not be written.
    #[error(transparent)]
    Docx(#[from] crate::interchange::docx::DocxError),
    /// A full bundle of encrypted data was asked for.
    #[error("a full bundle needs unencrypted data")]
    BundleNeedsPlain,
    /// A bundle given to the roll-up was refused.
    #[error("{}: {problem}", file.display())]
    Bundle {
        /// The bundle, as given.
        file: PathBuf,
        /// What is wrong with it.
        problem: BundleProblem,
    },
    /// The same branch's bundle was given twice.
    #[error("{}: a second bundle of {branch}", file.display())]
    BundleDuplicate {
        /// The second bundle, as given.
        file: PathBuf,
        /// The branch.
        branch: String,
    },
}

/// Why a bundle was refused by the roll-up.
#[derive(Debug, thiserror::Error)]
pub enum BundleProblem {
    /// It could not be read or is not a valid bundle.
    #[error(transparent)]
    Store(StoreError),
    /// It is encrypted.
    #[error("encrypted")]
    Sealed,
    /// It has no branch profile.
    #[error("no branch")]
    NoBranch,
}

impl CliError {
    /// The error as the user reads it, in their language ("" for [`CliError::Reported`]).
    pub fn message(&self, lang: Lang) -> String {
        let c = lang.cat();
        match self {
            CliError::Reported => String::new(),
            CliError::Said(s) => s.clone(),
            CliError::Store(e) => i18n::store_error(lang, e),
            CliError::Write { file, source } => c.cli(C::WriteFile(file, &source.to_string())),
            CliError::ImportFile(e) => import::file_error_text(lang, e),
            CliError::ImportRows(e) => import::header_error_text(lang, e),
            CliError::XlsOld => c.cli(C::XlsOld),
            CliError::StrictRefused(n) => c.cli(C::ImportStrictRefused(*n)),
            CliError::XlsxNeedsFile => c.cli(C::XlsxNeedsFile),
            CliError::DocxNeedsFile => c.cli(C::DocxNeedsFile),
            CliError::NoDocxForThis => c.cli(C::NoDocxForThis),
            CliError::NoBranch => c.msg(i18n::Msg::NoBranch).to_string(),
            CliError::BadDate(s) => c.cli(C::BadDate(s)),
            CliError::DemoNotEmpty(dir) => c.cli(C::DemoNotEmpty(&dir.display().to_string())),
            CliError::MeetingNotFound(s) => c.cli(C::MeetingNotFound(s)),
            CliError::MeetingAmbiguous(s) => c.cli(C::MeetingAmbiguous(s)),
            CliError::Xlsx(e) => c.cli(C::Error(&e.to_string())),
            CliError::Docx(e) => c.cli(C::Error(&e.to_string())),
            CliError::BundleNeedsPlain => c.cli(C::BundleNeedsPlain),
            CliError::Bundle { file, problem } => {
                let file = file.display().to_string();
                match problem {
                    BundleProblem::Store(StoreError::Io(why)) => c.cli(C::ReadFile(&file, why)),
                    BundleProblem::Store(e) => {
                        c.cli(C::BundleBad(&file, &i18n::store_error(lang, e)))
                    }
                    BundleProblem::Sealed => c.cli(C::BundleSealed(&file)),
                    BundleProblem::NoBranch => {
                        c.cli(C::BundleBad(&file, &c.cli(C::BundleNoBranch)))
                    }
                }
            }
            CliError::BundleDuplicate { file, branch } => {
                c.cli(C::BundleDuplicate(&file.display().to_string(), branch))
            }
        }
    }

    /// A write to `file` failed.
    pub fn write(file: &std::path::Path) -> impl FnOnce(std::io::Error) -> CliError + '_ {
        move |source| CliError::Write {
            file: file.display().to_string(),
            source,
        }
    }

    /// A write to the standard output failed.
    pub fn stdout(source: std::io::Error) -> CliError {
        CliError::Write {
            file: "stdout".into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_said_in_the_users_language_and_reported_ones_are_silent() {
        assert_eq!(CliError::Reported.message(Lang::Vi), "");
        let e = CliError::BadDate("31/02".into());
        assert!(e.message(Lang::Vi).contains("31/02"));
        assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        let e = CliError::ImportRows(HeaderError::TooManyRows { limit: 10 });
        assert!(
            e.message(Lang::Vi).contains("tối đa 10 dòng"),
            "{}",
            e.message(Lang::Vi)
        );
        assert!(
            e.message(Lang::En).contains("at most 10"),
            "{}",
            e.message(Lang::En)
        );
        let e = CliError::Bundle {
            file: "a.scb".into(),
            problem: BundleProblem::Sealed,
        };
        assert!(e.message(Lang::En).contains("a.scb"));
        assert!(
            e.to_string().contains("a.scb"),
            "the English Display says where too"
        );
    }
}
