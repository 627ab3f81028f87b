"""Weave's analysis engine against networkx, on six graphs: Zachary's karate
club, a disconnected graph, one with isolates, a two-mode graph (Davis'
southern women), a directed one and a weighted one (Les Misérables).

Each graph is written as GraphML by networkx, analysed by `weave analyze`, and
every metric compared with networkx's own: exact quantities within 1e-9
relative, power-iteration ones (PageRank, eigenvector) within 1e-6, and
Louvain modularity at least 0.97 of networkx's Louvain on the same graph.
"""

import math

import networkx as nx
import pytest
from networkx.algorithms import bipartite


def _disconnected():
    g = nx.disjoint_union(nx.petersen_graph(), nx.cycle_graph(7))
    g = nx.disjoint_union(g, nx.path_graph(5))
    return g


def _with_isolates():
    g = nx.gnp_random_graph(40, 0.07, seed=3)
    g.add_nodes_from(range(40, 46))
    return g


def _directed():
    g = nx.gnp_random_graph(45, 0.07, seed=11, directed=True)
    g.add_edges_from([(0, 1), (1, 0), (2, 3), (3, 2)])
    return g


def _weighted():
    g = nx.les_miserables_graph()
    return nx.convert_node_labels_to_integers(g, label_attribute="name")


def _karate():
    g = nx.karate_club_graph()
    for _, d in g.nodes(data=True):
        d["club"] = d.get("club", "")
    # networkx ≥ 3 stores a weight per tie; the unweighted club is the classic.
    for _, _, d in g.edges(data=True):
        d.pop("weight", None)
    return g


def _two_mode():
    return nx.davis_southern_women_graph()


GRAPHS = {
    "karate": (_karate, False),
    "disconnected": (_disconnected, False),
    "isolates": (_with_isolates, False),
    "two_mode": (_two_mode, False),
    "directed": (_directed, False),
    "weighted": (_weighted, True),
}


def _graphml(g, path):
    h = g.copy()
    h.graph.clear()
    nx.write_graphml(h, path)


@pytest.fixture(scope="module", params=sorted(GRAPHS))
def case(request, tmp_path_factory, weave):
    make, weighted = GRAPHS[request.param]
    g = make()
    path = tmp_path_factory.mktemp("graphs") / f"{request.param}.graphml"
    _graphml(g, path)
    args = ["analyze", path] + (["--weighted"] if weighted else [])
    report = weave(*args)
    nodes = {n["id"]: n for n in report["nodes"]}
    return request.param, g, weighted, report, nodes


def close(a, b, rel=1e-9, abs_tol=1e-12):
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)


def assert_all(expected, nodes, field, **tol):
    bad = {
        k: (nodes[str(k)][field], v)
        for k, v in expected.items()
        if not close(nodes[str(k)][field], v, **tol)
    }
    assert not bad, f"{field}: weave vs networkx differ at {dict(list(bad.items())[:5])}"


def test_node_set_matches(case):
    _, g, _, report, nodes = case
    assert set(nodes) == {str(v) for v in g}
    assert report["graph"]["nodes"] == g.number_of_nodes()
    assert report["graph"]["edges"] == g.number_of_edges()


def test_degree(case):
    _, g, weighted, _, nodes = case
    assert_all(dict(g.degree()), nodes, "degree")
    assert_all(dict(g.degree(weight="weight")), nodes, "weighted_degree")
    if g.is_directed():
        assert_all(dict(g.in_degree()), nodes, "in_degree")
        assert_all(dict(g.out_degree()), nodes, "out_degree")


def test_betweenness(case):
    _, g, weighted, _, nodes = case
    w = "weight" if weighted else None
    assert_all(nx.betweenness_centrality(g, normalized=False, weight=w), nodes, "betweenness")


def test_closeness_and_harmonic(case):
    _, g, weighted, _, nodes = case
    w = "weight" if weighted else None
    assert_all(nx.closeness_centrality(g, distance=w), nodes, "closeness")
    assert_all(nx.harmonic_centrality(g, distance=w), nodes, "harmonic")


def test_core_and_clustering(case):
    _, g, _, _, nodes = case
    assert_all(nx.core_number(g), nodes, "core")
    assert_all(nx.clustering(g), nodes, "clustering")


def test_components(case):
    _, g, _, report, nodes = case
    comps = nx.weakly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    expected = sorted(sorted(str(v) for v in c) for c in comps)
    ours = {}
    for k, n in nodes.items():
        ours.setdefault(n["component"], []).append(k)
    assert sorted(sorted(c) for c in ours.values()) == expected
    assert report["graph"]["components"] == len(expected)
    assert report["graph"]["isolates"] == nx.number_of_isolates(g)


def test_pagerank_and_eigenvector(case):
    _, g, weighted, _, nodes = case
    assert_all(nx.pagerank(g), nodes, "pagerank", rel=0, abs_tol=1e-6)
    try:
        ev = nx.eigenvector_centrality(g, weight="weight" if weighted else None)
    except nx.PowerIterationFailedConvergence:
        pytest.skip("networkx's eigenvector iteration does not converge here")
    assert_all(ev, nodes, "eigenvector", rel=0, abs_tol=1e-6)


def test_graph_figures(case):
    _, g, _, report, _ = case
    fig = report["graph"]
    assert close(fig["density"], nx.density(g))
    assert close(fig["transitivity"], nx.transitivity(g.to_undirected()))
    if g.is_directed():
        assert close(fig["reciprocity"], nx.overall_reciprocity(g))
    else:
        assert fig["reciprocity"] is None


def test_louvain_modularity(case):
    _, g, weighted, report, nodes = case
    u = g.to_undirected() if not g.is_directed() else nx.Graph(g.to_undirected(reciprocal=False))
    if g.is_directed():
        # Weave sums the weights of both directions when it drops direction.
        u = nx.Graph()
        u.add_nodes_from(g)
        for a, b in g.edges():
            w = u.edges[a, b]["weight"] + 1 if u.has_edge(a, b) else 1
            u.add_edge(a, b, weight=w)
    w = "weight"
    theirs = nx.community.modularity(u, nx.community.louvain_communities(u, weight=w, seed=42), weight=w)
    ours_parts = {}
    for k, n in nodes.items():
        ours_parts.setdefault(n["community"], set()).add(k)
    relabelled = nx.relabel_nodes(u, str)
    ours = nx.community.modularity(relabelled, list(ours_parts.values()), weight=w)
    assert close(report["graph"]["modularity"], ours)
    assert ours >= 0.97 * theirs, (ours, theirs)


def test_bridges_and_articulation_points(case):
    _, g, _, report, nodes = case
    u = nx.Graph(g.to_undirected())
    expected = sorted(tuple(sorted((str(a), str(b)))) for a, b in nx.bridges(u))
    assert sorted(tuple(sorted(b)) for b in report["bridges"]) == expected
    cut = {str(v) for v in nx.articulation_points(u)}
    assert {k for k, n in nodes.items() if n["articulation"]} == cut


def test_structural_holes(case):
    _, g, weighted, _, nodes = case
    w = "weight" if weighted else None
    for field, fn in (("constraint", nx.constraint), ("effective_size", nx.effective_size)):
        expected = {k: v for k, v in fn(g, weight=w).items() if not math.isnan(v)}
        assert_all(expected, nodes, field)


def test_attribute_assortativity_on_karate(weave, tmp_path):
    g = _karate()
    path = tmp_path / "karate.graphml"
    _graphml(g, path)
    report = weave("analyze", path)
    (club,) = [a for a in report["attributes"] if a["attribute"] == "club"]
    assert close(club["assortativity"], nx.attribute_assortativity_coefficient(g, "club"))
    sizes = {grp["value"]: grp["size"] for grp in club["groups"]}
    assert sizes == {"Mr. Hi": 17, "Officer": 17}


def test_two_mode_places_and_projections(weave, tmp_path):
    g = _two_mode()
    path = tmp_path / "davis.graphml"
    _graphml(g, path)
    report = weave("analyze", path)
    events = [v for v, d in g.nodes(data=True) if d["bipartite"] == 1]
    projected = bipartite.weighted_projected_graph(g, events)
    places = {p["id"]: p for p in report["places"]}
    assert set(places) == set(events)
    b = nx.betweenness_centrality(g, normalized=False)
    for e in events:
        assert places[e]["people"] == g.degree(e)
        assert places[e]["linked_places"] == projected.degree(e)
        assert places[e]["shared_people"] == projected.degree(e, weight="weight")
        assert close(places[e]["betweenness"], b[e])
    for mode, side in (("places", events), ("people", [v for v in g if v not in set(events)])):
        proj = bipartite.weighted_projected_graph(g, side)
        rep = weave("analyze", path, "--projection", mode)
        nodes = {n["id"]: n for n in rep["nodes"]}
        assert rep["graph"]["edges"] == proj.number_of_edges()
        assert_all(dict(proj.degree(weight="weight")), nodes, "weighted_degree")
        assert_all(nx.betweenness_centrality(proj, normalized=False), nodes, "betweenness")
