//! Network analysis: building networks from a community ([`build`]), the
//! metrics (one module per family, all over the flat [`csr::Csr`]
//! adjacency), and plain-words [`findings`].
//!
//! The single entry point for callers (the CLI, the web worker) is
//! [`analyze`]: a [`Network`] and [`AnalysisOptions`] in, a serialisable
//! [`AnalysisReport`] out. A worker that wants to show progress runs the
//! expensive shortest-path sweep itself in chunks with
//! [`paths::BetweennessAccumulator`] and hands the result to
//! [`analyze_with_paths`].
//!
//! The algorithms are written here over CSR arrays rather than taken from
//! rustworkx-core: that crate pulls in rayon, hashbrown and indexmap (weight
//! the wasm budget does not need, and rayon runs single-threaded in the
//! browser anyway), and we need networkx's exact conventions (unnormalised
//! betweenness, Wasserman–Faust closeness scaling, its power iterations) to
//! test against it.

pub mod build;
pub mod cohesion;
pub mod components;
pub mod csr;
pub mod degree;
pub mod findings;
pub mod groups;
pub mod holes;
pub mod louvain;
pub mod paths;
pub mod report;
pub mod spectral;
pub mod two_mode;

pub use build::{people_network, people_places_network, projection};
pub use findings::{findings, findings_with, Finding, FindingKind};
pub use paths::{betweenness_sampled, path_metrics, BetweennessAccumulator, PathMetrics};
pub use report::{
    analyze, analyze_with_paths, AnalysisOptions, AnalysisReport, GraphFigures, NodeMetrics,
    PathMode,
};

use crate::core::network::Network;
