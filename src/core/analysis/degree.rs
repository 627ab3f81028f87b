//! Degree and strength, counted as networkx counts them: a self-loop adds two
//! to an undirected node's degree and one to each of a directed node's in-
//! and out-degree; parallel edges have already been merged by [`Csr`].

use super::csr::Csr;

/// Degrees of every node, indexed by node.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Degrees {
    /// In-degree plus out-degree (directed) or the degree (undirected).
    pub total: Vec<f64>,
    pub indeg: Vec<f64>,
    pub outdeg: Vec<f64>,
    /// Sums of edge weights (strength), same conventions.
    pub total_weighted: Vec<f64>,
    pub in_weighted: Vec<f64>,
    pub out_weighted: Vec<f64>,
}

/// Counts degrees and strengths.
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use weave::core::analysis::{csr::Csr, degree::degrees};
/// let g = Csr::from_edges(2, true, &[(0, 1, 2.5)]);
/// let d = degrees(&g);
/// assert_eq!((d.outdeg[0], d.indeg[1], d.in_weighted[1]), (1.0, 1.0, 2.5));
/// ```
pub fn degrees(g: &Csr) -> Degrees {
    let count = |rows: &super::csr::Adjacency, v: usize| rows.len(v) as f64 + g.loops[v] as f64;
    let strength = |rows: &super::csr::Adjacency, v: usize| {
        rows.row_weights(v).iter().sum::<f64>() + g.loop_weight[v]
    };
    let n = g.n;
    let outdeg: Vec<f64> = (0..n).map(|v| count(&g.out, v)).collect();
    let indeg: Vec<f64> = (0..n).map(|v| count(g.inc(), v)).collect();
    let out_weighted: Vec<f64> = (0..n).map(|v| strength(&g.out, v)).collect();
    let in_weighted: Vec<f64> = (0..n).map(|v| strength(g.inc(), v)).collect();
    let (total, total_weighted) = if g.directed {
        (
            outdeg.iter().zip(&indeg).map(|(a, b)| a + b).collect(),
            out_weighted
                .iter()
                .zip(&in_weighted)
                .map(|(a, b)| a + b)
                .collect(),
        )
    } else {
        // Undirected: the loop counts twice, once from each end.
        (
            (0..n).map(|v| outdeg[v] + g.loops[v] as f64).collect(),
            (0..n).map(|v| out_weighted[v] + g.loop_weight[v]).collect(),
        )
    };
    Degrees {
        total,
        indeg,
        outdeg,
        total_weighted,
        in_weighted,
        out_weighted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_loop_counts_twice_when_undirected() {
        let g = Csr::from_edges(2, false, &[(0, 0, 1.0), (0, 1, 1.0)]);
        assert_eq!(degrees(&g).total, vec![3.0, 1.0]);
    }

    #[test]
    fn directed_total_is_in_plus_out() {
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 0, 1.0), (2, 1, 1.0)]);
        let d = degrees(&g);
        assert_eq!(d.total, vec![2.0, 3.0, 1.0]);
        assert_eq!(d.indeg, vec![1.0, 2.0, 0.0]);
    }
}
