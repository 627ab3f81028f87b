//! ForceAtlas2 as the play-back runs it: a few iterations at a time, on a
//! graph that changes while it runs. Positions belong to node ids, so when a
//! response arrives (or the analysis refines the scene) every node already
//! on screen stays where it is and newcomers start beside their neighbours
//! ([`initial_positions`]).
//!
//! The layout worker runs a [`LiveLayout`] made with
//! [`LiveLayout::from_graph`] and streams its positions back; the main
//! thread keeps its own [`LiveLayout`] only to carry positions across scene
//! changes ([`LiveLayout::set_positions`] takes what the worker sent) and
//! [`ease`]s what is on screen towards them, so the picture glides even
//! when a large network's iterations arrive a few times a second.

use super::scene::{Scene, TieKind};
use crate::core::layout::forceatlas2::{
    initial_positions, iterate, ForceAtlas2Settings, LayoutEdges, LayoutNodes,
};
use std::collections::HashMap;

/// Visits pull on people this much less than ties between people do: places
/// settle among their visitors without squeezing the people network.
const VISIT_WEIGHT: f64 = 0.25;
/// After this many iterations since the last change the layout rests.
const MAX_ITERATIONS: u64 = 1500;
/// Below this mean move, relative to the picture's size, it rests early.
const REST_MOTION: f64 = 0.0004;
/// Iterations always run after a change before resting early.
const MIN_ITERATIONS: u64 = 120;
const SEED: u64 = 2026;

/// Above this many nodes repulsion uses Barnes–Hut: exact repulsion is
/// O(n²) per iteration, about 50 ms natively at 2,000 nodes, too slow for
/// a frame; graphology's `inferSettings` switches only at 2,000.
const BARNES_HUT_FROM: usize = 400;

/// ForceAtlas2's inferred settings, with Barnes–Hut from [`BARNES_HUT_FROM`].
pub fn settings_for(n: usize) -> ForceAtlas2Settings {
    let mut s = ForceAtlas2Settings::infer(n);
    if n > BARNES_HUT_FROM {
        s.barnes_hut_optimize = true;
    }
    s
}

/// A force layout that keeps its positions across graph changes.
#[derive(Debug, Clone, Default)]
pub struct LiveLayout {
    ids: Vec<String>,
    nodes: LayoutNodes,
    edges: LayoutEdges,
    settings: ForceAtlas2Settings,
    /// Iterations since the graph last changed.
    pub iterations: u64,
    /// Iterations over the layout's whole life.
    pub total_iterations: u64,
    motion: f64,
}

impl LiveLayout {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adopts the scene's graph. Nodes whose id was laid out before keep
    /// their position; new ones start next to laid-out neighbours. The same
    /// graph again (the analysis refining a scene: same ids in the same
    /// order, same ties) changes nothing and costs one pass over it.
    ///
    /// Returns false when the graph (ids and ties) did not change.
    ///
    /// # Complexity
    /// O((n + m) · k), k the longest chain of new nodes (see [`initial_positions`]).
    pub fn set_scene(&mut self, scene: &Scene) -> bool {
        let edges = layout_edges(scene);
        let same_ids = self.ids.len() == scene.nodes.len()
            && self.ids.iter().zip(&scene.nodes).all(|(id, n)| *id == n.id);
        if same_ids && edges == self.edges && self.nodes.len() == self.ids.len() {
            return false;
        }
        let old: HashMap<&str, (f64, f64)> = self
            .ids
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                Some((id.as_str(), (*self.nodes.x.get(i)?, *self.nodes.y.get(i)?)))
            })
            .collect();
        let previous: Vec<Option<(f64, f64)>> = scene
            .nodes
            .iter()
            .map(|n| old.get(n.id.as_str()).copied())
            .collect();
        let (x, y) = initial_positions(&previous, &edges, SEED);
        self.nodes = LayoutNodes::new(x, y, &edges);
        self.edges = edges;
        self.ids = scene.nodes.iter().map(|n| n.id.clone()).collect();
        self.settings = settings_for(self.ids.len());
        self.iterations = 0;
        true
    }

    /// A layout of a given graph from given positions (the worker's side:
    /// the main thread already carried positions over by id).
    pub fn from_graph(x: Vec<f64>, y: Vec<f64>, edges: LayoutEdges) -> LiveLayout {
        let n = x.len().min(y.len());
        let (mut x, mut y) = (x, y);
        x.truncate(n);
        y.truncate(n);
        LiveLayout {
            ids: Vec::new(),
            nodes: LayoutNodes::new(x, y, &edges),
            settings: settings_for(n),
            edges,
            iterations: 0,
            total_iterations: 0,
            motion: 0.0,
        }
    }

    /// The graph the layout runs on.
    pub fn edges(&self) -> &LayoutEdges {
        &self.edges
    }

    /// Takes positions computed elsewhere (the worker); ignored unless there
    /// is one finite pair per node. Returns whether they were taken.
    pub fn set_positions(&mut self, x: &[f32], y: &[f32]) -> bool {
        let n = self.nodes.len();
        if x.len() != n || y.len() != n {
            return false;
        }
        if !x.iter().chain(y).all(|v| v.is_finite()) {
            return false;
        }
        for (to, from) in self.nodes.x.iter_mut().zip(x) {
            *to = f64::from(*from);
        }
        for (to, from) in self.nodes.y.iter_mut().zip(y) {
            *to = f64::from(*from);
        }
        true
    }

    /// Positions as f32 pairs, for sending to the main thread.
    pub fn positions_f32(&self) -> (Vec<f32>, Vec<f32>) {
        (
            self.nodes.x.iter().map(|&v| v as f32).collect(),
            self.nodes.y.iter().map(|&v| v as f32).collect(),
        )
    }

    /// The node ids, in scene order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Runs `count` iterations (none once resting); returns the last mean move.
    pub fn step(&mut self, count: usize) -> f64 {
        for _ in 0..count {
            if self.is_resting() {
                break;
            }
            self.motion = iterate(&self.settings, &mut self.nodes, &self.edges);
            self.iterations += 1;
            self.total_iterations += 1;
        }
        self.motion
    }

    /// True when further iterations would hardly change the picture.
    pub fn is_resting(&self) -> bool {
        if self.nodes.is_empty() || self.iterations >= MAX_ITERATIONS {
            return true;
        }
        self.iterations >= MIN_ITERATIONS && self.motion < REST_MOTION * self.extent()
    }

    /// Starts iterating again (e.g. after the user asks the picture to settle).
    pub fn wake(&mut self) {
        self.iterations = 0;
    }

    fn extent(&self) -> f64 {
        let span = |v: &[f64]| {
            let (lo, hi) = v
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &a| {
                    (lo.min(a), hi.max(a))
                });
            if hi >= lo {
                hi - lo
            } else {
                0.0
            }
        };
        span(&self.nodes.x).hypot(span(&self.nodes.y))
    }

    pub fn x(&self) -> &[f64] {
        &self.nodes.x
    }

    pub fn y(&self) -> &[f64] {
        &self.nodes.y
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// The scene's ties as the layout weighs them (visits lighter, see
/// [`VISIT_WEIGHT`]).
fn layout_edges(scene: &Scene) -> LayoutEdges {
    let pairs: Vec<(u32, u32)> = scene.edges.iter().map(|e| (e.source, e.target)).collect();
    let weights = scene
        .edges
        .iter()
        .map(|e| {
            if e.kind == TieKind::Visit {
                VISIT_WEIGHT
            } else {
                1.0
            }
        })
        .collect();
    LayoutEdges::new(pairs, Some(weights))
}

/// The positions of `new_ids` taken from `(old_ids, x, y)` where the id was
/// there before, else from `fallback` (same length as `new_ids`).
pub fn carry_over(
    old_ids: &[String],
    x: &[f64],
    y: &[f64],
    new_ids: &[String],
    fallback: (&[f64], &[f64]),
) -> (Vec<f64>, Vec<f64>) {
    let old: HashMap<&str, (f64, f64)> = old_ids
        .iter()
        .zip(x.iter().zip(y))
        .map(|(id, (&a, &b))| (id.as_str(), (a, b)))
        .collect();
    new_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            old.get(id.as_str()).copied().unwrap_or((
                fallback.0.get(i).copied().unwrap_or(0.0),
                fallback.1.get(i).copied().unwrap_or(0.0),
            ))
        })
        .unzip()
}

/// The glide's time constant: positions arrive every few frames for small
/// networks, a few times a second for the largest.
pub const EASE_MS: f64 = 120.0;
/// Moves below this (world units) finish at once, so easing comes to rest.
const SNAP: f64 = 1e-3;

/// Moves what is shown a share of the way towards the layout's positions:
/// `1 - e^(-dt/τ)` with τ = [`EASE_MS`], so the glide is the same at any
/// frame rate. Returns the largest distance left before the move (world
/// units); 0 means everything was already at rest.
pub fn ease(shown: (&mut [f64], &mut [f64]), target: (&[f64], &[f64]), dt_ms: f64) -> f64 {
    let t = if dt_ms.is_finite() && dt_ms > 0.0 {
        1.0 - (-dt_ms / EASE_MS).exp()
    } else {
        0.0
    };
    let mut most: f64 = 0.0;
    let pairs = shown
        .0
        .iter_mut()
        .zip(target.0)
        .chain(shown.1.iter_mut().zip(target.1));
    for (s, g) in pairs {
        let d = g - *s;
        if !d.is_finite() || d.abs() < SNAP {
            *s = *g;
        } else {
            *s += d * t;
        }
        most = most.max(if d.is_finite() { d.abs() } else { 0.0 });
    }
    most
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::playback::generate;
    use crate::core::playback::scene::SceneOptions;

    #[test]
    fn the_same_graph_again_changes_nothing_and_a_new_node_joins_beside_the_others() {
        let (net, order) = generate::people(120, 300, 1);
        let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
        let mut live = LiveLayout::new();
        assert!(live.set_scene(&scene));
        live.step(20);
        let (x, y) = (live.x().to_vec(), live.y().to_vec());
        // A refined analysis: another scene value of the same graph.
        let again = scene.clone();
        assert!(!live.set_scene(&again));
        assert_eq!((live.x(), live.y()), (&x[..], &y[..]));
        assert_eq!(live.iterations, 20);
        // One more node, tied to node 0: everyone else stays put.
        let mut grown = scene.clone();
        let mut newcomer = grown.nodes[0].clone();
        newcomer.id = "r:newcomer".into();
        grown.nodes.push(newcomer);
        let mut tie = grown.edges[0];
        (tie.source, tie.target) = (0, grown.nodes.len() as u32 - 1);
        grown.edges.push(tie);
        assert!(live.set_scene(&grown));
        assert_eq!(&live.x()[..120], &x[..]);
        assert_eq!(live.iterations, 0);
        assert!(live.x()[120].is_finite() && live.y()[120].is_finite());
    }

    #[test]
    fn positions_carry_over_by_id() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (x, y) = carry_over(
            &ids(&["a", "b"]),
            &[1.0, 2.0],
            &[10.0, 20.0],
            &ids(&["b", "c", "a"]),
            (&[7.0, 8.0, 9.0], &[70.0, 80.0, 90.0]),
        );
        assert_eq!(x, vec![2.0, 8.0, 1.0]);
        assert_eq!(y, vec![20.0, 80.0, 10.0]);
    }

    #[test]
    fn easing_glides_and_comes_to_rest() {
        let (mut x, mut y) = (vec![0.0, 5.0], vec![0.0, 5.0]);
        let left = ease((&mut x, &mut y), (&[10.0, 5.0], &[0.0, 5.0]), EASE_MS);
        assert_eq!(left, 10.0);
        assert!((x[0] - 10.0 * (1.0 - (-1.0f64).exp())).abs() < 1e-9);
        for _ in 0..200 {
            ease((&mut x, &mut y), (&[10.0, 5.0], &[0.0, 5.0]), 16.0);
        }
        assert_eq!(x[0], 10.0);
        assert_eq!(
            ease((&mut x, &mut y), (&[10.0, 5.0], &[0.0, 5.0]), 16.0),
            0.0
        );
        // No time passed: nothing moves.
        let mut z = vec![0.0];
        ease((&mut z, &mut [0.0]), (&[1.0], &[1.0]), 0.0);
        assert_eq!(z[0], 0.0);
    }

    #[test]
    fn a_worker_layout_from_the_main_threads_graph_matches_a_local_one() {
        let (net, order) = generate::people(200, 600, 1);
        let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
        let mut local = LiveLayout::new();
        local.set_scene(&scene);
        let mut remote = LiveLayout::from_graph(
            local.x().to_vec(),
            local.y().to_vec(),
            local.edges().clone(),
        );
        local.step(30);
        remote.step(30);
        assert_eq!(local.x(), remote.x());
        // What the worker sends back is taken as the main thread's positions.
        let (x, y) = remote.positions_f32();
        let mut main = LiveLayout::new();
        main.set_scene(&scene);
        assert!(main.set_positions(&x, &y));
        assert!((main.x()[3] - remote.x()[3]).abs() < 1e-2);
        assert!(!main.set_positions(&x[1..], &y[1..]));
    }
}
