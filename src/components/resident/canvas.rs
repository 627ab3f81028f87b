//! The resident's drawing: "me" in the middle of three rings, a bubble per
//! named person, lines for ties. The DOM events are copied into the pure
//! gesture machine (`core::gesture`) and its intents become commands; this
//! component only draws and forwards.

use crate::core::command::Command;
use crate::core::geometry::{outer_radius, Bubble, ScreenSize, Viewport, WorldPoint, ME_RADIUS};
use crate::core::gesture::{
    fit_scene, tie_handle, wheel, GestureState, Intent, Key, PointerEvent, PointerId, PointerKind,
    Preview, Scene, WheelEvent,
};
use crate::core::layout::rings::{bubble_radius, spread};
use crate::core::model::{AlterId, AlterTie, Response, RINGS};
use crate::core::style::{truncate_label, LABEL_GRAPHEMES};
use crate::platform::pointer;
use crate::state::context::use_app;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub response: Rc<Response>,
    /// In the ties step taps join people; elsewhere a tap opens the questions.
    pub ties_enabled: bool,
    pub on_open: Callback<AlterId>,
}

/// View state that changes on every pointer move: kept out of the reducer
/// (it is never saved) and in a ref so handlers always see the newest.
#[derive(Default)]
struct View {
    gesture: GestureState,
    viewport: Option<Viewport>,
    selected: Option<AlterId>,
    preview: Option<Preview>,
    announce: String,
}

/// The bubbles as stored, in drawing order.
pub fn stored_bubbles(response: &Response) -> Vec<Bubble> {
    let r = bubble_radius(response.alters.len());
    response
        .alters
        .iter()
        .map(|a| Bubble {
            id: a.id,
            centre: WorldPoint::new(a.x, a.y),
            radius: r,
            ring: a.ring,
        })
        .collect()
}

/// The bubbles as drawn: at least a 48 px touch target at the current zoom,
/// and gently spaced so none overlaps unreadably. Display only; the stored
/// positions stay exactly where the resident put them.
fn bubbles(response: &Response, scale: Option<f64>) -> Vec<Bubble> {
    let min_radius = scale.map_or(0.0, |s| MIN_TOUCH_RADIUS_PX / s);
    let mut bubbles = stored_bubbles(response);
    for b in &mut bubbles {
        b.radius = b.radius.max(min_radius);
    }
    spread(&bubbles, None)
}

/// Half the 48 CSS px minimum touch target.
const MIN_TOUCH_RADIUS_PX: f64 = 24.0;

fn element_size(svg: &web_sys::Element) -> ScreenSize {
    let rect = svg.get_bounding_client_rect();
    ScreenSize::new(rect.width().max(1.0), rect.height().max(1.0))
}

#[function_component(EgoCanvas)]
pub fn ego_canvas(props: &Props) -> Html {
    let app = use_app();
    let view = use_mut_ref(View::default);
    let redraw = use_force_update();
    let svg_ref = use_node_ref();
    let scale = view.borrow().viewport.map(|v| v.scale);
    let bubbles = Rc::new(bubbles(&props.response, scale));
    let ties = Rc::new(props.response.ties.clone());

    // Size the viewport to the element, and follow window resizes.
    {
        let view = view.clone();
        let svg_ref = svg_ref.clone();
        let redraw = redraw.clone();
        let bubbles = bubbles.clone();
        use_effect_with((), move |_| {
            let fit = move || {
                if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                    let size = element_size(&svg);
                    let mut v = view.borrow_mut();
                    let viewport = match v.viewport {
                        Some(vp) => vp.resize(size),
                        None => {
                            let scene = Scene {
                                viewport: Viewport::new(size),
                                bubbles: &bubbles,
                                ties: &[],
                                selected: None,
                            };
                            fit_scene(&scene)
                        }
                    };
                    v.viewport = Some(viewport);
                    drop(v);
                    redraw.force_update();
                }
            };
            fit();
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "resize", move |_| fit()));
            move || drop(listener)
        });
    }

    // Every input goes through here: build the scene, step the machine, act.
    let handle: Rc<dyn Fn(Input)> = {
        let view = view.clone();
        let redraw = redraw.clone();
        let app = app.clone();
        let bubbles = bubbles.clone();
        let ties = ties.clone();
        let on_open = props.on_open.clone();
        let ties_enabled = props.ties_enabled;
        Rc::new(move |input: Input| {
            let mut v = view.borrow_mut();
            let Some(viewport) = v.viewport else { return };
            let scene = Scene {
                viewport,
                bubbles: &bubbles,
                ties: &ties,
                selected: if ties_enabled { v.selected } else { None },
            };
            let intents = match input {
                Input::Pointer(e) => {
                    let (next, intents) = v.gesture.step(&e, &scene);
                    v.gesture = next;
                    intents
                }
                Input::Key(k) => {
                    let (next, intents) = v.gesture.key(k, &scene);
                    v.gesture = next;
                    intents
                }
                Input::Wheel(w) => wheel(&w, &scene),
                Input::Focus(id) => vec![Intent::Select(id)],
                Input::Fit => vec![Intent::ViewportChanged(fit_scene(&scene))],
                Input::Zoom(f) => vec![Intent::ViewportChanged(
                    viewport.zoom_about(viewport.size.centre(), f),
                )],
            };
            for intent in intents {
                match intent {
                    Intent::Select(id) if ties_enabled => {
                        v.selected = Some(id);
                    }
                    Intent::Select(id) | Intent::OpenQuestions(id) => {
                        if matches!(input, Input::Focus(_)) {
                            v.selected = Some(id);
                        } else {
                            on_open.emit(id);
                        }
                    }
                    Intent::ClearSelection => v.selected = None,
                    Intent::Preview(p) => v.preview = Some(p),
                    Intent::EndPreview => v.preview = None,
                    Intent::MoveAlter { id, to, ring } => {
                        v.preview = None;
                        app.apply(Command::MoveAlter { id, to, ring });
                    }
                    Intent::AddTie(a, b) if ties_enabled => {
                        app.apply(Command::AddTie { a, b, index: None });
                        v.announce = app.t("canvas-tie-added");
                    }
                    Intent::RemoveTie(a, b) if ties_enabled => {
                        app.apply(Command::RemoveTie { a, b });
                        v.announce = app.t("canvas-tie-removed");
                    }
                    Intent::AddTie(_, b) | Intent::RemoveTie(_, b) => on_open.emit(b),
                    Intent::RemoveAlter(id) => {
                        v.selected = None;
                        app.apply(Command::RemoveAlter { id });
                    }
                    Intent::TieStarted(_) => v.announce = app.t("canvas-tie-started"),
                    Intent::TieCancelled => v.announce = app.t("canvas-tie-cancelled"),
                    Intent::ViewportChanged(vp) => v.viewport = Some(vp),
                }
            }
            drop(v);
            redraw.force_update();
        })
    };

    let pointer = |kind: PointerKind| {
        let handle = handle.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: web_sys::PointerEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            if kind == PointerKind::Down {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            e.prevent_default();
            let pointer_type = pointer::pointer_type(&e);
            handle(Input::Pointer(PointerEvent {
                id: PointerId(e.pointer_id()),
                kind,
                at: pointer::offset_in(&svg, &e),
                time_ms: e.time_stamp(),
                pointer_type,
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
            handle(Input::Wheel(WheelEvent {
                at: pointer::offset_in(&svg, &e),
                delta_y: e.delta_y(),
            }));
        })
    };
    let onkeydown = {
        let handle = handle.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(k) = Key::from_dom(&e.key()) {
                e.prevent_default();
                handle(Input::Key(k));
            }
        })
    };
    let fit = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle(Input::Fit))
    };
    let zoom = |f: f64| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle(Input::Zoom(f)))
    };

    let v = view.borrow();
    let body = v.viewport.map(|vp| {
        draw(
            &app,
            &props.response,
            &bubbles,
            &ties,
            &v,
            vp,
            props.ties_enabled,
            &handle,
        )
    });
    let label = if props.ties_enabled {
        app.t("canvas-label-ties")
    } else {
        app.t("canvas-label")
    };
    html! {
        <div class="canvas-wrap">
            <svg ref={svg_ref.clone()} class={classes!("ego-canvas", props.ties_enabled.then_some("ties-mode"))}
                role="group" aria-label={label} data-testid="ego-canvas"
                onpointerdown={pointer(PointerKind::Down)} onpointermove={pointer(PointerKind::Move)}
                onpointerup={pointer(PointerKind::Up)} onpointercancel={pointer(PointerKind::Cancel)}
                {onwheel} {onkeydown}>
                { for body }
            </svg>
            <div class="canvas-tools" role="toolbar" aria-label={app.t("canvas-view-tools")}>
                <button type="button" class="btn icon" onclick={zoom(1.25)} aria-label={app.t("canvas-zoom-in")}>{ "+" }</button>
                <button type="button" class="btn icon" onclick={zoom(0.8)} aria-label={app.t("canvas-zoom-out")}>{ "−" }</button>
                <button type="button" class="btn icon" onclick={fit} aria-label={app.t("canvas-fit")}>{ "⤢" }</button>
            </div>
            <p class="sr-only" aria-live="polite">{ v.announce.clone() }</p>
        </div>
    }
}

/// Bubble labels are this many screen pixels tall whatever the zoom (kiosk text >= 18 px).
const LABEL_PX: f64 = 18.0;
/// Ring names ("Closest"...) in screen pixels.
const RING_LABEL_PX: f64 = 16.0;

#[derive(Clone, Copy)]
enum Input {
    Pointer(PointerEvent),
    Key(Key),
    Wheel(WheelEvent),
    Focus(AlterId),
    Fit,
    Zoom(f64),
}

#[allow(clippy::too_many_arguments)]
fn draw(
    app: &crate::state::context::AppContext,
    response: &Response,
    bubbles: &[Bubble],
    ties: &[AlterTie],
    v: &View,
    vp: Viewport,
    ties_enabled: bool,
    handle: &Rc<dyn Fn(Input)>,
) -> Html {
    // Where each bubble is drawn now: its stored place, or where a drag holds it.
    let position = |id: AlterId, stored: WorldPoint| match v.preview {
        Some(Preview::Move { id: moving, to, .. }) if moving == id => to,
        _ => stored,
    };
    let centre_of = |id: AlterId| {
        bubbles
            .iter()
            .find(|b| b.id == id)
            .map(|b| position(id, b.centre))
    };
    let transform = format!(
        "translate({:.2} {:.2}) scale({:.4})",
        vp.offset.x, vp.offset.y, vp.scale
    );
    let ring_names = ["canvas-ring-1", "canvas-ring-2", "canvas-ring-3"];
    let rings = (1..=RINGS).rev().map(|ring| {
        let r = outer_radius(ring);
        html! {
            <g class={format!("ring ring-{ring}")}>
                <circle r={format!("{r:.1}")} />
                <text class="ring-label" y={fmt(-r + 1.3 * RING_LABEL_PX / vp.scale)} text-anchor="middle"
                    font-size={fmt(RING_LABEL_PX / vp.scale)}>
                    { app.t(ring_names[(ring - 1) as usize]) }
                </text>
            </g>
        }
    });
    let tie_lines = ties.iter().filter_map(|t| {
        let (a, b) = (centre_of(t.a)?, centre_of(t.b)?);
        Some(html! {
            <line class="tie" x1={fmt(a.x)} y1={fmt(a.y)} x2={fmt(b.x)} y2={fmt(b.y)}
                data-tie={format!("{}-{}", t.a.0, t.b.0)} />
        })
    });
    let rubber = match v.preview {
        Some(Preview::Tie { from, to, .. }) => centre_of(from).map(|a| html! {
            <line class="tie rubber" x1={fmt(a.x)} y1={fmt(a.y)} x2={fmt(to.x)} y2={fmt(to.y)} />
        }),
        _ => None,
    };
    let target = match v.preview {
        Some(Preview::Tie { target, .. }) => target,
        _ => None,
    };
    let bubble_nodes = response.alters.iter().zip(bubbles).map(|(alter, b)| {
        let at = position(b.id, b.centre);
        let selected = ties_enabled && v.selected == Some(b.id);
        let short = truncate_label(&alter.name, LABEL_GRAPHEMES);
        let label = app.t_with("canvas-bubble", &[("name", alter.name.clone().into()), ("ring", (alter.ring as usize).into())]);
        let onfocus = {
            let handle = handle.clone();
            let id = b.id;
            Callback::from(move |_: FocusEvent| handle(Input::Focus(id)))
        };
        let class = classes!(
            "bubble",
            selected.then_some("selected"),
            (target == Some(b.id)).then_some("target"),
            alter.relationship.map(|r| format!("rel-{r:?}").to_lowercase()),
        );
        html! {
            <g {class} transform={format!("translate({} {})", fmt(at.x), fmt(at.y))}
                tabindex="0" role="button" aria-label={label} aria-pressed={selected.to_string()}
                data-alter={b.id.0.to_string()} data-ring={alter.ring.to_string()} data-name={alter.name.clone()}
                {onfocus}>
                <circle r={fmt(b.radius)} />
                <text text-anchor="middle" dy="0.35em" class="bubble-label"
                    font-size={fmt(LABEL_PX / vp.scale)}>{ short }</text>
            </g>
        }
    });
    let scene = Scene {
        viewport: vp,
        bubbles,
        ties,
        selected: if ties_enabled { v.selected } else { None },
    };
    let handle_knob = tie_handle(&scene).map(|p| html! {
        <g class="tie-handle" transform={format!("translate({} {})", fmt(p.x), fmt(p.y))} aria-hidden="true">
            <circle r="22" /><text text-anchor="middle" dy="0.35em">{ "+" }</text>
        </g>
    });
    html! {
        <>
            <g transform={transform}>
                { for rings }
                { for tie_lines }
                { for rubber }
                <g class="me">
                    <circle r={fmt(ME_RADIUS)} />
                    <text text-anchor="middle" dy="0.35em" font-size={fmt(LABEL_PX / vp.scale)}>{ app.t("canvas-me") }</text>
                </g>
                { for bubble_nodes }
            </g>
            { for handle_knob }
        </>
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}
