//! Screen 4: the month's dues collection (one row per member, paid marks, arrears and the
//! removal flag, totals), and the party badges (the list for a presentation date, or every
//! member's length of membership).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::screens::dues::{BadgeRow, DuesTab, badge_rows, dues_rows};
use crate::domain::badges::{self, Basis};
use crate::domain::date::format_date;
use crate::domain::dues::{self, Due, YearMonth};
use crate::domain::text::{cell, ellipsize, rcell};
use crate::i18n::dues::{DuesCatalogue, DuesMsg, DuesText};
use crate::ui::theme::Theme;

fn row_style(theme: &Theme, selected: bool) -> Style {
    if selected {
        theme.selected()
    } else {
        Style::new()
    }
}

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat().dues();
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let mut spans = vec![Span::raw(" ")];
    for (t, name) in [
        (DuesTab::Dues, c.msg(DuesMsg::TabDues)),
        (DuesTab::Badges, c.msg(DuesMsg::TabBadges)),
    ] {
        spans.push(crate::ui::tab(theme, name, app.dues.tab == t));
        spans.push(Span::raw(" "));
    }
    if app.dues.tab == DuesTab::Dues {
        spans.push(Span::styled(
            format!(" ‹ {} › ", c.text(DuesText::Month(app.dues.month))),
            theme.accent(),
        ));
    }
    f.render_widget(Line::from(spans), tabs);
    match app.dues.tab {
        DuesTab::Dues => draw_dues(f, app, theme, body, c),
        DuesTab::Badges => draw_badges(f, app, theme, body, c),
    }
}

const NAME_W: usize = 21;
/// Dues tab: name, amount, this month, paid through.
const DUES_W: (usize, usize, usize, usize) = (20, 9, 18, 8);

fn draw_dues(f: &mut Frame, app: &App, theme: &Theme, area: Rect, c: &dyn DuesCatalogue) {
    let d = &app.dues;
    let month = d.month;
    let [header, list, detail, totals] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(3),
        Constraint::Length(4),
    ])
    .areas(area);
    let width = usize::from(area.width);
    let (nw, aw, sw, tw) = DUES_W;
    let rest = width.saturating_sub(2 + nw + 1 + aw + 1 + sw + 1 + tw + 1);
    f.render_widget(
        Line::styled(
            format!(
                "  {} {} {} {} {}",
                cell(app.lang.cat().msg(crate::i18n::Msg::ColName), nw),
                rcell(c.msg(DuesMsg::ColDue), aw),
                cell(c.msg(DuesMsg::ColThisMonth), sw),
                cell(c.msg(DuesMsg::ColPaidThrough), tw),
                cell(c.msg(DuesMsg::ColArrears), rest)
            ),
            theme.header(),
        ),
        header,
    );
    let rows = dues_rows(&app.roster, month);
    if rows.is_empty() {
        f.render_widget(
            Paragraph::new(c.msg(DuesMsg::NoMembers)).style(theme.dim()),
            list,
        );
    }
    let empty = dues::Ledger::default();
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let sel = i == d.cursor;
            let l = d.ledgers.get(&e.id).unwrap_or(&empty);
            let due = dues::due(&e.member, l, month);
            let a = dues::arrears(&e.member, l, month.year, app.today);
            let middle = match (due, l.payment(month)) {
                (_, Some(p)) => format!(
                    "{} {}",
                    rcell(&c.amount(p.amount), aw),
                    cell(&c.text(DuesText::Paid(p.method, p.date)), sw)
                ),
                (Due::Owed(amount), None) => format!(
                    "{} {}",
                    rcell(&c.amount(amount), aw),
                    cell(c.msg(DuesMsg::Unpaid), sw)
                ),
                (Due::Exempt(x), None) => cell(&c.exemption(x), aw + 1 + sw),
                (Due::Unknown | Due::NotOwed, None) => cell(c.msg(DuesMsg::NoProfile), aw + 1 + sw),
            };
            let through = dues::paid_through(&e.member, l, app.today)
                .map(|m| m.to_string())
                .unwrap_or_else(|| "—".into());
            let text = format!(
                "{} {} {middle} {} {}",
                if sel { theme.marker() } else { " " },
                cell(&e.member.full_name, nw),
                cell(&through, tw),
                cell(&c.text(DuesText::ArrearsCell(&a)), rest)
            );
            let style = if a.flagged() && !sel {
                theme.error()
            } else if l.payment(month).is_none() && matches!(due, Due::Owed(_)) && !sel {
                Style::new()
            } else if !sel {
                theme.dim()
            } else {
                row_style(theme, sel)
            };
            Line::styled(text, style)
        })
        .collect();
    let scroll = (d.cursor + 1).saturating_sub(usize::from(list.height));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), list);

    // The selected member: how the amount is reckoned, paid through, arrears, the flag.
    if let Some(e) = rows.get(d.cursor) {
        let l = d.ledgers.get(&e.id).unwrap_or(&empty);
        let due = dues::due(&e.member, l, month);
        let a = dues::arrears(&e.member, l, month.year, app.today);
        let rate = match l.profile_at(month) {
            Some(p) => c.text(DuesText::Rate(p, due)),
            None => c.msg(DuesMsg::NoProfile).to_string(),
        };
        let through = c.text(DuesText::PaidThrough(dues::paid_through(
            &e.member, l, app.today,
        )));
        let w = usize::from(detail.width).saturating_sub(1);
        let mut lines = vec![
            Line::styled(
                format!(" {}", ellipsize(&format!("{rate} · {through}"), w)),
                theme.dim(),
            ),
            Line::styled(
                format!(" {}", ellipsize(&c.text(DuesText::ArrearsMonths(&a)), w)),
                if a.months.is_empty() {
                    theme.dim()
                } else {
                    theme.warning()
                },
            ),
        ];
        if a.flagged() {
            lines.push(Line::styled(
                format!(" {}", ellipsize(&c.text(DuesText::FlagRule), w)),
                theme.error(),
            ));
        }
        f.render_widget(Paragraph::new(lines), detail);
    }

    let members: Vec<_> = app
        .roster
        .entries()
        .iter()
        .map(|e| (e.id, &e.member))
        .collect();
    let mt = dues::month_totals(members.iter().copied(), &d.ledgers, month);
    let now = YearMonth::of(app.today);
    let last = if month.year < now.year {
        YearMonth::new(month.year, 12).unwrap_or(month)
    } else {
        now
    };
    let yt = dues::year_totals(members.iter().copied(), &d.ledgers, month.year, app.today);
    let mut lines = vec![Line::styled(
        format!(" {}", c.text(DuesText::MonthTotals(month, &mt))),
        theme.accent(),
    )];
    if month.year <= now.year {
        lines.push(Line::styled(
            format!(" {}", c.text(DuesText::YearTotals(month.year, &yt, last))),
            theme.accent(),
        ));
    }
    // The money of the month against what the branch hands on (#17 item 6).
    let h = crate::app::screens::dues::hand_on_figures(app, month);
    lines.push(Line::styled(
        format!(" {}", c.text(DuesText::Collected(&h))),
        theme.accent(),
    ));
    lines.push(Line::styled(
        format!(" {}", c.text(DuesText::HandOn(&h))),
        if h.difference() == 0 {
            theme.accent()
        } else {
            theme.warning()
        },
    ));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), totals);
}

fn draw_badges(f: &mut Frame, app: &App, theme: &Theme, area: Rect, c: &dyn DuesCatalogue) {
    let d = &app.dues;
    let [heading, header, list, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(3),
    ])
    .areas(area);
    let name_col = app.lang.cat().msg(crate::i18n::Msg::ColName);
    let rows = badge_rows(app);
    let width = usize::from(area.width);
    if d.all_members {
        f.render_widget(
            Line::styled(
                format!(" {}", c.text(DuesText::AllMembers(app.today))),
                theme.accent(),
            ),
            heading,
        );
        let rest = width.saturating_sub(2 + 24 + 1 + 12 + 1 + 12 + 1 + 10 + 1);
        f.render_widget(
            Line::styled(
                format!(
                    "  {} {} {} {} {}",
                    cell(name_col, 24),
                    cell(c.msg(DuesMsg::ColTenure), 12),
                    cell(c.msg(DuesMsg::ColNextMilestone), 12),
                    cell(c.msg(DuesMsg::ColReached), 10),
                    cell("", rest)
                ),
                theme.header(),
            ),
            header,
        );
    } else {
        let prev = badges::previous_presentation(d.presentation).unwrap_or(d.presentation);
        f.render_widget(
            Line::styled(
                format!(
                    " ‹ {} ›",
                    c.text(DuesText::Presentation(d.presentation, prev))
                ),
                theme.accent(),
            ),
            heading,
        );
        let rest = width.saturating_sub(2 + NAME_W + 1 + 8 + 1 + 10 + 1 + 20 + 1);
        f.render_widget(
            Line::styled(
                format!(
                    "  {} {} {} {} {}",
                    cell(name_col, NAME_W),
                    cell(c.msg(DuesMsg::ColMilestone), 8),
                    cell(c.msg(DuesMsg::ColReached), 10),
                    cell(c.msg(DuesMsg::ColBasis), 20),
                    cell(c.msg(DuesMsg::ColAwarded), rest)
                ),
                theme.header(),
            ),
            header,
        );
        if rows.is_empty() {
            f.render_widget(
                Paragraph::new(c.msg(DuesMsg::NoCandidates)).style(theme.dim()),
                list,
            );
        }
    }
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let sel = i == d.badge_cursor;
            let marker = if sel { theme.marker() } else { " " };
            let ill = d
                .badges
                .get(&r.entry().id)
                .is_some_and(|b| b.serious_illness);
            let text = match r {
                BadgeRow::Candidate(e, cand) => {
                    let rest = width.saturating_sub(2 + NAME_W + 1 + 8 + 1 + 10 + 1 + 20 + 1);
                    let awarded = cand.awarded.as_ref().map_or_else(
                        || c.msg(DuesMsg::NotAwarded).to_string(),
                        |a| c.text(DuesText::Awarded(a)),
                    );
                    format!(
                        "{marker} {} {} {} {} {}",
                        cell(&e.member.full_name, NAME_W),
                        cell(&c.text(DuesText::Milestone(cand.milestone)), 8),
                        cell(&format_date(cand.reached_on), 10),
                        cell(c.basis(cand.basis), 20),
                        cell(&awarded, rest)
                    )
                }
                BadgeRow::Member(e) => {
                    let rest = width.saturating_sub(2 + 24 + 1 + 12 + 1 + 12 + 1 + 10 + 1);
                    let tenure = badges::membership_months(&e.member, app.today)
                        .map(|m| c.text(DuesText::Tenure(m)))
                        .unwrap_or_default();
                    let (next, when) = badges::next_milestone(&e.member, app.today)
                        .map(|(y, d)| (c.text(DuesText::Milestone(y)), format_date(d)))
                        .unwrap_or_default();
                    format!(
                        "{marker} {} {} {} {} {}",
                        cell(&e.member.full_name, 24),
                        cell(&tenure, 12),
                        cell(&next, 12),
                        cell(&when, 10),
                        cell(if ill { c.msg(DuesMsg::Illness) } else { "" }, rest)
                    )
                }
            };
            let style = match r {
                _ if sel => theme.selected(),
                BadgeRow::Candidate(_, cand) if cand.awarded.is_some() => theme.dim(),
                BadgeRow::Candidate(_, cand) if cand.basis != Basis::Due => theme.warning(),
                _ => Style::new(),
            };
            Line::styled(text, style)
        })
        .collect();
    let scroll = (d.badge_cursor + 1).saturating_sub(usize::from(list.height));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), list);

    // Footer: the selected member's admission, illness flag and award; the list's counts.
    let mut lines = Vec::new();
    if let Some(r) = rows.get(d.badge_cursor) {
        let e = r.entry();
        let rec = d.badges.get(&e.id);
        let mut parts = vec![format!(
            "{}: {}",
            app.lang.cat().msg(crate::i18n::Msg::ColAdmitted),
            crate::domain::date::format_opt_date(e.member.admitted_on())
        )];
        if rec.is_some_and(|b| b.serious_illness) {
            parts.push(c.msg(DuesMsg::Illness).to_string());
        }
        let award = match r {
            BadgeRow::Candidate(_, cand) => cand.awarded.clone(),
            BadgeRow::Member(_) => rec.and_then(|b| b.awards.last().cloned()),
        };
        if let Some(a) = &award {
            parts.push(c.text(DuesText::AwardLine(a)));
        }
        lines.push(Line::styled(format!(" {}", parts.join(" · ")), theme.dim()));
    }
    if !d.all_members {
        let count = |b: Basis| {
            rows.iter()
                .filter(|r| matches!(r, BadgeRow::Candidate(_, c) if c.basis == b))
                .count()
        };
        let awarded = rows
            .iter()
            .filter(|r| matches!(r, BadgeRow::Candidate(_, c) if c.awarded.is_some()))
            .count();
        lines.push(Line::styled(
            format!(
                " {}",
                c.text(DuesText::BadgeSummary(
                    rows.len(),
                    count(Basis::Due),
                    count(Basis::EarlyIllness),
                    count(Basis::Posthumous),
                    awarded
                ))
            ),
            theme.accent(),
        ));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), footer);
}
