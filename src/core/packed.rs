//! Arrays of numbers as base64 of their little-endian bytes, for serde's
//! `with`: what crosses to and from the workers as JSON is mostly
//! positions and tie ends, and writing or reading them as decimal text was
//! the largest cost of posting a layout (22,000 numbers for 2,000 people
//! and 6,000 ties) and of taking its positions every frame. Bit for bit:
//! what goes in comes out.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{de::Error, Deserialize, Deserializer, Serializer};

/// A number of fixed width that packs as little-endian bytes.
pub trait Packable: Copy {
    const WIDTH: usize;
    fn put(self, out: &mut Vec<u8>);
    /// From exactly [`Packable::WIDTH`] bytes.
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! packable {
    ($($t:ty),*) => {$(
        impl Packable for $t {
            const WIDTH: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut b = [0u8; std::mem::size_of::<$t>()];
                b.copy_from_slice(bytes);
                <$t>::from_le_bytes(b)
            }
        }
    )*};
}
packable!(f32, f64, u32);

// serde's `with` passes the field as it is (a `&Vec`).
#[allow(clippy::ptr_arg)]
pub fn serialize<T: Packable, S: Serializer>(v: &Vec<T>, s: S) -> Result<S::Ok, S::Error> {
    let mut bytes = Vec::with_capacity(v.len() * T::WIDTH);
    for &x in v {
        x.put(&mut bytes);
    }
    s.serialize_str(&STANDARD.encode(bytes))
}

pub fn deserialize<'de, T: Packable, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    let bytes = STANDARD.decode(text.as_bytes()).map_err(D::Error::custom)?;
    if bytes.len() % T::WIDTH != 0 {
        return Err(D::Error::custom("packed numbers are not whole"));
    }
    Ok(bytes.chunks_exact(T::WIDTH).map(T::get).collect())
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Arrays {
        #[serde(with = "super")]
        a: Vec<f32>,
        #[serde(with = "super")]
        b: Vec<f64>,
        #[serde(with = "super")]
        c: Vec<u32>,
    }

    #[test]
    fn numbers_round_trip_bit_for_bit_and_torn_bytes_are_refused() {
        let v = Arrays {
            a: vec![0.1, -0.0, f32::MAX, f32::MIN_POSITIVE, 3.0],
            b: vec![0.1, 1e-300, -7.25, f64::MAX],
            c: vec![0, 1, u32::MAX],
        };
        let text = serde_json::to_string(&v).unwrap_or_default();
        let back: Arrays = serde_json::from_str(&text).expect("decodes");
        assert_eq!(back, v);
        assert!(back.a[1].is_sign_negative(), "-0 stays -0");
        // Three bytes are no whole u32.
        let torn = r#"{"a":"","b":"","c":"AAAA"}"#;
        assert!(serde_json::from_str::<Arrays>(torn).is_err());
        assert!(serde_json::from_str::<Arrays>(r#"{"a":"","b":"","c":"not base64!"}"#).is_err());
    }
}
