//! Row 6: the figures report of one branch and the ward roll-up of many branch bundles,
//! timed in-process (the same library calls as `sochibo report stats` and `sochibo
//! rollup`), each next to a baseline from the same run, plus the commands' wall clock.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sochibo::domain::stats;
use sochibo::interchange::figures::Period;
use sochibo::interchange::{reports, ward};
use sochibo::store::{Store, backup};

/// Times of repeated runs of one job and of its baseline, alternating.
pub struct Times {
    /// The job.
    pub job: Vec<Duration>,
    /// Its baseline.
    pub baseline: Vec<Duration>,
    /// The same job as a command of the release (or debug) binary, spawn to exit.
    pub cli: Vec<Duration>,
    /// Size of the job's input: members read (6a) or bundles and members (6b).
    pub members: usize,
    /// Bytes of the job's text output (so the work cannot be optimised away).
    pub out_bytes: usize,
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let v = f();
    (t.elapsed(), v)
}

/// Runs the app binary with `args` (output discarded), `runs` times; panics if it fails.
pub fn cli_runs(app: &Path, args: &[String], runs: usize) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(app)
                .args(args)
                .env("SOCHIBO_LANG", "vi")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run the app");
            let d = t.elapsed();
            assert!(status.success(), "{app:?} {args:?}: {status}");
            d
        })
        .collect()
}

/// 6a: `report stats` of the branch in `store`'s directory: read and decode every
/// member, the structure on `at`, its text table. Baseline: the bare pass over the
/// members (read and decode every member, nothing else). The command's own runs are
/// made by the caller once `store` is closed.
pub fn figures_report(store: &Store, at: NaiveDate, runs: usize) -> Times {
    let mut t = Times {
        job: Vec::new(),
        baseline: Vec::new(),
        cli: Vec::new(),
        members: 0,
        out_bytes: 0,
    };
    for _ in 0..runs.max(1) {
        let (d, n) = timed(|| store.members().expect("members").len());
        t.baseline.push(d);
        t.members = n;
        let (d, text) = timed(|| {
            let branch = store.branch().expect("branch").unwrap_or_default();
            let members: Vec<_> = store
                .members()
                .expect("members")
                .into_iter()
                .map(|(_, m)| m)
                .collect();
            reports::structure_report(&branch.name, &stats::structure(&members, at), at, false)
        });
        t.job.push(d);
        t.out_bytes = text.len();
    }
    t
}

/// Writes `branches` sample branch bundles into `dir` with `sochibo demo-ward` and
/// returns their paths, sorted.
pub fn make_bundles(app: &Path, dir: &Path, branches: u32) -> Vec<PathBuf> {
    cli_runs(
        app,
        &[
            "demo-ward".into(),
            dir.display().to_string(),
            "--branches".into(),
            branches.to_string(),
        ],
        1,
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("bundle dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "scb"))
        .collect();
    files.sort();
    // The sample ward has a few branches that have not sent their bundle yet.
    assert!(
        files.len() + 5 >= branches as usize && files.len() <= branches as usize,
        "bundles in {}",
        dir.display()
    );
    files
}

/// 6b: the roll-up of `files` as `sochibo rollup` does it: read and verify each bundle
/// (checksum, then restored into a temporary store and read back, as a branch's own data),
/// the ward's figures (each branch's share, structure, movements, meetings, review) as
/// text. Baseline: reading the same files' bytes.
pub fn rollup(files: &[PathBuf], at: NaiveDate, runs: usize) -> Times {
    let mut t = Times {
        job: Vec::new(),
        baseline: Vec::new(),
        cli: Vec::new(),
        members: 0,
        out_bytes: 0,
    };
    let from = stats::year_start(at);
    for _ in 0..runs.max(1) {
        let (d, bytes) = timed(|| {
            files
                .iter()
                .map(|f| std::fs::read(f).expect("read bundle").len())
                .sum::<usize>()
        });
        assert!(bytes > 0);
        t.baseline.push(d);
        let (d, (n, text)) = timed(|| {
            let registers: Vec<_> = files
                .iter()
                .map(|f| backup::load_register(f).expect("bundle").1.expect("plain"))
                .collect();
            let p = Period { at, from, to: at };
            let w = ward::ward(&registers, p);
            assert_eq!(w.shares.len(), files.len());
            (
                usize::try_from(w.structure.total).unwrap_or(0),
                ward::ward_text(&w, p, sochibo::i18n::Lang::Vi),
            )
        });
        t.job.push(d);
        t.members = n;
        t.out_bytes = text.len();
    }
    t
}
