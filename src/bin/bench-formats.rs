//! Parse and write speed of every import format on files of about 50 MB
//! (see `weave::core::formats::synthetic`), natively. The same files are
//! timed in the browser by `tests/bench_formats_wasm.rs`; both run from
//! `scripts/bench-formats.sh`. The budget is at most one second per
//! MB (1 MB/s); the verdict column says whether each format meets it.
//!
//! Usage: `bench-formats [megabytes=50] [seed=1]`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::time::Instant;
    use weave::core::formats::{parse_with_report, synthetic, weave_json, write, WriteOptions};

    pub fn run() {
        let args: Vec<String> = std::env::args().collect();
        let mb: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(50.0);
        let seed = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
        let target = (mb * 1024.0 * 1024.0) as usize;
        println!("native, {mb} MB files (seed {seed})");
        println!(
            "{:<16} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}  budget 1 s/MB",
            "format", "MB", "nodes", "edges", "parse s", "MB/s", "write s"
        );
        let mut worst: f64 = f64::INFINITY;
        for (format, name) in synthetic::BENCH_FORMATS {
            let (net, data) = synthetic::sized(format, target, seed);
            let size = data.len() as f64 / 1024.0 / 1024.0;
            let t = Instant::now();
            let parsed = parse_with_report(format, &data);
            let parse_s = t.elapsed().as_secs_f64();
            let (nodes, edges) = match &parsed {
                Ok((n, _)) => (n.nodes.len(), n.edges.len()),
                Err(e) => {
                    println!("{name:<16} failed to parse: {e}");
                    std::process::exit(1);
                }
            };
            let t = Instant::now();
            let written = write(format, &net, &WriteOptions::default()).map_or(0, |b| b.len());
            let write_s = t.elapsed().as_secs_f64();
            let rate = size / parse_s;
            worst = worst.min(rate);
            println!(
                "{name:<16} {size:>8.1} {nodes:>9} {edges:>9} {parse_s:>9.2} {rate:>9.1} {write_s:>9.2}  {}",
                if parse_s <= size { "ok" } else { "TOO SLOW" }
            );
            assert!(written > 0);
        }
        let backup = synthetic::backup(target, seed);
        let size = backup.len() as f64 / 1024.0 / 1024.0;
        let t = Instant::now();
        let community = weave_json::parse_community(&backup);
        let parse_s = t.elapsed().as_secs_f64();
        let Ok(community) = community else {
            println!("Weave backup failed to parse");
            std::process::exit(1);
        };
        let t = Instant::now();
        let written = weave_json::write_community(&community).len();
        let write_s = t.elapsed().as_secs_f64();
        let rate = size / parse_s;
        worst = worst.min(rate);
        println!(
            "{:<16} {size:>8.1} {:>9} {:>9} {parse_s:>9.2} {rate:>9.1} {write_s:>9.2}  {}",
            "Weave backup",
            community.responses.len(),
            "-",
            if parse_s <= size { "ok" } else { "TOO SLOW" }
        );
        assert!(written > 0);
        if worst < 1.0 {
            std::process::exit(1);
        }
    }
}
