//! Comparing two events of the same community ("this year and last year"):
//!
//! - [`identity`]: who is who across the two events (residents by their
//!   map, named people through the matching core, places by id then name);
//! - [`overlay`]: both events' networks laid over each other, each node and
//!   tie marked as kept, new or gone;
//! - [`summary`]: what changed, in counts a caption can say without singling
//!   out a small group.
//!
//! The play-back's "Between two events" timeline
//! ([`crate::core::playback::between`]) draws the overlay.

pub mod identity;
pub mod overlay;
pub mod summary;

pub use identity::Identity;
pub use overlay::{Overlay, Presence};
pub use summary::Summary;
