//! The facilitator's Phones tab: the event code for residents' phones (what
//! the phone gets, the key's fingerprint), the scanner that takes their maps
//! back (camera or `.weave` file), a log of what each scan did, and moving
//! the event key to a second facilitator device.

use super::qr_canvas::QrCanvas;
use super::scanner::Scanner;
use crate::core::handover::envelope::key_id_text;
use crate::core::handover::Kind;
use crate::platform::file_input;
use crate::state::context::use_app;
use crate::state::handover_actions::Received;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[function_component(Phones)]
pub fn phones() -> Html {
    let app = use_app();
    let state = app.state();
    let log = use_state(Vec::<(Received, String)>::new);
    let key_note = use_state(|| None::<String>);
    let event = &state.community.event;
    let key = state.handover.key_for(&event.id).cloned();
    {
        // First visit for this event: make its key (kept on this device only).
        let app = app.clone();
        use_effect_with(event.id.clone(), move |_| {
            app.ensure_event_key();
            || ()
        });
    }
    let frames = use_memo((key.clone(), state.community.event.clone()), |(key, _)| {
        key.as_ref()
            .map(|k| app.event_frames(k))
            .unwrap_or_default()
    });
    let on_payload = {
        let (app, log) = (app.clone(), log.clone());
        Callback::from(move |sealed: Vec<u8>| {
            let outcome = app.receive_sealed(&sealed);
            let detail = match &outcome {
                Received::Added { people, .. } => {
                    app.t_with(outcome.i18n_key(), &[("people", (*people).into())])
                }
                Received::OtherKey { key_id } => {
                    app.t_with(outcome.i18n_key(), &[("key", key_id.clone().into())])
                }
                _ => app.t(outcome.i18n_key()),
            };
            let mut next = (*log).clone();
            // The phone keeps cycling its codes: one line per repeat is enough.
            if outcome == Received::Duplicate && next.first().is_some_and(|(o, _)| *o == outcome) {
                return;
            }
            next.insert(0, (outcome, detail));
            next.truncate(20);
            log.set(next);
        })
    };
    let download = {
        let (app, key) = (app.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(k) = &key {
                app.download_event_file(k);
            }
        })
    };
    let export_key = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm(&app.t("ho-key-export-confirm")) {
                app.export_event_key();
            }
        })
    };
    let import_key = {
        let (app, key_note) = (app.clone(), key_note.clone());
        Callback::from(move |e: Event| {
            let Some(file) = file_input::picked_file(&e) else {
                return;
            };
            let (app, key_note) = (app.clone(), key_note.clone());
            spawn_local(async move {
                let text = file_input::read_bytes(&file)
                    .await
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                let ok = app.import_event_key(&text);
                key_note.set(Some(app.t(if ok {
                    "ho-key-imported"
                } else {
                    "ho-key-import-failed"
                })));
            });
        })
    };
    let received = state.community.finished().count();
    html! {
        <div class="phones">
            <section class="panel" aria-labelledby="ho-event-title">
                <h2 id="ho-event-title">{ app.t("ho-event-title") }</h2>
                <p>{ app.t("ho-event-intro") }</p>
                if let Some(k) = &key {
                    <div class="qr-wrap">
                        <QrCanvas frames={Rc::new((*frames).clone())}
                            label={app.t_with("ho-event-code-label", &[("event", event.name.clone().into())])}
                            testid="event-qr" />
                        <div class="qr-facts">
                            <p>{ app.t_with("ho-event-gets", &[("prompts", event.prompts.len().into()), ("places", event.places.len().into())]) }</p>
                            <p class="muted">{ app.t_with("ho-event-codes", &[("count", frames.len().into())]) }</p>
                            <p>{ app.t("ho-key-label") }{ " " }<code data-testid="event-key-id">{ key_id_text(&k.public) }</code></p>
                            <p class="muted">{ app.t("ho-key-stays") }</p>
                            <div class="actions">
                                <button type="button" class="btn" onclick={download}>{ app.t("ho-event-download") }</button>
                            </div>
                        </div>
                    </div>
                } else {
                    <p class="warn-text">{ app.t("ho-key-cannot-store") }</p>
                }
            </section>
            <section class="panel" aria-labelledby="ho-receive-title">
                <h2 id="ho-receive-title">{ app.t("ho-receive-title") }</h2>
                <p>{ app.t("ho-receive-intro") }</p>
                <Scanner kind={Kind::Response} on_payload={on_payload} />
                <p class="muted">{ app.t_with("ho-receive-count", &[("count", received.into())]) }</p>
                <ul class="receive-log" aria-live="polite" data-testid="receive-log">
                    { for log.iter().map(|(outcome, text)| html! {
                        <li class={classes!(if outcome.is_ok() { "ok-text" } else { "warn-text" })}
                            data-outcome={outcome.i18n_key()}>{ text.clone() }</li>
                    }) }
                </ul>
            </section>
            <section class="panel" aria-labelledby="ho-key-title">
                <h2 id="ho-key-title">{ app.t("ho-key-title") }</h2>
                <p>{ app.t("ho-key-intro") }</p>
                <div class="actions">
                    <button type="button" class="btn" onclick={export_key} disabled={key.is_none()}>{ app.t("ho-key-export") }</button>
                    <label class="btn" for="ho-key-file">{ app.t("ho-key-import") }</label>
                    <input id="ho-key-file" class="sr-only" type="file" accept=".json,application/json" onchange={import_key} />
                </div>
                if let Some(note) = &*key_note { <p role="status">{ note.clone() }</p> }
            </section>
        </div>
    }
}

fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
