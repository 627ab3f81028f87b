//! The attract screen: a big, friendly invitation for the next passer-by.

use crate::state::context::use_app;
use crate::state::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_start: Callback<()>,
}

#[function_component(Attract)]
pub fn attract(props: &Props) -> Html {
    let app = use_app();
    let start = props.on_start.reform(|_: MouseEvent| ());
    // On a kiosk the corner button is the facilitator's way out (behind the PIN).
    let kiosk = app.state().kiosk.enabled;
    let home = {
        let app = app.clone();
        let to = if kiosk {
            Route::Facilitator
        } else {
            Route::Start
        };
        Callback::from(move |_: MouseEvent| app.navigate(to))
    };
    html! {
        <main class="screen attract">
            <div class="attract-art" aria-hidden="true">
                <svg viewBox="-100 -100 200 200" class="attract-rings">
                    <circle r="90" /><circle r="60" /><circle r="30" />
                    <circle class="me" r="12" />
                    <circle class="dot" cx="40" cy="-20" r="8" />
                    <circle class="dot" cx="-55" cy="30" r="8" />
                    <circle class="dot" cx="15" cy="70" r="8" />
                    <line x1="40" y1="-20" x2="15" y2="70" />
                </svg>
            </div>
            <h1>{ app.t("attract-title") }</h1>
            <p class="lead">{ app.t("attract-lead") }</p>
            <button type="button" class="btn primary huge" onclick={start} data-testid="start-map">
                { app.t("attract-start") }
            </button>
            <button type="button" class="btn link corner" onclick={home} data-testid="attract-corner">
                { if kiosk { app.t("start-facilitator") } else { app.t("nav-home") } }
            </button>
        </main>
    }
}
