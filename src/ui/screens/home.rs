//! Screen 0, "Việc cần làm": what needs the secretary's attention, soonest first, each
//! with why; Enter jumps to the record. A row too long for the line ends in "…" and the
//! selected one is shown whole under the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::screens::home::todo_items;
use crate::domain::date;
use crate::domain::text::{self, ellipsize};
use crate::i18n::Msg;
use crate::i18n::console::ConsoleMsg;
use crate::ui::theme::Theme;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let items = todo_items(app);
    let width = usize::from(area.width);
    let mut lines = vec![Line::styled(
        format!(" {}", c.msg(Msg::HomeHeading)),
        theme.accent(),
    )];
    if items.is_empty() {
        lines.push(Line::styled(
            format!(" {}", c.msg(Msg::HomeNothing)),
            theme.ok(),
        ));
    }
    let mut selected_full = None;
    for (i, item) in items.iter().enumerate() {
        let sel = i == app.home_cursor;
        let marker = if sel { theme.marker() } else { " " };
        let when = item
            .due
            .map(date::format_date)
            .unwrap_or_else(|| c.msg(Msg::HomeNow).to_string());
        let overdue = item.due.is_some_and(|d| d < app.today);
        let style = if sel {
            theme.selected()
        } else if overdue {
            theme.error()
        } else {
            ratatui::style::Style::new()
        };
        // Overdue says so in words as well as in red.
        let todo = if overdue {
            let word = crate::i18n::console::texts(app.lang).msg(ConsoleMsg::Overdue);
            format!("{word}: {}", c.todo(item))
        } else {
            c.todo(item)
        };
        let cut = ellipsize(&todo, width.saturating_sub(14));
        if sel {
            selected_full = Some(todo);
        }
        let text = cut;
        lines.push(Line::from(vec![
            Span::styled(format!("{marker} {when:<11} "), style),
            Span::styled(text, style),
        ]));
    }
    // A selected row too long for its line is shown whole under the list.
    let mut area = area;
    if let Some(full) = selected_full.filter(|t| text::width(t) > width.saturating_sub(14)) {
        let rows = (text::width(&full) / width.max(1) + 1).min(4) as u16;
        let [list, gap, below] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(rows),
        ])
        .areas(area);
        f.render_widget(
            Line::styled("─".repeat(usize::from(gap.width)), theme.dim()),
            gap,
        );
        f.render_widget(
            Paragraph::new(full)
                .wrap(Wrap { trim: true })
                .style(theme.accent()),
            below,
        );
        area = list;
    }
    let scroll = (app.home_cursor + 2).saturating_sub(usize::from(area.height));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}
