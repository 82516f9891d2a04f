//! Tiếng Việt: texts about damaged or read-only data.

use super::{RecoveryCatalogue, RecoveryText};

/// The Vietnamese texts about damaged or read-only data.
#[derive(Debug, Clone, Copy)]
pub struct RecoveryVi;

impl RecoveryCatalogue for RecoveryVi {
    fn text(&self, t: RecoveryText<'_>) -> String {
        match t {
            RecoveryText::DamageFound(dir, when, why) => {
                let why = match why {
                    Some(d) => format!("cơ sở dữ liệu không đọc được ({d})"),
                    None => "một phần các thay đổi đã lưu không còn trong cơ sở dữ liệu".to_string(),
                };
                format!("CẢNH BÁO: lúc {when}, dữ liệu trong thư mục {dir} bị hỏng: {why}.")
            }
            RecoveryText::DamagedKept(p) => {
                format!("Bản bị hỏng được giữ nguyên ở {p} (không xóa gì).")
            }
            RecoveryText::RestoredFrom(p, n, when) => format!(
                "Sổ đã được tự động phục hồi từ bản sao lưu {p} ({n} đảng viên, lập lúc {when}). Những thay đổi lưu sau lúc đó có thể chỉ còn trong bản bị hỏng."
            ),
            RecoveryText::StartedEmpty => {
                "Không có bản sao lưu nào dùng được để tự phục hồi: sổ hiện đang trống.".into()
            }
            RecoveryText::HowToDismiss(cmd) => format!(
                "Cảnh báo này hiện mỗi lần mở cho đến khi phục hồi một bản sao lưu hoặc bỏ qua nó bằng lệnh:\n    {cmd}"
            ),
            RecoveryText::EmptyRefused => "Lệnh không chạy: sổ đang trống vì dữ liệu bị hỏng, không phải vì chi bộ không có ai. Hãy phục hồi một bản sao lưu, hoặc bỏ qua cảnh báo để bắt đầu sổ mới.".into(),
            RecoveryText::Dismissed(Some(p)) => {
                format!("Đã bỏ cảnh báo dữ liệu hỏng. Bản bị hỏng vẫn được giữ ở {p}.")
            }
            RecoveryText::Dismissed(None) => "Đã bỏ cảnh báo dữ liệu hỏng.".into(),
            RecoveryText::NothingToDismiss(dir) => {
                format!("Dữ liệu trong thư mục {dir} không có cảnh báo hỏng nào.")
            }
            RecoveryText::ReadOnly(dir, why) => format!(
                "Thư mục dữ liệu {dir} chỉ đọc được, không ghi được ({why}): vẫn xem, in và xuất ra nơi khác được, nhưng không lưu được thay đổi nào. Ổ đĩa đầy, thẻ nhớ/USB bị khóa ghi, hoặc không có quyền ghi?"
            ),
        }
    }
}
