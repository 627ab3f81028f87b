//! The list of responses, newest first, for the facilitator only.

use crate::state::context::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Withdraw a resident's map by the code they were given.
#[function_component(Withdraw)]
fn withdraw() -> Html {
    let app = use_app();
    let input = use_node_ref();
    let message = use_state(String::new);
    let onsubmit = {
        let app = app.clone();
        let input = input.clone();
        let message = message.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let code = el.value();
            let confirmed = || {
                web_sys::window()
                    .and_then(|w| w.confirm_with_message(&app.t("withdraw-confirm")).ok())
                    .unwrap_or(false)
            };
            if code.trim().is_empty() || !confirmed() {
                return;
            }
            let key = if app.withdraw(&code) {
                el.set_value("");
                "withdraw-done"
            } else {
                "withdraw-unknown"
            };
            message.set(app.t(key));
        })
    };
    html! {
        <form class="entry-row withdraw" {onsubmit} autocomplete="off">
            <label for="withdraw-code">{ app.t("withdraw-label") }</label>
            <input id="withdraw-code" ref={input} class="name-input" maxlength="12" autocomplete="off"
                autocapitalize="characters" spellcheck="false" data-testid="withdraw-code" />
            <button type="submit" class="btn danger" data-testid="withdraw-submit">{ app.t("withdraw-button") }</button>
            <p role="status" data-testid="withdraw-message">{ (*message).clone() }</p>
        </form>
    }
}

#[function_component(Responses)]
pub fn responses() -> Html {
    let app = use_app();
    let state = app.state();
    let mut rows: Vec<_> = state.community.finished().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.finished_at));
    html! {
        <section class="panel" aria-labelledby="fac-data">
            <h2 id="fac-data">{ app.t("fac-data-title") }</h2>
            <Withdraw />
            <table class="data" data-testid="responses-table">
                <thead><tr>
                    <th scope="col">{ app.t("fac-col-finished") }</th>
                    <th scope="col">{ app.t("fac-col-people") }</th>
                    <th scope="col">{ app.t("fac-col-ties") }</th>
                    <th scope="col">{ app.t("fac-col-places") }</th>
                    <th scope="col">{ app.t("fac-col-code") }</th>
                </tr></thead>
                <tbody>
                { for rows.iter().take(200).map(|r| {
                    let when = r.finished_at.map(|t| {
                        js_sys::Date::new(&(t.0 as f64).into()).to_locale_string("en-GB", &Default::default()).as_string().unwrap_or_default()
                    }).unwrap_or_default();
                    html! {
                        <tr data-response={r.id.to_string()}>
                            <td>{ when }</td>
                            <td>{ r.alters.len() }</td>
                            <td>{ r.ties.len() }</td>
                            <td>{ r.places.len() }</td>
                            <td><code>{ r.withdrawal_code.clone().unwrap_or_default() }</code></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
