//! The facilitator workspace: storage health, backups, the event, the data.
//! (Behind the PIN once kiosk mode lands.)

mod overview;
mod responses;

use crate::state::context::use_app;
use crate::state::Route;
use yew::prelude::*;

#[function_component(Facilitator)]
pub fn facilitator() -> Html {
    let app = use_app();
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Start))
    };
    html! {
        <main class="screen facilitator">
            <header class="bar">
                <h1>{ app.t("fac-title") }</h1>
                <button type="button" class="btn" onclick={home}>{ app.t("nav-home") }</button>
            </header>
            <overview::Overview />
            <responses::Responses />
        </main>
    }
}
