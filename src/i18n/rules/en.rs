//! English: the handbook and the rules.

use super::{RulesCatalogue, RulesMsg};
use crate::domain::acts::{LateFlag, Quorum, Refusal};
use crate::domain::calendar::Feast;
use crate::domain::date::format_date;
use crate::domain::handbook::Topic;
use crate::domain::holidays::{DayEntry, DayKind, HolidayField};
use crate::domain::rules::{self, RuleId};
use crate::i18n::ChangeKind;

/// The English texts of the handbook and the rules.
#[derive(Debug, Clone, Copy)]
pub struct RulesEn;

const ADMISSION: &[&str] = &[
    "The branch sends the candidate to the course on the Party; the certificate is valid {0} \
     months up to the branch's vote, then the course is taken again.",
    "The candidate writes the application before filling in the personal record.",
    "The candidate fills in the personal record; the grassroots committee stamps its pages \
     before vetting; the branch committee does not comment yet.",
    "Vetting of the candidate, parents, parents-in-law or guardians, spouse and adult children; \
     after it the branch committee comments and the grassroots committee certifies.",
    "{0} official members who have worked, studied or lived with the candidate for at least \
     {1} months sponsor them; a candidate of Youth Union age (up to {2}) needs one member and a \
     Youth Union resolution.",
    "Comments from the mass organisations at work and from the committee where the candidate \
     lives.",
    "The branch votes a resolution proposing admission: at least {0}/{1} of the official \
     members entitled to vote in favour; age {2} to {3}, counted in months to the vote date.",
    "The competent committee decides the admission.",
    "The branch holds the ceremony within {0} working days of receiving the decision; later \
     only with the superior committee's agreement.",
    "An official member is assigned to help; probation lasts {0} months from the ceremony.",
];

const RECOGNITION: &[&str] = &[
    "When the {0} months of probation end, the probationary member writes a self-review.",
    "The helping member writes a comment; comments from mass organisations and the place of \
     residence.",
    "Within {0} working days after probation ends the branch votes on recognition: at least \
     {1}/{2} of the official members entitled to vote; if not qualified, removal is proposed.",
    "After {0} votes without two thirds either way, the branch reports and the competent \
     committee decides.",
    "The committee decides; membership is official from the end of the {0} months, even if the \
     branch or committee acted late.",
];

const TRANSFER: &[&str] = &[
    "Official transfer: within {0} working days of the decision (or of moving house) the member \
     transfers.",
    "Write \"dues paid up to month …\" on the transfer slip; the grassroots committee keeps and \
     sends the file.",
    "Temporary transfer: a move of 3 months to under a year, or full-time study of 3 months to \
     2 years; the home branch keeps managing the member.",
    "Watch the end of the temporary transfer; the app reminds {0} days before.",
];

const EXEMPTION: &[&str] = &[
    "An old (men from {0}, women from {1}) and frail member asks, in writing or in person, to be \
     exempted from party work and meetings.",
    "The branch decides by resolution, written in the resolutions book, and reports to the \
     superior committee.",
    "Record the exemption on the member's card; a temporary exemption lasts at most {0} months.",
    "When the member asks to return, the branch decides; the app reminds {0} days before a \
     temporary exemption ends.",
];

const REMOVAL: &[&str] = &[
    "A member who missed meetings or did not pay dues for {0} months in a year without good \
     reason: the branch considers proposing removal.",
    "The branch votes the proposal (more than {0}% of the official members entitled to vote).",
    "The competent committee decides the removal; the branch records it.",
    "A probationary member not qualified for recognition: the branch proposes removal.",
];

const REVIEW: &[&str] = &[
    "The review season opens in month {0} by the yearly dispatch; members write a plan early in \
     the year.",
    "Each member writes a self-review with a self-score and grade.",
    "The branch reviews, comments and votes a proposed grade (more than {0}%): excellent from {1} \
     points, good from {2}, completed from {3}.",
    "Excellent grades at most {0}% of good grades; a member disciplined in the year is capped; a \
     member admitted under {1} months ago is not graded.",
    "The ward committee decides and announces the grades.",
];

const BADGES: &[&str] = &[
    "Party badges at {0} and {1} years of membership, then every {2} years up to {3}.",
    "List the members to propose before each presentation date: {0}, {1}, {2}, {3}.",
    "A seriously ill member may receive a badge up to {0} months early (below {1} years) or {2} \
     months early (from {1} years); posthumously up to {3} months early.",
    "Record the award (date, decision number).",
];

const DUES: &[&str] = &[
    "Rates: {0}% of the salary insured by social insurance; {1}% of a pension; students {2} đồng a \
     month.",
    "Members pay monthly in cash to the branch or on the national public-service portal; the \
     branch keeps the book.",
    "Exempt from {0} years of membership; hardship: exemption or a reduction of {1}%, {2}%, \
     {3}%, at most {4} months per decision, on application.",
    "Dues unpaid for {0} months in a year without good reason: the branch proposes removal.",
];

const LIAISON: &[&str] = &[
    "Receive the introduction letter of a member working elsewhere who keeps in touch with the \
     branch where they live.",
    "Who is exempt from introduction, or introduced but exempt from residential meetings, per \
     HD 33.",
    "Each year, before the workplace's review, the branch asks the front committee and returns \
     a comment on the member through the ward committee.",
];

impl RulesCatalogue for RulesEn {
    fn msg(&self, m: RulesMsg) -> &'static str {
        match m {
            RulesMsg::HandbookTitle => "HANDBOOK OF BRANCH PROCEDURES",
            RulesMsg::Form => "Form",
            RulesMsg::Source => "Source",
            RulesMsg::InApp => "In Sổ chi bộ",
            RulesMsg::Topics => "Procedures",
            RulesMsg::HandbookUsage => "One procedure: sochibo handbook \"ket nap\"",
            RulesMsg::ScreenName => "Rules",
            RulesMsg::ColRule => "Rule",
            RulesMsg::ColValue => "Value",
            RulesMsg::ColSource => "Source",
            RulesMsg::ColCertainty => "Checked",
            RulesMsg::Verified => "verified",
            RulesMsg::SecondHand => "quoted second-hand",
            RulesMsg::Unverified => "not verified (branch setting)",
            RulesMsg::ChangedByBranch => "changed by the branch",
            RulesMsg::FieldValue => "New value",
            RulesMsg::FieldWho => "Changed by",
            RulesMsg::FieldReason => "Reason",
            RulesMsg::NeedReason => "Reason: say why the rule is changed.",
            RulesMsg::NeedWho => "Changed by: give the name of who changes it.",
            RulesMsg::NotASetting => {
                "This rule is verified in the text; it is not a branch setting."
            }
            RulesMsg::LateFlag => "late",
            RulesMsg::SectionRules => "Rules",
            RulesMsg::SectionHolidays => "Days off",
            RulesMsg::ColDate => "Date",
            RulesMsg::ColKind => "Kind",
            RulesMsg::ColBy => "Set by",
            RulesMsg::ColName => "Name",
            RulesMsg::ByLaw => "law",
            RulesMsg::ByBranch => "branch",
            RulesMsg::Year => "Year",
            RulesMsg::HolidayNew => "Days off: add a branch day",
            RulesMsg::HolidayEdit => "Days off: edit a branch day",
            RulesMsg::OverriddenByBranch => "the branch changed this day (see below)",
        }
    }

    fn topic(&self, t: Topic) -> &'static str {
        match t {
            Topic::Admission => "Admission",
            Topic::Recognition => "Recognition as official member",
            Topic::Transfer => "Transfer of party activity (official, temporary)",
            Topic::Exemption => "Exemption from party work and meetings",
            Topic::Removal => "Removal from the roll",
            Topic::Review => "Annual review and grading",
            Topic::Badges => "Party badges",
            Topic::Dues => "Party dues",
            Topic::Liaison => "Members keeping in touch where they live (QĐ 213)",
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
            AdmissionMinAgeMonths => "Youngest age at admission (months)",
            AdmissionMaxAgeMonths => "Oldest age at admission (months)",
            ProbationMonths => "Probation (months)",
            MinOfficialMembers => "Fewest official members of a branch",
            MajorityPercent => "A vote passes with more than (%)",
            QualifiedMajorityNumerator => "Admission, recognition: numerator (2/3)",
            QualifiedMajorityDenominator => "Admission, recognition: denominator (2/3)",
            RemovalAbsenceMonths => "Missed meetings or dues: months in a year",
            TransferWorkingDays => "Official transfer (working days)",
            EndingSoonDays => "Reminder before an end date (days)",
            FullExemptionMinAgeMale => "Exemption for old age, men (years)",
            FullExemptionMinAgeFemale => "Exemption for old age, women (years)",
            TemporaryExemptionMaxMonths => "Temporary exemption: at most (months)",
            SuggestExemptionAge => "Suggest exemption instead of removal from age",
            CertificateValidityMonths => "Course certificate valid (months)",
            SponsorAcquaintanceMonths => "Sponsor has known the candidate (months)",
            SponsorsRequired => "Sponsoring members",
            YouthUnionMaxAgeYears => "Youth Union age: at most (years)",
            CeremonyWorkingDays => "Ceremony after the decision (working days)",
            RecognitionWorkingDays => "Recognition after probation (working days)",
            RecognitionVoteRounds => "Recognition votes before reporting up",
            ReviewSeasonStartMonth => "Month the review season opens",
            ReviewExcellentMinScore => "Excellent: from (points)",
            ReviewGoodMinScore => "Good: from (points)",
            ReviewCompletedMinScore => "Completed: from (points)",
            ReviewExcellentCapPercent => "Excellent: at most (% of good)",
            ReviewDisciplinedCeiling => "Disciplined in the year: best grade (1–4)",
            ReviewMinMonthsSinceAdmission => "Not graded if admitted under (months)",
            BadgeFirstMilestoneYears => "Badge: first milestone (years)",
            BadgeSecondMilestoneYears => "Badge: second milestone (years)",
            BadgeMilestoneStepYears => "Badge: step between milestones (years)",
            BadgeLastMilestoneYears => "Badge: last milestone (years)",
            BadgeLongEarlyFromYears => "Badge: longer early window from (years)",
            BadgeEarlyMonths => "Badge: early when seriously ill (months)",
            BadgeLongEarlyMonths => "Badge: early, high milestones (months)",
            BadgePosthumousEarlyMonths => "Badge: posthumous, early (months)",
            BadgePresentationFeb3 => "Badge: presentation 3/2",
            BadgePresentationMay19 => "Badge: presentation 19/5",
            BadgePresentationSep2 => "Badge: presentation 2/9",
            BadgePresentationNov7 => "Badge: presentation 7/11",
            DuesSalaryBasisPoints => "Dues: of salary (basis points)",
            DuesPensionBasisPoints => "Dues: of pension (basis points)",
            DuesStudentMonthly => "Dues: students (đồng a month)",
            DuesExemptMembershipYears => "No dues from (years of membership)",
            DuesReductionLowPercent => "Dues reduction: low (%)",
            DuesReductionMidPercent => "Dues reduction: middle (%)",
            DuesReductionHighPercent => "Dues reduction: high (%)",
            DuesReliefMaxMonths => "Dues relief: at most per decision (months)",
            LiaisonCommentMonth => "QĐ 213 yearly comment reminded from month",
            LiaisonActivityExemptNoComment => {
                "QĐ 213: no comment when exempt from residential activity (1 = yes)"
            }
            LiaisonIntroductionExemptNoComment => {
                "QĐ 213: no comment when exempt from introduction (1 = yes)"
            }
            QuorumPercent => "Quorum: more than (% of those who must attend)",
            Tet2027DaysBefore => "Tết 2027: days off before the lunar new year (06/02/2027)",
            CultureDayOff => "Vietnamese Culture Day 24/11 is a day off (1 = yes)",
            DuesHandedOnPercent => "Dues the branch hands on (% of what it collected)",
        }
    }

    fn unknown_topic(&self, typed: &str) -> String {
        format!("No procedure \"{typed}\" in the handbook. The procedures:")
    }

    fn bad_value(&self, rule: &str, typed: &str, min: i64, max: i64) -> String {
        format!(
            "{rule}: \"{typed}\" cannot be used — a whole number from {min} to {max} is expected."
        )
    }

    fn refusal(&self, r: &Refusal) -> String {
        let what = match r {
            Refusal::LateWithoutReason { rule, due } => format!(
                "{}: past the deadline of {}, a reason is needed",
                self.rule(*rule),
                format_date(*due)
            ),
            Refusal::TooEarly { rule, from } => {
                format!("{}: not before {}", self.rule(*rule), format_date(*from))
            }
            Refusal::AboveLimit { rule, value, limit } => {
                format!("{}: {value}, at most {limit}", self.rule(*rule))
            }
            Refusal::BelowLimit { rule, value, limit } => {
                format!("{}: {value}, at least {limit}", self.rule(*rule))
            }
            Refusal::EndsTooLate {
                rule,
                months,
                latest,
            } => format!(
                "Longer than the {months}-month maximum; the end date is {} at the latest ({})",
                format_date(*latest),
                self.rule(*rule)
            ),
            Refusal::NoQuorum(q) => format!(
                "No vote without quorum: more than {}% of the members who must attend must be \
                 present, at least {}/{} (present {}/{})",
                rules::value(RuleId::QuorumPercent),
                q.needed,
                q.must_attend,
                q.present,
                q.must_attend
            ),
        };
        format!(
            "{what} — {}",
            super::source(crate::i18n::Lang::En, r.rule())
        )
    }

    fn late_flag(&self, f: &LateFlag) -> String {
        format!(
            "[LATE] {}: due {}, done {}; reason: {}",
            self.rule(f.rule),
            format_date(f.due),
            format_date(f.done),
            f.reason
        )
    }

    fn quorum(&self, q: &Quorum) -> String {
        format!(
            "{}/{} present, at least {} needed",
            q.present, q.must_attend, q.needed
        )
    }

    fn setting_line(&self, o: &rules::Override) -> String {
        format!(
            "set by the branch to {} on {} ({}): {}",
            o.value,
            format_date(o.on),
            o.who,
            o.reason
        )
    }

    fn field(&self, f: rules::RuleField) -> &'static str {
        match f {
            rules::RuleField::Value => "New value",
            rules::RuleField::Who => "Changed by",
            rules::RuleField::Reason => "Reason",
        }
    }

    fn notice(&self, n: &super::RulesNotice) -> String {
        match n {
            super::RulesNotice::NotASetting(id) => format!(
                "“{}” is verified in a text ({}); it is not a branch setting.",
                self.rule(*id),
                rules::rule(*id).source
            ),
            super::RulesNotice::BuiltinDay(d) => format!(
                "{} is a day off by law and cannot be edited or removed: if the notice makes it a \
                 working day, add (F7) a branch day of the kind “working day” for that date.",
                format_date(*d)
            ),
            super::RulesNotice::HolidayTaken(d) => format!(
                "Date: the branch already has an entry for {}; edit it (F2) instead of adding one.",
                format_date(*d)
            ),
        }
    }

    fn day_kind(&self, k: DayKind) -> &'static str {
        match k {
            DayKind::DayOff => "day off",
            DayKind::WorkDay => "working day",
        }
    }

    fn feast(&self, f: Feast) -> &'static str {
        match f {
            Feast::NewYear => "New Year's Day",
            Feast::Tet => "Lunar New Year (Tết)",
            Feast::HungKings => "Hùng Kings' Day",
            Feast::Victory => "Victory Day 30/4",
            Feast::Labour => "International Labour Day",
            Feast::National => "National Day",
            Feast::MadeUp => "Made up for a holiday on a weekend",
            Feast::Culture => "Vietnam Culture Day",
        }
    }

    fn holiday_field(&self, f: HolidayField) -> &'static str {
        match f {
            HolidayField::Date => "Date",
            HolidayField::Kind => "Kind",
            HolidayField::Name => "Name",
            HolidayField::Source => "Source",
            HolidayField::Who => "Added by",
            HolidayField::Reason => "Reason",
        }
    }

    fn holiday_line(&self, e: &DayEntry) -> String {
        format!(
            "branch: {} on {} ({}); source: {}",
            e.who,
            format_date(e.at),
            e.reason,
            e.source
        )
    }

    fn holiday_delete(&self, e: &DayEntry) -> String {
        format!(
            "Remove the branch's {} {} “{}”? Working-day deadlines follow the law's calendar \
             again.",
            self.day_kind(e.kind),
            format_date(e.date),
            e.name
        )
    }

    fn holiday_change(&self, kind: ChangeKind, e: &DayEntry) -> String {
        let verb = match kind {
            ChangeKind::Created => "added",
            ChangeKind::Changed => "changed",
            ChangeKind::Deleted => "removed",
        };
        format!(
            "{verb} the branch's {} {} “{}”",
            self.day_kind(e.kind),
            format_date(e.date),
            e.name
        )
    }
}
