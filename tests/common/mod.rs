//! Builders shared by the integration tests (each test file that needs one
//! says `mod common;`).

use weave::core::model::{
    Alter, AlterId, EventId, PlaceId, PlaceRef, PlaceVisit, PromptId, QuestionId, Relationship,
    Response, ResponseId, ResponseStatus, Timestamp,
};

/// A map finished just after `at`, in `area`, going to `places`, naming
/// `names` as friends who help (prompt `help`, middle ring). Checked
/// against the model's invariants, so no test runs on a response the app
/// could never hold.
pub fn resident(id: &str, at: i64, area: &str, places: &[&str], names: &[&str]) -> Response {
    let mut r = Response::new(ResponseId::new(id), EventId::new("e"), "en", Timestamp(at));
    r.status = ResponseStatus::Finished;
    r.finished_at = Some(Timestamp(at + 1));
    r.answers.insert(QuestionId::new("area"), area.into());
    for (i, name) in names.iter().enumerate() {
        r.alters.push(Alter {
            id: AlterId(i as u32),
            name: (*name).into(),
            prompts: vec![PromptId::new("help")],
            ring: 2,
            x: 240.0,
            y: 0.0,
            relationship: Some(Relationship::Friend),
            frequency: None,
            can_change: None,
            public_figure: false,
            added_at: Timestamp(at),
        });
    }
    for p in places {
        r.places.push(PlaceVisit {
            place: PlaceRef::Listed(PlaceId::new(*p)),
            frequency: None,
            information: false,
            added_at: Timestamp(at),
        });
    }
    if let Err(e) = r.check_invariants() {
        panic!("test response {id} breaks the model's invariants: {e:?}");
    }
    r
}
