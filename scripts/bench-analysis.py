"""Driver for scripts/bench-analysis.sh (see the comment there): generates the
benchmark graphs, times each tool's full analysis (wall and CPU), runs the
browser column (the app's web worker in headless Chromium), prints the table."""

import argparse
import json
import os
import pathlib
import resource
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


def children_cpu_ms():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1e3


def time_weave(weave, path):
    """(analysis wall ms, path-sweep wall ms, CPU ms of the whole process)."""
    cpu0 = children_cpu_ms()
    done = subprocess.run(
        [weave, "analyze", str(path), "--timings"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    cpu = children_cpu_ms() - cpu0
    fields = dict(kv.split("=") for kv in done.stderr.split())
    return float(fields["analysis_ms"]), float(fields["paths_ms"]), cpu


def time_igraph(g):
    import igraph as ig

    h = ig.Graph.from_networkx(g)
    t = {}

    def timed(key, f):
        s = time.perf_counter()
        f()
        t[key] = (time.perf_counter() - s) * 1e3

    t0 = time.perf_counter()
    c0 = time.process_time()
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
    cpu = (time.process_time() - c0) * 1e3
    return total, t["betweenness"], cpu


def time_networkx(g):
    t0 = time.perf_counter()
    c0 = time.process_time()
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
    return (time.perf_counter() - t0) * 1e3, (time.process_time() - c0) * 1e3


def time_graphology(path):
    done = subprocess.run(
        ["node", str(REPO / "scripts/bench/graphology-bench.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    out = json.loads(done.stdout)
    return float(out["ms"]), float(out["cpu_ms"])


def time_browser(dist, out, repeat, names):
    """The app's worker in headless Chromium: {graph: timings} (see browser-bench.mjs)."""
    done = subprocess.run(
        ["node", str(REPO / "scripts/bench/browser-bench.mjs"), str(dist), str(out), str(repeat), *names],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout)


def fmt(ms):
    return "—" if ms is None else f"{ms:,.1f}"


def pair(wall, cpu):
    return "—" if wall is None else f"{wall:,.1f} / {cpu:,.0f}"


def ratio(a, b):
    return "—" if a is None or b is None or a == 0 else f"{b / a:,.1f}x"


def best_of(runs, key=lambda r: r[0]):
    return min(runs, key=key)


LOAD_BEFORE = "%.2f %.2f %.2f" % os.getloadavg()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--weave", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--dist", help="a release build of the app (trunk build --release) for the browser column")
    p.add_argument("--all", action="store_true", help="also run networkx on 20,000 nodes")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--quick", action="store_true",
                   help="skip graphology on 20,000 nodes (it takes a quarter of an hour)")
    a = p.parse_args()
    out = pathlib.Path(a.dir)
    rows = []
    for name in GRAPHS:
        g = make_graph(name)
        path = write_graph(g, name, out)
        big = g.number_of_nodes() > 5000
        rep = 1 if big else a.repeat
        print(f"[bench] {name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", file=sys.stderr)
        w = best_of([time_weave(a.weave, path) for _ in range(rep)])
        ig = best_of([time_igraph(g) for _ in range(rep)])
        nxt = None if big and not a.all else best_of([time_networkx(g) for _ in range(1 if big else rep)])
        gr = (None, None) if big and a.quick else best_of(
            [time_graphology(out / f"{name}.json") for _ in range(rep)])
        rows.append(
            {
                "graph": name,
                "nodes": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "weave_ms": w[0],
                "weave_cpu_ms": w[2],
                "weave_betweenness_ms": w[1],
                "igraph_ms": ig[0],
                "igraph_cpu_ms": ig[2],
                "igraph_betweenness_ms": ig[1],
                "networkx_ms": nxt and nxt[0],
                "networkx_cpu_ms": nxt and nxt[1],
                "graphology_ms": gr[0],
                "graphology_cpu_ms": gr[1],
            }
        )
    browser = {}
    if a.dist:
        print("[bench] browser: the app's worker in headless Chromium", file=sys.stderr)
        browser = time_browser(a.dist, out, a.repeat, list(GRAPHS))
    for r in rows:
        b = browser.get(r["graph"], {})
        r["wasm_ms"] = b.get("exact_ms")
        r["wasm_cpu_ms"] = b.get("cpu_ms")
        r["wasm_worker_cpu_ms"] = b.get("best_worker_thread_cpu_ms")
        r["wasm_worker_busy_ms"] = b.get("best_worker_busy_ms")
        r["wasm_first_ms"] = b.get("best_first_ms")
        r["wasm_first_ms_runs"] = b.get("first_ms_runs")
        r["wasm_first_paths"] = b.get("first_paths")
        r["wasm_worker_memory_bytes"] = b.get("peak_worker_memory_bytes")
    head = ["graph", "nodes", "edges", "weave native", "wasm, all Chromium", "wasm worker thread",
            "igraph", "networkx", "graphology", "igraph/worker", "graphology/worker",
            "igraph/native", "networkx/native", "graphology/native"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [r["graph"], str(r["nodes"]), str(r["edges"]),
                 pair(r["weave_ms"], r["weave_cpu_ms"]), pair(r["wasm_ms"], r["wasm_cpu_ms"]),
                 pair(r["wasm_worker_busy_ms"], r["wasm_worker_cpu_ms"]),
                 pair(r["igraph_ms"], r["igraph_cpu_ms"]), pair(r["networkx_ms"], r["networkx_cpu_ms"]),
                 pair(r["graphology_ms"], r["graphology_cpu_ms"]),
                 ratio(r["wasm_worker_cpu_ms"], r["igraph_cpu_ms"]),
                 ratio(r["wasm_worker_cpu_ms"], r["graphology_cpu_ms"]),
                 ratio(r["weave_cpu_ms"], r["igraph_cpu_ms"]), ratio(r["weave_cpu_ms"], r["networkx_cpu_ms"]),
                 ratio(r["weave_cpu_ms"], r["graphology_cpu_ms"])]
        print("| " + " | ".join(cells) + " |")
    print("(wall ms / CPU ms; ratios are of CPU time, > 1 means Weave is faster. weave native: the whole")
    print(" `weave analyze` process incl. reading GraphML; wasm, all Chromium: wall from the click to the exact")
    print(" result / CPU of every Chromium process (page, renderer, GPU, worker); wasm worker thread: the")
    print(" worker's own clock around its work (receiving the graph, every step, encoding the replies) / the")
    print(" CPU its thread ran (/proc schedstat); igraph, networkx, graphology: in-process CPU around the metric")
    print(" calls. graphology computes fewer metrics (no k-core, clustering, bridges, constraint).)")
    big = next((r for r in rows if r["graph"] == "hk20000"), None)
    if big:
        print()
        runs = ", ".join(fmt(t) for t in big["wasm_first_ms_runs"] or [])
        print(f"20,000 nodes, browser: first full result ({big['wasm_first_paths'] or '—'}) "
              f"{fmt(big['wasm_first_ms'])} ms best, every run: {runs or '—'} (target <= 2,000 ms)")
        print(f"20,000 nodes, browser: exact values {fmt(big['wasm_ms'])} ms wall / {fmt(big['wasm_cpu_ms'])} ms CPU "
              f"(worker thread {fmt(big['wasm_worker_cpu_ms'])} ms); "
              f"igraph {fmt(big['igraph_ms'])} ms wall / {fmt(big['igraph_cpu_ms'])} ms CPU; "
              f"browser/igraph CPU {ratio(big['igraph_cpu_ms'], big['wasm_cpu_ms'])} (target <= 3x)")
        mem = big["wasm_worker_memory_bytes"]
        print(f"20,000 nodes, browser: peak wasm memory in the worker "
              f"{'—' if mem is None else f'{mem / 2**20:,.1f} MiB'} (target < 128 MB)")
        print(f"exact betweenness alone, native: weave {fmt(big['weave_betweenness_ms'])} ms, "
              f"igraph {fmt(big['igraph_betweenness_ms'])} ms")
    print(f"load average before the run: {LOAD_BEFORE}")
    la = os.getloadavg()
    print(f"load average during the run: {la[0]:.2f} {la[1]:.2f} {la[2]:.2f} on {os.cpu_count()} cores")
    (out / "results.json").write_text(json.dumps({"rows": rows, "browser": browser}, indent=1))


if __name__ == "__main__":
    main()
