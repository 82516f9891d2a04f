//! Tiếng Việt: texts of the ward screen.

use super::{WardCatalogue, WardText};
use crate::domain::date::format_date;
use crate::store::bundle::BundleError;

/// The Vietnamese texts of the ward screen.
#[derive(Debug, Clone, Copy)]
pub struct WardVi;

fn reason(e: &BundleError) -> String {
    match e {
        BundleError::Unreadable(why) => format!("không đọc được tệp ({why})"),
        BundleError::NotABundle => "không phải gói dữ liệu Sổ chi bộ".into(),
        BundleError::TooLarge(n) => {
            format!("tệp quá lớn ({n} byte), không phải gói của một chi bộ")
        }
        BundleError::Newer => {
            "gói lập bằng phiên bản Sổ chi bộ mới hơn: cần cập nhật chương trình".into()
        }
        BundleError::Damaged(_) => {
            "gói đã hỏng, bị cắt cụt hoặc bị sửa (số kiểm tra không khớp): xin chi bộ gửi lại"
                .into()
        }
        BundleError::Sealed => {
            "dữ liệu đã mã hóa: chi bộ cần xuất gói số liệu (F6 ở màn Báo cáo)".into()
        }
        BundleError::NoBranch => "gói chưa có tên chi bộ (chi bộ chưa khai báo)".into(),
    }
}

impl WardCatalogue for WardVi {
    fn text(&self, t: WardText<'_>) -> String {
        match t {
            WardText::Title(dir) => format!("Sổ chi bộ · Đảng ủy phường · {dir}"),
            WardText::ColBranch => "Chi bộ / tệp".into(),
            WardText::ColMade => "Ngày lập".into(),
            WardText::ColPeriod => "Kỳ số liệu".into(),
            WardText::ColState => "Tình trạng".into(),
            WardText::Period(a, b) => format!("{}–{}", &format_date(a)[..5], &format_date(b)[..5]),
            WardText::Received => "Đã nhận".into(),
            WardText::Replaces(f) => format!("Đã nhận (thay gói cũ {f})"),
            WardText::OlderThanReceived(d) => {
                format!("Cũ hơn gói đã nhận trước đây (lập {})", format_date(d))
            }
            WardText::Superseded(f) => format!("Gói cũ: đã thay bằng {f}"),
            WardText::Duplicate(f) => format!("Trùng với {f} (cùng chi bộ, cùng lúc lập): không cộng"),
            WardText::NotListed => "Chi bộ không có trong danh sách của phường: không cộng (F7 để thêm)".into(),
            WardText::NotReceived => "Chưa nhận".into(),
            WardText::Refused(e) => format!("Từ chối: {}", reason(e)),
            WardText::OtherFile => "Không phải gói dữ liệu: bỏ qua".into(),
            WardText::Counts {
                listed,
                received,
                refused,
            } => format!(
                "Đã nhận {received}/{listed} chi bộ; chưa nhận {}; {refused} tệp bị từ chối hoặc không cộng.",
                listed.saturating_sub(received)
            ),
            WardText::ReadOnly => "Thư mục chỉ đọc: màn hình vẫn làm việc nhưng không ghi được sổ ghi nhớ và danh sách chi bộ.".into(),
            WardText::NotesFailed(f, why) => format!("Không ghi được sổ ghi nhớ {f}: {why}"),
            WardText::ListFromBundles(f) => format!(
                "Chưa có danh sách chi bộ ({f}): tạm lấy từ các gói. F7 thêm, F2 đổi tên, F8 bỏ để lập danh sách."
            ),
            WardText::Empty(dir) => format!(
                "Thư mục chưa có gói nào. Chép các tệp .scb các chi bộ gửi vào {dir}."
            ),
            WardText::AddPrompt => "Thêm chi bộ — tên chi bộ (Enter: lưu, Esc: thôi):".into(),
            WardText::RenamePrompt(old) => format!("Đổi tên chi bộ «{old}» — tên mới (Enter: lưu, Esc: thôi):"),
            WardText::NameEmpty => "Tên chi bộ: cần nhập tên, ví dụ «Chi bộ Tổ dân phố số 5».".into(),
            WardText::NameTaken(n) => format!("Tên chi bộ: «{n}» đã có trong danh sách."),
            WardText::NameTooLong(n) => format!("Tên chi bộ: dài quá, tối đa {n} ký tự."),
            WardText::DropQuestion(n) => format!(
                "Bỏ chi bộ «{n}» khỏi danh sách của phường? Các gói trong thư mục không bị xóa."
            ),
            WardText::Added(n) => format!("Đã thêm chi bộ «{n}» vào danh sách."),
            WardText::Renamed(a, b) => format!("Đã đổi tên «{a}» thành «{b}»."),
            WardText::Dropped(n) => format!("Đã bỏ chi bộ «{n}» khỏi danh sách."),
            WardText::ListNotSaved(f, why) => {
                format!("Không lưu được danh sách chi bộ ({f}): {why}. Danh sách không đổi.")
            }
            WardText::Exported(w) => format!("Đã xuất {w}"),
            WardText::ExportFailed(why) => format!("Không xuất được: {why}"),
            WardText::NotABranchRow => {
                "Dòng này là một tệp, không phải chi bộ trong danh sách: chọn một chi bộ.".into()
            }
            WardText::Find(t) => format!("Tìm: {t}"),
            WardText::NoMatch(t) => format!("Không thấy «{t}»."),
            WardText::Figures(s, y) => format!("{s} — năm {y}"),
            WardText::HintRename => "Đổi tên".into(),
            WardText::HintPrevSection => "Phần trước".into(),
            WardText::EditAdd(n) => format!("thêm chi bộ «{n}» vào danh sách"),
            WardText::EditRename(a, b) => format!("đổi tên «{a}» thành «{b}»"),
            WardText::EditDrop(n) => format!("bỏ chi bộ «{n}» khỏi danh sách"),
            WardText::HelpScroll => "Cuộn phần số liệu".into(),
            WardText::HelpTitle => "Phím của màn hình Đảng ủy phường".into(),
            WardText::HelpFind => "Gõ chữ: tìm chi bộ trong danh sách (Backspace xóa chữ vừa gõ).".into(),
            WardText::HelpClose => "Esc hoặc F1: đóng trợ giúp.".into(),
            WardText::LateFlags(n) => {
                format!("- Việc làm quá hạn, có ghi lý do (cờ MUỘN): {n}")
            }
            WardText::LateByRule(rule, n) => format!("  + {rule}: {n}"),
            WardText::LateCandidate(branch, k) => format!("  {branch} — quần chúng số {k}:"),
            WardText::LateRule(rule) => format!("    [MUỘN] {rule}"),
            WardText::LateDates(due, done) => format!(
                "    hạn {}, làm ngày {}",
                format_date(due),
                format_date(done)
            ),
            WardText::LateReason(why) => format!("    lý do: {why}"),
            WardText::LateNotInBundle(n) => format!(
                "- Cờ MUỘN: {n} chi bộ {} (gói cũ), chưa cộng vào số trên",
                super::NOT_IN_BUNDLE
            ),
            WardText::ColLate => "Cờ muộn".into(),
        }
    }

    fn section(&self, i: usize) -> &'static str {
        [
            "Cơ cấu",
            "Biến động",
            "Sinh hoạt",
            "Xếp loại",
            "Đảng phí",
            "Kết nạp",
            "Miễn SH",
            "Huy hiệu",
            "Nơi cư trú",
        ]
        .get(i)
        .copied()
        .unwrap_or("")
    }
}
