//! What the help shows: for each context (the current one and its chain first), each
//! action with its keys, filtered by what was typed (diacritic-blind, over the keys and
//! the descriptions). The view draws it; the app scrolls over exactly these lines.

use crate::app::App;
use crate::domain::text::fold;
use crate::i18n::Lang;
use crate::interchange::docx_handbook::{Hit, search};
use crate::keymap::action::{Action, Context};
use crate::keymap::{Keymap, sequence_label};

/// One context's part of the help.
pub struct Section {
    /// The context.
    pub context: Context,
    /// Each action with the keys bound to it, as people read them.
    pub rows: Vec<(Action, Vec<String>)>,
}

/// The contexts in help order: the screen under the help and its chain first.
fn context_order(app: &App) -> Vec<Context> {
    let mut order = match app.context() {
        Context::Help => app.screen_context().chain(),
        ctx => ctx.chain(),
    };
    order.insert(0, Context::Help);
    for c in Context::ALL {
        if !order.contains(c) {
            order.push(*c);
        }
    }
    order
}

/// The help's sections, filtered by `filter`.
pub fn sections(app: &App, filter: &str, ascii: bool) -> Vec<Section> {
    sections_of(&app.keymap, app.lang, &context_order(app), filter, ascii)
}

/// The sections of a keymap for these contexts, in the language's words.
fn sections_of(
    keymap: &Keymap,
    lang: Lang,
    order: &[Context],
    filter: &str,
    ascii: bool,
) -> Vec<Section> {
    let c = lang.cat();
    let want = fold(filter.trim());
    let mut out = Vec::new();
    for &context in order {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for (seq, a) in keymap.bindings(context) {
            let k = sequence_label(seq, ascii);
            match rows.iter_mut().find(|(x, _)| *x == a) {
                Some((_, keys)) => keys.push(k),
                None => rows.push((a, vec![k])),
            }
        }
        rows.retain(|(a, keys)| {
            want.is_empty()
                || fold(c.action_in(*a, context)).contains(&want)
                || keys.iter().any(|k| fold(k).contains(&want))
        });
        if !rows.is_empty() {
            rows.sort_by_key(|(a, _)| Action::ALL.iter().position(|x| x == a));
            out.push(Section { context, rows });
        }
    }
    out
}

/// Most handbook steps the help lists for one filter.
pub const HANDBOOK_HITS_MAX: usize = 40;

/// The handbook's steps that match what was typed (diacritic-blind), shown under the keys:
/// F1 then "le ket nap" finds the ceremony's step with its deadline and key (#22.5).
pub fn handbook_hits(app: &App, filter: &str, ascii: bool) -> Vec<Hit> {
    let mut hits = search(app.lang, &app.keymap, filter, ascii);
    hits.truncate(HANDBOOK_HITS_MAX);
    hits
}

/// How many lines the help has now (a heading, the rows and a blank line per section, then
/// the handbook's heading and its hits).
pub fn line_count(app: &App) -> usize {
    let filter = app.help.as_ref().map_or("", |h| h.filter.text());
    let hits = handbook_hits(app, filter, false).len();
    sections(app, filter, false)
        .iter()
        .map(|s| s.rows.len() + 2)
        .sum::<usize>()
        + if hits > 0 { hits + 1 } else { 0 }
}

/// The key tables of the README, from a keymap: one table per context, each key with
/// what it does in Vietnamese and in English (`tests/readme.rs` keeps the README equal
/// to this for the default keymap).
pub fn markdown(keymap: &Keymap) -> String {
    let (vi, en) = (Lang::Vi.cat(), Lang::En.cat());
    let mut out = String::new();
    for s in sections_of(keymap, Lang::Vi, Context::ALL, "", false) {
        out.push_str(&format!(
            "\n**{} / {}**\n\n| Phím / Keys | Việc | Action |\n|---|---|---|\n",
            vi.context(s.context),
            en.context(s.context)
        ));
        for (a, keys) in s.rows {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                vi.action_in(a, s.context),
                en.action_in(a, s.context)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_says_what_a_shared_key_does_in_each_place() {
        let keymap = Keymap::defaults();
        let row = |ctx: Context, a: Action| {
            let s = sections_of(&keymap, Lang::Vi, &[ctx], "", false);
            let c = Lang::Vi.cat();
            s.iter()
                .flat_map(|s| s.rows.iter().map(move |(x, _)| (s.context, *x)))
                .find(|(_, x)| *x == a)
                .map(|(ctx, a)| c.action_in(a, ctx).to_string())
        };
        let on_roster = row(Context::Members, Action::New).unwrap();
        let on_meetings = row(Context::Meetings, Action::New).unwrap();
        assert!(on_roster.contains("đảng viên"), "{on_roster}");
        assert!(on_meetings.contains("cuộc họp"), "{on_meetings}");
        // Typing "cuoc hop" in the help finds the meetings' own words.
        let found = sections_of(
            &keymap,
            Lang::Vi,
            &[Context::Meetings],
            "them cuoc hop",
            false,
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn every_context_specific_text_is_for_a_key_bound_there() {
        let keymap = Keymap::defaults();
        for lang in [Lang::Vi, Lang::En] {
            let c = lang.cat();
            for &ctx in Context::ALL {
                for &a in Action::ALL {
                    if c.action_here(a, ctx).is_some() {
                        assert!(
                            keymap.bindings(ctx).any(|(_, x)| x == a),
                            "{lang:?}: {a:?} has words for {ctx:?} but no key there"
                        );
                    }
                }
            }
        }
    }
}
