//! Phonetic keys (Double Metaphone, via `rphonetic`) so "Kathryn" and
//! "Catherine", or a typo like "Daivd", land in the same block as "David".
//! Words in other scripts have no Latin phonetics; their key is the word.

use super::normalise::is_latin_word;
use rphonetic::DoubleMetaphone;

/// Primary and alternate Double Metaphone keys of a folded word (equal when
/// the word has only one pronunciation); the word itself outside Latin script.
///
/// # Example
/// ```
/// use weave::core::matching::phonetic::keys;
/// assert_eq!(keys("daivd").0, keys("david").0);
/// ```
pub fn keys(folded_word: &str) -> (String, String) {
    if folded_word.is_empty() || !is_latin_word(folded_word) {
        return (folded_word.to_string(), folded_word.to_string());
    }
    let result = DoubleMetaphone::default().double_metaphone(folded_word);
    let (primary, alternate) = (result.primary(), result.alternate());
    if primary.is_empty() {
        // Digits only, say: keep the word so it still blocks with itself.
        return (folded_word.to_string(), folded_word.to_string());
    }
    (primary, alternate)
}

/// True when two folded words share a phonetic key.
pub fn sounds_alike(a: &str, b: &str) -> bool {
    let (a1, a2) = keys(a);
    let (b1, b2) = keys(b);
    a1 == b1 || a1 == b2 || a2 == b1 || a2 == b2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        assert!(sounds_alike("catherine", "kathryn"));
        assert!(sounds_alike("stephen", "steven"));
        assert!(sounds_alike("mohammed", "muhammad"));
        assert!(sounds_alike("lukasz", "lucasz"));
        assert!(!sounds_alike("david", "robert"));
    }

    #[test]
    fn other_scripts_key_to_themselves() {
        assert_eq!(keys("محمد").0, "محمد");
        assert_eq!(keys("李伟").1, "李伟");
        assert_eq!(keys(""), (String::new(), String::new()));
    }
}
