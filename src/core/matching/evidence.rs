//! Why two named people may be one: structured evidence the review screen
//! shows item by item. Each variant has a stable i18n key with named
//! arguments for the translated UI, and an English fallback sentence.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One reason for (or against) a match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// The same name, ignoring case, accents and spacing.
    SameName {
        name: String,
    },
    /// Known short form: "Dave ~ David".
    Nickname {
        a: String,
        b: String,
    },
    /// A likely typo or spelling variant: "Daivd ~ David".
    Spelling {
        a: String,
        b: String,
    },
    /// Different spelling, same sound: "Kathryn ~ Catherine".
    SoundsAlike {
        a: String,
        b: String,
    },
    /// An initial that fits a name: "D. ~ David".
    Initial {
        initial: String,
        name: String,
    },
    SameSurname {
        surname: String,
    },
    /// Both picked, or described, the same person from the event's roster.
    SamePublicFigure {
        name: String,
        role: String,
    },
    /// The naming residents live in the same area.
    SameArea {
        area: String,
    },
    DifferentAreas {
        a: String,
        b: String,
    },
    /// The naming residents go to the same places.
    SharedPlaces {
        places: Vec<String>,
    },
    /// Both residents also named these people.
    CoNamed {
        names: Vec<String>,
    },
    /// Both residents say this person knows these people.
    KnowsSame {
        names: Vec<String>,
    },
    /// Both residents said the same about the person besides the name:
    /// "Tony food bank" and "Tony (food bank)".
    SameDescription {
        words: Vec<String>,
    },
    /// An uncommon name in this community, so a coincidence is unlikely.
    RareName {
        name: String,
    },
    /// Both named as someone who can change things, or as an active person.
    BothChangeMakers,
    /// Both named in a public role, and this name is named that way all over.
    WellKnown {
        name: String,
    },
    /// Both named as family by residents of different households.
    BothFamily,
    /// One of them is someone residents all over name (a hub): "Sandra
    /// Robson is named by 412 residents in 35 areas".
    KnownAllOver {
        name: String,
        residents: u32,
        areas: u32,
    },
    /// The resident answered about them as most who name that hub do
    /// (codes, see [`answer_text`]: "can-change", "relationship-service", "prompt-active").
    LikeOthersSay {
        answers: Vec<String>,
    },
}

/// English words for an answer code of [`Evidence::LikeOthersSay`].
pub fn answer_text(code: &str) -> &str {
    match code {
        "can-change" => "said to be able to change things",
        "knows-others" => "knows other people everyone names",
        "relationship-family" => "family",
        "relationship-friend" => "a friend",
        "relationship-neighbour" => "a neighbour",
        "relationship-work" => "from work",
        "relationship-service" => "a service or professional",
        "relationship-other" => "known some other way",
        "prompt-help" => "someone they go to for help",
        "prompt-trust" => "someone they trust",
        "prompt-information" => "where they find out what is going on",
        "prompt-change" => "named as someone who can change things",
        "prompt-active" => "an active person",
        "prompt-custom" => "named under another question",
        other => other,
    }
}

impl Evidence {
    /// True for evidence that speaks against the match.
    pub fn is_against(&self) -> bool {
        matches!(self, Evidence::DifferentAreas { .. } | Evidence::BothFamily)
    }

    /// Stable Fluent message id for the UI.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            Evidence::SameName { .. } => "match-evidence-same-name",
            Evidence::Nickname { .. } => "match-evidence-nickname",
            Evidence::Spelling { .. } => "match-evidence-spelling",
            Evidence::SoundsAlike { .. } => "match-evidence-sounds-alike",
            Evidence::Initial { .. } => "match-evidence-initial",
            Evidence::SameSurname { .. } => "match-evidence-same-surname",
            Evidence::SamePublicFigure { .. } => "match-evidence-public-figure",
            Evidence::SameArea { .. } => "match-evidence-same-area",
            Evidence::DifferentAreas { .. } => "match-evidence-different-areas",
            Evidence::SharedPlaces { .. } => "match-evidence-shared-places",
            Evidence::CoNamed { .. } => "match-evidence-co-named",
            Evidence::KnowsSame { .. } => "match-evidence-knows-same",
            Evidence::SameDescription { .. } => "match-evidence-same-description",
            Evidence::RareName { .. } => "match-evidence-rare-name",
            Evidence::BothChangeMakers => "match-evidence-change-makers",
            Evidence::WellKnown { .. } => "match-evidence-well-known",
            Evidence::BothFamily => "match-evidence-both-family",
            Evidence::KnownAllOver { .. } => "match-evidence-known-all-over",
            Evidence::LikeOthersSay { .. } => "match-evidence-like-others-say",
        }
    }

    /// Named arguments for the message (lists joined with ", ", and a `count`).
    pub fn i18n_args(&self) -> Vec<(&'static str, String)> {
        let list = |v: &Vec<String>| vec![("list", v.join(", ")), ("count", v.len().to_string())];
        match self {
            Evidence::SameName { name }
            | Evidence::RareName { name }
            | Evidence::WellKnown { name } => {
                vec![("name", name.clone())]
            }
            Evidence::Nickname { a, b }
            | Evidence::Spelling { a, b }
            | Evidence::SoundsAlike { a, b }
            | Evidence::DifferentAreas { a, b } => vec![("a", a.clone()), ("b", b.clone())],
            Evidence::Initial { initial, name } => {
                vec![("initial", initial.clone()), ("name", name.clone())]
            }
            Evidence::SameSurname { surname } => vec![("surname", surname.clone())],
            Evidence::SamePublicFigure { name, role } => {
                vec![("name", name.clone()), ("role", role.clone())]
            }
            Evidence::SameArea { area } => vec![("area", area.clone())],
            Evidence::SharedPlaces { places } => list(places),
            Evidence::CoNamed { names } | Evidence::KnowsSame { names } => list(names),
            Evidence::SameDescription { words } => list(words),
            Evidence::BothChangeMakers | Evidence::BothFamily => Vec::new(),
            Evidence::KnownAllOver {
                name,
                residents,
                areas,
            } => vec![
                ("name", name.clone()),
                ("residents", residents.to_string()),
                ("areas", areas.to_string()),
            ],
            Evidence::LikeOthersSay { answers } => {
                let words: Vec<&str> = answers.iter().map(|a| answer_text(a)).collect();
                vec![
                    ("list", words.join(", ")),
                    ("count", answers.len().to_string()),
                ]
            }
        }
    }

    /// The English fallback: "both named by residents of Murton West".
    pub fn describe(&self) -> String {
        match self {
            Evidence::SameName { name } => format!("same name, {name}"),
            Evidence::Nickname { a, b } => format!("{a} ~ {b}"),
            Evidence::Spelling { a, b } => format!("{a} ~ {b} (spelling)"),
            Evidence::SoundsAlike { a, b } => format!("{a} ~ {b} (sounds alike)"),
            Evidence::Initial { initial, name } => format!("{initial}. could be {name}"),
            Evidence::SameSurname { surname } => format!("same surname, {surname}"),
            Evidence::SamePublicFigure { name, role } => format!("both mean {name} ({role})"),
            Evidence::SameArea { area } => format!("both named by residents of {area}"),
            Evidence::DifferentAreas { a, b } => format!("named by residents of {a} and of {b}"),
            Evidence::SharedPlaces { places } => format!("both go to {}", places.join(", ")),
            Evidence::CoNamed { names } => {
                format!("both residents also named {}", names.join(", "))
            }
            Evidence::KnowsSame { names } => {
                format!("both residents say this person knows {}", names.join(", "))
            }
            Evidence::SameDescription { words } => {
                format!("both residents describe them with {}", words.join(", "))
            }
            Evidence::RareName { name } => format!("{name} is an uncommon name here"),
            Evidence::BothChangeMakers => "both named as people who get things done".into(),
            Evidence::WellKnown { name } => {
                format!("{name} is named in a public role by residents all over")
            }
            Evidence::BothFamily => "both named as family, by different residents".into(),
            Evidence::KnownAllOver {
                name,
                residents,
                areas,
            } => format!("{name} is named by {residents} residents in {areas} areas"),
            Evidence::LikeOthersSay { answers } => {
                let words: Vec<&str> = answers.iter().map(|a| answer_text(a)).collect();
                format!("named as most residents name them: {}", words.join(", "))
            }
        }
    }
}

/// The strings compact evidence refers to, each kept once (names, areas,
/// places): see [`Evidence::encode`].
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub list: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Words {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }
}

fn one(s: &str) -> Vec<String> {
    vec![s.to_string()]
}

fn two(a: &str, b: &str) -> Vec<String> {
    vec![a.to_string(), b.to_string()]
}

fn list(v: &[String]) -> Vec<String> {
    v.to_vec()
}

/// How many words each kind of evidence has; `None` for a list, whose
/// length comes first.
const ARITY: [Option<usize>; 19] = [
    Some(1), // SameName
    Some(2), // Nickname
    Some(2), // Spelling
    Some(2), // SoundsAlike
    Some(2), // Initial
    Some(1), // SameSurname
    Some(2), // SamePublicFigure
    Some(1), // SameArea
    Some(2), // DifferentAreas
    None,    // SharedPlaces
    None,    // CoNamed
    None,    // KnowsSame
    None,    // SameDescription
    Some(1), // RareName
    Some(0), // BothChangeMakers
    Some(1), // WellKnown
    Some(0), // BothFamily
    Some(3), // KnownAllOver
    None,    // LikeOthersSay
];

impl Evidence {
    /// The kind's number in the compact form, and the evidence's words.
    fn parts(&self) -> (u32, Vec<String>) {
        match self {
            Evidence::SameName { name } => (0, one(name)),
            Evidence::Nickname { a, b } => (1, two(a, b)),
            Evidence::Spelling { a, b } => (2, two(a, b)),
            Evidence::SoundsAlike { a, b } => (3, two(a, b)),
            Evidence::Initial { initial, name } => (4, two(initial, name)),
            Evidence::SameSurname { surname } => (5, one(surname)),
            Evidence::SamePublicFigure { name, role } => (6, two(name, role)),
            Evidence::SameArea { area } => (7, one(area)),
            Evidence::DifferentAreas { a, b } => (8, two(a, b)),
            Evidence::SharedPlaces { places } => (9, list(places)),
            Evidence::CoNamed { names } => (10, list(names)),
            Evidence::KnowsSame { names } => (11, list(names)),
            Evidence::SameDescription { words } => (12, list(words)),
            Evidence::RareName { name } => (13, one(name)),
            Evidence::BothChangeMakers => (14, Vec::new()),
            Evidence::WellKnown { name } => (15, one(name)),
            Evidence::BothFamily => (16, Vec::new()),
            Evidence::KnownAllOver {
                name,
                residents,
                areas,
            } => (
                17,
                vec![name.clone(), residents.to_string(), areas.to_string()],
            ),
            Evidence::LikeOthersSay { answers } => (18, list(answers)),
        }
    }

    fn from_parts(kind: u32, mut w: Vec<String>) -> Option<Evidence> {
        let mut next = || (!w.is_empty()).then(|| w.remove(0));
        Some(match kind {
            0 => Evidence::SameName { name: next()? },
            1 => Evidence::Nickname {
                a: next()?,
                b: next()?,
            },
            2 => Evidence::Spelling {
                a: next()?,
                b: next()?,
            },
            3 => Evidence::SoundsAlike {
                a: next()?,
                b: next()?,
            },
            4 => Evidence::Initial {
                initial: next()?,
                name: next()?,
            },
            5 => Evidence::SameSurname { surname: next()? },
            6 => Evidence::SamePublicFigure {
                name: next()?,
                role: next()?,
            },
            7 => Evidence::SameArea { area: next()? },
            8 => Evidence::DifferentAreas {
                a: next()?,
                b: next()?,
            },
            9 => Evidence::SharedPlaces { places: w },
            10 => Evidence::CoNamed { names: w },
            11 => Evidence::KnowsSame { names: w },
            12 => Evidence::SameDescription { words: w },
            13 => Evidence::RareName { name: next()? },
            14 => Evidence::BothChangeMakers,
            15 => Evidence::WellKnown { name: next()? },
            16 => Evidence::BothFamily,
            17 => Evidence::KnownAllOver {
                name: next()?,
                residents: next()?.parse().ok()?,
                areas: next()?.parse().ok()?,
            },
            18 => Evidence::LikeOthersSay { answers: w },
            _ => return None,
        })
    }

    /// Appends the compact form: the kind's number, the length for a list,
    /// then each word's number in `words`.
    pub fn encode(&self, words: &mut Words, out: &mut Vec<u32>) {
        let (kind, parts) = self.parts();
        out.push(kind);
        if ARITY[kind as usize].is_none() {
            out.push(parts.len() as u32);
        }
        out.extend(parts.iter().map(|w| words.id(w)));
    }

    /// Reads back every item [`Evidence::encode`] wrote into `codes`;
    /// stops at the first malformed one.
    pub fn decode_all(codes: &[u32], words: &[String]) -> Vec<Evidence> {
        let mut out = Vec::new();
        let mut rest = codes;
        while let Some((&kind, tail)) = rest.split_first() {
            let Some(&arity) = ARITY.get(kind as usize) else {
                break;
            };
            let (n, tail) = match arity {
                Some(n) => (n, tail),
                None => match tail.split_first() {
                    Some((&n, tail)) => (n as usize, tail),
                    None => break,
                },
            };
            let Some(ids) = tail.get(..n) else { break };
            let parts: Option<Vec<String>> = ids
                .iter()
                .map(|&i| words.get(i as usize).cloned())
                .collect();
            match parts.and_then(|p| Evidence::from_parts(kind, p)) {
                Some(e) => out.push(e),
                None => break,
            }
            rest = &tail[n..];
        }
        out
    }
}

/// All evidence in plain words: "both named by residents of Murton West; Dave ~ David".
pub fn describe_all(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .map(Evidence::describe)
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_descriptions_read_well() {
        let all = vec![
            Evidence::SameName {
                name: "Dave".into(),
            },
            Evidence::Nickname {
                a: "Dave".into(),
                b: "David".into(),
            },
            Evidence::Spelling {
                a: "Daivd".into(),
                b: "David".into(),
            },
            Evidence::SoundsAlike {
                a: "Kathryn".into(),
                b: "Catherine".into(),
            },
            Evidence::Initial {
                initial: "D".into(),
                name: "David".into(),
            },
            Evidence::SameSurname {
                surname: "Smith".into(),
            },
            Evidence::SamePublicFigure {
                name: "Rev. Mark Atkinson".into(),
                role: "Vicar".into(),
            },
            Evidence::SameArea {
                area: "Murton West".into(),
            },
            Evidence::DifferentAreas {
                a: "Murton West".into(),
                b: "Hawthorn".into(),
            },
            Evidence::SharedPlaces {
                places: vec!["the Legion".into(), "the library".into()],
            },
            Evidence::CoNamed {
                names: vec!["Sue".into()],
            },
            Evidence::RareName {
                name: "Zainab".into(),
            },
            Evidence::BothChangeMakers,
            Evidence::BothFamily,
            Evidence::WellKnown {
                name: "Sandra".into(),
            },
            Evidence::KnowsSame {
                names: vec!["Sue".into()],
            },
            Evidence::SameDescription {
                words: vec!["food".into(), "bank".into()],
            },
            Evidence::KnownAllOver {
                name: "Sandra Robson".into(),
                residents: 412,
                areas: 35,
            },
            Evidence::LikeOthersSay {
                answers: vec!["can-change".into(), "prompt-active".into()],
            },
        ];
        let mut keys: Vec<_> = all.iter().map(Evidence::i18n_key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
        assert_eq!(
            describe_all(&all[..3]),
            "same name, Dave; Dave ~ David; Daivd ~ David (spelling)"
        );
        assert_eq!(all[9].describe(), "both go to the Legion, the library");
        assert_eq!(all[9].i18n_args()[1], ("count", "2".to_string()));
        let json = serde_json::to_string(&all[1]).unwrap();
        assert_eq!(json, r#"{"kind":"nickname","a":"Dave","b":"David"}"#);
        assert!(all[8].is_against() && !all[0].is_against());
        assert_eq!(
            all[17].describe(),
            "Sandra Robson is named by 412 residents in 35 areas"
        );
        assert_eq!(
            all[18].describe(),
            "named as most residents name them: said to be able to change things, an active person"
        );
        let mut words = Words::default();
        let mut codes = Vec::new();
        for e in &all {
            e.encode(&mut words, &mut codes);
        }
        assert_eq!(Evidence::decode_all(&codes, &words.list), all);
        // Each word is kept once: "Dave" and "David" appear three times.
        assert_eq!(words.list.iter().filter(|w| *w == "Dave").count(), 1);
        assert_eq!(
            Evidence::decode_all(&codes[..codes.len() - 1], &words.list).len(),
            all.len() - 1
        );
    }
}
