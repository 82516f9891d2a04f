//! Vietnamese texts of the month.

use chrono::NaiveDate;

use super::{MonthCatalogue, day, numbered};
use crate::domain::meeting::{MonthNotice, MonthProblem};

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

    fn proposal_title(&self) -> &'static str {
        "Kiến nghị của đảng viên"
    }

    fn delete_proposal(&self, who: &str, text: &str) -> String {
        format!("Xóa kiến nghị của {who}: «{text}»?")
    }

    fn proposal_line(&self, who: &str, text: &str, answer: &str) -> String {
        if answer.is_empty() {
            format!("{who}: {text} → (chưa trả lời)")
        } else {
            format!("{who}: {text} → {answer}")
        }
    }

    fn task_done(&self, on: NaiveDate) -> String {
        format!("đã xong {}", day(on))
    }

    fn second_regular(&self, number: &str, date: NaiveDate) -> String {
        format!(
            "Tháng này đã có buổi sinh hoạt thường kỳ ({number}, ngày {}). Vẫn tạo thêm một buổi thường kỳ nữa?",
            day(date)
        )
    }

    fn withdraw_title(&self, name: &str) -> String {
        format!("Thôi theo dõi (rút khỏi quá trình kết nạp) — {name}: ngày và lý do")
    }

    fn usual_day(&self, day: u32) -> String {
        format!("ngày {day} hằng tháng")
    }

    fn notice(&self, n: &MonthNotice) -> String {
        match *n {
            MonthNotice::NoticeAfterMeeting => {
                "Thông báo triệu tập viết trước buổi họp; buổi này đã họp (hoặc đã thông qua biên bản).".into()
            }
            MonthNotice::DuesOfMonth { month, year, owing } => format!(
                "Đảng phí tháng {month}/{year}: còn {owing} đồng chí chưa đóng · Esc: về buổi họp"
            ),
        }
    }
}
