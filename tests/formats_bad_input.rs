//! The bad-input matrix of issue #7, case by case against every parser it
//! applies to: truncated files, wrong encodings, XML with DOCTYPE or entity
//! references, duplicate ids, edges to unknown nodes, NaN weights, labels
//! with control characters, files over the size limit. Each must give a
//! clear message — with the line (and column) where the format has lines —
//! or a report naming the lines it skipped or repaired; never a panic.
//!
//! Speed on 50 MB files is measured by `scripts/bench-formats.sh`, not here.

use weave::core::formats::{
    self, parse_with_report, write, Format, ImportError, ImportReport, IssueKind, WriteOptions,
};
use weave::core::network::Network;

/// Every parser the import menu reaches, with a small good file in which
/// the label `Zoë` sits on line `ZOE_LINE` of its format.
fn good(format: Format) -> String {
    match format {
        Format::GraphMl => concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
            "  <key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
            "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
            "  <graph edgedefault=\"undirected\">\n",
            "    <node id=\"a\"><data key=\"l\">Ann</data></node>\n",
            "    <node id=\"z\"><data key=\"l\">Zoë</data></node>\n",
            "    <node id=\"b\"><data key=\"l\">Bob</data></node>\n",
            "    <edge source=\"a\" target=\"z\"><data key=\"w\">2.0</data></edge>\n",
            "    <edge source=\"z\" target=\"b\"><data key=\"w\">1.0</data></edge>\n",
            "  </graph>\n",
            "</graphml>\n"
        )
        .into(),
        Format::Gexf => concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
            "  <graph defaultedgetype=\"undirected\">\n",
            "    <nodes>\n",
            "      <node id=\"a\" label=\"Ann\"/>\n",
            "      <node id=\"z\" label=\"Zoë\"/>\n",
            "      <node id=\"b\" label=\"Bob\"/>\n",
            "    </nodes>\n",
            "    <edges>\n",
            "      <edge id=\"0\" source=\"a\" target=\"z\" weight=\"2.0\"/>\n",
            "      <edge id=\"1\" source=\"z\" target=\"b\" weight=\"1.0\"/>\n",
            "    </edges>\n",
            "  </graph>\n",
            "</gexf>\n"
        )
        .into(),
        Format::Pajek => concat!(
            "*Vertices 3\n",
            "1 \"Ann\"\n",
            "2 \"Zoë\"\n",
            "3 \"Bob\"\n",
            "*Edges\n",
            "1 2 2.0\n",
            "2 3 1.0\n"
        )
        .into(),
        Format::UcinetDl => concat!(
            "dl n=3 format=edgelist1\n",
            "labels:\n",
            "Ann,Zoë,Bob\n",
            "data:\n",
            "1 2 2.0\n",
            "2 3 1.0\n"
        )
        .into(),
        Format::Csv => concat!("Source,Target,Weight\n", "Ann,Zoë,2.0\n", "Zoë,Bob,1.0\n").into(),
        Format::CsvAdjacency => concat!(
            ",Ann,Zoë,Bob\n",
            "Ann,0,2,0\n",
            "Zoë,2,0,1\n",
            "Bob,0,1,0\n"
        )
        .into(),
        Format::WeaveJson => concat!(
            "{\"format\": \"weave-network\", \"version\": 1, \"network\": {\n",
            "  \"directed\": false,\n",
            "  \"nodes\": [\n",
            "    {\"id\": \"a\", \"label\": \"Ann\"},\n",
            "    {\"id\": \"z\", \"label\": \"Zoë\"},\n",
            "    {\"id\": \"b\", \"label\": \"Bob\"}\n",
            "  ],\n",
            "  \"edges\": [\n",
            "    {\"source\": 0, \"target\": 1, \"weight\": 2.0},\n",
            "    {\"source\": 1, \"target\": 2, \"weight\": 1.0}\n",
            "  ]\n",
            "}}\n"
        )
        .into(),
        Format::CsvNodes => "Id,Label\na,Ann\nz,Zoë\nb,Bob\n".into(),
    }
}

const ALL: [Format; 8] = [
    Format::GraphMl,
    Format::Gexf,
    Format::Pajek,
    Format::UcinetDl,
    Format::Csv,
    Format::CsvAdjacency,
    Format::CsvNodes,
    Format::WeaveJson,
];

/// The line on which `Zoë` first appears in [`good`].
fn zoe_line(format: Format) -> usize {
    let text = good(format);
    1 + text[..text.find("Zoë").expect("every sample names Zoë")]
        .matches('\n')
        .count()
}

/// Parses, turning a panic into a test failure that names the case.
fn run(format: Format, bytes: &[u8], case: &str) -> Result<(Network, ImportReport), ImportError> {
    std::panic::catch_unwind(|| parse_with_report(format, bytes))
        .unwrap_or_else(|_| panic!("{format:?} panicked on {case}"))
}

fn error_at(format: Format, bytes: &[u8], case: &str) -> (usize, usize, String) {
    match run(format, bytes, case) {
        Err(ImportError::At {
            line,
            column,
            message,
        }) => {
            assert!(
                line >= 1 && column >= 1,
                "{format:?} {case}: {line}:{column}"
            );
            assert!(
                message.len() > 10,
                "{format:?} {case}: a message people can read: {message:?}"
            );
            (line, column, message)
        }
        other => panic!("{format:?} {case}: expected an error with a line, got {other:?}"),
    }
}

#[test]
fn every_sample_is_good_to_begin_with() {
    for f in ALL {
        let (net, report) = run(f, good(f).as_bytes(), "the good sample").unwrap();
        assert_eq!(net.nodes.len(), 3, "{f:?}");
        assert!(report.is_clean(), "{f:?}: {report}");
        assert!(
            net.nodes
                .iter()
                .any(|n| n.label.as_deref() == Some("Zoë") || n.id == "Zoë"),
            "{f:?}"
        );
    }
}

#[test]
fn truncated_structured_files_name_the_line_where_they_stop() {
    for f in [Format::GraphMl, Format::Gexf, Format::WeaveJson] {
        let text = good(f);
        for cut in [text.len() / 3, text.len() / 2, text.len() - 4] {
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let (line, _, message) = error_at(f, &text.as_bytes()[..cut], "a truncated file");
            let last_line = 1 + text[..cut].matches('\n').count();
            assert!(
                line <= last_line + 1,
                "{f:?}: line {line} past the end ({last_line}): {message}"
            );
        }
    }
}

/// The ties of a network as unordered pairs of labels (or ids).
fn ties(net: &Network) -> std::collections::BTreeSet<(String, String)> {
    let name = |i: usize| {
        let n = &net.nodes[i];
        n.label.clone().unwrap_or_else(|| n.id.clone())
    };
    net.edges
        .iter()
        .map(|e| {
            let (a, b) = (name(e.source), name(e.target));
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect()
}

#[test]
fn truncated_line_formats_never_invent_records() {
    // A line format cut at a line break is a shorter, valid file; cut inside
    // a record it loses at most that record, and says so.
    for f in [
        Format::Pajek,
        Format::UcinetDl,
        Format::Csv,
        Format::CsvAdjacency,
    ] {
        let text = good(f);
        let full = ties(&run(f, text.as_bytes(), "good").unwrap().0);
        for cut in 1..text.len() {
            if !text.is_char_boundary(cut) {
                continue;
            }
            match run(f, &text.as_bytes()[..cut], "a truncated file") {
                // Compare ties, not directed edges: a matrix cut inside its
                // lower half is no longer symmetric and reads as directed.
                // Only the record the cut falls in may differ (`Zo` for `Zoë`).
                Ok((net, _)) => {
                    let got = ties(&net);
                    assert!(
                        got.len() <= full.len() && got.difference(&full).count() <= 1,
                        "{f:?} cut at {cut}: {got:?} against {full:?}"
                    )
                }
                Err(e) => assert!(e.to_string().len() > 10, "{f:?} cut at {cut}: {e}"),
            }
        }
    }
}

#[test]
fn latin1_bytes_are_refused_at_their_line_and_column() {
    for f in ALL {
        let text = good(f);
        let bytes = text.replace("Zoë", "Zo\u{1}").into_bytes();
        let at = bytes.iter().position(|&b| b == 1).unwrap();
        let mut latin = bytes.clone();
        latin[at] = 0xEB; // ë in ISO-8859-1 / Windows-1252
        let (line, column, message) = error_at(f, &latin, "Latin-1 bytes");
        assert_eq!(line, zoe_line(f), "{f:?}: {message}");
        let line_start = text[..text.find("Zoë").unwrap()]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        assert_eq!(column, at - line_start + 1, "{f:?}: {message}");
        assert!(message.contains("Latin-1"), "{f:?}: {message}");
    }
}

#[test]
fn utf16_with_a_byte_order_mark_reads_like_utf8() {
    for f in ALL {
        let text = good(f);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let want = run(f, text.as_bytes(), "utf-8").unwrap().0;
        assert_eq!(run(f, &le, "UTF-16LE").unwrap().0, want, "{f:?}");
        assert_eq!(run(f, &be, "UTF-16BE").unwrap().0, want, "{f:?}");
        // An odd byte count is a truncated UTF-16 file: a message, no panic.
        let err = run(f, &le[..le.len() - 1], "odd UTF-16").unwrap_err();
        assert!(err.to_string().contains("UTF-16"), "{f:?}: {err}");
    }
}

#[test]
fn doctype_and_entities_are_refused_without_expansion() {
    let laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n";
    for f in [Format::GraphMl, Format::Gexf] {
        let text = good(f);
        let (decl, rest) = text.split_once('\n').unwrap();
        let bomb = format!("{decl}\n{laughs}{rest}");
        let (line, _, message) = error_at(f, bomb.as_bytes(), "a DOCTYPE");
        assert_eq!(line, 2, "{f:?}: {message}");
        assert!(message.contains("DOCTYPE"), "{f:?}: {message}");
        // An entity reference without a DOCTYPE is an unknown entity: refused.
        let undeclared = text.replace("Zoë", "&lol2;");
        let (line, _, message) = error_at(f, undeclared.as_bytes(), "an undeclared entity");
        assert_eq!(line, zoe_line(f), "{f:?}: {message}");
        // The five XML entities and character references are fine.
        let fine = text.replace("Zoë", "Zo&#235; &amp; &lt;co&gt;");
        let net = run(f, fine.as_bytes(), "character references").unwrap().0;
        assert!(
            net.nodes
                .iter()
                .any(|n| n.label.as_deref() == Some("Zoë & <co>")),
            "{f:?}"
        );
    }
}

/// Asserts the report lists `kind` once, on `line`.
fn reported(f: Format, text: &str, kind: IssueKind, line: usize, case: &str) -> Network {
    let (net, report) =
        run(f, text.as_bytes(), case).unwrap_or_else(|e| panic!("{f:?} {case}: {e}"));
    let issue = report
        .issues
        .iter()
        .find(|i| i.kind == kind)
        .unwrap_or_else(|| panic!("{f:?} {case}: no {kind:?} in {report}"));
    assert_eq!(issue.lines, vec![line], "{f:?} {case}: {report}");
    assert!(
        report.to_string().contains(&format!("line {line}")),
        "{f:?} {case}: {report}"
    );
    net
}

/// The good sample with one more line inserted before line `at` (1-based).
fn insert_line(text: &str, at: usize, line: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(at - 1, line);
    lines.join("\n") + "\n"
}

#[test]
fn duplicate_ids_merge_and_say_where() {
    let cases = [
        (
            Format::GraphMl,
            7,
            "    <node id=\"a\"><data key=\"l\">Ann again</data></node>",
        ),
        (
            Format::Gexf,
            6,
            "      <node id=\"a\" label=\"Ann again\"/>",
        ),
        (Format::CsvNodes, 3, "a,Ann again"),
        (
            Format::WeaveJson,
            5,
            "    {\"id\": \"a\", \"label\": \"Ann again\"},",
        ),
    ];
    for (f, at, dup) in cases {
        let text = insert_line(&good(f), at, dup);
        let net = reported(f, &text, IssueKind::DuplicateNode, at, "a duplicate id");
        assert_eq!(net.nodes.len(), 3, "{f:?}: merged, not added");
    }
    // Pajek numbers and DL labels name vertices by position: a repeated
    // number or label is a duplicate too.
    let pajek = insert_line(&good(Format::Pajek), 4, "2 \"Zoë again\"");
    let net = reported(
        Format::Pajek,
        &pajek,
        IssueKind::DuplicateNode,
        4,
        "a repeated vertex number",
    );
    assert_eq!(net.nodes.len(), 3);
    let dl = good(Format::UcinetDl).replace("Ann,Zoë,Bob", "Ann,Zoë,Ann");
    reported(
        Format::UcinetDl,
        &dl,
        IssueKind::DuplicateNode,
        3,
        "a repeated label",
    );
}

#[test]
fn edges_to_unknown_nodes_are_created_or_skipped_with_their_line() {
    // XML and JSON-by-id formats create the node, as networkx does.
    let graphml = insert_line(
        &good(Format::GraphMl),
        11,
        "    <edge source=\"a\" target=\"ghost\"/>",
    );
    let net = reported(
        Format::GraphMl,
        &graphml,
        IssueKind::ImplicitNode,
        11,
        "an unknown target",
    );
    assert!(net.index_of("ghost").is_some());
    let gexf = insert_line(
        &good(Format::Gexf),
        12,
        "      <edge id=\"9\" source=\"ghost\" target=\"a\"/>",
    );
    reported(
        Format::Gexf,
        &gexf,
        IssueKind::ImplicitNode,
        12,
        "an unknown source",
    );
    // Numbered vertices beyond the declared count cannot exist: skipped.
    let pajek = insert_line(&good(Format::Pajek), 8, "1 9 1.0");
    let net = reported(
        Format::Pajek,
        &pajek,
        IssueKind::EdgeToUnknownNode,
        8,
        "vertex 9 of 3",
    );
    assert_eq!(net.edges.len(), 2);
    let dl = insert_line(&good(Format::UcinetDl), 7, "1 9 1.0");
    let net = reported(
        Format::UcinetDl,
        &dl,
        IssueKind::EdgeToUnknownNode,
        7,
        "vertex 9 of 3",
    );
    assert_eq!(net.edges.len(), 2);
    // JSON edges name nodes by index: one past the end is skipped.
    let json = good(Format::WeaveJson).replace("\"target\": 2,", "\"target\": 7,");
    let net = reported(
        Format::WeaveJson,
        &json,
        IssueKind::EdgeToUnknownNode,
        10,
        "index 7 of 3",
    );
    assert_eq!(net.edges.len(), 1);
}

#[test]
fn nan_and_infinite_weights_are_skipped_with_their_line() {
    let cases = [
        (
            Format::GraphMl,
            "<data key=\"w\">2.0</data>",
            "<data key=\"w\">NaN</data>",
            9,
        ),
        (Format::Gexf, "weight=\"2.0\"", "weight=\"NaN\"", 10),
        (Format::Pajek, "1 2 2.0", "1 2 NaN", 6),
        (Format::UcinetDl, "1 2 2.0", "1 2 inf", 5),
        (Format::Csv, "Ann,Zoë,2.0", "Ann,Zoë,NaN", 2),
        (Format::CsvAdjacency, "Ann,0,2,0", "Ann,0,NaN,0", 2),
    ];
    for (f, from, to, line) in cases {
        let text = good(f).replacen(from, to, 1);
        let net = reported(f, &text, IssueKind::BadWeight, line, "a NaN weight");
        assert!(net.edges.iter().all(|e| e.weight.is_finite()), "{f:?}");
    }
    // JSON has no NaN: the file itself is not JSON, and says where.
    let json = good(Format::WeaveJson).replacen("2.0", "NaN", 1);
    let (line, _, _) = error_at(Format::WeaveJson, json.as_bytes(), "NaN in JSON");
    assert_eq!(line, 9);
}

#[test]
fn control_characters_in_labels_never_reach_an_xml_export() {
    for f in [
        Format::Pajek,
        Format::UcinetDl,
        Format::Csv,
        Format::CsvNodes,
        Format::WeaveJson,
    ] {
        let text = good(f).replace(
            "Zoë",
            if f == Format::WeaveJson {
                "Zo\\u0007\\u0000ë"
            } else {
                "Zo\u{7}\u{1b}ë"
            },
        );
        let (net, _) =
            run(f, text.as_bytes(), "control characters").unwrap_or_else(|e| panic!("{f:?}: {e}"));
        for out in [Format::GraphMl, Format::Gexf] {
            let xml = write(out, &net, &WriteOptions::default()).unwrap();
            assert!(
                !xml.iter().any(|&b| b < 0x20 && b != b'\n' && b != b'\t'),
                "{f:?} -> {out:?} wrote a control byte"
            );
            let back = run(out, &xml, "our own export").unwrap().0;
            assert_eq!(back.nodes.len(), net.nodes.len(), "{f:?} -> {out:?}");
            assert!(
                back.nodes
                    .iter()
                    .any(|n| n.label.as_deref().unwrap_or(&n.id).starts_with("Zo")),
                "{f:?} -> {out:?}"
            );
        }
    }
    // XML itself cannot carry them: a character reference to one is refused
    // at its line, as XML 1.0 says.
    for f in [Format::GraphMl, Format::Gexf] {
        let text = good(f).replace("Zoë", "Zo&#7;");
        let (line, _, _) = error_at(f, text.as_bytes(), "&#7;");
        assert_eq!(line, zoe_line(f), "{f:?}");
    }
}

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let big = vec![b' '; formats::MAX_IMPORT_BYTES + 1];
    for f in ALL {
        let err = run(f, &big, "an oversized file").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("MB"), "{f:?}: {text}");
    }
}
