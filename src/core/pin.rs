//! The facilitator PIN that guards the workspace and kiosk exit. Only a salted
//! PBKDF2-HMAC-SHA256 hash is stored (never the PIN), and wrong tries lock the
//! door with a growing back-off, so four-digit PINs cannot be tried quickly.
//!
//! Timing: 210,000 iterations (OWASP's 2023 figure for PBKDF2-SHA256) take
//! about 0.2–0.5 s in wasm on a kiosk-class machine; the check compares hashes
//! in constant time, and the time taken does not depend on how close a guess is.

use crate::core::model::Timestamp;
use serde::{Deserialize, Serialize};

/// Iterations for new hashes; stored with each hash so it can be raised later.
pub const ITERATIONS: u32 = 210_000;
/// Wrong tries allowed before the lock-out starts.
pub const FREE_TRIES: u32 = 5;
/// First lock-out; it doubles with each further wrong try, up to [`MAX_LOCK_MS`].
pub const BASE_LOCK_MS: i64 = 30_000;
pub const MAX_LOCK_MS: i64 = 60 * 60 * 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: Vec<u8>,
    pub iterations: u32,
    pub hash: Vec<u8>,
}

impl PinHash {
    /// Hashes `pin` with a fresh random `salt` (the platform supplies randomness).
    pub fn new(pin: &str, salt: [u8; 16]) -> Self {
        Self::with_iterations(pin, salt.to_vec(), ITERATIONS)
    }

    pub fn with_iterations(pin: &str, salt: Vec<u8>, iterations: u32) -> Self {
        let hash = derive(pin, &salt, iterations).to_vec();
        Self {
            salt,
            iterations,
            hash,
        }
    }

    /// True when `pin` is the PIN this hash was made from.
    pub fn verify(&self, pin: &str) -> bool {
        let candidate = derive(pin, &self.salt, self.iterations);
        constant_time_eq(&candidate, &self.hash)
    }
}

fn derive(pin: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pin.as_bytes(), salt, iterations.max(1), &mut out);
    out
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A PIN is 4 to 12 digits: easy on a touch keypad, and the lock-out makes
/// guessing slow.
pub fn is_valid_pin(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit())
}

/// Wrong tries and the lock-out they cause; stored with the hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Attempts {
    pub wrong: u32,
    pub locked_until: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Ok,
    Wrong {
        tries_left: u32,
    },
    /// Locked: try again after this moment (the guess was not even checked).
    Locked {
        until: Timestamp,
    },
}

impl Attempts {
    /// Checks a guess at time `now`, updating the counters.
    pub fn check(&mut self, hash: &PinHash, pin: &str, now: Timestamp) -> Check {
        if let Some(until) = self.locked_until {
            if now < until {
                return Check::Locked { until };
            }
        }
        if hash.verify(pin) {
            *self = Attempts::default();
            return Check::Ok;
        }
        self.wrong += 1;
        if self.wrong >= FREE_TRIES {
            let doublings = (self.wrong - FREE_TRIES).min(20);
            let lock = (BASE_LOCK_MS << doublings).min(MAX_LOCK_MS);
            let until = Timestamp(now.0 + lock);
            self.locked_until = Some(until);
            Check::Locked { until }
        } else {
            Check::Wrong {
                tries_left: FREE_TRIES - self.wrong,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick(pin: &str) -> PinHash {
        PinHash::with_iterations(pin, vec![7; 16], 1_000)
    }

    #[test]
    fn stores_a_hash_not_the_pin() {
        let h = quick("2468");
        assert!(h.verify("2468"));
        assert!(!h.verify("2469"));
        let text = serde_json::to_string(&h).unwrap();
        assert!(!text.contains("2468"));
        assert_ne!(h.hash, b"2468".to_vec());
    }

    #[test]
    fn same_pin_different_salt_differs() {
        let a = PinHash::with_iterations("1234", vec![1; 16], 1_000);
        let b = PinHash::with_iterations("1234", vec![2; 16], 1_000);
        assert_ne!(a.hash, b.hash);
    }

    #[test]
    fn matches_a_published_pbkdf2_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first 32 bytes.
        let h = PinHash::with_iterations("passwd", b"salt".to_vec(), 1);
        assert_eq!(
            h.hash[..8],
            [0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f]
        );
    }

    #[test]
    fn five_wrong_tries_lock_with_growing_back_off() {
        let h = quick("2468");
        let mut a = Attempts::default();
        let t = Timestamp(1_000_000);
        for left in (1..FREE_TRIES).rev() {
            assert_eq!(a.check(&h, "0000", t), Check::Wrong { tries_left: left });
        }
        assert_eq!(
            a.check(&h, "0000", t),
            Check::Locked {
                until: Timestamp(t.0 + BASE_LOCK_MS)
            }
        );
        // Even the right PIN is refused while locked.
        assert!(matches!(
            a.check(&h, "2468", Timestamp(t.0 + 1)),
            Check::Locked { .. }
        ));
        let later = Timestamp(t.0 + BASE_LOCK_MS);
        assert_eq!(
            a.check(&h, "0000", later),
            Check::Locked {
                until: Timestamp(later.0 + 2 * BASE_LOCK_MS)
            }
        );
        let much_later = Timestamp(later.0 + 2 * BASE_LOCK_MS);
        assert_eq!(a.check(&h, "2468", much_later), Check::Ok);
        assert_eq!(a, Attempts::default());
    }

    #[test]
    fn pin_format() {
        assert!(is_valid_pin("1234"));
        assert!(!is_valid_pin("123"));
        assert!(!is_valid_pin("12a4"));
        assert!(!is_valid_pin("1234567890123"));
    }
}
