//! Texts of typed dates (#17.5) and of the rule checks added by #22 and #23, one catalogue
//! per language, reached with [`of`].

mod en;
mod vi;

use chrono::{NaiveDate, Weekday};

use super::Lang;
use crate::domain::date::BadDate;
use crate::domain::todo::Check;
use crate::domain::validate::RuleProblem;

pub use en::ChecksEn;
pub use vi::ChecksVi;

/// The texts of dates and rule checks in one language.
pub trait ChecksCatalogue: Sync {
    /// The weekday's name ("Thứ Năm", "Thursday").
    fn weekday(&self, w: Weekday) -> &'static str;
    /// A date with its weekday, as every date field echoes it: "Thứ Năm, 05/11/2026".
    fn date_with_weekday(&self, d: NaiveDate) -> String {
        use chrono::Datelike;
        format!(
            "{}, {}",
            self.weekday(d.weekday()),
            crate::domain::date::format_date(d)
        )
    }
    /// Why a typed date was refused, naming the wrong part (ends with a full stop).
    fn bad_date(&self, e: BadDate) -> String;
    /// A refusal by a rule of the regulations, naming the rule and its source.
    fn rule_problem(&self, p: &RuleProblem) -> String;
    /// A to-do item from a rule check, naming the rule and its source.
    fn todo(&self, c: &Check) -> String;
    /// The admission figures' count of candidates awaiting the superior committee (#23.3).
    fn awaiting_superior_count(&self, n: usize) -> String;
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn ChecksCatalogue {
    match lang {
        Lang::Vi => &ChecksVi,
        Lang::En => &ChecksEn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn rule_17_5_every_date_echoes_its_weekday() {
        assert_eq!(
            of(Lang::Vi).date_with_weekday(d(2026, 11, 5)),
            "Thứ Năm, 05/11/2026"
        );
        assert_eq!(
            of(Lang::En).date_with_weekday(d(2026, 11, 5)),
            "Thursday, 05/11/2026"
        );
        assert_eq!(
            of(Lang::Vi).date_with_weekday(d(2026, 11, 8)),
            "Chủ Nhật, 08/11/2026"
        );
        assert_eq!(
            of(Lang::Vi).date_with_weekday(d(2026, 11, 2)),
            "Thứ Hai, 02/11/2026"
        );
    }

    #[test]
    fn rule_17_5_a_wrong_date_message_names_the_part() {
        let vi = of(Lang::Vi);
        let e = BadDate::Day {
            day: 31,
            month: 2,
            year: 2026,
            last: 28,
        };
        assert!(vi.bad_date(e).contains("ngày 31"), "{}", vi.bad_date(e));
        assert!(vi.bad_date(e).contains("28"), "{}", vi.bad_date(e));
        assert!(vi.bad_date(BadDate::Month(13)).contains("tháng"));
        assert!(vi.bad_date(BadDate::Year(196)).contains("năm"));
        assert!(vi.bad_date(BadDate::Shape).contains("hôm nay"));
        let en = of(Lang::En);
        assert!(en.bad_date(BadDate::Month(13)).contains("month"));
    }

    #[test]
    fn rule_22_3_the_warning_names_the_rule_and_its_source() {
        let t = of(Lang::Vi).todo(&Check::FewOfficialMembers(2, 3));
        assert!(t.contains("2 đảng viên chính thức"), "{t}");
        assert!(t.contains("Điều lệ Đảng (2011), Điều 24 khoản 1"), "{t}");
        let t = of(Lang::Vi).todo(&Check::AwaitingSuperior(
            1,
            "Lê Văn Mới".into(),
            d(2026, 3, 5),
        ));
        assert!(t.contains("chờ cấp trên quyết định"), "{t}");
    }
}
