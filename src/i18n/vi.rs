//! Tiếng Việt: the default catalogue.

use super::{
    Catalogue, ChangeKind, Cli, MeetingTab as Tab, Msg, RecordLabel, ReviewMsg, ReviewNotice,
};
use crate::domain::branch::BranchField;
use crate::domain::lifecycle::{EventField, LifeWarning};
use crate::domain::meeting::{Counts, MeetingField, MeetingKind, Threshold};
use crate::domain::member::{
    DisciplineLevel, EventKind, ExemptionReason, Gender, Occupation, PoliticalTheory, Professional,
    RemovalCause, Status,
};
use crate::domain::review::{Exclusion, Grade, ReviewField, ReviewWarning};
use crate::domain::rules::{self, RuleId};
use crate::domain::todo::TodoItem;
use crate::domain::validate::{Field, Problem, Warning};
use crate::keymap::KeymapProblem;
use crate::keymap::action::{Action, Context};
use crate::store::Damage;

/// The Vietnamese catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Vi;

impl Catalogue for Vi {
    fn screen_short(&self, number: u8) -> &'static str {
        match number {
            0 => "Việc",
            1 => "ĐV",
            2 => "CB",
            3 => "SH",
            4 => "ĐP",
            5 => "Miễn",
            6 => "BC",
            7 => "KN",
            8 => "ĐG",
            9 => "213",
            11 => "HT",
            10 => "QĐ",
            _ => "",
        }
    }

    fn msg(&self, m: Msg) -> &'static str {
        use Msg::*;
        match m {
            AppName => "Sổ chi bộ",
            DemoBanner => " DỮ LIỆU MẪU ",
            ScreenMembers => "Đảng viên",
            ScreenBranch => "Chi bộ",
            SearchPrompt => "Tìm: ",
            NoMatch => "Không tìm thấy đảng viên nào khớp.",
            EmptyRoster => "Chưa có đảng viên nào. Nhấn F7 (hoặc Insert) để thêm.",
            ColNo => "STT",
            ColName => "Họ và tên",
            ColBorn => "Năm sinh",
            ColStatus => "Trạng thái",
            ColAdmitted => "Vào Đảng",
            ColCard => "Số thẻ",
            ColPhone => "Điện thoại",
            FilterActive => "Đang sinh hoạt",
            FilterAll => "Tất cả",
            FilterOfficial => "Chính thức",
            FilterProbationary => "Dự bị",
            FilterExempt => "Miễn SH",
            FilterLeft => "Đã ra khỏi DS",
            Comrades => "đồng chí",
            FormNewMember => "Thêm đảng viên",
            FormEditMember => "Sửa thông tin đảng viên",
            FormBranchSetup => "Khai báo chi bộ",
            FormEditBranch => "Sửa thông tin chi bộ",
            SetupIntro => {
                "Chào đồng chí! Trước khi bắt đầu, hãy khai báo thông tin chi bộ. Các ô có dấu * là bắt buộc."
            }
            FormHint => "Ctrl-S lưu · Tab/↓ ô sau · ↑ ô trước · Esc hủy",
            ChoiceHint => "←/→ hoặc Space để chọn",
            DateHint => "dd/mm/yyyy",
            TermHint => "vd. 2025-2030",
            NotSet => "—",
            Saved => "Đã lưu.",
            Deleted => "Đã xóa",
            FormHasErrors => "Chưa lưu: có ô nhập chưa đúng (tô đỏ). Sửa rồi nhấn Ctrl-S.",
            ConfirmTitle => "Xác nhận",
            ConfirmDelete => "Xóa hồ sơ đảng viên",
            ConfirmQuitDirty => "Biểu mẫu đang sửa chưa lưu. Thoát và bỏ các thay đổi?",
            ConfirmDiscard => "Bỏ các thay đổi chưa lưu trong biểu mẫu?",
            HelpTitle => "Trợ giúp — phím tắt",
            HelpFooter => "Esc hoặc F1 để đóng · gõ chữ để lọc · ↑/↓ cuộn",
            TooSmall => "Cửa sổ quá nhỏ. Cần ít nhất 80×24 ký tự; hãy phóng to cửa sổ.",
            DetailTitle => "Hồ sơ đảng viên",
            SectionIdentity => "Lý lịch",
            SectionParty => "Đảng",
            SectionLevels => "Trình độ, nghề nghiệp",
            SectionTimeline => "Quá trình",
            KindOfficial => "Chính thức",
            KindProbationary => "Dự bị",
            LabelKind => "Loại đảng viên",
            LabelStatus => "Trạng thái",
            LabelAge => "Tuổi",
            Years => "tuổi",
            NoBranch => {
                "Chưa khai báo chi bộ. Hãy chạy sochibo để khai báo, hoặc sochibo --demo để xem dữ liệu mẫu."
            }
            KeymapErrors => "Tệp phím tắt có lỗi; các dòng lỗi được bỏ qua và dùng phím mặc định:",
            PressEnter => "Nhấn Enter để tiếp tục…",
            NothingSelected => "Chưa chọn đảng viên nào.",
            LabelTerm => "Nhiệm kỳ",
            WarningPrefix => "Lưu ý: ",
            KeymapConflict => "trùng phím",
            ScreenMeetings => "Sinh hoạt",
            NoMeetings => "Chưa có buổi sinh hoạt nào trong năm. Nhấn F7 để tạo.",
            ColNumber => "Số",
            ColDate => "Ngày",
            ColKind => "Loại",
            ColContent => "Nội dung",
            ColAttendance => "Có mặt",
            ColState => "Biên bản",
            StateDraft => "Dự thảo",
            StateApproved => "Đã thông qua",
            FormNewMeeting => "Tạo buổi sinh hoạt",
            FormMeetingInfo => "Thông tin buổi sinh hoạt",
            FormSpeech => "Ý kiến phát biểu",
            FormItem => "Nội dung chương trình",
            FormConclusion => "Kết luận của chủ trì",
            FormVote => "Biểu quyết",
            FormTask => "Phân công nhiệm vụ",
            FormAmendment => "Sửa đổi, bổ sung biên bản đã thông qua",
            FormAbsence => "Vắng có lý do",
            MarkPresent => "Có mặt",
            MarkExcused => "Vắng có lý do",
            MarkUnexcused => "Vắng không lý do",
            MarkUnmarked => "·",
            LabelConclusion => "Kết luận",
            NoConclusion => "(chưa có kết luận)",
            Passed => "Thông qua",
            NotPassed => "Không thông qua",
            TallyInvalid => "Số phiếu không hợp lệ",
            LabelDenominator => "Số đảng viên có quyền biểu quyết",
            MissingRegular => "Tháng chưa sinh hoạt thường kỳ",
            MissingThematic => "Quý chưa sinh hoạt chuyên đề",
            AttendanceTitle => "Chuyên cần trong năm (vắng không lý do)",
            AbsenceFlag => {
                "⚠ vắng không lý do ≥ 3 tháng (Điều lệ Đảng, Điều 8; QĐ 01-QĐ/TW): xem xét"
            }
            ApprovedOn => "Đã thông qua ngày",
            Amendments => "Sửa đổi, bổ sung",
            DraftRestored => "Đã khôi phục biểu mẫu đang gõ dở lần trước.",
            ExportedTo => "Đã xuất biên bản:",
            ConfirmApprove => {
                "Thông qua biên bản? Sau khi thông qua, biên bản không sửa được nữa; chỉ có thể thêm sửa đổi, bổ sung."
            }
            ConfirmDeleteMeeting => "Xóa dự thảo biên bản",
            ConfirmDeletePart => "Xóa mục đang chọn của biên bản?",
            Year => "Năm",
            RollHint => {
                "Enter có mặt · F4 vắng có lý do · F5 vắng không lý do · F6 tất cả có mặt · gõ tên để tìm"
            }
            NothingYet => "Chưa có. Nhấn F7 để thêm.",
            SectionTasks => "Nhiệm vụ được giao",
            MonthHint => "mm/yyyy",
            FormEvent => "Ghi sự kiện của đảng viên",
            ScreenExemptions => "Miễn SH, nhắc việc",
            ExemptedHeading => "Đảng viên được miễn, tạm miễn công tác và sinh hoạt đảng",
            RemindersHeading => "Cần chú ý",
            NothingToRemind => "Không có đảng viên được miễn và không có việc cần nhắc.",
            ColSince => "Từ ngày",
            ColUntil => "Đến ngày",
            ColReason => "Lý do",
            ColDecision => "Nghị quyết",
            FullExempt => "Miễn",
            TemporaryExempt => "Tạm miễn",
            EventSaved => "Đã ghi sự kiện.",
            ConfirmRemoveEvent => "Xóa sự kiện ghi gần nhất của đồng chí",
            TimelineHint => "F4 ghi sự kiện · F6 xóa sự kiện gần nhất",
            HistoryTitle => "Lịch sử thay đổi",
            HistoryHint => "Esc đóng · ↑/↓ cuộn",
            HistoryEmpty => "Chưa có thay đổi nào được ghi lại.",
            ChangeCreated => "Thêm mới",
            ChangeEdited => "Sửa",
            ChangeDeleted => "Xóa",
            HistoryUnreadable => "(không đọc được nội dung)",
            PartChanged => "đã sửa",
            NothingToUndo => "Không có thay đổi nào trong phiên làm việc này để hoàn tác.",
            NothingToRedo => "Không có gì để làm lại.",
            ScreenHome => "Việc cần làm",
            HomeHeading => "Việc cần làm, việc sắp đến hạn trước (chọn rồi Enter để mở)",
            HomeNothing => "Không có việc gì cần nhắc. Chúc đồng chí mạnh khỏe!",
            HomeNow => "cần làm",
            LabelGuests => "Khách mời",
            ScreenReports => "Báo cáo",
            ReportStats => "Cơ cấu",
            ReportMovements => "Biến động",
            ReportMeetings => "Sinh hoạt",
            ReportAssessments => "Đánh giá",
            ReportAdmission => "Kết nạp",
            ReportExemptions => "Miễn SH",
            ReportDues => "Đảng phí",
            ReportsYear => "Năm",
            ReportExportedTo => "Đã xuất báo cáo:",
            BundleWrittenTo => "Đã xuất gói gửi phường:",
            BundleMembers => "đảng viên",
        }
    }

    fn field(&self, f: Field) -> &'static str {
        match f {
            Field::FullName => "Họ và tên",
            Field::OtherName => "Tên gọi khác",
            Field::Gender => "Giới tính",
            Field::BirthDate => "Ngày sinh",
            Field::Ethnicity => "Dân tộc",
            Field::Religion => "Tôn giáo",
            Field::Hometown => "Quê quán",
            Field::ResidentialGroup => "Tổ dân phố",
            Field::Address => "Địa chỉ",
            Field::NationalId => "Số CCCD",
            Field::Phone => "Điện thoại",
            Field::CardNumber => "Số thẻ đảng viên",
            Field::AdmittedOn => "Ngày vào Đảng",
            Field::RecognizedOn => "Ngày chính thức",
            Field::Education => "Trình độ học vấn",
            Field::Professional => "Chuyên môn",
            Field::PoliticalTheory => "Lý luận chính trị",
            Field::Occupation => "Nghề nghiệp",
            Field::Notes => "Ghi chú",
        }
    }

    fn branch_field(&self, f: BranchField) -> &'static str {
        match f {
            BranchField::Name => "Tên chi bộ",
            BranchField::Superior => "Đảng bộ cấp trên",
            BranchField::Address => "Địa chỉ",
            BranchField::Secretary => "Bí thư",
            BranchField::Deputy => "Phó bí thư",
            BranchField::Term => "Nhiệm kỳ",
            BranchField::UsualDay => "Ngày họp thường kỳ",
        }
    }

    fn gender(&self, g: Gender) -> &'static str {
        match g {
            Gender::Male => "Nam",
            Gender::Female => "Nữ",
        }
    }

    fn professional(&self, p: Professional) -> &'static str {
        match p {
            Professional::None => "Chưa qua đào tạo",
            Professional::Elementary => "Sơ cấp",
            Professional::Intermediate => "Trung cấp",
            Professional::College => "Cao đẳng",
            Professional::University => "Đại học",
            Professional::Master => "Thạc sĩ",
            Professional::Doctor => "Tiến sĩ",
        }
    }

    fn political_theory(&self, p: PoliticalTheory) -> &'static str {
        match p {
            PoliticalTheory::None => "Chưa qua đào tạo",
            PoliticalTheory::Elementary => "Sơ cấp",
            PoliticalTheory::Intermediate => "Trung cấp",
            PoliticalTheory::Advanced => "Cao cấp",
            PoliticalTheory::Bachelor => "Cử nhân",
        }
    }

    fn occupation(&self, o: Occupation) -> &'static str {
        match o {
            Occupation::CivilServant => "Cán bộ, công chức, viên chức",
            Occupation::Retired => "Hưu trí",
            Occupation::Freelance => "Lao động tự do",
            Occupation::Business => "Kinh doanh",
            Occupation::Student => "Học sinh, sinh viên",
            Occupation::Worker => "Công nhân",
            Occupation::ArmedForces => "Lực lượng vũ trang",
            Occupation::Other => "Khác",
        }
    }

    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::NotYet => "Chưa vào Đảng",
            Status::Official => "Chính thức",
            Status::Probationary => "Dự bị",
            Status::Exempt => "Miễn SH",
            Status::TemporarilyExempt => "Tạm miễn SH",
            Status::TemporarilyAway => "SHT đi",
            Status::TemporarilyHosted => "SHT đến",
            Status::Suspended => "Đình chỉ SH",
            Status::TransferredOut => "Đã chuyển đi",
            Status::Removed => "Xóa tên",
            Status::Expelled => "Khai trừ",
            Status::Deceased => "Từ trần",
        }
    }

    fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::Liaison(p) => super::liaison::of(super::Lang::Vi).problem(p),
            Problem::MonthFormat => "cần nhập tháng theo dạng mm/yyyy, ví dụ 03/2026.".into(),
            Problem::AmountFormat => "cần nhập số tiền bằng chữ số, ví dụ 5.432.000.".into(),
            Problem::MonthOrder => "tháng kết thúc không được trước tháng bắt đầu.".into(),
            Problem::ReliefTooLong(n) => {
                format!(
                    "mỗi quyết định miễn, giảm tối đa {n} tháng ({}).",
                    rules::rule(RuleId::DuesReliefMaxMonths).source
                )
            }
            Problem::Required => "không được để trống.".into(),
            Problem::DateFormat => "cần nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/1960.".into(),
            Problem::NotADay => "không có ngày này trên lịch (kiểm tra ngày và tháng).".into(),
            Problem::InFuture => "không được sau ngày hôm nay.".into(),
            Problem::TooEarly => "năm sinh phải từ 1900 trở đi.".into(),
            Problem::BirthNotBeforeAdmission => "phải sau ngày sinh.".into(),
            Problem::RecognitionBeforeAdmission => "không được trước ngày vào Đảng.".into(),
            Problem::RecognitionWithoutAdmission => "cần nhập ngày vào Đảng trước.".into(),
            Problem::DigitsExactly(n) => format!("cần đúng {n} chữ số."),
            Problem::DigitsBetween(a, b) => format!("cần từ {a} đến {b} chữ số."),
            Problem::CardTaken(name) => format!("số thẻ này đã thuộc về đồng chí {name}."),
            Problem::TooLong(n) => format!("dài quá {n} ký tự."),
            Problem::UnknownChoice => "giá trị không có trong danh sách.".into(),
            Problem::TermFormat => "cần nhập hai năm, năm đầu nhỏ hơn, ví dụ 2025-2030.".into(),
            Problem::TimeFormat => "cần nhập giờ theo dạng HH:MM, ví dụ 19:30.".into(),
            Problem::EndBeforeStart => "giờ kết thúc phải sau giờ bắt đầu.".into(),
            Problem::NotANumber => "cần nhập một số nguyên, ví dụ 12.".into(),
            Problem::TallyTooLarge(c, p) => {
                format!("tổng số phiếu ({c}) lớn hơn số đảng viên chính thức có mặt ({p}).")
            }
            Problem::Approved(d) => format!(
                "biên bản đã thông qua ngày {}; chỉ có thể thêm sửa đổi, bổ sung (phím m).",
                crate::domain::date::format_date(*d)
            ),
            Problem::BeforeAdmission => "ngày này trước ngày vào Đảng của đồng chí.".into(),
            Problem::NotInForce => "vào ngày này không có việc miễn / chuyển sinh hoạt / đình chỉ nào đang có hiệu lực để kết thúc, hoặc đồng chí đã ra khỏi danh sách.".into(),
            Problem::Admission(p) => self.admission().problem(p),
            Problem::Date(e) => super::checks::of(super::Lang::Vi).bad_date(*e),
            Problem::Rule(p) => super::checks::of(super::Lang::Vi).rule_problem(p),
            Problem::Month(p) => super::month::of(super::Lang::Vi).problem(p),
            Problem::OutOfRange(a, b) => format!("phải là số từ {a} đến {b}."),
            Problem::DuplicateInFile(name) => format!(
                "trùng với một dòng phía trên trong tệp (đồng chí {name}); bỏ qua dòng này."
            ),
        }
    }

    fn warning(&self, w: &Warning) -> String {
        match w {
            Warning::AdmissionAge { months, rule } => {
                let r = rules::rule(*rule);
                let (lo, hi) = (
                    rules::value(RuleId::AdmissionMinAgeMonths) / 12,
                    rules::value(RuleId::AdmissionMaxAgeMonths) / 12,
                );
                format!(
                    "tuổi khi vào Đảng là {} tuổi {} tháng, ngoài khoảng {lo}–{hi} tuổi ({}).",
                    months / 12,
                    months % 12,
                    r.source
                )
            }
        }
    }

    fn cli(&self, c: Cli<'_>) -> String {
        match c {
            Cli::AlreadyOpen(p) => format!(
                "Dữ liệu trong thư mục {p} đang được mở ở một cửa sổ Sổ chi bộ khác. Hãy đóng cửa sổ đó rồi mở lại. Không có gì bị thay đổi."
            ),
            Cli::OpenFailed(p, d) => format!(
                "Không mở được dữ liệu trong thư mục {p}: {d}. Ổ đĩa đầy, hoặc thư mục chỉ đọc hay không có quyền ghi? Không có gì bị thay đổi."
            ),
            Cli::NewerSchema(found, ours) => format!(
                "Dữ liệu được ghi bởi phiên bản mới hơn của chương trình (lược đồ {found}, bản này đọc được đến {ours}). Hãy cập nhật Sổ chi bộ."
            ),
            Cli::Corrupt(d) => format!("Có bản ghi bị hỏng, không đọc được: {d}"),
            Cli::Disk(d) => {
                format!("Lỗi ghi/đọc ổ đĩa (ổ đầy hoặc chỉ đọc?): {d}. Thay đổi chưa được lưu.")
            }
            Cli::CardTaken(n) => format!("Số thẻ đảng viên đã thuộc về đồng chí {n}. Không lưu."),
            Cli::ReadFile(p, d) => format!("Không đọc được tệp {p}: {d}"),
            Cli::WriteFile(p, d) => format!("Không ghi được tệp {p}: {d}"),
            Cli::ImportRow(line, col, why) => format!("Dòng {line}, cột \"{col}\": {why}"),
            Cli::ImportSummary(a, u, r) => {
                format!("Đã nhập: thêm mới {a}, cập nhật {u}, bỏ qua {r} dòng lỗi.")
            }
            Cli::ImportStrictRefused(r) => format!(
                "Có {r} dòng lỗi; với --strict không nhập dòng nào. Dữ liệu không thay đổi."
            ),
            Cli::CsvNotUtf8 => "Tệp không phải văn bản UTF-8. Trong Excel hãy chọn Lưu thành (Save As) kiểu \"CSV UTF-8\".".into(),
            Cli::CsvEmpty => "Tệp rỗng, không có dòng tiêu đề.".into(),
            Cli::CsvNoName => "Dòng tiêu đề không có cột \"Họ và tên\"; xem mẫu tiêu đề trong README.".into(),
            Cli::CsvBroken(d) => format!("Không đọc được tệp CSV: {d}"),
            Cli::ImportIgnored(cols) => format!("Các cột không dùng đến (bỏ qua): {cols}"),
            Cli::ImportWarning(line, w) => format!("Dòng {line}: lưu ý: {w}"),
            Cli::Exported(n, p) => format!("Đã xuất {n} đảng viên ra {p}."),
            Cli::DemoWritten(n, p) => format!("Đã ghi chi bộ mẫu ({n} đảng viên) vào {p}."),
            Cli::DemoNotEmpty(p) => {
                format!("Thư mục {p} đã có dữ liệu; không ghi đè bằng dữ liệu mẫu.")
            }
            Cli::BadLang(l) => format!("Ngôn ngữ \"{l}\" không hỗ trợ; dùng vi hoặc en."),
            Cli::KeymapLine(f, l, d) => format!("{f}, dòng {l}: {d}"),
            Cli::Usage => "Lệnh gõ chưa đúng. Xem hướng dẫn: sochibo --help".into(),
            Cli::MeetingNotFound(w) => format!("Không tìm thấy buổi sinh hoạt \"{w}\". Ghi số biên bản trong nhiệm kỳ (vd. 5) hoặc ngày dd/mm/yyyy."),
            Cli::MeetingAmbiguous(w) => format!("Có nhiều buổi sinh hoạt khớp với \"{w}\"; hãy ghi số biên bản."),
            Cli::DocxNeedsFile => "Tệp .docx cần nơi ghi: thêm -o TÊN_TỆP.docx".into(),
            Cli::XlsxNeedsFile => "Tệp Excel (.xlsx) không in ra màn hình được: thêm -o TÊN_TỆP.xlsx".into(),
            Cli::XlsxBroken(d) => format!("Không đọc được tệp Excel (.xlsx): {d}. Hãy mở tệp bằng Excel và lưu lại kiểu \"Sổ làm việc Excel (*.xlsx)\" hoặc \"CSV UTF-8\". Dữ liệu không thay đổi."),
            Cli::XlsOld => "Tệp Excel 97–2003 (.xls) chưa đọc được. Trong Excel hãy chọn Lưu thành (Save As) kiểu \"Sổ làm việc Excel (*.xlsx)\" hoặc \"CSV UTF-8\" rồi nhập tệp đó. Dữ liệu không thay đổi.".into(),
            Cli::Written(p) => format!("Đã ghi {p}."),
            Cli::BadDate(d) => format!("Ngày \"{d}\" không đúng; cần dạng dd/mm/yyyy, ví dụ 01/03/2026."),
            Cli::BundleBad(f, why) => format!("Bỏ qua tệp {f}: không phải gói dữ liệu chi bộ hợp lệ hoặc đã hỏng ({why})."),
            Cli::BundleSealed(f) => format!("Bỏ qua tệp {f}: dữ liệu đã mã hóa; chi bộ cần xuất gói khi chưa mã hóa (sochibo decrypt) hoặc dùng bản sao lưu."),
            Cli::BundleDuplicate(f, b) => format!("Bỏ qua tệp {f}: {b} đã có trong các tệp trước (trùng)."),
            Cli::BundleWritten(p, n) => format!("Đã xuất gói dữ liệu chi bộ ({n} đảng viên) ra {p}. Gửi tệp này cho Đảng ủy phường."),
            Cli::WardWritten(b, n, d) => format!("Đã ghi {b} gói mẫu ({n} đảng viên) vào {d}."),
            Cli::RollupHeading(b, n, d) => format!("TỔNG HỢP TOÀN ĐẢNG BỘ\n{b} tổ chức đảng trực thuộc, {n} đảng viên (tính đến ngày {d})"),
            Cli::RollupShare(n, o, p) => format!("{n:>5} (chính thức {o}, dự bị {p})"),
            Cli::BundleNeedsPlain => "Chưa xuất gói đầy đủ: dữ liệu đang được mã hóa nên nơi nhận sẽ không đọc được. Gói gửi phường (không có --full) vẫn xuất được; muốn gói đầy đủ thì tắt mã hóa (sochibo decrypt), xuất gói, rồi bật lại (sochibo encrypt).".into(),
            Cli::NoDocxForThis => "Báo cáo này chưa có bản Word (.docx): dùng --format txt, csv hoặc xlsx.".into(),
            Cli::BundleNoBranch => "không có thông tin chi bộ".into(),
            Cli::Error(d) => format!("Lỗi: {d}"),

            // --- Backups, restore and damaged data (issue 8) ---
            Cli::Damaged(dir, why) => {
                let why = match why {
                    Damage::Sled(d) => format!("cơ sở dữ liệu không đọc được ({d})"),
                    Damage::Lost { .. } => {
                        "cơ sở dữ liệu vẫn mở được nhưng một phần các thay đổi đã lưu không còn trong đó".to_string()
                    }
                };
                format!("Dữ liệu trong thư mục {dir} bị hỏng: {why}. Chương trình không ghi gì thêm vào đó.")
            }
            Cli::DamagedMovedAside(p) => {
                format!("Các tệp bị hỏng đã được chuyển sang {p} (giữ nguyên, không xóa gì).")
            }
            Cli::NewestBackup(p, n, when, cmd) => format!(
                "Bản sao lưu tốt gần nhất: {p} ({n} đảng viên, lập lúc {when}).\nĐể phục hồi từ bản này, gõ lệnh:\n    {cmd}"
            ),
            Cli::NoGoodBackup(dir) => format!(
                "Không có bản sao lưu tốt nào trong {dir}. Nếu có bản sao lưu ở nơi khác (ví dụ USB), gõ: sochibo restore <tệp sao lưu>"
            ),
            Cli::StartsEmpty => "Nếu mở Sổ chi bộ mà không phục hồi, sổ sẽ bắt đầu trống; các bản sao lưu vẫn còn nguyên để phục hồi sau.".into(),
            Cli::OfferRestore => "Phục hồi ngay từ bản sao lưu này? Gõ \"co\" rồi Enter để đồng ý, chỉ nhấn Enter để thoát: ".into(),
            Cli::BackupWritten(n, p, bytes) => format!(
                "Đã sao lưu {n} đảng viên vào {p} ({} KB). Tệp đã được đọc lại và kiểm tra.",
                bytes.div_ceil(1024)
            ),
            Cli::BackupReplaced(p) => format!("Đã thay bản sao lưu cũ cùng chi bộ ở {p}."),
            Cli::BackupNoData(dir) => format!("Thư mục {dir} chưa có dữ liệu nào để sao lưu."),
            Cli::BackupTargetForeign(p) => format!(
                "Tệp {p} đã có và không phải bản sao lưu của Sổ chi bộ; không ghi đè. Hãy chọn tên khác."
            ),
            Cli::BackupTargetOtherBranch(p, other) => format!(
                "Tệp {p} là bản sao lưu của chi bộ khác ({other}); không ghi đè. Hãy chọn tên khác."
            ),
            Cli::RestoreUnreadable(d) => {
                format!("Không đọc được tệp sao lưu: {d}. Dữ liệu hiện tại không thay đổi.")
            }
            Cli::RestoreBadFile(p, d) => format!(
                "Không phục hồi: tệp {p} không phải bản sao lưu hợp lệ của Sổ chi bộ, hoặc đã hỏng hay bị cắt cụt ({d}). Dữ liệu hiện tại không thay đổi."
            ),
            Cli::RestoreNeedsYes(dir, n) => format!(
                "Thư mục {dir} đang có dữ liệu ({n} đảng viên) và không có cửa sổ dòng lệnh để hỏi lại, nên không phục hồi. Muốn thay bằng bản sao lưu, chạy lại lệnh với --yes. Không có gì thay đổi."
            ),
            Cli::RestoreSafetyBackup(p) => {
                format!("Đã sao lưu dữ liệu hiện tại vào {p} trước khi phục hồi.")
            }
            Cli::RestoreConfirm(dir, n, file, m, when) => format!(
                "Thay toàn bộ dữ liệu trong {dir} ({n} đảng viên) bằng bản sao lưu {file} ({m} đảng viên, lập lúc {when})? Gõ \"co\" rồi Enter để đồng ý: "
            ),
            Cli::RestoreCancelled => "Đã hủy. Dữ liệu hiện tại không thay đổi.".into(),
            Cli::Restored(n, file, dir) => {
                format!("Đã phục hồi {n} đảng viên từ {file} vào {dir}.")
            }
            Cli::RestorePrevious(p) => format!("Dữ liệu trước khi phục hồi được giữ nguyên trong {p}."),
            Cli::RestoreFailed(d) => {
                format!("Phục hồi không thành công: {d}. Dữ liệu hiện tại không thay đổi.")
            }

            // --- History, undo and encryption (issue 8) ---
            Cli::RecordChanged => "Không hoàn tác: bản ghi đã thay đổi sau đó. Không có gì bị thay đổi.".into(),
            Cli::FiguresOnly => "Tệp này là gói gửi phường (chỉ có số liệu, không có họ tên, địa chỉ, biên bản) nên không khôi phục làm dữ liệu của chi bộ được. Hãy chọn một tệp sao lưu (sochibo backup) hoặc gói đầy đủ (sochibo export bundle --full). Không có gì bị thay đổi.".into(),
            Cli::NotUndoable(_) => "Thay đổi này không hoàn tác được. Không có gì bị thay đổi.".into(),
            Cli::Locked => "Dữ liệu đã được mã hóa; cần mật khẩu để mở.".into(),
            Cli::WrongPassphrase => "Sai mật khẩu (hoặc mã khôi phục). Dữ liệu không bị thay đổi.".into(),
            Cli::Undone(what) => format!("Đã hoàn tác: {what}"),
            Cli::Redone(what) => format!("Đã làm lại: {what}"),
            Cli::UndoApproved(doc, date) => format!(
                "Không hoàn tác: biên bản {doc} đã thông qua ngày {date}, không được sửa (kể cả bằng hoàn tác). Muốn điều chỉnh, dùng Sửa đổi, bổ sung."
            ),
            Cli::Changes(n) => format!("{n} thay đổi"),
            Cli::UnlockPrompt => "Dữ liệu được mã hóa. Nhập mật khẩu (hoặc mã khôi phục): ".into(),
            Cli::NewPassphrase => "Đặt mật khẩu mới (chữ không hiện ra khi gõ): ".into(),
            Cli::NewPassphraseAgain => "Gõ lại mật khẩu: ".into(),
            Cli::PassphraseMismatch => "Hai lần gõ mật khẩu không giống nhau. Không có gì bị thay đổi.".into(),
            Cli::PassphraseTooShort(n) => format!("Mật khẩu cần ít nhất {n} ký tự. Không có gì bị thay đổi."),
            Cli::PassphraseNeedsTerminal => "Cần gõ mật khẩu nhưng không có cửa sổ dòng lệnh để hỏi. Dùng --passphrase-file TỆP (dòng đầu của tệp là mật khẩu). Không có gì bị thay đổi.".into(),
            Cli::PassphraseFile(p, d) => format!("Không đọc được tệp mật khẩu {p}: {d}. Không có gì bị thay đổi."),
            Cli::AlreadyEncrypted => "Dữ liệu đã được mã hóa rồi.".into(),
            Cli::NotEncrypted => "Dữ liệu chưa được mã hóa; không có gì để giải mã.".into(),
            Cli::Encrypted(n, dir) => format!(
                "Đã mã hóa dữ liệu ({n} đảng viên) trong {dir}. Từ nay mỗi lần mở Sổ chi bộ cần mật khẩu."
            ),
            Cli::RecoveryCode(code) => format!(
                "MÃ KHÔI PHỤC (chỉ hiện một lần; hãy chép ra giấy và cất riêng, không để cùng máy):\n\n    {code}\n\nQuên mật khẩu thì dùng mã này thay mật khẩu. MẤT CẢ MẬT KHẨU LẪN MÃ KHÔI PHỤC LÀ MẤT DỮ LIỆU: không ai lấy lại được."
            ),
            Cli::BackupsSealed(n) => format!("Đã mã hóa {n} bản sao lưu tự động trong thư mục backups."),
            Cli::ClearCopiesLeft(list) => format!(
                "Lưu ý: các bản sau vẫn chưa mã hóa (bản cũ hoặc hỏng; chương trình không tự xóa). Hãy tự xóa nếu không cần: {list}. Các bản sao lưu đã chép ra USB trước đây cũng vẫn chưa mã hóa."
            ),
            Cli::Decrypted(n, dir) => format!(
                "Đã giải mã dữ liệu ({n} đảng viên) trong {dir}. Mở Sổ chi bộ không cần mật khẩu nữa; các bản sao lưu cũ đã mã hóa vẫn cần mật khẩu cũ."
            ),
        }
    }

    fn action_here(&self, a: Action, ctx: Context) -> Option<&'static str> {
        use Action as A;
        use Context as C;
        Some(match (ctx, a) {
            (C::Members, A::Open) => "Xem hồ sơ đảng viên đang chọn",
            (C::Members, A::Edit) | (C::Member, A::Edit) => "Sửa hồ sơ đảng viên",
            (C::Members, A::Delete) | (C::Member, A::Delete) => {
                "Xóa đảng viên khỏi sổ (có hỏi lại, hoàn tác được)"
            }
            (C::Home, A::Open) => "Mở màn hình làm việc đang chọn",
            (C::Exemptions, A::Open) => "Xem hồ sơ đảng viên đang chọn",
            (C::Branch, A::Edit) => "Sửa thông tin chi bộ",
            (C::Meetings, A::New) => "Thêm cuộc họp (điền sẵn từ cuộc họp trước)",
            (C::Meetings, A::Open) => "Mở cuộc họp đang chọn",
            (C::Meetings, A::Delete) => "Xóa cuộc họp (có hỏi lại)",
            (C::Meeting, A::New) => "Thêm phát biểu, biểu quyết hoặc nhiệm vụ (theo thẻ đang xem)",
            (C::Meeting, A::Edit) => "Sửa dòng đang chọn",
            (C::Meeting, A::Delete) => "Xóa dòng đang chọn (có hỏi lại)",
            (C::Roll, A::Edit) => "Sửa lý do vắng của đồng chí đang chọn",
            (C::Dues, A::Edit) => "Sửa mức đóng đảng phí của đồng chí đang chọn",
            (C::Badges, A::Delete) => "Xóa lần trao huy hiệu đã ghi (có hỏi lại)",
            (C::Rules, A::NextTab) | (C::Rules, A::PrevTab) => {
                "Sang phần Ngày nghỉ (lịch của luật và ngày của chi bộ)"
            }
            (C::Holidays, A::NextTab) | (C::Holidays, A::PrevTab) => "Về phần Quy định",
            (C::Holidays, A::New) => "Thêm ngày nghỉ hoặc ngày làm bù của chi bộ",
            (C::Holidays, A::Edit) => "Sửa ngày của chi bộ đang chọn",
            (C::Holidays, A::Delete) => "Xóa ngày của chi bộ đang chọn (có hỏi lại)",
            _ => return None,
        })
    }

    fn action(&self, a: Action) -> &'static str {
        match a {
            Action::Screen9 => "Màn hình 9: Đảng viên giữ mối liên hệ nơi cư trú (QĐ 213)",
            Action::LiaisonContact => "Ghi một lần liên hệ (dự họp, nhận việc ở tổ dân phố)",
            Action::LiaisonComment => "Viết nhận xét hằng năm gửi nơi công tác",
            Action::LiaisonExport => "Xuất nhận xét của năm (Word và văn bản)",
            Action::LiaisonJoin => "Chuyển sinh hoạt đảng về chi bộ (tạo hồ sơ đảng viên)",
            Action::LiaisonFromMember => "Đảng viên đã chuyển đi, nay giữ mối liên hệ nơi cư trú",
            Action::Screen4 => "Màn hình 4: Đảng phí và Huy hiệu Đảng",
            Action::PrevPeriod => "Kỳ trước (tháng, đợt trao huy hiệu, năm báo cáo)",
            Action::NextPeriod => "Kỳ sau (tháng, đợt trao huy hiệu, năm báo cáo)",
            Action::PayCash => "Đã đóng đảng phí bằng tiền mặt, sang người tiếp theo",
            Action::PayOnline => "Đã đóng trực tuyến (đã xác nhận), sang người tiếp theo",
            Action::ClearPayment => "Bỏ ghi nhận đã đóng tháng này",
            Action::RecordAward => "Ghi nhận trao Huy hiệu Đảng (ngày, số quyết định)",
            Action::ToggleIllness => "Đánh dấu / bỏ đánh dấu bệnh hiểm nghèo (được xét trao sớm)",
            Action::AllMembers => "Xem tuổi Đảng và huy hiệu tiếp theo của tất cả đảng viên",
            Action::Help => "Mở trợ giúp (danh sách phím)",
            Action::Quit => "Thoát (hỏi lại nếu biểu mẫu chưa lưu)",
            Action::ForceQuit => "Thoát ở bất cứ đâu",
            Action::Screen1 => "Màn hình 1: Đảng viên",
            Action::Screen2 => "Màn hình 2: Chi bộ",
            Action::Screen3 => "Màn hình 3: Sinh hoạt chi bộ",
            Action::PrevYear => "Năm trước",
            Action::NextYear => "Năm sau",
            Action::ToggleAttendance => "Xem chuyên cần của đảng viên trong năm",
            Action::NextTab => {
                "Phần sau (thông tin, điểm danh, nội dung, biểu quyết, nhiệm vụ, kiến nghị)"
            }
            Action::PrevTab => "Phần trước",
            Action::NewItem => "Thêm nội dung chương trình",
            Action::MarkPresent => "Có mặt",
            Action::MarkExcused => "Vắng có lý do (nhập lý do)",
            Action::MarkUnexcused => "Vắng không lý do",
            Action::MarkCycle => "Đổi trạng thái điểm danh",
            Action::MarkAllPresent => {
                "Đánh dấu tất cả chưa điểm danh là có mặt (trừ người được miễn)"
            }
            Action::Approve => "Thông qua biên bản (không sửa được nữa)",
            Action::Amend => "Sửa đổi, bổ sung biên bản đã thông qua",
            Action::ExportMinutes => "Xuất biên bản (.txt và .docx)",
            Action::ExportNotice => "Viết thông báo triệu tập buổi họp (.txt để dán, .docx để in)",
            Action::ExportResolution => "Viết nghị quyết chi bộ của tháng (.txt và .docx)",
            Action::TaskDone => "Đánh dấu nhiệm vụ đã xong / chưa xong",
            Action::MeetingDues => "Thu đảng phí tháng của buổi họp (Esc quay lại)",
            Action::ExportReceipts => {
                "In danh sách thu đảng phí của tháng (.txt và .docx, có cột ký nhận)"
            }
            Action::PayByOther => "Đã đóng, do người khác nộp hộ (ghi tên người nộp)",
            Action::HandOn => "Ghi số tiền đảng phí đã nộp cấp trên trong tháng",
            Action::AdmissionWithdraw => "Quần chúng rút khỏi quá trình kết nạp (ngày, lý do)",
            Action::Screen5 => "Màn hình 5: Miễn sinh hoạt, nhắc việc",
            Action::AddEvent => "Ghi sự kiện (miễn, chuyển sinh hoạt, kỷ luật, xóa tên, từ trần…)",
            Action::RemoveLastEvent => "Xóa sự kiện ghi gần nhất (có hỏi lại)",
            Action::Screen0 => "Màn hình 0: Việc cần làm",
            Action::Screen8 => "Màn hình 8: Đánh giá, xếp loại đảng viên",
            Action::ScreenRules => "Màn hình Quy định (Alt+Q): giá trị, căn cứ, chi bộ tự đặt",
            Action::Screen6 => "Màn hình 6: Báo cáo, thống kê",
            Action::ExportReport => "Xuất báo cáo đang xem ra tệp (.txt, .csv, .xlsx, .docx)",
            Action::ExportBundle => "Xuất gói dữ liệu của chi bộ gửi phường tổng hợp",
            Action::ReviewPrevYear => "Năm trước",
            Action::ReviewNextYear => "Năm sau",
            Action::ReviewPlan => "Kế hoạch phấn đấu, rèn luyện năm của đồng chí",
            Action::ReviewSelf => "Bản tự kiểm điểm cuối năm (điểm, tự xếp loại)",
            Action::ReviewBranch => "Chi bộ nhận xét, đề xuất xếp loại và biểu quyết",
            Action::ReviewFinal => "Đảng ủy quyết định xếp loại (khóa hồ sơ)",
            Action::ReviewBranchGrade => "Xếp loại chi bộ trong năm",
            Action::ReviewHistory => "Xếp loại của đồng chí qua các năm",
            Action::MonthlySelfAssessment => {
                "Đảng viên tự đánh giá trong tháng (sinh hoạt chuyên đề)"
            }
            Action::Search => "Tìm đảng viên (tên không dấu, số thẻ, điện thoại)",
            Action::New => "Thêm đảng viên",
            Action::Open => "Xem hồ sơ",
            Action::Edit => "Sửa",
            Action::Delete => "Xóa (có hỏi lại)",
            Action::Up => "Lên",
            Action::Down => "Xuống",
            Action::PageUp => "Lên một trang",
            Action::PageDown => "Xuống một trang",
            Action::Top => "Về đầu",
            Action::Bottom => "Về cuối",
            Action::NextFilter => "Lọc theo trạng thái: nhóm sau",
            Action::PrevFilter => "Lọc theo trạng thái: nhóm trước",
            Action::Back => "Quay lại / xóa tìm kiếm",
            Action::SearchAccept => "Giữ kết quả tìm, về danh sách",
            Action::Save => "Lưu biểu mẫu",
            Action::Cancel => "Hủy biểu mẫu",
            Action::NextField => "Ô sau",
            Action::PrevField => "Ô trước",
            Action::Yes => "Có",
            Action::No => "Không",
            Action::SwitchAnswer => "Đổi câu trả lời được chọn (Có / Không)",
            Action::Answer => "Trả lời bằng câu đang chọn",
            Action::Noop => "Không làm gì",
            Action::Screen7 => "Màn hình 7: Kết nạp đảng viên",
            Action::AdmissionNew => "Thêm quần chúng vào danh sách cảm tình Đảng",
            Action::AdmissionOpen => "Xem quá trình của quần chúng",
            Action::AdmissionEdit => "Sửa thông tin quần chúng",
            Action::AdmissionStep => "Ghi bước tiếp theo (kiểm tra theo quy định)",
            Action::AdmissionUndo => "Xóa bước ghi gần nhất (có hỏi lại)",
            Action::AdmissionTarget => "Đặt chỉ tiêu kết nạp trong năm",
            Action::AdmissionBack => "Quay lại bảng",
            Action::History => "Lịch sử thay đổi của hồ sơ / biên bản",
            Action::Undo => "Hoàn tác thay đổi gần nhất",
            Action::Redo => "Làm lại thay đổi vừa hoàn tác",
            Action::RestoreBackup => "Phục hồi bản sao lưu tốt mới nhất (khi dữ liệu bị hỏng)",
            Action::DismissDamage => "Bỏ cảnh báo dữ liệu hỏng (bản hỏng vẫn được giữ)",
            Action::ScreenStudy => "Màn hình H: Học tập, quán triệt nghị quyết",
            Action::StudyMakeUp => "Ghi học bù nghị quyết cho đảng viên đang chọn",
            Action::StudySave => "Lưu buổi học với những người đã đánh dấu",
        }
    }

    fn context(&self, c: Context) -> &'static str {
        match c {
            Context::Liaison => "Đảng viên giữ mối liên hệ nơi cư trú",
            Context::LiaisonCard => "Hồ sơ liên hệ nơi cư trú",
            Context::Dues => "Thu đảng phí",
            Context::Badges => "Huy hiệu Đảng",
            Context::Global => "Mọi nơi",
            Context::Members => "Danh sách đảng viên",
            Context::Member => "Hồ sơ đảng viên",
            Context::Branch => "Thông tin chi bộ",
            Context::Search => "Ô tìm kiếm",
            Context::Form => "Biểu mẫu",
            Context::Confirm => "Hộp xác nhận",
            Context::Help => "Trợ giúp",
            Context::Review => "Đánh giá, xếp loại năm",
            Context::Home => "Việc cần làm",
            Context::Reports => "Báo cáo, thống kê",
            Context::Rules => "Quy định (giá trị, căn cứ, chi bộ tự đặt)",
            Context::Holidays => "Ngày nghỉ (lịch của luật và ngày của chi bộ)",
            Context::List => "Mọi danh sách",
            Context::Exemptions => "Miễn sinh hoạt, nhắc việc",
            Context::Meetings => "Danh sách buổi sinh hoạt",
            Context::Meeting => "Buổi sinh hoạt",
            Context::Roll => "Điểm danh",
            Context::Admission => "Kết nạp đảng viên",
            Context::Candidate => "Quá trình của quần chúng",
            Context::History => "Lịch sử thay đổi",
            Context::Study => "Học tập nghị quyết",
            Context::Resolution => "Kết quả học tập một nghị quyết",
            Context::StudyPick => "Đánh dấu người dự buổi học",
            Context::Completeness => "Hồ sơ đảng viên còn thiếu",
        }
    }

    fn keymap(&self, p: &KeymapProblem) -> String {
        match p {
            KeymapProblem::Syntax(d) => format!("sai cú pháp TOML: {d}"),
            KeymapProblem::UnknownContext(c) => format!("không có nhóm phím [{c}]"),
            KeymapProblem::BadKey(k) => format!("không hiểu phím {k}"),
            KeymapProblem::UnknownAction(a) => format!("không có lệnh \"{a}\""),
            KeymapProblem::WrongContext(a, c) => {
                format!("lệnh \"{a}\" không dùng được trong [{c}]")
            }
            KeymapProblem::Duplicate(k) => format!("một phím được gán hai lần: {k}"),
            KeymapProblem::PrefixClash(a, b) => {
                format!("phím \"{a}\" là phần đầu của \"{b}\"; bỏ \"{b}\"")
            }
            KeymapProblem::ImeSequence(k) => format!(
                "bộ gõ tiếng Việt (Telex/VNI) sẽ biến \"{k}\" thành chữ; hãy chọn phím khác"
            ),
            KeymapProblem::PrintableInForm(k) => {
                format!("phím chữ \"{k}\" trong [form] sẽ chặn việc gõ chữ")
            }
        }
    }

    fn hint(&self, a: Action) -> &'static str {
        match a {
            Action::Screen9 => "Liên hệ cư trú",
            Action::ScreenRules => "Quy định",
            Action::LiaisonContact => "Ghi liên hệ",
            Action::LiaisonComment => "Nhận xét",
            Action::LiaisonExport => "Xuất NX",
            Action::LiaisonJoin => "Chuyển về CB",
            Action::LiaisonFromMember => "ĐV chuyển đi",
            Action::PayCash => "Tiền mặt",
            Action::PayOnline => "Chuyển khoản",
            Action::ClearPayment => "Bỏ thu",
            Action::RecordAward => "Trao HH",
            Action::ToggleIllness => "Bệnh HN",
            Action::AllMembers => "Tất cả",
            Action::PrevPeriod => "Kỳ trước",
            Action::NextPeriod => "Kỳ sau",
            Action::PrevYear => "Năm trước",
            Action::NextYear => "Năm sau",
            Action::ReviewPrevYear => "Năm trước",
            Action::ReviewNextYear => "Năm sau",
            Action::Help => "Trợ giúp",
            Action::Quit => "Thoát",
            Action::ForceQuit => "Thoát",
            Action::Search => "Tìm",
            Action::New => "Thêm",
            Action::Open => "Xem",
            Action::Edit => "Sửa",
            Action::Delete => "Xóa",
            Action::NextFilter => "Lọc",
            Action::PrevFilter => "Lọc",
            Action::Back => "Quay lại",
            Action::SearchAccept => "Mở",
            Action::Save => "Lưu",
            Action::Cancel => "Hủy",
            Action::NextField => "Ô sau",
            Action::PrevField => "Ô trước",
            Action::Yes => "Có",
            Action::No => "Không",
            Action::SwitchAnswer => "Chọn",
            Action::Answer => "Trả lời",
            Action::Approve => "Thông qua",
            Action::Amend => "Bổ sung",
            Action::ExportMinutes => "Xuất",
            Action::ExportNotice => "Thông báo",
            Action::ExportResolution => "Nghị quyết",
            Action::TaskDone => "Xong",
            Action::MeetingDues => "Đảng phí",
            Action::ExportReceipts => "In DS thu",
            Action::PayByOther => "Nộp hộ",
            Action::HandOn => "Nộp cấp trên",
            Action::AdmissionWithdraw => "Rút",
            Action::ExportReport => "Xuất tệp",
            Action::ExportBundle => "Gói gửi phường",
            Action::StudyMakeUp => "Học bù",
            Action::StudySave => "Lưu buổi học",
            Action::NextTab => "Phần sau",
            Action::PrevTab => "Phần trước",
            Action::NewItem => "Thêm mục",
            Action::ToggleAttendance => "Chuyên cần",
            Action::AddEvent => "Ghi sự kiện",
            Action::RemoveLastEvent => "Xóa sự kiện",
            Action::AdmissionNew => "Thêm",
            Action::AdmissionOpen => "Xem",
            Action::AdmissionEdit => "Sửa",
            Action::AdmissionStep => "Ghi bước",
            Action::AdmissionUndo => "Xóa bước",
            Action::AdmissionTarget => "Chỉ tiêu",
            Action::AdmissionBack => "Quay lại",
            Action::History => "Lịch sử",
            Action::Undo => "Hoàn tác",
            Action::Redo => "Làm lại",
            Action::RestoreBackup => "Phục hồi",
            Action::DismissDamage => "Bỏ cảnh báo",
            Action::MarkPresent => "Có mặt",
            Action::MarkExcused => "Vắng có LD",
            Action::MarkUnexcused => "Vắng không LD",
            Action::MarkAllPresent => "Tất cả có mặt",
            Action::MarkCycle => "Đổi",
            Action::MonthlySelfAssessment => "Tự đánh giá",
            Action::ReviewPlan => "Kế hoạch",
            Action::ReviewSelf => "Tự kiểm điểm",
            Action::ReviewBranch => "Chi bộ NX",
            Action::ReviewFinal => "Kết quả",
            Action::ReviewBranchGrade => "Xếp loại CB",
            Action::ReviewHistory => "Các năm",
            Action::Up => "Di chuyển",
            Action::Down => "Di chuyển",
            Action::PageUp => "Trang",
            Action::PageDown => "Trang",
            Action::Top => "Đầu",
            Action::Bottom => "Cuối",
            _ => "",
        }
    }

    fn event(&self, k: EventKind) -> &'static str {
        match k {
            EventKind::Admitted => "Kết nạp vào Đảng",
            EventKind::Recognized => "Công nhận đảng viên chính thức",
            EventKind::ExemptionStarted { full: true } => "Miễn công tác và sinh hoạt đảng",
            EventKind::ExemptionStarted { full: false } => "Tạm miễn công tác và sinh hoạt đảng",
            EventKind::ExemptionEnded => "Trở lại sinh hoạt (hết miễn)",
            EventKind::TemporaryTransferOutStarted => "Chuyển sinh hoạt tạm thời đi",
            EventKind::TemporaryTransferOutEnded => "Hết sinh hoạt tạm thời, trở về",
            EventKind::TemporaryTransferInStarted => "Đến sinh hoạt tạm thời",
            EventKind::TemporaryTransferInEnded => "Hết sinh hoạt tạm thời tại chi bộ",
            EventKind::TransferredOut => "Chuyển sinh hoạt chính thức đi",
            EventKind::TransferredIn => "Chuyển sinh hoạt chính thức đến",
            EventKind::Suspended => "Đình chỉ sinh hoạt đảng",
            EventKind::SuspensionEnded => "Hết đình chỉ sinh hoạt",
            EventKind::Removed => "Xóa tên",
            EventKind::Expelled => "Khai trừ",
            EventKind::Died => "Từ trần",
            EventKind::Disciplined => "Kỷ luật",
            EventKind::RemovalProposed => "Đề nghị xóa tên",
            EventKind::Rewarded => "Khen thưởng",
        }
    }

    fn meeting_field(&self, f: MeetingField) -> &'static str {
        use MeetingField::*;
        match f {
            Kind => "Loại buổi sinh hoạt",
            Topic => "Chủ đề",
            Date => "Ngày",
            Start => "Bắt đầu",
            End => "Kết thúc",
            Place => "Địa điểm",
            Chair => "Chủ trì",
            Secretary => "Thư ký",
            Guests => "Khách mời",
            Speaker => "Người phát biểu",
            Gist => "Nội dung phát biểu",
            ItemTitle => "Nội dung",
            Conclusion => "Kết luận",
            VoteSubject => "Nội dung biểu quyết",
            VoteThreshold => "Tỷ lệ cần đạt",
            VoteYes => "Tán thành",
            VoteNo => "Không tán thành",
            VoteAbstain => "Không biểu quyết",
            TaskWho => "Người thực hiện",
            TaskWhat => "Công việc",
            TaskDue => "Thời hạn",
            AmendReason => "Lý do",
            AmendText => "Nội dung sửa đổi",
            AbsenceReason => "Lý do vắng",
            ProposalWho => "Người kiến nghị",
            ProposalText => "Nội dung kiến nghị",
            ProposalAnswer => "Chi bộ trả lời",
        }
    }

    fn meeting_kind(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::Regular => "Thường kỳ",
            MeetingKind::Thematic => "Chuyên đề",
            MeetingKind::Extraordinary => "Bất thường",
            MeetingKind::YearEndReview => "Kiểm điểm cuối năm",
        }
    }

    fn threshold(&self, t: Threshold) -> &'static str {
        match t {
            Threshold::Majority => "Quá nửa",
            Threshold::TwoThirds => "Hai phần ba",
        }
    }

    fn tab(&self, t: Tab) -> &'static str {
        match t {
            Tab::Info => "Thông tin",
            Tab::Roll => "Điểm danh",
            Tab::Minutes => "Nội dung",
            Tab::Votes => "Biểu quyết",
            Tab::Tasks => "Nhiệm vụ",
            Tab::Proposals => "Kiến nghị",
        }
    }

    fn figures(&self, c: &Counts, denominator: u32) -> String {
        format!(
            "Tổng {} (CT {}, DB {}) · miễn {} · SHT đi {} · SHT đến {} · phải dự {} · có mặt {} · vắng có lý do {} · không lý do {} · có quyền biểu quyết {}",
            c.total,
            c.official,
            c.probationary,
            c.exempt,
            c.away,
            c.hosted,
            c.must_attend,
            c.present,
            c.excused,
            c.unexcused,
            denominator
        )
    }

    fn event_field(&self, f: EventField) -> &'static str {
        use EventField::*;
        match f {
            Kind => "Sự kiện",
            Date => "Ngày hiệu lực",
            ExemptionReason => "Lý do miễn",
            Discipline => "Hình thức kỷ luật",
            RemovalCause => "Lý do xóa tên",
            Organisation => "Tổ chức đảng đi/đến",
            AppliedOn => "Ngày làm đơn",
            Decision => "Số NQ/QĐ",
            DecidedOn => "Ngày NQ/QĐ",
            ReportedOn => "Ngày báo cáo cấp trên",
            EndsOn => "Đến ngày",
            DuesPaidTo => "Đảng phí đã đóng đến",
            Note => "Ghi chú",
            Issuer => "Cấp quyết định",
        }
    }

    fn exemption_reason(&self, r: ExemptionReason) -> &'static str {
        match r {
            ExemptionReason::OldAndWeak => "Tuổi cao, sức khỏe yếu",
            ExemptionReason::LongTreatment => "Chữa bệnh dài ngày",
            ExemptionReason::Abroad => "Ra nước ngoài",
            ExemptionReason::WorkingAway => "Đi làm ăn xa",
            ExemptionReason::Maternity => "Thai sản",
            ExemptionReason::Other => "Khác",
        }
    }

    fn discipline(&self, d: DisciplineLevel) -> &'static str {
        match d {
            DisciplineLevel::Reprimand => "Khiển trách",
            DisciplineLevel::Warning => "Cảnh cáo",
            DisciplineLevel::Dismissal => "Cách chức",
            DisciplineLevel::Expulsion => "Khai trừ",
        }
    }

    fn removal_cause(&self, r: RemovalCause) -> &'static str {
        match r {
            RemovalCause::AbsenceOrDues => {
                "Bỏ sinh hoạt hoặc không đóng đảng phí 3 tháng trong năm"
            }
            RemovalCause::Card => "Tự ý trả thẻ hoặc hủy thẻ đảng viên",
            RemovalCause::NoProgress => "Giảm sút ý chí, không tiến bộ sau 12 tháng giáo dục",
            RemovalCause::Standards => "Hai năm liền vi phạm tư cách đảng viên",
            RemovalCause::FailedProbation => {
                "Đảng viên dự bị không đủ điều kiện công nhận chính thức"
            }
            RemovalCause::Other => "Lý do khác",
        }
    }

    fn life_warning(&self, w: &LifeWarning) -> String {
        use crate::domain::date::format_date;
        match w {
            LifeWarning::ExemptionEndingSoon(d) => format!(
                "tạm miễn sinh hoạt hết hạn ngày {}: chuẩn bị cho đồng chí trở lại sinh hoạt.",
                format_date(*d)
            ),
            LifeWarning::ExemptionOverdue(d) => format!(
                "tạm miễn đã hết hạn từ {} mà chưa ghi trở lại sinh hoạt.",
                format_date(*d)
            ),
            LifeWarning::ExemptionYoung(age, rule) => format!(
                "miễn sinh hoạt cho người {age} tuổi, dưới {} tuổi ({}; quy định này chưa được đối chiếu văn bản mới).",
                rules::value(*rule),
                rules::rule(*rule).source
            ),
            LifeWarning::ExemptionNoHealthReason => {
                "miễn sinh hoạt hẳn cần lý do tuổi cao, sức khỏe yếu (HD 27-HD/BTCTW).".into()
            }
            LifeWarning::ExemptionTooLong(m) => format!(
                "tạm miễn {m} tháng, dài hơn {} tháng thường áp dụng ({}).",
                rules::value(RuleId::TemporaryExemptionMaxMonths),
                rules::rule(RuleId::TemporaryExemptionMaxMonths).source
            ),
            LifeWarning::TemporaryTransferEnding(d) => {
                format!("sinh hoạt tạm thời hết hạn ngày {}.", format_date(*d))
            }
            LifeWarning::TransferLate(days) => format!(
                "chuyển sinh hoạt sau {days} ngày làm việc, quá {} ngày ({}).",
                rules::value(RuleId::TransferWorkingDays),
                rules::rule(RuleId::TransferWorkingDays).source
            ),
            LifeWarning::UnexcusedAbsences(m) => format!(
                "vắng sinh hoạt không lý do {m} tháng trong năm (từ {} tháng: xem xét xóa tên, {}).",
                rules::value(RuleId::RemovalAbsenceMonths),
                rules::rule(RuleId::RemovalAbsenceMonths).source
            ),
            LifeWarning::TransferDue(d) => format!(
                "chuyển sinh hoạt chính thức phải hoàn thành trước ngày {} ({} ngày làm việc, {}).",
                format_date(*d),
                rules::value(RuleId::TransferWorkingDays),
                rules::rule(RuleId::TransferWorkingDays).source
            ),
            LifeWarning::MaybeExemption(m) => format!(
                "tuổi cao, vắng không lý do {m} tháng trong năm: cân nhắc làm thủ tục miễn sinh hoạt thay vì xóa tên ({}).",
                rules::rule(RuleId::SuggestExemptionAge).source
            ),
        }
    }

    fn admission(&self) -> &'static dyn super::admission::AdmissionTexts {
        &super::admission_vi::AdmVi
    }

    fn change(&self, kind: ChangeKind, record: &RecordLabel<'_>) -> String {
        use ChangeKind::{Changed, Created, Deleted};
        let verb = match kind {
            Created => "thêm",
            Changed => "sửa",
            Deleted => "xóa",
        };
        // What is recorded is "ghi"-ed rather than "thêm"-ed.
        let noted = match kind {
            Created => "ghi",
            Changed => "sửa",
            Deleted => "xóa",
        };
        match *record {
            RecordLabel::Liaison(name) => super::liaison::of(super::Lang::Vi).change(kind, name),
            RecordLabel::Member(name) => format!("{verb} hồ sơ {name}"),
            RecordLabel::MemberEvent(name, k) => {
                format!("{noted} sự kiện «{}» của {name}", self.event(k))
            }
            RecordLabel::Meeting(doc) => format!("{verb} biên bản {doc}"),
            RecordLabel::Branch => format!("{verb} thông tin chi bộ"),
            RecordLabel::DuesPayment(name, month) => match kind {
                Created => format!("ghi đảng phí tháng {month} của {name}"),
                _ => format!("{verb} khoản đảng phí tháng {month} của {name}"),
            },
            RecordLabel::DuesPayments(name) => format!("{noted} sổ đảng phí của {name}"),
            RecordLabel::DuesRate(name) => format!("{noted} mức đóng đảng phí của {name}"),
            RecordLabel::Badge(name, years) => {
                format!("{noted} Huy hiệu {years} năm tuổi Đảng của {name}")
            }
            RecordLabel::BadgeIllness(name, true) => {
                format!("đánh dấu bệnh hiểm nghèo (xét Huy hiệu sớm) cho {name}")
            }
            RecordLabel::BadgeIllness(name, false) => {
                format!("bỏ đánh dấu bệnh hiểm nghèo của {name}")
            }
            RecordLabel::BadgeRecord(name) => format!("{noted} hồ sơ Huy hiệu của {name}"),
            RecordLabel::Review(name, year) => {
                format!("{noted} đánh giá năm {year} của {name}")
            }
            RecordLabel::BranchYear(year) => format!("{noted} xếp loại chi bộ năm {year}"),
            RecordLabel::RuleSetting(rule) => format!("{noted} quy định «{rule}» của chi bộ"),
            RecordLabel::Candidate(name) => format!("{verb} hồ sơ kết nạp của {name}"),
            RecordLabel::AdmissionStep(name, stage) => format!(
                "{noted} bước kết nạp «{}» của {name}",
                self.admission().stage(stage)
            ),
            RecordLabel::Target(year) => match kind {
                Deleted => format!("xóa chỉ tiêu kết nạp năm {year}"),
                _ => format!("đặt chỉ tiêu kết nạp năm {year}"),
            },
        }
    }

    fn todo(&self, item: &TodoItem) -> String {
        use crate::domain::todo::TodoKind as K;
        match &item.kind {
            K::RegularThisMonth(_, m) => format!(
                "Sinh hoạt chi bộ thường kỳ tháng {m}: chưa tổ chức (Điều lệ Đảng, Điều 24: mỗi tháng một lần)."
            ),
            K::MonthWithoutRegular(_, m) => {
                format!("Tháng {m} không có buổi sinh hoạt thường kỳ (Điều lệ Đảng, Điều 24).")
            }
            K::QuarterWithoutThematic(_, q) => format!(
                "Quý {q} chưa sinh hoạt chuyên đề (HD 12-HD/BTCTW: ít nhất mỗi quý một lần)."
            ),
            K::DraftMinutes(_, n) => format!(
                "Biên bản {} còn là dự thảo: thông qua hoặc hoàn thiện.",
                crate::domain::meeting::document_number(*n)
            ),
            K::Task(_, who, what) => format!("Nhiệm vụ: {what} ({who})."),
            K::Member(_, name, w) => format!("{name}: {}", self.life_warning(w)),
            K::DuesArrears(_, name, n) => format!(
                "{name}: chưa đóng đảng phí {n} tháng trong năm (QĐ 01-QĐ/TW 2026: từ 3 tháng, chi bộ xem xét)."
            ),
            K::Badge(_, name, y, d) => format!(
                "{name}: đủ {y} năm tuổi Đảng, đề nghị trao Huy hiệu dịp {} (HD 01-HD/TW 2021, điểm 18).",
                crate::domain::date::format_date(*d)
            ),
            K::Candidate(_, name, d) => format!(
                "Kết nạp {name}: bước tiếp theo đến hạn ngày {} (xem màn hình 7).",
                crate::domain::date::format_date(*d)
            ),
            K::Check(c) => super::checks::of(super::Lang::Vi).todo(c),
            K::LiaisonComment(_, name, y) => super::liaison::of(super::Lang::Vi).due(name, *y),
            K::ReviewSeason(y, n) => format!(
                "Kiểm điểm, xếp loại đảng viên năm {y}: còn {n} đồng chí chưa có kết quả xếp loại (màn hình 8)."
            ),
            K::Recognition(_, name, end) => format!(
                "{name}: hết 12 tháng dự bị ngày {}; chi bộ xét công nhận chính thức trong 30 ngày làm việc (QĐ 294-QĐ/TW, điểm 4.2).",
                crate::domain::date::format_date(*end)
            ),
        }
    }

    fn dues(&self) -> &'static dyn crate::i18n::dues::DuesCatalogue {
        &crate::i18n::dues::DuesVi
    }

    fn rules(&self) -> &'static dyn crate::i18n::rules::RulesCatalogue {
        &crate::i18n::rules::RulesVi
    }

    fn review_msg(&self, m: ReviewMsg) -> &'static str {
        use ReviewMsg::*;
        match m {
            Screen => "Đánh giá",
            FormPlan => "Kế hoạch phấn đấu, rèn luyện năm",
            FormSelf => "Bản tự kiểm điểm cuối năm",
            FormBranch => "Chi bộ nhận xét, đề xuất xếp loại",
            FormFinal => "Đảng ủy quyết định xếp loại",
            FormMonthly => "Đảng viên tự đánh giá trong tháng",
            FormBranchYear => "Xếp loại chi bộ trong năm",
            Heading => "Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm",
            BranchLabel => "Chi bộ",
            NoGrade => "chưa xếp loại",
            ColSelf => "Tự đánh giá",
            ColBranch => "Chi bộ đề xuất",
            ColWard => "Đảng ủy",
            Plan => "Kế hoạch",
            Monthly => "Tự đánh giá hằng tháng",
            Sections => "Tự kiểm điểm",
            History => "Xếp loại qua các năm",
            Pending => "chưa có kết quả",
            NotGraded => "không xếp loại",
            Empty => "Năm này không có đảng viên trong danh sách.",
            Provisional => "(theo đề xuất của chi bộ, chưa đủ quyết định của Đảng ủy)",
            Keys => {
                "F4 kế hoạch · F5 tự kiểm điểm · F6 chi bộ · F9 Đảng ủy · Ctrl+G xếp loại chi bộ · Ctrl+L qua các năm · ←/→ năm"
            }
            Vote => "biểu quyết",
        }
    }

    fn review_field(&self, f: ReviewField) -> &'static str {
        match f {
            ReviewField::Plan => "Kế hoạch",
            ReviewField::Monthly => "Tự đánh giá",
            ReviewField::Strengths => "Ưu điểm",
            ReviewField::Weaknesses => "Hạn chế, khuyết điểm",
            ReviewField::Causes => "Nguyên nhân",
            ReviewField::Remedies => "Biện pháp khắc phục",
            ReviewField::SelfScore => "Tự chấm điểm (0–100)",
            ReviewField::SelfGrade => "Tự xếp loại",
            ReviewField::Comments => "Ý kiến của chi bộ",
            ReviewField::Proposed => "Đề xuất xếp loại",
            ReviewField::VoteYes => "Tán thành",
            ReviewField::VoteNo => "Không tán thành",
            ReviewField::VoteAbstain => "Không biểu quyết",
            ReviewField::FinalGrade => "Xếp loại",
            ReviewField::Decision => "Số quyết định",
            ReviewField::DecidedOn => "Ngày quyết định",
            ReviewField::BranchGrade => "Xếp loại chi bộ",
            ReviewField::BranchNote => "Ghi chú",
        }
    }

    fn grade(&self, g: Grade) -> &'static str {
        match g {
            Grade::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Grade::Good => "Hoàn thành tốt nhiệm vụ",
            Grade::Completed => "Hoàn thành nhiệm vụ",
            Grade::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }

    fn exclusion(&self, x: &Exclusion) -> String {
        match x {
            Exclusion::Exempt => {
                "miễn công tác và sinh hoạt đảng: không kiểm điểm, xếp loại (HD 21-HD/BTCTW 2019)".into()
            }
            Exclusion::Suspended => {
                "đình chỉ sinh hoạt đảng: không xếp loại (HD 21-HD/BTCTW 2019)".into()
            }
            Exclusion::JoinedLate(d) => format!(
                "kết nạp ngày {}, chưa đủ {} tháng đến 31/12: chưa xếp loại ({}; chưa đối chiếu văn bản)",
                crate::domain::date::format_date(*d),
                rules::value(RuleId::ReviewMinMonthsSinceAdmission),
                rules::rule(RuleId::ReviewMinMonthsSinceAdmission).source
            ),
            Exclusion::Left(s) => format!("{}: không còn sinh hoạt tại chi bộ", self.status(*s)),
            Exclusion::Hosted => {
                "sinh hoạt tạm thời: kiểm điểm, xếp loại tại nơi sinh hoạt chính thức (QĐ 294-QĐ/TW 6.3.2)".into()
            }
        }
    }

    fn review_warning(&self, w: &ReviewWarning) -> String {
        match w {
            ReviewWarning::ScoreBand { score, band, grade } => format!(
                "tự chấm {score} điểm thuộc mức \"{}\" nhưng xếp loại \"{}\" (QĐ 366-QĐ/TW Điều 11: ≥ {} xuất sắc, {}–< {} tốt, {}–< {} hoàn thành).",
                self.grade(*band),
                self.grade(*grade),
                rules::value(RuleId::ReviewExcellentMinScore),
                rules::value(RuleId::ReviewGoodMinScore),
                rules::value(RuleId::ReviewExcellentMinScore),
                rules::value(RuleId::ReviewCompletedMinScore),
                rules::value(RuleId::ReviewGoodMinScore),
            ),
            ReviewWarning::OverCap {
                excellent,
                good,
                cap,
            } => format!(
                "{excellent} đồng chí hoàn thành xuất sắc nhiệm vụ, vượt {}% của {good} đồng chí hoàn thành tốt (tối đa {cap}; {}; Đảng ủy áp dụng tỷ lệ này).",
                rules::value(RuleId::ReviewExcellentCapPercent),
                rules::rule(RuleId::ReviewExcellentCapPercent).source
            ),
            ReviewWarning::DisciplinedAboveCeiling { on, ceiling } => format!(
                "bị kỷ luật ngày {} trong năm: xếp loại cao nhất là \"{}\" ({}).",
                crate::domain::date::format_date(*on),
                self.grade(*ceiling),
                rules::rule(RuleId::ReviewDisciplinedCeiling).source
            ),
            ReviewWarning::ExcludedGraded(x) => {
                format!(
                    "đang xếp loại một đồng chí không thuộc diện xếp loại: {}.",
                    self.exclusion(x)
                )
            }
            ReviewWarning::VoteFailed { yes, denominator } => format!(
                "đề xuất xếp loại chỉ được {yes}/{denominator} tán thành, chưa quá một nửa (Điều lệ Đảng, Điều 10)."
            ),
        }
    }

    fn review_notice(&self, n: &ReviewNotice) -> String {
        match n {
            ReviewNotice::Saved(w) if w.is_empty() => "Đã lưu.".into(),
            ReviewNotice::Saved(w) => {
                let ws: Vec<String> = w.iter().map(|w| self.review_warning(w)).collect();
                format!("Đã lưu. Lưu ý: {}", ws.join(" "))
            }
            ReviewNotice::Locked(g, decision) => format!(
                "Đảng ủy đã quyết định xếp loại \"{}\" ({decision}): hồ sơ đã khóa, không sửa được.",
                self.grade(*g)
            ),
            ReviewNotice::NotThematic => {
                "Đảng viên tự đánh giá hằng tháng trong buổi sinh hoạt chuyên đề; buổi này không phải sinh hoạt chuyên đề.".into()
            }
        }
    }
}
