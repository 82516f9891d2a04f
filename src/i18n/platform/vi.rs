//! Tiếng Việt: texts about how and where the program runs.

use super::{PlatformCatalogue, PlatformMsg};

/// The Vietnamese texts about how and where the program runs.
#[derive(Debug, Clone, Copy)]
pub struct PlatformVi;

impl PlatformCatalogue for PlatformVi {
    fn msg(&self, m: PlatformMsg) -> &'static str {
        match m {
            PlatformMsg::NoTerminal => {
                "Sổ chi bộ cần một cửa sổ dòng lệnh để hiện màn hình làm việc, nhưng lần này \
                 nó được chạy mà không có cửa sổ nào (hoặc cửa sổ không dùng được).\n\
                 Cách mở:\n\
                 - Trên Windows: nhấp đúp vào tệp MO-SO-CHI-BO.bat nằm cạnh sochibo.exe;\n  \
                 hoặc mở Command Prompt (cmd) rồi gõ: sochibo\n\
                 - Trên Linux hay macOS: mở Terminal rồi gõ: sochibo\n\
                 Các lệnh như \"sochibo export members\" vẫn chạy được mà không cần cửa sổ."
            }
            PlatformMsg::OpenedWindow => {
                "Sổ chi bộ đã tự mở cửa sổ này vì lần này nó được chạy mà không có cửa sổ dòng lệnh.\n\
                 Nhấn Enter để bắt đầu, Esc để đóng (cửa sổ tự đóng sau 60 giây nếu không ai nhấn).\n\
                 Lần sau, hãy mở bằng tệp MO-SO-CHI-BO.bat nằm cạnh sochibo.exe."
            }
            PlatformMsg::OpenedWindowClosed => {
                "Đã đóng: chưa bắt đầu. Mở lại bằng tệp MO-SO-CHI-BO.bat nằm cạnh sochibo.exe."
            }
        }
    }
}
