//! Screen H (Alt+H): resolution study — the list of resolutions with each one's figure and the
//! year's; an open resolution with its sessions and who studied it when; the roll to
//! tick who attended a new session.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::screens::study::{self, Pick, StudyNotice, StudyTab};
use crate::domain::date::format_date;
use crate::domain::study::Resolution;
use crate::domain::text::{cell, ellipsize};
use crate::i18n::record::{self, RecordMsg, RecordText};
use crate::ui::theme::Theme;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let s = &app.study;
    let c = record::of(app.lang);
    // The two tabs, the current one in brackets (not by colour alone).
    let tabs = [
        (StudyTab::Resolutions, c.msg(RecordMsg::ScreenName)),
        (StudyTab::Completeness, c.msg(RecordMsg::CompletenessTitle)),
    ]
    .map(|(t, name)| (name.to_string(), t == s.tab));
    let area = crate::ui::tabs_above(f, theme, &tabs, area);
    if s.tab == StudyTab::Completeness {
        f.render_widget(Paragraph::new(gap_lines(app, theme, area)), area);
        return;
    }
    let lines = match (&s.pick, s.open.and_then(|id| s.get(id))) {
        (Some(p), _) => pick_lines(app, theme, p, area),
        (None, Some(r)) => open_lines(app, theme, r, area),
        (None, None) => list_lines(app, theme, area),
    };
    f.render_widget(Paragraph::new(lines), area);
}

/// The status-line text of a study notice.
pub(crate) fn notice(app: &App, theme: &Theme, n: &StudyNotice) -> (String, Style) {
    let c = record::of(app.lang);
    match n {
        StudyNotice::Refused(e, name) => (c.text(RecordText::Refused(e, name)), theme.error()),
        StudyNotice::SessionSaved(k) => (c.text(RecordText::SessionSaved(*k)), theme.ok()),
    }
}

/// The first row shown so that `cursor` is visible in `rows` rows.
fn top(cursor: usize, rows: usize) -> usize {
    cursor.saturating_sub(rows.saturating_sub(1))
}

fn row_style(theme: &Theme, selected: bool) -> (&'static str, Style) {
    if selected {
        (theme.marker(), theme.selected())
    } else {
        (" ", Style::new())
    }
}

fn list_lines(app: &App, theme: &Theme, area: Rect) -> Vec<Line<'static>> {
    let c = record::of(app.lang);
    let s = &app.study;
    let w = usize::from(area.width);
    let (year, fig) = study::year_figure(app);
    let mut lines = vec![
        Line::styled(
            format!(" {}", c.text(RecordText::YearFigure(year, fig))),
            theme.accent(),
        ),
        Line::from(""),
    ];
    if s.list.is_empty() {
        lines.push(Line::styled(
            format!(" {}", c.msg(RecordMsg::NoResolutions)),
            theme.dim(),
        ));
        return lines;
    }
    lines.push(Line::styled(
        ellipsize(
            &format!(
                "  {} {} {} {}",
                cell(c.msg(RecordMsg::ColNumber), 12),
                cell(c.msg(RecordMsg::ColDate), 13),
                cell(c.msg(RecordMsg::ColLevel), 8),
                c.msg(RecordMsg::ColTitle)
            ),
            w,
        ),
        theme.dim(),
    ));
    let members = study::members(app);
    let room = usize::from(area.height).saturating_sub(4) / 2;
    for (i, (_, r)) in s.list.iter().enumerate().skip(top(s.cursor, room.max(1))) {
        let (marker, style) = row_style(theme, i == s.cursor);
        let level = r.level.map(|l| c.level_short(l)).unwrap_or("");
        let text = format!(
            "{marker} {} {} {} {}",
            cell(&r.number, 12),
            cell(&format_date(r.date), 13),
            cell(level, 8),
            r.title
        );
        lines.push(Line::styled(ellipsize(&text, w), style));
        lines.push(Line::styled(
            ellipsize(
                &format!("    {}", c.text(RecordText::Figure(r.figure(&members)))),
                w,
            ),
            theme.dim(),
        ));
    }
    lines
}

fn open_lines(app: &App, theme: &Theme, r: &Resolution, area: Rect) -> Vec<Line<'static>> {
    let c = record::of(app.lang);
    let w = usize::from(area.width);
    let members = study::members(app);
    let mut lines = vec![
        Line::styled(
            ellipsize(&format!(" {} — {}", r.number, r.title), w),
            theme.accent(),
        ),
        Line::styled(
            ellipsize(
                &format!(
                    " {} {} · {}",
                    c.msg(RecordMsg::ColDate),
                    format_date(r.date),
                    c.text(RecordText::Figure(r.figure(&members)))
                ),
                w,
            ),
            theme.dim(),
        ),
    ];
    let sessions: Vec<String> = r
        .sessions
        .iter()
        .map(|s| c.text(RecordText::Session(s.date, s.attendees.len())))
        .collect();
    lines.push(Line::styled(
        ellipsize(
            &if sessions.is_empty() {
                format!(" {}", c.msg(RecordMsg::NoSessions))
            } else {
                format!(" {}: {}", c.msg(RecordMsg::Sessions), sessions.join("; "))
            },
            w,
        ),
        theme.dim(),
    ));
    lines.push(Line::from(""));
    let rows = study::resolution_rows(app, r);
    let room = usize::from(area.height).saturating_sub(5).max(1);
    let cursor = app.study.member_cursor;
    for (i, id) in rows.iter().enumerate().skip(top(cursor, room)) {
        let Some(e) = app.roster.get(*id) else {
            continue;
        };
        let (marker, style) = row_style(theme, i == cursor);
        let when = match r.studied_on(*id) {
            Some(d) => {
                let makeup = !r
                    .sessions
                    .iter()
                    .any(|s| s.date == d && s.attendees.binary_search(id).is_ok());
                c.text(RecordText::StudiedOn(d, makeup))
            }
            None => c.msg(RecordMsg::NotStudied).to_string(),
        };
        let style = if r.studied_on(*id).is_none() && i != cursor {
            theme.warning()
        } else {
            style
        };
        let text = format!("{marker} {} {when}", cell(&e.member.full_name, 28));
        lines.push(Line::styled(ellipsize(&text, w), style));
    }
    lines
}

fn pick_lines(app: &App, theme: &Theme, p: &Pick, area: Rect) -> Vec<Line<'static>> {
    let c = record::of(app.lang);
    let w = usize::from(area.width);
    let number = app
        .study
        .get(p.resolution)
        .map(|r| r.number.clone())
        .unwrap_or_default();
    let mut lines = vec![
        Line::styled(
            ellipsize(
                &format!(
                    " {} {number} — {} · {}",
                    c.msg(RecordMsg::FormSession),
                    format_date(p.date),
                    c.text(RecordText::Ticked(p.ticked.len()))
                ),
                w,
            ),
            theme.accent(),
        ),
        Line::styled(
            ellipsize(&format!(" {}", c.msg(RecordMsg::PickHeading)), w),
            theme.dim(),
        ),
        Line::from(""),
    ];
    let rows = study::pick_rows(app, p.date);
    let room = usize::from(area.height).saturating_sub(3).max(1);
    for (i, id) in rows.iter().enumerate().skip(top(p.cursor, room)) {
        let Some(e) = app.roster.get(*id) else {
            continue;
        };
        let (marker, style) = row_style(theme, i == p.cursor);
        let tick = if p.ticked.contains(id) {
            c.msg(RecordMsg::Ticked)
        } else {
            "[ ]"
        };
        let text = format!("{marker} {tick} {}", e.member.full_name);
        lines.push(Line::styled(ellipsize(&text, w), style));
    }
    lines
}

fn gap_lines(app: &App, theme: &Theme, area: Rect) -> Vec<Line<'static>> {
    let (c, r) = (app.lang.cat(), record::of(app.lang));
    let w = usize::from(area.width);
    let rows = study::gap_rows(app);
    let on_roll = app
        .roster
        .entries()
        .iter()
        .filter(|e| e.status.is_active())
        .count();
    if rows.is_empty() {
        return vec![Line::styled(
            format!(" {}", r.msg(RecordMsg::AllComplete)),
            theme.ok(),
        )];
    }
    let mut lines = vec![
        Line::styled(
            format!(
                " {}",
                r.text(RecordText::IncompleteCount(rows.len(), on_roll))
            ),
            theme.accent(),
        ),
        Line::from(""),
    ];
    let room = usize::from(area.height).saturating_sub(2).max(1);
    let cursor = app.study.gap_cursor;
    for (i, inc) in rows.iter().enumerate().skip(top(cursor, room)) {
        let Some(e) = app.roster.get(inc.member) else {
            continue;
        };
        let (marker, style) = row_style(theme, i == cursor);
        let gaps: Vec<String> = inc
            .gaps
            .iter()
            .map(|(f, g)| format!("{}: {}", c.field(*f), r.gap(*g)))
            .collect();
        let text = format!(
            "{marker} {} {}",
            cell(&e.member.full_name, 24),
            gaps.join("; ")
        );
        lines.push(Line::styled(ellipsize(&text, w), style));
    }
    lines
}
