//! Tiếng Việt: texts of the liaison members' screen.

use super::{LiaisonCatalogue, LiaisonMsg};
use crate::domain::date::format_date;
use crate::domain::liaison::{LiaisonField, LiaisonFigures, LiaisonKind, LiaisonProblem};
use crate::domain::rules::{self, RuleId};
use crate::i18n::ChangeKind;

/// The Vietnamese texts of the liaison screen.
#[derive(Debug, Clone, Copy)]
pub struct LiaisonVi;

impl LiaisonCatalogue for LiaisonVi {
    fn msg(&self, m: LiaisonMsg) -> &'static str {
        use LiaisonMsg::*;
        match m {
            ScreenName => "Liên hệ cư trú",
            ListTitle => "Đảng viên giữ mối liên hệ với nơi cư trú (QĐ 213-QĐ/TW)",
            ColName => "Họ và tên",
            ColBirthYear => "Sinh",
            ColWorkplace => "Nơi công tác",
            ColKind => "Diện",
            ColComment => "Nhận xét",
            Empty => "Chưa có đảng viên nào giữ mối liên hệ.",
            Contacts => "Sổ liên hệ",
            Comments => "Nhận xét hằng năm",
            NoContacts => "Chưa ghi lần liên hệ nào.",
            NoComments => "Chưa có nhận xét.",
            NotSent => "Đã viết, chưa gửi",
            Due => "Chưa nhận xét",
            NotYearly => "Không NX hằng năm",
            FormNew => "Thêm đảng viên giữ mối liên hệ nơi cư trú",
            FormEdit => "Sửa thông tin đảng viên giữ mối liên hệ",
            FormContact => "Ghi một lần liên hệ",
            FormComment => "Nhận xét hằng năm gửi nơi công tác",
            FormJoin => "Chuyển sinh hoạt đảng về chi bộ",
            FormFromMember => "Đảng viên đã chuyển đi, nay giữ mối liên hệ nơi cư trú",
            ConfirmDelete => "Xóa đảng viên giữ mối liên hệ",
            Linked => "Hồ sơ đảng viên của chi bộ",
            Letter => "Giấy giới thiệu",
            NothingSelected => "Chưa chọn ai trong danh sách.",
            NoneTransferred => "Không có đảng viên nào đã chuyển sinh hoạt chính thức đi.",
            Joined => "Đã chuyển sinh hoạt về chi bộ: hồ sơ đảng viên đã được tạo và liên kết.",
            Exported => "Đã ghi nhận xét ra",
            AlreadyLinked => "Đồng chí này đã có hồ sơ đảng viên của chi bộ (đã liên kết).",
        }
    }

    fn field(&self, f: LiaisonField) -> &'static str {
        use LiaisonField as F;
        match f {
            F::FullName => "Họ và tên",
            F::BirthYear => "Năm sinh",
            F::Kind => "Diện (HD 33 điểm 1)",
            F::Address => "Địa chỉ nơi cư trú",
            F::Workplace => "Nơi công tác",
            F::WorkplaceParty => "Chi bộ nơi công tác",
            F::LetterNumber => "Số giấy giới thiệu",
            F::LetterReceived => "Ngày nhận giới thiệu",
            F::Phone => "Điện thoại",
            F::Notes => "Ghi chú",
            F::ContactDate => "Ngày",
            F::ContactWhat => "Nội dung",
            F::CommentYear => "Năm nhận xét",
            F::Comment => "Nhận xét của chi bộ",
            F::FrontOpinion => "Ý kiến BCT Mặt trận",
            F::SentOn => "Ngày gửi",
            F::JoinDate => "Ngày chuyển đến",
            F::FromMember => "Đảng viên đã chuyển đi",
        }
    }

    fn kind(&self, k: LiaisonKind) -> &'static str {
        match k {
            LiaisonKind::Ordinary => "Giới thiệu về sinh hoạt, nhận xét hằng năm",
            LiaisonKind::ExemptFromActivity => {
                "Có giới thiệu nhưng miễn sinh hoạt nơi cư trú (HD 33 điểm 1.1)"
            }
            LiaisonKind::ExemptFromIntroduction => "Miễn giới thiệu (HD 33 điểm 1.2)",
        }
    }

    fn kind_short(&self, k: LiaisonKind) -> &'static str {
        match k {
            LiaisonKind::Ordinary => "Thường",
            LiaisonKind::ExemptFromActivity => "Miễn SH (1.1)",
            LiaisonKind::ExemptFromIntroduction => "Miễn GT (1.2)",
        }
    }

    fn problem(&self, p: &LiaisonProblem) -> String {
        match p {
            LiaisonProblem::SameAsMember(name, year) => format!(
                "trùng họ tên và năm sinh với đảng viên {name} ({year}) của chi bộ: đảng viên của chi bộ không ghi vào danh sách liên hệ nơi cư trú; nếu đã chuyển đi, dùng «Đảng viên đã chuyển đi» trên màn hình này."
            ),
            LiaisonProblem::CommentSent(year, on) => format!(
                "nhận xét năm {year} đã gửi ngày {}: không viết lại; chọn năm khác hoặc hoàn tác (Ctrl+Z) nếu ghi nhầm.",
                format_date(*on)
            ),
            LiaisonProblem::BirthYear(lo, hi) => {
                format!("cần nhập năm sinh 4 chữ số, từ {lo} đến {hi}.")
            }
        }
    }

    fn change(&self, kind: ChangeKind, name: &str) -> String {
        let verb = match kind {
            ChangeKind::Created => "thêm",
            ChangeKind::Changed => "sửa",
            ChangeKind::Deleted => "xóa",
        };
        format!("{verb} hồ sơ liên hệ nơi cư trú của {name}")
    }

    fn figures(&self, year: i32, f: &LiaisonFigures) -> String {
        format!(
            "{} đảng viên giữ mối liên hệ; nhận xét năm {year}: đã gửi {}/{}",
            f.members, f.sent, f.yearly
        )
    }

    fn due(&self, name: &str, year: i32) -> String {
        format!(
            "Chưa gửi nhận xét năm {year} về {name} (đảng viên giữ mối liên hệ nơi cư trú; {}; từ tháng {}).",
            rules::rule(RuleId::LiaisonCommentMonth).source,
            rules::value(RuleId::LiaisonCommentMonth)
        )
    }

    fn not_found(&self, name: &str) -> String {
        format!(
            "Không có đảng viên giữ mối liên hệ nào tên \"{name}\" (xem: sochibo export liaison)."
        )
    }

    fn sent(&self, on: chrono::NaiveDate) -> String {
        format!("Đã gửi {}", format_date(on))
    }
}
