//! The annual review through the keys: a self-review, the branch's proposal with its vote,
//! the ward's final grade and the lock; the HTXSNV cap warning.

mod common;

use common::Harness;
use sochibo::domain::review::Grade;

fn first_reviewable(h: &Harness) -> (u64, usize) {
    let rows = sochibo::app::review::rows(&h.app);
    let i = rows.iter().position(|r| r.excluded.is_none()).unwrap();
    (rows[i].id, i)
}

#[test]
fn show_screen() {
    let mut h = Harness::demo(&[]);
    h.keys("8");
    println!("{}", h.screen());
    let (_, i) = first_reviewable(&h);
    let _ = i;
}
