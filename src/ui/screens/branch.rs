//! Screen 2: the branch profile.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::domain::branch;
use crate::i18n::Msg;
use crate::ui::theme::Theme;
use crate::ui::{block, labelled};

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    const LABEL_W: usize = 20;
    let c = app.lang.cat();
    let block = block(theme, format!(" {} ", c.msg(Msg::ScreenBranch)));
    let width = usize::from(block.inner(area).width);
    let lines: Vec<Line> = match &app.branch {
        None => vec![Line::from(c.msg(Msg::NoBranch))],
        Some(b) => branch::BranchField::ALL
            .iter()
            .zip(branch::branch_values(b))
            .flat_map(|(bf, v)| {
                // The usual meeting day reads as people say it: "ngày 5 hằng tháng".
                let v = match (bf, b.usual_day) {
                    (branch::BranchField::UsualDay, Some(d)) => {
                        crate::i18n::month::of(app.lang).usual_day(d)
                    }
                    _ => v,
                };
                let v = if v.is_empty() {
                    c.msg(Msg::NotSet).to_string()
                } else {
                    v
                };
                let label = Span::styled(format!("{:<LABEL_W$}", c.branch_field(*bf)), theme.dim());
                labelled(label, LABEL_W, &v, width)
            })
            .collect(),
    };
    f.render_widget(Paragraph::new(lines).block(block), area);
}
