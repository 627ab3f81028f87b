//! One suggested pair with its evidence and the three decisions, and the
//! "merge everything above a threshold" control. Names are plain text inside
//! `<bdi>`, so markup stays text and right-to-left names do not reorder the
//! sentence around them.

use crate::core::matching::{
    bulk_accept, decide_candidate, plan_bulk_accept, Candidate, Evidence, DEFAULT_THRESHOLD,
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
    let args: Vec<(&str, Arg)> = e
        .i18n_args()
        .into_iter()
        .map(|(k, v)| (k, Arg::from(v)))
        .collect();
    let class = if e.is_against() { "against" } else { "for" };
    // Evidence kinds newer than the messages still read as words, not keys.
    let text = if app.translator().has(e.i18n_key()) {
        app.t_with(e.i18n_key(), &args)
    } else {
        e.describe()
    };
    html! { <li class={class}>{ text }</li> }
}

#[derive(Properties, PartialEq)]
pub struct BulkProps {
    pub suggestions: Rc<Vec<Candidate>>,
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
        let (app, list, t, message) = (
            app.clone(),
            props.suggestions.clone(),
            *threshold,
            message.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            message.set(Some(run_bulk(&app, &list, t)));
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

/// Asks "Merge N pairs?" and records them; returns the status line.
fn run_bulk(app: &AppContext, list: &[Candidate], threshold: f64) -> String {
    let community = app.state().community.clone();
    let count = plan_bulk_accept(&community, list, threshold).len();
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
    let mut accepted = 0;
    app.record_with(|c| accepted = bulk_accept(c, list, threshold, now));
    app.t_with("match-bulk-done", &[("count", accepted.into())])
}

fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
