//! What an embedded Weave does for its host page: applies the colour and
//! language options, loads the event file, and keeps the host informed —
//! `weave:ready`, `weave:height` when the content grows or shrinks, and
//! `weave:finished` with a summary (counts only, never names; plus the sealed
//! `.weave` text when the event was joined by its code). The host may send
//! `weave:reset`, `weave:language` and `weave:event`. See README "Embedding".

use crate::core::embed::EmbedOptions;
use crate::core::handover::{Collector, EventOffer, Kind, Progress};
use crate::core::model::schema;
use crate::platform::embed_channel::Channel;
use crate::state::context::{use_app, AppContext};
use crate::state::Action;
use serde_json::{json, Value};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// Runs the embed side effects; returns true while the event file is loading.
#[hook]
pub fn use_embed_api(options: &Rc<EmbedOptions>) -> bool {
    let app = use_app();
    let channel = use_state(|| None::<Channel>);
    let loading = use_state(|| options.event_url.is_some());
    let sent_for = use_mut_ref(|| None::<String>);

    {
        let (app, options, channel, loading) = (
            app.clone(),
            options.clone(),
            channel.clone(),
            loading.clone(),
        );
        use_effect_with((), move |_| {
            apply_colours(&options);
            if let Some(lang) = &options.lang {
                app.dispatch(Action::SetLanguage(lang.clone()));
            }
            spawn_local(async move {
                if let Some(url) = &options.event_url {
                    if let Some(text) = fetch_text(url).await {
                        load_event(&app, &text);
                    }
                    loading.set(false);
                }
                channel.set(Channel::connect(options.host.clone()).await);
            });
            || ()
        });
    }

    // Ready, then messages from the host, then height changes.
    {
        let app = app.clone();
        use_effect_with((*channel).clone(), move |channel| {
            let mut keep: (
                Option<gloo::events::EventListener>,
                Option<web_sys::ResizeObserver>,
            ) = (None, None);
            if let Some(ch) = channel.clone() {
                ch.send(
                    "weave:ready",
                    json!({ "version": env!("CARGO_PKG_VERSION"), "build": crate::platform::service_worker::build_id() }),
                );
                let handler_app = app.clone();
                keep.0 =
                    ch.listen(move |kind, message| on_host_message(&handler_app, &kind, &message));
                keep.1 = watch_height(ch);
            }
            move || {
                if let Some(o) = keep.1 {
                    o.disconnect();
                }
                drop(keep.0);
            }
        });
    }

    // A finished map: tell the host once per response.
    {
        let finished = app.state().just_finished.clone();
        let outbox = app.state().handover.outbox.clone();
        let ch = (*channel).clone();
        use_effect_with(
            (finished.as_ref().map(|r| r.id.clone()), ch.is_some()),
            move |_| {
                if let (Some(r), Some(ch)) = (finished, ch) {
                    if sent_for.borrow().as_ref() != Some(&r.id.0) {
                        *sent_for.borrow_mut() = Some(r.id.0.clone());
                        let sealed = outbox
                            .iter()
                            .find(|o| o.response == r.id)
                            .map(|o| o.file_text());
                        ch.send(
                            "weave:finished",
                            json!({
                                "summary": {
                                    "people": r.alters.len(),
                                    "ties": r.ties.len(),
                                    "places": r.places.len(),
                                    "finishedAt": r.finished_at.map(|t| t.0),
                                    "withdrawalCode": r.withdrawal_code,
                                },
                                "sealed": sealed,
                            }),
                        );
                    }
                }
                || ()
            },
        );
    }
    *loading
}

fn on_host_message(app: &AppContext, kind: &str, message: &Value) {
    match kind {
        "weave:reset" => {
            app.discard_draft();
            app.dispatch(Action::ClearFinished);
        }
        "weave:language" => {
            if let Some(lang) = message["lang"].as_str() {
                app.dispatch(Action::SetLanguage(lang.to_string()));
            }
        }
        "weave:event" => {
            if let Some(text) = message["event"].as_str() {
                load_event(app, text);
            }
        }
        _ => {}
    }
}

/// An event code file joins the event (maps are sealed to its key); a Weave
/// backup is shown as it is (for the sociogram), in memory only.
fn load_event(app: &AppContext, text: &str) {
    if text.contains("WV1/E/") {
        let mut collector = Collector::new(Kind::Event);
        if let Ok(Progress::Complete { payload, .. }) = collector.push_lines(text) {
            if let Ok(offer) = EventOffer::from_bytes(&payload) {
                if app.state().handover.joined_for(&offer.event.id).is_none()
                    || app.state().community.event != offer.event
                {
                    app.join(&offer);
                }
                return;
            }
        }
    } else if let Ok(community) = schema::from_json(text) {
        app.dispatch(Action::Reloaded(community));
        return;
    }
    web_sys::console::error_1(&"Weave: the event file could not be read".into());
}

fn apply_colours(options: &EmbedOptions) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    for (property, value) in &options.colours {
        // CSSOM, not a style attribute: allowed under the strict CSP.
        let _ = root.style().set_property(property, value);
    }
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Sends the content's height whenever it changes, so the host sizes the frame.
fn watch_height(channel: Channel) -> Option<web_sys::ResizeObserver> {
    let last = std::cell::Cell::new(0i32);
    let measure = move || {
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".embedded").ok().flatten())
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        if height != last.get() {
            last.set(height);
            channel.send("weave:height", json!({ "height": height }));
        }
    };
    measure();
    let callback = Closure::<dyn Fn()>::new(measure);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    callback.forget();
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".embedded").ok().flatten())?;
    observer.observe(&target);
    Some(observer)
}
