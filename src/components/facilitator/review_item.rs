//! One suggested pair with its evidence and the three decisions, and the
//! "merge everything above a threshold" control. Names are plain text inside
//! `<bdi>`, so markup stays text and right-to-left names do not reorder the
//! sentence around them.

use super::review::ReviewList;
use crate::core::matching::{
    decide_candidate, plan_bulk_accept, Candidate, Evidence, DEFAULT_THRESHOLD,
};
use crate::core::model::Verdict;
use crate::i18n::Arg;
use crate::platform::clock;
use crate::state::context::{use_app, AppContext};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub candidate: Candidate,
}

#[function_component(SuggestionItem)]
pub fn suggestion_item(props: &ItemProps) -> Html {
    let app = use_app();
    let c = &props.candidate;
    let unsure = app.state().community.verdict(&c.a, &c.b) == Some(Verdict::Unsure);
    let decide = |verdict: Verdict| {
        let (app, candidate) = (app.clone(), c.clone());
        Callback::from(move |_: MouseEvent| {
            app.record_with(|community| {
                decide_candidate(community, &candidate, verdict, clock::now())
            });
        })
    };
    let percent = (c.score * 100.0).round();
    html! {
        <li class="suggestion" data-testid="suggestion" data-score={format!("{:.3}", c.score)}
            data-pair={format!("{}|{}", super::review::ref_key(&c.a), super::review::ref_key(&c.b))}>
            <p class="pair">
                <bdi class="name name-text" data-testid="name-a">{ c.a_name.clone() }</bdi>
                <span class="vs" aria-hidden="true">{ " ~ " }</span>
                <bdi class="name name-text" data-testid="name-b">{ c.b_name.clone() }</bdi>
                <span class="score">{ app.t_with("match-score", &[("percent", percent.into())]) }</span>
                if unsure {
                    <span class="badge" data-testid="unsure">{ app.t("match-marked-unsure") }</span>
                }
            </p>
            <ul class="evidence">
                { for c.evidence.iter().map(|e| evidence_item(&app, e)) }
            </ul>
            <div class="actions decisions">
                <button type="button" class="btn primary" data-testid="merge" onclick={decide(Verdict::Same)}>
                    { app.t("match-merge") }
                </button>
                <button type="button" class="btn" data-testid="keep-apart" onclick={decide(Verdict::Different)}>
                    { app.t("match-keep-apart") }
                </button>
                <button type="button" class="btn" data-testid="not-sure" onclick={decide(Verdict::Unsure)}>
                    { app.t("match-not-sure") }
                </button>
            </div>
        </li>
    }
}

fn evidence_item(app: &AppContext, e: &Evidence) -> Html {
    let mut args: Vec<(&str, Arg)> = e
        .i18n_args()
        .into_iter()
        .map(|(k, v)| (k, Arg::from(v)))
        .collect();
    // The answers a resident gave, each in the reader's language.
    if let Evidence::LikeOthersSay { answers } = e {
        let words: Vec<String> = answers
            .iter()
            .map(|code| app.t(&format!("match-answer-{code}")))
            .collect();
        args.retain(|(k, _)| *k != "list");
        args.push(("list", Arg::from(words.join(", "))));
    }
    let class = if e.is_against() { "against" } else { "for" };
    // Evidence kinds newer than the messages still read as words, not keys.
    let text = if app.translator().has(e.i18n_key()) {
        app.t_with(e.i18n_key(), &args)
    } else {
        e.describe()
    };
    html! { <li class={class}>{ text }</li> }
}

#[derive(Properties)]
pub struct BulkProps {
    pub list: Option<Rc<ReviewList>>,
    /// Positions of the open suggestions in `list`.
    pub open: Rc<Vec<usize>>,
    /// The list is of the community as it is now (no decision since).
    pub fresh: bool,
}

impl PartialEq for BulkProps {
    fn eq(&self, other: &Self) -> bool {
        let same_list = match (&self.list, &other.list) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_list && Rc::ptr_eq(&self.open, &other.open) && self.fresh == other.fresh
    }
}

/// Merges every open suggestion at or above a threshold, after saying how many.
#[function_component(BulkAccept)]
pub fn bulk_accept_control(props: &BulkProps) -> Html {
    let app = use_app();
    let threshold = use_state(|| DEFAULT_THRESHOLD);
    let message = use_state(|| None::<String>);
    let on_input = {
        let threshold = threshold.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            if value.is_finite() {
                threshold.set(value.clamp(0.0, 1.0));
            }
        })
    };
    let on_accept = {
        let (app, list, open, fresh, t, message) = (
            app.clone(),
            props.list.clone(),
            props.open.clone(),
            props.fresh,
            *threshold,
            message.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let planned = list
                .as_ref()
                .map(|l| planned(&app, l, &open, fresh, t))
                .unwrap_or_default();
            message.set(Some(run_bulk(&app, planned, t)));
        })
    };
    html! {
        <div class="bulk-accept" data-testid="bulk-accept">
            <label for="bulk-threshold">{ app.t("match-bulk-threshold") }</label>
            <input id="bulk-threshold" type="number" min="0" max="1" step="0.05"
                data-testid="bulk-threshold" value={threshold.to_string()} oninput={on_input} />
            <button type="button" class="btn" data-testid="bulk-run" onclick={on_accept}>
                { app.t("match-bulk-run") }
            </button>
            if let Some(text) = &*message {
                <p class="status" role="status" data-testid="bulk-status">{ text.clone() }</p>
            }
        </div>
    }
}

/// What "accept all likely" merges at `threshold`: as the worker planned it
/// when the list is fresh, or planned here over the open suggestions when
/// decisions were made since.
fn planned(
    app: &AppContext,
    list: &ReviewList,
    open: &[usize],
    fresh: bool,
    threshold: f64,
) -> Vec<Candidate> {
    if fresh {
        return list
            .suggestions
            .planned_at(threshold)
            .filter_map(|k| list.candidate(k))
            .collect();
    }
    let community = app.state().community.clone();
    let candidates: Vec<Candidate> = open
        .iter()
        .filter(|&&k| list.suggestions.score_of(k) >= threshold)
        .filter_map(|&k| list.candidate(k))
        .collect();
    plan_bulk_accept(&community, &candidates, threshold)
}

/// Asks "Merge N pairs?" and records them; returns the status line.
fn run_bulk(app: &AppContext, planned: Vec<Candidate>, threshold: f64) -> String {
    let count = planned.len();
    if count == 0 {
        return app.t("match-bulk-nothing");
    }
    let question = app.t_with(
        "match-bulk-confirm",
        &[
            ("count", count.into()),
            ("threshold", (threshold * 100.0).round().into()),
        ],
    );
    if !confirm(&question) {
        return app.t("match-bulk-cancelled");
    }
    let now = clock::now();
    app.record_with(|c| {
        for candidate in &planned {
            decide_candidate(c, candidate, Verdict::Same, now);
        }
    });
    app.t_with("match-bulk-done", &[("count", count.into())])
}

fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
