//! Time and randomness from the browser, handed to the core as plain values.

use crate::core::model::Timestamp;

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// Random bytes from the browser's CSPRNG (ids, withdrawal codes, salts).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let ok = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !ok {
        // No Web Crypto (very old browser): fall back to Math.random, which is
        // enough for ids that only need to be unique, not secret.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// A random id such as "r-5f2a9c0d1e3b4a67".
pub fn random_id(prefix: &str) -> String {
    let bytes: [u8; 8] = random_bytes();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}-{hex}")
}
