//! Who is who across two events. Node ids of the earlier event's networks
//! are mapped to the current event's:
//!
//! - **residents** by their map's id only: Weave never records a resident's
//!   name, so a resident is the same only when the same map is in both files
//!   (an earlier backup of the same event);
//! - **named people** through the matching core ([`crate::core::matching`]):
//!   both events' maps are read as one community, each event's own accepted
//!   merges kept, and a pair across the events counts when it scores at
//!   least [`DEFAULT_THRESHOLD`]; best pairs first, each person at most once;
//! - **places** by id, then by their name normalised
//!   ([`crate::core::matching::normalise::fold`]).

use crate::core::analysis::build::alter_representatives;
use crate::core::analysis::people_places_network;
use crate::core::matching::normalise::fold;
use crate::core::matching::{suggest, MatchOptions, DEFAULT_THRESHOLD};
use crate::core::model::{AlterRef, Community, MergeDecision, PlaceId, PlaceRef, ResponseId};
use crate::core::network::{AttrValue, Network, KIND_ATTR, KIND_PLACE};
use std::collections::{BTreeMap, BTreeSet};

/// Marks the earlier event's maps while both are read as one community.
const EARLIER: &str = "earlier~";

/// Earlier node id → current node id, for everyone found in both events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    map: BTreeMap<String, String>,
}

impl Identity {
    /// Finds who is who.
    ///
    /// # Complexity
    /// That of [`suggest`] on both events' maps together, plus O(places).
    pub fn between(earlier: &Community, current: &Community) -> Identity {
        let mut map = places(
            &people_places_network(earlier),
            &people_places_network(current),
        );
        let now: BTreeSet<&ResponseId> = current.finished().map(|r| &r.id).collect();
        for r in earlier.finished().filter(|r| now.contains(&r.id)) {
            map.insert(format!("r:{}", r.id), format!("r:{}", r.id));
        }
        map.extend(named(earlier, current, &map));
        Identity { map }
    }

    /// The current node id of an earlier node, when found in both events.
    pub fn current_of(&self, earlier_id: &str) -> Option<&str> {
        self.map.get(earlier_id).map(String::as_str)
    }

    /// How many earlier nodes were found again.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

fn is_place(net: &Network, v: usize) -> bool {
    net.nodes[v]
        .attrs
        .get(KIND_ATTR)
        .and_then(AttrValue::as_str)
        == Some(KIND_PLACE)
}

/// Places by id, then by normalised name (each current place taken once).
fn places(earlier: &Network, current: &Network) -> BTreeMap<String, String> {
    let here: Vec<usize> = (0..current.nodes.len())
        .filter(|&v| is_place(current, v))
        .collect();
    let ids: BTreeSet<&str> = here.iter().map(|&v| current.nodes[v].id.as_str()).collect();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut map = BTreeMap::new();
    let mut rest = Vec::new();
    for v in (0..earlier.nodes.len()).filter(|&v| is_place(earlier, v)) {
        let id = &earlier.nodes[v].id;
        if ids.contains(id.as_str()) {
            taken.insert(id.clone());
            map.insert(id.clone(), id.clone());
        } else {
            rest.push(v);
        }
    }
    let mut by_name: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for &v in &here {
        let node = &current.nodes[v];
        if let Some(label) = &node.label {
            by_name.entry(fold(label)).or_default().push(&node.id);
        }
    }
    for v in rest {
        let node = &earlier.nodes[v];
        let Some(name) = node.label.as_deref().map(fold).filter(|n| !n.is_empty()) else {
            continue;
        };
        let free = by_name
            .get(&name)
            .and_then(|c| c.iter().find(|id| !taken.contains(**id)));
        if let Some(id) = free {
            taken.insert(id.to_string());
            map.insert(node.id.clone(), id.to_string());
        }
    }
    map
}

fn earlier_ref(a: &AlterRef) -> AlterRef {
    AlterRef {
        response: ResponseId::new(format!("{EARLIER}{}", a.response)),
        alter: a.alter,
    }
}

/// Both events' finished maps as one community (the current event's set-up,
/// the earlier maps' ids marked and their listed places translated), with
/// each event's own merge decisions.
fn together(earlier: &Community, current: &Community, map: &BTreeMap<String, String>) -> Community {
    let mut c = Community::new(current.event.clone());
    c.responses = current.finished().cloned().collect();
    c.merges = current.merges.clone();
    for r in earlier.finished() {
        let mut r = r.clone();
        r.id = ResponseId::new(format!("{EARLIER}{}", r.id));
        for visit in &mut r.places {
            if let PlaceRef::Listed(p) = &visit.place {
                let now = map
                    .get(&format!("p:{p}"))
                    .and_then(|id| id.strip_prefix("p:"));
                if let Some(id) = now {
                    visit.place = PlaceRef::Listed(PlaceId::new(id));
                }
            }
        }
        c.responses.push(r);
    }
    c.merges
        .extend(earlier.merges.iter().map(|m| MergeDecision {
            a: earlier_ref(&m.a),
            b: earlier_ref(&m.b),
            ..m.clone()
        }));
    c
}

/// Named people: pairs across the events the matching core scores at
/// least [`DEFAULT_THRESHOLD`], best first, each node used once.
fn named(
    earlier: &Community,
    current: &Community,
    places: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let then = alter_representatives(earlier);
    let now = alter_representatives(current);
    let both = together(earlier, current, places);
    let mut pairs: Vec<(f64, String, String)> = suggest(&both, &MatchOptions::default())
        .into_iter()
        .filter(|c| c.score >= DEFAULT_THRESHOLD)
        .filter_map(|c| {
            let side = |a: &AlterRef| {
                a.response
                    .as_str()
                    .strip_prefix(EARLIER)
                    .map(str::to_string)
            };
            let (old, new) = match (side(&c.a), side(&c.b)) {
                (Some(r), None) => (
                    AlterRef {
                        response: ResponseId::new(r),
                        alter: c.a.alter,
                    },
                    c.b,
                ),
                (None, Some(r)) => (
                    AlterRef {
                        response: ResponseId::new(r),
                        alter: c.b.alter,
                    },
                    c.a,
                ),
                _ => return None,
            };
            Some((c.score, then.get(&old)?.clone(), now.get(&new)?.clone()))
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| (&x.1, &x.2).cmp(&(&y.1, &y.2)))
    });
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut map = BTreeMap::new();
    for (_, old, new) in pairs {
        if map.contains_key(&old) || used.contains(&new) {
            continue;
        }
        used.insert(new.clone());
        map.insert(old, new);
    }
    map
}
