//! Name equivalents (Dave ~ David, Kasia ~ Katarzyna, Mo ~ Mohammed), read
//! from `nicknames.tsv` so anyone can extend the table without touching code.
//! A word can belong to several rows: Chris is Christopher or Christine, and
//! two names are equivalent when they share at least one row.

use super::normalise::{fold, is_latin_word};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The table as shipped; see the file's header for its format.
const TABLE_TSV: &str = include_str!("nicknames.tsv");

/// Index of a row in the table: one formal name and its short forms.
pub type NameGroup = u16;

#[derive(Debug, Default)]
pub struct NicknameTable {
    formal: Vec<String>,
    groups: HashMap<String, Vec<NameGroup>>,
    /// Known words by first letter, for [`NicknameTable::groups_fuzzy`].
    by_initial: HashMap<char, Vec<String>>,
}

impl NicknameTable {
    /// Parses rows of `formal<TAB>short,short,...`; blank and `#` lines are
    /// skipped, and so are malformed rows (the shipped table has none: tested).
    pub fn parse(tsv: &str) -> Self {
        let mut table = NicknameTable::default();
        for line in tsv.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((formal, variants)) = line.split_once('\t') else {
                continue;
            };
            let formal = fold(formal);
            if formal.is_empty() || table.formal.len() >= usize::from(NameGroup::MAX) {
                continue;
            }
            let group = table.formal.len() as NameGroup;
            table.formal.push(formal.clone());
            table.add(&formal, group);
            for v in variants.split(',') {
                table.add(&fold(v), group);
            }
        }
        let mut words: Vec<&String> = table.groups.keys().collect();
        words.sort();
        for w in words {
            if let Some(c) = w.chars().next() {
                table.by_initial.entry(c).or_default().push(w.clone());
            }
        }
        table
    }

    fn add(&mut self, word: &str, group: NameGroup) {
        if word.is_empty() {
            return;
        }
        let entry = self.groups.entry(word.to_string()).or_default();
        if !entry.contains(&group) {
            entry.push(group);
        }
    }

    /// The rows a folded word belongs to; empty when the table does not know it.
    pub fn groups(&self, folded_word: &str) -> &[NameGroup] {
        self.groups
            .get(folded_word)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The rows of a word, or when the table does not know it, of the
    /// closest known name ("Micahel" -> Michael's row) if it is close enough
    /// (Jaro–Winkler at least 0.93, five letters or more, Latin script).
    /// Only known names with the same first letter and a length within two
    /// are tried: a slip of the finger rarely hits the first letter, and
    /// Jaro–Winkler that high needs the lengths close.
    ///
    /// # Complexity
    /// O(table size) for unknown words; call once per name, not per pair.
    pub fn groups_fuzzy(&self, folded_word: &str) -> Vec<NameGroup> {
        let exact = self.groups(folded_word);
        if !exact.is_empty() || !is_latin_word(folded_word) {
            return exact.to_vec();
        }
        if (3..=4).contains(&folded_word.chars().count()) {
            return self.one_slip_from(folded_word);
        }
        if folded_word.chars().count() < 5 {
            return Vec::new();
        }
        let mut best: Option<(f64, &str)> = None;
        let len = folded_word.chars().count();
        let Some(first) = folded_word.chars().next() else {
            return Vec::new();
        };
        let near = self
            .by_initial
            .get(&first)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for key in near.iter().filter(|k| k.chars().count().abs_diff(len) <= 2) {
            let s = strsim::jaro_winkler(folded_word, key);
            let better = match best {
                None => true,
                Some((b, k)) => s > b || (s == b && key.as_str() < k),
            };
            if s >= 0.93 && better {
                best = Some((s, key));
            }
        }
        best.map(|(_, k)| self.groups(k).to_vec())
            .unwrap_or_default()
    }

    /// The rows of the one known name of four letters or more that a short
    /// unknown word (three or four letters) is one slip of the finger from
    /// ("Tnoy" and "Tny" -> Tony's row):
    /// a letter swapped with its neighbour, dropped, doubled or changed,
    /// not the first. Nothing when two names could be meant.
    fn one_slip_from(&self, folded_word: &str) -> Vec<NameGroup> {
        let len = folded_word.chars().count();
        let Some(first) = folded_word.chars().next() else {
            return Vec::new();
        };
        let near = self
            .by_initial
            .get(&first)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut found: Option<&str> = None;
        for key in near {
            let n = key.chars().count();
            if n < 4 || n.abs_diff(len) > 1 || strsim::osa_distance(folded_word, key) != 1 {
                continue;
            }
            match found {
                Some(k) if self.groups(k) != self.groups(key) => return Vec::new(),
                _ => found = Some(key),
            }
        }
        found.map(|k| self.groups(k).to_vec()).unwrap_or_default()
    }

    /// The formal name of a row ("david" for Dave's row).
    pub fn formal(&self, group: NameGroup) -> &str {
        self.formal
            .get(usize::from(group))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// True when two folded words are the same name or share a row.
    pub fn equivalent(&self, a: &str, b: &str) -> bool {
        a == b || self.groups(a).iter().any(|g| self.groups(b).contains(g))
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.formal.len()
    }

    pub fn is_empty(&self) -> bool {
        self.formal.is_empty()
    }
}

/// The shipped table, parsed once.
///
/// # Example
/// ```
/// let t = weave::core::matching::nicknames::table();
/// assert!(t.equivalent("dave", "david"));
/// assert!(!t.equivalent("dave", "steve"));
/// ```
pub fn table() -> &'static NicknameTable {
    static TABLE: OnceLock<NicknameTable> = OnceLock::new();
    TABLE.get_or_init(|| NicknameTable::parse(TABLE_TSV))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_is_well_formed_and_large_enough() {
        let rows = TABLE_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect::<Vec<_>>();
        for row in &rows {
            let (formal, variants) = row.split_once('\t').unwrap_or(("", ""));
            assert!(
                !formal.is_empty() && !variants.is_empty(),
                "bad row {row:?}"
            );
            assert_eq!(fold(formal), *formal, "rows are stored folded: {row:?}");
        }
        assert_eq!(table().len(), rows.len());
        assert!(table().len() >= 150);
    }

    #[test]
    fn english_short_forms() {
        let t = table();
        for (a, b) in [
            ("dave", "david"),
            ("bob", "robert"),
            ("liz", "elizabeth"),
            ("bill", "william"),
            ("sue", "susan"),
            ("tony", "anthony"),
            ("steve", "stephen"),
            ("steve", "steven"),
        ] {
            assert!(t.equivalent(a, b), "{a} ~ {b}");
        }
        assert!(!t.equivalent("dave", "robert"));
        assert!(!t.equivalent("liz", "susan"));
    }

    #[test]
    fn a_short_form_can_stand_for_several_names() {
        let t = table();
        assert!(t.equivalent("chris", "christopher"));
        assert!(t.equivalent("chris", "christine"));
        assert!(!t.equivalent("christopher", "christine"));
        assert!(t.groups("chris").len() >= 2);
    }

    #[test]
    fn polish_and_south_asian_names_after_folding() {
        let t = table();
        assert!(t.equivalent(&fold("Kasia"), &fold("Katarzyna")));
        assert!(t.equivalent(&fold("ŁUKASZ"), "lukasz"));
        assert!(t.equivalent(&fold("Małgosia"), &fold("Małgorzata")));
        assert!(t.equivalent(&fold("Gosia"), &fold("Małgorzata")));
        assert!(t.equivalent(&fold("Tomek"), &fold("Tomasz")));
        assert!(t.equivalent(&fold("Wojtek"), &fold("Wojciech")));
        assert!(t.equivalent("mo", "mohammed"));
        assert!(t.equivalent("muhammad", "mohammed"));
        assert!(t.equivalent("mohamed", "muhammad"));
        assert!(t.equivalent("aisha", "ayesha"));
    }

    #[test]
    fn unknown_words_are_only_equal_to_themselves() {
        let t = table();
        assert!(t.groups("zorbulon").is_empty());
        assert!(t.equivalent("李伟", "李伟"));
        assert!(!t.equivalent("李伟", "wei"));
        assert!(!t.equivalent(&fold("ولید"), "mohammed"));
    }

    #[test]
    fn urdu_spellings_meet_their_latin_ones() {
        let t = table();
        for (urdu, latin) in [
            ("محمد", "mohammed"),
            ("محمد", "muhammad"),
            ("مُحَمَّد", "mo"),
            ("فاطمہ", "fatima"),
            ("فاطمة", "fatimah"),
            ("عائشہ", "aisha"),
            ("عمران", "imran"),
            ("زینب", "zainab"),
            ("علي", "ali"),
        ] {
            assert!(t.equivalent(&fold(urdu), latin), "{urdu} ~ {latin}");
        }
        assert!(!t.equivalent(&fold("محمد"), "ahmed"));
        assert!(!t.equivalent(&fold("فاطمہ"), "ayesha"));
    }

    #[test]
    fn chinese_characters_meet_their_pinyin() {
        let t = table();
        // 伟 (simplified) and 偉 (traditional) are both Wei.
        assert!(t.equivalent("伟", "wei"));
        assert!(t.equivalent("偉", "伟"));
        assert!(t.equivalent("美", "mei"));
        assert!(!t.equivalent("伟", "mei"));
    }

    #[test]
    fn typos_find_the_nearest_known_name() {
        let t = table();
        let michael = t.groups("michael").to_vec();
        assert_eq!(t.groups_fuzzy("micahel"), michael);
        assert_eq!(t.groups_fuzzy("mike"), t.groups("mike").to_vec());
        assert!(t.groups_fuzzy("zorbulon").is_empty());
        // Four letters: one slip from exactly one known name.
        assert_eq!(t.groups_fuzzy("dvae"), t.groups("dave").to_vec());
        assert_eq!(t.groups_fuzzy("tnoy"), t.groups("tony").to_vec());
        assert!(t.groups_fuzzy("anby").is_empty(), "Abby or Andy");
        assert_eq!(t.groups_fuzzy("tny"), t.groups("tony").to_vec());
        assert!(t.groups_fuzzy("zq").is_empty(), "too short to guess");
    }

    #[test]
    fn malformed_rows_are_skipped_not_fatal() {
        let t = NicknameTable::parse("# header\nno tab here\n\t\ndavid\tdave\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t.formal(0), "david");
        assert_eq!(t.formal(9), "");
    }
}
