//! The "Between two events" timeline: the earlier event's picture first,
//! then the current one. Everyone kept stays where they are (one layout
//! holds both events, so nobody moves when the other event's people come
//! or go); people and ties gone since fade out over the first part, new
//! ones fade and grow in over the rest, in the order this event's maps were
//! finished. Pure: the engine styles the whole overlay as usual and
//! [`Between::apply`] then hides, fades and shrinks what the step says.

use super::scene::{Scene, SceneOptions};
use super::style::{EdgeBatch, EdgeLook, NodeBatch, NodeLook, Styles};
use crate::core::compare::{Overlay, Presence};
use std::collections::BTreeMap;

/// Steps from the earlier picture (0) to the current one.
pub const BETWEEN_STEPS: u32 = 120;
/// Steps one node or tie takes to fade in or out.
const FADE: f64 = 12.0;
/// The last of the earlier event's own people has gone by this step.
const GONE_BY: f64 = 48.0;
/// The first new person starts to appear at this step.
const NEW_FROM: f64 = 24.0;
/// Fading is drawn in this many strengths, so batches stay few.
const LEVELS: f64 = 6.0;
/// A node growing in starts at this share of its radius.
const GROW_FROM: f32 = 0.35;

/// When a node or tie is on screen: fading in from `appear`, fully out at `vanish`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Life {
    appear: f64,
    vanish: f64,
}

impl Life {
    const ALWAYS: Life = Life {
        appear: f64::NEG_INFINITY,
        vanish: f64::INFINITY,
    };

    /// 0 (not drawn) to 1 (fully drawn) at `step`.
    fn strength(self, step: f64) -> f64 {
        let fade_in = ((step - self.appear) / FADE).clamp(0.0, 1.0);
        let fade_out = ((self.vanish - step) / FADE).clamp(0.0, 1.0);
        fade_in.min(fade_out)
    }

    fn within(self, other: Life) -> Life {
        Life {
            appear: self.appear.max(other.appear),
            vanish: self.vanish.min(other.vanish),
        }
    }
}

/// When each node and tie of an overlay's scene comes and goes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Between {
    nodes: Vec<Life>,
    edges: Vec<Life>,
    /// New nodes grow in (gone ones shrink away): their radius follows their strength.
    grows: Vec<bool>,
}

/// The scene of an overlay: both events' people and places, communities
/// found on the two together (no path metrics: it is built on the main
/// thread), shown under the facilitator's choice of names like any scene.
pub fn overlay_scene(o: &Overlay, options: &SceneOptions) -> Scene {
    Scene::from_networks(&o.people, Some(&o.places), &o.order, options)
}

/// Where in a window of steps the `k`-th of `n` falls.
fn spread(k: usize, n: usize, from: f64, to: f64) -> f64 {
    from + (to - from) * (k as f64 / n.max(1) as f64)
}

impl Between {
    /// The timing of `scene` (built by [`overlay_scene`] from `o`).
    ///
    /// # Complexity
    /// O((n + m) log n).
    pub fn new(scene: &Scene, o: &Overlay) -> Between {
        let gone_rank: BTreeMap<&str, usize> = o
            .gone_order
            .iter()
            .enumerate()
            .map(|(k, id)| (id.as_str(), k))
            .collect();
        let steps = scene.steps;
        let last_new = f64::from(BETWEEN_STEPS) - FADE;
        let new_at = |since: u32| spread(since as usize, steps as usize, NEW_FROM, last_new);
        let gone_at = |k: usize, n: usize| spread(k, n, FADE, GONE_BY);
        let mut grows = Vec::with_capacity(scene.nodes.len());
        let nodes: Vec<Life> = scene
            .nodes
            .iter()
            .map(|n| {
                let p = o.node(&n.id);
                grows.push(p != Presence::Both);
                match p {
                    Presence::Both => Life::ALWAYS,
                    Presence::Current => Life {
                        appear: new_at(n.since),
                        vanish: f64::INFINITY,
                    },
                    Presence::Earlier => Life {
                        appear: f64::NEG_INFINITY,
                        vanish: gone_at(
                            gone_rank.get(n.id.as_str()).copied().unwrap_or(0),
                            gone_rank.len(),
                        ),
                    },
                }
            })
            .collect();
        let presence: Vec<Presence> = scene
            .edges
            .iter()
            .map(|e| {
                let (a, b) = (e.source as usize, e.target as usize);
                o.tie(&scene.nodes[a].id, &scene.nodes[b].id)
            })
            .collect();
        let gone_ties = presence.iter().filter(|p| **p == Presence::Earlier).count();
        let mut k = 0;
        let edges = scene
            .edges
            .iter()
            .zip(&presence)
            .map(|(e, p)| {
                let ends = nodes[e.source as usize].within(nodes[e.target as usize]);
                match p {
                    Presence::Both => ends,
                    Presence::Current => ends.within(Life {
                        appear: new_at(e.since),
                        vanish: f64::INFINITY,
                    }),
                    Presence::Earlier => {
                        k += 1;
                        ends.within(Life {
                            appear: f64::NEG_INFINITY,
                            vanish: gone_at(k - 1, gone_ties),
                        })
                    }
                }
            })
            .collect();
        Between {
            nodes,
            edges,
            grows,
        }
    }

    /// How strongly node `i` is drawn at `step` (0 to 1).
    pub fn node_strength(&self, i: usize, step: u32) -> f64 {
        self.nodes
            .get(i)
            .map_or(0.0, |l| l.strength(f64::from(step)))
    }

    /// Hides, fades and shrinks `st` (the styles of the whole overlay) to
    /// what `step` shows.
    pub fn apply(&self, st: &mut Styles, step: u32) {
        let t = f64::from(step.min(BETWEEN_STEPS));
        let level =
            |life: Option<&Life>| (life.map_or(0.0, |l| l.strength(t)) * LEVELS).round() as u8;
        let full = LEVELS as u8;
        let node_level: Vec<u8> = (0..self.nodes.len())
            .map(|i| level(self.nodes.get(i)))
            .collect();
        for (i, r) in st.radius.iter_mut().enumerate() {
            let q = node_level.get(i).copied().unwrap_or(0);
            if self.grows.get(i).copied().unwrap_or(false) && q < full {
                *r *= GROW_FROM + (1.0 - GROW_FROM) * f32::from(q) / f32::from(full);
            }
        }
        let nodes = split_by_level(
            std::mem::take(&mut st.node_batches),
            |b| (b.look.alpha, b.nodes.as_slice()),
            |i| node_level.get(i as usize).copied().unwrap_or(0),
            |b, alpha, nodes| NodeBatch {
                look: NodeLook { alpha, ..b.look },
                nodes,
            },
        );
        let edges = split_by_level(
            std::mem::take(&mut st.edge_batches),
            |b| (b.look.alpha, b.edges.as_slice()),
            |k| level(self.edges.get(k as usize)),
            |b, alpha, edges| EdgeBatch {
                look: EdgeLook { alpha, ..b.look },
                edges,
            },
        );
        st.labels
            .retain(|&i| node_level.get(i as usize).copied().unwrap_or(0) > 0);
        st.visible_nodes = nodes.iter().map(|b| b.nodes.len()).sum();
        st.visible_edges = edges.iter().map(|b| b.edges.len()).sum();
        st.node_batches = nodes;
        st.edge_batches = edges;
    }
}

/// Splits each batch by the fade level of its members (dropping level 0,
/// not drawn), so a batch's members share one alpha: the batch's own,
/// scaled by their level. Node and tie batches have the same shape but
/// different members, so the caller says how to read and rebuild one.
fn split_by_level<B>(
    batches: Vec<B>,
    members: impl Fn(&B) -> (u8, &[u32]),
    level_of: impl Fn(u32) -> u8,
    rebuild: impl Fn(&B, u8, Vec<u32>) -> B,
) -> Vec<B> {
    let mut out = Vec::with_capacity(batches.len());
    for b in &batches {
        let (alpha, of) = members(b);
        let mut by_level: BTreeMap<u8, Vec<u32>> = BTreeMap::new();
        for &m in of {
            let q = level_of(m);
            if q > 0 {
                by_level.entry(q).or_default().push(m);
            }
        }
        for (q, group) in by_level {
            out.push(rebuild(b, scaled(alpha, q), group));
        }
    }
    out
}

/// An alpha at `q` of [`LEVELS`] strength.
fn scaled(alpha: u8, q: u8) -> u8 {
    (f64::from(alpha) * f64::from(q) / LEVELS).round() as u8
}
