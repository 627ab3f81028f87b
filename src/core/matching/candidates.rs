//! Candidate pairs by blocking: mentions share a block when their first names
//! share a nickname row or a phonetic key (within one area, or anywhere when
//! the block is small), when surnames sound alike with a fitting initial, or
//! when they mean the same roster figure. Never all pairs.

use super::index::{Index, Mention};
use super::nicknames::table;
use super::phonetic::keys;
use std::collections::HashMap;

/// Limits that keep blocking fast on thousands of names.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct BlockLimits {
    /// Blocks up to this size contribute all their pairs. Default 40.
    pub full_block: usize,
    /// Larger blocks (every David in the county) are walked in naming order,
    /// each mention paired with this many following ones (sorted-neighbourhood
    /// blocking); accepted pairs then chain into groups. Default 12.
    pub window: usize,
}

impl Default for BlockLimits {
    fn default() -> Self {
        Self {
            full_block: 40,
            window: 12,
        }
    }
}

/// The blocking keys of one mention. Keys starting `g|` are community-wide.
pub fn block_keys(index: &Index, m: &Mention) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(f) = m.figure {
        out.push(format!("f|{f}"));
    }
    let n = &m.name;
    if !n.has_name() || n.kinship {
        return out;
    }
    let area = index.contexts[m.context as usize]
        .area
        .as_deref()
        .unwrap_or("?");
    let mut initials: Vec<char> = n.first_initial.into_iter().collect();
    if let Some(first) = &n.first {
        let mut firsts: Vec<String> = m.first_groups.iter().map(|&g| format!("n{g}")).collect();
        let (p, q) = keys(first);
        firsts.push(format!("p{p}"));
        if q != p {
            firsts.push(format!("p{q}"));
        }
        for k in firsts {
            out.push(format!("a|{area}|{k}"));
            out.push(format!("g|{k}"));
        }
        for &g in &m.first_groups {
            initials.extend(table().formal(g).chars().next());
        }
        // "Tony food bank" meets "Tony (food bank)" wherever they live.
        for word in &n.described {
            out.push(format!("d|{}|{word}", keys(first).0));
        }
    }
    initials.sort_unstable();
    initials.dedup();
    if let Some(last) = &n.last {
        let (p, _) = keys(last);
        out.push(format!("l|{area}|{p}"));
        for i in &initials {
            out.push(format!("s|{i}|{p}"));
        }
    }
    if let (Some(i), Some(j)) = (n.first_initial, n.last_initial) {
        out.push(format!("i|{area}|{i}{j}"));
    }
    out
}

/// All candidate pairs `(i, j)` with `i < j`, indices into `index.mentions`,
/// from different residents, sorted and without repeats.
///
/// # Complexity
/// O(Σ min(block size², block size × window)) pairs; see [`BlockLimits`].
pub fn candidate_pairs(index: &Index, limits: &BlockLimits) -> Vec<(u32, u32)> {
    let mut blocks: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, m) in index.mentions.iter().enumerate() {
        for key in block_keys(index, m) {
            blocks.entry(key).or_default().push(i as u32);
        }
    }
    let mut pairs: Vec<u64> = Vec::new();
    for (key, members) in &blocks {
        if key.starts_with("f|") {
            // One roster figure: the figure is the evidence, a star suffices.
            for &j in members.iter().skip(1) {
                push_pair(index, &mut pairs, members[0], j);
            }
            continue;
        }
        let window = if members.len() <= limits.full_block {
            members.len()
        } else {
            limits.window.max(1)
        };
        for (x, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(x + 1).take(window) {
                push_pair(index, &mut pairs, i, j);
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|p| ((p >> 32) as u32, p as u32))
        .collect()
}

fn push_pair(index: &Index, pairs: &mut Vec<u64>, i: u32, j: u32) {
    if index.mentions[i as usize].context != index.mentions[j as usize].context {
        pairs.push((u64::from(i.min(j)) << 32) | u64::from(i.max(j)));
    }
}
