//! When to draw the picture again, and when to move the one on screen
//! instead. Drawing a large network without a GPU takes tens of
//! milliseconds; moving a drawn picture (a CSS transform, which the
//! browser's compositor applies) takes none. So while a finger drags or
//! pinches, a picture that was costly to draw is moved and scaled to follow
//! the camera, and drawn sharply again once the gesture rests (as sigma.js
//! and Gephi Lite keep still pictures while the camera moves); a cheap
//! picture is simply drawn every frame. A frame with nothing new draws
//! nothing.

use super::camera::Camera;

/// A picture costing more than this (ms) to draw is moved, not redrawn,
/// while the camera moves.
pub const CHEAP_MS: f64 = 6.0;

/// How the drawn picture maps onto the current camera: `screen = drawn ×
/// scale + (dx, dy)`, in CSS pixels from the top-left corner (CSS
/// `matrix(scale, 0, 0, scale, dx, dy)` with origin `0 0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub scale: f64,
    pub dx: f64,
    pub dy: f64,
}

impl Transform {
    pub const IDENTITY: Transform = Transform {
        scale: 1.0,
        dx: 0.0,
        dy: 0.0,
    };

    /// The transform taking a picture drawn with `drawn` to `now`.
    pub fn between(drawn: &Camera, now: &Camera) -> Transform {
        let scale = now.scale / drawn.scale;
        Transform {
            scale,
            dx: now.offset.x - drawn.offset.x * scale,
            dy: now.offset.y - drawn.offset.y * scale,
        }
    }

    /// The CSS `transform` value.
    pub fn css(&self) -> String {
        format!(
            "matrix({:.5},0,0,{:.5},{:.2},{:.2})",
            self.scale, self.scale, self.dx, self.dy
        )
    }
}

/// What a frame does with the picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plan {
    /// The picture on screen is the current one.
    Keep,
    /// Move the picture on screen (drawn for an earlier camera, perhaps
    /// from earlier positions) to follow the camera.
    Move(Transform),
    /// Draw the picture afresh (and show it untransformed).
    Draw,
}

/// The picture last drawn: its content (an identity of scene, styles,
/// positions and pixel density), its camera and what it cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn<K> {
    pub content: K,
    pub camera: Camera,
    pub cost_ms: f64,
}

/// Decides what this frame does, given the picture last drawn, the content
/// and camera now, and whether the camera is being moved by hand.
///
/// # Example
/// ```
/// use weave::core::geometry::{ScreenSize, ScreenVector};
/// use weave::core::playback::picture::{plan, Drawn, Plan};
/// use weave::core::playback::Camera;
/// let camera = Camera::new(ScreenSize::new(800.0, 600.0));
/// let drawn = Drawn { content: 1, camera, cost_ms: 30.0 };
/// let dragged = camera.pan(ScreenVector::new(10.0, 0.0));
/// assert!(matches!(plan(Some(&drawn), &1, &dragged, true), Plan::Move(t) if t.dx == 10.0));
/// assert_eq!(plan(Some(&drawn), &1, &dragged, false), Plan::Draw);
/// assert_eq!(plan(Some(&drawn), &1, &camera, false), Plan::Keep);
/// ```
pub fn plan<K: PartialEq>(
    drawn: Option<&Drawn<K>>,
    content: &K,
    camera: &Camera,
    moving: bool,
) -> Plan {
    let Some(d) = drawn else {
        return Plan::Draw;
    };
    if d.camera.size != camera.size || !d.camera.is_valid() || !camera.is_valid() {
        return Plan::Draw;
    }
    if d.content == *content && d.camera == *camera {
        return Plan::Keep;
    }
    if moving && d.cost_ms > CHEAP_MS {
        return Plan::Move(Transform::between(&d.camera, camera));
    }
    Plan::Draw
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::{ScreenPoint, ScreenSize, ScreenVector};

    fn camera() -> Camera {
        Camera::new(ScreenSize::new(800.0, 600.0))
    }

    #[test]
    fn a_moved_picture_lands_where_a_fresh_one_would() {
        let drawn = camera();
        let now = drawn.pan(ScreenVector::new(35.0, -12.0)).zoom_about(
            ScreenPoint::new(300.0, 200.0),
            1.7,
            1.0,
        );
        let t = Transform::between(&drawn, &now);
        for (x, y) in [(0.0, 0.0), (120.5, -40.0), (-300.0, 250.0)] {
            let (a, b) = drawn.to_screen(x, y);
            let moved = (a * t.scale + t.dx, b * t.scale + t.dy);
            let fresh = now.to_screen(x, y);
            assert!((moved.0 - fresh.0).abs() < 1e-9 && (moved.1 - fresh.1).abs() < 1e-9);
        }
        assert_eq!(Transform::between(&drawn, &drawn), Transform::IDENTITY);
        assert_eq!(
            Transform::IDENTITY.css(),
            "matrix(1.00000,0,0,1.00000,0.00,0.00)"
        );
    }

    #[test]
    fn costly_pictures_move_while_the_camera_moves_and_cheap_ones_redraw() {
        let c = camera();
        let later = c.pan(ScreenVector::new(5.0, 5.0));
        let costly = Drawn {
            content: 7u64,
            camera: c,
            cost_ms: 40.0,
        };
        let cheap = Drawn {
            cost_ms: 2.0,
            ..costly
        };
        assert!(matches!(
            plan(Some(&costly), &7, &later, true),
            Plan::Move(_)
        ));
        // New positions while dragging: still moved, drawn once it rests.
        assert!(matches!(
            plan(Some(&costly), &8, &later, true),
            Plan::Move(_)
        ));
        assert_eq!(plan(Some(&costly), &8, &later, false), Plan::Draw);
        assert_eq!(plan(Some(&cheap), &7, &later, true), Plan::Draw);
        assert_eq!(plan(Some(&cheap), &7, &c, true), Plan::Keep);
        assert_eq!(plan(None, &7, &c, false), Plan::Draw);
        let resized = Camera::new(ScreenSize::new(400.0, 600.0));
        assert_eq!(plan(Some(&costly), &7, &resized, true), Plan::Draw);
    }
}
