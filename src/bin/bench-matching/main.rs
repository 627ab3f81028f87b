//! Precision, recall and timing of the automatic match suggestions on a
//! synthetic community with ground truth (`demo_with_truth`): real people
//! named by several residents with nicknames, typos, initials and shared
//! common names. The scorer never sees the truth; only this report does.
//!
//! Usage: `bench-matching [residents] [seed] [threshold]` (defaults 3000, 2, 0.8).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod diagnose;

#[cfg(not(target_arch = "wasm32"))]
mod erased {
    /// The length of a value's JSON text.
    pub trait Json {
        fn len(&self) -> usize;
    }
    impl<T: serde::Serialize> Json for T {
        fn len(&self) -> usize {
            serde_json::to_string(self).map_or(0, |s| s.len())
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use super::diagnose;
    use super::erased;
    use std::collections::{BTreeMap, HashMap};
    use std::time::Instant;
    use weave::core::demo::{demo_with_truth, GroundTruth};
    use weave::core::matching::{
        plan_bulk_accept, suggest, Candidate, MatchOptions, DEFAULT_THRESHOLD,
    };
    use weave::core::model::AlterRef;

    pub fn run() {
        let args: Vec<String> = std::env::args().collect();
        let residents = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3000);
        let seed = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(2);
        let threshold = args
            .get(3)
            .and_then(|a| a.parse().ok())
            .unwrap_or(DEFAULT_THRESHOLD);
        let (community, truth) = demo_with_truth(seed, residents);
        let mentions: usize = community.responses.iter().map(|r| r.alters.len()).sum();
        let options = MatchOptions::default();
        phases(&community, &options);
        let started = Instant::now();
        let suggestions = suggest(&community, &options);
        let elapsed = started.elapsed();
        let accepted: Vec<&Candidate> = suggestions
            .iter()
            .filter(|c| c.score >= threshold)
            .collect();
        println!(
            "residents {residents}, seed {seed}, named people {mentions}, threshold {threshold}"
        );
        println!(
            "candidate generation + scoring: {:.3} s, {} suggestions >= {}",
            elapsed.as_secs_f64(),
            suggestions.len(),
            options.min_score
        );
        pairwise(&accepted, &truth);
        let started = Instant::now();
        let plan = plan_bulk_accept(&community, &suggestions, threshold);
        println!(
            "accept all likely: {} merges planned in {:.3} s",
            plan.len(),
            started.elapsed().as_secs_f64()
        );
        let planned: Vec<&Candidate> = plan.iter().collect();
        closure(&planned, &truth);
        for t in [0.7, 0.9, 0.95, 0.98] {
            let plan_t = plan_bulk_accept(&community, &suggestions, t);
            print!("threshold {t}: ");
            closure(&plan_t.iter().collect::<Vec<_>>(), &truth);
        }
        if std::env::var_os("EXPLAIN").is_some() {
            explain(&plan, &truth);
            diagnose::outside_main(&community, &truth, &plan);
        }
        if std::env::var_os("FRAGMENTS").is_some() {
            diagnose::fragments(&community, &truth, &plan);
            diagnose::why_apart(&community, &truth, &plan);
            diagnose::alone_why(&community, &truth, &plan);
        }
        if std::env::var_os("IMPURE").is_some() {
            diagnose::impure(&community, &truth, &plan);
        }
        if std::env::var_os("HUBS").is_some() {
            diagnose::hubs(&community, &truth, &options);
        }
        if std::env::var_os("ANALYSE").is_some() {
            diagnose::analyse(&community, &truth);
        }
        diagnose::run(&community, &truth, &plan, &options, threshold);
        if let Some(path) = std::env::var_os("DUMP") {
            diagnose::dump(&community, &truth, &options, &path.to_string_lossy());
        }
    }

    /// Time per phase: the input, index, blocking, both scoring passes, the
    /// suggestions; and what the web worker moves each way (its codec is JSON).
    fn phases(community: &weave::core::model::Community, options: &MatchOptions) {
        use weave::core::matching::{
            candidates::candidate_pairs, index::Index, passes::scored_pairs, MatchingInput,
            Suggestions,
        };
        let t = Instant::now();
        let input = MatchingInput::of(community);
        let t_input = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let index = Index::build(&input);
        let t_index = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let pairs = candidate_pairs(&index, &options.limits);
        let t_pairs = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let scored = scored_pairs(&index, options, &input.merged);
        let t_passes = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let n = scored.pairs.len();
        let hubs = (scored.hubs.hubs.len(), scored.hubs.links.len());
        let list = Suggestions::build(&input, &index, scored);
        let t_evidence = t.elapsed().as_secs_f64();
        let json = |v: &dyn erased::Json| v.len() as f64 / 1e6;
        println!(
            "phases: input {t_input:.3} s, index {t_index:.3} s, blocking {t_pairs:.3} s ({} pairs), blocking + two scoring passes + hubs {t_passes:.3} s ({n} kept; {} hubs, {} mentions linked to one), suggestions with evidence and plan {t_evidence:.3} s ({} suggestions)",
            pairs.len(),
            hubs.0,
            hubs.1,
            list.len(),
        );
        println!(
            "worker messages as JSON: input {:.1} MB (the whole event would be {:.1} MB), suggestions {:.1} MB (as full candidates {:.1} MB)",
            json(&input),
            json(community),
            json(&list),
            json(&weave::core::matching::suggest(community, options)),
        );
    }

    /// B-cubed precision and recall (each named person weighs the same), and
    /// recall per kind of real person, so brokers named 300 times do not
    /// drown everyone else.
    fn by_kind(groups: &HashMap<usize, Vec<&AlterRef>>, truth: &GroundTruth) {
        let mut cluster_of: HashMap<&AlterRef, usize> = HashMap::new();
        for (g, members) in groups {
            for m in members {
                cluster_of.insert(m, *g);
            }
        }
        let mut size_of_person: HashMap<u32, usize> = HashMap::new();
        for p in truth.person_of.values() {
            *size_of_person.entry(*p).or_default() += 1;
        }
        let (mut precision, mut recall, mut n) = (0.0, 0.0, 0.0);
        let mut per_kind: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
        for (alter, person) in &truth.person_of {
            let same_person = size_of_person[person] as f64;
            let (p, r) = match cluster_of.get(alter).map(|g| &groups[g]) {
                Some(members) => {
                    let right = members
                        .iter()
                        .filter(|m| truth.person(m) == Some(*person))
                        .count() as f64;
                    (right / members.len() as f64, right / same_person)
                }
                None => (1.0, 1.0 / same_person),
            };
            precision += p;
            recall += r;
            n += 1.0;
            let kind = truth.kind_of.get(*person as usize).copied().unwrap_or("?");
            let e = per_kind.entry(kind).or_default();
            e.0 += p;
            if same_person > 1.0 {
                e.1 += r;
                e.2 += 1.0;
            }
        }
        let mentions: HashMap<&str, usize> = truth
            .person_of
            .values()
            .map(|p| truth.kind_of.get(*p as usize).copied().unwrap_or("?"))
            .fold(HashMap::new(), |mut m, k| {
                *m.entry(k).or_default() += 1;
                m
            });
        let kinds: Vec<String> = per_kind
            .iter()
            .map(|(k, (p, r, c))| {
                let recall = if *c > 0.0 {
                    format!("{:.3}", r / c)
                } else {
                    "-".into()
                };
                format!(
                    "{k} {:.3}/{recall}",
                    p / mentions.get(k).copied().unwrap_or(1).max(1) as f64
                )
            })
            .collect();
        println!(
            "  B-cubed precision {:.3}, recall {:.3}; by kind of person, precision/recall (recall of people named more than once): {}",
            precision / n,
            recall / n,
            kinds.join(", ")
        );
    }

    /// Prints a sample of wrong merges, for tuning by eye.
    fn explain(plan: &[Candidate], truth: &GroundTruth) {
        for c in plan
            .iter()
            .filter(|c| !is_true(truth, &c.a, &c.b))
            .step_by(97)
            .take(25)
        {
            println!(
                "WRONG {:.2} {:?} / {:?}: {}",
                c.score,
                c.a_name,
                c.b_name,
                c.summary()
            );
        }
    }

    /// Pairs of mentions of one real person in two different responses.
    fn true_pairs(truth: &GroundTruth) -> u64 {
        let mut per_person: HashMap<u32, BTreeMap<&str, u64>> = HashMap::new();
        for (alter, person) in &truth.person_of {
            *per_person
                .entry(*person)
                .or_default()
                .entry(alter.response.as_str())
                .or_default() += 1;
        }
        per_person
            .values()
            .map(|by_response| {
                let n: u64 = by_response.values().sum();
                let same: u64 = by_response
                    .values()
                    .map(|k| k * k.saturating_sub(1) / 2)
                    .sum();
                n * n.saturating_sub(1) / 2 - same
            })
            .sum()
    }

    fn is_true(truth: &GroundTruth, a: &AlterRef, b: &AlterRef) -> bool {
        truth.person(a).is_some() && truth.person(a) == truth.person(b)
    }

    fn pairwise(accepted: &[&Candidate], truth: &GroundTruth) {
        let tp = accepted
            .iter()
            .filter(|c| is_true(truth, &c.a, &c.b))
            .count() as f64;
        let all = true_pairs(truth) as f64;
        println!(
            "suggested pairs: precision {:.3}, recall {:.3} ({} of {} true pairs; {} wrong)",
            tp / (accepted.len().max(1) as f64),
            tp / all.max(1.0),
            tp,
            all,
            accepted.len() as f64 - tp
        );
    }

    /// What the facilitator gets after "accept all likely": merged groups
    /// (transitive closure), scored pairwise against the truth.
    fn closure<'a>(accepted: &[&'a Candidate], truth: &GroundTruth) {
        let mut ids: HashMap<&'a AlterRef, usize> = HashMap::new();
        let mut parent: Vec<usize> = Vec::new();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for c in accepted {
            let mut id = |r: &'a AlterRef| {
                let next = ids.len();
                *ids.entry(r).or_insert_with(|| {
                    parent.push(next);
                    next
                })
            };
            let (a, b) = (id(&c.a), id(&c.b));
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
        let mut groups: HashMap<usize, Vec<&AlterRef>> = HashMap::new();
        let members: Vec<(&AlterRef, usize)> = ids.iter().map(|(r, i)| (*r, *i)).collect();
        for (r, i) in members {
            let root = find(&mut parent, i);
            groups.entry(root).or_default().push(r);
        }
        let (mut tp, mut fp) = (0u64, 0u64);
        for g in groups.values() {
            for x in 0..g.len() {
                for y in x + 1..g.len() {
                    if g[x].response == g[y].response {
                        continue;
                    }
                    if is_true(truth, g[x], g[y]) {
                        tp += 1;
                    } else {
                        fp += 1;
                    }
                }
            }
        }
        by_kind(&groups, truth);
        let all = true_pairs(truth) as f64;
        println!(
            "merged groups ({}): pairwise precision {:.3}, recall {:.3}",
            groups.len(),
            tp as f64 / ((tp + fp).max(1) as f64),
            tp as f64 / all.max(1.0)
        );
    }
}
