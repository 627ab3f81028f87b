//! A deterministic demo community, so a newcomer sees a living sociogram at
//! once, the play-back can be rehearsed and benchmarked, and the matching has
//! ground truth to be measured against.
//!
//! The generator first builds a hidden neighbourhood ([`world`]): circles of
//! people in five areas of Murton, County Durham, sharing a few places; four
//! brokers known everywhere; the roster's public figures. Each resident then
//! describes their corner of it the way people do: "Dave", "David Smith",
//! "D. Smith", "the vicar", "Mam", a typo now and then. Single parents name
//! fewer people and about one resident in twelve names nobody.

pub mod earlier;
pub mod event;
pub mod names;
pub mod profile;
pub mod resident;
pub mod world;

use crate::core::model::{AlterId, AlterRef, Community, Timestamp};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
pub use world::PersonId;

/// How many residents [`demo_community`] has.
pub const DEMO_RESIDENTS: usize = 150;

/// 10:00 BST on the event day (2026-06-13), in ms since the epoch.
pub const EVENT_START: Timestamp = Timestamp(1_781_341_200_000);
/// The event runs for six hours; consent times are spread over them in order.
const EVENT_LENGTH_MS: i64 = 6 * 60 * 60 * 1000;

/// Which real person each named person is: the answer key the matching never sees.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroundTruth {
    pub person_of: BTreeMap<AlterRef, PersonId>,
    /// What each real person is: "broker", "figure", "circle" or "family".
    pub kind_of: Vec<&'static str>,
    /// Each real person's formal first name and surname ("David", "Smith").
    pub names: Vec<(&'static str, &'static str)>,
    /// Each circle member's circle, for telling apart what context could and
    /// could not decide (two Daves in one circle).
    pub circle_of: Vec<Option<usize>>,
}

impl GroundTruth {
    pub fn person(&self, alter: &AlterRef) -> Option<PersonId> {
        self.person_of.get(alter).copied()
    }
}

/// The demo community for the Murton Big Local mapping day, 150 residents.
///
/// # Example
/// ```
/// let a = weave::core::demo::demo_community(7);
/// let b = weave::core::demo::demo_community(7);
/// assert_eq!(a, b);
/// assert_eq!(a.responses.len(), 150);
/// ```
pub fn demo_community(seed: u64) -> Community {
    demo_community_sized(seed, DEMO_RESIDENTS)
}

/// The demo community with `residents` finished responses (the play-back
/// benchmark uses 500, the matching benchmark 3,000).
pub fn demo_community_sized(seed: u64, residents: usize) -> Community {
    demo_with_truth(seed, residents).0
}

/// The demo community plus the real person behind every named person.
///
/// # Complexity
/// O(residents × named²) for the ties, with at most 12 named each.
pub fn demo_with_truth(seed: u64, residents: usize) -> (Community, GroundTruth) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut world = world::World::generate(&mut rng, residents);
    let mut community = Community::new(event::murton_event_with_areas(&world.areas));
    let mut truth = GroundTruth::default();
    let slot = EVENT_LENGTH_MS / residents.max(1) as i64;
    for i in 0..residents {
        let jitter = rand::Rng::random_range(&mut rng, 0..(slot / 4).max(1));
        let consented = Timestamp(EVENT_START.0 + i as i64 * slot + jitter);
        let profile = profile::Profile::generate(&mut rng, &world);
        let event_id = community.event.id.clone();
        let (response, people) =
            resident::resident(&mut rng, &mut world, &profile, &event_id, consented);
        for (k, person) in people.into_iter().enumerate() {
            let alter = AlterRef {
                response: response.id.clone(),
                alter: AlterId(k as u32),
            };
            truth.person_of.insert(alter, person);
        }
        community.responses.push(response);
    }
    truth.kind_of = world
        .people
        .iter()
        .map(|p| match p.kind {
            world::PersonKind::Broker => "broker",
            world::PersonKind::Figure(_) => "figure",
            world::PersonKind::Circle { .. } => "circle",
            world::PersonKind::Family => "family",
        })
        .collect();
    truth.names = world
        .people
        .iter()
        .map(|p| (p.name.formal, p.name.surname))
        .collect();
    truth.circle_of = world
        .people
        .iter()
        .map(|p| match p.kind {
            world::PersonKind::Circle { circle } => Some(circle),
            _ => None,
        })
        .collect();
    (community, truth)
}
