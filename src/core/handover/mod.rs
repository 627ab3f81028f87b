//! Handing maps over without a server. The facilitator's device shows the
//! event as QR codes (an [`offer::EventOffer`]: the set-up and the event's
//! public key); a phone scans it, draws the map offline, seals the finished
//! response to that key ([`envelope`]) and shows it back as numbered QR
//! [`frames`] (or a `.weave` file holding the same text). The facilitator's
//! device reassembles the frames, opens the envelope with the private key it
//! alone holds, and [`receive`] decides whether the map is new or a repeat.
//! Pure: randomness and time come in as arguments.

pub mod device;
pub mod envelope;
pub mod frames;
pub mod hex;
pub mod offer;
pub mod qr;
pub mod receive;

pub use device::{HandoverDevice, Outgoing};
pub use envelope::{EventKeyPair, OpenError};
pub use frames::{Collector, FrameError, Kind, Progress};
pub use offer::{EventOffer, JoinedEvent, OfferError, Parcel};
pub use receive::{receive, Receipt};
