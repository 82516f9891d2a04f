//! The board of candidates, the yearly target and the admission figures.

use chrono::NaiveDate;

use super::*;
use crate::domain::meeting::{Meeting, MeetingId, Threshold, Vote};
use crate::domain::member::Member;

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
