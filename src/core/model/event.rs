//! The facilitator's event configuration: prompts, places, questions, languages, kiosk rules.

use super::ids::{EventId, PlaceId, PromptId, QuestionId};
use serde::{Deserialize, Serialize};

/// What a name generator asks. Built-in kinds have translated wording in the
/// i18n layer; `Custom` carries the facilitator's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptKind {
    /// Who do you rely on / go to for help?
    Help,
    /// Who do you trust?
    Trust,
    /// Where or who do you go to find out what's going on locally?
    Information,
    /// Who can change things locally / links you to the council?
    ChangeMaker,
    /// Who are the active people (activists, organisers) you know?
    Active,
    Custom,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: PromptId,
    pub kind: PromptKind,
    /// The facilitator's wording; `None` uses the translated default for `kind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceCategory {
    Venue,
    Group,
    Service,
    Information,
    Online,
}

impl PlaceCategory {
    pub const ALL: [PlaceCategory; 5] = [
        PlaceCategory::Venue,
        PlaceCategory::Group,
        PlaceCategory::Service,
        PlaceCategory::Information,
        PlaceCategory::Online,
    ];
}

/// A position on the facilitator's local map picture, as fractions (0..=1) of its
/// width and height, so it survives a picture being replaced by a larger scan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MapPin {
    pub x: f64,
    pub y: f64,
}

/// The facilitator's picture of the local area, shown behind the places.
/// Only its description lives in the event; the bytes are kept in the
/// browser's store under [`MapPicture::key`], so the event stays small and
/// is cheap to save after every pin is moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapPicture {
    /// Content-derived id: a new picture gets a new key, so a stale copy is never shown.
    pub id: String,
    /// `image/png`, `image/jpeg` or `image/svg+xml`, as sniffed from the bytes.
    pub mime: String,
    /// Intrinsic size in pixels; pins are fractions of it.
    pub width: u32,
    pub height: u32,
    /// The file name it was uploaded as, for the facilitator.
    #[serde(default)]
    pub file_name: String,
    pub bytes: u64,
}

impl MapPicture {
    /// Where the bytes are kept in the browser store's blob bucket.
    pub fn key(&self) -> String {
        format!("map-picture/{}", self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub category: PlaceCategory,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<MapPin>,
}

/// An optional "about you" question with fixed choices (area, age band, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributeQuestion {
    pub id: QuestionId,
    pub label: String,
    pub choices: Vec<String>,
}

/// Someone whose role is public (the councillor, the vicar): residents may pick
/// them from a suggestion list, and play-back may label them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicFigure {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WellbeingScale {
    #[default]
    None,
    /// ONS life satisfaction, 0–10.
    OnsLifeSatisfaction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskSettings {
    pub idle_seconds: u32,
    pub warning_seconds: u32,
    /// When false, named people become numbered placeholders ("Person 1").
    pub record_names: bool,
}

impl Default for KioskSettings {
    fn default() -> Self {
        Self {
            idle_seconds: 60,
            warning_seconds: 15,
            record_names: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub name: String,
    /// ISO 8601 date of the event, e.g. "2026-11-22".
    pub date: String,
    pub prompts: Vec<Prompt>,
    pub places: Vec<Place>,
    pub attributes: Vec<AttributeQuestion>,
    /// BCP 47 tags the resident may choose from; the first is the default.
    pub languages: Vec<String>,
    pub kiosk: KioskSettings,
    #[serde(default)]
    pub roster: Vec<PublicFigure>,
    #[serde(default)]
    pub wellbeing: WellbeingScale,
    /// The facilitator's consent wording; `None` uses the translated default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_text: Option<String>,
    /// The local-area picture places are pinned on (schema 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<MapPicture>,
}

impl Event {
    /// A new event with the default prompts from the Connected Communities survey.
    pub fn new(id: EventId, name: impl Into<String>, date: impl Into<String>) -> Self {
        let prompts = [
            ("help", PromptKind::Help),
            ("trust", PromptKind::Trust),
            ("info", PromptKind::Information),
            ("change", PromptKind::ChangeMaker),
            ("active", PromptKind::Active),
        ]
        .into_iter()
        .map(|(id, kind)| Prompt {
            id: PromptId::new(id),
            kind,
            text: None,
        })
        .collect();
        Self {
            id,
            name: name.into(),
            date: date.into(),
            prompts,
            places: Vec::new(),
            attributes: Vec::new(),
            languages: vec!["en".into()],
            kiosk: KioskSettings::default(),
            roster: Vec::new(),
            wellbeing: WellbeingScale::None,
            consent_text: None,
            map: None,
        }
    }

    pub fn place(&self, id: &PlaceId) -> Option<&Place> {
        self.places.iter().find(|p| &p.id == id)
    }

    pub fn place_mut(&mut self, id: &PlaceId) -> Option<&mut Place> {
        self.places.iter_mut().find(|p| &p.id == id)
    }

    pub fn prompt(&self, id: &PromptId) -> Option<&Prompt> {
        self.prompts.iter().find(|p| &p.id == id)
    }
}
