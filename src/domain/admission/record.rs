//! Recording a checked step, and what it changes on the member roster.

use super::*;
use crate::domain::member::{EventKind, EventPapers, Member, MemberEvent, MemberId, RemovalCause};

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

/// Copies the identity a candidate shares with the member record made at the ceremony:
/// every field but the timeline, the card number and the notes (each record keeps its
/// own). After the ceremony the member record is the one truth (issue 23 item 1).
pub fn share_identity(from: &Member, to: &mut Member) {
    *to = Member {
        card_number: std::mem::take(&mut to.card_number),
        notes: std::mem::take(&mut to.notes),
        events: std::mem::take(&mut to.events),
        ..from.clone()
    };
}

/// The candidate of an admitted member, with its identity taken from the member record;
/// `None` when it already shows it.
pub fn follow_member(c: &Candidate, member: &Member) -> Option<Candidate> {
    let mut person = c.person.clone();
    share_identity(member, &mut person);
    (person != c.person).then(|| Candidate {
        person,
        ..c.clone()
    })
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
