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
}

/// Version of the rules table; bump it whenever a value or source changes.
pub const RULES_VERSION: &str = "2026.1";

const RULES: &[Rule] = &[
    Rule {
        id: RuleId::AdmissionMinAgeMonths,
        value: 18 * 12,
        source: "QĐ 294-QĐ/TW, điểm 1.1.1",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::AdmissionMaxAgeMonths,
        value: 60 * 12,
        source: "QĐ 294-QĐ/TW, điểm 1.1.1",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::ProbationMonths,
        value: 12,
        source: "Điều lệ Đảng, Điều 5",
        effective: "19/01/2011",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::MinOfficialMembers,
        value: 3,
        // "mỗi chi bộ ít nhất có 3 đảng viên chính thức" (Điều lệ 2011, Đ.24 k.1, as quoted
        // by public legal Q&A pages; #22.3).
        source: "Điều lệ Đảng (2011), Điều 24 khoản 1",
        effective: "19/01/2011",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::MajorityPercent,
        value: 50,
        source: "Điều lệ Đảng, Điều 10",
        effective: "19/01/2011",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::QualifiedMajorityNumerator,
        value: 2,
        source: "HD 06-HD/TW, điểm 3.6b",
        effective: "09/06/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::QualifiedMajorityDenominator,
        value: 3,
        source: "HD 06-HD/TW, điểm 3.6b",
        effective: "09/06/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::RemovalAbsenceMonths,
        value: 3,
        source: "QĐ 01-QĐ/TW 2026; Điều lệ Đảng, Điều 8",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::TransferWorkingDays,
        value: 60,
        source: "QĐ 294-QĐ/TW, điểm 6.3.1a",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::EndingSoonDays,
        value: 30,
        source: "Sổ chi bộ (nhắc việc)",
        effective: "01/01/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::FullExemptionMinAgeMale,
        value: 60,
        source: "HD 27-HD/BTCTW 2009 (chưa đối chiếu văn bản mới)",
        effective: "26/03/2009",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::FullExemptionMinAgeFemale,
        value: 55,
        source: "HD 27-HD/BTCTW 2009 (chưa đối chiếu văn bản mới)",
        effective: "26/03/2009",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::TemporaryExemptionMaxMonths,
        value: 12,
        source: "Thực tiễn (chưa đối chiếu văn bản)",
        effective: "01/01/2022",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::SuggestExemptionAge,
        value: 70,
        source: "Sổ chi bộ (gợi ý, QĐ 294 mục 7.1)",
        effective: "01/07/2025",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::CertificateValidityMonths,
        value: 60,
        source: "HD 06-HD/TW, điểm 5.4",
        effective: "09/06/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::SponsorAcquaintanceMonths,
        value: 12,
        source: "QĐ 294-QĐ/TW, điểm 3.2.1; Điều lệ Đảng, Điều 4",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::SponsorsRequired,
        value: 2,
        source: "QĐ 294-QĐ/TW, điểm 3.2.1; Điều lệ Đảng, Điều 4",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::YouthUnionMaxAgeYears,
        value: 30,
        source: "Điều lệ Đoàn TNCS Hồ Chí Minh, tuổi đoàn viên (chưa đối chiếu văn bản)",
        effective: "chưa rõ",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::CeremonyWorkingDays,
        value: 30,
        source: "QĐ 294-QĐ/TW, Điều 5 (QĐ 24-QĐ/TW, điểm 4.1)",
        effective: "01/07/2025",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::RecognitionVoteRounds,
        value: 3,
        source: "QĐ 24-QĐ/TW, điểm 4.2.3",
        effective: "30/07/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::RecognitionWorkingDays,
        value: 30,
        source: "QĐ 294-QĐ/TW, điểm 4.2; Điều lệ Đảng, Điều 5",
        effective: "01/07/2025",
        certainty: Certainty::SecondHand,
    },
    Rule {
        id: RuleId::ReviewExcellentMinScore,
        value: 90,
        source: "QĐ 366-QĐ/TW, Điều 11 khoản 1",
        effective: "30/08/2025",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::ReviewGoodMinScore,
        value: 70,
        source: "QĐ 366-QĐ/TW, Điều 11",
        effective: "30/08/2025",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::ReviewCompletedMinScore,
        value: 50,
        source: "QĐ 366-QĐ/TW, Điều 11",
        effective: "30/08/2025",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::ReviewExcellentCapPercent,
        value: 20,
        source: "HD 21-HD/BTCTW 2019 (20% số HTTNV; QĐ 366 chưa đối chiếu)",
        effective: "25/10/2019",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::ReviewDisciplinedCeiling,
        value: 4,
        source: "HD 21-HD/BTCTW 2019 (bị kỷ luật trong năm: KHTNV; QĐ 366/HD 43 chưa đối chiếu)",
        effective: "25/10/2019",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::ReviewMinMonthsSinceAdmission,
        value: 6,
        source: "Thực tiễn (kết nạp dưới 6 tháng; chưa đối chiếu văn bản)",
        effective: "01/01/2020",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::BadgeFirstMilestoneYears,
        value: 30,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgeSecondMilestoneYears,
        value: 40,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgeMilestoneStepYears,
        value: 5,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgeLastMilestoneYears,
        value: 90,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgeLongEarlyFromYears,
        value: 70,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgeEarlyMonths,
        value: 12,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgeLongEarlyMonths,
        value: 24,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgePosthumousEarlyMonths,
        value: 12,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgePresentationFeb3,
        value: 203,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgePresentationMay19,
        value: 519,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgePresentationSep2,
        value: 902,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::BadgePresentationNov7,
        value: 1107,
        source: "HD 01-HD/TW 2021, điểm 18",
        effective: "28/09/2021",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesSalaryBasisPoints,
        value: 100,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesPensionBasisPoints,
        value: 50,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesStudentMonthly,
        value: 5_000,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesExemptMembershipYears,
        value: 50,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesReductionLowPercent,
        value: 30,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesReductionMidPercent,
        value: 50,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesReductionHighPercent,
        value: 70,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::DuesReliefMaxMonths,
        value: 12,
        source: "QĐ 01-QĐ/TW 2026",
        effective: "01/02/2026",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::ReviewSeasonStartMonth,
        value: 11,
        source: "Công văn hằng năm của Ban Tổ chức Trung ương (vd. CV 10072-CV/BTCTW 06/11/2025)",
        effective: "06/11/2025",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::LiaisonCommentMonth,
        value: 10,
        // QĐ 213 and HD 33 say "hằng năm, trước khi kiểm điểm" and name no month; October
        // is practice (the review season opens in November).
        source: "QĐ 213-QĐ/TW Đ.3; HD 33-HD/BTCTW (không quy định tháng; thực tiễn)",
        effective: "02/01/2020",
        certainty: Certainty::Unverified,
    },
    Rule {
        id: RuleId::LiaisonActivityExemptNoComment,
        value: 1,
        source: "HD 33-HD/BTCTW, điểm 1.1",
        effective: "30/10/2020",
        certainty: Certainty::Verified,
    },
    Rule {
        id: RuleId::LiaisonIntroductionExemptNoComment,
        value: 1,
        source: "HD 33-HD/BTCTW, điểm 1.2",
        effective: "30/10/2020",
        certainty: Certainty::Verified,
    },
];

/// Looks a rule up in the table.
pub fn rule(id: RuleId) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.id == id)
        .expect("every RuleId has a row in RULES (checked by a unit test)")
}

/// The value of a rule.
pub fn value(id: RuleId) -> i64 {
    rule(id).value
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
        let ids = [
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
            RuleId::LiaisonCommentMonth,
            RuleId::LiaisonActivityExemptNoComment,
            RuleId::LiaisonIntroductionExemptNoComment,
        ];
        for id in ids {
            assert_eq!(RULES.iter().filter(|r| r.id == id).count(), 1, "{id:?}");
        }
        assert_eq!(RULES.len(), ids.len());
    }

    #[test]
    fn admission_age_window_is_18_to_60_years() {
        assert_eq!(value(RuleId::AdmissionMinAgeMonths), 216);
        assert_eq!(value(RuleId::AdmissionMaxAgeMonths), 720);
        assert!(rule(RuleId::AdmissionMinAgeMonths).source.contains("294"));
    }
}
