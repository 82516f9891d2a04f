//! Vietnamese texts of the month.

use super::{MonthCatalogue, numbered};

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
}
