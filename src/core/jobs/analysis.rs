//! The analysis job: a community (or any network) in, [`AnalysisUpdate`]s
//! out, refined step by step so nothing waits for the O(n·m) part.
//!
//! Order of work: build the people network, compute every metric that needs
//! no shortest paths (a family per step), then sweep shortest paths from the
//! sources in chunks. On a network larger than [`Refinement::exact_up_to`]
//! the first [`Refinement::pivots_for`] sources are a random sample, and once
//! they are swept the job posts a first full result with estimated path
//! metrics; the sweep then goes on over the other sources (the sample is a
//! prefix of the exact sweep, so nothing is swept twice) and the last output
//! holds exact values. Smaller networks go straight to exact values.

use super::{Emit, Output, Progress, Stage, Task};
use crate::core::analysis::csr::Csr;
use crate::core::analysis::paths::{sample_pivots, BetweennessAccumulator};
use crate::core::analysis::report::{analysis_graph, BaseBuilder, BaseMetrics, PathValues};
use crate::core::analysis::{
    findings_with, people_network, AnalysisOptions, AnalysisReport, Finding, PathMode,
};
use crate::core::model::Community;
use crate::core::network::Network;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What to analyse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
///
/// Shared (`Rc`), so the page keeps the job it asked for (to know it again
/// and to retry it) without a second copy: copying 2,000 people's network
/// cost the page's thread ~10 ms a copy.
pub enum Subject {
    /// An event: its people network is analysed, and findings are added.
    Community(Rc<Community>),
    /// Any network (an import, a benchmark graph); crosses to the worker
    /// as columns (see [`super::network_wire`]).
    Network(#[serde(with = "super::network_wire")] Rc<Network>),
}

impl Subject {
    pub fn community(c: Community) -> Subject {
        Subject::Community(Rc::new(c))
    }

    pub fn network(net: Network) -> Subject {
        Subject::Network(Rc::new(net))
    }
}

/// How path metrics are refined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Refinement {
    /// Networks up to this many nodes get exact values at once.
    pub exact_up_to: usize,
    /// Sources sampled for the first full result of a larger network, at
    /// most: fewer when the sample would cost more than `sample_work`.
    pub pivots: usize,
    /// Work the sample may take, in node and arc visits (each source costs
    /// n + arcs): it keeps the first full result of a big network quick
    /// (20,000 nodes, 60,000 ties: about 70 sources rather than 200). Never
    /// fewer than [`MIN_PIVOTS`] sources.
    pub sample_work: usize,
    /// Seed for choosing them.
    pub seed: u64,
    /// Work per step, in node and arc visits (about 10–30 ms in a browser).
    pub step_work: usize,
}

impl Default for Refinement {
    fn default() -> Self {
        Self {
            exact_up_to: 3000,
            pivots: 200,
            sample_work: 10_000_000,
            seed: 7,
            step_work: 3_000_000,
        }
    }
}

/// The fewest sources a sample has (when the graph has that many).
pub const MIN_PIVOTS: usize = 32;

impl Refinement {
    /// How many sources to sample on a graph of `n` nodes and `arcs` arcs.
    pub fn pivots_for(&self, n: usize, arcs: usize) -> usize {
        let affordable = self.sample_work / (n + arcs).max(1);
        affordable.max(MIN_PIVOTS).min(self.pivots)
    }
}

/// The analysis job's input.
///
/// `options.paths` says how far to go: `Exact` (the default) refines to
/// exact values as described in the module docs, `Sampled` stops at the
/// estimate from its own pivots, `Skip` stops after the other metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisJob {
    pub subject: Subject,
    #[serde(default)]
    pub options: AnalysisOptions,
    #[serde(default)]
    pub refine: Refinement,
}

/// Runs a whole analysis of a small made-up network, so that a fresh
/// worker's engine has compiled the analysis loops with its optimising tier
/// before real work arrives.
///
/// V8 first runs wasm in a baseline tier and optimises a function only once
/// it has run a while, in the background. Measured in Chromium, the first
/// 2,000-node analysis of a cold worker spent its first ~150 ms at half
/// speed waiting for that (the sweep's steps took 35–40 ms, then 16 ms);
/// a few milliseconds here, once per worker, take that wait off the first
/// analysis a user sees. Natively this is a fraction of a millisecond.
/// Returns whether the analysis came to its final result.
pub fn warm_up() -> bool {
    // A circulant graph: every node tied to the next three and one far
    // away, so the sweep has several levels and Louvain several moves.
    const N: usize = 400;
    let mut net = Network::new(false);
    for i in 0..N {
        net.add_node(i.to_string(), None, Default::default());
    }
    for i in 0..N {
        for step in [1, 2, 3, 37] {
            net.add_edge(i, (i + step) % N, 1.0, Default::default());
        }
    }
    // The path sweep first: it is where a large analysis spends its time,
    // and the engine optimises functions in the order they asked for it.
    let mut sweep = BetweennessAccumulator::new(&Csr::from_network(&net), false);
    sweep.add_sources(0..N);
    let mut task = AnalysisTask::new(AnalysisJob::new(Subject::network(net)));
    let (mut out, mut finished) = (Vec::new(), false);
    while task.step(&mut out) || !out.is_empty() {
        finished |= out
            .iter()
            .any(|e| matches!(e, Emit::Output { last: true, .. }));
        out.clear();
    }
    finished && sweep.sources_done() == N
}

impl AnalysisJob {
    /// Exact, default options.
    pub fn new(subject: Subject) -> Self {
        Self {
            subject,
            options: AnalysisOptions::default(),
            refine: Refinement::default(),
        }
    }

    /// The analysis every screen of the app shows for an event: its people
    /// network, undirected, refined to exact values. Only finished responses
    /// are sent (they are all the analysis reads; drafts never leave the page).
    pub fn for_community(c: &Community) -> Self {
        let mut finished = Community::new(c.event.clone());
        finished.responses = c.finished().cloned().collect();
        finished.merges = c.merges.clone();
        finished.place_decisions = c.place_decisions.clone();
        Self {
            subject: Subject::community(finished),
            options: AnalysisOptions {
                directed: Some(false),
                ..AnalysisOptions::default()
            },
            refine: Refinement::default(),
        }
    }
}

/// One result: the report and, for a community, the findings in plain words
/// (computed from the same, possibly estimated, betweenness).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisUpdate {
    /// Crosses to the page as columns (see [`super::report_wire`]).
    #[serde(with = "super::report_wire")]
    pub report: AnalysisReport,
    #[serde(default)]
    pub findings: Vec<Finding>,
}

impl AnalysisUpdate {
    /// True when the path metrics are exact (the last refinement).
    pub fn is_exact(&self) -> bool {
        self.report.paths == PathMode::Exact
    }
}

/// The network and the graph every later step works on.
struct Prepared {
    community: Option<Community>,
    net: Network,
    g: Csr,
    options: AnalysisOptions,
    refine: Refinement,
}

/// The shortest-path sweep: `order[..next]` are done.
struct Sweep {
    acc: BetweennessAccumulator,
    order: Vec<usize>,
    next: usize,
    /// Post an estimate once this many sources are swept (the sample).
    sample: Option<usize>,
    /// Stop after the sample (`PathMode::Sampled`).
    sample_only: bool,
}

enum Phase {
    Start(AnalysisJob),
    Metrics(Box<Prepared>, Box<BaseBuilder>),
    Paths(Box<Prepared>, Box<BaseMetrics>, Box<Sweep>),
    Done,
}

/// The analysis job as a [`Task`].
pub struct AnalysisTask {
    phase: Phase,
    /// The last progress reported, in thousandths, to post at most ~100 per stage.
    reported: Option<(Stage, u64)>,
}

impl AnalysisTask {
    pub fn new(job: AnalysisJob) -> Self {
        Self {
            phase: Phase::Start(job),
            reported: None,
        }
    }

    fn progress(&mut self, out: &mut Vec<Emit>, stage: Stage, done: u64, total: u64) {
        let permille = (done * 1000).checked_div(total).unwrap_or(1000);
        let due = match self.reported {
            Some((s, p)) => s != stage || permille >= p + 10 || (done == total && p < 1000),
            None => true,
        };
        if due {
            self.reported = Some((stage, permille));
            out.push(Emit::Progress(Progress { stage, done, total }));
        }
    }
}

fn prepare(job: AnalysisJob) -> Prepared {
    let (community, net) = match job.subject {
        // The worker's copy is its own (decoded from the page's message).
        Subject::Community(c) => {
            let net = people_network(&c);
            (Some(Rc::unwrap_or_clone(c)), net)
        }
        Subject::Network(net) => (None, Rc::unwrap_or_clone(net)),
    };
    let g = analysis_graph(&net, &job.options);
    Prepared {
        community,
        net,
        g,
        options: job.options,
        refine: job.refine,
    }
}

/// The sweep the options ask for, or `None` when path metrics are skipped.
fn plan_sweep(p: &Prepared) -> Option<Sweep> {
    let n = p.g.n;
    let (pivots, seed, sample_only) = match p.options.paths {
        PathMode::Skip => return None,
        PathMode::Sampled { pivots, seed } => (pivots, seed, true),
        PathMode::Exact if n > p.refine.exact_up_to => {
            let pivots = p.refine.pivots_for(n, p.g.out.arcs());
            (pivots, p.refine.seed, false)
        }
        PathMode::Exact => (0, 0, false),
    };
    let sample = sample_pivots(n, pivots, seed);
    let k = sample.len();
    let mut order = sample;
    if !sample_only {
        let mut in_sample = vec![false; n];
        for &s in &order {
            in_sample[s] = true;
        }
        order.extend((0..n).filter(|&s| !in_sample[s]));
    }
    let mut acc = BetweennessAccumulator::new(&p.g, p.options.weighted);
    if k == 0 {
        // Exact from the start: no estimate is ever posted.
        acc.stop_estimating();
    }
    Some(Sweep {
        acc,
        order,
        next: 0,
        sample: (k > 0 && k < n).then_some(k),
        sample_only,
    })
}

fn update(p: &Prepared, base: &BaseMetrics, paths: PathValues) -> AnalysisUpdate {
    let findings = match &p.community {
        Some(c) => {
            let b = match (&paths.betweenness, p.g.directed) {
                (Some(b), false) => b.as_slice(),
                _ => &[],
            };
            findings_with(c, &p.net, b)
        }
        None => Vec::new(),
    };
    AnalysisUpdate {
        report: base.report(&p.net, &p.g, paths),
        findings,
    }
}

fn output(update: AnalysisUpdate, last: bool) -> Emit {
    Emit::Output {
        output: Output::Analysis(Box::new(update)),
        last,
    }
}

impl Task for AnalysisTask {
    fn step(&mut self, out: &mut Vec<Emit>) -> bool {
        match std::mem::replace(&mut self.phase, Phase::Done) {
            Phase::Start(job) => {
                self.progress(out, Stage::Preparing, 0, 1);
                let p = prepare(job);
                let builder = BaseBuilder::new(&p.options);
                self.progress(out, Stage::Metrics, 0, BaseBuilder::STEPS as u64);
                self.phase = Phase::Metrics(Box::new(p), Box::new(builder));
                true
            }
            Phase::Metrics(p, mut builder) => {
                builder.step(&p.net, &p.g);
                let done = builder.done();
                self.progress(out, Stage::Metrics, done as u64, BaseBuilder::STEPS as u64);
                if done < BaseBuilder::STEPS {
                    self.phase = Phase::Metrics(p, builder);
                    return true;
                }
                let Some(base) = builder.finish() else {
                    out.push(Emit::Failed("the metrics could not be completed".into()));
                    return false;
                };
                match plan_sweep(&p) {
                    None => {
                        out.push(output(update(&p, &base, PathValues::none()), true));
                        false
                    }
                    Some(sweep) => {
                        self.phase = Phase::Paths(p, Box::new(base), Box::new(sweep));
                        true
                    }
                }
            }
            Phase::Paths(p, base, sweep) => match self.sweep_step(out, &p, &base, sweep) {
                Some(sweep) => {
                    self.phase = Phase::Paths(p, base, sweep);
                    true
                }
                None => false,
            },
            Phase::Done => false,
        }
    }
}

impl AnalysisTask {
    /// Sweeps one chunk of sources; posts the estimate when the sample is
    /// complete and the exact values at the end (then returns `None`).
    fn sweep_step(
        &mut self,
        out: &mut Vec<Emit>,
        p: &Prepared,
        base: &BaseMetrics,
        mut sweep: Box<Sweep>,
    ) -> Option<Box<Sweep>> {
        let cost = (p.g.n + p.g.out.arcs()).max(1);
        let chunk = (p.refine.step_work / cost).max(1);
        // Never run past the end of the sample in the same step.
        let stop = match sweep.sample {
            Some(k) if sweep.next < k => k,
            _ => sweep.order.len(),
        };
        let end = (sweep.next + chunk).min(stop);
        for &s in &sweep.order[sweep.next..end] {
            sweep.acc.add_source(s);
        }
        sweep.next = end;
        let sampling = matches!(sweep.sample, Some(k) if end <= k) || sweep.sample_only;
        if sampling {
            let k = sweep.sample.unwrap_or(sweep.order.len());
            self.progress(out, Stage::Sampling, end as u64, k as u64);
        } else {
            let n = sweep.order.len();
            self.progress(out, Stage::Refining, end as u64, n as u64);
        }
        let finished = end == sweep.order.len();
        if sweep.sample == Some(end) && !finished {
            let estimate = sweep.acc.estimate();
            let paths = PathValues {
                mode: PathMode::Sampled {
                    pivots: end,
                    seed: match p.options.paths {
                        PathMode::Sampled { seed, .. } => seed,
                        _ => p.refine.seed,
                    },
                },
                betweenness: Some(estimate.betweenness),
                closeness: Some(estimate.closeness),
                harmonic: Some(estimate.harmonic),
            };
            out.push(output(update(p, base, paths), false));
            // The rest of the sweep only refines to exact values.
            sweep.acc.stop_estimating();
            return Some(sweep);
        }
        if !finished {
            return Some(sweep);
        }
        let paths = if sweep.sample_only && sweep.sample.is_some() {
            let estimate = sweep.acc.estimate();
            PathValues {
                mode: p.options.paths,
                betweenness: Some(estimate.betweenness),
                closeness: Some(estimate.closeness),
                harmonic: Some(estimate.harmonic),
            }
        } else {
            PathValues::exact(sweep.acc.finish())
        };
        out.push(output(update(p, base, paths), true));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warm_up_runs_a_whole_analysis_to_its_final_result() {
        assert!(warm_up());
    }

    #[test]
    fn the_sample_shrinks_with_the_graph_but_not_below_the_floor() {
        let r = Refinement::default();
        // Small graphs afford the full sample.
        assert_eq!(r.pivots_for(4_000, 24_000), 200);
        // 20,000 nodes and 60,000 ties (both ways): about 70 sources.
        assert_eq!(r.pivots_for(20_000, 120_000), 71);
        // Huge graphs keep a floor, and a tiny budget cannot go below it.
        assert_eq!(r.pivots_for(1_000_000, 6_000_000), MIN_PIVOTS);
        let tiny = Refinement {
            pivots: 10,
            ..Refinement::default()
        };
        assert_eq!(tiny.pivots_for(1_000_000, 6_000_000), 10);
    }
}
