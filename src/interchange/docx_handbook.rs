//! The handbook (sổ tay nghiệp vụ, #22.5) put together: the structure of
//! `domain::handbook`, the words of `i18n::rules`, the numbers and sources of the rules
//! table (or of a branch's settings over it) and the key labels of the keymap in force.
//! Shown as 80-column text (`sochibo handbook`), as a Word document (`--format docx`) and
//! searched from the help.

use crate::domain::handbook::{self, AppPlace, Topic, fill};
use crate::domain::rules::{self, RuleId};
use crate::domain::text::fold;
use crate::i18n::Lang;
use crate::i18n::rules::{RulesMsg, catalogue};
use crate::keymap::action::{Action, Context};
use crate::keymap::{Keymap, sequence_label};

use super::docx::{self, Block, DocBuilder, DocxError, Paragraph, Run};

/// Columns of the text handbook.
pub const TEXT_WIDTH: usize = 80;

/// One step as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownStep {
    /// Its number in the procedure (1-based).
    pub n: usize,
    /// What to do, with the rules' values put in.
    pub text: String,
    /// The form it uses.
    pub form: Option<&'static str>,
    /// The step's document and article, then the source of each rule it quotes (each
    /// once).
    pub sources: Vec<String>,
    /// Where this app does it ("Alt+7 Kết nạp đảng viên › Quá trình của quần chúng: F4 …").
    pub app: Option<String>,
}

/// The context of the screen a global `screen_N` action opens.
fn screen_context(screen: Action) -> Option<Context> {
    Some(match screen.name() {
        "screen_0" => Context::Home,
        "screen_1" => Context::Members,
        "screen_2" => Context::Branch,
        "screen_3" => Context::Meetings,
        "screen_4" => Context::Dues,
        "screen_5" => Context::Exemptions,
        "screen_6" => Context::Reports,
        "screen_7" => Context::Admission,
        "screen_8" => Context::Review,
        "screen_9" => Context::Liaison,
        _ => return None,
    })
}

/// The label of the first keys bound to an action along a context's chain.
fn key_label(keymap: &Keymap, ctx: Context, action: Action, ascii: bool) -> Option<String> {
    keymap
        .first_keys(ctx, action)
        .map(|seq| sequence_label(seq, ascii))
}

/// A citation without its dates in brackets, folded, for telling one already given:
/// "HD 06-HD/TW (09/6/2025), điểm 5.4" and "HD 06-HD/TW, điểm 5.4" are the same.
fn same_citation(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    let mut inner = String::new();
    for ch in s.chars() {
        match ch {
            '(' => {
                depth += 1;
                inner.clear();
            }
            ')' if depth > 0 => {
                depth -= 1;
                // Keep brackets that are not a date ("(QĐ 24-QĐ/TW, điểm 4.1)").
                if !inner.chars().all(|c| c.is_ascii_digit() || c == '/') {
                    out.push_str(&inner);
                }
            }
            c if depth > 0 => inner.push(c),
            c => out.push(c),
        }
    }
    fold(&out).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the app does a step, in words and key labels from `keymap`; `None` when a name
/// is unknown or no key is bound (a user keymap may unbind one).
pub fn app_place(lang: Lang, keymap: &Keymap, p: &AppPlace, ascii: bool) -> Option<String> {
    let c = lang.cat();
    let screen = Action::from_name(p.screen)?;
    let ctx = Context::from_name(p.context)?;
    let action = Action::from_name(p.action)?;
    let screen_ctx = screen_context(screen)?;
    let screen_key = key_label(keymap, Context::Global, screen, ascii)?;
    let key = key_label(keymap, ctx, action, ascii)?;
    let place = if ctx == screen_ctx {
        c.context(ctx).to_string()
    } else {
        format!("{} › {}", c.context(screen_ctx), c.context(ctx))
    };
    Some(format!(
        "{screen_key} {place}: {key} ({})",
        c.action(action)
    ))
}

/// The steps of a procedure as shown, with the values `value` gives (the rules table, or
/// a branch's settings over it).
pub fn shown_steps(
    lang: Lang,
    keymap: &Keymap,
    topic: Topic,
    value: &dyn Fn(RuleId) -> i64,
    ascii: bool,
) -> Vec<ShownStep> {
    let words = catalogue(lang).steps(topic);
    handbook::steps(topic)
        .iter()
        .zip(words)
        .enumerate()
        .map(|(i, (s, w))| {
            let mut sources = vec![s.source.to_string()];
            for (id, _) in s.numbers {
                for piece in rules::rule(*id).source.split(';') {
                    let piece = piece.trim();
                    let have = sources
                        .iter()
                        .any(|x| same_citation(x).contains(&same_citation(piece)));
                    if !piece.is_empty() && !have {
                        sources.push(piece.to_string());
                    }
                }
            }
            ShownStep {
                n: i + 1,
                text: fill(w, s, value),
                form: s.form,
                sources,
                app: s.app.and_then(|p| app_place(lang, keymap, &p, ascii)),
            }
        })
        .collect()
}

/// A procedure as 80-column text: the title in capitals, then each step numbered, with its
/// form, sources and the app's screen and key on indented lines.
pub fn topic_text(
    lang: Lang,
    keymap: &Keymap,
    topic: Topic,
    value: &dyn Fn(RuleId) -> i64,
    ascii: bool,
) -> String {
    let c = catalogue(lang);
    let mut out = vec![c.topic(topic).to_uppercase(), String::new()];
    for s in shown_steps(lang, keymap, topic, value, ascii) {
        let marker = format!("{}. ", s.n);
        let indent = marker.len();
        out.extend(docx::wrap(&s.text, TEXT_WIDTH, &marker, indent));
        for (label, text) in detail_lines(lang, &s) {
            let first = format!("{}- ", " ".repeat(indent));
            out.extend(docx::wrap(
                &format!("{label}: {text}"),
                TEXT_WIDTH,
                &first,
                indent + 2,
            ));
        }
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// A step's form, sources and place in the app, as (label, text).
fn detail_lines(lang: Lang, s: &ShownStep) -> Vec<(&'static str, String)> {
    let c = catalogue(lang);
    let mut out = Vec::new();
    if let Some(f) = s.form {
        out.push((c.msg(RulesMsg::Form), f.to_string()));
    }
    out.push((c.msg(RulesMsg::Source), s.sources.join("; ")));
    if let Some(a) = &s.app {
        out.push((c.msg(RulesMsg::InApp), a.clone()));
    }
    out
}

/// The list of topics, for `sochibo handbook` with no topic: each title and its name on
/// the command line.
pub fn topics_text(lang: Lang) -> String {
    let c = catalogue(lang);
    let mut out = vec![c.msg(RulesMsg::HandbookTitle).to_string(), String::new()];
    out.push(format!("{}:", c.msg(RulesMsg::Topics)));
    for t in Topic::ALL {
        out.push(format!("  {:<20} {}", t.slug(), c.topic(*t)));
    }
    out.push(String::new());
    out.push(c.msg(RulesMsg::HandbookUsage).to_string());
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// The handbook (the topics given, in order) as a Word document: A4, Times New Roman,
/// a title, each procedure a heading and its numbered steps.
pub fn handbook_docx(
    lang: Lang,
    keymap: &Keymap,
    topics: &[Topic],
    value: &dyn Fn(RuleId) -> i64,
) -> Result<Vec<u8>, DocxError> {
    let c = catalogue(lang);
    let title = c.msg(RulesMsg::HandbookTitle);
    let mut d = DocBuilder::new(title);
    d.paragraph(
        &Paragraph::new(vec![Run::bold(title)])
            .center()
            .size(docx::TITLE_PT)
            .spacing(0, 240),
    );
    for (i, t) in topics.iter().enumerate() {
        d.block(&Block::Heading(format!(
            "{}. {}",
            i + 1,
            c.topic(*t).to_uppercase()
        )));
        for s in shown_steps(lang, keymap, *t, value, false) {
            d.block(&Block::Item {
                level: 0,
                marker: format!("{}.", s.n),
                runs: vec![Run::plain(s.text.clone())],
            });
            for (label, text) in detail_lines(lang, &s) {
                d.block(&Block::Item {
                    level: 1,
                    marker: "-".into(),
                    runs: vec![Run::italic(format!("{label}: ")), Run::plain(text)],
                });
            }
        }
    }
    d.finish()
}

/// A step the help found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The procedure.
    pub topic: Topic,
    /// The step's number (1-based).
    pub n: usize,
    /// "Kết nạp đảng viên — 9. Chi bộ tổ chức lễ kết nạp …".
    pub line: String,
}

/// The steps whose words, form, sources or procedure title contain `query`,
/// diacritic-blind, in handbook order (for the F1 help). Nothing for an empty query.
pub fn search(lang: Lang, keymap: &Keymap, query: &str, ascii: bool) -> Vec<Hit> {
    let want = fold(query.trim());
    if want.is_empty() {
        return Vec::new();
    }
    let c = catalogue(lang);
    let mut out = Vec::new();
    for t in Topic::ALL {
        let title = c.topic(*t);
        let topic_hit = fold(title).contains(&want) || t.keys().iter().any(|k| fold(k) == want);
        for s in shown_steps(lang, keymap, *t, &rules::value, ascii) {
            let hay = fold(&format!(
                "{} {} {}",
                s.text,
                s.form.unwrap_or(""),
                s.sources.join(" ")
            ));
            if topic_hit || hay.contains(&want) {
                out.push(Hit {
                    topic: *t,
                    n: s.n,
                    line: format!("{title} — {}. {}", s.n, s.text),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_place_resolves_to_bound_keys() {
        let km = Keymap::defaults();
        for t in Topic::ALL {
            for s in handbook::steps(*t) {
                if let Some(p) = s.app {
                    assert!(
                        app_place(Lang::Vi, &km, &p, false).is_some(),
                        "{t:?}: {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_admission_procedure_cites_and_takes_its_numbers_from_the_table() {
        let km = Keymap::defaults();
        let text = topic_text(Lang::Vi, &km, Topic::Admission, &rules::value, false);
        assert!(text.starts_with("KẾT NẠP ĐẢNG VIÊN\n"), "{text}");
        assert!(text.contains("trong 30 ngày làm việc"), "{text}");
        assert!(text.contains("Mẫu 1-KNĐ"));
        assert!(text.contains("Căn cứ: HD 06-HD/TW (09/6/2025), điểm 3.6b"));
        assert!(text.contains("Alt+7 Kết nạp đảng viên › Quá trình của quần chúng: F4"));
        assert!(
            text.lines()
                .all(|l| crate::domain::text::width(l) <= TEXT_WIDTH)
        );
        // A branch's setting over the table shows in the steps.
        let set = |id| {
            if id == RuleId::CeremonyWorkingDays {
                45
            } else {
                rules::value(id)
            }
        };
        let text = topic_text(Lang::Vi, &km, Topic::Admission, &set, false);
        assert!(text.contains("trong 45 ngày làm việc"));
    }

    #[test]
    fn search_is_diacritic_blind_over_the_steps() {
        let km = Keymap::defaults();
        let hits = search(Lang::Vi, &km, "le ket nap", false);
        assert!(
            hits.iter().any(|h| h.topic == Topic::Admission && h.n == 9),
            "{hits:?}"
        );
        assert!(search(Lang::Vi, &km, "", false).is_empty());
        let all_badges = search(Lang::Vi, &km, "huy hieu", false);
        assert_eq!(
            all_badges
                .iter()
                .filter(|h| h.topic == Topic::Badges)
                .count(),
            handbook::steps(Topic::Badges).len()
        );
    }
}
