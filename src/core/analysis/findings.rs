//! Findings in plain words: the handful of facts the play-back shows a
//! community about itself, computed from its networks.
//!
//! Each [`Finding`] carries a [`FindingKind`] with a stable i18n key and named
//! arguments, so the UI translates it; [`Finding::sentence`] is only the
//! English fallback. Groups of fewer than [`MIN_GROUP`] people are never
//! reported, so nobody can be singled out.

use super::build::{
    people_network, people_places_network, CAN_CHANGE_ATTR, ROLE_ATTR, ROLE_NAMED, ROLE_RESIDENT,
    WELLBEING_ATTR,
};
use super::components::cut_sets;
use super::csr::Csr;
use super::paths::path_metrics;
use super::two_mode::place_figures;
use crate::core::model::{Community, WellbeingScale};
use crate::core::network::{AttrValue, Network};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The smallest group a finding may describe.
pub const MIN_GROUP: usize = 5;
/// At most this many brokers are named.
const MAX_BROKERS: usize = 5;

/// What a finding is about. Serialised in snake_case; [`FindingKind::key`]
/// gives the i18n key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// `value` = share of residents who named nobody; args `count`, `residents`.
    NamedNobody,
    /// `value` = share of residents with no change-maker within two steps;
    /// args `count`, `residents`.
    NoChangeMakerNearby,
    /// `value` = the group's mean ties; args `mean_ties`, `overall_mean_ties`,
    /// `size`; words `attribute`, `group`.
    MostIsolatedGroup,
    /// `value` = number of brokers; `about` = them, most between first; args `count`.
    Brokers,
    /// `value` = number of places whose visitors go nowhere else on the map;
    /// `about` = those places; args `count`, `places`.
    PlacesSharingNoVisitors,
    /// `value` = mean wellbeing of residents with `min_ties..=max_ties` ties;
    /// args `min_ties`, `max_ties` (−1 = no upper bound), `people`.
    WellbeingByTies,
}

impl FindingKind {
    /// The i18n message key, e.g. `finding-named-nobody`.
    pub fn key(self) -> &'static str {
        match self {
            FindingKind::NamedNobody => "finding-named-nobody",
            FindingKind::NoChangeMakerNearby => "finding-no-change-maker-nearby",
            FindingKind::MostIsolatedGroup => "finding-most-isolated-group",
            FindingKind::Brokers => "finding-brokers",
            FindingKind::PlacesSharingNoVisitors => "finding-places-sharing-no-visitors",
            FindingKind::WellbeingByTies => "finding-wellbeing-by-ties",
        }
    }
}

/// One fact, with everything a translation needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub value: f64,
    /// Node ids the finding is about (to highlight on the sociogram).
    pub about: Vec<String>,
    /// Named numeric arguments for the message.
    pub params: BTreeMap<String, f64>,
    /// Named text arguments (attribute and group names), if any.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub words: BTreeMap<String, String>,
}

impl Finding {
    fn new(kind: FindingKind, value: f64, about: Vec<String>, params: &[(&str, f64)]) -> Self {
        Self {
            kind,
            value,
            about,
            params: params.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            words: BTreeMap::new(),
        }
    }

    fn param(&self, k: &str) -> f64 {
        self.params.get(k).copied().unwrap_or(0.0)
    }

    /// The English fallback sentence.
    pub fn sentence(&self) -> String {
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        let word = |k: &str| self.words.get(k).cloned().unwrap_or_default();
        match self.kind {
            FindingKind::NamedNobody => format!(
                "{} of residents ({} of {}) named nobody.",
                pct(self.value),
                self.param("count"),
                self.param("residents")
            ),
            FindingKind::NoChangeMakerNearby => format!(
                "{} of residents cannot reach anyone who can change things locally within two steps.",
                pct(self.value)
            ),
            FindingKind::MostIsolatedGroup => format!(
                "People answering \"{}\" to {} have {:.1} ties on average, against {:.1} overall.",
                word("group"),
                word("attribute"),
                self.value,
                self.param("overall_mean_ties")
            ),
            FindingKind::Brokers => format!(
                "{} people hold parts of the network together: without them, groups would lose touch.",
                self.value
            ),
            FindingKind::PlacesSharingNoVisitors => format!(
                "{} of {} places share no visitors with any other place.",
                self.value,
                self.param("places")
            ),
            FindingKind::WellbeingByTies => {
                let max = self.param("max_ties");
                let range = if max < 0.0 {
                    format!("{} or more", self.param("min_ties"))
                } else if max == self.param("min_ties") {
                    format!("{max}")
                } else {
                    format!("{} to {}", self.param("min_ties"), max)
                };
                format!(
                    "Residents with {range} ties rate their wellbeing {:.1} on average ({} people).",
                    self.value,
                    self.param("people")
                )
            }
        }
    }
}

fn attr_str<'a>(net: &'a Network, v: usize, k: &str) -> Option<&'a str> {
    net.nodes[v].attrs.get(k).and_then(AttrValue::as_str)
}

fn residents(net: &Network) -> Vec<usize> {
    (0..net.nodes.len())
        .filter(|&v| attr_str(net, v, ROLE_ATTR) == Some(ROLE_RESIDENT))
        .collect()
}

/// Every finding the community's networks support, in a fixed order.
///
/// # Complexity
/// Dominated by betweenness on the people network, O(n·m).
pub fn findings(c: &Community) -> Vec<Finding> {
    let people = people_network(c);
    let g = Csr::with_direction(&people, false);
    let betweenness = path_metrics(&g, false).betweenness;
    findings_with(c, &people, &betweenness)
}

/// As [`findings`], with the people network and its (undirected, exact or
/// sampled) betweenness already computed, as the analysis worker has them.
/// A betweenness of the wrong length counts as zero everywhere.
///
/// # Complexity
/// O(n + m) besides the two-mode network's place figures.
pub fn findings_with(c: &Community, people: &Network, betweenness: &[f64]) -> Vec<Finding> {
    let g = Csr::with_direction(people, false);
    let res = residents(people);
    let mut out = Vec::new();
    if res.is_empty() {
        return out;
    }
    let zeros;
    let betweenness = if betweenness.len() == g.n {
        betweenness
    } else {
        zeros = vec![0.0; g.n];
        &zeros
    };
    out.push(named_nobody(people, &g, &res));
    out.extend(no_change_maker_nearby(people, &g, &res));
    out.extend(most_isolated_group(c, people, &g, &res));
    out.extend(brokers(people, &g, betweenness));
    out.extend(places_sharing_no_visitors(c));
    if c.event.wellbeing != WellbeingScale::None {
        out.extend(wellbeing_by_ties(people, &g, &res));
    }
    out
}

fn named_nobody(net: &Network, g: &Csr, res: &[usize]) -> Finding {
    let nobody: Vec<usize> = res
        .iter()
        .copied()
        .filter(|&v| named_count(net, g, v) == 0)
        .collect();
    let share = nobody.len() as f64 / res.len() as f64;
    Finding::new(
        FindingKind::NamedNobody,
        share,
        nobody.iter().map(|&v| net.nodes[v].id.clone()).collect(),
        &[
            ("count", nobody.len() as f64),
            ("residents", res.len() as f64),
        ],
    )
}

/// Named people adjacent to a resident (the people they drew).
fn named_count(net: &Network, g: &Csr, v: usize) -> usize {
    g.out
        .row(v)
        .iter()
        .filter(|&&u| attr_str(net, u as usize, ROLE_ATTR) == Some(ROLE_NAMED))
        .count()
}

fn is_change_maker(net: &Network, v: usize) -> bool {
    net.nodes[v].attrs.get(CAN_CHANGE_ATTR) == Some(&AttrValue::Bool(true))
}

fn no_change_maker_nearby(net: &Network, g: &Csr, res: &[usize]) -> Option<Finding> {
    if !(0..net.nodes.len()).any(|v| is_change_maker(net, v)) {
        return None;
    }
    let far: Vec<usize> = res
        .iter()
        .copied()
        .filter(|&v| {
            let near = g.out.row(v).iter().any(|&u| {
                let u = u as usize;
                is_change_maker(net, u)
                    || g.out
                        .row(u)
                        .iter()
                        .any(|&w| w as usize != v && is_change_maker(net, w as usize))
            });
            !near
        })
        .collect();
    Some(Finding::new(
        FindingKind::NoChangeMakerNearby,
        far.len() as f64 / res.len() as f64,
        far.iter().map(|&v| net.nodes[v].id.clone()).collect(),
        &[("count", far.len() as f64), ("residents", res.len() as f64)],
    ))
}

fn most_isolated_group(c: &Community, net: &Network, g: &Csr, res: &[usize]) -> Option<Finding> {
    let ties = |v: usize| g.out.len(v) as f64;
    let overall = res.iter().map(|&v| ties(v)).sum::<f64>() / res.len() as f64;
    let mut worst: Option<Finding> = None;
    for q in &c.event.attributes {
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &v in res {
            if let Some(answer) = attr_str(net, v, q.id.as_str()) {
                groups.entry(answer).or_default().push(v);
            }
        }
        for (answer, members) in groups {
            if members.len() < MIN_GROUP {
                continue;
            }
            let mean = members.iter().map(|&v| ties(v)).sum::<f64>() / members.len() as f64;
            if mean >= overall || worst.as_ref().is_some_and(|w| w.value <= mean) {
                continue;
            }
            let mut f = Finding::new(
                FindingKind::MostIsolatedGroup,
                mean,
                members.iter().map(|&v| net.nodes[v].id.clone()).collect(),
                &[
                    ("mean_ties", mean),
                    ("overall_mean_ties", overall),
                    ("size", members.len() as f64),
                ],
            );
            f.words.insert("attribute".into(), q.label.clone());
            f.words.insert("group".into(), answer.to_string());
            worst = Some(f);
        }
    }
    worst
}

fn brokers(net: &Network, g: &Csr, b: &[f64]) -> Option<Finding> {
    let cuts = cut_sets(g);
    let mut cut: Vec<usize> = (0..g.n)
        .filter(|&v| cuts.articulation[v] && b[v] > 0.0)
        .collect();
    if cut.is_empty() {
        return None;
    }
    cut.sort_by(|&x, &y| b[y].total_cmp(&b[x]).then(x.cmp(&y)));
    let count = cut.len();
    cut.truncate(MAX_BROKERS);
    Some(Finding::new(
        FindingKind::Brokers,
        count as f64,
        cut.iter().map(|&v| net.nodes[v].id.clone()).collect(),
        &[("count", count as f64)],
    ))
}

fn places_sharing_no_visitors(c: &Community) -> Option<Finding> {
    let net = people_places_network(c);
    let figures = place_figures(&net, &[]);
    let visited: Vec<_> = figures.iter().filter(|p| p.people > 0).collect();
    if visited.len() < 2 {
        return None;
    }
    let alone: Vec<String> = visited
        .iter()
        .filter(|p| p.linked_places == 0)
        .map(|p| p.id.clone())
        .collect();
    Some(Finding::new(
        FindingKind::PlacesSharingNoVisitors,
        alone.len() as f64,
        alone.clone(),
        &[
            ("count", alone.len() as f64),
            ("places", visited.len() as f64),
        ],
    ))
}

/// Tie-count bands for the wellbeing comparison: none, 1–2, 3–5, 6 or more.
const BANDS: [(usize, Option<usize>); 4] = [(0, Some(0)), (1, Some(2)), (3, Some(5)), (6, None)];

fn wellbeing_by_ties(net: &Network, g: &Csr, res: &[usize]) -> Vec<Finding> {
    BANDS
        .iter()
        .filter_map(|&(lo, hi)| {
            let scores: Vec<f64> = res
                .iter()
                .filter(|&&v| {
                    let t = g.out.len(v);
                    t >= lo && hi.is_none_or(|h| t <= h)
                })
                .filter_map(|&v| {
                    net.nodes[v]
                        .attrs
                        .get(WELLBEING_ATTR)
                        .and_then(AttrValue::as_f64)
                })
                .collect();
            (scores.len() >= MIN_GROUP).then(|| {
                let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                Finding::new(
                    FindingKind::WellbeingByTies,
                    mean,
                    Vec::new(),
                    &[
                        ("min_ties", lo as f64),
                        ("max_ties", hi.map_or(-1.0, |h| h as f64)),
                        ("people", scores.len() as f64),
                    ],
                )
            })
        })
        .collect()
}
