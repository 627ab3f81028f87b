#!/usr/bin/env bash
# Parse and write times of every import format on ~50 MB files, natively
# (release build) and in the browser (the wasm release build in headless
# Chromium through wasm-bindgen-test-runner). The budget from issue #7 is at
# most one second per MB; the native run exits non-zero when a format misses it.
# Usage: scripts/bench-formats.sh [megabytes=50] [native|browser|app|both=both]
# (`app` times a big import in the app itself: scripts/bench-import.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
mb="${1:-50}"
which="${2:-both}"
if [ "$which" = native ] || [ "$which" = both ]; then
  cargo build --quiet --offline --release --bin bench-formats
  "$CARGO_TARGET_DIR/release/bench-formats" "$mb"
  echo
fi
if [ "$which" = browser ] || [ "$which" = both ]; then
  # The app's own release profile (opt-level z, LTO), so the figures are the
  # shipped build's. Headless Chromium gets ten minutes for all formats.
  BENCH_MB="$mb" WASM_BINDGEN_TEST_TIMEOUT=600 \
    cargo test --quiet --offline --release --target wasm32-unknown-unknown \
    --test bench_formats_wasm 2>&1 | grep -vE '^(running|test result|$)|Executing|wasm-bindgen-test'
fi
if [ "$which" = app ] || [ "$which" = both ]; then
  # The app itself: does a big import freeze the page? (release build)
  echo
  [ -n "${WEAVE_DIST:-}" ] || trunk build --release >/dev/null 2>&1
  node scripts/bench-import.mjs "$mb"
fi
