//! Ring spacing on the ego canvas: crowded maps still fit without overlaps,
//! every bubble stays in its ring, and the result is deterministic.

use weave::core::geometry::{ring_at, ring_band, Bubble, WorldPoint, RING_RADIUS};
use weave::core::layout::rings::{
    bubble_radius, overlapping_pairs, place_new_alter, spread, BUBBLE_RADIUS_MIN,
};
use weave::core::model::AlterId;

/// `per_ring[k]` bubbles in ring k+1, all dropped at the same spot of their ring (the worst case).
fn piled(per_ring: [usize; 3]) -> Vec<Bubble> {
    let count: usize = per_ring.iter().sum();
    let radius = bubble_radius(count);
    let mut out = Vec::new();
    for (k, &n) in per_ring.iter().enumerate() {
        let ring = k as u8 + 1;
        for _ in 0..n {
            let id = AlterId(out.len() as u32);
            let centre = WorldPoint::polar((f64::from(ring) - 0.5) * RING_RADIUS, 0.3);
            out.push(Bubble {
                id,
                centre,
                radius,
                ring,
            });
        }
    }
    out
}

fn assert_well_spread(bubbles: &[Bubble]) {
    assert!(
        overlapping_pairs(bubbles, 0.5).is_empty(),
        "overlaps: {:?}",
        overlapping_pairs(bubbles, 0.5)
    );
    for b in bubbles {
        assert!(b.centre.is_finite());
        assert_eq!(ring_at(b.centre), b.ring, "{:?} left its ring", b.id);
        let (lo, hi) = ring_band(b.ring, b.radius);
        let r = b.centre.radius();
        assert!(
            r >= lo - 1e-6 && r <= hi + 1e-6,
            "{:?} pokes out of ring {}",
            b.id,
            b.ring
        );
    }
}

#[test]
fn thirty_piled_up_bubbles_spread_without_overlap() {
    for per_ring in [
        [10, 10, 10],
        [6, 10, 14],
        [0, 0, 30],
        [12, 18, 0],
        [15, 15, 0],
        [3, 27, 0],
    ] {
        let out = spread(&piled(per_ring), None);
        assert_well_spread(&out);
    }
}

#[test]
fn fifteen_to_thirty_names_placed_one_by_one_fit() {
    for count in [15, 20, 25, 30] {
        let radius = bubble_radius(count);
        let mut bubbles: Vec<Bubble> = Vec::new();
        for i in 0..count {
            let ring = [1, 2, 2, 3, 3][i % 5];
            let centre = place_new_alter(&bubbles, ring, radius);
            let b = Bubble {
                id: AlterId(i as u32),
                centre,
                radius,
                ring,
            };
            bubbles.push(b);
            bubbles = spread(&bubbles, Some(b.id));
        }
        assert_well_spread(&bubbles);
    }
}

#[test]
fn bubbles_shrink_when_crowded_but_stay_touchable() {
    let radii: Vec<f64> = (0..60).map(bubble_radius).collect();
    assert!(radii.windows(2).all(|w| w[1] <= w[0]));
    assert!(bubble_radius(30) < bubble_radius(15));
    assert!(radii.iter().all(|r| *r >= BUBBLE_RADIUS_MIN));
    // A bubble always fits in the narrowest band (ring 1, around "me").
    assert!(2.0 * bubble_radius(0) <= RING_RADIUS - weave::core::geometry::ME_RADIUS);
}

#[test]
fn the_pinned_bubble_stays_and_the_others_make_room() {
    let mut bubbles = piled([0, 5, 0]);
    let pinned = bubbles[2];
    let out = spread(&bubbles, Some(pinned.id));
    assert_eq!(out[2].centre, pinned.centre);
    assert_well_spread(&out);
    // Deterministic: the same input gives the same picture.
    assert_eq!(spread(&bubbles, Some(pinned.id)), out);
    // A map with no overlaps is left exactly as it is.
    bubbles = out.clone();
    assert_eq!(spread(&bubbles, None), out);
}

#[test]
fn new_names_go_into_the_widest_gap() {
    let r = bubble_radius(3);
    let at = |deg: f64| WorldPoint::polar(1.5 * RING_RADIUS, deg.to_radians());
    let existing = [
        Bubble {
            id: AlterId(0),
            centre: at(0.0),
            radius: r,
            ring: 2,
        },
        Bubble {
            id: AlterId(1),
            centre: at(90.0),
            radius: r,
            ring: 2,
        },
    ];
    let p = place_new_alter(&existing, 2, r);
    assert!(
        (p.angle().to_degrees() + 135.0).abs() < 1e-6,
        "got {}",
        p.angle().to_degrees()
    );
    assert_eq!(ring_at(p), 2);
    // An empty ring avoids the angles used elsewhere; an empty map starts at 12 o'clock.
    let q = place_new_alter(&existing, 3, r);
    assert_eq!(ring_at(q), 3);
    assert!((q.angle().to_degrees() + 135.0).abs() < 1e-6);
    let first = place_new_alter(&[], 1, r);
    assert!(first.x.abs() < 1e-9 && first.y < 0.0);
}
