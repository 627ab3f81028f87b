//! The demo community: deterministic, valid, and shaped like the programmes'
//! findings (a few isolates, single parents more isolated, brokers across areas).

use std::collections::{BTreeMap, BTreeSet};
use weave::core::demo::{demo_community, demo_community_sized, demo_with_truth, event};
use weave::core::model::{Community, PlaceCategory, QuestionId, Response};

fn answer<'a>(r: &'a Response, q: &str) -> Option<&'a str> {
    r.answers.get(&QuestionId::new(q)).map(String::as_str)
}

#[test]
fn same_seed_gives_identical_json_and_other_seeds_differ() {
    let a = serde_json::to_string(&demo_community(42)).unwrap();
    let b = serde_json::to_string(&demo_community(42)).unwrap();
    let c = serde_json::to_string(&demo_community(43)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn every_response_is_finished_and_keeps_its_invariants() {
    let community = demo_community(1);
    assert_eq!(community.responses.len(), 150);
    let mut ids = BTreeSet::new();
    for r in &community.responses {
        r.check_invariants().unwrap();
        assert!(r.is_finished());
        assert!(ids.insert(r.id.clone()), "response ids are unique");
        let finished = r.finished_at.unwrap();
        assert!(r.consented_at <= finished && r.updated_at == finished);
        for a in &r.alters {
            assert!(a.added_at >= r.consented_at && a.added_at <= finished);
            assert!((1..=3).contains(&a.ring));
            assert!(!a.prompts.is_empty() && !a.name.trim().is_empty());
            let radius = a.x.hypot(a.y);
            assert!(
                (radius - f64::from(a.ring) * 120.0).abs() < 20.0,
                "bubble on its ring"
            );
            assert!(a.relationship.is_some() && a.frequency.is_some());
        }
        for v in &r.places {
            assert!(v.added_at <= finished);
        }
        let code = r.withdrawal_code.as_deref().unwrap();
        assert_eq!(code.len(), 6);
        assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        assert!(r.wellbeing.is_none_or(|w| w <= 10));
    }
    let consent: Vec<_> = community.responses.iter().map(|r| r.consented_at).collect();
    assert!(
        consent.windows(2).all(|w| w[0] < w[1]),
        "spread over the day in order"
    );
}

#[test]
fn the_event_is_set_up_like_murton() {
    let e = demo_community(1).event;
    assert!(e.name.starts_with("Murton Big Local"));
    assert!((20..=30).contains(&e.places.len()));
    for category in PlaceCategory::ALL {
        assert!(e.places.iter().any(|p| p.category == category));
    }
    for p in &e.places {
        let pin = p.pin.unwrap();
        assert!((0.0..=1.0).contains(&pin.x) && (0.0..=1.0).contains(&pin.y));
        assert!(!p.description.is_empty());
    }
    assert_eq!(e.attributes.len(), 4);
    assert_eq!(e.roster.len(), 6);
    assert_eq!(e.languages, vec!["en".to_string()]);
    assert_eq!(e.prompts.len(), 5);
}

fn isolate_share(rs: &[&Response]) -> f64 {
    rs.iter().filter(|r| r.alters.is_empty()).count() as f64 / rs.len().max(1) as f64
}

fn mean_alters(rs: &[&Response]) -> f64 {
    rs.iter().map(|r| r.alters.len()).sum::<usize>() as f64 / rs.len().max(1) as f64
}

#[test]
fn proportions_look_like_a_real_neighbourhood() {
    let community = demo_community_sized(5, 1500);
    let all: Vec<&Response> = community.responses.iter().collect();
    let isolates = isolate_share(&all);
    assert!((0.04..=0.14).contains(&isolates), "isolates {isolates}");
    assert!(all.iter().all(|r| r.alters.len() <= 12));
    let (single, others): (Vec<&Response>, Vec<&Response>) = all
        .iter()
        .partition(|r| answer(r, event::Q_EMPLOYMENT) == Some(event::SINGLE_PARENT));
    assert!(single.len() > 40, "enough single parents to see them");
    assert!(isolate_share(&single) > 2.0 * isolate_share(&others));
    assert!(mean_alters(&single) < 0.6 * mean_alters(&others));
    let areas: BTreeSet<_> = all
        .iter()
        .filter_map(|r| answer(r, event::Q_AREA))
        .collect();
    assert_eq!(areas.len(), event::areas_for(1500).len());
    assert!(
        areas.len() > event::AREAS.len(),
        "a large community spans several sites"
    );
}

#[test]
fn wellbeing_rises_with_the_number_of_people_named() {
    let community = demo_community_sized(9, 1000);
    let pairs: Vec<(f64, f64)> = community
        .responses
        .iter()
        .filter_map(|r| r.wellbeing.map(|w| (r.alters.len() as f64, f64::from(w))))
        .collect();
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let cov: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let vx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let vy: f64 = pairs.iter().map(|p| (p.1 - my).powi(2)).sum();
    let r = cov / (vx * vy).sqrt();
    assert!(r > 0.5, "correlation {r}");
}

/// Brokers are named by residents of several areas; ordinary people by one.
#[test]
fn brokers_bridge_areas() {
    let (community, truth) = demo_with_truth(3, 150);
    let area_of: BTreeMap<_, _> = community
        .responses
        .iter()
        .map(|r| (r.id.clone(), answer(r, event::Q_AREA)))
        .collect();
    let mut areas_naming: BTreeMap<u32, BTreeSet<&str>> = BTreeMap::new();
    for (alter, person) in &truth.person_of {
        if let Some(Some(area)) = area_of.get(&alter.response) {
            areas_naming.entry(*person).or_default().insert(area);
        }
    }
    // People 0..4 are the brokers (Sandra, Tony, Bev, Kev).
    let broker_areas = (0..4)
        .filter(|p| areas_naming.get(p).is_some_and(|a| a.len() >= 3))
        .count();
    assert!(broker_areas >= 3, "brokers named across areas");
    let multi: Vec<_> = areas_naming
        .iter()
        .filter(|(p, a)| **p >= 10 && a.len() >= 2)
        .collect();
    let named = areas_naming.keys().filter(|p| **p >= 10).count();
    assert!(
        (multi.len() as f64) < 0.3 * named as f64,
        "most people belong to one area"
    );
}

#[test]
fn some_people_are_named_under_several_prompts_and_some_places_are_new() {
    let community: Community = demo_community(11);
    let alters: Vec<_> = community.responses.iter().flat_map(|r| &r.alters).collect();
    let multi = alters.iter().filter(|a| a.prompts.len() > 1).count();
    assert!(multi * 5 > alters.len(), "{multi} of {}", alters.len());
    assert!(alters.iter().any(|a| a.public_figure));
    let ties: usize = community.responses.iter().map(|r| r.ties.len()).sum();
    assert!(ties > alters.len() / 2);
    assert!(community.responses.iter().any(|r| !r.new_places.is_empty()));
}
