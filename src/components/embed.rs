//! The embed entry: the capture flow (or the read-only sociogram) without the
//! app's own chrome, for a partner's page. Options come from the frame's
//! address (`core::embed`); the host page talks to it through the
//! allowlisted postMessage channel (`components::embed_api`).

use super::embed_api::use_embed_api;
use super::playback::Playback;
use super::resident::ResidentFlow;
use crate::core::embed::{EmbedMode, EmbedOptions};
use yew::prelude::*;

#[function_component(Embed)]
pub fn embed() -> Html {
    let options = use_memo((), |_| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        EmbedOptions::parse(&hash)
    });
    let loading = use_embed_api(&options);
    let body = match options.mode {
        _ if loading => html! {},
        EmbedMode::Capture => html! { <ResidentFlow /> },
        EmbedMode::Sociogram => html! { <Playback /> },
    };
    html! {
        <div class="embedded" data-testid="embedded" data-mode={format!("{:?}", options.mode).to_lowercase()}>
            { body }
        </div>
    }
}
