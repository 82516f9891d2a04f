//! List movement shared by every list: one meaning for Up, Down, PageUp, PageDown, Home
//! and End.

use crate::keymap::action::Action;

/// The rows a movement action moves by (`page` rows for a page), or `None` if the action
/// is not a movement.
pub fn delta(action: Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// A cursor moved by `delta`, kept inside a list of `len` rows.
pub fn moved(cursor: usize, len: usize, delta: isize) -> usize {
    (cursor as isize)
        .saturating_add(delta)
        .clamp(0, len.saturating_sub(1) as isize) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_stay_in_the_list() {
        assert_eq!(moved(0, 5, -1), 0);
        assert_eq!(moved(3, 5, 1), 4);
        assert_eq!(moved(4, 5, 1), 4);
        assert_eq!(moved(2, 0, 1), 0);
        assert_eq!(moved(2, 30, delta(Action::Bottom, 10).unwrap()), 29);
        assert_eq!(moved(20, 30, delta(Action::PageUp, 10).unwrap()), 10);
        assert_eq!(delta(Action::Save, 10), None);
    }
}
