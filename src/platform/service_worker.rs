//! Offline and installable: registers `sw.js` (written at build time by
//! `scripts/trunk-post-build.mjs` with the exact file list of this build), and
//! tells the app its build id and when a newer build is ready. The service
//! worker only caches the app's own files; IndexedDB is never touched, so an
//! update can never lose stored maps.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// This build's id, stamped into `index.html` by the post-build hook
/// (`<meta name="weave-build">`); "dev" when built without it.
pub fn build_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=weave-build]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "dev".into())
}

/// Registers the service worker (relative to the page, so any sub-path
/// works). `on_update` runs when a newer build has taken over; it is used on
/// the next load. Without service-worker support the app works online only.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let had_controller = container.controller().is_some();
    // A new worker taking control of a page that already had one = an update.
    let changed = Closure::<dyn Fn()>::new(move || {
        if had_controller {
            on_update();
        }
    });
    container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
    let promise = container.register("./sw.js");
    let failed = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|e: wasm_bindgen::JsValue| {
        web_sys::console::warn_2(&"Weave works online only here:".into(), &e);
    });
    let _ = promise.catch(&failed);
    failed.forget();
}
