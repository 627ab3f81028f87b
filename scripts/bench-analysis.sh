#!/usr/bin/env bash
# Benchmarks Weave's network analysis against igraph, networkx and graphology.
#
# Generates three graphs deterministically (Zachary's karate club; Holme–Kim
# graphs of 2,000 nodes / ~6,000 edges and 20,000 nodes / ~60,000 edges, each
# with 1% isolates; seed 20260613), writes them as GraphML and JSON under
# $BENCH_DIR (default: $CARGO_TARGET_DIR/bench-analysis), then times the full
# analysis (degree, betweenness, closeness, harmonic, PageRank, eigenvector,
# k-core, clustering, components, Louvain, bridges, articulation points,
# constraint) with:
#   - weave   a native release build of `weave analyze` (opt-level 3; the
#             in-process time it reports, file reading excluded)
#   - igraph  python-igraph (C core), same metrics, in-process
#   - networkx (pure Python; skipped on the 20,000-node graph unless --all)
#   - graphology (Node.js; graphology-metrics + graphology-communities-louvain;
#             it has no k-core, clustering, bridges or constraint, so it does less)
#   - wasm    the app itself, built by `trunk build --release` (as shipped),
#             in Debian's headless Chromium: scripts/bench/browser-bench.mjs opens
#             #/bench-analysis?graph=NAME, presses Run, and the page analyses the
#             graph in the app's web worker with the app's job (sampled first
#             result on large graphs, then exact values) and reports the times
#             and the worker's wasm memory
# and prints one table of wall / CPU milliseconds and ratios, then the
# 20,000-node graph's first full result and exact time in the browser
# against igraph, and its peak wasm memory in the worker.
#
# Usage: scripts/bench-analysis.sh [--all] [--repeat N] [--no-browser]
#   --repeat N      best of N runs for each tool (default 3; 1 on 20,000 nodes
#                   natively, N in the browser).
#   --no-browser    skip the Trunk build and the browser column.
#   --quick         skip graphology on the 20,000-node graph (a quarter of an hour).
#   --no-networkx   skip networkx (six minutes a run on 2,000 nodes).
# Needs: cargo, trunk, python3 with networkx + python-igraph
# (scripts/requirements-test.txt), node with the repo's node_modules, chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
# Trunk finds wasm-opt (npm's binaryen) and the tools cargo installed here.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
BENCH_DIR="${BENCH_DIR:-$CARGO_TARGET_DIR/bench-analysis}"
mkdir -p "$BENCH_DIR"

# The shipped wasm is built for size (opt-level "z"); natively we build for
# speed, without LTO so the build stays quick on two cores.
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind \
  cargo build --quiet --release --bin weave

browser=(--dist "$BENCH_DIR/dist")
args=()
for a in "$@"; do
  if [ "$a" = --no-browser ]; then browser=(); else args+=("$a"); fi
done
if [ ${#browser[@]} -gt 0 ]; then
  trunk build --release --dist "$BENCH_DIR/dist" >/dev/null
fi

exec python3 scripts/bench-analysis.py --weave "$CARGO_TARGET_DIR/release/weave" \
  --dir "$BENCH_DIR" "${browser[@]}" "${args[@]}"
