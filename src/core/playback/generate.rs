//! Synthetic people networks for the benchmark (2,000 and 20,000 nodes):
//! planted communities of about 200 people, one node in seven a resident who
//! "named" the others, ties mostly inside a community. Shaped like a real
//! event's people network, so the benchmark measures what an event costs.

use crate::core::analysis::build::{ROLE_ATTR, ROLE_NAMED, ROLE_RESIDENT, TYPE_ATTR};
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// People per planted community.
const COMMUNITY: usize = 200;
/// One node in this many is a resident.
const RESIDENT_EVERY: usize = 7;
/// Share of ties that stay inside a community.
const INSIDE: f64 = 0.9;

/// A people network of `nodes` nodes and `edges` ties (fewer if `nodes` < 2),
/// and its residents' ids in "finish" order.
///
/// # Example
/// ```
/// let (net, order) = weave::core::playback::generate::people(2000, 6000, 1);
/// assert_eq!((net.nodes.len(), net.edges.len()), (2000, 6000));
/// assert_eq!(order.len(), 286);
/// ```
pub fn people(nodes: usize, edges: usize, seed: u64) -> (Network, Vec<String>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut net = Network::new(true);
    let mut order = Vec::new();
    for i in 0..nodes {
        let resident = i % RESIDENT_EVERY == 0;
        let mut attrs = Attrs::new();
        attrs.insert(KIND_ATTR.into(), AttrValue::Str(KIND_PERSON.into()));
        let role = if resident { ROLE_RESIDENT } else { ROLE_NAMED };
        attrs.insert(ROLE_ATTR.into(), AttrValue::Str(role.into()));
        let id = if resident {
            format!("r:{i}")
        } else {
            format!("a:{i}")
        };
        if resident {
            order.push(id.clone());
        }
        net.add_node(id, None, attrs);
    }
    if nodes < 2 {
        return (net, order);
    }
    let communities = nodes.div_ceil(COMMUNITY);
    const TYPES: [&str; 6] = ["family", "friend", "neighbour", "work", "service", "knows"];
    let residents: Vec<Vec<usize>> = (0..communities)
        .map(|c| {
            let hi = ((c + 1) * COMMUNITY).min(nodes);
            (c * COMMUNITY..hi)
                .filter(|v| v % RESIDENT_EVERY == 0)
                .collect()
        })
        .collect();
    for _ in 0..edges {
        // Ties start at a resident, as residents draw them.
        let c = rng.random_range(0..communities);
        let lo = c * COMMUNITY;
        let hi = ((c + 1) * COMMUNITY).min(nodes);
        let residents = &residents[c];
        let s = residents
            .get(rng.random_range(0..residents.len().max(1)))
            .copied()
            .unwrap_or(lo);
        let mut t = if rng.random_bool(INSIDE) {
            rng.random_range(lo..hi)
        } else {
            rng.random_range(0..nodes)
        };
        if t == s {
            t = (s + 1) % nodes;
        }
        let mut attrs = Attrs::new();
        let kind = TYPES[rng.random_range(0..TYPES.len())];
        attrs.insert(TYPE_ATTR.into(), AttrValue::Str(kind.into()));
        net.add_edge(s, t, 1.0, attrs);
    }
    (net, order)
}
