//! Local cohesion: k-core numbers, local clustering and transitivity, as
//! networkx defines them. Self-loops are ignored throughout.

use super::csr::Csr;

/// The k-core number of every node (Batagelj & Zaversnik 2003, "An O(m)
/// algorithm for cores decomposition of networks").
///
/// On directed graphs the degree is in-degree plus out-degree, so a
/// reciprocated pair counts twice, exactly as networkx `core_number`.
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use weave::core::analysis::{csr::Csr, cohesion::core_numbers};
/// // A triangle with a tail: the triangle is the 2-core.
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0)]);
/// assert_eq!(core_numbers(&g), vec![2, 2, 2, 1]);
/// ```
pub fn core_numbers(g: &Csr) -> Vec<u32> {
    let n = g.n;
    let neighbours = |v: usize| -> Box<dyn Iterator<Item = u32> + '_> {
        if g.directed {
            Box::new(g.out.row(v).iter().chain(g.inn.row(v)).copied())
        } else {
            Box::new(g.out.row(v).iter().copied())
        }
    };
    let mut deg: Vec<usize> = (0..n)
        .map(|v| g.out.len(v) + if g.directed { g.inn.len(v) } else { 0 })
        .collect();
    let max = deg.iter().copied().max().unwrap_or(0);
    // Bucket sort by degree: bin[d] is where degree-d nodes start in `vert`.
    let mut bin = vec![0usize; max + 2];
    for &d in &deg {
        bin[d + 1] += 1;
    }
    for d in 0..=max {
        bin[d + 1] += bin[d];
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    let mut fill = bin.clone();
    for v in 0..n {
        pos[v] = fill[deg[v]];
        vert[pos[v]] = v;
        fill[deg[v]] += 1;
    }
    for i in 0..n {
        let v = vert[i];
        for u in neighbours(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw];
                if u != w {
                    vert.swap(pu, pw);
                    pos[u] = pw;
                    pos[w] = pu;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg.into_iter().map(|d| d as u32).collect()
}

/// Local clustering coefficients and the graph's transitivity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clustering {
    pub local: Vec<f64>,
    /// 3 × triangles / connected triples, on the graph with direction dropped.
    pub transitivity: f64,
}

/// Computes local clustering (Watts & Strogatz 1998; on directed graphs
/// Fagiolo 2007, as networkx `clustering`) and transitivity.
///
/// # Complexity
/// O(Σ deg²).
pub fn clustering(g: &Csr) -> Clustering {
    let und = &g.und;
    let n = g.n;
    let mut mark = vec![false; n];
    let mut tri2 = vec![0u64; n];
    for (v, t_v) in tri2.iter_mut().enumerate() {
        for &u in und.row(v) {
            mark[u as usize] = true;
        }
        *t_v = und
            .row(v)
            .iter()
            .map(|&u| {
                und.row(u as usize)
                    .iter()
                    .filter(|&&w| mark[w as usize])
                    .count() as u64
            })
            .sum();
        for &u in und.row(v) {
            mark[u as usize] = false;
        }
    }
    let (mut t_sum, mut triples) = (0.0, 0.0);
    for (v, &t) in tri2.iter().enumerate() {
        let d = und.len(v) as f64;
        t_sum += t as f64;
        triples += d * (d - 1.0);
    }
    let transitivity = if t_sum == 0.0 { 0.0 } else { t_sum / triples };
    let local = if g.directed {
        directed_local(g)
    } else {
        (0..n)
            .map(|v| {
                let d = und.len(v) as f64;
                if tri2[v] == 0 {
                    0.0
                } else {
                    tri2[v] as f64 / (d * (d - 1.0))
                }
            })
            .collect()
    };
    Clustering {
        local,
        transitivity,
    }
}

/// Fagiolo's directed clustering: all directed triangles over the possible ones.
fn directed_local(g: &Csr) -> Vec<f64> {
    let n = g.n;
    let mut is_pred = vec![0u32; n];
    let mut is_succ = vec![0u32; n];
    (0..n)
        .map(|i| {
            for &p in g.inn.row(i) {
                is_pred[p as usize] = 1;
            }
            for &s in g.out.row(i) {
                is_succ[s as usize] = 1;
            }
            let mut t = 0u64;
            for &j in g.inn.row(i).iter().chain(g.out.row(i)) {
                let j = j as usize;
                for &k in g.inn.row(j).iter().chain(g.out.row(j)) {
                    let k = k as usize;
                    t += u64::from(is_pred[k] + is_succ[k]);
                }
            }
            let dtotal = (g.inn.len(i) + g.out.len(i)) as f64;
            let bidirectional = g
                .out
                .row(i)
                .iter()
                .filter(|&&s| is_pred[s as usize] == 1)
                .count() as f64;
            for &p in g.inn.row(i) {
                is_pred[p as usize] = 0;
            }
            for &s in g.out.row(i) {
                is_succ[s as usize] = 0;
            }
            if t == 0 {
                0.0
            } else {
                t as f64 / ((dtotal * (dtotal - 1.0) - 2.0 * bidirectional) * 2.0)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_is_fully_clustered() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        let c = clustering(&g);
        assert_eq!(c.local, vec![1.0; 3]);
        assert_eq!(c.transitivity, 1.0);
    }

    #[test]
    fn directed_cycle_scores_a_half() {
        // networkx gives 0.5 for every node of a directed 3-cycle.
        let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        let c = clustering(&g);
        assert!(
            c.local.iter().all(|&x| (x - 0.5).abs() < 1e-12),
            "{:?}",
            c.local
        );
    }

    #[test]
    fn directed_core_counts_reciprocated_pairs_twice() {
        let g = Csr::from_edges(2, true, &[(0, 1, 1.0), (1, 0, 1.0)]);
        assert_eq!(core_numbers(&g), vec![2, 2]);
    }

    #[test]
    fn isolates_have_core_zero() {
        let g = Csr::from_edges(3, false, &[(0, 1, 1.0)]);
        assert_eq!(core_numbers(&g), vec![1, 1, 0]);
    }
}
