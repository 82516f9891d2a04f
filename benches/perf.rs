//! `cargo bench --bench perf`: the issue-9 benchmark. Builds the release app and the floor
//! program, generates the benchmark data, measures, and prints a Markdown table (medians
//! and p99 next to baselines from the same run, PASS/MISS per target).
//!
//! The rows 1d and 2c run the i686-unknown-linux-gnu release build when that target is
//! installed, and say why not otherwise.
//!
//! `cargo bench --bench perf -- --smoke` runs the tiny version (what the tests run).

#[path = "perf/mod.rs"]
mod suite;

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    eprintln!(
        "perf: building the {} app and floor program…",
        if smoke { "debug" } else { "release" }
    );
    let (app, floor) = suite::build_binaries(smoke);
    let work = suite::work_dir();
    let cfg = if smoke {
        suite::Config::smoke(app, floor, work.path().to_path_buf())
    } else {
        // The 32-bit build for rows 1d and 2c; without it they say why (issue 21.1).
        eprintln!(
            "perf: building the {} release app and floor program…",
            suite::I686
        );
        let i686 = suite::build_i686();
        if let Err(why) = &i686 {
            eprintln!("perf: rows 1d and 2c not measured: {why}");
        }
        suite::Config::full(app, floor, i686, work.path().to_path_buf())
    };
    let report = suite::run(&cfg, &mut |step| eprintln!("perf: {step}…"));
    println!("{}", report.markdown());
}
