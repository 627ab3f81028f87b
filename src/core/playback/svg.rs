//! The exported drawing: the current view as SVG, built from the same style
//! batches the canvas draws, with the title, legend and caption on it. The
//! PNG export rasterises this same SVG, so the two always agree. Only public
//! text reaches it: the caller's translated strings and place labels.

use super::camera::Camera;
use super::label_placement::{self, Candidate, FONT_FAMILY as FONT};
use super::palette::{self, Rgb};
use super::scene::Scene;
use super::style::{Dash, Shape, Styles, Swatch};
use std::fmt::Write;

/// The words drawn on an export, already translated.
#[derive(Debug, Clone, Copy)]
pub struct ExportText<'a> {
    pub title: &'a str,
    pub caption: &'a str,
    pub legend: &'a [(Swatch, String)],
}

/// Legend panel width and line height, in pixels.
const PANEL_W: f64 = 360.0;
const LINE_H: f64 = 30.0;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn opacity(alpha: u8) -> f64 {
    (f64::from(alpha) / 255.0 * 1000.0).round() / 1000.0
}

fn dash_attr(dash: Dash) -> String {
    let p = dash.pattern();
    if p.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = p.iter().map(|v| v.to_string()).collect();
        format!(" stroke-dasharray=\"{}\"", parts.join(" "))
    }
}

/// Rounds to a tenth of a pixel, enough for a drawing and half the bytes.
fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The current view as a standalone SVG document.
///
/// # Arguments
/// * `scene`, `styles` – what to draw and how (see [`super::style::styles`]).
/// * `x`, `y` – world positions per scene node.
/// * `camera` – the view; its size is the drawing's size.
/// * `text` – title, caption and legend lines, translated.
///
/// # Complexity
/// O(n + m) in the drawn nodes and ties.
pub fn svg(
    scene: &Scene,
    styles: &Styles,
    x: &[f64],
    y: &[f64],
    camera: &Camera,
    text: &ExportText,
) -> String {
    let (w, h) = (camera.size.width.max(1.0), camera.size.height.max(1.0));
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        escape(text.title),
        palette::BACKGROUND.hex()
    );
    let pos = |i: u32| -> Option<(f64, f64)> {
        let (wx, wy) = (*x.get(i as usize)?, *y.get(i as usize)?);
        let (sx, sy) = camera.to_screen(wx, wy);
        (sx.is_finite() && sy.is_finite()).then_some((sx, sy))
    };
    let inside =
        |(sx, sy): (f64, f64), pad: f64| sx >= -pad && sy >= -pad && sx <= w + pad && sy <= h + pad;
    for batch in &styles.edge_batches {
        let l = batch.look;
        let _ = writeln!(
            out,
            "<g stroke=\"{}\" stroke-opacity=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\"{}>",
            l.colour.hex(),
            opacity(l.alpha),
            l.width(),
            dash_attr(l.dash)
        );
        for &k in &batch.edges {
            let Some(e) = scene.edges.get(k as usize) else {
                continue;
            };
            if let (Some(a), Some(b)) = (pos(e.source), pos(e.target)) {
                if inside(a, 0.0) || inside(b, 0.0) {
                    let _ = writeln!(
                        out,
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                        r1(a.0),
                        r1(a.1),
                        r1(b.0),
                        r1(b.1)
                    );
                }
            }
        }
        out.push_str("</g>\n");
    }
    for batch in &styles.node_batches {
        let l = batch.look;
        let stroke = l
            .outline
            .map(|c| format!(" stroke=\"{}\" stroke-width=\"3\"", c.hex()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<g fill=\"{}\" fill-opacity=\"{}\"{}>",
            l.fill.hex(),
            opacity(l.alpha),
            stroke
        );
        for &i in &batch.nodes {
            let Some(p) = pos(i) else { continue };
            let r = f64::from(styles.radius.get(i as usize).copied().unwrap_or(3.0));
            if !inside(p, r) {
                continue;
            }
            let _ = match l.shape {
                Shape::Circle => writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                    r1(p.0),
                    r1(p.1),
                    r1(r)
                ),
                Shape::Square => writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    r1(p.0 - r),
                    r1(p.1 - r),
                    r1(2.0 * r),
                    r1(2.0 * r)
                ),
            };
        }
        out.push_str("</g>\n");
    }
    labels(&mut out, scene, styles, &pos, (w, h));
    overlay(&mut out, w, h, text);
    out.push_str("</svg>\n");
    out
}

fn labels(
    out: &mut String,
    scene: &Scene,
    styles: &Styles,
    pos: &dyn Fn(u32) -> Option<(f64, f64)>,
    (w, h): (f64, f64),
) {
    let radius = |i: u32| f64::from(styles.radius.get(i as usize).copied().unwrap_or(3.0));
    let text = |i: u32| scene.nodes.get(i as usize).and_then(|n| n.label.as_deref());
    // No text to measure here: widths are estimated, generously.
    let candidates: Vec<Candidate> = styles
        .labels
        .iter()
        .filter_map(|&i| {
            let (label, (x, y)) = (text(i)?, pos(i)?);
            let width = label_placement::estimated_width(label);
            Some(Candidate {
                node: i,
                x,
                y,
                radius: radius(i),
                width,
            })
        })
        .collect();
    let _ = writeln!(
        out,
        "<g fill=\"{}\" font-family=\"{FONT}\" font-size=\"{}\" font-weight=\"{}\" paint-order=\"stroke\" stroke=\"{}\" stroke-width=\"4\">",
        palette::INK.hex(),
        label_placement::FONT_PX,
        label_placement::FONT_WEIGHT,
        palette::BACKGROUND.hex()
    );
    // The labels kept apart as on screen.
    for c in label_placement::visible_labels(&candidates, w, h) {
        let Some(label) = text(c.node) else {
            continue;
        };
        let (x, y) = c.text_at();
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            r1(x),
            r1(y),
            escape(label)
        );
    }
    out.push_str("</g>\n");
}

fn swatch(out: &mut String, s: &Swatch, x: f64, y: f64) {
    let _ = match s {
        Swatch::Node(Shape::Circle, c) => writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"{}\"/>",
            x + 10.0,
            y,
            c.hex()
        ),
        Swatch::Node(Shape::Square, c) => writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"16\" fill=\"{}\"/>",
            x + 2.0,
            y - 8.0,
            c.hex()
        ),
        Swatch::Line(c, d) => writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"3\"{}/>",
            x + 20.0,
            c.hex(),
            dash_attr(*d)
        ),
    };
}

/// Title top left, legend panel top right, caption along the bottom.
fn overlay(out: &mut String, w: f64, h: f64, text: &ExportText) {
    let ink = palette::INK.hex();
    let panel = Rgb(24, 33, 48).hex();
    let _ = writeln!(
        out,
        "<text x=\"24\" y=\"44\" fill=\"{ink}\" font-family=\"{FONT}\" font-size=\"28\" font-weight=\"600\">{}</text>",
        escape(text.title)
    );
    let px = (w - PANEL_W - 16.0).max(0.0);
    let ph = 24.0 + LINE_H * text.legend.len() as f64;
    let _ = writeln!(
        out,
        "<rect x=\"{px}\" y=\"16\" width=\"{PANEL_W}\" height=\"{ph}\" rx=\"10\" fill=\"{panel}\" fill-opacity=\"0.88\"/>"
    );
    for (k, (s, label)) in text.legend.iter().enumerate() {
        let y = 16.0 + 12.0 + LINE_H * (k as f64 + 0.5);
        swatch(out, s, px + 16.0, y);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"{ink}\" font-family=\"{FONT}\" font-size=\"17\">{}</text>",
            px + 48.0,
            y + 6.0,
            escape(label)
        );
    }
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"56\" fill=\"{panel}\" fill-opacity=\"0.88\"/>",
        h - 56.0
    );
    let _ = writeln!(
        out,
        "<text x=\"24\" y=\"{}\" fill=\"{ink}\" font-family=\"{FONT}\" font-size=\"20\">{}</text>",
        h - 21.0,
        escape(text.caption)
    );
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(escape("<a & 'b'>\u{7}"), "&lt;a &amp; &apos;b&apos;&gt;");
    }
}
