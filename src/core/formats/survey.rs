//! The raw survey, case by variable: one row per resident for SPSS, R, Stata
//! or Excel. Counts and codes only: the names residents typed never leave in
//! this file (they are in the network exports, or in the backup).
//!
//! Variable names are SPSS-safe (lower case, letters, digits and `_`,
//! starting with a letter). Yes/no variables are 1/0; missing answers are
//! empty cells. Text answers are protected against formula injection.

use super::table;
use super::text::csv_safe;
use crate::core::model::{Barrier, Community, Relationship, Response, ResponseStatus};

/// An SPSS-safe variable name: `[a-z][a-z0-9_]*`, at most 64 characters.
pub fn variable(name: &str) -> String {
    let mut v: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !v.starts_with(|c: char| c.is_ascii_alphabetic()) {
        v.insert(0, 'v');
    }
    v.truncate(64);
    v
}

fn snake<T: std::fmt::Debug>(v: T) -> String {
    variable(&format!("{v:?}"))
}

/// The header row, from the event's configuration.
fn header(c: &Community) -> Vec<String> {
    let mut h: Vec<String> = [
        "response_id",
        "status",
        "language",
        "consented_at",
        "finished_at",
        "wellbeing",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    h.extend(
        c.event
            .attributes
            .iter()
            .map(|q| variable(&format!("q_{}", q.id))),
    );
    h.push("n_named".into());
    h.extend(
        c.event
            .prompts
            .iter()
            .map(|p| variable(&format!("n_named_{}", p.id))),
    );
    h.extend((1..=crate::core::model::RINGS).map(|r| format!("n_ring{r}")));
    h.extend(
        Relationship::ALL
            .iter()
            .map(|r| format!("n_rel_{}", snake(r))),
    );
    h.extend(
        [
            "n_can_change",
            "n_public_figures",
            "n_ties",
            "n_places",
            "n_new_places",
            "n_info_places",
        ]
        .map(String::from),
    );
    h.extend(
        c.event
            .places
            .iter()
            .map(|p| variable(&format!("place_{}", p.id))),
    );
    h.extend(Barrier::ALL.iter().map(|b| format!("barrier_{}", snake(b))));
    h
}

fn row(c: &Community, r: &Response) -> Vec<String> {
    let count = |f: &dyn Fn(&crate::core::model::Alter) -> bool| {
        r.alters.iter().filter(|a| f(a)).count().to_string()
    };
    let flag = |b: bool| if b { "1" } else { "0" }.to_string();
    let status = match r.status {
        ResponseStatus::Draft => "draft",
        ResponseStatus::Finished => "finished",
    };
    let mut v = vec![
        csv_safe(r.id.as_str()).into_owned(),
        status.to_string(),
        csv_safe(&r.language).into_owned(),
        r.consented_at.0.to_string(),
        r.finished_at.map(|t| t.0.to_string()).unwrap_or_default(),
        r.wellbeing.map(|w| w.to_string()).unwrap_or_default(),
    ];
    v.extend(c.event.attributes.iter().map(|q| {
        r.answers
            .get(&q.id)
            .map(|a| csv_safe(a).into_owned())
            .unwrap_or_default()
    }));
    v.push(r.alters.len().to_string());
    v.extend(
        c.event
            .prompts
            .iter()
            .map(|p| count(&|a| a.prompts.contains(&p.id))),
    );
    v.extend((1..=crate::core::model::RINGS).map(|ring| count(&|a| a.ring == ring)));
    v.extend(
        Relationship::ALL
            .iter()
            .map(|rel| count(&|a| a.relationship == Some(*rel))),
    );
    v.push(count(&|a| a.can_change == Some(true)));
    v.push(count(&|a| a.public_figure));
    v.push(r.ties.len().to_string());
    v.push(r.places.len().to_string());
    v.push(r.new_places.len().to_string());
    v.push(
        r.places
            .iter()
            .filter(|p| p.information)
            .count()
            .to_string(),
    );
    v.extend(c.event.places.iter().map(|p| {
        flag(
            r.places
                .iter()
                .any(|v| v.place == crate::core::model::PlaceRef::Listed(p.id.clone())),
        )
    }));
    v.extend(Barrier::ALL.iter().map(|b| flag(r.barriers.contains(b))));
    v
}

/// Writes the survey: a header row, then one row per response (drafts
/// included, marked by `status`, so the analyst decides).
///
/// Complexity: O(responses × (alters + places)).
pub fn write_survey(c: &Community) -> String {
    let rows = c.responses.iter().map(|r| row(c, r));
    table::write(std::iter::once(header(c)).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::*;

    #[test]
    fn one_row_per_resident_without_names() {
        let mut event = Event::new(EventId::new("e"), "Fair", "2026-01-01");
        event.attributes.push(AttributeQuestion {
            id: QuestionId::new("area"),
            label: "Area".into(),
            choices: vec!["East".into()],
        });
        event.places.push(Place {
            id: PlaceId::new("welfare-hall"),
            name: "Hall".into(),
            category: PlaceCategory::Venue,
            description: String::new(),
            pin: None,
        });
        let mut c = Community::new(event);
        let mut r = Response::new(ResponseId::new("r1"), EventId::new("e"), "en", Timestamp(5));
        r.answers
            .insert(QuestionId::new("area"), "=HYPERLINK(\"x\")".into());
        r.alters.push(Alter {
            id: AlterId(0),
            name: "Secret Name".into(),
            prompts: vec![PromptId::new("help")],
            ring: 1,
            x: 0.0,
            y: 0.0,
            relationship: Some(Relationship::Friend),
            frequency: None,
            can_change: Some(true),
            public_figure: false,
            added_at: Timestamp(6),
        });
        r.places.push(PlaceVisit {
            place: PlaceRef::Listed(PlaceId::new("welfare-hall")),
            frequency: None,
            information: true,
            added_at: Timestamp(7),
        });
        r.barriers.push(Barrier::Transport);
        c.responses.push(r);
        let out = write_survey(&c);
        assert!(!out.contains("Secret"));
        let mut lines = out.lines();
        let head: Vec<&str> = lines.next().unwrap().split(',').collect();
        let vals: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
        let get = |k: &str| vals[head.iter().position(|h| *h == k).unwrap()].clone();
        assert_eq!(get("n_named_help"), "1");
        assert_eq!(get("n_rel_friend"), "1");
        assert_eq!(get("place_welfare_hall"), "1");
        assert_eq!(get("barrier_transport"), "1");
        assert_eq!(get("n_can_change"), "1");
        assert!(out.contains("'=HYPERLINK"));
        assert!(head
            .iter()
            .all(|h| h.chars().next().unwrap().is_ascii_lowercase()));
    }
}
