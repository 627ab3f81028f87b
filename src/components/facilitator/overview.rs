//! Event summary, storage persistence, backup and reset.

use crate::core::demo::demo_community;
use crate::core::model::{Community, Event, EventId};
use crate::platform::clock;
use crate::state::context::use_app;
use yew::prelude::*;

#[function_component(Overview)]
pub fn overview() -> Html {
    let app = use_app();
    let state = app.state();

    // Ask once on this screen; the answer is shown, and asking again is allowed.
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            app.request_persistence();
            || ()
        });
    }
    let persist_text = match state.persisted {
        Some(true) => app.t("fac-persist-yes"),
        Some(false) => app.t("fac-persist-no"),
        None => app.t("fac-persist-unknown"),
    };
    let ask = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.request_persistence())
    };
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.export_everything())
    };
    let load_demo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm(&app.t("fac-confirm-replace")) {
                app.replace_community(demo_community(2026));
            }
        })
    };
    let new_event = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm(&app.t("fac-confirm-replace")) {
                let today = js_sys::Date::new_0()
                    .to_iso_string()
                    .as_string()
                    .unwrap_or_default();
                let date = today.get(..10).unwrap_or("").to_string();
                let event = Event::new(
                    EventId::new(clock::random_id("e")),
                    app.t("fac-new-event-name"),
                    date,
                );
                app.replace_community(Community::new(event));
            }
        })
    };
    let event = &state.community.event;
    let finished = state.community.finished().count();
    html! {
        <section class="panel" aria-labelledby="fac-overview">
            <h2 id="fac-overview">{ event.name.clone() }</h2>
            <dl class="facts">
                <dt>{ app.t("fac-date") }</dt><dd>{ event.date.clone() }</dd>
                <dt>{ app.t("fac-responses") }</dt><dd data-testid="response-count">{ finished }</dd>
                <dt>{ app.t("fac-storage") }</dt>
                <dd data-testid="persist-state" data-persisted={format!("{:?}", state.persisted)}>{ persist_text }</dd>
                { crate::components::offline::version_facts(&app) }
            </dl>
            <div class="actions">
                <button type="button" class="btn" onclick={ask}>{ app.t("fac-persist-ask") }</button>
                <button type="button" class="btn primary" onclick={export}>{ app.t("export-everything") }</button>
                <button type="button" class="btn" onclick={load_demo}>{ app.t("fac-load-demo") }</button>
                <button type="button" class="btn" onclick={new_event}>{ app.t("fac-new-event") }</button>
            </div>
        </section>
    }
}

fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
