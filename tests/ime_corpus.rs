//! The key-stream generator of tests/common/ime.rs (issue 16.6), checked by hand-written
//! streams and over the whole corpus tests/data/vn_names.txt.

use crate::common;

use std::collections::HashSet;

use common::ime::{
    Key, corpus, telex, telex_keys, typed, unikey_telex, unikey_telex_keys, vni, vni_keys,
};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use unicode_normalization::UnicodeNormalization;

/// A stream written as text, Backspace as '⌫'.
fn raw(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| match k {
            Key::Char(c) => *c,
            Key::Backspace => '⌫',
        })
        .collect()
}

#[test]
fn telex_and_vni_of_known_names() {
    let cases = [
        ("Đức", "Dduwcs", "D9u7c1"),
        ("đi công tác", "ddi coong tacs", "d9i co6ng tac1"),
        ("Nguyễn Văn Sơn", "Nguyeenx Vawn Sown", "Nguye6n4 Va8n So7n"),
        ("Trường", "Truwowngf", "Tru7o7ng2"),
        (
            "Hoàng Thị Thu Hương",
            "Hoangf Thij Thu Huwowng",
            "Hoang2 Thi5 Thu Hu7o7ng",
        ),
        (
            "Nguyễn Ngọc Ánh",
            "Nguyeenx Ngocj Anhs",
            "Nguye6n4 Ngoc5 Anh1",
        ),
        ("ốm", "ooms", "o6m1"),
        ("hôm nay", "hoom nay", "ho6m nay"),
        ("Quỳnh", "Quynhf", "Quynh2"),
        ("Nghĩa", "Nghiax", "Nghia4"),
        ("Thuỷ", "Thuyr", "Thuy3"),
        ("Hằng", "Hawngf", "Ha8ng2"),
        ("05/11/2026", "05/11/2026", "05/11/2026"),
        ("ĐẢNG", "DdANGr", "D9ANG3"),
        ("CỘNG", "COoNGj", "CO6NG5"),
    ];
    for (text, telex, vni) in cases {
        assert_eq!(raw(&telex_keys(text)), telex, "Telex of {text}");
        assert_eq!(raw(&vni_keys(text)), vni, "VNI of {text}");
    }
}

#[test]
fn unikey_sends_backspace_and_replace_bursts() {
    assert_eq!(raw(&unikey_telex_keys("Đức")), "D⌫Đu⌫ưc⌫⌫ức");
    // The burst tech-notes §4.5 measured in tmux (tone typed after the final consonant).
    assert_eq!(raw(&unikey_telex_keys("viết")), "vie⌫êt⌫⌫ết");
    assert_eq!(raw(&unikey_telex_keys("ốm nay")), "o⌫ôm⌫⌫ốm nay");
    assert_eq!(raw(&unikey_telex_keys("12/3")), "12/3");
}

#[test]
fn events_are_presses_with_shift_on_uppercase_only() {
    let keys = unikey_telex("Đa");
    assert_eq!(
        keys,
        [
            KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT),
            KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            KeyEvent::new(KeyCode::Char('Đ'), KeyModifiers::SHIFT),
            KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE),
        ]
    );
    assert!(keys.iter().all(|k| k.kind == KeyEventKind::Press));
    assert_eq!(typed(&keys), "Đa");
    assert_eq!(typed(&telex("Đa")), "Dda");
}

#[test]
#[should_panic(expected = "2 tone marks")]
fn a_word_with_two_tones_is_refused() {
    telex_keys("ốmá");
}

#[test]
fn the_corpus_is_a_few_hundred_distinct_nfc_lines() {
    let lines = corpus();
    assert!(lines.len() >= 300, "{} lines", lines.len());
    let mut seen = HashSet::new();
    for l in &lines {
        assert_eq!(l.nfc().collect::<String>(), *l, "{l:?} is not NFC");
        assert_eq!(l.trim(), *l, "{l:?} has outer spaces");
        assert!(seen.insert(*l), "{l:?} twice");
    }
    // Names with every shape and tone, and dates, are in it.
    for needed in [
        "Đức",
        "ư",
        "ơ",
        "ă",
        "â",
        "ê",
        "ô",
        "ạ",
        "ả",
        "ã",
        "à",
        "á",
        "05/11/2026",
    ] {
        assert!(lines.iter().any(|l| l.contains(needed)), "no {needed:?}");
    }
}

#[test]
fn unikey_streams_type_every_corpus_line() {
    let mut bursts = 0;
    for l in corpus() {
        let keys = unikey_telex(l);
        assert_eq!(typed(&keys), l, "Unikey stream of {l:?}");
        // Every Backspace is followed by the replacing text, never by another word.
        bursts += keys.iter().filter(|k| k.code == KeyCode::Backspace).count();
        assert_ne!(
            keys.last().map(|k| k.code),
            Some(KeyCode::Backspace),
            "{l:?}"
        );
    }
    assert!(bursts > 1000, "only {bursts} Backspaces over the corpus");
}

#[test]
fn raw_streams_are_plain_ascii_keys_of_every_corpus_line() {
    for l in corpus() {
        for (method, keys) in [("Telex", telex(l)), ("VNI", vni(l))] {
            assert!(
                keys.iter()
                    .all(|k| matches!(k.code, KeyCode::Char(c) if c.is_ascii())),
                "{method} of {l:?}: {keys:?}"
            );
            // The letters without their marks are typed in order, with only mark keys
            // between them; one key per mark.
            let bare: String = l
                .nfd()
                .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
                .map(|c| match c {
                    'đ' => 'd',
                    'Đ' => 'D',
                    c => c,
                })
                .collect();
            let got = typed(&keys);
            let mut rest = got.chars();
            assert!(
                bare.chars().all(|b| rest.any(|c| c == b)),
                "{method} of {l:?} ({got:?}) skips letters of {bare:?}"
            );
            let marks = l
                .nfd()
                .filter(|c| ('\u{300}'..='\u{36F}').contains(c))
                .count()
                + l.chars().filter(|c| matches!(c, 'đ' | 'Đ')).count();
            assert_eq!(
                got.chars().count(),
                bare.chars().count() + marks,
                "{method} of {l:?}"
            );
        }
        // Plain ASCII lines (dates, "nguyen") are typed as they are.
        if l.is_ascii() {
            assert_eq!(typed(&telex(l)), l);
            assert_eq!(typed(&vni(l)), l);
        }
    }
}
