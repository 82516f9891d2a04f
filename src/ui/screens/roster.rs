//! The member roster: filter tabs, the search line and the table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::roster::Filter;
use crate::domain::date;
use crate::i18n::Msg;
use crate::ui::theme::Theme;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let r = &app.roster;
    let finding = app.find_in == Some(crate::keymap::action::Context::Members);
    let show_search = finding && !app.find.text().is_empty();
    let [tabs, search, table_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(show_search)),
        Constraint::Min(1),
    ])
    .areas(area);

    let mut labels = Vec::new();
    for fl in Filter::ALL {
        let name = match fl {
            Filter::Active => Msg::FilterActive,
            Filter::All => Msg::FilterAll,
            Filter::Official => Msg::FilterOfficial,
            Filter::Probationary => Msg::FilterProbationary,
            Filter::Exempt => Msg::FilterExempt,
            Filter::Left => Msg::FilterLeft,
        };
        labels.push((format!("{} {}", c.msg(name), r.count(*fl)), *fl == r.filter));
    }
    f.render_widget(crate::ui::tab_row(theme, &labels, tabs.width), tabs);

    if show_search {
        let prompt = c.msg(Msg::SearchPrompt);
        let (query, cursor) = app.find.shown();
        let line = Line::from(vec![Span::styled(prompt, theme.accent()), Span::raw(query)]);
        f.render_widget(Paragraph::new(line), search);
        if app.detail.is_none() && crate::ui::no_overlay(app) {
            // The prompt in columns; the cursor is per character (TextInput, tech-notes §4).
            let x = search.x + (crate::domain::text::width(prompt) + cursor) as u16;
            f.set_cursor_position((x.min(search.right().saturating_sub(1)), search.y));
        }
    }

    let wide = table_area.width >= 100;
    let mut header = vec![
        c.msg(Msg::ColNo),
        c.msg(Msg::ColName),
        c.msg(Msg::ColBorn),
        c.msg(Msg::ColStatus),
        c.msg(Msg::ColAdmitted),
        c.msg(Msg::ColCard),
    ];
    let mut widths = vec![
        Constraint::Length(4),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(13),
        Constraint::Length(10),
        Constraint::Length(10),
    ];
    if wide {
        header.push(c.msg(Msg::ColPhone));
        widths.push(Constraint::Length(12));
    }
    if r.visible_len() == 0 {
        let msg = if r.entries().is_empty() {
            Msg::EmptyRoster
        } else {
            Msg::NoMatch
        };
        f.render_widget(Paragraph::new(c.msg(msg)).style(theme.dim()), table_area);
        return;
    }
    // Only the rows on screen are built (a ward has thousands): the window that shows the
    // selection, as ratatui would scroll it from the top.
    let height = usize::from(table_area.height.saturating_sub(1)).max(1);
    let offset = r.selected.saturating_sub(height - 1);
    let rows = r
        .visible()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, e)| {
            let m = &e.member;
            let born = m.birth_date.map_or(String::new(), |b| {
                format!(
                    "{} ({})",
                    chrono::Datelike::year(&b),
                    date::age_years(b, app.today)
                )
            });
            let mut cells = vec![
                Cell::from(format!("{:>3}", i + 1)),
                Cell::from(m.full_name.clone()),
                Cell::from(born),
                Cell::from(c.status(e.status)),
                Cell::from(m.admitted_on().map(date::format_date).unwrap_or_default()),
                Cell::from(m.card_number.clone()),
            ];
            if wide {
                cells.push(Cell::from(m.phone.clone()));
            }
            let row = Row::new(cells);
            if e.status.is_exempt() || !e.status.is_active() {
                row.style(theme.dim())
            } else {
                row
            }
        });
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .row_highlight_style(theme.selected())
        .highlight_symbol(theme.marker())
        .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(r.selected - offset));
    f.render_stateful_widget(table, table_area, &mut state);
}
