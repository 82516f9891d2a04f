//! Tiếng Việt: the handbook and the rules.

use super::{RulesCatalogue, RulesMsg};
use crate::domain::acts::{LateFlag, Quorum, Refusal};
use crate::domain::calendar::Feast;
use crate::domain::date::format_date;
use crate::domain::handbook::Topic;
use crate::domain::holidays::{DayEntry, DayKind, HolidayField};
use crate::domain::rules::{self, RuleId};
use crate::i18n::ChangeKind;

/// The Vietnamese texts of the handbook and the rules.
#[derive(Debug, Clone, Copy)]
pub struct RulesVi;

const ADMISSION: &[&str] = &[
    "Chi bộ đề nghị cho quần chúng ưu tú học lớp bồi dưỡng nhận thức về Đảng; giấy chứng nhận \
     có giá trị {0} tháng tính đến ngày chi bộ biểu quyết, quá hạn phải học lại.",
    "Người vào Đảng tự viết đơn xin vào Đảng trước khi khai lý lịch.",
    "Người vào Đảng khai lý lịch; đảng ủy cơ sở đóng dấu giáp lai trước khi thẩm tra, chi ủy \
     chưa ghi nhận xét.",
    "Thẩm tra lý lịch người vào Đảng và cha mẹ đẻ, cha mẹ vợ (chồng) hoặc người nuôi dưỡng, vợ \
     (chồng), con đã thành niên; sau thẩm tra chi ủy nhận xét, đảng ủy cơ sở chứng nhận.",
    "{0} đảng viên chính thức đã cùng công tác, học tập hoặc cư trú với người vào Đảng ít nhất \
     {1} tháng viết giấy giới thiệu; người trong độ tuổi đoàn (đến {2} tuổi) thì một đảng viên \
     và nghị quyết giới thiệu của Ban chấp hành đoàn.",
    "Lấy nhận xét của các đoàn thể nơi làm việc và của chi ủy (chi bộ) nơi cư trú.",
    "Chi bộ họp xét, biểu quyết nghị quyết đề nghị kết nạp: ít nhất {0}/{1} số đảng viên chính \
     thức có quyền biểu quyết tán thành; tuổi từ {2} đến {3} tính theo tháng đến ngày biểu quyết.",
    "Đảng ủy có thẩm quyền xét và ra quyết định kết nạp.",
    "Chi bộ tổ chức lễ kết nạp trong {0} ngày làm việc kể từ ngày nhận quyết định; chậm hơn thì \
     phải báo cáo và được cấp ủy cấp trên trực tiếp đồng ý.",
    "Phân công đảng viên chính thức giúp đỡ; thời hạn dự bị {0} tháng tính từ ngày lễ kết nạp.",
];

const RECOGNITION: &[&str] = &[
    "Khi hết {0} tháng dự bị, đảng viên dự bị làm bản tự kiểm điểm.",
    "Đảng viên chính thức giúp đỡ viết bản nhận xét; lấy nhận xét của đoàn thể và chi ủy nơi cư \
     trú.",
    "Chi bộ họp xét trong {0} ngày làm việc sau khi hết thời hạn dự bị, biểu quyết nghị quyết \
     đề nghị công nhận chính thức: ít nhất {1}/{2} số đảng viên chính thức có quyền biểu quyết \
     tán thành; không đủ tư cách thì đề nghị xóa tên.",
    "Nếu chi bộ đã biểu quyết {0} lần mà không đủ hai phần ba tán thành công nhận hay xóa tên, \
     chi bộ báo cáo để cấp ủy có thẩm quyền quyết định.",
    "Cấp ủy có thẩm quyền ra quyết định công nhận; ngày chính thức là ngày hết {0} tháng dự bị, \
     dù chi bộ hay cấp ủy xét chậm.",
];

const TRANSFER: &[&str] = &[
    "Chuyển sinh hoạt chính thức: trong {0} ngày làm việc kể từ ngày quyết định có hiệu lực \
     (hoặc chuyển nơi ở), đảng viên phải làm thủ tục chuyển sinh hoạt.",
    "Ghi \"đã đóng đảng phí đến hết tháng …\" vào giấy giới thiệu; hồ sơ đảng viên do đảng ủy \
     cơ sở giữ và chuyển.",
    "Chuyển sinh hoạt tạm thời: thay đổi nơi cư trú hoặc nơi làm việc từ 3 tháng đến dưới 1 \
     năm, hoặc đi học tập trung trong nước từ 3 tháng đến 2 năm; chi bộ gốc vẫn quản lý.",
    "Theo dõi ngày hết hạn sinh hoạt tạm thời; Sổ chi bộ nhắc trước {0} ngày.",
];

const EXEMPTION: &[&str] = &[
    "Đảng viên tuổi cao (nam từ {0}, nữ từ {1} tuổi), sức khỏe yếu, không đủ sức tham gia, làm \
     đơn (hoặc trình bày trực tiếp) xin miễn công tác và sinh hoạt đảng.",
    "Chi bộ họp xem xét, quyết định bằng nghị quyết, ghi vào sổ nghị quyết; chi ủy (bí thư) báo \
     cáo cấp ủy cấp trên trực tiếp.",
    "Ghi việc miễn vào hồ sơ đảng viên; miễn tạm thời mỗi lần không quá {0} tháng.",
    "Khi đảng viên xin trở lại sinh hoạt, chi bộ xem xét, quyết định; Sổ chi bộ nhắc trước {0} \
     ngày khi hết thời hạn miễn tạm thời.",
];

const REMOVAL: &[&str] = &[
    "Đảng viên bỏ sinh hoạt hoặc không đóng đảng phí {0} tháng trong năm mà không có lý do \
     chính đáng: chi bộ xem xét, đề nghị xóa tên.",
    "Chi bộ họp, biểu quyết nghị quyết đề nghị xóa tên (hơn {0}% số đảng viên chính thức có \
     quyền biểu quyết tán thành).",
    "Cấp ủy có thẩm quyền ra quyết định xóa tên; chi bộ ghi vào hồ sơ đảng viên.",
    "Đảng viên dự bị không đủ tư cách công nhận chính thức thì chi bộ đề nghị xóa tên.",
];

const REVIEW: &[&str] = &[
    "Mùa kiểm điểm, đánh giá, xếp loại mở từ tháng {0} theo công văn hằng năm; đảng viên có kế \
     hoạch phấn đấu từ đầu năm.",
    "Đảng viên viết bản kiểm điểm, tự chấm điểm và tự xếp loại.",
    "Chi bộ họp kiểm điểm, góp ý, biểu quyết đề xuất mức xếp loại (hơn {0}% tán thành): hoàn \
     thành xuất sắc từ {1} điểm, hoàn thành tốt từ {2} điểm, hoàn thành từ {3} điểm.",
    "Số hoàn thành xuất sắc không quá {0}% số hoàn thành tốt; đảng viên bị kỷ luật trong năm bị \
     giới hạn mức xếp loại; kết nạp chưa đủ {1} tháng thì chưa xếp loại.",
    "Đảng ủy quyết định, thông báo kết quả xếp loại cho chi bộ và đảng viên.",
];

const BADGES: &[&str] = &[
    "Huy hiệu Đảng tặng khi đủ {0}, {1} năm tuổi đảng, rồi mỗi {2} năm đến {3} năm.",
    "Lập danh sách đề nghị trước các dịp trao: {0}, {1}, {2}, {3}.",
    "Đảng viên ốm nặng được xét tặng sớm tối đa {0} tháng (mốc dưới {1} năm) hoặc {2} tháng \
     (mốc từ {1} năm); truy tặng sớm tối đa {3} tháng.",
    "Ghi việc trao huy hiệu (ngày, số quyết định) vào sổ.",
];

const DUES: &[&str] = &[
    "Mức đóng: {0}% tiền lương làm căn cứ đóng bảo hiểm xã hội; {1}% lương hưu; học sinh, \
     sinh viên {2} đồng mỗi tháng.",
    "Đảng viên đóng hằng tháng bằng tiền mặt cho chi bộ hoặc qua Cổng Dịch vụ công quốc gia; \
     chi bộ ghi sổ thu.",
    "Miễn đóng khi đủ {0} năm tuổi đảng; khó khăn thì miễn hoặc giảm {1}%, {2}%, {3}%, mỗi \
     quyết định không quá {4} tháng, có đơn đề nghị.",
    "Không đóng đảng phí {0} tháng trong năm không có lý do chính đáng: chi bộ đề nghị xóa tên.",
];

const LIAISON: &[&str] = &[
    "Tiếp nhận giấy giới thiệu của đảng viên đang công tác về giữ mối liên hệ với chi ủy, chi \
     bộ nơi cư trú.",
    "Các trường hợp được miễn giới thiệu, hoặc được giới thiệu nhưng miễn sinh hoạt nơi cư trú, \
     theo HD 33.",
    "Hằng năm, trước khi cơ quan kiểm điểm, chi ủy (chi bộ) lấy ý kiến ban công tác mặt trận, \
     nhận xét đảng viên và gửi lại qua đảng ủy phường.",
];

impl RulesCatalogue for RulesVi {
    fn msg(&self, m: RulesMsg) -> &'static str {
        match m {
            RulesMsg::HandbookTitle => "SỔ TAY NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN",
            RulesMsg::Form => "Mẫu",
            RulesMsg::Source => "Căn cứ",
            RulesMsg::InApp => "Trong Sổ chi bộ",
            RulesMsg::Topics => "Các quy trình",
            RulesMsg::HandbookUsage => "Xem một quy trình: sochibo handbook \"ket nap\"",
            RulesMsg::ScreenName => "Quy định",
            RulesMsg::ColRule => "Quy định",
            RulesMsg::ColValue => "Giá trị",
            RulesMsg::ColSource => "Căn cứ",
            RulesMsg::ColCertainty => "Đối chiếu",
            RulesMsg::Verified => "đã đối chiếu",
            RulesMsg::SecondHand => "qua trích dẫn",
            RulesMsg::Unverified => "chưa đối chiếu (chi bộ tự đặt)",
            RulesMsg::ChangedByBranch => "chi bộ đã đổi",
            RulesMsg::FieldValue => "Giá trị mới",
            RulesMsg::FieldWho => "Người thay đổi",
            RulesMsg::FieldReason => "Lý do",
            RulesMsg::NeedReason => "Lý do: cần ghi lý do thay đổi quy định.",
            RulesMsg::NeedWho => "Người thay đổi: cần ghi họ tên người thay đổi.",
            RulesMsg::NotASetting => {
                "Quy định này đã đối chiếu văn bản, không phải mục chi bộ tự đặt."
            }
            RulesMsg::LateFlag => "muộn",
            RulesMsg::SectionRules => "Quy định",
            RulesMsg::SectionHolidays => "Ngày nghỉ",
            RulesMsg::ColDate => "Ngày",
            RulesMsg::ColKind => "Loại",
            RulesMsg::ColBy => "Theo",
            RulesMsg::ColName => "Tên ngày",
            RulesMsg::ByLaw => "luật",
            RulesMsg::ByBranch => "chi bộ",
            RulesMsg::Year => "Năm",
            RulesMsg::HolidayNew => "Ngày nghỉ: thêm ngày của chi bộ",
            RulesMsg::HolidayEdit => "Ngày nghỉ: sửa ngày của chi bộ",
            RulesMsg::OverriddenByBranch => "chi bộ đã đổi ngày này (xem dòng dưới)",
        }
    }

    fn topic(&self, t: Topic) -> &'static str {
        match t {
            Topic::Admission => "Kết nạp đảng viên",
            Topic::Recognition => "Công nhận đảng viên chính thức",
            Topic::Transfer => "Chuyển sinh hoạt đảng (chính thức, tạm thời)",
            Topic::Exemption => "Miễn công tác và sinh hoạt đảng",
            Topic::Removal => "Xóa tên đảng viên",
            Topic::Review => "Kiểm điểm, đánh giá, xếp loại đảng viên hằng năm",
            Topic::Badges => "Tặng Huy hiệu Đảng",
            Topic::Dues => "Thu, nộp đảng phí",
            Topic::Liaison => "Đảng viên giữ mối liên hệ với nơi cư trú (Quy định 213)",
        }
    }

    fn steps(&self, t: Topic) -> &'static [&'static str] {
        match t {
            Topic::Admission => ADMISSION,
            Topic::Recognition => RECOGNITION,
            Topic::Transfer => TRANSFER,
            Topic::Exemption => EXEMPTION,
            Topic::Removal => REMOVAL,
            Topic::Review => REVIEW,
            Topic::Badges => BADGES,
            Topic::Dues => DUES,
            Topic::Liaison => LIAISON,
        }
    }

    fn rule(&self, id: RuleId) -> &'static str {
        use RuleId::*;
        match id {
            AdmissionMinAgeMonths => "Tuổi tối thiểu khi kết nạp (tháng)",
            AdmissionMaxAgeMonths => "Tuổi tối đa khi kết nạp (tháng)",
            ProbationMonths => "Thời hạn dự bị (tháng)",
            MinOfficialMembers => "Số đảng viên chính thức tối thiểu của chi bộ",
            MajorityPercent => "Biểu quyết thông qua: hơn (%)",
            QualifiedMajorityNumerator => "Kết nạp, công nhận: tử số (2/3)",
            QualifiedMajorityDenominator => "Kết nạp, công nhận: mẫu số (2/3)",
            RemovalAbsenceMonths => "Bỏ sinh hoạt, không đóng đảng phí: số tháng trong năm",
            TransferWorkingDays => "Chuyển sinh hoạt chính thức (ngày làm việc)",
            EndingSoonDays => "Nhắc trước khi hết hạn (ngày)",
            FullExemptionMinAgeMale => "Miễn sinh hoạt: tuổi cao, nam (tuổi)",
            FullExemptionMinAgeFemale => "Miễn sinh hoạt: tuổi cao, nữ (tuổi)",
            TemporaryExemptionMaxMonths => "Miễn sinh hoạt tạm thời: tối đa (tháng)",
            SuggestExemptionAge => "Gợi ý miễn thay vì xóa tên từ tuổi",
            CertificateValidityMonths => "Giấy chứng nhận bồi dưỡng có giá trị (tháng)",
            SponsorAcquaintanceMonths => "Người giới thiệu: thời gian cùng công tác (tháng)",
            SponsorsRequired => "Số đảng viên giới thiệu",
            YouthUnionMaxAgeYears => "Độ tuổi đoàn: tối đa (tuổi)",
            CeremonyWorkingDays => "Lễ kết nạp sau quyết định (ngày làm việc)",
            RecognitionWorkingDays => "Xét công nhận sau hết dự bị (ngày làm việc)",
            RecognitionVoteRounds => "Số lần biểu quyết công nhận trước khi báo cáo lên",
            ReviewSeasonStartMonth => "Tháng mở mùa kiểm điểm",
            ReviewExcellentMinScore => "Hoàn thành xuất sắc: từ (điểm)",
            ReviewGoodMinScore => "Hoàn thành tốt: từ (điểm)",
            ReviewCompletedMinScore => "Hoàn thành: từ (điểm)",
            ReviewExcellentCapPercent => "Hoàn thành xuất sắc: tối đa (% số hoàn thành tốt)",
            ReviewDisciplinedCeiling => "Bị kỷ luật trong năm: mức cao nhất (1–4)",
            ReviewMinMonthsSinceAdmission => "Kết nạp dưới (tháng) thì chưa xếp loại",
            BadgeFirstMilestoneYears => "Huy hiệu: mốc đầu (năm)",
            BadgeSecondMilestoneYears => "Huy hiệu: mốc thứ hai (năm)",
            BadgeMilestoneStepYears => "Huy hiệu: mỗi mốc tiếp theo (năm)",
            BadgeLastMilestoneYears => "Huy hiệu: mốc cuối (năm)",
            BadgeLongEarlyFromYears => "Huy hiệu: tặng sớm dài hơn từ mốc (năm)",
            BadgeEarlyMonths => "Huy hiệu: tặng sớm khi ốm nặng (tháng)",
            BadgeLongEarlyMonths => "Huy hiệu: tặng sớm, mốc cao (tháng)",
            BadgePosthumousEarlyMonths => "Huy hiệu: truy tặng sớm (tháng)",
            BadgePresentationFeb3 => "Huy hiệu: dịp trao 3/2",
            BadgePresentationMay19 => "Huy hiệu: dịp trao 19/5",
            BadgePresentationSep2 => "Huy hiệu: dịp trao 2/9",
            BadgePresentationNov7 => "Huy hiệu: dịp trao 7/11",
            DuesSalaryBasisPoints => "Đảng phí: theo lương (phần vạn)",
            DuesPensionBasisPoints => "Đảng phí: theo lương hưu (phần vạn)",
            DuesStudentMonthly => "Đảng phí: học sinh, sinh viên (đồng/tháng)",
            DuesExemptMembershipYears => "Miễn đảng phí từ (năm tuổi đảng)",
            DuesReductionLowPercent => "Giảm đảng phí: mức thấp (%)",
            DuesReductionMidPercent => "Giảm đảng phí: mức giữa (%)",
            DuesReductionHighPercent => "Giảm đảng phí: mức cao (%)",
            DuesReliefMaxMonths => "Miễn, giảm đảng phí: tối đa mỗi lần (tháng)",
            LiaisonCommentMonth => "Nhắc nhận xét đảng viên QĐ 213 từ tháng",
            LiaisonActivityExemptNoComment => {
                "QĐ 213: miễn sinh hoạt nơi cư trú thì không nhận xét (1 = có)"
            }
            LiaisonIntroductionExemptNoComment => {
                "QĐ 213: miễn giới thiệu thì không nhận xét (1 = có)"
            }
            QuorumPercent => "Số đảng viên dự họp tối thiểu: hơn (% số phải có mặt)",
            Tet2027DaysBefore => "Tết 2027: số ngày nghỉ trước mùng Một (06/02/2027)",
            CultureDayOff => "Ngày Văn hóa Việt Nam 24/11 là ngày nghỉ (1 = có)",
            DuesHandedOnPercent => "Đảng phí chi bộ nộp cấp trên (% số đã thu)",
        }
    }

    fn unknown_topic(&self, typed: &str) -> String {
        format!("Không có quy trình \"{typed}\" trong sổ tay. Các quy trình:")
    }

    fn bad_value(&self, rule: &str, typed: &str, min: i64, max: i64) -> String {
        format!("{rule}: \"{typed}\" không dùng được — cần một số nguyên từ {min} đến {max}.")
    }

    fn refusal(&self, r: &Refusal) -> String {
        let what = match r {
            Refusal::LateWithoutReason { rule, due } => format!(
                "{}: quá hạn ngày {}, cần ghi lý do",
                self.rule(*rule),
                format_date(*due)
            ),
            Refusal::TooEarly { rule, from } => format!(
                "{}: chưa được làm trước ngày {}",
                self.rule(*rule),
                format_date(*from)
            ),
            Refusal::AboveLimit { rule, value, limit } => {
                format!("{}: {value}, tối đa {limit}", self.rule(*rule))
            }
            Refusal::BelowLimit { rule, value, limit } => {
                format!("{}: {value}, tối thiểu {limit}", self.rule(*rule))
            }
            Refusal::EndsTooLate {
                rule,
                months,
                latest,
            } => format!(
                "Dài quá {months} tháng tối đa; ngày kết thúc muộn nhất là {} ({})",
                format_date(*latest),
                self.rule(*rule)
            ),
            Refusal::NoQuorum(q) => format!(
                "Chưa biểu quyết được: cần hơn {}% số đảng viên phải dự họp có mặt, tức ít nhất \
                 {}/{} (có mặt {}/{})",
                rules::value(RuleId::QuorumPercent),
                q.needed,
                q.must_attend,
                q.present,
                q.must_attend
            ),
        };
        format!(
            "{what} — {}",
            super::source(crate::i18n::Lang::Vi, r.rule())
        )
    }

    fn late_flag(&self, f: &LateFlag) -> String {
        format!(
            "[MUỘN] {}: hạn {}, làm ngày {}; lý do: {}",
            self.rule(f.rule),
            format_date(f.due),
            format_date(f.done),
            f.reason
        )
    }

    fn quorum(&self, q: &Quorum) -> String {
        format!(
            "có mặt {}/{}, cần ít nhất {}",
            q.present, q.must_attend, q.needed
        )
    }

    fn setting_line(&self, o: &rules::Override) -> String {
        format!(
            "chi bộ đặt {} ngày {} ({}): {}",
            o.value,
            format_date(o.on),
            o.who,
            o.reason
        )
    }

    fn field(&self, f: rules::RuleField) -> &'static str {
        match f {
            rules::RuleField::Value => "Giá trị mới",
            rules::RuleField::Who => "Người thay đổi",
            rules::RuleField::Reason => "Lý do",
        }
    }

    fn notice(&self, n: &super::RulesNotice) -> String {
        match n {
            super::RulesNotice::NotASetting(id) => format!(
                "«{}» đã đối chiếu văn bản ({}), không phải mục chi bộ tự đặt.",
                self.rule(*id),
                rules::rule(*id).source
            ),
            super::RulesNotice::BuiltinDay(d) => format!(
                "Ngày {} là ngày nghỉ theo luật, không sửa được và không xóa được: nếu thông \
                 báo cho đi làm ngày này, thêm (F7) một ngày của chi bộ loại «ngày làm bù» cho \
                 ngày đó.",
                format_date(*d)
            ),
            super::RulesNotice::HolidayTaken(d) => format!(
                "Ngày: chi bộ đã có mục cho ngày {}; sửa mục đó (F2) thay vì thêm mục mới.",
                format_date(*d)
            ),
        }
    }

    fn day_kind(&self, k: DayKind) -> &'static str {
        match k {
            DayKind::DayOff => "ngày nghỉ",
            DayKind::WorkDay => "ngày làm bù",
        }
    }

    fn feast(&self, f: Feast) -> &'static str {
        match f {
            Feast::NewYear => "Tết Dương lịch",
            Feast::Tet => "Tết Âm lịch",
            Feast::HungKings => "Giỗ Tổ Hùng Vương",
            Feast::Victory => "Ngày Chiến thắng 30/4",
            Feast::Labour => "Ngày Quốc tế Lao động",
            Feast::National => "Quốc khánh",
            Feast::MadeUp => "Nghỉ bù ngày lễ trùng cuối tuần",
            Feast::Culture => "Ngày Văn hóa Việt Nam",
        }
    }

    fn holiday_field(&self, f: HolidayField) -> &'static str {
        match f {
            HolidayField::Date => "Ngày",
            HolidayField::Kind => "Loại",
            HolidayField::Name => "Tên ngày",
            HolidayField::Source => "Căn cứ",
            HolidayField::Who => "Người thêm",
            HolidayField::Reason => "Lý do",
        }
    }

    fn holiday_line(&self, e: &DayEntry) -> String {
        format!(
            "chi bộ: {} ghi ngày {} ({}); căn cứ: {}",
            e.who,
            format_date(e.at),
            e.reason,
            e.source
        )
    }

    fn holiday_delete(&self, e: &DayEntry) -> String {
        format!(
            "Xóa {} {} «{}» của chi bộ? Hạn tính theo ngày làm việc sẽ tính lại theo lịch \
             của luật.",
            self.day_kind(e.kind),
            format_date(e.date),
            e.name
        )
    }

    fn holiday_change(&self, kind: ChangeKind, e: &DayEntry) -> String {
        let verb = match kind {
            ChangeKind::Created => "thêm",
            ChangeKind::Changed => "sửa",
            ChangeKind::Deleted => "xóa",
        };
        format!(
            "{verb} {} {} «{}» của chi bộ",
            self.day_kind(e.kind),
            format_date(e.date),
            e.name
        )
    }
}
