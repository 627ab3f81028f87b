#!/usr/bin/env bash
# Precision, recall and timing of the automatic match suggestions on the
# synthetic ground-truth community (see src/bin/bench-matching/main.rs).
# Usage: scripts/bench-matching.sh [residents=3000] [seed=2] [threshold=0.8]
# EXPLAIN=1 also prints samples of wrong merges and missed pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --release --bin bench-matching
"$CARGO_TARGET_DIR/release/bench-matching" "${1:-3000}" "${2:-2}" "${3:-0.8}"
