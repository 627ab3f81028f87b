//! Page lifecycle: the moments to flush pending saves (the tab is hidden or
//! being unloaded), and the browser's answer to "keep my data".

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Calls `flush` when the page is hidden or about to go away. Both events are
/// listened to because mobile browsers may skip one or the other.
pub fn on_hide(flush: impl Fn() + 'static) -> Vec<EventListener> {
    let flush = std::rc::Rc::new(flush);
    let mut listeners = Vec::new();
    if let Some(window) = web_sys::window() {
        let f = flush.clone();
        listeners.push(EventListener::new(&window, "pagehide", move |_| f()));
        if let Some(document) = window.document() {
            let f = flush.clone();
            let doc = document.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                        f();
                    }
                },
            ));
        }
    }
    listeners
}

/// Asks the browser not to evict our storage under pressure. `None` when the
/// browser has no such API.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether storage is already persistent, without prompting.
pub async fn is_persisted() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Moves keyboard focus to the element with `id` (after a step change).
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
