//! Kiosk rules that need no browser: this device's kiosk settings (kept apart
//! from the event, and never exported), and the inactivity clock that sends an
//! abandoned map back to the attract screen.

use crate::core::model::{KioskSettings, Timestamp};
use crate::core::pin::{Attempts, PinHash};
use serde::{Deserialize, Serialize};

/// This device's kiosk state. Stored on the device only: a backup or export
/// never carries the PIN hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct KioskDevice {
    /// The resident flow is locked in: leaving it needs the PIN.
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinHash>,
    #[serde(default)]
    pub attempts: Attempts,
}

/// Where the inactivity clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// "Are you still there?" with this many whole seconds left.
    Warning {
        seconds_left: u32,
    },
    /// Time is up: forget this resident and show the attract screen.
    Expired,
}

/// The inactivity phase `now`, given the last touch, key or click.
pub fn idle_phase(settings: &KioskSettings, last_activity: Timestamp, now: Timestamp) -> Idle {
    let idle_ms = (now.0 - last_activity.0).max(0);
    let warn_at = i64::from(settings.idle_seconds) * 1000;
    let end_at = warn_at + i64::from(settings.warning_seconds) * 1000;
    if idle_ms < warn_at {
        Idle::Active
    } else if idle_ms < end_at {
        let left_ms = end_at - idle_ms;
        Idle::Warning {
            seconds_left: ((left_ms + 999) / 1000) as u32,
        }
    } else {
        Idle::Expired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_sixty_then_fifteen_seconds() {
        let s = KioskSettings::default();
        let t0 = Timestamp(0);
        assert_eq!(idle_phase(&s, t0, Timestamp(59_999)), Idle::Active);
        assert_eq!(
            idle_phase(&s, t0, Timestamp(60_000)),
            Idle::Warning { seconds_left: 15 }
        );
        assert_eq!(
            idle_phase(&s, t0, Timestamp(74_001)),
            Idle::Warning { seconds_left: 1 }
        );
        assert_eq!(idle_phase(&s, t0, Timestamp(75_000)), Idle::Expired);
    }

    #[test]
    fn a_clock_going_backwards_counts_as_activity() {
        let s = KioskSettings::default();
        assert_eq!(
            idle_phase(&s, Timestamp(10_000), Timestamp(0)),
            Idle::Active
        );
    }
}
