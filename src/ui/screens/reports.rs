//! Screen 6: the reports. A line of report names (the shown one marked), the year, then the
//! report itself as it is printed (80 columns, with its bars), scrolled with the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::i18n::Msg;
use crate::interchange::figures::ReportKind;
use crate::interchange::reports::BAR;
use crate::ui::theme::Theme;

/// The tab name of a report.
pub(crate) fn name(kind: ReportKind) -> Msg {
    match kind {
        ReportKind::Stats => Msg::ReportStats,
        ReportKind::Movements => Msg::ReportMovements,
        ReportKind::Meetings => Msg::ReportMeetings,
        ReportKind::Assessments => Msg::ReportAssessments,
        ReportKind::Admission => Msg::ReportAdmission,
        ReportKind::Exemptions => Msg::ReportExemptions,
        ReportKind::Dues => Msg::ReportDues,
    }
}

/// The report's bar glyphs, drawn in the accent colour (`#` under `--ascii`).
fn report_line<'a>(line: &'a str, theme: &Theme) -> Line<'a> {
    match line.find(BAR) {
        None => Line::raw(line),
        Some(at) => {
            let (text, bar) = line.split_at(at);
            let n = bar.chars().take_while(|c| *c == BAR).count();
            let rest = &bar[BAR.len_utf8() * n..];
            Line::from(vec![
                Span::raw(text),
                Span::styled(theme.bar().repeat(n), theme.accent()),
                Span::raw(rest),
            ])
        }
    }
}

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let st = &app.reports;
    let [tabs, year, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let mut spans = Vec::new();
    for &k in ReportKind::ALL {
        let current = k == st.kind;
        let marker = if current { theme.marker() } else { " " };
        let style = if current {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!("{marker}{} ", c.msg(name(k))), style));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Line::from(spans), tabs);
    f.render_widget(
        Line::styled(
            format!(" {} {}", c.msg(Msg::ReportsYear), st.year),
            theme.accent(),
        ),
        year,
    );
    let lines: Vec<Line> = st
        .lines
        .iter()
        .skip(st.scroll)
        .take(usize::from(body.height))
        .map(|l| report_line(l, theme))
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
