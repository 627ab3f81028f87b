//! Where recall is lost: every pair of mentions of one real person that the
//! accepted merges leave apart, by the stage that lost it (blocking never
//! proposed it, the names ruled it out, it scored below the threshold, or
//! grouping refused it) and by the kind of variation between the two typed
//! names (typo, nickname, initial, surname only, first name only, full
//! names), and whether context could have told them apart at all: another
//! member of the same circle answers to the same name.

use std::collections::{BTreeMap, HashMap, HashSet};
use weave::core::demo::GroundTruth;
use weave::core::matching::candidates::candidate_pairs;
use weave::core::matching::index::{Index, Mention};
use weave::core::matching::nicknames::table;
use weave::core::matching::normalise::fold;
use weave::core::matching::score::score_only;
use weave::core::matching::{Candidate, MatchOptions};
use weave::core::model::{AlterRef, Community};

/// How one mention spells the person's first name.
fn first_form(m: &Mention, formal: &str) -> &'static str {
    let formal = fold(formal);
    match &m.name.first {
        Some(f) if *f == formal => "formal",
        Some(f) if table().equivalent(f, &formal) => "short",
        Some(_) => "typo",
        None if m.name.first_initial.is_some() => "initial",
        None => "none",
    }
}

/// The hardest variation between two mentions of one person.
fn variation(a: &Mention, b: &Mention, formal: &str) -> &'static str {
    let (fa, fb) = (first_form(a, formal), first_form(b, formal));
    let forms = [fa, fb];
    let surnames = [a.name.last.is_some(), b.name.last.is_some()];
    if a.figure.is_some() || b.figure.is_some() || !a.name.has_name() || !b.name.has_name() {
        "roster or description"
    } else if forms.contains(&"typo") {
        "typo"
    } else if forms.contains(&"none") {
        "surname only"
    } else if forms.contains(&"initial") {
        "initial"
    } else if a.name.first != b.name.first {
        "nickname"
    } else if surnames == [false, false] {
        "first name only, both"
    } else if surnames.contains(&false) {
        "surname on one side"
    } else {
        "same full name"
    }
}

/// Is there another member of this person's circle who answers to a name
/// this mention could be (same nickname row as the person's formal name)?
fn homonym_in_circle(truth: &GroundTruth, person: u32, circle_members: &[u32]) -> bool {
    let (formal, _) = truth.names[person as usize];
    let formal = fold(formal);
    circle_members.iter().any(|&o| {
        o != person && table().equivalent(&fold(truth.names[o as usize].0), &formal)
    })
}

fn groups_of(plan: &[Candidate]) -> HashMap<AlterRef, usize> {
    let mut ids: HashMap<AlterRef, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for c in plan {
        let mut id = |r: &AlterRef| {
            let next = ids.len();
            *ids.entry(r.clone()).or_insert_with(|| {
                parent.push(next);
                next
            })
        };
        let (a, b) = (id(&c.a), id(&c.b));
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let keys: Vec<(AlterRef, usize)> = ids.iter().map(|(k, v)| (k.clone(), *v)).collect();
    keys.into_iter()
        .map(|(k, v)| (k, find(&mut parent, v)))
        .collect()
}

/// Prints the breakdown of true pairs of circle members left apart.
pub fn run(
    community: &Community,
    truth: &GroundTruth,
    plan: &[Candidate],
    options: &MatchOptions,
    threshold: f64,
) {
    let index = Index::build(community);
    let blocked: HashSet<(u32, u32)> = candidate_pairs(&index, &options.limits)
        .into_iter()
        .collect();
    let group = groups_of(plan);
    let mut members: HashMap<usize, Vec<u32>> = HashMap::new();
    for (p, c) in truth.circle_of.iter().enumerate() {
        if let Some(c) = c {
            members.entry(*c).or_default().push(p as u32);
        }
    }
    let mut by_person: BTreeMap<u32, Vec<&Mention>> = BTreeMap::new();
    for m in &index.mentions {
        if let Some(p) = truth.person(&m.at) {
            by_person.entry(p).or_default().push(m);
        }
    }
    let mut table_: BTreeMap<(&str, &str), [u32; 2]> = BTreeMap::new();
    let (mut pairs, mut apart, mut ambiguous, mut with_namesake) = (0u32, 0u32, 0u32, 0u32);
    for (&person, ms) in &by_person {
        let Some(circle) = truth.circle_of.get(person as usize).copied().flatten() else {
            continue;
        };
        let homonym = homonym_in_circle(truth, person, &members[&circle]);
        for x in 0..ms.len() {
            for y in x + 1..ms.len() {
                let (a, b) = (ms[x], ms[y]);
                if a.context == b.context {
                    continue;
                }
                pairs += 1;
                with_namesake += u32::from(homonym);
                let together = matches!((group.get(&a.at), group.get(&b.at)), (Some(g), Some(h)) if g == h);
                if together {
                    continue;
                }
                apart += 1;
                ambiguous += u32::from(homonym);
                let stage = if !blocked.contains(&(a.id.min(b.id), a.id.max(b.id))) {
                    "not blocked"
                } else {
                    match score_only(&index, a, b) {
                        None => "ruled out",
                        Some(s) if s < threshold => "below threshold",
                        Some(_) => "grouping refused",
                    }
                };
                let kind = variation(a, b, truth.names[person as usize].0);
                table_.entry((stage, kind)).or_default()[usize::from(homonym)] += 1;
            }
        }
    }
    println!(
        "circle members: {apart} of {pairs} true pairs left apart ({:.1}%); {with_namesake} true pairs are of a person with a namesake in their own circle, {ambiguous} of them left apart",
        100.0 * f64::from(apart) / f64::from(pairs.max(1))
    );
    println!("  {:<18} {:<22} {:>8} {:>14}", "stage", "variation", "pairs", "with namesake");
    for ((stage, kind), [plain, homonym]) in &table_ {
        println!("  {stage:<18} {kind:<22} {:>8} {homonym:>14}", plain + homonym);
    }
}
