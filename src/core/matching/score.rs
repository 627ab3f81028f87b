//! How likely two mentions are one person, and why. A logistic score over
//! name evidence (same name, nickname, typo, initials, surname) and context
//! evidence (same area, shared places, shared co-named people, roster,
//! prompts). Conflicting surnames or roster figures rule a pair out.

use super::evidence::Evidence;
use super::index::{title_case, Index, Mention};
use super::nicknames::table;
use super::phonetic::sounds_alike;
use crate::core::model::Relationship;
use strsim::jaro_winkler;

/// Log-odds contributions; hand-tuned on the synthetic benchmark's dev seed
/// (see `bench-matching`), never on its answer key.
mod w {
    pub const BIAS: f64 = -4.0;
    pub const FIRST_SAME: f64 = 2.2;
    pub const FIRST_NICKNAME: f64 = 1.8;
    pub const FIRST_SPELLING: f64 = 1.4;
    pub const FIRST_SOUND: f64 = 1.1;
    pub const FIRST_INITIAL: f64 = 0.3;
    pub const LAST_SAME: f64 = 3.0;
    pub const LAST_SPELLING: f64 = 2.2;
    pub const LAST_INITIAL: f64 = 0.9;
    pub const FIGURE_SAME: f64 = 9.0;
    pub const FIGURE_ONE_SIDED: f64 = -3.0;
    pub const FIGURE_ONE_SIDED_PUBLIC: f64 = -1.0;
    pub const WELL_KNOWN_ONE_SIDED: f64 = -1.5;
    pub const AREA_SAME: f64 = 1.0;
    pub const AREA_DIFFERENT: f64 = -2.0;
    pub const PLACES: f64 = 2.0;
    pub const CO_NAMED: f64 = 0.7;
    pub const CO_NAMED_CAP: f64 = 4.0;
    pub const CO_NAMED_BASELINE: f64 = 1.0;
    pub const RARITY: f64 = 0.45;
    pub const CHANGE_MAKERS: f64 = 0.8;
    pub const BOTH_FAMILY: f64 = -3.0;
    pub const FAMILY_MISMATCH: f64 = -1.5;
    pub const SAME_RELATIONSHIP: f64 = 0.2;
    pub const WELL_KNOWN: f64 = 2.5;
    pub const KNOWS_SAME: f64 = 1.2;
}

/// The match score (0..1) for two mentions with its evidence, best first;
/// `None` when their names or roster figures rule the match out.
///
/// # Complexity
/// O(places + named people) of the two residents (sorted merges).
pub fn score(index: &Index, a: &Mention, b: &Mention) -> Option<(f64, Vec<Evidence>)> {
    let mut ev = Collector {
        on: true,
        items: Vec::new(),
    };
    let s = logit(index, a, b, &mut ev)?;
    Some((sigmoid(s), ev.items))
}

/// The score alone, without building evidence: the fast path for screening pairs.
pub fn score_only(index: &Index, a: &Mention, b: &Mention) -> Option<f64> {
    let mut ev = Collector {
        on: false,
        items: Vec::new(),
    };
    logit(index, a, b, &mut ev).map(sigmoid)
}

/// Gathers evidence only when asked, so screening pairs allocates nothing.
pub struct Collector {
    on: bool,
    items: Vec<Evidence>,
}

impl Collector {
    fn push(&mut self, make: impl FnOnce() -> Evidence) {
        if self.on {
            self.items.push(make());
        }
    }
}

fn logit(index: &Index, a: &Mention, b: &Mention, ev: &mut Collector) -> Option<f64> {
    if a.context == b.context {
        return None;
    }
    let mut z = w::BIAS;
    match (a.figure, b.figure) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(x), Some(_)) => {
            z += w::FIGURE_SAME;
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
                w::FIGURE_ONE_SIDED_PUBLIC
            } else {
                w::FIGURE_ONE_SIDED
            };
            z += names(a, b, ev)?;
        }
        (None, None) => z += names(a, b, ev)?,
    }
    z += context(index, a, b, ev);
    Some(z)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
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
                    Some(w::FIRST_INITIAL)
                }
                Some(_) => None,
                None => Some(0.0),
            }
        }
        (None, None) => match (na.first_initial, nb.first_initial) {
            (Some(x), Some(y)) if x != y => None,
            (Some(_), Some(_)) => Some(w::FIRST_INITIAL),
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
        return Some(w::FIRST_SAME);
    }
    if same_row {
        ev.push(|| Evidence::Nickname {
            a: shown(x),
            b: shown(y),
        });
        return Some(w::FIRST_NICKNAME);
    }
    let jw = jaro_winkler(x, y);
    let long = x.chars().count() >= 4 && y.chars().count() >= 4;
    if long && jw >= 0.88 {
        ev.push(|| Evidence::Spelling {
            a: shown(x),
            b: shown(y),
        });
        return Some(w::FIRST_SPELLING);
    }
    if long && jw >= 0.75 && sounds_alike(x, y) {
        ev.push(|| Evidence::SoundsAlike {
            a: shown(x),
            b: shown(y),
        });
        return Some(w::FIRST_SOUND);
    }
    None
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
            Some(w::LAST_SAME)
        }
        (Some(x), Some(y)) => {
            let jw = jaro_winkler(x, y);
            if jw >= 0.9 || (jw >= 0.8 && sounds_alike(x, y)) {
                ev.push(|| Evidence::Spelling {
                    a: shown(x),
                    b: shown(y),
                });
                Some(w::LAST_SPELLING)
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
                    Some(w::LAST_INITIAL)
                }
                Some(_) => None,
                None => Some(0.0),
            }
        }
        (None, None) => match (na.last_initial, nb.last_initial) {
            (Some(x), Some(y)) if x != y => None,
            (Some(_), Some(_)) => Some(w::LAST_INITIAL * 0.5),
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
    let well_known = a.public
        && b.public
        && a.figure.is_none()
        && a.identity
            .is_some_and(|i| b.identity == Some(i) && index.is_well_known(i));
    if let (true, Some(id)) = (well_known, a.identity) {
        z += w::WELL_KNOWN;
        ev.push(|| Evidence::WellKnown {
            name: index.identity_names[id as usize].clone(),
        });
    } else if a.public != b.public
        && a.identity
            .is_some_and(|i| b.identity == Some(i) && index.is_well_known(i))
    {
        // Everyone's "Sandra" at the centre is not this resident's friend Sandra.
        z += w::WELL_KNOWN_ONE_SIDED;
    }
    match (&ca.area, &cb.area) {
        (Some(x), Some(y)) if x == y => {
            z += w::AREA_SAME;
            ev.push(|| Evidence::SameArea { area: x.clone() });
        }
        (Some(x), Some(y)) if !well_known => {
            z += w::AREA_DIFFERENT;
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
        z += w::PLACES * shared_places.len() as f64 / union.max(1) as f64;
        ev.push(|| Evidence::SharedPlaces {
            places: shared_places
                .into_iter()
                .map(|p| place_name(index, p))
                .collect(),
        });
    }
    z += co_named(index, a, b, ev);
    z += knows_same(index, a, b, ev);
    if let Some(id) = a
        .identity
        .filter(|&i| Some(i) == b.identity && a.figure.is_none())
    {
        let idf = index.idf(id);
        z += w::RARITY * (idf - 2.0);
        if idf > 4.0 {
            ev.push(|| Evidence::RareName {
                name: index.identity_names[id as usize].clone(),
            });
        }
    }
    if a.change_maker && b.change_maker {
        z += w::CHANGE_MAKERS;
        ev.push(|| Evidence::BothChangeMakers);
    }
    match (a.relationship, b.relationship) {
        (Some(Relationship::Family), Some(Relationship::Family)) => {
            z += w::BOTH_FAMILY;
            ev.push(|| Evidence::BothFamily);
        }
        (Some(Relationship::Family), Some(_)) | (Some(_), Some(Relationship::Family)) => {
            z += w::FAMILY_MISMATCH;
        }
        (Some(x), Some(y)) if x == y => z += w::SAME_RELATIONSHIP,
        _ => {}
    }
    z
}

fn co_named(index: &Index, a: &Mention, b: &Mention, ev: &mut Collector) -> f64 {
    let (ca, cb) = (
        &index.contexts[a.context as usize],
        &index.contexts[b.context as usize],
    );
    let own = [a.identity, b.identity];
    let shared: Vec<u32> = intersect(&ca.named, &cb.named)
        .into_iter()
        .copied()
        .filter(|i| !own.contains(&Some(*i)))
        .collect();
    if shared.is_empty() {
        return 0.0;
    }
    // Common names are shared by chance within an area: count only what is
    // rarer than a baseline.
    let weight: f64 = shared
        .iter()
        .map(|&i| (index.idf(i) - w::CO_NAMED_BASELINE).max(0.0))
        .sum::<f64>()
        .min(w::CO_NAMED_CAP);
    let names = || {
        shared
            .iter()
            .map(|&i| index.identity_names[i as usize].clone())
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
    };
    if shared
        .iter()
        .any(|&i| !index.identity_names[i as usize].is_empty())
    {
        ev.push(|| Evidence::CoNamed { names: names() });
    }
    w::CO_NAMED * weight
}

/// Both residents say this person knows someone of the same (uncommon) name.
fn knows_same(index: &Index, a: &Mention, b: &Mention, ev: &mut Collector) -> f64 {
    let own = [a.identity, b.identity];
    let shared: Vec<u32> = intersect(&a.tied, &b.tied)
        .into_iter()
        .copied()
        .filter(|i| !own.contains(&Some(*i)) && index.idf(*i) > w::CO_NAMED_BASELINE)
        .collect();
    if shared.is_empty() {
        return 0.0;
    }
    ev.push(|| Evidence::KnowsSame {
        names: shared
            .iter()
            .map(|&i| index.identity_names[i as usize].clone())
            .collect(),
    });
    w::KNOWS_SAME * (shared.len() as f64).min(2.0)
}

fn place_name(index: &Index, id: &str) -> String {
    index
        .place_names
        .get(id)
        .cloned()
        .unwrap_or_else(|| id.to_string())
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
