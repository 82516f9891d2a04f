//! Vietnamese texts of the receipt list.

use super::{ReceiptsCatalogue, ReceiptsNotice};

/// Vietnamese.
pub struct ReceiptsVi;

impl ReceiptsCatalogue for ReceiptsVi {
    fn notice(&self, n: &ReceiptsNotice) -> String {
        match n {
            ReceiptsNotice::NobodyPaid(m) => format!(
                "Tháng {m} chưa ghi nhận khoản đảng phí nào được thu: không lập danh sách thu trống. Ghi nhận người đã đóng trước rồi in lại."
            ),
        }
    }

    fn bad_month(&self, typed: &str) -> String {
        format!("--month: «{typed}» không phải là tháng; cần dạng mm/yyyy, ví dụ 11/2026.")
    }
}
