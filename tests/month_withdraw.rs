//! Admission withdrawal (#17.7) through the keys: date and reason, refused without a
//! reason, undoable; a withdrawn candidate leaves the board and the home screen.

use crate::common;

use common::{Harness, today};
use sochibo::app::screens::home::todo_items;
use sochibo::domain::todo::TodoKind;
use sochibo::domain::validate::Problem;

/// Candidate ids on the board, in order.
fn board(h: &Harness) -> Vec<u64> {
    h.app
        .admission
        .board(today())
        .iter()
        .map(|e| e.id)
        .collect()
}

fn on_home(h: &Harness, id: u64) -> bool {
    todo_items(&h.app)
        .iter()
        .any(|i| matches!(&i.kind, TodoKind::Candidate(c, ..) if *c == id))
}

#[test]
fn a_withdrawn_candidate_leaves_the_board_and_the_home_screen_undoably() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-7>");
    // The candidate on the home screen, if the demo has one; else the first on the board.
    let ids = board(&h);
    assert!(!ids.is_empty(), "the demo has candidates");
    let id = ids
        .iter()
        .copied()
        .find(|id| on_home(&h, *id))
        .unwrap_or(ids[0]);
    let row = ids.iter().position(|x| *x == id).unwrap();
    let name = h.app.admission.get(id).unwrap().person.full_name.clone();
    for _ in 0..row {
        h.keys("<Down>");
    }
    h.keys("<Enter><C-w>");
    let form = h.app.form.as_ref().expect("the withdrawal form");
    let title = (sochibo::app::screens::def(form.kind.screen).form_title)(&h.app, form.kind);
    assert!(title.contains(&name), "{title}");
    assert_eq!(form.fields[0].value(), "21/11/2026");
    // No reason: refused naming the field; nothing saved.
    let before = h.app.store.candidates().unwrap();
    h.keys("<C-s>");
    let form = h.app.form.as_ref().expect("the form stays open");
    assert_eq!(form.fields[1].error, Some(Problem::Required));
    assert!(h.screen().contains("không được để trống"), "{}", h.screen());
    assert_eq!(h.app.store.candidates().unwrap(), before);
    // A date in the future is refused too.
    h.keys("Chuyển đi nơi khác<S-Tab>");
    for _ in 0..12 {
        h.keys("<Backspace>");
    }
    h.keys("25/11/2026<C-s>");
    assert_eq!(
        h.app.form.as_ref().unwrap().fields[0].error,
        Some(Problem::InFuture)
    );
    for _ in 0..12 {
        h.keys("<Backspace>");
    }
    h.keys("20/11/2026<C-s>");
    assert!(h.app.form.is_none(), "{}", h.screen());
    let (_, c) = h
        .app
        .store
        .candidates()
        .unwrap()
        .into_iter()
        .find(|(i, _)| *i == id)
        .unwrap();
    assert_eq!(
        c.withdrawn,
        Some((
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            "Chuyển đi nơi khác".to_string()
        ))
    );
    assert!(!board(&h).contains(&id), "off the board");
    assert!(!on_home(&h, id), "off the home screen");
    // The board no longer shows the name (the status line names the save).
    let screen = h.screen();
    let board_rows: Vec<&str> = screen.lines().take(20).collect();
    assert!(!board_rows.join("\n").contains(&name), "{screen}");
    assert!(h.status_line().contains(&name), "the save is named");
    // Undone with Ctrl-Z: back on the board.
    h.keys("<C-z>");
    assert!(board(&h).contains(&id));
    assert_eq!(h.app.admission.get(id).unwrap().withdrawn, None);
}
