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
# and prints a table of milliseconds and weave's ratio to each, plus exact
# betweenness alone (weave vs igraph).
#
# Usage: scripts/bench-analysis.sh [--all] [--repeat N] [--wasm-ms FILE]
#   --wasm-ms FILE  adds a column from a JSON file {"karate": ms, "hk2000": ms,
#                   "hk20000": ms} measured in the browser (the app's worker).
#   --repeat N      best of N runs for each tool on the small graphs (default 3).
# Needs: cargo, python3 with networkx + python-igraph (scripts/requirements-test.txt),
# node with the repo's node_modules (npm install).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
BENCH_DIR="${BENCH_DIR:-$CARGO_TARGET_DIR/bench-analysis}"
mkdir -p "$BENCH_DIR"

# The shipped wasm is built for size (opt-level "z"); natively we build for
# speed, without LTO so the build stays quick on two cores.
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind \
  cargo build --quiet --release --bin weave

exec python3 scripts/bench-analysis.py --weave "$CARGO_TARGET_DIR/release/weave" \
  --dir "$BENCH_DIR" "$@"
