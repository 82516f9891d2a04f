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
            ReceiptsNotice::Paid(member, m, payer) if payer.is_empty() => {
                format!("Đã ghi: {member} đóng tháng {m}")
            }
            ReceiptsNotice::Paid(member, m, payer) => {
                format!("Đã ghi: {member} đóng tháng {m} — người nộp hộ: {payer}")
            }
            ReceiptsNotice::HandedOn(m, amount, to) => format!(
                "Đã ghi: nộp {to} {} đồng đảng phí tháng {m}",
                crate::domain::dues::group_thousands(*amount, '.')
            ),
        }
    }

    fn bad_month(&self, typed: &str) -> String {
        format!("--month: «{typed}» không phải là tháng; cần dạng mm/yyyy, ví dụ 11/2026.")
    }
}
