//! `sochibo`: parses the command line and hands over to `cli::run`.
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used)]

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    match sochibo::cli::Args::try_parse() {
        Ok(args) => sochibo::cli::run(args),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", sochibo::cli::usage_error_intro());
            let _ = e.print();
            ExitCode::from(2)
        }
    }
}
