//! Views: draw an `&App` with ratatui. Nothing here changes state or does I/O.

mod form;
mod help;
pub mod history;
mod screens;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::keymap::action::Action;
use crate::app::{App, Confirm, Notice, Screen};
use crate::domain::branch;
use crate::i18n::{self, Msg};
use theme::Theme;

/// The smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Rows the roster table gets in a terminal of `height` rows (for paging).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(7))
}

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = Paragraph::new(app.lang.cat().msg(Msg::TooSmall))
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center);
        f.render_widget(msg, area);
        return;
    }
    let [top, tabs, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(f, app, theme, top);
    draw_tabs(f, app, theme, tabs);
    match app.screen {
        Screen::Members => {
            screens::roster::draw(f, app, theme, body);
            if let Some(id) = app.detail {
                screens::detail::draw(f, app, theme, body, id);
            }
        }
        Screen::Branch => draw_branch(f, app, theme, body),
        Screen::Meetings => screens::meetings::draw(f, app, theme, body),
        Screen::Exemptions => screens::exemptions::draw(f, app, theme, body),
        Screen::Admission => screens::admission::draw(f, app, theme, body),
        Screen::Review => screens::review::draw(f, app, theme, body),
        Screen::Home => screens::home::draw(f, app, theme, body),
        Screen::Dues => screens::dues::draw(f, app, theme, body),
        Screen::Reports => screens::reports::draw(f, app, theme, body),
    }
    if let Some(form) = &app.form {
        form::draw(f, app, theme, body, form);
    }
    if let Some(v) = &app.history {
        history::draw(f, app, theme, body, v);
    }
    if let Some(scroll) = app.help {
        help::draw(f, app, theme, body, scroll);
    }
    if let Some(c) = &app.confirm {
        draw_confirm(f, app, theme, body, c);
    }
    draw_status(f, app, theme, bottom);
}

/// A bordered block in the theme's border set.
pub(crate) fn block<'a>(theme: &Theme, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::bordered().border_set(theme.border()).title(title)
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
    let used: usize = spans.iter().map(Span::width).sum::<usize>() + demo.chars().count();
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
        let name = match s {
            Screen::Members => c.msg(Msg::ScreenMembers),
            Screen::Branch => c.msg(Msg::ScreenBranch),
            Screen::Meetings => c.msg(Msg::ScreenMeetings),
            Screen::Exemptions => c.msg(Msg::ScreenExemptions),
            Screen::Admission => c.admission().msg(crate::i18n::admission::AdmMsg::Screen),
            Screen::Review => c.review_msg(i18n::ReviewMsg::Screen),
            Screen::Home => c.msg(Msg::ScreenHome),
            Screen::Dues => c.dues().msg(crate::i18n::dues::DuesMsg::ScreenName),
            Screen::Reports => c.msg(Msg::ScreenReports),
        };
        tabs.push((*s, name));
    }
    tabs.sort_by_key(|(s, _)| s.number());
    // Every tab with its name if they fit; otherwise the current one is named and the
    // others show their short name (ĐV, SH …), or only their number if even that is too
    // wide (the help lists them all).
    let width = |name: &dyn Fn(Screen, &str) -> usize| -> usize {
        tabs.iter()
            .map(|(s, n)| name(*s, n) + s.number().to_string().len() + 4)
            .sum()
    };
    let full = width(&|_, n| n.chars().count());
    let short = width(&|s, n| {
        if s == app.screen {
            n.chars().count()
        } else {
            c.screen_short(s.number()).chars().count()
        }
    });
    let area_w = usize::from(area.width);
    for (s, name) in tabs {
        let current = s == app.screen;
        let style = if current {
            theme.selected()
        } else {
            theme.dim()
        };
        let text = if full <= area_w || current {
            format!(" {} {} ", s.number(), name)
        } else if short <= area_w {
            format!(" {} {} ", s.number(), c.screen_short(s.number()))
        } else {
            format!(" {} ", s.number())
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Line::from(spans), area);
}

fn draw_branch(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let block = block(theme, format!(" {} ", c.msg(Msg::ScreenBranch)));
    let lines: Vec<Line> = match &app.branch {
        None => vec![Line::from(c.msg(Msg::NoBranch))],
        Some(b) => branch::BranchField::ALL
            .iter()
            .zip(branch::branch_values(b))
            .map(|(bf, v)| {
                Line::from(vec![
                    Span::styled(format!("{:<20}", c.branch_field(*bf)), theme.dim()),
                    Span::raw(if v.is_empty() {
                        c.msg(Msg::NotSet).to_string()
                    } else {
                        v
                    }),
                ])
            })
            .collect(),
    };
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn draw_confirm(f: &mut Frame, app: &App, theme: &Theme, area: Rect, c: &Confirm) {
    let cat = app.lang.cat();
    let question = match c {
        Confirm::Delete(_, name) => format!("{} {}?", cat.msg(Msg::ConfirmDelete), name),
        Confirm::Quit => cat.msg(Msg::ConfirmQuitDirty).to_string(),
        Confirm::Discard => cat.msg(Msg::ConfirmDiscard).to_string(),
        Confirm::DeleteMeeting(_, n) => {
            format!(
                "{} {}?",
                cat.msg(Msg::ConfirmDeleteMeeting),
                crate::domain::meeting::document_number(*n)
            )
        }
        Confirm::DeletePart(..) => cat.msg(Msg::ConfirmDeletePart).to_string(),
        Confirm::Approve(_) => cat.msg(Msg::ConfirmApprove).to_string(),
        Confirm::RemoveLastEvent(id, label) => {
            let name = app
                .roster
                .get(*id)
                .map(|e| e.member.full_name.clone())
                .unwrap_or_default();
            format!("{} {name}: {label}?", cat.msg(Msg::ConfirmRemoveEvent))
        }
        Confirm::UndoStep(_, label) => format!(
            "{} {label}?",
            cat.admission()
                .msg(crate::i18n::admission::AdmMsg::ConfirmUndo)
        ),
        Confirm::DeleteAward(_, y, name) => format!(
            "{} {name} ({})?",
            cat.dues()
                .msg(crate::i18n::dues::DuesMsg::ConfirmDeleteAward),
            cat.dues().text(crate::i18n::dues::DuesText::Milestone(*y))
        ),
    };
    let r = centered(area, 60, 7);
    f.render_widget(Clear, r);
    let text = vec![
        Line::from(question),
        Line::from(""),
        Line::styled(cat.msg(Msg::ConfirmKeys), theme.accent()),
    ];
    let p = Paragraph::new(text).wrap(Wrap { trim: true }).block(
        block(theme, format!(" {} ", cat.msg(Msg::ConfirmTitle))).border_style(theme.warning()),
    );
    f.render_widget(p, r);
}

fn draw_status(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let help = c.msg(Msg::HelpHint);
    let (text, style) = match &app.notice {
        Some(Notice::Saved(w)) if !w.is_empty() => {
            let ws: Vec<String> = w.iter().map(|w| c.warning(w)).collect();
            (
                format!(
                    "{} {}{}",
                    c.msg(Msg::Saved),
                    c.msg(Msg::WarningPrefix),
                    ws.join(" ")
                ),
                theme.warning(),
            )
        }
        Some(Notice::Saved(_)) => (c.msg(Msg::Saved).to_string(), theme.ok()),
        Some(Notice::Deleted(name)) => (format!("{}: {}.", c.msg(Msg::Deleted), name), theme.ok()),
        Some(Notice::FormHasErrors) => (c.msg(Msg::FormHasErrors).to_string(), theme.error()),
        Some(Notice::NothingSelected) => (c.msg(Msg::NothingSelected).to_string(), theme.warning()),
        Some(Notice::Store(e)) => (i18n::store_error(app.lang, e), theme.error()),
        Some(Notice::Approved(d)) => (
            c.problem(&crate::domain::validate::Problem::Approved(*d)),
            theme.warning(),
        ),
        Some(Notice::Exported(paths)) => {
            (format!("{} {paths}", c.msg(Msg::ExportedTo)), theme.ok())
        }
        Some(Notice::EventSaved(w)) if !w.is_empty() => {
            let ws: Vec<String> = w.iter().map(|w| c.life_warning(w)).collect();
            (
                format!(
                    "{} {}{}",
                    c.msg(Msg::EventSaved),
                    c.msg(Msg::WarningPrefix),
                    ws.join(" ")
                ),
                theme.warning(),
            )
        }
        Some(Notice::EventSaved(_)) => (c.msg(Msg::EventSaved).to_string(), theme.ok()),
        Some(Notice::Review(n)) => (
            c.review_notice(n),
            match n {
                crate::app::screens::review::ReviewNotice::Saved(w) if w.is_empty() => theme.ok(),
                _ => theme.warning(),
            },
        ),
        Some(Notice::DraftRestored) => (c.msg(Msg::DraftRestored).to_string(), theme.warning()),
        Some(Notice::Admission(n)) => screens::admission::notice(app, theme, n),
        Some(Notice::Undone(t) | Notice::Redone(t)) => (t.clone(), theme.ok()),
        Some(Notice::NothingToUndo) => (c.msg(Msg::NothingToUndo).to_string(), theme.warning()),
        Some(Notice::NothingToRedo) => (c.msg(Msg::NothingToRedo).to_string(), theme.warning()),
        Some(Notice::UndoApproved(doc, d)) => (
            c.cli(i18n::Cli::UndoApproved(
                doc,
                &crate::domain::date::format_date(*d),
            )),
            theme.warning(),
        ),
        Some(Notice::ReportExported(paths)) => (
            format!("{} {paths}", c.msg(Msg::ReportExportedTo)),
            theme.ok(),
        ),
        Some(Notice::BundleWritten(path, n)) => (
            format!(
                "{} {path} ({n} {})",
                c.msg(Msg::BundleWrittenTo),
                c.msg(Msg::BundleMembers)
            ),
            theme.ok(),
        ),
        Some(Notice::NoDuesProfile(name)) => (
            format!(
                "{} {name}.",
                c.dues().msg(crate::i18n::dues::DuesMsg::NeedsProfile)
            ),
            theme.warning(),
        ),
        None => (hints(app), theme.dim()),
    };
    let width = usize::from(area.width).saturating_sub(help.chars().count() + 3);
    let text = crate::domain::text::ellipsize(&text, width);
    let pad = width.saturating_sub(text.chars().count());
    let line = Line::from(vec![
        Span::styled(format!(" {text}{}", " ".repeat(pad)), style),
        Span::styled(format!("{help} "), theme.accent()),
    ]);
    f.render_widget(line, area);
}

/// "key label" hints for the current context, from the live keymap.
fn hints(app: &App) -> String {
    let c = app.lang.cat();
    let ctx = app.context();
    let wanted: &[Action] = &[
        Action::PayCash,
        Action::PayOnline,
        Action::ClearPayment,
        Action::RecordAward,
        Action::ToggleIllness,
        Action::AllMembers,
        Action::Search,
        Action::New,
        Action::Open,
        Action::Edit,
        Action::Delete,
        Action::NextFilter,
        Action::SearchAccept,
        Action::Save,
        Action::Cancel,
        Action::Yes,
        Action::No,
        Action::NextTab,
        Action::NewItem,
        Action::Approve,
        Action::Amend,
        Action::ExportMinutes,
        Action::ExportReport,
        Action::ExportBundle,
        Action::PrevPeriod,
        Action::ToggleAttendance,
        Action::AddEvent,
        Action::AdmissionNew,
        Action::AdmissionOpen,
        Action::AdmissionStep,
        Action::AdmissionEdit,
        Action::AdmissionUndo,
        Action::AdmissionTarget,
        Action::History,
        Action::Quit,
    ];
    let mut out = Vec::new();
    for a in wanted {
        let mut keys = app.keymap.keys_for(ctx, *a);
        if let (true, Some(parent)) = (keys.is_empty(), ctx.parent()) {
            keys = app.keymap.keys_for(parent, *a);
        }
        if keys.is_empty() && *a == Action::Quit && ctx != crate::keymap::action::Context::Form {
            keys = app.keymap.keys_for(crate::keymap::action::Context::Global, *a);
        }
        if let Some(k) = keys.first() {
            out.push(format!("{} {}", k.trim_matches(['<', '>']), c.hint(*a)));
        }
    }
    out.join(" · ")
}

/// A style for a form or detail label.
pub(crate) fn label_style(theme: &Theme) -> Style {
    theme.dim()
}

/// Feeds events to the app and redraws after each one that changed something; stops
/// when the app wants to quit or the events run out. Used by the real terminal loop
/// and by tests with a `TestBackend`.
pub fn run<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: impl IntoIterator<Item = crossterm::event::Event>,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    app.page_rows = list_rows(size.height);
    terminal.draw(|f| draw(f, app, theme))?;
    for ev in events {
        if let crossterm::event::Event::Resize(_, h) = ev {
            app.page_rows = list_rows(h);
        }
        crate::app::handle_event(app, &ev);
        if app.should_quit {
            break;
        }
        terminal.draw(|f| draw(f, app, theme))?;
    }
    Ok(())
}

/// Seconds between draft saves while a form has unsaved typing.
pub const AUTOSAVE_SECS: u64 = 3;

/// The real terminal loop: blocks on input (no tick: an idle app uses no CPU), except that
/// while a form has unsaved typing it wakes every few seconds to save the draft.
pub fn run_terminal<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    theme: &Theme,
) -> Result<(), B::Error> {
    use crossterm::event;
    let size = terminal.size()?;
    app.page_rows = list_rows(size.height);
    terminal.draw(|f| draw(f, app, theme))?;
    loop {
        let waiting_draft = app.form.as_ref().is_some_and(|f| f.unsaved_draft);
        if waiting_draft
            && !event::poll(std::time::Duration::from_secs(AUTOSAVE_SECS)).unwrap_or(true)
        {
            crate::app::autosave(app);
            continue;
        }
        let Ok(ev) = event::read() else { return Ok(()) };
        if let event::Event::Resize(_, h) = ev {
            app.page_rows = list_rows(h);
        }
        crate::app::handle_event(app, &ev);
        if app.should_quit {
            return Ok(());
        }
        terminal.draw(|f| draw(f, app, theme))?;
    }
}
