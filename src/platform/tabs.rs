//! Two open tabs must never silently overwrite each other. The first tab takes
//! a Web Lock for its whole life and becomes the writer; later tabs are
//! read-only and hear about saved changes on a BroadcastChannel.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "weave-writer";
const CHANNEL: &str = "weave";

/// Tries to become the writing tab. `true` when this tab holds the lock (or the
/// browser has no Web Locks, where we cannot tell and allow writing).
pub async fn become_writer() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let navigator = window.navigator();
    let Ok(locks) = Reflect::get(&navigator, &JsValue::from_str("locks")) else {
        return true;
    };
    if locks.is_undefined() {
        return true;
    }
    let Ok(request) = Reflect::get(&locks, &JsValue::from_str("request")) else {
        return true;
    };
    let Some(request) = request.dyn_ref::<Function>() else {
        return true;
    };
    // The callback reports whether it got the lock, and, if it did, returns a
    // promise that never settles, so the lock is held until the tab closes.
    let (report, got) = {
        let mut resolve_slot: Option<Function> = None;
        let got = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
        (resolve_slot, got)
    };
    let callback = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |lock: JsValue| {
        let held = !lock.is_null() && !lock.is_undefined();
        if let Some(r) = &report {
            let _ = r.call1(&JsValue::NULL, &JsValue::from_bool(held));
        }
        if held {
            Promise::new(&mut |_, _| {}).into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let called = request.call3(
        &locks,
        &JsValue::from_str(LOCK_NAME),
        &options,
        callback.as_ref(),
    );
    callback.forget();
    if called.is_err() {
        return true;
    }
    JsFuture::from(got)
        .await
        .map(|v| v.as_bool().unwrap_or(true))
        .unwrap_or(true)
}

/// Tells other tabs that stored data changed.
pub fn announce_change() {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str("changed"));
        channel.close();
    }
}

/// Calls `on_change` whenever another tab saved something. Keep the returned
/// channel alive for as long as you want to listen.
pub fn listen_for_changes(on_change: impl Fn() + 'static) -> Option<web_sys::BroadcastChannel> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| on_change());
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    Some(channel)
}
