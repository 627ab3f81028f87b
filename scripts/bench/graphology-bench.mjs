// Times graphology's analysis of one graph for scripts/bench-analysis.sh.
// Input: a JSON file {nodes: [id...], edges: [[source, target]...]}.
// Output (stdout): {"ms": <wall ms>, "cpu_ms": <process CPU ms>} for degree, betweenness, closeness,
// PageRank, eigenvector, connected components and Louvain — what graphology
// offers (no k-core, clustering, bridges or constraint in its packages).
import { readFileSync } from "node:fs";
import Graph from "graphology";
import betweenness from "graphology-metrics/centrality/betweenness.js";
import closeness from "graphology-metrics/centrality/closeness.js";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import eigenvector from "graphology-metrics/centrality/eigenvector.js";
import { degreeCentrality } from "graphology-metrics/centrality/degree.js";
import louvain from "graphology-communities-louvain";

const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const g = new Graph({ type: "undirected", multi: false });
for (const n of data.nodes) g.addNode(n);
for (const [s, t] of data.edges) g.mergeEdge(s, t);

/** Components by breadth-first search (graphology-components is not a dependency). */
function components(graph) {
  const seen = new Map();
  let id = 0;
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const queue = [start];
    seen.set(start, id);
    while (queue.length) {
      const v = queue.pop();
      graph.forEachNeighbor(v, (u) => {
        if (!seen.has(u)) {
          seen.set(u, id);
          queue.push(u);
        }
      });
    }
    id += 1;
  });
  return id;
}

/** A small seeded generator (mulberry32), so Louvain runs the same every time. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
degreeCentrality(g);
betweenness(g, { normalized: false });
closeness(g);
pagerank(g);
try {
  eigenvector(g, { maxIterations: 1000 });
} catch {
  // Not converging is a result too; the time spent still counts.
}
components(g);
louvain.detailed(g, { rng: seeded(20260613) });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, cpu_ms: (cpu.user + cpu.system) / 1000 }));
