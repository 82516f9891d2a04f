//! Vietnamese texts of the month.

use chrono::NaiveDate;

use super::{MonthCatalogue, day, numbered};
use crate::domain::meeting::MonthProblem;

/// Vietnamese.
pub struct MonthVi;

impl MonthCatalogue for MonthVi {
    fn no_conclusion(&self, items: &[(usize, &str)]) -> String {
        format!(
            "Chú ý: {} nội dung chưa có kết luận: {}. Chọn «Không» để quay lại ghi kết luận.",
            items.len(),
            numbered(items)
        )
    }

    fn earlier_reasons(&self, reasons: &[String]) -> String {
        format!("Lý do đã dùng (↑ ↓ để chọn): {}", reasons.join(" · "))
    }

    fn problem(&self, p: &MonthProblem) -> String {
        match p {
            MonthProblem::TooFar(latest) => format!(
                "chỉ lên lịch họp đến hết tháng sau: ngày họp không được sau {}.",
                day(*latest)
            ),
        }
    }

    fn second_regular(&self, number: &str, date: NaiveDate) -> String {
        format!(
            "Tháng này đã có buổi sinh hoạt thường kỳ ({number}, ngày {}). Vẫn tạo thêm một buổi thường kỳ nữa?",
            day(date)
        )
    }
}
