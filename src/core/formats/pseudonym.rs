//! Stub.
use crate::core::network::Network;
pub fn pseudonymise(net: &Network, _seed: u64) -> Network {
    net.clone()
}
