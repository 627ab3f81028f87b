//! After a panic the app state can no longer be trusted: stop every write,
//! then hand over to `recovery.js`, a small script outside the wasm that shows
//! a recovery screen and can still export everything straight from IndexedDB.

use crate::platform::store::repository::stop_all_writes;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        stop_all_writes();
        console_error_panic_hook::hook(info);
        let message = info.to_string();
        let shown = web_sys::window()
            .and_then(|w| Reflect::get(&w, &JsValue::from_str("weaveRecovery")).ok())
            .and_then(|r| Reflect::get(&r, &JsValue::from_str("show")).ok())
            .and_then(|f| f.dyn_into::<Function>().ok())
            .map(|show| {
                show.call1(&JsValue::NULL, &JsValue::from_str(&message))
                    .is_ok()
            })
            .unwrap_or(false);
        if !shown {
            web_sys::console::error_1(&"Weave stopped; recovery screen unavailable".into());
        }
    }));
}
