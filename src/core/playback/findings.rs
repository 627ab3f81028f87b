//! Findings as the public screen may say them: an i18n key and numbers (plus
//! the event's own question and answer words), never the people a finding is
//! about. The analysis engine's `about` lists stay inside the engine.

use crate::core::analysis::{Finding, FindingKind};

/// A finding's argument: a number, or public words from the event set-up.
#[derive(Debug, Clone, PartialEq)]
pub enum FindingArg {
    Num(f64),
    Text(String),
}

/// One finding, ready for `Translator::t_with`.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingText {
    pub key: &'static str,
    pub args: Vec<(&'static str, FindingArg)>,
}

/// Every i18n key [`finding_text`] can return (the key test reads this).
pub const KEYS: [&str; 8] = [
    "pb-finding-named-nobody",
    "pb-finding-no-change-maker-nearby",
    "pb-finding-most-isolated-group",
    "pb-finding-brokers",
    "pb-finding-places-sharing-no-visitors",
    "pb-finding-wellbeing-by-ties",
    "pb-finding-wellbeing-by-ties-open",
    "pb-finding-wellbeing-by-ties-exact",
];

fn num(f: &Finding, k: &str) -> f64 {
    f.params.get(k).copied().unwrap_or(0.0)
}

/// Rounds a share to a whole percentage.
fn percent(share: f64) -> f64 {
    (share * 100.0).round()
}

/// Rounds to one decimal place, as a mean is read aloud.
fn one_place(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The public sentence for one finding.
pub fn finding_text(f: &Finding) -> FindingText {
    use FindingArg::{Num, Text};
    let word = |k: &str| Text(f.words.get(k).cloned().unwrap_or_default());
    let (key, args) = match f.kind {
        FindingKind::NamedNobody => (
            KEYS[0],
            vec![
                ("percent", Num(percent(f.value))),
                ("count", Num(num(f, "count"))),
                ("residents", Num(num(f, "residents"))),
            ],
        ),
        FindingKind::NoChangeMakerNearby => (
            KEYS[1],
            vec![
                ("percent", Num(percent(f.value))),
                ("count", Num(num(f, "count"))),
            ],
        ),
        FindingKind::MostIsolatedGroup => (
            KEYS[2],
            vec![
                ("group", word("group")),
                ("attribute", word("attribute")),
                ("mean", Num(one_place(f.value))),
                ("overall", Num(one_place(num(f, "overall_mean_ties")))),
            ],
        ),
        FindingKind::Brokers => (KEYS[3], vec![("count", Num(num(f, "count")))]),
        FindingKind::PlacesSharingNoVisitors => (
            KEYS[4],
            vec![
                ("count", Num(num(f, "count"))),
                ("places", Num(num(f, "places"))),
            ],
        ),
        FindingKind::WellbeingByTies => {
            let max = num(f, "max_ties");
            let key = if max < 0.0 {
                KEYS[6]
            } else if max == num(f, "min_ties") {
                KEYS[7]
            } else {
                KEYS[5]
            };
            (
                key,
                vec![
                    ("min", Num(num(f, "min_ties"))),
                    ("max", Num(max)),
                    ("mean", Num(one_place(f.value))),
                    ("people", Num(num(f, "people"))),
                ],
            )
        }
    };
    FindingText { key, args }
}

/// All findings, in the engine's order.
pub fn finding_texts(findings: &[Finding]) -> Vec<FindingText> {
    findings.iter().map(finding_text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn brokers_are_counted_never_named() {
        let f = Finding {
            kind: FindingKind::Brokers,
            value: 3.0,
            about: vec!["a:r1:1".into(), "a:r2:4".into()],
            params: BTreeMap::from([("count".to_string(), 3.0)]),
            words: BTreeMap::new(),
        };
        let t = finding_text(&f);
        assert_eq!(t.key, "pb-finding-brokers");
        assert_eq!(t.args, vec![("count", FindingArg::Num(3.0))]);
    }

    #[test]
    fn open_ended_band_has_its_own_message() {
        let f = Finding {
            kind: FindingKind::WellbeingByTies,
            value: 7.26,
            about: Vec::new(),
            params: BTreeMap::from([
                ("min_ties".to_string(), 6.0),
                ("max_ties".to_string(), -1.0),
                ("people".to_string(), 12.0),
            ]),
            words: BTreeMap::new(),
        };
        let t = finding_text(&f);
        assert_eq!(t.key, "pb-finding-wellbeing-by-ties-open");
        assert!(t.args.contains(&("mean", FindingArg::Num(7.3))));
    }
}
