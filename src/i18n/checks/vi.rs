//! Tiếng Việt: texts of typed dates and rule checks.

use chrono::Weekday;

use super::ChecksCatalogue;
use crate::domain::date::{BadDate, YEAR_RANGE, format_date};
use crate::domain::rules::{self, RuleId};
use crate::domain::todo::Check;
use crate::domain::validate::RuleProblem;

/// The Vietnamese texts of dates and rule checks.
#[derive(Debug, Clone, Copy)]
pub struct ChecksVi;

impl ChecksCatalogue for ChecksVi {
    fn weekday(&self, w: Weekday) -> &'static str {
        match w {
            Weekday::Mon => "Thứ Hai",
            Weekday::Tue => "Thứ Ba",
            Weekday::Wed => "Thứ Tư",
            Weekday::Thu => "Thứ Năm",
            Weekday::Fri => "Thứ Sáu",
            Weekday::Sat => "Thứ Bảy",
            Weekday::Sun => "Chủ Nhật",
        }
    }

    fn bad_date(&self, e: BadDate) -> String {
        match e {
            BadDate::Shape => "cần nhập ngày như 05/11/2026, 5/11, 5.11.26, 05112026 \
                               hoặc \"hôm nay\"."
                .into(),
            BadDate::Day {
                day,
                month,
                year,
                last,
            } => format!(
                "sai ngày: tháng {month:02}/{year} không có ngày {day} (ngày cuối là {last})."
            ),
            BadDate::Month(m) => format!("sai tháng: {m} (tháng từ 1 đến 12)."),
            BadDate::Year(y) => format!(
                "sai năm: {y} (năm có 4 chữ số, từ {} đến {}, hoặc 2 chữ số).",
                YEAR_RANGE.0, YEAR_RANGE.1
            ),
        }
    }

    fn rule_problem(&self, p: &RuleProblem) -> String {
        match p {
            RuleProblem::RecognizedTooSoon { earliest } => {
                let r = rules::rule(RuleId::ProbationMonths);
                format!(
                    "ngày chính thức phải sau ngày vào Đảng đủ {} tháng dự bị, sớm nhất {} — {}.",
                    r.value,
                    format_date(*earliest),
                    r.source
                )
            }
            RuleProblem::Refused(r) => {
                crate::i18n::rules::catalogue(crate::i18n::Lang::Vi).refusal(r)
            }
        }
    }

    fn todo(&self, c: &Check) -> String {
        match c {
            Check::FewOfficialMembers(n, min) => format!(
                "Chi bộ chỉ có {n} đảng viên chính thức, cần ít nhất {min}; báo cáo Đảng ủy \
                 cấp trên để bổ sung hoặc sáp nhập — {}.",
                rules::rule(RuleId::MinOfficialMembers).source
            ),
            Check::AwaitingSuperior(_, name, on) => format!(
                "{name}: chờ cấp trên quyết định — chi bộ đã biểu quyết 3 lần (lần cuối {}) \
                 về công nhận đảng viên chính thức mà không đạt 2/3; báo cáo Đảng ủy cấp trên \
                 (QĐ 24-QĐ/TW, điểm 4.2.3).",
                format_date(*on)
            ),
        }
    }

    fn awaiting_superior_count(&self, n: usize) -> String {
        format!("chờ cấp trên quyết định {n}")
    }
}
