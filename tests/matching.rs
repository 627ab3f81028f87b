//! Matching named people across residents' maps: the review API end to end,
//! three different Davids kept apart by context, and the benchmark community.

use weave::core::demo::{demo_community, demo_with_truth};
use weave::core::matching::{
    bulk_accept, decide, plan_bulk_accept, split, suggest, Candidate, Evidence, MatchOptions,
    DEFAULT_THRESHOLD,
};
use weave::core::model::{
    AlterId, AlterRef, AttributeQuestion, Community, Event, EventId, QuestionId, Response,
    ResponseId, Timestamp, Verdict,
};

mod common;

/// A finished response (see [`common::resident`]); when does not matter here.
fn resident(id: &str, area: &str, places: &[&str], names: &[&str]) -> Response {
    common::resident(id, 1, area, places, names)
}

fn event() -> Event {
    let mut e = Event::new(EventId::new("e"), "Test", "2026-06-13");
    e.attributes.push(AttributeQuestion {
        id: QuestionId::new("area"),
        label: "Area".into(),
        choices: vec!["North".into(), "South".into(), "East".into()],
    });
    e
}

fn at(response: &str, alter: u32) -> AlterRef {
    AlterRef {
        response: ResponseId::new(response),
        alter: AlterId(alter),
    }
}

/// Three different Davids, each named by two residents of one area who share
/// that area's places and friends. Context must keep the three apart.
fn three_davids() -> Community {
    let mut c = Community::new(event());
    let areas = [
        ("North", ["legion", "library"], ["Zainab", "Wojtek"]),
        ("South", ["church", "school"], ["Priya", "Gosia"]),
        ("East", ["football", "gp"], ["Chidi", "Irene"]),
    ];
    for (k, (area, places, friends)) in areas.iter().enumerate() {
        let davids = [["Dave", "David"], ["David", "Davey"], ["Dave", "Dave"]][k];
        for (n, david) in davids.iter().enumerate() {
            let id = format!("{area}-{n}");
            c.responses.push(resident(
                &id,
                area,
                places,
                &[david, friends[0], friends[1]],
            ));
        }
    }
    // The rest of the neighbourhood: other people, other places, no Davids,
    // so that the friends' names are as uncommon as they are in a real event.
    let others = [
        "Sue", "Bob", "Liz", "Pat", "Gary", "Jean", "Alan", "Karen", "Lee", "Amy",
    ];
    for n in 0..40 {
        let area = ["North", "South", "East"][n % 3];
        let names = [
            others[n % 10],
            others[(n * 3 + 1) % 10],
            others[(n * 7 + 2) % 10],
        ];
        c.responses.push(resident(
            &format!("x{n}-r"),
            area,
            &["park", "shop"],
            &names,
        ));
    }
    c
}

fn same_area(c: &Candidate) -> bool {
    c.a.response.as_str().split('-').next() == c.b.response.as_str().split('-').next()
}

#[test]
fn three_davids_in_three_areas_stay_three_people() {
    let mut c = three_davids();
    let suggestions = suggest(&c, &MatchOptions::default());
    let is_david = |r: &AlterRef| r.alter == AlterId(0) && !r.response.as_str().starts_with('x');
    let davids: Vec<&Candidate> = suggestions
        .iter()
        .filter(|s| is_david(&s.a) && is_david(&s.b))
        .collect();
    assert_eq!(davids.iter().filter(|s| same_area(s)).count(), 3);
    for s in &davids {
        if same_area(s) {
            assert!(s.score >= DEFAULT_THRESHOLD, "{} {}", s.score, s.summary());
        } else {
            assert!(s.score < DEFAULT_THRESHOLD, "{} {}", s.score, s.summary());
        }
    }
    bulk_accept(&mut c, &suggestions, DEFAULT_THRESHOLD, Timestamp(10));
    let groups = c.merged_groups();
    let david_groups: Vec<_> = groups.iter().filter(|g| g.iter().all(is_david)).collect();
    assert_eq!(david_groups.len(), 3);
    for g in david_groups {
        assert_eq!(g.len(), 2);
        let area = |m: &AlterRef| m.response.as_str().split('-').next().map(str::to_string);
        assert_eq!(area(&g[0]), area(&g[1]));
    }
}

#[test]
fn evidence_is_structured_and_readable() {
    let c = three_davids();
    let s = suggest(&c, &MatchOptions::default());
    let north = s
        .iter()
        .find(|s| {
            s.a.alter == AlterId(0) && s.a.response.as_str().starts_with("North") && same_area(s)
        })
        .unwrap();
    assert!(
        north.evidence.contains(&Evidence::Nickname {
            a: "Dave".into(),
            b: "David".into()
        }) || north.evidence.contains(&Evidence::Nickname {
            a: "David".into(),
            b: "Dave".into()
        })
    );
    assert!(north.evidence.contains(&Evidence::SameArea {
        area: "North".into()
    }));
    let summary = north.summary();
    assert!(
        summary.contains("both named by residents of North"),
        "{summary}"
    );
    assert!(
        summary.contains("Dave ~ David") || summary.contains("David ~ Dave"),
        "{summary}"
    );
}

#[test]
fn decided_pairs_are_not_suggested_again_and_unsure_ones_are() {
    let mut c = three_davids();
    let first = suggest(&c, &MatchOptions::default());
    let top = first[0].clone();
    decide(
        &mut c,
        &top.a,
        &top.b,
        Verdict::Different,
        &top.evidence,
        Timestamp(5),
    );
    assert_eq!(c.verdict(&top.a, &top.b), Some(Verdict::Different));
    assert_eq!(
        c.merges[0].evidence,
        top.evidence
            .iter()
            .map(Evidence::describe)
            .collect::<Vec<_>>()
    );
    let again = suggest(&c, &MatchOptions::default());
    assert!(!again.iter().any(|s| s.a == top.a && s.b == top.b));
    decide(&mut c, &top.a, &top.b, Verdict::Unsure, &[], Timestamp(6));
    let unsure = suggest(&c, &MatchOptions::default());
    assert!(unsure.iter().any(|s| s.a == top.a && s.b == top.b));
    // Residents' maps are untouched by any of this.
    assert_eq!(c.responses, three_davids().responses);
}

#[test]
fn bulk_accept_respects_the_threshold_and_existing_decisions() {
    let mut c = three_davids();
    let s = suggest(&c, &MatchOptions::default());
    let accepted = bulk_accept(&mut c, &s, 1.01, Timestamp(7));
    assert_eq!(accepted, 0);
    let n = bulk_accept(&mut c, &s, DEFAULT_THRESHOLD, Timestamp(8));
    assert!(n > 0);
    assert!(c
        .merges
        .iter()
        .all(|d| d.verdict == Verdict::Same && d.score.is_some()));
    assert_eq!(
        bulk_accept(&mut c, &s, DEFAULT_THRESHOLD, Timestamp(9)),
        0,
        "idempotent"
    );
    assert!(suggest(&c, &MatchOptions::default())
        .iter()
        .all(|x| x.score < DEFAULT_THRESHOLD || !same_area(x)));
}

#[test]
fn split_takes_one_person_out_and_keeps_the_rest_together() {
    let mut c = three_davids();
    let (a, b, d) = (at("North-0", 1), at("North-1", 1), at("South-0", 1));
    // A wrong merge: Zainab (North) glued to Priya (South) through a chain a-d-b.
    decide(&mut c, &a, &d, Verdict::Same, &[], Timestamp(1));
    decide(&mut c, &d, &b, Verdict::Same, &[], Timestamp(2));
    assert_eq!(c.merged_groups().len(), 1);
    let log_before = c.merges.clone();
    let recorded = split(&mut c, &d, Timestamp(3));
    assert_eq!(
        recorded, 3,
        "two Different, one Same to keep a and b together"
    );
    assert_eq!(
        &c.merges[..2],
        &log_before[..],
        "the log is only appended to"
    );
    assert_eq!(c.verdict(&a, &d), Some(Verdict::Different));
    assert_eq!(c.verdict(&b, &d), Some(Verdict::Different));
    let groups = c.merged_groups();
    assert_eq!(groups.len(), 1);
    assert!(groups[0].contains(&a) && groups[0].contains(&b) && !groups[0].contains(&d));
    assert_eq!(split(&mut c, &d, Timestamp(4)), 0, "no longer merged");
}

#[test]
fn kinship_words_and_different_surnames_never_match() {
    let mut c = Community::new(event());
    c.responses.push(resident(
        "a",
        "North",
        &["legion"],
        &["Mam", "Dave Smith", "Wojtek"],
    ));
    c.responses.push(resident(
        "b",
        "North",
        &["legion"],
        &["Mam", "Dave Jones", "Wojtek"],
    ));
    let s = suggest(
        &c,
        &MatchOptions {
            min_score: 0.0,
            ..MatchOptions::default()
        },
    );
    assert!(
        !s.iter()
            .any(|x| x.a.alter == AlterId(0) || x.b.alter == AlterId(0)),
        "Mam is not a name"
    );
    assert!(
        !s.iter()
            .any(|x| x.a.alter == AlterId(1) && x.b.alter == AlterId(1)),
        "Smith is not Jones"
    );
    assert!(s
        .iter()
        .any(|x| x.a.alter == AlterId(2) && x.b.alter == AlterId(2)));
}

#[test]
fn the_roster_joins_the_vicar_under_any_name() {
    let mut c = Community::new(event());
    c.event.roster.push(weave::core::model::PublicFigure {
        name: "Rev. Mark Atkinson".into(),
        role: "Vicar of St Paul's".into(),
    });
    c.responses
        .push(resident("a", "North", &[], &["the vicar"]));
    c.responses
        .push(resident("b", "South", &[], &["Rev. Mark Atkinson"]));
    c.responses
        .push(resident("c", "East", &[], &["Mark the vicar"]));
    let s = suggest(&c, &MatchOptions::default());
    assert!(s.iter().filter(|x| x.score >= DEFAULT_THRESHOLD).count() >= 2);
    assert!(s
        .iter()
        .all(|x| matches!(x.evidence[0], Evidence::SamePublicFigure { .. })));
}

#[test]
fn suggestions_are_sorted_and_deterministic_on_the_demo() {
    let c = demo_community(4);
    let a = suggest(&c, &MatchOptions::default());
    let b = suggest(&c, &MatchOptions::default());
    assert_eq!(a, b);
    assert!(!a.is_empty());
    assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(a
        .iter()
        .all(|s| s.a.response != s.b.response && !s.evidence.is_empty()));
}

/// The synthetic benchmark at a size the test suite can afford: accepting
/// all likely suggestions must be mostly right (the full 3,000-resident
/// figures come from `bench-matching`).
#[test]
fn accepting_likely_matches_on_a_synthetic_community_is_mostly_right() {
    let (c, truth) = demo_with_truth(21, 600);
    let s = suggest(&c, &MatchOptions::default());
    let plan = plan_bulk_accept(&c, &s, DEFAULT_THRESHOLD);
    let right = plan
        .iter()
        .filter(|p| truth.person(&p.a).is_some() && truth.person(&p.a) == truth.person(&p.b))
        .count();
    let precision = right as f64 / plan.len().max(1) as f64;
    assert!(plan.len() > 1000, "{} merges", plan.len());
    // bench-matching measures 0.86 for this seed and size.
    assert!(precision >= 0.8, "precision {precision}");
}

/// Names typed in Urdu script meet their Latin spellings, accents fold away,
/// and a surname in another script neither confirms nor rules out a match.
#[test]
fn names_across_scripts_are_suggested_with_their_evidence() {
    let mut c = Community::new(event());
    let places = ["legion", "library"];
    let names = [
        ["محمد خان", "José", "Małgosia", "Wojtek"],
        ["Mohammed Khan", "Jose", "Malgorzata", "Wojtek"],
    ];
    for (k, n) in names.iter().enumerate() {
        c.responses
            .push(resident(&format!("r{k}"), "North", &places, &n[..]));
    }
    let s = suggest(&c, &MatchOptions::default());
    let pair = |alter: u32| {
        s.iter()
            .find(|x| x.a.alter == AlterId(alter) && x.b.alter == AlterId(alter))
            .unwrap_or_else(|| panic!("no suggestion for alter {alter}: {s:?}"))
    };
    let mo = pair(0);
    assert!(
        mo.evidence.iter().any(|e| matches!(e,
            Evidence::Nickname { a, b } if (a == "محمد" && b == "Mohammed") || (b == "محمد" && a == "Mohammed"))),
        "{}",
        mo.summary()
    );
    assert!(pair(1).evidence.contains(&Evidence::SameName {
        name: "Jose".into()
    }));
    assert!(pair(2)
        .evidence
        .iter()
        .any(|e| matches!(e, Evidence::Nickname { .. })));
}

/// A slip of the finger ("Tnoy") does not keep one person in two groups:
/// grouping reads it as Tony, so it joins Anthony Dixon's group; a
/// different name of that shape ("Andy") still does not.
#[test]
fn a_typo_joins_the_group_of_the_name_it_is_a_slip_of() {
    use weave::core::matching::cluster::Grouper;
    use weave::core::matching::index::Index;
    let mut c = Community::new(event());
    for (id, name) in [
        ("a", "Anthony Dixon"),
        ("b", "Tony"),
        ("c", "Tnoy"),
        ("d", "Andy"),
    ] {
        c.responses
            .push(resident(id, "North", &["legion"], &[name]));
    }
    let index = Index::of_community(&c);
    let mention = |name: &str| {
        index
            .mentions
            .iter()
            .position(|m| m.typed == name)
            .expect("named")
    };
    let mut g = Grouper::new(&index);
    assert!(g.merge_at(mention("Anthony Dixon"), mention("Tony"), false));
    assert!(g.merge_at(mention("Tony"), mention("Tnoy"), false));
    assert!(!g.merge_at(mention("Tony"), mention("Andy"), false));
}
