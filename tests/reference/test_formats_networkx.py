"""Every Weave export is read back by networkx and igraph with the same nodes,
edges, weights and attributes; every GraphML and GEXF export validates
against Weave's schemas for GraphML 1.0 and GEXF 1.3.

The exports are written by `weave convert` (built once per session by the
`weave_bin` fixture in conftest.py) from a Weave network document this test
writes itself, and from the demo event (`weave demo`); the reference reading
is done by networkx and igraph.

The schemas (tests/fixtures/formats/schemas/, written for Weave from the
GraphML and GEXF specifications; what they check is in the README there)
are applied by schema_checks.py, with the rules XML Schema cannot state;
test_format_schemas.py shows that each rule refuses a document breaking it.
"""

import csv
import json
import subprocess

import igraph as ig
import networkx as nx
import pytest
from lxml import etree

from schema_checks import GRAPHML_NS, assert_valid_gexf, assert_valid_graphml

# (id, label, attrs); kind makes it two-mode, so bipartite 0/1 comes along.
NODES = [
    ("r:1", "Ann", {"kind": "person", "area": "Murton East", "age": 41, "carer": True, "wellbeing": 6.5}),
    ("r:2", "Bob & \"Co\" <x>", {"kind": "person", "area": "Hawthorn", "age": 23, "carer": False, "wellbeing": 4.0}),
    ("r:3", "Zoë", {"kind": "person", "area": "Murton East", "age": 67, "carer": False, "wellbeing": 8.25}),
    ("p:welfare-hall", "Welfare Hall", {"kind": "place", "category": "venue"}),
    ("p:library", "Library", {"kind": "place", "category": "information"}),
]
EDGES = [
    (0, 3, 2.0, {"frequency": "weekly"}),
    (1, 3, 1.0, {"frequency": "monthly"}),
    (2, 4, 0.5, {"frequency": "daily"}),
    (0, 4, 3.0, {"frequency": "weekly"}),
]


def label_of(i):
    """The name Pajek and DL files carry: they have no escape for double
    quotes, so Weave writes them as single quotes."""
    return NODES[i][1].replace('"', "'")


@pytest.fixture(scope="module")
def exports(weave_bin, tmp_path_factory):
    """Writes the sample as a Weave document and converts it to every format."""
    d = tmp_path_factory.mktemp("exports")
    doc = {
        "format": "weave-network",
        "version": 1,
        "network": {
            "directed": False,
            "nodes": [{"id": i, "label": l, "attrs": a} for i, l, a in NODES],
            "edges": [{"source": s, "target": t, "weight": w, "attrs": a} for s, t, w, a in EDGES],
        },
    }
    src = d / "sample.json"
    src.write_text(json.dumps(doc))
    out = {}
    for ext in ["graphml", "gexf", "net", "dl", "csv", "json"]:
        path = d / f"sample.{ext}"
        subprocess.run([str(weave_bin), "convert", str(src), str(path)], check=True, capture_output=True)
        out[ext] = path
    # A one-mode copy for readers that know no two-mode headers (networkx's
    # read_pajek fails on `*Vertices N M`; igraph's DL reader knows only n=).
    one = json.loads(json.dumps(doc))
    for n in one["network"]["nodes"]:
        n["attrs"].pop("kind")
    src_one = d / "one.json"
    src_one.write_text(json.dumps(one))
    out["one_net"] = d / "one.net"
    subprocess.run([str(weave_bin), "convert", str(src_one), str(out["one_net"])], check=True)
    # igraph's DL reader takes only 0/1 digits in a full matrix and no quoted
    # labels (UCINET takes both): a binary copy named by its ids.
    for e in one["network"]["edges"]:
        e["weight"] = 1.0
    for n in one["network"]["nodes"]:
        del n["label"]
    src_bin = d / "binary.json"
    src_bin.write_text(json.dumps(one))
    out["binary_dl"] = d / "binary.dl"
    subprocess.run([str(weave_bin), "convert", str(src_bin), str(out["binary_dl"])], check=True)
    out["gexf12"] = d / "sample12.gexf"
    subprocess.run([str(weave_bin), "convert", str(src), str(out["gexf12"]), "--gexf-1.2"], check=True)
    return out


def expected_edges(key=lambda i: NODES[i][0]):
    return sorted((tuple(sorted((key(s), key(t)))), w) for s, t, w, _ in EDGES)


def nx_edges(g):
    return sorted((tuple(sorted((str(s), str(t)))), float(d.get("weight", 1.0))) for s, t, d in g.edges(data=True))


def check_attrs(g, id_of=lambda n: n):
    """networkx attributes equal Weave's, with bipartite matching kind."""
    for i, label, attrs in NODES:
        d = g.nodes[id_of(i)]
        assert d["label"] == label
        for k, v in attrs.items():
            assert d[k] == v and type(d[k]) is type(v), (i, k, d[k], v)
        assert d["bipartite"] == (0 if attrs["kind"] == "person" else 1)


def test_graphml_read_by_networkx(exports):
    g = nx.read_graphml(exports["graphml"])
    assert not g.is_directed()
    assert sorted(g.nodes) == sorted(n[0] for n in NODES)
    assert nx_edges(g) == expected_edges()
    check_attrs(g)
    freq = {tuple(sorted(e)): d["frequency"] for *e, d in g.edges(data=True)}
    assert freq[("p:welfare-hall", "r:1")] == "weekly"


def test_graphml_read_by_igraph(exports):
    g = ig.Graph.Read_GraphML(str(exports["graphml"]))
    assert not g.is_directed()
    assert sorted(g.vs["id"]) == sorted(n[0] for n in NODES)
    got = sorted((tuple(sorted((g.vs[e.source]["id"], g.vs[e.target]["id"]))), e["weight"]) for e in g.es)
    assert got == expected_edges()
    by_id = {v["id"]: v for v in g.vs}
    assert by_id["r:1"]["area"] == "Murton East"
    assert by_id["r:2"]["label"] == 'Bob & "Co" <x>'
    assert by_id["r:3"]["age"] == 67


def test_graphml_validates(exports):
    assert_valid_graphml(exports["graphml"])


def test_gexf_12_read_by_networkx(exports):
    g = nx.read_gexf(exports["gexf12"])
    assert sorted(g.nodes) == sorted(n[0] for n in NODES)
    assert nx_edges(g) == expected_edges()
    check_attrs(g)


def test_gexf_13_validates_and_matches(exports):
    assert_valid_gexf(exports["gexf"])
    # networkx reads only the 1.1/1.2 drafts; 1.3's structure is the same
    # for what Weave writes, so map the namespace and read it as 1.2.
    text = exports["gexf"].read_text()
    text = text.replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz")
    text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
    g = nx.parse_gexf(text) if hasattr(nx, "parse_gexf") else None
    if g is None:
        tmp = exports["gexf"].with_suffix(".as12.gexf")
        tmp.write_text(text)
        g = nx.read_gexf(tmp)
    assert nx_edges(g) == expected_edges()
    check_attrs(g)


def test_pajek_read_by_networkx_and_igraph(exports):
    g = nx.read_pajek(exports["one_net"])
    # networkx names Pajek vertices by label, as Weave writes them.
    assert sorted(g.nodes) == sorted(label_of(i) for i in range(len(NODES)))
    got = sorted((tuple(sorted((s, t))), float(d["weight"])) for s, t, d in g.edges(data=True))
    assert got == expected_edges(label_of)
    h = ig.Graph.Read_Pajek(str(exports["net"]))
    assert h.vcount() == len(NODES) and h.ecount() == len(EDGES)
    # *Vertices N M: igraph marks the two modes in its `type` attribute.
    assert h.vs["type"] == [False, False, False, True, True]


def test_ucinet_dl_read_by_igraph(exports):
    g = ig.Graph.Read_DL(str(exports["binary_dl"]), directed=False)
    assert g.vcount() == len(NODES)
    names = g.vs["name"]
    # Both triangles of the symmetric matrix arrive as edges: simplify them.
    g.simplify()
    got = sorted(tuple(sorted((names[e.source], names[e.target]))) for e in g.es)
    assert got == sorted(k for k, _ in expected_edges())


def test_csv_read_as_gephi_tables(exports):
    with open(exports["csv"], newline="") as f:
        rows = list(csv.DictReader(f))
    got = sorted((tuple(sorted((r["Source"], r["Target"]))), float(r["Weight"])) for r in rows)
    assert got == expected_edges()
    assert {r["Type"] for r in rows} == {"Undirected"}
    nodes_path = exports["csv"].with_name("sample.nodes.csv")
    with open(nodes_path, newline="") as f:
        nodes = {r["Id"]: r for r in csv.DictReader(f)}
    assert nodes["r:3"]["Label"] == "Zoë"
    assert nodes["r:1"]["age"] == "41" and nodes["r:1"]["carer"] == "true"
    g = nx.from_edgelist(((r["Source"], r["Target"]) for r in rows))
    assert g.number_of_edges() == len(EDGES)


def test_weave_json_round_trips_through_the_cli(exports, weave_bin, tmp_path):
    back = tmp_path / "back.graphml"
    subprocess.run([str(weave_bin), "convert", str(exports["json"]), str(back)], check=True)
    assert nx_edges(nx.read_graphml(back)) == expected_edges()


def test_pseudonymised_export_keeps_structure_not_names(exports, weave_bin, tmp_path):
    out = tmp_path / "p.graphml"
    subprocess.run([str(weave_bin), "convert", str(exports["json"]), str(out), "--pseudonymise=7"], check=True)
    text = out.read_text()
    for secret in ["Ann", "Zoë", "r:1", "p:library"]:
        assert secret not in text
    g = nx.read_graphml(out)
    assert sorted(d for _, d in g.degree()) == sorted(d for _, d in nx.read_graphml(exports["graphml"]).degree())
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"person", "place"}


HOSTILE = ["<b>&amp;</b>", "Zoë \"Z\" O'Neil", "bell\u0007tab\tnew\nline", "\u202eRTL", "emoji 👩‍👧", "]]>", "&#0;", " "]


@pytest.fixture(scope="module")
def demo_exports(weave_bin, tmp_path_factory):
    """The demo event, exported as every network the app offers (people,
    people–places, both projections), with and without metrics,
    pseudonymised, and a network whose labels and values are hostile."""
    d = tmp_path_factory.mktemp("demo")
    backup = d / "demo.json"
    subprocess.run([str(weave_bin), "demo", str(backup), "--residents", "60", "--seed", "3"], check=True)
    variants = {
        "people": [],
        "people_metrics": ["--metrics"],
        "people_places": ["--places"],
        "people_places_metrics": ["--places", "--metrics"],
        "people_projection": ["--places", "--projection", "people"],
        "places_projection": ["--places", "--projection", "places", "--metrics"],
        "pseudonymised": ["--places", "--metrics", "--pseudonymise=11"],
    }
    out = {"backup": backup}
    for name, flags in variants.items():
        for ext in ["graphml", "gexf"]:
            path = d / f"{name}.{ext}"
            subprocess.run([str(weave_bin), "convert", str(backup), str(path), *flags], check=True, capture_output=True)
            out[(name, ext)] = path
    hostile = {
        "format": "weave-network",
        "version": 1,
        "network": {
            "directed": True,
            "nodes": [
                {"id": f"h{i} {label}", "label": label,
                 "attrs": {"note": label, "kind": "person" if i % 2 else "place", "How long?": i, f"odd {label}": label}}
                for i, label in enumerate(HOSTILE)
            ],
            "edges": [{"source": i, "target": (i + 1) % len(HOSTILE), "weight": 1.5, "attrs": {"why": HOSTILE[i], "met at": "school"}} for i in range(len(HOSTILE))],
        },
    }
    src = d / "hostile.json"
    src.write_text(json.dumps(hostile))
    for ext in ["graphml", "gexf"]:
        path = d / f"hostile.{ext}"
        subprocess.run([str(weave_bin), "convert", str(src), str(path)], check=True, capture_output=True)
        out[("hostile", ext)] = path
    return out


DEMO_VARIANTS = ["people", "people_metrics", "people_places", "people_places_metrics",
                 "people_projection", "places_projection", "pseudonymised", "hostile"]


@pytest.mark.parametrize("variant", DEMO_VARIANTS)
def test_every_graphml_export_validates(demo_exports, variant):
    assert_valid_graphml(demo_exports[(variant, "graphml")])
    g = nx.read_graphml(demo_exports[(variant, "graphml")])
    assert g.number_of_nodes() > 0


@pytest.mark.parametrize("variant", DEMO_VARIANTS)
def test_every_gexf_export_validates(demo_exports, variant):
    assert_valid_gexf(demo_exports[(variant, "gexf")])


def test_export_variants_hold_what_they_promise(demo_exports):
    two_mode = nx.read_graphml(demo_exports[("people_places", "graphml")])
    kinds = {d["kind"] for _, d in two_mode.nodes(data=True)}
    assert kinds == {"person", "place"}
    assert all(d["bipartite"] == (0 if d["kind"] == "person" else 1) for _, d in two_mode.nodes(data=True))
    plain = nx.read_graphml(demo_exports[("people", "graphml")])
    assert not any("pagerank" in d for _, d in plain.nodes(data=True))
    with_metrics = nx.read_graphml(demo_exports[("people_metrics", "graphml")])
    # The metrics are the analysis's own: degree agrees with networkx's count
    # of distinct neighbours (either direction) on the same file.
    undirected = with_metrics.to_undirected(as_view=True)
    for n, d in with_metrics.nodes(data=True):
        assert d["degree"] == pytest.approx(len(set(undirected.neighbors(n)) - {n}))
        assert 0.0 <= d["pagerank"] <= 1.0
    people = nx.read_graphml(demo_exports[("people_projection", "graphml")])
    places = nx.read_graphml(demo_exports[("places_projection", "graphml")])
    persons = {n for n, d in two_mode.nodes(data=True) if d["kind"] == "person"}
    assert set(people.nodes) <= persons
    assert not (set(places.nodes) & persons)
    assert all("degree" in d for _, d in places.nodes(data=True))
    # A projection joins two people who share a place.
    for u, v in list(people.edges)[:50]:
        assert set(two_mode.neighbors(u)) & set(two_mode.neighbors(v))


def test_pseudonymised_demo_export_has_no_names_or_free_text(demo_exports):
    backup = json.loads(demo_exports["backup"].read_text())
    names = {a["name"] for r in backup["community"]["responses"] for a in r.get("alters", [])} if "community" in backup else set()
    if not names:
        names = {a["name"] for r in backup["responses"] for a in r.get("alters", [])}
    assert len(names) > 20
    for ext in ["graphml", "gexf"]:
        text = demo_exports[("pseudonymised", ext)].read_text()
        leaked = [n for n in names if f">{n}<" in text or f'"{n}"' in text]
        assert not leaked, (ext, leaked[:5])
    g = nx.read_graphml(demo_exports[("pseudonymised", "graphml")])
    assert not any("label" in d for _, d in g.nodes(data=True))
    assert all("pagerank" in d for _, d in g.nodes(data=True))


def test_hostile_labels_survive_every_reader(demo_exports):
    g = nx.read_graphml(demo_exports[("hostile", "graphml")])
    labels = {d["label"] for _, d in g.nodes(data=True)}
    # Control characters are dropped (XML cannot carry them); the rest is intact.
    want = {h.replace("\u0007", "") for h in HOSTILE}
    assert labels == want
    h = ig.Graph.Read_GraphML(str(demo_exports[("hostile", "graphml")]))
    assert set(h.vs["label"]) == want
    text = demo_exports[("hostile", "gexf")].read_text()
    tmp = demo_exports[("hostile", "gexf")].with_suffix(".as12.gexf")
    tmp.write_text(text.replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz")
                   .replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"'))
    assert {d["label"] for _, d in nx.read_gexf(tmp).nodes(data=True)} == want


@pytest.mark.parametrize("ext", ["graphml", "gexf", "net", "dl", "csv", "json"])
def test_convert_keeps_kind_and_bipartite(exports, weave_bin, tmp_path, ext):
    """`weave convert` of a two-mode network to any format and back keeps
    every node's kind (the format's own two-mode marking where it has one)."""
    back = tmp_path / "back.graphml"
    subprocess.run([str(weave_bin), "convert", str(exports[ext]), str(back)], check=True, capture_output=True)
    g = nx.read_graphml(back)
    kinds = sorted(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == sorted(a["kind"] for _, _, a in NODES)
    assert all(d["bipartite"] == (0 if d["kind"] == "person" else 1) for _, d in g.nodes(data=True))


def test_csv_headers_with_spaces_become_graphml_tokens(weave_bin, tmp_path):
    """A foreign CSV header ("How long") is no XML NMTOKEN, which GraphML
    requires of attr.name and validating readers (JGraphT) enforce: Weave
    writes the token How_long, which networkx and igraph read like any
    name, with the original in the key's <desc>, from which Weave reads it
    back."""
    (tmp_path / "survey.nodes.csv").write_text("Id,Label,How long,Lives in\nr1,Ann,12,Murton East\nr2,Bob,3,Hawthorn\n")
    (tmp_path / "survey.csv").write_text("Source,Target,Weight,How often\nr1,r2,1,weekly\n")
    out = tmp_path / "survey.graphml"
    subprocess.run([str(weave_bin), "convert", str(tmp_path / "survey.csv"), str(out)], check=True, capture_output=True)
    assert_valid_graphml(out)
    keys = {k.get("attr.name"): k for k in etree.parse(str(out)).iter(f"{{{GRAPHML_NS}}}key")}
    assert keys["How_long"].findtext(f"{{{GRAPHML_NS}}}desc") == "How long"
    assert keys["How_often"].findtext(f"{{{GRAPHML_NS}}}desc") == "How often"
    assert keys["label"].find(f"{{{GRAPHML_NS}}}desc") is None
    g = nx.read_graphml(out)
    assert g.nodes["r1"]["How_long"] == 12 and g.nodes["r2"]["Lives_in"] == "Hawthorn"
    assert g.edges["r1", "r2"]["How_often"] == "weekly"
    h = ig.Graph.Read_GraphML(str(out))
    assert {"How_long", "Lives_in"} <= set(h.vs.attributes())
    back = tmp_path / "back.json"
    subprocess.run([str(weave_bin), "convert", str(out), str(back)], check=True, capture_output=True)
    nodes = {n["id"]: n["attrs"] for n in json.loads(back.read_text())["network"]["nodes"]}
    assert nodes["r1"]["How long"] == 12 and nodes["r1"]["Lives in"] == "Murton East"


def test_hostile_attribute_names_come_back_through_graphml(demo_exports, weave_bin, tmp_path):
    back = tmp_path / "back.json"
    subprocess.run([str(weave_bin), "convert", str(demo_exports[("hostile", "graphml")]), str(back)], check=True, capture_output=True)
    names = set().union(*(n["attrs"] for n in json.loads(back.read_text())["network"]["nodes"]))
    # Control characters are dropped from names as from labels.
    want = {"note", "kind", "How long?"} | {f"odd {h}".replace("\u0007", "") for h in HOSTILE}
    assert want <= names, want - names
