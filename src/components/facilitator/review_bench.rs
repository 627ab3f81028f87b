//! The browser half of `scripts/bench-matching.sh`: at
//! `#/facilitator/matching?bench=3000` the review times candidate generation
//! and scoring on the synthetic benchmark community of that many residents,
//! in this browser's wasm build: on the main thread (`core::matching::suggest`)
//! and as the review does it, in the web worker (the matching job, from
//! posting the event to having the suggestions back, JSON both ways). The
//! figures go into data attributes for the bench script to read. Nothing is
//! stored: the event on this device is not touched.

use crate::core::demo::demo_community_sized;
use crate::core::jobs::matching::MatchingJob;
use crate::core::jobs::{Job, Output, Reply};
use crate::core::matching::{plan_bulk_accept, suggest, MatchOptions, DEFAULT_THRESHOLD};
use crate::platform::file_input;
use crate::platform::worker::WorkerHandle;
use crate::state::context::use_app;
use crate::state::route::query_param;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The largest benchmark community accepted from the address bar.
const MAX_BENCH: usize = 20_000;
/// The seed the native benchmark reports on by default.
const BENCH_SEED: u64 = 2;

/// The benchmark size in this page's address, if any.
pub fn bench_from_location() -> Option<usize> {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| query_param(&h, "bench")?.parse::<usize>().ok())
        .filter(|n| (1..=MAX_BENCH).contains(n))
}

#[derive(Clone, PartialEq, Default)]
struct Figures {
    generate_ms: f64,
    suggest_ms: f64,
    plan_ms: f64,
    suggestions: usize,
    planned: usize,
}

#[derive(Clone, PartialEq, Default)]
struct WorkerFigures {
    ms: f64,
    suggestions: usize,
}

#[derive(Properties, PartialEq)]
pub struct BenchProps {
    pub residents: usize,
}

#[function_component(ReviewBench)]
pub fn review_bench(props: &BenchProps) -> Html {
    let app = use_app();
    let figures = use_state(|| None::<Figures>);
    let in_worker = use_state(|| None::<WorkerFigures>);
    let worker = use_state(|| Rc::new(WorkerHandle::spawn()));
    {
        let (figures, in_worker, worker) = (figures.clone(), in_worker.clone(), worker.clone());
        use_effect_with(props.residents, move |&residents| {
            spawn_local(async move {
                file_input::after_paint().await;
                let community = demo_community_sized(BENCH_SEED, residents);
                figures.set(Some(measure(residents)));
                file_input::after_paint().await;
                let start = js_sys::Date::now();
                let job = Job::Matching(MatchingJob {
                    community: Box::new(community),
                    options: MatchOptions::default(),
                });
                worker.start("matching", job, move |reply| {
                    if let Reply::Output {
                        output: Output::Matching(m),
                        last: true,
                        ..
                    } = reply
                    {
                        in_worker.set(Some(WorkerFigures {
                            ms: js_sys::Date::now() - start,
                            suggestions: m.suggestions.len(),
                        }));
                    }
                });
            });
            || ()
        });
    }
    let busy = figures.is_none() || in_worker.is_none();
    let f = (*figures).clone().unwrap_or_default();
    let w = (*in_worker).clone().unwrap_or_default();
    html! {
        <section class="panel" data-testid="review-bench" data-busy={busy.to_string()}
            data-residents={props.residents.to_string()}
            data-generate-ms={format!("{:.0}", f.generate_ms)}
            data-suggest-ms={format!("{:.0}", f.suggest_ms)}
            data-plan-ms={format!("{:.0}", f.plan_ms)}
            data-suggestions={f.suggestions.to_string()}
            data-planned={f.planned.to_string()}
            data-worker-ms={format!("{:.0}", w.ms)}
            data-worker-suggestions={w.suggestions.to_string()}>
            <h2>{ app.t("match-title") }</h2>
            if busy {
                <p class="status busy" role="status">
                    <span class="spinner" aria-hidden="true"></span>{ app.t("match-computing") }
                </p>
            } else {
                <p role="status">{ app.t_with("match-bench-done", &[
                    ("residents", props.residents.into()),
                    ("ms", f.suggest_ms.round().into()),
                    ("count", f.suggestions.into()),
                ]) }</p>
            }
        </section>
    }
}

fn measure(residents: usize) -> Figures {
    let now = js_sys::Date::now;
    let t = now();
    let community = demo_community_sized(BENCH_SEED, residents);
    let generate_ms = now() - t;
    let t = now();
    let list = suggest(&community, &MatchOptions::default());
    let suggest_ms = now() - t;
    let t = now();
    let planned = plan_bulk_accept(&community, &list, DEFAULT_THRESHOLD).len();
    Figures {
        generate_ms,
        suggest_ms,
        plan_ms: now() - t,
        suggestions: list.len(),
        planned,
    }
}
