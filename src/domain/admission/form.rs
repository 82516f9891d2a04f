//! Checking the step and candidate forms against the stage order and the rules.

use chrono::NaiveDate;

use super::*;
use crate::domain::date;
use crate::domain::meeting::{self, Meeting, MeetingId, Threshold};
use crate::domain::member::{Member, MemberId, Status};
use crate::domain::text;
use crate::domain::validate::Problem;

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
        if v.chars().count() > crate::domain::validate::MAX_TEXT {
            errors.push((f, Problem::TooLong(crate::domain::validate::MAX_TEXT)));
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
                        // #22.8: a vote taken in a meeting counts only with its quorum.
                        if let Err(r) = crate::domain::acts::vote_quorum(&m.attendance) {
                            errors.push((
                                F::MeetingVote,
                                Problem::Rule(crate::domain::validate::RuleProblem::Refused(r)),
                            ));
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
    let mut refusals: Errors = blocking
        .iter()
        .map(|(f, ch)| adm(*f, AdmissionProblem::Rule(ch.clone())))
        .collect();
    // #22.1 (rules.md §2): the number entitled to vote is computed from the roll on the
    // vote date; a typed-over figure is kept only with a reason (in `override_reason`).
    if let Some(t) = step.tally
        && t.meeting.is_none()
        && !w.members.is_empty()
    {
        let computed = default_denominator(w.members, when);
        if t.denominator != computed {
            refusals.push(adm(
                F::Denominator,
                AdmissionProblem::DenominatorTypedOver(computed),
            ));
        }
    }
    // #22.2: what the rules forbid in advance is refused whatever the reason.
    let forbidden: Errors = blocking
        .iter()
        .filter(|(_, ch)| ch.treatment() == Treatment::Refused)
        .map(|(f, ch)| adm(*f, AdmissionProblem::Rule(ch.clone())))
        .collect();
    if !forbidden.is_empty() {
        return Err(forbidden);
    }
    if !refusals.is_empty() && step.override_reason.is_empty() {
        refusals.push(adm(F::Override, AdmissionProblem::NeedsOverride));
        return Err(refusals);
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
        if v.chars().count() > crate::domain::validate::MAX_TEXT {
            errors.push((f, Problem::TooLong(crate::domain::validate::MAX_TEXT)));
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
