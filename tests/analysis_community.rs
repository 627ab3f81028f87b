//! Building networks from a community and the findings drawn from them:
//! merges collapse named people, place decisions resolve added places, tie
//! weights follow rings and prompts, and findings respect the minimum group.

use std::collections::BTreeMap;
use weave::core::analysis::build::{people_network, people_places_network, KNOWS, TYPE_ATTR};
use weave::core::analysis::two_mode::Mode;
use weave::core::analysis::{analyze, findings, projection, AnalysisOptions, FindingKind};
use weave::core::demo::demo_community;
use weave::core::model::{
    Alter, AlterId, AlterRef, AlterTie, AttributeQuestion, Community, Event, EventId,
    MergeDecision, NewPlace, NewPlaceId, Place, PlaceCategory, PlaceDecision, PlaceId, PlaceRef,
    PlaceResolution, PlaceVisit, PromptId, QuestionId, Relationship, Response, ResponseId,
    ResponseStatus, Timestamp, Verdict, WellbeingScale,
};
use weave::core::network::{AttrValue, Network};

fn alter(id: u32, name: &str, ring: u8, prompts: &[&str]) -> Alter {
    Alter {
        id: AlterId(id),
        name: name.into(),
        prompts: prompts.iter().map(|p| PromptId::new(*p)).collect(),
        ring,
        x: 0.0,
        y: 0.0,
        relationship: Some(Relationship::Friend),
        frequency: None,
        can_change: None,
        public_figure: false,
        added_at: Timestamp(0),
    }
}

fn response(id: &str, alters: Vec<Alter>, job: &str) -> Response {
    let mut r = Response::new(ResponseId::new(id), EventId::new("e"), "en", Timestamp(0));
    r.status = ResponseStatus::Finished;
    r.alters = alters;
    r.answers = BTreeMap::from([(QuestionId::new("job"), job.to_string())]);
    r
}

fn event() -> Event {
    let mut e = Event::new(EventId::new("e"), "Fair", "2026-06-13");
    e.places = vec![
        Place {
            id: PlaceId::new("hall"),
            name: "Hall".into(),
            category: PlaceCategory::Venue,
            description: String::new(),
            pin: None,
        },
        Place {
            id: PlaceId::new("gym"),
            name: "Gym".into(),
            category: PlaceCategory::Venue,
            description: String::new(),
            pin: None,
        },
    ];
    e.attributes = vec![AttributeQuestion {
        id: QuestionId::new("job"),
        label: "Work".into(),
        choices: vec!["employed".into(), "retired".into()],
    }];
    e
}

fn aref(r: &str, a: u32) -> AlterRef {
    AlterRef {
        response: ResponseId::new(r),
        alter: AlterId(a),
    }
}

fn small() -> Community {
    let mut c = Community::new(event());
    let mut r1 = response(
        "r1",
        vec![
            alter(0, "Dave", 1, &["help", "trust"]),
            alter(1, "Ann", 3, &["info"]),
        ],
        "employed",
    );
    r1.ties = vec![AlterTie::new(AlterId(0), AlterId(1))];
    r1.new_places = vec![NewPlace {
        id: NewPlaceId(0),
        name: "Village hall".into(),
        category: PlaceCategory::Venue,
    }];
    r1.places = vec![
        visit(PlaceRef::New(NewPlaceId(0))),
        visit(PlaceRef::Listed(PlaceId::new("gym"))),
    ];
    let mut r2 = response("r2", vec![alter(4, "David", 2, &["change"])], "retired");
    r2.places = vec![visit(PlaceRef::Listed(PlaceId::new("hall")))];
    let mut draft = response("r3", vec![alter(0, "Zed", 1, &["help"])], "retired");
    draft.status = ResponseStatus::Draft;
    c.responses = vec![r1, r2, draft];
    c.merges = vec![MergeDecision {
        a: aref("r2", 4),
        b: aref("r1", 0),
        verdict: Verdict::Same,
        evidence: vec![],
        score: None,
        decided_at: Timestamp(1),
    }];
    c.place_decisions = vec![PlaceDecision {
        response: ResponseId::new("r1"),
        new_place: NewPlaceId(0),
        resolution: PlaceResolution::MergeInto {
            place: PlaceId::new("hall"),
        },
        decided_at: Timestamp(2),
    }];
    c
}

fn visit(place: PlaceRef) -> PlaceVisit {
    PlaceVisit {
        place,
        frequency: None,
        information: false,
        added_at: Timestamp(0),
    }
}

fn ids(net: &Network) -> Vec<&str> {
    net.nodes.iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn people_network_merges_named_people_and_skips_drafts() {
    let net = people_network(&small());
    // Dave (r1:0) and David (r2:4) are one node, named by the smaller ref.
    assert_eq!(ids(&net), vec!["r:r1", "a:r1:0", "a:r1:1", "r:r2"]);
    assert!(net.directed);
    let weights: Vec<f64> = net.edges.iter().map(|e| e.weight).collect();
    // Ring 1 + two prompts; Ann's tie, ring 3 + one prompt; the knows tie; r2's ring 2 + 1.
    assert_eq!(weights, vec![5.0, 2.0, 1.0, 3.0]);
    assert_eq!(
        net.edges[2].attrs.get(TYPE_ATTR),
        Some(&AttrValue::Str(KNOWS.into()))
    );
    assert_eq!(
        net.edges[0].attrs.get("prompts"),
        Some(&AttrValue::Str("help,trust".into()))
    );
    assert_eq!(
        net.nodes[0].attrs.get("job"),
        Some(&AttrValue::Str("employed".into()))
    );
    // Named under the change-maker prompt by r2: flagged on the merged node.
    assert_eq!(
        net.nodes[1].attrs.get("can_change"),
        Some(&AttrValue::Bool(true))
    );
}

#[test]
fn places_resolve_through_decisions() {
    let net = people_places_network(&small());
    assert_eq!(ids(&net), vec!["p:hall", "p:gym", "r:r1", "r:r2"]);
    assert!(net.is_two_mode());
    // r1's "Village hall" was merged into the listed hall.
    assert_eq!(net.edges.len(), 3);
    let people = projection(&small(), Mode::People);
    assert_eq!(people.edges.len(), 1, "r1 and r2 share the hall");
    let places = projection(&small(), Mode::Places);
    assert_eq!(places.edges[0].weight, 1.0, "hall and gym share r1");
}

#[test]
fn small_community_findings() {
    let f = findings(&small());
    let kinds: Vec<FindingKind> = f.iter().map(|x| x.kind).collect();
    assert_eq!(kinds[0], FindingKind::NamedNobody);
    assert_eq!(f[0].value, 0.0);
    // Both residents reach the change-maker directly.
    let near = f
        .iter()
        .find(|x| x.kind == FindingKind::NoChangeMakerNearby)
        .unwrap();
    assert_eq!(near.value, 0.0);
    // Groups of one are never reported.
    assert!(!kinds.contains(&FindingKind::MostIsolatedGroup));
    // Dave joins r1's world to r2's: a broker.
    let brokers = f.iter().find(|x| x.kind == FindingKind::Brokers).unwrap();
    assert_eq!(brokers.about[0], "a:r1:0");
    for x in &f {
        assert!(!x.sentence().is_empty());
        assert!(x.kind.key().starts_with("finding-"));
    }
}

#[test]
fn demo_community_findings_are_sound() {
    let mut c = demo_community(7);
    c.event.wellbeing = WellbeingScale::OnsLifeSatisfaction;
    let f = findings(&c);
    let nobody = f
        .iter()
        .find(|x| x.kind == FindingKind::NamedNobody)
        .unwrap();
    assert!(
        nobody.value > 0.0 && nobody.value < 0.3,
        "{}",
        nobody.sentence()
    );
    assert_eq!(nobody.about.len() as f64, nobody.params["count"]);
    for x in &f {
        assert!(x.value.is_finite());
        if x.kind == FindingKind::MostIsolatedGroup {
            assert!(x.params["size"] >= 5.0);
            assert!(x.value < x.params["overall_mean_ties"]);
        }
        if x.kind == FindingKind::WellbeingByTies {
            assert!(x.params["people"] >= 5.0);
        }
    }
    let json = serde_json::to_string(&f).unwrap();
    assert!(json.contains("\"named_nobody\""));
}

#[test]
fn demo_networks_analyse_cleanly() {
    let c = demo_community(7);
    let people = people_network(&c);
    let r = analyze(&people, &AnalysisOptions::default());
    assert_eq!(r.nodes.len(), people.nodes.len());
    assert!(r.graph.modularity > 0.0);
    let two_mode = people_places_network(&c);
    let r = analyze(&two_mode, &AnalysisOptions::default());
    assert!(r.places.as_ref().is_some_and(|p| !p.is_empty()));
    assert!(r.attributes.iter().all(|a| a.groups.len() >= 2));
}
