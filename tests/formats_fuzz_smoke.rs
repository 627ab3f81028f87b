//! A stable-Rust fuzz smoke test, run in CI on every change: each parser gets
//! a few thousand seeded random mutations of the fixtures (byte flips,
//! truncations, spliced format keywords, invalid UTF-8, huge numbers). None
//! may panic; whatever parses must write and parse again, and writing what
//! was read back must give the same bytes. The cargo-fuzz
//! targets under fuzz/ explore far more, but need nightly and time.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::PathBuf;
use weave::core::formats::{parse_with_report, write, Format, WriteOptions};

/// (fixture, format it is read as)
const SEEDS: &[(&str, Format)] = &[
    ("nx_attrs.graphml", Format::GraphMl),
    ("ig_attrs.graphml", Format::GraphMl),
    ("malformed/unknown_nodes.graphml", Format::GraphMl),
    ("nx_attrs.gexf", Format::Gexf),
    ("nx_simple.net", Format::Pajek),
    ("ig_directed.net", Format::Pajek),
    ("malformed/unknown_vertices.net", Format::Pajek),
    ("nx_edges.csv", Format::Csv),
    ("malformed/bad_weights.csv", Format::Csv),
    ("malformed/truncated.dl", Format::UcinetDl),
    ("nx_edges.csv", Format::CsvAdjacency),
];

/// Fragments that steer mutations into the parsers' interesting corners.
const TOKENS: &[&str] = &[
    "<!DOCTYPE x [<!ENTITY a \"aa\">]>",
    "&a;",
    "&#0;",
    "&#xD800;",
    "<node id=\"\"/>",
    "<edge source=\"x\"/>",
    "</graph>",
    "<![CDATA[",
    "*Vertices 3 9",
    "*Arcs",
    "*Edgeslist",
    "\"",
    "dl nr=2 nc=99",
    "labels embedded:",
    "data:",
    "format = nodelist1",
    ",,,,",
    "\u{0}",
    "NaN",
    "-inf",
    "1e999",
    "99999999999999999999",
    "\n",
    "\r\n",
    "=cmd|' /C calc'!A0",
];

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    std::fs::read(p).unwrap()
}

fn mutate(mut bytes: Vec<u8>, seed: u64) -> Vec<u8> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for _ in 0..rng.random_range(1..6) {
        let at = if bytes.is_empty() {
            0
        } else {
            rng.random_range(0..bytes.len())
        };
        match rng.random_range(0..6) {
            0 => bytes.truncate(at),
            1 if !bytes.is_empty() => bytes[at] = rng.random(),
            2 => {
                let t = TOKENS[rng.random_range(0..TOKENS.len())];
                bytes.splice(at..at, t.bytes());
            }
            3 => {
                let end = (at + rng.random_range(0..64)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                bytes.splice(at..at, chunk);
            }
            4 => {
                let end = (at + rng.random_range(0..32)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => bytes.insert(at, [0xFF, 0xC3, 0xE9, 0x80][rng.random_range(0..4)]),
        }
    }
    bytes
}

fn check(format: Format, bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok((net, _)) = parse_with_report(format, bytes) {
        let opts = WriteOptions {
            include_metrics: true,
            pseudonymise: None,
        };
        let out = write(format, &net, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = match parse_with_report(format, &out) {
            Ok((back, _)) => back,
            Err(e) => {
                return Err(TestCaseError::fail(format!(
                    "{format:?}: Weave cannot read what it wrote: {e}\n{}",
                    String::from_utf8_lossy(&out)
                )))
            }
        };
        // What Weave wrote once is a fixed point: writing what it read back
        // gives the same bytes, so nothing more is lost on a second trip.
        let again = write(format, &back, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if again != out {
            return Err(TestCaseError::fail(format!(
                "{format:?}: a second round trip changed the file\n--- first:\n{}\n--- second:\n{}",
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&again)
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 3000,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x5745_4156),
        ..Config::default()
    })]

    #[test]
    fn mutated_fixtures_never_panic(which in 0..SEEDS.len(), seed in any::<u64>()) {
        let (name, format) = SEEDS[which];
        let bytes = mutate(fixture(name), seed);
        check(format, &bytes)?;
        // Every parser also meets every other format's bytes.
        check(Format::WeaveJson, &bytes)?;
        check(Format::UcinetDl, &bytes)?;
    }
}

/// Every input cargo-fuzz ever found (kept under tests/fixtures/formats/fuzz/
/// as `<target>-<libFuzzer name>`, see scripts/fuzz.sh) stays fixed, on
/// stable Rust and without libFuzzer: each meets every parser, and whatever
/// parses writes and parses again.
#[test]
fn inputs_found_by_fuzzing_stay_fixed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for format in [
            Format::Csv,
            Format::CsvNodes,
            Format::CsvAdjacency,
            Format::Gexf,
            Format::GraphMl,
            Format::Pajek,
            Format::UcinetDl,
            Format::WeaveJson,
        ] {
            if let Err(e) = check(format, &bytes) {
                panic!("{name} as {format:?}: {e}");
            }
        }
        seen += 1;
    }
    eprintln!("{seen} regression inputs replayed");
}
