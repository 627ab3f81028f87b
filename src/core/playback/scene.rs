//! One list of display nodes and ties for the play-back: the people network,
//! the places people go, and the analysis, folded together.
//!
//! Privacy is decided here, once: a [`SceneNode`] carries a label only for a
//! place from the event's own list, or, when the facilitator turned labels
//! on ([`Labels`]), a public figure or a named person. Residents are never
//! labelled. Nothing downstream (canvas, DOM, exports) has any other name to
//! show.

use crate::core::analysis::build::{CAN_CHANGE_ATTR, KNOWS, ROLE_ATTR, ROLE_RESIDENT, TYPE_ATTR};
use crate::core::analysis::{
    analyze, findings, people_network, people_places_network, AnalysisOptions, AnalysisReport,
    Finding, NodeMetrics, PathMode,
};
use crate::core::model::{Community, Response};
use crate::core::network::{AttrValue, Network, KIND_ATTR, KIND_PLACE};
use crate::core::playback::findings::{finding_texts, FindingText};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// Someone who drew a map.
    Resident,
    /// Someone a resident named.
    Named,
    /// A place, group or organisation people go to.
    Place,
}

/// What a tie stands for; each kind is drawn in its own style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TieKind {
    Family,
    Friend,
    Neighbour,
    Work,
    Service,
    Other,
    /// Two named people know each other (the resident said so).
    Knows,
    /// A resident goes to a place.
    Visit,
}

impl TieKind {
    pub const ALL: [TieKind; 8] = [
        TieKind::Family,
        TieKind::Friend,
        TieKind::Neighbour,
        TieKind::Work,
        TieKind::Service,
        TieKind::Other,
        TieKind::Knows,
        TieKind::Visit,
    ];

    fn from_attr(value: Option<&str>) -> TieKind {
        match value {
            Some("family") => TieKind::Family,
            Some("friend") => TieKind::Friend,
            Some("neighbour") => TieKind::Neighbour,
            Some("work") => TieKind::Work,
            Some("service") => TieKind::Service,
            Some(KNOWS) => TieKind::Knows,
            _ => TieKind::Other,
        }
    }

    /// The legend's i18n key.
    pub fn key(self) -> &'static str {
        match self {
            TieKind::Family => "pb-tie-family",
            TieKind::Friend => "pb-tie-friend",
            TieKind::Neighbour => "pb-tie-neighbour",
            TieKind::Work => "pb-tie-work",
            TieKind::Service => "pb-tie-service",
            TieKind::Other => "pb-tie-other",
            TieKind::Knows => "pb-tie-knows",
            TieKind::Visit => "pb-tie-visit",
        }
    }
}

/// One dot or square, with everything the lenses and cards need.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    /// The network's stable node id (`r:…`, `a:…`, `p:…`): never shown.
    pub id: String,
    pub kind: NodeKind,
    /// Community rank: 0 is the largest group; places have `u32::MAX`.
    pub group: u32,
    /// Ties of any kind (people network, undirected).
    pub degree: u32,
    /// For residents: how many people they named.
    pub named: u32,
    /// For named people: how many residents named them; for places: visitors.
    pub named_by: u32,
    /// Betweenness, when computed (phase two of the analysis).
    pub betweenness: Option<f64>,
    /// Holds parts of the network together (articulation point that lies
    /// between others, or among the most between).
    pub broker: bool,
    /// Named by someone as able to change things locally.
    pub change_maker: bool,
    /// A resident who can reach a change-maker in at most two steps.
    pub reaches_change: bool,
    /// On the edge: a resident who named nobody, or a person only one
    /// resident named.
    pub isolate: bool,
    /// In the attribute group the group lens shows.
    pub in_group: bool,
    /// Public text only: a listed place's name (or an allowed public figure).
    pub label: Option<String>,
    /// The timeline step (0-based finish order) from which it is shown.
    pub since: u32,
}

/// One tie between two scene nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SceneEdge {
    pub source: u32,
    pub target: u32,
    pub kind: TieKind,
    /// Removing it would split a component.
    pub bridge: bool,
    pub since: u32,
}

/// The attribute group the group lens highlights.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupChoice {
    /// The question's label, as the facilitator wrote it.
    pub attribute: String,
    /// The answer shared by the group.
    pub answer: String,
    pub size: usize,
}

/// Everything the play-back draws, before any lens.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    /// People per community rank, largest first.
    pub group_sizes: Vec<usize>,
    /// Timeline length: the number of finished maps.
    pub steps: u32,
    pub group: Option<GroupChoice>,
    /// Translatable findings (counts only); empty until phase two.
    pub findings: Vec<FindingText>,
    /// True once betweenness has been computed.
    pub complete: bool,
    /// Residents' answers to the event's questions, for colouring by one.
    pub attributes: Vec<AttributeColumn>,
}

/// One question's answers across the scene: `of_node[i]` indexes `answers`
/// for residents who answered; everyone else has `None`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttributeColumn {
    /// The question's label, as the facilitator wrote it.
    pub label: String,
    /// Distinct answers, most common first.
    pub answers: Vec<String>,
    /// Residents per answer, in the same order.
    pub counts: Vec<usize>,
    /// The last entry of `answers` stands for every rarer answer.
    pub others: bool,
    pub of_node: Vec<Option<u16>>,
}

/// Which names the big screen may show. Places from the event's own list
/// are always public; people's names only when the facilitator says so,
/// from the facilitator workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Labels {
    /// Listed places only (the default: people are dots without names).
    #[default]
    Places,
    /// Also the public figures residents picked from the event's roster.
    PublicFigures,
    /// Also every named person (for a closed meeting, never a public screen).
    Everyone,
}

impl Labels {
    pub const ALL: [Labels; 3] = [Labels::Places, Labels::PublicFigures, Labels::Everyone];

    /// A stable name for tests and form values.
    pub fn id(self) -> &'static str {
        match self {
            Labels::Places => "places",
            Labels::PublicFigures => "public-figures",
            Labels::Everyone => "everyone",
        }
    }

    /// The i18n key of the choice's label.
    pub fn key(self) -> &'static str {
        match self {
            Labels::Places => "pb-labels-places",
            Labels::PublicFigures => "pb-labels-public-figures",
            Labels::Everyone => "pb-labels-everyone",
        }
    }

    /// Whether a named person (public figure or not) gets their name.
    pub fn names(self, public_figure: bool) -> bool {
        match self {
            Labels::Places => false,
            Labels::PublicFigures => public_figure,
            Labels::Everyone => true,
        }
    }
}

/// How to build a scene.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneOptions {
    /// `Skip` for an instant first picture; `Exact`/`Sampled` for brokers.
    pub paths: PathMode,
    /// Which names may be shown (the facilitator's switch; places only by default).
    pub labels: Labels,
}

impl Default for SceneOptions {
    fn default() -> Self {
        Self {
            paths: PathMode::Skip,
            labels: Labels::Places,
        }
    }
}

/// Path metrics above this many nodes are sampled, not exact.
const EXACT_PATHS_UP_TO: usize = 3000;
/// Sources sampled for betweenness on larger networks.
const PIVOTS: usize = 200;
/// The share of most-between people that also count as brokers.
const TOP_BETWEEN_SHARE: f64 = 0.02;
/// Groups smaller than this are never highlighted on their own.
pub const MIN_GROUP: usize = crate::core::analysis::findings::MIN_GROUP;

/// An analysis computed elsewhere, for [`Scene::with_analysis`]: the
/// worker's report (of the people network, undirected) and its findings.
#[derive(Debug, Clone, Copy)]
pub struct SceneAnalysis<'a> {
    pub report: &'a AnalysisReport,
    pub findings: &'a [Finding],
}

/// The options a scene's analysis uses: undirected, no attribute groups.
fn scene_analysis_options(paths: PathMode) -> AnalysisOptions {
    AnalysisOptions {
        directed: Some(false),
        paths,
        attributes: Some(Vec::new()),
        ..AnalysisOptions::default()
    }
}

/// The path mode suited to a network of `n` nodes.
pub fn paths_for(n: usize) -> PathMode {
    if n <= EXACT_PATHS_UP_TO {
        PathMode::Exact
    } else {
        PathMode::Sampled {
            pivots: PIVOTS,
            seed: 7,
        }
    }
}

/// Finished responses in the order they were finished (ties by id).
pub fn finish_order(c: &Community) -> Vec<&Response> {
    let mut order: Vec<&Response> = c.finished().collect();
    order.sort_by(|a, b| {
        let at = |r: &Response| r.finished_at.unwrap_or(r.updated_at).0;
        at(a).cmp(&at(b)).then_with(|| a.id.cmp(&b.id))
    });
    order
}

impl Scene {
    /// The scene of a community: people, the places they go, analysis and
    /// (when `options.paths` is not `Skip`) findings, all computed here.
    ///
    /// # Complexity
    /// That of [`analyze`] on the people network: O(n·m) with exact paths.
    pub fn from_community(c: &Community, options: &SceneOptions) -> Scene {
        let people = people_network(c);
        let report = analyze(&people, &scene_analysis_options(options.paths));
        let found = if options.paths != PathMode::Skip {
            findings(c)
        } else {
            Vec::new()
        };
        let analysis = SceneAnalysis {
            report: &report,
            findings: &found,
        };
        Scene::with_analysis(c, &people, options, Some(analysis))
    }

    /// The scene of a community with an analysis computed elsewhere (the
    /// analysis worker), possibly of an earlier version of the community:
    /// metrics are matched by node id, and nodes the analysis has not seen
    /// yet get neutral values until the next result. `people` is
    /// `people_network(c)`. Runs no analysis: O(n + m).
    pub fn with_analysis(
        c: &Community,
        people: &Network,
        options: &SceneOptions,
        analysis: Option<SceneAnalysis<'_>>,
    ) -> Scene {
        let places = people_places_network(c);
        let order: Vec<String> = finish_order(c)
            .iter()
            .map(|r| format!("r:{}", r.id))
            .collect();
        let mut scene =
            Scene::networks_with_analysis(people, Some(&places), &order, options, analysis);
        if let Some((question, answer, size)) = most_isolated_group(c, people) {
            mark_group(&mut scene, people, &question, &answer);
            let attribute = c
                .event
                .attributes
                .iter()
                .find(|q| q.id.as_str() == question)
                .map(|q| q.label.clone())
                .unwrap_or_default();
            scene.group = Some(GroupChoice {
                attribute,
                answer,
                size,
            });
        }
        scene.attributes = attribute_columns(c, people, scene.nodes.len());
        scene
    }

    /// The scene of a people network (roles in `role`, ties typed in
    /// `type`) and, optionally, the two-mode people–places network whose
    /// resident ids match. `order` lists resident ids in finish order; nodes
    /// reached from no listed resident are shown from step 0. The analysis
    /// (`options.paths` deep) is computed here.
    pub fn from_networks(
        people: &Network,
        places: Option<&Network>,
        order: &[String],
        options: &SceneOptions,
    ) -> Scene {
        let report = analyze(people, &scene_analysis_options(options.paths));
        let analysis = SceneAnalysis {
            report: &report,
            findings: &[],
        };
        Scene::networks_with_analysis(people, places, order, options, Some(analysis))
    }

    /// As [`Scene::from_networks`], with the analysis computed elsewhere
    /// (see [`Scene::with_analysis`]).
    pub fn networks_with_analysis(
        people: &Network,
        places: Option<&Network>,
        order: &[String],
        options: &SceneOptions,
        analysis: Option<SceneAnalysis<'_>>,
    ) -> Scene {
        let report = analysis.map(|a| a.report);
        let mut scene = people_scene(people, report, options);
        scene.steps = order.len() as u32;
        if let Some(places) = places {
            add_places(&mut scene, places);
        }
        set_since(&mut scene, order);
        mark_reach(&mut scene);
        scene.complete = report.is_some_and(|r| r.paths != PathMode::Skip);
        if let Some(a) = analysis.filter(|_| scene.complete) {
            scene.findings = finding_texts(a.findings);
        }
        scene
    }

    /// The scene index of a node id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.nodes.iter().position(|n| n.id == id).map(|i| i as u32)
    }

    /// Nodes shown at timeline `step` (all of them at `steps`).
    pub fn visible_count(&self, step: u32) -> usize {
        self.nodes.iter().filter(|n| n.since < step.max(1)).count()
    }
}

fn attr_str<'a>(net: &'a Network, v: usize, key: &str) -> Option<&'a str> {
    net.nodes[v].attrs.get(key).and_then(AttrValue::as_str)
}

fn people_scene(
    people: &Network,
    report: Option<&AnalysisReport>,
    options: &SceneOptions,
) -> Scene {
    let n = people.nodes.len();
    let by_id: HashMap<&str, &NodeMetrics> = report
        .map(|r| r.nodes.iter().map(|m| (m.id.as_str(), m)).collect())
        .unwrap_or_default();
    let metrics: Vec<Option<&NodeMetrics>> = people
        .nodes
        .iter()
        .map(|node| by_id.get(node.id.as_str()).copied())
        .collect();
    let (groups, group_sizes) = rank_communities(&metrics);
    let mut degree = vec![0u32; n];
    for e in &people.edges {
        if e.source < n && e.target < n && e.source != e.target {
            degree[e.source] += 1;
            degree[e.target] += 1;
        }
    }
    let mut named = vec![0u32; n];
    let mut named_by = vec![0u32; n];
    // Read once per person, not twice per tie (a map lookup each: a third
    // of rebuilding 2,000 people's scene as their analysis lands).
    let residents: Vec<bool> = (0..n)
        .map(|v| attr_str(people, v, ROLE_ATTR) == Some(ROLE_RESIDENT))
        .collect();
    let resident = |v: usize| residents[v];
    for e in &people.edges {
        if e.source < n && e.target < n && resident(e.source) && !resident(e.target) {
            named[e.source] += 1;
            named_by[e.target] += 1;
        }
    }
    let brokers = brokers(&metrics);
    let nodes = (0..n)
        .map(|v| {
            let m = metrics[v];
            let kind = if resident(v) {
                NodeKind::Resident
            } else {
                NodeKind::Named
            };
            let attrs = &people.nodes[v].attrs;
            let public = attrs.get("public_figure") == Some(&AttrValue::Bool(true));
            SceneNode {
                id: people.nodes[v].id.clone(),
                kind,
                group: groups[v],
                degree: m.map_or(degree[v], |m| m.degree as u32),
                named: named[v],
                named_by: named_by[v],
                betweenness: m.and_then(|m| m.betweenness),
                broker: brokers[v],
                change_maker: attrs.get(CAN_CHANGE_ATTR) == Some(&AttrValue::Bool(true)),
                reaches_change: false,
                isolate: match kind {
                    NodeKind::Resident => named[v] == 0,
                    _ => named_by[v] <= 1,
                },
                in_group: false,
                label: (kind == NodeKind::Named && options.labels.names(public))
                    .then(|| people.nodes[v].label.clone())
                    .flatten(),
                since: 0,
            }
        })
        .collect();
    let bridges = bridge_pairs(people, report);
    let edges = people
        .edges
        .iter()
        .filter(|e| e.source < n && e.target < n && e.source != e.target)
        .map(|e| SceneEdge {
            source: e.source as u32,
            target: e.target as u32,
            kind: TieKind::from_attr(e.attrs.get(TYPE_ATTR).and_then(AttrValue::as_str)),
            bridge: bridges.contains(&unordered(e.source, e.target)),
            since: 0,
        })
        .collect();
    Scene {
        nodes,
        edges,
        group_sizes,
        ..Scene::default()
    }
}

fn unordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// The report's bridges as pairs of node indices, smaller first.
fn bridge_pairs(people: &Network, report: Option<&AnalysisReport>) -> HashSet<(usize, usize)> {
    let Some(bridges) = report.map(|r| &r.bridges).filter(|b| !b.is_empty()) else {
        return HashSet::new();
    };
    let index: HashMap<&str, usize> = people
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), i))
        .collect();
    bridges
        .iter()
        .filter_map(|(a, b)| Some(unordered(*index.get(a.as_str())?, *index.get(b.as_str())?)))
        .collect()
}

/// Community ids renumbered by size, largest first (ties by id), and sizes.
/// Nodes the analysis has not seen yet share one further rank.
fn rank_communities(metrics: &[Option<&NodeMetrics>]) -> (Vec<u32>, Vec<usize>) {
    let mut sizes: BTreeMap<u32, usize> = BTreeMap::new();
    for m in metrics.iter().flatten() {
        *sizes.entry(m.community).or_default() += 1;
    }
    let mut ranked: Vec<(u32, usize)> = sizes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rank: BTreeMap<u32, u32> = ranked
        .iter()
        .enumerate()
        .map(|(r, (c, _))| (*c, r as u32))
        .collect();
    let unseen = ranked.len() as u32;
    let groups: Vec<u32> = metrics
        .iter()
        .map(|m| m.map_or(unseen, |m| rank.get(&m.community).copied().unwrap_or(0)))
        .collect();
    let mut sizes: Vec<usize> = ranked.into_iter().map(|(_, s)| s).collect();
    let new = groups.iter().filter(|&&g| g == unseen).count();
    if new > 0 {
        sizes.push(new);
    }
    (groups, sizes)
}

/// Articulation points that lie between others, plus the most between.
fn brokers(metrics: &[Option<&NodeMetrics>]) -> Vec<bool> {
    let mut between: Vec<f64> = metrics
        .iter()
        .flatten()
        .filter_map(|m| m.betweenness)
        .filter(|b| *b > 0.0)
        .collect();
    between.sort_by(|a, b| b.total_cmp(a));
    let top = ((metrics.len() as f64 * TOP_BETWEEN_SHARE).ceil() as usize).max(1);
    let threshold = between.get(top - 1).copied().unwrap_or(f64::INFINITY);
    metrics
        .iter()
        .map(|m| {
            m.is_some_and(|m| {
                let b = m.betweenness.unwrap_or(0.0);
                (m.articulation && (m.betweenness.is_none() || b > 0.0))
                    || (b > 0.0 && b >= threshold)
            })
        })
        .collect()
}

/// Adds the places (labelled only when on the event's own list) and the
/// residents' visits from the two-mode network.
fn add_places(scene: &mut Scene, places: &Network) {
    let mut index: BTreeMap<String, u32> = scene
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i as u32))
        .collect();
    let mut local = Vec::with_capacity(places.nodes.len());
    for node in &places.nodes {
        let is_place = node.attrs.get(KIND_ATTR).and_then(AttrValue::as_str) == Some(KIND_PLACE);
        if !is_place {
            local.push(index.get(&node.id).copied());
            continue;
        }
        let i = scene.nodes.len() as u32;
        let listed = node.id.starts_with("p:");
        scene.nodes.push(SceneNode {
            id: node.id.clone(),
            kind: NodeKind::Place,
            group: u32::MAX,
            degree: 0,
            named: 0,
            named_by: 0,
            betweenness: None,
            broker: false,
            change_maker: false,
            reaches_change: false,
            isolate: false,
            in_group: false,
            label: listed.then(|| node.label.clone()).flatten(),
            since: 0,
        });
        index.insert(node.id.clone(), i);
        local.push(Some(i));
    }
    for e in &places.edges {
        let ends = (
            local.get(e.source).copied().flatten(),
            local.get(e.target).copied().flatten(),
        );
        if let (Some(a), Some(b)) = ends {
            if a == b {
                continue;
            }
            for end in [a, b] {
                if scene.nodes[end as usize].kind == NodeKind::Place {
                    scene.nodes[end as usize].named_by += 1;
                }
            }
            scene.edges.push(SceneEdge {
                source: a,
                target: b,
                kind: TieKind::Visit,
                bridge: false,
                since: 0,
            });
        }
    }
}

/// Residents appear at their finish rank; anyone else with the first
/// resident who reaches them; a tie once both ends are there.
fn set_since(scene: &mut Scene, order: &[String]) {
    let rank: BTreeMap<&str, u32> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i as u32))
        .collect();
    let n = scene.nodes.len();
    let mut since: Vec<Option<u32>> = scene
        .nodes
        .iter()
        .map(|node| rank.get(node.id.as_str()).copied())
        .collect();
    // Named people and places: the earliest resident tied to them.
    for e in &scene.edges {
        let (s, t) = (e.source as usize, e.target as usize);
        for (from, to) in [(s, t), (t, s)] {
            if scene.nodes[from].kind == NodeKind::Resident
                && scene.nodes[to].kind != NodeKind::Resident
            {
                if let Some(r) = since[from] {
                    since[to] = Some(since[to].map_or(r, |x| x.min(r)));
                }
            }
        }
    }
    for (i, node) in scene.nodes.iter_mut().enumerate().take(n) {
        node.since = since[i].unwrap_or(0);
    }
    for e in &mut scene.edges {
        e.since = scene.nodes[e.source as usize]
            .since
            .max(scene.nodes[e.target as usize].since);
    }
}

/// Residents within two steps of a change-maker (through people ties).
fn mark_reach(scene: &mut Scene) {
    let n = scene.nodes.len();
    let mut adj = vec![Vec::new(); n];
    for e in scene.edges.iter().filter(|e| e.kind != TieKind::Visit) {
        adj[e.source as usize].push(e.target as usize);
        adj[e.target as usize].push(e.source as usize);
    }
    let mut dist = vec![u8::MAX; n];
    let mut queue = VecDeque::new();
    for (i, node) in scene.nodes.iter().enumerate() {
        if node.change_maker {
            dist[i] = 0;
            queue.push_back(i);
        }
    }
    while let Some(v) = queue.pop_front() {
        if dist[v] >= 2 {
            continue;
        }
        for &u in &adj[v] {
            if dist[u] == u8::MAX {
                dist[u] = dist[v] + 1;
                queue.push_back(u);
            }
        }
    }
    for (i, node) in scene.nodes.iter_mut().enumerate() {
        node.reaches_change = node.kind == NodeKind::Resident && dist[i] <= 2 && !node.change_maker;
    }
}

/// The attribute answer (of at least [`MIN_GROUP`] residents) whose
/// residents named the fewest people on average: `(question id, answer, size)`.
fn most_isolated_group(c: &Community, people: &Network) -> Option<(String, String, usize)> {
    let n = people.nodes.len();
    let mut named = vec![0usize; n];
    for e in &people.edges {
        if e.source < n {
            named[e.source] += 1;
        }
    }
    let residents: Vec<usize> = (0..n)
        .filter(|&v| attr_str(people, v, ROLE_ATTR) == Some(ROLE_RESIDENT))
        .collect();
    let mut best: Option<(f64, String, String, usize)> = None;
    for q in &c.event.attributes {
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &v in &residents {
            if let Some(a) = attr_str(people, v, q.id.as_str()) {
                groups.entry(a).or_default().push(v);
            }
        }
        for (answer, members) in groups {
            if members.len() < MIN_GROUP {
                continue;
            }
            let mean =
                members.iter().map(|&v| named[v]).sum::<usize>() as f64 / members.len() as f64;
            if best.as_ref().is_none_or(|b| mean < b.0) {
                best = Some((
                    mean,
                    q.id.as_str().to_string(),
                    answer.to_string(),
                    members.len(),
                ));
            }
        }
    }
    best.map(|(_, q, a, size)| (q, a, size))
}

fn mark_group(scene: &mut Scene, people: &Network, question: &str, answer: &str) {
    for (v, node) in people.nodes.iter().enumerate() {
        if node.attrs.get(question).and_then(AttrValue::as_str) == Some(answer) {
            if let Some(s) = scene.nodes.get_mut(v) {
                s.in_group = true;
            }
        }
    }
}

/// Answers (at most this many distinct ones) to colour by; rarer answers
/// join the last colour.
const MAX_ANSWERS: usize = 8;

/// The residents' answers to each of the event's questions, by scene node
/// (the people network's nodes come first in a scene, in the same order).
fn attribute_columns(c: &Community, people: &Network, n: usize) -> Vec<AttributeColumn> {
    c.event
        .attributes
        .iter()
        .filter_map(|q| {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for v in 0..people.nodes.len() {
                if let Some(a) = attr_str(people, v, q.id.as_str()) {
                    if attr_str(people, v, ROLE_ATTR) == Some(ROLE_RESIDENT) {
                        *counts.entry(a).or_default() += 1;
                    }
                }
            }
            if counts.is_empty() {
                return None;
            }
            let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let others = ranked.len() > MAX_ANSWERS;
            ranked.truncate(if others { MAX_ANSWERS - 1 } else { MAX_ANSWERS });
            let mut answers: Vec<String> = ranked.iter().map(|(a, _)| a.to_string()).collect();
            if others {
                answers.push(String::new());
            }
            let mut of_node = vec![None; n];
            let mut counts = vec![0; answers.len()];
            for (v, slot) in of_node.iter_mut().enumerate().take(people.nodes.len()) {
                if attr_str(people, v, ROLE_ATTR) != Some(ROLE_RESIDENT) {
                    continue;
                }
                let Some(a) = attr_str(people, v, q.id.as_str()) else {
                    continue;
                };
                let k = answers
                    .iter()
                    .position(|x| x == a)
                    .unwrap_or(answers.len() - 1);
                *slot = Some(k as u16);
                counts[k] += 1;
            }
            Some(AttributeColumn {
                label: q.label.clone(),
                answers,
                counts,
                others,
                of_node,
            })
        })
        .collect()
}
