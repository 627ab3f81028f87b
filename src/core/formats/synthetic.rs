//! Deterministic large files for the format benchmark (`scripts/bench-formats.sh`):
//! a community-shaped network of people with typed attributes and weighted,
//! attributed ties, scaled until its file in a given format reaches a target
//! size. Shared by the native bench and the one that runs as wasm in
//! headless Chromium, so both measure the same bytes.

use super::{weave_json, write, Format, WriteOptions};
use crate::core::demo::demo_community_sized;
use crate::core::network::{AttrValue, Attrs, Network};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The formats the benchmark measures, each with the name it prints.
pub const BENCH_FORMATS: [(Format, &str); 7] = [
    (Format::WeaveJson, "Weave JSON"),
    (Format::Csv, "CSV edge list"),
    (Format::CsvAdjacency, "CSV adjacency"),
    (Format::Gexf, "GEXF 1.3"),
    (Format::GraphMl, "GraphML"),
    (Format::Pajek, "Pajek .net"),
    (Format::UcinetDl, "UCINET DL"),
];

const AREAS: [&str; 6] = [
    "Murton East",
    "Murton West",
    "Hawthorn",
    "Cold Hesledon",
    "Eppleton",
    "Seaham Road",
];

/// A network of `nodes` people, each with about `ties` weighted ties to
/// others (more to people in the same area), with a label, an area, an age,
/// a wellbeing score and a carer flag; ties carry a frequency.
pub fn network(nodes: usize, ties: usize, seed: u64) -> Network {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut net = Network::new(false);
    for i in 0..nodes {
        let mut a = Attrs::new();
        a.insert("area".into(), AttrValue::Str(AREAS[i % AREAS.len()].into()));
        a.insert("age".into(), AttrValue::Int(rng.random_range(16..95)));
        a.insert(
            "wellbeing".into(),
            AttrValue::Float(f64::from(rng.random_range(7u32..35)) / 5.0),
        );
        a.insert("carer".into(), AttrValue::Bool(rng.random_bool(0.2)));
        net.add_node(format!("r:{i}"), Some(format!("Resident {i}")), a);
    }
    if nodes < 2 {
        return net;
    }
    for s in 0..nodes {
        for _ in 0..ties / 2 {
            let local = rng.random_bool(0.7);
            let t = if local {
                (s + AREAS.len() * rng.random_range(1..50)) % nodes
            } else {
                rng.random_range(0..nodes)
            };
            if t == s {
                continue;
            }
            let mut a = Attrs::new();
            let f = ["daily", "weekly", "monthly"][rng.random_range(0..3)];
            a.insert("frequency".into(), AttrValue::Str(f.into()));
            net.add_edge(s, t, f64::from(rng.random_range(1u32..4)), a);
        }
    }
    net
}

/// Writes `net` as `format`; a Weave JSON network document for `WeaveJson`.
pub fn bytes(format: Format, net: &Network) -> Vec<u8> {
    write(format, net, &WriteOptions::default()).unwrap_or_default()
}

/// A network whose file in `format` is close to `target` bytes, and that
/// file. The size is found from a small sample and scaled (an adjacency
/// matrix grows with the square of the node count, every other format
/// linearly), so it lands within a few percent.
pub fn sized(format: Format, target: usize, seed: u64) -> (Network, Vec<u8>) {
    let ties = 8;
    let probe = 2_000;
    let sample = bytes(format, &network(probe, ties, seed)).len().max(1) as f64;
    let scale = target as f64 / sample;
    let nodes = if format == Format::CsvAdjacency {
        (probe as f64 * scale.sqrt()) as usize
    } else {
        (probe as f64 * scale) as usize
    };
    let net = network(nodes.max(2), ties, seed);
    let data = bytes(format, &net);
    (net, data)
}

/// A Weave event backup of about `target` bytes: the demo community, scaled
/// by its number of residents.
pub fn backup(target: usize, seed: u64) -> Vec<u8> {
    let probe = 200;
    let sample = weave_json::write_community(&demo_community_sized(seed, probe)).len();
    let residents = (probe as f64 * target as f64 / sample.max(1) as f64) as usize;
    weave_json::write_community(&demo_community_sized(seed, residents.max(1))).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_file_and_sizes_land_near_the_target() {
        assert_eq!(network(50, 8, 3), network(50, 8, 3));
        for (format, _) in BENCH_FORMATS {
            let (net, data) = sized(format, 400_000, 1);
            let ratio = data.len() as f64 / 400_000.0;
            assert!(
                (0.8..1.25).contains(&ratio),
                "{format:?}: {} bytes",
                data.len()
            );
            assert!(net.edges.len() > net.nodes.len() / 2, "{format:?}");
        }
    }
}
