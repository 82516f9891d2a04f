//! The command line: options, subcommands, and the terminal session. Errors are printed
//! in the user's language on stderr; exit codes are 0 ok, 1 error, 2 usage.

mod error;
mod liaison;
pub mod paths;
pub mod record;
pub mod report;
mod rollup;
mod safety;
mod tui;
mod ward;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::domain::{date, demo};
use crate::i18n::{self, Cli as C, Lang};
use crate::interchange::members_csv;
use crate::interchange::xlsx;
use crate::store::Store;
pub use error::{BundleProblem, CliError};
use report::ReportFormat;

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
    /// Draw only ASCII (frames, marks, letters without diacritics) for old consoles.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Draw Unicode marks and frames even on a Windows console without VT support (where
    /// ASCII is chosen by default).
    #[arg(long, global = true, conflicts_with = "ascii")]
    pub unicode: bool,
    /// Encrypted data: read the passphrase (or recovery code) from the first line of
    /// FILE instead of asking on the terminal (for scripts and tests).
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// What to do (nothing: open the register).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the sample branch into --data DIR (which must be empty).
    Demo,
    /// Print what needs doing (the home screen as text).
    Todo,
    /// Add up the figures of many branch bundles (the ward roll-up).
    Rollup {
        /// The bundles (`sochibo export bundle` of each branch).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The date of the member structure (default: today).
        #[arg(long, value_name = "dd/mm/yyyy")]
        at: Option<String>,
        /// Start of the movements period (default: 1 January of the `--to` year).
        #[arg(long, value_name = "dd/mm/yyyy")]
        from: Option<String>,
        /// End of the movements period (default: the `--at` date).
        #[arg(long, value_name = "dd/mm/yyyy")]
        to: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ReportFormat,
        /// The ward's superior organisation for the Word header (e.g. "Đảng bộ thành phố Hải Phòng").
        #[arg(long, value_name = "TÊN")]
        superior: Option<String>,
        /// Output file (default: stdout; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The ward office's screen over a folder of bundles (F1: its keys).
    Ward {
        /// The folder of the bundles the branches sent.
        dir: PathBuf,
    },
    /// Write sample bundles of a whole ward into DIR, to try the roll-up.
    DemoWard {
        /// Where to write the bundles.
        dir: PathBuf,
        /// How many branches.
        #[arg(long, default_value = "45")]
        branches: u32,
        /// Each branch's full copy instead of its figures-only bundle (to restore one as
        /// a branch's data).
        #[arg(long)]
        full: bool,
    },
    /// Print a figures report.
    Report {
        /// Which report.
        #[arg(value_enum)]
        what: ReportWhat,
        /// The date of the member structure (default: today).
        #[arg(long, value_name = "dd/mm/yyyy")]
        at: Option<String>,
        /// Start of the period (default: 1 January of this year).
        #[arg(long, value_name = "dd/mm/yyyy")]
        from: Option<String>,
        /// End of the period (default: today).
        #[arg(long, value_name = "dd/mm/yyyy")]
        to: Option<String>,
        /// Output format (docx: a Word report in the Party layout, needs -o).
        #[arg(long, value_enum, default_value = "txt")]
        format: ReportFormat,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
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
    /// The handbook of branch procedures (sổ tay nghiệp vụ): one procedure's steps with
    /// deadlines, forms, sources and the app's keys; no topic lists the procedures.
    Handbook {
        /// The procedure, diacritics optional: "ket nap", "chuyen chinh thuc", "chuyen sinh
        /// hoat", "mien sinh hoat", "xoa ten", "danh gia", "huy hieu", "dang phi", "dang vien 213".
        topic: Vec<String>,
        /// Output format (docx: every procedure, or the one asked for, needs -o).
        #[arg(long, value_enum, default_value = "txt")]
        format: DocFormat,
        /// Output file (default: stdout; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Backups and restore (`backup`, `restore`; see `safety.rs`).
    #[command(flatten)]
    Safety(safety::SafetyCommand),
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// The member list from a CSV file (UTF-8, `,` or `;`, Vietnamese header) or the
    /// first sheet of an Excel workbook (.xlsx).
    Members {
        /// The CSV or .xlsx file.
        file: PathBuf,
        /// Import nothing if any row has an error.
        #[arg(long)]
        strict: bool,
    },
    /// Who studied which resolution, from the CSV or .xlsx that `export studies` writes:
    /// all rows or none.
    Studies {
        /// The CSV or .xlsx file.
        file: PathBuf,
    },
    /// Liaison members (QĐ 213) from CSV or .xlsx with the columns of `export liaison`;
    /// all rows or none.
    Liaison {
        /// The CSV or .xlsx file.
        file: PathBuf,
    },
}

/// Formats of a Party document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocFormat {
    /// Plain text, 80 columns.
    Txt,
    /// Word document in the Party layout.
    Docx,
}

/// The figures reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportWhat {
    /// Member structure at a date.
    Stats,
    /// Movements in a period.
    Movements,
    /// Meetings and attendance in a period.
    Meetings,
    /// The year's review results (the year of --to, or this year).
    Assessments,
    /// The admission pipeline and the year's target.
    Admission,
    /// Members whose record lacks a field the party-member database asks for (txt, csv,
    /// xlsx), in the column order of its update form.
    Completeness,
    /// Resolution study: "n of m members studied (= x%)" per resolution and per year (the
    /// same as `export studies`).
    Studies,
}

/// Formats of a list or table (exemptions, candidates, dues, badges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Plain text, 80 columns.
    Txt,
    /// CSV for Excel.
    Csv,
    /// Excel workbook (needs -o).
    Xlsx,
}

/// Formats of the member list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MembersFormat {
    /// CSV for Excel (UTF-8 with BOM, CRLF); import reads it back.
    Csv,
    /// Excel workbook (needs -o); import reads it back.
    Xlsx,
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// The branch's bundle for the ward roll-up: the figures without names, contacts or
    /// minutes (versioned, checksummed); --full for a complete copy of the register.
    Bundle {
        /// A complete copy (names, minutes, everything), e.g. for a branch that hands over.
        #[arg(long)]
        full: bool,
        /// Output file (default: sochibo-<branch>-<date-time>.scb in this folder).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The year's review and classification of members (summary and each member).
    Assessments {
        /// The year.
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ReportFormat,
        /// Output file (default: stdout for txt and csv; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Exempted members (in force today, or during --year).
    Exemptions {
        /// Every exemption in force at some time in this year.
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ListFormat,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The minutes (biên bản) of one meeting.
    Minutes {
        /// The meeting: its number in the current term ("5" or "05") or its date (dd/mm/yyyy).
        #[arg(long, value_name = "SỐ|dd/mm/yyyy")]
        meeting: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: DocFormat,
        /// Output file (default: stdout for txt; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Members working elsewhere who live here (QĐ 213), with the year's comment.
    Liaison {
        /// The year whose comments are shown (default: this year).
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ListFormat,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The yearly comments on liaison members: the list of a year, or one member's
    /// comment document (--name).
    Comments {
        /// The year.
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// One member's comment document (name, diacritic-blind).
        #[arg(long, value_name = "HỌ TÊN")]
        name: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: DocFormat,
        /// Output file (default: stdout for txt; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The notice (thông báo triệu tập) of one meeting: date, time, place, agenda, chair.
    Notice {
        /// The meeting: its number in the current term or its date (dd/mm/yyyy, d/m, …).
        #[arg(long, value_name = "SỐ|dd/mm/yyyy")]
        meeting: String,
        /// Output format (txt: the message to paste into a chat app).
        #[arg(long, value_enum, default_value = "txt")]
        format: DocFormat,
        /// Output file (default: stdout for txt; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The monthly resolution (nghị quyết chi bộ) of one meeting: its conclusions and tasks.
    Resolution {
        /// The meeting: its number in the current term or its date (dd/mm/yyyy, d/m, …).
        #[arg(long, value_name = "SỐ|dd/mm/yyyy")]
        meeting: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: DocFormat,
        /// Output file (default: stdout for txt; required for docx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The receipt list of the dues collected in a month: who paid (back-pay shown), the
    /// amounts, a column to sign, the total.
    Receipts {
        /// The month the dues were collected in (mm/yyyy).
        #[arg(long, value_name = "mm/yyyy")]
        month: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: DocFormat,
        /// Output file (default: stdout for txt; required for docx).
        #[arg(short, long, alias = "out", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Candidates in the admission pipeline: current step and next deadline.
    Candidates {
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ListFormat,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The party badge lists of a year, by presentation date.
    Badges {
        /// The year (default: this year).
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ListFormat,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The party dues of a year: each member's months, arrears and flag; monthly totals.
    Dues {
        /// The year (default: this year).
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ListFormat,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Resolutions and who studied them: the figures per resolution and per year (txt),
    /// or one row per member due (csv, xlsx; `import studies` reads them back).
    Studies {
        /// Output format.
        #[arg(long, value_enum, default_value = "txt")]
        format: ListFormat,
        /// Output file (default: stdout; required for xlsx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The member list as CSV or an Excel workbook.
    Members {
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: MembersFormat,
        /// Output file (default: stdout; required for xlsx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// A language name that is neither vi nor en (as given).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}")]
pub struct UnknownLang(pub String);

/// The language from `--lang`, else `SOCHIBO_LANG`, else Vietnamese.
fn pick_lang(arg: Option<&str>) -> Result<Lang, UnknownLang> {
    let raw = arg
        .map(str::to_string)
        .or_else(|| std::env::var("SOCHIBO_LANG").ok());
    match raw {
        None => Ok(Lang::Vi),
        Some(s) => Lang::parse(&s).ok_or(UnknownLang(s)),
    }
}

/// The first line of a usage error, in the language asked for on the command line
/// (`--lang en`) or by `SOCHIBO_LANG`; clap's own explanation follows it.
pub fn usage_error_intro() -> String {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .map(|w| w[1].clone())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--lang=").map(str::to_string))
        });
    let lang = pick_lang(from_args.as_deref()).unwrap_or_default();
    lang.cat().cli(C::Usage)
}

/// The data directory: `--data`, else `SOCHIBO_DATA`, else a `sochibo-data` folder beside
/// the program (portable mode), else the platform's data directory (see `paths`).
pub fn data_dir(arg: Option<&Path>) -> PathBuf {
    if let Some(p) = arg {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("SOCHIBO_DATA").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    paths::portable_dir()
        .or_else(|| paths::platform_dirs().map(|d| d.data))
        .unwrap_or_else(|| PathBuf::from(paths::PORTABLE_DIR))
}

/// The user keymap file: `SOCHIBO_CONFIG/keymap.toml`, else in the portable `sochibo-data`
/// folder, else in the platform config directory.
pub fn keymap_path() -> Option<PathBuf> {
    let dir = std::env::var_os("SOCHIBO_CONFIG")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(paths::portable_dir)
        .or_else(|| paths::platform_dirs().map(|d| d.config))?;
    Some(dir.join(paths::KEYMAP_FILE))
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
    let n = write_sample(
        store,
        DEMO_SEED,
        DEMO_MEMBERS,
        &demo::demo_branch(),
        today,
        true,
    )?;
    store.mark_demo()?;
    Ok(n)
}

/// Writes a sample branch into an open, empty store: `branch`, `count` members made from
/// `seed`, their meetings and reviews, and with `ledgers_and_candidates` their dues,
/// badges and the admission pipeline. Returns the number of members.
pub(crate) fn write_sample(
    store: &Store,
    seed: u64,
    count: usize,
    branch: &crate::domain::branch::Branch,
    today: NaiveDate,
    ledgers_and_candidates: bool,
) -> Result<usize, crate::store::StoreError> {
    let members = demo::demo_members(seed, count, today);
    write_sample_members(store, members, branch, today, ledgers_and_candidates)
}

/// [`write_sample`] of members already made.
pub(crate) fn write_sample_members(
    store: &Store,
    members: Vec<crate::domain::member::Member>,
    branch: &crate::domain::branch::Branch,
    today: NaiveDate,
    ledgers_and_candidates: bool,
) -> Result<usize, crate::store::StoreError> {
    let items: Vec<_> = members.into_iter().map(|m| (None, m)).collect();
    let ids = store.save_members(&items)?;
    store.save_branch(branch)?;
    let with_ids: Vec<_> = ids
        .into_iter()
        .zip(items.into_iter().map(|(_, m)| m))
        .collect();
    let meetings = demo::demo_meetings(&with_ids, branch, today);
    for m in &meetings {
        store.save_meeting(None, m)?;
    }
    let (reviews, years) = demo::demo_reviews(&with_ids, &meetings, today);
    for ((year, id), r) in &reviews {
        store.save_review(*year, *id, r)?;
    }
    for (year, b) in &years {
        store.save_branch_year(*year, b)?;
    }
    if ledgers_and_candidates {
        let ledgers = demo::demo_ledgers(&with_ids, today);
        store.save_dues_and_badges(&ledgers.dues, &ledgers.badges)?;
        for c in demo::demo_candidates(&with_ids, branch, today) {
            store.save_candidate(None, &c)?;
        }
        let resolutions: Vec<_> = crate::domain::study::demo_resolutions(&with_ids, today)
            .into_iter()
            .map(|r| (None, r))
            .collect();
        store.save_resolutions(&resolutions)?;
        for l in crate::domain::liaison::demo_liaisons(today) {
            store.save_liaison(None, &l)?;
        }
    }
    Ok(with_ids.len())
}

/// Runs the program with parsed arguments.
pub fn run(args: Args) -> ExitCode {
    let lang = match pick_lang(args.lang.as_deref()) {
        Ok(l) => l,
        Err(UnknownLang(bad)) => {
            eprintln!("{}", Lang::Vi.cat().cli(C::BadLang(&bad)));
            return ExitCode::from(2);
        }
    };
    safety::set_passphrase_file(args.passphrase_file.clone());
    let result = match &args.command {
        None => tui::session(&args, lang),
        Some(Command::Demo) => cmd_demo(&args, lang),
        Some(Command::Import {
            what: ImportWhat::Members { file, strict },
        }) => cmd_import_members(&args, lang, file, *strict),
        Some(Command::Import {
            what: ImportWhat::Studies { file },
        }) => record::import_studies(&args, lang, file),
        Some(Command::Import {
            what: ImportWhat::Liaison { file },
        }) => liaison::import(args.data.as_deref(), lang, file),
        Some(Command::Export { what }) => cmd_export(&args, lang, what),
        Some(Command::Todo) => cmd_todo(&args, lang),
        Some(Command::Rollup {
            files,
            at,
            from,
            to,
            format,
            superior,
            output,
        }) => rollup::cmd_rollup(
            files,
            [at.as_deref(), from.as_deref(), to.as_deref()],
            *format,
            superior.as_deref(),
            output.as_deref(),
            lang,
        ),
        Some(Command::DemoWard {
            dir,
            branches,
            full,
        }) => rollup::cmd_demo_ward(dir, *branches, *full, lang),
        Some(Command::Ward { dir }) => ward::cmd_ward(dir, args.data.as_deref(), args.ascii, lang),
        Some(Command::Report {
            what,
            at,
            from,
            to,
            format,
            output,
        }) => cmd_report(
            &args,
            lang,
            *what,
            [at.as_deref(), from.as_deref(), to.as_deref()],
            *format,
            output.as_deref(),
        ),
        Some(Command::Handbook {
            topic,
            format,
            output,
        }) => cmd_handbook(&args, lang, &topic.join(" "), *format, output.as_deref()),
        Some(Command::Safety(cmd)) => safety::run(&args, lang, cmd),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = e.message(lang);
            if !msg.is_empty() {
                eprintln!("{msg}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Opens the store, turning errors into the user's language. A damaged database is
/// moved aside and the newest good backup named (see `safety.rs`).
pub(crate) fn open_store(dir: &Path, lang: Lang) -> Result<Store, CliError> {
    let store = safety::open_store_explained(dir, lang)?;
    // The branch's settings of the rules and its days of the calendar are in force for
    // every command.
    crate::domain::rules::install(store.rule_settings()?);
    crate::domain::holidays::install(store.holidays()?);
    Ok(store)
}

fn cmd_demo(args: &Args, lang: Lang) -> Result<(), CliError> {
    let dir = data_dir(args.data.as_deref());
    let store = open_store(&dir, lang)?;
    let shown = dir.display().to_string();
    if store.member_count() > 0 || store.branch()?.is_some() {
        return Err(CliError::DemoNotEmpty(dir));
    }
    let n = write_demo(&store, today())?;
    println!("{}", lang.cat().cli(C::DemoWritten(n, &shown)));
    Ok(())
}

/// Members saved per transaction by `import members` (about 4 MB of sled's memory each).
const IMPORT_BATCH: usize = 500;

fn cmd_import_members(args: &Args, lang: Lang, file: &Path, strict: bool) -> Result<(), CliError> {
    use crate::interchange::{import, import_text};
    let c = lang.cat();
    // Bounded before anything is read: a file over the limit, or endless, is refused.
    let bytes = import::read_file(file)?;
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if xlsx::looks_like_xls(&bytes) {
        return Err(CliError::XlsOld);
    }
    // A workbook by its name or by its content (a zip), whatever the extension says.
    let read = if ext == "xlsx" || ext == "xlsm" || xlsx::looks_like_xlsx(&bytes) {
        members_csv::parse_xlsx(&bytes)
    } else {
        members_csv::parse(&bytes)
    };
    drop(bytes);
    let parsed = read?;
    if !parsed.ignored_columns.is_empty() {
        eprintln!(
            "{}",
            c.cli(C::ImportIgnored(&parsed.ignored_columns.join(", ")))
        );
    }
    for b in &parsed.broken {
        eprintln!("{}", import_text::broken_line_text(lang, b));
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let existing = store.members()?;
    let plan = members_csv::plan(&parsed.rows, &existing, today());
    drop(existing);
    let members_csv::Parsed { rows, broken, .. } = parsed;
    drop(rows);
    for (line, field, n) in &plan.cleaned {
        eprintln!("{}", import_text::cleaned_text(lang, *line, *field, *n));
    }
    for r in &plan.rejected {
        eprintln!(
            "{}",
            c.cli(C::ImportRow(
                r.line,
                c.field(r.field),
                &c.problem(&r.problem)
            ))
        );
    }
    for conflict in &plan.conflicts {
        eprintln!("{}", import_text::conflict_text(lang, conflict));
    }
    for (line, w) in &plan.warnings {
        eprintln!("{}", c.cli(C::ImportWarning(*line, &c.warning(w))));
    }
    let refused = plan.rejected_rows() + broken.len() + plan.conflicts.len();
    if strict && refused > 0 {
        return Err(CliError::StrictRefused(refused));
    }
    // All valid rows in one transaction, flushed before we report them imported.
    // Saved in batches, each one transaction flushed before the next: one transaction of
    // 10,000 members takes sled past 130 MB. A run killed between batches leaves whole
    // batches saved; importing the same file again updates those members (matched by card
    // number, or name and birth date) and holds back look-alikes, so nobody is added twice.
    for chunk in plan.items.chunks(IMPORT_BATCH) {
        store.save_members(chunk)?;
    }
    println!(
        "{}",
        c.cli(C::ImportSummary(plan.added, plan.updated, refused))
    );
    if !plan.conflicts.is_empty() {
        eprintln!(
            "{}",
            import_text::conflicts_held_text(lang, plan.conflicts.len())
        );
    }
    if refused > 0 {
        Err(CliError::Reported)
    } else {
        Ok(())
    }
}

fn cmd_export_members(
    args: &Args,
    lang: Lang,
    format: MembersFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    let c = lang.cat();
    if format == MembersFormat::Xlsx && out.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let members = store.members()?;
    let csv = match format {
        MembersFormat::Csv => members_csv::export(&members, today()).into_bytes(),
        MembersFormat::Xlsx => xlsx_bytes(&[members_csv::sheet(&members, today())])?,
    };
    match out {
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&csv)
                .and_then(|()| stdout.flush())
                .map_err(CliError::stdout)?;
        }
        Some(path) => {
            let shown = path.display().to_string();
            write_file_atomically(path, &csv).map_err(CliError::write(path))?;
            println!("{}", c.cli(C::Exported(members.len(), &shown)));
        }
    }
    Ok(())
}

/// Which document of a meeting `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeetingDoc {
    /// Biên bản.
    Minutes,
    /// Thông báo triệu tập.
    Notice,
    /// Nghị quyết chi bộ.
    Resolution,
}

fn cmd_export_minutes(
    args: &Args,
    lang: Lang,
    which: &str,
    format: DocFormat,
    out: Option<&Path>,
    doc: MeetingDoc,
) -> Result<(), CliError> {
    use crate::interchange::{minutes, notice, place_name, resolution};
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let branch = store.branch()?.ok_or(CliError::NoBranch)?;
    let meetings = store.meetings()?;
    let found: Vec<_> = match date::parse_user_date(which, today(), date::DateRole::Meeting) {
        Ok(d) => meetings.iter().filter(|(_, m)| m.date == d).collect(),
        Err(_) => {
            let n: u32 = which
                .trim()
                .parse()
                .map_err(|_| CliError::MeetingNotFound(which.to_string()))?;
            meetings
                .iter()
                .filter(|(_, m)| m.number == n && m.term_start == branch.term_start)
                .collect()
        }
    };
    let [(_, m)] = found.as_slice() else {
        return Err(if found.is_empty() {
            CliError::MeetingNotFound(which.to_string())
        } else {
            CliError::MeetingAmbiguous(which.to_string())
        });
    };
    let place = place_name(&branch);
    write_document(
        lang,
        format,
        out,
        || match doc {
            MeetingDoc::Minutes => minutes::minutes_text(&branch, m, &place),
            MeetingDoc::Notice => notice::notice_text(&branch, m),
            MeetingDoc::Resolution => resolution::resolution_text(&branch, m, &place),
        },
        || {
            let d = match doc {
                MeetingDoc::Minutes => minutes::minutes_document(&branch, m, &place),
                MeetingDoc::Notice => notice::notice_document(&branch, m, &place, today()),
                MeetingDoc::Resolution => resolution::resolution_document(&branch, m, &place),
            };
            Ok(d.to_docx()?)
        },
    )
}

/// Writes a Party document in `format`: `text` for txt (CRLF in a file, as is on the
/// standard output), `docx` for Word, which needs `-o FILE`.
fn write_document(
    lang: Lang,
    format: DocFormat,
    out: Option<&Path>,
    text: impl FnOnce() -> String,
    docx: impl FnOnce() -> Result<Vec<u8>, CliError>,
) -> Result<(), CliError> {
    let bytes = match (format, out) {
        (DocFormat::Docx, None) => return Err(CliError::DocxNeedsFile),
        (DocFormat::Docx, Some(_)) => docx()?,
        (DocFormat::Txt, Some(_)) => crate::interchange::minutes::to_crlf(&text()).into_bytes(),
        (DocFormat::Txt, None) => text().into_bytes(),
    };
    write_output(lang, out, &bytes)
}

/// `export receipts`: the receipt list of the dues collected in a month.
fn cmd_export_receipts(
    args: &Args,
    lang: Lang,
    month: &str,
    format: DocFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    use crate::domain::dues::YearMonth;
    use crate::interchange::{place_name, receipts};
    let month = YearMonth::parse(month).ok_or_else(|| CliError::BadMonth(month.to_string()))?;
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let branch = store.branch()?.ok_or(CliError::NoBranch)?;
    let members = store.members()?;
    let ledgers = store.dues()?;
    let r = receipts::receipts(members.iter().map(|(id, m)| (*id, m)), &ledgers, month)
        .with_handed(&store.dues_handed()?);
    if r.rows.is_empty() {
        return Err(CliError::NobodyPaid(month));
    }
    let place = place_name(&branch);
    write_document(
        lang,
        format,
        out,
        || receipts::receipts_text(&branch, &r, &place, today()),
        || Ok(receipts::receipts_docx(&branch, &r, &place, today())?),
    )
}

fn cmd_todo(args: &Args, lang: Lang) -> Result<(), CliError> {
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    // The same list as the home screen: built from the same application state.
    let app = crate::app::App::new(store, lang, crate::app::keymap::Keymap::defaults(), today())?;
    let c = lang.cat();
    let mut out = String::new();
    for item in crate::app::screens::home::todo_items(&app) {
        let when = item
            .due
            .map(date::format_date)
            .unwrap_or_else(|| c.msg(i18n::Msg::HomeNow).to_string());
        out.push_str(&format!("{when:<11} {}\n", c.todo(&item)));
    }
    write_output(lang, None, out.as_bytes())
}

/// A `--at`/`--from`/`--to` option: `default` when absent, else a dd/mm/yyyy date or a
/// message naming what was typed.
pub(crate) fn date_option(s: Option<&str>, default: NaiveDate) -> Result<NaiveDate, CliError> {
    match s {
        None => Ok(default),
        Some(s) => date::parse_user_date(s, today(), date::DateRole::Event)
            .map_err(|_| CliError::BadDate(s.to_string())),
    }
}

fn cmd_report(
    args: &Args,
    lang: Lang,
    what: ReportWhat,
    [at, from, to]: [Option<&str>; 3],
    format: ReportFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    use crate::domain::stats;
    use crate::interchange::figures::{Period, ReportKind};
    let now = today();
    let period = Period {
        at: date_option(at, now)?,
        from: date_option(from, stats::year_start(now))?,
        to: date_option(to, now)?,
    };
    let kind = match what {
        ReportWhat::Stats => ReportKind::Stats,
        ReportWhat::Movements => ReportKind::Movements,
        ReportWhat::Meetings => ReportKind::Meetings,
        // The review of the year of --to; the admission board as of today.
        ReportWhat::Assessments => ReportKind::Assessments,
        ReportWhat::Admission => ReportKind::Admission,
        ReportWhat::Completeness => {
            return record::report_completeness(args, lang, period.at, format, out);
        }
        ReportWhat::Studies => {
            let format = match format {
                ReportFormat::Txt => ListFormat::Txt,
                ReportFormat::Csv => ListFormat::Csv,
                ReportFormat::Xlsx => ListFormat::Xlsx,
                ReportFormat::Docx => return Err(CliError::NoDocxForThis),
            };
            return record::export_studies(args, lang, format, out);
        }
    };
    report::write_report(args, lang, kind, period, format, out)
}

/// `export badges`: the badge lists of a year by presentation date.
fn cmd_export_badges(
    args: &Args,
    lang: Lang,
    year: Option<i32>,
    format: ListFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    use crate::interchange::dues_badges as report;
    use chrono::Datelike;
    if format == ListFormat::Xlsx && out.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let branch = store.branch()?.unwrap_or_default();
    let members = store.members()?;
    let badges = store.badges()?;
    let today = today();
    let year = year.unwrap_or(today.year());
    let bytes = match format {
        ListFormat::Xlsx => xlsx_bytes(&[report::badges_sheet(lang, &members, &badges, year)])?,
        ListFormat::Csv => report::badges_csv(lang, &members, &badges, year).into_bytes(),
        ListFormat::Txt => {
            let t = report::badges_text(lang, &branch.name, &members, &badges, year, today);
            if out.is_some() {
                crate::interchange::minutes::to_crlf(&t).into_bytes()
            } else {
                t.into_bytes()
            }
        }
    };
    write_output(lang, out, &bytes)
}

fn cmd_export(args: &Args, lang: Lang, what: &ExportWhat) -> Result<(), CliError> {
    match what {
        ExportWhat::Members { format, output } => {
            cmd_export_members(args, lang, *format, output.as_deref())
        }
        ExportWhat::Bundle { full, output } => {
            rollup::cmd_export_bundle(args.data.as_deref(), lang, *full, output.as_deref())
        }
        ExportWhat::Minutes {
            meeting,
            format,
            output,
        }
        | ExportWhat::Notice {
            meeting,
            format,
            output,
        }
        | ExportWhat::Resolution {
            meeting,
            format,
            output,
        } => {
            let doc = match what {
                ExportWhat::Notice { .. } => MeetingDoc::Notice,
                ExportWhat::Resolution { .. } => MeetingDoc::Resolution,
                _ => MeetingDoc::Minutes,
            };
            cmd_export_minutes(args, lang, meeting, *format, output.as_deref(), doc)
        }
        ExportWhat::Receipts {
            month,
            format,
            output,
        } => cmd_export_receipts(args, lang, month, *format, output.as_deref()),
        ExportWhat::Exemptions {
            year,
            format,
            output,
        } => cmd_export_exemptions(args, lang, *year, *format, output.as_deref()),
        ExportWhat::Liaison {
            year,
            format,
            output,
        } => liaison::export_list(
            args.data.as_deref(),
            lang,
            *year,
            *format,
            output.as_deref(),
        ),
        ExportWhat::Comments {
            year,
            name,
            format,
            output,
        } => liaison::export_comments(
            args.data.as_deref(),
            lang,
            *year,
            name.as_deref(),
            *format,
            output.as_deref(),
        ),
        // The same reports as screen 6: the board as of today, with this year's target.
        ExportWhat::Candidates { format, output } => report::write_report(
            args,
            lang,
            crate::interchange::figures::ReportKind::Admission,
            crate::interchange::figures::Period::year(chrono::Datelike::year(&today()), today()),
            (*format).into(),
            output.as_deref(),
        ),
        ExportWhat::Assessments {
            year,
            format,
            output,
        } => report::write_report(
            args,
            lang,
            crate::interchange::figures::ReportKind::Assessments,
            crate::interchange::figures::Period::year(*year, today()),
            *format,
            output.as_deref(),
        ),
        ExportWhat::Studies { format, output } => {
            crate::cli::record::export_studies(args, lang, *format, output.as_deref())
        }
        ExportWhat::Badges {
            year,
            format,
            output,
        } => cmd_export_badges(args, lang, *year, *format, output.as_deref()),
        ExportWhat::Dues {
            year,
            format,
            output,
        } => report::write_report(
            args,
            lang,
            crate::interchange::figures::ReportKind::Dues,
            crate::interchange::figures::Period::year(
                year.unwrap_or(chrono::Datelike::year(&today())),
                today(),
            ),
            (*format).into(),
            output.as_deref(),
        ),
    }
}

fn cmd_export_exemptions(
    args: &Args,
    lang: Lang,
    year: Option<i32>,
    format: ListFormat,
    out: Option<&Path>,
) -> Result<(), CliError> {
    use crate::domain::lifecycle;
    use crate::interchange::lists;
    if format == ListFormat::Xlsx && out.is_none() {
        return Err(CliError::XlsxNeedsFile);
    }
    let store = open_store(&data_dir(args.data.as_deref()), lang)?;
    let members = store.members()?;
    let today = today();
    let rows: Vec<_> = members
        .into_iter()
        .flat_map(|(_, m)| {
            let rows = match year {
                Some(y) => lifecycle::exempt_rows_in_year(&m, y),
                None => lifecycle::exempt_row(&m, today).into_iter().collect(),
            };
            rows.into_iter().map(move |r| (m.clone(), r))
        })
        .collect();
    let text = match format {
        ListFormat::Xlsx => {
            return write_output(lang, out, &xlsx_bytes(&[lists::exemptions_sheet(&rows)])?);
        }
        ListFormat::Csv => lists::exemptions_csv(&rows),
        ListFormat::Txt => {
            let t = lists::exemptions_txt(year, today, &rows);
            if out.is_some() {
                crate::interchange::minutes::to_crlf(&t)
            } else {
                t
            }
        }
    };
    write_output(lang, out, text.as_bytes())
}

/// The sheets as an `.xlsx` workbook.
pub(crate) fn xlsx_bytes(sheets: &[xlsx::Sheet]) -> Result<Vec<u8>, CliError> {
    Ok(xlsx::to_xlsx(sheets)?)
}

/// `sochibo handbook [topic]`: the procedure's steps (or the list of procedures) as text,
/// or the handbook as a Word document. Needs no register; keys come from the user's keymap.
fn cmd_handbook(
    args: &Args,
    lang: Lang,
    typed: &str,
    format: DocFormat,
    output: Option<&Path>,
) -> Result<(), CliError> {
    use crate::domain::handbook::{Topic, find_topic};
    use crate::domain::rules;
    use crate::interchange::docx_handbook as hb;
    let keymap = match keymap_path().and_then(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
    {
        Some((p, text)) => crate::keymap::Keymap::load(Some((&p.display().to_string(), &text))).0,
        None => crate::keymap::Keymap::defaults(),
    };
    let topic = if typed.trim().is_empty() {
        None
    } else {
        match find_topic(typed) {
            Some(t) => Some(t),
            None => {
                eprintln!(
                    "{}",
                    i18n::rules::catalogue(lang).unknown_topic(typed.trim())
                );
                eprint!("{}", hb::topics_text(lang));
                return Err(CliError::Reported);
            }
        }
    };
    match format {
        DocFormat::Txt => {
            let text = match topic {
                Some(t) => hb::topic_text(lang, &keymap, t, &rules::value, args.ascii),
                None => hb::topics_text(lang),
            };
            write_output(lang, output, text.as_bytes())
        }
        DocFormat::Docx => {
            let Some(out) = output else {
                return Err(CliError::DocxNeedsFile);
            };
            let topics: Vec<Topic> = topic.map_or_else(|| Topic::ALL.to_vec(), |t| vec![t]);
            let bytes = hb::handbook_docx(lang, &keymap, &topics, &rules::value)?;
            write_output(lang, Some(out), &bytes)
        }
    }
}

/// Writes to the file (atomically, saying so) or to stdout.
fn write_output(lang: Lang, out: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    let c = lang.cat();
    match out {
        None => {
            use std::io::Write;
            std::io::stdout()
                .lock()
                .write_all(bytes)
                .map_err(CliError::stdout)
        }
        Some(path) => {
            let shown = path.display().to_string();
            write_file_atomically(path, bytes).map_err(CliError::write(path))?;
            println!("{}", c.cli(C::Written(&shown)));
            Ok(())
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place,
/// so an interrupted export never leaves half a file under the real name; on failure
/// (disk full) the temporary file is removed too.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::store::atomic::write_file(path, bytes)
}
