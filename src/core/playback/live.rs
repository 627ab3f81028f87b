//! ForceAtlas2 as the play-back runs it: a few iterations at a time between
//! frames, on a graph that changes while it runs. Positions belong to node
//! ids, so when a response arrives (or the analysis refines the scene) every
//! node already on screen stays where it is and newcomers start beside their
//! neighbours ([`initial_positions`]).

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
    /// their position; new ones start next to laid-out neighbours.
    ///
    /// # Complexity
    /// O((n + m) · k), k the longest chain of new nodes (see [`initial_positions`]).
    pub fn set_scene(&mut self, scene: &Scene) {
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
        let unchanged = previous.iter().all(Option::is_some) && old.len() == previous.len();
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
        let edges = LayoutEdges::new(pairs, Some(weights));
        let (x, y) = initial_positions(&previous, &edges, SEED);
        let same_graph = unchanged && edges == self.edges;
        self.nodes = LayoutNodes::new(x, y, &edges);
        self.edges = edges;
        self.ids = scene.nodes.iter().map(|n| n.id.clone()).collect();
        self.settings = settings_for(self.ids.len());
        if !same_graph {
            self.iterations = 0;
        }
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
