//! The play-back camera: world units from the force layout to CSS pixels on
//! the canvas, as a value (every change returns a new camera, so a pinch is
//! computed from the camera it started with and never drifts). Unlike the
//! resident canvas's viewport it has no fixed zoom range: force layouts span
//! anything from tens to tens of thousands of world units.

use super::style::{Shape, Styles};
use crate::core::geometry::{ScreenPoint, ScreenSize, ScreenVector, WorldPoint, WorldRect};

/// Zoom limits relative to the fitted scale: from a tenth to a hundredfold.
const MIN_ZOOM: f64 = 0.1;
const MAX_ZOOM: f64 = 100.0;

/// `screen = world * scale + offset`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Camera {
    pub scale: f64,
    pub offset: ScreenPoint,
    pub size: ScreenSize,
}

impl Camera {
    /// A camera with the world origin in the middle of `size`.
    pub fn new(size: ScreenSize) -> Camera {
        Camera {
            scale: 1.0,
            offset: size.centre(),
            size,
        }
    }

    pub fn to_screen(&self, x: f64, y: f64) -> (f64, f64) {
        (
            x * self.scale + self.offset.x,
            y * self.scale + self.offset.y,
        )
    }

    pub fn to_world(&self, p: ScreenPoint) -> WorldPoint {
        WorldPoint::new(
            (p.x - self.offset.x) / self.scale,
            (p.y - self.offset.y) / self.scale,
        )
    }

    /// The camera that shows `content` as large as fits, centred, with
    /// `margin` pixels on every side (unchanged when there is no content).
    pub fn fit(&self, content: Option<WorldRect>, margin: f64) -> Camera {
        let Some(content) = content else {
            return *self;
        };
        let w = (self.size.width - 2.0 * margin).max(1.0);
        let h = (self.size.height - 2.0 * margin).max(1.0);
        let scale = (w / content.width().max(1e-6)).min(h / content.height().max(1e-6));
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let c = content.centre();
        let sc = self.size.centre();
        Camera {
            scale,
            offset: ScreenPoint::new(sc.x - c.x * scale, sc.y - c.y * scale),
            size: self.size,
        }
    }

    /// Zooms by `factor` keeping the world point under `anchor` still;
    /// `fitted` is the scale of the fitted view, which bounds the zoom.
    pub fn zoom_about(&self, anchor: ScreenPoint, factor: f64, fitted: f64) -> Camera {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let fitted = if fitted.is_finite() && fitted > 0.0 {
            fitted
        } else {
            self.scale
        };
        let scale = (self.scale * factor).clamp(fitted * MIN_ZOOM, fitted * MAX_ZOOM);
        let world = self.to_world(anchor);
        Camera {
            scale,
            offset: ScreenPoint::new(anchor.x - world.x * scale, anchor.y - world.y * scale),
            size: self.size,
        }
    }

    /// Moves the picture by `by` screen pixels.
    pub fn pan(&self, by: ScreenVector) -> Camera {
        if !(by.dx.is_finite() && by.dy.is_finite()) {
            return *self;
        }
        Camera {
            offset: self.offset.plus(by),
            ..*self
        }
    }

    /// The same view on a resized canvas: the centre stays the centre.
    pub fn resize(&self, size: ScreenSize) -> Camera {
        let centre = self.to_world(self.size.centre());
        let c = size.centre();
        Camera {
            scale: self.scale,
            offset: ScreenPoint::new(c.x - centre.x * self.scale, c.y - centre.y * self.scale),
            size,
        }
    }

    /// A step of `t` (0..=1) from here towards `target`: the scale moves in
    /// log space and the centre linearly, so an auto-fit glides.
    pub fn towards(&self, target: &Camera, t: f64) -> Camera {
        let t = t.clamp(0.0, 1.0);
        let scale = (self.scale.ln() + (target.scale.ln() - self.scale.ln()) * t).exp();
        let a = self.to_world(self.size.centre());
        let b = target.to_world(target.size.centre());
        let centre = WorldPoint::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        let sc = target.size.centre();
        let camera = Camera {
            scale,
            offset: ScreenPoint::new(sc.x - centre.x * scale, sc.y - centre.y * scale),
            size: target.size,
        };
        if camera.is_valid() {
            camera
        } else {
            *target
        }
    }

    /// Two fingers moved from `from` to `to`: scale by the change in their
    /// distance about their midpoint, and follow the midpoint.
    pub fn pinch(
        &self,
        from: (ScreenPoint, ScreenPoint),
        to: (ScreenPoint, ScreenPoint),
        fitted: f64,
    ) -> Camera {
        let d0 = from.0.distance(from.1);
        let d1 = to.0.distance(to.1);
        let factor = if d0 > 1.0 { d1 / d0 } else { 1.0 };
        let m0 = from.0.midpoint(from.1);
        let m1 = to.0.midpoint(to.1);
        self.zoom_about(m0, factor, fitted).pan(m1.minus(m0))
    }

    pub fn is_valid(&self) -> bool {
        self.scale.is_finite() && self.scale > 0.0 && self.offset.is_finite()
    }
}

/// The box around the nodes `keep` accepts, or `None` when there are none.
pub fn bounds(x: &[f64], y: &[f64], keep: impl Fn(usize) -> bool) -> Option<WorldRect> {
    let points = x
        .iter()
        .zip(y)
        .enumerate()
        .filter(|(i, (x, y))| keep(*i) && x.is_finite() && y.is_finite())
        .map(|(_, (x, y))| WorldPoint::new(*x, *y));
    WorldRect::around(points, 0.0)
}

/// The drawn node under `p` (within `slop` extra pixels), topmost first.
pub fn hit(
    camera: &Camera,
    x: &[f64],
    y: &[f64],
    styles: &Styles,
    p: ScreenPoint,
    slop: f64,
) -> Option<u32> {
    let mut best: Option<(f64, u32)> = None;
    for batch in styles.node_batches.iter().rev() {
        for &i in &batch.nodes {
            let (Some(&wx), Some(&wy)) = (x.get(i as usize), y.get(i as usize)) else {
                continue;
            };
            let (sx, sy) = camera.to_screen(wx, wy);
            let r = f64::from(styles.radius.get(i as usize).copied().unwrap_or(3.0)) + slop;
            let d = match batch.look.shape {
                Shape::Circle => (sx - p.x).hypot(sy - p.y),
                Shape::Square => (sx - p.x).abs().max((sy - p.y).abs()),
            };
            if d <= r && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        if best.is_some() {
            return best.map(|(_, i)| i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size() -> ScreenSize {
        ScreenSize::new(800.0, 600.0)
    }

    #[test]
    fn fit_centres_content_with_margin() {
        let rect = WorldRect {
            min: WorldPoint::new(-100.0, -50.0),
            max: WorldPoint::new(300.0, 150.0),
        };
        let c = Camera::new(size()).fit(Some(rect), 20.0);
        assert_eq!(c.scale, 1.9);
        let (x, y) = c.to_screen(100.0, 50.0);
        assert!((x - 400.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9);
        let (left, _) = c.to_screen(-100.0, 0.0);
        assert!((left - 20.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        let c = Camera::new(size());
        let anchor = ScreenPoint::new(100.0, 80.0);
        let before = c.to_world(anchor);
        let z = c.zoom_about(anchor, 2.0, 1.0);
        let after = z.to_world(anchor);
        assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
        assert_eq!(c.zoom_about(anchor, 1e9, 1.0).scale, 100.0);
        assert_eq!(c.zoom_about(anchor, f64::NAN, 1.0).scale, 1.0);
    }

    #[test]
    fn pinch_follows_the_fingers() {
        let c = Camera::new(size());
        let from = (
            ScreenPoint::new(300.0, 300.0),
            ScreenPoint::new(500.0, 300.0),
        );
        let to = (
            ScreenPoint::new(250.0, 350.0),
            ScreenPoint::new(650.0, 350.0),
        );
        let w = c.to_world(from.0);
        let p = c.pinch(from, to, 1.0);
        assert!((p.scale - 2.0).abs() < 1e-9);
        let (x, y) = p.to_screen(w.x, w.y);
        assert!((x - 250.0).abs() < 1e-9 && (y - 350.0).abs() < 1e-9);
    }

    #[test]
    fn towards_reaches_the_target() {
        let a = Camera::new(size());
        let b = a.zoom_about(ScreenPoint::new(0.0, 0.0), 4.0, 1.0);
        let end = a.towards(&b, 1.0);
        assert!((end.scale - b.scale).abs() < 1e-9);
        assert!((end.offset.x - b.offset.x).abs() < 1e-6);
        let mid = a.towards(&b, 0.5);
        assert!((mid.scale - 2.0).abs() < 1e-9);
    }
}
