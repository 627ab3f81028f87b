//! Last year's mapping day in the same Murton, for rehearsing the
//! play-back's "Between two events": the same hidden neighbourhood
//! ([`World`]), fewer residents who drew their own maps, so many of the
//! same people are named again (spelled their own way), some are new and
//! some are no longer named. Its place list differs the way real lists do:
//! the youth club has since been renamed (same id), and the library had
//! another id (same name). The current demo event is untouched: the world
//! is rebuilt from its seed, and last year's residents draw from a second
//! random stream.

use super::event::murton_event_with_areas;
use super::world::World;
use super::{profile, resident, DEMO_RESIDENTS};
use crate::core::model::{Community, EventId, PlaceId, PlaceRef, Timestamp};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How many residents drew a map last year.
pub const EARLIER_RESIDENTS: usize = 110;
/// 10:00 BST on last year's day (2025-06-14), in ms since the epoch.
pub const EARLIER_START: Timestamp = Timestamp(1_749_891_600_000);
/// Last year's residents draw from this stream (the seed mixed with it).
const EARLIER_STREAM: u64 = 0x2025_0614;
const DAY_MS: i64 = 6 * 60 * 60 * 1000;
/// The library's id on last year's list.
pub const OLD_LIBRARY_ID: &str = "old-library";
/// What the youth club was called last year.
pub const OLD_YOUTH_CLUB_NAME: &str = "Murton Youth Project";

/// Last year's event for the demo of `seed` (the current demo uses 2026).
///
/// # Example
/// ```
/// let last = weave::core::demo::earlier::earlier_demo_community(2026);
/// assert_eq!(last.responses.len(), weave::core::demo::earlier::EARLIER_RESIDENTS);
/// assert_eq!(last.event.date, "2025-06-14");
/// ```
pub fn earlier_demo_community(seed: u64) -> Community {
    let mut world = World::generate(&mut ChaCha8Rng::seed_from_u64(seed), DEMO_RESIDENTS);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ EARLIER_STREAM);
    let mut event = murton_event_with_areas(&world.areas);
    event.id = EventId::new("murton-big-local-2025");
    event.name = "Murton Big Local \u{2014} mapping day 2025".into();
    event.date = "2025-06-14".into();
    for p in &mut event.places {
        match p.id.as_str() {
            "youth-club" => p.name = OLD_YOUTH_CLUB_NAME.into(),
            "library" => p.id = PlaceId::new(OLD_LIBRARY_ID),
            _ => {}
        }
    }
    let mut community = Community::new(event);
    let slot = DAY_MS / EARLIER_RESIDENTS as i64;
    for i in 0..EARLIER_RESIDENTS {
        let jitter = rng.random_range(0..(slot / 4).max(1));
        let consented = Timestamp(EARLIER_START.0 + i as i64 * slot + jitter);
        let profile = profile::Profile::generate(&mut rng, &world);
        let event_id = community.event.id.clone();
        let (mut response, _) =
            resident::resident(&mut rng, &mut world, &profile, &event_id, consented);
        for visit in &mut response.places {
            if matches!(&visit.place, PlaceRef::Listed(p) if p.as_str() == "library") {
                visit.place = PlaceRef::Listed(PlaceId::new(OLD_LIBRARY_ID));
            }
        }
        community.responses.push(response);
    }
    community
}
