//! Both events' networks laid over each other: the current event's people
//! and places networks, plus whatever only the earlier event had, under the
//! current ids where [`Identity`] found someone again. Each node and tie is
//! marked kept, new or gone, so the play-back can fade between the two.

use super::identity::Identity;
use crate::core::analysis::build::ROLE_ATTR;
use crate::core::analysis::{people_network, people_places_network};
use crate::core::model::Community;
use crate::core::network::{AttrValue, Network};
use crate::core::playback::scene::finish_order;
use std::collections::{BTreeMap, BTreeSet};

/// Which event a node or tie belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Presence {
    /// Only in the earlier event: gone since.
    Earlier,
    /// In both: kept.
    Both,
    /// Only in the current event: new.
    Current,
}

impl Presence {
    fn with_earlier(self) -> Presence {
        match self {
            Presence::Current | Presence::Both => Presence::Both,
            Presence::Earlier => Presence::Earlier,
        }
    }
}

/// The two events over each other.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    /// People network: the current one plus the earlier event's own nodes and ties.
    pub people: Network,
    /// Two-mode people–places network, likewise.
    pub places: Network,
    nodes: BTreeMap<String, Presence>,
    ties: BTreeMap<(String, String), Presence>,
    /// Current residents' node ids in the order their maps were finished.
    pub order: Vec<String>,
    /// Earlier-only nodes in the order the earlier event met them.
    pub gone_order: Vec<String>,
    /// The earlier event's name and date, for the caption.
    pub earlier_name: String,
    pub earlier_date: String,
}

/// A tie's key: its two ends, in order.
fn key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

impl Overlay {
    /// Lays `earlier` under `current`.
    ///
    /// # Complexity
    /// O((n + m) log n) over both events' networks, after [`Identity::between`].
    pub fn new(earlier: &Community, current: &Community, identity: &Identity) -> Overlay {
        let (people_now, places_now) = (people_network(current), people_places_network(current));
        let taken: BTreeSet<String> = people_now
            .nodes
            .iter()
            .chain(&places_now.nodes)
            .map(|n| n.id.clone())
            .collect();
        let rename = |id: &str| match identity.current_of(id) {
            Some(now) => now.to_string(),
            None if taken.contains(id) => format!("was:{id}"),
            None => id.to_string(),
        };
        let mut o = Overlay {
            order: finish_order(current)
                .iter()
                .map(|r| format!("r:{}", r.id))
                .collect(),
            earlier_name: earlier.event.name.clone(),
            earlier_date: earlier.event.date.clone(),
            ..Overlay::default()
        };
        o.people = o.lay(people_now, &people_network(earlier), &rename);
        o.places = o.lay(places_now, &people_places_network(earlier), &rename);
        o
    }

    /// The current network with the earlier one's own nodes and ties added.
    fn lay(&mut self, now: Network, then: &Network, rename: &dyn Fn(&str) -> String) -> Network {
        let mut net = now;
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for (i, n) in net.nodes.iter().enumerate() {
            index.insert(n.id.clone(), i);
            self.nodes.entry(n.id.clone()).or_insert(Presence::Current);
        }
        for e in &net.edges {
            let k = key(&net.nodes[e.source].id, &net.nodes[e.target].id);
            self.ties.entry(k).or_insert(Presence::Current);
        }
        let mut local = Vec::with_capacity(then.nodes.len());
        for n in &then.nodes {
            let id = rename(&n.id);
            let i = match index.get(&id) {
                Some(&i) => i,
                None => {
                    let i = net.add_node(id.clone(), n.label.clone(), n.attrs.clone());
                    index.insert(id.clone(), i);
                    i
                }
            };
            match self.nodes.get_mut(&id) {
                Some(p) => *p = p.with_earlier(),
                None => {
                    self.nodes.insert(id.clone(), Presence::Earlier);
                    self.gone_order.push(id);
                }
            }
            local.push(i);
        }
        for e in &then.edges {
            let (Some(&s), Some(&t)) = (local.get(e.source), local.get(e.target)) else {
                continue;
            };
            if s == t {
                continue;
            }
            let k = key(&net.nodes[s].id, &net.nodes[t].id);
            match self.ties.get_mut(&k) {
                Some(p) => *p = p.with_earlier(),
                None => {
                    self.ties.insert(k, Presence::Earlier);
                    net.add_edge(s, t, e.weight, e.attrs.clone());
                }
            }
        }
        net
    }

    /// Where a node (by overlay id) belongs; unknown ids count as new.
    pub fn node(&self, id: &str) -> Presence {
        self.nodes.get(id).copied().unwrap_or(Presence::Current)
    }

    /// Where the tie between two nodes belongs; unknown ties count as new.
    pub fn tie(&self, a: &str, b: &str) -> Presence {
        self.ties
            .get(&key(a, b))
            .copied()
            .unwrap_or(Presence::Current)
    }

    /// Every node with where it belongs.
    pub fn nodes(&self) -> impl Iterator<Item = (&str, Presence)> {
        self.nodes.iter().map(|(k, p)| (k.as_str(), *p))
    }

    /// Every tie (its two ends) with where it belongs.
    pub fn ties(&self) -> impl Iterator<Item = (&str, &str, Presence)> {
        self.ties
            .iter()
            .map(|((a, b), p)| (a.as_str(), b.as_str(), *p))
    }

    /// The people network's nodes with their role (resident or named).
    pub fn people_roles(&self) -> impl Iterator<Item = (&str, Option<&str>, Presence)> {
        self.people.nodes.iter().map(|n| {
            let role = n.attrs.get(ROLE_ATTR).and_then(AttrValue::as_str);
            (n.id.as_str(), role, self.node(&n.id))
        })
    }
}
