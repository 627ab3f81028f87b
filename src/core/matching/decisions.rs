//! The facilitator's review: suggestions best first, decisions recorded in the
//! community's append-only merge log, bulk acceptance, and splitting a wrong
//! merge back out. Residents' own maps are never changed.

use super::candidates::BlockLimits;
use super::cluster::Grouper;
use super::evidence::{describe_all, Evidence};
use super::index::Index;
use super::input::{MatchingInput, Mentions};
use super::passes::scored_pairs;
use super::suggestions::Suggestions;
use crate::core::model::{AlterRef, Community, MergeDecision, Timestamp, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
///
/// [`candidate_pairs`]: super::candidates::candidate_pairs
pub fn suggest(community: &Community, options: &MatchOptions) -> Vec<Candidate> {
    let input = MatchingInput::of(community);
    let found = compute(&input, options);
    let mentions = Mentions::new(&input);
    (0..found.len())
        .filter_map(|k| found.candidate(k, &input, &mentions))
        .collect()
}

/// [`suggest`] on what matching reads of a community, in compact form:
/// what the matching worker computes.
pub fn compute(input: &MatchingInput, options: &MatchOptions) -> Suggestions {
    let index = Index::build(input);
    let scored = scored_pairs(&index, options, &input.merged);
    Suggestions::build(input, &index, scored)
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
    let input = MatchingInput::of(community);
    let index = Index::build(&input);
    let number = input.numbers();
    let mut grouper = Grouper::new(&index);
    grouper.seed(&input.merged);
    let decided = latest_verdicts(community);
    let mut sorted: Vec<&Candidate> = candidates.iter().filter(|c| c.score >= threshold).collect();
    sorted.sort_by(|x, y| y.score.total_cmp(&x.score));
    sorted
        .into_iter()
        .filter(|c| !decided.contains_key(&key(&c.a, &c.b)))
        .filter(|c| match (number.get(&c.a), number.get(&c.b)) {
            (Some(&a), Some(&b)) => grouper.merge_at(a as usize, b as usize, false),
            _ => false,
        })
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
