//! One frame of the sociogram drawn into a [`Raster`]: ties batch by batch,
//! then nodes, in the styles' layer order, with a level of detail that keeps
//! a frame's cost bounded whatever the network: ties shorter than a pixel
//! are skipped, only the part of a tie on screen is drawn, and when the ties
//! on screen would cover more than [`TIE_PIXELS`] pixels an even sample of
//! each large batch is drawn (the same ties every frame, so nothing
//! flickers; small batches, such as the highlighted resident's ties, are
//! always drawn whole). Nodes likewise: when the discs on screen would cover
//! more than the frame's node budget, every radius shrinks by one factor
//! (zoomed out on 20,000 people the discs would cover the screen anyway),
//! down to 1–2 pixel dots; the highlighted resident keeps their size. The
//! budgets come from the caller ([`Lod`]), which tunes them to the frame
//! time it measures. The SVG export always draws every tie at full size.

use super::camera::Camera;
use super::palette;
use super::raster::{clip, Pen, Raster};
use super::style::{Shape, Styles};
use super::Scene;

/// Tie pixels per frame at most (length × width, on screen) at full detail.
pub const TIE_PIXELS: f64 = 1_500_000.0;
/// Node pixels per frame at most (the discs' area, on screen) at full detail.
pub const NODE_PIXELS: f64 = 1_000_000.0;
/// Radii shrink by no more than this factor.
const SMALLEST_SCALE: f64 = 0.12;

/// The level of detail a frame may afford, in pixels covered.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lod {
    pub tie_pixels: f64,
    pub node_pixels: f64,
}

impl Lod {
    /// The full budgets.
    pub const FULL: Lod = Lod {
        tie_pixels: TIE_PIXELS,
        node_pixels: NODE_PIXELS,
    };

    /// The full budgets times `share` (0..=1).
    pub fn scaled(share: f64) -> Lod {
        let share = share.clamp(0.0, 1.0);
        Lod {
            tie_pixels: TIE_PIXELS * share,
            node_pixels: NODE_PIXELS * share,
        }
    }
}
/// Batches with at most this many ties are never sampled.
const WHOLE_BATCH: usize = 256;
/// Ties shorter than this on screen (pixels) are not drawn.
const SHORTEST: f64 = 1.0;
/// The highlight ring's width in CSS pixels (as the canvas strokes it).
const RING: f64 = 3.0;

/// What a frame is drawn from; positions are world units per scene node.
pub struct Frame<'a> {
    pub scene: &'a Scene,
    pub styles: &'a Styles,
    pub x: &'a [f64],
    pub y: &'a [f64],
    pub camera: &'a Camera,
    /// Device pixels per CSS pixel: the raster is `camera.size × dpr`.
    pub dpr: f64,
    pub lod: Lod,
}

/// What the level of detail did, for the benchmark and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Painted {
    pub ties_drawn: usize,
    /// Every `stride`-th tie of the large batches was drawn (1: all).
    pub stride: usize,
    /// Tie pixels on screen before sampling.
    pub tie_pixels: f64,
    pub nodes_drawn: usize,
    /// The factor radii were drawn at (1: full size).
    pub node_scale: f64,
}

impl Frame<'_> {
    /// The device-pixel position of node `i`, if it has a finite one.
    fn at(&self, i: u32) -> Option<(f64, f64)> {
        let (x, y) = (*self.x.get(i as usize)?, *self.y.get(i as usize)?);
        let (sx, sy) = self.camera.to_screen(x, y);
        let p = (sx * self.dpr, sy * self.dpr);
        (p.0.is_finite() && p.1.is_finite()).then_some(p)
    }

    /// The on-screen part of tie `k`, if it is long enough to draw.
    fn tie(&self, k: u32, bounds: (f64, f64, f64, f64)) -> Option<((f64, f64), (f64, f64))> {
        let e = self.scene.edges.get(k as usize)?;
        let (a, b) = (self.at(e.source)?, self.at(e.target)?);
        if distance(a, b) < SHORTEST {
            return None;
        }
        clip(a, b, bounds.0, bounds.1, bounds.2, bounds.3)
    }
}

/// The factor all radii are drawn at so the discs on screen cover at most
/// the frame's node budget.
fn node_scale(frame: &Frame, raster: &Raster) -> f64 {
    let (w, h) = (raster.width() as f64, raster.height() as f64);
    let mut area = 0.0;
    for batch in &frame.styles.node_batches {
        for &i in &batch.nodes {
            let Some(p) = frame.at(i) else { continue };
            if p.0 < 0.0 || p.1 < 0.0 || p.0 > w || p.1 > h {
                continue;
            }
            let r =
                f64::from(frame.styles.radius.get(i as usize).copied().unwrap_or(3.0)) * frame.dpr;
            area += std::f64::consts::PI * r * r;
        }
    }
    let budget = frame.lod.node_pixels.max(1.0);
    if area <= budget {
        1.0
    } else {
        (budget / area).sqrt().max(SMALLEST_SCALE)
    }
}

fn length(s: ((f64, f64), (f64, f64))) -> f64 {
    distance(s.0, s.1)
}

/// The distance between two screen points: a square root rather than
/// `hypot`, whose overflow-safe libm call was a tenth of a frame in the
/// profile (screen coordinates never come near overflowing).
#[inline]
fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    (dx * dx + dy * dy).sqrt()
}

/// Draws `frame` over the whole raster (which the caller sized to the
/// camera's size × dpr).
///
/// # Complexity
/// O(n + m) to project, plus the pixels covered (at most about
/// [`TIE_PIXELS`] for ties).
pub fn paint(raster: &mut Raster, frame: &Frame) -> Painted {
    raster.clear(palette::BACKGROUND);
    let dpr = frame.dpr;
    let bounds = (
        -2.0,
        -2.0,
        raster.width() as f64 + 2.0,
        raster.height() as f64 + 2.0,
    );
    let styles = frame.styles;
    let mut out = Painted {
        stride: 1,
        node_scale: 1.0,
        ..Painted::default()
    };
    let budget = frame.lod.tie_pixels.max(1.0);
    let mut sampled_pixels = 0.0;
    for batch in &styles.edge_batches {
        let width = batch.look.width().max(1.0) * dpr;
        for &k in &batch.edges {
            if let Some(s) = frame.tie(k, bounds) {
                let px = length(s) * width;
                out.tie_pixels += px;
                if batch.edges.len() > WHOLE_BATCH {
                    sampled_pixels += px;
                }
            }
        }
    }
    let whole = out.tie_pixels - sampled_pixels;
    let room = (budget - whole).max(budget * 0.25);
    out.stride = if sampled_pixels > room {
        (sampled_pixels / room).ceil() as usize
    } else {
        1
    };
    for batch in &styles.edge_batches {
        let look = batch.look;
        let dash: Vec<f64> = look.dash.pattern().iter().map(|v| v * dpr).collect();
        let pen = Pen {
            colour: look.colour,
            alpha: f32::from(look.alpha) / 255.0,
            width: (look.width() * dpr) as f32,
            dash: &dash,
        };
        let stride = if batch.edges.len() > WHOLE_BATCH {
            out.stride
        } else {
            1
        };
        for &k in batch.edges.iter().step_by(stride) {
            if let Some((a, b)) = frame.tie(k, bounds) {
                raster.line(a, b, &pen);
                out.ties_drawn += 1;
            }
        }
    }
    out.node_scale = node_scale(frame, raster);
    let (w, h) = (raster.width() as f64, raster.height() as f64);
    for batch in &styles.node_batches {
        let look = batch.look;
        let alpha = f32::from(look.alpha) / 255.0;
        let ring = look.outline.map(|c| (c, RING * dpr));
        let scale = if ring.is_some() { 1.0 } else { out.node_scale };
        for &i in &batch.nodes {
            let Some(p) = frame.at(i) else { continue };
            let r = f64::from(styles.radius.get(i as usize).copied().unwrap_or(3.0)) * dpr * scale;
            let reach = r + RING * dpr;
            if p.0 < -reach || p.1 < -reach || p.0 > w + reach || p.1 > h + reach {
                continue;
            }
            match look.shape {
                Shape::Circle if r < 1.0 => raster.dot(p, r, look.fill, alpha),
                Shape::Circle => raster.disc(p, r, look.fill, alpha, ring),
                Shape::Square => raster.square(p, r.max(0.6), look.fill, alpha, ring),
            }
            out.nodes_drawn += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::{ScreenPoint, ScreenSize};
    use crate::core::playback::generate;
    use crate::core::playback::scene::SceneOptions;
    use crate::core::playback::style::{styles, Highlight};
    use crate::core::playback::{Lens, LiveLayout};

    fn laid_out(n: usize, m: usize) -> (Scene, Vec<f64>, Vec<f64>) {
        let (net, order) = generate::people(n, m, 3);
        let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
        let mut live = LiveLayout::new();
        live.set_scene(&scene);
        live.step(30);
        (scene, live.x().to_vec(), live.y().to_vec())
    }

    fn fitted(x: &[f64], y: &[f64], w: f64, h: f64) -> Camera {
        let rect = crate::core::playback::camera::bounds(x, y, |_| true);
        Camera::new(ScreenSize::new(w, h)).fit(rect, 20.0)
    }

    /// A frame at full detail on a 1× screen, as most tests draw it.
    fn full_detail<'a>(
        scene: &'a Scene,
        styles: &'a Styles,
        x: &'a [f64],
        y: &'a [f64],
        camera: &'a Camera,
    ) -> Frame<'a> {
        Frame {
            scene,
            styles,
            x,
            y,
            camera,
            dpr: 1.0,
            lod: Lod::FULL,
        }
    }

    #[test]
    fn every_node_is_drawn_in_its_colour_at_its_place() {
        let (scene, x, y) = laid_out(60, 120);
        let st = styles(&scene, Lens::Communities, u32::MAX, None);
        let camera = fitted(&x, &y, 400.0, 300.0);
        let mut r = Raster::new(400, 300);
        let f = full_detail(&scene, &st, &x, &y, &camera);
        let done = paint(&mut r, &f);
        assert_eq!(done.nodes_drawn, st.visible_nodes);
        assert_eq!(done.stride, 1);
        // The node drawn last (top layer) shows its own colour at its centre.
        let top = st.node_batches.last().expect("nodes");
        let i = *top.nodes.last().expect("a node");
        let (sx, sy) = camera.to_screen(x[i as usize], y[i as usize]);
        let p = r.pixel(sx as usize, sy as usize).expect("on screen");
        let fill = top.look.fill;
        let near = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs() <= 40;
        assert!(
            near(p[0], fill.0) && near(p[1], fill.1) && near(p[2], fill.2),
            "{p:?} vs {fill:?}"
        );
        // A corner far from the picture is background.
        let bg = palette::BACKGROUND;
        assert_eq!(r.pixel(0, 0), Some([bg.0, bg.1, bg.2, 255]));
    }

    #[test]
    fn large_networks_are_sampled_within_the_budget_and_highlights_are_whole() {
        let (scene, x, y) = laid_out(2000, 12_000);
        let you = Highlight {
            node: 0,
            strength: 1.0,
        };
        let st = styles(&scene, Lens::Communities, u32::MAX, Some(you));
        let camera = fitted(&x, &y, 1920.0, 1080.0);
        let mut r = Raster::new(1920, 1080);
        let f = full_detail(&scene, &st, &x, &y, &camera);
        let done = paint(&mut r, &f);
        assert!(done.tie_pixels > TIE_PIXELS, "{}", done.tie_pixels);
        assert!(done.stride > 1);
        assert!(done.ties_drawn < st.visible_edges);
        let mine = st
            .edge_batches
            .iter()
            .find(|b| b.look.colour == palette::YOU)
            .expect("the highlighted resident's ties");
        assert!(mine.edges.len() <= WHOLE_BATCH);
        // Zoomed in, fewer ties are on screen: all of them are drawn.
        let close = camera.zoom_about(ScreenPoint::new(960.0, 540.0), 12.0, camera.scale);
        let g = Frame {
            camera: &close,
            ..f
        };
        let near = paint(&mut r, &g);
        assert!(near.tie_pixels < done.tie_pixels);
        // A tenth of the budget: ties sampled harder, discs shrunk, every
        // node still drawn, the highlighted resident at full size.
        let lean = paint(
            &mut r,
            &Frame {
                lod: Lod::scaled(0.1),
                ..f
            },
        );
        assert!(lean.stride > done.stride && lean.ties_drawn < done.ties_drawn);
        assert!(lean.node_scale < 1.0 && lean.node_scale >= SMALLEST_SCALE);
        assert_eq!(lean.nodes_drawn, done.nodes_drawn);
        let (sx, sy) = camera.to_screen(x[0], y[0]);
        let ring = r.pixel(sx as usize + 7, sy as usize);
        assert!(ring.is_some_and(|p| p
            != [
                palette::BACKGROUND.0,
                palette::BACKGROUND.1,
                palette::BACKGROUND.2,
                255
            ]));
    }

    #[test]
    fn the_device_pixel_ratio_scales_the_drawing() {
        let (scene, x, y) = laid_out(40, 80);
        let st = styles(&scene, Lens::Communities, u32::MAX, None);
        let camera = fitted(&x, &y, 200.0, 150.0);
        let ink = |r: &Raster| {
            r.bytes()
                .chunks(4)
                .filter(|p| p[0] != palette::BACKGROUND.0)
                .count()
        };
        let mut one = Raster::new(200, 150);
        let mut two = Raster::new(400, 300);
        let f = full_detail(&scene, &st, &x, &y, &camera);
        paint(&mut one, &f);
        paint(&mut two, &Frame { dpr: 2.0, ..f });
        let ratio = ink(&two) as f64 / ink(&one) as f64;
        assert!((3.0..5.0).contains(&ratio), "{ratio}");
    }
}
