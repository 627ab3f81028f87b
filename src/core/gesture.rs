//! The pointer state machine of the ego canvas: `(state, event) -> (state, intents)`.
//!
//! Pure: the view feeds it pointer, wheel and key events plus a [`Scene`]
//! (viewport, bubbles, ties, selection) and applies the [`Intent`]s it returns;
//! it owns no model data and never edits anything itself.
//!
//! # The design, for residents who have never used a drawing tool
//! - **Tap a bubble** to select it. A selected bubble shows a *tie handle*
//!   (a small knob, see [`tie_handle`]).
//! - **Tap the selected bubble again** (or double-tap any bubble) to open its
//!   questions.
//! - **Tap a second bubble while one is selected** to join the two people with a
//!   tie ("they know each other"); tapping two people who are already joined
//!   removes the tie. The first bubble stays selected, so one person can be
//!   joined to several quickly.
//! - **Tap empty space** to clear the selection; **double-tap empty space** to
//!   fit the whole map on screen again.
//! - **Press a bubble and move** more than [`slop_px`] to drag it; it follows the
//!   finger (a transient [`Intent::Preview`]) and one [`Intent::MoveAlter`] is
//!   emitted on release, with the ring it was dropped in, so a drag is one
//!   undoable command.
//! - **Drag from the tie handle** to another bubble to draw a tie with a
//!   rubber-band line; releasing over empty space draws nothing.
//! - **One finger on empty space** pans; **two fingers** pinch-zoom about
//!   their midpoint and pan together. Lifting one of two fingers carries on
//!   panning with the other. A third finger is ignored. A second finger during
//!   a bubble drag or tie drag is ignored, so a resting palm cannot spoil it.
//! - A cancelled pointer (the browser took it over) abandons whatever it was
//!   doing: a dragged bubble goes back, no tie is drawn.
//! - **Wheel** (and trackpad pinch, which browsers send as ctrl+wheel) zooms
//!   about the mouse; see [`wheel`].
//! - **Keyboard** ([`key`]): Tab/Shift+Tab move the selection between bubbles,
//!   arrows move the selected bubble (Up = one ring closer to me, Down = one
//!   ring further, Left/Right = round its ring), Enter opens its questions,
//!   Delete removes it, T starts a tie which the next Enter on another bubble
//!   completes, Escape cancels, +/- zoom.

use crate::core::geometry::{
    clamp_to_ring, hit_test_within, ring_at, Bubble, ScreenPoint, Viewport, WorldPoint, WorldRect,
};
use crate::core::model::{AlterId, AlterTie, RINGS};
use serde::{Deserialize, Serialize};

/// The browser's `pointerId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PointerId(pub i32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PointerKind {
    Down,
    Move,
    Up,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PointerType {
    Touch,
    Mouse,
    Pen,
}

/// One pointer event, as the view copies it out of the DOM `PointerEvent`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PointerEvent {
    pub id: PointerId,
    pub kind: PointerKind,
    /// Relative to the canvas element (clientX/Y minus its bounding box).
    pub at: ScreenPoint,
    /// `event.timeStamp`, milliseconds.
    pub time_ms: f64,
    pub pointer_type: PointerType,
}

/// What the machine needs to know about the picture; built by the view from app state.
#[derive(Debug, Clone, Copy)]
pub struct Scene<'a> {
    pub viewport: Viewport,
    /// In drawing order: the last is on top.
    pub bubbles: &'a [Bubble],
    pub ties: &'a [AlterTie],
    pub selected: Option<AlterId>,
}

/// Something the view should see while a gesture is under way; never stored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Preview {
    /// Draw bubble `id` at `to` (it would land in `ring`) instead of its stored place.
    Move {
        id: AlterId,
        to: WorldPoint,
        ring: u8,
    },
    /// Draw a rubber-band line from bubble `from` to `to`; `target` is the
    /// bubble under the finger, which the view may highlight.
    Tie {
        from: AlterId,
        to: WorldPoint,
        target: Option<AlterId>,
    },
}

/// What the view should do. Edits become [`crate::core::command::Command`]s;
/// the rest is view state.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Intent {
    Select(AlterId),
    ClearSelection,
    OpenQuestions(AlterId),
    /// Show a transient preview (replaces any previous one).
    Preview(Preview),
    /// Drop any preview.
    EndPreview,
    /// One undoable move: the bubble was dropped at `to`, in `ring`.
    MoveAlter {
        id: AlterId,
        to: WorldPoint,
        ring: u8,
    },
    AddTie(AlterId, AlterId),
    RemoveTie(AlterId, AlterId),
    RemoveAlter(AlterId),
    /// A keyboard tie was started from this bubble; the view may announce it.
    TieStarted(AlterId),
    /// A keyboard tie was abandoned.
    TieCancelled,
    ViewportChanged(Viewport),
}

/// What the pointers are doing now.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Phase {
    Idle,
    /// Down, not yet moved past the slop; `on` is the bubble pressed, if any.
    Pressing {
        pointer: PointerId,
        pointer_type: PointerType,
        start: ScreenPoint,
        last: ScreenPoint,
        on: Option<AlterId>,
        viewport: Viewport,
    },
    /// A bubble follows the pointer; `grab` is where in the bubble it was held
    /// (world offset from its centre), so it does not jump under the finger.
    Dragging {
        pointer: PointerId,
        id: AlterId,
        grab: (f64, f64),
        radius: f64,
        to: WorldPoint,
    },
    /// A rubber-band tie from `from` follows the pointer.
    DrawingTie {
        pointer: PointerId,
        from: AlterId,
        to: WorldPoint,
        target: Option<AlterId>,
    },
    /// One pointer pans; computed from the start so it never drifts.
    Panning {
        pointer: PointerId,
        start: ScreenPoint,
        last: ScreenPoint,
        viewport: Viewport,
    },
    /// Two pointers zoom and pan; computed from where both started.
    Pinching {
        a: (PointerId, ScreenPoint),
        b: (PointerId, ScreenPoint),
        start_a: ScreenPoint,
        start_b: ScreenPoint,
        viewport: Viewport,
    },
}

/// The whole machine state: the pointer phase plus the little memory taps and
/// the keyboard need.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GestureState {
    pub phase: Phase,
    /// The last tap, for double-tap detection.
    pub last_tap: Option<Tap>,
    /// A keyboard tie waiting for its second bubble.
    pub key_tie_from: Option<AlterId>,
}

/// Where and when a tap ended, and on what.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Tap {
    pub at: ScreenPoint,
    pub time_ms: f64,
    pub on: Option<AlterId>,
}

impl Default for GestureState {
    fn default() -> Self {
        Self::new()
    }
}

/// Keys the canvas understands, already mapped from the DOM (see [`Key::from_dom`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Key {
    Up,
    Down,
    Left,
    Right,
    Next,
    Previous,
    Enter,
    Delete,
    Tie,
    Escape,
    ZoomIn,
    ZoomOut,
}

/// A wheel event: `delta_y` in pixels (positive = scroll down = zoom out).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WheelEvent {
    pub at: ScreenPoint,
    pub delta_y: f64,
}

/// Movement (screen px) under which a press is still a tap: fingers wobble more than mice.
pub fn slop_px(pointer_type: PointerType) -> f64 {
    match pointer_type {
        PointerType::Touch | PointerType::Pen => 8.0,
        PointerType::Mouse => 4.0,
    }
}

/// Extra reach (screen px) around a bubble that still counts as touching it.
pub const TOUCH_TOLERANCE_PX: f64 = 8.0;
/// Radius (screen px) of the tie handle's hit area: a 48 px target.
pub const TIE_HANDLE_RADIUS_PX: f64 = 24.0;
/// Two taps within this time (ms) and distance (px) are a double tap.
pub const DOUBLE_TAP_MS: f64 = 350.0;
pub const DOUBLE_TAP_PX: f64 = 24.0;
/// Angle (radians) one Left/Right key press moves a bubble round its ring.
pub const KEY_ANGLE_STEP: f64 = std::f64::consts::PI / 12.0;
/// Zoom factor of one +/- key press.
pub const KEY_ZOOM_FACTOR: f64 = 1.25;

/// Where the tie handle of the selected bubble is drawn (screen px), or `None`
/// when nothing is selected. Up and to the right of the bubble, just outside it.
pub fn tie_handle(scene: &Scene) -> Option<ScreenPoint> {
    let id = scene.selected?;
    let b = scene.bubbles.iter().find(|b| b.id == id)?;
    let c = scene.viewport.to_screen(b.centre);
    let reach = scene.viewport.len_to_screen(b.radius) + TIE_HANDLE_RADIUS_PX * 0.75;
    let d = std::f64::consts::FRAC_1_SQRT_2 * reach;
    Some(ScreenPoint::new(c.x + d, c.y - d))
}

/// The viewport that shows the rings and every bubble (double-tap on empty space).
pub fn fit_scene(scene: &Scene) -> Viewport {
    let pad = scene.bubbles.iter().map(|b| b.radius).fold(0.0, f64::max);
    let content = match WorldRect::around(scene.bubbles.iter().map(|b| b.centre), pad) {
        Some(r) => r.union(&WorldRect::rings()),
        None => WorldRect::rings(),
    };
    scene.viewport.fit(content)
}

/// Zoom for one wheel event about the mouse. Pixel deltas of about 100 per
/// notch zoom by about 18%; huge deltas are capped so one flick cannot jump
/// from one end of the zoom range to the other.
pub fn wheel(event: &WheelEvent, scene: &Scene) -> Vec<Intent> {
    if !event.at.is_finite() || !event.delta_y.is_finite() || event.delta_y == 0.0 {
        return Vec::new();
    }
    let factor = (-event.delta_y.clamp(-300.0, 300.0) * 0.002).exp();
    vec![Intent::ViewportChanged(
        scene.viewport.zoom_about(event.at, factor),
    )]
}

impl Key {
    /// Maps a DOM `KeyboardEvent.key`. Tab is deliberately not mapped: focus
    /// must be able to leave the canvas; the view makes each bubble focusable
    /// and emits [`Intent::Select`] when one gains focus.
    pub fn from_dom(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "ArrowLeft" => Key::Left,
            "ArrowRight" => Key::Right,
            "Enter" | " " => Key::Enter,
            "Delete" | "Backspace" => Key::Delete,
            "t" | "T" => Key::Tie,
            "Escape" => Key::Escape,
            "+" | "=" => Key::ZoomIn,
            "-" | "_" => Key::ZoomOut,
            _ => return None,
        })
    }
}

/// Add the tie, or remove it when the two are already joined.
fn tie_intent(a: AlterId, b: AlterId, scene: &Scene) -> Intent {
    if scene.ties.contains(&AlterTie::new(a, b)) {
        Intent::RemoveTie(a, b)
    } else {
        Intent::AddTie(a, b)
    }
}

fn bubble<'a>(scene: &Scene<'a>, id: AlterId) -> Option<&'a Bubble> {
    scene.bubbles.iter().find(|b| b.id == id)
}

/// The bubble under a screen point, with the touch tolerance.
fn bubble_at(scene: &Scene, at: ScreenPoint) -> Option<AlterId> {
    let v = scene.viewport;
    hit_test_within(
        scene.bubbles,
        v.to_world(at),
        v.len_to_world(TOUCH_TOLERANCE_PX),
    )
}

/// The viewport a pan or pinch phase currently shows.
fn phase_viewport(phase: &Phase) -> Option<Viewport> {
    match *phase {
        Phase::Panning {
            viewport,
            start,
            last,
            ..
        } => Some(viewport.pan(last.minus(start))),
        Phase::Pinching {
            a,
            b,
            start_a,
            start_b,
            viewport,
        } => Some(viewport.pinched((start_a, start_b), (a.1, b.1))),
        _ => None,
    }
}

/// Where a dragged bubble lands: in the ring it was dropped in, wholly inside it.
fn drop_point(to: WorldPoint, radius: f64) -> (WorldPoint, u8) {
    let ring = ring_at(to);
    (clamp_to_ring(to, ring, radius), ring)
}

impl GestureState {
    pub const fn new() -> Self {
        GestureState {
            phase: Phase::Idle,
            last_tap: None,
            key_tie_from: None,
        }
    }

    /// The pointers this state is following (none, one or two).
    pub fn active_pointers(&self) -> Vec<PointerId> {
        match self.phase {
            Phase::Idle => Vec::new(),
            Phase::Pressing { pointer, .. }
            | Phase::Dragging { pointer, .. }
            | Phase::DrawingTie { pointer, .. }
            | Phase::Panning { pointer, .. } => vec![pointer],
            Phase::Pinching { a, b, .. } => vec![a.0, b.0],
        }
    }

    /// One pointer event.
    ///
    /// # Arguments
    /// * `event` - the pointer event, in screen coordinates of the canvas.
    /// * `scene` - the picture as it is now (the view applies intents between events).
    ///
    /// # Returns
    /// The next state and what the view should do, in order.
    ///
    /// # Complexity
    /// O(bubbles) for hit-testing.
    pub fn step(&self, event: &PointerEvent, scene: &Scene) -> (GestureState, Vec<Intent>) {
        let mut next = *self;
        let mut out = Vec::new();
        let kind = match event.kind {
            // A position the browser could not give is as good as a lost pointer.
            PointerKind::Up | PointerKind::Move | PointerKind::Down if !event.at.is_finite() => {
                PointerKind::Cancel
            }
            k => k,
        };
        next.phase = match kind {
            PointerKind::Down => self.on_down(event, scene, &mut out),
            PointerKind::Move => self.on_move(event, scene, &mut out),
            PointerKind::Up => self.on_up(event, scene, &mut next, &mut out),
            PointerKind::Cancel => self.on_cancel(event, &mut out),
        };
        (next, out)
    }

    fn on_down(&self, ev: &PointerEvent, scene: &Scene, out: &mut Vec<Intent>) -> Phase {
        match self.phase {
            Phase::Idle => start_press(ev, scene, out),
            Phase::Pressing {
                pointer,
                last,
                viewport,
                ..
            } if pointer != ev.id => start_pinch((pointer, last), (ev.id, ev.at), viewport),
            Phase::Panning { pointer, last, .. } if pointer != ev.id => {
                let viewport = phase_viewport(&self.phase).unwrap_or(scene.viewport);
                start_pinch((pointer, last), (ev.id, ev.at), viewport)
            }
            // The same pointer going down twice means we lost its up: start afresh.
            Phase::Pressing { pointer, .. } | Phase::Panning { pointer, .. }
                if pointer == ev.id =>
            {
                start_press(ev, scene, out)
            }
            // Drags, tie drags and pinches ignore extra fingers.
            phase => phase,
        }
    }

    fn on_move(&self, ev: &PointerEvent, scene: &Scene, out: &mut Vec<Intent>) -> Phase {
        let v = scene.viewport;
        match self.phase {
            Phase::Pressing {
                pointer,
                pointer_type,
                start,
                on,
                viewport,
                ..
            } if pointer == ev.id => {
                if ev.at.distance(start) <= slop_px(pointer_type) {
                    return Phase::Pressing {
                        pointer,
                        pointer_type,
                        start,
                        last: ev.at,
                        on,
                        viewport,
                    };
                }
                match on.and_then(|id| bubble(scene, id)) {
                    Some(b) => {
                        let grab_at = viewport.to_world(start);
                        let grab = (b.centre.x - grab_at.x, b.centre.y - grab_at.y);
                        let w = v.to_world(ev.at);
                        let to = WorldPoint::new(w.x + grab.0, w.y + grab.1);
                        out.push(Intent::Preview(Preview::Move {
                            id: b.id,
                            to,
                            ring: ring_at(to),
                        }));
                        Phase::Dragging {
                            pointer,
                            id: b.id,
                            grab,
                            radius: b.radius,
                            to,
                        }
                    }
                    None => {
                        let phase = Phase::Panning {
                            pointer,
                            start,
                            last: ev.at,
                            viewport,
                        };
                        push_viewport(&phase, out);
                        phase
                    }
                }
            }
            Phase::Dragging {
                pointer,
                id,
                grab,
                radius,
                ..
            } if pointer == ev.id => {
                let w = v.to_world(ev.at);
                let to = WorldPoint::new(w.x + grab.0, w.y + grab.1);
                out.push(Intent::Preview(Preview::Move {
                    id,
                    to,
                    ring: ring_at(to),
                }));
                Phase::Dragging {
                    pointer,
                    id,
                    grab,
                    radius,
                    to,
                }
            }
            Phase::DrawingTie { pointer, from, .. } if pointer == ev.id => {
                let to = v.to_world(ev.at);
                let target = bubble_at(scene, ev.at).filter(|t| *t != from);
                out.push(Intent::Preview(Preview::Tie { from, to, target }));
                Phase::DrawingTie {
                    pointer,
                    from,
                    to,
                    target,
                }
            }
            Phase::Panning {
                pointer,
                start,
                viewport,
                ..
            } if pointer == ev.id => {
                let phase = Phase::Panning {
                    pointer,
                    start,
                    last: ev.at,
                    viewport,
                };
                push_viewport(&phase, out);
                phase
            }
            Phase::Pinching {
                a,
                b,
                start_a,
                start_b,
                viewport,
            } if a.0 == ev.id || b.0 == ev.id => {
                let (a, b) = if a.0 == ev.id {
                    ((a.0, ev.at), b)
                } else {
                    (a, (b.0, ev.at))
                };
                let phase = Phase::Pinching {
                    a,
                    b,
                    start_a,
                    start_b,
                    viewport,
                };
                push_viewport(&phase, out);
                phase
            }
            phase => phase,
        }
    }

    fn on_up(
        &self,
        ev: &PointerEvent,
        scene: &Scene,
        next: &mut GestureState,
        out: &mut Vec<Intent>,
    ) -> Phase {
        match self.phase {
            Phase::Pressing { pointer, on, .. } if pointer == ev.id => {
                self.tap(on, ev, scene, next, out);
                Phase::Idle
            }
            Phase::Dragging {
                pointer,
                id,
                radius,
                to,
                ..
            } if pointer == ev.id => {
                let (to, ring) = drop_point(to, radius);
                out.push(Intent::EndPreview);
                out.push(Intent::MoveAlter { id, to, ring });
                Phase::Idle
            }
            Phase::DrawingTie {
                pointer,
                from,
                target,
                ..
            } if pointer == ev.id => {
                out.push(Intent::EndPreview);
                if let Some(t) = target.filter(|t| *t != from) {
                    out.push(tie_intent(from, t, scene));
                }
                Phase::Idle
            }
            Phase::Panning { pointer, .. } if pointer == ev.id => Phase::Idle,
            Phase::Pinching { .. } => self.lift_pinch_finger(ev.id),
            phase => phase,
        }
    }

    fn on_cancel(&self, ev: &PointerEvent, out: &mut Vec<Intent>) -> Phase {
        match self.phase {
            Phase::Dragging { pointer, .. } | Phase::DrawingTie { pointer, .. }
                if pointer == ev.id =>
            {
                out.push(Intent::EndPreview);
                Phase::Idle
            }
            Phase::Pressing { pointer, .. } | Phase::Panning { pointer, .. }
                if pointer == ev.id =>
            {
                Phase::Idle
            }
            Phase::Pinching { .. } => self.lift_pinch_finger(ev.id),
            phase => phase,
        }
    }

    /// One of two pinching fingers left: carry on panning with the other,
    /// from the view the pinch had reached.
    fn lift_pinch_finger(&self, id: PointerId) -> Phase {
        let Phase::Pinching { a, b, .. } = self.phase else {
            return self.phase;
        };
        let stays = if a.0 == id {
            b
        } else if b.0 == id {
            a
        } else {
            return self.phase;
        };
        match phase_viewport(&self.phase) {
            Some(viewport) => Phase::Panning {
                pointer: stays.0,
                start: stays.1,
                last: stays.1,
                viewport,
            },
            None => Phase::Idle,
        }
    }

    /// A press released within the slop: select, tie, open or clear (see the module doc).
    fn tap(
        &self,
        on: Option<AlterId>,
        ev: &PointerEvent,
        scene: &Scene,
        next: &mut GestureState,
        out: &mut Vec<Intent>,
    ) {
        let double = self.last_tap.is_some_and(|t| {
            t.on == on
                && ev.time_ms - t.time_ms <= DOUBLE_TAP_MS
                && ev.time_ms >= t.time_ms
                && t.at.distance(ev.at) <= DOUBLE_TAP_PX
        });
        let selected = scene.selected.filter(|s| bubble(scene, *s).is_some());
        match on {
            Some(id) if double || selected == Some(id) => out.push(Intent::OpenQuestions(id)),
            Some(id) => match selected {
                Some(sel) => out.push(tie_intent(sel, id, scene)),
                None => out.push(Intent::Select(id)),
            },
            None if double => out.push(Intent::ViewportChanged(fit_scene(scene))),
            None if scene.selected.is_some() => out.push(Intent::ClearSelection),
            None => {}
        }
        // A third tap starts a new pair rather than making a second double tap.
        next.last_tap = (!double).then_some(Tap {
            at: ev.at,
            time_ms: ev.time_ms,
            on,
        });
    }

    /// One key press on the canvas.
    ///
    /// # Returns
    /// The next state and what the view should do; moves are single undoable
    /// [`Intent::MoveAlter`]s.
    pub fn key(&self, key: Key, scene: &Scene) -> (GestureState, Vec<Intent>) {
        let mut next = *self;
        let mut out = Vec::new();
        let selected = scene.selected.and_then(|id| bubble(scene, id));
        match (key, selected) {
            (Key::ZoomIn | Key::ZoomOut, _) => {
                let f = if key == Key::ZoomIn {
                    KEY_ZOOM_FACTOR
                } else {
                    1.0 / KEY_ZOOM_FACTOR
                };
                let v = scene.viewport;
                out.push(Intent::ViewportChanged(v.zoom_about(v.size.centre(), f)));
            }
            (Key::Next | Key::Previous, _) => {
                if let Some(id) = cycle(scene, key == Key::Next) {
                    out.push(Intent::Select(id));
                }
            }
            (Key::Escape, _) => {
                if matches!(
                    self.phase,
                    Phase::Dragging { .. } | Phase::DrawingTie { .. }
                ) {
                    out.push(Intent::EndPreview);
                    next.phase = Phase::Idle;
                } else if self.key_tie_from.is_some() {
                    out.push(Intent::TieCancelled);
                    next.key_tie_from = None;
                } else if scene.selected.is_some() {
                    out.push(Intent::ClearSelection);
                }
            }
            (_, None) => {}
            (Key::Up | Key::Down, Some(b)) => {
                let ring = if key == Key::Up {
                    b.ring.saturating_sub(1).max(1)
                } else {
                    (b.ring + 1).min(RINGS)
                };
                if ring != b.ring {
                    let to = clamp_to_ring(b.centre, ring, b.radius);
                    out.push(Intent::MoveAlter { id: b.id, to, ring });
                }
            }
            (Key::Left | Key::Right, Some(b)) => {
                let step = if key == Key::Left {
                    -KEY_ANGLE_STEP
                } else {
                    KEY_ANGLE_STEP
                };
                let turned = WorldPoint::polar(b.centre.radius(), b.centre.angle() + step);
                let ring = b.ring.clamp(1, RINGS);
                out.push(Intent::MoveAlter {
                    id: b.id,
                    to: clamp_to_ring(turned, ring, b.radius),
                    ring,
                });
            }
            (Key::Enter | Key::Tie, Some(b)) if self.key_tie_from.is_some_and(|a| a != b.id) => {
                if let Some(a) = self.key_tie_from {
                    out.push(tie_intent(a, b.id, scene));
                }
                next.key_tie_from = None;
            }
            (Key::Enter, Some(b)) => out.push(Intent::OpenQuestions(b.id)),
            (Key::Tie, Some(b)) => {
                next.key_tie_from = Some(b.id);
                out.push(Intent::TieStarted(b.id));
            }
            (Key::Delete, Some(b)) => {
                if self.key_tie_from == Some(b.id) {
                    next.key_tie_from = None;
                    out.push(Intent::TieCancelled);
                }
                out.push(Intent::RemoveAlter(b.id));
                out.push(Intent::ClearSelection);
            }
        }
        (next, out)
    }

    /// Checks what must hold after every event; used by the replay tests.
    pub fn check_invariants(&self, scene: &Scene) -> Result<(), String> {
        let exists = |id: AlterId| bubble(scene, id).is_some();
        match self.phase {
            Phase::Idle => {}
            Phase::Pressing {
                start,
                last,
                viewport,
                ..
            } => {
                if !start.is_finite() || !last.is_finite() || !viewport.is_valid() {
                    return Err("a press holds a non-finite point or a bad viewport".into());
                }
            }
            Phase::Dragging { id, to, .. } => {
                if !exists(id) || !to.is_finite() {
                    return Err("a drag holds an unknown bubble or a non-finite point".into());
                }
            }
            Phase::DrawingTie {
                from, target, to, ..
            } => {
                if !exists(from) || target == Some(from) || !to.is_finite() {
                    return Err("a tie drag joins a bubble to itself or to nothing".into());
                }
            }
            Phase::Panning { .. } | Phase::Pinching { .. } => {
                if let Phase::Pinching { a, b, .. } = self.phase {
                    if a.0 == b.0 {
                        return Err("a pinch follows one pointer twice".into());
                    }
                }
                if !phase_viewport(&self.phase).is_some_and(|v| v.is_valid()) {
                    return Err("a pan or pinch reached a bad viewport".into());
                }
            }
        }
        Ok(())
    }
}

fn start_press(ev: &PointerEvent, scene: &Scene, out: &mut Vec<Intent>) -> Phase {
    if let (Some(handle), Some(from)) = (tie_handle(scene), scene.selected) {
        if handle.distance(ev.at) <= TIE_HANDLE_RADIUS_PX {
            let to = scene.viewport.to_world(ev.at);
            out.push(Intent::Preview(Preview::Tie {
                from,
                to,
                target: None,
            }));
            return Phase::DrawingTie {
                pointer: ev.id,
                from,
                to,
                target: None,
            };
        }
    }
    Phase::Pressing {
        pointer: ev.id,
        pointer_type: ev.pointer_type,
        start: ev.at,
        last: ev.at,
        on: bubble_at(scene, ev.at),
        viewport: scene.viewport,
    }
}

fn start_pinch(
    a: (PointerId, ScreenPoint),
    b: (PointerId, ScreenPoint),
    viewport: Viewport,
) -> Phase {
    Phase::Pinching {
        a,
        b,
        start_a: a.1,
        start_b: b.1,
        viewport,
    }
}

fn push_viewport(phase: &Phase, out: &mut Vec<Intent>) {
    if let Some(v) = phase_viewport(phase) {
        out.push(Intent::ViewportChanged(v));
    }
}

/// The bubble after (or before) the selected one in drawing order, wrapping round.
fn cycle(scene: &Scene, forward: bool) -> Option<AlterId> {
    let n = scene.bubbles.len();
    if n == 0 {
        return None;
    }
    let pos = scene
        .selected
        .and_then(|s| scene.bubbles.iter().position(|b| b.id == s));
    let i = match (pos, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    scene.bubbles.get(i).map(|b| b.id)
}
