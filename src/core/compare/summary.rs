//! What changed between two events, in counts a one-line caption can say:
//! how many residents drew maps, how many people are named for the first
//! time, how many new ties link parts of the earlier network that were
//! apart, how many people are no longer named. Residents are counted apart
//! from named people: no resident's name is kept, so a resident cannot be
//! recognised across events and would otherwise all count as "new". A count
//! below [`MIN_GROUP`] is said as "a few", so no small group is singled out.

use super::overlay::{Overlay, Presence};
use crate::core::analysis::build::{ROLE_NAMED, ROLE_RESIDENT};
use crate::core::analysis::findings::MIN_GROUP;
use std::collections::BTreeMap;

/// The counts behind the caption.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Residents whose map is in the current event.
    pub residents: usize,
    /// Named people only in the current event.
    pub newly_named: usize,
    /// People in both events.
    pub kept: usize,
    /// Named people of the earlier event nobody named this time.
    pub no_longer_named: usize,
    /// Residents of the earlier event whose map is not in this one.
    pub residents_gone: usize,
    /// New ties between people who were both there before, in parts of the
    /// earlier network that no tie joined.
    pub linking_ties: usize,
    /// Ties between people only in the current event / only in the earlier one.
    pub new_ties: usize,
    pub gone_ties: usize,
}

/// One part of the caption: an i18n key and, unless it says "a few", the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub key: &'static str,
    pub count: Option<usize>,
}

/// The caption's frame: "Since {event}: {changes}." (`event`, `changes`).
pub const CAPTION_KEY: &str = "cmp-caption";
/// The caption when nothing changed (`event`).
pub const UNCHANGED_KEY: &str = "cmp-unchanged";
/// Between two clauses.
pub const SEPARATOR_KEY: &str = "cmp-and";
/// Every key the caption can use (the i18n test reads this).
pub const KEYS: [&str; 11] = [
    CAPTION_KEY,
    UNCHANGED_KEY,
    SEPARATOR_KEY,
    "cmp-maps",
    "cmp-maps-few",
    "cmp-named-new",
    "cmp-named-new-few",
    "cmp-linking",
    "cmp-linking-few",
    "cmp-gone",
    "cmp-gone-few",
];

/// Small union–find over node indices.
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

impl Summary {
    /// Counts the changes in an overlay.
    ///
    /// # Complexity
    /// O((n + m) log n) on the overlay's people network.
    pub fn of(o: &Overlay) -> Summary {
        let mut s = Summary::default();
        for (_, role, p) in o.people_roles() {
            match (p, role) {
                (Presence::Current, Some(ROLE_RESIDENT)) => s.residents += 1,
                (Presence::Current, _) => s.newly_named += 1,
                (Presence::Both, _) => s.kept += 1,
                (Presence::Earlier, Some(ROLE_NAMED)) => s.no_longer_named += 1,
                (Presence::Earlier, Some(ROLE_RESIDENT)) => s.residents_gone += 1,
                (Presence::Earlier, _) => {}
            }
        }
        let net = &o.people;
        let presence: Vec<Presence> = net.nodes.iter().map(|n| o.node(&n.id)).collect();
        let tie = |e: &crate::core::network::Edge| {
            o.tie(&net.nodes[e.source].id, &net.nodes[e.target].id)
        };
        // The earlier network's parts.
        let mut parent: Vec<usize> = (0..net.nodes.len()).collect();
        for e in &net.edges {
            if tie(e) != Presence::Current {
                let (a, b) = (root(&mut parent, e.source), root(&mut parent, e.target));
                parent[a] = b;
            }
        }
        let mut seen: BTreeMap<(usize, usize), Presence> = BTreeMap::new();
        for e in &net.edges {
            seen.insert((e.source.min(e.target), e.source.max(e.target)), tie(e));
        }
        for ((a, b), p) in seen {
            match p {
                Presence::Current => {
                    s.new_ties += 1;
                    let before = presence[a] == Presence::Both && presence[b] == Presence::Both;
                    if before && root(&mut parent, a) != root(&mut parent, b) {
                        s.linking_ties += 1;
                    }
                }
                Presence::Earlier => s.gone_ties += 1,
                Presence::Both => {}
            }
        }
        s
    }

    /// The caption's parts, in the order said; empty when nothing changed.
    pub fn clauses(&self) -> Vec<Clause> {
        [
            ("cmp-maps", "cmp-maps-few", self.residents),
            ("cmp-named-new", "cmp-named-new-few", self.newly_named),
            ("cmp-linking", "cmp-linking-few", self.linking_ties),
            ("cmp-gone", "cmp-gone-few", self.no_longer_named),
        ]
        .into_iter()
        .filter(|(_, _, n)| *n > 0)
        .map(|(key, few, n)| {
            if n < MIN_GROUP {
                Clause {
                    key: few,
                    count: None,
                }
            } else {
                Clause {
                    key,
                    count: Some(n),
                }
            }
        })
        .collect()
    }
}
