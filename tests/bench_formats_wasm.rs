//! The browser half of `scripts/bench-formats.sh`: the same ~50 MB files as
//! `src/bin/bench-formats.rs`, parsed and written by the wasm build in
//! headless Chromium, timed with `performance.now()`. Not part of the wasm
//! test step (its name does not start with `web_`): run by the bench script
//! with `BENCH_MB` to choose the size (default 50).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use weave::core::formats::{parse_with_report, synthetic, weave_json, write, WriteOptions};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn bench_formats_in_the_browser() {
    let mb: f64 = option_env!("BENCH_MB")
        .and_then(|s| s.parse().ok())
        .unwrap_or(50.0);
    let target = (mb * 1024.0 * 1024.0) as usize;
    console_log!("browser (wasm, headless Chromium), {mb} MB files (seed 1)");
    console_log!(
        "{:<16} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}  budget 1 s/MB",
        "format",
        "MB",
        "nodes",
        "edges",
        "parse s",
        "MB/s",
        "write s"
    );
    for (format, name) in synthetic::BENCH_FORMATS {
        let (net, data) = synthetic::sized(format, target, 1);
        let size = data.len() as f64 / 1024.0 / 1024.0;
        let t = now();
        let parsed = parse_with_report(format, &data);
        let parse_s = (now() - t) / 1000.0;
        let (nodes, edges) = match &parsed {
            Ok((n, _)) => (n.nodes.len(), n.edges.len()),
            Err(e) => panic!("{name} failed to parse: {e}"),
        };
        drop(parsed);
        let t = now();
        let written = write(format, &net, &WriteOptions::default()).map_or(0, |b| b.len());
        let write_s = (now() - t) / 1000.0;
        assert!(written > 0);
        console_log!(
            "{name:<16} {size:>8.1} {nodes:>9} {edges:>9} {parse_s:>9.2} {:>9.1} {write_s:>9.2}  {}",
            size / parse_s,
            if parse_s <= size { "ok" } else { "TOO SLOW" }
        );
    }
    let backup = synthetic::backup(target, 1);
    let size = backup.len() as f64 / 1024.0 / 1024.0;
    let t = now();
    let community = weave_json::parse_community(&backup).expect("the backup parses");
    let parse_s = (now() - t) / 1000.0;
    let t = now();
    let written = weave_json::write_community(&community).len();
    let write_s = (now() - t) / 1000.0;
    assert!(written > 0);
    console_log!(
        "{:<16} {size:>8.1} {:>9} {:>9} {parse_s:>9.2} {:>9.1} {write_s:>9.2}  {}",
        "Weave backup",
        community.responses.len(),
        "-",
        size / parse_s,
        if parse_s <= size { "ok" } else { "TOO SLOW" }
    );
}
