//! The facilitator's data exchange, natively: every export choice (network ×
//! format × metrics × pseudonyms) makes the files it promises, which Weave
//! reads back; an incoming file is read into a preview without touching
//! anything; a bare network from another tool becomes an event whose people
//! network is the file's network again.

use std::collections::BTreeSet;
use weave::core::analysis::two_mode::Mode;
use weave::core::analysis::{people_network, people_places_network, projection};
use weave::core::demo::demo_community_sized;
use weave::core::exchange::export_plan::{
    export_files, ExportFormat, ExportRequest, NetworkChoice,
};
use weave::core::exchange::import_plan::{counts, read_incoming, ImportFailure, Incoming, Origin};
use weave::core::exchange::network_import::network_to_community;
use weave::core::formats::{self, weave_json, Format, ImportError, IssueKind};
use weave::core::model::{Community, EventId, Timestamp};
use weave::core::network::{AttrValue, Network, KIND_ATTR};

fn community() -> Community {
    demo_community_sized(5, 40)
}

fn request(network: NetworkChoice, format: ExportFormat) -> ExportRequest {
    ExportRequest {
        network,
        format,
        metrics: false,
        pseudonymise: None,
    }
}

/// The format Weave reads a downloaded file back as.
fn read_back(name: &str, bytes: &[u8]) -> Network {
    let format = if name.ends_with(".matrix.csv") {
        Format::CsvAdjacency
    } else {
        Format::from_path(name).unwrap_or_else(|| panic!("{name} has a known extension"))
    };
    formats::parse(format, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_network_in_every_format_reads_back_with_its_nodes() {
    let c = community();
    for network in NetworkChoice::ALL {
        for format in ExportFormat::ALL.into_iter().filter(|f| f.writes_network()) {
            let files = export_files(&c, &request(network, format), "weave-test", None).unwrap();
            let main = files.last().unwrap();
            assert!(
                main.name
                    .starts_with(&format!("weave-test-{}", network.slug())),
                "{}",
                main.name
            );
            let back = read_back(&main.name, &main.bytes);
            let want = match network {
                NetworkChoice::People => people_network(&c),
                NetworkChoice::PeoplePlaces => people_places_network(&c),
                NetworkChoice::PeopleProjection => projection(&c, Mode::People),
                NetworkChoice::PlacesProjection => projection(&c, Mode::Places),
            };
            assert!(!back.nodes.is_empty(), "{network:?} {format:?}");
            if format == ExportFormat::CsvLists {
                let nodes = read_back(&files[0].name, &files[0].bytes);
                assert_eq!(nodes.nodes.len(), want.nodes.len(), "{network:?} node list");
                assert!(files[0].name.ends_with(".nodes.csv") && main.name.ends_with(".edges.csv"));
            } else {
                // Every other file holds isolates too (a matrix has a row each).
                assert_eq!(back.nodes.len(), want.nodes.len(), "{network:?} {format:?}");
            }
        }
    }
}

#[test]
fn two_mode_exports_keep_kind_and_projections_have_one_mode() {
    let c = community();
    let files = export_files(
        &c,
        &request(NetworkChoice::PeoplePlaces, ExportFormat::GraphMl),
        "t",
        None,
    )
    .unwrap();
    let net = read_back(&files[0].name, &files[0].bytes);
    assert!(net.is_two_mode());
    let places = (0..net.nodes.len())
        .filter(|&i| net.node_kind(i) == Some("place"))
        .count();
    assert_eq!(
        places,
        people_places_network(&c)
            .nodes
            .iter()
            .filter(|n| { n.attrs.get(KIND_ATTR).and_then(AttrValue::as_str) == Some("place") })
            .count()
    );
    for (choice, kind) in [
        (NetworkChoice::PeopleProjection, "person"),
        (NetworkChoice::PlacesProjection, "place"),
    ] {
        let files = export_files(&c, &request(choice, ExportFormat::Gexf), "t", None).unwrap();
        let net = read_back(&files[0].name, &files[0].bytes);
        assert!(!net.is_two_mode(), "{choice:?}");
        assert!(net.nodes.iter().all(|n| n
            .attrs
            .get(KIND_ATTR)
            .and_then(AttrValue::as_str)
            .is_none_or(|k| k == kind)));
    }
}

#[test]
fn pajek_with_metrics_brings_its_partition_and_vector() {
    let c = community();
    let mut r = request(NetworkChoice::People, ExportFormat::Pajek);
    assert_eq!(export_files(&c, &r, "t", None).unwrap().len(), 1);
    r.metrics = true;
    let report = weave::core::analysis::analyze(&r.network.build(&c), &Default::default());
    let files = export_files(&c, &r, "t", Some(&report)).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "t-people.net",
            "t-people.community.clu",
            "t-people.betweenness.vec"
        ]
    );
    let n = people_network(&c).nodes.len();
    for f in &files[1..] {
        let text = String::from_utf8(f.bytes.clone()).unwrap();
        let header = text.lines().find(|l| l.starts_with("*Vertices")).unwrap();
        assert_eq!(header, format!("*Vertices {n}"), "{}", f.name);
        let values = text
            .lines()
            .skip_while(|l| !l.starts_with("*Vertices"))
            .skip(1);
        assert_eq!(values.count(), n, "{}: one value per vertex", f.name);
    }
}

#[test]
fn metrics_come_only_when_asked_for() {
    let c = community();
    let mut r = request(NetworkChoice::People, ExportFormat::GraphMl);
    let plain =
        String::from_utf8(export_files(&c, &r, "t", None).unwrap().remove(0).bytes).unwrap();
    assert!(!plain.contains("attr.name=\"pagerank\""));
    r.metrics = true;
    // In the app the analysis worker computes the report; here we do.
    let report = weave::core::analysis::analyze(&r.network.build(&c), &Default::default());
    let files = export_files(&c, &r, "t", Some(&report)).unwrap();
    let net = read_back(&files[0].name, &files[0].bytes);
    for n in &net.nodes {
        for m in ["degree", "pagerank", "core", "community", "component"] {
            assert!(n.attrs.contains_key(m), "{} lacks {m}", n.id);
        }
    }
}

#[test]
fn pseudonymised_exports_hold_no_name_and_no_free_text() {
    let c = community();
    let names: BTreeSet<&str> = c
        .responses
        .iter()
        .flat_map(|r| r.alters.iter().map(|a| a.name.as_str()))
        .collect();
    assert!(names.len() > 20);
    for format in ExportFormat::ALL.into_iter().filter(|f| f.writes_network()) {
        let r = ExportRequest {
            network: NetworkChoice::PeoplePlaces,
            format,
            metrics: true,
            pseudonymise: Some(99),
        };
        for f in export_files(&c, &r, "t", None).unwrap() {
            let text = String::from_utf8(f.bytes.clone()).unwrap();
            for name in &names {
                assert!(!text.contains(name), "{} names {name}", f.name);
            }
            for r in &c.responses {
                assert!(
                    !text.contains(r.id.as_str()),
                    "{} carries a response id",
                    f.name
                );
            }
            // Stable: the same secret gives the same file.
            let again = export_files(&c, &r, "t", None).unwrap();
            assert!(again.iter().any(|g| g.bytes == f.bytes), "{}", f.name);
        }
    }
}

#[test]
fn the_backup_is_the_whole_event_and_restores_as_itself() {
    let c = community();
    let files = export_files(
        &c,
        &request(NetworkChoice::People, ExportFormat::Backup),
        "weave-x",
        None,
    )
    .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "weave-x.json");
    let origin = origin("weave-x.json");
    match read_incoming(&files[0].bytes, &origin).unwrap() {
        Incoming::Backup(back) => assert_eq!(*back, c),
        other => panic!("{other:?}"),
    }
    let survey = export_files(
        &c,
        &request(NetworkChoice::People, ExportFormat::Survey),
        "s",
        None,
    )
    .unwrap();
    assert_eq!(survey[0].name, "s-survey.csv");
    let text = String::from_utf8(survey[0].bytes.clone()).unwrap();
    assert_eq!(
        text.lines().count(),
        c.responses.len() + 1,
        "one row per resident"
    );
}

fn origin(name: &str) -> Origin {
    Origin {
        file_name: name.into(),
        event_id: EventId::new("imported"),
        date: "2026-12-01".into(),
        now: Timestamp(1_764_600_000_000),
    }
}

#[test]
fn incoming_files_are_previewed_with_their_report_or_refused() {
    assert_eq!(
        read_incoming(b"x", &origin("a.docx")),
        Err(ImportFailure::UnknownType)
    );
    let broken = b"<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"a\">\n";
    match read_incoming(broken, &origin("broken.graphml")) {
        Err(ImportFailure::Parse(ImportError::At { line, .. })) => assert!(line >= 4),
        other => panic!("{other:?}"),
    }
    let csv = b"Source,Target,Weight\nAnn,Bob,1\nBob,Cy,NaN\nCy,Ann,2\n";
    match read_incoming(csv, &origin("ties.csv")).unwrap() {
        Incoming::Network {
            format,
            nodes,
            edges,
            report,
            community,
        } => {
            assert_eq!(format, Format::Csv);
            assert_eq!((nodes, edges), (3, 2));
            assert_eq!(report.count(IssueKind::BadWeight), 1);
            assert_eq!(counts(&community).maps, 3);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_network_from_another_tool_becomes_an_event_with_the_same_ties() {
    let mut net = Network::new(false);
    let person = |k: &str| {
        let mut a = weave::core::network::Attrs::new();
        a.insert(KIND_ATTR.into(), AttrValue::Str(k.into()));
        a
    };
    for (id, kind) in [
        ("ann", "person"),
        ("bob", "person"),
        ("cy", "person"),
        ("hall", "place"),
    ] {
        net.add_node(id, Some(id.to_uppercase()), person(kind));
    }
    net.add_edge(0, 1, 1.0, Default::default());
    net.add_edge(1, 2, 1.0, Default::default());
    net.add_edge(0, 3, 1.0, Default::default());
    let c = network_to_community(
        &net,
        EventId::new("e"),
        "f.graphml",
        "2026-12-01",
        Timestamp(0),
    );
    assert_eq!(c.event.places.len(), 1);
    assert_eq!(c.event.places[0].name, "HALL");
    let people = people_network(&c);
    // Each file node named by someone appears once (the merge log links its
    // mentions); residents are anonymous, so the three maps add their egos.
    let labels: BTreeSet<String> = people
        .nodes
        .iter()
        .filter_map(|n| n.label.clone())
        .collect();
    for name in ["ANN", "BOB", "CY"] {
        assert!(labels.contains(name), "{labels:?}");
    }
    let back = weave_json::write_community(&c);
    assert_eq!(weave_json::parse_community(back.as_bytes()).unwrap(), c);
}
