//! The play-back sociogram's pure side: the scene from the demo event, the
//! privacy promise (no resident or named person's name reaches any output),
//! lenses, the timeline, positions kept across updates, and every i18n key.

use weave::core::analysis::PathMode;
use weave::core::demo::demo_community_sized;
use weave::core::geometry::ScreenSize;
use weave::core::model::{
    Community, NewPlace, NewPlaceId, PlaceCategory, PlaceRef, PlaceVisit, Timestamp,
};
use weave::core::playback::camera::{bounds, hit};
use weave::core::playback::card::card;
use weave::core::playback::findings::FindingArg;
use weave::core::playback::scene::{Labels, SceneOptions};
use weave::core::playback::style::{styles, Highlight, Shape};
use weave::core::playback::svg::{svg, ExportText};
use weave::core::playback::{generate, Camera, Lens, LiveLayout, NodeKind, Scene, TieKind};
use weave::i18n::Translator;

const CANARY: &str = "Zebedee Quuxworth";

fn exact() -> SceneOptions {
    SceneOptions {
        paths: PathMode::Exact,
        ..SceneOptions::default()
    }
}

/// A small demo event where one resident named the canary, added a place
/// called after them, and the canary is a public figure.
fn canary_community() -> Community {
    let mut c = demo_community_sized(11, 40);
    let r = &mut c.responses[0];
    r.alters[0].name = CANARY.into();
    r.alters[0].public_figure = true;
    r.new_places.push(NewPlace {
        id: NewPlaceId(77),
        name: format!("{CANARY}'s kitchen"),
        category: PlaceCategory::Venue,
    });
    r.places.push(PlaceVisit {
        place: PlaceRef::New(NewPlaceId(77)),
        frequency: None,
        information: false,
        added_at: Timestamp(0),
    });
    c
}

fn laid_out(scene: &Scene) -> LiveLayout {
    let mut live = LiveLayout::new();
    live.set_scene(scene);
    live.step(30);
    live
}

#[test]
fn the_demo_scene_has_people_places_and_time() {
    let c = demo_community_sized(2026, 150);
    let scene = Scene::from_community(&c, &exact());
    let residents = scene
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Resident)
        .count();
    assert_eq!(residents, 150);
    assert_eq!(scene.steps, 150);
    assert!(scene.nodes.len() > 600, "{}", scene.nodes.len());
    assert!(scene.nodes.iter().any(|n| n.kind == NodeKind::Place));
    assert!(scene.edges.iter().any(|e| e.kind == TieKind::Visit));
    assert!(scene.nodes.iter().any(|n| n.broker));
    assert!(scene.nodes.iter().any(|n| n.change_maker));
    assert!(scene.nodes.iter().any(|n| n.reaches_change));
    assert!(scene.group.as_ref().is_some_and(|g| g.size >= 5));
    assert!(!scene.findings.is_empty());
    assert_eq!(
        scene.group_sizes.iter().sum::<usize>(),
        scene.nodes.len() - places(&scene)
    );
    // Every label is a listed place's name.
    for n in &scene.nodes {
        if n.label.is_some() {
            assert_eq!(n.kind, NodeKind::Place);
            assert!(n.id.starts_with("p:"), "{}", n.id);
        }
    }
}

fn places(scene: &Scene) -> usize {
    scene
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Place)
        .count()
}

#[test]
fn no_private_name_reaches_any_output() {
    let c = canary_community();
    let scene = Scene::from_community(&c, &exact());
    assert!(!format!("{scene:?}").contains("Zebedee"));
    let live = laid_out(&scene);
    let camera =
        Camera::new(ScreenSize::new(1200.0, 800.0)).fit(bounds(live.x(), live.y(), |_| true), 24.0);
    let you = scene.index_of(&format!("r:{}", c.responses[0].id));
    assert!(you.is_some());
    for lens in Lens::ALL {
        for strength in [0.0, 1.0] {
            let hl = you.map(|node| Highlight { node, strength });
            let st = styles(&scene, lens, scene.steps, hl);
            let legend = vec![];
            let text = ExportText {
                title: "Our community",
                caption: "caption",
                legend: &legend,
            };
            let doc = svg(&scene, &st, live.x(), live.y(), &camera, &text);
            assert!(!doc.contains("Zebedee"), "{lens:?}");
        }
    }
    for i in 0..scene.nodes.len() as u32 {
        let card = card(&scene, i).expect("card");
        assert!(!format!("{card:?}").contains("Zebedee"));
    }
    for f in &scene.findings {
        for (_, arg) in &f.args {
            if let FindingArg::Text(t) = arg {
                assert!(!t.contains("Zebedee"));
            }
        }
    }
}

#[test]
fn public_figures_are_labelled_only_when_the_facilitator_allows() {
    let c = canary_community();
    let allowed = SceneOptions {
        labels: Labels::PublicFigures,
        ..exact()
    };
    let scene = Scene::from_community(&c, &allowed);
    assert!(scene
        .nodes
        .iter()
        .any(|n| n.kind == NodeKind::Named && n.label.as_deref() == Some(CANARY)));
    // Public figures only: nobody else among the named gets a name.
    let others = c.responses[0].alters[1].name.clone();
    assert!(!scene
        .nodes
        .iter()
        .any(|n| n.label.as_deref() == Some(others.as_str())));
    // "Everyone" names every named person, and still no resident.
    let everyone = Scene::from_community(
        &c,
        &SceneOptions {
            labels: Labels::Everyone,
            ..exact()
        },
    );
    assert!(everyone
        .nodes
        .iter()
        .any(|n| n.label.as_deref() == Some(others.as_str())));
    assert!(everyone
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Resident)
        .all(|n| n.label.is_none()));
    let named = everyone
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Named)
        .count();
    let labelled = everyone
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Named && n.label.is_some())
        .count();
    assert!(labelled * 10 >= named * 9, "{labelled} of {named}");
}

#[test]
fn lenses_draw_what_they_say() {
    let c = demo_community_sized(5, 60);
    let scene = Scene::from_community(&c, &exact());
    let all = scene.steps;
    let places_lens = styles(&scene, Lens::Places, all, None);
    for b in &places_lens.node_batches {
        for &i in &b.nodes {
            let kind = scene.nodes[i as usize].kind;
            assert_ne!(kind, NodeKind::Named);
            assert_eq!(b.look.shape == Shape::Square, kind == NodeKind::Place);
        }
    }
    for b in &places_lens.edge_batches {
        for &k in &b.edges {
            assert_eq!(scene.edges[k as usize].kind, TieKind::Visit);
        }
    }
    assert!(!places_lens.labels.is_empty());
    let groups = styles(&scene, Lens::Communities, all, None);
    assert!(groups.labels.is_empty());
    assert_eq!(groups.visible_nodes, scene.nodes.len() - places(&scene));
    assert!(groups.legend.iter().any(|l| l.key == "pb-legend-group"));
    let brokers = styles(&scene, Lens::Brokers, all, None);
    assert!(brokers.legend.iter().any(|l| l.key == "pb-legend-brokers"));
    // Each lens looks different.
    let looks: std::collections::BTreeSet<String> = Lens::ALL
        .iter()
        .map(|&l| format!("{:?}", styles(&scene, l, all, None).node_batches))
        .collect();
    assert_eq!(looks.len(), Lens::ALL.len());
}

#[test]
fn the_timeline_grows_in_finish_order() {
    let c = demo_community_sized(3, 80);
    let scene = Scene::from_community(&c, &SceneOptions::default());
    let mut last = 0;
    for step in 0..=scene.steps {
        let st = styles(&scene, Lens::Communities, step, None);
        assert!(st.visible_nodes >= last, "step {step}");
        last = st.visible_nodes;
    }
    let first = styles(&scene, Lens::Communities, 1, None);
    assert!(first.visible_nodes >= 1 && first.visible_nodes < last / 10);
}

#[test]
fn a_new_response_does_not_move_anyone_already_there() {
    let mut c = demo_community_sized(9, 60);
    let later = c.responses.split_off(50);
    let before = Scene::from_community(&c, &SceneOptions::default());
    let mut live = LiveLayout::new();
    live.set_scene(&before);
    live.step(80);
    let old: Vec<(String, f64, f64)> = before
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), live.x()[i], live.y()[i]))
        .collect();
    c.responses.extend(later);
    let after = Scene::from_community(&c, &SceneOptions::default());
    assert!(after.nodes.len() > before.nodes.len());
    live.set_scene(&after);
    for (id, x, y) in old {
        let i = after.index_of(&id).expect("kept") as usize;
        assert_eq!((live.x()[i], live.y()[i]), (x, y), "{id}");
    }
    assert!(!live.is_resting());
    let motion = live.step(5);
    assert!(motion.is_finite());
}

#[test]
fn the_layout_comes_to_rest() {
    let c = demo_community_sized(4, 30);
    let scene = Scene::from_community(&c, &SceneOptions::default());
    let mut live = LiveLayout::new();
    live.set_scene(&scene);
    let mut runs = 0;
    while !live.is_resting() && runs < 5000 {
        live.step(1);
        runs += 1;
    }
    assert!(live.is_resting() && runs <= 1500, "{runs}");
}

#[test]
fn a_tap_finds_the_node_under_the_finger() {
    let c = demo_community_sized(4, 30);
    let scene = Scene::from_community(&c, &SceneOptions::default());
    let live = laid_out(&scene);
    let camera =
        Camera::new(ScreenSize::new(800.0, 600.0)).fit(bounds(live.x(), live.y(), |_| true), 24.0);
    let st = styles(&scene, Lens::Communities, scene.steps, None);
    let i = st.node_batches[0].nodes[0];
    let (sx, sy) = camera.to_screen(live.x()[i as usize], live.y()[i as usize]);
    let p = weave::core::geometry::ScreenPoint::new(sx + 1.0, sy);
    let found = hit(&camera, live.x(), live.y(), &st, p, 4.0).expect("hit");
    let (fx, fy) = camera.to_screen(live.x()[found as usize], live.y()[found as usize]);
    assert!((fx - sx).hypot(fy - sy) <= 2.0 * f64::from(st.radius[i as usize]) + 8.0);
    let far = weave::core::geometry::ScreenPoint::new(-500.0, -500.0);
    assert_eq!(hit(&camera, live.x(), live.y(), &st, far, 4.0), None);
}

#[test]
fn generated_networks_have_the_asked_size() {
    let (net, order) = generate::people(2000, 6000, 1);
    assert_eq!((net.nodes.len(), net.edges.len()), (2000, 6000));
    let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
    assert_eq!(scene.nodes.len(), 2000);
    assert!(scene.group_sizes.len() >= 5);
    assert!(net.edges.iter().all(|e| e.source != e.target));
}

#[test]
fn the_tie_between_two_circles_of_friends_is_their_bridge() {
    // Two triangles, a-b-c and d-e-f, joined by c-d (listed as d-c).
    let mut net = weave::core::network::Network::new(false);
    for id in ["a", "b", "c", "d", "e", "f"] {
        net.add_node(id, None, Default::default());
    }
    for (s, t) in [(0, 1), (1, 2), (2, 0), (3, 2), (3, 4), (4, 5), (5, 3)] {
        net.add_edge(s, t, 1.0, Default::default());
    }
    let scene = Scene::from_networks(&net, None, &[], &exact());
    let bridges: Vec<(u32, u32)> = scene
        .edges
        .iter()
        .filter(|e| e.bridge)
        .map(|e| (e.source, e.target))
        .collect();
    assert_eq!(bridges, vec![(3, 2)]);
}

#[test]
fn every_playback_key_exists_in_english() {
    use weave::core::playback::{card, findings, style};
    let t = Translator::new("en");
    let mut keys: Vec<&str> = Vec::new();
    for l in Lens::ALL {
        keys.push(l.key());
        keys.push(l.caption_key());
    }
    keys.extend(style::legend_keys());
    keys.extend(card::KEYS);
    keys.extend(findings::KEYS);
    let missing: Vec<&&str> = keys.iter().filter(|k| !t.has(k)).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

#[test]
fn size_and_colour_follow_the_viewers_choice() {
    use weave::core::playback::style::{styles_with, Appearance, ColourBy, SizeBy};
    let c = demo_community_sized(5, 60);
    let scene = Scene::from_community(&c, &exact());
    let all = scene.steps;
    // Times named: the most-named person is the largest named node.
    let look = Appearance {
        size_by: SizeBy::Mentions,
        ..Appearance::default()
    };
    let st = styles_with(&scene, Lens::Communities, all, None, look);
    let most = (0..scene.nodes.len())
        .filter(|&i| scene.nodes[i].kind == NodeKind::Named)
        .max_by_key(|&i| scene.nodes[i].named_by)
        .expect("a named person");
    let biggest = (0..scene.nodes.len())
        .filter(|&i| scene.nodes[i].kind == NodeKind::Named)
        .max_by(|&a, &b| st.radius[a].total_cmp(&st.radius[b]))
        .expect("a named person");
    assert_eq!(scene.nodes[most].named_by, scene.nodes[biggest].named_by);
    // Betweenness: the most between person is (one of) the largest.
    let between = styles_with(
        &scene,
        Lens::Communities,
        all,
        None,
        Appearance {
            size_by: SizeBy::Betweenness,
            ..Appearance::default()
        },
    );
    let top = (0..scene.nodes.len())
        .max_by(|&a, &b| {
            let b_of = |i: usize| scene.nodes[i].betweenness.unwrap_or(0.0);
            b_of(a).total_cmp(&b_of(b))
        })
        .expect("nodes");
    let max_r = between.radius.iter().copied().fold(0.0f32, f32::max);
    assert_eq!(between.radius[top], max_r);
    // Colour by the first question: one legend line per answer, with counts
    // that add up to the residents who answered.
    assert!(!scene.attributes.is_empty());
    let col = &scene.attributes[0];
    let coloured = styles_with(
        &scene,
        Lens::Communities,
        all,
        None,
        Appearance {
            colour_by: ColourBy::Attribute(0),
            ..Appearance::default()
        },
    );
    let answers: Vec<&str> = coloured
        .legend
        .iter()
        .filter_map(|l| l.text.as_deref())
        .collect();
    assert_eq!(answers.len(), col.answers.len() - usize::from(col.others));
    let answered = col.of_node.iter().filter(|a| a.is_some()).count();
    assert_eq!(col.counts.iter().sum::<usize>(), answered);
    let residents = scene
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Resident)
        .count();
    assert!(answered > residents / 2 && answered <= residents);
    // Only residents carry answers.
    for (i, a) in col.of_node.iter().enumerate() {
        if a.is_some() {
            assert_eq!(scene.nodes[i].kind, NodeKind::Resident);
        }
    }
}
