//! The browser half of `scripts/bench-matching.sh`: at
//! `#/facilitator/matching?bench=3000` the review times candidate generation
//! and scoring on the synthetic benchmark community of that many residents,
//! in this browser's wasm build: on the main thread (`core::matching::compute`)
//! and as the review does it, in the web worker (the matching job, from
//! taking what matching reads of the event to having the compact
//! suggestions back, JSON both ways). It also times what of that round trip
//! blocks the page: taking the input, encoding the request and decoding the
//! reply (replayed on the page with the same codec). The figures go into
//! data attributes for the bench script to read. Nothing is stored: the
//! event on this device is not touched.

use crate::core::demo::demo_community_sized;
use crate::core::jobs::matching::{MatchingJob, MatchingOutput};
use crate::core::jobs::{Job, JobId, Lane, Output, Reply, Request};
use crate::core::matching::{compute, MatchOptions, MatchingInput, Mentions, DEFAULT_THRESHOLD};
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
    suggestions: usize,
    planned: usize,
    /// Taking the input, encoding the request, decoding the reply: the
    /// page's share of the worker round trip.
    blocked_ms: f64,
    input_bytes: usize,
    output_bytes: usize,
}

#[derive(Clone, PartialEq, Default)]
struct WorkerFigures {
    ms: f64,
    again_ms: f64,
    suggestions: usize,
}

/// Posts the matching job as the review does (taking the input from
/// `input` is part of the time) and calls `done` with the milliseconds
/// until the suggestions are back, and their number.
fn round_trip(
    worker: &WorkerHandle,
    input: &Rc<MatchingInput>,
    done: impl FnOnce(f64, usize) + 'static,
) {
    let start = js_sys::Date::now();
    let job = Job::Matching(MatchingJob {
        input: Box::new((**input).clone()),
        options: MatchOptions::default(),
    });
    let done = std::cell::Cell::new(Some(done));
    worker.start("matching", job, move |reply| {
        if let Reply::Output {
            output: Output::Matching(m),
            last: true,
            ..
        } = reply
        {
            if let Some(done) = done.take() {
                done(js_sys::Date::now() - start, m.suggestions.len());
            }
        }
    });
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
                // As the review runs it: once on a fresh worker, then again
                // (as after each decision).
                let input = Rc::new(MatchingInput::of(&community));
                let again = {
                    let (worker, input) = (worker.clone(), input.clone());
                    move |first: WorkerFigures| {
                        round_trip(&worker, &input, move |ms, _| {
                            in_worker.set(Some(WorkerFigures {
                                again_ms: ms,
                                ..first
                            }));
                        });
                    }
                };
                round_trip(&worker, &input, move |ms, suggestions| {
                    again(WorkerFigures {
                        ms,
                        again_ms: 0.0,
                        suggestions,
                    });
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
            data-suggestions={f.suggestions.to_string()}
            data-planned={f.planned.to_string()}
            data-worker-ms={format!("{:.0}", w.ms)}
            data-worker-again-ms={format!("{:.0}", w.again_ms)}
            data-blocked-ms={format!("{:.0}", f.blocked_ms)}
            data-input-bytes={f.input_bytes.to_string()}
            data-output-bytes={f.output_bytes.to_string()}
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
    let input = MatchingInput::of(&community);
    let list = compute(&input, &MatchOptions::default());
    let suggest_ms = now() - t;
    let planned = list.planned_at(DEFAULT_THRESHOLD).count();
    let (blocked_ms, input_bytes, output_bytes) = page_share(&community, list.clone());
    Figures {
        generate_ms,
        suggest_ms,
        suggestions: list.len(),
        planned,
        blocked_ms,
        input_bytes,
        output_bytes,
    }
}

/// The page's work in the worker round trip, replayed with the worker's
/// codec: taking the input and encoding the request, then decoding the
/// reply that carries `suggestions`. Returns it with both messages' sizes.
fn page_share(
    community: &crate::core::model::Community,
    suggestions: crate::core::matching::Suggestions,
) -> (f64, usize, usize) {
    use crate::platform::worker::Json;
    use gloo::worker::Codec;
    let reply = Json::encode(Reply::Output {
        id: JobId(1),
        output: Output::Matching(Box::new(MatchingOutput { suggestions })),
        last: true,
    });
    let output_bytes = reply.as_string().map_or(0, |s| s.len());
    let now = js_sys::Date::now;
    let t = now();
    let input = MatchingInput::of(community);
    let request = Json::encode(Request::Start {
        id: JobId(1),
        lane: Lane::new("matching"),
        job: Box::new(Job::Matching(MatchingJob {
            input: Box::new(input.clone()),
            options: MatchOptions::default(),
        })),
    });
    let sending = now() - t;
    let t = now();
    let decoded: Reply = Json::decode(reply);
    // What the review then builds to find the open suggestions.
    let lookups = (Mentions::new(&input).len(), input.numbers().len());
    let receiving = now() - t;
    drop((decoded, lookups));
    let input_bytes = request.as_string().map_or(0, |s| s.len());
    (sending + receiving, input_bytes, output_bytes)
}
