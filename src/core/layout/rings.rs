//! Gentle automatic spacing on the resident's ego canvas: bubbles that overlap
//! are nudged apart, each kept wholly inside its ring; new bubbles go into the
//! largest free gap of their ring; bubbles shrink when the map gets crowded.
//!
//! Deterministic (no randomness, fixed visiting order), so the same map always
//! looks the same on the kiosk, the phone and in tests.

use crate::core::geometry::{clamp_to_ring, ring_band, Bubble, WorldPoint};
use crate::core::model::{AlterId, RINGS};
use std::f64::consts::{PI, TAU};

/// Bubble radius (world units) while the map is small: big, friendly targets.
pub const BUBBLE_RADIUS_MAX: f64 = 34.0;
/// Never smaller than this: a 44 px touch target at kiosk zoom (about 1.3 px per unit).
pub const BUBBLE_RADIUS_MIN: f64 = 17.0;
/// Space (world units) kept between two bubbles of the same ring.
pub const BUBBLE_GAP: f64 = 3.0;
/// Relaxation rounds before [`spread`] gives up on an over-full ring.
const MAX_ROUNDS: usize = 400;

/// The radius every bubble gets when `count` people are on the map: full size
/// up to 8, shrinking linearly to 22 at 30 people, never below [`BUBBLE_RADIUS_MIN`].
///
/// # Example
/// ```
/// use weave::core::layout::rings::bubble_radius;
/// assert!(bubble_radius(30) < bubble_radius(10));
/// assert_eq!(bubble_radius(0), bubble_radius(8));
/// ```
pub fn bubble_radius(count: usize) -> f64 {
    let over = count.saturating_sub(8) as f64;
    (BUBBLE_RADIUS_MAX - over * (12.0 / 22.0)).max(BUBBLE_RADIUS_MIN)
}

/// Where a new person named into `ring` should appear: the middle of the widest
/// empty arc of that ring, half-way across the ring. An empty ring avoids the
/// angles used in the other rings; an empty map starts at 12 o'clock.
///
/// # Complexity
/// O(n log n) in the number of bubbles.
pub fn place_new_alter(existing: &[Bubble], ring: u8, radius: f64) -> WorldPoint {
    let ring = ring.clamp(1, RINGS);
    let in_ring: Vec<f64> = existing
        .iter()
        .filter(|b| b.ring == ring && b.centre.is_finite())
        .map(|b| b.centre.angle())
        .collect();
    let angles = if in_ring.is_empty() {
        existing
            .iter()
            .filter(|b| b.centre.is_finite())
            .map(|b| b.centre.angle())
            .collect()
    } else {
        in_ring
    };
    let angle = widest_gap_middle(angles).unwrap_or(-PI / 2.0);
    let (lo, hi) = ring_band(ring, radius);
    WorldPoint::polar((lo + hi) / 2.0, angle)
}

/// The angle in the middle of the widest gap between the given angles; the
/// first such gap (counter-clockwise from -PI) on ties.
fn widest_gap_middle(mut angles: Vec<f64>) -> Option<f64> {
    if angles.is_empty() {
        return None;
    }
    angles.sort_by(f64::total_cmp);
    let n = angles.len();
    let mut best = (f64::NEG_INFINITY, 0.0);
    for i in 0..n {
        let from = angles[i];
        let to = if i + 1 < n {
            angles[i + 1]
        } else {
            angles[0] + TAU
        };
        let gap = to - from;
        if gap > best.0 + 1e-12 {
            best = (gap, from + gap / 2.0);
        }
    }
    Some(best.1)
}

/// Nudges overlapping bubbles apart, keeping every bubble wholly inside its
/// ring. The `pinned` bubble (the one just dropped or being dragged) does not
/// move; the others make room for it.
///
/// # Arguments
/// * `bubbles` - every bubble with its ring and radius.
/// * `pinned` - a bubble that must stay exactly where it is.
///
/// # Returns
/// The bubbles in the same order with adjusted centres. When a ring holds more
/// bubbles than fit, overlaps are made as small as the rounds allow.
///
/// # Complexity
/// O(rounds · n²), n a few dozen at most; rounds stop as soon as nothing overlaps.
pub fn spread(bubbles: &[Bubble], pinned: Option<AlterId>) -> Vec<Bubble> {
    let mut out: Vec<Bubble> = bubbles
        .iter()
        .map(|b| {
            let mut b = *b;
            b.ring = b.ring.clamp(1, RINGS);
            if Some(b.id) != pinned || !b.centre.is_finite() {
                b.centre = clamp_to_ring(b.centre, b.ring, b.radius);
            }
            b
        })
        .collect();
    for _ in 0..MAX_ROUNDS {
        if !relax_round(&mut out, pinned) {
            break;
        }
    }
    out
}

/// One pass over all pairs; true when anything had to move.
fn relax_round(bs: &mut [Bubble], pinned: Option<AlterId>) -> bool {
    let mut moved = false;
    for i in 0..bs.len() {
        for j in (i + 1)..bs.len() {
            let gap = if bs[i].ring == bs[j].ring {
                BUBBLE_GAP
            } else {
                0.0
            };
            let need = bs[i].radius + bs[j].radius + gap;
            let (pi, pj) = (bs[i].centre, bs[j].centre);
            let d = pi.distance(pj);
            if d >= need - 1e-9 {
                continue;
            }
            moved = true;
            let (ux, uy) = if d > 1e-9 {
                ((pj.x - pi.x) / d, (pj.y - pi.y) / d)
            } else {
                // Coincident: separate along the ring, the later bubble clockwise.
                let a = pi.angle();
                (-a.sin(), a.cos())
            };
            let push = need - d;
            let (si, sj) = match (Some(bs[i].id) == pinned, Some(bs[j].id) == pinned) {
                (true, false) => (0.0, push),
                (false, true) => (push, 0.0),
                (true, true) => (0.0, 0.0),
                (false, false) => (push / 2.0, push / 2.0),
            };
            let moved_i = WorldPoint::new(pi.x - ux * si, pi.y - uy * si);
            let moved_j = WorldPoint::new(pj.x + ux * sj, pj.y + uy * sj);
            bs[i].centre = clamp_to_ring(moved_i, bs[i].ring, bs[i].radius);
            bs[j].centre = clamp_to_ring(moved_j, bs[j].ring, bs[j].radius);
            if Some(bs[i].id) == pinned {
                bs[i].centre = pi;
            }
            if Some(bs[j].id) == pinned {
                bs[j].centre = pj;
            }
        }
    }
    moved
}

/// Pairs of bubbles that overlap by more than `tolerance` world units.
pub fn overlapping_pairs(bubbles: &[Bubble], tolerance: f64) -> Vec<(AlterId, AlterId)> {
    let mut out = Vec::new();
    for (i, a) in bubbles.iter().enumerate() {
        for b in &bubbles[i + 1..] {
            if a.centre.distance(b.centre) + tolerance < a.radius + b.radius {
                out.push((a.id, b.id));
            }
        }
    }
    out
}
