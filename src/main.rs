//! `sochibo`: parses the command line and hands over to `cli::run`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    sochibo::cli::run(sochibo::cli::Args::parse())
}
