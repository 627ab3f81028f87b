//! Attribute groups (e.g. employment status): how big each group is, how
//! isolated, how connected within and across groups (Krackhardt & Stern's E-I
//! index) and the attribute's assortativity (Newman 2003), so the play-back
//! can say which group is most cut off.

use super::csr::Csr;
use crate::core::network::{AttrValue, Network, KIND_ATTR};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One value of an attribute and the nodes holding it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFigures {
    pub value: String,
    pub size: usize,
    /// Share of the group with no ties at all.
    pub share_isolated: f64,
    pub mean_degree: f64,
    /// (external − internal) / (external + internal) ties; `None` without ties.
    pub ei_index: Option<f64>,
}

/// One attribute across all nodes that answered it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributeFigures {
    pub attribute: String,
    pub groups: Vec<GroupFigures>,
    /// E-I index over all ties between nodes with a value.
    pub ei_index: Option<f64>,
    /// networkx `attribute_assortativity_coefficient` over nodes with a value;
    /// `None` when undefined (a single group, or no ties).
    pub assortativity: Option<f64>,
}

/// The text of a categorical value; floats are not categories.
fn category(v: &AttrValue) -> Option<String> {
    match v {
        AttrValue::Str(s) if !s.is_empty() => Some(s.clone()),
        AttrValue::Bool(b) => Some(b.to_string()),
        AttrValue::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Attributes worth grouping by: categorical, 2..=`max_groups` values, not
/// the node kind, and shared by at least two nodes per value on average.
pub fn categorical_attributes(net: &Network, max_groups: usize) -> Vec<String> {
    let mut values: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    for node in &net.nodes {
        for (k, v) in &node.attrs {
            if let Some(c) = category(v) {
                *values.entry(k).or_default().entry(c).or_default() += 1;
            }
        }
    }
    values
        .into_iter()
        .filter(|(k, vals)| {
            let holders: usize = vals.values().sum();
            *k != KIND_ATTR && (2..=max_groups).contains(&vals.len()) && holders >= 2 * vals.len()
        })
        .map(|(k, _)| k.to_string())
        .collect()
}

/// Figures for one attribute.
///
/// # Arguments
/// * `degree` – total degree per node (as [`super::degree::degrees`]).
///
/// # Complexity
/// O(n + m + g²) for g groups.
pub fn attribute_figures(
    net: &Network,
    g: &Csr,
    degree: &[f64],
    attribute: &str,
) -> AttributeFigures {
    let group_of: Vec<Option<String>> = net
        .nodes
        .iter()
        .map(|n| n.attrs.get(attribute).and_then(category))
        .collect();
    let names: Vec<String> = {
        let mut v: Vec<String> = group_of.iter().flatten().cloned().collect();
        v.sort();
        v.dedup();
        v
    };
    let idx: Vec<Option<usize>> = group_of
        .iter()
        .map(|o| o.as_ref().and_then(|s| names.binary_search(s).ok()))
        .collect();
    let k = names.len();
    let mut size = vec![0usize; k];
    let mut isolated = vec![0usize; k];
    let mut deg_sum = vec![0.0; k];
    for (v, gi) in idx.iter().enumerate() {
        if let Some(gi) = *gi {
            size[gi] += 1;
            deg_sum[gi] += degree.get(v).copied().unwrap_or(0.0);
            if degree.get(v).copied().unwrap_or(0.0) == 0.0 {
                isolated[gi] += 1;
            }
        }
    }
    // Mixing counts over arcs as networkx walks them: both ways when undirected.
    let mut mix = vec![0.0f64; k * k];
    let (mut internal, mut external) = (vec![0usize; k], vec![0usize; k]);
    for v in 0..g.n {
        let Some(a) = idx[v] else { continue };
        for &u in g.out.row(v) {
            let Some(b) = idx[u as usize] else { continue };
            mix[a * k + b] += 1.0;
        }
        for &u in g.und.row(v) {
            match idx[u as usize] {
                Some(b) if b == a => internal[a] += 1,
                Some(_) => external[a] += 1,
                None => {}
            }
        }
        if g.loops[v] > 0 {
            mix[a * k + a] += 1.0;
        }
    }
    let ei = |e: usize, i: usize| (e + i > 0).then(|| (e as f64 - i as f64) / (e + i) as f64);
    let groups = (0..k)
        .map(|gi| GroupFigures {
            value: names[gi].clone(),
            size: size[gi],
            share_isolated: isolated[gi] as f64 / size[gi].max(1) as f64,
            mean_degree: deg_sum[gi] / size[gi].max(1) as f64,
            // Internal ties were seen from both ends.
            ei_index: ei(external[gi], internal[gi] / 2),
        })
        .collect();
    let total_internal: usize = internal.iter().sum::<usize>() / 2;
    let total_external: usize = external.iter().sum::<usize>() / 2;
    AttributeFigures {
        attribute: attribute.to_string(),
        groups,
        ei_index: ei(total_external, total_internal),
        assortativity: assortativity(&mix, k),
    }
}

/// Newman's assortativity from a mixing-count matrix: (tr M − ‖M²‖) / (1 − ‖M²‖).
fn assortativity(mix: &[f64], k: usize) -> Option<f64> {
    let total: f64 = mix.iter().sum();
    if total == 0.0 {
        return None;
    }
    let trace: f64 = (0..k).map(|i| mix[i * k + i]).sum::<f64>() / total;
    let s: f64 = (0..k)
        .map(|i| {
            let row: f64 = (0..k).map(|j| mix[i * k + j]).sum::<f64>() / total;
            let col: f64 = (0..k).map(|j| mix[j * k + i]).sum::<f64>() / total;
            row * col
        })
        .sum();
    (s < 1.0).then(|| (trace - s) / (1.0 - s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::network::Attrs;

    fn net(groups: &[&str], edges: &[(usize, usize)]) -> Network {
        let mut n = Network::new(false);
        for (i, g) in groups.iter().enumerate() {
            let mut a = Attrs::new();
            a.insert("job".into(), AttrValue::Str((*g).into()));
            n.add_node(format!("n{i}"), None, a);
        }
        for &(s, t) in edges {
            n.add_edge(s, t, 1.0, Attrs::new());
        }
        n
    }

    #[test]
    fn perfectly_segregated_groups() {
        let n = net(&["a", "a", "b", "b"], &[(0, 1), (2, 3)]);
        let g = Csr::from_network(&n);
        let f = attribute_figures(&n, &g, &[1.0; 4], "job");
        assert_eq!(f.ei_index, Some(-1.0));
        assert_eq!(f.assortativity, Some(1.0));
        assert_eq!(f.groups[0].ei_index, Some(-1.0));
    }

    #[test]
    fn isolated_share_and_mean_degree() {
        let n = net(&["a", "a", "b"], &[(0, 2)]);
        let g = Csr::from_network(&n);
        let f = attribute_figures(&n, &g, &[1.0, 0.0, 1.0], "job");
        assert_eq!(f.groups[0].share_isolated, 0.5);
        assert_eq!(f.groups[0].mean_degree, 0.5);
        assert_eq!(f.ei_index, Some(1.0));
    }

    #[test]
    fn detects_categorical_attributes_only() {
        let n = net(&["a", "a", "b", "b"], &[]);
        assert_eq!(categorical_attributes(&n, 10), vec!["job".to_string()]);
        let one = net(&["a", "a"], &[]);
        assert!(categorical_attributes(&one, 10).is_empty());
    }
}
