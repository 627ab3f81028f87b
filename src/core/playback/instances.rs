//! The display styles packed for a GPU: one flat array per attribute, in
//! drawing order (batch by batch, so layers stay on top), ready to upload as
//! instanced vertex data. Built once per restyle, never per frame: the
//! renderer then only uploads positions (a texture indexed by scene node)
//! and sets the camera.
//!
//! Ties within a batch are stored in an interleaved order whose every prefix
//! is an even sample of the batch, so a renderer that must skip ties (see
//! [`super::renderer::EdgeBudget`]) draws a prefix of each batch instead of rebuilding data.

use super::style::{Dash, Shape, Styles};
use super::Scene;

/// Floats per node instance: scene index, radius (CSS px), shape (0 circle,
/// 1 square), outline (0 none, 1 ring).
pub const NODE_FLOATS: usize = 4;
/// Bytes per node instance: fill RGBA, outline RGBA.
pub const NODE_BYTES: usize = 8;
/// Floats per tie instance: source index, target index, width (CSS px),
/// dash (0 solid, 1 dashed, 2 dotted).
pub const EDGE_FLOATS: usize = 4;
/// Bytes per tie instance: RGBA.
pub const EDGE_BYTES: usize = 4;

/// Residue classes of the interleaved tie order, in bit-reversed order: a
/// prefix of 1/2, 1/4, 1/8 or 1/16 of a batch is exactly every 2nd, 4th,
/// 8th or 16th tie; other strides take the nearest even sample.
const INTERLEAVE: [usize; 16] = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];

/// Node instances in drawing order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeInstances {
    pub floats: Vec<f32>,
    pub bytes: Vec<u8>,
}

impl NodeInstances {
    pub fn len(&self) -> usize {
        self.floats.len() / NODE_FLOATS
    }

    pub fn is_empty(&self) -> bool {
        self.floats.is_empty()
    }
}

/// Tie instances in drawing order, with each batch's range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeInstances {
    pub floats: Vec<f32>,
    pub bytes: Vec<u8>,
    /// `(first instance, count)` per batch.
    pub batches: Vec<(usize, usize)>,
}

impl EdgeInstances {
    pub fn len(&self) -> usize {
        self.floats.len() / EDGE_FLOATS
    }

    pub fn is_empty(&self) -> bool {
        self.floats.is_empty()
    }

    /// The instance ranges to draw for every `stride`-th tie (0 draws none).
    pub fn ranges(&self, stride: usize) -> Vec<(usize, usize)> {
        sample_ranges(&self.batches, stride)
    }
}

/// The prefix of each `(first, count)` batch that samples every
/// `stride`-th tie (none for 0).
pub fn sample_ranges(batches: &[(usize, usize)], stride: usize) -> Vec<(usize, usize)> {
    if stride == 0 {
        return Vec::new();
    }
    batches
        .iter()
        .map(|&(first, count)| (first, count.div_ceil(stride)))
        .filter(|&(_, count)| count > 0)
        .collect()
}

fn dash_code(d: Dash) -> f32 {
    match d {
        Dash::Solid => 0.0,
        Dash::Dashed => 1.0,
        Dash::Dotted => 2.0,
    }
}

/// The batch's members in interleaved order (see [`INTERLEAVE`]).
fn interleaved(members: &[u32]) -> impl Iterator<Item = u32> + '_ {
    INTERLEAVE
        .iter()
        .flat_map(move |&c| members.iter().skip(c).step_by(INTERLEAVE.len()).copied())
}

/// Packs the node batches of `styles`.
///
/// # Complexity
/// O(n) for n drawn nodes.
pub fn node_instances(styles: &Styles) -> NodeInstances {
    let n = styles.visible_nodes;
    let mut out = NodeInstances {
        floats: Vec::with_capacity(n * NODE_FLOATS),
        bytes: Vec::with_capacity(n * NODE_BYTES),
    };
    for batch in &styles.node_batches {
        let look = batch.look;
        let shape = match look.shape {
            Shape::Circle => 0.0,
            Shape::Square => 1.0,
        };
        let ring = look.outline.unwrap_or(look.fill);
        for &i in &batch.nodes {
            let r = styles.radius.get(i as usize).copied().unwrap_or(3.0);
            out.floats.extend_from_slice(&[
                i as f32,
                r,
                shape,
                f32::from(u8::from(look.outline.is_some())),
            ]);
            out.bytes.extend_from_slice(&[
                look.fill.0,
                look.fill.1,
                look.fill.2,
                look.alpha,
                ring.0,
                ring.1,
                ring.2,
                255,
            ]);
        }
    }
    out
}

/// Packs the tie batches of `styles` (ties whose ends are not in `scene`
/// are skipped).
///
/// # Complexity
/// O(m) for m drawn ties.
pub fn edge_instances(scene: &Scene, styles: &Styles) -> EdgeInstances {
    let m = styles.visible_edges;
    let mut out = EdgeInstances {
        floats: Vec::with_capacity(m * EDGE_FLOATS),
        bytes: Vec::with_capacity(m * EDGE_BYTES),
        batches: Vec::with_capacity(styles.edge_batches.len()),
    };
    for batch in &styles.edge_batches {
        let look = batch.look;
        let first = out.len();
        for k in interleaved(&batch.edges) {
            let Some(e) = scene.edges.get(k as usize) else {
                continue;
            };
            out.floats.extend_from_slice(&[
                e.source as f32,
                e.target as f32,
                look.width() as f32,
                dash_code(look.dash),
            ]);
            out.bytes
                .extend_from_slice(&[look.colour.0, look.colour.1, look.colour.2, look.alpha]);
        }
        out.batches.push((first, out.len() - first));
    }
    out
}

/// Positions as the GPU reads them: `(x, y)` pairs of f32 per scene node,
/// relative to `origin` (so f32 keeps sub-pixel precision far from the
/// world's origin), padded with zeros to `rows × width` texels.
pub fn position_texels(x: &[f64], y: &[f64], origin: (f64, f64), width: usize, out: &mut Vec<f32>) {
    let n = x.len().min(y.len());
    let rows = n.div_ceil(width.max(1)).max(1);
    out.clear();
    out.reserve(rows * width * 2);
    for i in 0..n {
        let (px, py) = (x[i] - origin.0, y[i] - origin.1);
        let ok = px.is_finite() && py.is_finite();
        out.push(if ok { px as f32 } else { f32::NAN });
        out.push(if ok { py as f32 } else { f32::NAN });
    }
    out.resize(rows * width.max(1) * 2, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::playback::generate;
    use crate::core::playback::scene::SceneOptions;
    use crate::core::playback::style::styles;
    use crate::core::playback::Lens;

    fn scene() -> Scene {
        let (net, order) = generate::people(300, 900, 1);
        Scene::from_networks(&net, None, &order, &SceneOptions::default())
    }

    #[test]
    fn every_drawn_node_and_tie_is_packed_once_in_batch_order() {
        let s = scene();
        let st = styles(&s, Lens::Communities, u32::MAX, None);
        let nodes = node_instances(&st);
        assert_eq!(nodes.len(), st.visible_nodes);
        assert_eq!(nodes.bytes.len(), nodes.len() * NODE_BYTES);
        let order: Vec<u32> = st
            .node_batches
            .iter()
            .flat_map(|b| b.nodes.iter().copied())
            .collect();
        let packed: Vec<u32> = nodes
            .floats
            .chunks(NODE_FLOATS)
            .map(|c| c[0] as u32)
            .collect();
        assert_eq!(packed, order);
        let edges = edge_instances(&s, &st);
        assert_eq!(edges.len(), st.visible_edges);
        let mut seen: Vec<(u32, u32)> = edges
            .floats
            .chunks(EDGE_FLOATS)
            .map(|c| (c[0] as u32, c[1] as u32))
            .collect();
        let mut want: Vec<(u32, u32)> = st
            .edge_batches
            .iter()
            .flat_map(|b| b.edges.iter())
            .map(|&k| (s.edges[k as usize].source, s.edges[k as usize].target))
            .collect();
        seen.sort_unstable();
        want.sort_unstable();
        assert_eq!(seen, want);
        let total: usize = edges.batches.iter().map(|b| b.1).sum();
        assert_eq!(total, edges.len());
    }

    #[test]
    fn a_prefix_of_a_batch_is_an_even_sample() {
        let members: Vec<u32> = (0..64).collect();
        let order: Vec<u32> = interleaved(&members).collect();
        assert_eq!(order.len(), 64);
        let half: Vec<u32> = order[..32].to_vec();
        assert!(half.iter().all(|v| v % 2 == 0), "{half:?}");
        let quarter = &order[..16];
        assert!(quarter.iter().all(|v| v % 4 == 0));
        let batches = EdgeInstances {
            batches: vec![(0, 64), (64, 3)],
            ..EdgeInstances::default()
        };
        assert_eq!(batches.ranges(4), vec![(0, 16), (64, 1)]);
        assert_eq!(batches.ranges(1), vec![(0, 64), (64, 3)]);
        assert!(batches.ranges(0).is_empty());
    }

    #[test]
    fn the_highlight_ring_is_packed() {
        let s = scene();
        let you = crate::core::playback::style::Highlight {
            node: 0,
            strength: 1.0,
        };
        let st = styles(&s, Lens::Communities, u32::MAX, Some(you));
        let nodes = node_instances(&st);
        let ringed: Vec<u32> = nodes
            .floats
            .chunks(NODE_FLOATS)
            .filter(|c| c[3] == 1.0)
            .map(|c| c[0] as u32)
            .collect();
        assert_eq!(ringed, vec![0]);
        // Drawn last, on top of everything.
        assert_eq!(nodes.floats[nodes.floats.len() - NODE_FLOATS], 0.0);
    }

    #[test]
    fn texels_are_relative_padded_and_nan_for_missing() {
        let mut out = Vec::new();
        position_texels(
            &[10.0, f64::NAN, 12.5],
            &[20.0, 1.0, 21.0],
            (10.0, 20.0),
            2,
            &mut out,
        );
        assert_eq!(out.len(), 2 * 2 * 2);
        assert_eq!(&out[..2], &[0.0, 0.0]);
        assert!(out[2].is_nan());
        assert_eq!(&out[4..6], &[2.5, 1.0]);
        assert_eq!(&out[6..], &[0.0, 0.0]);
    }
}
