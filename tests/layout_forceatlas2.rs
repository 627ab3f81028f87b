//! ForceAtlas2: behaviour on small graphs, robustness on degenerate input,
//! Barnes–Hut agreeing with the exact sum, stability when nodes are added, and
//! an ignored timing run (`cargo test --release --test layout_forceatlas2 -- --ignored --nocapture`).

use weave::core::layout::forceatlas2::{
    initial_positions, iterate, ForceAtlas2Settings, LayoutEdges, LayoutNodes,
};

/// Two 6-cliques joined by a single edge.
fn two_cliques() -> LayoutEdges {
    let mut pairs = Vec::new();
    for base in [0u32, 6] {
        for i in 0..6 {
            for j in (i + 1)..6 {
                pairs.push((base + i, base + j));
            }
        }
    }
    pairs.push((0, 6));
    LayoutEdges::new(pairs, None)
}

fn start(n: usize, edges: &LayoutEdges) -> LayoutNodes {
    let (x, y) = initial_positions(&vec![None; n], edges, 42);
    LayoutNodes::new(x, y, edges)
}

fn dist(nodes: &LayoutNodes, i: usize, j: usize) -> f64 {
    (nodes.x[i] - nodes.x[j]).hypot(nodes.y[i] - nodes.y[j])
}

fn all_finite(nodes: &LayoutNodes) -> bool {
    nodes.x.iter().chain(&nodes.y).all(|v| v.is_finite())
}

fn variants() -> Vec<ForceAtlas2Settings> {
    let d = ForceAtlas2Settings::default();
    vec![
        d,
        ForceAtlas2Settings {
            barnes_hut_optimize: true,
            ..d
        },
        ForceAtlas2Settings {
            lin_log: true,
            outbound_attraction_distribution: true,
            ..d
        },
        ForceAtlas2Settings {
            adjust_sizes: true,
            strong_gravity: true,
            ..d
        },
        ForceAtlas2Settings {
            adjust_sizes: true,
            barnes_hut_optimize: true,
            edge_weight_influence: 0.5,
            ..d
        },
        ForceAtlas2Settings::infer(12),
    ]
}

#[test]
fn connected_nodes_end_closer_than_unconnected_ones_and_clusters_separate() {
    let edges = two_cliques();
    for settings in variants() {
        let mut nodes = start(12, &edges);
        for _ in 0..400 {
            iterate(&settings, &mut nodes, &edges);
        }
        assert!(all_finite(&nodes));
        let (mut within, mut wn, mut across, mut an) = (0.0, 0.0, 0.0, 0.0);
        for i in 0..12 {
            for j in 0..i {
                if (i < 6) == (j < 6) {
                    within += dist(&nodes, i, j);
                    wn += 1.0;
                } else {
                    across += dist(&nodes, i, j);
                    an += 1.0;
                }
            }
        }
        assert!(
            within / wn < across / an,
            "{settings:?}: within {} across {}",
            within / wn,
            across / an
        );
    }
}

#[test]
fn the_layout_settles() {
    let edges = two_cliques();
    let settings = ForceAtlas2Settings::default();
    let mut nodes = start(12, &edges);
    let moves: Vec<f64> = (0..300)
        .map(|_| iterate(&settings, &mut nodes, &edges))
        .collect();
    let early: f64 = moves[..20].iter().sum();
    let late: f64 = moves[280..].iter().sum();
    assert!(late < early / 5.0, "early {early} late {late}");
}

#[test]
fn same_inputs_give_the_same_layout() {
    let edges = two_cliques();
    for settings in variants() {
        let run = || {
            let mut nodes = start(12, &edges);
            for _ in 0..50 {
                iterate(&settings, &mut nodes, &edges);
            }
            nodes
        };
        assert_eq!(run(), run());
    }
}

#[test]
fn empty_single_and_coincident_inputs_stay_finite() {
    for settings in variants() {
        let mut empty = LayoutNodes::new(vec![], vec![], &LayoutEdges::default());
        assert_eq!(iterate(&settings, &mut empty, &LayoutEdges::default()), 0.0);

        let mut one = LayoutNodes::new(vec![3.0], vec![4.0], &LayoutEdges::default());
        for _ in 0..20 {
            iterate(&settings, &mut one, &LayoutEdges::default());
        }
        assert!(all_finite(&one));

        // Ten nodes on one spot, a self-loop and an edge to a node that does not exist.
        let edges = LayoutEdges::new(
            vec![(0, 1), (1, 2), (3, 3), (4, 99)],
            Some(vec![1.0, 2.0, 1.0, 1.0]),
        );
        let mut pile = LayoutNodes::new(vec![0.0; 10], vec![0.0; 10], &edges);
        for _ in 0..50 {
            iterate(&settings, &mut pile, &edges);
        }
        assert!(all_finite(&pile), "{settings:?}");
        assert!(
            dist(&pile, 5, 6) > 0.0,
            "coincident nodes must come apart ({settings:?})"
        );
    }
}

#[test]
fn barnes_hut_with_theta_zero_matches_the_exact_sum() {
    let edges = two_cliques();
    let exact = ForceAtlas2Settings::default();
    let bh = ForceAtlas2Settings {
        barnes_hut_optimize: true,
        barnes_hut_theta: 0.0,
        ..exact
    };
    let (mut a, mut b) = (start(12, &edges), start(12, &edges));
    for _ in 0..5 {
        iterate(&exact, &mut a, &edges);
        iterate(&bh, &mut b, &edges);
    }
    for i in 0..12 {
        assert!((a.x[i] - b.x[i]).abs() < 1e-6 && (a.y[i] - b.y[i]).abs() < 1e-6);
    }
    // And the usual theta stays close to it on a bigger graph.
    let n = 300;
    let pairs: Vec<(u32, u32)> = (0..n as u32).map(|i| (i, (i * 7 + 3) % n as u32)).collect();
    let edges = LayoutEdges::new(pairs, None);
    let (mut a, mut b) = (start(n, &edges), start(n, &edges));
    let bh = ForceAtlas2Settings {
        barnes_hut_optimize: true,
        ..exact
    };
    iterate(&exact, &mut a, &edges);
    iterate(&bh, &mut b, &edges);
    let spread = a.x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let worst = (0..n)
        .map(|i| (a.x[i] - b.x[i]).hypot(a.y[i] - b.y[i]))
        .fold(0.0, f64::max);
    assert!(worst < spread * 0.05, "worst {worst} spread {spread}");
}

#[test]
fn adding_nodes_does_not_make_the_picture_jump() {
    let edges = two_cliques();
    let settings = ForceAtlas2Settings::default();
    let mut nodes = start(12, &edges);
    for _ in 0..300 {
        iterate(&settings, &mut nodes, &edges);
    }
    // Three newcomers: two tied into the first clique, one into the second.
    let mut pairs: Vec<(u32, u32)> = (0..edges.len())
        .map(|e| (edges.source[e], edges.target[e]))
        .collect();
    pairs.extend([(12, 1), (12, 2), (13, 12), (14, 8)]);
    let grown = LayoutEdges::new(pairs, None);
    let previous: Vec<Option<(f64, f64)>> = (0..15)
        .map(|i| (i < 12).then(|| (nodes.x[i], nodes.y[i])))
        .collect();
    let (x, y) = initial_positions(&previous, &grown, 9);
    for i in 0..12 {
        assert_eq!((x[i], y[i]), (nodes.x[i], nodes.y[i]));
    }
    let mut more = LayoutNodes::new(x, y, &grown);
    assert!(
        dist(&more, 14, 8) < dist(&more, 14, 1),
        "a newcomer starts by its neighbour"
    );
    for _ in 0..20 {
        iterate(&settings, &mut more, &grown);
    }
    let size = (0..12).map(|i| dist(&nodes, i, 0)).fold(0.0, f64::max);
    let moved = (0..12)
        .map(|i| (more.x[i] - nodes.x[i]).hypot(more.y[i] - nodes.y[i]))
        .sum::<f64>()
        / 12.0;
    assert!(
        moved < size * 0.15,
        "old nodes moved {moved} in a picture of {size}"
    );
}

/// A community-like random graph: `n` nodes, about 3 edges per node.
fn big_graph(n: usize) -> LayoutEdges {
    let mut s: u64 = 0xFA2;
    let mut rnd = |m: u64| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s % m
    };
    let mut pairs = Vec::with_capacity(3 * n);
    for i in 0..n as u64 {
        for _ in 0..3 {
            // Mostly within a block of 50, sometimes anywhere.
            let j = if rnd(10) < 8 {
                (i / 50) * 50 + rnd(50)
            } else {
                rnd(n as u64)
            };
            if j != i && (j as usize) < n {
                pairs.push((i as u32, j as u32));
            }
        }
    }
    LayoutEdges::new(pairs, None)
}

#[test]
#[ignore = "timing run: prints ms per iteration, asserts nothing about speed"]
fn timing_barnes_hut() {
    for n in [2_000usize, 20_000] {
        let edges = big_graph(n);
        let settings = ForceAtlas2Settings {
            barnes_hut_optimize: true,
            ..ForceAtlas2Settings::infer(n)
        };
        let mut nodes = start(n, &edges);
        for _ in 0..5 {
            iterate(&settings, &mut nodes, &edges);
        }
        let rounds = 20;
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            iterate(&settings, &mut nodes, &edges);
        }
        let ms = t.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
        println!(
            "forceatlas2 barnes-hut: {n} nodes, {} edges: {ms:.2} ms/iteration",
            edges.len()
        );
        assert!(all_finite(&nodes));
    }
}
