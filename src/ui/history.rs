//! The change history overlay: one block per change, newest first — when (local time),
//! what (created, changed, deleted), and the fields whose values changed, old → new.
//! Members are compared field by field; meetings by part (coarser).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::{block, label_style};
use crate::app::App;
use crate::app::history::HistoryView;
use crate::app::screens::meetings::Tab;
use crate::domain::date;
use crate::domain::meeting::{Meeting, MeetingField as MF};
use crate::domain::member::{Member, MemberEvent};
use crate::domain::text::ellipsize;
use crate::domain::validate::Field;
use crate::i18n::{Catalogue, Cli, Msg};
use crate::store::history::Change;
use crate::store::schema;
use crate::store::{TREE_MEETINGS, TREE_MEMBERS};

pub use crate::app::history::local_time;

/// One changed field: label, old value, new value (already shown as text).
type Diff = (String, String, String);

fn shown(c: &dyn Catalogue, v: String) -> String {
    if v.trim().is_empty() {
        c.msg(Msg::NotSet).to_string()
    } else {
        v.replace(['\n', '\r'], " ")
    }
}

fn event_text(c: &dyn Catalogue, e: &MemberEvent) -> String {
    format!("{} {}", c.event(e.kind), date::format_date(e.date))
}

/// The member fields that differ, in form order, then timeline events added or removed.
pub fn member_diff(c: &dyn Catalogue, old: &Member, new: &Member) -> Vec<Diff> {
    let mut out = Vec::new();
    for f in Field::ALL {
        let (a, b) = (
            super::screens::detail::value_of(c, old, *f),
            super::screens::detail::value_of(c, new, *f),
        );
        if a != b {
            out.push((c.field(*f).to_string(), shown(c, a), shown(c, b)));
        }
    }
    let timeline = c.msg(Msg::SectionTimeline).to_string();
    for e in old.events.iter().filter(|e| !new.events.contains(e)) {
        out.push((
            timeline.clone(),
            event_text(c, e),
            c.msg(Msg::NotSet).into(),
        ));
    }
    for e in new.events.iter().filter(|e| !old.events.contains(e)) {
        out.push((
            timeline.clone(),
            c.msg(Msg::NotSet).into(),
            event_text(c, e),
        ));
    }
    out
}

/// The parts of a meeting that differ: its information field by field, the roll call as a
/// number of changed marks, the minutes, votes and tasks as "changed", the approval date.
pub fn meeting_diff(c: &dyn Catalogue, old: &Meeting, new: &Meeting) -> Vec<Diff> {
    let mut out = Vec::new();
    let mut field = |label: &str, a: String, b: String| {
        if a != b {
            out.push((label.to_string(), shown(c, a), shown(c, b)));
        }
    };
    field(
        c.meeting_field(MF::Kind),
        c.meeting_kind(old.kind).into(),
        c.meeting_kind(new.kind).into(),
    );
    field(
        c.meeting_field(MF::Topic),
        old.topic.clone(),
        new.topic.clone(),
    );
    field(
        c.meeting_field(MF::Date),
        date::format_date(old.date),
        date::format_date(new.date),
    );
    field(
        c.meeting_field(MF::Start),
        old.start.clone(),
        new.start.clone(),
    );
    field(c.meeting_field(MF::End), old.end.clone(), new.end.clone());
    field(
        c.meeting_field(MF::Place),
        old.place.clone(),
        new.place.clone(),
    );
    field(
        c.meeting_field(MF::Chair),
        old.chair.clone(),
        new.chair.clone(),
    );
    field(
        c.meeting_field(MF::Secretary),
        old.secretary.clone(),
        new.secretary.clone(),
    );
    let guests = |m: &Meeting| {
        m.guests
            .iter()
            .map(|g| g.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    field(c.meeting_field(MF::Guests), guests(old), guests(new));
    field(
        c.msg(Msg::ApprovedOn),
        date::format_opt_date(old.approved),
        date::format_opt_date(new.approved),
    );
    let marks = old
        .attendance
        .iter()
        .zip(&new.attendance)
        .filter(|(a, b)| a.mark != b.mark)
        .count()
        + old.attendance.len().abs_diff(new.attendance.len());
    if marks > 0 {
        out.push((
            c.tab(Tab::Roll).to_string(),
            String::new(),
            c.cli(Cli::Changes(marks)),
        ));
    }
    let changed = c.msg(Msg::PartChanged).to_string();
    for (tab, same) in [
        (Tab::Minutes, old.agenda == new.agenda),
        (Tab::Votes, old.votes == new.votes),
        (Tab::Tasks, old.tasks == new.tasks),
    ] {
        if !same {
            out.push((c.tab(tab).to_string(), String::new(), changed.clone()));
        }
    }
    if old.amendments != new.amendments {
        out.push((
            c.msg(Msg::Amendments).to_string(),
            old.amendments.len().to_string(),
            new.amendments.len().to_string(),
        ));
    }
    out
}

/// What one change did, with its compared fields (`None`: a value could not be read).
fn entry_diff(c: &dyn Catalogue, tree: &str, h: &Change) -> Option<Vec<Diff>> {
    let (Some(old), Some(new)) = (&h.old, &h.new) else {
        return Some(Vec::new());
    };
    match tree {
        TREE_MEMBERS => Some(member_diff(
            c,
            &schema::decode_member(old).ok()?,
            &schema::decode_member(new).ok()?,
        )),
        TREE_MEETINGS => Some(meeting_diff(
            c,
            &schema::decode_meeting(old).ok()?,
            &schema::decode_meeting(new).ok()?,
        )),
        _ => Some(Vec::new()),
    }
}

/// The overlay's lines for a view, `width` columns wide.
pub fn history_lines<'a>(
    c: &dyn Catalogue,
    theme: &Theme,
    v: &HistoryView,
    width: usize,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if v.entries.is_empty() {
        lines.push(Line::from(c.msg(Msg::HistoryEmpty)));
    }
    for h in &v.entries {
        let what = match (&h.old, &h.new) {
            (None, _) => c.msg(Msg::ChangeCreated),
            (_, None) => c.msg(Msg::ChangeDeleted),
            _ => c.msg(Msg::ChangeEdited),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", local_time(h.at)), label_style(theme)),
            Span::styled(what.to_string(), theme.accent()),
        ]));
        match entry_diff(c, v.tree, h) {
            None => lines.push(Line::styled(
                format!("    {}", c.msg(Msg::HistoryUnreadable)),
                theme.warning(),
            )),
            Some(diffs) => {
                for (label, old, new) in diffs {
                    let text = if old.is_empty() {
                        format!("    {label}: {new}")
                    } else {
                        format!("    {label}: {old} → {new}")
                    };
                    lines.push(Line::from(ellipsize(&text, width)));
                }
            }
        }
    }
    lines
}

pub(super) fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, v: &HistoryView) {
    let c = app.lang.cat();
    crate::ui::clear(f, area, theme);
    let title = format!(
        " {}: {} — {} ",
        c.msg(Msg::HistoryTitle),
        v.title,
        c.msg(Msg::HistoryHint)
    );
    let lines = history_lines(c, theme, v, usize::from(area.width.saturating_sub(2)));
    let max = lines
        .len()
        .saturating_sub(usize::from(area.height.saturating_sub(2)));
    let p = Paragraph::new(lines)
        .block(block(theme, title).border_style(theme.accent()))
        .wrap(Wrap { trim: false })
        .scroll((v.scroll.min(max) as u16, 0));
    f.render_widget(p, area);
}
