//! Starting positions that keep the picture still: nodes that were already
//! laid out stay put, a new node starts next to its laid-out neighbours, and
//! only nodes with no placed neighbour are scattered (deterministically).

use super::iterate::LayoutEdges;

/// How far (world units) a new node starts from the mean of its neighbours.
const NEIGHBOUR_JITTER: f64 = 1.0;
/// Spacing (world units) of the deterministic scatter for unplaced nodes.
const SCATTER_SPACING: f64 = 10.0;

/// Positions for a layout run.
///
/// # Arguments
/// * `previous` - per node, its position from the last layout (`None` for new
///   nodes or on the first run); non-finite positions count as `None`.
/// * `edges` - the graph, used to start new nodes near their neighbours.
/// * `seed` - makes the jitter reproducible.
///
/// # Returns
/// `(x, y)` with one finite entry per node.
///
/// # Complexity
/// O((n + m) · k) where k is the length of the longest chain of new nodes.
pub fn initial_positions(
    previous: &[Option<(f64, f64)>],
    edges: &LayoutEdges,
    seed: u64,
) -> (Vec<f64>, Vec<f64>) {
    let n = previous.len();
    let mut pos: Vec<Option<(f64, f64)>> = previous
        .iter()
        .map(|p| p.filter(|(x, y)| x.is_finite() && y.is_finite()))
        .collect();
    let neighbours = adjacency(n, edges);
    // Place new nodes next to placed neighbours, ring by ring outwards.
    loop {
        let mut placed_any = false;
        for i in 0..n {
            if pos[i].is_some() {
                continue;
            }
            let placed: Vec<(f64, f64)> = neighbours[i].iter().filter_map(|&j| pos[j]).collect();
            if placed.is_empty() {
                continue;
            }
            let k = placed.len() as f64;
            let (sx, sy) = placed
                .iter()
                .fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
            let (jx, jy) = jitter(seed, i);
            pos[i] = Some((
                sx / k + jx * NEIGHBOUR_JITTER,
                sy / k + jy * NEIGHBOUR_JITTER,
            ));
            placed_any = true;
        }
        if !placed_any {
            break;
        }
    }
    scatter_rest(&mut pos, seed);
    pos.into_iter().map(|p| p.unwrap_or((0.0, 0.0))).unzip()
}

fn adjacency(n: usize, edges: &LayoutEdges) -> Vec<Vec<usize>> {
    let mut adj = vec![Vec::new(); n];
    for e in 0..edges.len() {
        let (s, t) = (edges.source[e] as usize, edges.target[e] as usize);
        if s < n && t < n && s != t {
            adj[s].push(t);
            adj[t].push(s);
        }
    }
    adj
}

/// Nodes with no placed neighbour go on a sunflower spiral around the centre
/// of what is placed, beyond it, so they neither overlap nor coincide.
fn scatter_rest(pos: &mut [Option<(f64, f64)>], seed: u64) {
    let placed: Vec<(f64, f64)> = pos.iter().flatten().copied().collect();
    let (cx, cy, reach) = if placed.is_empty() {
        (0.0, 0.0, 0.0)
    } else {
        let k = placed.len() as f64;
        let (cx, cy) = placed
            .iter()
            .fold((0.0, 0.0), |a, p| (a.0 + p.0 / k, a.1 + p.1 / k));
        let reach = placed
            .iter()
            .map(|p| (p.0 - cx).hypot(p.1 - cy))
            .fold(0.0, f64::max);
        (cx, cy, reach)
    };
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut k = 0usize;
    for (i, p) in pos.iter_mut().enumerate() {
        if p.is_none() {
            let r = reach + SCATTER_SPACING * ((k + 1) as f64).sqrt();
            let a = golden * k as f64 + jitter(seed, i).0 * 0.1;
            *p = Some((cx + r * a.cos(), cy + r * a.sin()));
            k += 1;
        }
    }
}

/// A reproducible pseudo-random pair in [-1, 1) from (seed, i): SplitMix64.
fn jitter(seed: u64, i: usize) -> (f64, f64) {
    let mut z = seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next = || {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = z;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 31;
        (x >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    (next(), next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_nodes_stay_and_new_ones_start_near_neighbours() {
        let edges = LayoutEdges::new(vec![(0, 2), (1, 2), (2, 3)], None);
        let prev = [Some((0.0, 0.0)), Some((10.0, 0.0)), None, None, None];
        let (x, y) = initial_positions(&prev, &edges, 7);
        assert_eq!((x[0], y[0]), (0.0, 0.0));
        assert_eq!((x[1], y[1]), (10.0, 0.0));
        assert!((x[2] - 5.0).abs() <= 1.0 && y[2].abs() <= 1.0);
        assert!((x[3] - x[2]).hypot(y[3] - y[2]) <= 1.5);
        assert!(x.iter().chain(&y).all(|v| v.is_finite()));
        assert_eq!(initial_positions(&prev, &edges, 7), (x, y));
    }

    #[test]
    fn first_run_scatters_without_coincidence() {
        let (x, y) = initial_positions(&[None; 50], &LayoutEdges::default(), 1);
        for i in 0..50 {
            for j in 0..i {
                assert!((x[i] - x[j]).hypot(y[i] - y[j]) > 1.0);
            }
        }
    }
}
