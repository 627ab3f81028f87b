//! People everyone knows: the community centre's Sandra, the food bank's
//! Tony, the vicar. Residents name them by first name as often as anyone
//! else, so evidence between two mentions fails for them: two residents
//! from opposite ends of the county who both say "Sandra" share nothing but
//! her. The community as a whole says a lot, though: one Sandra is named by
//! residents of every area, mostly as someone who can change things or in a
//! service role, and only so many local Sandras could account for the rest.
//!
//! So, after the first pass (see [`super::passes`]), groups named by
//! residents of several areas become *hubs*; every other mention that could
//! be a hub by name (a first name or nickname of theirs, a slip of the
//! finger, an initial, a fitting surname) is weighed: is it the hub, or
//! someone local of the same name? A two-class mixture answers it, fitted
//! on the community itself by expectation–maximisation (Dempster, Laird &
//! Rubin, "Maximum likelihood from incomplete data via the EM algorithm",
//! JRSS B 39(1), 1977): naive Bayes over what the resident answered about
//! the person (relationship, can they change things, the prompts, the
//! ring, how often, a description, a surname, whether they know another
//! hub), with the hub's share of the matching names in the resident's area
//! as the prior. The class of "someone local" is learned from every mention
//! outside the hubs. Each mention's probability of being the hub becomes a
//! suggestion pairing it with the hub's clearest mention.

use super::cluster::last_compatible;
use super::index::{title_case, Index, Mention};
use super::input::MentionId;
use super::nicknames::{table, NameGroup};
use crate::core::model::{Frequency, Relationship};
use std::collections::{BTreeMap, HashMap};
use strsim::osa_distance;

/// Fewest areas whose residents name a group for it to be a hub.
pub const HUB_AREAS: usize = 3;
/// Fewest residents naming a group for it to be a hub (or 0.5% of residents).
pub const HUB_RESIDENTS: usize = 8;
/// Rounds of expectation–maximisation.
const ROUNDS: usize = 12;
/// How many mentions' worth the community-wide share counts in an area's prior.
const AREA_SMOOTHING: f64 = 5.0;
/// How many mentions' worth all hubs' answers count in one hub's.
const POOL_SMOOTHING: f64 = 20.0;

/// A person named all over.
#[derive(Debug, Clone, PartialEq)]
pub struct Hub {
    /// Mentions of the first pass's group(s), sorted.
    pub members: Vec<MentionId>,
    /// The member suggestions pair others with: the fullest name.
    pub anchor: MentionId,
    /// What evidence calls them: "Sandra Robson".
    pub label: String,
    /// Residents naming them, and their areas.
    pub residents: usize,
    pub areas: usize,
    rows: Vec<NameGroup>,
    firsts: Vec<String>,
    initials: Vec<char>,
    surname: Option<String>,
    described: Vec<String>,
    figure: Option<usize>,
    /// Naming residents, sorted.
    contexts: Vec<u32>,
}

/// A mention believed to be a hub.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub mention: MentionId,
    pub hub: usize,
    pub probability: f64,
    /// What the resident answered that speaks most for the hub, strongest first.
    pub answers: Vec<Answer>,
}

/// One answer about a person, as evidence that they are a hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    CanChange,
    Relationship(Relationship),
    /// Named under this kind of prompt (bit number, see [`super::input::prompt_bit`]).
    Prompt(u8),
    /// Said to know another hub.
    KnowsOthers,
}

/// The hubs of a community and every mention linked to one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hubs {
    pub hubs: Vec<Hub>,
    pub links: Vec<Link>,
}

impl Hubs {
    /// Finds hubs among the groups (each mention's group root in `roots`)
    /// and links every mention that is likelier than `floor` to be one.
    ///
    /// # Complexity
    /// O(mentions × hubs × rounds).
    pub fn find(index: &Index, roots: &[u32], floor: f64) -> Self {
        let hubs = find_hubs(index, roots);
        if hubs.is_empty() {
            return Hubs::default();
        }
        let links = Mixture::new(index, &hubs).fit().links(floor);
        Hubs { hubs, links }
    }
}

/// Groups named by residents of at least [`HUB_AREAS`] areas (as many as
/// there are, if fewer) and [`HUB_RESIDENTS`] residents, with groups that
/// can only be the same person joined.
fn find_hubs(index: &Index, roots: &[u32]) -> Vec<Hub> {
    let mut groups: BTreeMap<u32, Vec<MentionId>> = BTreeMap::new();
    for (m, &r) in roots.iter().enumerate() {
        groups.entry(r).or_default().push(m as MentionId);
    }
    let areas_present = {
        let mut a: Vec<u32> = index.contexts.iter().filter_map(|c| c.area_id).collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    };
    let min_areas = HUB_AREAS.min(areas_present);
    let min_residents = HUB_RESIDENTS.max(index.contexts.len() / 200);
    let mut seeds: Vec<Hub> = groups
        .into_values()
        .filter(|g| g.len() >= min_residents)
        .filter_map(|g| profile(index, g))
        .filter(|h| h.residents >= min_residents && h.areas >= min_areas)
        .collect();
    seeds.sort_by_key(|s| std::cmp::Reverse(s.members.len()));
    let mut hubs: Vec<Hub> = Vec::new();
    for seed in seeds {
        match hubs.iter().position(|h| same_hub(h, &seed)) {
            Some(i) => {
                let mut members = std::mem::take(&mut hubs[i].members);
                members.extend(seed.members);
                if let Some(joined) = profile(index, members) {
                    hubs[i] = joined;
                }
            }
            None => hubs.push(seed),
        }
    }
    hubs
}

/// Two hub groups that can only be one person: the same name (no clashing
/// surname or roster figure) and no resident naming both.
fn same_hub(a: &Hub, b: &Hub) -> bool {
    let names =
        a.rows.iter().any(|r| b.rows.contains(r)) || a.firsts.iter().any(|f| b.firsts.contains(f));
    let surnames = match (&a.surname, &b.surname) {
        (Some(x), Some(y)) => last_compatible(x, y),
        _ => true,
    };
    let figures = match (a.figure, b.figure) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let apart = a
        .contexts
        .iter()
        .all(|c| b.contexts.binary_search(c).is_err());
    names && surnames && figures && apart
}

/// What a group says about its person.
fn profile(index: &Index, mut members: Vec<MentionId>) -> Option<Hub> {
    members.sort_unstable();
    members.dedup();
    let ms: Vec<&Mention> = members
        .iter()
        .map(|&m| &index.mentions[m as usize])
        .collect();
    let mut contexts: Vec<u32> = ms.iter().map(|m| m.context).collect();
    contexts.sort_unstable();
    contexts.dedup();
    let mut areas: Vec<u32> = contexts
        .iter()
        .filter_map(|&c| index.contexts[c as usize].area_id)
        .collect();
    areas.sort_unstable();
    areas.dedup();
    let with_first = ms.iter().filter(|m| m.name.first.is_some()).count();
    let mut row_count: BTreeMap<NameGroup, usize> = BTreeMap::new();
    for m in &ms {
        for &g in &m.first_groups {
            *row_count.entry(g).or_default() += 1;
        }
    }
    // Rows most of the group's first names share: Chris in a group of
    // Christines does not make Christopher a hub.
    let rows: Vec<NameGroup> = row_count
        .into_iter()
        .filter(|&(_, n)| 2 * n >= with_first.max(1))
        .map(|(g, _)| g)
        .collect();
    let mut firsts: Vec<String> = ms.iter().filter_map(|m| m.name.first.clone()).collect();
    firsts.sort();
    firsts.dedup();
    let mut initials: Vec<char> = firsts.iter().filter_map(|f| f.chars().next()).collect();
    initials.extend(
        rows.iter()
            .filter_map(|&g| table().formal(g).chars().next()),
    );
    initials.sort_unstable();
    initials.dedup();
    let surname = mode(ms.iter().filter_map(|m| m.name.last.clone()));
    let mut described: Vec<String> = ms.iter().flat_map(|m| m.name.described.clone()).collect();
    described.sort();
    described.dedup();
    let figure = mode(ms.iter().filter_map(|m| m.figure));
    let anchor = *members.iter().max_by_key(|&&m| {
        let n = &index.mentions[m as usize];
        let full = n.name.first.is_some() && n.name.last.is_some() && n.name.last == surname;
        (full, n.figure.is_some(), n.public, std::cmp::Reverse(m))
    })?;
    let label = match figure.and_then(|f| index.roster.get(f)) {
        Some(f) => f.name.clone(),
        None => {
            let first = mode(firsts.iter().cloned()).map(|f| title_case(&f));
            let last = surname.as_deref().map(title_case);
            [first, last]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    Some(Hub {
        anchor,
        label,
        residents: contexts.len(),
        areas: areas.len(),
        rows,
        firsts,
        initials,
        surname,
        described,
        figure,
        contexts,
        members,
    })
}

/// The most frequent item (the smallest among equals).
fn mode<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut count: BTreeMap<T, usize> = BTreeMap::new();
    for x in items {
        *count.entry(x).or_default() += 1;
    }
    count
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(x, _)| x)
}

/// Could mention `m` be `hub`, by name alone?
fn could_be(hub: &Hub, m: &Mention) -> bool {
    let n = &m.name;
    if n.kinship || !n.has_name() || hub.contexts.binary_search(&m.context).is_ok() {
        return false;
    }
    if m.figure.is_some() && m.figure != hub.figure {
        return false;
    }
    let first_ok = match &n.first {
        Some(f) => {
            hub.firsts.contains(f)
                || m.first_groups.iter().any(|g| hub.rows.contains(g))
                || slip_of(f, &hub.firsts)
        }
        None => n.first_initial.is_none_or(|i| hub.initials.contains(&i)),
    };
    let last_ok = match (&n.last, &hub.surname) {
        (Some(l), Some(s)) => last_compatible(l, s),
        (None, Some(s)) => n.last_initial.is_none_or(|i| s.starts_with(i)),
        (_, None) => true,
    };
    // "Mrs Robson" can be the hub only when the hub has that surname.
    let named = n.first.is_some() || n.first_initial.is_some() || hub.surname.is_some();
    first_ok && last_ok && named
}

/// A word no name table knows, one slip of the finger from one of `names`
/// ("Gry" for Gary, "Jaon" for Joan).
fn slip_of(word: &str, names: &[String]) -> bool {
    word.chars().count() >= 3
        && table().groups(word).is_empty()
        && names
            .iter()
            .any(|n| n.chars().count() >= 4 && osa_distance(word, n) == 1)
}

/// Answers about a person, as the mixture reads them: one value per feature.
const FEATURES: usize = 11;
/// How many values each feature takes.
const VALUES: [usize; FEATURES] = [7, 3, 2, 2, 2, 2, 2, 2, 4, 5, 2];
/// Hub-specific features, after the [`FEATURES`]: surname (full, initial,
/// none) and description (shared, none, other).
const SURNAME: usize = 0;
const DESCRIPTION: usize = 1;

fn answers(m: &Mention, knows_other_hub: bool) -> [u8; FEATURES] {
    let rel = match m.relationship {
        Some(Relationship::Family) => 0,
        Some(Relationship::Friend) => 1,
        Some(Relationship::Neighbour) => 2,
        Some(Relationship::Work) => 3,
        Some(Relationship::Service) => 4,
        Some(Relationship::Other) => 5,
        None => 6,
    };
    let cc = match m.can_change {
        Some(true) => 0,
        Some(false) => 1,
        None => 2,
    };
    let ring = match m.ring {
        1 => 0,
        2 => 1,
        0 => 3,
        _ => 2,
    };
    let freq = match m.frequency {
        Some(Frequency::Daily) => 0,
        Some(Frequency::Weekly) => 1,
        Some(Frequency::Monthly) => 2,
        Some(Frequency::Rarely) => 3,
        None => 4,
    };
    let bit = |b: u8| (m.prompts >> b) & 1;
    [
        rel,
        cc,
        bit(0),
        bit(1),
        bit(2),
        bit(3),
        bit(4),
        bit(5),
        ring,
        freq,
        u8::from(!knows_other_hub),
    ]
}

/// The surname a mention gives, against the hub's: 0 the same (or close),
/// 1 a fitting initial, 2 none or nothing to compare.
fn surname_value(hub: &Hub, m: &Mention) -> usize {
    match (&m.name.last, &hub.surname, m.name.last_initial) {
        (Some(_), Some(_), _) => 0,
        (None, Some(_), Some(_)) => 1,
        _ => 2,
    }
}

/// The description a mention gives, against the hub's: 0 a shared word, 1 none, 2 other words.
fn description_value(hub: &Hub, m: &Mention) -> usize {
    if m.name.described.is_empty() {
        1
    } else if m.name.described.iter().any(|w| hub.described.contains(w)) {
        0
    } else {
        2
    }
}

/// Counts per value of each feature, with Laplace smoothing when read.
#[derive(Clone)]
struct Counts {
    n: Vec<Vec<f64>>,
}

impl Counts {
    fn new(sizes: &[usize]) -> Self {
        Counts {
            n: sizes.iter().map(|&k| vec![0.0; k]).collect(),
        }
    }

    fn add(&mut self, values: &[u8], w: f64) {
        for (f, &v) in values.iter().enumerate() {
            self.n[f][v as usize] += w;
        }
    }

    fn add_one(&mut self, f: usize, v: usize, w: f64) {
        self.n[f][v] += w;
    }

    /// P(value | class) of every feature, smoothed toward `prior` (weight `k`)
    /// or, without one, by one count per value.
    fn probabilities(&self, prior: Option<&[Vec<f64>]>, k: f64) -> Vec<Vec<f64>> {
        self.n
            .iter()
            .enumerate()
            .map(|(f, counts)| {
                let total: f64 = counts.iter().sum();
                counts
                    .iter()
                    .enumerate()
                    .map(|(v, &c)| match prior {
                        Some(p) => (c + k * p[f][v]) / (total + k),
                        None => (c + 1.0) / (total + counts.len() as f64),
                    })
                    .collect()
            })
            .collect()
    }
}

/// One mention that could be a hub.
struct Candidate {
    mention: MentionId,
    hub: usize,
    area: Option<u32>,
    values: [u8; FEATURES],
    special: [usize; 2],
    /// P(hub), updated each round.
    r: f64,
}

/// The two-class mixture over all hubs' candidates.
struct Mixture<'a> {
    hubs: &'a [Hub],
    candidates: Vec<Candidate>,
    /// Answers of the hubs' members, per hub.
    members: Vec<Vec<([u8; FEATURES], [usize; 2])>>,
    /// Answers of every mention outside the hubs that is no candidate.
    others: Vec<[u8; FEATURES]>,
    /// Per hub: of the mentions outside the hubs, the share giving a
    /// fitting surname, a fitting surname initial, a shared description.
    local_fit: Vec<[f64; 3]>,
    /// Of the mentions outside the hubs: the share giving a surname, only an
    /// initial, any description.
    local_has: [f64; 3],
    /// Per hub and area: members there.
    members_in: Vec<HashMap<u32, f64>>,
    /// How many hubs each candidate mention could be.
    entries: HashMap<MentionId, usize>,
}

impl<'a> Mixture<'a> {
    fn new(index: &'a Index, hubs: &'a [Hub]) -> Self {
        let n = index.mentions.len();
        let mut hub_of: Vec<Option<usize>> = vec![None; n];
        for (h, hub) in hubs.iter().enumerate() {
            for &m in &hub.members {
                hub_of[m as usize] = Some(h);
            }
        }
        let knows_other = |m: &Mention, own: Option<usize>| {
            m.tied
                .iter()
                .any(|&t| hub_of[t as usize].is_some_and(|h| Some(h) != own))
        };
        let mut candidates = Vec::new();
        let mut others = Vec::new();
        for m in &index.mentions {
            if hub_of[m.id as usize].is_some() {
                continue;
            }
            let mut any = false;
            for (h, hub) in hubs.iter().enumerate() {
                if could_be(hub, m) {
                    any = true;
                    candidates.push(Candidate {
                        mention: m.id,
                        hub: h,
                        area: index.contexts[m.context as usize].area_id,
                        values: answers(m, knows_other(m, Some(h))),
                        special: [surname_value(hub, m), description_value(hub, m)],
                        r: 0.5,
                    });
                }
            }
            if !any {
                others.push(answers(m, knows_other(m, None)));
            }
        }
        let members: Vec<Vec<([u8; FEATURES], [usize; 2])>> = hubs
            .iter()
            .enumerate()
            .map(|(h, hub)| {
                hub.members
                    .iter()
                    .map(|&m| {
                        let m = &index.mentions[m as usize];
                        (
                            answers(m, knows_other(m, Some(h))),
                            [surname_value(hub, m), description_value(hub, m)],
                        )
                    })
                    .collect()
            })
            .collect();
        let members_in = hubs
            .iter()
            .map(|hub| {
                let mut per: HashMap<u32, f64> = HashMap::new();
                for &m in &hub.members {
                    let c = index.mentions[m as usize].context;
                    if let Some(a) = index.contexts[c as usize].area_id {
                        *per.entry(a).or_default() += 1.0;
                    }
                }
                per
            })
            .collect();
        let (local_fit, local_has) = local_shares(index, hubs, &hub_of);
        let mut entries: HashMap<MentionId, usize> = HashMap::new();
        for c in &candidates {
            *entries.entry(c.mention).or_default() += 1;
        }
        Mixture {
            entries,
            hubs,
            candidates,
            members,
            others,
            local_fit,
            local_has,
            members_in,
        }
    }

    /// Expectation–maximisation from an even start.
    fn fit(mut self) -> Self {
        for _ in 0..ROUNDS {
            let model = self.maximise();
            self.expect(&model);
        }
        self
    }

    /// The class distributions and area priors given the current P(hub)s.
    fn maximise(&self) -> Model {
        let h = self.hubs.len();
        let mut per_hub: Vec<Counts> = vec![Counts::new(&VALUES); h];
        let mut special: Vec<Counts> = vec![Counts::new(&[3, 3]); h];
        let mut local = Counts::new(&VALUES);
        for (hub, members) in self.members.iter().enumerate() {
            for (values, s) in members {
                per_hub[hub].add(values, 1.0);
                special[hub].add_one(SURNAME, s[SURNAME], 1.0);
                special[hub].add_one(DESCRIPTION, s[DESCRIPTION], 1.0);
            }
        }
        let mut total_r: HashMap<MentionId, f64> = HashMap::new();
        let mut in_area: Vec<HashMap<u32, (f64, f64)>> = vec![HashMap::new(); h];
        let mut overall: Vec<(f64, f64)> = self
            .hubs
            .iter()
            .map(|hub| (hub.members.len() as f64, hub.members.len() as f64))
            .collect();
        for c in &self.candidates {
            per_hub[c.hub].add(&c.values, c.r);
            special[c.hub].add_one(SURNAME, c.special[SURNAME], c.r);
            special[c.hub].add_one(DESCRIPTION, c.special[DESCRIPTION], c.r);
            *total_r.entry(c.mention).or_default() += c.r;
            if let Some(a) = c.area {
                let e = in_area[c.hub].entry(a).or_default();
                e.0 += c.r;
                e.1 += 1.0;
            }
            overall[c.hub].0 += c.r;
            overall[c.hub].1 += 1.0;
        }
        for c in &self.candidates {
            let w = (1.0 - total_r.get(&c.mention).copied().unwrap_or(0.0)).max(0.0);
            // A mention counted once however many hubs it could be.
            let share = w / self.entries.get(&c.mention).copied().unwrap_or(1) as f64;
            local.add(&c.values, share);
        }
        for values in &self.others {
            local.add(values, 1.0);
        }
        let mut pooled = Counts::new(&VALUES);
        for c in &per_hub {
            for (f, counts) in c.n.iter().enumerate() {
                for (v, &x) in counts.iter().enumerate() {
                    pooled.n[f][v] += x;
                }
            }
        }
        let pooled = pooled.probabilities(None, 0.0);
        Model {
            hub: per_hub
                .iter()
                .map(|c| c.probabilities(Some(&pooled), POOL_SMOOTHING))
                .collect(),
            special: special.iter().map(|c| c.probabilities(None, 0.0)).collect(),
            local: local.probabilities(None, 0.0),
            in_area,
            overall,
        }
    }

    fn expect(&mut self, model: &Model) {
        let z: Vec<f64> = self
            .candidates
            .iter()
            .map(|c| self.log_odds(model, c))
            .collect();
        for (c, z) in self.candidates.iter_mut().zip(z) {
            c.r = 1.0 / (1.0 + (-z).exp());
        }
    }

    /// Log-odds that candidate `c` is its hub rather than someone local.
    fn log_odds(&self, model: &Model, c: &Candidate) -> f64 {
        let (hub_r, all) = model.overall[c.hub];
        let share = hub_r / all.max(1.0);
        let prior = match c.area {
            Some(a) => {
                let members = self.members_in[c.hub].get(&a).copied().unwrap_or(0.0);
                let (r, n) = model.in_area[c.hub].get(&a).copied().unwrap_or((0.0, 0.0));
                (members + r + AREA_SMOOTHING * share) / (members + n + AREA_SMOOTHING)
            }
            None => share,
        }
        .clamp(0.01, 0.99);
        let mut z = (prior / (1.0 - prior)).ln();
        let hub = &model.hub[c.hub];
        for (f, &v) in c.values.iter().enumerate() {
            z += (hub[f][v as usize] / model.local[f][v as usize]).ln();
        }
        let fit = self.local_fit[c.hub];
        let [has_surname, has_initial, has_description] = self.local_has;
        let local_surname = [
            has_surname * fit[0],
            has_initial * fit[1],
            (1.0 - has_surname * fit[0] - has_initial * fit[1]).max(1e-6),
        ];
        let local_description = [
            has_description * fit[2],
            1.0 - has_description,
            has_description * (1.0 - fit[2]),
        ];
        let s = &model.special[c.hub];
        z += (s[SURNAME][c.special[SURNAME]] / local_surname[c.special[SURNAME]].max(1e-6)).ln();
        z += (s[DESCRIPTION][c.special[DESCRIPTION]]
            / local_description[c.special[DESCRIPTION]].max(1e-6))
        .ln();
        z
    }

    /// The best hub of every candidate likelier than `floor` to be it.
    fn links(self, floor: f64) -> Vec<Link> {
        let model = self.maximise();
        let mut best: BTreeMap<MentionId, (f64, usize)> = BTreeMap::new();
        for (k, c) in self.candidates.iter().enumerate() {
            let e = best.entry(c.mention).or_insert((c.r, k));
            if c.r > e.0 {
                *e = (c.r, k);
            }
        }
        best.into_values()
            .filter(|&(r, _)| r >= floor)
            .map(|(r, k)| {
                let c = &self.candidates[k];
                Link {
                    mention: c.mention,
                    hub: c.hub,
                    probability: r,
                    answers: speaking_for(&model, c),
                }
            })
            .collect()
    }
}

/// Answers of `c` that make the hub at least twice as likely, strongest first.
fn speaking_for(model: &Model, c: &Candidate) -> Vec<Answer> {
    let hub = &model.hub[c.hub];
    let mut out: Vec<(f64, Answer)> = Vec::new();
    for (f, &v) in c.values.iter().enumerate() {
        let ratio = hub[f][v as usize] / model.local[f][v as usize];
        if ratio < 2.0 {
            continue;
        }
        let answer = match (f, v) {
            (0, 0) => Relationship::Family,
            (0, 1) => Relationship::Friend,
            (0, 2) => Relationship::Neighbour,
            (0, 3) => Relationship::Work,
            (0, 4) => Relationship::Service,
            (0, 5) => Relationship::Other,
            _ => {
                let a = match (f, v) {
                    (1, 0) => Answer::CanChange,
                    (2..=7, 1) => Answer::Prompt((f - 2) as u8),
                    (10, 0) => Answer::KnowsOthers,
                    _ => continue,
                };
                out.push((ratio, a));
                continue;
            }
        };
        out.push((ratio, Answer::Relationship(answer)));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|(_, a)| a).collect()
}

/// Shares among the mentions outside the hubs (see [`Mixture::local_fit`]).
fn local_shares(
    index: &Index,
    hubs: &[Hub],
    hub_of: &[Option<usize>],
) -> (Vec<[f64; 3]>, [f64; 3]) {
    let outside: Vec<&Mention> = index
        .mentions
        .iter()
        .filter(|m| hub_of[m.id as usize].is_none() && m.name.has_name())
        .collect();
    let n = outside.len().max(1) as f64;
    let surnames: Vec<&str> = outside
        .iter()
        .filter_map(|m| m.name.last.as_deref())
        .collect();
    let initials: Vec<char> = outside
        .iter()
        .filter(|m| m.name.last.is_none())
        .filter_map(|m| m.name.last_initial)
        .collect();
    let described: Vec<&Vec<String>> = outside
        .iter()
        .map(|m| &m.name.described)
        .filter(|d| !d.is_empty())
        .collect();
    let share = |hits: usize, of: usize| (hits as f64 + 0.5) / (of as f64 + 1.0);
    let fit = hubs
        .iter()
        .map(|hub| {
            let s = hub.surname.as_deref();
            let same = s.map_or(0, |s| {
                surnames.iter().filter(|l| last_compatible(l, s)).count()
            });
            let initial = s
                .and_then(|s| s.chars().next())
                .map_or(0, |i| initials.iter().filter(|&&c| c == i).count());
            let desc = described
                .iter()
                .filter(|d| d.iter().any(|w| hub.described.contains(w)))
                .count();
            [
                share(same, surnames.len()),
                share(initial, initials.len()),
                share(desc, described.len()),
            ]
        })
        .collect();
    let has = [
        surnames.len() as f64 / n,
        initials.len() as f64 / n,
        described.len() as f64 / n,
    ];
    (fit, has)
}

/// The fitted mixture: per hub P(answer | hub), P(answer | local), and the
/// weight of the hub among each area's candidates.
struct Model {
    hub: Vec<Vec<Vec<f64>>>,
    special: Vec<Vec<Vec<f64>>>,
    local: Vec<Vec<f64>>,
    /// Per hub and area: (Σ P(hub), candidates).
    in_area: Vec<HashMap<u32, (f64, f64)>>,
    /// Per hub: (members + Σ P(hub), members + candidates).
    overall: Vec<(f64, f64)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_with_truth;
    use crate::core::matching::{passes::first_pass_roots, MatchOptions, MatchingInput};

    #[test]
    fn the_people_everyone_names_are_found_and_their_first_name_mentions_linked() {
        let (c, truth) = demo_with_truth(3, 900);
        let index = Index::build(&MatchingInput::of(&c));
        let roots = first_pass_roots(&index, &MatchOptions::default(), &[]);
        let hubs = Hubs::find(&index, &roots, 0.5);
        let person = |m: MentionId| truth.person(&index.mentions[m as usize].at);
        // The four brokers and six roster figures, each one hub.
        let mut people: Vec<_> = hubs.hubs.iter().filter_map(|h| person(h.anchor)).collect();
        people.sort_unstable();
        people.dedup();
        assert_eq!(people.len(), hubs.hubs.len());
        assert!(hubs.hubs.len() >= 9, "{} hubs", hubs.hubs.len());
        let likely: Vec<&Link> = hubs.links.iter().filter(|l| l.probability >= 0.8).collect();
        let right = likely
            .iter()
            .filter(|l| person(l.mention) == person(hubs.hubs[l.hub].anchor))
            .count();
        assert!(likely.len() > 100, "{} links", likely.len());
        assert!(
            right as f64 >= 0.93 * likely.len() as f64,
            "{right} of {}",
            likely.len()
        );
        // "Sandra" named as a friend is linked to Sandra Robson when she can change things.
        assert!(likely.iter().any(|l| {
            let m = &index.mentions[l.mention as usize];
            m.relationship == Some(Relationship::Friend) && m.name.last.is_none()
        }));
    }

    #[test]
    fn a_slip_of_the_finger_is_a_hub_name_only_when_no_table_knows_the_word() {
        let names = vec!["gary".to_string(), "joan".to_string()];
        assert!(slip_of("gry", &names));
        assert!(slip_of("jaon", &names));
        assert!(!slip_of("jan", &names));
        assert!(!slip_of("gareth", &names));
    }
}
