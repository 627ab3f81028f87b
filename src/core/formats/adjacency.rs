//! Stub: not built yet.
use super::report::ImportReport;
use super::ImportError;
use crate::core::network::Network;

pub fn parse(_bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    Err(ImportError::Unsupported {
        format: "adjacency",
    })
}

pub fn write(_net: &Network) -> String {
    String::new()
}
