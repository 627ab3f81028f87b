//! How likely two mentions are one person, and why. A logistic score over
//! name evidence (same name, nickname, typo, initials, surname) and context
//! evidence (same area, shared places, shared co-named people, roster,
//! prompts). Conflicting surnames or roster figures rule a pair out.

use super::evidence::Evidence;
use super::index::{title_case, Index, Mention};
use super::nicknames::table;
use super::normalise::is_latin_word;
use super::phonetic::sounds_alike;
use super::social::Social;
use crate::core::model::Relationship;
use strsim::jaro_winkler;

/// What the score weighs: each feature's value times its weight is added
/// to the log-odds that two mentions are one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum F {
    Bias,
    FirstSame,
    FirstNickname,
    FirstSpelling,
    FirstSound,
    FirstInitial,
    LastSame,
    LastSpelling,
    LastInitial,
    LastInitialsBoth,
    FigureSame,
    FigureOneSided,
    FigureOneSidedPublic,
    WellKnown,
    WellKnownOneSided,
    AreaSame,
    AreaDifferent,
    Places,
    Rarity,
    AreaRarity,
    ChangeMakers,
    BothFamily,
    FamilyMismatch,
    SameRelationship,
    CoNamed,
    KnowsSame,
    SameDescription,
}

/// How many features there are.
pub const FEATURES: usize = 27;

/// Feature names, in [`F`] order (for fitting the weights offline).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "bias",
    "first_same",
    "first_nickname",
    "first_spelling",
    "first_sound",
    "first_initial",
    "last_same",
    "last_spelling",
    "last_initial",
    "last_initials_both",
    "figure_same",
    "figure_one_sided",
    "figure_one_sided_public",
    "well_known",
    "well_known_one_sided",
    "area_same",
    "area_different",
    "places",
    "rarity",
    "area_rarity",
    "change_makers",
    "both_family",
    "family_mismatch",
    "same_relationship",
    "co_named",
    "knows_same",
    "same_description",
];

/// The log-odds weight of each feature, in [`F`] order.
const WEIGHTS: [f64; FEATURES] = [
    -4.0, // Bias
    2.2,  // FirstSame
    1.8,  // FirstNickname
    1.4,  // FirstSpelling
    1.1,  // FirstSound
    0.3,  // FirstInitial
    3.0,  // LastSame
    2.2,  // LastSpelling
    0.9,  // LastInitial
    0.45, // LastInitialsBoth
    9.0,  // FigureSame
    -3.0, // FigureOneSided
    -1.0, // FigureOneSidedPublic
    2.5,  // WellKnown
    -1.5, // WellKnownOneSided
    1.0,  // AreaSame
    -2.0, // AreaDifferent
    2.0,  // Places
    0.45, // Rarity
    0.0,  // AreaRarity
    0.8,  // ChangeMakers
    -3.0, // BothFamily
    -1.5, // FamilyMismatch
    0.2,  // SameRelationship
    0.7,  // CoNamed
    1.2,  // KnowsSame
    3.0,  // SameDescription
];

/// Shared people count up to this much (see [`Social`]).
const CO_NAMED_CAP: f64 = 4.0;

fn weight(f: F) -> f64 {
    WEIGHTS[f as usize]
}

/// The most [`social_logit`] can add: screening may skip a pair whose
/// [`base_logit`] stays below the bar even with it.
pub fn social_max() -> f64 {
    weight(F::CoNamed).max(0.0) * CO_NAMED_CAP + weight(F::KnowsSame).max(0.0) * 2.0
}

/// The match score (0..1) for two mentions with its evidence, best first;
/// `None` when their names or roster figures rule the match out. `social`
/// says who else the residents named (see [`Social`]).
///
/// # Complexity
/// O(places + named people) of the two residents (sorted merges).
pub fn score(
    index: &Index,
    social: &Social,
    a: &Mention,
    b: &Mention,
) -> Option<(f64, Vec<Evidence>)> {
    let mut ev = Collector {
        on: true,
        ..Collector::default()
    };
    let z = logit(index, a, b, &mut ev)? + social_evidence(social, a, b, &mut ev);
    Some((sigmoid(z), ev.items))
}

/// The score alone, without building evidence: the fast path for screening pairs.
pub fn score_only(index: &Index, social: &Social, a: &Mention, b: &Mention) -> Option<f64> {
    Some(sigmoid(
        base_logit(index, a, b)? + social_logit(social, a, b),
    ))
}

/// Log-odds from the names and the residents' circumstances, without who
/// else they named; `None` when the names rule the match out.
pub fn base_logit(index: &Index, a: &Mention, b: &Mention) -> Option<f64> {
    let mut ev = Collector::default();
    logit(index, a, b, &mut ev)
}

/// Log-odds from who else the two residents named and whom they say this
/// person knows, at most [`SOCIAL_MAX`].
pub fn social_logit(social: &Social, a: &Mention, b: &Mention) -> f64 {
    let mut ev = Collector::default();
    social_evidence(social, a, b, &mut ev)
}

/// The logistic function: log-odds to a probability.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The log-odds of a probability (the inverse of [`sigmoid`]).
pub fn logit_of(p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0 - 1e-9);
    (p / (1.0 - p)).ln()
}

/// Gathers evidence (and feature values) only when asked, so screening
/// pairs allocates nothing.
#[derive(Default)]
struct Collector {
    on: bool,
    items: Vec<Evidence>,
    features: Option<[f64; FEATURES]>,
}

impl Collector {
    fn push(&mut self, make: impl FnOnce() -> Evidence) {
        if self.on {
            self.items.push(make());
        }
    }

    /// Records a feature's value; returns its weighted contribution.
    fn f(&mut self, f: F, value: f64) -> f64 {
        if let Some(v) = &mut self.features {
            v[f as usize] += value;
        }
        weight(f) * value
    }
}

/// The feature values of a pair (see [`F`]), for fitting weights offline;
/// `None` when the names rule the match out.
pub fn features(
    index: &Index,
    social: &Social,
    a: &Mention,
    b: &Mention,
) -> Option<[f64; FEATURES]> {
    let mut ev = Collector {
        features: Some([0.0; FEATURES]),
        ..Collector::default()
    };
    logit(index, a, b, &mut ev)?;
    social_evidence(social, a, b, &mut ev);
    ev.features
}

fn logit(index: &Index, a: &Mention, b: &Mention, ev: &mut Collector) -> Option<f64> {
    if a.context == b.context {
        return None;
    }
    let mut z = ev.f(F::Bias, 1.0);
    match (a.figure, b.figure) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(x), Some(_)) => {
            z += ev.f(F::FigureSame, 1.0);
            let f = index.roster.get(x)?;
            ev.push(|| Evidence::SamePublicFigure {
                name: f.name.clone(),
                role: f.role.clone(),
            });
        }
        (Some(_), None) | (None, Some(_)) => {
            // "Mark" as a friend is rarely the vicar; "Mark" as a service is likelier.
            let other_public = if a.figure.is_some() {
                b.public
            } else {
                a.public
            };
            z += if other_public {
                ev.f(F::FigureOneSidedPublic, 1.0)
            } else {
                ev.f(F::FigureOneSided, 1.0)
            };
            z += names(a, b, ev)?;
        }
        (None, None) => z += names(a, b, ev)?,
    }
    z += context(index, a, b, ev);
    Some(z)
}

fn shown(word: &str) -> String {
    title_case(word)
}

/// Name evidence: `None` on a conflict (Dave vs Robert, Smith vs Jones), or
/// when neither part of the name says anything.
fn names(a: &Mention, b: &Mention, ev: &mut Collector) -> Option<f64> {
    if !a.name.has_name() || !b.name.has_name() || a.name.kinship || b.name.kinship {
        return None;
    }
    let first = first_names(a, b, ev)?;
    let last = surnames(a, b, ev)?;
    (first > 0.0 || last > 0.0).then_some(first + last)
}

fn first_names(a: &Mention, b: &Mention, ev: &mut Collector) -> Option<f64> {
    let (na, nb) = (&a.name, &b.name);
    match (&na.first, &nb.first) {
        (Some(x), Some(y)) => compare_words(x, y, shares_row(a, b), ev),
        (Some(full), None) | (None, Some(full)) => {
            let initial = if na.first.is_some() {
                nb.first_initial
            } else {
                na.first_initial
            };
            match initial {
                Some(i) if initial_fits(i, full) => {
                    ev.push(|| Evidence::Initial {
                        initial: i.to_uppercase().collect(),
                        name: shown(full),
                    });
                    Some(ev.f(F::FirstInitial, 1.0))
                }
                Some(_) => None,
                None => Some(0.0),
            }
        }
        (None, None) => match (na.first_initial, nb.first_initial) {
            (Some(x), Some(y)) if x != y => None,
            (Some(_), Some(_)) => Some(ev.f(F::FirstInitial, 1.0)),
            _ => Some(0.0),
        },
    }
}

/// The two first names share a nickname row (typos already resolved).
fn shares_row(a: &Mention, b: &Mention) -> bool {
    a.first_groups.iter().any(|g| b.first_groups.contains(g))
}

fn compare_words(x: &str, y: &str, same_row: bool, ev: &mut Collector) -> Option<f64> {
    if x == y {
        ev.push(|| Evidence::SameName { name: shown(x) });
        return Some(ev.f(F::FirstSame, 1.0));
    }
    if same_row {
        ev.push(|| Evidence::Nickname {
            a: shown(x),
            b: shown(y),
        });
        return Some(ev.f(F::FirstNickname, 1.0));
    }
    let jw = jaro_winkler(x, y);
    let long = x.chars().count() >= 4 && y.chars().count() >= 4;
    if long && jw >= 0.88 {
        ev.push(|| Evidence::Spelling {
            a: shown(x),
            b: shown(y),
        });
        return Some(ev.f(F::FirstSpelling, 1.0));
    }
    if long && jw >= 0.75 && sounds_alike(x, y) {
        ev.push(|| Evidence::SoundsAlike {
            a: shown(x),
            b: shown(y),
        });
        return Some(ev.f(F::FirstSound, 1.0));
    }
    None
}

/// One word in Latin letters, the other not (after folding).
pub fn other_scripts(x: &str, y: &str) -> bool {
    is_latin_word(x) != is_latin_word(y)
}

/// "D" fits David, and fits Bob too (Robert's initial is R, Bob's is B: both).
fn initial_fits(initial: char, full: &str) -> bool {
    full.starts_with(initial)
        || table()
            .groups(full)
            .iter()
            .any(|&g| table().formal(g).starts_with(initial))
}

fn surnames(a: &Mention, b: &Mention, ev: &mut Collector) -> Option<f64> {
    let (na, nb) = (&a.name, &b.name);
    match (&na.last, &nb.last) {
        (Some(x), Some(y)) if x == y => {
            ev.push(|| Evidence::SameSurname { surname: shown(x) });
            Some(ev.f(F::LastSame, 1.0))
        }
        // خان and Khan cannot be compared letter by letter: no evidence either way.
        (Some(x), Some(y)) if other_scripts(x, y) => Some(0.0),
        (Some(x), Some(y)) => {
            let jw = jaro_winkler(x, y);
            if jw >= 0.9 || (jw >= 0.8 && sounds_alike(x, y)) {
                ev.push(|| Evidence::Spelling {
                    a: shown(x),
                    b: shown(y),
                });
                Some(ev.f(F::LastSpelling, 1.0))
            } else {
                None
            }
        }
        (Some(full), None) | (None, Some(full)) => {
            let initial = if na.last.is_some() {
                nb.last_initial
            } else {
                na.last_initial
            };
            match initial {
                Some(i) if full.starts_with(i) => {
                    ev.push(|| Evidence::Initial {
                        initial: i.to_uppercase().collect(),
                        name: shown(full),
                    });
                    Some(ev.f(F::LastInitial, 1.0))
                }
                Some(_) => None,
                None => Some(0.0),
            }
        }
        (None, None) => match (na.last_initial, nb.last_initial) {
            (Some(x), Some(y)) if x != y => None,
            (Some(_), Some(_)) => Some(ev.f(F::LastInitialsBoth, 1.0)),
            _ => Some(0.0),
        },
    }
}

/// Context evidence about the two naming residents and how they named.
fn context(index: &Index, a: &Mention, b: &Mention, ev: &mut Collector) -> f64 {
    let (ca, cb) = (
        &index.contexts[a.context as usize],
        &index.contexts[b.context as usize],
    );
    let mut z = 0.0;
    // "Tony food bank" and "Tony (food bank)": known by what they do, which
    // does not depend on where the resident lives.
    let described: Vec<String> = intersect(&a.name.described, &b.name.described)
        .into_iter()
        .cloned()
        .collect();
    if !described.is_empty() {
        z += ev.f(F::SameDescription, 1.0);
        let words = described.clone();
        ev.push(|| Evidence::SameDescription { words });
    }
    let well_known = a.public
        && b.public
        && a.figure.is_none()
        && a.identity
            .is_some_and(|i| b.identity == Some(i) && index.is_well_known(i));
    if let (true, Some(id)) = (well_known, a.identity) {
        z += ev.f(F::WellKnown, 1.0);
        ev.push(|| Evidence::WellKnown {
            name: index.identity_names[id as usize].clone(),
        });
    } else if a.public != b.public
        && described.is_empty()
        && a.identity
            .is_some_and(|i| b.identity == Some(i) && index.is_well_known(i))
    {
        // Everyone's "Sandra" at the centre is not this resident's friend Sandra.
        z += ev.f(F::WellKnownOneSided, 1.0);
    }
    match (&ca.area, &cb.area) {
        (Some(x), Some(y)) if x == y => {
            z += ev.f(F::AreaSame, 1.0);
            ev.push(|| Evidence::SameArea { area: x.clone() });
        }
        (Some(x), Some(y)) if !well_known && described.is_empty() => {
            z += ev.f(F::AreaDifferent, 1.0);
            ev.push(|| Evidence::DifferentAreas {
                a: x.clone(),
                b: y.clone(),
            });
        }
        _ => {}
    }
    let shared_places = intersect(&ca.places, &cb.places);
    if !shared_places.is_empty() {
        let union = ca.places.len() + cb.places.len() - shared_places.len();
        z += ev.f(F::Places, shared_places.len() as f64 / union.max(1) as f64);
        ev.push(|| Evidence::SharedPlaces {
            places: shared_places
                .into_iter()
                .map(|&p| place_name(index, p))
                .collect(),
        });
    }
    if let Some(id) = a
        .identity
        .filter(|&i| Some(i) == b.identity && a.figure.is_none())
    {
        let idf = index.idf(id);
        z += ev.f(F::Rarity, idf - 2.0);
        if ca.area_id.is_some() && ca.area_id == cb.area_id {
            if let Some(local) = index.area_idf(ca.area_id, id) {
                z += ev.f(F::AreaRarity, local - 2.0);
            }
        }
        if idf > 4.0 {
            ev.push(|| Evidence::RareName {
                name: index.identity_names[id as usize].clone(),
            });
        }
    }
    if a.change_maker && b.change_maker {
        z += ev.f(F::ChangeMakers, 1.0);
        ev.push(|| Evidence::BothChangeMakers);
    }
    match (a.relationship, b.relationship) {
        (Some(Relationship::Family), Some(Relationship::Family)) => {
            z += ev.f(F::BothFamily, 1.0);
            ev.push(|| Evidence::BothFamily);
        }
        (Some(Relationship::Family), Some(_)) | (Some(_), Some(Relationship::Family)) => {
            z += ev.f(F::FamilyMismatch, 1.0);
        }
        (Some(x), Some(y)) if x == y => z += ev.f(F::SameRelationship, 1.0),
        _ => {}
    }
    z
}

fn social_evidence(social: &Social, a: &Mention, b: &Mention, ev: &mut Collector) -> f64 {
    co_named(social, a, b, ev) + knows_same(social, a, b, ev)
}

/// Who else both residents named, weighed by how little a coincidence it is.
fn co_named(social: &Social, a: &Mention, b: &Mention, ev: &mut Collector) -> f64 {
    let (Some(na), Some(nb)) = (
        social.named.get(a.context as usize),
        social.named.get(b.context as usize),
    ) else {
        return 0.0;
    };
    let own = own_ids(social, a, b);
    let weight_of = |i: u32| social.weight.get(i as usize).copied().unwrap_or(0.0);
    let shared: Vec<u32> = intersect(na, nb)
        .into_iter()
        .copied()
        .filter(|i| !own.contains(&Some(*i)) && weight_of(*i) > 0.0)
        .collect();
    if shared.is_empty() {
        return 0.0;
    }
    let weight: f64 = shared
        .iter()
        .map(|&i| weight_of(i))
        .sum::<f64>()
        .min(CO_NAMED_CAP);
    let names = labels(social, &shared);
    if !names.is_empty() {
        ev.push(|| Evidence::CoNamed { names });
    }
    ev.f(F::CoNamed, weight)
}

fn own_ids(social: &Social, a: &Mention, b: &Mention) -> [Option<u32>; 2] {
    let of = |m: &Mention| social.of.get(m.id as usize).copied().flatten();
    [of(a), of(b)]
}

fn labels(social: &Social, ids: &[u32]) -> Vec<String> {
    ids.iter()
        .filter_map(|&i| social.label.get(i as usize))
        .filter(|n| !n.is_empty())
        .cloned()
        .collect()
}

/// Both residents say this person knows someone they both mean.
fn knows_same(social: &Social, a: &Mention, b: &Mention, ev: &mut Collector) -> f64 {
    let (Some(ta), Some(tb)) = (
        social.tied.get(a.id as usize),
        social.tied.get(b.id as usize),
    ) else {
        return 0.0;
    };
    let own = own_ids(social, a, b);
    let shared: Vec<u32> = intersect(ta, tb)
        .into_iter()
        .copied()
        .filter(|i| {
            !own.contains(&Some(*i)) && social.weight.get(*i as usize).is_some_and(|w| *w > 0.0)
        })
        .collect();
    if shared.is_empty() {
        return 0.0;
    }
    let names = labels(social, &shared);
    if !names.is_empty() {
        ev.push(|| Evidence::KnowsSame { names });
    }
    ev.f(F::KnowsSame, (shared.len() as f64).min(2.0))
}

fn place_name(index: &Index, place: u32) -> String {
    index
        .place_names
        .get(place as usize)
        .cloned()
        .unwrap_or_default()
}

/// Items present in both sorted slices.
fn intersect<'a, T: Ord>(a: &'a [T], b: &[T]) -> Vec<&'a T> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
