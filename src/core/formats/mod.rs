//! File formats: one module per format, each `parse(bytes) -> Result<_, ImportError>`
//! and `write(...) -> bytes`. This module picks a format by file extension and
//! is the single entry point the app and the CLI use.
//!
//! Import policy, shared by every parser through [`builder::Builder`]:
//! - a file that cannot be read as its format is an [`ImportError`], with a
//!   line and column where one makes sense;
//! - single bad records are skipped or repaired and listed in the
//!   [`ImportReport`]; nothing is dropped silently;
//! - edges naming undeclared nodes create them (networkx does this for
//!   GraphML, GEXF and edge lists) except where a node is a number that must
//!   be declared (Pajek and UCINET vertex numbers beyond the declared count:
//!   those edges are skipped, as Pajek and UCINET themselves refuse them);
//! - duplicate node ids merge (networkx's `add_node`);
//! - edges with NaN or infinite weights are skipped;
//! - XML with a DOCTYPE is refused outright (no entity expansion, ever).

pub mod adjacency;
mod attrs;
pub mod builder;
pub mod csv_list;
pub mod gexf;
pub mod graphml;
pub mod pajek;
pub mod pseudonym;
pub mod report;
pub mod survey;
pub mod synthetic;
pub(crate) mod table;
pub mod text;
pub mod ucinet;
pub mod weave_json;
mod xml;

use crate::core::network::Network;
use std::borrow::Cow;
use thiserror::Error;

pub use pseudonym::pseudonymise;
pub use report::{ImportReport, Issue, IssueKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// A Weave network document (lossless); see [`weave_json`] for backups.
    WeaveJson,
    /// On import: an edge list, a node list or an adjacency matrix, told apart
    /// by the header. On export: the edge list (see [`Format::CsvNodes`]).
    Csv,
    /// The node list (`Id,Label,...`) that goes with a CSV edge list.
    CsvNodes,
    /// A labelled adjacency matrix, as UCINET, R and Excel users exchange.
    CsvAdjacency,
    Gexf,
    GraphMl,
    Pajek,
    UcinetDl,
}

impl Format {
    /// Chooses a format from a file name's extension (case-insensitive).
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" | "weave" => Format::WeaveJson,
            "csv" => Format::Csv,
            "gexf" => Format::Gexf,
            "graphml" => Format::GraphMl,
            "net" => Format::Pajek,
            "dl" => Format::UcinetDl,
            _ => return None,
        })
    }

    /// The name people know the format by.
    pub fn name(self) -> &'static str {
        match self {
            Format::WeaveJson => "Weave JSON",
            Format::Csv => "CSV",
            Format::CsvNodes => "CSV node list",
            Format::CsvAdjacency => "CSV adjacency matrix",
            Format::Gexf => "GEXF",
            Format::GraphMl => "GraphML",
            Format::Pajek => "Pajek",
            Format::UcinetDl => "UCINET DL",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::WeaveJson => "json",
            Format::Csv | Format::CsvNodes | Format::CsvAdjacency => "csv",
            Format::Gexf => "gexf",
            Format::GraphMl => "graphml",
            Format::Pajek => "net",
            Format::UcinetDl => "dl",
        }
    }
}

/// The largest file Weave imports, in bytes (100 MB). A 50 MB file of any
/// format parses in about a second natively and a few in the browser (see
/// `scripts/bench-formats.sh`); beyond this limit a browser tab risks running
/// out of memory while building the network, so the file is refused with a
/// message before anything is read.
pub const MAX_IMPORT_BYTES: usize = 100 * 1024 * 1024;

/// (Serde: an import runs in the web worker, and its error travels back.)
#[derive(Debug, Error, PartialEq, Clone, serde::Serialize, serde::Deserialize)]
pub enum ImportError {
    #[error("the file is {} MB; Weave imports files up to {} MB — split it, or import it with the `weave` command-line tool", mb(*.bytes), mb(MAX_IMPORT_BYTES))]
    TooLarge { bytes: usize },
    #[error("line {line}, column {column}: {message}")]
    At {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Debug, Error, PartialEq)]
pub enum ExportError {
    #[error("{format} cannot hold this network: {reason}")]
    CannotHold {
        format: &'static str,
        reason: String,
    },
}

/// Node attributes the analysis attaches as metrics. Exports drop them unless
/// [`WriteOptions::include_metrics`] is set, so a plain export carries only
/// what residents said.
pub const METRIC_ATTRS: &[&str] = &[
    "degree",
    "in_degree",
    "out_degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "core",
    "kcore",
    "coreness",
    "clustering",
    "component",
    "community",
    "articulation",
    "constraint",
    "effective_size",
    "broker",
    "bridge",
];

/// How an export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WriteOptions {
    /// Keep the attributes named in [`METRIC_ATTRS`].
    pub include_metrics: bool,
    /// Replace ids and drop names and free text; see [`pseudonymise`].
    pub pseudonymise: Option<u64>,
}

/// Reads a network from file bytes in the given format.
pub fn parse(format: Format, bytes: &[u8]) -> Result<Network, ImportError> {
    parse_with_report(format, bytes).map(|(net, _)| net)
}

/// Megabytes, rounded up, for messages.
fn mb(bytes: usize) -> usize {
    bytes.div_ceil(1024 * 1024)
}

/// Reads a network and says what was skipped or repaired on the way.
///
/// # Errors
/// [`ImportError::TooLarge`] beyond [`MAX_IMPORT_BYTES`]; otherwise the
/// format's own errors, with line and column where the format has lines.
pub fn parse_with_report(
    format: Format,
    bytes: &[u8],
) -> Result<(Network, ImportReport), ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    match format {
        Format::WeaveJson => weave_json::parse(bytes),
        Format::Csv => csv_list::parse_any(bytes),
        Format::CsvNodes => csv_list::parse_nodes(bytes),
        Format::CsvAdjacency => adjacency::parse(bytes),
        Format::Gexf => gexf::parse(bytes),
        Format::GraphMl => graphml::parse(bytes),
        Format::Pajek => pajek::parse(bytes),
        Format::UcinetDl => ucinet::parse(bytes),
    }
}

/// Writes a network in the given format.
pub fn write(
    format: Format,
    net: &Network,
    options: &WriteOptions,
) -> Result<Vec<u8>, ExportError> {
    let net = prepare(net, options);
    let text = match format {
        Format::WeaveJson => weave_json::write(&net),
        Format::Csv => csv_list::write_edges(&net),
        Format::CsvNodes => csv_list::write_nodes(&net),
        Format::CsvAdjacency => adjacency::write(&net),
        Format::Gexf => gexf::write(&net),
        Format::GraphMl => graphml::write(&net),
        Format::Pajek => pajek::write(&net),
        Format::UcinetDl => ucinet::write(&net),
    };
    Ok(text.into_bytes())
}

/// Applies the options every exporter honours: metric stripping and pseudonyms.
pub fn prepare<'a>(net: &'a Network, options: &WriteOptions) -> Cow<'a, Network> {
    let mut out = Cow::Borrowed(net);
    if !options.include_metrics
        && net
            .nodes
            .iter()
            .any(|n| METRIC_ATTRS.iter().any(|m| n.attrs.contains_key(*m)))
    {
        let owned = out.to_mut();
        for node in &mut owned.nodes {
            node.attrs
                .retain(|k, _| !METRIC_ATTRS.contains(&k.as_str()));
        }
    }
    if let Some(seed) = options.pseudonymise {
        out = Cow::Owned(pseudonymise(&out, seed));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::network::{AttrValue, Attrs};

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::from_path("a/b.GraphML"), Some(Format::GraphMl));
        assert_eq!(Format::from_path("x.net"), Some(Format::Pajek));
        assert_eq!(Format::from_path("noext"), None);
    }

    #[test]
    fn metrics_are_dropped_unless_asked_for() {
        let mut net = Network::new(false);
        let mut attrs = Attrs::new();
        attrs.insert("degree".into(), AttrValue::Int(3));
        attrs.insert("area".into(), AttrValue::Str("East".into()));
        net.add_node("a", None, attrs);
        let plain = prepare(&net, &WriteOptions::default());
        assert!(!plain.nodes[0].attrs.contains_key("degree"));
        assert!(plain.nodes[0].attrs.contains_key("area"));
        let full = prepare(
            &net,
            &WriteOptions {
                include_metrics: true,
                pseudonymise: None,
            },
        );
        assert!(full.nodes[0].attrs.contains_key("degree"));
    }
}
