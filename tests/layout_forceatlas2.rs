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

/// Positions from graphology-layout-forceatlas2 0.10.1 (graphology 0.26.0),
/// produced by this script (node 20), for the two-clique graph with nodes
/// starting at x = (37 i mod 23) - 11, y = (53 i mod 19) - 9:
///
/// ```js
/// import Graph from 'graphology';
/// import forceAtlas2 from 'graphology-layout-forceatlas2';
/// const pairs = [];
/// for (const base of [0, 6]) for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) pairs.push([base + i, base + j]);
/// pairs.push([0, 6]);
/// function build() {
///   const g = new Graph({type: 'undirected'});
///   for (let i = 0; i < 12; i++) g.addNode(String(i), {x: ((i * 37) % 23) - 11, y: ((i * 53) % 19) - 9});
///   for (const [a, b] of pairs) g.addEdge(String(a), String(b));
///   return g;
/// }
/// const out = {};
/// const variants = {
///   default: {},
///   linlog_outbound: {linLogMode: true, outboundAttractionDistribution: true},
///   adjust_strong: {adjustSizes: true, strongGravityMode: true, scalingRatio: 2, gravity: 0.5},
/// };
/// for (const [name, settings] of Object.entries(variants)) {
///   for (const iterations of [1, 5]) {
///     const pos = forceAtlas2(build(), {iterations, settings});
///     out[`${name}_${iterations}`] = Object.keys(pos).sort((a, b) => a - b).map(k => [pos[k].x, pos[k].y]);
///   }
/// }
/// console.log(JSON.stringify(out));
/// ```
const GRAPHOLOGY: &[(&str, usize, [[f64; 2]; 12])] = &[
    (
        "default",
        1,
        [
            [-3.3945374488830566, -0.7318403720855713],
            [-6.824831962585449, 6.674069404602051],
            [-7.204888820648193, 2.5558712482452393],
            [-2.935760736465454, 1.3548614978790283],
            [-6.06594181060791, 1.0235832929611206],
            [-7.4819865226745605, 4.449280738830566],
            [-0.6294967532157898, 0.8345466256141663],
            [2.944230556488037, -2.1472091674804688],
            [5.869943141937256, -3.125439405441284],
            [4.2979655265808105, -3.64878249168396],
            [1.2525540590286255, 0.8784055113792419],
            [6.898563861846924, -2.4337542057037354],
        ],
    ),
    (
        "default",
        5,
        [
            [-6.840629577636719, 2.1704177856445312],
            [-15.6304349899292, 8.616497993469238],
            [-16.84576988220215, 4.441833019256592],
            [-7.267805099487305, 5.687063217163086],
            [-12.597671508789062, 1.9611271619796753],
            [-12.080268859863281, 6.287454128265381],
            [6.78984260559082, 0.8058480620384216],
            [6.1283440589904785, -2.5997846126556396],
            [14.226771354675293, -7.2082672119140625],
            [7.389007091522217, -6.913599491119385],
            [10.292672157287598, -1.613776445388794],
            [13.521162033081055, -1.1286535263061523],
        ],
    ),
    (
        "linlog_outbound",
        1,
        [
            [-11.92369556427002, -9.764020919799805],
            [-2.079063653945923, 12.006075859069824],
            [-10.105838775634766, 4.531764507293701],
            [5.612555503845215, 0.1523788720369339],
            [-4.803564548492432, -3.8482110500335693],
            [-14.253988265991211, 13.077754974365234],
            [4.6047539710998535, 6.027380466461182],
            [-1.5761181116104126, -2.6880147457122803],
            [13.707108497619629, -7.079070568084717],
            [3.7372379302978516, -11.334983825683594],
            [-5.97947883605957, 5.7854533195495605],
            [10.680390357971191, -0.10531625151634216],
        ],
    ),
    (
        "linlog_outbound",
        5,
        [
            [-16.366275787353516, -8.559097290039062],
            [-7.433088779449463, 14.881741523742676],
            [-17.678524017333984, 4.924981117248535],
            [-0.022480886429548264, 0.4194464683532715],
            [-11.643993377685547, -1.2968631982803345],
            [-16.067333221435547, 12.971718788146973],
            [11.509066581726074, 7.027105808258057],
            [5.701186180114746, -7.194511413574219],
            [16.18497085571289, -8.879387855529785],
            [8.700994491577148, -13.469843864440918],
            [-1.091575264930725, 5.763009548187256],
            [16.406635284423828, -0.9244738221168518],
        ],
    ),
    (
        "adjust_strong",
        1,
        [
            [-10.86709213256836, -8.862420082092285],
            [2.8549656867980957, 6.144690990447998],
            [-6.145131587982178, 2.1445934772491455],
            [7.854738712310791, -1.8555370569229126],
            [-1.1450284719467163, -5.855302810668945],
            [-10.144923210144043, 9.14480209350586],
            [3.8112740516662598, 5.031230449676514],
            [-4.855092525482178, 0.8551817536354065],
            [9.144763946533203, -3.1449618339538574],
            [0.14500045776367188, -7.1447248458862305],
            [-8.85487174987793, 7.855403423309326],
            [5.144946098327637, 3.8552207946777344],
        ],
    ),
    (
        "adjust_strong",
        5,
        [
            [-9.335695266723633, -6.361800670623779],
            [3.1387486457824707, 8.88065242767334],
            [-8.200981140136719, 2.334315299987793],
            [5.848910808563232, -1.1785321235656738],
            [-3.073410987854004, -5.568428993225098],
            [-10.88681411743164, 9.521906852722168],
            [0.775878369808197, 3.3221399784088135],
            [-2.989047050476074, -0.15614986419677734],
            [10.132452964782715, -4.816728591918945],
            [3.221057891845703, -8.47087574005127],
            [-6.754366874694824, 7.0795769691467285],
            [7.259086608886719, 3.983247756958008],
        ],
    ),
];

#[test]
fn matches_graphology_on_the_same_start() {
    let edges = two_cliques();
    let d = ForceAtlas2Settings::default();
    for &(name, iterations, expected) in GRAPHOLOGY {
        let settings = match name {
            "default" => d,
            "linlog_outbound" => ForceAtlas2Settings {
                lin_log: true,
                outbound_attraction_distribution: true,
                ..d
            },
            "adjust_strong" => ForceAtlas2Settings {
                adjust_sizes: true,
                strong_gravity: true,
                scaling_ratio: 2.0,
                gravity: 0.5,
                ..d
            },
            other => panic!("unknown variant {other}"),
        };
        let x = (0..12).map(|i| ((i * 37) % 23) as f64 - 11.0).collect();
        let y = (0..12).map(|i| ((i * 53) % 19) as f64 - 9.0).collect();
        let mut nodes = LayoutNodes::new(x, y, &edges);
        for _ in 0..iterations {
            iterate(&settings, &mut nodes, &edges);
        }
        for (i, [ex, ey]) in expected.iter().enumerate() {
            // graphology stores its matrices as f32.
            let tol = 1e-3 * ex.abs().max(ey.abs()).max(1.0);
            assert!(
                (nodes.x[i] - ex).abs() < tol && (nodes.y[i] - ey).abs() < tol,
                "{name} after {iterations}: node {i} at ({}, {}), graphology ({ex}, {ey})",
                nodes.x[i],
                nodes.y[i]
            );
        }
    }
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

/// This thread's time on a CPU (Linux), so a busy shared machine does not
/// inflate the figure the way wall-clock time does.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

#[test]
#[ignore = "timing run: prints ms per iteration, asserts nothing about speed"]
fn timing_barnes_hut() {
    for (n, theta) in [
        (2_000usize, 0.5),
        (2_000, 1.0),
        (20_000, 0.5),
        (20_000, 1.0),
    ] {
        let edges = big_graph(n);
        let settings = ForceAtlas2Settings {
            barnes_hut_optimize: true,
            barnes_hut_theta: theta,
            ..ForceAtlas2Settings::infer(n)
        };
        let mut nodes = start(n, &edges);
        for _ in 0..5 {
            iterate(&settings, &mut nodes, &edges);
        }
        let rounds = 20;
        let (wall, cpu) = (std::time::Instant::now(), thread_cpu_ns());
        for _ in 0..rounds {
            iterate(&settings, &mut nodes, &edges);
        }
        let ms = wall.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
        let cpu_ms = match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => format!("{:.2}", (b - a) as f64 / 1e6 / rounds as f64),
            _ => "n/a".into(),
        };
        println!(
            "forceatlas2 barnes-hut theta {theta}: {n} nodes, {} edges: {ms:.2} ms/iteration wall, {cpu_ms} ms on CPU",
            edges.len()
        );
        assert!(all_finite(&nodes));
    }
}
