//! Kiosk set-up: the facilitator PIN, names or numbered people, the
//! inactivity timer, and the switch into kiosk mode.

use crate::core::pin::is_valid_pin;
use crate::state::context::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(KioskPanel)]
pub fn kiosk_panel() -> Html {
    let app = use_app();
    let state = app.state();
    let pin_a = use_node_ref();
    let pin_b = use_node_ref();
    let message = use_state(String::new);
    let has_pin = state.kiosk.pin.is_some();
    let set_pin = {
        let app = app.clone();
        let (pin_a, pin_b, message) = (pin_a.clone(), pin_b.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let read = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|el| el.value())
                    .unwrap_or_default()
            };
            let (a, b) = (read(&pin_a), read(&pin_b));
            let text = if !is_valid_pin(&a) {
                app.t("kiosk-pin-invalid")
            } else if a != b {
                app.t("kiosk-pin-mismatch")
            } else {
                app.set_pin(&a);
                app.t("kiosk-pin-set")
            };
            message.set(text);
        })
    };
    let start = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.set_kiosk_enabled(true))
    };
    let stop = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.set_kiosk_enabled(false))
    };
    let record_names = state.community.event.kiosk.record_names;
    let toggle_names = {
        let app = app.clone();
        let event = state.community.event.clone();
        Callback::from(move |_: MouseEvent| {
            let mut event = event.clone();
            event.kiosk.record_names = !event.kiosk.record_names;
            app.update_event(event);
        })
    };
    html! {
        <section class="panel" aria-labelledby="kiosk-title">
            <h2 id="kiosk-title">{ app.t("kiosk-title") }</h2>
            <p class="muted">{ app.t("kiosk-intro") }</p>
            <form class="pin-setup" onsubmit={set_pin} autocomplete="off">
                <label for="pin-a">{ if has_pin { app.t("kiosk-pin-change") } else { app.t("kiosk-pin-new") } }</label>
                <input id="pin-a" ref={pin_a} class="name-input" type="password" inputmode="numeric" maxlength="12" autocomplete="new-password" data-testid="pin-new" />
                <label for="pin-b">{ app.t("kiosk-pin-again") }</label>
                <input id="pin-b" ref={pin_b} class="name-input" type="password" inputmode="numeric" maxlength="12" autocomplete="new-password" data-testid="pin-again" />
                <button type="submit" class="btn" data-testid="pin-save">{ app.t("kiosk-pin-save") }</button>
                <p role="status" data-testid="pin-setup-message">{ (*message).clone() }</p>
            </form>
            <div class="actions">
                <button type="button" class={classes!("chip", (!record_names).then_some("on"))}
                    aria-pressed={(!record_names).to_string()} onclick={toggle_names} data-testid="no-names-toggle">
                    { app.t("kiosk-no-names") }
                </button>
                if state.kiosk.enabled {
                    <button type="button" class="btn" onclick={stop}>{ app.t("kiosk-stop") }</button>
                } else {
                    <button type="button" class="btn primary" onclick={start} disabled={!has_pin} data-testid="kiosk-start">
                        { app.t("kiosk-start") }
                    </button>
                }
            </div>
        </section>
    }
}
