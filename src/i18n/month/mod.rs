//! Texts of the secretary's month (#17): the approval warning, the absence form's
//! subject, the earlier reasons a reason field offers. One catalogue per language,
//! reached with [`of`].

mod en;
mod vi;

use chrono::NaiveDate;

use super::Lang;
use crate::domain::meeting::{MonthNotice, MonthProblem};

pub use en::MonthEn;
pub use vi::MonthVi;

/// The texts of the month in one language.
pub trait MonthCatalogue: Sync {
    /// The approval warning: agenda items (index, title) with no conclusion, named.
    fn no_conclusion(&self, items: &[(usize, &str)]) -> String;
    /// A form's title naming what it is about: "Vắng có lý do — Nguyễn Văn An".
    fn titled(&self, title: &str, subject: &str) -> String {
        format!("{title} — {subject}")
    }
    /// The line under a reason field listing the earlier reasons it cycles through.
    fn earlier_reasons(&self, reasons: &[String]) -> String;
    /// A refused field of the month, after the field's name.
    fn problem(&self, p: &MonthProblem) -> String;
    /// The question before a second regular meeting in one month (the one already there:
    /// its document number and date).
    fn second_regular(&self, number: &str, date: NaiveDate) -> String;
    /// The heading of the proposal form.
    fn proposal_title(&self) -> &'static str;
    /// The question before deleting a proposal (who raised it, what it says).
    fn delete_proposal(&self, who: &str, text: &str) -> String;
    /// A proposal on the Proposals tab: "who: text → answer", or "(chưa trả lời)".
    fn proposal_line(&self, who: &str, text: &str, answer: &str) -> String;
    /// "đã xong 20/11/2026", the mark of a task done.
    fn task_done(&self, on: NaiveDate) -> String;
    /// The heading of the withdrawal form, naming the candidate.
    fn withdraw_title(&self, name: &str) -> String;
    /// A status-line notice of the month.
    fn notice(&self, n: &MonthNotice) -> String;
    /// The branch's usual meeting day as the branch screen shows it: "ngày 5 hằng tháng".
    fn usual_day(&self, day: u32) -> String;
}

/// "dd/mm/yyyy".
fn day(d: NaiveDate) -> String {
    crate::domain::date::format_date(d)
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static dyn MonthCatalogue {
    match lang {
        Lang::Vi => &MonthVi,
        Lang::En => &MonthEn,
    }
}

/// "1. Khai mạc; 5. Đánh giá …", the items by number (from 1) and title.
fn numbered(items: &[(usize, &str)]) -> String {
    items
        .iter()
        .map(|(i, t)| format!("{}. {t}", i + 1))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_names_the_items() {
        let items = [(0, "Khai mạc"), (4, "Đánh giá kết quả")];
        let vi = of(Lang::Vi).no_conclusion(&items);
        assert!(vi.contains("2 nội dung chưa có kết luận"), "{vi}");
        assert!(vi.contains("1. Khai mạc; 5. Đánh giá kết quả"), "{vi}");
        let en = of(Lang::En).no_conclusion(&items);
        assert!(en.contains("2 agenda items have no conclusion"), "{en}");
        assert_eq!(
            of(Lang::Vi).titled("Vắng có lý do", "Nguyễn Văn An"),
            "Vắng có lý do — Nguyễn Văn An"
        );
    }

    #[test]
    fn the_refusals_say_what_is_expected() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let vi = of(Lang::Vi).problem(&MonthProblem::TooFar(d));
        assert!(vi.contains("31/12/2026"), "{vi}");
        let q = of(Lang::Vi).second_regular("Số 07-BB/CB", d);
        assert!(q.contains("Số 07-BB/CB") && q.contains("31/12/2026"), "{q}");
        assert!(
            of(Lang::En)
                .problem(&MonthProblem::TooFar(d))
                .contains("31/12/2026")
        );
    }
}
