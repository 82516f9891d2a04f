//! The command line: options, subcommands, and the terminal session. Errors are printed
//! in the user's language on stderr; exit codes are 0 ok, 1 error, 2 usage.

mod tui;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::domain::{date, demo};
use crate::i18n::{self, Cli as C, Lang};
use crate::store::Store;

/// Sổ chi bộ — sổ theo dõi đảng viên của chi bộ.
#[derive(Debug, Parser)]
#[command(name = "sochibo", version, about, disable_help_subcommand = true)]
pub struct Args {
    /// Data directory (default: the platform data directory; or SOCHIBO_DATA).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Interface language: vi (default) or en (or SOCHIBO_LANG).
    #[arg(long, global = true, value_name = "vi|en")]
    pub lang: Option<String>,
    /// Open the built-in sample branch in a throwaway directory.
    #[arg(long)]
    pub demo: bool,
    /// ASCII borders for old consoles.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// What to do (nothing: open the register).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the sample branch into --data DIR (which must be empty).
    Demo,
    /// Import records from a file.
    Import {
        /// What to import.
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Export records to a file (or stdout).
    Export {
        /// What to export.
        #[command(subcommand)]
        what: ExportWhat,
    },
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// The member list from a CSV file (UTF-8, `,` or `;`, Vietnamese header).
    Members {
        /// The CSV file.
        file: PathBuf,
        /// Import nothing if any row has an error.
        #[arg(long)]
        strict: bool,
    },
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// The member list as CSV.
    Members {
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The language from `--lang`, else `SOCHIBO_LANG`, else Vietnamese.
fn pick_lang(arg: Option<&str>) -> Result<Lang, String> {
    let raw = arg
        .map(str::to_string)
        .or_else(|| std::env::var("SOCHIBO_LANG").ok());
    match raw {
        None => Ok(Lang::Vi),
        Some(s) => Lang::parse(&s).ok_or(s),
    }
}

/// The data directory: `--data`, else `SOCHIBO_DATA`, else the platform's data directory.
pub fn data_dir(arg: Option<&Path>) -> PathBuf {
    if let Some(p) = arg {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("SOCHIBO_DATA").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("vn", "", "sochibo").map_or_else(
        || PathBuf::from("sochibo-data"),
        |d| d.data_dir().to_path_buf(),
    )
}

/// The user keymap file: `SOCHIBO_CONFIG/keymap.toml`, else the platform config directory.
pub fn keymap_path() -> Option<PathBuf> {
    let dir = std::env::var_os("SOCHIBO_CONFIG")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("vn", "", "sochibo")
                .map(|d| d.config_dir().to_path_buf())
        })?;
    Some(dir.join("keymap.toml"))
}

/// "Today": the local date, or `SOCHIBO_TODAY` (dd/mm/yyyy) for reproducible runs.
pub fn today() -> NaiveDate {
    std::env::var("SOCHIBO_TODAY")
        .ok()
        .and_then(|s| date::parse_date(&s).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Number of members in the sample branch.
pub const DEMO_MEMBERS: usize = 35;
/// Seed of the sample branch.
pub const DEMO_SEED: u64 = 2026;

/// Writes the sample branch into an open, empty store.
pub fn write_demo(store: &Store, today: NaiveDate) -> Result<usize, crate::store::StoreError> {
    let members = demo::demo_members(DEMO_SEED, DEMO_MEMBERS, today);
    let items: Vec<_> = members.into_iter().map(|m| (None, m)).collect();
    store.save_members(&items)?;
    store.save_branch(&demo::demo_branch())?;
    store.mark_demo()?;
    Ok(items.len())
}

/// Runs the program with parsed arguments.
pub fn run(args: Args) -> ExitCode {
    let lang = match pick_lang(args.lang.as_deref()) {
        Ok(l) => l,
        Err(bad) => {
            eprintln!("{}", Lang::Vi.cat().cli(C::BadLang(&bad)));
            return ExitCode::from(2);
        }
    };
    let result = match &args.command {
        None => tui::session(&args, lang),
        Some(Command::Demo) => cmd_demo(&args, lang),
        Some(Command::Import {
            what: ImportWhat::Members { file, strict },
        }) => cmd_import_members(&args, lang, file, *strict),
        Some(Command::Export {
            what: ExportWhat::Members { output },
        }) => cmd_export_members(&args, lang, output.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the store, turning errors into the user's language.
pub(crate) fn open_store(dir: &Path, lang: Lang) -> Result<Store, String> {
    Store::open(dir).map_err(|e| i18n::store_error(lang, &e))
}

fn cmd_demo(args: &Args, lang: Lang) -> Result<(), String> {
    let dir = data_dir(args.data.as_deref());
    let store = open_store(&dir, lang)?;
    let shown = dir.display().to_string();
    if store.member_count() > 0
        || store
            .branch()
            .map_err(|e| i18n::store_error(lang, &e))?
            .is_some()
    {
        return Err(lang.cat().cli(C::DemoNotEmpty(&shown)));
    }
    let n = write_demo(&store, today()).map_err(|e| i18n::store_error(lang, &e))?;
    println!("{}", lang.cat().cli(C::DemoWritten(n, &shown)));
    Ok(())
}

fn cmd_import_members(_args: &Args, lang: Lang, _file: &Path, _strict: bool) -> Result<(), String> {
    Err(lang.cat().cli(C::Error("import")))
}

fn cmd_export_members(_args: &Args, lang: Lang, _out: Option<&Path>) -> Result<(), String> {
    Err(lang.cat().cli(C::Error("export")))
}
