//! `cargo bench --bench perf`: the issue-9 benchmark. Builds the release app and the floor
//! program, generates the benchmark data, measures, and prints a Markdown table (medians
//! and p99 next to baselines from the same run, PASS/MISS per target).
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
        suite::Config::full(app, floor, work.path().to_path_buf())
    };
    let report = suite::run(&cfg, &mut |step| eprintln!("perf: {step}…"));
    println!("{}", report.markdown());
}
