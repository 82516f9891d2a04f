//! Why a command failed: one typed error for the commands of `mod.rs`, `report.rs` and
//! `rollup.rs`, turned into the user's language only when it is printed ([`CliError::message`]).
//! Every error makes the program exit 1.

use std::path::{Path, PathBuf};

use crate::i18n::recovery::{self, RecoveryText as R};
use crate::i18n::{self, Cli as C, Lang};
use crate::interchange::import::FileError;
use crate::interchange::import_text;
use crate::interchange::members_csv::HeaderError;
use crate::store::StoreError;
use crate::store::backup::{BACKUP_DIR, BackupInfo};
use crate::store::codec::CodecError;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Already said: the refused rows or files, or the damaged data, were reported on
    /// stderr, and nothing more is printed.
    #[error("already reported above")]
    Reported,
    /// The user cancelled (Esc at a passphrase, no to an offered restore): nothing printed.
    #[error("cancelled")]
    Cancelled,
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
    /// A `--month` option that is not mm/yyyy (as typed).
    #[error("not a month: {0}")]
    BadMonth(String),
    /// No dues payment was recorded in this month: no receipt list.
    #[error("no dues payment recorded in {0}")]
    NobodyPaid(crate::domain::dues::YearMonth),
    /// No meeting has this number or date.
    #[error("no meeting {0}")]
    MeetingNotFound(String),
    /// No liaison member has this name.
    #[error("no liaison member {0}")]
    LiaisonNotFound(String),
    /// Several meetings have this date.
    #[error("several meetings on {0}")]
    MeetingAmbiguous(String),
    /// A workbook could not be written.
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A Word document could not be written.
    #[error(transparent)]
    Docx(#[from] crate::interchange::docx::DocxError),
    /// Damaged data that could neither be rebuilt nor opened (a read-only medium).
    #[error("{}", .0.error)]
    DamagedStuck(Box<StuckDamage>),
    /// The register is empty because of the damage: no command runs on it.
    #[error("the register is empty because the data was damaged")]
    EmptyAfterDamage,
    /// A file could not be read.
    #[error("cannot read {}: {source}", file.display())]
    Read {
        /// The file.
        file: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// `backup` with no data in the data directory.
    #[error("no data in {}", .0.display())]
    BackupNoData(PathBuf),
    /// The backup target is a file that is not a backup.
    #[error("{} is not a backup file", .0.display())]
    BackupTargetForeign(PathBuf),
    /// The backup target is another branch's backup (or one our key does not open).
    #[error("{} is a backup of {branch}", file.display())]
    BackupTargetOtherBranch {
        /// The target.
        file: PathBuf,
        /// Its branch ("?" when unknown).
        branch: String,
    },
    /// The backup file could not be written.
    #[error("cannot write {}: {source}", file.display())]
    BackupWrite {
        /// The target.
        file: PathBuf,
        /// What the store said.
        #[source]
        source: StoreError,
    },
    /// The file to restore is unreadable, damaged, truncated or foreign.
    #[error("cannot restore {}: {source}", file.display())]
    RestoreBadFile {
        /// The file, as given.
        file: PathBuf,
        /// What reading or checking it said.
        #[source]
        source: StoreError,
    },
    /// The file to restore has a keyring that cannot be read.
    #[error("cannot restore {}: {source}", file.display())]
    RestoreBadKeyring {
        /// The file, as given.
        file: PathBuf,
        /// What decoding its keyring said.
        #[source]
        source: CodecError,
    },
    /// A restore over data without `--yes` and without a terminal to ask on.
    #[error("{} holds {members} members; restore needs --yes", dir.display())]
    RestoreNeedsYes {
        /// The data directory.
        dir: PathBuf,
        /// How many members it holds.
        members: usize,
    },
    /// The restore (or the safety backup before it) failed.
    #[error("restore failed: {0}")]
    RestoreFailed(#[source] StoreError),
    /// The user answered no to the restore question.
    #[error("restore cancelled")]
    RestoreCancelled,
    /// The `--passphrase-file` could not be read.
    #[error("cannot read passphrase file {}: {source}", file.display())]
    PassphraseFile {
        /// The file, as given.
        file: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The passphrase or recovery code was refused (or the keyring is unreadable).
    #[error(transparent)]
    PassphraseRefused(StoreError),
    /// A passphrase is needed and there is neither a terminal nor a passphrase file.
    #[error("a passphrase is needed: use a terminal or --passphrase-file")]
    PassphraseNeedsTerminal,
    /// The new passphrase was typed differently the second time.
    #[error("the passphrases differ")]
    PassphraseMismatch,
    /// The new passphrase is shorter than this many characters.
    #[error("the passphrase is shorter than {0} characters")]
    PassphraseTooShort(usize),
    /// `encrypt` on encrypted data.
    #[error("the data is already encrypted")]
    AlreadyEncrypted,
    /// `decrypt` on data that is not encrypted.
    #[error("the data is not encrypted")]
    NotEncrypted,
    /// Rewriting the database (to encrypt or decrypt it) failed.
    #[error("cannot rewrite the data: {0}")]
    Rewrite(#[source] StoreError),
    /// The screens cannot be shown: no terminal.
    #[error("no terminal")]
    NoTerminal,
    /// The terminal failed during the session.
    #[error("terminal: {0}")]
    Terminal(#[source] std::io::Error),
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

/// Damaged data that could neither be rebuilt nor opened: the error, where the damaged
/// copy was moved (or why not), and the newest good backup.
#[derive(Debug)]
pub struct StuckDamage {
    /// The data directory.
    pub dir: PathBuf,
    /// What opening it said.
    pub error: StoreError,
    /// Where the damaged database was moved aside (`None`: nothing to move).
    pub aside: Result<Option<PathBuf>, StoreError>,
    /// The newest good automatic backup, if any.
    pub newest: Option<BackupInfo>,
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
    /// Refused by the ward's reader, with its reason.
    #[error(transparent)]
    Ward(crate::interchange::bundle::BundleError),
}

impl CliError {
    /// The error as the user reads it, in their language ("" for [`CliError::Reported`]
    /// and [`CliError::Cancelled`]).
    pub fn message(&self, lang: Lang) -> String {
        let c = lang.cat();
        match self {
            CliError::Reported => String::new(),
            CliError::Cancelled => String::new(),
            CliError::Store(e) => i18n::store_error(lang, e),
            CliError::Write { file, source } => c.cli(C::WriteFile(file, &source.to_string())),
            CliError::ImportFile(e) => import_text::file_error_text(lang, e),
            CliError::ImportRows(e) => import_text::header_error_text(lang, e),
            CliError::XlsOld => c.cli(C::XlsOld),
            CliError::StrictRefused(n) => c.cli(C::ImportStrictRefused(*n)),
            CliError::XlsxNeedsFile => c.cli(C::XlsxNeedsFile),
            CliError::DocxNeedsFile => c.cli(C::DocxNeedsFile),
            CliError::NoDocxForThis => c.cli(C::NoDocxForThis),
            CliError::NoBranch => c.msg(i18n::Msg::NoBranch).to_string(),
            CliError::BadDate(s) => c.cli(C::BadDate(s)),
            CliError::DemoNotEmpty(dir) => c.cli(C::DemoNotEmpty(&dir.display().to_string())),
            CliError::MeetingNotFound(s) => c.cli(C::MeetingNotFound(s)),
            CliError::BadMonth(s) => i18n::receipts::of(lang).bad_month(s),
            CliError::NobodyPaid(m) => {
                i18n::receipts::of(lang).notice(&i18n::receipts::ReceiptsNotice::NobodyPaid(*m))
            }
            CliError::LiaisonNotFound(s) => i18n::liaison::of(lang).not_found(s),
            CliError::MeetingAmbiguous(s) => c.cli(C::MeetingAmbiguous(s)),
            CliError::Xlsx(e) => c.cli(C::Error(&e.to_string())),
            CliError::Docx(e) => c.cli(C::Error(&e.to_string())),
            CliError::DamagedStuck(d) => {
                let StuckDamage {
                    dir,
                    error,
                    aside,
                    newest,
                } = &**d;
                let mut lines = vec![i18n::store_error(lang, error)];
                lines.extend(aside_line(lang, aside));
                lines.push(backup_hint_line(dir, lang, newest.as_ref()));
                lines.join("\n")
            }
            CliError::EmptyAfterDamage => recovery::catalogue(lang).text(R::EmptyRefused),
            CliError::Read { file, source } => c.cli(C::ReadFile(
                &file.display().to_string(),
                &source.to_string(),
            )),
            CliError::BackupNoData(dir) => c.cli(C::BackupNoData(&dir.display().to_string())),
            CliError::BackupTargetForeign(file) => {
                c.cli(C::BackupTargetForeign(&file.display().to_string()))
            }
            CliError::BackupTargetOtherBranch { file, branch } => c.cli(
                C::BackupTargetOtherBranch(&file.display().to_string(), branch),
            ),
            CliError::BackupWrite { file, source } => match source {
                StoreError::Io(why) => c.cli(C::WriteFile(&file.display().to_string(), why)),
                e => i18n::store_error(lang, e),
            },
            CliError::RestoreBadFile { file, source } => {
                let file = file.display().to_string();
                match source {
                    StoreError::Io(why) => c.cli(C::RestoreUnreadable(why)),
                    StoreError::Corrupt { source, .. } => {
                        c.cli(C::RestoreBadFile(&file, &source.to_string()))
                    }
                    e => c.cli(C::RestoreBadFile(&file, &e.to_string())),
                }
            }
            CliError::RestoreBadKeyring { file, source } => c.cli(C::RestoreBadFile(
                &file.display().to_string(),
                &source.to_string(),
            )),
            CliError::RestoreNeedsYes { dir, members } => {
                c.cli(C::RestoreNeedsYes(&dir.display().to_string(), *members))
            }
            CliError::RestoreFailed(e) => c.cli(C::RestoreFailed(&i18n::store_error(lang, e))),
            CliError::RestoreCancelled => c.cli(C::RestoreCancelled),
            CliError::PassphraseFile { file, source } => c.cli(C::PassphraseFile(
                &file.display().to_string(),
                &source.to_string(),
            )),
            CliError::PassphraseRefused(e) => i18n::store_error(lang, e),
            CliError::PassphraseNeedsTerminal => c.cli(C::PassphraseNeedsTerminal),
            CliError::PassphraseMismatch => c.cli(C::PassphraseMismatch),
            CliError::PassphraseTooShort(n) => c.cli(C::PassphraseTooShort(*n)),
            CliError::AlreadyEncrypted => c.cli(C::AlreadyEncrypted),
            CliError::NotEncrypted => c.cli(C::NotEncrypted),
            CliError::Rewrite(e) => c.cli(C::Error(&i18n::store_error(lang, e))),
            CliError::NoTerminal => i18n::platform::texts(lang)
                .msg(i18n::platform::PlatformMsg::NoTerminal)
                .to_string(),
            CliError::Terminal(e) => c.cli(C::Error(&e.to_string())),
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
                    BundleProblem::Ward(e) => format!(
                        "{file}: {}",
                        i18n::ward::of(lang).text(i18n::ward::WardText::Refused(e))
                    ),
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

/// The line saying where the damaged database was moved (or why it could not be).
pub(crate) fn aside_line(
    lang: Lang,
    aside: &Result<Option<PathBuf>, StoreError>,
) -> Option<String> {
    match aside {
        Ok(Some(aside)) => Some(
            lang.cat()
                .cli(C::DamagedMovedAside(&aside.display().to_string())),
        ),
        Ok(None) => None,
        Err(e) => Some(i18n::store_error(lang, e)),
    }
}

/// The text naming the newest good backup of `dir` with its restore command (or saying
/// there is none).
pub(crate) fn backup_hint_line(dir: &Path, lang: Lang, newest: Option<&BackupInfo>) -> String {
    let c = lang.cat();
    match newest {
        Some(info) => c.cli(C::NewestBackup(
            &info.path.display().to_string(),
            info.members,
            &crate::ui::history::local_time(info.created_at),
            &restore_command(dir, &info.path),
        )),
        None => c.cli(C::NoGoodBackup(&dir.join(BACKUP_DIR).display().to_string())),
    }
}

/// The exact command that restores `file` into `dir`.
pub fn restore_command(dir: &Path, file: &Path) -> String {
    format!(
        "sochibo restore \"{}\" --data \"{}\"",
        file.display(),
        dir.display()
    )
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

    #[test]
    fn backup_and_passphrase_errors_name_what_and_where() {
        assert_eq!(CliError::Cancelled.message(Lang::En), "");
        let e = CliError::RestoreNeedsYes {
            dir: "/d/data".into(),
            members: 7,
        };
        for lang in [Lang::Vi, Lang::En] {
            let m = e.message(lang);
            assert!(m.contains("/d/data") && m.contains('7'), "{m}");
        }
        let e = CliError::PassphraseFile {
            file: "/k/pass.txt".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert!(e.message(Lang::Vi).contains("/k/pass.txt"));
        assert!(e.to_string().contains("/k/pass.txt"));
        // A damaged store on a read-only medium: the error, where the copy could not be
        // moved, and (no backup) where backups are looked for, one per line.
        let e = CliError::DamagedStuck(Box::new(StuckDamage {
            dir: "/ro/data".into(),
            error: StoreError::Damaged {
                path: "/ro/data".into(),
                why: crate::store::Damage::Sled("bad page".into()),
            },
            aside: Err(StoreError::Io("read-only".into())),
            newest: None,
        }));
        let m = e.message(Lang::En);
        let lines: Vec<&str> = m.lines().collect();
        assert!(lines[0].contains("/ro/data"), "{m}");
        assert!(lines[1..].iter().any(|l| l.contains("read-only")), "{m}");
        assert!(lines.last().is_some_and(|l| l.contains("backups")), "{m}");
        // A backup written over an unreadable target names the file.
        let e = CliError::BackupWrite {
            file: "/usb/x.scb".into(),
            source: StoreError::Io("disk full".into()),
        };
        let m = e.message(Lang::Vi);
        assert!(m.contains("/usb/x.scb") && m.contains("disk full"), "{m}");
    }
}
