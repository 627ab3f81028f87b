//! Display styles as a pure function of scene, lens, timeline step and the
//! "you" highlight: nodes and ties grouped into batches that look alike, so
//! a canvas draws each batch as one path, and the SVG export reads the same
//! batches. Layers order the batches: what a lens sets aside is drawn first,
//! what it is about last, on top.

use super::lens::Lens;
use super::palette::{self, Rgb};
use super::scene::{NodeKind, Scene, SceneEdge, SceneNode, TieKind};
use std::collections::BTreeMap;

/// How a node is drawn.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Shape {
    Circle,
    Square,
}

/// How a tie is drawn.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
}

impl Dash {
    /// The dash pattern in screen pixels (empty = solid).
    pub fn pattern(self) -> &'static [f64] {
        match self {
            Dash::Solid => &[],
            Dash::Dashed => &[6.0, 4.0],
            Dash::Dotted => &[1.5, 3.0],
        }
    }
}

/// The look shared by a batch of nodes. Alpha is in 1/255ths so looks compare.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct NodeLook {
    pub shape: Shape,
    pub fill: Rgb,
    pub alpha: u8,
    /// A ring around the node (the highlighted resident).
    pub outline: Option<Rgb>,
}

/// The look shared by a batch of ties. Width is in tenths of a pixel.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct EdgeLook {
    pub colour: Rgb,
    pub alpha: u8,
    pub width_tenths: u8,
    pub dash: Dash,
}

impl EdgeLook {
    pub fn width(self) -> f64 {
        f64::from(self.width_tenths) / 10.0
    }
}

/// Nodes drawn alike (indices into the scene; packed on their way to the
/// paint worker, see [`crate::core::packed`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NodeBatch {
    pub look: NodeLook,
    #[serde(with = "crate::core::packed")]
    pub nodes: Vec<u32>,
}

/// Ties drawn alike (indices into the scene's edges; packed too).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EdgeBatch {
    pub look: EdgeLook,
    #[serde(with = "crate::core::packed")]
    pub edges: Vec<u32>,
}

/// A legend swatch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    Node(Shape, Rgb),
    Line(Rgb, Dash),
}

/// One legend line: a swatch and its i18n key with numeric arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub swatch: Swatch,
    pub key: &'static str,
    pub args: Vec<(&'static str, f64)>,
    /// A facilitator's own words for the message's `answer` (an answer to
    /// one of the event's questions), shown as written.
    pub text: Option<String>,
}

/// The resident who just finished, and how strongly they stand out (1 at
/// first, fading to 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Highlight {
    pub node: u32,
    pub strength: f64,
}

/// Everything needed to draw one frame, bar positions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Styles {
    /// Radius (half-side for squares) in screen pixels, per scene node.
    pub radius: Vec<f32>,
    pub node_batches: Vec<NodeBatch>,
    pub edge_batches: Vec<EdgeBatch>,
    /// Nodes to label (their scene label is public by construction).
    pub labels: Vec<u32>,
    pub legend: Vec<LegendEntry>,
    /// Nodes and ties drawn.
    pub visible_nodes: usize,
    pub visible_edges: usize,
}

/// Every i18n key a legend can use (the key test reads this).
pub const LEGEND_KEYS: [&str; 12] = [
    "pb-legend-group",
    "pb-legend-other-groups",
    "pb-legend-named-nobody",
    "pb-legend-named-once",
    "pb-legend-others",
    "pb-legend-brokers",
    "pb-legend-bridges",
    "pb-legend-change-makers",
    "pb-legend-reach",
    "pb-legend-places",
    "pb-legend-residents",
    "pb-legend-in-group",
];
/// The legend line of the resident who just finished.
pub const LEGEND_YOU: &str = "pb-legend-you";
/// The same highlight when the facilitator searched for someone.
pub const LEGEND_FOUND: &str = "pb-legend-found";
/// Above this many ties every tie is drawn solid: a dash pattern costs one
/// segment per few pixels of line, and thousands of long dotted ties cost a
/// software renderer most of a second per frame.
pub const DASHES_UP_TO: usize = 2500;
/// Community colours listed in the legend at most.
const LEGEND_GROUPS: usize = palette::GROUPS.len();

/// How a lens sees one node: hidden, or drawn on a layer in a colour.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Role {
    layer: u8,
    fill: Rgb,
    alpha: f64,
}

const fn role(layer: u8, fill: Rgb, alpha: f64) -> Option<Role> {
    Some(Role { layer, fill, alpha })
}

fn dim() -> Option<Role> {
    role(0, palette::DIM, 0.55)
}

/// What a node's size stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SizeBy {
    /// Ties of any kind (the default).
    #[default]
    Ties,
    /// How many residents named the person.
    Mentions,
    /// How much the person lies between others (once computed).
    Betweenness,
}

impl SizeBy {
    pub const ALL: [SizeBy; 3] = [SizeBy::Ties, SizeBy::Mentions, SizeBy::Betweenness];

    pub fn id(self) -> &'static str {
        match self {
            SizeBy::Ties => "ties",
            SizeBy::Mentions => "mentions",
            SizeBy::Betweenness => "betweenness",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SizeBy::Ties => "pb-size-ties",
            SizeBy::Mentions => "pb-size-mentions",
            SizeBy::Betweenness => "pb-size-betweenness",
        }
    }

    pub fn from_id(id: &str) -> Option<SizeBy> {
        SizeBy::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What colour means in the groups lens: the community, or a resident's
/// answer to one of the event's questions (index into `Scene::attributes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColourBy {
    #[default]
    Community,
    Attribute(u16),
}

/// The viewer's choices of size and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Appearance {
    pub size_by: SizeBy,
    pub colour_by: ColourBy,
}

/// The colour of answer `k` of a question (the "others" bucket is grey).
fn answer_colour(col: &super::scene::AttributeColumn, k: usize) -> Rgb {
    if col.others && k + 1 == col.answers.len() {
        palette::OTHER_GROUP
    } else {
        palette::group_colour(k as u32)
    }
}

/// The groups lens coloured by answers: residents in their answer's colour,
/// residents who did not answer plain, everyone else set aside.
fn answer_role(n: &SceneNode, col: &super::scene::AttributeColumn, i: usize) -> Option<Role> {
    match (n.kind, col.of_node.get(i).copied().flatten()) {
        (NodeKind::Place, _) => None,
        (_, Some(k)) => role(2, answer_colour(col, usize::from(k)), 1.0),
        (NodeKind::Resident, None) => role(1, palette::PLAIN, 0.6),
        _ => role(0, palette::DIM, 0.45),
    }
}

fn node_role(lens: Lens, n: &SceneNode) -> Option<Role> {
    // The places lens shows residents and places; the others, people only.
    match (lens, n.kind) {
        (Lens::Places, NodeKind::Place) => return role(2, palette::PLACE, 1.0),
        (Lens::Places, NodeKind::Resident) => return role(1, palette::PLAIN, 0.8),
        (Lens::Places, NodeKind::Named) | (_, NodeKind::Place) => return None,
        _ => {}
    }
    let group = palette::group_colour(n.group);
    match lens {
        Lens::Communities => role(1, group, 0.95),
        Lens::Isolates if n.isolate && n.kind == NodeKind::Resident => {
            role(2, palette::STRONG, 1.0)
        }
        Lens::Isolates if n.isolate => role(1, palette::SECOND, 0.8),
        Lens::Brokers if n.broker => role(2, palette::STRONG, 1.0),
        Lens::Brokers => role(0, group, 0.3),
        Lens::ChangeMakers if n.change_maker => role(2, palette::STRONG, 1.0),
        Lens::ChangeMakers if n.reaches_change => role(1, palette::SECOND, 0.9),
        Lens::Group if n.in_group => role(2, palette::STRONG, 1.0),
        _ => dim(),
    }
}

fn tie_base(kind: TieKind, dashes: bool) -> (Rgb, Dash, u8) {
    let (colour, dash, width) = tie_kind_base(kind);
    (colour, if dashes { dash } else { Dash::Solid }, width)
}

fn tie_kind_base(kind: TieKind) -> (Rgb, Dash, u8) {
    match kind {
        TieKind::Family => (Rgb(240, 170, 130), Dash::Solid, 12),
        TieKind::Friend => (Rgb(140, 210, 170), Dash::Solid, 12),
        TieKind::Neighbour => (Rgb(150, 175, 235), Dash::Dashed, 12),
        TieKind::Work => (Rgb(205, 170, 235), Dash::Dashed, 12),
        TieKind::Service => (Rgb(215, 210, 140), Dash::Dotted, 14),
        TieKind::Other => (Rgb(160, 170, 190), Dash::Solid, 10),
        TieKind::Knows => (Rgb(125, 135, 160), Dash::Dotted, 10),
        TieKind::Visit => (palette::PLACE, Dash::Solid, 8),
    }
}

fn edge_look(
    lens: Lens,
    e: &SceneEdge,
    ends: (Option<Role>, Option<Role>),
    dashes: bool,
) -> Option<EdgeLook> {
    let (a, b) = (ends.0?, ends.1?);
    if (e.kind == TieKind::Visit) != lens.shows_places() {
        return None;
    }
    let (colour, dash, width) = tie_base(e.kind, dashes);
    if lens == Lens::Brokers && e.bridge {
        return Some(EdgeLook {
            colour: palette::STRONG,
            alpha: 230,
            width_tenths: 25,
            dash: Dash::Solid,
        });
    }
    let alpha = match a.layer.max(b.layer) {
        0 => 0.12,
        1 => 0.3,
        _ => 0.5,
    };
    Some(EdgeLook {
        colour,
        alpha: to_u8(alpha),
        width_tenths: width,
        dash,
    })
}

fn to_u8(alpha: f64) -> u8 {
    (alpha.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// The layer of the nodes a lens is about, and their least radius (px).
const FOCUS_LAYER: u8 = 2;
const FOCUS_RADIUS: f32 = 5.0;

/// The node radius in screen pixels: grows with the square root of ties (or
/// visitors, for places), so a much-named person stands out without hiding
/// their neighbours.
pub fn radius(n: &SceneNode) -> f32 {
    match n.kind {
        NodeKind::Place => (5.0 + 1.6 * f64::from(n.named_by).sqrt()).min(22.0) as f32,
        _ => (2.5 + 1.7 * f64::from(n.degree).sqrt()).min(18.0) as f32,
    }
}

/// The node radius under a chosen size metric; places always grow with
/// their visitors, and betweenness falls back to ties until computed.
pub fn radius_by(n: &SceneNode, size_by: SizeBy, max_betweenness: f64) -> f32 {
    match (n.kind, size_by) {
        (NodeKind::Place, _) | (_, SizeBy::Ties) => radius(n),
        (_, SizeBy::Mentions) => (3.0 + 2.2 * f64::from(n.named_by).sqrt()).min(18.0) as f32,
        (_, SizeBy::Betweenness) => match n.betweenness {
            Some(b) if max_betweenness > 0.0 && b.is_finite() => {
                (2.5 + 15.5 * (b.max(0.0) / max_betweenness).sqrt()).min(18.0) as f32
            }
            _ => radius(n),
        },
    }
}

/// True when the node is on screen at timeline `step` of `steps`.
pub fn shown(since: u32, step: u32, steps: u32) -> bool {
    step >= steps || since < step
}

/// The styles of one frame.
///
/// # Arguments
/// * `scene` – the nodes and ties.
/// * `lens` – what to emphasise.
/// * `step` – timeline position: maps `0..step` are shown (`scene.steps` or
///   more shows everything).
/// * `you` – the resident to highlight, if any.
///
/// # Complexity
/// O((n + m) log b) for b distinct looks.
pub fn styles(scene: &Scene, lens: Lens, step: u32, you: Option<Highlight>) -> Styles {
    styles_with(scene, lens, step, you, Appearance::default())
}

/// [`styles`] with the viewer's choice of size metric and colouring.
pub fn styles_with(
    scene: &Scene,
    lens: Lens,
    step: u32,
    you: Option<Highlight>,
    look: Appearance,
) -> Styles {
    let column = match (lens, look.colour_by) {
        (Lens::Communities, ColourBy::Attribute(k)) => scene.attributes.get(usize::from(k)),
        _ => None,
    };
    let roles: Vec<Option<Role>> = scene
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            shown(n.since, step, scene.steps)
                .then(|| match column {
                    Some(col) => answer_role(n, col, i),
                    None => node_role(lens, n),
                })
                .flatten()
        })
        .collect();
    let you =
        you.filter(|h| h.strength > 0.0 && roles.get(h.node as usize).is_some_and(|r| r.is_some()));
    let fade = you.map_or(1.0, |h| 1.0 - 0.75 * h.strength.clamp(0.0, 1.0));
    let near = neighbours_of(scene, you.map(|h| h.node));
    let max_between = scene
        .nodes
        .iter()
        .filter_map(|n| n.betweenness)
        .filter(|b| b.is_finite())
        .fold(0.0, f64::max);
    let mut radius: Vec<f32> = scene
        .nodes
        .iter()
        .map(|n| radius_by(n, look.size_by, max_between))
        .collect();
    let mut nodes: BTreeMap<(u8, NodeLook), Vec<u32>> = BTreeMap::new();
    let mut labels = Vec::new();
    for (i, r) in roles.iter().enumerate() {
        let Some(r) = r else { continue };
        let is_you = you.is_some_and(|h| h.node as usize == i);
        let (layer, alpha, outline) = if is_you {
            radius[i] = radius[i].max(6.0) * (1.0 + you.map_or(0.0, |h| h.strength) as f32);
            (4, 1.0, Some(palette::YOU))
        } else if near.get(i).copied().unwrap_or(false) {
            (3, r.alpha, None)
        } else {
            if r.layer >= FOCUS_LAYER {
                // What the lens is about stays visible even with no ties
                // (residents who named nobody are otherwise the smallest dots).
                radius[i] = radius[i].max(FOCUS_RADIUS);
            }
            (r.layer, r.alpha * fade, None)
        };
        let shape = if scene.nodes[i].kind == NodeKind::Place {
            Shape::Square
        } else {
            Shape::Circle
        };
        let look = NodeLook {
            shape,
            fill: r.fill,
            alpha: to_u8(alpha),
            outline,
        };
        nodes.entry((layer, look)).or_default().push(i as u32);
        if scene.nodes[i].label.is_some() {
            labels.push(i as u32);
        }
    }
    let dashes = scene.edges.len() <= DASHES_UP_TO;
    let mut edges: BTreeMap<(u8, EdgeLook), Vec<u32>> = BTreeMap::new();
    for (k, e) in scene.edges.iter().enumerate() {
        if !shown(e.since, step, scene.steps) {
            continue;
        }
        let ends = (roles[e.source as usize], roles[e.target as usize]);
        let Some(mut look) = edge_look(lens, e, ends, dashes) else {
            continue;
        };
        let mine = you.is_some_and(|h| h.node == e.source || h.node == e.target);
        let layer = if mine {
            look = EdgeLook {
                colour: palette::YOU,
                alpha: to_u8(0.35 + 0.6 * you.map_or(0.0, |h| h.strength)),
                width_tenths: 25,
                dash: Dash::Solid,
            };
            2
        } else {
            look.alpha = to_u8(f64::from(look.alpha) / 255.0 * fade);
            u8::from(look.colour == palette::STRONG)
        };
        edges.entry((layer, look)).or_default().push(k as u32);
    }
    let visible_nodes = nodes.values().map(Vec::len).sum();
    let visible_edges = edges.values().map(Vec::len).sum();
    let mut legend = match column {
        Some(col) => answer_legend(scene, col, &edges, dashes),
        None => legend(scene, lens, &edges, dashes),
    };
    if you.is_some() {
        legend.insert(
            0,
            entry(
                Swatch::Node(Shape::Circle, palette::YOU),
                LEGEND_YOU,
                Vec::new(),
            ),
        );
    }
    Styles {
        radius,
        node_batches: nodes
            .into_iter()
            .map(|((_, look), nodes)| NodeBatch { look, nodes })
            .collect(),
        edge_batches: edges
            .into_iter()
            .map(|((_, look), edges)| EdgeBatch { look, edges })
            .collect(),
        labels,
        legend,
        visible_nodes,
        visible_edges,
    }
}

fn neighbours_of(scene: &Scene, node: Option<u32>) -> Vec<bool> {
    let mut near = vec![false; scene.nodes.len()];
    if let Some(v) = node {
        for e in &scene.edges {
            if e.source == v {
                near[e.target as usize] = true;
            } else if e.target == v {
                near[e.source as usize] = true;
            }
        }
    }
    near
}

fn entry(swatch: Swatch, key: &'static str, args: Vec<(&'static str, f64)>) -> LegendEntry {
    LegendEntry {
        swatch,
        key,
        args,
        text: None,
    }
}

fn dot(colour: Rgb) -> Swatch {
    Swatch::Node(Shape::Circle, colour)
}

fn legend(
    scene: &Scene,
    lens: Lens,
    edges: &BTreeMap<(u8, EdgeLook), Vec<u32>>,
    dashes: bool,
) -> Vec<LegendEntry> {
    let others = || entry(dot(palette::DIM), LEGEND_KEYS[4], Vec::new());
    let mut out = match lens {
        Lens::Communities => {
            let mut v: Vec<LegendEntry> = scene
                .group_sizes
                .iter()
                .take(LEGEND_GROUPS)
                .enumerate()
                .map(|(r, size)| {
                    entry(
                        dot(palette::group_colour(r as u32)),
                        LEGEND_KEYS[0],
                        vec![("group", (r + 1) as f64), ("count", *size as f64)],
                    )
                })
                .collect();
            if scene.group_sizes.len() > LEGEND_GROUPS {
                let rest = scene.group_sizes.len() - LEGEND_GROUPS;
                v.push(entry(
                    dot(palette::OTHER_GROUP),
                    LEGEND_KEYS[1],
                    vec![("count", rest as f64)],
                ));
            }
            v
        }
        Lens::Isolates => vec![
            entry(dot(palette::STRONG), LEGEND_KEYS[2], Vec::new()),
            entry(dot(palette::SECOND), LEGEND_KEYS[3], Vec::new()),
            others(),
        ],
        Lens::Brokers => vec![
            entry(dot(palette::STRONG), LEGEND_KEYS[5], Vec::new()),
            entry(
                Swatch::Line(palette::STRONG, Dash::Solid),
                LEGEND_KEYS[6],
                Vec::new(),
            ),
        ],
        Lens::ChangeMakers => vec![
            entry(dot(palette::STRONG), LEGEND_KEYS[7], Vec::new()),
            entry(dot(palette::SECOND), LEGEND_KEYS[8], Vec::new()),
            others(),
        ],
        Lens::Places => vec![
            entry(
                Swatch::Node(Shape::Square, palette::PLACE),
                LEGEND_KEYS[9],
                Vec::new(),
            ),
            entry(dot(palette::PLAIN), LEGEND_KEYS[10], Vec::new()),
        ],
        Lens::Group => vec![
            entry(
                dot(palette::STRONG),
                LEGEND_KEYS[11],
                vec![("count", scene.group.as_ref().map_or(0, |g| g.size) as f64)],
            ),
            others(),
        ],
    };
    out.extend(tie_legend(scene, edges, dashes));
    out
}

/// The tie kinds on screen, in a fixed order.
fn tie_legend(
    scene: &Scene,
    edges: &BTreeMap<(u8, EdgeLook), Vec<u32>>,
    dashes: bool,
) -> Vec<LegendEntry> {
    let kinds: std::collections::BTreeSet<TieKind> = edges
        .values()
        .flatten()
        .map(|&k| scene.edges[k as usize].kind)
        .collect();
    kinds
        .into_iter()
        .map(|kind| {
            let (colour, dash, _) = tie_base(kind, dashes);
            entry(Swatch::Line(colour, dash), kind.key(), Vec::new())
        })
        .collect()
}

/// The legend of the groups lens coloured by one question's answers.
fn answer_legend(
    scene: &Scene,
    col: &super::scene::AttributeColumn,
    edges: &BTreeMap<(u8, EdgeLook), Vec<u32>>,
    dashes: bool,
) -> Vec<LegendEntry> {
    let mut out: Vec<LegendEntry> = col
        .answers
        .iter()
        .enumerate()
        .map(|(k, answer)| {
            let count = vec![("count", col.counts.get(k).copied().unwrap_or(0) as f64)];
            let swatch = dot(answer_colour(col, k));
            if col.others && k + 1 == col.answers.len() {
                entry(swatch, LEGEND_OTHER_ANSWERS, count)
            } else {
                LegendEntry {
                    text: Some(answer.clone()),
                    ..entry(swatch, LEGEND_ANSWER, count)
                }
            }
        })
        .collect();
    out.push(entry(dot(palette::PLAIN), LEGEND_NO_ANSWER, Vec::new()));
    out.push(entry(dot(palette::DIM), LEGEND_NAMED, Vec::new()));
    out.extend(tie_legend(scene, edges, dashes));
    out
}

const LEGEND_ANSWER: &str = "pb-legend-answer";
const LEGEND_OTHER_ANSWERS: &str = "pb-legend-other-answers";
const LEGEND_NO_ANSWER: &str = "pb-legend-no-answer";
const LEGEND_NAMED: &str = "pb-legend-named";

/// Every i18n key [`styles`] can put in a legend.
pub fn legend_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = LEGEND_KEYS.to_vec();
    keys.push(LEGEND_YOU);
    keys.push(LEGEND_FOUND);
    keys.extend([
        LEGEND_ANSWER,
        LEGEND_OTHER_ANSWERS,
        LEGEND_NO_ANSWER,
        LEGEND_NAMED,
    ]);
    keys.extend(TieKind::ALL.iter().map(|k| k.key()));
    keys
}

/// Ties drawn per frame at most: software rasterisers (no GPU) spend most of
/// a frame on a few thousand long anti-aliased lines, so larger networks show
/// an even sample of their ties (sigma.js hides edges on move for the same
/// reason). The SVG export always draws every tie.
pub const EDGES_PER_FRAME: usize = 4000;
/// While the picture is being dragged or zoomed, above this many ties none
/// are drawn, so the picture follows the finger.
pub const EDGES_WHILE_MOVING: usize = 2000;

/// Which ties a frame draws: every `k`-th of each batch, or none (0).
///
/// # Example
/// ```
/// use weave::core::playback::style::edge_stride;
/// assert_eq!(edge_stride(1500, false), 1);
/// assert_eq!(edge_stride(60_000, false), 15);
/// assert_eq!(edge_stride(6_000, true), 0);
/// ```
pub fn edge_stride(visible_edges: usize, moving: bool) -> usize {
    super::renderer::EdgeBudget {
        per_frame: EDGES_PER_FRAME,
        while_moving: EDGES_WHILE_MOVING,
    }
    .stride(visible_edges, moving)
}
