//! The ward bundle's own figures (bundle formats 2 and 3): a figures-only bundle carries
//! no dues ledgers (they hold salaries) and no candidates (names), so it carries the dues
//! and the admission pipeline the ward asks for already computed ([`BundleFigures`]), under
//! the `meta` key `ward_figures`, and (format 3) the candidates' late flags under
//! [`META_WARD_LATE`] ([`LateFlagsV1`]: each candidate by number only, the rule, the due
//! and done dates and the reason), each versioned like every stored value. The
//! `figures_only` marker holds the bundle format: 1 (figures without dues and pipeline: the
//! ward shows "not in the bundle"), 2 (no late flags: likewise) or 3. A program that
//! predates a format reads its bundles as before and ignores the keys it does not know.
//! FROZEN: `tests/fixtures/ward_figures_v1.bin`, `tests/fixtures/ward_late_v1.bin`. A bundle
//! is read for the ward by [`super::backup::load_bundle`].

use serde::{Deserialize, Serialize};

use super::codec::{self, CodecError};
use super::schema::days::{DayV1, date, day};
use crate::domain::acts::LateFlag;
use crate::domain::rules::RuleId;
use crate::domain::ward::{BundleFigures, CandidateLate, DuesYear, Pipeline};

/// Why a bundle was refused.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BundleError {
    /// It could not be read at all.
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// It does not start like a bundle.
    #[error("not a bundle")]
    NotABundle,
    /// It is larger than any bundle.
    #[error("too large: {0} bytes")]
    TooLarge(u64),
    /// It was made by a newer version of the program.
    #[error("made by a newer version")]
    Newer,
    /// Damaged, truncated or altered (the checksum or a record does not match).
    #[error("damaged: {0}")]
    Damaged(super::StoreError),
    /// Encrypted: the ward cannot read it.
    #[error("encrypted")]
    Sealed,
    /// It has no branch profile.
    #[error("no branch")]
    NoBranch,
}

/// The bundle format a figures-only bundle written now has.
pub const BUNDLE_FORMAT: u8 = 3;
/// The `meta` key of the candidates' late flags (format 3).
pub const META_WARD_LATE: &[u8] = b"ward_late";
/// Version byte of [`WardFiguresV1`].
pub const VERSION: u8 = 1;

/// One year of dues, version 1. FROZEN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesYearV1 {
    /// The year.
    pub year: i32,
    /// Owed, collected, unpaid (đồng).
    pub amounts: (i64, i64, i64),
    /// Members in arrears, flagged, without a profile.
    pub members: (u32, u32, u32),
}

/// The figures of a bundle, version 1. FROZEN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WardFiguresV1 {
    /// The day they were computed.
    pub made_on: DayV1,
    /// Dues by year.
    pub dues: Vec<DuesYearV1>,
    /// Candidates by stage (in the order of `Stage::ALL` when written).
    pub by_stage: Vec<u32>,
    /// Candidates with no stage, overdue, awaiting the superior committee.
    pub pipeline: (u32, u32, u32),
}

impl From<&BundleFigures> for WardFiguresV1 {
    fn from(f: &BundleFigures) -> Self {
        WardFiguresV1 {
            made_on: day(f.made_on),
            dues: f
                .dues
                .iter()
                .map(|d| DuesYearV1 {
                    year: d.year,
                    amounts: (d.expected, d.collected, d.unpaid),
                    members: (d.in_arrears, d.flagged, d.unknown),
                })
                .collect(),
            by_stage: f.pipeline.by_stage.clone(),
            pipeline: (
                f.pipeline.unstaged,
                f.pipeline.overdue,
                f.pipeline.awaiting_superior,
            ),
        }
    }
}

impl From<WardFiguresV1> for BundleFigures {
    fn from(v: WardFiguresV1) -> Self {
        BundleFigures {
            made_on: date(v.made_on),
            dues: v
                .dues
                .into_iter()
                .map(|d| DuesYear {
                    year: d.year,
                    expected: d.amounts.0,
                    collected: d.amounts.1,
                    unpaid: d.amounts.2,
                    in_arrears: d.members.0,
                    flagged: d.members.1,
                    unknown: d.members.2,
                })
                .collect(),
            pipeline: Pipeline {
                by_stage: v.by_stage,
                unstaged: v.pipeline.0,
                overdue: v.pipeline.1,
                awaiting_superior: v.pipeline.2,
            },
            late: None,
        }
    }
}

/// One late flag of a candidate, version 1. FROZEN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateLateV1 {
    /// The candidate's number in the branch's list (no name).
    pub candidate: u32,
    /// The rule's stored code ([`RuleId::code`]).
    pub rule: u64,
    /// The last day within the rule.
    pub due: DayV1,
    /// When the act was done.
    pub done: DayV1,
    /// Why it was late.
    pub reason: String,
}

/// The candidates' late flags of a bundle, version 1. FROZEN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateFlagsV1 {
    /// Every flag, candidate by candidate.
    pub flags: Vec<CandidateLateV1>,
}

/// Version byte of [`LateFlagsV1`].
pub const LATE_VERSION: u8 = 1;

/// Encodes the candidates' late flags in the current version.
pub fn encode_late(late: &[CandidateLate]) -> std::result::Result<Vec<u8>, CodecError> {
    let flags = late
        .iter()
        .map(|c| CandidateLateV1 {
            candidate: c.candidate,
            rule: c.flag.rule.code(),
            due: day(c.flag.due),
            done: day(c.flag.done),
            reason: c.flag.reason.clone(),
        })
        .collect();
    codec::encode(LATE_VERSION, &LateFlagsV1 { flags })
}

/// Decodes the candidates' late flags written by any known version. A flag of a rule
/// this program does not know is refused as damaged (rules are only appended).
pub fn decode_late(bytes: &[u8]) -> std::result::Result<Vec<CandidateLate>, CodecError> {
    let v = match codec::split(bytes)? {
        (LATE_VERSION, p) => codec::decode_payload::<LateFlagsV1>(p)?,
        (v, _) => return Err(CodecError::UnknownVersion(v)),
    };
    v.flags
        .into_iter()
        .map(|f| {
            let rule = RuleId::from_code(f.rule)
                .ok_or_else(|| CodecError::Payload(format!("unknown rule {}", f.rule)))?;
            Ok(CandidateLate {
                candidate: f.candidate,
                flag: LateFlag {
                    rule,
                    due: date(f.due),
                    done: date(f.done),
                    reason: f.reason,
                },
            })
        })
        .collect()
}

/// Encodes a bundle's figures in the current version.
pub fn encode_figures(f: &BundleFigures) -> std::result::Result<Vec<u8>, CodecError> {
    codec::encode(VERSION, &WardFiguresV1::from(f))
}

/// Decodes a bundle's figures written by any known version.
pub fn decode_figures(bytes: &[u8]) -> std::result::Result<BundleFigures, CodecError> {
    match codec::split(bytes)? {
        (VERSION, p) => Ok(codec::decode_payload::<WardFiguresV1>(p)?.into()),
        (v, _) => Err(CodecError::UnknownVersion(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// The golden figures of `tests/fixtures/ward_figures_v1.bin`.
    fn golden() -> BundleFigures {
        BundleFigures {
            made_on: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            dues: vec![
                DuesYear {
                    year: 2025,
                    expected: 4_560_000,
                    collected: 4_320_000,
                    unpaid: 240_000,
                    in_arrears: 2,
                    flagged: 1,
                    unknown: 0,
                },
                DuesYear {
                    year: 2026,
                    expected: 3_900_000,
                    collected: 3_500_000,
                    unpaid: 300_000,
                    in_arrears: 3,
                    flagged: 0,
                    unknown: 1,
                },
            ],
            pipeline: Pipeline {
                by_stage: vec![2, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0],
                unstaged: 1,
                overdue: 1,
                awaiting_superior: 0,
            },
            late: None,
        }
    }

    /// The golden flags of `tests/fixtures/ward_late_v1.bin`.
    fn golden_late() -> Vec<CandidateLate> {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        vec![
            CandidateLate {
                candidate: 2,
                flag: LateFlag {
                    rule: RuleId::CeremonyWorkingDays,
                    due: d(2026, 3, 16),
                    done: d(2026, 3, 20),
                    reason: "Đảng ủy phường đồng ý lùi lễ kết nạp".into(),
                },
            },
            CandidateLate {
                candidate: 5,
                flag: LateFlag {
                    rule: RuleId::RecognitionWorkingDays,
                    due: d(2026, 9, 24),
                    done: d(2026, 10, 2),
                    reason: "Chi bộ họp chậm do bão".into(),
                },
            },
        ]
    }

    const LATE_FIXTURE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ward_late_v1.bin"
    );

    #[test]
    #[ignore = "writes the golden fixture; run once per new version, never again"]
    fn write_golden_late() {
        std::fs::write(LATE_FIXTURE, encode_late(&golden_late()).unwrap()).unwrap();
    }

    #[test]
    fn the_golden_v1_late_flags_decode_and_encode_to_the_same_bytes() {
        let bytes = std::fs::read(LATE_FIXTURE).unwrap();
        assert_eq!(decode_late(&bytes).unwrap(), golden_late());
        assert_eq!(encode_late(&golden_late()).unwrap(), bytes);
        assert_eq!(decode_late(&encode_late(&[]).unwrap()).unwrap(), vec![]);
    }

    #[test]
    fn unknown_or_damaged_late_flags_are_refused() {
        let mut bytes = encode_late(&golden_late()).unwrap();
        bytes[0] = 9;
        assert!(matches!(
            decode_late(&bytes),
            Err(CodecError::UnknownVersion(9))
        ));
        let bytes = encode_late(&golden_late()).unwrap();
        assert!(decode_late(&bytes[..bytes.len() - 3]).is_err());
        // A rule code this program does not know.
        let unknown = codec::encode(
            LATE_VERSION,
            &LateFlagsV1 {
                flags: vec![CandidateLateV1 {
                    candidate: 1,
                    rule: 999,
                    due: day(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
                    done: day(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
                    reason: "x".into(),
                }],
            },
        )
        .unwrap();
        assert!(decode_late(&unknown).is_err());
    }

    const FIXTURE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ward_figures_v1.bin"
    );

    #[test]
    #[ignore = "writes the golden fixture; run once per new version, never again"]
    fn write_golden_figures() {
        std::fs::write(FIXTURE, encode_figures(&golden()).unwrap()).unwrap();
    }

    #[test]
    fn the_golden_v1_figures_decode_and_encode_to_the_same_bytes() {
        let bytes = std::fs::read(FIXTURE).unwrap();
        assert_eq!(decode_figures(&bytes).unwrap(), golden());
        assert_eq!(encode_figures(&golden()).unwrap(), bytes);
    }

    #[test]
    fn an_unknown_version_or_damaged_figures_are_refused() {
        let mut bytes = encode_figures(&golden()).unwrap();
        bytes[0] = 9;
        assert!(matches!(
            decode_figures(&bytes),
            Err(CodecError::UnknownVersion(9))
        ));
        let bytes = encode_figures(&golden()).unwrap();
        assert!(decode_figures(&bytes[..bytes.len() - 3]).is_err());
        assert!(decode_figures(&[]).is_err());
    }
}
