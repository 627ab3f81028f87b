//! Comparing two events: who is who across them (the same person spelled
//! differently, namesakes told apart by context, a place renamed or listed
//! under a new id, people in only one event), the overlay of both networks,
//! the caption's counts, the "Between two events" timeline, and the demo's
//! earlier event.

use weave::core::compare::summary::Clause;
use weave::core::compare::{Identity, Overlay, Presence, Summary};
use weave::core::demo::demo_community;
use weave::core::demo::earlier::{earlier_demo_community, OLD_LIBRARY_ID};
use weave::core::model::{
    AlterId, AlterRef, AlterTie, AttributeQuestion, Community, Event, EventId, MergeDecision,
    Place, PlaceCategory, PlaceId, QuestionId, ResponseId, Timestamp, Verdict,
};
use weave::core::playback::between::{overlay_scene, Between, BETWEEN_STEPS};
use weave::core::playback::scene::SceneOptions;
use weave::core::playback::style::{styles_with, Appearance};
use weave::core::playback::Lens;

mod common;
use common::resident;

fn event(id: &str, name: &str, places: &[(&str, &str)]) -> Event {
    let mut e = Event::new(EventId::new(id), name, "2026-06-13");
    e.attributes.push(AttributeQuestion {
        id: QuestionId::new("area"),
        label: "Area".into(),
        choices: vec!["North".into(), "South".into()],
    });
    e.places = places
        .iter()
        .map(|(id, name)| Place {
            id: PlaceId::new(*id),
            name: (*name).into(),
            category: PlaceCategory::Venue,
            description: String::new(),
            pin: None,
        })
        .collect();
    e
}

fn alter(response: &str, alter: u32) -> AlterRef {
    AlterRef {
        response: ResponseId::new(response),
        alter: AlterId(alter),
    }
}

/// Last year: Dave Smith's circle in the north, John Taylor's in the south,
/// and Margaret Hill, whom nobody names this year.
fn last_year() -> Community {
    let mut c = Community::new(event(
        "fair-2025",
        "Fair 2025",
        &[
            ("legion", "The Legion"),
            (OLD_LIB, "Murton Library"),
            ("yc", "Youth Club"),
        ],
    ));
    let north = ["legion", OLD_LIB];
    let south = ["yc"];
    c.responses = vec![
        resident(
            "e1",
            10,
            "North",
            &north,
            &["Dave Smith", "Zainab Khan", "Wojtek Nowak"],
        ),
        resident(
            "e2",
            20,
            "South",
            &south,
            &["John Taylor", "Priya Shah", "Gosia Lis"],
        ),
        resident("e3", 30, "North", &north, &["Margaret Hill"]),
    ];
    c
}
const OLD_LIB: &str = "old-lib";

/// This year: the same circles (Dave now written "David"), a second John
/// Taylor in the north, newcomers, the Legion renamed and the library
/// listed under a new id. The facilitator merged the two Zainabs, and c2
/// says Priya knows Zainab: a tie between last year's two circles.
fn this_year() -> Community {
    let mut c = Community::new(event(
        "fair-2026",
        "Fair 2026",
        &[
            ("legion", "Royal British Legion"),
            ("library", "MURTON  library"),
            ("park", "The Park"),
        ],
    ));
    let north = ["legion", "library"];
    let mut c2 = resident(
        "c2",
        200,
        "South",
        &["park"],
        &["John Taylor", "Priya Shah", "Gosia Lis", "Zainab Khan"],
    );
    c2.ties.push(AlterTie {
        a: AlterId(1),
        b: AlterId(3),
    });
    c.responses = vec![
        resident(
            "c1",
            100,
            "North",
            &north,
            &["David Smith", "Zainab Khan", "Wojtek Nowak"],
        ),
        c2,
        resident(
            "c3",
            300,
            "North",
            &["legion"],
            &["John Taylor", "Ben Ward"],
        ),
        resident("c4", 400, "South", &["park"], &["Amy Lee", "Tom Fox"]),
    ];
    c.merges.push(MergeDecision {
        a: alter("c1", 1),
        b: alter("c2", 3),
        verdict: Verdict::Same,
        evidence: Vec::new(),
        score: None,
        decided_at: Timestamp(500),
    });
    c
}

#[test]
fn the_same_person_spelled_differently_is_found_again() {
    let id = Identity::between(&last_year(), &this_year());
    assert_eq!(
        id.current_of("a:e1:0"),
        Some("a:c1:0"),
        "Dave Smith = David Smith"
    );
    assert_eq!(id.current_of("a:e1:2"), Some("a:c1:2"), "Wojtek Nowak");
    // The two Zainabs of this year are one person (the facilitator's merge).
    assert_eq!(id.current_of("a:e1:1"), Some("a:c1:1"));
}

#[test]
fn namesakes_are_told_apart_by_their_circle() {
    let id = Identity::between(&last_year(), &this_year());
    // Last year's John Taylor was named in the south with Priya and Gosia.
    assert_eq!(id.current_of("a:e2:0"), Some("a:c2:0"));
    // Each person of this year is somebody of last year at most once.
    let now = ["a:c2:0", "a:c3:0"];
    let taken = [
        "a:e1:0", "a:e1:1", "a:e1:2", "a:e2:0", "a:e2:1", "a:e2:2", "a:e3:0",
    ]
    .iter()
    .filter_map(|e| id.current_of(e))
    .filter(|c| now.contains(c))
    .count();
    assert_eq!(taken, 1);
}

#[test]
fn people_in_only_one_event_are_not_matched() {
    let id = Identity::between(&last_year(), &this_year());
    assert_eq!(id.current_of("a:e3:0"), None, "Margaret Hill");
    // Residents never give their name: different maps are different residents.
    assert_eq!(id.current_of("r:e1"), None);
}

#[test]
fn a_resident_is_the_same_only_by_the_same_map() {
    let mut earlier = last_year();
    let mut current = this_year();
    let shared = resident("kept-map", 5, "North", &["legion"], &["Ben Ward"]);
    earlier.responses.push(shared.clone());
    current.responses.push(shared);
    let id = Identity::between(&earlier, &current);
    assert_eq!(id.current_of("r:kept-map"), Some("r:kept-map"));
}

#[test]
fn places_match_by_id_then_by_normalised_name() {
    let id = Identity::between(&last_year(), &this_year());
    assert_eq!(
        id.current_of("p:legion"),
        Some("p:legion"),
        "renamed, same id"
    );
    assert_eq!(
        id.current_of("p:old-lib"),
        Some("p:library"),
        "new id, same name"
    );
    assert_eq!(id.current_of("p:yc"), None, "no longer listed");
}

#[test]
fn the_overlay_marks_kept_new_and_gone() {
    let (earlier, current) = (last_year(), this_year());
    let o = Overlay::new(&earlier, &current, &Identity::between(&earlier, &current));
    assert_eq!(o.node("a:c1:0"), Presence::Both);
    assert_eq!(o.node("a:c4:0"), Presence::Current);
    assert_eq!(o.node("a:e3:0"), Presence::Earlier);
    assert_eq!(o.node("r:e1"), Presence::Earlier);
    assert_eq!(o.node("p:library"), Presence::Both);
    assert_eq!(o.node("p:yc"), Presence::Earlier);
    assert_eq!(o.node("p:park"), Presence::Current);
    assert_eq!(
        o.tie("a:c2:1", "a:c1:1"),
        Presence::Current,
        "Priya knows Zainab"
    );
    assert_eq!(o.tie("r:e3", "a:e3:0"), Presence::Earlier);
    // Every earlier node is in the overlay once, under its current id when kept.
    assert!(o.people.index_of("a:e1:0").is_none());
    assert_eq!(o.order, ["r:c1", "r:c2", "r:c3", "r:c4"]);
}

#[test]
fn the_summary_counts_what_changed_and_never_a_small_group() {
    let (earlier, current) = (last_year(), this_year());
    let o = Overlay::new(&earlier, &current, &Identity::between(&earlier, &current));
    let s = Summary::of(&o);
    // Kept: Dave, Zainab, Wojtek, John Taylor, Priya, Gosia.
    assert_eq!(s.kept, 6);
    // Four residents drew maps; the northern John Taylor, Ben, Amy and Tom
    // are named for the first time.
    assert_eq!(s.residents, 4);
    assert_eq!(s.newly_named, 4);
    assert_eq!(s.no_longer_named, 1);
    assert_eq!(s.residents_gone, 3);
    assert_eq!(
        s.linking_ties, 1,
        "Priya–Zainab joins last year's two circles"
    );
    assert_eq!(
        s.clauses(),
        vec![
            Clause {
                key: "cmp-maps-few",
                count: None
            },
            Clause {
                key: "cmp-named-new-few",
                count: None
            },
            Clause {
                key: "cmp-linking-few",
                count: None
            },
            Clause {
                key: "cmp-gone-few",
                count: None
            },
        ]
    );
    assert!(Summary::default().clauses().is_empty());
}

#[test]
fn the_timeline_goes_from_the_earlier_picture_to_the_current_one() {
    let (earlier, current) = (last_year(), this_year());
    let o = Overlay::new(&earlier, &current, &Identity::between(&earlier, &current));
    let scene = overlay_scene(&o, &SceneOptions::default());
    let between = Between::new(&scene, &o);
    let all = styles_with(
        &scene,
        Lens::Communities,
        u32::MAX,
        None,
        Appearance::default(),
    );
    let drawn: Vec<u32> = all
        .node_batches
        .iter()
        .flat_map(|b| b.nodes.clone())
        .collect();
    let shown = |step: u32| {
        let mut st = all.clone();
        between.apply(&mut st, step);
        let mut ids: Vec<&str> = st
            .node_batches
            .iter()
            .flat_map(|b| b.nodes.iter().map(|&i| scene.nodes[i as usize].id.as_str()))
            .collect();
        ids.sort_unstable();
        (ids, st)
    };
    let want = |keep: &dyn Fn(Presence) -> bool| {
        let mut ids: Vec<&str> = scene
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, _)| drawn.contains(&(*i as u32)))
            .map(|(_, n)| n.id.as_str())
            .filter(|id| keep(o.node(id)))
            .collect();
        ids.sort_unstable();
        ids
    };
    assert_eq!(
        shown(0).0,
        want(&|p| p != Presence::Current),
        "last year's picture"
    );
    let (end, st) = shown(BETWEEN_STEPS);
    assert_eq!(
        end,
        want(&|p| p != Presence::Earlier),
        "this year's picture"
    );
    assert_eq!(st.visible_nodes, end.len());
    // Kept people are drawn fully throughout; newcomers fade in steadily.
    let kept = scene.index_of("a:c1:0").unwrap() as usize;
    let new = scene.index_of("a:c4:1").unwrap() as usize;
    let mut last = 0.0;
    for step in 0..=BETWEEN_STEPS {
        assert_eq!(between.node_strength(kept, step), 1.0);
        let s = between.node_strength(new, step);
        assert!(s >= last, "step {step}");
        last = s;
    }
    assert_eq!(last, 1.0);
    // Half-way, something is fading: drawn, with a lower alpha than at rest.
    let alpha = |st: &weave::core::playback::Styles, i: u32| {
        st.node_batches
            .iter()
            .find(|b| b.nodes.contains(&i))
            .map(|b| b.look.alpha)
    };
    let mid = (1..BETWEEN_STEPS).any(|step| {
        let (_, st) = shown(step);
        (0..scene.nodes.len() as u32)
            .any(|i| matches!((alpha(&st, i), alpha(&all, i)), (Some(a), Some(b)) if a < b))
    });
    assert!(mid, "fading shows as extra batches");
}

#[test]
fn the_demo_has_an_earlier_event_from_the_same_neighbourhood() {
    let earlier = earlier_demo_community(2026);
    let current = demo_community(2026);
    assert_ne!(earlier.event.id, current.event.id);
    assert!(earlier
        .responses
        .iter()
        .all(|r| r.is_finished() && r.event == earlier.event.id));
    let id = Identity::between(&earlier, &current);
    assert_eq!(
        id.current_of(&format!("p:{OLD_LIBRARY_ID}")),
        Some("p:library")
    );
    assert_eq!(id.current_of("p:youth-club"), Some("p:youth-club"));
    let o = Overlay::new(&earlier, &current, &id);
    let s = Summary::of(&o);
    // Many of the same people are named again, and some are new or gone.
    assert!(s.kept > 100, "{s:?}");
    assert!(s.newly_named > 100 && s.no_longer_named >= 5, "{s:?}");
    // Every resident of this year drew a map; none counts as a new person.
    assert_eq!(s.residents, 150, "{s:?}");
    assert!(s.linking_ties >= 5, "{s:?}");
    // The current demo is what it always was.
    assert_eq!(current, demo_community(2026));
    assert_eq!(current.responses.len(), 150);
}
