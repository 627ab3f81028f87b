//! Stored documents and their schema versions. A document is read by looking at
//! its `schema` number first, decoding it with the types of that version, and
//! migrating it one typed step at a time to the current one. A newer or unknown
//! version is refused with a clear message and the stored bytes are left alone.

use super::community::Community;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The schema this build writes.
///
/// History: 1 = the first prototype; 2 = several prompts per named person and
/// the place-decision log; 3 = the event's local-area map picture
/// (`Event::map`) and taken-back place decisions (`PlaceResolution::Reopen`).
pub const CURRENT_SCHEMA: u32 = 3;

/// Whether a resident's saved draft (a response, its undo history and step)
/// written with schema `n` can be resumed by this build. Schema 3 changed
/// nothing a draft holds, so a map in progress survives the upgrade.
pub fn draft_readable(n: u32) -> bool {
    matches!(n, 2 | 3)
}

#[derive(Debug, Error, PartialEq)]
pub enum LoadError {
    #[error("this data was saved by a newer version of Weave (format {found}, this app reads up to {CURRENT_SCHEMA}); update the app — your data has not been changed")]
    TooNew { found: u32 },
    #[error("this data has an unknown format number ({found}); your data has not been changed")]
    Unknown { found: u32 },
    #[error("this is not Weave data: {0}")]
    NotWeave(String),
    #[error("the saved data is damaged at line {line}, column {column}: {message}")]
    Damaged {
        line: usize,
        column: usize,
        message: String,
    },
}

impl LoadError {
    fn from_json(e: serde_json::Error) -> Self {
        LoadError::Damaged {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    schema: u32,
    community: &'a Community,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema: Option<u32>,
}

#[derive(Deserialize)]
struct Envelope<T> {
    community: T,
}

/// The marker every Weave document carries, so a random JSON file is told apart.
pub const FORMAT_TAG: &str = "weave";

/// Serialises a community with the current schema number.
pub fn to_json(community: &Community) -> String {
    let env = EnvelopeOut {
        format: FORMAT_TAG,
        schema: CURRENT_SCHEMA,
        community,
    };
    // A Community holds only strings, numbers and maps with string keys, which
    // serde_json always serialises; an error here would be a bug in the model.
    serde_json::to_string(&env).unwrap_or_else(|e| panic!("model serialisation failed: {e}"))
}

/// Reads any schema version this build knows and migrates it to the current one.
pub fn from_json(text: &str) -> Result<Community, LoadError> {
    let header: Header = serde_json::from_str(text).map_err(LoadError::from_json)?;
    if header.format.as_deref() != Some(FORMAT_TAG) {
        return Err(LoadError::NotWeave(
            "it has no \"format\": \"weave\" marker".into(),
        ));
    }
    let schema = header
        .schema
        .ok_or_else(|| LoadError::NotWeave("it has no schema number".into()))?;
    match schema {
        1 => {
            let env: Envelope<v1::Community> =
                serde_json::from_str(text).map_err(LoadError::from_json)?;
            Ok(v1::migrate(env.community))
        }
        2 => {
            let env: Envelope<v2::Community> =
                serde_json::from_str(text).map_err(LoadError::from_json)?;
            Ok(v2::migrate(env.community))
        }
        3 => {
            let env: Envelope<Community> =
                serde_json::from_str(text).map_err(LoadError::from_json)?;
            Ok(env.community)
        }
        n if n > CURRENT_SCHEMA => Err(LoadError::TooNew { found: n }),
        n => Err(LoadError::Unknown { found: n }),
    }
}

/// Schema 1, the first prototype's: each named person carried exactly one
/// prompt, and there was no place-decision log. Frozen: never edit these types.
pub mod v1 {
    use crate::core::model::{self as current, AlterId, AlterTie, Event, MergeDecision, PromptId};
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Alter {
        pub id: AlterId,
        pub name: String,
        pub prompt: PromptId,
        pub ring: u8,
        pub x: f64,
        pub y: f64,
        pub added_at: current::Timestamp,
    }

    #[derive(Deserialize)]
    pub struct Response {
        pub id: current::ResponseId,
        pub event: current::EventId,
        pub status: current::ResponseStatus,
        pub consented_at: current::Timestamp,
        pub updated_at: current::Timestamp,
        pub finished_at: Option<current::Timestamp>,
        pub language: String,
        #[serde(default)]
        pub answers: std::collections::BTreeMap<current::QuestionId, String>,
        #[serde(default)]
        pub alters: Vec<Alter>,
        #[serde(default)]
        pub ties: Vec<AlterTie>,
    }

    #[derive(Deserialize)]
    pub struct Community {
        pub event: Event,
        #[serde(default)]
        pub responses: Vec<Response>,
        #[serde(default)]
        pub merges: Vec<MergeDecision>,
    }

    pub fn migrate(old: Community) -> current::Community {
        let responses = old
            .responses
            .into_iter()
            .map(|r| {
                let mut new = current::Response::new(r.id, r.event, r.language, r.consented_at);
                new.status = r.status;
                new.updated_at = r.updated_at;
                new.finished_at = r.finished_at;
                new.answers = r.answers;
                new.ties = r.ties;
                new.alters = r
                    .alters
                    .into_iter()
                    .map(|a| current::Alter {
                        id: a.id,
                        name: a.name,
                        prompts: vec![a.prompt],
                        ring: a.ring,
                        x: a.x,
                        y: a.y,
                        relationship: None,
                        frequency: None,
                        can_change: None,
                        public_figure: false,
                        added_at: a.added_at,
                    })
                    .collect();
                new
            })
            .collect();
        current::Community {
            event: old.event,
            responses,
            merges: old.merges,
            place_decisions: Vec::new(),
        }
    }
}

/// Schema 2 to 3. Schema 3 only *added* to what schema 2 could say (an
/// optional map picture on the event, a `Reopen` place decision), so every
/// schema 2 document is also a well-formed schema 3 document: the typed step
/// is to decode with the current types, which fill the additions with their
/// defaults. The number still had to change, so an older Weave refuses a
/// schema 3 document with "newer version" instead of misreading a `Reopen`.
pub mod v2 {
    use crate::core::model as current;

    pub type Community = current::Community;

    pub fn migrate(old: Community) -> current::Community {
        debug_assert!(old.event.map.is_none(), "schema 2 has no map picture");
        old
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Event, EventId};

    fn sample() -> Community {
        Community::new(Event::new(EventId::new("e1"), "Murton fair", "2026-11-22"))
    }

    #[test]
    fn round_trips_current_schema() {
        let c = sample();
        assert_eq!(from_json(&to_json(&c)), Ok(c));
    }

    #[test]
    fn refuses_newer_schema_clearly() {
        let text = to_json(&sample()).replace("\"schema\":3", "\"schema\":9");
        let err = from_json(&text).unwrap_err();
        assert_eq!(err, LoadError::TooNew { found: 9 });
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn refuses_schema_zero_and_foreign_json() {
        let text = to_json(&sample()).replace("\"schema\":3", "\"schema\":0");
        assert_eq!(from_json(&text), Err(LoadError::Unknown { found: 0 }));
        assert!(matches!(
            from_json("{\"a\":1}"),
            Err(LoadError::NotWeave(_))
        ));
    }

    #[test]
    fn damaged_json_names_line_and_column() {
        match from_json("{\n  \"format\": \"weave\",\n  oops") {
            Err(LoadError::Damaged { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected Damaged, got {other:?}"),
        }
    }

    #[test]
    fn migrates_schema_one() {
        let event = serde_json::to_string(&sample().event).unwrap();
        let text = format!(
            r#"{{"format":"weave","schema":1,"community":{{"event":{event},"responses":[{{
              "id":"r1","event":"e1","status":"finished","consented_at":1,"updated_at":2,
              "finished_at":3,"language":"en",
              "alters":[{{"id":0,"name":"Dave","prompt":"help","ring":1,"x":1.0,"y":2.0,"added_at":1}}],
              "ties":[]}}]}}}}"#
        );
        let c = from_json(&text).unwrap();
        let alter = &c.responses[0].alters[0];
        assert_eq!(
            alter.prompts,
            vec![crate::core::model::PromptId::new("help")]
        );
        assert_eq!(alter.name, "Dave");
        assert!(c.place_decisions.is_empty());
    }

    #[test]
    fn loads_schema_two_documents_with_place_decisions() {
        // A schema 2 document as the previous release wrote it: no map picture,
        // a merge decision about a resident-added place.
        let event = serde_json::to_string(&sample().event).unwrap();
        assert!(!event.contains("\"map\""));
        let text = format!(
            r#"{{"format":"weave","schema":2,"community":{{"event":{event},"responses":[],
              "merges":[],"place_decisions":[{{"response":"r1","new_place":0,
              "resolution":{{"action":"merge_into","place":"library"}},"decided_at":7}}]}}}}"#
        );
        let c = from_json(&text).unwrap();
        assert_eq!(c.event.map, None);
        assert_eq!(
            c.place_resolution(
                &crate::core::model::ResponseId::new("r1"),
                crate::core::model::NewPlaceId(0)
            ),
            Some(&crate::core::model::PlaceResolution::MergeInto {
                place: crate::core::model::PlaceId::new("library")
            })
        );
    }

    #[test]
    fn schema_three_round_trips_a_map_and_a_reopened_decision() {
        use crate::core::model::{
            MapPicture, NewPlaceId, PlaceDecision, PlaceResolution, ResponseId, Timestamp,
        };
        let mut c = sample();
        c.event.map = Some(MapPicture {
            id: "abc".into(),
            mime: "image/png".into(),
            width: 800,
            height: 600,
            file_name: "murton.png".into(),
            bytes: 1234,
        });
        c.place_decisions.push(PlaceDecision {
            response: ResponseId::new("r1"),
            new_place: NewPlaceId(0),
            resolution: PlaceResolution::Reopen,
            decided_at: Timestamp(9),
        });
        let text = to_json(&c);
        assert!(text.contains("\"schema\":3"));
        assert_eq!(from_json(&text), Ok(c));
    }

    #[test]
    fn drafts_of_schema_two_and_three_can_be_resumed() {
        assert!(draft_readable(2) && draft_readable(3));
        assert!(!draft_readable(1) && !draft_readable(4));
    }
}
