//! Where the play-back's picture comes from: the event on this device, or
//! (for the benchmark, from the address `#/playback?bench=…`) a generated
//! network of N nodes (`bench=2000`) or a demo event of N residents
//! (`bench=event500`). Nothing is stored in bench mode.

use crate::core::analysis::PathMode;
use crate::core::model::Community;
use crate::core::playback::generate;
use crate::core::playback::scene::{paths_for, Labels, SceneOptions};
use crate::core::playback::Scene;

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

/// The scene: `full` adds path metrics (brokers) and findings, which cost
/// more; without it the first picture is instant. `labels` is the
/// facilitator's choice of names to show.
pub fn build_scene(source: Source, community: &Community, full: bool, labels: Labels) -> Scene {
    match source {
        Source::Generated(n) => {
            let (net, order) = generate::people(n, n * TIES_PER_NODE, 1);
            let options = SceneOptions {
                paths: if full { paths_for(n) } else { PathMode::Skip },
                labels,
            };
            Scene::from_networks(&net, None, &order, &options)
        }
        _ => {
            let size = community
                .finished()
                .map(|r| 1 + r.alters.len())
                .sum::<usize>();
            let options = SceneOptions {
                paths: if full {
                    paths_for(size)
                } else {
                    PathMode::Skip
                },
                labels,
            };
            Scene::from_community(community, &options)
        }
    }
}
