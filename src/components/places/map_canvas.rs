//! The map canvas: the local-area picture (an SVG `<image>`, so an uploaded
//! SVG is only ever an image), the places pinned on it, and — for a resident
//! — links fanning out from "me" to each of their places. The facilitator's
//! mode drags pins and takes places from a tray of unpinned ones.
//!
//! DOM events are copied into the pure machine (`core::places::pin_drag`);
//! its intents become callbacks. Pins keep a constant size on screen at any
//! zoom (a 48 px touch target with the machine's reach).

use super::icons::{category_slug, icon_path};
use super::map_draw::draw;
use super::picture::{use_map_picture, PictureState};
use crate::core::geometry::{ScreenSize, Viewport};
use crate::core::gesture::{wheel, PointerId, PointerKind, Scene, WheelEvent};
use crate::core::model::{MapPicture, MapPin, Place, PlaceCategory, PlaceId};
use crate::core::places::map::{MapSpace, PinSpot};
use crate::core::places::pin_drag::{MapGesture, MapIntent, MapPointer, MapScene};
use crate::platform::pointer;
use crate::state::context::use_app;
use std::rc::Rc;
use yew::prelude::*;

/// A listed place as the canvas needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasPlace {
    pub id: PlaceId,
    pub name: String,
    pub category: PlaceCategory,
    pub pin: Option<MapPin>,
    /// On the resident's map.
    pub chosen: bool,
}

impl CanvasPlace {
    /// A listed place as the map draws it; `chosen` when it is on the
    /// resident's map.
    pub fn of(place: &Place, chosen: bool) -> CanvasPlace {
        CanvasPlace {
            id: place.id.clone(),
            name: place.name.clone(),
            category: place.category,
            pin: place.pin,
            chosen,
        }
    }
}

/// A chosen place with no pin (a resident's new place, an online group).
#[derive(Debug, Clone, PartialEq)]
pub struct FanPlace {
    pub key: String,
    pub name: String,
    pub category: PlaceCategory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The facilitator pins places by dragging.
    Edit,
    /// The resident taps places; their links fan out from "me".
    Resident,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub picture: Option<MapPicture>,
    pub places: Rc<Vec<CanvasPlace>>,
    #[prop_or_default]
    pub fan: Rc<Vec<FanPlace>>,
    pub mode: Mode,
    pub label: AttrValue,
    #[prop_or_default]
    pub on_tap: Callback<PlaceId>,
    /// A place was pinned or moved (`Some`), or unpinned (`None`).
    #[prop_or_default]
    pub on_pin: Callback<(PlaceId, Option<MapPin>)>,
}

#[derive(Default)]
struct View {
    gesture: MapGesture,
    viewport: Option<Viewport>,
    /// The space the viewport was fitted to; a new picture refits.
    fitted: Option<(f64, f64)>,
    preview: Option<(PlaceId, MapPin)>,
}

#[derive(Clone)]
enum Input {
    Pointer(MapPointer),
    Wheel(WheelEvent),
    Fit,
    Zoom(f64),
}

/// Calls `on_resize` whenever the element's size changes; keep the pair
/// alive while watching, disconnect the observer to stop.
fn observe_size(
    el: Option<web_sys::Element>,
    on_resize: impl Fn() + 'static,
) -> Option<(
    web_sys::ResizeObserver,
    wasm_bindgen::closure::Closure<dyn FnMut()>,
)> {
    use wasm_bindgen::JsCast;
    let el = el?;
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(on_resize);
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&el);
    Some((observer, closure))
}

fn element_size(el: &web_sys::Element) -> ScreenSize {
    let r = el.get_bounding_client_rect();
    ScreenSize::new(r.width().max(1.0), r.height().max(1.0))
}

fn pin_spots(space: &MapSpace, places: &[CanvasPlace]) -> Vec<PinSpot> {
    places
        .iter()
        .filter_map(|p| {
            p.pin.map(|pin| PinSpot {
                id: p.id.clone(),
                at: space.to_world(pin),
            })
        })
        .collect()
}

#[function_component(MapCanvas)]
pub fn map_canvas(props: &Props) -> Html {
    let app = use_app();
    let picture = use_map_picture(props.picture.clone());
    let view = use_mut_ref(View::default);
    let redraw = use_force_update();
    let svg_ref = use_node_ref();
    let has_picture = matches!(picture, PictureState::Ready(_) | PictureState::Loading)
        || (props.mode == Mode::Edit && props.picture.is_some());
    let space = MapSpace::for_picture(props.picture.as_ref());
    // Without a picture, pins mean nothing: the resident's places all fan out.
    let places: Rc<Vec<CanvasPlace>> = if has_picture {
        props.places.clone()
    } else {
        Rc::new(
            props
                .places
                .iter()
                .map(|p| CanvasPlace {
                    pin: None,
                    ..p.clone()
                })
                .collect(),
        )
    };
    let spots = Rc::new(pin_spots(&space, &places));

    // Fit to the element, refit for a new picture, follow size changes (a
    // window resize, or a phone tab showing a pane that was hidden).
    {
        let view = view.clone();
        let svg_ref = svg_ref.clone();
        let redraw = redraw.clone();
        let content = content_rect(&space, props.mode, has_picture);
        use_effect_with(
            (space.width.to_bits(), space.height.to_bits(), has_picture),
            move |_| {
                let target = svg_ref.cast::<web_sys::Element>();
                let fit = move || {
                    let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                        return;
                    };
                    let size = element_size(&svg);
                    let mut v = view.borrow_mut();
                    let key = (space.width, space.height);
                    // A hidden element measures 1×1: fit afresh once it shows.
                    let was_hidden = v
                        .viewport
                        .is_some_and(|vp| vp.size.width < 2.0 || vp.size.height < 2.0);
                    v.viewport = Some(match v.viewport {
                        Some(vp) if v.fitted == Some(key) && !was_hidden => vp.resize(size),
                        _ => Viewport::new(size).fit(content),
                    });
                    v.fitted = Some(key);
                    drop(v);
                    redraw.force_update();
                };
                fit();
                let observer = observe_size(target, fit);
                move || {
                    if let Some((o, _closure)) = observer {
                        o.disconnect();
                    }
                }
            },
        );
    }

    let handle: Rc<dyn Fn(Input)> = {
        let view = view.clone();
        let redraw = redraw.clone();
        let spots = spots.clone();
        let on_tap = props.on_tap.clone();
        let on_pin = props.on_pin.clone();
        let draggable = props.mode == Mode::Edit && has_picture;
        let content = content_rect(&space, props.mode, has_picture);
        Rc::new(move |input: Input| {
            let mut v = view.borrow_mut();
            let Some(viewport) = v.viewport else { return };
            let scene = MapScene {
                viewport,
                space,
                pins: &spots,
                draggable,
            };
            let intents = match input {
                Input::Pointer(e) => {
                    let (next, intents) = v.gesture.step(&e, &scene);
                    v.gesture = next;
                    intents
                }
                Input::Wheel(w) => {
                    let s = Scene {
                        viewport,
                        bubbles: &[],
                        ties: &[],
                        selected: None,
                    };
                    wheel(&w, &s)
                        .into_iter()
                        .filter_map(|i| match i {
                            crate::core::gesture::Intent::ViewportChanged(vp) => {
                                Some(MapIntent::ViewportChanged(vp))
                            }
                            _ => None,
                        })
                        .collect()
                }
                Input::Fit => vec![MapIntent::ViewportChanged(viewport.fit(content))],
                Input::Zoom(f) => vec![MapIntent::ViewportChanged(
                    viewport.zoom_about(viewport.size.centre(), f),
                )],
            };
            let centre_pin = space.clamp_pin(viewport.to_world(viewport.size.centre()));
            for intent in intents {
                match intent {
                    // A tap on a tray place pins it in the middle of the view.
                    MapIntent::Tap(id) => {
                        let pinned = spots.iter().any(|s| s.id == id);
                        if draggable && !pinned {
                            on_pin.emit((id, Some(centre_pin)));
                        } else {
                            on_tap.emit(id);
                        }
                    }
                    MapIntent::TapEmpty => {}
                    MapIntent::Preview { id, at } => v.preview = Some((id, at)),
                    MapIntent::EndPreview => v.preview = None,
                    MapIntent::Pin { id, at } => {
                        v.preview = None;
                        on_pin.emit((id, Some(at)));
                    }
                    MapIntent::ViewportChanged(vp) => v.viewport = Some(vp),
                }
            }
            drop(v);
            redraw.force_update();
        })
    };

    let pointer = |kind: PointerKind, tray: Option<PlaceId>| {
        let handle = handle.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: web_sys::PointerEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            if kind == PointerKind::Down {
                // Moves and the release come to the canvas, even for a
                // press that began on a tray place.
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            e.prevent_default();
            let pointer_type = pointer::pointer_type(&e);
            handle(Input::Pointer(MapPointer {
                id: PointerId(e.pointer_id()),
                kind,
                at: pointer::offset_in(&svg, &e),
                pointer_type,
                from_tray: tray.clone(),
            }));
        })
    };
    let onwheel = {
        let handle = handle.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: web_sys::WheelEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            e.prevent_default();
            handle(Input::Wheel(WheelEvent {
                at: pointer::offset_in(&svg, &e),
                delta_y: e.delta_y(),
            }));
        })
    };
    let tool = |input: Input| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle(input.clone()))
    };

    let v = view.borrow();
    let body = v.viewport.map(|vp| {
        let picture_href = match &picture {
            PictureState::Ready(url) => Some(url.clone()),
            _ => None,
        };
        draw(
            &app,
            props,
            &places,
            &space,
            vp,
            v.preview.clone(),
            (picture_href, has_picture),
        )
    });
    let tray = (props.mode == Mode::Edit && has_picture).then(|| {
        let centre = {
            let view = view.clone();
            Rc::new(move || {
                view.borrow()
                    .viewport
                    .map(|vp| space.clamp_pin(vp.to_world(vp.size.centre())))
                    .unwrap_or(MapPin { x: 0.5, y: 0.5 })
            }) as Rc<dyn Fn() -> MapPin>
        };
        tray(&app, &places, &props.on_pin, &pointer, centre)
    });
    let status = match (&picture, props.mode) {
        (PictureState::Missing, _) => Some(app.t("map-picture-missing")),
        _ => None,
    };
    html! {
        <div class={classes!("map-wrap", (props.mode == Mode::Edit).then_some("editing"))}>
            { for tray }
            <div class="map-stage">
                <svg ref={svg_ref.clone()} class="map-canvas" role="group" aria-label={props.label.clone()}
                    data-testid="map-canvas" data-has-picture={matches!(picture, PictureState::Ready(_)).to_string()}
                    onpointerdown={pointer(PointerKind::Down, None)} onpointermove={pointer(PointerKind::Move, None)}
                    onpointerup={pointer(PointerKind::Up, None)} onpointercancel={pointer(PointerKind::Cancel, None)}
                    {onwheel}>
                    { for body }
                </svg>
                <div class="canvas-tools" role="toolbar" aria-label={app.t("canvas-view-tools")}>
                    <button type="button" class="btn icon" onclick={tool(Input::Zoom(1.25))} aria-label={app.t("canvas-zoom-in")}>{ "+" }</button>
                    <button type="button" class="btn icon" onclick={tool(Input::Zoom(0.8))} aria-label={app.t("canvas-zoom-out")}>{ "−" }</button>
                    <button type="button" class="btn icon" onclick={tool(Input::Fit)} aria-label={app.t("canvas-fit")}>{ "⤢" }</button>
                </div>
                if let Some(s) = status { <p class="map-status" role="status">{ s }</p> }
            </div>
        </div>
    }
}

/// The facilitator's tray of places not on the map yet: drag one onto the
/// map (the press is handed to the canvas's machine), or focus it and press
/// Enter to pin it in the middle of the view (`centre`).
fn tray(
    app: &crate::state::context::AppContext,
    places: &[CanvasPlace],
    on_pin: &Callback<(PlaceId, Option<MapPin>)>,
    pointer: &dyn Fn(PointerKind, Option<PlaceId>) -> Callback<web_sys::PointerEvent>,
    centre: Rc<dyn Fn() -> MapPin>,
) -> Html {
    let unpinned: Vec<&CanvasPlace> = places.iter().filter(|p| p.pin.is_none()).collect();
    let hint = if unpinned.is_empty() {
        app.t("map-tray-empty")
    } else {
        app.t("map-tray-hint")
    };
    html! {
        <div class="pin-tray" role="list" aria-label={app.t("map-tray")} data-testid="pin-tray">
            <p class="muted">{ hint }</p>
            { for unpinned.into_iter().map(|p| {
                let onkeydown = {
                    let on_pin = on_pin.clone();
                    let id = p.id.clone();
                    let centre = centre.clone();
                    Callback::from(move |e: KeyboardEvent| {
                        if matches!(e.key().as_str(), "Enter" | " ") {
                            e.prevent_default();
                            on_pin.emit((id.clone(), Some(centre())));
                        }
                    })
                };
                html! {
                    <span role="listitem">
                        <button type="button" class="chip tray-place" data-place={p.id.to_string()}
                            aria-label={app.t_with("map-tray-place", &[("name", p.name.clone().into())])}
                            onpointerdown={pointer(PointerKind::Down, Some(p.id.clone()))} {onkeydown}>
                            <svg class={classes!("cat-icon", category_slug(p.category))} viewBox="0 0 24 24" aria-hidden="true">
                                <path d={icon_path(p.category)} />
                            </svg>
                            <span class="name-text">{ p.name.clone() }</span>
                        </button>
                    </span>
                }
            }) }
        </div>
    }
}

/// What "fit" shows: the picture, and for a resident the band below it
/// where "me" sits.
fn content_rect(
    space: &MapSpace,
    mode: Mode,
    has_picture: bool,
) -> crate::core::geometry::WorldRect {
    if mode == Mode::Resident && has_picture {
        space.resident_rect()
    } else {
        space.rect()
    }
}
