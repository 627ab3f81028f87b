//! The data model: an [`Event`] (the facilitator's set-up), the [`Response`]s
//! residents give, and the [`Community`] that holds them with the merge log.
//! Stored documents carry a schema version; see [`schema`].

pub mod community;
pub mod event;
pub mod ids;
pub mod response;
pub mod schema;

pub use community::{Community, MergeDecision, PlaceDecision, PlaceResolution, Verdict};
pub use event::{
    AttributeQuestion, Event, KioskSettings, MapPicture, MapPin, Place, PlaceCategory, Prompt,
    PromptKind, PublicFigure, WellbeingScale,
};
pub use ids::{
    AlterId, AlterRef, EventId, NewPlaceId, PlaceId, PromptId, QuestionId, ResponseId, Timestamp,
};
pub use response::{
    name_key, Alter, AlterTie, Barrier, Frequency, NewPlace, PlaceRef, PlaceVisit, Relationship,
    Response, ResponseStatus, RINGS,
};
