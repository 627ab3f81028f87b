//! The matching review: "is the David in Steve's map the same David as in
//! Manjit's?" Suggestions from `core::matching::suggest`, best first, each
//! with its evidence; Merge / Keep apart / Not sure; merging everything above
//! a threshold; and the merged groups, each member of which can be split out.
//! Every decision goes to the community's merge log (with its evidence and
//! time) through [`AppContext::record_with`], and is saved with the event.
//!
//! Suggestions are computed in the web worker (`core::jobs::matching`), so
//! the screen never freezes on a big event: a new job whenever the
//! community's revision changes (meta revision, number of responses, length
//! of the merge log) supersedes the one still running. The previous list
//! stays on screen meanwhile; pairs decided meanwhile are hidden. Should the
//! worker fail, the suggestions are computed here after a paint instead.

use super::merge_groups::MergeGroups;
use super::review_item::{BulkAccept, SuggestionItem};
use crate::core::jobs::matching::MatchingJob;
use crate::core::jobs::{Job, Output, Reply};
use crate::core::matching::{suggest, Candidate, MatchOptions};
use crate::core::model::{Community, Verdict};
use crate::platform::file_input;
use crate::platform::worker::WorkerHandle;
use crate::state::context::{use_app, AppContext};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Suggestions shown at first and added by "Show more".
const PAGE: usize = 10;

/// Which community the suggestions were computed for.
type Revision = (u64, usize, usize);

#[derive(Clone, PartialEq)]
struct Suggestions {
    revision: Revision,
    list: Rc<Vec<Candidate>>,
    /// How long the suggestions took from asking to having them, in
    /// milliseconds (a data attribute for the tests and the performance budget).
    millis: f64,
}

fn revision(app: &AppContext) -> Revision {
    let s = app.state();
    (
        s.meta_rev,
        s.community.responses.len(),
        s.community.merges.len(),
    )
}

#[function_component(Review)]
pub fn review() -> Html {
    let app = use_app();
    let found = use_state(|| None::<Suggestions>);
    let shown = use_state(|| PAGE);
    let rev = revision(&app);
    use_suggestions(&app, rev, &found);
    let busy = found.as_ref().is_none_or(|f| f.revision != rev);
    let community = app.state().community.clone();
    let list = found.as_ref().map(|f| f.list.clone()).unwrap_or_default();
    let open: Vec<&Candidate> = list.iter().filter(|c| still_open(&community, c)).collect();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <div class="review" data-testid="review" data-busy={busy.to_string()}
            data-suggest-ms={found.as_ref().map(|f| format!("{:.0}", f.millis))}>
            <section class="panel" aria-labelledby="review-title">
                <h2 id="review-title">{ app.t("match-title") }</h2>
                <p class="muted">{ app.t("match-intro") }</p>
                if busy {
                    <p class="status busy" role="status" data-testid="review-busy">
                        <span class="spinner" aria-hidden="true"></span>{ app.t("match-computing") }
                    </p>
                }
                if !open.is_empty() {
                    <p data-testid="review-count">{ app.t_with("match-count", &[("count", open.len().into())]) }</p>
                }
                <BulkAccept suggestions={list.clone()} />
                if open.is_empty() && !busy {
                    <p data-testid="review-empty">{ app.t("match-none") }</p>
                }
                <ol class="suggestions" data-testid="suggestions">
                    { for open.iter().take(*shown).map(|c| html! {
                        <SuggestionItem key={format!("{}|{}", ref_key(&c.a), ref_key(&c.b))}
                            candidate={(*c).clone()} />
                    }) }
                </ol>
                if open.len() > *shown {
                    <button type="button" class="btn" data-testid="review-more" onclick={more}>
                        { app.t_with("match-show-more", &[("count", (open.len() - *shown).into())]) }
                    </button>
                }
            </section>
            <MergeGroups />
        </div>
    }
}

/// Recomputes the suggestions in the worker whenever the community's
/// revision changes.
#[hook]
fn use_suggestions(app: &AppContext, rev: Revision, found: &UseStateHandle<Option<Suggestions>>) {
    let community = app.state().community.clone();
    let found = found.clone();
    let worker = use_state(|| Rc::new(WorkerHandle::spawn()));
    use_effect_with(rev, move |rev| {
        let rev = *rev;
        let start = js_sys::Date::now();
        let job = Job::Matching(MatchingJob {
            community: Box::new((*community).clone()),
            options: MatchOptions::default(),
        });
        worker.start("matching", job, move |reply| match reply {
            Reply::Output {
                output: Output::Matching(m),
                last: true,
                ..
            } => found.set(Some(Suggestions {
                revision: rev,
                list: Rc::new(m.suggestions),
                millis: js_sys::Date::now() - start,
            })),
            Reply::Failed { message, .. } => {
                gloo::console::warn!(format!("matching worker failed: {message}"));
                let (community, found) = (community.clone(), found.clone());
                spawn_local(async move {
                    file_input::after_paint().await;
                    let list = suggest(&community, &MatchOptions::default());
                    found.set(Some(Suggestions {
                        revision: rev,
                        list: Rc::new(list),
                        millis: js_sys::Date::now() - start,
                    }));
                });
            }
            _ => {}
        });
        || ()
    });
}

/// True while no decision settles the pair (Unsure pairs stay open).
fn still_open(c: &Community, candidate: &Candidate) -> bool {
    !matches!(
        c.verdict(&candidate.a, &candidate.b),
        Some(Verdict::Same | Verdict::Different)
    )
}

pub fn ref_key(r: &crate::core::model::AlterRef) -> String {
    format!("{}:{}", r.response, r.alter.0)
}
