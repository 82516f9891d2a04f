//! Tiếng Việt: the admission texts.

use super::admission::{AdmMsg, AdmissionTexts, needed, percent};
use crate::domain::admission::{
    AdmissionField, AdmissionProblem, Check, Deadline, DeadlineKind, Source, Stage, Standing, Tally,
};
use crate::domain::date::format_date;
use crate::domain::rules::{self, RuleId};

/// The Vietnamese admission texts.
#[derive(Debug, Clone, Copy)]
pub struct AdmVi;

fn src(r: RuleId) -> &'static str {
    rules::rule(r).source
}

impl AdmissionTexts for AdmVi {
    fn msg(&self, m: AdmMsg) -> &'static str {
        use AdmMsg::*;
        match m {
            Screen => "Kết nạp",
            FormNew => "Thêm quần chúng vào danh sách cảm tình Đảng",
            FormEdit => "Sửa thông tin quần chúng",
            FormStep => "Ghi bước tiếp theo của quy trình kết nạp",
            FormTarget => "Chỉ tiêu kết nạp đảng viên trong năm",
            BoardEmpty => {
                "Chưa có quần chúng nào trong quy trình kết nạp. Nhấn F7 (hoặc Insert) để thêm."
            }
            Overdue => "Quá hạn",
            Card => "Quần chúng",
            Current => "Bước hiện tại",
            Next => "Bước tiếp theo",
            Deadline => "Hạn",
            History => "Quá trình (mới nhất trước)",
            Helper => "Đảng viên giúp đỡ",
            Source => "Nguồn",
            NoNextStep => "Không còn bước nào để ghi.",
            StepSaved => "Đã ghi bước.",
            Admitted => "Đã kết nạp, thêm vào danh sách đảng viên dự bị:",
            Recognized => "Đã công nhận đảng viên chính thức:",
            RemovalProposed => "Đã ghi đề nghị xóa tên vào hồ sơ đảng viên:",
            ConfirmUndo => "Xóa bước ghi gần nhất của",
            ManualVote => "(không; nhập số phiếu bên dưới)",
            OutcomeRecognize => "Công nhận đảng viên chính thức",
            OutcomeRemove => "Xóa tên (không đủ điều kiện)",
            Overridden => "Vẫn ghi dù chưa đúng quy định; lý do:",
            WhyNotYet => "Chưa ghi được bước tiếp theo hôm nay:",
            CardHint => "F4 ghi bước tiếp · F2 sửa · F8 xóa bước cuối · Esc quay lại",
            BoardHint => "n thêm · Enter xem · a ghi bước · t chỉ tiêu · ! chưa ghi được hôm nay",
            Sponsors => "Người giới thiệu",
            Conclusion => "Kết luận",
            Document => "Văn bản",
            Responsible => "Phụ trách",
            InRoster => "Hồ sơ đảng viên",
            YouthResolution => "NQ BCH Đoàn",
            Vote => "Biểu quyết",
            ColCandidate => "Quần chúng",
            ColDays => "Đã",
            ColNext => "Bước tiếp",
            ColDeadline => "Hạn",
            NoDeadline => "—",
            NothingSelected => "Chưa chọn quần chúng nào.",
            Since => "từ",
        }
    }

    fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Listed => "Vào danh sách cảm tình Đảng",
            Stage::Course => "Học lớp bồi dưỡng nhận thức về Đảng",
            Stage::Application => "Đơn xin vào Đảng",
            Stage::PersonalRecord => "Lý lịch người xin vào Đảng",
            Stage::Vetting => "Thẩm tra lý lịch",
            Stage::Sponsors => "Đảng viên giới thiệu",
            Stage::Comments => "Nhận xét của đoàn thể và nơi cư trú",
            Stage::BranchVote => "Chi bộ biểu quyết đề nghị kết nạp",
            Stage::Decision => "Quyết định kết nạp của Đảng ủy",
            Stage::Ceremony => "Lễ kết nạp",
            Stage::NewMemberCourse => "Lớp bồi dưỡng đảng viên mới",
            Stage::RecognitionVote => "Chi bộ xét công nhận chính thức",
            Stage::RecognitionDecision => "Quyết định công nhận chính thức",
        }
    }

    fn stage_short(&self, s: Stage) -> &'static str {
        match s {
            Stage::Listed => "Cảm tình Đảng",
            Stage::Course => "Lớp nhận thức",
            Stage::Application => "Đơn xin vào Đảng",
            Stage::PersonalRecord => "Lý lịch",
            Stage::Vetting => "Thẩm tra",
            Stage::Sponsors => "Giới thiệu",
            Stage::Comments => "Nhận xét",
            Stage::BranchVote => "NQ chi bộ đề nghị",
            Stage::Decision => "QĐ kết nạp",
            Stage::Ceremony => "Lễ kết nạp",
            Stage::NewMemberCourse => "Lớp đảng viên mới",
            Stage::RecognitionVote => "Xét chính thức",
            Stage::RecognitionDecision => "QĐ chính thức",
        }
    }

    fn source(&self, s: Source) -> &'static str {
        match s {
            Source::YouthUnion => "Đoàn Thanh niên",
            Source::WomenUnion => "Hội Phụ nữ",
            Source::Veterans => "Hội Cựu chiến binh",
            Source::TradeUnion => "Công đoàn",
            Source::ResidentialGroup => "Tổ dân phố, Mặt trận",
            Source::Other => "Khác",
        }
    }

    fn field(&self, f: AdmissionField) -> &'static str {
        use AdmissionField::*;
        match f {
            Source => "Nguồn giới thiệu",
            SourceUnit => "Chi đoàn, chi hội",
            Helper => "Đảng viên giúp đỡ",
            ListedOn => "Ngày vào DS cảm tình",
            ListDecision => "Số NQ chi bộ",
            Stage => "Bước",
            Date => "Ngày",
            DocNumber => "Số văn bản",
            DocDate => "Ngày văn bản",
            Issuer => "Nơi ban hành, cấp",
            Responsible => "Người phụ trách",
            Conclusion => "Kết luận thẩm tra",
            Sponsor1 => "Người giới thiệu 1",
            Sponsor1Since => "Quen biết từ ngày (1)",
            Sponsor2 => "Người giới thiệu 2",
            Sponsor2Since => "Quen biết từ ngày (2)",
            YouthResolution => "Số NQ BCH Đoàn",
            MeetingVote => "Lấy từ biểu quyết",
            VoteYes => "Tán thành",
            VoteNo => "Không tán thành",
            VoteAbstain => "Không biểu quyết",
            Denominator => "Số ĐV có quyền BQ",
            Outcome => "Đề nghị",
            Override => "Lý do vượt quy định",
            Note => "Ghi chú",
            TargetYear => "Năm",
            TargetCount => "Chỉ tiêu kết nạp",
        }
    }

    fn check(&self, c: &Check) -> String {
        let source = src(c.rule());
        match c {
            Check::TooYoung { months, from } => format!(
                "chưa đủ {} tuổi vào ngày biểu quyết ({} tuổi {} tháng); đủ tuổi từ ngày {} ({source}).",
                rules::value(RuleId::AdmissionMinAgeMonths) / 12,
                months / 12,
                months % 12,
                format_date(*from)
            ),
            Check::TooOld { months } => format!(
                "quá {} tuổi vào ngày biểu quyết ({} tuổi {} tháng); phải được cấp ủy cấp tỉnh đồng ý ({source}).",
                rules::value(RuleId::AdmissionMaxAgeMonths) / 12,
                months / 12,
                months % 12
            ),
            Check::CertificateExpired { valid_until } => format!(
                "giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng hết giá trị sau ngày {} ({} tháng); phải học lại ({source}).",
                format_date(*valid_until),
                rules::value(RuleId::CertificateValidityMonths)
            ),
            Check::SponsorNotOfficial { name } => {
                format!("đồng chí {name} không phải đảng viên chính thức của chi bộ ({source}).")
            }
            Check::SponsorTooRecent { name, months } => format!(
                "đồng chí {name} mới quen biết người xin vào Đảng {months} tháng, cần ít nhất {} tháng ({source}).",
                rules::value(RuleId::SponsorAcquaintanceMonths)
            ),
            Check::TooFewSponsors { count } => format!(
                "cần {} đảng viên chính thức giới thiệu, hoặc 1 đảng viên và nghị quyết của BCH Đoàn; mới có {count} ({source}).",
                rules::value(RuleId::SponsorsRequired)
            ),
            Check::YouthRouteTooOld { years } => format!(
                "người xin vào Đảng {years} tuổi, quá tuổi đoàn ({}); nên có đủ đảng viên giới thiệu ({source}).",
                rules::value(RuleId::YouthUnionMaxAgeYears)
            ),
            Check::VoteShort { yes, denominator } => format!(
                "{yes}/{denominator} tán thành ({}), chưa đủ 2/3 số đảng viên chính thức có quyền biểu quyết: cần {} ({source}).",
                percent(*yes, *denominator),
                needed(*denominator)
            ),
            Check::CeremonyLate {
                working_days,
                deadline,
            } => format!(
                "lễ kết nạp sau quyết định {working_days} ngày làm việc, quá {} ngày (hạn {}); phải báo cáo và được cấp ủy cấp trên đồng ý ({source}).",
                rules::value(RuleId::CeremonyWorkingDays),
                format_date(*deadline)
            ),
            Check::ProbationNotOver { ends } => format!(
                "chưa hết {} tháng dự bị (hết ngày {}) ({source}).",
                rules::value(RuleId::ProbationMonths),
                format_date(*ends)
            ),
            Check::RecognitionLate {
                working_days,
                deadline,
            } => format!(
                "xét công nhận chính thức sau khi hết dự bị {working_days} ngày làm việc, quá {} ngày (hạn {}); ngày chính thức vẫn tính từ ngày hết dự bị ({source}).",
                rules::value(RuleId::RecognitionWorkingDays),
                format_date(*deadline)
            ),
        }
    }

    fn problem(&self, p: &AdmissionProblem) -> String {
        match p {
            AdmissionProblem::Rule(c) => self.check(c),
            AdmissionProblem::NeedsOverride => "có quy định chưa đáp ứng (tô đỏ). Nếu vẫn ghi (ví dụ đã được cấp ủy cấp trên đồng ý), nhập lý do vào ô này; lý do được lưu lại.".into(),
            AdmissionProblem::OutOfOrder(Some(s)) => {
                format!("chưa đến bước này; bước tiếp theo là: {}.", self.stage(*s))
            }
            AdmissionProblem::OutOfOrder(None) => "không có bước nào để ghi hoặc xóa.".into(),
            AdmissionProblem::BeforePrevious(d) => {
                format!("không được trước ngày của bước trước ({}).", format_date(*d))
            }
            AdmissionProblem::SameSponsor => {
                "hai người giới thiệu phải là hai đảng viên khác nhau.".into()
            }
            AdmissionProblem::NotTheMeetingDate(d) => format!(
                "biểu quyết đã chọn diễn ra ngày {}; nhập đúng ngày đó.",
                format_date(*d)
            ),
            AdmissionProblem::NotTwoThirds => {
                "biểu quyết đã chọn không tính theo tỷ lệ hai phần ba.".into()
            }
            AdmissionProblem::HelperNotOfficial => {
                "người giúp đỡ phải là đảng viên chính thức của chi bộ.".into()
            }
            AdmissionProblem::DenominatorTypedOver(n) => format!(
                "số đảng viên có quyền biểu quyết tính theo danh sách ngày biểu quyết là {n} \
                 (QĐ 294-QĐ/TW, điểm 9.3.2); nếu ghi số khác, nhập lý do vào ô lý do."
            ),
            AdmissionProblem::InRoster => "bước này đã ghi vào hồ sơ đảng viên nên không xóa ở đây; hãy sửa trên hồ sơ đảng viên (màn hình 1).".into(),
        }
    }

    fn deadline(&self, d: &Deadline) -> String {
        let date = format_date(d.date);
        match d.kind {
            DeadlineKind::CertificateExpires => {
                format!("biểu quyết trước khi giấy chứng nhận hết giá trị ({date})")
            }
            DeadlineKind::AgeLimit => format!("biểu quyết chậm nhất {date} (giới hạn tuổi)"),
            DeadlineKind::Ceremony => format!("tổ chức lễ kết nạp chậm nhất {date}"),
            DeadlineKind::Recognition => match d.not_before {
                Some(nb) => format!("xét công nhận chính thức từ {} đến {date}", format_date(nb)),
                None => format!("xét công nhận chính thức chậm nhất {date}"),
            },
        }
    }

    fn days(&self, n: i64) -> String {
        format!("{n} ngày")
    }

    fn progress(
        &self,
        year: i32,
        target: Option<u32>,
        admitted: u32,
        in_progress: usize,
        overdue: usize,
    ) -> String {
        let t = match target {
            Some(t) => {
                let left = t.saturating_sub(admitted);
                format!("chỉ tiêu {t}, đã kết nạp {admitted}, còn {left}")
            }
            None => format!("chưa đặt chỉ tiêu, đã kết nạp {admitted}"),
        };
        format!("Năm {year}: {t} · đang theo dõi {in_progress} · quá hạn {overdue}")
    }

    fn tally(&self, t: &Tally) -> String {
        format!(
            "{} tán thành, {} không tán thành, {} không biểu quyết, vắng: {} / {} có quyền biểu quyết ({})",
            t.yes,
            t.no,
            t.abstain,
            t.denominator.saturating_sub(t.yes + t.no + t.abstain),
            t.denominator,
            percent(t.yes, t.denominator)
        )
    }

    fn standing(&self, s: Standing) -> &'static str {
        match s {
            Standing::InProgress => "Đang trong quy trình",
            Standing::Official => "Đã là đảng viên chính thức",
            Standing::RemovalProposed => "Đã đề nghị xóa tên",
            Standing::AwaitingSuperior => "Chờ cấp trên quyết định",
            Standing::Withdrawn => "Thôi theo dõi",
        }
    }
}
