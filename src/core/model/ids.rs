//! Identifier newtypes, so a place id can never be passed where a person id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// One event (a consultation day, a festival stall); responses belong to exactly one.
    EventId
);
string_id!(
    /// One resident's response; random, so two kiosks never clash.
    ResponseId
);
string_id!(
    /// A name generator prompt in the event configuration.
    PromptId
);
string_id!(
    /// An entry in the facilitator's local place list.
    PlaceId
);
string_id!(
    /// An "about you" question in the event configuration.
    QuestionId
);

/// A person named inside one response. Local to that response: the same number
/// in two responses means nothing; see [`AlterRef`] for the community-wide key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AlterId(pub u32);

/// A named person anywhere in the community: which response, which bubble.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AlterRef {
    pub response: ResponseId,
    pub alter: AlterId,
}

/// A place a resident added that was not on the facilitator's list; local to the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NewPlaceId(pub u32);

/// Milliseconds since the Unix epoch. The core has no clock: the platform passes time in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);
