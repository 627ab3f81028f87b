//! The embed entry: the capture flow without the app's own chrome, for a
//! partner's page (the embedding issue adds options and the postMessage API).

use super::resident::ResidentFlow;
use yew::prelude::*;

#[function_component(Embed)]
pub fn embed() -> Html {
    html! {
        <div class="embedded">
            <ResidentFlow />
        </div>
    }
}
