//! The issue-9 benchmark, shared by `benches/perf.rs` (`cargo bench --bench perf`) and
//! the smoke test `tests/bench_smoke.rs` (tiny sizes, one repetition; it checks the
//! report's shape, never timings).
//!
//! Every figure is printed next to a baseline measured in the same run: the floor program
//! (`benches/perf/floor.rs`, built as the `floor` example: sled 0.34.7 with its default
//! configuration + the same roster table drawn with ratatui, nothing else), a redraw with
//! no change, or the same bytes written and fsynced to a plain file.
#![allow(dead_code)]

pub mod figures;
pub mod inproc;
pub mod kinds;
pub mod month_keys;
pub mod pty;
pub mod report;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sochibo::domain::benchdata::{self, BenchData, Spec};
use sochibo::store::Store;

use pty::{Term, peak_rss};
use report::{Report, Row, Unit, Value, Verdict};

/// What to run and how often.
#[derive(Debug, Clone)]
pub struct Config {
    /// Tiny sizes and single runs (the smoke test).
    pub smoke: bool,
    /// The app binary.
    pub app: PathBuf,
    /// The floor program.
    pub floor: PathBuf,
    /// The i686 (32-bit) release app and floor program, or why there are none.
    pub i686: Result<(PathBuf, PathBuf), String>,
    /// Where the stores are written (on the same disk as the build, not a tmpfs).
    pub work: PathBuf,
    /// The large branch.
    pub large: Spec,
    /// The typical branch.
    pub typical: Spec,
    /// The two ward sizes for the search.
    pub wards: [Spec; 2],
    /// Spawns per program for the first frame.
    pub frame_runs: usize,
    /// Drives through every screen for the peak RSS.
    pub rss_runs: usize,
    /// Times the query is typed and erased.
    pub search_rounds: usize,
    /// Saves of each kind.
    pub save_runs: usize,
    /// Edits of every record in the simulated year.
    pub edit_rounds: u32,
    /// Runs of each report and roll-up, in-process and as a command.
    pub report_runs: usize,
    /// Branch bundles in the ward roll-up.
    pub ward_branches: u32,
    /// How long the idle programs are watched.
    pub idle: Duration,
}

impl Config {
    /// The real benchmark.
    pub fn full(
        app: PathBuf,
        floor: PathBuf,
        i686: Result<(PathBuf, PathBuf), String>,
        work: PathBuf,
    ) -> Config {
        Config {
            smoke: false,
            app,
            floor,
            i686,
            work,
            large: Spec::large(),
            typical: Spec::typical(),
            wards: [Spec::ward(1239), Spec::ward(5000)],
            frame_runs: 21,
            rss_runs: 3,
            search_rounds: 40,
            save_runs: 40,
            edit_rounds: 10,
            report_runs: 21,
            ward_branches: 45,
            idle: Duration::from_secs(10),
        }
    }

    /// The smoke run: every row, tiny sizes, one repetition.
    pub fn smoke(app: PathBuf, floor: PathBuf, work: PathBuf) -> Config {
        Config {
            smoke: true,
            app,
            floor,
            i686: Err(format!(
                "the smoke run does not build for {I686} (`cargo bench --bench perf` does)"
            )),
            work,
            large: Spec::tiny(8, 1),
            typical: Spec::tiny(4, 1),
            wards: [Spec::ward(45), Spec::ward(90)],
            frame_runs: 1,
            rss_runs: 1,
            search_rounds: 1,
            save_runs: 2,
            edit_rounds: 2,
            report_runs: 1,
            ward_branches: 3,
            idle: Duration::from_millis(300),
        }
    }
}

/// The cargo target directory (as tests/pty.rs finds it).
pub fn target_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("CARGO_TARGET_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("target"))
}

/// Builds the app and the floor program (`--release` unless `debug`) and returns their
/// paths. Cheap when they are up to date.
pub fn build_binaries(debug: bool) -> (PathBuf, PathBuf) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["build", "--quiet", "--bin", "sochibo", "--example", "floor"];
    if !debug {
        args.push("--release");
    }
    let status = std::process::Command::new(env!("CARGO"))
        .args(&args)
        .current_dir(manifest)
        .status()
        .expect("run cargo build");
    assert!(status.success(), "cargo {args:?} failed: {status}");
    let dir = target_dir().join(if debug { "debug" } else { "release" });
    let exe = std::env::consts::EXE_SUFFIX;
    let app = dir.join(format!("sochibo{exe}"));
    let floor = dir.join("examples").join(format!("floor{exe}"));
    assert!(
        app.is_file() && floor.is_file(),
        "no binaries in {}",
        dir.display()
    );
    (app, floor)
}

/// The 32-bit target the old Windows laptops stand for (issue 21.1), run natively here.
pub const I686: &str = "i686-unknown-linux-gnu";

/// Builds the release app and floor program for [`I686`] and returns their paths, or why
/// it cannot: the target is not installed (`rustup target add i686-unknown-linux-gnu`; the
/// linker also needs gcc-multilib), or the build failed.
pub fn build_i686() -> Result<(PathBuf, PathBuf), String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let installed = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(manifest)
        .output()
        .map_err(|e| format!("no rustup to ask whether {I686} is installed ({e})"))?;
    if !String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == I686)
    {
        return Err(format!(
            "the {I686} target is not installed (`rustup target add {I686}`, and gcc-multilib)"
        ));
    }
    let args = [
        "build",
        "--quiet",
        "--release",
        "--target",
        I686,
        "--bin",
        "sochibo",
        "--example",
        "floor",
    ];
    let out = std::process::Command::new(env!("CARGO"))
        .args(args)
        .current_dir(manifest)
        .stdout(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo ({e})"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        eprint!("{err}");
        return Err(format!(
            "`cargo build --release --target {I686}` failed: {last}"
        ));
    }
    let dir = target_dir().join(I686).join("release");
    let app = dir.join("sochibo");
    let floor = dir.join("examples").join("floor");
    for p in [&app, &floor] {
        // ELF class byte (offset 4): 1 = 32-bit.
        let mut head = [0u8; 5];
        std::fs::File::open(p)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .map_err(|e| format!("no {} ({e})", p.display()))?;
        if head != [0x7f, b'E', b'L', b'F', 1] {
            return Err(format!("{} is not a 32-bit ELF file", p.display()));
        }
    }
    Ok((app, floor))
}

/// A fresh working directory under the target directory (a real disk, like the data).
pub fn work_dir() -> tempfile::TempDir {
    let base = target_dir().join("perf-work");
    std::fs::create_dir_all(&base).expect("create perf-work");
    tempfile::Builder::new()
        .prefix("run-")
        .tempdir_in(base)
        .expect("temp dir")
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn ratio(a: &Value, b: &Value) -> Option<f64> {
    Some(a.median()? / b.median()?)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Writes `data` into a new store in `dir`.
fn make_store(dir: &Path, data: &BenchData) {
    let store = Store::open(dir).expect("open store");
    kinds::load(&store, data).expect("load data");
    store.flush().expect("flush");
}

fn data_line(label: &str, d: &BenchData, spec: &Spec) -> String {
    let on_roll = d
        .members
        .iter()
        .filter(|(_, m)| m.status_at(spec.today).is_active())
        .count();
    format!(
        "{label}: {on_roll} members on the roll ({} records), {} meetings over {} years, {:.2} MB encoded",
        d.members.len(),
        d.meetings.len(),
        spec.years,
        mb(kinds::encoded_bytes(d) as u64)
    )
}

/// The 1-minute load average, as text.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn machine_line(work: &Path) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
    let work_s = work.display().to_string();
    let fs = mounts
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() > 2 && work_s.starts_with(f[1])).then(|| (f[1].len(), f[2].to_string()))
        })
        .max()
        .map_or("?".to_string(), |(_, t)| t);
    format!(
        "Machine: {cpu}, {cores} cores, load average {} at the start; stores on {fs}.",
        load_average()
    )
}

/// Spawns the app on a store and returns (time to first frame, peak RSS so far).
fn app_frame(cfg: &Config, dir: &Path, title: &str) -> (Duration, u64) {
    let (d, rss, _) = app_frame_read(cfg, dir, title);
    (d, rss)
}

/// Like `app_frame`, plus the bytes the app read from files up to its first frame.
fn app_frame_read(cfg: &Config, dir: &Path, title: &str) -> (Duration, u64, u64) {
    let dir = dir.display().to_string();
    let mut t = Term::spawn(&cfg.app, &["--data", &dir], &[title, "Việc cần làm"]);
    let d = t.first_frame();
    let rss = peak_rss(t.pid());
    let read = pty::bytes_read(t.pid());
    t.quit();
    (d, rss, read)
}

/// Spawns the floor on a store (`None`: no store at all).
fn floor_frame(cfg: &Config, dir: Option<&Path>, title: &str) -> (Duration, u64) {
    let dir = dir.map_or("--no-store".to_string(), |d| d.display().to_string());
    let mut t = Term::spawn(&cfg.floor, &[&dir], &[title, "Họ và tên"]);
    let d = t.first_frame();
    let rss = peak_rss(t.pid());
    t.quit();
    (d, rss)
}

struct Frames {
    app: Vec<Duration>,
    floor: Vec<Duration>,
    app_rss: Vec<f64>,
    floor_rss: Vec<f64>,
    /// Bytes the app read (read(2) and friends) up to its first frame: at the first open
    /// after the store was written (sled replays its log), then the median of the others.
    app_read_first: u64,
    app_read: u64,
}

/// App and floor alternately on the same store, after one warm-up each.
fn frames(cfg: &Config, dir: &Path, title: &str) -> Frames {
    let (_, _, app_read_first) = app_frame_read(cfg, dir, title);
    floor_frame(cfg, Some(dir), title);
    let mut f = Frames {
        app: Vec::new(),
        floor: Vec::new(),
        app_rss: Vec::new(),
        floor_rss: Vec::new(),
        app_read_first,
        app_read: 0,
    };
    let mut reads = Vec::new();
    for _ in 0..cfg.frame_runs {
        let (d, r, read) = app_frame_read(cfg, dir, title);
        reads.push(read as f64);
        f.app.push(d);
        f.app_rss.push(mb(r));
        let (d, r) = floor_frame(cfg, Some(dir), title);
        f.floor.push(d);
        f.floor_rss.push(mb(r));
    }
    f.app_read = Value::of(&reads, Unit::MB).median().unwrap_or(0.0) as u64;
    f
}

/// Drives the app through every screen (issue 9's key script) and returns its peak RSS
/// just before quitting.
fn visit_every_screen(cfg: &Config, dir: &Path, title: &str) -> u64 {
    let dir = dir.display().to_string();
    // The app opens on "Việc cần làm" (screen 0), which reads every member and meeting.
    let mut t = Term::spawn(&cfg.app, &["--data", &dir], &[title, "Việc cần làm"]);
    t.first_frame();
    let pause = || std::thread::sleep(Duration::from_millis(40));
    // Keys: Alt+digit switches screens; typing on the roster narrows it; F6 on the
    // meetings list shows attendance.
    t.send(b"\x1b1");
    // An existing register shows the page of keys that moved once, over the screen.
    let moved = "Phím đã đổi";
    t.wait_until("the roster or the keys-moved page", |s| {
        s.contains("Họ và tên") || s.contains(moved)
    });
    if t.text().contains(moved) {
        t.send(b"\x1b");
        t.wait_until("the keys-moved page to close", |s| !s.contains(moved));
    }
    t.wait_for("Họ và tên");
    pause();
    t.type_str("nguyen");
    t.wait_for("Tìm trong danh sách: nguyen");
    t.send(b"\x1b");
    t.wait_until("the find box to close", |s| {
        !s.contains("Tìm trong danh sách")
    });
    pause();
    t.send(b"\x1b2");
    t.wait_for("Tên chi bộ");
    t.send(b"\x1b3");
    t.wait_for("T12:");
    t.send(b"\r");
    t.wait_for("-BB/CB");
    for _ in 0..4 {
        pause();
        t.send_and_wait_change(b"\t", "the next tab");
    }
    pause();
    t.send(b"\x1b");
    t.wait_until("the meeting to close", |s| !s.contains("-BB/CB"));
    t.send(b"\x1b[17~");
    t.wait_for("Chuyên cần trong năm");
    pause();
    let rss = peak_rss(t.pid());
    t.quit();
    rss
}

struct Idle {
    cpu_ms: f64,
    wakeups_per_s: f64,
    main_cpu_ms: f64,
    main_wakeups: u64,
    threads: usize,
}

fn watch_idle(terms: &[&Term], window: Duration) -> Vec<Idle> {
    let probe = |pid: u32| {
        (
            pty::cpu_ns(pid),
            pty::wakeups(pid),
            pty::main_thread_cpu_ns(pid),
            pty::main_thread_wakeups(pid),
        )
    };
    let before: Vec<_> = terms.iter().map(|t| probe(t.pid())).collect();
    std::thread::sleep(window);
    terms
        .iter()
        .zip(before)
        .map(|(t, b)| {
            let a = probe(t.pid());
            Idle {
                cpu_ms: a.0.saturating_sub(b.0) as f64 / 1e6,
                wakeups_per_s: a.1.saturating_sub(b.1) as f64 / window.as_secs_f64(),
                main_cpu_ms: a.2.saturating_sub(b.2) as f64 / 1e6,
                main_wakeups: a.3.saturating_sub(b.3),
                threads: pty::threads(t.pid()),
            }
        })
        .collect()
}

/// Runs everything and returns the report. `progress` gets one line per step.
pub fn run(cfg: &Config, progress: &mut dyn FnMut(&str)) -> Report {
    let started = Instant::now();
    let mut rep = Report::default();
    rep.header.push(machine_line(&cfg.work));

    progress("generating data");
    let large = benchdata::generate(&cfg.large);
    let typical = benchdata::generate(&cfg.typical);
    rep.header.push(format!(
        "Data (deterministic, `sochibo::domain::benchdata`): {}; {}; ward: {} and {} members as one roster of 45 residential groups, no meetings (search); the roll-up reads {} branch bundles made by `sochibo demo-ward`.",
        data_line("large branch", &large, &cfg.large),
        data_line("typical branch", &typical, &cfg.typical),
        cfg.wards[0].members,
        cfg.wards[1].members,
        cfg.ward_branches,
    ));
    rep.header.push(format!(
        "Runs: first frame {}× per program (alternating, after a warm-up); every-screen drive {}×; search {}× ({} keystrokes each); saves {}× each; {} edits of every record; idle {} s.",
        cfg.frame_runs,
        cfg.rss_runs,
        cfg.search_rounds,
        2 * inproc::QUERY.chars().count(),
        cfg.save_runs,
        cfg.edit_rounds,
        cfg.idle.as_secs_f64()
    ));

    let large_dir = cfg.work.join("large");
    let typical_dir = cfg.work.join("typical");
    make_store(&large_dir, &large);
    make_store(&typical_dir, &typical);
    let large_n = format!(
        "{} members, {} meetings",
        cfg.large.members,
        large.meetings.len()
    );

    // 1. First frame.
    progress("first frame: large branch, app vs floor");
    let fl = frames(cfg, &large_dir, &large.branch.name);
    let app = Value::of_durations(&fl.app, Unit::Ms);
    let floor = Value::of_durations(&fl.floor, Unit::Ms);
    let r = ratio(&app, &floor);
    rep.rows.push(Row {
        id: "1",
        what: format!("start → first frame, large branch ({large_n}), pty"),
        baseline_what: "floor: sled default config, read + decode all, same table".into(),
        ratio: r,
        target: "≤ 1.5× floor".into(),
        verdict: Verdict::from(r.is_some_and(|r| r <= 1.5)),
        note: format!(
            "before its first frame the app reads {:.2} MB of its {:.2} MB store ({:.2} MB at the first open after the store was written, when sled replays its log).",
            mb(fl.app_read),
            mb(inproc::dir_bytes(&large_dir.join(sochibo::store::DB_DIR)).0),
            mb(fl.app_read_first)
        ),
        value: app,
        baseline: floor,
    });
    progress("first frame: typical branch, app vs floor");
    let ft = frames(cfg, &typical_dir, &typical.branch.name);
    let app = Value::of_durations(&ft.app, Unit::Ms);
    let floor = Value::of_durations(&ft.floor, Unit::Ms);
    rep.rows.push(Row {
        id: "1b",
        what: format!(
            "start → first frame, typical branch ({} members, {} meetings), pty",
            cfg.typical.members,
            typical.meetings.len()
        ),
        baseline_what: "floor on the same store".into(),
        ratio: ratio(&app, &floor),
        target: "–".into(),
        verdict: Verdict::Info,
        note: String::new(),
        value: app,
        baseline: floor,
    });

    // 2. Peak RSS through every screen.
    progress("peak RSS: driving the app through every screen");
    let rss: Vec<f64> = (0..cfg.rss_runs)
        .map(|_| mb(visit_every_screen(cfg, &large_dir, &large.branch.name)))
        .collect();
    let app = Value::of(&rss, Unit::MB);
    let floor = Value::of(&fl.floor_rss, Unit::MB);
    let worst = app.p99().unwrap_or(f64::NAN);
    rep.rows.push(Row {
        id: "2",
        what: "peak RSS (VmHWM), large branch, keys 1 /nguyen Esc 2 3 Enter Tab×4 Esc a".into(),
        baseline_what: "floor peak RSS after its frame".into(),
        ratio: ratio(&app, &floor),
        target: "≤ 16 MB".into(),
        verdict: Verdict::from(worst <= 16.0),
        note: format!(
            "app peak at its first frame alone: {:.2} MB (median of {}).",
            Value::of(&fl.app_rss, Unit::MB)
                .median()
                .unwrap_or(f64::NAN),
            fl.app_rss.len()
        ),
        value: app,
        baseline: floor.clone(),
    });
    progress("peak RSS: floor without a store");
    let bare: Vec<f64> = (0..cfg.rss_runs.max(2))
        .map(|_| mb(floor_frame(cfg, None, "Sổ chi bộ").1))
        .collect();
    let bare = Value::of(&bare, Unit::MB);
    rep.rows.push(Row {
        id: "2b",
        what: "peak RSS, floor with sled (what sled + the data cost)".into(),
        baseline_what: "floor without a store (bare ratatui table)".into(),
        ratio: ratio(&floor, &bare),
        target: "–".into(),
        verdict: Verdict::Info,
        note: String::new(),
        value: floor,
        baseline: bare,
    });

    // 1d, 2c. The same start and memory rows for the 32-bit build (issue 21.1): the
    // i686 app against the i686 floor, on the same store, with the same targets.
    let frame_what =
        format!("start → first frame, large branch ({large_n}), pty, {I686} release build");
    let rss_what =
        format!("peak RSS (VmHWM), large branch, same keys as row 2, {I686} release build");
    match &cfg.i686 {
        Err(why) => {
            rep.rows
                .push(Row::not_measured("1d", frame_what, "≤ 1.5× floor", why));
            rep.rows
                .push(Row::not_measured("2c", rss_what, "≤ 16 MB", why));
        }
        Ok((app32, floor32)) => {
            let cfg32 = Config {
                app: app32.clone(),
                floor: floor32.clone(),
                ..cfg.clone()
            };
            progress("first frame: large branch, i686 app vs i686 floor");
            let f32 = frames(&cfg32, &large_dir, &large.branch.name);
            let app = Value::of_durations(&f32.app, Unit::Ms);
            let floor = Value::of_durations(&f32.floor, Unit::Ms);
            let r = ratio(&app, &floor);
            let x86 = Value::of_durations(&fl.app, Unit::Ms);
            let size = |p: &Path| mb(std::fs::metadata(p).map_or(0, |m| m.len()));
            rep.rows.push(Row {
                id: "1d",
                what: frame_what,
                baseline_what: "floor built for i686, same store".into(),
                ratio: r,
                target: "≤ 1.5× floor".into(),
                verdict: Verdict::from(r.is_some_and(|r| r <= 1.5)),
                note: format!(
                    "the 32-bit app against the 64-bit one of row 1 (same run, same store): {:.2}× its median first frame; the i686 binary is {:.2} MB (x86_64: {:.2} MB). Peak RSS at the first frame: app {:.2} MB, floor {:.2} MB (medians).",
                    ratio(&app, &x86).unwrap_or(f64::NAN),
                    size(app32),
                    size(&cfg.app),
                    Value::of(&f32.app_rss, Unit::MB).median().unwrap_or(f64::NAN),
                    Value::of(&f32.floor_rss, Unit::MB).median().unwrap_or(f64::NAN)
                ),
                value: app,
                baseline: floor,
            });
            progress("peak RSS: driving the i686 app through every screen");
            let rss: Vec<f64> = (0..cfg.rss_runs)
                .map(|_| mb(visit_every_screen(&cfg32, &large_dir, &large.branch.name)))
                .collect();
            let app = Value::of(&rss, Unit::MB);
            let floor = Value::of(&f32.floor_rss, Unit::MB);
            let worst = app.p99().unwrap_or(f64::NAN);
            let x86 = rep.row("2").and_then(|r| r.value.median());
            rep.rows.push(Row {
                id: "2c",
                what: rss_what,
                baseline_what: "i686 floor peak RSS after its frame".into(),
                ratio: ratio(&app, &floor),
                target: "≤ 16 MB".into(),
                verdict: Verdict::from(worst <= 16.0),
                note: format!(
                    "the 32-bit app through every screen against the 64-bit one of row 2: {:.2}× its median.",
                    app.median().zip(x86).map_or(f64::NAN, |(a, b)| a / b)
                ),
                value: app,
                baseline: floor,
            });
        }
    }

    // 3. Search keystroke → frame.
    for (id, spec) in [("3a", &cfg.wards[0]), ("3b", &cfg.wards[1])] {
        progress(&format!("search latency at {} members", spec.members));
        let data = benchdata::generate(spec);
        let t = inproc::search(
            &data,
            &cfg.work.join(format!("ward-{}", spec.members)),
            cfg.search_rounds,
        );
        let key = Value::of_durations(&t.keystroke_cpu, Unit::Us);
        let frame = Value::of_durations(&t.frame_cpu, Unit::Us);
        let wall = Value::of_durations(&t.keystroke, Unit::Us);
        let wall_frame = Value::of_durations(&t.frame, Unit::Us);
        let p99 = key.p99().unwrap_or(f64::NAN);
        let first = id == "3a";
        let us = |v: &Value| {
            format!(
                "median {:.0} µs, p99 {:.0} µs",
                v.median().unwrap_or(f64::NAN),
                v.p99().unwrap_or(f64::NAN)
            )
        };
        rep.rows.push(Row {
            id,
            what: format!(
                "search keystroke → frame, {} members (typing \"{}\", then Backspace), 80×24, CPU time",
                t.members,
                inproc::QUERY
            ),
            baseline_what: "the same frame redrawn, no event".into(),
            ratio: ratio(&key, &frame),
            target: if first { "p99 ≤ 2 ms" } else { "–" }.into(),
            verdict: if first {
                Verdict::from(p99 <= 2000.0)
            } else {
                Verdict::Info
            },
            note: format!(
                "wall clock: keystroke {}; redraw alone {} (load average {}; a redraw alone is a fixed amount of work, so its tail is the machine's, not the app's).",
                us(&wall),
                us(&wall_frame),
                load_average()
            ),
            value: key,
            baseline: frame,
        });
    }

    // 4 and 5. Saves and bytes on disk, on a fresh copy of the large branch.
    progress("saves and bytes on disk");
    let store_dir = cfg.work.join("large-edits");
    let mut data = large.clone();
    let store = Store::open(&store_dir).expect("open store");
    kinds::load(&store, &data).expect("load");
    store.flush().expect("flush");
    let encoded = kinds::encoded_bytes(&data) as u64;
    let sled_dir = store_dir.join(sochibo::store::DB_DIR);
    let (after_load, after_load_alloc) = inproc::dir_bytes(&sled_dir);
    let logical_load: u64 = inproc::logical_trees(&store, &cfg.work.join("load.scb"))
        .iter()
        .map(|(_, b)| b)
        .sum();

    let s = inproc::saves(&store, &mut data, &cfg.work, cfg.save_runs);
    for (id, what, v, p) in [
        (
            "4a",
            format!("acknowledged save: one member edit ({} B)", s.member_bytes),
            &s.member,
            &s.member_plain,
        ),
        (
            "4b",
            format!(
                "acknowledged save: one full meeting ({} attendance rows + minutes, {} B)",
                s.meeting_rows, s.meeting_bytes
            ),
            &s.meeting,
            &s.meeting_plain,
        ),
    ] {
        let app = Value::of_durations(v, Unit::Ms);
        let plain = Value::of_durations(p, Unit::Ms);
        let r = ratio(&app, &plain);
        rep.rows.push(Row {
            id,
            what,
            baseline_what: "same bytes: File::create + write_all + sync_all".into(),
            ratio: r,
            target: "≤ 2× plain fsync".into(),
            verdict: Verdict::from(r.is_some_and(|r| r <= 2.0)),
            note: String::new(),
            value: app,
            baseline: plain,
        });
    }

    let enc = Value::One(mb(encoded), Unit::MB);
    rep.rows.push(Row {
        id: "5a",
        what: "bytes on disk (sled dir, du -sb) after generating the large branch".into(),
        baseline_what: "encoded size of the records".into(),
        value: Value::One(mb(after_load), Unit::MB),
        baseline: enc.clone(),
        ratio: Some(after_load as f64 / encoded as f64),
        target: "–".into(),
        verdict: Verdict::Info,
        note: format!(
            "allocated {:.2} MB; the store's logical content (records + change history + card index) is {:.2} MB, so sled's own overhead is {:.2}×.",
            mb(after_load_alloc),
            mb(logical_load),
            after_load as f64 / logical_load as f64
        ),
    });

    progress("a simulated year of edits");
    let t = Instant::now();
    let mut saves = 0;
    for round in 0..cfg.edit_rounds {
        saves += kinds::edit_everything(&store, &mut data, round).expect("edit");
    }
    let edit_time = t.elapsed();
    let encoded = kinds::encoded_bytes(&data) as u64;
    let (after_edits, after_edits_alloc) = inproc::dir_bytes(&sled_dir);
    let backup = cfg.work.join("edited.scb");
    let trees = inproc::logical_trees(&store, &backup);
    let logical: u64 = trees.iter().map(|(_, b)| b).sum();
    let history: u64 = trees
        .iter()
        .filter(|(n, _)| n == "history")
        .map(|(_, b)| b)
        .sum();
    let members = data.members.len();
    // The heavy session ends as the interactive session ends: a clean close, which
    // compacts a folder grown past its threshold there (issue 23.5), not at the next start.
    progress("a clean close: the store compacts itself");
    let t = Instant::now();
    let closing = store.close().expect("close the edited store");
    let close_time = t.elapsed();
    let (closed, _) = inproc::dir_bytes(&sled_dir);
    let t = Instant::now();
    drop(Store::open(&store_dir).expect("reopen the edited store"));
    let reopen_time = t.elapsed();
    let (reopened, reopened_alloc) = inproc::dir_bytes(&sled_dir);
    let compacted_itself = closing.compacted;
    progress("first frame after the year of edits");
    let fe = frames(cfg, &store_dir, &large.branch.name);
    let app = Value::of_durations(&fe.app, Unit::Ms);
    let floor = Value::of_durations(&fe.floor, Unit::Ms);
    rep.rows.push(Row {
        id: "1c",
        what: format!(
            "start → first frame, large branch after the year of edits ({:.0} MB store), pty",
            mb(reopened)
        ),
        baseline_what: "floor on the same store".into(),
        ratio: ratio(&app, &floor),
        target: "≤ 1.5× floor".into(),
        verdict: Verdict::from(ratio(&app, &floor).is_some_and(|r| r <= 1.5)),
        note: format!(
            "the heavy session ended with a clean close, which {} ({:.0} ms), so the first start after it ({:.0} ms to open the store in-process) does not compact. Before its first frame the app reads {:.2} MB ({:.2} MB at the first open after the edits, when sled replays the log written since its last snapshot); peak RSS at the first frame: app {:.2} MB, floor {:.2} MB (medians).",
            if compacted_itself { "compacted the store" } else { "found nothing to compact" },
            ms(close_time),
            ms(reopen_time),
            mb(fe.app_read),
            mb(fe.app_read_first),
            Value::of(&fe.app_rss, Unit::MB)
                .median()
                .unwrap_or(f64::NAN),
            Value::of(&fe.floor_rss, Unit::MB)
                .median()
                .unwrap_or(f64::NAN)
        ),
        value: app,
        baseline: floor,
    });
    let r = reopened as f64 / encoded as f64;
    rep.rows.push(Row {
        id: "5b",
        what: format!(
            "bytes on disk after a year of edits (every record saved {}× more, {saves} saves) and one reopen",
            cfg.edit_rounds
        ),
        baseline_what: "encoded size of the records".into(),
        value: Value::One(mb(reopened), Unit::MB),
        baseline: Value::One(mb(encoded), Unit::MB),
        ratio: Some(r),
        target: "≤ 4× encoded".into(),
        verdict: Verdict::from(r <= 4.0),
        note: format!(
            "right after the edits, store still open: {:.2} MB = {:.2}× the records ({:.2} MB allocated; {:.2} MB once closed cleanly): sled keeps the space of every rewritten value, {:.2}× the logical content. {} (allocated {:.2} MB). The change history (one step back per save: the bytes that changed; whole values only for deletions) is {:.3} MB = {:.2}× the records; logical content {:.2} MB. Our backup file of this store is {:.2} MB (it carries the history too). The {saves} saves took {:.1} s ({:.2} ms each).",
            mb(after_edits),
            after_edits as f64 / encoded as f64,
            mb(after_edits_alloc),
            mb(closed),
            after_edits as f64 / logical as f64,
            if compacted_itself {
                format!(
                    "The clean close found the folder over {}× its content and compacted it (copy into a fresh database, check every tree, swap the folders) in {:.0} ms; the next open took {:.0} ms",
                    sochibo::store::compact::RATIO,
                    ms(close_time),
                    ms(reopen_time)
                )
            } else {
                format!(
                    "The clean close did not compact (under {}× its content or {} MiB); the next open took {:.0} ms",
                    sochibo::store::compact::RATIO,
                    sochibo::store::compact::MIN_BYTES >> 20,
                    ms(reopen_time)
                )
            },
            mb(reopened_alloc),
            mb(history),
            history as f64 / encoded as f64,
            mb(logical),
            mb(std::fs::metadata(&backup).map_or(0, |m| m.len())),
            edit_time.as_secs_f64(),
            ms(edit_time) / saves.max(1) as f64
        ),
    });
    progress("compaction: backup + restore into a fresh store");
    let compacted = inproc::restore_into_fresh(&backup, &cfg.work.join("restored"), members, &[]);
    let no_history = inproc::restore_into_fresh(
        &backup,
        &cfg.work.join("restored-no-history"),
        members,
        &["history"],
    );
    let r = compacted as f64 / encoded as f64;
    rep.rows.push(Row {
        id: "5c",
        what: "bytes on disk after compaction: our backup restored into a fresh store".into(),
        baseline_what: "encoded size of the records".into(),
        value: Value::One(mb(compacted), Unit::MB),
        baseline: Value::One(mb(encoded), Unit::MB),
        ratio: Some(r),
        target: "≤ 4× encoded".into(),
        verdict: Verdict::from(r <= 4.0),
        note: format!(
            "{:.2}× the logical content ({:.2} MB) it holds, history included. The same restore without the history tree: {:.2} MB = {:.2}× the records.",
            compacted as f64 / logical as f64,
            mb(logical),
            mb(no_history),
            no_history as f64 / encoded as f64
        ),
    });

    // 5d. Old history entries (issue 23.4): the same store as a build from before the
    // compact history format left it (every entry v1, whole values before and after),
    // converted by its first open.
    progress("old v1 history entries: converted at the first open");
    let (v1_history, v1_disk, v2_history, v2_disk, converted, convert_time) = {
        let v1_dir = cfg.work.join("v1-history");
        let v1_backup = cfg.work.join("v1-history.scb");
        {
            let copy = cfg.work.join("v1-source");
            inproc::restore_into_fresh(&backup, &copy, members, &[]);
            let s = Store::open(&copy).expect("open the copy");
            s.rewrite_history_as_v1_for_tests().expect("rewrite as v1");
            s.write_backup(&v1_backup).expect("backup of the v1 store");
        }
        let v1_disk = inproc::sled_from_backup(&v1_backup, &v1_dir);
        let v1_history = inproc::tree_bytes(&v1_backup, "history");
        let t = Instant::now();
        let s = Store::open(&v1_dir).expect("open the v1 store");
        let convert_time = t.elapsed();
        let (v1_left, converted) = s.history_formats().expect("history formats");
        assert_eq!(v1_left, 0, "every v1 entry converted");
        let v2_history = s.history_bytes().expect("history bytes");
        s.close().expect("close");
        let (v2_disk, _) = inproc::dir_bytes(&v1_dir.join(sochibo::store::DB_DIR));
        (
            v1_history,
            v1_disk,
            v2_history,
            v2_disk,
            converted,
            convert_time,
        )
    };
    rep.rows.push(Row {
        id: "5d",
        what: format!(
            "bytes on disk of a store with old v1 history entries ({converted} entries) after its first open converted them"
        ),
        baseline_what: "the same store before the conversion".into(),
        value: Value::One(mb(v2_disk), Unit::MB),
        baseline: Value::One(mb(v1_disk), Unit::MB),
        ratio: Some(v2_disk as f64 / v1_disk as f64),
        target: "smaller".into(),
        verdict: Verdict::from(v2_disk < v1_disk),
        note: format!(
            "the history tree: {:.2} MB of v1 entries → {:.2} MB of v2 entries, {:.2} MB saved ({:.0}%); the folder {:.2} MB saved. The conversion (a verified copy, checked to say the same history entry for entry, then the folders swapped) ran once, at that open: {:.0} ms.",
            mb(v1_history),
            mb(v2_history),
            mb(v1_history.saturating_sub(v2_history)),
            100.0 * v1_history.saturating_sub(v2_history) as f64 / v1_history.max(1) as f64,
            mb(v1_disk.saturating_sub(v2_disk)),
            ms(convert_time)
        ),
    });

    // 6. The figures report and the ward roll-up.
    progress("figures report of the large branch");
    let store = Store::open(&large_dir).expect("open the large branch");
    let f = figures::figures_report(&store, cfg.large.today, cfg.report_runs);
    drop(store);
    let data_arg = large_dir.display().to_string();
    let cli_stats = figures::cli_runs(
        &cfg.app,
        &[
            "--data".into(),
            data_arg,
            "report".into(),
            "stats".into(),
            "--at".into(),
            sochibo::domain::date::format_date(cfg.large.today),
        ],
        cfg.report_runs,
    );
    let job = Value::of_durations(&f.job, Unit::Ms);
    let bare = Value::of_durations(&f.baseline, Unit::Ms);
    let cli = Value::of_durations(&cli_stats, Unit::Ms);
    rep.rows.push(Row {
        id: "6a",
        what: format!(
            "figures report of the large branch (`report stats`: {} member records → structure table), in-process",
            f.members
        ),
        baseline_what: "bare pass: read + decode every member, nothing else".into(),
        ratio: ratio(&job, &bare),
        target: "–".into(),
        verdict: Verdict::Info,
        note: format!(
            "the command `sochibo --data DIR report stats` from spawn to exit (opening the store included): median {:.1} ms, p99 {:.1} ms ({} runs); the table is {} bytes.",
            cli.median().unwrap_or(f64::NAN),
            cli.p99().unwrap_or(f64::NAN),
            cli_stats.len(),
            f.out_bytes
        ),
        value: job,
        baseline: bare,
    });
    progress("ward roll-up of the branch bundles");
    let bundles = figures::make_bundles(&cfg.app, &cfg.work.join("ward"), cfg.ward_branches);
    let today = chrono::Local::now().date_naive();
    let r = figures::rollup(&bundles, today, cfg.report_runs);
    let mut args = vec!["rollup".to_string()];
    args.extend(bundles.iter().map(|p| p.display().to_string()));
    let cli_rollup = figures::cli_runs(&cfg.app, &args, cfg.report_runs);
    let bundle_bytes: u64 = bundles
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let job = Value::of_durations(&r.job, Unit::Ms);
    let read = Value::of_durations(&r.baseline, Unit::Ms);
    let cli = Value::of_durations(&cli_rollup, Unit::Ms);
    rep.rows.push(Row {
        id: "6b",
        what: format!(
            "ward roll-up of {} branch bundles ({} members, `sochibo demo-ward`): verify + decode each register, the ward's figures as text, in-process",
            bundles.len(),
            r.members
        ),
        baseline_what: "reading the same bundle files' bytes".into(),
        ratio: ratio(&job, &read),
        target: "–".into(),
        verdict: Verdict::Info,
        note: format!(
            "the bundles hold {:.2} MB; the command `sochibo rollup FILE…` from spawn to exit: median {:.1} ms, p99 {:.1} ms ({} runs); the tables are {} bytes.",
            mb(bundle_bytes),
            cli.median().unwrap_or(f64::NAN),
            cli.p99().unwrap_or(f64::NAN),
            cli_rollup.len(),
            r.out_bytes
        ),
        value: job,
        baseline: read,
    });

    progress("ward screen over the same bundles: first frame");
    // `sochibo ward DIR` reads and verifies every bundle, then draws the list and the
    // figures; its first frame against the roll-up command on the same files (#19).
    let ward_dir = cfg.work.join("ward").display().to_string();
    let (mut ward_frames, mut ward_rss) = (Vec::new(), Vec::new());
    for _ in 0..cfg.report_runs.max(1) {
        let mut t = Term::spawn(
            &cfg.app,
            &["ward", &ward_dir],
            &["Đảng ủy phường", "Đã nhận"],
        );
        ward_frames.push(t.first_frame());
        ward_rss.push(mb(peak_rss(t.pid())));
        t.quit();
    }
    let frame = Value::of_durations(&ward_frames, Unit::Ms);
    let rss = Value::of(&ward_rss, Unit::MB);
    let r = ratio(&frame, &cli);
    let rss_ok = rss.median().is_some_and(|m| m <= 16.0);
    rep.rows.push(Row {
        id: "6c",
        what: format!(
            "ward screen `sochibo ward DIR` over the same {} bundles: start → first frame, pty",
            bundles.len()
        ),
        baseline_what: "the command `sochibo rollup FILE…` on the same files, spawn to exit".into(),
        ratio: r,
        target: "≤ 1.5× rollup, ≤ 16 MB".into(),
        verdict: Verdict::from(r.is_some_and(|r| r <= 1.5) && rss_ok),
        note: format!(
            "6c: peak RSS of the ward screen at its first frame: median {:.1} MB ({} runs).",
            rss.median().unwrap_or(f64::NAN),
            ward_rss.len()
        ),
        value: frame,
        baseline: cli,
    });

    // 7. Binary size and idle CPU.
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let app_size = size(&cfg.app);
    rep.rows.push(Row {
        id: "7a",
        what: if cfg.smoke {
            "binary size (debug build in the smoke run)".into()
        } else {
            "release binary size (stripped: profile strip = true)".into()
        },
        baseline_what: "floor program, same profile".into(),
        value: Value::One(mb(app_size), Unit::MB),
        baseline: Value::One(mb(size(&cfg.floor)), Unit::MB),
        ratio: Some(app_size as f64 / size(&cfg.floor).max(1) as f64),
        target: "≤ 8 MB".into(),
        verdict: Verdict::from(mb(app_size) <= 8.0),
        note: String::new(),
    });
    progress("idle CPU");
    let mut app = Term::spawn(&cfg.app, &["--demo"], &["DỮ LIỆU MẪU", "Việc cần làm"]);
    let large_s = large_dir.display().to_string();
    let mut floor = Term::spawn(&cfg.floor, &[&large_s], &[&large.branch.name, "Họ và tên"]);
    app.first_frame();
    floor.first_frame();
    std::thread::sleep(cfg.idle / 10);
    let idle = watch_idle(&[&app, &floor], cfg.idle);
    app.quit();
    floor.quit();
    let per_10s = 10.0 / cfg.idle.as_secs_f64();
    rep.rows.push(Row {
        id: "7b",
        what: format!(
            "CPU used while idle for {} s (--demo, all threads)",
            cfg.idle.as_secs_f64()
        ),
        baseline_what: "floor idle on the large branch".into(),
        value: Value::One(idle[0].cpu_ms, Unit::CpuMs),
        baseline: Value::One(idle[1].cpu_ms, Unit::CpuMs),
        ratio: None,
        target: "≈ 0: event loop never wakes, < 10 ms per 10 s".into(),
        verdict: Verdict::from(idle[0].main_wakeups == 0 && idle[0].cpu_ms * per_10s < 10.0),
        note: format!(
            "app: main thread (the event loop) {:.2} ms CPU and {} wake-ups; all {} threads {:.1} wake-ups/s. Floor: {} threads, {:.1} wake-ups/s. What remains is sled's: 7 idle `sled-io` pool threads that each wake once a second, and (floor only: sled's default) the 500 ms `log flusher`.",
            idle[0].main_cpu_ms,
            idle[0].main_wakeups,
            idle[0].threads,
            idle[0].wakeups_per_s,
            idle[1].threads,
            idle[1].wakeups_per_s
        ),
    });

    // 8. Keys for a monthly meeting: a count from tests/month_tui.rs, not a timing.
    rep.rows.push(Row {
        id: "8",
        what: "keys for a monthly meeting besides the text (tests/month_tui.rs: 2 absences, 3 speakers, a unanimous vote, tasks carried, a conclusion, approved)".into(),
        baseline_what: "the same script on the old keys (issue 17, by hand)".into(),
        value: Value::One(month_keys::KEYS as f64, Unit::Keys),
        baseline: Value::One(month_keys::OLD_KEYS as f64, Unit::Keys),
        ratio: Some(month_keys::KEYS as f64 / month_keys::OLD_KEYS as f64),
        target: format!("≤ {} keys", month_keys::TARGET),
        verdict: Verdict::from(month_keys::KEYS <= month_keys::TARGET),
        note: String::new(),
    });

    rep.rows.sort_by_key(|r| {
        report::ROW_IDS
            .iter()
            .position(|id| *id == r.id)
            .unwrap_or(usize::MAX)
    });
    rep.elapsed = started.elapsed();
    rep
}
