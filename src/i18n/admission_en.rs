//! English: the admission texts.

use super::admission::{AdmMsg, AdmissionTexts, needed, percent};
use crate::domain::admission::{
    AdmissionField, AdmissionProblem, Check, Deadline, DeadlineKind, Source, Stage, Standing, Tally,
};
use crate::domain::date::format_date;
use crate::domain::rules::{self, RuleId};

/// The English admission texts.
#[derive(Debug, Clone, Copy)]
pub struct AdmEn;

fn src(r: RuleId) -> &'static str {
    rules::rule(r).source
}

impl AdmissionTexts for AdmEn {
    fn msg(&self, m: AdmMsg) -> &'static str {
        use AdmMsg::*;
        match m {
            Screen => "Admission",
            FormNew => "Add a candidate to the sympathiser list",
            FormEdit => "Edit the candidate",
            FormStep => "Record the next step of the admission",
            FormTarget => "Yearly target for new members",
            BoardEmpty => {
                "No candidates in the admission pipeline yet. Press F7 (or Insert) to add one."
            }
            Overdue => "Overdue",
            Card => "Candidate",
            Current => "Current step",
            Next => "Next step",
            Deadline => "Deadline",
            History => "History (newest first)",
            Helper => "Helper",
            Source => "Source",
            NoNextStep => "Nothing more to record.",
            StepSaved => "Step recorded.",
            Admitted => "Admitted, added to the roster as a probationary member:",
            Recognized => "Recognised as an official member:",
            RemovalProposed => "Removal proposal recorded on the member's timeline:",
            ConfirmUndo => "Remove the last recorded step of",
            ManualVote => "(none; type the figures below)",
            OutcomeRecognize => "Recognise as an official member",
            OutcomeRemove => "Remove (does not qualify)",
            Overridden => "Recorded although a rule was not met; reason:",
            WhyNotYet => "The next step cannot be recorded today:",
            CardHint => "F4 record next step · F2 edit · F8 remove last step · Esc back",
            BoardHint => {
                "n add · Enter open · a record step · t target · ! next step not allowed today"
            }
            Sponsors => "Sponsors",
            Conclusion => "Conclusion",
            Document => "Document",
            Responsible => "Responsible",
            InRoster => "Member record",
            YouthResolution => "Youth Union resolution",
            Vote => "Vote",
            ColCandidate => "Candidate",
            ColDays => "For",
            ColNext => "Next step",
            ColDeadline => "Deadline",
            NoDeadline => "—",
            NothingSelected => "No candidate selected.",
            Since => "since",
        }
    }

    fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Listed => "Put on the sympathiser list",
            Stage::Course => "Party awareness course",
            Stage::Application => "Application to join",
            Stage::PersonalRecord => "Personal record",
            Stage::Vetting => "Vetting of the record",
            Stage::Sponsors => "Sponsoring members",
            Stage::Comments => "Comments of organisations and residence",
            Stage::BranchVote => "Branch vote proposing admission",
            Stage::Decision => "Admission decision of the committee",
            Stage::Ceremony => "Admission ceremony",
            Stage::NewMemberCourse => "New members' course",
            Stage::RecognitionVote => "Branch vote on recognition",
            Stage::RecognitionDecision => "Recognition decision",
        }
    }

    fn stage_short(&self, s: Stage) -> &'static str {
        match s {
            Stage::Listed => "Sympathiser list",
            Stage::Course => "Awareness course",
            Stage::Application => "Application",
            Stage::PersonalRecord => "Personal record",
            Stage::Vetting => "Vetting",
            Stage::Sponsors => "Sponsors",
            Stage::Comments => "Comments",
            Stage::BranchVote => "Branch vote",
            Stage::Decision => "Decision",
            Stage::Ceremony => "Ceremony",
            Stage::NewMemberCourse => "New members' course",
            Stage::RecognitionVote => "Recognition vote",
            Stage::RecognitionDecision => "Recognition",
        }
    }

    fn source(&self, s: Source) -> &'static str {
        match s {
            Source::YouthUnion => "Youth Union",
            Source::WomenUnion => "Women's Union",
            Source::Veterans => "Veterans' Association",
            Source::TradeUnion => "Trade union",
            Source::ResidentialGroup => "Residential group, Front",
            Source::Other => "Other",
        }
    }

    fn field(&self, f: AdmissionField) -> &'static str {
        use AdmissionField::*;
        match f {
            Source => "Source",
            SourceUnit => "Unit",
            Helper => "Helper",
            ListedOn => "Listed on",
            ListDecision => "Branch resolution no.",
            Stage => "Step",
            Date => "Date",
            DocNumber => "Document no.",
            DocDate => "Document date",
            Issuer => "Issued by",
            Responsible => "Responsible",
            Conclusion => "Vetting conclusion",
            Sponsor1 => "Sponsor 1",
            Sponsor1Since => "Known since (1)",
            Sponsor2 => "Sponsor 2",
            Sponsor2Since => "Known since (2)",
            YouthResolution => "Youth Union resol. no.",
            MeetingVote => "From meeting vote",
            VoteYes => "In favour",
            VoteNo => "Against",
            VoteAbstain => "Abstaining",
            Denominator => "Members entitled",
            Outcome => "Proposal",
            Override => "Reason to override",
            Note => "Note",
            TargetYear => "Year",
            TargetCount => "New members target",
        }
    }

    fn check(&self, c: &Check) -> String {
        let source = src(c.rule());
        match c {
            Check::TooYoung { months, from } => format!(
                "under {} on the vote date ({} years {} months); old enough from {} ({source}).",
                rules::value(RuleId::AdmissionMinAgeMonths) / 12,
                months / 12,
                months % 12,
                format_date(*from)
            ),
            Check::TooOld { months } => format!(
                "over {} on the vote date ({} years {} months); needs the provincial committee's agreement ({source}).",
                rules::value(RuleId::AdmissionMaxAgeMonths) / 12,
                months / 12,
                months % 12
            ),
            Check::CertificateExpired { valid_until } => format!(
                "the awareness course certificate was valid until {} ({} months); the course must be retaken ({source}).",
                format_date(*valid_until),
                rules::value(RuleId::CertificateValidityMonths)
            ),
            Check::SponsorNotOfficial { name } => {
                format!("{name} is not an official member of the branch ({source}).")
            }
            Check::SponsorTooRecent { name, months } => format!(
                "{name} has known the candidate for {months} months, at least {} are needed ({source}).",
                rules::value(RuleId::SponsorAcquaintanceMonths)
            ),
            Check::TooFewSponsors { count } => format!(
                "{} official members must sponsor, or one and a Youth Union resolution; {count} so far ({source}).",
                rules::value(RuleId::SponsorsRequired)
            ),
            Check::YouthRouteTooOld { years } => format!(
                "the candidate is {years}, older than youth age ({}); full sponsors are advisable ({source}).",
                rules::value(RuleId::YouthUnionMaxAgeYears)
            ),
            Check::VoteShort { yes, denominator } => format!(
                "{yes}/{denominator} in favour ({}), short of two thirds of the official members entitled to vote: {} needed ({source}).",
                percent(*yes, *denominator),
                needed(*denominator)
            ),
            Check::CeremonyLate {
                working_days,
                deadline,
            } => format!(
                "the ceremony comes {working_days} working days after the decision, more than {} (deadline {}); the superior committee must agree ({source}).",
                rules::value(RuleId::CeremonyWorkingDays),
                format_date(*deadline)
            ),
            Check::ProbationNotOver { ends } => format!(
                "the {} months of probation are not over (they end on {}) ({source}).",
                rules::value(RuleId::ProbationMonths),
                format_date(*ends)
            ),
            Check::RecognitionLate {
                working_days,
                deadline,
            } => format!(
                "the recognition vote comes {working_days} working days after probation ended, more than {} (deadline {}); membership still dates from the end of probation ({source}).",
                rules::value(RuleId::RecognitionWorkingDays),
                format_date(*deadline)
            ),
        }
    }

    fn problem(&self, p: &AdmissionProblem) -> String {
        match p {
            AdmissionProblem::Rule(c) => self.check(c),
            AdmissionProblem::NeedsOverride => "a rule is not met (in red). To record the step anyway (say, the superior committee agreed), give the reason here; it is kept with the step.".into(),
            AdmissionProblem::OutOfOrder(Some(s)) => {
                format!("not yet; the next step is: {}.", self.stage(*s))
            }
            AdmissionProblem::OutOfOrder(None) => "there is no step to record or remove.".into(),
            AdmissionProblem::BeforePrevious(d) => {
                format!("must not be before the previous step ({}).", format_date(*d))
            }
            AdmissionProblem::SameSponsor => "the two sponsors must be different members.".into(),
            AdmissionProblem::NotTheMeetingDate(d) => format!(
                "the chosen vote took place on {}; enter that date.",
                format_date(*d)
            ),
            AdmissionProblem::NotTwoThirds => "the chosen vote is not a two-thirds vote.".into(),
            AdmissionProblem::HelperNotOfficial => {
                "the helper must be an official member of the branch.".into()
            }
            AdmissionProblem::DenominatorTypedOver(n) => format!(
                "the members entitled to vote on the vote date, counted from the roll, are {n} \
                 (QĐ 294-QĐ/TW, 9.3.2); to record another figure, give the reason."
            ),
            AdmissionProblem::InRoster => "this step is on the member's record and cannot be removed here; correct it on the member's card (screen 1).".into(),
        }
    }

    fn deadline(&self, d: &Deadline) -> String {
        let date = format_date(d.date);
        match d.kind {
            DeadlineKind::CertificateExpires => {
                format!("vote before the certificate expires ({date})")
            }
            DeadlineKind::AgeLimit => format!("vote by {date} (age limit)"),
            DeadlineKind::Ceremony => format!("hold the ceremony by {date}"),
            DeadlineKind::Recognition => match d.not_before {
                Some(nb) => format!("recognition vote from {} to {date}", format_date(nb)),
                None => format!("recognition vote by {date}"),
            },
        }
    }

    fn days(&self, n: i64) -> String {
        if n == 1 {
            "1 day".into()
        } else {
            format!("{n} days")
        }
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
                format!("target {t}, admitted {admitted}, {left} to go")
            }
            None => format!("no target set, admitted {admitted}"),
        };
        format!("{year}: {t} · in progress {in_progress} · overdue {overdue}")
    }

    fn tally(&self, t: &Tally) -> String {
        format!(
            "{} for, {} against, {} abstaining, absent: {} / {} entitled ({})",
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
            Standing::InProgress => "In progress",
            Standing::Official => "Official member",
            Standing::RemovalProposed => "Removal proposed",
            Standing::AwaitingSuperior => "Awaiting the superior committee",
            Standing::Withdrawn => "No longer followed",
        }
    }
}
