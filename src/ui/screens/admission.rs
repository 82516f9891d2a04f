//! Screen 7: the admission board (overdue candidates first, then one group per stage,
//! each row with the days in the current step, the next step and its deadline) and a
//! candidate's card (identity, where they stand, why the next step is not allowed yet,
//! and the full history, newest first).

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::screens::admission::AdmNotice;
use crate::domain::admission::{self as adm, BoardEntry, Candidate, Stage, Step};
use crate::domain::date;
use crate::domain::member::Membership;
use crate::domain::text::ellipsize;
use crate::domain::validate::Field;
use crate::i18n::admission::{AdmMsg, AdmissionTexts};
use crate::i18n::{Catalogue, Msg};
use crate::ui::theme::Theme;
use crate::ui::{block, label_style};

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    match app.admission.open.and_then(|id| app.admission.get(id)) {
        Some(c) => draw_card(f, app, theme, area, c),
        None => draw_board(f, app, theme, area),
    }
}

/// The status-line text of an admission notice.
pub(crate) fn notice(app: &App, theme: &Theme, n: &AdmNotice) -> (String, Style) {
    let c = app.lang.cat();
    let a = c.admission();
    match n {
        AdmNotice::StepSaved(w) if !w.is_empty() => {
            let ws: Vec<String> = w.iter().map(|x| a.check(x)).collect();
            (
                format!(
                    "{} {}{}",
                    a.msg(AdmMsg::StepSaved),
                    c.msg(Msg::WarningPrefix),
                    ws.join(" ")
                ),
                theme.warning(),
            )
        }
        AdmNotice::StepSaved(_) => (a.msg(AdmMsg::StepSaved).to_string(), theme.ok()),
        AdmNotice::Admitted(name) => (format!("{} {name}.", a.msg(AdmMsg::Admitted)), theme.ok()),
        AdmNotice::Recognized(name) => {
            (format!("{} {name}.", a.msg(AdmMsg::Recognized)), theme.ok())
        }
        AdmNotice::RemovalProposed(name) => (
            format!("{} {name}.", a.msg(AdmMsg::RemovalProposed)),
            theme.warning(),
        ),
        AdmNotice::Refused(p) => (a.problem(p), theme.warning()),
        AdmNotice::NothingSelected => (a.msg(AdmMsg::NothingSelected).to_string(), theme.warning()),
        AdmNotice::NoNextStep => (a.msg(AdmMsg::NoNextStep).to_string(), theme.warning()),
    }
}

/// One board row: marker, name, days in the step, next step, deadline (fits 80 columns).
fn row_text(
    a: &dyn AdmissionTexts,
    e: &BoardEntry,
    name: &str,
    selected: bool,
    marker: &str,
) -> String {
    let next = e.next.map_or("", |s| a.stage_short(s));
    let deadline = e
        .deadline
        .map_or(a.msg(AdmMsg::NoDeadline).to_string(), |d| {
            match d.not_before {
                Some(nb) => format!("{}–{}", date::format_date(nb), date::format_date(d.date)),
                None => date::format_date(d.date),
            }
        });
    let warn = if e.blockers.iter().any(|b| b.blocks()) {
        "!"
    } else {
        " "
    };
    format!(
        "{} {:<22} {:>9} {warn} → {:<18} {}",
        if selected { marker } else { " " },
        ellipsize(name, 22),
        a.days(e.days),
        ellipsize(next, 18),
        deadline
    )
}

fn draw_board(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let a = c.admission();
    let rows = app.admission.board(app.today);
    let year = app.today.year();
    let admitted = adm::admitted_in_year(app.roster.entries().iter().map(|e| &e.member), year);
    let overdue = rows.iter().filter(|e| e.overdue).count();
    let mut lines = vec![Line::styled(
        format!(
            " {}",
            a.progress(
                year,
                app.admission.target(year),
                admitted,
                rows.len(),
                overdue
            )
        ),
        theme.accent(),
    )];
    if rows.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(" {}", a.msg(AdmMsg::BoardEmpty)),
            theme.dim(),
        ));
        f.render_widget(Paragraph::new(lines), area);
        return;
    }
    lines.push(Line::styled(
        format!(
            "  {:<22} {:>9}   → {:<18} {}",
            a.msg(AdmMsg::ColCandidate),
            a.msg(AdmMsg::ColDays),
            a.msg(AdmMsg::ColNext),
            a.msg(AdmMsg::ColDeadline)
        ),
        theme.header(),
    ));
    let width = usize::from(area.width);
    let mut selected_line = 0;
    let mut group: Option<Option<Option<Stage>>> = None;
    for (i, e) in rows.iter().enumerate() {
        // Overdue rows form the first group; the others are grouped by stage.
        let g = if e.overdue { None } else { Some(e.stage) };
        if group != Some(g) {
            group = Some(g);
            let count = rows
                .iter()
                .filter(|x| {
                    if e.overdue {
                        x.overdue
                    } else {
                        !x.overdue && x.stage == e.stage
                    }
                })
                .count();
            let (title, style) = match g {
                None => (a.msg(AdmMsg::Overdue).to_string(), theme.error()),
                Some(s) => (
                    s.map_or(String::new(), |s| a.stage(s).to_string()),
                    theme.accent(),
                ),
            };
            lines.push(Line::styled(format!(" {title} ({count})"), style));
        }
        let name = app
            .admission
            .get(e.id)
            .map_or(String::new(), |c| c.person.full_name.clone());
        let sel = i == app.admission.cursor;
        if sel {
            selected_line = lines.len();
        }
        let style = if sel {
            theme.selected()
        } else if e.overdue {
            theme.error()
        } else {
            Style::new()
        };
        lines.push(Line::styled(
            ellipsize(&row_text(a, e, &name, sel, theme.marker()), width),
            style,
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" {}", a.msg(AdmMsg::BoardHint)),
        theme.dim(),
    ));
    let height = usize::from(area.height);
    let scroll = (selected_line + 2).saturating_sub(height);
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}

fn kv<'a>(theme: &Theme, label: &str, value: String) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label:<18}"), label_style(theme)),
        Span::raw(value),
    ])
}

fn step_lines<'a>(c: &dyn Catalogue, theme: &Theme, s: &Step, out: &mut Vec<Line<'a>>) {
    let a = c.admission();
    out.push(Line::from(vec![
        Span::styled(
            format!("{}  ", date::format_date(s.date)),
            label_style(theme),
        ),
        Span::raw(a.stage(s.stage).to_string()),
    ]));
    let mut details: Vec<String> = Vec::new();
    let doc = &s.document;
    let mut d: Vec<String> = Vec::new();
    if !doc.number.is_empty() {
        d.push(doc.number.clone());
    }
    if let Some(x) = doc.date {
        d.push(date::format_date(x));
    }
    if !doc.issuer.is_empty() {
        d.push(doc.issuer.clone());
    }
    if !d.is_empty() {
        details.push(format!("{}: {}", a.msg(AdmMsg::Document), d.join(", ")));
    }
    if !s.responsible.is_empty() {
        details.push(format!("{}: {}", a.msg(AdmMsg::Responsible), s.responsible));
    }
    if !s.conclusion.is_empty() {
        details.push(format!("{}: {}", a.msg(AdmMsg::Conclusion), s.conclusion));
    }
    if !s.sponsors.is_empty() {
        let names: Vec<String> = s
            .sponsors
            .iter()
            .map(|x| {
                format!(
                    "{} ({} {})",
                    x.name,
                    a.msg(AdmMsg::Since),
                    date::format_date(x.known_since)
                )
            })
            .collect();
        details.push(format!("{}: {}", a.msg(AdmMsg::Sponsors), names.join("; ")));
    }
    if !s.youth_resolution.is_empty() {
        details.push(format!(
            "{}: {}",
            a.msg(AdmMsg::YouthResolution),
            s.youth_resolution
        ));
    }
    if let Some(t) = &s.tally {
        let outcome = if s.stage == Stage::RecognitionVote {
            format!(
                " — {}",
                a.msg(if s.propose_removal {
                    AdmMsg::OutcomeRemove
                } else {
                    AdmMsg::OutcomeRecognize
                })
            )
        } else {
            String::new()
        };
        details.push(format!("{}: {}{outcome}", a.msg(AdmMsg::Vote), a.tally(t)));
    }
    if !s.note.is_empty() {
        details.push(s.note.replace('\n', " "));
    }
    for x in details {
        out.push(Line::from(format!("            {x}")));
    }
    for ch in &s.checks {
        out.push(Line::styled(
            format!("            ⚠ {}", a.check(ch)),
            theme.warning(),
        ));
    }
    if !s.override_reason.is_empty() {
        out.push(Line::styled(
            format!(
                "            {} {}",
                a.msg(AdmMsg::Overridden),
                s.override_reason
            ),
            theme.warning(),
        ));
    }
}

fn draw_card(f: &mut Frame, app: &App, theme: &Theme, area: Rect, cand: &Candidate) {
    let c = app.lang.cat();
    let a = c.admission();
    let p = &cand.person;
    crate::ui::clear(f, area, theme);
    let outer = block(theme, format!(" {}: {} ", a.msg(AdmMsg::Card), p.full_name));
    let inner = outer.inner(area);
    f.render_widget(outer, area);

    // Identity on two lines, "label value" pairs separated by " · ".
    let pair = |label: &str, v: String| (!v.is_empty()).then(|| format!("{label}: {v}"));
    let born = p.birth_date.map_or(String::new(), |b| {
        format!(
            "{} ({} {})",
            date::format_date(b),
            date::age_years(b, app.today),
            c.msg(Msg::Years)
        )
    });
    let source = a.source_line(cand);
    let first: Vec<String> = [
        pair(c.field(Field::BirthDate), born),
        p.gender.map(|g| c.gender(g).to_string()),
        pair(a.msg(AdmMsg::Source), source),
        pair(a.msg(AdmMsg::Helper), cand.helper_name.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let second: Vec<String> = [
        pair(c.field(Field::Address), p.address.clone()),
        pair(c.field(Field::Phone), p.phone.clone()),
        pair(c.field(Field::NationalId), p.national_id.clone()),
        pair(c.field(Field::Education), p.education.clone()),
        pair(
            c.field(Field::Occupation),
            p.occupation
                .map(|o| c.occupation(o).to_string())
                .unwrap_or_default(),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut r = vec![
        Line::styled(a.msg(AdmMsg::CardHint).to_string(), theme.dim()),
        Line::from(first.join(" · ")),
    ];
    if !second.is_empty() {
        r.push(Line::from(second.join(" · ")));
    }
    if let Some(m) = cand
        .member
        .and_then(|id| app.roster.get(id))
        .map(|e| &e.member)
    {
        let kind = match m.membership_at(app.today) {
            Some(Membership::Official) => c.msg(Msg::KindOfficial),
            Some(Membership::Probationary) => c.msg(Msg::KindProbationary),
            None => c.msg(Msg::NotSet),
        };
        r.push(kv(
            theme,
            a.msg(AdmMsg::InRoster),
            format!(
                "{kind} ({}: {})",
                c.field(Field::AdmittedOn),
                date::format_opt_date(m.admitted_on())
            ),
        ));
    }
    if !p.notes.is_empty() {
        r.push(Line::from(format!(
            "{}: {}",
            c.field(Field::Notes),
            p.notes.replace('\n', " ")
        )));
    }
    if let Some(last) = cand.last() {
        let days = (app.today - last.date).num_days();
        r.push(kv(
            theme,
            a.msg(AdmMsg::Current),
            format!(
                "{} ({} {}, {})",
                a.stage(last.stage),
                a.msg(AdmMsg::Since),
                date::format_date(last.date),
                a.days(days)
            ),
        ));
    }
    match cand.next_required().or(cand.next_stages().first().copied()) {
        Some(n) => r.push(kv(theme, a.msg(AdmMsg::Next), a.stage(n).to_string())),
        None => r.push(kv(
            theme,
            a.msg(AdmMsg::Next),
            a.standing(cand.standing()).to_string(),
        )),
    }
    if let Some(d) = adm::next_deadline(cand) {
        let style = if d.overdue(app.today) {
            theme.error()
        } else {
            Style::new()
        };
        r.push(Line::from(vec![
            Span::styled(
                format!("{:<18}", a.msg(AdmMsg::Deadline)),
                label_style(theme),
            ),
            Span::styled(a.deadline(&d), style),
        ]));
    }
    let blockers = adm::readiness(cand, app.today);
    if !blockers.is_empty() {
        r.push(Line::styled(
            a.msg(AdmMsg::WhyNotYet).to_string(),
            theme.warning(),
        ));
        for b in blockers {
            r.push(Line::styled(
                format!("  ⚠ {}", a.check(&b)),
                theme.warning(),
            ));
        }
    }
    r.push(Line::styled(
        a.msg(AdmMsg::History).to_string(),
        theme.accent(),
    ));
    for s in cand.steps.iter().rev() {
        step_lines(c, theme, s, &mut r);
    }
    f.render_widget(Paragraph::new(r).wrap(Wrap { trim: false }), inner);
}
