//! A compact adjacency (compressed sparse rows) built once from a
//! [`Network`], so every algorithm walks flat `u32` arrays instead of maps.
//!
//! Parallel edges are merged (their weights summed), as SNA tools do when they
//! simplify a graph; self-loops are kept aside, counted for degree (as
//! networkx counts them) but never walked by path or triangle algorithms.

use crate::core::network::Network;

/// One direction of adjacency: `targets[offsets[v]..offsets[v + 1]]` are the
/// neighbours of `v`, sorted, with matching `weights`.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
}

impl Adjacency {
    /// Builds rows from `(from, to, weight)` triples, merging duplicates
    /// (weights summed in input order).
    ///
    /// A counting sort by source, then a stable sort of each (short) row by
    /// target: the order a stable sort by `(from, to)` gives, in
    /// O(m + Σ deg log deg) instead of O(m log m).
    pub(crate) fn from_pairs(n: usize, pairs: Vec<(u32, u32, f64)>) -> Self {
        let mut start = vec![0usize; n + 1];
        for p in &pairs {
            start[p.0 as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut bucket = vec![(0u32, 0.0f64); pairs.len()];
        for (s, t, w) in pairs {
            let slot = &mut fill[s as usize];
            bucket[*slot] = (t, w);
            *slot += 1;
        }
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(bucket.len());
        let mut weights: Vec<f64> = Vec::with_capacity(bucket.len());
        for v in 0..n {
            let row = &mut bucket[start[v]..start[v + 1]];
            row.sort_by_key(|p| p.0);
            let first = targets.len();
            for &(t, w) in row.iter() {
                if targets.len() > first && targets.last() == Some(&t) {
                    if let Some(x) = weights.last_mut() {
                        *x += w;
                    }
                    continue;
                }
                targets.push(t);
                weights.push(w);
            }
            offsets[v + 1] = targets.len();
        }
        Self {
            offsets,
            targets,
            weights,
        }
    }

    /// The neighbours of `v`.
    #[inline]
    pub fn row(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The weights matching [`Adjacency::row`].
    #[inline]
    pub fn row_weights(&self, v: usize) -> &[f64] {
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }

    #[inline]
    pub fn len(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// Total number of stored arcs.
    pub fn arcs(&self) -> usize {
        self.targets.len()
    }

    /// The weight of the arc `v -> u`, if present (binary search on the sorted row).
    pub fn weight(&self, v: usize, u: u32) -> Option<f64> {
        let row = self.row(v);
        row.binary_search(&u)
            .ok()
            .map(|i| self.weights[self.offsets[v] + i])
    }
}

/// The graph every metric runs on.
#[derive(Debug, Clone, Default)]
pub struct Csr {
    pub n: usize,
    pub directed: bool,
    /// Successors (or neighbours, when undirected).
    pub out: Adjacency,
    /// Predecessors; empty when undirected (use [`Csr::inc`]).
    pub inn: Adjacency,
    /// Neighbours ignoring direction, weights of both directions summed.
    pub und: Adjacency,
    /// 1 where a node has a self-loop (several loops merge into one, like edges).
    pub loops: Vec<u32>,
    /// Total weight of the self-loops on each node.
    pub loop_weight: Vec<f64>,
    /// Number of distinct edges (undirected: unordered pairs), self-loops excluded.
    pub edges: usize,
}

impl Csr {
    /// Builds the adjacency of a network, taking its own `directed` flag.
    ///
    /// Edges pointing outside the node list are ignored (files can be wrong);
    /// non-finite or negative weights count as 1 so that no metric sees NaN.
    pub fn from_network(net: &Network) -> Self {
        Self::with_direction(net, net.directed)
    }

    /// Builds the adjacency treating the network as `directed` or not.
    pub fn with_direction(net: &Network, directed: bool) -> Self {
        let n = net.nodes.len();
        let mut loops = vec![0u32; n];
        let mut loop_weight = vec![0.0; n];
        let mut fwd = Vec::with_capacity(net.edges.len());
        for e in &net.edges {
            if e.source >= n || e.target >= n {
                continue;
            }
            let w = if e.weight.is_finite() && e.weight >= 0.0 {
                e.weight
            } else {
                1.0
            };
            if e.source == e.target {
                loops[e.source] = 1;
                loop_weight[e.source] += w;
                continue;
            }
            fwd.push((e.source as u32, e.target as u32, w));
        }
        Self::from_arcs(n, directed, fwd, loops, loop_weight)
    }

    /// Builds from a plain list of arcs `(source, target, weight)` with no
    /// self-loops; used by projections and tests.
    pub fn from_edges(n: usize, directed: bool, edges: &[(usize, usize, f64)]) -> Self {
        let mut loops = vec![0u32; n];
        let mut loop_weight = vec![0.0; n];
        let mut fwd = Vec::with_capacity(edges.len());
        for &(s, t, w) in edges {
            if s >= n || t >= n {
                continue;
            }
            if s == t {
                loops[s] = 1;
                loop_weight[s] += w;
            } else {
                fwd.push((s as u32, t as u32, w));
            }
        }
        Self::from_arcs(n, directed, fwd, loops, loop_weight)
    }

    fn from_arcs(
        n: usize,
        directed: bool,
        fwd: Vec<(u32, u32, f64)>,
        loops: Vec<u32>,
        loop_weight: Vec<f64>,
    ) -> Self {
        let both: Vec<(u32, u32, f64)> = fwd
            .iter()
            .flat_map(|&(s, t, w)| [(s, t, w), (t, s, w)])
            .collect();
        let und = Adjacency::from_pairs(n, both);
        let (out, inn) = if directed {
            let back = fwd.iter().map(|&(s, t, w)| (t, s, w)).collect();
            (
                Adjacency::from_pairs(n, fwd),
                Adjacency::from_pairs(n, back),
            )
        } else {
            (und.clone(), Adjacency::default())
        };
        let edges = if directed { out.arcs() } else { und.arcs() / 2 };
        Self {
            n,
            directed,
            out,
            inn,
            und,
            loops,
            loop_weight,
            edges,
        }
    }

    /// Incoming adjacency: predecessors when directed, neighbours otherwise.
    #[inline]
    pub fn inc(&self) -> &Adjacency {
        if self.directed {
            &self.inn
        } else {
            &self.out
        }
    }

    /// The same graph with direction dropped (a cheap clone of the undirected rows).
    pub fn undirected(&self) -> Csr {
        Csr {
            n: self.n,
            directed: false,
            out: self.und.clone(),
            inn: Adjacency::default(),
            und: self.und.clone(),
            loops: self.loops.clone(),
            loop_weight: self.loop_weight.clone(),
            edges: self.und.arcs() / 2,
        }
    }

    /// The graph with every arc turned round (undirected graphs are returned as is).
    pub fn reversed(&self) -> Csr {
        let mut r = self.clone();
        if self.directed {
            std::mem::swap(&mut r.out, &mut r.inn);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_parallel_edges_and_sets_loops_aside() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 0, 2.0), (2, 2, 1.0)]);
        assert_eq!(g.out.row(0), &[1]);
        assert_eq!(g.out.row_weights(0), &[3.0]);
        assert_eq!(g.loops, vec![0, 0, 1]);
        assert_eq!(g.edges, 1);
    }

    #[test]
    fn directed_keeps_both_directions_apart() {
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert_eq!(g.out.row(1), &[2]);
        assert_eq!(g.inc().row(1), &[0]);
        assert_eq!(g.und.row(1), &[0, 2]);
        assert_eq!(g.reversed().out.row(1), &[0]);
    }

    #[test]
    fn ignores_dangling_endpoints() {
        let g = Csr::from_edges(2, false, &[(0, 5, 1.0)]);
        assert_eq!(g.edges, 0);
    }
}
