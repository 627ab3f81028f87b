//! What this device keeps about hand-overs, in its own store (never in a
//! backup or export): the facilitator's event keys, the event a phone joined,
//! and the phone's sealed maps still waiting to be handed over.

use super::envelope::EventKeyPair;
use super::frames::{self, Kind};
use super::offer::JoinedEvent;
use crate::core::model::{EventId, ResponseId, Timestamp};
use serde::{Deserialize, Serialize};

/// A sealed map on a phone, as the lines of its `.weave` file (one QR frame
/// each). It reveals nothing without the event's private key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outgoing {
    pub response: ResponseId,
    pub event: EventId,
    /// The withdrawal code, shown with the codes so the resident can note it.
    pub code: String,
    pub people: usize,
    pub frames: Vec<String>,
    pub created_at: Timestamp,
}

impl Outgoing {
    pub fn new(
        response: ResponseId,
        event: EventId,
        code: String,
        people: usize,
        sealed: &[u8],
        now: Timestamp,
    ) -> Self {
        Self {
            response,
            event,
            code,
            people,
            frames: frames::split(Kind::Response, sealed),
            created_at: now,
        }
    }

    /// The `.weave` file: a line for people, then one frame per line.
    pub fn file_text(&self) -> String {
        let mut text = String::from(
            "Weave response (sealed). Drop this file on the facilitator's Phones screen.\n",
        );
        for f in &self.frames {
            text.push_str(f);
            text.push('\n');
        }
        text
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HandoverDevice {
    /// Facilitator: key pairs for events run on (or imported to) this device.
    #[serde(default)]
    pub keys: Vec<EventKeyPair>,
    /// Phone: the event joined by scanning its code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<JoinedEvent>,
    /// Phone: sealed maps not yet marked as handed over.
    #[serde(default)]
    pub outbox: Vec<Outgoing>,
}

impl HandoverDevice {
    /// The key pairs that can open maps for `event` (the newest first).
    pub fn keys_for<'a>(
        &'a self,
        event: &'a EventId,
    ) -> impl Iterator<Item = &'a EventKeyPair> + 'a {
        self.keys.iter().rev().filter(move |k| &k.event == event)
    }

    /// The key this device shows in its event code for `event`.
    pub fn key_for(&self, event: &EventId) -> Option<&EventKeyPair> {
        self.keys.iter().rev().find(|k| &k.event == event)
    }

    /// The joined event, if it is `event`.
    pub fn joined_for(&self, event: &EventId) -> Option<&JoinedEvent> {
        self.joined.as_ref().filter(|j| &j.event == event)
    }

    /// Adds a key unless this exact key is already held.
    pub fn add_key(&mut self, key: EventKeyPair) -> bool {
        if self.keys.iter().any(|k| k.public == key.public) {
            return false;
        }
        self.keys.push(key);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_per_event_and_never_doubled() {
        let mut d = HandoverDevice::default();
        let e = EventId::new("e");
        let k1 = EventKeyPair::from_random(e.clone(), [1; 32], Timestamp(1));
        let k2 = EventKeyPair::from_random(e.clone(), [2; 32], Timestamp(2));
        assert!(d.add_key(k1.clone()));
        assert!(!d.add_key(k1.clone()));
        assert!(d.add_key(k2.clone()));
        assert_eq!(d.key_for(&e), Some(&k2));
        assert_eq!(d.keys_for(&e).count(), 2);
        assert!(d.key_for(&EventId::new("other")).is_none());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<HandoverDevice>(&json).unwrap(), d);
        assert_eq!(
            serde_json::from_str::<HandoverDevice>("{}").unwrap(),
            HandoverDevice::default()
        );
    }

    #[test]
    fn the_file_holds_every_frame() {
        let o = Outgoing::new(
            ResponseId::new("r"),
            EventId::new("e"),
            "ABC123".into(),
            2,
            &[9u8; 700],
            Timestamp(1),
        );
        let mut c = frames::Collector::new(Kind::Response);
        assert!(matches!(
            c.push_lines(&o.file_text()),
            Ok(frames::Progress::Complete { payload, .. }) if payload == vec![9u8; 700]
        ));
    }
}
