//! The full analysis of one network: every per-node metric, the per-graph
//! figures, attribute groups and (for two-mode networks) place figures, in a
//! serialisable report the CLI prints and the web worker posts back.

use super::cohesion::{clustering, core_numbers};
use super::components::{components, cut_sets};
use super::csr::Csr;
use super::degree::degrees;
use super::groups::{attribute_figures, categorical_attributes, AttributeFigures};
use super::holes::structural_holes;
use super::louvain::louvain;
use super::paths::{betweenness_sampled, path_metrics, PathMetrics};
use super::spectral::{eigenvector, pagerank, PowerIteration};
use super::two_mode::{is_two_mode, place_figures, PlaceFigures};
use super::Network;
use serde::{Deserialize, Serialize};

/// How to compute the shortest-path metrics, the costly part (O(n·m)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum PathMode {
    /// Exact betweenness, closeness and harmonic closeness.
    Exact,
    /// Betweenness estimated from `pivots` sources; closeness is left out.
    Sampled { pivots: usize, seed: u64 },
    /// No path metrics (for a very first, instant picture).
    Skip,
}

/// What to compute and how. The defaults suit a community network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisOptions {
    /// Treat the network as directed; `None` keeps the network's own flag.
    pub directed: Option<bool>,
    /// Edge weights as lengths for path metrics and as multipliers for
    /// eigenvector centrality (networkx's `weight="weight"`). PageRank and
    /// weighted degree always use weights.
    pub weighted: bool,
    pub paths: PathMode,
    /// Seed for Louvain's visiting order.
    pub seed: u64,
    /// Attributes to group by; `None` picks every categorical attribute.
    pub attributes: Option<Vec<String>>,
    /// PageRank damping factor.
    pub alpha: f64,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self {
            directed: None,
            weighted: false,
            paths: PathMode::Exact,
            seed: 42,
            attributes: None,
            alpha: 0.85,
        }
    }
}

/// Every metric of one node. Path metrics are `None` when not computed;
/// structural holes are `None` for nodes without neighbours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeMetrics {
    pub id: String,
    pub degree: f64,
    pub in_degree: f64,
    pub out_degree: f64,
    pub weighted_degree: f64,
    pub betweenness: Option<f64>,
    pub closeness: Option<f64>,
    pub harmonic: Option<f64>,
    pub pagerank: f64,
    pub eigenvector: f64,
    pub core: u32,
    pub clustering: f64,
    pub component: u32,
    pub community: u32,
    pub articulation: bool,
    pub constraint: Option<f64>,
    pub effective_size: Option<f64>,
}

/// Whole-network figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphFigures {
    pub nodes: usize,
    /// Distinct edges, self-loops included (as networkx counts a simple graph's).
    pub edges: usize,
    pub directed: bool,
    pub density: f64,
    pub components: usize,
    pub largest_component: usize,
    pub isolates: usize,
    pub transitivity: f64,
    pub communities: usize,
    pub modularity: f64,
    /// Share of arcs that are reciprocated; directed networks only.
    pub reciprocity: Option<f64>,
    pub mean_degree: f64,
    pub bridges: usize,
    pub articulation_points: usize,
}

/// Everything [`analyze`] finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisReport {
    pub graph: GraphFigures,
    pub nodes: Vec<NodeMetrics>,
    /// Bridges as pairs of node ids.
    pub bridges: Vec<(String, String)>,
    pub attributes: Vec<AttributeFigures>,
    /// Present for two-mode (people–places) networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<PlaceFigures>>,
    pub paths: PathMode,
}

/// Attribute groups larger than this are not categories (ids, free text).
const MAX_GROUPS: usize = 12;

/// Analyses a network completely.
///
/// # Arguments
/// * `net` – any network; edges pointing outside the node list are ignored.
/// * `options` – see [`AnalysisOptions`]; `Default` is exact and unweighted.
///
/// # Returns
/// An [`AnalysisReport`]; never NaN (undefined values are `None`).
///
/// # Complexity
/// Dominated by the path metrics: O(n·m) exact, O(pivots·m) sampled; the
/// rest is O(m log n) or O(Σ deg²).
///
/// # Example
/// ```
/// use weave::core::analysis::{analyze, AnalysisOptions};
/// use weave::core::network::{Attrs, Network};
/// let mut net = Network::new(false);
/// let a = net.add_node("a", None, Attrs::new());
/// let b = net.add_node("b", None, Attrs::new());
/// net.add_edge(a, b, 1.0, Attrs::new());
/// let report = analyze(&net, &AnalysisOptions::default());
/// assert_eq!(report.graph.edges, 1);
/// assert_eq!(report.nodes[0].degree, 1.0);
/// ```
pub fn analyze(net: &Network, options: &AnalysisOptions) -> AnalysisReport {
    analyze_with_paths(net, options, None)
}

/// As [`analyze`], but with path metrics already computed (e.g. in chunks by a
/// worker with [`super::BetweennessAccumulator`]); `None` computes them as
/// `options.paths` says. Path metrics of the wrong length are ignored.
pub fn analyze_with_paths(
    net: &Network,
    options: &AnalysisOptions,
    paths: Option<PathMetrics>,
) -> AnalysisReport {
    let directed = options.directed.unwrap_or(net.directed);
    let g = Csr::with_direction(net, directed);
    let n = g.n;
    let deg = degrees(&g);
    let paths = paths
        .filter(|p| p.betweenness.len() == n && p.closeness.len() == n && p.harmonic.len() == n)
        .map(|p| (Some(p.betweenness), Some(p.closeness), Some(p.harmonic)));
    let (betweenness, closeness, harmonic) = paths.unwrap_or_else(|| match options.paths {
        PathMode::Exact => {
            let p = path_metrics(&g, options.weighted);
            (Some(p.betweenness), Some(p.closeness), Some(p.harmonic))
        }
        PathMode::Sampled { pivots, seed } => (
            Some(betweenness_sampled(&g, pivots, seed, options.weighted)),
            None,
            None,
        ),
        PathMode::Skip => (None, None, None),
    });
    let pr = pagerank(&g, options.alpha, PowerIteration::default());
    let ev = eigenvector(&g, options.weighted, PowerIteration::default());
    let core = core_numbers(&g);
    let clus = clustering(&g);
    let comp = components(&g);
    let cuts = cut_sets(&g);
    let comm = louvain(&g, options.seed);
    let holes = structural_holes(&g, options.weighted);
    let at = |v: &Option<Vec<f64>>, i: usize| v.as_ref().and_then(|x| x.get(i).copied());
    let nodes = (0..n)
        .map(|v| NodeMetrics {
            id: net.nodes[v].id.clone(),
            degree: deg.total[v],
            in_degree: deg.indeg[v],
            out_degree: deg.outdeg[v],
            weighted_degree: deg.total_weighted[v],
            betweenness: at(&betweenness, v),
            closeness: at(&closeness, v),
            harmonic: at(&harmonic, v),
            pagerank: pr[v],
            eigenvector: ev[v],
            core: core[v],
            clustering: clus.local[v],
            component: comp[v],
            community: comm.membership[v],
            articulation: cuts.articulation[v],
            constraint: holes.constraint[v],
            effective_size: holes.effective_size[v],
        })
        .collect();
    let graph = graph_figures(&g, &deg.total, &comp, clus.transitivity, &comm, &cuts);
    let attributes = options
        .attributes
        .clone()
        .unwrap_or_else(|| categorical_attributes(net, MAX_GROUPS))
        .iter()
        .map(|a| attribute_figures(net, &g, &deg.total, a))
        .collect();
    let places = is_two_mode(net).then(|| {
        let b = betweenness.clone().unwrap_or_else(|| vec![0.0; n]);
        place_figures(net, &b)
    });
    let id = |v: usize| net.nodes[v].id.clone();
    AnalysisReport {
        graph,
        nodes,
        bridges: cuts.bridges.iter().map(|&(a, b)| (id(a), id(b))).collect(),
        attributes,
        places,
        paths: options.paths,
    }
}

fn graph_figures(
    g: &Csr,
    degree: &[f64],
    comp: &[u32],
    transitivity: f64,
    comm: &super::louvain::Communities,
    cuts: &super::components::CutSets,
) -> GraphFigures {
    let n = g.n;
    let loop_nodes = g.loops.iter().filter(|&&l| l > 0).count();
    let edges = g.edges + loop_nodes;
    let nf = n as f64;
    let density = if n > 1 {
        let pairs = nf * (nf - 1.0);
        if g.directed {
            edges as f64 / pairs
        } else {
            2.0 * edges as f64 / pairs
        }
    } else {
        0.0
    };
    let count = comp.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut sizes = vec![0usize; count];
    for &c in comp {
        sizes[c as usize] += 1;
    }
    let reciprocity = g.directed.then(|| {
        let undirected = g.und.arcs() / 2 + loop_nodes;
        let overlap = 2 * (edges - undirected);
        if edges == 0 {
            0.0
        } else {
            overlap as f64 / edges as f64
        }
    });
    GraphFigures {
        nodes: n,
        edges,
        directed: g.directed,
        density,
        components: count,
        largest_component: sizes.iter().copied().max().unwrap_or(0),
        isolates: degree.iter().filter(|&&d| d == 0.0).count(),
        transitivity,
        communities: comm.count,
        modularity: comm.modularity,
        reciprocity,
        mean_degree: if n > 0 {
            degree.iter().sum::<f64>() / nf
        } else {
            0.0
        },
        bridges: cuts.bridges.len(),
        articulation_points: cuts.articulation.iter().filter(|&&a| a).count(),
    }
}
