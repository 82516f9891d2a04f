//! The admission pipeline (rules.md §6): a candidate (quần chúng ưu tú) moves through the
//! stages of §6.2 in order, each recorded with its date, its document and who is
//! responsible. Every stage is checked against the rules table; a rule that is not
//! verified only warns, and a blocking rule can be overridden with a recorded reason.
//! The ceremony makes the candidate a probationary member; the recognition decision makes
//! them official from the end of probation, even when the branch is late.

use chrono::{Months, NaiveDate};

use super::calendar;
use super::date;
use super::meeting::{self, Meeting, MeetingId, Threshold, Vote};
use super::member::{
    EventKind, EventPapers, Member, MemberEvent, MemberId, Membership, RemovalCause, Status,
};
use super::rules::{self, Certainty, RuleId};
use super::text;
use super::validate::Problem;

/// Store key of a candidate.
pub type CandidateId = u64;

/// Where a candidate comes from (the mass organisation or place that proposed them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Đoàn Thanh niên Cộng sản Hồ Chí Minh.
    YouthUnion,
    /// Hội Liên hiệp Phụ nữ.
    WomenUnion,
    /// Hội Cựu chiến binh.
    Veterans,
    /// Công đoàn.
    TradeUnion,
    /// Tổ dân phố, Ban công tác Mặt trận.
    ResidentialGroup,
    /// Khác.
    Other,
}

impl Source {
    /// Every source, in form order.
    pub const ALL: &'static [Source] = &[
        Source::YouthUnion,
        Source::WomenUnion,
        Source::Veterans,
        Source::TradeUnion,
        Source::ResidentialGroup,
        Source::Other,
    ];
}

/// The stages of rules.md §6.2, in the order they must happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// 1. Put on the sympathiser list (danh sách cảm tình Đảng), a helper assigned.
    Listed,
    /// 2. Awareness course (lớp bồi dưỡng nhận thức về Đảng): the certificate.
    Course,
    /// 3. Application to join (đơn xin vào Đảng).
    Application,
    /// 4. Personal record (lý lịch người xin vào Đảng).
    PersonalRecord,
    /// 5. Vetting (thẩm tra lý lịch), with its conclusion.
    Vetting,
    /// 6. Two sponsors (giới thiệu), or one and a Youth Union resolution.
    Sponsors,
    /// 7. Comments of the mass organisations and the place of residence (nhận xét).
    Comments,
    /// 8. The branch's vote proposing admission (nghị quyết đề nghị kết nạp).
    BranchVote,
    /// 9. The ward committee's admission decision (quyết định kết nạp).
    Decision,
    /// 10. The admission ceremony (lễ kết nạp): the candidate becomes a probationary member.
    Ceremony,
    /// 11. The political course for new members during probation (optional to record).
    NewMemberCourse,
    /// 13. The branch's vote on recognition as an official member (or on removal).
    RecognitionVote,
    /// 14. The ward committee's recognition decision: official from the end of probation.
    RecognitionDecision,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: &'static [Stage] = &[
        Stage::Listed,
        Stage::Course,
        Stage::Application,
        Stage::PersonalRecord,
        Stage::Vetting,
        Stage::Sponsors,
        Stage::Comments,
        Stage::BranchVote,
        Stage::Decision,
        Stage::Ceremony,
        Stage::NewMemberCourse,
        Stage::RecognitionVote,
        Stage::RecognitionDecision,
    ];

    /// Whether the stage may be skipped (it is recorded when known, never required).
    pub fn optional(self) -> bool {
        self == Stage::NewMemberCourse
    }

    /// Whether the stage is a vote of the branch (needs a tally).
    pub fn is_vote(self) -> bool {
        matches!(self, Stage::BranchVote | Stage::RecognitionVote)
    }

    /// The stages that may be recorded after `last` (none recorded yet: `None`), in order.
    pub fn after(last: Option<Stage>) -> Vec<Stage> {
        let start = match last {
            None => 0,
            Some(s) => match Stage::ALL.iter().position(|x| *x == s) {
                Some(i) => i + 1,
                None => return Vec::new(),
            },
        };
        let mut out = Vec::new();
        for s in &Stage::ALL[start.min(Stage::ALL.len())..] {
            out.push(*s);
            if !s.optional() {
                break;
            }
        }
        out
    }
}

/// A document behind a stage: number, date and who issued it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Số văn bản ("12-NQ/CB", the certificate's number).
    pub number: String,
    /// Ngày văn bản.
    pub date: Option<NaiveDate>,
    /// Cơ quan ban hành / nơi cấp.
    pub issuer: String,
}

/// An official member who sponsors (giới thiệu) the candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sponsor {
    /// The member.
    pub member: MemberId,
    /// The member's name when recorded.
    pub name: String,
    /// Since when they have worked, studied or lived with the candidate.
    pub known_since: NaiveDate,
}

/// The figures of a branch vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết.
    pub abstain: u32,
    /// The §2 denominator.
    pub denominator: u32,
    /// The meeting vote it was taken from (meeting, vote index), if any.
    pub meeting: Option<(MeetingId, u32)>,
}

impl Tally {
    /// Rule HD 06 §3.6b: at least two thirds of the denominator voted yes.
    pub fn passed(&self) -> bool {
        two_thirds(self.yes, self.denominator)
    }
}

/// Rule HD 06-HD/TW §3.6b (rules.md §6.2 steps 8 and 13): `yes` reaches two thirds of the
/// §2 denominator (numbers from the rules table).
pub fn two_thirds(yes: u32, denominator: u32) -> bool {
    let num = rules::value(RuleId::QualifiedMajorityNumerator).max(1) as u64;
    let den = rules::value(RuleId::QualifiedMajorityDenominator).max(1) as u64;
    denominator > 0 && u64::from(yes) * den >= u64::from(denominator) * num
}

/// Why a step is not allowed (yet), or is late. Each names its rule in the rules table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Under 18 on the vote date (age in months; the date the candidate turns 18).
    TooYoung {
        /// Age in whole months on the date checked.
        months: i32,
        /// The day the minimum age is reached.
        from: NaiveDate,
    },
    /// Over 60 on the vote date (age in months).
    TooOld {
        /// Age in whole months on the date checked.
        months: i32,
    },
    /// The awareness-course certificate is older than its validity on the vote date.
    CertificateExpired {
        /// The last day it was valid.
        valid_until: NaiveDate,
    },
    /// A sponsor is not an official member of the branch (now, or on the step's date).
    SponsorNotOfficial {
        /// The sponsor's name.
        name: String,
    },
    /// A sponsor has known the candidate for fewer months than the rule asks.
    SponsorTooRecent {
        /// The sponsor's name.
        name: String,
        /// Whole months known on the step's date.
        months: i32,
    },
    /// Fewer sponsors than the rule asks, and no Youth Union resolution.
    TooFewSponsors {
        /// Sponsors recorded.
        count: u32,
    },
    /// The Youth Union route for a candidate older than youth age (years).
    YouthRouteTooOld {
        /// Age in years on the step's date.
        years: i32,
    },
    /// The vote did not reach two thirds of the denominator.
    VoteShort {
        /// Yes votes.
        yes: u32,
        /// The §2 denominator.
        denominator: u32,
    },
    /// The ceremony comes more working days after the decision than the rule allows.
    CeremonyLate {
        /// Working days after the decision.
        working_days: u32,
        /// The last day within the rule.
        deadline: NaiveDate,
    },
    /// Probation is not over yet (the recognition vote waits for it).
    ProbationNotOver {
        /// The day probation ends.
        ends: NaiveDate,
    },
    /// The recognition vote comes later than the rule's working days after probation.
    RecognitionLate {
        /// Working days after the end of probation.
        working_days: u32,
        /// The last day within the rule.
        deadline: NaiveDate,
    },
}

impl Check {
    /// The rule behind the check.
    pub fn rule(&self) -> RuleId {
        match self {
            Check::TooYoung { .. } => RuleId::AdmissionMinAgeMonths,
            Check::TooOld { .. } => RuleId::AdmissionMaxAgeMonths,
            Check::CertificateExpired { .. } => RuleId::CertificateValidityMonths,
            Check::SponsorNotOfficial { .. } | Check::TooFewSponsors { .. } => {
                RuleId::SponsorsRequired
            }
            Check::SponsorTooRecent { .. } => RuleId::SponsorAcquaintanceMonths,
            Check::YouthRouteTooOld { .. } => RuleId::YouthUnionMaxAgeYears,
            Check::VoteShort { .. } => RuleId::QualifiedMajorityNumerator,
            Check::CeremonyLate { .. } => RuleId::CeremonyWorkingDays,
            Check::ProbationNotOver { .. } => RuleId::ProbationMonths,
            Check::RecognitionLate { .. } => RuleId::RecognitionWorkingDays,
        }
    }

    /// Whether the check stops the step unless overridden with a reason. Unverified rules
    /// only warn, and so does lateness of the recognition vote (official membership still
    /// dates from the end of probation, QĐ 24 điểm 4.2.2).
    pub fn blocks(&self) -> bool {
        rules::rule(self.rule()).certainty != Certainty::Unverified
            && !matches!(self, Check::RecognitionLate { .. })
    }
}

/// One recorded stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Which stage.
    pub stage: Stage,
    /// When it happened (certificate date, vote date, ceremony date, …).
    pub date: NaiveDate,
    /// The document behind it.
    pub document: Document,
    /// Who is responsible (người phụ trách).
    pub responsible: String,
    /// Free note.
    pub note: String,
    /// Conclusion of the vetting (kết luận thẩm tra).
    pub conclusion: String,
    /// The sponsors (Sponsors stage).
    pub sponsors: Vec<Sponsor>,
    /// Number of the Youth Union committee's resolution, when it stands for a sponsor.
    pub youth_resolution: String,
    /// The figures of a vote stage.
    pub tally: Option<Tally>,
    /// A recognition vote that proposes removal (xóa tên) instead of recognition.
    pub propose_removal: bool,
    /// The checks raised when it was recorded (warnings, and blocks that were overridden).
    pub checks: Vec<Check>,
    /// Why the secretary recorded it despite blocking checks.
    pub override_reason: String,
}

impl Step {
    /// A recognition vote that reached two thirds neither for nor against its proposal
    /// (QĐ 24 điểm 4.2.3): the branch votes again.
    pub fn inconclusive(&self) -> bool {
        self.stage == Stage::RecognitionVote
            && self.tally.is_some_and(|t| {
                !two_thirds(t.yes, t.denominator) && !two_thirds(t.no, t.denominator)
            })
    }

    /// A step of `stage` on `date` with nothing else filled in.
    pub fn new(stage: Stage, date: NaiveDate) -> Step {
        Step {
            stage,
            date,
            document: Document::default(),
            responsible: String::new(),
            note: String::new(),
            conclusion: String::new(),
            sponsors: Vec::new(),
            youth_resolution: String::new(),
            tally: None,
            propose_removal: false,
            checks: Vec::new(),
            override_reason: String::new(),
        }
    }
}

/// A candidate for admission and the stages recorded so far.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Candidate {
    /// Identity, in the member record's fields (events and card number stay empty), so
    /// the member record is built from it at the ceremony. `notes` are the candidate's.
    pub person: Member,
    /// Where the candidate comes from.
    pub source: Option<Source>,
    /// The unit of that organisation ("Chi đoàn Tổ dân phố Hòa Bình").
    pub source_unit: String,
    /// The official member assigned to help (đảng viên giúp đỡ).
    pub helper: Option<MemberId>,
    /// The helper's name when assigned.
    pub helper_name: String,
    /// The recorded stages, oldest first.
    pub steps: Vec<Step>,
    /// The member record made at the ceremony.
    pub member: Option<MemberId>,
    /// No longer followed (date, reason).
    pub withdrawn: Option<(NaiveDate, String)>,
}

/// Where a candidate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Moving through the stages.
    InProgress,
    /// Recognised as an official member: done.
    Official,
    /// The branch proposed removal at the end of probation.
    RemovalProposed,
    /// The branch voted on recognition as many times as the rule allows without 2/3
    /// either way: "chờ cấp trên quyết định" (QĐ 24 điểm 4.2.3).
    AwaitingSuperior,
    /// No longer followed.
    Withdrawn,
}

impl Candidate {
    /// The last recorded step.
    pub fn last(&self) -> Option<&Step> {
        self.steps.last()
    }

    /// The current stage (the last one recorded).
    pub fn stage(&self) -> Option<Stage> {
        self.last().map(|s| s.stage)
    }

    /// The step of a stage, if recorded.
    pub fn step(&self, stage: Stage) -> Option<&Step> {
        self.steps.iter().find(|s| s.stage == stage)
    }

    /// Where the candidate stands.
    pub fn standing(&self) -> Standing {
        if self.withdrawn.is_some() {
            Standing::Withdrawn
        } else if self.step(Stage::RecognitionDecision).is_some() {
            Standing::Official
        } else if self
            .steps
            .iter()
            .any(|s| s.stage == Stage::RecognitionVote && s.propose_removal && !s.inconclusive())
        {
            Standing::RemovalProposed
        } else if self.superior_decides() {
            Standing::AwaitingSuperior
        } else {
            Standing::InProgress
        }
    }

    /// The recognition votes that reached two thirds neither way, oldest first.
    pub fn inconclusive_votes(&self) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|s| s.stage == Stage::RecognitionVote && s.inconclusive())
            .collect()
    }

    /// Rule QĐ 24 điểm 4.2.3 (rules.md §6.2 step 15, #23.3): after this many recognition
    /// votes without 2/3 either way the case goes to the superior committee.
    fn superior_decides(&self) -> bool {
        let rounds = rules::value(RuleId::RecognitionVoteRounds).max(1) as usize;
        self.inconclusive_votes().len() >= rounds
    }

    /// The stages that may be recorded next, in order (empty when done). After a
    /// recognition vote without 2/3 either way the branch votes again; once the superior
    /// committee decides, only its decision is left.
    pub fn next_stages(&self) -> Vec<Stage> {
        match self.standing() {
            Standing::InProgress => {}
            Standing::AwaitingSuperior => return vec![Stage::RecognitionDecision],
            _ => return Vec::new(),
        }
        if self.last().is_some_and(Step::inconclusive) {
            return vec![Stage::RecognitionVote];
        }
        Stage::after(self.stage())
    }

    /// The first stage that must still be recorded (skipping optional ones).
    pub fn next_required(&self) -> Option<Stage> {
        self.next_stages().into_iter().find(|s| !s.optional())
    }

    /// Rule Điều lệ Đ.5 (rules.md §6.2 step 12): probation is 12 months from the ceremony.
    /// The day it ends, which is also the day official membership dates from.
    pub fn probation_end(&self) -> Option<NaiveDate> {
        let ceremony = self.step(Stage::Ceremony)?.date;
        let months = u32::try_from(rules::value(RuleId::ProbationMonths)).unwrap_or(12);
        ceremony.checked_add_months(Months::new(months))
    }
}

/// The day someone born on `birth` reaches `months` months of age.
fn months_after(birth: NaiveDate, months: i64) -> Option<NaiveDate> {
    birth.checked_add_months(Months::new(u32::try_from(months).ok()?))
}

/// Rule QĐ 294 điểm 1.1.1 (rules.md §6.1): aged 18 to 60 inclusive, counted in whole
/// months, on the date the branch votes.
pub fn age_checks(birth: Option<NaiveDate>, vote: NaiveDate) -> Vec<Check> {
    let Some(b) = birth else { return Vec::new() };
    let months = date::months_between(b, vote);
    let min = rules::value(RuleId::AdmissionMinAgeMonths);
    let max = rules::value(RuleId::AdmissionMaxAgeMonths);
    if i64::from(months) < min {
        let from = months_after(b, min).unwrap_or(vote);
        vec![Check::TooYoung { months, from }]
    } else if i64::from(months) > max {
        vec![Check::TooOld { months }]
    } else {
        Vec::new()
    }
}

/// Rule HD 06-HD/TW §5.4 (rules.md §6.2 step 2): the last day a certificate issued on
/// `issued` is valid (60 months later, the same day of the month).
pub fn certificate_valid_until(issued: NaiveDate) -> NaiveDate {
    months_after(issued, rules::value(RuleId::CertificateValidityMonths)).unwrap_or(issued)
}

/// Rule HD 06-HD/TW §5.4: the certificate is at most 60 months old on the vote date.
pub fn certificate_checks(issued: Option<NaiveDate>, vote: NaiveDate) -> Vec<Check> {
    match issued {
        Some(i) if vote > certificate_valid_until(i) => vec![Check::CertificateExpired {
            valid_until: certificate_valid_until(i),
        }],
        _ => Vec::new(),
    }
}

/// Whether a member is an official member of the branch on `on` (not someone who left,
/// nor a hosted member from another branch).
pub fn is_official_member(m: &Member, on: NaiveDate) -> bool {
    let status = m.status_at(on);
    m.membership_at(on) == Some(Membership::Official)
        && status.is_active()
        && status != Status::TemporarilyHosted
}

/// Rule QĐ 294 điểm 3.2.1 / Điều lệ Đ.4 (rules.md §6.2 step 6): two sponsors who are
/// official members of the branch now (and on the step's date), each having known the
/// candidate for at least 12 months; or, for youth, one sponsor and a resolution of the
/// Youth Union committee (youth age is an unverified parameter: a warning).
pub fn sponsor_checks(
    sponsors: &[(Sponsor, Option<&Member>)],
    youth_resolution: bool,
    birth: Option<NaiveDate>,
    on: NaiveDate,
    today: NaiveDate,
) -> Vec<Check> {
    let mut out = Vec::new();
    for (s, m) in sponsors {
        if !m.is_some_and(|m| is_official_member(m, today) && is_official_member(m, on)) {
            out.push(Check::SponsorNotOfficial {
                name: s.name.clone(),
            });
        }
        let months = date::months_between(s.known_since, on);
        if i64::from(months) < rules::value(RuleId::SponsorAcquaintanceMonths) {
            out.push(Check::SponsorTooRecent {
                name: s.name.clone(),
                months,
            });
        }
    }
    let needed = rules::value(RuleId::SponsorsRequired);
    let count = sponsors.len() as i64 + i64::from(youth_resolution);
    if count < needed {
        out.push(Check::TooFewSponsors {
            count: sponsors.len() as u32,
        });
    }
    if youth_resolution
        && (sponsors.len() as i64) < needed
        && let Some(b) = birth
    {
        let years = date::age_years(b, on);
        if i64::from(years) > rules::value(RuleId::YouthUnionMaxAgeYears) {
            out.push(Check::YouthRouteTooOld { years });
        }
    }
    out
}

/// The last day of the ceremony rule: 30 working days after the decision.
pub fn ceremony_deadline(decision: NaiveDate) -> NaiveDate {
    let days = u32::try_from(rules::value(RuleId::CeremonyWorkingDays)).unwrap_or(30);
    calendar::add_working_days(decision, days)
}

/// Rule QĐ 294 Điều 5 (rules.md §6.2 step 10): the ceremony within 30 working days of the
/// decision (later needs the superior committee's agreement: an override with its reason).
pub fn ceremony_checks(decision: NaiveDate, ceremony: NaiveDate) -> Vec<Check> {
    let working_days = calendar::working_days_between(decision, ceremony);
    if i64::from(working_days) > rules::value(RuleId::CeremonyWorkingDays) {
        vec![Check::CeremonyLate {
            working_days,
            deadline: ceremony_deadline(decision),
        }]
    } else {
        Vec::new()
    }
}

/// The last day of the recognition rule: 30 working days after probation ends.
pub fn recognition_deadline(probation_end: NaiveDate) -> NaiveDate {
    let days = u32::try_from(rules::value(RuleId::RecognitionWorkingDays)).unwrap_or(30);
    calendar::add_working_days(probation_end, days)
}

/// Rule QĐ 294 điểm 4.2 (rules.md §6.2 step 13): the recognition vote after the 12 months
/// and within 30 working days of their end (lateness warns: membership still dates from
/// the end of probation).
pub fn recognition_checks(probation_end: NaiveDate, vote: NaiveDate) -> Vec<Check> {
    if vote < probation_end {
        return vec![Check::ProbationNotOver {
            ends: probation_end,
        }];
    }
    let working_days = calendar::working_days_between(probation_end, vote);
    if i64::from(working_days) > rules::value(RuleId::RecognitionWorkingDays) {
        vec![Check::RecognitionLate {
            working_days,
            deadline: recognition_deadline(probation_end),
        }]
    } else {
        Vec::new()
    }
}

/// What the next deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineKind {
    /// The branch must vote before the course certificate expires.
    CertificateExpires,
    /// The branch must vote before the candidate is over the age limit.
    AgeLimit,
    /// The ceremony must be held by this day.
    Ceremony,
    /// The recognition vote must be held by this day (not before probation ends).
    Recognition,
}

/// The next deadline of a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// What it is about.
    pub kind: DeadlineKind,
    /// The last day.
    pub date: NaiveDate,
    /// The earliest day the step is allowed (the end of probation).
    pub not_before: Option<NaiveDate>,
}

impl Deadline {
    /// Whether the last day has passed.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        today > self.date
    }
}

/// The next deadline the rules set for a candidate in progress.
pub fn next_deadline(c: &Candidate) -> Option<Deadline> {
    let next = c.next_required()?;
    match next {
        Stage::Application
        | Stage::PersonalRecord
        | Stage::Vetting
        | Stage::Sponsors
        | Stage::Comments
        | Stage::BranchVote => {
            let cert = c
                .step(Stage::Course)
                .map(|s| certificate_valid_until(s.date));
            let age = c.person.birth_date.and_then(|b| {
                months_after(b, rules::value(RuleId::AdmissionMaxAgeMonths) + 1)
                    .and_then(|d| d.pred_opt())
            });
            let pick = |d: Option<NaiveDate>, k| {
                d.map(|date| Deadline {
                    kind: k,
                    date,
                    not_before: None,
                })
            };
            match (
                pick(cert, DeadlineKind::CertificateExpires),
                pick(age, DeadlineKind::AgeLimit),
            ) {
                (Some(a), Some(b)) => Some(if b.date < a.date { b } else { a }),
                (a, b) => a.or(b),
            }
        }
        Stage::Ceremony => c.step(Stage::Decision).map(|d| Deadline {
            kind: DeadlineKind::Ceremony,
            date: ceremony_deadline(d.date),
            not_before: None,
        }),
        Stage::RecognitionVote => c.probation_end().map(|end| Deadline {
            kind: DeadlineKind::Recognition,
            date: recognition_deadline(end),
            not_before: Some(end),
        }),
        _ => None,
    }
}

/// Why the next step cannot be taken today, or is late: the checks that would apply if
/// it were recorded today (shown on the card and the board).
pub fn readiness(c: &Candidate, today: NaiveDate) -> Vec<Check> {
    let Some(next) = c.next_required() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if c.step(Stage::Course).is_some() && next <= Stage::BranchVote {
        out.extend(age_checks(c.person.birth_date, today));
        out.extend(certificate_checks(
            c.step(Stage::Course).map(|s| s.date),
            today,
        ));
    }
    match next {
        Stage::Ceremony => {
            if let Some(d) = c.step(Stage::Decision) {
                out.extend(ceremony_checks(d.date, today));
            }
        }
        Stage::RecognitionVote => {
            if let Some(end) = c.probation_end() {
                out.extend(recognition_checks(end, today));
            }
        }
        _ => {}
    }
    out
}

/// The fields of the candidate, step and target forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdmissionField {
    /// Nguồn (tổ chức giới thiệu).
    Source,
    /// Đơn vị (chi đoàn, chi hội…).
    SourceUnit,
    /// Đảng viên giúp đỡ.
    Helper,
    /// Ngày vào danh sách cảm tình Đảng.
    ListedOn,
    /// Số nghị quyết chi bộ đưa vào danh sách.
    ListDecision,
    /// Bước.
    Stage,
    /// Ngày.
    Date,
    /// Số văn bản.
    DocNumber,
    /// Ngày văn bản.
    DocDate,
    /// Nơi ban hành / cấp.
    Issuer,
    /// Người phụ trách.
    Responsible,
    /// Kết luận thẩm tra.
    Conclusion,
    /// Người giới thiệu 1.
    Sponsor1,
    /// Biết người xin vào Đảng từ (sponsor 1).
    Sponsor1Since,
    /// Người giới thiệu 2.
    Sponsor2,
    /// Biết người xin vào Đảng từ (sponsor 2).
    Sponsor2Since,
    /// Số nghị quyết BCH Đoàn (thay một người giới thiệu).
    YouthResolution,
    /// Lấy kết quả từ biểu quyết của buổi sinh hoạt.
    MeetingVote,
    /// Tán thành.
    VoteYes,
    /// Không tán thành.
    VoteNo,
    /// Không biểu quyết.
    VoteAbstain,
    /// Số đảng viên có quyền biểu quyết.
    Denominator,
    /// Đề nghị: công nhận chính thức / xóa tên.
    Outcome,
    /// Lý do vẫn ghi dù chưa đúng quy định.
    Override,
    /// Ghi chú.
    Note,
    /// Năm (chỉ tiêu).
    TargetYear,
    /// Chỉ tiêu kết nạp.
    TargetCount,
}

/// The fields of the step form for a stage, in order.
pub fn step_fields(stage: Stage) -> Vec<AdmissionField> {
    use AdmissionField as F;
    let mut v = vec![F::Stage, F::Date];
    match stage {
        Stage::Vetting => v.push(F::Conclusion),
        Stage::Sponsors => v.extend([
            F::Sponsor1,
            F::Sponsor1Since,
            F::Sponsor2,
            F::Sponsor2Since,
            F::YouthResolution,
        ]),
        Stage::BranchVote => v.extend([
            F::MeetingVote,
            F::VoteYes,
            F::VoteNo,
            F::VoteAbstain,
            F::Denominator,
        ]),
        Stage::RecognitionVote => v.extend([
            F::Outcome,
            F::MeetingVote,
            F::VoteYes,
            F::VoteNo,
            F::VoteAbstain,
            F::Denominator,
        ]),
        _ => {}
    }
    v.extend([F::DocNumber, F::DocDate, F::Issuer, F::Responsible]);
    v.extend([F::Override, F::Note]);
    v
}

/// Whether a step field must be filled for a stage.
pub fn step_required(stage: Stage, f: AdmissionField) -> bool {
    use AdmissionField as F;
    matches!(
        (stage, f),
        (_, F::Stage | F::Date)
            | (Stage::Vetting, F::Conclusion)
            | (Stage::Sponsors, F::Sponsor1 | F::Sponsor1Since)
            | (Stage::Decision | Stage::RecognitionDecision, F::DocNumber)
    )
}

/// What is wrong with a step (beyond the common field problems).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdmissionProblem {
    /// A rule blocks the step (override it with a reason).
    Rule(Check),
    /// Blocking rules were found: a reason is needed to record the step anyway.
    NeedsOverride,
    /// This stage cannot be recorded now: the stage that comes next.
    OutOfOrder(Option<Stage>),
    /// The date is before the previous step's date.
    BeforePrevious(NaiveDate),
    /// The same member cannot sponsor twice.
    SameSponsor,
    /// The date is not the date of the chosen meeting vote.
    NotTheMeetingDate(NaiveDate),
    /// The chosen meeting vote is not a two-thirds vote.
    NotTwoThirds,
    /// The helper must be an official member of the branch.
    HelperNotOfficial,
    /// The recorded step changed the roster; correct it on the member's card.
    InRoster,
}

/// The step form's values, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepDraft {
    /// The chosen stage.
    pub stage: Option<Stage>,
    /// Text per field.
    pub text: Vec<(AdmissionField, String)>,
    /// The chosen sponsors (members).
    pub sponsors: [Option<MemberId>; 2],
    /// The meeting vote chosen to take the figures from.
    pub meeting_vote: Option<(MeetingId, usize)>,
    /// A recognition vote proposing removal.
    pub propose_removal: bool,
}

impl StepDraft {
    fn get(&self, f: AdmissionField) -> &str {
        self.text
            .iter()
            .find(|(x, _)| *x == f)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// What the checks look at besides the candidate: the roster and the meetings.
#[derive(Debug, Clone, Copy)]
pub struct World<'a> {
    /// Every member with its id.
    pub members: &'a [(MemberId, &'a Member)],
    /// Every meeting with its id.
    pub meetings: &'a [(MeetingId, &'a Meeting)],
    /// Today.
    pub today: NaiveDate,
}

impl World<'_> {
    fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|(i, _)| *i == id).map(|(_, m)| *m)
    }
}

/// The §2 denominator on `on` when no roll call is at hand: official members, minus those
/// away on a temporary transfer, minus exempted members (assumed absent).
pub fn default_denominator(members: &[(MemberId, &Member)], on: NaiveDate) -> u32 {
    members
        .iter()
        .filter(|(_, m)| is_official_member(m, on))
        .filter(|(_, m)| {
            let s = m.status_at(on);
            s != Status::TemporarilyAway && !s.is_exempt()
        })
        .count() as u32
}

type Errors = Vec<(AdmissionField, Problem)>;

fn adm(f: AdmissionField, p: AdmissionProblem) -> (AdmissionField, Problem) {
    (f, Problem::Admission(p))
}

/// Checks a step for a candidate: the stage must be the next one, its date not before
/// the previous step nor after today, its fields filled, and the rules met. Returns the
/// step (with the checks it raised) or the refused fields. Blocking checks refuse the
/// step unless the override reason is filled in; warnings never refuse.
pub fn check_step(c: &Candidate, d: &StepDraft, w: &World<'_>) -> Result<Step, Errors> {
    use AdmissionField as F;
    let mut errors: Errors = Vec::new();
    let allowed = c.next_stages();
    let Some(stage) = d.stage.filter(|s| allowed.contains(s)) else {
        return Err(vec![adm(
            F::Stage,
            AdmissionProblem::OutOfOrder(allowed.first().copied()),
        )]);
    };
    let mut day = |f: AdmissionField| match date::parse_user_opt_date(
        d.get(f),
        w.today,
        date::DateRole::Event,
    ) {
        Ok(Some(v)) if v > w.today => {
            errors.push((f, Problem::InFuture));
            None
        }
        Ok(v) => v,
        Err(e) => {
            errors.push((f, Problem::Date(e)));
            None
        }
    };
    let when = day(F::Date);
    let doc_date = day(F::DocDate);
    let since1 = day(F::Sponsor1Since);
    let since2 = day(F::Sponsor2Since);
    let fields = step_fields(stage);
    let mut step = Step::new(stage, when.unwrap_or(w.today));
    let clean = |f: AdmissionField| {
        if fields.contains(&f) {
            text::clean(d.get(f))
        } else {
            String::new()
        }
    };
    step.document = Document {
        number: clean(F::DocNumber),
        date: doc_date,
        issuer: clean(F::Issuer),
    };
    step.responsible = clean(F::Responsible);
    step.conclusion = clean(F::Conclusion);
    step.youth_resolution = clean(F::YouthResolution);
    step.override_reason = clean(F::Override);
    step.note = text::clean_multiline(d.get(F::Note));
    for (f, v) in [
        (F::DocNumber, &step.document.number),
        (F::Issuer, &step.document.issuer),
        (F::Responsible, &step.responsible),
        (F::Conclusion, &step.conclusion),
        (F::YouthResolution, &step.youth_resolution),
        (F::Override, &step.override_reason),
    ] {
        if v.chars().count() > super::validate::MAX_TEXT {
            errors.push((f, Problem::TooLong(super::validate::MAX_TEXT)));
        }
    }
    for f in &fields {
        let empty = match f {
            F::Stage => false,
            F::Sponsor1 => d.sponsors[0].is_none(),
            F::Sponsor2 => d.sponsors[1].is_none(),
            other => d.get(*other).trim().is_empty(),
        };
        if empty && step_required(stage, *f) && !errors.iter().any(|(x, _)| x == f) {
            errors.push((*f, Problem::Required));
        }
    }
    if let (Some(when), Some(prev)) = (when, c.last())
        && when < prev.date
    {
        errors.push(adm(F::Date, AdmissionProblem::BeforePrevious(prev.date)));
    }
    // Sponsors.
    if stage == Stage::Sponsors {
        if d.sponsors[0].is_some() && d.sponsors[0] == d.sponsors[1] {
            errors.push(adm(F::Sponsor2, AdmissionProblem::SameSponsor));
        }
        for (i, (id, since)) in [(d.sponsors[0], since1), (d.sponsors[1], since2)]
            .into_iter()
            .enumerate()
        {
            let since_f = if i == 0 {
                F::Sponsor1Since
            } else {
                F::Sponsor2Since
            };
            match (id, since) {
                (Some(id), Some(since)) => step.sponsors.push(Sponsor {
                    member: id,
                    name: w
                        .member(id)
                        .map(|m| m.full_name.clone())
                        .unwrap_or_default(),
                    known_since: since,
                }),
                (Some(_), None) if !errors.iter().any(|(x, _)| *x == since_f) => {
                    errors.push((since_f, Problem::Required))
                }
                _ => {}
            }
        }
    }
    // Votes: figures typed, or taken from a meeting's vote.
    if stage.is_vote() {
        step.propose_removal = stage == Stage::RecognitionVote && d.propose_removal;
        match d.meeting_vote {
            Some((mid, vi)) => {
                let found = w
                    .meetings
                    .iter()
                    .find(|(id, _)| *id == mid)
                    .and_then(|(_, m)| Some((*m, m.votes.get(vi)?)));
                match found {
                    None => errors.push((F::MeetingVote, Problem::UnknownChoice)),
                    Some((m, v)) => {
                        if v.threshold != Threshold::TwoThirds {
                            errors.push(adm(F::MeetingVote, AdmissionProblem::NotTwoThirds));
                        }
                        if when.is_some_and(|x| x != m.date) {
                            errors.push(adm(F::Date, AdmissionProblem::NotTheMeetingDate(m.date)));
                        }
                        match meeting::vote_outcome(v, &m.attendance) {
                            Ok(o) => {
                                step.tally = Some(Tally {
                                    yes: v.yes,
                                    no: v.no,
                                    abstain: v.abstain,
                                    denominator: o.denominator,
                                    meeting: Some((mid, vi as u32)),
                                })
                            }
                            Err(meeting::TallyError::MoreThanPresent { counted, present }) => {
                                errors.push((
                                    F::MeetingVote,
                                    Problem::TallyTooLarge(counted, present),
                                ))
                            }
                        }
                    }
                }
            }
            None => {
                let mut num = |f: AdmissionField| -> u32 {
                    let raw = d.get(f).trim();
                    if raw.is_empty() {
                        return 0;
                    }
                    raw.parse().unwrap_or_else(|_| {
                        errors.push((f, Problem::NotANumber));
                        0
                    })
                };
                let (yes, no, abstain, den) = (
                    num(F::VoteYes),
                    num(F::VoteNo),
                    num(F::VoteAbstain),
                    num(F::Denominator),
                );
                for f in [F::VoteYes, F::Denominator] {
                    if d.get(f).trim().is_empty() && !errors.iter().any(|(x, _)| *x == f) {
                        errors.push((f, Problem::Required));
                    }
                }
                let counted = yes + no + abstain;
                if counted > den && d.get(F::Denominator).trim().parse::<u32>().is_ok() {
                    errors.push((F::VoteYes, Problem::TallyTooLarge(counted, den)));
                }
                step.tally = Some(Tally {
                    yes,
                    no,
                    abstain,
                    denominator: den,
                    meeting: None,
                });
            }
        }
    }
    let Some(when) = when else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    step.date = when;

    // The rules.
    let mut checks: Vec<(AdmissionField, Check)> = Vec::new();
    match stage {
        Stage::Sponsors => {
            let pairs: Vec<(Sponsor, Option<&Member>)> = step
                .sponsors
                .iter()
                .map(|s| (s.clone(), w.member(s.member)))
                .collect();
            for ch in sponsor_checks(
                &pairs,
                !step.youth_resolution.is_empty(),
                c.person.birth_date,
                when,
                w.today,
            ) {
                let f = match &ch {
                    Check::SponsorNotOfficial { name } | Check::SponsorTooRecent { name, .. }
                        if step.sponsors.len() > 1 && step.sponsors[1].name == *name =>
                    {
                        match ch {
                            Check::SponsorTooRecent { .. } => F::Sponsor2Since,
                            _ => F::Sponsor2,
                        }
                    }
                    Check::SponsorTooRecent { .. } => F::Sponsor1Since,
                    Check::TooFewSponsors { .. } | Check::YouthRouteTooOld { .. } => F::Sponsor2,
                    _ => F::Sponsor1,
                };
                checks.push((f, ch));
            }
        }
        Stage::BranchVote => {
            for ch in age_checks(c.person.birth_date, when) {
                checks.push((F::Date, ch));
            }
            for ch in certificate_checks(c.step(Stage::Course).map(|s| s.date), when) {
                checks.push((F::Date, ch));
            }
        }
        Stage::Ceremony => {
            if let Some(dec) = c.step(Stage::Decision) {
                for ch in ceremony_checks(dec.date, when) {
                    checks.push((F::Date, ch));
                }
            }
        }
        Stage::RecognitionVote => {
            if let Some(end) = c.probation_end() {
                for ch in recognition_checks(end, when) {
                    checks.push((F::Date, ch));
                }
            }
        }
        _ => {}
    }
    if let Some(t) = step.tally
        && !t.passed()
    {
        checks.push((
            F::VoteYes,
            Check::VoteShort {
                yes: t.yes,
                denominator: t.denominator,
            },
        ));
    }
    // QĐ 24 điểm 4.2.3: a recognition vote without 2/3 either way is recorded as what
    // happened (its VoteShort stays on the step as a flag); the branch votes again.
    let inconclusive = step.inconclusive();
    let blocking: Vec<&(AdmissionField, Check)> = checks
        .iter()
        .filter(|(_, ch)| ch.blocks())
        .filter(|(_, ch)| !(inconclusive && matches!(ch, Check::VoteShort { .. })))
        .collect();
    if !blocking.is_empty() && step.override_reason.is_empty() {
        let mut errors: Errors = blocking
            .iter()
            .map(|(f, ch)| adm(*f, AdmissionProblem::Rule(ch.clone())))
            .collect();
        errors.push(adm(F::Override, AdmissionProblem::NeedsOverride));
        return Err(errors);
    }
    step.checks = checks.into_iter().map(|(_, ch)| ch).collect();
    Ok(step)
}

/// The candidate form's own values (identity comes as a checked member).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CandidateDraft {
    /// Source.
    pub source: Option<Source>,
    /// Text per field.
    pub text: Vec<(AdmissionField, String)>,
    /// The helper chosen.
    pub helper: Option<MemberId>,
}

/// Checks the candidate form: identity (already checked as a member), the helper an
/// official member today, the listing date. A new candidate gets the `Listed` step; an
/// edited one keeps its steps, with the listing's date and resolution updated.
pub fn check_candidate(
    base: Option<&Candidate>,
    person: Member,
    d: &CandidateDraft,
    w: &World<'_>,
) -> Result<Candidate, Errors> {
    use AdmissionField as F;
    let get = |f: AdmissionField| {
        d.text
            .iter()
            .find(|(x, _)| *x == f)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let mut errors: Errors = Vec::new();
    let listed = match date::parse_user_opt_date(&get(F::ListedOn), w.today, date::DateRole::Event)
    {
        Ok(Some(v)) if v > w.today => {
            errors.push((F::ListedOn, Problem::InFuture));
            None
        }
        Ok(None) => {
            errors.push((F::ListedOn, Problem::Required));
            None
        }
        Ok(v) => v,
        Err(e) => {
            errors.push((F::ListedOn, Problem::Date(e)));
            None
        }
    };
    let helper = match d.helper {
        None => {
            errors.push((F::Helper, Problem::Required));
            None
        }
        Some(id) => match w.member(id) {
            Some(m) if is_official_member(m, w.today) => Some((id, m.full_name.clone())),
            _ => {
                errors.push(adm(F::Helper, AdmissionProblem::HelperNotOfficial));
                None
            }
        },
    };
    if let (Some(l), Some(b)) = (base, listed)
        && l.steps.get(1).is_some_and(|s| s.date < b)
    {
        errors.push(adm(
            F::ListedOn,
            AdmissionProblem::OutOfOrder(Some(Stage::Listed)),
        ));
    }
    let unit = text::clean(&get(F::SourceUnit));
    let decision = text::clean(&get(F::ListDecision));
    for (f, v) in [(F::SourceUnit, &unit), (F::ListDecision, &decision)] {
        if v.chars().count() > super::validate::MAX_TEXT {
            errors.push((f, Problem::TooLong(super::validate::MAX_TEXT)));
        }
    }
    let (Some(listed), Some((helper, helper_name)), true) = (listed, helper, errors.is_empty())
    else {
        return Err(errors);
    };
    let mut c = base.cloned().unwrap_or_default();
    c.person = Member {
        events: Vec::new(),
        card_number: String::new(),
        ..person
    };
    c.source = d.source;
    c.source_unit = unit;
    c.helper = Some(helper);
    c.helper_name = helper_name.clone();
    match c.steps.first_mut().filter(|s| s.stage == Stage::Listed) {
        Some(s) => {
            s.date = listed;
            s.document.number = decision;
        }
        None => {
            let mut s = Step::new(Stage::Listed, listed);
            s.document.number = decision;
            s.responsible = helper_name;
            c.steps.insert(0, s);
        }
    }
    Ok(c)
}

/// How recording a step changes the member roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterChange {
    /// Nothing.
    None,
    /// The ceremony: a new probationary member.
    Create(Member),
    /// Recognition or the removal proposal: the member record with its new event.
    Update(MemberId, Member),
}

/// Records a checked step on the candidate and says how the roster changes. The
/// ceremony builds the member from the candidate's identity with an `Admitted` event on
/// the ceremony date (the decision's number and date in its papers). The recognition
/// decision adds `Recognized` dated the end of probation, even when the branch or the
/// committee acted late (QĐ 24 điểm 4.2.2). A recognition vote proposing removal adds
/// `RemovalProposed` (cause: failed probation) on the vote date.
pub fn record(c: &mut Candidate, step: Step, member: Option<&Member>) -> RosterChange {
    let change = match step.stage {
        Stage::Ceremony => {
            let mut m = Member {
                events: Vec::new(),
                ..c.person.clone()
            };
            let mut e = MemberEvent::new(step.date, EventKind::Admitted, "");
            if let Some(dec) = c.step(Stage::Decision) {
                e.papers = EventPapers {
                    decision: dec.document.number.clone(),
                    decided_on: dec.document.date.or(Some(dec.date)),
                    ..EventPapers::default()
                };
            }
            m.add_event(e);
            RosterChange::Create(m)
        }
        Stage::RecognitionDecision => match (c.member, member, c.probation_end()) {
            (Some(id), Some(m), Some(end)) => {
                let mut m = m.clone();
                let mut e = MemberEvent::new(end, EventKind::Recognized, "");
                e.papers.decision = step.document.number.clone();
                e.papers.decided_on = step.document.date.or(Some(step.date));
                m.events.retain(|x| x.kind != EventKind::Recognized);
                m.add_event(e);
                RosterChange::Update(id, m)
            }
            _ => RosterChange::None,
        },
        Stage::RecognitionVote if step.propose_removal && !step.inconclusive() => {
            match (c.member, member) {
                (Some(id), Some(m)) => {
                    let mut m = m.clone();
                    let mut e = MemberEvent::new(step.date, EventKind::RemovalProposed, "");
                    e.papers.removal_cause = Some(RemovalCause::FailedProbation);
                    e.papers.decision = step.document.number.clone();
                    e.papers.decided_on = step.document.date;
                    m.add_event(e);
                    RosterChange::Update(id, m)
                }
                _ => RosterChange::None,
            }
        }
        _ => RosterChange::None,
    };
    c.steps.push(step);
    change
}

/// Whether the last step may be removed from the candidate's history: not once it
/// changed the roster (the ceremony, the recognition decision, a removal proposal).
pub fn can_undo(c: &Candidate) -> Result<(), AdmissionProblem> {
    match c.last() {
        None => Err(AdmissionProblem::OutOfOrder(None)),
        Some(s)
            if s.stage == Stage::Ceremony
                || s.stage == Stage::RecognitionDecision
                || (s.stage == Stage::RecognitionVote
                    && s.propose_removal
                    && !s.inconclusive()) =>
        {
            Err(AdmissionProblem::InRoster)
        }
        Some(s) if s.stage == Stage::Listed => Err(AdmissionProblem::OutOfOrder(None)),
        Some(_) => Ok(()),
    }
}

/// The branch's yearly target for new members (chỉ tiêu phát triển đảng viên).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The year.
    pub year: i32,
    /// New members to admit.
    pub count: u32,
}

/// Members admitted in `year` (the progress against the target).
pub fn admitted_in_year<'a>(members: impl IntoIterator<Item = &'a Member>, year: i32) -> u32 {
    members
        .into_iter()
        .filter(|m| {
            m.admitted_on()
                .is_some_and(|d| chrono::Datelike::year(&d) == year)
        })
        .count() as u32
}

/// One candidate on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardEntry {
    /// The candidate.
    pub id: CandidateId,
    /// The current stage.
    pub stage: Option<Stage>,
    /// Since when (the current stage's date).
    pub since: Option<NaiveDate>,
    /// Days in the current stage.
    pub days: i64,
    /// The next stage to record.
    pub next: Option<Stage>,
    /// The next deadline.
    pub deadline: Option<Deadline>,
    /// Whether the deadline has passed.
    pub overdue: bool,
    /// Why the next step is not allowed today (or is late).
    pub blockers: Vec<Check>,
}

/// The board: candidates still in progress, overdue ones first (oldest deadline first),
/// then by stage in pipeline order and the nearest deadline.
pub fn board(cands: &[(CandidateId, &Candidate)], today: NaiveDate) -> Vec<BoardEntry> {
    let mut v: Vec<BoardEntry> = cands
        .iter()
        .filter(|(_, c)| {
            matches!(
                c.standing(),
                Standing::InProgress | Standing::AwaitingSuperior
            )
        })
        .map(|(id, c)| {
            let deadline = next_deadline(c);
            let since = c.last().map(|s| s.date);
            BoardEntry {
                id: *id,
                stage: c.stage(),
                since,
                days: since.map_or(0, |s| (today - s).num_days()),
                next: c.next_required().or(c.next_stages().first().copied()),
                deadline,
                overdue: deadline.is_some_and(|d| d.overdue(today)),
                blockers: readiness(c, today),
            }
        })
        .collect();
    v.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.stage.cmp(&b.stage))
            .then(
                a.deadline
                    .map(|d| d.date)
                    .unwrap_or(NaiveDate::MAX)
                    .cmp(&b.deadline.map(|d| d.date).unwrap_or(NaiveDate::MAX)),
            )
            .then(a.id.cmp(&b.id))
    });
    v
}

/// Candidates waiting for the superior committee after three recognition votes without
/// 2/3 (#23.3): id, name and the date of the last vote, for the to-do list and the figures.
pub fn awaiting_superior(
    cands: &[(CandidateId, &Candidate)],
) -> Vec<(CandidateId, String, NaiveDate)> {
    cands
        .iter()
        .filter(|(_, c)| c.standing() == Standing::AwaitingSuperior)
        .filter_map(|(id, c)| {
            let last = c.inconclusive_votes().last()?.date;
            Some((*id, c.person.full_name.clone(), last))
        })
        .collect()
}

/// A meeting vote as a pick for a vote step: two-thirds votes, newest first.
pub fn meeting_votes<'a>(
    meetings: &'a [(MeetingId, &'a Meeting)],
) -> Vec<(MeetingId, usize, &'a Meeting, &'a Vote)> {
    let mut v: Vec<_> = meetings
        .iter()
        .flat_map(|(id, m)| {
            m.votes
                .iter()
                .enumerate()
                .filter(|(_, v)| v.threshold == Threshold::TwoThirds)
                .map(move |(i, v)| (*id, i, *m, v))
        })
        .collect();
    v.sort_by(|a, b| b.2.date.cmp(&a.2.date).then(a.1.cmp(&b.1)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::MemberEvent;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn official(name: &str, admitted: NaiveDate) -> Member {
        Member {
            full_name: name.into(),
            birth_date: Some(d(1960, 1, 1)),
            events: vec![
                MemberEvent::new(admitted, EventKind::Admitted, ""),
                MemberEvent::new(
                    admitted.checked_add_months(Months::new(12)).unwrap(),
                    EventKind::Recognized,
                    "",
                ),
            ],
            ..Member::default()
        }
    }

    fn candidate(birth: NaiveDate) -> Candidate {
        Candidate {
            person: Member {
                full_name: "Lê Thị Hà".into(),
                birth_date: Some(birth),
                ..Member::default()
            },
            steps: vec![Step::new(Stage::Listed, d(2025, 1, 10))],
            ..Candidate::default()
        }
    }

    fn with(mut c: Candidate, stages: &[(Stage, NaiveDate)]) -> Candidate {
        for (s, on) in stages {
            c.steps.push(Step::new(*s, *on));
        }
        c
    }

    #[test]
    fn age_is_18_to_60_in_months_on_the_vote_date() {
        let birth = d(2008, 5, 20);
        // The day before the 18th birthday: too young, and the day it is reached.
        assert_eq!(
            age_checks(Some(birth), d(2026, 5, 19)),
            vec![Check::TooYoung {
                months: 215,
                from: d(2026, 5, 20)
            }]
        );
        assert_eq!(age_checks(Some(birth), d(2026, 5, 20)), vec![]);
        // 60 years: allowed on the 60th birthday and through the month that follows.
        let old = d(1966, 5, 20);
        assert_eq!(age_checks(Some(old), d(2026, 5, 19)), vec![]);
        assert_eq!(age_checks(Some(old), d(2026, 5, 20)), vec![]);
        assert_eq!(age_checks(Some(old), d(2026, 6, 19)), vec![]);
        assert_eq!(
            age_checks(Some(old), d(2026, 6, 20)),
            vec![Check::TooOld { months: 721 }]
        );
        assert!(Check::TooOld { months: 721 }.blocks(), "[V3] blocks");
        assert_eq!(age_checks(None, d(2026, 6, 20)), vec![]);
    }

    #[test]
    fn the_certificate_is_valid_60_months() {
        let issued = d(2021, 3, 15);
        assert_eq!(certificate_valid_until(issued), d(2026, 3, 15));
        assert_eq!(certificate_checks(Some(issued), d(2026, 3, 14)), vec![]);
        assert_eq!(certificate_checks(Some(issued), d(2026, 3, 15)), vec![]);
        assert_eq!(
            certificate_checks(Some(issued), d(2026, 3, 16)),
            vec![Check::CertificateExpired {
                valid_until: d(2026, 3, 15)
            }]
        );
        // Issued on 31 August: the last day of February five years later.
        assert_eq!(certificate_valid_until(d(2020, 8, 31)), d(2025, 8, 31));
        assert_eq!(certificate_valid_until(d(2019, 10, 31)), d(2024, 10, 31));
        assert_eq!(certificate_valid_until(d(2019, 2, 28)), d(2024, 2, 28));
    }

    #[test]
    fn sponsors_are_official_members_now_who_know_the_candidate_12_months() {
        let today = d(2026, 11, 21);
        let a = official("Trần Văn Hùng", d(1990, 1, 1));
        let on = d(2026, 6, 1);
        let s = |name: &str, since| Sponsor {
            member: 1,
            name: name.into(),
            known_since: since,
        };
        // Known since 1 June 2025: 12 months on the day; 2 June: 11 months.
        let ok = [
            (s("A", d(2025, 6, 1)), Some(&a)),
            (s("B", d(2020, 1, 1)), Some(&a)),
        ];
        assert_eq!(sponsor_checks(&ok, false, None, on, today), vec![]);
        let recent = [
            (s("A", d(2025, 6, 2)), Some(&a)),
            (s("B", d(2020, 1, 1)), Some(&a)),
        ];
        assert_eq!(
            sponsor_checks(&recent, false, None, on, today),
            vec![Check::SponsorTooRecent {
                name: "A".into(),
                months: 11
            }]
        );
        // A probationary member, or one who has died since, is not an official member now.
        let prob = Member {
            events: vec![MemberEvent::new(d(2026, 1, 1), EventKind::Admitted, "")],
            ..a.clone()
        };
        let mut dead = a.clone();
        dead.add_event(MemberEvent::new(d(2026, 9, 1), EventKind::Died, ""));
        let bad = [
            (s("P", d(2020, 1, 1)), Some(&prob)),
            (s("D", d(2020, 1, 1)), Some(&dead)),
        ];
        assert_eq!(
            sponsor_checks(&bad, false, None, on, today),
            vec![
                Check::SponsorNotOfficial { name: "P".into() },
                Check::SponsorNotOfficial { name: "D".into() }
            ]
        );
        // One sponsor: too few, unless a Youth Union resolution stands for the second.
        let one = [(s("A", d(2020, 1, 1)), Some(&a))];
        assert_eq!(
            sponsor_checks(&one, false, None, on, today),
            vec![Check::TooFewSponsors { count: 1 }]
        );
        assert_eq!(
            sponsor_checks(&one, true, Some(d(2000, 1, 1)), on, today),
            vec![]
        );
        // The youth route for someone over youth age warns (unverified rule), never blocks.
        let w = sponsor_checks(&one, true, Some(d(1990, 1, 1)), on, today);
        assert_eq!(w, vec![Check::YouthRouteTooOld { years: 36 }]);
        assert!(!w[0].blocks());
    }

    #[test]
    fn two_thirds_of_the_denominator() {
        assert!(two_thirds(8, 12));
        assert!(!two_thirds(7, 11));
        assert!(two_thirds(8, 11));
        assert!(!two_thirds(0, 0));
        assert!(two_thirds(2, 3));
        assert!(!two_thirds(1, 2));
    }

    #[test]
    fn ceremony_within_30_working_days_skipping_tet() {
        // Decision Monday 2/2/2026: Tết (16–20/2 on weekdays) is not counted.
        let decision = d(2026, 2, 2);
        let deadline = ceremony_deadline(decision);
        assert_eq!(deadline, d(2026, 3, 23));
        assert_eq!(calendar::working_days_between(decision, deadline), 30);
        assert_eq!(
            ceremony_checks(decision, deadline.pred_opt().unwrap()),
            vec![]
        );
        assert_eq!(ceremony_checks(decision, deadline), vec![]);
        assert_eq!(
            ceremony_checks(decision, d(2026, 3, 24)),
            vec![Check::CeremonyLate {
                working_days: 31,
                deadline
            }]
        );
        assert!(ceremony_checks(decision, d(2026, 3, 24))[0].blocks());
    }

    #[test]
    fn recognition_after_12_months_and_within_30_working_days() {
        let c = with(
            candidate(d(2000, 1, 1)),
            &[(Stage::Ceremony, d(2025, 4, 28))],
        );
        let end = c.probation_end().unwrap();
        assert_eq!(end, d(2026, 4, 28));
        assert_eq!(
            recognition_checks(end, d(2026, 4, 27)),
            vec![Check::ProbationNotOver { ends: end }]
        );
        assert_eq!(recognition_checks(end, end), vec![]);
        // 30 working days skip 30/4 and 1/5.
        let deadline = recognition_deadline(end);
        assert_eq!(deadline, d(2026, 6, 11));
        assert_eq!(recognition_checks(end, deadline), vec![]);
        let late = recognition_checks(end, d(2026, 6, 12));
        assert_eq!(
            late,
            vec![Check::RecognitionLate {
                working_days: 31,
                deadline
            }]
        );
        assert!(!late[0].blocks(), "lateness warns");
    }

    #[test]
    fn stages_come_in_order_and_the_new_members_course_is_optional() {
        assert_eq!(Stage::after(None), vec![Stage::Listed]);
        assert_eq!(Stage::after(Some(Stage::Listed)), vec![Stage::Course]);
        assert_eq!(
            Stage::after(Some(Stage::Ceremony)),
            vec![Stage::NewMemberCourse, Stage::RecognitionVote]
        );
        assert_eq!(
            Stage::after(Some(Stage::NewMemberCourse)),
            vec![Stage::RecognitionVote]
        );
        assert_eq!(Stage::after(Some(Stage::RecognitionDecision)), vec![]);

        let c = candidate(d(2000, 1, 1));
        let members: Vec<(MemberId, &Member)> = vec![];
        let w = World {
            members: &members,
            meetings: &[],
            today: d(2026, 11, 21),
        };
        let draft = |s: Stage, date: &str| StepDraft {
            stage: Some(s),
            text: vec![(AdmissionField::Date, date.into())],
            ..StepDraft::default()
        };
        // Skipping the course is refused, naming the stage that comes next.
        assert_eq!(
            check_step(&c, &draft(Stage::Application, "01/03/2025"), &w).unwrap_err(),
            vec![(
                AdmissionField::Stage,
                Problem::Admission(AdmissionProblem::OutOfOrder(Some(Stage::Course)))
            )]
        );
        // A date before the previous step is refused.
        assert_eq!(
            check_step(&c, &draft(Stage::Course, "09/01/2025"), &w).unwrap_err(),
            vec![(
                AdmissionField::Date,
                Problem::Admission(AdmissionProblem::BeforePrevious(d(2025, 1, 10)))
            )]
        );
        let step = check_step(&c, &draft(Stage::Course, "10/03/2025"), &w).unwrap();
        assert_eq!(step.stage, Stage::Course);
        let mut c = c;
        assert_eq!(record(&mut c, step, None), RosterChange::None);
        assert_eq!(c.next_stages(), vec![Stage::Application]);
        // Vetting needs its conclusion.
        let c = with(
            c,
            &[
                (Stage::Application, d(2025, 4, 1)),
                (Stage::PersonalRecord, d(2025, 4, 2)),
            ],
        );
        assert_eq!(
            check_step(&c, &draft(Stage::Vetting, "01/05/2025"), &w).unwrap_err(),
            vec![(AdmissionField::Conclusion, Problem::Required)]
        );
    }

    fn voting_world<'a>(members: &'a [(MemberId, &'a Member)]) -> World<'a> {
        World {
            members,
            meetings: &[],
            today: d(2026, 11, 21),
        }
    }

    fn vote_draft(date: &str, yes: &str, den: &str, over: &str) -> StepDraft {
        StepDraft {
            stage: Some(Stage::BranchVote),
            text: vec![
                (AdmissionField::Date, date.into()),
                (AdmissionField::VoteYes, yes.into()),
                (AdmissionField::Denominator, den.into()),
                (AdmissionField::Override, over.into()),
            ],
            ..StepDraft::default()
        }
    }

    #[test]
    fn the_branch_vote_checks_age_certificate_and_two_thirds_and_can_be_overridden() {
        let c = with(
            candidate(d(2008, 5, 20)),
            &[
                (Stage::Course, d(2025, 3, 1)),
                (Stage::Application, d(2025, 4, 1)),
                (Stage::PersonalRecord, d(2025, 4, 2)),
                (Stage::Vetting, d(2025, 5, 1)),
                (Stage::Sponsors, d(2026, 4, 1)),
                (Stage::Comments, d(2026, 5, 1)),
            ],
        );
        let members = vec![];
        let w = voting_world(&members);
        let errs = check_step(&c, &vote_draft("19/05/2026", "7", "11", ""), &w).unwrap_err();
        assert!(errs.contains(&(
            AdmissionField::Date,
            Problem::Admission(AdmissionProblem::Rule(Check::TooYoung {
                months: 215,
                from: d(2026, 5, 20)
            }))
        )));
        assert!(errs.contains(&(
            AdmissionField::VoteYes,
            Problem::Admission(AdmissionProblem::Rule(Check::VoteShort {
                yes: 7,
                denominator: 11
            }))
        )));
        assert!(errs.contains(&(
            AdmissionField::Override,
            Problem::Admission(AdmissionProblem::NeedsOverride)
        )));
        // On the 18th birthday with 8 of 11: allowed.
        let ok = check_step(&c, &vote_draft("20/05/2026", "8", "11", ""), &w).unwrap();
        assert!(ok.checks.is_empty());
        assert_eq!(ok.tally.unwrap().denominator, 11);
        // A reason overrides, and the checks are kept with the step.
        let over = check_step(
            &c,
            &vote_draft("19/05/2026", "8", "11", "Cấp ủy cấp trên đồng ý"),
            &w,
        )
        .unwrap();
        assert_eq!(over.override_reason, "Cấp ủy cấp trên đồng ý");
        assert_eq!(over.checks.len(), 1);
        // More votes than the denominator is impossible.
        assert_eq!(
            check_step(&c, &vote_draft("20/05/2026", "12", "11", ""), &w).unwrap_err(),
            vec![(AdmissionField::VoteYes, Problem::TallyTooLarge(12, 11))]
        );
    }

    #[test]
    fn the_ceremony_makes_a_probationary_member_and_recognition_dates_from_probation_end() {
        let mut c = with(
            candidate(d(1995, 1, 1)),
            &[
                (Stage::Course, d(2025, 3, 1)),
                (Stage::Application, d(2025, 4, 1)),
                (Stage::PersonalRecord, d(2025, 4, 2)),
                (Stage::Vetting, d(2025, 5, 1)),
                (Stage::Sponsors, d(2025, 6, 1)),
                (Stage::Comments, d(2025, 6, 5)),
                (Stage::BranchVote, d(2025, 6, 10)),
            ],
        );
        let mut dec = Step::new(Stage::Decision, d(2025, 7, 1));
        dec.document.number = "215-QĐ/ĐU".into();
        c.steps.push(dec);
        assert_eq!(
            next_deadline(&c),
            Some(Deadline {
                kind: DeadlineKind::Ceremony,
                date: d(2025, 8, 12),
                not_before: None
            })
        );
        let members = vec![];
        let w = voting_world(&members);
        let draft = StepDraft {
            stage: Some(Stage::Ceremony),
            text: vec![(AdmissionField::Date, "13/08/2025".into())],
            ..StepDraft::default()
        };
        let errs = check_step(&c, &draft, &w).unwrap_err();
        assert!(matches!(
            errs[0].1,
            Problem::Admission(AdmissionProblem::Rule(Check::CeremonyLate { .. }))
        ));
        let draft = StepDraft {
            stage: Some(Stage::Ceremony),
            text: vec![(AdmissionField::Date, "12/08/2025".into())],
            ..StepDraft::default()
        };
        let step = check_step(&c, &draft, &w).unwrap();
        let RosterChange::Create(m) = record(&mut c, step, None) else {
            panic!("the ceremony creates the member")
        };
        assert_eq!(m.full_name, "Lê Thị Hà");
        assert_eq!(m.admitted_on(), Some(d(2025, 8, 12)));
        assert_eq!(m.events[0].papers.decision, "215-QĐ/ĐU");
        assert_eq!(m.status_at(d(2026, 8, 11)), Status::Probationary);
        assert_eq!(c.probation_end(), Some(d(2026, 8, 12)));
        assert_eq!(
            next_deadline(&c).map(|d| (d.date, d.not_before)),
            Some((d(2026, 9, 25), Some(d(2026, 8, 12))))
        );
        // Recognised late: official from the end of probation all the same.
        c.member = Some(7);
        let mut vote = Step::new(Stage::RecognitionVote, d(2026, 10, 20));
        vote.tally = Some(Tally {
            yes: 9,
            no: 0,
            abstain: 0,
            denominator: 10,
            meeting: None,
        });
        c.steps.push(vote);
        let dec = Step::new(Stage::RecognitionDecision, d(2026, 11, 15));
        let RosterChange::Update(7, m) = record(&mut c, dec, Some(&m)) else {
            panic!("recognition updates the member")
        };
        assert_eq!(m.recognized_on(), Some(d(2026, 8, 12)));
        assert_eq!(m.status_at(d(2026, 8, 12)), Status::Official);
        assert_eq!(c.standing(), Standing::Official);
        assert!(c.next_stages().is_empty());
    }

    #[test]
    fn failing_recognition_proposes_removal_on_the_timeline() {
        let mut c = with(
            candidate(d(1995, 1, 1)),
            &[(Stage::Ceremony, d(2025, 8, 12))],
        );
        c.member = Some(3);
        let m = official("Lê Thị Hà", d(2025, 8, 12));
        let mut vote = Step::new(Stage::RecognitionVote, d(2026, 8, 20));
        vote.propose_removal = true;
        let RosterChange::Update(3, m) = record(&mut c, vote, Some(&m)) else {
            panic!()
        };
        let e = m.events.last().unwrap();
        assert_eq!(e.kind, EventKind::RemovalProposed);
        assert_eq!(e.papers.removal_cause, Some(RemovalCause::FailedProbation));
        assert_eq!(c.standing(), Standing::RemovalProposed);
        assert_eq!(can_undo(&c), Err(AdmissionProblem::InRoster));
    }

    #[test]
    fn deadlines_before_the_vote_are_the_certificate_and_the_age_limit() {
        let c = with(candidate(d(1966, 7, 10)), &[(Stage::Course, d(2022, 1, 5))]);
        // Turns 60 on 10/7/2026: the last day counted as 60 in months is 9/8/2026.
        assert_eq!(
            next_deadline(&c),
            Some(Deadline {
                kind: DeadlineKind::AgeLimit,
                date: d(2026, 8, 9),
                not_before: None
            })
        );
        let young = with(candidate(d(2000, 1, 1)), &[(Stage::Course, d(2022, 1, 5))]);
        assert_eq!(
            next_deadline(&young).map(|x| (x.kind, x.date)),
            Some((DeadlineKind::CertificateExpires, d(2027, 1, 5)))
        );
        assert_eq!(next_deadline(&candidate(d(2000, 1, 1))), None);
        assert_eq!(
            readiness(&young, d(2027, 1, 6)),
            vec![Check::CertificateExpired {
                valid_until: d(2027, 1, 5)
            }]
        );
    }

    #[test]
    fn the_board_puts_overdue_first() {
        let today = d(2026, 11, 21);
        let a = candidate(d(2000, 1, 1));
        let b = with(
            candidate(d(2000, 1, 1)),
            &[
                (Stage::Course, d(2025, 3, 1)),
                (Stage::Application, d(2025, 4, 1)),
                (Stage::PersonalRecord, d(2025, 4, 2)),
                (Stage::Vetting, d(2025, 5, 1)),
                (Stage::Sponsors, d(2025, 6, 1)),
                (Stage::Comments, d(2025, 6, 5)),
                (Stage::BranchVote, d(2025, 6, 10)),
                (Stage::Decision, d(2026, 9, 1)),
            ],
        );
        let rows = board(&[(1, &a), (2, &b)], today);
        assert_eq!(rows[0].id, 2);
        assert!(rows[0].overdue);
        assert_eq!(rows[0].next, Some(Stage::Ceremony));
        assert_eq!(rows[0].days, 81);
        assert!(matches!(rows[0].blockers[0], Check::CeremonyLate { .. }));
        assert_eq!(rows[1].id, 1);
        assert!(!rows[1].overdue);
    }

    #[test]
    fn a_vote_step_takes_its_figures_and_the_section_2_denominator_from_a_meeting() {
        use crate::domain::meeting::{AttendanceRow, Mark, MeetingKind};
        let row = |member, membership, status, mark| AttendanceRow {
            member,
            name: format!("ĐV {member}"),
            status,
            membership,
            mark,
        };
        let meeting = Meeting {
            attendance: vec![
                row(1, Membership::Official, Status::Official, Mark::Present),
                row(2, Membership::Official, Status::Official, Mark::Present),
                row(3, Membership::Official, Status::Official, Mark::Unexcused),
                // Exempted and absent: not counted; probationary: never counted.
                row(4, Membership::Official, Status::Exempt, Mark::Unmarked),
                row(
                    5,
                    Membership::Probationary,
                    Status::Probationary,
                    Mark::Present,
                ),
            ],
            votes: vec![
                Vote {
                    subject: "Đề nghị kết nạp".into(),
                    threshold: Threshold::TwoThirds,
                    yes: 2,
                    no: 0,
                    abstain: 0,
                },
                Vote {
                    subject: "Nghị quyết tháng".into(),
                    threshold: Threshold::Majority,
                    yes: 2,
                    no: 0,
                    abstain: 0,
                },
            ],
            ..Meeting::empty(4, 2025, MeetingKind::Regular, d(2026, 7, 15))
        };
        let c = with(
            candidate(d(2000, 1, 1)),
            &[
                (Stage::Course, d(2025, 3, 1)),
                (Stage::Application, d(2025, 4, 1)),
                (Stage::PersonalRecord, d(2025, 4, 2)),
                (Stage::Vetting, d(2025, 5, 1)),
                (Stage::Sponsors, d(2026, 4, 1)),
                (Stage::Comments, d(2026, 5, 1)),
            ],
        );
        let members = vec![];
        let meetings = vec![(9, &meeting)];
        let w = World {
            members: &members,
            meetings: &meetings,
            today: d(2026, 11, 21),
        };
        assert_eq!(meeting_votes(&meetings).len(), 1, "two-thirds votes only");
        let draft = |date: &str, vote: usize| StepDraft {
            stage: Some(Stage::BranchVote),
            text: vec![(AdmissionField::Date, date.into())],
            meeting_vote: Some((9, vote)),
            ..StepDraft::default()
        };
        let step = check_step(&c, &draft("15/07/2026", 0), &w).unwrap();
        assert_eq!(
            step.tally,
            Some(Tally {
                yes: 2,
                no: 0,
                abstain: 0,
                denominator: 3,
                meeting: Some((9, 0))
            })
        );
        assert_eq!(
            check_step(&c, &draft("16/07/2026", 0), &w).unwrap_err(),
            vec![(
                AdmissionField::Date,
                Problem::Admission(AdmissionProblem::NotTheMeetingDate(d(2026, 7, 15)))
            )]
        );
        assert_eq!(
            check_step(&c, &draft("15/07/2026", 1), &w).unwrap_err(),
            vec![(
                AdmissionField::MeetingVote,
                Problem::Admission(AdmissionProblem::NotTwoThirds)
            )]
        );
    }

    #[test]
    fn the_default_denominator_leaves_out_probationary_away_and_exempt_members() {
        let on = d(2026, 11, 21);
        let a = official("A", d(1990, 1, 1));
        let mut away = official("B", d(1990, 1, 1));
        away.add_event(MemberEvent::new(
            d(2026, 1, 1),
            EventKind::TemporaryTransferOutStarted,
            "",
        ));
        let mut exempt = official("C", d(1990, 1, 1));
        exempt.add_event(MemberEvent::new(
            d(2026, 1, 1),
            EventKind::ExemptionStarted { full: true },
            "",
        ));
        let prob = Member {
            events: vec![MemberEvent::new(d(2026, 1, 1), EventKind::Admitted, "")],
            ..a.clone()
        };
        let ms = [(1, &a), (2, &away), (3, &exempt), (4, &prob)];
        assert_eq!(default_denominator(&ms, on), 1);
    }

    fn recognition_draft(date: &str, yes: &str, no: &str, den: &str) -> StepDraft {
        StepDraft {
            stage: Some(Stage::RecognitionVote),
            text: vec![
                (AdmissionField::Date, date.into()),
                (AdmissionField::VoteYes, yes.into()),
                (AdmissionField::VoteNo, no.into()),
                (AdmissionField::Denominator, den.into()),
            ],
            ..StepDraft::default()
        }
    }

    #[test]
    fn rule_23_3_three_recognition_votes_without_two_thirds_go_to_the_superior() {
        // QĐ 24 điểm 4.2.3: probation ends 12/08/2026; three votes, 2/3 neither way.
        let mut c = with(
            candidate(d(1995, 1, 1)),
            &[(Stage::Ceremony, d(2025, 8, 12))],
        );
        c.member = Some(3);
        let members = vec![];
        let w = voting_world(&members);
        for (round, day) in ["20/08/2026", "27/08/2026", "03/09/2026"]
            .iter()
            .enumerate()
        {
            assert_eq!(c.standing(), Standing::InProgress, "round {round}");
            // 6 of 10 for, 4 against: neither reaches 2/3 (7 of 10).
            let step = check_step(&c, &recognition_draft(day, "6", "4", "10"), &w)
                .expect("recorded as what happened, no override needed");
            assert!(step.inconclusive());
            assert!(step.checks.contains(&Check::VoteShort {
                yes: 6,
                denominator: 10
            }));
            assert_eq!(record(&mut c, step, None), RosterChange::None);
            if round < 2 {
                assert_eq!(c.next_stages(), vec![Stage::RecognitionVote], "vote again");
            }
        }
        assert_eq!(c.standing(), Standing::AwaitingSuperior);
        assert_eq!(c.next_stages(), vec![Stage::RecognitionDecision]);
        assert_eq!(c.inconclusive_votes().len(), 3);
        let refs = [(9, &c)];
        assert_eq!(
            awaiting_superior(&refs),
            vec![(9, "Lê Thị Hà".to_string(), d(2026, 9, 3))]
        );
        assert_eq!(board(&refs, d(2026, 9, 4)).len(), 1, "still on the board");
        // The home screen's item and the figures take the same list.
        let extra = crate::domain::todo::Extra::default().with_admission(&refs);
        let items = crate::domain::todo::collect_with(&[], &[], &extra, d(2026, 9, 4));
        assert!(items.iter().any(|i| i.kind
            == crate::domain::todo::TodoKind::Check(
                crate::domain::todo::Check::AwaitingSuperior(9, "Lê Thị Hà".into(), d(2026, 9, 3))
            )));
        // Two inconclusive votes only: still the branch's to decide.
        c.steps.pop();
        assert_eq!(c.standing(), Standing::InProgress);
        // A vote reaching 2/3 against (3 for, 7 against) is not inconclusive: it still
        // needs the override like any short vote.
        assert!(check_step(&c, &recognition_draft("03/09/2026", "3", "7", "10"), &w).is_err());
        // 7 of 10 for: recognised, the decision comes next.
        let step = check_step(&c, &recognition_draft("03/09/2026", "7", "3", "10"), &w).unwrap();
        assert!(!step.inconclusive());
        record(&mut c, step, None);
        assert_eq!(c.next_stages(), vec![Stage::RecognitionDecision]);
        assert_eq!(c.standing(), Standing::InProgress);
    }
}
