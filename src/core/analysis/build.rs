//! From a [`Community`] to [`Network`]s: the people network (residents and
//! the people they named, with merges applied), the two-mode people–places
//! network, and its projections. Only finished responses count.
//!
//! Node ids are stable and readable: `r:<response>` for a resident,
//! `a:<response>:<alter>` for a named person (a merged group takes its
//! smallest member's id), `p:<place>` for a listed place (and for a
//! resident-added place the facilitator accepted or merged into one),
//! `n:<response>:<new place>` for a resident-added place still waiting for
//! review, and `n:<name>` for one the facilitator renamed and kept off the list.

use super::two_mode::{project, Mode};
use crate::core::model::{
    name_key, AlterRef, Community, PlaceRef, PlaceResolution, PromptKind, Relationship, Response,
};
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON, KIND_PLACE};
use std::collections::{BTreeSet, HashMap};

/// The attribute saying whether a person node is a resident or was named.
pub const ROLE_ATTR: &str = "role";
pub const ROLE_RESIDENT: &str = "resident";
pub const ROLE_NAMED: &str = "named";
/// Set on named people some resident said can change things locally.
pub const CAN_CHANGE_ATTR: &str = "can_change";
pub const WELLBEING_ATTR: &str = "wellbeing";
/// Edge attribute: the relationship, or `knows` for ties between named people.
pub const TYPE_ATTR: &str = "type";
pub const KNOWS: &str = "knows";

fn s(v: &str) -> AttrValue {
    AttrValue::Str(v.to_string())
}

fn resident_id(r: &Response) -> String {
    format!("r:{}", r.id)
}

fn alter_id(a: &AlterRef) -> String {
    format!("a:{}:{}", a.response, a.alter.0)
}

/// Ring 1 (closest) weighs 3, ring 2 weighs 2, anything further 1.
fn ring_weight(ring: u8) -> f64 {
    match ring {
        1 => 3.0,
        2 => 2.0,
        _ => 1.0,
    }
}

fn relationship_name(r: Relationship) -> &'static str {
    match r {
        Relationship::Family => "family",
        Relationship::Friend => "friend",
        Relationship::Neighbour => "neighbour",
        Relationship::Work => "work",
        Relationship::Service => "service",
        Relationship::Other => "other",
    }
}

fn resident_attrs(r: &Response) -> Attrs {
    let mut a = Attrs::new();
    a.insert(KIND_ATTR.into(), s(KIND_PERSON));
    a.insert(ROLE_ATTR.into(), s(ROLE_RESIDENT));
    for (q, answer) in &r.answers {
        a.insert(q.0.clone(), s(answer));
    }
    if let Some(w) = r.wellbeing {
        a.insert(WELLBEING_ATTR.into(), AttrValue::Int(i64::from(w)));
    }
    a
}

/// Maps every named person in a finished response to its node id, applying
/// merges: a group's id is its smallest member that is in a finished response.
/// (The comparison of two events reads it to find a named person's node.)
/// A hash map: it is only looked up, thousands of times per build, and
/// ordered keys compared response ids string by string.
pub fn alter_representatives(c: &Community) -> HashMap<AlterRef, String> {
    let mut map = HashMap::new();
    for r in c.finished() {
        for a in &r.alters {
            let key = AlterRef {
                response: r.id.clone(),
                alter: a.id,
            };
            map.insert(key.clone(), alter_id(&key));
        }
    }
    for group in c.merged_groups() {
        let present: Vec<&AlterRef> = group.iter().filter(|m| map.contains_key(*m)).collect();
        if let Some(first) = present.iter().min() {
            let id = alter_id(first);
            for m in &present {
                map.insert((*m).clone(), id.clone());
            }
        }
    }
    map
}

/// Adds a node the first time its id is seen; returns its index either way.
fn node(
    net: &mut Network,
    index: &mut HashMap<String, usize>,
    id: &str,
    label: Option<String>,
    attrs: Attrs,
) -> usize {
    if let Some(&i) = index.get(id) {
        return i;
    }
    let i = net.add_node(id, label, attrs);
    index.insert(id.to_string(), i);
    i
}

/// The people network: a directed tie from each resident to each person
/// they named, and `knows` ties between named people.
///
/// Tie weight is closeness (ring 1 → 3, 2 → 2, 3 → 1) plus the number of
/// prompts the person was named under. Edge attributes: `type`
/// (relationship), `prompts` (comma list), `can_change`, `ring`.
///
/// # Complexity
/// O(total alters · log) plus the merge log.
pub fn people_network(c: &Community) -> Network {
    let reps = alter_representatives(c);
    let change_prompts: BTreeSet<&str> = c
        .event
        .prompts
        .iter()
        .filter(|p| p.kind == PromptKind::ChangeMaker)
        .map(|p| p.id.as_str())
        .collect();
    let mut net = Network::new(true);
    let mut index = HashMap::new();
    let mut knows = BTreeSet::new();
    for r in c.finished() {
        let me = node(
            &mut net,
            &mut index,
            &resident_id(r),
            None,
            resident_attrs(r),
        );
        for a in &r.alters {
            let key = AlterRef {
                response: r.id.clone(),
                alter: a.id,
            };
            let Some(id) = reps.get(&key) else { continue };
            let mut attrs = Attrs::new();
            attrs.insert(KIND_ATTR.into(), s(KIND_PERSON));
            attrs.insert(ROLE_ATTR.into(), s(ROLE_NAMED));
            let label = (!a.name.is_empty()).then(|| a.name.clone());
            let them = node(&mut net, &mut index, id, label, attrs);
            let change = a.can_change == Some(true)
                || a.prompts
                    .iter()
                    .any(|p| change_prompts.contains(p.as_str()));
            if change {
                net.nodes[them]
                    .attrs
                    .insert(CAN_CHANGE_ATTR.into(), AttrValue::Bool(true));
            }
            if a.public_figure {
                net.nodes[them]
                    .attrs
                    .insert("public_figure".into(), AttrValue::Bool(true));
            }
            let mut e = Attrs::new();
            if let Some(rel) = a.relationship {
                e.insert(TYPE_ATTR.into(), s(relationship_name(rel)));
            }
            let prompts: Vec<&str> = a.prompts.iter().map(|p| p.as_str()).collect();
            e.insert("prompts".into(), s(&prompts.join(",")));
            if let Some(cc) = a.can_change {
                e.insert(CAN_CHANGE_ATTR.into(), AttrValue::Bool(cc));
            }
            e.insert("ring".into(), AttrValue::Int(i64::from(a.ring)));
            let weight = ring_weight(a.ring) + a.prompts.len() as f64;
            net.add_edge(me, them, weight, e);
        }
        for t in &r.ties {
            let ends = [t.a, t.b].map(|alter| {
                reps.get(&AlterRef {
                    response: r.id.clone(),
                    alter,
                })
                .and_then(|id| index.get(id).copied())
            });
            if let [Some(x), Some(y)] = ends {
                if x != y && knows.insert((x.min(y), x.max(y))) {
                    let mut e = Attrs::new();
                    e.insert(TYPE_ATTR.into(), s(KNOWS));
                    net.add_edge(x.min(y), x.max(y), 1.0, e);
                }
            }
        }
    }
    net
}

/// The node id a resident's place visit lands on, after the facilitator's
/// decisions; with the label and category to give it if it is new.
fn place_target(
    c: &Community,
    r: &Response,
    place: &PlaceRef,
) -> Option<(String, Option<String>, Option<String>)> {
    match place {
        PlaceRef::Listed(p) => Some((format!("p:{p}"), None, None)),
        PlaceRef::New(id) => {
            let added = r.new_places.iter().find(|p| p.id == *id)?;
            let category = Some(format!("{:?}", added.category).to_lowercase());
            Some(match c.place_resolution(&r.id, *id) {
                Some(PlaceResolution::MergeInto { place })
                | Some(PlaceResolution::Accept { place }) => {
                    (format!("p:{place}"), Some(added.name.clone()), category)
                }
                // Kept off the list under the facilitator's name for it: every
                // place renamed to the same name is one node.
                Some(PlaceResolution::Rename { name, category }) => (
                    format!("n:{}", name_key(name)),
                    Some(name.clone()),
                    Some(format!("{category:?}").to_lowercase()),
                ),
                Some(PlaceResolution::Reopen) | None => (
                    format!("n:{}:{}", r.id, id.0),
                    Some(added.name.clone()),
                    category,
                ),
            })
        }
    }
}

fn place_attrs(category: Option<String>) -> Attrs {
    let mut a = Attrs::new();
    a.insert(KIND_ATTR.into(), s(KIND_PLACE));
    if let Some(cat) = category {
        a.insert("category".into(), AttrValue::Str(cat));
    }
    a
}

/// The two-mode network: residents (`kind=person`) linked to the places
/// (`kind=place`) they go to. Every listed place is a node, visited or not.
/// Edge attributes: `frequency` when given, `information` when true.
pub fn people_places_network(c: &Community) -> Network {
    let mut net = Network::new(false);
    let mut index = HashMap::new();
    for p in &c.event.places {
        let cat = Some(format!("{:?}", p.category).to_lowercase());
        node(
            &mut net,
            &mut index,
            &format!("p:{}", p.id),
            Some(p.name.clone()),
            place_attrs(cat),
        );
    }
    let mut seen = BTreeSet::new();
    for r in c.finished() {
        let me = node(
            &mut net,
            &mut index,
            &resident_id(r),
            None,
            resident_attrs(r),
        );
        for visit in &r.places {
            let Some((id, label, cat)) = place_target(c, r, &visit.place) else {
                continue;
            };
            let there = node(&mut net, &mut index, &id, label, place_attrs(cat));
            if !seen.insert((me, there)) {
                continue;
            }
            let mut e = Attrs::new();
            if let Some(f) = visit.frequency {
                e.insert("frequency".into(), s(&format!("{f:?}").to_lowercase()));
            }
            if visit.information {
                e.insert("information".into(), AttrValue::Bool(true));
            }
            net.add_edge(me, there, 1.0, e);
        }
    }
    net
}

/// People linked by shared places, or places linked by shared people; the
/// weight counts what they share.
pub fn projection(c: &Community, keep: Mode) -> Network {
    project(&people_places_network(c), keep)
}
