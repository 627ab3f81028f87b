//! Format integration tests: fixtures written by real networkx and igraph
//! (scripts/fixtures/make_format_fixtures.py) import as those libraries hold
//! them; every format round-trips Weave's networks as far as it can hold
//! them; malformed files fail clearly or are reported, never panic.

use serde_json::Value;
use std::path::PathBuf;
use weave::core::formats::{
    self, csv_list, gexf, pajek, parse, parse_with_report, write, Format, ImportError, IssueKind,
    WriteOptions,
};
use weave::core::network::{AttrValue, Attrs, Network};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn json_to_attr(v: &Value) -> AttrValue {
    match v {
        Value::Bool(b) => AttrValue::Bool(*b),
        Value::Number(n) if n.is_i64() => AttrValue::Int(n.as_i64().unwrap()),
        Value::Number(n) => AttrValue::Float(n.as_f64().unwrap()),
        Value::String(s) => AttrValue::Str(s.clone()),
        other => panic!("unexpected attribute value {other}"),
    }
}

/// Compares a parsed network with the writing library's own view of it.
fn check_against_expected(name: &str, format: Format) {
    let (net, report) = parse_with_report(format, &fixture(name)).unwrap();
    let exp: Value = serde_json::from_slice(&fixture(&format!("{name}.expected.json"))).unwrap();
    assert_eq!(
        net.directed,
        exp["directed"].as_bool().unwrap(),
        "{name}: direction"
    );
    let nodes = exp["nodes"].as_array().unwrap();
    assert_eq!(
        net.nodes.len(),
        nodes.len(),
        "{name}: node count ({report})"
    );
    for n in nodes {
        let id = n["id"].as_str().unwrap();
        let i = net
            .index_of(id)
            .unwrap_or_else(|| panic!("{name}: node {id} missing"));
        let node = &net.nodes[i];
        assert_eq!(
            node.label.as_deref(),
            n["label"].as_str(),
            "{name}: label of {id}"
        );
        for (k, v) in n["attrs"].as_object().unwrap() {
            assert_eq!(
                node.attrs.get(k),
                Some(&json_to_attr(v)),
                "{name}: {id}.{k}"
            );
        }
    }
    let mut want: Vec<(String, String, f64)> = exp["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap().to_owned(),
                e["target"].as_str().unwrap().to_owned(),
                e["weight"].as_f64().unwrap(),
            )
        })
        .collect();
    let mut got: Vec<(String, String, f64)> = net
        .edges
        .iter()
        .map(|e| {
            (
                net.nodes[e.source].id.clone(),
                net.nodes[e.target].id.clone(),
                e.weight,
            )
        })
        .collect();
    if !net.directed {
        for v in want.iter_mut().chain(got.iter_mut()) {
            if v.0 > v.1 {
                std::mem::swap(&mut v.0, &mut v.1);
            }
        }
    }
    want.sort_by(|a, b| a.partial_cmp(b).unwrap());
    got.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(got, want, "{name}: edges");
    for e in exp["edges"].as_array().unwrap() {
        for (k, v) in e["attrs"].as_object().unwrap() {
            assert!(
                net.edges
                    .iter()
                    .any(|x| x.attrs.get(k) == Some(&json_to_attr(v))),
                "{name}: edge attr {k}={v}"
            );
        }
    }
}

#[test]
fn networkx_graphml_with_typed_attributes() {
    check_against_expected("nx_attrs.graphml", Format::GraphMl);
}

#[test]
fn networkx_karate_graphml() {
    check_against_expected("nx_karate.graphml", Format::GraphMl);
}

#[test]
fn networkx_bipartite_becomes_kind() {
    check_against_expected("nx_bipartite.graphml", Format::GraphMl);
    let net = parse(Format::GraphMl, &fixture("nx_bipartite.graphml")).unwrap();
    assert!(net.is_two_mode());
    assert!(net.nodes.iter().all(|n| !n.attrs.contains_key("bipartite")));
}

#[test]
fn networkx_gexf() {
    check_against_expected("nx_attrs.gexf", Format::Gexf);
}

#[test]
fn networkx_and_igraph_pajek() {
    check_against_expected("nx_simple.net", Format::Pajek);
    check_against_expected("ig_directed.net", Format::Pajek);
}

#[test]
fn igraph_graphml() {
    check_against_expected("ig_attrs.graphml", Format::GraphMl);
}

#[test]
fn gephi_style_edge_list() {
    check_against_expected("nx_edges.csv", Format::Csv);
}

#[test]
fn utf16_with_bom_is_decoded() {
    let net = parse(Format::Csv, &fixture("utf16_edges.csv")).unwrap();
    assert_eq!(net.nodes[0].id, "Zoë");
    assert_eq!(net.edges[0].weight, 2.0);
}

// ---- round trips ---------------------------------------------------------

fn attrs(pairs: &[(&str, AttrValue)]) -> Attrs {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// A two-mode network with the attributes Weave's analysis produces.
fn two_mode() -> Network {
    let mut net = Network::new(false);
    let person = |area: &str, age: i64| {
        attrs(&[
            ("kind", AttrValue::Str("person".into())),
            ("area", AttrValue::Str(area.into())),
            ("age", AttrValue::Int(age)),
            ("carer", AttrValue::Bool(age > 40)),
            ("wellbeing", AttrValue::Float(6.5)),
        ])
    };
    net.add_node("r:1", Some("Ann".into()), person("Murton East", 41));
    net.add_node("r:2", Some("Bob".into()), person("Hawthorn", 23));
    net.add_node(
        "a:1:0",
        Some("Dave & \"Sue\" <x>".into()),
        person("Murton East", 60),
    );
    let place = |cat: &str| {
        attrs(&[
            ("kind", AttrValue::Str("place".into())),
            ("category", AttrValue::Str(cat.into())),
        ])
    };
    net.add_node(
        "p:welfare-hall",
        Some("Welfare Hall".into()),
        place("venue"),
    );
    net.add_node("p:library", Some("Library".into()), place("information"));
    net.add_edge(
        0,
        3,
        2.0,
        attrs(&[("frequency", AttrValue::Str("weekly".into()))]),
    );
    net.add_edge(1, 3, 1.0, Attrs::new());
    net.add_edge(2, 4, 0.5, attrs(&[("information", AttrValue::Bool(true))]));
    net
}

/// A directed one-mode network with parallel edges, a self-loop, an isolate
/// and awkward labels.
fn one_mode() -> Network {
    let mut net = Network::new(true);
    net.attrs
        .insert("event".into(), AttrValue::Str("Murton fair".into()));
    net.add_node(
        "a",
        Some("=1+1".into()),
        attrs(&[("score", AttrValue::Float(-1.5))]),
    );
    net.add_node(
        "b c",
        Some("Zoë\ttab".into()),
        attrs(&[("score", AttrValue::Float(1e-9))]),
    );
    net.add_node("iso", None, Attrs::new());
    net.add_edge(
        0,
        1,
        3.0,
        attrs(&[("type", AttrValue::Str("friend".into()))]),
    );
    net.add_edge(0, 1, 1.0, attrs(&[("type", AttrValue::Str("work".into()))]));
    net.add_edge(1, 1, 2.25, Attrs::new());
    net.add_edge(1, 0, 1.0, Attrs::new());
    net
}

fn round_trip(format: Format, net: &Network) -> Network {
    let bytes = write(format, net, &WriteOptions::default()).unwrap();
    let (back, report) = parse_with_report(format, &bytes).unwrap();
    assert!(report.is_clean(), "{format:?}: {report}");
    back
}

#[test]
fn lossless_formats_round_trip_exactly() {
    for net in [two_mode(), one_mode()] {
        assert_eq!(round_trip(Format::WeaveJson, &net), net);
        let mut no_graph_attrs = net.clone();
        no_graph_attrs.attrs.clear();
        assert_eq!(round_trip(Format::Gexf, &no_graph_attrs), no_graph_attrs);
        let back =
            gexf::parse(gexf::write_version(&no_graph_attrs, gexf::Version::V1_2Draft).as_bytes())
                .unwrap()
                .0;
        assert_eq!(back, no_graph_attrs);
    }
    let mut one = one_mode();
    // GraphML keeps everything, but a tab in a label is legal and kept.
    assert_eq!(round_trip(Format::GraphMl, &one), one);
    assert_eq!(round_trip(Format::GraphMl, &two_mode()), two_mode());
    one.attrs.clear();
}

#[test]
fn csv_pair_round_trips_without_graph_attributes() {
    for mut net in [two_mode(), one_mode()] {
        net.attrs.clear();
        let nodes = write(Format::CsvNodes, &net, &WriteOptions::default()).unwrap();
        let edges = write(Format::Csv, &net, &WriteOptions::default()).unwrap();
        let (back, report) = csv_list::parse_pair(&nodes, &edges).unwrap();
        assert!(report.is_clean(), "{report}");
        assert_eq!(back, net);
    }
}

/// The structure-only formats keep nodes (by label, as networkx reads them),
/// edges, weights and kind.
fn same_structure(a: &Network, b: &Network, by_label: bool) {
    assert_eq!(a.nodes.len(), b.nodes.len());
    // Pajek and DL have no escape for double quotes: writers make them single.
    let name = |n: &Network, i: usize| {
        let node = &n.nodes[i];
        let name = if by_label {
            node.label.as_ref().unwrap_or(&node.id)
        } else {
            &node.id
        };
        name.replace('"', "'")
    };
    let edges = |n: &Network| {
        let mut v: Vec<(String, String, u64)> = n
            .edges
            .iter()
            .map(|e| {
                let (mut s, mut t) = (name(n, e.source), name(n, e.target));
                if !n.directed && s > t {
                    std::mem::swap(&mut s, &mut t);
                }
                (s, t, e.weight.to_bits())
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(edges(a), edges(b));
    for (i, n) in a.nodes.iter().enumerate() {
        let j = b
            .nodes
            .iter()
            .position(|m| m.id == name(a, i))
            .expect("node kept");
        assert_eq!(n.attrs.get("kind"), b.nodes[j].attrs.get("kind"));
    }
}

#[test]
fn structural_formats_keep_structure_weights_and_kind() {
    let net = two_mode();
    for f in [Format::Pajek, Format::UcinetDl, Format::CsvAdjacency] {
        let back = round_trip(f, &net);
        assert_eq!(back.directed, net.directed, "{f:?}");
        same_structure(&net, &back, f != Format::CsvAdjacency);
    }
    let mut directed = Network::new(true);
    for id in ["a", "b", "c"] {
        directed.add_node(id, None, Attrs::new());
    }
    directed.add_edge(0, 1, 2.0, Attrs::new());
    directed.add_edge(1, 2, 0.5, Attrs::new());
    for f in [Format::Pajek, Format::UcinetDl, Format::CsvAdjacency] {
        assert_eq!(round_trip(f, &directed), directed, "{f:?}");
    }
}

#[test]
fn pseudonymised_exports_carry_no_names() {
    let net = two_mode();
    let opts = WriteOptions {
        include_metrics: false,
        pseudonymise: Some(99),
    };
    for f in [
        Format::GraphMl,
        Format::Gexf,
        Format::Csv,
        Format::CsvNodes,
        Format::Pajek,
        Format::UcinetDl,
        Format::WeaveJson,
    ] {
        let out = String::from_utf8(write(f, &net, &opts).unwrap()).unwrap();
        for secret in ["Ann", "Bob", "Dave", "r:1", "a:1:0"] {
            assert!(!out.contains(secret), "{f:?} leaks {secret}");
        }
    }
    let back = round_trip(Format::GraphMl, &formats::pseudonymise(&net, 99));
    assert!(back.is_two_mode());
    assert_eq!(back.edges.len(), net.edges.len());
}

#[test]
fn pajek_clu_and_vec_follow_the_net_order() {
    let net = two_mode();
    let clu = pajek::write_clu(&net, "area");
    assert!(clu.starts_with("% 1 = Hawthorn\n% 2 = Murton East\n*Vertices 5\n"));
    assert_eq!(pajek::write_vec(&net, "age").lines().count(), 6);
}

// ---- malformed files -----------------------------------------------------

fn malformed(name: &str, format: Format) -> Result<(Network, formats::ImportReport), ImportError> {
    parse_with_report(format, &fixture(&format!("malformed/{name}")))
}

#[test]
fn doctype_is_refused_before_any_expansion() {
    let err = malformed("billion_laughs.graphml", Format::GraphMl).unwrap_err();
    match err {
        ImportError::At {
            line: 2, message, ..
        } => assert!(message.contains("DOCTYPE")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn truncated_and_mismatched_xml_name_a_line() {
    assert!(malformed("truncated.graphml", Format::GraphMl).is_err());
    match malformed("mismatched.gexf", Format::Gexf).unwrap_err() {
        ImportError::At { line, .. } => assert_eq!(line, 6),
        other => panic!("{other:?}"),
    }
    let err = malformed("not_graphml.graphml", Format::GraphMl).unwrap_err();
    assert!(err.to_string().contains("not GraphML"), "{err}");
}

#[test]
fn unknown_nodes_duplicates_and_bad_weights_are_reported() {
    let (net, report) = malformed("unknown_nodes.graphml", Format::GraphMl).unwrap();
    assert_eq!(net.nodes.len(), 2, "a and the implicit ghost");
    assert_eq!(net.edges.len(), 1);
    assert_eq!(report.count(IssueKind::DuplicateNode), 1);
    assert_eq!(report.count(IssueKind::ImplicitNode), 1);
    assert_eq!(report.count(IssueKind::BadWeight), 2);
    assert_eq!(report.count(IssueKind::BadRecord), 1);
    assert!(
        report
            .to_string()
            .contains("2 edges with a weight that is not a finite number skipped (lines 8, 9)"),
        "{report}"
    );
}

#[test]
fn latin1_csv_is_refused_naming_the_line() {
    match malformed("latin1_nodes.csv", Format::Csv).unwrap_err() {
        ImportError::At {
            line: 2, message, ..
        } => assert!(message.contains("Latin-1")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pajek_unknown_vertices_are_skipped_with_lines() {
    let (net, report) = malformed("unknown_vertices.net", Format::Pajek).unwrap();
    assert_eq!(net.edges.len(), 1);
    assert_eq!(report.count(IssueKind::EdgeToUnknownNode), 3);
    assert_eq!(report.count(IssueKind::BadWeight), 1);
    assert!(
        report
            .to_string()
            .contains("3 edges to unknown nodes skipped (lines 7, 8, 9)"),
        "{report}"
    );
}

#[test]
fn truncated_dl_and_bad_csv_weights() {
    assert!(malformed("truncated.dl", Format::UcinetDl)
        .unwrap_err()
        .to_string()
        .contains("truncated"));
    let (net, report) = malformed("bad_weights.csv", Format::Csv).unwrap();
    assert_eq!(net.edges.len(), 2);
    assert_eq!(report.count(IssueKind::BadWeight), 3);
}

/// A network whose ids, labels, attribute names and values start with every
/// character a spreadsheet runs as a formula.
fn formula_network() -> Network {
    let risky = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "-inf",
        "'=already quoted",
        "''@twice",
    ];
    let mut net = Network::new(true);
    for (i, r) in risky.iter().enumerate() {
        net.add_node(
            format!("{r}{i}"),
            Some((*r).to_owned()),
            attrs(&[
                (r, AttrValue::Str((*r).to_owned())),
                ("note", AttrValue::Str((*r).to_owned())),
                ("score", AttrValue::Float(-1.5)),
            ]),
        );
    }
    for (i, r) in risky.iter().enumerate().skip(1) {
        net.add_edge(
            i - 1,
            i,
            1.0,
            attrs(&[("=how", AttrValue::Str((*r).to_owned()))]),
        );
    }
    net
}

/// Every cell of a CSV text, as a spreadsheet would see it.
fn csv_cells(bytes: &[u8]) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    r.records()
        .flat_map(|rec| rec.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn csv_exports_neutralise_formulas_and_read_back_unchanged() {
    let net = formula_network();
    let options = WriteOptions::default();
    let nodes = write(Format::CsvNodes, &net, &options).unwrap();
    let edges = write(Format::Csv, &net, &options).unwrap();
    let matrix = write(Format::CsvAdjacency, &net, &options).unwrap();
    for (what, bytes) in [("nodes", &nodes), ("edges", &edges), ("matrix", &matrix)] {
        for cell in csv_cells(bytes) {
            let runs = matches!(
                cell.chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r')
            );
            assert!(
                !runs || cell.parse::<f64>().is_ok_and(f64::is_finite),
                "{what}: a spreadsheet would run {cell:?}"
            );
        }
    }
    // The quote is Weave's: reading the files back restores every value,
    // including those that started with a quote of their own. (Ids and
    // column names lose leading and trailing white space, as any CSV import
    // of Weave's trims them; labels and values keep it.)
    let (back, report) = csv_list::parse_pair(&nodes, &edges).unwrap();
    assert!(report.is_clean(), "{report}");
    let mut expected = net.clone();
    for n in &mut expected.nodes {
        n.id = n.id.trim().to_owned();
        n.attrs = std::mem::take(&mut n.attrs)
            .into_iter()
            .map(|(k, v)| (k.trim().to_owned(), v))
            .collect();
    }
    assert_eq!(back, expected);
    let ids = |n: &Network| n.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&parse(Format::CsvAdjacency, &matrix).unwrap()),
        ids(&expected)
    );
}

#[test]
fn control_characters_never_break_xml() {
    let mut net = Network::new(false);
    net.add_node(
        "a\u{1}",
        Some("bell\u{7}\u{0}".into()),
        attrs(&[("note", AttrValue::Str("\u{1b}[31m".into()))]),
    );
    for f in [Format::GraphMl, Format::Gexf] {
        let out = write(f, &net, &WriteOptions::default()).unwrap();
        assert!(!out.iter().any(|&b| b < 0x20 && b != b'\n'), "{f:?}");
        let back = parse(f, &out).unwrap();
        assert_eq!(back.nodes[0].label.as_deref(), Some("bell"));
    }
}

#[test]
fn large_edge_list_parses_in_linear_time() {
    // 200k edges over 50k nodes: a quadratic id lookup would take minutes.
    let mut csv = String::from("Source,Target,Weight\n");
    for i in 0..200_000u64 {
        csv.push_str(&format!(
            "n{},n{},{}\n",
            i % 50_000,
            (i * 7919) % 50_000,
            i % 5 + 1
        ));
    }
    let net = parse(Format::Csv, csv.as_bytes()).unwrap();
    assert_eq!(net.nodes.len(), 50_000);
    assert_eq!(net.edges.len(), 200_000);
    let graphml = write(Format::GraphMl, &net, &WriteOptions::default()).unwrap();
    assert_eq!(parse(Format::GraphMl, &graphml).unwrap(), net);
}
