//! The list of responses, newest first, for the facilitator only.

use crate::state::context::use_app;
use yew::prelude::*;

#[function_component(Responses)]
pub fn responses() -> Html {
    let app = use_app();
    let state = app.state();
    let mut rows: Vec<_> = state.community.finished().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.finished_at));
    html! {
        <section class="panel" aria-labelledby="fac-data">
            <h2 id="fac-data">{ app.t("fac-data-title") }</h2>
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
