//! Offline support in the shell: registers the service worker once, and when
//! a newer build has been installed says so (it is used on the next load;
//! the resident flow is never interrupted). Also the version line on the
//! facilitator's overview.

use crate::platform::service_worker;
use crate::state::context::{use_app, AppContext};
use crate::state::Route;
use yew::prelude::*;

#[function_component(OfflineSupport)]
pub fn offline_support() -> Html {
    let app = use_app();
    let updated = use_state(|| false);
    {
        let updated = updated.clone();
        use_effect_with((), move |_| {
            service_worker::register(move || updated.set(true));
            || ()
        });
    }
    let resident =
        matches!(app.state().route, Route::Map | Route::Embed) || app.state().kiosk.enabled;
    if !*updated || resident {
        return html! {};
    }
    let reload = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    html! {
        <div class="banner info" role="status" data-testid="update-ready">
            <p>{ app.t("offline-update-ready") }</p>
            <button type="button" class="btn" onclick={reload}>{ app.t("offline-update-reload") }</button>
        </div>
    }
}

/// "Version 0.1.0 (build 3f2a…)" and whether it works offline, for the overview.
pub fn version_facts(app: &AppContext) -> Html {
    let offline = web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false))
        .unwrap_or(false);
    html! {
        <>
            <dt>{ app.t("offline-version") }</dt>
            <dd data-testid="app-version">
                { app.t_with("offline-version-value", &[
                    ("version", env!("CARGO_PKG_VERSION").into()),
                    ("build", service_worker::build_id().into()),
                ]) }
            </dd>
            <dt>{ app.t("offline-status") }</dt>
            <dd>{ app.t(if offline { "offline-status-yes" } else { "offline-status-no" }) }</dd>
        </>
    }
}
