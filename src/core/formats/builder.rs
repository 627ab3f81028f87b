//! The one place every parser builds its [`Network`] through, so the import
//! policy is the same for all formats: a hash map for id lookup (no quadratic
//! search on 50 MB files), duplicate ids merged, implicit nodes created, bad
//! weights skipped, all of it noted in the [`ImportReport`].

use super::report::{ImportReport, IssueKind};
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON, KIND_PLACE};
use std::collections::HashMap;

/// networkx's two-mode marker: 0 for the first mode (people), 1 for the second.
pub const BIPARTITE_ATTR: &str = "bipartite";

pub struct Builder {
    net: Network,
    index: HashMap<String, usize>,
    pub report: ImportReport,
}

impl Builder {
    pub fn new(directed: bool) -> Self {
        Self {
            net: Network::new(directed),
            index: HashMap::new(),
            report: ImportReport::default(),
        }
    }

    pub fn set_directed(&mut self, directed: bool) {
        self.net.directed = directed;
    }

    pub fn directed(&self) -> bool {
        self.net.directed
    }

    pub fn graph_attrs(&mut self) -> &mut Attrs {
        &mut self.net.attrs
    }

    pub fn node_count(&self) -> usize {
        self.net.nodes.len()
    }

    pub fn lookup(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Adds a declared node. A second declaration of the same id merges its
    /// label and attributes into the first (networkx's `add_node` semantics)
    /// and is reported.
    pub fn add_node(
        &mut self,
        id: &str,
        label: Option<String>,
        attrs: Attrs,
        line: usize,
    ) -> usize {
        if let Some(&i) = self.index.get(id) {
            self.report.note(IssueKind::DuplicateNode, line, id);
            let node = &mut self.net.nodes[i];
            if label.is_some() {
                node.label = label;
            }
            node.attrs.extend(attrs);
            return i;
        }
        let i = self.net.add_node(id, label, attrs);
        self.index.insert(id.to_owned(), i);
        i
    }

    /// The index of `id`, creating it silently when missing: for files where
    /// edges are the only way nodes are named (a plain edge list).
    pub fn node_or_new(&mut self, id: &str) -> usize {
        if let Some(i) = self.lookup(id) {
            return i;
        }
        let i = self.net.add_node(id, None, Attrs::new());
        self.index.insert(id.to_owned(), i);
        i
    }

    /// The index of `id`, creating an undeclared node (reported) when missing.
    pub fn node_or_implicit(&mut self, id: &str, line: usize) -> usize {
        if let Some(i) = self.lookup(id) {
            return i;
        }
        self.report.note(IssueKind::ImplicitNode, line, id);
        let i = self.net.add_node(id, None, Attrs::new());
        self.index.insert(id.to_owned(), i);
        i
    }

    /// A node by index, for post-processing (defaults, restored ids).
    pub fn node_mut(&mut self, index: usize) -> Option<&mut crate::core::network::Node> {
        self.net.nodes.get_mut(index)
    }

    /// Adds an edge unless its weight is not finite (then it is skipped and
    /// reported: NaN would poison every weighted metric downstream).
    pub fn add_edge(
        &mut self,
        source: usize,
        target: usize,
        weight: f64,
        attrs: Attrs,
        line: usize,
    ) -> bool {
        if !weight.is_finite() {
            self.report
                .note(IssueKind::BadWeight, line, super::text::float(weight));
            return false;
        }
        self.net.add_edge(source, target, weight, attrs);
        true
    }

    /// Notes an issue without touching the network.
    pub fn note(&mut self, kind: IssueKind, line: usize, example: impl Into<String>) {
        self.report.note(kind, line, example);
    }

    /// Finishes the import: maps networkx's `bipartite` onto `kind`, counts.
    pub fn finish(mut self) -> (Network, ImportReport) {
        for node in &mut self.net.nodes {
            bipartite_to_kind(&mut node.attrs);
        }
        self.report.nodes = self.net.nodes.len();
        self.report.edges = self.net.edges.len();
        (self.net, self.report)
    }
}

/// networkx marks two-mode nodes `bipartite=0|1`; Weave marks them
/// `kind=person|place`. When `kind` is missing it is derived (0 = person,
/// 1 = place); `bipartite` is then dropped when it agrees with `kind`, so a
/// Weave export (which writes both) reads back exactly.
pub fn bipartite_to_kind(attrs: &mut Attrs) {
    let Some(mode) = attrs.get(BIPARTITE_ATTR).and_then(bipartite_mode) else {
        return;
    };
    let kind = if mode == 0 { KIND_PERSON } else { KIND_PLACE };
    match attrs.get(KIND_ATTR).and_then(AttrValue::as_str) {
        None => {
            attrs.insert(KIND_ATTR.into(), AttrValue::Str(kind.into()));
            attrs.remove(BIPARTITE_ATTR);
        }
        Some(k) if k == kind => {
            attrs.remove(BIPARTITE_ATTR);
        }
        Some(_) => {}
    }
}

fn bipartite_mode(v: &AttrValue) -> Option<u8> {
    match v {
        AttrValue::Int(0) | AttrValue::Bool(false) => Some(0),
        AttrValue::Int(1) | AttrValue::Bool(true) => Some(1),
        AttrValue::Float(f) if *f == 0.0 => Some(0),
        AttrValue::Float(f) if *f == 1.0 => Some(1),
        AttrValue::Str(s) if s.trim() == "0" => Some(0),
        AttrValue::Str(s) if s.trim() == "1" => Some(1),
        _ => None,
    }
}

/// The `bipartite` value networkx expects for a node's `kind`, if it has one.
pub fn kind_to_bipartite(attrs: &Attrs) -> Option<i64> {
    match attrs.get(KIND_ATTR).and_then(AttrValue::as_str)? {
        KIND_PERSON => Some(0),
        KIND_PLACE => Some(1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_merge_and_implicit_nodes_are_reported() {
        let mut b = Builder::new(false);
        let a = b.add_node("a", None, Attrs::new(), 1);
        let mut attrs = Attrs::new();
        attrs.insert("x".into(), AttrValue::Int(1));
        assert_eq!(b.add_node("a", Some("A".into()), attrs, 2), a);
        let c = b.node_or_implicit("c", 3);
        assert!(b.add_edge(a, c, 1.0, Attrs::new(), 3));
        assert!(!b.add_edge(a, c, f64::NAN, Attrs::new(), 4));
        let (net, report) = b.finish();
        assert_eq!(net.nodes.len(), 2);
        assert_eq!(net.nodes[0].label.as_deref(), Some("A"));
        assert_eq!(report.count(IssueKind::DuplicateNode), 1);
        assert_eq!(report.count(IssueKind::ImplicitNode), 1);
        assert_eq!(report.count(IssueKind::BadWeight), 1);
        assert_eq!(report.edges, 1);
    }

    #[test]
    fn bipartite_becomes_kind() {
        let mut attrs = Attrs::new();
        attrs.insert(BIPARTITE_ATTR.into(), AttrValue::Int(1));
        bipartite_to_kind(&mut attrs);
        assert_eq!(
            attrs.get(KIND_ATTR),
            Some(&AttrValue::Str(KIND_PLACE.into()))
        );
        assert!(!attrs.contains_key(BIPARTITE_ATTR));
    }
}
