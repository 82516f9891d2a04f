//! Screen 5: members exempted from party work and meetings (reason, since, until,
//! decision), then members with a reminder (exemption ending, transfer ending, old and
//! often absent).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::update_helpers::{exemption_rows, member_reminders};
use crate::domain::date;
use crate::domain::lifecycle;
use crate::domain::text::ellipsize;
use crate::i18n::Msg;
use crate::ui::theme::Theme;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let rows = exemption_rows(app);
    let mut lines = vec![Line::styled(
        format!(" {}", c.msg(Msg::ExemptedHeading)),
        theme.accent(),
    )];
    if rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", c.msg(Msg::NothingToRemind)),
            theme.dim(),
        ));
    }
    let mut shown_reminders_heading = false;
    let width = usize::from(area.width);
    for (i, id) in rows.iter().enumerate() {
        let Some(e) = app.roster.get(*id) else {
            continue;
        };
        let sel = i == app.exempt_cursor;
        let marker = if sel { theme.marker() } else { " " };
        let style = if sel {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        if let Some(r) = lifecycle::exempt_row(&e.member, app.today) {
            let kind = if r.full {
                c.msg(Msg::FullExempt)
            } else {
                c.msg(Msg::TemporaryExempt)
            };
            let reason = r.reason.map(|x| c.exemption_reason(x)).unwrap_or_default();
            let until = r.until.map(date::format_date).unwrap_or_else(|| "—".into());
            let text = format!(
                "{marker} {:<24} {:<9} {}",
                ellipsize(&e.member.full_name, 24),
                kind,
                reason
            );
            lines.push(Line::styled(ellipsize(&text, width), style));
            let papers = format!(
                "     {} {} → {}  {}: {}",
                c.msg(Msg::ColSince),
                date::format_date(r.since),
                until,
                c.msg(Msg::ColDecision),
                r.decision
            );
            lines.push(Line::styled(ellipsize(&papers, width), theme.dim()));
        } else if !shown_reminders_heading {
            shown_reminders_heading = true;
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!(" {}", c.msg(Msg::RemindersHeading)),
                theme.accent(),
            ));
        }
        if lifecycle::exempt_row(&e.member, app.today).is_none() {
            let text = format!("{marker} {}", e.member.full_name);
            lines.push(Line::styled(ellipsize(&text, width), style));
        }
        for w in member_reminders(app, *id) {
            lines.push(Line::from(vec![
                Span::raw("     "),
                Span::styled(
                    ellipsize(&c.life_warning(&w), width.saturating_sub(5)),
                    theme.warning(),
                ),
            ]));
        }
    }
    let scroll = (app.exempt_cursor * 3 + 4).saturating_sub(usize::from(area.height));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}
