//! Screen 10 (Alt+Q): the rules (Quy định). One row per rule: its name, its value in force and how
//! sure we are of it; under it its source, and a branch's setting with who, when and why.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::screens::rules::rows;
use crate::domain::rules::{self, Certainty};
use crate::domain::text::ellipsize;
use crate::i18n::rules::RulesMsg;
use crate::ui::theme::Theme;

/// Lines per rule on screen (the rule, then its source or setting).
const LINES_PER_RULE: usize = 2;

/// Lines kept free under the selected rule, where a message box may cover the list.
const NOTICE_ROOM: usize = 4;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat().rules();
    let width = usize::from(area.width);
    let settings = rules::installed();
    let header = Line::styled(
        ellipsize(
            &format!(
                " {:<40} {:>6}  {}",
                c.msg(RulesMsg::ColRule),
                c.msg(RulesMsg::ColValue),
                c.msg(RulesMsg::ColCertainty)
            ),
            width,
        ),
        theme.header(),
    );
    let mut lines = Vec::new();
    for (i, id) in rows().into_iter().enumerate() {
        let r = rules::rule(id);
        let sel = i == app.rules_cursor;
        let marker = if sel { theme.marker() } else { " " };
        let certainty = match (r.setting, settings.get(id)) {
            (_, Some(_)) => c.msg(RulesMsg::ChangedByBranch),
            (Some(_), None) => c.msg(RulesMsg::Unverified),
            (None, None) if r.certainty == Certainty::Verified => c.msg(RulesMsg::Verified),
            (None, None) => c.msg(RulesMsg::SecondHand),
        };
        let text = format!(
            "{marker}{:<40} {:>6}  {certainty}",
            ellipsize(c.rule(id), 40),
            rules::value(id)
        );
        let style = if sel {
            theme.selected()
        } else if r.setting.is_some() {
            theme.warning()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(ellipsize(&text, width), style));
        let source = match settings.get(id) {
            Some(o) => format!("   {}; {}", c.setting_line(o), r.source),
            None => format!(
                "   {}: {} ({})",
                c.msg(RulesMsg::ColSource),
                r.source,
                r.effective
            ),
        };
        lines.push(Line::styled(ellipsize(&source, width), theme.dim()));
    }
    // The header stays; the list scrolls to keep the selected rule in view.
    f.render_widget(header, Rect { height: 1, ..area });
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let height = usize::from(body.height).max(1);
    let at = app.rules_cursor * LINES_PER_RULE;
    // Room is kept under the selected rule for a message box (up to four lines).
    let scroll = (at + LINES_PER_RULE + NOTICE_ROOM).saturating_sub(height);
    f.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        body,
    );
}
