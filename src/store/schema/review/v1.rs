//! Annual review records, version 1 (trees `reviews` and `review_years`). FROZEN once
//! released: a change adds `v2.rs` with a `From<ReviewV1>` conversion.

use serde::{Deserialize, Serialize};

use crate::domain::review::{BranchYear, Grade, GradeVote, MemberReview, MonthlyNote};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of these records.
pub const VERSION: u8 = 1;

/// Grade, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GradeV1 {
    /// HTXSNV.
    Excellent,
    /// HTTNV.
    Good,
    /// HTNV.
    Completed,
    /// KHTNV.
    NotCompleted,
}

impl From<Grade> for GradeV1 {
    fn from(g: Grade) -> Self {
        match g {
            Grade::Excellent => GradeV1::Excellent,
            Grade::Good => GradeV1::Good,
            Grade::Completed => GradeV1::Completed,
            Grade::NotCompleted => GradeV1::NotCompleted,
        }
    }
}

impl From<GradeV1> for Grade {
    fn from(g: GradeV1) -> Self {
        match g {
            GradeV1::Excellent => Grade::Excellent,
            GradeV1::Good => Grade::Good,
            GradeV1::Completed => Grade::Completed,
            GradeV1::NotCompleted => Grade::NotCompleted,
        }
    }
}

/// Monthly note, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyV1 {
    /// Meeting date.
    pub date: DayV1,
    /// Text.
    pub text: String,
}

/// Grade vote, v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteV1 {
    /// Yes.
    pub yes: u32,
    /// No.
    pub no: u32,
    /// Abstain.
    pub abstain: u32,
    /// Denominator.
    pub denominator: u32,
    /// Passed.
    pub passed: bool,
}

/// A member's review for a year, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewV1 {
    /// Plan.
    pub plan: String,
    /// Monthly notes.
    pub monthly: Vec<MonthlyV1>,
    /// Strengths.
    pub strengths: String,
    /// Weaknesses.
    pub weaknesses: String,
    /// Causes.
    pub causes: String,
    /// Remedies.
    pub remedies: String,
    /// Self-score.
    pub self_score: Option<u8>,
    /// Self grade.
    pub self_grade: Option<GradeV1>,
    /// Branch comments.
    pub comments: String,
    /// Proposed grade.
    pub proposed: Option<GradeV1>,
    /// Vote.
    pub vote: Option<VoteV1>,
    /// Final grade.
    pub final_grade: Option<GradeV1>,
    /// Decision number.
    pub decision: String,
    /// Decision date.
    pub decided_on: Option<DayV1>,
}

impl From<&MemberReview> for ReviewV1 {
    fn from(r: &MemberReview) -> Self {
        ReviewV1 {
            plan: r.plan.clone(),
            monthly: r
                .monthly
                .iter()
                .map(|n| MonthlyV1 {
                    date: day(n.date),
                    text: n.text.clone(),
                })
                .collect(),
            strengths: r.strengths.clone(),
            weaknesses: r.weaknesses.clone(),
            causes: r.causes.clone(),
            remedies: r.remedies.clone(),
            self_score: r.self_score,
            self_grade: r.self_grade.map(Into::into),
            comments: r.comments.clone(),
            proposed: r.proposed.map(Into::into),
            vote: r.vote.map(|v| VoteV1 {
                yes: v.yes,
                no: v.no,
                abstain: v.abstain,
                denominator: v.denominator,
                passed: v.passed,
            }),
            final_grade: r.final_grade.map(Into::into),
            decision: r.decision.clone(),
            decided_on: r.decided_on.map(day),
        }
    }
}

impl From<ReviewV1> for MemberReview {
    fn from(r: ReviewV1) -> Self {
        MemberReview {
            plan: r.plan,
            monthly: r
                .monthly
                .into_iter()
                .map(|n| MonthlyNote {
                    date: date(n.date),
                    text: n.text,
                })
                .collect(),
            strengths: r.strengths,
            weaknesses: r.weaknesses,
            causes: r.causes,
            remedies: r.remedies,
            self_score: r.self_score,
            self_grade: r.self_grade.map(Into::into),
            comments: r.comments,
            proposed: r.proposed.map(Into::into),
            vote: r.vote.map(|v| GradeVote {
                yes: v.yes,
                no: v.no,
                abstain: v.abstain,
                denominator: v.denominator,
                passed: v.passed,
            }),
            final_grade: r.final_grade.map(Into::into),
            decision: r.decision,
            decided_on: r.decided_on.map(date),
        }
    }
}

/// The branch's classification for a year, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchYearV1 {
    /// Grade.
    pub grade: Option<GradeV1>,
    /// Note.
    pub note: String,
}

impl From<&BranchYear> for BranchYearV1 {
    fn from(b: &BranchYear) -> Self {
        BranchYearV1 {
            grade: b.grade.map(Into::into),
            note: b.note.clone(),
        }
    }
}

impl From<BranchYearV1> for BranchYear {
    fn from(b: BranchYearV1) -> Self {
        BranchYear {
            grade: b.grade.map(Into::into),
            note: b.note,
        }
    }
}
