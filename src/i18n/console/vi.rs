//! Tiếng Việt: texts that keep the screen readable on any console.

use super::{ConsoleCatalogue, ConsoleMsg};

/// The Vietnamese texts.
#[derive(Debug, Clone, Copy)]
pub struct ConsoleVi;

impl ConsoleCatalogue for ConsoleVi {
    fn msg(&self, m: ConsoleMsg) -> &'static str {
        match m {
            ConsoleMsg::Overdue => "quá hạn",
            ConsoleMsg::AsciiChosen => {
                "Bảng điều khiển này không hiện được dấu và khung: đang vẽ bằng chữ ASCII. Mở trong Windows Terminal, hoặc chạy với --unicode để vẽ đủ."
            }
        }
    }

    fn month_legend(&self, regular: &str, thematic: &str, none: &str) -> String {
        format!("{regular} thường kỳ  {thematic} chuyên đề  {none} chưa họp")
    }
}
