//! Screen 0, "Việc cần làm": what needs the secretary's attention, soonest first, each
//! with why; Enter jumps to the record. A row too long for the line ends in "…" and the
//! selected one is shown whole under the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::history::local_time;
use crate::app::screens::home::todo_items;
use crate::domain::date;
use crate::domain::text::{self, ellipsize};
use crate::i18n::Msg;
use crate::i18n::console::ConsoleMsg;
use crate::i18n::recovery::{self, RecoveryText};
use crate::i18n::restore::{self as texts, RestoreText};
use crate::keymap::action::{Action, Context};
use crate::keymap::sequence_label;
use crate::store::Damage;
use crate::store::backup::BACKUP_DIR;
use crate::ui::theme::Theme;

/// The damage warning's lines (issue 20): what was found and where the damaged copy
/// is, what the register holds, the newest good backup and the keys that restore it or
/// dismiss the warning; or what the last restore or dismissal did.
fn damage_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(done) = &app.damage.outcome {
        out.push(Line::styled(format!(" {done}"), theme.ok()));
    }
    let Some(r) = &app.damage.report else {
        return out;
    };
    let (rc, t) = (recovery::catalogue(app.lang), texts::catalogue(app.lang));
    let sled = match &r.why {
        Damage::Sled(d) => Some(d.as_str()),
        Damage::Lost { .. } => None,
    };
    let mut lines = vec![rc.text(RecoveryText::DamageFound(
        &r.dir.display().to_string(),
        &local_time(r.found_at),
        sled,
    ))];
    if let Some(p) = &r.damaged {
        lines.push(rc.text(RecoveryText::DamagedKept(&p.display().to_string())));
    }
    lines.push(match &r.restored {
        Some(b) => rc.text(RecoveryText::RestoredFrom(
            &b.path.display().to_string(),
            b.members,
            &local_time(b.created_at),
        )),
        None => rc.text(RecoveryText::StartedEmpty),
    });
    let key = |a| {
        app.keymap
            .first_keys(Context::Home, a)
            .map(|k| sequence_label(k, theme.ascii))
    };
    let offer = app.damage.offer();
    lines.push(match &r.newest_backup {
        Some(b) => t.text(RestoreText::NewestBackup(
            &b.path.display().to_string(),
            b.members,
            &local_time(b.created_at),
        )),
        None => t.text(RestoreText::NoBackup(
            &r.dir.join(BACKUP_DIR).display().to_string(),
        )),
    });
    let restore_key = offer.and(key(Action::RestoreBackup));
    let dismiss_key = key(Action::DismissDamage).unwrap_or_default();
    lines.push(t.text(RestoreText::Keys(restore_key.as_deref(), &dismiss_key)));
    for l in lines {
        out.push(Line::styled(format!(" {l}"), theme.error()));
    }
    out.push(Line::raw(""));
    out
}

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let warning = damage_lines(app, theme);
    let area = if warning.is_empty() {
        area
    } else {
        let width = area.width.saturating_sub(1).max(1);
        let rows: u16 = warning
            .iter()
            .map(|l| (l.width() as u16).div_ceil(width).max(1))
            .sum();
        let rows = rows.min(area.height.saturating_sub(3));
        let [top, rest] =
            Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(area);
        f.render_widget(Paragraph::new(warning).wrap(Wrap { trim: false }), top);
        rest
    };
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
