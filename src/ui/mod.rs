//! Views: draw an `&App` with ratatui. Nothing here changes state or does I/O.

pub mod ascii;
mod form;
mod help;
pub mod history;
mod parts;
mod screens;
pub mod theme;
pub mod ward;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::{App, Screen};
use crate::domain::text;
use crate::i18n::Msg;
use theme::Theme;

/// The smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Rows the roster table gets in a terminal of `height` rows (for paging).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(8))
}

/// Draws the whole screen (in ASCII only under `--ascii`, see [`ascii`]).
pub fn draw(f: &mut Frame, app: &App, theme: &Theme) {
    draw_all(f, app, theme);
    if theme.ascii {
        ascii::fold_buffer(f.buffer_mut());
    }
}

fn draw_all(f: &mut Frame, app: &App, theme: &Theme) {
    let area = f.area();
    f.render_widget(Block::new().style(theme.base()), area);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = Paragraph::new(app.lang.cat().msg(Msg::TooSmall))
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center);
        f.render_widget(msg, area);
        return;
    }
    let [top, tabs, body, status, keybar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(f, app, theme, top);
    draw_tabs(f, app, theme, tabs);
    screens::draw(f, app, theme, body);
    if let Some(form) = &app.form {
        form::draw(f, app, theme, body, form);
    }
    if let Some(v) = &app.history {
        history::draw(f, app, theme, body, v);
    }
    if let Some(s) = &app.search {
        parts::draw_search(f, app, theme, body, s);
    }
    if app.keys_moved {
        help::draw_keys_moved(f, app, theme, body);
    } else if let Some(h) = &app.help {
        help::draw(f, app, theme, body, h);
    }
    if let Some(q) = &app.confirm {
        parts::draw_question(f, app, theme, body, q);
    }
    parts::draw_status(f, app, theme, status, body);
    parts::draw_key_bar(f, app, theme, keybar);
}

/// Whether no overlay (form, question, help, history, search) is open over the screen.
pub(crate) fn no_overlay(app: &App) -> bool {
    app.form.is_none()
        && app.confirm.is_none()
        && app.help.is_none()
        && app.history.is_none()
        && app.search.is_none()
        && !app.keys_moved
}

/// Empties an area for a window drawn over the screen, on the app's own ground.
pub(crate) fn clear(f: &mut Frame, area: Rect, theme: &Theme) {
    f.render_widget(ratatui::widgets::Clear, area);
    f.render_widget(Block::new().style(theme.base()), area);
}

/// A bordered block in the theme's border set.
pub(crate) fn block<'a>(theme: &Theme, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::bordered().border_set(theme.border()).title(title)
}

/// A label in a column of `label_w` columns and its text wrapped between words to the
/// `width` left beside it; the text's further lines start under the text, not under the label.
pub(crate) fn labelled<'a>(
    label: Span<'a>,
    label_w: usize,
    text: &str,
    width: usize,
) -> Vec<Line<'a>> {
    let cols = width.saturating_sub(label_w).max(10);
    let mut lead = Some(label);
    crate::interchange::docx::wrap(text, cols, "", 0)
        .into_iter()
        .map(|part| {
            let first = lead
                .take()
                .unwrap_or_else(|| Span::raw(" ".repeat(label_w)));
            Line::from(vec![first, Span::raw(part)])
        })
        .collect()
}

/// A rectangle of `w`×`h` centred in `r` (clipped to it).
pub(crate) fn centered(r: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(r.width);
    let h = h.min(r.height);
    Rect {
        x: r.x + (r.width - w) / 2,
        y: r.y + (r.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_title(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let branch = app
        .branch
        .as_ref()
        .map_or(String::new(), |b| format!(" · {}", b.name));
    let mut spans = vec![Span::styled(
        format!(" {}{}", c.msg(Msg::AppName), branch),
        theme.title(),
    )];
    let demo = if app.demo { c.msg(Msg::DemoBanner) } else { "" };
    let used: usize = spans.iter().map(Span::width).sum::<usize>() + text::width(demo);
    spans.push(Span::styled(
        " ".repeat(usize::from(area.width).saturating_sub(used)),
        theme.title(),
    ));
    if app.demo {
        spans.push(Span::styled(demo, theme.demo()));
    }
    f.render_widget(Line::from(spans), area);
}

fn draw_tabs(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let mut spans = Vec::new();
    let mut tabs = Vec::new();
    for s in Screen::ALL {
        // The rules screen (Alt+Q, in the help) has a tab only while open: the other
        // eleven fill 80 columns.
        if *s == Screen::Rules && app.screen != Screen::Rules {
            continue;
        }
        let name = (crate::app::screens::def(*s).name)(app.lang);
        tabs.push((*s, name));
    }
    tabs.sort_by_key(|(s, _)| s.number());
    // Every tab with its name if they fit; otherwise the current one is named and the
    // others show their short name (ĐV, SH …); if even that is too wide, every tab its
    // short name; only keys as a last resort (the help lists them all). Tabs are one
    // blank apart when that fits, else side by side (each has its own blanks).
    let short = |s: Screen| c.screen_short(s.number());
    type Mode<'a> = &'a dyn Fn(Screen, &str) -> String;
    let modes: [Mode; 4] = [
        &|s, n| format!("{} {n}", s.key()),
        &|s, n| {
            if s == app.screen {
                format!("{} {n}", s.key())
            } else {
                format!("{} {}", s.key(), short(s))
            }
        },
        &|s, _| format!("{} {}", s.key(), short(s)),
        &|s, _| s.key(),
    ];
    let area_w = usize::from(area.width);
    // Three spacings, roomiest first: each tab between blanks and one blank apart; side
    // by side; and, tightest, the tabs one blank apart with no blanks of their own (only
    // the current one keeps its brackets).
    #[derive(Clone, Copy, PartialEq)]
    enum Spacing {
        Apart,
        Together,
        Tight,
    }
    let width_of = |labels: &[String], sp: Spacing| -> usize {
        let words: usize = labels.iter().map(|l| text::width(l)).sum();
        let n = labels.len();
        match sp {
            Spacing::Apart => words + 3 * n - 1,
            Spacing::Together => words + 2 * n,
            Spacing::Tight => words + 2 + n.saturating_sub(1),
        }
    };
    let mut chosen = None;
    'modes: for mode in modes {
        let labels: Vec<String> = tabs.iter().map(|(s, n)| mode(*s, n)).collect();
        for sp in [Spacing::Apart, Spacing::Together, Spacing::Tight] {
            if width_of(&labels, sp) <= area_w {
                chosen = Some((labels, sp));
                break 'modes;
            }
        }
    }
    let (labels, sp) =
        chosen.unwrap_or_else(|| (tabs.iter().map(|(s, _)| s.key()).collect(), Spacing::Tight));
    for (i, ((s, _), label)) in tabs.iter().zip(labels).enumerate() {
        let current = *s == app.screen;
        if sp == Spacing::Tight {
            if i > 0 {
                spans.push(Span::raw(" "));
            }
            spans.push(if current {
                tab(theme, &label, true)
            } else {
                Span::styled(label, theme.dim())
            });
        } else {
            spans.push(tab(theme, &label, current));
            if sp == Spacing::Apart {
                spans.push(Span::raw(" "));
            }
        }
    }
    f.render_widget(Line::from(spans), area);
}

/// A tab or filter label: the current one in brackets as well as in colour
/// ("[1 Đảng viên]"), the others between blanks, so both take the same width.
pub(crate) fn tab<'a>(theme: &Theme, label: &str, current: bool) -> Span<'a> {
    if current {
        Span::styled(format!("[{label}]"), theme.selected())
    } else {
        Span::styled(format!(" {label} "), theme.dim())
    }
}

/// Draws a screen's tabs (see [`tab_row`]) on the first line of `area`; returns the rest.
pub(crate) fn tabs_above(
    f: &mut Frame,
    theme: &Theme,
    labels: &[(String, bool)],
    area: Rect,
) -> Rect {
    f.render_widget(
        tab_row(theme, labels, area.width),
        Rect { height: 1, ..area },
    );
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// A row of tabs or filters (see [`tab`]) in `width` columns: each between blanks when
/// they fit, else without them, one blank apart, so every label and count stays whole.
pub(crate) fn tab_row<'a>(theme: &Theme, labels: &[(String, bool)], width: u16) -> Line<'a> {
    let padded: usize = labels.iter().map(|(l, _)| text::width(l) + 2).sum();
    let mut spans = Vec::new();
    for (i, (label, current)) in labels.iter().enumerate() {
        if padded <= usize::from(width) {
            spans.push(tab(theme, label, *current));
            continue;
        }
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(if *current {
            tab(theme, label, true)
        } else {
            Span::styled(label.clone(), theme.dim())
        });
    }
    Line::from(spans)
}

/// A style for a form or detail label.
pub(crate) fn label_style(theme: &Theme) -> Style {
    theme.dim()
}

/// What the event loop needs of an app: the branch's ([`App`]) and the ward office's
/// ([`crate::app::ward::WardApp`]) run through the same loop.
pub trait Driven {
    /// Rows its lists get in a terminal of `height` rows (for paging).
    fn fit(&mut self, height: u16);
    /// Handles one event.
    fn handle(&mut self, ev: &crossterm::event::Event);
    /// Whether it wants to quit.
    fn quits(&self) -> bool;
    /// Draws it.
    fn draw(&self, f: &mut Frame, theme: &Theme);
    /// Whether it holds typing not yet saved as a draft (the terminal loop then wakes
    /// every few seconds to save it).
    fn unsaved(&self) -> bool {
        false
    }
    /// Saves that typing as a draft.
    fn autosave(&mut self) {}
}

impl Driven for App {
    fn fit(&mut self, height: u16) {
        self.page_rows = list_rows(height);
    }
    fn handle(&mut self, ev: &crossterm::event::Event) {
        crate::app::handle_event(self, ev);
    }
    fn quits(&self) -> bool {
        self.should_quit
    }
    fn draw(&self, f: &mut Frame, theme: &Theme) {
        draw(f, self, theme);
    }
    fn unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.unsaved_draft)
    }
    fn autosave(&mut self) {
        crate::app::autosave(self);
    }
}

/// Feeds events to the app and redraws after each one; stops when the app wants to quit
/// or the events run out. Used by the real terminal loops and by tests with a
/// `TestBackend`.
pub fn run<B: ratatui::backend::Backend, A: Driven>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut A,
    theme: &Theme,
    events: impl IntoIterator<Item = crossterm::event::Event>,
) -> Result<(), B::Error> {
    app.fit(terminal.size()?.height);
    terminal.draw(|f| app.draw(f, theme))?;
    for ev in events {
        if !step(terminal, app, theme, &ev)? {
            break;
        }
    }
    Ok(())
}

/// One event: handled, then drawn; false when the app wants to quit.
fn step<B: ratatui::backend::Backend, A: Driven>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut A,
    theme: &Theme,
    ev: &crossterm::event::Event,
) -> Result<bool, B::Error> {
    if let crossterm::event::Event::Resize(_, h) = ev {
        app.fit(*h);
    }
    app.handle(ev);
    if app.quits() {
        return Ok(false);
    }
    terminal.draw(|f| app.draw(f, theme))?;
    Ok(true)
}

/// Seconds between draft saves while a form has unsaved typing.
pub const AUTOSAVE_SECS: u64 = 3;

/// The real terminal loop: blocks on input (no tick: an idle app uses no CPU), except that
/// while a form has unsaved typing it wakes every few seconds to save the draft.
pub fn run_terminal<B: ratatui::backend::Backend, A: Driven>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut A,
    theme: &Theme,
) -> Result<(), B::Error> {
    use crossterm::event;
    app.fit(terminal.size()?.height);
    terminal.draw(|f| app.draw(f, theme))?;
    loop {
        if app.unsaved()
            && !event::poll(std::time::Duration::from_secs(AUTOSAVE_SECS)).unwrap_or(true)
        {
            app.autosave();
            continue;
        }
        let Ok(ev) = event::read() else { return Ok(()) };
        if !step(terminal, app, theme, &ev)? {
            return Ok(());
        }
    }
}
