//! Tiếng Việt: texts of the member import's bounds, refused lines and conflicts.

use super::{ImportCatalogue, ImportText};
use crate::domain::date::format_date;

/// The Vietnamese import texts.
#[derive(Debug, Clone, Copy)]
pub struct ImportVi;

const UNCHANGED: &str = "Dữ liệu không thay đổi.";

fn born(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(
        || "không ghi ngày sinh".to_string(),
        |d| format!("sinh {}", format_date(d)),
    )
}

impl ImportCatalogue for ImportVi {
    fn text(&self, t: ImportText<'_>) -> String {
        use ImportText::*;
        match t {
            FileTooLarge(f, mb) => format!(
                "Tệp {f} lớn hơn {mb} MB, quá lớn để nhập danh sách đảng viên. Hãy chọn đúng tệp, hoặc chia danh sách thành nhiều tệp nhỏ hơn. {UNCHANGED}"
            ),
            TooManyRows(n) => format!(
                "Tệp có hơn {n} dòng dữ liệu; mỗi lần nhập tối đa {n} dòng. Hãy chia danh sách thành nhiều tệp. {UNCHANGED}"
            ),
            TooManyColumns(line, n) => format!(
                "Dòng {line} có hơn {n} ô; danh sách đảng viên chỉ có khoảng 20 cột. Có thể tệp không phải danh sách đảng viên, hoặc dấu phân cách bị sai. {UNCHANGED}"
            ),
            CellBeyond(cell, n) => format!(
                "Ô {cell} có dữ liệu nhưng nằm ngoài {n} cột đầu được đọc. Hãy xoá ô đó (hoặc chép bảng sang trang tính mới) rồi nhập lại. {UNCHANGED}"
            ),
            CellTooLong(cell, n) => format!(
                "Ô {cell} dài hơn {n} ký tự (giới hạn của Excel): tệp hỏng hoặc không phải danh sách đảng viên. {UNCHANGED}"
            ),
            PartTooLarge(part, mb) => format!(
                "Tệp Excel giải nén ra quá lớn (phần {part} vượt {mb} MB): tệp hỏng hoặc có thể là tệp độc hại. {UNCHANGED}"
            ),
            TooMuchText(mb) => format!(
                "Các ô của tệp Excel chứa hơn {mb} MB chữ, quá lớn cho một danh sách đảng viên. {UNCHANGED}"
            ),
            TooManyEntries(n) => {
                format!("Tệp nén có hơn {n} phần, không phải một sổ Excel bình thường. {UNCHANGED}")
            }
            UnclosedQuote(line) => format!(
                "Dòng {line}: dấu ngoặc kép (\") mở ở dòng này không bao giờ đóng; dòng này bị từ chối, các dòng sau vẫn được đọc. Hãy sửa dấu ngoặc kép trong tệp."
            ),
            QuoteAcrossLines(line, to, col) => format!(
                "Dòng {line}–{to}: ô \"{col}\" mở dấu ngoặc kép ở dòng {line} và chỉ đóng ở dòng {to}, nên nuốt mất các dòng ở giữa; các dòng này bị từ chối. Hãy sửa dấu ngoặc kép trong tệp."
            ),
            CardOwner(line, card, who, who_born, row, row_born) => format!(
                "Dòng {line}: số thẻ {card} là của đảng viên {who} ({}), nhưng dòng này ghi {row} ({}). Khác người nên KHÔNG ghi đè; hãy kiểm tra lại số thẻ trong tệp.",
                born(who_born),
                born(row_born)
            ),
            LooksLike(line, row, row_born, who, who_born) => format!(
                "Dòng {line}: \"{row}\" ({}) trông giống đảng viên đã có \"{who}\" ({}): có thể trùng người, nên KHÔNG thêm. Nếu đúng là người khác, hãy ghi ngày sinh để phân biệt rồi nhập lại.",
                born(row_born),
                born(who_born)
            ),
            Cleaned(line, col, n) => format!(
                "Dòng {line}, cột \"{col}\": đã bỏ {n} ký tự vô hình hoặc ký tự đảo chiều chữ (như U+200B, U+202E)."
            ),
            ConflictsHeld(n) => format!(
                "{n} dòng bị giữ lại vì có thể ghi nhầm người: sửa tệp (hoặc hồ sơ đảng viên) rồi nhập lại các dòng đó."
            ),
        }
    }
}
