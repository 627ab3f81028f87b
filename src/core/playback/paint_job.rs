//! The Canvas 2D picture painted in a worker of its own, in pure Rust: what
//! the page sends (the ties' ends when the scene changes, the styles'
//! batches when they change, and for each picture its camera, pixel
//! density, level of detail and backing-store size, the positions beside
//! the message as typed arrays), what the worker answers (what the level of
//! detail did, and what the picture cost), and the worker's state that
//! paints. Without a GPU a picture of 2,000 people costs the page's thread
//! about 10 ms; in the worker (built for speed, like the analysis) it costs
//! the page nothing, so the page keeps its 60 frames a second for gestures
//! and the layout while the worker paints as fast as it can. The browser
//! glue is `platform::render::paint_worker`; painting itself is
//! [`super::paint`].
//!
//! Only what painting reads crosses over: the ties' ends, not the scene's
//! nodes (no label or other text ever reaches the worker, which draws no
//! text: labels stay on the page's overlay).

use super::paint::{paint, Frame, Lod, Painted};
use super::raster::Raster;
use super::scene::{SceneEdge, TieKind};
use super::style::{EdgeBatch, NodeBatch, Styles};
use super::{Camera, Scene};
use serde::{Deserialize, Serialize};

/// The scene as painting sees it: each tie's two ends, by scene node, as
/// packed numbers ([`crate::core::packed`]: 6,000 ties' ends as decimal
/// pairs were ~70 KB of JSON to write in the frame that sent them).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaintScene {
    #[serde(with = "crate::core::packed")]
    pub sources: Vec<u32>,
    #[serde(with = "crate::core::packed")]
    pub targets: Vec<u32>,
}

impl PaintScene {
    pub fn of(scene: &Scene) -> PaintScene {
        PaintScene {
            sources: scene.edges.iter().map(|e| e.source).collect(),
            targets: scene.edges.iter().map(|e| e.target).collect(),
        }
    }

    /// A scene with these ties and nothing else (their kind and timing are
    /// already in the styles' batches).
    fn into_scene(self) -> Scene {
        Scene {
            edges: self
                .sources
                .into_iter()
                .zip(self.targets)
                .map(|(source, target)| SceneEdge {
                    source,
                    target,
                    kind: TieKind::Other,
                    bridge: false,
                    since: 0,
                })
                .collect(),
            ..Scene::default()
        }
    }
}

/// The styles as painting sees them: sizes and batches, no legend or labels.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PaintStyles {
    #[serde(with = "crate::core::packed")]
    pub radius: Vec<f32>,
    pub node_batches: Vec<NodeBatch>,
    pub edge_batches: Vec<EdgeBatch>,
    pub visible_nodes: usize,
    pub visible_edges: usize,
}

impl PaintStyles {
    pub fn of(styles: &Styles) -> PaintStyles {
        PaintStyles {
            radius: styles.radius.clone(),
            node_batches: styles.node_batches.clone(),
            edge_batches: styles.edge_batches.clone(),
            visible_nodes: styles.visible_nodes,
            visible_edges: styles.visible_edges,
        }
    }

    fn into_styles(self) -> Styles {
        Styles {
            radius: self.radius,
            node_batches: self.node_batches,
            edge_batches: self.edge_batches,
            visible_nodes: self.visible_nodes,
            visible_edges: self.visible_edges,
            ..Styles::default()
        }
    }
}

/// One picture to paint, of the scene and styles sent last.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PaintFrame {
    /// Counts the pictures asked for, so a reply names its picture.
    pub seq: u64,
    pub camera: Camera,
    pub dpr: f64,
    pub lod: Lod,
    /// The backing store's size in device pixels (the worker owns it).
    pub width: u32,
    pub height: u32,
}

/// What the page sends the paint worker (as JSON; a frame's positions
/// travel beside it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PaintMessage {
    Scene(PaintScene),
    Styles(PaintStyles),
    Frame(PaintFrame),
}

/// What the worker answers for each picture, once it is on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PaintReply {
    pub seq: u64,
    pub painted: Painted,
    /// Milliseconds the picture took, measured in the worker (painting and
    /// handing the pixels to the canvas).
    pub cost_ms: f64,
}

/// The worker's side: the scene and styles last sent, and the pixel buffer.
#[derive(Default)]
pub struct Painting {
    scene: Scene,
    styles: Styles,
    raster: Raster,
}

impl Painting {
    /// Takes one message: keeps a scene or styles, returns a frame to paint.
    pub fn take(&mut self, message: PaintMessage) -> Option<PaintFrame> {
        match message {
            PaintMessage::Scene(s) => self.scene = s.into_scene(),
            PaintMessage::Styles(s) => self.styles = s.into_styles(),
            PaintMessage::Frame(f) => return Some(f),
        }
        None
    }

    /// Paints `frame` with positions `x`, `y` into the pixel buffer, sized
    /// to the frame's backing store.
    pub fn paint(&mut self, frame: &PaintFrame, x: &[f64], y: &[f64]) -> Painted {
        self.raster
            .resize(frame.width as usize, frame.height as usize);
        paint(
            &mut self.raster,
            &Frame {
                scene: &self.scene,
                styles: &self.styles,
                x,
                y,
                camera: &frame.camera,
                dpr: frame.dpr,
                lod: frame.lod,
            },
        )
    }

    /// The last picture's pixels, RGBA row by row.
    pub fn pixels(&self) -> &[u8] {
        self.raster.bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::ScreenSize;
    use crate::core::playback::generate;
    use crate::core::playback::scene::SceneOptions;
    use crate::core::playback::style::{styles_with, Appearance, Highlight};
    use crate::core::playback::{Lens, LiveLayout};

    fn scene(n: usize, m: usize) -> Scene {
        let (net, order) = generate::people(n, m, 7);
        Scene::from_networks(&net, None, &order, &SceneOptions::default())
    }

    fn through_json(m: PaintMessage) -> PaintMessage {
        let text = serde_json::to_string(&m).expect("encodes");
        serde_json::from_str(&text).expect("decodes")
    }

    #[test]
    fn a_picture_painted_through_the_messages_is_the_one_painted_here() {
        let scene = scene(300, 900);
        let mut live = LiveLayout::new();
        live.set_scene(&scene);
        live.step(30);
        let (x, y) = (live.x().to_vec(), live.y().to_vec());
        let you = Highlight {
            node: 3,
            strength: 0.7,
        };
        let styles = styles_with(
            &scene,
            Lens::Communities,
            u32::MAX,
            Some(you),
            Appearance::default(),
        );
        let camera = Camera::new(ScreenSize::new(320.0, 200.0))
            .fit(crate::core::playback::camera::bounds(&x, &y, |_| true), 8.0);
        let frame = PaintFrame {
            seq: 1,
            camera,
            dpr: 1.5,
            lod: Lod::scaled(0.4),
            width: 480,
            height: 300,
        };

        let mut here = Raster::new(480, 300);
        let painted_here = paint(
            &mut here,
            &Frame {
                scene: &scene,
                styles: &styles,
                x: &x,
                y: &y,
                camera: &camera,
                dpr: 1.5,
                lod: frame.lod,
            },
        );

        let mut worker = Painting::default();
        for m in [
            PaintMessage::Scene(PaintScene::of(&scene)),
            PaintMessage::Styles(PaintStyles::of(&styles)),
        ] {
            assert_eq!(worker.take(through_json(m)), None);
        }
        let sent = worker
            .take(through_json(PaintMessage::Frame(frame)))
            .expect("a frame to paint");
        assert_eq!(sent, frame);
        let painted_there = worker.paint(&sent, &x, &y);

        assert_eq!(painted_there, painted_here);
        assert!(painted_here.ties_drawn > 100, "{painted_here:?}");
        assert_eq!(worker.pixels().len(), 480 * 300 * 4);
        assert!(worker.pixels() == here.bytes(), "the same pixels");
    }

    #[test]
    fn the_worker_is_sent_no_names() {
        let mut scene = scene(20, 30);
        scene.nodes[0].label = Some("Canary Place".into());
        let styles = styles_with(
            &scene,
            Lens::Communities,
            u32::MAX,
            None,
            Appearance::default(),
        );
        for m in [
            PaintMessage::Scene(PaintScene::of(&scene)),
            PaintMessage::Styles(PaintStyles::of(&styles)),
        ] {
            let text = serde_json::to_string(&m).expect("encodes");
            assert!(!text.contains("Canary"), "{text}");
        }
    }

    #[test]
    fn a_new_size_resizes_the_buffer() {
        let mut worker = Painting::default();
        let mut frame = PaintFrame {
            seq: 1,
            camera: Camera::new(ScreenSize::new(10.0, 10.0)),
            dpr: 1.0,
            lod: Lod::FULL,
            width: 10,
            height: 10,
        };
        worker.paint(&frame, &[], &[]);
        assert_eq!(worker.pixels().len(), 400);
        (frame.width, frame.height) = (20, 5);
        worker.paint(&frame, &[], &[]);
        assert_eq!(worker.pixels().len(), 400);
        (frame.width, frame.height) = (30, 5);
        worker.paint(&frame, &[], &[]);
        assert_eq!(worker.pixels().len(), 600);
    }
}
