//! PageRank and eigenvector centrality by power iteration, following
//! networkx's iteration step for step (start vector, update, stopping rule),
//! so the two agree far inside the tolerance either reports.

use super::csr::Csr;

/// Power-iteration settings; the defaults are networkx's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerIteration {
    pub max_iter: usize,
    /// Stop when the L1 change is below `n * tol`.
    pub tol: f64,
}

impl Default for PowerIteration {
    fn default() -> Self {
        Self {
            max_iter: 100,
            tol: 1e-6,
        }
    }
}

/// PageRank (Brin & Page 1998) with damping `alpha`, edge weights as tie
/// strengths, and dangling nodes' rank spread evenly, as networkx `pagerank`.
///
/// Undirected edges count in both directions; self-loops count once.
/// If the iteration has not converged after `max_iter` steps the last
/// estimate is returned (networkx raises instead).
///
/// # Complexity
/// O(iterations · (n + m)).
///
/// # Example
/// ```
/// use weave::core::analysis::{csr::Csr, spectral::{pagerank, PowerIteration}};
/// let g = Csr::from_edges(2, false, &[(0, 1, 1.0)]);
/// let pr = pagerank(&g, 0.85, PowerIteration::default());
/// assert!((pr[0] - 0.5).abs() < 1e-12);
/// ```
pub fn pagerank(g: &Csr, alpha: f64, it: PowerIteration) -> Vec<f64> {
    let n = g.n;
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let strength: Vec<f64> = (0..n)
        .map(|v| g.out.row_weights(v).iter().sum::<f64>() + g.loop_weight[v])
        .collect();
    let inv: Vec<f64> = strength
        .iter()
        .map(|&s| if s != 0.0 { 1.0 / s } else { 0.0 })
        .collect();
    let inc = g.inc();
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..it.max_iter {
        let dangling: f64 = (0..n).filter(|&v| strength[v] == 0.0).map(|v| x[v]).sum();
        for v in 0..n {
            let mut s = x[v] * g.loop_weight[v] * inv[v];
            for (&u, &w) in inc.row(v).iter().zip(inc.row_weights(v)) {
                s += x[u as usize] * w * inv[u as usize];
            }
            next[v] = alpha * (s + dangling / nf) + (1.0 - alpha) / nf;
        }
        let err: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * it.tol {
            break;
        }
    }
    let total: f64 = x.iter().sum();
    if total > 0.0 {
        x.iter_mut().for_each(|v| *v /= total);
    }
    x
}

/// Eigenvector centrality (Bonacich 1987), L2-normalised, iterating
/// `x <- (A + I)ᵀ x` from a uniform start as networkx does (the shift by `I`
/// makes it converge on bipartite graphs). On directed graphs a node scores
/// from its in-links. `weighted` multiplies by edge weights.
///
/// # Complexity
/// O(iterations · (n + m)).
pub fn eigenvector(g: &Csr, weighted: bool, it: PowerIteration) -> Vec<f64> {
    let n = g.n;
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let inc = g.inc();
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..it.max_iter {
        for v in 0..n {
            let loop_w = if weighted {
                g.loop_weight[v]
            } else {
                g.loops[v].min(1) as f64
            };
            let mut s = x[v] * (1.0 + loop_w);
            let row = inc.row(v);
            if weighted {
                for (&u, &w) in row.iter().zip(inc.row_weights(v)) {
                    s += x[u as usize] * w;
                }
            } else {
                s += row.iter().map(|&u| x[u as usize]).sum::<f64>();
            }
            next[v] = s;
        }
        let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = if norm > 0.0 { norm } else { 1.0 };
        next.iter_mut().for_each(|v| *v /= norm);
        let err: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * it.tol {
            break;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_sums_to_one_with_dangling_nodes() {
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let pr = pagerank(&g, 0.85, PowerIteration::default());
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(pr[2] > pr[1] && pr[1] > pr[0]);
    }

    #[test]
    fn eigenvector_of_a_star_favours_the_hub() {
        let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let e = eigenvector(&g, false, PowerIteration::default());
        // Exact: hub 1/sqrt(2), leaves 1/sqrt(6).
        assert!((e[0] - 0.5f64.sqrt()).abs() < 1e-6);
        assert!((e[1] - (1.0f64 / 6.0).sqrt()).abs() < 1e-6);
    }

    #[test]
    fn empty_graph_gives_empty_vectors() {
        let g = Csr::from_edges(0, false, &[]);
        assert!(pagerank(&g, 0.85, PowerIteration::default()).is_empty());
        assert!(eigenvector(&g, false, PowerIteration::default()).is_empty());
    }
}
