//! The community network drawn on a canvas, alive: the layout streams
//! positions while the picture settles visibly, drawn with WebGL 2 (Canvas
//! 2D where there is none) at the screen's pixel density, public labels on
//! a transparent overlay. Fingers pan and pinch, the wheel zooms, a tap
//! selects a node; while they move a picture that was costly to draw, both
//! canvases are moved together by a CSS transform (see
//! `core::playback::picture`), so pointer positions are read from the
//! unmoved frame around them. No names: see `core::playback::scene`.

pub mod engine;
mod input;
pub mod worker_link;

use crate::core::geometry::{ScreenPoint, ScreenSize};
use crate::core::playback::picture::Transform;
use crate::core::playback::renderer::Renderer;
use crate::platform::render::frames::{self, FrameLoop};
use crate::platform::render::painter::{Outcome, Painter, Picture};
use engine::{Engine, EngineHandle};
use input::{Gesture, Pointers};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// Layout time per frame, in ms: leaves most of a 60 Hz frame for drawing.
const LAYOUT_BUDGET_MS: f64 = 7.0;
/// Mouse-wheel zoom per pixel of scroll.
const WHEEL_ZOOM: f64 = 0.0015;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub engine: EngineHandle,
    /// The canvas's accessible description (counts only, never names).
    pub label: AttrValue,
    pub on_select: Callback<Option<u32>>,
}

/// Sizes the backing store to the element at the device pixel ratio.
fn fit_backing_store(canvas: &HtmlCanvasElement, resolution: f64) -> (ScreenSize, f64) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()) * resolution;
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    };
    let (w, h) = (
        f64::from(canvas.client_width().max(1)),
        f64::from(canvas.client_height().max(1)),
    );
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw {
        canvas.set_width(bw);
    }
    if canvas.height() != bh {
        canvas.set_height(bh);
    }
    (ScreenSize::new(w, h), dpr)
}

/// The renderer the address asks for, if any (`renderer=canvas2d`).
fn wanted_renderer() -> Option<Renderer> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Renderer::from_hash(&hash)
}

/// The canvases, the frame that moves them, and what is applied to it.
struct Surface {
    canvas: HtmlCanvasElement,
    overlay: HtmlCanvasElement,
    picture: HtmlElement,
}

fn paint(
    surface: &Surface,
    painter: &RefCell<Option<Painter>>,
    engine: &RefCell<Engine>,
    shown: &RefCell<Transform>,
    now: f64,
) {
    let (canvas, overlay) = (&surface.canvas, &surface.overlay);
    let resolution = painter.borrow().as_ref().map_or(1.0, Painter::resolution);
    let (size, dpr) = fit_backing_store(canvas, resolution);
    fit_backing_store(overlay, 1.0);
    let mut e = engine.borrow_mut();
    e.resize(size, dpr);
    e.tick(now, LAYOUT_BUDGET_MS, &frames::now);
    let mut painter = painter.borrow_mut();
    if painter.is_none() {
        *painter = Painter::new(canvas, overlay, wanted_renderer());
    }
    if let Some(p) = painter.as_mut() {
        let _ = canvas.set_attribute("data-renderer", p.renderer().id());
        let _ = canvas.set_attribute("data-software", &p.is_software().to_string());
        let (scene, styles, camera, dpr) = e.frame();
        let (x, y) = e.positions();
        let outcome = p.paint(&Picture {
            scene: &scene,
            styles: &styles,
            x,
            y,
            positions_rev: e.positions_rev(),
            camera,
            dpr,
            moving: e.is_moving(now),
        });
        let transform = match outcome {
            Outcome::Kept => None,
            Outcome::Moved(t) => Some(t),
            Outcome::Drew => Some(Transform::IDENTITY),
        };
        if let Some(t) = transform.filter(|t| *t != *shown.borrow()) {
            let css = if t == Transform::IDENTITY {
                String::new()
            } else {
                t.css()
            };
            let _ = surface.picture.style().set_property("transform", &css);
            *shown.borrow_mut() = t;
        }
        let _ = canvas.set_attribute("data-pictures", &p.pictures.to_string());
        let _ = canvas.set_attribute("data-stride", &p.painted.stride.to_string());
        let _ = canvas.set_attribute("data-ties-drawn", &p.painted.ties_drawn.to_string());
        let _ = canvas.set_attribute("data-node-scale", &format!("{:.2}", p.painted.node_scale));
        let _ = canvas.set_attribute("data-detail", &format!("{:.3}", p.detail));
        let _ = canvas.set_attribute("data-resolution", &format!("{:.2}", p.resolution()));
    }
    e.drawn(frames::now());
    report(canvas, &e);
}

/// Publishes counts (never names) as data attributes for tests and the benchmark.
fn report(canvas: &HtmlCanvasElement, e: &Engine) {
    let s = e.stats;
    let set = |k: &str, v: String| {
        let _ = canvas.set_attribute(k, &v);
    };
    set("data-frames", s.frames.to_string());
    set("data-iterations", s.iterations.to_string());
    set("data-nodes", s.nodes.to_string());
    set("data-edges", s.edges.to_string());
    set("data-resting", s.resting.to_string());
    set("data-layout", e.layout_thread().to_string());
    if let Some(ms) = s.you_ms {
        set("data-you-ms", format!("{ms:.0}"));
    }
    if let Some((x, y)) = e.sample_point() {
        set("data-sample", format!("{x:.1},{y:.1}"));
    }
}

fn at(frame: &HtmlElement, x: i32, y: i32) -> ScreenPoint {
    let rect = frame.get_bounding_client_rect();
    ScreenPoint::new(f64::from(x) - rect.left(), f64::from(y) - rect.top())
}

#[function_component(Sociogram)]
pub fn sociogram(props: &Props) -> Html {
    let canvas_ref = use_node_ref();
    let overlay_ref = use_node_ref();
    let picture_ref = use_node_ref();
    let frame_ref = use_node_ref();
    let pointers = use_mut_ref(Pointers::default);
    {
        let canvas_ref = canvas_ref.clone();
        let overlay_ref = overlay_ref.clone();
        let picture_ref = picture_ref.clone();
        use_effect_with(props.engine.clone(), move |engine| {
            let engine: Rc<RefCell<Engine>> = engine.0.clone();
            let painter: RefCell<Option<Painter>> = RefCell::new(None);
            let shown = RefCell::new(Transform::IDENTITY);
            let frames = FrameLoop::start(move |now| {
                if let (Some(canvas), Some(overlay), Some(picture)) = (
                    canvas_ref.cast::<HtmlCanvasElement>(),
                    overlay_ref.cast::<HtmlCanvasElement>(),
                    picture_ref.cast::<HtmlElement>(),
                ) {
                    let surface = Surface {
                        canvas,
                        overlay,
                        picture,
                    };
                    paint(&surface, &painter, &engine, &shown, now);
                }
            });
            move || drop(frames)
        });
    }
    let handler = |kind: u8| {
        let frame_ref = frame_ref.clone();
        let pointers = pointers.clone();
        let engine = props.engine.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |ev: PointerEvent| {
            let Some(frame) = frame_ref.cast::<HtmlElement>() else {
                return;
            };
            ev.prevent_default();
            let p = at(&frame, ev.client_x(), ev.client_y());
            let id = ev.pointer_id();
            let mut ptrs = pointers.borrow_mut();
            let gesture = match kind {
                0 => {
                    let _ = frame.set_pointer_capture(id);
                    ptrs.down(id, p, ev.time_stamp());
                    Gesture::None
                }
                1 => ptrs.moved(id, p),
                2 => ptrs.up(id, p, ev.time_stamp()),
                _ => {
                    ptrs.cancel(id);
                    Gesture::None
                }
            };
            drop(ptrs);
            let mut e = engine.0.borrow_mut();
            match gesture {
                Gesture::Pan(from, to) => e.pan(to.minus(from), frames::now()),
                Gesture::Pinch(from, to) => e.pinch(from, to, frames::now()),
                Gesture::Tap(p) => {
                    let hit = e.hit(p);
                    drop(e);
                    on_select.emit(hit);
                }
                Gesture::None => {}
            }
        })
    };
    let onwheel = {
        let frame_ref = frame_ref.clone();
        let engine = props.engine.clone();
        Callback::from(move |ev: WheelEvent| {
            let Some(frame) = frame_ref.cast::<HtmlElement>() else {
                return;
            };
            let p = at(&frame, ev.client_x(), ev.client_y());
            let factor = (-ev.delta_y() * WHEEL_ZOOM).exp();
            engine.0.borrow_mut().zoom(p, factor, frames::now());
        })
    };
    let (down, moved, up, cancel) = (handler(0), handler(1), handler(2), handler(3));
    html! {
        <div class="sociogram-wrap" ref={frame_ref}
            onpointerdown={down} onpointermove={moved}
            onpointerup={up} onpointercancel={cancel}
            {onwheel}>
            <div class="sociogram-picture" ref={picture_ref}>
                <canvas ref={canvas_ref} class="sociogram" data-testid="sociogram"
                    role="img" aria-label={props.label.clone()}></canvas>
                <canvas ref={overlay_ref} class="sociogram-labels" aria-hidden="true"></canvas>
            </div>
        </div>
    }
}
