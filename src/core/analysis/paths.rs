//! Shortest-path metrics in one sweep: betweenness (Brandes), closeness
//! (Wasserman–Faust) and harmonic closeness all come from the same
//! single-source searches, so the O(n·m) work is paid once.
//!
//! The sweep can be cut into chunks of sources ([`BetweennessAccumulator`]),
//! which lets a web worker report progress between chunks, and it can be
//! sampled ([`betweenness_sampled`]) for a quick first picture of a big graph.
//!
//! Conventions follow networkx so results can be checked against it:
//! betweenness is unnormalised (`normalized=False`: halved on undirected
//! graphs), closeness uses incoming distances on directed graphs and is
//! scaled by the reachable share, and so does harmonic closeness (networkx
//! sums `1/d(v, u)` over the sources `v` reaching `u`).
//! With `weighted`, edge weights are lengths (networkx's `weight="weight"`).

use super::csr::{Adjacency, Csr};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

/// The three path-based centralities, indexed by node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PathMetrics {
    pub betweenness: Vec<f64>,
    pub closeness: Vec<f64>,
    pub harmonic: Vec<f64>,
    /// How many sources were swept; equal to the node count when exact.
    pub sources: usize,
}

/// A heap entry for Dijkstra: smallest distance first, ties by insertion order
/// so the search is deterministic.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    dist: f64,
    seq: u64,
    node: u32,
    pred: u32,
}

impl Eq for Item {}

impl Ord for Item {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .dist
            .total_cmp(&self.dist)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

impl PartialOrd for Item {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A node the unweighted sweep has not reached.
const UNSEEN: u32 = u32::MAX;

/// Reusable buffers for single-source searches, so a sweep allocates once.
#[derive(Debug, Clone)]
struct Search {
    /// Hop counts for the unweighted sweep; `UNSEEN` between sweeps.
    hops: Vec<u32>,
    dist: Vec<f64>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    /// Nodes in order of settling (non-decreasing distance).
    order: Vec<u32>,
    /// Nodes given a tentative distance by Dijkstra (some never settle).
    touched: Vec<u32>,
    settled: Vec<bool>,
    heap: BinaryHeap<Item>,
}

impl Search {
    fn new(n: usize) -> Self {
        Self {
            hops: vec![UNSEEN; n],
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            touched: Vec::new(),
            settled: vec![false; n],
            heap: BinaryHeap::new(),
        }
    }

    /// Clears only what the previous (weighted) search touched.
    fn reset(&mut self) {
        for &v in self.order.iter().chain(&self.touched) {
            let v = v as usize;
            self.dist[v] = f64::INFINITY;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
            self.settled[v] = false;
        }
        self.order.clear();
        self.touched.clear();
    }

    /// Dijkstra counting shortest paths from `s` along `adj`, weights as
    /// lengths. Ties are exact float equality, as networkx compares them.
    fn dijkstra(&mut self, adj: &Adjacency, s: usize) {
        self.reset();
        self.heap.clear();
        let mut seq = 0u64;
        self.dist[s] = 0.0;
        self.sigma[s] = 1.0;
        self.touched.push(s as u32);
        self.heap.push(Item {
            dist: 0.0,
            seq,
            node: s as u32,
            pred: s as u32,
        });
        while let Some(Item {
            dist, node, pred, ..
        }) = self.heap.pop()
        {
            let v = node as usize;
            if self.settled[v] {
                continue;
            }
            if v != s {
                self.sigma[v] += self.sigma[pred as usize];
            }
            self.settled[v] = true;
            self.order.push(node);
            for (&w, &len) in adj.row(v).iter().zip(adj.row_weights(v)) {
                let wi = w as usize;
                if self.settled[wi] {
                    continue;
                }
                let d = dist + len;
                if d < self.dist[wi] {
                    if self.dist[wi] == f64::INFINITY {
                        self.touched.push(w);
                    }
                    self.dist[wi] = d;
                    self.sigma[wi] = 0.0;
                    seq += 1;
                    self.heap.push(Item {
                        dist: d,
                        seq,
                        node: w,
                        pred: node,
                    });
                } else if d == self.dist[wi] {
                    self.sigma[wi] += self.sigma[v];
                }
            }
        }
    }
}

/// Accumulates betweenness, closeness and harmonic closeness over chunks of
/// source nodes.
///
/// Brandes' algorithm is a sum over sources, so any partition of the sources
/// gives the same total; adding all `0..n` and calling [`finish`] gives exact
/// values.
///
/// # Example
/// ```
/// use weave::core::analysis::csr::Csr;
/// use weave::core::analysis::paths::BetweennessAccumulator;
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// let mut acc = BetweennessAccumulator::new(&g, false);
/// acc.add_sources(&g, 0..2);
/// acc.add_sources(&g, 2..3);
/// assert_eq!(acc.finish().betweenness, vec![0.0, 1.0, 0.0]);
/// ```
///
/// It owns its buffers but not the graph (every call takes the same `g`), so
/// a worker task can keep both side by side between chunks.
///
/// [`finish`]: BetweennessAccumulator::finish
#[derive(Debug, Clone)]
pub struct BetweennessAccumulator {
    n: usize,
    directed: bool,
    weighted: bool,
    search: Search,
    betweenness: Vec<f64>,
    /// Sum of distances from every swept source, per target (incoming).
    in_dist: Vec<f64>,
    /// Number of swept sources reaching each target, itself excluded.
    in_reach: Vec<u32>,
    harmonic: Vec<f64>,
    sources: usize,
    /// Which sources have been swept (for the per-node scale of estimates).
    swept: Vec<bool>,
}

impl BetweennessAccumulator {
    /// Prepares buffers for a graph; `weighted` reads weights as lengths.
    pub fn new(g: &Csr, weighted: bool) -> Self {
        Self {
            n: g.n,
            directed: g.directed,
            weighted,
            search: Search::new(g.n),
            betweenness: vec![0.0; g.n],
            in_dist: vec![0.0; g.n],
            in_reach: vec![0; g.n],
            harmonic: vec![0.0; g.n],
            sources: 0,
            swept: vec![false; g.n],
        }
    }

    /// Number of nodes, i.e. of sources an exact run needs.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Sources swept so far.
    pub fn sources_done(&self) -> usize {
        self.sources
    }

    /// Sweeps every source in `range` (clamped to the node count) of `g`,
    /// the graph given to [`BetweennessAccumulator::new`].
    ///
    /// Complexity: O(|range|·m) unweighted, O(|range|·m log n) weighted.
    pub fn add_sources(&mut self, g: &Csr, range: Range<usize>) {
        let end = range.end.min(self.n);
        for s in range.start.min(end)..end {
            self.add_source(g, s);
        }
    }

    /// Sweeps one source node of `g` (a graph of another size is ignored).
    pub fn add_source(&mut self, g: &Csr, s: usize) {
        if s >= self.n || g.n != self.n || self.swept[s] {
            return;
        }
        self.swept[s] = true;
        self.sources += 1;
        if self.weighted {
            self.search.dijkstra(&g.out, s);
            self.accumulate(g, s);
        } else {
            self.sweep_hops(g, s);
        }
    }

    /// The unweighted sweep from `s`: a breadth-first search counting
    /// shortest paths (`sigma`), then Brandes' dependency accumulation in
    /// reverse order, over `u32` hop counts. Each node's buffers are reset
    /// as the backward pass leaves it (no node before it in the order reads
    /// them again), so nothing is cleared separately.
    fn sweep_hops(&mut self, g: &Csr, s: usize) {
        let Search {
            hops,
            sigma,
            delta,
            order,
            ..
        } = &mut self.search;
        let (out, inc) = (&g.out, g.inc());
        order.clear();
        hops[s] = 0;
        sigma[s] = 1.0;
        order.push(s as u32);
        let mut head = 0;
        while let Some(&v) = order.get(head) {
            head += 1;
            let v = v as usize;
            let next = hops[v] + 1;
            let sv = sigma[v];
            for &w in out.row(v) {
                let w = w as usize;
                let hw = hops[w];
                if hw == UNSEEN {
                    hops[w] = next;
                    sigma[w] = sv;
                    order.push(w as u32);
                } else if hw == next {
                    sigma[w] += sv;
                }
            }
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            let hw = hops[w];
            let dw = delta[w];
            if hw > 0 {
                let coeff = (1.0 + dw) / sigma[w];
                let prev = hw - 1;
                for &v in inc.row(w) {
                    let v = v as usize;
                    if hops[v] == prev {
                        delta[v] += sigma[v] * coeff;
                    }
                }
                let d = f64::from(hw);
                self.harmonic[w] += 1.0 / d;
                self.in_dist[w] += d;
                self.in_reach[w] += 1;
                self.betweenness[w] += dw;
            }
            hops[w] = UNSEEN;
            sigma[w] = 0.0;
            delta[w] = 0.0;
        }
        order.clear();
    }

    /// Brandes' accumulation after a weighted (Dijkstra) search from `s`.
    fn accumulate(&mut self, g: &Csr, s: usize) {
        let Search {
            dist,
            sigma,
            delta,
            order,
            ..
        } = &mut self.search;
        let inc = g.inc();
        for &w in order.iter().rev() {
            let w = w as usize;
            let dw = dist[w];
            if w != s {
                self.harmonic[w] += 1.0 / dw;
                self.in_dist[w] += dw;
                self.in_reach[w] += 1;
            }
            let coeff = (1.0 + delta[w]) / sigma[w];
            for (&v, &len) in inc.row(w).iter().zip(inc.row_weights(w)) {
                let v = v as usize;
                if dist[v] + len == dw && dist[v] < dw {
                    delta[v] += sigma[v] * coeff;
                }
            }
            if w != s {
                self.betweenness[w] += delta[w];
            }
        }
    }

    /// Estimates of all three metrics from the sources swept so far, as if
    /// they were a uniform sample: betweenness scaled by `n / k` (networkx's
    /// `betweenness_centrality(k=…)`), distance sums and reach counts by the
    /// share of other nodes sampled (Eppstein & Wang 2004, "Fast
    /// approximation of centrality"). Exact once every source is swept.
    pub fn estimate(&self) -> PathMetrics {
        let n = self.n;
        let k = self.sources;
        if k == 0 {
            return PathMetrics {
                betweenness: vec![0.0; n],
                closeness: vec![0.0; n],
                harmonic: vec![0.0; n],
                sources: 0,
            };
        }
        let half = if self.directed { 1.0 } else { 0.5 };
        let scale = n as f64 / k as f64;
        let betweenness = self.betweenness.iter().map(|b| b * half * scale).collect();
        // The sources other than v itself that were swept.
        let others = |v: usize| k - usize::from(self.swept[v]);
        let share = |v: usize| {
            let o = others(v);
            if o == 0 {
                0.0
            } else {
                (n - 1) as f64 / o as f64
            }
        };
        let harmonic = (0..n).map(|v| self.harmonic[v] * share(v)).collect();
        let closeness = (0..n)
            .map(|v| {
                let (total, reach) = (self.in_dist[v], self.in_reach[v] as f64);
                if total > 0.0 && n > 1 {
                    (reach / total) * (reach * share(v) / (n - 1) as f64)
                } else {
                    0.0
                }
            })
            .collect();
        PathMetrics {
            betweenness,
            closeness,
            harmonic,
            sources: k,
        }
    }

    /// The metrics so far. Betweenness is scaled as networkx's unnormalised
    /// betweenness (halved when undirected); closeness and harmonic are exact
    /// only once every source has been added.
    pub fn finish(self) -> PathMetrics {
        let n = self.n;
        let half = if self.directed { 1.0 } else { 0.5 };
        let betweenness = self.betweenness.iter().map(|b| b * half).collect();
        let closeness = (0..n)
            .map(|v| closeness_value(self.in_dist[v], self.in_reach[v] as usize + 1, n))
            .collect();
        PathMetrics {
            betweenness,
            closeness,
            harmonic: self.harmonic,
            sources: self.sources,
        }
    }
}

/// Wasserman–Faust closeness as networkx computes it: `(r-1)/total` scaled by
/// `(r-1)/(n-1)`, where `r` counts the nodes reaching this one (itself included).
fn closeness_value(total: f64, reached: usize, n: usize) -> f64 {
    if total > 0.0 && n > 1 {
        let r = (reached - 1) as f64;
        (r / total) * (r / (n - 1) as f64)
    } else {
        0.0
    }
}

/// Exact betweenness, closeness and harmonic closeness.
///
/// # Arguments
/// * `g` – the graph; direction is taken from it.
/// * `weighted` – read edge weights as lengths (Dijkstra) instead of hops.
///
/// # Returns
/// Per-node metrics in node order (see [`PathMetrics`]).
///
/// # Complexity
/// O(n·m) time unweighted (Brandes 2001, "A faster algorithm for betweenness
/// centrality"), O(n·m + n² log n) weighted; O(n + m) memory.
///
/// # Example
/// ```
/// use weave::core::analysis::csr::Csr;
/// use weave::core::analysis::paths::path_metrics;
/// let star = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// assert_eq!(path_metrics(&star, false).betweenness[0], 3.0);
/// ```
pub fn path_metrics(g: &Csr, weighted: bool) -> PathMetrics {
    let mut acc = BetweennessAccumulator::new(g, weighted);
    acc.add_sources(g, 0..g.n);
    acc.finish()
}

/// Betweenness estimated from `pivots` randomly chosen sources, scaled by
/// `n / pivots` as networkx's `betweenness_centrality(k=pivots)` does.
///
/// Deterministic for a given `seed`. With `pivots >= n` it is exact.
///
/// # Complexity
/// O(pivots·m).
pub fn betweenness_sampled(g: &Csr, pivots: usize, seed: u64, weighted: bool) -> Vec<f64> {
    let chosen = sample_pivots(g.n, pivots, seed);
    if chosen.is_empty() {
        return vec![0.0; g.n];
    }
    let mut acc = BetweennessAccumulator::new(g, weighted);
    for &s in &chosen {
        acc.add_source(g, s);
    }
    scale_sampled(acc.finish().betweenness, g.n, chosen.len())
}

/// The `min(pivots, n)` sources [`betweenness_sampled`] sweeps for `seed`,
/// in increasing order (so a worker can sweep them in chunks).
pub fn sample_pivots(n: usize, pivots: usize, seed: u64) -> Vec<usize> {
    let k = pivots.min(n);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut chosen: Vec<usize> = (0..n).collect();
    chosen.shuffle(&mut rng);
    chosen.truncate(k);
    chosen.sort_unstable();
    chosen
}

/// Scales betweenness summed over `k` of `n` sources up to an estimate of
/// the whole, as networkx does for `k` pivots.
pub fn scale_sampled(betweenness: Vec<f64>, n: usize, k: usize) -> Vec<f64> {
    if k == 0 {
        return vec![0.0; n];
    }
    let scale = n as f64 / k as f64;
    betweenness.into_iter().map(|b| b * scale).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path4() -> Csr {
        Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)])
    }

    #[test]
    fn path_graph_matches_hand_values() {
        let m = path_metrics(&path4(), false);
        assert_eq!(m.betweenness, vec![0.0, 2.0, 2.0, 0.0]);
        // networkx: closeness of an end of P4 = 3/6, of an inner node = 3/4.
        assert_eq!(m.closeness, vec![0.5, 0.75, 0.75, 0.5]);
        assert_eq!(
            m.harmonic,
            vec![1.0 + 0.5 + 1.0 / 3.0, 2.5, 2.5, 1.0 + 0.5 + 1.0 / 3.0]
        );
    }

    #[test]
    fn weighted_equals_unweighted_with_unit_weights() {
        let g = path4();
        assert_eq!(path_metrics(&g, true), path_metrics(&g, false));
    }

    #[test]
    fn weighted_takes_the_short_way_round() {
        // 0-1-2 costs 2, 0-2 costs 5: node 1 lies on the only shortest path.
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 5.0)]);
        assert_eq!(path_metrics(&g, true).betweenness, vec![0.0, 1.0, 0.0]);
        assert_eq!(path_metrics(&g, false).betweenness, vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn weighted_counts_tied_paths() {
        // A square: two equal ways from 0 to 2; 1 to 3 only via 0.
        // Expected values are networkx's (weight="weight", normalized=False).
        let g = Csr::from_edges(
            4,
            false,
            &[(0, 1, 2.0), (1, 2, 2.0), (0, 3, 1.0), (3, 2, 3.0)],
        );
        let b = path_metrics(&g, true).betweenness;
        assert_eq!(b, vec![1.0, 0.5, 0.0, 0.5]);
    }

    #[test]
    fn directed_chain() {
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let m = path_metrics(&g, false);
        assert_eq!(m.betweenness, vec![0.0, 1.0, 0.0]);
        // Incoming closeness: node 0 is reached by nobody.
        assert_eq!(m.closeness[0], 0.0);
        assert_eq!(m.harmonic[0], 0.0);
        assert_eq!(m.harmonic[2], 1.5);
    }

    #[test]
    fn chunks_add_up_to_the_whole() {
        let g = path4();
        let mut acc = BetweennessAccumulator::new(&g, false);
        acc.add_sources(&g, 0..1);
        acc.add_sources(&g, 1..3);
        acc.add_sources(&g, 3..99);
        assert_eq!(acc.sources_done(), 4);
        assert_eq!(acc.finish(), path_metrics(&g, false));
    }

    #[test]
    fn sampling_every_node_is_exact_and_empty_is_fine() {
        let g = path4();
        assert_eq!(
            betweenness_sampled(&g, 10, 7, false),
            path_metrics(&g, false).betweenness
        );
        let empty = Csr::from_edges(0, false, &[]);
        assert!(betweenness_sampled(&empty, 3, 1, false).is_empty());
        assert!(path_metrics(&empty, false).betweenness.is_empty());
    }
}
