//! One pure ForceAtlas2 iteration over flat arrays (graphology's `iterate.js`
//! layout of the algorithm): repulsion (exact or Barnes–Hut), gravity,
//! attraction along edges, then per-node adaptive speed.

use super::quadtree::{Cell, QuadTree};
use super::settings::ForceAtlas2Settings;
use serde::{Deserialize, Serialize};

/// Largest force on one node when sizes are adjusted (graphology's `MAX_FORCE`).
const MAX_FORCE: f64 = 10.0;
/// Distances below this count as this, so nearly coincident nodes repel firmly
/// but finitely instead of flinging each other to infinity.
const MIN_DISTANCE: f64 = 0.01;

/// Edges as parallel arrays of node indices and weights.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LayoutEdges {
    #[serde(with = "crate::core::packed")]
    pub source: Vec<u32>,
    #[serde(with = "crate::core::packed")]
    pub target: Vec<u32>,
    #[serde(with = "crate::core::packed")]
    pub weight: Vec<f64>,
}

impl LayoutEdges {
    /// `weights` default to 1; a weights vector of the wrong length is ignored.
    pub fn new(pairs: Vec<(u32, u32)>, weights: Option<Vec<f64>>) -> Self {
        let weight = match weights {
            Some(w) if w.len() == pairs.len() => w,
            _ => vec![1.0; pairs.len()],
        };
        let (source, target) = pairs.into_iter().unzip();
        LayoutEdges {
            source,
            target,
            weight,
        }
    }

    pub fn len(&self) -> usize {
        self.source
            .len()
            .min(self.target.len())
            .min(self.weight.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Node data as parallel arrays. Positions are the output; the rest is the
/// algorithm's memory between iterations (keep the same value across
/// iterations so speeds adapt).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LayoutNodes {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// Weighted degree + 1 (degree + 1 with unit weights), as graphology sets it.
    pub mass: Vec<f64>,
    /// Node radius, used only with `adjust_sizes`. Default 1.
    pub size: Vec<f64>,
    /// Fixed nodes push and pull others but never move.
    pub fixed: Vec<bool>,
    dx: Vec<f64>,
    dy: Vec<f64>,
    old_dx: Vec<f64>,
    old_dy: Vec<f64>,
    convergence: Vec<f64>,
}

impl LayoutNodes {
    /// Nodes at the given positions (the shorter of `x`, `y` sets the count),
    /// with masses from the (weighted) degrees in `edges`.
    pub fn new(mut x: Vec<f64>, mut y: Vec<f64>, edges: &LayoutEdges) -> Self {
        let n = x.len().min(y.len());
        x.truncate(n);
        y.truncate(n);
        let mut mass = vec![1.0; n];
        for e in 0..edges.len() {
            let w = edges.weight[e];
            let w = if w.is_finite() { w } else { 1.0 };
            for end in [edges.source[e], edges.target[e]] {
                if let Some(m) = mass.get_mut(end as usize) {
                    *m += w;
                }
            }
        }
        LayoutNodes {
            x,
            y,
            mass,
            size: vec![1.0; n],
            fixed: vec![false; n],
            dx: vec![0.0; n],
            dy: vec![0.0; n],
            old_dx: vec![0.0; n],
            old_dy: vec![0.0; n],
            convergence: vec![1.0; n],
        }
    }

    pub fn len(&self) -> usize {
        self.x.len()
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Brings every array to the length of `x` (after a caller edited the public ones).
    fn normalise(&mut self) {
        let n = self.x.len();
        self.y.resize(n, 0.0);
        self.mass.resize(n, 1.0);
        self.size.resize(n, 1.0);
        self.fixed.resize(n, false);
        self.dx.resize(n, 0.0);
        self.dy.resize(n, 0.0);
        self.old_dx.resize(n, 0.0);
        self.old_dy.resize(n, 0.0);
        self.convergence.resize(n, 1.0);
    }
}

/// Runs one ForceAtlas2 iteration, moving `nodes` in place.
///
/// # Arguments
/// * `settings` - see [`ForceAtlas2Settings`]; `infer(n)` is a good start.
/// * `nodes` - positions and per-node memory; keep it between iterations.
/// * `edges` - index pairs into `nodes` and weights; out-of-range pairs and
///   self-loops are ignored.
///
/// # Returns
/// The mean distance a node moved, which falls as the layout settles.
///
/// # Complexity
/// O(n log n + m) with Barnes–Hut, O(n² + m) without.
pub fn iterate(
    settings: &ForceAtlas2Settings,
    nodes: &mut LayoutNodes,
    edges: &LayoutEdges,
) -> f64 {
    nodes.normalise();
    let n = nodes.len();
    if n == 0 {
        return 0.0;
    }
    std::mem::swap(&mut nodes.old_dx, &mut nodes.dx);
    std::mem::swap(&mut nodes.old_dy, &mut nodes.dy);
    nodes.dx.iter_mut().for_each(|v| *v = 0.0);
    nodes.dy.iter_mut().for_each(|v| *v = 0.0);
    if settings.barnes_hut_optimize {
        repulse_barnes_hut(settings, nodes);
    } else {
        repulse_exact(settings, nodes);
    }
    gravity(settings, nodes);
    attract(settings, nodes, edges);
    apply_forces(settings, nodes)
}

/// A direction for two nodes at the same place: fixed per pair, so the result
/// is deterministic, and opposite for the two of them.
fn split_direction(i: usize, j: usize) -> (f64, f64) {
    let (lo, hi) = if i < j { (i, j) } else { (j, i) };
    let angle = (lo as f64 * 0.618_033_988_75 + hi as f64 * 0.414_213_562_37).fract()
        * std::f64::consts::TAU;
    let sign = if i < j { -1.0 } else { 1.0 };
    (
        sign * angle.cos() * MIN_DISTANCE,
        sign * angle.sin() * MIN_DISTANCE,
    )
}

/// The repulsion factor between masses at (signed) offset; adds it to node i.
fn repulsion(
    settings: &ForceAtlas2Settings,
    nodes: &LayoutNodes,
    i: usize,
    other_mass: f64,
    other_size: Option<f64>,
    xd: f64,
    yd: f64,
) -> (f64, f64) {
    let k = settings.scaling_ratio * nodes.mass[i] * other_mass;
    let d2 = xd * xd + yd * yd;
    let factor = match other_size {
        Some(s) if settings.adjust_sizes => {
            let gap = d2.sqrt().max(MIN_DISTANCE) - nodes.size[i] - s;
            if gap > 0.0 {
                k / (gap * gap)
            } else {
                100.0 * k
            }
        }
        // No square root on the hot path: k / d².
        _ => k / d2.max(MIN_DISTANCE * MIN_DISTANCE),
    };
    (xd * factor, yd * factor)
}

fn offset(nodes: &LayoutNodes, i: usize, j: usize) -> (f64, f64) {
    let (xd, yd) = (nodes.x[i] - nodes.x[j], nodes.y[i] - nodes.y[j]);
    if xd * xd + yd * yd > 0.0 {
        (xd, yd)
    } else {
        split_direction(i, j)
    }
}

fn repulse_exact(settings: &ForceAtlas2Settings, nodes: &mut LayoutNodes) {
    let n = nodes.len();
    for i in 0..n {
        for j in 0..i {
            let (xd, yd) = offset(nodes, i, j);
            let (fx, fy) = repulsion(
                settings,
                nodes,
                i,
                nodes.mass[j],
                Some(nodes.size[j]),
                xd,
                yd,
            );
            nodes.dx[i] += fx;
            nodes.dy[i] += fy;
            nodes.dx[j] -= fx;
            nodes.dy[j] -= fy;
        }
    }
}

fn repulse_barnes_hut(settings: &ForceAtlas2Settings, nodes: &mut LayoutNodes) {
    let tree = QuadTree::build(&nodes.x, &nodes.y, &nodes.mass);
    let theta = if settings.barnes_hut_theta.is_finite() {
        settings.barnes_hut_theta.max(0.0)
    } else {
        0.5
    };
    // Visiting nodes in the tree's spatial order keeps neighbouring traversals
    // in cache; the sum for each node does not depend on the order.
    for i in tree.body_order() {
        let (fx, fy) = barnes_hut_force(settings, nodes, &tree, theta, i);
        nodes.dx[i] += fx;
        nodes.dy[i] += fy;
    }
}

/// The repulsion on node `i` from everything in the tree.
fn barnes_hut_force(
    settings: &ForceAtlas2Settings,
    nodes: &LayoutNodes,
    tree: &QuadTree,
    theta: f64,
    i: usize,
) -> (f64, f64) {
    let (xi, yi) = (nodes.x[i], nodes.y[i]);
    let (mut fx, mut fy) = (0.0, 0.0);
    let mut add = |(ax, ay): (f64, f64)| {
        fx += ax;
        fy += ay;
    };
    tree.for_each_interaction(xi, yi, theta, |reg: &Cell| {
        if !reg.is_leaf() {
            add(repulsion(
                settings,
                nodes,
                i,
                reg.mass,
                None,
                xi - reg.mx,
                yi - reg.my,
            ));
        } else if reg.count == 1 {
            // The common leaf: its centre of mass is the body itself.
            let j = reg.body as usize;
            if j != i {
                let (mut xd, mut yd) = (xi - reg.mx, yi - reg.my);
                if xd == 0.0 && yd == 0.0 {
                    (xd, yd) = offset(nodes, i, j);
                }
                let size = settings.adjust_sizes.then(|| nodes.size[j]);
                add(repulsion(settings, nodes, i, reg.mass, size, xd, yd));
            }
        } else {
            // Nodes lumped at the depth limit are summed exactly, one by one.
            for j in tree.leaf_bodies(reg).filter(|&j| j != i) {
                let (xd, yd) = offset(nodes, i, j);
                let size = Some(nodes.size[j]);
                add(repulsion(settings, nodes, i, nodes.mass[j], size, xd, yd));
            }
        }
    });
    (fx, fy)
}

fn gravity(settings: &ForceAtlas2Settings, nodes: &mut LayoutNodes) {
    let g = settings.gravity;
    for i in 0..nodes.len() {
        let (xd, yd) = (nodes.x[i], nodes.y[i]);
        let d = (xd * xd + yd * yd).sqrt();
        if d > 0.0 {
            let factor = if settings.strong_gravity {
                nodes.mass[i] * g
            } else {
                nodes.mass[i] * g / d
            };
            nodes.dx[i] -= xd * factor;
            nodes.dy[i] -= yd * factor;
        }
    }
}

fn attract(settings: &ForceAtlas2Settings, nodes: &mut LayoutNodes, edges: &LayoutEdges) {
    let n = nodes.len();
    let compensation = if settings.outbound_attraction_distribution {
        nodes.mass.iter().sum::<f64>() / n as f64
    } else {
        1.0
    };
    for e in 0..edges.len() {
        let (s, t) = (edges.source[e] as usize, edges.target[e] as usize);
        if s >= n || t >= n || s == t {
            continue;
        }
        let w = edges.weight[e];
        let ewc = if settings.edge_weight_influence == 0.0 {
            1.0
        } else if settings.edge_weight_influence == 1.0 {
            w
        } else {
            w.powf(settings.edge_weight_influence)
        };
        if !ewc.is_finite() {
            continue;
        }
        let (xd, yd) = (nodes.x[s] - nodes.x[t], nodes.y[s] - nodes.y[t]);
        let mut d = (xd * xd + yd * yd).sqrt();
        if settings.adjust_sizes {
            d -= nodes.size[s] + nodes.size[t];
            if d <= 0.0 {
                continue;
            }
        }
        let mut factor = -compensation * ewc;
        if settings.lin_log {
            if d <= 0.0 {
                continue;
            }
            factor *= (1.0 + d).ln() / d;
        }
        if settings.outbound_attraction_distribution {
            factor /= nodes.mass[s];
        }
        nodes.dx[s] += xd * factor;
        nodes.dy[s] += yd * factor;
        nodes.dx[t] -= xd * factor;
        nodes.dy[t] -= yd * factor;
    }
}

/// Moves each node by its force times an adaptive speed: fast while its force
/// keeps direction (traction), slow while it swings back and forth.
fn apply_forces(settings: &ForceAtlas2Settings, nodes: &mut LayoutNodes) -> f64 {
    let slow_down = if settings.slow_down.is_finite() && settings.slow_down > 0.0 {
        settings.slow_down
    } else {
        1.0
    };
    let mut total = 0.0;
    for i in 0..nodes.len() {
        if nodes.fixed[i] {
            continue;
        }
        let (mut fx, mut fy) = (nodes.dx[i], nodes.dy[i]);
        if !(fx.is_finite() && fy.is_finite()) {
            (fx, fy) = (0.0, 0.0);
        }
        if settings.adjust_sizes {
            let f = fx.hypot(fy);
            if f > MAX_FORCE {
                (fx, fy) = (fx * MAX_FORCE / f, fy * MAX_FORCE / f);
            }
        }
        nodes.dx[i] = fx;
        nodes.dy[i] = fy;
        let (ox, oy) = (nodes.old_dx[i], nodes.old_dy[i]);
        let swinging = nodes.mass[i] * (ox - fx).hypot(oy - fy);
        let traction = (ox + fx).hypot(oy + fy) / 2.0;
        let speed = if settings.adjust_sizes {
            0.1 * (1.0 + traction).ln() / (1.0 + swinging.sqrt())
        } else {
            let speed = nodes.convergence[i] * (1.0 + traction).ln() / (1.0 + swinging.sqrt());
            let c = (speed * (fx * fx + fy * fy) / (1.0 + swinging.sqrt())).sqrt();
            nodes.convergence[i] = if c.is_finite() { c.min(1.0) } else { 1.0 };
            speed
        };
        let step = speed / slow_down;
        if step.is_finite() {
            nodes.x[i] += fx * step;
            nodes.y[i] += fy * step;
            total += fx.hypot(fy) * step;
        }
    }
    total / nodes.len() as f64
}
