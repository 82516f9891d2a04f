//! The report: one row per measurement, each next to its baseline from the same run,
//! rendered as a Markdown table (pasted into the README as is).

use std::fmt::Write as _;
use std::time::Duration;

/// The unit a value is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Milliseconds.
    Ms,
    /// Microseconds.
    Us,
    /// Megabytes (10^6 bytes).
    MB,
    /// CPU milliseconds over the idle window.
    CpuMs,
    /// Keys pressed (a count, not a time).
    Keys,
}

impl Unit {
    fn suffix(self) -> &'static str {
        match self {
            Unit::Ms => "ms",
            Unit::Us => "µs",
            Unit::MB => "MB",
            Unit::CpuMs => "ms CPU",
            Unit::Keys => "keys",
        }
    }
}

/// A measured value: a distribution (median, p99), one number, or nothing yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Median and 99th percentile of repeated runs, and how many runs.
    Dist {
        /// Median.
        median: f64,
        /// 99th percentile (nearest rank; the maximum below 100 samples).
        p99: f64,
        /// Number of samples.
        n: usize,
        /// Unit of both.
        unit: Unit,
    },
    /// A single figure (a size).
    One(f64, Unit),
    /// Not measured: the feature does not exist yet.
    NotBuilt,
    /// Not measured on this machine, and why (no i686 target installed, the build failed).
    NotMeasured(String),
}

impl Value {
    /// The distribution of `samples` (durations) in `unit` (ms or µs).
    pub fn of_durations(samples: &[Duration], unit: Unit) -> Value {
        let scale = if unit == Unit::Us { 1e6 } else { 1e3 };
        let v: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * scale).collect();
        Value::of(&v, unit)
    }

    /// The distribution of plain numbers.
    pub fn of(samples: &[f64], unit: Unit) -> Value {
        let mut v = samples.to_vec();
        v.sort_by(f64::total_cmp);
        Value::Dist {
            median: percentile(&v, 50.0),
            p99: percentile(&v, 99.0),
            n: v.len(),
            unit,
        }
    }

    /// The median (or the single figure).
    pub fn median(&self) -> Option<f64> {
        match self {
            Value::Dist { median, .. } => Some(*median),
            Value::One(v, _) => Some(*v),
            Value::NotBuilt | Value::NotMeasured(_) => None,
        }
    }

    /// The 99th percentile, if a distribution.
    pub fn p99(&self) -> Option<f64> {
        match self {
            Value::Dist { p99, .. } => Some(*p99),
            _ => None,
        }
    }

    fn cells(&self) -> (String, String) {
        match self {
            Value::Dist {
                median, p99, unit, ..
            } => (fmt(*median, *unit), fmt(*p99, *unit)),
            Value::One(v, unit) => (fmt(*v, *unit), "–".into()),
            Value::NotBuilt => ("n/a".into(), "–".into()),
            Value::NotMeasured(why) => (format!("not measured: {why}"), "–".into()),
        }
    }
}

/// Nearest-rank percentile of sorted samples (NaN when empty).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A number with its unit, 3 significant figures or so.
pub fn fmt(v: f64, unit: Unit) -> String {
    let s = if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    format!("{s} {}", unit.suffix())
}

/// Whether a row met its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Target met.
    Pass,
    /// Target missed.
    Miss,
    /// No target: shown for context.
    Info,
    /// The feature does not exist yet.
    NotBuilt,
    /// Could not be measured on this machine (the value says why).
    NotMeasured,
}

impl Verdict {
    /// PASS when `ok`, else MISS.
    pub fn from(ok: bool) -> Verdict {
        if ok { Verdict::Pass } else { Verdict::Miss }
    }

    fn label(self) -> &'static str {
        match self {
            Verdict::Pass => "PASS",
            Verdict::Miss => "MISS",
            Verdict::Info => "info",
            Verdict::NotBuilt => "n/a (not built yet)",
            Verdict::NotMeasured => "not measured",
        }
    }
}

/// One row of the report.
#[derive(Debug, Clone)]
pub struct Row {
    /// Row id ("1", "3a", …), stable for the smoke test.
    pub id: &'static str,
    /// What was measured.
    pub what: String,
    /// The measurement.
    pub value: Value,
    /// What the baseline is.
    pub baseline_what: String,
    /// The baseline, measured in the same run.
    pub baseline: Value,
    /// The ratio the target is about (value ÷ baseline), when it makes sense.
    pub ratio: Option<f64>,
    /// The target, as text.
    pub target: String,
    /// PASS / MISS / info / n/a.
    pub verdict: Verdict,
    /// A remark printed under the table.
    pub note: String,
}

impl Row {
    /// A row for something that does not exist yet.
    pub fn not_built(id: &'static str, what: &str, target: &str) -> Row {
        Row {
            id,
            what: what.into(),
            value: Value::NotBuilt,
            baseline_what: "–".into(),
            baseline: Value::NotBuilt,
            ratio: None,
            target: target.into(),
            verdict: Verdict::NotBuilt,
            note: String::new(),
        }
    }

    /// A row that could not be measured here, saying why (never a made-up number).
    pub fn not_measured(id: &'static str, what: String, target: &str, why: &str) -> Row {
        Row {
            id,
            what,
            value: Value::NotMeasured(why.into()),
            baseline_what: "–".into(),
            baseline: Value::NotMeasured(why.into()),
            ratio: None,
            target: target.into(),
            verdict: Verdict::NotMeasured,
            note: String::new(),
        }
    }
}

/// Every row id the full report has, in order.
pub const ROW_IDS: &[&str] = &[
    "1", "1b", "1c", "1d", "2", "2b", "2c", "3a", "3b", "4a", "4b", "5a", "5b", "5c", "5d", "6a",
    "6b", "6c", "7a", "7b", "8",
];

/// The whole report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Lines above the table (machine, sizes, runs).
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Wall time of the whole run.
    pub elapsed: Duration,
}

impl Report {
    /// The row with this id.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The report as Markdown: header lines, the table, then the notes.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for h in &self.header {
            let _ = writeln!(out, "{h}");
        }
        out.push('\n');
        out.push_str(
            "| # | measurement | median | p99 | baseline (same run) | median | p99 | ratio | target | result |\n",
        );
        out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
        for r in &self.rows {
            let (m, p) = r.value.cells();
            let (bm, bp) = r.baseline.cells();
            let ratio = r.ratio.map_or("–".to_string(), |x| format!("{x:.2}×"));
            let _ = writeln!(
                out,
                "| {} | {} | {m} | {p} | {} | {bm} | {bp} | {ratio} | {} | {} |",
                r.id,
                r.what,
                r.baseline_what,
                r.target,
                r.verdict.label()
            );
        }
        let notes: Vec<&Row> = self.rows.iter().filter(|r| !r.note.is_empty()).collect();
        if !notes.is_empty() {
            out.push('\n');
            for r in notes {
                let _ = writeln!(out, "- {}: {}", r.id, r.note);
            }
        }
        let _ = writeln!(out, "\nWhole run: {:.1} s.", self.elapsed.as_secs_f64());
        out
    }
}
