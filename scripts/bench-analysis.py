"""Driver for scripts/bench-analysis.sh (see the comment there): generates the
benchmark graphs, times each tool's full analysis, prints the table."""

import argparse
import json
import pathlib
import random
import subprocess
import sys
import time

import networkx as nx

SEED = 20260613
GRAPHS = {"karate": None, "hk2000": 2000, "hk20000": 20000}
REPO = pathlib.Path(__file__).resolve().parents[1]


def make_graph(name):
    if name == "karate":
        g = nx.karate_club_graph()
        for _, _, d in g.edges(data=True):
            d.pop("weight", None)
        return g
    n = GRAPHS[name]
    isolates = n // 100
    # Holme–Kim: preferential attachment with triad closure (m=3, p=0.3).
    g = nx.powerlaw_cluster_graph(n - isolates, 3, 0.3, seed=SEED)
    g.add_nodes_from(range(n - isolates, n))
    return g


def write_graph(g, name, out):
    graphml = out / f"{name}.graphml"
    h = nx.Graph()
    h.add_nodes_from(g)
    h.add_edges_from(g.edges())
    nx.write_graphml(h, graphml)
    nodes = [str(v) for v in g]
    (out / f"{name}.json").write_text(
        json.dumps({"nodes": nodes, "edges": [[str(a), str(b)] for a, b in g.edges()]})
    )
    return graphml


def best(f, repeat):
    times = []
    for _ in range(repeat):
        times.append(f())
    return min(times)


def time_weave(weave, path):
    done = subprocess.run(
        [weave, "analyze", str(path), "--timings"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    fields = dict(kv.split("=") for kv in done.stderr.split())
    return float(fields["analysis_ms"]), float(fields["paths_ms"])


def time_igraph(g):
    import igraph as ig

    h = ig.Graph.from_networkx(g)
    t = {}

    def timed(key, f):
        s = time.perf_counter()
        f()
        t[key] = (time.perf_counter() - s) * 1e3

    t0 = time.perf_counter()
    timed("degree", lambda: (h.degree(), h.strength()))
    timed("betweenness", lambda: h.betweenness(directed=False))
    timed("closeness", lambda: h.closeness())
    timed("harmonic", lambda: h.harmonic_centrality())
    timed("pagerank", lambda: h.pagerank())
    timed("eigenvector", lambda: h.eigenvector_centrality())
    timed("core", lambda: h.coreness())
    timed("clustering", lambda: (h.transitivity_local_undirected(), h.transitivity_undirected()))
    timed("components", lambda: h.connected_components())
    timed("louvain", lambda: h.community_multilevel().modularity)
    timed("bridges", lambda: (h.bridges(), h.articulation_points()))
    timed("constraint", lambda: h.constraint())
    total = (time.perf_counter() - t0) * 1e3
    return total, t["betweenness"]


def time_networkx(g):
    t0 = time.perf_counter()
    dict(g.degree())
    nx.betweenness_centrality(g, normalized=False)
    nx.closeness_centrality(g)
    nx.harmonic_centrality(g)
    nx.pagerank(g)
    nx.eigenvector_centrality(g, max_iter=1000)
    nx.core_number(g)
    nx.clustering(g)
    nx.transitivity(g)
    list(nx.connected_components(g))
    nx.community.louvain_communities(g, seed=1)
    list(nx.bridges(g))
    list(nx.articulation_points(g))
    nx.constraint(g)
    nx.effective_size(g)
    return (time.perf_counter() - t0) * 1e3


def time_graphology(path):
    done = subprocess.run(
        ["node", str(REPO / "scripts/bench/graphology-bench.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return float(json.loads(done.stdout)["ms"])


def fmt(ms):
    return "—" if ms is None else f"{ms:,.1f}"


def ratio(a, b):
    return "—" if a is None or b is None or a == 0 else f"{b / a:,.1f}x"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--weave", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--all", action="store_true", help="also run networkx on 20,000 nodes")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--wasm-ms", help="JSON {graph: ms} measured in the browser")
    a = p.parse_args()
    out = pathlib.Path(a.dir)
    wasm = json.loads(pathlib.Path(a.wasm_ms).read_text()) if a.wasm_ms else {}
    rows = []
    for name in GRAPHS:
        g = make_graph(name)
        path = write_graph(g, name, out)
        big = g.number_of_nodes() > 5000
        rep = 1 if big else a.repeat
        print(f"[bench] {name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", file=sys.stderr)
        w = min((time_weave(a.weave, path) for _ in range(rep)), key=lambda x: x[0])
        ig_total, ig_btw = min((time_igraph(g) for _ in range(rep)), key=lambda x: x[0])
        nxt = None if big and not a.all else best(lambda: time_networkx(g), 1 if big else rep)
        gr = best(lambda: time_graphology(out / f"{name}.json"), rep)
        rows.append(
            {
                "graph": name,
                "nodes": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "weave_ms": w[0],
                "weave_betweenness_ms": w[1],
                "wasm_ms": wasm.get(name),
                "igraph_ms": ig_total,
                "igraph_betweenness_ms": ig_btw,
                "networkx_ms": nxt,
                "graphology_ms": gr,
            }
        )
    head = ["graph", "nodes", "edges", "weave", "wasm", "igraph", "networkx", "graphology",
            "igraph/weave", "networkx/weave", "graphology/weave", "btw weave", "btw igraph", "btw igraph/weave"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [r["graph"], str(r["nodes"]), str(r["edges"]), fmt(r["weave_ms"]), fmt(r["wasm_ms"]),
                 fmt(r["igraph_ms"]), fmt(r["networkx_ms"]), fmt(r["graphology_ms"]),
                 ratio(r["weave_ms"], r["igraph_ms"]), ratio(r["weave_ms"], r["networkx_ms"]),
                 ratio(r["weave_ms"], r["graphology_ms"]), fmt(r["weave_betweenness_ms"]),
                 fmt(r["igraph_betweenness_ms"]), ratio(r["weave_betweenness_ms"], r["igraph_betweenness_ms"])]
        print("| " + " | ".join(cells) + " |")
    print("(milliseconds; ratios > 1 mean Weave is faster)")
    (out / "results.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
