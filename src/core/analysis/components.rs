//! Connectivity: (weakly) connected components, bridges and articulation
//! points, all on the graph with direction dropped.

use super::csr::Csr;

/// Component id of every node, numbered 0.. in order of each component's
/// lowest node index (so ids are stable for a given node order).
///
/// # Complexity
/// O(n + m).
///
/// # Example
/// ```
/// use weave::core::analysis::{csr::Csr, components::components};
/// let g = Csr::from_edges(4, true, &[(1, 0, 1.0), (2, 3, 1.0)]);
/// assert_eq!(components(&g), vec![0, 0, 1, 1]);
/// ```
pub fn components(g: &Csr) -> Vec<u32> {
    let n = g.n;
    let mut comp = vec![u32::MAX; n];
    let mut stack = Vec::new();
    let mut next = 0u32;
    for s in 0..n {
        if comp[s] != u32::MAX {
            continue;
        }
        comp[s] = next;
        stack.push(s as u32);
        while let Some(v) = stack.pop() {
            for &u in g.und.row(v as usize) {
                if comp[u as usize] == u32::MAX {
                    comp[u as usize] = next;
                    stack.push(u);
                }
            }
        }
        next += 1;
    }
    comp
}

/// Bridges (edges whose removal splits a component) and articulation points
/// (nodes whose removal does).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CutSets {
    /// Each bridge as `(lower index, higher index)`, sorted.
    pub bridges: Vec<(usize, usize)>,
    pub articulation: Vec<bool>,
}

/// Finds bridges and articulation points with Tarjan's low-link DFS (Tarjan
/// 1972), iteratively so deep graphs cannot overflow the stack.
///
/// # Complexity
/// O(n + m).
pub fn cut_sets(g: &Csr) -> CutSets {
    let n = g.n;
    let adj = &g.und;
    let mut disc = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut articulation = vec![false; n];
    let mut bridges = Vec::new();
    // Frame: (node, parent, next neighbour offset).
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    let mut time = 0u32;
    for root in 0..n {
        if disc[root] != u32::MAX {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        stack.push((root, usize::MAX, adj.offsets[root]));
        while let Some(&mut (v, parent, ref mut next)) = stack.last_mut() {
            if *next < adj.offsets[v + 1] {
                let u = adj.targets[*next] as usize;
                *next += 1;
                if u == parent {
                    continue;
                }
                if disc[u] == u32::MAX {
                    disc[u] = time;
                    low[u] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push((u, v, adj.offsets[u]));
                } else {
                    low[v] = low[v].min(disc[u]);
                }
            } else {
                stack.pop();
                if parent != usize::MAX {
                    low[parent] = low[parent].min(low[v]);
                    if low[v] > disc[parent] {
                        bridges.push((parent.min(v), parent.max(v)));
                    }
                    if parent != root && low[v] >= disc[parent] {
                        articulation[parent] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            articulation[root] = true;
        }
    }
    bridges.sort_unstable();
    CutSets {
        bridges,
        articulation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_a_bridge() {
        let g = Csr::from_edges(
            6,
            false,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 0, 1.0),
                (2, 3, 1.0),
                (3, 4, 1.0),
                (4, 5, 1.0),
                (5, 3, 1.0),
            ],
        );
        let c = cut_sets(&g);
        assert_eq!(c.bridges, vec![(2, 3)]);
        assert_eq!(c.articulation, vec![false, false, true, true, false, false]);
    }

    #[test]
    fn star_centre_is_the_only_cut_node() {
        let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let c = cut_sets(&g);
        assert_eq!(c.articulation, vec![true, false, false, false]);
        assert_eq!(c.bridges.len(), 3);
    }

    #[test]
    fn isolates_form_their_own_components() {
        let g = Csr::from_edges(3, false, &[]);
        assert_eq!(components(&g), vec![0, 1, 2]);
        assert_eq!(
            cut_sets(&g),
            CutSets {
                bridges: vec![],
                articulation: vec![false; 3]
            }
        );
    }
}
