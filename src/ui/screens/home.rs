//! Screen 0, "Việc cần làm": what needs the secretary's attention, soonest first, each
//! with why; Enter jumps to the record.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::screens::home::todo_items;
use crate::domain::date;
use crate::domain::text::ellipsize;
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
        let text = ellipsize(&todo, width.saturating_sub(14));
        lines.push(Line::from(vec![
            Span::styled(format!("{marker} {when:<11} "), style),
            Span::styled(text, style),
        ]));
    }
    let scroll = (app.home_cursor + 2).saturating_sub(usize::from(area.height));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}
