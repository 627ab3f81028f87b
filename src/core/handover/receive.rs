//! The facilitator's side of a hand-over: is this map new, a repeat of one
//! already added (the same codes scanned twice, or the file dropped after the
//! codes were scanned), or not for this event at all?

use super::offer::Parcel;
use crate::core::model::{Community, Response};

#[derive(Debug, Clone, PartialEq)]
pub enum Receipt {
    /// A new finished map: add it. `older_places` when it was answered
    /// against another version of the place list.
    Add {
        response: Box<Response>,
        older_places: bool,
    },
    /// This map is already in the event; nothing changes.
    Duplicate,
    /// A map with this id is already in the event but differs; the first one
    /// is kept.
    Conflict,
    /// The map belongs to another event.
    OtherEvent,
    /// The map breaks the model's rules (unfinished, inconsistent ties).
    Invalid(String),
}

/// Decides what to do with an opened parcel, without changing anything.
pub fn receive(community: &Community, parcel: Parcel, places_version: &str) -> Receipt {
    let response = parcel.response;
    if response.event != community.event.id {
        return Receipt::OtherEvent;
    }
    if let Some(existing) = community.response(&response.id) {
        return if *existing == response {
            Receipt::Duplicate
        } else {
            Receipt::Conflict
        };
    }
    if !response.is_finished() {
        return Receipt::Invalid("the map was not finished".into());
    }
    if let Err(why) = response.check_invariants() {
        return Receipt::Invalid(why);
    }
    Receipt::Add {
        older_places: parcel.places_version != places_version,
        response: Box::new(response),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community_sized;
    use crate::core::model::{EventId, ResponseId, ResponseStatus, Timestamp};

    fn setup() -> (Community, Response) {
        let mut community = demo_community_sized(2, 3);
        let mut incoming = community.responses.pop().unwrap();
        incoming.id = ResponseId::new("r-phone");
        incoming.status = ResponseStatus::Finished;
        (community, incoming)
    }

    fn parcel(r: &Response, places: &str) -> Parcel {
        Parcel::new(r.clone(), places.into(), Timestamp(5))
    }

    #[test]
    fn new_then_duplicate_then_conflict() {
        let (mut community, incoming) = setup();
        let receipt = receive(&community, parcel(&incoming, "v1"), "v1");
        assert_eq!(
            receipt,
            Receipt::Add {
                response: Box::new(incoming.clone()),
                older_places: false
            }
        );
        community.upsert_response(incoming.clone());
        assert_eq!(
            receive(&community, parcel(&incoming, "v1"), "v1"),
            Receipt::Duplicate
        );
        let mut changed = incoming.clone();
        changed.wellbeing = Some(3);
        assert_eq!(
            receive(&community, parcel(&changed, "v1"), "v1"),
            Receipt::Conflict
        );
    }

    #[test]
    fn foreign_unfinished_and_stale_maps() {
        let (community, incoming) = setup();
        let mut foreign = incoming.clone();
        foreign.event = EventId::new("another-event");
        assert_eq!(
            receive(&community, parcel(&foreign, "v1"), "v1"),
            Receipt::OtherEvent
        );
        let mut draft = incoming.clone();
        draft.status = ResponseStatus::Draft;
        assert!(matches!(
            receive(&community, parcel(&draft, "v1"), "v1"),
            Receipt::Invalid(_)
        ));
        assert!(matches!(
            receive(&community, parcel(&incoming, "v0"), "v1"),
            Receipt::Add {
                older_places: true,
                ..
            }
        ));
    }
}
