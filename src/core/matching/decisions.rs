//! The facilitator's review: suggestions best first, decisions recorded in the
//! community's append-only merge log, bulk acceptance, and splitting a wrong
//! merge back out. Residents' own maps are never changed.

use super::candidates::BlockLimits;
use super::cluster::Grouper;
use super::evidence::{describe_all, Evidence};
use super::index::Index;
use super::passes::{scored_pairs, ScoredPair};
use super::score::score;
use super::social::Social;
use crate::core::model::{AlterRef, Community, MergeDecision, Timestamp, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Suggestions at or above this score are accepted by "accept all likely".
pub const DEFAULT_THRESHOLD: f64 = 0.8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchOptions {
    /// Pairs scoring below this are not suggested at all. Default 0.5.
    pub min_score: f64,
    /// The first pass trusts pairs scoring at least this to find who is who
    /// before judging the rest (see [`super::passes`]). Default 0.9.
    pub confident: f64,
    pub limits: BlockLimits,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self {
            min_score: 0.5,
            confident: 0.9,
            limits: BlockLimits::default(),
        }
    }
}

/// A suggested pair: who, as typed, how likely, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub a: AlterRef,
    pub b: AlterRef,
    pub a_name: String,
    pub b_name: String,
    pub score: f64,
    pub evidence: Vec<Evidence>,
}

impl Candidate {
    /// The evidence in plain English words.
    pub fn summary(&self) -> String {
        describe_all(&self.evidence)
    }
}

/// Suggested matches, best first, leaving out pairs already decided Same or
/// Different (Unsure pairs stay, to be looked at again) and pairs already in
/// one merged group.
///
/// # Complexity
/// O(mentions + candidate pairs × (places + named)); see [`candidate_pairs`].
///
/// # Example
/// ```
/// use weave::core::{demo::demo_community, matching::{suggest, MatchOptions}};
/// let c = demo_community(1);
/// let s = suggest(&c, &MatchOptions::default());
/// assert!(s.windows(2).all(|w| w[0].score >= w[1].score));
/// ```
pub fn suggest(community: &Community, options: &MatchOptions) -> Vec<Candidate> {
    let index = Index::build(community);
    let (pairs, social) = scored_pairs(&index, options, &community.merged_groups());
    suggestions_from(community, &index, pairs, &social)
}

/// The last part of [`suggest`]: the scored pairs of [`scored_pairs`] as
/// suggestions with their evidence, leaving out decided and merged pairs.
pub fn suggestions_from(
    community: &Community,
    index: &Index,
    pairs: Vec<ScoredPair>,
    social: &Social,
) -> Vec<Candidate> {
    let decided = latest_verdicts(community);
    let group_of = group_lookup(community.merged_groups());
    let mut out: Vec<Candidate> = pairs
        .into_iter()
        .filter_map(|(i, j, _)| {
            let (a, b) = (&index.mentions[i as usize], &index.mentions[j as usize]);
            if matches!(
                decided.get(&key(&a.at, &b.at)),
                Some(Verdict::Same | Verdict::Different)
            ) {
                return None;
            }
            if let (Some(x), Some(y)) = (group_of.get(&a.at), group_of.get(&b.at)) {
                if x == y {
                    return None;
                }
            }
            let (s, evidence) = score(index, social, a, b)?;
            Some(Candidate {
                a: a.at.clone(),
                b: b.at.clone(),
                a_name: a.typed.clone(),
                b_name: b.typed.clone(),
                score: s,
                evidence,
            })
        })
        .collect();
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    out
}

fn key<'a>(a: &'a AlterRef, b: &'a AlterRef) -> (&'a AlterRef, &'a AlterRef) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// The latest verdict per pair: [`Community::verdict`] for every pair at once.
fn latest_verdicts(community: &Community) -> HashMap<(&AlterRef, &AlterRef), Verdict> {
    community
        .merges
        .iter()
        .map(|d| (key(&d.a, &d.b), d.verdict))
        .collect()
}

fn group_lookup(merged: Vec<Vec<AlterRef>>) -> BTreeMap<AlterRef, usize> {
    merged
        .into_iter()
        .enumerate()
        .flat_map(|(g, members)| members.into_iter().map(move |m| (m, g)))
        .collect()
}

/// Records one decision about a pair, with the evidence shown at the time.
pub fn decide(
    community: &mut Community,
    a: &AlterRef,
    b: &AlterRef,
    verdict: Verdict,
    evidence: &[Evidence],
    now: Timestamp,
) {
    community.merges.push(MergeDecision {
        a: a.clone(),
        b: b.clone(),
        verdict,
        evidence: evidence.iter().map(Evidence::describe).collect(),
        score: None,
        decided_at: now,
    });
}

/// Records a decision about a suggestion, keeping its score.
pub fn decide_candidate(
    community: &mut Community,
    candidate: &Candidate,
    verdict: Verdict,
    now: Timestamp,
) {
    decide(
        community,
        &candidate.a,
        &candidate.b,
        verdict,
        &candidate.evidence,
        now,
    );
    if let Some(last) = community.merges.last_mut() {
        last.score = Some(candidate.score);
    }
}

/// Accepts as Same the suggestions scoring at least `threshold`, best first,
/// that have no decision yet and keep every merged group believable (see
/// [`super::cluster`]): no resident named two of its members, no clashing
/// names or roster figures. Returns how many were accepted.
///
/// # Complexity
/// O(mentions + candidates × group size) with small groups.
pub fn bulk_accept(
    community: &mut Community,
    candidates: &[Candidate],
    threshold: f64,
    now: Timestamp,
) -> usize {
    let accepted = plan_bulk_accept(community, candidates, threshold);
    for c in &accepted {
        decide_candidate(community, c, Verdict::Same, now);
    }
    accepted.len()
}

/// The suggestions [`bulk_accept`] would accept, without recording them.
pub fn plan_bulk_accept(
    community: &Community,
    candidates: &[Candidate],
    threshold: f64,
) -> Vec<Candidate> {
    let index = Index::build(community);
    let mut grouper = Grouper::new(&index);
    grouper.seed(&community.merged_groups());
    let decided = latest_verdicts(community);
    let mut sorted: Vec<&Candidate> = candidates.iter().filter(|c| c.score >= threshold).collect();
    sorted.sort_by(|x, y| y.score.total_cmp(&x.score));
    sorted
        .into_iter()
        .filter(|c| !decided.contains_key(&key(&c.a, &c.b)))
        .filter(|c| grouper.merge(&c.a, &c.b, false))
        .cloned()
        .collect()
}

/// Takes `member` out of its merged group: records `Different` between it and
/// every other member, so the log stays an append-only history, and records
/// `Same` links between what remains if taking it out would break the rest
/// apart. Returns how many decisions were recorded (0 if not merged).
pub fn split(community: &mut Community, member: &AlterRef, now: Timestamp) -> usize {
    let Some(group) = community
        .merged_groups()
        .into_iter()
        .find(|g| g.contains(member))
    else {
        return 0;
    };
    let before = community.merges.len();
    let note = [format!("split out {}:{}", member.response, member.alter.0)];
    for other in group.iter().filter(|o| *o != member) {
        push(community, member, other, Verdict::Different, &note, now);
    }
    let rest: Vec<&AlterRef> = group.iter().filter(|o| *o != member).collect();
    let components = community.merged_groups();
    // One representative per piece the rest fell into; link them back up.
    let mut reps: Vec<&AlterRef> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for r in rest {
        match components.iter().position(|g| g.contains(r)) {
            Some(g) if used.contains(&g) => {}
            Some(g) => {
                used.push(g);
                reps.push(r);
            }
            None => reps.push(r),
        }
    }
    for pair in reps.windows(2) {
        let note = [format!(
            "kept together when {}:{} was split out",
            member.response, member.alter.0
        )];
        push(community, pair[0], pair[1], Verdict::Same, &note, now);
    }
    community.merges.len() - before
}

fn push(
    community: &mut Community,
    a: &AlterRef,
    b: &AlterRef,
    verdict: Verdict,
    note: &[String],
    now: Timestamp,
) {
    community.merges.push(MergeDecision {
        a: a.clone(),
        b: b.clone(),
        verdict,
        evidence: note.to_vec(),
        score: None,
        decided_at: now,
    });
}
