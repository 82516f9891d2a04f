//! Typing is never a command, over the whole corpus (issue 16.6): every line of
//! tests/data/vn_names.txt, as raw Telex, raw VNI and as Unikey sends it, is typed on
//! every screen and in every non-text context of the demo branch. Afterwards every tree of
//! the store is byte for byte what it was, no save was stamped, no form or question
//! opened, no question was answered, the user is where they were, and the app still runs
//! and draws.

use crate::common;

use common::Harness;
use common::ime::{corpus, telex, unikey_telex, vni};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use sochibo::store::backup;
use sochibo::store::snapshot::Tree;

/// Every tree of the store as stored (keys and values as bytes), through a backup file.
fn trees(h: &Harness) -> Vec<Tree> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("probe.sochibo");
    h.app.store.write_backup(&path).unwrap();
    backup::load_backup(&path).unwrap().0.trees
}

/// Where the user is: the screen, the context, what is open, and the question (with its
/// chosen answer).
fn place_of(h: &Harness) -> String {
    let a = &h.app;
    format!(
        "{:?} {:?} card {:?} meeting {:?} {:?} attendance {} dues {:?} all {} candidate {:?} \
         grades {} report {:?} help {} history {} form {} question {:?}",
        a.screen,
        a.context(),
        a.detail,
        a.meetings.open,
        a.meetings.tab,
        a.meetings.attendance_view,
        a.dues.tab,
        a.dues.all_members,
        a.admission.open,
        a.review.history,
        a.reports.kind,
        a.help.is_some(),
        a.history.is_some(),
        a.form.is_some(),
        a.confirm.as_ref().map(|q| (format!("{:?}", q.ask), q.yes)),
    )
}

/// A key stream of a text (raw Telex, raw VNI, Unikey).
type Stream = fn(&str) -> Vec<KeyEvent>;

fn press(h: &mut Harness, code: KeyCode) {
    let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    sochibo::app::handle_event(&mut h.app, &ev);
}

/// Takes back what typing left open, with the keys a user would press: Esc closes the
/// search (back where the user was) or a help opened by `?`, then empties what typing
/// added to a find box (`find` is what the box held at the place);
/// Backspace empties the help's filter, or the search's query where the search is the
/// place itself.
fn clear_typing(h: &mut Harness, in_help: bool, in_search: bool, find: &str) {
    for _ in 0..4 {
        let help_filter = h
            .app
            .help
            .as_ref()
            .map_or(0, |v| v.filter.text().chars().count());
        let query = h
            .app
            .search
            .as_ref()
            .map_or(0, |s| s.query.text().chars().count());
        if in_search && query > 0 {
            (0..query).for_each(|_| press(h, KeyCode::Backspace));
        } else if (h.app.search.is_some() && !in_search) || (h.app.help.is_some() && !in_help) {
            press(h, KeyCode::Esc);
        } else if help_filter > 0 {
            (0..help_filter).for_each(|_| press(h, KeyCode::Backspace));
        } else if h.app.find.text() != find {
            press(h, KeyCode::Esc);
        } else {
            return;
        }
    }
}

/// Types every corpus stream at the place the keys `reach` lead to from a fresh demo app.
fn type_the_corpus_at(name: &str, reach: &str) {
    let lines = corpus();
    assert!(lines.len() >= 300, "{} corpus lines", lines.len());
    let methods: [(&str, Stream); 3] = [("Telex", telex), ("VNI", vni), ("Unikey", unikey_telex)];
    let mut typed_keys = 0usize;
    let mut h = Harness::demo(&[]);
    h.keys(reach);
    let here = place_of(&h);
    let in_help = h.app.help.is_some();
    let in_search = h.app.search.is_some();
    let find = h.app.find.text().to_string();
    assert!(
        h.app.form.is_none() && h.app.notice.is_none(),
        "{name}: the keys {reach} reach the place\n{}",
        h.screen()
    );
    let before = trees(&h);
    let stamp = h.app.store.history_last().unwrap();
    for (method, stream) in methods {
        for line in &lines {
            for k in stream(line) {
                sochibo::app::handle_event(&mut h.app, &Event::Key(k));
                typed_keys += 1;
            }
            let what = || format!("{line:?} ({method}) typed on {name}");
            assert!(!h.app.should_quit, "{} quit the app", what());
            assert_eq!(
                h.app.store.history_last().unwrap(),
                stamp,
                "{} saved something\n{}",
                what(),
                h.screen()
            );
            assert!(h.app.form.is_none(), "{} opened a form", what());
            // The app draws what typing did (a find box, the search, a hint): after every
            // line as Unikey sends it, after the whole corpus for the raw streams.
            if method == "Unikey" {
                h.keys("");
            }
            let shown = h.screen();
            clear_typing(&mut h, in_help, in_search, &find);
            assert_eq!(place_of(&h), here, "{} moved the user\n{shown}", what());
        }
        h.keys("");
        assert!(trees(&h) == before, "{name} ({method}): the store changed");
    }
    // Still running, and still answering keys: Esc closes the overlay or question the
    // place is (a question answers No); elsewhere the search opens and closes again.
    let overlay = h.app.confirm.is_some() || in_help || in_search || h.app.history.is_some();
    if overlay {
        h.keys("<Esc>");
        assert!(
            h.app.confirm.is_none()
                && h.app.help.is_none()
                && h.app.search.is_none()
                && h.app.history.is_none(),
            "{name}: Esc after typing\n{}",
            h.screen()
        );
    } else {
        h.keys("<F3>");
        assert!(h.app.search.is_some(), "{name}: F3 after typing");
        h.keys("<Esc>");
        assert_eq!(place_of(&h), here, "{name}");
    }
    assert!(!h.app.should_quit);
    assert!(trees(&h) == before, "{name}: the store changed");
    assert!(typed_keys > 10_000, "{typed_keys} keys typed");
}

/// One test per place: its name and the keys that reach it from a fresh demo app.
macro_rules! places {
    ($($(#[$meta:meta])* $test:ident: $name:literal => $keys:literal,)*) => {
        $(
            #[test]
            $(#[$meta])*
            fn $test() {
                type_the_corpus_at($name, $keys);
            }
        )*
    };
}

// Every screen, its tabs and views, the cards, the overlays and the questions.
places! {
    home: "home" => "<A-0>",
    roster: "roster" => "<A-1>",
    roster_filtered: "roster, filter Tất cả" => "<A-1><Tab>",
    member_card: "member card" => "<A-1><Enter>",
    member_history: "member history" => "<A-1><Enter><C-l>",
    question_delete_member: "question: delete member" => "<A-1><F8>",
    question_remove_event: "question: remove last event" => "<A-1>tran quang hung<Enter><F6>",
    branch: "branch" => "<A-2>",
    meetings: "meetings" => "<A-3>",
    meetings_attendance: "meetings, attendance" => "<A-3><F6>",
    meeting_info: "meeting, info" => "<A-3><Enter>",
    meeting_roll_call: "meeting, roll call" => "<A-3><Enter><Tab>",
    meeting_minutes: "meeting, minutes" => "<A-3><Enter><Tab><Tab>",
    meeting_votes: "meeting, votes" => "<A-3><Enter><Tab><Tab><Tab>",
    meeting_tasks: "meeting, tasks" => "<A-3><Enter><Tab><Tab><Tab><Tab>",
    meeting_history: "meeting history" => "<A-3><Enter><C-l>",
    dues: "dues" => "<A-4>",
    badges: "badges" => "<A-4><Tab>",
    badges_all_members: "badges, all members" => "<A-4><Tab><F5>",
    exemptions: "exemptions" => "<A-5>",
    reports: "reports" => "<A-6>",
    reports_movements: "reports, movements" => "<A-6><Tab>",
    admission_board: "admission board" => "<A-7>",
    candidate_card: "candidate card" => "<A-7><Enter>",
    question_remove_step: "question: remove last step" => "<A-7><Enter><F8>",
    review: "review" => "<A-8>",
    review_grades: "review, grades across years" => "<A-8><C-l>",
    help: "help" => "<F1>",
    search: "search over everyone" => "<F3>",
    study: "resolution study" => "<A-h>",
    study_resolution: "resolution study, one resolution" => "<A-h><Enter>",
    study_pick: "resolution study, ticking a session's roll" => "<A-h><Enter><F7><F2>",
    study_completeness: "record completeness" => "<A-h><Tab>",
}
