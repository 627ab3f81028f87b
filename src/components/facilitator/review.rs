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
//! of the merge log) supersedes the one still running. The worker gets only
//! what matching reads and sends back compact suggestions (numbers into
//! that input); only the suggestions on screen, or being recorded, are
//! turned into full candidates with their evidence. The previous list stays
//! on screen meanwhile; pairs decided meanwhile are hidden. Should the
//! worker fail, the suggestions are computed here after a paint instead.

use super::merge_groups::MergeGroups;
use super::review_item::{BulkAccept, SuggestionItem};
use crate::core::jobs::matching::MatchingJob;
use crate::core::jobs::{Job, Output, Reply};
use crate::core::matching::{
    compute, Candidate, MatchOptions, MatchingInput, MentionId, Mentions, Suggestions,
};
use crate::core::model::{AlterRef, Community, Verdict};
use crate::platform::file_input;
use crate::platform::worker::WorkerHandle;
use crate::state::context::{use_app, AppContext};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Suggestions shown at first and added by "Show more".
const PAGE: usize = 10;

/// Which community the suggestions were computed for.
pub type Revision = (u64, usize, usize);

/// Suggestions as the worker sent them, with the input they refer to.
pub struct ReviewList {
    pub input: MatchingInput,
    pub mentions: Mentions,
    numbers: HashMap<AlterRef, MentionId>,
    pub suggestions: Suggestions,
}

impl ReviewList {
    fn new(input: MatchingInput, suggestions: Suggestions) -> Self {
        ReviewList {
            mentions: Mentions::new(&input),
            numbers: input.numbers(),
            input,
            suggestions,
        }
    }

    /// Suggestion `k` in full.
    pub fn candidate(&self, k: usize) -> Option<Candidate> {
        self.suggestions.candidate(k, &self.input, &self.mentions)
    }

    /// Positions of the suggestions no decision in `community` settles
    /// (Unsure pairs stay open), best first.
    pub fn open(&self, community: &Community) -> Vec<usize> {
        let settled = self.settled(community);
        (0..self.suggestions.len())
            .filter(|&k| !settled.contains(&(self.suggestions.a[k], self.suggestions.b[k])))
            .collect()
    }

    /// Pairs whose latest verdict is Same or Different, as mention numbers.
    fn settled(&self, community: &Community) -> HashSet<(MentionId, MentionId)> {
        let mut latest: HashMap<(MentionId, MentionId), Verdict> = HashMap::new();
        for d in &community.merges {
            if let (Some(&a), Some(&b)) = (self.numbers.get(&d.a), self.numbers.get(&d.b)) {
                latest.insert((a.min(b), a.max(b)), d.verdict);
            }
        }
        latest
            .into_iter()
            .filter(|(_, v)| matches!(v, Verdict::Same | Verdict::Different))
            .map(|(k, _)| k)
            .collect()
    }
}

#[derive(Clone)]
struct Found {
    revision: Revision,
    list: Rc<ReviewList>,
    /// How long the suggestions took from asking to having them, in
    /// milliseconds (a data attribute for the tests and the performance budget).
    millis: f64,
}

impl PartialEq for Found {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.list, &other.list)
    }
}

pub fn revision(app: &AppContext) -> Revision {
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
    let found = use_state(|| None::<Found>);
    let shown = use_state(|| PAGE);
    let rev = revision(&app);
    use_suggestions(&app, rev, &found);
    let busy = found.as_ref().is_none_or(|f| f.revision != rev);
    let community = app.state().community.clone();
    let list = found.as_ref().map(|f| f.list.clone());
    let open = {
        let list = list.clone();
        let merges = community.merges.len();
        use_memo(
            (list.as_ref().map(|l| Rc::as_ptr(l) as usize), merges),
            move |_| list.map(|l| l.open(&community)).unwrap_or_default(),
        )
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let items: Vec<Candidate> = list
        .as_ref()
        .map(|l| {
            open.iter()
                .take(*shown)
                .filter_map(|&k| l.candidate(k))
                .collect()
        })
        .unwrap_or_default();
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
                <BulkAccept list={list.clone()} open={open.clone()} fresh={!busy} />
                if open.is_empty() && !busy {
                    <p data-testid="review-empty">{ app.t("match-none") }</p>
                }
                <ol class="suggestions" data-testid="suggestions">
                    { for items.into_iter().map(|c| {
                        let key = format!("{}|{}", ref_key(&c.a), ref_key(&c.b));
                        html! { <SuggestionItem {key} candidate={c} /> }
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
/// revision changes: sends what matching reads of the community, gets
/// compact suggestions back.
#[hook]
fn use_suggestions(app: &AppContext, rev: Revision, found: &UseStateHandle<Option<Found>>) {
    let community = app.state().community.clone();
    let found = found.clone();
    let worker = use_state(|| Rc::new(WorkerHandle::spawn()));
    use_effect_with(rev, move |rev| {
        let rev = *rev;
        let start = js_sys::Date::now();
        let input = MatchingInput::of(&community);
        let job = Job::Matching(MatchingJob {
            input: Box::new(input.clone()),
            options: MatchOptions::default(),
        });
        worker.start("matching", job, move |reply| match reply {
            Reply::Output {
                output: Output::Matching(m),
                last: true,
                ..
            } => found.set(Some(Found {
                revision: rev,
                list: Rc::new(ReviewList::new(input.clone(), m.suggestions)),
                millis: js_sys::Date::now() - start,
            })),
            Reply::Failed { message, .. } => {
                gloo::console::warn!(format!("matching worker failed: {message}"));
                let (input, found) = (input.clone(), found.clone());
                spawn_local(async move {
                    file_input::after_paint().await;
                    let suggestions = compute(&input, &MatchOptions::default());
                    found.set(Some(Found {
                        revision: rev,
                        list: Rc::new(ReviewList::new(input, suggestions)),
                        millis: js_sys::Date::now() - start,
                    }));
                });
            }
            _ => {}
        });
        || ()
    });
}

pub fn ref_key(r: &crate::core::model::AlterRef) -> String {
    format!("{}:{}", r.response, r.alter.0)
}
