//! Handing a file to another app through the system share sheet (Web Share
//! Level 2) where the browser allows it, else as a download. Chromium only
//! shares a short list of file types, so the caller offers a `.txt` twin.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What became of a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    Shared,
    /// The person closed the share sheet.
    Cancelled,
    /// This browser cannot share such a file: the caller should download it.
    Unsupported,
}

fn file(name: &str, mime: &str, text: &str) -> Option<web_sys::File> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
}

/// Whether the browser would share a file named `name` of type `mime`.
pub fn can_share_file(name: &str, mime: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Some(f) = file(name, mime, "") else {
        return false;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(&f));
    Reflect::get(&navigator, &"canShare".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|can| can.call1(&navigator, &data).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Shares `text` as a file named `name`, with a title for the share sheet.
pub async fn share_file(name: &str, mime: &str, text: &str, title: &str) -> Shared {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::Unsupported;
    };
    if !can_share_file(name, mime) {
        return Shared::Unsupported;
    }
    let Some(f) = file(name, mime, text) else {
        return Shared::Unsupported;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(&f));
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let Some(promise) = Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|share| share.call1(&navigator, &data).ok())
    else {
        return Shared::Unsupported;
    };
    match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Shared::Shared,
        Err(e) => {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Unsupported
            }
        }
    }
}
