//! The help overlay, generated from the active keymap: the current screen's keys first,
//! then the global ones and the rest; keys written as people read them ("Ctrl+Z", "F8");
//! typing filters it (diacritic-blind, over keys and descriptions).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use super::theme::Theme;
use crate::app::parts::help::{handbook_hits, sections};
use crate::app::{App, HelpView};
use crate::i18n::Msg;
use crate::i18n::keys::{self, KeysMsg};
use crate::i18n::rules::RulesMsg;

/// The help text, from the app's sections, `width` columns wide: a description too long
/// for its line goes on under itself, word by word (never cut).
pub(crate) fn help_lines<'a>(
    app: &App,
    theme: &Theme,
    filter: &str,
    width: usize,
) -> Vec<Line<'a>> {
    const KEYS_W: usize = 26;
    let c = app.lang.cat();
    let mut lines = Vec::new();
    for s in sections(app, filter, theme.ascii) {
        lines.push(Line::styled(
            c.context(s.context).to_string(),
            theme.accent(),
        ));
        for (a, keys) in s.rows {
            let keys = Span::styled(format!("  {:<24}", keys.join(", ")), theme.header());
            lines.extend(crate::ui::labelled(
                keys,
                KEYS_W,
                c.action_in(a, s.context),
                width,
            ));
        }
        lines.push(Line::from(""));
    }
    let hits = handbook_hits(app, filter, theme.ascii);
    if !hits.is_empty() {
        let title = crate::i18n::rules::catalogue(app.lang).msg(RulesMsg::HandbookTitle);
        lines.push(Line::styled(title.to_string(), theme.accent()));
        lines.extend(
            hits.into_iter()
                .map(|h| Line::from(format!("  {}", h.line))),
        );
    }
    lines
}

pub(super) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, h: &HelpView) {
    let c = app.lang.cat();
    crate::ui::clear(f, area, theme);
    let b = block(
        theme,
        format!(" {} — {} ", c.msg(Msg::HelpTitle), c.msg(Msg::HelpFooter)),
    )
    .border_style(theme.accent());
    let inner = b.inner(area);
    f.render_widget(b, area);
    let prompt = keys::text(app.lang, KeysMsg::HelpFilter);
    let (typed, cursor) = h.filter.shown();
    f.render_widget(
        Line::from(vec![Span::styled(prompt, theme.accent()), Span::raw(typed)]),
        Rect { height: 1, ..inner },
    );
    let x = inner.x + Span::raw(prompt).width() as u16 + cursor as u16;
    f.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let lines = help_lines(app, theme, h.filter.text(), usize::from(body.width));
    let max = lines.len().saturating_sub(usize::from(body.height));
    f.render_widget(
        Paragraph::new(lines).scroll((h.scroll.min(max) as u16, 0)),
        body,
    );
}

/// The page shown once after the keyboard changed: old key → new key.
pub(super) fn draw_keys_moved(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let k = |m| keys::text(app.lang, m);
    crate::ui::clear(f, area, theme);
    let mut lines = vec![Line::from(k(KeysMsg::MovedIntro)), Line::from("")];
    for (old, new, what) in keys::moved(app.lang) {
        lines.push(Line::from(vec![
            Span::styled(format!("{old:<22}"), theme.dim()),
            Span::raw(" → "),
            Span::styled(format!("{new:<24}"), theme.accent()),
            Span::raw(format!(" {what}")),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(k(KeysMsg::MovedClose), theme.accent()));
    let p = Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .block(block(theme, format!(" {} ", k(KeysMsg::MovedTitle))).border_style(theme.accent()));
    f.render_widget(p, area);
}
