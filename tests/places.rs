//! Where-they-go, natively: the place CSV against good and malformed fixture
//! files, place-list edits and their exact inverses (property-tested), the
//! review of residents' added places, and the two-mode network built from
//! those decisions.

use proptest::prelude::*;
use std::path::PathBuf;
use weave::core::analysis::people_places_network;
use weave::core::command::{Command, History};
use weave::core::model::{
    Community, Event, EventId, Frequency, MapPin, NewPlace, NewPlaceId, Place, PlaceCategory,
    PlaceId, PlaceRef, PlaceResolution, PlaceVisit, Response, ResponseId, ResponseStatus,
    Timestamp,
};
use weave::core::places::csv::{parse_places, ProblemKind};
use weave::core::places::edit::{plan_import, PlaceEdit};
use weave::core::places::review::{accept, decide, groups, reopen, visitors, ReviewState};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/places", name]
        .iter()
        .collect();
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn first_problem(name: &str) -> (usize, ProblemKind) {
    let err = parse_places(&fixture(name)).expect_err(name);
    let p = err.first().expect("at least one problem").clone();
    (p.line, p.kind)
}

#[test]
fn good_fixtures_read_every_field() {
    let csv = parse_places(&fixture("good.csv")).unwrap();
    assert_eq!(csv.rows.len(), 6);
    let hall = &csv.rows[0];
    assert_eq!(hall.name, "Murton Welfare Hall");
    assert_eq!(hall.description, "Dances, bingo and the \"big room\"");
    assert_eq!(hall.pin, Some(MapPin { x: 0.42, y: 0.55 }));
    let cats: Vec<PlaceCategory> = csv.rows.iter().map(|r| r.category).collect();
    assert_eq!(
        cats,
        [
            PlaceCategory::Venue,
            PlaceCategory::Group,
            PlaceCategory::Service,
            PlaceCategory::Information,
            PlaceCategory::Online,
            PlaceCategory::Venue
        ]
    );
    assert_eq!(csv.rows[5].name, "Café Noël");
    assert_eq!(csv.rows[2].pin, None);

    let excel = parse_places(&fixture("good-excel-semicolons.csv")).unwrap();
    assert_eq!(excel.rows[0].pin, Some(MapPin { x: 0.42, y: 0.55 }));
    assert_eq!(excel.rows[1].category, PlaceCategory::Information);
    assert_eq!(excel.ignored_columns, vec!["Notes".to_string()]);

    let utf16 = parse_places(&fixture("utf16le-bom.csv")).unwrap();
    assert_eq!(utf16.rows[1].name, "Café");
}

#[test]
fn malformed_fixtures_name_their_line() {
    assert!(matches!(
        first_problem("missing-column.csv"),
        (
            1,
            ProblemKind::MissingColumn {
                column: "category",
                ..
            }
        )
    ));
    assert_eq!(
        first_problem("bad-number.csv"),
        (
            3,
            ProblemKind::BadNumber {
                column: "x",
                value: "left".into()
            }
        )
    );
    let all = parse_places(&fixture("bad-number.csv")).unwrap_err();
    assert_eq!(all.total, 2, "both bad rows are reported: {all:?}");
    assert_eq!(all.problems[1].line, 4);
    assert_eq!(
        first_problem("unknown-category.csv"),
        (
            3,
            ProblemKind::UnknownCategory {
                value: "pub".into()
            }
        )
    );
    assert_eq!(
        first_problem("too-many-cells.csv"),
        (
            2,
            ProblemKind::TooManyCells {
                found: 4,
                expected: 3
            }
        )
    );
    assert_eq!(
        first_problem("latin1.csv"),
        (
            3,
            ProblemKind::NotUtf8 {
                byte: 0xE9,
                latin1: true
            }
        )
    );
    assert_eq!(
        first_problem("utf16le-no-bom.csv"),
        (1, ProblemKind::NotText)
    );
    assert_eq!(
        first_problem("duplicate-name.csv"),
        (
            3,
            ProblemKind::DuplicateName {
                name: "welfare hall".into(),
                first_line: 2
            }
        )
    );
}

#[test]
fn two_megabytes_of_junk_is_refused_quickly_with_a_line() {
    let mut x: u32 = 7;
    let junk: Vec<u8> = (0..2 * 1024 * 1024)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 24) as u8
        })
        .collect();
    let err = parse_places(&junk).unwrap_err();
    assert!(err.first().is_some_and(|p| p.line >= 1));
    // Printable junk with no header columns fails on line 1.
    let printable: Vec<u8> = junk
        .iter()
        .map(|b| b"abc, \n\"x;"[*b as usize % 9])
        .collect();
    let err = parse_places(&printable).unwrap_err();
    assert!(err.first().is_some_and(|p| p.line >= 1), "{err:?}");
}

proptest! {
    /// Parsing never panics on arbitrary bytes.
    #[test]
    fn parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse_places(&bytes);
    }
}

fn event() -> Event {
    let mut e = Event::new(EventId::new("e"), "Murton", "2026-11-22");
    let csv = parse_places(&fixture("good.csv")).unwrap();
    let plan = plan_import(&e, &csv.rows);
    plan.edit.apply(&mut e).unwrap();
    e
}

fn arb_edit(ids: Vec<PlaceId>) -> impl Strategy<Value = PlaceEdit> {
    let n = ids.len();
    let id = proptest::sample::select(ids);
    prop_oneof![
        (id.clone(), 0..n + 1).prop_map(|(id, to)| PlaceEdit::Move { id, to }),
        id.clone().prop_map(|id| PlaceEdit::Remove { id }),
        (id.clone(), 0.0..=1.0f64, 0.0..=1.0f64, any::<bool>()).prop_map(|(id, x, y, some)| {
            PlaceEdit::SetPin {
                id,
                pin: some.then_some(MapPin { x, y }),
            }
        }),
        (id.clone(), "[a-z ]{0,12}").prop_map(|(id, name)| PlaceEdit::Update {
            place: Place {
                id,
                name,
                category: PlaceCategory::Group,
                description: "d".into(),
                pin: None,
            }
        }),
        ("[A-Z][a-z]{1,8}", 0..n + 2).prop_map(|(name, at)| PlaceEdit::Add {
            place: Place {
                id: PlaceId::new(format!("new-{name}")),
                name,
                category: PlaceCategory::Venue,
                description: String::new(),
                pin: None,
            },
            index: Some(at),
        }),
    ]
}

proptest! {
    /// Any sequence of place edits, undone step by step, gives back the
    /// list exactly; every edit either applies or leaves the event alone.
    #[test]
    fn place_edits_have_exact_inverses(
        edits in proptest::collection::vec(arb_edit(event().places.iter().map(|p| p.id.clone()).collect()), 1..30)
    ) {
        let start = event();
        let mut e = start.clone();
        let mut h: History<PlaceEdit> = History::new();
        let mut snapshots = vec![e.clone()];
        for edit in edits {
            let before = e.clone();
            match h.do_(edit, &mut e) {
                Ok(()) => snapshots.push(e.clone()),
                Err(_) => prop_assert_eq!(&e, &before),
            }
            let mut names: Vec<String> = e.places.iter().map(|p| weave::core::model::name_key(&p.name)).collect();
            names.sort();
            let len = names.len();
            names.dedup();
            prop_assert_eq!(names.len(), len, "names stay unique");
        }
        while h.can_undo() {
            snapshots.pop();
            h.undo(&mut e).unwrap();
            prop_assert_eq!(Some(&e), snapshots.last());
        }
        prop_assert_eq!(e, start);
    }
}

fn resident(id: &str, listed: &[&str], added: &[(&str, PlaceCategory)]) -> Response {
    let mut r = Response::new(ResponseId::new(id), EventId::new("e"), "en", Timestamp(1));
    r.status = ResponseStatus::Finished;
    for l in listed {
        r.places.push(PlaceVisit {
            place: PlaceRef::Listed(PlaceId::new(*l)),
            frequency: Some(Frequency::Weekly),
            information: false,
            added_at: Timestamp(2),
        });
    }
    for (i, (name, cat)) in added.iter().enumerate() {
        let np = NewPlaceId(i as u32);
        r.new_places.push(NewPlace {
            id: np,
            name: (*name).into(),
            category: *cat,
        });
        r.places.push(PlaceVisit {
            place: PlaceRef::New(np),
            frequency: None,
            information: true,
            added_at: Timestamp(3),
        });
    }
    r
}

fn community() -> Community {
    let mut c = Community::new(event());
    c.responses = vec![
        resident(
            "r1",
            &["murton-welfare-hall"],
            &[("Boxing club", PlaceCategory::Group)],
        ),
        resident(
            "r2",
            &["cricket-club"],
            &[("boxing  CLUB", PlaceCategory::Group)],
        ),
        resident("r3", &[], &[("Welfare hall bingo", PlaceCategory::Group)]),
    ];
    c
}

fn place_nodes(c: &Community) -> Vec<String> {
    let net = people_places_network(c);
    let mut ids: Vec<String> = net
        .nodes
        .iter()
        .filter(|n| n.id.starts_with("p:") || n.id.starts_with("n:"))
        .map(|n| n.id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn added_places_are_grouped_by_name_with_suggestions() {
    let c = community();
    let g = groups(&c);
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].name, "Boxing club");
    assert_eq!(g[0].residents(), 2);
    assert_eq!(g[0].state, ReviewState::Pending);
    assert_eq!(g[1].name, "Welfare hall bingo");
    assert_eq!(
        g[1].suggestions.first(),
        Some(&PlaceId::new("murton-welfare-hall"))
    );
}

#[test]
fn merging_sends_visits_to_the_listed_place_and_can_be_taken_back() {
    let mut c = community();
    let before = c.responses.clone();
    let nodes_before = place_nodes(&c);
    assert!(nodes_before.contains(&"n:r3:0".to_string()));
    let bingo = groups(&c)
        .into_iter()
        .find(|g| g.name.starts_with("Welfare"))
        .unwrap();
    c.place_decisions.extend(decide(
        &bingo,
        PlaceResolution::MergeInto {
            place: PlaceId::new("murton-welfare-hall"),
        },
        Timestamp(10),
    ));
    assert_eq!(c.responses, before, "responses are never edited");
    assert!(!place_nodes(&c).contains(&"n:r3:0".to_string()));
    assert_eq!(visitors(&c)[&PlaceId::new("murton-welfare-hall")], 2);
    let net = people_places_network(&c);
    let hall = net
        .nodes
        .iter()
        .position(|n| n.id == "p:murton-welfare-hall")
        .unwrap();
    let r3 = net.nodes.iter().position(|n| n.id == "r:r3").unwrap();
    assert!(net
        .edges
        .iter()
        .any(|e| (e.source, e.target) == (r3, hall) || (e.source, e.target) == (hall, r3)));

    // Taking it back reopens it; the log keeps both decisions.
    let decided = groups(&c)
        .into_iter()
        .find(|g| g.name.starts_with("Welfare"))
        .unwrap();
    assert!(matches!(decided.state, ReviewState::Decided(_)));
    let (edit, undo) = reopen(&c, &decided, Timestamp(11));
    assert_eq!(edit, None);
    c.place_decisions.extend(undo);
    assert_eq!(c.place_decisions.len(), 2);
    assert_eq!(place_nodes(&c), nodes_before);
    assert_eq!(visitors(&c)[&PlaceId::new("murton-welfare-hall")], 1);
}

#[test]
fn accepting_adds_one_listed_place_for_the_whole_group() {
    let mut c = community();
    let boxing = groups(&c).into_iter().next().unwrap();
    let (edit, decisions) = accept(
        &c,
        &boxing,
        "Boxing club",
        PlaceCategory::Group,
        Timestamp(5),
    );
    edit.apply(&mut c.event).unwrap();
    c.place_decisions.extend(decisions);
    assert!(c.event.place(&PlaceId::new("boxing-club")).is_some());
    assert_eq!(visitors(&c)[&PlaceId::new("boxing-club")], 2);
    assert!(!place_nodes(&c)
        .iter()
        .any(|n| n.starts_with("n:r1") || n.starts_with("n:r2")));
    // Undoing the acceptance takes the unused listed place off again.
    let accepted = groups(&c)
        .into_iter()
        .find(|g| g.name == "Boxing club")
        .unwrap();
    let (edit, undo) = reopen(&c, &accepted, Timestamp(6));
    assert_eq!(
        edit,
        Some(PlaceEdit::Remove {
            id: PlaceId::new("boxing-club")
        })
    );
    edit.unwrap().apply(&mut c.event).unwrap();
    c.place_decisions.extend(undo);
    assert_eq!(groups(&c)[0].state, ReviewState::Pending);
}

#[test]
fn renamed_places_with_the_same_name_are_one_node() {
    let mut c = community();
    let boxing = groups(&c).into_iter().next().unwrap();
    c.place_decisions.extend(decide(
        &boxing,
        PlaceResolution::Rename {
            name: "Murton Boxing Club".into(),
            category: PlaceCategory::Group,
        },
        Timestamp(5),
    ));
    let nodes = place_nodes(&c);
    assert!(nodes.contains(&"n:murton boxing club".to_string()));
    assert!(!nodes
        .iter()
        .any(|n| n.starts_with("n:r1") || n.starts_with("n:r2")));
    let net = people_places_network(&c);
    let node = net
        .nodes
        .iter()
        .position(|n| n.id == "n:murton boxing club")
        .unwrap();
    let degree = net
        .edges
        .iter()
        .filter(|e| e.source == node || e.target == node)
        .count();
    assert_eq!(degree, 2);
    assert_eq!(net.nodes[node].label.as_deref(), Some("Murton Boxing Club"));
}

#[test]
fn removing_an_added_place_is_one_undoable_step() {
    let mut r = resident("r", &[], &[("Boxing club", PlaceCategory::Group)]);
    let before = r.clone();
    let mut h = History::new();
    h.do_(
        Command::Batch {
            commands: vec![
                Command::RemovePlaceVisit {
                    place: PlaceRef::New(NewPlaceId(0)),
                },
                Command::RemoveNewPlace { id: NewPlaceId(0) },
            ],
        },
        &mut r,
    )
    .unwrap();
    assert!(r.new_places.is_empty() && r.places.is_empty());
    h.undo(&mut r).unwrap();
    assert_eq!(r, before);
    r.check_invariants().unwrap();
}

#[test]
fn the_demo_event_shows_its_places_on_a_built_in_map() {
    let e = weave::core::demo::event::murton_event();
    let map = e.map.clone().expect("the demo has a map picture");
    assert_eq!(
        (map.width, map.height, map.mime.as_str()),
        (1200, 800, "image/svg+xml")
    );
    assert_eq!(map, weave::core::demo::event::demo_map());
    assert!(e.places.iter().all(|p| p
        .pin
        .is_some_and(|pin| (0.0..=1.0).contains(&pin.x) && (0.0..=1.0).contains(&pin.y))));
}
