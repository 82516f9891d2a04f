//! Screen 9: the liaison members (QĐ 213): the list with the year's comment, or a card
//! with the introduction letter, the contact log and the yearly comments.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::screens::liaison::LiaisonNotice;
use crate::domain::date::format_date;
use crate::domain::liaison::{self as dom, Liaison};
use crate::domain::text::{cell, ellipsize};
use crate::i18n::liaison::{self as texts, LiaisonCatalogue, LiaisonMsg};
use crate::ui::theme::Theme;

/// The status-line words of a liaison notice.
pub(crate) fn notice(app: &App, theme: &Theme, n: LiaisonNotice) -> (String, Style) {
    let t = texts::of(app.lang);
    match n {
        LiaisonNotice::NothingSelected => {
            (t.msg(LiaisonMsg::NothingSelected).into(), theme.warning())
        }
        LiaisonNotice::NoneTransferred => {
            (t.msg(LiaisonMsg::NoneTransferred).into(), theme.warning())
        }
        LiaisonNotice::AlreadyLinked => (t.msg(LiaisonMsg::AlreadyLinked).into(), theme.warning()),
        LiaisonNotice::Joined => (t.msg(LiaisonMsg::Joined).into(), theme.ok()),
    }
}

/// The comment column of a year: sent on, written, due, or not yearly.
fn comment_state(t: &dyn LiaisonCatalogue, l: &Liaison, year: i32) -> String {
    match l.comment(year) {
        Some(c) => match c.sent_on {
            Some(d) => t.sent(d),
            None => t.msg(LiaisonMsg::NotSent).into(),
        },
        None if !l.kind.yearly_comment() => t.msg(LiaisonMsg::NotYearly).into(),
        None => t.msg(LiaisonMsg::Due).into(),
    }
}

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    match app.liaison.open.and_then(|id| app.liaison.get(id)) {
        Some(l) => draw_card(f, app, theme, area, l),
        None => draw_list(f, app, theme, area),
    }
}

fn draw_list(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let t = texts::of(app.lang);
    let width = usize::from(area.width);
    let year = app.liaison.year;
    let figures = dom::figures(app.liaison.list.iter().map(|(_, l)| l), year);
    let mut lines = vec![
        Line::styled(
            format!(" {}", ellipsize(t.msg(LiaisonMsg::ListTitle), width)),
            theme.accent(),
        ),
        Line::styled(format!(" {}", t.figures(year, &figures)), theme.dim()),
        Line::styled(
            ellipsize(
                &format!(
                    "  {} {} {} {} {} {year}",
                    cell(t.msg(LiaisonMsg::ColName), 22),
                    cell(t.msg(LiaisonMsg::ColBirthYear), 4),
                    cell(t.msg(LiaisonMsg::ColWorkplace), 15),
                    cell(t.msg(LiaisonMsg::ColKind), 13),
                    t.msg(LiaisonMsg::ColComment),
                ),
                width,
            ),
            theme.header(),
        ),
    ];
    let rows = app.liaison.rows();
    if rows.is_empty() {
        lines.push(Line::styled(
            format!(" {}", t.msg(LiaisonMsg::Empty)),
            theme.dim(),
        ));
    }
    for (i, (_, l)) in rows.iter().enumerate() {
        let sel = i == app.liaison.cursor;
        let marker = if sel { theme.marker() } else { " " };
        let style = if sel {
            theme.selected()
        } else if dom::comment_due(l, app.today) && year == chrono::Datelike::year(&app.today) {
            theme.warning()
        } else {
            Style::new()
        };
        let text = format!(
            "{marker} {} {} {} {} {}",
            cell(&l.full_name, 22),
            cell(&l.birth_year.map(|y| y.to_string()).unwrap_or_default(), 4),
            cell(&l.workplace, 15),
            cell(t.kind_short(l.kind), 13),
            comment_state(t, l, year)
        );
        lines.push(Line::styled(ellipsize(&text, width), style));
    }
    let scroll = (app.liaison.cursor + 4).saturating_sub(usize::from(area.height));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}

fn draw_card(f: &mut Frame, app: &App, theme: &Theme, area: Rect, l: &Liaison) {
    use crate::domain::liaison::LiaisonField as F;
    let t = texts::of(app.lang);
    let width = usize::from(area.width);
    let row = |label: &str, value: String| {
        Line::raw(ellipsize(&format!("  {} {value}", cell(label, 28)), width))
    };
    let mut lines = vec![Line::styled(format!(" {}", l.full_name), theme.accent())];
    lines.push(row(
        t.field(F::BirthYear),
        l.birth_year.map(|y| y.to_string()).unwrap_or_default(),
    ));
    lines.push(row(t.field(F::Kind), t.kind(l.kind).into()));
    lines.push(row(t.field(F::Address), l.address.clone()));
    lines.push(row(t.field(F::Workplace), l.workplace.clone()));
    lines.push(row(t.field(F::WorkplaceParty), l.workplace_party.clone()));
    let letter = match (l.letter_number.is_empty(), l.letter_received) {
        (_, Some(d)) => format!("{} ({})", l.letter_number, format_date(d)),
        (false, None) => l.letter_number.clone(),
        (true, None) => "—".into(),
    };
    lines.push(row(t.msg(LiaisonMsg::Letter), letter));
    lines.push(row(t.field(F::Phone), l.phone.clone()));
    if let Some(mid) = l.member {
        let name = app
            .roster
            .get(mid)
            .map(|e| e.member.full_name.clone())
            .unwrap_or_else(|| "—".into());
        lines.push(row(t.msg(LiaisonMsg::Linked), name));
    }
    if !l.notes.is_empty() {
        lines.push(row(t.field(F::Notes), l.notes.replace('\n', " ")));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" {}", t.msg(LiaisonMsg::Comments)),
        theme.accent(),
    ));
    if l.comments.is_empty() {
        lines.push(Line::styled(
            format!("  {}", t.msg(LiaisonMsg::NoComments)),
            theme.dim(),
        ));
    }
    for c in l.comments.iter().rev() {
        lines.push(Line::raw(ellipsize(
            &format!("  {}: {}", c.year, comment_state(t, l, c.year)),
            width,
        )));
        lines.push(Line::styled(
            ellipsize(&format!("    {}", c.comment.replace('\n', " ")), width),
            theme.dim(),
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(" {}", t.msg(LiaisonMsg::Contacts)),
        theme.accent(),
    ));
    if l.contacts.is_empty() {
        lines.push(Line::styled(
            format!("  {}", t.msg(LiaisonMsg::NoContacts)),
            theme.dim(),
        ));
    }
    for c in l.contacts.iter().rev() {
        lines.push(Line::raw(ellipsize(
            &format!("  {}  {}", format_date(c.date), c.what),
            width,
        )));
    }
    f.render_widget(Paragraph::new(lines), area);
}
