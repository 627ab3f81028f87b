#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, core purity,
# clippy (host and wasm32), native tests, the reference tests against
# networkx/igraph, wasm-bindgen tests in headless Chromium, a release build,
# and the Playwright end-to-end tests. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/weave-target}"
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1;34m== %s\033[0m\n' "$*"; }
t0=$SECONDS

step "rustfmt"
cargo fmt --all -- --check

step "core purity"
bash scripts/check-core-purity.sh

step "clippy (host)"
cargo clippy --all-targets --offline -- -D warnings

step "clippy (wasm32)"
cargo clippy --lib --bins --offline --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --offline --all-targets

step "reference tests (networkx, igraph)"
if compgen -G "tests/reference/test_*.py" >/dev/null; then
  python3 -m pytest -q tests/reference
fi

step "fuzzing (every cargo-fuzz target, 8 s each, two at a time; unoptimised build)"
FUZZ_PROFILE=dev FUZZ_JOBS=2 bash scripts/fuzz.sh 8

step "wasm tests in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --offline --target wasm32-unknown-unknown --test 'web_*'

step "release build"
rm -rf dist
trunk build --release
for wasm in dist/*.wasm; do
  printf '%s: %s bytes, %s bytes gzipped (budget 800 KB gzipped)\n' \
    "$(basename "$wasm")" "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
done

step "end-to-end (Playwright, Debian chromium)"
node --test --test-concurrency=1 tests/e2e/

echo "all tests passed in $((SECONDS - t0)) s"
