//! Screen 10 (Alt+Q): the rules (Quy định). One row per rule: its name, its value in force and how
//! sure we are of it; under it its source, and a branch's setting with who, when and why.
//! Its second section (Tab), the days off: one row per day with its weekday, kind, who set
//! it (the law or the branch) and name; under it its source (and who added it, when, why).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use chrono::Datelike;

use crate::app::App;
use crate::app::screens::rules::{DayRow, day_rows, rows};
use crate::domain::calendar::BUILTIN_SOURCE;
use crate::domain::date::format_date;
use crate::domain::rules::{self, Certainty};
use crate::domain::text::{cell, ellipsize};
use crate::i18n::rules::RulesMsg;
use crate::ui::theme::Theme;

/// Lines per rule on screen (the rule, then its source or setting).
const LINES_PER_RULE: usize = 2;

/// Lines kept free under the selected rule, where a message box may cover the list.
const NOTICE_ROOM: usize = 4;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat().rules();
    // The two sections, the current one in brackets (not by colour alone).
    let sections = [
        (
            c.msg(RulesMsg::SectionRules).to_string(),
            !app.holidays.shown,
        ),
        (
            c.msg(RulesMsg::SectionHolidays).to_string(),
            app.holidays.shown,
        ),
    ];
    let area = crate::ui::tabs_above(f, theme, &sections, area);
    if app.holidays.shown {
        draw_holidays(f, app, theme, area);
        return;
    }
    let width = usize::from(area.width);
    let settings = rules::installed();
    let header = Line::styled(
        ellipsize(
            &format!(
                " {:<40} {:>6}  {}",
                c.msg(RulesMsg::ColRule),
                c.msg(RulesMsg::ColValue),
                c.msg(RulesMsg::ColCertainty)
            ),
            width,
        ),
        theme.header(),
    );
    let mut lines = Vec::new();
    for (i, id) in rows().into_iter().enumerate() {
        let r = rules::rule(id);
        let sel = i == app.rules_cursor;
        let marker = if sel { theme.marker() } else { " " };
        let certainty = match (r.setting, settings.get(id)) {
            (_, Some(_)) => c.msg(RulesMsg::ChangedByBranch),
            (Some(_), None) => c.msg(RulesMsg::Unverified),
            (None, None) if r.certainty == Certainty::Verified => c.msg(RulesMsg::Verified),
            (None, None) => c.msg(RulesMsg::SecondHand),
        };
        let text = format!(
            "{marker}{:<40} {:>6}  {certainty}",
            ellipsize(c.rule(id), 40),
            rules::value(id)
        );
        let style = if sel {
            theme.selected()
        } else if r.setting.is_some() {
            theme.warning()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(ellipsize(&text, width), style));
        let source = match settings.get(id) {
            Some(o) => format!("   {}; {}", c.setting_line(o), r.source),
            None => format!(
                "   {}: {} ({})",
                c.msg(RulesMsg::ColSource),
                r.source,
                r.effective
            ),
        };
        lines.push(Line::styled(ellipsize(&source, width), theme.dim()));
    }
    // The header stays; the list scrolls to keep the selected rule in view.
    f.render_widget(header, Rect { height: 1, ..area });
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let height = usize::from(body.height).max(1);
    let at = app.rules_cursor * LINES_PER_RULE;
    // Room is kept under the selected rule for a message box (up to four lines).
    let scroll = (at + LINES_PER_RULE + NOTICE_ROOM).saturating_sub(height);
    f.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        body,
    );
}

/// Columns of a weekday's name.
const WEEKDAY_W: usize = 9;
/// Columns of a kind ("ngày làm bù").
const KIND_W: usize = 11;
/// Columns of who set the day ("chi bộ").
const BY_W: usize = 6;

/// The days-off section: a heading per year, a line per day and its source under the
/// branch's days and the selected one, the selected day kept in view with room under it
/// for a message box.
fn draw_holidays(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat().rules();
    let checks = crate::i18n::checks::of(app.lang);
    let width = usize::from(area.width);
    let header = format!(
        " {} {} {} {}",
        cell(c.msg(RulesMsg::ColDate), WEEKDAY_W + 11),
        cell(c.msg(RulesMsg::ColKind), KIND_W),
        cell(c.msg(RulesMsg::ColBy), BY_W),
        c.msg(RulesMsg::ColName)
    );
    f.render_widget(
        Line::styled(ellipsize(&header, width), theme.header()),
        Rect { height: 1, ..area },
    );
    let rows = day_rows();
    let cursor = app.holidays.cursor.min(rows.len().saturating_sub(1));
    let mut lines = Vec::new();
    // Where each year's heading and each day begin: the list scrolls to one of them, so
    // the top line is never a day's second line without its day.
    let mut starts = Vec::new();
    let mut at = 0;
    let mut year = None;
    for (i, r) in rows.iter().enumerate() {
        let d = r.date();
        if year != Some(d.year()) {
            year = Some(d.year());
            starts.push(lines.len());
            let heading = format!(" {} {}", c.msg(RulesMsg::Year), d.year());
            lines.push(Line::styled(ellipsize(&heading, width), theme.accent()));
        }
        let sel = i == cursor;
        if sel {
            at = lines.len();
        }
        starts.push(lines.len());
        let marker = if sel { theme.marker() } else { " " };
        let (kind, by, name, under) = match r {
            DayRow::Builtin(_, feast, changed) => {
                // The law's days share one source: it is shown under the selected one and
                // under one the branch changed, so the list keeps a day a line.
                let source = format!("{}: {BUILTIN_SOURCE}", c.msg(RulesMsg::ColSource));
                let under = if *changed {
                    format!("{}; {source}", c.msg(RulesMsg::OverriddenByBranch))
                } else if sel {
                    source
                } else {
                    String::new()
                };
                (
                    c.day_kind(crate::domain::holidays::DayKind::DayOff),
                    c.msg(RulesMsg::ByLaw),
                    c.feast(*feast).to_string(),
                    under,
                )
            }
            DayRow::Branch(e) => (
                c.day_kind(e.kind),
                c.msg(RulesMsg::ByBranch),
                e.name.clone(),
                c.holiday_line(e),
            ),
        };
        let text = format!(
            "{marker}{} {} {} {} {name}",
            cell(checks.weekday(d.weekday()), WEEKDAY_W),
            format_date(d),
            cell(kind, KIND_W),
            cell(by, BY_W),
        );
        let style = if sel {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(ellipsize(&text, width), style));
        if !under.is_empty() {
            lines.push(Line::styled(
                ellipsize(&format!("   {under}"), width),
                theme.dim(),
            ));
        }
    }
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let height = usize::from(body.height).max(1);
    let least = (at + LINES_PER_RULE + NOTICE_ROOM).saturating_sub(height);
    let scroll = starts
        .into_iter()
        .find(|s| *s >= least)
        .unwrap_or(least)
        .min(at);
    f.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        body,
    );
}
