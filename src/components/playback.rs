//! The play-back sociogram (a first version: the issue for the big screen
//! builds the WebGL renderer, lenses and timeline on top).

use crate::state::context::use_app;
use crate::state::Route;
use yew::prelude::*;

#[function_component(Playback)]
pub fn playback() -> Html {
    let app = use_app();
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Start))
    };
    let state = app.state();
    let residents = state.community.finished().count();
    html! {
        <main class="screen playback">
            <header class="bar">
                <h1>{ app.t("playback-title") }</h1>
                <p class="muted">{ app.t_with("start-count", &[("count", residents.into())]) }</p>
                <button type="button" class="btn" onclick={home}>{ app.t("nav-home") }</button>
            </header>
            <super::sociogram::Sociogram />
        </main>
    }
}
