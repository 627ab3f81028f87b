//! A network from another tool (GraphML, GEXF, Pajek, UCINET, CSV) turned
//! into an event Weave can play back and analyse. Weave's model holds
//! residents' maps, not bare graphs, so the network is read as if its people
//! had drawn maps:
//!
//! - every person node (`kind` is not `place`) with a tie to another person
//!   becomes a finished resident response; in a directed network its
//!   out-neighbours are the people it named, in an undirected one all its
//!   neighbours are;
//! - the people a node named are its alters, named by the node's label (or
//!   its id); two of them that are tied in the file are a tie on the map
//!   ("they know each other"), up to [`MAX_TIES_PER_MAP`] per map;
//! - every mention of the same file node is recorded in the merge log as the
//!   same person (evidence: "the same node in <file>"), so the people network
//!   shows each named node once;
//! - place nodes (`kind=place`, or networkx's `bipartite=1`, already mapped
//!   by the parsers) become the event's place list, and person–place ties
//!   become place visits.
//!
//! Limits, said plainly in the preview: residents are anonymous in Weave, so
//! a node that both names others and is named appears twice in the people
//! network (as a resident and as a named person); isolated nodes, edge
//! weights and node attributes other than the label and `kind` are not kept.

use crate::core::model::{
    Alter, AlterId, AlterRef, AlterTie, Community, Event, EventId, MergeDecision, Place,
    PlaceCategory, PlaceId, PlaceRef, PlaceVisit, Response, ResponseId, ResponseStatus, Timestamp,
    Verdict,
};
use crate::core::network::{Network, KIND_PLACE};
use std::collections::{BTreeMap, BTreeSet};

/// Ties drawn between the people on one map are capped: a hub with thousands
/// of neighbours would otherwise cost millions of pair checks.
pub const MAX_TIES_PER_MAP: usize = 2_000;

/// The event `Network` becomes.
///
/// # Arguments
/// * `net` – the parsed network.
/// * `event_id`, `name`, `date` – for the new event (the name is usually the file name).
/// * `now` – the time stamped on responses and merge decisions.
///
/// # Complexity
/// O(n + m log m + Σ min(deg², [`MAX_TIES_PER_MAP`])).
pub fn network_to_community(
    net: &Network,
    event_id: EventId,
    name: &str,
    date: &str,
    now: Timestamp,
) -> Community {
    let mut event = Event::new(event_id.clone(), name, date);
    let is_place: Vec<bool> = (0..net.nodes.len())
        .map(|i| net.node_kind(i) == Some(KIND_PLACE))
        .collect();
    event.places = net
        .nodes
        .iter()
        .zip(&is_place)
        .filter(|(_, place)| **place)
        .map(|(n, _)| Place {
            id: PlaceId::new(n.id.clone()),
            name: n.label.clone().unwrap_or_else(|| n.id.clone()),
            category: PlaceCategory::Venue,
            description: String::new(),
            pin: None,
        })
        .collect();
    let adjacency = Adjacency::new(net);
    let mut community = Community::new(event);
    let mut mentions: BTreeMap<usize, Vec<AlterRef>> = BTreeMap::new();
    for v in 0..net.nodes.len() {
        if is_place[v] {
            continue;
        }
        let named: Vec<usize> = adjacency.out[v]
            .iter()
            .copied()
            .filter(|&u| !is_place[u] && u != v)
            .collect();
        let places: Vec<usize> = adjacency.all[v]
            .iter()
            .copied()
            .filter(|&u| is_place[u])
            .collect();
        if named.is_empty() && places.is_empty() {
            continue;
        }
        let id = ResponseId::new(format!("imp-{v}"));
        let response = map_of(net, &adjacency, &event_id, &id, &named, &places, now);
        for (k, u) in named.iter().enumerate() {
            mentions.entry(*u).or_default().push(AlterRef {
                response: id.clone(),
                alter: AlterId(k as u32),
            });
        }
        community.responses.push(response);
    }
    community.merges = same_node_decisions(net, &mentions, name, now);
    community
}

/// Neighbour sets, deduplicated: `out` is who a node names, `all` every tie.
struct Adjacency {
    out: Vec<BTreeSet<usize>>,
    all: Vec<BTreeSet<usize>>,
}

impl Adjacency {
    fn new(net: &Network) -> Self {
        let n = net.nodes.len();
        let mut out = vec![BTreeSet::new(); n];
        let mut all = vec![BTreeSet::new(); n];
        for e in &net.edges {
            let (s, t) = (e.source, e.target);
            if s >= n || t >= n {
                continue;
            }
            out[s].insert(t);
            if !net.directed {
                out[t].insert(s);
            }
            all[s].insert(t);
            all[t].insert(s);
        }
        Self { out, all }
    }

    fn tied(&self, a: usize, b: usize) -> bool {
        self.all[a].contains(&b)
    }
}

fn map_of(
    net: &Network,
    adjacency: &Adjacency,
    event: &EventId,
    id: &ResponseId,
    named: &[usize],
    places: &[usize],
    now: Timestamp,
) -> Response {
    let mut r = Response::new(id.clone(), event.clone(), "en", now);
    r.status = ResponseStatus::Finished;
    r.finished_at = Some(now);
    let count = named.len().max(1) as f64;
    r.alters = named
        .iter()
        .enumerate()
        .map(|(k, &u)| {
            let angle = std::f64::consts::TAU * k as f64 / count;
            let node = &net.nodes[u];
            Alter {
                id: AlterId(k as u32),
                name: node.label.clone().unwrap_or_else(|| node.id.clone()),
                prompts: Vec::new(),
                ring: 2,
                x: 200.0 * angle.cos(),
                y: 200.0 * angle.sin(),
                relationship: None,
                frequency: None,
                can_change: None,
                public_figure: false,
                added_at: now,
            }
        })
        .collect();
    r.ties = ties_among(adjacency, named);
    r.places = places
        .iter()
        .map(|&p| PlaceVisit {
            place: PlaceRef::Listed(PlaceId::new(net.nodes[p].id.clone())),
            frequency: None,
            information: false,
            added_at: now,
        })
        .collect();
    r
}

fn ties_among(adjacency: &Adjacency, named: &[usize]) -> Vec<AlterTie> {
    let mut ties = Vec::new();
    for (i, &a) in named.iter().enumerate() {
        for (j, &b) in named.iter().enumerate().skip(i + 1) {
            if ties.len() >= MAX_TIES_PER_MAP {
                return ties;
            }
            if adjacency.tied(a, b) {
                ties.push(AlterTie::new(AlterId(i as u32), AlterId(j as u32)));
            }
        }
    }
    ties
}

/// Links every mention of one file node to its first mention as `Same`.
fn same_node_decisions(
    net: &Network,
    mentions: &BTreeMap<usize, Vec<AlterRef>>,
    file: &str,
    now: Timestamp,
) -> Vec<MergeDecision> {
    let mut out = Vec::new();
    for (node, refs) in mentions {
        let Some((first, rest)) = refs.split_first() else {
            continue;
        };
        let evidence = vec![format!("the same node ({}) in {file}", net.nodes[*node].id)];
        out.extend(rest.iter().map(|other| MergeDecision {
            a: first.clone(),
            b: other.clone(),
            verdict: Verdict::Same,
            evidence: evidence.clone(),
            score: None,
            decided_at: now,
        }));
    }
    out
}
