//! The local-area map: upload a picture (PNG, JPEG or SVG; checked, then kept
//! in this browser's store), see it with the pins, drag places onto it from
//! the tray and drag pins to move them. Arrow keys move a focused pin,
//! Delete takes it off the map. Every change is one undo step.

use super::messages::picture_problem;
use crate::components::places::map_canvas::{CanvasPlace, MapCanvas, Mode};
use crate::core::model::{MapPin, PlaceId};
use crate::core::places::PlaceEdit;
use crate::platform::file_input;
use crate::state::context::use_app;
use crate::state::map_picture::UploadError;
use crate::state::Action;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(String),
    Error(String),
    Done(String),
}

#[function_component(MapSetup)]
pub fn map_setup() -> Html {
    let app = use_app();
    let status = use_state(|| Status::Idle);
    let state = app.state();
    let event = &state.community.event;
    let on_pick = {
        let app = app.clone();
        let status = status.clone();
        Callback::from(move |e: Event| {
            let Some(file) = file_input::picked_file(&e) else {
                return;
            };
            let name = file.name();
            let limit = crate::core::places::picture::MAX_PICTURE_BYTES;
            if file.size() > limit as f64 {
                let err = crate::core::places::picture::PictureError::TooLarge {
                    bytes: file.size() as usize,
                    limit,
                };
                status.set(Status::Error(picture_problem(&app, &err)));
                return;
            }
            status.set(Status::Reading(name.clone()));
            let app = app.clone();
            let status = status.clone();
            spawn_local(async move {
                file_input::after_paint().await;
                let bytes = match file_input::read_bytes(&file).await {
                    Ok(b) => b,
                    Err(why) => return status.set(Status::Error(why)),
                };
                status.set(match app.upload_map_picture(&bytes, &name).await {
                    Ok(_) => Status::Done(app.t_with("map-uploaded", &[("file", name.into())])),
                    Err(UploadError::Picture(e)) => Status::Error(picture_problem(&app, &e)),
                    Err(UploadError::Store(why)) => {
                        Status::Error(app.t_with("map-store-failed", &[("why", why.into())]))
                    }
                });
            });
        })
    };
    let remove = {
        let app = app.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::EditPlaces(PlaceEdit::SetMap { map: None }));
            status.set(Status::Idle);
        })
    };
    let on_pin = {
        let app = app.clone();
        Callback::from(move |(id, pin): (PlaceId, Option<MapPin>)| {
            app.dispatch(Action::EditPlaces(PlaceEdit::SetPin { id, pin }));
        })
    };
    let places: Rc<Vec<CanvasPlace>> = Rc::new(
        event
            .places
            .iter()
            .map(|p| CanvasPlace::of(p, false))
            .collect(),
    );
    let pinned = event.places.iter().filter(|p| p.pin.is_some()).count();
    let status_html = match &*status {
        Status::Idle => html! {},
        Status::Reading(name) => html! {
            <p class="status busy" role="status"><span class="spinner" aria-hidden="true"></span>
                { app.t_with("map-reading", &[("file", name.clone().into())]) }</p>
        },
        Status::Error(msg) => {
            html! { <p class="status error" role="alert" data-testid="map-error">{ msg.clone() }</p> }
        }
        Status::Done(msg) => {
            html! { <p class="status ok" role="status" data-testid="map-done">{ msg.clone() }</p> }
        }
    };
    html! {
        <section class="panel map-setup" aria-labelledby="fac-map-title">
            <h2 id="fac-map-title">{ app.t("map-title") }</h2>
            <p class="muted">{ app.t("map-help") }</p>
            <div class="actions">
                <label class="btn primary file-pick">
                    { if event.map.is_some() { app.t("map-replace") } else { app.t("map-upload") } }
                    <input type="file" class="sr-only" accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
                        data-testid="map-file" onchange={on_pick} />
                </label>
                if event.map.is_some() {
                    <button type="button" class="btn" onclick={remove} data-testid="map-remove">{ app.t("map-remove") }</button>
                }
            </div>
            { status_html }
            if let Some(m) = &event.map {
                <p class="muted" data-testid="map-info">{ app.t_with("map-info", &[
                    ("file", m.file_name.clone().into()),
                    ("width", (m.width as usize).into()),
                    ("height", (m.height as usize).into()),
                    ("pinned", pinned.into()),
                    ("count", event.places.len().into()),
                ]) }</p>
                <MapCanvas picture={event.map.clone()} {places} mode={Mode::Edit}
                    label={AttrValue::from(app.t("map-label-edit"))} {on_pin} />
            }
        </section>
    }
}
