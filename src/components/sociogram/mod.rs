//! The community network drawn on a canvas, alive: the layout streams
//! positions while the picture settles visibly, drawn with WebGL 2 (Canvas
//! 2D where there is none, painted in a worker where the browser can) at
//! the screen's pixel density, public labels on a transparent overlay. Fingers pan and pinch, the wheel zooms, a tap
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
use crate::platform::render::size_watch::SizeWatch;
use engine::{Engine, EngineHandle};
use gloo::timers::callback::Timeout;
use input::{Gesture, Pointers};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::{Element, HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// Layout time per frame, in ms: leaves most of a 60 Hz frame for drawing.
const LAYOUT_BUDGET_MS: f64 = 7.0;
/// The first picture is announced (and the workers that follow it start)
/// once a paint worker's first picture is on screen, or after this long
/// (ms) at most: on two cores the paint worker's first picture beside the
/// layout's and the analysis's starts left the compositor short of the
/// cores, and the page a frame or two short.
const SETTLE_WAIT_MS: f64 = 400.0;
/// Mouse-wheel zoom per pixel of scroll.
const WHEEL_ZOOM: f64 = 0.0015;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub engine: EngineHandle,
    /// The canvas's accessible description (counts only, never names).
    pub label: AttrValue,
    pub on_select: Callback<Option<u32>>,
    /// Hears once that the first picture is on screen and settled with its
    /// painter (from a task after the frame that drew it, so whatever it
    /// starts does not delay it).
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

/// The backing store for a canvas of `css` client size at the device pixel
/// ratio times `resolution`: its CSS size, pixel density and device pixels.
/// The canvas is sized to it when `apply` (not once a paint worker owns it).
fn fit_backing_store(
    canvas: &HtmlCanvasElement,
    css: (i32, i32),
    resolution: f64,
    apply: bool,
) -> (ScreenSize, f64, (u32, u32)) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()) * resolution;
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    };
    let (w, h) = (f64::from(css.0.max(1)), f64::from(css.1.max(1)));
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if apply && canvas.width() != bw {
        canvas.set_width(bw);
    }
    if apply && canvas.height() != bh {
        canvas.set_height(bh);
    }
    (ScreenSize::new(w, h), dpr, (bw, bh))
}

/// The data attributes last written, so a frame writes only what changed
/// (each write is a DOM mutation the page's observers and tests see).
#[derive(Default)]
struct Attributes(HashMap<&'static str, String>);

impl Attributes {
    fn set(&mut self, el: &Element, key: &'static str, value: String) {
        if self.0.get(key) != Some(&value) {
            let _ = el.set_attribute(key, &value);
            self.0.insert(key, value);
        }
    }
}

/// The renderer the address asks for, if any (`renderer=canvas2d`).
fn wanted_renderer() -> Option<Renderer> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Renderer::from_hash(&hash)
}

/// The address keeps the Canvas 2D pictures on the page's thread
/// (`paint=main`), for the benchmark's comparison.
fn paint_here() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| {
            h.split_once('?')
                .is_some_and(|(_, q)| q.split('&').any(|kv| kv == "paint=main"))
        })
}

/// The canvases, the frame that moves them, and what is applied to it.
struct Surface {
    canvas: HtmlCanvasElement,
    overlay: HtmlCanvasElement,
    picture: HtmlElement,
}

/// What the frame loop keeps between frames.
#[derive(Default)]
struct Kept {
    painter: Option<Painter>,
    /// The transform applied to the picture's frame.
    shown: Option<Transform>,
    /// The canvas's size (the overlay has the same: it covers it).
    size: Option<SizeWatch>,
    attributes: Attributes,
    /// Told once the first picture is drawn and settled with its painter
    /// (then taken).
    on_shown: Option<Callback<()>>,
    /// When the first picture was on screen (ms).
    first_shown: Option<f64>,
}

fn paint(surface: &Surface, kept: &mut Kept, engine: &RefCell<Engine>, now: f64) {
    let (canvas, overlay) = (&surface.canvas, &surface.overlay);
    if kept.size.is_none() {
        kept.size = SizeWatch::new(canvas);
    }
    let css = match &kept.size {
        Some(w) => w.size(canvas),
        None => (canvas.client_width(), canvas.client_height()),
    };
    let resolution = kept.painter.as_ref().map_or(1.0, Painter::resolution);
    let here = !kept
        .painter
        .as_ref()
        .is_some_and(Painter::canvas_is_elsewhere);
    let (size, dpr, pixels) = fit_backing_store(canvas, css, resolution, here);
    fit_backing_store(overlay, css, 1.0, true);
    let mut e = engine.borrow_mut();
    e.resize(size, dpr);
    e.tick(now, LAYOUT_BUDGET_MS, &frames::now);
    if kept.painter.is_none() {
        kept.painter = Painter::new(canvas, overlay, wanted_renderer(), paint_here());
    }
    let attrs = &mut kept.attributes;
    if let Some(p) = kept.painter.as_mut() {
        attrs.set(canvas, "data-renderer", p.renderer().id().to_string());
        attrs.set(canvas, "data-software", p.is_software().to_string());
        attrs.set(canvas, "data-paint", p.paints_in().to_string());
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
            pixels,
            moving: e.is_moving(now),
        });
        let transform = match outcome {
            Outcome::Kept => None,
            Outcome::Moved(t) => Some(t),
            Outcome::Drew => Some(Transform::IDENTITY),
        };
        if let Some(t) = transform.filter(|t| Some(*t) != kept.shown) {
            let css = if t == Transform::IDENTITY {
                String::new()
            } else {
                t.css()
            };
            let _ = surface.picture.style().set_property("transform", &css);
            kept.shown = Some(t);
        }
        attrs.set(canvas, "data-pictures", p.pictures.to_string());
        attrs.set(canvas, "data-stride", p.painted.stride.to_string());
        attrs.set(canvas, "data-ties-drawn", p.painted.ties_drawn.to_string());
        attrs.set(
            canvas,
            "data-node-scale",
            format!("{:.2}", p.painted.node_scale),
        );
        attrs.set(canvas, "data-detail", format!("{:.3}", p.detail));
        attrs.set(canvas, "data-resolution", format!("{:.2}", p.resolution()));
    }
    let shown = kept.painter.as_ref().is_some_and(|p| p.pictures > 0);
    if shown {
        // A picture is on screen (a paint worker's lands a frame or two
        // after it was asked for).
        e.drawn(frames::now());
    }
    report(canvas, attrs, &e);
    if shown && kept.on_shown.is_some() {
        let first = *kept.first_shown.get_or_insert(now);
        let settled = kept.painter.as_ref().is_some_and(Painter::is_settled);
        if settled || now - first > SETTLE_WAIT_MS {
            if let Some(cb) = kept.on_shown.take() {
                Timeout::new(0, move || cb.emit(())).forget();
            }
        }
    }
}

/// Publishes counts (never names) as data attributes for tests and the benchmark.
fn report(canvas: &HtmlCanvasElement, attrs: &mut Attributes, e: &Engine) {
    let s = e.stats;
    attrs.set(canvas, "data-frames", s.frames.to_string());
    attrs.set(canvas, "data-iterations", s.iterations.to_string());
    attrs.set(canvas, "data-nodes", s.nodes.to_string());
    attrs.set(canvas, "data-edges", s.edges.to_string());
    attrs.set(canvas, "data-resting", s.resting.to_string());
    attrs.set(canvas, "data-layout", e.layout_thread().to_string());
    if let Some(ms) = s.you_ms {
        attrs.set(canvas, "data-you-ms", format!("{ms:.0}"));
    }
    if let Some((x, y)) = e.sample_point() {
        attrs.set(canvas, "data-sample", format!("{x:.1},{y:.1}"));
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
        let on_shown = props.on_shown.clone();
        use_effect_with(props.engine.clone(), move |engine| {
            let engine: Rc<RefCell<Engine>> = engine.0.clone();
            let mut kept = Kept {
                shown: Some(Transform::IDENTITY),
                on_shown: Some(on_shown),
                ..Kept::default()
            };
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
                    paint(&surface, &mut kept, &engine, now);
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
