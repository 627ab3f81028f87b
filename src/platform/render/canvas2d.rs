//! Paints one frame on a Canvas 2D context: the picture is drawn into a
//! pixel buffer in plain Rust (`core::playback::paint`, with its level of
//! detail) and put on the canvas in one `putImageData`, then the public
//! labels are drawn over it as text. This is the renderer where WebGL 2 is
//! missing or runs on a software rasteriser; with WebGL, [`draw_labels`]
//! paints the labels alone on a transparent overlay. Device-pixel-ratio
//! aware: the caller sizes the backing store; labels are in CSS pixels
//! under a `dpr` transform.

use crate::core::playback::label_placement::{
    estimated_width, visible_labels, Candidate, FONT_FAMILY, FONT_PX, FONT_WEIGHT,
};
use crate::core::playback::paint::{self, Lod, Painted};
use crate::core::playback::palette;
use crate::core::playback::raster::Raster;
use crate::core::playback::style::Styles;
use crate::core::playback::{Camera, Scene};
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// What one frame needs.
pub struct Frame<'a> {
    pub scene: &'a Scene,
    pub styles: &'a Styles,
    pub x: &'a [f64],
    pub y: &'a [f64],
    pub camera: &'a Camera,
    pub dpr: f64,
    /// The level of detail the picture may afford (see `core::playback::paint`).
    pub lod: Lod,
}

/// Draws `frame` over the whole canvas, using `raster` as the pixel buffer
/// (kept between frames so it is allocated once).
pub fn draw(ctx: &CanvasRenderingContext2d, raster: &mut Raster, frame: &Frame) -> Painted {
    let Some(canvas) = ctx.canvas() else {
        return Painted::default();
    };
    let (w, h) = (canvas.width(), canvas.height());
    let dpr = density(&canvas, frame);
    raster.resize(w as usize, h as usize);
    let painted = paint::paint(
        raster,
        &paint::Frame {
            scene: frame.scene,
            styles: frame.styles,
            x: frame.x,
            y: frame.y,
            camera: frame.camera,
            dpr,
            lod: frame.lod,
        },
    );
    match ImageData::new_with_u8_clamped_array_and_sh(Clamped(raster.bytes()), w, h) {
        Ok(image) => {
            let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            let _ = ctx.put_image_data(&image, 0.0, 0.0);
        }
        Err(e) => web_sys::console::error_1(&e),
    }
    let Frame { x, y, camera, .. } = *frame;
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    let at = |i: u32| -> Option<(f64, f64)> {
        let p = camera.to_screen(*x.get(i as usize)?, *y.get(i as usize)?);
        (p.0.is_finite() && p.1.is_finite()).then_some(p)
    };
    labels(ctx, frame, &at);
    painted
}

/// The pixel density of `canvas`'s backing store for `frame`'s camera. The
/// label overlay keeps the screen's full density while the picture beneath
/// it is drawn at less as it settles, so a frame's own `dpr` (the
/// picture's) would draw the labels at a fraction of their size and place.
fn density(canvas: &HtmlCanvasElement, frame: &Frame) -> f64 {
    let d = f64::from(canvas.width()) / frame.camera.size.width;
    if d.is_finite() && d > 0.0 {
        d
    } else {
        frame.dpr
    }
}

/// Clears a transparent overlay and paints only the public labels of
/// `frame` on it (over the WebGL picture).
pub fn draw_labels(ctx: &CanvasRenderingContext2d, frame: &Frame) {
    let Frame { x, y, camera, .. } = *frame;
    let dpr = ctx.canvas().map_or(frame.dpr, |c| density(&c, frame));
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, camera.size.width, camera.size.height);
    let at = |i: u32| -> Option<(f64, f64)> {
        let p = camera.to_screen(*x.get(i as usize)?, *y.get(i as usize)?);
        (p.0.is_finite() && p.1.is_finite()).then_some(p)
    };
    labels(ctx, frame, &at);
}

fn labels(ctx: &CanvasRenderingContext2d, frame: &Frame, at: &dyn Fn(u32) -> Option<(f64, f64)>) {
    if frame.styles.labels.is_empty() {
        return;
    }
    let radius = |i: u32| f64::from(frame.styles.radius.get(i as usize).copied().unwrap_or(3.0));
    let text = |i: u32| {
        frame
            .scene
            .nodes
            .get(i as usize)
            .and_then(|n| n.label.as_deref())
    };
    ctx.set_font(&format!("{FONT_WEIGHT} {FONT_PX}px {FONT_FAMILY}"));
    // Measured in the font they are drawn in, so the boxes kept apart are
    // the text's own.
    let candidates: Vec<Candidate> = frame
        .styles
        .labels
        .iter()
        .filter_map(|&i| {
            let (label, (x, y)) = (text(i)?, at(i)?);
            let width = ctx
                .measure_text(label)
                .map_or_else(|_| estimated_width(label), |m| m.width());
            Some(Candidate {
                node: i,
                x,
                y,
                radius: radius(i),
                width,
            })
        })
        .collect();
    let size = frame.camera.size;
    ctx.set_line_width(4.0);
    ctx.set_line_join("round");
    ctx.set_stroke_style_str(&palette::BACKGROUND.hex());
    ctx.set_fill_style_str(&palette::INK.hex());
    for c in visible_labels(&candidates, size.width, size.height) {
        let Some(label) = text(c.node) else {
            continue;
        };
        let (x, y) = c.text_at();
        let _ = ctx.stroke_text(label, x, y);
        let _ = ctx.fill_text(label, x, y);
    }
}
