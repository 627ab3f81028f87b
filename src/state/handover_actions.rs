//! Hand-over operations on the shared state: the facilitator's event key and
//! event code, a phone joining an event and sealing its finished map, the
//! facilitator receiving maps, and moving a key to a second device. The pure
//! parts are in `core::handover`; this module only fetches randomness and
//! time, stores, and dispatches.

use super::app_state::Action;
use super::context::{health, save_device_value, AppContext, Repo, StateCell};
use crate::core::handover::offer::places_version;
use crate::core::handover::{
    frames, receive, EventKeyPair, EventOffer, HandoverDevice, Kind, OfferError, OpenError,
    Outgoing, Parcel, Receipt,
};
use crate::core::model::{Community, Response, ResponseId};
use crate::platform::{clock, files, tabs};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// What became of a map the facilitator's device read, for its message.
#[derive(Debug, Clone, PartialEq)]
pub enum Received {
    Added {
        people: usize,
        older_places: bool,
    },
    Duplicate,
    Conflict,
    OtherEvent,
    OtherKey {
        key_id: String,
    },
    Tampered,
    /// This device holds no key for the event (it never showed the code).
    NoKey,
    Invalid(String),
}

impl Received {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            Received::Added {
                older_places: false,
                ..
            } => "ho-received-added",
            Received::Added {
                older_places: true, ..
            } => "ho-received-added-old-places",
            Received::Duplicate => "ho-received-duplicate",
            Received::Conflict => "ho-received-conflict",
            Received::OtherEvent => "ho-received-other-event",
            Received::OtherKey { .. } => "ho-received-other-key",
            Received::Tampered => "ho-received-tampered",
            Received::NoKey => "ho-received-no-key",
            Received::Invalid(_) => "ho-received-invalid",
        }
    }

    pub fn is_ok(&self) -> bool {
        matches!(self, Received::Added { .. } | Received::Duplicate)
    }
}

/// Loads this device's hand-over state at boot.
pub async fn boot(repo: &Repo, dispatcher: &UseReducerDispatcher<StateCell>) {
    match repo.load_handover().await {
        Ok(device) => dispatcher.dispatch(Action::HandoverLoaded(device)),
        Err(e) => {
            // Leave the stored record alone; it is reported, not replaced.
            web_sys::console::error_1(&format!("Weave: {e}").into());
            dispatcher.dispatch(Action::StorageProblem(health(&e)));
        }
    }
}

/// Saves the hand-over state whenever it changes.
#[hook]
pub fn use_handover_saving(state: &UseReducerHandle<StateCell>, repo: &Rc<RefCell<Option<Repo>>>) {
    let rev = state.0.handover_rev;
    let device = state.0.handover.clone();
    let repo = repo.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(rev, move |rev| {
        if *rev > 0 {
            save_device_value(&repo, dispatcher, move |repo| async move {
                repo.save_handover(&device).await
            });
        }
        || ()
    });
}

impl AppContext {
    fn set_handover(&self, change: impl FnOnce(&mut HandoverDevice)) {
        let mut device = self.state().handover.clone();
        change(&mut device);
        self.dispatch(Action::SetHandover(device));
    }

    /// The key this device shows for the current event, made on first use.
    pub fn ensure_event_key(&self) -> Option<EventKeyPair> {
        let event = self.state().community.event.id.clone();
        if let Some(key) = self.state().handover.key_for(&event) {
            return Some(key.clone());
        }
        if !self.state().storage.can_write() {
            // A key that cannot be kept would strand every phone's map.
            return None;
        }
        let key = EventKeyPair::from_random(event, clock::random_bytes::<32>(), clock::now());
        let made = key.clone();
        self.set_handover(move |d| {
            d.add_key(made);
        });
        Some(key)
    }

    /// The event code's frames for the current event and `key`.
    pub fn event_frames(&self, key: &EventKeyPair) -> Vec<String> {
        let offer = EventOffer::new(&self.state().community.event, key);
        frames::split(Kind::Event, &offer.to_bytes())
    }

    /// Downloads the event code as a `.weave` file (for the embed option, or
    /// a phone that cannot scan).
    pub fn download_event_file(&self, key: &EventKeyPair) {
        let mut text = String::from("Weave event. Open it on the Join an event screen.\n");
        for f in self.event_frames(key) {
            text.push_str(&f);
            text.push('\n');
        }
        let name = format!("weave-event-{}.weave", self.state().community.event.id);
        let _ = files::download(&name, "text/plain", text.as_bytes());
    }

    /// Makes this device a phone for `offer`'s event: the set-up replaces
    /// what the device showed (the demo), and finished maps are sealed.
    pub fn join(&self, offer: &EventOffer) {
        let joined = offer.joined(clock::now());
        self.set_handover(move |d| d.joined = Some(joined));
        self.replace_community(Community::new(offer.event.clone()));
    }

    /// The phone side of `finish`: seal the map to the joined event's key,
    /// keep only the sealed copy. Returns false when this device did not join
    /// the response's event (the map is then stored as on a kiosk).
    pub fn hand_over(&self, response: &Response) -> bool {
        let Some(joined) = self.state().handover.joined_for(&response.event).cloned() else {
            return false;
        };
        let now = clock::now();
        let parcel = Parcel::new(response.clone(), joined.places_version.clone(), now);
        let sealed = parcel.seal(&joined.public_key, clock::random_bytes::<32>());
        let outgoing = Outgoing::new(
            response.id.clone(),
            response.event.clone(),
            response.withdrawal_code.clone().unwrap_or_default(),
            response.alters.len(),
            &sealed,
            now,
        );
        self.dispatch(Action::HandedOver {
            response: Box::new(response.clone()),
            outgoing: Box::new(outgoing),
        });
        tabs::announce_change();
        true
    }

    /// The resident says the facilitator has this map: forget the sealed copy.
    pub fn forget_outgoing(&self, response: &ResponseId) {
        let id = response.clone();
        self.set_handover(move |d| d.outbox.retain(|o| o.response != id));
    }

    /// Opens a sealed map read from a phone and adds it unless it is a repeat.
    pub fn receive_sealed(&self, sealed: &[u8]) -> Received {
        let state = self.state();
        let event = &state.community.event;
        let mut outcome = Received::NoKey;
        let mut parcel = None;
        for key in state.handover.keys_for(&event.id) {
            match Parcel::open(sealed, key) {
                Ok(p) => {
                    parcel = Some(p);
                    break;
                }
                Err(OfferError::Sealed(OpenError::OtherKey { key_id })) => {
                    outcome = Received::OtherKey { key_id }
                }
                Err(OfferError::Sealed(_)) => outcome = Received::Tampered,
                Err(e) => outcome = Received::Invalid(e.to_string()),
            }
        }
        let Some(parcel) = parcel else {
            return outcome;
        };
        match receive(&state.community, parcel, &places_version(&event.places)) {
            Receipt::Add {
                response,
                older_places,
            } => {
                let people = response.alters.len();
                self.store_received(*response);
                Received::Added {
                    people,
                    older_places,
                }
            }
            Receipt::Duplicate => Received::Duplicate,
            Receipt::Conflict => Received::Conflict,
            Receipt::OtherEvent => Received::OtherEvent,
            Receipt::Invalid(why) => Received::Invalid(why),
        }
    }

    fn store_received(&self, response: Response) {
        // In the state at once, so a second scan a moment later is a repeat.
        self.dispatch(Action::ResponseReceived(Box::new(response.clone())));
        let (Some(repo), true) = (self.repo(), self.state().storage.can_write()) else {
            return;
        };
        let dispatcher = self.dispatcher();
        spawn_local(async move {
            match repo.save_response(&response).await {
                Ok(()) => tabs::announce_change(),
                Err(e) => dispatcher.dispatch(Action::StorageProblem(health(&e))),
            }
        });
    }

    /// Downloads the event key, for a second facilitator device. The file
    /// opens every phone's map for this event: it is labelled as secret.
    pub fn export_event_key(&self) {
        let event = &self.state().community.event;
        let Some(key) = self.state().handover.key_for(&event.id) else {
            return;
        };
        let text = serde_json::json!({
            "format": "weave-event-key",
            "warning": "SECRET: anyone with this file can read the maps phones hand over for this event.",
            "key": key,
        })
        .to_string();
        let name = format!("weave-key-{}.json", event.id);
        let _ = files::download(&name, "application/json", text.as_bytes());
    }

    /// Adds a key file exported by another facilitator device. Returns
    /// whether the file was a key for the current event.
    pub fn import_event_key(&self, text: &str) -> bool {
        let key = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .filter(|v| v["format"] == "weave-event-key")
            .and_then(|v| serde_json::from_value::<EventKeyPair>(v["key"].clone()).ok());
        match key {
            Some(key) if key.event == self.state().community.event.id => {
                self.set_handover(move |d| {
                    d.add_key(key);
                });
                true
            }
            _ => false,
        }
    }
}
