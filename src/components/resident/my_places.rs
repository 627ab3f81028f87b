//! The resident's places, each with how often they go and whether they hear
//! local news there (and a way to take it off), then what stops them taking
//! part. Every tap is one undoable command.

use super::places::{place_name, remove_command};
use super::questions::frequency_key;
use crate::components::chips::Choices;
use crate::components::places::icons::{barrier_key, CategoryIcon};
use crate::core::command::Command;
use crate::core::model::{Barrier, Frequency, PlaceRef};
use crate::state::context::use_app;
use yew::prelude::*;

/// The resident's places with their questions, and the barriers.
#[function_component(MyPlaces)]
pub fn my_places() -> Html {
    let app = use_app();
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let r = &draft.response;
    let cards = r.places.iter().map(|v| {
        let (name, category) = place_name(&app, r, &v.place);
        let freq = {
            let app = app.clone();
            let place = v.place.clone();
            let current = v.frequency;
            Callback::from(move |val: AttrValue| {
                let picked = Frequency::ALL.into_iter().find(|f| frequency_key(*f) == val.as_str());
                let value = if picked == current { None } else { picked };
                app.apply(Command::SetPlaceFrequency { place: place.clone(), value });
            })
        };
        let info = {
            let app = app.clone();
            let place = v.place.clone();
            let value = !v.information;
            Callback::from(move |_: MouseEvent| app.apply(Command::SetPlaceInformation { place: place.clone(), value }))
        };
        let remove = {
            let app = app.clone();
            let place = v.place.clone();
            Callback::from(move |_: MouseEvent| app.apply(remove_command(&place)))
        };
        let is_new = matches!(v.place, PlaceRef::New(_));
        html! {
            <li class="my-place" data-place-name={name.clone()}>
                <div class="my-place-head">
                    <h3><CategoryIcon {category} />{ " " }<span class="name-text">{ name.clone() }</span>
                        if is_new { <span class="badge">{ app.t("places-new-badge") }</span> }
                    </h3>
                    <button type="button" class="btn link" onclick={remove} data-testid="remove-place"
                        aria-label={app.t_with("places-remove", &[("name", name.clone().into())])}>
                        { app.t("places-remove-short") }
                    </button>
                </div>
                <Choices label={app.t_with("places-how-often", &[("name", name.clone().into())])} on_toggle={freq}
                    options={Frequency::ALL.into_iter().map(|f| (AttrValue::from(frequency_key(f)), AttrValue::from(app.t(frequency_key(f))))).collect::<Vec<_>>()}
                    selected={v.frequency.map(|f| AttrValue::from(frequency_key(f))).into_iter().collect::<Vec<_>>()} />
                <button type="button" class={classes!("chip", "info-toggle", v.information.then_some("on"))}
                    aria-pressed={v.information.to_string()} onclick={info} data-testid="info-toggle"
                    aria-label={app.t_with("places-info-source-for", &[("name", name.into())])}>
                    { app.t("places-info-source") }
                </button>
            </li>
        }
    });
    let barriers = {
        let app = app.clone();
        Callback::from(move |v: AttrValue| {
            if let Some(b) = Barrier::ALL
                .into_iter()
                .find(|b| barrier_key(*b) == v.as_str())
            {
                app.apply(Command::ToggleBarrier { barrier: b });
            }
        })
    };
    html! {
        <div class="my-places">
            <h2>{ app.t("places-mine") }</h2>
            if r.places.is_empty() { <p class="muted">{ app.t("places-mine-empty") }</p> }
            <ul>{ for cards }</ul>
            <Choices label={app.t("places-barriers")} multiple=true on_toggle={barriers} id={Some(AttrValue::from("barriers"))}
                options={Barrier::ALL.into_iter().map(|b| (AttrValue::from(barrier_key(b)), AttrValue::from(app.t(barrier_key(b))))).collect::<Vec<_>>()}
                selected={r.barriers.iter().map(|b| AttrValue::from(barrier_key(*b))).collect::<Vec<_>>()} />
        </div>
    }
}
