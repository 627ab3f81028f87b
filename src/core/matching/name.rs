//! What a typed name says: a first name or initial, a surname or initial,
//! role words ("the vicar", "Cllr"), kinship words ("Mam", "our kid"), and
//! descriptions that are not names at all ("Sandra (community centre)").

use super::normalise::{fold, tokens};

/// A typed name taken apart. Words are folded (see [`fold`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedName {
    /// Given name, a whole word.
    pub first: Option<String>,
    /// Initial of the given name, set whenever there is a first name or an initial.
    pub first_initial: Option<char>,
    /// Surname, a whole word.
    pub last: Option<String>,
    pub last_initial: Option<char>,
    /// Canonical role words: "vicar", "councillor", "postman", "doctor", ...
    pub roles: Vec<String>,
    /// "Mam", "Dad", "our kid": family words, never a name to match on.
    pub kinship: bool,
    /// What the resident said about where the person is found or what they
    /// do, besides the name: "food", "bank" in "Tony food bank", "centre" in
    /// "Sandra (centre)". Folded words, sorted, without repeats.
    pub described: Vec<String>,
}

impl ParsedName {
    /// True when there is some name to match on (not only roles or kinship).
    pub fn has_name(&self) -> bool {
        self.first_initial.is_some() || self.last.is_some()
    }
}

// Not "a": that is an initial far more often than an article in a name box.
const FILLERS: &[&str] = &[
    "the", "my", "our", "and", "who", "runs", "of", "in", "on", "me",
];
/// Words after which the rest describes the person: "Dave who runs the cricket club".
const DESCRIPTION_STARTS: &[&str] = &["who", "runs", "works", "does", "helps"];
const PREPOSITIONS: &[&str] = &["at", "from", "of", "in", "down", "up"];
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "sir"];
const SURNAME_TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor"];
const KINSHIP: &[&str] = &[
    "mam", "mum", "mom", "mother", "mammy", "dad", "da", "daddy", "nana", "nan", "nanna", "gran",
    "granny", "grandma", "grandad", "granda", "grandpa", "kid", "brother", "bro", "sister", "sis",
    "auntie", "aunty", "aunt", "uncle", "son", "daughter", "cousin", "wife", "husband", "hubby",
    "partner", "missus", "bairn", "bairns", "family",
];

/// Words that describe where someone is found rather than who they are.
const DESCRIPTORS: &[&str] = &[
    "community",
    "centre",
    "center",
    "food",
    "bank",
    "football",
    "toddlers",
    "toddler",
    "legion",
    "church",
    "club",
    "shop",
    "school",
    "chapel",
    "pub",
    "group",
    "library",
    "band",
    "allotment",
    "allotments",
    "welfare",
    "cafe",
    "gym",
    "next",
    "door",
    "work",
    "bus",
    "youth",
    "surgery",
    "neighbour",
    "neighbor",
    "friend",
    "mate",
    "coach",
    "teacher",
    "manager",
];

/// Role words and the canonical role each one names.
pub fn role_of(word: &str) -> Option<&'static str> {
    Some(match word {
        "vicar" | "rev" | "revd" | "reverend" | "priest" | "minister" | "father" => "vicar",
        "cllr" | "councillor" | "councilor" | "council" => "councillor",
        "postman" | "postie" | "postwoman" | "post" => "postman",
        "dr" | "doctor" | "gp" | "doc" => "doctor",
        "pcso" | "police" | "policeman" | "copper" => "pcso",
        "quiz" | "quizmaster" => "quiz",
        "nurse" => "nurse",
        "mp" => "mp",
        _ => return None,
    })
}

/// Parses one typed name.
///
/// `place_words` are folded words of the event's place names: they count as
/// descriptions after "at"/"from", in brackets, or in names of three or more
/// words, so "Dave Hall" keeps his surname but "Sandra community centre"
/// is Sandra.
///
/// # Example
/// ```
/// use weave::core::matching::name::parse;
/// let n = parse("D. Smith", &[]);
/// assert_eq!(n.first_initial, Some('d'));
/// assert_eq!(n.last.as_deref(), Some("smith"));
/// ```
pub fn parse(typed: &str, place_words: &[String]) -> ParsedName {
    let (outside, inside) = split_brackets(typed);
    let mut name = ParsedName::default();
    let words = tokens(&outside);
    let many = words.len() >= 3;
    let mut kept: Vec<String> = Vec::new();
    let mut after_preposition = false;
    // "Mrs Robson", "Dr Shah", "Cllr Hepple": one word after such a title is a surname.
    let mut surname_title = false;
    for w in words {
        if kept.is_empty() && SURNAME_TITLES.contains(&w.as_str()) {
            surname_title = true;
        }
        if let Some(role) = role_of(&w) {
            push_unique(&mut name.roles, role);
            continue;
        }
        if KINSHIP.contains(&w.as_str()) {
            name.kinship = true;
            continue;
        }
        if (PREPOSITIONS.contains(&w.as_str()) || DESCRIPTION_STARTS.contains(&w.as_str()))
            && !kept.is_empty()
        {
            after_preposition = true;
            continue;
        }
        let is_place = place_words.iter().any(|p| p == &w);
        if FILLERS.contains(&w.as_str()) || TITLES.contains(&w.as_str()) {
            continue;
        }
        if after_preposition
            || DESCRIPTORS.contains(&w.as_str())
            || (is_place && many && !kept.is_empty())
        {
            name.described.push(w);
            continue;
        }
        kept.push(w);
    }
    for w in tokens(&inside) {
        if let Some(role) = role_of(&w) {
            push_unique(&mut name.roles, role);
        } else if !FILLERS.contains(&w.as_str()) && !PREPOSITIONS.contains(&w.as_str()) {
            name.described.push(w);
        }
    }
    name.described.sort();
    name.described.dedup();
    if initials_only(typed, &kept) {
        let mut chars = kept[0].chars();
        name.first_initial = chars.next();
        name.last_initial = chars.next();
        return name;
    }
    if surname_title && kept.len() == 1 {
        name.last_initial = kept[0].chars().next();
        name.last = Some(kept[0].clone()).filter(|w| w.chars().count() > 1);
        return name;
    }
    assign(&mut name, &kept);
    name
}

fn push_unique(roles: &mut Vec<String>, role: &str) {
    if !roles.iter().any(|r| r == role) {
        roles.push(role.to_string());
    }
}

/// Text outside and inside brackets: "Sandra (centre)" -> ("Sandra ", "centre").
fn split_brackets(typed: &str) -> (String, String) {
    let (mut outside, mut inside) = (String::new(), String::new());
    let mut depth = 0usize;
    for c in typed.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                outside.push(' ');
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                inside.push(' ');
            }
            _ if depth > 0 => inside.push(c),
            _ => outside.push(c),
        }
    }
    (outside, inside)
}

/// "JB" typed in capitals is two initials, not a name.
fn initials_only(typed: &str, kept: &[String]) -> bool {
    let raw: Vec<&str> = typed.split_whitespace().collect();
    kept.len() == 1
        && raw.len() == 1
        && (2..=3).contains(&raw[0].chars().count())
        && raw[0].chars().all(|c| c.is_ascii_uppercase())
}

fn assign(name: &mut ParsedName, kept: &[String]) {
    let Some(first) = kept.first() else {
        return;
    };
    name.first_initial = first.chars().next();
    if first.chars().count() > 1 {
        name.first = Some(first.clone());
    }
    if kept.len() >= 2 {
        let last = &kept[kept.len() - 1];
        name.last_initial = last.chars().next();
        if last.chars().count() > 1 {
            name.last = Some(last.clone());
        }
    }
}

/// Folded words of place names, for [`parse`].
pub fn place_words<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = names
        .into_iter()
        .flat_map(|n| tokens(&fold(n)))
        .filter(|w| w.chars().count() >= 3)
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<String> {
        place_words([
            "Murton Welfare Hall",
            "Murton Community Centre",
            "Food bank",
        ])
    }

    #[test]
    fn first_and_surname() {
        let n = parse("Dave  Smith", &words());
        assert_eq!(n.first.as_deref(), Some("dave"));
        assert_eq!(n.last.as_deref(), Some("smith"));
        assert!(!n.kinship && n.roles.is_empty());
    }

    #[test]
    fn initials_in_either_place() {
        let n = parse("Dave R", &[]);
        assert_eq!(
            (n.first.as_deref(), n.last_initial, n.last.as_deref()),
            (Some("dave"), Some('r'), None)
        );
        let n = parse("JB", &[]);
        assert_eq!(
            (n.first_initial, n.last_initial, n.first),
            (Some('j'), Some('b'), None)
        );
        let n = parse("Jo", &[]);
        assert_eq!(n.first.as_deref(), Some("jo"));
    }

    #[test]
    fn roles_titles_and_kinship() {
        let n = parse("Cllr Joan Hepple", &[]);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (Some("joan"), Some("hepple"))
        );
        assert_eq!(n.roles, vec!["councillor"]);
        let n = parse("the vicar", &[]);
        assert!(!n.has_name());
        assert_eq!(n.roles, vec!["vicar"]);
        let n = parse("Gary the postie", &[]);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (Some("gary"), None)
        );
        assert_eq!(n.roles, vec!["postman"]);
        assert!(parse("Mam", &[]).kinship);
        let n = parse("our Kev", &[]);
        assert!(!n.kinship && n.first.as_deref() == Some("kev"));
        assert!(parse("our kid", &[]).kinship);
        let n = parse("Mrs Robson", &[]);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (None, Some("robson"))
        );
        let n = parse("Cllr Hepple", &[]);
        assert_eq!(
            (n.last.as_deref(), n.roles.clone()),
            (Some("hepple"), vec!["councillor".to_string()])
        );
        let n = parse("Rev Mark", &[]);
        assert_eq!(
            (n.first.as_deref(), n.roles.clone()),
            (Some("mark"), vec!["vicar".to_string()])
        );
    }

    #[test]
    fn descriptions_are_not_surnames() {
        let w = words();
        let n = parse("Sandra community centre", &w);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (Some("sandra"), None)
        );
        assert_eq!(n.described, vec!["centre", "community"]);
        let n = parse("Sandra (centre)", &w);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (Some("sandra"), None)
        );
        assert_eq!(n.described, vec!["centre"]);
        let n = parse("Dave who runs the cricket club", &w);
        assert_eq!(n.first.as_deref(), Some("dave"));
        assert_eq!(n.last, None);
        assert_eq!(n.described, vec!["club", "cricket"]);
        let n = parse("Pauline at the Legion", &w);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (Some("pauline"), None)
        );
        assert_eq!(n.described, vec!["legion"]);
        // Two words: a place word can still be a surname.
        let n = parse("Dave Hall", &w);
        assert_eq!(n.last.as_deref(), Some("hall"));
    }

    #[test]
    fn other_scripts_parse_as_names() {
        let n = parse("محمد خان", &[]);
        assert_eq!(
            (n.first.as_deref(), n.last.as_deref()),
            (Some("محمد"), Some("خان"))
        );
        let n = parse("李伟", &[]);
        assert_eq!(n.first.as_deref(), Some("李伟"));
        assert!(!parse("", &[]).has_name());
        assert!(!parse("()", &[]).has_name());
    }
}
