//! Where they go: tap places from the facilitator's list (grouped by
//! category with icons, searchable), add one that is missing, see them on
//! the local map with links fanning out from "me", say how often they go and
//! where they hear local news, and what stops them taking part. Every tap is
//! one undoable command, saved at once. On a phone the three parts are tabs.

use super::flow_nav::FlowNav;
use super::my_places::MyPlaces;
use super::place_palette::Palette;
use crate::components::places::map_canvas::{CanvasPlace, FanPlace, MapCanvas, Mode};
use crate::core::command::Command;
use crate::core::model::{PlaceCategory, PlaceId, PlaceRef, PlaceVisit, Response};
use crate::platform::clock;
use crate::state::context::{use_app, AppContext};
use crate::state::Action;
use std::rc::Rc;
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

pub(super) fn place_name(
    app: &AppContext,
    r: &Response,
    place: &PlaceRef,
) -> (String, PlaceCategory) {
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
pub(super) fn toggle_command(r: &Response, id: &PlaceId) -> Command {
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
pub(super) fn remove_command(place: &PlaceRef) -> Command {
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
            .map(|p| {
                let chosen = r
                    .places
                    .iter()
                    .any(|v| v.place == PlaceRef::Listed(p.id.clone()));
                CanvasPlace::of(p, chosen)
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
