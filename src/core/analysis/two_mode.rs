//! Two-mode (people–places) networks: projections onto one mode, and the
//! figures about places that play-back shows.

use super::csr::Csr;
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON, KIND_PLACE};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which mode a projection keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    People,
    Places,
}

impl Mode {
    fn kind(self) -> &'static str {
        match self {
            Mode::People => KIND_PERSON,
            Mode::Places => KIND_PLACE,
        }
    }
}

/// The `kind` of a node, accepting networkx's `bipartite` 0/1 (0 = person).
pub fn node_mode(net: &Network, v: usize) -> Option<Mode> {
    let attrs = &net.nodes.get(v)?.attrs;
    match attrs.get(KIND_ATTR).and_then(AttrValue::as_str) {
        Some(KIND_PERSON) => return Some(Mode::People),
        Some(KIND_PLACE) => return Some(Mode::Places),
        _ => {}
    }
    match attrs.get("bipartite")? {
        AttrValue::Int(0) | AttrValue::Bool(false) => Some(Mode::People),
        AttrValue::Int(1) | AttrValue::Bool(true) => Some(Mode::Places),
        AttrValue::Str(s) if s == "0" => Some(Mode::People),
        AttrValue::Str(s) if s == "1" => Some(Mode::Places),
        AttrValue::Float(f) if *f == 0.0 => Some(Mode::People),
        AttrValue::Float(f) if *f == 1.0 => Some(Mode::Places),
        _ => None,
    }
}

/// True when every node has a mode and both modes occur.
pub fn is_two_mode(net: &Network) -> bool {
    let modes: Option<Vec<Mode>> = (0..net.nodes.len()).map(|v| node_mode(net, v)).collect();
    modes.is_some_and(|m| m.contains(&Mode::People) && m.contains(&Mode::Places))
}

/// Projects a two-mode network onto one mode: two nodes are linked when they
/// share a neighbour of the other mode, weighted by how many they share
/// (networkx `bipartite.weighted_projected_graph`). Node attributes are kept;
/// the result is undirected.
///
/// # Complexity
/// O(Σ over other-mode nodes of deg²).
pub fn project(net: &Network, keep: Mode) -> Network {
    let g = Csr::with_direction(net, false);
    let mut out = Network::new(false);
    out.attrs = net.attrs.clone();
    let mut new_index = vec![usize::MAX; net.nodes.len()];
    for (v, node) in net.nodes.iter().enumerate() {
        if node_mode(net, v) == Some(keep) {
            new_index[v] = out.nodes.len();
            let mut node = node.clone();
            node.attrs
                .insert(KIND_ATTR.into(), AttrValue::Str(keep.kind().into()));
            out.nodes.push(node);
        }
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for hub in 0..net.nodes.len() {
        if new_index[hub] != usize::MAX {
            continue;
        }
        let kept: Vec<usize> = g
            .und
            .row(hub)
            .iter()
            .map(|&u| new_index[u as usize])
            .filter(|&i| i != usize::MAX)
            .collect();
        for (i, &a) in kept.iter().enumerate() {
            for &b in &kept[i + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    for ((a, b), w) in shared {
        out.add_edge(a, b, w as f64, Attrs::new());
    }
    out
}

/// What play-back says about one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceFigures {
    pub id: String,
    /// People who go there (degree in the two-mode network).
    pub people: usize,
    /// Betweenness on the two-mode network.
    pub betweenness: f64,
    /// Other places sharing at least one visitor.
    pub linked_places: usize,
    /// Visitors shared with other places, summed over those places.
    pub shared_people: usize,
}

/// Figures for every place of a two-mode network, given its betweenness.
pub fn place_figures(net: &Network, betweenness: &[f64]) -> Vec<PlaceFigures> {
    let g = Csr::with_direction(net, false);
    let places = project(net, Mode::Places);
    let pg = Csr::from_network(&places);
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in places.nodes.iter().enumerate() {
        by_id.insert(n.id.as_str(), i);
    }
    (0..net.nodes.len())
        .filter(|&v| node_mode(net, v) == Some(Mode::Places))
        .map(|v| {
            let id = net.nodes[v].id.clone();
            let p = by_id.get(id.as_str()).copied();
            PlaceFigures {
                people: g.und.len(v),
                betweenness: betweenness.get(v).copied().unwrap_or(0.0),
                linked_places: p.map_or(0, |p| pg.und.len(p)),
                shared_people: p.map_or(0, |p| pg.und.row_weights(p).iter().sum::<f64>() as usize),
                id,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_mode() -> Network {
        let mut n = Network::new(false);
        for (id, kind) in [
            ("alice", "person"),
            ("bob", "person"),
            ("cafe", "place"),
            ("gym", "place"),
        ] {
            let mut a = Attrs::new();
            a.insert(KIND_ATTR.into(), AttrValue::Str(kind.into()));
            n.add_node(id, None, a);
        }
        for (s, t) in [(0, 2), (1, 2), (0, 3), (1, 3)] {
            n.add_edge(s, t, 1.0, Attrs::new());
        }
        n
    }

    #[test]
    fn people_projection_counts_shared_places() {
        let p = project(&two_mode(), Mode::People);
        assert_eq!(p.nodes.len(), 2);
        assert_eq!(p.edges.len(), 1);
        assert_eq!(p.edges[0].weight, 2.0);
    }

    #[test]
    fn place_figures_report_visitors_and_links() {
        let f = place_figures(&two_mode(), &[0.0; 4]);
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].people, f[0].linked_places, f[0].shared_people),
            (2, 1, 2)
        );
    }

    #[test]
    fn bipartite_numbers_are_understood() {
        let mut n = Network::new(false);
        let mut a = Attrs::new();
        a.insert("bipartite".into(), AttrValue::Int(0));
        n.add_node("x", None, a.clone());
        a.insert("bipartite".into(), AttrValue::Int(1));
        n.add_node("y", None, a);
        assert!(is_two_mode(&n));
    }
}
