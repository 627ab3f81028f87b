//! One demo resident's map: the people they name (typed their own way), how
//! those people know each other, the places they go, barriers and wellbeing.

use super::event::{PLACES, Q_AGE, Q_AREA, Q_EMPLOYMENT, Q_YEARS, ROSTER};
use super::names::{typed_name, withdrawal_code, KINSHIP};
use super::profile::{weighted, Profile};
use super::world::{PersonId, PersonKind, World};
use crate::core::model::{
    Alter, AlterId, AlterTie, Barrier, EventId, Frequency, NewPlace, NewPlaceId, PlaceCategory,
    PlaceId, PlaceRef, PlaceVisit, PromptId, QuestionId, Relationship, Response, ResponseId,
    ResponseStatus, Timestamp,
};
use rand::Rng;
use std::f64::consts::TAU;

/// World units between rings: ring r sits at radius `r * RING_SPACING`.
pub const RING_SPACING: f64 = 120.0;

/// Where a named person came from, which shapes everything said about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Family,
    Circle,
    Area,
    Broker,
    Figure(usize),
}

struct Named {
    person: PersonId,
    source: Source,
}

/// Builds one finished response; returns it with the real person behind each alter.
pub fn resident<R: Rng>(
    rng: &mut R,
    world: &mut World,
    profile: &Profile,
    event: &EventId,
    consented_at: Timestamp,
) -> (Response, Vec<PersonId>) {
    let id = ResponseId::new(format!("{:016x}", rng.random::<u64>()));
    let mut response = Response::new(id, event.clone(), "en", consented_at);
    response.answers = answers(rng, profile, world);
    let named = choose_people(rng, world, profile);
    let mut clock = consented_at.0 + rng.random_range(20_000..60_000);
    for (i, n) in named.iter().enumerate() {
        clock += rng.random_range(8_000..40_000);
        let alter = alter(rng, world, n, i, named.len(), Timestamp(clock));
        response.alters.push(alter);
    }
    response.ties = ties(rng, world, &named);
    clock = places(rng, profile, &mut response, named.is_empty(), clock);
    response.barriers = barriers(rng, profile);
    response.wellbeing = wellbeing(rng, profile, named.len(), response.ties.len());
    response.withdrawal_code = Some(withdrawal_code(rng));
    let finished = Timestamp(clock + rng.random_range(15_000..60_000));
    response.status = ResponseStatus::Finished;
    response.finished_at = Some(finished);
    response.updated_at = finished;
    (response, named.iter().map(|n| n.person).collect())
}

fn answers<R: Rng>(
    rng: &mut R,
    p: &Profile,
    world: &World,
) -> std::collections::BTreeMap<QuestionId, String> {
    let mut out = std::collections::BTreeMap::new();
    for (q, value, skip) in [
        (Q_AREA, p.area_name(world), 0.02),
        (Q_AGE, p.age, 0.05),
        (Q_EMPLOYMENT, p.employment, 0.06),
        (Q_YEARS, p.years, 0.05),
    ] {
        if !rng.random_bool(skip) {
            out.insert(QuestionId::new(q), value.to_string());
        }
    }
    out
}

/// How many people a resident names: single parents name fewer, and about
/// one resident in twelve names nobody at all.
fn how_many<R: Rng>(rng: &mut R, p: &Profile) -> usize {
    let isolate = if p.is_single_parent() { 0.22 } else { 0.06 };
    if rng.random_bool(isolate) {
        0
    } else if p.is_single_parent() {
        rng.random_range(1..=4)
    } else {
        rng.random_range(2..=9) + rng.random_range(0..=3)
    }
}

fn choose_people<R: Rng>(rng: &mut R, world: &mut World, p: &Profile) -> Vec<Named> {
    let count = how_many(rng, p);
    let mut named: Vec<Named> = Vec::new();
    let mut attempts = 0;
    while named.len() < count && attempts < count * 6 {
        attempts += 1;
        let source = pick_source(rng, p, named.is_empty());
        let person = match source {
            Source::Family => world.add_family(rng, p.background),
            Source::Circle => pick_popular(rng, &world.circles[p.circle].members),
            Source::Area => match other_circle_in_area(rng, world, p) {
                Some(c) => pick(rng, &world.circles[c].members),
                None => continue,
            },
            Source::Broker => pick(rng, &world.brokers),
            Source::Figure(i) => world.figures[i],
        };
        if !named.iter().any(|n| n.person == person) {
            named.push(Named { person, source });
        }
    }
    named
}

/// Some people in a circle are named by nearly everyone in it and some by
/// few: Zipf weights (1, 1/2, 1/3, ...) over the circle's members, as in the
/// skewed degree distributions of real networks.
fn pick_popular<R: Rng>(rng: &mut R, members: &[PersonId]) -> PersonId {
    let total: f64 = (1..=members.len()).map(|k| 1.0 / k as f64).sum();
    let mut x = rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
    for (k, &m) in members.iter().enumerate() {
        let w = 1.0 / (k + 1) as f64;
        if x < w {
            return m;
        }
        x -= w;
    }
    members[members.len() - 1]
}

fn pick<R: Rng>(rng: &mut R, items: &[PersonId]) -> PersonId {
    items[rng.random_range(0..items.len())]
}

fn pick_source<R: Rng>(rng: &mut R, p: &Profile, first: bool) -> Source {
    let figure = Source::Figure(rng.random_range(0..ROSTER.len()));
    if p.is_single_parent() {
        // Family first and mostly family: the isolation the play-back showed.
        let family = if first { 70 } else { 35 };
        return weighted(
            rng,
            &[
                (family, Source::Family),
                (50, Source::Circle),
                (3, Source::Broker),
                (2, figure),
            ],
        );
    }
    weighted(
        rng,
        &[
            (14, Source::Family),
            (56, Source::Circle),
            (8, Source::Area),
            (11, Source::Broker),
            (11, figure),
        ],
    )
}

fn other_circle_in_area<R: Rng>(rng: &mut R, world: &World, p: &Profile) -> Option<usize> {
    let same: Vec<usize> = (0..world.circles.len())
        .filter(|&c| c != p.circle && world.circles[c].area == p.area)
        .collect();
    (!same.is_empty()).then(|| same[rng.random_range(0..same.len())])
}

fn alter<R: Rng>(
    rng: &mut R,
    world: &World,
    n: &Named,
    index: usize,
    count: usize,
    at: Timestamp,
) -> Alter {
    let person = &world.people[n.person as usize];
    let (name, public_figure) = displayed_name(rng, world, n);
    let relationship = relationship(rng, n.source);
    let ring = ring(rng, relationship, &person.kind);
    // Spread round the rings by order of naming, with a little hand wobble.
    let angle = TAU * (index as f64 + rng.random_range(-0.3..0.3)) / count.max(1) as f64;
    let radius = f64::from(ring) * RING_SPACING + rng.random_range(-12.0..12.0);
    Alter {
        id: AlterId(index as u32),
        name,
        prompts: prompts(rng, n.source),
        ring,
        x: radius * angle.cos(),
        y: radius * angle.sin(),
        relationship: Some(relationship),
        frequency: Some(frequency(rng, relationship)),
        can_change: can_change(rng, n.source),
        public_figure,
        added_at: at,
    }
}

fn displayed_name<R: Rng>(rng: &mut R, world: &World, n: &Named) -> (String, bool) {
    let person = &world.people[n.person as usize];
    match n.source {
        Source::Figure(i) if rng.random_bool(0.55) => (ROSTER[i].0.to_string(), true),
        Source::Family if rng.random_bool(0.35) => (
            KINSHIP[rng.random_range(0..KINSHIP.len())].to_string(),
            false,
        ),
        _ if !person.aliases.is_empty() && rng.random_bool(0.3) => (
            person.aliases[rng.random_range(0..person.aliases.len())].to_string(),
            false,
        ),
        _ => (typed_name(rng, &person.name), false),
    }
}

fn relationship<R: Rng>(rng: &mut R, source: Source) -> Relationship {
    use Relationship::*;
    match source {
        Source::Family => Family,
        Source::Circle => weighted(rng, &[(6, Friend), (4, Neighbour), (1, Work)]),
        Source::Area => weighted(rng, &[(6, Neighbour), (3, Work), (1, Friend)]),
        Source::Broker => weighted(rng, &[(4, Other), (3, Friend), (3, Service)]),
        Source::Figure(_) => weighted(rng, &[(8, Service), (2, Other)]),
    }
}

fn ring<R: Rng>(rng: &mut R, relationship: Relationship, kind: &PersonKind) -> u8 {
    match (relationship, kind) {
        (_, PersonKind::Figure(_)) => 3,
        (Relationship::Family, _) => 1,
        (Relationship::Friend, _) => weighted(rng, &[(1, 1), (1, 2)]),
        (Relationship::Neighbour, _) => weighted(rng, &[(4, 2), (1, 3)]),
        _ => weighted(rng, &[(1, 2), (2, 3)]),
    }
}

fn frequency<R: Rng>(rng: &mut R, relationship: Relationship) -> Frequency {
    use Frequency::*;
    match relationship {
        Relationship::Family => weighted(rng, &[(5, Daily), (4, Weekly), (1, Monthly)]),
        Relationship::Friend | Relationship::Neighbour => {
            weighted(rng, &[(2, Daily), (5, Weekly), (2, Monthly), (1, Rarely)])
        }
        _ => weighted(rng, &[(1, Weekly), (3, Monthly), (2, Rarely)]),
    }
}

fn can_change<R: Rng>(rng: &mut R, source: Source) -> Option<bool> {
    if rng.random_bool(0.1) {
        return None;
    }
    let p = match source {
        Source::Figure(_) => 0.85,
        Source::Broker => 0.7,
        Source::Family => 0.03,
        _ => 0.1,
    };
    Some(rng.random_bool(p))
}

/// The prompts under which someone was named: one to three, most likely first.
fn prompts<R: Rng>(rng: &mut R, source: Source) -> Vec<PromptId> {
    let likely: &[&str] = match source {
        Source::Family => &["help", "trust", "info"],
        Source::Circle | Source::Area => &["help", "trust", "info", "active"],
        Source::Broker => &["active", "change", "info", "help"],
        Source::Figure(_) => &["change", "info", "trust"],
    };
    let count = weighted(rng, &[(6, 1), (3, 2), (1, 3)]).min(likely.len());
    let mut chosen: Vec<&str> = Vec::new();
    while chosen.len() < count {
        // Earlier entries are likelier: take the minimum of two draws.
        let i = rng
            .random_range(0..likely.len())
            .min(rng.random_range(0..likely.len()));
        if !chosen.contains(&likely[i]) {
            chosen.push(likely[i]);
        }
    }
    chosen.into_iter().map(PromptId::new).collect()
}

/// "Do the people you named know each other?" Circles and families are dense.
fn ties<R: Rng>(rng: &mut R, world: &World, named: &[Named]) -> Vec<AlterTie> {
    let mut out = Vec::new();
    for i in 0..named.len() {
        for j in i + 1..named.len() {
            let p = tie_chance(world, &named[i], &named[j]);
            if rng.random_bool(p) {
                out.push(AlterTie::new(AlterId(i as u32), AlterId(j as u32)));
            }
        }
    }
    out
}

fn tie_chance(world: &World, a: &Named, b: &Named) -> f64 {
    let kind = |n: &Named| &world.people[n.person as usize].kind;
    match (kind(a), kind(b)) {
        (PersonKind::Family, PersonKind::Family) => 0.8,
        (PersonKind::Circle { circle: x }, PersonKind::Circle { circle: y }) if x == y => 0.45,
        (PersonKind::Broker, PersonKind::Broker) => 0.6,
        (PersonKind::Broker, PersonKind::Circle { .. })
        | (PersonKind::Circle { .. }, PersonKind::Broker) => 0.2,
        (PersonKind::Figure(_), _) | (_, PersonKind::Figure(_)) => 0.05,
        _ => 0.1,
    }
}

/// Places: mostly the circle's own, a few others; isolates go to fewer.
fn places<R: Rng>(
    rng: &mut R,
    p: &Profile,
    response: &mut Response,
    isolate: bool,
    mut clock: i64,
) -> i64 {
    let count = if isolate || p.is_single_parent() {
        rng.random_range(0..=3)
    } else {
        rng.random_range(1..=6)
    };
    let circle_places = &p.places;
    let mut chosen: Vec<usize> = Vec::new();
    let mut attempts = 0;
    while chosen.len() < count && attempts < 30 {
        attempts += 1;
        let idx = if rng.random_bool(0.65) && !circle_places.is_empty() {
            circle_places[rng.random_range(0..circle_places.len())]
        } else {
            rng.random_range(0..PLACES.len())
        };
        if !chosen.contains(&idx) {
            chosen.push(idx);
        }
    }
    for idx in chosen {
        clock += rng.random_range(5_000..25_000);
        let (id, _, category, ..) = PLACES[idx];
        response.places.push(visit(
            rng,
            PlaceRef::Listed(PlaceId::new(id)),
            category,
            clock,
        ));
    }
    if rng.random_bool(0.05) {
        clock += rng.random_range(10_000..40_000);
        add_new_place(rng, response, clock);
    }
    clock
}

fn visit<R: Rng>(rng: &mut R, place: PlaceRef, category: PlaceCategory, at: i64) -> PlaceVisit {
    use Frequency::*;
    let information_chance = match category {
        PlaceCategory::Information | PlaceCategory::Online => 0.8,
        _ => 0.15,
    };
    PlaceVisit {
        place,
        frequency: Some(weighted(
            rng,
            &[(1, Daily), (4, Weekly), (3, Monthly), (1, Rarely)],
        )),
        information: rng.random_bool(information_chance),
        added_at: Timestamp(at),
    }
}

/// Places residents add that the facilitator did not list.
const UNLISTED: [(&str, PlaceCategory); 5] = [
    ("Bingo at the Welfare", PlaceCategory::Group),
    ("Murton Mams WhatsApp", PlaceCategory::Online),
    ("Boxing club", PlaceCategory::Group),
    ("Easington leisure centre", PlaceCategory::Venue),
    ("Nana's allotment", PlaceCategory::Venue),
];

fn add_new_place<R: Rng>(rng: &mut R, response: &mut Response, at: i64) {
    let (name, category) = UNLISTED[rng.random_range(0..UNLISTED.len())];
    let id = response.next_new_place_id();
    response.new_places.push(NewPlace {
        id,
        name: name.to_string(),
        category,
    });
    response
        .places
        .push(visit(rng, PlaceRef::New(NewPlaceId(id.0)), category, at));
}

fn barriers<R: Rng>(rng: &mut R, p: &Profile) -> Vec<Barrier> {
    use super::names::Background;
    let mut chances: Vec<(Barrier, f64)> = vec![(Barrier::Times, 0.1), (Barrier::Other, 0.03)];
    if p.is_single_parent() {
        chances.extend([
            (Barrier::Caring, 0.7),
            (Barrier::Cost, 0.5),
            (Barrier::Confidence, 0.3),
        ]);
    }
    if p.is_retired() || p.age == "65+" {
        chances.extend([(Barrier::Health, 0.3), (Barrier::Transport, 0.3)]);
    }
    if p.employment == "Unemployed" {
        chances.extend([(Barrier::Cost, 0.5), (Barrier::Confidence, 0.3)]);
    }
    if p.background != Background::British {
        chances.push((Barrier::Language, 0.25));
    }
    let mut out: Vec<Barrier> = chances
        .into_iter()
        .filter(|&(_, chance)| rng.random_bool(chance))
        .map(|(b, _)| b)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// ONS life satisfaction 0–10, rising with connections; a few decline to say.
fn wellbeing<R: Rng>(rng: &mut R, p: &Profile, alters: usize, ties: usize) -> Option<u8> {
    if rng.random_bool(0.06) {
        return None;
    }
    let noise: f64 = (0..3).map(|_| rng.random_range(-1.0..1.0)).sum();
    let mut score = 3.2 + 0.38 * alters.min(12) as f64 + 0.06 * ties.min(20) as f64 + noise;
    if p.is_single_parent() {
        score -= 1.0;
    }
    Some(score.round().clamp(0.0, 10.0) as u8)
}
