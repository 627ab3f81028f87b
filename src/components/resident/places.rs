//! Where they go: tap places from the facilitator's list (grouped by
//! category, searchable), add one that is missing, say how often they go and
//! where they hear local news, and what stops them taking part.

use super::flow_nav::FlowNav;
use super::questions::frequency_key;
use crate::components::chips::Choices;
use crate::core::command::Command;
use crate::core::model::{
    name_key, Barrier, Frequency, NewPlace, PlaceCategory, PlaceRef, PlaceVisit, Response,
};
use crate::platform::clock;
use crate::state::context::{use_app, AppContext};
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub fn category_key(c: PlaceCategory) -> &'static str {
    match c {
        PlaceCategory::Venue => "cat-venue",
        PlaceCategory::Group => "cat-group",
        PlaceCategory::Service => "cat-service",
        PlaceCategory::Information => "cat-information",
        PlaceCategory::Online => "cat-online",
    }
}

fn category_icon(c: PlaceCategory) -> &'static str {
    match c {
        PlaceCategory::Venue => "🏠",
        PlaceCategory::Group => "👥",
        PlaceCategory::Service => "🩺",
        PlaceCategory::Information => "📰",
        PlaceCategory::Online => "💬",
    }
}

fn barrier_key(b: Barrier) -> &'static str {
    match b {
        Barrier::Cost => "barrier-cost",
        Barrier::Transport => "barrier-transport",
        Barrier::Times => "barrier-times",
        Barrier::Language => "barrier-language",
        Barrier::Confidence => "barrier-confidence",
        Barrier::Caring => "barrier-caring",
        Barrier::Health => "barrier-health",
        Barrier::Other => "barrier-other",
    }
}

fn place_name(app: &AppContext, r: &Response, place: &PlaceRef) -> String {
    match place {
        PlaceRef::Listed(id) => app
            .state()
            .community
            .event
            .place(id)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        PlaceRef::New(id) => r
            .new_places
            .iter()
            .find(|p| p.id == *id)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
    }
}

#[function_component(Places)]
pub fn places() -> Html {
    let app = use_app();
    let search = use_state(String::new);
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let r = &draft.response;
    let event = &state.community.event;
    let query = name_key(&search);
    let toggle = |place: PlaceRef| {
        let app = app.clone();
        let present = r.places.iter().any(|v| v.place == place);
        Callback::from(move |_: MouseEvent| {
            if present {
                app.apply(Command::RemovePlaceVisit {
                    place: place.clone(),
                });
            } else {
                let visit = PlaceVisit {
                    place: place.clone(),
                    frequency: None,
                    information: false,
                    added_at: clock::now(),
                };
                app.apply(Command::AddPlaceVisit { visit, index: None });
            }
        })
    };
    let groups = PlaceCategory::ALL.into_iter().filter_map(|cat| {
        let items: Vec<_> = event.places.iter()
            .filter(|p| p.category == cat && (query.is_empty() || name_key(&p.name).contains(&query)))
            .collect();
        if items.is_empty() {
            return None;
        }
        Some(html! {
            <section class="place-group" aria-label={app.t(category_key(cat))}>
                <h2><span aria-hidden="true">{ category_icon(cat) }</span>{ " " }{ app.t(category_key(cat)) }</h2>
                <div class="chip-row">
                { for items.into_iter().map(|p| {
                    let place = PlaceRef::Listed(p.id.clone());
                    let on = r.places.iter().any(|v| v.place == place);
                    html! {
                        <button type="button" class={classes!("chip", "place", on.then_some("on"))}
                            aria-pressed={on.to_string()} data-place={p.id.to_string()}
                            title={p.description.clone()} onclick={toggle(place)}>
                            <span class="name-text">{ p.name.clone() }</span>
                        </button>
                    }
                }) }
                </div>
            </section>
        })
    });
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                search.set(el.value());
            }
        })
    };
    let add_new = {
        let app = app.clone();
        let draft = draft.clone();
        let search = search.clone();
        Callback::from(move |_: MouseEvent| {
            let name = search.trim().to_string();
            if name.is_empty() {
                return;
            }
            let id = draft.response.next_new_place_id();
            let place = NewPlace {
                id,
                name,
                category: PlaceCategory::Venue,
            };
            let visit = PlaceVisit {
                place: PlaceRef::New(id),
                frequency: None,
                information: false,
                added_at: clock::now(),
            };
            app.apply(Command::Batch {
                commands: vec![
                    Command::AddNewPlace { place, index: None },
                    Command::AddPlaceVisit { visit, index: None },
                ],
            });
            search.set(String::new());
        })
    };
    let mine = r.places.iter().map(|v| {
        let name = place_name(&app, r, &v.place);
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
        html! {
            <li class="my-place" data-place-name={name.clone()}>
                <h3 class="name-text">{ name.clone() }</h3>
                <Choices label={app.t_with("places-how-often", &[("name", name.into())])} on_toggle={freq}
                    options={Frequency::ALL.into_iter().map(|f| (AttrValue::from(frequency_key(f)), AttrValue::from(app.t(frequency_key(f))))).collect::<Vec<_>>()}
                    selected={v.frequency.map(|f| AttrValue::from(frequency_key(f))).into_iter().collect::<Vec<_>>()} />
                <button type="button" class={classes!("chip", v.information.then_some("on"))}
                    aria-pressed={v.information.to_string()} onclick={info} data-testid="info-toggle">
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
        <main class="screen step places">
            <header class="step-head">
                <h1>{ app.t("places-title") }</h1>
                <p class="hint">{ app.t("places-hint") }</p>
            </header>
            <div class="step-body scroll places-body">
                <div class="palette">
                    <div class="entry-row">
                        <label for="place-search" class="sr-only">{ app.t("places-search") }</label>
                        <input id="place-search" class="name-input" type="search" maxlength="120" autocomplete="off"
                            placeholder={app.t("places-search")} value={(*search).clone()} {oninput} />
                        <button type="button" class="btn" onclick={add_new} disabled={search.trim().is_empty()}>
                            { app.t("places-add-new") }
                        </button>
                    </div>
                    { for groups }
                </div>
                <div class="my-places">
                    <h2>{ app.t("places-mine") }</h2>
                    <ul>{ for mine }</ul>
                    <Choices label={app.t("places-barriers")} multiple=true on_toggle={barriers}
                        options={Barrier::ALL.into_iter().map(|b| (AttrValue::from(barrier_key(b)), AttrValue::from(app.t(barrier_key(b))))).collect::<Vec<_>>()}
                        selected={r.barriers.iter().map(|b| AttrValue::from(barrier_key(*b))).collect::<Vec<_>>()} />
                </div>
            </div>
            <FlowNav next_label={Some(AttrValue::from(app.t("flow-finish")))} />
        </main>
    }
}
