//! The map canvas's world: the picture spans `MAP_WIDTH` world units across
//! (and as many down as its shape needs), pins are fractions of it, and the
//! resident's places fan out from "me" in the middle. Screen coordinates go
//! through the shared [`Viewport`], so zoom, pan and fit behave as on the
//! people canvas.

use crate::core::geometry::{ScreenPoint, Viewport, WorldPoint, WorldRect};
use crate::core::model::{MapPicture, MapPin, PlaceId};

/// World units across the picture, whatever its pixel size.
pub const MAP_WIDTH: f64 = 1000.0;
/// The shape of the canvas when there is no picture (4:3).
const NO_PICTURE_HEIGHT: f64 = 750.0;
/// Extra reach (screen px) around a pin that still counts as touching it: a
/// pin is drawn 28 px across, so a finger gets a 48 px target or more.
pub const PIN_TOUCH_PX: f64 = 26.0;

/// The picture's extent in world units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapSpace {
    pub width: f64,
    pub height: f64,
}

impl MapSpace {
    pub fn for_picture(picture: Option<&MapPicture>) -> MapSpace {
        let height = picture
            .filter(|p| p.width > 0 && p.height > 0)
            .map_or(NO_PICTURE_HEIGHT, |p| {
                MAP_WIDTH * f64::from(p.height) / f64::from(p.width)
            });
        MapSpace {
            width: MAP_WIDTH,
            height,
        }
    }

    pub fn rect(&self) -> WorldRect {
        WorldRect {
            min: WorldPoint::new(0.0, 0.0),
            max: WorldPoint::new(self.width, self.height),
        }
    }

    pub fn centre(&self) -> WorldPoint {
        WorldPoint::new(self.width / 2.0, self.height / 2.0)
    }

    pub fn to_world(&self, pin: MapPin) -> WorldPoint {
        WorldPoint::new(pin.x * self.width, pin.y * self.height)
    }

    /// The pin for a world point, or `None` off the picture.
    pub fn to_pin(&self, p: WorldPoint) -> Option<MapPin> {
        let pin = MapPin {
            x: p.x / self.width,
            y: p.y / self.height,
        };
        ((0.0..=1.0).contains(&pin.x) && (0.0..=1.0).contains(&pin.y)).then_some(pin)
    }

    /// The nearest pin on the picture (a drag that overshoots the edge).
    pub fn clamp_pin(&self, p: WorldPoint) -> MapPin {
        MapPin {
            x: (p.x / self.width).clamp(0.0, 1.0),
            y: (p.y / self.height).clamp(0.0, 1.0),
        }
    }

    /// The viewport that shows the whole picture.
    pub fn fit(&self, viewport: &Viewport) -> Viewport {
        viewport.fit(self.rect())
    }

    /// Where "me" sits on a resident's map with a picture: just below it,
    /// in the middle, so links fan up into the map and "me" never hides a
    /// place.
    pub fn me_below(&self) -> WorldPoint {
        WorldPoint::new(self.width / 2.0, self.height + ME_GAP)
    }

    /// The picture and the band below it where "me" and the resident's
    /// places without a pin sit.
    pub fn resident_rect(&self) -> WorldRect {
        WorldRect {
            min: WorldPoint::new(0.0, 0.0),
            max: WorldPoint::new(self.width, self.height + 2.0 * ME_GAP),
        }
    }
}

/// World units between the picture's bottom edge and "me".
pub const ME_GAP: f64 = 80.0;

/// Places without a pin on a resident's map with a picture: in a row beside
/// "me", alternately left and right, spaced to stay within the picture's width.
pub fn row_beside(me: WorldPoint, count: usize, width: f64) -> Vec<WorldPoint> {
    let per_side = count.div_ceil(2).max(1) as f64;
    let spacing = ((width / 2.0 - 60.0) / per_side).min(200.0);
    (0..count)
        .map(|i| {
            let step = (i / 2 + 1) as f64 * spacing;
            let dx = if i % 2 == 0 { -step } else { step };
            WorldPoint::new(me.x + dx, me.y)
        })
        .collect()
}

/// A pin as drawn: which place, where in the world.
#[derive(Debug, Clone, PartialEq)]
pub struct PinSpot {
    pub id: PlaceId,
    pub at: WorldPoint,
}

/// The topmost pin under a screen point, within [`PIN_TOUCH_PX`]; the last
/// in `pins` is drawn on top.
pub fn hit_pin(pins: &[PinSpot], viewport: &Viewport, at: ScreenPoint) -> Option<PlaceId> {
    let mut best: Option<(f64, &PinSpot)> = None;
    for pin in pins.iter().rev() {
        let d = viewport.to_screen(pin.at).distance(at);
        if d <= PIN_TOUCH_PX && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, pin));
        }
    }
    best.map(|(_, p)| p.id.clone())
}

/// Where the resident's places that have no pin sit: evenly round a circle
/// about `me`, starting at the top, so the links fan out. `count` places,
/// radius in world units.
pub fn fan(me: WorldPoint, count: usize, radius: f64) -> Vec<WorldPoint> {
    (0..count)
        .map(|i| {
            let angle = -std::f64::consts::FRAC_PI_2
                + std::f64::consts::TAU * (i as f64) / (count.max(1) as f64);
            WorldPoint::new(me.x + radius * angle.cos(), me.y + radius * angle.sin())
        })
        .collect()
}

/// A gentle curve from `me` to a place, as an SVG path in world units: links
/// bow a little to one side so several to nearby places stay apart.
pub fn link_path(me: WorldPoint, to: WorldPoint) -> String {
    let (dx, dy) = (to.x - me.x, to.y - me.y);
    let mid = WorldPoint::new(me.x + dx / 2.0 - dy * 0.12, me.y + dy / 2.0 + dx * 0.12);
    format!(
        "M{:.1} {:.1} Q{:.1} {:.1} {:.1} {:.1}",
        me.x, me.y, mid.x, mid.y, to.x, to.y
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::ScreenSize;

    fn picture(w: u32, h: u32) -> MapPicture {
        MapPicture {
            id: "x".into(),
            mime: "image/png".into(),
            width: w,
            height: h,
            file_name: String::new(),
            bytes: 0,
        }
    }

    #[test]
    fn pins_are_fractions_of_the_picture() {
        let space = MapSpace::for_picture(Some(&picture(1600, 800)));
        assert_eq!(space.height, 500.0);
        let pin = MapPin { x: 0.25, y: 0.5 };
        let w = space.to_world(pin);
        assert_eq!((w.x, w.y), (250.0, 250.0));
        assert_eq!(space.to_pin(w), Some(pin));
        assert_eq!(space.to_pin(WorldPoint::new(-1.0, 10.0)), None);
        assert_eq!(
            space.clamp_pin(WorldPoint::new(2000.0, -5.0)),
            MapPin { x: 1.0, y: 0.0 }
        );
    }

    #[test]
    fn hit_test_prefers_the_nearest_and_topmost_pin() {
        let space = MapSpace::for_picture(None);
        let vp = space.fit(&Viewport::new(ScreenSize::new(1048.0, 798.0)));
        let pins = vec![
            PinSpot {
                id: PlaceId::new("a"),
                at: WorldPoint::new(100.0, 100.0),
            },
            PinSpot {
                id: PlaceId::new("b"),
                at: WorldPoint::new(110.0, 100.0),
            },
        ];
        let near_a = vp.to_screen(WorldPoint::new(98.0, 100.0));
        assert_eq!(hit_pin(&pins, &vp, near_a), Some(PlaceId::new("a")));
        let far = vp.to_screen(WorldPoint::new(400.0, 400.0));
        assert_eq!(hit_pin(&pins, &vp, far), None);
    }

    #[test]
    fn the_row_beside_me_stays_under_the_picture() {
        let space = MapSpace::for_picture(None);
        let me = space.me_below();
        let row = row_beside(me, 7, space.width);
        assert_eq!(row.len(), 7);
        assert!(row
            .iter()
            .all(|p| p.x > 0.0 && p.x < space.width && p.y == me.y));
        assert!(row[0].x < me.x && row[1].x > me.x);
        assert!(space.resident_rect().max.y > me.y);
    }

    #[test]
    fn fan_spreads_places_evenly_round_me() {
        let me = WorldPoint::new(500.0, 375.0);
        let spots = fan(me, 4, 100.0);
        assert!((spots[0].y - 275.0).abs() < 1e-9, "first at the top");
        for s in &spots {
            assert!((s.distance(me) - 100.0).abs() < 1e-9);
        }
        assert!(fan(me, 0, 100.0).is_empty());
    }
}
