//! Weave's own JSON: a lossless network document, and the event backup (a
//! whole [`Community`]) wrapped from [`crate::core::model::schema`], which
//! already versions and migrates it.
//!
//! Keeps everything: ids, labels, typed attributes, weights, direction,
//! parallel edges. Non-finite attribute floats become `null` in JSON and are
//! refused on import, as are NaN weights (skipped, reported).

use super::builder::Builder;
use super::report::{ImportReport, IssueKind};
use super::text;
use super::ImportError;
use crate::core::model::schema::{self, LoadError};
use crate::core::model::Community;
use crate::core::network::Network;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The marker of a network document (the backup's is `"weave"`).
pub const NETWORK_TAG: &str = "weave-network";
pub const NETWORK_VERSION: u32 = 1;

/// Either kind of Weave JSON file.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Community(Box<Community>),
    Network(Network),
}

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    network: &'a Network,
}

#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct In {
    network: Network,
}

fn json_error(e: &serde_json::Error) -> ImportError {
    ImportError::At {
        line: e.line(),
        column: e.column(),
        message: format!("the JSON is damaged or not a Weave network: {e}"),
    }
}

/// Reads either kind of Weave JSON, telling them apart by their marker.
pub fn parse_document(bytes: &[u8]) -> Result<Document, ImportError> {
    let text = text::decode(bytes)?;
    let head: Head = serde_json::from_str(&text).map_err(|e| json_error(&e))?;
    match head.format.as_deref() {
        Some(schema::FORMAT_TAG) => parse_community(bytes).map(|c| Document::Community(Box::new(c))),
        Some(NETWORK_TAG) => parse(bytes).map(|(n, _)| Document::Network(n)),
        _ => Err(ImportError::Invalid(
            "this JSON is not a Weave file: it has no \"format\": \"weave-network\" or \"weave\" marker".into(),
        )),
    }
}

/// Reads a network document, through the same import policy as every format.
pub fn parse(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let text = text::decode(bytes)?;
    let head: Head = serde_json::from_str(&text).map_err(|e| json_error(&e))?;
    match head.format.as_deref() {
        Some(NETWORK_TAG) => {}
        Some(schema::FORMAT_TAG) => {
            return Err(ImportError::Invalid(
                "this is a Weave event backup (every response), not a network: restore it as a backup, or build its network first".into(),
            ))
        }
        _ => return Err(ImportError::Invalid("this JSON is not a Weave network: it has no \"format\": \"weave-network\" marker".into())),
    }
    match head.version {
        Some(NETWORK_VERSION) => {}
        Some(v) if v > NETWORK_VERSION => {
            return Err(ImportError::Invalid(format!(
                "this network was saved by a newer Weave (version {v}; this app reads up to {NETWORK_VERSION}); update the app"
            )))
        }
        v => return Err(ImportError::Invalid(format!("unknown network document version {v:?}"))),
    }
    let doc: In = serde_json::from_str(&text).map_err(|e| json_error(&e))?;
    let (net, report) = rebuild(doc.network, None);
    if report.is_clean() {
        return Ok((net, report));
    }
    // Only a file with something to report pays for a second pass that
    // finds the line of every record.
    let lines = record_lines(&text);
    let doc: In = serde_json::from_str(&text).map_err(|e| json_error(&e))?;
    Ok(rebuild(doc.network, lines.as_ref()))
}

/// Where each node and edge record starts, as borrowed raw JSON.
#[derive(Deserialize)]
struct Spans<'a> {
    #[serde(borrow)]
    network: RecordSpans<'a>,
}

#[derive(Deserialize)]
struct RecordSpans<'a> {
    #[serde(borrow, default)]
    nodes: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    edges: Vec<&'a RawValue>,
}

/// The line each node and each edge record starts on.
struct RecordLines {
    nodes: Vec<usize>,
    edges: Vec<usize>,
}

fn record_lines(text: &str) -> Option<RecordLines> {
    let spans: Spans = serde_json::from_str(text).ok()?;
    let index = text::LineIndex::new(text);
    let base = text.as_ptr() as usize;
    let line = |r: &&RawValue| index.line((r.get().as_ptr() as usize).saturating_sub(base));
    Some(RecordLines {
        nodes: spans.network.nodes.iter().map(line).collect(),
        edges: spans.network.edges.iter().map(line).collect(),
    })
}

/// Passes a deserialised network through the builder: out-of-range edge
/// indices and NaN weights are skipped and reported, duplicate ids merged,
/// each with its line when `lines` is known.
fn rebuild(net: Network, lines: Option<&RecordLines>) -> (Network, ImportReport) {
    let at = |v: Option<&Vec<usize>>, i: usize| v.and_then(|v| v.get(i)).copied().unwrap_or(0);
    let (node_lines, edge_lines) = (lines.map(|l| &l.nodes), lines.map(|l| &l.edges));
    let mut b = Builder::new(net.directed);
    *b.graph_attrs() = net.attrs;
    let mut index = Vec::with_capacity(net.nodes.len());
    for (i, node) in net.nodes.into_iter().enumerate() {
        index.push(b.add_node(&node.id, node.label, node.attrs, at(node_lines, i)));
    }
    for (i, e) in net.edges.into_iter().enumerate() {
        let line = at(edge_lines, i);
        match (index.get(e.source), index.get(e.target)) {
            (Some(&s), Some(&t)) => {
                b.add_edge(s, t, e.weight, e.attrs, line);
            }
            _ => b.note(IssueKind::EdgeToUnknownNode, line, format!("edge {i}")),
        }
    }
    b.finish()
}

/// Writes a network document.
pub fn write(net: &Network) -> String {
    let out = Out {
        format: NETWORK_TAG,
        version: NETWORK_VERSION,
        network: net,
    };
    // A Network holds strings, numbers and string-keyed maps only, which
    // serde_json always serialises (NaN becomes null).
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// Reads an event backup of any schema version this build knows, migrated.
pub fn parse_community(bytes: &[u8]) -> Result<Community, ImportError> {
    let text = text::decode(bytes)?;
    schema::from_json(&text).map_err(|e| match e {
        LoadError::Damaged {
            line,
            column,
            message,
        } => ImportError::At {
            line,
            column,
            message,
        },
        other => ImportError::Invalid(other.to_string()),
    })
}

/// Writes an event backup with the current schema number.
pub fn write_community(c: &Community) -> String {
    schema::to_json(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Event, EventId};
    use crate::core::network::{AttrValue, Attrs};

    #[test]
    fn network_round_trips_exactly() {
        let mut net = Network::new(true);
        let mut a = Attrs::new();
        a.insert("age".into(), AttrValue::Int(3));
        a.insert("score".into(), AttrValue::Float(2.0));
        a.insert("ok".into(), AttrValue::Bool(true));
        net.add_node("a", Some("Ann".into()), a);
        net.add_node("b", None, Attrs::new());
        net.add_edge(0, 1, 1.5, Attrs::new());
        net.add_edge(0, 1, 1.5, Attrs::new());
        let (back, report) = parse(write(&net).as_bytes()).unwrap();
        assert!(report.is_clean());
        assert_eq!(back, net);
    }

    #[test]
    fn backups_are_told_apart_and_wrapped() {
        let c = Community::new(Event::new(EventId::new("e"), "Fair", "2026-01-01"));
        let text = write_community(&c);
        assert_eq!(
            parse_document(text.as_bytes()).unwrap(),
            Document::Community(Box::new(c))
        );
        assert!(parse(text.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("backup"));
        let err = parse_community(b"{\"format\":\"weave\",\n\"schema\":2,\n oops").unwrap_err();
        assert!(matches!(err, ImportError::At { line: 3, .. }));
    }

    #[test]
    fn bad_indices_are_skipped() {
        let doc = r#"{"format":"weave-network","version":1,"network":{"directed":false,
          "nodes":[{"id":"a"}],"edges":[{"source":0,"target":7,"weight":1.0}]}}"#;
        let (net, report) = parse(doc.as_bytes()).unwrap();
        assert!(net.edges.is_empty());
        assert_eq!(report.count(IssueKind::EdgeToUnknownNode), 1);
        assert!(parse(br#"{"format":"weave-network","version":9}"#).is_err());
    }
}
