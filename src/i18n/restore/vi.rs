//! Tiếng Việt: the damage warning on the home screen and its restore.

use super::{RestoreCatalogue, RestoreText};

/// The Vietnamese texts of the damage warning.
#[derive(Debug, Clone, Copy)]
pub struct RestoreVi;

impl RestoreCatalogue for RestoreVi {
    fn text(&self, t: RestoreText<'_>) -> String {
        match t {
            RestoreText::NewestBackup(p, n, when) => {
                format!("Bản sao lưu tốt mới nhất: {p} ({n} đảng viên, lập lúc {when}).")
            }
            RestoreText::NoBackup(dir) => {
                format!("Chưa có bản sao lưu tốt nào trong {dir}.")
            }
            RestoreText::Keys(Some(restore), dismiss) => format!(
                "Nhấn {restore} để phục hồi bản sao lưu này, {dismiss} để bỏ cảnh báo (bản bị hỏng vẫn được giữ)."
            ),
            RestoreText::Keys(None, dismiss) => {
                format!("Nhấn {dismiss} để bỏ cảnh báo (bản bị hỏng vẫn được giữ).")
            }
            RestoreText::AskRestore(p, n, when) => format!(
                "Phục hồi {n} đảng viên từ bản sao lưu {p} (lập lúc {when})? Dữ liệu đang mở được giữ lại nguyên vẹn trong một thư mục sled.before-restore."
            ),
            RestoreText::AskDismiss(Some(p)) => {
                format!("Bỏ cảnh báo dữ liệu hỏng? Bản bị hỏng vẫn được giữ ở {p}.")
            }
            RestoreText::AskDismiss(None) => "Bỏ cảnh báo dữ liệu hỏng?".into(),
            RestoreText::Restored(n, p) => {
                format!("Đã phục hồi {n} đảng viên từ bản sao lưu {p}.")
            }
            RestoreText::Failed(why) => {
                format!("Phục hồi không thành công: {why}. Dữ liệu hiện tại không thay đổi.")
            }
        }
    }
}
