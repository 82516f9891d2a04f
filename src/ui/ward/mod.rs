//! The ward office's screen: draws a [`WardApp`] (the list of branches and files, the
//! figures of one section, the status line and the key bar), and runs it on a terminal
//! or on a list of events (tests). Nothing here changes state or does I/O.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use super::{MIN_SIZE, block, centered, clear, parts};
use crate::app::ward::{BAR, RowState, WardApp};
use crate::domain::{date, text};
use crate::i18n::Msg;
use crate::i18n::ward::{WardText, of};
use crate::interchange::ward::Section;
use crate::keymap::action::{Action, Context};
use crate::keymap::sequence_label;

/// Rows the list gets in a terminal of `height` rows (for paging).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(6) * 2 / 5)
        .saturating_sub(3)
        .max(3)
}

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &WardApp, theme: &Theme) {
    let area = f.area();
    f.render_widget(Block::new().style(theme.base()), area);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = Paragraph::new(app.lang.cat().msg(Msg::TooSmall))
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center);
        f.render_widget(msg, area);
        return;
    }
    let list_h = list_rows(area.height) as u16 + 3;
    let [top, list, figures, status, keybar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(list_h),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = of(app.lang).text(WardText::Title(&app.dir.display().to_string()));
    f.render_widget(
        Line::styled(
            format!(" {}", text::cell(&title, usize::from(area.width) - 1)),
            theme.title(),
        ),
        top,
    );
    draw_list(f, app, theme, list);
    draw_figures(f, app, theme, figures);
    let (line, error) = app.status_line();
    let style = if error { theme.warning() } else { theme.dim() };
    f.render_widget(
        Line::styled(
            format!(" {}", text::ellipsize(&line, usize::from(area.width) - 1)),
            style,
        ),
        status,
    );
    draw_key_bar(f, app, theme, keybar);
    if let Some(e) = &app.edit {
        draw_edit(f, app, theme, figures.union(list), e);
    }
    if let Some(d) = &app.drop {
        let q = of(app.lang).text(WardText::DropQuestion(&d.name));
        parts::draw_question_box(f, app.lang, theme, figures.union(list), &q, d.yes, d.typed);
    }
    if app.help {
        draw_help(f, app, theme, figures.union(list));
    }
}

/// Column widths of the list: name, made, period, state.
fn columns(width: usize) -> [usize; 4] {
    let made = 10;
    let period = 11;
    let rest = width.saturating_sub(made + period + 4);
    let name = (rest * 3 / 5).clamp(16, 44);
    [name, made, period, rest.saturating_sub(name)]
}

fn draw_list(f: &mut Frame, app: &WardApp, theme: &Theme, area: Rect) {
    let c = of(app.lang);
    let inner_w = usize::from(area.width.saturating_sub(2));
    let [wn, wm, wp, ws] = columns(inner_w);
    let mut lines = vec![Line::styled(
        format!(
            " {} {} {} {}",
            text::cell(&c.text(WardText::ColBranch), wn),
            text::cell(&c.text(WardText::ColMade), wm),
            text::cell(&c.text(WardText::ColPeriod), wp),
            text::cell(&c.text(WardText::ColState), ws),
        ),
        theme.header(),
    )];
    let h = usize::from(area.height.saturating_sub(3)).max(1);
    let offset = app.cursor.saturating_sub(h - 1);
    for (i, r) in app.rows.iter().enumerate().skip(offset).take(h) {
        let period = r
            .period()
            .map(|(a, b)| c.text(WardText::Period(a, b)))
            .unwrap_or_default();
        let made = r.made.map(date::format_date).unwrap_or_default();
        let state = r.state.text(app.lang);
        let style = if i == app.cursor {
            theme.selected()
        } else {
            match r.state {
                RowState::Received | RowState::Replaces(_) => theme.base(),
                RowState::NotReceived
                | RowState::OlderThanReceived(_)
                | RowState::NotListed
                | RowState::Duplicate(_) => theme.warning(),
                RowState::Refused(_) => theme.error(),
                RowState::Superseded(_) | RowState::Other => theme.dim(),
            }
        };
        let marker = if i == app.cursor { theme.marker() } else { " " };
        lines.push(Line::styled(
            format!(
                "{marker}{} {} {} {}",
                text::cell(&r.label, wn),
                text::cell(&made, wm),
                text::cell(&period, wp),
                text::cell(&state, ws)
            ),
            style,
        ));
    }
    f.render_widget(Paragraph::new(lines).block(block(theme, "")), area);
}

fn draw_figures(f: &mut Frame, app: &WardApp, theme: &Theme, area: Rect) {
    let c = of(app.lang);
    let mut tabs = Vec::new();
    for (i, _) in Section::ALL.iter().enumerate() {
        let style = if i == app.section {
            theme.selected()
        } else {
            theme.dim()
        };
        tabs.push(Span::styled(format!(" {} ", c.section(i)), style));
        tabs.push(Span::raw(" "));
    }
    let title = c.text(WardText::Figures(c.section(app.section), app.year));
    let b = block(theme, format!(" {title} "));
    let inner = b.inner(area);
    f.render_widget(b, area);
    if inner.height < 2 {
        return;
    }
    f.render_widget(Line::from(tabs), Rect { height: 1, ..inner });
    let body = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let lines: Vec<Line> = app
        .section_lines()
        .into_iter()
        .skip(app.scroll)
        .map(Line::from)
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}

/// The key bar: the keymap's keys of the ward's commands, with their words.
fn draw_key_bar(f: &mut Frame, app: &WardApp, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let w = of(app.lang);
    let rename = w.text(WardText::HintRename);
    let items: Vec<(String, String, bool)> = if app.drop.is_some() {
        [Action::Answer, Action::SwitchAnswer, Action::No]
            .iter()
            .filter_map(|a| {
                let k = app.keymap.first_keys(Context::Confirm, *a)?;
                Some((
                    sequence_label(k, theme.ascii),
                    c.hint(*a).to_string(),
                    false,
                ))
            })
            .collect()
    } else {
        BAR.iter()
            .filter_map(|a| {
                let keys = crate::app::ward::CONTEXTS
                    .iter()
                    .find_map(|ctx| app.keymap.first_keys(*ctx, *a))?;
                let label = if *a == Action::Edit {
                    rename.clone()
                } else {
                    c.hint(*a).to_string()
                };
                Some((
                    sequence_label(keys, theme.ascii),
                    label,
                    matches!(a, Action::Help | Action::Quit),
                ))
            })
            .collect()
    };
    let items: Vec<(String, &str, bool)> = items
        .iter()
        .map(|(k, l, kept)| (k.clone(), l.as_str(), *kept))
        .collect();
    parts::draw_key_items(f, theme, area, &items);
}

fn draw_edit(f: &mut Frame, app: &WardApp, theme: &Theme, area: Rect, e: &crate::app::ward::Edit) {
    let c = of(app.lang);
    let prompt = match e.rename {
        None => c.text(WardText::AddPrompt),
        Some(i) => c.text(WardText::RenamePrompt(
            app.list.branches.get(i).map_or("", String::as_str),
        )),
    };
    let w = area.width.saturating_sub(4).min(76);
    let r = centered(area, w, 7);
    clear(f, r, theme);
    let (typed, cursor) = e.input.shown();
    let mut lines = vec![
        Line::from(prompt),
        Line::from(vec![Span::styled("> ", theme.accent()), Span::raw(typed)]),
    ];
    if let Some(err) = &e.error {
        lines.push(Line::styled(err.clone(), theme.error()));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(theme, "")),
        r,
    );
    let x = r.x + 3 + cursor as u16;
    f.set_cursor_position((x.min(r.right().saturating_sub(2)), r.y + 2));
}

fn draw_help(f: &mut Frame, app: &WardApp, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let w = of(app.lang);
    let mut lines = vec![Line::from(w.text(WardText::HelpFind)), Line::from("")];
    let actions = [
        (Action::New, c.hint(Action::New).to_string()),
        (Action::Edit, w.text(WardText::HintRename)),
        (Action::Delete, c.hint(Action::Delete).to_string()),
        (Action::NextTab, c.hint(Action::NextTab).to_string()),
        (Action::PrevTab, w.text(WardText::HintPrevSection)),
        (Action::PrevPeriod, c.hint(Action::PrevPeriod).to_string()),
        (Action::NextPeriod, c.hint(Action::NextPeriod).to_string()),
        (
            Action::ExportReport,
            c.hint(Action::ExportReport).to_string(),
        ),
        (Action::Up, c.hint(Action::Up).to_string()),
        (Action::Down, c.hint(Action::Down).to_string()),
        (Action::PageDown, w.text(WardText::HelpScroll)),
        (Action::PageUp, w.text(WardText::HelpScroll)),
        (Action::Quit, c.hint(Action::Quit).to_string()),
    ];
    for (a, label) in actions {
        let keys: Vec<String> = crate::app::ward::CONTEXTS
            .iter()
            .flat_map(|ctx| {
                app.keymap
                    .bindings(*ctx)
                    .filter(move |(_, x)| *x == a)
                    .map(|(k, _)| k.clone())
            })
            .map(|k| sequence_label(&k, theme.ascii))
            .collect();
        if keys.is_empty() {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<22}", keys.join(" ")), theme.key()),
            Span::raw(format!(" {label}")),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(w.text(WardText::HelpClose), theme.accent()));
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, area.width.saturating_sub(6).min(72), h);
    clear(f, r, theme);
    f.render_widget(
        Paragraph::new(lines).block(block(theme, format!(" {} ", w.text(WardText::HelpTitle)))),
        r,
    );
}

impl super::Driven for WardApp {
    fn fit(&mut self, height: u16) {
        self.page_rows = list_rows(height);
    }
    fn handle(&mut self, ev: &crossterm::event::Event) {
        self.handle_event(ev);
    }
    fn quits(&self) -> bool {
        self.should_quit
    }
    fn draw(&self, f: &mut Frame, theme: &Theme) {
        draw(f, self, theme);
    }
}
