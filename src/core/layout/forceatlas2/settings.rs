//! ForceAtlas2 tuning, with graphology's defaults and its size-based inference.

use serde::{Deserialize, Serialize};

/// Parameters of one ForceAtlas2 iteration. Defaults follow graphology's
/// `defaults.js`; [`ForceAtlas2Settings::infer`] picks values by graph size the
/// way graphology's `inferSettings` does.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForceAtlas2Settings {
    /// Logarithmic attraction: tighter clusters. Default `false`.
    pub lin_log: bool,
    /// Divides a node's attraction by its mass, pushing hubs to the edges
    /// ("dissuade hubs"). Default `false`.
    pub outbound_attraction_distribution: bool,
    /// Takes node sizes into account so nodes do not overlap. Default `false`.
    pub adjust_sizes: bool,
    /// Exponent applied to edge weights. Default `1.0`; `0.0` ignores weights.
    pub edge_weight_influence: f64,
    /// Repulsion strength: larger spreads the graph out. Default `1.0`.
    pub scaling_ratio: f64,
    /// Gravity that does not weaken with distance, keeping components close.
    /// Default `false`.
    pub strong_gravity: bool,
    /// Pull towards the origin so disconnected parts do not drift away. Default `1.0`.
    pub gravity: f64,
    /// Divides every displacement: higher is slower but steadier. Default `1.0`.
    pub slow_down: f64,
    /// Barnes–Hut approximation of repulsion, O(n log n) instead of O(n²).
    /// Default `false` (small graphs are better exact).
    pub barnes_hut_optimize: bool,
    /// Barnes–Hut accuracy: a region is treated as one body when its width over
    /// its distance is below theta (the classic test; graphology's test is
    /// twice as strict for the same number). Default `0.5`.
    pub barnes_hut_theta: f64,
}

impl Default for ForceAtlas2Settings {
    fn default() -> Self {
        Self {
            lin_log: false,
            outbound_attraction_distribution: false,
            adjust_sizes: false,
            edge_weight_influence: 1.0,
            scaling_ratio: 1.0,
            strong_gravity: false,
            gravity: 1.0,
            slow_down: 1.0,
            barnes_hut_optimize: false,
            barnes_hut_theta: 0.5,
        }
    }
}

impl ForceAtlas2Settings {
    /// Settings suited to a graph of `order` nodes (graphology's `inferSettings`):
    /// Barnes–Hut above 2,000 nodes, strong gravity, a wider scaling and a
    /// slow-down growing with the logarithm of the size. Large graphs also get
    /// theta 1.0 (Gephi uses 1.2): half the cost per iteration on 20,000 nodes,
    /// and the play-back needs frames more than a precise far field.
    pub fn infer(order: usize) -> Self {
        let n = order.max(1) as f64;
        Self {
            barnes_hut_optimize: order > 2000,
            barnes_hut_theta: if order > 2000 { 1.0 } else { 0.5 },
            strong_gravity: true,
            gravity: 0.05,
            scaling_ratio: 10.0,
            slow_down: 1.0 + n.ln(),
            ..Self::default()
        }
    }
}
