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

/// The unweighted search's buffers, allocated once per sweep. Everything
/// but `rows`, `start` and `pos` is indexed by position in the queue (see
/// [`BetweennessAccumulator::sweep_hops`]). The buffers indexed by node or
/// position have a power-of-two length (at least `n + 2`), and so do those
/// indexed by DAG arc (more than the arcs): the search masks its indices to
/// that length, which changes none of them but lets the compiler drop the
/// bounds checks from the hot loops.
#[derive(Debug, Clone)]
struct Bfs {
    /// The relabelled successors, row after row. (Padding rows to chunks of
    /// 4 for branch-free chunk loops cost more than it saved: a fifth more
    /// arcs on the benchmark graph, 7% slower in wasm, 10% natively.)
    rows: Vec<u32>,
    /// Node `v`'s successors are `rows[start[v]..start[v + 1]]`.
    start: Vec<u32>,
    /// Per node: its position in the queue, [`UNSEEN`] when not reached;
    /// the last entry, written but never read, takes the stores an arc must
    /// not make.
    pos: Vec<u32>,
    /// Number of shortest paths from the source; 0 between searches.
    sigma: Vec<f64>,
    /// Sum of the successors' `pull`; 0 between searches.
    acc: Vec<f64>,
    /// `(1 + delta) / sigma` once the backward pass has left a position:
    /// what each of its predecessors on shortest paths pulls from it.
    pull: Vec<f64>,
    /// The node at each position (the queue); `order[0]` is the source,
    /// and the slot after the queue takes the store of an arc to a seen node.
    order: Vec<u32>,
    /// The shortest-path DAG, as pairs of positions `from -> to` packed as
    /// `from << 32 | to` (one store per arc, not two: 4% faster in wasm),
    /// in the order the search found them (so by `from`); the slot after
    /// the last takes the store of an arc off the DAG.
    dag: Vec<u64>,
    /// The nodes not reached yet, once a search goes bottom-up: when the
    /// level at hand has more arcs than the nodes not reached yet, it is
    /// cheaper for those to look for parents in the level than for the
    /// level to look for children (Beamer et al. 2012, "Direction-optimizing
    /// breadth-first search"; every parent is needed for the path counts,
    /// so a node reads its whole row). On a small-world network the late
    /// levels hold most of the arcs, so most arcs are never read from them.
    unseen: Vec<u32>,
    /// Where each level starts in the queue, and where the last one ends.
    levels: Vec<u32>,
    /// Where each level's DAG arcs start, and where the last ones end.
    level_arcs: Vec<u32>,
    /// `1 / d` for every hop count `d`.
    inverse: Vec<f64>,
}

impl Bfs {
    fn new(out: &Adjacency, n: usize) -> Self {
        let (mut rows, mut start) = (Vec::with_capacity(out.arcs()), Vec::with_capacity(n + 1));
        start.push(0);
        for v in 0..n {
            rows.extend_from_slice(out.row(v));
            start.push(rows.len() as u32);
        }
        // Lengths are powers of two, so indices can be masked to them.
        let (places, arcs) = (
            (n + 2).next_power_of_two(),
            (out.arcs() + 1).next_power_of_two(),
        );
        Self {
            rows,
            start,
            pos: vec![UNSEEN; places],
            sigma: vec![0.0; places],
            acc: vec![0.0; places],
            pull: vec![0.0; places],
            order: vec![0; places],
            dag: vec![0; arcs],
            unseen: vec![0; n],
            levels: Vec::new(),
            level_arcs: Vec::new(),
            inverse: (0..=n)
                .map(|d| if d == 0 { 0.0 } else { 1.0 / d as f64 })
                .collect(),
        }
    }

    /// Buffers for a graph that is never searched by hops.
    fn none() -> Self {
        Self::new(&Adjacency::default(), 0)
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
/// acc.add_sources(0..2);
/// acc.add_sources(2..3);
/// assert_eq!(acc.finish().betweenness, vec![0.0, 1.0, 0.0]);
/// ```
///
/// It keeps its own copy of the graph, relabelled so that the most connected
/// nodes come first: searches on social networks spend most of their time at
/// the hubs, and keeping them close in memory makes every sweep faster than
/// following the file's order. Node numbers in and out are the graph's own.
///
/// Distances are summed two ways. Per source (cheap: a count per level) they
/// give the exact closeness and harmonic closeness of an undirected graph.
/// Per target (a few additions per node and source) they are what an
/// [`estimate`] from a sample needs, and what directed graphs need even when
/// exact (networkx uses incoming distances); [`stop_estimating`] drops them
/// where they are not needed.
///
/// [`finish`]: BetweennessAccumulator::finish
/// [`estimate`]: BetweennessAccumulator::estimate
/// [`stop_estimating`]: BetweennessAccumulator::stop_estimating
#[derive(Debug, Clone)]
pub struct BetweennessAccumulator {
    n: usize,
    directed: bool,
    weighted: bool,
    /// Successors, and predecessors (weighted directed sweeps only), in the
    /// relabelled numbering.
    out: Adjacency,
    inn: Adjacency,
    /// `rank[v]`: the relabelled number of node `v`.
    rank: Vec<u32>,
    /// Buffers of the unweighted search.
    bfs: Bfs,
    /// Buffers of the weighted search.
    search: Search,
    /// Betweenness summed per (relabelled) target node, not yet halved.
    betweenness: Vec<f64>,
    /// Distances summed per (relabelled) target, over the sources swept
    /// while `tracking`.
    reach: Vec<Reach>,
    /// Distances summed per (relabelled) source, from its own search.
    own: Vec<Reach>,
    /// Per-target distances are being summed.
    tracking: bool,
    sources: usize,
    /// Sources swept while tracking.
    tracked: usize,
    /// Per (relabelled) node: not swept yet, swept while tracking, or after.
    swept: Vec<Swept>,
}

/// Whether a node has been swept as a source, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swept {
    No,
    Tracked,
    Untracked,
}

/// Distance sums of one node, towards it (per target) or from it (per source).
#[derive(Debug, Clone, Copy, Default)]
struct Reach {
    /// Sum of `1 / d`.
    harmonic: f64,
    /// Sum of distances.
    dist: f64,
    /// Number of nodes at a finite distance, the node itself excluded.
    count: u32,
}

/// `adj` with every node `v` renamed `rank[v]`, rows sorted.
fn relabel(adj: &Adjacency, n: usize, rank: &[u32]) -> Adjacency {
    let mut pairs = Vec::with_capacity(adj.arcs());
    for v in 0..n {
        for (&u, &w) in adj.row(v).iter().zip(adj.row_weights(v)) {
            pairs.push((rank[v], rank[u as usize], w));
        }
    }
    Adjacency::from_pairs(n, pairs)
}

impl BetweennessAccumulator {
    /// Prepares buffers and the relabelled graph; `weighted` reads weights
    /// as lengths. O(m) plus sorting the rows.
    pub fn new(g: &Csr, weighted: bool) -> Self {
        let n = g.n;
        let mut node: Vec<u32> = (0..n as u32).collect();
        node.sort_by_key(|&v| std::cmp::Reverse(g.und.len(v as usize)));
        let mut rank = vec![0u32; n];
        for (r, &v) in node.iter().enumerate() {
            rank[v as usize] = r as u32;
        }
        let out = relabel(&g.out, n, &rank);
        // Only the weighted accumulation walks predecessors; the unweighted
        // one pulls along the DAG it recorded.
        let inn = if g.directed && weighted {
            relabel(&g.inn, n, &rank)
        } else {
            Adjacency::default()
        };
        // Only one of the two searches runs; the other keeps empty buffers.
        let (bfs, search) = if weighted {
            (Bfs::none(), Search::new(n))
        } else {
            (Bfs::new(&out, n), Search::new(0))
        };
        Self {
            n,
            directed: g.directed,
            weighted,
            out,
            inn,
            rank,
            bfs,
            search,
            betweenness: vec![0.0; n],
            reach: vec![Reach::default(); n],
            own: vec![Reach::default(); n],
            tracking: true,
            sources: 0,
            tracked: 0,
            swept: vec![Swept::No; n],
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

    /// Says that no more [`estimate`](Self::estimate)s will be asked for
    /// sources swept from now on: on undirected graphs the sweep then sums
    /// distances only per source (enough for exact values), which saves a
    /// few additions per node and source. Estimates still work, from the
    /// sources swept before (betweenness from all of them).
    pub fn stop_estimating(&mut self) {
        if !self.directed {
            self.tracking = false;
        }
    }

    /// Sweeps every source in `range` (clamped to the node count).
    ///
    /// Complexity: O(|range|·m) unweighted, O(|range|·m log n) weighted.
    pub fn add_sources(&mut self, range: Range<usize>) {
        let end = range.end.min(self.n);
        for s in range.start.min(end)..end {
            self.add_source(s);
        }
    }

    /// Sweeps one source node (one already swept is not counted twice).
    pub fn add_source(&mut self, s: usize) {
        let Some(&r) = self.rank.get(s) else {
            return;
        };
        let r = r as usize;
        if self.swept[r] != Swept::No {
            return;
        }
        self.swept[r] = if self.tracking {
            self.tracked += 1;
            Swept::Tracked
        } else {
            Swept::Untracked
        };
        self.sources += 1;
        if self.weighted {
            self.search.dijkstra(&self.out, r);
            self.accumulate(r);
        } else {
            self.sweep_hops(r);
        }
    }

    /// The unweighted sweep from `s` (Brandes 2001 over hop counts).
    ///
    /// A breadth-first search records the shortest-path DAG as it goes;
    /// then path counts (`sigma`) are pushed forward along the DAG, and
    /// dependencies pulled back along it level by level from the deepest.
    ///
    /// Search state is kept by queue position, not by node: a node's
    /// position tells its level (levels are contiguous in the queue), so one
    /// comparison per arc (`pos >= next level's start`) tells a DAG arc.
    /// The search handles every arc without a branch (which of its cases an
    /// arc is in is unpredictable on a social network, and a mispredicted
    /// branch costs more than the stores it saves). Once a level has more
    /// arcs than the nodes not reached yet, the search goes bottom-up (see
    /// [`Bfs::unseen`]): on the benchmark graphs that made the sweep a
    /// third faster in wasm, and 13% (2,000 nodes) to 30% (20,000) faster
    /// natively. The passes over the DAG are flat loops over its arcs, one
    /// per level, with no per-node loop whose varying length the processor
    /// would mispredict. Only `pos` is per node; it is reset as the
    /// backward pass leaves each node.
    #[inline(never)]
    fn sweep_hops(&mut self, s: usize) {
        // Bottom-up levels read a node's row as its predecessors: the same
        // only when undirected.
        let (n, bottom_up) = (self.n, !self.directed);
        let Bfs {
            rows,
            start,
            pos,
            sigma,
            acc,
            pull,
            order,
            dag,
            unseen,
            levels,
            level_arcs,
            inverse,
        } = &mut self.bfs;
        // Slices, not `Vec`s, so their bounds stay in registers; those of
        // power-of-two length are cut to exactly `..=mask` so the compiler
        // sees that a masked index is in bounds (see [`Bfs`]).
        let (m, am) = (pos.len() - 1, dag.len() - 1);
        let (rows, start, pos) = (&rows[..], &start[..], &mut pos[..=m]);
        let (sigma, acc, pull) = (&mut sigma[..=m], &mut acc[..=m], &mut pull[..=m]);
        let (order, dag) = (&mut order[..=m], &mut dag[..=am]);
        let (betweenness, reach) = (&mut self.betweenness[..], &mut self.reach[..]);
        let tracking = self.tracking;
        let sink = m;
        pos[s] = 0;
        order[0] = s as u32;
        levels.clear();
        levels.push(0);
        level_arcs.clear();
        let degree = |v: usize| (start[v + 1] - start[v]) as usize;
        let (mut tail, mut arcs) = (1usize, 0usize);
        // The current level is `lo..hi` in the queue; the arcs of its
        // nodes, and those of the nodes not reached yet.
        let (mut lo, mut hi) = (0usize, 1usize);
        let (mut level_degree, mut unseen_degree) = (degree(s), rows.len() - degree(s));
        let mut unseen_len = None::<usize>;
        loop {
            level_arcs.push(arcs as u32);
            if unseen_len.is_none() && bottom_up && level_degree > unseen_degree {
                // From here on the nodes not reached yet look for parents:
                // fewer arcs than the level's own (see [`Bfs::unseen`]).
                let mut len = 0;
                for (v, &p) in pos[..n].iter().enumerate() {
                    unseen[len] = v as u32;
                    len += usize::from(p == UNSEEN);
                }
                unseen_len = Some(len);
            }
            let mut next_degree = 0;
            match unseen_len.as_mut() {
                Some(len) => {
                    // Every node not reached yet, its arcs to this level
                    // kept; a node with any is next level's, the others
                    // stay in the list (compacted as it goes).
                    let (width, mut kept) = (hi - lo, 0);
                    for i in 0..*len {
                        let w = unseen[i] as usize & m;
                        let before = arcs;
                        for &v in &rows[start[w] as usize..start[w + 1] as usize] {
                            let p = pos[v as usize & m] as usize;
                            dag[arcs & am] = ((p as u64) << 32) | tail as u64;
                            arcs += usize::from(p.wrapping_sub(lo) < width);
                        }
                        let new = arcs > before;
                        pos[if new { w } else { sink }] = tail as u32;
                        order[tail & m] = w as u32;
                        tail += usize::from(new);
                        next_degree += if new { degree(w) } else { 0 };
                        unseen[kept] = w as u32;
                        kept += usize::from(!new);
                    }
                    *len = kept;
                }
                None => {
                    for head in lo..hi {
                        let v = order[head] as usize;
                        // Every arc makes the same stores; its case only
                        // picks where: a new node is queued at `tail`
                        // (`order[tail]` is kept only when `tail` moves
                        // on), a DAG entry is kept only when its end lies
                        // ahead, and a seen node's `pos` is left alone.
                        for &w in &rows[start[v] as usize..start[v + 1] as usize] {
                            let w = w as usize & m;
                            let p = pos[w] as usize;
                            let new = p == UNSEEN as usize;
                            let at = if new { tail } else { p };
                            pos[if new { w } else { sink }] = tail as u32;
                            order[tail & m] = w as u32;
                            next_degree += if new { degree(w) } else { 0 };
                            tail += usize::from(new);
                            dag[arcs & am] = ((head as u64) << 32) | at as u64;
                            arcs += usize::from(at >= hi);
                        }
                    }
                }
            }
            if tail == hi {
                break;
            }
            unseen_degree -= next_degree;
            level_degree = next_degree;
            levels.push(hi as u32);
            (lo, hi) = (hi, tail);
        }
        levels.push(tail as u32);
        level_arcs.push(arcs as u32);
        // Path counts, pushed along the DAG in the order it was found: a
        // position's count is complete before its own arcs come.
        sigma[0] = 1.0;
        for &a in &dag[..arcs] {
            let (to, fr) = (a as u32, (a >> 32) as u32);
            sigma[to as usize & m] += sigma[fr as usize & m];
        }
        let mut own = Reach {
            count: (tail - 1) as u32,
            ..Reach::default()
        };
        for depth in (1..levels.len() - 1).rev() {
            let (first, end) = (levels[depth] as usize, levels[depth + 1] as usize);
            let arcs_of_level = level_arcs[depth] as usize..level_arcs[depth + 1] as usize;
            for &a in &dag[arcs_of_level] {
                let (to, fr) = (a as u32, (a >> 32) as u32);
                acc[fr as usize & m] += pull[to as usize & m];
            }
            let (d, inv) = (depth as f64, inverse[depth]);
            let count = (end - first) as f64;
            own.dist += d * count;
            own.harmonic += inv * count;
            for i in first..end {
                let i = i & m;
                let si = sigma[i];
                let delta = si * acc[i];
                pull[i] = (1.0 + delta) / si;
                (sigma[i], acc[i]) = (0.0, 0.0);
                let v = order[i] as usize;
                pos[v & m] = UNSEEN;
                betweenness[v] += delta;
                if tracking {
                    let r = &mut reach[v];
                    r.harmonic += inv;
                    r.dist += d;
                    r.count += 1;
                }
            }
        }
        pos[s] = UNSEEN;
        self.own[s] = own;
    }

    /// Brandes' accumulation after a weighted (Dijkstra) search from `s`.
    fn accumulate(&mut self, s: usize) {
        let Search {
            dist,
            sigma,
            delta,
            order,
            ..
        } = &mut self.search;
        let inc = if self.directed { &self.inn } else { &self.out };
        let mut own = Reach::default();
        for &w in order.iter().rev() {
            let w = w as usize;
            let dw = dist[w];
            let coeff = (1.0 + delta[w]) / sigma[w];
            for (&v, &len) in inc.row(w).iter().zip(inc.row_weights(w)) {
                let v = v as usize;
                if dist[v] + len == dw && dist[v] < dw {
                    delta[v] += sigma[v] * coeff;
                }
            }
            if w != s {
                self.betweenness[w] += delta[w];
                let inv = 1.0 / dw;
                own.harmonic += inv;
                own.dist += dw;
                own.count += 1;
                if self.tracking {
                    let r = &mut self.reach[w];
                    r.harmonic += inv;
                    r.dist += dw;
                    r.count += 1;
                }
            }
        }
        self.own[s] = own;
    }

    /// Estimates of all three metrics from the sources swept so far, as if
    /// they were a uniform sample: betweenness scaled by `n / k` (networkx's
    /// `betweenness_centrality(k=…)`), distance sums and reach counts by the
    /// share of other nodes sampled (Eppstein & Wang 2004, "Fast
    /// approximation of centrality"), from the sources swept before
    /// [`stop_estimating`](Self::stop_estimating). Exact once every source
    /// is swept while estimating.
    pub fn estimate(&self) -> PathMetrics {
        let n = self.n;
        let (k, tracked) = (self.sources, self.tracked);
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
        // The share of the other nodes swept (while tracking), inverted.
        let share = |r: usize| {
            let others = tracked - usize::from(self.swept[r] == Swept::Tracked);
            if others == 0 {
                0.0
            } else {
                (n - 1) as f64 / others as f64
            }
        };
        let mut metrics = PathMetrics {
            betweenness: Vec::with_capacity(n),
            closeness: Vec::with_capacity(n),
            harmonic: Vec::with_capacity(n),
            sources: k,
        };
        for &r in &self.rank {
            let r = r as usize;
            let (reach, share) = (self.reach[r], share(r));
            let count = f64::from(reach.count);
            metrics.betweenness.push(self.betweenness[r] * half * scale);
            metrics.harmonic.push(reach.harmonic * share);
            metrics.closeness.push(if reach.dist > 0.0 && n > 1 {
                (count / reach.dist) * (count * share / (n - 1) as f64)
            } else {
                0.0
            });
        }
        metrics
    }

    /// The metrics so far. Betweenness is scaled as networkx's unnormalised
    /// betweenness (halved when undirected); closeness and harmonic are exact
    /// only once every source has been added.
    pub fn finish(self) -> PathMetrics {
        let n = self.n;
        let half = if self.directed { 1.0 } else { 0.5 };
        // Undirected: distances from a node are distances to it.
        let dists = if self.directed {
            &self.reach
        } else {
            &self.own
        };
        let mut metrics = PathMetrics {
            betweenness: Vec::with_capacity(n),
            closeness: Vec::with_capacity(n),
            harmonic: Vec::with_capacity(n),
            sources: self.sources,
        };
        for &r in &self.rank {
            let r = r as usize;
            let reach = dists[r];
            metrics.betweenness.push(self.betweenness[r] * half);
            metrics
                .closeness
                .push(closeness_value(reach.dist, reach.count as usize + 1, n));
            metrics.harmonic.push(reach.harmonic);
        }
        metrics
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
    acc.stop_estimating();
    acc.add_sources(0..g.n);
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
        acc.add_source(s);
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
    fn bottom_up_levels_agree_with_the_weighted_search() {
        // A small world (ring plus pseudo-random chords), a second
        // component and isolates: the unweighted sweep goes bottom-up in
        // its late levels, Dijkstra with unit lengths never does.
        let mut pairs = std::collections::BTreeSet::new();
        let mut x = 12345u64;
        for v in 0..400 {
            pairs.insert((v, (v + 1) % 400));
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            pairs.insert((v, (x >> 33) as usize % 400));
        }
        for v in 400..430 {
            pairs.insert((v, 400 + (v + 7) % 30));
        }
        // Simple: no self-loops, one edge per pair (as networkx's Graph).
        let edges: Vec<_> = pairs
            .iter()
            .filter(|&&(a, b)| a < b || (a > b && !pairs.contains(&(b, a))))
            .map(|&(a, b)| (a, b, 1.0))
            .collect();
        let g = Csr::from_edges(435, false, &edges);
        let (hops, dijkstra) = (path_metrics(&g, false), path_metrics(&g, true));
        let close = |a: &[f64], b: &[f64]| {
            a.iter()
                .zip(b)
                .all(|(x, y)| (x - y).abs() <= 1e-9 * x.abs().max(1.0))
        };
        assert!(close(&hops.betweenness, &dijkstra.betweenness));
        assert!(close(&hops.closeness, &dijkstra.closeness));
        assert!(close(&hops.harmonic, &dijkstra.harmonic));
        assert!(hops.betweenness.iter().any(|&b| b > 100.0));
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
        acc.add_sources(0..1);
        acc.add_sources(1..3);
        acc.add_sources(3..99);
        assert_eq!(acc.sources_done(), 4);
        assert_eq!(acc.finish(), path_metrics(&g, false));
    }

    #[test]
    fn hubs_come_first_and_numbers_map_back() {
        // A star with its centre last: the centre is relabelled 0.
        let g = Csr::from_edges(4, false, &[(3, 0, 1.0), (3, 1, 1.0), (3, 2, 1.0)]);
        let acc = BetweennessAccumulator::new(&g, false);
        assert_eq!(acc.rank[3], 0);
        let m = path_metrics(&g, false);
        assert_eq!(m.betweenness, vec![0.0, 0.0, 0.0, 3.0]);
        assert_eq!(m.closeness[3], 1.0);
    }

    /// A small graph with uneven paths: two triangles, a tail and an isolate.
    fn lumpy() -> Vec<(usize, usize, f64)> {
        vec![
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 0, 1.0),
            (2, 3, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (5, 3, 1.0),
            (5, 6, 1.0),
            (6, 7, 1.0),
        ]
    }

    #[test]
    fn per_source_sums_equal_per_target_sums() {
        // Undirected closeness comes from per-source sums, directed from
        // per-target ones: on a graph with every arc both ways they agree,
        // and directed betweenness is the undirected one doubled.
        let e = lumpy();
        let both: Vec<_> = e
            .iter()
            .flat_map(|&(a, b, w)| [(a, b, w), (b, a, w)])
            .collect();
        for weighted in [false, true] {
            let und = path_metrics(&Csr::from_edges(9, false, &e), weighted);
            let dir = path_metrics(&Csr::from_edges(9, true, &both), weighted);
            for v in 0..9 {
                assert!((und.closeness[v] - dir.closeness[v]).abs() < 1e-12);
                assert!((und.harmonic[v] - dir.harmonic[v]).abs() < 1e-12);
                assert!((2.0 * und.betweenness[v] - dir.betweenness[v]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn estimates_keep_their_sample_after_stop_estimating() {
        let g = Csr::from_edges(9, false, &lumpy());
        let mut acc = BetweennessAccumulator::new(&g, false);
        acc.add_sources(0..4);
        let sample = acc.estimate();
        acc.stop_estimating();
        acc.add_sources(4..9);
        let later = acc.estimate();
        assert_eq!(later.closeness, sample.closeness);
        assert_eq!(later.harmonic, sample.harmonic);
        assert_eq!(later.sources, 9);
        assert_eq!(acc.finish(), path_metrics(&g, false));
        // Estimating all along ends at the exact values too.
        let mut all = BetweennessAccumulator::new(&g, false);
        all.add_sources(0..9);
        let exact = path_metrics(&g, false);
        let e = all.estimate();
        for v in 0..9 {
            assert!((e.closeness[v] - exact.closeness[v]).abs() < 1e-12);
            assert!((e.harmonic[v] - exact.harmonic[v]).abs() < 1e-12);
            assert!((e.betweenness[v] - exact.betweenness[v]).abs() < 1e-12);
        }
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
