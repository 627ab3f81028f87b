//! `weave`: the command-line companion to the app, for analysts and for the
//! benchmark. Reads any network file Weave imports and prints its analysis.
//!
//! ```text
//! weave analyze FILE [--format json|csv] [--projection people|places]
//!                    [--directed] [--weighted] [--sampled K] [--seed N] [--timings]
//! weave convert IN OUT [--pseudonymise[=SEED]] [--metrics] [--places]
//!                       [--projection people|places] [--gexf-1.2]
//! weave demo OUT.json [--residents N] [--seed N]
//! ```
//! Native, and WASI (`--target wasm32-wasip1`, run under Node's `node:wasi`:
//! a quick way to time the analysis's wasm without a browser). In the
//! browser build (wasm32-unknown-unknown) this binary is empty.

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod cli {
    use std::io::Write;
    use std::time::Instant;
    use weave::core::analysis::csr::Csr;
    use weave::core::analysis::two_mode::{is_two_mode, project, Mode};
    use weave::core::analysis::{
        analyze_with_paths, path_metrics, AnalysisOptions, AnalysisReport, PathMode,
    };
    use weave::core::formats::{parse, Format};
    use weave::core::network::Network;

    const USAGE: &str = "usage:
  weave analyze FILE [--format json|csv] [--projection people|places]
                     [--directed] [--weighted] [--sampled K] [--seed N] [--timings]
  weave convert IN OUT [--pseudonymise[=SEED]] [--metrics] [--places]
                       [--projection people|places] [--gexf-1.2]
  weave demo OUT.json [--residents N] [--seed N]";

    /// Runs a command line; returns the process exit code
    /// (0 ok, 1 failed on the input, 2 wrong usage).
    pub fn run(args: Vec<String>) -> i32 {
        let result = match args.first().map(String::as_str) {
            Some("analyze") => analyze_cmd(&args[1..]),
            // --- convert: owned by the formats engineer (weave::core::formats::write) ---
            Some("convert") => convert(&args[1..]),
            Some("demo") => demo(&args[1..]),
            Some("--help") | Some("-h") | Some("help") => {
                println!("{USAGE}");
                Ok(())
            }
            _ => Err(Failure::Usage("expected a command".into())),
        };
        match result {
            Ok(()) => 0,
            Err(Failure::Usage(m)) => {
                eprintln!("weave: {m}\n{USAGE}");
                2
            }
            Err(Failure::Input(m)) => {
                eprintln!("weave: {m}");
                1
            }
        }
    }

    pub enum Failure {
        Usage(String),
        Input(String),
    }

    /// `weave demo OUT.json [--residents N] [--seed N]`: writes the demo
    /// event (deterministic synthetic residents) as a Weave backup, to try
    /// the other commands on.
    fn demo(args: &[String]) -> Result<(), Failure> {
        let (mut out, mut residents, mut seed) = (None, 150usize, 1u64);
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--residents" => residents = number(value(&mut it, a)?, a)?,
                "--seed" => seed = number(value(&mut it, a)?, a)?,
                flag if flag.starts_with("--") => {
                    return Err(Failure::Usage(format!("unknown option {flag}")))
                }
                path if out.is_none() => out = Some(path.to_string()),
                extra => return Err(Failure::Usage(format!("unexpected argument {extra:?}"))),
            }
        }
        let out = out.ok_or_else(|| Failure::Usage("demo needs an OUT.json file".into()))?;
        let c = weave::core::demo::demo_community_sized(seed, residents);
        std::fs::write(&out, weave::core::formats::weave_json::write_community(&c))
            .map_err(|e| Failure::Input(format!("{out}: {e}")))
    }

    /// `weave convert IN OUT [--pseudonymise[=SEED]] [--metrics] [--places]
    /// [--projection people|places] [--gexf-1.2]`: formats by extension
    /// (.json .csv .gexf .graphml .net .dl). A Weave event backup as IN
    /// becomes its people network (or, with `--places`, its people–places
    /// network). `--projection` turns a two-mode network into its one-mode
    /// projection; `--metrics` computes the analysis metrics and writes them
    /// as node attributes, as the app's export does. A `.csv` OUT gets its
    /// node list beside it as `OUT.nodes.csv`, so isolates and attributes
    /// survive; a `.net` OUT with `--metrics` gets `OUT.community.clu` and
    /// `OUT.betweenness.vec`. The import report goes to stderr.
    fn convert(args: &[String]) -> Result<(), Failure> {
        use weave::core::formats::{self, gexf, weave_json, WriteOptions};
        let mut files = Vec::new();
        let mut options = WriteOptions::default();
        let (mut places, mut gexf12) = (false, false);
        let mut projection = None;
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--projection" => {
                    projection = Some(match value(&mut it, a)? {
                        "people" => Mode::People,
                        "places" => Mode::Places,
                        other => {
                            return Err(Failure::Usage(format!("unknown projection {other:?}")))
                        }
                    })
                }
                // Without a seed the pseudonyms differ on every run, so nobody
                // can link two exports; give one to make them stable.
                "--pseudonymise" | "--pseudonymize" => options.pseudonymise = Some(fresh_seed()),
                s if s.starts_with("--pseudonymise=") => {
                    options.pseudonymise =
                        Some(number(&s["--pseudonymise=".len()..], "--pseudonymise")?)
                }
                "--metrics" => options.include_metrics = true,
                "--places" => places = true,
                "--gexf-1.2" => gexf12 = true,
                flag if flag.starts_with("--") => {
                    return Err(Failure::Usage(format!("unknown option {flag}")))
                }
                path => files.push(path.to_string()),
            }
        }
        let [input, output] = files.as_slice() else {
            return Err(Failure::Usage("convert needs IN and OUT files".into()));
        };
        let in_format = formats::Format::from_path(input)
            .ok_or_else(|| Failure::Input(format!("{input}: unknown file type")))?;
        let out_format = formats::Format::from_path(output).ok_or_else(|| {
            Failure::Input(format!(
                "{output}: unknown file type (use .json .csv .gexf .graphml .net or .dl)"
            ))
        })?;
        let bytes = std::fs::read(input).map_err(|e| Failure::Input(format!("{input}: {e}")))?;
        let fail = |e: formats::ImportError| Failure::Input(format!("{input}: {e}"));
        let net = match in_format {
            formats::Format::WeaveJson => match weave_json::parse_document(&bytes).map_err(fail)? {
                weave_json::Document::Network(n) => n,
                weave_json::Document::Community(c) if places => {
                    weave::core::analysis::build::people_places_network(&c)
                }
                weave_json::Document::Community(c) => {
                    weave::core::analysis::build::people_network(&c)
                }
            },
            f => {
                let nodes_file = input
                    .strip_suffix(".csv")
                    .filter(|stem| f == formats::Format::Csv && !stem.ends_with(".nodes"))
                    .map(|stem| format!("{stem}.nodes.csv"))
                    .filter(|p| std::path::Path::new(p).exists());
                let (net, report) = match nodes_file {
                    Some(p) => {
                        let nodes =
                            std::fs::read(&p).map_err(|e| Failure::Input(format!("{p}: {e}")))?;
                        formats::csv_list::parse_pair(&nodes, &bytes).map_err(fail)?
                    }
                    None => formats::parse_with_report(f, &bytes).map_err(fail)?,
                };
                eprintln!("{input}: {report}");
                net
            }
        };
        let mut net = match projection {
            Some(mode) if is_two_mode(&net) => project(&net, mode),
            Some(_) => {
                return Err(Failure::Input(format!(
                    "{input}: --projection needs a two-mode network (a backup with --places, or node attribute kind=person/place or bipartite=0/1)"
                )))
            }
            None => net,
        };
        if options.include_metrics {
            let report = weave::core::analysis::analyze(&net, &Default::default());
            weave::core::exchange::export_plan::attach_metrics(&mut net, &report);
        }
        let write = |path: &str, data: Vec<u8>| {
            std::fs::write(path, data).map_err(|e| Failure::Input(format!("{path}: {e}")))
        };
        let data = if out_format == formats::Format::Gexf && gexf12 {
            gexf::write_version(&formats::prepare(&net, &options), gexf::Version::V1_2Draft)
                .into_bytes()
        } else {
            formats::write(out_format, &net, &options)
                .map_err(|e| Failure::Input(format!("{output}: {e}")))?
        };
        write(output, data)?;
        if out_format == formats::Format::Pajek && options.include_metrics {
            // As the app does: communities as a partition, betweenness as a vector.
            let prepared = formats::prepare(&net, &options);
            let stem = output.strip_suffix(".net").unwrap_or(output);
            write(
                &format!("{stem}.community.clu"),
                formats::pajek::write_clu(&prepared, "community").into_bytes(),
            )?;
            write(
                &format!("{stem}.betweenness.vec"),
                formats::pajek::write_vec(&prepared, "betweenness").into_bytes(),
            )?;
        }
        if out_format == formats::Format::Csv {
            let nodes = formats::write(formats::Format::CsvNodes, &net, &options)
                .map_err(|e| Failure::Input(format!("{output}: {e}")))?;
            let stem = output.strip_suffix(".csv").unwrap_or(output);
            write(&format!("{stem}.nodes.csv"), nodes)?;
        }
        Ok(())
    }

    /// A seed nobody can guess from the output: clock and process id.
    fn fresh_seed() -> u64 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        nanos ^ (u64::from(std::process::id()) << 32)
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum OutFormat {
        Json,
        Csv,
    }

    struct AnalyzeArgs {
        file: String,
        format: OutFormat,
        projection: Option<Mode>,
        options: AnalysisOptions,
        timings: bool,
    }

    fn value<'a>(
        it: &mut impl Iterator<Item = &'a String>,
        flag: &str,
    ) -> Result<&'a str, Failure> {
        it.next()
            .map(String::as_str)
            .ok_or_else(|| Failure::Usage(format!("{flag} needs a value")))
    }

    fn number<T: std::str::FromStr>(s: &str, flag: &str) -> Result<T, Failure> {
        s.parse()
            .map_err(|_| Failure::Usage(format!("{flag} needs a number, not {s:?}")))
    }

    fn parse_args(args: &[String]) -> Result<AnalyzeArgs, Failure> {
        let mut file = None;
        let mut sampled = None;
        let mut out = AnalyzeArgs {
            file: String::new(),
            format: OutFormat::Json,
            projection: None,
            options: AnalysisOptions::default(),
            timings: false,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" => {
                    out.format = match value(&mut it, a)? {
                        "json" => OutFormat::Json,
                        "csv" => OutFormat::Csv,
                        other => return Err(Failure::Usage(format!("unknown format {other:?}"))),
                    }
                }
                "--projection" => {
                    out.projection = Some(match value(&mut it, a)? {
                        "people" => Mode::People,
                        "places" => Mode::Places,
                        other => {
                            return Err(Failure::Usage(format!("unknown projection {other:?}")))
                        }
                    })
                }
                "--directed" => out.options.directed = Some(true),
                "--weighted" => out.options.weighted = true,
                "--timings" => out.timings = true,
                "--sampled" => sampled = Some(number(value(&mut it, a)?, a)?),
                "--seed" => out.options.seed = number(value(&mut it, a)?, a)?,
                flag if flag.starts_with("--") => {
                    return Err(Failure::Usage(format!("unknown option {flag}")))
                }
                path if file.is_none() => file = Some(path.to_string()),
                extra => return Err(Failure::Usage(format!("unexpected argument {extra:?}"))),
            }
        }
        if let Some(pivots) = sampled {
            out.options.paths = PathMode::Sampled {
                pivots,
                seed: out.options.seed,
            };
        }
        out.file = file.ok_or_else(|| Failure::Usage("analyze needs a FILE".into()))?;
        Ok(out)
    }

    /// Reads a network file in whatever format its extension says.
    pub fn read_network(path: &str) -> Result<Network, Failure> {
        let format = Format::from_path(path)
            .ok_or_else(|| Failure::Input(format!("{path}: unknown file type")))?;
        let bytes = std::fs::read(path).map_err(|e| Failure::Input(format!("{path}: {e}")))?;
        parse(format, &bytes).map_err(|e| Failure::Input(format!("{path}: {e}")))
    }

    fn analyze_cmd(args: &[String]) -> Result<(), Failure> {
        let a = parse_args(args)?;
        let t0 = Instant::now();
        let mut net = read_network(&a.file)?;
        let read_ms = t0.elapsed().as_secs_f64() * 1e3;
        if let Some(mode) = a.projection {
            if !is_two_mode(&net) {
                return Err(Failure::Input(format!(
                    "{}: --projection needs a two-mode network (node attribute kind=person/place or bipartite=0/1)",
                    a.file
                )));
            }
            net = project(&net, mode);
        }
        // The path sweep is run (and timed) on its own: it is the O(n·m) part
        // the benchmark compares with igraph's betweenness.
        let t1 = Instant::now();
        let paths = (a.options.paths == PathMode::Exact).then(|| {
            let directed = a.options.directed.unwrap_or(net.directed);
            path_metrics(&Csr::with_direction(&net, directed), a.options.weighted)
        });
        let paths_ms = t1.elapsed().as_secs_f64() * 1e3;
        let report = analyze_with_paths(&net, &a.options, paths);
        let analysis_ms = t1.elapsed().as_secs_f64() * 1e3;
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        let written = match a.format {
            OutFormat::Json => serde_json::to_writer(&mut w, &report)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(w)),
            OutFormat::Csv => write_csv(&mut w, &report),
        };
        written
            .and_then(|()| w.flush())
            .map_err(|e| Failure::Input(format!("writing the output: {e}")))?;
        if a.timings {
            eprintln!("read_ms={read_ms:.3} paths_ms={paths_ms:.3} analysis_ms={analysis_ms:.3}");
        }
        Ok(())
    }

    fn opt(v: Option<f64>) -> String {
        v.map(|x| x.to_string()).unwrap_or_default()
    }

    /// Quotes a CSV field when it needs it.
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }

    /// One row per node, then an empty line and `figure,value` rows for the graph.
    fn write_csv(w: &mut impl Write, r: &AnalysisReport) -> std::io::Result<()> {
        writeln!(
            w,
            "id,degree,in_degree,out_degree,weighted_degree,betweenness,closeness,harmonic,pagerank,eigenvector,core,clustering,component,community,articulation,constraint,effective_size"
        )?;
        for n in &r.nodes {
            writeln!(
                w,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                field(&n.id),
                n.degree,
                n.in_degree,
                n.out_degree,
                n.weighted_degree,
                opt(n.betweenness),
                opt(n.closeness),
                opt(n.harmonic),
                n.pagerank,
                n.eigenvector,
                n.core,
                n.clustering,
                n.component,
                n.community,
                n.articulation,
                opt(n.constraint),
                opt(n.effective_size),
            )?;
        }
        let g = &r.graph;
        writeln!(w)?;
        writeln!(w, "figure,value")?;
        let rows: [(&str, String); 14] = [
            ("nodes", g.nodes.to_string()),
            ("edges", g.edges.to_string()),
            ("directed", g.directed.to_string()),
            ("density", g.density.to_string()),
            ("components", g.components.to_string()),
            ("largest_component", g.largest_component.to_string()),
            ("isolates", g.isolates.to_string()),
            ("transitivity", g.transitivity.to_string()),
            ("communities", g.communities.to_string()),
            ("modularity", g.modularity.to_string()),
            ("reciprocity", opt(g.reciprocity)),
            ("mean_degree", g.mean_degree.to_string()),
            ("bridges", g.bridges.to_string()),
            ("articulation_points", g.articulation_points.to_string()),
        ];
        for (k, v) in rows {
            writeln!(w, "{k},{v}")?;
        }
        Ok(())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn args(s: &str) -> Vec<String> {
            s.split_whitespace().map(String::from).collect()
        }

        #[test]
        fn parses_every_option() {
            let a = parse_args(&args("g.csv --format csv --projection places --directed --weighted --seed 3 --sampled 10"))
                .ok()
                .unwrap();
            assert_eq!(a.file, "g.csv");
            assert_eq!(a.format, OutFormat::Csv);
            assert_eq!(a.projection, Some(Mode::Places));
            assert_eq!(a.options.directed, Some(true));
            assert!(a.options.weighted);
            assert_eq!(
                a.options.paths,
                PathMode::Sampled {
                    pivots: 10,
                    seed: 3
                }
            );
        }

        #[test]
        fn wrong_usage_exits_with_two() {
            assert_eq!(run(args("analyze")), 2);
            assert_eq!(run(args("analyze g.csv --format xml")), 2);
            assert_eq!(run(args("frobnicate")), 2);
            assert_eq!(run(args("analyze a.csv b.csv")), 2);
        }

        #[test]
        fn missing_file_exits_with_one() {
            assert_eq!(run(args("analyze /nonexistent/graph.csv")), 1);
            assert_eq!(run(args("analyze graph.unknown")), 1);
        }

        #[test]
        fn csv_quotes_awkward_ids() {
            assert_eq!(field("a,b"), "\"a,b\"");
            assert_eq!(field("plain"), "plain");
        }
    }
}
