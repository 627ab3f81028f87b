//! Which labels fit on screen: each label's box (the text beside its node)
//! is placed in order of importance, the largest node first, and a label
//! whose box would touch one already placed is left out. Labels never
//! overlap, whatever the facilitator turned on; zooming in shows more of
//! them. (sigma.js keeps one label per grid cell, which still lets labels
//! in neighbouring cells run into each other; a projected picture cannot
//! afford that.) The boxes are found through a grid of cells so placing k
//! labels stays linear.

use std::collections::HashMap;

/// The type of the picture's text (labels, and the SVG drawing's caption).
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
/// Font size of a label, in CSS pixels (screen and SVG), semi-bold.
pub const FONT_PX: f64 = 15.0;
pub const FONT_WEIGHT: u16 = 600;
/// Gap between a node's edge and its label's first letter.
pub const GAP: f64 = 4.0;
/// The baseline sits this far below the node's centre.
pub const BASELINE: f64 = 5.0;
/// A label's box reaches this far above and below the baseline, halo
/// (the 4 px stroke behind the text) included.
const ASCENT: f64 = 14.0;
const DESCENT: f64 = 6.0;
/// Grid cell used to find neighbouring boxes: about a short name, and a line.
const CELL: (f64, f64) = (150.0, 22.0);

/// A label that could be drawn: its node, the node's centre on screen and
/// radius, and the label's text width (all in CSS pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub node: u32,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    pub width: f64,
}

impl Candidate {
    /// Where the label's text starts (its baseline's left end).
    pub fn text_at(&self) -> (f64, f64) {
        (self.x + self.radius + GAP, self.y + BASELINE)
    }

    /// The label's box: left, top, right, bottom.
    fn bounds(&self) -> [f64; 4] {
        let (x, y) = self.text_at();
        [x - 2.0, y - ASCENT, x + self.width + 2.0, y + DESCENT]
    }
}

/// An estimate of a label's width where the text cannot be measured (the
/// SVG drawing): a generous average for the 15 px semi-bold sans-serif,
/// twice that for wide (East Asian, emoji) characters, so estimated boxes
/// err towards leaving a label out rather than overlapping.
pub fn estimated_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { FONT_PX } else { 0.6 * FONT_PX })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// The labels to draw (in the order placed), from `candidates` on a `width` × `height` screen:
/// the node must be on screen, and no two chosen labels' boxes overlap.
/// The largest nodes are placed first (ties: the lower node id), so the
/// same picture always shows the same labels.
///
/// # Complexity
/// O(k log k) for k candidates (the sort); placing is O(k) for labels of
/// bounded width.
pub fn visible_labels(candidates: &[Candidate], width: f64, height: f64) -> Vec<Candidate> {
    let mut order: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| {
            [c.x, c.y, c.radius, c.width].iter().all(|v| v.is_finite())
                && (0.0..width).contains(&c.x)
                && (0.0..height).contains(&c.y)
        })
        .collect();
    order.sort_by(|a, b| b.radius.total_cmp(&a.radius).then(a.node.cmp(&b.node)));
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let cells = |b: &[f64; 4]| {
        let (c0, c1) = (
            (b[0] / CELL.0).floor() as i64,
            (b[2] / CELL.0).floor() as i64,
        );
        let (r0, r1) = (
            (b[1] / CELL.1).floor() as i64,
            (b[3] / CELL.1).floor() as i64,
        );
        (r0..=r1).flat_map(move |r| (c0..=c1).map(move |c| (c, r)))
    };
    let mut shown = Vec::new();
    for c in order {
        let b = c.bounds();
        let clashes = cells(&b).any(|cell| {
            grid.get(&cell).is_some_and(|ids| {
                ids.iter().any(|&i| {
                    let p = placed[i];
                    b[0] < p[2] && p[0] < b[2] && b[1] < p[3] && p[1] < b[3]
                })
            })
        });
        if clashes {
            continue;
        }
        let id = placed.len();
        placed.push(b);
        for cell in cells(&b) {
            grid.entry(cell).or_default().push(id);
        }
        shown.push(*c);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(node: u32, x: f64, y: f64, radius: f64, width: f64) -> Candidate {
        Candidate {
            node,
            x,
            y,
            radius,
            width,
        }
    }

    fn shown(c: &[Candidate]) -> Vec<u32> {
        let mut s: Vec<u32> = visible_labels(c, 800.0, 400.0)
            .iter()
            .map(|c| c.node)
            .collect();
        s.sort_unstable();
        s
    }

    #[test]
    fn overlapping_labels_keep_the_largest_nodes() {
        // 2 is larger than 1 and their labels share a line: 1 is left out.
        // 3 is far away and stays, as does 6 just below 2's line.
        let c = [
            at(1, 10.0, 10.0, 3.0, 80.0),
            at(2, 40.0, 12.0, 8.0, 80.0),
            at(3, 400.0, 10.0, 2.0, 80.0),
            at(6, 40.0, 40.0, 2.0, 80.0),
        ];
        assert_eq!(shown(&c), vec![2, 3, 6]);
    }

    #[test]
    fn labels_in_neighbouring_grid_cells_never_overlap() {
        // A grid of one label per cell would show both: the first label
        // (148 px wide) runs into the second, which starts in the next cell.
        let c = [
            at(1, 140.0, 10.0, 5.0, 148.0),
            at(2, 160.0, 12.0, 4.0, 60.0),
        ];
        assert_eq!(shown(&c), vec![1]);
        // Far enough apart, both stay.
        let c = [at(1, 10.0, 10.0, 5.0, 100.0), at(2, 160.0, 12.0, 4.0, 60.0)];
        assert_eq!(shown(&c), vec![1, 2]);
    }

    #[test]
    fn no_two_chosen_boxes_overlap_in_a_crowd() {
        let c: Vec<Candidate> = (0..400u32)
            .map(|i| {
                let f = f64::from(i);
                at(
                    i,
                    (f * 37.0) % 790.0,
                    (f * 53.0) % 390.0,
                    2.0 + f % 7.0,
                    40.0 + (f * 13.0) % 120.0,
                )
            })
            .collect();
        let chosen = visible_labels(&c, 800.0, 400.0);
        assert!(chosen.len() > 20 && chosen.len() < 400, "{}", chosen.len());
        let boxes: Vec<[f64; 4]> = chosen.iter().map(Candidate::bounds).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(!overlap, "{a:?} overlaps {b:?}");
            }
        }
        // The largest node's label is always shown.
        let largest = c
            .iter()
            .max_by(|a, b| a.radius.total_cmp(&b.radius).then(b.node.cmp(&a.node)));
        assert!(largest.is_some_and(|l| chosen.iter().any(|c| c.node == l.node)));
    }

    #[test]
    fn only_nodes_on_screen_and_with_finite_positions() {
        let c = [
            at(4, -5.0, 10.0, 9.0, 50.0),
            at(5, 10.0, 500.0, 9.0, 50.0),
            at(7, f64::NAN, 10.0, 9.0, 50.0),
            at(8, 700.0, 300.0, 2.0, 50.0),
        ];
        assert_eq!(shown(&c), vec![8]);
        assert!(visible_labels(&[], 800.0, 400.0).is_empty());
    }

    #[test]
    fn wide_characters_are_estimated_wider() {
        assert_eq!(estimated_width(""), 0.0);
        assert!(estimated_width("公民館") > estimated_width("abc") * 1.5);
        assert!((estimated_width("Murton Park") - 11.0 * 9.0).abs() < 1e-9);
    }
}
