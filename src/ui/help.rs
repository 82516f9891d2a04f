//! The help overlay, generated from the active keymap and grouped by context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::block;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::action::{Action, Context};
use crate::keymap::format_sequence;
use crate::i18n::Msg;

/// The help text: for each context, each action with all its keys.
pub(crate) fn help_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let c = app.lang.cat();
    let mut lines = Vec::new();
    for ctx in Context::ALL {
        let mut by_action: Vec<(Action, Vec<String>)> = Vec::new();
        for (seq, a) in app.keymap.bindings(*ctx) {
            let k = format_sequence(seq);
            match by_action.iter_mut().find(|(x, _)| *x == a) {
                Some((_, keys)) => keys.push(k),
                None => by_action.push((a, vec![k])),
            }
        }
        if by_action.is_empty() {
            continue;
        }
        by_action.sort_by_key(|(a, _)| Action::ALL.iter().position(|x| x == a));
        lines.push(Line::styled(c.context(*ctx).to_string(), theme.accent()));
        for (a, keys) in by_action {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<24}", keys.join(", ")), theme.header()),
                Span::raw(c.action(a).to_string()),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines
}

pub(super) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, scroll: usize) {
    let c = app.lang.cat();
    f.render_widget(Clear, area);
    let lines = help_lines(app, theme);
    let max = lines
        .len()
        .saturating_sub(usize::from(area.height.saturating_sub(2)));
    let title = format!(" {} — {} ", c.msg(Msg::HelpTitle), c.msg(Msg::HelpFooter));
    let p = Paragraph::new(lines)
        .block(block(theme, title).border_style(theme.accent()))
        .scroll((scroll.min(max) as u16, 0));
    f.render_widget(p, area);
}
