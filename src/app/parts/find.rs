//! Type-to-find: what a list does with the letters typed over it. The roster narrows;
//! the other lists jump to the first row whose label matches (diacritic-blind, each typed
//! word starting a word of the label, in order).

use crate::domain::search::Query;

/// The first row whose label matches what was typed.
pub fn first_match<S: AsRef<str>>(
    labels: impl IntoIterator<Item = S>,
    typed: &str,
) -> Option<usize> {
    let q = Query::new(typed);
    if q.is_empty() {
        return None;
    }
    labels.into_iter().position(|l| q.matches_label(l.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps_to_the_first_matching_row() {
        let rows = ["Nguyễn Văn An", "Lê Hoàng Đức", "Đỗ Quang Ân"];
        assert_eq!(first_match(rows, "duc"), Some(1));
        assert_eq!(first_match(rows, "đỗ"), Some(2));
        assert_eq!(first_match(rows, "an"), Some(0));
        assert_eq!(first_match(rows, "xyz"), None);
        assert_eq!(first_match(rows, " "), None);
    }
}
