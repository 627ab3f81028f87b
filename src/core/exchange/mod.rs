//! Data exchange as the facilitator sees it: which files an export choice
//! makes, what an incoming file would import (before anything changes), and
//! how a bare network from another tool becomes an event. Built on the
//! parsers and writers in [`super::formats`] and the networks in
//! [`super::analysis`]; the facilitator's components only show and download
//! what these return.

pub mod export_plan;
pub mod import_plan;
pub mod network_import;
