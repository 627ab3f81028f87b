//! The sociogram's running state between frames: the live layout, the
//! camera, the current styles and the "you" highlight. Every decision is a
//! call into `core::playback`; this only keeps the values and the clock.

use crate::core::geometry::{ScreenPoint, ScreenSize, ScreenVector};
use crate::core::playback::camera::{bounds, hit};
use crate::core::playback::style::{styles, Highlight, Styles};
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
        }
    }

    /// Adopts a new scene; nodes already laid out keep their places.
    pub fn set_scene(&mut self, scene: Rc<Scene>) {
        if Rc::ptr_eq(&scene, &self.scene) {
            return;
        }
        self.live.set_scene(&scene);
        self.scene = scene;
        self.restyle();
    }

    /// Sets the lens and timeline step.
    pub fn set_view(&mut self, lens: Lens, step: u32) {
        if (lens, step) != (self.lens, self.step) {
            self.lens = lens;
            self.step = step;
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

    fn highlight(&self) -> Option<Highlight> {
        self.you.map(|node| Highlight {
            node,
            strength: self.you_strength,
        })
    }

    fn restyle(&mut self) {
        self.base = Rc::new(styles(&self.scene, self.lens, self.step, None));
        self.styles = match self.highlight().filter(|h| h.strength > 0.0) {
            Some(h) => Rc::new(styles(&self.scene, self.lens, self.step, Some(h))),
            None => self.base.clone(),
        };
    }

    pub fn styles(&self) -> Rc<Styles> {
        self.styles.clone()
    }

    /// One frame's work: layout iterations until `budget_ms` has passed on
    /// `clock`, the fading highlight, and the gliding camera.
    pub fn tick(&mut self, now: f64, budget_ms: f64, clock: &dyn Fn() -> f64) {
        let start = clock();
        loop {
            if self.live.is_resting() {
                break;
            }
            self.live.step(1);
            if clock() - start >= budget_ms {
                break;
            }
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
        self.stats.iterations = self.live.total_iterations;
        self.stats.resting = self.live.is_resting();
        self.stats.nodes = self.styles.visible_nodes;
        self.stats.edges = self.styles.visible_edges;
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
        let rect = bounds(self.live.x(), self.live.y(), |i| {
            drawn.get(i).copied().unwrap_or(false)
        });
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

    pub fn positions(&self) -> (&[f64], &[f64]) {
        (self.live.x(), self.live.y())
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
        hit(
            &self.camera,
            self.live.x(),
            self.live.y(),
            &self.styles,
            p,
            TAP_SLOP,
        )
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
