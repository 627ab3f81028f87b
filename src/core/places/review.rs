//! Places residents added that were not on the list, as the facilitator
//! reviews them: grouped by name (three residents' "Boxing club" are one
//! review), each group pending or decided, with listed places that look like
//! it suggested for a merge.
//!
//! A decision is appended to the community's place-decision log, one entry
//! per resident's place; residents' responses are never edited. Taking a
//! decision back appends `Reopen` entries, so the log keeps what was decided
//! and when. The two-mode network, analysis and play-back read the decision
//! in force (`Community::place_resolution`).

use super::edit::PlaceEdit;
use super::ids::{fresh_id, taken_ids};
use super::palette::fold;
use crate::core::model::{
    Community, NewPlaceId, Place, PlaceCategory, PlaceDecision, PlaceId, PlaceRef, PlaceResolution,
    ResponseId, Timestamp,
};
use std::collections::BTreeMap;

/// One resident's added place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NewPlaceMember {
    pub response: ResponseId,
    pub id: NewPlaceId,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewState {
    Pending,
    Decided(PlaceResolution),
}

/// Residents' added places with the same name and the same decision in force.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlaceGroup {
    /// Stable key for the view: the folded name and the state.
    pub key: String,
    /// The spelling most residents used (the first, on a tie).
    pub name: String,
    pub category: PlaceCategory,
    pub members: Vec<NewPlaceMember>,
    pub state: ReviewState,
    /// Listed places that look like this one, best first (at most 3).
    pub suggestions: Vec<PlaceId>,
}

impl NewPlaceGroup {
    /// How many residents added it.
    pub fn residents(&self) -> usize {
        let mut r: Vec<&ResponseId> = self.members.iter().map(|m| &m.response).collect();
        r.sort();
        r.dedup();
        r.len()
    }
}

/// How alike two names are, 0..=1: the best of Jaro–Winkler on folded
/// names, containment ("Boxing club" in "Murton Boxing Club"), and shared
/// words ("Welfare hall bingo" and "Murton Welfare Hall" share two of three).
pub fn likeness(a: &str, b: &str) -> f64 {
    let (a, b) = (fold(a), fold(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let jw = strsim::jaro_winkler(&a, &b);
    let contained = if a.contains(&b) || b.contains(&a) {
        0.9
    } else {
        0.0
    };
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    let words = shared as f64 / wa.len().min(wb.len()) as f64;
    let by_words = if shared >= 2 { 0.5 + 0.5 * words } else { 0.0 };
    jw.max(contained).max(by_words)
}

/// Names at least this alike are suggested for a merge.
pub const SUGGEST_AT: f64 = 0.82;

/// Listed places that look like `name`, best first.
pub fn suggestions(places: &[Place], name: &str) -> Vec<PlaceId> {
    let mut scored: Vec<(f64, &Place)> = places
        .iter()
        .map(|p| (likeness(&p.name, name), p))
        .filter(|(s, _)| *s >= SUGGEST_AT)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(3)
        .map(|(_, p)| p.id.clone())
        .collect()
}

fn state_key(s: &ReviewState) -> String {
    match s {
        ReviewState::Pending => "pending".into(),
        ReviewState::Decided(PlaceResolution::Accept { place }) => format!("accept:{place}"),
        ReviewState::Decided(PlaceResolution::MergeInto { place }) => format!("merge:{place}"),
        ReviewState::Decided(PlaceResolution::Rename { name, .. }) => {
            format!("rename:{}", fold(name))
        }
        ReviewState::Decided(PlaceResolution::Reopen) => "pending".into(),
    }
}

/// Every added place in finished responses, grouped; pending groups first
/// (most residents first), then decided ones.
///
/// # Complexity
/// O(added places × (decisions + listed places)).
pub fn groups(c: &Community) -> Vec<NewPlaceGroup> {
    struct Acc {
        names: BTreeMap<String, (usize, usize)>,
        cats: BTreeMap<PlaceCategory, usize>,
        members: Vec<NewPlaceMember>,
        state: ReviewState,
        first: usize,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    let mut order = 0;
    for r in c.finished() {
        for p in &r.new_places {
            // Only places the resident still goes to (an added then removed
            // place stays in the response but is not on their map).
            if !r.places.iter().any(|v| v.place == PlaceRef::New(p.id)) {
                continue;
            }
            let state = match c.place_resolution(&r.id, p.id) {
                Some(res) => ReviewState::Decided(res.clone()),
                None => ReviewState::Pending,
            };
            let key = format!("{}|{}", fold(&p.name), state_key(&state));
            order += 1;
            let a = acc.entry(key).or_insert_with(|| Acc {
                names: BTreeMap::new(),
                cats: BTreeMap::new(),
                members: Vec::new(),
                state,
                first: order,
            });
            let n = a.names.entry(p.name.clone()).or_insert((0, order));
            n.0 += 1;
            *a.cats.entry(p.category).or_default() += 1;
            a.members.push(NewPlaceMember {
                response: r.id.clone(),
                id: p.id,
            });
        }
    }
    let mut out: Vec<(usize, NewPlaceGroup)> = acc
        .into_iter()
        .map(|(key, a)| {
            let name = a
                .names
                .iter()
                .max_by(|x, y| x.1 .0.cmp(&y.1 .0).then(y.1 .1.cmp(&x.1 .1)))
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            let category = a
                .cats
                .iter()
                .max_by_key(|(_, n)| **n)
                .map_or(PlaceCategory::Venue, |(c, _)| *c);
            let suggestions = suggestions(&c.event.places, &name);
            (
                a.first,
                NewPlaceGroup {
                    key,
                    name,
                    category,
                    members: a.members,
                    state: a.state,
                    suggestions,
                },
            )
        })
        .collect();
    out.sort_by(|(fa, a), (fb, b)| {
        let pending = |g: &NewPlaceGroup| g.state != ReviewState::Pending;
        pending(a)
            .cmp(&pending(b))
            .then(b.residents().cmp(&a.residents()))
            .then(fa.cmp(fb))
    });
    out.into_iter().map(|(_, g)| g).collect()
}

/// One decision per member of the group.
pub fn decide(
    group: &NewPlaceGroup,
    resolution: PlaceResolution,
    now: Timestamp,
) -> Vec<PlaceDecision> {
    group
        .members
        .iter()
        .map(|m| PlaceDecision {
            response: m.response.clone(),
            new_place: m.id,
            resolution: resolution.clone(),
            decided_at: now,
        })
        .collect()
}

/// Accepting a group onto the list: the new listed place (appended, with a
/// fresh id) and the decisions that send the residents' places to it.
pub fn accept(
    c: &Community,
    group: &NewPlaceGroup,
    name: &str,
    category: PlaceCategory,
    now: Timestamp,
) -> (PlaceEdit, Vec<PlaceDecision>) {
    let id = fresh_id(name, &taken_ids(&c.event));
    let place = Place {
        id: id.clone(),
        name: name.to_string(),
        category,
        description: String::new(),
        pin: None,
    };
    (
        PlaceEdit::Add { place, index: None },
        decide(group, PlaceResolution::Accept { place: id }, now),
    )
}

/// Taking a decision back: `Reopen` for every member; when the group had
/// been accepted onto the list and nothing else uses that listed place (no
/// resident picked it from the list, no other decision points at it), the
/// edit that takes it off the list again.
pub fn reopen(
    c: &Community,
    group: &NewPlaceGroup,
    now: Timestamp,
) -> (Option<PlaceEdit>, Vec<PlaceDecision>) {
    let decisions = decide(group, PlaceResolution::Reopen, now);
    let ReviewState::Decided(PlaceResolution::Accept { place }) = &group.state else {
        return (None, decisions);
    };
    let listed = c.finished().any(|r| {
        r.places
            .iter()
            .any(|v| v.place == PlaceRef::Listed(place.clone()))
    });
    let in_group = |r: &ResponseId, id: NewPlaceId| {
        group.members.iter().any(|m| &m.response == r && m.id == id)
    };
    let elsewhere = c.finished().any(|r| {
        r.new_places.iter().any(|p| {
            !in_group(&r.id, p.id)
                && matches!(
                    c.place_resolution(&r.id, p.id),
                    Some(PlaceResolution::Accept { place: q } | PlaceResolution::MergeInto { place: q })
                        if q == place
                )
        })
    });
    let edit = (!listed && !elsewhere && c.event.place(place).is_some())
        .then(|| PlaceEdit::Remove { id: place.clone() });
    (edit, decisions)
}

/// How many residents go to each listed place, read from the two-mode
/// network, so accepted and merged places count their residents too.
pub fn visitors(c: &Community) -> BTreeMap<PlaceId, usize> {
    let net = crate::core::analysis::people_places_network(c);
    let mut degree = vec![0usize; net.nodes.len()];
    for e in &net.edges {
        degree[e.source] += 1;
        degree[e.target] += 1;
    }
    net.nodes
        .iter()
        .zip(degree)
        .filter_map(|(n, d)| Some((PlaceId::new(n.id.strip_prefix("p:")?), d)))
        .collect()
}

/// How many residents' added places wait for review.
pub fn pending_count(c: &Community) -> usize {
    groups(c)
        .iter()
        .filter(|g| g.state == ReviewState::Pending)
        .map(|g| g.members.len())
        .sum()
}
