//! File formats: one module per format, each `parse(bytes) -> Result<_, ImportError>`
//! and `write(...) -> bytes`. This module picks a format by file extension.

use crate::core::network::Network;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    WeaveJson,
    Csv,
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
}

#[derive(Debug, Error, PartialEq)]
pub enum ImportError {
    #[error("{format} support is not built yet")]
    Unsupported { format: &'static str },
    #[error("line {line}, column {column}: {message}")]
    At {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Invalid(String),
}

/// Reads a network from file bytes in the given format.
pub fn parse(format: Format, _bytes: &[u8]) -> Result<Network, ImportError> {
    Err(ImportError::Unsupported {
        format: match format {
            Format::WeaveJson => "Weave JSON",
            Format::Csv => "CSV",
            Format::Gexf => "GEXF",
            Format::GraphMl => "GraphML",
            Format::Pajek => "Pajek",
            Format::UcinetDl => "UCINET DL",
        },
    })
}
