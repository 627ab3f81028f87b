//! Display style of the ego canvas as a pure function of the response and the
//! view's selection (sigma.js's habit: the renderer owns no data). The view
//! turns these values into SVG attributes; colours are CSS custom properties
//! so the large-type and high-contrast themes restyle them without code.

use crate::core::geometry::WorldPoint;
use crate::core::gesture::Preview;
use crate::core::layout::rings::bubble_radius;
use crate::core::model::{AlterId, Relationship, Response};
use unicode_segmentation::UnicodeSegmentation;

/// Graphemes shown inside a bubble before the label is cut with an ellipsis.
pub const LABEL_GRAPHEMES: usize = 12;

/// What the view knows beyond the model.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ViewState {
    pub selected: Option<AlterId>,
    /// The gesture's live preview: a dragged bubble is drawn where the finger is.
    pub preview: Option<Preview>,
}

/// The text inside a bubble. Unnamed people (an event that records no names)
/// are numbered; the view translates "Person {n}".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Name(String),
    Numbered(u32),
}

/// Pieces of a bubble's accessible name; the view composes a translated sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessibleLabel {
    /// The whole name, never truncated (empty when unnamed).
    pub name: String,
    pub ring: u8,
    pub relationship: Option<Relationship>,
    /// How many people on the map this person is tied to.
    pub ties: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BubbleStyle {
    pub id: AlterId,
    pub centre: WorldPoint,
    /// World units.
    pub radius: f64,
    /// A CSS colour, e.g. `var(--weave-rel-family)`.
    pub fill: &'static str,
    pub stroke: &'static str,
    /// World units.
    pub stroke_width: f64,
    pub label: Label,
    pub accessible: AccessibleLabel,
    /// Being dragged: the view may lift it (shadow) and draw it last.
    pub lifted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TieStyle {
    pub a: AlterId,
    pub b: AlterId,
    pub from: WorldPoint,
    pub to: WorldPoint,
    pub stroke: &'static str,
    /// World units.
    pub stroke_width: f64,
}

/// Everything the canvas draws, in drawing order (ties under bubbles).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CanvasStyle {
    pub ties: Vec<TieStyle>,
    pub bubbles: Vec<BubbleStyle>,
    /// The rubber-band line of a tie being drawn, if any.
    pub rubber_band: Option<(WorldPoint, WorldPoint)>,
}

/// The fill for a relationship; unknown relationships share a neutral colour.
pub fn relationship_fill(r: Option<Relationship>) -> &'static str {
    match r {
        Some(Relationship::Family) => "var(--weave-rel-family)",
        Some(Relationship::Friend) => "var(--weave-rel-friend)",
        Some(Relationship::Neighbour) => "var(--weave-rel-neighbour)",
        Some(Relationship::Work) => "var(--weave-rel-work)",
        Some(Relationship::Service) => "var(--weave-rel-service)",
        Some(Relationship::Other) => "var(--weave-rel-other)",
        None => "var(--weave-rel-unknown)",
    }
}

/// `text` cut to at most `max` user-perceived characters (grapheme clusters),
/// with "…" when cut, so an accent, an emoji family or a flag is never split.
/// Surrounding whitespace is dropped.
///
/// # Example
/// ```
/// use weave::core::style::truncate_label;
/// assert_eq!(truncate_label("Bartholomew-Smythe", 8), "Barthol…");
/// assert_eq!(truncate_label("Zoë", 8), "Zoë");
/// ```
pub fn truncate_label(text: &str, max: usize) -> String {
    let text = text.trim();
    if max == 0 {
        return String::new();
    }
    let mut graphemes = text.graphemes(true);
    let head: String = graphemes.by_ref().take(max).collect();
    if graphemes.next().is_none() {
        return head;
    }
    let mut cut: String = head.graphemes(true).take(max - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The canvas style for `response` as the view currently shows it.
///
/// # Complexity
/// O(alters · ties) (each bubble counts its ties; maps are small).
pub fn canvas_style(response: &Response, view: &ViewState) -> CanvasStyle {
    let radius = bubble_radius(response.alters.len());
    let centre_of = |id: AlterId| -> Option<WorldPoint> {
        if let Some(Preview::Move { id: moving, to, .. }) = view.preview {
            if moving == id {
                return Some(to);
            }
        }
        response.alter(id).map(|a| WorldPoint::new(a.x, a.y))
    };
    let touches_selected = |a: AlterId, b: AlterId| view.selected.is_some_and(|s| s == a || s == b);
    let ties = response
        .ties
        .iter()
        .filter_map(|t| {
            let (from, to) = (centre_of(t.a)?, centre_of(t.b)?);
            let strong = touches_selected(t.a, t.b);
            Some(TieStyle {
                a: t.a,
                b: t.b,
                from,
                to,
                stroke: if strong {
                    "var(--weave-tie-selected)"
                } else {
                    "var(--weave-tie)"
                },
                stroke_width: if strong { 5.0 } else { 3.0 },
            })
        })
        .collect();
    let bubbles = response
        .alters
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let selected = view.selected == Some(a.id);
            let lifted = matches!(view.preview, Some(Preview::Move { id, .. }) if id == a.id);
            let label = if a.name.trim().is_empty() {
                Label::Numbered(u32::try_from(i + 1).unwrap_or(u32::MAX))
            } else {
                Label::Name(truncate_label(&a.name, LABEL_GRAPHEMES))
            };
            BubbleStyle {
                id: a.id,
                centre: centre_of(a.id).unwrap_or(WorldPoint::new(a.x, a.y)),
                radius,
                fill: relationship_fill(a.relationship),
                stroke: if selected {
                    "var(--weave-selected)"
                } else {
                    "var(--weave-bubble-edge)"
                },
                stroke_width: if selected { 6.0 } else { 2.0 },
                label,
                accessible: AccessibleLabel {
                    name: a.name.trim().to_owned(),
                    ring: a.ring,
                    relationship: a.relationship,
                    ties: response.ties.iter().filter(|t| t.touches(a.id)).count(),
                    selected,
                },
                lifted,
            }
        })
        .collect();
    let rubber_band = match view.preview {
        Some(Preview::Tie { from, to, .. }) => centre_of(from).map(|f| (f, to)),
        _ => None,
    };
    CanvasStyle {
        ties,
        bubbles,
        rubber_band,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Alter, AlterTie, EventId, PromptId, ResponseId, Timestamp};

    #[test]
    fn labels_are_cut_on_grapheme_boundaries() {
        assert_eq!(truncate_label("  Ann  ", 12), "Ann");
        assert_eq!(truncate_label("Maximilian Alexander", 12), "Maximilian…");
        // "e" + combining acute: 1 grapheme, 2 chars; never separated.
        let combining = "Rene\u{301}e-Ame\u{301}lie";
        let cut = truncate_label(combining, 5);
        assert_eq!(cut, "Rene\u{301}…");
        // A family emoji (ZWJ sequence) and a flag count as one each.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(
            truncate_label(&format!("{family}{family}{family}"), 2),
            format!("{family}…")
        );
        assert_eq!(
            truncate_label("\u{1F1EC}\u{1F1E7}\u{1F1EC}\u{1F1E7}x", 2),
            "\u{1F1EC}\u{1F1E7}…"
        );
        assert_eq!(truncate_label("abc", 0), "");
        assert_eq!(truncate_label("abcdef", 1), "…");
    }

    fn response() -> Response {
        let mut r = Response::new(ResponseId::new("r"), EventId::new("e"), "en", Timestamp(0));
        for (i, name) in ["Ann", ""].iter().enumerate() {
            r.alters.push(Alter {
                id: AlterId(i as u32),
                name: (*name).into(),
                prompts: vec![PromptId::new("p")],
                ring: 1,
                x: 50.0 + i as f64 * 10.0,
                y: 0.0,
                relationship: (i == 0).then_some(Relationship::Family),
                frequency: None,
                can_change: None,
                public_figure: false,
                added_at: Timestamp(0),
            });
        }
        r.ties.push(AlterTie::new(AlterId(0), AlterId(1)));
        r
    }

    #[test]
    fn style_follows_model_selection_and_preview() {
        let r = response();
        let plain = canvas_style(&r, &ViewState::default());
        assert_eq!(plain.bubbles[0].fill, "var(--weave-rel-family)");
        assert_eq!(plain.bubbles[1].fill, "var(--weave-rel-unknown)");
        assert_eq!(plain.bubbles[1].label, Label::Numbered(2));
        assert_eq!(plain.bubbles[0].accessible.ties, 1);
        assert_eq!(plain.ties[0].stroke, "var(--weave-tie)");

        let to = WorldPoint::new(200.0, 10.0);
        let view = ViewState {
            selected: Some(AlterId(0)),
            preview: Some(Preview::Move {
                id: AlterId(1),
                to,
                ring: 2,
            }),
        };
        let s = canvas_style(&r, &view);
        assert_eq!(s.bubbles[0].stroke, "var(--weave-selected)");
        assert!(s.bubbles[0].accessible.selected);
        assert_eq!(s.bubbles[1].centre, to);
        assert!(s.bubbles[1].lifted);
        assert_eq!(s.ties[0].to, to, "the tie follows the dragged bubble");
        assert_eq!(s.ties[0].stroke, "var(--weave-tie-selected)");

        let band = ViewState {
            selected: Some(AlterId(0)),
            preview: Some(Preview::Tie {
                from: AlterId(0),
                to,
                target: None,
            }),
        };
        assert_eq!(
            canvas_style(&r, &band).rubber_band,
            Some((WorldPoint::new(50.0, 0.0), to))
        );
    }
}
