//! Properties every analysis must keep on any graph, however odd: empty,
//! single node, self-loops, parallel edges, all isolates, edges pointing
//! nowhere. No panic, no NaN or infinity, and the cheap invariants that tie
//! metrics together (chunked betweenness equals the whole sweep, PageRank
//! sums to one, components partition the nodes).

use proptest::prelude::*;
use weave::core::analysis::csr::Csr;
use weave::core::analysis::paths::{path_metrics, BetweennessAccumulator};
use weave::core::analysis::{analyze, AnalysisOptions, AnalysisReport, PathMode};
use weave::core::network::{Attrs, Network};

fn network(n: usize, edges: &[(usize, usize, f64)], directed: bool) -> Network {
    let mut net = Network::new(directed);
    for i in 0..n {
        net.add_node(format!("v{i}"), None, Attrs::new());
    }
    for &(s, t, w) in edges {
        net.add_edge(s, t, w, Attrs::new());
    }
    net
}

fn all_finite(r: &AnalysisReport) -> bool {
    let g = &r.graph;
    let graph_ok = [g.density, g.transitivity, g.modularity, g.mean_degree]
        .iter()
        .chain(g.reciprocity.iter())
        .all(|x| x.is_finite());
    graph_ok
        && r.nodes.iter().all(|n| {
            [
                n.degree,
                n.weighted_degree,
                n.pagerank,
                n.eigenvector,
                n.clustering,
            ]
            .iter()
            .chain(n.betweenness.iter())
            .chain(n.closeness.iter())
            .chain(n.harmonic.iter())
            .chain(n.constraint.iter())
            .chain(n.effective_size.iter())
            .all(|x| x.is_finite())
        })
}

fn graphs() -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>, bool)> {
    (0usize..14).prop_flat_map(|n| {
        // Endpoints may run one past the node list: files can be wrong.
        let edge = (
            0..n + 1,
            0..n + 1,
            prop_oneof![Just(1.0), 0.5f64..4.0, Just(f64::NAN)],
        );
        (Just(n), prop::collection::vec(edge, 0..40), any::<bool>())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn analysis_never_panics_or_yields_nan((n, edges, directed) in graphs(), weighted in any::<bool>()) {
        let net = network(n, &edges, directed);
        let options = AnalysisOptions { weighted, ..AnalysisOptions::default() };
        let r = analyze(&net, &options);
        prop_assert_eq!(r.nodes.len(), n);
        prop_assert!(all_finite(&r), "{:?}", r);
        if n > 0 {
            let pr: f64 = r.nodes.iter().map(|x| x.pagerank).sum();
            prop_assert!((pr - 1.0).abs() < 1e-9);
        }
        let comps: std::collections::BTreeSet<u32> = r.nodes.iter().map(|x| x.component).collect();
        prop_assert_eq!(comps.len(), r.graph.components);
    }

    #[test]
    fn chunked_sweep_equals_one_sweep((n, edges, directed) in graphs(), cut in 0usize..15) {
        let edges: Vec<_> = edges.into_iter().filter(|e| e.2.is_finite()).collect();
        let g = Csr::from_edges(n, directed, &edges);
        let mut acc = BetweennessAccumulator::new(&g, true);
        acc.add_sources(0..cut);
        acc.add_sources(cut..n);
        let chunked = acc.finish();
        let whole = path_metrics(&g, true);
        for (a, b) in chunked.betweenness.iter().zip(&whole.betweenness) {
            prop_assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0));
        }
        prop_assert_eq!(chunked.sources, n);
    }
}

#[test]
fn empty_graph() {
    let r = analyze(&Network::new(false), &AnalysisOptions::default());
    assert_eq!(
        (r.graph.nodes, r.graph.edges, r.graph.components),
        (0, 0, 0)
    );
    assert_eq!(r.graph.density, 0.0);
}

#[test]
fn single_node() {
    let r = analyze(&network(1, &[], false), &AnalysisOptions::default());
    let v = &r.nodes[0];
    assert_eq!(
        (v.degree, v.betweenness, v.closeness),
        (0.0, Some(0.0), Some(0.0))
    );
    assert_eq!(v.pagerank, 1.0);
    assert_eq!(v.constraint, None);
    assert_eq!(r.graph.isolates, 1);
}

#[test]
fn self_loop_counts_for_degree_not_for_paths() {
    let r = analyze(
        &network(2, &[(0, 0, 1.0), (0, 1, 1.0)], false),
        &AnalysisOptions::default(),
    );
    assert_eq!(r.nodes[0].degree, 3.0);
    assert_eq!(r.nodes[0].betweenness, Some(0.0));
    assert_eq!(r.graph.edges, 2);
    assert_eq!(r.graph.isolates, 0);
}

#[test]
fn parallel_edges_merge_and_add_weights() {
    let r = analyze(
        &network(2, &[(0, 1, 1.0), (0, 1, 2.0)], false),
        &AnalysisOptions::default(),
    );
    assert_eq!(r.graph.edges, 1);
    assert_eq!(r.nodes[0].degree, 1.0);
    assert_eq!(r.nodes[0].weighted_degree, 3.0);
}

#[test]
fn all_isolates() {
    let r = analyze(&network(5, &[], false), &AnalysisOptions::default());
    assert_eq!(r.graph.isolates, 5);
    assert_eq!(r.graph.components, 5);
    assert!(r.nodes.iter().all(|v| v.core == 0 && v.eigenvector > 0.0));
    assert!(all_finite(&r));
}

#[test]
fn sampled_and_skipped_paths() {
    let net = network(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], false);
    let sampled = AnalysisOptions {
        paths: PathMode::Sampled { pivots: 4, seed: 1 },
        ..AnalysisOptions::default()
    };
    let r = analyze(&net, &sampled);
    assert_eq!(r.nodes[1].betweenness, Some(2.0));
    assert_eq!(r.nodes[1].closeness, None);
    let skip = AnalysisOptions {
        paths: PathMode::Skip,
        ..AnalysisOptions::default()
    };
    assert_eq!(analyze(&net, &skip).nodes[1].betweenness, None);
}

#[test]
fn report_round_trips_through_json() {
    let net = network(3, &[(0, 1, 1.0), (1, 2, 1.0)], true);
    let r = analyze(&net, &AnalysisOptions::default());
    let text = serde_json::to_string(&r).unwrap();
    let back: AnalysisReport = serde_json::from_str(&text).unwrap();
    // serde_json's default float parsing may differ in the last bit.
    assert_eq!(back.bridges, r.bridges);
    assert_eq!(back.graph.edges, r.graph.edges);
    for (a, b) in back.nodes.iter().zip(&r.nodes) {
        assert_eq!((&a.id, a.core, a.community), (&b.id, b.core, b.community));
        assert!((a.pagerank - b.pagerank).abs() < 1e-15);
    }
    let options: AnalysisOptions = serde_json::from_str(r#"{"weighted":true}"#).unwrap();
    assert!(options.weighted && options.paths == PathMode::Exact);
}
