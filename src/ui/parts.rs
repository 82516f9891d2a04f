//! Drawing of the parts every screen shares: the status line (notices and the find box),
//! the key bar built from the screen's hints and the live keymap, the question dialog
//! and the search over everyone. A new screen needs no edit here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::{block, centered};
use crate::app::parts::search::{self, GlobalSearch, Hit};
use crate::app::{App, Confirm, Notice, Question};
use crate::i18n::keys::{self, KeysMsg};
use crate::i18n::{self, Msg};
use crate::keymap::action::{Action, Context};
use crate::keymap::sequence_label;

/// The notice's text and style, if there is a notice. A save says what it saved
/// ("Đã lưu: sửa hồ sơ Nguyễn Văn Sơn."), from the store's history of the action.
pub(crate) fn notice_text(app: &App, theme: &Theme) -> Option<(String, Style)> {
    let (text, style) = notice_words(app, theme)?;
    let Some(what) = &app.last_saved else {
        return Some((text, style));
    };
    let saved = app.lang.cat().msg(Msg::Saved);
    let named = format!("{} {what}.", keys::text(app.lang, KeysMsg::SavedWhat));
    // The generic notice becomes the name of the save; a specific one (a step, an event,
    // a review with its warnings) follows the name; a deletion keeps its own words.
    Some(match app.notice.as_ref()? {
        Notice::Saved(_) => (text.replacen(saved, &named, 1), style),
        Notice::Deleted(_)
        | Notice::Undone(_)
        | Notice::Redone(_)
        | Notice::Store(_)
        | Notice::FormHasErrors => (text, style),
        _ => (format!("{named} {text}"), style),
    })
}

fn notice_words(app: &App, theme: &Theme) -> Option<(String, Style)> {
    let c = app.lang.cat();
    Some(match app.notice.as_ref()? {
        Notice::Saved(w) if !w.is_empty() => {
            let ws: Vec<String> = w.iter().map(|w| c.warning(w)).collect();
            (
                format!(
                    "{} {}{}",
                    c.msg(Msg::Saved),
                    c.msg(Msg::WarningPrefix),
                    ws.join(" ")
                ),
                theme.warning(),
            )
        }
        Notice::Saved(_) => (c.msg(Msg::Saved).to_string(), theme.ok()),
        Notice::Study(n) => crate::ui::screens::study::notice(app, theme, n),
        Notice::Deleted(name) => (format!("{}: {}.", c.msg(Msg::Deleted), name), theme.ok()),
        Notice::FormHasErrors => (c.msg(Msg::FormHasErrors).to_string(), theme.error()),
        Notice::NothingSelected => (c.msg(Msg::NothingSelected).to_string(), theme.warning()),
        Notice::NoEventToRemove => (
            keys::text(app.lang, KeysMsg::NoEventToRemove).to_string(),
            theme.warning(),
        ),
        Notice::Store(e) => (i18n::store_error(app.lang, e), theme.error()),
        Notice::Approved(d) => (
            c.problem(&crate::domain::validate::Problem::Approved(*d)),
            theme.warning(),
        ),
        Notice::Exported(paths) => (format!("{} {paths}", c.msg(Msg::ExportedTo)), theme.ok()),
        Notice::Month(n) => (i18n::month::of(app.lang).notice(n), theme.warning()),
        Notice::Receipts(n) => (
            i18n::receipts::of(app.lang).notice(n),
            if n.is_saved() {
                theme.ok()
            } else {
                theme.warning()
            },
        ),
        Notice::EventSaved(w) if !w.is_empty() => {
            let ws: Vec<String> = w.iter().map(|w| c.life_warning(w)).collect();
            (
                format!(
                    "{} {}{}",
                    c.msg(Msg::EventSaved),
                    c.msg(Msg::WarningPrefix),
                    ws.join(" ")
                ),
                theme.warning(),
            )
        }
        Notice::EventSaved(_) => (c.msg(Msg::EventSaved).to_string(), theme.ok()),
        Notice::Review(n) => (
            c.review_notice(n),
            match n {
                crate::app::screens::review::ReviewNotice::Saved(w) if w.is_empty() => theme.ok(),
                _ => theme.warning(),
            },
        ),
        Notice::Rules(n) => (c.rules().notice(n), theme.warning()),
        Notice::DraftRestored => (c.msg(Msg::DraftRestored).to_string(), theme.warning()),
        Notice::AsciiChosen => (
            crate::i18n::console::texts(app.lang)
                .msg(crate::i18n::console::ConsoleMsg::AsciiChosen)
                .to_string(),
            theme.warning(),
        ),
        Notice::Admission(n) => crate::ui::screens::admission::notice(app, theme, n),
        Notice::Undone(t) | Notice::Redone(t) => (t.clone(), theme.ok()),
        Notice::NothingToUndo => (c.msg(Msg::NothingToUndo).to_string(), theme.warning()),
        Notice::NothingToRedo => (c.msg(Msg::NothingToRedo).to_string(), theme.warning()),
        Notice::UndoApproved(doc, d) => (
            c.cli(i18n::Cli::UndoApproved(
                doc,
                &crate::domain::date::format_date(*d),
            )),
            theme.warning(),
        ),
        Notice::ReportExported(paths) => (
            format!("{} {paths}", c.msg(Msg::ReportExportedTo)),
            theme.ok(),
        ),
        Notice::BundleWritten(path, n) => (
            format!(
                "{} {path} ({n} {})",
                c.msg(Msg::BundleWrittenTo),
                c.msg(Msg::BundleMembers)
            ),
            theme.ok(),
        ),
        Notice::Liaison(n) => crate::ui::screens::liaison::notice(app, theme, *n),
        Notice::NoDuesProfile(name) => (
            format!(
                "{} {name}.",
                c.dues().msg(crate::i18n::dues::DuesMsg::NeedsProfile)
            ),
            theme.warning(),
        ),
    })
}

/// The status line: the notice, else the find box of the list on screen. A notice too
/// long for the line opens in a small window above it, wrapped, so nothing is cut.
pub(super) fn draw_status(f: &mut Frame, app: &App, theme: &Theme, area: Rect, body: Rect) {
    let k = |m| keys::text(app.lang, m);
    if let Some((text, style)) = notice_text(app, theme) {
        let width = usize::from(area.width).saturating_sub(2);
        if Span::raw(text.as_str()).width() <= width {
            f.render_widget(Line::styled(format!(" {text}"), style), area);
        } else {
            let inner = area.width.saturating_sub(4).max(1);
            let rows = wrapped_rows(&text, usize::from(inner)).min(usize::from(body.height) - 2);
            let h = rows as u16 + 2;
            let r = Rect {
                x: body.x,
                y: body.bottom().saturating_sub(h),
                width: body.width,
                height: h,
            };
            crate::ui::clear(f, r, theme);
            f.render_widget(
                Paragraph::new(text)
                    .style(style)
                    .wrap(Wrap { trim: true })
                    .block(block(theme, "").border_style(style)),
                r,
            );
        }
        return;
    }
    if app.find_in.is_some() && !app.find.text().is_empty() && super::no_overlay(app) {
        let (typed, cursor) = app.find.shown();
        let prompt = k(KeysMsg::FindPrompt);
        let line = Line::from(vec![
            Span::styled(format!(" {prompt}"), theme.accent()),
            Span::raw(typed),
            Span::styled(format!("   ({})", k(KeysMsg::FindClear)), theme.dim()),
        ]);
        f.render_widget(line, area);
        if app.find_in != Some(Context::Members) {
            let x = area.x + 1 + Span::raw(prompt).width() as u16 + cursor as u16;
            f.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        }
    }
}

/// Rows `text` takes wrapped at `width` columns (words kept whole where they fit).
fn wrapped_rows(text: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = Span::raw(word).width();
        if used > 0 && used + 1 + w > width {
            rows += 1 + w / width.max(1);
            used = w % width.max(1);
        } else {
            used += w + usize::from(used > 0);
        }
    }
    rows
}

/// The commands the key bar shows now: the question's, the overlay's or the screen's,
/// then find, help and quit where they apply.
pub(crate) fn bar_actions(app: &App) -> (Context, Vec<Action>) {
    let ctx = app.context();
    let own: Vec<Action> = match ctx {
        Context::Form => vec![Action::Save, Action::NextField, Action::Cancel],
        Context::Confirm => vec![Action::Answer, Action::SwitchAnswer, Action::No],
        Context::Help | Context::History => vec![Action::Back],
        Context::Search => vec![Action::SearchAccept, Action::Back],
        _ => {
            // The damage warning's keys first (issue 20), then the screen's.
            let mut own = crate::app::screens::home::damage_hints(app, ctx).to_vec();
            own.extend((crate::app::screens::def(app.screen).hints)(ctx));
            own
        }
    };
    let mut global = Vec::new();
    if !matches!(
        ctx,
        Context::Form | Context::Confirm | Context::Search | Context::Help
    ) {
        global.push(Action::Search);
    }
    if !matches!(ctx, Context::Confirm | Context::Help) {
        global.push(Action::Help);
    }
    if !matches!(
        ctx,
        Context::Form | Context::Confirm | Context::Search | Context::Help | Context::History
    ) {
        global.push(Action::Undo);
        global.push(Action::Quit);
    }
    let mut all = own;
    all.extend(global);
    (ctx, all)
}

/// The key bar: "F2 Sửa  F7 Thêm  F8 Xóa … F1 Trợ giúp  F10 Thoát", each key as people
/// read it, from the live keymap; what does not fit is left out whole (F1 lists all).
pub(super) fn draw_key_bar(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let c = app.lang.cat();
    let (ctx, actions) = bar_actions(app);
    let items: Vec<(String, &str, bool)> = actions
        .iter()
        .filter_map(|a| {
            let keys = app.keymap.first_keys(ctx, *a)?;
            Some((
                sequence_label(keys, theme.ascii),
                c.hint(*a),
                matches!(a, Action::Help | Action::Quit),
            ))
        })
        .collect();
    draw_key_items(f, theme, area, &items);
}

/// Draws key bar items `(keys, label, always shown)`: the ones always shown first
/// counted, the others in order while they fit; what does not fit is left out whole.
/// Other modes than the register (the ward screen) draw their bar with it.
pub(crate) fn draw_key_items(
    f: &mut Frame,
    theme: &Theme,
    area: Rect,
    items: &[(String, &str, bool)],
) {
    let width = usize::from(area.width);
    let cost = |k: &str, l: &str| Span::raw(k).width() + Span::raw(l).width() + 3;
    let mut used: usize = items.iter().filter(|i| i.2).map(|i| cost(&i.0, i.1)).sum();
    let mut spans = Vec::new();
    for (k, l, kept) in items {
        if !kept {
            if used + cost(k, l) > width {
                continue;
            }
            used += cost(k, l);
        }
        spans.push(Span::styled(k.clone(), theme.key()));
        spans.push(Span::styled(format!(" {l}  "), theme.key_bar()));
    }
    f.render_widget(Line::from(spans).style(theme.key_bar()), area);
}

/// The question's words: exactly what would change (the screen that asks says it).
fn question_text(app: &App, ask: &Confirm) -> String {
    let cat = app.lang.cat();
    match ask {
        Confirm::Quit => cat.msg(Msg::ConfirmQuitDirty).to_string(),
        Confirm::Discard => cat.msg(Msg::ConfirmDiscard).to_string(),
        ask => crate::app::screens::question_words(app, ask).unwrap_or_default(),
    }
}

/// The question dialog: the question, the two answers with the chosen one marked (by
/// brackets as well as colour), and how to answer.
pub(super) fn draw_question(f: &mut Frame, app: &App, theme: &Theme, area: Rect, q: &Question) {
    let question = question_text(app, &q.ask);
    draw_question_box(f, app.lang, theme, area, &question, q.yes, q.typed);
}

/// The question dialog for a question's words: the two answers with the chosen one
/// marked (by brackets as well as colour), and how to answer. Other modes than the
/// register (the ward screen) ask with it.
pub(crate) fn draw_question_box(
    f: &mut Frame,
    lang: crate::i18n::Lang,
    theme: &Theme,
    area: Rect,
    question: &str,
    yes: bool,
    typed: bool,
) {
    let cat = lang.cat();
    let k = |m| keys::text(lang, m);
    // Wide enough for a long question (the approval names the open agenda items).
    let inner = if question.chars().count() > 180 {
        74u16
    } else {
        60
    }
    .min(area.width.saturating_sub(4));
    let rows = wrapped_rows(question, usize::from(inner)) as u16;
    let r = centered(area, inner + 4, rows + 6);
    crate::ui::clear(f, r, theme);
    let button = |label: &str, chosen: bool| {
        if chosen {
            Span::styled(format!("> {label} <"), theme.selected())
        } else {
            Span::styled(format!("  {label}  "), theme.dim())
        }
    };
    let (hint, hint_style) = if typed {
        (k(KeysMsg::QuestionTyped), theme.warning())
    } else {
        (k(KeysMsg::QuestionKeys), theme.accent())
    };
    let mut text: Vec<Line> = vec![Line::from(question.to_string()), Line::from("")];
    text.push(Line::from(vec![
        Span::raw("   "),
        button(k(KeysMsg::Yes), yes),
        Span::raw("     "),
        button(k(KeysMsg::No), !yes),
    ]));
    text.push(Line::from(""));
    text.push(Line::styled(hint, hint_style));
    let p = Paragraph::new(text).wrap(Wrap { trim: true }).block(
        block(theme, format!(" {} ", cat.msg(Msg::ConfirmTitle))).border_style(theme.warning()),
    );
    f.render_widget(p, r);
}

/// The search over everyone: what was typed, then the matching members and candidates.
pub(super) fn draw_search(f: &mut Frame, app: &App, theme: &Theme, area: Rect, s: &GlobalSearch) {
    let k = |m| keys::text(app.lang, m);
    let r = centered(area, 70, area.height.saturating_sub(2));
    crate::ui::clear(f, r, theme);
    let b = block(theme, format!(" {} ", k(KeysMsg::SearchTitle))).border_style(theme.accent());
    let inner = b.inner(r);
    f.render_widget(b, r);
    let (typed, cursor) = s.query.shown();
    let prompt = k(KeysMsg::SearchPrompt);
    f.render_widget(
        Line::from(vec![Span::styled(prompt, theme.accent()), Span::raw(typed)]),
        Rect { height: 1, ..inner },
    );
    let x = inner.x + Span::raw(prompt).width() as u16 + cursor as u16;
    if app.confirm.is_none() && app.help.is_none() {
        f.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    }
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let hits = search::hits(app, s.query.text());
    let lines: Vec<Line> = if s.query.text().trim().is_empty() {
        vec![Line::styled(k(KeysMsg::SearchEmpty), theme.dim())]
    } else if hits.is_empty() {
        vec![Line::styled(k(KeysMsg::SearchNone), theme.warning())]
    } else {
        let rows = usize::from(list.height).max(1);
        let first = s.cursor.saturating_sub(rows - 1);
        hits.iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, (hit, name))| {
                let what = match hit {
                    Hit::Member(id) => app
                        .roster
                        .get(*id)
                        .map(|e| app.lang.cat().status(e.status))
                        .unwrap_or(k(KeysMsg::SearchMember)),
                    Hit::Candidate(_) => k(KeysMsg::SearchCandidate),
                };
                let text = format!("{} {name} — {what}", if i == s.cursor { ">" } else { " " });
                if i == s.cursor {
                    Line::styled(text, theme.selected())
                } else {
                    Line::from(text)
                }
            })
            .collect()
    };
    f.render_widget(Paragraph::new(lines), list);
}
