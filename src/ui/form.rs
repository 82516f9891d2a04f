//! A form: one row per field, errors under their field, the cursor in the focused input.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::block;
use super::theme::Theme;
use crate::app::App;
use crate::app::form::{FieldRef, Form, FormField, FormKind};
use crate::domain::member::{Gender, Occupation, PoliticalTheory, Professional};
use crate::domain::validate::{Field, FieldKind};
use crate::i18n::{Catalogue, Msg};

const LABEL_W: usize = 20;

fn label(c: &dyn Catalogue, f: FieldRef) -> String {
    let name = match f {
        FieldRef::Member(m) => c.field(m),
        FieldRef::Branch(b) => c.branch_field(b),
    };
    if f.required() {
        format!("{name}*")
    } else {
        name.to_string()
    }
}

fn choice_label(c: &dyn Catalogue, f: Field, i: usize) -> &'static str {
    match f {
        Field::Gender => Gender::ALL.get(i).map_or("", |g| c.gender(*g)),
        Field::Professional => Professional::ALL.get(i).map_or("", |p| c.professional(*p)),
        Field::PoliticalTheory => PoliticalTheory::ALL
            .get(i)
            .map_or("", |p| c.political_theory(*p)),
        Field::Occupation => Occupation::ALL.get(i).map_or("", |o| c.occupation(*o)),
        _ => "",
    }
}

fn value_text(c: &dyn Catalogue, ff: &FormField) -> String {
    match (ff.field, ff.field.kind()) {
        (FieldRef::Member(f), FieldKind::Choice(_)) => {
            let v = ff
                .choice
                .map_or(c.msg(Msg::NotSet), |i| choice_label(c, f, i));
            format!("‹ {v} ›")
        }
        _ => ff.input.shown().0,
    }
}

fn hint(c: &dyn Catalogue, ff: &FormField) -> &'static str {
    match (ff.field, ff.field.kind()) {
        (_, FieldKind::Choice(_)) => c.msg(Msg::ChoiceHint),
        (_, FieldKind::Date) => c.msg(Msg::DateHint),
        (FieldRef::Branch(crate::domain::branch::BranchField::Term), _) => c.msg(Msg::TermHint),
        _ => "",
    }
}

pub(super) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, form: &Form) {
    let c = app.lang.cat();
    let title = match form.kind {
        FormKind::NewMember => Msg::FormNewMember,
        FormKind::EditMember(_) => Msg::FormEditMember,
        FormKind::Branch { first_run: true } => Msg::FormBranchSetup,
        FormKind::Branch { first_run: false } => Msg::FormEditBranch,
    };
    f.render_widget(Clear, area);
    let outer = block(theme, format!(" {} ", c.msg(title))).border_style(theme.accent());
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    let intro = matches!(form.kind, FormKind::Branch { first_run: true });
    let [intro_area, fields_area, hint_area] = Layout::vertical([
        Constraint::Length(if intro { 3 } else { 0 }),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    if intro {
        f.render_widget(
            Paragraph::new(c.msg(Msg::SetupIntro)).wrap(Wrap { trim: true }),
            intro_area,
        );
    }

    // Lines, remembering where the focused field is so it stays in view.
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    for (i, ff) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_line = lines.len();
        }
        let lstyle = if ff.error.is_some() {
            theme.error()
        } else {
            theme.dim()
        };
        let marker = if focused { theme.marker() } else { " " };
        let value = value_text(c, ff);
        let vstyle = if focused {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let width = usize::from(fields_area.width).saturating_sub(LABEL_W + 3);
        let shown = format!("{value:<width$}");
        let mut spans = vec![
            Span::styled(format!("{marker} "), theme.accent()),
            Span::styled(format!("{:<LABEL_W$}", label(c, ff.field)), lstyle),
            Span::styled(shown, vstyle),
        ];
        if focused && ff.input.text().is_empty() && !matches!(ff.field.kind(), FieldKind::Choice(_))
        {
            let h = hint(c, ff);
            if !h.is_empty() {
                spans.truncate(2);
                spans.push(Span::styled(format!("{h:<width$}"), theme.selected()));
            }
        }
        lines.push(Line::from(spans));
        if let Some(p) = &ff.error {
            lines.push(Line::styled(
                format!("  {:LABEL_W$}↳ {}", "", c.problem(p)),
                theme.error(),
            ));
        }
    }
    let rows = usize::from(fields_area.height);
    let scroll = (focus_line + 2).saturating_sub(rows);
    f.render_widget(
        Paragraph::new(lines).scroll((scroll as u16, 0)),
        fields_area,
    );
    f.render_widget(
        Paragraph::new(c.msg(Msg::FormHint)).style(theme.dim()),
        hint_area,
    );

    // The real cursor sits in the focused text input, so IMEs draw their preedit there.
    let ff = &form.fields[form.focus.min(form.fields.len().saturating_sub(1))];
    if !matches!(ff.field.kind(), FieldKind::Choice(_))
        && app.confirm.is_none()
        && app.help.is_none()
    {
        let y = fields_area.y + (focus_line - scroll) as u16;
        let x = fields_area.x + (2 + LABEL_W + ff.input.shown().1) as u16;
        if y < fields_area.bottom() {
            f.set_cursor_position((x.min(fields_area.right().saturating_sub(1)), y));
        }
    }
}
