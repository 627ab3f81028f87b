//! The play-back layout as a job for the web worker, in pure Rust: its input
//! (a graph and starting positions the main thread already carried over by
//! id), its output (positions, streamed), and the task that advances it a
//! bounded slice at a time so the worker reads new requests in between.
//! The worker glue only moves these values; see `core::jobs` for the
//! protocol (a new graph on the layout lane supersedes the running one).
//!
//! Positions carry the graph's `generation`: the main thread ignores
//! positions of a graph it has since replaced, so a response arriving
//! mid-layout never makes the picture jump.

use super::live::LiveLayout;
use crate::core::layout::forceatlas2::LayoutEdges;
use serde::{Deserialize, Serialize};

/// Lay out this graph from these positions (packed like the positions
/// that come back, see `core::packed`: posting 2,000 people's graph as
/// decimal text held the page for a frame or two).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutInput {
    pub generation: u64,
    #[serde(with = "crate::core::packed")]
    pub x: Vec<f64>,
    #[serde(with = "crate::core::packed")]
    pub y: Vec<f64>,
    pub edges: LayoutEdges,
}

/// What the main thread asks of the layout worker.
#[derive(Debug, Clone, PartialEq)]
pub enum LayoutRequest {
    /// Lay out a new graph (superseding the one running).
    Graph(LayoutInput),
    /// Stop iterating.
    Stop,
}

/// Positions streamed back while the layout runs. The coordinates travel
/// as packed little-endian `f32` bytes (base64 in the worker's JSON
/// message): the main thread decodes 20,000 positions in well under a
/// millisecond instead of parsing 40,000 decimal numbers (tens of ms, the
/// largest cost of a frame in the profile while the layout ran).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutUpdate {
    pub generation: u64,
    #[serde(with = "crate::core::packed")]
    pub x: Vec<f32>,
    #[serde(with = "crate::core::packed")]
    pub y: Vec<f32>,
    /// Iterations over this graph's life in the worker.
    pub iterations: u64,
    /// No further iterations will run for this graph.
    pub resting: bool,
}

/// Work units per step (see [`iterations_per_step`]): a step of a few tens
/// of milliseconds in the browser, so updates arrive about as often as
/// frames are drawn without flooding the page with messages.
const STEP_WORK: f64 = 250_000.0;
/// Iterations per step at most (tiny graphs).
const MAX_ITERATIONS_PER_STEP: usize = 40;

/// Iterations per step for a graph of `n` nodes and `m` ties: one
/// Barnes–Hut iteration costs about n·log₂n for repulsion plus m for
/// attraction, so a step holds [`STEP_WORK`] of that (at least one).
pub fn iterations_per_step(n: usize, m: usize) -> usize {
    let n = n.max(1) as f64;
    let cost = n * (n.log2() + 1.0) + 2.0 * m as f64;
    ((STEP_WORK / cost).floor() as usize).clamp(1, MAX_ITERATIONS_PER_STEP)
}

/// Steps of a new graph's layout that rest beside the picture on a small
/// machine (see `core::jobs::Pace`): its first half second or so, while
/// the play-back's first pictures, its analysis and the layout all start
/// at once. Later steps run flat out: resting for the whole layout took
/// 20,000 people from 8 to 15 s to settle, for frames they did not need.
pub const PACED_STEPS: usize = 30;

/// A layout in progress in the worker.
#[derive(Debug)]
pub struct LayoutTask {
    generation: u64,
    live: LiveLayout,
    per_step: usize,
    /// Steps run so far.
    steps: usize,
}

impl LayoutTask {
    pub fn new(input: LayoutInput) -> LayoutTask {
        let per_step = iterations_per_step(input.x.len(), input.edges.len());
        LayoutTask {
            generation: input.generation,
            live: LiveLayout::from_graph(input.x, input.y, input.edges),
            per_step,
            steps: 0,
        }
    }

    /// True while the layout is in its first [`PACED_STEPS`] steps.
    pub fn is_starting(&self) -> bool {
        self.steps < PACED_STEPS
    }

    /// Runs one slice of iterations and returns the positions, and whether
    /// more iterations remain.
    pub fn advance(&mut self) -> (LayoutUpdate, bool) {
        self.steps += 1;
        self.live.step(self.per_step);
        let (x, y) = self.live.positions_f32();
        let resting = self.live.is_resting();
        let update = LayoutUpdate {
            generation: self.generation,
            x,
            y,
            iterations: self.live.iterations,
            resting,
        };
        (update, !resting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::playback::generate;
    use crate::core::playback::scene::SceneOptions;
    use crate::core::playback::Scene;

    fn input(generation: u64, n: usize) -> LayoutInput {
        let (net, order) = generate::people(n, n * 3, 1);
        let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
        let mut live = LiveLayout::new();
        live.set_scene(&scene);
        LayoutInput {
            generation,
            x: live.x().to_vec(),
            y: live.y().to_vec(),
            edges: live.edges().clone(),
        }
    }

    #[test]
    fn a_graph_runs_until_it_rests_and_reports_its_generation() {
        let mut task = LayoutTask::new(input(7, 120));
        let (first, more) = task.advance();
        assert!(more);
        assert_eq!(first.generation, 7);
        assert_eq!(first.x.len(), 120);
        assert_eq!(first.iterations, task.per_step as u64);
        let mut last = first;
        for _ in 0..500 {
            let (u, more) = task.advance();
            last = u;
            if !more {
                break;
            }
        }
        assert!(last.resting, "{} iterations", last.iterations);
        assert!(last.x.iter().chain(&last.y).all(|v| v.is_finite()));
    }

    #[test]
    fn positions_travel_packed_and_round_trip_exactly() {
        let u = LayoutUpdate {
            generation: 3,
            x: vec![0.0, -1.5, f32::MAX, 1e-30, 123.456],
            y: vec![7.0, f32::MIN, 0.1, -0.0, 9.75],
            iterations: 12,
            resting: false,
        };
        let text = serde_json::to_string(&u).expect("encodes");
        assert!(!text.contains("123.456"), "{text}");
        let back: LayoutUpdate = serde_json::from_str(&text).expect("decodes");
        assert_eq!(back, u);
        let bad = text.replacen("\"x\":\"", "\"x\":\"A", 1);
        assert!(serde_json::from_str::<LayoutUpdate>(&bad).is_err());
    }

    #[test]
    fn steps_shrink_as_graphs_grow() {
        assert_eq!(iterations_per_step(10, 20), MAX_ITERATIONS_PER_STEP);
        assert!(iterations_per_step(1052, 1457) >= 10);
        assert!((3..=10).contains(&iterations_per_step(2000, 6000)));
        assert_eq!(iterations_per_step(20_000, 60_000), 1);
        assert_eq!(iterations_per_step(0, 0), MAX_ITERATIONS_PER_STEP);
    }

    #[test]
    fn inputs_survive_the_trip_as_json() {
        let i = input(3, 50);
        let back: LayoutInput =
            serde_json::from_str(&serde_json::to_string(&i).expect("json")).expect("json");
        assert_eq!(back, i);
    }
}
