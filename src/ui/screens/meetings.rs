//! The meetings screen: the year's meetings with the year at a glance, members'
//! attendance, and an open meeting's tabs (information, roll call, minutes, votes, tasks).

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::app::App;
use crate::app::screens::meetings::{MinutesRow, Tab, minutes_rows};
use crate::domain::date;
use crate::domain::meeting::{self, Mark, Meeting, MeetingKind};
use crate::domain::text::ellipsize;
use crate::i18n::{Catalogue, Msg};
use crate::ui::block;
use crate::ui::theme::Theme;

pub(crate) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    match app.meetings.current() {
        Some((_, m)) => draw_meeting(f, app, theme, area, m),
        None if app.meetings.attendance_view => draw_attendance(f, app, theme, area),
        None => draw_list(f, app, theme, area),
    }
}

/// The month strip's marks: a regular meeting, a thematic one, no regular meeting
/// (`*`, `+`, `o` under `--ascii`).
const REGULAR: &str = "●";
const THEMATIC: &str = "◆";
const NONE: &str = "○";

fn summary(c: &dyn Catalogue, m: &Meeting) -> String {
    if m.topic.is_empty() {
        c.meeting_kind(m.kind).to_string()
    } else {
        format!("{}: {}", c.meeting_kind(m.kind), m.topic)
    }
}

fn draw_list(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let ms = &app.meetings;
    let [head, glance, table_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(area);
    f.render_widget(
        Line::from(vec![
            Span::styled(
                format!("‹ {} {} › ", c.msg(Msg::Year), ms.year),
                theme.selected(),
            ),
            Span::styled(format!("  {}", c.msg(Msg::ScreenMeetings)), theme.accent()),
            Span::styled(
                format!(
                    "   {}",
                    crate::i18n::console::texts(app.lang).month_legend(REGULAR, THEMATIC, NONE)
                ),
                theme.dim(),
            ),
        ]),
        head,
    );
    // The year at a glance: one cell per month, a mark for a regular meeting, another
    // for a thematic one (the legend is on the line above).
    let g = meeting::year_glance(ms.list.iter().map(|(_, m)| m), ms.year, app.today);
    let mut cells = vec![Span::raw(" ")];
    for (i, month) in g.by_month.iter().enumerate() {
        let missing = g.months_without_regular.contains(&(i as u32 + 1));
        let mark = format!(
            "T{}:{}{} ",
            i + 1,
            if month[0] > 0 { REGULAR } else { NONE },
            if month[1] > 0 { THEMATIC } else { "" }
        );
        cells.push(Span::styled(
            mark,
            if missing { theme.error() } else { theme.dim() },
        ));
    }
    let mut flags = Vec::new();
    if !g.months_without_regular.is_empty() {
        let ms: Vec<String> = g
            .months_without_regular
            .iter()
            .map(|m| m.to_string())
            .collect();
        flags.push(format!("{}: {}", c.msg(Msg::MissingRegular), ms.join(", ")));
    }
    if !g.quarters_without_thematic.is_empty() {
        let qs: Vec<String> = g
            .quarters_without_thematic
            .iter()
            .map(|q| q.to_string())
            .collect();
        flags.push(format!(
            "{}: {}",
            c.msg(Msg::MissingThematic),
            qs.join(", ")
        ));
    }
    let glance_lines = vec![
        Line::from(cells),
        Line::styled(format!(" {}", flags.join(" · ")), theme.warning()),
    ];
    f.render_widget(Paragraph::new(glance_lines), glance);

    let rows_data = ms.of_year();
    if rows_data.is_empty() {
        f.render_widget(
            Paragraph::new(c.msg(Msg::NoMeetings)).style(theme.dim()),
            table_area,
        );
        return;
    }
    // The content column: what the fixed columns, their gaps and the marker leave.
    let content_w = usize::from(table_area.width).saturating_sub(4 + 10 + 7 + 13 + 4 + 1);
    let rows = rows_data.iter().map(|(_, m)| {
        let counts = meeting::counts(&m.attendance);
        let state = if m.approved.is_some() {
            c.msg(Msg::StateApproved)
        } else {
            c.msg(Msg::StateDraft)
        };
        Row::new(vec![
            Cell::from(format!("{:02}", m.number)),
            Cell::from(date::format_date(m.date)),
            Cell::from(ellipsize(&summary(c, m), content_w)),
            Cell::from(format!("{}/{}", counts.present, counts.must_attend)),
            Cell::from(state),
        ])
    });
    let header = [
        c.msg(Msg::ColNumber),
        c.msg(Msg::ColDate),
        c.msg(Msg::ColContent),
        c.msg(Msg::ColAttendance),
        c.msg(Msg::ColState),
    ];
    let table = Table::new(
        rows,
        [
            Constraint::Length(4),
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(7),
            Constraint::Length(13),
        ],
    )
    .header(Row::new(header).style(theme.header()))
    .row_highlight_style(theme.selected())
    .highlight_symbol(theme.marker());
    let mut state = TableState::default().with_selected(Some(ms.selected));
    f.render_stateful_widget(table, table_area, &mut state);
}

fn draw_attendance(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let year = app.meetings.year;
    let meetings: Vec<&Meeting> = app
        .meetings
        .list
        .iter()
        .map(|(_, m)| m)
        .filter(|m| m.date.year() == year)
        .collect();
    let mut lines = vec![Line::styled(
        format!(
            " {} {} — {}",
            c.msg(Msg::Year),
            year,
            c.msg(Msg::AttendanceTitle)
        ),
        theme.accent(),
    )];
    // Members to look at first: those flagged, then by unexcused months, then by name.
    let mut rows: Vec<(u32, &crate::app::roster::RosterEntry)> = app
        .roster
        .visible()
        .map(|e| {
            (
                meeting::unexcused_months(meetings.iter().copied(), e.id, year),
                e,
            )
        })
        .collect();
    rows.sort_by_key(|(months, _)| std::cmp::Reverse(*months));
    for (months, e) in rows {
        let mut marks = String::new();
        for month in 1..=12u32 {
            let ms: Vec<&&Meeting> = meetings
                .iter()
                .filter(|m| m.date.month() == month)
                .collect();
            let mark = ms
                .iter()
                .flat_map(|m| m.attendance.iter().filter(|r| r.member == e.id))
                .fold('·', |acc, r| match (&r.mark, acc) {
                    (Mark::Unexcused, _) => 'v',
                    (Mark::Excused(_), 'v') => 'v',
                    (Mark::Excused(_), _) => 'l',
                    (Mark::Present, '·') => 'c',
                    (_, a) => a,
                });
            marks.push(mark);
            marks.push(' ');
        }
        let flagged = meeting::absence_flag(months);
        let style = if flagged {
            theme.error()
        } else {
            ratatui::style::Style::new()
        };
        let mut spans = vec![
            Span::styled(
                format!(" {:<24}", ellipsize(&e.member.full_name, 24)),
                style,
            ),
            Span::raw(marks),
        ];
        if flagged {
            spans.push(Span::styled(c.msg(Msg::AbsenceFlag), theme.error()));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn mark_label(c: &dyn Catalogue, m: &Mark) -> String {
    match m {
        Mark::Unmarked => c.msg(Msg::MarkUnmarked).to_string(),
        Mark::Present => c.msg(Msg::MarkPresent).to_string(),
        Mark::Excused(r) => format!("{}: {r}", c.msg(Msg::MarkExcused)),
        Mark::Unexcused => c.msg(Msg::MarkUnexcused).to_string(),
    }
}

fn draw_meeting(f: &mut Frame, app: &App, theme: &Theme, area: Rect, m: &Meeting) {
    let c = app.lang.cat();
    crate::ui::clear(f, area, theme);
    let state = match m.approved {
        Some(d) => format!("{} {}", c.msg(Msg::ApprovedOn), date::format_date(d)),
        None => c.msg(Msg::StateDraft).to_string(),
    };
    // The topic gives way to the number, date and state (the Info tab shows it whole).
    let fixed = format!(
        " {} · {} ·  · {} ",
        meeting::document_number(m.number),
        date::format_date(m.date),
        state
    );
    let room = usize::from(area.width)
        .saturating_sub(2)
        .saturating_sub(crate::domain::text::width(&fixed));
    let title = format!(
        " {} · {} · {} · {} ",
        meeting::document_number(m.number),
        date::format_date(m.date),
        ellipsize(&summary(c, m), room),
        state
    );
    let outer = block(theme, title).border_style(if m.approved.is_some() {
        theme.ok()
    } else {
        theme.accent()
    });
    let inner = outer.inner(area);
    f.render_widget(outer, area);
    let [tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    let mut spans = Vec::new();
    for t in Tab::ALL {
        spans.push(crate::ui::tab(theme, c.tab(*t), *t == app.meetings.tab));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Line::from(spans), tabs);

    let counts = meeting::counts(&m.attendance);
    let denominator = meeting::vote_denominator(&m.attendance);
    let figures = format!(" {}", c.figures(&counts, denominator));
    f.render_widget(
        Paragraph::new(figures)
            .wrap(Wrap { trim: true })
            .style(theme.dim()),
        footer,
    );

    let cursor = app.meetings.cursor;
    let lines: Vec<Line> = match app.meetings.tab {
        Tab::Info => {
            let row = |label: &str, v: String| {
                Line::from(vec![
                    Span::styled(format!("{label:<20}"), theme.dim()),
                    Span::raw(v),
                ])
            };
            use crate::domain::meeting::MeetingField as F;
            let mut v = vec![
                row(c.meeting_field(F::Kind), c.meeting_kind(m.kind).to_string()),
                row(c.meeting_field(F::Date), date::format_date(m.date)),
                row(
                    c.meeting_field(F::Start),
                    format!("{} – {}", m.start, m.end),
                ),
                row(c.meeting_field(F::Place), m.place.clone()),
                row(c.meeting_field(F::Chair), m.chair.clone()),
                row(c.meeting_field(F::Secretary), m.secretary.clone()),
                row(c.msg(Msg::LabelGuests), meeting::format_guests(&m.guests)),
            ];
            if m.kind != MeetingKind::Regular {
                v.insert(1, row(c.meeting_field(F::Topic), m.topic.clone()));
            }
            if !m.amendments.is_empty() {
                v.push(Line::styled(
                    c.msg(Msg::Amendments).to_string(),
                    theme.accent(),
                ));
                for a in &m.amendments {
                    v.push(Line::from(format!(
                        "{} — {}: {}",
                        date::format_date(a.date),
                        a.reason,
                        a.text
                    )));
                }
            }
            v
        }
        Tab::Roll => {
            let mut v: Vec<Line> = m
                .attendance
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let sel = i == cursor;
                    let style = if sel {
                        theme.selected()
                    } else {
                        ratatui::style::Style::new()
                    };
                    let marker = if sel { theme.marker() } else { " " };
                    let status = c.status(r.status);
                    Line::styled(
                        format!(
                            "{marker} {:<26} {:<13} {}",
                            ellipsize(&r.name, 26),
                            status,
                            mark_label(c, &r.mark)
                        ),
                        style,
                    )
                })
                .collect();
            v.insert(
                0,
                Line::styled(c.msg(Msg::RollHint).to_string(), theme.dim()),
            );
            v
        }
        Tab::Minutes => minutes_rows(m)
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let sel = i == cursor;
                let marker = if sel { theme.marker() } else { " " };
                let style = if sel {
                    theme.selected()
                } else {
                    ratatui::style::Style::new()
                };
                let text = match r {
                    MinutesRow::Item(n) => format!("{marker} {}. {}", n + 1, m.agenda[*n].title),
                    MinutesRow::Speech(n, s) => {
                        let sp = &m.agenda[*n].speeches[*s];
                        format!(
                            "{marker}     – {}: {}",
                            sp.speaker.name(),
                            sp.gist.replace('\n', " ")
                        )
                    }
                    MinutesRow::Conclusion(n) => {
                        let concl = &m.agenda[*n].conclusion;
                        let v = if concl.is_empty() {
                            c.msg(Msg::NoConclusion).to_string()
                        } else {
                            concl.replace('\n', " ")
                        };
                        format!("{marker}     {}: {}", c.msg(Msg::LabelConclusion), v)
                    }
                };
                let style = if matches!(r, MinutesRow::Item(_)) && !sel {
                    theme.accent()
                } else {
                    style
                };
                Line::styled(ellipsize(&text, usize::from(body.width)), style)
            })
            .collect(),
        Tab::Votes => {
            if m.votes.is_empty() {
                vec![Line::styled(
                    c.msg(Msg::NothingYet).to_string(),
                    theme.dim(),
                )]
            } else {
                m.votes
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let sel = i == cursor;
                        let result = match meeting::vote_outcome(v, &m.attendance) {
                            Ok(o) => format!(
                                "→ {} {}/{} = {}",
                                if o.passed {
                                    c.msg(Msg::Passed)
                                } else {
                                    c.msg(Msg::NotPassed)
                                },
                                v.yes,
                                o.denominator,
                                meeting::format_permille(o.permille)
                            ),
                            Err(_) => c.msg(Msg::TallyInvalid).to_string(),
                        };
                        let marker = if sel { theme.marker() } else { " " };
                        let text = format!(
                            "{marker} {result} ({}) · {}",
                            c.threshold(v.threshold),
                            v.subject
                        );
                        let text = ellipsize(&text, usize::from(body.width));
                        Line::styled(
                            text,
                            if sel {
                                theme.selected()
                            } else {
                                ratatui::style::Style::new()
                            },
                        )
                    })
                    .collect()
            }
        }
        Tab::Tasks => {
            if m.tasks.is_empty() {
                vec![Line::styled(
                    c.msg(Msg::NothingYet).to_string(),
                    theme.dim(),
                )]
            } else {
                m.tasks
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let sel = i == cursor;
                        let marker = if sel { theme.marker() } else { " " };
                        let text = format!(
                            "{marker} {} — {} — {}",
                            t.who,
                            t.what,
                            date::format_opt_date(t.due)
                        );
                        Line::styled(
                            text,
                            if sel {
                                theme.selected()
                            } else {
                                ratatui::style::Style::new()
                            },
                        )
                    })
                    .collect()
            }
        }
    };
    // Keep the cursor row in view.
    let offset = usize::from(app.meetings.tab == Tab::Roll);
    let scroll = (cursor + offset + 1).saturating_sub(usize::from(body.height));
    let p = Paragraph::new(lines).scroll((scroll as u16, 0));
    let p = if app.meetings.tab == Tab::Info {
        p.wrap(Wrap { trim: false })
    } else {
        p
    };
    f.render_widget(p, body);
}
