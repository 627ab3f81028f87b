//! One resident's answers: consent, about-you answers, the people they named
//! and how those people know each other, and the places they go.

use super::event::PlaceCategory;
use super::ids::{
    AlterId, EventId, NewPlaceId, PlaceId, PromptId, QuestionId, ResponseId, Timestamp,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Family,
    Friend,
    Neighbour,
    Work,
    Service,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 6] = [
        Relationship::Family,
        Relationship::Friend,
        Relationship::Neighbour,
        Relationship::Work,
        Relationship::Service,
        Relationship::Other,
    ];
}

/// How often the resident is in touch with a person, or goes to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Rarely,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Rarely,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Barrier {
    Cost,
    Transport,
    Times,
    Language,
    Confidence,
    Caring,
    Health,
    Other,
}

impl Barrier {
    pub const ALL: [Barrier; 8] = [
        Barrier::Cost,
        Barrier::Transport,
        Barrier::Times,
        Barrier::Language,
        Barrier::Confidence,
        Barrier::Caring,
        Barrier::Health,
        Barrier::Other,
    ];
}

/// Rings around "me": 1 is the closest. Kept small so a finger can hit each ring.
pub const RINGS: u8 = 3;

/// A person the resident named (an alter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alter {
    pub id: AlterId,
    /// As typed; first names, nicknames or initials are enough. Empty when the
    /// event does not record names (then `label` numbers the person instead).
    pub name: String,
    /// Every prompt under which the resident named this person.
    pub prompts: Vec<PromptId>,
    /// 1 = closest ring.
    pub ring: u8,
    /// Where the bubble sits, in canvas world units (me at the origin).
    pub x: f64,
    pub y: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_change: Option<bool>,
    /// Picked from the event's roster of public figures.
    #[serde(default)]
    pub public_figure: bool,
    pub added_at: Timestamp,
}

/// "These two people I named know each other."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AlterTie {
    pub a: AlterId,
    pub b: AlterId,
}

impl AlterTie {
    /// Ties are undirected: store the smaller id first so equality is structural.
    pub fn new(a: AlterId, b: AlterId) -> Self {
        if a <= b {
            Self { a, b }
        } else {
            Self { a: b, b: a }
        }
    }
    pub fn touches(&self, id: AlterId) -> bool {
        self.a == id || self.b == id
    }
}

/// Either a place from the facilitator's list, or one the resident added.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRef {
    Listed(PlaceId),
    New(NewPlaceId),
}

/// A place the resident added that the facilitator has not reviewed yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewPlace {
    pub id: NewPlaceId,
    pub name: String,
    pub category: PlaceCategory,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceVisit {
    pub place: PlaceRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// The resident gets local information here.
    #[serde(default)]
    pub information: bool,
    pub added_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    Draft,
    Finished,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub id: ResponseId,
    pub event: EventId,
    pub status: ResponseStatus,
    /// When consent was given; a response never exists before it.
    pub consented_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    /// The interface language the resident used.
    pub language: String,
    /// About-you answers: question id -> chosen option.
    #[serde(default)]
    pub answers: BTreeMap<QuestionId, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wellbeing: Option<u8>,
    #[serde(default)]
    pub alters: Vec<Alter>,
    #[serde(default)]
    pub ties: Vec<AlterTie>,
    #[serde(default)]
    pub new_places: Vec<NewPlace>,
    #[serde(default)]
    pub places: Vec<PlaceVisit>,
    #[serde(default)]
    pub barriers: Vec<Barrier>,
    /// Shown to the resident at the end; lets the facilitator withdraw this response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal_code: Option<String>,
}

impl Response {
    pub fn new(
        id: ResponseId,
        event: EventId,
        language: impl Into<String>,
        now: Timestamp,
    ) -> Self {
        Self {
            id,
            event,
            status: ResponseStatus::Draft,
            consented_at: now,
            updated_at: now,
            finished_at: None,
            language: language.into(),
            answers: BTreeMap::new(),
            wellbeing: None,
            alters: Vec::new(),
            ties: Vec::new(),
            new_places: Vec::new(),
            places: Vec::new(),
            barriers: Vec::new(),
            withdrawal_code: None,
        }
    }

    pub fn alter(&self, id: AlterId) -> Option<&Alter> {
        self.alters.iter().find(|a| a.id == id)
    }

    pub fn alter_mut(&mut self, id: AlterId) -> Option<&mut Alter> {
        self.alters.iter_mut().find(|a| a.id == id)
    }

    /// The next free local id; ids are never reused, so undo cannot confuse two bubbles.
    pub fn next_alter_id(&self) -> AlterId {
        AlterId(self.alters.iter().map(|a| a.id.0 + 1).max().unwrap_or(0))
    }

    pub fn next_new_place_id(&self) -> NewPlaceId {
        NewPlaceId(
            self.new_places
                .iter()
                .map(|p| p.id.0 + 1)
                .max()
                .unwrap_or(0),
        )
    }

    pub fn is_finished(&self) -> bool {
        self.status == ResponseStatus::Finished
    }

    /// Someone already named whose name matches, ignoring case and spacing, so
    /// naming them under a second prompt offers the existing bubble.
    pub fn find_alter_by_name(&self, name: &str) -> Option<&Alter> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        self.alters.iter().find(|a| name_key(&a.name) == key)
    }

    /// Checks the invariants every stored response keeps; used on load and in tests.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut ids: Vec<_> = self.alters.iter().map(|a| a.id).collect();
        ids.sort();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err("two named people share an id".into());
        }
        for t in &self.ties {
            if t.a == t.b {
                return Err("a tie joins a person to themselves".into());
            }
            if self.alter(t.a).is_none() || self.alter(t.b).is_none() {
                return Err("a tie points at someone who is not on the map".into());
            }
        }
        let mut ties = self.ties.clone();
        ties.sort_by_key(|t| (t.a, t.b));
        if ties.windows(2).any(|w| w[0] == w[1]) {
            return Err("the same tie is drawn twice".into());
        }
        for v in &self.places {
            if let PlaceRef::New(id) = v.place {
                if !self.new_places.iter().any(|p| p.id == id) {
                    return Err("a place visit points at an unknown new place".into());
                }
            }
        }
        Ok(())
    }
}

/// Lower-case, single-spaced; the resident-side duplicate check (not the
/// facilitator's matching, which is far more thorough).
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}
