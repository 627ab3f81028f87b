//! A phone joins an event: scan the facilitator's event code (or open an
//! event file), see what it is, and join. From then on the phone runs the
//! resident flow offline and seals each finished map to the event's key.

use super::hand_over::Outbox;
use super::scanner::Scanner;
use crate::core::handover::envelope::key_id_text;
use crate::core::handover::{EventOffer, Kind};
use crate::state::context::use_app;
use crate::state::Route;
use yew::prelude::*;

#[function_component(Join)]
pub fn join() -> Html {
    let app = use_app();
    let state = app.state();
    let offer = use_state(|| None::<EventOffer>);
    let problem = use_state(|| false);
    let on_payload = {
        let (offer, problem) = (offer.clone(), problem.clone());
        Callback::from(move |bytes: Vec<u8>| match EventOffer::from_bytes(&bytes) {
            Ok(o) => {
                problem.set(false);
                offer.set(Some(o));
            }
            Err(_) => problem.set(true),
        })
    };
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Start))
    };
    let joined_here = state
        .handover
        .joined_for(&state.community.event.id)
        .is_some();
    let body = if let Some(o) = &*offer {
        let confirm = {
            let (app, o) = (app.clone(), o.clone());
            Callback::from(move |_: MouseEvent| {
                app.join(&o);
                app.navigate(Route::Map);
            })
        };
        let again = {
            let offer = offer.clone();
            Callback::from(move |_: MouseEvent| offer.set(None))
        };
        // Maps kept on this device (not sealed ones) would be replaced.
        let kept = if joined_here {
            0
        } else {
            state.community.finished().count()
        };
        let export = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.export_everything())
        };
        html! {
            <section class="panel join-offer" aria-labelledby="join-event-name">
                <h2 id="join-event-name" data-testid="join-event-name">{ o.event.name.clone() }</h2>
                <p>{ o.event.date.clone() }</p>
                <p>{ app.t_with("ho-event-gets", &[("prompts", o.event.prompts.len().into()), ("places", o.event.places.len().into())]) }</p>
                <p class="muted">{ app.t("ho-key-label") }{ " " }<code>{ key_id_text(&o.public_key) }</code></p>
                <p>{ app.t("ho-join-private") }</p>
                if kept > 0 {
                    <p class="warn-text">{ app.t_with("ho-join-replaces", &[("count", kept.into())]) }</p>
                    <button type="button" class="btn" onclick={export}>{ app.t("export-everything") }</button>
                }
                <div class="actions">
                    <button type="button" class="btn primary huge" onclick={confirm} data-testid="join-confirm">{ app.t("ho-join-confirm") }</button>
                    <button type="button" class="btn huge" onclick={again}>{ app.t("ho-join-again") }</button>
                </div>
            </section>
        }
    } else {
        html! {
            <section class="panel" aria-labelledby="join-scan-title">
                <h2 id="join-scan-title">{ app.t("ho-join-scan") }</h2>
                <Scanner kind={Kind::Event} on_payload={on_payload} />
                if *problem { <p class="warn-text" role="alert">{ app.t("ho-join-unreadable") }</p> }
            </section>
        }
    };
    html! {
        <main class="screen join">
            <header class="bar">
                <h1>{ app.t("ho-join-title") }</h1>
                <button type="button" class="btn" onclick={home}>{ app.t("nav-home") }</button>
            </header>
            <p class="lead">{ app.t("ho-join-intro") }</p>
            { body }
            <Outbox />
        </main>
    }
}
