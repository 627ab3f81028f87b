//! Who else two residents named, and whom they say a person knows: the
//! evidence that two residents move in one circle, so that their "Steve" is
//! likely one Steve.
//!
//! It is read on two levels. First by name: both residents named a Zainab
//! (an uncommon name counts, a David does not). Then, once the confident
//! matches are known, by person: both named Sue Robson, whom the matching has
//! already found to be one person. The second tells a circle apart from its
//! neighbours in the same street even when everyone there knows a David
//! (collective entity resolution: Bhattacharya & Getoor, "Collective entity
//! resolution in relational data", ACM TKDD 1(1), 2007).

use super::index::{title_case, Index};

/// People as ids, with how much sharing each one says.
#[derive(Debug, Clone, Default)]
pub struct Social {
    /// Per naming resident (context): the ids of everyone they named, sorted.
    pub named: Vec<Vec<u32>>,
    /// Per mention: the id of the person it is.
    pub of: Vec<Option<u32>>,
    /// Per mention: the ids of the people the resident says it knows, sorted.
    pub tied: Vec<Vec<u32>>,
    /// Per id: how much two residents both naming it says (0: nothing).
    pub weight: Vec<f64>,
    /// Per id: what the evidence calls it ("Zainab", "Sue Robson").
    pub label: Vec<String>,
}

/// Names rarer than this (log of residents per naming) say nothing when shared.
pub const NAME_BASELINE: f64 = 1.0;

impl Social {
    /// Ids are the identities of [`Index`] (first names, formal form); a
    /// name counts by how unusual it is among the residents.
    pub fn by_name(index: &Index) -> Self {
        let weight = (0..index.identity_names.len() as u32)
            .map(|i| (index.idf(i) - NAME_BASELINE).max(0.0))
            .collect();
        let of: Vec<Option<u32>> = index.mentions.iter().map(|m| m.identity).collect();
        Social {
            named: index.contexts.iter().map(|c| c.named.clone()).collect(),
            tied: ties_as(&of, index),
            of,
            weight,
            label: index.identity_names.clone(),
        }
    }

    /// Ids are groups of mentions already believed to be one person, given
    /// as each mention's group representative (`roots[m]`, a mention index).
    /// A person counts by how few residents named them, against the number
    /// of residents in an area: both naming someone half the area knows says
    /// little; both naming someone four residents know says a lot.
    pub fn by_person(index: &Index, roots: &[u32]) -> Self {
        let n = index.mentions.len();
        let of: Vec<Option<u32>> = (0..n)
            .map(|m| {
                roots
                    .get(m)
                    .copied()
                    .filter(|_| index.mentions[m].name.has_name())
            })
            .collect();
        let mut named: Vec<Vec<u32>> = vec![Vec::new(); index.contexts.len()];
        for (m, id) in index.mentions.iter().zip(&of) {
            if let Some(id) = id {
                named[m.context as usize].push(*id);
            }
        }
        let mut residents = vec![0u32; n];
        for ids in &mut named {
            ids.sort_unstable();
            ids.dedup();
            for &id in ids.iter() {
                residents[id as usize] += 1;
            }
        }
        let per_area = index.residents_per_area();
        let weight: Vec<f64> = residents
            .iter()
            .map(|&r| (per_area / f64::from(r.max(1))).ln().max(0.0))
            .collect();
        Social {
            named,
            tied: ties_as(&of, index),
            label: labels(index, &of),
            of,
            weight,
        }
    }
}

/// Each mention's ties as ids.
fn ties_as(of: &[Option<u32>], index: &Index) -> Vec<Vec<u32>> {
    index
        .mentions
        .iter()
        .map(|m| {
            let mut ids: Vec<u32> = m
                .tied
                .iter()
                .filter_map(|&t| of.get(t as usize).copied().flatten())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect()
}

/// The fullest name in each group: "Sue Robson" rather than "Sue".
fn labels(index: &Index, of: &[Option<u32>]) -> Vec<String> {
    let mut best: Vec<(u8, String)> = vec![(0, String::new()); index.mentions.len()];
    for (m, id) in index.mentions.iter().zip(of) {
        let Some(id) = id else { continue };
        let n = &m.name;
        let (rank, text) = match (&n.first, &n.last) {
            (Some(f), Some(l)) => (3, format!("{} {}", title_case(f), title_case(l))),
            (Some(f), None) => (2, title_case(f)),
            (None, Some(l)) => (1, title_case(l)),
            (None, None) => (0, String::new()),
        };
        let slot = &mut best[*id as usize];
        if rank > slot.0 || (rank == slot.0 && text < slot.1) {
            *slot = (rank, text);
        }
    }
    best.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community;

    #[test]
    fn by_person_weighs_the_rarely_named_most() {
        let c = demo_community(3);
        let index = Index::of_community(&c);
        // Everyone in a group of their own: each id is named once.
        let roots: Vec<u32> = (0..index.mentions.len() as u32).collect();
        let s = Social::by_person(&index, &roots);
        let named_once = s.weight[0];
        assert!(named_once > 0.0);
        // Join every "Sandra" into one person named by many residents.
        let sandras: Vec<usize> = (0..index.mentions.len())
            .filter(|&m| index.mentions[m].name.first.as_deref() == Some("sandra"))
            .collect();
        let mut roots = roots;
        for &m in &sandras {
            roots[m] = sandras[0] as u32;
        }
        let s = Social::by_person(&index, &roots);
        assert!(sandras.len() > 5);
        assert!(s.weight[sandras[0]] < named_once);
        assert_eq!(s.of[sandras[1]], Some(sandras[0] as u32));
        assert!(s.label[sandras[0]].starts_with("Sandra"));
    }
}
