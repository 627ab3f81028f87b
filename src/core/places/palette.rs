//! The resident's palette: the list grouped by category in the list's
//! order, filtered by what they type (ignoring case, spacing and accents, so
//! "cafe" finds "Café"), matching names and descriptions.

use crate::core::model::{Place, PlaceCategory};
use unicode_normalization::UnicodeNormalization;

/// Lower-case, accents dropped, single-spaced: the search key of a text.
pub fn fold(text: &str) -> String {
    let stripped: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    stripped
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when every word of the query starts a word of the place's name or
/// description ("lib" finds "Murton Library"; "2" finds "Room 2" and
/// "Room 21", not "Room 12").
pub fn matches(place: &Place, query: &str) -> bool {
    let q = fold(query);
    if q.is_empty() {
        return true;
    }
    let hay = format!("{} {}", fold(&place.name), fold(&place.description));
    let words: Vec<&str> = hay
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| words.iter().any(|h| h.starts_with(w)))
}

/// The places matching `query`, grouped by category (in [`PlaceCategory::ALL`]
/// order), each group in list order; empty groups are left out.
pub fn grouped<'a>(places: &'a [Place], query: &str) -> Vec<(PlaceCategory, Vec<&'a Place>)> {
    PlaceCategory::ALL
        .into_iter()
        .filter_map(|cat| {
            let items: Vec<&Place> = places
                .iter()
                .filter(|p| p.category == cat && matches(p, query))
                .collect();
            (!items.is_empty()).then_some((cat, items))
        })
        .collect()
}

/// A listed place whose name is the same as `name` (ignoring case, spacing
/// and accents): typing a listed name offers it instead of a duplicate.
pub fn same_name<'a>(places: &'a [Place], name: &str) -> Option<&'a Place> {
    let key = fold(name);
    (!key.is_empty())
        .then(|| places.iter().find(|p| fold(&p.name) == key))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::PlaceId;

    fn p(id: &str, name: &str, cat: PlaceCategory, desc: &str) -> Place {
        Place {
            id: PlaceId::new(id),
            name: name.into(),
            category: cat,
            description: desc.into(),
            pin: None,
        }
    }

    #[test]
    fn search_ignores_case_accents_and_word_order() {
        let places = vec![
            p("c", "Café Noël", PlaceCategory::Venue, ""),
            p(
                "l",
                "Murton Library",
                PlaceCategory::Information,
                "books and notices",
            ),
            p("f", "Food bank", PlaceCategory::Service, ""),
        ];
        let ids = |q: &str| -> Vec<String> {
            grouped(&places, q)
                .into_iter()
                .flat_map(|(_, ps)| ps.into_iter().map(|p| p.id.0.clone()))
                .collect()
        };
        assert_eq!(ids("CAFE"), vec!["c"]);
        assert_eq!(ids("notices murton"), vec!["l"]);
        assert_eq!(ids(""), vec!["c", "f", "l"]);
        assert!(ids("zzz").is_empty());
        assert_eq!(ids("lib"), vec!["l"]);
        assert!(ids("ibrary").is_empty(), "words match from their start");
        assert_eq!(
            same_name(&places, " food  BANK").map(|p| p.id.0.as_str()),
            Some("f")
        );
    }
}
