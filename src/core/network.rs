//! A plain attributed graph: what file formats read and write, what the
//! analysis engine consumes, and what the CLI prints about. It knows nothing of
//! events or responses; `analysis::build` turns a community into one.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A typed attribute value, as GraphML/GEXF distinguish them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

impl AttrValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            AttrValue::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            AttrValue::Int(i) => Some(*i as f64),
            AttrValue::Float(f) => Some(*f),
            _ => None,
        }
    }
}

pub type Attrs = BTreeMap<String, AttrValue>;

/// Two-mode networks mark each node with this attribute: "person" or "place".
/// (networkx's `bipartite` 0/1 is accepted on import and mapped onto it.)
pub const KIND_ATTR: &str = "kind";
pub const KIND_PERSON: &str = "person";
pub const KIND_PLACE: &str = "place";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The id as it appears in the file (or a stable id Weave made).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default)]
    pub attrs: Attrs,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Index into `Network::nodes`.
    pub source: usize,
    pub target: usize,
    pub weight: f64,
    #[serde(default)]
    pub attrs: Attrs,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Network {
    pub directed: bool,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    #[serde(default)]
    pub attrs: Attrs,
}

impl Network {
    pub fn new(directed: bool) -> Self {
        Self {
            directed,
            ..Self::default()
        }
    }

    /// Adds a node and returns its index.
    pub fn add_node(
        &mut self,
        id: impl Into<String>,
        label: Option<String>,
        attrs: Attrs,
    ) -> usize {
        self.nodes.push(Node {
            id: id.into(),
            label,
            attrs,
        });
        self.nodes.len() - 1
    }

    pub fn add_edge(&mut self, source: usize, target: usize, weight: f64, attrs: Attrs) {
        self.edges.push(Edge {
            source,
            target,
            weight,
            attrs,
        });
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// True when every node carries a `kind` of person or place and both occur.
    pub fn is_two_mode(&self) -> bool {
        let mut person = false;
        let mut place = false;
        for n in &self.nodes {
            match n.attrs.get(KIND_ATTR).and_then(AttrValue::as_str) {
                Some(KIND_PERSON) => person = true,
                Some(KIND_PLACE) => place = true,
                _ => return false,
            }
        }
        person && place
    }

    pub fn node_kind(&self, index: usize) -> Option<&str> {
        self.nodes
            .get(index)?
            .attrs
            .get(KIND_ATTR)
            .and_then(AttrValue::as_str)
    }
}
