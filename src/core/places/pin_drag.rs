//! The pointer state machine of the map canvas:
//! `(state, event, scene) -> (state, intents)`, pure, like the people canvas's
//! [`gesture`](crate::core::gesture) machine.
//!
//! - **Press a pin and move** (facilitator) to drag it; it follows the finger
//!   and one [`MapIntent::Pin`] is emitted on release, so a drag is one undo
//!   step. Dropped past the picture's edge, it stays on the edge.
//! - **Press a place in the tray** (the list of places not pinned yet) and
//!   drag it onto the picture to pin it; released off the picture, nothing
//!   happens. The view forwards the tray press with [`MapPointer::from_tray`].
//! - **Tap a pin** to pick it ([`MapIntent::Tap`]): the resident adds or
//!   removes the place, the facilitator selects it.
//! - **One finger on empty space** pans; **two fingers** pinch-zoom and pan;
//!   lifting one carries on panning with the other. A second finger during a
//!   pin drag is ignored. A cancelled pointer abandons what it was doing.

use super::map::{hit_pin, MapSpace, PinSpot};
use crate::core::geometry::{ScreenPoint, Viewport, WorldPoint};
use crate::core::gesture::{slop_px, PointerId, PointerKind, PointerType};
use crate::core::model::{MapPin, PlaceId};

/// One pointer event, relative to the map element's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPointer {
    pub id: PointerId,
    pub kind: PointerKind,
    pub at: ScreenPoint,
    pub pointer_type: PointerType,
    /// On `Down`: the press began on this place in the tray, not on the map.
    pub from_tray: Option<PlaceId>,
}

#[derive(Debug, Clone, Copy)]
pub struct MapScene<'a> {
    pub viewport: Viewport,
    pub space: MapSpace,
    /// In drawing order: the last is on top.
    pub pins: &'a [PinSpot],
    /// Pins can be dragged (the facilitator's editor); otherwise only tapped.
    pub draggable: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MapIntent {
    Tap(PlaceId),
    TapEmpty,
    /// Draw this place at `at` while it is dragged (never stored).
    Preview {
        id: PlaceId,
        at: MapPin,
    },
    EndPreview,
    /// One undoable edit: the place was dropped here.
    Pin {
        id: PlaceId,
        at: MapPin,
    },
    ViewportChanged(Viewport),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum MapPhase {
    #[default]
    Idle,
    Pressing {
        pointer: PointerId,
        pointer_type: PointerType,
        start: ScreenPoint,
        on: Option<PlaceId>,
        from_tray: bool,
        viewport: Viewport,
    },
    Dragging {
        pointer: PointerId,
        id: PlaceId,
        /// World offset from the finger to the pin, so it does not jump.
        grab: (f64, f64),
        from_tray: bool,
    },
    Panning {
        pointer: PointerId,
        start: ScreenPoint,
        last: ScreenPoint,
        viewport: Viewport,
    },
    Pinching {
        a: (PointerId, ScreenPoint),
        b: (PointerId, ScreenPoint),
        start_a: ScreenPoint,
        start_b: ScreenPoint,
        viewport: Viewport,
    },
}

/// The machine; `Default` is idle.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapGesture {
    pub phase: MapPhase,
}

impl MapGesture {
    /// Steps the machine with one pointer event.
    ///
    /// # Returns
    /// The next state and what the view should do, in order.
    pub fn step(&self, e: &MapPointer, scene: &MapScene) -> (MapGesture, Vec<MapIntent>) {
        let next = |phase| MapGesture { phase };
        if !e.at.is_finite() {
            return (self.clone(), Vec::new());
        }
        match (&self.phase, e.kind) {
            (MapPhase::Idle, PointerKind::Down) => {
                let on = e
                    .from_tray
                    .clone()
                    .or_else(|| hit_pin(scene.pins, &scene.viewport, e.at));
                (
                    next(MapPhase::Pressing {
                        pointer: e.id,
                        pointer_type: e.pointer_type,
                        start: e.at,
                        on,
                        from_tray: e.from_tray.is_some(),
                        viewport: scene.viewport,
                    }),
                    Vec::new(),
                )
            }
            (
                MapPhase::Pressing {
                    pointer,
                    start,
                    viewport,
                    from_tray: false,
                    ..
                },
                PointerKind::Down,
            ) if *pointer != e.id => (
                next(MapPhase::Pinching {
                    a: (*pointer, *start),
                    b: (e.id, e.at),
                    start_a: *start,
                    start_b: e.at,
                    viewport: *viewport,
                }),
                Vec::new(),
            ),
            // A second finger joins a pan: the pinch starts from where both
            // fingers are now, with the pan so far (in the scene's viewport).
            (MapPhase::Panning { pointer, last, .. }, PointerKind::Down) if *pointer != e.id => (
                next(MapPhase::Pinching {
                    a: (*pointer, *last),
                    b: (e.id, e.at),
                    start_a: *last,
                    start_b: e.at,
                    viewport: scene.viewport,
                }),
                Vec::new(),
            ),
            (
                MapPhase::Pressing {
                    pointer,
                    pointer_type,
                    start,
                    on,
                    from_tray,
                    viewport,
                },
                PointerKind::Move,
            ) if *pointer == e.id => {
                if e.at.distance(*start) <= slop_px(*pointer_type) {
                    return (self.clone(), Vec::new());
                }
                match on {
                    Some(id) if scene.draggable => {
                        let finger = scene.viewport.to_world(*start);
                        let grab = match (*from_tray, scene.pins.iter().find(|p| &p.id == id)) {
                            (false, Some(p)) => (p.at.x - finger.x, p.at.y - finger.y),
                            _ => (0.0, 0.0),
                        };
                        let dragging = MapGesture {
                            phase: MapPhase::Dragging {
                                pointer: *pointer,
                                id: id.clone(),
                                grab,
                                from_tray: *from_tray,
                            },
                        };
                        let intents = dragging.preview(e.at, scene);
                        (dragging, intents)
                    }
                    _ if *from_tray => (self.clone(), Vec::new()),
                    _ => {
                        let panning = MapPhase::Panning {
                            pointer: *pointer,
                            start: *start,
                            last: e.at,
                            viewport: *viewport,
                        };
                        let vp = viewport.pan(e.at.minus(*start));
                        (next(panning), vec![MapIntent::ViewportChanged(vp)])
                    }
                }
            }
            (MapPhase::Dragging { pointer, .. }, PointerKind::Move) if *pointer == e.id => {
                (self.clone(), self.preview(e.at, scene))
            }
            (
                MapPhase::Dragging {
                    pointer,
                    id,
                    grab,
                    from_tray,
                },
                PointerKind::Up,
            ) if *pointer == e.id => {
                let w = scene.viewport.to_world(e.at);
                let w = WorldPoint::new(w.x + grab.0, w.y + grab.1);
                let mut intents = vec![MapIntent::EndPreview];
                match (scene.space.to_pin(w), from_tray) {
                    (Some(at), _) => intents.push(MapIntent::Pin { id: id.clone(), at }),
                    (None, false) => intents.push(MapIntent::Pin {
                        id: id.clone(),
                        at: scene.space.clamp_pin(w),
                    }),
                    (None, true) => {}
                }
                (MapGesture::default(), intents)
            }
            (MapPhase::Pressing { pointer, on, .. }, PointerKind::Up) if *pointer == e.id => {
                let intent = match on {
                    Some(id) => MapIntent::Tap(id.clone()),
                    None => MapIntent::TapEmpty,
                };
                (MapGesture::default(), vec![intent])
            }
            (
                MapPhase::Panning {
                    pointer,
                    start,
                    viewport,
                    ..
                },
                PointerKind::Move,
            ) if *pointer == e.id => (
                next(MapPhase::Panning {
                    pointer: *pointer,
                    start: *start,
                    last: e.at,
                    viewport: *viewport,
                }),
                vec![MapIntent::ViewportChanged(viewport.pan(e.at.minus(*start)))],
            ),
            (MapPhase::Panning { pointer, .. }, PointerKind::Up | PointerKind::Cancel)
                if *pointer == e.id =>
            {
                (MapGesture::default(), Vec::new())
            }
            (
                MapPhase::Pinching {
                    a,
                    b,
                    start_a,
                    start_b,
                    viewport,
                },
                PointerKind::Move,
            ) if e.id == a.0 || e.id == b.0 => {
                let (na, nb) = if e.id == a.0 {
                    ((a.0, e.at), *b)
                } else {
                    (*a, (b.0, e.at))
                };
                let vp = viewport.pinched((*start_a, *start_b), (na.1, nb.1));
                (
                    next(MapPhase::Pinching {
                        a: na,
                        b: nb,
                        start_a: *start_a,
                        start_b: *start_b,
                        viewport: *viewport,
                    }),
                    vec![MapIntent::ViewportChanged(vp)],
                )
            }
            (MapPhase::Pinching { a, b, .. }, PointerKind::Up | PointerKind::Cancel)
                if e.id == a.0 || e.id == b.0 =>
            {
                let other = if e.id == a.0 { *b } else { *a };
                (
                    next(MapPhase::Panning {
                        pointer: other.0,
                        start: other.1,
                        last: other.1,
                        viewport: scene.viewport,
                    }),
                    Vec::new(),
                )
            }
            (MapPhase::Dragging { pointer, .. }, PointerKind::Cancel) if *pointer == e.id => {
                (MapGesture::default(), vec![MapIntent::EndPreview])
            }
            (MapPhase::Pressing { pointer, .. }, PointerKind::Cancel) if *pointer == e.id => {
                (MapGesture::default(), Vec::new())
            }
            // Anything else (a palm during a drag, a stray up) changes nothing.
            _ => (self.clone(), Vec::new()),
        }
    }

    fn preview(&self, at: ScreenPoint, scene: &MapScene) -> Vec<MapIntent> {
        let MapPhase::Dragging { id, grab, .. } = &self.phase else {
            return Vec::new();
        };
        let w = scene.viewport.to_world(at);
        let w = WorldPoint::new(w.x + grab.0, w.y + grab.1);
        vec![MapIntent::Preview {
            id: id.clone(),
            at: scene.space.clamp_pin(w),
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::ScreenSize;

    fn scene(pins: &[PinSpot], draggable: bool) -> MapScene<'_> {
        let space = MapSpace::for_picture(None);
        let viewport = space.fit(&Viewport::new(ScreenSize::new(1048.0, 798.0)));
        MapScene {
            viewport,
            space,
            pins,
            draggable,
        }
    }

    fn ev(kind: PointerKind, at: ScreenPoint, tray: Option<&str>) -> MapPointer {
        MapPointer {
            id: PointerId(1),
            kind,
            at,
            pointer_type: PointerType::Touch,
            from_tray: tray.map(PlaceId::new),
        }
    }

    fn run(events: &[MapPointer], scene: &MapScene) -> Vec<MapIntent> {
        let mut g = MapGesture::default();
        let mut all = Vec::new();
        for e in events {
            let (n, i) = g.step(e, scene);
            g = n;
            all.extend(i);
        }
        assert_eq!(g.phase, MapPhase::Idle);
        all
    }

    #[test]
    fn dragging_a_pin_emits_one_pin_on_release() {
        let pins = vec![PinSpot {
            id: PlaceId::new("a"),
            at: WorldPoint::new(100.0, 100.0),
        }];
        let s = scene(&pins, true);
        let from = s.viewport.to_screen(WorldPoint::new(100.0, 100.0));
        let to = s.viewport.to_screen(WorldPoint::new(500.0, 375.0));
        let intents = run(
            &[
                ev(PointerKind::Down, from, None),
                ev(
                    PointerKind::Move,
                    ScreenPoint::new(from.x + 20.0, from.y),
                    None,
                ),
                ev(PointerKind::Move, to, None),
                ev(PointerKind::Up, to, None),
            ],
            &s,
        );
        let pins: Vec<_> = intents
            .iter()
            .filter(|i| matches!(i, MapIntent::Pin { .. }))
            .collect();
        assert_eq!(pins.len(), 1);
        let MapIntent::Pin { at, .. } = pins[0] else {
            unreachable!()
        };
        assert!((at.x - 0.5).abs() < 1e-9 && (at.y - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_tray_drop_off_the_picture_pins_nothing() {
        let s = scene(&[], true);
        let on_map = s.viewport.to_screen(WorldPoint::new(250.0, 250.0));
        let off = ScreenPoint::new(-50.0, -50.0);
        let dropped_off = run(
            &[
                ev(PointerKind::Down, off, Some("t")),
                ev(PointerKind::Move, ScreenPoint::new(0.0, 0.0), None),
                ev(PointerKind::Up, off, None),
            ],
            &s,
        );
        assert!(!dropped_off
            .iter()
            .any(|i| matches!(i, MapIntent::Pin { .. })));
        let dropped_on = run(
            &[
                ev(PointerKind::Down, off, Some("t")),
                ev(PointerKind::Move, on_map, None),
                ev(PointerKind::Up, on_map, None),
            ],
            &s,
        );
        assert!(dropped_on.contains(&MapIntent::Pin {
            id: PlaceId::new("t"),
            at: MapPin {
                x: 0.25,
                y: 250.0 / 750.0
            }
        }));
    }

    #[test]
    fn taps_pick_pins_and_pins_are_not_dragged_when_locked() {
        let pins = vec![PinSpot {
            id: PlaceId::new("a"),
            at: WorldPoint::new(100.0, 100.0),
        }];
        let s = scene(&pins, false);
        let at = s.viewport.to_screen(WorldPoint::new(100.0, 100.0));
        let tap = run(
            &[
                ev(PointerKind::Down, at, None),
                ev(PointerKind::Up, at, None),
            ],
            &s,
        );
        assert_eq!(tap, vec![MapIntent::Tap(PlaceId::new("a"))]);
        let far = ScreenPoint::new(at.x + 100.0, at.y);
        let pan = run(
            &[
                ev(PointerKind::Down, at, None),
                ev(PointerKind::Move, far, None),
                ev(PointerKind::Up, far, None),
            ],
            &s,
        );
        assert!(matches!(pan[0], MapIntent::ViewportChanged(_)));
        assert!(!pan.iter().any(|i| matches!(i, MapIntent::Pin { .. })));
    }

    #[test]
    fn cancel_abandons_a_drag() {
        let pins = vec![PinSpot {
            id: PlaceId::new("a"),
            at: WorldPoint::new(100.0, 100.0),
        }];
        let s = scene(&pins, true);
        let at = s.viewport.to_screen(WorldPoint::new(100.0, 100.0));
        let far = ScreenPoint::new(at.x + 100.0, at.y);
        let intents = run(
            &[
                ev(PointerKind::Down, at, None),
                ev(PointerKind::Move, far, None),
                ev(PointerKind::Cancel, far, None),
            ],
            &s,
        );
        assert_eq!(intents.last(), Some(&MapIntent::EndPreview));
        assert!(!intents.iter().any(|i| matches!(i, MapIntent::Pin { .. })));
    }

    #[test]
    fn two_fingers_zoom_about_their_midpoint() {
        let s = scene(&[], true);
        let mut g = MapGesture::default();
        let p = |id, kind, x, y| MapPointer {
            id: PointerId(id),
            kind,
            at: ScreenPoint::new(x, y),
            pointer_type: PointerType::Touch,
            from_tray: None,
        };
        let mut last = None;
        for e in [
            p(1, PointerKind::Down, 400.0, 400.0),
            p(2, PointerKind::Down, 600.0, 400.0),
            p(2, PointerKind::Move, 800.0, 400.0),
        ] {
            let (n, i) = g.step(&e, &s);
            g = n;
            if let Some(MapIntent::ViewportChanged(v)) = i.last() {
                last = Some(*v);
            }
        }
        let v = last.expect("a pinch changes the viewport");
        assert!((v.scale / s.viewport.scale - 2.0).abs() < 1e-9);
    }
}
