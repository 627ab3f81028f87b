"""Every Weave export is read back by networkx and igraph with the same nodes,
edges, weights and attributes; GraphML and GEXF validate against their XSDs.

The exports are written by `weave convert` (built once per session by the
`weave_bin` fixture in conftest.py) from a Weave network document this test
writes itself; the reference reading is done by networkx and igraph.

The XSDs under tests/fixtures/formats/xsd/ are hand-written faithful subsets
of the official schemas (no network here to fetch those); see their headers.
"""

import csv
import json
import pathlib
import subprocess

import igraph as ig
import networkx as nx
import pytest
import xmlschema

XSD = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "xsd"

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


def test_graphml_validates_against_xsd(exports):
    xmlschema.XMLSchema(XSD / "graphml-subset.xsd").validate(str(exports["graphml"]))


def test_gexf_12_read_by_networkx(exports):
    g = nx.read_gexf(exports["gexf12"])
    assert sorted(g.nodes) == sorted(n[0] for n in NODES)
    assert nx_edges(g) == expected_edges()
    check_attrs(g)


def test_gexf_13_validates_and_matches(exports):
    xmlschema.XMLSchema(XSD / "gexf-1.3-subset.xsd").validate(str(exports["gexf"]))
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
