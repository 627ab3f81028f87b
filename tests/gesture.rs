//! The canvas gesture machine, tested by replaying pointer events (Graphite's
//! test_utils habit) and checking invariants after every single event.

use weave::core::geometry::{
    ring_at, Bubble, ScreenPoint, ScreenSize, Viewport, WorldPoint, MAX_SCALE,
};
use weave::core::gesture::{
    tie_handle, wheel, GestureState, Intent, Key, Phase, PointerEvent, PointerId, PointerKind,
    PointerType, Preview, Scene, WheelEvent,
};
use weave::core::model::{AlterId, AlterTie};

/// A tiny stand-in for the view: applies intents to its own scene.
struct Harness {
    state: GestureState,
    viewport: Viewport,
    bubbles: Vec<Bubble>,
    ties: Vec<AlterTie>,
    selected: Option<AlterId>,
    preview: Option<Preview>,
    opened: Vec<AlterId>,
    log: Vec<Intent>,
    time: f64,
}

const A: AlterId = AlterId(0);
const B: AlterId = AlterId(1);
const C: AlterId = AlterId(2);

impl Harness {
    fn kiosk() -> Self {
        let viewport = Viewport::new(ScreenSize::new(1920.0, 1080.0));
        let bubble = |id, ring: u8, angle: f64| {
            let centre = WorldPoint::polar((f64::from(ring) - 0.5) * 130.0, angle);
            Bubble {
                id,
                centre,
                radius: 30.0,
                ring,
            }
        };
        Harness {
            state: GestureState::new(),
            viewport,
            bubbles: vec![bubble(A, 1, 0.0), bubble(B, 2, 1.5), bubble(C, 3, 3.0)],
            ties: Vec::new(),
            selected: None,
            preview: None,
            opened: Vec::new(),
            log: Vec::new(),
            time: 0.0,
        }
    }

    fn scene(&self) -> Scene<'_> {
        Scene {
            viewport: self.viewport,
            bubbles: &self.bubbles,
            ties: &self.ties,
            selected: self.selected,
        }
    }

    fn screen_of(&self, id: AlterId) -> ScreenPoint {
        let b = self.bubbles.iter().find(|b| b.id == id).unwrap();
        self.viewport.to_screen(b.centre)
    }

    fn empty_spot(&self) -> ScreenPoint {
        // Far corner of the kiosk, outside every ring.
        ScreenPoint::new(60.0, 60.0)
    }

    fn send(&mut self, id: i32, kind: PointerKind, at: ScreenPoint) -> Vec<Intent> {
        self.send_typed(id, kind, at, PointerType::Touch)
    }

    fn send_typed(
        &mut self,
        id: i32,
        kind: PointerKind,
        at: ScreenPoint,
        pointer_type: PointerType,
    ) -> Vec<Intent> {
        self.time += 16.0;
        let ev = PointerEvent {
            id: PointerId(id),
            kind,
            at,
            time_ms: self.time,
            pointer_type,
        };
        let (next, intents) = self.state.step(&ev, &self.scene());
        self.state = next;
        self.apply(&intents);
        self.check();
        intents
    }

    fn key(&mut self, key: Key) -> Vec<Intent> {
        let (next, intents) = self.state.key(key, &self.scene());
        self.state = next;
        self.apply(&intents);
        self.check();
        intents
    }

    fn apply(&mut self, intents: &[Intent]) {
        for i in intents {
            self.log.push(*i);
            match *i {
                Intent::Select(id) => self.selected = Some(id),
                Intent::ClearSelection => self.selected = None,
                Intent::OpenQuestions(id) => self.opened.push(id),
                Intent::Preview(p) => self.preview = Some(p),
                Intent::EndPreview => self.preview = None,
                Intent::MoveAlter { id, to, ring } => {
                    let b = self.bubbles.iter_mut().find(|b| b.id == id).unwrap();
                    b.centre = to;
                    b.ring = ring;
                }
                Intent::AddTie(a, b) => {
                    assert!(!self.ties.contains(&AlterTie::new(a, b)), "tie added twice");
                    self.ties.push(AlterTie::new(a, b));
                }
                Intent::RemoveTie(a, b) => self.ties.retain(|t| *t != AlterTie::new(a, b)),
                Intent::RemoveAlter(id) => {
                    self.bubbles.retain(|b| b.id != id);
                    self.ties.retain(|t| !t.touches(id));
                }
                Intent::ViewportChanged(v) => self.viewport = v,
                Intent::TieStarted(_) | Intent::TieCancelled => {}
            }
        }
    }

    /// What must hold after every event.
    fn check(&self) {
        self.state.check_invariants(&self.scene()).unwrap();
        assert!(
            self.viewport.is_valid(),
            "viewport out of range: {:?}",
            self.viewport
        );
        for b in &self.bubbles {
            assert_eq!(
                ring_at(b.centre),
                b.ring,
                "bubble {:?} not inside its ring",
                b.id
            );
            let inside = (b.centre.radius() + b.radius) <= b.ring as f64 * 130.0 + 1e-6;
            assert!(inside, "bubble {:?} sticks out of its ring", b.id);
        }
        for t in &self.ties {
            assert_ne!(t.a, t.b);
        }
        let dragging = matches!(
            self.state.phase,
            Phase::Dragging { .. } | Phase::DrawingTie { .. }
        );
        assert_eq!(
            self.preview.is_some(),
            dragging,
            "a preview outlived its gesture (or is missing)"
        );
        assert!(self.state.active_pointers().len() <= 2);
    }

    fn tap(&mut self, id: i32, at: ScreenPoint) -> Vec<Intent> {
        let mut out = self.send(id, PointerKind::Down, at);
        out.extend(self.send(
            id,
            PointerKind::Move,
            ScreenPoint::new(at.x + 2.0, at.y - 1.0),
        ));
        out.extend(self.send(
            id,
            PointerKind::Up,
            ScreenPoint::new(at.x + 2.0, at.y - 1.0),
        ));
        self.time += 500.0; // separate taps are not double taps
        out
    }
}

fn off(p: ScreenPoint, dx: f64, dy: f64) -> ScreenPoint {
    ScreenPoint::new(p.x + dx, p.y + dy)
}

#[test]
fn tap_selects_then_tap_again_opens_questions() {
    let mut h = Harness::kiosk();
    let a = h.screen_of(A);
    assert_eq!(h.tap(1, a), vec![Intent::Select(A)]);
    assert_eq!(h.tap(2, a), vec![Intent::OpenQuestions(A)]);
    assert_eq!(h.selected, Some(A));
    h.tap(3, h.empty_spot());
    assert_eq!(h.selected, None);
}

#[test]
fn double_tap_opens_questions_and_on_empty_space_fits_the_view() {
    let mut h = Harness::kiosk();
    let b = h.screen_of(B);
    h.send(1, PointerKind::Down, b);
    h.send(1, PointerKind::Up, b);
    h.send(2, PointerKind::Down, off(b, 3.0, 3.0));
    let out = h.send(2, PointerKind::Up, off(b, 3.0, 3.0));
    assert_eq!(out, vec![Intent::OpenQuestions(B)]);

    let fitted = h.viewport;
    h.viewport = h.viewport.zoom_about(ScreenPoint::new(900.0, 500.0), 3.0);
    let e = h.empty_spot();
    h.send(3, PointerKind::Down, e);
    h.send(3, PointerKind::Up, e);
    h.send(4, PointerKind::Down, e);
    let out = h.send(4, PointerKind::Up, e);
    assert!(matches!(out.as_slice(), [Intent::ViewportChanged(_)]));
    assert!((h.viewport.scale - fitted.scale).abs() < 1e-9);
}

#[test]
fn small_wobble_is_a_tap_not_a_drag() {
    let mut h = Harness::kiosk();
    let a = h.screen_of(A);
    h.send(1, PointerKind::Down, a);
    assert!(h.send(1, PointerKind::Move, off(a, 5.0, 5.0)).is_empty()); // 7 px < 8 px slop
    assert_eq!(
        h.send(1, PointerKind::Up, off(a, 5.0, 5.0)),
        vec![Intent::Select(A)]
    );
    // A mouse has a tighter slop: 5 px is already a drag.
    let b = h.screen_of(B);
    h.send_typed(9, PointerKind::Down, b, PointerType::Mouse);
    let out = h.send_typed(9, PointerKind::Move, off(b, 5.0, 0.0), PointerType::Mouse);
    assert!(matches!(
        out.as_slice(),
        [Intent::Preview(Preview::Move { id: B, .. })]
    ));
}

#[test]
fn drag_moves_a_bubble_to_another_ring_as_one_move() {
    let mut h = Harness::kiosk();
    let a = h.screen_of(A);
    let me = h.viewport.to_screen(WorldPoint::ORIGIN);
    h.send(1, PointerKind::Down, a);
    // Drag straight out, away from "me", in small steps.
    let target = h.viewport.to_screen(WorldPoint::new(300.0, 0.0));
    let mut moves = 0;
    for k in 1..=10 {
        let t = k as f64 / 10.0;
        let p = ScreenPoint::new(a.x + (target.x - a.x) * t, a.y + (target.y - a.y) * t);
        let out = h.send(1, PointerKind::Move, p);
        assert!(
            out.iter().all(|i| matches!(i, Intent::Preview(_))),
            "only previews while dragging"
        );
        moves += 1;
    }
    assert_eq!(moves, 10);
    assert!(matches!(
        h.preview,
        Some(Preview::Move { id: A, ring: 3, .. })
    ));
    let out = h.send(1, PointerKind::Up, target);
    let drops: Vec<_> = out
        .iter()
        .filter(|i| matches!(i, Intent::MoveAlter { .. }))
        .collect();
    assert_eq!(drops.len(), 1, "a drag is exactly one move");
    assert_eq!(h.bubbles[0].ring, 3);
    assert!(me.x < h.screen_of(A).x);
    assert_eq!(h.selected, None, "dragging does not select");
}

#[test]
fn drop_far_outside_clamps_into_the_outer_ring() {
    let mut h = Harness::kiosk();
    let b = h.screen_of(B);
    h.send(1, PointerKind::Down, b);
    h.send(1, PointerKind::Move, ScreenPoint::new(1900.0, 1070.0));
    h.send(1, PointerKind::Up, ScreenPoint::new(1900.0, 1070.0));
    let moved = h.bubbles.iter().find(|x| x.id == B).unwrap();
    assert_eq!(moved.ring, 3);
}

#[test]
fn tap_tap_ties_two_people_and_again_unties_them() {
    let mut h = Harness::kiosk();
    let (a, b) = (h.screen_of(A), h.screen_of(B));
    h.tap(1, a);
    assert_eq!(h.tap(2, b), vec![Intent::AddTie(A, B)]);
    assert_eq!(h.ties, vec![AlterTie::new(A, B)]);
    assert_eq!(h.selected, Some(A), "the first person stays selected");
    let c = h.screen_of(C);
    assert_eq!(h.tap(3, c), vec![Intent::AddTie(A, C)]);
    assert_eq!(h.tap(4, b), vec![Intent::RemoveTie(A, B)]);
    assert_eq!(h.ties, vec![AlterTie::new(A, C)]);
}

#[test]
fn tie_handle_drag_draws_a_rubber_band_then_a_tie() {
    let mut h = Harness::kiosk();
    h.tap(1, h.screen_of(A));
    let handle = tie_handle(&h.scene()).unwrap();
    let out = h.send(2, PointerKind::Down, handle);
    assert!(matches!(
        out.as_slice(),
        [Intent::Preview(Preview::Tie {
            from: A,
            target: None,
            ..
        })]
    ));
    let c = h.screen_of(C);
    let mid = handle.midpoint(c);
    h.send(2, PointerKind::Move, mid);
    assert!(matches!(
        h.preview,
        Some(Preview::Tie {
            from: A,
            target: None,
            ..
        })
    ));
    h.send(2, PointerKind::Move, c);
    assert!(matches!(
        h.preview,
        Some(Preview::Tie {
            from: A,
            target: Some(C),
            ..
        })
    ));
    let out = h.send(2, PointerKind::Up, c);
    assert_eq!(out, vec![Intent::EndPreview, Intent::AddTie(A, C)]);

    // Released over empty space: nothing is drawn.
    let handle = tie_handle(&h.scene()).unwrap();
    h.send(3, PointerKind::Down, handle);
    h.send(3, PointerKind::Move, h.empty_spot());
    let out = h.send(3, PointerKind::Up, h.empty_spot());
    assert_eq!(out, vec![Intent::EndPreview]);
    assert_eq!(h.ties.len(), 1);
}

#[test]
fn one_finger_on_empty_space_pans() {
    let mut h = Harness::kiosk();
    let before = h.viewport;
    let e = ScreenPoint::new(100.0, 900.0);
    h.send(1, PointerKind::Down, e);
    h.send(1, PointerKind::Move, off(e, 50.0, -20.0));
    h.send(1, PointerKind::Move, off(e, 100.0, -40.0));
    h.send(1, PointerKind::Up, off(e, 100.0, -40.0));
    assert!((h.viewport.offset.x - before.offset.x - 100.0).abs() < 1e-9);
    assert!((h.viewport.offset.y - before.offset.y + 40.0).abs() < 1e-9);
    assert_eq!(h.viewport.scale, before.scale);
}

#[test]
fn pinch_zooms_about_the_midpoint_then_one_lifted_finger_keeps_panning() {
    let mut h = Harness::kiosk();
    let (p, q) = (
        ScreenPoint::new(800.0, 500.0),
        ScreenPoint::new(1000.0, 500.0),
    );
    let mid_world = h.viewport.to_world(p.midpoint(q));
    let scale0 = h.viewport.scale;
    h.send(1, PointerKind::Down, p);
    h.send(2, PointerKind::Down, q);
    assert!(matches!(h.state.phase, Phase::Pinching { .. }));
    h.send(1, PointerKind::Move, ScreenPoint::new(700.0, 500.0));
    h.send(2, PointerKind::Move, ScreenPoint::new(1100.0, 500.0));
    assert!((h.viewport.scale - scale0 * 2.0).abs() < 1e-9);
    let m = h.viewport.to_screen(mid_world);
    assert!(
        (m.x - 900.0).abs() < 1e-9 && (m.y - 500.0).abs() < 1e-9,
        "midpoint stays under the fingers"
    );

    // Lift the FIRST finger: the second carries on as a pan.
    h.send(1, PointerKind::Up, ScreenPoint::new(700.0, 500.0));
    assert!(matches!(
        h.state.phase,
        Phase::Panning {
            pointer: PointerId(2),
            ..
        }
    ));
    let before = h.viewport;
    h.send(2, PointerKind::Move, ScreenPoint::new(1150.0, 520.0));
    assert!((h.viewport.offset.x - before.offset.x - 50.0).abs() < 1e-9);
    assert_eq!(h.viewport.scale, before.scale);
    h.send(2, PointerKind::Up, ScreenPoint::new(1150.0, 520.0));
    assert_eq!(h.state.phase, Phase::Idle);
}

#[test]
fn pinch_ending_with_second_finger_first_and_third_finger_ignored() {
    let mut h = Harness::kiosk();
    h.send(1, PointerKind::Down, ScreenPoint::new(800.0, 500.0));
    h.send(2, PointerKind::Down, ScreenPoint::new(1000.0, 500.0));
    let v = h.viewport;
    assert!(h
        .send(3, PointerKind::Down, ScreenPoint::new(500.0, 500.0))
        .is_empty());
    assert!(h
        .send(3, PointerKind::Move, ScreenPoint::new(100.0, 100.0))
        .is_empty());
    assert_eq!(h.viewport, v);
    assert!(h
        .send(3, PointerKind::Up, ScreenPoint::new(100.0, 100.0))
        .is_empty());
    assert_eq!(h.state.active_pointers(), vec![PointerId(1), PointerId(2)]);
    h.send(2, PointerKind::Up, ScreenPoint::new(1000.0, 500.0));
    h.send(1, PointerKind::Up, ScreenPoint::new(800.0, 500.0));
    assert_eq!(h.state.phase, Phase::Idle);
}

#[test]
fn pinch_cannot_zoom_past_the_limit() {
    let mut h = Harness::kiosk();
    h.send(1, PointerKind::Down, ScreenPoint::new(950.0, 500.0));
    h.send(2, PointerKind::Down, ScreenPoint::new(960.0, 500.0));
    h.send(2, PointerKind::Move, ScreenPoint::new(1900.0, 500.0));
    assert_eq!(h.viewport.scale, MAX_SCALE);
    // Fingers meeting exactly: no division by zero.
    h.send(2, PointerKind::Move, ScreenPoint::new(950.0, 500.0));
    h.send(1, PointerKind::Cancel, ScreenPoint::new(950.0, 500.0));
    h.send(2, PointerKind::Up, ScreenPoint::new(950.0, 500.0));
}

#[test]
fn a_press_becomes_a_pinch_when_a_second_finger_lands_and_never_taps() {
    let mut h = Harness::kiosk();
    let a = h.screen_of(A);
    h.send(1, PointerKind::Down, a);
    h.send(2, PointerKind::Down, off(a, 300.0, 0.0));
    assert!(matches!(h.state.phase, Phase::Pinching { .. }));
    h.send(1, PointerKind::Up, a);
    h.send(2, PointerKind::Up, off(a, 300.0, 0.0));
    assert!(h.log.iter().all(|i| !matches!(i, Intent::Select(_))));
}

#[test]
fn cancel_mid_drag_puts_the_bubble_back() {
    let mut h = Harness::kiosk();
    let before = h.bubbles.clone();
    let a = h.screen_of(A);
    h.send(1, PointerKind::Down, a);
    h.send(1, PointerKind::Move, off(a, 80.0, 80.0));
    // A second finger during a drag is ignored.
    assert!(h.send(2, PointerKind::Down, off(a, 400.0, 0.0)).is_empty());
    let out = h.send(1, PointerKind::Cancel, off(a, 80.0, 80.0));
    assert_eq!(out, vec![Intent::EndPreview]);
    assert_eq!(h.bubbles, before);
    assert_eq!(h.state.phase, Phase::Idle);
    // The stray finger's later events do nothing.
    assert!(h.send(2, PointerKind::Up, off(a, 400.0, 0.0)).is_empty());
}

#[test]
fn non_finite_coordinates_cancel_instead_of_poisoning_the_view() {
    let mut h = Harness::kiosk();
    let a = h.screen_of(A);
    h.send(1, PointerKind::Down, a);
    h.send(1, PointerKind::Move, off(a, 50.0, 0.0));
    h.send(1, PointerKind::Move, ScreenPoint::new(f64::NAN, 3.0));
    assert_eq!(h.state.phase, Phase::Idle);
    assert!(wheel(
        &WheelEvent {
            at: a,
            delta_y: f64::INFINITY
        },
        &h.scene()
    )
    .is_empty());
}

#[test]
fn wheel_zooms_about_the_mouse() {
    let h = Harness::kiosk();
    let at = ScreenPoint::new(400.0, 300.0);
    let w = h.viewport.to_world(at);
    let out = wheel(
        &WheelEvent {
            at,
            delta_y: -100.0,
        },
        &h.scene(),
    );
    let [Intent::ViewportChanged(v)] = out.as_slice() else {
        panic!("{out:?}")
    };
    assert!(v.scale > h.viewport.scale);
    let s = v.to_screen(w);
    assert!((s.x - at.x).abs() < 1e-9 && (s.y - at.y).abs() < 1e-9);
}

#[test]
fn keyboard_moves_rings_and_angles_opens_deletes_and_ties() {
    let mut h = Harness::kiosk();
    assert!(h.key(Key::Up).is_empty(), "nothing selected, nothing moves");
    h.key(Key::Next);
    assert_eq!(h.selected, Some(A));
    assert!(h.key(Key::Up).is_empty(), "ring 1 is already closest");
    h.key(Key::Down);
    h.key(Key::Down);
    h.key(Key::Down);
    assert_eq!(h.bubbles[0].ring, 3);
    let angle = h.bubbles[0].centre.angle();
    h.key(Key::Right);
    assert!((h.bubbles[0].centre.angle() - angle - std::f64::consts::PI / 12.0).abs() < 1e-9);
    assert_eq!(h.key(Key::Enter), vec![Intent::OpenQuestions(A)]);

    assert_eq!(h.key(Key::Tie), vec![Intent::TieStarted(A)]);
    h.key(Key::Next);
    assert_eq!(h.selected, Some(B));
    assert_eq!(h.key(Key::Enter), vec![Intent::AddTie(A, B)]);
    assert_eq!(
        h.key(Key::Enter),
        vec![Intent::OpenQuestions(B)],
        "the tie is complete"
    );
    h.key(Key::Tie);
    assert_eq!(h.key(Key::Escape), vec![Intent::TieCancelled]);
    assert_eq!(h.key(Key::Escape), vec![Intent::ClearSelection]);
    h.key(Key::Previous);
    assert_eq!(h.selected, Some(C));
    h.key(Key::Delete);
    assert_eq!(h.bubbles.len(), 2);
    assert_eq!(h.selected, None);
    let scale = h.viewport.scale;
    h.key(Key::ZoomIn);
    assert!(h.viewport.scale > scale);
    assert_eq!(Key::from_dom("ArrowUp"), Some(Key::Up));
    assert_eq!(Key::from_dom("Tab"), None);
}

#[test]
fn long_random_replays_keep_every_invariant() {
    // A deterministic pseudo-random storm of pointer events over a phone screen.
    let mut h = Harness::kiosk();
    h.viewport = Viewport::new(ScreenSize::new(360.0, 740.0));
    let mut s: u64 = 0x5EED;
    let mut rnd = |n: u64| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s % n
    };
    for _ in 0..4000 {
        let id = rnd(4) as i32;
        let kind = [
            PointerKind::Down,
            PointerKind::Move,
            PointerKind::Move,
            PointerKind::Move,
            PointerKind::Up,
            PointerKind::Cancel,
        ][rnd(6) as usize];
        let at = if rnd(3) == 0 {
            let b = h.bubbles[rnd(h.bubbles.len() as u64) as usize].id;
            off(h.screen_of(b), rnd(20) as f64 - 10.0, rnd(20) as f64 - 10.0)
        } else {
            ScreenPoint::new(rnd(360) as f64, rnd(740) as f64)
        };
        h.send(id, kind, at);
    }
    for id in 0..4 {
        h.send(id, PointerKind::Up, ScreenPoint::new(10.0, 10.0));
    }
    assert_eq!(h.state.phase, Phase::Idle);
    // The storm really exercised the machine.
    let seen = |f: fn(&Intent) -> bool| h.log.iter().any(f);
    assert!(seen(|i| matches!(i, Intent::MoveAlter { .. })));
    assert!(seen(|i| matches!(i, Intent::ViewportChanged(_))));
    assert!(seen(|i| matches!(i, Intent::Select(_))));
    assert!(seen(|i| matches!(i, Intent::EndPreview)));
}
