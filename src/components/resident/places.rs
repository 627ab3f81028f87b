//! Where they go: tap places from the facilitator's list (grouped by
//! category with icons, searchable), add one that is missing, see them on
//! the local map with links fanning out from "me", say how often they go and
//! where they hear local news, and what stops them taking part. Every tap is
//! one undoable command, saved at once. On a phone the three parts are tabs.

use super::flow_nav::FlowNav;
use super::questions::frequency_key;
use crate::components::chips::Choices;
use crate::components::places::icons::{barrier_key, category_key, category_one_key, CategoryIcon};
use crate::components::places::map_canvas::{CanvasPlace, FanPlace, MapCanvas, Mode};
use crate::core::command::Command;
use crate::core::model::{
    Barrier, Frequency, NewPlace, PlaceCategory, PlaceId, PlaceRef, PlaceVisit, Response,
};
use crate::core::places::palette::{fold, grouped, same_name};
use crate::platform::clock;
use crate::state::context::{use_app, AppContext};
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Find,
    Map,
    Mine,
}

impl Pane {
    fn slug(self) -> &'static str {
        match self {
            Pane::Find => "find",
            Pane::Map => "map",
            Pane::Mine => "mine",
        }
    }
}

fn place_name(app: &AppContext, r: &Response, place: &PlaceRef) -> (String, PlaceCategory) {
    match place {
        PlaceRef::Listed(id) => app
            .state()
            .community
            .event
            .place(id)
            .map(|p| (p.name.clone(), p.category))
            .unwrap_or((String::new(), PlaceCategory::Venue)),
        PlaceRef::New(id) => r
            .new_places
            .iter()
            .find(|p| p.id == *id)
            .map(|p| (p.name.clone(), p.category))
            .unwrap_or((String::new(), PlaceCategory::Venue)),
    }
}

/// Adds or removes a listed place; one command either way.
fn toggle_command(r: &Response, id: &PlaceId) -> Command {
    let place = PlaceRef::Listed(id.clone());
    if r.places.iter().any(|v| v.place == place) {
        Command::RemovePlaceVisit { place }
    } else {
        Command::AddPlaceVisit {
            visit: PlaceVisit {
                place,
                frequency: None,
                information: false,
                added_at: clock::now(),
            },
            index: None,
        }
    }
}

/// Removing a visit; an added place goes with its visit (one undo step).
fn remove_command(place: &PlaceRef) -> Command {
    match place {
        PlaceRef::New(id) => Command::Batch {
            commands: vec![
                Command::RemovePlaceVisit {
                    place: place.clone(),
                },
                Command::RemoveNewPlace { id: *id },
            ],
        },
        PlaceRef::Listed(_) => Command::RemovePlaceVisit {
            place: place.clone(),
        },
    }
}

#[function_component(Places)]
pub fn places() -> Html {
    let app = use_app();
    let pane = use_state(|| Pane::Find);
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let r = &draft.response;
    let event = &state.community.event;
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Redo))
    };
    let tab = |p: Pane, label: String| {
        let pane = pane.clone();
        let on = *pane == p;
        let onclick = Callback::from(move |_: MouseEvent| pane.set(p));
        html! {
            <button type="button" class={classes!("pane-tab", on.then_some("on"))} aria-pressed={on.to_string()}
                data-testid={format!("pane-{}", p.slug())} {onclick}>{ label }</button>
        }
    };
    let canvas_places: Rc<Vec<CanvasPlace>> = Rc::new(
        event
            .places
            .iter()
            .map(|p| CanvasPlace {
                id: p.id.clone(),
                name: p.name.clone(),
                category: p.category,
                pin: p.pin,
                chosen: r
                    .places
                    .iter()
                    .any(|v| v.place == PlaceRef::Listed(p.id.clone())),
            })
            .collect(),
    );
    let fan: Rc<Vec<FanPlace>> = Rc::new(
        r.places
            .iter()
            .filter_map(|v| match v.place {
                PlaceRef::New(id) => r.new_places.iter().find(|p| p.id == id).map(|p| FanPlace {
                    key: format!("new-{}", id.0),
                    name: p.name.clone(),
                    category: p.category,
                }),
                PlaceRef::Listed(_) => None,
            })
            .collect(),
    );
    let on_tap = {
        let app = app.clone();
        let draft = draft.clone();
        Callback::from(move |id: PlaceId| app.apply(toggle_command(&draft.response, &id)))
    };
    let count = r.places.len();
    html! {
        <main class="screen step places">
            <header class="step-head places-head">
                <div>
                    <h1>{ app.t("places-title") }</h1>
                    <p class="hint">{ app.t("places-hint") }</p>
                </div>
                <div class="edit-tools" role="toolbar" aria-label={app.t("edit-tools")}>
                    <button type="button" class="btn" onclick={undo} disabled={!draft.history.can_undo()} data-testid="undo"
                        aria-label={app.t("undo")}>
                        <span aria-hidden="true" class="glyph">{ "↶" }</span><span class="label">{ app.t("undo") }</span>
                    </button>
                    <button type="button" class="btn" onclick={redo} disabled={!draft.history.can_redo()} data-testid="redo"
                        aria-label={app.t("redo")}>
                        <span aria-hidden="true" class="glyph">{ "↷" }</span><span class="label">{ app.t("redo") }</span>
                    </button>
                </div>
            </header>
            <div class="pane-tabs" role="group" aria-label={app.t("places-panes")}>
                { tab(Pane::Find, app.t("places-pane-find")) }
                { tab(Pane::Map, app.t("places-pane-map")) }
                { tab(Pane::Mine, app.t_with("places-pane-mine", &[("count", count.into())])) }
            </div>
            <div class="step-body places-body" data-pane={pane.slug()}>
                <section class="pane pane-find" aria-label={app.t("places-list-label")}>
                    <Palette />
                </section>
                <section class="pane pane-map" aria-label={app.t("places-map-label")}>
                    <MapCanvas picture={event.map.clone()} places={canvas_places} {fan} mode={Mode::Resident}
                        label={AttrValue::from(app.t("map-label-resident"))} {on_tap} />
                </section>
                <section class="pane pane-mine" aria-label={app.t("places-mine")}>
                    <MyPlaces />
                </section>
            </div>
            <FlowNav next_label={Some(AttrValue::from(app.t("flow-finish")))} />
        </main>
    }
}

/// The list grouped by category, the search box and "add a new place".
#[function_component(Palette)]
fn palette() -> Html {
    let app = use_app();
    let search = use_state(String::new);
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let r = &draft.response;
    let event = &state.community.event;
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                search.set(el.value());
            }
        })
    };
    let typed = search.split_whitespace().collect::<Vec<_>>().join(" ");
    let listed_same = same_name(&event.places, &typed).is_some();
    let mine_same = r.new_places.iter().any(|p| fold(&p.name) == fold(&typed))
        && r.places.iter().any(|v| {
            matches!(v.place, PlaceRef::New(id) if r.new_places.iter().any(|p| p.id == id && fold(&p.name) == fold(&typed)))
        });
    let add_as = |cat: PlaceCategory| {
        let app = app.clone();
        let draft = draft.clone();
        let search = search.clone();
        let name: String = typed.chars().take(120).collect();
        Callback::from(move |_: MouseEvent| {
            if name.is_empty() {
                return;
            }
            let id = draft.response.next_new_place_id();
            let place = NewPlace {
                id,
                name: name.clone(),
                category: cat,
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
    let groups = grouped(&event.places, &typed);
    let nothing = groups.is_empty() && !typed.is_empty();
    let adder = (!typed.is_empty() && !listed_same && !mine_same).then(|| html! {
        <div class="add-new" role="group" aria-label={app.t_with("places-add-as", &[("name", typed.clone().into())])}
            data-testid="add-new">
            <p class="name-text">{ app.t_with(if nothing { "places-add-as" } else { "places-add-as-other" }, &[("name", typed.clone().into())]) }</p>
            <div class="chip-row">
                { for PlaceCategory::ALL.into_iter().map(|c| html! {
                    <button type="button" class="chip" data-category={crate::components::places::icons::category_slug(c)}
                        onclick={add_as(c)}>
                        <CategoryIcon category={c} />{ " " }{ app.t(category_one_key(c)) }
                    </button>
                }) }
            </div>
        </div>
    });

    html! {
        <div class="palette">
            <div class="entry-row">
                <label for="place-search" class="sr-only">{ app.t("places-search") }</label>
                <input id="place-search" class="name-input" type="search" maxlength="120" autocomplete="off"
                    placeholder={app.t("places-search")} value={(*search).clone()} {oninput}
                    data-testid="place-search" />
            </div>
            if nothing { <p class="muted" role="status">{ app.t("places-none-found") }</p> }
            if nothing { { for adder.clone() } }
            { for groups.into_iter().map(|(cat, items)| {
                let title_id = format!("cat-{}", crate::components::places::icons::category_slug(cat));
                html! {
                    <section class="place-group" aria-labelledby={title_id.clone()}>
                        <h2 id={title_id}><CategoryIcon category={cat} />{ " " }{ app.t(category_key(cat)) }</h2>
                        <div class="chip-row">
                        { for items.into_iter().map(|p| {
                            let on = r.places.iter().any(|v| v.place == PlaceRef::Listed(p.id.clone()));
                            let onclick = {
                                let app = app.clone();
                                let draft = draft.clone();
                                let id = p.id.clone();
                                Callback::from(move |_: MouseEvent| app.apply(toggle_command(&draft.response, &id)))
                            };
                            html! {
                                <button type="button" class={classes!("chip", "place", on.then_some("on"))}
                                    aria-pressed={on.to_string()} data-place={p.id.to_string()}
                                    title={p.description.clone()} {onclick}>
                                    <span class="name-text">{ p.name.clone() }</span>
                                </button>
                            }
                        }) }
                        </div>
                    </section>
                }
            }) }
            // With matches on the list, adding a new place comes after them.
            if !nothing { { for adder } }
        </div>
    }
}

/// The resident's places with their questions, and the barriers.
#[function_component(MyPlaces)]
fn my_places() -> Html {
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
