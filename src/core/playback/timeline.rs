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

/// How long the resident who just finished stays highlighted at full strength.
pub const YOU_HOLD_MS: f64 = 4_000.0;
/// How long the highlight then takes to fade into the whole picture.
pub const YOU_FADE_MS: f64 = 3_000.0;

/// The "you in your community" highlight's strength `elapsed_ms` after the
/// play-back opened: 1, then fading linearly to 0.
pub fn you_strength(elapsed_ms: f64) -> f64 {
    if !elapsed_ms.is_finite() || elapsed_ms < 0.0 {
        return 1.0;
    }
    (1.0 - (elapsed_ms - YOU_HOLD_MS).max(0.0) / YOU_FADE_MS).clamp(0.0, 1.0)
}

#[cfg(test)]
mod you_tests {
    use super::*;

    #[test]
    fn the_highlight_holds_then_fades() {
        assert_eq!(you_strength(0.0), 1.0);
        assert_eq!(you_strength(YOU_HOLD_MS), 1.0);
        assert!((you_strength(YOU_HOLD_MS + YOU_FADE_MS / 2.0) - 0.5).abs() < 1e-9);
        assert_eq!(you_strength(YOU_HOLD_MS + YOU_FADE_MS), 0.0);
        assert_eq!(you_strength(f64::NAN), 1.0);
    }
}
