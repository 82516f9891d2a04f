//! The secretary's handbook (sổ tay nghiệp vụ, #22.5): the procedures a branch runs, each
//! a numbered list of steps. A step names the document and article it follows, the form it
//! uses, the numbers of the rules table it depends on (so a deadline is written once, in
//! `rules.rs`) and the screen and key of this app that does it (as keymap names, turned
//! into key labels by whoever shows the step). The words of each step are in the
//! catalogue (`i18n::rules`); this module holds the structure and finds a topic.

use super::rules::RuleId;
use super::text::fold;

/// A procedure of the handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Kết nạp đảng viên.
    Admission,
    /// Công nhận đảng viên chính thức.
    Recognition,
    /// Chuyển sinh hoạt đảng (chính thức và tạm thời).
    Transfer,
    /// Miễn công tác và sinh hoạt đảng.
    Exemption,
    /// Xóa tên đảng viên.
    Removal,
    /// Kiểm điểm, đánh giá, xếp loại hằng năm.
    Review,
    /// Huy hiệu Đảng.
    Badges,
    /// Đảng phí.
    Dues,
    /// Đảng viên đang công tác giữ mối liên hệ với nơi cư trú (QĐ 213).
    Liaison,
}

impl Topic {
    /// Every topic, in the handbook's order.
    pub const ALL: &'static [Topic] = &[
        Topic::Admission,
        Topic::Recognition,
        Topic::Transfer,
        Topic::Exemption,
        Topic::Removal,
        Topic::Review,
        Topic::Badges,
        Topic::Dues,
        Topic::Liaison,
    ];

    /// The words a secretary types for the topic (compared diacritic-blind). The first
    /// is the topic's name on the command line.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Topic::Admission => &["ket nap", "kết nạp", "admission"],
            Topic::Recognition => &[
                "chuyen chinh thuc",
                "công nhận chính thức",
                "dự bị",
                "recognition",
            ],
            Topic::Transfer => &["chuyen sinh hoat", "giấy giới thiệu", "transfer"],
            Topic::Exemption => &["mien sinh hoat", "miễn công tác", "exemption"],
            Topic::Removal => &["xoa ten", "removal"],
            Topic::Review => &["danh gia", "kiểm điểm", "xếp loại", "phân loại", "review"],
            Topic::Badges => &["huy hieu", "badge"],
            Topic::Dues => &["dang phi", "dues"],
            Topic::Liaison => &["dang vien 213", "quy định 213", "213", "nơi cư trú"],
        }
    }

    /// The topic's name on the command line ("ket nap").
    pub fn slug(self) -> &'static str {
        self.keys()[0]
    }
}

/// The topic a typed name means: equal to one of its keys, diacritic-blind, else the only
/// topic whose key starts with (or contains) what was typed. `None` when nothing or more
/// than one topic matches.
pub fn find_topic(typed: &str) -> Option<Topic> {
    let want = fold(typed.trim())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if want.is_empty() {
        return None;
    }
    let keys = |t: &Topic| t.keys().iter().map(|k| fold(k)).collect::<Vec<_>>();
    if let Some(t) = Topic::ALL.iter().find(|t| keys(t).contains(&want)) {
        return Some(*t);
    }
    let partial: Vec<Topic> = Topic::ALL
        .iter()
        .copied()
        .filter(|t| keys(t).iter().any(|k| k.contains(&want)))
        .collect();
    match partial.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// How a rule's value is written in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// As it is (a count, months, days, years, a percentage).
    Plain,
    /// A value in months written in whole years (216 → 18).
    YearsOfMonths,
    /// Basis points written as a percentage (50 → "0,5").
    BasisPoints,
    /// An amount of money in đồng ("5.000").
    Money,
    /// A date stored as month × 100 + day, written "d/m" (519 → "19/5").
    DayMonth,
}

/// Where in this app a step is done: keymap names of the screen's key, the context and
/// the action (turned into labels with the keymap in force).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppPlace {
    /// The global action that opens the screen ("screen_7").
    pub screen: &'static str,
    /// The keymap section of the step's key ("candidate").
    pub context: &'static str,
    /// The action ("admission_step").
    pub action: &'static str,
}

/// One step of a procedure (its words are in the catalogue, at the same index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The document and article the step follows.
    pub source: &'static str,
    /// The form the step uses, if any (document text: always Vietnamese).
    pub form: Option<&'static str>,
    /// The rules-table rows whose values the step's words show as {0}, {1}, …
    pub numbers: &'static [(RuleId, Unit)],
    /// Where this app does it.
    pub app: Option<AppPlace>,
}

const fn at(screen: &'static str, context: &'static str, action: &'static str) -> Option<AppPlace> {
    Some(AppPlace {
        screen,
        context,
        action,
    })
}

const fn step(
    source: &'static str,
    form: Option<&'static str>,
    numbers: &'static [(RuleId, Unit)],
    app: Option<AppPlace>,
) -> Step {
    Step {
        source,
        form,
        numbers,
        app,
    }
}

use RuleId as R;
use Unit::{BasisPoints, DayMonth, Money, Plain, YearsOfMonths};

const ADMISSION: &[Step] = &[
    step(
        "HD 06-HD/TW (09/6/2025), điểm 5.4",
        Some("Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng"),
        &[(R::CertificateValidityMonths, Plain)],
        at("screen_7", "admission", "admission_new"),
    ),
    step(
        "HD 06-HD/TW (09/6/2025), điểm 3",
        Some("Mẫu 1-KNĐ (Đơn xin vào Đảng)"),
        &[],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "HD 06-HD/TW (09/6/2025), điểm 3.4d",
        Some("Mẫu 2-KNĐ (Lý lịch của người xin vào Đảng)"),
        &[],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "HD 06-HD/TW (09/6/2025), điểm 3.4a, c, d",
        None,
        &[],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "Điều lệ Đảng, Điều 4; QĐ 294-QĐ/TW (26/5/2025), điểm 3.2.1",
        Some(
            "Mẫu 3-KNĐ (Giấy giới thiệu người vào Đảng); Mẫu 4-KNĐ (Nghị quyết giới thiệu đoàn viên ưu tú)",
        ),
        &[
            (R::SponsorsRequired, Plain),
            (R::SponsorAcquaintanceMonths, Plain),
            (R::YouthUnionMaxAgeYears, Plain),
        ],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "HD 06-HD/TW (09/6/2025), điểm 3.5",
        Some("Mẫu 5-KNĐ (Tổng hợp ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú)"),
        &[],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "HD 06-HD/TW (09/6/2025), điểm 3.6b; QĐ 294-QĐ/TW, điểm 1.1.1",
        Some("Mẫu 6-KNĐ (Nghị quyết đề nghị kết nạp đảng viên)"),
        &[
            (R::QualifiedMajorityNumerator, Plain),
            (R::QualifiedMajorityDenominator, Plain),
            (R::AdmissionMinAgeMonths, YearsOfMonths),
            (R::AdmissionMaxAgeMonths, YearsOfMonths),
        ],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "HD 06-HD/TW (09/6/2025), điểm 3.7a",
        Some("Quyết định kết nạp đảng viên"),
        &[],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "Điều lệ Đảng, Điều 5; QĐ 294-QĐ/TW, Điều 5",
        None,
        &[(R::CeremonyWorkingDays, Plain)],
        at("screen_7", "candidate", "admission_step"),
    ),
    step(
        "Điều lệ Đảng, Điều 5 khoản 1",
        None,
        &[(R::ProbationMonths, Plain)],
        at("screen_1", "member", "add_event"),
    ),
];

const RECOGNITION: &[Step] = &[
    step(
        "Điều lệ Đảng, Điều 5",
        Some("Mẫu 9-KNĐ (Bản tự kiểm điểm của đảng viên dự bị)"),
        &[(R::ProbationMonths, Plain)],
        at("screen_0", "home", "open"),
    ),
    step(
        "QĐ 294-QĐ/TW (26/5/2025), điểm 4.2",
        Some("Mẫu 10-KNĐ (Bản nhận xét của đảng viên chính thức giúp đỡ)"),
        &[],
        None,
    ),
    step(
        "Điều lệ Đảng, Điều 5; QĐ 294-QĐ/TW, điểm 4.2",
        Some("Mẫu 11-KNĐ (Nghị quyết đề nghị công nhận đảng viên chính thức)"),
        &[
            (R::RecognitionWorkingDays, Plain),
            (R::QualifiedMajorityNumerator, Plain),
            (R::QualifiedMajorityDenominator, Plain),
        ],
        at("screen_3", "meetings", "new"),
    ),
    step(
        "QĐ 24-QĐ/TW (30/7/2021), điểm 4.2.3",
        None,
        &[(R::RecognitionVoteRounds, Plain)],
        None,
    ),
    step(
        "QĐ 24-QĐ/TW (30/7/2021), điểm 4.2.2",
        Some("Quyết định công nhận đảng viên chính thức"),
        &[(R::ProbationMonths, Plain)],
        at("screen_1", "member", "add_event"),
    ),
];

const TRANSFER: &[Step] = &[
    step(
        "QĐ 294-QĐ/TW (26/5/2025), điểm 6.3.1a",
        Some("Giấy giới thiệu sinh hoạt đảng (chính thức)"),
        &[(R::TransferWorkingDays, Plain)],
        at("screen_1", "member", "add_event"),
    ),
    step(
        "HD 12-HD/BTCTW (18/01/2022), điểm 4.2; QĐ 294-QĐ/TW, điểm 6.2.1",
        None,
        &[],
        at("screen_4", "dues", "edit"),
    ),
    step(
        "QĐ 24-QĐ/TW (30/7/2021), điểm 6.3.2a",
        Some("Giấy giới thiệu sinh hoạt đảng tạm thời"),
        &[],
        at("screen_1", "member", "add_event"),
    ),
    step(
        "QĐ 24-QĐ/TW (30/7/2021), điểm 6.3.2",
        None,
        &[(R::EndingSoonDays, Plain)],
        at("screen_5", "exemptions", "open"),
    ),
];

const EXEMPTION: &[Step] = &[
    step(
        "QĐ 294-QĐ/TW (26/5/2025), điểm 7.1; HD 27-HD/BTCTW (26/3/2009)",
        Some("Đơn xin miễn công tác và sinh hoạt đảng"),
        &[
            (R::FullExemptionMinAgeMale, Plain),
            (R::FullExemptionMinAgeFemale, Plain),
        ],
        None,
    ),
    step(
        "QĐ 294-QĐ/TW (26/5/2025), điểm 7.1",
        Some("Nghị quyết của chi bộ (ghi sổ nghị quyết)"),
        &[],
        at("screen_3", "meetings", "new"),
    ),
    step(
        "QĐ 294-QĐ/TW (26/5/2025), điểm 7.1",
        None,
        &[(R::TemporaryExemptionMaxMonths, Plain)],
        at("screen_1", "member", "add_event"),
    ),
    step(
        "HD 27-HD/BTCTW (26/3/2009)",
        None,
        &[(R::EndingSoonDays, Plain)],
        at("screen_5", "exemptions", "open"),
    ),
];

const REMOVAL: &[Step] = &[
    step(
        "Điều lệ Đảng, Điều 8; QĐ 01-QĐ/TW (03/02/2026)",
        None,
        &[(R::RemovalAbsenceMonths, Plain)],
        at("screen_0", "home", "open"),
    ),
    step(
        "Điều lệ Đảng, Điều 10",
        Some("Nghị quyết của chi bộ đề nghị xóa tên"),
        &[(R::MajorityPercent, Plain)],
        at("screen_3", "meetings", "new"),
    ),
    step(
        "Điều lệ Đảng, Điều 8",
        Some("Quyết định xóa tên trong danh sách đảng viên"),
        &[],
        at("screen_1", "member", "add_event"),
    ),
    step("Điều lệ Đảng, Điều 5", None, &[], None),
];

const REVIEW: &[Step] = &[
    step(
        "HD 43-HD/BTCTW (31/10/2025); công văn hằng năm của Ban Tổ chức Trung ương",
        None,
        &[(R::ReviewSeasonStartMonth, Plain)],
        at("screen_8", "review", "review_plan"),
    ),
    step(
        "QĐ 366-QĐ/TW (30/8/2025); HD 43-HD/BTCTW",
        Some("Mẫu 2A, 2B hoặc 2C (Bản kiểm điểm cá nhân, HD 43-HD/BTCTW)"),
        &[],
        at("screen_8", "review", "review_self"),
    ),
    step(
        "QĐ 366-QĐ/TW (30/8/2025), Điều 11; Điều lệ Đảng, Điều 10",
        None,
        &[
            (R::MajorityPercent, Plain),
            (R::ReviewExcellentMinScore, Plain),
            (R::ReviewGoodMinScore, Plain),
            (R::ReviewCompletedMinScore, Plain),
        ],
        at("screen_8", "review", "review_branch"),
    ),
    step(
        "HD 21-HD/BTCTW (25/10/2019); QĐ 366-QĐ/TW",
        None,
        &[
            (R::ReviewExcellentCapPercent, Plain),
            (R::ReviewMinMonthsSinceAdmission, Plain),
        ],
        at("screen_8", "review", "review_branch_grade"),
    ),
    step(
        "HD 43-HD/BTCTW (31/10/2025)",
        Some("Quyết định, thông báo kết quả xếp loại của đảng ủy"),
        &[],
        at("screen_8", "review", "review_final"),
    ),
];

const BADGES: &[Step] = &[
    step(
        "HD 01-HD/TW (28/9/2021), điểm 18",
        None,
        &[
            (R::BadgeFirstMilestoneYears, Plain),
            (R::BadgeSecondMilestoneYears, Plain),
            (R::BadgeMilestoneStepYears, Plain),
            (R::BadgeLastMilestoneYears, Plain),
        ],
        at("screen_4", "badges", "all_members"),
    ),
    step(
        "HD 01-HD/TW (28/9/2021), điểm 18",
        Some("Danh sách đề nghị tặng Huy hiệu Đảng"),
        &[
            (R::BadgePresentationFeb3, DayMonth),
            (R::BadgePresentationMay19, DayMonth),
            (R::BadgePresentationSep2, DayMonth),
            (R::BadgePresentationNov7, DayMonth),
        ],
        at("screen_4", "badges", "next_period"),
    ),
    step(
        "HD 01-HD/TW (28/9/2021), điểm 18",
        None,
        &[
            (R::BadgeEarlyMonths, Plain),
            (R::BadgeLongEarlyFromYears, Plain),
            (R::BadgeLongEarlyMonths, Plain),
            (R::BadgePosthumousEarlyMonths, Plain),
        ],
        at("screen_4", "badges", "toggle_illness"),
    ),
    step(
        "HD 01-HD/TW (28/9/2021), điểm 18",
        None,
        &[],
        at("screen_4", "badges", "record_award"),
    ),
];

const DUES: &[Step] = &[
    step(
        "QĐ 01-QĐ/TW (03/02/2026)",
        None,
        &[
            (R::DuesSalaryBasisPoints, BasisPoints),
            (R::DuesPensionBasisPoints, BasisPoints),
            (R::DuesStudentMonthly, Money),
        ],
        at("screen_4", "dues", "edit"),
    ),
    step(
        "QĐ 01-QĐ/TW (03/02/2026)",
        Some("Sổ thu đảng phí của chi bộ"),
        &[],
        at("screen_4", "dues", "pay_cash"),
    ),
    step(
        "QĐ 01-QĐ/TW (03/02/2026)",
        Some("Đơn đề nghị miễn, giảm đảng phí"),
        &[
            (R::DuesExemptMembershipYears, Plain),
            (R::DuesReductionLowPercent, Plain),
            (R::DuesReductionMidPercent, Plain),
            (R::DuesReductionHighPercent, Plain),
            (R::DuesReliefMaxMonths, Plain),
        ],
        at("screen_4", "dues", "edit"),
    ),
    step(
        "QĐ 01-QĐ/TW (03/02/2026); Điều lệ Đảng, Điều 8",
        None,
        &[(R::RemovalAbsenceMonths, Plain)],
        at("screen_0", "home", "open"),
    ),
];

const LIAISON: &[Step] = &[
    step(
        "QĐ 213-QĐ/TW (02/01/2020), Điều 3; HD 33-HD/BTCTW (30/10/2020), điểm 1",
        Some("Giấy giới thiệu đảng viên về sinh hoạt nơi cư trú"),
        &[],
        at("screen_9", "liaison", "new"),
    ),
    step(
        "HD 33-HD/BTCTW (30/10/2020), điểm 1.1, 1.2",
        None,
        &[],
        None,
    ),
    step(
        "QĐ 213-QĐ/TW (02/01/2020), Điều 2; HD 33-HD/BTCTW (30/10/2020)",
        Some("Phiếu nhận xét đảng viên của chi ủy, chi bộ nơi cư trú"),
        &[],
        at("screen_9", "liaison", "liaison_comment"),
    ),
];

/// The steps of a procedure, in order.
pub fn steps(topic: Topic) -> &'static [Step] {
    match topic {
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

/// A rule's value as a step writes it.
pub fn format_number(value: i64, unit: Unit) -> String {
    match unit {
        Plain => value.to_string(),
        YearsOfMonths => (value / 12).to_string(),
        BasisPoints => {
            let (whole, frac) = (value / 100, value % 100);
            if frac == 0 {
                whole.to_string()
            } else {
                format!("{whole},{}", format!("{frac:02}").trim_end_matches('0'))
            }
        }
        Money => super::stats::format_int(value.unsigned_abs()),
        DayMonth => format!("{}/{}", value % 100, value / 100),
    }
}

/// A step's words with its numbers put in: `{0}`, `{1}`, … become the values `value`
/// gives for the step's rules (the rules table, or a branch's settings over it).
pub fn fill(template: &str, step: &Step, value: impl Fn(RuleId) -> i64) -> String {
    let mut out = template.to_string();
    for (i, (id, unit)) in step.numbers.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &format_number(value(*id), *unit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules;

    #[test]
    fn topics_are_found_diacritic_blind() {
        assert_eq!(find_topic("ket nap"), Some(Topic::Admission));
        assert_eq!(find_topic("Kết  Nạp"), Some(Topic::Admission));
        assert_eq!(find_topic("chuyen chinh thuc"), Some(Topic::Recognition));
        assert_eq!(find_topic("chuyển sinh hoạt"), Some(Topic::Transfer));
        assert_eq!(find_topic("mien sinh hoat"), Some(Topic::Exemption));
        assert_eq!(find_topic("xoa ten"), Some(Topic::Removal));
        assert_eq!(find_topic("đánh giá"), Some(Topic::Review));
        assert_eq!(find_topic("huy hieu"), Some(Topic::Badges));
        assert_eq!(find_topic("dang phi"), Some(Topic::Dues));
        assert_eq!(find_topic("dang vien 213"), Some(Topic::Liaison));
        assert_eq!(find_topic("213"), Some(Topic::Liaison));
        assert_eq!(find_topic("huy hi"), Some(Topic::Badges));
        // "chuyen" is in two topics: ambiguous.
        assert_eq!(find_topic("chuyen"), None);
        assert_eq!(find_topic(""), None);
        assert_eq!(find_topic("nấu cơm"), None);
    }

    #[test]
    fn numbers_are_written_as_documents_write_them() {
        assert_eq!(format_number(216, YearsOfMonths), "18");
        assert_eq!(format_number(50, BasisPoints), "0,5");
        assert_eq!(format_number(100, BasisPoints), "1");
        assert_eq!(format_number(5_000, Money), "5.000");
        assert_eq!(format_number(519, DayMonth), "19/5");
        let s = &ADMISSION[8];
        assert_eq!(
            fill("trong {0} ngày làm việc", s, rules::value),
            "trong 30 ngày làm việc"
        );
        assert_eq!(fill("trong {0} ngày", s, |_| 45), "trong 45 ngày");
    }

    #[test]
    fn every_topic_has_steps_that_cite_a_source() {
        for t in Topic::ALL {
            assert!(!steps(*t).is_empty(), "{t:?}");
            assert!(steps(*t).iter().all(|s| !s.source.is_empty()), "{t:?}");
        }
    }
}
