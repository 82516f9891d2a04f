//! Screen 6, "Báo cáo": every report of the branch on screen (the figures with their bars),
//! a year at a time; one key writes it to files (text, CSV, Excel, and Word where it has
//! one), another writes the branch's bundle for the ward roll-up (figures only, no names).
//! The reports are built by `interchange::figures`, the same builder as `sochibo report`.

use chrono::{Datelike, NaiveDate};

use crate::app::{App, Notice};
use crate::interchange;
use crate::interchange::figures::{self, Period, ReportKind};
use crate::interchange::minutes::to_crlf;
use crate::interchange::xlsx;
use crate::keymap::action::{Action, Context};
use crate::store::{StoreError, backup};

/// The reports screen: which report, which year, how far scrolled, and the report's
/// lines (rebuilt only when the report, the year or the data changed).
#[derive(Debug, Clone)]
pub struct ReportsState {
    /// The report shown.
    pub kind: ReportKind,
    /// The year it covers.
    pub year: i32,
    /// First line shown.
    pub scroll: usize,
    /// The report as text lines.
    pub lines: Vec<String>,
    /// (report, year, history position) the lines were built for.
    built: Option<(ReportKind, i32, u64)>,
}

impl ReportsState {
    /// The structure report of this year.
    pub fn new(today: NaiveDate) -> ReportsState {
        ReportsState {
            kind: ReportKind::Stats,
            year: today.year(),
            scroll: 0,
            lines: Vec::new(),
            built: None,
        }
    }

    /// The period of the shown year, cut at `today`.
    pub fn period(&self, today: NaiveDate) -> Period {
        Period::year(self.year, today)
    }
}

/// Rebuilds the shown report if the report, the year or the data changed since it was
/// built (the history position moves with every save).
pub fn refresh(app: &mut App) {
    let pos = app.store.history_last().unwrap_or(0);
    let key = (app.reports.kind, app.reports.year, pos);
    if app.reports.built == Some(key) {
        return;
    }
    match app.store.register() {
        Ok(reg) => {
            let p = app.reports.period(app.today);
            let text = figures::text(&reg, app.reports.kind, p, app.today, app.lang);
            app.reports.lines = text.lines().map(str::to_string).collect();
            app.reports.built = Some(key);
        }
        Err(e) => {
            app.reports.lines.clear();
            app.reports.built = None;
            app.notice = Some(Notice::Store(e));
        }
    }
    let last = app.reports.lines.len().saturating_sub(1);
    app.reports.scroll = app.reports.scroll.min(last);
}

/// Moves the view by `delta` lines (clamped to the report).
pub fn scroll(app: &mut App, delta: isize) {
    let last = app.reports.lines.len().saturating_sub(1) as isize;
    app.reports.scroll = (app.reports.scroll as isize)
        .saturating_add(delta)
        .clamp(0, last.max(0)) as usize;
}

/// The reports screen's own actions.
pub fn act(app: &mut App, action: Action) {
    let st = &mut app.reports;
    match action {
        Action::NextTab | Action::PrevTab => {
            let all = ReportKind::ALL;
            let i = all.iter().position(|k| *k == st.kind).unwrap_or(0) as isize;
            let d = if action == Action::NextTab { 1 } else { -1 };
            st.kind = all[(i + d).rem_euclid(all.len() as isize) as usize];
            st.scroll = 0;
        }
        Action::PrevPeriod => {
            st.year -= 1;
            st.scroll = 0;
        }
        Action::NextPeriod if st.year < app.today.year() => {
            st.year += 1;
            st.scroll = 0;
        }
        Action::ExportReport => export(app),
        Action::ExportBundle => export_bundle(app),
        _ => {}
    }
}

/// Writes the shown report as `<name>-<year>.txt` (CRLF), `.csv`, `.xlsx` and, where it
/// has a Word form, `.docx` into the data folder's `exports`, each atomically.
fn export(app: &mut App) {
    let result = (|| -> Result<String, StoreError> {
        let reg = app.store.register()?;
        let (kind, p) = (app.reports.kind, app.reports.period(app.today));
        let dir = interchange::exports_dir(app.store.dir());
        let base = format!("{}-{}", kind.slug(), app.reports.year);
        let mut files = vec![
            (
                "txt",
                to_crlf(&figures::text(&reg, kind, p, app.today, app.lang)).into_bytes(),
            ),
            (
                "csv",
                figures::csv(&reg, kind, p, app.today, app.lang).into_bytes(),
            ),
            (
                "xlsx",
                xlsx::to_xlsx(&figures::sheets(&reg, kind, p, app.today, app.lang))
                    .map_err(|e| StoreError::Io(e.to_string()))?,
            ),
        ];
        if let Some(doc) = figures::document(&reg, kind, p, app.today) {
            files.push((
                "docx",
                doc.to_docx().map_err(|e| StoreError::Io(e.to_string()))?,
            ));
        }
        interchange::write_files(&dir, &base, &files).map_err(io)
    })();
    app.notice = Some(match result {
        Ok(paths) => Notice::ReportExported(paths),
        Err(e) => Notice::Store(e),
    });
}

/// Writes the branch's bundle for the ward (the figures without names, see
/// `Register::for_ward`) into `exports`.
fn export_bundle(app: &mut App) {
    let dir = interchange::exports_dir(app.store.dir());
    let name = backup::default_name(
        app.branch.as_ref().map(|b| b.name.as_str()),
        chrono::Local::now(),
    );
    let path = dir.join(name);
    let result = std::fs::create_dir_all(&dir)
        .map_err(io)
        .and_then(|()| app.store.write_ward_bundle(&path));
    app.notice = Some(match result {
        Ok(info) => Notice::BundleWritten(path.display().to_string(), info.members),
        Err(e) => Notice::Store(e),
    });
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Io(e.to_string())
}

/// The reports screen.
pub const DEF: super::ScreenDef = super::ScreenDef {
    screen: crate::app::Screen::Reports,
    name: |l| l.cat().msg(crate::i18n::Msg::ScreenReports),
    context: |_| Context::Reports,
    handle: |app, action, _| {
        if let Some(d) = crate::app::parts::list::delta(action, app.page_rows) {
            scroll(app, d);
            return true;
        }
        match action {
            Action::NextTab
            | Action::PrevTab
            | Action::PrevPeriod
            | Action::NextPeriod
            | Action::ExportReport
            | Action::ExportBundle => act(app, action),
            _ => return false,
        }
        true
    },
    hints: |_| {
        // The year (←/→) is on screen beside the report's name; F1 lists it too.
        &[Action::NextTab, Action::ExportReport, Action::ExportBundle]
    },
    find: super::no_find,
    form_tags: &[],
    form_title: super::no_title,
    form_for: super::no_form,
    restore: super::no_restore,
    save: super::no_save,
    question: super::no_words,
    confirmed: super::no_question,
};
