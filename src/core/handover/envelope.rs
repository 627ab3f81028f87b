//! Sealing a response to the event's public key, so a lost phone or an
//! intercepted code or file reveals nothing.
//!
//! The construction is age's X25519 recipient stanza applied to the whole
//! message (age-encryption.org/v1): a fresh ephemeral X25519 key per
//! message, `HKDF-SHA256(salt = ephemeral public || recipient public,
//! ikm = shared secret, info = "weave/v1/response")` gives a single-use
//! ChaCha20-Poly1305 key, so a zero nonce is safe. The header (magic, the
//! recipient's key id, the ephemeral public key) is authenticated as
//! associated data, so changing any byte is caught. Anyone holding the
//! event's public key can seal (that is the point: every phone can); only the
//! device holding the private key can open.
//!
//! Layout: `WVS1` | key id (8 bytes) | ephemeral public key (32) | ciphertext + tag (16).

use super::hex::serde32;
use crate::core::model::{EventId, Timestamp};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use x25519_dalek::{PublicKey, StaticSecret};

const MAGIC: &[u8; 4] = b"WVS1";
const INFO: &[u8] = b"weave/v1/response";
const KEY_ID_LEN: usize = 8;
const HEADER_LEN: usize = MAGIC.len() + KEY_ID_LEN + 32;
const TAG_LEN: usize = 16;

/// A short fingerprint of a public key: tells a foreign-key envelope from a
/// damaged one, and lets people compare keys by eye ("ab12 cd34").
pub fn key_id(public: &[u8; 32]) -> [u8; KEY_ID_LEN] {
    let digest = Sha256::digest(public);
    let mut id = [0u8; KEY_ID_LEN];
    id.copy_from_slice(&digest[..KEY_ID_LEN]);
    id
}

/// The key id in groups of four hex digits, for screens.
pub fn key_id_text(public: &[u8; 32]) -> String {
    let hex = super::hex::encode(&key_id(public)[..4]);
    format!("{}-{}", &hex[..4], &hex[4..])
}

/// The event's key pair. Lives in this device's own store only: never in a
/// backup or export, never in a QR code.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct EventKeyPair {
    pub event: EventId,
    #[serde(with = "serde32")]
    pub public: [u8; 32],
    #[serde(with = "serde32")]
    secret: [u8; 32],
    pub created_at: Timestamp,
}

impl std::fmt::Debug for EventKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret half.
        f.debug_struct("EventKeyPair")
            .field("event", &self.event)
            .field("key_id", &key_id_text(&self.public))
            .finish()
    }
}

impl EventKeyPair {
    /// A key pair from 32 random bytes (the platform's CSPRNG).
    pub fn from_random(event: EventId, random: [u8; 32], now: Timestamp) -> Self {
        let secret = StaticSecret::from(random);
        let public = PublicKey::from(&secret).to_bytes();
        Self {
            event,
            public,
            secret: secret.to_bytes(),
            created_at: now,
        }
    }

    /// Opens an envelope sealed to this key.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        if sealed.len() < HEADER_LEN + TAG_LEN || &sealed[..MAGIC.len()] != MAGIC {
            return Err(OpenError::NotSealed);
        }
        let (header, body) = sealed.split_at(HEADER_LEN);
        let id = &header[MAGIC.len()..MAGIC.len() + KEY_ID_LEN];
        if id != key_id(&self.public) {
            let mut other = [0u8; 4];
            other.copy_from_slice(&id[..4]);
            return Err(OpenError::OtherKey {
                key_id: format!(
                    "{}-{}",
                    super::hex::encode(&other[..2]),
                    super::hex::encode(&other[2..])
                ),
            });
        }
        let mut ephemeral = [0u8; 32];
        ephemeral.copy_from_slice(&header[MAGIC.len() + KEY_ID_LEN..]);
        let secret = StaticSecret::from(self.secret);
        let shared = secret.diffie_hellman(&PublicKey::from(ephemeral));
        if !shared.was_contributory() {
            return Err(OpenError::Tampered);
        }
        let cipher = cipher(&ephemeral, &self.public, shared.as_bytes());
        cipher
            .decrypt(
                &Nonce::default(),
                Payload {
                    msg: body,
                    aad: header,
                },
            )
            .map_err(|_| OpenError::Tampered)
    }
}

/// Seals `plaintext` to `recipient`. `ephemeral` must be fresh random bytes
/// for every message (the platform's CSPRNG).
pub fn seal(plaintext: &[u8], recipient: &[u8; 32], ephemeral: [u8; 32]) -> Vec<u8> {
    let secret = StaticSecret::from(ephemeral);
    let ephemeral_public = PublicKey::from(&secret).to_bytes();
    let shared = secret.diffie_hellman(&PublicKey::from(*recipient));
    let mut out = Vec::with_capacity(HEADER_LEN + plaintext.len() + TAG_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key_id(recipient));
    out.extend_from_slice(&ephemeral_public);
    let cipher = cipher(&ephemeral_public, recipient, shared.as_bytes());
    // Encryption with a valid key and in-memory buffers cannot fail.
    let body = cipher
        .encrypt(
            &Nonce::default(),
            Payload {
                msg: plaintext,
                aad: &out,
            },
        )
        .unwrap_or_default();
    out.extend_from_slice(&body);
    out
}

fn cipher(ephemeral: &[u8; 32], recipient: &[u8; 32], shared: &[u8; 32]) -> ChaCha20Poly1305 {
    let mut salt = [0u8; 64];
    salt[..32].copy_from_slice(ephemeral);
    salt[32..].copy_from_slice(recipient);
    let mut key = [0u8; 32];
    // 32 bytes is far below HKDF-SHA256's 8160-byte limit.
    let _ = Hkdf::<Sha256>::new(Some(&salt), shared).expand(INFO, &mut key);
    ChaCha20Poly1305::new(Key::from_slice(&key))
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpenError {
    #[error("this is not a sealed Weave response")]
    NotSealed,
    #[error("this response was sealed for another event or device (key {key_id})")]
    OtherKey { key_id: String },
    #[error("this response was damaged or changed on the way")]
    Tampered,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(seed: u8) -> EventKeyPair {
        EventKeyPair::from_random(EventId::new("e"), [seed; 32], Timestamp(1))
    }

    #[test]
    fn sealed_message_opens_with_the_right_key_only() {
        let key = pair(7);
        let sealed = seal(b"Dave knows Manjit", &key.public, [9; 32]);
        assert_eq!(key.open(&sealed).as_deref(), Ok(&b"Dave knows Manjit"[..]));
        assert!(!sealed.windows(4).any(|w| w == b"Dave"));
        let other = pair(8);
        assert!(matches!(
            other.open(&sealed),
            Err(OpenError::OtherKey { .. })
        ));
    }

    #[test]
    fn every_changed_byte_is_caught() {
        let key = pair(7);
        let sealed = seal(b"a map", &key.public, [3; 32]);
        for i in MAGIC.len() + KEY_ID_LEN..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert_eq!(key.open(&bad), Err(OpenError::Tampered), "byte {i}");
        }
        let mut bad = sealed.clone();
        bad[0] = b'X';
        assert_eq!(key.open(&bad), Err(OpenError::NotSealed));
        assert_eq!(key.open(&sealed[..20]), Err(OpenError::NotSealed));
        assert_eq!(
            key.open(&sealed[..sealed.len() - 1]),
            Err(OpenError::Tampered)
        );
    }

    #[test]
    fn fresh_ephemeral_keys_give_different_envelopes() {
        let key = pair(1);
        assert_ne!(
            seal(b"x", &key.public, [1; 32]),
            seal(b"x", &key.public, [2; 32])
        );
    }

    #[test]
    fn a_low_order_ephemeral_key_is_refused() {
        let key = pair(5);
        let mut sealed = seal(b"x", &key.public, [4; 32]);
        // The all-zero point gives an all-zero shared secret.
        sealed[MAGIC.len() + KEY_ID_LEN..HEADER_LEN].fill(0);
        assert_eq!(key.open(&sealed), Err(OpenError::Tampered));
    }

    #[test]
    fn stored_form_round_trips_and_debug_hides_the_secret() {
        let key = pair(7);
        let json = serde_json::to_string(&key).unwrap();
        let back: EventKeyPair = serde_json::from_str(&json).unwrap();
        assert_eq!(back, key);
        assert!(!format!("{key:?}").contains(&super::super::hex::encode(&key.secret)));
        assert_eq!(key_id_text(&key.public).len(), 9);
    }
}
