//! Everything the scorer needs, computed once per community: each named
//! person ("mention") with their parsed name, and each naming resident's
//! context (area, places, the other people they named).

use super::input::{MatchingInput, Resident};
use super::name::{parse, place_words, ParsedName};
use super::nicknames::{table, NameGroup};
use crate::core::model::{AlterRef, Community, Frequency, PublicFigure, Relationship};
use std::collections::HashMap;

pub use super::input::AREA_QUESTION;

/// Fewest residents naming someone publicly for them to count as well known.
pub const WELL_KNOWN_RESIDENTS: usize = 8;
/// Fewest areas those residents must come from.
pub const WELL_KNOWN_AREAS: usize = 3;

/// One named person in one response.
#[derive(Debug, Clone)]
pub struct Mention {
    /// This mention's position in [`Index::mentions`].
    pub id: u32,
    pub at: AlterRef,
    /// Index into [`Index::contexts`].
    pub context: u32,
    pub typed: String,
    pub name: ParsedName,
    /// Nickname rows of the first name (typos resolved to the nearest name).
    pub first_groups: Vec<NameGroup>,
    pub relationship: Option<Relationship>,
    /// Named under a change-maker or active-people prompt, or marked as able to change things.
    pub change_maker: bool,
    /// The resident's other answers about them.
    pub frequency: Option<Frequency>,
    pub can_change: Option<bool>,
    /// Kinds of prompt they were named under (see [`super::input::prompt_bit`]).
    pub prompts: u8,
    pub ring: u8,
    /// The roster figure this mention resolves to, if any.
    pub figure: Option<usize>,
    /// Interned key of the name, used to compare who else two residents named.
    pub identity: Option<u32>,
    /// Named in a public capacity: a service or "other" relationship, or a roster figure.
    pub public: bool,
    /// The other mentions of the same response this person knows (mention
    /// indices, sorted), from the resident's "do they know each other?".
    pub tied: Vec<u32>,
}

/// A naming resident's circumstances.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub area: Option<String>,
    /// The area as a number (see [`Index::area_residents`]).
    pub area_id: Option<u32>,
    /// Listed places (positions in the event's list), sorted.
    pub places: Vec<u32>,
    /// Identities of everyone this resident named, sorted.
    pub named: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    pub mentions: Vec<Mention>,
    pub contexts: Vec<Context>,
    /// Display name per identity ("David" for Dave's identity).
    pub identity_names: Vec<String>,
    /// In how many responses each identity was named.
    pub identity_df: Vec<u32>,
    /// In how many responses of each area (by [`Context::area_id`]) each
    /// identity was named.
    pub area_df: HashMap<(u32, u32), u32>,
    /// Residents per area, by [`Context::area_id`].
    pub area_residents: Vec<u32>,
    /// Per identity: is it a well-known person, named in a public capacity
    /// by residents of several areas (see [`Index::well_known`]).
    pub well_known: Vec<bool>,
    pub roster: Vec<PublicFigure>,
    /// Listed places' names by position, for evidence.
    pub place_names: Vec<String>,
}

impl Index {
    /// Builds the index over a community's finished responses.
    pub fn of_community(community: &Community) -> Self {
        Self::build(&MatchingInput::of(community))
    }

    /// Builds the index over what matching reads of a community.
    ///
    /// # Complexity
    /// O(total named people × name length).
    pub fn build(input: &MatchingInput) -> Self {
        let words = place_words(input.places.iter().map(|p| p.1.as_str()));
        let roster: Vec<ParsedName> = input.roster.iter().map(|f| parse(&f.name, &[])).collect();
        let roster_roles: Vec<Vec<String>> = input.roster.iter().map(figure_roles).collect();
        let mut index = Index {
            roster: input.roster.clone(),
            place_names: input.places.iter().map(|p| p.1.clone()).collect(),
            ..Index::default()
        };
        let mut interned: HashMap<String, u32> = HashMap::new();
        // Fuzzy nickname lookups scan the table: once per distinct word.
        let mut groups_cache: HashMap<String, Vec<NameGroup>> = HashMap::new();
        for resident in &input.residents {
            let context = index.contexts.len() as u32;
            let first_of_response = index.mentions.len();
            let mut named = Vec::new();
            for alter in &resident.named {
                let name = parse(&alter.name, &words);
                let first_groups = match name.first.as_deref() {
                    Some(f) => groups_cache
                        .entry(f.to_string())
                        .or_insert_with(|| table().groups_fuzzy(f))
                        .clone(),
                    None => Vec::new(),
                };
                let figure = resolve_figure(
                    &alter.name,
                    alter.roster,
                    &name,
                    &roster,
                    &roster_roles,
                    &input.roster,
                );
                let identity = identity_key(&name, &first_groups, figure)
                    .map(|k| intern(&mut index, &mut interned, k));
                named.extend(identity);
                index.mentions.push(Mention {
                    id: index.mentions.len() as u32,
                    at: AlterRef {
                        response: resident.response.clone(),
                        alter: alter.alter,
                    },
                    context,
                    typed: alter.name.clone(),
                    name,
                    first_groups,
                    relationship: alter.relationship,
                    change_maker: alter.change_maker(),
                    frequency: alter.frequency,
                    can_change: alter.can_change,
                    prompts: alter.prompts,
                    ring: alter.ring,
                    figure,
                    identity,
                    tied: Vec::new(),
                    public: figure.is_some()
                        || matches!(
                            alter.relationship,
                            Some(Relationship::Service | Relationship::Other)
                        ),
                });
            }
            set_tied(&mut index.mentions, resident, first_of_response);
            named.sort_unstable();
            named.dedup();
            for &i in &named {
                index.identity_df[i as usize] += 1;
            }
            index.contexts.push(Context {
                area: resident.area.clone(),
                places: resident.places.clone(),
                named,
                area_id: None,
            });
        }
        index.count_areas();
        index.well_known = index.find_well_known();
        index
    }

    /// Identities named publicly by at least [`WELL_KNOWN_RESIDENTS`] residents
    /// (or 0.5% of them) in at least [`WELL_KNOWN_AREAS`] areas: "Sandra who
    /// runs the community centre", whom everyone means by "Sandra".
    fn find_well_known(&self) -> Vec<bool> {
        let mut areas: Vec<Vec<&str>> = vec![Vec::new(); self.identity_names.len()];
        let mut residents: Vec<Vec<u32>> = vec![Vec::new(); self.identity_names.len()];
        for m in self.mentions.iter().filter(|m| m.public) {
            let Some(id) = m.identity else { continue };
            let (a, r) = (&mut areas[id as usize], &mut residents[id as usize]);
            if let Some(area) = self.contexts[m.context as usize].area.as_deref() {
                if !a.contains(&area) {
                    a.push(area);
                }
            }
            if r.last() != Some(&m.context) {
                r.push(m.context);
            }
        }
        let min_residents = WELL_KNOWN_RESIDENTS.max(self.contexts.len() / 200);
        (0..self.identity_names.len())
            .map(|i| residents[i].len() >= min_residents && areas[i].len() >= WELL_KNOWN_AREAS)
            .collect()
    }

    /// Residents per answered area (all residents when nobody gave one):
    /// how many people "everyone round here" is.
    pub fn residents_per_area(&self) -> f64 {
        let mut areas: Vec<&str> = self
            .contexts
            .iter()
            .filter_map(|c| c.area.as_deref())
            .collect();
        areas.sort_unstable();
        areas.dedup();
        (self.contexts.len().max(1) as f64) / (areas.len().max(1) as f64)
    }

    /// Numbers the areas and counts, per area, its residents and who named each identity.
    fn count_areas(&mut self) {
        let mut ids: HashMap<String, u32> = HashMap::new();
        for c in &mut self.contexts {
            let Some(area) = &c.area else { continue };
            let next = ids.len() as u32;
            let id = *ids.entry(area.clone()).or_insert(next);
            c.area_id = Some(id);
            if self.area_residents.len() <= id as usize {
                self.area_residents.push(0);
            }
            self.area_residents[id as usize] += 1;
            for &i in &c.named {
                *self.area_df.entry((id, i)).or_default() += 1;
            }
        }
    }

    /// How unusual an identity is among the residents of one area:
    /// ln(area residents / area residents who named it); `None` without an area.
    pub fn area_idf(&self, area_id: Option<u32>, identity: u32) -> Option<f64> {
        let area = area_id?;
        let residents = *self.area_residents.get(area as usize)?;
        let df = self
            .area_df
            .get(&(area, identity))
            .copied()
            .unwrap_or(1)
            .max(1);
        Some((f64::from(residents) / f64::from(df)).ln().max(0.0))
    }

    /// See [`Index::well_known`].
    pub fn is_well_known(&self, identity: u32) -> bool {
        self.well_known
            .get(identity as usize)
            .copied()
            .unwrap_or(false)
    }

    /// How unusual an identity is: ln(residents / residents who named it).
    pub fn idf(&self, identity: u32) -> f64 {
        let df = self
            .identity_df
            .get(identity as usize)
            .copied()
            .unwrap_or(1)
            .max(1);
        ((self.contexts.len().max(1) as f64) / f64::from(df))
            .ln()
            .max(0.0)
    }
}

/// Fills in who each of one resident's mentions knows, from their ties.
fn set_tied(mentions: &mut [Mention], resident: &Resident, first: usize) {
    let Some(own) = mentions.get_mut(first..) else {
        return;
    };
    let mut tied: Vec<Vec<u32>> = vec![Vec::new(); own.len()];
    for &(a, b) in &resident.ties {
        let (a, b) = (a as usize, b as usize);
        if a < own.len() && b < own.len() {
            tied[a].push((first + b) as u32);
            tied[b].push((first + a) as u32);
        }
    }
    for (m, mut t) in own.iter_mut().zip(tied) {
        t.sort_unstable();
        t.dedup();
        m.tied = t;
    }
}

fn intern(index: &mut Index, interned: &mut HashMap<String, u32>, key: (String, String)) -> u32 {
    let (key, display) = key;
    *interned.entry(key).or_insert_with(|| {
        index.identity_names.push(display);
        index.identity_df.push(0);
        (index.identity_names.len() - 1) as u32
    })
}

/// The key two mentions of one person are likely to share: the roster figure,
/// or the formal form of the first name (Dave and David both give "david").
fn identity_key(
    name: &ParsedName,
    groups: &[NameGroup],
    figure: Option<usize>,
) -> Option<(String, String)> {
    if let Some(f) = figure {
        return Some((format!("figure:{f}"), String::new()));
    }
    let first = name.first.as_ref()?;
    let formal = groups.first().map(|&g| table().formal(g).to_string());
    let key = formal.unwrap_or_else(|| first.clone());
    Some((format!("name:{key}"), title_case(&key)))
}

/// "david" -> "David", for evidence shown to people.
pub fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Role words of a roster figure, from its title and its role text.
fn figure_roles(figure: &PublicFigure) -> Vec<String> {
    let mut roles = parse(&figure.name, &[]).roles;
    for w in super::normalise::tokens(&figure.role) {
        if let Some(r) = super::name::role_of(&w) {
            if !roles.iter().any(|x| x == r) {
                roles.push(r.to_string());
            }
        }
    }
    roles
}

/// Which roster figure a typed name means: picked from the roster, the same
/// full name, the surname with a fitting role or initial, or a role word that
/// only one figure has ("the vicar").
fn resolve_figure(
    typed: &str,
    picked: bool,
    name: &ParsedName,
    roster: &[ParsedName],
    roles: &[Vec<String>],
    figures: &[PublicFigure],
) -> Option<usize> {
    let folded = super::normalise::fold(typed);
    if picked {
        if let Some(i) = figures
            .iter()
            .position(|f| super::normalise::fold(&f.name) == folded)
        {
            return Some(i);
        }
    }
    let fits: Vec<usize> = (0..roster.len())
        .filter(|&i| figure_fits(name, &roster[i], &roles[i]))
        .collect();
    (fits.len() == 1).then(|| fits[0])
}

fn figure_fits(name: &ParsedName, figure: &ParsedName, roles: &[String]) -> bool {
    let t = table();
    let first_ok = match (&name.first, &figure.first) {
        (Some(a), Some(b)) => t.equivalent(a, b),
        (None, _) => name.first_initial.is_none() || name.first_initial == figure.first_initial,
        (Some(_), None) => false,
    };
    let same_last = name.last.is_some() && name.last == figure.last;
    let role_ok = name.roles.iter().any(|r| roles.contains(r));
    let last_conflict = name.last.is_some() && !same_last;
    if last_conflict {
        return false;
    }
    (first_ok && (same_last || role_ok)) || (same_last && name.first.is_none())
}
