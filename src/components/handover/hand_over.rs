//! The end of a phone's map: the sealed map as QR codes for the facilitator
//! to scan (cycling when it needs several), with the file as a fallback
//! (the share sheet where the browser allows, else a download), and the list
//! of sealed maps still waiting on this phone.

use super::qr_canvas::QrCanvas;
use crate::core::handover::Outgoing;
use crate::core::model::Response;
use crate::platform::files;
use crate::platform::share::{self, Shared};
use crate::state::context::use_app;
use crate::state::{Action, Route};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandOverProps {
    pub response: Rc<Response>,
}

/// Shown on a joined phone instead of the kiosk's thank-you screen.
#[function_component(HandOver)]
pub fn hand_over(props: &HandOverProps) -> Html {
    let app = use_app();
    let state = app.state();
    let outgoing = state
        .handover
        .outbox
        .iter()
        .find(|o| o.response == props.response.id)
        .cloned();
    let done = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ClearFinished))
    };
    let playback = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Playback))
    };
    html! {
        <main class="screen thanks hand-over">
            <h1 data-testid="thanks-title">{ app.t("ho-phone-title") }</h1>
            <p class="lead" role="status" data-testid="saved-confirmation">
                { app.t_with("ho-phone-sealed", &[("count", props.response.alters.len().into())]) }
            </p>
            if let Some(o) = outgoing {
                <OutgoingCodes outgoing={Rc::new(o)} />
            }
            <div class="actions stack">
                <button type="button" class="btn huge" onclick={playback}>{ app.t("thanks-see-community") }</button>
                <button type="button" class="btn primary huge" onclick={done} data-testid="thanks-done">{ app.t("thanks-done") }</button>
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutgoingProps {
    pub outgoing: Rc<Outgoing>,
}

/// The codes, the withdrawal code, and the file buttons for one sealed map.
#[function_component(OutgoingCodes)]
pub fn outgoing_codes(props: &OutgoingProps) -> Html {
    let app = use_app();
    let note = use_state(|| None::<String>);
    let o = props.outgoing.clone();
    let name = format!("weave-response-{}.weave", o.code);
    let download = {
        let (o, name) = (o.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, "text/plain", o.file_text().as_bytes());
        })
    };
    let can_share = share::can_share_file(&name, "text/plain")
        || share::can_share_file(&format!("{name}.txt"), "text/plain");
    let share_file = {
        let (app, o, name, note) = (app.clone(), o.clone(), name.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (app, o, name, note) = (app.clone(), o.clone(), name.clone(), note.clone());
            spawn_local(async move {
                let title = app.t("ho-share-title");
                let text = o.file_text();
                // Chromium shares only well-known types: fall back to a .txt twin.
                let mut result = share::share_file(&name, "text/plain", &text, &title).await;
                if result == Shared::Unsupported {
                    let txt = format!("{name}.txt");
                    result = share::share_file(&txt, "text/plain", &text, &title).await;
                }
                if result == Shared::Unsupported {
                    let _ = files::download(&name, "text/plain", text.as_bytes());
                    note.set(Some(app.t("ho-share-downloaded")));
                }
            });
        })
    };
    let frames = Rc::new(o.frames.clone());
    html! {
        <div class="outgoing">
            <p>{ app.t("ho-phone-show") }</p>
            <QrCanvas frames={frames} label={app.t("ho-phone-code-label")} testid="response-qr" />
            <p class="muted">{ app.t("ho-phone-order") }</p>
            <p class="code-line">{ app.t("thanks-code-intro") }{ " " }<span class="code" data-testid="withdrawal-code">{ o.code.clone() }</span></p>
            <div class="actions">
                if can_share {
                    <button type="button" class="btn" onclick={share_file}>{ app.t("ho-share") }</button>
                }
                <button type="button" class="btn" onclick={download} data-testid="response-download">{ app.t("ho-download") }</button>
            </div>
            if let Some(n) = &*note { <p role="status">{ n.clone() }</p> }
        </div>
    }
}

/// Sealed maps still on this phone, each with its codes on demand.
#[function_component(Outbox)]
pub fn outbox() -> Html {
    let app = use_app();
    let open = use_state(|| None::<usize>);
    let outbox = &app.state().handover.outbox;
    if outbox.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" aria-labelledby="outbox-title">
            <h2 id="outbox-title">{ app.t_with("ho-outbox-title", &[("count", outbox.len().into())]) }</h2>
            <p class="muted">{ app.t("ho-outbox-intro") }</p>
            <ul class="outbox">
                { for outbox.iter().enumerate().map(|(i, o)| {
                    let show = {
                        let open = open.clone();
                        Callback::from(move |_: MouseEvent| open.set(if *open == Some(i) { None } else { Some(i) }))
                    };
                    let forget = {
                        let (app, id) = (app.clone(), o.response.clone());
                        Callback::from(move |_: MouseEvent| {
                            if confirm(&app.t("ho-outbox-forget-confirm")) {
                                app.forget_outgoing(&id);
                            }
                        })
                    };
                    html! {
                        <li>
                            <span>{ app.t_with("ho-outbox-item", &[("code", o.code.clone().into()), ("count", o.people.into())]) }</span>
                            <div class="actions">
                                <button type="button" class="btn" onclick={show} aria-expanded={(*open == Some(i)).to_string()}>{ app.t("ho-outbox-show") }</button>
                                <button type="button" class="btn" onclick={forget}>{ app.t("ho-outbox-forget") }</button>
                            </div>
                            if *open == Some(i) { <OutgoingCodes outgoing={Rc::new(o.clone())} /> }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
