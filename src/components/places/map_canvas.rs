//! The map canvas: the local-area picture (an SVG `<image>`, so an uploaded
//! SVG is only ever an image), the places pinned on it, and — for a resident
//! — links fanning out from "me" to each of their places. The facilitator's
//! mode drags pins and takes places from a tray of unpinned ones.
//!
//! DOM events are copied into the pure machine (`core::places::pin_drag`);
//! its intents become callbacks. Pins keep a constant size on screen at any
//! zoom (a 48 px touch target with the machine's reach).

use super::icons::{category_slug, icon_path};
use super::picture::{use_map_picture, PictureState};
use crate::core::geometry::{ScreenPoint, ScreenSize, Viewport, WorldPoint};
use crate::core::gesture::{wheel, PointerId, PointerKind, PointerType, Scene, WheelEvent};
use crate::core::model::{MapPicture, MapPin, PlaceCategory, PlaceId};
use crate::core::places::edit::nudge;
use crate::core::places::map::{fan, link_path, row_beside, MapSpace, PinSpot};
use crate::core::places::pin_drag::{MapGesture, MapIntent, MapPointer, MapScene};
use crate::core::style::truncate_label;
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

/// Pin marker radius, label size and "me" radius in screen pixels, whatever
/// the zoom: smaller on a phone-sized canvas so 30 places stay apart (the
/// touch reach stays 48 px either way, see `PIN_TOUCH_PX`).
#[derive(Clone, Copy)]
struct Sizes {
    pin: f64,
    label: f64,
    me: f64,
}

fn sizes(vp: &Viewport) -> Sizes {
    if vp.size.width < 560.0 {
        Sizes {
            pin: 10.0,
            label: 15.0,
            me: 24.0,
        }
    } else {
        Sizes {
            pin: 14.0,
            label: 18.0,
            me: 30.0,
        }
    }
}
/// Below this zoom the facilitator's map shows pins without names.
const LABELS_FROM_SCALE: f64 = 0.5;
/// Keyboard steps, as fractions of the picture.
const NUDGE: f64 = 0.01;
const NUDGE_BIG: f64 = 0.05;

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
            let rect = svg.get_bounding_client_rect();
            let pointer_type = match e.pointer_type().as_str() {
                "touch" => PointerType::Touch,
                "pen" => PointerType::Pen,
                _ => PointerType::Mouse,
            };
            handle(Input::Pointer(MapPointer {
                id: PointerId(e.pointer_id()),
                kind,
                at: ScreenPoint::new(
                    e.client_x() as f64 - rect.left(),
                    e.client_y() as f64 - rect.top(),
                ),
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
            let rect = svg.get_bounding_client_rect();
            handle(Input::Wheel(WheelEvent {
                at: ScreenPoint::new(
                    e.client_x() as f64 - rect.left(),
                    e.client_y() as f64 - rect.top(),
                ),
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
        let unpinned: Vec<&CanvasPlace> = places.iter().filter(|p| p.pin.is_none()).collect();
        html! {
            <div class="pin-tray" role="list" aria-label={app.t("map-tray")} data-testid="pin-tray">
                <p class="muted">{ if unpinned.is_empty() { app.t("map-tray-empty") } else { app.t("map-tray-hint") } }</p>
                { for unpinned.into_iter().map(|p| {
                    let onkeydown = {
                        let on_pin = props.on_pin.clone();
                        let id = p.id.clone();
                        let view = view.clone();
                        Callback::from(move |e: KeyboardEvent| {
                            if matches!(e.key().as_str(), "Enter" | " ") {
                                e.prevent_default();
                                let at = view.borrow().viewport
                                    .map(|vp| space.clamp_pin(vp.to_world(vp.size.centre())))
                                    .unwrap_or(MapPin { x: 0.5, y: 0.5 });
                                on_pin.emit((id.clone(), Some(at)));
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

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[allow(clippy::too_many_arguments)]
fn draw(
    app: &crate::state::context::AppContext,
    props: &Props,
    places: &[CanvasPlace],
    space: &MapSpace,
    vp: Viewport,
    preview: Option<(PlaceId, MapPin)>,
    (picture_href, has_picture): (Option<Rc<str>>, bool),
) -> Html {
    let k = 1.0 / vp.scale;
    let Sizes {
        pin: pin_px,
        label: label_px,
        me: me_px,
    } = sizes(&vp);
    let transform = format!(
        "translate({:.2} {:.2}) scale({:.4})",
        vp.offset.x, vp.offset.y, vp.scale
    );
    let resident = props.mode == Mode::Resident;
    let at_of = |p: &CanvasPlace| -> Option<WorldPoint> {
        match &preview {
            Some((id, pin)) if id == &p.id => Some(space.to_world(*pin)),
            _ => p.pin.map(|pin| space.to_world(pin)),
        }
    };
    let with_picture = has_picture;
    let me = if with_picture {
        space.me_below()
    } else {
        space.centre()
    };
    // The resident's chosen places without a position fan out round "me".
    let fanned: Vec<(String, String, PlaceCategory)> = if resident {
        places
            .iter()
            .filter(|p| p.chosen && p.pin.is_none())
            .map(|p| (p.id.to_string(), p.name.clone(), p.category))
            .chain(
                props
                    .fan
                    .iter()
                    .map(|f| (f.key.clone(), f.name.clone(), f.category)),
            )
            .collect()
    } else {
        Vec::new()
    };
    let fan_spots = if with_picture {
        row_beside(me, fanned.len(), space.width)
    } else {
        fan(me, fanned.len(), space.height.min(space.width) * 0.32)
    };
    let links = resident.then(|| {
        let to_pins = places
            .iter()
            .filter(|p| p.chosen)
            .filter_map(at_of)
            .chain(fan_spots.iter().copied());
        html! {
            <g class="links">
                { for to_pins.map(|to| html! { <path class="link" d={link_path(me, to)} stroke-width={fmt(4.0 * k)} /> }) }
            </g>
        }
    });
    let pins = places.iter().filter_map(|p| {
        let at = at_of(p)?;
        let dragging = matches!(&preview, Some((id, _)) if id == &p.id);
        // A resident sees the names of their own places; the facilitator sees
        // every name once the map is big enough for them not to pile up
        // (zoom in on a phone), and always the one being dragged.
        let show_label = if resident {
            p.chosen
        } else {
            vp.scale >= LABELS_FROM_SCALE || dragging
        };
        let pin = p.pin.unwrap_or(MapPin { x: 0.5, y: 0.5 });
        let label = if resident {
            let key = if p.chosen { "map-pin-chosen" } else { "map-pin" };
            app.t_with(key, &[("name", p.name.clone().into())])
        } else {
            app.t_with(
                "map-pin-edit",
                &[
                    ("name", p.name.clone().into()),
                    ("x", ((pin.x * 100.0).round() as usize).into()),
                    ("y", ((pin.y * 100.0).round() as usize).into()),
                ],
            )
        };
        let onkeydown = {
            let on_pin = props.on_pin.clone();
            let on_tap = props.on_tap.clone();
            let id = p.id.clone();
            Callback::from(move |e: KeyboardEvent| {
                let step = if e.shift_key() { NUDGE_BIG } else { NUDGE };
                let moved = match e.key().as_str() {
                    "ArrowLeft" => Some((-step, 0.0)),
                    "ArrowRight" => Some((step, 0.0)),
                    "ArrowUp" => Some((0.0, -step)),
                    "ArrowDown" => Some((0.0, step)),
                    _ => None,
                };
                match (e.key().as_str(), moved, resident) {
                    (_, Some((dx, dy)), false) => {
                        e.prevent_default();
                        on_pin.emit((id.clone(), Some(nudge(pin, dx, dy))));
                    }
                    ("Delete" | "Backspace", _, false) => {
                        e.prevent_default();
                        on_pin.emit((id.clone(), None));
                    }
                    ("Enter" | " ", _, true) => {
                        e.prevent_default();
                        on_tap.emit(id.clone());
                    }
                    _ => {}
                }
            })
        };
        let class = classes!(
            "pin",
            category_slug(p.category),
            p.chosen.then_some("chosen"),
            dragging.then_some("dragging")
        );
        Some(html! {
            <g {class} transform={format!("translate({} {})", fmt(at.x), fmt(at.y))}
                tabindex="0" role="button" aria-label={label} aria-pressed={resident.then(|| p.chosen.to_string())}
                data-place={p.id.to_string()} data-x={format!("{:.4}", pin.x)} data-y={format!("{:.4}", pin.y)}
                {onkeydown}>
                <circle class="pin-dot" r={fmt(pin_px * k)} stroke-width={fmt(3.0 * k)} />
                <g transform={format!("scale({:.4}) translate(-12 -12)", k * 0.9)} class="pin-icon">
                    <path d={icon_path(p.category)} />
                </g>
                if show_label {
                    <text class="pin-label" x={fmt((pin_px + 6.0) * k)} dy="0.35em"
                        font-size={fmt(label_px * k)} stroke-width={fmt(5.0 * k)}>
                        { truncate_label(&p.name, 28) }
                    </text>
                }
            </g>
        })
    });
    let fan_nodes = fanned.iter().zip(&fan_spots).map(|((key, name, cat), at)| {
        // Labels point away from "me", so none runs under it.
        let left = at.x < me.x - 1.0;
        let (lx, anchor) = if left {
            (-(pin_px + 6.0) * k, "end")
        } else {
            ((pin_px + 6.0) * k, "start")
        };
        html! {
            <g class={classes!("fan-place", category_slug(*cat))} transform={format!("translate({} {})", fmt(at.x), fmt(at.y))}
                data-fan={key.clone()} aria-label={app.t_with("map-pin-chosen", &[("name", name.clone().into())])} role="img">
                <circle class="pin-dot" r={fmt(pin_px * k)} stroke-width={fmt(3.0 * k)} />
                <g transform={format!("scale({:.4}) translate(-12 -12)", k * 0.9)} class="pin-icon">
                    <path d={icon_path(*cat)} />
                </g>
                <text class="pin-label" x={fmt(lx)} text-anchor={anchor} dy="0.35em"
                    font-size={fmt(label_px * k)} stroke-width={fmt(5.0 * k)}>
                    { truncate_label(name, 28) }
                </text>
            </g>
        }
    });
    let backdrop = match picture_href {
        Some(href) => html! {
            <image class="map-picture" href={href.to_string()} x="0" y="0"
                width={fmt(space.width)} height={fmt(space.height)} preserveAspectRatio="none" />
        },
        None => html! {
            <rect class="map-blank" x="0" y="0" width={fmt(space.width)} height={fmt(space.height)}
                rx={fmt(12.0)} />
        },
    };
    html! {
        <g transform={transform}>
            { backdrop }
            { for links }
            { for pins }
            { for fan_nodes }
            if resident {
                <g class="me" transform={format!("translate({} {})", fmt(me.x), fmt(me.y))}>
                    <circle r={fmt(me_px * k)} />
                    <text text-anchor="middle" dy="0.35em" font-size={fmt(label_px * k)}>{ app.t("canvas-me") }</text>
                </g>
            }
        </g>
    }
}
