//! Typing is never a command (issue 16.6): every name and phrase of the corpus
//! (`tests/data/vn_names.txt`), as raw Telex, raw VNI and as Unikey sends it, typed on
//! every screen and in every context that is not a text field, changes nothing in the
//! store and never ends the program. The corpus is data, so it can grow.

mod common;

use common::Harness;
use common::ime::{corpus, telex, unikey_telex, vni};
use crossterm::event::Event;
use sochibo::app::handle_event;
use sochibo::keymap::parse_key_string;

/// The contexts typed into, each reached from the home screen by these keys.
const CONTEXTS: &[&str] = &[
    "<A-0>",
    "<A-1>",
    "<A-1><Enter>",
    "<A-2>",
    "<A-3>",
    "<A-3><Enter>",
    "<A-3><Enter><Tab>",
    "<A-3><Enter><Tab><Tab>",
    "<A-3><Enter><Tab><Tab><Tab>",
    "<A-3><Enter><Tab><Tab><Tab><Tab>",
    "<A-4>",
    "<A-4><Tab>",
    "<A-5>",
    "<A-6>",
    "<A-7>",
    "<A-7><Enter>",
    "<A-8>",
];

fn press(h: &mut Harness, keys: &str) {
    for k in parse_key_string(keys).unwrap() {
        handle_event(&mut h.app, &Event::Key(k));
    }
}

#[test]
fn the_corpus_typed_everywhere_stores_nothing_and_quits_nothing() {
    let names = corpus();
    assert!(names.len() >= 300, "the corpus has {} entries", names.len());
    let mut h = Harness::demo(&[]);
    let before = h.stored();
    let mut streams = 0;
    for ctx in CONTEXTS {
        for name in &names {
            for stream in [telex(name), vni(name), unikey_telex(name)] {
                press(&mut h, "<Esc><Esc><Esc><A-0>");
                press(&mut h, ctx);
                let context = h.app.context();
                for k in &stream {
                    handle_event(&mut h.app, &Event::Key(*k));
                }
                streams += 1;
                assert!(!h.app.should_quit, "{ctx} {name:?}: the program ended");
                assert!(h.app.form.is_none(), "{ctx} {name:?}: a form opened");
                assert!(
                    h.app.confirm.is_none(),
                    "{ctx} {name:?}: a question opened"
                );
                assert_eq!(
                    h.app.store.history_last().unwrap(),
                    before.history_last,
                    "{ctx} ({context:?}) {name:?}: something was saved"
                );
            }
        }
        // The whole picture, once per context.
        assert_eq!(h.stored(), before, "{ctx}: the store changed");
    }
    assert_eq!(streams, CONTEXTS.len() * names.len() * 3);
    // And the screen still draws.
    h.keys("<Esc><A-1>");
    assert!(h.screen().contains("DỮ LIỆU MẪU"), "{}", h.screen());
}
