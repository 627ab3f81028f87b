//! Scoring in two passes, as a detective would: first the matches that are
//! plain on their own (full names, rare names, the roster), then everyone
//! else, judged also by whether the two residents named the same *people*
//! found in the first pass (see [`Social::by_person`]). A "Steve" named by
//! two residents who both named Sue Robson and Kev Dodds is one Steve; a
//! "Steve" named by two neighbours with no one in common may well be two.

use super::candidates::candidate_pairs;
use super::cluster::Grouper;
use super::decisions::MatchOptions;
use super::index::Index;
use super::input::MentionId;
use super::score::{base_logit, logit_of, sigmoid, social_logit, social_max};
use super::social::Social;

/// A candidate pair (mention indices, `a < b`) and its score.
pub type ScoredPair = (u32, u32, f64);

/// Every candidate pair scoring at least `options.min_score`, with the
/// [`Social`] view their final scores used (for their evidence).
/// `merged` are the facilitator's own merged groups: they count as found
/// in the first pass.
///
/// # Complexity
/// Two screenings of the candidate pairs (see [`candidate_pairs`]) and one
/// greedy grouping of the confident ones.
pub fn scored_pairs(
    index: &Index,
    options: &MatchOptions,
    merged: &[Vec<MentionId>],
) -> (Vec<ScoredPair>, Social) {
    let floor = logit_of(options.min_score.min(options.confident)) - social_max();
    let by_name = Social::by_name(index);
    let mentions = &index.mentions;
    // Base log-odds once per pair; pairs no social evidence could lift are dropped.
    let kept: Vec<ScoredPair> = candidate_pairs(index, &options.limits)
        .into_iter()
        .filter_map(|(i, j)| {
            let z = base_logit(index, &mentions[i as usize], &mentions[j as usize])?;
            (z >= floor).then_some((i, j, z))
        })
        .collect();
    let mut roots = confident_groups(index, &kept, &by_name, options.confident, merged);
    let mut by_person = Social::by_person(index, &roots);
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for _ in 1..rounds {
        roots = confident_groups(index, &kept, &by_person, options.confident, merged);
        by_person = Social::by_person(index, &roots);
    }
    let bar = logit_of(options.min_score);
    let scored = kept
        .into_iter()
        .filter_map(|(i, j, base)| {
            let z = base + social_logit(&by_person, &mentions[i as usize], &mentions[j as usize]);
            (z >= bar).then(|| (i, j, sigmoid(z)))
        })
        .collect();
    (scored, by_person)
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
