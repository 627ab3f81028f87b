//! One canvas, one renderer: WebGL 2 where the browser has it on a GPU,
//! Canvas 2D otherwise — also where WebGL 2 runs on a software rasteriser
//! (SwiftShader, llvmpipe), since there the benchmark finds Canvas 2D faster
//! (`scripts/bench-playback.mjs`); the address can force either
//! (`renderer=webgl`, `renderer=canvas2d`). The first frame is always
//! painted with Canvas 2D on the overlay, and the choice is made from the
//! next, so starting WebGL (a few hundred ms without a GPU) never delays
//! the first picture. Labels always go through
//! Canvas 2D text: drawn on the main canvas by the fallback, on a
//! transparent overlay canvas above the WebGL picture otherwise. What each
//! frame does is `core::playback::picture::plan`: a frame identical to the
//! last one painted is skipped, so a resting picture costs nothing, and
//! while the camera is dragged a picture that was costly to draw is moved
//! (the caller applies the returned transform to the canvases) and drawn
//! sharply again when the gesture rests.
//!
//! Where the browser can, the Canvas 2D picture is painted in a worker
//! ([`PaintWorker`]): it starts after the first frame (painted here, on the
//! overlay, as before), takes the main canvas once it listens, and from
//! then on the page only sends it what changed and one picture at a time.
//! Until its first picture lands the overlay keeps the last one painted
//! here; then it holds the labels alone. `paint=main` in the address keeps
//! every picture on the page's thread (the benchmark's comparison).

use super::canvas2d::{self, Frame};
use super::frames;
use super::paint_worker::PaintWorker;
use super::webgl::{self, GlFrame, GlRenderer};
use crate::core::playback::paint::{Lod, Painted};
use crate::core::playback::paint_job::{PaintFrame, PaintMessage, PaintScene, PaintStyles};
use crate::core::playback::picture::{plan, Drawn, Plan, Transform, CHEAP_MS};
use crate::core::playback::raster::Raster;
use crate::core::playback::renderer::Renderer;
use crate::core::playback::style::Styles;
use crate::core::playback::{Camera, Scene};
use crate::platform::spare_workers;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, WebGl2RenderingContext};

/// What one frame shows.
pub struct Picture<'a> {
    pub scene: &'a Rc<Scene>,
    pub styles: &'a Rc<Styles>,
    pub x: &'a [f64],
    pub y: &'a [f64],
    pub positions_rev: u64,
    pub camera: Camera,
    pub dpr: f64,
    /// The backing store's size in device pixels.
    pub pixels: (u32, u32),
    /// The picture is being dragged or zoomed.
    pub moving: bool,
}

enum Backend {
    /// WebGL asked for but not started yet: frames go to the overlay.
    Starting(HtmlCanvasElement),
    Gl {
        context: WebGl2RenderingContext,
        renderer: Option<Box<GlRenderer>>,
        _lost: EventListener,
    },
    Canvas(CanvasRenderingContext2d),
    /// A paint worker starting (since this time, ms): frames are painted
    /// here, on the overlay, until it listens.
    Handover {
        canvas: HtmlCanvasElement,
        worker: PaintWorker,
        since: f64,
    },
    /// The main canvas is the paint worker's; `shown` once its first
    /// picture is on screen.
    Worker {
        worker: PaintWorker,
        shown: bool,
    },
}

/// A paint worker that has not started listening after this long (ms) is
/// given up on, and pictures are painted on the page's thread.
const HANDOVER_MS: f64 = 5000.0;

/// While a paint worker starts (a few hundred ms), the picture on screen is
/// held, not repainted here as the layout moves it, for this long at most
/// (ms): painting here then cost the page's thread 15–40 ms a frame, its
/// frame rate in the first half second, and the worker's first picture
/// catches the layout up. A gesture still repaints at once.
const HANDOVER_HOLD_MS: f64 = 800.0;

/// What was sent to the paint worker last (held, so a pointer compared is
/// never one freed and reused) and what the picture in flight is.
#[derive(Default)]
struct Sent {
    scene: Option<Rc<Scene>>,
    /// The ties' ends last sent.
    ends: Option<PaintScene>,
    styles: Option<Rc<Styles>>,
    /// The picture in flight was drawn while the layout moved it, and with
    /// its detail raised to sharpen it at rest.
    settling: bool,
    sharpen: bool,
}

/// What a picture shows, bar the camera: scene, styles, positions, pixel
/// density and the share of ties drawn.
type Content = (*const Styles, *const Scene, u64, u64, usize);

/// What a frame did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// Nothing changed.
    Kept,
    /// The picture on screen is to be moved by this transform.
    Moved(Transform),
    /// A fresh picture was drawn (to be shown untransformed).
    Drew,
}

/// Paints pictures on a canvas and its label overlay.
pub struct Painter {
    backend: Backend,
    wanted: Option<Renderer>,
    /// WebGL on a software rasteriser: fewer ties per frame.
    software: bool,
    overlay: Option<CanvasRenderingContext2d>,
    overlay_has_text: bool,
    drawn: Option<Drawn<Content>>,
    /// The Canvas 2D renderer's pixel buffer, kept between frames.
    raster: Raster,
    /// Pictures drawn so far, and the level of detail of the last one.
    pub pictures: u64,
    pub painted: Painted,
    /// The share of the full level of detail the Canvas 2D pictures get,
    /// tuned to the time they take (see [`Painter::tune`]).
    pub detail: f64,
    /// The picture on screen was drawn with less than its full detail.
    cut: bool,
    /// The backing store's share of the screen's pixel density (see
    /// [`Painter::resolution`]).
    resolution: f64,
    /// Pictures are painted here even where a worker could (`paint=main`).
    paint_here: bool,
    sent: Sent,
}

/// While the layout moves a picture that stays slow at the least detail,
/// it is drawn at this share of the pixel density (a quarter of the
/// pixels), and sharp again at rest.
const SETTLING_RESOLUTION: f64 = 0.5;

/// At rest, a cut picture is drawn again with this many times its detail
/// (not all of it: at 20,000 people a full picture takes about half a
/// second without a GPU, which would stall the next gesture).
const REST_DETAIL: f64 = 3.0;

/// The share of the full detail the first Canvas 2D picture gets: it is
/// drawn before anything is known of this machine's speed, and a full one
/// (1.5 million pixels of ties) held the first sight of the network, and
/// of the resident who just finished (always drawn whole), for a few
/// hundred milliseconds on a loaded 2-core machine; later pictures are
/// tuned to their measured time, and the resting picture is drawn sharper.
const FIRST_DETAIL: f64 = 0.25;

/// A frame at 60 Hz (ms).
const FRAME_MS: f64 = 1000.0 / 60.0;

/// A Canvas 2D picture is aimed at taking this long (ms) at most…
const SLOW_MS: f64 = 12.0;
/// …and is given more detail again when it takes less than this.
const FAST_MS: f64 = 6.0;
/// While the layout moves the picture, the aim is tighter: a frame also
/// takes the worker's positions and hands the picture to the compositor,
/// and with a 12 ms picture it missed the 60 Hz frame (the page then runs
/// at 30 frames a second); the picture is drawn sharper once it rests.
const SETTLING_SLOW_MS: f64 = 7.0;
const SETTLING_FAST_MS: f64 = 3.5;
/// Detail is never cut below this share: part of a frame's cost (clearing
/// and uploading the pixels) does not shrink with it, and below this the
/// picture would lose its shape (at 20,000 people: a few thousand ties and
/// 1–2 px dots).
const LEAST_DETAIL: f64 = 0.1;

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The main canvas's 2D context, opaque (`alpha: false`): every pixel of
/// the picture is painted, and an opaque canvas spares the compositor
/// blending a full-screen layer over the page each frame (in software,
/// without a GPU, that is a pass over every pixel).
fn opaque_context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"alpha".into(), &false.into());
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// WebGL 2 is tried when asked for and there, or when not asked and on a
/// GPU (`probe`: [`webgl::probe_software`]).
fn uses_webgl(wanted: Option<Renderer>, probe: Option<bool>) -> bool {
    matches!(
        (wanted, probe),
        (Some(Renderer::WebGl), Some(_)) | (None, Some(false))
    )
}

fn gl_backend(canvas: &HtmlCanvasElement) -> Option<Backend> {
    let context = webgl::context(canvas)?;
    let renderer = match GlRenderer::new(context.clone()) {
        Ok(r) => r,
        Err(e) => {
            web_sys::console::warn_2(&"WebGL 2 unusable, drawing with Canvas 2D:".into(), &e);
            return None;
        }
    };
    // Without this the browser never gives a lost context back.
    let lost = EventListener::new(canvas, "webglcontextlost", |e| e.prevent_default());
    Some(Backend::Gl {
        context,
        renderer: Some(Box::new(renderer)),
        _lost: lost,
    })
}

impl Painter {
    /// Picks the renderer for `canvas` (`wanted`, if given, else WebGL 2
    /// when available); `None` when the canvas has no context at all.
    pub fn new(
        canvas: &HtmlCanvasElement,
        overlay: &HtmlCanvasElement,
        wanted: Option<Renderer>,
        paint_here: bool,
    ) -> Option<Painter> {
        let (backend, overlay) = match wanted {
            Some(Renderer::Canvas2d) if paint_here => {
                (Backend::Canvas(opaque_context_2d(canvas)?), None)
            }
            _ => (Backend::Starting(canvas.clone()), context_2d(overlay)),
        };
        Some(Painter {
            backend,
            wanted,
            software: false,
            overlay,
            overlay_has_text: false,
            drawn: None,
            raster: Raster::default(),
            pictures: 0,
            painted: Painted::default(),
            detail: FIRST_DETAIL,
            cut: false,
            resolution: 1.0,
            paint_here,
            sent: Sent::default(),
        })
    }

    /// Where the renderer is known before anything is drawn (the app's
    /// warm-up asked about WebGL) and it is Canvas 2D, the paint worker is
    /// started with the first picture, and takes the canvas in the same
    /// frame: that frame is a slow one anyway, and the handover (taking the
    /// canvas, encoding the ties for the worker, the compositor's new
    /// layer: ~35 ms of the page's thread on two cores) then no longer
    /// costs the first frames after the picture is up. WebGL still starts
    /// from the second frame, as its start is slow.
    fn starts_beside_the_first_picture(&self) -> bool {
        let Some(probe) = webgl::probed_software() else {
            return false;
        };
        !self.paint_here && !uses_webgl(self.wanted, probe) && PaintWorker::is_supported()
    }

    /// Starts WebGL on the main canvas, or settles for Canvas 2D there.
    fn start(&mut self, canvas: &HtmlCanvasElement) {
        let probe = webgl::probe_software();
        let gl = if uses_webgl(self.wanted, probe) {
            gl_backend(canvas)
        } else {
            None
        };
        let worker = match (&gl, self.paint_here) {
            (None, false) => spare_workers::painter(),
            _ => None,
        };
        self.backend = match (gl, worker) {
            (Some(b), _) => b,
            (None, Some(worker)) => Backend::Handover {
                canvas: canvas.clone(),
                worker,
                since: frames::now(),
            },
            (None, None) => match opaque_context_2d(canvas) {
                Some(ctx) => {
                    self.overlay = None;
                    Backend::Canvas(ctx)
                }
                None => return,
            },
        };
        // The overlay held the whole first frame: from now on, labels
        // only. A paint worker's start keeps it until the worker's first
        // picture is on screen (see `follow_pictures`): cleared now, the
        // screen stayed blank for that long (~150 ms), and the cleared
        // full-screen layer cost this frame its commit.
        if !matches!(self.backend, Backend::Handover { .. }) {
            if let Some(o) = &self.overlay {
                let _ = o.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
                o.clear_rect(0.0, 0.0, 1e5, 1e5);
            }
            self.overlay_has_text = false;
        }
        self.software = probe.unwrap_or(false);
        self.drawn = None;
    }

    /// The picture is with the painter that keeps it: drawn here, or the
    /// paint worker's first one is on screen. Until then a paint worker's
    /// start (its first full picture, ~70 ms on two cores) has the cores.
    pub fn is_settled(&self) -> bool {
        match &self.backend {
            Backend::Starting(_) | Backend::Handover { .. } => false,
            Backend::Worker { shown, .. } => *shown,
            Backend::Gl { .. } | Backend::Canvas(_) => self.pictures > 0,
        }
    }

    /// True when this browser's WebGL runs on a software rasteriser (reported
    /// for the benchmark).
    pub fn is_software(&self) -> bool {
        self.software
    }

    /// The renderer drawing (Canvas 2D for the first frame).
    pub fn renderer(&self) -> Renderer {
        match self.backend {
            Backend::Gl { .. } => Renderer::WebGl,
            _ => Renderer::Canvas2d,
        }
    }

    /// Where Canvas 2D pictures are painted: "worker" or "main".
    pub fn paints_in(&self) -> &'static str {
        match self.backend {
            Backend::Worker { .. } => "worker",
            _ => "main",
        }
    }

    /// The main canvas belongs to the paint worker: the page must not size
    /// it (the worker sizes its backing store from [`Picture::pixels`]).
    pub fn canvas_is_elsewhere(&self) -> bool {
        matches!(self.backend, Backend::Worker { .. })
    }

    /// Moves a starting paint worker on: given the canvas once it listens,
    /// given up on when it fails or stays silent; a worker failing after it
    /// took the canvas leaves the pictures to the overlay, painted here.
    fn follow_worker(&mut self) {
        let failed = match &mut self.backend {
            Backend::Handover {
                canvas,
                worker,
                since,
            } => {
                if worker.is_ready() && worker.take_canvas(canvas) {
                    let canvas = canvas.clone();
                    if let Backend::Handover { worker, .. } =
                        std::mem::replace(&mut self.backend, Backend::Starting(canvas))
                    {
                        self.backend = Backend::Worker {
                            worker,
                            shown: false,
                        };
                    }
                    self.sent = Sent::default();
                    self.drawn = None;
                    return;
                }
                worker.has_failed() || frames::now() - *since > HANDOVER_MS
            }
            Backend::Worker { worker, .. } => worker.has_failed(),
            _ => false,
        };
        if !failed {
            return;
        }
        let fallback = match &self.backend {
            Backend::Handover { canvas, worker, .. } if !worker.took_canvas() => {
                opaque_context_2d(canvas).map(|c| (c, false))
            }
            _ => self.overlay.clone().map(|o| (o, true)),
        };
        if let Some((ctx, on_overlay)) = fallback {
            web_sys::console::warn_1(&"Painting on the page's thread instead".into());
            if !on_overlay {
                if let Some(o) = &self.overlay {
                    o.clear_rect(0.0, 0.0, 1e5, 1e5);
                }
            }
            self.backend = Backend::Canvas(ctx);
            self.overlay = None;
            self.drawn = None;
        }
    }

    /// Takes the paint worker's answer for the picture in flight: the level
    /// of detail it had, its cost (which tunes the next ones), and on the
    /// first one the overlay handed back to labels. True when a picture
    /// landed in this frame.
    fn follow_pictures(&mut self, p: &Picture) -> bool {
        let Backend::Worker { worker, shown } = &mut self.backend else {
            return false;
        };
        let Some((reply, count)) = worker.landed() else {
            return false;
        };
        let first = !*shown;
        *shown = true;
        self.painted = reply.painted;
        self.pictures += count as u64;
        if let Some(d) = self.drawn.as_mut() {
            d.cost_ms = reply.cost_ms;
        }
        let (settling, sharpen) = (self.sent.settling, self.sent.sharpen);
        if !sharpen {
            self.cut = self.painted.stride > 1 || self.painted.node_scale < 1.0;
            // Nothing waits for the worker's picture: it is aimed at 60 a
            // second, settling or not.
            self.tune(reply.cost_ms, SLOW_MS, FAST_MS);
            if settling && reply.cost_ms > SLOW_MS && self.detail <= LEAST_DETAIL {
                self.resolution = SETTLING_RESOLUTION;
            }
        }
        if first {
            if let Some(o) = &self.overlay {
                let _ = o.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
                o.clear_rect(0.0, 0.0, 1e5, 1e5);
            }
            self.overlay_has_text = false;
            self.paint_labels(&frame_of(p, Lod::scaled(self.detail)));
        }
        true
    }

    /// Paints `p`, moves the picture on screen, or does nothing, as
    /// [`plan`] decides for this frame.
    pub fn paint(&mut self, p: &Picture) -> Outcome {
        let budget = match self.backend {
            // The first frame is drawn by Canvas 2D: its budget.
            Backend::Starting(_) => Renderer::Canvas2d.budget(false),
            _ => self.renderer().budget(self.software),
        };
        let stride = budget.stride(p.styles.visible_edges, p.moving);
        let content = (
            Rc::as_ptr(p.styles),
            Rc::as_ptr(p.scene),
            p.positions_rev,
            p.dpr.to_bits(),
            stride,
        );
        if let Backend::Starting(canvas) = &self.backend {
            if self.drawn.is_some() || self.starts_beside_the_first_picture() {
                let canvas = canvas.clone();
                self.start(&canvas);
            }
        }
        // A paint worker started beside the first picture takes the
        // canvas once that picture is drawn here (below).
        if self.pictures > 0 {
            self.follow_worker();
        }
        // A picture landing shows untransformed, unless this frame moves it.
        let landed = self.follow_pictures(p);
        let kept = if landed { Outcome::Drew } else { Outcome::Kept };
        let settling = self
            .drawn
            .as_ref()
            .is_some_and(|d| d.content.2 != p.positions_rev);
        let mut sharpen = false;
        match plan(self.drawn.as_ref(), &content, &p.camera, p.moving) {
            // At rest, the backing store returns to full density first (the
            // caller resizes it for the next frame, which then draws).
            Plan::Keep if self.resolution < 1.0 && !p.moving => {
                self.resolution = 1.0;
                return kept;
            }
            // At rest, a picture whose detail was cut is drawn once more
            // with more of it (see `REST_DETAIL`).
            Plan::Keep if self.cut && !p.moving && self.renderer() == Renderer::Canvas2d => {
                sharpen = true;
            }
            Plan::Keep => return kept,
            Plan::Move(t) => return Outcome::Moved(t),
            Plan::Draw if self.holds_for_the_worker(p) => return kept,
            Plan::Draw => {}
        }
        if let Backend::Worker { worker, .. } = &self.backend {
            // One picture with the worker, two when each takes more than
            // a frame: this one waits.
            let slow = self.drawn.as_ref().is_some_and(|d| d.cost_ms > FRAME_MS);
            if worker.is_busy(if slow { 2 } else { 1 }) {
                return kept;
            }
            let tuned = self.detail;
            if sharpen {
                self.detail = (tuned * REST_DETAIL).min(1.0);
            }
            self.send(p);
            self.detail = tuned;
            self.sent.settling = settling;
            self.sent.sharpen = sharpen;
            if sharpen {
                self.cut = false;
            }
            let cost_ms = self.drawn.as_ref().map_or(0.0, |d| d.cost_ms);
            self.drawn = Some(Drawn {
                content,
                camera: p.camera,
                cost_ms,
            });
            return kept;
        }
        let tuned = self.detail;
        if sharpen {
            self.detail = (tuned * REST_DETAIL).min(1.0);
        }
        let t0 = frames::now();
        let drew = self.draw(p, stride);
        self.detail = tuned;
        if !drew {
            return kept;
        }
        let mut cost_ms = frames::now() - t0;
        self.cut = !sharpen && (self.painted.stride > 1 || self.painted.node_scale < 1.0);
        if self.renderer() == Renderer::Canvas2d && !sharpen {
            let (slow, fast) = if settling {
                (SETTLING_SLOW_MS, SETTLING_FAST_MS)
            } else {
                (SLOW_MS, FAST_MS)
            };
            self.tune(cost_ms, slow, fast);
            if settling && cost_ms > slow && self.detail <= LEAST_DETAIL {
                self.resolution = SETTLING_RESOLUTION;
            }
        }
        if self.renderer() == Renderer::WebGl && self.software {
            // A software rasteriser's real cost comes after the call, when
            // the picture is read back for the compositor.
            cost_ms = cost_ms.max(2.0 * CHEAP_MS);
        }
        self.drawn = Some(Drawn {
            content,
            camera: p.camera,
            cost_ms,
        });
        self.pictures += 1;
        if self.pictures == 1 && matches!(self.backend, Backend::Handover { .. }) {
            self.hand_over_with_the_first_picture(p);
        }
        Outcome::Drew
    }

    /// Gives a paint worker started beside the first picture (see
    /// [`Painter::starts_beside_the_first_picture`]) the canvas and that
    /// picture at once, in the frame that drew it here: the overlay shows
    /// it until the worker's lands.
    fn hand_over_with_the_first_picture(&mut self, p: &Picture) {
        // Taking the canvas forgets what was drawn; the worker is sent
        // that same picture, so it is what is drawn still.
        let drawn = self.drawn;
        self.follow_worker();
        if !matches!(self.backend, Backend::Worker { .. }) {
            return;
        }
        self.send(p);
        self.drawn = drawn;
    }

    /// A paint worker is starting, a picture is on screen and `p` is no
    /// gesture: see [`HANDOVER_HOLD_MS`].
    fn holds_for_the_worker(&self, p: &Picture) -> bool {
        match &self.backend {
            Backend::Handover { since, .. } => {
                self.pictures > 0 && !p.moving && frames::now() - since < HANDOVER_HOLD_MS
            }
            _ => false,
        }
    }

    /// Sends the paint worker what changed and the picture `p` to paint;
    /// labels go on the overlay here once the worker's pictures show.
    fn send(&mut self, p: &Picture) {
        let Backend::Worker { worker, shown } = &mut self.backend else {
            return;
        };
        if !self
            .sent
            .scene
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(s, p.scene))
        {
            // A refined analysis brings a new scene with the same ties:
            // nothing for the worker (their ends for 6,000 ties are
            // ~100 KB of JSON to encode in the frame).
            let ends = PaintScene::of(p.scene);
            if self.sent.ends.as_ref() != Some(&ends) {
                worker.send(&PaintMessage::Scene(ends.clone()), None);
                self.sent.ends = Some(ends);
            }
            self.sent.scene = Some(p.scene.clone());
        }
        if !self
            .sent
            .styles
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(s, p.styles))
        {
            worker.send(&PaintMessage::Styles(PaintStyles::of(p.styles)), None);
            self.sent.styles = Some(p.styles.clone());
        }
        let lod = Lod::scaled(self.detail);
        worker.paint(
            PaintFrame {
                seq: 0,
                camera: p.camera,
                dpr: p.dpr,
                lod,
                width: p.pixels.0,
                height: p.pixels.1,
            },
            p.x,
            p.y,
        );
        if *shown {
            self.paint_labels(&frame_of(p, lod));
        }
    }

    /// The share of the screen's pixel density the canvas's backing store
    /// should have for the next frame (1, or less while a slow picture
    /// settles).
    pub fn resolution(&self) -> f64 {
        self.resolution
    }

    /// Gives the next pictures less detail after one slower than `slow`
    /// (ms), more after one faster than `fast` that was cut (between the
    /// two, nothing changes, so the sampled ties stay the same from frame
    /// to frame).
    fn tune(&mut self, cost_ms: f64, slow: f64, fast: f64) {
        let cut = self.painted.stride > 1 || self.painted.node_scale < 1.0;
        if cost_ms > slow {
            self.detail *= (slow / cost_ms).clamp(0.3, 0.9);
        } else if cost_ms < fast && cut {
            self.detail *= 1.25;
        }
        self.detail = self.detail.clamp(LEAST_DETAIL, 1.0);
    }

    /// Draws `p` with the current backend; false when nothing could be drawn.
    fn draw(&mut self, p: &Picture, stride: usize) -> bool {
        let frame = frame_of(p, Lod::scaled(self.detail));
        match &mut self.backend {
            Backend::Starting(_) | Backend::Handover { .. } => match &self.overlay {
                Some(o) => self.painted = canvas2d::draw(o, &mut self.raster, &frame),
                None => return false,
            },
            // Painted by `send`.
            Backend::Worker { .. } => return false,
            Backend::Canvas(ctx) => self.painted = canvas2d::draw(ctx, &mut self.raster, &frame),
            Backend::Gl {
                context, renderer, ..
            } => {
                if context.is_context_lost() {
                    *renderer = None;
                    return false;
                }
                if renderer.is_none() {
                    *renderer = GlRenderer::new(context.clone()).ok().map(Box::new);
                }
                let Some(r) = renderer.as_mut() else {
                    return false;
                };
                let drawn = r.draw(&GlFrame {
                    scene: p.scene,
                    styles: p.styles,
                    x: p.x,
                    y: p.y,
                    positions_rev: p.positions_rev,
                    camera: &p.camera,
                    dpr: p.dpr,
                    edge_stride: stride,
                });
                if let Err(e) = drawn {
                    web_sys::console::error_1(&e);
                }
                self.painted = Painted {
                    ties_drawn: p.styles.visible_edges.div_ceil(stride.max(1))
                        * usize::from(stride > 0),
                    stride,
                    tie_pixels: 0.0,
                    nodes_drawn: p.styles.visible_nodes,
                    node_scale: 1.0,
                };
                self.paint_labels(&frame);
            }
        }
        true
    }

    fn paint_labels(&mut self, frame: &Frame) {
        let Some(overlay) = &self.overlay else {
            return;
        };
        let has_text = !frame.styles.labels.is_empty();
        if has_text || self.overlay_has_text {
            canvas2d::draw_labels(overlay, frame);
        }
        self.overlay_has_text = has_text;
    }
}

/// The Canvas 2D frame of picture `p` at level of detail `lod`.
fn frame_of<'a>(p: &'a Picture, lod: Lod) -> Frame<'a> {
    Frame {
        scene: p.scene,
        styles: p.styles,
        x: p.x,
        y: p.y,
        camera: &p.camera,
        dpr: p.dpr,
        lod,
    }
}
