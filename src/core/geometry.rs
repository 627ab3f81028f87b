//! Screen and world coordinates as separate types, the viewport transform,
//! ring geometry and hit-testing for the resident's ego canvas.
//!
//! Two coordinate spaces exist and must never mix (Excalidraw's branded points):
//! - [`ScreenPoint`]: CSS pixels relative to the canvas element's top-left corner,
//!   as pointer events report them;
//! - [`WorldPoint`]: canvas world units with "me" at the origin, as stored in
//!   [`Alter::x`](crate::core::model::Alter) / `y`.
//!
//! Only [`Viewport`] converts between them. Rings are concentric bands of
//! [`RING_RADIUS`] world units each around "me": ring 1 is the disc of radius
//! `RING_RADIUS` (less the "me" bubble), ring 2 the band out to `2 * RING_RADIUS`,
//! ring 3 out to `3 * RING_RADIUS`.

use crate::core::model::{AlterId, RINGS};
use serde::{Deserialize, Serialize};

/// World units per ring band. The three rings span 390 units, so the kiosk
/// (1080 px tall) shows them at about 1.3 px per unit and a phone (360 px wide)
/// at about 0.43.
pub const RING_RADIUS: f64 = 130.0;

/// Radius of the "me" bubble at the origin; ring-1 bubbles keep clear of it.
pub const ME_RADIUS: f64 = 36.0;

/// Smallest zoom (screen px per world unit): the whole canvas on a small phone, with room to spare.
pub const MIN_SCALE: f64 = 0.2;
/// Largest zoom: one bubble fills a phone screen; further zoom only loses context.
pub const MAX_SCALE: f64 = 4.0;

/// A position in CSS pixels relative to the canvas element's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ScreenPoint {
    pub x: f64,
    pub y: f64,
}

/// A displacement in CSS pixels (a finger's travel, a pan).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ScreenVector {
    pub dx: f64,
    pub dy: f64,
}

/// A position in canvas world units, "me" at the origin, y pointing down as on screen.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct WorldPoint {
    pub x: f64,
    pub y: f64,
}

/// A size in CSS pixels (the canvas element's client size).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ScreenSize {
    pub width: f64,
    pub height: f64,
}

/// An axis-aligned box in world units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WorldRect {
    pub min: WorldPoint,
    pub max: WorldPoint,
}

impl ScreenPoint {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The vector from `from` to `self`.
    pub fn minus(self, from: ScreenPoint) -> ScreenVector {
        ScreenVector {
            dx: self.x - from.x,
            dy: self.y - from.y,
        }
    }

    pub fn plus(self, v: ScreenVector) -> ScreenPoint {
        ScreenPoint::new(self.x + v.dx, self.y + v.dy)
    }

    pub fn distance(self, other: ScreenPoint) -> f64 {
        self.minus(other).length()
    }

    pub fn midpoint(self, other: ScreenPoint) -> ScreenPoint {
        ScreenPoint::new((self.x + other.x) / 2.0, (self.y + other.y) / 2.0)
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl ScreenVector {
    pub const fn new(dx: f64, dy: f64) -> Self {
        Self { dx, dy }
    }

    pub fn length(self) -> f64 {
        self.dx.hypot(self.dy)
    }
}

impl WorldPoint {
    pub const ORIGIN: WorldPoint = WorldPoint { x: 0.0, y: 0.0 };

    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The point at `radius` from "me" in direction `angle` (radians, 0 = right,
    /// clockwise on screen because y points down).
    pub fn polar(radius: f64, angle: f64) -> Self {
        Self::new(radius * angle.cos(), radius * angle.sin())
    }

    /// Distance from "me".
    pub fn radius(self) -> f64 {
        self.x.hypot(self.y)
    }

    /// Direction from "me" in radians, in `(-PI, PI]`; 0 for the origin itself.
    pub fn angle(self) -> f64 {
        self.y.atan2(self.x)
    }

    pub fn distance(self, other: WorldPoint) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl ScreenSize {
    pub const fn new(width: f64, height: f64) -> Self {
        Self { width, height }
    }

    pub fn centre(self) -> ScreenPoint {
        ScreenPoint::new(self.width / 2.0, self.height / 2.0)
    }
}

impl WorldRect {
    /// The smallest box holding every point, grown by `pad` on each side;
    /// `None` when there are no points.
    pub fn around(points: impl IntoIterator<Item = WorldPoint>, pad: f64) -> Option<WorldRect> {
        let mut it = points.into_iter().filter(|p| p.is_finite());
        let first = it.next()?;
        let (mut min, mut max) = (first, first);
        for p in it {
            min = WorldPoint::new(min.x.min(p.x), min.y.min(p.y));
            max = WorldPoint::new(max.x.max(p.x), max.y.max(p.y));
        }
        Some(WorldRect {
            min: WorldPoint::new(min.x - pad, min.y - pad),
            max: WorldPoint::new(max.x + pad, max.y + pad),
        })
    }

    /// The box holding all three rings.
    pub fn rings() -> WorldRect {
        let r = outer_radius(RINGS);
        WorldRect {
            min: WorldPoint::new(-r, -r),
            max: WorldPoint::new(r, r),
        }
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    pub fn centre(&self) -> WorldPoint {
        WorldPoint::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// The union of two boxes.
    pub fn union(&self, other: &WorldRect) -> WorldRect {
        WorldRect {
            min: WorldPoint::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: WorldPoint::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }
}

/// How world units map onto the canvas element: `screen = world * scale + offset`.
///
/// Values, not a mutable object: every change returns a new viewport, so the
/// gesture machine can compute a pinch from the viewport it started with and
/// never drift.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    /// Screen pixels per world unit, always within [`MIN_SCALE`]..=[`MAX_SCALE`].
    pub scale: f64,
    /// Where the world origin ("me") is drawn, in screen pixels.
    pub offset: ScreenPoint,
    /// The canvas element's size in CSS pixels.
    pub size: ScreenSize,
}

/// Margin kept around fitted content, in screen pixels, so bubbles on the outer
/// ring are not cut by the screen edge.
pub const FIT_MARGIN_PX: f64 = 24.0;

impl Viewport {
    /// A viewport for a canvas of `size` showing all three rings, "me" centred.
    pub fn new(size: ScreenSize) -> Viewport {
        Viewport {
            scale: 1.0,
            offset: size.centre(),
            size,
        }
        .fit(WorldRect::rings())
    }

    pub fn to_world(&self, p: ScreenPoint) -> WorldPoint {
        WorldPoint::new(
            (p.x - self.offset.x) / self.scale,
            (p.y - self.offset.y) / self.scale,
        )
    }

    pub fn to_screen(&self, p: WorldPoint) -> ScreenPoint {
        ScreenPoint::new(
            p.x * self.scale + self.offset.x,
            p.y * self.scale + self.offset.y,
        )
    }

    /// A world length (a bubble radius) in screen pixels.
    pub fn len_to_screen(&self, world: f64) -> f64 {
        world * self.scale
    }

    /// A screen length (a touch tolerance) in world units.
    pub fn len_to_world(&self, px: f64) -> f64 {
        px / self.scale
    }

    /// Zooms by `factor` keeping the world point under `anchor` fixed on screen
    /// (the point under the fingers or the mouse). The scale is clamped.
    pub fn zoom_about(&self, anchor: ScreenPoint, factor: f64) -> Viewport {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        self.with_scale_about(anchor, self.scale * factor)
    }

    /// Sets the scale (clamped) keeping the world point under `anchor` fixed.
    pub fn with_scale_about(&self, anchor: ScreenPoint, scale: f64) -> Viewport {
        let world = self.to_world(anchor);
        let scale = clamp_scale(scale);
        Viewport {
            scale,
            offset: ScreenPoint::new(anchor.x - world.x * scale, anchor.y - world.y * scale),
            size: self.size,
        }
    }

    /// The view two fingers make: scaled by how far apart they moved and
    /// panned by how far their midpoint moved, both measured from where they
    /// started (`start`), so a long pinch never drifts. Fingers that started
    /// on the same spot only pan.
    pub fn pinched(
        &self,
        start: (ScreenPoint, ScreenPoint),
        now: (ScreenPoint, ScreenPoint),
    ) -> Viewport {
        let d0 = start.0.distance(start.1);
        let d1 = now.0.distance(now.1);
        let factor = if d0 > 1.0 && d1.is_finite() {
            d1 / d0
        } else {
            1.0
        };
        let m0 = start.0.midpoint(start.1);
        let m1 = now.0.midpoint(now.1);
        self.with_scale_about(m0, self.scale * factor)
            .pan(m1.minus(m0))
    }

    /// Moves the picture by `by` screen pixels.
    pub fn pan(&self, by: ScreenVector) -> Viewport {
        if !(by.dx.is_finite() && by.dy.is_finite()) {
            return *self;
        }
        Viewport {
            offset: self.offset.plus(by),
            ..*self
        }
    }

    /// The same view for a resized canvas: the world point at the centre stays at the centre.
    pub fn resize(&self, size: ScreenSize) -> Viewport {
        let centre = self.to_world(self.size.centre());
        let c = size.centre();
        Viewport {
            scale: self.scale,
            offset: ScreenPoint::new(c.x - centre.x * self.scale, c.y - centre.y * self.scale),
            size,
        }
    }

    /// The viewport that shows `content` as large as fits, centred, with
    /// [`FIT_MARGIN_PX`] on every side; scale clamped.
    ///
    /// # Example
    /// ```
    /// use weave::core::geometry::{ScreenSize, Viewport, WorldPoint, WorldRect};
    /// let v = Viewport::new(ScreenSize::new(1920.0, 1080.0)).fit(WorldRect::rings());
    /// let me = v.to_screen(WorldPoint::ORIGIN);
    /// assert!((me.x - 960.0).abs() < 1e-9 && (me.y - 540.0).abs() < 1e-9);
    /// ```
    pub fn fit(&self, content: WorldRect) -> Viewport {
        let avail_w = (self.size.width - 2.0 * FIT_MARGIN_PX).max(1.0);
        let avail_h = (self.size.height - 2.0 * FIT_MARGIN_PX).max(1.0);
        let w = content.width().max(1.0);
        let h = content.height().max(1.0);
        let scale = clamp_scale((avail_w / w).min(avail_h / h));
        let c = content.centre();
        let sc = self.size.centre();
        Viewport {
            scale,
            offset: ScreenPoint::new(sc.x - c.x * scale, sc.y - c.y * scale),
            size: self.size,
        }
    }

    /// True when the scale is in range and every number is finite; the gesture
    /// machine's invariant.
    pub fn is_valid(&self) -> bool {
        self.scale.is_finite()
            && (MIN_SCALE..=MAX_SCALE).contains(&self.scale)
            && self.offset.is_finite()
    }
}

fn clamp_scale(scale: f64) -> f64 {
    if scale.is_finite() {
        scale.clamp(MIN_SCALE, MAX_SCALE)
    } else {
        1.0
    }
}

/// Outer radius of `ring` (1..=RINGS) in world units.
pub fn outer_radius(ring: u8) -> f64 {
    f64::from(ring.clamp(1, RINGS)) * RING_RADIUS
}

/// Inner radius of `ring`: the "me" bubble for ring 1, the previous ring's edge otherwise.
pub fn inner_radius(ring: u8) -> f64 {
    let ring = ring.clamp(1, RINGS);
    if ring == 1 {
        ME_RADIUS
    } else {
        f64::from(ring - 1) * RING_RADIUS
    }
}

/// Which ring a world point falls in: 1 nearest "me"; points beyond the outer
/// ring count as the outer ring, and "me" itself as ring 1.
pub fn ring_at(p: WorldPoint) -> u8 {
    let r = p.radius();
    if !r.is_finite() {
        return RINGS;
    }
    let ring = (r / RING_RADIUS).floor() + 1.0;
    if ring >= f64::from(RINGS) {
        RINGS
    } else if ring <= 1.0 {
        1
    } else {
        ring as u8
    }
}

/// The range of distances from "me" at which a bubble of `bubble_radius`
/// lies wholly inside `ring`. When the bubble is wider than the band the range
/// collapses to the band's middle.
pub fn ring_band(ring: u8, bubble_radius: f64) -> (f64, f64) {
    let (lo, hi) = (inner_radius(ring), outer_radius(ring));
    let (a, b) = (lo + bubble_radius, hi - bubble_radius);
    if a <= b {
        (a, b)
    } else {
        let mid = (lo + hi) / 2.0;
        (mid, mid)
    }
}

/// Moves `p` radially (keeping its angle) so a bubble of `bubble_radius` there
/// lies wholly inside `ring`. A point at the origin goes to the top of the ring.
pub fn clamp_to_ring(p: WorldPoint, ring: u8, bubble_radius: f64) -> WorldPoint {
    let (lo, hi) = ring_band(ring, bubble_radius);
    let r = p.radius();
    if r.is_finite() && r > 1e-9 && (lo..=hi).contains(&r) {
        // Already inside: returned untouched, so clamping twice changes nothing.
        return p;
    }
    let angle = if r > 1e-9 && r.is_finite() {
        p.angle()
    } else {
        -std::f64::consts::FRAC_PI_2
    };
    let r = if r.is_finite() { r.clamp(lo, hi) } else { hi };
    WorldPoint::polar(r, angle)
}

/// A bubble as the hit-test sees it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bubble {
    pub id: AlterId,
    pub centre: WorldPoint,
    /// World units.
    pub radius: f64,
    /// The ring the model says the person is in (1..=RINGS).
    pub ring: u8,
}

/// The bubble under `p`, if any. Later bubbles are drawn on top, so on overlap
/// the last one wins.
///
/// # Complexity
/// O(n) in the number of bubbles (a resident names at most a few dozen).
pub fn hit_test(bubbles: &[Bubble], p: WorldPoint) -> Option<AlterId> {
    hit_test_within(bubbles, p, 0.0)
}

/// Like [`hit_test`], but a touch within `tolerance` world units of a bubble's
/// edge still counts, so a small bubble is easy to hit with a finger. When
/// `p` is inside a bubble that bubble wins (the topmost); otherwise the bubble
/// whose edge is nearest within the tolerance.
pub fn hit_test_within(bubbles: &[Bubble], p: WorldPoint, tolerance: f64) -> Option<AlterId> {
    if !p.is_finite() {
        return None;
    }
    if let Some(b) = bubbles
        .iter()
        .rev()
        .find(|b| b.centre.distance(p) <= b.radius)
    {
        return Some(b.id);
    }
    let tolerance = if tolerance.is_finite() {
        tolerance.max(0.0)
    } else {
        0.0
    };
    bubbles
        .iter()
        .map(|b| (b.centre.distance(p) - b.radius, b.id))
        .filter(|(gap, _)| *gap <= tolerance)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn screen_world_round_trip() {
        let v = Viewport::new(ScreenSize::new(360.0, 740.0))
            .zoom_about(ScreenPoint::new(10.0, 20.0), 1.7);
        let s = ScreenPoint::new(123.0, 456.0);
        let back = v.to_screen(v.to_world(s));
        assert!(close(back.x, s.x) && close(back.y, s.y));
    }

    #[test]
    fn zoom_keeps_anchor_fixed_and_clamps() {
        let v = Viewport::new(ScreenSize::new(1920.0, 1080.0));
        let anchor = ScreenPoint::new(300.0, 200.0);
        let w = v.to_world(anchor);
        let z = v.zoom_about(anchor, 2.0);
        let s = z.to_screen(w);
        assert!(close(s.x, anchor.x) && close(s.y, anchor.y));
        assert_eq!(v.zoom_about(anchor, 1e9).scale, MAX_SCALE);
        assert_eq!(v.zoom_about(anchor, 1e-9).scale, MIN_SCALE);
        assert_eq!(v.zoom_about(anchor, f64::NAN), v);
    }

    #[test]
    fn fit_shows_all_rings_on_kiosk_and_phone() {
        for size in [
            ScreenSize::new(1920.0, 1080.0),
            ScreenSize::new(360.0, 740.0),
        ] {
            let v = Viewport::new(size);
            let r = outer_radius(RINGS);
            for p in [WorldPoint::new(-r, -r), WorldPoint::new(r, r)] {
                let s = v.to_screen(p);
                assert!(s.x >= 0.0 && s.x <= size.width && s.y >= 0.0 && s.y <= size.height);
            }
        }
    }

    #[test]
    fn rings_clamp_and_bands_stay_inside() {
        assert_eq!(ring_at(WorldPoint::ORIGIN), 1);
        assert_eq!(ring_at(WorldPoint::new(129.0, 0.0)), 1);
        assert_eq!(ring_at(WorldPoint::new(0.0, 131.0)), 2);
        assert_eq!(ring_at(WorldPoint::new(300.0, 0.0)), 3);
        assert_eq!(ring_at(WorldPoint::new(5000.0, 0.0)), 3);
        assert_eq!(ring_at(WorldPoint::new(f64::NAN, 0.0)), 3);
        for ring in 1..=RINGS {
            let p = clamp_to_ring(WorldPoint::new(9999.0, 1.0), ring, 20.0);
            assert_eq!(ring_at(p), ring);
            let q = clamp_to_ring(WorldPoint::ORIGIN, ring, 20.0);
            assert_eq!(ring_at(q), ring);
        }
    }

    #[test]
    fn hit_test_prefers_topmost_then_nearest_within_tolerance() {
        let bubbles = [
            Bubble {
                id: AlterId(1),
                centre: WorldPoint::new(0.0, 0.0),
                radius: 10.0,
                ring: 1,
            },
            Bubble {
                id: AlterId(2),
                centre: WorldPoint::new(5.0, 0.0),
                radius: 10.0,
                ring: 1,
            },
            Bubble {
                id: AlterId(3),
                centre: WorldPoint::new(100.0, 0.0),
                radius: 10.0,
                ring: 1,
            },
        ];
        assert_eq!(
            hit_test(&bubbles, WorldPoint::new(2.0, 0.0)),
            Some(AlterId(2))
        );
        assert_eq!(hit_test(&bubbles, WorldPoint::new(50.0, 0.0)), None);
        assert_eq!(
            hit_test_within(&bubbles, WorldPoint::new(85.0, 0.0), 6.0),
            Some(AlterId(3))
        );
        assert_eq!(
            hit_test_within(&bubbles, WorldPoint::new(80.0, 0.0), 6.0),
            None
        );
    }
}
