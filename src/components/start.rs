//! The start screen: what this device is for right now.

use crate::state::context::use_app;
use crate::state::Route;
use yew::prelude::*;

#[function_component(Start)]
pub fn start() -> Html {
    let app = use_app();
    let state = app.state();
    let go = |route: Route| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(route))
    };
    let count = state.community.finished().count();
    html! {
        <main class="screen start">
            <header class="start-head">
                <h1>{ app.t("app-name") }</h1>
                <p class="tagline">{ app.t("start-tagline") }</p>
                <p class="event-name" data-testid="event-name">{ state.community.event.name.clone() }</p>
                <p class="muted">{ app.t_with("start-count", &[("count", count.into())]) }</p>
            </header>
            <nav class="start-actions" aria-label={app.t("start-nav")}>
                <button type="button" class="btn primary huge" onclick={go(Route::Map)}>
                    { app.t("start-map") }
                </button>
                <button type="button" class="btn huge" onclick={go(Route::Playback)}>
                    { app.t("start-playback") }
                </button>
                <button type="button" class="btn huge" onclick={go(Route::Facilitator)}>
                    { app.t("start-facilitator") }
                </button>
                <button type="button" class="btn huge" onclick={go(Route::Join)} data-testid="start-join">
                    { app.t("ho-start-join") }
                </button>
            </nav>
        </main>
    }
}
