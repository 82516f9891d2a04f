//! A form: one row per field (several for multi-line text), errors under their field, the
//! terminal cursor in the focused input so IMEs draw their preedit there.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use super::theme::Theme;
use crate::app::App;
use crate::app::form::{FieldRef, Form, FormField};
use crate::domain::admission::AdmissionField;
use crate::domain::badges::{BadgeField, milestones};
use crate::domain::dues::{Category, DuesField, ReliefKind};
use crate::domain::lifecycle::{self, EventField};
use crate::domain::meeting::{MeetingField, MeetingKind, Threshold};
use crate::domain::member::{
    DisciplineLevel, ExemptionReason, Gender, Occupation, PoliticalTheory, Professional,
    RemovalCause,
};
use crate::domain::validate::{Field, FieldKind};
use crate::i18n::admission::AdmMsg;
use crate::i18n::dues::{DuesMsg, DuesText};
use crate::i18n::{Catalogue, Msg};

const LABEL_W: usize = 22;

fn label(lang: crate::i18n::Lang, c: &dyn Catalogue, f: FieldRef, required: bool) -> String {
    let name = match f {
        FieldRef::Member(m) => c.field(m),
        FieldRef::Branch(b) => c.branch_field(b),
        FieldRef::Meeting(m) => c.meeting_field(m),
        FieldRef::Event(e) => c.event_field(e),
        FieldRef::Admission(a) => c.admission().field(a),
        FieldRef::Review(r) => c.review_field(r),
        FieldRef::Dues(d) => c.dues().field(d),
        FieldRef::Badge(b) => c.dues().badge_field(b),
        FieldRef::Study(s) => crate::i18n::record::of(lang).field(s),
        FieldRef::Liaison(l) => crate::i18n::liaison::of(lang).field(l),
        FieldRef::Rule(r) => c.rules().field(r),
        FieldRef::Holiday(h) => c.rules().holiday_field(h),
    };
    if required {
        format!("{name}*")
    } else {
        name.to_string()
    }
}

fn choice_label(c: &dyn Catalogue, ff: &FormField, i: usize) -> String {
    if !ff.options.is_empty() {
        return ff.options.get(i).cloned().unwrap_or_default();
    }
    let d = c.dues();
    match ff.field {
        FieldRef::Dues(DuesField::Category) => {
            return Category::ALL
                .get(i)
                .map(|x| d.category(*x))
                .unwrap_or_default();
        }
        FieldRef::Dues(DuesField::Relief) if i == 0 => return d.msg(DuesMsg::ReliefNone).into(),
        FieldRef::Dues(DuesField::Relief) => {
            return ReliefKind::choices()
                .get(i - 1)
                .map(|k| d.relief(*k))
                .unwrap_or_default();
        }
        FieldRef::Badge(BadgeField::Milestone) => {
            return milestones()
                .get(i)
                .map(|y| d.text(DuesText::Milestone(*y)))
                .unwrap_or_default();
        }
        _ => {}
    }
    let s = match ff.field {
        FieldRef::Member(Field::Gender) => Gender::ALL.get(i).map(|g| c.gender(*g)),
        FieldRef::Member(Field::Professional) => {
            Professional::ALL.get(i).map(|p| c.professional(*p))
        }
        FieldRef::Member(Field::PoliticalTheory) => {
            PoliticalTheory::ALL.get(i).map(|p| c.political_theory(*p))
        }
        FieldRef::Member(Field::Occupation) => Occupation::ALL.get(i).map(|o| c.occupation(*o)),
        FieldRef::Meeting(MeetingField::Kind) => {
            MeetingKind::ALL.get(i).map(|k| c.meeting_kind(*k))
        }
        FieldRef::Event(EventField::Kind) => lifecycle::RECORDABLE.get(i).map(|k| c.event(*k)),
        FieldRef::Event(EventField::ExemptionReason) => {
            ExemptionReason::ALL.get(i).map(|r| c.exemption_reason(*r))
        }
        FieldRef::Event(EventField::Discipline) => {
            DisciplineLevel::ALL.get(i).map(|d| c.discipline(*d))
        }
        FieldRef::Event(EventField::RemovalCause) => {
            RemovalCause::ALL.get(i).map(|r| c.removal_cause(*r))
        }
        FieldRef::Admission(AdmissionField::Source) => crate::domain::admission::Source::ALL
            .get(i)
            .map(|s| c.admission().source(*s)),
        FieldRef::Admission(AdmissionField::Outcome) => {
            [AdmMsg::OutcomeRecognize, AdmMsg::OutcomeRemove]
                .get(i)
                .map(|m| c.admission().msg(*m))
        }
        FieldRef::Meeting(MeetingField::VoteThreshold) => {
            [Threshold::Majority, Threshold::TwoThirds]
                .get(i)
                .map(|t| c.threshold(*t))
        }
        FieldRef::Review(_) => crate::domain::review::Grade::ALL
            .get(i)
            .map(|g| c.grade(*g)),
        _ => None,
    };
    s.unwrap_or_default().to_string()
}

fn hint(c: &dyn Catalogue, ff: &FormField) -> &'static str {
    match (ff.field, ff.field.kind()) {
        (_, FieldKind::Choice(_)) => c.msg(Msg::ChoiceHint),
        (_, FieldKind::Date) => c.msg(Msg::DateHint),
        (FieldRef::Event(EventField::DuesPaidTo), _) => c.msg(Msg::MonthHint),
        (FieldRef::Branch(crate::domain::branch::BranchField::Term), _) => c.msg(Msg::TermHint),
        (FieldRef::Dues(DuesField::From | DuesField::ReliefFrom | DuesField::ReliefTo), _) => {
            c.dues().msg(DuesMsg::MonthHint)
        }
        (FieldRef::Dues(DuesField::Base), _) => c.dues().msg(DuesMsg::AmountHint),
        _ => "",
    }
}

/// Rows an error text takes at this width.
fn error_rows(c: &dyn Catalogue, ff: &FormField, width: u16) -> u16 {
    ff.error.as_ref().map_or(0, |p| {
        let len = crate::domain::text::width(&c.problem(p)) + 2;
        (len.div_ceil(usize::from(width.max(1))) as u16).clamp(1, 3)
    })
}

/// Rows a field takes on screen (its error lines included).
fn height(c: &dyn Catalogue, ff: &FormField, width: u16) -> u16 {
    let body = match &ff.area {
        Some(a) => (a.lines().len() as u16 + 1).clamp(3, 8),
        None => 1,
    };
    body + error_rows(c, ff, width)
}

pub(super) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, form: &Form) {
    let c = app.lang.cat();
    crate::ui::clear(f, area, theme);
    // The screen that owns the form names it (the absence form says whose).
    let heading = (crate::app::screens::def(form.kind.screen).form_title)(app, form.kind);
    let outer = block(theme, format!(" {heading} ")).border_style(theme.accent());
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    let intro = crate::app::screens::branch::is_setup(form.kind);
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
    // Under a field that offers earlier answers (an absence's reason), the hint lists them.
    let form_hint = match form.fields.get(form.focus) {
        Some(ff) if !ff.options.is_empty() && ff.field.kind() != FieldKind::Choice(0) => {
            crate::i18n::month::of(app.lang).earlier_reasons(&ff.options)
        }
        _ => c.msg(Msg::FormHint).to_string(),
    };
    f.render_widget(Paragraph::new(form_hint).style(theme.dim()), hint_area);

    // Scroll so that the focused field is fully visible.
    let value_w = fields_area.width.saturating_sub(2 + LABEL_W as u16);
    let heights: Vec<u16> = form
        .fields
        .iter()
        .map(|ff| height(c, ff, value_w))
        .collect();
    let focus_top: u16 = heights[..form.focus.min(heights.len())].iter().sum();
    let focus_h = heights.get(form.focus).copied().unwrap_or(1);
    let scroll = (focus_top + focus_h).saturating_sub(fields_area.height);
    let value_x = fields_area.x + 2 + LABEL_W as u16;

    let mut y = fields_area.y as i32 - i32::from(scroll);
    for (i, ff) in form.fields.iter().enumerate() {
        let h = heights[i];
        let top = y;
        y += i32::from(h);
        if top < i32::from(fields_area.y) || top >= i32::from(fields_area.bottom()) {
            continue;
        }
        let top = top as u16;
        let rows_left = fields_area.bottom() - top;
        let focused = i == form.focus;
        let lstyle = if ff.error.is_some() {
            theme.error()
        } else {
            theme.dim()
        };
        let marker = if focused { theme.marker() } else { " " };
        let label_line = Line::from(vec![
            Span::styled(format!("{marker} "), theme.accent()),
            Span::styled(
                format!("{:<LABEL_W$}", label(app.lang, c, ff.field, ff.required)),
                lstyle,
            ),
        ]);
        f.render_widget(
            label_line,
            Rect {
                x: fields_area.x,
                y: top,
                width: fields_area.width,
                height: 1,
            },
        );
        let vstyle = if focused {
            theme.selected()
        } else {
            Style::new()
        };
        let err_h = error_rows(c, ff, value_w);
        let body_h = h - err_h;
        let value_rect = Rect {
            x: value_x,
            y: top,
            width: value_w,
            height: body_h.min(rows_left),
        };
        match (&ff.area, ff.field.kind()) {
            (Some(ta), _) => {
                let mut ta = ta.clone();
                ta.set_style(vstyle);
                ta.set_cursor_line_style(Style::new());
                ta.set_cursor_style(if focused {
                    theme.accent()
                } else {
                    Style::new()
                });
                f.render_widget(&ta, value_rect);
                if focused && app.confirm.is_none() && app.help.is_none() {
                    let sc = ta.screen_cursor();
                    let (row, col) = (sc.row as u16, sc.col as u16);
                    if row < value_rect.height {
                        f.set_cursor_position((
                            value_rect.x + col.min(value_w.saturating_sub(1)),
                            value_rect.y + row,
                        ));
                    }
                }
            }
            (None, FieldKind::Choice(_)) => {
                let v = ff
                    .choice
                    .map_or(c.msg(Msg::NotSet).to_string(), |i| choice_label(c, ff, i));
                let text = format!("‹ {v} ›");
                let shown = if focused {
                    format!("{text}  {}", hint(c, ff))
                } else {
                    text
                };
                f.render_widget(Paragraph::new(shown).style(vstyle), value_rect);
            }
            (None, _) => {
                // Drawn composed (NFC) even while typing, with the cursor where it shows.
                let (v, shown_cursor) = ff.input.shown();
                let v = v.as_str();
                let shown = if focused && v.is_empty() {
                    hint(c, ff).to_string()
                } else if ff.field.kind() == FieldKind::Date {
                    // The date as understood, with its weekday (#17): "5/12   Thứ Bảy, 05/12/2026".
                    match crate::domain::date::parse_user_date(
                        v,
                        app.today,
                        crate::domain::date::DateRole::Event,
                    ) {
                        Ok(d) => format!(
                            "{v}   {}",
                            crate::i18n::checks::of(app.lang).date_with_weekday(d)
                        ),
                        Err(_) => v.to_string(),
                    }
                } else {
                    v.to_string()
                };
                f.render_widget(Paragraph::new(shown).style(vstyle), value_rect);
                if focused && app.confirm.is_none() && app.help.is_none() {
                    let x = value_x + (shown_cursor as u16).min(value_w.saturating_sub(1));
                    f.set_cursor_position((x, top));
                }
            }
        }
        if let Some(p) = &ff.error {
            let ey = top + body_h;
            if ey < fields_area.bottom() {
                let rows = err_h.min(fields_area.bottom() - ey);
                let text = Paragraph::new(format!("↳ {}", c.problem(p)))
                    .style(theme.error())
                    .wrap(Wrap { trim: true });
                f.render_widget(
                    text,
                    Rect {
                        x: value_x,
                        y: ey,
                        width: value_w,
                        height: rows,
                    },
                );
            }
        }
    }
}
