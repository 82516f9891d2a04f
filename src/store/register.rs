//! Reading records, from the open store or straight from a backup's snapshot, through one
//! set of decoders (each tree's key convention and value schema in one place); the whole
//! register at once, for reports; and the ward's copy of it (the default bundle), which
//! carries the figures and not the people.

use super::snapshot::SnapshotV1;
use std::collections::BTreeMap;

use super::codec::CodecError;
use super::{
    META_BRANCH, META_FIGURES_ONLY, META_WARD_FIGURES, Result, Store, StoreError, TREE_CANDIDATES,
    TREE_DUES_PAYMENTS, TREE_DUES_PROFILES, TREE_HOLIDAYS, TREE_LIAISON, TREE_MEETINGS,
    TREE_MEMBERS, TREE_META, TREE_RESOLUTIONS, TREE_REVIEW_YEARS, TREE_REVIEWS, TREE_RULE_SETTINGS,
    TREE_TARGETS, key_id, review_key, review_key_parts, schema,
};
use crate::domain::admission::{Candidate, CandidateId, Target};
use crate::domain::branch::Branch;
use crate::domain::dues::Ledger;
use crate::domain::liaison::{Liaison, LiaisonId};
use crate::domain::meeting::{Meeting, MeetingId};
use crate::domain::member::{Member, MemberId};
use crate::domain::register::Register;
use crate::domain::review::{BranchYear, MemberReview};

/// Where records are read from: the plain (unsealed) key/value pairs of a tree, in key
/// order.
pub(super) trait Records {
    /// The pairs of `tree` (none when it does not exist).
    fn pairs(&self, tree: &'static str) -> Result<Vec<(Vec<u8>, Vec<u8>)>>;
    /// The value of one key.
    fn get(&self, tree: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>>;
}

impl Records for Store {
    fn pairs(&self, tree: &'static str) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.db
            .open_tree(tree)?
            .iter()
            .map(|kv| {
                let (k, v) = kv?;
                let v = self.open_value(tree, &k, &v)?;
                Ok((k.to_vec(), v))
            })
            .collect()
    }

    fn get(&self, tree: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.db
            .open_tree(tree)?
            .get(key)?
            .map(|v| self.open_value(tree, key, &v))
            .transpose()
    }
}

impl Records for SnapshotV1 {
    fn pairs(&self, tree: &'static str) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        Ok(self
            .trees
            .iter()
            .find(|(name, _)| name == tree)
            .map(|(_, pairs)| pairs.clone())
            .unwrap_or_default())
    }

    fn get(&self, tree: &'static str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self
            .trees
            .iter()
            .find(|(name, _)| name == tree)
            .and_then(|(_, pairs)| pairs.iter().find(|(k, _)| k == key))
            .map(|(_, v)| v.clone()))
    }
}

/// Every value of `tree` decoded with `decode`, by numeric key; a value that does not
/// decode is [`StoreError::Corrupt`] naming the tree and key.
pub(super) fn decode_tree<T>(
    src: &dyn Records,
    tree: &'static str,
    decode: impl Fn(&[u8]) -> std::result::Result<T, CodecError>,
) -> Result<Vec<(u64, T)>> {
    src.pairs(tree)?
        .into_iter()
        .map(|(k, v)| {
            let key = key_id(&k);
            decode(&v)
                .map(|t| (key, t))
                .map_err(|source| StoreError::Corrupt { tree, key, source })
        })
        .collect()
}

/// The members.
pub(super) fn members(src: &dyn Records) -> Result<Vec<(MemberId, Member)>> {
    decode_tree(src, TREE_MEMBERS, schema::decode_member)
}

/// The meetings.
pub(super) fn meetings(src: &dyn Records) -> Result<Vec<(MeetingId, Meeting)>> {
    decode_tree(src, TREE_MEETINGS, schema::decode_meeting)
}

/// Each member's review of each year, by (year, member).
pub(super) fn reviews(src: &dyn Records) -> Result<Vec<((i32, MemberId), MemberReview)>> {
    Ok(decode_tree(src, TREE_REVIEWS, schema::decode_review)?
        .into_iter()
        .map(|(k, r)| (review_key_parts(k), r))
        .collect())
}

/// The branch's own review of each year (keyed by the year).
pub(super) fn branch_years(src: &dyn Records) -> Result<Vec<(i32, BranchYear)>> {
    Ok(
        decode_tree(src, TREE_REVIEW_YEARS, schema::decode_branch_year)?
            .into_iter()
            .map(|(k, b)| (k as i32, b))
            .collect(),
    )
}

/// The resolutions and their study.
pub(super) fn resolutions(
    src: &dyn Records,
) -> Result<
    Vec<(
        crate::domain::study::ResolutionId,
        crate::domain::study::Resolution,
    )>,
> {
    decode_tree(src, TREE_RESOLUTIONS, schema::decode_resolution)
}

/// The branch's settings of the rules.
pub(super) fn rule_settings(src: &dyn Records) -> Result<crate::domain::rules::Settings> {
    Ok(crate::domain::rules::Settings {
        overrides: decode_tree(src, TREE_RULE_SETTINGS, schema::decode_rule_setting)?
            .into_iter()
            .map(|(_, o)| o)
            .collect(),
    })
}

/// The branch's own days of the calendar, in date order.
pub(super) fn holidays(src: &dyn Records) -> Result<crate::domain::holidays::BranchDays> {
    Ok(crate::domain::holidays::BranchDays::new(
        decode_tree(src, TREE_HOLIDAYS, schema::decode_holiday)?
            .into_iter()
            .map(|(_, e)| e)
            .collect(),
    ))
}

/// The candidates.
pub(super) fn candidates(src: &dyn Records) -> Result<Vec<(CandidateId, Candidate)>> {
    decode_tree(src, TREE_CANDIDATES, schema::decode_candidate)
}

/// The liaison members (QĐ 213).
pub(super) fn liaisons(src: &dyn Records) -> Result<Vec<(LiaisonId, Liaison)>> {
    decode_tree(src, TREE_LIAISON, schema::decode_liaison)
}

/// The yearly admission targets.
pub(super) fn targets(src: &dyn Records) -> Result<Vec<Target>> {
    Ok(decode_tree(src, TREE_TARGETS, schema::decode_target)?
        .into_iter()
        .map(|(_, t)| t)
        .collect())
}

/// Every member's dues ledger: profiles and payments are two trees keyed by member.
pub(super) fn dues(src: &dyn Records) -> Result<BTreeMap<MemberId, Ledger>> {
    let mut out: BTreeMap<MemberId, Ledger> = BTreeMap::new();
    for (id, p) in decode_tree(src, TREE_DUES_PROFILES, schema::decode_dues_profiles)? {
        out.entry(id).or_default().profiles = p;
    }
    for (id, p) in decode_tree(src, TREE_DUES_PAYMENTS, schema::decode_dues_payments)? {
        if id != super::DUES_HANDED_KEY {
            out.entry(id).or_default().payments = p;
        }
    }
    Ok(out)
}

/// The branch's hand-overs of dues (the reserved record of the payments tree).
pub(super) fn dues_handed(src: &dyn Records) -> Result<Vec<crate::domain::dues::HandOver>> {
    let key = super::DUES_HANDED_KEY;
    src.get(TREE_DUES_PAYMENTS, &key.to_be_bytes())?
        .map(|v| {
            schema::decode_dues_handed(&v).map_err(|source| StoreError::Corrupt {
                tree: TREE_DUES_PAYMENTS,
                key,
                source,
            })
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The branch profile (history key 0 of `meta`, stored under [`META_BRANCH`]).
pub(super) fn branch(src: &dyn Records) -> Result<Option<Branch>> {
    src.get(TREE_META, META_BRANCH)?
        .map(|v| {
            schema::decode_branch(&v).map_err(|source| StoreError::Corrupt {
                tree: TREE_META,
                key: 0,
                source,
            })
        })
        .transpose()
}

/// Every record a report may need.
fn read_register(src: &dyn Records) -> Result<Register> {
    Ok(Register {
        branch: branch(src)?.unwrap_or_default(),
        members: members(src)?,
        meetings: meetings(src)?,
        reviews: reviews(src)?.into_iter().collect(),
        branch_years: branch_years(src)?,
        candidates: candidates(src)?,
        targets: targets(src)?,
        dues: dues(src)?,
        resolutions: resolutions(src)?,
        liaisons: liaisons(src)?,
    })
}

/// The register held by a plain snapshot of the current schema, decoded directly (the
/// same decoders as the open store); `None` for a sealed or older snapshot, which must
/// go through a restore (unsealing, migrations).
pub(super) fn register_of_snapshot(snap: &SnapshotV1) -> Result<Option<Register>> {
    let current = super::MIGRATIONS.len() as u32 + 1;
    if snap.schema_version != current || super::snapshot::is_sealed(&snap.trees) {
        return Ok(None);
    }
    read_register(snap).map(Some)
}

impl Store {
    /// Every record a report may need, read in one pass over the trees.
    pub fn register(&self) -> Result<Register> {
        read_register(self)
    }
}

/// The trees of a ward bundle, encoded as the store encodes them, keys in sled's order.
pub(super) fn ward_snapshot(
    reg: &Register,
    schema_version: u32,
    figures: Vec<u8>,
    late: Vec<u8>,
) -> Result<SnapshotV1> {
    type Pairs = Vec<(Vec<u8>, Vec<u8>)>;
    let be = |k: u64| k.to_be_bytes().to_vec();
    let year = |y: i32| u64::try_from(y).map_err(|_| StoreError::NotFound);
    let meta: Pairs = vec![
        (META_BRANCH.to_vec(), schema::encode_branch(&reg.branch)?),
        (
            META_FIGURES_ONLY.to_vec(),
            vec![super::bundle::BUNDLE_FORMAT],
        ),
        (META_WARD_FIGURES.to_vec(), figures),
        (super::bundle::META_WARD_LATE.to_vec(), late),
    ];
    let mut members: Pairs = Vec::new();
    for (id, m) in &reg.members {
        members.push((be(*id), schema::encode_member(m)?));
    }
    let mut meetings: Pairs = Vec::new();
    for (id, m) in &reg.meetings {
        meetings.push((be(*id), schema::encode_meeting(m)?));
    }
    let mut reviews: Pairs = Vec::new();
    for ((y, id), r) in &reg.reviews {
        let key = review_key(*y, *id).ok_or(StoreError::NotFound)?;
        reviews.push((be(key), schema::encode_review(r)?));
    }
    let mut years: Pairs = Vec::new();
    for (y, b) in &reg.branch_years {
        years.push((be(year(*y)?), schema::encode_branch_year(b)?));
    }
    let mut targets: Pairs = Vec::new();
    for t in &reg.targets {
        targets.push((be(year(t.year)?), schema::encode_target(t)?));
    }
    let mut resolutions: Pairs = Vec::new();
    for (id, r) in &reg.resolutions {
        resolutions.push((be(*id), schema::encode_resolution(r)?));
    }
    let mut liaison: Pairs = Vec::new();
    for (id, l) in &reg.liaisons {
        liaison.push((be(*id), schema::encode_liaison(l)?));
    }
    let mut trees = vec![
        (TREE_RESOLUTIONS, resolutions),
        (TREE_META, meta),
        (TREE_MEMBERS, members),
        (TREE_MEETINGS, meetings),
        (TREE_REVIEWS, reviews),
        (TREE_REVIEW_YEARS, years),
        (TREE_TARGETS, targets),
        (TREE_LIAISON, liaison),
    ];
    for (_, pairs) in &mut trees {
        pairs.sort();
    }
    trees.sort_by(|a, b| a.0.cmp(b.0));
    Ok(SnapshotV1 {
        created_at: chrono::Utc::now().timestamp(),
        schema_version,
        trees: trees
            .into_iter()
            .map(|(name, pairs)| (name.to_string(), pairs))
            .collect(),
    })
}
