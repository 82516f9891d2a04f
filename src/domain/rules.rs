//! The versioned rules table: every number the Party regulations set, with its source,
//! the date it took effect and how sure we are of it (shared/domain/rules.md §0).
//! Code asks this table for values; no rule number is written as a literal elsewhere.

/// How sure we are of a rule (rules.md §0). Unverified rules warn instead of blocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    /// Read in an official or public source.
    Verified,
    /// Seen only second-hand (quoted by a third party).
    SecondHand,
    /// From memory; must be confirmed.
    Unverified,
}

/// Names of the rules the app enforces or warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// Minimum age at admission, in months, on the branch's vote date.
    AdmissionMinAgeMonths,
    /// Maximum age at admission, in months, on the branch's vote date.
    AdmissionMaxAgeMonths,
    /// Probation length in months, counted from the admission ceremony.
    ProbationMonths,
    /// A branch needs at least this many official members.
    MinOfficialMembers,
    /// A resolution passes with more than this fraction (numerator/denominator) of the votes.
    MajorityPercent,
    /// Admission and recognition votes need at least this percentage (2/3 ≈ 66.67).
    QualifiedMajorityNumerator,
    /// Denominator of the qualified majority fraction.
    QualifiedMajorityDenominator,
    /// Unexcused absences (or unpaid months) in a calendar year that lead to a removal proposal.
    RemovalAbsenceMonths,
    /// Working days to complete an official transfer after the decision (QĐ 294 6.3.1a).
    TransferWorkingDays,
    /// Days before the end of a temporary exemption or transfer when the app reminds.
    EndingSoonDays,
    /// "Tuổi cao" for a full exemption, men (years; HD 27-2009, unverified since 2019).
    FullExemptionMinAgeMale,
    /// "Tuổi cao" for a full exemption, women (years; HD 27-2009, unverified since 2019).
    FullExemptionMinAgeFemale,
    /// Longest temporary exemption per decision, in months (practice, unverified).
    TemporaryExemptionMaxMonths,
    /// Age from which long unexcused absence suggests an exemption rather than a removal.
    SuggestExemptionAge,
    /// Months an awareness-course certificate stays valid, counted to the branch's vote.
    CertificateValidityMonths,
    /// Months a sponsor must have worked, studied or lived with the candidate.
    SponsorAcquaintanceMonths,
    /// Official members who sponsor a candidate (one, plus a Youth Union resolution, for youth).
    SponsorsRequired,
    /// Oldest age (years) for the "one member + Youth Union resolution" route.
    YouthUnionMaxAgeYears,
    /// Working days from receiving the admission decision to the ceremony.
    CeremonyWorkingDays,
    /// Working days after probation ends by which the branch votes on recognition.
    RecognitionWorkingDays,
    /// Recognition votes without 2/3 either way after which the superior committee decides.
    RecognitionVoteRounds,
    /// The month the annual review season opens (the yearly dispatch, usually November).
    ReviewSeasonStartMonth,
    /// Lowest score of the grade "hoàn thành xuất sắc nhiệm vụ" (QĐ 366 Đ.11).
    ReviewExcellentMinScore,
    /// Lowest score of the grade "hoàn thành tốt nhiệm vụ".
    ReviewGoodMinScore,
    /// Lowest score of the grade "hoàn thành nhiệm vụ" (below it: không hoàn thành).
    ReviewCompletedMinScore,
    /// HTXSNV may be at most this percentage of the HTTNV count (rounded down).
    ReviewExcellentCapPercent,
    /// The highest grade (rank: 1 = HTXSNV … 4 = KHTNV) of a member disciplined in the year.
    ReviewDisciplinedCeiling,
    /// A member admitted fewer than this many months before 31/12 is not yet graded.
    ReviewMinMonthsSinceAdmission,
    /// Party badge (Huy hiệu Đảng): the first milestone, in years of membership.
    BadgeFirstMilestoneYears,
    /// Party badge: the second milestone, in years; from it on, one every `BadgeMilestoneStepYears`.
    BadgeSecondMilestoneYears,
    /// Party badge: years between milestones from the second one on (40, 45, 50, …).
    BadgeMilestoneStepYears,
    /// Party badge: the last milestone, in years.
    BadgeLastMilestoneYears,
    /// Party badge: from this milestone (years) on, the longer early window applies.
    BadgeLongEarlyFromYears,
    /// Party badge: months a seriously ill member may receive a 30–65-year badge early.
    BadgeEarlyMonths,
    /// Party badge: months a seriously ill member may receive a 70–90-year badge early.
    BadgeLongEarlyMonths,
    /// Party badge: months early a badge may be awarded posthumously.
    BadgePosthumousEarlyMonths,
    /// Party badge presentation date 3/2 (founding of the Party), as month × 100 + day.
    BadgePresentationFeb3,
    /// Party badge presentation date 19/5 (President Hồ Chí Minh's birthday), month × 100 + day.
    BadgePresentationMay19,
    /// Party badge presentation date 2/9 (National Day), as month × 100 + day.
    BadgePresentationSep2,
    /// Party badge presentation date 7/11 (October Revolution), as month × 100 + day.
    BadgePresentationNov7,
    /// Dues of members covered by social insurance (BHXH), in basis points of the salary.
    DuesSalaryBasisPoints,
    /// Dues of pensioners, in basis points of the pension.
    DuesPensionBasisPoints,
    /// Dues of school and university students, in đồng a month.
    DuesStudentMonthly,
    /// Members with at least this many years of membership are exempt from dues.
    DuesExemptMembershipYears,
    /// Hardship reduction of dues: the smallest step, in percent.
    DuesReductionLowPercent,
    /// Hardship reduction of dues: the middle step, in percent.
    DuesReductionMidPercent,
    /// Hardship reduction of dues: the largest step, in percent.
    DuesReductionHighPercent,
    /// A hardship exemption or reduction of dues lasts at most this many months per decision.
    DuesReliefMaxMonths,
    /// The month from which the home screen lists liaison members whose yearly comment is
    /// not sent (QĐ 213 and HD 33 set no month: practice, before the year-end review).
    LiaisonCommentMonth,
    /// 1: no yearly comment on liaison members exempt from residential activity (HD 33 §1.1).
    LiaisonActivityExemptNoComment,
    /// 1: no yearly comment on liaison members exempt from introduction (HD 33 §1.2).
    LiaisonIntroductionExemptNoComment,
    /// A meeting's quorum: more than this percentage of the members who must attend are
    /// present (no text found: a branch setting).
    QuorumPercent,
    /// Tết 2027: the days off before mùng Một (6/2/2027) of the five the Labour Code gives;
    /// the rest follow it (no official 2027 notice found: a branch setting).
    Tet2027DaysBefore,
    /// 1: Ngày Văn hóa Việt Nam (24/11) is a day off (a Politburo policy of 2026 not yet
    /// found in law: a branch setting).
    CultureDayOff,
    /// The share of the dues collected that a branch hands on to the committee above it,
    /// in percent (the old QĐ 342 split until QĐ 01-QĐ/TW 2026's is read: a branch setting).
    DuesHandedOnPercent,
}

impl RuleId {
    /// Every rule, in the order of their stored codes: append only (a rule's code is its
    /// position here plus one, and branch settings are stored under it).
    pub const ALL: &'static [RuleId] = &[
        RuleId::AdmissionMinAgeMonths,
        RuleId::AdmissionMaxAgeMonths,
        RuleId::ProbationMonths,
        RuleId::MinOfficialMembers,
        RuleId::MajorityPercent,
        RuleId::QualifiedMajorityNumerator,
        RuleId::QualifiedMajorityDenominator,
        RuleId::RemovalAbsenceMonths,
        RuleId::TransferWorkingDays,
        RuleId::EndingSoonDays,
        RuleId::FullExemptionMinAgeMale,
        RuleId::FullExemptionMinAgeFemale,
        RuleId::TemporaryExemptionMaxMonths,
        RuleId::SuggestExemptionAge,
        RuleId::CertificateValidityMonths,
        RuleId::SponsorAcquaintanceMonths,
        RuleId::SponsorsRequired,
        RuleId::YouthUnionMaxAgeYears,
        RuleId::CeremonyWorkingDays,
        RuleId::RecognitionWorkingDays,
        RuleId::RecognitionVoteRounds,
        RuleId::ReviewSeasonStartMonth,
        RuleId::ReviewExcellentMinScore,
        RuleId::ReviewGoodMinScore,
        RuleId::ReviewCompletedMinScore,
        RuleId::ReviewExcellentCapPercent,
        RuleId::ReviewDisciplinedCeiling,
        RuleId::ReviewMinMonthsSinceAdmission,
        RuleId::BadgeFirstMilestoneYears,
        RuleId::BadgeSecondMilestoneYears,
        RuleId::BadgeMilestoneStepYears,
        RuleId::BadgeLastMilestoneYears,
        RuleId::BadgeLongEarlyFromYears,
        RuleId::BadgeEarlyMonths,
        RuleId::BadgeLongEarlyMonths,
        RuleId::BadgePosthumousEarlyMonths,
        RuleId::BadgePresentationFeb3,
        RuleId::BadgePresentationMay19,
        RuleId::BadgePresentationSep2,
        RuleId::BadgePresentationNov7,
        RuleId::DuesSalaryBasisPoints,
        RuleId::DuesPensionBasisPoints,
        RuleId::DuesStudentMonthly,
        RuleId::DuesExemptMembershipYears,
        RuleId::DuesReductionLowPercent,
        RuleId::DuesReductionMidPercent,
        RuleId::DuesReductionHighPercent,
        RuleId::DuesReliefMaxMonths,
        RuleId::QuorumPercent,
        RuleId::LiaisonCommentMonth,
        RuleId::LiaisonActivityExemptNoComment,
        RuleId::LiaisonIntroductionExemptNoComment,
        RuleId::Tet2027DaysBefore,
        RuleId::CultureDayOff,
        RuleId::DuesHandedOnPercent,
    ];

    /// The rule's stored code (its position in [`RuleId::ALL`] plus one; never 0).
    pub fn code(self) -> u64 {
        RuleId::ALL
            .iter()
            .position(|r| *r == self)
            .map_or(0, |i| i as u64 + 1)
    }

    /// The rule of a stored code.
    pub fn from_code(code: u64) -> Option<RuleId> {
        let i = usize::try_from(code.checked_sub(1)?).ok()?;
        RuleId::ALL.get(i).copied()
    }
}

/// The values a branch may set for a rule that is a setting (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// Smallest value.
    pub min: i64,
    /// Largest value.
    pub max: i64,
}

/// One row of the rules table.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Which rule this is.
    pub id: RuleId,
    /// The number the rule sets.
    pub value: i64,
    /// The regulation and article it comes from, as shown to the user.
    pub source: &'static str,
    /// When the source took effect (dd/mm/yyyy).
    pub effective: &'static str,
    /// How sure we are of it.
    pub certainty: Certainty,
    /// `Some` when no text could be found (or the value changes by yearly dispatch): the
    /// value is then a branch setting, within this range, shown on the "Quy định" screen.
    pub setting: Option<Range>,
}

/// Version of the rules table; bump it whenever a value or source changes.
pub const RULES_VERSION: &str = "2026.3";

const RULES: &[Rule] = &[
    Rule {
        id: RuleId::AdmissionMinAgeMonths,
        value: 18 * 12,
        source: "QĐ 294-QĐ/TW, điểm 1.1.1",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::AdmissionMaxAgeMonths,
        value: 60 * 12,
        source: "QĐ 294-QĐ/TW, điểm 1.1.1",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::ProbationMonths,
        value: 12,
        source: "Điều lệ Đảng, Điều 5",
        effective: "19/01/2011",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::MinOfficialMembers,
        value: 3,
        // "mỗi chi bộ ít nhất có 3 đảng viên chính thức" (Điều lệ 2011, Đ.24 k.1, as quoted
        // by public legal Q&A pages; #22.3).
        source: "Điều lệ Đảng (2011), Điều 24 khoản 1",
        effective: "19/01/2011",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::MajorityPercent,
        value: 50,
        source: "Điều lệ Đảng, Điều 10",
        effective: "19/01/2011",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::QualifiedMajorityNumerator,
        value: 2,
        source: "HD 06-HD/TW, điểm 3.6b",
        effective: "09/06/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::QualifiedMajorityDenominator,
        value: 3,
        source: "HD 06-HD/TW, điểm 3.6b",
        effective: "09/06/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::RemovalAbsenceMonths,
        value: 3,
        source: "QĐ 01-QĐ/TW 2026; Điều lệ Đảng, Điều 8",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::TransferWorkingDays,
        value: 60,
        source: "QĐ 294-QĐ/TW, điểm 6.3.1a",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::EndingSoonDays,
        value: 30,
        source: "Sổ chi bộ (nhắc việc)",
        effective: "01/01/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::FullExemptionMinAgeMale,
        value: 60,
        source: "HD 27-HD/BTCTW (26/3/2009), điểm 1.1: cao tuổi là hết tuổi lao động theo Bộ luật Lao động, nam trên 60; Bộ luật Lao động 2019 đã nâng tuổi nghỉ hưu, văn bản mới chưa tìm thấy: chi bộ tự đặt",
        effective: "26/03/2009",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 55, max: 70 }),
    },
    Rule {
        id: RuleId::FullExemptionMinAgeFemale,
        value: 55,
        source: "HD 27-HD/BTCTW (26/3/2009), điểm 1.1: cao tuổi là hết tuổi lao động theo Bộ luật Lao động, nữ trên 55; Bộ luật Lao động 2019 đã nâng tuổi nghỉ hưu, văn bản mới chưa tìm thấy: chi bộ tự đặt",
        effective: "26/03/2009",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 50, max: 70 }),
    },
    Rule {
        id: RuleId::TemporaryExemptionMaxMonths,
        value: 12,
        source: "Thực tiễn; không tìm thấy văn bản quy định thời hạn tối đa: chi bộ tự đặt",
        effective: "01/01/2022",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 1, max: 24 }),
    },
    Rule {
        id: RuleId::SuggestExemptionAge,
        value: 70,
        source: "Sổ chi bộ (gợi ý, không phải quy định; QĐ 294 mục 7.1): chi bộ tự đặt",
        effective: "01/07/2025",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 50, max: 100 }),
    },
    Rule {
        id: RuleId::CertificateValidityMonths,
        value: 60,
        source: "HD 06-HD/TW, điểm 5.4",
        effective: "09/06/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::SponsorAcquaintanceMonths,
        value: 12,
        source: "QĐ 294-QĐ/TW, điểm 3.2.1; Điều lệ Đảng, Điều 4",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::SponsorsRequired,
        value: 2,
        source: "QĐ 294-QĐ/TW, điểm 3.2.1; Điều lệ Đảng, Điều 4",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::YouthUnionMaxAgeYears,
        value: 30,
        source: "Điều lệ Đoàn TNCS Hồ Chí Minh (13/12/2017), Điều 1 khoản 1: thanh niên từ 16 đến 30 tuổi (giữ nguyên ở Điều lệ 2022)",
        effective: "13/12/2017",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::CeremonyWorkingDays,
        value: 30,
        source: "QĐ 294-QĐ/TW, Điều 5 (QĐ 24-QĐ/TW, điểm 4.1)",
        effective: "01/07/2025",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::RecognitionVoteRounds,
        value: 3,
        source: "QĐ 24-QĐ/TW, điểm 4.2.3",
        effective: "30/07/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::RecognitionWorkingDays,
        value: 30,
        source: "QĐ 294-QĐ/TW, điểm 4.2; Điều lệ Đảng, Điều 5",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
        setting: None,
    },
    Rule {
        id: RuleId::ReviewExcellentMinScore,
        value: 90,
        source: "QĐ 366-QĐ/TW, Điều 11 khoản 1",
        effective: "30/08/2025",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::ReviewGoodMinScore,
        value: 70,
        source: "QĐ 366-QĐ/TW, Điều 11",
        effective: "30/08/2025",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::ReviewCompletedMinScore,
        value: 50,
        source: "QĐ 366-QĐ/TW, Điều 11",
        effective: "30/08/2025",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::ReviewExcellentCapPercent,
        value: 20,
        source: "HD 21-HD/BTCTW 2019 (20% số HTTNV); NĐ 335/2025/NĐ-CP giữ 20% cho công chức và không vượt tỷ lệ của Đảng; QĐ 366 chưa đối chiếu: chi bộ tự đặt",
        effective: "25/10/2019",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 0, max: 100 }),
    },
    Rule {
        id: RuleId::ReviewDisciplinedCeiling,
        value: 4,
        source: "HD 21-HD/BTCTW 2019 (bị kỷ luật trong năm: KHTNV); QĐ 366/HD 43 chưa đối chiếu: chi bộ tự đặt",
        effective: "25/10/2019",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 1, max: 4 }),
    },
    Rule {
        id: RuleId::ReviewMinMonthsSinceAdmission,
        value: 6,
        source: "Thực tiễn (kết nạp dưới 6 tháng); không tìm thấy văn bản: chi bộ tự đặt",
        effective: "01/01/2020",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 0, max: 12 }),
    },
    Rule {
        id: RuleId::BadgeFirstMilestoneYears,
        value: 30,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgeSecondMilestoneYears,
        value: 40,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgeMilestoneStepYears,
        value: 5,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgeLastMilestoneYears,
        value: 90,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgeLongEarlyFromYears,
        value: 70,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgeEarlyMonths,
        value: 12,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgeLongEarlyMonths,
        value: 24,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgePosthumousEarlyMonths,
        value: 12,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgePresentationFeb3,
        value: 203,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgePresentationMay19,
        value: 519,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgePresentationSep2,
        value: 902,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::BadgePresentationNov7,
        value: 1107,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesSalaryBasisPoints,
        value: 100,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesPensionBasisPoints,
        value: 50,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesStudentMonthly,
        value: 5_000,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesExemptMembershipYears,
        value: 50,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesReductionLowPercent,
        value: 30,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesReductionMidPercent,
        value: 50,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesReductionHighPercent,
        value: 70,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesReliefMaxMonths,
        value: 12,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::DuesHandedOnPercent,
        value: 70,
        source: "QĐ 342-QĐ/TW 2010 (chi bộ trực thuộc đảng ủy cơ sở nộp lên 70%), đã được QĐ 01-QĐ/TW 2026 thay thế; tỷ lệ phân bổ mới chưa đọc được: chi bộ tự đặt theo hướng dẫn của cấp ủy cấp trên",
        effective: "28/12/2010",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 0, max: 100 }),
    },
    Rule {
        id: RuleId::ReviewSeasonStartMonth,
        value: 11,
        source: "Công văn hằng năm của Ban Tổ chức Trung ương (vd. CV 10072-CV/BTCTW 06/11/2025): chi bộ đặt theo công văn năm đó",
        effective: "06/11/2025",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 1, max: 12 }),
    },
    Rule {
        id: RuleId::Tet2027DaysBefore,
        value: 1,
        // Searched (12/2026): no notice of the Prime Minister / Bộ Nội vụ on Tết 2027 found;
        // the 2026 notice gave 1 day before Tết (14/2–22/2/2026), 2025 gave 2 (25/1–2/2).
        source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b (Tết Âm lịch 05 ngày) và khoản 3 (trùng ngày nghỉ hằng tuần thì nghỉ bù); mùng Một Tết Đinh Mùi là 06/02/2027 (thứ Bảy). Chưa tìm thấy thông báo chính thức lịch nghỉ Tết 2027: lịch 2027 suy từ Bộ luật Lao động (1 ngày trước Tết như năm 2026: nghỉ 05/02–11/02/2027); chi bộ đặt lại theo thông báo",
        effective: "01/01/2021",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 0, max: 4 }),
    },
    Rule {
        id: RuleId::CultureDayOff,
        value: 0,
        // Searched (12/2026): press of 13/01/2026 says the day off awaits the National
        // Assembly ("khi ... được Quốc hội thể chế hóa"); no amended Labour Code found.
        source: "Nghị quyết 80-NQ/TW (07/01/2026) của Bộ Chính trị: chủ trương 24/11 hằng năm là Ngày Văn hóa Việt Nam, ngày nghỉ hưởng nguyên lương; chưa tìm thấy văn bản luật sửa Bộ luật Lao động Điều 112: mặc định chưa tính là ngày nghỉ, chi bộ đặt 1 khi có văn bản",
        effective: "07/01/2026",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 0, max: 1 }),
    },
    Rule {
        id: RuleId::QuorumPercent,
        value: 50,
        source: "Không tìm thấy văn bản quy định số đảng viên dự tối thiểu của buổi sinh hoạt chi bộ thường kỳ; mặc định hơn một nửa số đảng viên phải có mặt: chi bộ tự đặt",
        effective: "01/01/2026",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 0, max: 100 }),
    },
    Rule {
        id: RuleId::LiaisonCommentMonth,
        value: 10,
        // QĐ 213 and HD 33 say "hằng năm, trước khi kiểm điểm" and name no month; October
        // is practice (the review season opens in November).
        source: "QĐ 213-QĐ/TW Đ.3; HD 33-HD/BTCTW (không quy định tháng; thực tiễn)",
        effective: "02/01/2020",
        certainty: Certainty::Unverified,
        setting: Some(Range { min: 1, max: 12 }),
    },
    Rule {
        id: RuleId::LiaisonActivityExemptNoComment,
        value: 1,
        source: "HD 33-HD/BTCTW, điểm 1.1",
        effective: "30/10/2020",
        certainty: Certainty::Verified,
        setting: None,
    },
    Rule {
        id: RuleId::LiaisonIntroductionExemptNoComment,
        value: 1,
        source: "HD 33-HD/BTCTW, điểm 1.2",
        effective: "30/10/2020",
        certainty: Certainty::Verified,
        setting: None,
    },
];

/// Looks a rule up in the table.
pub fn rule(id: RuleId) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.id == id)
        .expect("every RuleId has a row in RULES (checked by a unit test)")
}

/// The value of a rule in force: the branch's setting when the rule is a setting and the
/// branch set it (see [`install`]), else the table's.
pub fn value(id: RuleId) -> i64 {
    SETTINGS.with(|s| s.borrow().value(id))
}

/// A branch's change of a rule that is a setting: the value, who changed it, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The rule.
    pub id: RuleId,
    /// Its value for this branch.
    pub value: i64,
    /// Who changed it (a name).
    pub who: String,
    /// When.
    pub on: chrono::NaiveDate,
    /// Why.
    pub reason: String,
}

/// The branch's settings over the table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// One override per rule at most.
    pub overrides: Vec<Override>,
}

impl Settings {
    /// The value in force of a rule: the override of a setting, else the table's. An
    /// override of a rule that is not a setting (or out of its range) is ignored.
    pub fn value(&self, id: RuleId) -> i64 {
        self.get(id).map_or(rule(id).value, |o| o.value)
    }

    /// The override in force of a rule, if any.
    pub fn get(&self, id: RuleId) -> Option<&Override> {
        let range = rule(id).setting?;
        self.overrides
            .iter()
            .find(|o| o.id == id && (range.min..=range.max).contains(&o.value))
    }
}

thread_local! {
    static SETTINGS: std::cell::RefCell<Settings> = std::cell::RefCell::new(Settings::default());
}

/// Puts a branch's settings in force for [`value`] on this thread (the app and the
/// command line install them when the register is opened and after each change).
pub fn install(settings: Settings) {
    SETTINGS.with(|s| *s.borrow_mut() = settings);
}

/// Runs `f` with the branch's setting of `id` at `value` installed (on this thread), then
/// puts the defaults back: for unit tests of the rules that follow a setting.
#[cfg(test)]
pub(crate) fn with_setting<T>(id: RuleId, value: &str, f: impl FnOnce() -> T) -> T {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let o = check_override(id, value, "A", "Nghị quyết chi bộ", on).expect("a valid setting");
    install(Settings { overrides: vec![o] });
    let out = f();
    install(Settings::default());
    out
}

/// The settings in force on this thread.
pub fn installed() -> Settings {
    SETTINGS.with(|s| s.borrow().clone())
}

/// The fields of a setting's change on the "Quy định" screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleField {
    /// The new value.
    Value,
    /// Who changes it.
    Who,
    /// Why.
    Reason,
}

impl RuleField {
    /// The fields in form order.
    pub const ALL: &'static [RuleField] = &[RuleField::Value, RuleField::Who, RuleField::Reason];
}

/// Why a setting's change is refused (nothing is saved).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    /// The rule was read in a text: it is not a branch setting.
    #[error("{0:?} is not a setting")]
    NotASetting(RuleId),
    /// The value is not a whole number in the setting's range (as typed).
    #[error("{typed:?} is not in {min}..={max}")]
    BadValue {
        /// What was typed.
        typed: String,
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
    },
    /// Nobody named.
    #[error("who changed it is missing")]
    NoWho,
    /// No reason given.
    #[error("the reason is missing")]
    NoReason,
}

/// Checks a change of a setting as typed: a whole number within the rule's range, who
/// changes it and why. The override to save, or why not.
pub fn check_override(
    id: RuleId,
    typed: &str,
    who: &str,
    reason: &str,
    on: chrono::NaiveDate,
) -> Result<Override, SettingError> {
    let range = rule(id).setting.ok_or(SettingError::NotASetting(id))?;
    let value = typed
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|v| (range.min..=range.max).contains(v))
        .ok_or_else(|| SettingError::BadValue {
            typed: typed.trim().to_string(),
            min: range.min,
            max: range.max,
        })?;
    let who = super::text::clean(who);
    if who.is_empty() {
        return Err(SettingError::NoWho);
    }
    let reason = super::text::clean(reason);
    if reason.is_empty() {
        return Err(SettingError::NoReason);
    }
    Ok(Override {
        id,
        value,
        who,
        on,
        reason,
    })
}

/// All rows, for the rules screen and the tests.
pub fn all() -> &'static [Rule] {
    RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_has_exactly_one_row() {
        let ids = RuleId::ALL;
        for id in ids {
            assert_eq!(RULES.iter().filter(|r| r.id == *id).count(), 1, "{id:?}");
            assert_eq!(RuleId::from_code(id.code()), Some(*id));
        }
        assert_eq!(RULES.len(), ids.len());
    }

    #[test]
    fn no_unverified_rule_without_a_setting() {
        for r in all() {
            if r.certainty == Certainty::Unverified {
                assert!(
                    r.setting.is_some(),
                    "{:?} is unverified and not a setting",
                    r.id
                );
            }
            if let Some(range) = r.setting {
                assert!((range.min..=range.max).contains(&r.value), "{:?}", r.id);
            }
            assert!(!r.source.is_empty(), "{:?}", r.id);
        }
        assert!(rule(RuleId::QuorumPercent).setting.is_some());
    }

    #[test]
    fn a_setting_is_checked_at_its_bounds_and_needs_who_and_why() {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let id = RuleId::ReviewSeasonStartMonth;
        let ok = check_override(id, " 12 ", "Trần Văn Hùng", "Công văn năm 2026", on).unwrap();
        assert_eq!((ok.value, ok.who.as_str()), (12, "Trần Văn Hùng"));
        assert!(check_override(id, "1", "A", "B", on).is_ok());
        for bad in ["13", "0", "", "mười", "1.5"] {
            assert_eq!(
                check_override(id, bad, "A", "B", on),
                Err(SettingError::BadValue {
                    typed: bad.to_string(),
                    min: 1,
                    max: 12
                })
            );
        }
        assert_eq!(
            check_override(id, "10", " ", "B", on),
            Err(SettingError::NoWho)
        );
        assert_eq!(
            check_override(id, "10", "A", "", on),
            Err(SettingError::NoReason)
        );
        // A verified rule is no setting, whatever is typed.
        assert_eq!(
            check_override(RuleId::ProbationMonths, "6", "A", "B", on),
            Err(SettingError::NotASetting(RuleId::ProbationMonths))
        );
    }

    #[test]
    fn installed_settings_change_only_the_settings_they_name() {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let o = check_override(RuleId::QuorumPercent, "66", "A", "Nghị quyết chi bộ", on).unwrap();
        // An override of a verified rule (as a damaged or old store might hold) is ignored.
        let sneaky = Override {
            id: RuleId::ProbationMonths,
            value: 1,
            ..o.clone()
        };
        install(Settings {
            overrides: vec![o, sneaky],
        });
        assert_eq!(value(RuleId::QuorumPercent), 66);
        assert_eq!(value(RuleId::ProbationMonths), 12);
        install(Settings::default());
        assert_eq!(value(RuleId::QuorumPercent), 50);
    }

    #[test]
    fn admission_age_window_is_18_to_60_years() {
        assert_eq!(value(RuleId::AdmissionMinAgeMonths), 216);
        assert_eq!(value(RuleId::AdmissionMaxAgeMonths), 720);
        assert!(rule(RuleId::AdmissionMinAgeMonths).source.contains("294"));
    }
}
