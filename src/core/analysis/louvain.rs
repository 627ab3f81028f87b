//! Community detection by Louvain modularity optimisation (Blondel, Guillaume,
//! Lambiotte & Lefebvre 2008, "Fast unfolding of communities in large
//! networks"), seeded so the same graph always gets the same communities.
//!
//! Direction is dropped (weights of both directions summed); modularity is
//! the undirected weighted one that networkx `modularity` computes.

use super::csr::{Adjacency, Csr};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// Communities found and their modularity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Communities {
    /// Community id per node, numbered 0.. by each community's lowest node.
    pub membership: Vec<u32>,
    pub count: usize,
    pub modularity: f64,
}

/// One level's weighted graph: symmetric rows plus a self-loop weight per node.
struct Level {
    adj: Adjacency,
    loops: Vec<f64>,
}

impl Level {
    fn strength(&self, v: usize) -> f64 {
        self.adj.row_weights(v).iter().sum::<f64>() + 2.0 * self.loops[v]
    }
}

/// Louvain communities with resolution 1.
///
/// # Arguments
/// * `g` – the graph; direction is ignored.
/// * `seed` – orders the node visits; the same seed gives the same result.
///
/// # Complexity
/// Near-linear in practice: O(m) per pass, a few passes per level.
///
/// # Example
/// ```
/// use weave::core::analysis::{csr::Csr, louvain::louvain};
/// // Two triangles joined by one edge fall into two communities.
/// let e = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0), (2, 3, 1.0)];
/// let c = louvain(&Csr::from_edges(6, false, &e), 1);
/// assert_eq!(c.membership, vec![0, 0, 0, 1, 1, 1]);
/// ```
pub fn louvain(g: &Csr, seed: u64) -> Communities {
    let n = g.n;
    let mut level = Level {
        adj: g.und.clone(),
        loops: g.loop_weight.clone(),
    };
    let total: f64 = (0..n).map(|v| level.strength(v)).sum();
    let mut membership: Vec<u32> = (0..n as u32).collect();
    if total <= 0.0 {
        return finish(g, membership);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut best_q = modularity_of_level(&level, &(0..n as u32).collect::<Vec<_>>(), total);
    loop {
        let (moved, com) = one_level(&level, total, &mut rng);
        if !moved {
            break;
        }
        let q = modularity_of_level(&level, &com, total);
        if q - best_q <= 1e-7 {
            break;
        }
        best_q = q;
        for m in membership.iter_mut() {
            *m = com[*m as usize];
        }
        level = aggregate(&level, &com);
    }
    finish(g, membership)
}

/// Renumbers communities by lowest member and scores the partition.
fn finish(g: &Csr, membership: Vec<u32>) -> Communities {
    let mut map = vec![u32::MAX; membership.len()];
    let mut next = 0u32;
    let membership: Vec<u32> = membership
        .iter()
        .map(|&c| {
            if map[c as usize] == u32::MAX {
                map[c as usize] = next;
                next += 1;
            }
            map[c as usize]
        })
        .collect();
    Communities {
        modularity: modularity(g, &membership),
        count: next as usize,
        membership,
    }
}

/// Local moving: each node goes to the neighbouring community with the best
/// modularity gain, until a full pass moves nobody. Returns the compacted
/// community of each node, and whether anything moved.
fn one_level(level: &Level, m2: f64, rng: &mut ChaCha8Rng) -> (bool, Vec<u32>) {
    let n = level.adj.offsets.len().saturating_sub(1);
    let k: Vec<f64> = (0..n).map(|v| level.strength(v)).collect();
    let mut com: Vec<usize> = (0..n).collect();
    let mut tot = k.clone();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut link = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut moved_any = false;
    loop {
        let mut moves = 0;
        for &v in &order {
            let cv = com[v];
            for (&u, &w) in level.adj.row(v).iter().zip(level.adj.row_weights(v)) {
                let cu = com[u as usize];
                if link[cu] == 0.0 {
                    touched.push(cu);
                }
                link[cu] += w;
            }
            tot[cv] -= k[v];
            let gain = |c: usize, link: &[f64]| link[c] - tot[c] * k[v] / m2;
            let mut best = cv;
            let mut best_gain = gain(cv, &link);
            for &c in &touched {
                let g = gain(c, &link);
                if g > best_gain {
                    best_gain = g;
                    best = c;
                }
            }
            tot[best] += k[v];
            if best != cv {
                com[v] = best;
                moves += 1;
            }
            for &c in &touched {
                link[c] = 0.0;
            }
            touched.clear();
        }
        if moves == 0 {
            break;
        }
        moved_any = true;
    }
    let mut map = vec![u32::MAX; n];
    let mut next = 0u32;
    let compact = com
        .iter()
        .map(|&c| {
            if map[c] == u32::MAX {
                map[c] = next;
                next += 1;
            }
            map[c]
        })
        .collect();
    (moved_any, compact)
}

/// Collapses each community into one node; inner edges become its self-loop.
fn aggregate(level: &Level, com: &[u32]) -> Level {
    let count = com.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut loops = vec![0.0; count];
    let mut pairs = Vec::new();
    for (v, &cv) in com.iter().enumerate() {
        loops[cv as usize] += level.loops[v];
        for (&u, &w) in level.adj.row(v).iter().zip(level.adj.row_weights(v)) {
            let cu = com[u as usize];
            if cu == cv {
                // Each inner edge is seen from both ends.
                loops[cv as usize] += w / 2.0;
            } else {
                pairs.push((cv, cu, w));
            }
        }
    }
    Level {
        adj: Adjacency::from_pairs(count, pairs),
        loops,
    }
}

fn modularity_of_level(level: &Level, com: &[u32], m2: f64) -> f64 {
    let count = com.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut inner = vec![0.0; count];
    let mut tot = vec![0.0; count];
    for (v, &c) in com.iter().enumerate() {
        tot[c as usize] += level.strength(v);
        inner[c as usize] += 2.0 * level.loops[v];
        for (&u, &w) in level.adj.row(v).iter().zip(level.adj.row_weights(v)) {
            if com[u as usize] == c {
                inner[c as usize] += w;
            }
        }
    }
    (0..count)
        .map(|c| inner[c] / m2 - (tot[c] / m2).powi(2))
        .sum()
}

/// Newman's weighted modularity of a partition (resolution 1), with direction
/// dropped. Zero for a graph without edges.
///
/// # Complexity
/// O(n + m).
pub fn modularity(g: &Csr, membership: &[u32]) -> f64 {
    let level = Level {
        adj: g.und.clone(),
        loops: g.loop_weight.clone(),
    };
    let m2: f64 = (0..g.n).map(|v| level.strength(v)).sum();
    if m2 <= 0.0 || membership.len() != g.n {
        return 0.0;
    }
    modularity_of_level(&level, membership, m2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_edges_means_singletons_and_zero_modularity() {
        let c = louvain(&Csr::from_edges(3, false, &[]), 0);
        assert_eq!(c.membership, vec![0, 1, 2]);
        assert_eq!(c.modularity, 0.0);
    }

    #[test]
    fn same_seed_same_answer() {
        let e: Vec<_> = (0..30).map(|i| (i, (i * 7 + 3) % 30, 1.0)).collect();
        let g = Csr::from_edges(30, false, &e);
        assert_eq!(louvain(&g, 5), louvain(&g, 5));
    }

    #[test]
    fn modularity_of_two_cliques() {
        let e = [(0, 1, 1.0), (2, 3, 1.0)];
        let g = Csr::from_edges(4, false, &e);
        // Two separate edges: Q = 2 * (1/2 - 1/4) = 0.5.
        assert!((modularity(&g, &[0, 0, 1, 1]) - 0.5).abs() < 1e-12);
    }
}
