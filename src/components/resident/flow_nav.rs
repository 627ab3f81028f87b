//! The bar under every step: back, progress, save state, next.

use crate::components::banner::SaveIndicator;
use crate::state::context::use_app;
use crate::state::{Action, Step};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Text on the forward button (defaults to "Next").
    #[prop_or_default]
    pub next_label: Option<AttrValue>,
}

#[function_component(FlowNav)]
pub fn flow_nav(props: &Props) -> Html {
    let app = use_app();
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let event = state.community.event.clone();
    let step = draft.step;
    let back = {
        let app = app.clone();
        let event = event.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::GoTo(step.back(&event))))
    };
    let next = {
        let app = app.clone();
        let event = event.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::GoTo(step.next(&event))))
    };
    let (done, total) = progress(step, &event);
    html! {
        <nav class="flow-nav" aria-label={app.t("flow-nav")}>
            <button type="button" class="btn huge" onclick={back} disabled={step == Step::AboutYou}
                data-testid="flow-back">
                { app.t("flow-back") }
            </button>
            <div class="flow-middle">
                <progress max={total.to_string()} value={done.to_string()}
                    aria-label={app.t_with("flow-progress", &[("step", done.into()), ("total", total.into())])}>
                </progress>
                <SaveIndicator />
            </div>
            <button type="button" class="btn primary huge" onclick={next} data-testid="flow-next">
                { props.next_label.clone().unwrap_or_else(|| app.t("flow-next").into()) }
            </button>
        </nav>
    }
}

fn progress(step: Step, event: &crate::core::model::Event) -> (usize, usize) {
    let prompts = event.prompts.len();
    let places = usize::from(!event.places.is_empty());
    let total = 1 + prompts + 1 + places;
    let done = match step {
        Step::AboutYou => 1,
        Step::Prompt(i) => 2 + i,
        Step::Ties => 2 + prompts,
        Step::Places => 3 + prompts,
        Step::ThankYou => total,
    };
    (done, total)
}
