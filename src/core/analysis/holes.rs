//! Burt's structural holes: constraint and effective size (Burt 1992,
//! "Structural Holes"), following networkx's definitions, including its
//! shortcut for effective size on undirected unweighted graphs (Borgatti 1997).
//!
//! Both use the "mutual weight" of a pair: the weight (or count) of the arcs
//! between them in both directions. Nodes without neighbours get `None`
//! (networkx gives NaN). Self-loops are ignored.

use super::csr::{Adjacency, Csr};

/// Constraint and effective size per node.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructuralHoles {
    pub constraint: Vec<Option<f64>>,
    pub effective_size: Vec<Option<f64>>,
}

/// Mutual weights on the undirected rows: summed weights when `weighted`,
/// otherwise the number of arcs joining the pair (always 1 when undirected).
fn mutual(g: &Csr, weighted: bool) -> Adjacency {
    let mut m = g.und.clone();
    if weighted {
        return m;
    }
    for v in 0..g.n {
        for i in m.offsets[v]..m.offsets[v + 1] {
            let u = m.targets[i];
            m.weights[i] = if g.directed {
                f64::from(
                    u8::from(g.out.weight(v, u).is_some()) + u8::from(g.inn.weight(v, u).is_some()),
                )
            } else {
                1.0
            };
        }
    }
    m
}

/// Computes constraint and effective size.
///
/// # Complexity
/// O(Σ deg²).
///
/// # Example
/// ```
/// use weave::core::analysis::{csr::Csr, holes::structural_holes};
/// // A star's hub spans three holes: effective size 3, constraint 1/3.
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// let h = structural_holes(&g, false);
/// assert_eq!(h.effective_size[0], Some(3.0));
/// assert!((h.constraint[0].unwrap() - 1.0 / 3.0).abs() < 1e-12);
/// ```
pub fn structural_holes(g: &Csr, weighted: bool) -> StructuralHoles {
    let n = g.n;
    let m = mutual(g, weighted);
    let sum: Vec<f64> = (0..n).map(|v| m.row_weights(v).iter().sum()).collect();
    let max: Vec<f64> = (0..n)
        .map(|v| m.row_weights(v).iter().copied().fold(0.0, f64::max))
        .collect();
    let share = |x: usize, i: usize| {
        if sum[x] == 0.0 {
            0.0
        } else {
            m.weights[i] / sum[x]
        }
    };
    let borgatti = !g.directed && !weighted;
    let mut p = vec![0.0f64; n];
    let mut member = vec![false; n];
    let mut indirect = vec![0.0f64; n];
    let mut constraint = vec![None; n];
    let mut effective_size = vec![None; n];
    for v in 0..n {
        let row = m.row(v);
        if row.is_empty() {
            continue;
        }
        for (i, &u) in (m.offsets[v]..m.offsets[v + 1]).zip(row) {
            p[u as usize] = share(v, i);
            member[u as usize] = true;
        }
        let mut redundancy = 0.0;
        let mut inner_edges = 0usize;
        for &w in row {
            let w = w as usize;
            for i in m.offsets[w]..m.offsets[w + 1] {
                let x = m.targets[i] as usize;
                if member[x] {
                    indirect[x] += p[w] * share(w, i);
                    inner_edges += 1;
                    if max[w] > 0.0 {
                        redundancy += p[x] * m.weights[i] / max[w];
                    }
                }
            }
        }
        let c: f64 = row
            .iter()
            .map(|&u| (p[u as usize] + indirect[u as usize]).powi(2))
            .sum();
        constraint[v] = Some(c);
        let d = row.len() as f64;
        effective_size[v] = Some(if borgatti {
            // Borgatti: n - 2t/n, with t the ties among the neighbours.
            d - inner_edges as f64 / d
        } else {
            d - redundancy
        });
        for &u in row {
            p[u as usize] = 0.0;
            member[u as usize] = false;
            indirect[u as usize] = 0.0;
        }
    }
    StructuralHoles {
        constraint,
        effective_size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_members_are_fully_redundant() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        let h = structural_holes(&g, false);
        assert_eq!(h.effective_size[0], Some(1.0));
        // networkx: constraint in a triangle is 2 * (1/2 + 1/4)^2 = 1.125.
        assert!((h.constraint[0].unwrap() - 1.125).abs() < 1e-12);
    }

    #[test]
    fn isolates_get_none() {
        let g = Csr::from_edges(2, false, &[]);
        let h = structural_holes(&g, false);
        assert_eq!(h.constraint, vec![None, None]);
    }
}
