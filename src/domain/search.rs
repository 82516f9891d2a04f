//! Incremental, diacritic-insensitive member search: "nguyen van an", "ng v an", "duc",
//! a card number or a phone number.

use super::member::Member;
use super::text::{digits, fold};

/// What is searched in one member, computed once when the roster loads.
#[derive(Debug, Clone, Default)]
pub struct SearchEntry {
    name_words: Vec<String>,
    other_words: Vec<String>,
    numbers: Vec<String>,
}

impl SearchEntry {
    /// Folds the searchable fields of a member.
    pub fn new(m: &Member) -> Self {
        let words = |s: &str| fold(s).split_whitespace().map(str::to_string).collect();
        SearchEntry {
            name_words: words(&m.full_name),
            other_words: words(&m.other_name),
            numbers: [&m.card_number, &m.phone, &m.national_id]
                .into_iter()
                .map(|s| digits(s))
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }
}

/// A parsed search query.
#[derive(Debug, Clone, Default)]
pub struct Query {
    words: Vec<String>,
    number: Option<String>,
}

impl Query {
    /// Parses what the user typed.
    pub fn new(typed: &str) -> Self {
        let folded = fold(typed.trim());
        let words = folded.split_whitespace().map(str::to_string).collect();
        let numeric = !folded.is_empty()
            && folded
                .chars()
                .all(|c| c.is_ascii_digit() || " .-+".contains(c));
        let number = numeric.then(|| digits(&folded)).filter(|d| !d.is_empty());
        Query { words, number }
    }

    /// Whether the query is empty (matches everyone).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a member matches: each query word starts a word of the name (or of the
    /// other name), in order; or a numeric query is part of the card number, phone or CCCD.
    pub fn matches(&self, e: &SearchEntry) -> bool {
        if self.is_empty() {
            return true;
        }
        if let Some(n) = &self.number {
            return e.numbers.iter().any(|x| x.contains(n.as_str()));
        }
        let in_order = |words: &[String]| {
            let mut it = words.iter();
            self.words
                .iter()
                .all(|q| it.any(|w| w.starts_with(q.as_str())))
        };
        in_order(&e.name_words) || in_order(&e.other_words)
    }

    /// Whether a row's label matches: each query word starts a word of the label, in
    /// order, diacritic-blind (the type-to-find of lists that are not the roster).
    pub fn matches_label(&self, label: &str) -> bool {
        let folded = fold(label);
        let mut it = folded.split(|c: char| !c.is_alphanumeric());
        self.words
            .iter()
            .all(|q| it.any(|w| w.starts_with(q.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, card: &str, phone: &str) -> SearchEntry {
        SearchEntry::new(&Member {
            full_name: name.into(),
            card_number: card.into(),
            phone: phone.into(),
            ..Member::default()
        })
    }

    #[test]
    fn labels_match_word_starts_in_order() {
        let q = Query::new("duc");
        assert!(q.matches_label("Lê Hoàng Đức"));
        assert!(!q.matches_label("Nguyễn Văn An"));
        assert!(Query::new("ng v").matches_label("Nguyễn Văn An"));
        assert!(!Query::new("an nguyen").matches_label("Nguyễn Văn An"));
    }

    #[test]
    fn finds_without_diacritics_and_by_initials() {
        let an = entry("Nguyễn Văn An", "01234567", "0912345678");
        for q in [
            "nguyen van an",
            "Nguyễn Văn",
            "ng v an",
            "NGUYEN",
            "van an",
            "an",
        ] {
            assert!(Query::new(q).matches(&an), "{q}");
        }
        for q in ["an nguyen", "tran", "ng x", "guyen"] {
            assert!(!Query::new(q).matches(&an), "{q}");
        }
    }

    #[test]
    fn d_finds_d_bar_and_tones_are_ignored() {
        let duc = entry("Lê Hoàng Đức", "", "");
        assert!(Query::new("duc").matches(&duc));
        assert!(Query::new("đức").matches(&duc));
        assert!(Query::new("Đuc").matches(&duc));
        assert!(!Query::new("dung").matches(&duc));
    }

    #[test]
    fn numbers_match_card_and_phone() {
        let an = entry("Nguyễn Văn An", "01.234567", "0912 345 678");
        assert!(Query::new("234567").matches(&an));
        assert!(Query::new("0912 345").matches(&an));
        assert!(!Query::new("999").matches(&an));
        assert!(Query::new("").matches(&an));
    }
}
