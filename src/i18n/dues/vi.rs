//! Tiếng Việt: texts of the dues and badges screen.

use super::{DuesCatalogue, DuesMsg, DuesText};
use crate::domain::badges::{BadgeField, Basis};
use crate::domain::date::format_date;
use crate::domain::dues::{
    self, Category, Due, DuesField, Exemption, Method, ReliefKind, format_rate, group_thousands,
};
use crate::domain::rules::{self, RuleId};

/// The Vietnamese texts of the dues and badges screen.
#[derive(Debug, Clone, Copy)]
pub struct DuesVi;

fn months_list(ms: &[dues::YearMonth]) -> String {
    // "06, 07, 08/2026" when all in one year.
    match (ms.first(), ms.last()) {
        (Some(a), Some(b)) if a.year == b.year => {
            let parts: Vec<String> = ms.iter().map(|m| format!("{:02}", m.month)).collect();
            format!("{}/{}", parts.join(", "), a.year)
        }
        _ => ms
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

impl DuesCatalogue for DuesVi {
    fn msg(&self, m: DuesMsg) -> &'static str {
        use DuesMsg::*;
        match m {
            ScreenName => "Đảng phí",
            TabDues => "Thu đảng phí",
            TabBadges => "Huy hiệu Đảng",
            ColDue => "Phải đóng",
            ColThisMonth => "Tháng này",
            ColPaidThrough => "Đóng đến",
            ColArrears => "Nợ trong năm",
            ColCategory => "Đối tượng",
            ColMonthly => "Mức đóng/tháng",
            ColArrearsMonths => "Số tháng nợ",
            ColArrearsAmount => "Số tiền nợ",
            ColFlag => "Cảnh báo",
            ColPresentation => "Đợt trao",
            ColMilestone => "Huy hiệu",
            ColReached => "Ngày đủ",
            ColBasis => "Diện",
            ColAwarded => "Đã trao",
            ColAwardDate => "Ngày trao",
            ColDecision => "Số quyết định",
            ColTenure => "Tuổi Đảng",
            ColNextMilestone => "Huy hiệu tới",
            ColMonth => "Tháng",
            ColExpected => "Phải thu",
            ColCollected => "Đã thu",
            ColUnpaid => "Chưa thu",
            ColOwed => "Còn nợ",
            Total => "Cộng",
            Unpaid => "chưa đóng",
            NotAwarded => "chưa trao",
            NoProfile => "chưa khai báo mức (phím e)",
            Illness => "bệnh hiểm nghèo",
            NoCandidates => "Không có đồng chí nào đủ tuổi Đảng nhận huy hiệu trong đợt này.",
            NoMembers => "Không có đảng viên nào trong chi bộ tháng này.",
            ReliefNone => "Không",
            FormProfile => "Mức đóng đảng phí",
            FormAward => "Ghi nhận trao Huy hiệu Đảng",
            FormPayer => "Đóng đảng phí do người khác nộp hộ:",
            FormHandOn => "Đảng phí đã nộp cấp trên, tháng",
            MonthHint => "mm/yyyy",
            AmountHint => "đồng, vd. 5.432.000",
            ConfirmDeleteAward => "Xóa ghi nhận trao huy hiệu của đồng chí",
            NeedsProfile => "Chưa khai báo mức đóng đảng phí (nhấn F2 để khai báo) của đồng chí",
            Legend => {
                "✓ đã đóng · . chưa đóng · – không phải đóng (miễn hoặc chưa/không sinh hoạt tại chi bộ)"
            }
            MonthlyHeading => "Tổng hợp theo tháng:",
            PresentationHeading => "ĐỢT TRAO",
        }
    }

    fn text(&self, t: DuesText<'_>) -> String {
        match t {
            DuesText::Month(m) => format!("Tháng {m}"),
            DuesText::MonthShort(n) => format!("T{n}"),
            DuesText::Paid(method, d) => {
                let how = match method {
                    Method::Cash => "tiền mặt",
                    Method::Online => "trực tuyến",
                };
                format!("✓ {how} {}", d.format("%d/%m"))
            }
            DuesText::ArrearsCell(a) if a.months.is_empty() => String::new(),
            DuesText::ArrearsCell(a) => format!(
                "{} th · {}{}",
                a.months.len(),
                self.amount(a.amount),
                if a.flagged() { " ⚠" } else { "" }
            ),
            DuesText::MonthTotals(m, t) => {
                let mut s = format!(
                    "Tháng {m}: phải thu {} · đã thu {} · chưa thu {}",
                    self.money(t.expected),
                    self.money(t.collected),
                    self.money(t.unpaid)
                );
                if t.unknown > 0 {
                    s.push_str(&format!(" · {} đ/c chưa khai báo mức đóng", t.unknown));
                }
                s
            }
            DuesText::Collected(h) => format!(
                "Tiền thu trong tháng {} (tiền mặt {}, trực tuyến {})",
                self.money(h.collected),
                self.money(h.cash),
                self.money(h.online())
            ),
            DuesText::HandOn(h) => format!(
                "Phải nộp cấp trên {}%: {} · đã nộp {} · chênh lệch {}",
                h.percent,
                self.money(h.share),
                h.handed
                    .map_or_else(|| "chưa ghi (F7)".to_string(), |a| self.money(a)),
                self.money(h.difference())
            ),
            DuesText::YearTotals(y, t, last) => format!(
                "Năm {y} đến T{}: phải thu {} · đã thu {} · nợ {}",
                last.month,
                self.money(t.expected),
                self.money(t.collected),
                self.money(t.unpaid)
            ),
            DuesText::Rate(p, due) => {
                let base = match p.category {
                    Category::Salary | Category::Pension if matches!(due, Due::Owed(_)) => {
                        format!("{} → ", self.money(p.base))
                    }
                    _ => String::new(),
                };
                let sep = if base.is_empty() { " · " } else { ": " };
                let mut s = format!("{}{sep}{base}", self.category(p.category));
                s.push_str(&match due {
                    Due::Owed(a) => format!("{}/tháng", self.money(a)),
                    Due::Exempt(e) => self.exemption(e),
                    Due::Unknown | Due::NotOwed => String::new(),
                });
                if let Some(r) = &p.relief {
                    s.push_str(&format!(
                        " · {} {}–{} ({})",
                        self.relief(r.kind),
                        r.from,
                        r.to,
                        r.decision
                    ));
                }
                s
            }
            DuesText::PaidThrough(Some(m)) => format!("đã đóng đến tháng {m}"),
            DuesText::PaidThrough(None) => "chưa đóng tháng nào".into(),
            DuesText::ArrearsMonths(a) if a.months.is_empty() => "không nợ".into(),
            DuesText::ArrearsMonths(a) => format!(
                "nợ tháng {}: {}",
                months_list(&a.months),
                self.money(a.amount)
            ),
            DuesText::FlagRule => format!(
                "⚠ ≥ {} tháng chưa đóng trong năm ({}): xem xét đề nghị xóa tên",
                rules::value(RuleId::RemovalAbsenceMonths),
                rules::rule(RuleId::DuesSalaryBasisPoints).source
            ),
            DuesText::Presentation(p, prev) => format!(
                "Đợt trao {} · đủ tuổi Đảng từ {} đến {}",
                format_date(p),
                format_date(prev.succ_opt().unwrap_or(prev)),
                format_date(p)
            ),
            DuesText::Milestone(y) => format!("{y} năm"),
            DuesText::Tenure(months) => format!("{} năm {} th", months / 12, months % 12),
            DuesText::Awarded(a) => format!("✓ {}", format_date(a.date)),
            DuesText::AwardLine(a) => format!(
                "Đã trao Huy hiệu {} năm tuổi Đảng ngày {}, quyết định số {}",
                a.milestone,
                format_date(a.date),
                a.decision
            ),
            DuesText::BadgeSummary(total, due, early, posthumous, awarded) => format!(
                "{total} đồng chí: {due} đến hạn, {early} sớm (bệnh hiểm nghèo), {posthumous} truy tặng; đã trao {awarded}"
            ),
            DuesText::AllMembers(d) => {
                format!(
                    "Tuổi Đảng và huy hiệu tiếp theo của từng đảng viên (tính đến {})",
                    format_date(d)
                )
            }
            DuesText::DuesReportTitle(branch, y) => {
                format!("{branch}\nTÌNH HÌNH THU ĐẢNG PHÍ NĂM {y}")
            }
            DuesText::BadgesReportTitle(branch, y) => {
                format!("{branch}\nDANH SÁCH ĐẢNG VIÊN ĐỦ TUỔI ĐẢNG NHẬN HUY HIỆU NĂM {y}")
            }
            DuesText::DuesSheet(y) => format!("Đảng phí {y}"),
            DuesText::BadgesSheet(y) => format!("Huy hiệu Đảng {y}"),
            DuesText::MadeOn(d) => format!("Lập ngày {}", format_date(d)),
            DuesText::FlaggedHeading => format!(
                "Đảng viên chưa đóng đảng phí từ {} tháng trở lên trong năm ({}):",
                rules::value(RuleId::RemovalAbsenceMonths),
                rules::rule(RuleId::DuesSalaryBasisPoints).source
            ),
            DuesText::FlaggedMember(name, n) => format!("- {name}: {n} tháng"),
        }
    }

    fn field(&self, f: DuesField) -> &'static str {
        match f {
            DuesField::From => "Áp dụng từ tháng",
            DuesField::Category => "Đối tượng",
            DuesField::Base => "Lương/hưu/mức (đồng)",
            DuesField::Relief => "Miễn, giảm",
            DuesField::Decision => "Quyết định miễn, giảm",
            DuesField::ReliefFrom => "Miễn, giảm từ tháng",
            DuesField::ReliefTo => "Miễn, giảm đến tháng",
            DuesField::Payer => "Người nộp hộ",
            DuesField::HandedDate => "Ngày nộp cấp trên",
            DuesField::HandedAmount => "Số tiền đã nộp (đồng)",
            DuesField::HandedTo => "Nộp cho",
            DuesField::HandedNote => "Ghi chú",
        }
    }

    fn badge_field(&self, f: BadgeField) -> &'static str {
        match f {
            BadgeField::Milestone => "Huy hiệu",
            BadgeField::Date => "Ngày trao",
            BadgeField::Decision => "Số quyết định",
        }
    }

    fn category(&self, c: Category) -> String {
        let rate = |id| format_rate(rules::value(id), ',');
        match c {
            Category::Salary => {
                format!("Lương đóng BHXH ({})", rate(RuleId::DuesSalaryBasisPoints))
            }
            Category::Pension => format!("Lương hưu ({})", rate(RuleId::DuesPensionBasisPoints)),
            Category::Student => format!(
                "Học sinh, sinh viên ({})",
                self.money(rules::value(RuleId::DuesStudentMonthly))
            ),
            Category::Fixed => "Khác: mức đóng cố định".into(),
            Category::SocialPension => "Hưởng trợ cấp hưu trí xã hội (miễn)".into(),
        }
    }

    fn relief(&self, k: ReliefKind) -> String {
        match k {
            ReliefKind::SpecialHardship => "Miễn: hoàn cảnh đặc biệt khó khăn".into(),
            ReliefKind::Exempt => "Miễn: hoàn cảnh khó khăn".into(),
            ReliefKind::Reduce(p) => format!("Giảm {p}%"),
        }
    }

    fn exemption(&self, e: Exemption) -> String {
        match e {
            Exemption::LongMembership => format!(
                "miễn: tuổi Đảng ≥ {} năm",
                rules::value(RuleId::DuesExemptMembershipYears)
            ),
            Exemption::SocialPension => "miễn: trợ cấp hưu trí XH".into(),
            Exemption::Hardship => "miễn: hoàn cảnh khó khăn".into(),
        }
    }

    fn basis(&self, b: Basis) -> &'static str {
        match b {
            Basis::Due => "đến hạn",
            Basis::EarlyIllness => "sớm: bệnh hiểm nghèo",
            Basis::Posthumous => "truy tặng",
        }
    }

    fn amount(&self, n: i64) -> String {
        group_thousands(n, '.')
    }

    fn money(&self, n: i64) -> String {
        format!("{} đ", group_thousands(n, '.'))
    }
}
