//! A member's card: identity, party data, levels, notes and the timeline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::domain::date;
use crate::domain::member::{Member, MemberId, Membership};
use crate::domain::text::ellipsize;
use crate::domain::validate::Field;
use crate::i18n::{Catalogue, Msg};
use crate::ui::theme::Theme;
use crate::ui::{block, label_style};

pub(crate) fn row<'a>(
    theme: &Theme,
    label: &str,
    value: String,
    not_set: &str,
    width: u16,
) -> Line<'a> {
    let value = if value.is_empty() {
        not_set.to_string()
    } else {
        value
    };
    let value = ellipsize(&value, usize::from(width).saturating_sub(19));
    Line::from(vec![
        Span::styled(format!("{label:<18}"), label_style(theme)),
        Span::raw(value),
    ])
}

pub(crate) fn value_of(c: &dyn Catalogue, m: &Member, f: Field) -> String {
    match f {
        Field::FullName => m.full_name.clone(),
        Field::OtherName => m.other_name.clone(),
        Field::Gender => m
            .gender
            .map(|g| c.gender(g).to_string())
            .unwrap_or_default(),
        Field::BirthDate => date::format_opt_date(m.birth_date),
        Field::Ethnicity => m.ethnicity.clone(),
        Field::Religion => m.religion.clone(),
        Field::Hometown => m.hometown.clone(),
        Field::ResidentialGroup => m.residential_group.clone(),
        Field::Address => m.address.clone(),
        Field::NationalId => m.national_id.clone(),
        Field::Phone => m.phone.clone(),
        Field::CardNumber => m.card_number.clone(),
        Field::AdmittedOn => date::format_opt_date(m.admitted_on()),
        Field::RecognizedOn => date::format_opt_date(m.recognized_on()),
        Field::Education => m.education.clone(),
        Field::Professional => m
            .professional
            .map(|p| c.professional(p).to_string())
            .unwrap_or_default(),
        Field::PoliticalTheory => m
            .political_theory
            .map(|p| c.political_theory(p).to_string())
            .unwrap_or_default(),
        Field::Occupation => m
            .occupation
            .map(|o| c.occupation(o).to_string())
            .unwrap_or_default(),
        Field::Notes => m.notes.clone(),
    }
}

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, id: MemberId) {
    let Some(e) = app.roster.get(id) else { return };
    let c = app.lang.cat();
    let m = &e.member;
    let ns = c.msg(Msg::NotSet);
    crate::ui::clear(f, area, theme);
    let outer = block(
        theme,
        format!(" {}: {} ", c.msg(Msg::DetailTitle), m.full_name),
    );
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);

    let heading = |msg: Msg| Line::styled(c.msg(msg).to_string(), theme.accent());
    let mut l = vec![heading(Msg::SectionIdentity)];
    for fld in [
        Field::Gender,
        Field::OtherName,
        Field::BirthDate,
        Field::Ethnicity,
        Field::Religion,
        Field::Hometown,
        Field::ResidentialGroup,
        Field::Address,
        Field::NationalId,
        Field::Phone,
    ] {
        let mut v = value_of(c, m, fld);
        if fld == Field::BirthDate
            && let Some(b) = m.birth_date
        {
            v = format!(
                "{v} ({} {})",
                date::age_years(b, app.today),
                c.msg(Msg::Years)
            );
        }
        l.push(row(theme, c.field(fld), v, ns, left.width));
    }
    l.push(heading(Msg::SectionLevels));
    for fld in [
        Field::Education,
        Field::Professional,
        Field::PoliticalTheory,
        Field::Occupation,
    ] {
        l.push(row(
            theme,
            c.field(fld),
            value_of(c, m, fld),
            ns,
            left.width,
        ));
    }

    let mut r = vec![heading(Msg::SectionParty)];
    let mut card = value_of(c, m, Field::CardNumber);
    if !m.card_history.is_empty() {
        let old = crate::i18n::record::of(app.lang)
            .text(crate::i18n::record::RecordText::OldCards(&m.card_history));
        card = format!("{card} ({old})");
    }
    r.push(row(theme, c.field(Field::CardNumber), card, ns, left.width));
    r.push(row(
        theme,
        c.field(Field::AdmittedOn),
        value_of(c, m, Field::AdmittedOn),
        ns,
        left.width,
    ));
    r.push(row(
        theme,
        c.field(Field::RecognizedOn),
        value_of(c, m, Field::RecognizedOn),
        ns,
        left.width,
    ));
    let kind = match m.membership_at(app.today) {
        Some(Membership::Official) => c.msg(Msg::KindOfficial),
        Some(Membership::Probationary) => c.msg(Msg::KindProbationary),
        None => "",
    };
    r.push(row(
        theme,
        c.msg(Msg::LabelKind),
        kind.to_string(),
        ns,
        left.width,
    ));
    r.push(row(
        theme,
        c.msg(Msg::LabelStatus),
        c.status(e.status).to_string(),
        ns,
        left.width,
    ));
    r.push(heading(Msg::SectionTimeline));
    r.push(Line::styled(
        c.msg(Msg::TimelineHint).to_string(),
        theme.dim(),
    ));
    for ev in m.events.iter().rev() {
        let mut extra: Vec<String> = Vec::new();
        if let Some(r) = ev.papers.exemption_reason {
            extra.push(c.exemption_reason(r).to_string());
        }
        if let Some(dl) = ev.papers.discipline {
            extra.push(c.discipline(dl).to_string());
        }
        if !ev.papers.organisation.is_empty() {
            extra.push(ev.papers.organisation.clone());
        }
        if let Some(end) = ev.papers.ends_on {
            extra.push(format!("→ {}", date::format_date(end)));
        }
        if !ev.papers.decision.is_empty() {
            extra.push(ev.papers.decision.clone());
        }
        if !ev.papers.issuer.is_empty() {
            extra.push(ev.papers.issuer.clone());
        }
        if !ev.note.is_empty() {
            extra.push(ev.note.replace('\n', " "));
        }
        let note = if extra.is_empty() {
            String::new()
        } else {
            format!(" — {}", extra.join("; "))
        };
        r.push(Line::from(vec![
            Span::styled(
                format!("{}  ", date::format_date(ev.date)),
                label_style(theme),
            ),
            Span::raw(format!("{}{}", c.event(ev.kind), note)),
        ]));
    }
    let tasks =
        crate::domain::meeting::tasks_of(app.meetings.list.iter().map(|(_, mt)| mt), &m.full_name);
    if !tasks.is_empty() {
        r.push(heading(Msg::SectionTasks));
        for (_, t) in tasks {
            let due = t.due.map(date::format_date).unwrap_or_default();
            r.push(Line::from(ellipsize(
                &format!("{due}  {}", t.what),
                usize::from(right.width),
            )));
        }
    }
    if !m.notes.is_empty() {
        r.push(Line::styled(
            c.field(Field::Notes).to_string(),
            theme.accent(),
        ));
        r.extend(m.notes.lines().map(|s| Line::from(s.to_string())));
    }
    f.render_widget(Paragraph::new(l).wrap(Wrap { trim: false }), left);
    f.render_widget(Paragraph::new(r).wrap(Wrap { trim: false }), right);
}
