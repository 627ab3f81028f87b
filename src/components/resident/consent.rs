//! Plain-language consent. Nothing is stored until "I agree".

use crate::state::context::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_decline: Callback<()>,
}

#[function_component(Consent)]
pub fn consent(props: &Props) -> Html {
    let app = use_app();
    let event = &app.state().community.event;
    let text = event
        .consent_text
        .clone()
        .unwrap_or_else(|| app.t("consent-body"));
    let agree = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.start_response())
    };
    let decline = props.on_decline.reform(|_: MouseEvent| ());
    html! {
        <main class="screen consent">
            <h1 id="consent-title">{ app.t("consent-title") }</h1>
            <div class="consent-text" aria-labelledby="consent-title">
                { for text.split("\n\n").map(|p| html! { <p>{ p.to_string() }</p> }) }
                <ul class="consent-points">
                    <li>{ app.t("consent-point-names") }</li>
                    <li>{ app.t("consent-point-skip") }</li>
                    <li>{ app.t("consent-point-withdraw") }</li>
                </ul>
            </div>
            <div class="actions stack">
                <button type="button" class="btn primary huge" onclick={agree} data-testid="consent-agree">
                    { app.t("consent-agree") }
                </button>
                <button type="button" class="btn huge" onclick={decline} data-testid="consent-decline">
                    { app.t("consent-decline") }
                </button>
            </div>
        </main>
    }
}
