//! Every integration test, in one test binary: linking one binary instead of one per
//! file (69 of them) is most of the time `cargo test` takes on a slow machine, and CI
//! builds the suite twice (64-bit and 32-bit). Each file of `tests/` is a module here;
//! run one with `cargo test --test suite NAME::` (e.g. `cargo test --test suite
//! admission_tui::`). A new test file is one line below.

// One module per file of tests/, in name order; shared by them: common (the harness and
// helpers), ascii_views (the screens every view test walks, for ascii and legible) and
// perf (the benchmark's code, for its smoke run and the month's key count).
mod admission_cli;
mod admission_store;
mod admission_tui;
mod ascii;
mod ascii_views;
mod assessments_export;
mod backup_restore;
mod bench_smoke;
mod cli;
mod common;
mod compact_close;
mod corpus_safety;
mod csv_import;
mod damaged;
mod documents_ready;
mod dues_cli;
mod dues_handed;
mod dues_payer;
mod dues_store;
mod dues_tui;
mod encryption;
mod exemption_tui;
#[cfg(target_os = "linux")]
mod faults;
mod fuzz_import;
mod handbook;
mod history_v1;
mod holidays_tui;
mod home_tui;
mod hostile;
mod ime_corpus;
#[cfg(target_os = "linux")]
mod import_limits;
#[cfg(unix)]
mod kill;
mod legibility;
mod legible;
mod liaison_cli;
mod liaison_store;
mod liaison_tui;
mod lifecycle_tui;
mod meetings_tui;
mod minutes_export;
mod month_docs;
mod month_tui;
mod month_withdraw;
mod no_terminal;
#[path = "../benches/perf/mod.rs"]
mod perf;
#[cfg(all(unix, not(target_os = "macos")))]
mod portable;
mod pty;
mod pty_month;
mod quorum_tui;
mod readme;
mod receipts;
mod record_store;
mod record_tui;
mod reports_tui;
mod restore_tui;
mod review_tui;
mod roster_scroll;
mod rules_settings;
mod rules_tui;
mod store_layers;
mod store_migrations;
mod study_cli;
mod study_store;
mod study_tui;
mod tui;
mod typing_safety;
mod undo_every_kind_tui;
mod undo_tui;
mod usual_day;
mod ward_bundles;
mod ward_late;
mod ward_tui;
mod xlsx;
