//! Screen 8: the year's review. The year and the branch's grade, the summary, every member
//! with their self-assessment, the branch's proposal and vote and the ward's grade (or why
//! they are not graded), then the selected member's record or grades across years.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::screens::review::{self as ar, ReviewNotice};
use crate::domain::review::{self as rv, Grade, YearRow};
use crate::domain::text::ellipsize;
use crate::i18n::{Catalogue, ReviewMsg as R};
use crate::ui::theme::Theme;

fn code(g: Option<Grade>) -> &'static str {
    g.map_or("—", Grade::code)
}

fn row_text(c: &dyn Catalogue, r: &YearRow, width: usize) -> String {
    let name = format!("{:<24}", ellipsize(&r.name, 24));
    if let Some(x) = &r.excluded {
        let why = format!("{}: {}", c.review_msg(R::NotGraded), c.exclusion(x));
        return ellipsize(&format!("{name} {why}"), width);
    }
    let rec = &r.review;
    let own = match rec.self_score {
        Some(s) => format!("{s:>3} {}", code(rec.self_grade)),
        None => format!("  – {}", code(rec.self_grade)),
    };
    let vote = rec
        .vote
        .map(|v| {
            format!(
                " {}/{}{}",
                v.yes,
                v.denominator,
                if v.passed { "" } else { "!" }
            )
        })
        .unwrap_or_default();
    let branch = format!("{}{vote}", code(rec.proposed));
    let ward = match rec.final_grade {
        Some(g) => format!("{} {}", g.code(), rec.decision),
        None => "—".into(),
    };
    let warn = if r.warnings.is_empty() { "" } else { " ⚠" };
    ellipsize(
        &format!("{name} {own:<11} {branch:<16} {ward}{warn}"),
        width,
    )
}

fn detail(c: &dyn Catalogue, app: &App, r: &YearRow) -> Vec<String> {
    let mut out = vec![r.name.clone()];
    if app.review.history {
        out[0] = format!("{} — {}", r.name, c.review_msg(R::History));
        let grades = app.review.grades_of(r.id);
        if grades.is_empty() {
            out.push(c.review_msg(R::NoGrade).to_string());
        }
        let cells: Vec<String> = grades
            .iter()
            .map(|(y, g, fin)| format!("{y}: {}{}", g.code(), if *fin { "" } else { "?" }))
            .collect();
        out.push(cells.join("   "));
        return out;
    }
    if let Some(x) = &r.excluded {
        out.push(c.exclusion(x));
    }
    let rec = &r.review;
    if let Some(g) = rec.final_grade {
        out.push(c.review_notice(&ReviewNotice::Locked(g, rec.decision.clone())));
    }
    let first = |s: &str| s.lines().next().unwrap_or("").to_string();
    out.push(format!("{}: {}", c.review_msg(R::Plan), first(&rec.plan)));
    let months: Vec<String> = rec
        .monthly
        .iter()
        .map(|n| format!("T{}: {}", chrono::Datelike::month(&n.date), first(&n.text)))
        .collect();
    out.push(format!(
        "{}: {}",
        c.review_msg(R::Monthly),
        months.join(" · ")
    ));
    out.push(format!(
        "{}: {} · {}",
        c.review_msg(R::Sections),
        first(&rec.strengths),
        first(&rec.weaknesses)
    ));
    for w in &r.warnings {
        out.push(format!("⚠ {}", c.review_warning(w)));
    }
    if let Some(v) = rec.vote.filter(|v| !v.passed) {
        out.push(format!(
            "⚠ {}",
            c.review_warning(&rv::ReviewWarning::VoteFailed {
                yes: v.yes,
                denominator: v.denominator
            })
        ));
    }
    out
}

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let year = app.review.year;
    let rows = ar::rows(app);
    let sum = rv::summary(&rows);
    let width = usize::from(area.width);
    let branch_grade = app
        .review
        .years
        .get(&year)
        .and_then(|b| b.grade)
        .map_or("—", Grade::code);
    let mut head = vec![Line::styled(
        ellipsize(
            &format!(
                " {} {year} · {}: {branch_grade}",
                c.review_msg(R::Heading),
                c.review_msg(R::BranchLabel)
            ),
            width,
        ),
        theme.accent(),
    )];
    let mut counts: Vec<String> = Grade::ALL
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{} {}", g.code(), sum.counts[i]))
        .collect();
    counts.push(format!("{} {}", c.review_msg(R::Pending), sum.pending));
    counts.push(format!(
        "{} {}",
        c.review_msg(R::NotGraded),
        sum.not_graded.len()
    ));
    head.push(Line::from(ellipsize(
        &format!(" {}", counts.join(" · ")),
        width,
    )));
    let cap_text = sum.cap.map(|w| format!(" ⚠ {}", c.review_warning(&w)));
    let cap_rows = cap_text.as_ref().map_or(0, |t| {
        crate::domain::text::width(t).div_ceil(width.max(1)).min(3) as u16
    });
    head.push(Line::styled(
        ellipsize(
            &format!(
                "   {:<24} {:<11} {:<16} {}",
                "",
                c.review_msg(R::ColSelf),
                c.review_msg(R::ColBranch),
                c.review_msg(R::ColWard)
            ),
            width,
        ),
        theme.dim(),
    ));
    let [head_area, cap_area, list_area, detail_area, keys_area] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(cap_rows),
        Constraint::Min(3),
        Constraint::Length(7),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(head), head_area);
    if let Some(t) = cap_text {
        f.render_widget(
            Paragraph::new(t)
                .style(theme.warning())
                .wrap(Wrap { trim: true }),
            cap_area,
        );
    }
    let cursor = app.review.cursor.min(rows.len().saturating_sub(1));
    let visible = usize::from(list_area.height.max(1));
    let start = (cursor + 1).saturating_sub(visible);
    let mut lines = Vec::new();
    if rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", c.review_msg(R::Empty)),
            theme.dim(),
        ));
    }
    for (i, r) in rows.iter().enumerate().skip(start).take(visible) {
        let sel = i == cursor;
        let marker = if sel { theme.marker() } else { " " };
        let style = if sel {
            theme.selected()
        } else if r.excluded.is_some() {
            theme.dim()
        } else if !r.warnings.is_empty() {
            theme.warning()
        } else {
            Style::new()
        };
        let t = format!("{marker} {}", row_text(c, r, width.saturating_sub(2)));
        lines.push(Line::styled(t, style));
    }
    f.render_widget(Paragraph::new(lines), list_area);
    if let Some(r) = rows.get(cursor) {
        let d: Vec<Line> = detail(c, app, r)
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                if i == 0 {
                    Line::styled(format!("─ {t} "), theme.accent())
                } else if t.starts_with('⚠') {
                    Line::styled(t, theme.warning())
                } else {
                    Line::from(t)
                }
            })
            .collect();
        f.render_widget(Paragraph::new(d).wrap(Wrap { trim: true }), detail_area);
    }
    f.render_widget(
        Paragraph::new(ellipsize(c.review_msg(R::Keys), width)).style(theme.dim()),
        keys_area,
    );
}
