//! The benchmark's smoke run (issue 9): the same code as `cargo bench --bench perf`, at
//! tiny sizes with one repetition, on the debug binaries, so the benchmark cannot rot.
//! It checks the report's shape — every row, numbers that parse — never timings.

use crate::perf as suite;

use suite::report::{ROW_IDS, Value, Verdict, percentile};

/// Parses "12.3 ms", "845 µs", "9.81 MB", "0.00 ms CPU", "35.0 keys".
fn parse_cell(s: &str) -> Option<f64> {
    let (num, unit) = s.split_once(' ')?;
    ["ms", "µs", "MB", "ms CPU", "keys"]
        .contains(&unit)
        .then(|| num.parse().ok())?
}

#[test]
fn smoke_run_has_every_row_with_numbers() {
    let (app, floor) = suite::build_binaries(true);
    let work = suite::work_dir();
    let cfg = suite::Config::smoke(app, floor, work.path().to_path_buf());
    let report = suite::run(&cfg, &mut |_| {});

    let ids: Vec<&str> = report.rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, ROW_IDS, "rows");
    // The 32-bit rows are measured by `cargo bench` only: here they say why, never a number.
    for id in ["1d", "2c"] {
        let r = report.row(id).unwrap();
        assert_eq!(r.verdict, Verdict::NotMeasured, "{id}");
        assert!(
            matches!(&r.value, Value::NotMeasured(why) if why.contains("smoke run")),
            "{id}: {:?}",
            r.value
        );
        assert!(r.ratio.is_none(), "{id}");
    }
    for r in report.rows.iter().filter(|r| !["1d", "2c"].contains(&r.id)) {
        // Every measurement exists now (6a and 6b were the last ones "not built yet").
        assert_ne!(r.verdict, Verdict::NotBuilt, "{}", r.id);
        assert_ne!(r.value, Value::NotBuilt, "{}", r.id);
        let m = r.value.median().unwrap_or(f64::NAN);
        assert!(m.is_finite() && m >= 0.0, "{}: {:?}", r.id, r.value);
        let b = r.baseline.median().unwrap_or(f64::NAN);
        assert!(b.is_finite() && b >= 0.0, "{}: {:?}", r.id, r.baseline);
        assert!(r.ratio.is_none_or(f64::is_finite), "{}", r.id);
    }
    // The report and the roll-up rows carry a median and a p99 each.
    for id in ["6a", "6b"] {
        let r = report.rows.iter().find(|r| r.id == id).unwrap();
        assert!(
            r.value.p99().is_some() && r.baseline.p99().is_some(),
            "{id}"
        );
        assert!(r.ratio.is_some(), "{id}");
    }

    // The rendered table: a header, a separator, then one line per row, ten cells each,
    // every figure cell a number with a unit (or "n/a" / "–").
    let md = report.markdown();
    println!("{md}");
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(lines.len(), 2 + ROW_IDS.len(), "{md}");
    for (line, id) in lines[2..].iter().zip(ROW_IDS) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells.len(), 10, "{line}");
        assert_eq!(cells[0], *id);
        let not_measured = ["1d", "2c"].contains(id);
        for c in [cells[2], cells[3], cells[5], cells[6]] {
            assert!(
                c == "–"
                    || parse_cell(c).is_some()
                    || (not_measured && c.starts_with("not measured: ")),
                "cell {c:?} in {line}"
            );
        }
        assert!(
            cells[7] == "–" || cells[7].trim_end_matches('×').parse::<f64>().is_ok(),
            "{line}"
        );
        let results: &[&str] = if not_measured {
            &["not measured"]
        } else {
            &["PASS", "MISS", "info"]
        };
        assert!(results.contains(&cells[9]), "{line}");
    }
    assert!(md.contains("Whole run:"));
}

#[test]
fn percentiles_are_nearest_rank() {
    let v: Vec<f64> = (1..=100).map(f64::from).collect();
    assert_eq!(percentile(&v, 50.0), 50.0);
    assert_eq!(percentile(&v, 99.0), 99.0);
    assert_eq!(percentile(&[3.0], 99.0), 3.0);
    assert!(percentile(&[], 50.0).is_nan());
}
