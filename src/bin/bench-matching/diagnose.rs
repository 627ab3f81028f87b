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
use weave::core::matching::passes::scored_pairs;
use weave::core::matching::score::base_logit;
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
    circle_members
        .iter()
        .any(|&o| o != person && table().equivalent(&fold(truth.names[o as usize].0), &formal))
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
    let index = Index::of_community(community);
    let blocked: HashSet<(u32, u32)> = candidate_pairs(&index, &options.limits)
        .into_iter()
        .collect();
    let scored = scored_pairs(&index, options, &[]);
    let social = scored.social.clone();
    let final_pairs = scored.pairs;
    let mut shown = 0;
    let final_score: HashMap<(u32, u32), f64> = final_pairs
        .into_iter()
        .map(|(i, j, s)| ((i, j), s))
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
                let together =
                    matches!((group.get(&a.at), group.get(&b.at)), (Some(g), Some(h)) if g == h);
                if together {
                    continue;
                }
                apart += 1;
                ambiguous += u32::from(homonym);
                let key = (a.id.min(b.id), a.id.max(b.id));
                let stage = if !blocked.contains(&key) {
                    "not blocked"
                } else if base_logit(&index, a, b).is_none() {
                    "ruled out"
                } else if final_score.get(&key).is_none_or(|s| *s < threshold) {
                    "below threshold"
                } else {
                    "grouping refused"
                };
                let kind = variation(a, b, truth.names[person as usize].0);
                table_.entry((stage, kind)).or_default()[usize::from(homonym)] += 1;
                if std::env::var_os("EXPLAIN").is_some()
                    && !homonym
                    && shown < 400
                    && stage == "below threshold"
                {
                    shown += 1;
                    if shown % 10 == 0 {
                        let text = weave::core::matching::score::score(&index, &social, a, b).map(
                            |(x, e)| format!("{x:.2} {}", weave::core::matching::describe_all(&e)),
                        );
                        println!("MISSED {kind}: {:?} / {:?}: {:?}", a.typed, b.typed, text);
                    }
                }
            }
        }
    }
    decidable(&index, truth, &group, &members);
    println!(
        "circle members: {apart} of {pairs} true pairs left apart ({:.1}%); {with_namesake} true pairs are of a person with a namesake in their own circle, {ambiguous} of them left apart",
        100.0 * f64::from(apart) / f64::from(pairs.max(1))
    );
    println!(
        "  {:<18} {:<22} {:>8} {:>14}",
        "stage", "variation", "pairs", "with namesake"
    );
    for ((stage, kind), [plain, homonym]) in &table_ {
        println!(
            "  {stage:<18} {kind:<22} {:>8} {homonym:>14}",
            plain + homonym
        );
    }
}

/// Writes the feature values of every blocked pair that the names do not
/// rule out, with its truth, for fitting the weights offline (DUMP=path;
/// see scripts/fit-matching-weights.py).
pub fn dump(community: &Community, truth: &GroundTruth, options: &MatchOptions, path: &str) {
    use std::io::Write;
    use weave::core::matching::score::{features, FEATURE_NAMES};
    let index = Index::of_community(community);
    let by_person = scored_pairs(&index, options, &[]).social;
    let Ok(file) = std::fs::File::create(path) else {
        eprintln!("cannot write {path}");
        return;
    };
    let mut out = std::io::BufWriter::new(file);
    let _ = writeln!(out, "label,kind,{}", FEATURE_NAMES.join(","));
    for (i, j) in candidate_pairs(&index, &options.limits) {
        let (a, b) = (&index.mentions[i as usize], &index.mentions[j as usize]);
        let Some(f) = features(&index, &by_person, a, b) else {
            continue;
        };
        let (pa, pb) = (truth.person(&a.at), truth.person(&b.at));
        let label = pa.is_some() && pa == pb;
        let kind = pa
            .and_then(|p| truth.kind_of.get(p as usize))
            .copied()
            .unwrap_or("?");
        let values: Vec<String> = f.iter().map(|x| format!("{x:.3}")).collect();
        let _ = writeln!(out, "{},{kind},{}", u8::from(label), values.join(","));
    }
}

/// For brokers and roster figures: how their mentions that stay outside
/// their largest group were typed (EXPLAIN=1).
pub fn outside_main(community: &Community, truth: &GroundTruth, plan: &[Candidate]) {
    let index = Index::of_community(community);
    let group = groups_of(plan);
    let mut by_person: BTreeMap<u32, Vec<&Mention>> = BTreeMap::new();
    for m in &index.mentions {
        if let Some(p) = truth.person(&m.at) {
            if matches!(truth.kind_of[p as usize], "broker" | "figure") {
                by_person.entry(p).or_default().push(m);
            }
        }
    }
    for (p, ms) in by_person {
        let mut sizes: HashMap<Option<usize>, usize> = HashMap::new();
        for m in &ms {
            *sizes.entry(group.get(&m.at).copied()).or_default() += 1;
        }
        let main = sizes
            .iter()
            .filter(|(g, _)| g.is_some())
            .max_by_key(|(_, n)| **n)
            .map(|(g, _)| *g)
            .unwrap_or(None);
        let mut forms: BTreeMap<String, usize> = BTreeMap::new();
        for m in &ms {
            let g = group.get(&m.at).copied();
            if g != main {
                let rel = format!("{:?}", m.relationship).to_lowercase();
                let key = format!(
                    "{} [{}{}]",
                    fold(&m.typed),
                    rel,
                    if g.is_some() { ", other group" } else { "" }
                );
                *forms.entry(key).or_default() += 1;
            }
        }
        let mut forms: Vec<_> = forms.into_iter().collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        let top: Vec<String> = forms
            .iter()
            .take(12)
            .map(|(k, n)| format!("{k} x{n}"))
            .collect();
        println!(
            "{} {} {}: {} mentions, {} in the main group; outside: {}",
            truth.kind_of[p as usize],
            truth.names[p as usize].0,
            truth.names[p as usize].1,
            ms.len(),
            main.map_or(0, |g| sizes[&Some(g)]),
            top.join("; ")
        );
    }
}

/// Ground-truth separability of circle members' pairs (ANALYSE=1).
pub fn analyse(community: &Community, truth: &GroundTruth) {
    let index = Index::of_community(community);
    // Real people each resident named.
    let mut named: Vec<Vec<u32>> = vec![Vec::new(); index.contexts.len()];
    for m in &index.mentions {
        if let Some(p) = truth.person(&m.at) {
            named[m.context as usize].push(p);
        }
    }
    for v in &mut named {
        v.sort_unstable();
        v.dedup();
    }
    let circle_people = |v: &Vec<u32>, skip: u32| {
        v.iter()
            .filter(|&&p| p != skip && truth.kind_of[p as usize] == "circle")
            .count()
    };
    let shared = |a: usize, b: usize, skip: u32| -> usize {
        let (x, y) = (&named[a], &named[b]);
        x.iter()
            .filter(|p| **p != skip && truth.kind_of[**p as usize] == "circle" && y.contains(p))
            .count()
    };
    // resident's circle: most common circle among named circle people
    let home: Vec<Option<usize>> = named
        .iter()
        .map(|v| {
            let mut c: HashMap<usize, usize> = HashMap::new();
            for &p in v {
                if let Some(ci) = truth.circle_of[p as usize] {
                    *c.entry(ci).or_default() += 1;
                }
            }
            c.into_iter()
                .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)))
                .map(|(k, _)| k)
        })
        .collect();
    let mut pairs_by_kind: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_person: BTreeMap<u32, Vec<&Mention>> = BTreeMap::new();
    for m in &index.mentions {
        if let Some(p) = truth.person(&m.at) {
            by_person.entry(p).or_default().push(m);
        }
    }
    let mut hist: BTreeMap<(bool, usize), u32> = BTreeMap::new();
    let mut same_home = [0u32; 2];
    for (&p, ms) in &by_person {
        let kind = truth.kind_of[p as usize];
        let mut n = 0u64;
        for x in 0..ms.len() {
            for y in x + 1..ms.len() {
                if ms[x].context == ms[y].context {
                    continue;
                }
                n += 1;
                if kind == "circle" {
                    let (a, b) = (ms[x].context as usize, ms[y].context as usize);
                    let s = shared(a, b, p).min(5);
                    let same = home[a].is_some() && home[a] == home[b];
                    same_home[usize::from(same)] += 1;
                    *hist.entry((same, s)).or_default() += 1;
                }
            }
        }
        *pairs_by_kind.entry(kind).or_default() += n;
    }
    println!("ANALYSE true pairs by kind: {pairs_by_kind:?}");
    let mut mentions_by_kind: BTreeMap<(&str, bool), usize> = BTreeMap::new();
    for (&p, ms) in &by_person {
        *mentions_by_kind
            .entry((truth.kind_of[p as usize], ms.len() > 1))
            .or_default() += ms.len();
    }
    println!("ANALYSE mentions by (kind, person named more than once): {mentions_by_kind:?}");
    println!(
        "ANALYSE circle pairs: residents in the same home circle: {} of {}",
        same_home[1],
        same_home[0] + same_home[1]
    );
    println!(
        "ANALYSE circle pairs by (same home circle, other circle people both named): {hist:?}"
    );
    // Impostors: pairs of mentions with the same first-name identity, same area, different real people (circle kind)
    let mut imp: BTreeMap<(bool, usize), u32> = BTreeMap::new();
    let mut tru: BTreeMap<(bool, usize), u32> = BTreeMap::new();
    let mut by_key: HashMap<(u32, u32), Vec<&Mention>> = HashMap::new();
    for m in &index.mentions {
        let (Some(id), Some(area)) = (m.identity, index.contexts[m.context as usize].area_id)
        else {
            continue;
        };
        if m.figure.is_some() || m.name.kinship {
            continue;
        }
        by_key.entry((id, area)).or_default().push(m);
    }
    for ms in by_key.values() {
        for x in 0..ms.len() {
            for y in x + 1..ms.len() {
                let (a, b) = (ms[x], ms[y]);
                if a.context == b.context {
                    continue;
                }
                let (Some(pa), Some(pb)) = (truth.person(&a.at), truth.person(&b.at)) else {
                    continue;
                };
                if truth.kind_of[pa as usize] != "circle" && truth.kind_of[pb as usize] != "circle"
                {
                    continue;
                }
                let both_first_only = a.name.last.is_none()
                    && b.name.last.is_none()
                    && a.name.last_initial.is_none()
                    && b.name.last_initial.is_none();
                let s = shared(a.context as usize, b.context as usize, pa).min(5);
                if pa == pb {
                    *tru.entry((both_first_only, s)).or_default() += 1;
                } else {
                    *imp.entry((both_first_only, s)).or_default() += 1;
                }
            }
        }
    }
    println!("ANALYSE same first-name identity + same area, (both first name only, circle people both named): true {tru:?}");
    println!("ANALYSE   ... impostors (different people): {imp:?}");
    let _ = circle_people;
}

/// The people everyone names, as the matching found them (HUBS=1): each
/// hub's members, and its links by truth.
pub fn hubs(community: &Community, truth: &GroundTruth, options: &MatchOptions) {
    let index = Index::of_community(community);
    let scored = scored_pairs(&index, options, &[]);
    let person = |m: u32| truth.person(&index.mentions[m as usize].at);
    for (h, hub) in scored.hubs.hubs.iter().enumerate() {
        let p = person(hub.anchor);
        let right_members = hub.members.iter().filter(|&&m| person(m) == p).count();
        let total = p.map_or(0, |p| truth.person_of.values().filter(|&&q| q == p).count());
        let links: Vec<_> = scored.hubs.links.iter().filter(|l| l.hub == h).collect();
        let at = |t: f64| {
            let l: Vec<_> = links.iter().filter(|l| l.probability >= t).collect();
            let right = l.iter().filter(|l| person(l.mention) == p).count();
            format!("{right}/{}", l.len())
        };
        println!(
            "HUB {:?} ({} residents, {} areas): {} members ({} right) of {} mentions; links right/all >=0.5 {}, >=0.8 {}, >=0.95 {}",
            hub.label, hub.residents, hub.areas, hub.members.len(), right_members, total, at(0.5), at(0.8), at(0.95)
        );
    }
}

/// How the accepted merges split each broker and roster figure (FRAGMENTS=1):
/// the sizes of the five largest groups of their mentions, and one typed
/// name from each.
pub fn fragments(community: &Community, truth: &GroundTruth, plan: &[Candidate]) {
    let group = groups_of(plan);
    let mut of_person: BTreeMap<u32, HashMap<Option<usize>, Vec<String>>> = BTreeMap::new();
    for r in &community.responses {
        for a in &r.alters {
            let at = AlterRef {
                response: r.id.clone(),
                alter: a.id,
            };
            let Some(p) = truth.person(&at) else { continue };
            if !matches!(truth.kind_of[p as usize], "broker" | "figure") {
                continue;
            }
            let g = group.get(&at).copied();
            of_person
                .entry(p)
                .or_default()
                .entry(g)
                .or_default()
                .push(a.name.clone());
        }
    }
    for (p, groups) in of_person {
        let mut sizes: Vec<(usize, String)> = groups
            .iter()
            .filter(|(g, _)| g.is_some())
            .map(|(_, names)| (names.len(), names[0].clone()))
            .collect();
        sizes.sort_by_key(|s| std::cmp::Reverse(s.0));
        let alone = groups.get(&None).map_or(0, Vec::len);
        if let Some(names) = groups.get(&None) {
            let some: Vec<&String> = names.iter().take(15).collect();
            println!("ALONE {:?}: {some:?}", truth.names[p as usize]);
        }
        sizes.truncate(5);
        println!(
            "FRAGMENTS {:?} {}: alone {alone}, groups {sizes:?}",
            truth.names[p as usize], truth.kind_of[p as usize]
        );
    }
}

/// Why the two largest groups of each broker stay apart (FRAGMENTS=1).
pub fn why_apart(community: &Community, truth: &GroundTruth, plan: &[Candidate]) {
    use weave::core::matching::cluster::{first_compatible, last_compatible};
    let index = Index::of_community(community);
    let group = groups_of(plan);
    let mut of_person: BTreeMap<u32, HashMap<usize, Vec<&Mention>>> = BTreeMap::new();
    for m in &index.mentions {
        let Some(p) = truth.person(&m.at) else {
            continue;
        };
        if truth.kind_of[p as usize] != "broker" {
            continue;
        }
        if let Some(&g) = group.get(&m.at) {
            of_person
                .entry(p)
                .or_default()
                .entry(g)
                .or_default()
                .push(m);
        }
    }
    for (p, groups) in of_person {
        let mut gs: Vec<&Vec<&Mention>> = groups.values().collect();
        gs.sort_by_key(|g| std::cmp::Reverse(g.len()));
        let (Some(a), Some(b)) = (gs.first(), gs.get(1)) else {
            continue;
        };
        let shared = a
            .iter()
            .filter(|m| b.iter().any(|n| n.context == m.context))
            .count();
        let mut bad = Vec::new();
        for x in a.iter() {
            for y in b.iter() {
                if let (Some(f), Some(g)) = (&x.name.first, &y.name.first) {
                    let rows = x.first_groups.iter().any(|r| y.first_groups.contains(r));
                    if !first_compatible(f, g) && !rows {
                        bad.push(format!("{f}/{g}"));
                    }
                }
                if let (Some(f), Some(g)) = (&x.name.last, &y.name.last) {
                    if !last_compatible(f, g) {
                        bad.push(format!("{f}/{g}"));
                    }
                }
            }
        }
        bad.sort();
        bad.dedup();
        bad.truncate(8);
        println!(
            "APART {:?}: {} + {}, residents naming both {shared}, names {bad:?}",
            truth.names[p as usize],
            a.len(),
            b.len()
        );
    }
}

/// Groups the accepted merges made of more than one person (IMPURE=1):
/// by the kinds of people mixed, with a few examples of typed names.
pub fn impure(community: &Community, truth: &GroundTruth, plan: &[Candidate]) {
    let group = groups_of(plan);
    let mut groups: HashMap<usize, Vec<(u32, String, String)>> = HashMap::new();
    for r in &community.responses {
        for a in &r.alters {
            let at = AlterRef {
                response: r.id.clone(),
                alter: a.id,
            };
            let (Some(&g), Some(p)) = (group.get(&at), truth.person(&at)) else {
                continue;
            };
            let rel = a.relationship.map_or("-".to_string(), |x| format!("{x:?}"));
            groups.entry(g).or_default().push((p, a.name.clone(), rel));
        }
    }
    let mut kinds: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut shown = 0;
    for members in groups.values() {
        let mut people: Vec<u32> = members.iter().map(|m| m.0).collect();
        people.sort_unstable();
        people.dedup();
        if people.len() < 2 {
            continue;
        }
        let mut ks: Vec<&str> = people.iter().map(|&p| truth.kind_of[p as usize]).collect();
        ks.sort_unstable();
        let e = kinds.entry(ks.join("+")).or_default();
        e.0 += 1;
        e.1 += members.len();
        if shown < 25 && members.len() < 12 {
            shown += 1;
            let names: Vec<String> = members
                .iter()
                .map(|(p, n, r)| format!("{n}[{}{p} {r}]", &truth.kind_of[*p as usize][..1]))
                .collect();
            println!("IMPURE {}", names.join(", "));
        }
    }
    println!("IMPURE by kinds (groups, mentions): {kinds:?}");
}

/// Recall against every true pair and against the pairs the data can decide:
/// those of circle members with a namesake in their own circle (two Davids
/// whose residents all know both) left out. Pairwise over pairs of mentions
/// by different residents; B-cubed over mentions.
fn decidable(
    index: &Index,
    truth: &GroundTruth,
    group: &HashMap<AlterRef, usize>,
    circles: &HashMap<usize, Vec<u32>>,
) {
    let mut by_person: BTreeMap<u32, Vec<&Mention>> = BTreeMap::new();
    for m in &index.mentions {
        if let Some(p) = truth.person(&m.at) {
            by_person.entry(p).or_default().push(m);
        }
    }
    // [all, decidable]: true pairs, pairs together, mentions, Σ B-cubed recall.
    let mut pairs = [0u64; 2];
    let mut together = [0u64; 2];
    let mut mentions = [0u64; 2];
    let mut recall = [0f64; 2];
    for (&person, ms) in &by_person {
        let undecidable = truth
            .circle_of
            .get(person as usize)
            .copied()
            .flatten()
            .is_some_and(|c| homonym_in_circle(truth, person, &circles[&c]));
        let counted: &[usize] = if undecidable { &[0] } else { &[0, 1] };
        for x in 0..ms.len() {
            let g = group.get(&ms[x].at);
            let with = ms
                .iter()
                .filter(|n| n.at == ms[x].at || (g.is_some() && group.get(&n.at) == g))
                .count();
            for &k in counted {
                mentions[k] += 1;
                recall[k] += with as f64 / ms.len() as f64;
            }
            for y in x + 1..ms.len() {
                if ms[x].context == ms[y].context {
                    continue;
                }
                let same = g.is_some() && group.get(&ms[y].at) == g;
                for &k in counted {
                    pairs[k] += 1;
                    together[k] += u64::from(same);
                }
            }
        }
    }
    let r = |k: usize| {
        (
            together[k] as f64 / pairs[k].max(1) as f64,
            recall[k] / mentions[k].max(1) as f64,
        )
    };
    let ((pa, ba), (pd, bd)) = (r(0), r(1));
    println!(
        "recall, all true pairs: pairwise {pa:.3}, B-cubed {ba:.3}; decidable only (without the {} pairs and {} mentions of circle members with a namesake in their own circle): pairwise {pd:.3}, B-cubed {bd:.3}",
        pairs[0] - pairs[1],
        mentions[0] - mentions[1]
    );
}

/// For each broker mention left alone: does its resident already have a
/// mention in the broker's main group, and is that one the broker too?
pub fn alone_why(community: &Community, truth: &GroundTruth, plan: &[Candidate]) {
    let index = Index::of_community(community);
    let group = groups_of(plan);
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    let options = MatchOptions::default();
    let scored = scored_pairs(&index, &options, &[]);
    let hubs = scored.hubs.clone();
    let mut shown = 0;
    let plan_scores: HashMap<(u32, u32), f64> = scored
        .pairs
        .into_iter()
        .map(|(i, j, s)| ((i, j), s))
        .collect();
    let mut main_of: HashMap<u32, usize> = HashMap::new();
    let mut counts: HashMap<(u32, usize), usize> = HashMap::new();
    for m in &index.mentions {
        if let (Some(p), Some(&g)) = (truth.person(&m.at), group.get(&m.at)) {
            *counts.entry((p, g)).or_default() += 1;
        }
    }
    for (&(p, g), &n) in &counts {
        let e = main_of.entry(p).or_insert(g);
        if counts[&(p, *e)] < n {
            *e = g;
        }
    }
    for m in &index.mentions {
        let Some(p) = truth.person(&m.at) else {
            continue;
        };
        if truth.kind_of[p as usize] != "broker" || group.contains_key(&m.at) {
            continue;
        }
        let main = main_of.get(&p).copied();
        let same_resident: Vec<&Mention> = index
            .mentions
            .iter()
            .filter(|n| {
                n.context == m.context
                    && n.id != m.id
                    && main.is_some()
                    && group.get(&n.at).copied() == main
            })
            .collect();
        let best = plan_scores
            .iter()
            .filter(|((a, b), _)| {
                let other = if *a == m.id {
                    *b
                } else if *b == m.id {
                    *a
                } else {
                    return false;
                };
                main.is_some() && group.get(&index.mentions[other as usize].at).copied() == main
            })
            .map(|(_, s)| *s)
            .fold(0.0f64, f64::max);
        let why = match same_resident.first() {
            None if best >= 0.8 => "scored >= 0.8 with the main group, refused",
            None if best > 0.0 => "scored 0.5..0.8 with the main group",
            None => "no suggestion with the main group",
            Some(n) if truth.person(&n.at) == Some(p) => "resident named the broker twice",
            Some(_) => "resident's other person wrongly in the main group",
        };
        *tally.entry(why).or_default() += 1;
        let link = hubs
            .links
            .iter()
            .find(|l| l.mention == m.id)
            .map(|l| (l.hub, l.probability));
        if shown < 20 {
            shown += 1;
            println!("ALONE {:?}: best pair {best:.2}, link {link:?}", m.typed);
        }
    }
    println!("ALONE WHY {tally:?}");
}
