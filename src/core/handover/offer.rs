//! What travels in the codes. The event offer (facilitator -> phone) is the
//! event's set-up and public key, never any response; the parcel (phone ->
//! facilitator) is one finished response, sealed. Both are JSON compressed
//! with raw DEFLATE, so a typical event fits a few codes.

use super::envelope::{self, key_id_text, EventKeyPair, OpenError};
use super::hex::serde32;
use crate::core::model::{Event, EventId, Place, Response, Timestamp};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

const OFFER_FORMAT: u32 = 1;
const PARCEL_FORMAT: u32 = 1;
/// Refuse to inflate anything larger: a map is a few KB, an event tens.
const MAX_INFLATED: usize = 4 * 1024 * 1024;

/// A short version of the place list (8 hex digits of its SHA-256): a
/// response says which list it was answered against.
pub fn places_version(places: &[Place]) -> String {
    let json = serde_json::to_vec(places).unwrap_or_default();
    super::hex::encode(&Sha256::digest(&json)[..4])
}

/// What a phone gets from the event code: everything the resident flow
/// needs (prompts, places, questions, languages, consent wording, the
/// roster of public figures) and the key to seal the map with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventOffer {
    pub format: u32,
    pub event: Event,
    pub places_version: String,
    #[serde(with = "serde32")]
    pub public_key: [u8; 32],
}

impl EventOffer {
    pub fn new(event: &Event, key: &EventKeyPair) -> Self {
        Self {
            format: OFFER_FORMAT,
            event: event.clone(),
            places_version: places_version(&event.places),
            public_key: key.public,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        deflate(&serde_json::to_vec(self).unwrap_or_default())
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, OfferError> {
        let json = inflate(bytes)?;
        let offer: Self =
            serde_json::from_slice(&json).map_err(|e| OfferError::Unreadable(e.to_string()))?;
        if offer.format > OFFER_FORMAT {
            return Err(OfferError::TooNew);
        }
        Ok(offer)
    }

    pub fn joined(&self, now: Timestamp) -> JoinedEvent {
        JoinedEvent {
            event: self.event.id.clone(),
            public_key: self.public_key,
            places_version: self.places_version.clone(),
            joined_at: now,
        }
    }
}

/// On a phone: the event it joined by scanning, kept in this device's own
/// store. Its finished maps are sealed to `public_key` and handed over
/// instead of being kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinedEvent {
    pub event: EventId,
    #[serde(with = "serde32")]
    pub public_key: [u8; 32],
    pub places_version: String,
    pub joined_at: Timestamp,
}

impl JoinedEvent {
    pub fn key_id(&self) -> String {
        key_id_text(&self.public_key)
    }
}

/// One finished response on its way to the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parcel {
    pub format: u32,
    pub response: Response,
    /// The place list the resident saw (see [`places_version`]).
    pub places_version: String,
    pub sent_at: Timestamp,
}

impl Parcel {
    pub fn new(response: Response, places_version: String, now: Timestamp) -> Self {
        Self {
            format: PARCEL_FORMAT,
            response,
            places_version,
            sent_at: now,
        }
    }

    /// Compresses and seals the parcel to `recipient`; `ephemeral` is fresh
    /// random bytes.
    pub fn seal(&self, recipient: &[u8; 32], ephemeral: [u8; 32]) -> Vec<u8> {
        let json = serde_json::to_vec(self).unwrap_or_default();
        envelope::seal(&deflate(&json), recipient, ephemeral)
    }

    /// Opens a sealed parcel with the event's key pair.
    pub fn open(sealed: &[u8], key: &EventKeyPair) -> Result<Self, OfferError> {
        let json = inflate(&key.open(sealed)?)?;
        let parcel: Self =
            serde_json::from_slice(&json).map_err(|e| OfferError::Unreadable(e.to_string()))?;
        if parcel.format > PARCEL_FORMAT {
            return Err(OfferError::TooNew);
        }
        Ok(parcel)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OfferError {
    #[error(transparent)]
    Sealed(#[from] OpenError),
    #[error("the data could not be read ({0})")]
    Unreadable(String),
    #[error("this was made by a newer version of Weave")]
    TooNew,
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, OfferError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_INFLATED)
        .map_err(|e| OfferError::Unreadable(format!("{:?}", e.status)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community_sized;
    use crate::core::handover::frames::{split, Kind};

    fn key() -> EventKeyPair {
        EventKeyPair::from_random(EventId::new("e"), [11; 32], Timestamp(1))
    }

    #[test]
    fn the_demo_event_fits_a_handful_of_codes() {
        let community = demo_community_sized(3, 1);
        let offer = EventOffer::new(&community.event, &key());
        let bytes = offer.to_bytes();
        assert_eq!(EventOffer::from_bytes(&bytes), Ok(offer));
        let frames = split(Kind::Event, &bytes);
        assert!(frames.len() <= 8, "{} frames", frames.len());
    }

    #[test]
    fn a_parcel_round_trips_sealed_and_hides_names() {
        let community = demo_community_sized(3, 4);
        let response = community.responses[0].clone();
        let parcel = Parcel::new(response.clone(), "abcd0123".into(), Timestamp(9));
        let sealed = parcel.seal(&key().public, [5; 32]);
        assert_eq!(Parcel::open(&sealed, &key()), Ok(parcel));
        for alter in &response.alters {
            if alter.name.len() > 3 {
                let name = alter.name.as_bytes();
                assert!(!sealed.windows(name.len()).any(|w| w == name));
            }
        }
    }

    #[test]
    fn garbage_is_a_message_not_a_panic() {
        assert!(matches!(
            EventOffer::from_bytes(b"nonsense"),
            Err(OfferError::Unreadable(_))
        ));
        let other = EventKeyPair::from_random(EventId::new("x"), [12; 32], Timestamp(1));
        let sealed = Parcel::new(
            demo_community_sized(1, 1).responses[0].clone(),
            "v".into(),
            Timestamp(1),
        )
        .seal(&other.public, [1; 32]);
        assert!(matches!(
            Parcel::open(&sealed, &key()),
            Err(OfferError::Sealed(OpenError::OtherKey { .. }))
        ));
    }

    #[test]
    fn the_places_version_follows_the_list() {
        let mut event = demo_community_sized(1, 1).event;
        let before = places_version(&event.places);
        assert_eq!(before.len(), 8);
        event.places.pop();
        assert_ne!(places_version(&event.places), before);
    }
}
