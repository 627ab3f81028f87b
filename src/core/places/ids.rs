//! Readable, stable ids for listed places ("murton-library"), made from the
//! name once and never changed, so responses keep pointing at the same place
//! when the facilitator renames it.

use crate::core::model::{Event, PlaceId};
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// The longest slug kept; ids stay short in exports.
const MAX_SLUG: usize = 40;

/// Lower-case ASCII letters and digits joined by `-`; accents are dropped
/// ("Café Noël" -> "cafe-noel"); a name with no such characters gives "place".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.nfkd() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if !unicode_normalization::char::is_combining_mark(c) {
            dash = true;
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    if out.is_empty() {
        "place".into()
    } else {
        out
    }
}

/// A new id for a place called `name`, unique among `taken`.
pub fn fresh_id(name: &str, taken: &BTreeSet<String>) -> PlaceId {
    let base = slug(name);
    if !taken.contains(&base) {
        return PlaceId::new(base);
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .map(PlaceId::new)
        .unwrap_or_else(|| PlaceId::new(base))
}

/// The ids the event's list uses now.
pub fn taken_ids(event: &Event) -> BTreeSet<String> {
    event.places.iter().map(|p| p.id.0.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_readable() {
        assert_eq!(slug("Murton Welfare Hall"), "murton-welfare-hall");
        assert_eq!(slug("Café Noël!"), "cafe-noel");
        assert_eq!(slug("St Paul's Church"), "st-paul-s-church");
        assert_eq!(slug("محمد"), "place");
        assert_eq!(slug("  --  "), "place");
        assert!(slug(&"x".repeat(500)).len() <= MAX_SLUG);
    }

    #[test]
    fn fresh_ids_never_clash() {
        let taken: BTreeSet<String> = ["library".to_string(), "library-2".to_string()].into();
        assert_eq!(fresh_id("Library", &taken), PlaceId::new("library-3"));
        assert_eq!(fresh_id("Park", &taken), PlaceId::new("park"));
    }
}
