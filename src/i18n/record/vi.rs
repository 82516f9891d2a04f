//! Tiếng Việt: texts of the study screen and the completeness check.

use super::{RecordCatalogue, RecordMsg, RecordText, StudyField};
use crate::domain::completeness::Gap;
use crate::domain::date::format_date;
use crate::domain::stats::format_permille;
use crate::domain::study::RowProblem;
use crate::domain::study::{Level, StudyError};
use crate::i18n::ChangeKind;

/// The Vietnamese texts of the study screen and the completeness check.
#[derive(Debug, Clone, Copy)]
pub struct RecordVi;

impl RecordCatalogue for RecordVi {
    fn msg(&self, m: RecordMsg) -> &'static str {
        use RecordMsg::*;
        match m {
            ScreenName => "Học tập nghị quyết",
            ColNumber => "Số hiệu",
            ColTitle => "Trích yếu",
            ColLevel => "Cấp",
            ColDate => "Ngày ban hành",
            ColSessions => "Buổi học",
            ColStudied => "Đã học",
            ColName => "Họ và tên",
            ColStudy => "Học tập",
            NotStudied => "Chưa học",
            NoResolutions => "Chưa có nghị quyết nào. F7 hoặc Insert: thêm nghị quyết.",
            FormNewResolution => "Thêm nghị quyết",
            FormEditResolution => "Sửa nghị quyết",
            FormSession => "Buổi học tập, quán triệt",
            FormMakeUp => "Học bù",
            PickHeading => "Đánh dấu người dự: Enter chọn/bỏ, F6 chọn tất cả, F2 lưu, Esc bỏ",
            Sessions => "Các buổi học",
            NoSessions => "Chưa có buổi học. F7 hoặc Insert: thêm buổi học.",
            CompletenessTitle => "Hồ sơ đảng viên còn thiếu",
            AllComplete => "Hồ sơ của mọi đảng viên đã đủ các mục cần cập nhật.",
            ColGaps => "Còn thiếu",
            ConfirmDelete => "Xóa nghị quyết",
            StudiesTitle => "Kết quả học tập, quán triệt nghị quyết",
            ColWho => "Đã học",
            ColMissing => "Chưa học",
            Ticked => "[x]",
            NothingImported => "Không nhập gì: hãy sửa các dòng trên rồi nhập lại cả tệp.",
        }
    }

    fn text(&self, t: RecordText<'_>) -> String {
        match t {
            RecordText::Figure(f) => format!(
                "{}/{} đảng viên đã học ({})",
                f.studied,
                f.expected,
                format_permille(f.permille())
            ),
            RecordText::YearFigure(y, f) => format!(
                "Năm {y}: {}/{} lượt đảng viên đã học ({})",
                f.studied,
                f.expected,
                format_permille(f.permille())
            ),
            RecordText::Session(d, n) => format!("{}: {n} người", format_date(d)),
            RecordText::StudiedOn(d, false) => format!("Học ngày {}", format_date(d)),
            RecordText::StudiedOn(d, true) => format!("Học bù ngày {}", format_date(d)),
            RecordText::Refused(e, name) => refused(e, name),
            RecordText::Change(kind, number) => {
                let verb = match kind {
                    ChangeKind::Created => "thêm",
                    ChangeKind::Changed => "sửa",
                    ChangeKind::Deleted => "xóa",
                };
                format!("{verb} nghị quyết {number} và việc học tập")
            }
            RecordText::SessionSaved(n) => format!("Đã lưu buổi học, {n} người dự."),
            RecordText::IncompleteCount(n, of) => {
                format!("{n}/{of} đảng viên còn thiếu mục trong hồ sơ")
            }
            RecordText::Ticked(n) => format!("Đã chọn {n} người"),
            RecordText::Imported(r, n) => {
                format!("Đã nhập {n} lượt học tập vào {r} nghị quyết.")
            }
            RecordText::ImportRow(line, p) => format!("Dòng {line}: {}", import_problem(p)),
            RecordText::OldCards(cards) => {
                let list: Vec<String> = cards
                    .iter()
                    .map(|c| format!("{} (đến {})", c.number, format_date(c.until)))
                    .collect();
                format!("số cũ: {}", list.join(", "))
            }
        }
    }

    fn field(&self, f: StudyField) -> &'static str {
        match f {
            StudyField::Number => "Số hiệu",
            StudyField::Title => "Trích yếu",
            StudyField::Level => "Cấp ban hành",
            StudyField::Date => "Ngày ban hành",
            StudyField::StudyDate => "Ngày học",
            StudyField::Note => "Ghi chú",
        }
    }

    fn level(&self, l: Level) -> &'static str {
        match l {
            Level::Central => "Trung ương",
            Level::Province => "Tỉnh ủy, Thành ủy",
            Level::Local => "Huyện, quận, Đảng ủy phường, xã",
        }
    }

    fn level_short(&self, l: Level) -> &'static str {
        match l {
            Level::Central => "TW",
            Level::Province => "Tỉnh",
            Level::Local => "Huyện/Phường",
        }
    }

    fn gap(&self, g: Gap) -> &'static str {
        match g {
            Gap::Missing => "chưa có",
            Gap::InFuture => "sau ngày hôm nay",
            Gap::TooOld => "năm sinh quá sớm",
            Gap::AdmissionAge => "tuổi vào Đảng ngoài 18–60",
            Gap::BeforeProbationEnd => "trước khi hết 12 tháng dự bị",
            Gap::CardShape => "số thẻ sai độ dài",
        }
    }
}

fn refused(e: &StudyError, name: &str) -> String {
    match e {
        StudyError::NoNumber => "Số hiệu: cần nhập số hiệu nghị quyết, ví dụ 21-NQ/TW.".into(),
        StudyError::NoTitle => "Trích yếu: cần nhập trích yếu nghị quyết.".into(),
        StudyError::NumberTaken { number, title } => format!(
            "Số hiệu: {number} đã là nghị quyết «{title}»; nhập số hiệu khác hoặc sửa nghị quyết đó."
        ),
        StudyError::BeforeResolution { study, resolution } => format!(
            "Ngày học: {} trước ngày ban hành nghị quyết {}; cần ngày từ {} trở đi.",
            format_date(*study),
            format_date(*resolution),
            format_date(*resolution)
        ),
        StudyError::AlreadyStudied { on, .. } => format!(
            "Đồng chí {name} đã học nghị quyết này ngày {}; không cần học bù.",
            format_date(*on)
        ),
        StudyError::NobodyAttended => {
            "Người dự: chưa chọn ai; Enter để chọn người dự buổi học.".into()
        }
    }
}

fn import_problem(p: &RowProblem) -> String {
    match p {
        RowProblem::MissingColumn(c) => format!("thiếu cột «{c}» ở dòng tiêu đề."),
        RowProblem::Empty(c) => format!("{c}: chưa có."),
        RowProblem::BadDate(c, t) => format!("{c}: «{t}» không phải ngày dạng 05/11/2026."),
        RowProblem::UnknownLevel(t) => {
            format!("Cấp: «{t}» không rõ; ghi TW, Tỉnh hoặc Huyện/Phường.")
        }
        RowProblem::UnknownHow(t) => {
            format!("Hình thức: «{t}» không rõ; ghi Học tập, Học bù hoặc Chưa học.")
        }
        RowProblem::NoSuchMember(n) => {
            format!("Họ và tên: chi bộ không có đảng viên «{n}» (kiểm tra họ tên, ngày sinh).")
        }
        RowProblem::SameName(n) => {
            format!("Họ và tên: có nhiều đảng viên tên «{n}»; ghi thêm ngày sinh để phân biệt.")
        }
        RowProblem::Refused(e, name) => refused(e, name),
    }
}
