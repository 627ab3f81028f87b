//! Commands and History: every command keeps the response's invariants, its
//! inverse restores the response exactly, and undo-all / redo-all round-trip.

use proptest::prelude::*;
use weave::core::command::{Command, CommandError, History};
use weave::core::geometry::WorldPoint;
use weave::core::model::{
    AlterId, AlterTie, Barrier, EventId, Frequency, NewPlace, NewPlaceId, PlaceCategory, PlaceId,
    PlaceRef, PlaceVisit, PromptId, QuestionId, Relationship, Response, ResponseId, Timestamp,
};

fn empty() -> Response {
    Response::new(
        ResponseId::new("r1"),
        EventId::new("e1"),
        "en",
        Timestamp(1_000),
    )
}

fn id(n: u32) -> AlterId {
    AlterId(n)
}

fn add(n: u32, name: &str) -> Command {
    Command::AddAlter {
        id: id(n),
        name: name.into(),
        prompt: PromptId::new("help"),
        at: WorldPoint::new(10.0 * f64::from(n), 5.0),
        ring: 1 + (n % 3) as u8,
        time: Timestamp(2_000 + i64::from(n)),
    }
}

/// Applies `cmd`, checks invariants, then checks the inverse restores exactly.
fn round_trip(r: &mut Response, cmd: &Command) -> Result<(), CommandError> {
    let before = r.clone();
    let inverse = cmd.apply(r)?;
    r.check_invariants().unwrap();
    let mut undone = r.clone();
    inverse.apply(&mut undone).unwrap();
    assert_eq!(undone, before, "inverse of {cmd:?} did not restore");
    Ok(())
}

#[test]
fn remove_alter_restores_the_person_and_ties_in_their_old_places() {
    let mut r = empty();
    let mut h = History::new();
    for (n, name) in ["Ann", "Bob", "Cat", "Dev"].iter().enumerate() {
        h.do_(add(n as u32, name), &mut r).unwrap();
    }
    for (a, b) in [(0, 1), (1, 2), (2, 3), (0, 2), (1, 3)] {
        h.do_(Command::add_tie(id(a), id(b)), &mut r).unwrap();
    }
    let before = r.clone();
    h.do_(Command::RemoveAlter { id: id(1) }, &mut r).unwrap();
    assert_eq!(r.alters.len(), 3);
    assert_eq!(
        r.ties,
        vec![AlterTie::new(id(2), id(3)), AlterTie::new(id(0), id(2))]
    );
    assert!(h.undo(&mut r).unwrap());
    assert_eq!(r, before);
    assert!(h.redo(&mut r).unwrap());
    assert_eq!(r.alters.len(), 3);
    assert!(h.can_undo());
    assert!(!h.can_redo());
}

#[test]
fn invalid_commands_fail_and_change_nothing() {
    let mut r = empty();
    Command::add_alter(
        &r,
        "Ann",
        PromptId::new("p"),
        WorldPoint::new(1.0, 1.0),
        1,
        Timestamp(5),
    )
    .apply(&mut r)
    .unwrap();
    let before = r.clone();
    let bad = [
        (Command::add_tie(id(0), id(0)), CommandError::SelfTie),
        (
            Command::add_tie(id(0), id(9)),
            CommandError::UnknownAlter(id(9)),
        ),
        (
            Command::MoveAlter {
                id: id(0),
                to: WorldPoint::new(1.0, 1.0),
                ring: 4,
            },
            CommandError::InvalidRing(4),
        ),
        (
            Command::MoveAlter {
                id: id(0),
                to: WorldPoint::new(f64::NAN, 1.0),
                ring: 1,
            },
            CommandError::NotFinite,
        ),
        (add(0, "again"), CommandError::DuplicateAlter(id(0))),
        (
            Command::RemoveTie { a: id(0), b: id(1) },
            CommandError::UnknownTie,
        ),
        (
            Command::AddPromptToAlter {
                id: id(0),
                prompt: PromptId::new("p"),
            },
            CommandError::DuplicatePrompt,
        ),
        (
            Command::RemovePlaceVisit {
                place: PlaceRef::Listed(PlaceId::new("x")),
            },
            CommandError::UnknownPlace,
        ),
        (
            Command::AddPlaceVisit {
                visit: PlaceVisit {
                    place: PlaceRef::New(NewPlaceId(3)),
                    frequency: None,
                    information: false,
                    added_at: Timestamp(0),
                },
                index: None,
            },
            CommandError::UnknownNewPlace(NewPlaceId(3)),
        ),
        (
            Command::Batch {
                commands: vec![
                    add(1, "Bob"),
                    Command::add_tie(id(0), id(1)),
                    Command::add_tie(id(1), id(0)),
                ],
            },
            CommandError::DuplicateTie,
        ),
    ];
    for (cmd, err) in bad {
        assert_eq!(cmd.apply(&mut r), Err(err), "{cmd:?}");
        assert_eq!(r, before, "{cmd:?} left a trace");
    }
}

#[test]
fn a_new_place_and_its_visit_are_one_undo_step() {
    let mut r = empty();
    let mut h = History::new();
    let place = NewPlace {
        id: r.next_new_place_id(),
        name: "Allotment".into(),
        category: PlaceCategory::Venue,
    };
    let visit = PlaceVisit {
        place: PlaceRef::New(place.id),
        frequency: Some(Frequency::Weekly),
        information: true,
        added_at: Timestamp(9),
    };
    let batch = Command::Batch {
        commands: vec![
            Command::AddNewPlace { place, index: None },
            Command::AddPlaceVisit { visit, index: None },
        ],
    };
    h.do_(batch, &mut r).unwrap();
    assert_eq!((r.new_places.len(), r.places.len()), (1, 1));
    // The place cannot go while it is visited.
    assert_eq!(
        Command::RemoveNewPlace { id: NewPlaceId(0) }.apply(&mut r),
        Err(CommandError::NewPlaceInUse(NewPlaceId(0)))
    );
    h.undo(&mut r).unwrap();
    assert_eq!(r, empty());
    assert!(!h.undo(&mut r).unwrap());
}

#[test]
fn history_survives_a_json_round_trip() {
    let mut r = empty();
    let mut h = History::new();
    h.do_(add(0, "Zoë"), &mut r).unwrap();
    h.do_(
        Command::SetRelationship {
            id: id(0),
            value: Some(Relationship::Friend),
        },
        &mut r,
    )
    .unwrap();
    h.undo(&mut r).unwrap();
    let json = serde_json::to_string(&h).unwrap();
    let mut back: History = serde_json::from_str(&json).unwrap();
    assert_eq!(back, h);
    back.redo(&mut r).unwrap();
    assert_eq!(r.alters[0].relationship, Some(Relationship::Friend));
}

#[test]
fn a_new_action_forgets_the_redo_stack() {
    let mut r = empty();
    let mut h = History::new();
    h.do_(add(0, "Ann"), &mut r).unwrap();
    h.undo(&mut r).unwrap();
    assert!(h.can_redo());
    h.do_(add(5, "Eve"), &mut r).unwrap();
    assert!(!h.can_redo());
}

/// JSON trees equal up to float rounding (serde_json's default float parsing
/// may be one ulp off).
fn nearly_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
            _ => x == y,
        },
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| nearly_equal(p, q))
        }
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| nearly_equal(v, w)))
        }
        _ => a == b,
    }
}

fn any_id() -> impl Strategy<Value = AlterId> {
    (0u32..6).prop_map(AlterId)
}

fn any_place() -> impl Strategy<Value = PlaceRef> {
    prop_oneof![
        (0u32..3).prop_map(|n| PlaceRef::Listed(PlaceId::new(format!("p{n}")))),
        (0u32..3).prop_map(|n| PlaceRef::New(NewPlaceId(n))),
    ]
}

fn any_point() -> impl Strategy<Value = WorldPoint> {
    (-400.0f64..400.0, -400.0f64..400.0).prop_map(|(x, y)| WorldPoint::new(x, y))
}

fn any_command() -> impl Strategy<Value = Command> {
    let leaf = prop_oneof![
        (any_id(), "[a-zA-Zë ]{0,8}", any_point(), 0u8..5).prop_map(|(id, name, at, ring)| {
            Command::AddAlter {
                id,
                name,
                prompt: PromptId::new("help"),
                at,
                ring,
                time: Timestamp(7),
            }
        }),
        any_id().prop_map(|id| Command::RemoveAlter { id }),
        (any_id(), 0u32..3).prop_map(|(id, p)| Command::AddPromptToAlter {
            id,
            prompt: PromptId::new(format!("q{p}"))
        }),
        (any_id(), any_point(), 0u8..5).prop_map(|(id, to, ring)| Command::MoveAlter {
            id,
            to,
            ring
        }),
        (any_id(), "[a-z]{0,5}").prop_map(|(id, name)| Command::SetAlterName { id, name }),
        (any_id(), proptest::option::of(0usize..6)).prop_map(|(id, r)| Command::SetRelationship {
            id,
            value: r.map(|i| Relationship::ALL[i])
        }),
        (any_id(), proptest::option::of(0usize..4)).prop_map(|(id, f)| Command::SetFrequency {
            id,
            value: f.map(|i| Frequency::ALL[i])
        }),
        (any_id(), proptest::option::of(any::<bool>()))
            .prop_map(|(id, value)| Command::SetCanChange { id, value }),
        (any_id(), any_id(), proptest::option::of(0usize..4))
            .prop_map(|(a, b, index)| Command::AddTie { a, b, index }),
        (any_id(), any_id()).prop_map(|(a, b)| Command::RemoveTie { a, b }),
        (0u32..3, proptest::option::of("[a-z]{1,4}")).prop_map(|(q, value)| Command::SetAnswer {
            question: QuestionId::new(format!("q{q}")),
            value
        }),
        proptest::option::of(0u8..11).prop_map(|value| Command::SetWellbeing { value }),
        (any_place(), proptest::option::of(0usize..3)).prop_map(|(place, index)| {
            Command::AddPlaceVisit {
                visit: PlaceVisit {
                    place,
                    frequency: None,
                    information: false,
                    added_at: Timestamp(3),
                },
                index,
            }
        }),
        any_place().prop_map(|place| Command::RemovePlaceVisit { place }),
        (any_place(), proptest::option::of(0usize..4)).prop_map(|(place, f)| {
            Command::SetPlaceFrequency {
                place,
                value: f.map(|i| Frequency::ALL[i]),
            }
        }),
        (any_place(), any::<bool>())
            .prop_map(|(place, value)| Command::SetPlaceInformation { place, value }),
        (0u32..3, proptest::option::of(0usize..3)).prop_map(|(n, index)| Command::AddNewPlace {
            place: NewPlace {
                id: NewPlaceId(n),
                name: format!("n{n}"),
                category: PlaceCategory::Group
            },
            index,
        }),
        (0u32..3).prop_map(|n| Command::RemoveNewPlace { id: NewPlaceId(n) }),
        (0usize..8).prop_map(|i| Command::ToggleBarrier {
            barrier: Barrier::ALL[i]
        }),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(|commands| Command::Batch { commands })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_keep_invariants_and_undo_all_restores(cmds in prop::collection::vec(any_command(), 1..40)) {
        let original = empty();
        let mut r = original.clone();
        let mut h = History::new();
        for cmd in &cmds {
            let before = r.clone();
            let mut probe = r.clone();
            match round_trip(&mut probe, cmd) {
                Ok(()) => {
                    h.do_(cmd.clone(), &mut r).unwrap();
                    prop_assert_eq!(&r, &probe);
                }
                Err(_) => {
                    prop_assert!(h.do_(cmd.clone(), &mut r).is_err());
                    prop_assert_eq!(&r, &before);
                }
            }
            prop_assert!(r.check_invariants().is_ok());
            prop_assert!(r.alters.iter().all(|a| (1..=3).contains(&a.ring)));
        }
        let done = r.clone();
        while h.undo(&mut r).unwrap() {
            prop_assert!(r.check_invariants().is_ok());
        }
        prop_assert_eq!(&r, &original);
        while h.redo(&mut r).unwrap() {
            prop_assert!(r.check_invariants().is_ok());
        }
        prop_assert_eq!(&r, &done);
        let json = serde_json::to_string(&h).unwrap();
        // serde_json without `float_roundtrip` may drift by one ulp, so compare
        // what the store would write again rather than the floats themselves.
        let back: History = serde_json::from_str(&json).unwrap();
        let again = serde_json::to_value(&back).unwrap();
        prop_assert!(nearly_equal(&again, &serde_json::to_value(&h).unwrap()));
        prop_assert_eq!(back.undo.len(), h.undo.len());
    }
}
