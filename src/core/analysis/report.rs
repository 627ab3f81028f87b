//! The full analysis of one network: every per-node metric, the per-graph
//! figures, attribute groups and (for two-mode networks) place figures, in a
//! serialisable report the CLI prints and the web worker posts back.

use super::cohesion::{clustering, core_numbers, Clustering};
use super::components::{components, cut_sets, CutSets};
use super::csr::Csr;
use super::degree::{degrees, Degrees};
use super::groups::{attribute_figures, categorical_attributes, AttributeFigures};
use super::holes::{structural_holes, StructuralHoles};
use super::louvain::{louvain, Communities};
use super::paths::{betweenness_sampled, path_metrics, PathMetrics};
use super::spectral::{eigenvector, pagerank, PowerIteration};
use super::two_mode::{is_two_mode, place_figures, PlaceFigures};
use super::Network;
use serde::{Deserialize, Serialize};

/// How to compute the shortest-path metrics, the costly part (O(n·m)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum PathMode {
    /// Exact betweenness, closeness and harmonic closeness.
    Exact,
    /// Betweenness estimated from `pivots` sources; closeness is left out.
    Sampled { pivots: usize, seed: u64 },
    /// No path metrics (for a very first, instant picture).
    #[default]
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
    let g = analysis_graph(net, options);
    let n = g.n;
    let paths = paths
        .filter(|p| p.betweenness.len() == n && p.closeness.len() == n && p.harmonic.len() == n)
        .map(PathValues::exact)
        .unwrap_or_else(|| match options.paths {
            PathMode::Exact => PathValues::exact(path_metrics(&g, options.weighted)),
            PathMode::Sampled { pivots, seed } => PathValues {
                mode: options.paths,
                betweenness: Some(betweenness_sampled(&g, pivots, seed, options.weighted)),
                closeness: None,
                harmonic: None,
            },
            PathMode::Skip => PathValues::none(),
        });
    BaseMetrics::compute(net, &g, options).report(net, &g, paths)
}

/// The graph the analysis runs on: the network with the direction `options` asks for.
pub fn analysis_graph(net: &Network, options: &AnalysisOptions) -> Csr {
    Csr::with_direction(net, options.directed.unwrap_or(net.directed))
}

/// Path metrics as far as they are known, and how they were found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PathValues {
    pub mode: PathMode,
    pub betweenness: Option<Vec<f64>>,
    pub closeness: Option<Vec<f64>>,
    pub harmonic: Option<Vec<f64>>,
}

impl PathValues {
    /// No path metrics yet.
    pub fn none() -> Self {
        Self::default()
    }

    /// Exact values from a full sweep.
    pub fn exact(p: PathMetrics) -> Self {
        Self {
            mode: PathMode::Exact,
            betweenness: Some(p.betweenness),
            closeness: Some(p.closeness),
            harmonic: Some(p.harmonic),
        }
    }
}

/// Every metric that needs no shortest paths. Computed once (in one go with
/// [`BaseMetrics::compute`], or a family at a time with [`BaseBuilder`]) and
/// reused while the path metrics are refined.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseMetrics {
    deg: Degrees,
    pagerank: Vec<f64>,
    eigenvector: Vec<f64>,
    core: Vec<u32>,
    clustering: Clustering,
    components: Vec<u32>,
    cuts: CutSets,
    communities: Communities,
    holes: StructuralHoles,
    attributes: Vec<AttributeFigures>,
}

/// Builds [`BaseMetrics`] one family per [`BaseBuilder::step`], so a worker
/// can report progress and take new requests in between.
#[derive(Debug, Clone)]
pub struct BaseBuilder {
    options: AnalysisOptions,
    deg: Option<Degrees>,
    pagerank: Option<Vec<f64>>,
    eigenvector: Option<Vec<f64>>,
    core: Option<Vec<u32>>,
    clustering: Option<Clustering>,
    components: Option<Vec<u32>>,
    cuts: Option<CutSets>,
    communities: Option<Communities>,
    holes: Option<StructuralHoles>,
    attributes: Option<Vec<AttributeFigures>>,
}

impl BaseBuilder {
    /// Number of steps until [`BaseBuilder::finish`] gives a result.
    pub const STEPS: usize = 10;

    pub fn new(options: &AnalysisOptions) -> Self {
        Self {
            options: options.clone(),
            deg: None,
            pagerank: None,
            eigenvector: None,
            core: None,
            clustering: None,
            components: None,
            cuts: None,
            communities: None,
            holes: None,
            attributes: None,
        }
    }

    /// Steps taken so far (of [`BaseBuilder::STEPS`]).
    pub fn done(&self) -> usize {
        [
            self.deg.is_some(),
            self.pagerank.is_some(),
            self.eigenvector.is_some(),
            self.core.is_some(),
            self.clustering.is_some(),
            self.components.is_some(),
            self.cuts.is_some(),
            self.communities.is_some(),
            self.holes.is_some(),
            self.attributes.is_some(),
        ]
        .iter()
        .filter(|&&d| d)
        .count()
    }

    /// Computes the next family of metrics; false once all are there.
    /// `net` and `g` must be the same every call (`g` from [`analysis_graph`]).
    pub fn step(&mut self, net: &Network, g: &Csr) -> bool {
        let o = &self.options;
        if self.deg.is_none() {
            self.deg = Some(degrees(g));
        } else if self.pagerank.is_none() {
            self.pagerank = Some(pagerank(g, o.alpha, PowerIteration::default()));
        } else if self.eigenvector.is_none() {
            self.eigenvector = Some(eigenvector(g, o.weighted, PowerIteration::default()));
        } else if self.core.is_none() {
            self.core = Some(core_numbers(g));
        } else if self.clustering.is_none() {
            self.clustering = Some(clustering(g));
        } else if self.components.is_none() {
            self.components = Some(components(g));
        } else if self.cuts.is_none() {
            self.cuts = Some(cut_sets(g));
        } else if self.communities.is_none() {
            self.communities = Some(louvain(g, o.seed));
        } else if self.holes.is_none() {
            self.holes = Some(structural_holes(g, o.weighted));
        } else if self.attributes.is_none() {
            let total = self.deg.as_ref().map(|d| d.total.as_slice()).unwrap_or(&[]);
            let names = o
                .attributes
                .clone()
                .unwrap_or_else(|| categorical_attributes(net, MAX_GROUPS));
            self.attributes = Some(
                names
                    .iter()
                    .map(|a| attribute_figures(net, g, total, a))
                    .collect(),
            );
        } else {
            return false;
        }
        true
    }

    /// The metrics, once every step has run.
    pub fn finish(self) -> Option<BaseMetrics> {
        Some(BaseMetrics {
            deg: self.deg?,
            pagerank: self.pagerank?,
            eigenvector: self.eigenvector?,
            core: self.core?,
            clustering: self.clustering?,
            components: self.components?,
            cuts: self.cuts?,
            communities: self.communities?,
            holes: self.holes?,
            attributes: self.attributes?,
        })
    }
}

impl BaseMetrics {
    /// Every family at once.
    pub fn compute(net: &Network, g: &Csr, options: &AnalysisOptions) -> BaseMetrics {
        let mut b = BaseBuilder::new(options);
        while b.step(net, g) {}
        match b.finish() {
            Some(m) => m,
            None => unreachable!("every step ran"),
        }
    }

    /// The report with these metrics and `paths` (of `g`, from `net`).
    pub fn report(&self, net: &Network, g: &Csr, paths: PathValues) -> AnalysisReport {
        let n = g.n;
        let PathValues {
            mode,
            betweenness,
            closeness,
            harmonic,
        } = paths;
        let at = |v: &Option<Vec<f64>>, i: usize| v.as_ref().and_then(|x| x.get(i).copied());
        let (deg, holes) = (&self.deg, &self.holes);
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
                pagerank: self.pagerank[v],
                eigenvector: self.eigenvector[v],
                core: self.core[v],
                clustering: self.clustering.local[v],
                component: self.components[v],
                community: self.communities.membership[v],
                articulation: self.cuts.articulation[v],
                constraint: holes.constraint[v],
                effective_size: holes.effective_size[v],
            })
            .collect();
        let graph = graph_figures(
            g,
            &deg.total,
            &self.components,
            self.clustering.transitivity,
            &self.communities,
            &self.cuts,
        );
        let places = is_two_mode(net).then(|| {
            let b = betweenness.clone().unwrap_or_else(|| vec![0.0; n]);
            place_figures(net, &b)
        });
        let id = |v: usize| net.nodes[v].id.clone();
        AnalysisReport {
            graph,
            nodes,
            bridges: self
                .cuts
                .bridges
                .iter()
                .map(|&(a, b)| (id(a), id(b)))
                .collect(),
            attributes: self.attributes.clone(),
            places,
            paths: mode,
        }
    }
}

fn graph_figures(
    g: &Csr,
    degree: &[f64],
    comp: &[u32],
    transitivity: f64,
    comm: &Communities,
    cuts: &CutSets,
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
