//! The sociogram's running state between frames: the layout (streamed from
//! the layout worker, or run here a few milliseconds per frame where no
//! worker answers), the camera, the current styles and the "you" highlight.
//! Every decision is a call into `core::playback`; this only keeps the
//! values and the clock.

use crate::core::geometry::{ScreenPoint, ScreenSize, ScreenVector};
use crate::core::playback::between::Between;
use crate::core::playback::camera::{bounds, hit};
use crate::core::playback::layout_job::{LayoutInput, LayoutRequest, LayoutUpdate};
use crate::core::playback::live::{carry_over, ease};
use crate::core::playback::style::{
    styles_with, Appearance, Highlight, Styles, LEGEND_FOUND, LEGEND_YOU,
};
use crate::core::playback::svg::{svg, ExportText};
use crate::core::playback::timeline::you_strength;
use crate::core::playback::{Camera, Lens, LiveLayout, Scene};
use std::cell::RefCell;
use std::rc::Rc;

/// Pixels kept clear around the fitted picture.
const FIT_MARGIN: f64 = 32.0;
/// How far the camera glides towards the fitted view each frame.
const GLIDE: f64 = 0.18;
/// A drag or zoom this recent (ms) counts as moving (ties may be skipped).
const MOVING_MS: f64 = 250.0;
/// Extra touch tolerance when tapping a node, in pixels.
const TAP_SLOP: f64 = 10.0;
/// A worker silent this long (ms) after a graph was sent is given up on,
/// and the layout runs on the main thread instead.
const WORKER_TIMEOUT_MS: f64 = 8000.0;

/// The two ends of a link to the layout worker: how to send it a request,
/// and where its latest positions land (only the newest is kept).
#[derive(Clone)]
pub struct LayoutLink {
    pub send: Rc<dyn Fn(LayoutRequest)>,
    pub inbox: Rc<RefCell<Option<LayoutUpdate>>>,
}

/// The engine's side of a running worker layout.
struct Remote {
    link: LayoutLink,
    generation: u64,
    sent_at: f64,
    heard: bool,
    /// Iterations of earlier generations, so the count only grows.
    base_iterations: u64,
    iterations: u64,
    resting: bool,
    /// What is on screen, easing towards the worker's positions.
    shown_x: Vec<f64>,
    shown_y: Vec<f64>,
    easing: bool,
}

/// What the engine reports for tests, the benchmark and screen readers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stats {
    pub frames: u64,
    pub iterations: u64,
    pub resting: bool,
    pub nodes: usize,
    pub edges: usize,
    /// Milliseconds from mounting to the first frame showing "you".
    pub you_ms: Option<f64>,
}

pub struct Engine {
    scene: Rc<Scene>,
    lens: Lens,
    step: u32,
    look: Appearance,
    base: Rc<Styles>,
    styles: Rc<Styles>,
    live: LiveLayout,
    camera: Camera,
    fitted: f64,
    auto_fit: bool,
    you: Option<u32>,
    you_since: f64,
    you_strength: f64,
    mounted: f64,
    pub stats: Stats,
    dpr: f64,
    last_move: f64,
    /// Bumped whenever positions change, so renderers upload only then.
    positions_rev: u64,
    remote: Option<Remote>,
    /// Since when a layout worker is on its way (see [`Engine::await_worker`]).
    awaiting_worker: Option<f64>,
    last_tick: Option<f64>,
    /// A node the facilitator searched for: highlighted until cleared.
    focus: Option<u32>,
    /// Set while the timeline runs between two events: `step` is then a
    /// step of that timeline, and these timings hide and fade the overlay.
    between: Option<Rc<Between>>,
}

/// The highlight's legend line says "found" rather than "you".
fn found_in_legend(st: &mut Styles) {
    for entry in &mut st.legend {
        if entry.key == LEGEND_YOU {
            entry.key = LEGEND_FOUND;
        }
    }
}

/// A shared engine; equal only to itself, so yew props compare cheaply.
#[derive(Clone)]
pub struct EngineHandle(pub Rc<RefCell<Engine>>);

impl PartialEq for EngineHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Engine {
    pub fn new(now: f64) -> Engine {
        Engine {
            scene: Rc::new(Scene::default()),
            lens: Lens::default(),
            step: u32::MAX,
            look: Appearance::default(),
            base: Rc::new(Styles::default()),
            styles: Rc::new(Styles::default()),
            live: LiveLayout::new(),
            camera: Camera::new(ScreenSize::new(1.0, 1.0)),
            fitted: 1.0,
            auto_fit: true,
            you: None,
            you_since: now,
            you_strength: 0.0,
            mounted: now,
            stats: Stats::default(),
            dpr: 1.0,
            last_move: f64::NEG_INFINITY,
            positions_rev: 0,
            remote: None,
            awaiting_worker: None,
            last_tick: None,
            focus: None,
            between: None,
        }
    }

    /// A layout worker will be given (see [`Engine::use_worker`]): until
    /// then the picture holds still rather than lay out here, where a step
    /// of 2,000 people cost the page's thread 10–20 ms a frame in the
    /// play-back's first tenths of a second; after [`WORKER_TIMEOUT_MS`]
    /// without one it lays out here after all.
    pub fn await_worker(&mut self, now: f64) {
        if self.remote.is_none() {
            self.awaiting_worker = Some(now);
        }
    }

    fn waits_for_worker(&self, now: f64) -> bool {
        self.awaiting_worker
            .is_some_and(|since| now - since < WORKER_TIMEOUT_MS)
    }

    /// Runs the layout in a worker from now on (positions stream in through
    /// `link`); without this it runs on the main thread.
    pub fn use_worker(&mut self, link: LayoutLink, now: f64) {
        self.awaiting_worker = None;
        let (x, y) = (self.live.x().to_vec(), self.live.y().to_vec());
        self.remote = Some(Remote {
            link,
            generation: 0,
            sent_at: now,
            heard: false,
            base_iterations: 0,
            iterations: 0,
            resting: false,
            shown_x: x,
            shown_y: y,
            easing: false,
        });
        self.send_graph(now);
    }

    /// Stops the worker's layout and lets go of the worker (the picture
    /// keeps what is on screen).
    pub fn stop_worker(&mut self) {
        if let Some(r) = self.remote.take() {
            (r.link.send)(LayoutRequest::Stop);
            let (x, y) = (r.shown_x, r.shown_y);
            let _ = self.live.set_positions(
                &x.iter().map(|&v| v as f32).collect::<Vec<_>>(),
                &y.iter().map(|&v| v as f32).collect::<Vec<_>>(),
            );
        }
    }

    fn send_graph(&mut self, now: f64) {
        let Some(r) = self.remote.as_mut() else {
            return;
        };
        r.generation += 1;
        r.base_iterations += r.iterations;
        r.iterations = 0;
        r.resting = self.live.is_empty();
        r.sent_at = now;
        r.heard = false;
        (r.link.send)(LayoutRequest::Graph(LayoutInput {
            generation: r.generation,
            x: self.live.x().to_vec(),
            y: self.live.y().to_vec(),
            edges: self.live.edges().clone(),
        }));
    }

    /// Adopts a new scene; nodes already laid out keep their places.
    pub fn set_scene(&mut self, scene: Rc<Scene>) {
        if Rc::ptr_eq(&scene, &self.scene) {
            return;
        }
        let old_ids = self.live.ids().to_vec();
        let changed = self.live.set_scene(&scene);
        self.positions_rev += 1;
        self.scene = scene;
        // The same graph (a refined analysis) keeps what is on screen as is.
        if let Some(r) = self.remote.as_mut().filter(|_| changed) {
            let (x, y) = carry_over(
                &old_ids,
                &r.shown_x,
                &r.shown_y,
                self.live.ids(),
                (self.live.x(), self.live.y()),
            );
            (r.shown_x, r.shown_y) = (x, y);
            r.easing = true;
            self.send_graph(crate::platform::render::frames::now());
        }
        self.restyle();
    }

    /// Sets the lens, timeline step, and size and colour choices.
    pub fn set_view(&mut self, lens: Lens, step: u32, look: Appearance) {
        if (lens, step, look) != (self.lens, self.step, self.look) {
            self.lens = lens;
            self.step = step;
            self.look = look;
            self.restyle();
        }
    }

    /// Highlights a resident from `now`, or nobody.
    pub fn set_you(&mut self, node: Option<u32>, now: f64) {
        if node != self.you {
            self.you = node;
            self.you_since = now;
            self.you_strength = if node.is_some() { 1.0 } else { 0.0 };
            self.restyle();
        }
    }

    /// Highlights a node the facilitator searched for (held, not fading),
    /// or nobody.
    pub fn set_focus(&mut self, node: Option<u32>) {
        if node != self.focus {
            self.focus = node;
            self.restyle();
        }
    }

    fn highlight(&self) -> Option<Highlight> {
        let focus = self.focus.map(|node| Highlight {
            node,
            strength: 1.0,
        });
        focus.or(self.you.map(|node| Highlight {
            node,
            strength: self.you_strength,
        }))
    }

    /// Plays between two events (the scene is then their overlay), or not.
    pub fn set_between(&mut self, between: Option<Rc<Between>>) {
        let same = match (&between, &self.between) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.between = between;
            self.restyle();
        }
    }

    fn restyle(&mut self) {
        let (scene, lens, look) = (&self.scene, self.lens, self.look);
        let between = self.between.clone();
        // Between two events the whole overlay is styled, then the step's
        // timing hides and fades it; otherwise the step is the map count.
        let step = if between.is_some() {
            u32::MAX
        } else {
            self.step
        };
        let styles = |h: Option<Highlight>| {
            let mut st = styles_with(scene, lens, step, h, look);
            if let Some(b) = &between {
                b.apply(&mut st, self.step);
            }
            st
        };
        self.base = Rc::new(styles(None));
        self.styles = match self.highlight().filter(|h| h.strength > 0.0) {
            Some(h) => {
                let mut st = styles(Some(h));
                if self.focus.is_some() {
                    found_in_legend(&mut st);
                }
                Rc::new(st)
            }
            None => self.base.clone(),
        };
    }

    pub fn styles(&self) -> Rc<Styles> {
        self.styles.clone()
    }

    /// One frame's work: layout iterations until `budget_ms` has passed on
    /// `clock` (or the worker's latest positions), the fading highlight, and
    /// the gliding camera.
    pub fn tick(&mut self, now: f64, budget_ms: f64, clock: &dyn Fn() -> f64) {
        let dt = self.last_tick.map_or(0.0, |t| now - t);
        self.last_tick = Some(now);
        if self.remote.is_some() {
            self.follow_worker(now, dt);
        } else if self.stats.frames > 0 && !self.waits_for_worker(now) {
            // Not in the first frame: the first picture waits for nothing
            // (the worker is started once it is on screen).
            self.step_here(budget_ms, clock);
        }
        if self.you.is_some() {
            let s = you_strength(now - self.you_since);
            if s != self.you_strength {
                self.you_strength = s;
                self.restyle();
            }
        }
        if self.auto_fit {
            let target = self.fit_target();
            self.fitted = target.scale;
            self.camera = if self.stats.frames == 0 {
                target
            } else {
                self.camera.towards(&target, GLIDE)
            };
        }
        self.stats.frames += 1;
        (self.stats.iterations, self.stats.resting) = match &self.remote {
            Some(r) => (r.base_iterations + r.iterations, r.resting && !r.easing),
            None => (self.live.total_iterations, self.live.is_resting()),
        };
        self.stats.nodes = self.styles.visible_nodes;
        self.stats.edges = self.styles.visible_edges;
    }

    fn step_here(&mut self, budget_ms: f64, clock: &dyn Fn() -> f64) {
        let start = clock();
        while !self.live.is_resting() {
            self.live.step(1);
            self.positions_rev += 1;
            if clock() - start >= budget_ms {
                break;
            }
        }
    }

    /// Takes the worker's newest positions (if they are of the current
    /// graph) and eases the picture towards them; gives up on a worker that
    /// never answers.
    fn follow_worker(&mut self, now: f64, dt: f64) {
        let Some(r) = self.remote.as_mut() else {
            return;
        };
        let update = r.link.inbox.borrow_mut().take();
        if let Some(u) = update.filter(|u| u.generation == r.generation) {
            if self.live.set_positions(&u.x, &u.y) {
                r.heard = true;
                r.iterations = u.iterations;
                r.resting = u.resting;
                r.easing = true;
            }
        }
        if !r.heard && !r.resting && now - r.sent_at > WORKER_TIMEOUT_MS {
            web_sys::console::warn_1(&"Layout worker silent; laying out on the main thread".into());
            self.remote = None;
            self.positions_rev += 1;
            return;
        }
        if r.easing {
            let left = ease(
                (&mut r.shown_x, &mut r.shown_y),
                (self.live.x(), self.live.y()),
                dt,
            );
            r.easing = left > 0.0;
            self.positions_rev += 1;
        }
    }

    /// Called after a frame is painted: records when "you" first showed.
    pub fn drawn(&mut self, now: f64) {
        if self.you.is_some() && self.you_strength > 0.0 && self.stats.you_ms.is_none() {
            self.stats.you_ms = Some(now - self.mounted);
        }
    }

    fn fit_target(&self) -> Camera {
        let drawn: Vec<bool> = {
            let mut d = vec![false; self.scene.nodes.len()];
            for b in &self.base.node_batches {
                for &i in &b.nodes {
                    if let Some(v) = d.get_mut(i as usize) {
                        *v = true;
                    }
                }
            }
            d
        };
        let (x, y) = self.positions();
        let rect = bounds(x, y, |i| drawn.get(i).copied().unwrap_or(false));
        self.camera.fit(rect, FIT_MARGIN)
    }

    /// Follows the canvas's size and pixel density.
    pub fn resize(&mut self, size: ScreenSize, dpr: f64) {
        if size != self.camera.size {
            self.camera = self.camera.resize(size);
        }
        self.dpr = dpr;
    }

    pub fn frame(&self) -> (Rc<Scene>, Rc<Styles>, Camera, f64) {
        (
            self.scene.clone(),
            self.styles.clone(),
            self.camera,
            self.dpr,
        )
    }

    /// Where the layout runs: "worker", or "main" (no worker, or it fell silent).
    pub fn layout_thread(&self) -> &'static str {
        if self.remote.is_some() {
            "worker"
        } else {
            "main"
        }
    }

    pub fn positions_rev(&self) -> u64 {
        self.positions_rev
    }

    /// The positions on screen.
    pub fn positions(&self) -> (&[f64], &[f64]) {
        match &self.remote {
            Some(r) if r.shown_x.len() == self.live.len() => (&r.shown_x, &r.shown_y),
            _ => (self.live.x(), self.live.y()),
        }
    }

    /// True while the user drags or zooms (at `now`).
    pub fn is_moving(&self, now: f64) -> bool {
        now - self.last_move < MOVING_MS
    }

    pub fn pan(&mut self, by: ScreenVector, now: f64) {
        self.last_move = now;
        self.auto_fit = false;
        self.camera = self.camera.pan(by);
    }

    pub fn zoom(&mut self, anchor: ScreenPoint, factor: f64, now: f64) {
        self.last_move = now;
        self.auto_fit = false;
        self.camera = self.camera.zoom_about(anchor, factor, self.fitted);
    }

    pub fn pinch(
        &mut self,
        from: (ScreenPoint, ScreenPoint),
        to: (ScreenPoint, ScreenPoint),
        now: f64,
    ) {
        self.last_move = now;
        self.auto_fit = false;
        self.camera = self.camera.pinch(from, to, self.fitted);
    }

    /// Glides back to the whole picture and keeps it framed.
    pub fn fit(&mut self) {
        self.auto_fit = true;
    }

    /// The node under a tap, if any.
    pub fn hit(&self, p: ScreenPoint) -> Option<u32> {
        let (x, y) = self.positions();
        hit(&self.camera, x, y, &self.styles, p, TAP_SLOP)
    }

    /// The screen position of the largest drawn node (for tests to tap).
    pub fn sample_point(&self) -> Option<(f64, f64)> {
        let (x, y) = self.positions();
        let best = self
            .styles
            .node_batches
            .iter()
            .flat_map(|b| b.nodes.iter().copied())
            .max_by(|&a, &b| {
                let r = |i: u32| self.styles.radius.get(i as usize).copied().unwrap_or(0.0);
                r(a).total_cmp(&r(b)).then(b.cmp(&a))
            })?;
        Some(
            self.camera
                .to_screen(*x.get(best as usize)?, *y.get(best as usize)?),
        )
    }

    /// The current view as SVG.
    pub fn export_svg(&self, text: &ExportText) -> String {
        let (x, y) = self.positions();
        svg(&self.scene, &self.styles, x, y, &self.camera, text)
    }

    pub fn camera(&self) -> Camera {
        self.camera
    }
}
