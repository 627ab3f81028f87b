//! Accepting many suggestions at once without chaining strangers together.
//! Pairs are merged greedily, best first, but only when the two groups stay
//! believable as one person: no resident named both (a resident never draws
//! the same person twice), at most one roster figure, and every first name and
//! surname in the merged group compatible with every other (so "Dave" cannot
//! glue "David Smith" to "David Jones").

use super::index::{Index, Mention};
use super::input::MentionId;
use super::nicknames::{table, NameGroup};
use super::phonetic::sounds_alike;
use strsim::jaro_winkler;

/// What a group of mentions says about its person.
#[derive(Debug, Clone, Default)]
struct Profile {
    contexts: Vec<u32>,
    firsts: Vec<String>,
    /// The nickname rows of each first name, typos resolved (see
    /// [`super::nicknames::NicknameTable::groups_fuzzy`]): "Tnoy" and
    /// "Anthony" are one name by Tony's row though no measure of spelling
    /// says so.
    rows: Vec<Vec<NameGroup>>,
    lasts: Vec<String>,
    figures: Vec<usize>,
}

impl Profile {
    fn of(m: &Mention) -> Self {
        Profile {
            contexts: vec![m.context],
            firsts: m.name.first.iter().cloned().collect(),
            rows: m
                .name
                .first
                .iter()
                .map(|_| m.first_groups.clone())
                .collect(),
            lasts: m.name.last.iter().cloned().collect(),
            figures: m.figure.into_iter().collect(),
        }
    }

    fn compatible(&self, other: &Profile) -> bool {
        let figures_ok = self
            .figures
            .iter()
            .all(|f| other.figures.iter().all(|g| f == g));
        let named_by_one = self.contexts.iter().any(|c| other.contexts.contains(c));
        figures_ok
            && !named_by_one
            && self.firsts_compatible(other)
            && all_pairs(&self.lasts, &other.lasts, last_compatible)
    }

    /// Every first name of one compatible with every one of the other's.
    fn firsts_compatible(&self, other: &Profile) -> bool {
        self.firsts.iter().zip(&self.rows).all(|(x, xr)| {
            other
                .firsts
                .iter()
                .zip(&other.rows)
                .all(|(y, yr)| first_compatible(x, y) || xr.iter().any(|g| yr.contains(g)))
        })
    }

    fn absorb(&mut self, other: Profile) {
        self.contexts.extend(other.contexts);
        for (w, rows) in other.firsts.into_iter().zip(other.rows) {
            if !self.firsts.contains(&w) {
                self.firsts.push(w);
                self.rows.push(rows);
            }
        }
        for (mine, theirs) in [(&mut self.lasts, other.lasts)] {
            for w in theirs {
                if !mine.contains(&w) {
                    mine.push(w);
                }
            }
        }
        for f in other.figures {
            if !self.figures.contains(&f) {
                self.figures.push(f);
            }
        }
    }
}

fn all_pairs(a: &[String], b: &[String], ok: fn(&str, &str) -> bool) -> bool {
    a.iter().all(|x| b.iter().all(|y| ok(x, y)))
}

/// Two first names that can be one person's: equal, nicknames, a typo or a sound-alike.
pub fn first_compatible(x: &str, y: &str) -> bool {
    x == y
        || table().equivalent(x, y)
        || jaro_winkler(x, y) >= 0.88
        || (jaro_winkler(x, y) >= 0.75 && sounds_alike(x, y))
}

/// Two surnames that can be one person's (different scripts cannot be compared).
pub fn last_compatible(x: &str, y: &str) -> bool {
    x == y
        || super::score::other_scripts(x, y)
        || jaro_winkler(x, y) >= 0.9
        || (jaro_winkler(x, y) >= 0.8 && sounds_alike(x, y))
}

/// Greedy constrained merging over pairs sorted best first.
pub struct Grouper {
    parent: Vec<usize>,
    profiles: Vec<Option<Profile>>,
}

impl Grouper {
    /// Every mention of `index` in a group of its own.
    pub fn new(index: &Index) -> Self {
        Grouper {
            parent: (0..index.mentions.len()).collect(),
            profiles: index
                .mentions
                .iter()
                .map(|m| Some(Profile::of(m)))
                .collect(),
        }
    }

    /// A group's representative mention (index into the index's mentions).
    pub fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Merges the groups of mentions `x` and `y` when the result is
    /// believable, or when `force` is set (the facilitator already said so).
    /// Returns whether they were merged now.
    pub fn merge_at(&mut self, x: usize, y: usize, force: bool) -> bool {
        if x >= self.parent.len() || y >= self.parent.len() {
            return false;
        }
        let (rx, ry) = (self.root(x), self.root(y));
        if rx == ry {
            return false;
        }
        let ok = match (&self.profiles[rx], &self.profiles[ry]) {
            (Some(p), Some(q)) => force || p.compatible(q),
            _ => false,
        };
        if !ok {
            return false;
        }
        let (keep, gone) = (rx.min(ry), rx.max(ry));
        self.parent[gone] = keep;
        if let (Some(theirs), Some(mine)) =
            (self.profiles[gone].take(), self.profiles[keep].as_mut())
        {
            mine.absorb(theirs);
        }
        true
    }

    /// Merges the facilitator's own Same groups, whatever the rules say.
    pub fn seed(&mut self, groups: &[Vec<MentionId>]) {
        for group in groups {
            for pair in group.windows(2) {
                self.merge_at(pair[0] as usize, pair[1] as usize, true);
            }
        }
    }

    /// The representative of every mention's group, in mention order.
    pub fn roots(&mut self) -> Vec<u32> {
        (0..self.parent.len())
            .map(|i| self.root(i) as u32)
            .collect()
    }
}
