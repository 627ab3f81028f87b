//! Which labels fit on screen: the screen is cut into cells about one label
//! wide and one line high, and each cell shows at most the label of its
//! largest node (sigma.js's label grid). Labels never pile up unreadably,
//! whatever the facilitator turned on; zooming in shows more of them.

/// A cell's size in CSS pixels: about a short name, and a line.
pub const CELL: (f64, f64) = (150.0, 22.0);

/// The labels to draw, from `candidates` as `(node, screen x, screen y,
/// radius)`: at most one per cell (the largest node's), only on screen.
///
/// # Complexity
/// O(k) for k candidates.
pub fn visible_labels(candidates: &[(u32, f64, f64, f64)], width: f64, height: f64) -> Vec<u32> {
    let cols = (width / CELL.0).ceil().max(1.0) as usize;
    let rows = (height / CELL.1).ceil().max(1.0) as usize;
    let mut best: Vec<Option<(f64, u32)>> = vec![None; cols * rows];
    for &(node, x, y, r) in candidates {
        if !(x.is_finite() && y.is_finite()) || x < 0.0 || y < 0.0 || x >= width || y >= height {
            continue;
        }
        let cell = (y / CELL.1) as usize * cols + (x / CELL.0) as usize;
        let Some(slot) = best.get_mut(cell) else {
            continue;
        };
        if slot.is_none_or(|(br, bn)| r > br || (r == br && node < bn)) {
            *slot = Some((r, node));
        }
    }
    best.into_iter().flatten().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_label_per_cell_the_largest_and_only_on_screen() {
        let c = [
            (1, 10.0, 10.0, 3.0),
            (2, 20.0, 12.0, 8.0),
            (3, 400.0, 10.0, 2.0),
            (4, -5.0, 10.0, 9.0),
            (5, 10.0, 500.0, 9.0),
        ];
        let mut shown = visible_labels(&c, 800.0, 400.0);
        shown.sort_unstable();
        assert_eq!(shown, vec![2, 3]);
        assert!(visible_labels(&[], 800.0, 400.0).is_empty());
    }
}
