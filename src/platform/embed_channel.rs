//! The postMessage channel between an embedded Weave and its host page. The
//! host's origin must be on the deployment's allowlist (`embed.json`, next
//! to `index.html`); messages go to that origin only (never `"*"`), and
//! messages from any other origin or window are ignored.

use gloo::events::EventListener;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, PartialEq)]
pub struct Channel {
    origin: String,
}

/// The allowlist from `embed.json`: `{"allowedOrigins": ["https://partner.example"]}`.
async fn allowed_origins() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Ok(response) = JsFuture::from(window.fetch_with_str("embed.json")).await else {
        return Vec::new();
    };
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Vec::new();
    }
    let Ok(text) = response.text() else {
        return Vec::new();
    };
    let Ok(text) = JsFuture::from(text).await else {
        return Vec::new();
    };
    let value: Value =
        serde_json::from_str(&text.as_string().unwrap_or_default()).unwrap_or_default();
    value["allowedOrigins"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str())
                .filter(|o| crate::core::embed::is_origin(o))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The real origin of the page that frames this one, where the browser tells it.
fn parent_origin() -> Option<String> {
    let location = web_sys::window()?.location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok()?;
    let list: web_sys::DomStringList = ancestors.dyn_into().ok()?;
    list.item(0)
}

impl Channel {
    /// Opens the channel when this page is framed by an allowed origin.
    /// `claimed` is the host's own word (the `host` option); where the browser
    /// reports the real parent origin, the two must agree.
    pub async fn connect(claimed: Option<String>) -> Option<Channel> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if JsValue::from(parent) == JsValue::from(window.clone()) {
            return None;
        }
        let origin = match (claimed, parent_origin()) {
            (Some(c), Some(real)) if c != real => return None,
            (Some(c), _) => c,
            (None, Some(real)) => real,
            (None, None) => return None,
        };
        let allowed = allowed_origins().await;
        if !allowed.contains(&origin) {
            web_sys::console::warn_1(
                &format!(
                    "Weave: {origin} is not in embed.json's allowedOrigins; no messages are sent."
                )
                .into(),
            );
            return None;
        }
        Some(Channel { origin })
    }

    /// Sends `{type, ...payload}` to the host, addressed to its origin only.
    pub fn send(&self, kind: &str, payload: Value) {
        let mut message = match payload {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        message.insert("type".into(), Value::String(kind.into()));
        let Ok(js) = js_sys::JSON::parse(&Value::Object(message).to_string()) else {
            return;
        };
        if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
            let _ = parent.post_message(&js, &self.origin);
        }
    }

    /// Calls `on_message(type, message)` for messages from the host (its
    /// origin and its window) only.
    pub fn listen(&self, on_message: impl Fn(String, Value) + 'static) -> Option<EventListener> {
        let window = web_sys::window()?;
        let origin = self.origin.clone();
        Some(EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let from_parent = web_sys::window()
                .and_then(|w| w.parent().ok().flatten())
                .zip(event.source())
                .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
            if event.origin() != origin || !from_parent {
                return;
            }
            let text = js_sys::JSON::stringify(&event.data())
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            let value: Value = serde_json::from_str(&text).unwrap_or_default();
            if let Some(kind) = value["type"].as_str() {
                on_message(kind.to_string(), value.clone());
            }
        }))
    }
}
