//! All responses of one event, plus the facilitator's decisions about who is
//! the same person and which new places are listed ones. Decisions are kept as
//! a log, never applied destructively, so every merge can be undone later.

use super::event::{Event, PlaceCategory};
use super::ids::{AlterRef, NewPlaceId, PlaceId, ResponseId, Timestamp};
use super::response::Response;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The two named people are one person.
    Same,
    /// They are different people (stops the pair being suggested again).
    Different,
    Unsure,
}

/// One facilitator decision about a pair of named people, with the evidence
/// shown at the time. A later decision on the same pair supersedes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeDecision {
    pub a: AlterRef,
    pub b: AlterRef,
    pub verdict: Verdict,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    pub decided_at: Timestamp,
}

/// A resident-added place, as the facilitator resolved it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PlaceResolution {
    /// Added to the list as a new listed place.
    Accept { place: PlaceId },
    /// Renamed (and re-categorised) but kept as its own place.
    Rename {
        name: String,
        category: PlaceCategory,
    },
    /// The same as a place already on the list.
    MergeInto { place: PlaceId },
    /// An earlier decision taken back: the place is waiting for review again
    /// (schema 3). The log keeps both, so the reversal is itself on record.
    Reopen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceDecision {
    pub response: ResponseId,
    pub new_place: NewPlaceId,
    pub resolution: PlaceResolution,
    pub decided_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Community {
    pub event: Event,
    #[serde(default)]
    pub responses: Vec<Response>,
    #[serde(default)]
    pub merges: Vec<MergeDecision>,
    #[serde(default)]
    pub place_decisions: Vec<PlaceDecision>,
}

impl Community {
    pub fn new(event: Event) -> Self {
        Self {
            event,
            responses: Vec::new(),
            merges: Vec::new(),
            place_decisions: Vec::new(),
        }
    }

    pub fn response(&self, id: &ResponseId) -> Option<&Response> {
        self.responses.iter().find(|r| &r.id == id)
    }

    pub fn finished(&self) -> impl Iterator<Item = &Response> {
        self.responses.iter().filter(|r| r.is_finished())
    }

    /// Inserts or replaces a response by id.
    pub fn upsert_response(&mut self, response: Response) {
        match self.responses.iter_mut().find(|r| r.id == response.id) {
            Some(slot) => *slot = response,
            None => self.responses.push(response),
        }
    }

    /// The verdict in force for a pair: the latest decision about it.
    pub fn verdict(&self, a: &AlterRef, b: &AlterRef) -> Option<Verdict> {
        self.merges
            .iter()
            .rev()
            .find(|d| (&d.a == a && &d.b == b) || (&d.a == b && &d.b == a))
            .map(|d| d.verdict)
    }

    /// Groups of named people the facilitator has said are one person: the
    /// connected components of the pairs whose latest verdict is `Same`.
    pub fn merged_groups<'a>(&'a self) -> Vec<Vec<AlterRef>> {
        use std::collections::BTreeMap;
        let mut latest: BTreeMap<(&'a AlterRef, &'a AlterRef), Verdict> = BTreeMap::new();
        for d in &self.merges {
            let key = if d.a <= d.b {
                (&d.a, &d.b)
            } else {
                (&d.b, &d.a)
            };
            latest.insert(key, d.verdict);
        }
        let mut index: BTreeMap<&'a AlterRef, usize> = BTreeMap::new();
        let mut parent: Vec<usize> = Vec::new();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for ((a, b), verdict) in &latest {
            if *verdict != Verdict::Same {
                continue;
            }
            let mut slot = |r: &'a AlterRef| -> usize {
                *index.entry(r).or_insert_with(|| {
                    parent.push(parent.len());
                    parent.len() - 1
                })
            };
            let (ia, ib) = (slot(a), slot(b));
            let (ra, rb) = (find(&mut parent, ia), find(&mut parent, ib));
            parent[ra.max(rb)] = ra.min(rb);
        }
        let mut groups: BTreeMap<usize, Vec<AlterRef>> = BTreeMap::new();
        for (r, i) in &index {
            let root = find(&mut parent, *i);
            groups.entry(root).or_default().push((*r).clone());
        }
        groups.into_values().collect()
    }

    /// The resolution in force for a resident-added place: the latest
    /// decision about it, or `None` while it waits for review (never
    /// decided, or the last decision was taken back).
    pub fn place_resolution(
        &self,
        response: &ResponseId,
        id: NewPlaceId,
    ) -> Option<&PlaceResolution> {
        self.place_decisions
            .iter()
            .rev()
            .find(|d| &d.response == response && d.new_place == id)
            .map(|d| &d.resolution)
            .filter(|r| !matches!(r, PlaceResolution::Reopen))
    }
}
