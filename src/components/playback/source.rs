//! Where the play-back's picture comes from: the event on this device, or
//! (for the benchmark, from the address `#/playback?bench=…`) a generated
//! network of N nodes (`bench=2000`) or a demo event of N residents
//! (`bench=event500`). Nothing is stored in bench mode.

use crate::core::analysis::{people_network, AnalysisOptions};
use crate::core::jobs::{AnalysisJob, AnalysisUpdate, Subject};
use crate::core::model::Community;
use crate::core::network::Network;
use crate::core::playback::generate;
use crate::core::playback::scene::{Labels, SceneAnalysis, SceneOptions};
use crate::core::playback::Scene;
use crate::state::analysis::COMMUNITY_LANE;
use std::rc::Rc;

/// Ties per node in generated networks (2,000 nodes → 6,000 ties).
const TIES_PER_NODE: usize = 3;
/// The largest benchmark network accepted from the address bar.
const MAX_BENCH: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The event held on this device.
    Community,
    /// A generated people network of this many nodes.
    Generated(usize),
    /// A demo event with this many residents, the last one "just finished".
    Event(usize),
}

impl Source {
    /// Reads `bench=` from the hash's query, e.g. `#/playback?bench=2000`.
    pub fn from_hash(hash: &str) -> Source {
        let query = hash.split_once('?').map_or("", |(_, q)| q);
        let bench = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("bench="))
            .unwrap_or("");
        let parse = |s: &str| {
            s.parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_BENCH).contains(n))
        };
        if let Some(n) = bench.strip_prefix("event").and_then(parse) {
            Source::Event(n)
        } else if let Some(n) = parse(bench) {
            Source::Generated(n)
        } else {
            Source::Community
        }
    }

    pub fn from_location() -> Source {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .map_or(Source::Community, |h| Source::from_hash(&h))
    }

    pub fn is_bench(self) -> bool {
        self != Source::Community
    }
}

/// Reads `view=facilitator` from the hash's query: the facilitator's own
/// view (search by name), granted only when the workspace is unlocked.
pub fn facilitator_view_requested(hash: &str) -> bool {
    let query = hash.split_once('?').map_or("", |(_, q)| q);
    query.split('&').any(|kv| kv == "view=facilitator")
}

/// The analysis lane of a source: the event's own, shared with the other
/// screens, or the benchmark's.
pub fn lane(source: Source) -> &'static str {
    match source {
        Source::Community => COMMUNITY_LANE,
        _ => "playback-bench",
    }
}

/// The generated network of a `bench=N` source (shared: the analysis job
/// takes it as it is, where a copy of 2,000 people's network cost the
/// page's thread ~5 ms just after the first picture), in finish order.
pub fn generated(source: Source) -> Option<(Rc<Network>, Vec<String>)> {
    match source {
        Source::Generated(n) => {
            let (net, order) = generate::people(n, n * TIES_PER_NODE, 1);
            Some((Rc::new(net), order))
        }
        _ => None,
    }
}

/// What the analysis worker is asked for this source.
pub fn analysis_job(community: &Community, generated: Option<&Rc<Network>>) -> AnalysisJob {
    match generated {
        Some(net) => {
            let mut job = AnalysisJob::new(Subject::Network(net.clone()));
            job.options = AnalysisOptions {
                directed: Some(false),
                attributes: Some(Vec::new()),
                ..AnalysisOptions::default()
            };
            job
        }
        None => AnalysisJob::for_community(community),
    }
}

/// The scene with the worker's latest analysis and the facilitator's
/// choice of names (`labels`) (`None` before the first
/// result: the picture, without communities or brokers yet).
pub fn build_scene(
    community: &Community,
    generated: Option<&(Rc<Network>, Vec<String>)>,
    analysis: Option<&AnalysisUpdate>,
    labels: Labels,
) -> Scene {
    let options = SceneOptions {
        labels,
        ..SceneOptions::default()
    };
    let analysis = analysis.map(|u| SceneAnalysis {
        report: &u.report,
        findings: &u.findings,
    });
    match generated {
        Some((net, order)) => Scene::networks_with_analysis(net, None, order, &options, analysis),
        None => Scene::with_analysis(community, &people_network(community), &options, analysis),
    }
}
