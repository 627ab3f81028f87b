//! The page the analysis benchmark drives (`#/bench-analysis?graph=NAME`,
//! see `scripts/bench-analysis.sh`): it loads a graph the bench serves
//! beside the app (`bench-data/NAME.json`), starts a worker and warms it up,
//! and on "Run" analyses the graph exactly as the app does (the same worker
//! binary and job, default refinement), then writes the timings and the
//! worker's wasm memory into the page as JSON for the script to read.
//! Nothing is stored; on a normal host there is no `bench-data/` and the
//! page says so.

use crate::components::analysis_progress::AnalysisProgress;
use crate::core::jobs::{AnalysisJob, Job, Output, Progress, Reply, Subject};
use crate::core::network::{Attrs, Network};
use crate::platform::render::frames;
use crate::platform::worker::{wasm_memory_bytes, WorkerHandle};
use crate::state::context::use_app;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// The benchmark's graph file: node ids and undirected edges.
#[derive(Deserialize)]
struct GraphFile {
    nodes: Vec<String>,
    edges: Vec<(String, String)>,
}

fn network(file: GraphFile) -> Network {
    let mut net = Network::new(false);
    let mut index = HashMap::with_capacity(file.nodes.len());
    for id in file.nodes {
        let i = net.add_node(id.clone(), None, Attrs::new());
        index.insert(id, i);
    }
    for (a, b) in file.edges {
        if let (Some(&s), Some(&t)) = (index.get(&a), index.get(&b)) {
            net.add_edge(s, t, 1.0, Attrs::new());
        }
    }
    net
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|e| format!("{e:?}"))?;
    JsFuture::from(text)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .ok_or_else(|| "not text".to_string())
}

/// What the page reports, in milliseconds from posting the job.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
struct Timings {
    graph: String,
    nodes: usize,
    edges: usize,
    /// Spawning the worker until its warm-up job answered.
    worker_start_ms: f64,
    /// The first full result (sampled path metrics on large graphs).
    first_ms: Option<f64>,
    first_paths: Option<String>,
    /// The exact result, which ends the job.
    exact_ms: Option<f64>,
    worker_memory_bytes: u64,
    /// The time the worker spent on this job by its own clock (receiving
    /// the graph, every step, encoding the replies; idle gaps excluded).
    worker_busy_ms: Option<f64>,
    page_memory_bytes: u64,
    progress_messages: usize,
    /// When each stage was first reported (ms from posting).
    stages: Vec<(String, f64)>,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Missing,
    Failed(String),
    Ready(Rc<Network>),
}

fn graph_name() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let query = hash.split_once('?')?.1;
    let name = query.split('&').find_map(|kv| kv.strip_prefix("graph="))?;
    let safe = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    safe.then(|| name.to_string())
}

#[function_component(AnalysisBench)]
pub fn analysis_bench() -> Html {
    let app = use_app();
    let name = use_memo((), |_| graph_name());
    let load = use_state(|| Load::Loading);
    let worker = use_memo((), |_| Rc::new(WorkerHandle::spawn_warmed()));
    let warm = use_state(|| None::<f64>);
    let progress = use_state(|| None::<Progress>);
    let result = use_state(|| None::<Timings>);
    {
        let (name, load) = (name.clone(), load.clone());
        use_effect_with((), move |_| match (*name).clone() {
            None => load.set(Load::Missing),
            Some(n) => spawn_local(async move {
                let loaded = fetch_text(&format!("bench-data/{n}.json"))
                    .await
                    .and_then(|t| serde_json::from_str::<GraphFile>(&t).map_err(|e| e.to_string()));
                load.set(match loaded {
                    Ok(file) => Load::Ready(Rc::new(network(file))),
                    Err(why) => Load::Failed(why),
                });
            }),
        });
    }
    {
        // Warm-up: the first job waits for the worker's script and wasm.
        let (worker, warm) = ((*worker).clone(), warm.clone());
        use_effect_with((), move |_| {
            let t0 = frames::now();
            let job = Job::Analysis(AnalysisJob::new(Subject::network(Network::new(false))));
            worker.start("bench", job, move |reply| {
                if reply.is_final() {
                    warm.set(Some(frames::now() - t0));
                }
            });
        });
    }
    let on_run = {
        let (worker, load, progress, result) = (
            (*worker).clone(),
            load.clone(),
            progress.clone(),
            result.clone(),
        );
        let (name, warm) = ((*name).clone().unwrap_or_default(), *warm);
        Callback::from(move |_: MouseEvent| {
            let Load::Ready(net) = &*load else { return };
            result.set(None);
            let timings = Rc::new(RefCell::new(Timings {
                graph: name.clone(),
                nodes: net.nodes.len(),
                edges: net.edges.len(),
                worker_start_ms: warm.unwrap_or(0.0),
                ..Timings::default()
            }));
            let (progress, result, stats_worker) =
                (progress.clone(), result.clone(), worker.clone());
            let job = Job::Analysis(AnalysisJob::new(Subject::network((**net).clone())));
            // The worker answers in order: this comes back before the job starts.
            let busy0 = Rc::new(Cell::new(0.0));
            let before = busy0.clone();
            worker.stats(move |reply| {
                if let Reply::Stats { busy_ms, .. } = reply {
                    before.set(busy_ms);
                }
            });
            let t0 = frames::now();
            worker.start("bench", job, move |reply| {
                let now = frames::now() - t0;
                match reply {
                    Reply::Progress { progress: p, .. } => {
                        let mut t = timings.borrow_mut();
                        t.progress_messages += 1;
                        let key = p.stage.key().to_string();
                        if t.stages.last().is_none_or(|(k, _)| *k != key) {
                            t.stages.push((key, now));
                        }
                        progress.set(Some(p));
                    }
                    Reply::Output {
                        output: Output::Analysis(u),
                        last,
                        ..
                    } => {
                        let mut t = timings.borrow_mut();
                        if t.first_ms.is_none() {
                            t.first_ms = Some(now);
                            t.first_paths = Some(format!("{:?}", u.report.paths));
                        }
                        if last {
                            t.exact_ms = Some(now);
                            progress.set(None);
                            let (timings, result, busy0) =
                                (timings.clone(), result.clone(), busy0.clone());
                            stats_worker.stats(move |reply| {
                                if let Reply::Stats {
                                    memory_bytes,
                                    busy_ms,
                                    ..
                                } = reply
                                {
                                    let mut t = timings.borrow().clone();
                                    t.worker_memory_bytes = memory_bytes;
                                    t.worker_busy_ms = Some(busy_ms - busy0.get());
                                    t.page_memory_bytes = wasm_memory_bytes();
                                    result.set(Some(t));
                                }
                            });
                        }
                    }
                    _ => progress.set(None),
                }
            });
        })
    };
    let status = match &*load {
        Load::Loading => app.t("bench-loading"),
        Load::Missing => app.t("bench-no-graph"),
        Load::Failed(why) => app.t_with("bench-load-failed", &[("reason", why.clone().into())]),
        Load::Ready(net) => app.t_with(
            "bench-ready",
            &[
                ("nodes", net.nodes.len().into()),
                ("edges", net.edges.len().into()),
            ],
        ),
    };
    let ready = matches!(&*load, Load::Ready(_)) && warm.is_some();
    let json = (*result)
        .as_ref()
        .and_then(|t| serde_json::to_string_pretty(t).ok());
    html! {
        <main class="screen bench">
            <header class="bar"><h1>{ app.t("bench-title") }</h1></header>
            <section class="panel">
                <p>{ app.t_with("bench-graph", &[("graph", (*name).clone().unwrap_or_default().into())]) }</p>
                <p role="status" data-testid="bench-status">{ status }</p>
                <button type="button" class="btn primary" disabled={!ready} onclick={on_run} data-testid="bench-run">
                    { app.t("bench-run") }
                </button>
                if let Some(p) = *progress {
                    <AnalysisProgress progress={p} />
                }
                if let Some(json) = json {
                    <p>{ app.t("bench-done") }</p>
                    <pre data-testid="bench-result">{ json }</pre>
                }
            </section>
        </main>
    }
}
