//! Warming the play-back's code before a resident finishes. V8 first runs
//! wasm in a baseline tier and optimises a function only once it has run a
//! while, on background threads; the first play-back after the page loaded
//! paid for all of it at once (measured on the 2-core machine: ~1.2 s of
//! optimising on top of the layout, analysis and painting in the first
//! second, the frame rate at 2,000 nodes down to 15–50 there, and the
//! highlight for a 500-resident event 230–290 ms, against 50–70 ms warm).
//! So while the app idles after it starts, it runs the same code on a small
//! demo event: the page's part ([`PageWarmUp`], a step at a time so a tap
//! is never held for long) and the workers' ([`in_worker`]; the browser
//! shares a worker script's optimised code between its workers, so warming
//! one warms the layout and paint workers started later).
//!
//! Every step returns what it made, so a test can see that the real code
//! ran (and the optimiser cannot drop it).

use super::analysis::{warm_up as warm_analysis, AnalysisTask};
use super::{
    AnalysisJob, AnalysisUpdate, Emit, Job, JobId, Lane, Output, Reply, Request, Subject, Task,
};
use crate::core::analysis::people_network;
use crate::core::demo::demo_community_sized;
use crate::core::geometry::ScreenSize;
use crate::core::model::Community;
use crate::core::playback::camera::bounds;
use crate::core::playback::layout_job::{LayoutInput, LayoutTask, LayoutUpdate};
use crate::core::playback::paint::{paint, Frame, Lod};
use crate::core::playback::paint_job::{
    PaintFrame, PaintMessage, PaintScene, PaintStyles, Painting,
};
use crate::core::playback::raster::Raster;
use crate::core::playback::scene::{finish_order, SceneAnalysis, SceneOptions};
use crate::core::playback::style::{styles_with, Appearance, Highlight, Styles};
use crate::core::playback::{Camera, Lens, LiveLayout, Scene};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Residents of the warm-up's demo event (about 250 dots: enough for the
/// loops to run hot, little enough for a few milliseconds a step).
const RESIDENTS: usize = 30;
/// Seed of the warm-up's demo event.
const SEED: u64 = 7;
/// The warm-up picture's size in CSS pixels.
const PICTURE: (f64, f64) = (480.0, 320.0);
/// Layout iterations the page's warm-up runs (where no worker answers, the
/// page lays out itself) and pictures it paints.
const PAGE_ITERATIONS: usize = 30;
const PAGE_PICTURES: usize = 6;
/// Layout steps the worker's warm-up runs at most.
const WORKER_LAYOUT_STEPS: usize = 40;

/// What a warm-up made, for tests: it is the real thing, not a stand-in.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Warmed {
    pub nodes: usize,
    pub iterations: u64,
    pub pictures: usize,
    /// Pixels that are not the background in the last picture.
    pub inked: usize,
    /// The analysis reached its final result.
    pub analysed: bool,
}

/// The demo event the warm-up works on.
fn community() -> Community {
    demo_community_sized(SEED, RESIDENTS)
}

/// A message through JSON, as it crosses to or from a worker.
fn through_json<T: Serialize + DeserializeOwned>(value: &T) -> Option<T> {
    let text = serde_json::to_string(value).ok()?;
    serde_json::from_str(&text).ok()
}

/// The request the page posts to start `job`.
fn start(job: Job) -> Request {
    Request::Start {
        id: JobId(1),
        lane: Lane::new("warm-up"),
        job: Box::new(job),
    }
}

/// The analysis the worker would send, through JSON as the page posts the
/// job and receives the result (both as a community and as a network, the
/// two subjects the play-back sends).
fn analysis_of(c: &Community) -> Option<AnalysisUpdate> {
    let job = AnalysisJob::for_community(c);
    let _ = serde_json::to_string(&start(Job::Analysis(AnalysisJob::new(Subject::network(
        people_network(c),
    )))));
    let Some(Request::Start { job, .. }) = through_json(&start(Job::Analysis(job))) else {
        return None;
    };
    let Job::Analysis(job) = *job else {
        return None;
    };
    let mut task = AnalysisTask::new(job);
    let mut out = Vec::new();
    let mut last = None;
    while task.step(&mut out) || !out.is_empty() {
        for e in out.drain(..) {
            if let Emit::Output {
                output: Output::Analysis(u),
                ..
            } = e
            {
                last = Some(u);
            }
        }
    }
    let reply = Reply::Output {
        id: JobId(1),
        output: Output::Analysis(last?),
        last: true,
    };
    match through_json(&reply)? {
        Reply::Output {
            output: Output::Analysis(u),
            ..
        } => Some(*u),
        _ => None,
    }
}

fn camera_for(x: &[f64], y: &[f64]) -> Camera {
    Camera::new(ScreenSize::new(PICTURE.0, PICTURE.1)).fit(bounds(x, y, |_| true), 16.0)
}

/// Pixels of an RGBA picture that differ from its first (the background).
fn inked(rgba: &[u8]) -> usize {
    let background = rgba.get(..4);
    rgba.chunks_exact(4)
        .filter(|p| Some(*p) != background)
        .count()
}

/// The page's warm-up, a step at a time: the scene as the play-back builds
/// it (before and after the analysis lands), the styles of every lens with
/// a resident highlighted, the layout's positions as the worker sends them,
/// the paint worker's messages, and pictures painted as the page paints
/// its first one.
#[derive(Default)]
pub struct PageWarmUp {
    stage: usize,
    community: Option<Community>,
    scene: Option<Scene>,
    live: LiveLayout,
    styles: Vec<Styles>,
    raster: Raster,
    pub warmed: Warmed,
}

impl PageWarmUp {
    pub fn new() -> PageWarmUp {
        PageWarmUp::default()
    }

    /// Does one step (a few milliseconds once warm); false when done.
    pub fn step(&mut self) -> bool {
        match self.stage {
            0 => {
                let c = community();
                let people = people_network(&c);
                let options = SceneOptions::default();
                self.scene = Some(Scene::with_analysis(&c, &people, &options, None));
                self.community = Some(c);
            }
            1 => {
                let (Some(c), Some(_)) = (&self.community, &self.scene) else {
                    return false;
                };
                let update = analysis_of(c);
                self.warmed.analysed = update.is_some();
                if let Some(u) = &update {
                    let analysis = SceneAnalysis {
                        report: &u.report,
                        findings: &u.findings,
                    };
                    let people = people_network(c);
                    let scene =
                        Scene::with_analysis(c, &people, &SceneOptions::default(), Some(analysis));
                    self.scene = Some(scene);
                }
            }
            2 => {
                let Some(scene) = &self.scene else {
                    return false;
                };
                self.live.set_scene(scene);
                self.live.step(PAGE_ITERATIONS);
                self.warmed.nodes = scene.nodes.len();
                self.warmed.iterations = self.live.total_iterations;
                // The graph as the page posts it to the layout worker, and
                // the positions as they come back.
                let _ = serde_json::to_string(&start(Job::Layout(LayoutInput {
                    generation: 1,
                    x: self.live.x().to_vec(),
                    y: self.live.y().to_vec(),
                    edges: self.live.edges().clone(),
                })));
                let update = Reply::Output {
                    id: JobId(1),
                    output: Output::Layout(LayoutUpdate {
                        generation: 1,
                        x: self.live.x().iter().map(|&v| v as f32).collect(),
                        y: self.live.y().iter().map(|&v| v as f32).collect(),
                        iterations: self.live.total_iterations,
                        resting: false,
                    }),
                    last: false,
                };
                if let Some(Reply::Output {
                    output: Output::Layout(back),
                    ..
                }) = through_json(&update)
                {
                    let _ = self.live.set_positions(&back.x, &back.y);
                }
            }
            3 => {
                let (Some(scene), Some(c)) = (&self.scene, &self.community) else {
                    return false;
                };
                let you = finish_order(c)
                    .last()
                    .and_then(|r| scene.index_of(&format!("r:{}", r.id)))
                    .map(|node| Highlight {
                        node,
                        strength: 1.0,
                    });
                self.styles = Lens::ALL
                    .iter()
                    .map(|&lens| styles_with(scene, lens, u32::MAX, you, Appearance::default()))
                    .collect();
                // What the page sends the paint worker when they change.
                for st in &self.styles {
                    let _ = serde_json::to_string(&PaintMessage::Styles(PaintStyles::of(st)));
                }
                let _ = serde_json::to_string(&PaintMessage::Scene(PaintScene::of(scene)));
            }
            4 => {
                let Some(scene) = &self.scene else {
                    return false;
                };
                let (x, y) = (self.live.x(), self.live.y());
                let camera = camera_for(x, y);
                let dpr = 1.0;
                self.raster.resize(PICTURE.0 as usize, PICTURE.1 as usize);
                for k in 0..PAGE_PICTURES {
                    let Some(styles) = self.styles.get(k % self.styles.len().max(1)) else {
                        break;
                    };
                    let frame = Frame {
                        scene,
                        styles,
                        x,
                        y,
                        camera: &camera,
                        dpr,
                        lod: Lod::FULL,
                    };
                    paint(&mut self.raster, &frame);
                    self.warmed.pictures += 1;
                }
                self.warmed.inked = inked(self.raster.bytes());
            }
            _ => return false,
        }
        self.stage += 1;
        self.stage <= 4
    }

    /// Runs every step at once (tests; the page steps between tasks).
    pub fn run(mut self) -> Warmed {
        while self.step() {}
        self.warmed
    }
}

/// The workers' warm-up: the analysis ([`warm_analysis`]), a layout job
/// streaming its positions as JSON, and pictures painted through the paint
/// worker's messages.
pub fn in_worker() -> Warmed {
    let analysed = warm_analysis();
    let c = community();
    // The analysis job as the worker receives it, and its answer as sent.
    let _ = analysis_of(&c);
    let scene = Scene::with_analysis(&c, &people_network(&c), &SceneOptions::default(), None);
    let mut live = LiveLayout::new();
    live.set_scene(&scene);
    let mut task = LayoutTask::new(LayoutInput {
        generation: 1,
        x: live.x().to_vec(),
        y: live.y().to_vec(),
        edges: live.edges().clone(),
    });
    let mut last = None;
    for _ in 0..WORKER_LAYOUT_STEPS {
        let (update, more) = task.advance();
        // As the worker answers (the page's side decodes it in its warm-up).
        let reply = Reply::Output {
            id: JobId(1),
            output: Output::Layout(update),
            last: !more,
        };
        let _ = serde_json::to_string(&reply);
        if let Reply::Output {
            output: Output::Layout(update),
            ..
        } = reply
        {
            last = Some(update);
        }
        if !more {
            break;
        }
    }
    let Some(update) = last else {
        return Warmed::default();
    };
    let x: Vec<f64> = update.x.iter().map(|&v| f64::from(v)).collect();
    let y: Vec<f64> = update.y.iter().map(|&v| f64::from(v)).collect();
    let mut painting = Painting::default();
    let styles = styles_with(
        &scene,
        Lens::default(),
        u32::MAX,
        None,
        Appearance::default(),
    );
    let messages = [
        PaintMessage::Scene(PaintScene::of(&scene)),
        PaintMessage::Styles(PaintStyles::of(&styles)),
        PaintMessage::Frame(PaintFrame {
            seq: 1,
            camera: camera_for(&x, &y),
            dpr: 1.0,
            lod: Lod::FULL,
            width: PICTURE.0 as u32,
            height: PICTURE.1 as u32,
        }),
    ];
    let mut pictures = 0;
    for m in messages.iter().filter_map(through_json) {
        if let Some(frame) = painting.take(m) {
            for _ in 0..PAGE_PICTURES {
                painting.paint(&frame, &x, &y);
                pictures += 1;
            }
        }
    }
    let inked = inked(painting.pixels());
    Warmed {
        nodes: scene.nodes.len(),
        iterations: update.iterations,
        pictures,
        inked,
        analysed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_warm_up_builds_analyses_lays_out_and_paints_the_demo_event() {
        let mut warm = PageWarmUp::new();
        let mut steps = 1;
        while warm.step() {
            steps += 1;
        }
        assert_eq!(steps, 5, "one step per stage");
        let w = warm.warmed;
        assert!(w.nodes > 100, "{w:?}");
        assert_eq!(w.iterations, PAGE_ITERATIONS as u64);
        assert!(w.analysed, "the analysis reached its final result");
        assert_eq!(w.pictures, PAGE_PICTURES);
        // Dots and ties cover part of the picture, not none or all of it.
        let area = (PICTURE.0 * PICTURE.1) as usize;
        assert!(w.inked > area / 100 && w.inked < area, "{w:?}");
        // Done means done.
        assert!(!warm.step());
    }

    #[test]
    fn the_worker_warm_up_analyses_lays_out_and_paints_through_the_messages() {
        let w = in_worker();
        assert!(w.analysed);
        assert!(w.nodes > 100 && w.iterations > 0, "{w:?}");
        assert_eq!(w.pictures, PAGE_PICTURES);
        let area = (PICTURE.0 * PICTURE.1) as usize;
        assert!(w.inked > area / 100 && w.inked < area, "{w:?}");
    }
}
