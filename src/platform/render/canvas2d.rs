//! Paints one frame on a Canvas 2D context: ties batch by batch (one path and
//! one stroke per look), then nodes (one path and one fill per look), then
//! the public labels. This is the fallback where WebGL 2 is missing; with
//! WebGL, [`draw_labels`] paints the labels alone on a transparent overlay.
//! Device-pixel-ratio aware: the caller sizes the backing store; everything
//! here is in CSS pixels under a `dpr` transform.

use crate::core::playback::label_grid::visible_labels;
use crate::core::playback::palette::{self, Rgb};
use crate::core::playback::style::{Shape, Styles};
use crate::core::playback::{Camera, Scene};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

/// What one frame needs.
pub struct Frame<'a> {
    pub scene: &'a Scene,
    pub styles: &'a Styles,
    pub x: &'a [f64],
    pub y: &'a [f64],
    pub camera: &'a Camera,
    pub dpr: f64,
    /// Draw every `edge_stride`-th tie of each batch; 0 draws none (see
    /// `core::playback::style::edge_stride`).
    pub edge_stride: usize,
}

fn rgba(c: Rgb, alpha: u8) -> String {
    format!(
        "rgba({},{},{},{:.3})",
        c.0,
        c.1,
        c.2,
        f64::from(alpha) / 255.0
    )
}

fn dash(pattern: &[f64]) -> JsValue {
    let a = js_sys::Array::new();
    for v in pattern {
        a.push(&JsValue::from_f64(*v));
    }
    a.into()
}

/// Draws `frame` over the whole canvas.
pub fn draw(ctx: &CanvasRenderingContext2d, frame: &Frame) {
    let Frame {
        scene,
        styles,
        x,
        y,
        camera,
        dpr,
        edge_stride,
    } = *frame;
    let (w, h) = (camera.size.width, camera.size.height);
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.set_fill_style_str(&palette::BACKGROUND.hex());
    ctx.fill_rect(0.0, 0.0, w, h);
    let at = |i: u32| -> Option<(f64, f64)> {
        let p = camera.to_screen(*x.get(i as usize)?, *y.get(i as usize)?);
        (p.0.is_finite() && p.1.is_finite()).then_some(p)
    };
    let inside =
        |(sx, sy): (f64, f64), pad: f64| sx >= -pad && sy >= -pad && sx <= w + pad && sy <= h + pad;
    ctx.set_line_cap("round");
    let edge_batches = if edge_stride == 0 {
        &[][..]
    } else {
        &styles.edge_batches[..]
    };
    for batch in edge_batches {
        let look = batch.look;
        ctx.set_stroke_style_str(&rgba(look.colour, look.alpha));
        ctx.set_line_width(look.width());
        let _ = ctx.set_line_dash(&dash(look.dash.pattern()));
        ctx.begin_path();
        for &k in &batch.edges {
            let Some(e) = scene.edges.get(k as usize) else {
                continue;
            };
            if let (Some(a), Some(b)) = (at(e.source), at(e.target)) {
                if inside(a, 0.0) || inside(b, 0.0) {
                    ctx.move_to(a.0, a.1);
                    ctx.line_to(b.0, b.1);
                }
            }
        }
        ctx.stroke();
    }
    let _ = ctx.set_line_dash(&dash(&[]));
    for batch in &styles.node_batches {
        let look = batch.look;
        ctx.set_fill_style_str(&rgba(look.fill, look.alpha));
        ctx.begin_path();
        for &i in &batch.nodes {
            let Some(p) = at(i) else { continue };
            let r = f64::from(styles.radius.get(i as usize).copied().unwrap_or(3.0));
            if !inside(p, r) {
                continue;
            }
            match look.shape {
                Shape::Circle => {
                    ctx.move_to(p.0 + r, p.1);
                    let _ = ctx.arc(p.0, p.1, r, 0.0, std::f64::consts::TAU);
                }
                Shape::Square => ctx.rect(p.0 - r, p.1 - r, 2.0 * r, 2.0 * r),
            }
        }
        ctx.fill();
        if let Some(outline) = look.outline {
            ctx.set_stroke_style_str(&outline.hex());
            ctx.set_line_width(3.0);
            ctx.stroke();
        }
    }
    labels(ctx, frame, &at);
}

/// Clears a transparent overlay and paints only the public labels of
/// `frame` on it (over the WebGL picture).
pub fn draw_labels(ctx: &CanvasRenderingContext2d, frame: &Frame) {
    let Frame {
        x, y, camera, dpr, ..
    } = *frame;
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
    let candidates: Vec<(u32, f64, f64, f64)> = frame
        .styles
        .labels
        .iter()
        .filter_map(|&i| at(i).map(|(x, y)| (i, x, y, radius(i))))
        .collect();
    let size = frame.camera.size;
    let shown = visible_labels(&candidates, size.width, size.height);
    ctx.set_font("600 15px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif");
    ctx.set_line_width(4.0);
    ctx.set_line_join("round");
    ctx.set_stroke_style_str(&palette::BACKGROUND.hex());
    ctx.set_fill_style_str(&palette::INK.hex());
    for i in shown {
        let (Some(label), Some(p)) = (
            frame
                .scene
                .nodes
                .get(i as usize)
                .and_then(|n| n.label.as_deref()),
            at(i),
        ) else {
            continue;
        };
        let r = radius(i);
        let _ = ctx.stroke_text(label, p.0 + r + 4.0, p.1 + 5.0);
        let _ = ctx.fill_text(label, p.0 + r + 4.0, p.1 + 5.0);
    }
}
