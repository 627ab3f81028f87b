#!/usr/bin/env bash
# Precision, recall and timing of the automatic match suggestions on the
# synthetic ground-truth community (see src/bin/bench-matching/main.rs),
# natively and then in headless Chromium on the wasm release build
# (scripts/bench-matching-browser.mjs), so both times print side by side.
# Usage: scripts/bench-matching.sh [residents=3000] [seed=2] [threshold=0.8]
# EXPLAIN=1 also prints samples of wrong merges and missed pairs.
# NO_BROWSER=1 skips the browser half (and its release build).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo build --quiet --release --offline --bin bench-matching
"$CARGO_TARGET_DIR/release/bench-matching" "${1:-3000}" "${2:-2}" "${3:-0.8}" | tee /tmp/bench-matching-native.txt
if [ -z "${NO_BROWSER:-}" ]; then
  dist="${WEAVE_DIST:-$CARGO_TARGET_DIR/bench-matching-dist}"
  if [ -z "${WEAVE_DIST:-}" ]; then
    trunk build --release --dist "$dist" >/dev/null
  fi
  echo
  echo "native: $(grep '^candidate generation' /tmp/bench-matching-native.txt)"
  WEAVE_DIST="$dist" node scripts/bench-matching-browser.mjs "${1:-3000}"
fi
