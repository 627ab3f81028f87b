//! Fingers and mouse on the sociogram: one pointer pans, two pinch, a short
//! press that hardly moved is a tap. Positions are CSS pixels relative to
//! the canvas, as the camera expects.

use crate::core::geometry::ScreenPoint;

/// Movement (px) under which a press still counts as a tap.
const TAP_SLOP: f64 = 8.0;
/// A press longer than this (ms) is not a tap.
const TAP_MS: f64 = 600.0;

/// What a pointer event means for the camera.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    None,
    Pan(ScreenPoint, ScreenPoint),
    Pinch((ScreenPoint, ScreenPoint), (ScreenPoint, ScreenPoint)),
    Tap(ScreenPoint),
}

/// The pointers currently down.
#[derive(Debug, Default)]
pub struct Pointers {
    down: Vec<(i32, ScreenPoint)>,
    start: Option<(ScreenPoint, f64)>,
    moved: bool,
}

impl Pointers {
    pub fn down(&mut self, id: i32, p: ScreenPoint, time: f64) {
        self.down.retain(|(i, _)| *i != id);
        self.down.push((id, p));
        if self.down.len() == 1 {
            self.start = Some((p, time));
            self.moved = false;
        } else {
            self.moved = true;
        }
    }

    pub fn moved(&mut self, id: i32, p: ScreenPoint) -> Gesture {
        let Some(k) = self.down.iter().position(|(i, _)| *i == id) else {
            return Gesture::None;
        };
        let old = self.down[k].1;
        self.down[k].1 = p;
        match self.down.len() {
            1 => {
                let far = self.start.is_some_and(|(s, _)| s.distance(p) > TAP_SLOP);
                if far || self.moved {
                    self.moved = true;
                    Gesture::Pan(old, p)
                } else {
                    Gesture::None
                }
            }
            _ => {
                let other = self.down[if k == 0 { 1 } else { 0 }].1;
                Gesture::Pinch((old, other), (p, other))
            }
        }
    }

    pub fn up(&mut self, id: i32, p: ScreenPoint, time: f64) -> Gesture {
        let was = self.down.len();
        self.down.retain(|(i, _)| *i != id);
        if was == 1 && self.down.is_empty() && !self.moved {
            if let Some((s, t)) = self.start.take() {
                if s.distance(p) <= TAP_SLOP && time - t <= TAP_MS {
                    return Gesture::Tap(p);
                }
            }
        }
        Gesture::None
    }

    pub fn cancel(&mut self, id: i32) {
        self.down.retain(|(i, _)| *i != id);
        self.moved = true;
    }
}
