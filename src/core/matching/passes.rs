//! Scoring in two passes, as a detective would: first the matches that are
//! plain on their own (full names, rare names, the roster), then everyone
//! else, judged also by whether the two residents named the same *people*
//! found in the first pass (see [`Social::by_person`]). A "Steve" named by
//! two residents who both named Sue Robson and Kev Dodds is one Steve; a
//! "Steve" named by two neighbours with no one in common may well be two.
//! The first pass's groups also show who everyone names: those people are
//! weighed as a whole against every mention that could be them (see
//! [`super::hubs`]).

use super::candidates::candidate_pairs;
use super::cluster::Grouper;
use super::decisions::MatchOptions;
use super::hubs::{Hubs, Link};
use super::index::Index;
use super::input::MentionId;
use super::score::{base_logit, logit_of, sigmoid, social_logit, social_max};
use super::social::Social;
use std::collections::HashMap;

/// A candidate pair (mention indices, `a < b`) and its score.
pub type ScoredPair = (u32, u32, f64);

/// What scoring found: the pairs, the [`Social`] view their final scores
/// used, and the people everyone names with the mentions linked to them
/// (see [`super::hubs`]).
#[derive(Debug, Clone, Default)]
pub struct Scored {
    pub pairs: Vec<ScoredPair>,
    pub social: Social,
    pub hubs: Hubs,
}

impl Scored {
    /// The hub link behind each pair that is one: pair -> link.
    pub fn links_by_pair(&self) -> HashMap<(u32, u32), &Link> {
        self.hubs
            .links
            .iter()
            .filter_map(|l| {
                let anchor = self.hubs.hubs.get(l.hub)?.anchor;
                (anchor != l.mention).then(|| ((l.mention.min(anchor), l.mention.max(anchor)), l))
            })
            .collect()
    }
}

/// Every candidate pair scoring at least `options.min_score`, and every
/// mention likely enough to be a hub paired with the hub's anchor.
/// `merged` are the facilitator's own merged groups: they count as found
/// in the first pass.
///
/// # Complexity
/// Two screenings of the candidate pairs (see [`candidate_pairs`]), one
/// greedy grouping of the confident ones and the hub mixture.
pub fn scored_pairs(index: &Index, options: &MatchOptions, merged: &[Vec<MentionId>]) -> Scored {
    let (kept, roots) = first_pass(index, options, merged);
    let by_person = Social::by_person(index, &roots);
    let hubs = Hubs::find(index, &roots, options.min_score);
    let bar = logit_of(options.min_score);
    let mentions = &index.mentions;
    let mut best: HashMap<(u32, u32), f64> = kept
        .into_iter()
        .filter_map(|(i, j, base)| {
            let z = base + social_logit(&by_person, &mentions[i as usize], &mentions[j as usize]);
            (z >= bar).then(|| ((i, j), sigmoid(z)))
        })
        .collect();
    for link in &hubs.links {
        let Some(anchor) = hubs.hubs.get(link.hub).map(|h| h.anchor) else {
            continue;
        };
        if anchor == link.mention {
            continue;
        }
        let key = (link.mention.min(anchor), link.mention.max(anchor));
        let score = best.entry(key).or_insert(0.0);
        *score = score.max(link.probability);
    }
    let mut pairs: Vec<ScoredPair> = best.into_iter().map(|((i, j), s)| (i, j, s)).collect();
    pairs.sort_by_key(|&(i, j, _)| (i, j));
    Scored {
        pairs,
        social: by_person,
        hubs,
    }
}

/// The candidate pairs worth scoring (base log-odds, pairs no social
/// evidence could lift dropped) and each mention's group root after the
/// first pass.
fn first_pass(
    index: &Index,
    options: &MatchOptions,
    merged: &[Vec<MentionId>],
) -> (Vec<ScoredPair>, Vec<u32>) {
    let floor = logit_of(options.min_score.min(options.confident)) - social_max();
    let by_name = Social::by_name(index);
    let mentions = &index.mentions;
    let kept: Vec<ScoredPair> = candidate_pairs(index, &options.limits)
        .into_iter()
        .filter_map(|(i, j)| {
            let z = base_logit(index, &mentions[i as usize], &mentions[j as usize])?;
            (z >= floor).then_some((i, j, z))
        })
        .collect();
    let roots = confident_groups(index, &kept, &by_name, options.confident, merged);
    (kept, roots)
}

/// Each mention's group root after the first pass (for tests and diagnostics).
pub fn first_pass_roots(
    index: &Index,
    options: &MatchOptions,
    merged: &[Vec<MentionId>],
) -> Vec<u32> {
    first_pass(index, options, merged).1
}

/// The first pass: pairs scoring at least `confident` with evidence by name,
/// merged best first into believable groups; each mention's group root.
fn confident_groups(
    index: &Index,
    kept: &[ScoredPair],
    social: &Social,
    confident: f64,
    merged: &[Vec<MentionId>],
) -> Vec<u32> {
    let bar = logit_of(confident);
    let mentions = &index.mentions;
    let mut sure: Vec<(u32, u32, f64)> = kept
        .iter()
        .filter_map(|&(i, j, base)| {
            let z = base + social_logit(social, &mentions[i as usize], &mentions[j as usize]);
            (z >= bar).then_some((i, j, z))
        })
        .collect();
    sure.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
    });
    let mut grouper = Grouper::new(index);
    grouper.seed(merged);
    for (i, j, _) in sure {
        grouper.merge_at(i as usize, j as usize, false);
    }
    grouper.roots()
}
