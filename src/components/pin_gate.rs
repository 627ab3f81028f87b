//! The door to the facilitator workspace: the PIN, with the lock-out shown.

use crate::core::pin::Check;
use crate::state::context::use_app;
use crate::state::Route;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(PinGate)]
pub fn pin_gate() -> Html {
    let app = use_app();
    let input = use_node_ref();
    let message = use_state(String::new);
    let onsubmit = {
        let app = app.clone();
        let input = input.clone();
        let message = message.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let guess = el.value();
            el.set_value("");
            let text = match app.try_pin(&guess) {
                Check::Ok => String::new(),
                Check::Wrong { tries_left } => {
                    app.t_with("pin-wrong", &[("left", (tries_left as usize).into())])
                }
                Check::Locked { until } => {
                    let seconds = ((until.0 - js_sys::Date::now() as i64) / 1000).max(1) as usize;
                    app.t_with("pin-locked", &[("seconds", seconds.into())])
                }
            };
            message.set(text);
        })
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Map))
    };
    html! {
        <main class="screen pin-gate">
            <form class="panel pin-form" {onsubmit} autocomplete="off">
                <h1>{ app.t("pin-title") }</h1>
                <label for="pin-input">{ app.t("pin-label") }</label>
                <input id="pin-input" ref={input} class="name-input" type="password" inputmode="numeric"
                    autocomplete="off" maxlength="12" data-testid="pin-input" />
                <p class="pin-message" role="alert" data-testid="pin-message">{ (*message).clone() }</p>
                <div class="actions">
                    <button type="submit" class="btn primary huge" data-testid="pin-submit">{ app.t("pin-unlock") }</button>
                    <button type="button" class="btn huge" onclick={back}>{ app.t("pin-back") }</button>
                </div>
            </form>
        </main>
    }
}
