//! Pseudonymised exports: stable random ids, no names, no free text, so a
//! network can leave the event (to a university, a funder) without naming
//! anyone. Categorical attributes and `kind` stay, so the analysis still works.
//!
//! This is pseudonymisation, not anonymisation: the structure of a small
//! network can still identify people to someone who knows them.

use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, HashSet};

/// Attribute names that identify people or carry free text; always dropped.
pub const IDENTIFYING: &[&str] = &[
    "name",
    "label",
    "id",
    "weave_id",
    "email",
    "phone",
    "address",
    "postcode",
    "note",
    "notes",
    "comment",
    "comments",
    "description",
    "text",
    "withdrawal_code",
];

/// A text attribute with more distinct values than this is free text.
pub const MAX_CATEGORIES: usize = 50;
/// A text value longer than this is free text, not a category.
pub const MAX_CATEGORY_LEN: usize = 60;

/// A pseudonymous copy of `net`.
///
/// # Arguments
/// - `seed`: the secret that makes ids stable: the same id and seed always
///   give the same pseudonym (so two exports can be linked by whoever holds
///   the seed), and without the seed the pseudonyms cannot be reversed.
///
/// # Returns
/// The same network with ids replaced by `x` + 12 hex digits, nodes sorted by
/// new id (so file order reveals nothing), labels removed, identifying and
/// free-text attributes removed (text attributes are kept only when they look
/// categorical: at most [`MAX_CATEGORIES`] distinct short values, at least one
/// shared by two nodes), numbers, booleans and `kind` kept.
///
/// # Complexity
/// O((n + m) log n).
///
/// # Example
/// ```
/// use weave::core::network::Network;
/// use weave::core::formats::pseudonymise;
/// let mut net = Network::new(false);
/// net.add_node("Dave Smith", Some("Dave".into()), Default::default());
/// let p = pseudonymise(&net, 42);
/// assert_ne!(p.nodes[0].id, "Dave Smith");
/// assert_eq!(p.nodes[0].label, None);
/// assert_eq!(p, pseudonymise(&net, 42));
/// ```
pub fn pseudonymise(net: &Network, seed: u64) -> Network {
    let node_keep = categorical(net.nodes.iter().map(|n| &n.attrs));
    let edge_keep = categorical(net.edges.iter().map(|e| &e.attrs));
    let mut used = HashSet::new();
    let ids: Vec<String> = net
        .nodes
        .iter()
        .map(|n| pseudonym(seed, &n.id, &mut used))
        .collect();
    let mut order: Vec<usize> = (0..net.nodes.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let mut new_index = vec![0; net.nodes.len()];
    for (pos, &i) in order.iter().enumerate() {
        new_index[i] = pos;
    }
    let mut out = Network::new(net.directed);
    for &i in &order {
        out.add_node(
            ids[i].clone(),
            None,
            filter(&net.nodes[i].attrs, &node_keep),
        );
    }
    for e in &net.edges {
        if let (Some(&s), Some(&t)) = (new_index.get(e.source), new_index.get(e.target)) {
            out.add_edge(s, t, e.weight, filter(&e.attrs, &edge_keep));
        }
    }
    out.attrs = net
        .attrs
        .iter()
        .filter(|(_, v)| !matches!(v, AttrValue::Str(_)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    out
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A keyed pseudonym: ChaCha8 seeded from the secret seed and the id.
fn pseudonym(seed: u64, id: &str, used: &mut HashSet<String>) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ fnv1a(id));
    loop {
        let candidate = format!("x{:012x}", rng.next_u64() & 0xffff_ffff_ffff);
        if used.insert(candidate.clone()) {
            return candidate;
        }
    }
}

/// Which attribute names survive: non-identifying names whose text values
/// look categorical; numbers and booleans always.
fn categorical<'a>(maps: impl Iterator<Item = &'a Attrs>) -> HashSet<String> {
    let mut text: BTreeMap<&str, (HashSet<&str>, usize, bool)> = BTreeMap::new();
    let mut keep = HashSet::new();
    for attrs in maps {
        for (k, v) in attrs {
            if IDENTIFYING.contains(&k.to_ascii_lowercase().as_str()) {
                continue;
            }
            match v {
                AttrValue::Str(s) => {
                    let e = text.entry(k).or_insert_with(|| (HashSet::new(), 0, true));
                    e.1 += 1;
                    e.2 &= s.chars().count() <= MAX_CATEGORY_LEN;
                    e.0.insert(s);
                }
                _ => {
                    keep.insert(k.clone());
                }
            }
        }
    }
    for (k, (distinct, count, short)) in text {
        let shared = distinct.len() < count;
        if k == KIND_ATTR || (short && shared && distinct.len() <= MAX_CATEGORIES) {
            keep.insert(k.to_owned());
        } else {
            keep.remove(k);
        }
    }
    keep
}

fn filter(attrs: &Attrs, keep: &HashSet<String>) -> Attrs {
    attrs
        .iter()
        .filter(|(k, _)| keep.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net() -> Network {
        let mut n = Network::new(false);
        for (id, area, note) in [
            ("Ann", "East", "likes bingo"),
            ("Bob", "East", "new here"),
            ("Cy", "West", "carer"),
        ] {
            let mut a = Attrs::new();
            a.insert("area".into(), AttrValue::Str(area.into()));
            a.insert("kind".into(), AttrValue::Str("person".into()));
            a.insert("story".into(), AttrValue::Str(note.into()));
            a.insert("age".into(), AttrValue::Int(30));
            a.insert("email".into(), AttrValue::Str("x@y".into()));
            n.add_node(id, Some(id.into()), a);
        }
        n.add_edge(0, 1, 2.0, Attrs::new());
        n.add_edge(1, 2, 1.0, Attrs::new());
        n
    }

    #[test]
    fn removes_names_and_free_text_keeps_categories() {
        let p = pseudonymise(&net(), 7);
        for node in &p.nodes {
            assert!(node.id.starts_with('x') && node.id.len() == 13);
            assert_eq!(node.label, None);
            let keys: Vec<&str> = node.attrs.keys().map(String::as_str).collect();
            assert_eq!(keys, ["age", "area", "kind"]);
        }
        assert_eq!(p.edges.len(), 2);
    }

    #[test]
    fn stable_per_seed_and_structure_preserved() {
        let (a, b, c) = (
            pseudonymise(&net(), 7),
            pseudonymise(&net(), 7),
            pseudonymise(&net(), 8),
        );
        assert_eq!(a, b);
        assert_ne!(a.nodes[0].id, c.nodes[0].id);
        let degree = |n: &Network| {
            let mut d: Vec<usize> = (0..n.nodes.len())
                .map(|i| {
                    n.edges
                        .iter()
                        .filter(|e| e.source == i || e.target == i)
                        .count()
                })
                .collect();
            d.sort();
            d
        };
        assert_eq!(degree(&a), degree(&net()));
    }
}
