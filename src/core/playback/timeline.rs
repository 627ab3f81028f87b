//! Playing the event back in time: the picture grows in the order maps were
//! finished. A step is the number of maps shown; the whole event plays in
//! about [`PLAY_MS`], never faster than [`MIN_STEP_MS`] per map.

/// How long playing the whole event takes, roughly.
pub const PLAY_MS: f64 = 15_000.0;
/// The fastest pace: one map every this many milliseconds.
pub const MIN_STEP_MS: f64 = 40.0;
/// The slowest pace, for small events.
pub const MAX_STEP_MS: f64 = 600.0;

/// Milliseconds per map for an event of `steps` maps.
pub fn step_ms(steps: u32) -> f64 {
    (PLAY_MS / f64::from(steps.max(1))).clamp(MIN_STEP_MS, MAX_STEP_MS)
}

/// Where playing starts: from the beginning when already at the end.
pub fn start_step(step: u32, steps: u32) -> u32 {
    if step >= steps {
        0
    } else {
        step
    }
}

/// The step reached `elapsed_ms` after starting to play from `from`.
pub fn play_step(from: u32, elapsed_ms: f64, steps: u32) -> u32 {
    if !(elapsed_ms.is_finite() && elapsed_ms > 0.0) {
        return from.min(steps);
    }
    let advanced = (elapsed_ms / step_ms(steps)).floor() as u64;
    (u64::from(from) + advanced).min(u64::from(steps)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_event_plays_in_about_fifteen_seconds() {
        assert_eq!(step_ms(150), 100.0);
        assert_eq!(play_step(0, 15_000.0, 150), 150);
        assert_eq!(play_step(0, 7_550.0, 150), 75);
        assert_eq!(play_step(140, 1e9, 150), 150);
    }

    #[test]
    fn odd_inputs_are_safe() {
        assert_eq!(step_ms(0), MAX_STEP_MS);
        assert_eq!(play_step(3, f64::NAN, 10), 3);
        assert_eq!(play_step(30, -1.0, 10), 10);
        assert_eq!(start_step(10, 10), 0);
        assert_eq!(start_step(4, 10), 4);
    }
}
