//! The review's suggestions in compact form: pairs of mention numbers (see
//! [`MentionId`]), their scores, their evidence as numbers into one list of
//! words, and which of them "accept all likely" would merge. This is what
//! the matching worker posts back: tens of thousands of suggestions in a
//! few megabytes of JSON, where whole [`Candidate`]s took twenty-five. The
//! page turns into [`Candidate`]s only the few it shows or records.

use super::cluster::Grouper;
use super::evidence::{Evidence, Words};
use super::hubs::{Answer, Hubs, Link};
use super::index::Index;
use super::input::{MatchingInput, MentionId, Mentions};
use super::passes::Scored;
use super::score::score;
use super::Candidate;
use crate::core::model::Verdict;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Suggestions best first, as columns (one entry per suggestion).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Suggestions {
    /// The pair's mention numbers, `a < b`.
    pub a: Vec<MentionId>,
    pub b: Vec<MentionId>,
    pub score: Vec<f32>,
    /// Where each suggestion's evidence codes end in `evidence`.
    pub ends: Vec<u32>,
    /// Every suggestion's evidence, one after the other (see [`Evidence::encode`]).
    pub evidence: Vec<u32>,
    pub words: Vec<String>,
    /// Positions of the suggestions "accept all likely" merges, in order:
    /// at threshold `t` it merges exactly those scoring at least `t` (the
    /// greedy merging goes best first, so a lower threshold only adds to
    /// the end). See [`super::plan_bulk_accept`].
    pub planned: Vec<u32>,
}

impl Suggestions {
    /// Scored pairs as suggestions: leaves out pairs already decided Same or
    /// Different and pairs already in one merged group, adds the evidence,
    /// sorts best first and plans "accept all likely".
    pub fn build(input: &MatchingInput, index: &Index, scored: Scored) -> Self {
        let links = scored.links_by_pair();
        let social = &scored.social;
        let decided: HashMap<(MentionId, MentionId), Verdict> =
            input.decided.iter().map(|&(a, b, v)| ((a, b), v)).collect();
        let mut group_of: HashMap<MentionId, usize> = HashMap::new();
        for (g, members) in input.merged.iter().enumerate() {
            for &m in members {
                group_of.insert(m, g);
            }
        }
        let mut words = Words::default();
        let mut found: Vec<(MentionId, MentionId, f32, Vec<u32>)> = scored
            .pairs
            .iter()
            .filter_map(|&(i, j, s)| {
                let settled = matches!(
                    decided.get(&(i, j)),
                    Some(Verdict::Same | Verdict::Different)
                );
                let together = matches!(
                    (group_of.get(&i), group_of.get(&j)),
                    (Some(x), Some(y)) if x == y
                );
                if settled || together {
                    return None;
                }
                let (a, b) = (&index.mentions[i as usize], &index.mentions[j as usize]);
                let mut evidence = match links.get(&(i, j)) {
                    Some(link) => hub_evidence(&scored.hubs, link),
                    None => Vec::new(),
                };
                if let Some((_, pairwise)) = score(index, social, a, b) {
                    evidence.extend(pairwise);
                }
                if evidence.is_empty() {
                    return None;
                }
                let mut codes = Vec::new();
                for e in &evidence {
                    e.encode(&mut words, &mut codes);
                }
                Some((i, j, s as f32, codes))
            })
            .collect();
        found.sort_by(|x, y| {
            y.2.total_cmp(&x.2)
                .then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
        });
        let mut out = Suggestions {
            words: words.list,
            ..Suggestions::default()
        };
        for (a, b, s, codes) in found {
            out.a.push(a);
            out.b.push(b);
            out.score.push(s);
            out.evidence.extend(codes);
            out.ends.push(out.evidence.len() as u32);
        }
        let unsure: HashSet<(MentionId, MentionId)> = decided.keys().copied().collect();
        out.planned = out.plan(index, &input.merged, &unsure);
        out
    }

    /// Greedy believable merging, best first (see [`super::cluster`]), of
    /// every suggestion without a decision.
    fn plan(
        &self,
        index: &Index,
        merged: &[Vec<MentionId>],
        decided: &HashSet<(MentionId, MentionId)>,
    ) -> Vec<u32> {
        let mut grouper = Grouper::new(index);
        grouper.seed(merged);
        (0..self.len())
            .filter(|&k| {
                let (a, b) = (self.a[k], self.b[k]);
                !decided.contains(&(a, b)) && grouper.merge_at(a as usize, b as usize, false)
            })
            .map(|k| k as u32)
            .collect()
    }

    pub fn len(&self) -> usize {
        self.a.len()
    }

    pub fn is_empty(&self) -> bool {
        self.a.is_empty()
    }

    /// The score of suggestion `k`, as the review shows and compares it.
    pub fn score_of(&self, k: usize) -> f64 {
        self.score.get(k).copied().map_or(0.0, f64::from)
    }

    /// The evidence of suggestion `k`.
    pub fn evidence_of(&self, k: usize) -> Vec<Evidence> {
        let start = k
            .checked_sub(1)
            .and_then(|p| self.ends.get(p))
            .copied()
            .unwrap_or(0) as usize;
        let end = self.ends.get(k).copied().unwrap_or(0) as usize;
        self.evidence
            .get(start..end)
            .map(|codes| Evidence::decode_all(codes, &self.words))
            .unwrap_or_default()
    }

    /// Suggestion `k` in full, with who named whom and what they typed.
    pub fn candidate(
        &self,
        k: usize,
        input: &MatchingInput,
        mentions: &Mentions,
    ) -> Option<Candidate> {
        let (a, b) = (*self.a.get(k)?, *self.b.get(k)?);
        let name = |m: MentionId| mentions.get(input, m).map(|(_, n)| n.name.clone());
        Some(Candidate {
            a: mentions.at(input, a)?,
            b: mentions.at(input, b)?,
            a_name: name(a)?,
            b_name: name(b)?,
            score: self.score_of(k),
            evidence: self.evidence_of(k),
        })
    }

    /// Positions of the suggestions "accept all likely" merges at `threshold`.
    pub fn planned_at(&self, threshold: f64) -> impl Iterator<Item = usize> + '_ {
        self.planned
            .iter()
            .map(|&k| k as usize)
            .take_while(move |&k| self.score_of(k) >= threshold)
    }
}

/// Why a mention is taken for a hub: who the hub is, and the answers that
/// say so.
fn hub_evidence(hubs: &Hubs, link: &Link) -> Vec<Evidence> {
    let Some(hub) = hubs.hubs.get(link.hub) else {
        return Vec::new();
    };
    let mut out = vec![Evidence::KnownAllOver {
        name: hub.label.clone(),
        residents: hub.residents as u32,
        areas: hub.areas as u32,
    }];
    if !link.answers.is_empty() {
        out.push(Evidence::LikeOthersSay {
            answers: link.answers.iter().map(|&a| answer_code(a)).collect(),
        });
    }
    out
}

/// The code of an answer in [`Evidence::LikeOthersSay`].
fn answer_code(answer: Answer) -> String {
    use crate::core::model::Relationship as R;
    let code = match answer {
        Answer::CanChange => "can-change",
        Answer::KnowsOthers => "knows-others",
        Answer::Relationship(r) => match r {
            R::Family => "relationship-family",
            R::Friend => "relationship-friend",
            R::Neighbour => "relationship-neighbour",
            R::Work => "relationship-work",
            R::Service => "relationship-service",
            R::Other => "relationship-other",
        },
        Answer::Prompt(bit) => match bit {
            0 => "prompt-help",
            1 => "prompt-trust",
            2 => "prompt-information",
            3 => "prompt-change",
            4 => "prompt-active",
            _ => "prompt-custom",
        },
    };
    code.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community;
    use crate::core::matching::{compute, plan_bulk_accept, suggest, MatchOptions};

    #[test]
    fn compact_suggestions_expand_to_the_candidates_and_plan_as_bulk_accept() {
        let c = demo_community(6);
        let input = MatchingInput::of(&c);
        let s = compute(&input, &MatchOptions::default());
        assert!(s.len() > 20);
        let mentions = Mentions::new(&input);
        let full: Vec<Candidate> = (0..s.len())
            .filter_map(|k| s.candidate(k, &input, &mentions))
            .collect();
        assert_eq!(full, suggest(&c, &MatchOptions::default()));
        for t in [0.5, 0.8, 0.95] {
            let planned: Vec<Candidate> = s.planned_at(t).map(|k| full[k].clone()).collect();
            assert_eq!(planned, plan_bulk_accept(&c, &full, t));
        }
        let json = serde_json::to_string(&s).unwrap_or_default();
        let back: Suggestions = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, s);
        let as_candidates = serde_json::to_string(&full).unwrap_or_default();
        assert!(json.len() * 4 < as_candidates.len());
    }
}
