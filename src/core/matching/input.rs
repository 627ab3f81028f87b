//! What matching reads from a community, and nothing else: every named
//! person with what the resident said about them (name, relationship, how
//! often, can they change things, under which prompts, which ring), each
//! naming resident's area, places and "who knows whom", the event's places
//! and roster, and the facilitator's decisions so far.
//!
//! It is what the page sends the matching worker: about a quarter of the
//! event's JSON (no positions, timestamps, wellbeing, barriers, or questions),
//! and the suggestions that come back name people by their number here
//! ([`MentionId`]), in order: residents in turn, each one's people in turn.

use crate::core::model::{
    AlterId, AlterRef, Community, Frequency, PlaceRef, PromptKind, PublicFigure, Relationship,
    ResponseId, Verdict,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The about-you question whose answer is the resident's area.
pub const AREA_QUESTION: &str = "area";

/// A named person's number in a [`MatchingInput`]: residents in order, each
/// resident's named people in order.
pub type MentionId = u32;

/// Everything matching needs. Field names are short on purpose: this is
/// posted to the worker as JSON.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MatchingInput {
    /// The event's listed places: (id, name). Residents refer to them by position.
    #[serde(rename = "p")]
    pub places: Vec<(String, String)>,
    #[serde(rename = "f")]
    pub roster: Vec<PublicFigure>,
    /// Finished responses, in the community's order.
    #[serde(rename = "r")]
    pub residents: Vec<Resident>,
    /// The facilitator's merged groups (see [`Community::merged_groups`]), as mentions.
    #[serde(rename = "m")]
    pub merged: Vec<Vec<MentionId>>,
    /// Every pair with a decision, and its latest verdict.
    #[serde(rename = "d")]
    pub decided: Vec<(MentionId, MentionId, Verdict)>,
}

/// One naming resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resident {
    #[serde(rename = "i")]
    pub response: ResponseId,
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Positions in [`MatchingInput::places`], sorted, without repeats.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<u32>,
    #[serde(rename = "n", default)]
    pub named: Vec<Named>,
    /// "These two know each other": positions in `named`.
    #[serde(rename = "t", default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<(u32, u32)>,
}

/// One person a resident named, with every answer about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    #[serde(rename = "i")]
    pub alter: AlterId,
    /// As typed.
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub can_change: Option<bool>,
    /// The kinds of prompt they were named under, as bits (see [`prompt_bit`]).
    #[serde(rename = "k", default, skip_serializing_if = "is_zero")]
    pub prompts: u8,
    /// 1 = closest ring.
    #[serde(rename = "g", default)]
    pub ring: u8,
    /// Picked from the event's roster.
    #[serde(rename = "o", default, skip_serializing_if = "std::ops::Not::not")]
    pub roster: bool,
}

fn is_zero(x: &u8) -> bool {
    *x == 0
}

/// The bit of a kind of prompt in [`Named::prompts`].
pub fn prompt_bit(kind: PromptKind) -> u8 {
    1 << (match kind {
        PromptKind::Help => 0,
        PromptKind::Trust => 1,
        PromptKind::Information => 2,
        PromptKind::ChangeMaker => 3,
        PromptKind::Active => 4,
        PromptKind::Custom => 5,
    })
}

impl Named {
    /// Named under a change-maker or active-people prompt, or said to be able to change things.
    pub fn change_maker(&self) -> bool {
        self.can_change == Some(true)
            || self.prompts & (prompt_bit(PromptKind::ChangeMaker) | prompt_bit(PromptKind::Active))
                != 0
    }
}

impl MatchingInput {
    /// What matching needs of `community`'s finished responses and decisions.
    ///
    /// # Complexity
    /// O(named people + decisions), with hashing.
    pub fn of(community: &Community) -> Self {
        let event = &community.event;
        let mut places: Vec<(String, String)> = event
            .places
            .iter()
            .map(|p| (p.id.0.clone(), p.name.clone()))
            .collect();
        // A listed place the event no longer lists still says where they go:
        // it keeps its id as its name.
        let mut place_at: HashMap<String, u32> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.0.clone(), i as u32))
            .collect();
        for r in community.finished() {
            for v in &r.places {
                if let PlaceRef::Listed(id) = &v.place {
                    if !place_at.contains_key(&id.0) {
                        place_at.insert(id.0.clone(), places.len() as u32);
                        places.push((id.0.clone(), id.0.clone()));
                    }
                }
            }
        }
        let kind_of: HashMap<&str, PromptKind> = event
            .prompts
            .iter()
            .map(|p| (p.id.0.as_str(), p.kind))
            .collect();
        let residents: Vec<Resident> = community
            .finished()
            .map(|r| resident(r, &place_at, &kind_of))
            .collect();
        let mut input = MatchingInput {
            places,
            roster: event.roster.clone(),
            residents,
            merged: Vec::new(),
            decided: Vec::new(),
        };
        let number = input.numbers();
        let of = |r: &AlterRef| number.get(r).copied();
        input.merged = community
            .merged_groups()
            .iter()
            .map(|g| {
                let mut g: Vec<MentionId> = g.iter().filter_map(of).collect();
                g.sort_unstable();
                g
            })
            .filter(|g| g.len() > 1)
            .collect();
        let mut latest: HashMap<(MentionId, MentionId), Verdict> = HashMap::new();
        for d in &community.merges {
            if let (Some(a), Some(b)) = (of(&d.a), of(&d.b)) {
                latest.insert((a.min(b), a.max(b)), d.verdict);
            }
        }
        let mut decided: Vec<_> = latest.into_iter().map(|((a, b), v)| (a, b, v)).collect();
        decided.sort_by_key(|&(a, b, _)| (a, b));
        input.decided = decided;
        input
    }

    /// Every mention's number, by who named whom.
    pub fn numbers(&self) -> HashMap<AlterRef, MentionId> {
        self.mentions()
            .enumerate()
            .map(|(k, (r, n))| {
                let at = AlterRef {
                    response: r.response.clone(),
                    alter: n.alter,
                };
                (at, k as MentionId)
            })
            .collect()
    }

    /// Every mention in number order, with its resident.
    pub fn mentions(&self) -> impl Iterator<Item = (&Resident, &Named)> {
        self.residents
            .iter()
            .flat_map(|r| r.named.iter().map(move |n| (r, n)))
    }

    /// The first mention number of each resident, and the total at the end.
    pub fn offsets(&self) -> Vec<MentionId> {
        let mut out = Vec::with_capacity(self.residents.len() + 1);
        let mut next = 0u32;
        for r in &self.residents {
            out.push(next);
            next += r.named.len() as u32;
        }
        out.push(next);
        out
    }
}

/// Finds mentions by number: who named them and what was typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mentions {
    offsets: Vec<MentionId>,
}

impl Mentions {
    pub fn new(input: &MatchingInput) -> Self {
        Mentions {
            offsets: input.offsets(),
        }
    }

    /// How many mentions there are.
    pub fn len(&self) -> usize {
        self.offsets.last().copied().unwrap_or(0) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The resident and named person of mention `k`.
    pub fn get<'a>(
        &self,
        input: &'a MatchingInput,
        k: MentionId,
    ) -> Option<(&'a Resident, &'a Named)> {
        let r = self.offsets.partition_point(|&o| o <= k).checked_sub(1)?;
        let resident = input.residents.get(r)?;
        let named = resident.named.get((k - self.offsets[r]) as usize)?;
        Some((resident, named))
    }

    /// Who named mention `k`, and which of their people it is.
    pub fn at(&self, input: &MatchingInput, k: MentionId) -> Option<AlterRef> {
        let (r, n) = self.get(input, k)?;
        Some(AlterRef {
            response: r.response.clone(),
            alter: n.alter,
        })
    }
}

fn resident(
    r: &crate::core::model::Response,
    place_at: &HashMap<String, u32>,
    kind_of: &HashMap<&str, PromptKind>,
) -> Resident {
    use crate::core::model::QuestionId;
    let mut places: Vec<u32> = r
        .places
        .iter()
        .filter_map(|v| match &v.place {
            PlaceRef::Listed(id) => place_at.get(&id.0).copied(),
            PlaceRef::New(_) => None,
        })
        .collect();
    places.sort_unstable();
    places.dedup();
    let position = |id: AlterId| r.alters.iter().position(|a| a.id == id).map(|p| p as u32);
    let ties = r
        .ties
        .iter()
        .filter_map(|t| Some((position(t.a)?, position(t.b)?)))
        .collect();
    Resident {
        response: r.id.clone(),
        area: r.answers.get(&QuestionId::new(AREA_QUESTION)).cloned(),
        places,
        named: r
            .alters
            .iter()
            .map(|a| Named {
                alter: a.id,
                name: a.name.clone(),
                relationship: a.relationship,
                frequency: a.frequency,
                can_change: a.can_change,
                prompts: a
                    .prompts
                    .iter()
                    .filter_map(|p| kind_of.get(p.0.as_str()))
                    .fold(0, |bits, &k| bits | prompt_bit(k)),
                ring: a.ring,
                roster: a.public_figure,
            })
            .collect(),
        ties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community;

    #[test]
    fn numbers_run_over_residents_in_order_and_find_their_way_back() {
        let c = demo_community(4);
        let input = MatchingInput::of(&c);
        let total: usize = c.finished().map(|r| r.alters.len()).sum();
        let mentions = Mentions::new(&input);
        assert_eq!(mentions.len(), total);
        let numbers = input.numbers();
        for (at, &k) in &numbers {
            assert_eq!(mentions.at(&input, k).as_ref(), Some(at));
        }
        assert_eq!(mentions.at(&input, total as u32), None);
        let json = serde_json::to_string(&input).unwrap_or_default();
        let back: MatchingInput = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, input);
        // About a quarter of the event.
        let event = serde_json::to_string(&c).unwrap_or_default();
        assert!(
            json.len() * 3 < event.len(),
            "{} vs {}",
            json.len(),
            event.len()
        );
    }

    #[test]
    fn decisions_come_as_mention_numbers() {
        let mut c = demo_community(4);
        let input = MatchingInput::of(&c);
        let m = Mentions::new(&input);
        let (a, b, x) = (
            m.at(&input, 0).expect("a"),
            m.at(&input, 40).expect("b"),
            m.at(&input, 80).expect("x"),
        );
        for (p, q, v) in [
            (&a, &b, Verdict::Same),
            (&b, &x, Verdict::Unsure),
            (&b, &x, Verdict::Same),
            (&a, &x, Verdict::Different),
        ] {
            crate::core::matching::decide(&mut c, p, q, v, &[], crate::core::model::Timestamp(1));
        }
        let input = MatchingInput::of(&c);
        assert_eq!(input.merged, vec![vec![0, 40, 80]]);
        assert_eq!(
            input.decided,
            vec![
                (0, 40, Verdict::Same),
                (0, 80, Verdict::Different),
                (40, 80, Verdict::Same)
            ]
        );
    }
}
